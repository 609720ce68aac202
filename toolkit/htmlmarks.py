"""What the markup says a visible line is, beyond its text: hidden, a picture's caption, or a
link glued to a paragraph's end. The HTML reader (:mod:`toolkit.html`) records where such
lines are while it parses; :func:`marked_lines` turns the records into drops, each under the
name of its rule so that ``toolkit clean --explain`` lists it:

* :data:`HIDDEN_TEXT`: all of a line's text lies in an element hidden by its own markup (an
  inline ``display:none`` / ``visibility:hidden`` style, the ``hidden`` attribute,
  ``aria-hidden="true"``): a share block's copy of the first paragraph, a widget's template.
  Not applied when such lines would hold most of the main text (a page that hides its article
  until a script shows it).
* :data:`IMAGE_CAPTION`: a short line in a ``<figcaption>``, or marked as a caption by a class
  (``caption``, ``pic-info``, ``img-desc``, ``mediaNote``) beside a picture, or a short line just
  above or below a picture that ends in the picture's credit ("…李尕 摄", "…（資料照）",
  "…（取自王婉諭臉書）", "图片来源：…", "图像来源， BBC NEWS CHINESE", "…前期工作。图：视觉中国").
  A paragraph that only mentions 摄影 or ends in another parenthesis, a credited line far from
  any picture, and a photo story's captions (most of its text) stay.
* :data:`TRAILING_LINK`: a link after a paragraph's last sentence, glued to it: another
  story's headline in brackets ("…謹慎才是。（<a>中職二度延賽至4月11日</a>）") or a back link
  ("…前往送别。<a>返回搜狐，查看更多</a>"). The reader splits it off onto a line of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .htmltemplate import (
    AFTER_BODY,
    FURNITURE,
    Elements,
    after_body,
    furnishes,
    furniture_lines,
    holds_body,
    is_paragraph,
)
from .textmeta import key

HIDDEN_TEXT = "hidden-text"
IMAGE_CAPTION = "image-caption"
TRAILING_LINK = "trailing-link"
TABLE_OF_CONTENTS = "table-of-contents"
TOC_MIN = 3
"""A table of contents has this many entries at least, lines that are links to places on the page."""
_TOC_LABEL = frozenset(
    {"目录", "文章目录", "本文目录", "内容目录", "目次", "contents", "tableofcontents", "toc", "导读"}
)

CAPTION_MAX = 150
"""A caption is at most this long (characters of its key)."""
HIDDEN_SHARE_MAX = 0.5
"""Hidden lines are not dropped when they would hold more than this share of the main text."""
CAPTION_SHARE_MAX = 0.5
"""Nor are captions (a photo story's captions are its text) when no other line is a paragraph."""
PHOTO_STORY_SHARE = 2 / 3
"""… or when they hold more than this share of the main text, beside a lead or a disclaimer (a
news item's one paragraph and three captions hold about as much as the captions)."""
FOLDED_MIN = 2
"""Hidden paragraphs in a row, just after a shown one, that are the article's folded rest."""

_HIDING_STYLE = re.compile(r"(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important)?\s*(;|$)", re.I)
_HIDING_CLASS = re.compile(
    r"(?!(hidden|visible)[-_](xs|sm|md|lg|xl|xxl|print|phone|tablet|desktop|mobile|pc|wap)$|overflow|"
    r"(xs|sm|md|m|h5|wap|phone|mobile|tablet)[-_](hidden|hide)$)"
    r"(hide|display-none|sr-only|visually-?hidden|screen-reader-text|invisible|"
    r"hidden[A-Z_-]\w*|\w*[a-z](Hidden|[-_]hidden))|"
    # hidden on a desktop screen, as the page is read: Bootstrap's responsive classes, and a
    # phone's copy (gov.cn prints a document for the desktop, "mhide", and for a phone, "pchide")
    r"hidden-lg|visible-(xs|sm)(-block|-inline|-inline-block)?|hidden[-_]?pc|hide[-_]?pc|pc[-_]?hide|pc[-_]?none",
)
_SHOWING_CLASS = re.compile(r"visible-(md|lg)(-\w+)?")
"""A class that hides its element where the page is read on a desktop screen ("hidden",
"hiddenCont", "sr-only", "d-none", "hidden-lg", "visible-xs", "md:hidden", "d-md-none"); not one
that hides it on a small screen only ("hidden-xs", "mobile-hidden"), nor one that clips what
overflows ("overflow-hidden"); and "d-none" beside a class that shows it on a wider screen
("d-none d-sm-block", Tailwind's "hidden md:block") hides nothing there."""
_DISPLAY_CLASS = re.compile(
    r"d-(?:(sm|md|lg|xl)-)?(none|block|flex|inline|inline-block|inline-flex|table|table-cell|table-row|grid|inline-grid)|"
    r"(?:(sm|md|lg|xl):)?(hidden|block|flex|inline|inline-block|inline-flex|table|table-cell|table-row|grid|"
    r"inline-grid|contents|flow-root|list-item)"
)
"""A class that sets the display from a screen's width up: Bootstrap's "d-none", "d-md-block"
and Tailwind's "hidden", "md:block"; the widest that a desktop screen reaches wins
(:data:`_BREAKPOINTS`; "xxl", "2xl" are wider)."""
_BREAKPOINTS = ("", "sm", "md", "lg", "xl")
"""Screen widths from none up to a desktop screen's, as the classes name them."""
_CAPTION_CLASS = re.compile(
    r"caption|^(pic|img|image|photo|figure|fig|media)[-_]?(info|desc|description|text|txt|note|explain|intro|title)$",
    re.I,
)
# Written on a line's key (Simplified, width-normalised): 攝 → 摄, 資料照 → 资料照, （ → (.
_CREDIT_END = re.compile(
    r"([\u4e00-\u9fff·]{2,8}|记者|通讯员)\s*(摄|摄影|拍摄|供图)$|"
    r"[(（]\s*(资料照|资料图|资料相片|档案照|示意图|图片来源|图源|取自|翻摄|撷取|截自|截图|图\s*[/／:：]|摄影\s*[/／:：])"
    r"[^()（）]{0,30}[)）]$|"
    r"[(（][^()（）]{1,24}(提供|供图|摄|图片|相片|照片|资料图片)\s*[)）]$|"
    r"(图片来源|图像来源|图源|图片|图像)\s*[:：/／,，]\s*[^，。,；;]{1,30}$|"
    r"(^|[。！？!?\s])图\s*[:：/／]\s*[^，。,；;:：/／]{1,16}$"
)
_SENTENCE_END = "。！？!?」』”"
_BACK_LINK = re.compile(r"^(返回|回到)\S{1,12}[,，]?\s*查看更多|^(查看更多|更多精彩|阅读原文|查看原文)\S{0,6}$")


_HIDING_HINT = re.compile(r"hid|none|only|visible|screen", re.IGNORECASE)
"""What a class that hides or shows its element holds, somewhere (a cheap test first)."""


def hides(attrs: dict[str, str]) -> bool:
    """An element's own markup hides it (``attrs``: its attributes, names lowercased)."""
    return (
        "hidden" in attrs
        or attrs.get("aria-hidden", "").strip().lower() == "true"
        or ("style" in attrs and _HIDING_STYLE.search(attrs["style"]) is not None)
        or (_HIDING_HINT.search(attrs.get("class", "")) is not None and _hidden_by_class(attrs["class"].split()))
    )


def _hidden_by_class(classes: list[str]) -> bool:
    if any(_SHOWING_CLASS.fullmatch(c) for c in classes):
        return False  # Bootstrap 3's "visible-lg" shows its element on a desktop screen, hidden or not
    hidden = shown = -1  # the widest breakpoint of a class that hides, that shows
    for c in classes:
        if m := _DISPLAY_CLASS.fullmatch(c):
            rank = _BREAKPOINTS.index(m.group(1) or m.group(3) or "")
            if (m.group(2) or m.group(4)) in ("none", "hidden"):
                hidden = max(hidden, rank)
            else:
                shown = max(shown, rank)
    if hidden >= 0 and hidden >= shown:
        return True
    return shown <= 0 and any(_HIDING_CLASS.fullmatch(c) for c in classes)


def captions(tag: str, attrs: dict[str, str]) -> bool:
    """The element is marked as a picture's caption."""
    return tag == "figcaption" or any(_CAPTION_CLASS.search(c) for c in attrs.get("class", "").split())


@dataclass(slots=True)
class Region:
    """The open element of one kind (hidden, caption) while the parser is inside it, and the
    lines all of whose text lay inside such an element."""

    tag: str = ""
    depth: int = 0
    inside: bool = False
    outside: bool = False
    lines: set[int] = field(default_factory=set)

    def start(self, tag: str, opens: bool) -> None:
        if self.depth:
            self.depth += tag == self.tag
        elif opens:
            self.tag, self.depth = tag, 1

    def end(self, tag: str) -> None:
        if self.depth and tag == self.tag:
            self.depth -= 1

    def text(self) -> None:
        """Text (not only whitespace) went into the current line."""
        if self.depth:
            self.inside = True
        else:
            self.outside = True

    def flush(self, index: int | None) -> None:
        """The current line ends; ``index``: its number, None when it had no text."""
        if index is not None and self.inside and not self.outside:
            self.lines.add(index)
        self.inside = self.outside = False


@dataclass(slots=True)
class Marks:
    """What the parser records for :func:`marked_lines` while it reads a page."""

    concealed: Region = field(default_factory=Region)
    """Lines inside an element its markup hides."""
    caption: Region = field(default_factory=Region)
    """Lines inside an element marked as a caption."""
    figcaption: Region = field(default_factory=Region)
    """Lines inside a ``<figcaption>``: a figure's caption, whatever its distance from the picture."""
    anchored: Region = field(default_factory=Region)
    """Lines inside a link to a place on the same page (``href="#基本情况"``): a table of contents' entries."""
    furniture: Elements = field(default_factory=lambda: Elements(furnishes))
    """Lines inside the page's furniture (:mod:`.htmltemplate`)."""
    body: Elements = field(default_factory=lambda: Elements(holds_body))
    """Lines inside the element a CMS writes the article's body into (:mod:`.htmltemplate`)."""
    near_image: set[int] = field(default_factory=set)
    """Lines just above or below a picture."""
    glued: set[int] = field(default_factory=set)
    """Lines that are a link split off the end of a paragraph."""
    image_above: bool = False
    """A picture came after the last line: the next line is near it."""
    image_after: bool = False
    """A picture came after the current line's text."""
    link_at: list[int] = field(default_factory=lambda: [-1, -1])
    """Where in the current line's pieces the last link starts and ends."""

    def start(self, tag: str, attrs: dict[str, str], closed: bool) -> None:
        """A start tag (``closed``: self-closing, "<div hidden/>" hides nothing after it)."""
        self.concealed.start(tag, not closed and hides(attrs))
        self.caption.start(tag, not closed and captions(tag, attrs))
        self.figcaption.start(tag, not closed and tag == "figcaption")
        self.anchored.start(
            tag, not closed and tag == "a" and attrs.get("href", "").startswith("#") and len(attrs["href"]) > 1
        )
        self.furniture.start(tag, attrs, closed)
        self.body.start(tag, attrs, closed)

    def end(self, tag: str) -> None:
        self.concealed.end(tag)
        self.caption.end(tag)
        self.figcaption.end(tag)
        self.anchored.end(tag)
        self.furniture.end(tag)
        self.body.end(tag)

    def text(self) -> None:
        self.concealed.text()
        self.caption.text()
        self.figcaption.text()
        self.anchored.text()
        self.furniture.text()
        self.body.text()

    def image(self, has_text: bool, lines: int) -> None:
        """An ``<img>``, after text of the current line or not; ``lines``: lines so far."""
        if self.concealed.depth:
            return
        if has_text:
            self.image_after = True
        elif lines:
            self.near_image.add(lines - 1)
        self.image_above = True

    def split(self, pieces: list[str]) -> tuple[str, str] | None:
        """The current line (its pieces of text) split into a paragraph and a glued link."""
        start, end = self.link_at
        self.link_at = [-1, -1]
        if end < 0:
            return None
        return glued_link("".join(pieces[:start]), "".join(pieces[start:end]), "".join(pieces[end:]))

    def flushed(self, at: int | None, tail: int | None) -> None:
        """The current line ended as line ``at`` (None: it had no text), its glued link as ``tail``."""
        for region in (self.concealed, self.caption, self.figcaption, self.anchored):
            region.flush(at)
        self.furniture.flush(at)
        self.body.flush(at)
        if at is not None:
            if self.image_above or self.image_after:
                self.near_image.add(at)
            self.image_above = self.image_after
        if tail is not None:
            self.glued.add(tail)
        self.image_after = False


def contents(lines: list[str], anchored: set[int]) -> list[int]:
    """A table of contents' lines: runs of :data:`TOC_MIN` lines or more that are each a link to a
    place on the page (a blog's "目录" of its headings), with the label just above a run."""
    found: list[int] = []
    for i in sorted(anchored):
        if i - 1 in anchored:
            continue
        j = i
        while j + 1 in anchored:
            j += 1
        if j - i + 1 >= TOC_MIN:
            label = i > 0 and re.sub(r"[\s:：]", "", key(lines[i - 1])).lower() in _TOC_LABEL
            found += range(i - 1 if label else i, j + 1)
    return found


def credited(line: str) -> bool:
    """A short line that ends in a picture's credit."""
    s = key(line)
    return len(s) <= CAPTION_MAX and _CREDIT_END.search(s) is not None


def glued_link(before: str, link: str, after: str) -> tuple[str, str] | None:
    """A paragraph ``before`` + ``link`` + ``after`` (the last link's text and what follows it)
    split into the paragraph and the glued link, or None when the link is part of the text."""
    before, after = before.rstrip(), after.strip()
    if before[-1:] in "（(" and after in ("）", ")"):
        before, link = before[:-1].rstrip(), before[-1] + link + after
        bracketed = True
    elif after:
        return None
    else:
        bracketed = False
    text = before.strip(" \u3000\u00a0")
    s = key(link.strip())
    if not text or text[-1] not in _SENTENCE_END:
        return None
    if bracketed:
        # another story's headline: Chinese words, not a URL or a name ("（新华社）")
        inner = s[1:-1]
        if len(re.findall(r"[\u4e00-\u9fff]", inner)) < 6 or re.search(r"https?://|www\.", inner):
            return None
    elif _BACK_LINK.search(s) is None:
        return None
    return before, link.strip()


def folded(lines: list[str], main: list[bool], linked: list[bool], hidden: set[int]) -> set[int]:
    """Hidden lines that are the article's folded rest ("展开全文" shows them): a run of
    paragraphs, two at least, just after a shown paragraph of the main text, none of them a
    copy of a shown line (a share block's copy of the first paragraph is)."""
    shown = {key(lines[i]) for i in range(len(lines)) if i not in hidden}
    out: set[int] = set()
    for i in sorted(hidden):
        if i - 1 in hidden or i == 0 or not (main[i - 1] and is_paragraph(lines[i - 1], linked[i - 1])):
            continue
        j = i
        while j in hidden and main[j] and is_paragraph(lines[j], linked[j]) and key(lines[j]) not in shown:
            j += 1
        if j - i >= FOLDED_MIN:
            out.update(range(i, j))
    return out


def marked_lines(
    lines: list[str],
    main: list[bool],
    marks: Marks,
    linked: list[bool],
    article: frozenset[int],
    headlines: frozenset[int] = frozenset(),
) -> dict[int, str]:
    """Line index → the rule that drops it: hidden text, a caption, a glued link, the page's
    furniture, the list after the body container (``linked``: per line, is it a link line;
    ``article``: the article's head, headline to first sentence; ``headlines``: the lines of
    the page's ``<h1>`` and ``<h2>``)."""
    hidden, captioned, near_image = marks.concealed.lines, marks.caption.lines, marks.near_image
    why: dict[int, str] = dict.fromkeys(sorted(marks.glued), TRAILING_LINK)
    why |= dict.fromkeys(contents(lines, marks.anchored.lines), TABLE_OF_CONTENTS)
    shown = sum(len(lines[i]) for i in range(len(lines)) if main[i])
    # Copies of shown lines are no text the page hides (a print or a phone copy of the article).
    seen = {key(lines[i]) for i in range(len(lines)) if main[i] and i not in hidden}
    concealed = sum(len(lines[i]) for i in hidden if main[i] and key(lines[i]) not in seen)
    if concealed <= HIDDEN_SHARE_MAX * shown:
        why |= dict.fromkeys(sorted(hidden - why.keys() - folded(lines, main, linked, hidden)), HIDDEN_TEXT)
    # A caption's lines: a run of lines marked as one, beside a picture (a page's header strip
    # in a class "index_caption_…" is no caption), or a line beside a picture that credits it.
    pictured: set[int] = set(marks.figcaption.lines)
    for i in sorted(captioned):
        if i in pictured:
            continue
        j = i
        while j + 1 in captioned:
            j += 1
        if near_image & set(range(i, j + 1)):
            pictured |= set(range(i, j + 1))
    found = [
        i
        for i in sorted((pictured | near_image) - why.keys())
        if main[i] and len(key(lines[i])) <= CAPTION_MAX and (i in pictured or credited(lines[i]))
    ]
    # A photo story's captions are its text: kept when they would be most of the main text and
    # no other line of it is a paragraph, or nearly all of it beside a lead or a disclaimer (a
    # news item of one paragraph and three photographs is an article with its captions).
    weight = sum(len(lines[i]) for i in found)
    taken = set(found)
    story = weight > CAPTION_SHARE_MAX * shown and (
        weight > PHOTO_STORY_SHARE * shown
        or not any(main[i] and is_paragraph(lines[i], linked[i]) for i in range(len(lines)) if i not in taken)
    )
    if not story:
        why |= dict.fromkeys(found, IMAGE_CAPTION)
    body = frozenset(marks.body.lines)
    furnished = [
        i for i in furniture_lines(lines, main, linked, marks.furniture, article, body, headlines) if i not in why
    ]
    why |= dict.fromkeys(furnished, FURNITURE)
    shown_now = [main[i] and i not in why for i in range(len(lines))]
    return why | dict.fromkeys(after_body(lines, shown_now, linked, marks.body), AFTER_BODY)


def line_numbers(visible: list[str], pre: dict[int, bool], lists: dict[int, int] | None = None) -> list[int]:
    """Lines of a ``<pre>`` that count 1, 2, 3 … on lines of their own, just before a code block's lines
    (Hexo's ``gutter``, Hugo's ``lnt``), or as the whole of a list of their own just after the code
    (``lists``: line → its list; CSDN's ``pre-numbering``; not prettify's ``linenums``, whose list holds
    the code's lines, nor a program's printed 1 2 3 in its own box): a highlighter's line numbers."""
    lists = lists or {}
    size = Counter(lists.values())
    out: list[int] = []
    i = 0
    while i < len(visible):
        n = 0
        while i + n in pre and visible[i + n].strip() == str(n + 1):
            n += 1
        # beside the code they number (the next line is code, or they are a list's items), not a
        # program's printed 1 2 3
        own = {lists.get(j) for j in range(i, i + n)}
        gutter = n > 1 and len(own) == 1 and None not in own and size[lists[i]] == n and pre.get(i - 1)
        if n and (pre.get(i + n) or gutter):
            out.extend(range(i, i + n))
        i += max(n, 1)
    return out
