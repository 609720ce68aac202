"""The translation memory: SQLite (stdlib ``sqlite3``, WAL journal).

One row per translation. The key is the normalised source segment, the engine and model
that made the English, and the glossary entries that matched the segment (zh → en pairs).
So a rerun finds every segment; a glossary edit changes the key — and re-translates — only
the segments that contain an edited term; a model upgrade re-translates everything.
Rows are committed as each chunk of a run finishes: a run killed with ``kill -9`` keeps
what it finished, and SQLite's journal keeps the file consistent.

A reviewed human translation of a source segment overrides machine output for it.
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

from .document import Provenance, Segment
from .errors import MemoryFileError
from .outputs import output_error

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    source   TEXT NOT NULL,              -- normalised Chinese segment
    engine   TEXT NOT NULL,              -- argos | gloss | human
    model    TEXT NOT NULL,              -- package name + version, dictionaries, or '' (human)
    terms    TEXT NOT NULL,              -- JSON [[zh, en], ...] of the glossary entries matched
    en       TEXT NOT NULL,
    glossary TEXT NOT NULL DEFAULT '',   -- glossary version the English was made with
    reviewed INTEGER NOT NULL DEFAULT 0, -- 1: a human reviewed (or wrote) this English
    created  TEXT NOT NULL,
    PRIMARY KEY (source, engine, model, terms)
);
CREATE INDEX IF NOT EXISTS reviewed_source ON translations (source) WHERE reviewed = 1;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def source_key(zh: str) -> str:
    """The normalised form a segment is stored under (width, spacing)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", zh)).strip()


def terms_key(seg: Segment) -> str:
    return json.dumps(sorted({(t.zh, t.en) for t in seg.terms}), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class Hit:
    en: str
    provenance: Provenance


def _texts(row: tuple[object, ...], path: Path) -> tuple[str, str]:
    """A row's English and glossary version, which must be text (a memory edited by another
    tool may hold a number or a blob there)."""
    if not all(isinstance(v, str) for v in row[:2]):
        raise MemoryFileError("a translation in the memory is not text", path=path, hint="repair or move the file")
    return str(row[0]), str(row[1])


class TranslationMemory:
    def __init__(self, path: Path) -> None:
        self.path = path
        if os.path.lexists(path) and not path.is_file():  # /dev/null, a FIFO, a folder
            raise MemoryFileError("not a regular file", path=path, hint="pass --tm with a file path, or --no-tm")
        with self._errors():
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None:
                self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                self.db.commit()
            elif str(row[0]) != str(SCHEMA_VERSION):
                raise MemoryFileError(f"translation memory schema {row[0]} is not {SCHEMA_VERSION}", path=path)

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

    def lookup(self, seg: Segment, engine: str, model: str) -> Hit | None:
        with self._errors():
            return self._lookup(seg, engine, model)

    def _lookup(self, seg: Segment, engine: str, model: str) -> Hit | None:
        source = source_key(seg.zh)
        row = self.db.execute(
            "SELECT en, glossary FROM translations WHERE source = ? AND reviewed = 1 ORDER BY created DESC LIMIT 1",
            (source,),
        ).fetchone()
        if row is not None:
            en, glossary = _texts(row, self.path)
            return Hit(en, Provenance(engine="human", model="reviewed", glossary=glossary, reviewed=True))
        row = self.db.execute(
            "SELECT en, glossary FROM translations WHERE source = ? AND engine = ? AND model = ? AND terms = ?",
            (source, engine, model, terms_key(seg)),
        ).fetchone()
        if row is not None:
            en, glossary = _texts(row, self.path)
            return Hit(en, Provenance(engine=engine, model=model, glossary=glossary))
        return None

    def store(self, rows: Iterable[tuple[Segment, str, Provenance]]) -> None:
        """Store machine translations and commit (one transaction per call)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._errors(), self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO translations (source, engine, model, terms, en, glossary, reviewed, created)"
                " VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
                [(source_key(s.zh), p.engine, p.model, terms_key(s), en, p.glossary, now) for s, en, p in rows],
            )

    def add_review(self, zh: str, en: str, glossary: str = "") -> None:
        """Record a human-reviewed translation; it overrides machine output for ``zh``."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._errors(), self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO translations VALUES (?, 'human', '', '[]', ?, ?, 1, ?)",
                (source_key(zh), en, glossary, now),
            )

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
