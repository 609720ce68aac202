"""A reviewer's round trip, end to end through the CLI: export for review (XLIFF 2.0) → edit
targets (one signed off, one reviewed, one whose source changes meanwhile) → import → build
shows the reviewed English, the states and the coverage → a one-character source edit gives
a fuzzy suggestion on the site, not machine output marked reviewed.

(The same round trip through the real OmegaT, with PO and our TMX, is tests/test_omegat.py.)
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from lxml import etree
from typer.testing import CliRunner

from tests.conftest import GLOSSARY, invoke

SOURCE = """关于推动科技创新的报告

2019年，全市推动科技创新和产业创新深度融合，研发经费支出1328亿元。

坚持双轮驱动，加快建设科创中心。
"""
TITLE_EN = "Report on promoting science and technology innovation"
FINAL_EN = (
    "In 2019, the city promoted the deep integration of science and technology innovation with industrial "
    "innovation, with R&D spending of 132.8 billion yuan."
)
REVIEWED_EN = "Adhere to dual-wheel drive and build the science and technology innovation center faster."
XLIFF = "urn:oasis:names:tc:xliff:document:2.0"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "terms.tsv").write_bytes((GLOSSARY / "terms.tsv").read_bytes())
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "report.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "toolkit.toml").write_text('input = "pages"\nbackend = "gloss"\n', encoding="utf-8")
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def _edit(xlf: Path, edits: dict[str, tuple[str, str]]) -> None:
    """Set the target and state of the units whose Chinese starts with each key, as a CAT tool would."""
    tree = etree.parse(str(xlf))
    for unit in tree.iter(f"{{{XLIFF}}}unit"):
        segment = unit.find(f"{{{XLIFF}}}segment")
        zh = "".join(segment.find(f"{{{XLIFF}}}source").itertext())
        for start, (en, state) in edits.items():
            if zh.startswith(start):
                target = segment.find(f"{{{XLIFF}}}target")
                target.text = en
                segment.set("state", state)
                segment.attrib.pop("subState", None)
    tree.write(str(xlf), xml_declaration=True, encoding="utf-8")


def _english_page(project: Path) -> str:
    [page] = (project / "site" / "en").rglob("*.html")
    return page.read_text(encoding="utf-8")


def _aligned_states(project: Path) -> dict[str, str]:
    """The state of each English sentence of the aligned page, by the sentence's text start."""
    [page] = (project / "site" / "aligned").rglob("*.html")
    root = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    return {span.text_content()[:20]: span.get("data-state") for span in root.xpath("//span[@data-state]")}


def test_review_round_trip_then_a_source_edit(project: Path, runner: CliRunner) -> None:
    code, _, err = invoke(runner, "review", "export", "pages", "-o", "review.xlf")
    assert code == 0, err
    _edit(
        project / "review.xlf",
        {"2019年": (FINAL_EN, "final"), "坚持": (REVIEWED_EN, "reviewed"), "关于": (TITLE_EN, "reviewed")},
    )
    # meanwhile the title's source changes (one character): its review is a fuzzy suggestion
    (project / "pages" / "report.txt").write_text(SOURCE.replace("关于推动", "关于促进"), encoding="utf-8")
    code, out, err = invoke(runner, "review", "import", "review.xlf", "--reviewer", "Li Wei", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["stored"] == 2 and len(report["suggestions"]) == 1 and report["qa"] == []
    assert "source changed since export" in err

    code, _, err = invoke(runner, "build")
    assert code == 0, err
    english = _english_page(project)
    text = " ".join(lxml.html.fromstring(english).text_content().split())
    assert FINAL_EN in text and REVIEWED_EN in text
    assert "tk-state-final" in english and "tk-state-reviewed" in english and "tk-state-fuzzy" in english
    states = _aligned_states(project)
    assert states[FINAL_EN[:20]] == "final" and states[REVIEWED_EN[:20]] == "reviewed"
    index = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "2 of 3 (1 signed off), 1 fuzzy" in index
    code, out, _ = invoke(runner, "status", "--json")
    assert json.loads(out)["totals"] | {"qa": 0} == {
        "final": 1, "reviewed": 1, "fuzzy": 1, "machine": 0, "gloss": 0, "new": 0, "qa": 0
    }  # fmt: skip

    # a one-character edit of the signed-off sentence's source: a fuzzy suggestion, not "final"
    edited = SOURCE.replace("关于推动", "关于促进").replace("全市推动", "全市促进")
    (project / "pages" / "report.txt").write_text(edited, encoding="utf-8")
    code, _, err = invoke(runner, "build")
    assert code == 0, err
    states = _aligned_states(project)
    assert states[FINAL_EN[:20]] == "fuzzy"
    assert "signed off" not in _english_page(project).split("tk-state-fuzzy")[0][-400:]
