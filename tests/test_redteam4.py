"""Red-team tests (round 4): the HTML reader's template rules (furniture, the body container),
hidden classes, the '<![' reading, related-story inserts, glued editor credits and tag values.

Each test states the claim it checks: most failed on the code they were written against (fixed
in the same branch); those marked xfail are holes left open, with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.clean import clean
from toolkit.document import Document
from toolkit.files import read_source
from toolkit.html import parse_html
from toolkit.htmlmarks import HIDDEN_TEXT
from toolkit.htmltemplate import FURNITURE, furnishes

from .run_toolkit import python
from .test_clean import _raw

TITLE = "益阳：数字赋能山乡巨变"
PARAS = [
    "益水之阳，是名益阳。这个洞庭湖区的重要城市，六十年前就曾在作家笔下展现风貌，如今又在继续书写传奇。",
    "无土栽培、立体种植、智能调控、四季生产，在一个智慧农业园区里，物联网和大数据技术正在改变农业生产。",
    "数字化农业的甜头，小农户在销售产品中感受更深。村民只需拍几张照片，就可把家里的产品挂上网卖钱。",
    "当地干部表示，下一步将继续推进数字乡村建设，让更多农民分享数字经济发展带来的红利，实现共同富裕。",
    "据统计，全市已建成数字农业示范基地四十余个，带动农户增收超过两亿元，农村电商交易额持续增长。",
]
MORE = [
    "村民王大姐告诉记者，过去种的菜只能挑到集市上卖，现在通过手机直播，订单源源不断，收入翻了一番。",
    "专家指出，数字乡村建设要因地制宜，避免一哄而上，要让技术真正服务于农业生产和农民生活的需要。",
    "益阳市农业农村局负责人表示，今年将新建数字农业基地十个，培训新型职业农民五千人次，助力乡村振兴。",
]
HEAD = f"<h1>{TITLE}</h1><div class='info'>2024年03月20日 来源：新华网</div>"


def page(body: str, title: str = TITLE, site: str = "半月谈") -> str:
    return f"<html><head><meta charset='utf-8'><title>{title}_{site}</title></head><body>{body}</body></html>"


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in texts)


def read(tmp_path: Path, html: str) -> Document:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return clean(read_source(path, "html"))


def body(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kind != "heading"]


def main_text(html: str) -> list[str]:
    result = parse_html(html)
    return [line for line, m in zip(result.lines, result.main, strict=True) if m]


# --- time ---------------------------------------------------------------------------------


def test_unclosed_furniture_containers_are_read_in_linear_time(tmp_path: Path) -> None:
    """A template that never closes its comments' <div class="comment-item"> (one open per
    comment): every start tag, text and line walked all the open ones, and each line stored
    them all (8,000 comments, 400 KB: 13 s, against 0.2 s before the furniture rule; 20,000
    ran out of memory). Elements past 32 open at once are not followed."""
    code = (
        "import time\n"
        "from toolkit import html\n"
        "html._main_text = lambda h: None\n"
        "items = ''.join(f'<div class=\"comment-item\"><p>网友{i}说：好文章，支持一下。</p>' for i in range(20000))\n"
        "t = time.perf_counter()\n"
        "page = html.parse_html('<html><body><h1>标题</h1>' + items + '</body></html>')\n"
        "assert time.perf_counter() - t < 20 and len(page.lines) == 20001\n"
        "print('ok')\n"
    )
    result = python(code, cwd=tmp_path, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]


# --- hidden classes -----------------------------------------------------------------------


def _with(attrs: str, line: str) -> str:
    return page(HEAD + "<div class='prose'>" + f"<div {attrs}><p>{line}</p></div>" + paragraphs(PARAS) + "</div>")


@pytest.mark.parametrize(
    "attrs",
    ['class="hidden md:block"', 'class="hidden lg:flex"', 'class="d-none d-sm-block"', 'class="d-none d-md-flex"',
     'class="mobile-hidden"', 'class="wap-hide"', 'class="hidden visible-lg-block"'],
)  # fmt: skip
def test_text_a_class_shows_on_a_desktop_screen_stays(attrs: str) -> None:
    """Tailwind's "hidden md:block" and Bootstrap's "d-none d-sm-block" show their element from
    a small width up, so on a desktop; "mobile-hidden" hides it on a phone only. The hidden-text
    rule dropped the line."""
    assert MORE[0] in main_text(_with(attrs, MORE[0]))


@pytest.mark.parametrize("attrs", ['class="md:hidden"', 'class="block lg:hidden"', 'class="d-md-none"'])
def test_text_a_class_hides_on_a_desktop_screen_goes(attrs: str) -> None:
    """A phone-only copy ("md:hidden", "d-md-none") is hidden where the page is read."""
    result = parse_html(_with(attrs, MORE[0]))
    assert {result.lines[i] for i, rule in result.why.items() if rule == HIDDEN_TEXT} == {MORE[0]}


def test_the_folded_rest_of_an_article_stays(tmp_path: Path) -> None:
    """'展开全文' shows the rest of the article, hidden by a class until then: three hidden
    paragraphs after five shown ones were dropped as hidden text (under half of the main text)."""
    folded = f"<div class='hidden' id='rest'>{paragraphs(MORE)}</div><a class='unfold'>展开全文</a>"
    doc = read(tmp_path, page(HEAD + f"<div class='article-content'>{paragraphs(PARAS)}{folded}</div>"))
    assert body(doc) == PARAS + MORE


def test_a_hidden_copy_of_shown_paragraphs_still_goes() -> None:
    """A share block's hidden copy of the article's first paragraphs is no folded rest (held)."""
    copy = f"<div class='hidden share-text'>{paragraphs(PARAS[:2])}</div>"
    result = parse_html(page(HEAD + paragraphs(PARAS) + copy))
    hidden = [i for i, rule in result.why.items() if rule == HIDDEN_TEXT]
    assert [result.lines[i] for i in hidden] == PARAS[:2] and min(hidden) > 5


# --- '<![' --------------------------------------------------------------------------------


def test_cdata_in_mathml_is_text() -> None:
    """Inside <math> (as in <svg>) "<![CDATA[…]]>" is text, as HTML5 reads it: the bogus-comment
    reading ended it at its first ">", and the line read "当 x]]>5 时…"."""
    line = "当 x>5 时，函数单调递增，这一结论在后文中会反复用到，请读者注意。"
    math = "<math><mi>x</mi><mo><![CDATA[>]]></mo><mn>5</mn></math>"
    html = page(f"<h1>{TITLE}</h1><p>{PARAS[0]}</p><p>当 {math} 时，{line.split('时，')[1]}</p><p>{PARAS[1]}</p>")
    assert line in parse_html(html).lines
    # Outside foreign content "<![" is still a bogus comment to the first ">" (HTML5), and an
    # unended CDATA after a stray <math> is read so too: it never swallows the rest of the page.
    assert parse_html("<p>a<![endif]–>b</p>").lines == ["ab"]
    stray = parse_html("<p>公式<math><mi>x</mi></p><p>说明 <![CDATA[ a > b</p><p>最后一段文字。</p>")
    assert stray.lines[-1] == "最后一段文字。"


# --- the body container --------------------------------------------------------------------

ORGAN = [
    "益阳市科学技术局是市人民政府工作部门，为正处级，主要职责是贯彻执行国家、省关于科技创新的方针政策和法律法规。",
    "负责统筹推进全市科技创新体系建设和科技体制改革，会同有关部门健全技术创新激励机制，优化科研布局和创新基地建设。",
    "负责牵头建立统一的市级科技管理平台和科研项目资金协调、评估、监管机制，组织实施市级科技计划项目和成果转化。",
    "负责拟订全市科技人才队伍建设规划，推动科技人才引进和培养，组织实施科学技术普及工作，促进科技与经济结合。",
    "负责全市国际科技合作与交流工作，组织开展科技评估和科技统计，承担科技保密和科技奖励的有关管理工作。",
]


def test_a_sidebars_body_class_does_not_bring_the_sidebar_back(tmp_path: Path) -> None:
    """A TRS site's editor wrote the sidebar's "机构职能" into a TRS_Editor too, longer than the
    short article's: the extractor kept the article and left the sidebar out, and the body pass
    gave the sidebar back (the body container was the one with the most text). It is the one
    the extractor took most from."""
    article = f"<article><h1>{TITLE}</h1><div class='info'>发布时间：2024-03-20</div><div class='TRS_Editor'>"
    article += paragraphs(PARAS) + "</div></article>"
    side = f"<div class='side'><h3>机构职能</h3><div class='TRS_Editor'>{paragraphs(ORGAN)}</div></div>"
    kept = body(read(tmp_path, page(article + side)))
    assert kept == PARAS


SIGNATURE = "<div class='qm'><p class='right'>益阳市科学技术局</p><p class='right'>2024年3月20日</p></div>"
NOTICE_BODY = [
    "各区县科技局、各有关单位：为深入实施创新驱动发展战略，现就开展2024年度科技创新项目申报工作通知如下。",
    "一、申报条件。申报单位应在本市注册登记，具有独立法人资格，近三年无不良信用记录，具备较强的研发能力。",
    "二、申报时间。请各单位认真填写申报书和汇总表，于2024年4月30日前将纸质材料报送市科技局。",
]
ATTACHED = (
    "<div class='fj'><p>附件：</p><p><a href='/a.docx'>1.2024年度科技创新项目申报书</a></p>"
    "<p><a href='/b.xlsx'>2.2024年度项目汇总表</a></p></div>"
)


def _notice(after: str) -> str:
    return page(
        "<div class='nav'><a href='/'>首页</a> &gt; <a href='/tz'>通知公告</a></div>"
        f"<h1>{NOTICE}</h1><div class='info'>发布日期：2024-03-20 来源：市科技局</div>"
        f"<div class='TRS_Editor'>{paragraphs(NOTICE_BODY)}</div>{after}"
        "<div class='foot'>主办：益阳市科学技术局 备案号：湘ICP备12345678号</div>",
        NOTICE,
        "益阳市科学技术局",
    )


def test_a_notices_signature_after_its_body_container_stays(tmp_path: Path) -> None:
    """The issuing body and the date, set after the TRS_Editor: short lines after the body
    container, so "a list, not paragraphs", and they went (rule after-body-container)."""
    kept = body(read(tmp_path, _notice(SIGNATURE)))
    assert kept == [*NOTICE_BODY, "益阳市科学技术局", "2024年3月20日"]


@pytest.mark.xfail(
    strict=True,
    reason="known limitation, left open: a notice whose attachment links stand after its body container loses "
    "its signature too (the dropped download list starts a trailer that takes the short lines below it); the "
    "text of the notice is kept, and a signature without such a list is kept (test above). Keeping it needs the "
    "trailer to stop at a signature, a change to the shared trailer pass",
)
def test_a_notices_signature_below_its_attachments_stays(tmp_path: Path) -> None:
    kept = body(read(tmp_path, _notice(ATTACHED + SIGNATURE)))
    assert kept[-2:] == ["益阳市科学技术局", "2024年3月20日"]


# --- related-story inserts ----------------------------------------------------------------

NOTICE = "关于开展2024年度科技创新项目申报工作的通知"
NOTICE_PARAS = [
    "各区县科技局、各有关单位：为深入实施创新驱动发展战略，现就开展2024年度科技创新项目申报工作通知如下。",
    "请各单位认真填写申报书和汇总表，于2024年4月30日前将纸质材料一式三份报送市科技局，电子版同时发送至指定邮箱。",
    "联系人：张三，联系电话：0737-1234567，电子邮箱：kjj@yiyang.gov.cn，地址：益阳市赫山区龙岭大道。",
]


def test_two_address_links_between_paragraphs_are_the_articles(tmp_path: Path) -> None:
    """A notice's sign-up and look-up addresses, each a link, between two paragraphs were taken
    for two related stories set into the article (rule link-list)."""
    links = [
        "网上报名：<a href='https://kjj.yiyang.gov.cn/sb/2024'>https://kjj.yiyang.gov.cn/sb/2024</a>",
        "结果查询：<a href='https://kjj.yiyang.gov.cn/cx/2024'>https://kjj.yiyang.gov.cn/cx/2024</a>",
    ]
    html = page(
        f"<h1>{NOTICE}</h1><div class='info'>发布日期：2024-03-20</div><div class='TRS_Editor'>"
        f"{paragraphs(NOTICE_PARAS[:2])}{paragraphs(links)}{paragraphs(NOTICE_PARAS[2:])}</div>",
        NOTICE,
        "益阳市科技局",
    )
    kept = body(read(tmp_path, html))
    assert {"网上报名：https://kjj.yiyang.gov.cn/sb/2024", "结果查询：https://kjj.yiyang.gov.cn/cx/2024"} <= set(kept)


# --- glued editor credits -----------------------------------------------------------------


def test_a_digests_credited_items_keep_their_headings() -> None:
    """A digest whose every item ends with its editor's credit ("…。（编辑：张三）"): the credit,
    split off, started a trailer, and the next item's heading (【国际】) went as trailer."""
    lines = ["每日要闻速览（3月20日）", "2024年03月20日 来源：新华网", "【国内】", PARAS[0] + "（编辑：张三）",
             "【国际】", PARAS[1] + "（编辑：李四）", "【财经】", PARAS[2] + "（责任编辑：王五）"]  # fmt: skip
    doc = clean(_raw(lines))
    kept = [b.text for b in doc.blocks]
    assert "【国际】" in kept and "【财经】" in kept and PARAS[2] in kept
    credits = {d.text for d in doc.dropped if d.rule == "editor"}
    assert credits == {"（编辑：张三）", "（编辑：李四）", "（责任编辑：王五）"}


# --- tag values ---------------------------------------------------------------------------


def test_a_papers_keywords_and_first_heading_stay() -> None:
    """A paper's keywords one a line under "关键词：": the label stayed (it is the abstract's) but
    its keywords, and the first section's heading "1 引言", went as tag values."""
    lines = ["基于深度学习的农作物病害识别研究", "摘要：" + PARAS[0], "关键词：", "深度学习", "病害识别",
             "卷积神经网络", "1 引言", PARAS[1], PARAS[2]]  # fmt: skip
    kept = [b.text for b in clean(_raw(lines)).blocks]
    assert {"关键词：", "深度学习", "卷积神经网络", "1 引言"} <= set(kept)


def test_a_section_heading_is_no_tag_value() -> None:
    lines = ["益阳数字乡村建设取得新进展", "2024年03月20日 来源：新华网", PARAS[0], "标签：", "数字乡村",
             "第二部分 成效", PARAS[1]]  # fmt: skip
    doc = clean(_raw(lines))
    assert "第二部分 成效" in [b.text for b in doc.blocks]
    assert {d.text for d in doc.dropped if d.rule == "tag-line"} == {"标签：", "数字乡村"}


# --- furniture ----------------------------------------------------------------------------


def test_a_note_box_inside_the_body_stays() -> None:
    """An <aside> box of prose inside the article's body container (a glossary note between two
    paragraphs) was furniture by its tag alone, holding one paragraph."""
    note = "【名词解释】数字乡村：是指伴随网络化、信息化和数字化在农业农村经济社会发展中的应用而形成的乡村发展模式。"
    html = page(
        HEAD + f"<div class='article-content'>{paragraphs(PARAS[:2])}<aside><p>{note}</p></aside>"
        f"{paragraphs(PARAS[2:])}</div>"
    )
    result = parse_html(html)
    assert note not in {result.lines[i] for i, rule in result.why.items() if rule == FURNITURE}


RANKS = [("1", "清华大学", "102.5亿元"), ("2", "浙江大学", "88.3亿元"), ("3", "上海交通大学", "71.2亿元")]


def test_an_articles_ranking_table_stays(tmp_path: Path) -> None:
    """The article's own table in a class "ranking-table" (a ranking named like a hot list):
    no head, no paragraph, so its rows went as furniture. In the body container and without a
    link, it is the article's."""
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in RANKS)
    table = f"<table class='ranking-table'><tr><th>排名</th><th>学校</th><th>科研经费</th></tr>{rows}</table>"
    html = page(HEAD + f"<div class='article-content'>{paragraphs(PARAS[:2])}{table}{paragraphs(PARAS[2:])}</div>")
    kept = body(read(tmp_path, html))
    assert any("清华大学" in line for line in kept) and PARAS[4] in kept


def test_a_ranking_list_of_links_in_the_body_still_goes() -> None:
    """Held: a hot list set into the body container is links, and goes."""
    items = "".join(f"<li><a href='/n{n}'>{b}发布2024年度科研成果报告全文</a></li>" for n, b, _ in RANKS)
    html = page(HEAD + f"<div class='article-content'>{paragraphs(PARAS)}<ul class='ranking'>{items}</ul></div>")
    assert not any("科研成果报告" in line for line in main_text(html))


@pytest.mark.parametrize("name", ["post_recommends js-tab-mod", "t-content__shares", "toolbar-menus"])
def test_plural_furniture_words(name: str) -> None:
    """NetEase's "post_recommends" (its recommended stories) named no furniture: only the
    singular words were known."""
    assert furnishes("div", {"class": name})


@pytest.mark.parametrize(
    "insert",
    ["<div class='related-box'><a href='/x'>益阳：农产品电商销售额突破百亿元大关</a></div>",
     "<div class='share-bar'>分享到：</div>"],
)  # fmt: skip
def test_a_heading_below_an_insert_dropped_mid_article_stays(tmp_path: Path, insert: str) -> None:
    """A related story's box (or a share bar) set between two paragraphs is dropped, and its
    drop started a trailer: the next section's heading ("智慧农业遍地开花", short, no sentence's
    end) went as trailer, though a paragraph follows it."""
    html = page(
        HEAD + f"<div class='article-content'>{paragraphs(PARAS[:2])}{insert}<h3>智慧农业遍地开花</h3>"
        f"{paragraphs(PARAS[2:])}</div>"
    )
    kept = body(read(tmp_path, html))
    assert "智慧农业遍地开花" in kept and "益阳：农产品电商销售额突破百亿元大关" not in kept


# --- holes left open ----------------------------------------------------------------------

COMMENTS = [
    "这篇报道写得非常好，我们村也在搞数字农业，希望政府能多给一些政策支持，特别是在物流方面。",
    "作为益阳人，看到家乡的变化真的很自豪，但是农村的网络信号还需要进一步改善，希望有关部门重视。",
    "直播卖货确实是个好办法，我家的腊肉去年就是通过直播卖出去的，比以前在集市上卖多赚了不少钱。",
]


@pytest.mark.xfail(
    strict=True,
    reason="known limitation, left open: when the extractor falls back to the whole page, a comment list whose "
    "comments are one long line each stays in the text, because two long lines in a row are what keeps an "
    "article that a theme put in a misnamed container (a loss of article text would be worse than a kept list)",
)
def test_one_line_comments_in_a_comment_list_go(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("toolkit.html._main_text", lambda html: None)
    items = "".join(f"<li><span class='name'>益阳网友{i}</span>：{c}</li>" for i, c in enumerate(COMMENTS))
    html = page(HEAD + paragraphs(PARAS) + f"<div class='comment-list'><h3>网友评论</h3><ul>{items}</ul></div>")
    kept = main_text(html)
    assert not any(c in line for c in COMMENTS for line in kept)
