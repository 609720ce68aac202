"""Reading inputs, writing outputs: decoding, safe names, atomic writes, Markdown I/O."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from . import readers
from .document import SLUG, Block, Document, Dropped, Meta
from .errors import InputError
from .escape import md_inline


def input_format(path: Path, forced: str | None = None) -> str:
    """The raw-page format of ``path`` (``text``, ``html``: see :mod:`toolkit.readers`), by
    extension (or ``forced``), never by sniffing content."""
    reader = readers.for_path(path, forced)
    return reader.name if reader.raw else readers.DEFAULT.name


def decode(data: bytes, path: Path, html: bool = False) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding). Raises InputError for empty, binary or
    undecodable data. See :mod:`toolkit.encoding`."""
    from .encoding import decode as _decode

    return _decode(data, path, html=html)


def slugify(name: str) -> str:
    """A safe output name from a file name: lowercase ASCII letters, digits, ``-``."""
    stem = readers.strip_suffix(Path(name).name)
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")
    if not slug:
        # A name with no ASCII at all (e.g. 报告.txt): a stable hash keeps names unique.
        import hashlib

        slug = "doc-" + hashlib.sha1(stem.encode()).hexdigest()[:10]
    return slug[:80].rstrip("-")


def output_path(folder: Path, slug: str, suffix: str) -> Path:
    """``folder/slug+suffix``, checked to be a file directly inside ``folder`` (a slug is one
    of the toolkit's own names, never a path taken from input)."""
    if not SLUG.fullmatch(slug):
        raise InputError(f"unsafe output name {slug!r}", hint="output names come from files.slugify")
    path = folder / f"{slug}{suffix}"
    if path.resolve().parent != folder.resolve():
        raise InputError("output would leave its folder", path=path)
    return path


def read_source(path: Path, forced_format: str | None = None) -> Document:
    """Read a raw page into a Document of ``raw`` blocks, one per source line.

    Text dumps: one block per line (LF, CRLF or CR), numbered from 1. HTML: the ``<title>``
    as line 0, then one block per main-text line (see :mod:`toolkit.html`), numbered in the
    page's visible lines; the visible lines outside the main text are already in
    ``Document.dropped``.
    """
    fmt = input_format(path, forced_format)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=path) from None
    text, encoding = decode(data, path, html=fmt == "html")
    meta = Meta(slug=slugify(path.name), origin=path.name, format=fmt, encoding=encoding)
    if fmt == "text":
        lines = text.splitlines()
        blocks = tuple(Block(kind="raw", text=line, lines=(i,)) for i, line in enumerate(lines, start=1))
        return Document(meta=meta, blocks=blocks)

    from .html import NOT_MAIN, parse_html

    page = parse_html(text)
    meta = Meta(**{**_asdict(meta), **page.meta})
    title = (Block(kind="raw", text=page.title, lines=(0,)),) if page.title else ()
    blocks = title + tuple(
        Block(kind="raw", text=line, lines=(i,))
        for i, (line, main) in enumerate(zip(page.lines, page.main, strict=True), start=1)
        if main
    )
    dropped = tuple(
        Dropped(line=i, text=line, rule=NOT_MAIN)
        for i, (line, main) in enumerate(zip(page.lines, page.main, strict=True), start=1)
        if not main
    )
    if not blocks:
        raise InputError("no visible text in the page", path=path, hint="check that it is an HTML page")
    return Document(meta=meta, blocks=blocks, dropped=dropped)


def read_text(path: Path) -> Document:
    """A text dump (the ``text`` reader of :mod:`toolkit.readers`)."""
    return read_source(path, "text")


def read_html(path: Path) -> Document:
    """An HTML page (the ``html`` reader of :mod:`toolkit.readers`)."""
    return read_source(path, "html")


def _asdict(meta: Meta) -> dict[str, Any]:
    return {name: getattr(meta, name) for name in meta.__slots__}


def expand_inputs(paths: Iterable[Path], suffixes: set[str] | None = None) -> list[Path]:
    """Files given directly, plus the files inside given folders (sorted, hidden ones skipped)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(p).parts)
                if child.is_file() and not hidden and (suffixes is None or child.suffix.lower() in suffixes):
                    out.append(child)
        elif p.exists():
            out.append(p)
        else:
            raise InputError("no such file or folder", path=p)
    return out


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` to ``path`` via a temporary file and rename: never a half-written file.

    A new file gets the umask's mode (0644 under 022; ``mkstemp`` alone would make it 0600);
    a file written over keeps any permission bit it had beyond those. A failure (a full disk,
    a read-only or unwritable folder) removes the temporary file, leaves ``path`` as it was,
    and raises :class:`~toolkit.errors.OutputError` naming ``path`` and the fix.
    """
    from .outputs import output_error, replacement_mode

    data = text.encode("utf-8") if isinstance(text, str) else text
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fd, replacement_mode(path))
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        _discard(tmp)
        raise output_error(exc, path) from None
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: str | None) -> None:
    """Remove a temporary file, if there is one and it can be removed."""
    from contextlib import suppress

    if tmp is not None:
        with suppress(OSError):
            os.unlink(tmp)


# --- Markdown interchange (cleaned / normalised documents) ---------------------------------


def dump_markdown(doc: Document) -> str:
    """A document as Markdown with YAML front matter (the ``clean``/``normalize`` output)."""
    meta = {k: v for k, v in _asdict(doc.meta).items() if v not in ("", None)}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).strip()
    parts = [f"---\n{front}\n---\n"]
    for block in doc.blocks:
        text = md_inline(block.text)
        if block.kind == "heading":
            parts.append("#" * block.level + " " + text)
        elif block.kind == "list_item":
            parts.append("- " + text)
        else:
            parts.append(text)
    return "\n\n".join(parts) + "\n"


def load_markdown(text: str, path: Path) -> Document:
    """Parse Markdown written by :func:`dump_markdown` (or by hand in the same shape)."""
    from markdown_it import MarkdownIt

    front: dict[str, Any] = {}
    body = text
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end == -1:
            raise InputError("front matter has no closing '---'", path=path, line=1)
        try:
            loaded = yaml.safe_load(text[3:end])
        except yaml.YAMLError as exc:
            raise InputError(f"front matter is not valid YAML: {exc}", path=path, line=1) from None
        if not isinstance(loaded, dict):
            raise InputError("front matter must be a mapping of fields", path=path, line=1)
        front = loaded
        body = text[end + 4 :]
    names = set(Meta.__slots__)
    fields = {k: str(v) for k, v in front.items() if k in names}
    # A slug from front matter is a wish, not a path: it is slugged again (../../x → x).
    fields["slug"] = slugify(fields["slug"]) if fields.get("slug") else slugify(path.name)
    meta = Meta(**fields)
    blocks = list(_md_blocks(MarkdownIt("commonmark"), body))
    return Document(meta=meta, blocks=tuple(blocks))


def _md_blocks(md: Any, body: str) -> Iterator[Block]:
    tokens = md.parse(body)
    in_list = 0
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif tok.type == "inline":
            parent = tokens[i - 1]
            text = _inline_text(tok)
            if not text:
                continue
            if parent.type == "heading_open":
                yield Block(kind="heading", text=text, level=int(parent.tag[1:]))
            elif in_list:
                yield Block(kind="list_item", text=text)
            else:
                yield Block(kind="paragraph", text=text)


def _inline_text(tok: Any) -> str:
    parts: list[str] = []
    for child in tok.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("")
    return "".join(parts).strip()


def load_document(path: Path) -> Document:
    """Read an interchange file: ``.json`` (``Document.to_dict``) or ``.md`` with front matter."""
    import json

    try:
        text = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=path) from None
    decoded, _ = decode(text, path)
    decoded = decoded.lstrip("\ufeff")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(decoded)
            meta = data["meta"]
            meta["slug"] = slugify(str(meta.get("slug") or path.name))  # never a path from input
            return Document.from_dict(data)
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"not a toolkit document JSON: {exc}", path=path) from None
    return load_markdown(decoded, path)
