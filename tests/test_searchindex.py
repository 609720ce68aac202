"""The search index in shards: Pagefind run on parts of the site and merged into one index
must be the index one Pagefind run writes (same pages, words, locations, filters, meta fields,
chunk bounds), with every word in the chunk the browser looks it up in."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from toolkit import searchindex
from toolkit.errors import BuildError
from toolkit.searchindex import decode_index, pagefind_index, read_pf

WORDS = ["科技创新", "人工智能", "知识产权", "长三角", "一网通办", "café", "cafe", "naïve", "science", "drive"]


def page(i: int) -> str:
    """A page with a body of its own: words, a filter on some pages, a meta field (``source``)
    only on the last pages (so the shards' meta fields differ), diacritics (word variants)."""
    words = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(3 + i % 7))
    filt = f'<span data-pagefind-filter="region">{"taiwan" if i % 3 else "mainland"}</span>' if i % 2 else ""
    meta = f'<span data-pagefind-meta="source">来源{i} café</span>' if i >= 9 else ""
    body = f"<h1>标题{i} 科技创新</h1><p>{words}。</p><p>{'段落' * (i % 4)} 第{i}页 drive</p>"
    return (
        f'<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><title>页{i}</title></head>'
        f"<body><nav>导航 menu</nav><div data-pagefind-body>{body}{filt}{meta}</div></body></html>"
    )


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Small chunks, so chunk bounds are tested many times over (Pagefind reads the same variable).
    monkeypatch.setenv(searchindex.CHUNK_SIZE, "12")
    root = tmp_path / "site"
    for i in range(12):
        folder = root / ("zh" if i % 2 else "en")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"doc-{i:02d}.html").write_text(page(i), encoding="utf-8")
    # Not read: outside the document folders.
    (root / "index.html").write_text(page(99).replace("标题99", "不应索引"), encoding="utf-8")
    return root


def test_merged_index_is_the_index_of_one_run(site: Path, tmp_path: Path) -> None:
    one = tmp_path / "one"
    searchindex._run(site, one, site)
    seen: list[tuple[str, int, str]] = []

    def progress(items: Iterable[Any], label: str, total: int, unit: str) -> Iterable[Any]:
        seen.append((label, total, unit))
        return items

    shards = pagefind_index(site, shard_bytes=900, progress=progress)
    assert shards >= 6 and seen == [("indexing search", shards, "shards")]
    single, merged = decode_index(one), decode_index(site / "pagefind")
    assert set(single) == set(merged) == {"zh"}
    a, b = single["zh"], merged["zh"]
    assert len(a["pages"]) == 12 and a["pages"] == b["pages"]
    assert without_chunks(a["words"]) == without_chunks(b["words"])
    assert a["filters"] == b["filters"] and a["filters"]["region"]["taiwan"]
    assert [c[:2] for c in a["chunks"]] == [c[:2] for c in b["chunks"]] and len(a["chunks"]) > 5
    # Variants (diacritics) and meta fields took part.
    assert any(w["variants"] for w in b["words"].values())
    assert any(metas for w in b["words"].values() for _, metas in w["pages"].values())
    assert "不应索引" not in b["words"]
    # The browser's rule (pagefind_web's chunk lookup) finds every word's chunk.
    for word in b["words"]:
        assert b["words"][word]["chunk"] in looked_up(word, b["chunks"]), word
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["zh"]["page_count"] == 12
    assert (site / "pagefind" / "pagefind.js").is_file() and (site / "pagefind" / "wasm.unknown.pagefind").is_file()
    # Nothing of the shards is left, in the site or next to it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one", "site"]
    assert sorted(p.name for p in site.iterdir()) == ["en", "index.html", "pagefind", "zh"]


def without_chunks(words: dict[str, dict[str, object]]) -> dict[str, object]:
    return {w: {k: v for k, v in found.items() if k != "chunk"} for w, found in words.items()}


def looked_up(term: str, chunks: list[list[str]]) -> list[str]:
    """The chunks a browser fetches for ``term``: those whose bounds hold it, or failing
    that, those whose bounds hold it when cut to its length (as ``pagefind_web`` does)."""
    strict = [c[2] for c in chunks if c[0] <= term <= c[1]]
    if strict:
        return strict
    loose = []
    for start, end, name in chunks:
        a, b = min(len(term), len(start)), min(len(term), len(end))
        if term[:a] >= start[:a] and term[:b] <= end[:b]:
            loose.append(name)
    return loose


def test_a_site_of_one_shard_is_one_plain_run(site: Path, tmp_path: Path) -> None:
    assert pagefind_index(site) == 1
    one = tmp_path / "one"
    searchindex._run(site, one, site)
    assert decode_index(one) == decode_index(site / "pagefind")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one", "site"]


def test_colliding_short_names_get_longer() -> None:
    """Two contents whose hashes share the first 7 hex digits get different names, as
    Pagefind does (found by search: about 1 in 2**28 pairs)."""
    seen: dict[str, bytes] = {}
    for i in range(400_000):
        payload = b"%d" % i
        short = searchindex.full_hash(payload)[:7]
        if short in seen:
            first, second = seen[short], payload
            break
        seen[short] = payload
    else:  # pragma: no cover
        pytest.fail("no collision found")
    names = searchindex._Names("zh")
    one, new_one = names.name(first)
    two, new_two = names.name(second)
    assert new_one and new_two and one != two and len(two) > len(one) == 10
    assert names.name(first) == (one, False)


def test_a_failed_pagefind_run_is_an_error_naming_the_site(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: out of memory' >&2\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(searchindex, "pagefind_executable", lambda: fake)
    with pytest.raises(BuildError) as info:
        pagefind_index(site, shard_bytes=900)
    assert "out of memory" in str(info.value) and info.value.path == site
    assert not (site / "pagefind").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pagefind", "site"]
    assert sorted(p.name for p in site.iterdir()) == ["en", "index.html", "zh"]


def test_pf_files_without_pagefinds_header_are_refused(tmp_path: Path) -> None:
    import gzip

    bad = tmp_path / "x.pf_meta"
    bad.write_bytes(gzip.compress(b"not pagefind"))
    with pytest.raises(BuildError, match="pagefind_dcd"):
        read_pf(bad)


def test_another_major_version_is_refused(site: Path, tmp_path: Path) -> None:
    outs = []
    for n, name in enumerate(("en/doc-00.html", "zh/doc-01.html")):
        root = tmp_path / f"in{n}"
        (root / name).parent.mkdir(parents=True)
        os.link(site / name, root / name)
        searchindex._run(root, tmp_path / f"out{n}", site)
        outs.append(tmp_path / f"out{n}")
    entry = outs[1] / "pagefind-entry.json"
    entry.write_text(entry.read_text().replace('"version":"1.', '"version":"2.'))
    with pytest.raises(BuildError, match=r"1\.x"):
        searchindex.merge(outs, tmp_path / "merged")
