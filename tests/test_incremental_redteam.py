"""Red-team cases for incremental builds (issue #15): inputs and edits for which a rebuild
with the caches does not make what a build without them makes, or crashes.

Each test states the promise it checks; each fails on the code it was written against.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit import glossary
from toolkit.batch import Collected, build_docs, read_documents
from toolkit.config import Config

from .conftest import GLOSSARY, SEED_FILES, invoke, tree


@pytest.fixture
def project(tmp_path: Path) -> Config:
    pages = tmp_path / "in"
    pages.mkdir()
    for seed in SEED_FILES[:3]:
        shutil.copy(seed, pages / seed.name)
    shutil.copytree(GLOSSARY, tmp_path / "glossary")
    return Config(
        input=pages,
        glossary=tmp_path / "glossary",
        docs_dir=tmp_path / "docs",
        backend="gloss",
        tm=tmp_path / ".toolkit" / "memory.sqlite",
    )


def _copy_memory(src: Path, dst: Path) -> None:
    """A consistent copy of an SQLite memory (WAL included)."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()


def _rows(path: Path) -> list[tuple[object, ...]]:
    """The memory's translations, without their timestamps."""
    db = sqlite3.connect(path)
    try:
        return db.execute(
            "SELECT source, engine, model, terms, en, glossary, reviewed, state, reviewer, origin, text"
            " FROM translations ORDER BY source, engine, model, terms"
        ).fetchall()
    finally:
        db.close()


def _fresh(cfg: Config, tmp_path: Path, name: str) -> tuple[dict[str, bytes], Path]:
    """The docs tree a build with no cache and a copy of the memory makes, and that memory."""
    memory = tmp_path / f"{name}.sqlite"
    _copy_memory(cfg.tm, memory)  # type: ignore[arg-type]
    docs_dir = tmp_path / name
    build_docs(replace(cfg, use_cache=False, docs_dir=docs_dir, tm=memory), Collected())
    return tree(docs_dir), memory


def _edit_term(cfg: Config, zh: str, en: str) -> None:
    tsv = cfg.glossary / "terms.tsv"
    lines = tsv.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        cols = line.split("\t")
        if cols[0] == zh:
            lines[i] = "\t".join([zh, en, *cols[2:]])
            tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return
    raise AssertionError(f"{zh} not in the glossary")


def _lone_term(cfg: Config, doc: int, exclude: frozenset[int] = frozenset()) -> glossary.Entry:
    """A term of document ``doc``'s title (or text) that no other term contains (so that its
    English can be edited without breaking the nested-terms rule), absent from the documents
    ``exclude``."""
    docs = read_documents([cfg.input], Collected(), until="segment")
    texts = ["\n".join(s.zh for s in d.segments) for d in docs]
    title = docs[doc].segments[0].zh
    entries = glossary.load(cfg.glossary).entries
    for e in sorted(entries, key=lambda e: e.zh not in title):
        forms = (e.zh, *e.variants)
        if (
            any(f in texts[doc] for f in forms)
            and not any(e.zh in x.zh and x is not e for x in entries)
            and not any(f in texts[i] for i in exclude for f in forms)
        ):
            return e
    raise AssertionError("no such term")


# --- the site ----------------------------------------------------------------------------------


def test_a_site_damaged_by_hand_is_built_again(runner: CliRunner, tmp_path: Path, project: Config) -> None:
    """The site stamp is checked against ``index.html`` only: a site whose search index
    (``pagefind/``) or a document's page was deleted by hand is kept as it is, broken, by every
    cached rebuild; a build without the cache makes it whole."""
    site = tmp_path / "site"
    args = ["build", "--input", str(project.input), "--glossary", str(project.glossary), "--backend", "gloss"]
    args += ["--docs-dir", str(tmp_path / "docs"), "--site-dir", str(site), "--json", "--tm", str(project.tm)]
    code, _, err = invoke(runner, *args)
    assert code == 0, err
    whole = tree(site)
    shutil.rmtree(site / "pagefind")  # search gone
    page = next((site / "en").glob("*.html"))
    page.unlink()  # a document's English page gone
    code, out, err = invoke(runner, *args)
    assert code == 0, err
    assert (site / "pagefind").is_dir() and page.is_file(), f"site_rebuilt: {json.loads(out)['site_rebuilt']}"
    assert tree(site) == whole


# --- broken entries ------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["read", "translated", "pages"])
def test_a_deeply_nested_entry_counts_as_absent(project: Config, folder: str) -> None:
    """A broken entry counts as absent (README): but an entry of deeply nested JSON (a damaged
    file, a disk error) raises RecursionError out of ``json.load``, which no ``get`` catches:
    the build stops with a traceback."""
    first = build_docs(project, Collected()).translation
    pattern = "*.pages" if folder == "pages" else "*.json"
    entry = sorted((project.tm.parent / "cache" / folder).rglob(pattern))[0]  # type: ignore[union-attr]
    entry.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    again = build_docs(project, Collected()).translation
    assert again.docs == first.docs


@pytest.mark.parametrize("pages", [[], ["zh", "en"], ["zh", "en", "aligned", "more"]])
def test_a_page_entry_of_the_wrong_length_counts_as_absent(project: Config, pages: list[str]) -> None:
    """PageCache.get checks that an entry is a list of texts, not that it holds the three pages:
    an entry of two or four (or none) makes ``zip(..., strict=True)`` raise ValueError, and the
    build stops with a traceback instead of rendering the document again."""
    build_docs(project, Collected())
    made = tree(project.docs_dir)
    entry = sorted((project.tm.parent / "cache" / "pages").rglob("*.pages"))[0]  # type: ignore[union-attr]
    body = "".join(pages).encode()  # a whole entry, checksum right, of the wrong number of pages
    head = " ".join([hashlib.sha256(body).hexdigest(), *(str(len(p.encode())) for p in pages)])
    entry.write_bytes(head.encode() + b"\n" + body)
    build_docs(project, Collected())
    assert tree(project.docs_dir) == made


# --- the memory ----------------------------------------------------------------------------------


def test_a_memory_put_back_from_a_copy(project: Config, tmp_path: Path) -> None:
    """The memory's state() is its identity and its reviews; machine translations are not in
    it, on the ground that "the engine would make them again". A memory put back from a copy
    (a backup, ``git checkout .toolkit/``, a `--tm` copy in the same folder sharing its
    ``cache/``) has the same state but lacks the translations that made the cached documents:
    cached rebuilds never put them back (the memory differs from a build without the cache),
    and once the glossary moves on, the documents differ too (their provenance names another
    glossary version: the page banner)."""
    build_docs(project, Collected())
    backup = tmp_path / "backup.sqlite"
    _copy_memory(project.tm, backup)  # type: ignore[arg-type]
    term = _lone_term(project, 0)
    _edit_term(project, term.zh, term.en + "s")
    build_docs(project, Collected())  # document 0 made again: its new segments in the memory
    _copy_memory(backup, project.tm)  # type: ignore[arg-type]  # ... and the memory put back

    build_docs(project, Collected())
    made, memory = _fresh(project, tmp_path, "fresh")
    assert tree(project.docs_dir) == made
    assert _rows(project.tm) == _rows(memory)  # type: ignore[arg-type]


def test_a_configured_cache_without_a_memory(project: Config, tmp_path: Path) -> None:
    """README: "there are none [no caches] with --no-tm". But ``Config.cache_dir`` returns the
    configured ``cache`` folder (toolkit.toml ``cache = …``) whatever ``tm`` is, so `build
    --no-tm` uses the translation cache with no memory in its context. Without a memory every
    segment is made again by the engine, with the glossary version of the run: a term added
    anywhere changes what a build without the cache makes (each page's banner names the new
    version) and no cached document's key."""
    cfg = replace(project, tm=None, cache=tmp_path / "cache")
    build_docs(cfg, Collected())
    tsv = cfg.glossary / "terms.tsv"
    row = "新加的无关术语\tUnrelated New Term\tproposed\tyes\t\t\t\n"  # in no document
    tsv.write_text(tsv.read_text(encoding="utf-8") + row, encoding="utf-8")
    build_docs(cfg, Collected())
    build_docs(replace(cfg, use_cache=False, docs_dir=tmp_path / "fresh"), Collected())
    assert tree(cfg.docs_dir) == tree(tmp_path / "fresh")


# --- what the caches' fingerprints cover ---------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "module"),
    [
        ("STAGE_CODE", "textmeta.py"),  # the clean stage's metadata rules: titles, dates, sources
        ("STAGE_CODE", "words.py"),  # the clean stage's word lists, as read from data/
        ("STAGE_CODE", "pipeline.py"),  # run(): which stages a read runs, in which order
        ("PAGE_CODE", "status.py"),  # coverage(): the English page's banner and review note
    ],
)
def test_an_edited_rule_makes_its_cache_stale(code: str, module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new rule reads (renders) everything again (README): the fingerprint hashes the code a
    cached result depends on. The clean stage calls :mod:`toolkit.textmeta` (titles, dates,
    sources, metadata lines) and :mod:`toolkit.words`; the pages call :func:`toolkit.status.coverage`
    (banner, review note). None of them is in its fingerprint: editing one (in a checkout, or a
    fix released without a version bump) leaves cached reads and pages as the old code made them."""
    from toolkit import cache

    code_files = getattr(cache, code)
    before = cache._fingerprint(code_files)
    target = Path(cache.__file__).resolve().parent / module
    real = Path.read_bytes

    def edited(self: Path) -> bytes:
        data = real(self)
        return data + b"\n# edited\n" if self.resolve() == target else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    cache._fingerprint.cache_clear()
    try:
        assert cache._fingerprint(code_files) != before
    finally:
        cache._fingerprint.cache_clear()


def test_a_site_served_then_built_again(
    runner: CliRunner, tmp_path: Path, project: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``toolkit serve`` builds a new site but writes no stamp; swapping it in carries the old
    site's hidden entries over (keep_hidden), the old ``.toolkit-site`` among them. So the site
    serve built bears the stamp of the site before it: put the input back as it was, and
    ``build`` finds "nothing changed" and keeps serve's site, which shows the reverted text."""
    from toolkit import site as site_module

    monkeypatch.setattr(site_module, "serve", lambda *a, **k: None)  # serve returns at once
    common = ["--input", str(project.input), "--glossary", str(project.glossary), "--backend", "gloss"]
    common += ["--docs-dir", str(tmp_path / "docs"), "--site-dir", str(tmp_path / "site"), "--tm", str(project.tm)]
    code, _, err = invoke(runner, "build", *common)
    assert code == 0, err
    changed = project.input / SEED_FILES[1].name
    before = changed.read_text(encoding="utf-8")
    lines = before.splitlines()
    lines[5] += "。服务时新增的一句话"
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = invoke(runner, "serve", *common)
    assert code == 0, err

    def pages() -> str:
        return "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))

    assert "服务时新增的一句话" in pages()
    changed.write_text(before, encoding="utf-8")  # the edit taken back
    code, out, err = invoke(runner, "build", *common, "--json")
    assert code == 0, err
    assert "服务时新增的一句话" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "docs").rglob("*.md"))
    assert "服务时新增的一句话" not in pages(), f"site_rebuilt: {json.loads(out)['site_rebuilt']}"
