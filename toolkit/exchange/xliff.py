"""XLIFF 2.0 and 1.2 review files, through translate-toolkit's ``xliff2`` and ``xliff`` storage.

One ``<file>`` per document (its id / ``original`` is the document's slug), with the document's
metadata as file-level notes; one unit per segment. What translate-toolkit's classes do not
model is set on their lxml elements, never by building XML text:

- XLIFF 2.0: ``<segment state>`` initial / translated / reviewed / final, with ``subState``
  ``toolkit:machine`` / ``toolkit:gloss`` / ``toolkit:fuzzy`` on pre-filled English; notes in
  the unit's ``<notes>`` (translate-toolkit 3.20 puts them inside ``<segment>``, which the
  schema does not allow); the segment's glossary terms as the Glossary module's
  ``<gls:glossary>``.
- XLIFF 1.2: ``<target state>`` new / needs-review-translation (``state-qualifier``
  mt-suggestion, leveraged-glossary, fuzzy-match) / translated / final; ``approved="yes"`` on
  final units; notes as ``<note from=…>``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ExchangeError
from .units import (
    NOTE_EXPORTED,
    NOTE_INFO,
    NOTE_TERM,
    SOURCE_LANG,
    TARGET_LANG,
    DocUnits,
    Returned,
    ReturnedFile,
    Unit,
    info_note,
    parse_info,
    term_note,
)

XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
GLOSSARY_NS = "urn:oasis:names:tc:xliff:glossary:2.0"
SUBSTATE_PREFIX = "toolkit:"

XLIFF2_STATE = {"new": "initial", "gloss": "translated", "machine": "translated", "fuzzy": "translated"}
"""Our state → XLIFF 2.0's (``reviewed`` and ``final`` are the same words)."""
XLIFF12_STATE = {
    "new": ("new", ""),
    "gloss": ("needs-review-translation", "leveraged-glossary"),
    "machine": ("needs-review-translation", "mt-suggestion"),
    "fuzzy": ("needs-review-translation", "fuzzy-match"),
    "reviewed": ("translated", ""),
    "final": ("final", ""),
}
"""Our state → XLIFF 1.2's ``state`` and ``state-qualifier``."""
XLIFF12_MARK = {
    "new": "new",
    "needs-translation": "new",
    "needs-adaptation": "machine",
    "needs-l10n": "machine",
    "needs-review-adaptation": "machine",
    "needs-review-l10n": "machine",
    "needs-review-translation": "machine",
    "translated": "translated",
    "signed-off": "final",
    "final": "final",
}
"""XLIFF 1.2 ``state`` → what it says of the target (:data:`~toolkit.exchange.units.MARKS`)."""


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


# --- XLIFF 2.0 -------------------------------------------------------------------------------


def xliff2_bytes(docs: list[DocUnits]) -> bytes:
    from lxml import etree
    from translate.storage.xliff2 import Xliff2File, Xliff2Unit

    store = Xliff2File()
    store.setsourcelanguage(SOURCE_LANG)
    store.settargetlanguage(TARGET_LANG)
    root = store.document.getroot()
    for i, doc in enumerate(docs):
        if i == 0:
            filenode = store.body
            store.setfilename(filenode, doc.meta.slug)
        else:
            filenode = store.createfilenode(doc.meta.slug)
            root.append(filenode)
            store.body = filenode
        if doc.header():
            notes = etree.SubElement(filenode, _q(XLIFF2_NS, "notes"))
            for name, value in doc.header():
                etree.SubElement(notes, _q(XLIFF2_NS, "note"), category=name).text = value
        for unit in doc.units:
            xunit = Xliff2Unit(unit.zh)
            xunit.setid(unit.id)
            if unit.en:
                xunit.target = unit.en
            segment = xunit.xmlelement
            segment.set("state", XLIFF2_STATE.get(unit.state, unit.state))
            if unit.needs_review:
                segment.set("subState", SUBSTATE_PREFIX + unit.state)
            element = xunit.getunitelement()
            _xliff2_unit_extras(element, unit)
            store.addunit(xunit)
    return bytes(store)


def _xliff2_unit_extras(element: Any, unit: Unit) -> None:
    """The glossary module's terms, then ``<notes>``, before the unit's ``<segment>``."""
    from lxml import etree

    extras = []
    if unit.terms:
        gls = etree.Element(_q(GLOSSARY_NS, "glossary"), nsmap={"gls": GLOSSARY_NS})
        for zh, en in unit.terms:
            entry = etree.SubElement(gls, _q(GLOSSARY_NS, "glossEntry"))
            etree.SubElement(entry, _q(GLOSSARY_NS, "term"), source="glossary").text = zh
            etree.SubElement(entry, _q(GLOSSARY_NS, "translation")).text = en
        extras.append(gls)
    notes = etree.Element(_q(XLIFF2_NS, "notes"))
    for category, text in _unit_notes(unit):
        etree.SubElement(notes, _q(XLIFF2_NS, "note"), category=category).text = text
    extras.append(notes)
    for pos, extra in enumerate(extras):
        element.insert(pos, extra)


def _unit_notes(unit: Unit) -> list[tuple[str, str]]:
    notes = [(NOTE_INFO, info_note(unit))]
    if unit.en:
        notes.append((NOTE_EXPORTED, unit.en))
    notes += [(NOTE_TERM, term_note(zh, en)) for zh, en in unit.terms]
    return notes


def read_xliff2(path: Path, data: bytes) -> ReturnedFile:
    from translate.storage.xliff2 import SEGMENT_SEPARATOR, Xliff2File

    try:
        store = Xliff2File.parsestring(data)
    except Exception as exc:  # lxml's and translate-toolkit's parse errors, any kind
        raise ExchangeError(f"not a readable XLIFF 2.0 file: {exc}", path=path, usable=False) from None
    root = store.document.getroot()
    translator = ""
    for filenode in root.iterchildren(_q(XLIFF2_NS, "file")):
        for notes in filenode.iterchildren(_q(XLIFF2_NS, "notes")):
            for note in notes.iterchildren(_q(XLIFF2_NS, "note")):
                if note.get("category") == "translator":
                    translator = (note.text or "").strip()
    units = []
    for xunit in store.getunits():
        element = xunit.getunitelement()
        uid = element.get("id") or ""
        if SEGMENT_SEPARATOR in (xunit.getid() or ""):
            raise ExchangeError("a unit with several segments; export again", path=path, unit=uid)
        notes = {
            n.get("category"): n.text or ""
            for n in element.iterchildren(_q(XLIFF2_NS, "notes"))
            for n in n.iterchildren(_q(XLIFF2_NS, "note"))
            if n.get("category") in (NOTE_INFO, NOTE_EXPORTED)
        }
        segment = xunit.xmlelement
        state = segment.get("state") or ("translated" if xunit.target else "initial")
        sub = segment.get("subState") or ""
        if state == "initial":
            mark = "new"
        elif state == "translated":
            mark = "machine" if sub.startswith(SUBSTATE_PREFIX) else "translated"
        elif state in ("reviewed", "final"):
            mark = state
        else:
            raise ExchangeError(f"unknown state {state!r}", path=path, unit=uid, hint="use XLIFF 2.0 states")
        units.append(_returned(uid, xunit.source, xunit.target, mark, notes))
    return ReturnedFile(path, "xliff", translator, tuple(units))


def _returned(uid: str, source: Any, target: Any, mark: str, notes: dict[Any, str]) -> Returned:
    return Returned(
        uid,
        str(source or ""),
        str(target or ""),
        mark,
        exported_en=notes.get(NOTE_EXPORTED, ""),
        exported_state=parse_info(notes.get(NOTE_INFO, "")).get("state", ""),
    )


# --- XLIFF 1.2 -------------------------------------------------------------------------------


XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"


def _xliff12_store() -> Any:
    """translate-toolkit's ``xlifffile``, writing XLIFF 1.2 (its own skeleton says 1.1)."""
    from translate.storage.xliff import xlifffile, xliffunit

    class Xliff12Unit(xliffunit):
        namespace = XLIFF12_NS

    class Xliff12File(xlifffile[Xliff12Unit]):
        UnitClass = Xliff12Unit
        XMLskeleton = xlifffile.XMLskeleton.replace("1.1", "1.2")
        namespace = XLIFF12_NS

    return Xliff12File(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)


def xliff12_bytes(docs: list[DocUnits]) -> bytes:
    from lxml import etree

    store = _xliff12_store()
    for doc in docs:
        slug = doc.meta.slug
        store.switchfile(slug, createifmissing=True)
        filenode = store.getfilenode(slug)
        filenode.set("datatype", "plaintext")
        if doc.header():
            header = store.getheadernode(filenode, createifmissing=True)
            for name, value in doc.header():
                etree.SubElement(header, store.namespaced("note"), {"from": name}).text = value
        for unit in doc.units:
            xunit = store.addsourceunit(unit.zh, filename=slug)
            xunit.xmlelement.set("id", unit.id)
            xunit.xmlelement.set("resname", unit.id)
            xunit.target = unit.en
            target = xunit.xmlelement.find(store.namespaced("target"))
            state, qualifier = XLIFF12_STATE[unit.state]
            if target is not None:
                target.set("state", state)
                if qualifier:
                    target.set("state-qualifier", qualifier)
            xunit.xmlelement.set("approved", "yes" if unit.state == "final" else "no")
            for origin, text in _unit_notes(unit):
                xunit.addnote(text, origin=origin)
    store.removedefaultfile()
    return bytes(store)


def read_xliff12(path: Path, data: bytes) -> ReturnedFile:
    from translate.storage.xliff import xlifffile

    try:
        store = xlifffile.parsestring(data)
    except Exception as exc:  # lxml's and translate-toolkit's parse errors, any kind
        raise ExchangeError(f"not a readable XLIFF 1.2 file: {exc}", path=path, usable=False) from None
    translator = ""
    for phase in store.document.getroot().iter(store.namespaced("phase")):
        translator = phase.get("contact-name") or translator
    units = []
    for xunit in store.getunits():
        element = xunit.xmlelement
        uid = element.get("id") or ""
        target = element.find(store.namespaced("target"))
        text = str(xunit.target or "")
        state = target.get("state") if target is not None else None
        if state is None:
            mark = "translated" if text else "new"
        elif state in XLIFF12_MARK:
            mark = XLIFF12_MARK[state]
        elif state.startswith("x-"):
            mark = "translated"
        else:
            raise ExchangeError(f"unknown state {state!r}", path=path, unit=uid, hint="use XLIFF 1.2 states")
        if element.get("approved") == "yes" and mark in ("translated", "machine"):
            mark = "reviewed"
        notes = {origin: xunit.getnotes(origin) for origin in (NOTE_INFO, NOTE_EXPORTED)}
        units.append(_returned(uid, xunit.source, text, mark, notes))
    return ReturnedFile(path, "xliff12", translator, tuple(units))
