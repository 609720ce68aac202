"""The main job's output: the built MkDocs site (from the session's `toolkit build`)."""

from __future__ import annotations

import gzip
import html
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from toolkit.cli import app
from toolkit.normalize import convert_script, normalize_punctuation

from .conftest import GLOSSARY, SEED_FILES
from .test_clean import DROPPED

SLUGS = [p.stem.replace("_", "-") for p in SEED_FILES]


def page_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def test_every_page_is_built(built_site: dict[str, Path]) -> None:
    site = built_site["site"]
    assert (site / "index.html").is_file() and (site / "glossary.html").is_file()
    for slug in SLUGS:
        for view in ("zh", "en", "aligned"):
            assert (site / view / f"{slug}.html").is_file(), (view, slug)
    index = page_text(site / "index.html")
    assert all(f"{slug}" for slug in SLUGS) and "2020年科技工作报告" in index


def test_build_says_which_backend_and_why(built_site: dict[str, Path]) -> None:
    log = built_site["log"].read_text(encoding="utf-8")
    assert "WARNING: no zh→en Argos model is installed" in log and "NOT a translation" in log


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_no_boilerplate_line_in_any_page(built_site: dict[str, Path], seed: Path) -> None:
    pages = [page_text(p) for p in built_site["site"].rglob("*.html")]
    lines = seed.read_text(encoding="utf-8").splitlines()
    for number, rule in DROPPED[seed.name].items():
        if rule in ("title", "site-name"):  # moved to the page title / source field, not lost
            continue
        line = lines[number - 1].strip()
        forms = {line, normalize_punctuation(convert_script(line, "tw2sp"))}
        for text in pages:
            for form in forms:
                assert form not in text, f"{seed.name}:{number} [{rule}] {line!r} is in a page"


def fragments(site: Path) -> dict[str, dict[str, Any]]:
    """Pagefind's indexed pages: url → fragment (gzip of ``pagefind_dcd`` + JSON)."""
    out = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        doc = json.loads(raw[len(b"pagefind_dcd") :])
        out[doc["url"]] = doc
    return out


def test_search_indexes_each_document_once_per_language_without_labels(built_site: dict[str, Path]) -> None:
    found = fragments(built_site["site"])
    # The Chinese and English page of each document; not the aligned page (it repeats them),
    # nor the index, glossary, QA or search pages.
    assert sorted(found) == sorted(f"/{view}/{slug}.html" for slug in SLUGS for view in ("zh", "en"))
    # Pagefind puts U+200B between the words it found.
    zh = found[f"/zh/{SLUGS[0]}.html"]["content"].replace("\u200b", "")
    en = found[f"/en/{SLUGS[0]}.html"]
    assert "双轮驱动" in zh and "dual-wheel drive" in en["content"].replace("\u200b", "")
    for doc in found.values():  # interface labels and banners are not content
        for label in ("Both · 双语", "中英对照 Aligned", "¶", "Dictionary gloss — not a translation", "Original"):
            assert label not in doc["content"].replace("\u200b", ""), (doc["url"], label)
    assert en["meta"]["title"].startswith("Gloss ·")  # a glossed title is labelled in results


def test_english_of_seed_000(built_site: dict[str, Path]) -> None:
    text = page_text(built_site["site"] / "en" / f"{SLUGS[0]}.html")
    assert "dual-wheel drive" in text
    assert "Dictionary gloss — not a translation" in text and "not a translation" in text
    # Reader text: install commands belong in the CLI and the README, not on the site.
    assert "toolkit models install" not in text


def test_aligned_page_pairs_every_paragraph(built_site: dict[str, Path]) -> None:
    raw = (built_site["site"] / "aligned" / f"{SLUGS[2]}.html").read_text(encoding="utf-8")
    assert (
        raw.count('class="tk-pair"')
        == raw.count('class="tk-zh" lang="zh-Hans"')
        == raw.count('class="tk-en" lang="en"')
    )
    assert raw.count('class="tk-pair"') > 50
    assert "Dictionary gloss" in raw


def test_glossary_page(built_site: dict[str, Path]) -> None:
    text = page_text(built_site["site"] / "glossary.html")
    assert "双轮驱动" in text and "dual-wheel drive" in text


def test_language_switch_points_at_the_counterpart(built_site: dict[str, Path]) -> None:
    raw = (built_site["site"] / "zh" / f"{SLUGS[1]}.html").read_text(encoding="utf-8")
    assert f'href="../en/{SLUGS[1]}.html" hreflang="en"' in raw


def test_hostile_source_is_shown_as_text(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    body = "，".join(["科技创新工作取得显著成效"] * 6) + "。"
    (src / "hostile.txt").write_text(
        "恶意页面测试报告\n\n"
        f"{body}\n\n"
        "<script>alert('x')</script>这一行来自源文件，必须显示为文本而不是执行。\n\n"
        "[点我](javascript:alert(1))链接不能变成链接，{{ config.site_name }} 和 {% raw %} 也不能被解释。\n\n"
        "# 这不是标题\n\n"
        "| 表格 | 不是表格 |\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app,
        [
            "build",
            "--input",
            str(src),
            "--glossary",
            str(GLOSSARY),
            "--docs-dir",
            str(tmp_path / "d"),
            "--site-dir",
            str(tmp_path / "s"),
        ],
    )
    assert result.exit_code == 0, result.output
    for view in ("zh", "aligned"):
        raw = (tmp_path / "s" / view / "hostile.html").read_text(encoding="utf-8")
        assert "<script>alert" not in raw and 'href="javascript' not in raw
        text = page_text(tmp_path / "s" / view / "hostile.html")
        assert "<script>alert('x')</script>" in text
        assert "[点我](javascript:alert(1))" in text or "[点我]（javascript:alert（1））" in text
        assert "{{ config.site_name }}" in text and "# 这不是标题" in text and "| 表格 | 不是表格 |" in text


def test_one_h1_and_no_heading_gaps_on_every_page(built_site: dict[str, Path]) -> None:
    for path in built_site["site"].rglob("*.html"):
        raw = path.read_text(encoding="utf-8")
        article = raw[raw.find("<article") : raw.find("</article>")]
        levels = [int(n) for n in re.findall(r"<h([1-6])\b", article)]
        assert levels and levels[0] == 1 and levels.count(1) == 1, path
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, (path, levels)


def test_language_attributes(built_site: dict[str, Path]) -> None:
    site = built_site["site"]
    zh = (site / "zh" / f"{SLUGS[0]}.html").read_text(encoding="utf-8")
    en = (site / "en" / f"{SLUGS[0]}.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans"' in zh and '<div data-pagefind-body="" lang="zh-Hans">' in zh
    assert '<html lang="en"' in en and '<div data-pagefind-body="" lang="en">' in en
    # hreflang alternates: the same document in each language, not the site root.
    for raw, here in ((zh, "zh"), (en, "en")):
        for view, lang in (("zh", "zh-Hans"), ("en", "en")):
            href = f"{SLUGS[0]}.html" if view == here else f"../{view}/{SLUGS[0]}.html"
            assert f'<link rel="alternate" href="{href}" hreflang="{lang}">' in raw, (here, view)
    assert "跳转至" in zh and "Skip to content" in en  # Material's interface labels per language
    aligned = (site / "aligned" / f"{SLUGS[0]}.html").read_text(encoding="utf-8")
    assert 'class="tk-zh" lang="zh-Hans"' in aligned and 'class="tk-en" lang="en"' in aligned


def test_sitemap_lists_every_page_when_site_url_is_set(tmp_path: Path) -> None:
    from toolkit.config import Config
    from toolkit.site import site_config

    base = {"site_url": "https://example.org/reports/"}
    cfg = site_config(base, tmp_path / "d", tmp_path / "s", [], "T")
    assert cfg["site_url"] == "https://example.org/reports/" and cfg["use_directory_urls"] is False
    assert cfg["theme"]["font"] is False  # no Google Fonts
    assert site_config({}, tmp_path / "d", tmp_path / "s", [], "T", "https://x.org/")["site_url"] == "https://x.org/"
    assert "site_url" in {f for f in Config.__dataclass_fields__}
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("科技报告\n\n" + "科技创新工作取得显著成效。" * 5 + "\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nsite_url: https://example.org/reports/\n", encoding="utf-8")
    args = ["build", "--input", str(src), "--glossary", str(GLOSSARY), "--config", str(tmp_path / "mkdocs.yml")]
    result = CliRunner().invoke(app, [*args, "--docs-dir", str(tmp_path / "d"), "--site-dir", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    sitemap = (tmp_path / "s" / "sitemap.xml").read_text(encoding="utf-8")
    for page in ("index.html", "zh/a.html", "en/a.html", "aligned/a.html", "glossary.html"):
        assert f"<loc>https://example.org/reports/{page}</loc>" in sitemap, page


def test_no_page_lists_every_document(built_site: dict[str, Path]) -> None:
    """The navigation holds the index, search, glossary and QA pages: a document page names no
    other document, so pages keep their size whatever the size of the corpus."""
    site = built_site["site"]
    for slug in SLUGS:
        for view in ("zh", "en", "aligned"):
            raw = (site / view / f"{slug}.html").read_text(encoding="utf-8")
            others = [s for s in SLUGS if s != slug and s in raw]
            assert others == [], (view, slug, others)
    manifest = json.loads((site / "documents.json").read_text(encoding="utf-8"))
    assert manifest["total"] == len(SLUGS) and "documents" not in manifest
    records = [
        d for s in manifest["shards"] for d in json.loads((site / s["file"]).read_text(encoding="utf-8"))["documents"]
    ]
    assert sorted(d["slug"] for d in records) == sorted(SLUGS)


def test_documents_data_is_split_into_files_of_bounded_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """The index's filter data: a manifest and files of DATA_SHARD documents, newest first, each
    with its date range, so a reader fetches the manifest and the files a filter needs."""
    from toolkit import listings
    from toolkit.document import Block, Document, Meta, Segment

    monkeypatch.setattr(listings, "DATA_SHARD", 2)
    docs = [
        Document(
            meta=Meta(slug=f"d{i}", title=f"标题{i}", date=f"20{10 + i}-01-01" if i else "", source=f"S{i % 2}"),
            blocks=(Block(kind="paragraph", text="科技。", segments=(Segment(id="p0s0", zh="科技。", en="S&T."),)),),
        )
        for i in range(5)
    ]
    files = listings.documents_data(docs)
    assert sorted(files) == ["documents.json", *(f"documents/data-{n}.json" for n in (1, 2, 3))]
    manifest = json.loads(files["documents.json"])
    assert manifest["total"] == 5 and manifest["years"] == ["2014", "2013", "2012", "2011"]
    assert manifest["sources"] == ["S0", "S1"]
    assert [(s["newest"], s["oldest"]) for s in manifest["shards"]] == [
        ("2014-01-01", "2013-01-01"),
        ("2012-01-01", "2011-01-01"),
        ("", ""),  # undated last
    ]
    first = json.loads(files["documents/data-1.json"])["documents"]
    assert [d["slug"] for d in first] == ["d4", "d3"]


def test_glossary_is_paginated(monkeypatch: pytest.MonkeyPatch) -> None:
    """A termbase of any size makes pages of GLOSSARY_PAGE_SIZE entries, linked by a pager."""
    from toolkit import listings
    from toolkit.glossary import Entry, Glossary

    monkeypatch.setattr(listings, "GLOSSARY_PAGE_SIZE", 3)
    entries = [Entry(zh=f"术语{i:02d}", en=f"term {i}") for i in range(8)]
    pages = listings.glossary_pages(Glossary(entries))
    assert sorted(pages) == ["glossary.md", "glossary/2.md", "glossary/3.md"]
    assert "术语00" in pages["glossary.md"] and "术语03" not in pages["glossary.md"]
    assert "术语07" in pages["glossary/3.md"] and "[1](../glossary.md)" in pages["glossary/3.md"]
    assert "[Next · 下一页 ›](glossary/2.md)" in pages["glossary.md"]
    assert "8 terms; page 1 of 3" in pages["glossary.md"]


def test_index_pages_are_paginated(monkeypatch: pytest.MonkeyPatch) -> None:
    from toolkit import listings, publish
    from toolkit.document import Block, Document, Meta, Segment

    monkeypatch.setattr(listings, "PAGE_SIZE", 2)
    docs = [
        Document(
            meta=Meta(slug=f"d{i}", title=f"标题{i}", date=f"2020-01-0{i + 1}"),
            blocks=(Block(kind="paragraph", text="科技。", segments=(Segment(id="p0s0", zh="科技。", en="S&T."),)),),
        )
        for i in range(5)
    ]
    pages = listings.index_pages(docs, publish.SiteInfo())
    assert sorted(pages) == ["documents/2.md", "documents/3.md", "index.md"]
    assert "(zh/d4.md)" in pages["index.md"] and "(zh/d0.md)" not in pages["index.md"]  # newest first
    assert "(../zh/d0.md)" in pages["documents/3.md"] and "[1](../index.md)" in pages["documents/3.md"]
    assert "[Next · 下一页 ›](documents/2.md)" in pages["index.md"]


def test_serve_builds_the_site_and_prints_its_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import urllib.request
    from http.server import ThreadingHTTPServer

    fetched: list[bytes] = []

    def once(self: ThreadingHTTPServer, poll_interval: float = 0.5) -> None:
        import threading

        thread = threading.Thread(target=self.handle_request)
        thread.start()
        host, port = self.server_address[:2]
        fetched.append(urllib.request.urlopen(f"http://{host}:{port}/index.html", timeout=10).read())
        thread.join()
        raise KeyboardInterrupt  # Ctrl-C

    monkeypatch.setattr(ThreadingHTTPServer, "serve_forever", once)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("科技报告\n\n" + "科技创新工作取得显著成效。" * 5 + "\n", encoding="utf-8")
    args = ["serve", "--input", str(src), "--glossary", str(GLOSSARY), "--port", "0", "--no-tm"]
    result = CliRunner().invoke(app, [*args, "--docs-dir", str(tmp_path / "d"), "--site-dir", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert re.search(r"serving .*s/ at http://127\.0\.0\.1:\d+/", result.output), result.output
    assert b"tk-docs" in fetched[0] and (tmp_path / "s" / "pagefind" / "pagefind.js").is_file()


def test_qa_pages_are_paginated(monkeypatch: pytest.MonkeyPatch) -> None:
    from toolkit import listings, publish
    from toolkit.document import Block, Document, Meta, Segment

    monkeypatch.setattr(listings, "QA_PAGE_SIZE", 2)
    docs = [
        Document(
            meta=Meta(slug=f"d{i}", title=f"标题{i}", date=f"2020-01-0{i + 1}"),
            blocks=(
                Block(kind="paragraph", text="科技。", segments=(Segment(id="p0s0", zh="科技。", en="科技 (x."),)),
            ),
        )
        for i in range(5)
    ]
    pages = listings.qa_pages(docs)
    assert sorted(pages) == ["qa.md", "qa/2.md", "qa/3.md"]
    assert "{: #d4 }" in pages["qa/3.md"] and "(../aligned/d4.md)" in pages["qa/3.md"]
    assert listings.qa_targets(docs)["d4"] == "qa/3.md"
    index = listings.index_pages(docs, publish.SiteInfo())["index.md"]
    assert "(qa/3.md#d4)" in index and "(qa.md#d0)" in index


def test_pagefind_extended_is_installed_by_the_project() -> None:
    """A fresh `pip install .` has the search indexer that segments Chinese (its wheel ships the
    binary: nothing is downloaded at build time)."""
    import tomllib

    from toolkit.searchindex import pagefind_executable

    from .conftest import ROOT

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.replace(" ", "").startswith("pagefind[extended]") for d in deps), deps
    assert pagefind_executable().name == "pagefind_extended"
