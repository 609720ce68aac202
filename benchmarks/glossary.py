"""Benchmark: glossary matching, Aho-Corasick (the toolkit) vs a naive regex alternation.

A 10,000-term glossary (the curated terms plus frequent n-grams of the seeds) over a
corpus of at least 20 MB (the normalised seeds, repeated with variations). Run by hand:

    .venv/bin/python benchmarks/glossary.py [--mb 20] [--terms 10000]

Prints MB/s for each and the number of matches each finds (they differ a little: the
regex takes the leftmost alternative, the toolkit the longest match).
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path

from toolkit.glossary import Entry, Glossary, load
from toolkit.normalize import convert_script

ROOT = Path(__file__).resolve().parent.parent


def corpus(mb: float) -> list[str]:
    text = "\n".join(
        convert_script(p.read_text(encoding="utf-8"), "tw2sp") for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    lines = [line for line in text.splitlines() if line.strip()]
    out: list[str] = []
    size, k = 0, 0
    while size < mb * 2**20:
        for line in lines:
            varied = line.replace("。", f"（{k}）。")
            out.append(varied)
            size += len(varied.encode())
        k += 1
    return out


def terms(n: int, lines: list[str]) -> list[Entry]:
    entries = list(load(ROOT / "glossary").entries)
    seen = {e.zh for e in entries}
    grams: Counter[str] = Counter()
    for line in lines[:5000]:
        for run in re.findall(r"[\u4e00-\u9fff]{2,}", line):
            for size in range(2, 7):
                for i in range(len(run) - size + 1):
                    grams[run[i : i + size]] += 1
    for gram, _ in grams.most_common():
        if len(entries) >= n:
            break
        if gram not in seen:
            seen.add(gram)
            entries.append(Entry(zh=gram, en=f"term {len(entries)}"))
    return entries


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--terms", type=int, default=10_000)
    args = ap.parse_args()
    lines = corpus(args.mb)
    mb = sum(len(line.encode()) for line in lines) / 2**20
    entries = terms(args.terms, lines)
    print(f"corpus {mb:.1f} MB in {len(lines)} lines; glossary {len(entries)} terms")

    t = time.perf_counter()
    gl = Glossary(entries)
    gl.match("预热")  # build the automaton
    build_ac = time.perf_counter() - t
    t = time.perf_counter()
    ac_matches = sum(len(gl.match(line)) for line in lines)
    ac = time.perf_counter() - t

    t = time.perf_counter()
    rx = re.compile("|".join(re.escape(e.zh) for e in sorted(entries, key=lambda e: -len(e.zh))))
    build_rx = time.perf_counter() - t
    t = time.perf_counter()
    rx_matches = sum(1 for line in lines for _ in rx.finditer(line))
    regex = time.perf_counter() - t

    print(f"{'way':32} {'build s':>8} {'match s':>8} {'MB/s':>8} {'matches':>10}")
    print(f"{'Aho-Corasick (toolkit)':32} {build_ac:8.2f} {ac:8.1f} {mb / ac:8.2f} {ac_matches:10d}")
    print(f"{'regex alternation (naive)':32} {build_rx:8.2f} {regex:8.1f} {mb / regex:8.2f} {rx_matches:10d}")
    print(f"speed-up: {regex / ac:.1f}x")


if __name__ == "__main__":
    main()
