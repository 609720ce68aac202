"""The title: read from the header's lines (repeated, split over two lines, prefixed with a
【tag】, suffixed with the site's name), and the header lines around it that are not body
(section labels, navigation items, site names, bylines, the page's furniture)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ..textmeta import (
    CN_DATE,
    COLUMN_NAME,
    DATE_ONLY,
    HAN,
    TITLE_SEP,
    key,
    original_span,
    parse_date,
    strip_line,
    unmark,
)
from .lines import NAV_WORDS
from .meta import DOC_TYPES, account, is_own_date, org_like
from .rules import BYLINE, DATE_LINE, FURNITURE, NAV_BAR, SECTION_LABEL, SITE_NAME, TITLE
from .settings import (
    ACCOUNT_NAME_MIN,
    BYLINE_MAX,
    COLON_TITLE_MAX,
    COLON_TITLE_MIN_HAN,
    FURNITURE_LINE_MAX,
    NAV_ITEM_MAX,
    SECTION_LABEL_MAX,
    SITE_PART_MAX,
    SPLIT_TITLE_MIN,
    TITLE_MAX,
    TITLE_MIN,
    TITLE_MIN_HAN,
    TITLE_SENTENCE_MIN,
    TITLE_TAIL_MAX,
)
from .state import Page
from .structure import SENTENCE_END

_REPORTED = re.compile(
    r"(^|\s|讯)(本报|特约|实习)?记者\s*[\u4e00-\u9fff·]{2,4}([\s、,]+[\u4e00-\u9fff·]{2,4})*$"
    r"|^[\u4e00-\u9fff·]{2,4}\s*/\s*(综合|编译|特稿)?(报导|报道|撰稿)$"
)
"""A reporter's byline (a key): "记者 王明", "本报讯 记者 王明", "杨智家/综合报导" (NFKC makes "／"
a "/"); not an outlet's credit ("联合新闻网/综合报导": more than a name's four characters)."""

_TITLE_FIELD = re.compile(r"^(?:标题|标 题|题目|例稿名称|公告名称|文件名称)\s*[:：]\s*(.+)$")


_DOC_NUMBER = re.compile(r"[〔\[(（【]\s*\d{4}\s*[〕\])）】]\s*\d+\s*号$")
"""A document number: 国科发政〔2019〕313号."""


def title_like(s: str) -> bool:
    return (
        TITLE_MIN <= len(s) <= TITLE_MAX
        and len(HAN.findall(s)) >= TITLE_MIN_HAN  # a Chinese document's title is in Chinese
        and not s.endswith(("。", "：", ":", "，", ",", "；", ";"))
        and "。" not in s  # a sentence (a photo caption), not a title
        # a sentence, not a title; a question is a Q&A page's title however long
        and not (len(s) >= TITLE_SENTENCE_MIN and ("，" in s or "," in s) and not s.endswith(("?", "？")))
        and not _DOC_NUMBER.search(s)
        and not org_like(s)
        and s.lower() not in NAV_WORDS
    )


_SITE_PREFIX = re.compile(r"^([^\s—\-]{2,12})\s*(?:—{1,2}|-{1,2}|－)\s*(\S.*)$")


@dataclass(frozen=True, slots=True)
class Candidate:
    index: int
    title: str
    tag: str
    site: str


def title_parts(line: str, index: int = -1) -> Candidate:
    """A header line as a title: the 【tag】 before it and the site name after it removed."""
    s = strip_line(line)
    s = unmark(s)
    tag = ""
    m = re.match(r"^[【\[]([^】\]]{1,20})[】\]]\s*", s)
    if m:
        tag, s = m.group(1), s[m.end() :]
    site = ""
    m = _SITE_PREFIX.match(s)
    if m and org_like(key(m.group(1))) and len(m.group(2)) >= 6:
        site, s = m.group(1), m.group(2)  # "科学网—青年科研人员如何…"
    parts = [p for p in (strip_line(x) for x in TITLE_SEP.split(s)) if p]
    # "标题_站点" or "标题 - 栏目 - 站点": the title is the first part, the site the last.
    if len(parts) >= 2 and len(parts[0]) >= TITLE_MIN and 2 <= len(parts[-1]) <= SITE_PART_MAX:
        s, site = parts[0], parts[-1]
    return Candidate(index=index, title=strip_line(s), tag=strip_line(tag), site=strip_line(site))


def choose_title(
    cands: list[Candidate], lines: list[str], meta_line: int | None, after: int = -1
) -> tuple[str, set[int]]:
    """The title, and the header line indexes that hold it; ``after``: the last navigation
    line of the header (a title-like line above it is the site's name)."""
    if not cands:
        return "", set()
    counts: dict[str, int] = {}
    for c in cands:
        counts[tkey(c.title)] = counts.get(tkey(c.title), 0) + 1
    repeated = [c for c in cands if counts[tkey(c.title)] > 1 and title_like(key(c.title))]
    first: Candidate | None = None
    used: set[int] = set()
    if repeated:
        best = max(repeated, key=lambda c: (counts[tkey(c.title)], -c.index))
        used = {c.index for c in cands if tkey(c.title) == tkey(best.title)}
        first = next(c for c in cands if c.index in used)
    elif meta_line is not None:
        # The title sits next to the metadata line ("发布时间：…"): just above it, else below.
        above = [c for c in cands if c.index < meta_line]
        below = [c for c in cands if c.index > meta_line]
        near = [c for c in above[-2:] if title_like(key(c.title))]
        if near:
            first = near[-1]
        elif below and title_like(key(below[0].title)):
            first = below[0]
    if first is None:
        likely = [c for c in cands if title_like(key(c.title))]
        first = next((c for c in likely if c.index > after), likely[0] if likely else None)
    if first is None:
        return "", set()
    # A title broken after its colon: "中国科学院发布《…》报告：" / "我国在…中表现活跃".
    before = [c for c in cands if c.index < first.index]
    if before and first.index not in used - {first.index}:
        prev = before[-1]
        gap = range(prev.index + 1, first.index)
        if (
            not any(strip_line(lines[i]) for i in gap)
            and prev.title.endswith(("：", ":"))
            and len(prev.title) <= COLON_TITLE_MAX
            and len(HAN.findall(prev.title)) >= COLON_TITLE_MIN_HAN
        ):
            title = prev.title + first.title
            return title, {prev.index, first.index} | used
    # A title split over two lines: "2019年…市科委" / "工作情况报告".
    title, used = first.title, used | {first.index}
    later = [c for c in cands if c.index > first.index and c.index not in used]
    for nxt in later[:1]:
        between = range(first.index + 1, nxt.index)
        if any(strip_line(lines[i]) and i not in used for i in between):
            break
        if (
            len(nxt.title) <= TITLE_TAIL_MAX
            and (len(nxt.title) >= TITLE_MIN or title.endswith(("的", "和", "与", "及", "暨", "、")))
            and not nxt.title.startswith(("—", "-", "－"))
            and not re.search(r"\d", nxt.title)  # "工作情况报告", not a second title "2020年科技工作报告"
            and not title.endswith(DOC_TYPES)
            and nxt.title.endswith(DOC_TYPES)
            and not any(c in title + nxt.title for c in SENTENCE_END + "，,")
            and title_parts(title + nxt.title).title == title + nxt.title
        ):
            title, used = title + nxt.title, used | {nxt.index}
    return title, used


def tkey(title: str) -> str:
    """A title as compared with its repeats: :func:`key` without spaces."""
    return re.sub(r"\s+", "", key(title))


def holds_title(s: str, title_key: str) -> bool:
    """Does header line ``s`` (a key) hold ``title_key`` (whole, with a tag or site name)?"""
    if not s or not title_key:
        return False
    if tkey(s) == tkey(title_key) or tkey(title_parts(s).title) == tkey(title_key):
        return True
    # "站名-栏目-标题": the site's name first, the title last.
    parts = [p for p in (strip_line(x) for x in TITLE_SEP.split(s)) if p]
    return len(parts) >= 2 and tkey(parts[-1]) == tkey(title_key)


_SITE_COLUMN = re.compile(r"(.{2,20}?)\s*(新闻公报|新闻稿|新闻发布|信息公开|政务公开)")


PROSE_MIN = 10
"""A line of text, not a label or a menu item, has this many characters and a clause mark."""


def is_prose(s: str) -> bool:
    """A line of text ``s`` (a key), not a label or a menu item: see :data:`PROSE_MIN`."""
    return len(s) >= PROSE_MIN and re.search(r"[，,。；;：:]", s) is not None


def header_title(page: Page) -> None:
    """The title, and the header lines that are not body: section labels, navigation items,
    site names; a date line kept as body ("（2021年1月12日）") gives the date if nothing did."""
    dropped, ks = page.dropped, page.ks
    cands: list[Candidate] = []
    split = _split_title(page)
    # A <pre>'s line that repeats a line above it, below the text's first paragraph ("git stash
    # pop" in a note of that title), is code, no header line; a notice typed into a <pre> opens
    # with its title.
    repeated, above, prose = set(), set(), False
    for i in range(page.body_start):
        if i in page.pre and prose and ks[i] in above:
            repeated.add(i)  # below the text that the title heads, not at a typed notice's head
        elif i not in page.pre:
            above.add(ks[i])
            prose = prose or (page.rules[i] is None and i not in dropped and is_prose(ks[i]))
    for i in range(page.body_start):
        if i in dropped or not ks[i] or i in repeated:
            continue
        s = ks[i]
        if split and i in split:
            cands.append(title_parts(page.lines[i], i))
        elif page.crumbs and s == page.crumbs[-1] and len(page.crumbs) >= 2 and len(s) <= SECTION_LABEL_MAX:
            dropped[i] = SECTION_LABEL
        elif page.source and s == key(page.source):
            dropped[i] = SITE_NAME
        elif s.lower() in NAV_WORDS:
            dropped[i] = NAV_BAR
        elif COLUMN_NAME.fullmatch(s):
            dropped[i] = SECTION_LABEL  # "工作动态", "新闻公报"
        elif (m := re.fullmatch(r"(.{2,24}?)\s*[·•|｜]\s*[\u4e00-\u9fff]{2,12}", s)) and org_like(m.group(1)):
            dropped[i] = SITE_NAME  # "中关村科学城管委会 · 创新政策速递": an organisation and its column
            page.site_name = page.site_name or strip_line(page.lines[i])
        elif s.endswith("文件") and org_like(s[:-2].strip()):
            dropped[i] = SITE_NAME  # an official document's masthead: "科技部办公厅文件"
        elif (m := _SITE_COLUMN.fullmatch(s)) and org_like(m.group(1).strip()):
            dropped[i] = SITE_NAME  # "香港特别行政区政府 新闻公报", "香港特别行政区政府新闻公报"
            page.site_name = page.site_name or strip_line(page.lines[i])
        else:
            m = _TITLE_FIELD.match(s)
            cands.append(title_parts(original_span(page.lines[i], m.group(1)) if m else page.lines[i], i))
    page.date = page.date or next((parse_date(ks[c.index]) for c in cands if is_own_date(ks[c.index])), "")

    meta_title = strip_line(page.doc.meta.title)
    # The markup's title, when a line of the page says it whole, is a title even if it reads like
    # a sentence ("…耳机 Bud Air7 Pro，支持 32 种语言翻译！"): a headline with a comma.
    # So is a short one a line of the text says ("夜雨", a poem's <h1>).
    said = bool(meta_title) and (
        any(key(d.text) == key(meta_title) for d in page.doc.dropped if d.line > 0)
        or any(k == key(meta_title) for k, n in zip(ks, page.numbers, strict=True) if n != 0)
    )
    if split:
        # A title the dump split over two lines, whole on another line ("<title>"):
        # "《…若干措施》" / "政策解读" and "《…若干措施》政策解读 | 浙江省经济和信息化厅".
        # A page's markup that names one line alone (an HTML headline printed as a main and a
        # lower heading, or as a kicker and the headline) keeps that: the other is its deck.
        a, b = split
        joined = strip_line(page.lines[a]) + strip_line(page.lines[b])
        page.title = meta_title if meta_title and key(meta_title) in (ks[a], ks[b]) else joined
        page.title_lines = {a, b} | {c.index for c in cands if holds_title(ks[c.index], key(joined))}
    elif (
        meta_title
        and (said or title_like(key(meta_title)))
        and (headline := _headline(page, cands, meta_title)) is None
    ):
        page.title = meta_title
        page.title_lines = {c.index for c in cands if holds_title(ks[c.index], key(meta_title))}
    elif meta_title and title_like(key(meta_title)) and headline is not None:
        # The markup's title is not on the page (a <title> naming only the site): the headline
        # is the title-like line just above the metadata line.
        page.title, page.title_lines = strip_line(headline.title), {headline.index}
    else:
        shown = [line if i not in dropped else "" for i, line in enumerate(page.lines)]
        nav = [i for i in range(page.body_start) if (r := dropped.get(i)) is not None and r.navigation]
        page.title, page.title_lines = choose_title(cands, shown, page.meta_line, max(nav, default=-1))
        page.title = page.title or meta_title
        # Every other header line that holds it ("站名 - 栏目 - 标题" as well as "标题_站名").
        page.title_lines |= {c.index for c in cands if page.title and holds_title(ks[c.index], key(page.title))}
    # "李晓东：科研评价改革的…" with "李晓东" on a line of its own: the author, not the title.
    m = re.match(r"^([\u4e00-\u9fff·]{2,4})\s*[:：]\s*(\S.{5,})$", page.title)
    if m:
        alone = [i for i in range(page.body_start) if ks[i] == key(m.group(1)) and i not in dropped]
        if alone:
            page.title = m.group(2)
            for i in alone:
                dropped[i] = BYLINE
    # Lines above the title (the <title> aside) are the page's furniture, as are lines above
    # the article's breadcrumb or metadata line when the title is not in the text.
    markers = [i for i in range(page.body_start) if (r := dropped.get(i)) is not None and r.opens_article]
    first_title = min((i for i in page.title_lines if page.numbers[i] != 0), default=max(markers, default=-1))
    has_nav = any((r := dropped.get(i)) is not None and r.navigation for i in range(page.body_start))
    sites = {key(c.site) for c in cands if c.site}
    for c in cands:
        s = ks[c.index]
        if c.index in page.title_lines:
            dropped[c.index] = TITLE
            page.site_source = page.site_source or c.tag or c.site
            page.site_name = page.site_name or c.site
        elif s in sites or (c.index < first_title and org_like(s)):
            dropped[c.index] = SITE_NAME
            page.site_name = page.site_name or strip_line(page.lines[c.index])
        elif page.doc.meta.format == "html" and page.numbers[c.index] == 0:
            dropped[c.index] = SITE_NAME  # a <title> that is not the document's title
        elif c.index < first_title and has_nav and len(s) <= NAV_ITEM_MAX and not re.search(r"[。，,；;：:！？]", s):
            dropped[c.index] = NAV_BAR  # a menu item the nav-word list does not know
    _between_titles(page)
    _date_below_title(page)


def _headline(page: Page, cands: list[Candidate], meta_title: str) -> Candidate | None:
    """The header's headline when the page shows the markup's title nowhere: a title-like line
    right above the metadata line (nothing between them), else None."""
    shown = [c for c in cands if page.numbers[c.index] != 0]  # not the <title> itself
    if page.meta_line is None or any(holds_title(page.ks[c.index], key(meta_title)) for c in shown):
        return None
    # Nor when a line the HTML reader left out says it (a headline outside the main text).
    if any(key(d.text) == key(meta_title) for d in page.doc.dropped if d.line > 0):
        return None
    above = [c for c in cands if c.index < page.meta_line]
    if not above or any(page.ks[i] and i not in page.dropped for i in range(above[-1].index + 1, page.meta_line)):
        return None
    line, meta = page.numbers[above[-1].index], page.numbers[page.meta_line]
    # Right above it on the page too, not only among the lines the reader kept.
    return above[-1] if title_like(key(above[-1].title)) and line != 0 and meta - line <= 2 else None


def _date_below_title(page: Page) -> None:
    """A bare date just below the title ("2023年11月3日") is the page's date stamp; a date in
    brackets there is the document's own ("（2021年1月12日）", a speech's date) and stays."""
    if not page.title_lines:
        return
    after = max(page.title_lines)
    nxt = next((i for i in range(after + 1, page.body_start) if page.ks[i] and i not in page.dropped), None)
    if nxt is None or not any(page.ks[i] and i not in page.dropped for i in range(nxt + 1, len(page.lines))):
        return  # nothing after it: the document's own date line, as a signature's
    s = page.ks[nxt]
    if (DATE_ONLY.match(s) or CN_DATE.fullmatch(s)) and not s.startswith(("(", "（", "[", "【")):
        page.dropped[nxt] = DATE_LINE
        page.date = page.date or parse_date(s)


def _split_title(page: Page) -> tuple[int, int] | None:
    """Two adjacent header lines that together are the title part of another header line."""
    shown = [i for i in range(page.body_start) if page.ks[i] and i not in page.dropped]
    whole = {tkey(title_parts(page.lines[i]).title) for i in shown}
    for a, b in pairwise(shown):
        joined = tkey(page.ks[a] + page.ks[b])
        adjacent = not any(page.ks[j] for j in range(a + 1, b))  # only blank lines between
        if adjacent and joined in whole and len(joined) >= SPLIT_TITLE_MIN and title_like(page.ks[a] + page.ks[b]):
            return a, b
    return None


def _between_titles(page: Page) -> None:
    """Header lines that are the page's furniture: lines between two copies of the title
    (the ``<title>`` line of a dump and the article's heading), and a short name between the
    title and the metadata lines (the author's or the account's)."""
    dropped, ks = page.dropped, page.ks
    copies = sorted(i for i in page.title_lines if page.numbers[i] != 0)
    if len(copies) >= 2:
        for i in range(copies[0] + 1, copies[-1]):
            if i not in dropped and ks[i] and i not in page.title_lines:
                dropped[i] = FURNITURE
    # A text dump's article starts with its title: short lines above it are the site's
    # ("欢迎访问…", a slogan, a column name), when the title is sure (repeated, or next to
    # the metadata line).
    sure = len(copies) >= 2 or (page.meta_line is not None and copies and copies[-1] < page.meta_line)
    if page.doc.meta.format == "text" and copies and sure:
        for i in range(copies[0]):
            if (
                i not in dropped
                and ks[i]
                and len(ks[i]) <= FURNITURE_LINE_MAX
                and not any(c in ks[i] for c in "。！？")
            ):
                dropped[i] = FURNITURE
    # One or two short lines (a name, the author's one-line bio) below the title, just above
    # the metadata or counters.
    shown = [i for i in range(page.body_start) if ks[i]]
    first = min(page.title_lines, default=page.body_start)

    def short(j: int) -> bool:
        return (
            j > first
            and j not in dropped
            and len(ks[j]) <= BYLINE_MAX
            and not re.search(r"[\d。，,；;：:！？、（）()—《》]", ks[j])
        )

    for k in range(len(shown) - 1):
        i, nxt = shown[k], shown[k + 1]
        if not short(i) or (below := dropped.get(nxt)) is None or not below.below_title:
            continue
        run = [shown[k - 1], i] if k > 0 and short(shown[k - 1]) else [i]
        for j in run:
            dropped[j] = BYLINE
        name = unmark(strip_line(page.lines[run[0]]))  # a list's mark ("• 杨智家／综合报导") is no part of it
        if _REPORTED.search(key(name)):
            continue  # a reporter's line ("杨智家/综合报导", "记者 王明"), no outlet
        if len(name) >= ACCOUNT_NAME_MIN or org_like(key(name)):  # an account or outlet, not a reporter's name
            page.account = page.account or account(name)
