"""Red-team tests (round 5): the pager, repost-notice and after-body-container rules, and the
HTML reader's title without a markup title.

Each test states the claim it checks: they failed on the code they were written against
(fixed in the same branch); those marked xfail are holes left open, with the reason."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from toolkit.clean.rules import match
from toolkit.textmeta import key

from .test_redteam4 import NOTICE_BODY, _notice, body, paragraphs, read

TITLE = "关于开展2024年度科技创新项目申报工作的通知"
SITE = "益阳市科学技术局"


def _page(inner: str, title: str = f"{TITLE}_{SITE}") -> str:
    return f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{inner}</body></html>"


# --- pager --------------------------------------------------------------------------------


def test_a_tables_row_of_figures_is_no_pager(tmp_path: Path) -> None:
    """A statistics table's row of figures alone ("12　　35　　48") was dropped as a pager's page
    numbers: any two numbers of three digits or less made one."""
    table = "<table><tr><td>项目数</td><td>立项数</td><td>结题数</td></tr>"
    table += "<tr><td>12</td><td>35</td><td>48</td></tr></table>"
    text = paragraphs(NOTICE_BODY[:2]) + table + paragraphs(NOTICE_BODY[2:])
    html = _page(f"<h1>{TITLE}</h1><div class='TRS_Editor'>{text}</div>")
    assert "12　　35　　48" in body(read(tmp_path, html))


@pytest.mark.parametrize("line", ["03 12 18 25 31 33 07", "12　　35　　48", "10　　20　　30　　40"])
def test_figures_are_no_pager(line: str) -> None:
    rule = match(key(line))
    assert rule is None or rule.name != "pager"


@pytest.mark.parametrize("line", ["上一页 1 2 3 下一页", "< 1 2 3 >", "1 2 3 … 10", "共3页 第1页 下一页"])
def test_a_pager_is_still_one(line: str) -> None:
    rule = match(key(line))
    assert rule is not None and rule.name == "pager"


def test_a_run_of_dots_is_read_in_linear_time() -> None:
    """The pager's "\\.{2,3}" split a run of dots every way it could: a line of 55 characters
    ("1 2 ……………x", a contents' dot leader) took 0.2 s, each dot more 1.3 times as long."""
    line = "1 2 " + "." * 54 + "x"
    t = time.perf_counter()
    for _ in range(20):
        match(line)
    assert time.perf_counter() - t < 0.5


# --- repost notice ------------------------------------------------------------------------


def test_a_sentence_on_using_without_leave_is_no_repost_notice(tmp_path: Path) -> None:
    """'未经允许使用' in a news paragraph (a man drove a friend's car without leave) was taken for
    a repost notice ('未经允许…不得转载'), dropped and made a trailer."""
    story = "男子未经允许使用朋友车辆，被警方处以行政拘留五日。"
    html = _page(
        f"<h1>{TITLE}</h1><div class='TRS_Editor'>{paragraphs([NOTICE_BODY[0], story, *NOTICE_BODY[1:]])}</div>"
    )
    assert story in body(read(tmp_path, html))


# --- after the body container -------------------------------------------------------------


def test_a_joint_notices_signature_after_its_body_container_stays(tmp_path: Path) -> None:
    """Three issuing bodies, one a line, and the date after the TRS_Editor: the signature was
    three lines at most, so all four went (rule after-body-container)."""
    signed = ["益阳市教育局", "益阳市财政局", "益阳市人力资源和社会保障局", "2024年3月20日"]
    sig = "<div class='qm'>" + "".join(f"<p class='right'>{s}</p>" for s in signed) + "</div>"
    assert body(read(tmp_path, _notice(sig)))[-4:] == signed


# --- titles -------------------------------------------------------------------------------


def _titled(tmp_path: Path, head: str, title: str = f"{TITLE}_{SITE}") -> str:
    html = _page(
        f"{head}<div class='info'>发布日期：2024-03-20</div><div class='TRS_Editor'>{paragraphs(NOTICE_BODY)}</div>",
        title,
    )
    return read(tmp_path, html).meta.title


def test_a_headline_shown_with_its_date_beats_the_column_heading(tmp_path: Path) -> None:
    """The headline's line carries its date ("标题 [2024-03-20]"), so no line said the <title>'s
    part whole, and the column's heading above it ("通知公告") became the title."""
    head = f"<h2 class='lm'>通知公告</h2><div class='title'>{TITLE} [2024-03-20]</div>"
    assert _titled(tmp_path, head).startswith(TITLE)


def test_a_section_heading_above_the_first_paragraph_is_no_title(tmp_path: Path) -> None:
    """The headline shows the <title>'s part with a batch ("…（第二批）"): the body's first
    section heading ("一、总体要求") was taken for the title."""
    head = (
        f"<div class='title'>{TITLE}（第二批）</div><div class='info'>发布日期：2024-03-20</div><h3>一、总体要求</h3>"
    )
    html = _page(f"{head}<div class='TRS_Editor'>{paragraphs(NOTICE_BODY)}</div>")
    assert read(tmp_path, html).meta.title != "一、总体要求"


def test_a_site_logo_h1_is_no_title_under_a_column_first_title(tmp_path: Path) -> None:
    """'<title>栏目-标题' with the headline in a <div> and the site's logo in the <h1>: no heading
    said the <title>'s first part (the column), and the logo became the title."""
    head = f"<h1>{SITE}</h1><div class='title'>{TITLE}</div>"
    assert _titled(tmp_path, head, f"通知公告-{TITLE}") == TITLE


# --- link lists and date boxes ------------------------------------------------------------

INTRO = "为贯彻落实省委省政府决策部署，市科技局制定了新的项目管理制度，现将有关文件解读如下，请各单位认真学习。"
OUTRO = "以上两个文件自2024年4月1日起施行，原有关规定同时废止，各单位在执行中遇到的问题请及时反馈市科技局。"


def test_two_linked_documents_between_paragraphs_are_the_articles(tmp_path: Path) -> None:
    """The two documents a policy item introduces, each a link to its page ("《…管理办法》"),
    between two paragraphs were taken for two related stories set into the article."""
    docs = ["《益阳市科技创新项目管理办法》", "《益阳市科技计划项目资金管理办法》"]
    links = "".join(f"<p><a href='/zc/{n}.html'>{d}</a></p>" for n, d in enumerate(docs))
    text = f"<p>{INTRO}</p>{links}<p>{OUTRO}</p>{paragraphs(NOTICE_BODY)}"
    html = _page(f"<h1>{TITLE}</h1><div class='info'>发布日期：2024-03-20</div><div class='TRS_Editor'>{text}</div>")
    assert body(read(tmp_path, html))[:4] == [INTRO, *docs, OUTRO]


def test_a_month_and_a_figure_in_the_text_give_no_date(tmp_path: Path) -> None:
    """A month and a figure on two lines of the article's data ("2024年02月" / "15"), below its
    first sentence, were read as a calendar-style date box: the page dated 2024-02-15."""
    data = "<p>各月新增立项数：</p><p>2024年02月</p><p>15</p>"
    html = _page(f"<h1>{TITLE}</h1><div class='TRS_Editor'><p>{INTRO}</p>{data}<p>{OUTRO}</p></div>")
    assert read(tmp_path, html).meta.date != "2024-02-15"


@pytest.mark.parametrize("site", ["_新华网", "-新华网"])
def test_a_hyphen_inside_the_headline_does_not_cut_the_title(tmp_path: Path, site: str) -> None:
    """'<title>第二十一届中国-东盟博览会在南宁开幕_新华网' with the headline in a <div>: the hyphen
    between Chinese characters split the <title> ('站点-标题'), and the title was '第二十一届中国'."""
    headline = "第二十一届中国-东盟博览会在南宁开幕"
    text = [
        "新华社南宁9月24日电 第二十一届中国-东盟博览会24日在广西南宁开幕，来自东盟各国的企业参展。",
        "本届博览会以“共享数字新机遇”为主题，展览总面积达16万平方米，设置多个专题展区。",
    ]
    html = _page(
        f"<div class='title'>{headline}</div><div class='article-content'>{paragraphs(text)}</div>", headline + site
    )
    assert read(tmp_path, html).meta.title == headline


def test_the_articles_rest_in_a_second_body_container_stays(tmp_path: Path) -> None:
    """An ad set into the article splits its body into two "article-content" containers; the
    second holds its closing points, short lines ("一是…；"): they were short lines after the
    body container (rule after-body-container), and the ad label's drop made a trailer of them."""
    from .test_redteam4 import HEAD, PARAS, page

    points = [
        "下一步，当地将重点做好以下工作：",
        "一是加强组织领导，压实各方责任；",
        "二是完善政策体系，强化要素保障；",
    ]
    html = page(
        f"{HEAD}<div class='article-content'>{paragraphs(PARAS)}</div><div class='ad'>广告</div>"
        f"<div class='article-content'>{paragraphs(points)}</div>"
        "<div class='list'><a href='/1'>其他新闻标题一二三四五</a></div>"
    )
    assert body(read(tmp_path, html)) == PARAS + points


def test_a_column_h1_does_not_beat_a_markup_title_shown_with_a_batch(tmp_path: Path) -> None:
    """og:title says the headline, which the page shows with its batch in an <h2> ("标题（第二批）");
    the first <h1> is the column's name ("通知公告"): the markup title counted as never shown (no
    line said it whole), and the column's <h1> became the title."""
    html = (
        f"<html><head><meta charset='utf-8'><title>{TITLE}_{SITE}</title><meta property='og:title' content='{TITLE}'>"
        f"</head><body><h1>通知公告</h1><h2>{TITLE}（第二批）</h2><div class='info'>发布日期：2024-03-20</div>"
        f"<div class='TRS_Editor'>{paragraphs(NOTICE_BODY)}</div></body></html>"
    )
    assert read(tmp_path, html).meta.title.startswith(TITLE)


def test_a_notices_attachments_named_in_text_and_its_signature_stay(tmp_path: Path) -> None:
    """After the TRS_Editor, the attachments' names as text ("附件：1.…申报书" / "2.…汇总表", no
    links) and the signature: the "附件：" line went (rule after-body-container) and its drop
    started a trailer that took the names and the signature."""
    names = ["附件：1.2024年度科技创新项目申报书", "2.2024年度项目汇总表"]
    signed = ["益阳市科学技术局", "2024年3月20日"]
    after = "<div class='fj'>" + "".join(f"<p>{n}</p>" for n in names) + "</div>"
    after += "<div class='qm'>" + "".join(f"<p>{s}</p>" for s in signed) + "</div>"
    assert body(read(tmp_path, _notice(after)))[-4:] == names + signed


def test_a_question_in_dialogue_is_no_related_links_heading(tmp_path: Path) -> None:
    """A line of dialogue, "你喜欢吗？", read as "你会喜欢" (related links' heading): dropped, and it
    started a trailer that took the short answer below it."""
    from .test_redteam4 import HEAD, PARAS, page

    lines = [*PARAS[:2], "你喜欢吗？", "“喜欢！”孩子答。", *PARAS[2:]]
    html = page(f"{HEAD}<div class='article-content'>{paragraphs(lines)}</div>")
    assert body(read(tmp_path, html)) == lines


@pytest.mark.xfail(
    strict=True,
    reason="known limitation, left open: a book's details box inside an article (书名： / 作者： / 出版社：) "
    "loses its '作者：' line, because standalone author credits are dropped (the real pages' gold leaves them "
    "out) and the rule reads one line at a time; telling the two apart needs the neighbouring lines",
)
def test_the_author_in_a_books_details_box_stays(tmp_path: Path) -> None:
    from .test_redteam4 import HEAD, PARAS, page

    lines = [*PARAS[:2], "书名：呐喊", "作者：鲁迅", "出版社：人民文学出版社", *PARAS[2:]]
    html = page(f"{HEAD}<div class='article-content'>{paragraphs(lines)}</div>")
    assert body(read(tmp_path, html)) == lines


@pytest.mark.xfail(
    strict=True,
    reason="known limitation, left open: a notice's contact lines set after its body container with no date "
    "below them are dropped with the portal lists that rule removes there (after-body-container); a signature "
    "ending in a date is kept, and contact lines inside the body container always are",
)
def test_a_notices_contact_lines_after_its_body_container_stay(tmp_path: Path) -> None:
    contact = ["联系人：张三", "联系电话：0737-1234567"]
    after = "<div class='lx'>" + "".join(f"<p>{c}</p>" for c in contact) + "</div>"
    assert body(read(tmp_path, _notice(after)))[-2:] == contact
