# ruff: noqa: E501  (pages are written as a CMS prints them, a line an element)
"""Red-team tests (round 13): four changes of this session:

* 711c9f2 ``htmlhead``: the headline found by its place (``dated_below``: up to ``BETWEEN_LINES``
  bylines, publisher's names as ``names_site`` reads them and one label between a headline and
  its metadata line; ``_headline_shape`` refuses a publisher's name, a signature, "…正文", a tool,
  a share target);
* 5c1b510 ``htmltitle.home_link``: a one-folder link is a home page only when other links of the
  page lie under it, or when it sits in the page's first ``<h1>``;
* 8c6a4ab: ``html.line_numbers`` (a run 1..n of ``<li>`` items inside a ``<pre>`` is a gutter),
  the ▲ caption branch of rule "photo-caption", the long download-the-app branch of "app-promo";
* 9b463bf ``htmltitle._less_counter`` and ``clean.title``'s ``said``.

Each test is a small page as a Chinese site prints it, checked through ``clean(read_source(…))``;
its docstring says what a reader should get, why a real site prints such a page, what the commit
before gave (c8c1188 for 711c9f2 and 5c1b510, 5c1b510 for 8c6a4ab, c370778 for 9b463bf), and
whether the hole is a REGRESSION (passes before, fails now) or a CLAIM GAP (fails on both). The
tests marked HOLDS pass now: realistic variants the changes get right. Eight failed on f99da2c
(seven regressions, one claim gap); all pass since: a publisher's name is a public body's (a
place or 国家, then its office: "凯里市人力资源和社会保障局"), not any line ending as a name does
("…进校园", "…口袋公园"); a headline is no label between another line and the date; a numbered
list is a gutter only when it is the whole of its list just after the code (not prettify's
``linenums``, whose list holds the code's lines); the ▲ caption branch is gone (a contest's
winners are captioned so); the app banner needs slogans set apart and no sentence's mark; a
post's own "comment-page-2/", "amp/", "feed/" are no pages under a home."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.document import Document

from .test_redteam12 import body, read  # one page, cleaned; its blocks less headings


def lines(doc: Document) -> list[str]:
    return [line.strip() for b in doc.blocks for line in b.text.split("\n")]


# --- 1. 711c9f2: a headline that ends as an organisation's name does ---------------------------

COUNTY = """<html><head><meta charset="utf-8"><title>某某县人民政府</title></head><body>
<div class="header"><a href="/"><img src="/logo.png" alt="某某县人民政府"></a></div>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/xwzx/">新闻中心</a> <a href="/bsfw/">办事服务</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a> &gt; <a href="/xwzx/xzdt/">乡镇动态</a></div>
<div class="article">
<div class="title">{headline}</div>
<div class="info">发布时间：2024-05-16 10:20 来源：县公安局 浏览次数：128</div>
<div class="content">
<p>为进一步增强群众识骗防骗能力，5月15日，县公安局民警联合志愿者开展防范电信网络诈骗宣传活动。</p>
<p>活动中，民警结合真实案例，讲解了刷单返利、冒充客服、网络游戏交易等常见诈骗手法，提醒大家不轻信、不转账。</p>
<p>下一步，县公安局将持续深入开展反诈宣传活动，筑牢群众身边的反诈防线。</p>
</div></div>
<div class="foot">主办：某某县人民政府办公室 版权所有</div>
</body></html>"""


@pytest.mark.parametrize("headline", ["反诈宣传进校园", "重阳节志愿者走进敬老院"], ids=["jin-xiaoyuan", "jinglaoyuan"])
def test_a_headline_ending_in_a_place_is_no_publishers_name(tmp_path: Path, headline: str) -> None:
    """REGRESSION (passes on c8c1188). County sites (TRS, Hanweb templates) print the headline
    in a ``<div class="title">`` under a ``<title>`` that names only the government; their news
    is full of "反诈宣传进校园", "消防安全进校园", "…走进敬老院": short, no digit, no 的, ending
    in 园 or 院. The reader should get the headline as the title. ``_headline_shape`` now
    refuses any line ``names_site(line, ())`` reads as a name (``_SITE_SUFFIX`` ends: 园, 院,
    中心, 馆, 局, 中国 …), so no headline is found by its place and the title stays
    "某某县人民政府", the headline line lost. c8c1188 gave the headline."""
    doc = read(tmp_path, COUNTY.format(headline=headline))
    assert doc.meta.title == headline


PAPER = """<html><head><meta charset="utf-8"><title>澎湃新闻</title></head><body>
<div class="top"><a href="https://www.thepaper.cn/"><img src="logo.png" alt="澎湃新闻"></a> <a href="https://www.thepaper.cn/channel_25950">时事</a> <a href="https://www.thepaper.cn/channel_25951">财经</a></div>
<div class="news_txt">
<h1>上海中心城区将新增一批口袋公园</h1>
<div class="news_about"><p>澎湃新闻记者 王明</p><p>2024-06-12 07:30 来源：澎湃新闻</p></div>
<div class="content">
<p>记者从市绿化和市容管理局获悉，今年本市将在中心城区新建口袋公园120座，重点布局在居住密度高、绿地少的街区。</p>
<p>据介绍，口袋公园面积一般在几百到几千平方米之间，将因地制宜设置休憩座椅、儿童游乐和健身设施。</p>
</div></div>
</body></html>"""


def test_a_headline_ending_in_公园_over_a_byline_does_not_hand_the_title_to_the_menu(tmp_path: Path) -> None:
    """REGRESSION (passes on c8c1188). A news page whose ``<title>`` names only the outlet (a
    template's bug, or a page saved before its script filled the title): the ``<h1>``
    "上海中心城区将新增一批口袋公园", the reporter's byline, the date line. The reader should get
    the headline. The headline ends in 园, so ``_headline_shape`` refuses it, and
    ``dated_below`` lets it stand *between* as a publisher's name (``names_site(visible[j],
    ())``): the channel menu "时事 财经" above it, byline and date under it, is the headline found
    by its place and becomes title and heading. c8c1188 gave the headline."""
    doc = read(tmp_path, PAPER)
    assert doc.meta.title == "上海中心城区将新增一批口袋公园"
    assert "时事 财经" not in lines(doc)


# --- 2. 8c6a4ab: a numbered code box, a ▲ credit line, "点击下载APP" ---------------------------

OUTPUT = """<html><head><meta charset="utf-8"><title>Python for 循环入门 - 老王的博客 - 博客园</title></head><body>
<div id="header"><a href="https://www.cnblogs.com/laowang/">老王的博客</a></div>
<div class="post"><h1 class="postTitle"><a href="https://www.cnblogs.com/laowang/p/17812345.html">Python for 循环入门</a></h1>
<div class="postBody">
<p>for 循环是 Python 里最常用的循环结构，配合 range() 可以很方便地按次数重复执行一段代码。</p>
<p>下面的程序打印 1 到 5：</p>
<pre class="prettyprint linenums"><ol class="linenums"><li class="L0">for i in range(1, 6):</li><li class="L1">    print(i)</li></ol></pre>
<p>运行结果如下，每个数字占一行：</p>
<pre class="prettyprint linenums"><ol class="linenums"><li class="L0">1</li><li class="L1">2</li><li class="L2">3</li><li class="L3">4</li><li class="L4">5</li></ol></pre>
<p>可以看到，range(1, 6) 包含起点 1，但不包含终点 6，这一点初学者很容易弄错，需要特别注意。</p>
</div>
<div class="postDesc">posted @ 2024-03-02 10:15 老王 阅读(1024) 评论(3)</div>
</div></body></html>"""


def test_a_programs_output_1_to_5_in_a_numbered_code_box_is_kept(tmp_path: Path) -> None:
    """REGRESSION (passes on 5c1b510). google-code-prettify's ``linenums`` (博客园, ITeye,
    OSChina and old CSDN posts) prints every line of a code box as an ``<li>`` of an ``<ol>``
    inside the ``<pre>``: the box holding a tutorial's *output* "1 2 3 4 5" is a run 1..5 of
    ``<li>`` items in a ``<pre>``. The reader should get the output the text talks about ("运行
    结果如下"). ``line_numbers`` now takes any such run of two or more items for a gutter
    (``n > 1 and all(j in items …)``) and drops the output. 5c1b510 kept it (the next line was no
    code)."""
    kept = lines(read(tmp_path, OUTPUT))
    assert all(str(n) in kept for n in range(1, 6))


CONTEST = """<html><head><meta charset="utf-8"><title>“美丽乡村”摄影大赛获奖名单公布</title></head><body>
<div class="rich_media_content"><h1>“美丽乡村”摄影大赛获奖名单公布</h1>
<div class="meta">某某县文联 2024-06-18 09:00</div>
<p>由县文联、县摄影家协会联合主办的“美丽乡村”摄影大赛自4月启动以来，共收到投稿作品1260余幅，经专家评审，评出一等奖1名、二等奖2名。现将获奖作品公布如下：</p>
<p><img src="a.jpg"></p>
<p>▲ 一等奖《茶山晨雾》 摄影：王立</p>
<p><img src="b.jpg"></p>
<p>▲ 二等奖《归来》 摄影：陈静</p>
<p><img src="c.jpg"></p>
<p>▲ 二等奖《丰收的喜悦》 摄影：刘洋</p>
<p>颁奖仪式将于6月下旬在县文化馆举行，获奖作品将在县文化馆展厅展出一个月，欢迎广大市民前往观展。</p>
</div></body></html>"""


def test_a_photo_contests_winners_under_their_pictures_are_kept(tmp_path: Path) -> None:
    """REGRESSION (passes on 5c1b510). A 文联's or a 摄影家协会's WeChat post announcing a
    contest's results prints each winning photo with "▲ 一等奖《茶山晨雾》 摄影：王立" under it:
    the prize, the work and the winner, which is what the article announces ("现将获奖作品公布
    如下"). The reader should get the three lines. The new ▲ branch of rule "photo-caption"
    (``^[▲△]\\s*\\S.{0,60}\\s(摄影|供图|图片来源|图源|图)\\s*[:：/／]…$``) drops every one: the
    post names no winner. 5c1b510 kept them."""
    kept = body(read(tmp_path, CONTEST))
    assert "▲ 一等奖《茶山晨雾》 摄影：王立" in kept
    assert "▲ 二等奖《归来》 摄影：陈静" in kept


FRAUD = """<html><head><meta charset="utf-8"><title>警惕！这些都是诈骗_某某市公安局</title></head><body>
<div class="article"><h1>警惕！这些都是诈骗</h1>
<div class="info">发布时间：2024-07-02 16:00 来源：市反诈中心</div>
<div class="content">
<p>近期，我市连续发生多起冒充公检法实施诈骗的案件，市反诈中心提醒广大市民，遇到以下情况务必提高警惕：</p>
<p>自称“公检法”工作人员，要求您点击下载APP开启“屏幕共享”配合调查的，都是诈骗！</p>
<p>自称“客服”来电说您的订单异常要退款理赔，发来链接让您点击下载APP办理的，都是诈骗！</p>
<p>如有疑问，请第一时间拨打96110咨询，或者到就近的派出所报警求助。</p>
</div></div></body></html>"""


def test_an_anti_fraud_warning_quoting_点击下载APP_is_kept(tmp_path: Path) -> None:
    """REGRESSION (passes on 5c1b510). Police and 反诈中心 accounts list the swindlers' lines,
    each ending "…的，都是诈骗！" (an exclamation, no 。): "要求您点击下载APP开启“屏幕共享”…".
    The reader should get the warnings: they are the article. The new long branch of rule
    "app-promo" (``^[^。]*(点我|点此|点击|立即|马上)下载\\s*app[^。]*$``, 80 characters) reads
    any line without 。 that says 点击下载APP as a banner and drops both. 5c1b510 kept them."""
    kept = body(read(tmp_path, FRAUD))
    assert any("屏幕共享" in b for b in kept)
    assert any("订单异常" in b for b in kept)


STEPS = """<html><head><meta charset="utf-8"><title>灵活就业人员如何在手机上缴纳医保？_某某市医疗保障局</title></head><body>
<div class="article"><h1>灵活就业人员如何在手机上缴纳医保？</h1>
<div class="info">发布时间：2024-09-10 10:00 来源：市医保局</div>
<div class="content">
<p>近期不少市民来电咨询，灵活就业人员能否在手机上缴纳职工医保费。答案是可以，具体步骤如下：</p>
<ol>
<li>在手机应用商店搜索“某某医保”，点击下载APP并用身份证号完成注册</li>
<li>登录后在首页选择“灵活就业缴费”，核对个人信息和缴费档次</li>
<li>确认缴费金额后选择微信或支付宝完成支付，缴费成功后可在“缴费记录”中查询</li>
</ol>
<p>如在操作中遇到问题，可拨打医保服务热线12393咨询，也可携带身份证到就近的医保经办窗口办理。</p>
</div></div></body></html>"""


def test_a_how_tos_first_step_点击下载APP_is_kept(tmp_path: Path) -> None:
    """REGRESSION (passes on 5c1b510). A 医保局's, 税务局's or 社保's how-to lists its steps as
    ``<li>`` items without a full stop, the first "在手机应用商店搜索“某某医保”，点击下载APP并用
    身份证号完成注册". The reader should get all three steps. The long "app-promo" branch takes
    the first step for a banner (a line under 80 characters, no 。, "点击下载APP"): the how-to
    starts at step two. 5c1b510 kept it."""
    kept = body(read(tmp_path, STEPS))
    assert any(b.startswith("在手机应用商店搜索") for b in kept)


# --- 3. 5c1b510: a post's own one-folder address with links under it ---------------------------

WP = """<html><head><meta charset="utf-8"><title>用树莓派搭建家庭NAS的一点经验 | 老王的技术小站</title></head><body>
<div id="header"><p class="site-title"><a href="https://www.laowang.net/">老王的技术小站</a></p></div>
<div id="nav"><a href="https://www.laowang.net/">首页</a> <a href="https://www.laowang.net/category/linux/">Linux</a> <a href="https://www.laowang.net/about/">关于</a></div>
<div id="content"><div class="post">
<div class="entry-meta">2024-05-09 / Linux / 老王</div>
<h2 class="entry-title"><a href="https://www.laowang.net/raspberry-pi-nas/" rel="bookmark">用树莓派搭建家庭NAS的一点经验</a></h2>
<div class="entry-content">
<p>家里的照片越来越多，一直想找个地方集中存放，最近终于用闲置的树莓派搭了一台NAS，这里记录一下过程。</p>
<p>硬件方面用的是树莓派4B加一块两TB的移动硬盘，系统装的是官方的Raspberry Pi OS精简版，功耗很低。</p>
<p>软件方面装了Samba和Syncthing，手机上的照片可以自动同步过来，家里的电脑也能直接访问共享目录。</p>
</div>
<div class="nav-links">上一篇：<a href="https://www.laowang.net/openwrt/">旧路由器刷OpenWrt记录</a> 下一篇：<a href="https://www.laowang.net/ups/">家用UPS选购心得</a></div>
<div id="comments"><h3>68 条评论</h3>
<div class="comment-navigation"><a href="https://www.laowang.net/raspberry-pi-nas/comment-page-1/#comments">« 较早的评论</a></div>
<p>张三：请问硬盘是怎么供电的？我接上以后经常掉盘。</p>
</div>
</div></div>
<div id="footer">© 2024 老王的技术小站 自豪地采用WordPress</div>
</body></html>"""


def test_a_wordpress_posts_comment_pages_do_not_make_its_address_a_home(tmp_path: Path) -> None:
    """CLAIM GAP (fails on c8c1188 too). The same post as round 12's (/%postname%/ permalinks,
    the date line above the headline linked to itself), but popular: WordPress splits its
    comments and prints "« 较早的评论" → "/raspberry-pi-nas/comment-page-1/#comments" (paginated
    comments are on by default at 50 a page; a multi-page post's "/postname/2/" does the same).
    The reader should get the headline as the title. That link lies under the post's own folder,
    so ``home_link`` (``any(p.startswith(folder + "/") …)``) takes the post's address for a home
    page, its headline for a site's name, and the title goes to the menu "首页 Linux 关于" above
    the date line. c8c1188 (any folder a home) gave the menu too."""
    assert read(tmp_path, WP).meta.title == "用树莓派搭建家庭NAS的一点经验"


# --- 4. variants that hold -------------------------------------------------------------------

YEARBOOK = """<html><head><meta charset="utf-8"><title>统计年鉴_统计数据_某某市统计局</title></head><body>
<div class="header"><a href="/">某某市统计局</a></div>
<div class="nav"><a href="/">首页</a> <a href="/tjsj/">统计数据</a> <a href="/tjgb/">统计公报</a></div>
<div class="article">
<h1>统计年鉴2023</h1>
<div class="info">发布时间：2023-12-28 来源：市统计局</div>
<div class="content">
<p>《统计年鉴2023》系统收录了全市2022年经济和社会发展各方面的统计数据，以及改革开放以来主要年份的全市主要统计数据。</p>
<p>全书分为综合、国民经济核算、人口、就业和工资、固定资产投资等二十四个篇章，并附有主要统计指标解释。</p>
</div></div>
<div class="foot">主办：某某市统计局</div>
</body></html>"""


def test_holds_a_yearbooks_heading_with_its_year_keeps_the_year(tmp_path: Path) -> None:
    """HOLDS (passes now and on c370778; c8c1188 gave the menu). A statistics bureau's
    ``<title>`` names the column "统计年鉴"; the ``<h1>`` is "统计年鉴2023", a ``<title>`` part
    with digits glued after it, which ``_less_counter`` would cut to "统计年鉴". The reader gets
    the volume's name with its year."""
    assert read(tmp_path, YEARBOOK).meta.title == "统计年鉴2023"


def test_holds_a_headline_ending_in_校园_in_an_h1(tmp_path: Path) -> None:
    """HOLDS (passes now and on c8c1188). The county page of test 1 with its headline in an
    ``<h1>`` and nothing between it and the date: the ``<h1>`` names the article."""
    html = COUNTY.format(headline="反诈宣传进校园").replace(
        '<div class="title">反诈宣传进校园</div>', "<h1>反诈宣传进校园</h1>"
    )
    assert read(tmp_path, html).meta.title == "反诈宣传进校园"
