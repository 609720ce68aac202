"""Writing outputs: permissions, atomic folder swaps and their recovery, and one-line errors
(never a traceback, never a half-written file) for a full disk or a read-only folder.

A full disk and a read-only folder are made for real with a small tmpfs where this machine
lets us mount one (root); everywhere, the same failures are also injected as OSErrors. A
``chmod 0555`` folder is never used: root ignores it, so such a test would pass without
testing anything.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from toolkit import outputs
from toolkit.cli import app
from toolkit.errors import MemoryFileError, OutputError
from toolkit.files import write_atomic
from toolkit.tm import TranslationMemory

from .conftest import GLOSSARY, ROOT, SEED_FILES

ENOSPC = "No space left on device"


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error:")]


def tree(root: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every entry under ``root`` (hidden ones too): relative path → (mode, content of a file)."""
    out: dict[str, tuple[int, bytes | None]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            mode = stat.S_IMODE(p.lstat().st_mode)
            out[str(p.relative_to(root))] = (mode, p.read_bytes() if p.is_file() else None)
    return out


@pytest.fixture
def umask_027() -> Iterator[int]:
    old = os.umask(0o027)
    try:
        yield 0o027
    finally:
        os.umask(old)


def _mount(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@contextlib.contextmanager
def tmpfs(tmp_path: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` of this test's own (root only; skipped with a message elsewhere)."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command: the full-disk and read-only cases are covered by the injected-OSError tests")
    done = _mount(["-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(mnt)])
    if done.returncode != 0:
        pytest.skip(
            f"cannot mount a tmpfs here ({done.stderr.strip()}): the full-disk and read-only cases "
            "are covered by the injected-OSError tests"
        )
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs (see :func:`tmpfs`)."""
    with tmpfs(tmp_path, "2m") as mnt:
        yield mnt


def fill(fs: Path) -> None:
    """Fill the file system ``fs`` up to the last byte."""
    with open(fs / "filler", "wb", buffering=0) as fh:
        for size in (65536, 4096, 1):
            try:
                while True:
                    fh.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC


def read_only(fs: Path) -> None:
    done = _mount(["-o", "remount,ro", str(fs)])
    assert done.returncode == 0, done.stderr


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp") or ".new-" in p.name or ".old-" in p.name]


# --- permissions ------------------------------------------------------------------------------


def test_write_atomic_gives_new_files_the_umask_mode(tmp_path: Path, umask_027: int) -> None:
    target = tmp_path / "new" / "sub" / "out.md"
    write_atomic(target, "text")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # not mkstemp's 0600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o750
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o750


def test_write_atomic_keeps_the_bits_of_the_file_it_replaces(tmp_path: Path, umask_027: int) -> None:
    shared, private = tmp_path / "shared.tsv", tmp_path / "private.md"
    shared.write_text("old")
    shared.chmod(0o664)
    private.write_text("old")
    private.chmod(0o600)  # as the toolkit's earlier versions left it
    write_atomic(shared, "new")
    write_atomic(private, "new")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    assert stat.S_IMODE(private.stat().st_mode) == 0o640
    assert shared.read_text() == private.read_text() == "new"


def test_clean_outputs_get_the_umask_mode(runner: CliRunner, tmp_path: Path, umask_027: int) -> None:
    out = tmp_path / "out" / "clean"
    code, _, err = invoke(runner, "clean", str(SEED_FILES[1]), "-o", str(out), "-q")
    assert code == 0, err
    [md] = out.iterdir()
    assert stat.S_IMODE(md.stat().st_mode) == 0o640
    assert stat.S_IMODE(out.stat().st_mode) == 0o750


def test_fresh_dir_is_not_private(tmp_path: Path, umask_027: int) -> None:
    made = outputs.fresh_dir(tmp_path / "site")
    assert made.parent == tmp_path and made.name.startswith(".site.new-")
    assert stat.S_IMODE(made.stat().st_mode) == 0o750  # not mkdtemp's 0700


# --- folder swaps and recovery ------------------------------------------------------------------


def make_tree(root: Path, label: str) -> dict[str, tuple[int, bytes | None]]:
    (root / "sub").mkdir(parents=True)
    for i in range(5):
        (root / f"page{i}.html").write_text(f"{label} {i}")
    (root / "sub" / label).write_text(label)
    return tree(root)


@pytest.mark.parametrize("can_exchange", [True, False])
def test_swap_in_replaces_the_folder_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, can_exchange: bool) -> None:
    if not can_exchange:
        monkeypatch.setattr(outputs, "exchange", lambda a, b: False)
    site = tmp_path / "site"
    make_tree(site, "old")
    new = outputs.fresh_dir(site)
    want = make_tree(new, "new")
    outputs.swap_in(new, site)
    assert tree(site) == want
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_exchange_swaps_two_folders_where_the_system_can(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    want_a, want_b = make_tree(a, "A"), make_tree(b, "B")
    if not outputs.exchange(a, b):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here: the two-rename fallback is tested instead")
    assert tree(a) == want_b and tree(b) == want_a


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from toolkit import outputs

    name, nth, exchange = sys.argv[3], int(sys.argv[4]), sys.argv[5] == "1"
    if not exchange:
        outputs.exchange = lambda a, b: False
    owner = os if name == "replace" else outputs
    real = getattr(owner, name)
    calls = []

    def killed_after(*args):
        result = real(*args)
        calls.append(1)
        if len(calls) == nth:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    setattr(owner, name, killed_after)
    outputs.swap_in(Path(sys.argv[1]), Path(sys.argv[2]))
    """
)


def _exchange_works(probe: Path) -> bool:
    a, b = probe / "a", probe / "b"
    a.mkdir(parents=True)
    b.mkdir()
    try:
        return outputs.exchange(a, b)
    finally:
        shutil.rmtree(probe)


@pytest.mark.parametrize(
    ("step", "nth", "can_exchange"),
    [
        ("exchange", 1, True),  # swapped: the old tree waits in .site.new-* to be deleted
        ("fresh_dir", 1, False),  # an empty .site.old-* made, nothing moved yet
        ("replace", 1, False),  # site/ moved to .site.old-*, the new one not yet in place
        ("replace", 2, False),  # new in place, the old one not yet deleted
    ],
)
def test_a_kill_at_any_step_of_a_swap_is_recovered(tmp_path: Path, step: str, nth: int, can_exchange: bool) -> None:
    """``kill -9`` right after each step of a swap; the next start's ``recover`` leaves the
    old or the new folder whole, and nothing else."""
    if can_exchange and not _exchange_works(tmp_path / "probe"):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here")
    site = tmp_path / "site"
    old = make_tree(site, "old")
    new_dir = outputs.fresh_dir(site)
    new = make_tree(new_dir, "new")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-c", KILLER, str(new_dir), str(site), step, str(nth), "1" if can_exchange else "0"]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == -9, done.stderr
    if site.exists():
        assert tree(site) in (old, new)
    else:  # only between the fallback's two renames
        assert not can_exchange
        [kept] = [p for p in tmp_path.iterdir() if p.name.startswith(".site.old-")]
        assert tree(kept) == old
    outputs.recover(site)
    assert tree(site) == (old if (step, nth) in (("fresh_dir", 1), ("replace", 1)) else new)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_recover_puts_back_the_docs_an_earlier_version_left_one_level_down(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    old = make_tree(tmp_path / ".docs.old-abc" / "docs", "old")
    outputs.recover(docs)
    assert tree(docs) == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


def test_recover_leaves_other_folders_alone(tmp_path: Path) -> None:
    site = tmp_path / "site"
    make_tree(site, "s")
    for name in (".git", ".site", ".site.new", ".site-new-x", ".sites.new-x", "site.new-x"):
        (tmp_path / name).mkdir()
    (tmp_path / ".site.new-abc").mkdir()
    (tmp_path / ".site.old-def").mkdir()
    outputs.recover(site)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == [".git", ".site", ".site-new-x", ".site.new", ".sites.new-x", "site", "site.new-x"]


def test_a_site_s_hidden_entries_are_kept(tmp_path: Path) -> None:
    """MkDocs never deletes hidden entries of a site folder; a site built afresh keeps them."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    make_tree(site, "old")
    (site / ".nojekyll").write_text("")
    (site / ".git" / "refs").mkdir(parents=True)
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    with outputs.staged(docs, site) as stage:
        new = make_tree(stage.new_site, "new")
        make_tree(stage.new_docs, "docs")
        stage.commit()
    got = tree(site)
    assert {k: v for k, v in got.items() if not k.startswith(".")} == new
    assert got[".git/HEAD"][1] == b"ref: refs/heads/gh-pages\n" and ".nojekyll" in got
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "site"]


def test_a_failure_inside_staged_changes_nothing(tmp_path: Path) -> None:
    docs, site = tmp_path / "docs", tmp_path / "site"
    before = make_tree(site, "old"), make_tree(docs, "docs")
    with pytest.raises(RuntimeError), outputs.staged(docs, site) as stage:
        make_tree(stage.new_site, "new")
        raise RuntimeError("MkDocs failed")
    assert (tree(site), tree(docs)) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "site"]


# --- errors: injected -----------------------------------------------------------------------------


class _FullDisk:
    """A file object that takes half of what it is given, then fails as a full disk does."""

    def __init__(self, fh: Any) -> None:
        self.fh = fh

    def write(self, data: bytes) -> int:
        self.fh.write(data[: len(data) // 2])
        self.fh.flush()
        raise OSError(errno.ENOSPC, ENOSPC)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.fh.close()


class _Os:
    """``os`` as ``toolkit.files`` sees it, with ``fdopen`` replaced."""

    def __init__(self, fdopen: Any) -> None:
        self.fdopen = fdopen

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file ``write_atomic`` writes fails half-way with ENOSPC (other code is untouched)."""

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = os.fdopen(fd, mode, *args, **kwargs)
        return _FullDisk(fh) if "w" in mode else fh  # reading the inputs still works

    monkeypatch.setattr("toolkit.files.os", _Os(fdopen))


def no_write_access(monkeypatch: pytest.MonkeyPatch, code: int = errno.EROFS) -> None:
    """``write_atomic`` cannot create a file in the output folder (read-only, or no permission)."""

    def refuse(*args: Any, dir: str | None = None, **kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code), dir)

    monkeypatch.setattr("toolkit.files.tempfile", type("T", (), {"mkstemp": staticmethod(refuse)}))


def test_write_atomic_on_a_full_disk_keeps_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.md"
    target.write_text("the old, whole content")
    full_disk(monkeypatch)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, "new content " * 1000)
    assert caught.value.render() == f"{target}: cannot write: {ENOSPC} (free some space)"
    assert caught.value.exit_code == 2
    assert target.read_text() == "the old, whole content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def _commands(tmp_path: Path) -> dict[str, tuple[list[str], Path, str]]:
    """Per command: its arguments, the output it writes, the hint's way out."""
    cleaned, norm, trans = tmp_path / "cleaned", tmp_path / "norm", tmp_path / "trans"
    gl = tmp_path / "gl.tsv"
    shutil.copy(GLOSSARY / "terms.tsv", gl)
    seed = str(SEED_FILES[1])
    return {
        "clean": (["clean", seed, "-o", str(cleaned)], cleaned, "choose another -o folder"),
        "normalize": (["normalize", seed, "-o", str(norm)], norm, "choose another -o folder"),
        "translate": (
            ["translate", seed, "-o", str(trans), "--backend", "gloss", "--no-tm", "--glossary", str(gl)],
            trans,
            "choose another -o folder",
        ),
        "glossary export": (
            ["glossary", "export", str(tmp_path / "export" / "g.tbx"), "--glossary", str(gl)],
            tmp_path / "export",
            "export to another file",
        ),
        "glossary add": (
            ["glossary", "add", "测试术语", "test term", "--glossary", str(gl)],
            gl,
            "pass --glossary with a file you can write",
        ),
    }


COMMANDS = ["clean", "normalize", "translate", "glossary export", "glossary add"]


def snapshot(path: Path) -> Any:
    return tree(path) if path.is_dir() else path.read_bytes()


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("inject", "reason", "fix"),
    [
        ("full", ENOSPC, "free some space, or "),
        ("read-only", "Read-only file system", ""),
        ("no access", "Permission denied", "check the folder's permissions, or "),
    ],
)
def test_a_write_failure_is_one_line_and_leaves_outputs_whole(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    inject: str,
    reason: str,
    fix: str,
) -> None:
    args, out, elsewhere = _commands(tmp_path)[command]
    if command != "glossary add":
        code, _, err = invoke(runner, *args)  # a first, good run
        assert code == 0, err
    before = snapshot(out)
    if inject == "full":
        full_disk(monkeypatch)
    else:
        no_write_access(monkeypatch, errno.EROFS if inject == "read-only" else errno.EACCES)
    code, _, err = invoke(runner, *args)
    assert code == 2
    [line] = error_lines(err)
    assert line.endswith(f": cannot write: {reason} ({fix}{elsewhere})"), line
    assert line.startswith(f"error: {out}"), line
    assert snapshot(out) == before
    assert temp_files(tmp_path) == []


def test_a_stray_os_error_is_one_line(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The last resort: an OSError no code turned into a ToolkitError is still one line, exit 2."""
    from toolkit import cli

    def broken(*args: Any) -> Any:
        raise OSError(errno.EIO, "Input/output error", str(tmp_path / "x"))

    monkeypatch.setattr(cli, "read_documents", broken)
    code, _, err = invoke(runner, "clean", str(SEED_FILES[1]), "-o", str(tmp_path / "o"))
    assert code == 2
    assert error_lines(err) == [f"error: {tmp_path / 'x'}: Input/output error (choose another -o folder)"]


class _Connection:
    """A sqlite3 connection whose writes fail with ``message``."""

    def __init__(self, db: sqlite3.Connection, message: str) -> None:
        self.db, self.message = db, message

    def executemany(self, *args: Any) -> Any:
        raise sqlite3.OperationalError(self.message)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.db, name)

    def __enter__(self) -> _Connection:
        self.db.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self.db.__exit__(*exc)


@pytest.mark.parametrize(
    ("message", "hint"),
    [
        ("database or disk is full", "free some space, or pass --tm PATH on another disk, or --no-tm"),
        (
            "attempt to write a readonly database",
            "make the file and its folder writable, or pass --tm PATH, or --no-tm",
        ),
    ],
)
def test_memory_write_failures_are_memory_file_errors(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message: str, hint: str
) -> None:
    from toolkit import tm

    real = sqlite3.connect
    monkeypatch.setattr(tm.sqlite3, "connect", lambda *a, **k: _Connection(real(*a, **k), message))
    memory = tmp_path / "tm.sqlite"
    code, _, err = invoke(
        runner, "translate", str(SEED_FILES[1]), "-o", str(tmp_path / "o"), "--backend", "gloss", "--tm", str(memory)
    )
    assert code == MemoryFileError.exit_code == 2
    [line] = error_lines(err)
    assert line == f"error: {memory}: cannot write the translation memory: {message} ({hint})"
    assert not (tmp_path / "o").exists()


def test_a_memory_in_an_unwritable_place_is_a_memory_file_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(MemoryFileError) as caught:
        TranslationMemory(blocker / "tm.sqlite")
    assert caught.value.path == blocker / "tm.sqlite"
    assert "--no-tm" in (caught.value.hint or "")


# --- errors: a real full disk and a real read-only file system (tmpfs; root) ---------------------


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("trouble", ["full", "read-only"])
def test_real_full_disk_and_read_only_file_system(
    runner: CliRunner, small_fs: Path, command: str, trouble: str
) -> None:
    args, out, elsewhere = _commands(small_fs)[command]
    if command != "glossary add":
        code, _, err = invoke(runner, *args)
        assert code == 0, err
    before = snapshot(out)
    if trouble == "full":
        fill(small_fs)
        reason, fix = ENOSPC, "free some space, or "
    else:
        read_only(small_fs)
        reason, fix = "Read-only file system", ""
    code, _, err = invoke(runner, *args)
    assert code == 2
    [line] = error_lines(err)
    assert line.endswith(f": cannot write: {reason} ({fix}{elsewhere})"), line
    assert snapshot(out) == before
    assert temp_files(small_fs) == []


@pytest.mark.parametrize("trouble", ["full", "read-only"])
def test_real_memory_on_a_full_or_read_only_file_system(runner: CliRunner, small_fs: Path, trouble: str) -> None:
    memory = small_fs / "tm.sqlite"
    out = small_fs / "o"
    args = ["translate", str(SEED_FILES[1]), "-o", str(out), "--backend", "gloss", "--tm", str(memory)]
    code, _, err = invoke(runner, *args)
    assert code == 0, err
    with TranslationMemory(memory) as tm:
        rows = tm.count()
    before = snapshot(out)
    if trouble == "full":
        fill(small_fs)
    else:
        read_only(small_fs)
    # New segments to store: another seed.
    code, _, err = invoke(runner, *args[:1], str(SEED_FILES[0]), *args[2:])
    assert code == 2
    [line] = error_lines(err)
    assert line.startswith(f"error: {memory}: ") and "translation memory" in line and "--no-tm" in line, line
    assert snapshot(out) == before
    if trouble == "full":
        for filler in small_fs.glob("filler*"):
            filler.unlink()
    else:
        assert _mount(["-o", "remount,rw", str(small_fs)]).returncode == 0
    with TranslationMemory(memory) as tm:
        assert tm.count() == rows
