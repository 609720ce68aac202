"""Writing outputs so that nothing published is lost.

- :func:`output_error`: an ``OSError`` met while writing (a full disk, a read-only or
  unwritable folder) as an :class:`~toolkit.errors.OutputError` naming the path and the fix.
- :func:`file_mode`, :func:`dir_mode`: what the umask gives a new file or folder (0644 and
  0755 under the usual 022). Temporary files and folders are created private (0600, 0700)
  and are given these modes before they are renamed into place.
- Folder swaps: a new docs tree and a new site are built in fresh hidden folders beside their
  targets (``.site.new-XXXX``, same file system) and swapped in whole only when the build
  succeeded. On Linux ``renameat2(RENAME_EXCHANGE)`` swaps two folders in one step, so
  ``site/`` always exists and is whole; elsewhere two renames do it, and :func:`recover`, at
  the next build's start, puts the old folder back if a kill came between them. It also
  deletes every staging folder a killed build left behind.

No two builds may write the same docs and site folders at the same time: each one's start
deletes the other's staging folders.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError, OutputError

MARKER = ".toolkit-generated"
"""File that marks a docs or site folder as the toolkit's, to replace on the next build."""

STAGES = ("new", "old")
"""Staging folder kinds: ``.NAME.new-XXXX`` holds a tree being built, ``.NAME.old-XXXX`` the
previous one between the two renames of the fallback swap."""

_FIXES = {
    errno.ENOSPC: "free some space",
    errno.EDQUOT: "free some space (disk quota exceeded)",
    errno.EACCES: "check the folder's permissions",
    errno.EPERM: "check the folder's permissions",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EEXIST: "a part of the path is a file, not a folder",
    errno.EISDIR: "the path is a folder, not a file",
    errno.EBUSY: "a mount point cannot be replaced: choose a folder inside it",
    errno.EXDEV: "a mount point cannot be replaced: choose a folder inside it",
}


# --- errors and permissions -------------------------------------------------------------------


def output_error(exc: OSError, path: Path | str | None = None, verb: str = "cannot write") -> OutputError:
    """``exc`` as a one-line OutputError: ``PATH: cannot write: REASON (FIX)``.

    ``path`` is the output the user asked for (not a temporary file's name); by default the
    file named in ``exc``. ``verb`` empty: an error whose cause is not known to be a write.
    """
    where = path if path is not None else exc.filename
    reason = exc.strerror or str(exc) or type(exc).__name__
    return OutputError(f"{verb}: {reason}" if verb else reason, path=where, hint=_FIXES.get(exc.errno or 0))


def umask() -> int:
    """The process's umask (read by setting it and setting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a new file gets from ``open()``: ``0o666 & ~umask``."""
    return 0o666 & ~umask()


def dir_mode() -> int:
    """The mode a new folder gets from ``mkdir()``: ``0o777 & ~umask``."""
    return 0o777 & ~umask()


def replacement_mode(path: Path) -> int:
    """The mode for a file written over ``path``: the umask's, plus any bit the file it
    replaces had (a group-writable glossary stays group-writable)."""
    try:
        info = path.lstat()  # a link is replaced, not its target: its target's bits do not count
    except OSError:
        return file_mode()
    if not stat.S_ISREG(info.st_mode):
        return file_mode()
    return file_mode() | (stat.S_IMODE(info.st_mode) & 0o777)  # never setuid/setgid/sticky


# --- atomic folder swaps ---------------------------------------------------------------------

_AT_FDCWD = -100
_RENAME_EXCHANGE = 1 << 1


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """glibc's ``renameat2`` (2.28 and later), or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one atomic step (``renameat2(RENAME_EXCHANGE)``).

    Returns False where the C library, the kernel or the file system cannot (then nothing
    was changed); raises OSError for any other failure.
    """
    fn = _renameat2()
    if fn is None:
        return False
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def fresh_dir(target: Path, stage: str = "new") -> Path:
    """A new empty folder beside ``target`` named ``.NAME.STAGE-XXXX``, with the umask's mode
    (``mkdtemp`` makes it 0700). Errors name ``target``, the folder the user chose."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        path = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.{stage}-"))
    except OSError as exc:
        raise output_error(exc, target) from None
    try:
        os.chmod(path, dir_mode())
    except OSError as exc:
        remove_tree(path)
        raise output_error(exc, target) from None
    return path


def remove_tree(path: Path) -> None:
    """Delete a folder and everything in it, as far as possible (never raises)."""
    shutil.rmtree(path, ignore_errors=True)


def swap_in(new: Path, target: Path) -> None:
    """Put the folder ``new`` in ``target``'s place; the old folder is deleted.

    With ``renameat2(RENAME_EXCHANGE)`` ``target`` is whole at every instant. Without it,
    ``target`` is renamed to ``.NAME.old-XXXX`` and ``new`` to ``target``: a kill between the
    two leaves no ``target``, which :func:`recover` puts back at the next start.
    """
    if not os.path.lexists(target):
        os.replace(new, target)
    elif exchange(new, target):
        remove_tree(new)  # now the previous folder
    else:
        old = fresh_dir(target, "old")
        os.replace(target, old)
        os.replace(new, target)
        remove_tree(old)


def _leftover(name: str, target: str) -> str | None:
    """The stage (``new``/``old``) of a staging folder name of ``target``, else None."""
    for stage in STAGES:
        if name.startswith(f".{target}.{stage}-"):
            return stage
    return None


def recover(target: Path) -> None:
    """Undo what a killed build left beside ``target`` (called at every build's start).

    If ``target`` is missing and a non-empty ``.NAME.old-*`` folder holds the previous tree
    (a kill between the two renames of the fallback swap), it is put back. Every other
    ``.NAME.new-*`` and ``.NAME.old-*`` folder belonged to an unfinished build and is deleted.
    """
    target = real_target(target)
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return
    found = {p: stage for p in entries if (stage := _leftover(p.name, target.name)) and p.is_dir()}
    if not os.path.lexists(target):
        olds = [p for p, stage in found.items() if stage == "old" and any(p.iterdir())]
        if olds:
            latest = max(olds, key=lambda p: p.stat().st_mtime)
            # Toolkit 0.1 kept the old docs one level down, in .docs.old-XXXX/docs.
            inner = latest / target.name
            kept = inner if [c.name for c in latest.iterdir()] == [target.name] and inner.is_dir() else latest
            with suppress(OSError):
                os.replace(kept, target)
    for p in found:
        if os.path.lexists(p):
            remove_tree(p)


def check_apart(folders: dict[str, Path], cwd: Path | None = None) -> None:
    """Refuse a build whose folders overlap: replacing the site or docs folder must never
    delete the input, the other output, or the folder the command runs from (or one above
    it). ``folders``: option name → path; the first is the input, the others are replaced."""
    here = (cwd or Path.cwd()).resolve()
    named = [(name, path.resolve()) for name, path in folders.items()]
    replaced = named[1:]
    for name, path in replaced:
        if path == here or path in here.parents:
            raise ConfigError(
                f"{name} {path} holds the folder you run from; a build replaces it whole",
                hint=f"pass a folder of its own, e.g. {here / 'site'}",
            )
        for other, opath in named:
            if other != name and (path == opath or path in opath.parents or opath in path.parents):
                raise ConfigError(
                    f"{name} {path} and {other} {opath} overlap; a build replaces {name} whole",
                    hint="give each its own folder, side by side",
                )


def real_target(target: Path) -> Path:
    """``target``, or the folder it links to: a symlinked ``site/`` keeps its link, and its
    staging folders sit beside the real folder, on its file system."""
    return target.resolve() if target.is_symlink() else target


NOT_KEPT = frozenset({".toolkit-site"})
"""Hidden entries the toolkit writes about one build (:data:`toolkit.cache.SITE_STAMP`): never
carried over to the next, whose own they are not."""


def keep_hidden(old: Path, new: Path) -> None:
    """Copy ``old``'s hidden entries (``.git``, ``.nojekyll`` …) into ``new``.

    MkDocs never deletes hidden entries from a site folder, so a site built afresh keeps
    them. Files are hard-linked where the file system allows (the old folder is deleted
    once the new one is in place), copied otherwise.
    """
    if not old.is_dir():
        return
    for p in old.iterdir():
        dest = new / p.name
        if not p.name.startswith(".") or os.path.lexists(dest) or p.name in NOT_KEPT:
            continue
        if p.is_dir() and not p.is_symlink():
            shutil.copytree(p, dest, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(p, dest)


def _link_or_copy(src: str | Path, dst: str | Path) -> None:
    if os.path.islink(src):
        os.symlink(os.readlink(src), dst)
        return
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


@dataclass(frozen=True, slots=True)
class Staging:
    """Fresh folders beside the docs and site folders; :meth:`commit` swaps them in."""

    docs_dir: Path
    """The docs folder the new tree replaces."""
    site_dir: Path
    """The site folder the new site replaces."""
    new_docs: Path
    """Where the new docs tree is written (``.DOCS.new-XXXX``)."""
    new_site: Path
    """Where MkDocs builds the new site (``.SITE.new-XXXX``)."""

    def commit(self, site: bool = True) -> None:
        """Swap the new docs, then the new site, in; each in one step (see :func:`swap_in`).

        The site's hidden entries come along (:func:`keep_hidden`). A kill between the two
        swaps leaves the new docs and the old site, each whole. ``site=False``: the site
        folder is left as it is (nothing it was built from changed).
        """
        if site:
            try:
                (self.new_site / MARKER).write_text("Written by `toolkit build`; the next build replaces it.\n")
                keep_hidden(self.site_dir, self.new_site)
            except OSError as exc:
                raise output_error(exc, self.site_dir) from None
        swaps = ((self.new_docs, self.docs_dir), (self.new_site, self.site_dir))
        for new, target in swaps if site else swaps[:1]:
            try:
                swap_in(new, target)
            except OSError as exc:
                raise output_error(exc, target) from None


@contextmanager
def staged(docs_dir: Path, site_dir: Path) -> Iterator[Staging]:
    """Fresh staging folders for a build of ``docs_dir`` and ``site_dir``.

    Whatever happens, nothing of them is left on exit: after :meth:`Staging.commit` they hold
    the previous trees; after a failure, the unfinished new ones. The docs and site folders
    change only in ``commit``.
    """
    docs_dir, site_dir = real_target(docs_dir), real_target(site_dir)
    for target in (docs_dir, site_dir):
        if os.path.lexists(target) and not target.is_dir():
            raise OutputError("is a file, not a folder", path=target, hint="move it away")
        if os.path.ismount(target):
            raise OutputError(
                "is a mount point, which cannot be swapped for a new folder",
                path=target,
                hint=f"choose a folder inside it, e.g. {target / 'html'}",
            )
    new_docs = fresh_dir(docs_dir)
    try:
        new_site = fresh_dir(site_dir)
    except BaseException:
        remove_tree(new_docs)
        raise
    try:
        yield Staging(docs_dir, site_dir, new_docs, new_site)
    finally:
        remove_tree(new_docs)
        remove_tree(new_site)
