"""What every translation backend provides."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from ..document import Segment


class Backend(Protocol):
    engine: str
    """``argos`` or ``gloss``: recorded in every segment's provenance."""
    model: str
    """What made the English: package name + version, or the dictionaries used."""

    def translate(self, segments: Sequence[Segment]) -> Iterator[tuple[int, str]]:
        """Yield ``(index, english)`` for every segment, in any order, as each is done.

        Glossary terms (``Segment.terms``) must appear in the English.
        """
        ...
