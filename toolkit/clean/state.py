"""The state the page passes share: a page's lines, what the rules say about each line, what
was dropped and why, and what was found (title, date, source)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..document import Block, Document, Dropped
from ..textmeta import POLICY_FIELD, key, keys, parse_date, strip_line, unmark
from .rules import Rule, match
from .structure import body_like, structure

_CREDIT_TAIL = re.compile(
    r"(?<=[。！？!?”」』])\s*([(（\[【]\s*("
    r"(责任编辑|責任編輯|编辑|編輯|责编|責編|编审|編審|审校|審校|校对|校對|审核|審核|监制|監製)\s*[:：]"
    r")[^()（）\[\]【】。！？]{1,30}[)）\]】]\s*\d{0,12})\s*$"
)
"""An editor's credit glued after a paragraph's last sentence: "…緩解。（編輯：蘇龍麒）1120221",
"…发展。（责任编辑：王五）". An author's note stays ("…（作者：南帆，系…研究员）"): it says who
wrote the text, and a reader may want it."""


def split_credit(line: str) -> tuple[str, str] | None:
    """A paragraph with an editor's credit glued to its end, split into the paragraph and the
    credit (which the ``editor`` rule then drops as a line of its own); else None."""
    m = _CREDIT_TAIL.search(line)
    if m is None or not line[: m.start()].strip():
        return None
    return line[: m.start()].rstrip(), m.group(1)


@dataclass(slots=True)
class Page:
    """One page being cleaned: its lines, what the rules say about each, what was found."""

    doc: Document
    lines: list[str]
    numbers: list[int]
    """Source line number of each line."""
    ks: list[str]
    """:func:`key` of each line, list mark removed."""
    rules: list[Rule | None]
    body_start: int
    """Index of the first body-like line: the header is everything above it."""
    dropped: dict[int, Rule] = field(default_factory=dict)
    """Line index → the rule row that dropped it."""
    title: str = ""
    title_lines: set[int] = field(default_factory=set)
    date: str = ""
    source: str = ""
    meta_line: int | None = None
    """Index of the first metadata line of the header."""
    crumbs: list[str] = field(default_factory=list)
    site_source: str = ""
    """A source only the title line gave (its 【tag】 or site suffix): a 来源 field anywhere wins."""
    named_source: str = ""
    """A name beside the header's date ("2023年05月26日 14:32 澎湃新闻")."""
    account: str = ""
    """The author's or account's name between the title and the metadata (a "byline" drop)."""
    site_name: str = ""
    """The site's name on a line of its own above the title: the source of last resort."""
    stamp_date: str = ""
    """A date with a time of day in the header ("2023年08月03日 18:30"), when no field gave one."""
    glued: set[int] = field(default_factory=set)
    """Lines that are an editor's credit split off a paragraph's end (:func:`split_credit`)."""
    pre: frozenset[int] = frozenset()
    """Lines of preformatted text (``preformatted`` and ``code`` blocks): no rule that reads a
    line's drawing drops them (:data:`DRAWN`), and a trailer ends at them."""
    code: frozenset[int] = frozenset()
    """Lines of code: no line rule judges them, and each stays a paragraph of its own."""

    @classmethod
    def read(cls, doc: Document) -> Page:
        blocks: list[Block] = []
        glued: set[int] = set()
        for b in doc.blocks:
            parts = split_credit(b.text) if b.kind == "raw" else None
            blocks.extend([b] if parts is None else [replace(b, text=part) for part in parts])
            if parts is not None:
                glued.add(len(blocks) - 1)
        doc = replace(doc, blocks=tuple(blocks))
        lines = [b.text for b in doc.blocks]
        ks = [unmark(s) for s in keys(lines)]
        pre = frozenset(i for i, b in enumerate(doc.blocks) if b.kind in ("preformatted", "code"))
        code = frozenset(i for i, b in enumerate(doc.blocks) if b.kind == "code")
        rules = [None if i in code else _unless_drawn(match(s), i in pre) for i, s in enumerate(ks)]
        numbers = [b.lines[0] if b.lines else i + 1 for i, b in enumerate(doc.blocks)]
        # An HTML page's <title> (line 0) is a header line however long it is: the title with
        # its site suffix ("标题_频道_站点"), never the body's first line.
        title_tag = {i for i, n in enumerate(numbers) if n == 0 and doc.meta.format == "html"}
        body_start = next(
            (
                i
                for i, (s, r) in enumerate(zip(ks, rules, strict=True))
                if (r is None or r.scope != "anywhere")
                and body_like(s)
                and i not in title_tag
                and not POLICY_FIELD.match(s)
            ),
            len(lines),
        )
        return cls(
            doc=doc,
            lines=lines,
            numbers=numbers,
            ks=ks,
            rules=rules,
            body_start=body_start,
            date=parse_date(key(doc.meta.date)),
            source=strip_line(doc.meta.source),
            glued=glued,
            pre=pre,
            code=code,
        )

    def document(self) -> Document:
        kept = [i for i in range(len(self.lines)) if i not in self.dropped and self.ks[i]]
        # A page break of a printed document ("- 1 -", the running header) does not end a paragraph.
        page_break = {
            self.numbers[i]: True
            for i, rule in self.dropped.items()
            if rule.page_break or (rule.letterhead and i >= self.body_start)
        }
        page_break |= {self.numbers[i]: False for i in range(len(self.lines)) if not self.ks[i]}
        code = frozenset(self.numbers[i] for i in self.code)
        blocks = structure([(self.numbers[i], self.lines[i], self.ks[i]) for i in kept], page_break, code)
        heading = Block(
            kind="heading", text=self.title, level=1, lines=tuple(self.numbers[i] for i in sorted(self.title_lines))
        )
        own = [Dropped(line=self.numbers[i], text=self.lines[i], rule=rule.name) for i, rule in self.dropped.items()]
        return Document(
            meta=replace(self.doc.meta, title=self.title, date=self.date, source=self.source, site=self.site_name),
            blocks=(heading, *blocks) if self.title else tuple(blocks),
            dropped=tuple(sorted((*self.doc.dropped, *own), key=lambda d: d.line)),
        )


DRAWN = frozenset({"decoration", "link-farm"})
"""Rules that read a line's drawing, not its words (a rule of dashes, cells between bars): in
preformatted text that is a table's or a diagram's ("+----+----+", "| id | type |")."""


def _unless_drawn(rule: Rule | None, preformatted: bool) -> Rule | None:
    return None if preformatted and rule is not None and rule.name in DRAWN else rule
