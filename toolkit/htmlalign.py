"""trafilatura's main text aligned back onto the page's visible lines (:mod:`toolkit.html`).

trafilatura rewrites what it keeps (joined cells, "| a | b |" rows, its own line breaks), so
its lines are matched to the visible ones ignoring whitespace and "|". Time stays linear in
the page's size: difflib weighs the pairs of equal lines only while they are few
(:data:`ALIGN_PAIRS`), a linear in-order match takes over beyond, and the substring checks
that fill a gap scan at most :data:`SEARCH_BUDGET` characters.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

ALIGN_PAIRS = 100_000
"""The most (visible line, main-text line) pairs of equal lines difflib may weigh; difflib's
time grows with their number times the number of matches (a page of two alternating lines
took 31 s at 2,000 lines). Beyond it a linear in-order match aligns the lines."""
ALIGN_WINDOW = 64
"""The linear match takes a main-text line's next occurrence at most this many lines ahead."""
SEARCH_BUDGET = 20_000_000
"""The most characters the substring checks of the alignment may scan (lines × text)."""

_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff]+")


def norm(text: str) -> str:
    """Text for alignment: no whitespace, no "|" (trafilatura writes table rows as "| a | b |")."""
    return _WS.sub("", text).replace("|", "")


def align(visible: list[str], main: list[str]) -> list[bool]:
    """Per visible line: does trafilatura's main text contain it (in order)?"""
    a = [norm(v) for v in visible]
    b = [norm(m) for m in main]
    keep = [False] * len(a)
    # Between two runs of identical lines, lines may be segmented differently (table cells,
    # <br>): a visible line there is main text when trafilatura's lines in the same gap
    # contain it, in order.
    i0 = j0 = 0
    for i, j, n in _matching_blocks(a, b):
        if i > i0 or j > j0:
            _fill_gap(a, b, [i0, i, j0, j], keep)
        keep[i : i + n] = [True] * n
        i0, j0 = i + n, j + n
    # trafilatura writes a nested table after the cell that holds it, so a line can sit
    # elsewhere in its text; a line long enough not to match by chance is main text anywhere.
    everything = "".join(b)
    left = [i for i, line in enumerate(a) if not keep[i] and len(line) >= 8]
    if len(left) * len(everything) <= SEARCH_BUDGET:
        for i in left:
            keep[i] = a[i] in everything
    else:  # too many to search for: only whole main-text lines
        whole = set(b)
        for i in left:
            keep[i] = a[i] in whole
    return keep


def _matching_blocks(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """Runs of equal lines ``(i, j, n)``, in order, ending with ``(len(a), len(b), 0)``:
    difflib's when the pairs of equal lines are few (every ordinary page), else
    :func:`_in_order_blocks`."""
    counts = Counter(b)
    pairs = sum(n * counts[line] for line, n in Counter(a).items() if line in counts)
    if pairs <= ALIGN_PAIRS:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        return [tuple(m) for m in matcher.get_matching_blocks()]  # type: ignore[misc]
    return _in_order_blocks(a, b)


def _in_order_blocks(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """A linear-time alignment: each line of ``a`` matches the next occurrence of the same
    line in ``b`` at most :data:`ALIGN_WINDOW` lines ahead; runs of matches are merged."""
    where: dict[str, list[int]] = {}
    for j, line in enumerate(b):
        where.setdefault(line, []).append(j)
    seen: dict[str, int] = {}
    blocks: list[tuple[int, int, int]] = []
    j = 0
    for i, line in enumerate(a):
        at = where.get(line)
        if not at:
            continue
        k = seen.get(line, 0)
        while k < len(at) and at[k] < j:  # each line's pointer only moves forward: linear
            k += 1
        seen[line] = k
        if k < len(at) and at[k] - j <= ALIGN_WINDOW:
            if blocks and blocks[-1][0] + blocks[-1][2] == i and blocks[-1][1] + blocks[-1][2] == at[k]:
                blocks[-1] = (blocks[-1][0], blocks[-1][1], blocks[-1][2] + 1)
            else:
                blocks.append((i, at[k], 1))
            j = at[k] + 1
    blocks.append((len(a), len(b), 0))
    return blocks


def _fill_gap(a: list[str], b: list[str], gap: list[int], keep: list[bool]) -> None:
    if not gap:
        return
    i1, i2, j1, j2 = gap
    joined = "".join(b[j1:j2])
    # A huge gap (only on pages aligned by the linear match) searches near where it is.
    wide = (i2 - i1) * len(joined) <= SEARCH_BUDGET
    pos = 0
    for i in range(i1, i2):
        if not a[i]:
            continue
        at = joined.find(a[i], pos) if wide else joined.find(a[i], pos, pos + 1000 + len(a[i]))
        if at >= 0:
            keep[i] = True
            pos = at + len(a[i])
        elif wide and len(a[i]) >= 6 and a[i] in joined:
            keep[i] = True  # out of order
