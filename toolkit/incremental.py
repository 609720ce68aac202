"""The translation cache: a document as the glossary and translate stages left it (terms
matched, English filled) with its QA, kept by everything that made it, so that a rebuild
matches terms and translates again only the documents whose result can have changed.

An entry's place (its *slot*) is the SHA-256 of the translation context and the file's key in
the read cache (:func:`toolkit.cache.read_key`: the file's bytes, its name, the reading options
and code), so a document found here is not even read. The context is the engine and model, the
beam size, the fuzzy threshold, the translation memory's
:meth:`~toolkit.tm.TranslationMemory.state` (its identity and generation: an imported review
can change any document, through fuzzy matching) and the fingerprint of the toolkit's code
(:func:`toolkit.cache.fingerprint`). The entry records **the glossary entries that can match
the document** (every (form, zh, en) whose Chinese form occurs in its text, found with the
glossary's automaton in one pass): it is used only while they are what they were. Editing,
adding or removing a term so makes again exactly the documents whose text holds it.

A machine translation the memory gains during a run does not change the context: the engine
would make it again. An entry records the memory's :meth:`~toolkit.tm.TranslationMemory.writes`
when it was made: a memory that counts fewer (put back from an older copy) gets the entry's
machine rows back. One kind of result depends on more than the document's own terms: QA's
``term-changed`` compares a human translation's glossary version with the whole glossary's,
so an entry records that version when the document holds human English, and its QA is
checked again (not its translation) when the glossary changed.

Entries are files under ``.toolkit/cache/translated/`` written atomically, as the read cache's
are (:mod:`toolkit.cache`). ``--no-cache`` bypasses it; ``toolkit status`` never uses it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import PACKAGE, _write_atomic, fingerprint
from .document import Document
from .qa import Problem, document_problems

if TYPE_CHECKING:
    from .glossary import Glossary

TRANSLATE_CODE = PACKAGE
"""The toolkit code a translated document depends on: all of it (:data:`toolkit.cache.PACKAGE`)."""


@dataclass(frozen=True, slots=True)
class Translated:
    """A document from the cache, with its QA."""

    doc: Document
    problems: list[Problem]
    writes: int = 0
    """The memory's :meth:`~toolkit.tm.TranslationMemory.writes` when the entry was made: a
    memory that counts fewer was put back from an older copy and may lack its rows."""
    key: str = ""
    """What made the document (its file as read, its terms, the context): the page cache's key."""


class TranslationCache:
    """Translated documents under ``folder`` for one translation ``context`` (a JSON-able
    value: engine, model, memory state …) and one glossary."""

    def __init__(self, folder: Path, glossary: Glossary, context: object) -> None:
        self.folder = folder
        self.glossary = glossary
        h = hashlib.sha256(fingerprint(TRANSLATE_CODE).encode())
        h.update(json.dumps(context, ensure_ascii=False, sort_keys=True).encode())
        self.base = h.digest()

    def terms(self, doc: Document) -> str:
        """The glossary entries that can match ``doc``: every (form, zh, en) whose Chinese form
        occurs in its text, as a hash."""
        entries = self.glossary.entries
        text = "\n".join(s.zh for s in doc.segments)
        found = sorted({(form, entries[i].zh, entries[i].en) for i, form in self.glossary.forms_in(text)})
        return hashlib.sha256(json.dumps(found, ensure_ascii=False).encode()).hexdigest()

    def _slot(self, read_key: str) -> str:
        return hashlib.sha256(self.base + read_key.encode()).hexdigest()

    def get(self, read_key: str) -> Translated | None:
        """The document the file of ``read_key`` (its key in the read cache) was translated
        into, its QA up to date, when the glossary entries that can match it are what they were;
        None when not (or absent, or unreadable)."""
        slot = self._slot(read_key)
        try:
            with self._path(slot).open(encoding="utf-8") as fh:
                entry = json.load(fh)
            doc = Document.from_dict(entry["doc"])
            listed = entry["problems"]
            if not all(isinstance(p, list) and len(p) == 4 and all(isinstance(x, str) for x in p) for p in listed):
                return None
            problems = [Problem(*p) for p in listed]
            version, writes, terms = entry["glossary"], entry.get("writes", 0), entry["terms"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None  # whatever is wrong with an entry, it counts as absent
        if not isinstance(version, str) or type(writes) is not int or terms != self.terms(doc):
            return None
        if version and version != self.glossary.version:
            problems = document_problems(doc, self.glossary.version)
        return Translated(doc, problems, writes, self._made(slot, terms))

    def put(self, read_key: str, doc: Document, problems: list[Problem], writes: int = 0) -> str:
        """Store what the file of ``read_key`` was translated into; its key for the page cache."""
        slot, terms = self._slot(read_key), self.terms(doc)
        human = any(s.provenance and s.provenance.engine == "human" for s in doc.segments)
        entry: dict[str, Any] = {
            "doc": doc.to_dict(),
            "problems": [[p.document, p.segment, p.check, p.detail] for p in problems],
            "glossary": self.glossary.version if human else "",
            "writes": writes,
            "terms": terms,
        }
        _write_atomic(self._path(slot), json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
        return self._made(slot, terms)

    @staticmethod
    def _made(slot: str, terms: str) -> str:
        """What made a document, for the page cache: its file as read, its terms, the context."""
        return hashlib.sha256(f"{slot}\0{terms}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"
