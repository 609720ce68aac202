"""The input formats, as data: one row per reader.

Everything that needs to know the input formats reads this table: the CLI (which files of
a folder are inputs, ``--format`` and its help text), :func:`toolkit.files.slugify` (the
suffixes a file name loses), :func:`toolkit.files.input_format` and :mod:`toolkit.batch`.
A format is chosen by the file's suffix, or by ``--format NAME``; never by sniffing content.

Adding a format is one row here plus its module: a function ``read(path, *, max_bytes) ->
Document`` named by ``target`` (imported on first use, so ``toolkit --help`` stays fast); it
reads the file through :func:`toolkit.files.read_input`, which refuses anything that is not a
regular file or is over ``max_bytes``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from .document import Document
from .errors import ConfigError, one_of


class ReadFn(Protocol):
    def __call__(self, path: Path, *, max_bytes: int) -> Document: ...


@dataclass(frozen=True, slots=True)
class Reader:
    name: str
    """What ``--format`` calls it and what ``Meta.format`` records for a raw page."""
    suffixes: tuple[str, ...]
    """File suffixes (lowercase, with the dot; ``""``: no suffix) read by this reader; a
    file name loses its suffix when it is slugged."""
    target: str
    """``module:function`` that reads a file into a :class:`~toolkit.document.Document`."""
    help: str
    """One line for the documentation and ``--help``."""
    raw: bool = True
    """A raw page (text dump, HTML), read into ``raw`` blocks for the clean stage; ``--format``
    may choose it. False: a toolkit document (interchange), chosen by its suffix only."""

    def read(self, path: Path, max_bytes: int) -> Document:
        module, _, function = self.target.partition(":")
        return cast(ReadFn, getattr(importlib.import_module(module), function))(path, max_bytes=max_bytes)


READERS: tuple[Reader, ...] = (
    Reader("text", (".txt", ".text", ""), "toolkit.files:read_text", "a text dump, one source line per line"),
    Reader("html", (".html", ".htm"), "toolkit.files:read_html", "an HTML page; trafilatura finds its main text"),
    Reader(
        "markdown", (".md",), "toolkit.files:load_document", "a toolkit document: Markdown with front matter", raw=False
    ),
    Reader("json", (".json",), "toolkit.files:load_document", "a toolkit document: Document.to_dict", raw=False),
)
"""Every input format. The first is the default for a file whose suffix no reader claims."""

DEFAULT = READERS[0]
FORMATS = tuple(r.name for r in READERS if r.raw)
"""What ``--format`` accepts."""
SUFFIXES = frozenset(s for r in READERS for s in r.suffixes)
"""Every suffix some reader claims: the files of a folder that are read."""


def format_help() -> str:
    """``--format``'s help text, from the table."""
    return f"{one_of(FORMATS)} [default: by extension]."


def by_name(name: str) -> Reader:
    """The raw-page reader ``--format name`` asks for; a ConfigError (exit 2) naming the choices."""
    for reader in READERS:
        if reader.raw and reader.name == name:
            return reader
    raise ConfigError(f"unknown format {name!r}", hint="use " + " or ".join(f"--format {n}" for n in FORMATS))


def for_path(path: Path, forced: str | None = None) -> Reader:
    """The reader for ``path``: ``forced`` (a ``--format`` name) if given, else by suffix, else
    the default (a text dump)."""
    if forced:
        return by_name(forced)
    suffix = path.suffix.lower()
    return next((r for r in READERS if suffix in r.suffixes), DEFAULT)


def strip_suffix(name: str) -> str:
    """``name`` without the suffix of a registered format (``报告.HTML`` → ``报告``)."""
    lower = name.lower()
    for suffix in sorted((s for s in SUFFIXES if s), key=len, reverse=True):
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name
