"""Red-team tests (round 3): the sharded search index and the lazy translation cache.

Each test states a claim of the project that it found broken."""

from __future__ import annotations

from pathlib import Path

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
