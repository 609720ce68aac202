"""The site for readers in real Chromium: search (Pagefind) for Chinese and English words,
language metadata and the language menu, no request to another host, the index's filters,
keyboard reading of the aligned page, phones (390 px) and file://."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from .test_browser import SLUG, _QuietHandler, browser, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

# Whole Chinese words — glossary terms and words jieba finds — and English words, with the
# pages that contain them (the seeds' documents): a search returns exactly those.
CHINESE = {
    "双轮驱动": ["000", "002"],
    "科创中心": ["000", "001", "002"],
    "国际人类表型组研究院": ["000", "001"],
    "创新驱动发展战略": ["002", "004"],
    "外国人来华工作许可": ["000", "002", "004"],
    "国家高新技术企业": ["002", "004"],
    "知识产权质押融资": ["003"],
    "全球科技创新中心": ["003"],
    "中央经济工作会议": ["004"],
    "人工智能": ["000", "001", "002"],
    "一网通办": ["000", "001"],
    "长三角": ["000", "001"],
}
ENGLISH = {
    "dual-wheel drive": ["000", "002"],
    "Phenome": ["000", "001"],
    "work permit": ["000", "002", "004"],
    "supercomputer": ["002"],
    "intellectual property": ["000", "002", "003"],
    "Shenzhen": ["001", "004"],
}
SEARCH_DONE = (
    "() => { const s = document.querySelector('.tk-search-status');"
    " return !!s && !!s.textContent && !/Searching/.test(s.textContent) }"
)


def search(page: Any, base: str, query: str) -> list[str]:
    page.goto(f"{base}/search.html?q={quote(query)}")
    page.wait_for_function(SEARCH_DONE, timeout=30_000)
    hrefs = page.eval_on_selector_all(".tk-result-title", "els => els.map(e => e.getAttribute('href'))")
    return [str(h) for h in hrefs]


def check_searches(page: Any, base: str) -> None:
    """Every query in CHINESE and ENGLISH returns exactly its pages, each opened with the query,
    snippets of text (no interface labels) with the whole query marked."""
    for queries, view in ((CHINESE, "zh"), (ENGLISH, "en")):
        for query, expected in queries.items():
            hrefs = search(page, base, query)
            got = sorted(re.sub(r"^/([a-z]+)/(\d{3}).*$", r"\1/\2", h) for h in hrefs)
            assert got == sorted(f"{view}/{n}" for n in expected), (query, hrefs)
            # Each result opens its page with the query, which highlights it there.
            assert all(f"q={quote(query)}" in h for h in hrefs), hrefs
            # Snippets are text with the words found marked, never interface labels.
            excerpts = page.locator(".tk-search-results .tk-excerpt").all_inner_texts()
            assert excerpts and not any("双语" in e or "Aligned" in e or "¶" in e for e in excerpts), excerpts
            # The whole query is marked, not the characters (or words) it was cut into.
            marks = page.locator(".tk-search-results mark").all_inner_texts()
            assert marks and {m.lower() for m in marks} == {query.lower()}, (query, marks)


def test_search_finds_whole_chinese_and_english_words(server: str, browser: Any, tmp_path: Path) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    check_searches(page, server)
    page.screenshot(path=str(tmp_path / "search.png"))
    assert errors == []


def test_search_over_an_index_merged_from_shards(built_site: dict[str, Path], browser: Any, tmp_path: Path) -> None:  # noqa: F811
    """A large site is indexed in shards (one Pagefind run each) merged into one index: the
    browser finds the same pages in it, fetching one index as from one run."""
    from toolkit.searchindex import PAGEFIND_DIR, pagefind_index

    site = tmp_path / "site"
    shutil.copytree(built_site["site"], site)
    shutil.rmtree(site / PAGEFIND_DIR)
    assert pagefind_index(site, shard_bytes=60_000) >= 3
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    fetched: list[str] = []
    try:
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: fetched.append(urlsplit(r.url).path))
        check_searches(page, f"http://127.0.0.1:{httpd.server_address[1]}")
        assert errors == []
    finally:
        httpd.shutdown()
        httpd.server_close()
    metas = {p for p in fetched if p.endswith(".pf_meta")}
    assert len(metas) == 1, metas


def test_search_labels_glossed_titles_and_finds_nothing_absent(server: str, browser: Any) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    search(page, server, "dual-wheel drive")
    titles = page.locator(".tk-result-title").all_inner_texts()
    assert titles and all(t.startswith("Gloss ·") for t in titles), titles
    assert search(page, server, "量子引力波望远镜") == []
    assert "没有找到" in page.locator(".tk-search-status").inner_text()


def test_landing_page_highlights_the_whole_query(server: str, browser: Any) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(f"{server}/zh/{SLUG}.html?q={quote('科创中心')}")
    marks = page.locator("article mark.tk-hit").all_inner_texts()
    assert marks and set(marks) == {"科创中心"}, marks
    page.goto(f"{server}/en/{SLUG}.html?q={quote('dual-wheel drive')}")
    marks = page.locator("article mark.tk-hit").all_inner_texts()
    assert marks and {m.lower() for m in marks} == {"dual-wheel drive"}, marks


def test_header_search_box_opens_the_search_page(server: str, browser: Any) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/en/{SLUG}.html")
    box = page.locator(".tk-header-search input")
    box.fill("双轮驱动")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=*")
    page.wait_for_function(SEARCH_DONE, timeout=30_000)
    assert page.locator(".tk-result-title").count() == 2


def test_language_metadata_and_menus(server: str, browser: Any) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    for view, lang in (("zh", "zh-Hans"), ("en", "en"), ("aligned", "zh-Hans")):
        page.goto(f"{server}/{view}/{SLUG}.html")
        assert page.evaluate("document.documentElement.lang") == lang, view
        alternates = page.eval_on_selector_all(
            'head link[rel="alternate"][hreflang]', "els => els.map(e => [e.hreflang, e.href])"
        )
        assert sorted(alternates) == [
            ["en", f"{server}/en/{SLUG}.html"],
            ["zh-Hans", f"{server}/zh/{SLUG}.html"],
        ], view
    # Interface labels in the page's language.
    page.goto(f"{server}/zh/{SLUG}.html")
    assert page.locator(".md-skip").inner_text().strip() == "跳转至"
    assert page.locator(".tk-meta").inner_text().startswith("日期")
    page.goto(f"{server}/en/{SLUG}.html")
    assert page.locator(".md-skip").inner_text().strip() == "Skip to content"
    assert "Date:" in page.locator(".tk-meta").inner_text()
    # Aligned page: each column says its language.
    page.goto(f"{server}/aligned/{SLUG}.html")
    assert page.locator('.tk-pair .tk-zh[lang="zh-Hans"]').count() == page.locator('.tk-pair .tk-en[lang="en"]').count()
    # The glossary's tooltips are in the English column too.
    assert page.locator(".tk-en abbr[title]").count() > 0
    # Pages that are not a document: the menu leads to the index, in the chosen language.
    for path in ("glossary.html", "qa.html", "search.html"):
        page.goto(f"{server}/{path}")
        page.locator(".md-header__option .md-select").hover()
        page.locator('a.md-select__link[hreflang="en"]').click()
        page.wait_for_url("**/index.html?lang=en")
        page.locator("table.tk-docs tbody tr").first.wait_for()
        first = page.locator("table.tk-docs tbody tr td").first.locator("a").first
        assert first.get_attribute("lang") == "en", path


def test_no_request_leaves_the_site(server: str, browser: Any) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc))
    urls = [
        "/index.html",
        f"/zh/{SLUG}.html",
        f"/en/{SLUG}.html",
        f"/aligned/{SLUG}.html",
        "/glossary.html",
        "/qa.html",
    ]
    for url in urls:
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
    search(page, server, "科创中心")
    page.wait_for_load_state("networkidle")
    context.close()
    assert hosts == {urlsplit(server).netloc}, hosts


def test_index_filters_and_sorts_every_document(server: str, browser: Any, tmp_path: Path) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/index.html")
    rows = page.locator("table.tk-docs tbody tr")
    rows.first.wait_for()
    assert rows.count() == 5
    assert page.locator(".tk-doc-table").is_hidden()  # the static page, replaced by the filtered table
    years = page.locator('select[name="year"] option').all_inner_texts()
    year = next(y for y in years if y.isdigit())
    page.select_option('select[name="year"]', year)
    shown = [t.split("\t")[1] for t in rows.all_inner_texts()]
    assert shown and all(d.startswith(year) for d in shown), shown
    assert rows.count() < 5
    page.select_option('select[name="year"]', "")
    page.select_option('select[name="review"]', "reviewed")
    assert rows.count() == 0
    page.select_option('select[name="review"]', "")
    page.fill('input[name="title"]', "2020")
    assert "2020年科技工作报告" in page.locator("table.tk-docs").inner_text()
    page.fill('input[name="title"]', "")
    page.locator('th button[data-key="date"]').click()  # ascending
    dates = [t.split("\t")[1] for t in rows.all_inner_texts()]
    known = [d for d in dates if d != "—"]
    assert known == sorted(known)
    page.screenshot(path=str(tmp_path / "index-filtered.png"), full_page=True)


def test_aligned_page_one_tab_stop_per_paragraph(server: str, browser: Any) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/aligned/{SLUG}.html")
    pairs = page.locator(".tk-pair")
    assert page.locator(".tk-seg").count() > pairs.count()  # more sentences than paragraphs
    stops = page.eval_on_selector_all(".tk-pair", "ps => ps.map(p => p.querySelectorAll('[tabindex=\"0\"]').length)")
    assert set(stops) == {1}
    page.locator('.tk-pair .tk-zh .tk-seg[tabindex="0"]').first.focus()
    first = page.evaluate("document.activeElement.getAttribute('data-seg')")
    page.keyboard.press("Tab")  # the next paragraph, not the next sentence
    second = page.evaluate("document.activeElement.closest('.tk-pair').id")
    assert second == "p2", (first, second)
    # Arrow keys move within the paragraph: down to the next sentence, right to its English.
    long_pair = page.locator(".tk-pair").filter(has=page.locator(".tk-zh .tk-seg:nth-of-type(2)")).first
    long_pair.locator('.tk-zh .tk-seg[tabindex="0"]').focus()
    page.keyboard.press("ArrowDown")
    moved = page.evaluate("[document.activeElement.getAttribute('data-seg'), document.activeElement.tabIndex]")
    page.keyboard.press("ArrowRight")
    en = page.evaluate(
        "[document.activeElement.closest('.tk-en') !== null, document.activeElement.getAttribute('data-seg')]"
    )
    assert en == [True, moved[0]] and moved[1] == 0


@pytest.mark.parametrize(
    "path", ["index.html", f"zh/{SLUG}.html", f"en/{SLUG}.html", f"aligned/{SLUG}.html", "glossary.html", "qa.html"]
)
def test_no_horizontal_overflow_on_a_phone(server: str, browser: Any, path: str, tmp_path: Path) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{server}/{path}")
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, (path, width)
    if path == "index.html":
        page.screenshot(path=str(tmp_path / "index-phone.png"), full_page=True)


def test_site_opens_from_file(built_site: dict[str, Path], browser: Any) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto((built_site["site"] / "index.html").as_uri())
    page.locator(f'article a[href$="en/{SLUG}.html"]').first.click()
    page.wait_for_url(f"**/en/{SLUG}.html")
    assert "dual-wheel drive" in page.locator("article").inner_text()
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="zh-Hans"]').click()
    page.wait_for_url(f"**/zh/{SLUG}.html")
    assert "双轮驱动" in page.locator("article").inner_text()


def test_index_reads_only_the_data_files_a_filter_needs(
    built_site: dict[str, Path],
    browser: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    """documents.json is a manifest of data files (here of two documents each, two rows a page):
    the index fetches the first file only, a year filter the files whose dates reach that year,
    and 'Show more', a title filter or another sort order read further files."""
    import functools
    import json
    import shutil
    import threading
    from http.server import ThreadingHTTPServer

    from toolkit.listings import data_files

    from .test_browser import _QuietHandler

    site = tmp_path / "site"
    shutil.copytree(built_site["site"], site)
    manifest = json.loads((site / "documents.json").read_text(encoding="utf-8"))
    records = [
        d for s in manifest["shards"] for d in json.loads((site / s["file"]).read_text(encoding="utf-8"))["documents"]
    ]
    for old in (site / "documents").glob("data-*.json"):
        old.unlink()
    files = data_files(records, size=2)
    man = json.loads(files["documents.json"])
    man["page"] = 2
    files["documents.json"] = json.dumps(man, ensure_ascii=False)
    for name, text in files.items():
        (site / name).write_text(text, encoding="utf-8")
    assert len(man["shards"]) == 3

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        fetched: list[str] = []
        page.on("requestfinished", lambda r: fetched.append(urlsplit(r.url).path))

        def data_fetched() -> list[str]:
            return sorted({p.rsplit("/", 1)[-1] for p in fetched if "/documents/data-" in p})

        page.goto(f"{base}/index.html")
        rows = page.locator("table.tk-docs tbody tr")
        status = page.locator("#tk-docs .tk-count")
        page.wait_for_function(
            "() => /of 5 documents/.test((document.querySelector('#tk-docs .tk-count') || {}).textContent)"
        )
        assert rows.count() == 2 and status.inner_text().startswith("2+ of 5")
        assert data_fetched() == ["data-1.json"], fetched
        # A year held by the second file only: that file, not the third.
        years = {r["date"][:4] for r in records[2:4]} - {r["date"][:4] for r in records[:2] + records[4:]}
        chosen = max(y for y in years if y.isdigit())
        page.select_option('select[name="year"]', chosen)
        page.wait_for_function("() => !/\\+/.test((document.querySelector('#tk-docs .tk-count') || {}).textContent)")
        shown = [t.split("\t")[1] for t in rows.all_inner_texts()]
        assert shown and all(d.startswith(chosen) for d in shown), shown
        assert data_fetched() == ["data-1.json", "data-2.json"], fetched
        page.select_option('select[name="year"]', "")
        # Show more: the next rows, from the next file.
        page.locator("#tk-docs .tk-more").click()
        page.wait_for_function("() => document.querySelectorAll('table.tk-docs tbody tr').length === 4")
        # A title filter reads on until it has found its rows; every document can be found.
        page.fill('input[name="title"]', "2020")
        page.wait_for_function(
            "() => /2020年科技工作报告/.test((document.querySelector('table.tk-docs') || {}).textContent)"
        )
        page.fill('input[name="title"]', "")
        # Another order needs every file: all five rows, sorted.
        page.locator('th button[data-key="date"]').click()  # ascending
        page.wait_for_function("() => /^5 of 5/.test((document.querySelector('#tk-docs .tk-count') || {}).textContent)")
        dates = [t.split("\t")[1] for t in rows.all_inner_texts()]
        known = [d for d in dates if d != "—"]
        assert known == sorted(known) and data_fetched() == ["data-1.json", "data-2.json", "data-3.json"]
    finally:
        httpd.shutdown()
        httpd.server_close()
