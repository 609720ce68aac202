"""Glossary tooling: add, export/import (TBX, CSV) round trips, suggest, QA page."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from toolkit import glossary
from toolkit.document import Block, Document, Meta, Segment, TermMatch
from toolkit.listings import qa_page

from .conftest import GLOSSARY, SEEDS, invoke

HEADER = "zh\ten\tstatus\tfixed\tvariants\tsource\tnote\n"


def fields(entries: list[glossary.Entry]) -> list[tuple[object, ...]]:
    return sorted((e.zh, e.en, e.status, e.fixed, e.variants, e.source, e.note) for e in entries)


HOSTILE_TSV = HEADER + "".join(
    f"{zh}\t{en}\t{status}\t{fixed}\t{variants}\t{source}\t{note}\n"
    for zh, en, status, fixed, variants, source, note in [
        ("双轮驱动", '=HYPERLINK("http://evil.example","click")', "proposed", "no", "", "@SUM(A1)", "+1 for this"),
        ("科创中心", "-based centre", "proposed", "yes", "-科创|@科创", "'=quoted", "'plain quote"),
        ("创新", "+innovation", "proposed", "no", "", "''=two quotes", "=1+1"),
    ]
)


@pytest.mark.parametrize("hostile", [False, True], ids=["curated", "formula-cells"])
@pytest.mark.parametrize("suffix", ["tbx", "csv"])
def test_export_import_round_trip_is_lossless(runner: CliRunner, tmp_path: Path, suffix: str, hostile: bool) -> None:
    source = GLOSSARY
    if hostile:  # cells a spreadsheet would run as formulas, and values that start with a quote
        source = tmp_path / "hostile.tsv"
        source.write_text(HOSTILE_TSV, encoding="utf-8")
    exported = tmp_path / f"glossary.{suffix}"
    code, out, err = invoke(runner, "glossary", "export", str(exported), "--glossary", str(source))
    assert code == 0, err
    fresh = tmp_path / "fresh.tsv"
    code, out, err = invoke(runner, "glossary", "import", str(exported), "--glossary", str(fresh))
    assert code == 0, err
    original, _ = glossary.check(source)
    assert len(original) >= 3
    again, problems = glossary.check(fresh)
    assert [p for p in problems if p.severity == "error"] == []
    assert fields(again) == fields(original)
    # Importing the same file again adds nothing.
    code, out, _ = invoke(runner, "glossary", "import", str(exported), "--glossary", str(fresh))
    assert code == 0 and "imported 0 new entries" in out


def test_tbx_is_iso_30042_shaped(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "g.tbx"
    assert invoke(runner, "glossary", "export", str(path), "--glossary", str(GLOSSARY))[0] == 0
    root = etree.parse(str(path)).getroot()
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    entry = next(e for e in root.iter("termEntry") if e.find("langSet/tig/term").text == "双轮驱动")
    [en] = [ls for ls in entry.findall("langSet") if ls.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"]
    assert en.find("tig/term").text == "dual-wheel drive"
    assert en.find("tig/termNote[@type='administrativeStatus']").text == "preferredTerm-admn-sts"
    assert len(list(root.iter("termEntry"))) == len(glossary.check(GLOSSARY)[0])


def test_import_conflict_changes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text(HEADER + "双轮驱动\ttwo-wheel drive\tproposed\tno\t\t\t\n", encoding="utf-8")
    before = mine.read_text(encoding="utf-8")
    exported = tmp_path / "g.csv"
    invoke(runner, "glossary", "export", str(exported), "--glossary", str(GLOSSARY))
    code, _, err = invoke(runner, "glossary", "import", str(exported), "--glossary", str(mine))
    assert code == 2 and "'双轮驱动' is already in the glossary" in err and "nothing imported" in err
    assert mine.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    ("name", "data"), [("bad.tbx", b"<martif><unclosed"), ("bad.tbx", b"\x00\x01"), ("x.xlsx", b"PK")]
)
def test_import_garbage(runner: CliRunner, tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, _, err = invoke(runner, "glossary", "import", str(path), "--glossary", str(tmp_path / "g.tsv"))
    assert code == 2 and str(path) in err and len(err.strip().splitlines()) == 1


def test_add_keeps_the_file_sorted_and_refuses_conflicts(runner: CliRunner, tmp_path: Path) -> None:
    g = tmp_path / "glossary"
    shutil.copytree(GLOSSARY, g)
    code, _out, err = invoke(
        runner, "glossary", "add", "重要指示批示精神", "guiding principles of important instructions",
        "--source", "translator proposal", "--glossary", str(g),
    )  # fmt: skip
    assert code == 0, err
    lines = (g / "terms.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t")[0] for line in lines if not line.startswith("#")][1:]
    assert "重要指示批示精神" in rows and rows == sorted(rows)
    entries, problems = glossary.check(g)
    assert not [p for p in problems if p.severity == "error"]
    new = next(e for e in entries if e.zh == "重要指示批示精神")
    assert (new.status, new.source) == ("proposed", "translator proposal")
    code, _, err = invoke(runner, "glossary", "add", "双轮驱动", "twin drive", "--glossary", str(g))
    assert code == 2 and "already in the glossary" in err
    code, _, err = invoke(runner, "glossary", "add", "新词语", "x", "--status", "done", "--glossary", str(g))
    assert code == 2 and "<command line>" in err and "status 'done'" in err


def test_nested_term_with_inconsistent_rendering_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text(
        HEADER
        + "科创中心\tscience and technology innovation center\n"
        + "上海科创中心\tShanghai tech hub\n"
        + "深圳市科技创新委\tShenzhen Science, Technology and Innovation Commission\tproposed\tyes\n"
        + "科技创新\tscience and technology innovation\n",
        encoding="utf-8",
    )
    _, problems = glossary.check(path)
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1 and errors[0].line == 3 and "'上海科创中心'" in errors[0].message


def test_suggest_shows_real_candidates(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "glossary", "suggest", str(SEEDS), "--glossary", str(GLOSSARY), "--json")
    assert code == 0, err
    rows = json.loads(out)["suggestions"]
    zh = [r["zh"] for r in rows]
    assert "用人单位信用管理制度" in zh and "深入实施" not in zh and "扎实推进" not in zh
    gl = glossary.load(GLOSSARY)
    for r in rows:
        assert r["count"] >= 2 and r["examples"] and all(r["zh"] in x for x in r["examples"])
        assert not gl.match(r["zh"])  # not a glossary term, nor containing one


def test_qa_page_lists_misses() -> None:
    seg = Segment(
        id="p1s0", zh="坚持双轮驱动。", en="Adhere to drive.", terms=(TermMatch("双轮驱动", "dual-wheel drive", 2),)
    )
    doc = Document(meta=Meta(slug="d", title="标题"), blocks=(Block("paragraph", seg.zh, segments=(seg,)),))
    page = qa_page([doc])
    assert "1 problem in 1 of 1 documents" in page and "glossary term missing from the English" in page
    assert "双轮驱动 → dual-wheel drive" in page
    ok = Document(meta=Meta(slug="d", title="标题"), blocks=(Block("paragraph", seg.zh, segments=()),))
    assert "No problems found: all 0 glossary terms" in qa_page([ok])


def test_qa_page_in_the_built_site(built_site: dict[str, Path]) -> None:
    text = (built_site["site"] / "qa.html").read_text(encoding="utf-8")
    assert "QA · 质量检查" in text and ("No problems found" in text or " of 5 documents" in text)


HOSTILE = [
    glossary.Entry(
        zh="双轮驱动",
        en='=HYPERLINK("http://evil.example","click")',
        note="+1 for this",
        source="@SUM(A1)",
        status="proposed",
    ),
    glossary.Entry(
        zh="科创中心", en="-based center", variants=("-科创",), note="\tindented", source="\rcr", status="proposed"
    ),
    glossary.Entry(zh="创新", en="'=already quoted", note="'plain quote", source="''=two quotes", status="proposed"),
    glossary.Entry(zh="改革", en="reform", note="=1+1", status="proposed", fixed=True),
]


def test_csv_export_neutralises_formulas_and_import_restores_them(tmp_path: Path) -> None:
    """Cells starting =, +, -, @, tab or CR (OWASP's list) were written verbatim, and a
    spreadsheet opening the file runs them; now they start with a quote, which import drops."""
    import csv
    import io

    from toolkit.glossary_io import export, read

    path = tmp_path / "g.csv"
    export(HOSTILE, path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    cells = [cell for row in rows for cell in row]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert '\'=HYPERLINK("http://evil.example","click")' in cells and "'plain quote" in cells
    # Import validates each row as a TSV row, which has no leading or trailing blanks.
    stripped = [replace(e, note=e.note.strip(), source=e.source.strip()) for e in HOSTILE]
    assert fields(read(path)) == fields(stripped)


def test_importing_a_named_pipe_is_an_error_not_a_hang(tmp_path: Path) -> None:
    import os

    from .run_toolkit import toolkit

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    pipe = tmp_path / "terms.csv"
    os.mkfifo(pipe)
    result = toolkit("glossary", "import", str(pipe), "--glossary", str(tmp_path / "g.tsv"), cwd=tmp_path, timeout=60)
    assert result.returncode == 2, result.stderr
    assert f"error: {pipe}: a named pipe (FIFO), not a regular file" in result.stderr
