"""A short article inside a portal page full of story lists (toolkit/linklists.py).

Each page below is a small, made-up page with the layout of a public portal's article page:
a news item of one paragraph under a stream of recommended stories (a Hong Kong portal, in
Traditional Chinese), a video page whose text is one description, a photo story, a microblog
item under a hot list. Their lists are links with teasers, sources, times and counts between
them; the cleaner keeps the article's paragraph and names the lists ``link-list`` for
``--explain``. A notice's own attachments (links) and a long article's paragraphs after an
inline related list stay.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.clean import clean
from toolkit.document import Document
from toolkit.files import read_source
from toolkit.linklists import LINK_LIST, tag_links

HEADS = [
    "港股收市：恒指升312點 科指漲2.1%", "天文台：明日天氣轉涼 最低氣溫18度", "政府公布新一輪消費券安排",
    "港鐵東涌綫延線工程展開", "本港新增三宗流感個案 衞生署籲市民接種疫苗", "特首出席大灣區論壇 談創科合作",
    "九龍灣商廈火警 消防救出兩人", "教育局公布中學派位結果", "立法會通過修例 加強保障租客", "颱風季前 渠務署清理河道",
]  # fmt: skip
TEASERS = [
    "市場憧憬減息，科技股造好，成交額增至1200億元。", "受東北季候風影響，本港天氣轉涼，市民外出宜添衣。",
    "新一輪電子消費券將於下月起分兩期發放，合資格市民毋須再次登記。",
]  # fmt: skip
NAV = "".join(f'<a href="/{x}">{x}</a> ' for x in ("首页", "新闻", "财经", "体育", "娱乐", "视频", "图片"))
FOOTER = '<div class="ft"><a href="#">关于我们</a> | <a href="#">联系我们</a><p>Copyright © 2024 版权所有</p></div>'


def _cards(n: int, teaser: bool, meta: str, linked: bool = True) -> str:
    out = []
    for i in range(n):
        text = f"<p>{TEASERS[i % len(TEASERS)]}</p>" if teaser else ""
        head = f"<h3>{HEADS[i % len(HEADS)]}</h3>"
        head = f'<a href="/n/{i}.html">{head}</a>' if linked else head  # else a script opens the story
        out.append(f'<div class="item">{head}{text}<div class="meta">{meta.format(i=i + 1)}</div></div>')
    return "".join(out)


def _read(tmp_path: Path, html: str) -> Document:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return clean(read_source(path, "html"))


def _body(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kind != "heading"]


HK_TEXT = (
    "警方商業罪案調查科昨日採取行動，破獲一個涉嫌清洗約3億元黑錢的跨境集團，"
    "拘捕六名年齡介乎28至55歲的男女，案件仍在調查中。"
)
VIDEO_TEXT = "电影《长安的荔枝》今日发布先导预告，大鹏饰演的小吏李善德接下为贵妃运送鲜荔枝的差事，影片将于暑期档上映。"
PHOTO_TEXT = "3月19日，在江西省婺源县江岭村，金黄的油菜花与白墙黛瓦的村落相映成趣，吸引游客前来观光。"
POST_TEXT = (
    "【阜阳一小区发现东北虎足迹？官方回应】近日，网传阜阳某小区发现东北虎足迹，"
    "经林业部门现场核查，系家犬足迹，请市民不信谣不传谣。"
)

HK_NEWS = f"""<!DOCTYPE html><html lang="zh-Hant-HK"><head><meta charset="utf-8">
<title>警方破獲跨境洗黑錢集團 拘捕六人 - 新聞</title></head><body>
<div class="header"><div class="nav">{NAV}</div></div>
<div id="main"><div class="caas"><h1>警方破獲跨境洗黑錢集團 拘捕六人</h1>
<div class="attr"><span>香港經濟日報</span> <time>2024年3月12日 週二 下午4:30</time></div>
<div class="body"><p>{HK_TEXT}</p></div></div>
<div class="rec"><h2>更多相關新聞</h2>{_cards(10, True, "香港經濟日報 · {i}小時前")}</div></div>
<div class="side"><h2>熱門新聞</h2>{_cards(8, False, "{i}小時前")}</div>{FOOTER}</body></html>"""

VIDEO = f"""<html><head><meta charset="utf-8"><title>《长安的荔枝》发布预告 大鹏领衔_视频_电影网</title></head><body>
<div class="nav">{NAV}</div>
<div class="player"><h1>《长安的荔枝》发布预告 大鹏领衔</h1><div class="info">2024-05-16 10:23　来源：电影网</div>
<div class="desc">{VIDEO_TEXT}</div></div>
<div class="related"><div class="title">相关视频</div>{_cards(9, False, "02:1{i}<br>{i}.2万次播放")}</div>
<div class="guess"><div class="title">猜你喜欢</div>{_cards(6, False, "{i}万次播放")}</div>{FOOTER}</body></html>"""

PHOTO = f"""<html><head><meta charset="utf-8"><title>航拍春日油菜花海_图片频道</title></head><body>
<div class="nav">{NAV}</div><div class="pic"><h1>航拍春日油菜花海</h1><div>2024-03-20 09:12 来源：新华网</div>
<img src="1.jpg"><p>{PHOTO_TEXT}</p>
<div class="pager"><a href="#">上一张</a> <a href="#">下一张</a></div></div>
<div class="hot"><div class="title">热门图集</div>{_cards(8, False, "{i}2图")}</div>
<div class="rank"><div class="title">24小时热文</div>{_cards(10, False, "05-16 1{i}:23")}</div>{FOOTER}</body></html>"""

MICROBLOG = f"""<html><head><meta charset="utf-8"><title>微博正文</title></head><body><div class="nav">{NAV}</div>
<div class="card"><h1>阜阳一小区发现东北虎足迹？官方回应</h1>
<div><a href="/u/1">阜阳日报</a> 2024-05-16 10:23 来自 微博网页版</div>
<div class="txt">{POST_TEXT}</div>
<div class="act"><a>转发 12</a> <a>评论 3</a> <a>赞 50</a></div></div>
<div class="hotlist"><div class="title">微博热搜</div>{_cards(12, False, "{i}8万")}</div>{FOOTER}</body></html>"""

STREAM = HK_NEWS.replace(
    _cards(10, True, "香港經濟日報 · {i}小時前"), _cards(10, True, "香港經濟日報 · {i}小時前", False)
)

PAGES = {
    "stream": (STREAM, HK_TEXT),
    "hk-news": (HK_NEWS, HK_TEXT),
    "video": (VIDEO, VIDEO_TEXT),
    "photo": (PHOTO, PHOTO_TEXT),
    "microblog": (MICROBLOG, POST_TEXT),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_short_article_keeps_only_its_paragraph(tmp_path: Path, name: str) -> None:
    html, paragraph = PAGES[name]
    doc = _read(tmp_path, html)
    assert _body(doc) == [paragraph]
    listed = [d.text for d in doc.dropped if d.rule == LINK_LIST]
    assert any(HEADS[1] in t for t in listed), "the lists are named link-list for --explain"


HEADLINES = {
    "stream": ("警方破獲跨境洗黑錢集團 拘捕六人", "2024-03-12"),
    "hk-news": ("警方破獲跨境洗黑錢集團 拘捕六人", "2024-03-12"),
    "video": ("《长安的荔枝》发布预告 大鹏领衔", "2024-05-16"),
    "photo": ("航拍春日油菜花海", "2024-03-20"),
    "microblog": ("阜阳一小区发现东北虎足迹？官方回应", "2024-05-16"),
}


@pytest.mark.parametrize("name", PAGES)
def test_the_headline_and_date_of_a_short_article(tmp_path: Path, name: str) -> None:
    """The headline above the paragraph and the date in its metadata line, not a listed story's."""
    doc = _read(tmp_path, PAGES[name][0])
    assert (doc.meta.title, doc.meta.date) == HEADLINES[name]


NOTICE = f"""<html><head><meta charset="utf-8"><title>关于组织申报2024年度科技项目的通知_某省科技厅</title></head><body>
<div class="nav">{NAV}</div><h1>关于组织申报2024年度科技项目的通知</h1><div>发布时间：2024-03-19　来源：某省科技厅</div>
<p>各有关单位：</p><p>为深入实施创新驱动发展战略，现组织申报2024年度科技项目，请按附件要求于4月30日前报送。</p>
<p>附件：<a href="1.pdf">1.2024年度科技项目申报指南</a></p>
<p><a href="2.doc">2.科技项目申报书（模板）</a></p>
<p><a href="3.xls">3.科技项目汇总表</a></p><p>某省科学技术厅</p><p>2024年3月18日</p>
<div class="rel"><div>相关文章</div>{_cards(5, False, "2024-03-0{i}")}</div>{FOOTER}</body></html>"""


def test_a_notices_own_attachment_links_stay(tmp_path: Path) -> None:
    body = _body(_read(tmp_path, NOTICE))
    attachments = ["附件：1.2024年度科技项目申报指南", "2.科技项目申报书（模板）", "3.科技项目汇总表"]
    assert body[-5:] == [*attachments, "某省科学技术厅", "2024年3月18日"]
    assert not any(h in line for h in HEADS for line in body)


PARAGRAPHS = [
    f"第{n}段：今年以来，我市坚持稳中求进工作总基调，经济运行持续回升向好，"
    "主要指标增速高于全省平均水平，高质量发展取得新成效。"
    for n in range(1, 9)
]
LONG = f"""<html><head><meta charset="utf-8"><title>我市经济运行持续回升向好_新闻中心</title></head><body>
<div class="nav">{NAV}</div><h1>我市经济运行持续回升向好</h1>
<div>2024-04-20 08:00　来源：市统计局</div><div class="article">
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS[:4])}
<div class="inline-rel"><p>相关阅读：</p>{"".join(f'<p><a href="/r/{i}">{HEADS[i]}</a></p>' for i in range(4))}</div>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS[4:])}</div>
<div class="rec"><div>推荐阅读</div>{_cards(8, True, "{i}小时前")}</div>{FOOTER}</body></html>"""


def test_a_long_article_goes_on_after_an_inline_list(tmp_path: Path) -> None:
    assert _body(_read(tmp_path, LONG)) == PARAGRAPHS


def test_the_date_is_the_headlines_not_a_listed_storys(tmp_path: Path) -> None:
    side = '<div class="side"><div class="title">最新新闻</div>'
    side += "".join(f'<div><a href="/x{i}">{HEADS[i]}</a> 2024-05-0{i + 1}</div>' for i in range(6)) + "</div>"
    html = PHOTO.replace('<div class="pic">', side + '<div class="pic">')
    html = html.replace("2024-03-20 09:12 来源：新华网", "2024年03月20日 09:12　新华网")
    doc = _read(tmp_path, html + "<p>Copyright © 2019-2024</p>")
    assert (doc.meta.title, doc.meta.date, _body(doc)) == ("航拍春日油菜花海", "2024-03-20", [PHOTO_TEXT])


def test_topic_tags_under_the_headline_are_a_list() -> None:
    lines = [
        "煮一碗好吃的腊八粥",
        "栏目关注：",
        "大众保健",
        "女性保健",
        "健康新知",
        "农历腊月初八是腊八节，腊八节要吃腊八粥。",
    ]
    linked = [False, False, True, True, True, False]
    assert tag_links(lines, linked, [True] * 6, 0) == {1, 2, 3, 4}
    assert tag_links(lines, linked, [True] * 6, None) == set()


def test_below_a_short_article_a_portals_cards_go(tmp_path: Path) -> None:
    """Cards whose links are short (视频, 图集) and whose titles are no links: no list of stories,
    but below a short article, lines that are a third links and never two paragraphs in a row
    are the portal's."""
    cards = "".join(
        f'<div class="card"><a href="/c/{i}">{"视频" if i % 2 else "图集"}</a><p>{HEADS[i]}</p></div>'
        for i in range(10)
    )
    html = VIDEO.replace('<div class="related">', f'<div class="cards">{cards}</div><div class="related">')
    doc = _read(tmp_path, html)
    assert _body(doc) == [VIDEO_TEXT]
    assert any(d.rule == LINK_LIST and d.text == HEADS[3] for d in doc.dropped)


def test_two_story_links_set_between_two_paragraphs_are_related_stories(tmp_path: Path) -> None:
    paras = [
        "（中央社記者溫貴香台北21日電）行政院副院長鄭文燦今天表示，這一波是全球性的雞蛋減產的問題，必須進口。",
        "鄭文燦晚間出席新春聯誼晚宴前，被媒體問到有關缺蛋問題，他表示，已經要求農委會針對生產不足數進口。",
        "他說，包括種雞進口，包括換羽結束後可以增產，農委會預估3月初才能夠緩解，所以拜託各通路分時段供應。",
    ]
    inset = (
        "<div class='insertGroup'><div><a href='/a1'>雞蛋較春節後淡季少百萬顆 通路多為中高價產品</a></div>"
        "<div><a href='/a2'>陳吉仲：天氣回穩 雞蛋2月下旬可逐步恢復產量</a></div></div>"
    )
    html = (
        "<html><head><title>鄭文燦：多元方案解決蛋荒 | 中央社</title></head><body><h1>鄭文燦：多元方案解決蛋荒</h1>"
        f"<p>{paras[0]}</p>{inset}<p>{paras[1]}</p><p>{paras[2]}</p></body></html>"
    )
    body = _body(_read(tmp_path, html))
    assert body == paras


def test_a_labelled_bar_of_topic_links_under_the_headline_is_no_body(tmp_path: Path) -> None:
    para = "本港第三波新冠肺炎疫情仍然嚴峻，衞生防護中心公布本港今日新增72宗確診個案，其中9宗是輸入個案。"
    bar = "熱門 " + " ".join(f"<a href='/t{i}'>{t}</a>" for i, t in enumerate(["消委會", "派錢1萬", "BNO", "殺手"]))
    html = (
        "<html><head><title>機動部隊男警初步確診 | TOPick</title></head><body><h1>機動部隊男警初步確診</h1>"
        f"<div>{bar}</div><p>{para}</p><p>衞生防護中心傳染病處主任表示，他是一名機動部隊警員，沒有病徵，正接受隔離。</p></body></html>"
    )
    body = _body(_read(tmp_path, html))
    assert body[0] == para and not any("消委會" in b for b in body)


FEED_TEXT = [
    "（法新社羅馬19日電） 德國網球好手茲韋列夫今天以6比4、7比5擊敗智利選手賈瑞，在義大利公開賽拿下重要冠軍。",
    "世界排名第5的茲韋列夫，今天是繼2017年後再度在義大利網賽封王，為下週末登場的法國公開賽做好暖身。",
    "他今天在賽後感性地說，「羅馬對我來說是意義非凡的地方。」",
]
FEED_SUMMARY = (
    "（法新社巴黎21日電） 網球名將納達爾昨天現身法國公開賽球場練球，今年參賽與否23日大會抽籤時即可揭曉。"
    "他生涯傷痛不斷，至今共缺席12場大滿貫賽事，2024年法網是否會成為他生涯缺席的第13場大滿貫賽事，"
    "23日下午大會抽籤時就會揭曉，球迷都在關注他的狀態與最後的決定。西班牙傳媒引述消息指，他近日在主場"
    "加緊操練，教練團亦表示他的身體狀況比上月好轉，但仍要視乎抽籤結果和賽程才作最後決定。第{i}則。"
)
AD = (
    '<div class="ad"><a href="https://ads.example/1">Ad•BuzzDaily</a><a href="#">為什麼顯示這個廣告？</a>'
    "<div>廣告意見與建議</div><div>這個廣告令我不安</div><div>提交</div></div>"
)


def _stamped(i: int) -> str:
    return (
        f"<li><div>{'法新社' if i % 2 else '東方日報 OrientalDaily'}·{i + 2} 小時前</div>"
        f'<h3><a href="/n/{i}.html">{HEADS[i]}</a></h3><p>{FEED_SUMMARY.format(i=i)}</p></li>'
    )


FEED = f"""<html><head><meta charset="utf-8"><title>義大利公開賽 茲韋列夫封王</title></head><body>
<div class="nav">{NAV}</div><article><h1>義大利公開賽 茲韋列夫封王</h1><div>法新社 2024年5月20日週一 下午2:05</div>
<div class="caas-body">{"".join(f"<p>{p}</p>" for p in FEED_TEXT)}</div></article>
<div><h2>其他人也在看</h2><ul>{"".join(_stamped(i) + (AD if i % 2 else "") for i in range(6))}</ul></div>
{FOOTER}</body></html>"""


@pytest.mark.parametrize("whole", [False, True])
def test_a_stamped_feed_under_a_short_item_goes_whatever_its_teasers_length(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whole: bool
) -> None:
    """A portal's stream under a short item: each item a source and time ("法新社·2 小時前"),
    a story's link and a long teaser, ads between the items. Whether the extractor keeps the
    teasers or falls back to the whole page (``whole``), they go, named link-list; the item's
    last paragraph, ending in a quote after its full stop, is no story's headline."""
    if whole:
        monkeypatch.setattr("toolkit.html._main_text", lambda html: None)
    doc = _read(tmp_path, FEED)
    assert _body(doc) == FEED_TEXT
    assert any(d.rule == LINK_LIST and "第3則" in d.text for d in doc.dropped)


def test_timestamps_between_a_live_reports_paragraphs_are_its_text(tmp_path: Path) -> None:
    """A live report's entries under their times, with no story links: no feed."""
    entries = "".join(f"<div>{10 + i}:2{i}</div><p>{p}</p>" for i, p in enumerate(FEED_TEXT * 2))
    html = FEED.replace(FEED.split('<div class="caas-body">')[1].split("</div>")[0], entries)
    doc = _read(tmp_path, html)
    assert all(p in _body(doc) for p in FEED_TEXT)
