"""The page's furniture as its markup names it (toolkit/htmltemplate.py): lines inside
<nav>/<aside>/<footer> or a container whose class or id names navigation, a sidebar, related
stories, comments, a share bar, a footer or an ad leave the main text under the rule
``template-furniture``, unless that element holds the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.clean import PAGE_RULES, clean
from toolkit.files import read_source
from toolkit.html import parse_html
from toolkit.htmltemplate import FURNITURE, Elements, furnishes

PARAS = [
    "益水之阳，是名益阳。这个洞庭湖区的重要城市，六十年前就曾在作家笔下展现风貌，如今又在继续书写传奇。",
    "无土栽培、立体种植、智能调控、四季生产，在一个智慧农业园区里，物联网和大数据技术正在改变农业生产。",
    "数字化农业的甜头，小农户在销售产品中感受更深。村民只需拍几张照片，就可把家里的产品挂上网卖钱。",
]
HEAD = "<html><head><title>益阳：数字赋能山乡巨变_半月谈</title></head>"


def page(around: str = "{}", after: str = "", body_attrs: str = "") -> str:
    article = "<h1>益阳：数字赋能山乡巨变</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
    return f"{HEAD}<body{body_attrs}>{around.format(article)}{after}</body></html>"


@pytest.fixture(autouse=True)
def _whole_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura falls back to the whole page (as on a short article in a portal): every
    visible line reaches the reader's own passes, which alone decide here."""
    monkeypatch.setattr("toolkit.html._main_text", lambda html: None)


def furniture(html: str) -> list[str]:
    result = parse_html(html)
    return [result.lines[i] for i, rule in result.why.items() if rule == FURNITURE]


def main_text(html: str) -> list[str]:
    result = parse_html(html)
    return [line for line, m in zip(result.lines, result.main, strict=True) if m]


@pytest.mark.parametrize(
    ("tag", "attrs", "expected"),
    [
        ("nav", {}, True),
        ("aside", {}, True),
        ("footer", {}, True),
        ("div", {"class": "related-news"}, True),
        ("div", {"class": "box sideBar"}, True),
        ("ul", {"id": "xgxw"}, True),
        ("div", {"class": "art_share"}, True),
        ("section", {"class": "comment-list"}, True),
        ("div", {"class": "has-navbar"}, False),  # a condition, not a part
        ("div", {"class": "is-sidebar-open"}, False),
        ("div", {"class": "navigator-like"}, False),  # words, not substrings
        ("div", {"class": "article-content"}, False),
        ("span", {"class": "hljs-comment"}, False),  # code, not a container
        ("body", {"class": "has-menu sidebar"}, False),  # the page itself is never furniture
        ("a", {"class": "share"}, False),
    ],
)
def test_which_elements_are_furniture(tag: str, attrs: dict[str, str], expected: bool) -> None:
    assert furnishes(tag, attrs) is expected


def test_the_rule_is_listed_for_explain() -> None:
    assert FURNITURE in PAGE_RULES


def test_a_comment_box_and_a_sidebar_leave_the_main_text() -> None:
    after = (
        '<div class="comment-list"><p>网友甲：写得真好！</p><p>网友乙：支持家乡发展。</p></div>'
        "<aside><p>本站热门</p><p>联系我们</p></aside>"
    )
    html = page("<div class='article'>{}</div>", after)
    assert set(furniture(html)) >= {"网友甲：写得真好！", "网友乙：支持家乡发展。"}
    kept = main_text(html)
    assert all(p in kept for p in PARAS)
    assert "网友甲：写得真好！" not in kept


def test_a_misnamed_page_container_keeps_the_article_and_loses_its_inner_sidebar() -> None:
    around = (
        "<div id='container' class='site-int-nav'>{}<div class='sidebar'><p>今日推荐</p><p>一周排行</p></div></div>"
    )
    html = page(around)
    kept = main_text(html)
    assert all(p in kept for p in PARAS)
    assert "今日推荐" in furniture(html)


def test_an_element_with_paragraphs_in_a_row_is_the_article_whatever_its_name() -> None:
    # No headline matches the title here, so only the paragraphs tell.
    html = f"{HEAD}<body><div class='related'>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div></body></html>"
    assert furniture(html) == []
    assert all(p in main_text(html) for p in PARAS)


def test_a_body_that_states_its_layout_drops_nothing() -> None:
    assert furniture(page(body_attrs=' class="has-navbar with-comments"')) == []


def test_an_unclosed_furniture_element_does_not_take_the_article() -> None:
    html = page("<div class='share'><p>分享到：</p>{}")  # the share box is never closed
    assert all(p in main_text(html) for p in PARAS)


def test_code_comments_stay() -> None:
    code = "<pre><code><span class='hljs-comment'># 安装依赖</span>\npip install toolkit</code></pre>"
    assert furniture(page("<div>{}" + code + "</div>")) == []


def test_explain_names_the_rule(tmp_path: Path) -> None:
    after = '<div class="comment-list"><p>网友甲：写得真好！</p><p>网友乙：支持家乡发展。</p></div>'
    path = tmp_path / "page.html"
    path.write_text(page("<div class='article'>{}</div>", after), encoding="utf-8")
    doc = clean(read_source(path, "html"))
    assert any(d.rule == FURNITURE and d.text == "网友甲：写得真好！" for d in doc.dropped)
    assert all(any(p in b.text for b in doc.blocks) for p in PARAS)


def test_the_tracker_judges_nested_elements_apart() -> None:
    tracker = Elements(furnishes)
    tracker.start("div", {"class": "site-nav"}, False)  # outer: 0
    tracker.start("div", {}, False)
    tracker.start("ul", {"class": "related"}, False)  # inner: 1
    tracker.text()
    tracker.flush(0)
    tracker.end("ul")
    tracker.text()
    tracker.flush(1)
    tracker.end("div")
    tracker.end("div")
    tracker.text()
    tracker.flush(2)
    assert tracker.lines == {0: frozenset({0, 1}), 1: frozenset({0})}
    assert tracker.open == []


def test_the_body_container_comes_back_when_the_extractor_kept_little_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura keeps one section of a WeChat digest: the rest of js_content comes back.
    items = [f"● 第{n}条：{p}" for n, p in enumerate(PARAS * 2, start=1)]
    body = "".join(f"<section><p>{t}</p></section>" for t in items)
    html = f"{HEAD}<body><h1>新闻速览</h1><div id='js_content' class='rich_media_content'>{body}</div></body></html>"
    monkeypatch.setattr("toolkit.html._main_text", lambda html: ([items[-1]], ""))
    kept = main_text(html)
    assert all(t in kept for t in items)


def test_the_body_container_is_left_alone_when_the_extractor_kept_most_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS) + "<p>图为益阳市区。新华社记者张三摄</p>"
    html = f"{HEAD}<body><div itemprop='articleBody'>{body}</div></body></html>"
    monkeypatch.setattr("toolkit.html._main_text", lambda html: (PARAS, ""))
    assert "图为益阳市区。新华社记者张三摄" not in main_text(html)


def test_a_list_of_short_lines_after_the_body_container_is_the_portals() -> None:
    stories = "".join(
        f"<li><span>{t}</span><span>3小時前</span></li>" for t in ["港股收市", "天文台預測", "新冠確診", "樓市走勢"]
    )
    html = (
        f"{HEAD}<body><h1>益阳：数字赋能山乡巨变</h1><div class='caas-body'>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + f"</div><ul class='stream'>{stories}</ul></body></html>"
    )
    kept = main_text(html)
    assert all(p in kept for p in PARAS)
    assert not any("港股收市" in line or "3小時前" in line for line in kept)


def test_paragraphs_after_the_body_container_stay() -> None:
    more = "<div class='extra'>" + "".join(f"<p>{p}</p>" for p in reversed(PARAS)) + "</div>"
    html = f"{HEAD}<body><h1>益阳</h1><div class='caas-body'><p>{PARAS[0]}</p></div>{more}</body></html>"
    assert all(p in main_text(html) for p in PARAS)


def test_the_next_story_loaded_whole_below_the_article_is_furniture() -> None:
    """A portal loads the next story under the article, in a container named for recommended
    stories; its own <h1> above its paragraphs tells it from an article in a misnamed container
    (the test above), and the article's own head keeps the article."""
    other = ["如果说在中国传唱度最高的歌曲，那这一首歌绝对算得上是家喻户晓，那就是《外婆的澎湖湾》。",
             "这首歌有很多明星都翻唱过，但这首歌其实原唱是潘安邦，可能很多人对这个名字不熟悉。"]  # fmt: skip
    story = (
        "<div class='detail-content__recommend--wrapper'><h1>31岁在春晚一炮而红，观众都以为他隐退了</h1>"
        "<div>贵圈姨太</div>" + "".join(f"<p>{p}</p>" for p in other) + "</div>"
    )
    html = page(after=story)
    kept = main_text(html)
    assert all(p in kept for p in PARAS)
    assert not any(p in kept for p in other)
    assert other[0] in furniture(html)
