"""What every translation backend provides."""

from __future__ import annotations

from typing import Protocol

from ..document import Segment


class Backend(Protocol):
    engine: str
    """``argos`` or ``gloss``: recorded in every segment's provenance."""
    model: str
    """What made the English: package name + version, or the dictionaries used."""

    def translate(self, segments: list[Segment]) -> list[str]:
        """English for each segment, in order. Glossary terms (``Segment.terms``) must appear."""
        ...
