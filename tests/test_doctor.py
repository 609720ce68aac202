"""`toolkit doctor`: through the CLI, checked against the library (toolkit.doctor)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.config import load_config
from toolkit.doctor import CHECKS, run_checks

from .conftest import GLOSSARY, invoke


def test_doctor_prints_every_check_as_the_library_makes_it(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "doctor", "--glossary", str(GLOSSARY))
    checks = run_checks(load_config().with_overrides(glossary=GLOSSARY))
    assert out.splitlines() == [c.render() for c in checks]
    assert [c.name for c in checks] == [name for name, _ in CHECKS]
    assert {c.name: c.status for c in checks}["glossary"] == "ok"
    assert code == (1 if any(c.status == "error" for c in checks) else 0)


def test_doctor_json_report(runner: CliRunner, tmp_path: Path) -> None:
    code, out, _ = invoke(runner, "doctor", "--json", "--tm", str(tmp_path / "m" / "tm.sqlite"))
    report = json.loads(out)
    assert report["command"] == "doctor"
    checks = {c["name"]: c for c in report["checks"]}
    assert list(checks) == [name for name, _ in CHECKS]
    assert set(checks["opencc"]) == {"name", "status", "detail", "fix"}
    assert checks["memory"]["status"] == "ok" and "tm.sqlite" in checks["memory"]["detail"]
    # no glossary in this empty directory, no Argos package in the test's Argos home: warnings, not errors
    assert checks["glossary"]["status"] == "warning" and checks["glossary"]["fix"]
    assert checks["argos"]["status"] == "warning" and "toolkit models install" in checks["argos"]["fix"]
    assert code == (1 if any(c["status"] == "error" for c in checks.values()) else 0)


def test_a_broken_trafilatura_import_is_an_error_with_its_fix(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` now raises ImportError
    code, out, _ = invoke(runner, "doctor", "--json")
    assert code == 1
    [check] = [c for c in json.loads(out)["checks"] if c["name"] == "trafilatura"]
    assert check["status"] == "error"
    assert "import of trafilatura halted" in check["detail"]
    assert "pip install trafilatura lxml_html_clean" in check["fix"]

    code, out, _ = invoke(runner, "doctor")
    assert code == 1
    [line] = [line for line in out.splitlines() if "trafilatura" in line.split(":")[0]]
    assert line.startswith("error   trafilatura: HTML main-text extraction unavailable") and "(fix: pip install" in line


def test_a_bad_glossary_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("科技\n", encoding="utf-8")
    code, out, _ = invoke(runner, "doctor", "--json", "--glossary", str(bad))
    [check] = [c for c in json.loads(out)["checks"] if c["name"] == "glossary"]
    assert check["status"] == "error" and code == 1
