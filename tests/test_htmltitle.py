# ruff: noqa: E501  (pages are written as a site prints them, a line an element)
"""The page's title when its ``<title>`` names the blog or the site, not the article.

A blog's pages often carry the blog's name as their whole ``<title>`` (or the platform's, "博客园"),
and print that name again as an ``<h1>`` in the header, linked to the blog's home
("https://www.cnblogs.com/hk/", "/good-looking-hk"); the article's headline is another heading
below. A link to a home page names a site or a blog, never an article: the title is the headline."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.clean import clean
from toolkit.files import read_source
from toolkit.html import parse_html
from toolkit.htmltitle import _shown_part, home_link

BLOG = """<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div id="header"><h1><a id="Header1_HeaderTitle" href="{home}">好看的hk</a></h1>
<div class="sub">记录工作中的点滴</div></div>
<div id="nav"><a href="https://www.cnblogs.com/">博客园</a> <a href="{home}">首页</a> <a href="https://i.cnblogs.com/EditPosts.aspx?opt=1">新随笔</a> <a href="https://msg.cnblogs.com/send/x">联系</a> <a href="https://i.cnblogs.com/">管理</a></div>
<div id="main"><div class="post">
<h1 class="postTitle"><a id="cb_post_title_url" href="https://www.cnblogs.com/good-looking-hk/p/18182101">对于Docker和Podman的一点使用经验</a></h1>
<div class="postBody">
<p>最近在一台新服务器上部署服务，顺手比较了Docker和Podman两种容器工具，这里记录一点使用经验，供大家参考。</p>
<p>Podman不需要守护进程，也可以用普通用户运行容器，安全性上更有优势；命令行和Docker基本兼容，迁移成本很低。</p>
<p>不过在一些依赖Docker套接字的工具上，Podman还需要额外配置，使用前最好先确认自己的工具链是否支持。</p>
</div>
<div class="postDesc">posted @ 2024-05-09 10:21 <a href="{home}">好看的hk</a> 阅读(120) 评论(0)</div>
</div></div>
<div id="footer">Copyright © 2024 好看的hk<br>Powered by .NET 8.0 on Kubernetes</div>
</body></html>"""


@pytest.mark.parametrize("title", ["好看的hk", "博客园", ""])
# (the last: a folder that holds none of the page's links, a home in the page's first <h1> still)
@pytest.mark.parametrize(
    "home",
    [
        "https://www.cnblogs.com/good-looking-hk",
        "https://www.cnblogs.com/good-looking-hk/",
        "/",
        "http://blog.sina.com.cn/hk2008",
    ],
)
def test_a_blogs_name_is_not_the_title(tmp_path: Path, title: str, home: str) -> None:
    path = tmp_path / "post.html"
    path.write_text(BLOG.format(title=title, home=home), encoding="utf-8")
    doc = clean(read_source(path))
    assert doc.meta.title == "对于Docker和Podman的一点使用经验"
    assert doc.blocks[1].text.startswith("最近在一台新服务器上部署服务")


def test_an_article_linked_to_itself_keeps_its_title(tmp_path: Path) -> None:
    """A flat address ("/docker-podman") looks like a folder: the headline linked to it is still
    the title, whatever its link says."""
    page = BLOG.format(title="对于Docker和Podman的一点使用经验", home="/").replace(
        "https://www.cnblogs.com/good-looking-hk/p/18182101", "/docker-podman"
    )
    path = tmp_path / "post.html"
    path.write_text(page, encoding="utf-8")
    assert clean(read_source(path)).meta.title == "对于Docker和Podman的一点使用经验"


@pytest.mark.parametrize(
    ("href", "home"),
    [
        ("/", True), ("./", True), ("index.html", True), ("/index.shtml", True), ("https://www.gov.cn/", True),
        ("//blog.example.com", True), ("https://www.cnblogs.com/hk/", True), ("/hk", True),
        ("", False), ("#top", False), ("javascript:void(0)", False), ("mailto:a@b.cn", False),
        ("/p/18182101.html", False), ("https://www.cnblogs.com/hk/p/18182101", False), ("/2024/05/09/post.html", False),
        ("/?p=123", False), ("/news/?from=nav", False), ("/raspberry-pi-nas/", False), ("/hk/?tab=1", False),
    ],
)  # fmt: skip
def test_what_links_a_home_page(href: str, home: bool) -> None:
    """A folder is a home page when another link of the page lies under it (a blog's posts under
    its "/hk/"); a post's own "/%postname%/" has none, and a query makes a link an item's."""
    paths = {"/hk/p/18182101.html", "/hk/category/docker/", "/category/linux/", "/raspberry-pi-nas/"}
    assert home_link(href, paths) is home


CHAPTER = """<html><head><meta charset="utf-8"><title>{part} _《深海余烬》小说在线阅读 - 起点中文网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/kehuan/">科幻</a> <a href="/book/1034360760/">深海余烬</a></div>
<h1 class="title">{part}<span class="review">{count}</span></h1>
<div class="info">深海余烬 远瞳 3160字 2022年07月10日 07:15</div>
<main><p>这并不是周铭第一次穿过这道门来到“对面”，但每一次，他都会在门前停下来很久。</p>
<p>自数天之前，周铭一觉醒来发现自己被某种“异象”困在自己的房间中，诡异的浓雾遮蔽了整个世界。</p></main>
</body></html>"""


def test_a_count_glued_to_the_headline_is_no_part_of_the_title() -> None:
    """起点 prints a chapter's comment count in a span at the end of its <h1>; the <title> says
    the chapter's name alone: the count is no part of the title. A year is ("十四五规划2035")."""
    page = CHAPTER.format(part="第二章 失乡号的船长", count="241")
    assert parse_html(page).meta["title"] == "第二章 失乡号的船长"
    page = CHAPTER.format(part="城市发展规划", count="2035")
    assert parse_html(page).meta["title"] == "城市发展规划2035"


def test_a_threads_type_before_its_subject_is_no_part_of_the_title() -> None:
    """Discuz prints a thread's type as a link before its subject in the <h1> ("[求助] …"); the
    <title> says the subject alone: the type is no part of the title."""
    page = (
        CHAPTER.format(part="红米AX6000刷机后5G信号变弱怎么办", count="")
        .replace('<h1 class="title">', '<h1 class="ts"><a href="forum.php?mod=forumdisplay&typeid=212">[求助]</a> ')
        .replace("_《深海余烬》小说在线阅读 - 起点中文网", "- 无线路由器 - 恩山无线论坛")
    )
    assert parse_html(page).meta["title"] == "红米AX6000刷机后5G信号变弱怎么办"


PORTAL = """<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="top-bar"><a href="https://news.example.cn/app">下载客户端</a> <a href="https://passport.example.cn/">登录</a></div>
<div class="promo"><h1>{promo}</h1><p class="promo-sub">新版上线，体验更流畅</p></div>
<ul class="nav"><li><a href="https://news.example.cn/">首页</a></li><li><a href="https://news.example.cn/china/">国内</a></li><li><a href="https://news.example.cn/world/">国际</a></li><li><a href="https://news.example.cn/finance/">财经</a></li><li><a href="https://news.example.cn/tech/">科技</a></li><li><a href="https://news.example.cn/sports/">体育</a></li></ul>
<div class="channel"><span>要闻</span> &gt; <span>正文</span></div>
<div class="side-tools"><span>1</span><span>评论</span></div>
<div class="share"><span>评论</span><span>收藏</span><span>分享</span><span>复制链接</span></div>
<div class="article-title">经济日报评论员：再驳新能源产能过剩论</div>
<div class="author"><a href="https://news.example.cn/author/jjrb">经济日报</a></div>
<div class="time">2024-05-13 06:16 发布于北京</div>
<div class="content">
<p>在刚刚落幕的交易会上，以电动载人汽车、锂电池和太阳能电池为代表的外贸新三样备受境外采购商青睐，订单量同比大幅增长。</p>
<p>一些政客以产能过剩之名行贸易保护主义之实，这种说法既不符合经济规律，也不符合全球绿色转型的现实需要。</p>
<p>新能源产业的竞争优势来自持续创新和完整的产业链，而不是补贴，这一点已经被越来越多的国际机构所认同。</p>
<p>从全球范围看，绿色低碳转型对新能源产品的需求远未饱和，国际能源机构预计，到2030年全球新能源汽车销量将达到4500万辆左右。</p>
<p>以产能过剩为借口设置贸易壁垒，损害的是全球消费者的利益，也拖慢了应对气候变化的步伐，最终不会有赢家。</p>
<p>开放合作才是正道。中国愿同各国一道，维护以规则为基础的多边贸易体制，共同推动全球产业链供应链稳定畅通。</p>
</div>
<div class="related"><h3>相关阅读</h3><ul><li><a href="https://news.example.cn/a/1">外贸新三样持续走俏</a></li><li><a href="https://news.example.cn/a/2">新能源汽车出口保持增长</a></li><li><a href="https://news.example.cn/a/3">光伏产业链加快升级</a></li></ul>
</div>
<div class="footer">Copyright © 1998 - 2024 {title}. All Rights Reserved</div>
</body></html>"""


@pytest.mark.parametrize(("title", "promo"), [("腾讯新闻", "全新首页 焕新登场"), ("人人都是产品经理", "")])
def test_a_one_part_title_no_line_near_the_text_says_gives_way_to_the_headline(
    tmp_path: Path, title: str, promo: str
) -> None:
    """A ``<title>`` of one part that names the site (printed only in the copyright line), or a
    header's promotional ``<h1>``, is no title when the page prints a headline just above the
    text: the headline, however it is marked up, is."""
    path = tmp_path / "article.html"
    path.write_text(PORTAL.format(title=title, promo=promo), encoding="utf-8")
    doc = clean(read_source(path))
    assert doc.meta.title == "经济日报评论员：再驳新能源产能过剩论"


def test_a_one_part_title_that_is_the_headline_stays(tmp_path: Path) -> None:
    """The same page whose ``<title>`` is its headline keeps it."""
    page = PORTAL.format(title="经济日报评论员：再驳新能源产能过剩论", promo="全新首页 焕新登场")
    path = tmp_path / "article.html"
    path.write_text(page, encoding="utf-8")
    assert clean(read_source(path)).meta.title == "经济日报评论员：再驳新能源产能过剩论"


def test_a_paragraph_marked_up_as_h1_in_the_text_is_no_title(tmp_path: Path) -> None:
    """An editor that marks the text's news items up as ``<h1>``s ("●4月5日上午…，…。") gives no
    title; with the ``<title>`` empty, the headline above the text is."""
    items = "".join(
        f"<h1>●{d}日上午9时50分许，第{d}届清明公祭典礼在黄陵举行。万余名海内外中华儿女齐聚祭祀广场，共同祭奠人文始祖。</h1>"
        f"<p>典礼共有九项议程，活动现场秩序井然，{d}个参祭团体依次敬献花篮，祭文写入了乡村振兴和生态保护等内容。</p>"
        for d in (4, 5, 6)
    )
    page = f"""<html><head><meta charset="utf-8"><title></title></head><body>
<div id="activity-name"><h2 class="rich_media_title">4月6日周五【新闻速览一分钟】</h2></div>
<div class="rich_media_meta_list"><em id="publish_time">2018-04-06</em> <span>华商君</span> <a id="js_name">华商报</a></div>
<div class="profile"><strong>华商报</strong><p>微信号 hsb88880000</p><p>功能介绍 奉献最有价值的新闻和信息</p></div>
<div class="rich_media_content" id="js_content">
<p>早上好~</p><p>不要总呆在自己的舒适圈里，走出去看看外面的世界，今天的新闻速览来了。</p>
{items}
</div></body></html>"""
    path = tmp_path / "news.html"
    path.write_text(page, encoding="utf-8")
    assert clean(read_source(path)).meta.title == "4月6日周五【新闻速览一分钟】"


@pytest.mark.parametrize(
    "title",
    ["科学网—从一次审稿经历谈数据可重复性 - 王立新的博文", "从一次审稿经历谈数据可重复性-CSDN博客"],
)
def test_a_title_never_shown_whole_is_the_part_a_line_shows(title: str) -> None:
    """No heading tag on the page and no title in the markup but the ``<title>``, with the site's
    name glued before or after the headline by a dash: the title is the line the page shows."""
    html = f"""<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/blog/">博客</a> <a href="/news/">新闻</a></div>
<div class="title_box"><div class="atitle">从一次审稿经历谈数据可重复性</div>
<div class="ainfo">已有 1286 次阅读 2024-3-10 21:05 | 个人分类：科研笔记</div></div>
<div id="blog_article">
<p>上个月审了一篇稿件，作者的结论很漂亮，但补充材料里的原始数据和正文的图对不上，重新计算后差异明显。</p>
<p>我给编辑写了意见，建议作者公开处理数据的脚本和原始记录，让别人能够从头重复一遍整个分析过程。</p>
<p>数据可重复性不是额外的负担，而是研究本身的一部分，这一点值得每一位研究生在入门时就认真对待。</p>
</div></body></html>"""
    assert parse_html(html).meta["title"] == "从一次审稿经历谈数据可重复性"


def test_a_forums_name_in_brackets_after_the_title_is_no_part_of_it() -> None:
    """贴吧's ``<title>`` "标题【多肉植物吧】_百度贴吧", never shown whole: the part a line shows is
    the title, less the forum's name in brackets (as less a site's after a dash)."""
    title = "第一次养多肉，叶子发软发皱是怎么回事"
    shown = ["百度首页", "贴吧", title, "入坑一个月，买了几盆多肉。"]
    assert _shown_part(f"{title}【多肉植物吧】", [f"{title}【多肉植物吧】", "百度贴吧"], shown) == title
    assert _shown_part(f"{title}-百度贴吧", [f"{title}-百度贴吧"], shown) == title
    assert _shown_part(f"{title}（图）", [f"{title}（图）"], shown) == ""
