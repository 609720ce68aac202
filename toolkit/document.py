"""The one document type that flows through every stage.

``Document`` holds metadata and an ordered tuple of ``Block``; after segmentation each
block carries ``Segment`` objects, which the glossary and translate stages fill in.
All are frozen, slotted dataclasses; stages return new objects (``dataclasses.replace``).
``to_dict``/``from_dict`` round-trip losslessly through JSON, so the output of any stage
can be written to disk, inspected, and fed back in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any, Literal, cast

BlockKind = Literal["raw", "heading", "paragraph", "list_item"]
BLOCK_KINDS: tuple[BlockKind, ...] = ("raw", "heading", "paragraph", "list_item")


@dataclass(frozen=True, slots=True)
class Provenance:
    """How an English segment was made."""

    engine: str
    """``argos`` (neural MT), ``gloss`` (dictionary gloss, not a translation) or ``human``."""
    model: str
    """Package name and version for ``argos``; the dictionaries used for ``gloss``."""
    glossary: str
    """Glossary version (content hash) that was applied, or ``""`` when none."""
    reviewed: bool = False
    """True when a human reviewed this segment's English."""


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A glossary entry matched in a segment's Chinese text."""

    zh: str
    en: str
    start: int
    """Offset of the match in the segment's ``zh``."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence: the unit of translation, alignment and translation memory."""

    id: str
    """Stable within its document: ``p<block>s<sentence>``."""
    zh: str
    en: str = ""
    terms: tuple[TermMatch, ...] = ()
    provenance: Provenance | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A structural unit: the title (heading level 1), a heading, a paragraph, a list item.

    ``raw`` blocks are source lines before cleaning.
    """

    kind: BlockKind
    text: str
    level: int = 0
    """Heading level (1 is the document title); 0 for other kinds."""
    lines: tuple[int, ...] = ()
    """1-based source line numbers this block came from."""
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True, slots=True)
class Dropped:
    """A source line the cleaner removed, and the named rule that removed it."""

    line: int
    text: str
    rule: str


SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
"""What an output name may be: the toolkit's own slugs (``files.slugify``), never a path."""


@dataclass(frozen=True, slots=True)
class Meta:
    """Document metadata; written as YAML front matter."""

    slug: str
    """Safe output name, derived from the origin file name, never a path (checked: ``SLUG``)."""
    origin: str = ""
    """Name of the file the document was read from."""
    format: str = "text"
    """``text`` or ``html``."""
    encoding: str = "utf-8"
    """Encoding the origin file was decoded with."""
    title: str = ""
    date: str = ""
    """ISO 8601 date (YYYY-MM-DD) or ``""``."""
    source: str = ""
    """Issuing or publishing organisation."""
    site: str = ""
    """Name of the website the page was saved from, when the page gives it."""
    script: str = ""
    """Script the origin was written in (``simplified``/``traditional``), set by normalise."""
    region: str = ""
    """Whose phrasing the origin shows (``mainland``/``taiwan``/``hongkong``), set by normalise."""
    conversion: str = ""
    """OpenCC configuration normalise applied (``tw2sp``, ``t2s`` …) or ``none``."""

    def __post_init__(self) -> None:
        if not SLUG.fullmatch(self.slug):
            raise ValueError(f"unsafe output name {self.slug!r}: use files.slugify")


@dataclass(frozen=True, slots=True)
class Document:
    meta: Meta
    blocks: tuple[Block, ...] = ()
    dropped: tuple[Dropped, ...] = field(default=())

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(s for b in self.blocks for s in b.segments)

    def to_dict(self) -> dict[str, Any]:
        return {
            "meta": _plain(self.meta),
            "blocks": [
                {
                    "kind": b.kind,
                    "text": b.text,
                    "level": b.level,
                    "lines": list(b.lines),
                    "segments": [segment_to_dict(s) for s in b.segments],
                }
                for b in self.blocks
            ],
            "dropped": [_plain(d) for d in self.dropped],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        meta = Meta(**_known(Meta, data["meta"]))
        blocks = []
        for b in data.get("blocks", []):
            kind = b["kind"]
            if kind not in BLOCK_KINDS:
                raise ValueError(f"unknown block kind {kind!r}")
            blocks.append(
                Block(
                    kind=cast(BlockKind, kind),
                    text=b["text"],
                    level=int(b.get("level", 0)),
                    lines=tuple(b.get("lines", ())),
                    segments=tuple(segment_from_dict(s) for s in b.get("segments", [])),
                )
            )
        dropped = tuple(Dropped(**_known(Dropped, d)) for d in data.get("dropped", []))
        return cls(meta=meta, blocks=tuple(blocks), dropped=dropped)


def segment_to_dict(s: Segment) -> dict[str, Any]:
    """The segment record of the ``translate`` output contract."""
    return {
        "id": s.id,
        "zh": s.zh,
        "en": s.en,
        "terms": [{"zh": t.zh, "en": t.en, "start": t.start} for t in s.terms],
        "provenance": _plain(s.provenance) if s.provenance else None,
    }


def segment_from_dict(d: dict[str, Any]) -> Segment:
    prov = d.get("provenance")
    return Segment(
        id=d["id"],
        zh=d["zh"],
        en=d.get("en", ""),
        terms=tuple(TermMatch(zh=t["zh"], en=t["en"], start=int(t.get("start", -1))) for t in d.get("terms", [])),
        provenance=Provenance(**_known(Provenance, prov)) if prov else None,
    )


def _plain(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _known(cls: Any, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}
