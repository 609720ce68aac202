"""The shape issue 16 asked for, kept: small modules, a typed CLI."""

from __future__ import annotations

import ast

from .conftest import ROOT

TOOLKIT = ROOT / "toolkit"


def test_no_module_is_over_600_lines() -> None:
    sizes = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines()) for p in TOOLKIT.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 600} == {}


def test_the_cli_and_batch_use_real_types_not_any() -> None:
    for path in [*sorted((TOOLKIT / "cli").glob("*.py")), TOOLKIT / "batch.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
        assert "Any" not in names, path.name


def test_the_cli_does_no_batch_work_and_batch_knows_no_terminal() -> None:
    batch = (TOOLKIT / "batch.py").read_text(encoding="utf-8")
    assert "import typer" not in batch and "from typer" not in batch and "rich" not in batch
    for path in (TOOLKIT / "cli").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "ProcessPoolExecutor" not in text and "write_atomic" not in text, path.name
