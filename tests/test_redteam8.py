# ruff: noqa: E501  (pages are written as a CMS prints them, a line an element)
"""Red-team tests (round 8): the fixes of round 7 (534e5d4 against 95fb423): a code block's line
numbers, a <code> inside a <pre>, the code boxes, drawn-table lines that never join, the <pre>
line that repeats a line above it, the one lead brought back under the headline, the page's head
for the labelled publication date (past subtitles and short labels), written-out years before
1995, and the policy library's fields.

Each test states what a reader gets, why a real site produces the page and how likely it is,
and whether it was already wrong at 95fb423. All of them fail on 534e5d4."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.clean import clean
from toolkit.document import Document
from toolkit.files import read_source
from toolkit.html import parse_html


def read(tmp_path: Path, html: str) -> Document:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return clean(read_source(path, "html"))


def body(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks]


# --- code blocks ----------------------------------------------------------------------------

WHILE_LOOP = """<html><head><meta charset="utf-8"><title>Python while 循环语句_Python基础教程_某某编程网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/python/">Python教程</a> <a href="/java/">Java教程</a></div>
<div class="article">
<h1>Python while 循环语句</h1>
<div class="info">更新时间：2023-05-10　作者：编程网</div>
<div class="article-content">
<p>Python 编程中 while 语句用于循环执行程序，即在某条件下，循环执行某段程序，以处理需要重复处理的相同任务。</p>
<p>下面的例子从 1 数到 5，每次循环打印当前的计数：</p>
<pre class="prettyprint">count = 1
while count &lt;= 5:
    print(count)
    count = count + 1</pre>
<p>以上代码执行输出结果为：</p>
<pre>1
2
3
4
5</pre>
<p>当 count 的值大于 5 时，循环条件不再成立，程序跳出循环，继续执行后面的语句。</p>
<p>注意：如果忘记在循环体内修改 count 的值，条件永远成立，程序就会陷入死循环，只能用 Ctrl+C 强行中断。</p>
</div></div>
<div class="footer">Copyright © 2023 某某编程网 备案号：京ICP备12345678号</div>
</body></html>"""


def test_a_programs_printed_output_that_counts_1_to_5_stays(tmp_path: Path) -> None:
    """A beginner's tutorial (菜鸟教程-style: "以上代码执行输出结果为：") shows a loop that prints
    1 to 5 and then its output, in a plain <pre>: "1" / "2" / "3" / "4" / "5". line_numbers takes
    any <pre> lines that count 1, 2, 3 … for a highlighter's gutter and drops them as
    code-line-numbers, so the reader gets "以上代码执行输出结果为：" followed by nothing. Every
    tutorial on loops, range(), counters prints such output; likely. Regression: 95fb423 kept it."""
    kept = body(read(tmp_path, WHILE_LOOP))
    at = kept.index("以上代码执行输出结果为：")
    assert kept[at + 1 : at + 6] == ["1", "2", "3", "4", "5"]


PROMPT = """<html><head><meta charset="utf-8"><title>Linux 查看端口占用的几种方法 - 运维小记 - 博客园</title></head><body>
<div id="header"><a href="/">博客园</a> <a href="/u/ywxj/">首页</a> <a href="/u/ywxj/archive">归档</a></div>
<div id="main"><div class="post">
<h1 class="postTitle"><a href="/u/ywxj/p/1.html">Linux 查看端口占用的几种方法</a></h1>
<div id="cnblogs_post_body" class="blogpost-body">
<p>服务启动失败、提示端口被占用时，需要先查出是哪个进程占用了端口。下面介绍三种常用的方法。</p>
<p>方法一：用 lsof 查看 8080 端口被哪个进程占用：</p>
<pre>[root@localhost ~]# <code>lsof -i:8080</code>
COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME
java    12345 root   45u  IPv6 123456      0t0  TCP *:webcache (LISTEN)</pre>
<p>方法二：用 netstat 查看所有监听中的端口，再用 grep 过滤：</p>
<pre>[root@localhost ~]# <code>netstat -tunlp | grep 8080</code>
tcp6       0      0 :::8080       :::*        LISTEN      12345/java</pre>
<p>查到进程号以后，确认可以停掉，再用 kill 命令结束它即可。</p>
</div>
<div class="postDesc">posted @ 2023-09-12 10:21 运维小记 阅读(1320) 评论(2)</div>
</div></div>
<div id="footer">Copyright © 2023 运维小记 Powered by .NET 8.0 on Kubernetes</div>
</body></html>"""


def test_a_shell_prompt_and_its_highlighted_command_stay_on_one_line(tmp_path: Path) -> None:
    """A 博客园 post pastes a terminal session into a <pre>, the typed command marked with <code>
    after the prompt ("[root@localhost ~]# <code>lsof -i:8080</code>"). A <code> that opens inside
    a <pre> after text now starts a new line, so the prompt stands alone ("[root@localhost ~]#")
    and the command below it: the transcript no longer shows what was typed where. Editors that
    mark the command in a transcript (<code>, <kbd>-like) do this; fairly rare. Regression:
    95fb423 kept prompt and command on one line."""
    kept = body(read(tmp_path, PROMPT))
    assert "[root@localhost ~]# lsof -i:8080" in kept
    assert "[root@localhost ~]# netstat -tunlp | grep 8080" in kept


# --- typed notices in <pre> -------------------------------------------------------------------

MINUS = """<html><head><meta charset="utf-8"><title>关于2024年春节放假安排的通知_通知公告_某某大学</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a> <a href="/xwzx/">新闻中心</a></div>
<div class="article">
<h1>关于2024年春节放假安排的通知</h1>
<div class="info">发布时间：2024-01-20　来源：校长办公室　浏览次数：1023</div>
<div class="content">
<pre>各学院、各部门：
    根据国务院办公厅通知精神，结合我校实际，现将2024年春节放假
安排通知如下：
    一、2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日
（星期日）上班。
    二、据气象部门预报，春节期间我市有一次强降温过程，最低气温将达
-8℃，各单位要切实做好水管、消防设施的防冻保温工作，防止冻裂。
    三、各单位要妥善安排好值班和安全、保卫等工作，确保师生度过一个
欢乐祥和的春节。

                                            校长办公室
                                         2024年1月20日</pre>
</div></div>
<div class="footer">版权所有 © 某某大学</div>
</body></html>"""


@pytest.mark.xfail(
    strict=True,
    reason='known limitation, left open: the minus sign stays now ("-8℃" is no list mark), but a numbered item a typed notice wraps just before it is still read as a heading and its rest as a paragraph, not joined; the wrap test needs the numbered line to fill the notice\'s width, which this one falls short of by the sign',
)
def test_a_typed_notices_line_wrapped_before_a_minus_sign_keeps_the_sign_and_joins(tmp_path: Path) -> None:
    """Round 7's typed notice (a <pre>, wrapped by hand at a fixed width) with its second item
    wrapped just before a temperature: "…最低气温将达" / "-8℃，各单位要…". A line that starts with
    "-" is now a drawn table's row that never joins, so the item stays cut in two, its first half
    becomes a heading ("## 二、…将达") and the second a list item whose text is "8℃，各单位…": the
    minus sign is gone and the reader is told it gets warm. A fixed-width wrap falls before any
    character, "-3℃", "-2.5%", "+86" included; plausible on the sites that print notices in <pre>.
    Partly a regression: 95fb423 joined no <pre> line, but kept "-8℃" as written."""
    kept = body(read(tmp_path, MINUS))
    assert not any(t.startswith("8℃") for t in kept)
    assert (
        "二、据气象部门预报，春节期间我市有一次强降温过程，最低气温将达-8℃，各单位要切实做好水管、消防设施的防冻保温工作，防止冻裂。"
        in kept
    )


LANG_BOX = """<html><head><meta charset="utf-8"><title>关于2024年春节放假安排的通知_通知公告_某某大学</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a> <a href="/xwzx/">新闻中心</a></div>
<div class="article">
<h1>关于2024年春节放假安排的通知</h1>
<div class="info">发布时间：2024-01-20　来源：校长办公室　浏览次数：1023</div>
<div class="content lang-cn">
<pre>各学院、各部门：
    根据国务院办公厅通知精神，结合我校实际，现将2024年春节放假
安排通知如下：
    一、2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日
（星期日）上班。
    二、放假期间，各单位要切实做好安全保卫工作，加强值班，遇有重大
突发事件发生，要按规定及时报告并妥善处置。
    三、各单位要妥善安排好值班和安全、保卫等工作，确保师生度过一个
欢乐祥和的春节。

                                            校长办公室
                                         2024年1月20日</pre>
</div></div>
<div class="footer">版权所有 © 某某大学</div>
</body></html>"""


def test_a_typed_notice_in_a_language_box_is_not_code(tmp_path: Path) -> None:
    """Round 7's typed notice on a bilingual school site that wraps each language's copy in a
    box named for it (<div class="content lang-cn">, the other "lang-en", a script shows one).
    Any div around a <pre> whose class merely contains "lang" (or "code", "highlight": a
    "qrcode" box, a "highlight" notice box) makes the <pre> code, so its hand-wrapped lines are
    never joined: every sentence comes out cut at the wrap. Bilingual sites (the toolkit's own
    kind of source) use such classes; with a typed notice, rare. Already wrong at 95fb423 (it
    joined no <pre> line at all)."""
    kept = body(read(tmp_path, LANG_BOX))
    assert "根据国务院办公厅通知精神，结合我校实际，现将2024年春节放假安排通知如下：" in kept


TITLE_IN_PRE = """<html><head><meta charset="utf-8"><title>关于2024年春节放假安排的通知_通知公告_某某大学</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a> <a href="/xwzx/">新闻中心</a></div>
<div class="article">
<h1>关于2024年春节放假安排的通知</h1>
<div class="info">发布时间：2024-01-20　来源：校长办公室　浏览次数：1023</div>
<div class="content">
<pre>              关于2024年春节放假安排的通知

各学院、各部门：
    根据国务院办公厅通知精神，结合我校实际，现将2024年春节放假
安排通知如下：
    一、2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日
（星期日）上班。
    二、放假期间，各单位要切实做好安全保卫工作，加强值班，遇有重大
突发事件发生，要按规定及时报告并妥善处置。
    三、各单位要妥善安排好值班和安全、保卫等工作，确保师生度过一个
欢乐祥和的春节。

                                            校长办公室
                                         2024年1月20日</pre>
</div></div>
<div class="footer">版权所有 © 某某大学</div>
</body></html>"""


def test_a_typed_notice_that_repeats_its_title_in_the_pre_shows_it_once(tmp_path: Path) -> None:
    """The same notice with its own title typed, centred, as the first line of the <pre> (the
    whole .txt pasted in, title included, under the CMS's <h1>): the usual form. A <pre> line
    that repeats a line above it is now no header candidate, so the title line is kept as the
    body's first paragraph and the reader gets the title twice (under the "# " heading).
    Likely on every site that prints typed notices. Regression: 95fb423 dropped it as the title."""
    kept = body(read(tmp_path, TITLE_IN_PRE))
    assert kept.count("关于2024年春节放假安排的通知") <= 1  # the document's title heading, once


# --- the page's date -------------------------------------------------------------------------

EPOCH = """<html><head><meta charset="utf-8"><title>我区召开2024年安全生产工作会议_工作动态_某某区人民政府</title>
<meta name="PubDate" content="2024-03-15 16:42">
<meta name="ArticleTitle" content="我区召开2024年安全生产工作会议"></head><body>
<div class="top"><a href="/">网站首页</a> <a href="/zwgk/">政务公开</a> <a href="/gzdt/">工作动态</a></div>
<div class="main">
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/gzdt/">工作动态</a></div>
<h1>我区召开2024年安全生产工作会议</h1>
<div class="info">发布时间：1970-01-01 08:00　来源：区应急管理局　浏览次数：<span>0</span></div>
<div class="TRS_Editor">
<p>3月15日上午，我区召开2024年安全生产工作会议，总结2023年全区安全生产工作，分析当前面临的形势，部署2024年重点任务。区委常委、常务副区长王某某出席会议并讲话。</p>
<p>会议指出，2023年全区安全生产形势总体平稳，各类事故起数和死亡人数实现“双下降”，但部分行业领域风险隐患依然突出，安全生产基础还不牢固。</p>
<p>会议强调，各镇街、各部门要坚持人民至上、生命至上，压紧压实安全生产责任，深入开展重大事故隐患专项排查整治行动，坚决遏制重特大事故发生。</p>
</div></div>
<div class="footer">主办：某某区人民政府办公室　网站标识码：3301000001</div>
</body></html>"""


@pytest.mark.parametrize("shown", ["1970-01-01 08:00", "1900-01-01 00:00:00", "1970年01月01日"])
def test_an_unset_published_field_does_not_beat_the_markups_date(tmp_path: Path, shown: str) -> None:
    """A district government's CMS prints an empty publish time as the zero of its clock:
    "发布时间：1970-01-01 08:00" (a Unix timestamp 0 in UTC+8), "1900-01-01 00:00:00" (SQL
    Server's empty datetime); the markup's PubDate says 2024-03-15. A year written out now counts
    before 1995, so the page is dated 1970 or 1900. Broken templates showing 1970-01-01 are a
    familiar sight on Chinese sites; plausible. Regression: 95fb423 took the PubDate."""
    doc = read(tmp_path, EPOCH.replace("1970-01-01 08:00", shown))
    assert doc.meta.date == "2024-03-15"


INTERPRETATION = """<html><head><meta charset="utf-8"><title>一图读懂《某某市促进消费提质扩容若干措施》_政策解读_某某市人民政府</title>
<meta name="PubDate" content="2024-03-12 09:30"></head><body>
<div class="top"><a href="/">网站首页</a> <a href="/zwgk/">政务公开</a> <a href="/zcjd/">政策解读</a></div>
<div class="main">
<h1>一图读懂《某某市促进消费提质扩容若干措施》</h1>
<div class="info"><span>2024-03-12</span> <span>来源：市商务局</span> <span>字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
<div class="TRS_Editor">
<p><strong>文件信息</strong></p>
<p>发文机关：某某市人民政府办公厅</p>
<p>发文字号：某政办发〔2024〕5号</p>
<p>发布日期：2024-02-28</p>
<p>文件名称：某某市促进消费提质扩容若干措施</p>
<p>为深入贯彻落实国家和省关于恢复和扩大消费的决策部署，进一步激发消费潜力，市商务局会同有关部门研究制定了《某某市促进消费提质扩容若干措施》，现就有关内容解读如下。</p>
<p>《措施》共包括五个方面18条具体举措，重点围绕汽车、家电、餐饮、文旅等领域，推动消费持续恢复和提质升级。</p>
<p>在汽车消费方面，对个人消费者购买新能源汽车给予每辆最高5000元的消费补贴，补贴资金由市、区两级财政按比例分担。</p>
</div></div>
<div class="footer">主办：某某市人民政府办公厅</div>
</body></html>"""


CORRECTION = """<html><head><meta charset="utf-8"><title>某某县人民医院医疗设备采购项目更正公告_某某县公共资源交易中心</title>
<meta name="PubDate" content="2024-03-05 16:20"></head><body>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zfcg">政府采购</a> &gt; 更正公告</div>
<h1>某某县人民医院医疗设备采购项目更正公告</h1>
<div class="info">2024-03-05　　来源：某某县公共资源交易中心　　浏览次数：326</div>
<div class="TRS_Editor">
<h3>项目基本情况</h3>
<p>原公告发布时间：2024年02月20日</p>
<p>原公告的采购项目编号：MMXCG-2024-018</p>
<p>原公告的采购项目名称：某某县人民医院医疗设备采购项目</p>
<p>二、更正信息</p>
<p>更正事项：采购文件</p>
<p>更正内容：原采购文件第三章技术参数中“彩色多普勒超声诊断仪”探头数量由“3个”更正为“4个”，投标截止时间顺延至2024年03月15日09:30。</p>
<p>三、其他补充事宜</p>
<p>其他内容不变，请各潜在供应商注意查看。</p>
<p>四、凡对本次公告内容提出询问，请按以下方式联系。</p>
<p>采购人：某某县人民医院　联系人：刘先生　联系方式：0738-1234567</p>
</div></body></html>"""


@pytest.mark.parametrize("html", [INTERPRETATION, CORRECTION], ids=["label", "subtitle"])
def test_a_date_field_under_the_bodys_first_label_or_heading_is_not_the_pages(tmp_path: Path, html: str) -> None:
    """A page whose own date is unlabelled ("2024-03-12 来源：…", the PubDate the same) and whose
    body opens with a short label or an unnumbered section heading, then fields of another
    document: a 政策解读 ("文件信息" / "发文机关：…" / "发布日期：2024-02-28", the interpreted
    document's) or round 6's 更正公告 with its first section headed "<h3>项目基本情况</h3>"
    ("原公告发布时间：2024年02月20日"). The head now runs past short labels and subtitles, so the
    body's date field becomes the page's date. 政策解读 pages and 公共资源交易 notices print such
    blocks often; likely. Regression: 95fb423 ended the head at the label or heading."""
    doc = read(tmp_path, html)
    assert doc.meta.date in ("2024-03-12", "2024-03-05")


# --- policy-library fields, a company's page -----------------------------------------------

COMPANY = """<html><head><meta charset="utf-8"><title>某某智能装备有限公司_招聘企业_某某人才网</title></head><body>
<div class="top"><a href="/">网站首页</a> <a href="/tzgg/">通知公告</a></div>
<div class="main">
<h1>某某智能装备有限公司</h1>
<div class="info">发布时间：2024-06-03　来源：市人力资源市场</div>
<div class="article-content">
<p>企业类型：有限责任公司</p>
<p>所属行业：通用设备制造业</p>
<p>企业规模：100-499人</p>
<p>企业性质：民营企业</p>
<p>公司地址：某某市高新区创新路88号</p>
<p>某某智能装备有限公司成立于2012年，是一家专注于工业机器人及自动化生产线研发、制造和销售的国家级高新技术企业，现有员工300余人，其中研发人员占比超过三成。</p>
<p>因业务发展需要，现面向社会公开招聘机械设计工程师5名、电气工程师3名，欢迎有志之士加入。</p>
</div></div>
<div class="footer">主办：某某市人力资源和社会保障局</div>
</body></html>"""


def test_a_recruiting_companys_industry_and_size_stay(tmp_path: Path) -> None:
    """A city 人才网's company page: headline the company's name, then its profile as fields,
    "企业类型：…", "所属行业：通用设备制造业", "企业规模：100-499人", "公司地址：…", then its
    introduction. 所属行业 and 企业规模 are policy-library fields that "never start the body and are
    header-only metadata", and the page's head runs down to them, so the profile loses the
    industry and size a job-seeker reads it for. Every 招聘/人才 site prints company pages so;
    likely. Already wrong at 95fb423 (dropped as strong metadata)."""
    kept = body(read(tmp_path, COMPANY))
    assert "所属行业：通用设备制造业" in kept
    assert "企业规模：100-499人" in kept


COMPANY_TITLE = """<html><head><meta charset="utf-8"><title>某某智能装备有限公司_招聘企业_某某人才网</title></head><body>
<div class="top"><a href="/">网站首页</a> <a href="/tzgg/">通知公告</a></div>
<div class="main">
<h1>某某智能装备有限公司</h1>
<div class="info">发布时间：2024-06-03　来源：市人力资源市场</div>
<div class="article-content">
<p>企业性质：民营企业</p>
<p>公司地址：某某市高新区创新路88号</p>
<p>某某智能装备有限公司成立于2012年，是一家专注于工业机器人及自动化生产线研发、制造和销售的国家级高新技术企业，现有员工300余人，其中研发人员占比超过三成。</p>
<p>因业务发展需要，现面向社会公开招聘机械设计工程师5名、电气工程师3名，欢迎有志之士加入。</p>
</div></div>
<div class="footer">主办：某某市人力资源和社会保障局</div>
</body></html>"""


def test_a_company_pages_headline_is_its_title_not_its_first_field(tmp_path: Path) -> None:
    """The same company page without the two fields: <title> "某某智能装备有限公司_招聘企业_某某
    人才网", <h1> the company's name. The name is taken for the site's (an organisation's name
    first in the title) and dropped as site-name, and the first field line, "企业性质：民营企业",
    becomes the document's title. Company, school and hospital pages on directory sites are titled
    with an organisation's name; likely. Already wrong at 95fb423; fixed since (a markup title a
    line of the page says whole is the title, however short or shaped as a name)."""
    doc = read(tmp_path, COMPANY_TITLE)
    assert doc.meta.title == "某某智能装备有限公司"


# --- the lead under the headline ------------------------------------------------------------


@pytest.mark.xfail(
    strict=True,
    reason="known limitation, left open: a lead set apart under the headline comes back only as one paragraph (two in a row are what a sidebar's bio looks like: tests/test_redteam7.py); a lead of two paragraphs that the extractor left out stays out",
)
def test_a_two_paragraph_lead_set_apart_under_the_headline_comes_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """tests/test_html.py's 頭條日報 page (headline, "列印 文字大小", a font-size bar of links)
    with the lead set apart in two paragraphs, and the extractor taking the article from the
    text box below (simulated as that test does). Only one paragraph just above the text comes
    back now, and only with labels above it: the first lead paragraph is no label, so neither
    comes back and the story loses its first two paragraphs, who and what happened. Portals set a
    lead box (導語, 摘要) of two short paragraphs often; the extractor dropping it is less common.
    Regression: 95fb423 brought both back."""
    lead1 = "教育局副局長蔡若蓮長子潘匡仁，昨晨在家中伸腳出窗危坐，女傭發現後將他拉回屋內，惜他其後再次墮樓。"
    lead2 = "消息指，潘匡仁送院後證實不治，警方列作「有人從高處墮下」處理，經初步調查後相信事件無可疑。"
    rest = "死者潘匡仁(二十五歲)，洋名Peter，生前任職北區醫院物理治療師，據悉早前參加鐵人賽時頭部重創。"
    bar = "".join(
        f'<a href="#">{w}</a><br>' for w in ("仲細D都得", "大小小啦唔該", "仲未夠？", "起碼咁大啦！", "已經最大。")
    )
    html = (
        "<html><head><title>蔡若蓮長子墮樓亡 - 頭條日報</title></head><body>"
        f"<h1>蔡若蓮長子墮樓亡</h1><div>2017-09-08 列印 文字大小</div><div>{bar}</div>"
        f"<div class='lead'><p>{lead1}</p><p>{lead2}</p></div><div class='text'><p>{rest}</p></div></body></html>"
    )
    monkeypatch.setattr("toolkit.html._main_text", lambda page: ([rest], ""))
    result = parse_html(html)
    kept = [line for line, m in zip(result.lines, result.main, strict=True) if m]
    assert lead1 in kept and lead2 in kept and rest in kept


SITE_NOTICE = """<html><head><meta charset="utf-8"><title>市医保局开展打击欺诈骗保专项整治行动_工作动态_某某市医疗保障局</title></head><body>
<div class="top"><a href="/">网站首页</a> <a href="/zwgk/">政务公开</a> <a href="/gzdt/">工作动态</a> <a href="/bsfw/">办事服务</a></div>
<div class="main">
<h1>市医保局开展打击欺诈骗保专项整治行动</h1>
<div class="info">2024-04-18 09:12</div>
<div class="info2">来源：市医保局</div>
<div class="tools">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="print"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="site-notice"><p>【防骗提醒】近期有不法分子冒充医保部门工作人员，以医保卡被冻结、需要激活等理由实施电信诈骗，请广大参保群众提高警惕，切勿轻信。</p></div>
<div class="TRS_Editor">
<p>为进一步加强医疗保障基金监管，守护好人民群众的“看病钱”“救命钱”，市医保局自4月起在全市范围内开展为期半年的打击欺诈骗保专项整治行动。</p>
<p>此次专项整治聚焦定点医疗机构和定点零售药店，重点检查虚假就医、串换药品、过度诊疗、超标准收费等违法违规行为，对查实的问题依法依规严肃处理。</p>
<p>市医保局有关负责人表示，欢迎社会各界积极举报欺诈骗保行为，经查实的将按规定给予举报人奖励，举报电话：12345。</p>
</div></div>
<div class="footer">主办：某某市医疗保障局　地址：某某市人民路1号</div>
</body></html>"""


@pytest.mark.xfail(
    strict=True,
    reason='known limitation, left open (wrong before this session too): a site-wide banner between the toolbar and the text ("【防骗提醒】…") is kept as the article\'s first paragraph; no rule names such banners, and their words vary by site',
)
def test_a_site_wide_anti_fraud_banner_above_the_text_stays_out(tmp_path: Path) -> None:
    """A city bureau's template prints, between the toolbar (字号, 分享到, 打印本页 关闭窗口) and
    the article, a site-wide banner on every page: "【防骗提醒】近期有不法分子冒充医保部门工作人员
    …". Only labels and links lie between the headline and it, so it is kept as the story's
    first paragraph: a translator gets the same notice on every article of the site. 医保, 社保,
    公安 sites ran such banners for years; plausible. Already wrong at 95fb423."""
    kept = body(read(tmp_path, SITE_NOTICE))
    assert not any(t.startswith("【防骗提醒】") for t in kept)
