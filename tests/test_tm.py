"""toolkit.tm: the translation memory's keys, round trips and schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from toolkit.document import Provenance, Segment, TermMatch
from toolkit.errors import MemoryFileError
from toolkit.tm import SCHEMA_VERSION, Review, TranslationMemory, source_key, terms_key

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
        prov = hit.provenance
        assert (prov.engine, prov.model, prov.glossary, prov.reviewed, prov.state) == (
            "human",
            "reviewed",
            "g2",
            True,
            "reviewed",
        )
        assert prov.reviewed_at  # when: recorded
        # whatever engine asks
        assert tm.lookup(seg, "gloss", "any") == hit


def test_schema_is_recorded_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    TranslationMemory(path).close()
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (str(SCHEMA_VERSION),)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    columns = [row[1] for row in db.execute("PRAGMA table_info(translations)")]
    assert columns == [
        "source",
        "engine",
        "model",
        "terms",
        "en",
        "glossary",
        "reviewed",
        "created",
        "state",
        "reviewer",
        "origin",
        "text",
    ]
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


V1 = """
CREATE TABLE translations (source TEXT NOT NULL, engine TEXT NOT NULL, model TEXT NOT NULL, terms TEXT NOT NULL,
    en TEXT NOT NULL, glossary TEXT NOT NULL DEFAULT '', reviewed INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL,
    PRIMARY KEY (source, engine, model, terms));
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema', '1');
INSERT INTO translations VALUES ('科技创新', 'human', '', '[]', 'S&T innovation', 'g1', 1, '2025-01-01T00:00:00+00:00');
INSERT INTO translations VALUES ('科技创新', 'argos', 'm', '[]', 'machine', 'g1', 0, '2025-01-01T00:00:00+00:00');
"""


def test_a_version_1_memory_is_upgraded_in_place_and_keeps_its_reviews(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    db = sqlite3.connect(path)
    db.executescript(V1)
    db.close()
    with TranslationMemory(path) as tm:
        hit = tm.lookup(_seg("科技创新"), "argos", "m")
        assert hit is not None and hit.en == "S&T innovation" and hit.provenance.state == "reviewed"
        assert tm.count() == 2
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (str(SCHEMA_VERSION),)


def test_final_reviews_keep_their_state_reviewer_and_time(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.add_reviews(
            [Review("科技创新", "S&T innovation", "final", "Li Wei", "2026-01-02T03:04:05+00:00", "g", "a.xlf")]
        )
        review = tm.review_of("科技创新")
        assert review == Review(
            "科技创新", "S&T innovation", "final", "Li Wei", "2026-01-02T03:04:05+00:00", "g", "a.xlf"
        )
        hit = tm.lookup(_seg("科技创新"), "gloss", "x")
        assert hit is not None and hit.provenance.state == "final" and hit.provenance.reviewer == "Li Wei"
        assert hit.provenance.reviewed_at == "2026-01-02T03:04:05+00:00"


def test_add_reviews_is_all_or_nothing(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        with pytest.raises(ValueError, match="state"):
            tm.add_reviews([Review("甲", "a"), Review("乙", "b", state="fuzzy")])
        assert tm.count() == 0


def test_a_similar_reviewed_source_is_a_fuzzy_suggestion_not_a_review(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.add_review("推动科技创新和产业创新深度融合", "Promote the deep integration of S&T and industrial innovation")
        seg = _seg("促进科技创新和产业创新深度融合")  # one character changed
        assert tm.lookup(seg, "argos", "m") is None
        hit = tm.fuzzy(seg)
        assert hit is not None and hit.en.startswith("Promote")
        prov = hit.provenance
        assert prov.state == "fuzzy" and not prov.reviewed and 80 <= prov.score < 100
        assert prov.match == "推动科技创新和产业创新深度融合"
        assert tm.fuzzy(_seg("完全不同的一句话")) is None
        assert tm.fuzzy(seg, threshold=99) is None
        # a new review is seen by the next fuzzy lookup
        tm.add_review("促进科技创新和产业创新深度融合", "Advance the deep integration")
        assert tm.fuzzy(seg) is None  # an exact review exists: lookup's, not fuzzy's
        assert tm.lookup(seg, "argos", "m") is not None
