"""The clean stage: golden output per seed, the exact lines dropped, and properties."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from toolkit.clean import clean, key
from toolkit.document import Block, Document, Meta
from toolkit.errors import InputError
from toolkit.files import dump_markdown, read_source

from .conftest import GOLDEN, SEED_FILES, SEEDS

# Every line each seed loses, with the rule that drops it. Lines not listed here (and not
# blank) must survive as body text.
DROPPED = {
    "000_278de87c3f697afd.txt": {
        1: "site-name", 3: "metadata-line", 5: "title", 7: "title", 67: "share",
    },
    "001_30305e7df3106016.txt": {
        1: "breadcrumb", 2: "breadcrumb", 4: "title", 36: "share", 38: "site-promo",
        41: "related-links", 43: "trailer", 44: "trailer", 46: "tag-line",
    },
    "002_a1976a7a51a0a365.txt": {
        1: "breadcrumb", 2: "title", 3: "metadata-line", 4: "font-size", 172: "window-control",
    },
    "003_65c9071f4ed8fc60.txt": {1: "title", 3: "title", 5: "metadata-line", 7: "title"},
    "004_6cc1a28280856ca1.txt": {
        1: "breadcrumb", 3: "section-label", 5: "title", 7: "metadata-line", 10: "title",
        75: "link-farm", 77: "footer-contact", 79: "trailer", 81: "trailer", 83: "footer", 85: "footer",
        87: "link-farm", 89: "page-timing",
    },
}  # fmt: skip

META = {
    "000_278de87c3f697afd.txt": ("2019年市科技工作党委、市科委工作情况报告", "2019-12-02", "市科技工作党委、市科委"),
    "001_30305e7df3106016.txt": ("市科技工作黨委聚焦科技創新工作的突出矛盾和問題", "", "上觀新聞"),
    "002_a1976a7a51a0a365.txt": ("2020年科技工作报告", "2020-05-11", "办公室"),
    "003_65c9071f4ed8fc60.txt": (
        "浦东新区科委科协2014年工作总结和2015年工作思路",
        "2015-06-06",
        "浦东科技和经济委员会",
    ),
    "004_6cc1a28280856ca1.txt": ("深圳市科技创新委2020年度工作情况暨2021年工作安排", "2021-05-28", "市科创委"),
}


def _clean(path: Path) -> Document:
    return clean(read_source(path))


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_golden(seed: Path) -> None:
    """The cleaned Markdown equals the reviewed golden file (UPDATE_GOLDEN=1 rewrites it)."""
    got = dump_markdown(_clean(seed))
    golden = GOLDEN / f"{seed.stem}.clean.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_dropped_lines_exactly(seed: Path) -> None:
    doc = _clean(seed)
    assert {d.line: d.rule for d in doc.dropped} == DROPPED[seed.name]


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_body_line_kept(seed: Path) -> None:
    """Each non-blank line not listed as dropped appears whole in the cleaned body."""
    doc = _clean(seed)
    body = "\n".join(b.text for b in doc.blocks[1:])
    lines = seed.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if number in DROPPED[seed.name] or not key(line):
            continue
        assert line.strip(" \u3000\u00a0") in body, f"{seed.name}:{number} lost"


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_metadata(seed: Path) -> None:
    doc = _clean(seed)
    assert (doc.meta.title, doc.meta.date, doc.meta.source) == META[seed.name]
    assert doc.blocks[0] == Block(kind="heading", text=META[seed.name][0], level=1, lines=doc.blocks[0].lines)


def test_headings_recovered() -> None:
    doc = _clean(SEEDS / "002_a1976a7a51a0a365.txt")
    headings = [(b.level, b.text[:8]) for b in doc.blocks if b.kind == "heading"]
    assert (2, "一、2019年科") in headings
    assert (3, "(一)坚持突出国") in headings
    # A numbered line that is a long paragraph (a run-in heading) stays a paragraph.
    doc = _clean(SEEDS / "000_278de87c3f697afd.txt")
    assert [b.kind for b in doc.blocks if b.text.startswith("1.持续强化")] == ["paragraph"]


def test_levels_have_no_gaps() -> None:
    raw = ["标题文件通知", "", "一、总体要求", "", "1.工作目标", "", "这是正文内容，" * 10 + "。"]
    doc = clean(Document(meta=Meta(slug="x"), blocks=tuple(Block("raw", t, lines=(i,)) for i, t in enumerate(raw, 1))))
    assert [(b.level, b.text) for b in doc.blocks if b.kind == "heading"][1:] == [
        (2, "一、总体要求"),
        (3, "1.工作目标"),
    ]


def test_broken_paragraph_rejoined() -> None:
    doc = _clean(SEEDS / "002_a1976a7a51a0a365.txt")
    joined = [b for b in doc.blocks if b.lines == (100, 102)]
    assert joined and joined[0].text.startswith("面对新冠肺炎疫情") and "在全国率先实施" in joined[0].text


def test_clean_is_idempotent_on_clean_documents() -> None:
    doc = _clean(SEED_FILES[0])
    assert clean(doc) == doc


def _raw(lines: list[str]) -> Document:
    return Document(meta=Meta(slug="t"), blocks=tuple(Block("raw", t, lines=(i,)) for i, t in enumerate(lines, 1)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=30))
def test_clean_never_raises(lines: list[str]) -> None:
    doc = clean(_raw([ln.replace("\n", " ").replace("\r", " ") for ln in lines]))
    assert all(b.kind != "raw" for b in doc.blocks)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SEED_FILES[2].read_text(encoding="utf-8").splitlines()), min_size=1, max_size=20))
def test_kept_text_comes_from_the_source(lines: list[str]) -> None:
    """Whatever clean keeps is source text: each block is its source lines, joined; it invents
    nothing (the title aside, which may be a line's part)."""
    doc = clean(_raw(lines))
    for b in doc.blocks:
        if b.level == 1:
            continue
        pieces = [lines[n - 1].strip(" \u3000\u00a0") for n in b.lines]
        assert b.text == "".join(pieces) or (b.kind == "list_item" and len(pieces) == 1 and pieces[0].endswith(b.text))


# --- properties over any input -----------------------------------------------------------------

_PAGES = [seed.read_text(encoding="utf-8").splitlines() for seed in SEED_FILES] + [
    [b.text for b in read_source(page).blocks]
    for page in sorted((Path(__file__).parent / "pages").glob("*.*"))
    if page.suffix in (".txt", ".html", ".htm")
]
# Random words: letters, digits and sentence punctuation (no ">", "|" or ":", which would make
# a breadcrumb, a link farm or a metadata line out of two joined halves).
_NOISE = st.text(st.characters(categories=["Lo", "Lu", "Ll", "Nd", "Zs"]) | st.sampled_from("，。、；"), max_size=60)


def _as_dump(doc: Document) -> list[str]:
    """A cleaned document written back as a text dump: title, then blocks, blank-separated."""
    out: list[str] = []
    for b in doc.blocks:
        out += [("- " if b.kind == "list_item" else "") + b.text, ""]
    return out


@st.composite
def _page_variants(draw: st.DrawFn) -> list[str]:
    """A page with some of its lines left out and some random lines put in."""
    lines = draw(st.sampled_from(_PAGES))
    keep = draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    out = [line for line, k in zip(lines, keep, strict=True) if k]
    for noise in draw(st.lists(_NOISE, max_size=3, unique=True)):
        if noise not in lines:  # the page's own repeats are enough (its title's)
            out.insert(draw(st.integers(0, len(out))), noise)
    return out


@settings(max_examples=300, deadline=None)
@given(_page_variants())
# Found by hypothesis: a numbered line and a full-width fragment joined into a paragraph
# that, on one line, reads as a heading.
@example(["浦东新区科委科协2014年工作总结和2015年工作思路", "二、2015年工作目标和主要任务", "000000000000000",
          "(四)进一步健全科技金融支撑体系", "(五)进一步完善科技公共服务体系"])  # fmt: skip
def test_clean_is_idempotent_on_its_output(lines: list[str]) -> None:
    """Cleaning the cleaned text again (written as a text dump) drops nothing more and gives
    the same title and blocks."""
    once = clean(_raw(lines))
    twice = clean(_raw(_as_dump(once)))
    if once.meta.title:
        assert twice.meta.title == once.meta.title
        assert [(b.kind, b.level, b.text) for b in twice.blocks] == [(b.kind, b.level, b.text) for b in once.blocks]
        assert [d.rule for d in twice.dropped] == ["title"]


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".html", ".htm"]))
def test_read_source_never_raises_but_input_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    """Arbitrary bytes: a document, or an InputError naming the file; nothing else."""
    path = tmp_path_factory.mktemp("bytes") / f"page{suffix}"
    path.write_bytes(data)
    try:
        doc = clean(read_source(path))
    except InputError as err:
        assert str(path) in err.render()
        return
    assert all(b.kind != "raw" for b in doc.blocks)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("发布时间：2023-05-08 10:20", "2023-05-08"),
        ("来源：科技部 | 发布：Thu, 27 Apr 2023 08:00:00 +0800", "2023-04-27"),
        ("April 27, 2023", "2023-04-27"),
        ("二〇二三年五月八日", "2023-05-08"),
        ("發布日期：112-07-12", "2023-07-12"),
    ],
)
def test_dates_in_many_spellings(line: str, date: str) -> None:
    from toolkit.textmeta import parse_date as _parse_date

    assert _parse_date(key(line), roc=True) == date


def test_publication_date_before_update_or_signing_date() -> None:
    """Of the header's dates, 发布日期 wins over 更新日期 and 成文日期 whatever their order."""
    lines = ["某某通知", "更新日期：2023-07-13", "成文日期：2023-07-01", "发布日期：2023-07-12", _BODY]
    assert clean(_raw(lines)).meta.date == "2023-07-12"


def test_bare_date_below_title_is_dropped_but_a_bracketed_one_stays() -> None:
    page = clean(_raw(["关于开展科技活动周的通知", "2023年5月8日", _BODY]))
    assert page.meta.date == "2023-05-08"
    assert all(b.text != "2023年5月8日" for b in page.blocks)
    speech = clean(_raw(["在全市科技大会上的讲话", "（2023年5月8日）", _BODY]))
    assert any(b.text == "（2023年5月8日）" for b in speech.blocks)


def test_page_break_of_a_printed_report_does_not_end_the_paragraph() -> None:
    """A PDF dump hard-wrapped at 20 characters: the page number and the running header
    between two lines of one paragraph go, and the paragraph is one block."""
    text = (
        "全年新增高新技术企业一百二十家，认定科技型中小企业三百余家，建设省级以上创新平台十五个，"
        "技术合同成交额同比增长百分之二十八点五，全社会研发投入强度达到百分之三点二，"
        "每万人口高价值发明专利拥有量达到二十一件"
    )
    wrapped = [text[i : i + 20] for i in range(0, len(text), 20)]
    assert not wrapped[2].endswith("，")
    title = "某市科技局2022年工作报告"
    lines = [title, "", "一、主要成效", *wrapped[:3], "", "- 1 -", "", title, "", *wrapped[3:-1], wrapped[-1] + "。"]
    page = clean(_raw(lines))
    assert [b.text for b in page.blocks if b.kind == "paragraph"] == [text + "。"]
    assert {d.rule for d in page.dropped} >= {"page-number", "title"}


_BODY = "为深入实施创新驱动发展战略，加快建设科技强市，现就有关事项通知如下，请各单位认真贯彻落实。"


ARTICLE = [
    "益阳数字乡村建设取得新进展",
    "2024年03月20日 09:12　来源：新华网",
    "益水之阳，是名益阳。这个洞庭湖区的重要城市，六十年前就曾在作家笔下展现风貌，如今又在继续书写传奇。",
    "无土栽培、立体种植、智能调控、四季生产，在一个智慧农业园区里，物联网和大数据技术正在改变农业生产。",
]


def _body(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if not (b.kind == "heading" and b.level == 1)]


@pytest.mark.parametrize("credit", ["（责任编辑：王五）", "（編輯：蘇龍麒）1120221", "【编辑：张三】"])
def test_an_editors_credit_glued_to_the_last_paragraph_is_cut_off(credit: str) -> None:
    last = "当地干部表示，下一步将继续推进数字乡村建设，让更多农民分享数字经济发展带来的红利。"
    doc = clean(_raw([*ARTICLE, last + credit]))
    assert _body(doc)[-1] == last
    assert any(d.rule == "editor" and d.text == credit for d in doc.dropped)


@pytest.mark.parametrize(
    "line",
    [
        "当地干部表示，这是一条（编辑：张三）说明以后的话还在继续。",
        "当地干部表示，要继续推进。（作者：南帆，系福建师范大学研究员）",
    ],
)
def test_a_credit_inside_a_paragraph_or_an_authors_note_stays(line: str) -> None:
    assert _body(clean(_raw([*ARTICLE, line])))[-1] == line


def test_the_values_under_a_bare_tag_label_go_with_it() -> None:
    doc = clean(_raw([*ARTICLE[:2], "标签：", "it", "人工智能", "--摘自《人月神话》", *ARTICLE[2:]]))
    body = _body(doc)
    assert "it" not in body and "人工智能" not in body
    assert any("摘自《人月神话》" in b for b in body)  # not a tag: it has quotation marks
    assert {d.text for d in doc.dropped if d.rule == "tag-line"} == {"标签：", "it", "人工智能"}


def test_a_markup_title_with_a_comma_that_the_page_shows_is_the_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    headline = "真我推出首款 AI 翻译耳机 Bud Air7 Pro，支持 32 种语言翻译！"
    para = "真我手机官方微博宣布，其首款 AI 翻译耳机即将于4月23日下午16时正式上市，支持32种语言的面对面翻译。"
    html = (
        f'<html><head><meta property="og:title" content="{headline}"></head><body><h1>{headline}</h1>'
        f"<div>AIbase基地</div><div>发布于AI新闻资讯 · 1 分钟阅读 · Apr 22, 2025</div><p>{para}</p></body></html>"
    )
    # The extractor leaves the headline out of the main text; an account's name sits above the metadata.
    monkeypatch.setattr("toolkit.html._main_text", lambda html: (["AIbase基地", para], ""))
    page = tmp_path / "p.html"
    page.write_text(html, encoding="utf-8")
    assert clean(read_source(page)).meta.title == headline
