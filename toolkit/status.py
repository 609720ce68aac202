"""Where the English of each document stands: how many segments are final, reviewed, fuzzy,
machine-made, glossed or still without English, and how many QA problems it has.

``toolkit status`` prints it; the site's index shows the same coverage per document.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .document import STATES, Document, state_of
from .qa import Problem, document_problems


def coverage(doc: Document) -> dict[str, int]:
    """Segments per state (:data:`toolkit.document.STATES`, every state present, most trusted
    first)."""
    counts = Counter(state_of(s) for s in doc.segments)
    return {state: counts.get(state, 0) for state in reversed(STATES)}


@dataclass(frozen=True, slots=True)
class DocStatus:
    slug: str
    title: str
    origin: str
    segments: int
    states: dict[str, int]
    problems: list[Problem]

    def to_dict(self) -> dict[str, object]:
        return {
            "document": self.slug,
            "title": self.title,
            "origin": self.origin,
            "segments": self.segments,
            "states": self.states,
            "qa": [p.to_dict() for p in self.problems],
        }


def document_status(doc: Document, glossary_version: str = "") -> DocStatus:
    """``doc``'s coverage and QA (segments without English yet are ``new``, not problems)."""
    problems = document_problems(doc, glossary_version)
    return DocStatus(doc.meta.slug, doc.meta.title, doc.meta.origin, len(doc.segments), coverage(doc), problems)


def totals(statuses: list[DocStatus]) -> dict[str, int]:
    """Segments per state over every document, and the QA problems."""
    out: Counter[str] = Counter()
    for st in statuses:
        out.update(st.states)
    return {**{state: out.get(state, 0) for state in reversed(STATES)}, "qa": sum(len(s.problems) for s in statuses)}
