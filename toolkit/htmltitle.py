"""An HTML page's title from its markup: the ``<meta>`` title, the headings, the ``<title>``.

In order:

* a ``<meta>`` title (``ArticleTitle``, ``og:title`` …), less its site suffix unless a heading
  says it whole (of its parts, the one a heading says, where the site comes first);
* else a heading that is a part of the ``<title>`` (the longest: "文章标题 - 博客名 - 博客园"
  has the blog's name as a heading too); else the first ``<h1>`` that is not just the site's
  name; else the ``<title>``'s first part.

Then two corrections, for pages whose markup names something else than the article:

* a **blog's or an account's name** ("某某的博客", "Blog统计", "@头条新闻的微博") is no title:
  the article's own headline is the heading nearest above its main text;
* a title **cut short** ("【安徽阜阳一动物园2..."), as a social site writes its ``<title>``, is
  completed from the line that starts with it: its 【lead】, or the whole line when it is no
  longer than a title.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import pairwise

from .textmeta import COLUMN_NAME, TITLE_SEP, key
from .words import word_list

TITLE_MAX = 120
"""A line completing a title cut short is at most this long."""
HEADLINE_MIN = 4
"""The article's headline, found among the headings, is at least this long."""
NEAR_LINES = 6
"""A heading this many lines above the text at most is the headline a reader sees."""

_ACCOUNT = re.compile(
    r"(的博客|的個人博客|的个人博客|的博客园|的空间|的專欄|的专栏|的主页|的微博|的日志|博客首页|个人空间|blog|博客)$|"
    r"^(blog|博客)(统计|統計|首页|首頁|主页)?$",
    re.IGNORECASE,
)
_CUT = re.compile(r"(\.{2,}|…+|。{3})$")
_PARAGRAPH = re.compile(r"[。！？；，].*[。！？；，]")
"""A paragraph has two sentence marks at least (a heading, a menu, a counter none)."""
_WS = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")


HOME_PATH = re.compile(r"\.?/?|\.?/?(?:index|default)\.\w+|(/[^/.]+)/?")
"""A home page's path: the site's root ("/", "./index.html") or one folder's (a blog's "/hk/",
"/good-looking-hk"), which is a home only when other links of the page lie under it (a post's
own "/%postname%/" has none)."""


def link_path(href: str) -> str | None:
    """A link's path, without its host (None: no page's, an anchor or a script); a query makes
    it an item's ("/?p=123"), no folder's."""
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return None
    path, _, query = re.sub(r"^(?:https?:)?//[^/?#]+", "", href).split("#")[0].partition("?")
    return None if query else path


_ADDRESS_PART = re.compile(r"(?!(comment-page-\d+|page/\d+|amp|feed|trackback|embed)/?$)[^/]")
"""A path under a folder that is another page's, not the folder's own page's (a post's "comment-page-2/",
"amp/", "feed/")."""


def home_link(href: str, paths: Collection[str] = (), folder_is_home: bool = False) -> bool:
    """Does a link go to a home page (:data:`HOME_PATH`): the site's root, or a folder that
    holds another of the page's links (``paths``), or any folder when ``folder_is_home``?"""
    path = link_path(href)
    if path is None or (m := HOME_PATH.fullmatch(path)) is None:
        return False
    folder = m.group(1)
    return folder is None or folder_is_home or any(_ADDRESS_PART.match(p.removeprefix(folder + "/")) for p in paths)


def title_parts(title: str) -> list[str]:
    """A ``<title>`` split into its parts: the page title, then column and site names; a browser
    tab's counter before it ("(99+ 封私信 / 87 条消息) 标题 - 知乎") is none of them."""
    return [p for p in (s.strip() for s in TITLE_SEP.split(_COUNTER.sub("", title))) if p]


_COUNTER = re.compile(
    r"^\s*[(（]\s*\d{1,3}\+?\s*(?:[)）]|[^()（）]{0,30}?(?:消息|私信|通知|提醒|条|封|unread|new)[^()（）]{0,20}[)）])\s*"
)
"""Unread messages a site counts in its ``<title>``: "(3)", "(99+ 封私信 / 87 条消息)"."""


def _norm(text: str) -> str:
    return _WS.sub("", text)


def is_account_name(text: str) -> bool:
    """Does ``text`` name a blog or an account ("某某的博客", "Blog统计") rather than an article?"""
    return _ACCOUNT.search(_norm(text).lstrip("@")) is not None


KICKER_MAX = 6
"""A heading this short above or below a headline is its kicker or its last word, no half of it."""
HALF_SHARE = 0.5
"""… as is one under this share of the other's length."""


def page_title_of(
    explicit: str,
    page_title: str,
    parts: list[str],
    headings: list[tuple[str, str, int]],
    visible: list[str],
    main: list[bool],
    placed: str = "",
    sites: Collection[str] = (),
    linked: list[bool] | None = None,
    homes: Collection[str] = (),
) -> str:
    """The page's title (see the module's docstring). ``headings``: tag, text and line index of
    each ``<h1>``…``<h3>``; ``visible`` the page's lines, ``main`` which are main text;
    ``placed`` the headline found by its place above the text (``htmlhead.layout_headline``),
    the title when the markup names none or only the site (one of ``sites``, the names the
    markup gives the site, or a name shaped as a site's: "南方网", "某某市人民政府门户网站"; or a
    name the page shows only as links, ``linked``: its logo, its breadcrumb) and no line near the
    text says it, nor a heading that is no link to a home page (``homes``: those links' texts, a
    blog's name in its header's ``<h1>``); also when the ``<title>`` is of one part and the title
    found (it, or a header's ``<h1>``) is said by no line near the text."""
    texts = [t for _, t, _ in headings]
    if explicit:
        own = title_parts(explicit)
        if explicit in texts or len(own) < 2:
            title = explicit
        else:  # the part an <h1>, else any heading, says whole ("今日信報-- 標題", "國防部 - 新聞與公告 - 標題")
            h1s = {_norm(t) for tag, t, _ in headings if tag == "h1"}
            said = {_norm(t) for t in texts}
            title = max((p for p in own if _norm(p) in h1s), key=len, default="")
            # else the part a heading says; else the first, unless it names the site ("今日信報-- 标题")
            first = own[0] if len(own) < 2 or not names_site(own[0], sites) else max(own[1:], key=len)
            title = title or max((p for p in own if _norm(p) in said), key=len, default=first)
        title = _as_shown(_main_line(title, headings), parts, headings, visible, main)
        # Never shown whole: the part a line of the page says ("标题-36氪" printed as "标题").
        title = title if _shown(title, visible) else _shown_part(title, own, visible) or title
    else:
        site = parts[-1] if len(parts) > 1 else page_title
        # A heading that says the <title>'s first part (not its column's or site's name).
        title = max((h for h in texts if h in parts[:1] or h == page_title), key=len, default="")
        # Else a part a line just above the text says whole ("栏目-标题", the headline in a <div>),
        # before an <h1> the <title> does not hold (the site's logo).
        title = title or _part_near(parts, page_title, visible, main)
        # The <title>'s part printed as two headings ("《…若干措施》" / "政策解读"): shown, in two lines.
        paired = _two_line(parts[0], headings) if parts else ""
        title = title or paired
        # (not one naming the site: a blog's name in its header's <h1>, linked to the blog's home;
        # nor a paragraph the text marks up as an <h1>: "●4月5日上午9时50分许，…典礼在黄陵举行。")
        start = next((i for i, m in enumerate(main) if m), len(main))
        h1 = (
            t
            for tag, t, at in headings
            if tag == "h1"
            and len(t) >= 5
            and t != site
            and not names_site(t, sites)
            and not (at > start and _PARAGRAPH.search(t))
        )
        title = title or _less_badge(next(h1, ""), parts)
        title = title or (parts[0] if parts else "")
        title = title if title == paired else _shown_near(_main_line(title, headings), headings, visible, main)
        # Never shown whole: the part a line says, less a site's name ("标题-CSDN博客", "科学网—标题").
        title = title if _shown(title, visible) else _shown_part(title, parts, visible) or title
    links = linked or [False] * len(visible)
    if placed and (
        not title
        # a column's name, however near the text its bar stands ("工作动态")
        or COLUMN_NAME.fullmatch(_norm(key(title))) is not None
        # a site's name, however near its logo's link stands, unless a heading says it (an article
        # titled "…民生保障网" as a link to itself)
        or (
            names_site(title, sites)
            and not _near_text(title, visible, main, links, unlinked=True)
            and not (_heading_near(title, headings, main) and _norm(title) not in {_norm(h) for h in homes})
        )
        # another title the page shows only as links
        or (_only_linked(title, visible, links) and not _near_text(title, visible, main, links))
        # a <title> of one part (a headline or a site's name: "人人都是产品经理") or a header's
        # <h1> ("全新首页 焕新登场") that no line near the text says
        or (
            not explicit
            and len(parts) < 2
            and not _near_text(title, visible, main, links)
            and not _heading_near(title, headings, main)
        )
    ):
        title = placed
    if not title or is_account_name(title):  # none (the header's <h1> named only the site), or a blog's name
        # the heading nearest above the text
        title = _headline(headings, visible, main) or title
    if _CUT.search(title):
        title = _completed(title, visible)
    return title


_SITE_SUFFIX = (*word_list("organisation_suffixes"), "首页", "首頁", "官网", "官網", "频道", "頻道", "平台", "中国")
_NO_SITE = re.compile(r"\d|[。，,；;：:！？!?“”《》「」]|的|关于|關於")
PLACEHOLDER_TITLES = frozenset(
    {"无标题文档", "无标题页", "无标题", "未命名", "新建网页1", "网页标题", "untitleddocument", "untitled", "document"}
)
"""A page editor's default ``<title>`` (Dreamweaver's "无标题文档"): it names no article."""
SITE_NAME_MAX = 20
"""A site's name is this long at most (characters, spaces aside)."""


def names_site(title: str, sites: Collection[str]) -> bool:
    """Does ``title`` name the site, not an article: one of ``sites``, a template's placeholder
    ("无标题文档"), or a short name that ends as an organisation's or a site's does, without
    digits or sentence marks ("南方网", "科普中国", "某某市人民政府门户网站", "今日信報")?"""
    t = _norm(key(title))
    return (
        t.lower() in PLACEHOLDER_TITLES
        or t in {_norm(key(s)) for s in sites}
        or (len(t) <= SITE_NAME_MAX and not _NO_SITE.search(t) and t.endswith(_SITE_SUFFIX))
    )


def _near_text(title: str, visible: list[str], main: list[bool], linked: list[bool], unlinked: bool = False) -> bool:
    """Does a line at most twice :data:`NEAR_LINES` lines above the text's first line, or one
    of the text's first lines, say ``title`` (whole, or inside a line that is no link: "Ruby
    标题" with its badge)? When ``unlinked``, only a line that is no link and says it whole (a
    site's name is in its logo's link and its copyright line, not a headline)."""
    want = _norm(title)
    return any(
        _norm(visible[i]) == want and not linked[i]
        if unlinked
        else _norm(visible[i]) == want or (want in _norm(visible[i]) and not linked[i])
        for i in _near(main)
    )


def _heading_near(title: str, headings: list[tuple[str, str, int]], main: list[bool]) -> bool:
    """Does an ``<h1>`` or ``<h2>`` near the text (as :func:`_near_text` reads near) say ``title``,
    a link or not (a headline linked to its own page; not a logo's ``<h1>`` at the page's top)?"""
    want = _norm(title)
    near = _near(main)
    return any(tag in ("h1", "h2") and _norm(text) == want and at in near for tag, text, at in headings)


def _near(main: list[bool]) -> range:
    """The lines near the text: twice :data:`NEAR_LINES` above its first line, and
    :data:`NEAR_LINES` into it."""
    start = next((i for i, m in enumerate(main) if m), len(main))
    return range(max(0, start - 2 * NEAR_LINES), min(len(main), start + NEAR_LINES))


def _shown(title: str, visible: list[str]) -> bool:
    """Does a line of the page say ``title``, whole or at its head ("标题 [2024-03-20]")?"""
    want = _norm(title)
    return any(_norm(line).startswith(want) for line in visible)


def _shown_part(title: str, parts: list[str], visible: list[str]) -> str:
    """Of a title's parts (:data:`HEADLINE_MIN` long at least), the longest a line says whole;
    else a line the title starts with, the rest a site's suffix after a dash or a bar
    ("豆包斗元宝，开始拼社交-36氪", the separator unspaced), or ends with, the rest a site's
    name before one ("科学网—从一次审稿经历谈数据可重复性"); "" when none."""
    lines = {_norm(line) for line in visible}
    part = max((p for p in parts if len(_norm(p)) >= HEADLINE_MIN and _norm(p) in lines), key=len, default="")
    if part:
        return part
    heads = (line.strip() for line in visible if len(_norm(line)) >= HEADLINE_MIN and title.startswith(line.strip()))
    tails = (line.strip() for line in visible if len(_norm(line)) >= HEADLINE_MIN and title.endswith(line.strip()))
    # (not a headline printed in two lines, "…指南" over "【艺术类】": its rest is a line too)
    return max(
        [
            *(h for h in heads if _SUFFIX.fullmatch(title[len(h) :]) and _norm(title[len(h) :]) not in lines),
            *(t for t in tails if _PREFIX.fullmatch(title[: -len(t)])),
        ],
        key=len,
        default="",
    )


_SUFFIX = re.compile(rf"\s*[-_|｜—–·]+\s*[^-_|｜—–·]{{1,{SITE_NAME_MAX}}}|\s*【[^】]{{1,{SITE_NAME_MAX}}}】")
"""A site's name after a title, joined by a dash or a bar ("-36氪", "_新浪网", " | 知乎"), or a
forum's in brackets ("【多肉植物吧】")."""
_PREFIX = re.compile(rf"[^-_|｜—–·]{{1,{SITE_NAME_MAX}}}\s*[-_|｜—–·]+\s*")
"""… or before it: "科学网—"."""


def _only_linked(title: str, visible: list[str], linked: list[bool]) -> bool:
    """Is every line that holds ``title`` a link (a logo's, a breadcrumb's), and one at least?"""
    want = _norm(title)
    holding = [linked[i] for i, line in enumerate(visible) if want in _norm(line)]
    return bool(holding) and all(holding)


def _main_line(title: str, headings: list[tuple[str, str, int]]) -> str:
    """The title as :func:`_two_line` reads it, else as it is."""
    return _two_line(title, headings) or title


def _two_line(title: str, headings: list[tuple[str, str, int]]) -> str:
    """Of a headline printed as two headings, one under the other, that the title joins: the
    first, when the two are halves of a headline ("港人首置上車盤 或市價一半" / "轉售擬設限 只可
    賣予政府": the main line above its deck, as 副题 under a headline is); the second under a
    short kicker ("图解", "聚焦两会": an 引题); both, when the second is a short word that makes
    the title ("《…若干措施》" / "政策解读"); "" when no two headings make the title."""
    want = _norm(title)
    for (_, upper, at), (_, lower, below) in pairwise(headings):
        a, b = _norm(upper), _norm(lower)
        if below != at + 1 or not a or not b or a + b != want:
            continue
        if lower.lstrip().startswith(("—", "－", "-")):
            return upper  # "坚定信心 实干笃行" / "——写在…之际": a deck under the headline, however short
        if len(a) <= KICKER_MAX or len(a) < HALF_SHARE * len(b):
            return lower
        if len(b) <= KICKER_MAX or len(b) < HALF_SHARE * len(a):
            return title
        return upper
    return ""


def _as_shown(
    title: str, parts: list[str], headings: list[tuple[str, str, int]], visible: list[str], main: list[bool]
) -> str:
    """The markup's title, or the page's ``<h1>`` when the page never shows the markup's title
    and shows that heading just above its text, a headline other than the markup's (an SEO title
    beside the headline a reader sees): the title as it reads on the page. A line that begins
    with the markup's title shows it ("标题（第二批）"), not a caption that ends with it."""
    if not title or any(_norm(line).startswith(_norm(title)) for line in visible):
        return title
    first = _first_paragraph(visible, main)
    site = {_norm(p) for p in parts[1:]}
    for tag, text, at in headings:
        if tag != "h1":
            continue
        shown = _norm(text)
        if _norm(title) in shown:  # the heading holds the title with a badge ("Ruby Ruby：…")
            break
        if at <= first and len(shown) >= HEADLINE_MIN and not is_account_name(text) and shown not in site:
            return text  # another headline, or the title less a site's name ("标题-36氪")
        break  # only the page's first <h1>
    return title


def _less_badge(heading: str, parts: list[str]) -> str:
    """A heading that is a ``<title>`` part with a count glued after it (a chapter's comment
    count: "第二章 失乡号的船长241") or a thread's type before it ("[求助] 红米AX6000…"): the part;
    else the heading (also when the digits are a year: "十四五规划2035")."""
    shown = _norm(heading)
    for part in parts:
        if not part or not (at := _norm(part)) or at == shown or at not in shown:
            continue
        before, after = shown.split(at, 1)
        if (not before and after.isdigit() and not _YEAR.fullmatch(after)) or (
            not after and _TYPE_TAG.fullmatch(before)
        ):
            return part
    return heading


_TYPE_TAG = re.compile(r"[\[【［][^\]】］]{1,6}[\]】］]")
"""A forum thread's type before its subject ("[求助]", "【原创】")."""
_YEAR = re.compile(r"(19|20)\d\d")


def _first_paragraph(visible: list[str], main: list[bool]) -> int:
    return next((i for i, m in enumerate(main) if m and _PARAGRAPH.search(visible[i])), len(main))


def _part_near(parts: list[str], page_title: str, visible: list[str], main: list[bool]) -> str:
    """The ``<title>``'s part that a line at most :data:`NEAR_LINES` lines above the text's first
    paragraph says whole, when it holds the longest part (a column's or site's name is shorter);
    a part may run over a separator the headline holds ("中国-东盟博览会开幕_新华网"); else ""."""
    first = _first_paragraph(visible, main)
    near = {_norm(line) for line in visible[max(0, first - NEAR_LINES) : first]}
    longest = _norm(max(parts, key=lambda p: len(_norm(p)), default=""))
    if len(longest) < HEADLINE_MIN:
        return ""
    cuts = [0, *(x for m in TITLE_SEP.finditer(page_title) for x in (m.start(), m.end())), len(page_title)]
    starts, ends = cuts[::2], cuts[1::2]
    runs = [page_title[a:b].strip() for a in starts for b in ends if a < b]
    return max((r for r in runs if longest in _norm(r) and _norm(r) in near), key=len, default="")


def _shown_near(title: str, headings: list[tuple[str, str, int]], visible: list[str], main: list[bool]) -> str:
    """The ``<title>``'s part, or the heading just above the text (at most
    :data:`NEAR_LINES` lines above its first paragraph) when no line of the page shows that part
    (whole, or at the head of a longer line: "标题 [2024-03-20]", "标题（第二批）"; not a caption's
    "音頻加註文字，标题")."""
    if not title or any(_norm(line).startswith(_norm(title)) for line in visible):
        return title
    first = _first_paragraph(visible, main)
    near = [t for _, t, at in headings if first - NEAR_LINES <= at <= first and len(_norm(t)) >= HEADLINE_MIN]
    near = [t for t in near if not is_account_name(t)]
    return _less_badge(near[-1], [title]) if near else title  # (it may be the part with a badge)


def _headline(headings: list[tuple[str, str, int]], visible: list[str], main: list[bool]) -> str:
    """The heading nearest above the main text's first paragraph (else the first below it)
    that names no blog or account."""
    first = next((i for i, m in enumerate(main) if m and _PARAGRAPH.search(visible[i])), len(main))
    fit = [(at, t) for _, t, at in headings if len(_norm(t)) >= HEADLINE_MIN and not is_account_name(t)]
    above = [t for at, t in fit if at <= first]
    if above:
        return above[-1]
    return next((t for at, t in fit if at > first), "")


def _completed(title: str, visible: list[str]) -> str:
    """A title cut short, completed from the first line that starts with it: the line's
    【lead】, or the line when it is no longer than a title; else the title as it was."""
    stem = _norm(_CUT.sub("", title))
    if len(stem) < HEADLINE_MIN:
        return title
    for line in visible:
        text = _norm(line)
        if not text.startswith(stem) or len(text) <= len(stem):
            continue
        if text.startswith("【") and (end := line.find("】")) > 0:
            return line[line.find("【") + 1 : end].strip()
        if len(text) <= TITLE_MAX:
            return line.strip()
    return title
