from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from toolkit.document import Block, Document, Meta
from toolkit.segment import segment, split_sentences


def test_split_sentences() -> None:
    text = "坚持问题导向。“能解决的马上办！”不能立即解决的，列出清单；排出时限"
    assert split_sentences(text) == ["坚持问题导向。", "“能解决的马上办！”", "不能立即解决的，列出清单；", "排出时限"]


@given(st.text(alphabet=st.sampled_from(list("科技。！？；”」）a1 …")), max_size=80))
def test_split_loses_nothing(text: str) -> None:
    assert "".join(split_sentences(text)) == text


def test_segment_ids_and_headings() -> None:
    doc = Document(
        meta=Meta(slug="x"),
        blocks=(Block("heading", "标题。第二句。", level=1), Block("paragraph", "第一句。第二句。")),
    )
    out = segment(doc)
    assert [s.id for s in out.segments] == ["p0s0", "p1s0", "p1s1"]
    assert out.blocks[0].segments[0].zh == "标题。第二句。"  # a heading stays one segment
    assert segment(out) == out  # already segmented: unchanged
