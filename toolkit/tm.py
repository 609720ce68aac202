"""The translation memory: SQLite (stdlib ``sqlite3``, WAL journal).

One row per translation. The key is the normalised source segment, the engine and model
that made the English, and the glossary entries that matched the segment (zh → en pairs).
So a rerun finds every segment; a glossary edit changes the key — and re-translates — only
the segments that contain an edited term; a model upgrade re-translates everything.
Rows are committed as each chunk of a run finishes: a run killed with ``kill -9`` keeps
what it finished, and SQLite's journal keeps the file consistent.

A reviewed human translation of a source segment (engine ``human``; state ``reviewed`` or
``final``, with its reviewer and time) overrides machine output for it. A segment with no
reviewed translation of its own may get the reviewed English of the most similar reviewed
source (:meth:`TranslationMemory.fuzzy`): a *fuzzy* suggestion, never counted as reviewed.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .document import HUMAN_STATES, Provenance, Segment
from .errors import MemoryFileError
from .outputs import output_error

SCHEMA_VERSION = 2
_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    source   TEXT NOT NULL,              -- normalised Chinese segment
    engine   TEXT NOT NULL,              -- argos | gloss | human
    model    TEXT NOT NULL,              -- package name + version, dictionaries, or '' (human)
    terms    TEXT NOT NULL,              -- JSON [[zh, en], ...] of the glossary entries matched
    en       TEXT NOT NULL,
    glossary TEXT NOT NULL DEFAULT '',   -- glossary version the English was made with
    reviewed INTEGER NOT NULL DEFAULT 0, -- 1: a human reviewed (or wrote) this English
    created  TEXT NOT NULL,              -- when made, or for a review when reviewed (ISO, UTC)
    state    TEXT NOT NULL DEFAULT '',   -- reviewed | final for human rows; '' for machine rows
    reviewer TEXT NOT NULL DEFAULT '',   -- who reviewed it
    origin   TEXT NOT NULL DEFAULT '',   -- where a review came from (a review file, a TMX file)
    text     TEXT NOT NULL DEFAULT '',   -- the segment as written (``source`` is its normalised key)
    PRIMARY KEY (source, engine, model, terms)
);
CREATE INDEX IF NOT EXISTS reviewed_source ON translations (source) WHERE reviewed = 1;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_MIGRATIONS = {
    # 1 → 2: review state, reviewer and origin; every earlier review counts as ``reviewed``
    1: """
ALTER TABLE translations ADD COLUMN state TEXT NOT NULL DEFAULT '';
ALTER TABLE translations ADD COLUMN reviewer TEXT NOT NULL DEFAULT '';
ALTER TABLE translations ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE translations ADD COLUMN text TEXT NOT NULL DEFAULT '';
UPDATE translations SET state = 'reviewed' WHERE reviewed = 1;
UPDATE meta SET value = '2' WHERE key = 'schema';
""",
}
FUZZY_THRESHOLD = 80
"""Least similarity (percent of characters, :func:`rapidfuzz.fuzz.ratio`) of a fuzzy match."""


def source_key(zh: str) -> str:
    """The normalised form a segment is stored under (width, spacing)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", zh)).strip()


def terms_key(seg: Segment) -> str:
    return json.dumps(sorted({(t.zh, t.en) for t in seg.terms}), ensure_ascii=False)


def now() -> str:
    """The time now, as the memory records it (ISO 8601, UTC, seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Hit:
    en: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Review:
    """A human translation of one source segment, as stored and exchanged."""

    zh: str
    en: str
    state: str = "reviewed"
    """``reviewed`` or ``final`` (signed off)."""
    reviewer: str = ""
    when: str = ""
    """ISO 8601 time of the review; empty: now."""
    glossary: str = ""
    """Glossary version the reviewer worked with."""
    origin: str = ""
    """Where the review came from (a review file, a TMX file), for the record."""

    def provenance(self) -> Provenance:
        return Provenance(
            engine="human",
            model="reviewed",
            glossary=self.glossary,
            state=self.state,
            reviewer=self.reviewer,
            reviewed_at=self.when,
        )


def _texts(row: tuple[object, ...], path: Path) -> tuple[str, ...]:
    """A row's columns, which must be text (a memory edited by another tool may hold a number
    or a blob there)."""
    if not all(isinstance(v, str) for v in row):
        raise MemoryFileError("a translation in the memory is not text", path=path, hint="repair or move the file")
    return tuple(str(v) for v in row)


_REVIEW_COLUMNS = "source, en, state, reviewer, created, glossary, origin, text"


class TranslationMemory:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._index: tuple[list[str], dict[str, Review]] | None = None
        if os.path.lexists(path) and not path.is_file():  # /dev/null, a FIFO, a folder
            raise MemoryFileError("not a regular file", path=path, hint="pass --tm with a file path, or --no-tm")
        with self._errors():
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._open()

    def _open(self) -> None:
        has_meta = self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() if has_meta else None
        if row is None:
            with self.db:
                self.db.executescript(_SCHEMA)
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            return
        version = str(row[0])
        while version.isdigit() and int(version) in _MIGRATIONS:  # an older memory: upgraded in place
            self.db.executescript("BEGIN;" + _MIGRATIONS[int(version)] + "COMMIT;")
            version = str(self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0])
        if version != str(SCHEMA_VERSION):
            raise MemoryFileError(
                f"translation memory schema {row[0]} is not {SCHEMA_VERSION}",
                path=self.path,
                hint="a newer toolkit wrote it: upgrade the toolkit, or pass --tm PATH",
            )

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite's and the file system's errors as a MemoryFileError naming the file and the fix."""
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            raise memory_error(exc, self.path) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- looking up --------------------------------------------------------------------------

    def lookup(self, seg: Segment, engine: str, model: str) -> Hit | None:
        """The reviewed translation of ``seg``'s source, else the one ``engine`` + ``model``
        made with the same glossary terms; None when there is neither."""
        with self._errors():
            return self._lookup(seg, engine, model)

    def _lookup(self, seg: Segment, engine: str, model: str) -> Hit | None:
        source = source_key(seg.zh)
        review = self.review_of(source)
        if review is not None:
            return Hit(review.en, review.provenance())
        row = self.db.execute(
            "SELECT en, glossary FROM translations WHERE source = ? AND engine = ? AND model = ? AND terms = ?",
            (source, engine, model, terms_key(seg)),
        ).fetchone()
        if row is not None:
            en, glossary = _texts(row, self.path)
            return Hit(en, Provenance(engine=engine, model=model, glossary=glossary))
        return None

    def review_of(self, zh: str) -> Review | None:
        """The newest human translation of ``zh`` (any spacing or width), or None."""
        with self._errors():
            row = self.db.execute(
                f"SELECT {_REVIEW_COLUMNS} FROM translations WHERE source = ? AND reviewed = 1"
                " ORDER BY created DESC LIMIT 1",
                (source_key(zh),),
            ).fetchone()
        return self._review(row) if row is not None else None

    def _review(self, row: tuple[object, ...]) -> Review:
        source, en, state, reviewer, when, glossary, origin, text = _texts(row, self.path)
        state = state if state in HUMAN_STATES else "reviewed"
        return Review(text or source, en, state, reviewer, when, glossary, origin)

    def fuzzy(self, seg: Segment, threshold: int = FUZZY_THRESHOLD) -> Hit | None:
        """The reviewed translation of the source most like ``seg``'s (character similarity,
        at least ``threshold`` percent), as a *fuzzy* suggestion; None when none is that close.
        An exact reviewed match is :meth:`lookup`'s, not this."""
        from rapidfuzz import fuzz, process

        sources, reviews = self._reviewed_index()
        source = source_key(seg.zh)
        if not sources or not source:
            return None
        found = process.extractOne(source, sources, scorer=fuzz.ratio, score_cutoff=threshold, processor=None)
        if found is None or found[0] == source:
            return None
        review = reviews[found[0]]  # keyed by source_key; its zh as the reviewer saw it
        prov = Provenance(
            engine="human",
            model="fuzzy",
            glossary=review.glossary,
            state="fuzzy",
            reviewer=review.reviewer,
            reviewed_at=review.when,
            score=int(found[1]),
            match=review.zh,
        )
        return Hit(review.en, prov)

    def _reviewed_index(self) -> tuple[list[str], dict[str, Review]]:
        if self._index is None:
            reviews = {source_key(r.zh): r for r in self.reviews()}
            self._index = (list(reviews), reviews)
        return self._index

    def reviews(self) -> Iterator[Review]:
        """Every source's newest human translation, oldest source first."""
        with self._errors():
            rows = self.db.execute(
                f"SELECT {_REVIEW_COLUMNS} FROM translations WHERE reviewed = 1 ORDER BY source, created"
            ).fetchall()
        newest: dict[str, Review] = {}
        for row in rows:
            review = self._review(row)
            newest[source_key(review.zh)] = review
        yield from newest.values()

    # --- storing -----------------------------------------------------------------------------

    def store(self, rows: Iterable[tuple[Segment, str, Provenance]], replace: bool = True) -> None:
        """Store machine translations and commit (one transaction per call). ``replace=False``:
        keep what the memory holds for a key already there (a translation taken from the
        translation cache, put back where the memory lost it)."""
        when = now()
        with self._errors(), self.db:
            self.db.executemany(
                f"INSERT OR {'REPLACE' if replace else 'IGNORE'} INTO translations"
                " (source, engine, model, terms, en, glossary, reviewed, created, text)"
                " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
                [(source_key(s.zh), p.engine, p.model, terms_key(s), en, p.glossary, when, s.zh) for s, en, p in rows],
            )
            self._bump("writes")  # see writes()

    def add_review(
        self,
        zh: str,
        en: str,
        glossary: str = "",
        *,
        state: str = "reviewed",
        reviewer: str = "",
        when: str = "",
        origin: str = "",
    ) -> None:
        """Record a human-reviewed translation; it overrides machine output for ``zh``."""
        self.add_reviews([Review(zh, en, state, reviewer, when, glossary, origin)])

    def add_reviews(self, reviews: Iterable[Review]) -> int:
        """Record human translations, all or none (one transaction); how many were recorded.
        A later review of a source replaces the earlier one."""
        stamp = now()
        rows = []
        for r in reviews:
            if r.state not in HUMAN_STATES:
                raise ValueError(f"a review's state is {' or '.join(HUMAN_STATES)}, not {r.state!r}")
            rows.append((source_key(r.zh), r.en, r.glossary, r.when or stamp, r.state, r.reviewer, r.origin, r.zh))
        with self._errors(), self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO translations"
                " (source, engine, model, terms, en, glossary, reviewed, created, state, reviewer, origin, text)"
                " VALUES (?, 'human', '', '[]', ?, ?, 1, ?, ?, ?, ?, ?)",
                rows,
            )
            self._bump("generation")
        self._index = None
        return len(rows)

    def changed(self) -> None:
        """Record that the memory's answers changed other than by a run's own machine output
        (an import): a new generation in :meth:`state`."""
        with self._errors(), self.db:
            self._bump("generation")

    def _bump(self, counter: str) -> None:
        """One more to a counter of ``meta`` (in the caller's transaction)."""
        self.db.execute(
            "INSERT INTO meta VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
            (counter,),
        )

    def state(self) -> str:
        """What the memory's answers depend on beyond machine output: its identity (a new file
        is another memory) and its generation (reviews added or replaced, an import: see
        :meth:`changed`). Machine translations stored as a run goes do not change it: the
        engine would make them again."""
        with self._errors():
            with self.db:
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('id', lower(hex(randomblob(16))))")
            ident = self.db.execute("SELECT value FROM meta WHERE key = 'id'").fetchone()[0]
            row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            count = self.db.execute("SELECT COUNT(*) FROM translations WHERE reviewed = 1").fetchone()[0]
        return f"{ident}:{row[0] if row else 0}:{count}"

    def writes(self) -> int:
        """How many times machine translations were stored: a memory put back from an older
        copy counts fewer than a translation cache entry made after it (toolkit.incremental)."""
        with self._errors():
            row = self.db.execute("SELECT value FROM meta WHERE key = 'writes'").fetchone()
        try:
            return int(row[0]) if row else 0
        except (TypeError, ValueError):
            return 0

    def count(self) -> int:
        with self._errors():
            return int(self.db.execute("SELECT COUNT(*) FROM translations").fetchone()[0])


_MEMORY_FIXES = {
    "SQLITE_FULL": (
        "cannot write the translation memory",
        "free some space, or pass --tm PATH on another disk, or --no-tm",
    ),
    "SQLITE_CANTOPEN": (
        "cannot open the translation memory",
        "make the file and its folder writable, or pass --tm PATH, or --no-tm",
    ),
    "SQLITE_READONLY": (
        "cannot write the translation memory",
        "make the file and its folder writable, or pass --tm PATH, or --no-tm",
    ),
    "SQLITE_IOERR": (
        "cannot write the translation memory",
        "check the disk: free some space, or pass --tm PATH, or --no-tm",
    ),
    "SQLITE_BUSY": ("the translation memory is in use", "wait for the other toolkit run, or pass --tm PATH"),
    "SQLITE_LOCKED": ("the translation memory is in use", "wait for the other toolkit run, or pass --tm PATH"),
}

_MEMORY_MESSAGES = [
    ("SQLITE_FULL", "disk is full"),
    ("SQLITE_CANTOPEN", "unable to open"),
    ("SQLITE_READONLY", "readonly"),
    ("SQLITE_IOERR", "disk i/o error"),
    ("SQLITE_BUSY", "locked"),
]


def memory_error(exc: sqlite3.Error | OSError, path: Path) -> MemoryFileError:
    """An error met on the memory file, as one line with the fix: a full disk, a read-only
    file or folder, a file that is not a memory."""
    if isinstance(exc, OSError):
        error = output_error(exc, path)
        return MemoryFileError(
            error.message, path=path, hint=f"{error.hint or 'check the path'}, or pass --tm PATH, or --no-tm"
        )
    family = "_".join((getattr(exc, "sqlite_errorname", None) or "").split("_")[:2])
    if family not in _MEMORY_FIXES:  # an error made without an SQLite code: by its message
        text = str(exc).lower()
        family = next((code for code, words in _MEMORY_MESSAGES if words in text), "")
    if family in _MEMORY_FIXES:
        what, hint = _MEMORY_FIXES[family]
        return MemoryFileError(f"{what}: {exc}", path=path, hint=hint)
    return MemoryFileError(
        f"not a usable translation memory ({exc})", path=path, hint="move the file away or pass --tm PATH"
    )
