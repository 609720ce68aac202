"""The stage cache: a rebuild reads again only what changed; --no-cache bypasses it."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit import cache, readers
from toolkit.batch import Collected, read_documents

from .conftest import GLOSSARY, SEED_FILES, count_renders, invoke, tree


def _read(paths: list[Path], folder: Path | None) -> list:  # type: ignore[type-arg]
    return read_documents(paths, Collected(), until="segment", cache=folder)


def _refuse_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> object:
        raise AssertionError("read again")

    monkeypatch.setattr(readers, "for_path", refuse)


def test_a_second_read_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _read(SEED_FILES, tmp_path / "c")
    assert len(list((tmp_path / "c" / "read").rglob("*.json"))) == len(SEED_FILES)
    assert not list((tmp_path / "c").rglob(".tmp-*"))  # written atomically: no temporary left
    _refuse_reading(monkeypatch)
    assert _read(SEED_FILES, tmp_path / "c") == first


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(SEED_FILES[0], page)
    before = _read([page], tmp_path / "c")[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n新增的一段正文内容。\n", encoding="utf-8")
    after = _read([page], tmp_path / "c")[0]
    assert "新增的一段正文内容" in after.blocks[-1].text and after != before
    assert len(list((tmp_path / "c").rglob("*.json"))) == 2


def test_a_new_toolkit_or_option_reads_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _read(SEED_FILES[:1], tmp_path / "c")
    read_documents(SEED_FILES[:1], Collected(), script="t2s", until="segment", cache=tmp_path / "c")
    assert len(list((tmp_path / "c").rglob("*.json"))) == 2  # another --script: another entry
    monkeypatch.setattr(cache, "fingerprint", lambda *code: "another toolkit")
    _read(SEED_FILES[:1], tmp_path / "c")
    assert len(list((tmp_path / "c").rglob("*.json"))) == 3


def test_a_broken_entry_is_a_miss(tmp_path: Path) -> None:
    first = _read(SEED_FILES[:1], tmp_path / "c")
    [entry] = (tmp_path / "c").rglob("*.json")
    entry.write_text('{"meta": 1', encoding="utf-8")  # as a crash of another tool might leave it
    assert _read(SEED_FILES[:1], tmp_path / "c") == first
    assert json.loads(entry.read_text(encoding="utf-8"))["meta"]["slug"] == first[0].meta.slug


def test_no_cache_and_glossary_edits(runner: CliRunner, tmp_path: Path) -> None:
    common = [str(SEED_FILES[0]), "--backend", "gloss", "--json"]
    code, out, err = invoke(runner, "translate", *common, "-o", str(tmp_path / "a"), "--no-cache")
    assert code == 0, err
    assert not (tmp_path / ".toolkit" / "cache").exists()
    code, out, err = invoke(runner, "translate", *common, "-o", str(tmp_path / "b"), "--glossary", str(GLOSSARY))
    assert code == 0, err
    assert list((tmp_path / ".toolkit" / "cache" / "read").rglob("*.json"))
    with_terms = json.loads(out)
    # the cache keeps reading only: the glossary's matches are made on every run
    code, out, err = invoke(runner, "translate", *common, "-o", str(tmp_path / "c"))
    assert code == 0, err
    assert (tmp_path / "a" / "000-278de87c3f697afd.json").read_text(encoding="utf-8") == (
        tmp_path / "c" / "000-278de87c3f697afd.json"
    ).read_text(encoding="utf-8")
    assert with_terms["glossary"] != json.loads(out)["glossary"]
    # no memory, no cache: the cache lives beside the memory
    shutil.rmtree(tmp_path / ".toolkit")
    code, out, err = invoke(runner, "translate", *common, "-o", str(tmp_path / "d"), "--no-tm")
    assert code == 0 and not (tmp_path / ".toolkit").exists()


def test_a_rebuild_renders_only_changed_documents(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from toolkit.batch import build_docs
    from toolkit.config import Config

    pages = tmp_path / "in"
    pages.mkdir()
    for seed in SEED_FILES[:3]:
        shutil.copy(seed, pages / seed.name)
    cfg = Config(input=pages, glossary=GLOSSARY, docs_dir=tmp_path / "docs", backend="gloss", tm=tmp_path / "tm.sqlite")
    build_docs(cfg, Collected())
    first = tree(tmp_path / "docs")
    assert len(list((tmp_path / "cache" / "pages").rglob("*.pages"))) == 3
    rendered = count_renders(monkeypatch)
    build_docs(cfg, Collected())
    assert rendered == [] and tree(tmp_path / "docs") == first  # nothing changed: nothing rendered
    changed = pages / SEED_FILES[1].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\n新增的一段正文内容。\n", encoding="utf-8")
    build_docs(cfg, Collected())
    assert len(rendered) == 1 and rendered[0].startswith("001-")
    build_docs(replace(cfg, use_cache=False), Collected())
    assert len(rendered) == 4  # --no-cache renders every page


def test_a_page_entry_cut_short_or_altered_is_a_miss(tmp_path: Path) -> None:
    store = cache.PageCache(tmp_path / "pages")
    store.put("ab12", ("中文页", "English page", "对照 aligned"))
    assert store.get("ab12") == ("中文页".encode(), b"English page", "对照 aligned".encode())
    [entry] = (tmp_path / "pages").rglob("*.pages")
    data = entry.read_bytes()
    entry.write_bytes(data[:-3])  # cut short
    assert store.get("ab12") is None
    entry.write_bytes(data.replace(b"English", b"Englisx"))  # the same length, altered
    assert store.get("ab12") is None
    entry.write_bytes(b"not a header")
    assert store.get("ab12") is None
