"""gettext PO review files, through translate-toolkit's ``pypo`` storage.

One entry per segment: ``msgctxt`` is the unit id (``<slug>:<segment>``), ``msgid`` the
Chinese, ``msgstr`` the English. Pre-filled English (gloss, machine, fuzzy) carries the
``fuzzy`` flag: a translator who accepts or edits it clears the flag. The state and how the
English was made go in an extracted comment (``#. toolkit: state: machine; engine: …``), the
English as exported in ``#. exported-en: …``, each glossary term in ``#. glossary: zh = en``.
The header carries the languages and, as comments, each document's metadata; its
``Last-Translator`` names the reviewer on import.
"""

from __future__ import annotations

from pathlib import Path

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
    info_note,
    parse_info,
    term_note,
)

_DEFAULT_TRANSLATOR = "FULL NAME <EMAIL@ADDRESS>"


def po_bytes(docs: list[DocUnits]) -> bytes:
    from translate.storage import pypo

    store = pypo.pofile()
    header = store.init_headers(
        charset="UTF-8",
        encoding="8bit",
        project_id_version="toolkit review",
        language=TARGET_LANG,
        x_source_language=SOURCE_LANG,
    )
    for doc in docs:
        fields = "; ".join(f"{name}: {' '.join(value.split())}" for name, value in doc.header())
        header.addnote(f"document {doc.meta.slug}" + (f": {fields}" if fields else ""), origin="translator")
    for doc in docs:
        for unit in doc.units:
            entry = store.UnitClass(unit.zh)
            entry.setcontext(unit.id)
            entry.target = unit.en
            entry.addnote(f"{NOTE_INFO}: {info_note(unit)}", origin="developer")
            if unit.en:
                entry.addnote(f"{NOTE_EXPORTED}: {' '.join(unit.en.splitlines())}", origin="developer")
            for zh, en in unit.terms:
                entry.addnote(f"{NOTE_TERM}: {term_note(zh, en)}", origin="developer")
            if unit.needs_review:
                entry.markfuzzy(True)
            store.addunit(entry)
    return bytes(store)


def read_po(path: Path, data: bytes) -> ReturnedFile:
    from translate.storage import pypo

    try:
        store = pypo.pofile.parsestring(data)
    except Exception as exc:  # translate-toolkit's parse errors, any kind
        raise ExchangeError(f"not a readable PO file: {exc}", path=path, usable=False) from None
    translator = str(store.parseheader().get("Last-Translator", "") or "").strip()
    if translator == _DEFAULT_TRANSLATOR:
        translator = ""
    units = []
    for entry in store.units:
        if entry.isheader() or entry.isobsolete():
            continue
        uid = str(entry.getcontext() or "")
        notes: dict[str, str] = {}
        for line in entry.getnotes("developer").splitlines():
            key, sep, value = line.partition(": ")
            if sep and key in (NOTE_INFO, NOTE_EXPORTED):
                notes[key] = value
        target = str(entry.target or "")
        mark = "machine" if entry.isfuzzy() else "translated" if target else "new"
        if mark == "translated" and parse_info(notes.get(NOTE_INFO, "")).get("state") == "final":
            mark = "final"  # PO has no sign-off of its own: a final unit stays final unless fuzzied
        units.append(
            Returned(
                uid,
                str(entry.source or ""),
                target,
                mark,
                exported_en=notes.get(NOTE_EXPORTED, ""),
                exported_state=parse_info(notes.get(NOTE_INFO, "")).get("state", ""),
            )
        )
    return ReturnedFile(path, "po", translator, tuple(units))
