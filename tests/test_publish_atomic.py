"""Publishing is atomic: ``toolkit build`` killed at any point, failing, or meeting a full disk
leaves the previous ``site/`` and ``docs/`` whole, and the next build leaves no temporary
folder behind.

Builds run as ``python -m toolkit build`` subprocesses (``kill -9`` must hit a real process);
they are compared through manifests of every file's path, mode and content.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from toolkit.cli import app

from .conftest import GLOSSARY, ROOT, SEED_FILES
from .test_outputs import error_lines, fill, tmpfs, tree

Manifest = dict[str, tuple[int, bytes | None]]


@pytest.fixture
def site_fs(tmp_path: Path) -> Iterator[Path]:
    """A 16 MiB tmpfs: room for a site and a docs tree, twice (see ``tests.test_outputs.tmpfs``)."""
    with tmpfs(tmp_path, "16m") as mnt:
        yield mnt


def build_args(inputs: Path, docs: Path, site: Path, *extra: str) -> list[str]:
    return [
        "build",
        "--input",
        str(inputs),
        "--glossary",
        str(GLOSSARY),
        "--docs-dir",
        str(docs),
        "--site-dir",
        str(site),
        "--backend",
        "gloss",
        "--no-tm",
        "-q",
        *extra,
    ]


def env(tmp: Path) -> dict[str, str]:
    """The subprocesses' environment: this checkout first, a temp folder of the test's own."""
    tmp.mkdir(exist_ok=True)
    return {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp)}


def run_build(args: list[str], tmp: Path, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *args],
        env=env(tmp),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        umask=-1 if umask is None else umask,
    )


def complete(site: Manifest) -> bool:
    return "index.html" in site and "pagefind/pagefind-entry.json" in site


def leftovers(work: Path, tmp: Path) -> list[str]:
    """Temporary folders a build may have left: beside docs/ and site/, and in the temp dir."""
    found = [p.name for p in work.iterdir() if p.name.startswith((".docs.", ".site."))]
    return found + [p.name for p in tmp.iterdir() if p.name.startswith("toolkit-mkdocs-")]


def inputs(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / f"seeds-{n}"
    folder.mkdir()
    for seed in SEED_FILES[:n]:
        shutil.copy(seed, folder)
    return folder


def test_a_build_killed_at_any_point_leaves_the_old_or_the_new_site(tmp_path: Path) -> None:
    work, tmp = tmp_path / "work", tmp_path / "tmp"
    work.mkdir()
    docs, site = work / "docs", work / "site"
    five, four = inputs(tmp_path, 5), inputs(tmp_path, 4)  # differ by one document
    docs.mkdir()
    (docs / ".gitignore").write_text("*.bak\n")  # the user's: kept by every build

    start = time.monotonic()
    done = run_build(build_args(five, docs, site), tmp)
    wall = time.monotonic() - start
    assert done.returncode == 0, done.stderr
    old_site, old_docs = tree(site), tree(docs)
    done = run_build(build_args(four, docs, site), tmp)
    assert done.returncode == 0, done.stderr
    new_site, new_docs = tree(site), tree(docs)
    assert complete(old_site) and complete(new_site) and old_site != new_site and old_docs != new_docs
    assert old_docs[".gitignore"] == new_docs[".gitignore"]
    sites = {"five": old_site, "four": new_site}
    docs_trees = {"five": old_docs, "four": new_docs}

    # kill -9 at 12 points spread over a build's duration (the last ones near its end, where
    # MkDocs writes the site and the folders are swapped). The swap itself lasts microseconds,
    # which no timer hits: tests/test_outputs.py kills a swap after each of its steps.
    for fraction in (0.15, 0.3, 0.45, 0.55, 0.63, 0.7, 0.77, 0.83, 0.88, 0.93, 0.97, 1.02):
        now = next(name for name, t in sites.items() if tree(site) == t)
        proc = subprocess.Popen(
            [sys.executable, "-m", "toolkit", *build_args(five if now == "four" else four, docs, site)],
            env=env(tmp),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            proc.wait(timeout=wall * fraction)
        except subprocess.TimeoutExpired:
            proc.kill()
        proc.wait(timeout=60)
        whole_site = tree(site) in sites.values()  # (a bare ``assert x in y`` would print both sites)
        whole_docs = tree(docs) in docs_trees.values()
        assert whole_site, f"killed after {fraction:.0%} of a build: site/ is neither the old nor the new one"
        assert whole_docs, f"killed after {fraction:.0%} of a build: docs/ is neither the old nor the new one"

    done = run_build(build_args(five, docs, site), tmp)
    assert done.returncode == 0, done.stderr
    assert tree(site) == old_site and tree(docs) == old_docs
    assert leftovers(work, tmp) == []


def test_a_failing_strict_build_changes_nothing(tmp_path: Path) -> None:
    """A base configuration whose hook warns after every page is written: the strict build
    fails at its very end, and site/ and docs/ stay byte for byte as they were."""
    work, tmp = tmp_path / "work", tmp_path / "tmp"
    work.mkdir()
    docs, site = work / "docs", work / "site"
    five = inputs(tmp_path, 5)
    done = run_build(build_args(five, docs, site), tmp)
    assert done.returncode == 0, done.stderr
    before = tree(site), tree(docs)
    hook = tmp_path / "warn_hook.py"
    hook.write_text(
        "import logging\n\n\ndef on_post_build(config, **kwargs):\n"
        "    logging.getLogger('mkdocs.plugins.warn_hook').warning('a warning fails a strict build')\n"
    )
    base = tmp_path / "mkdocs.yml"
    base.write_text(f"site_name: Failing\nhooks:\n  - {hook}\n")

    done = run_build(build_args(inputs(tmp_path, 4), docs, site, "--config", str(base)), tmp)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert error_lines(done.stderr) == [f"error: {docs}: MkDocs build failed: Aborted with 1 warnings in strict mode!"]
    assert (tree(site), tree(docs)) == before
    assert leftovers(work, tmp) == []


def test_a_full_disk_during_mkdocs_changes_nothing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An OSError in the middle of MkDocs' writing (injected): one line, exit 2, nothing changed."""
    import mkdocs.commands.build

    docs, site = tmp_path / "docs", tmp_path / "site"
    result = runner.invoke(app, build_args(inputs(tmp_path, 5), docs, site))
    assert result.exit_code == 0, result.output
    before = tree(site), tree(docs)
    real = mkdocs.commands.build.build

    def half_a_build(config: Any, **kwargs: Any) -> None:
        Path(config.site_dir, "index.html").write_text("<html>half", encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device", str(Path(config.site_dir, "zh", "index.html")))

    monkeypatch.setattr(mkdocs.commands.build, "build", half_a_build)
    result = runner.invoke(app, build_args(inputs(tmp_path, 4), docs, site))
    monkeypatch.setattr(mkdocs.commands.build, "build", real)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    [line] = error_lines(result.stderr)
    assert line == (
        f"error: {site}: cannot write: No space left on device "
        "(free some space, or choose other --docs-dir and --site-dir folders)"
    )
    assert (tree(site), tree(docs)) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_real_full_disk_during_a_build_changes_nothing(site_fs: Path, tmp_path: Path) -> None:
    docs, site = site_fs / "docs", site_fs / "site"
    done = run_build(build_args(inputs(tmp_path, 4), docs, site), tmp_path / "tmp")
    assert done.returncode == 0, done.stderr
    before = tree(site), tree(docs)
    fill(site_fs)
    done = run_build(build_args(inputs(tmp_path, 5), docs, site), tmp_path / "tmp")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    [line] = error_lines(done.stderr)
    assert line.endswith(
        ": cannot write: No space left on device (free some space, or choose other --docs-dir and --site-dir folders)"
    )
    assert (tree(site), tree(docs)) == before
    assert sorted(p.name for p in site_fs.iterdir()) == ["docs", "filler", "site"]


def test_a_read_only_output_folder_is_one_line(site_fs: Path, tmp_path: Path) -> None:
    docs, site = site_fs / "docs", site_fs / "site"
    done = run_build(build_args(inputs(tmp_path, 4), docs, site), tmp_path / "tmp")
    assert done.returncode == 0, done.stderr
    before = tree(site), tree(docs)
    assert subprocess.run(["mount", "-o", "remount,ro", str(site_fs)], check=False).returncode == 0
    done = run_build(build_args(inputs(tmp_path, 5), docs, site), tmp_path / "tmp")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert error_lines(done.stderr) == [
        f"error: {docs}: cannot write: Read-only file system (choose other --docs-dir and --site-dir folders)"
    ]
    assert (tree(site), tree(docs)) == before


def test_the_published_folders_get_the_umask_modes(tmp_path: Path) -> None:
    """Not the 0700 of the temporary folders they were built in."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    one = inputs(tmp_path, 1)
    for _ in ("a first build (a rename)", "a rebuild (a swap)"):
        done = run_build(build_args(one, docs, site), tmp_path / "tmp", umask=0o027)
        assert done.returncode == 0, done.stderr
        for root in (docs, site):
            assert stat.S_IMODE(root.stat().st_mode) == 0o750, root
            for rel, (mode, content) in tree(root).items():
                assert mode == (0o640 if content is not None else 0o750), f"{root}/{rel}: {oct(mode)}"


def test_a_mount_point_is_refused_before_anything_is_built(site_fs: Path, tmp_path: Path) -> None:
    """A mount point cannot be swapped for a new folder: said at once, docs/ untouched."""
    docs = tmp_path / "docs"
    done = run_build(build_args(inputs(tmp_path, 1), docs, site_fs), tmp_path / "tmp")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert error_lines(done.stderr) == [
        f"error: {site_fs}: is a mount point, which cannot be swapped for a new folder "
        f"(choose a folder inside it, e.g. {site_fs / 'html'}, or choose other --docs-dir and --site-dir folders)"
    ]
    assert not docs.exists() and list(site_fs.iterdir()) == []
