"""Benchmark: clean + normalise throughput (MB/s) on a corpus made by varying the seeds.

The corpus (at least 20 MB by default) is written to a temporary folder as the pages users
bring: each page is a seed with its paragraphs shuffled and its figures changed, wrapped in
boilerplate from a pool of site styles (navigation, breadcrumbs, metadata lines, share
prompts, footers, link farms), in one of the supported encodings (UTF-8 with or without BOM,
GB18030, Big5 for Traditional text), with LF or CRLF line ends; a share of the pages are HTML.

Timed per page, as ``toolkit clean``/``toolkit normalize`` do it: ``read_source`` (read and
decode; for HTML the parse and trafilatura's extraction), ``clean``, ``normalize``. Run by hand:

    .venv/bin/python benchmarks/clean.py [--mb 20] [--html 0.2] [--seed 0]

Results go in the notes and docs, not in assertions.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.clean import clean  # noqa: E402
from toolkit.files import read_source  # noqa: E402
from toolkit.glossary import Glossary  # noqa: E402
from toolkit.pipeline import Context, run  # noqa: E402

HEADERS = [
    ["网站首页 | 机构概况 | 新闻中心 | 政务公开 | 办事服务 | 互动交流", "当前位置：首页 > 政务公开 > 通知公告"],
    ["首页  科技新闻  通知公告  政策法规  联系我们", "您现在的位置：首页 >> 工作动态"],
    ["您的位置：首页 › 新闻 › 正文"],
    [],
]
META = [
    "来源：{org}　　发布时间：{date}　　浏览次数：{n}",
    "发布日期：{date}  信息来源：{org}  【字体：大 中 小】",
    "时间：{date}　作者：{org}　点击：[ {n} ]",
    "{date} 来源：{org}",
]
FOOTERS = [
    [
        "分享到：微信 微博 QQ空间",
        "【打印本页】【关闭窗口】",
        "主办单位：{org}　版权所有",
        "ICP备05012345号　网站标识码：3100000001",
    ],
    ["上一篇：关于开展科技活动周的通知", "下一篇：没有了", "相关链接：", "科技部", "国家自然科学基金委员会"],
    ["（责任编辑：王敏）", "Copyright © 2021 {org} All Rights Reserved", "0.0312s"],
    ["喜歡這篇文章嗎？立刻分享出去讓更多人知道吧！", "TAG：科技 | 创新 |"],
]
ORGS = ["上海市科学技术委员会", "江苏省科学技术厅", "深圳市科技创新委员会", "市科技局办公室"]


def _seeds() -> list[tuple[str, list[str]]]:
    """(title, body lines) of each seed, as cleaned."""
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc = clean(read_source(path))
        out.append((doc.meta.title, [b.text for b in doc.blocks[1:]]))
    return out


def _page(rng: random.Random, title: str, body: list[str], as_html: bool) -> tuple[str, str]:
    """A page's text and the encoding to write it in."""
    body = list(body)
    head, tail = body[:2], body[2:]
    rng.shuffle(tail)
    body = [re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group())) - 1), line) for line in head + tail]
    org = rng.choice(ORGS)
    date = f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    meta = rng.choice(META).format(org=org, date=date, n=rng.randint(10, 9999))
    footer = [line.format(org=org) for line in rng.choice(FOOTERS)]
    traditional = rng.random() < 0.25
    if traditional:
        cc = opencc.OpenCC("s2tw")
        title, body, meta, footer = cc.convert(title), [cc.convert(b) for b in body], cc.convert(meta), footer
    if as_html:
        nav = "".join(
            f"<li><a href='#'>{html.escape(w)}</a></li>" for w in ["首页", "新闻中心", "政务公开", "办事服务"]
        )
        paras = "\n".join(f"<p>{html.escape(b)}</p>" for b in body)
        foot = "".join(f"<p>{html.escape(f)}</p>" for f in footer)
        text = (
            f"<html><head><meta charset='{{charset}}'><title>{html.escape(title)}_{org}</title></head><body>"
            f"<ul class='nav'>{nav}</ul><div class='crumb'>当前位置：首页 &gt; 通知公告</div>"
            f"<div class='article'><h1>{html.escape(title)}</h1><div class='info'>{html.escape(meta)}</div>"
            f"<div class='content'>\n{paras}\n</div></div><div class='footer'>{foot}</div></body></html>"
        )
    else:
        lines = [*rng.choice(HEADERS), title, meta, "", *[x for b in body for x in (b, "")], *footer]
        text = "\n".join(lines) + "\n"
    encodings = ["utf-8", "big5"] if traditional else ["utf-8", "utf-8-sig", "gb18030"]
    encoding = rng.choice(encodings)
    return text.replace("{charset}", "gbk" if encoding == "gb18030" else encoding), encoding


def make_corpus(folder: Path, mb: float, html_share: float, seed: int) -> list[Path]:
    rng = random.Random(seed)
    bases = _seeds()
    paths: list[Path] = []
    size = 0
    while size < mb * 1_000_000:
        title, body = rng.choice(bases)
        as_html = rng.random() < html_share
        text, encoding = _page(rng, title, body, as_html)
        if not as_html and rng.random() < 0.3:
            text = text.replace("\n", "\r\n")
        data = text.encode(encoding, errors="replace")
        path = folder / f"page{len(paths):05d}.{'html' if as_html else 'txt'}"
        path.write_bytes(data)
        paths.append(path)
        size += len(data)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (10^6 bytes)")
    parser.add_argument("--html", type=float, default=0.2, help="share of HTML pages")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=0, help="also time the whole read in N processes (toolkit's pool)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="toolkit-bench-clean-"))
    try:
        paths = make_corpus(folder, args.mb, args.html, args.seed)
        ctx = Context(glossary=Glossary([]))
        timing = {"text": [0.0, 0.0, 0.0, 0, 0], "html": [0.0, 0.0, 0.0, 0, 0]}  # read, clean, normalise, bytes, n
        for path in paths:
            fmt = "html" if path.suffix == ".html" else "text"
            t0 = time.perf_counter()
            doc = read_source(path)
            t1 = time.perf_counter()
            doc = clean(doc)
            t2 = time.perf_counter()
            run([doc], ctx, until="normalize", skip=("clean",))
            t3 = time.perf_counter()
            row = timing[fmt]
            row[0] += t1 - t0
            row[1] += t2 - t1
            row[2] += t3 - t2
            row[3] += path.stat().st_size
            row[4] += 1
        total_bytes = sum(r[3] for r in timing.values())
        total_time = sum(r[0] + r[1] + r[2] for r in timing.values())
        print(f"corpus: {len(paths)} pages, {total_bytes / 1e6:.1f} MB ({args.html:.0%} HTML) in {folder}")
        for fmt, (read, cl, norm, size, n) in timing.items():
            if not n:
                continue
            secs = read + cl + norm
            print(
                f"{fmt:5} {n:5} pages {size / 1e6:6.1f} MB: read+decode {read:6.2f}s  clean {cl:6.2f}s  "
                f"normalise {norm:6.2f}s  → {size / 1e6 / secs:6.2f} MB/s "
                f"(clean alone {size / 1e6 / max(read + cl, 1e-9):.2f} MB/s)"
            )
        print(
            f"all   clean + normalise: {total_bytes / 1e6 / total_time:.2f} MB/s, {len(paths) / total_time:.0f} pages/s"
        )
        if args.jobs:
            from toolkit.batch import Collected, read_documents

            started = time.perf_counter()
            docs = read_documents([folder], Collected(), until="normalize", jobs=args.jobs)
            wall = time.perf_counter() - started
            print(
                f"pool  {args.jobs} processes, read + clean + normalise, wall: {total_bytes / 1e6 / wall:.2f} MB/s "
                f"({len(docs)} documents in {wall:.1f} s, the pool's start included)"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
