"""Configuration: one typed place, validated at load time.

The project root is found as git finds its repository: the current directory or the
nearest folder above it that holds ``toolkit.toml``, ``pyproject.toml``, a ``glossary/`` or a
``.toolkit/`` folder (:func:`find_root`). Settings are read from ``toolkit.toml`` there, else
from the ``[tool.toolkit]`` table of its ``pyproject.toml``; command-line options override
both. Relative paths in a file are taken relative to it; the defaults (``seeds/``,
``glossary/``, ``docs/``, ``site/``, the memory in ``.toolkit/``) relative to the root, so
``toolkit build`` run in ``docs/`` or any subfolder uses the project's glossary and memory.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from . import backends, executors
from .errors import ConfigError, one_of


@dataclass(frozen=True, slots=True)
class Config:
    input: Path = Path("seeds")
    """Folder (or file) of raw pages that ``toolkit build`` reads."""
    glossary: Path = Path("glossary")
    """Glossary folder of ``*.tsv`` files, or one ``.tsv`` file."""
    docs_dir: Path = Path("docs")
    """Where ``build`` writes the site's Markdown (replaced on each build)."""
    site_dir: Path = Path("site")
    """Where MkDocs writes the HTML site."""
    backend: str = "auto"
    """``auto`` (Argos when a zh→en model is installed, else gloss), or a name in
    :data:`toolkit.backends.BACKENDS` (``argos``, ``gloss``)."""
    beam_size: int = 2
    """Beam width for Argos translation (2: near beam-4 quality at about half the cost)."""
    device: str = "auto"
    """Where Argos runs: ``cpu`` (int8), ``cuda`` (int8_float16; an error without a GPU) or
    ``auto`` (a GPU when CTranslate2 sees one, else the CPU, said so)."""
    executor: str = "local"
    """Where translation runs: ``local`` (this process) or ``ray`` (Ray workers, one model
    each; ``pip install 'zh-en-toolkit[ray]'``). See :data:`toolkit.executors.EXECUTORS`."""
    workers: int | None = None
    """Ray workers (each holds its own model); none: one per CPU of the cluster (per GPU with
    ``device = "cuda"``)."""
    address: str | None = None
    """The Ray cluster for ``executor = "ray"``: ``auto``, ``ray://host:10001``; none: a
    local one started for the run."""
    site_name: str = "Science-policy reports · 科技政策报告"
    """Site title, unless the base ``mkdocs.yml`` sets ``site_name``."""
    site_url: str = ""
    """The site's public address (``https://example.org/reports/``), unless the base
    ``mkdocs.yml`` sets ``site_url``: it fills ``sitemap.xml`` and each page's canonical link.
    Empty: an empty sitemap, and a site that works wherever it is put (links are relative)."""
    tm: Path | None = Path(".toolkit/translation-memory.sqlite")
    """Translation memory (SQLite): reruns translate only what changed; None: no memory."""
    cache: Path | None = None
    """The stage cache's folder (:mod:`toolkit.cache`): documents read before are not read
    again. None: ``cache/`` beside the translation memory (``.toolkit/cache``), and no cache
    without a memory (``--no-tm``)."""
    use_cache: bool = True
    """False (``--no-cache``): read everything; the cache is neither read nor written."""
    mkdocs_config: Path = Path("mkdocs.yml")
    """Base MkDocs configuration, used when it exists (theme palette, copyright, extras)."""
    max_input_mb: float = 50
    """Largest input file read, in MB (pages, cleaned documents, glossary files); a larger
    one is refused with an error naming it, as is anything that is not a regular file."""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def cache_dir(self) -> Path | None:
        """The stage cache's folder, or None when there is none (:attr:`cache`, :attr:`use_cache`;
        none without a translation memory: a cached translation stands for rows of the memory)."""
        if not self.use_cache or self.tm is None:
            return None
        if self.cache is not None:
            return self.cache
        return self.tm.parent / "cache" if self.tm is not None else None

    @property
    def max_input_bytes(self) -> int:
        """``max_input_mb`` in bytes."""
        return int(self.max_input_mb * 1024 * 1024)

    def with_overrides(self, **values: Any) -> Config:
        return replace(self, **{k: v for k, v in values.items() if v is not None})


_PATHS = {"input", "glossary", "docs_dir", "site_dir", "mkdocs_config", "tm", "cache"}


ROOT_MARKERS = ("toolkit.toml", "pyproject.toml", "glossary", ".toolkit")
"""What makes a folder a project root (the first found walking up from the current one)."""


def find_root(cwd: Path) -> Path:
    """The nearest folder, ``cwd`` or above, holding one of :data:`ROOT_MARKERS`; else ``cwd``."""
    for folder in (cwd, *cwd.parents):
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return folder
    return cwd


def _from_root(cfg: Config, root: Path, cwd: Path, chosen: set[str]) -> Config:
    """``cfg`` with the default paths (those not in ``chosen``) taken from ``root``, written
    relative to ``cwd`` (``../glossary``)."""
    if root == cwd:
        return cfg
    moved: dict[str, Any] = {}
    for name in _PATHS - chosen:
        value = getattr(cfg, name)
        if value is not None and not value.is_absolute():
            moved[name] = Path(os.path.relpath(root / value, cwd))
    return replace(cfg, **moved)


def load_config(cwd: Path | None = None) -> Config:
    cwd = cwd or Path.cwd()
    root = find_root(cwd)
    table: dict[str, Any] = {}
    origin: Path | None = None
    toml_path, pyproject = root / "toolkit.toml", root / "pyproject.toml"
    try:
        if toml_path.is_file():
            table, origin = tomllib.loads(toml_path.read_text(encoding="utf-8")), toml_path
        elif pyproject.is_file():
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            table, origin = data.get("tool", {}).get("toolkit", {}), pyproject
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot parse configuration: {exc}", path=origin or toml_path) from None
    if origin is None:
        return _from_root(Config(), root, cwd, set())
    known = {f.name for f in fields(Config)} - {"extra"}
    values: dict[str, Any] = {}
    for k, v in table.items():
        name = k.replace("-", "_")
        if name not in known:
            raise ConfigError(f"unknown setting {k!r}", path=origin, hint=f"known settings: {', '.join(sorted(known))}")
        if name in _PATHS:
            if not isinstance(v, str):
                raise ConfigError(f"{k} must be a path string", path=origin)
            v = origin.parent / v
        elif name == "use_cache" and not isinstance(v, bool):
            raise ConfigError("use-cache must be true or false", path=origin)
        elif name == "beam_size" and (not isinstance(v, int) or v < 1):
            raise ConfigError("beam-size must be a positive integer", path=origin)
        elif name == "max_input_mb" and (isinstance(v, bool) or not isinstance(v, int | float) or not 0 < v <= 1e6):
            raise ConfigError("max-input-mb must be a number of MB, over 0 and at most 1000000", path=origin)
        elif name == "device" and v not in ("cpu", "cuda", "auto"):
            raise ConfigError("device must be cpu, cuda or auto", path=origin)
        elif name == "executor" and v not in executors.NAMES:
            raise ConfigError(f"executor must be {one_of(executors.NAMES)}", path=origin)
        elif name == "workers" and (isinstance(v, bool) or not isinstance(v, int) or v < 1):
            raise ConfigError("workers must be a positive integer", path=origin)
        elif name == "address" and not isinstance(v, str):
            raise ConfigError("address must be a string (auto, ray://host:10001)", path=origin)
        elif name == "backend" and v not in backends.CHOICES:
            raise ConfigError(f"backend must be {one_of(backends.CHOICES)}", path=origin)
        values[name] = v
    return _from_root(replace(Config(), **values), root, cwd, set(values))
