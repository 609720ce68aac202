"""The state the page passes share: a page's lines, what the rules say about each line, what
was dropped and why, and what was found (title, date, source)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..document import Block, Document, Dropped
from ..textmeta import key, keys, parse_date, strip_line, unmark
from .rules import Rule, match
from .structure import body_like, structure


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

    @classmethod
    def read(cls, doc: Document) -> Page:
        lines = [b.text for b in doc.blocks]
        ks = [unmark(s) for s in keys(lines)]
        rules = [match(s) for s in ks]
        numbers = [b.lines[0] if b.lines else i + 1 for i, b in enumerate(doc.blocks)]
        # An HTML page's <title> (line 0) is a header line however long it is: the title with
        # its site suffix ("标题_频道_站点"), never the body's first line.
        title_tag = {i for i, n in enumerate(numbers) if n == 0 and doc.meta.format == "html"}
        body_start = next(
            (
                i
                for i, (s, r) in enumerate(zip(ks, rules, strict=True))
                if (r is None or r.scope != "anywhere") and body_like(s) and i not in title_tag
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
        blocks = structure([(self.numbers[i], self.lines[i], self.ks[i]) for i in kept], page_break)
        heading = Block(
            kind="heading", text=self.title, level=1, lines=tuple(self.numbers[i] for i in sorted(self.title_lines))
        )
        own = [Dropped(line=self.numbers[i], text=self.lines[i], rule=rule.name) for i, rule in self.dropped.items()]
        return Document(
            meta=replace(self.doc.meta, title=self.title, date=self.date, source=self.source, site=self.site_name),
            blocks=(heading, *blocks) if self.title else tuple(blocks),
            dropped=tuple(sorted((*self.doc.dropped, *own), key=lambda d: d.line)),
        )
