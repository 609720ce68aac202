"""Benchmark: the published site at 100, 1,000, 10,000 documents.

The seeds go through the real pipeline once (clean → normalise → segment → gloss, the
project glossary); N documents are then made from them — each a new mix of the seeds'
paragraphs, with its own title, date (2015–2024), source, region and script, and numbers
changed so that texts differ — and published as ``toolkit build`` publishes them: the docs
tree, MkDocs (Material), then Pagefind. Run by hand:

    .venv/bin/python benchmarks/site_scale.py [--docs 100 1000] [--work /tmp/site-scale] [--no-browser]
        [--no-search] [--profile FILE] [--search-only SITE...]

Reports per N: pages, site bytes, bytes per HTML page (median, largest; a document page of the
same text must weigh the same at any N), the search index's bytes, the bytes a browser fetches
for a search (Chromium through Playwright, a fresh browser context per query, every response
under ``pagefind/``), and the time and peak memory of each step. Results go in README's Benchmarks section.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import resource
import shutil
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

import toolkit.site as site_module
from toolkit.batch import Collected, translate_documents
from toolkit.config import Config
from toolkit.document import Block, Document, Meta
from toolkit.glossary import Glossary
from toolkit.publish import SiteInfo, nav, write_docs
from toolkit.site import build_site, site_config

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["上海市科学技术委员会", "天津市科学技术局", "深圳市科技创新委员会", "科学技术部", "北京市科学技术委员会"]
REGIONS = [("mainland", "simplified"), ("taiwan", "traditional"), ("hongkong", "traditional")]
QUERIES = ["科创中心", "人工智能", "知识产权质押融资", "科技创新", "dual-wheel drive", "supercomputer", "science"]
"""Rare and common words, Chinese and English: a common word's posting list is the largest
part of what a search fetches."""


def seed_documents() -> tuple[list[Document], Glossary]:
    cfg = Config(input=ROOT / "seeds", glossary=ROOT / "glossary", backend="gloss", tm=None)
    done = translate_documents([ROOT / "seeds"], Collected(), cfg, ROOT / "glossary", None, 1)
    return list(done.docs), done.glossary


def _vary(text: str, i: int) -> str:
    return re.sub(r"\d+", lambda m: str((int(m.group()) * 7 + i) % 10_000), text)


def make_corpus(seeds: list[Document], n: int) -> list[Document]:
    """``n`` documents, each a different mix of the seeds' paragraphs (reproducible)."""
    rng = random.Random(14)
    docs = []
    for i in range(n):
        a, b = seeds[i % len(seeds)], seeds[(i * 3 + 1) % len(seeds)]
        head, body = a.blocks[0], [*a.blocks[1:], *b.blocks[1:]]
        picked = sorted(rng.sample(range(len(body)), k=max(1, len(body) // 3)))
        blocks = [head, *(body[k] for k in picked)]
        out = []
        for k, block in enumerate(blocks):
            segs = tuple(
                replace(s, id=f"p{k}s{j}", zh=_vary(s.zh, i), en=_vary(s.en, i)) for j, s in enumerate(block.segments)
            )
            text = _vary(block.text, i) + (f"（第{i}号）" if k == 0 else "")
            if k == 0 and segs:
                segs = (replace(segs[0], zh=segs[0].zh + f"（第{i}号）", en=segs[0].en + f" (No. {i})"), *segs[1:])
            out.append(Block(kind=block.kind, text=text, level=block.level, segments=segs))
        region, script = REGIONS[i % 7 % 3]
        year = 2015 + i % 10
        meta = Meta(
            slug=f"doc-{i:05d}",
            origin=f"doc-{i:05d}.txt",
            title=out[0].text,
            date=f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            source=SOURCES[i % len(SOURCES)],
            script=script,
            region=region,
            encoding="utf-8",
        )
        docs.append(Document(meta=meta, blocks=tuple(out)))
    return docs


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


@contextmanager
def serving(site: Path) -> Iterator[str]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


KINDS = ("meta", "index", "fragment", "code")


def _kind(url: str) -> str:
    for kind in KINDS[:3]:
        if url.endswith(f".pf_{kind}"):
            return kind
    return "code"


def search_bytes(site: Path) -> dict[str, dict[str, int]]:
    """Per query: bytes fetched under pagefind/ and results shown, in a fresh browser context."""
    from playwright.sync_api import sync_playwright

    done = "() => { const s = document.querySelector('.tk-search-status'); return !!s && !!s.textContent && !/Searching/.test(s.textContent) }"  # noqa: E501
    out: dict[str, dict[str, int]] = {}
    with serving(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
        for query in QUERIES:
            context = browser.new_context()
            page = context.new_page()
            sizes: list[tuple[str, int]] = []
            page.on("requestfinished", lambda r, sizes=sizes: sizes.append((r.url, r.sizes()["responseBodySize"])))
            page.goto(f"{base}/search.html?q={quote(query)}")
            page.wait_for_function(done, timeout=120_000)
            page.wait_for_load_state("networkidle")
            fetched = [(u, s) for u, s in sizes if "/pagefind/" in u]
            out[query] = {
                "bytes": sum(s for _, s in fetched),
                "requests": len(fetched),
                "results": page.locator(".tk-result-title").count(),
                # what the bytes are: Pagefind's metadata (a line per page), the chunks of the
                # query's words, the shown results' fragments, and the script and WebAssembly
                **{f"{kind}_bytes": sum(s for u, s in fetched if _kind(u) == kind) for kind in KINDS},
            }
            context.close()
        browser.close()
    return out


def _peak_mb(who: int = resource.RUSAGE_SELF) -> int:
    """Peak resident memory so far, MB: this process's, or its largest finished child's."""
    return resource.getrusage(who).ru_maxrss // 1024


def run(
    n: int, seeds: list[Document], glossary: Glossary, work: Path, browser: bool, search: bool = True
) -> dict[str, Any]:
    shutil.rmtree(work, ignore_errors=True)
    docs_dir, site_dir = work / "docs", work / "site"
    t0 = time.perf_counter()
    corpus = make_corpus(seeds, n)
    write_docs(corpus, glossary, docs_dir, SiteInfo())
    t1 = time.perf_counter()
    rss_docs = _peak_mb()
    cfg = site_config({}, docs_dir, site_dir, nav(corpus), "Scale")
    timed: dict[str, float] = {"pagefind": 0.0, "shards": 0}
    index = site_module.pagefind_index

    def pagefind_timed(site: Path, quiet: bool = False) -> int:
        timed["rss_mkdocs"] = _peak_mb()
        if not search:
            return 0
        start = time.perf_counter()
        timed["shards"] = index(site, quiet)
        timed["pagefind"] = time.perf_counter() - start

    site_module.pagefind_index = pagefind_timed
    try:
        build_site(cfg, strict=True, quiet=True)
    finally:
        site_module.pagefind_index = index
    t2 = time.perf_counter()
    pagefind = site_dir / "pagefind"
    html = [p for p in site_dir.rglob("*.html") if pagefind not in p.parents]
    sizes = sorted(p.stat().st_size for p in html)
    doc_page = site_dir / "zh" / "doc-00000.html"
    result: dict[str, Any] = {
        "documents": n,
        "html_pages": len(html),
        "site_bytes": _size(site_dir),
        "html_bytes": sum(sizes),
        "median_page_bytes": int(statistics.median(sizes)),
        "largest_page_bytes": sizes[-1],
        "doc_page_bytes": doc_page.stat().st_size,
        "index_page_bytes": (site_dir / "index.html").stat().st_size,
        "documents_json_bytes": (site_dir / "documents.json").stat().st_size,
        "pagefind_bytes": _size(pagefind) if search else 0,
        "pagefind_runs": timed["shards"],
        "seconds_docs": round(t1 - t0, 1),
        "seconds_mkdocs": round(t2 - t1 - timed["pagefind"], 1),
        "seconds_pagefind": round(timed["pagefind"], 1),
        # Peaks (MB): this process after the docs tree and after MkDocs (a running maximum, so
        # MkDocs' own is at most the second), and Pagefind's process.
        "peak_rss_mb_docs": rss_docs,
        "peak_rss_mb_mkdocs": timed["rss_mkdocs"],
        "peak_rss_mb_pagefind": _peak_mb(resource.RUSAGE_CHILDREN) if search else 0,
    }
    if browser and search and Path("/usr/bin/chromium").exists():
        result["search"] = search_bytes(site_dir)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/site-scale"))
    parser.add_argument("--no-browser", action="store_true", help="skip the search measurement")
    parser.add_argument("--no-search", action="store_true", help="skip Pagefind (and the search measurement)")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the docs and MkDocs steps here")
    parser.add_argument("--search-only", type=Path, nargs="+", help="only measure search on these built sites")
    args = parser.parse_args()
    if args.search_only:
        for site in args.search_only:
            print(json.dumps({"site": str(site), "search": search_bytes(site)}, ensure_ascii=False), flush=True)
        return
    seeds, glossary = seed_documents()
    for n in args.docs:
        work = args.work / str(n)
        if args.profile:
            import cProfile

            with cProfile.Profile() as prof:
                result = run(n, seeds, glossary, work, False, search=False)
            prof.dump_stats(args.profile)
        else:
            result = run(n, seeds, glossary, work, not args.no_browser, search=not args.no_search)
        print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
