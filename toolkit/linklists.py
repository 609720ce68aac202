"""Lists of links around an article: recommended and related stories, headline lists, hot
lists, navigation, and the teasers and timestamps between their links.

A portal page around a short article (a one-paragraph news item, a video's one-line
description, a photo story) holds far more text in its lists than in the article, and a
main-text extractor handed such a page keeps the lists. The lists have a shape the article
lacks: line after line of link text, with at most a short teaser, a source or a time
("香港经济日报 · 3小时前", "02:15", "评论 12") between two links. The article's paragraphs are
text, not links, and they follow the headline.

A **link line** is a visible line whose characters are mostly link text (inside ``<a>``). A
story's link is a link line whose links are headline-long (a bar of short links, "首页 新闻",
is navigation); a headline-long line that is no link but has its time on the next line, or
after its teaser, is a story too. A **list** is a run of main-text lines from a story to a
story with at least :data:`LIST_MIN_LINKS` stories (or two in a row between two paragraphs: related
stories set into the article), where between two of them lie at most
:data:`GAP_LINES` other lines, at most one of them a sentence (a teaser) no longer than
:data:`TEASER_MAX`; the lines just after its last story go with it (the last item's source,
time, teaser), and so does a heading just above it ("相关视频"). The **article block** is never
part of a list: the headline's line, the lines below it down to its first sentence, and the
lines after that until the next link line; nor are a notice's 附件 links.

:func:`around_article` is the HTML reader's pass: it takes the lists out of the main text
(rule :data:`LINK_LIST`), puts the article block back when the extractor took a list or the
comments for the article (:func:`missed_article`), takes out the lines above the headline
(:data:`ABOVE_HEADLINE`, :func:`far_above`) and markup shown as text (:data:`MARKUP_TEXT`), so
that ``toolkit clean --explain`` names each; :func:`date_below` reads the date from the
metadata strip under the headline.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import pairwise

from .htmlnotes import references
from .textmeta import is_metadata, key, line_date, parse_date, unmark

LINK_LIST = "link-list"
"""The rule name for the lines of a list of links (recommended stories and their teasers)."""
MARKUP_TEXT = "markup-text"
"""The rule name for visible lines that are HTML source shown as text."""
ABOVE_HEADLINE = "above-headline"
"""The rule name for main-text lines above the article's headline (navigation, a sidebar, a
cookie or language notice; see :func:`far_above`)."""
FAR_ABOVE = 20
"""Main-text lines above the headline with at least this many other lines between are not the
article's."""

LINK_SHARE = 0.5
"""A line is a link line when at least this share of its non-space characters is link text."""
LIST_MIN_LINKS = 3
"""A list has at least this many link lines."""
GAP_LINES = 4
"""Between two link lines of a list lie at most this many other lines (an item's teaser,
source, time, counts)."""
TEASER_MAX = 150
"""A sentence between two link lines is a teaser up to this long; a longer one is article."""
SENTENCE_MIN = 20
"""A line without links this long, or with a sentence mark, is a sentence."""
FEED_MIN = 3
"""A feed has at least this many stamped items (see :func:`stamped_feed`)."""
FEED_TEASER_LINES = 2
"""A feed item's teaser, after its link, is this many lines at most."""
TAIL_LINES = 3
"""Lines just after a list's last link that go with it (the last item's source, time, and its
teaser when most items have one)."""
HEADING_MAX = 12
"""A short line just above a list, without digits or sentence marks, is its heading up to this
long ("相关视频", "24小时热文" has digits but the line rules know it)."""
ITEM_LINK_MIN = 5
"""A story's link is this long at least, on average over a line's links (a bar of short links,
"首页 新闻 财经", is navigation, and joins a list only as a gap)."""
HEADLINE_MIN_CHARS = 6
HEADLINE_MAX_CHARS = 40
"""A story's title that is no link, in a headline list, is this long (from, to)."""
SHORT_ARTICLE = 400
"""An article block with at most this many characters of sentences is a short article."""
PORTAL_REST_MIN = 8
PORTAL_LINK_SHARE = 0.3
"""Below a short article, this many lines at least, this share of them link lines, are a portal's."""
PARAGRAPH_MIN = 40
"""A paragraph, not a teaser, is a text line this long at least."""
SIGNATURE_MAX = 20
"""A short line just after a notice's attachments (its signature: the body, the date) is this long."""
NEAR_SHARE = 0.7
"""A line holding the title, or held by it, is the headline when the shorter is this share of the longer."""
TAG_MAX = 8
"""A tag's link under the headline is this long at most."""
HEADLINE_LOOKAHEAD = 8
DATE_LINE_MAX = 60
"""A line below the headline that gives the date is at most this long (a metadata strip)."""
"""The article's first sentence is at most this many lines below its headline."""

_SPACE = re.compile(r"\s+")
_BLANK = re.compile(r"[\s\u200b\ufeff]+")
_SENTENCE_MARK = re.compile(r"[。！？!?；，]")
_HEADING_NOT = re.compile(r"[\d。！？!?；，,:：]")
_STAMP = re.compile(
    r"(\S{1,12}\s*[·|｜]?\s*)?(\d{1,2}\s*(秒|分钟|分鐘|小时|小時|天|日|周|週|个月|個月)前|\d{1,2}:\d{2}|"
    r"(\d{4}\s*[-/.]\s*)?\d{1,2}\s*[-/.]\s*\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?|"
    r"(\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}:\d{2}|昨天|前天|刚刚|剛剛)"
)
"""A line that is only a time, maybe after a source ("香港經濟日報 · 3小時前", "05-16 10:23"); not
a date written out alone ("2024年4月2日"), which under a name is a notice's signature."""
_AGO = re.compile(
    r"(.{0,30}?(?:\s|[·•|｜]))?\s*(\d{1,3}\s*(秒|分钟|分鐘|小时|小時|天|日|周|週|星期|个月|個月|年)前|昨天|昨日|前天|前日|刚刚|剛剛)"
    r"(\s*\d{1,2}:\d{2})?"
)
"""A feed item's source and how long ago it was posted ("東方日報 OrientalDaily·22 小時前",
"Yahoo財經·19 小時前"): a source of any words, which :data:`_STAMP` does not take."""
_POSTED = re.compile(
    r"(发表|發表|发布|發布|發佈|发佈|回复|回覆|回帖|更新|修改|编辑|編輯|评论|評論|发帖|發帖|张贴|張貼|回答|提问|提問|"
    r"创建|創建|留言)\s*(于|於|时间|時間)?\s*[:：]?$"
)
"""A post's label before its time ("发表于"), not a source."""
_TAG = re.compile(r"</?[a-z][a-z0-9]*(\s[^<>]*)?/?>|<!--")
_SENTENCE_END = re.compile(r"[。！？!?；;][」』”\"’）)]*$")
"""A sentence's end, maybe inside its closing quote ("…意義非凡地地方。」"): no headline's."""
_LIST_WORDS = re.compile(
    r"相关|相關|推荐|推薦|热|熱|更多|猜你|排行|榜|精彩|延伸|阅读|閱讀|视频|視頻|图集|圖集|专题|專題|最新|其他|其它|大家都在"
)
_ATTACHMENT = re.compile(r"^\W{0,2}(附件|附表|附:|附：)")
_ADDRESS = re.compile(
    r"https?://|www\.|[\w.-]+@[\w-]+\.[\w.]+|\.(docx?|xlsx?|pdf|pptx?|wps|et|zip|rar|7z|txt|csv|ofd)\s*$", re.I
)
"""A link's text that is an address or a file: no story's headline."""
_DOCUMENT = re.compile(r"\d{0,2}[.、]?\s*《[^《》]+》")
"""A link's text that names a document ("《益阳市科技创新项目管理办法》", "1.《…》"): the article's own."""
_DAY = re.compile(r"\d{1,2}")
_YEAR_MONTH = re.compile(r"(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*月?")
_TAG_LABEL = re.compile(r"(热门|热词|热搜|热点|热门话题|标签|话题|关键词|专题|tags?|topics?)\s*[:：]?\s", re.IGNORECASE)
NUMBERED = re.compile(r"^\W{0,2}(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．)）]")
"""A numbered line's head ("一、", "3.", "2）"): an attachment's, a section's."""


def _length(line: str) -> int:
    return len(_SPACE.sub("", line))


def link_lines(lines: list[str], link_chars: list[int]) -> list[bool]:
    """Per line: is it mostly link text?"""
    return [n > 0 and n >= LINK_SHARE * max(1, _length(line)) for line, n in zip(lines, link_chars, strict=True)]


def _metadata(line: str) -> bool:
    """A metadata line under the headline ("2015-07-03 09:50:46　来源: 华尔街见闻"), no sentence."""
    return is_metadata(unmark(key(line)))


def _text(lines: list[str], linked: list[bool], i: int) -> bool:
    """Is line ``i`` a sentence of text: no link line, no metadata line?"""
    return not linked[i] and _sentence(lines[i]) and not _metadata(lines[i])


def _sentence(line: str) -> bool:
    return _length(line) >= SENTENCE_MIN or _SENTENCE_MARK.search(line) is not None


def article_block(
    lines: list[str], linked: list[bool], headline: int | None, stops: frozenset[int] = frozenset()
) -> range:
    """The headline's line and the article's lines below it: down to its first sentence, then
    until the next link line (or one of ``stops``). Empty when no headline was found."""
    head = article_head(lines, linked, headline)
    if len(head) < 2:
        return head
    end = next((i for i in range(head.stop - 1, len(lines)) if linked[i] or i in stops), len(lines))
    return range(head.start, end)


def article_head(lines: list[str], linked: list[bool], headline: int | None) -> range:
    """The headline's line down to the article's first sentence (the metadata lines between);
    the headline alone when no sentence follows it closely; empty when there is no headline."""
    if headline is None:
        return range(0)
    below = range(headline + 1, min(len(lines), headline + 1 + HEADLINE_LOOKAHEAD))
    first = next((i for i in below if _text(lines, linked, i) and lines[i] != lines[headline]), None)
    return range(headline, headline + 1 if first is None else first + 1)


def missed_article(lines: list[str], linked: list[bool], main: list[bool], headline: int | None) -> list[int]:
    """The article block's lines, other than link lines, when the main text holds none of its
    sentences and less text than they do (the extractor took a list of stories, a login box
    or the comments for the article: a short article is shorter than either, and once the
    lists are out, the rest is short too); else none. ``main`` is without the lists."""
    block = article_block(lines, linked, headline)
    sentences = [i for i in block[1:] if _text(lines, linked, i) and lines[i] != lines[headline or 0]]
    if not sentences or any(main[i] for i in sentences):
        return []
    elsewhere = sum(_length(lines[i]) for i in range(len(lines)) if main[i] and _text(lines, linked, i))
    if elsewhere >= sum(_length(lines[i]) for i in sentences):
        return []
    return [i for i in block if not linked[i]]


def markup_lines(lines: list[str]) -> list[int]:
    """Visible lines that are HTML source shown as text (a widget's template in a
    ``<textarea>``, escaped markup): two tags or more."""
    return [i for i, line in enumerate(lines) if "<" in line and len(_TAG.findall(line)) >= 2]


def date_below(lines: list[str], headline: int | None) -> str:
    """The date on a short line just below the headline, above the article's first sentence
    (its metadata line: "2024年03月20日 09:12　新华网"), as ISO; else "". A listed story's date
    or the footer's year is never there."""
    if headline is None:
        return ""
    for i in range(headline + 1, min(len(lines), headline + 1 + HEADLINE_LOOKAHEAD)):
        if _length(lines[i]) <= DATE_LINE_MAX and (date := line_date(key(lines[i]), roc=True)[1]):
            return date
        if _sentence(lines[i]) and not _metadata(lines[i]) and _SENTENCE_MARK.search(lines[i]):
            return ""  # the article has begun
    return ""


def date_box(lines: list[str], main: list[bool]) -> str:
    """The date of a calendar-style date box in the main text: a day alone on its line beside
    its month and year ("21" / "2024年02月"), the first such pair above the text's first
    sentence (below it, a month and a figure are the article's data: "2024年02月" / "15"); else ""."""
    shown = [i for i, m in enumerate(main) if m]
    first = next((k for k, i in enumerate(shown) if _SENTENCE_MARK.search(lines[i]) and _sentence(lines[i])), None)
    for a, b in pairwise(shown[:first]):
        for day, month in ((lines[a], lines[b]), (lines[b], lines[a])):
            d, m = _DAY.fullmatch(day.strip()), _YEAR_MONTH.fullmatch(key(month))
            if d and m and 1 <= int(d.group()) <= 31 and 1 <= int(m.group(2)) <= 12:
                return f"{m.group(1)}-{int(m.group(2)):02d}-{int(d.group()):02d}"
    return ""


_ISSUES = re.compile(
    r"现予(公布|发布|印发)|予以(公布|发布|印发)|印发给你们|现(将|把).{0,60}(印发|发布|公布)|现公布|现发布"
)
"""How an order or a notice issues the document under it."""


def far_above(lines: list[str], linked: list[bool], main: list[bool], headline: int | None, sure: bool) -> list[int]:
    """Main-text lines above the headline: none of them is the article (a deck line above the
    title is not body either; metadata among them still counts, as for lines outside the main
    text). All of them when the headline is ``sure`` (the page's own title matched it) and they
    hold less text than the lines from the headline down; else those with at least
    :data:`FAR_ABOVE` lines outside the main text between them and it (a cookie or language
    notice), when they hold less text (less than twice as much, when ``sure``). None when a line
    above names the headline as a document (《…》) and issues it: that is the cover, an order's
    "《关于废止…的决定》已经…审议通过，现予公布" above the decision (not a site's news ticker
    that names the law)."""
    if headline is None:
        return []
    named = "《" + re.sub(r"\s+", "", lines[headline]).strip("《》") + "》"
    if any(named in (s := re.sub(r"\s+", "", lines[j])) and _ISSUES.search(s) for j in range(headline) if main[j]):
        return []
    below = _text_length(lines, linked, [j for j in range(headline, len(lines)) if main[j]])
    # A date stamp right above the headline stays for the header's passes ("2023年5月18日 18時45分").
    stamp = headline
    while stamp > 0 and headline - stamp < 2 and main[stamp - 1] and _length(lines[stamp - 1]) <= DATE_LINE_MAX:
        if not parse_date(key(lines[stamp - 1]), roc=True):
            break
        stamp -= 1
    above = [j for j in range(stamp) if main[j]]
    if sure and _text_length(lines, linked, above) < below:
        return above
    gap = 0
    for i in range(headline - 1, -1, -1):
        gap = 0 if main[i] else gap + 1
        if gap >= FAR_ABOVE:
            above = [j for j in range(i) if main[j]]
            return above if _text_length(lines, linked, above) < (2 * below if sure else below) else []
    return []


def _text_length(lines: list[str], linked: list[bool], at: list[int]) -> int:
    """How much text, not links, the lines ``at`` hold."""
    return sum(_length(lines[j]) for j in at if not linked[j])


def link_lists(
    lines: list[str],
    link_chars: list[int],
    link_counts: list[int],
    main: list[bool],
    headline: int | None = None,
    code: Collection[int] = (),
) -> set[int]:
    """Indexes of the main-text lines that are part of a list of links (see the module's
    docstring); ``headline`` is the index of the article's headline line, when known. Lines
    outside the main text neither join nor part a list: a list ends where the main text does."""
    linked = link_lines(lines, link_chars)
    # A code block's lines are no list's (a command's dated output under a tutorial's steps).
    skip = set(code)
    kept = [i for i in range(len(lines)) if main[i] and i not in skip]
    # A headline list whose titles are not links (a script opens them): a headline-long line
    # with no sentence's end, its time or source and time on the next line ("3小時前"), or on
    # the line after its teaser. The article's block ends at the first such title too.
    unlinked: set[int] = set()
    for at, i in enumerate(kept):
        if linked[i] or i == headline or not _headline_like(lines[i]):
            continue
        after = kept[at + 1 : at + 3]
        if any(_STAMP.fullmatch(lines[j].strip()) for j in after[:1]) or (
            len(after) == 2 and _length(lines[after[0]]) <= TEASER_MAX and _STAMP.fullmatch(lines[after[1]].strip())
        ):
            unlinked.add(i)
    own = _own_lines(lines, linked, article_block(lines, linked, headline, frozenset(unlinked)))
    # A story's link: link text as long as a headline, not a bar of short links (首页 新闻 …).
    story = [
        i not in own and (i in unlinked or (linked[i] and link_chars[i] >= ITEM_LINK_MIN * max(1, link_counts[i])))
        for i in range(len(lines))
    ]
    found: set[int] = set()
    run: list[int] = []  # positions in ``kept`` of the current list's story links

    def inset() -> bool:
        """Two story links in a row set between two paragraphs: related stories inserted
        into the article ("鸡蛋较春节后淡季少百万颗…" between its first and second paragraph)."""
        if len(run) != 2 or run[1] != run[0] + 1 or run[0] == 0 or run[1] + 1 >= len(kept):
            return False
        if any(_ADDRESS.search(lines[kept[k]]) or _DOCUMENT.fullmatch(lines[kept[k]].strip()) for k in run):
            return False  # the article's own addresses and files ("网上报名：https://…", "申报书.docx", "《…办法》")
        return all(_paragraph(lines, linked, kept[k]) for k in (run[0] - 1, run[1] + 1))

    def close() -> None:
        if inset():
            found.update(kept[k] for k in run)
        elif len(run) >= LIST_MIN_LINKS:
            found.update(kept[run[0] : run[-1] + 1])
            # The last item's teaser, when most items have one, and its source and time.
            gaps = [kept[a + 1 : b] for a, b in pairwise(run)]
            teaser = 2 * sum(any(_text(lines, linked, j) for j in gap) for gap in gaps) >= len(gaps)
            for k in kept[run[-1] + 1 : run[-1] + 1 + TAIL_LINES]:
                if linked[k] or k in own:
                    break
                if _sentence(lines[k]):
                    if not teaser or _length(lines[k]) > TEASER_MAX:
                        break
                    teaser = False
                found.add(k)
            above = kept[run[0] - 1] if run[0] > 0 else None
            if above is not None and above != headline and _list_heading(lines, linked, above, above in own):
                found.add(above)
        run.clear()

    for at, i in enumerate(kept):
        if not story[i]:
            continue
        if run and not _joins(lines, linked, own, kept[run[-1] + 1 : at]):
            close()
        run.append(at)
    close()
    head = set(article_head(lines, linked, headline)) | attachment_lines(lines, linked)
    return found | {i for i in stamped_feed(lines, linked, story, head, main) if main[i]}


def _stamped(line: str) -> bool:
    """A feed item's source and how long ago ("法新社·2 天前"): a source, not a post's label
    ("发表于 3 天前" under a forum post's author), and a relative time, not a clock time (a live
    report's "10:40" over each entry)."""
    s = line.strip()
    m = _AGO.fullmatch(s) if _length(s) <= DATE_LINE_MAX else None
    return m is not None and bool(source := (m.group(1) or "").strip(" ·•|｜")) and not _POSTED.search(source)


def stamped_feed(lines: list[str], linked: list[bool], story: list[bool], own: set[int], main: list[bool]) -> set[int]:
    """The lines of a feed's stamped items, read over the whole page, not only the main text:
    an item is a source and time line ("法新社·2 天前", "AASTOCKS·21 分鐘前") next to a story's
    link (``story``, per line), and, when most items have one, the teaser after the link, up to
    :data:`FEED_TEASER_LINES` lines of text of any length; a feed is :data:`FEED_MIN` items at
    least in a run that no sentence of the main text cuts (``main``: the article's text around
    an inline item or two), outside the article's own lines (``own``: its head, headline to
    first sentence, and a notice's attachments; not the whole block down to the next link,
    which a feed's first stamp ends), with the heading just above its first item ("其他人也在看").

    A portal's stream under a short item ("你可能還想看") interleaves its items with ads and
    gives a main-text extractor only some of its teasers, as paragraphs with nothing between:
    read in the main text alone, they are an article's. The stamps and links around each, in
    the whole page, say what they are."""
    items: list[tuple[set[int], list[int]]] = []  # (stamp and link, teaser lines)
    for s, line in enumerate(lines):
        if linked[s] or s in own or not _stamped(line):
            continue
        if s + 1 < len(lines) and story[s + 1]:
            item, start = {s, s + 1}, s + 2
        elif s > 0 and story[s - 1]:
            item, start = {s - 1, s}, s + 1
        else:
            continue
        teaser: list[int] = []
        for j in range(start, min(len(lines), start + FEED_TEASER_LINES)):
            if linked[j] or j in own or _stamped(lines[j]):
                break
            teaser.append(j)
        items.append((item, teaser))
    # Runs of items that no sentence of the main text cuts (the article's text around an inline one).
    runs: list[list[tuple[set[int], list[int]]]] = []
    for entry in items:
        if runs:
            last = runs[-1][-1]
            gap = range(max(*last[0], *last[1]) + 1, min(entry[0]))
            if not any(main[j] and _text(lines, linked, j) and _sentence(lines[j]) for j in gap):
                runs[-1].append(entry)
                continue
        runs.append([entry])
    found: set[int] = set()
    for run in runs:
        if len(run) < FEED_MIN:
            continue
        # The teasers, when most items have one, the last item's no longer than the others' (not
        # the article's paragraphs after an inline block).
        teasers = 2 * sum(bool(t) for _, t in run[:-1]) >= len(run) - 1
        longest = max((len(t) for _, t in run[:-1]), default=0)
        for k, (head, teaser) in enumerate(run):
            kept = teaser[:longest] if k == len(run) - 1 else teaser
            found |= head | (set(kept) if teasers else set())
        above = min(run[0][0]) - 1
        if above >= 0 and above not in own and _list_heading(lines, linked, above, False):
            found.add(above)
    return found - own


def _paragraph(lines: list[str], linked: list[bool], i: int) -> bool:
    """A text line of :data:`PARAGRAPH_MIN` characters at least with a sentence mark."""
    return (
        _text(lines, linked, i) and _length(lines[i]) >= PARAGRAPH_MIN and _SENTENCE_MARK.search(lines[i]) is not None
    )


def _headline_like(line: str) -> bool:
    return HEADLINE_MIN_CHARS <= _length(line) <= HEADLINE_MAX_CHARS and not _SENTENCE_END.search(line)


def _list_heading(lines: list[str], linked: list[bool], i: int, in_article: bool) -> bool:
    """Is line ``i``, just above a list, its heading ("相关视频", "热门图集", "更多相關新聞")? In
    the article's block (a caption may stand there), only when it says so."""
    line = lines[i]
    if linked[i] or _length(line) > HEADING_MAX or _HEADING_NOT.search(line) or _ATTACHMENT.match(line):
        return False
    return not in_article or _LIST_WORDS.search(line) is not None


def _own_lines(lines: list[str], linked: list[bool], article: range) -> set[int]:
    """The article's own lines, never part of a list: its block below the headline, and a
    document's attachments ("附件：1. 申报指南" and the numbered links after it)."""
    own = set(article)
    for i, line in enumerate(lines):
        if _ATTACHMENT.match(line):
            own.add(i)
            j = i + 1
            while j < len(lines) and linked[j] and NUMBERED.match(lines[j]):
                own.add(j)
                j += 1
    return own


def attachment_lines(lines: list[str], linked: list[bool]) -> set[int]:
    """A document's attachments: "附件：…" lines and the numbered links after them."""
    return _own_lines(lines, linked, range(0))


def _joins(lines: list[str], linked: list[bool], own: set[int], between: list[int]) -> bool:
    """Do the lines between two story links belong to one list (an item's teaser, source,
    time, a bar of short links)?"""
    if len(between) > GAP_LINES or any(j in own for j in between):
        return False
    sentences = [j for j in between if not linked[j] and _sentence(lines[j])]
    return len(sentences) <= 1 and all(_length(lines[j]) <= TEASER_MAX for j in sentences)


def around_article(
    visible: list[str],
    link_chars: list[int],
    link_counts: list[int],
    headings: list[tuple[str, str, int]],
    main: list[bool],
    title: str,
    code: Collection[int] = (),
) -> tuple[dict[int, str], int | None]:
    """The HTML reader's pass over its main text (``main``, changed in place): take the lists
    of links out, put the article's block under its headline back in when the extractor
    missed it, take out the lines above the headline and markup shown as text, unless nothing
    would be left. Returns the lines taken out, by rule name, and the headline's line
    (``headings``: tag, text and line of each ``<h1>``…``<h3>``; ``code``: lines of code)."""
    linked = link_lines(visible, link_chars)
    given = list(main)
    want = _bare(title) if title else None
    # The title's line; of several, the last above the main text (a banner may repeat it).
    found = [i for i, line in enumerate(visible) if _bare(line) == want and not linked[i] and i not in code]
    # Else a line that holds the title or that the title holds, nearly whole ("【獨家】标题"); never
    # a line of code ("git stash pop" in a note of that title).
    found = found or [
        i for i, line in enumerate(visible) if want and not linked[i] and i not in code and _near(_bare(line), want)
    ]
    first = next((i for i, m in enumerate(main) if m), 0)
    headline = max((i for i in found if i <= first), default=found[0] if found else None)
    sure = headline is not None
    if headline is None:
        h1 = (at for tag, _, at in headings if tag == "h1" and at < len(visible) and not linked[at])
        headline = next(h1, None)
    listed = link_lists(visible, link_chars, link_counts, main, headline, code) | tag_links(
        visible, linked, main, headline, link_counts
    )
    for i in listed:
        main[i] = False
    for i in missed_article(visible, linked, main, headline):
        main[i] = True
    if not any(main):  # the lists were all there was
        for i in listed:
            main[i] = True
        return {}, headline
    far = far_above(visible, linked, main, headline, sure)
    markup = [i for i in markup_lines(visible) if main[i]]
    rest = portal_rest(visible, linked, given, main, headline) if sure else []
    for i in far + markup + rest:
        main[i] = False
    notes = references(visible, listed | set(rest))  # a references list is the article's endnotes
    main[:] = [given[i] if i in notes else m for i, m in enumerate(main)]
    listed, rest = listed - notes, [i for i in rest if i not in notes]
    why = dict.fromkeys(sorted(listed), LINK_LIST) | dict.fromkeys(rest, LINK_LIST) | dict.fromkeys(far, ABOVE_HEADLINE)
    return why | dict.fromkeys(markup, MARKUP_TEXT), headline


def portal_rest(
    lines: list[str], linked: list[bool], given: list[bool], main: list[bool], headline: int | None
) -> list[int]:
    """A short article in a portal page: when the article's block under the headline holds at
    most :data:`SHORT_ARTICLE` characters of sentences, and what the extractor gave below it
    (``given``) is at least :data:`PORTAL_REST_MIN` lines, a :data:`PORTAL_LINK_SHARE` of them
    link lines, with no two paragraphs in a row (an article goes on in paragraphs; teasers,
    comments and cards are each cut by a link, a name, a time), every main-text line below the
    block is the portal's, not the article's, when the block ends at a list (two of the three
    lines after it are links); a notice's attachments and the short lines just after them (its
    signature) stay."""
    block = article_block(lines, linked, headline)
    if headline is None or not block:
        return []
    sentences = [i for i in block[1:] if _text(lines, linked, i) and lines[i] != lines[headline]]
    if (
        not any(_SENTENCE_MARK.search(lines[i]) for i in sentences)
        or sum(_length(lines[i]) for i in sentences) > SHORT_ARTICLE
    ):
        return []
    below = [i for i in range(block.stop, len(lines)) if given[i]]
    if sum(linked[i] for i in below[:3]) < 2:
        return []  # the block ended at a lone link (打印), not at a list
    if len(below) < PORTAL_REST_MIN or sum(linked[i] for i in below) < PORTAL_LINK_SHARE * len(below):
        return []
    paragraph = [not linked[i] and _length(lines[i]) >= PARAGRAPH_MIN and _text(lines, linked, i) for i in below]
    if any(a and b for a, b in pairwise(paragraph)):
        return []
    keep: set[int] = set()
    for i in _own_lines(lines, linked, range(0)):
        keep.update(j for j in range(i, min(len(lines), i + 4)) if j == i or _length(lines[j]) <= SIGNATURE_MAX)
    return [i for i in below if main[i] and i not in keep]


def tag_links(
    lines: list[str], linked: list[bool], main: list[bool], headline: int | None, link_counts: list[int] | None = None
) -> set[int]:
    """Between the headline and the article's first sentence, a run of at least
    :data:`LIST_MIN_LINKS` short links (a column's or topic's tags: "栏目关注：" 大众保健 女性保健 …)
    and the label just above them, or one line of that many short links after a label ("熱門
    消委會 派錢1萬 BNO 殺手 …", not the authors' names: ``link_counts``, per line, its links)."""
    if headline is None:
        return set()
    block = article_block(lines, linked, headline)
    first = next((i for i in block[1:] if _text(lines, linked, i) and lines[i] != lines[headline]), None)
    found: set[int] = set()
    run: list[int] = []
    for i in [*range(headline + 1, first if first is not None else headline + 1), -1]:
        if (
            i >= 0
            and link_counts
            and main[i]
            and linked[i]
            and link_counts[i] >= LIST_MIN_LINKS
            and _length(lines[i]) <= TAG_MAX * link_counts[i] + HEADING_MAX  # short links after a label
            and _TAG_LABEL.match(key(lines[i])) is not None
        ):
            found.add(i)
            continue
        if i >= 0 and main[i] and linked[i] and _length(lines[i]) <= TAG_MAX:
            run.append(i)
            continue
        if len(run) >= LIST_MIN_LINKS:
            found.update(run)
            label = run[0] - 1
            if label > headline and main[label] and lines[label].rstrip().endswith(("：", ":")):
                found.add(label)
        run = []
    return found


def _near(line: str, title: str) -> bool:
    """Is ``line`` the title with a little more or less ("【獨家】标题", "标题（图）")?"""
    short, long = sorted((line, title), key=len)
    return len(short) >= HEADLINE_MIN_CHARS and short in long and len(short) >= NEAR_SHARE * len(long)


def _bare(text: str) -> str:
    """Text without whitespace or "|", as the reader aligns lines."""
    return _BLANK.sub("", text).replace("|", "")
