"""The normalise stage's reviewed data: the conversion fixes and the region markers.

Both are tables kept as data in ``toolkit/data/`` (``conversion_fixes.tsv``, ``region_markers.tsv``),
parsed here into rows; a bad row is a :class:`~toolkit.errors.ConfigError` naming its line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ConfigError


@dataclass(frozen=True, slots=True)
class Fix:
    """One reviewed correction on top of OpenCC (a row of ``data/conversion_fixes.tsv``)."""

    traditional: str
    """The word as it appears in the source text."""
    simplified: str
    """What it becomes."""
    conversions: frozenset[str]
    """The OpenCC configurations it applies to."""
    note: str
    """What OpenCC gives instead, and why the fix is right."""
    line: int
    """Line in the data file."""


@dataclass(frozen=True, slots=True)
class Marker:
    """Evidence for a region: a word or character only that region uses (``data/region_markers.tsv``)."""

    text: str
    regions: frozenset[str]
    """``taiwan`` and/or ``hongkong``; empty for a word that only contains a marker (創新創業)."""
    note: str


def _rows(text: str, name: str, header: tuple[str, ...]) -> Iterable[tuple[int, list[str]]]:
    """The data rows of a TSV data file: comments and blank lines skipped, header checked."""
    seen_header = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not seen_header:
            if tuple(c.strip() for c in cells) != header:
                raise ConfigError(f"header must be {' / '.join(header)}", path=name, line=number)
            seen_header = True
            continue
        if len(cells) < len(header) - 1 or not all(c.strip() for c in cells[: len(header) - 1]):
            raise ConfigError(f"expected {len(header)} tab-separated columns", path=name, line=number)
        yield number, [c.strip() for c in cells] + [""] * (len(header) - len(cells))


def load_fixes(text: str, name: str = "conversion_fixes.tsv") -> dict[str, Fix]:
    """Parse a conversion-fixes TSV; a bad row is a :class:`ConfigError` naming its line."""
    fixes: dict[str, Fix] = {}
    for number, (trad, simp, conversions, note) in _rows(
        text, name, ("traditional", "simplified", "conversions", "note")
    ):
        configs = frozenset(conversions.split())
        unknown = configs - {"tw2sp", "tw2s", "t2s", "hk2s"}
        if unknown:
            raise ConfigError(f"unknown conversion {sorted(unknown)[0]!r}", path=name, line=number)
        if trad in fixes:
            raise ConfigError(f"{trad} is already fixed on line {fixes[trad].line}", path=name, line=number)
        fixes[trad] = Fix(trad, simp, configs, note, number)
    return fixes


def load_markers(text: str, name: str = "region_markers.tsv") -> tuple[Marker, ...]:
    """Parse a region-markers TSV; a bad row is a :class:`ConfigError` naming its line."""
    markers = []
    for number, (marker, regions, note) in _rows(text, name, ("marker", "regions", "note")):
        found = frozenset(regions.split())
        if found == {"none"}:
            found = frozenset()
        elif not found <= {"taiwan", "hongkong"}:
            raise ConfigError("regions must be taiwan and/or hongkong, or none", path=name, line=number)
        markers.append(Marker(marker, found, note))
    return tuple(markers)


def _data(name: str) -> str:
    return resources.files("toolkit").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def conversion_fixes() -> dict[str, Fix]:
    """The reviewed fixes applied on top of OpenCC, by the word they replace."""
    return load_fixes(_data("conversion_fixes.tsv"), "toolkit/data/conversion_fixes.tsv")


@lru_cache(maxsize=1)
def region_markers() -> tuple[Marker, ...]:
    """The words and characters that show a document's region."""
    return load_markers(_data("region_markers.tsv"), "toolkit/data/region_markers.tsv")
