"""Benchmark: importing (and exporting) a large TMX into the translation memory.

Generates a TMX 1.4b of N translation units (default 100,000: distinct Chinese sources made
from the seeds' sentences, English targets, reviewers, times, x-state props) through the
toolkit's own writer (translate-toolkit's ``tmx`` storage), then times ``toolkit tm import``'s
library path — parse, check every unit, store all in one transaction — into a fresh memory,
and ``tm export`` of the result. Run by hand:

    .venv/bin/python benchmarks/tmx_import.py [--units 100000]

Prints the file size and the seconds for each step.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from toolkit.exchange.tmx import export_tmx, import_tmx, read_tmx, tmx_bytes
from toolkit.tm import Review, TranslationMemory

ROOT = Path(__file__).resolve().parent.parent


def sentences() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    return [s for s in re.split(r"(?<=[。！？；])|\n", text) if len(s.strip()) > 4]


def reviews(n: int) -> list[Review]:
    base = sentences()
    out = []
    for i in range(n):
        zh = f"{base[i % len(base)].strip()}（{i}）"
        state = "final" if i % 7 == 0 else "reviewed"
        when = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00+00:00"
        out.append(Review(zh, f"English rendering number {i} of a reviewed segment.", state, f"reviewer{i % 13}", when))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        path = work / "big.tmx"
        t0 = time.perf_counter()
        path.write_bytes(tmx_bytes(reviews(args.units), []))
        t1 = time.perf_counter()
        print(f"generated {args.units} units, {path.stat().st_size / 2**20:.1f} MB in {t1 - t0:.1f} s")
        found = read_tmx(path, 2**31)
        t2 = time.perf_counter()
        with TranslationMemory(work / "tm.sqlite") as memory:
            stored, _ = import_tmx(memory, found)
            t3 = time.perf_counter()
            print(
                f"import: parse + check {t2 - t1:.1f} s, store {t3 - t2:.1f} s,"
                f" total {t3 - t1:.1f} s ({stored} reviews)"
            )
            assert stored == args.units and not found.errors
            export_tmx(memory, work / "out.tmx")
            t4 = time.perf_counter()
        print(f"export: {t4 - t3:.1f} s")


if __name__ == "__main__":
    main()
