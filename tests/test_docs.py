"""Documentation stays in step with the code: every command is in the README."""

from __future__ import annotations

import typer.main

from toolkit.cli import app

from .conftest import ROOT


def _commands(group: typer.Typer, prefix: str = "toolkit") -> list[str]:
    click_group = typer.main.get_command(group)
    names = []
    for name, cmd in click_group.commands.items():  # type: ignore[attr-defined]
        if hasattr(cmd, "commands"):
            names += [f"{prefix} {name} {sub}" for sub in cmd.commands]
        else:
            names.append(f"{prefix} {name}")
    return names


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = _commands(app)
    assert len(commands) >= 10
    missing = [c for c in commands if f"`{c}" not in readme]
    assert missing == []


def test_every_command_has_help() -> None:
    click_group = typer.main.get_command(app)
    for cmd in click_group.commands.values():  # type: ignore[attr-defined]
        assert cmd.help, cmd.name
