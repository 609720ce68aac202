"""What a page's template names its parts: the article's body, and the page's furniture
(navigation, sidebars, related and recommended stories, comments, share bars, footers, ads).

Templates name their parts in their markup, and a main-text extractor does not always heed
them: it may fall back to the whole page (a short article in a portal keeps the portal's
lists), or keep one section of an article and lose the rest (a WeChat digest of twenty
items). The HTML reader records, while it parses, which lines lie wholly inside each such
element (:class:`Elements`); two passes then use them:

* :func:`furniture_lines` drops main-text lines inside ``<nav>``, ``<aside>``, ``<footer>`` or a
  container whose class or id holds a furniture word (``nav``, ``sidebar``, ``related``,
  ``recommend``, ``comment``, ``share``, ``footer`` …, and the pinyin of Chinese CMSs: ``xgxw``
  相关新闻, ``tuijian`` 推荐, ``pinglun`` 评论), under the rule :data:`FURNITURE`;
* :func:`body_lines` gives back the lines of the article's **body container** that the
  extractor left out, when it left out most of them: the element a CMS writes the article
  into (``itemprop="articleBody"``, WeChat's ``js_content``, gov.cn's ``UCAP-CONTENT``, TRS's
  ``TRS_Editor``, Sina's ``artibody``, NetEase's ``endText`` …). The line rules judge them after.

Templates misname too: a theme's page container may carry a class ``…-nav``, a blog's
``<body>`` says ``has-navbar``, comments reuse a body class. So each furniture element is
judged on its own, the innermost apart from those around it, and it is not furniture when

* it holds the article's head (its headline, or its first sentence under the headline): the
  article sits inside it;
* or it lies inside the article's body container and holds no link line: a table of the
  article's ("ranking-table"), a note box set between its paragraphs (``<aside>``);
* or it holds two paragraphs in a row (text lines of :data:`PARAGRAPH_MIN` characters with a
  sentence mark, no link line between): a list's teasers are cut by their links, an article's
  paragraphs are not; but not when an ``<h1>`` or ``<h2>`` of its own (no numbered section's)
  stands above them, below the article's head: that is the next story, loaded whole under the
  article.

Only containers count (``div``, ``ul``, ``section`` …, never ``<body>``, a ``<span>`` or a link:
a code listing's ``<span class="hljs-comment">`` is code), and a class that states a condition
("has-navbar", "is-sidebar-open", "with-comments") names nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from .linklists import NUMBERED, PARAGRAPH_MIN, SIGNATURE_MAX, attachment_lines
from .textmeta import key, parse_date

FURNITURE = "template-furniture"
"""The rule name for main-text lines inside the page's furniture."""
AFTER_BODY = "after-body-container"
"""The rule name for main-text lines after the article's body container, when they are a list's
short lines rather than paragraphs."""
AFTER_PARAGRAPH_SHARE = 0.3
"""Lines after the body container go when paragraphs hold less than this share of their text."""
BODY_PARAGRAPH_SHARE = 0.7
"""… and the container holds at least this share of the main text's paragraphs."""
SIGNATURE_LINES = 6
"""A document's signature after its body container is this many short lines at most, down to its
date (a joint notice's issuing bodies, one a line, then the date)."""
CONTINUED_LINES = 3
"""Another body container that begins this many main-text lines at most after the body container
continues the article."""
BODY_SHARE_MIN = 0.6
"""The body container's lines are given back when the main text holds less than this share of
its text."""
BODY_MIN = 100
"""… and it holds this much text at least (characters of lines that are not links)."""
STORY_HEADLINE_MIN = 8
"""A headline of another story, heading a furniture element's paragraphs, is this long at least."""
OPEN_MAX = 32
"""The most elements of one kind followed at once: one opened while this many are open is not
followed (a template that never closes its comments' ``<div class="comment">`` opens one per
comment, and following them all took time with the square of their number)."""

_TAGS = frozenset({"nav", "aside", "footer"})
_CONTAINERS = frozenset({"div", "section", "ul", "ol", "dl", "table", "tbody", "td", "form", *_TAGS})
_WORDS = frozenset(
    {
        # navigation
        "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
        "daohang", "mianbaoxie", "pagination", "pager",
        # sidebars, related and recommended stories, hot lists
        "sidebar", "related", "relate", "recommend", "recommended", "recommendation", "recommendations",
        "xgxw", "xgwz", "xgyd", "xgtj", "xglj", "tuijian", "xiangguan", "rmtj", "rdph", "paihang", "phb",
        "hotnews", "ranking", "ranklist",
        # comments, sharing, sign-in and subscription boxes
        "comment", "comments", "pinglun", "share", "sharing", "fenxiang", "social", "subscribe", "newsletter",
        "login", "signin",
        # footers and ads
        "footer", "advert", "advertisement", "adverts", "ads", "sponsor", "sponsored", "guanggao",
    }
)  # fmt: skip
_CONDITION = frozenset({"has", "is", "with", "no", "show", "hide", "enable", "open"})
_LAYOUT = frozenset({"wrap", "wrapper", "container", "layout"})
_CONTENT = frozenset({"content", "main"})
_SPLIT = re.compile(r"[-_:.]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)")
_BODY_IDS = frozenset(
    {
        "js_content", "UCAP-CONTENT", "zoom", "artibody", "endText", "mp-editor", "cnblogs_post_body",
        "content_views", "article_content", "article-content", "articleContent", "main-content-text",
    }
)  # fmt: skip
_BODY_CLASSES = frozenset(
    {
        "rich_media_content", "pages_content", "TRS_Editor", "TRS_UEDITOR", "articalContent", "post_body",
        "post_text", "content-article", "rm_txt_con", "left_zw", "caas-body", "entry-content", "post-content",
        "article-content", "article_content", "articleContent", "article-body", "article_body", "articleBody",
        "story-body", "news_txt", "newsContent",
    }
)  # fmt: skip
_SPACE = re.compile(r"\s+")
_SENTENCE_MARK = re.compile(r"[。！？!?；，]")


def furnishes(tag: str, attrs: dict[str, str]) -> bool:
    """Is the element the page's furniture, by its tag or a word of its class or id?"""
    if tag not in _CONTAINERS:
        return False
    if tag in _TAGS:
        return True
    for name in f"{attrs.get('class', '')} {attrs.get('id', '')}".split():
        words = [w.lower() for w in _SPLIT.split(name) if w]
        if not words or words[0] in _CONDITION:
            continue
        if "sidebar" in words and not _LAYOUT.isdisjoint(words) and not _CONTENT.isdisjoint(words):
            continue  # a wrapper of the content and its sidebar ("content-sidebar-wrap"), no sidebar
        # A word alone or two run together ("sideBar", "hot_news" are "sidebar", "hotnews"), or
        # their plural (NetEase's "post_recommends").
        if any(_furniture_word(w) for w in words) or any(_furniture_word(a + b) for a, b in pairwise(words)):
            return True
    return False


def _furniture_word(word: str) -> bool:
    return word in _WORDS or (word.endswith("s") and word[:-1] in _WORDS)


def holds_body(tag: str, attrs: dict[str, str]) -> bool:
    """Is the element the one a CMS writes the article's body into?"""
    if tag in ("span", "a", "p", "li", "body", "html", "head"):
        return False
    return (
        attrs.get("itemprop", "") == "articleBody"
        or attrs.get("id", "") in _BODY_IDS
        or not _BODY_CLASSES.isdisjoint(attrs.get("class", "").split())
    )


@dataclass(slots=True)
class Elements:
    """The elements of one kind (``kind``: tag and attributes → is it one) open while the parser
    reads a page, and the lines all of whose text lay inside each."""

    kind: Callable[[str, dict[str, str]], bool]
    open: list[list[int | str]] = field(default_factory=list)
    """Per open element: its tag, how many elements of that tag are open from it down, and
    its number."""
    count: int = 0
    current: set[int] | None = None
    """The elements holding all of the current line's text so far (None: no text yet)."""
    lines: dict[int, frozenset[int]] = field(default_factory=dict)
    """Line index → the elements holding all of its text."""

    def start(self, tag: str, attrs: dict[str, str], closed: bool) -> None:
        for entry in self.open:
            if entry[0] == tag:
                entry[1] = int(entry[1]) + 1
        if not closed and len(self.open) < OPEN_MAX and self.kind(tag, attrs):
            self.open.append([tag, 1, self.count])
            self.count += 1

    def end(self, tag: str) -> None:
        if not any(entry[0] == tag for entry in self.open):
            return
        for entry in self.open:
            if entry[0] == tag:
                entry[1] = int(entry[1]) - 1
        self.open = [entry for entry in self.open if int(entry[1]) > 0]

    def text(self) -> None:
        inside = {int(entry[2]) for entry in self.open}
        self.current = inside if self.current is None else self.current & inside

    def flush(self, index: int | None) -> None:
        if index is not None and self.current:
            self.lines[index] = frozenset(self.current)
        self.current = None

    def held(self) -> dict[int, list[int]]:
        """Element → the lines inside it, in order."""
        out: dict[int, list[int]] = {}
        for i, elements in sorted(self.lines.items()):
            for e in elements:
                out.setdefault(e, []).append(i)
        return out


def _length(line: str) -> int:
    return len(_SPACE.sub("", line))


def is_paragraph(line: str, linked: bool) -> bool:
    """A text line (no link line, ``linked``) of :data:`PARAGRAPH_MIN` characters with a sentence mark."""
    return not linked and _length(line) >= PARAGRAPH_MIN and _SENTENCE_MARK.search(line) is not None


def _paragraphs(lines: list[str], main: list[bool], linked: list[bool]) -> list[bool]:
    """Per line: a main-text paragraph (:func:`is_paragraph`)."""
    return [main[i] and is_paragraph(line, linked[i]) for i, line in enumerate(lines)]


def furniture_lines(
    lines: list[str],
    main: list[bool],
    linked: list[bool],
    furniture: Elements,
    article: frozenset[int],
    body: frozenset[int] = frozenset(),
    headlines: frozenset[int] = frozenset(),
) -> list[int]:
    """The main-text lines inside an element that is the page's furniture and holds neither a
    line of the ``article``'s head nor two paragraphs in a row under no headline of its own
    (``headlines``: the lines of the page's ``<h1>`` and ``<h2>``), nor lies in the article's
    body container (``body``: its lines) without a link (see the module's docstring)."""
    paragraph = _paragraphs(lines, [True] * len(lines), linked)
    furnished = set()
    for e, at in furniture.held().items():
        if article.intersection(at):
            continue
        # In the body container, no link: the article's table or note box ("ranking-table",
        # an <aside> between two paragraphs), not a list of stories.
        if body.issuperset(at) and not any(linked[i] for i in at):
            continue
        # Two paragraphs in a row, of the element's lines: no link line, no other line between;
        # unless a headline of its own stands above them: the next story, loaded whole below.
        if not _next_story(lines, at, headlines, paragraph) and any(
            main[a] and main[b] and paragraph[a] and paragraph[b] for a, b in pairwise(at)
        ):
            continue
        furnished.add(e)
    return [i for i, elements in sorted(furniture.lines.items()) if main[i] and not furnished.isdisjoint(elements)]


def _next_story(lines: list[str], at: list[int], headlines: frozenset[int], paragraph: list[bool]) -> bool:
    """Does an element (``at``: its lines) open with a headline of its own above its first
    paragraph: another story, loaded whole below the article ("31岁在春晚一炮而红…" in a 360
    快资讯 page's ``detail-content__recommend--wrapper``)? A numbered section's heading ("三、我们的
    推荐" in a buying guide's ``product-recommend``) is the article's own."""
    first = next((i for i in at if paragraph[i]), None)
    return first is not None and any(
        i in headlines
        and i < first
        and _length(lines[i]) >= STORY_HEADLINE_MIN
        and not NUMBERED.match(lines[i])  # a section's: "三、我们的推荐"
        for i in at
    )


def body_lines(lines: list[str], main: list[bool], linked: list[bool], body: Elements) -> list[int]:
    """The lines of the page's body container (of several, the one with the most main text, then
    the one with the most text) that are not main text, not links, when the main text holds less
    than :data:`BODY_SHARE_MIN` of its text; else none."""
    held = body.held()
    if not held:
        return []
    best = _container(lines, main, linked, held)
    text = sum(_length(lines[i]) for i in held[best] if not linked[i])
    shown = sum(_length(lines[i]) for i in held[best] if main[i] and not linked[i])
    if text < BODY_MIN or shown >= BODY_SHARE_MIN * text:
        return []
    return [i for i in held[best] if not main[i] and not linked[i]]


def _container(lines: list[str], main: list[bool], linked: list[bool], held: dict[int, list[int]]) -> int:
    """Of the body containers (``held``: each one's lines), the one the extractor took most
    from, then the longest: a TRS site's editor may write a sidebar's "机构职能" into a
    TRS_Editor too, longer than a short article's."""
    return max(
        held,
        key=lambda e: (
            sum(_length(lines[i]) for i in held[e] if main[i] and not linked[i]),
            sum(_length(lines[i]) for i in held[e] if not linked[i]),
        ),
    )


def after_body(lines: list[str], main: list[bool], linked: list[bool], body: Elements) -> list[int]:
    """The main-text lines after the page's body container, when the container holds most of
    the main text's paragraphs (:data:`BODY_PARAGRAPH_SHARE`) and what follows it is a list of
    short lines, not paragraphs (:data:`AFTER_PARAGRAPH_SHARE`): a portal's story lists and hot
    lists under a short article the CMS marked as its body."""
    held = body.held()
    if not held:
        return []
    best = _container(lines, main, linked, held)
    at = held[best]
    paragraph = _paragraphs(lines, main, linked)
    inside = sum(_length(lines[i]) for i in at if paragraph[i])
    if not inside or inside < BODY_PARAGRAPH_SHARE * sum(_length(lines[i]) for i in range(len(lines)) if paragraph[i]):
        return []
    after = [i for i in range(at[-1] + 1, len(lines)) if main[i]]
    shown = sum(_length(lines[i]) for i in after)
    if not after or sum(_length(lines[i]) for i in after if paragraph[i]) >= AFTER_PARAGRAPH_SHARE * shown:
        return []
    # The article's rest in a second body container: what follows it goes, not what sets it off
    # (an ad's label; its drop would start a trailer over the rest's short lines).
    rest = _continued(held, best, after)
    after = [i for i in after if i > max(rest, default=-1)]
    own = _document_tail(lines, linked, after)
    return [i for i in after if i not in own]


def _continued(held: dict[int, list[int]], best: int, after: list[int]) -> set[int]:
    """Of the lines after the body container, those of another body container that begins
    within :data:`CONTINUED_LINES` main-text lines of its end: the article's rest, after an ad
    or a box set into it (a second ``article-content``), not a sidebar's further down."""
    near = set(after[:CONTINUED_LINES])
    return {i for e, at in held.items() if e != best and at[0] in near for i in at}


def _document_tail(lines: list[str], linked: list[bool], after: list[int]) -> set[int]:
    """Of the lines after the body container, a document's signature, below the body or below
    its attachments' list (which goes, as download links do): short lines down to a date
    ("益阳市科学技术局" / "2024年3月20日")."""
    attached = attachment_lines(lines, linked)
    start, listed = 0, False  # below the attachments' list: "附件：" and the links after it
    for k, i in enumerate(after):
        listed = i in attached or (listed and linked[i])
        start = k + 1 if listed else start
    for k, i in enumerate(after[start : start + SIGNATURE_LINES]):
        if linked[i] or _length(lines[i]) > SIGNATURE_MAX:
            break
        if parse_date(key(lines[i])):
            # with the attachments' names the document gives as text ("附件：1.申报书"), not links
            return set(after[start : start + k + 1]) | {j for j in after[:start] if not linked[j]}
    return set()
