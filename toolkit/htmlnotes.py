"""An article's endnotes that a page sets apart as a list of links: a references list under
its heading ("Reference", "参考资料", "参考文献"). The extractor leaves such a list out and the
link-list rule would drop it as a list of other stories; the gold of every real page keeps
endnotes as body."""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import takewhile

from .textmeta import DATE

REFERENCES = re.compile(
    r"[【\[]?\s*(参考(资料|文献|链接|来源)|references?|bibliography|引用(文献|资料)|注释|尾注)\s*[】\]]?\s*[:：]?",
    re.IGNORECASE,
)
"""A references list's heading: "Reference", "参考资料：", "【参考文献】" (not a bare "参考": a
portal's box of its stories is headed so)."""


def references(lines: list[str], listed: Collection[int]) -> set[int]:
    """A list of links under a references heading ("Reference", "参考资料"), the heading with it:
    the article's endnotes, no list of other stories."""
    out: set[int] = set()
    for h, line in enumerate(lines):
        if REFERENCES.fullmatch(line.strip()):
            run = set(takewhile(lambda j: j in listed, range(h + 1, len(lines))))
            out |= {h, *run} if run else set()
    return out


def references_after(lines: list[str], main: list[bool], items: dict[int, int]) -> list[int]:
    """A references list at the main text's edge, its heading ("Reference", "参考资料") and
    the items of the one list under it (``items``: each list item's list), which the extractor
    left out as a list of links: the article's endnotes. Not a box of dated stories or of files
    (a portal's "参考" sidebar, a "参考资料" downloads box)."""
    out: list[int] = []
    for h in range(1, len(lines) - 1):
        if (main[h - 1] or main[h]) and h + 1 in items and not main[h + 1] and REFERENCES.fullmatch(lines[h].strip()):
            listed = _one_list(items, main, h + 1)
            if not any(DATE.search(lines[j]) or _FILE.search(lines[j]) for j in listed):
                out += [h, *listed]
    return out


def _one_list(items: dict[int, int], main: list[bool], first: int) -> list[int]:
    """The items of the list that line ``first`` opens, outside the main text, in a row."""
    out = []
    for j in range(first, len(main)):
        if items.get(j) != items[first] or main[j]:
            break
        out.append(j)
    return out


_FILE = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|wps|zip|rar|ofd)\b|下载", re.IGNORECASE)
"""A file to download, no reference."""
