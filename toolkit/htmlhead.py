"""The page's head: the lines between its headline and its text.

* :func:`below_heading`: the lines between the headline and the main text (authors, their
  affiliations, a subtitle, the metadata strip) are main text for the cleaner's line rules to
  judge, when there are few; of more, a lead the template sets apart (one paragraph just above
  the text, under a font-size bar the extractor took for a list);
* :func:`headline_above`: when the page never shows the markup's title, the headline and
  metadata line just above the main text;
* :func:`head_end`: where the head ends, for the date the page labels as its publication's
  (``textmeta.published_field``): not a comment's "发布于", nor a correction notice's
  "原公告发布时间", nor a quoted document's fields in the text.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .htmlalign import norm
from .htmltemplate import is_paragraph
from .textmeta import (
    BYLINE_PATTERN,
    DATE,
    FIELD_LABEL,
    FONT_WORDS,
    SHARE_TARGETS,
    STAMP_MAX,
    is_metadata,
    is_tool,
    key,
    toolbar_tokens,
    unmark,
)

_DASHED = re.compile(r"^\s*[—－-]")
"""A subtitle's dash ("——记全国优秀乡村医生…")."""
VALUE_MAX = 40
"""A field's value on the line under its label is this long at most."""
LABEL_MAX = 12
"""A label, a widget's or a bar's short line, is this long at most."""
_SENTENCE = re.compile(r"[。！？!?；;，,]")


def below_heading(
    visible: list[str], main: list[bool], title: str, linked: list[bool], code: Collection[int] = (), widest: int = 4
) -> list[bool]:
    """Lines between the title's heading and the main text (authors, their affiliations, a
    subtitle, the metadata strip) are main text for the cleaner's line rules to judge, when
    there are at most ``widest`` of them; of more, the one paragraph just above the main text
    when it opens with a paragraph and only links, metadata and labels lie above it (a lead the
    template sets apart, under a font-size bar the extractor took for a list)."""
    want = norm(title)
    said = [i for i, line in enumerate(visible) if norm(line) == want and i not in code]
    if not said:
        return main
    # Of several lines that say the title (a list of stories in a sidebar names the story too,
    # as a link, or unlinked as the one being read), the last that is no link down to the main
    # text's start; never a line of code.
    start = next((i for i, m in enumerate(main) if m), len(main))
    at = max((i for i in said if not linked[i] and i <= start), default=said[0])
    first = next((i for i in range(at + 1, len(main)) if main[i]), None)
    if first is None:
        return main
    out = list(main)
    if first - at - 1 <= widest:
        out[at + 1 : first] = [True] * (first - at - 1)
        return out
    if not is_paragraph(visible[first], linked[first]):
        return out  # the text does not go on from a lead (it opens with a heading)
    lead = first - 1
    # One paragraph, with only links, metadata and labels above it (a font-size bar, the date):
    # the first text under the headline, not a sidebar's bio of two, nor one below a notice.
    if (
        lead > at
        and is_paragraph(visible[lead], linked[lead])
        and all(linked[j] or _label(visible[j]) for j in range(at + 1, lead))
    ):
        out[lead] = True
    return out


def head_end(
    visible: list[str],
    main: list[bool],
    linked: list[bool],
    headline: int | None,
    headings: list[tuple[str, str, int]],
) -> int:
    """The line where the page's head ends: the text's first line below the headline that is
    no metadata line, no field's label alone ("发文机关") nor the value just under one, nor a
    subtitle (a heading that opens with a dash, "——记…", or stands right under the headline).
    Without a headline, the first paragraph."""
    if headline is None:
        return next((i for i, m in enumerate(main) if m and is_paragraph(visible[i], linked[i])), len(visible))
    subtitles = {at for tag, text, at in headings if tag != "h1" and (at == headline + 1 or _DASHED.match(text))}
    value = False  # the line after a label alone is its value
    for i in range(headline + 1, len(visible)):
        if not main[i]:
            continue
        s = unmark(key(visible[i]))
        if is_metadata(s) or i in subtitles or _bar(s):
            value = False
        elif FIELD_LABEL.fullmatch(s):
            value = True
        elif value and len(s) <= VALUE_MAX and not _SENTENCE.search(s):
            value = False
        else:
            return i
    return len(visible)


def _bar(s: str) -> bool:
    """A bar of the page's tools and empty fields ("文字大小： [ 大 中 小 ] 浏览次数：", its counter
    filled by a script)?"""
    tokens = toolbar_tokens(s)
    return any(is_tool(t) or t in FONT_WORDS for t in tokens) and all(
        is_tool(t) or t in FONT_WORDS or FIELD_LABEL.fullmatch(t) for t in tokens
    )


def _label(line: str) -> bool:
    """A metadata line, or a line that is no sentence and short or dated (a widget's "分类", a
    date and its tools)."""
    s = unmark(key(line))
    if _SENTENCE.search(s):
        return is_metadata(s)
    return len(s) <= LABEL_MAX or is_metadata(s) or DATE.search(s) is not None  # "2017-09-08 列印 文字大小"


def headline_above(visible: list[str], main: list[bool], title: str) -> list[bool]:
    """When the title found in the markup is not on the page (a ``<title>`` naming only the
    site), the headline and metadata line just above the main text ("徒手抓子弹真的存在吗？" /
    "来源：科普中国") are main text for the cleaner's header passes to judge."""
    want = norm(title)
    if any(norm(line) == want for line in visible):
        return main
    first = next((i for i, m in enumerate(main) if m), None)
    if first is None or first < 2:
        return main
    if not is_metadata(unmark(key(visible[first - 1]))) or is_metadata(unmark(key(visible[first - 2]))):
        return main
    out = list(main)
    out[first - 2 : first] = [True, True]
    return out


LAYOUT_LINES = 6
"""The headline a reader sees stands at most this many lines above the text's first line (a
metadata strip, a font-size bar and a share bar between), or at most this many lines into it."""
HEADLINE_CHARS = (4, 80)
"""A headline found by its place is this long (characters, spaces aside), at least and at most."""
BETWEEN_LINES = 3
"""Lines that may stand between a headline and its metadata line (bylines, the publisher's name,
one label or view count)."""
KICKER_CHARS = 8
"""A kicker (引题) over a headline is this long at most; a line over a subtitle, longer."""
MENU_WORDS, MENU_WORD_CHARS = 4, 4
"""A menu: this many words in a row at least, each this long at most."""
BYLINE_WORD_CHARS = 10
_BYLINE_WORD = re.compile(r"记者|通讯员|特约|撰文|作者|编辑|摄影|摄像")
_NO_HEADLINE = re.compile(r"[:：].*[:：]|\d{3,4}-\d{7,8}|(字体大小|字体|字号|文字大小)\s*[:：]")
"""Two fields, a phone number or a font-size bar ("新闻：0351-4281494 广告：…", "正文 字体大小：大 中 小")."""
_CUT_SHORT = re.compile(r"(\.{3}|…)$")
"""A link's text cut short ("【安徽阜阳一动物园2..."): a headline is printed whole."""
_LABELLED = re.compile(r"^([\w ]{1,8}?)\s*[:：]")
_LABELS = frozenset({"标签", "关键词", "关键字", "栏目", "类别", "专题", "tags", "tag"})
"""Labels of a post's fields under its headline that are no metadata ("标签： 工作 职业规划")."""
_WORDS = re.compile(r"[\u3400-\u9fff]|[A-Za-z]{2,}")
HEADLINE_WORDS = 3
"""A headline holds this many Han characters or Latin words at least (no "24-5-13 17:07")."""
_CRUMB = re.compile(r"[>＞»›]|\s/\s")
_NO_HEADLINE_END = ("：", ":", "，", ",", "；", ";", "、", "。", "正文")
"""A clause's end, or a label's ("日志正文", "文章正文": the body's, above it)."""
_TITLE_FIELD = re.compile(r"^(?:标\s*题|题\s*目|文件名称|公告名称|例稿名称)\s*[:：]\s*\S")
"""A document's title field: "标　　题：关于…的决定　 　发文机关：…", "例稿名稱：…公告"."""
_FIELDS_APART = re.compile(r"[\s\u3000]{2,}")
"""The space between two fields on one line (the title's value ends there)."""
_STOP = re.compile(r"[。；;]")
"""A sentence's end inside a line: no headline."""


def layout_headline(
    visible: list[str],
    main: list[bool],
    linked: list[bool],
    headings: list[tuple[str, str, int]],
    only_above: bool = False,
) -> str:
    """The headline a reader sees, found by its place, for a page whose markup names none (an
    empty ``<title>``, or one that names only the site): a document's "标题：" field in the
    page's head (above the text's first paragraph, not an entry form's "标题：自拟" in the
    text); else a line set just above a metadata line ("亚洲首艘…启运珠江口盆地" / "2024-05-12
    17:19 来源：新华网"; bylines, the publisher's name and one label, three lines at most, may
    stand between) near the text's first line, no field itself (a field table's "公文种类：命令" has
    fields above it), no publisher's name, no author's signature ("一华独秀/文"), or the line above it
    when that one is the headline and this its subtitle; else the page's heading nearest above
    the text; else, on a page without an ``<h1>`` or ``<h2>``, all this just above the text's
    first paragraph when that lies further down (``only_above``: only above it); "" when none is there."""
    start = next((i for i, m in enumerate(main) if m), None)
    if start is None:
        return ""
    lo, hi = max(0, start - LAYOUT_LINES), min(len(visible), start + LAYOUT_LINES)
    first = next((i for i in range(start, hi) if main[i] and is_paragraph(visible[i], linked[i])), hi)
    for i in range(max(0, start - 2 * LAYOUT_LINES), first):
        if _TITLE_FIELD.match(unmark(key(visible[i]))):
            value = _FIELDS_APART.split(re.split(r"[:：]", visible[i], maxsplit=1)[1].strip())[0]
            if len(norm(value)) >= HEADLINE_CHARS[0]:
                return value

    def meta(i: int) -> bool:  # a metadata line, or a short dated one ("作者 2015-06-19 11:20:11 0人参与")
        if not 0 <= i < len(visible):
            return False
        s = unmark(key(visible[i]))
        return is_metadata(s) or (len(s) <= STAMP_MAX and DATE.search(s) is not None)

    def dated_below(i: int) -> bool:  # a metadata line below; bylines, a publisher's name, one label between
        labels = 0
        for j in range(i + 1, min(len(visible), i + 1 + BETWEEN_LINES + 1)):
            if meta(j):
                return True
            if _byline(visible[j]) or _publisher(visible[j]):
                continue
            labels += 1
            # two labels: a bar of tools ("QQ空间" "复制链接"); a headline is no label (the menu above it is none)
            if labels > 1 or not _label(visible[j]) or _headline_shape(visible[j]):
                return False
        return False

    placed = [i for i in range(lo, start if only_above else hi) if _headline_shape(visible[i]) and dated_below(i)]
    # (not a list's last link over the headline's own dated line: "一张图看懂社融数据" in a sidebar)
    placed = [i for i in placed if not meta(i - 1) and not (i >= 2 and linked[i] and linked[i - 1] and linked[i - 2])]
    if placed:
        above = [i for i in placed if i < start]
        at = above[-1] if above else placed[0]
        return visible[_over_subtitle(visible, linked, at)].strip()
    heads = [text for _, text, at in headings if lo <= at <= start and _headline_shape(text)]
    if heads:
        return heads[-1].strip()
    # none near the main text's first line (a column of links the extractor took) and no headline
    # marked up as one: the headline near the text's first paragraph
    para = next((i for i in range(hi, len(visible)) if main[i] and is_paragraph(visible[i], linked[i])), None)
    if para is None or any(tag in ("h1", "h2") for tag, _, _ in headings):
        return ""
    return layout_headline(visible, [m and i >= para for i, m in enumerate(main)], linked, headings, only_above=True)


def _over_subtitle(visible: list[str], linked: list[bool], at: int) -> int:
    """Line ``at``, or the line above it when that is the headline and ``at`` its subtitle
    ("我市全面启动城镇老旧小区改造工程" / "今年计划改造小区126个 惠及居民4.3万户" / the date): a
    headline-shaped line, no link, no menu of short words, longer than a kicker ("聚焦乡村振兴"
    above a headline is its 引题); a deck that opens with a dash is always a subtitle."""
    up = at - 1
    if up < 0 or not _headline_shape(visible[up]) or linked[up] or _menu(visible[up]):
        return at
    if _DASHED.match(visible[at]) or len(norm(visible[up])) > KICKER_CHARS:
        return up
    return at


def _menu(line: str) -> bool:
    """Short words in a row ("首页 新闻 政务 公开"): a menu, no headline."""
    words = line.split()
    return len(words) >= MENU_WORDS and all(len(w) <= MENU_WORD_CHARS for w in words)


def _byline(line: str) -> bool:
    """A byline on its own line ("南方日报记者 黄晓明 通讯员 陈丽"): short words in a row, one of
    them a reporter's or an author's title."""
    words = line.split()
    return len(words) >= 2 and all(len(w) <= BYLINE_WORD_CHARS for w in words) and _BYLINE_WORD.search(line) is not None


_PUBLISHER = re.compile(
    r"(中共)?[\u4e00-\u9fff]{0,10}?(省|市|县|区|州|盟|旗|镇|乡|街道|国家|国务院)[\u4e00-\u9fff]{0,16}"
    r"(局|委员会|委|厅|办公室|办|人民政府|政府|中心|研究院|管理处|管委会|站|所|协会|联合会|法院|检察院)"
)
"""A public body's name (a key): a place or "国家", then its office ("凯里市人力资源和社会保障局",
"国家统计局"); not any line ending as a name does ("反诈宣传进校园", "…口袋公园")."""


def _publisher(line: str) -> bool:
    return _PUBLISHER.fullmatch(unmark(key(line))) is not None


def _headline_shape(line: str) -> bool:
    """A line shaped as a headline (it may be a link to the article itself, a blog's
    "postTitle"): no sentence (a question or an exclamation at its end, commas inside: "…火了，
    你知道…吗？"), no breadcrumb, no label, no byline, no deck ("——评…"), no metadata, no date,
    and :data:`HEADLINE_CHARS` long."""
    s = unmark(key(line))
    return (
        HEADLINE_CHARS[0] <= len(norm(line)) <= HEADLINE_CHARS[1]
        and len(_WORDS.findall(s)) >= HEADLINE_WORDS
        and not s.endswith(_NO_HEADLINE_END)
        and not _STOP.search(s.rstrip("。！？!?"))
        and not _CRUMB.search(s)
        and not _CUT_SHORT.search(s)
        and not _DASHED.match(s)
        and not _byline(s)
        and not BYLINE_PATTERN.match(s)  # a byline, an author's signature ("一华独秀/文", "文｜王敏")
        and not _publisher(line)  # a publisher's name ("凯里市人力资源和社会保障局")
        and not is_tool(s.lower())  # a tool ("打印本页")
        and s.lower() not in SHARE_TARGETS  # a share bar's item ("复制链接", "新浪微博")
        and not _NO_HEADLINE.search(s)
        and not ((m := _LABELLED.match(s)) and (FIELD_LABEL.fullmatch(m.group(1)) or m.group(1) in _LABELS))
        and not is_metadata(s)
        and DATE.search(s) is None
    )
