"""Red-team tests (round 3): the sharded search index and the lazy translation cache.

Each test states the claim it checks: most failed on the code they were written against (fixed
in separate commits); the tests marked "Held" passed from the start."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from toolkit import searchindex
from toolkit.batch import Collected, build_docs, read_documents
from toolkit.config import Config
from toolkit.errors import BuildError
from toolkit.searchindex import decode_index, pagefind_index

from .conftest import GLOSSARY, SEED_FILES, tree


def _page(root: Path, name: str, body: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><title>T {name}</title></head>'
        f"<body><nav>导航 menu</nav>{body}</body></html>",
        encoding="utf-8",
    )


def test_a_shard_of_pages_with_empty_bodies_does_not_fail_the_build(tmp_path: Path) -> None:
    """A shard whose pages all have an empty ``data-pagefind-body`` (a document with no
    text) makes that shard's Pagefind run fail ("not able to build an index"), so the
    sharded build fails where one Pagefind run over the same site succeeds (it just leaves
    those pages out)."""
    site = tmp_path / "site"
    _page(site, "en/a.html", "<div data-pagefind-body></div>")
    _page(site, "en/b.html", "<div data-pagefind-body></div>")
    _page(site, "zh/c.html", "<div data-pagefind-body><p>科技 word</p></div>")
    one = tmp_path / "one"
    searchindex._run(site, one, site)
    pagefind_index(site, shard_bytes=1)
    assert decode_index(one)["zh"]["pages"] == decode_index(site / "pagefind")["zh"]["pages"]


def test_a_site_whose_pages_are_all_empty_still_fails_clearly(tmp_path: Path) -> None:
    """As one Pagefind run does: no page to index is an error naming the site."""
    site = tmp_path / "site"
    _page(site, "en/a.html", "<div data-pagefind-body></div>")
    _page(site, "zh/b.html", "<div data-pagefind-body></div>")
    with pytest.raises(BuildError) as info:
        pagefind_index(site, shard_bytes=1)
    assert info.value.path == site
    assert sorted(p.name for p in site.iterdir()) == ["en", "zh"]


def test_sort_error_names_the_site_not_a_deleted_shard_folder(tmp_path: Path) -> None:
    """``data-pagefind-sort`` fails the sharded build, but the error's path is the shard's
    output folder inside ``.search-shards-*`` — deleted by the time the user reads it. It
    should name the site, as every other search-index error does."""
    site = tmp_path / "site"
    _page(site, "en/a.html", '<div data-pagefind-body><p data-pagefind-sort="date">2020</p> x</div>')
    _page(site, "zh/c.html", "<div data-pagefind-body><p>科技 word</p></div>")
    with pytest.raises(BuildError, match="data-pagefind-sort") as info:
        pagefind_index(site, shard_bytes=1)
    assert info.value.path == site
    assert sorted(p.name for p in site.iterdir()) == ["en", "zh"]


def test_pages_without_a_body_element_in_a_shard_are_not_indexed(tmp_path: Path) -> None:
    """One Pagefind run skips every page without ``data-pagefind-body`` once any page has
    one; a shard in which no page had one was indexed whole (navigation and all), so the
    merged index held pages and words one run would not. Fixed: such pages are left out of
    the shards when any page marks its body."""
    site = tmp_path / "site"
    _page(site, "en/a.html", "<div><p>不该 outside</p></div>")
    _page(site, "zh/c.html", "<div data-pagefind-body><p>科技 word</p></div>")
    one = tmp_path / "one"
    searchindex._run(site, one, site)
    pagefind_index(site, shard_bytes=1)
    single, merged = decode_index(one)["zh"], decode_index(site / "pagefind")["zh"]
    assert merged["pages"] == single["pages"]
    assert "outside" not in merged["words"]


def test_shards_copied_where_hard_links_fail_give_the_same_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Held: on a filesystem without hard links the pages are copied; the index is the same."""
    site = tmp_path / "site"
    for i in range(4):
        _page(
            site,
            f"{'zh' if i % 2 else 'en'}/p{i}.html",
            f"<div data-pagefind-body><p>科技{i} café naïve w{i}</p></div>",
        )
    one = tmp_path / "one"
    searchindex._run(site, one, site)

    def no_link(*_: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(searchindex.os, "link", no_link)
    assert pagefind_index(site, shard_bytes=1) == 4
    assert decode_index(one)["zh"]["words"].keys() == decode_index(site / "pagefind")["zh"]["words"].keys()
    assert sorted(p.name for p in site.iterdir()) == ["en", "pagefind", "zh"]


# ------------------------------------------------------------------ the translation cache


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


def _entries(cfg: Config) -> list[Path]:
    return sorted((cfg.tm.parent / "cache" / "translated").rglob("*.json"))  # type: ignore[union-attr]


def _forge_heads(cfg: Config, change: Callable[[dict[str, Any]], None]) -> None:
    for path in _entries(cfg):
        head, body = path.read_bytes().split(b"\n", 1)
        entry = json.loads(head)
        change(entry)
        path.write_bytes(json.dumps(entry, ensure_ascii=False).encode() + b"\n" + body)


def _fresh(cfg: Config, tmp_path: Path, name: str) -> dict[str, bytes]:
    memory = tmp_path / f"{name}.sqlite"
    shutil.copy(cfg.tm, memory)  # type: ignore[arg-type]
    docs_dir = tmp_path / name
    build_docs(replace(cfg, use_cache=False, docs_dir=docs_dir, tm=memory), Collected())
    return tree(docs_dir)


@pytest.mark.parametrize(
    "field, value",
    [(4, []), (4, ""), (1, []), (1, [["machine", 1]])],
    ids=["engine-empty", "engine-empty-text", "no-states", "one-state"],
)
def test_a_hostile_profile_counts_as_absent(project: Config, field: int, value: object) -> None:
    """A profile of the right types but the wrong shape (no engine, states missing) is taken:
    ``Profile.from_list`` raises ``IndexError`` (not caught by ``get``) on an empty engine,
    and accepts a profile without the states (``batch`` then fails on
    ``dict(profile.states)["fuzzy"]``, the listings on theirs). It must count as absent."""
    first = build_docs(project, Collected()).translation

    def change(entry: dict[str, Any]) -> None:
        entry["profile"][field] = value

    _forge_heads(project, change)
    again = build_docs(project, Collected()).translation
    assert again.stats.cached == 0 and again.docs == first.docs


def _rows(cfg: Config) -> tuple[list[str], list[str]]:
    lines = (cfg.glossary / "terms.tsv").read_text(encoding="utf-8").splitlines()
    rows = [x for x in lines if not (x.startswith("#") or not x.strip())]
    return [x for x in lines if x.startswith("#") or not x.strip()] + rows[:1], rows[1:]


def _write_rows(cfg: Config, head: list[str], rows: list[str]) -> None:
    (cfg.glossary / "terms.tsv").write_text("\n".join(head + rows) + "\n", encoding="utf-8")


def _texts(cfg: Config) -> list[str]:
    docs = read_documents([cfg.input], Collected(), until="segment")
    return ["\n".join(s.zh for s in d.segments) for d in docs]


@pytest.mark.parametrize("edit", ["reverse", "delete-held", "variant-held", "variant-swap"])
def test_a_glossary_edit_leaves_no_stale_document(project: Config, tmp_path: Path, edit: str) -> None:
    """After any glossary edit a build with the cache makes the docs tree a build without it
    makes (the entries' stored forms are valid only while the glossary's forms are)."""
    build_docs(project, Collected())
    head, rows = _rows(project)
    texts = "\n".join(_texts(project))
    held = [i for i, r in enumerate(rows) if r.split("\t")[0] in texts]
    if edit == "reverse":
        rows = rows[::-1]
    elif edit == "delete-held":
        del rows[held[len(held) // 2]]
    elif edit == "variant-held":
        # A variant (a Chinese form found in the text) added to a term the text does not hold.
        target = next(i for i, r in enumerate(rows) if r.split("\t")[0] not in texts)
        cols = rows[target].split("\t") + [""] * 7
        form = next(
            t[k : k + 3]
            for t in [texts]
            for k in range(len(t))
            if "\u4e00" <= t[k] <= "\u9fff"
            and all("\u4e00" <= c <= "\u9fff" for c in t[k : k + 3])
            and t[k : k + 3] not in {r.split("\t")[0] for r in rows}
        )
        cols[4] = "|".join(x for x in (cols[4], form) if x)
        rows[target] = "\t".join(cols[:7]).rstrip("\t")
    else:
        # Two held terms swap their English: the same forms, in the same order.
        a, b = (rows[held[0]].split("\t"), rows[held[1]].split("\t"))
        a[1], b[1] = b[1], a[1]
        rows[held[0]], rows[held[1]] = "\t".join(a), "\t".join(b)
    _write_rows(project, head, rows)
    build_docs(project, Collected())
    assert tree(project.docs_dir) == _fresh(project, tmp_path, "fresh")


def test_a_cached_documents_repr_is_the_plain_documents(project: Config) -> None:
    """``repr`` of a CachedDocument says ``CachedDocument(...)`` where the plain document
    says ``Document(...)``: it is claimed to behave as the plain document everywhere."""
    first = build_docs(project, Collected()).translation
    again = build_docs(project, Collected()).translation
    assert repr(again.docs[0]) == repr(first.docs[0])
    assert str(again.docs[0]) == str(first.docs[0])


def test_pages_cache_deleted_with_the_translation_cache_kept(project: Config, tmp_path: Path) -> None:
    """Pages rendered again (in a process pool) from lazily loaded cached documents are the
    pages a build without the cache makes."""
    build_docs(project, Collected())
    shutil.rmtree(project.tm.parent / "cache" / "pages")  # type: ignore[union-attr]
    again = build_docs(project, Collected(), jobs=2).translation
    assert again.stats.cached == 3
    assert tree(project.docs_dir) == _fresh(project, tmp_path, "fresh")
