"""Publish: banners say how the English was made; source text is escaped everywhere."""

from __future__ import annotations

from toolkit.document import Block, Document, Meta, Provenance, Segment
from toolkit.publish import aligned_page, banner, en_page, zh_page

MT = Provenance(engine="argos", model="translate-zh_en-1_9 1.9", glossary="abc123")
HUMAN = Provenance(engine="human", model="reviewed", glossary="abc123", reviewed=True)


def doc(*provs: Provenance, text: str = "科技创新。") -> Document:
    segs = tuple(Segment(id=f"p1s{i}", zh=text, en="Innovation.", provenance=p) for i, p in enumerate(provs))
    title = Block("heading", "标题", level=1, segments=(Segment("p0s0", "标题", "Title", provenance=provs[0]),))
    body = Block("paragraph", text, segments=segs)
    return Document(meta=Meta(slug="d", origin="d.txt", title="标题"), blocks=(title, body))


def test_machine_translation_banner_names_the_package_and_glossary() -> None:
    text = banner(doc(MT, MT))
    assert "Machine translation" in text and "translate-zh&#95;en-1&#95;9 1.9" in text and "<code>abc123</code>" in text
    assert "sentences were reviewed" not in text


def test_partly_reviewed_document_says_how_much() -> None:
    text = banner(doc(MT, HUMAN, MT))
    assert "Machine translation" in text and "1 of 4 sentences were reviewed by a human translator" in text


def test_fully_reviewed_document() -> None:
    assert "Human translation" in banner(doc(HUMAN, HUMAN))


def test_pages_escape_source_text() -> None:
    hostile = "<script>alert(1)</script>{{ x }}"
    d = doc(MT, text=hostile)
    for page in (zh_page(d), aligned_page(d)):
        assert "<script>alert" not in page
    assert "&#60;script&#62;" in aligned_page(d) and "&#60;script&#62;" in zh_page(d)
    assert "<script>" not in en_page(d)


def test_english_page_gives_the_sources_english_name() -> None:
    from toolkit.document import Block, Document, Meta, Segment

    head = Block(kind="heading", text="标题", level=1, segments=(Segment(id="p0s0", zh="标题", en="Title"),))
    meta = Meta(slug="s", title="标题", source="上海市科学技术委员会", date="2020-01-01")
    d = Document(meta=meta, blocks=(head,))
    page = en_page(d, {"上海市科学技术委员会": "Science and Technology Commission of Shanghai Municipality"})
    assert 'Source: Science and Technology Commission of Shanghai Municipality (<span lang="zh-Hans">上海' in page
    assert 'Source: <span lang="zh-Hans">上海市科学技术委员会</span>' in en_page(d)
    assert "来源：上海市科学技术委员会" in zh_page(d)
