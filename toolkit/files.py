"""Reading inputs, writing outputs: decoding, safe names, atomic writes, Markdown I/O."""

from __future__ import annotations

import datetime
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from . import readers
from .document import SLUG, Block, BlockKind, Document, Dropped, Meta
from .errors import InputError, ToolkitError
from .escape import md_inline

MAX_INPUT_BYTES = 50 * 1024 * 1024
"""The default size limit of one input file (the ``max-input-mb`` setting: 50 MB)."""
MAX_FRONT_MATTER = 64 * 1024
"""The most characters of YAML front matter a Markdown input may carry."""

_LINE_END = re.compile(r"\r\n|\r|\n")
_LAYOUT_TO_SPACE = dict.fromkeys(map(ord, "\v\f\x1c\x1d\x1e\x85\u2028\u2029"), " ")
"""Characters :meth:`str.splitlines` takes for line ends that :func:`split_lines` does not:
in a text dump they are layout (a form feed between PDF pages), read as a space."""


def split_lines(text: str) -> list[str]:
    """``text`` split at its line ends, which are ``\\n``, ``\\r\\n`` and ``\\r`` only.

    Unlike :meth:`str.splitlines`, a form feed, vertical tab, ``\\x1c``-``\\x1e``, U+0085,
    U+2028 or U+2029 does not end a line: it stays, as it is, inside its line, so line
    numbers agree with what editors, ``grep -n`` and ``wc -l`` say. A final line end does
    not start another line.
    """
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def line_of(data: bytes, offset: int) -> int:
    """The 1-based line (ends: LF, CRLF, CR) that byte ``offset`` of ``data`` is on."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def read_input(path: Path, max_bytes: int = MAX_INPUT_BYTES, error: type[ToolkitError] = InputError) -> bytes:
    """The bytes of the input file ``path``, refusing what could hang or exhaust memory.

    Only a regular file is read: a named pipe (whose ``open`` blocks until someone writes),
    a device such as ``/dev/zero`` (endless) or a socket is refused before it is opened. A
    file over ``max_bytes`` is refused from its size, and at most ``max_bytes + 1`` bytes are
    read, so a file that grows while it is read cannot exhaust memory either. Errors are
    ``error`` (an :class:`InputError` unless the caller reads, say, a glossary).
    """
    limit_mb = _size(max_bytes)
    hint = "raise max-input-mb in toolkit.toml, or split the file"
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{_kind(info.st_mode)}, not a regular file", path=path, hint="give the path of a regular file")
        if info.st_size > max_bytes:
            raise error(f"file is {_size(info.st_size)}, over the {limit_mb} input limit", path=path, hint=hint)
        # O_NONBLOCK: should the path be swapped for a FIFO after the check, open still returns.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise error("not a regular file", path=path, hint="give the path of a regular file")
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise error(f"cannot read file: {exc.strerror}", path=path) from None
    if len(data) > max_bytes:
        raise error(f"file is over the {limit_mb} input limit (it grew while being read)", path=path, hint=hint)
    return data


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
    slug = slug[:80].rstrip("-")
    # zh/index.md would be the zh/ folder's own page, not a document of that name.
    return f"{slug}-doc" if slug in RESERVED_SLUGS else slug


RESERVED_SLUGS = frozenset({"index"})
"""Names a document cannot take: MkDocs serves ``zh/index.md`` as ``zh/``."""


def output_path(folder: Path, slug: str, suffix: str) -> Path:
    """``folder/slug+suffix``, checked to be a file directly inside ``folder`` (a slug is one
    of the toolkit's own names, never a path taken from input)."""
    if not SLUG.fullmatch(slug):
        raise InputError(f"unsafe output name {slug!r}", hint="output names come from files.slugify")
    path = folder / f"{slug}{suffix}"
    if path.resolve().parent != folder.resolve():
        raise InputError("output would leave its folder", path=path)
    return path


def read_source(path: Path, forced_format: str | None = None, *, max_bytes: int = MAX_INPUT_BYTES) -> Document:
    """Read a raw page into a Document of ``raw`` blocks, one per source line.

    Text dumps: one block per line (LF, CRLF or CR only: see :func:`split_lines`), numbered
    from 1 as editors number them; a form feed, vertical tab, U+0085, U+2028 or U+2029 is
    read as a space inside its line. HTML: the ``<title>`` as line 0, then one block per main-text line (see
    :mod:`toolkit.html`), numbered in the page's visible lines; the visible lines outside the
    main text are already in ``Document.dropped``. Files over ``max_bytes`` and anything not
    a regular file are refused (:func:`read_input`).
    """
    fmt = input_format(path, forced_format)
    data = read_input(path, max_bytes)
    text, encoding = decode(data, path, html=fmt == "html")
    meta = Meta(slug=slugify(path.name), origin=path.name, format=fmt, encoding=encoding)
    if fmt == "text":
        lines = split_lines(text.translate(_LAYOUT_TO_SPACE))
        blocks = tuple(Block(kind="raw", text=line, lines=(i,)) for i, line in enumerate(lines, start=1))
        return Document(meta=meta, blocks=blocks)

    from .html import NOT_MAIN, TOO_LARGE, parse_html

    page = parse_html(text)
    meta = Meta(**{**_asdict(meta), **page.meta})
    title = (Block(kind="raw", text=page.title, lines=(0,)),) if page.title else ()
    blocks = title + tuple(
        Block(kind=_raw_kind(page.pre.get(i - 1)), text=line, lines=(i,))
        for i, (line, main) in enumerate(zip(page.lines, page.main, strict=True), start=1)
        if main
    )
    dropped = tuple(
        Dropped(line=i, text=line, rule=page.why.get(i - 1, NOT_MAIN))
        for i, (line, main) in enumerate(zip(page.lines, page.main, strict=True), start=1)
        if not main
    )
    if page.skipped:  # no line dropped: the entry says, in --explain, why none was for this rule
        dropped = (Dropped(line=0, text=page.skipped, rule=TOO_LARGE), *dropped)
    if not blocks:
        raise InputError("no visible text in the page", path=path, hint="check that it is an HTML page")
    return Document(meta=meta, blocks=blocks, dropped=dropped)


def read_text(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> Document:
    """A text dump (the ``text`` reader of :mod:`toolkit.readers`)."""
    return read_source(path, "text", max_bytes=max_bytes)


def read_html(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> Document:
    """An HTML page (the ``html`` reader of :mod:`toolkit.readers`)."""
    return read_source(path, "html", max_bytes=max_bytes)


def _asdict(meta: Meta) -> dict[str, Any]:
    return {name: getattr(meta, name) for name in meta.__slots__}


def expand_inputs(paths: Iterable[Path], suffixes: set[str] | None = None) -> list[Path]:
    """Files given directly, plus the files inside given folders (sorted, hidden ones skipped).

    Never opens anything. A named pipe, socket or device inside a folder is listed like a
    file, so that reading it fails with its own error (:func:`read_input`) rather than being
    skipped in silence; folders reached through symbolic links are not entered.
    """
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(p).parts)
                if not child.is_dir() and not hidden and (suffixes is None or child.suffix.lower() in suffixes):
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


def _raw_kind(code: bool | None) -> BlockKind:
    """A page line's raw kind: ``code`` in a code block, ``preformatted`` in another ``<pre>``."""
    return "raw" if code is None else "code" if code else "preformatted"


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


_CLOSING = re.compile(r"\n---[ \t]*(?=\r?\n|$)")
"""The line that closes front matter: ``---`` alone (not ``---x``)."""


def document_from_record(record: dict[str, Any]) -> dict[str, Any]:
    """The ``Document.to_dict`` form of a ``translate`` JSON record (:mod:`toolkit.writers`):
    its blocks, each with its segments (English and provenance kept). A record without
    ``blocks`` (an older one) gets a block per ``p<n>`` of its segment ids, the first a title
    heading when it is the title."""
    segments = record["segments"]
    if not isinstance(segments, list) or not all(isinstance(s, dict) for s in segments):
        raise ValueError("'segments' must be a list of segment records")
    by_id = {str(s.get("id")): s for s in segments}
    blocks = record.get("blocks")
    if blocks is None:
        groups: dict[str, list[dict[str, Any]]] = {}
        for seg in segments:
            groups.setdefault(re.sub(r"s\d+$", "", str(seg.get("id"))), []).append(seg)
        title = str(record["meta"].get("title") or "")
        blocks = []
        for n, segs in enumerate(groups.values()):
            text = "".join(str(s.get("zh", "")) for s in segs)
            heading = n == 0 and text == title
            blocks.append(
                {
                    "kind": "heading" if heading else "paragraph",
                    "level": 1 if heading else 0,
                    "text": text,
                    "segments": segs,
                }
            )
        return {"meta": record["meta"], "blocks": blocks}
    out = []
    for b in blocks:
        if not isinstance(b, dict) or not isinstance(b.get("segments"), list):
            raise ValueError("a block must be a mapping with a list of segment ids")
        missing = [i for i in b["segments"] if str(i) not in by_id]
        if missing:
            raise ValueError(f"block names segment {missing[0]!r}, which is not in 'segments'")
        out.append({**b, "segments": [by_id[str(i)] for i in b["segments"]]})
    return {"meta": record["meta"], "blocks": out}


BILINGUAL = "bilingual"
"""The ``toolkit`` front-matter value of the bilingual Markdown ``translate`` writes: a page to
read, not a document to read back (its ``.json`` twin is)."""


def load_markdown(text: str, path: Path) -> Document:
    """Parse Markdown written by :func:`dump_markdown` (or by hand in the same shape)."""
    from markdown_it import MarkdownIt

    front: dict[str, Any] = {}
    body = text
    if text.startswith("---"):
        closing = _CLOSING.search(text, 3, 3 + MAX_FRONT_MATTER + 8)
        end = closing.start() if closing else -1
        if end == -1:
            if _CLOSING.search(text, 3):
                raise InputError(
                    f"front matter is over {MAX_FRONT_MATTER // 1024} KiB", path=path, line=1, hint="shorten it"
                )
            raise InputError("front matter has no closing '---'", path=path, line=1)
        front = _front_matter(text[3:end], path)
        body = text[end + 4 :]
    if front.get("toolkit") == BILINGUAL:
        raise InputError(
            "this is the bilingual Markdown `toolkit translate` writes, not a document to read back",
            path=path,
            hint=f"pass its JSON twin, {path.with_suffix('.json').name}",
        )
    names = set(Meta.__slots__)
    for key, value in front.items():
        if key in names and not isinstance(value, _SCALARS):
            kind = "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else "not text"
            raise InputError(
                f"front matter field {key!r} is {kind}; it must be a single value", path=path, hint="write it as text"
            )
    fields = {k: str(v) for k, v in front.items() if k in names}
    # A slug from front matter is a wish, not a path: it is slugged again (../../x → x).
    fields["slug"] = slugify(fields["slug"]) if fields.get("slug") else slugify(path.name)
    fields.setdefault("origin", path.name)
    meta = Meta(**fields)
    blocks = list(_md_blocks(MarkdownIt("commonmark"), body))
    return Document(meta=meta, blocks=tuple(blocks))


_SCALARS = (str, int, float, bool, datetime.date, type(None))
"""What a known front-matter field may hold; lists and mappings are refused, not stringified."""


class _AliasFound(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _NoAliasLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing anchors (``&a``) and aliases (``*a``) altogether.

    Aliases let a few hundred bytes expand into gigabytes ("billion laughs"); front matter
    never needs them. The check is made on the events, before any node is built.
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _AliasFound(event.start_mark.line)
        return super().compose_node(parent, index)


def _front_matter(source: str, path: Path) -> dict[str, Any]:
    """The fields of YAML front matter (``source``: what follows the first ``---``)."""
    # Line numbers: ``source`` starts on the file's line 1, after the ``---``.
    try:
        loaded = yaml.load(source, Loader=_NoAliasLoader)  # a SafeLoader subclass
    except _AliasFound as exc:
        raise InputError(
            "front matter uses YAML aliases (&/*), which are not allowed",
            path=path,
            line=exc.line + 1,
            hint="write each value out in full",
        ) from None
    except RecursionError:
        raise InputError("front matter is nested too deeply", path=path, line=1) from None
    except (ValueError, OverflowError) as exc:  # a date YAML reads but no calendar has (2024-02-30)
        hint = "quote the value, or correct it"
        raise InputError(f"front matter holds a value YAML cannot read: {exc}", path=path, line=1, hint=hint) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"front matter is not valid YAML: {problem}", path=path, line=line) from None
    if not isinstance(loaded, dict):
        raise InputError("front matter must be a mapping of fields", path=path, line=1)
    return loaded


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


def load_document(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> Document:
    """Read an interchange file: ``.json`` (``Document.to_dict``) or ``.md`` with front matter.

    Files over ``max_bytes`` and anything not a regular file are refused (:func:`read_input`).
    """
    import json

    text = read_input(path, max_bytes)
    decoded, _ = decode(text, path)
    decoded = decoded.lstrip("\ufeff")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(decoded)
            meta = data["meta"]
            meta["slug"] = slugify(str(meta.get("slug") or path.name))  # never a path from input
            if "segments" in data:  # the ``translate`` JSON output (Document.to_dict has none)
                data = document_from_record(data)
            return Document.from_dict(data)
        except RecursionError:
            raise InputError("not a toolkit document JSON: nested too deeply", path=path) from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:  # a field of the wrong type
            raise InputError(f"not a toolkit document JSON: {exc}", path=path) from None
    return load_markdown(decoded, path)
