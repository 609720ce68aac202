"""Incremental builds: a rebuild redoes only what changed (issue #15).

The translation cache (:mod:`toolkit.incremental`) takes a document whole when its text, the
glossary entries that can match it and the translation context are what they were; the page
cache renders only the pages of documents that changed; a build whose docs tree and
configuration are unchanged leaves the site as it is. Every rebuild must give what a build
without any cache gives.
"""

from __future__ import annotations

import json
import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit import glossary
from toolkit.batch import Collected, build_docs, read_documents
from toolkit.config import Config
from toolkit.document import Document, Profile
from toolkit.errors import BuildError
from toolkit.incremental import CachedDocument
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


def test_an_entry_is_checked_without_its_text_while_the_forms_are_the_same(
    project: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry records the glossary forms its text holds: while the glossary's Chinese forms
    are unchanged (an English edited), its terms are checked from them, not by reading the text
    again; a new variant (a new form) makes every entry look at its text again."""
    zh, holder = _only_in_one(project)
    first = build_docs(project, Collected()).translation
    searched: list[str] = []
    real = glossary.Glossary.forms_in
    monkeypatch.setattr(glossary.Glossary, "forms_in", lambda self, text: searched.append(text) or real(self, text))
    _edit_term(project, zh, "edited rendering")
    edited = build_docs(project, Collected()).translation
    assert edited.stats.cached == 2 and len(searched) == 1  # the redone document's, when stored
    # a variant (a new form) of another term, found in the same document only
    other = next(
        s.zh[:4]
        for s in first.docs[holder].segments
        if len(s.zh) > 8
        and not s.terms
        and all(s.zh[:4] not in t.zh for i, d in enumerate(first.docs) if i != holder for t in d.segments)
    )
    tsv = project.glossary / "terms.tsv"
    lines = tsv.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(zh + "\t"))
    cols = lines[at].split("\t")
    cols[4] = "|".join(v for v in (cols[4], other) if v)
    lines[at] = "\t".join(cols)
    tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    searched.clear()
    varied = build_docs(project, Collected()).translation
    assert varied.stats.cached == 2 and len(searched) == 3 + 1
    assert any(t.zh == zh and other in s.zh for s in varied.docs[holder].segments for t in s.terms)


def test_an_entry_with_forged_forms_counts_as_absent(project: Config) -> None:
    first = build_docs(project, Collected()).translation
    for path in sorted((project.tm.parent / "cache" / "translated").rglob("*.json")):  # type: ignore[union-attr]
        head, body = path.read_bytes().split(b"\n", 1)  # an entry: its first line, then the document
        entry = json.loads(head)
        entry["forms"] = [[10**9, "x"]]
        path.write_bytes(json.dumps(entry).encode() + b"\n" + body)
    again = build_docs(project, Collected()).translation
    assert again.stats.cached == 0 and again.docs == first.docs


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


def test_an_unchanged_document_is_not_even_read(project: Config, tmp_path: Path) -> None:
    """A rebuild reads each entry's first line only: meta, profile, QA, terms. The documents
    (CachedDocument) read their bodies only when asked for their segments, which a build whose
    pages are cached never does; the docs tree is the same to the byte."""
    build_docs(project, Collected())
    before = tree(project.docs_dir)
    again = build_docs(project, Collected()).translation
    assert all(isinstance(d, CachedDocument) and not d.loaded for d in again.docs)
    assert tree(project.docs_dir) == before
    assert [d.profile() for d in again.docs] == [Document.profile(d) for d in again.docs]  # read now
    assert all(d.loaded for d in again.docs)


def _entries(cfg: Config) -> list[Path]:
    return sorted((cfg.tm.parent / "cache" / "translated").rglob("*.json"))  # type: ignore[union-attr]


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-3] ^= 1  # the same size, another checksum
    path.write_bytes(bytes(data))


def test_a_damaged_body_counts_as_absent(project: Config) -> None:
    first = build_docs(project, Collected()).translation
    for path in _entries(project):
        _damage(path)
    again = build_docs(project, Collected()).translation
    assert again.stats.cached == 0 and again.docs == first.docs


def test_an_entry_changed_while_the_build_reads_it_is_an_error(project: Config) -> None:
    """Changed between being taken and its body being read (another process, a disk fault):
    an error naming the entry and the fix, and the entry is removed so the next build makes it."""
    build_docs(project, Collected())
    again = build_docs(project, Collected()).translation
    doc = again.docs[0]
    assert isinstance(doc, CachedDocument) and not doc.loaded
    for path in _entries(project):
        _damage(path)
    with pytest.raises(BuildError, match="changed or damaged") as info:
        _ = doc.segments
    assert info.value.hint and "build again" in info.value.hint
    assert len(_entries(project)) == 2 and info.value.path not in _entries(project)


def test_a_cached_document_behaves_as_the_plain_one(project: Config) -> None:
    first = build_docs(project, Collected()).translation
    again = build_docs(project, Collected()).translation
    cached, plain = again.docs[0], first.docs[0]
    assert isinstance(cached, CachedDocument) and type(plain) is Document
    assert cached == plain and plain == cached and hash(cached) == hash(plain)
    copied = pickle.loads(pickle.dumps(cached))
    assert type(copied) is Document and copied == plain
    renamed = replace(cached, meta=replace(cached.meta, title="x"))
    assert type(renamed) is Document and renamed.blocks == plain.blocks and renamed.meta.title == "x"
    assert Profile.from_list(json.loads(json.dumps(plain.profile().to_list()))) == plain.profile()
    for bad in ([1], [-1, [], 0, 0, ["", "", ""], "", []], [1, [["new", "1"]], 0, 0, ["", "", ""], "", []]):
        with pytest.raises((ValueError, TypeError)):
            Profile.from_list(bad)
