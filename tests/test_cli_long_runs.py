"""A CLI fit for long runs: --quiet leaves only errors, --help shows every default, one
--json report shape, shell completion, progress only on a terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from toolkit.batch import Collected
from toolkit.cli import app
from toolkit.cli.common import Reporter

from .conftest import GLOSSARY, ROOT, SEED_FILES, SEEDS, invoke


def _commands(cmd: Any, prefix: str = "toolkit") -> list[tuple[str, Any]]:
    if hasattr(cmd, "commands"):
        return [c for name, sub in cmd.commands.items() for c in _commands(sub, f"{prefix} {name}")]
    return [(prefix, cmd)]


def test_help_shows_every_default() -> None:
    missing = []
    for name, cmd in _commands(typer.main.get_command(app)):
        for p in cmd.params:
            option = p.param_type_name == "option"
            if option and (p.is_flag or p.required or p.name == "help"):
                continue
            shown = option and p.show_default is not False and p.default is not None
            if not shown and "[default:" not in (getattr(p, "help", None) or "") and not p.required:
                missing.append(f"{name} {p.name}")
    assert missing == []


def test_help_renders_defaults_the_same_way(runner: CliRunner) -> None:
    out = runner.invoke(app, ["build", "--help"], env={"COLUMNS": "200"}).stdout
    assert "Where to write the Markdown. [default: docs/]" in out
    assert "[default: (" not in out
    out = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "200"}).stdout
    assert "Port to serve on. [default: 8000]" in out  # a default typer knows, shown alike


def test_quiet_leaves_only_errors(tmp_path: Path) -> None:
    """No backend notice, no gloss warning, no jieba 'Building prefix dict' lines."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "toolkit", "translate", str(SEED_FILES[0]), "-o", str(tmp_path / "o"), "-q"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
    assert (done.returncode, done.stderr, done.stdout) == (0, "", "")
    done = subprocess.run([*cmd, str(tmp_path / "missing.txt")], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 1 and done.stderr.startswith("error: ") and done.stderr.count("\n") == 1


def test_every_json_report_has_one_shape(runner: CliRunner, tmp_path: Path) -> None:
    runs = [
        ("glossary", "list", "--glossary", str(GLOSSARY)),
        ("glossary", "check", "--glossary", str(GLOSSARY)),
        ("models", "list"),
        ("doctor",),
        ("clean", str(SEED_FILES[0]), "-o", str(tmp_path / "c")),
        ("translate", str(SEED_FILES[0]), "-o", str(tmp_path / "t"), "--glossary", str(GLOSSARY)),
        ("status", str(SEED_FILES[0]), "--glossary", str(GLOSSARY)),
    ]
    for args in runs:
        _, out, _ = invoke(runner, *args, "--json")
        report = json.loads(out)
        assert list(report)[:3] == ["command", "outputs", "failed"], args
        assert report["command"] == " ".join(a for a in args[:2] if not a.startswith(("-", "/"))), args
        assert isinstance(report["outputs"], list) and isinstance(report["failed"], list)


def test_completion_is_available(runner: CliRunner) -> None:
    out = runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).stdout
    assert "--install-completion" in out and "--show-completion" in out


def test_progress_only_on_a_terminal() -> None:
    items = list(range(5))
    assert Reporter("x", False, False).progress(items, "reading") is items  # stderr is not a terminal here
    assert Reporter("x", True, False).progress(iter(items), "translating", 5, "segments") is not None
    assert list(Collected().progress(items, "reading")) == items
    assert SEEDS.is_dir()


def test_a_build_shows_progress_for_its_long_stages(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every long stage goes through the reporter's progress (a bar on a terminal): reading,
    translating, publishing, rendering, and the search index's shards."""
    from toolkit import searchindex

    labels: list[str] = []

    def progress(self: Reporter, items: Any, label: str, total: int | None = None, unit: str = "files") -> Any:
        labels.append(label)
        return items

    monkeypatch.setattr(Reporter, "progress", progress)
    monkeypatch.setattr(searchindex, "SHARD_BYTES", 60_000)  # the seeds' pages in several shards
    invoke(runner, "build", "--input", str(SEEDS), "--glossary", str(GLOSSARY), "--docs-dir", str(tmp_path / "d"),
           "--site-dir", str(tmp_path / "s"), "--tm", str(tmp_path / "tm.sqlite"), "--jobs", "1")  # fmt: skip
    assert {"reading", "publishing", "rendering", "indexing search"} <= set(labels), labels
