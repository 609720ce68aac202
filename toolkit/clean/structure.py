"""The body's structure: numbered headings and their levels, lists, and paragraphs a dump
broke mid-sentence (after a comma, before a closing mark, or hard-wrapped at a fixed width)
rejoined."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from ..document import Block
from ..textmeta import HAN, LIST_MARK, strip_line, unmark
from .settings import (
    BODY_LONG_HAN,
    BODY_LONG_LINE,
    BODY_SENTENCE_MIN,
    HEADING_MAX,
    WRAP_MIN_CHARS,
    WRAP_MIN_COLUMNS,
    WRAP_MIN_LINES,
)

SENTENCE_END = "。！？；!?;"
_CN_NUM = "一二三四五六七八九十百零〇"
NUMBERING: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn-chapter", re.compile(rf"^第[{_CN_NUM}\d]{{1,4}}(章|部分)")),
    ("cn-section", re.compile(rf"^第[{_CN_NUM}\d]{{1,4}}节")),
    ("cn-dun", re.compile(rf"^[{_CN_NUM}]+、")),
    ("cn-paren", re.compile(rf"^[（(][{_CN_NUM}]+[）)]")),
    ("arabic-dot", re.compile(r"^\d{1,2}\s*[.、．](?!\d)")),
    ("arabic-paren", re.compile(r"^[（(]\d{1,2}[）)]")),
)
_CIRCLED = re.compile(r"^[①-⑳]")


def numbering(s: str) -> str | None:
    for name, rx in NUMBERING:
        if rx.match(s):
            return name
    return None


def is_heading_line(s: str) -> bool:
    return len(s) <= HEADING_MAX and not any(c in s for c in SENTENCE_END)


def body_like(s: str) -> bool:
    """A line that starts the body: a numbered heading or paragraph, a long line of sentences,
    or a sentence with a comma (titles and page furniture do not end with "。")."""
    if numbering(s) is not None and len(s) > 4:
        return True
    if len(s) >= BODY_SENTENCE_MIN and s.endswith(("。", "！", "？")) and any(c in s for c in "，,"):
        return True
    # (An English line is not the start of a Chinese body: a site's English name has commas.)
    return len(s) >= BODY_LONG_LINE and any(c in s for c in "。，,；;") and len(HAN.findall(s)) >= BODY_LONG_HAN


_DRAWN = re.compile(r"^\s*(?:[|+┃│├└┌┬┼╋═─]|-{3})")
"""A line of a table drawn in text ("+----+", "| id | type |", "├──"): a row, never wrapped text."""
_CLOSERS = "。，、；：！？）」』”’》〉】,;:)"
_TERMINAL = "。！？；：!?;:…”’」』）)》"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


_MEASURES: tuple[tuple[Callable[[str], int], int], ...] = ((_width, WRAP_MIN_COLUMNS), (len, WRAP_MIN_CHARS))


def _wrap_width(items: list[tuple[int, str, str]]) -> tuple[Callable[[str], int], int] | None:
    """How a dump was hard-wrapped: (measure, width) with ``measure`` display columns or
    characters, or None when it was not. Wrapped lines are ``width`` or ``width - 1`` wide
    (a wide character does not fit the last column); at least three must be. The measure
    that explains more lines wins."""
    best: tuple[int, Callable[[str], int], int] | None = None
    for measure, minimum in _MEASURES:
        widths: dict[int, int] = {}
        for (n, raw, _), (n2, _, _) in pairwise(items):
            text = strip_line(raw)
            if n2 == n + 1 and not text.endswith(tuple(_TERMINAL)) and measure(text) >= minimum:
                w = measure(text)
                widths[w] = widths.get(w, 0) + 1
        if widths:
            width = max(widths, key=lambda w: (widths[w] + widths.get(w - 1, 0), w))
            count = widths[width] + widths.get(width - 1, 0)
            if count >= WRAP_MIN_LINES and (best is None or count > best[0]):
                best = (count, measure, width)
    return (best[1], best[2]) if best else None


def structure(
    items: list[tuple[int, str, str]], page_break: dict[int, bool] | None = None, code: frozenset[int] = frozenset()
) -> list[Block]:
    """Body blocks from (line number, text, key) of the kept lines. ``page_break``: line
    number → True for a printed page's number and running header, False for a blank line; a
    paragraph may go on across lines that are all of them, with at least one True. ``code``:
    the numbers of code lines, each a paragraph of its own that no other line joins, never a
    heading or a list item (a typed notice's preformatted lines are wrapped text, and join)."""
    # Heading levels follow the order of numbering schemes used as headings in this
    # document, so levels have no gaps (一、 and 1. only → levels 2 and 3).
    breaks = page_break or {}
    wrap = _wrap_width(items)
    kinds: list[str | None] = []
    for k, (number, raw, s) in enumerate(items):
        if number in code:
            kinds.append(None)  # code: no heading, no wrapped paragraph (and no time spent on either)
            continue
        n = numbering(s)
        # A numbered line that fills a hard-wrapped dump's width goes on in the next line: a
        # paragraph ("1.全面推行科技业务…中小企" / "业评价等18项…"), not a heading.
        wrapped = (
            wrap is not None
            and k + 1 < len(items)
            and _adjacent(number, items[k + 1][0], breaks)
            and numbering(items[k + 1][2]) is None
            and wrap[0](strip_line(raw)) >= wrap[1] - 1
            # the next line ends the sentence or is wrapped too (not a stray fragment)
            and wrap[0](strip_line(items[k + 1][1])) <= wrap[1]  # a wrapped line, not a long one
            and (
                strip_line(items[k + 1][1]).endswith(tuple(SENTENCE_END))
                or wrap[0](strip_line(items[k + 1][1])) >= wrap[1] - 1
            )
            # and the paragraph so made does not read as a heading itself: cleaning the cleaned
            # text again (where it is one line) must give the same block
            and not is_heading_line(_wrapped_run(items, k, wrap, breaks))
        )
        kinds.append(n if n is not None and is_heading_line(s) and not wrapped else None)
    # Runs of two or more short numbered lines of one scheme, with nothing between them, are
    # a list (工作要点 1. 2. 3.), not headings; so are numbered lines under "附件：".
    listed = [False] * len(items)
    for i, kind in enumerate(kinds):
        if kind is None:
            continue
        prev_same = i > 0 and kinds[i - 1] == kind
        next_same = i + 1 < len(items) and kinds[i + 1] == kind
        after_attachment = i > 0 and (items[i - 1][2].startswith("附件") or listed[i - 1])
        if prev_same or next_same or (after_attachment and kind in ("arabic-dot", "arabic-paren")):
            listed[i] = True
    order = [name for name, _ in NUMBERING if any(k == name and not listed[i] for i, k in enumerate(kinds))]
    level_of = {name: 2 + i for i, name in enumerate(order)}

    blocks: list[Block] = []
    prev_number, prev_raw = -10, ""
    for (number, raw, s), kind, is_list in zip(items, kinds, listed, strict=True):
        text = strip_line(raw)
        adjacent, prev_number = _adjacent(prev_number, number, breaks), number
        prev_raw, last_raw = text, prev_raw
        prev = blocks[-1] if blocks else None
        if number in code:
            blocks.append(Block(kind="paragraph", text=text, lines=(number,)))
            continue
        if kind is not None and not is_list:
            blocks.append(Block(kind="heading", text=text, level=level_of[kind], lines=(number,)))
            continue
        if is_list or _CIRCLED.match(text):
            blocks.append(Block(kind="list_item", text=unmark(text), lines=(number,)))
            continue
        if LIST_MARK.match(text) and len(text) > 2:
            blocks.append(Block(kind="list_item", text=LIST_MARK.sub("", text, count=1), lines=(number,)))
            continue
        if (
            prev is not None
            and prev.kind == "paragraph"
            and prev.lines[-1] not in code
            and not (_DRAWN.match(text) or _DRAWN.match(last_raw))
            and _continues(prev.text, last_raw, text, adjacent, wrap, s)
        ):
            blocks[-1] = replace(prev, text=prev.text + text, lines=(*prev.lines, number))
            continue
        blocks.append(Block(kind="paragraph", text=text, lines=(number,)))
    return blocks


def _wrapped_run(
    items: list[tuple[int, str, str]], k: int, wrap: tuple[Callable[[str], int], int], breaks: dict[int, bool]
) -> str:
    """The keys of numbered line ``k`` and of the wrapped lines that go on from it, joined:
    the paragraph's text as a second cleaning sees it on one line."""
    measure, width = wrap
    joined, prev = items[k][2], items[k][0]
    for number, raw, s in items[k + 1 :]:
        text = strip_line(raw)
        if not _adjacent(prev, number, breaks) or numbering(s) is not None or measure(text) > width:
            break
        joined, prev = joined + s, number
        if measure(text) < width - 1 or text.endswith(tuple(SENTENCE_END)):
            break  # the paragraph's last line
    return joined


def _adjacent(prev: int, number: int, breaks: dict[int, bool]) -> bool:
    """Line ``number`` follows line ``prev``, maybe across a printed page's break."""
    between = range(prev + 1, number)
    return number == prev + 1 or (all(n in breaks for n in between) and any(breaks[n] for n in between))


def _continues(
    prev: str, prev_raw: str, text: str, adjacent: bool, wrap: tuple[Callable[[str], int], int] | None, s: str
) -> bool:
    """Is ``text`` the rest of paragraph ``prev`` (whose last line was ``prev_raw``), broken
    by the dump mid-sentence?"""
    if prev.endswith(("，", ",", "、")):
        return True  # broken after a comma
    if text[:1] in _CLOSERS:
        return True  # a line cannot start with a closing mark
    if not adjacent or wrap is None or prev_raw.endswith(tuple(_TERMINAL)) or numbering(s) is not None:
        return False
    measure, width = wrap
    return measure(prev_raw) >= width - 1  # hard-wrapped: the previous line filled the width
