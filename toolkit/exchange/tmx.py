"""The translation memory as TMX 1.4b, through translate-toolkit's ``tmx`` storage.

Export: one ``<tu>`` per reviewed source (its newest review), ``zh-CN`` and ``en`` variants;
the reviewer as ``creationid``/``changeid``, the review time as ``changedate`` (TMX's
``YYYYMMDDThhmmssZ``), the state as ``<prop type="x-state">`` (``reviewed``/``final``), the
glossary version as ``x-glossary`` and where the review came from as ``x-origin``. With
``--all`` also every machine translation, marked ``x-state`` ``machine`` (or ``gloss``) with
``x-engine``, ``x-model`` and ``x-terms`` (the glossary entries its key holds, JSON).

Import: every ``<tu>`` with a ``zh*`` and an ``en*`` variant (``zh``, ``zh-CN``, ``zh-Hans``,
``zh_TW`` …; ``en``, ``en-US`` …, any case); ``x-state`` reviewed or final (none: reviewed)
becomes a review (reviewer from ``changeid``, else ``creationid``; time from ``changedate``,
else ``creationdate``; origin the TMX file's name); ``x-state`` machine or gloss becomes a
machine translation again. A unit with an empty or still-Chinese English, or an unknown
state, refuses the whole file: nothing is stored.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..document import HUMAN_STATES, Provenance, Segment, TermMatch
from ..errors import ExchangeError
from ..tm import Review, TranslationMemory, memory_error
from .reviews import mostly_chinese

SOURCE_LANG = "zh-CN"
TARGET_LANG = "en"
TOOL = "toolkit"
MACHINE_STATES = ("machine", "gloss")
_STATES = (*HUMAN_STATES, *MACHINE_STATES)


def tmx_date(iso: str) -> str:
    """ISO 8601 (as the memory records it) → TMX's ``YYYYMMDDThhmmssZ`` (UTC); ``""`` when
    it is not a time."""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def iso_date(tmx: str) -> str:
    """TMX's ``YYYYMMDDThhmmssZ`` → ISO 8601 UTC, as the memory records it; ``""`` when not one."""
    try:
        when = datetime.strptime(tmx.strip(), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return ""
    return when.isoformat(timespec="seconds")


# --- export ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MachineRow:
    zh: str
    en: str
    engine: str
    model: str
    terms: str
    """JSON ``[[zh, en], …]``, as the memory keys it."""
    glossary: str
    when: str


def machine_rows(memory: TranslationMemory) -> Iterator[MachineRow]:
    """Every machine translation in the memory (engine, model, terms: the full key)."""
    try:
        rows = memory.db.execute(
            "SELECT CASE WHEN text = '' THEN source ELSE text END, en, engine, model, terms, glossary, created"
            " FROM translations"
            " WHERE reviewed = 0 ORDER BY source, engine, model, terms"
        ).fetchall()
    except sqlite3.Error as exc:
        raise memory_error(exc, memory.path) from None
    for row in rows:
        yield MachineRow(*(str(v) for v in row))


def tmx_bytes(reviews: list[Review], machine: list[MachineRow]) -> bytes:
    from lxml import etree
    from translate.storage.tmx import tmxfile

    store = tmxfile(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    store.addheader()
    header = store.document.getroot().find(store.namespaced("header"))
    header.set("creationtool", TOOL)
    from .. import __version__

    header.set("creationtoolversion", __version__)

    def unit(zh: str, en: str, attrs: dict[str, str], props: list[tuple[str, str]]) -> None:
        tu = store.addsourceunit(zh, SOURCE_LANG)
        tu.settarget(en, TARGET_LANG, append=True)
        for name, value in attrs.items():
            if value:
                tu.xmlelement.set(name, value)
        first = tu.xmlelement.find(store.namespaced("tuv"))
        for kind, value in props:
            if value:
                prop = etree.Element(store.namespaced("prop"), type=kind)
                prop.text = value
                first.addprevious(prop)

    for r in reviews:
        date = tmx_date(r.when)
        attrs = {"creationid": r.reviewer, "changeid": r.reviewer, "creationdate": date, "changedate": date}
        unit(r.zh, r.en, attrs, [("x-state", r.state), ("x-glossary", r.glossary), ("x-origin", r.origin)])
    for m in machine:
        date = tmx_date(m.when)
        state = "gloss" if m.engine == "gloss" else "machine"
        props = [
            ("x-state", state),
            ("x-engine", m.engine),
            ("x-model", m.model),
            ("x-terms", m.terms if m.terms != "[]" else ""),
            ("x-glossary", m.glossary),
        ]
        unit(m.zh, m.en, {"creationid": f"{TOOL}:{m.engine}", "creationdate": date, "changedate": date}, props)
    return bytes(store)


def export_tmx(memory: TranslationMemory, path: Path, include_machine: bool = False) -> tuple[int, int]:
    """Write the memory's reviews (and with ``include_machine`` its machine translations) to
    ``path`` as TMX 1.4b; (reviews, machine translations) written."""
    from ..files import write_atomic

    reviews = list(memory.reviews())
    machine = list(machine_rows(memory)) if include_machine else []
    write_atomic(path, tmx_bytes(reviews, machine))
    return len(reviews), len(machine)


# --- import ----------------------------------------------------------------------------------


@dataclass
class TmxImport:
    """What a TMX file holds for the memory."""

    reviews: list[Review] = field(default_factory=list)
    machine: list[tuple[Segment, str, Provenance]] = field(default_factory=list)
    skipped: int = 0
    """Units without both a Chinese and an English variant."""
    errors: list[ExchangeError] = field(default_factory=list)


def _lang(tuv: Any) -> str:
    lang = tuv.get("{http://www.w3.org/XML/1998/namespace}lang") or tuv.get("lang") or ""
    return str(lang).lower().replace("_", "-")


def _text(tuv: Any, ns: str) -> str:
    seg = tuv.find(ns + "seg")
    return "".join(seg.itertext()) if seg is not None else ""


def read_tmx(path: Path, max_bytes: int) -> TmxImport:
    """The reviews and machine translations of a TMX file (nothing stored yet)."""
    from translate.storage.tmx import tmxfile

    from ..files import read_input

    try:
        data = read_input(path, max_bytes, error=ExchangeError)
    except ExchangeError as err:
        raise ExchangeError(err.message, path=path, hint=err.hint, usable=False) from None
    try:
        store = tmxfile.parsestring(data)
    except Exception as exc:  # lxml's and translate-toolkit's parse errors, any kind
        raise ExchangeError(f"not a readable TMX file: {exc}", path=path, usable=False) from None
    root = store.document.getroot()
    if root.tag.rpartition("}")[2] != "tmx":
        raise ExchangeError("not a TMX file (no <tmx> root)", path=path, usable=False)
    ns = store.namespaced("")
    found = TmxImport()
    for n, tu in enumerate(store.units, 1):
        element = tu.xmlelement
        where = element.get("tuid") or f"#{n}"
        zh = en = None
        for tuv in element.iterchildren(ns + "tuv"):
            lang = _lang(tuv)
            if zh is None and (lang == "zh" or lang.startswith("zh-")):
                zh = _text(tuv, ns)
            elif en is None and (lang == "en" or lang.startswith("en-")):
                en = _text(tuv, ns)
        if zh is None or en is None:
            found.skipped += 1
            continue
        props = {p.get("type"): p.text or "" for p in element.iterchildren(ns + "prop")}
        state = props.get("x-state") or "reviewed"
        error = (
            "no Chinese text"
            if not zh.strip()
            else "empty English"
            if not en.strip()
            else "the English is still Chinese"
            if mostly_chinese(en)
            else f"unknown x-state {state!r} (use {', '.join(_STATES)})"
            if state not in _STATES
            else ""
        )
        if error:
            found.errors.append(ExchangeError(error, path=path, unit=where))
            continue
        when = iso_date(element.get("changedate") or element.get("creationdate") or "")
        if state in HUMAN_STATES:
            who = element.get("changeid") or element.get("creationid") or ""
            found.reviews.append(Review(zh, en, state, who, when, props.get("x-glossary", ""), path.name))
            continue
        try:
            pairs = json.loads(props.get("x-terms") or "[]")
            terms = tuple(TermMatch(str(a), str(b), -1) for a, b in pairs)
        except (ValueError, TypeError):
            found.errors.append(ExchangeError("x-terms is not a JSON list of [zh, en] pairs", path=path, unit=where))
            continue
        engine = props.get("x-engine") or state
        prov = Provenance(engine=engine, model=props.get("x-model", ""), glossary=props.get("x-glossary", ""))
        found.machine.append((Segment("tmx", zh, terms=terms), en, prov))
    return found


def import_tmx(memory: TranslationMemory, found: TmxImport) -> tuple[int, int]:
    """Store what :func:`read_tmx` found: (reviews, machine translations) stored. Refuses
    (stores nothing) when a unit was refused."""
    if found.errors:
        raise found.errors[0]
    memory.store(found.machine)
    memory.changed()  # imported machine translations replace the memory's own
    return memory.add_reviews(found.reviews), len(found.machine)
