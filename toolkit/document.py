"""The one document type that flows through every stage.

``Document`` holds metadata and an ordered tuple of ``Block``; after segmentation each
block carries ``Segment`` objects, which the glossary and translate stages fill in.
All are frozen, slotted dataclasses; stages return new objects (``dataclasses.replace``).
``to_dict``/``from_dict`` round-trip losslessly through JSON, so the output of any stage
can be written to disk, inspected, and fed back in.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal, cast

BlockKind = Literal["raw", "preformatted", "code", "heading", "paragraph", "list_item"]
BLOCK_KINDS: tuple[BlockKind, ...] = ("raw", "preformatted", "code", "heading", "paragraph", "list_item")
RAW_KINDS: tuple[BlockKind, ...] = ("raw", "preformatted", "code")
"""Source lines before cleaning: ``raw``; ``preformatted``, a line of a page's ``<pre>`` (an
ASCII table, a notice printed as typed), which no rule that reads a line's drawing drops;
``code``, a line of a code block, which no line rule judges. Cleaning keeps each of the last
two a paragraph of its own, joined to no other line."""


STATES = ("new", "gloss", "machine", "fuzzy", "reviewed", "final")
"""A segment's English, from least to most trusted: ``new`` (none yet), ``gloss`` (a
dictionary gloss, not a translation), ``machine`` (machine translation), ``fuzzy`` (a reviewed
translation of a *similar* source, needing review), ``reviewed`` (a human reviewed or wrote
it), ``final`` (reviewed and signed off)."""
HUMAN_STATES = ("reviewed", "final")


@dataclass(frozen=True, slots=True)
class Provenance:
    """How an English segment was made, and who reviewed it."""

    engine: str
    """``argos`` (neural MT), ``gloss`` (dictionary gloss, not a translation) or ``human``."""
    model: str
    """Package name and version for ``argos``; the dictionaries used for ``gloss``;
    ``reviewed`` or ``fuzzy`` for ``human``."""
    glossary: str
    """Glossary version (content hash) that was applied, or ``""`` when none."""
    reviewed: bool = False
    """True when a human reviewed this segment's English (state ``reviewed`` or ``final``)."""
    state: str = ""
    """One of :data:`STATES` but ``new``; derived from ``engine`` and ``reviewed`` when empty."""
    reviewer: str = ""
    """Who reviewed the English (a reviewed, final or fuzzy segment's translator)."""
    reviewed_at: str = ""
    """When, ISO 8601 (UTC)."""
    score: int = 0
    """For ``fuzzy``: how similar (0–100, characters) the reviewed source is to this one."""
    match: str = ""
    """For ``fuzzy``: the reviewed Chinese source whose English this is."""

    def __post_init__(self) -> None:
        state = self.state or ("reviewed" if self.reviewed else "gloss" if self.engine == "gloss" else "machine")
        if state not in STATES[1:]:
            raise ValueError(f"unknown state {state!r}: use {', '.join(STATES[1:])}")
        object.__setattr__(self, "state", state)
        object.__setattr__(self, "reviewed", state in HUMAN_STATES)


def state_of(seg: Segment) -> str:
    """The segment's state (:data:`STATES`): ``new`` when it has no English yet."""
    return seg.provenance.state if seg.provenance is not None and seg.en else "new"


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

    ``raw``, ``preformatted`` and ``code`` blocks are source lines before cleaning (:data:`RAW_KINDS`).
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
class Profile:
    """What the site's listings, QA and banners say of a document's English, counted from its
    segments: a document from the translation cache brings its profile along, and is then not
    read at all for an index, a record or a count (:mod:`toolkit.incremental`)."""

    segments: int
    states: tuple[tuple[str, int], ...]
    """Segments per state (:data:`STATES`), every state present, most trusted first."""
    terms: int
    """Glossary terms matched in the Chinese."""
    reviewed: int
    """Segments whose English a human reviewed (``provenance.reviewed``)."""
    engine: tuple[str, str, str]
    """(engine, model, glossary version) of the machine-made English; ("human", "reviewed",
    version) when all of it is human; empty without English."""
    en_title: str
    """The English of a level-1 heading that opens the document, or ``""``."""
    misses: tuple[tuple[str, str, str], ...]
    """(segment id, zh term, en rendering) of every glossary term missing from the English."""

    def to_list(self) -> list[Any]:
        return [self.segments, [list(x) for x in self.states], self.terms, self.reviewed, list(self.engine),
                self.en_title, [list(x) for x in self.misses]]  # fmt: skip

    @classmethod
    def from_list(cls, data: Any) -> Profile:
        """The inverse of :meth:`to_list`; anything else is a ``ValueError``."""
        if type(data) is not list or len(data) != 7:
            raise ValueError("not a document profile")
        segments, states, terms, reviewed, engine, en_title, misses = data
        if not all(type(x) is list for x in (states, engine, misses)) or len(engine) != 3:
            raise ValueError("not a document profile")
        if not all(type(x) is list for x in (*states, *misses)):
            raise ValueError("not a document profile")
        made = cls(
            segments, tuple((a, b) for a, b in states), terms, reviewed, (engine[0], engine[1], engine[2]),
            en_title, tuple((a, b, c) for a, b, c in misses),
        )  # fmt: skip
        numbers = (made.segments, made.terms, made.reviewed, *(n for _, n in made.states))
        texts = (*made.engine, made.en_title, *(x for m in made.misses for x in m), *(k for k, _ in made.states))
        if not all(type(n) is int and n >= 0 for n in numbers) or not all(type(t) is str for t in texts):
            raise ValueError("not a document profile")
        # Every state, most trusted first, as :meth:`Document.profile` counts them.
        if tuple(k for k, _ in made.states) != tuple(reversed(STATES)):
            raise ValueError("not a document profile")
        return made


@dataclass(frozen=True, slots=True)
class Document:
    meta: Meta
    blocks: tuple[Block, ...] = ()
    dropped: tuple[Dropped, ...] = field(default=())

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(s for b in self.blocks for s in b.segments)

    def english(self, ids: Iterable[str]) -> dict[str, str]:
        """The English of the segments named ``ids`` (those the document has), by id."""
        wanted = set(ids)
        return {s.id: s.en for s in self.segments if s.id in wanted}

    def profile(self) -> Profile:
        """:class:`Profile`, counted from the segments."""
        segs = self.segments
        counts = Counter(state_of(s) for s in segs)
        return Profile(
            segments=len(segs),
            states=tuple((state, counts.get(state, 0)) for state in reversed(STATES)),
            terms=sum(len(s.terms) for s in segs),
            reviewed=sum(1 for s in segs if s.provenance and s.provenance.reviewed),
            engine=engine_of(segs),
            en_title=title_en(self),
            misses=terms_missing(segs),
        )

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
        """The inverse of :meth:`to_dict`. Anything of the wrong type (a number for a text, a
        heading level outside 1–6, a line number that is not one) is a ``ValueError``."""
        meta = Meta(**_texts(Meta, _mapping(data["meta"], "meta")))
        blocks = []
        for b in _list(data.get("blocks", []), "blocks"):
            b = _mapping(b, "block")
            kind = b["kind"]
            if kind not in BLOCK_KINDS:
                raise ValueError(f"unknown block kind {kind!r}")
            level = _int(b.get("level", 0), "level")
            if not 0 <= level <= 6:
                raise ValueError(f"level {level} is not 0 to 6")
            blocks.append(
                Block(
                    kind=cast(BlockKind, kind),
                    text=_text(b["text"], "text"),
                    level=level,
                    lines=tuple(_int(n, "line") for n in _list(b.get("lines", ()), "lines")),
                    segments=tuple(
                        segment_from_dict(_mapping(s, "segment")) for s in _list(b.get("segments", []), "segments")
                    ),
                )
            )
        dropped = tuple(
            Dropped(
                line=_int(d.get("line", 0), "line"),
                text=_text(d.get("text", ""), "text"),
                rule=_text(d.get("rule", ""), "rule"),
            )
            for d in (_mapping(x, "dropped") for x in _list(data.get("dropped", []), "dropped"))
        )
        return cls(meta=meta, blocks=tuple(blocks), dropped=dropped)


def engine_of(segments: Sequence[Segment]) -> tuple[str, str, str]:
    """(engine, model, glossary version) of the machine-made English among ``segments``;
    ("human", "reviewed", version) when all of it is human; empty without English."""
    provs = [s.provenance for s in segments if s.provenance]
    machine = [p for p in provs if p.engine != "human"]
    if machine:
        return machine[0].engine, machine[0].model, machine[0].glossary
    return ("human", "reviewed", provs[0].glossary) if provs else ("", "", "")


def title_en(doc: Document) -> str:
    """The English of a level-1 heading that opens ``doc``, or ``""``."""
    first = doc.blocks[0] if doc.blocks else None
    if first and first.kind == "heading" and first.level == 1 and first.segments:
        return " ".join(s.en for s in first.segments if s.en)
    return ""


def terms_missing(segments: Sequence[Segment]) -> tuple[tuple[str, str, str], ...]:
    """QA: (segment id, zh term, en rendering) for every glossary term missing from the English."""
    return tuple((s.id, t.zh, t.en) for s in segments for t in s.terms if t.en.lower() not in s.en.lower())


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
    fast = _segment_fast(d)
    if fast is not None:
        return fast
    prov = d.get("provenance")
    return Segment(
        id=_text(d["id"], "id"),
        zh=_text(d["zh"], "zh"),
        en=_text(d.get("en", ""), "en"),
        terms=tuple(
            TermMatch(zh=_text(t["zh"], "zh"), en=_text(t["en"], "en"), start=_int(t.get("start", -1), "start"))
            for t in (_mapping(x, "term") for x in _list(d.get("terms", []), "terms"))
        ),
        provenance=_provenance(_mapping(prov, "provenance")) if prov else None,
    )


def _segment_fast(d: Any) -> Segment | None:
    """The segment when every field has exactly its type (what :func:`segment_to_dict` writes):
    made without the checks' calls, the same result; None for anything else, which the checked
    way then reads or refuses with its message."""
    if type(d) is not dict:
        return None
    sid, zh, en, terms, prov = d.get("id"), d.get("zh"), d.get("en", ""), d.get("terms", []), d.get("provenance")
    if type(sid) is not str or type(zh) is not str or type(en) is not str or type(terms) is not list:
        return None
    made = []
    for t in terms:
        if type(t) is not dict:
            return None
        tzh, ten, start = t.get("zh"), t.get("en"), t.get("start", -1)
        if type(tzh) is not str or type(ten) is not str or type(start) is not int or not -1 <= start <= 10**9:
            return None
        made.append(_term(tzh, ten, start))
    if prov is not None and type(prov) is not dict:
        return None
    return Segment(id=sid, zh=zh, en=en, terms=tuple(made), provenance=_provenance(prov) if prov else None)


@functools.lru_cache(maxsize=65536)
def _term(zh: str, en: str, start: int) -> TermMatch:
    return TermMatch(zh=zh, en=en, start=start)  # one object for each (a corpus repeats its terms)


def _provenance(data: dict[str, Any]) -> Provenance:
    # a document's segments share a few provenances: each is checked and made once
    try:
        return _provenance_of(tuple((k, type(v), v) for k, v in data.items()))  # 1 and True apart
    except TypeError:  # a value that is no text nor number (unhashable): checked, refused
        return _make_provenance(data)


@functools.lru_cache(maxsize=4096)
def _provenance_of(items: tuple[tuple[str, type, Any], ...]) -> Provenance:
    return _make_provenance({k: v for k, _, v in items})


def _make_provenance(data: dict[str, Any]) -> Provenance:
    values = _texts(Provenance, data)
    for name in ("engine", "model", "glossary"):
        values.setdefault(name, "")
    return Provenance(**values)


def _plain(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _known(cls: Any, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def _texts(cls: Any, data: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``cls`` in ``data``, each checked: a text (``null`` as empty), or a
    boolean or a whole number where the field is one."""
    out: dict[str, Any] = {}
    for f in fields(cls):
        if f.name in data:
            value = data[f.name]
            if f.type == "bool" and isinstance(value, bool):
                out[f.name] = value
            elif f.type == "int":
                out[f.name] = _int(value, f.name)
            else:
                out[f.name] = _text(value, f.name)
    return out


def _text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name!r} must be text, not {type(value).__name__}")
    return value


def _int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not -1 <= value <= 10**9:
        raise ValueError(f"{name!r} must be a whole number, not {value!r:.40}")
    return value


def _list(value: Any, name: str) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise ValueError(f"{name!r} must be a list, not {type(value).__name__}")
    return list(value)


def _mapping(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"a {name} must be a mapping, not {type(value).__name__}")
    return value
