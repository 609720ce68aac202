"""An article's endnotes that a page sets apart as a list of links: a references list under
its heading ("Reference", "参考资料", "参考文献"). The extractor leaves such a list out and the
link-list rule would drop it as a list of other stories; the gold of every real page keeps
endnotes as body."""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import takewhile

REFERENCES = re.compile(
    r"(参考(资料|文献|链接|来源)?|references?|bibliography|引用(文献|资料)?|注释|尾注)\s*[:：]?", re.IGNORECASE
)
"""A references list's heading: "Reference", "参考资料：", "参考文献"."""


def references(lines: list[str], listed: Collection[int]) -> set[int]:
    """A list of links under a references heading ("Reference", "参考资料"), the heading with it:
    the article's endnotes, no list of other stories."""
    out: set[int] = set()
    for h, line in enumerate(lines):
        if REFERENCES.fullmatch(line.strip()):
            run = set(takewhile(lambda j: j in listed, range(h + 1, len(lines))))
            out |= {h, *run} if run else set()
    return out


def references_after(lines: list[str], main: list[bool], items: Collection[int]) -> list[int]:
    """A references list just under a main-text line, its heading ("Reference", "参考资料") and
    its items, which the extractor left out as a list of links: the article's endnotes."""
    out: list[int] = []
    for h in range(1, len(lines) - 1):
        if main[h - 1] and not main[h] and REFERENCES.fullmatch(lines[h].strip()):
            listed = list(takewhile(lambda j: j in items and not main[j], range(h + 1, len(lines))))
            out += [h, *listed] if listed else []
    return out
