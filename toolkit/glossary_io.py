"""Glossary exchange: TBX (ISO 30042) and CSV, through translate-toolkit; and editing the TSV.

Round trips are lossless: every field of an entry has a place.

TBX (one ``termEntry`` per entry):

* ``langSet xml:lang="zh"``: the term, then each variant, as ``tig``s; the term carries
  ``termNote type="administrativeStatus"`` ``preferredTerm-admn-sts``, variants
  ``admittedTerm-admn-sts``;
* ``langSet xml:lang="en"``: the rendering, with ``termNote type="processStatus"``
  (``finalized`` = approved, ``provisionallyProcessed`` = proposed), ``termNote
  type="partOfSpeech"`` ``properNoun`` when the English is a fixed name, and
  ``admin type="source"`` for where the rendering comes from;
* the note as the entry's ``note``.

CSV (translate-toolkit's columns): ``source`` = zh, ``target`` = en, ``context`` = variants
(``|``-separated), ``fuzzy`` = proposed, ``location`` = ``fixed`` for fixed names,
``developer_comments`` = source, ``translator_comments`` = note. A cell that a spreadsheet
would run as a formula (starting ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, as
OWASP lists them) is written with a leading ``'``, which import removes again: see
:func:`csv_cell`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .errors import GlossaryError
from .files import MAX_INPUT_BYTES, read_input, split_lines, write_atomic
from .glossary import COLUMNS, Entry, Problem, check

FORMATS = ("tbx", "csv")
_STATUS_TBX = {"approved": "finalized", "proposed": "provisionallyProcessed"}
_STATUS_FROM_TBX = {v: k for k, v in _STATUS_TBX.items()}


def format_of(path: Path, forced: str | None) -> str:
    fmt = (forced or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise GlossaryError(
            f"unknown glossary exchange format {fmt or '(none)'!r}",
            path=path,
            hint="use a .tbx or .csv file, or --format",
        )
    return fmt


# --- export ------------------------------------------------------------------------------------


def export(entries: list[Entry], path: Path, fmt: str | None = None) -> None:
    """Write ``entries`` to ``path`` as TBX or CSV, atomically (see :func:`~toolkit.files.write_atomic`)."""
    data = to_tbx(entries) if format_of(path, fmt) == "tbx" else to_csv(entries)
    write_atomic(path, data)


def to_tbx(entries: list[Entry]) -> bytes:
    from lxml import etree
    from translate.storage import tbx

    store = tbx.tbxfile(sourcelanguage="zh", targetlanguage="en")
    for i, e in enumerate(entries, start=1):
        unit = store.addsourceunit(e.zh)
        unit.setid(f"t{i}")
        unit.set_source_terms([e.zh, *e.variants])
        unit.settarget(e.en)
        ns = unit.namespaced
        for j, tig in enumerate(unit.source_dom.findall(ns("tig"))):
            status = "preferredTerm-admn-sts" if j == 0 else "admittedTerm-admn-sts"
            etree.SubElement(tig, ns("termNote"), type="administrativeStatus").text = status
        tig = unit.target_dom.find(ns("tig"))
        etree.SubElement(tig, ns("termNote"), type="processStatus").text = _STATUS_TBX[e.status]
        if e.fixed:
            etree.SubElement(tig, ns("termNote"), type="partOfSpeech").text = "properNoun"
        if e.source:
            etree.SubElement(tig, ns("admin"), type="source").text = e.source
        if e.note:
            unit.addnote(e.note)
    return bytes(store)


_FORMULA = re.compile(r"'*[=+\-@\t\r]")
"""A cell spreadsheets read as a formula starts with one of these (after any quotes: so that
a value that itself starts ``'=`` survives the round trip)."""


def csv_cell(value: str) -> str:
    """A value as a CSV cell no spreadsheet runs: ``'`` before a formula-leading value."""
    return "'" + value if _FORMULA.match(value) else value


def csv_value(cell: str) -> str:
    """The value :func:`csv_cell` wrote: one leading ``'`` off where a formula start follows."""
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell, 1) else cell


def to_csv(entries: list[Entry]) -> bytes:
    from translate.storage import csvl10n

    store = csvl10n.csvfile()
    for e in entries:
        unit = store.addsourceunit(csv_cell(e.zh))
        unit.target = csv_cell(e.en)
        unit.context = csv_cell("|".join(e.variants))
        unit.fuzzy = "True" if e.status == "proposed" else "False"
        unit.location = "fixed" if e.fixed else ""
        unit.developer_comments = csv_cell(e.source)
        unit.translator_comments = csv_cell(e.note)
    return bytes(store)


# --- import ------------------------------------------------------------------------------------


def read(path: Path, fmt: str | None = None, *, max_bytes: int = MAX_INPUT_BYTES) -> list[Entry]:
    """Entries from a TBX or CSV file; a file that is neither, one over ``max_bytes`` or one
    that is not a regular file gets a GlossaryError."""
    kind = format_of(path, fmt)
    data = read_input(path, max_bytes, GlossaryError)
    try:
        entries = from_tbx(data, path) if kind == "tbx" else from_csv(data, path)
    except GlossaryError:
        raise
    except Exception as exc:  # lxml / csv / translate-toolkit parse errors
        raise GlossaryError(f"not a valid {kind.upper()} file ({type(exc).__name__}: {exc})", path=path) from None
    if not entries:
        raise GlossaryError(f"no terms found in this {kind.upper()} file", path=path)
    return entries


def from_tbx(data: bytes, path: Path) -> list[Entry]:
    from translate.storage import tbx

    store = tbx.tbxfile.parsestring(data, sourcelanguage="zh", targetlanguage="en")
    entries = []
    for n, unit in enumerate(store.units, start=1):
        ns = unit.namespaced
        zh_terms = [t.text for t in unit.get_source_terms() if t.text]
        en_terms = [t.text for t in unit.get_target_terms("en") if t.text]
        if not zh_terms or not en_terms:
            raise GlossaryError(f"term entry {n} lacks a zh or an en term", path=path)
        tig = unit.get_target_dom("en").find(ns("tig"))

        def note(type_: str, tag: str = "termNote", tig: Any = tig, ns: Any = ns) -> str:
            node = tig.find(f"{ns(tag)}[@type='{type_}']")
            return (node.text or "").strip() if node is not None else ""

        notes = [(n.text or "").strip() for n in unit.xmlelement.findall(ns("note"))]
        entries.append(
            Entry(
                zh=zh_terms[0],
                en=en_terms[0],
                status=_STATUS_FROM_TBX.get(note("processStatus"), "approved"),
                fixed=note("partOfSpeech") == "properNoun",
                variants=tuple(zh_terms[1:]),
                source=note("source", "admin"),
                note="\n".join(x for x in notes if x),
                path=str(path),
                line=n,
            )
        )
    return entries


def from_csv(data: bytes, path: Path) -> list[Entry]:
    from translate.storage import csvl10n

    store = csvl10n.csvfile.parsestring(data)
    entries = []
    for n, unit in enumerate(store.units, start=2):
        if not unit.source:
            continue
        entries.append(
            Entry(
                zh=csv_value(unit.source),
                en=csv_value(unit.target),
                status="proposed" if unit.isfuzzy() else "approved",
                fixed=unit.location == "fixed",
                variants=tuple(v for v in csv_value(unit.context).split("|") if v),
                source=csv_value(unit.developer_comments),
                note=csv_value(unit.translator_comments),
                path=str(path),
                line=n,
            )
        )
    return entries


# --- writing the TSV -------------------------------------------------------------------------


def tsv_row(e: Entry) -> str:
    """One TSV line; tabs and newlines inside fields become spaces (the format has no quoting)."""

    def clean(value: str) -> str:
        return " ".join(value.replace("\t", " ").split())

    fields = [e.zh, e.en, e.status, "yes" if e.fixed else "no", "|".join(e.variants), e.source, e.note]
    return "\t".join(clean(f) for f in fields)


def target_file(glossary: Path) -> Path:
    """The TSV file new entries go to: the file itself, or ``terms.tsv`` in a folder."""
    return glossary / "terms.tsv" if glossary.is_dir() or not glossary.suffix else glossary


def add_entries(
    glossary: Path, new: list[Entry], *, max_bytes: int = MAX_INPUT_BYTES
) -> tuple[list[Entry], list[Problem]]:
    """Add entries to the glossary's TSV, keeping its order; nothing is written on a conflict.

    Returns (entries added, problems). Entries identical to existing ones are skipped.
    """
    existing: list[Entry] = []
    if glossary.exists():
        existing, problems = check(glossary, max_bytes=max_bytes)
        if any(p.severity == "error" for p in problems):
            return [], [p for p in problems if p.severity == "error"]
    by_form = {f: e for e in existing for f in (e.zh, *e.variants)}
    added: list[Entry] = []
    problems = []
    for e in new:
        old = by_form.get(e.zh)
        if old is not None and (old.en, old.status, old.fixed, old.variants, old.source, old.note) == (
            e.en, e.status, e.fixed, e.variants, e.source, e.note,
        ):  # fmt: skip
            continue
        if old is not None:
            problems.append(
                Problem(
                    "error",
                    e.path or "<new>",
                    e.line,
                    f"{e.zh!r} is already in the glossary at {old.path}:{old.line}"
                    f" as {old.en!r}; edit that row instead",
                )
            )
            continue
        clash = next((f for f in e.variants if f in by_form), None)
        if clash:
            problems.append(
                Problem("error", e.path or "<new>", e.line, f"variant {clash!r} is already a glossary term")
            )
            continue
        added.append(e)
        by_form.update({f: e for f in (e.zh, *e.variants)})
    if problems or not added:
        return [], problems
    path = target_file(glossary)
    # check() above has read this file: regular, within the size limit, valid UTF-8. Line ends
    # are LF, CRLF and CR only, so a U+2028 inside a note does not split its row in two.
    if path.exists():
        lines = split_lines(read_input(path, max_bytes, GlossaryError).decode("utf-8-sig"))
    else:
        lines = ["\t".join(COLUMNS)]
    for e in sorted(added, key=lambda e: e.zh):
        lines = _insert_sorted(lines, tsv_row(e))
    write_atomic(path, "\n".join(lines) + "\n")
    return added, []


def _insert_sorted(lines: list[str], row: str) -> list[str]:
    """Insert ``row`` before the first data row that sorts after it (files kept sorted by zh)."""
    key = row.split("\t", 1)[0]
    header_seen = False
    for i, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        if line.split("\t", 1)[0] > key:
            return [*lines[:i], row, *lines[i:]]
    return [*lines, row]
