"""Exchange units: one per segment, as review files carry them, and the documents behind them.

A unit's id is stable: the document's slug and the segment's id, ``<slug>:<segment>``
(``000-278de87c3f697afd:p3s1``; an XML name token, as XLIFF 2.0 requires). What each file
format writes about a unit besides its source and target goes through :func:`info_note`
and comes back through :func:`parse_info`, so all formats record the same things.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..document import Document, Meta, Segment, state_of
from ..errors import InputError, ToolkitError

if TYPE_CHECKING:
    from ..batch import Listener
    from ..config import Config

SEPARATOR = ":"
SOURCE_LANG = "zh-CN"
TARGET_LANG = "en"
META_FIELDS = ("title", "date", "source", "origin")
"""The document metadata every review file carries in its header."""
MACHINE_STATES = ("gloss", "machine", "fuzzy")
"""States whose English is pre-filled for the translator but still needs review."""

# What the notes of a unit are called (XLIFF note category / from, PO comment prefix).
NOTE_INFO = "toolkit"
"""``state: machine; engine: argos; model: …; score: 87; match: …`` — how the English was made."""
NOTE_EXPORTED = "exported-en"
"""The English as exported: import compares the target with it to know what changed."""
NOTE_TERM = "glossary"
"""One glossary term of the segment, ``zh = en``."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One segment as exchanged."""

    id: str
    zh: str
    en: str
    state: str
    """``new``, ``gloss``, ``machine``, ``fuzzy``, ``reviewed`` or ``final``."""
    engine: str = ""
    model: str = ""
    glossary: str = ""
    reviewer: str = ""
    reviewed_at: str = ""
    score: int = 0
    match: str = ""
    terms: tuple[tuple[str, str], ...] = ()

    @property
    def needs_review(self) -> bool:
        return self.state in MACHINE_STATES


@dataclass(frozen=True, slots=True)
class DocUnits:
    """A document's metadata and its units, in reading order."""

    meta: Meta
    units: tuple[Unit, ...]

    def header(self) -> list[tuple[str, str]]:
        """The metadata a file header carries: (name, value) for each one set."""
        return [(name, getattr(self.meta, name)) for name in META_FIELDS if getattr(self.meta, name)]


def unit_id(slug: str, segment: str) -> str:
    return f"{slug}{SEPARATOR}{segment}"


def split_id(uid: str) -> tuple[str, str]:
    """``(slug, segment id)`` of a unit id; ``("", "")`` when it is not one of ours."""
    slug, sep, seg = uid.partition(SEPARATOR)
    return (slug, seg) if sep and slug and seg else ("", "")


def unit_of(slug: str, seg: Segment) -> Unit:
    prov = seg.provenance
    terms = tuple(dict.fromkeys((t.zh, t.en) for t in seg.terms))
    if prov is None or not seg.en:
        return Unit(unit_id(slug, seg.id), seg.zh, seg.en, state_of(seg), terms=terms)
    return Unit(
        unit_id(slug, seg.id),
        seg.zh,
        seg.en,
        state_of(seg),
        engine=prov.engine,
        model=prov.model,
        glossary=prov.glossary,
        reviewer=prov.reviewer,
        reviewed_at=prov.reviewed_at,
        score=prov.score,
        match=prov.match,
        terms=terms,
    )


def units_of(doc: Document) -> DocUnits:
    return DocUnits(doc.meta, tuple(unit_of(doc.meta.slug, s) for s in doc.segments))


# --- the notes every format carries ----------------------------------------------------------

_INFO_FIELDS = ("state", "engine", "model", "score", "match", "reviewer", "reviewed_at")


def info_note(unit: Unit) -> str:
    """How the unit's English was made, on one line: ``state: machine; engine: argos; …``."""
    values = {
        "state": unit.state,
        "engine": unit.engine,
        "model": unit.model,
        "score": str(unit.score) if unit.state == "fuzzy" else "",
        "match": unit.match if unit.state == "fuzzy" else "",
        "reviewer": unit.reviewer,
        "reviewed_at": unit.reviewed_at,
    }
    return "; ".join(f"{k}: {_flat(v)}" for k, v in values.items() if v)


def parse_info(note: str) -> dict[str, str]:
    """The fields of an :func:`info_note` (unknown or malformed parts are ignored)."""
    out = {}
    for part in note.split("; "):
        key, sep, value = part.partition(": ")
        if sep and key in _INFO_FIELDS:
            out[key] = value
    return out


def term_note(zh: str, en: str) -> str:
    return f"{_flat(zh)} = {_flat(en)}"


def _flat(text: str) -> str:
    """One line, no field separator: a note field never spills into the next."""
    return re.sub(r"\s+", " ", text).replace("; ", ", ")


# --- reading the documents -------------------------------------------------------------------


def is_translation_record(data: Any) -> bool:
    """Whether JSON ``data`` is the ``translate`` command's output (``meta`` + ``segments``)."""
    return isinstance(data, dict) and "segments" in data and isinstance(data.get("meta"), dict)


def read_translation_record(path: Path, max_bytes: int) -> Document | None:
    """The document of a ``translate`` JSON output file, English and provenance kept (read by
    :func:`toolkit.files.load_document`); None when ``path`` is JSON of another kind (a
    ``Document.to_dict``, which goes through the pipeline like any source)."""
    from ..files import load_document, read_input

    raw = read_input(path, max_bytes)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(f"not valid JSON: {exc}", path=path) from None
    if not is_translation_record(data):
        return None
    return load_document(path, max_bytes=max_bytes)


def split_inputs(inputs: Sequence[Path], listener: Listener, max_bytes: int) -> tuple[list[Path], list[Document]]:
    """The inputs to run through the pipeline, and the documents read from ``translate`` JSON
    outputs among them (already translated: their English and provenance are kept)."""
    from ..batch import input_paths

    try:
        paths = input_paths(inputs)
    except ToolkitError as err:
        listener.fail(err)
        return [], []
    records: list[Document] = []
    rest: list[Path] = []
    for path in paths:
        if path.suffix.lower() != ".json":
            rest.append(path)
            continue
        try:
            doc = read_translation_record(path, max_bytes)
        except ToolkitError as err:
            listener.fail(err)
            continue
        if doc is None:
            rest.append(path)
        else:
            records.append(doc)
    if not records:  # the ordinary path: folders as given (their link checks included)
        return list(inputs), []
    return rest, records


def documents_to_export(
    inputs: Sequence[Path], listener: Listener, cfg: Config, glossary: Path | None, fmt: str | None, jobs: int
) -> list[Document]:
    """Every input as a translated document: sources through the pipeline (with the memory and
    the backend, so the English and its state are current), ``translate`` outputs as they are."""
    from ..batch import translate_documents, unique_slugs

    rest, records = split_inputs(inputs, listener, cfg.max_input_bytes)
    docs = translate_documents(rest, listener, cfg, glossary, fmt, jobs).docs if rest else []
    return unique_slugs(docs + records, listener)


def current_sources(
    inputs: Sequence[Path], listener: Listener, cfg: Config, fmt: str | None = None, jobs: int = 1
) -> dict[str, str]:
    """Unit id → the current Chinese of that segment, from the documents as they are now
    (sources are cleaned, normalised and segmented again; nothing is translated)."""
    from ..batch import read_documents, unique_slugs

    rest, records = split_inputs(inputs, listener, cfg.max_input_bytes)
    docs = read_documents(rest, listener, fmt, None, "segment", jobs, cfg.max_input_bytes) if rest else []
    return {unit_id(d.meta.slug, s.id): s.zh for d in unique_slugs(docs + records, listener) for s in d.segments}


# --- what a review file brings back ----------------------------------------------------------

MARKS = ("new", "machine", "translated", "reviewed", "final")
"""What a returned file says of a unit's target: ``new`` (not translated), ``machine`` (still
marked as needing review), ``translated`` (by a person), ``reviewed``, ``final`` (signed off)."""


@dataclass(frozen=True, slots=True)
class Returned:
    """One unit as a review file brings it back."""

    id: str
    zh: str
    en: str
    mark: str
    """One of :data:`MARKS`."""
    exported_en: str = ""
    """The English as exported (the unit's ``exported-en`` note)."""
    exported_state: str = ""
    """The state as exported (from the unit's ``toolkit`` note)."""


@dataclass(frozen=True, slots=True)
class ReturnedFile:
    """A review file read back: its format, its translator field, its units."""

    path: Path
    format: str
    translator: str
    units: tuple[Returned, ...]
