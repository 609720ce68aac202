"""Incremental builds: a rebuild redoes only what changed (issue #15).

The translation cache (:mod:`toolkit.incremental`) takes a document whole when its text, the
glossary entries that can match it and the translation context are what they were; the page
cache renders only the pages of documents that changed; a build whose docs tree and
configuration are unchanged leaves the site as it is. Every rebuild must give what a build
without any cache gives.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit import glossary
from toolkit.batch import Collected, build_docs, read_documents
from toolkit.config import Config
from toolkit.tm import TranslationMemory

from .conftest import GLOSSARY, SEED_FILES, count_renders, invoke, tree


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
        tm=tmp_path / "tm.sqlite",
    )


def _only_in_one(cfg: Config) -> tuple[str, int]:
    """A glossary term found in exactly one of the project's documents, and which."""
    docs = read_documents([cfg.input], Collected(), until="segment")
    texts = ["\n".join(s.zh for s in d.segments) for d in docs]
    for entry in glossary.load(cfg.glossary).entries:
        holders = [i for i, t in enumerate(texts) if entry.zh in t]
        if len(holders) == 1 and len(entry.zh) >= 4:
            return entry.zh, holders[0]
    raise AssertionError("no term in one document only")


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


def _fresh(cfg: Config, tmp_path: Path, name: str) -> tuple[dict[str, bytes], object]:
    """The docs tree (and translation) a build with no cache and a copy of the memory makes."""
    memory = tmp_path / f"{name}.sqlite"
    shutil.copy(cfg.tm, memory)  # type: ignore[arg-type]
    docs_dir = tmp_path / name
    built = build_docs(replace(cfg, use_cache=False, docs_dir=docs_dir, tm=memory), Collected())
    return tree(docs_dir), built.translation


def test_a_term_edit_redoes_only_the_document_holding_it(
    project: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    zh, holder = _only_in_one(project)
    first = build_docs(project, Collected()).translation
    assert first.stats.cached == 0 and first.stats.translated > 0
    rendered = count_renders(monkeypatch)
    again = build_docs(project, Collected()).translation
    assert again.stats.cached == 3 and again.stats.translated == again.stats.from_memory == 0 and rendered == []
    assert again.docs == first.docs and again.problems == first.problems

    _edit_term(project, zh, "edited rendering")
    edited = build_docs(project, Collected()).translation
    assert edited.stats.cached == 2  # the other two documents are taken whole
    assert rendered == [first.docs[holder].meta.slug]  # and only this one's pages are rendered
    doc = edited.docs[holder]
    assert any(t.zh == zh and t.en == "edited rendering" for s in doc.segments for t in s.terms)
    assert any("edited rendering" in s.en for s in doc.segments)
    # what a build without any cache makes, to the byte
    made, fresh = _fresh(project, tmp_path, "fresh")
    assert tree(project.docs_dir) == made
    assert edited.docs == fresh.docs and edited.problems == fresh.problems  # type: ignore[attr-defined]


def test_a_new_term_reaches_only_the_documents_holding_it(project: Config) -> None:
    docs = build_docs(project, Collected()).translation.docs
    # a phrase of the second document where no entry matches yet, as a new glossary entry
    seg = next(s for s in docs[1].segments if len(s.zh) > 12 and not s.terms)
    phrase = seg.zh[2:8]
    assert all(phrase not in s.zh for d in (docs[0], docs[2]) for s in d.segments)
    tsv = project.glossary / "terms.tsv"
    tsv.write_text(tsv.read_text(encoding="utf-8") + f"{phrase}\tNew Term\tproposed\tyes\t\t\t\n", encoding="utf-8")
    again = build_docs(project, Collected()).translation
    assert again.stats.cached == 2
    assert any(t.zh == phrase for s in again.docs[1].segments for t in s.terms)


def test_a_review_is_seen_by_every_document(project: Config, tmp_path: Path) -> None:
    first = build_docs(project, Collected()).translation
    seg = first.docs[2].segments[3]
    with TranslationMemory(project.tm) as memory:  # type: ignore[arg-type]
        before = memory.state()
        memory.add_review(seg.zh, "A reviewed sentence.", reviewer="Ann")
        assert memory.state() != before
    again = build_docs(project, Collected()).translation
    assert again.stats.cached == 0  # a review can change any document (fuzzy matches)
    assert again.docs[2].segments[3].en == "A reviewed sentence."
    made, fresh = _fresh(project, tmp_path, "fresh")
    assert tree(project.docs_dir) == made and again.problems == fresh.problems  # type: ignore[attr-defined]


def test_a_human_documents_qa_follows_the_glossary(project: Config, tmp_path: Path) -> None:
    """QA's term-changed compares a review's glossary version with the whole glossary's: a
    document taken from the cache has its QA checked again when the glossary changed."""
    zh, holder = _only_in_one(project)
    first = build_docs(project, Collected()).translation
    doc = first.docs[(holder + 1) % 3]  # a document without the term to be edited
    seg = next(s for s in doc.segments if s.terms)
    with TranslationMemory(project.tm) as memory:  # type: ignore[arg-type]
        memory.add_review(seg.zh, "An English sentence without the term.", glossary=first.glossary.version)
    reviewed = build_docs(project, Collected()).translation
    assert ("term-missing", seg.id) in {(p.check, p.segment) for p in reviewed.problems[doc.meta.slug]}
    _edit_term(project, zh, "edited rendering")
    edited = build_docs(project, Collected()).translation
    assert edited.stats.cached == 2
    checks = {(p.check, p.segment) for p in edited.problems[doc.meta.slug]}
    assert ("term-changed", seg.id) in checks
    _, fresh = _fresh(project, tmp_path, "fresh")
    assert edited.problems == fresh.problems  # type: ignore[attr-defined]


def test_a_broken_entry_is_made_again(project: Config) -> None:
    first = build_docs(project, Collected()).translation
    entries = sorted((project.tm.parent / "cache" / "translated").rglob("*.json"))  # type: ignore[union-attr]
    assert len(entries) == 3
    entries[0].write_text('{"doc": {"meta": 1}', encoding="utf-8")  # cut short by a crash
    entries[1].write_text(json.dumps({"doc": {"meta": 1}, "problems": [], "glossary": ""}), encoding="utf-8")
    again = build_docs(project, Collected()).translation
    assert again.stats.cached == 1 and again.docs == first.docs


def test_an_unchanged_site_is_not_built_again(runner: CliRunner, tmp_path: Path, project: Config) -> None:
    args = ["build", "--input", str(project.input), "--glossary", str(project.glossary), "--backend", "gloss"]
    args += ["--docs-dir", str(tmp_path / "docs"), "--site-dir", str(tmp_path / "site"), "--json"]
    args += ["--tm", str(project.tm)]

    def build(*more: str) -> dict[str, object]:
        code, out, err = invoke(runner, *args, *more)
        assert code == 0, err
        report: dict[str, object] = json.loads(out)
        return report

    assert build()["site_rebuilt"] is True
    site = tree(tmp_path / "site")
    stamp = (tmp_path / "site" / "index.html").stat().st_mtime_ns
    report = build()
    assert report["site_rebuilt"] is False and report["translation"]["unchanged_documents"] == 3  # type: ignore[index]
    assert tree(tmp_path / "site") == site and (tmp_path / "site" / "index.html").stat().st_mtime_ns == stamp
    assert build("--no-cache")["site_rebuilt"] is True  # --no-cache builds everything
    assert tree(tmp_path / "site") == site
    (tmp_path / "site" / "index.html").unlink()  # a site damaged by hand is built again
    assert build()["site_rebuilt"] is True and (tmp_path / "site" / "index.html").is_file()
    changed = project.input / SEED_FILES[1].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\n新增的一段正文内容。\n", encoding="utf-8")
    assert build()["site_rebuilt"] is True
    assert "新增的一段正文内容" in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))
