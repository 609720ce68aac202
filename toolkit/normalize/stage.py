"""The stage function: :func:`normalize` (and :func:`normalize_report`) over a whole document."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..document import Block, Document
from .convert import _check_conversion, convert_script
from .detection import Detection, detect
from .punctuation import normalize_punctuation
from .report import Change, Record, Report


def normalize_text(text: str, config: str, *, quotes: bool = True, record: Record | None = None) -> str:
    """One string through the stage: punctuation and spacing, then script (``config``)."""
    return convert_script(normalize_punctuation(text, quotes=quotes, record=record), config, record=record)


def normalize(doc: Document, script: str | None = None) -> Document:
    """Convert to mainland Simplified and normalise punctuation.

    ``script`` forces the conversion (``tw2sp``, ``tw2s``, ``t2s``, ``hk2s`` or ``none``); by
    default it is chosen by :func:`detect`. A document that records a conversion is returned
    unchanged unless ``script`` is given.
    """
    return _normalize(doc, script, None)[0]


def normalize_report(doc: Document, script: str | None = None, *, changes: bool = True) -> tuple[Document, Report]:
    """:func:`normalize`, what it detected and (with ``changes``) every change it made, recorded as
    it made them."""
    recorded: list[Change] | None = [] if changes else None
    out, found = _normalize(doc, script, recorded)
    return out, Report(found, out.meta.conversion, tuple(recorded or ()))


def _normalize(doc: Document, script: str | None, changes: list[Change] | None) -> tuple[Document, Detection | None]:
    if script is not None:
        _check_conversion(script)
    elif doc.meta.conversion:
        return doc, None  # already normalised
    found = detect("\n".join([doc.meta.title, *(b.text for b in doc.blocks)]))
    config = script or found.conversion
    quotes = config != "none" or found.script == "simplified"

    def fix(text: str, line: int = 0, block: int = 0, field: str = "text", report: bool = True) -> str:
        record = _recorder(changes, line, block, field) if changes is not None and report else None
        return normalize_text(text, config, quotes=quotes, record=record)

    title = fix(doc.meta.title, field="title")
    source = fix(doc.meta.source, field="source")
    blocks = tuple(_fix_block(b, number, fix) for number, b in enumerate(doc.blocks, start=1))
    meta = replace(
        doc.meta,
        title=title,
        source=source,
        script=doc.meta.script or found.script,
        region=doc.meta.region or found.region,
        conversion=config,
    )
    return replace(doc, meta=meta, blocks=blocks), found


def _recorder(changes: list[Change], line: int, block: int, field: str) -> Record:
    def record(rule: str, before: str, after: str, note: str) -> None:
        changes.append(Change(rule, before, after, line, field, note, block))

    return record


def _fix_block(b: Block, number: int, fix: Callable[..., str]) -> Block:
    """The block's text (reported) and its segments' text, if any (the same changes, not reported)."""
    line = b.lines[0] if b.lines else 0
    return replace(
        b,
        text=fix(b.text, line, number),
        segments=tuple(replace(s, zh=fix(s.zh, line, number, report=False)) for s in b.segments),
    )
