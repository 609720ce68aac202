"""The registries: input formats (toolkit.readers), backends (toolkit.backends), writers
(toolkit.writers), and everything that reads them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from toolkit import backends, readers, writers
from toolkit.backends import BackendSpec, Opened, Request, Unavailable
from toolkit.cli import app
from toolkit.config import load_config
from toolkit.errors import ConfigError, ModelError
from toolkit.files import input_format, slugify
from toolkit.glossary import Glossary
from toolkit.translate import choose_backend
from toolkit.translate.gloss import GlossBackend

from .conftest import SEED_FILES, invoke

# --- readers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", sorted(s for s in readers.SUFFIXES if s))
def test_slugify_strips_every_registered_suffix(suffix: str) -> None:
    assert slugify(f"Annual-Report{suffix}") == "annual-report"
    assert slugify(f"Annual-Report{suffix.upper()}") == "annual-report"


def test_slugify_keeps_other_suffixes() -> None:
    assert slugify("report.csv") == "report-csv"


def test_reader_names_and_suffixes_are_unique() -> None:
    names = [r.name for r in readers.READERS]
    suffixes = [s for r in readers.READERS for s in r.suffixes]
    assert len(names) == len(set(names)) and len(suffixes) == len(set(suffixes))
    assert all(s == s.lower() and (s == "" or s.startswith(".")) for s in suffixes)


def test_every_reader_target_can_be_imported() -> None:
    import importlib

    for r in readers.READERS:
        module, _, function = r.target.partition(":")
        assert callable(getattr(importlib.import_module(module), function)), r.name


def test_a_reader_is_chosen_by_suffix_or_format() -> None:
    assert readers.for_path(Path("a.HTM")).name == "html"
    assert readers.for_path(Path("a.md")).name == "markdown"
    assert readers.for_path(Path("a.pdf")) is readers.DEFAULT
    assert readers.for_path(Path("a.md"), "html").name == "html"
    assert input_format(Path("a.json")) == "text"  # an interchange file forced to be a raw page is a text dump
    with pytest.raises(ConfigError, match="unknown format 'markdown'"):
        readers.by_name("markdown")  # interchange formats go by suffix only


def test_an_unknown_format_is_refused_naming_the_formats(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "clean", str(SEED_FILES[0]), "-o", str(tmp_path / "o"), "--format", "pdf")
    assert code == 2
    assert (
        err.strip() == "error: unknown format 'pdf' (use " + " or ".join(f"--format {n}" for n in readers.FORMATS) + ")"
    )
    assert not (tmp_path / "o").exists()


# --- backends --------------------------------------------------------------------------------


def test_an_unknown_backend_is_refused_naming_the_backends(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "translate", str(SEED_FILES[0]), "-o", str(tmp_path / "o"), "--backend", "nonesuch")
    assert code == 2
    assert "unknown backend 'nonesuch'" in err
    assert all(f"--backend {name}" in err for name in backends.NAMES)
    with pytest.raises(ConfigError, match="unknown backend"):
        choose_backend("nonesuch", Glossary([]))


def test_configuration_accepts_the_registered_backends(tmp_path: Path) -> None:
    for name in backends.CHOICES:
        (tmp_path / "toolkit.toml").write_text(f'backend = "{name}"\n', encoding="utf-8")
        assert load_config(tmp_path).backend == name
    (tmp_path / "toolkit.toml").write_text('backend = "nonesuch"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert all(name in info.value.message for name in backends.CHOICES)


def _options(command: str) -> dict[str, str]:
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    return {p.opts[0]: _plain(p.help) for p in click_command.params if p.opts[0].startswith("--")}


def _plain(text: str) -> str:
    """A help text without its rich markup and full stops."""
    return re.sub(r"\[/?dim\]|\\|\.", "", text)


def test_help_texts_come_from_the_registries() -> None:
    for command in ("translate", "build", "serve"):
        assert _options(command)["--backend"] == _plain(backends.backend_help())
    for command in ("clean", "normalize", "translate"):
        assert _options(command)["--format"] == _plain(readers.format_help())
    assert all(name in backends.backend_help() for name in backends.NAMES)
    assert all(name in readers.format_help() for name in readers.FORMATS)


def test_shared_options_read_the_same_everywhere() -> None:
    seen: dict[str, set[str]] = {}
    for command in ("clean", "normalize", "translate", "build", "serve", "doctor"):
        for opt, help_text in _options(command).items():
            seen.setdefault(opt, set()).add(help_text)
    for opt in ("--quiet", "--json", "--jobs", "--glossary", "--backend", "--tm", "--no-tm"):
        assert len(seen[opt]) == 1, opt


def open_first(request: Request) -> Opened:
    raise Unavailable("nothing here", why="the first backend is not installed", hint="install it")


def open_second(request: Request) -> Opened:
    return Opened(GlossBackend([]), "the English is a stand-in")


def test_auto_takes_the_first_row_that_opens(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = (
        BackendSpec("first", f"{__name__}:open_first", "never installed"),
        BackendSpec("second", f"{__name__}:open_second", "always there", translation=False),
    )
    monkeypatch.setattr(backends, "BACKENDS", rows)
    choice = choose_backend("auto", Glossary([]))
    assert choice.reason == "the first backend is not installed, so the English is a stand-in; install it"
    assert choice.warning
    with pytest.raises(ModelError, match="--backend first: nothing here"):
        choose_backend("first", Glossary([]))
    assert choose_backend("second", Glossary([])).reason == "--backend second was given: the English is a stand-in"


# --- writers ---------------------------------------------------------------------------------


def test_every_command_writes_through_registered_writers() -> None:
    assert all(name in writers.WRITERS for names in writers.COMMANDS.values() for name in names)


def test_the_translate_json_contract(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "translate", str(SEED_FILES[0]), "-o", str(tmp_path), "--backend", "gloss", "-q")
    assert code == 0, err
    [path] = tmp_path.glob("*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"meta", "segments", "blocks"}
    seg = data["segments"][0]
    assert set(seg) == {"id", "zh", "en", "terms", "provenance"}
    assert set(seg["provenance"]) == {
        "engine", "model", "glossary", "reviewed", "state", "reviewer", "reviewed_at", "score", "match"
    }  # fmt: skip
    assert seg["provenance"]["state"] == "gloss"
    assert all(set(t) == {"zh", "en"} for s in data["segments"] for t in s["terms"])
    assert [i for b in data["blocks"] for i in b["segments"]] == [s["id"] for s in data["segments"]]
    bilingual = (tmp_path / f"{path.stem}.md").read_text(encoding="utf-8")
    assert bilingual.startswith("---\ntoolkit: bilingual\n") and "\n# " in bilingual
