# ruff: noqa: E501  (pages are written as a CMS prints them, a line an element)
"""Red-team tests (round 12): this session's four changes (3e9d35a, 15a47b8, 048ca52 against
eddc0d6):

* ``clean.page.paywall`` (``_PAYWALL``, ``_cut_short``, rule ``paywall``, ``PAYWALL_LINE_MAX``):
  a short login or subscription prompt under a kept paragraph that ends in an ellipsis drops the
  prompt and the lines below it down to the next paragraph;
* ``clean.title._REPORTED``: a reporter's byline ("记者 王明", "杨智家／综合报导") gives no source;
* the rule "app-promo" now takes newsletter sign-up lines (``^电邮新闻|(新闻信|新闻通讯|newsletter)(里|中)?$``);
* ``html._home`` / ``home_names`` in ``htmltitle.page_title_of``: the text of a link to a home
  page (the root, or one folder: "/hk/", "/good-looking-hk") names the site, so a title equal to
  it gives way to the headline found by its place.

Each test is a small page as a Chinese site prints it, checked through ``clean(read_source(…))``;
its docstring says what a reader should get, why a real site prints such a page, what eddc0d6
(the commit before) gave, and whether the hole is a REGRESSION (passes on eddc0d6, fails now) or
a CLAIM GAP (fails on both). The tests marked HOLDS pass now: realistic variants the changes get
right. Twelve failed on 048ca52 (eight regressions, four claim gaps); all pass since: a paywall's
prompt opens its line, is no question and no clause ("如何登录个税App查看退税进度？" and "付费超前
点播观看，值不值？" are headings), and takes "登录 / 注册", "已是会员？立即登录", "本文为付费内容";
a reporter's byline is a name of at most four characters before "/综合报导" (an outlet's credit
gives the outlet) or a name after "记者" anywhere ("本报讯 记者 王明"); "新闻通讯" is no sign-up
line (a genre's, an issue's name); a folder is a home page only when another link of the page
lies under it (a WordPress post's own "/%postname%/" has none), and a link with a query
("/?p=123") is an item's."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.clean import clean
from toolkit.document import Document
from toolkit.files import read_source


def read(tmp_path: Path, text: str, fmt: str = "html") -> Document:
    path = tmp_path / ("page.html" if fmt == "html" else "page.txt")
    path.write_text(text, encoding="utf-8")
    return clean(read_source(path, fmt))


def body(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kind != "heading"]


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks]


# --- 1. the paywall pass ----------------------------------------------------------------------

TAX_STEPS = ["点击首页“我要查询”", "选择“申报查询（更正/作废申报）”"]

TAX = """<html><head><meta charset="utf-8"><title>个税汇算退税进度怎么查？一文看懂</title></head><body>
<div class="article"><h1>个税汇算退税进度怎么查？一文看懂</h1>
<div class="info">2024-03-12 09:30 来源：某某税务</div>
<div class="content">
<p>国家税务总局近日提醒，2023年度个人所得税综合所得汇算清缴自3月1日开始，至6月30日结束，纳税人可通过个人所得税App办理。</p>
<p>每年三月个税汇算一开始，后台就会收到大量留言：提交了这么多天，钱到底退了没有？进度又在哪里看……</p>
<p><strong>如何登录个税App查看退税进度？</strong></p>
<p>打开个人所得税App</p>
<p>点击首页“我要查询”</p>
<p>选择“申报查询（更正/作废申报）”</p>
<p>在已完成列表中点击对应年度，就能看到退税状态，显示“税务机关审核中”“退库中”或“已完成”。</p>
<p>如果退税审核不通过，税务机关会通过App告知原因，纳税人可以根据提示修改后重新提交。</p>
</div></div>
</body></html>"""


def test_a_how_to_subheading_under_a_trailing_question_is_no_paywall(tmp_path: Path) -> None:
    """REGRESSION (passes on eddc0d6). A tax office's how-to (every March, on every 税务 site and
    WeChat account) opens with readers' questions trailing off "……", then the subheading
    "如何登录个税App查看退税进度？" and the steps, one short line each. The reader should get the
    subheading and the steps. Now the subheading matches ``_PAYWALL``'s second branch
    ("登录…查看") under a paragraph ``_cut_short``, and ``paywall`` drops it and every short step
    below it down to the next long sentence. eddc0d6 kept them all."""
    kept = body(read(tmp_path, TAX))
    assert "如何登录个税App查看退税进度？" in kept
    assert all(step in kept for step in TAX_STEPS)


VOD = """剧集“超前点播”再引争议 平台回应
2024-08-02 10:15 来源：某某晚报
近日，某视频平台热播剧上线“超前点播”服务，会员在原有会员费之外再付费，即可提前解锁6集大结局，引发网友热议。
“充了会员还要再交钱”“看个剧像闯关”，网友的吐槽一条接一条……
付费超前点播观看，值不值？
记者在多个社交平台看到，不少网友表示已经为超前点播付费，但也有网友认为平台“吃相难看”，宁可等更新。
平台方面回应称，超前点播是自愿选择的增值服务，不影响会员按原定节奏观看，相关规则已在购买页面作出提示。
"""


def test_a_news_subheading_about_paying_to_watch_is_no_paywall(tmp_path: Path) -> None:
    """REGRESSION (passes on eddc0d6). A text dump of an evening paper's story on a video
    platform's "超前点播": netizens' quotes trail off "……", then the subheading "付费超前点播
    观看，值不值？". The reader should keep the subheading: the story goes on below it (a paywall
    never has the article's next paragraphs under its prompt). Now ``_PAYWALL`` ("付费…观看")
    takes the subheading for a prompt and drops it. eddc0d6 kept it."""
    assert "付费超前点播观看，值不值？" in body(read(tmp_path, VOD, "text"))


PAYWALLED = """<html><head><meta charset="utf-8"><title>台积电二季度营收创新高 先进制程占比持续提升_财经日报</title></head><body>
<div class="top"><a href="/">首页</a> <a href="/news/">新闻</a> <a href="/login">登录</a></div>
<div class="main"><h1>台积电二季度营收创新高 先进制程占比持续提升</h1>
<div class="meta">2024-07-18 08:00 来源：财经日报 作者：王明</div>
<p>台积电昨日公布第二季度财报，营收与获利均超出市场预期，其中三纳米与五纳米等先进制程的营收占比合计已超过六成。</p>
<p>管理层在法说会上上调全年营收增长指引，并表示人工智能相关需求强劲，先进封装产能到明年仍将供不应求，市场分析认为……</p>
<div class="paywall">{box}<div>客服热线：400-000-0000</div><div>服务邮箱：vip@example.com</div></div>
</div><div class="foot">Copyright © 2024 财经日报 版权所有</div></body></html>"""


@pytest.mark.parametrize(
    "box",
    [
        "<div>登录 / 注册</div>",  # the claimed "登录/注册", spaced as sites print it
        "<div>已是会员？立即登录</div>",
        "<div>本文为付费内容</div><div>立即登录</div><div>开通会员</div>",
    ],
    ids=["spaced-slash", "already-a-member", "notice-first"],
)
def test_a_paywall_box_with_a_common_prompt_goes(tmp_path: Path, box: str) -> None:
    """CLAIM GAP (fails on eddc0d6 too). A 财经 site's paywalled story: the second paragraph is
    cut short "……", and below it the box: its prompt, a hotline, a mailbox. The reader should
    get the two paragraphs, no hotline. The box's first line must match ``_PAYWALL`` and be the
    very next kept line under the teaser: "登录 / 注册" (spaces round the slash: the first branch
    wants "登录/注册" unspaced), "已是会员？立即登录" (no "会员登录", no "阅读/查看" after it) and a
    box headed "本文为付费内容" (its "立即登录" comes second, when ``above`` is no longer the
    teaser) all leave the box in the text."""
    kept = body(read(tmp_path, PAYWALLED.format(box=box)))
    assert not any("400-000-0000" in b or "vip@example.com" in b for b in kept)
    assert kept[-1].endswith("市场分析认为……")


CUT_SHORT = """央行下调存款准备金率0.5个百分点
2024-09-27 18:05 来源：财经日报 作者：李华
中国人民银行宣布，自9月27日起下调金融机构存款准备金率0.5个百分点，此次下调后，金融机构加权平均存款准备金率约为6.6%。
央行有关负责人表示，此次降准将向市场提供长期流动性约1万亿元，有利于保持流动性合理充裕，降低实体经济综合融资成本，并为……
剩余 76% 未读，订阅后阅读全文
已是会员？立即登录
客服热线：400-000-0000
服务邮箱：vip@example.com
"""


def test_holds_a_text_dump_of_a_paywall_with_its_percentage_prompt(tmp_path: Path) -> None:
    """HOLDS (passes now; eddc0d6 kept the box). A copied 财经 page: the teaser stops "并为……",
    then "剩余 76% 未读，订阅后阅读全文", the login line, the hotline and the mailbox. The reader
    gets the two paragraphs only."""
    kept = body(read(tmp_path, CUT_SHORT, "text"))
    assert kept == CUT_SHORT.splitlines()[2:4]


# --- 2. a reporter's byline gives no source -------------------------------------------------

YAHOO = """<html><head><meta charset="utf-8"><title>颱風凱米逼近 氣象署發布海上警報 - Yahoo奇摩新聞</title></head><body>
<div class="nav"><a href="https://tw.news.yahoo.com/">Yahoo奇摩新聞</a> <a href="https://tw.news.yahoo.com/politics/">政治</a> <a href="https://tw.news.yahoo.com/society/">社會</a></div>
<div class="article"><h1>颱風凱米逼近 氣象署發布海上警報</h1>
<div class="provider">聯合新聞網／綜合報導</div>
<div class="time">2024/07/22 14:35</div>
<div class="body">
<p>中度颱風凱米持續向台灣靠近，氣象署今天上午發布海上颱風警報，並表示最快今晚發布陸上警報，提醒民眾做好防颱準備。</p>
<p>氣象署指出，颱風暴風圈預計明天清晨起逐漸接近東半部陸地，各地風雨將明顯增強，山區可能出現豪雨或大豪雨。</p>
</div></div>
<div class="foot">© 2024 Yahoo奇摩新聞</div>
</body></html>"""


def test_an_outlets_综合報導_credit_still_gives_the_outlet(tmp_path: Path) -> None:
    """REGRESSION (passes on eddc0d6). Taiwanese portals reprint partners' stories credited
    "聯合新聞網／綜合報導" (中央社／綜合報導, 中時新聞網／綜合報導): an outlet, not a reporter. The
    reader should get 聯合新聞網 as the source, not the aggregator. ``_REPORTED``'s second branch
    ("/综合报导$") takes any name before the slash for a reporter's, so the line gives no source
    and the page falls back to "Yahoo奇摩新聞". eddc0d6 gave "聯合新聞網／綜合報導"."""
    assert "聯合新聞網" in read(tmp_path, YAHOO).meta.source


PAPER = """<html><head><meta charset="utf-8"><title>我市启动城镇老旧小区改造工程 - 某某日报</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/html/2024-06/24/node_1.htm">第01版：要闻</a></div>
<div class="article"><h1>我市启动城镇老旧小区改造工程</h1>
<div class="author">本报讯 记者 王明</div>
<div class="time">2024/06/24 10:30</div>
<div class="content">
<p>记者从市住房和城乡建设局获悉，今年我市计划改造城镇老旧小区126个，惠及居民4.3万户，目前首批项目已陆续开工。</p>
<p>据介绍，改造内容包括加装电梯、雨污分流、管网更新和增设充电设施等，各区将结合居民意愿确定具体改造清单。</p>
</div></div>
<div class="foot">某某日报社 版权所有</div>
</body></html>"""


def test_a_本报讯_reporters_byline_gives_no_source(tmp_path: Path) -> None:
    """CLAIM GAP (fails on eddc0d6 too). A city paper's 数字报 prints its byline "本报讯 记者
    王明" between the headline and the date: a reporter's byline, which the change says gives no
    source. The reader should get no "记者 王明" in the source (the paper's name from the
    ``<title>``, 某某日报). ``_REPORTED`` anchors "记者" at the line's start (``^记者``), so the
    line still gives the source "本报讯 记者 王明". eddc0d6 gave the same."""
    source = read(tmp_path, PAPER).meta.source
    assert "王明" not in source and "记者" not in source


# --- 3. newsletter sign-up lines (app-promo) --------------------------------------------------

GENRES = """<html><head><meta charset="utf-8"><title>新闻写作常见体裁简介_教学资源_某某大学新闻与传播学院</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/jxzy/">教学资源</a></div>
<div class="article"><h1>新闻写作常见体裁简介</h1>
<div class="info">发布时间：2024-04-08 10:00 来源：新闻与传播学院</div>
<div class="content">
<p>新闻写作有多种体裁，初学者应当了解各种体裁的特点和写法，才能根据报道对象选择合适的表现形式。</p>
<p><strong>一、消息</strong></p>
<p>消息是最常见、最基本的新闻体裁，要求用简洁的文字迅速报道新近发生的事实，通常由标题、导语、主体和结尾构成。</p>
<p><strong>二、新闻通讯</strong></p>
<p>通讯是运用叙述、描写、议论等多种手法，具体、生动、形象地反映新闻事件或典型人物的一种报道形式，篇幅较长。</p>
<p><strong>三、新闻评论</strong></p>
<p>新闻评论是针对新近发生的新闻事实发表意见、阐明观点的文体，包括社论、评论员文章、短评和专栏评论等。</p>
</div></div>
<div class="foot">版权所有 某某大学新闻与传播学院</div>
</body></html>"""


def test_a_section_heading_新闻通讯_is_no_sign_up_line(tmp_path: Path) -> None:
    """REGRESSION (passes on eddc0d6). 新闻通讯 is a genre of Chinese journalism (the feature
    story): a journalism school's teaching page has the headings "一、消息", "二、新闻通讯",
    "三、新闻评论". The reader should get all three. The new app-promo branch
    ``(新闻信|新闻通讯|newsletter)(里|中)?$`` drops any short line that ends in 新闻通讯, so the
    second heading goes and its paragraph hangs under "一、消息". eddc0d6 kept it."""
    assert "二、新闻通讯" in texts(read(tmp_path, GENRES))


ISSUE = """2024年第2期新闻通讯
发布时间：2024-04-08 10:00
本期新闻通讯汇集了学会近两个月的主要工作，包括学术年会筹备、青年人才托举工程申报和科普活动开展等情况。
学会第十届学术年会将于今年10月在杭州举行，组委会已完成议题征集，目前正在遴选分会场主题和邀请报告人。
"""


def test_a_newsletter_issues_own_title_is_kept_in_a_text_dump(tmp_path: Path) -> None:
    """REGRESSION (passes on eddc0d6). A learned society publishes its bulletin as "2024年第2期
    新闻通讯"; copied as text, that is the first line, above the date. The reader should get it
    as the title. The app-promo branch ``新闻通讯$`` drops the line before the title is chosen:
    the page has no title and no heading. eddc0d6 gave the title. (The HTML page keeps it: its
    ``<title>`` and ``<h1>`` are read apart.)"""
    doc = read(tmp_path, ISSUE, "text")
    assert doc.meta.title == "2024年第2期新闻通讯"


# --- 4. a link to a home page names the site --------------------------------------------------

WP = """<html><head><meta charset="utf-8"><title>用树莓派搭建家庭NAS的一点经验 | 老王的技术小站</title></head><body>
<div id="header"><h1 class="site-title"><a href="https://www.laowang.net/">老王的技术小站</a></h1>
<p class="site-description">记录折腾的点滴</p></div>
<div id="nav"><a href="https://www.laowang.net/">首页</a> <a href="https://www.laowang.net/category/linux/">Linux</a> <a href="https://www.laowang.net/about/">关于</a></div>
<div id="content"><div class="post">
{head}
<div class="entry-content">
<p>家里的照片越来越多，一直想找个地方集中存放，最近终于用闲置的树莓派搭了一台NAS，这里记录一下过程。</p>
<p>硬件方面用的是树莓派4B加一块两TB的移动硬盘，系统装的是官方的Raspberry Pi OS精简版，功耗很低。</p>
<p>软件方面装了Samba和Syncthing，手机上的照片可以自动同步过来，家里的电脑也能直接访问共享目录。</p>
</div>
<div class="nav-links">上一篇：<a href="https://www.laowang.net/{prev}">旧路由器刷OpenWrt记录</a> 下一篇：<a href="https://www.laowang.net/{next}">家用UPS选购心得</a></div>
</div></div>
<div id="sidebar"><h3>近期文章</h3><ul>
<li><a href="https://www.laowang.net/{next}">家用UPS选购心得</a></li>
<li><a href="https://www.laowang.net/{this}">用树莓派搭建家庭NAS的一点经验</a></li>
<li><a href="https://www.laowang.net/{prev}">旧路由器刷OpenWrt记录</a></li>
</ul></div>
<div id="footer">© 2024 老王的技术小站 自豪地采用WordPress</div>
</body></html>"""
TITLE = "用树莓派搭建家庭NAS的一点经验"
PRETTY = {"this": "raspberry-pi-nas/", "prev": "openwrt/", "next": "ups/"}  # /%postname%/
PLAIN = {"this": "?p=123", "prev": "?p=120", "next": "?p=125"}  # WordPress's default permalinks


def wordpress(head: str, links: dict[str, str]) -> str:
    return WP.format(head=head.format(this=links["this"]), **links)


DATE_ABOVE = """<div class="entry-meta">2024-05-09 / Linux / 老王</div>
<h2 class="entry-title"><a href="https://www.laowang.net/{this}" rel="bookmark">用树莓派搭建家庭NAS的一点经验</a></h2>"""


def test_a_wordpress_headline_linked_to_its_postname_under_the_date(tmp_path: Path) -> None:
    """REGRESSION (passes on eddc0d6). A WordPress blog with /%postname%/ permalinks: the
    single post's theme prints the date line, then the headline as a link to the post's own
    address "/raspberry-pi-nas/" (one folder, so ``_HOME_PATH`` takes it for a home page). The
    reader should get the headline as the title. The headline is now a "home name", so its own
    ``<h2>`` no longer protects it (``_norm(title) not in homes`` in ``page_title_of``) and the
    title gives way to ``placed``: the line above the date line, the menu "首页 Linux 关于",
    which becomes title and heading. eddc0d6 gave the headline."""
    doc = read(tmp_path, wordpress(DATE_ABOVE, PRETTY))
    assert doc.meta.title == TITLE
    assert texts(doc)[0] == TITLE


SUBTITLE = """<h2 class="entry-title"><a href="https://www.laowang.net/{this}" rel="bookmark">用树莓派搭建家庭NAS的一点经验</a></h2>
<div class="subtitle">两TB照片自动同步，整机功耗不到五瓦</div>
<div class="entry-meta">发表于 2024-05-09 作者 老王</div>"""


@pytest.mark.parametrize("links", [PRETTY, PLAIN], ids=["postname", "plain-p"])
def test_a_linked_headline_over_its_subtitle_stays_the_title(tmp_path: Path, links: dict[str, str]) -> None:
    """REGRESSION (passes on eddc0d6). The same post with a subtitle line (a theme's 副标题 field)
    between the linked headline and the date. Its own address is a home page to ``_home`` both
    as "/raspberry-pi-nas/" and as WordPress's default "/?p=123" (the query is cut off, leaving
    the root "/": every post link of a plain-permalink blog is a "home"). The reader should get
    the headline as the title. ``placed`` is the subtitle (``_over_subtitle`` never goes up to a
    linked line), and the headline, now a home name, gives way to it. eddc0d6 gave the
    headline."""
    assert read(tmp_path, wordpress(SUBTITLE, links)).meta.title == TITLE


CRUMB = """<div class="crumbs"><a href="https://www.laowang.net/">首页</a> &gt; <a href="https://www.laowang.net/category/linux/">Linux</a> &gt; <a href="https://www.laowang.net/{this}">用树莓派搭建家庭NAS的一点经验</a></div>
<h1 class="entry-title">用树莓派搭建家庭NAS的一点经验</h1>
<div class="entry-meta">2024-05-09 / Linux / 老王</div>"""


def test_holds_a_breadcrumb_linking_the_post_to_its_postname(tmp_path: Path) -> None:
    """HOLDS (passes now and on eddc0d6). The breadcrumb's last item links to the post's own
    one-folder address, so the headline's text is a home name; the headline itself is an
    unlinked ``<h1>`` just above the text, which keeps it the title."""
    assert read(tmp_path, wordpress(CRUMB, PRETTY)).meta.title == TITLE
