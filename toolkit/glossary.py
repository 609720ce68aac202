"""Stage 4, glossary: the curated zh→en term list, validated and matched longest-first.

The glossary is one or more tab-separated files (``glossary/*.tsv``) that translators edit
by hand. TSV because every row is one line (errors point at it, diffs show it), any
spreadsheet opens it, and term text never needs quoting. Columns, in this order:

``zh``        the Chinese term (Simplified, as normalise produces it)
``en``        the English rendering every translation must use
``status``    ``approved`` or ``proposed``
``fixed``     ``yes`` when the English is a fixed name whose case is kept; else ``no``
``variants``  other Chinese spellings (Traditional forms …), separated by ``|``
``source``    where the English rendering comes from
``note``      anything a translator should know

Lines starting with ``#`` and blank lines are ignored. The first other line is the header.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from .document import Document, TermMatch
from .errors import GlossaryError

COLUMNS = ("zh", "en", "status", "fixed", "variants", "source", "note")
STATUSES = ("approved", "proposed")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class Entry:
    zh: str
    en: str
    status: str = "approved"
    fixed: bool = False
    variants: tuple[str, ...] = ()
    source: str = ""
    note: str = ""
    path: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Problem:
    severity: str  # "error" or "warning"
    path: str
    line: int
    message: str

    def render(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


class Glossary:
    """Validated entries plus an Aho-Corasick matcher over their Chinese forms."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)

    @cached_property
    def version(self) -> str:
        """A short content hash: changes whenever a term or rendering changes."""
        h = hashlib.sha256()
        for e in sorted(self.entries, key=lambda e: e.zh):
            h.update(f"{e.zh}\t{e.en}\t{'|'.join(e.variants)}\n".encode())
        return h.hexdigest()[:12] if self.entries else ""

    @cached_property
    def _automaton(self) -> Any:
        import ahocorasick

        auto = ahocorasick.Automaton()
        for i, e in enumerate(self.entries):
            for form in (e.zh, *e.variants):
                if form:
                    auto.add_word(form, (i, form))
        if self.entries:
            auto.make_automaton()
        return auto

    def match(self, text: str) -> list[TermMatch]:
        """Glossary terms in ``text``: longest match wins, no two matches overlap."""
        if not self.entries:
            return []
        found: list[tuple[int, int, int]] = []  # (start, end, entry index)
        for end, (i, form) in self._automaton.iter(text):
            found.append((end - len(form) + 1, end + 1, i))
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        taken: list[tuple[int, int, int]] = []
        for f in found:
            if all(f[1] <= t[0] or f[0] >= t[1] for t in taken):
                taken.append(f)
        taken.sort()
        return [TermMatch(zh=self.entries[i].zh, en=self.entries[i].en, start=s) for s, _, i in taken]


def glossary_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.glob("*.tsv") if not p.name.startswith("."))
    if path.exists():
        return [path]
    raise GlossaryError("no such glossary file or folder", path=path, hint="pass --glossary PATH")


def check(path: Path) -> tuple[list[Entry], list[Problem]]:
    """Parse and validate every glossary file under ``path``; never raises for bad content."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    for f in glossary_files(path):
        e, p = _parse_file(f)
        entries += e
        problems += p
    problems += _cross_check(entries)
    return entries, problems


def load(path: Path | None) -> Glossary:
    """Load a glossary for use; any error stops with a line-numbered GlossaryError."""
    if path is None:
        return Glossary([])
    entries, problems = check(path)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        first = errors[0]
        more = f"; {len(errors) - 1} more error(s)" if len(errors) > 1 else ""
        raise GlossaryError(
            first.message + more,
            path=first.path,
            line=first.line,
            hint="fix the row, then run `toolkit glossary check`",
        )
    return Glossary(entries)


def _parse_file(path: Path) -> tuple[list[Entry], list[Problem]]:
    entries: list[Entry] = []
    problems: list[Problem] = []
    name = str(path)

    def err(line: int, msg: str) -> None:
        problems.append(Problem("error", name, line, msg))

    data = path.read_bytes()
    if b"\x00" in data:
        err(1, "file is binary, not a tab-separated glossary")
        return entries, problems
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        err(line, "not valid UTF-8; re-save the glossary as UTF-8")
        return entries, problems
    header: list[str] | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("\t")]
        if header is None:
            header = [f.lower() for f in fields]
            if tuple(header) != COLUMNS:
                err(lineno, f"header must be the tab-separated columns {' '.join(COLUMNS)}; found {' '.join(header)}")
                return entries, problems
            continue
        if len(fields) > len(COLUMNS):
            err(lineno, f"{len(fields)} tab-separated fields, expected at most {len(COLUMNS)} (a stray tab?)")
            continue
        if len(fields) < 2:
            err(lineno, "expected at least the zh and en fields separated by a tab")
            continue
        row = dict(zip(COLUMNS, fields + [""] * (len(COLUMNS) - len(fields)), strict=True))
        bad = False
        if not row["zh"]:
            err(lineno, "empty zh field")
            bad = True
        elif not _HAN.search(row["zh"]):
            err(lineno, f"zh field {row['zh']!r} has no Chinese characters (columns swapped?)")
            bad = True
        if not row["en"]:
            err(lineno, f"empty en field for {row['zh']!r}")
            bad = True
        status = row["status"] or "approved"
        if status not in STATUSES:
            err(lineno, f"status {row['status']!r} is not one of {', '.join(STATUSES)}")
            bad = True
        if row["fixed"].lower() not in ("", "yes", "no"):
            err(lineno, f"fixed {row['fixed']!r} must be yes or no")
            bad = True
        if bad:
            continue
        variants = tuple(v.strip() for v in row["variants"].split("|") if v.strip())
        entries.append(
            Entry(
                zh=row["zh"],
                en=row["en"],
                status=status,
                fixed=row["fixed"].lower() == "yes",
                variants=variants,
                source=row["source"],
                note=row["note"],
                path=name,
                line=lineno,
            )
        )
    if header is None:
        err(1, "glossary file is empty: it needs a header line")
    return entries, problems


def _cross_check(entries: list[Entry]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, Entry] = {}
    for e in entries:
        for form in (e.zh, *e.variants):
            prev = seen.get(form)
            if prev is None:
                seen[form] = e
                continue
            where = f"{prev.path}:{prev.line}"
            if prev.en == e.en:
                msg = f"duplicate term {form!r} (also at {where})"
            else:
                msg = f"conflicting translations for {form!r}: {e.en!r} here, {prev.en!r} at {where}"
            problems.append(Problem("error", e.path, e.line, msg))
    # A term inside a longer term whose English does not contain the shorter rendering.
    by_len = sorted(entries, key=lambda e: len(e.zh))
    for short in by_len:
        for long in by_len:
            if len(long.zh) > len(short.zh) and short.zh in long.zh and short.en.lower() not in long.en.lower():
                problems.append(
                    Problem(
                        "warning",
                        long.path,
                        long.line,
                        f"{long.zh!r} → {long.en!r} contains {short.zh!r} but not its rendering {short.en!r}"
                        f" ({short.path}:{short.line}); check the two agree",
                    )
                )
    return problems


def unused(entries: Iterable[Entry], corpus: str) -> list[Problem]:
    """Warnings for terms that never occur in ``corpus``."""
    return [
        Problem("warning", e.path, e.line, f"{e.zh!r} never occurs in the corpus")
        for e in entries
        if not any(form in corpus for form in (e.zh, *e.variants))
    ]


def apply_glossary(doc: Document, glossary: Glossary) -> Document:
    """Record the glossary terms found in each segment (``Segment.terms``)."""
    blocks = tuple(
        replace(b, segments=tuple(replace(s, terms=tuple(glossary.match(s.zh))) for s in b.segments))
        for b in doc.blocks
    )
    return replace(doc, blocks=blocks)
