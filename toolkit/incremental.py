"""The translation cache: a document as the glossary and translate stages left it (terms
matched, English filled) with its QA, kept by everything that made it, so that a rebuild
matches terms and translates again only the documents whose result can have changed.

The key of a document (:meth:`TranslationCache.key`) is the SHA-256 of

- the document as read (its JSON: text, structure, metadata);
- the glossary entries that *can* match it: every (form, zh, en) whose Chinese form occurs
  in its text, found with the glossary's automaton in one pass. Editing, adding or removing
  a term changes the key of exactly the documents whose text holds it; the other documents
  of an archive keep theirs;
- the translation context: the engine and model, the beam size, the fuzzy threshold, the
  translation memory's :meth:`~toolkit.tm.TranslationMemory.state` (its identity and its
  reviews: an imported review can change any document, through fuzzy matching), and the
  fingerprint of the code of these stages (:func:`toolkit.cache.fingerprint`).

A machine translation the memory gains during a run does not change the key: the engine
would make it again. One kind of result depends on more than the document's own terms: QA's
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


class TranslationCache:
    """Translated documents under ``folder`` for one translation ``context`` (a JSON-able
    value: engine, model, memory state …) and one glossary."""

    def __init__(self, folder: Path, glossary: Glossary, context: object) -> None:
        self.folder = folder
        self.glossary = glossary
        h = hashlib.sha256(fingerprint(TRANSLATE_CODE).encode())
        h.update(json.dumps(context, ensure_ascii=False, sort_keys=True).encode())
        self.base = h.digest()

    def key(self, doc: Document) -> str:
        """The key of ``doc`` as read (see the module's text)."""
        h = hashlib.sha256(self.base)
        h.update(json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":")).encode() + b"\0")
        entries = self.glossary.entries
        text = "\n".join(s.zh for s in doc.segments)
        found = sorted({(form, entries[i].zh, entries[i].en) for i, form in self.glossary.forms_in(text)})
        h.update(json.dumps(found, ensure_ascii=False).encode())
        return h.hexdigest()

    def get(self, key: str) -> Translated | None:
        """The document stored under ``key``, its QA up to date; None when absent or unreadable."""
        try:
            with self._path(key).open(encoding="utf-8") as fh:
                entry = json.load(fh)
            doc = Document.from_dict(entry["doc"])
            listed = entry["problems"]
            if not all(isinstance(p, list) and len(p) == 4 and all(isinstance(x, str) for x in p) for p in listed):
                return None
            problems = [Problem(*p) for p in listed]
            version = entry["glossary"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None  # whatever is wrong with an entry, it counts as absent
        if not isinstance(version, str):
            return None
        if version and version != self.glossary.version:
            problems = document_problems(doc, self.glossary.version)
        return Translated(doc, problems)

    def put(self, key: str, doc: Document, problems: list[Problem]) -> None:
        human = any(s.provenance and s.provenance.engine == "human" for s in doc.segments)
        entry: dict[str, Any] = {
            "doc": doc.to_dict(),
            "problems": [[p.document, p.segment, p.check, p.detail] for p in problems],
            "glossary": self.glossary.version if human else "",
        }
        _write_atomic(self._path(key), json.dumps(entry, ensure_ascii=False, separators=(",", ":")))

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"
