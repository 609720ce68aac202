# ruff: noqa: E501  (pages are written as a CMS prints them, a line an element)
"""Red-team tests (round 10): the publication date when the markup's date is printed nowhere
(4a72f4e against ea67fe4): ``printed``, ``published_field(worst=3)`` (成文日期, 生成日期 and any
unlabelled dated field in the page's head), ``note_date`` (a 题注 among the text's first three
lines), the new ranks (更新 4, deadlines 5) and ``ROC_DATE`` with a glued time.

The markup's date is printed nowhere on many correct pages: the date line is filled by a script
("发布时间：<span id="pubtime"></span>"), or printed as "3天前". Each test says what the reader gets,
why a real site produces the page, and what ea67fe4 (the commit before) gave. Seven failed on
4a72f4e; all pass since: an unparsable markup date is left as it was (it crashed the page), a 题注
opens with its date and has no clause (no caption, no 编者按) and gives its last day of making
(a revision's, not the 施行 day), another document's fields (解读文件, 附件) give no day, a month
and day count as printed only under the headline, 施行/实施/生效 dates rank with deadlines."""

from __future__ import annotations

from pathlib import Path

from toolkit.clean import clean
from toolkit.document import Document
from toolkit.files import read_source
from toolkit.html import parse_html


def read(tmp_path: Path, html: str) -> Document:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return clean(read_source(path, "html"))


# --- a markup date parse_date cannot read ---------------------------------------------------

COMPACT = """<html><head><meta charset="utf-8"><title>我市召开全市安全生产工作会议_工作动态_某某市应急管理局</title>
<meta name="PubDate" content="20240512">
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/gzdt/">工作动态</a> <a href="/tzgg/">通知公告</a></div>
<div class="article"><h1>我市召开全市安全生产工作会议</h1>
<div class="info">来源：市应急管理局　浏览次数：<span id="hits"></span></div>
<div class="content">
<p>5月10日下午，全市安全生产工作会议召开，会议传达学习了上级有关会议精神，分析研判了当前安全生产形势。</p>
<p>会议强调，要坚持人民至上、生命至上，压紧压实各方责任，坚决遏制重特大事故发生。</p>
<p>会议要求，各地各部门要迅速行动，深入开展隐患排查整治，确保全市安全生产形势持续稳定。</p>
</div></div>
<div class="footer">主办：某某市应急管理局</div>
</body></html>"""


# failed on 4a72f4e (ea67fe4 got it right)
def test_a_compact_markup_date_does_not_crash_the_page(tmp_path: Path) -> None:
    """Some CMSs write PubDate as "20240512" (or a Unix time). parse_date reads it as "", and
    printed("", …) takes int("") of the month: ValueError, the whole page is lost. ea67fe4 kept
    the markup's value."""
    assert parse_html(COMPACT).meta.get("date", "").replace("-", "").startswith("20240512")
    doc = read(tmp_path, COMPACT)
    assert doc.meta.title == "我市召开全市安全生产工作会议"
    # The day first, as a template in a European locale writes it: the same crash.
    european = COMPACT.replace('content="20240512"', 'content="12/05/2024"')
    assert parse_html(european).meta.get("date")


# --- the markup's right date replaced by a wrong one ------------------------------------------

CAPTION = """<html><head><meta charset="utf-8"><title>一季度我市经济运行稳中向好_要闻_某某市人民政府</title>
<meta name="PubDate" content="2024-05-09 10:20">
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/yw/">要闻</a> <a href="/bmdt/">部门动态</a></div>
<div class="article"><h1>一季度我市经济运行稳中向好</h1>
<div class="info">发布时间：<span id="pubtime"></span>　来源：市统计局</div>
<div class="content">
<p><img src="/u/2024/0509/a.jpg"></p>
<p>（2024年5月8日，市政府新闻办召开新闻发布会，发布一季度全市经济运行情况。记者 王五 摄）</p>
<p>记者从市政府新闻办获悉，一季度全市实现地区生产总值1286.5亿元，同比增长6.2%，增速高于全省平均水平。</p>
<p>分产业看，第一产业增加值同比增长3.8%，第二产业增长7.1%，第三产业增长5.6%。</p>
<p>市统计局有关负责人表示，全市经济运行开局良好，主要指标好于预期。</p>
</div></div>
<div class="footer">主办：某某市人民政府办公室</div>
</body></html>"""


# failed on 4a72f4e (ea67fe4 got it right)
def test_a_photo_caption_under_the_lead_image_is_no_laws_note(tmp_path: Path) -> None:
    """A city portal fills its 发布时间 with a script (empty in the saved page); the markup's
    PubDate 2024-05-09 is right. The lead photo's caption "（2024年5月8日，…召开新闻发布会，发布
    …。记者 王五 摄）" opens with a parenthesis and says 发布: note_date takes it for a law's
    题注 and the page is dated the day before it was published. ea67fe4 kept the markup's."""
    assert parse_html(CAPTION).meta["date"].startswith("2024-05-09")
    assert read(tmp_path, CAPTION).meta.date.startswith("2024-05-09")


EDITOR_NOTE = """<html><head><meta charset="utf-8"><title>专家解读：新版白皮书释放哪些信号_理论_某某网</title>
<meta property="article:published_time" content="2024-05-13T08:00:00+08:00">
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/ll/">理论</a> <a href="/pl/">评论</a></div>
<div class="article"><h1>专家解读：新版白皮书释放哪些信号</h1>
<div class="info">3天前　来源：某某网</div>
<div class="content">
<p>（编者按：2024年5月10日，国务院新闻办公室发布《新时代的中国绿色发展》白皮书。本网邀请专家进行解读。）</p>
<p>白皮书全面介绍了新时代中国绿色发展的理念、实践与成效，分享了中国绿色发展的经验。</p>
<p>专家认为，白皮书既回顾了过去十年的历史性成就，也明确了下一步的努力方向。</p>
<p>在谈到能源转型时，专家指出，可再生能源装机规模已经历史性超过火电。</p>
</div></div>
<div class="footer">版权所有 某某网</div>
</body></html>"""


# failed on 4a72f4e (ea67fe4 got it right)
def test_an_editors_note_naming_another_release_is_no_laws_note(tmp_path: Path) -> None:
    """A news site prints its date as "3天前"; its article:published_time (2024-05-13) is right.
    The commentary opens with "（编者按：2024年5月10日，国务院新闻办公室发布《…》白皮书。…）",
    which note_date reads as a 题注: the piece is dated the white paper's day. ea67fe4 gave the
    markup's."""
    assert parse_html(EDITOR_NOTE).meta["date"].startswith("2024-05-13")
    assert read(tmp_path, EDITOR_NOTE).meta.date.startswith("2024-05-13")


INTERPRETATION = """<html><head><meta charset="utf-8"><title>《某某市促进民营经济高质量发展若干措施》政策解读_政策解读_某某市发展和改革委员会</title>
<meta name="PubDate" content="2024-01-10 16:02">
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/zcjd/">政策解读</a></div>
<div class="article"><h1>《某某市促进民营经济高质量发展若干措施》政策解读</h1>
<div class="relate">解读文件：关于印发某某市促进民营经济高质量发展若干措施的通知　成文日期：2023-12-28</div>
<div class="info">发布机构：市发展改革委　浏览次数：<span id="hits"></span></div>
<div class="content">
<p>一、出台背景</p>
<p>为深入贯彻落实党中央、国务院关于促进民营经济发展壮大的决策部署，进一步优化民营经济发展环境，制定本措施。</p>
<p>二、主要内容</p>
<p>《若干措施》共五个方面二十条，涵盖市场准入、要素保障、融资支持、权益保护等方面。</p>
</div></div>
<div class="footer">主办：某某市发展和改革委员会</div>
</body></html>"""


# failed on 4a72f4e (ea67fe4 got it right)
def test_the_signing_day_of_the_document_an_interpretation_explains_is_not_its_date(tmp_path: Path) -> None:
    """A 政策解读 page links the document it explains ("解读文件：… 成文日期：2023-12-28") in its
    head; the 解读 itself was published 2024-01-10 (PubDate; its date line is filled by a script).
    published_field(worst=3) takes the other document's 成文日期. ea67fe4 kept the markup's."""
    assert parse_html(INTERPRETATION).meta["date"].startswith("2024-01-10")
    assert read(tmp_path, INTERPRETATION).meta.date.startswith("2024-01-10")


REVISED_LAW = """<html><head><meta charset="utf-8"><title>中华人民共和国环境保护法_法律法规_某某省生态环境厅</title>
<meta name="PubDate" content="2024-03-20 15:40">
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/flfg/">法律法规</a></div>
<div class="article"><h1>中华人民共和国环境保护法</h1>
<div class="content">
<p>（1989年12月26日第七届全国人民代表大会常务委员会第十一次会议通过 2014年4月24日第十二届全国人民代表大会常务委员会第八次会议修订）</p>
<p>目　录</p>
<p>第一章　总　　则</p>
<p>第一条　为保护和改善环境，防治污染和其他公害，保障公众健康，推进生态文明建设，促进经济社会可持续发展，制定本法。</p>
<p>第二条　本法所称环境，是指影响人类生存和发展的各种天然的和经过人工改造的自然因素的总体。</p>
</div></div>
</body></html>"""


# failed on 4a72f4e (ea67fe4 got it right)
def test_a_revised_laws_note_dates_it_by_its_revision_not_its_first_passage(tmp_path: Path) -> None:
    """A provincial department reposts the 环境保护法 (PubDate 2024-03-20, printed nowhere).
    Its 题注 gives the first passage (1989) and the revision (2014) the text is; note_date takes
    the first date, so the page reads as a 1989 document. The revision's day (or the markup's,
    as ea67fe4 gave) would be right; 1989 is the one clearly wrong answer."""
    assert not parse_html(REVISED_LAW).meta["date"].startswith("1989")
    assert not read(tmp_path, REVISED_LAW).meta.date.startswith("1989")


# --- what still passes: parentheses that are no 题注 ------------------------------------------

NEWS_PARENS = """<html><head><meta charset="utf-8"><title>《某某市物业管理条例》7月1日起施行_要闻_某某日报</title>
<meta name="PubDate" content="2024-06-28 07:30">
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/yw/">要闻</a> <a href="/bd/">本地</a></div>
<div class="article"><h1>《某某市物业管理条例》7月1日起施行</h1>
<div class="info">来源：某某日报　作者：张三</div>
<div class="content">
<p>（记者 张三 通讯员 李四）</p>
<p>（2023年修订）版《某某市物业管理条例》经市人大常委会审议通过并公布，将于7月1日起施行。</p>
<p>新条例共九章八十六条，对业主大会、物业服务、维修资金等作出规定。</p>
<p>市住建局有关负责人表示，将同步出台配套文件，确保条例落地见效。</p>
</div></div>
<div class="footer">版权所有 某某日报社</div>
</body></html>"""


# passed on 4a72f4e
def test_a_byline_and_a_revision_mark_in_parentheses_are_no_laws_note(tmp_path: Path) -> None:
    """A 日报's lead opens with "（记者 张三 通讯员 李四）" and a sentence beginning "（2023年修订）版
    《…条例》…审议通过并公布": neither parenthesis says a day and 公布, so the markup's date stays."""
    assert parse_html(NEWS_PARENS).meta["date"].startswith("2024-06-28")
    assert read(tmp_path, NEWS_PARENS).meta.date.startswith("2024-06-28")


# --- holes left ---------------------------------------------------------------------------------

SAME_DAY = """<html><head><meta charset="utf-8"><title>关于印发某某区2023年度农村人居环境整治工作方案的通知_区政府办文件_某某区人民政府</title>
<meta name="PubDate" content="2023-05-16 10:41">
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/qzfbwj/">区政府办文件</a></div>
<div class="article">
<table class="xxgk">
<tr><td>索引号：</td><td>11340800MB1234567X/2023-00412</td><td>发布机构：</td><td>区政府办公室</td></tr>
<tr><td>文号：</td><td>某政办〔2023〕9号</td><td>成文日期：</td><td>2023-04-10</td></tr>
</table>
<h1>关于印发某某区2023年度农村人居环境整治工作方案的通知</h1>
<div class="content">
<p>各乡镇人民政府、街道办事处，区直各单位：</p>
<p>《某某区2023年度农村人居环境整治工作方案》已经区政府同意，现印发给你们，请认真组织实施。</p>
<p>某某区人民政府办公室</p>
<p>2023年4月10日</p>
</div></div>
<div class="side"><h3>最新文件</h3><ul>
<li><a href="/a/1.html">关于做好汛期安全防范工作的通知</a><span>05-16</span></li>
<li><a href="/a/2.html">某某区政务公开工作要点</a><span>05-16</span></li>
<li><a href="/a/3.html">关于调整区城乡居民医疗保险缴费标准的通知</a><span>05-12</span></li>
</ul></div>
<div class="footer">主办：某某区人民政府办公室</div>
</body></html>"""


# failed on 4a72f4e and on ea67fe4
def test_a_sidebar_of_same_day_uploads_does_not_print_the_upload_time(tmp_path: Path) -> None:
    """The commit's own case (a 成文日期 2023-04-10 and an upload-time PubDate 2023-05-16 printed
    nowhere) with the 最新文件 sidebar every 区政府 portal has. Files go up in batches, so the
    sidebar shows "05-16" beside other files: printed() takes that month and day for the
    article's, and the upload time stays. (Had a sidebar title named the year, "关于做好2023年汛期
    …的通知05-16", printed() would want a full date on that line and let the 成文日期 through: the
    outcome hangs on the neighbours' titles.) ea67fe4 gave the upload time too."""
    assert parse_html(SAME_DAY).meta["date"] == "2023-04-10"
    assert read(tmp_path, SAME_DAY).meta.date == "2023-04-10"


IN_FORCE = """<html><head><meta charset="utf-8"><title>某某市城市道路挖掘管理办法_规范性文件_某某市司法局</title>
<meta name="PubDate" content="2024-05-10 11:05">
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/gfxwj/">规范性文件库</a></div>
<div class="article">
<h1>某某市城市道路挖掘管理办法</h1>
<table class="info">
<tr><td>发布机构：</td><td>某某市人民政府</td><td>文号：</td><td>某政规〔2024〕3号</td></tr>
<tr><td>成文日期：</td><td>2024-04-28</td><td>施行日期：</td><td>2024-06-01</td></tr>
</table>
<div class="content">
<p>第一条 为了加强城市道路挖掘管理，保障城市道路完好和通行安全，根据有关法律法规，结合本市实际，制定本办法。</p>
<p>第二条 本市城市规划区内城市道路的挖掘及其监督管理活动，适用本办法。</p>
<p>第三条 市城市管理部门负责全市城市道路挖掘的监督管理工作。</p>
</div></div>
<div class="footer">主办：某某市司法局</div>
</body></html>"""


# failed on 4a72f4e and on ea67fe4
def test_the_day_a_rule_comes_into_force_is_not_its_publication(tmp_path: Path) -> None:
    """A 规范性文件库 prints 成文日期 and 施行日期 (the day the rule takes effect, a month later).
    "施行日期：" ends in "日期：" and ranks 0, as 发布日期 does, so the page is dated a day still in
    its future when it was published. Either the 成文日期 or the markup's (2024-05-10) is right;
    ea67fe4 took the 施行日期 too."""
    assert parse_html(IN_FORCE).meta["date"] != "2024-06-01"
    assert read(tmp_path, IN_FORCE).meta.date != "2024-06-01"
