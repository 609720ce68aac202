"""Review states end to end: fuzzy suggestions in a run, `toolkit status`, the translate JSON read
back, the project root found walking up, and the states on the site's pages."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import GLOSSARY, invoke
from toolkit.batch import Collected, translate_documents
from toolkit.config import Config, find_root, load_config
from toolkit.document import Block, Document, Meta, Provenance, Segment, state_of
from toolkit.listings import index_page
from toolkit.publish import SiteInfo, aligned_page, en_page
from toolkit.tm import TranslationMemory

SOURCE = """关于推动科技创新的报告

2019年，全市推动科技创新和产业创新深度融合，研发经费支出1328亿元。

坚持双轮驱动，加快建设科创中心。
"""
REVIEWED = (
    "In 2019, the city promoted the deep integration of science and technology innovation with industrial "
    "innovation, with R&D spending of 132.8 billion yuan."
)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A project folder (glossary/, pages/) as the working directory."""
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "terms.tsv").write_text(
        (GLOSSARY / "terms.tsv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "report.txt").write_text(SOURCE, encoding="utf-8")
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def _run(project: Path, engine: bool = True) -> list[Document]:
    cfg = Config(input=project / "pages", glossary=project / "glossary", tm=project / "tm.sqlite", backend="gloss")
    return translate_documents([cfg.input], Collected(), cfg, engine=engine).docs


def _sentence(doc: Document, start: str) -> Segment:
    return next(s for s in doc.segments if s.zh.startswith(start))


def test_a_one_character_edit_gives_a_fuzzy_suggestion_not_a_review(project: Path) -> None:
    [doc] = _run(project)
    seg = _sentence(doc, "2019年")
    assert state_of(seg) == "gloss"
    with TranslationMemory(project / "tm.sqlite") as tm:
        tm.add_review(seg.zh, REVIEWED, reviewer="Li Wei", state="final")
    [doc] = _run(project)
    seg = _sentence(doc, "2019年")
    assert seg.en == REVIEWED and state_of(seg) == "final" and seg.provenance.reviewer == "Li Wei"  # type: ignore[union-attr]

    (project / "pages" / "report.txt").write_text(SOURCE.replace("推动科技创新和", "促进科技创新和"), encoding="utf-8")
    [doc] = _run(project)
    seg = _sentence(doc, "2019年")
    prov = seg.provenance
    assert prov is not None and state_of(seg) == "fuzzy" and not prov.reviewed
    assert seg.en == REVIEWED and 80 <= prov.score < 100 and prov.match == SOURCE.splitlines()[2]


def test_a_fuzzy_suggestion_whose_numbers_no_longer_match_is_not_used(project: Path) -> None:
    [doc] = _run(project)
    with TranslationMemory(project / "tm.sqlite") as tm:
        tm.add_review(_sentence(doc, "2019年").zh, REVIEWED)
    (project / "pages" / "report.txt").write_text(SOURCE.replace("1328亿元", "1382亿元"), encoding="utf-8")
    [doc] = _run(project)
    seg = _sentence(doc, "2019年")
    assert state_of(seg) == "gloss" and "138.2 billion" in seg.en


def test_status_counts_states_without_translating(project: Path, runner: CliRunner) -> None:
    code, out, err = invoke(runner, "status", "pages", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["command"] == "status" and report["totals"]["new"] == 3 and report["totals"]["gloss"] == 0
    assert not (project / ".toolkit").exists()  # status does not create a memory
    code, _, err = invoke(runner, "status", "pages")
    assert (
        code == 0 and "glossary: glossary (" in err and "translation memory: .toolkit/" in err and "(none yet)" in err
    )
    # after a build-like run, the memory's translations are counted
    [doc] = _run(project, engine=True)
    with TranslationMemory(project / "tm.sqlite") as tm:
        tm.add_review(
            _sentence(doc, "坚持").zh,
            "Adhere to dual-wheel drive; build the science and technology innovation center faster.",
        )
    code, out, err = invoke(runner, "status", "pages", "--tm", "tm.sqlite", "--backend", "gloss")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["document", "segments", "final", "reviewed", "fuzzy", "machine", "gloss", "new", "qa"]
    assert lines[1].split()[1:8] == ["3", "0", "1", "0", "0", "2", "0"]


def test_translate_json_is_an_input_again(project: Path, runner: CliRunner, tmp_path: Path) -> None:
    out1, out2 = tmp_path / "t1", tmp_path / "t2"
    code, _, err = invoke(runner, "translate", "pages", "-o", str(out1), "--backend", "gloss", "--no-tm", "-q")
    assert code == 0, err
    # the folder holds the JSON and the bilingual Markdown: only the JSON is read back
    code, _, err = invoke(runner, "translate", str(out1), "-o", str(out2), "--backend", "gloss", "--no-tm", "-q")
    assert code == 0, err
    first, second = (json.loads(next(d.glob("*.json")).read_text(encoding="utf-8")) for d in (out1, out2))
    assert first == second
    code, out, _ = invoke(runner, "status", str(out1), "--json")
    assert code == 0 and json.loads(out)["totals"]["gloss"] == 3
    # the bilingual Markdown named on its own is refused, with the way out
    md = next(out1.glob("*.md"))
    code, _, err = invoke(runner, "translate", str(md), "-o", str(tmp_path / "t3"), "--backend", "gloss")
    assert code == 1 and "bilingual Markdown" in err and md.with_suffix(".json").name in err


def test_the_project_root_is_found_walking_up(project: Path, runner: CliRunner) -> None:
    sub = project / "pages" / "deeper"
    sub.mkdir()
    assert find_root(sub) == project
    cfg = load_config(sub)
    assert cfg.glossary == Path("../../glossary") and cfg.tm == Path("../../.toolkit/translation-memory.sqlite")
    os.chdir(sub)
    code, _, err = invoke(runner, "status", "..")
    assert code == 0 and "glossary: ../../glossary (" in err


def test_no_glossary_is_a_warning_not_silence(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "report.txt").write_text(SOURCE, encoding="utf-8")
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        code, _, err = invoke(runner, "status", "report.txt")
    finally:
        os.chdir(old)
    assert code == 0 and "WARNING: no glossary terms at glossary" in err


def _doc(*provs: Provenance | None) -> Document:
    segs = tuple(
        Segment(f"p1s{i}", f"第{i}句。", f"Sentence {i}." if p else "", provenance=p) for i, p in enumerate(provs)
    )
    title = Segment("p0s0", "标题", "Title", provenance=provs[0])
    return Document(
        Meta(slug="d", title="标题"),
        (Block("heading", "标题", level=1, segments=(title,)), Block("paragraph", "…", segments=segs)),
    )


MT = Provenance(engine="argos", model="m 1.0", glossary="g")
FINAL = Provenance(
    engine="human",
    model="reviewed",
    glossary="g",
    state="final",
    reviewer="Li Wei",
    reviewed_at="2026-01-02T00:00:00+00:00",
)
FUZZY = Provenance(engine="human", model="fuzzy", glossary="g", state="fuzzy", score=93, match="第一句。")


def test_pages_mark_each_state_for_eyes_and_screen_readers() -> None:
    doc = _doc(MT, FINAL, FUZZY)
    aligned = aligned_page(doc)
    for state in ("machine", "final", "fuzzy"):
        assert f'data-state="{state}"' in aligned and f"tk-state-{state}" in aligned
    assert '<span class="tk-sr"> (signed off)</span>' in aligned and "by Li Wei on 2026-01-02" in aligned
    assert "fuzzy — needs review, 93% match" in aligned
    english = en_page(doc)
    assert "tk-state-final" in english and "tk-state-fuzzy" in english and "tk-state-machine" not in english
    assert "1 of 4 sentences were reviewed by a human translator (1 signed off)" in english
    assert "fuzzy — needs review" in english
    index = index_page([doc], SiteInfo())
    assert "| 1 of 4 (1 signed off), 1 fuzzy |" in index
