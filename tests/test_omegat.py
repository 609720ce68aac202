"""The translators' round trip through a real CAT tool: Debian's OmegaT 3.6, headless
(``omegat PROJECT --mode=console-translate``).

What OmegaT 3.6 accepts of our formats (measured):

- **PO** (its built-in ``PoFilter``): the whole round trip. ``msgid`` is the source,
  ``msgstr`` the translation; the pre-filled ``fuzzy`` entries come out empty and unflagged
  (OmegaT does not take fuzzy translations), so they stay machine English in the memory; a
  TMX of reviewed translations in the project's ``tm/auto/`` fills the segments it matches
  exactly, and those come back as the translator's work. This test uses it.
- **XLIFF 1.2** (its built-in ``XLIFFFilter``; Debian ships no Okapi filters plugin): the file
  is read and written back, but that filter translates the *text of* ``<target>`` (it expects
  the source copied there, as Okapi Rainbow writes it), so our pre-filled English is offered as
  if it were the source and units without a target are not extracted. The file comes back with
  its targets as they were, and importing it changes nothing — tested below.
- **XLIFF 2.0**: loaded, but no segment is extracted (0 segments); the file is copied as is.

Without ``omegat`` on the PATH the tests are skipped, unless TOOLKIT_REQUIRE_OMEGAT=1 (CI),
which turns the skip into a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.exchange.units import read_translation_record
from toolkit.tm import Review, TranslationMemory

from .conftest import GLOSSARY, SEED_FILES, invoke

OMEGAT = shutil.which("omegat")

if OMEGAT is None:
    if os.environ.get("TOOLKIT_REQUIRE_OMEGAT"):
        raise RuntimeError("omegat is missing: install Debian's omegat package (make test does, as root)")
    pytest.skip(
        "omegat not installed: `sudo apt-get install omegat` (or `make test` as root) to run the OmegaT tests",
        allow_module_level=True,
    )


def _project(root: Path) -> Path:
    """An empty OmegaT project, zh-CN → en, one segment per unit (no sentence segmentation)."""
    from lxml import etree

    for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    omegat = etree.Element("omegat")
    project = etree.SubElement(omegat, "project", version="1.0")
    for name, value in [
        ("source_dir", "__DEFAULT__"),
        ("target_dir", "__DEFAULT__"),
        ("tm_dir", "__DEFAULT__"),
        ("glossary_dir", "__DEFAULT__"),
        ("glossary_file", "__DEFAULT__"),
        ("dictionary_dir", "__DEFAULT__"),
        ("source_lang", "zh-CN"),
        ("target_lang", "en"),
        ("sentence_seg", "false"),
        ("support_default_translations", "true"),
        ("remove_tags", "false"),
    ]:
        etree.SubElement(project, name).text = value
    (root / "omegat.project").write_bytes(etree.tostring(omegat, xml_declaration=True, encoding="UTF-8"))
    return root


def _console_translate(project: Path, home: Path) -> None:
    env = {
        **os.environ,
        "HOME": str(home),  # OmegaT writes ~/.omegat: never the user's
        "JAVA_TOOL_OPTIONS": "-Djava.awt.headless=true",
    }
    home.mkdir(exist_ok=True)
    done = subprocess.run(
        [
            str(OMEGAT),
            str(project),
            "--mode=console-translate",
            f"--config-dir={home / 'config'}",
            "--disable-project-locking",
            "--no-team",
            "--quiet",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.fixture
def translated(tmp_path: Path, runner: CliRunner) -> Path:
    """`toolkit translate` JSON of the first seed (gloss backend), with the title segment's
    English blanked: a new segment for OmegaT to fill from tm/auto."""
    out = tmp_path / "translated"
    code, _, err = invoke(
        runner, "translate", str(SEED_FILES[0]), "-o", str(out), "--backend", "gloss",
        "--glossary", str(GLOSSARY), "--no-tm", "-q",
    )  # fmt: skip
    assert code == 0, err
    path = next(out.glob("*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["segments"][0]["en"], data["segments"][0]["provenance"] = "", None
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def test_po_through_omegat_and_back(runner: CliRunner, translated: Path, tmp_path: Path) -> None:
    """Export PO → OmegaT console-translate with our TMX (a reviewed translation of the title)
    in tm/auto → import OmegaT's target/ file: the title becomes a review by the named
    reviewer; the gloss segments OmegaT emptied stay machine English (nothing stored)."""
    doc = read_translation_record(next(translated.glob("*.json")), 10**8)
    assert doc is not None
    title = doc.segments[0]
    project = _project(tmp_path / "project")
    code, _, err = invoke(runner, "review", "export", str(translated), "-o", str(project / "source" / "doc.po"),
                          "--format", "po", "-q")  # fmt: skip
    assert code == 0, err
    theirs = tmp_path / "translator.sqlite"  # the translator's own memory, sent as TMX
    with TranslationMemory(theirs) as memory:
        memory.add_reviews([Review(title.zh, "Work Report 2019 of the Municipal S&T Commission", "final", "Ann")])
    code, _, err = invoke(runner, "tm", "export", str(project / "tm" / "auto" / "ours.tmx"), "--tm", str(theirs))
    assert code == 0, err

    _console_translate(project, tmp_path / "home")
    returned = project / "target" / "doc.po"
    assert returned.exists()

    ours = tmp_path / "tm.sqlite"
    code, out, err = invoke(runner, "review", "import", str(returned), "--input", str(translated),
                            "--tm", str(ours), "--reviewer", "OmegaT tester", "--json")  # fmt: skip
    assert code == 0, err
    report = json.loads(out)
    assert [r["unit"] for r in report["reviews"]] == [f"{doc.meta.slug}:{title.id}"]
    assert report["untranslated"] == len(doc.segments) - 1  # the gloss entries OmegaT emptied
    with TranslationMemory(ours) as memory:
        review = memory.review_of(title.zh)
        assert review is not None
        assert (review.en, review.state, review.reviewer, review.origin) == (
            "Work Report 2019 of the Municipal S&T Commission",
            "reviewed",
            "OmegaT tester",
            "doc.po",
        )
        assert memory.count() == 1


def test_xliff12_through_omegat_changes_nothing(runner: CliRunner, translated: Path, tmp_path: Path) -> None:
    """OmegaT 3.6 reads and writes our XLIFF 1.2 (its own XLIFF filter); the file it writes
    imports cleanly and, with nothing translated in OmegaT, changes nothing in the memory."""
    project = _project(tmp_path / "project")
    code, _, err = invoke(runner, "review", "export", str(translated), "-o", str(project / "source" / "doc.xlf"),
                          "--format", "xliff12", "-q")  # fmt: skip
    assert code == 0, err
    _console_translate(project, tmp_path / "home")
    returned = project / "target" / "doc.xlf"
    ours = tmp_path / "tm.sqlite"
    code, out, err = invoke(runner, "review", "import", str(returned), "--input", str(translated),
                            "--tm", str(ours), "--json")  # fmt: skip
    assert code == 0, err
    report = json.loads(out)
    assert report["stored"] == 0 and report["unchanged"] > 0 and report["untranslated"] == 1
