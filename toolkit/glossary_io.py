"""Glossary exchange: TBX-Basic (ISO 30042) and CSV; and editing the TSV.

Round trips are lossless: every field of an entry has a place.

TBX, written as TBX-Basic, the TBX dialect CAT tools exchange (data categories and levels as
LTAC Global's TBX-Basic defines them; ``tests/schemas/`` holds its RELAX NG schema, which the
tests validate against). ``--format tbx`` (the default for ``.tbx``) is TBX 2008 (``martif``,
ISO 30042:2008), written through translate-toolkit and read by it and by most CAT tools;
``--format tbx3`` is TBX v3 (ISO 30042:2019, ``<tbx type="TBX-Basic" style="dca">``). One
concept entry per glossary entry:

* the note, at concept level (``note`` before the language sections);
* ``xml:lang="zh"``: the term, then each variant, as term sections; the term carries
  ``termNote type="administrativeStatus"`` ``preferredTerm-admn-sts``, variants
  ``admittedTerm-admn-sts``;
* ``xml:lang="en"``: the rendering, with ``administrativeStatus`` ``preferredTerm-admn-sts``
  when approved and ``admittedTerm-admn-sts`` when proposed; ``termNote type="partOfSpeech"``
  ``properNoun`` when the English is a fixed name; ``admin type="source"`` for where the
  rendering comes from.

Import reads either version (and the ``processStatus`` files earlier versions wrote), with
language tags such as ``zh-CN``, ``zh-Hans``, ``zh-TW`` (terms of a second Chinese language
section become variants) and ``en-US``; a definition or a note at any level joins the note.

CSV: the header names the columns. Export writes translate-toolkit's (``source`` = zh,
``target`` = en, ``context`` = variants, ``|``-separated, ``fuzzy`` = proposed, ``location`` =
``fixed`` for fixed names, ``developer_comments`` = source, ``translator_comments`` = note);
import also maps the headers other tools write (``Chinese,English,Notes``, ``zh-CN,en-US``,
``term,translation,comment`` …, see :data:`CSV_HEADERS`) and refuses a file whose header it
cannot map, rather than importing the header as a term. A cell that a spreadsheet would run
as a formula (starting ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, as OWASP lists
them) is written with a leading ``'``, which import removes again: see :func:`csv_cell`.

Every imported row is validated as a TSV row would be (:func:`~toolkit.glossary.parse_row`):
a row with an empty side is refused, naming the file and its line (CSV) or entry (TBX).
Identical rows, in the file or already in the glossary, are skipped.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from .errors import GlossaryError
from .files import MAX_INPUT_BYTES, read_input, split_lines, write_atomic
from .glossary import COLUMNS, Entry, Problem, check, nested_problems, parse_row

FORMATS = ("tbx", "tbx3", "csv")
TBX3_NS = "urn:iso:std:iso:30042:ed-2"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PREFERRED, _ADMITTED = "preferredTerm-admn-sts", "admittedTerm-admn-sts"
_STATUS_FROM_PROCESS = {"finalized": "approved", "provisionallyProcessed": "proposed"}


def format_of(path: Path, forced: str | None) -> str:
    fmt = (forced or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise GlossaryError(
            f"unknown glossary exchange format {fmt or '(none)'!r}",
            path=path,
            hint="use a .tbx or .csv file, or --format tbx, tbx3 or csv",
        )
    return fmt


# --- export ------------------------------------------------------------------------------------


def render(entries: list[Entry], fmt: str) -> bytes:
    """``entries`` as the bytes of a ``fmt`` file (one of :data:`FORMATS`)."""
    if fmt == "csv":
        return to_csv(entries)
    return to_tbx3(entries) if fmt == "tbx3" else to_tbx(entries)


def export(entries: list[Entry], path: Path, fmt: str | None = None) -> None:
    """Write ``entries`` to ``path`` as TBX or CSV, atomically (see :func:`~toolkit.files.write_atomic`).

    Only a regular file (or a new one) is written: a device, a pipe or a folder at ``path``
    is refused, never replaced (``toolkit glossary export -`` writes to standard output).
    """
    kind = format_of(path, fmt)
    if path.exists() and not path.resolve().is_file():
        raise GlossaryError(
            "is not a regular file; the export would replace it",
            path=path,
            hint="name a new or regular file, or - for standard output with --format",
        )
    write_atomic(path, render(entries, kind))


def _tbx_tree(entries: list[Entry]) -> Any:
    """TBX-Basic 2008 (``martif``) as an lxml tree, built through translate-toolkit."""
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
            etree.SubElement(tig, ns("termNote"), type="administrativeStatus").text = (
                _PREFERRED if j == 0 else _ADMITTED
            )
        tig = unit.target_dom.find(ns("tig"))
        status = _PREFERRED if e.status == "approved" else _ADMITTED
        etree.SubElement(tig, ns("termNote"), type="administrativeStatus").text = status
        if e.fixed:
            etree.SubElement(tig, ns("termNote"), type="partOfSpeech").text = "properNoun"
        if e.source:
            etree.SubElement(tig, ns("admin"), type="source").text = e.source
        if e.note:  # concept level: before the language sections, as TBX's core structure orders them
            note = etree.Element(ns("note"))
            note.text = e.note
            unit.xmlelement.insert(0, note)
    root = store.document.getroot()
    root.set("type", "TBX-Basic")
    source_desc = root.find(".//sourceDesc/p")
    if source_desc is not None:
        source_desc.text = "toolkit glossary export (zh→en termbase)"
    return store.document


def to_tbx(entries: list[Entry]) -> bytes:
    """TBX-Basic in TBX 2008 (``martif``): what translate-toolkit and most CAT tools read."""
    from lxml import etree

    tree = _tbx_tree(entries)
    data: bytes = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


_V3_NAMES = {
    "martif": "tbx",
    "martifHeader": "tbxHeader",
    "termEntry": "conceptEntry",
    "langSet": "langSec",
    "tig": "termSec",
}


def to_tbx3(entries: list[Entry]) -> bytes:
    """TBX-Basic in TBX v3 (ISO 30042:2019), data category as attribute (``style="dca"``)."""
    from lxml import etree

    old = _tbx_tree(entries).getroot()

    def convert(node: Any) -> Any:
        new = etree.Element(f"{{{TBX3_NS}}}{_V3_NAMES.get(node.tag, node.tag)}", nsmap={None: TBX3_NS})
        for key, value in node.attrib.items():
            new.set(key, value)
        new.text = node.text
        for child in node:
            if isinstance(child.tag, str):
                c = convert(child)
                c.tail = child.tail
                new.append(c)
        return new

    root = convert(old)
    root.set("type", "TBX-Basic")
    root.set("style", "dca")
    root.set(_XML_LANG, "zh")
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


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
    """Entries from a TBX or CSV file; a file that is neither, one over ``max_bytes``, one
    that is not a regular file, or one with an invalid row gets a GlossaryError naming it."""
    kind = format_of(path, fmt)
    data = read_input(path, max_bytes, GlossaryError)
    try:
        rows = from_csv(data, path) if kind == "csv" else from_tbx(data, path)
    except GlossaryError:
        raise
    except Exception as exc:  # lxml / csv parse errors
        name = "CSV" if kind == "csv" else "TBX"
        raise GlossaryError(f"not a valid {name} file ({type(exc).__name__}: {exc})", path=path) from None
    if not rows:
        raise GlossaryError(f"no terms found in this {'CSV' if kind == 'csv' else 'TBX'} file", path=path)
    entries: list[Entry] = []
    seen: dict[str, Entry] = {}
    for line, fields in rows:
        entry, problems = parse_row(fields, str(path), line)
        if entry is None:
            first = problems[0]
            raise GlossaryError(first.message, path=path, line=line, hint="fix that row, then import again")
        prev = seen.get(entry.zh)
        if prev is not None:
            if _same(prev, entry):
                continue  # an identical row twice: skipped
            raise GlossaryError(
                f"{entry.zh!r} appears twice with different fields (also at line {prev.line})", path=path, line=line
            )
        seen[entry.zh] = entry
        entries.append(entry)
    return entries


def _same(a: Entry, b: Entry) -> bool:
    return (a.zh, a.en, a.status, a.fixed, a.variants, a.source, a.note) == (
        b.zh, b.en, b.status, b.fixed, b.variants, b.source, b.note,
    )  # fmt: skip


def _lang(tag: str | None) -> str:
    """``zh`` for any Chinese tag (``zh-CN``, ``zh-Hans``, ``zh_TW``, ``cmn``), ``en`` for any
    English one (``en-US``), else the tag lower-cased."""
    primary = re.split(r"[-_]", (tag or "").strip().lower())[0]
    if primary in ("zh", "zho", "chi", "cmn"):
        return "zh"
    if primary in ("en", "eng"):
        return "en"
    return primary


def _local(node: Any) -> str:
    tag = node.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def from_tbx(data: bytes, path: Path) -> list[tuple[int, list[str]]]:
    """(line, TSV fields) for each concept entry of a TBX 2008 or v3 file (the line its
    entry element starts on)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(data, parser)
    if _local(root) not in ("martif", "tbx"):
        raise GlossaryError(f"root element is <{_local(root)}>, not TBX's <martif> or <tbx>", path=path)
    rows = []
    entries = [n for n in root.iter() if _local(n) in ("termEntry", "conceptEntry")]
    for n, entry in enumerate(entries, start=1):
        zh: list[str] = []
        en: list[str] = []
        status = fixed = source = ""
        notes: list[str] = []

        def aux(node: Any, notes: list[str] = notes) -> None:
            for child in node:
                name, type_ = _local(child), child.get("type", "")
                text = " ".join("".join(child.itertext()).split())
                if name == "note" and text:
                    notes.append(text)
                elif name == "descrip" and text and type_ in ("definition", "context"):
                    notes.append(f"{type_}: {text}")
                elif name.endswith("Grp"):
                    aux(child)

        aux(entry)
        for lang_set in (c for c in entry if _local(c) in ("langSet", "langSec")):
            lang = _lang(lang_set.get(_XML_LANG))
            aux(lang_set)
            for tig in (c for c in lang_set if _local(c) in ("tig", "termSec", "ntig")):
                term = next((t for t in tig.iter() if _local(t) == "term"), None)
                text = " ".join("".join(term.itertext()).split()) if term is not None else ""
                if lang == "zh" and text:
                    zh.append(text)
                elif lang == "en" and text:
                    en.append(text)
                    if len(en) > 1:
                        continue  # a second English term: a synonym; the first is the rendering
                    for note in tig.iter():
                        name, type_ = _local(note), note.get("type", "")
                        value = (note.text or "").strip()
                        if name == "termNote" and type_ == "administrativeStatus":
                            status = "approved" if value == _PREFERRED else status or "proposed"
                        elif name == "termNote" and type_ == "processStatus":
                            status = _STATUS_FROM_PROCESS.get(value, status)
                        elif name == "termNote" and type_ == "partOfSpeech":
                            fixed = "yes" if value == "properNoun" else "no"
                        elif name == "admin" and type_ == "source":
                            source = value
                    aux(tig)
        if not zh or not en:
            raise GlossaryError(
                f"term entry {n} ({entry.get('id') or 'no id'}) has no {'Chinese' if not zh else 'English'} term",
                path=path,
                line=entry.sourceline,
                hint="every entry needs an xml:lang=zh and an xml:lang=en term",
            )
        variants = list(dict.fromkeys(v for v in zh[1:] if v != zh[0]))
        rows.append(
            (entry.sourceline or n, [zh[0], en[0], status, fixed or "no", "|".join(variants), source, "; ".join(notes)])
        )
    return rows


CSV_HEADERS: dict[str, tuple[str, ...]] = {
    "zh": ("source", "zh", "chinese", "中文", "简体中文", "term", "source term", "source_term", "src"),
    "en": ("target", "en", "english", "英文", "英语", "translation", "target term", "target_term", "tgt", "rendering"),
    "note": ("translator_comments", "note", "notes", "comment", "comments", "remark", "remarks", "备注", "注释"),
    "source": ("developer_comments", "provenance", "reference", "citation", "origin", "出处", "来源"),
    "variants": ("context", "variants", "variant", "synonyms", "异体"),
    "status": ("fuzzy", "status"),
    "fixed": ("location", "fixed"),
}
"""Header names (compared case-insensitively) for each glossary field; a language tag such as
``zh-CN``, ``zh-Hans`` or ``en-US`` names the zh or en column too."""


def _csv_columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for i, name in enumerate(h.strip().lower() for h in header):
        field = next((f for f, names in CSV_HEADERS.items() if name in names), None)
        if field is None and re.fullmatch(r"[a-z]{2,3}([-_][a-z0-9]{2,8})*", name) and _lang(name) in ("zh", "en"):
            field = _lang(name)
        if field is not None and field not in columns:
            columns[field] = i
    return columns


def from_csv(data: bytes, path: Path) -> list[tuple[int, list[str]]]:
    """(line, TSV fields) for each row of a CSV file with a header naming its columns."""
    text = data.decode("utf-8-sig")
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header = next(reader, None)
    if header is None:
        return []
    columns = _csv_columns(header)
    if "zh" not in columns or "en" not in columns:
        looks_like_data = any(re.search(r"[\u3400-\u9fff]", h) and h.strip() not in CSV_HEADERS["zh"] for h in header)
        found = ", ".join(h for h in header) or "(empty)"
        raise GlossaryError(
            f"the CSV header names no {'Chinese' if 'zh' not in columns else 'English'} column"
            + (" (the first row looks like a term: the file needs a header row)" if looks_like_data else "")
            + f"; found: {found}",
            path=path,
            line=1,
            hint="name the columns source,target or Chinese,English or zh-CN,en-US (comment/notes optional)",
        )
    rows = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue

        def cell(field: str, row: list[str] = row) -> str:
            i = columns.get(field)
            return csv_value(row[i].strip()) if i is not None and i < len(row) else ""

        status = cell("status").lower()
        if "status" in columns and header[columns["status"]].strip().lower() == "fuzzy":
            status = "proposed" if status in ("true", "1", "yes") else "approved"
        fixed = cell("fixed").lower()
        fixed = "yes" if fixed in ("fixed", "yes", "true", "1") else "no"
        rows.append((line, [cell("zh"), cell("en"), status, fixed, cell("variants"), cell("source"), cell("note")]))
    return rows


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

    Returns (entries added, problems). Entries identical to existing ones are skipped. What
    ``glossary check`` would reject is refused: a duplicate or conflicting term or variant, and
    a term inside a longer one whose English lacks its rendering, either way round.
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
        if old is not None and _same(old, e):
            continue
        if old is not None:
            problems.append(
                Problem(
                    "error",
                    e.path or "<new>",
                    e.line,
                    f"{e.zh!r} is already in the glossary at {old.path}:{old.line}"
                    f" as {old.en!r}; edit that row instead (toolkit glossary edit)",
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
    if not problems and added:
        problems = _nesting(existing, added)
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


def _nesting(existing: list[Entry], changed: list[Entry]) -> list[Problem]:
    """Nesting errors that ``changed`` entries would bring into a glossary of ``existing``:
    a changed term that contains an existing one without its rendering, or the reverse."""
    from .glossary import Glossary

    everything = Glossary([*existing, *changed])
    problems = nested_problems(changed, everything)
    # Existing longer terms that contain a changed one: only those can be affected.
    changed_forms = Glossary(changed)
    affected = [e for e in existing if changed_forms.match(e.zh) and all(e.zh != c.zh for c in changed)]
    problems += nested_problems(affected, changed_forms)
    return problems


def find_entry(glossary: Path, zh: str, *, max_bytes: int = MAX_INPUT_BYTES) -> tuple[list[Entry], Entry]:
    """All entries of a glossary with no errors, and the one whose term (or variant) is ``zh``."""
    entries, problems = check(glossary, max_bytes=max_bytes)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise GlossaryError(
            errors[0].message,
            path=errors[0].path,
            line=errors[0].line,
            hint="fix the glossary first (toolkit glossary check)",
        )
    entry = next((e for e in entries if e.zh == zh), None) or next((e for e in entries if zh in e.variants), None)
    if entry is None:
        raise GlossaryError(f"{zh!r} is not in the glossary", path=glossary, hint="see toolkit glossary list")
    return entries, entry


def _rewrite_line(entry: Entry, row: str | None, max_bytes: int) -> None:
    """Replace (or, with ``row`` None, delete) the line ``entry`` was read from, atomically; a
    row with another term moves to its sorted place."""
    path = Path(entry.path)
    lines = split_lines(read_input(path, max_bytes, GlossaryError).decode("utf-8-sig"))
    i = entry.line - 1
    if not (0 <= i < len(lines)) or not lines[i].split("\t", 1)[0].strip() == entry.zh:
        raise GlossaryError(
            "the file changed while it was being edited", path=path, line=entry.line, hint="run it again"
        )
    if row is not None and row.split("\t", 1)[0] == entry.zh:
        lines[i] = row
    else:
        del lines[i]
        if row is not None:
            lines = _insert_sorted(lines, row)
    write_atomic(path, "\n".join(lines) + "\n")


def remove_entry(glossary: Path, zh: str, *, max_bytes: int = MAX_INPUT_BYTES) -> Entry:
    """Delete the entry for ``zh`` (its term or a variant) from its TSV file; the entry removed."""
    _, entry = find_entry(glossary, zh, max_bytes=max_bytes)
    _rewrite_line(entry, None, max_bytes)
    return entry


def edit_entry(
    glossary: Path, zh: str, changes: dict[str, str], *, max_bytes: int = MAX_INPUT_BYTES
) -> tuple[Entry | None, list[Problem]]:
    """Change fields (``COLUMNS`` names, TSV spelling) of the entry for ``zh`` in place.

    The edited row is validated as a file row, and against the rest of the glossary as
    ``glossary check`` would; on any problem nothing is written. Returns (new entry, problems).
    """
    entries, entry = find_entry(glossary, zh, max_bytes=max_bytes)
    fields = dict(zip(COLUMNS, tsv_row(entry).split("\t"), strict=True))
    fields.update(changes)
    new, problems = parse_row([fields[c] for c in COLUMNS], entry.path, entry.line)
    if new is None:
        return None, problems
    others = [e for e in entries if e is not entry]
    by_form = {f: e for e in others for f in (e.zh, *e.variants)}
    for form in (new.zh, *new.variants):
        if form in by_form:
            prev = by_form[form]
            problems.append(
                Problem("error", new.path, new.line, f"{form!r} is already in the glossary at {prev.path}:{prev.line}")
            )
    problems += _nesting(others, [new])
    if problems:
        return None, problems
    _rewrite_line(entry, tsv_row(new), max_bytes)
    return new, []


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
