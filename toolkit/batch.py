"""Running the pipeline over many inputs: reading them (in parallel), translating them,
writing the docs tree of a site.

The commands of :mod:`toolkit.cli` are thin over this module; it knows nothing of the
terminal. What happens along the way — a file that cannot be read, which backend was chosen
and why, a progress bar — goes to a :class:`Listener`, which the CLI renders (and a library
caller may collect: :class:`Collected`). One input that fails is reported and skipped; the
rest are still read.

Heavy modules (the stages, OpenCC, jieba, MkDocs) are imported inside the functions, so that
importing this module — and ``toolkit --help`` — stays fast.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from . import readers
from .errors import InputError, InstallError, ToolkitError

if TYPE_CHECKING:
    from .config import Config
    from .document import Document, Provenance, Segment
    from .glossary import Glossary
    from .incremental import Translated, TranslationCache
    from .outputs import Staging
    from .qa import Problem
    from .tm import TranslationMemory
    from .translate import Choice, Stats
    from .translate.base import Backend

T = TypeVar("T")


class Listener(Protocol):
    """Where a batch reports what happens: the CLI's reporter, or :class:`Collected`."""

    def info(self, msg: str) -> None:
        """Progress worth a line (shown unless quiet)."""

    def warn(self, msg: str) -> None:
        """Something the user must see (a gloss standing in for a translation)."""

    def fail(self, err: ToolkitError) -> None:
        """One input failed; the batch goes on without it."""

    def progress(self, items: Iterable[T], label: str, total: int | None = None, unit: str = "files") -> Iterable[T]:
        """``items``, perhaps shown as a progress bar while they are worked through (``total``
        of them, None: ``len(items)``), with the rate in ``unit`` per second and the time left."""
        ...


@dataclass
class Collected:
    """A :class:`Listener` that keeps everything: for library callers and tests."""

    infos: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed: list[ToolkitError] = field(default_factory=list)

    def info(self, msg: str) -> None:
        self.infos.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)

    def fail(self, err: ToolkitError) -> None:
        self.failed.append(err)

    def progress(self, items: Iterable[T], label: str, total: int | None = None, unit: str = "files") -> Iterable[T]:
        return items


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReadTask:
    """One input to read, and how far to take it through the pipeline (process-pool safe)."""

    path: Path
    fmt: str | None = None
    """A raw-page format (``--format``) that overrides the file's suffix."""
    script: str | None = None
    """Forced OpenCC conversion for normalise."""
    until: str = "clean"
    """The last stage to run: ``clean``, ``normalize`` or ``segment``."""
    max_bytes: int | None = None
    """The largest file read (the ``max-input-mb`` setting); None: the default limit."""
    cache: Path | None = None
    """The stage cache's folder (:mod:`toolkit.cache`); None: read everything."""
    key: str | None = None
    """The file's key in the stage cache when it is already known (the file is not hashed twice)."""


def _read_key(task: ReadTask) -> str | None:
    """``task``'s key in the stage cache; None without a cache, or for a file not to be read."""
    from .files import MAX_INPUT_BYTES

    if task.cache is None:
        return None
    from .cache import read_key

    max_bytes = task.max_bytes if task.max_bytes is not None else MAX_INPUT_BYTES
    try:
        if not task.path.is_file() or task.path.stat().st_size > max_bytes:
            return None
        return read_key(task.path.read_bytes(), str(task.path), task.fmt, task.script, task.until, max_bytes)
    except OSError:
        return None


def cached_read(task: ReadTask, key: str | None) -> Document | None:
    """``task``'s document from the stage cache (``key``: its key there); None when it is not
    there (or no cache)."""
    from .cache import StageCache

    return StageCache(task.cache / "read").get(key) if key is not None and task.cache is not None else None


def read_one(task: ReadTask) -> Document | ToolkitError:
    """Read a file with its reader and run the stages up to ``task.until``; an error is
    returned, not raised, so that one bad file in a process pool does not stop the others.
    With ``task.cache``, a document read before from the same bytes with the same options and
    the same toolkit comes from the cache."""
    from .cache import StageCache
    from .files import MAX_INPUT_BYTES
    from .glossary import Glossary
    from .pipeline import Context, run

    max_bytes = task.max_bytes if task.max_bytes is not None else MAX_INPUT_BYTES
    key = task.key if task.key is not None else _read_key(task)
    store = StageCache(task.cache / "read") if task.cache is not None else None
    if store is not None and key is not None and (hit := store.get(key)) is not None:
        return hit
    try:
        doc = readers.for_path(task.path, task.fmt).read(task.path, max_bytes)
        doc = run([doc], Context(glossary=Glossary([]), script=task.script), until=task.until)[0]
        if task.until != "clean" and not doc.blocks:
            raise InputError(
                "no body text left after cleaning", path=task.path, hint="check it with `toolkit clean --explain`"
            )
    except ToolkitError as err:
        return err
    except RecursionError:
        return InputError("nested too deeply to read", path=task.path, hint="simplify or split the file")
    except Exception as exc:  # a bug met on this file: reported for it, the other files still read
        return InputError(
            f"internal error while reading ({type(exc).__name__}: {exc})",
            path=task.path,
            hint="please report it with this file; the other files were read",
        )
    if store is not None and key is not None:
        store.put(key, doc)
    return doc


def outside_links(paths: Sequence[Path], inputs: Sequence[Path]) -> list[Path]:
    """The files found inside an input folder that are symbolic links to something outside
    it: an archive's link to ``~/.ssh/…`` must not end up on a public site."""
    folders = [(f, f.resolve()) for f in inputs if f.is_dir()]
    out = []
    for path in paths:
        if path in inputs or not path.is_symlink():
            continue
        root = next((real for f, real in folders if path.is_relative_to(f)), None)
        if root is not None and not path.resolve().is_relative_to(root):
            out.append(path)
    return out


def input_paths(inputs: Sequence[Path]) -> list[Path]:
    """The files to read: those given, and inside given folders those a reader claims."""
    from .files import expand_inputs

    paths = expand_inputs(inputs)
    if any(p.is_dir() for p in inputs):
        paths = [p for p in paths if p.suffix.lower() in readers.SUFFIXES or p in inputs]
        # a folder of ``translate`` output: each document is its JSON; the bilingual .md beside
        # it is a page for reading (named on the command line, it is refused with that hint)
        found = set(paths)
        paths = [p for p in paths if p in inputs or not (p.with_suffix(".json") in found and _bilingual(p))]
    return paths


def _bilingual(path: Path) -> bool:
    if path.suffix.lower() != ".md":
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    return head.startswith(b"---\ntoolkit: bilingual\n")


POOL_FROM = 16
"""With ``--jobs`` left to its default, fewer files than this are read in this process:
starting a pool of processes that import the stages costs about a second."""


def read_documents(
    inputs: Sequence[Path],
    listener: Listener,
    fmt: str | None = None,
    script: str | None = None,
    until: str = "clean",
    jobs: int | None = 1,
    max_bytes: int | None = None,
    cache: Path | None = None,
) -> list[Document]:
    """Documents for every readable input, in order (:func:`read_keyed` without the keys)."""
    return [doc for doc, _, _ in read_keyed(inputs, listener, fmt, script, until, jobs, max_bytes, cache)]


Keyed = tuple["Document", "str | None", bool]
"""A document read, its key in the stage cache (None: no cache), and whether ``take`` gave it."""


def read_keyed(
    inputs: Sequence[Path],
    listener: Listener,
    fmt: str | None = None,
    script: str | None = None,
    until: str = "clean",
    jobs: int | None = 1,
    max_bytes: int | None = None,
    cache: Path | None = None,
    take: Callable[[str], Document | None] | None = None,
) -> list[Keyed]:
    """Documents for every readable input, in order; each unreadable one goes to
    ``listener.fail`` and is skipped. ``jobs`` > 1 reads in a process pool (None: one process
    per core when there are :data:`POOL_FROM` files or more, where the pool pays); a file over
    ``max_bytes`` (None: the default limit) is refused. With ``cache`` (a folder), documents
    read before come from the stage cache (:mod:`toolkit.cache`), and ``take`` is asked first
    for each file's key: a document it gives stands for the file (one the translation cache
    holds translated, :mod:`toolkit.incremental`), and the file is not read.

    An unknown ``fmt`` is a :class:`~toolkit.errors.ConfigError`, raised before anything is read;
    a broken install (:class:`~toolkit.errors.InstallError`) is raised, not reported per file.
    """
    if fmt is not None:
        readers.by_name(fmt)
    try:
        paths = input_paths(inputs)
    except ToolkitError as err:
        listener.fail(err)
        return []
    for path in outside_links(paths, inputs):
        listener.fail(
            InputError(
                "a symbolic link to a file outside the input folder; not read",
                path=path,
                hint="copy the file into the folder, or pass it by name",
            )
        )
        paths.remove(path)
    all_tasks = [ReadTask(p, fmt, script, until, max_bytes, cache) for p in paths]
    keys = [_read_key(t) for t in all_tasks]
    taken = [take(k) if take is not None and k is not None else None for k in keys]
    # documents in the stage cache are loaded here: a pool is started only for what is left
    found: list[Document | ToolkitError | None] = [
        t if t is not None else cached_read(task, k) for task, k, t in zip(all_tasks, keys, taken, strict=True)
    ]
    tasks = [replace(t, key=k) for t, k, r in zip(all_tasks, keys, found, strict=True) if r is None]
    if jobs is None:
        jobs = (os.cpu_count() or 1) if len(tasks) >= POOL_FROM else 1
    results: list[Document | ToolkitError]
    if jobs > 1 and len(tasks) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            chunk = max(1, len(tasks) // (jobs * 8))
            results = list(listener.progress(pool.map(read_one, tasks, chunksize=chunk), "reading", len(tasks)))
    else:
        results = [read_one(t) for t in listener.progress(tasks, "reading")]
    made = iter(results)
    out: list[Keyed] = []
    for r, k, t in zip((f if f is not None else next(made) for f in found), keys, taken, strict=True):
        if isinstance(r, InstallError):
            raise r  # the install, not this file: every other file would fail the same way
        if isinstance(r, ToolkitError):
            listener.fail(r)
        else:
            out.append((r, k, t is not None))
    kept = {id(d) for d in unique_slugs([d for d, _, _ in out], listener)}
    return [item for item in out if id(item[0]) in kept]


def unique_slugs(docs: list[Document], listener: Listener) -> list[Document]:
    """``docs`` less each one whose output name an earlier one took (reported as failed)."""
    seen: dict[str, str] = {}
    kept = []
    for d in docs:
        if d.meta.slug in seen:
            listener.fail(
                InputError(
                    f"output name {d.meta.slug!r} is also used by {seen[d.meta.slug]}",
                    path=d.meta.origin,
                    hint="rename one of the two files",
                )
            )
        else:
            seen[d.meta.slug] = d.meta.origin
            kept.append(d)
    return kept


# --- translating -----------------------------------------------------------------------------


def load_glossary(path: Path | None, cfg: Config) -> Glossary:
    """The glossary ``path`` (``--glossary``), else the configured one; none (empty) when the
    configured one does not exist."""
    from . import glossary

    chosen = path if path is not None else cfg.glossary
    if path is None and not chosen.exists():
        return glossary.Glossary([])
    return glossary.load(chosen, max_bytes=cfg.max_input_bytes)


@dataclass(frozen=True, slots=True)
class Translation:
    """What :func:`translate_documents` made, and how."""

    docs: list[Document]
    glossary: Glossary
    choice: Choice
    stats: Stats
    misses: dict[str, list[tuple[str, str, str]]]
    """QA, per document slug: (segment id, zh term, en rendering) for each term missing from the English."""
    problems: dict[str, list[Problem]] = field(default_factory=dict)
    """QA, per document slug: every problem :mod:`toolkit.qa` finds in the English."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per stage: read (clean, normalise, segment), cache (looking documents up in the
    translation cache), glossary, translate, qa; ``build`` adds publish (the docs tree) and
    site (MkDocs)."""
    made_by: dict[str, str] = field(default_factory=dict)
    """Per document slug, what made it (its file as read, its terms, the translation context:
    :mod:`toolkit.incremental`), the page cache's key; empty without the cache."""


def translate_documents(
    inputs: Sequence[Path],
    listener: Listener,
    cfg: Config,
    glossary: Path | None = None,
    fmt: str | None = None,
    jobs: int | None = 1,
    engine: bool = True,
) -> Translation:
    """Read, clean, normalise, segment, match terms and translate; say loudly which backend and
    why, and which glossary and memory. With ``engine=False`` (``toolkit status``) nothing is
    translated: segments get what the memory holds, documents read back from ``translate``'s
    JSON keep their English, and the memory file is not created when it does not exist."""
    from .pipeline import Context, run
    from .qa import document_problems
    from .tm import TranslationMemory
    from .translate import Stats, choose_backend, term_misses

    gl = load_glossary(glossary, cfg)
    where = glossary if glossary is not None else cfg.glossary
    if gl.entries:
        listener.info(f"glossary: {where} ({len(gl.entries)} entries, version {gl.version})")
    else:
        listener.warn(
            f"WARNING: no glossary terms at {where}: none will be applied "
            "(create glossary/*.tsv in the project, or pass --glossary PATH)"
        )
    choice = choose_backend(cfg.backend, gl, cfg.beam_size, cfg.device if engine else "cpu")
    if engine and choice.warning:
        listener.warn(f"WARNING: {choice.reason}")
    elif engine:
        listener.info(f"backend: {choice.backend.engine} — {choice.reason}")
    if engine and choice.note:
        listener.info(choice.note)
    backend = choice.backend
    if engine and cfg.executor != "local":
        from . import executors

        backend = executors.get(cfg.executor).wrap(backend, executors.Options(cfg.address, cfg.workers))
        cluster = f"the Ray cluster at {cfg.address}" if cfg.address else "a local Ray cluster"
        listener.info(f"executor: {cfg.executor} — translation runs on {cluster}")
    cache = cfg.cache_dir
    if cache is not None and not engine and not cache.exists():
        cache = None  # `toolkit status` creates nothing
    stats = Stats()
    use_memory = cfg.tm is not None and (engine or cfg.tm.exists())
    memory = TranslationMemory(cfg.tm) if cfg.tm is not None and use_memory else None
    if memory is not None:
        listener.info(f"translation memory: {cfg.tm} ({memory.count()} translations)")
    elif cfg.tm is None:
        listener.info("translation memory: none (--no-tm)")
    else:
        listener.info(f"translation memory: {cfg.tm} (none yet)")
    done: dict[int, Translated] = {}
    try:
        started = time.perf_counter()
        store = _translation_cache(cfg, gl, backend, memory) if engine and cache is not None else None
        hits: dict[str, Translated] = {}
        looking = [0.0]

        def take(read_key: str) -> Document | None:
            began = time.perf_counter()
            hit = store.get(read_key) if store is not None else None
            looking[0] += time.perf_counter() - began
            if hit is None:
                return None
            hits[read_key] = hit
            return hit.doc

        keyed = read_keyed(inputs, listener, fmt, None, "segment", jobs, cfg.max_input_bytes, cache, take)
        docs = [d for d, _, _ in keyed]
        done = {i: hits[k] for i, (_, k, taken) in enumerate(keyed) if taken and k is not None}
        timings = {"read": time.perf_counter() - started - looking[0], "cache": looking[0]}
        started = time.perf_counter()
        todo = [d for i, d in enumerate(docs) if i not in done]
        writes = memory.writes() if memory is not None else 0
        behind = [hit.doc for hit in done.values() if hit.writes > writes]
        if memory is not None and behind:  # put back from an older copy: it holds what they show
            memory.store(_machine_rows(behind), replace=False)
        timings["cache"] += time.perf_counter() - started
        ctx = Context(glossary=gl, backend=backend, memory=memory, stats=stats, engine=engine, listener=listener)
        started = time.perf_counter()
        todo = run(todo, ctx, until="glossary", skip=("clean", "normalize", "segment")) if todo else []
        timings["glossary"] = time.perf_counter() - started
        todo = run(todo, ctx, skip=("clean", "normalize", "segment", "glossary")) if todo else []
        timings["translate"] = time.perf_counter() - started - timings["glossary"]
        written = memory.writes() if memory is not None else 0  # what new entries' rows need
    finally:
        if memory is not None:
            memory.close()
        close = getattr(backend, "close", None)
        if close is not None:
            close()
    stats.cached = len(done)
    stats.fuzzy += sum(dict(hit.doc.profile().states)["fuzzy"] for hit in done.values())
    fuzzy = f", {stats.fuzzy} fuzzy suggestions (need review)" if stats.fuzzy else ""
    if engine:
        unchanged = f"; {len(done)} unchanged documents from the cache" if done else ""
        listener.info(
            f"segments: {stats.translated} translated, {stats.from_memory} from the translation memory"
            f"{fuzzy}{unchanged}"
        )
    started = time.perf_counter()
    made = iter(todo)
    problems = {}
    made_by: dict[str, str] = {}
    for i, (d, read_key, _) in enumerate(keyed):
        if i in done:
            problems[d.meta.slug] = done[i].problems
            made_by[d.meta.slug] = done[i].key
        else:
            docs[i] = next(made)
            problems[d.meta.slug] = document_problems(docs[i], gl.version)
            if store is not None and read_key is not None:
                made_by[d.meta.slug] = store.put(read_key, docs[i], problems[d.meta.slug], written)
    misses = {d.meta.slug: term_misses(d) for d in docs}
    timings["qa"] = time.perf_counter() - started
    count = sum(len(p) for p in problems.values())
    if count:
        listener.warn(f"QA: {count} problem(s) in the English (see --json's qa, or the site's QA page)")
    return Translation(
        docs,
        gl,
        choice,
        stats,
        misses,
        problems,
        timings,
        made_by,
    )


def _machine_rows(docs: Iterable[Document]) -> list[tuple[Segment, str, Provenance]]:
    """The machine-made segments of ``docs`` as rows of the memory."""
    return [
        (s, s.en, s.provenance)
        for d in docs
        for s in d.segments
        if s.provenance is not None and s.provenance.state in ("machine", "gloss") and s.en
    ]


def _translation_cache(
    cfg: Config, gl: Glossary, backend: Backend, memory: TranslationMemory | None
) -> TranslationCache:
    """The translation cache for this run: its context is what every document's result
    depends on besides its own text and terms (:mod:`toolkit.incremental`)."""
    from .incremental import TranslationCache
    from .tm import FUZZY_THRESHOLD

    assert cfg.cache_dir is not None
    context = {
        "engine": backend.engine,
        "model": backend.model,
        "beam": cfg.beam_size,
        "fuzzy": FUZZY_THRESHOLD,
        "memory": memory.state() if memory is not None else None,
    }
    return TranslationCache(cfg.cache_dir / "translated", gl, context)


# --- building --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Built:
    """The docs tree :func:`build_docs` wrote, and the MkDocs configuration for it."""

    translation: Translation
    mkdocs: dict[str, object]


def prepare_folders(cfg: Config) -> None:
    """Before a build: check that its folders are apart and replaceable; then put back what a
    killed build left half-swapped, and delete its staging folders."""
    from .outputs import check_apart, recover
    from .publish import check_docs_dir, check_site_dir

    check_apart({"--input": cfg.input, "--docs-dir": cfg.docs_dir, "--site-dir": cfg.site_dir})
    check_docs_dir(cfg.docs_dir)
    check_site_dir(cfg.site_dir)
    recover(cfg.docs_dir)
    recover(cfg.site_dir)


def build_docs(
    cfg: Config, listener: Listener, glossary: Path | None = None, jobs: int | None = 1, stage: Staging | None = None
) -> Built:
    """The whole pipeline up to the Markdown: raw pages + glossary → a docs tree, and the
    MkDocs configuration for it.

    With ``stage`` (:class:`toolkit.outputs.Staging`) the tree goes to its new docs folder and
    the configuration points at its folders; the caller swaps them in after MkDocs built the
    site. Without, the tree replaces the docs folder at once (``serve``).
    """
    from .publish import SiteInfo, nav, write_docs
    from .site import load_base, site_config

    if not cfg.input.exists():
        raise InputError("input folder does not exist", path=cfg.input, hint="pass --input DIR")
    done = translate_documents([cfg.input], listener, cfg, glossary, None, jobs)
    if not done.docs:
        raise InputError("no document could be read", path=cfg.input, hint="see the errors above")
    site = SiteInfo(backend_reason=done.choice.reason)
    started = time.perf_counter()
    pages = cfg.cache_dir / "pages" if cfg.cache_dir is not None else None
    into = stage.new_docs if stage else None
    write_docs(
        done.docs,
        done.glossary,
        cfg.docs_dir,
        site,
        into=into,
        cache=pages,
        problems=done.problems,
        made_by=done.made_by,
        jobs=jobs,
        progress=listener.progress,
    )
    done.timings["publish"] = time.perf_counter() - started
    base = load_base(cfg.mkdocs_config)
    docs_dir, site_dir = (stage.new_docs, stage.new_site) if stage else (cfg.docs_dir, cfg.site_dir)
    return Built(done, site_config(base, docs_dir, site_dir, nav(done.docs), cfg.site_name, cfg.site_url))
