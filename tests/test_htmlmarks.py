"""What the markup says a line is (toolkit/htmlmarks.py): hidden text, pictures' captions and
links glued to a paragraph's end are dropped under their rules' names; lines that only look
like them stay."""

from __future__ import annotations

import pytest

from toolkit.clean import PAGE_RULES
from toolkit.html import parse_html
from toolkit.htmlmarks import HIDDEN_TEXT, IMAGE_CAPTION, TABLE_OF_CONTENTS, TRAILING_LINK, credited, glued_link, hides

PARAS = [
    "益水之阳，是名益阳。这个洞庭湖区的重要城市，六十年前就曾在作家笔下展现风貌，如今又在继续书写传奇。",
    "无土栽培、立体种植、智能调控、四季生产，在一个智慧农业园区里，物联网和大数据技术正在改变农业生产。",
    "数字化农业的甜头，小农户在销售产品中感受更深。村民只需拍几张照片，就可把家里的产品挂上网卖钱。",
    "益阳还引进各大电商入驻村级便民服务点，构建互联网加农产品直销基地模式，为当地特产插上翅膀。",
    "当地干部表示，下一步将继续推进数字乡村建设，让更多农民分享数字经济发展带来的红利和实惠。",
]


def page(middle: str, last: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS[:2]) + middle + "".join(f"<p>{p}</p>" for p in PARAS[2:])
    return (
        "<html><head><title>益阳：数字赋能山乡巨变_半月谈</title></head><body><article>"
        f"<h1>益阳：数字赋能山乡巨变</h1>{body}{last}</article></body></html>"
    )


def dropped(html: str) -> dict[str, str]:
    """Line text → the rule that dropped it, for the rules of this module."""
    result = parse_html(html)
    return {result.lines[i]: rule for i, rule in result.why.items() if rule in (HIDDEN_TEXT, IMAGE_CAPTION)} | {
        result.lines[i]: rule for i, rule in result.why.items() if rule == TRAILING_LINK
    }


def kept(html: str, line: str) -> bool:
    result = parse_html(html)
    return any(text == line and main for text, main in zip(result.lines, result.main, strict=True))


def test_the_rules_are_named_for_explain() -> None:
    assert {HIDDEN_TEXT, IMAGE_CAPTION, TRAILING_LINK} <= set(PAGE_RULES)


@pytest.mark.parametrize(
    "attrs",
    ['style="display:none"', 'style="color:red; display: none !important"', "hidden", 'aria-hidden="true"',
     'style="visibility:hidden"', 'class="hidden"', 'class="hiddenCont"', 'class="sr-only"', 'class="d-none"',
     'class="col-xs-12 hidden-md hidden-lg"', 'class="visible-xs"'],
)  # fmt: skip
def test_hidden_text_is_dropped(attrs: str) -> None:
    copy = "在美国旧金山举行的中美元首会晤吸引了全世界的目光，多名外国专家接受了采访。"
    assert dropped(page(f"<div {attrs}><p>{copy}</p></div>"))[copy] == HIDDEN_TEXT


@pytest.mark.parametrize(
    "attrs",
    ['style="display:block"', 'aria-hidden="false"', 'class="hidden-xs"', 'class="overflow-hidden"',
     'class="d-none d-lg-block"', 'class="box overflowHidden"', ""],
)  # fmt: skip
def test_shown_text_stays(attrs: str) -> None:
    line = "在美国旧金山举行的中美元首会晤吸引了全世界的目光，多名外国专家接受了采访。"
    assert kept(page(f"<div {attrs}><p>{line}</p></div>"), line)


def test_a_self_closed_hidden_element_hides_nothing_after_it() -> None:
    html = page('<div style="display:none"/>')
    assert all(kept(html, p) for p in PARAS)


def test_an_article_hidden_until_a_script_shows_it_stays() -> None:
    html = page("").replace("<article>", '<article style="display:none">')
    assert all(kept(html, p) for p in PARAS)


@pytest.mark.parametrize(
    "caption",
    ["为了上网推介、售卖家乡特产，安化县一块花生地里正录制视频 李尕 摄",
     "2月17日，康复病人在献血浆时拍照留念。新华社记者 才扬 摄",
     "財政部今天下午將公佈今年1-2月期統一發票中獎清冊。（資料照）",
     "對於日前的言論，王婉諭直言發言應該更自律。（取自王婉諭臉書）",
     "天水有轨电车 图片来源：天水融媒",
     "着陆器展开国旗（国家航天局供图）"],
)  # fmt: skip
def test_a_credited_line_beside_a_picture_is_a_caption(caption: str) -> None:
    assert dropped(page(f'<p><img src="a.jpg"></p><p>{caption}</p>'))[caption] == IMAGE_CAPTION
    assert dropped(page(f'<p>{caption}</p><p><img src="a.jpg"></p>'))[caption] == IMAGE_CAPTION
    assert dropped(page(f'<p><span><img src="a.jpg"></span><span>{caption}</span></p>'))[caption] == IMAGE_CAPTION


@pytest.mark.parametrize(
    "line",
    ["该馆收藏了大量珍贵的摄影作品，吸引了众多摄影爱好者前来参观。",
     "会议由市科技局主办（详见附件）",
     "他说，这次比赛（第三届）的规模超过了往年。"],
)  # fmt: skip
def test_a_paragraph_beside_a_picture_stays(line: str) -> None:
    assert kept(page(f'<p><img src="a.jpg"></p><p>{line}</p>'), line)


def test_a_credited_line_far_from_any_picture_stays() -> None:
    line = "为了上网推介、售卖家乡特产，安化县一块花生地里正录制视频 李尕 摄"
    assert kept(page(f"<p>{line}</p>"), line)


@pytest.mark.parametrize(
    "markup",
    ['<figure><img src="a.jpg"><figcaption>{}</figcaption></figure>',
     '<div><img src="a.jpg"><p class="caption">{}</p></div>',
     '<p><img src="a.jpg"></p><p class="pic-info">{}</p>',
     '<p><img src="a.jpg"></p><p class="img_desc">{}</p>'],
)  # fmt: skip
def test_a_line_marked_as_a_caption_beside_a_picture_is_one(markup: str) -> None:
    caption = "梁振英的山顶大宅于6月份被揭发存有违章建筑。"
    assert dropped(page(markup.format(caption)))[caption] == IMAGE_CAPTION


def test_a_caption_class_without_a_picture_is_no_caption() -> None:
    line = "2022-06-02 09:52:19 政能亮 来自北京市"
    assert kept(page(f'<div class="index_caption_hAmS1"><p>{line}</p></div>'), line)


def test_a_photo_storys_captions_are_its_text() -> None:
    captions = "".join(
        f'<p><img src="{i}.jpg"></p><p>{p[:-1]}（新华社记者 刘满仓 摄）</p>' for i, p in enumerate(PARAS)
    )
    html = (
        f"<html><head><title>图片故事</title></head><body><article><h1>图片故事</h1>{captions}</article></body></html>"
    )
    result = parse_html(html)
    assert IMAGE_CAPTION not in result.why.values()


def test_a_bracketed_link_glued_to_the_last_paragraph_is_split_off() -> None:
    link = '<a href="/news?id=1">中職二度延賽至4月11日</a>'
    last = f"<p>王婉諭呼籲，作為公眾人物，在發表言論時應該要更為自律。（{link}）</p>"
    result = parse_html(page("", last))
    assert "王婉諭呼籲，作為公眾人物，在發表言論時應該要更為自律。" in result.lines
    assert dropped(page("", last))["（中職二度延賽至4月11日）"] == TRAILING_LINK


def test_a_back_link_glued_to_the_last_paragraph_is_split_off() -> None:
    last = '<p>家乡代表也前往送别。<a href="//www.sohu.com/"><span>返回搜狐，查看更多</span></a></p>'
    assert dropped(page("", last))["返回搜狐，查看更多"] == TRAILING_LINK


@pytest.mark.parametrize(
    ("before", "link", "after"),
    [("详情请见", "市科技局网站", "。"),  # a link inside the sentence
     ("本报讯（", "新华社", "）"),  # no sentence before it
     ("会议取得圆满成功。（", "新华社", "）"),  # a name, not another story's headline
     ("会议取得圆满成功。（", "www.most.gov.cn", "）"),
     ("会议取得圆满成功。", "市科技局", "")],  # a plain link, no back link
)  # fmt: skip
def test_a_link_that_is_part_of_the_text_stays(before: str, link: str, after: str) -> None:
    assert glued_link(before, link, after) is None


def test_hides_and_credited() -> None:
    assert hides({"style": "DISPLAY:NONE"}) and not hides({"style": "display:inline-block"})
    assert not hides({"style": "background:url(none.png)"})
    assert credited("…的设备。本报记者 吴长锋 摄") and credited("警消到場時已無生命跡象。（圖／翻攝畫面）")
    assert not credited("他从小就喜欢摄影。") and not credited("活动由市科协主办（详见附件）")
    assert credited("2024年以来，多地加快推进专项债项目前期工作。图：视觉中国") and credited("大桥合龙现场 图/新华社")
    assert not credited("具体流程如下图：") and not credited("该地图：比例尺为一比五万，见附件说明")


def test_a_figcaption_is_a_caption_though_a_credit_line_stands_between_it_and_the_picture() -> None:
    figure = (
        "<figure><img src='a.jpg'><p><span class='visually-hidden'>图像来源，</span><span>BBC NEWS CHINESE</span></p>"
        "<figcaption><span>图像加注文字，</span><span>火灾发生当天，李先生正在家里休息。</span></figcaption></figure>"
    )
    found = dropped(page(figure))
    assert found["图像来源，BBC NEWS CHINESE"] == IMAGE_CAPTION
    assert found["图像加注文字，火灾发生当天，李先生正在家里休息。"] == IMAGE_CAPTION


def test_a_line_beside_a_picture_that_ends_in_its_agencys_credit_is_a_caption() -> None:
    caption = "香港航空宣布，昨日延誤的航班將改為今日出發。（港台圖片）"
    assert (
        dropped(page(f"<ul><li><a href='p.jpg'><img src='p.jpg'></a>{caption}</li></ul>"))["• " + caption]
        == IMAGE_CAPTION
    )


def test_a_news_items_captions_go_though_they_outweigh_its_one_paragraph() -> None:
    """One paragraph and three credited photographs (a wire item relayed by a portal): the
    captions outweigh the paragraph, but not by far, and the item is an article, not a photo
    story (whose captions, beside a short lead, are nearly all its text)."""
    text = (
        "多米尼加现任总统、现代革命党候选人阿比纳德尔19日晚在竞选总部宣布，他在当天举行的总统选举首轮投票中获胜，"
        "成功连任。多米尼加中央选举委员会公布的初步计票结果显示，阿比纳德尔得票率约为58%。"
    )
    captions = [
        f"5月19日，在多米尼加首都圣多明各，阿比纳德尔在竞选总部发表胜选演讲{n}。 新华社记者 李梦馨 摄" for n in "一二三"
    ]
    pictures = "".join(f'<img src="{i}.jpg"><p>{c}</p>' for i, c in enumerate(captions))
    html = (
        "<html><head><title>阿比纳德尔胜选</title></head><body><article><h1>阿比纳德尔胜选</h1>"
        f"<p>{text}</p>{pictures}</article></body></html>"
    )
    why = dropped(html)
    assert all(why.get(c) == IMAGE_CAPTION for c in captions)
    assert kept(html, text)


def test_a_document_printed_for_the_desktop_a_phone_and_the_printer_is_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """gov.cn prints a document three times: for the desktop ("mhide": hidden on a phone), for
    the printer (display:none) and for a phone ("pchide"). Read as on a desktop, the text is
    there once; copies of shown lines do not count as hidden text, so two hidden copies out of
    three are still dropped."""
    monkeypatch.setattr("toolkit.html._main_text", lambda html: None)
    text = "".join(f"<p>{p}</p>" for p in PARAS)
    html = (
        "<html><head><title>益阳：数字赋能山乡巨变_半月谈</title></head><body><h1>益阳：数字赋能山乡巨变</h1>"
        f"<div class='pages_content mhide'>{text}</div><div style='display:none'>{text}</div>"
        f"<div class='pages_content pchide'>{text}</div></body></html>"
    )
    result = parse_html(html)
    kept_lines = [line for line, m in zip(result.lines, result.main, strict=True) if m]
    assert all(kept_lines.count(p) == 1 for p in PARAS)


def test_a_media_note_beside_a_picture_is_a_caption() -> None:
    """财新's ``<div class="mediaNote">`` under its picture, ending in the agency's credit."""
    caption = "2024年以来，多地加快推进专项债项目前期工作。图：视觉中国"
    found = dropped(page(f"<div class='media pip'><img src='a.jpg'><div class='mediaNote'>{caption}</div></div>"))
    assert found[caption] == IMAGE_CAPTION


def test_a_table_of_contents_of_links_to_the_pages_headings_is_no_text() -> None:
    """A blog's "目录" (Hugo PaperMod's ``<details class="toc">``): three or more lines in a row,
    each a link to a heading of the page, with their label; the headings themselves stay."""
    toc = (
        '<details class="toc" open><summary><span class="details">目录</span></summary><div class="inner"><ul>'
        '<li><a href="#基本情况">基本情况</a></li><li><a href="#体验">体验</a></li><li><a href="#结论">结论</a></li>'
        "</ul></div></details>"
    )
    sections = "".join(
        f"<h2 id='{h}'>{h}</h2><p>这一节写{h}，三款系统各用了两个月，下面把感受最深的几点分别记下来，供大家参考。</p>"
        for h in ("基本情况", "体验", "结论")
    )
    html = page(toc, sections)
    result = parse_html(html)
    marked = [result.lines[i] for i, rule in sorted(result.why.items()) if rule == TABLE_OF_CONTENTS]
    assert marked == ["目录", "• 基本情况", "• 体验", "• 结论"] or marked == ["目录", "基本情况", "体验", "结论"]
    assert kept(html, "结论")  # the heading, not its entry


def test_two_links_to_notes_are_no_table_of_contents() -> None:
    notes = '<p><a href="#fn1">[1]</a></p><p><a href="#fn2">[2]</a></p>'
    assert TABLE_OF_CONTENTS not in parse_html(page(notes)).why.values()
