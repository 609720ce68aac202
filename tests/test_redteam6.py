# ruff: noqa: E501  (pages are written as a CMS prints them, a line an element)
"""Red-team tests (round 6): the stamped feed, the next story under a furniture element's
headline, captions beside a lead, the page's 发布日期 over the markup's date, arrows and commas
in breadcrumbs, the lead set apart under the headline, and two-heading headlines.

Each test states the claim it checks and why a real site produces the page. All of them fail
on the code they were written against (48c45a9); all but two passed before its change
(2b94ce2): the live report's lost entries in part, and the policy interpretation's title."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.clean import clean
from toolkit.document import Document
from toolkit.files import read_source


def read(tmp_path: Path, html: str) -> Document:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return clean(read_source(path, "html"))


def body(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks]


# --- the page's 发布日期 over the markup's date ------------------------------------------------


def test_a_comments_published_on_line_is_not_the_posts_date(tmp_path: Path) -> None:
    """A WordPress post: its own date is unlabelled ("2023年11月2日", and the markup's
    article:published_time says 2023-11-02), each comment below says "发布于 2024-01-15 20:31".
    The first comment's date, a "发布于" field anywhere on the page, now beats the markup's own
    date: the post is dated the day someone commented on it. Many Chinese WordPress themes and
    Typecho/Z-Blog templates print a comment's time so."""
    html = """<html><head><meta charset="utf-8"><title>在成都住了五年，我最喜欢的十家苍蝇馆子 – 老王的饭桌</title>
<meta property="article:published_time" content="2023-11-02T09:15:00+08:00"></head><body>
<header class="site-header"><p class="site-title"><a href="/">老王的饭桌</a></p></header>
<main id="main"><article class="post">
<h1 class="entry-title">在成都住了五年，我最喜欢的十家苍蝇馆子</h1>
<div class="entry-meta"><span class="posted-on">2023年11月2日</span> <span class="byline">老王</span></div>
<div class="entry-content">
<p>来成都之前，我以为川菜就是麻和辣。住了五年之后才明白，真正让人惦记的，是街角那些不起眼的小馆子。</p>
<p>第一家是玉林路上的一家肥肠粉，老板每天早上六点开门，汤是用猪骨熬了一整夜的，肥肠处理得干干净净。</p>
<p>第二家在建设路，做的是冒菜。这里的冒菜不像连锁店那样千篇一律，每一锅都是老板娘亲手掌勺。</p>
<p>第三家是一家开了二十多年的老面馆，招牌是杂酱面和牛肉面，面条是自己手擀的，很有嚼劲。</p>
</div></article>
<div id="comments" class="comments-area"><h2 class="comments-title">3条评论</h2>
<ol class="comment-list">
<li class="comment"><div class="comment-author">小李</div><div class="comment-metadata">发布于 2024-01-15 20:31</div>
<div class="comment-content"><p>玉林路那家我也去过，确实好吃！</p></div></li>
<li class="comment"><div class="comment-author">阿May</div><div class="comment-metadata">发布于 2024-02-03 12:05</div>
<div class="comment-content"><p>收藏了，下次去成都按图索骥。</p></div></li>
</ol></div></main>
<footer><p>© 2024 老王的饭桌</p></footer></body></html>"""
    assert read(tmp_path, html).meta.date == "2023-11-02"


def test_the_original_notices_date_in_a_correction_notice_is_not_its_date(tmp_path: Path) -> None:
    """A procurement correction notice (更正公告) repeats the notice it corrects: "原公告发布时间：
    2024年02月20日" is a line of its body. Its header's date is unlabelled ("2024-03-05 来源：…",
    the markup's PubDate 2024-03-05); the body's line is taken as the page's 发布时间 and beats
    both. Every 公共资源交易中心 publishes such notices, in this form, many a week."""
    html = """<html><head><meta charset="utf-8"><title>某某县人民医院医疗设备采购项目更正公告_某某县公共资源交易中心</title>
<meta name="PubDate" content="2024-03-05 16:20"></head><body>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zfcg">政府采购</a> &gt; 更正公告</div>
<h1>某某县人民医院医疗设备采购项目更正公告</h1>
<div class="info">2024-03-05　　来源：某某县公共资源交易中心　　浏览次数：326</div>
<div class="TRS_Editor">
<p>一、项目基本情况</p>
<p>原公告的采购项目编号：MMXCG-2024-018</p>
<p>原公告的采购项目名称：某某县人民医院医疗设备采购项目</p>
<p>原公告发布时间：2024年02月20日</p>
<p>二、更正信息</p>
<p>更正事项：采购文件</p>
<p>更正内容：原采购文件第三章技术参数中“彩色多普勒超声诊断仪”探头数量由“3个”更正为“4个”，投标截止时间顺延至2024年03月15日09:30。</p>
<p>三、其他补充事宜</p>
<p>其他内容不变，请各潜在供应商注意查看。</p>
<p>四、凡对本次公告内容提出询问，请按以下方式联系。</p>
<p>采购人：某某县人民医院　联系人：刘先生　联系方式：0738-1234567</p>
</div></body></html>"""
    assert read(tmp_path, html).meta.date == "2024-03-05"


def test_a_two_digit_years_field_does_not_beat_the_markups_date(tmp_path: Path) -> None:
    """A school's DedeCMS template prints the date with a two-digit year ("发布日期：24-03-05",
    MyDate('y-m-d')); its markup's pubdate says 2024-03-05. The field is read as a ROC date
    (民国24年 = 1935) and, now that a 发布日期 field beats the markup, the page is dated
    1935-03-05 (before, the markup's date won)."""
    html = """<html><head><meta charset="utf-8"><title>我校举行2024年春季运动会_学校新闻_某某市第一中学</title>
<meta name="pubdate" content="2024-03-05 10:20:00"></head><body>
<div class="nav"><a href="/">网站首页</a> <a href="/xxxw/">学校新闻</a> <a href="/tzgg/">通知公告</a></div>
<div class="place">当前位置：<a href="/">主页</a> &gt; <a href="/xxxw/">学校新闻</a> &gt;</div>
<div class="viewbox">
<div class="title"><h2>我校举行2024年春季运动会</h2></div>
<div class="info">发布日期：24-03-05　来源：校办　作者：王老师　点击：386次</div>
<div class="content">
<p>3月4日上午，我校2024年春季田径运动会在学校田径场隆重开幕。全校师生两千余人参加了开幕式。</p>
<p>开幕式上，各班代表队依次入场，精神饱满、步伐整齐。校长在致辞中勉励同学们赛出风格、赛出水平。</p>
<p>本届运动会共设田径项目二十四个，历时两天，共有八百余名运动员参赛，三项校纪录被打破。</p>
</div></div></body></html>"""
    assert read(tmp_path, html).meta.date == "2024-03-05"


# --- font-size help -------------------------------------------------------------------------


def test_a_how_to_paragraph_on_changing_the_font_size_stays(tmp_path: Path) -> None:
    """A how-to article ("电脑网页字太小看不清？教你三招调大字体", the kind every IT portal, 百度经验
    and 老年大学 site carries) tells its reader to hold Ctrl and turn the wheel to change the text
    size: the new keyboard pattern of the font-size rule drops the article's first method."""
    method = "方法一：按住键盘上的Ctrl键，同时向上滚动鼠标滚轮，就可以调整网页的文字大小，向下滚动则缩小。"
    html = f"""<html><head><meta charset="utf-8"><title>电脑网页字太小看不清？教你三招调大字体_电脑知识_某某IT网</title></head><body>
<div class="crumb"><a href="/">首页</a> &gt; <a href="/pc">电脑知识</a></div>
<h1>电脑网页字太小看不清？教你三招调大字体</h1>
<div class="meta">2024-02-18 10:32　作者：小编</div>
<div class="article-content">
<p>不少中老年朋友反映，电脑上的网页字太小，看久了眼睛酸。其实不用换显示器，几个简单的设置就能解决。</p>
<p>{method}</p>
<p>方法二：在浏览器右上角打开“设置”，找到“外观”一项，在“字号”下拉框里选择“大”或“特大”。</p>
<p>方法三：在Windows的“设置—辅助功能—文本大小”里拖动滑块，整个系统的字都会变大。</p>
<p>以上三种方法可以搭配使用，建议先试方法一，操作最简单，也随时可以恢复。</p>
</div></body></html>"""
    assert method in body(read(tmp_path, html))


# --- the lead set apart under the headline --------------------------------------------------


def test_a_follow_us_promo_between_the_headline_and_the_body_stays_out(tmp_path: Path) -> None:
    """A tech blog's template puts, between the headline and the post, its meta line, tags,
    share and font-size bars and a promo ("关注微信公众号…回复关键词…即可免费领取…"): more than
    four lines, so the promo, a line of 40 characters with commas just above the main text, is
    now brought back as the article's lead and printed as its first paragraph."""
    promo = "关注微信公众号“木子学编程”，回复关键词“异步”，即可免费领取本文全部源码和配套视频教程。"
    html = f"""<html><head><meta charset="utf-8"><title>Python异步编程入门：从asyncio到实战_技术分享_某某博客</title></head><body>
<div class="topbar"><a href="/">首页</a> <a href="/tech">技术分享</a> <a href="/life">生活随笔</a></div>
<div class="main">
<h1>Python异步编程入门：从asyncio到实战</h1>
<div class="meta"><span>2024-01-08</span> <span>作者：木子</span> <span>阅读 1203</span></div>
<div class="tags"><a href="/t/python">Python</a> <a href="/t/async">异步</a></div>
<div class="share"><a>微信</a> <a>微博</a> <a>QQ空间</a></div>
<div class="fontsize">字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="tips">温馨提示：本站所有文章均为作者原创或转载自互联网，仅供学习交流使用，如有侵权请联系站长删除，谢谢合作！</div>
<div class="wx-tip">{promo}</div>
<div class="post-body">
<p>在Python 3.4之后，标准库引入了asyncio模块，为编写并发代码提供了原生支持。本文从最基础的概念讲起，帮助大家快速上手。</p>
<p>首先要理解事件循环。事件循环负责调度协程，当一个协程等待I/O时，事件循环会切换去执行其他已经就绪的协程。</p>
<p>其次是async和await关键字。用async def定义的函数就是协程函数，调用它会返回一个协程对象，而不会立刻执行。</p>
<p>最后，我们用aiohttp写一个并发抓取网页的小例子，对比同步写法，可以看到耗时大幅缩短。</p>
</div></div></body></html>"""
    assert promo not in body(read(tmp_path, html))


BIO = """<html><head><meta charset="utf-8"><title>新手如何选购第一台咖啡机？看完这篇就够了 - 咖啡研习社</title></head><body>
<header class="site-header"><a href="/">咖啡研习社</a> <a href="/gear">器具</a> <a href="/bean">咖啡豆</a></header>
<div class="page-hero"><h1 class="entry-title">新手如何选购第一台咖啡机？看完这篇就够了</h1>
<p class="entry-meta">2023-09-12 · 阿豆</p></div>
<div class="site-inner"><div class="wrap">
<div class="widget-area"><div class="widget"><h3>搜索</h3><form><input type="text"></form></div>
<div class="widget"><h3>分类</h3><ul><li><a href="/c/1">器具评测</a></li><li><a href="/c/2">冲煮心得</a></li><li><a href="/c/3">咖啡豆</a></li></ul></div>
<div class="widget about"><h3>关于博主</h3><p>我是阿豆，一个在上海工作的咖啡爱好者，平时喜欢研究各种咖啡器具，也爱逛各地的独立咖啡馆。</p>
<p>这个博客记录我的器具评测和冲煮心得，所有评测器材均为自费购买，欢迎留言交流，转载请注明出处。</p></div></div>
<main class="content"><article class="post"><div class="entry-content">
<h2>一、先想清楚你喜欢喝什么</h2>
<p>如果你平时主要喝美式或者手冲，一台滴滤咖啡机或者一套手冲器具就足够了，没必要一上来就买意式机。</p>
<p>如果你喜欢拿铁、卡布奇诺这类奶咖，那么一台带蒸汽棒的半自动意式咖啡机会是更好的选择。</p>
<h2>二、预算决定了选择的范围</h2>
<p>两千元以内，可以考虑入门级的半自动咖啡机，搭配一台手摇磨豆机，性价比最高。</p>
<p>三千到八千元，可以选择带PID温控的机型，出品更稳定，也更容易练出好的奶泡。</p>
<h2>三、别忘了磨豆机的预算</h2>
<p>很多新手只关注咖啡机，却忽略了磨豆机。事实上，磨豆机对一杯咖啡风味的影响甚至超过咖啡机本身。</p>
</div></article></main>

</div></div>
<footer>© 2023 咖啡研习社</footer></body></html>"""


def test_a_left_sidebars_about_box_is_not_the_articles_lead(tmp_path: Path) -> None:
    """A WordPress theme with a hero headline and the left sidebar first in source order: the
    sidebar's widgets (search, categories, "关于博主" and two lines of bio) stand between the
    headline and the post, more than four lines. The bio's paragraph just above the post is now
    brought back as the article's lead and printed under the headline; the widget's class names
    no furniture word, so nothing takes it out again."""
    bio = "我是阿豆，一个在上海工作的咖啡爱好者，平时喜欢研究各种咖啡器具，也爱逛各地的独立咖啡馆。"
    assert bio not in body(read(tmp_path, BIO))


# --- the stamped feed -----------------------------------------------------------------------


def test_paragraphs_after_an_inline_stamped_related_block_stay(tmp_path: Path) -> None:
    """A Hong Kong portal's article (Yahoo新聞, the feed rule's own kind of page) sets a
    "延伸閱讀" block of three stamped links ("明報 · 5 天前") between its paragraphs. The last
    item has no teaser, so the two article paragraphs after it are taken as its teaser and
    dropped as link-list: the article loses its middle."""
    after = [
        "地產代理指出，東涌線延線通車後，沿線新屋苑的交通配套將大為改善，預料會帶動區內二手成交。",
        "有區議員則關注工程期間的噪音問題，要求港鐵加強與居民溝通，盡量減少夜間施工。",
    ]
    html = f"""<html><head><meta charset="utf-8"><title>港鐵東涌線延線明年通車 沿線新屋苑料受惠 - Yahoo新聞</title>
<meta property="article:published_time" content="2024-05-16T10:23:00+08:00"></head><body>
<header><a href="/">Yahoo新聞</a> <a href="/hk">香港</a> <a href="/world">國際</a></header>
<article>
<h1>港鐵東涌線延線明年通車 沿線新屋苑料受惠</h1>
<div class="caas-attr">星島日報 · 2024年5月16日 上午10:23</div>
<div class="caas-body">
<p>港鐵公司昨日公布，東涌線延線工程進展順利，預計明年第二季通車，屆時東涌西站及東涌東站將同步啟用。</p>
<p>港鐵表示，延線全長約1.3公里，通車後東涌西一帶居民前往市區的交通時間可縮短約十分鐘。</p>
<div class="related-inline"><p>延伸閱讀</p>
<p><a href="/news/1.html">屯馬線通車三年 沿線樓價升幅跑贏大市</a></p><p>香港經濟日報 · 3 天前</p>
<p><a href="/news/2.html">北環線主線動工 料2034年完成</a></p><p>明報 · 5 天前</p>
<p><a href="/news/3.html">港鐵上半年盈利按年升三成</a></p><p>星島日報 · 昨天</p>
</div>
<p>{after[0]}</p>
<p>{after[1]}</p>
<p>港鐵回應指，已安裝隔音屏障，並會定期監測噪音水平，確保符合環保署要求。</p>
</div></article>
</body></html>"""
    kept = body(read(tmp_path, html))
    assert after[0] in kept and after[1] in kept


def test_paragraphs_after_one_inline_stamped_link_stay_when_the_page_has_a_feed(tmp_path: Path) -> None:
    """The same article with one inline related story ("港鐵上半年盈利按年升三成" / "星島日報 ·
    昨天") and the portal's usual "其他人也在看" stream of three stamped items at the foot: the
    items are counted over the whole page, not per block, so the single inline item is a feed
    item too, and the two paragraphs after it go as its teaser (link-list)."""
    html = """<html><head><meta charset="utf-8"><title>港鐵東涌線延線明年通車 沿線新屋苑料受惠 - Yahoo新聞</title>
<meta property="article:published_time" content="2024-05-16T10:23:00+08:00"></head><body>
<header><a href="/">Yahoo新聞</a> <a href="/hk">香港</a> <a href="/world">國際</a></header>
<article>
<h1>港鐵東涌線延線明年通車 沿線新屋苑料受惠</h1>
<div class="caas-attr">星島日報 · 2024年5月16日 上午10:23</div>
<div class="caas-body">
<p>港鐵公司昨日公布，東涌線延線工程進展順利，預計明年第二季通車，屆時東涌西站及東涌東站將同步啟用。</p>
<p>港鐵表示，延線全長約1.3公里，通車後東涌西一帶居民前往市區的交通時間可縮短約十分鐘。</p>
<div class="related-inline"><p><a href="/news/3.html">港鐵上半年盈利按年升三成</a></p><p>星島日報 · 昨天</p></div>
<p>地產代理指出，東涌線延線通車後，沿線新屋苑的交通配套將大為改善，預料會帶動區內二手成交。</p>
<p>有區議員則關注工程期間的噪音問題，要求港鐵加強與居民溝通，盡量減少夜間施工。</p>
<p>港鐵回應指，已安裝隔音屏障，並會定期監測噪音水平，確保符合環保署要求。</p>
</div></article>
<section class="stream"><h3>其他人也在看</h3>
<ul><li><a href="/n/11.html">天文台：明日最高氣溫33度 有驟雨</a><div>香港經濟日報 · 2 小時前</div><p>天文台預測明日大致多雲，有幾陣驟雨及狂風雷暴。</p></li>
<li><a href="/n/12.html">恒指半日升186點 科指升1.2%</a><div>AASTOCKS · 21 分鐘前</div><p>港股早段造好，科技股領漲。</p></li>
<li><a href="/n/13.html">新界東北發展第二期公布 涉地約60公頃</a><div>明報 · 5 小時前</div><p>發展局公布新發展區第二期工程細節。</p></li></ul></section>
</body></html>"""
    kept = body(read(tmp_path, html))
    assert "地產代理指出，東涌線延線通車後，沿線新屋苑的交通配套將大為改善，預料會帶動區內二手成交。" in kept
    assert "有區議員則關注工程期間的噪音問題，要求港鐵加強與居民溝通，盡量減少夜間施工。" in kept


LIVE = """<html><head><meta charset="utf-8"><title>直播：国务院新闻办公室举行新闻发布会介绍一季度国民经济运行情况_某某网</title>
<meta name="publishdate" content="2024-04-16"></head><body>
<h1>直播：国务院新闻办公室举行新闻发布会介绍一季度国民经济运行情况</h1>
<div class="info">2024-04-16 10:00　来源：某某网</div>
<div class="live-content">
<p>国务院新闻办公室于2024年4月16日（星期二）上午10时举行新闻发布会，请国家统计局有关负责人介绍2024年一季度国民经济运行情况，并答记者问。</p>
<div class="live-item"><p class="time">10:05</p><p>国家统计局新闻发言人：一季度国内生产总值同比增长5.3%，比上年四季度环比增长1.6%。</p><p>发言人表示，一季度国民经济延续回升向好态势，开局良好。</p></div>
<div class="live-item"><p class="time">10:12</p><p>发言人：一季度，全国规模以上工业增加值同比增长6.1%，装备制造业增加值增长7.5%。</p><p>详见：<a href="/2024/0416/a1.html">一季度规模以上工业增加值同比增长6.1%</a></p></div>
<div class="live-item"><p class="time">10:20</p><p>发言人：一季度，社会消费品零售总额同比增长4.7%，服务零售额增长10%。</p><p>详见：<a href="/2024/0416/a2.html">一季度社会消费品零售总额同比增长4.7%</a></p></div>
<div class="live-item"><p class="time">10:31</p><p><a href="/2024/0416/a3.html">一季度全国固定资产投资同比增长4.5%</a></p><p>发言人：一季度，全国固定资产投资（不含农户）100042亿元，同比增长4.5%，增速比上年全年加快1.5个百分点。</p><p>其中，制造业投资增长9.9%，基础设施投资增长6.5%。</p></div>
<div class="live-item"><p class="time">10:40</p><p><a href="/2024/0416/a4.html">一季度全国城镇调查失业率平均值为5.2%</a></p><p>发言人：一季度，全国城镇调查失业率平均值为5.2%，比上年同期下降0.3个百分点。</p><p>3月份，全国城镇调查失业率为5.2%，比上月下降0.1个百分点。</p></div>
<div class="live-item"><p class="time">10:52</p><p><a href="/2024/0416/a5.html">一季度全国居民人均可支配收入实际增长5.2%</a></p><p>发言人：一季度，全国居民人均可支配收入11539元，名义增长6.2%，扣除价格因素实际增长5.2%。</p><p>记者提问：如何看待当前消费市场的恢复情况？</p></div>
</div></body></html>"""


@pytest.mark.xfail(
    strict=True,
    reason="known limitation, left open: a live report's entries that each end in a 详见：<link> line, or open "
    "with a linked headline, read as a list of story links with a teaser between (link-list), so the report "
    "loses its middle entries; the stamped feed no longer takes them (a clock time is no feed's stamp), but the "
    "older link-list rule did before it and still does; telling a live report from a list needs its entries' "
    "times, which that rule does not read",
)
def test_a_live_reports_linked_entries_stay(tmp_path: Path) -> None:
    """A press conference's 图文直播 (新华网, 人民网, 央视网 run one for every 国新办 briefing):
    each entry is its time ("10:40"), the headline of the full story as a link, and what the
    speaker said in two lines. Each time line is a stamp beside a story link, each entry's two
    lines its "teaser": three such entries make a stamped feed, and the last two entries (kept
    before this change) go as link-list, so the live report stops at 10:12. (Entries with a
    "详见：" link were dropped before too.)"""
    kept = body(read(tmp_path, LIVE))
    assert [line for line in kept if line.startswith("发言人：一季度")] == [
        "发言人：一季度，全国规模以上工业增加值同比增长6.1%，装备制造业增加值增长7.5%。",
        "发言人：一季度，社会消费品零售总额同比增长4.7%，服务零售额增长10%。",
        "发言人：一季度，全国固定资产投资（不含农户）100042亿元，同比增长4.5%，增速比上年全年加快1.5个百分点。",
        "发言人：一季度，全国城镇调查失业率平均值为5.2%，比上年同期下降0.3个百分点。",
        "发言人：一季度，全国居民人均可支配收入11539元，名义增长6.2%，扣除价格因素实际增长5.2%。",
    ]


THREAD = """<html><head><meta charset="utf-8"><title>千岛湖野钓一上午，分享下心得 - 淡水钓 - 某某钓鱼论坛 - Powered by Discuz!</title></head><body>
<div id="hd"><a href="/">某某钓鱼论坛</a> <a href="/forum-2-1.html">淡水钓</a> <a href="/forum-3-1.html">海钓</a></div>
<div id="pt" class="bm cl"><a href="/">论坛</a> <em>›</em> <a href="/forum-2-1.html">淡水钓</a> <em>›</em> 千岛湖野钓一上午，分享下心得</div>
<div id="postlist" class="pl bm">
<table><tr><td class="pls">查看: 1523|回复: 3</td><td class="plc"><h1 class="ts"><span id="thread_subject">千岛湖野钓一上午，分享下心得</span></h1></td></tr></table>
<div id="post_9967"><table class="plhin"><tr>
<td class="pls"><div class="pi"><div class="authi"><a href="/space-uid-1.html" class="xw1">老张爱钓鱼</a></div></div></td>
<td class="plc"><div class="pi"><div class="authi"><em>发表于 3 天前</em></div></div>
<div class="pct"><div class="t_fsz"><table><tr><td class="t_f">上周末去了趟千岛湖，跟大家分享一下这次野钓的经过和一点心得，新手可以参考。<br>
早上五点出发，六点半到钓点。水温大概十四度，鱼口不算好，前两个小时只上了两条小鲫鱼。<br>
后来换了红虫打窝，九点多开始连竿，最大的一条鲤鱼有四斤多，一上午总共钓了十几条。</td></tr></table></div></div></td></tr></table></div>
<div id="post_6650"><table class="plhin"><tr>
<td class="pls"><div class="pi"><div class="authi"><a href="/space-uid-1.html" class="xw1">江南小钓手</a></div></div></td>
<td class="plc"><div class="pi"><div class="authi"><em>发表于 3 天前</em></div></div>
<div class="pct"><div class="t_fsz"><table><tr><td class="t_f">楼主厉害！请问用的是几号钩？我上次去千岛湖一条都没钓到，感觉是钓点没选好。<br>
另外那边停车方便吗？</td></tr></table></div></div></td></tr></table></div>
<div id="post_6363"><table class="plhin"><tr>
<td class="pls"><div class="pi"><div class="authi"><a href="/space-uid-1.html" class="xw1">老张爱钓鱼</a></div></div></td>
<td class="plc"><div class="pi"><div class="authi"><em>发表于 2 天前</em></div></div>
<div class="pct"><div class="t_fsz"><table><tr><td class="t_f">回复楼上：用的是伊势尼2号钩，线组是1.5主线配0.8子线，钓点在姜家镇附近的一个湾子里。<br>
停车很方便，路边就能停，不过周末人多，建议早点去占位置。</td></tr></table></div></div></td></tr></table></div>
<div id="post_9420"><table class="plhin"><tr>
<td class="pls"><div class="pi"><div class="authi"><a href="/space-uid-1.html" class="xw1">钓鱼的人不吃鱼</a></div></div></td>
<td class="plc"><div class="pi"><div class="authi"><em>发表于 昨天 21:15</em></div></div>
<div class="pct"><div class="t_fsz"><table><tr><td class="t_f">四月份水温上来以后鱼口会更好，到时候可以试试钓浮，千岛湖的白条和翘嘴都很多。<br>
感谢分享，收藏了。</td></tr></table></div></div></td></tr></table></div>

</div>
<div id="ft">Powered by Discuz! X3.4 © 2001-2024 Tencent Cloud.</div>
</body></html>"""


def test_a_forum_threads_replies_stay(tmp_path: Path) -> None:
    """A Discuz! thread whose template prints a post's time alone ("发表于 3 天前", "发表于 昨天
    21:15": Discuz's own relative times) under the poster's name, a link of five characters or
    more ("江南小钓手"): each reply is a stamp beside a "story link" and its first two lines a
    teaser, so every reply goes as link-list and the thread is left as its first post. A reply
    longer than two lines would be cut after its second."""
    kept = body(read(tmp_path, THREAD))
    for line in ("楼主厉害！请问用的是几号钩？我上次去千岛湖一条都没钓到，感觉是钓点没选好。",
                 "回复楼上：用的是伊势尼2号钩，线组是1.5主线配0.8子线，钓点在姜家镇附近的一个湾子里。",
                 "四月份水温上来以后鱼口会更好，到时候可以试试钓浮，千岛湖的白条和翘嘴都很多。"):  # fmt: skip
        assert line in kept


# --- the next story under a furniture element's headline ------------------------------------


def test_an_articles_own_recommendation_section_stays(tmp_path: Path) -> None:
    """A buying guide (什么值得买-style, a WordPress blog's) wraps its own "三、我们的推荐" section,
    heading, two paragraphs and the shop links, in <div class="product-recommend">: the section
    heading now makes it "the next story", and the whole section goes as template furniture
    (before, its two paragraphs in a row kept it)."""
    section = [
        "三、我们的推荐：这三款最值得买",
        "综合口碑和价格，入门首选是一款两千元左右的半自动机，锅炉小、升温快，适合每天一两杯的用量。",
        "预算充足的话，带双锅炉的机型可以同时萃取和打奶，做拿铁效率更高，适合家里人多的情况。",
    ]
    html = f"""<html><head><meta charset="utf-8"><title>新手如何选购第一台咖啡机？看完这篇就够了 - 咖啡研习社</title></head><body>
<header class="site-header"><a href="/">咖啡研习社</a> <a href="/gear">器具</a> <a href="/bean">咖啡豆</a></header>
<div class="page-hero"><h1 class="entry-title">新手如何选购第一台咖啡机？看完这篇就够了</h1>
<p class="entry-meta">2023-09-12 · 阿豆</p></div>
<div class="site-inner"><div class="content-sidebar-wrap">
<main class="content"><article class="post"><div class="entry-content">
<h2>一、先想清楚你喜欢喝什么</h2>
<p>如果你平时主要喝美式或者手冲，一台滴滤咖啡机或者一套手冲器具就足够了，没必要一上来就买意式机。</p>
<p>如果你喜欢拿铁、卡布奇诺这类奶咖，那么一台带蒸汽棒的半自动意式咖啡机会是更好的选择。</p>
<h2>二、预算决定了选择的范围</h2>
<p>两千元以内，可以考虑入门级的半自动咖啡机，搭配一台手摇磨豆机，性价比最高。</p>
<p>三千到八千元，可以选择带PID温控的机型，出品更稳定，也更容易练出好的奶泡。</p>
<div class="product-recommend"><h2>{section[0]}</h2>
<p>{section[1]}</p>
<p>{section[2]}</p>
<p>购买渠道：<a href="https://item.jd.com/1.html">京东自营</a> <a href="https://tmall.com/2">天猫旗舰店</a></p></div>
<h2>四、别忘了磨豆机的预算</h2>
<p>很多新手只关注咖啡机，却忽略了磨豆机。事实上，磨豆机对一杯咖啡风味的影响甚至超过咖啡机本身。</p>
</div></article></main>
<aside class="sidebar"><h3>热门文章</h3><ul><li><a href="/1">手冲咖啡入门：从一把手冲壶开始</a></li>
<li><a href="/2">意式浓缩萃取的十个常见问题</a></li></ul></aside>
</div></div>
<footer>© 2023 咖啡研习社</footer></body></html>"""
    kept = body(read(tmp_path, html))
    assert all(line in kept for line in section)


# --- two-heading headlines ------------------------------------------------------------------

LEAD = [
    "近日，市政府办公室印发相关文件，就今年重点工作作出部署，明确了目标任务和保障措施，要求各地各部门抓好落实。",
    "文件提出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。",
    "文件还要求，各地要结合实际制定具体实施方案，细化工作举措，确保各项任务落地见效。",
]


def _headed(headings: str, title: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in LEAD)
    return f"""<html><head><meta charset="utf-8"><title>{title}_某某市人民政府</title>
<meta name="PubDate" content="2024-03-12 15:30"></head><body>
<div class="crumb"><a href="/">首页</a> &gt; <a href="/x">政务公开</a></div>
{headings}
<div class="info">发布日期：2024-03-12　来源：市政府办公室</div>
<div class="TRS_Editor">{paras}</div></body></html>"""


@pytest.mark.parametrize(
    ("headings", "title", "want"),
    [
        ("<h1>图解</h1><h2>2024年全市经济运行情况</h2>", "图解2024年全市经济运行情况", "2024年全市经济运行情况"),
        (
            "<h2>聚焦两会</h2><h2>代表委员热议新质生产力</h2>",
            "聚焦两会 代表委员热议新质生产力",
            "代表委员热议新质生产力",
        ),
        (
            "<h3>聚焦两会</h3><h3>代表委员热议新质生产力</h3>",
            "聚焦两会 代表委员热议新质生产力",
            "代表委员热议新质生产力",
        ),
    ],
    ids=["h1-kicker", "h2-kicker", "h3-kicker"],
)
def test_a_kicker_heading_above_the_headline_is_not_the_title(
    tmp_path: Path, headings: str, title: str, want: str
) -> None:
    """A template that prints the 引题 (kicker: a column's or campaign's name, "图解", "聚焦两会")
    and the 主题 as two headings of one kind, the <title> joining them: the new "first heading
    of a two-line headline" rule titles the page "图解" or "聚焦两会" (before: the headline).
    The kicker is short and names no event; the HK two-line headline the rule was made for has
    two halves of a sentence."""
    assert read(tmp_path, _headed(headings, title)).meta.title == want


def test_a_policy_interpretations_title_keeps_its_word(tmp_path: Path) -> None:
    """A 政策解读 page prints "《…若干措施》" and "政策解读" as two headings, its <title>
    "《…若干措施》政策解读_…": the page is titled as the policy itself, the same title as the
    policy's own page, which a publishing toolkit files beside it. (Wrong before this change
    too, but the change now states it: of two headings the first is the title. The line-dump
    path joins the two lines, title.py's own example.)"""
    html = _headed(
        "<h1>《关于支持中小企业高质量发展的若干措施》</h1><h2>政策解读</h2>",
        "《关于支持中小企业高质量发展的若干措施》政策解读",
    )
    assert read(tmp_path, html).meta.title == "《关于支持中小企业高质量发展的若干措施》政策解读"


# --- captions beside a lead -----------------------------------------------------------------


def test_a_photo_storys_captions_stay_beside_its_lead(tmp_path: Path) -> None:
    """A 新华网 photo story (组图): one lead paragraph, then four photographs, each with a
    caption of two sentences credited "新华社记者 X 摄". The captions are four fifths of the
    text; because the lead is a paragraph (40 characters and more), all four now go as
    image-caption and the story is left as its lead alone. (A lead of 39 characters keeps
    them: the line between "photo story" and "news item with pictures" is a lead's length.)"""
    captions = [
        "3月15日，游客在江西省婺源县江岭景区赏花拍照。金黄的油菜花沿山坡梯田层层铺开，与白墙黛瓦的徽派民居相映成趣。新华社记者 胡晨欢 摄",
        "3月15日，在江西省婺源县篁岭景区，村民在晒秋台上晾晒农作物。篁岭古村“晒秋”民俗已有数百年历史，如今成为当地一张文化名片。新华社记者 胡晨欢 摄",
        "3月15日拍摄的江西省婺源县石城村油菜花田（无人机照片）。清晨的薄雾笼罩着山间村落，油菜花田宛如一幅水墨画卷。新华社记者 胡晨欢 摄",
        "3月15日，一名小朋友在江西省婺源县江岭景区的油菜花田里奔跑嬉戏。当地今年新修了观景步道，方便游客亲近花海。新华社记者 胡晨欢 摄",
    ]
    pictures = "".join(f'<p><img src="{i}.jpg"></p><p>{c}</p>' for i, c in enumerate(captions))
    html = f"""<html><head><meta charset="utf-8"><title>组图：春到婺源油菜花开_新华网</title>
<meta name="publishdate" content="2024-03-16"></head><body>
<div class="header"><a href="/">新华网</a> <a href="/photo">图片</a></div>
<h1>组图：春到婺源油菜花开</h1>
<div class="info">2024-03-16 09:12:30　来源：新华网</div>
<div id="detail">
<p>近日，江西省婺源县的油菜花进入盛花期，漫山遍野的金黄花海与徽派古村落交相辉映，吸引众多游客前来踏青赏花。</p>
{pictures}
<p>【纠错】 【责任编辑:王萌】</p>
</div></body></html>"""
    kept = body(read(tmp_path, html))
    assert all(c in kept for c in captions)


def test_a_photo_storys_captions_stay_beside_a_disclaimer(tmp_path: Path) -> None:
    """A reposted photo story (组图) with no lead at all: four credited captions, then the
    portal's boilerplate "免责声明：本网转载此文出于传递更多信息之目的…" in the same body
    container. The disclaimer is a "paragraph" to the caption rule, so all four captions go
    as image-caption; the line rules then drop the disclaimer too, and the document is left
    with its title and nothing else (before: the four captions)."""
    html = """<html><head><meta charset="utf-8"><title>组图：春到婺源油菜花开_某某网</title><meta name="publishdate" content="2024-03-16"></head><body>
<div class="header"><a href="/">某某网</a> <a href="/photo">图片</a></div>
<h1>组图：春到婺源油菜花开</h1>
<div class="info">2024-03-16 09:12:30　来源：新华网</div>
<div id="detail"><p><img src="0.jpg"></p><p>3月15日，游客在江西省婺源县江岭景区赏花拍照。金黄的油菜花沿山坡梯田层层铺开，与白墙黛瓦的徽派民居相映成趣。新华社记者 胡晨欢 摄</p><p><img src="1.jpg"></p><p>3月15日，在江西省婺源县篁岭景区，村民在晒秋台上晾晒农作物。篁岭古村“晒秋”民俗已有数百年历史，如今成为当地一张文化名片。新华社记者 胡晨欢 摄</p><p><img src="2.jpg"></p><p>3月15日拍摄的江西省婺源县石城村油菜花田（无人机照片）。清晨的薄雾笼罩着山间村落，油菜花田宛如一幅水墨画卷。新华社记者 胡晨欢 摄</p><p><img src="3.jpg"></p><p>3月15日，一名小朋友在江西省婺源县江岭景区的油菜花田里奔跑嬉戏。当地今年新修了观景步道，方便游客亲近花海。新华社记者 胡晨欢 摄</p>
<p>【纠错】 【责任编辑:王萌】</p><p>免责声明：本网转载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述，文章内容仅供参考，如有侵权请联系删除。</p>
</div></body></html>"""
    kept = body(read(tmp_path, html))
    assert sum("新华社记者 胡晨欢 摄" in line for line in kept) == 4
