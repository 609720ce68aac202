"""Shared fixtures. Argos is pointed at temporary dirs before anything imports it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# argostranslate.settings reads and creates its data dirs at import time: never the user's home.
_ARGOS_HOME = Path(tempfile.mkdtemp(prefix="toolkit-tests-argos-"))
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = str(_ARGOS_HOME / var.lower())
os.environ["ARGOS_PACKAGES_DIR"] = str(_ARGOS_HOME / "packages")

import pytest  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GLOSSARY = ROOT / "glossary"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    """``toolkit ARGS...`` in-process: (exit code, stdout, stderr). A traceback in either
    fails the test: the CLI turns every error into a one-line message."""
    from toolkit.cli import app

    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The main job, once per session: `toolkit build` on seeds/ into temporary docs/ and site/.

    Run from a temporary working directory, to show build needs nothing from the repo's cwd.
    """
    from toolkit.cli import app

    work = tmp_path_factory.mktemp("build")
    docs, site = work / "docs", work / "site"
    old = Path.cwd()
    os.chdir(work)
    try:
        result = CliRunner().invoke(
            app,
            [
                "build",
                "--input",
                str(SEEDS),
                "--glossary",
                str(GLOSSARY),
                "--docs-dir",
                str(docs),
                "--site-dir",
                str(site),
            ],
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    (work / "build.log").write_text(result.output, encoding="utf-8")
    return {"docs": docs, "site": site, "work": work, "log": work / "build.log"}


@pytest.fixture(scope="session")
def argos_model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real .argosmodel with random weights (tests/argos_package.py), built once."""
    from .argos_package import build_package

    return build_package(tmp_path_factory.mktemp("argos-build"))


@pytest.fixture
def argos_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty Argos packages folder of this test's own (in-process and for subprocesses)."""
    from argostranslate import settings

    packages = tmp_path / "argos-packages"
    packages.mkdir()
    monkeypatch.setattr(settings, "package_data_dir", packages)
    monkeypatch.setattr(settings, "package_dirs", [packages])
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    return packages


@pytest.fixture
def argos_installed(argos_home: Path, argos_model_file: Path, runner: CliRunner) -> Path:
    """The test package installed with `toolkit models install FILE` (the real Argos loader)."""
    from toolkit.cli import app

    result = runner.invoke(app, ["models", "install", str(argos_model_file)])
    assert result.exit_code == 0, result.output
    return argos_home


@pytest.fixture(autouse=True)
def _run_in_tmp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test runs in its own empty directory: defaults such as the translation memory
    (.toolkit/translation-memory.sqlite) never land in the repository or leak between tests."""
    monkeypatch.chdir(tmp_path)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``: relative path → bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def count_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs of the documents whose pages are rendered from now on (zh_page calls)."""
    from toolkit import publish

    rendered: list[str] = []
    real = publish.zh_page

    def counting(doc: object) -> str:
        rendered.append(doc.meta.slug)  # type: ignore[attr-defined]
        return real(doc)  # type: ignore[arg-type]

    monkeypatch.setattr(publish, "zh_page", counting)
    return rendered
