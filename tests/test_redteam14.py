# ruff: noqa: E501  (pages are written as a CMS prints them, a line an element)
r"""Red-team tests (round 14): this session's changes against 78fb97c:

* ``clean/rules.py``: "site-promo" now takes "(请|可|欢迎)(在|到…)(应用市场|应用商店)…下载…(app|客户端)"
  and "(报料|爆料|新闻)(热线|邮箱)" followed by three digits; "repost-notice" takes "版权归作者"
  and "代表作者个人观点"; "prev-next" takes a line opening with "«" or ending in " »"; the new
  "gallery-counter" (``…\d{1,2} / \d{1,2}$``) and "media-player"; "credit" takes
  "(封面|题图|头图|首图)(来源|来自)?[|｜:：/]…"; "editor" may open with 校对 and needs no bar;
* ``textmeta.is_metadata``: Hugo PaperMod's "3 分钟 · 1326 字";
* ``textmeta.date_beside`` (from ``linklists.date_below``): with no date under the headline, a
  date alone on the line over it is the page's;
* ``htmlmarks.contents``: a table of contents; ``htmltitle``: a one-part ``<title>`` no line
  near the text says gives way to the headline found by its place.

Each test is a small page as a Chinese site prints it, checked through ``clean(read_source(…))``;
its docstring says what a reader should get, why a real site prints such a page, what 78fb97c
gave, and whether the hole is a REGRESSION (passes on 78fb97c, fails now) or a CLAIM GAP (fails
on both). Tests marked HOLDS pass now: realistic variants the changes get right. Ten failed on
896abd1 (eight regressions, two claim gaps); all pass since 107648b, which narrowed the rules
(an app-store promo opens its line with 更多/欢迎/请; a 新闻热线 needs its colon; "本文版权归作者";
« » links hold Chinese and no sentence mark; a gallery counter has no label; a bare 首图 is no
credit; 校对 opens no editor line; a date line with its weekday over the headline is today's bar)
and widened two (NexT's "本文字数 … 阅读时长" line; a player's label alone)."""

from __future__ import annotations

from pathlib import Path

from toolkit.document import Document

from .test_redteam12 import body, read  # one page, cleaned; its blocks less headings


def text(doc: Document) -> str:
    return "\n".join(b.text for b in doc.blocks)


# --- 1. site-promo: a hotline number and an app store in a news or a how-to paragraph ---------

HOTLINE = """<html><head><meta charset="utf-8"><title>小区电梯停运半月 居民爬楼盼修复_某某晚报</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news/">本地新闻</a> <a href="/shehui/">社会</a></div>
<div class="article"><h1>小区电梯停运半月 居民爬楼盼修复</h1>
<div class="info">2024-05-20 08:30 来源：某某晚报 记者 李娜</div>
<div class="content">
<p>近日，家住城东锦绣花园的王女士拨打本报新闻热线96333反映，她所住的8号楼电梯已经停运半个多月，家里老人只能爬楼梯上下18楼。</p>
<p>记者随即赶到现场，看到电梯门口贴着一张“设备检修，暂停使用”的告示，落款是小区物业服务中心，但没有写明恢复时间。</p>
<p>物业工作人员表示，电梯主板损坏，配件需要从厂家调货，预计本周内可以修复，期间将安排人员帮助行动不便的老人搬运物品。</p>
<p>记者将继续关注此事进展。</p>
</div></div>
<div class="foot">某某晚报社 版权所有</div>
</body></html>"""


def test_a_readers_call_to_the_papers_新闻热线_is_the_story(tmp_path: Path) -> None:
    r"""REGRESSION (passes on 78fb97c). Local papers (晚报, 都市报) open half their stories with
    "近日，市民王女士拨打本报新闻热线96333反映，…": the reader's complaint is the story's lead.
    The reader should get that paragraph. The new branch ``(报料|爆料|新闻)(热线|邮箱)\s*\d{3}``
    of "site-promo" (160 characters, anywhere in a line) takes it for the paper's hotline banner
    and drops the lead. 78fb97c kept it."""
    kept = body(read(tmp_path, HOTLINE))
    assert any("拨打本报新闻热线96333反映" in b for b in kept)


APPSTORE = """<html><head><meta charset="utf-8"><title>社保卡线上申领指南_某某市人力资源和社会保障局</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/bsfw/">办事服务</a></div>
<div class="article"><h1>社保卡线上申领指南</h1>
<div class="info">发布时间：2024-04-08 09:00 来源：市人社局</div>
<div class="content">
<p>为方便群众办事，即日起，我市参保人员可通过手机线上申领第三代社会保障卡，无需再到窗口排队。</p>
<p>参保人员可在应用市场下载“某某人社”APP，使用本人身份证号注册登录后，在首页点击“社保卡申领”即可办理。</p>
<p>申领成功后，卡片将在15个工作日内制作完成，参保人员可选择邮寄到家或到就近网点领取。</p>
<p>如有疑问，请拨打12333人社服务热线咨询。</p>
</div></div>
<div class="foot">主办：某某市人力资源和社会保障局 版权所有</div>
</body></html>"""


def test_a_how_tos_step_可在应用市场下载_the_app_is_kept(tmp_path: Path) -> None:
    r"""REGRESSION (passes on 78fb97c). A 人社局's, 医保局's or 公安局's how-to tells citizens
    where to get the government's app: "参保人员可在应用市场下载“某某人社”APP，…即可办理。" — a
    step of the procedure, a full sentence. The reader should get it. The new branch
    ``(请|可|欢迎)(在|到|前往)?(各大)?(应用市场|应用商店)\S{0,2}下载.{0,16}(app|客户端)`` of
    "site-promo" reads "可在应用市场下载…APP" anywhere in a line of 160 characters and drops the
    step. 78fb97c kept it."""
    kept = body(read(tmp_path, APPSTORE))
    assert any("可在应用市场下载“某某人社”APP" in b for b in kept)


# --- 2. repost-notice: "版权归作者" in a copyright lawyer's answer ----------------------------

COPYRIGHT = """<html><head><meta charset="utf-8"><title>委托他人创作的作品，版权归谁？_某某律师事务所</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/wenda/">法律问答</a></div>
<div class="article"><h1>委托他人创作的作品，版权归谁？</h1>
<div class="info">2024-03-05 14:20 作者：张律师</div>
<div class="content">
<p>问：我花钱请一位设计师为公司设计了标志，现在设计师说标志的著作权属于他，这种说法对吗？</p>
<p>答：根据《著作权法》第十九条，受委托创作的作品，著作权的归属由委托人和受托人通过合同约定。</p>
<p>合同未作明确约定或者没有订立合同的，版权归作者即受托人所有，委托人只能在约定的范围内使用。</p>
<p>因此，建议企业在委托创作时签订书面合同，明确约定著作权归属，避免日后发生纠纷。</p>
</div></div>
</body></html>"""


def test_a_lawyers_answer_saying_版权归作者_is_kept(tmp_path: Path) -> None:
    """REGRESSION (passes on 78fb97c). Law firms' and 12348 legal-aid Q&A pages about 著作权
    say who owns a work: "合同未作明确约定…的，版权归作者即受托人所有，…" — the answer itself. The
    reader should get it. The new "版权归作者" of "repost-notice" (any line up to 120
    characters, sentence or not; the old "版权归" of "footer" spared a sentence) drops it.
    78fb97c kept it."""
    kept = body(read(tmp_path, COPYRIGHT))
    assert any("版权归作者即受托人所有" in b for b in kept)


# --- 3. prev-next: a French poem quoted in «» -------------------------------------------------

VERLAINE = """<html><head><meta charset="utf-8"><title>魏尔伦《泪落在我心里》法语原文赏析</title></head><body>
<div class="post"><h1>魏尔伦《泪落在我心里》法语原文赏析</h1>
<div class="meta">2024-02-14 21:00 法语角</div>
<div class="entry">
<p>这首诗收在魏尔伦1874年的诗集《无词的浪漫曲》里，是法国象征派诗歌中最常被朗诵的一首，题记引自兰波。</p>
<p>第一节原文如下：</p>
<p>« Il pleure dans mon cœur</p>
<p>Comme il pleut sur la ville ;</p>
<p>Quelle est cette langueur</p>
<p>Qui pénètre mon cœur ? »</p>
<p>诗人把雨声和泪水叠在一起，“pleure”和“pleut”读音相近，这种音韵上的呼应在中文译文里很难保留下来。</p>
<p>戴望舒的译本把第一句译作“泪珠飘落萦我心”，读者不妨对照原文，体会两种语言节奏的不同。</p>
</div></div>
</body></html>"""


def test_a_french_stanza_in_guillemets_is_no_blogs_prev_next(tmp_path: Path) -> None:
    r"""REGRESSION (passes on 78fb97c). 法语学习 blogs and 公众号 quote French verse in its own
    quotation marks, one line a ``<p>``: the stanza opens "« Il pleure dans mon cœur" and closes
    "Qui pénètre mon cœur ? »". The reader should get the stanza the post analyses. The new
    arrows ``^«\s*[^»\s][^»]{0,40}$|^[^«\s][^«]{0,40}\s»$`` of "prev-next" take its first
    and last lines for a blog's older/newer links, and since "prev-next" starts the trailer the
    lines between go too. 78fb97c kept all four (glued two by two)."""
    kept = text(read(tmp_path, VERLAINE))
    assert "Il pleure dans mon cœur" in kept
    assert "Quelle est cette langueur" in kept
    assert "Qui pénètre mon cœur" in kept


# --- 4. gallery-counter, credit, editor: short body lines shaped like the new patterns ---------

REVIEW = """<html><head><meta charset="utf-8"><title>读《额尔古纳河右岸》：一个民族的黄昏 - 豆瓣</title></head><body>
<div class="nav"><a href="https://www.douban.com/">豆瓣</a> <a href="https://book.douban.com/">读书</a></div>
<div class="article"><h1>读《额尔古纳河右岸》：一个民族的黄昏</h1>
<div class="meta"><a href="https://www.douban.com/people/lin/">林间小鹿</a> 评论 <a href="https://book.douban.com/subject/1234567/">额尔古纳河右岸</a> 2024-03-08 22:15:06</div>
<div class="review-content">
<p>迟子建用一位鄂温克族老人的口吻，讲述了这个以放养驯鹿为生的民族近百年的变迁，语言干净得像山里的雪。</p>
<p>小说分为清晨、正午、黄昏和尾声四个部分，一天的时间对应一个民族的百年，结构本身就是一种隐喻。</p>
<p>读到妮浩萨满为救别人的孩子一次次失去自己的孩子时，我几乎读不下去，却又忍不住一页页往下翻。</p>
<p>个人评分：9 / 10</p>
<p>推荐给喜欢《百年孤独》，又想读一读我们自己土地上的故事的朋友。</p>
</div></div>
</body></html>"""


def test_a_reviews_score_9_of_10_is_no_gallery_counter(tmp_path: Path) -> None:
    r"""REGRESSION (passes on 78fb97c). 豆瓣 reviews, book and film blogs end with the
    reviewer's verdict on a line of its own: "个人评分：9 / 10", "推荐指数：4 / 5". The reader
    should get it. The new "gallery-counter" (``^\S.{0,30}?(?<!\d)\d{1,2} / \d{1,2}$``, 40
    characters) takes any short line ending in "n / m" for a slideshow's counter. 78fb97c kept
    it."""
    kept = body(read(tmp_path, REVIEW))
    assert "个人评分：9 / 10" in kept


LIBRARY = """<html><head><meta charset="utf-8"><title>春节假期北京各大图书馆开放时间汇总_北京本地宝</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/wenhua/">文化</a> <a href="/shenghuo/">生活</a></div>
<div class="article"><h1>春节假期北京各大图书馆开放时间汇总</h1>
<div class="info">2024-02-06 10:30 来源：北京本地宝</div>
<div class="content">
<p>春节假期想去图书馆看书的朋友注意了，小编整理了北京几家主要公共图书馆的春节开放安排，出行前请提前预约。</p>
<p>国图：除夕闭馆，正月初一至初七9:00-17:00开放</p>
<p>首图：除夕至初二闭馆，初三起9:00-17:00开放</p>
<p>东城区图书馆：除夕至初一闭馆，初二起正常开放</p>
<p>各馆均需通过官方公众号提前预约入馆，入馆时请出示身份证。</p>
</div></div>
</body></html>"""


def test_首图_the_capital_library_is_no_picture_credit(tmp_path: Path) -> None:
    r"""REGRESSION (passes on 78fb97c). In Beijing 首图 is 首都图书馆, as 国图 is the national
    library: a holiday-hours roundup (北京本地宝, 北京日报 客户端) lists "国图：…", "首图：除夕至初二
    闭馆，初三起9:00-17:00开放". The reader should get both libraries' hours. The new
    ``^(封面|题图|头图|首图)(来源|来自)?\s*[|｜丨:：/]\s*\S.{0,30}$`` of "credit" reads "首图："
    as a lead picture's credit and drops the capital library's line. 78fb97c kept it."""
    kept = body(read(tmp_path, LIBRARY))
    assert "首图：除夕至初二闭馆，初三起9:00-17:00开放" in kept


RECRUIT = """<html><head><meta charset="utf-8"><title>某某人民出版社2024年公开招聘工作人员公告</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a></div>
<div class="article"><h1>某某人民出版社2024年公开招聘工作人员公告</h1>
<div class="info">发布时间：2024-04-15 09:00 来源：社办公室</div>
<div class="content">
<p>因工作需要，经上级主管部门批准，我社面向社会公开招聘工作人员，现将有关事项公告如下：</p>
<p>一、招聘岗位</p>
<ul><li>图书编辑 三名</li><li>校对 若干名</li><li>美术设计 一名</li></ul>
<p>二、报名条件</p>
<p>具有全日制本科及以上学历，汉语言文学、新闻学、编辑出版学等相关专业，年龄在35周岁以下。</p>
<p>三、报名方式</p>
<p>请于2024年4月30日前将个人简历发送至社办公室邮箱，邮件标题注明“应聘岗位+姓名”。</p>
</div></div>
</body></html>"""


def test_a_publishers_job_list_校对_若干名_is_no_editor_line(tmp_path: Path) -> None:
    """REGRESSION (passes on 78fb97c). A publisher's or a newspaper's 招聘公告 lists its posts,
    one ``<li>`` each: "图书编辑 三名", "校对 若干名", "美术设计 一名". The reader should get every
    post. The "editor" rule now opens with 校对 too (``^(…|校对)\\s+`` and two to four characters),
    so "校对 若干名" is a proofreader's credit; "editor" starts the trailer, so "美术设计 一名"
    goes with it. 78fb97c kept both."""
    kept = body(read(tmp_path, RECRUIT))
    assert "校对 若干名" in kept
    assert "美术设计 一名" in kept


# --- 5. date_beside: a date bar over the headline ----------------------------------------------

DATEBAR = """<html><head><meta charset="utf-8"><title>关于2024年端午节放假安排的通知_某某镇人民政府</title></head><body>
<div class="header"><a href="/"><img src="/logo.png" alt="某某镇人民政府"></a></div>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/tzgg/">通知公告</a> <a href="/bsfw/">办事服务</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>
<div class="today">2024年6月18日 星期二</div>
<div class="article">
<div class="title">关于2024年端午节放假安排的通知</div>
<div class="content">
<p>各村（社区）、镇属各单位：</p>
<p>根据国务院办公厅通知精神，现将2024年端午节放假安排通知如下：6月10日放假，与周末连休，共3天。</p>
<p>节日期间，各单位要妥善安排好值班和安全保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置。</p>
<p>某某镇人民政府</p>
<p>2024年6月3日</p>
</div>
<div class="info">发布日期：2024-06-03</div>
</div>
</body></html>"""


def test_a_date_bar_of_today_over_the_headline_is_not_the_pages_date(tmp_path: Path) -> None:
    """REGRESSION (passes on 78fb97c). Town and county sites print today's date under the
    menu ("2024年6月18日 星期二", a script's, frozen into the saved page on the day it was
    fetched) and, on a notice, put "发布日期：2024-06-03" under the text. The reader should get
    the notice's date, 2024-06-03. With no date under the headline, ``date_beside`` takes the
    date bar just over the headline (a date and a weekday, nothing else) for a Z-Blog post's
    date, ahead of the labelled "发布日期". 78fb97c gave 2024-06-03."""
    doc = read(tmp_path, DATEBAR)
    assert doc.meta.title == "关于2024年端午节放假安排的通知"
    assert doc.meta.date == "2024-06-03"


# --- 6. metadata: a Hexo NexT post's count line -------------------------------------------------

NEXTMETA = """<html><head><meta charset="utf-8"><title>用 Docker 部署 Nginx | 阿周的小站</title></head><body>
<header><a href="/">阿周的小站</a> <a href="/archives/">归档</a> <a href="/tags/">标签</a></header>
<article class="post"><h1 class="post-title">用 Docker 部署 Nginx</h1>
<div class="post-meta"><span>发表于 2024-03-10</span> <span>分类于 <a href="/categories/ops/">运维</a></span></div>
<div class="post-meta">本文字数： 1.3k 阅读时长 ≈ 1 分钟</div>
<div class="post-body">
<p>最近把博客迁到了新服务器，顺手记录一下用 Docker 部署 Nginx 的过程，整个过程不到十分钟。</p>
<p>先拉取官方镜像，再把本地的配置目录和网页目录挂载进容器，这样改配置就不用进容器了。</p>
<p>启动后用 curl 访问一下本机的 80 端口，看到欢迎页面就说明部署成功了。</p>
</div></article>
</body></html>"""


def test_a_hexo_next_word_count_and_reading_time_line_goes(tmp_path: Path) -> None:
    """CLAIM GAP (fails on 78fb97c too). The change reads a blog theme's reading time and
    length as metadata, on Hugo PaperMod's "3 分钟 · 1326 字". Hexo's NexT, the theme most
    Chinese Hexo blogs run, prints the same facts the other way round: "本文字数： 1.3k 阅读时长 ≈
    1 分钟". The reader should not get it as the post's first paragraph; ``_POSTED`` wants
    minutes before 字 with a bar between, and keeps it."""
    kept = body(read(tmp_path, NEXTMETA))
    assert not any("阅读时长" in b for b in kept)
    assert kept[0].startswith("最近把博客迁到了新服务器")


# --- 7. HOLDS: a table of contents; a one-part <title> printed a few lines above the text ------

TOC = """<html><head><meta charset="utf-8"><title>Git 常用命令速查 - 阿周的技术博客</title></head><body>
<header><a href="/">阿周的技术博客</a></header>
<article><h1>Git 常用命令速查</h1>
<div class="meta">2024-03-10 · 阿周</div>
<div class="toc"><p>文章目录</p>
<ul><li><a href="#初始化">一、初始化</a></li><li><a href="#提交">二、提交</a></li><li><a href="#分支">三、分支</a></li></ul></div>
<h2 id="初始化">一、初始化</h2>
<p>在项目目录下执行 git init，就会生成一个 .git 目录，用来保存版本库的全部信息。</p>
<h2 id="提交">二、提交</h2>
<p>git add 把修改放进暂存区，git commit 再把暂存区的内容提交到版本库，提交时最好写清楚说明。</p>
<h2 id="分支">三、分支</h2>
<p>git branch 查看和创建分支，git switch 切换分支，合并用 git merge，冲突解决后要重新提交。</p>
</article></body></html>"""


def test_holds_a_blogs_文章目录_goes_and_its_headings_stay(tmp_path: Path) -> None:
    """HOLDS. A CSDN-style "文章目录" with three entries linked to ``#初始化`` …: the label and
    the entries go, the three ``<h2>`` headings they point to stay."""
    doc = read(tmp_path, TOC)
    blocks = [b.text for b in doc.blocks]
    assert "文章目录" not in blocks
    assert blocks.count("一、初始化") == 1
    assert blocks.count("三、分支") == 1


FARHEAD = """<html><head><meta charset="utf-8"><title>扎根大山二十年的“泥腿子书记”</title></head><body>
<div class="header"><a href="/"><img src="/logo.png" alt="某某日报"></a></div>
<div class="nav"><a href="/">首页</a> <a href="/yw/">要闻</a> <a href="/sz/">时政</a> <a href="/sh/">社会</a></div>
<div class="banner">
<div class="yt">新时代新征程新伟业·奋斗者</div>
<div class="bt">扎根大山二十年的“泥腿子书记”</div>
</div>
<div class="share">
<ul><li><a href="/share/wx">微信</a></li><li><a href="/share/wb">微博</a></li><li><a href="/share/qq">QQ空间</a></li><li><a href="/share/db">豆瓣</a></li></ul>
</div>
<div class="fontsize"><ul><li>字号</li><li><a href="#">大</a></li><li><a href="#">中</a></li><li><a href="#">小</a></li></ul></div>
<div class="player"><p>点击收听</p><p>00:00 / 05:12</p></div>
<div class="pic"><img src="/a.jpg"><p>李华（右）在田间查看玉米长势。</p><p>本报记者 张强 摄</p></div>
<div class="article">
<div class="fbt">——记某某村党支部书记李华</div>
<div class="info">本报记者 王明</div>
<div class="date">2024年03月01日 08:00</div>
<div class="content">
<p>清晨六点，某某村党支部书记李华已经出现在村口的玉米地里，他弯下腰，扒开泥土查看种子的出苗情况。</p>
<p>二十年前，大学毕业的李华放弃了城里的工作，回到这个偏远山村。那时村里没有一条硬化路，人均年收入不到一千元。</p>
<p>如今，村里修通了公路，建起了合作社，种上了高山蔬菜，去年人均年收入超过了一万八千元。</p>
</div></div>
<div class="foot">某某日报社 版权所有</div>
</body></html>"""


def test_holds_a_one_part_title_in_a_banner_over_a_player_and_a_picture(tmp_path: Path) -> None:
    """HOLDS. A 日报's feature: a one-part ``<title>`` that is the headline, printed in a banner
    under a 引题, then a share bar, a font-size switch, an audio player and a picture above the
    subtitle "——记…" and the byline. The title stays the headline (not the subtitle found by
    its place) and the player's clock "00:00 / 05:12" goes."""
    doc = read(tmp_path, FARHEAD)
    assert doc.meta.title == "扎根大山二十年的“泥腿子书记”"
    assert doc.meta.date == "2024-03-01"
    assert "00:00 / 05:12" not in body(doc)


def test_a_players_label_on_its_own_line_goes_with_its_clock(tmp_path: Path) -> None:
    """CLAIM GAP (fails on 78fb97c too). "media-player" drops a player's label and clock when
    one line holds both ("点击收听本条新闻00:00 / 02:46"); many players put them in two elements,
    "点击收听" over "00:00 / 05:12". The reader should get neither; the clock goes, the label
    "点击收听" stays as the text's first paragraph."""
    kept = body(read(tmp_path, FARHEAD))
    assert "点击收听" not in kept
