"""The document type: ``to_dict``/``from_dict`` round-trip every document, through JSON too."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.document import (
    BLOCK_KINDS,
    Block,
    Document,
    Dropped,
    Meta,
    Provenance,
    Segment,
    TermMatch,
    segment_from_dict,
    segment_to_dict,
)

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)  # Meta refuses a path as its slug
provenances = st.builds(Provenance, engine=text, model=text, glossary=text, reviewed=st.booleans())
terms = st.builds(TermMatch, zh=text, en=text, start=st.integers(-1, 500))
segments = st.builds(
    Segment,
    id=text,
    zh=text,
    en=text,
    terms=st.lists(terms, max_size=3).map(tuple),
    provenance=st.none() | provenances,
)
blocks = st.builds(
    Block,
    kind=st.sampled_from(BLOCK_KINDS),
    text=text,
    level=st.integers(0, 6),
    lines=st.lists(st.integers(0, 10_000), max_size=4).map(tuple),
    segments=st.lists(segments, max_size=3).map(tuple),
)
metas = st.builds(
    Meta,
    slug=slugs,
    origin=text,
    format=st.sampled_from(("text", "html")),
    encoding=text,
    title=text,
    date=text,
    source=text,
    site=text,
    script=text,
    region=text,
    conversion=text,
)
droppeds = st.builds(Dropped, line=st.integers(0, 10_000), text=text, rule=text)
documents = st.builds(
    Document,
    meta=metas,
    blocks=st.lists(blocks, max_size=4).map(tuple),
    dropped=st.lists(droppeds, max_size=4).map(tuple),
)


@settings(max_examples=150, deadline=None)
@given(documents)
def test_round_trip(doc: Document) -> None:
    assert Document.from_dict(doc.to_dict()) == doc
    assert Document.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))) == doc


@given(segments)
def test_segment_round_trip(segment: Segment) -> None:
    assert segment_from_dict(json.loads(json.dumps(segment_to_dict(segment)))) == segment


def test_unknown_fields_are_ignored_and_defaults_filled() -> None:
    doc = Document.from_dict({"meta": {"slug": "a", "later": 1}, "blocks": [{"kind": "paragraph", "text": "x"}]})
    assert doc == Document(meta=Meta(slug="a"), blocks=(Block(kind="paragraph", text="x"),))


def test_unknown_block_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="table"):
        Document.from_dict({"meta": {"slug": "a"}, "blocks": [{"kind": "table", "text": "x"}]})


_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.text(max_size=3), st.lists(st.integers(), max_size=1)
)
_TERM = st.one_of(
    st.fixed_dictionaries({"zh": _VALUES, "en": _VALUES}, optional={"start": _VALUES}),
    st.fixed_dictionaries({"zh": st.text(max_size=3), "en": st.text(max_size=3), "start": st.integers(-2, 5)}),
    _VALUES,
)
_SEGMENT = st.fixed_dictionaries(
    {"id": st.one_of(st.text(max_size=3), _VALUES), "zh": st.one_of(st.text(max_size=3), _VALUES)},
    optional={
        "en": st.one_of(st.text(max_size=3), _VALUES),
        "terms": st.one_of(st.lists(_TERM, max_size=3), _VALUES),
        "provenance": st.one_of(
            st.none(), st.just({}), st.fixed_dictionaries({"engine": _VALUES, "model": st.text(max_size=2)}), _VALUES
        ),
    },
)


@settings(max_examples=300, deadline=None)
@given(_SEGMENT)
def test_a_segment_read_the_fast_way_is_read_as_the_checked_way(data: dict[str, object]) -> None:
    """segment_from_dict's fast path (exact types) gives what the checked path gives, and
    leaves everything else to it."""
    from toolkit import document

    def read(fast: bool) -> object:
        saved = document._segment_fast
        if not fast:
            document._segment_fast = lambda d: None  # type: ignore[assignment]
        try:
            return document.segment_from_dict(data)  # type: ignore[arg-type]
        except Exception as exc:
            return type(exc)
        finally:
            document._segment_fast = saved

    assert read(True) == read(False)
