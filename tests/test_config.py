from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.config import Config, load_config
from toolkit.errors import ConfigError


def test_defaults_without_a_file(tmp_path: Path) -> None:
    assert load_config(tmp_path) == Config()


def test_toolkit_toml_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "toolkit.toml").write_text('input = "pages"\nbackend = "gloss"\nbeam-size = 4\n', encoding="utf-8")
    cfg = load_config(tmp_path)
    assert cfg.input == tmp_path / "pages" and cfg.backend == "gloss" and cfg.beam_size == 4


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.toolkit]\ndocs-dir = "out/docs"\n', encoding="utf-8")
    assert load_config(tmp_path).docs_dir == tmp_path / "out" / "docs"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('colour = "blue"\n', "unknown setting 'colour'"),
        ('backend = "google"\n', "backend must be"),
        ("beam-size = 0\n", "beam-size must be"),
        ("max-input-mb = 0\n", "max-input-mb must be"),
        ('max-input-mb = "50"\n', "max-input-mb must be"),
        ("max-input-mb = inf\n", "max-input-mb must be"),
        ("input = [\n", "cannot parse"),
    ],
)
def test_invalid_settings(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "toolkit.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path)


def test_max_input_mb(tmp_path: Path) -> None:
    assert Config().max_input_bytes == 50 * 1024 * 1024
    (tmp_path / "toolkit.toml").write_text("max-input-mb = 0.5\n", encoding="utf-8")
    assert load_config(tmp_path).max_input_bytes == 512 * 1024
