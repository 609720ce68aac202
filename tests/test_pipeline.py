"""The pipeline: the stages in order, by name; run alone, skipped, or up to a stage."""

from __future__ import annotations

import pytest

from toolkit.clean import clean
from toolkit.document import Block, Document, Meta
from toolkit.glossary import Entry, Glossary
from toolkit.normalize import normalize
from toolkit.pipeline import STAGE_NAMES, Context, run

LINES = (
    "首页 > 新闻中心",
    "关于开展科技活动周的通知",
    "為深入實施創新驅動發展戰略，推動科技成果轉化，現將有關事項通知如下。",
)


def _raw() -> Document:
    blocks = tuple(Block(kind="raw", text=t, lines=(n,)) for n, t in enumerate(LINES, 1))
    return Document(meta=Meta(slug="notice"), blocks=blocks)


CTX = Context(glossary=Glossary([Entry(zh="科技成果", en="scientific and technological achievements")]))


def test_stages_in_order() -> None:
    assert STAGE_NAMES == ("clean", "normalize", "segment", "glossary", "translate")


def test_until_runs_the_stages_up_to_and_including_it() -> None:
    assert run([_raw()], CTX, until="clean") == [clean(_raw())]
    assert run([_raw()], CTX, until="normalize") == [normalize(clean(_raw()))]
    segmented = run([_raw()], CTX, until="segment")[0]
    assert segmented.segments and not any(s.terms for s in segmented.segments)
    matched = run([_raw()], CTX, until="glossary")[0]
    assert [t.zh for s in matched.segments for t in s.terms] == ["科技成果"]


def test_a_stage_runs_alone_by_skipping_the_others() -> None:
    cleaned = clean(_raw())
    assert run([cleaned], CTX, until="normalize", skip=("clean",)) == [normalize(cleaned)]
    # Skipping a stage leaves its work undone: raw lines are not cleaned.
    assert run([_raw()], CTX, until="clean", skip=("clean",)) == [_raw()]


def test_unknown_stage_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown stage"):
        run([_raw()], CTX, until="publish")


def test_translate_needs_a_backend() -> None:
    with pytest.raises(ValueError, match="backend"):
        run([_raw()], CTX)
