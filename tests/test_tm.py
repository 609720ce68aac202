"""toolkit.tm: the translation memory's keys, round trips and schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from toolkit.document import Provenance, Segment, TermMatch
from toolkit.errors import MemoryFileError
from toolkit.tm import SCHEMA_VERSION, TranslationMemory, source_key, terms_key

ARGOS = Provenance(engine="argos", model="translate-zh_en 1.9", glossary="g1")


def _seg(zh: str, *terms: tuple[str, str]) -> Segment:
    return Segment(id="p1s1", zh=zh, terms=tuple(TermMatch(zh=t[0], en=t[1], start=0) for t in terms))


def test_source_key_normalises_width_and_spacing() -> None:
    assert source_key(" 科技  创新\u3000ＡＩ ") == "科技 创新 AI"


def test_terms_key_ignores_order_and_repeats() -> None:
    a = _seg("x", ("科技", "science"), ("创新", "innovation"), ("科技", "science"))
    b = _seg("x", ("创新", "innovation"), ("科技", "science"))
    assert terms_key(a) == terms_key(b)


def test_store_then_lookup(tmp_path: Path) -> None:
    seg = _seg("科技创新", ("科技", "science"))
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        assert tm.lookup(seg, "argos", ARGOS.model) is None
        tm.store([(seg, "science innovation", ARGOS)])
        hit = tm.lookup(seg, "argos", ARGOS.model)
        assert hit is not None and hit.en == "science innovation" and hit.provenance == ARGOS
        assert tm.count() == 1
        # another model, or another glossary rendering of a term it contains: not a hit
        assert tm.lookup(seg, "argos", "translate-zh_en 2.0") is None
        assert tm.lookup(_seg("科技创新", ("科技", "technology")), "argos", ARGOS.model) is None
        # the same source written differently (width, spacing) is the same entry
        assert tm.lookup(_seg(" 科技创新 ", ("科技", "science")), "argos", ARGOS.model) is not None
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:  # committed: a new connection sees it
        assert tm.count() == 1


def test_a_review_overrides_machine_output(tmp_path: Path) -> None:
    seg = _seg("科技创新")
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store([(seg, "machine", ARGOS)])
        tm.add_review("科技创新", "scientific and technological innovation", glossary="g2")
        hit = tm.lookup(seg, "argos", ARGOS.model)
        assert hit is not None and hit.en == "scientific and technological innovation"
        assert hit.provenance == Provenance(engine="human", model="reviewed", glossary="g2", reviewed=True)
        # whatever engine asks
        assert tm.lookup(seg, "gloss", "any") == hit


def test_schema_is_recorded_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    TranslationMemory(path).close()
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (str(SCHEMA_VERSION),)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    columns = [row[1] for row in db.execute("PRAGMA table_info(translations)")]
    assert columns == ["source", "engine", "model", "terms", "en", "glossary", "reviewed", "created"]
    with db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION + 1),))
    db.close()
    with pytest.raises(MemoryFileError, match="schema"):
        TranslationMemory(path)


def test_a_file_that_is_not_a_memory(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(MemoryFileError) as info:
        TranslationMemory(path)
    assert info.value.path == path and info.value.hint
