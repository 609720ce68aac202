"""A broken install is an error that names the package and the fix, never a silent fallback.

With the pip Python 3.11 ships (23.2), `pip install .` used to leave out `lxml_html_clean`
(an extra jusText asks for), so `import trafilatura` failed and every HTML page was cleaned
without main-text extraction, with no word to the user. The dependency is now declared
directly (pyproject.toml), `.ci/run` installs a fresh clone with the system's own pip, and
these tests pin that the failure can never again be swallowed.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.errors import InstallError
from toolkit.files import read_source

from .conftest import ROOT, invoke

BODY = "<h1>通知</h1><p>科技创新工作取得显著成效，特此通知。</p>"
PAGE = f"<html><head><title>通知</title></head><body>{BODY}</body></html>"


def test_what_trafilatura_imports_is_a_direct_dependency() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {d.split(">")[0].split("=")[0].split("<")[0].strip().lower().replace("-", "_") for d in deps}
    assert {"trafilatura", "lxml_html_clean"} <= names


def test_a_missing_trafilatura_is_an_install_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura → ImportError
    with pytest.raises(InstallError) as err:
        read_source(page)
    assert "trafilatura" in err.value.render() and "lxml_html_clean" in err.value.render()
    assert err.value.exit_code == 2


def test_an_import_error_inside_trafilatura_is_an_install_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """jusText imports lxml.html.clean only when trafilatura first needs it."""
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    with pytest.raises(InstallError, match="lxml_html_clean"):
        read_source(page)


def test_the_cli_says_so_in_one_line_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("a.html", "b.html"):  # one line for the install, not one per page
        (pages / name).write_text(PAGE, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    code, _, err = invoke(runner, "clean", str(pages), "-o", str(tmp_path / "out"))
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert code == 2 and len(errors) == 1 and "trafilatura" in errors[0] and "lxml_html_clean" in errors[0]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
