"""toolkit.exchange and `toolkit review` / `toolkit tm`: review files out and back, TMX."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.document import Provenance, Segment, TermMatch
from toolkit.exchange import reviews as rv
from toolkit.exchange.tmx import iso_date, machine_rows, read_tmx, tmx_bytes, tmx_date
from toolkit.exchange.units import current_sources, read_translation_record, units_of
from toolkit.tm import Review, TranslationMemory

from .conftest import GLOSSARY, SEED_FILES, invoke

SEED = SEED_FILES[0]


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`toolkit translate` JSON of the first seed (gloss backend), with its first two segments'
    English blanked (state new) and the third one marked reviewed."""
    out = tmp_path_factory.mktemp("translated")
    result = CliRunner().invoke(
        __import__("toolkit.cli", fromlist=["app"]).app,
        ["translate", str(SEED), "-o", str(out), "--backend", "gloss", "--glossary", str(GLOSSARY), "--no-tm", "-q"],
    )
    assert result.exit_code == 0, result.output
    path = next(out.glob("*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    for seg in data["segments"][:2]:
        seg["en"], seg["provenance"] = "", None
    data["segments"][2]["provenance"] = {"engine": "human", "model": "reviewed", "glossary": "", "state": "reviewed"}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def _copy(src: Path, dst: Path) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for f in src.iterdir():
        (dst / f.name).write_bytes(f.read_bytes())
    return dst


def _doc(folder: Path):  # type: ignore[no-untyped-def]
    doc = read_translation_record(next(folder.glob("*.json")), 10**8)
    assert doc is not None
    return doc


def _export(runner: CliRunner, src: Path, out: Path, fmt: str) -> Path:
    code, _, err = invoke(runner, "review", "export", str(src), "-o", str(out), "--format", fmt, "-q")
    assert code == 0, err
    return out


def _import(runner: CliRunner, tm: Path, current: Path, *args: str) -> tuple[int, dict[str, object], str]:
    code, out, err = invoke(runner, "review", "import", *args, "--input", str(current), "--tm", str(tm), "--json")
    return code, json.loads(out), err


# --- export ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xliff", "xliff12", "po"])
def test_every_format_carries_every_unit_back(translated: Path, tmp_path: Path, fmt: str) -> None:
    doc = _doc(translated)
    units = units_of(doc)
    path = tmp_path / ("doc.po" if fmt == "po" else "doc.xlf")
    path.write_bytes(rv.render([units], fmt))
    back = rv.read_file(path, 10**8)
    assert [(u.id, u.zh, u.en) for u in back.units] == [(u.id, u.zh, u.en) for u in units.units]
    assert [u.exported_state for u in back.units] == [u.state for u in units.units]
    assert back.units[0].mark == "new" and back.units[2].mark in ("reviewed", "translated")
    assert {u.mark for u in back.units[3:]} == {"machine"}  # pre-filled gloss: needs review
    text = path.read_text(encoding="utf-8")
    assert doc.meta.title in text and doc.meta.date in text  # the document's metadata in the header
    assert units.units[1].id == f"{doc.meta.slug}:p1s0"
    term = units.units[3].terms[0]
    assert term[0] in text and term[1] in text  # glossary terms as notes / glossary module


def test_xliff_states_and_modules(translated: Path, tmp_path: Path) -> None:
    from lxml import etree

    units = units_of(_doc(translated))
    x2 = etree.fromstring(rv.render([units], "xliff"))
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0", "gls": "urn:oasis:names:tc:xliff:glossary:2.0"}
    segs = x2.findall(".//x:segment", ns)
    assert [s.get("state") for s in segs[:4]] == ["initial", "initial", "reviewed", "translated"]
    assert segs[3].get("subState") == "toolkit:gloss"
    assert x2.find(".//x:unit/gls:glossary/gls:glossEntry/gls:term", ns) is not None
    unit = x2.find(".//x:unit", ns)
    assert [c.tag.rpartition("}")[2] for c in unit][-1] == "segment"  # notes before the segment
    x1 = etree.fromstring(rv.render([units], "xliff12"))
    assert x1.get("version") == "1.2"
    n1 = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    targets = x1.findall(".//x:trans-unit/x:target", n1)
    assert targets[3].get("state") == "needs-review-translation"
    assert targets[3].get("state-qualifier") == "leveraged-glossary"
    assert x1.find(".//x:file/x:header/x:note[@from='title']", n1) is not None
    po = rv.render([units], "po").decode()
    assert "#, fuzzy" in po and "#. toolkit: state: gloss" in po


def test_export_cli_one_file_per_document_or_one_file(runner: CliRunner, tmp_path: Path) -> None:
    tm = tmp_path / "tm.sqlite"
    args = ["--backend", "gloss", "--glossary", str(GLOSSARY), "--tm", str(tm), "-q"]
    code, _, err = invoke(runner, "review", "export", str(SEED_FILES[0]), str(SEED_FILES[1]), "-o", "out", *args)
    assert code == 0, err
    assert len(list(Path("out").glob("*.xlf"))) == 2
    code, out, err = invoke(
        runner, "review", "export", str(SEED_FILES[0]), str(SEED_FILES[1]), "-o", "all.po", "--format", "po", "--json"
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["command"] == "review export" and len(report["documents"]) == 2
    assert report["states"]["gloss"] > 0
    assert Path("all.po").read_text(encoding="utf-8").count("# document ") == 2


def test_export_refuses_an_unknown_format(runner: CliRunner) -> None:
    code, _, err = invoke(runner, "review", "export", str(SEED), "-o", "x", "--format", "docx")
    assert code == 2 and "xliff12" in err


# --- import ----------------------------------------------------------------------------------


def _edit_po(path: Path, uid: str, en: str, fuzzy: bool = False) -> None:
    from translate.storage import pypo

    store = pypo.pofile.parsestring(path.read_bytes())
    for unit in store.units:
        if unit.getcontext() == uid:
            unit.target = en
            unit.markfuzzy(fuzzy)
    path.write_bytes(bytes(store))


def test_import_po_stores_changed_targets_as_reviews(runner: CliRunner, translated: Path, tmp_path: Path) -> None:
    doc = _doc(translated)
    segs = doc.segments
    po = _export(runner, translated, tmp_path / "r.po", "po")
    _edit_po(po, f"{doc.meta.slug}:p0s0", "Work report 2019")
    _edit_po(po, f"{doc.meta.slug}:{segs[5].id}", "Edited but still fuzzy", fuzzy=True)
    tm = tmp_path / "tm.sqlite"
    code, report, err = _import(runner, tm, translated, str(po), "--reviewer", "Ann")
    assert code == 0, err
    assert report["stored"] == 2 and report["untranslated"] == 1
    assert report["unchanged"] == len(segs) - 3  # pre-filled gloss, untouched: still machine English
    with TranslationMemory(tm) as memory:
        review = memory.review_of(segs[0].zh)
        assert review is not None
        assert (review.en, review.state, review.reviewer, review.origin) == (
            "Work report 2019",
            "reviewed",
            "Ann",
            "r.po",
        )
        assert memory.review_of(segs[5].zh) is not None
        assert memory.review_of(segs[7].zh) is None
        assert memory.count() == 2


def test_import_xliff_final_and_accepted_machine_english(runner: CliRunner, translated: Path, tmp_path: Path) -> None:
    from lxml import etree

    segs = _doc(translated).segments
    path = _export(runner, translated, tmp_path / "r.xlf", "xliff")
    tree = etree.parse(str(path))
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    seg_els = tree.findall(".//x:segment", ns)
    seg_els[2].set("state", "final")  # reviewed → signed off, English unchanged
    seg_els[3].set("state", "translated")  # the translator accepted the gloss as it is
    del seg_els[3].attrib["subState"]
    seg_els[4].find("x:target", ns).text = "A better English"  # edited, state left as it was
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    tm = tmp_path / "tm.sqlite"
    code, report, err = _import(runner, tm, translated, str(path))
    assert code == 0, err
    states = {r["unit"].rpartition(":")[2]: r["state"] for r in report["reviews"]}  # type: ignore[union-attr]
    assert states == {segs[2].id: "final", segs[3].id: "reviewed", segs[4].id: "reviewed"}
    with TranslationMemory(tm) as memory:
        assert memory.review_of(segs[4].zh).en == "A better English"  # type: ignore[union-attr]
        assert memory.review_of(segs[2].zh).state == "final"  # type: ignore[union-attr]
        assert memory.review_of(segs[2].zh).reviewer  # the OS user, when nobody is named  # type: ignore[union-attr]


def test_import_xliff12_signed_off_and_translator_field(runner: CliRunner, translated: Path, tmp_path: Path) -> None:
    from lxml import etree

    segs = _doc(translated).segments
    path = _export(runner, translated, tmp_path / "r.xlf", "xliff12")
    tree = etree.parse(str(path))
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    header = tree.find(".//x:file/x:header", ns)
    group = etree.SubElement(header, "{urn:oasis:names:tc:xliff:document:1.2}phase-group")
    etree.SubElement(
        group,
        "{urn:oasis:names:tc:xliff:document:1.2}phase",
        {"phase-name": "r", "process-name": "review", "contact-name": "Li Lei"},
    )
    target = tree.findall(".//x:trans-unit/x:target", ns)[6]
    target.set("state", "signed-off")
    target.text = "Signed-off English"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    tm = tmp_path / "tm.sqlite"
    code, _, err = _import(runner, tm, translated, str(path))
    assert code == 0, err
    with TranslationMemory(tm) as memory:
        review = memory.review_of(segs[6].zh)
        assert review is not None and (review.en, review.state, review.reviewer) == (
            "Signed-off English",
            "final",
            "Li Lei",
        )


def test_check_is_a_dry_run(runner: CliRunner, translated: Path, tmp_path: Path) -> None:
    doc = _doc(translated)
    po = _export(runner, translated, tmp_path / "r.po", "po")
    _edit_po(po, f"{doc.meta.slug}:p0s0", "Work report 2019")
    tm = tmp_path / "tm.sqlite"
    code, report, err = _import(runner, tm, translated, str(po), "--check")
    assert code == 0, err
    assert report["check"] is True and report["stored"] == 0 and len(report["reviews"]) == 1  # type: ignore[arg-type]
    with TranslationMemory(tm) as memory:
        assert memory.count() == 0


def test_a_refused_unit_stores_nothing(runner: CliRunner, translated: Path, tmp_path: Path) -> None:
    doc = _doc(translated)
    po = _export(runner, translated, tmp_path / "r.po", "po")
    _edit_po(po, f"{doc.meta.slug}:p0s0", "Work report 2019")  # a good one: not stored either
    _edit_po(po, f"{doc.meta.slug}:{doc.segments[4].id}", "二〇一九年工作报告")
    tm = tmp_path / "tm.sqlite"
    code, report, err = _import(runner, tm, translated, str(po))
    assert code == 1
    assert f"r.po: unit {doc.meta.slug}:{doc.segments[4].id}: the target is still Chinese" in err
    assert report["stored"] == 0


def test_an_empty_target_marked_reviewed_is_refused(runner: CliRunner, translated: Path, tmp_path: Path) -> None:
    """(In PO an empty msgstr is simply untranslated: OmegaT empties the fuzzy entries it was given.)"""
    from lxml import etree

    doc = _doc(translated)
    path = _export(runner, translated, tmp_path / "r.xlf", "xliff")
    tree = etree.parse(str(path))
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    segments = tree.findall(".//x:segment", ns)
    segments[0].set("state", "translated")
    etree.SubElement(segments[0], "{urn:oasis:names:tc:xliff:document:2.0}target").text = "Work report 2019"
    segments[5].set("state", "reviewed")
    segments[5].find("x:target", ns).text = ""
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    tm = tmp_path / "tm.sqlite"
    code, report, err = _import(runner, tm, translated, str(path))
    assert code == 1
    assert f"r.xlf: unit {doc.meta.slug}:{doc.segments[5].id}: empty target" in err
    assert report["stored"] == 0
    with TranslationMemory(tm) as memory:
        assert memory.count() == 0


def test_unknown_ids_and_unusable_files(runner: CliRunner, translated: Path, tmp_path: Path) -> None:
    po = _export(runner, translated, tmp_path / "r.po", "po")
    slug = _doc(translated).meta.slug
    po.write_text(po.read_text(encoding="utf-8").replace(f"{slug}:p0s0", f"{slug}:p999s0"), encoding="utf-8")
    tm = tmp_path / "tm.sqlite"
    code, _, err = _import(runner, tm, translated, str(po))
    assert code == 1 and f"unit {slug}:p999s0: no such segment" in err
    bad = tmp_path / "bad.xlf"
    bad.write_text("<xliff version='2.0'><file", encoding="utf-8")
    code, _, err = _import(runner, tm, translated, str(bad))
    assert code == 2 and "bad.xlf: not a readable XLIFF 2.0 file" in err
    assert len(err.strip().splitlines()) == 1
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    code, _, err = _import(runner, tm, translated, str(other))
    assert code == 2 and "not an XLIFF" in err
    with TranslationMemory(tm) as memory:
        assert memory.count() == 0


def test_a_changed_source_becomes_a_fuzzy_suggestion(runner: CliRunner, translated: Path, tmp_path: Path) -> None:
    doc = _doc(translated)
    po = _export(runner, translated, tmp_path / "r.po", "po")
    _edit_po(po, f"{doc.meta.slug}:p0s0", "Work report 2019")
    _edit_po(po, f"{doc.meta.slug}:p1s0", "The year 2019")
    current = _copy(translated, tmp_path / "current")
    path = next(current.glob("*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["segments"][0]["zh"] = "2020年市科委工作情况报告"  # the source was edited since export
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tm = tmp_path / "tm.sqlite"
    code, report, err = _import(runner, tm, current, str(po))
    assert code == 0, err
    assert [s["unit"] for s in report["suggestions"]] == [f"{doc.meta.slug}:p0s0"]  # type: ignore[union-attr]
    assert "source changed since export" in err
    with TranslationMemory(tm) as memory:
        # kept as the review of the source it was made for: a fuzzy match for the new one, never its review
        old = memory.review_of(doc.segments[0].zh)
        assert old is not None and old.en == "Work report 2019"
        assert memory.review_of("2020年市科委工作情况报告") is None
        assert memory.review_of(doc.segments[1].zh) is not None


def test_current_sources_from_raw_pages(tmp_path: Path) -> None:
    from toolkit.batch import Collected
    from toolkit.config import Config

    current = current_sources([SEED], Collected(), Config())
    assert current and all(re.fullmatch(r"[a-z0-9-]+:p\d+s\d+", uid) for uid in current)


def test_export_then_import_raw_pages_changes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    tm = tmp_path / "tm.sqlite"
    args = ["--backend", "gloss", "--glossary", str(GLOSSARY), "--tm", str(tm), "-q"]
    code, _, err = invoke(runner, "review", "export", str(SEED), "-o", "r.xlf", "--format", "xliff12", *args)
    assert code == 0, err
    before = TranslationMemory(tm)
    count = before.count()
    before.close()
    code, report, err = _import(runner, tm, SEED, "r.xlf")
    assert code == 0, err
    assert report["stored"] == 0 and report["unchanged"] > 0
    with TranslationMemory(tm) as memory:
        assert memory.count() == count


# --- TMX -------------------------------------------------------------------------------------


def test_tmx_dates() -> None:
    assert tmx_date("2026-12-06T03:22:00+00:00") == "20261206T032200Z"
    assert iso_date("20261206T032200Z") == "2026-12-06T03:22:00+00:00"
    assert tmx_date("") == iso_date("nonsense") == ""


def test_tmx_out_and_back_loses_nothing(runner: CliRunner, tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    reviews = [
        Review("科技创新", "S&T innovation <b>", "final", "Ann", "2026-01-02T03:04:05+00:00", "g1", "r.po"),
        Review("双轮驱动", "dual-wheel drive", "reviewed", "Bob", "2025-05-06T07:08:09+00:00", "", "x.xlf"),
        Review("上海\n市", "Shanghai\nmunicipality", "reviewed", "", "2025-05-06T07:08:09+00:00"),
    ]
    seg = Segment("p1s1", "科委工作", terms=(TermMatch("科委", "commission", 0),))
    with TranslationMemory(a) as memory:
        memory.add_reviews(reviews)
        memory.store([(seg, "commission work", Provenance("argos", "zh_en 1.9", "g1"))])
        memory.store([(Segment("p2s1", "报告"), "report", Provenance("gloss", "cedict", ""))])
        machine = sorted((m.zh, m.en, m.engine, m.model, m.terms, m.glossary) for m in machine_rows(memory))
    code, _, err = invoke(runner, "tm", "export", "all.tmx", "--all", "--tm", str(a))
    assert code == 0, err
    code, out, err = invoke(runner, "tm", "import", "all.tmx", "--tm", str(b), "--json")
    assert code == 0, err
    assert json.loads(out)["reviews"] == 3 and json.loads(out)["machine"] == 2
    with TranslationMemory(b) as memory:
        back = sorted(memory.reviews(), key=lambda r: r.zh)
        assert [r.__class__(r.zh, r.en, r.state, r.reviewer, r.when, r.glossary, "") for r in back] == sorted(
            (Review(r.zh, r.en, r.state, r.reviewer, r.when, r.glossary, "") for r in reviews),  # as written
            key=lambda r: r.zh,
        )
        assert {r.origin for r in back} == {"all.tmx"}
        assert sorted((m.zh, m.en, m.engine, m.model, m.terms, m.glossary) for m in machine_rows(memory)) == machine
        hit = memory.lookup(seg, "argos", "zh_en 1.9")
        assert hit is not None and hit.en == "commission work"
    # without --all: only the reviews
    code, _, err = invoke(runner, "tm", "export", "reviews.tmx", "--tm", str(a))
    assert code == 0, err
    assert Path("reviews.tmx").read_text(encoding="utf-8").count("<tu ") == 3


def _tmx(tmp_path: Path, units: list[tuple[str, str, str, str, dict[str, str]]]) -> Path:
    """A TMX written through translate-toolkit, as another tool would: (zh lang, zh, en lang, en, tu attributes)."""
    from translate.storage.tmx import tmxfile

    store = tmxfile(sourcelanguage="zh-Hans", targetlanguage="en-US")
    for zl, zh, el, en, attrs in units:
        tu = store.addsourceunit(zh, zl)
        tu.settarget(en, el, append=True)
        for k, v in attrs.items():
            tu.xmlelement.set(k, v)
    path = tmp_path / "client.tmx"
    path.write_bytes(bytes(store))
    return path


def test_tmx_import_language_tags_and_reviewers(runner: CliRunner, tmp_path: Path) -> None:
    path = _tmx(
        tmp_path,
        [
            (
                "zh-Hans",
                "科技",
                "en-US",
                "science and technology",
                {"changeid": "Ann", "changedate": "20250101T000000Z"},
            ),
            ("zh_CN", "创新", "EN-GB", "innovation", {"creationid": "Bob"}),
            ("zh-CN", "报告", "fr", "rapport", {}),  # no English: skipped
        ],
    )
    code, out, err = invoke(runner, "tm", "import", str(path), "--tm", "tm.sqlite", "--json")
    assert code == 0, err
    assert json.loads(out)["skipped"] == 1
    with TranslationMemory(Path("tm.sqlite")) as memory:
        a, b = memory.review_of("科技"), memory.review_of("创新")
        assert a is not None and (a.en, a.state, a.reviewer, a.when, a.origin) == (
            "science and technology",
            "reviewed",
            "Ann",
            "2025-01-01T00:00:00+00:00",
            "client.tmx",
        )
        assert b is not None and b.reviewer == "Bob"
        assert memory.count() == 2


def test_tmx_import_refuses_bad_units_whole(runner: CliRunner, tmp_path: Path) -> None:
    path = _tmx(tmp_path, [("zh", "科技", "en", "science", {}), ("zh", "创新", "en", "创新", {})])
    code, _, err = invoke(runner, "tm", "import", str(path), "--tm", "tm.sqlite")
    assert code == 1 and "client.tmx: unit #2: the English is still Chinese" in err
    with TranslationMemory(Path("tm.sqlite")) as memory:
        assert memory.count() == 0
    Path("broken.tmx").write_text("<tmx><body><tu>", encoding="utf-8")
    code, _, err = invoke(runner, "tm", "import", "broken.tmx", "--tm", "tm.sqlite")
    assert code == 2 and "broken.tmx: not a readable TMX file" in err


def test_tmx_library_reads_what_it_writes(tmp_path: Path) -> None:
    path = tmp_path / "x.tmx"
    path.write_bytes(tmx_bytes([Review("科技", "S&T", "final", "Ann", "2026-01-01T00:00:00+00:00")], []))
    found = read_tmx(path, 10**6)
    assert not found.errors and found.reviews[0].state == "final" and found.reviews[0].reviewer == "Ann"


def test_import_needs_the_current_documents(runner: CliRunner, translated: Path, tmp_path: Path) -> None:
    po = _export(runner, translated, tmp_path / "r.po", "po")
    code, _, err = invoke(runner, "review", "import", str(po), "--tm", "tm.sqlite")  # no seeds/ here
    assert code == 2 and "seeds: no such input" in err and "--input" in err
