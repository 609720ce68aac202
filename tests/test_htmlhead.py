"""The page's head when the markup names no article: the headline a reader sees, found by its
place (``htmlhead.layout_headline``), and the cover that issues a document (``far_above``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.clean import clean
from toolkit.files import read_source
from toolkit.html import parse_html
from toolkit.htmlhead import layout_headline
from toolkit.htmltitle import names_site

HEADLINE = "亚洲首艘圆筒型海上油气加工厂启运珠江口盆地"
TEXT = (
    "<p>新华社深圳5月12日电 由我国自主设计建造的亚洲首艘圆筒型海上油气加工厂12日从青岛离港启运，"
    "预计航行约一个月抵达珠江口盆地海域。</p>"
    "<p>据了解，该加工厂集原油生产、存储、外输等功能于一体，由近60万个零部件组成，最大储油量达6万吨，"
    "按照百年一遇恶劣海况进行设计。</p>"
    "<p>项目所在的油田二次开发项目在国内首创新的开发模式，为我国深水油气田高效开发提供全新选择。</p>"
)


def _portal(title: str) -> str:
    """A news portal's page: the site's logo and breadcrumb as links, the headline in a
    ``<div>`` above the date and source line and a font-size bar, then the text."""
    return (
        f"<html><head><title>{title}</title></head><body>"
        '<div class="logo"><a href="/">南方网</a></div>'
        '<div class="nav"><a href="/">南方网</a> &gt; <a href="/n">新闻</a> &gt; <a href="/h">热点</a></div>'
        f'<div class="title">{HEADLINE}</div>'
        '<div class="info">2024-05-12 17:19 来源：新华网</div><div class="tools">字号减小 字号增大</div>'
        f'<div class="article">{TEXT}</div>'
        '<div class="footer">版权所有 南方网</div></body></html>'
    )


@pytest.mark.parametrize("title", ["南方网", "", "南方网_南方网"])
def test_a_title_naming_only_the_site_gives_way_to_the_headline_above_the_metadata(title: str) -> None:
    assert parse_html(_portal(title)).meta["title"] == HEADLINE


def test_the_headline_found_by_its_place_is_the_documents_title_and_no_body(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_portal("南方网"), encoding="utf-8")
    doc = clean(read_source(page))
    assert doc.meta.title == HEADLINE
    assert doc.meta.date == "2024-05-12"
    assert all(HEADLINE not in b.text for b in doc.blocks if b.kind != "heading" or b.level != 1)
    assert doc.blocks[-1].text.startswith("项目所在的油田")


def test_an_article_title_the_page_shows_is_kept() -> None:
    # The <title> is the article's: shown as the headline, it stays, though a line nearer names the site.
    assert parse_html(_portal(HEADLINE + "_南方网")).meta["title"] == HEADLINE
    # A title shaped as an organisation's name that the page shows as its headline, no link, stays.
    html = _portal("某某市人民政府").replace(HEADLINE, "某某市人民政府")
    assert parse_html(html).meta["title"] == "某某市人民政府"


def test_a_documents_title_field_names_it_when_the_markup_does_not() -> None:
    html = (
        "<html><body><table>"
        "<tr><td>索 引 号：　 　000014349/2021-00042　 　主题分类：　 　综合政务</td></tr>"
        "<tr><td>标　　题：　 　关于废止部分规章和行政规范性文件的决定　 　发文机关：　 　发展改革委</td></tr>"
        "<tr><td>公文种类：　 　命令（令）　 　成文日期：　 　2021年03月27日</td></tr></table>"
        "<div class='content'><p>中华人民共和国国家发展和改革委员会令</p><p>第42号</p>"
        "<p>《关于废止部分规章和行政规范性文件的决定》已经2021年2月23日第16次委务会议审议通过，现予公布，"
        "自2021年4月1日起施行。</p><p>主任：何立峰</p><p>2021年3月27日</p>"
        "<p>关于废止部分规章和行政规范性文件的决定</p>"
        "<p>为贯彻落实党中央、国务院深化放管服改革优化营商环境部署，我委组织开展了规章、行政规范性文件清理工作。"
        "经过清理，决定对十件规章和二十件行政规范性文件予以废止。</p></div></body></html>"
    )
    assert parse_html(html).meta["title"] == "关于废止部分规章和行政规范性文件的决定"


def test_the_order_that_issues_a_document_above_its_title_is_body(tmp_path: Path) -> None:
    """An order's "《…决定》已经…审议通过，现予公布" names the document below it: the cover
    that issues it is text, not furniture above the headline."""
    html = (
        "<html><head><title>关于废止部分规章和行政规范性文件的决定</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> &gt; <a href='/zc'>政策</a></div>"
        "<div class='content'><p>中华人民共和国国家发展和改革委员会令</p><p>第42号</p>"
        "<p>《关于废止部分规章和行政规范性文件的决定》已经2021年2月23日第16次委务会议审议通过，现予公布，"
        "自2021年4月1日起施行。</p><p>主任：何立峰</p><p>2021年3月27日</p>"
        "<p>关于废止部分规章和行政规范性文件的决定</p>"
        "<p>为贯彻落实党中央、国务院深化放管服改革优化营商环境部署，我委组织开展了规章、行政规范性文件清理工作。"
        "经过清理，决定对十件规章和二十件行政规范性文件予以废止。</p>"
        "<p>附件：国家发展改革委决定废止的规章目录</p></div></body></html>"
    )
    page = tmp_path / "order.html"
    page.write_text(html, encoding="utf-8")
    doc = clean(read_source(page))
    texts = [b.text for b in doc.blocks]
    assert any(t.startswith("《关于废止部分规章和行政规范性文件的决定》已经") for t in texts)
    assert "第42号" in texts


def test_lines_that_are_no_headline() -> None:
    visible = [
        "不想做却不得不做某份工作，怎么破？",
        "标签： 工作 职业规划 目标管理",
        "2016-10-26 06:37 2297人阅读 评论(6)",
        "24-5-13 17:07",
        "来自 微博发布平台专业版",
        "很多人都不喜欢自己的工作，却又不得不靠这份工作的薪水生活，于是就不得不努力把工作做好。",
    ]
    main = [False] * 5 + [True]
    # Neither a post's tags line nor a bare time is a headline; the line above them is.
    assert layout_headline(visible, main, [False] * 6, []) == ""
    assert layout_headline(visible[:1] + visible[2:], main[1:], [False] * 5, []) == visible[0]
    cut = ["【安徽阜阳一动物园2...", "2024-05-13 17:07 来源：微博", visible[-1]]
    assert layout_headline(cut, [False, False, True], [True, False, False], []) == ""


def test_names_of_sites() -> None:
    assert names_site("南方网", [])
    assert names_site("某某市人民政府门户网站", [])
    assert names_site("财经风云", ["财经风云"])
    assert not names_site("关于音乐", [])
    assert not names_site("2024年全市统计公报", [])


def test_a_disclosure_tables_publication_date_without_colons_is_the_date() -> None:
    """A 政府信息公开 table sets its fields out with wide spaces and no colons; its 公开日期 is
    the date the reader sees (the markup's PubDate, a day earlier, is not shown), and a bar of
    tools and an empty counter between the headline and the table does not end the page's head."""
    html = (
        '<html><head><title>某市低空经济发展促进条例</title><meta name="PubDate" content="2025-08-11 18:00">'
        "</head><body><div class='crumb'><a href='/'>首页</a> &gt; 法规文件</div>"
        "<div class='article'><h2>某市低空经济发展促进条例</h2>"
        "<div class='bar'>文字大小： [ 大 中 小 ] 浏览次数：</div>"
        "<table><tr><td>信息索引号　 　014006438/2025-04116　 　生成日期　 　2025-08-11　 　公开日期　 　2025-08-12"
        "</td></tr></table>"
        "<p>第一条 为了促进低空经济高质量发展，推动低空基础设施建设，根据有关法律、行政法规，"
        "结合本市实际，制定本条例。</p>"
        "<p>第二条 本市行政区域内低空经济发展及其相关服务保障活动，适用本条例。</p></div></body></html>"
    )
    assert parse_html(html).meta["date"] == "2025-08-12"


def test_spaced_fields_make_a_metadata_line() -> None:
    from toolkit.textmeta import is_metadata, key

    assert is_metadata(
        key("信息索引号　 　014006438/2025-04116　 　生成日期　 　2025-08-12　 　公开日期　 　2025-08-12")
    )
    assert not is_metadata(key("发布时间 定在下月，来源 一说是上级部门的安排。"))


def test_a_short_year_with_its_time_glued_on_is_read() -> None:
    from toolkit.textmeta import key, parse_date

    assert parse_date(key("18-08-0110:07"), roc=True) == "2018-08-01"  # 百家号's "18-08-01" and "10:07" in two spans
    assert parse_date(key("107年3月13日"), roc=True) == "2018-03-13"  # a Minguo date as before


def test_a_laws_note_dates_it_when_nothing_else_printed_does(tmp_path: Path) -> None:
    """A 政府规章 page prints no date field; its 题注 does ("（2026年1月27日…令第75号公布 …）"),
    and the markup's PubDate (the upload's day) is printed nowhere."""
    html = (
        '<html><head><title>某市低空经济健康发展促进办法</title><meta name="PubDate" content="2026-02-05 09:00">'
        "</head><body><div class='crumb'><a href='/'>首页</a> &gt; 政府规章</div><div class='article'>"
        "<h1>某市低空经济健康发展促进办法</h1>"
        "<p>（2026年1月27日某市人民政府令第75号公布 自2026年3月1日起施行）</p>"
        "<p>第一条 为了促进低空经济健康发展，培育新质生产力，根据有关法律、法规，结合本市实际，制定本办法。</p>"
        "<p>第二条 本市行政区域内低空经济发展及其相关服务保障活动，适用本办法。</p></div></body></html>"
    )
    assert parse_html(html).meta["date"] == "2026-01-27"
    # The upload's day printed on the page (its date line) is the reader's: the markup's stays.
    shown = html.replace("<h1>", "<div>发布时间：2026-02-05</div><h1>")
    assert parse_html(shown).meta["date"].startswith("2026-02-05")


def test_a_headline_in_no_heading_element_still_sheds_the_markups_site_parts() -> None:
    """Many CMSs print the headline in a ``<div class="title">``: the markup's title is then
    told from its site's name by what the page shows, not by a heading."""
    text = "<p>豆包与元宝在社交功能上的竞争愈发激烈，两家公司都在加码投入，试图留住年轻用户。</p>" * 3
    suffixed = (
        '<html><head><meta property="og:title" content="豆包斗元宝，开始拼社交-36氪"></head><body>'
        "<div class='title'>豆包斗元宝，开始拼社交</div>"
        f"<div class='info'>2025-04-22 来源：36氪</div>{text}</body></html>"
    )
    assert parse_html(suffixed).meta["title"] == "豆包斗元宝，开始拼社交"
    logo = "<div class='logo'>今日信報</div><div>豆包斗元宝，开始拼社交</div>"
    site_first = suffixed.replace("豆包斗元宝，开始拼社交-36氪", "今日信報-- 豆包斗元宝，开始拼社交").replace(
        "<div class='title'>豆包斗元宝，开始拼社交</div>", logo
    )
    assert parse_html(site_first).meta["title"] == "豆包斗元宝，开始拼社交"


def test_a_tabs_unread_counter_is_no_part_of_the_title() -> None:
    from toolkit.htmltitle import title_parts

    assert title_parts("(99+ 封私信 / 87 条消息) 台湾突发 7.3 级地震 - 知乎") == ["台湾突发 7.3 级地震", "知乎"]
    assert title_parts("(3) 某某话题讨论 - 论坛") == ["某某话题讨论", "论坛"]
    assert title_parts("(2024) 年度报告 - 某某网")[0] == "(2024) 年度报告"  # a year in brackets is no counter


def _gov(between: str, title: str = "") -> str:
    """A county bureau's notice: the headline in a ``<div>``, then a view count and the bureau's
    name (printed twice: a hidden copy for the mobile layout) above the date."""
    return (
        f"<html><head><title>{title}</title></head><body>"
        '<div class="nav"><a href="/">首页</a> &gt;&gt; <a href="/xwzx/">新闻中心</a> &gt;&gt; '
        '<a href="/tz/">通知</a></div>'
        '<div class="tit">凯里市教育系统2024年公开招聘事业单位工作人员实施方案</div>'
        f"{between}<div>2024-06-27 16:18:03</div>"
        f'<div class="content">{TEXT}</div></body></html>'
    )


@pytest.mark.parametrize(
    "between",
    [
        "<div>20</div><div>凯里市人力资源和社会保障局</div><div>凯里市人力资源和社会保障局</div>",
        "<div>凯里市人力资源和社会保障局</div>",
        "<div>□一华独秀/文</div>",
    ],
)
def test_a_publishers_name_or_a_signature_above_the_date_is_no_headline(between: str) -> None:
    assert parse_html(_gov(between)).meta["title"] == "凯里市教育系统2024年公开招聘事业单位工作人员实施方案"


def test_a_label_for_the_body_is_no_headline() -> None:
    """Sohu's blogs print "日志正文" over the post's headline: the label is not the title."""
    html = _gov("").replace('<div class="tit">', '<div class="lbl">日志正文</div><div class="tit">')
    assert parse_html(html).meta["title"] == "凯里市教育系统2024年公开招聘事业单位工作人员实施方案"


def test_a_share_bar_above_a_dated_line_is_no_headline() -> None:
    """A forum thread's share menu ("新浪微博" "QQ空间" "复制链接") above a reply's dated line: two
    labels in a row are a bar of tools, and "新浪微博" over them no headline: the thread's heading is."""
    share = "".join(f"<li>{s}</li>" for s in ("新浪微博", "QQ空间", "复制链接"))
    html = (
        _gov(f"<ul>{share}</ul>")
        .replace("<div>2024-06-27 16:18:03</div>", "<div>来自Android客户端1楼2024-06-27 16:18回复</div>")
        .replace(
            '<div class="tit">凯里市教育系统2024年公开招聘事业单位工作人员实施方案</div>',
            "<h3>凯里市教育系统2024年公开招聘事业单位工作人员实施方案</h3>",
        )
    )
    assert parse_html(html).meta["title"] == "凯里市教育系统2024年公开招聘事业单位工作人员实施方案"


def test_the_headline_near_the_first_paragraph_when_the_extractor_began_with_a_column_of_links() -> None:
    """An old table-layout page with no heading tag: the extractor took the left column's links
    first, far above the text; the headline is the line over the text's metadata line, above its
    first paragraph (never a line below it: an answer's last line over its "编辑于" stamp)."""
    column = ["政务动态", *(f"· 乡镇动态第{n}条" for n in range(1, 21))]
    article = [
        "您现在的位置： 石门县人民政府 >> 政务动态 >> 正文",
        "夹山镇：无人机飞防助力油菜春管",
        "作者：佚名    文章来源：夹山镇    点击数：    更新时间：2024-3-7",
        "连日来，夹山镇抢抓晴好天气，组织植保无人机对辖区油菜开展飞防作业，为油菜稳产增产打下基础。",
        "今年，夹山镇油菜种植面积达2.1万亩，目前正处于抽薹开花的关键时期，该镇组织农技人员深入田间。",
    ]
    visible = column + article
    main = [True] * len(column) + [False, False, True, True, True]
    linked = [False] + [True] * (len(column) - 1) + [True, False, False, False, False]
    assert layout_headline(visible, main, linked, []) == "夹山镇：无人机飞防助力油菜春管"
    # a page with a headline marked up as one is left to its headings
    assert layout_headline(visible, main, linked, [("h1", "石门县人民政府", 0)]) == ""
    # only above the first paragraph: the line over a stamp below it is no headline
    below = column + article[3:] + ["你会坚持与人为善、以诚待人的，对吧！", "编辑于 2014-09-25"]
    assert layout_headline(below, main[: len(column)] + [True] * 4, linked[: len(column)] + [False] * 4, []) == ""


def test_a_lists_last_link_over_the_headlines_dated_line_is_no_headline() -> None:
    """A blog's sidebar list ends just above the post's headline line, which carries its own
    stamp ("标题 [原创 2024-03-10 21:15:32] 我要评论(4)"): the list's last link is no headline."""
    side = ["我的最新日志", "茅台的护城河还在吗", "写在沪指3000点", "聊聊银行股的高股息", "一张图看懂社融数据"]
    visible = [
        *side,
        "一季度债市展望：利率下行空间还有多大 [原创 2024-03-10 21:15:32] 我要评论(4)",
        "春节以后，十年期国债收益率一路下行，最低到过2.28%附近，创了近二十年的新低。不少朋友问我债市还能不能买。",
    ]
    main = [False] * len(side) + [False, True]
    linked = [False] + [True] * (len(side) - 1) + [False, False]
    assert layout_headline(visible, main, linked, []) != "一张图看懂社融数据"
