"""Red-team tests (round 3): the sharded search index and the lazy translation cache.

Each test states a claim of the project that it found broken."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from toolkit import searchindex
from toolkit.errors import BuildError
from toolkit.searchindex import decode_index, pagefind_index


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
    one; a shard in which no page has one is indexed whole (navigation and all), so the
    merged index holds pages and words one run would not."""
    site = tmp_path / "site"
    _page(site, "en/a.html", "<div><p>不该 outside</p></div>")
    _page(site, "zh/c.html", "<div data-pagefind-body><p>科技 word</p></div>")
    one = tmp_path / "one"
    searchindex._run(site, one, site)
    pagefind_index(site, shard_bytes=1)
    single, merged = decode_index(one)["zh"], decode_index(site / "pagefind")["zh"]
    assert merged["pages"] == single["pages"]
    assert "outside" not in merged["words"]


# ------------------------------------------------------------------ the translation cache

import json  # noqa: E402
import shutil  # noqa: E402
from dataclasses import replace  # noqa: E402

from toolkit.batch import Collected, build_docs, read_documents  # noqa: E402
from toolkit.config import Config  # noqa: E402

from .conftest import GLOSSARY, SEED_FILES, tree  # noqa: E402


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
