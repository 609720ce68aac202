"""The change report: the :data:`Record` callback every rule reports through as it makes a change,
each change as a :class:`Change`, and a document's :class:`Report` (``toolkit normalize --report``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # detect imports the conversion, which imports Record from here
    from .detection import Detection

Record = Callable[[str, str, str, str], None]
"""``record(rule, before, after, note)``: called by each rule for each change it makes."""


@dataclass(frozen=True, slots=True)
class Change:
    """One change normalise made (``toolkit normalize --report``)."""

    rule: str
    """``script`` (characters), ``phrase`` (OpenCC wording), ``fix`` (data/conversion_fixes.tsv),
    ``punct``, ``paren``, ``quotes``, ``width`` or ``space``."""
    before: str
    after: str
    line: int = 0
    """1-based source line of the block changed (its first line); 0 where unknown (front-matter
    fields, blocks read back from Markdown)."""
    field: str = "text"
    """``text`` (a block), ``title`` or ``source``."""
    note: str = ""
    """For ``fix``: what OpenCC alone gives; for ``phrase``: the words replaced."""
    block: int = 0
    """1-based number of the block changed; 0 for front-matter fields."""

    def render(self, origin: str) -> str:
        """One report line: ``origin:LINE: [rule] before → after (note)``; spaces made visible.

        Where the source line is unknown the block number stands in for it (``origin:¶3``).
        """
        if self.field != "text":
            where = f"{origin}:{self.field}"
        else:
            where = f"{origin}:{self.line}" if self.line else f"{origin}:¶{self.block}"
        note = f"  ({_visible(self.note, keep=' ')})" if self.note else ""
        return f"{where}: [{self.rule}] {_visible(self.before)} → {_visible(self.after)}{note}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "before": self.before,
            "after": self.after,
            "line": self.line,
            "field": self.field,
            "block": self.block,
            "note": self.note,
        }


def _visible(text: str, keep: str = "") -> str:
    """Whitespace and invisible characters as escapes (``\\u3000``); ``∅`` for nothing."""
    if not text:
        return "∅"
    return "".join(f"\\u{ord(c):04x}" if c not in keep and (c.isspace() or not c.isprintable()) else c for c in text)


@dataclass(frozen=True, slots=True)
class Report:
    """What normalise found and did to one document."""

    detection: Detection | None
    """None when the document was already normalised (nothing was done)."""
    conversion: str
    changes: tuple[Change, ...] = ()
