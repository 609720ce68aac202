"""The HTML reader: visible lines, the metadata a page states, and its <title>'s parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.clean import PAGE_RULES, clean
from toolkit.files import read_source
from toolkit.html import NOT_MAIN, TOO_LARGE, parse_html, title_parts
from toolkit.textmeta import date_beside

PAGE = """<html><head><title>关于开展科技活动周的通知_某市科学技术局</title>
<meta name="PubDate" content="2024-05-08 09:30"><meta name="ContentSource" content="某市科学技术局">
<style>p { color: red }</style><script>var x = "不是正文";</script></head>
<body><div class="nav"><a>首页</a> | <a>新闻中心</a></div>
<h1>关于开展科技活动周的通知</h1>
<p>为深入实施创新驱动发展战略，推动科技成果转化，现将有关事项通知如下。</p>
<ul><li>活动时间：5月20日至26日</li><li>活动地点：市科技馆</li></ul>
<p>各单位要高度重视，精心组织，确保活动取得实效。</p></body></html>"""


def test_visible_lines_leave_out_script_and_style() -> None:
    page = parse_html(PAGE)
    assert page.title == "关于开展科技活动周的通知_某市科学技术局"
    assert not any("不是正文" in line or "color" in line for line in page.lines)
    assert "为深入实施创新驱动发展战略，推动科技成果转化，现将有关事项通知如下。" in page.lines
    assert len(page.main) == len(page.lines)


def test_list_items_keep_a_list_mark() -> None:
    lines = parse_html(PAGE).lines
    assert "• 活动时间：5月20日至26日" in lines and "• 活动地点：市科技馆" in lines


def test_metadata_from_the_markup() -> None:
    meta = parse_html(PAGE).meta
    assert meta["title"] == "关于开展科技活动周的通知"
    assert meta["date"] == "2024-05-08 09:30"
    assert meta["source"] == "某市科学技术局"
    assert meta["site"] == "某市科学技术局"


def test_metadata_from_the_text_when_the_markup_is_silent() -> None:
    page = parse_html(
        "<html><body><h1>某某通知</h1><p>发布日期：2023-11-02　来源：某省科技厅</p>"
        "<p>为深入实施创新驱动发展战略，推动科技成果转化，现将有关事项通知如下。</p></body></html>"
    )
    assert (page.meta["date"], page.meta["source"]) == ("2023-11-02", "某省科技厅")


def test_title_parts() -> None:
    assert title_parts("标题_栏目_站点") == ["标题", "栏目", "站点"]
    assert title_parts("标题 - 栏目 | 站点") == ["标题", "栏目", "站点"]
    assert title_parts("科技——创新的引擎") == ["科技——创新的引擎"]  # a subtitle's dash stays


def test_broken_markup_still_gives_lines() -> None:
    assert parse_html("<p>未闭合的段落<div><b>粗体").lines


def test_lines_outside_the_main_text_are_an_explained_drop() -> None:
    assert NOT_MAIN in PAGE_RULES and TOO_LARGE in PAGE_RULES


BLOG = """<html><head><title>{title}</title></head><body>
<div class="blog-head"><h1>{blog}</h1>
<p><a href="/">首页</a> <a href="/list">博文目录</a> <a href="/about">关于我</a></p></div>
<div class="post"><h2>{headline}</h2><p>2023-08-01 21:14:05　分类：随笔</p>
<p>周末带孩子去郊外看萤火虫，夜里的田埂上一闪一闪，像星星落到了草丛里。孩子说这是他见过最美的夏天。</p>
<p>回来的路上我们约好，明年夏天还要再来。</p></div>
<div class="side"><h3>Blog统计</h3><p>访问：12345</p></div></body></html>"""


def test_a_blogs_name_is_no_title() -> None:
    for title, blog in (("山野闲人的博客", "山野闲人的博客"), ("Blog统计", "山野闲人")):
        page = parse_html(BLOG.format(title=title, blog=blog, headline="夏夜看萤火虫"))
        assert page.meta["title"] == "夏夜看萤火虫", title


def test_a_title_cut_short_is_completed_from_the_page() -> None:
    page = parse_html(
        "<html><head><title>【安徽一动物园东北虎死亡？官方... - 某某的微博</title></head><body>"
        "<div>【安徽一动物园东北虎死亡？官方：成立调查组】当地新闻办通报，已成立调查组进行全面调查。</div></body></html>"
    )
    assert page.meta["title"] == "安徽一动物园东北虎死亡？官方：成立调查组"


def test_a_conditional_comment_with_en_dashes_hides_nothing_after_it() -> None:
    # "<![endif]–>": the stdlib reads "<![" as an SGML marked section up to "]>" and swallowed
    # the rest of a Sina blog page; HTML5 ends the bogus comment at the first ">".
    html = (
        "<html><head><title>编程为什么有趣_新浪博客</title><!–[if lte IE 6]><script>x()</script><![endif]–></head>"
        "<body><h1>编程为什么有趣</h1><p>首先是一种创建事物的纯粹快乐，如同小孩在玩泥巴时感到愉快一样。</p></body></html>"
    )
    page = parse_html(html)
    assert "首先是一种创建事物的纯粹快乐，如同小孩在玩泥巴时感到愉快一样。" in page.lines


def test_a_site_prefix_spaced_on_one_side_is_split_off() -> None:
    assert title_parts("凯里市人民政府-\t\t\t凯里市教育系统2024年公开招聘实施方案") == [
        "凯里市人民政府",
        "凯里市教育系统2024年公开招聘实施方案",
    ]
    assert title_parts("2024-2025年度报告_科技部") == ["2024-2025年度报告", "科技部"]


def _titled(meta_title: str, h1: str) -> str:
    html = (
        f'<html><head><title>{meta_title} - BBC News 中文</title><meta property="og:title" '
        f'content="{meta_title} - BBC News 中文"></head><body><h1>{h1}</h1>'
        "<p>她們是台灣首批女性裝甲兵，從軍隊的窄門走進戰車，一路突破了許多人眼中的天花板。</p>"
        "<p>她說，第一次坐進戰車駕駛座時，心裡只有一個念頭：一定要把它開好，不能讓人看輕。</p></body></html>"
    )
    return parse_html(html).meta["title"]


def test_the_headline_a_reader_sees_beats_an_seo_title_the_page_never_shows() -> None:
    seo = "從軍隊窄門到首批女性裝甲兵：台灣女性軍人如何突破「天花板」？"
    shown = "開戰車的女人：我是如何突破軍隊「天花板」？"
    assert _titled(seo, shown) == shown
    # A heading that holds the markup's title with a badge before it keeps the markup's title.
    assert _titled("Ruby：极致的脚本语言", "Ruby Ruby：极致的脚本语言") == "Ruby：极致的脚本语言"


def test_of_two_dates_on_a_metadata_line_the_publication_date_wins() -> None:
    from toolkit.textmeta import key, line_date

    assert line_date(key("成文日期：　2026年07月02日　发布日期：　2026年07月03日"))[1] == "2026-07-03"
    assert line_date("发布时间：2024-01-02 更新时间：2024-03-04")[1] == "2024-01-02"
    assert line_date("2024-01-02")[1] == "2024-01-02"


def test_of_a_markup_title_with_the_site_first_the_part_a_heading_says_is_the_title() -> None:
    html = (
        '<html><head><meta property="og:title" content="今日信報-- 內地客經港轉機恢復 空服員憂播毒">'
        '<meta property="og:site_name" content="今日信報"></head><body><h2>今日信報</h2>'
        "<h1>內地客經港轉機恢復 空服員憂播毒</h1>"
        "<p>本港新冠肺炎疫情反覆，昨日新增69宗確診，機管局宣布恢復轉機服務。</p></body></html>"
    )
    assert parse_html(html).meta["title"] == "內地客經港轉機恢復 空服員憂播毒"


def test_a_calendar_style_date_box_gives_the_date() -> None:
    html = (
        "<html><head><title>研究所召开干部职工大会</title></head><body><h5>研究所召开干部职工大会</h5>"
        "<div class='date'><span class='day'>21</span><p>2024年02月</p></div>"
        "<p>为贯彻落实省农业农村厅干部职工大会精神，2月19日下午，研究所召开干部职工大会暨党风廉政建设大会。</p>"
        "</body></html>"
    )
    assert parse_html(html).meta["date"] == "2024-02-21"


def test_without_a_markup_title_the_heading_above_the_text_beats_a_title_part_never_shown() -> None:
    html = (
        "<html><head><title>促进消费若干措施解读_政策解读_某某市人民政府</title></head><body>"
        "<h2>政策解读</h2><h2>一图读懂：促进消费的二十条措施</h2>"
        "<p>为进一步激发消费活力，市政府近日印发促进消费若干措施，共二十条，涵盖汽车、家电等领域。</p>"
        "</body></html>"
    )
    assert parse_html(html).meta["title"] == "一图读懂：促进消费的二十条措施"
    shown = html.replace("<h2>政策解读</h2>", "<h1>促进消费若干措施解读</h1>")
    assert parse_html(shown).meta["title"] == "促进消费若干措施解读"  # the <title>'s part is on the page


def test_of_a_markup_title_that_names_the_site_and_columns_first_the_headings_part_is_the_title() -> None:
    head = "中華民國國防部 - 全球資訊網 - 新聞與公告 - 區域動態 - 中共解放軍臺海周邊海、空域動態"
    html = (
        f'<html><head><title>{head}</title><meta property="og:title" content="{head}"></head><body>'
        "<h3>區域動態</h3><h2>中共解放軍臺海周邊海、空域動態</h2>"
        "<p>迄0600時止，偵獲共機12架次，逾越中線進入北部、中部及西南部空域5架次，國軍運用任務機、艦監控應處。</p>"
        "</body></html>"
    )
    assert parse_html(html).meta["title"] == "中共解放軍臺海周邊海、空域動態"


GOV_TEXT = "根据统计，全年全市地区生产总值比上年增长百分之四点六，其中第一产业增加值增长百分之四点一。"


def _gov(box: str, meta: str = '<meta name="PubDate" content="2023-05-16 12:34:05">') -> str:
    return (
        f"<html><head><title>宜春市2022年统计公报|中国宜春</title>{meta}</head><body>"
        f"<table>{box}</table><h1>宜春市2022年统计公报</h1><p>{GOV_TEXT}</p></body></html>"
    )


def test_the_date_the_page_labels_as_its_publication_beats_the_markups() -> None:
    """A CMS's markup date (the upload's day) is not what the page shows its reader: a labelled
    发布日期 or, without one, 发文日期 is; a label and its date in two cells are one field."""
    issued = "<tr><td>发文日期：</td><td>2023-04-18</td></tr>"
    assert parse_html(_gov(issued)).meta["date"] == "2023-04-18"
    published = "<tr><td>发布时间：2023-04-23</td></tr>"
    assert parse_html(_gov(issued + published)).meta["date"] == "2023-04-23"
    # 成文日期 is no publication date: the markup's stays when the page prints it too …
    signed = "<tr><td>成文日期：</td><td>2023-04-10</td></tr>"
    shown = "<tr><td>2023年05月16日 星期二</td></tr>"
    assert parse_html(_gov(signed + shown)).meta["date"].startswith("2023-05-16")
    # … but a markup date printed nowhere (a CMS's upload time) gives way to the day the page prints.
    assert parse_html(_gov(signed)).meta["date"] == "2023-04-10"
    deadline = "<tr><td>有效期至：</td><td>2028-04-10</td></tr>"  # a deadline is no day of the document's
    assert parse_html(_gov(deadline)).meta["date"].startswith("2023-05-16")


def test_of_a_headline_printed_as_two_headings_the_main_line_is_the_title(tmp_path: Path) -> None:
    html = (
        "<html><head><title>港人首置上車盤 或市價一半 轉售擬設限 只可賣予政府 - 晴報</title></head><body>"
        "<h3 class='main-headline'>港人首置上車盤 或市價一半</h3>"
        "<h3 class='lower-headline'>轉售擬設限 只可賣予政府</h3>"
        "<p>特首林鄭月娥下月發表的施政報告，將公布港人首置上車盤計劃，土地供應專責小組主席黃遠輝透露有關詳情。</p>"
        "</body></html>"
    )
    assert parse_html(html).meta["title"] == "港人首置上車盤 或市價一半"
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = clean(read_source(path, "html"))
    assert doc.meta.title == "港人首置上車盤 或市價一半"
    assert not any("轉售擬設限" in b.text for b in doc.blocks)


def test_a_lead_paragraph_set_apart_under_the_headline_is_main_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractor took the article from its second paragraph: the first, under a font-size
    bar of links, more than a few lines below the headline, comes back; a byte-order mark
    before the headline does not hide it."""
    lead = "教育局副局長蔡若蓮長子潘匡仁，昨晨在家中伸腳出窗危坐，女傭發現後將他拉回屋內，惜他其後再次墮樓。"
    rest = "死者潘匡仁(二十五歲)，洋名Peter，生前任職北區醫院物理治療師，據悉早前參加鐵人賽時頭部重創。"
    bar = "".join(
        f'<a href="#">{w}</a><br>' for w in ("仲細D都得", "大小小啦唔該", "仲未夠？", "起碼咁大啦！", "已經最大。")
    )
    html = (
        "<html><head><title>蔡若蓮長子墮樓亡 - 頭條日報</title></head><body>"
        f"<h1>\ufeff蔡若蓮長子墮樓亡</h1><div>2017-09-08 列印 文字大小</div><div>{bar}</div>"
        f"<div class='lead'><p>{lead}</p></div><div class='text'><p>{rest}</p></div></body></html>"
    )
    monkeypatch.setattr("toolkit.html._main_text", lambda page: ([rest], ""))
    result = parse_html(html)
    kept = [line for line, m in zip(result.lines, result.main, strict=True) if m]
    assert lead in kept and rest in kept
    assert "蔡若蓮長子墮樓亡" in result.lines


CODE_PAGE = """<html><head><title>Windows 设置代理_博客</title></head><body><h1>Windows 设置代理</h1>
<p>在命令行里设置代理，只对当前窗口有效，关掉窗口就恢复了，下面是完整的命令和测试方法。</p>
<pre><code class="language-bash"># 设置代理
set http_proxy=http://127.0.0.1:59727
# 测试
curl -v https://www.google.com
}
</code></pre>
<p>这样代码仓库就被签出到build目录下面了，接下来再把新生成的war包拷贝进去提交即可。</p>
<pre>+----+--------+
| id | type   |
+----+--------+
|  1 | SIMPLE |
+----+--------+</pre>
<p>上面的表格说明这次查询只用到了主键索引，扫描的行数也只有一行，效率很高。</p>
</body></html>"""


def test_code_and_a_drawn_table_in_pre_stay_line_by_line(tmp_path: Path) -> None:
    """A code block's lines (a URL, a lone brace) are judged by no line rule; an ASCII table's
    rules and cells in a <pre> are no decoration or link farm; each line stays a paragraph of
    its own, and the paragraph after a code block is not glued to its last line."""
    path = tmp_path / "page.html"
    path.write_text(CODE_PAGE, encoding="utf-8")
    doc = clean(read_source(path, "html"))
    texts = [b.text for b in doc.blocks]
    for line in ("# 设置代理", "curl -v https://www.google.com", "}", "+----+--------+", "| id | type |"):
        assert any(t.replace("  ", " ").strip() == line for t in texts), line
    assert any(t.startswith("这样代码仓库就被签出到build目录") for t in texts)
    assert not any(b.kind in ("raw", "preformatted", "code") for b in doc.blocks)


def test_preformatted_kinds_round_trip_through_the_document_dict() -> None:
    from toolkit.document import Block, Document, Meta

    doc = Document(
        meta=Meta(slug="a"), blocks=(Block(kind="code", text="x = 1"), Block(kind="preformatted", text="| a |"))
    )
    assert Document.from_dict(doc.to_dict()) == doc


def test_a_code_blocks_numbers_listed_after_it_are_no_text(tmp_path: Path) -> None:
    """CSDN prints a code block's line numbers as a list (``ul.pre-numbering``) inside the
    ``<pre>``, after the code: they are the highlighter's gutter, not the program's output."""
    code = "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())"
    numbers = "".join(f"<li>{n}</li>" for n in range(1, 7))
    html = f"""<html><head><title>asyncio 入门_CSDN博客</title></head><body>
<div class="blog-content-box"><h1 class="title-article">asyncio 入门</h1>
<div id="content_views"><p>下面是一个最小的 asyncio 程序，它在事件循环里运行一个协程，等待一秒后结束。</p>
<pre class="prettyprint"><code class="language-python">{code}</code><ul class="pre-numbering">{numbers}</ul></pre>
<p>运行后程序等待一秒退出，说明协程已经在事件循环中被调度执行了，这就是最基本的用法。</p></div></div>
</body></html>"""
    path = tmp_path / "post.html"
    path.write_text(html, encoding="utf-8")
    kept = [b.text for b in clean(read_source(path)).blocks]
    assert not any(line.strip() in {"1", "2", "3", "4", "5", "6"} for block in kept for line in block.split("\n"))
    assert any("asyncio.run(main())" in block for block in kept)


SHIFTED = """<html><head><title>法国农民再次驾驶拖拉机进城抗议_环球网</title>
<meta property="article:published_time" content="{markup}"></head><body>
<div class="nav"><a href="/">环球网</a> <a href="/world/">国际</a></div>
<h1>法国农民再次驾驶拖拉机进城抗议</h1>
<div class="meta"><span>{printed}</span> <span>环球网</span></div>
<div class="article"><p>法国农民9日再次驾驶拖拉机进入巴黎等地举行抗议，要求政府简化环保规定、提高农产品收购价格。</p>
<p>法国政府发言人表示，政府将在下周与农业工会举行新一轮会谈，争取尽快回应农民的主要诉求。</p></div>
</body></html>"""


@pytest.mark.parametrize(
    ("markup", "printed", "day"),
    [
        ("2024-03-09T16:30:00Z", "2024-03-10 00:30", "2024-03-10"),  # UTC in the markup, Beijing time printed
        ("2024-03-04T23:58:00+08:00", "2024年03月05日 00:06", "2024-03-05"),  # an edit past midnight
        ("2024-03-09T16:30:00Z", "2024-02-01 08:00", "2024-03-09"),  # a month apart: another day's stamp
    ],
)
def test_a_day_stamped_under_the_headline_beats_the_markups_a_day_off(markup: str, printed: str, day: str) -> None:
    """The markup's time is printed nowhere: the day stamped under the headline is the reader's
    when it is the markup's day told in another time zone (a day on or a day back), not else."""
    assert parse_html(SHIFTED.format(markup=markup, printed=printed)).meta["date"].startswith(day)


BESIDE = """<html><head><title>{title}_小宇的博客</title></head><body>
<div id="header"><h1 id="BlogTitle"><a href="/">小宇的博客</a></h1></div>
<div class="post single">{head}
<div class="post-body"><p>家里有台闲置多年的旧笔记本，最近装了 Debian，拿来当下载机用，顺便记录一下折腾的过程。</p>
<p>装好系统后先把风扇调速和合盖不休眠设置好，再装上下载工具，用网页远程管理，效果比预想的好。</p>
<p>第一步是换掉老化的机械硬盘，换成一块二手固态硬盘，开机速度一下子快了很多，噪音也小了。</p>
<p>第二步是把下载目录挂到家里的网络存储上，这样下好的文件在电视和手机上都能直接打开。</p>
<p>用了一个月，整机功耗在十五瓦左右，一年电费不到一百块，比买一台新的设备划算多了。</p></div>
<div class="comments"><p>阿杰 2024-03-11 10:02</p><p>风扇吵可以试试 thinkfan 或者降一下 CPU 频率。</p></div>
</div>
<div class="side"><h3>最近发表</h3>
<ul><li><a href="/post/198.html">给老爸的手机装了个远程协助</a> 2024-02-26</li></ul></div>
</body></html>"""
TITLE = "家里的旧笔记本装了个 Debian 当下载机"


@pytest.mark.parametrize(
    "head",
    [
        # Z-Blog: the date over the title
        f'<h4 class="post-date">2024年03月10日</h4><h2 class="post-title">{TITLE}</h2>',
        # an old portal blog: the date in brackets after the title, on its line
        f'<div class="ArticleTitle"><span>{TITLE}</span> <span>[原创 2024-03-10 21:15:32]</span>'
        ' <a href="#comment">我要评论(4)</a></div>',
    ],
)
def test_a_date_printed_beside_the_headline_is_the_pages(head: str) -> None:
    """No date under the headline and none in the markup: the one printed over it, alone on its
    line, or after it on its own line, is the page's (not a comment's or a listed post's)."""
    assert parse_html(BESIDE.format(title=TITLE, head=head)).meta["date"] == "2024-03-10"


def test_date_beside() -> None:
    lines = ["首页 > 随笔", "2024-03-10 21:15", TITLE, "正文第一段。"]
    assert date_beside(lines, 2, TITLE) == "2024-03-10"
    assert date_beside(["首页", "2024年6月18日 星期二", TITLE, "正文。"], 2, TITLE) == ""  # a bar of today's date
    assert date_beside(["首页 > 2024-03-10 更新 > 随笔", TITLE, "正文第一段。"], 1, TITLE) == ""
    assert (
        date_beside(["导航", f"{TITLE} [原创 2024-03-10 21:15:32] 我要评论(4)", "正文。"], None, TITLE) == "2024-03-10"
    )
    assert date_beside(["导航", f"{TITLE}", "2023-01-02 发布的旧文：正文。"], 1, TITLE) == ""


def test_a_time_element_just_under_the_text_dates_the_post() -> None:
    """WordPress's block theme prints the post's date only under the text, in a ``<time
    datetime>``; the "更多文章" list below it dates other posts, earlier ones."""
    paragraphs = "".join(
        f"<p>第{n}年在阳台种番茄，{n}月份开始育苗，记录一下这几年踩过的坑，希望对同样在阳台种菜的朋友有帮助。</p>"
        for n in (1, 2, 3, 4)
    )
    html = f"""<html><head><meta charset="utf-8"><title>阳台种番茄的第三年 – 半亩方塘</title></head><body>
<header><a href="/">半亩方塘</a></header><main><h1 class="wp-block-post-title">阳台种番茄的第三年</h1>
<div class="entry-content">{paragraphs}</div>
<div class="wp-block-post-date">写于 <time datetime="2024-06-16T21:08:44+08:00">2024年6月16日</time></div>
<h2>更多文章</h2><ul>
<li><a href="/1201.html">春天的第一批小葱</a> <time datetime="2024-03-01T20:00:00+08:00">2024年3月1日</time></li>
<li><a href="/1187.html">冬天的阳台能种什么</a> <time datetime="2024-01-12T20:00:00+08:00">2024年1月12日</time></li>
</ul></main></body></html>"""
    assert parse_html(html).meta["date"].startswith("2024-06-16")
