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
are (:mod:`toolkit.cache`). ``--no-cache`` bypasses it; ``toolkit status`` never uses it. An
entry is two JSON texts: a first line with what a rebuild checks and lists (meta, the
document's :class:`~toolkit.document.Profile`, QA, terms, the body's size and checksum), then
the document's body. A rebuild reads only the first line: the document it gives
(:class:`CachedDocument`) reads its body when something asks for its segments, which a
rebuild whose pages are cached never does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import PACKAGE, _write_atomic, fingerprint
from .document import Block, Document, Dropped, Meta, Profile
from .errors import BuildError
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


_SLOTS = {name: Document.__dict__[name] for name in ("meta", "blocks", "dropped")}
"""The slots of :class:`~toolkit.document.Document`, set directly by :class:`CachedDocument`."""


class CachedDocument(Document):
    """A document from the translation cache: its meta and profile at hand, its blocks and
    dropped lines read from the entry the first time they are asked for. Equal to, hashed and
    pickled as the plain document; ``dataclasses.replace`` and copies make plain documents."""

    __slots__ = ("_english", "_load", "_profile")
    _english: dict[str, str]
    _load: Callable[[], Document]
    _profile: Profile

    def __new__(cls, *args: Any, **kwargs: Any) -> Document:  # type: ignore[misc]
        return Document(*args, **kwargs)

    @classmethod
    def lazy(
        cls, meta: Meta, profile: Profile, english: dict[str, str], load: Callable[[], Document]
    ) -> CachedDocument:
        """``english``: the English of some segments (those QA lists), by id."""
        doc = object.__new__(cls)
        _SLOTS["meta"].__set__(doc, meta)
        object.__setattr__(doc, "_profile", profile)
        object.__setattr__(doc, "_english", english)
        object.__setattr__(doc, "_load", load)
        return doc

    def _read(self) -> None:
        try:
            _SLOTS["blocks"].__get__(self, Document)
        except AttributeError:
            full = self._load()
            _SLOTS["blocks"].__set__(self, full.blocks)
            _SLOTS["dropped"].__set__(self, full.dropped)

    @property
    def blocks(self) -> tuple[Block, ...]:
        self._read()
        return _SLOTS["blocks"].__get__(self, Document)  # type: ignore[no-any-return]

    @property
    def dropped(self) -> tuple[Dropped, ...]:
        self._read()
        return _SLOTS["dropped"].__get__(self, Document)  # type: ignore[no-any-return]

    @property
    def loaded(self) -> bool:
        """Whether the body was read (tests and benchmarks count them)."""
        try:
            _SLOTS["blocks"].__get__(self, Document)
        except AttributeError:
            return False
        return True

    def profile(self) -> Profile:
        return self._profile

    def english(self, ids: Iterable[str]) -> dict[str, str]:
        wanted = set(ids)
        if wanted <= self._english.keys():
            return {i: self._english[i] for i in wanted}
        return super().english(wanted)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return (self.meta, self.blocks, self.dropped) == (other.meta, other.blocks, other.dropped)

    def __hash__(self) -> int:
        return hash((self.meta, self.blocks, self.dropped))

    def __repr__(self) -> str:
        return repr(Document(self.meta, self.blocks, self.dropped))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Document, (self.meta, self.blocks, self.dropped))


def _body(path: Path, offset: int, size: int, digest: str) -> Document:
    """The document stored in the entry at ``path`` after its first line (checked when the
    entry was taken; changed since, it is an error, and the entry is removed)."""
    try:
        with path.open("rb") as fh:
            fh.seek(offset)
            raw = fh.read(size)
        if len(raw) != size or hashlib.sha256(raw).hexdigest() != digest:
            raise ValueError("checksum")
        return Document.from_dict(json.loads(raw))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        path.unlink(missing_ok=True)  # the next build makes it again
        raise BuildError(
            "a translation cache entry was changed or damaged while the build read it",
            path=path,
            hint="build again (the entry is made anew), or pass --no-cache",
        ) from None


class TranslationCache:
    """Translated documents under ``folder`` for one translation ``context`` (a JSON-able
    value: engine, model, memory state …) and one glossary."""

    def __init__(self, folder: Path, glossary: Glossary, context: object) -> None:
        self.folder = folder
        self.glossary = glossary
        h = hashlib.sha256(fingerprint(TRANSLATE_CODE).encode())
        h.update(json.dumps(context, ensure_ascii=False, sort_keys=True).encode())
        self.base = h.digest()
        forms = [[i, f] for i, e in enumerate(glossary.entries) for f in (e.zh, *e.variants) if f]
        self.forms = hashlib.sha256(json.dumps(forms, ensure_ascii=False).encode()).hexdigest()
        """The glossary's Chinese forms, in order: while they are what they were when an entry
        was made, the forms found in its text then are the forms found in it now."""

    def found(self, doc: Document) -> list[tuple[int, str]]:
        """(entry index, form) of every glossary form in ``doc``'s text (one automaton pass)."""
        return sorted(self.glossary.forms_in("\n".join(s.zh for s in doc.segments)))

    def terms(self, found: list[tuple[int, str]]) -> str:
        """The glossary entries that can match a document holding the forms ``found``: their
        (form, zh, en), as a hash."""
        entries = self.glossary.entries
        rows = sorted({(form, entries[i].zh, entries[i].en) for i, form in found})
        return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()

    def _found(self, entry: dict[str, Any]) -> list[tuple[int, str]] | None:
        """The forms an entry recorded, when the glossary's forms are what they were then."""
        if entry.get("forms_of") != self.forms:
            return None
        found = [(i, f) for i, f in entry["forms"]]
        size = len(self.glossary.entries)
        if not all(type(i) is int and 0 <= i < size and isinstance(f, str) for i, f in found):
            raise ValueError("bad forms")
        return found

    def _slot(self, read_key: str) -> str:
        return hashlib.sha256(self.base + read_key.encode()).hexdigest()

    def get(self, read_key: str) -> Translated | None:
        """The document the file of ``read_key`` (its key in the read cache) was translated
        into, its QA up to date, when the glossary entries that can match it are what they were;
        None when not (or absent, or unreadable)."""
        slot = self._slot(read_key)
        path = self._path(slot)
        try:
            with path.open("rb") as fh:
                head = fh.readline()
                body = fh.read()  # checked, not parsed (a tenth of the time)
            entry = json.loads(head)
            size, digest = entry["body"]
            if len(body) != size or hashlib.sha256(body).hexdigest() != digest:
                return None
            del body
            terms = entry["terms"]
            found = self._found(entry)
            if found is not None and terms != self.terms(found):
                return None  # a term it holds was edited: not worth reading the document
            meta = Document.from_dict({"meta": entry["meta"]}).meta
            listed, english = entry["problems"], entry["english"]
            if not all(isinstance(p, list) and len(p) == 4 and all(isinstance(x, str) for x in p) for p in listed):
                return None
            if type(english) is not dict or not all(type(v) is str for v in english.values()):
                return None
            load = partial(_body, path, len(head), size, digest)
            doc = CachedDocument.lazy(meta, Profile.from_list(entry["profile"]), english, load)
            problems = [Problem(*p) for p in listed]
            version, writes = entry["glossary"], entry.get("writes", 0)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None  # whatever is wrong with an entry, it counts as absent
        if not isinstance(version, str) or type(writes) is not int:
            return None
        if found is None and terms != self.terms(self.found(doc)):
            return None
        if version and version != self.glossary.version:
            problems = document_problems(doc, self.glossary.version)
        return Translated(doc, problems, writes, self._made(slot, terms))

    def put(self, read_key: str, doc: Document, problems: list[Problem], writes: int = 0) -> str:
        """Store what the file of ``read_key`` was translated into; its key for the page cache."""
        found = self.found(doc)
        slot, terms = self._slot(read_key), self.terms(found)
        human = any(s.provenance and s.provenance.engine == "human" for s in doc.segments)
        data = doc.to_dict()
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        entry: dict[str, Any] = {
            "meta": data["meta"],
            "profile": doc.profile().to_list(),
            "problems": [[p.document, p.segment, p.check, p.detail] for p in problems],
            "english": doc.english(p.segment for p in problems),
            "glossary": self.glossary.version if human else "",
            "writes": writes,
            "terms": terms,
            "forms": found,
            "forms_of": self.forms,
            "body": [len(body), hashlib.sha256(body).hexdigest()],
        }
        head = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
        _write_atomic(self._path(slot), head + b"\n" + body)
        return self._made(slot, terms)

    @staticmethod
    def _made(slot: str, terms: str) -> str:
        """What made a document, for the page cache: its file as read, its terms, the context."""
        return hashlib.sha256(f"{slot}\0{terms}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"
