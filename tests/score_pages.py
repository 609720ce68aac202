"""Score the cleaner on a folder of pages with hand-written gold, beside other extractors.

``python -m tests.score_pages DIR [--only toolkit,trafilatura,gne]``

Each page ``NAME.{html,htm,txt}`` in DIR has a sidecar ``NAME.expect.yaml`` (the format of
``tests/pages/``: ``title``, ``date``, and for HTML ``body``, the gold main text as lines;
for text dumps every non-blank line that is not ``boilerplate`` or ``title_lines``).

Body scores are character-level: the gold and the extracted text as multisets of their
non-space characters; precision = shared / extracted, recall = shared / gold, F1 their
harmonic mean. Titles count when equal after removing whitespace; dates when the ISO date
(YYYY-MM-DD) is equal, over the pages whose gold has one. Printed per page, then the mean
over pages and the sum (every page's characters pooled).

Comparisons, run only where installed (a benchmark environment, not the product's):
trafilatura's ``bare_extraction`` and GeneralNewsExtractor (``pip install gne``), on HTML
pages only. The toolkit runs as a user runs it: ``read_source`` then ``clean``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_WS = re.compile(r"\s+")
_DATE = re.compile(r"(\d{4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})")
_SUFFIXES = {".html", ".htm", ".txt"}


@dataclass(frozen=True)
class Extracted:
    body: str
    title: str
    date: str


@dataclass(frozen=True)
class Result:
    page: str
    shared: int
    extracted: int
    gold: int
    title_ok: bool
    date_ok: bool | None

    @property
    def precision(self) -> float:
        return self.shared / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.shared / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _chars(text: str) -> Counter[str]:
    return Counter(_WS.sub("", text))


def _iso(text: str) -> str:
    m = _DATE.search(text or "")
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else ""


def gold(page: Path) -> Extracted:
    exp: dict[str, Any] = yaml.safe_load(page.with_name(page.stem + ".expect.yaml").read_text(encoding="utf-8"))
    if exp.get("body"):
        body = "\n".join(exp["body"])
    else:
        text = page.read_bytes().decode(exp["encoding"]).lstrip("\ufeff")
        dropped = {_WS.sub("", line) for line in (exp.get("boilerplate") or []) + (exp.get("title_lines") or [])}
        body = "\n".join(ln for ln in text.splitlines() if ln.strip() and _WS.sub("", ln) not in dropped)
    return Extracted(body, str(exp.get("title") or ""), _iso(str(exp.get("date") or "")))


def toolkit(page: Path) -> Extracted | None:
    from toolkit.clean import clean
    from toolkit.files import read_source

    doc = clean(read_source(page))
    body = "\n".join(b.text for b in doc.blocks if not (b.kind == "heading" and b.level == 1))
    return Extracted(body, doc.meta.title, doc.meta.date)


def trafilatura(page: Path) -> Extracted | None:
    if page.suffix.lower() == ".txt":
        return None
    import trafilatura as t

    from toolkit.files import read_source

    html = page.read_bytes().decode(read_source(page).meta.encoding, errors="replace")
    result = t.bare_extraction(html, with_metadata=True, include_tables=True, deduplicate=False)
    if result is None or isinstance(result, dict):
        return Extracted("", "", "")
    return Extracted(result.text or "", result.title or "", _iso(str(result.date or "")))


def gne(page: Path) -> Extracted | None:
    if page.suffix.lower() == ".txt":
        return None
    from gne import GeneralNewsExtractor

    from toolkit.files import read_source

    html = page.read_bytes().decode(read_source(page).meta.encoding, errors="replace")
    result = GeneralNewsExtractor().extract(html)
    return Extracted(result.get("content", ""), result.get("title", ""), _iso(result.get("publish_time", "")))


EXTRACTORS: dict[str, Callable[[Path], Extracted | None]] = {
    "toolkit": toolkit,
    "trafilatura": trafilatura,
    "gne": gne,
}


def pages_in(folder: Path) -> list[Path]:
    """The pages of ``folder`` that have a sidecar (a report such as ``AFTER.txt`` has none)."""
    return sorted(
        p for p in folder.iterdir() if p.suffix.lower() in _SUFFIXES and p.with_name(p.stem + ".expect.yaml").is_file()
    )


def score(page: Path, extract: Callable[[Path], Extracted | None]) -> Result | None:
    want = gold(page)
    try:
        got = extract(page)
    except ImportError:
        raise
    except Exception:  # an extractor that fails on a page scores zero there
        got = Extracted("", "", "")
    if got is None:
        return None
    g, e = _chars(want.body), _chars(got.body)
    title_ok = _WS.sub("", got.title) == _WS.sub("", want.title)
    date_ok = (got.date == want.date) if want.date else None
    return Result(page.name, sum((g & e).values()), sum(e.values()), sum(g.values()), title_ok, date_ok)


def report(folder: Path, names: list[str]) -> None:
    pages = pages_in(folder)
    for name in names:
        try:
            results = [r for p in pages if (r := score(p, EXTRACTORS[name])) is not None]
        except ImportError as exc:
            print(f"\n{name}: not installed ({exc}); skipped")
            continue
        print(f"\n{name}: {len(results)} pages")
        print(f"{'page':44} {'P':>6} {'R':>6} {'F1':>6}  title date")
        for r in results:
            date = "—" if r.date_ok is None else ("ok" if r.date_ok else "no")
            title = "ok" if r.title_ok else "no"
            print(f"{r.page[:44]:44} {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f}  {title:5} {date}")
        if not results:
            continue
        n = len(results)
        pooled = Result("", *(sum(getattr(r, f) for r in results) for f in ("shared", "extracted", "gold")), True, None)
        dated = [r for r in results if r.date_ok is not None]
        print(
            f"mean   P {sum(r.precision for r in results) / n:.3f}  R {sum(r.recall for r in results) / n:.3f}  "
            f"F1 {sum(r.f1 for r in results) / n:.3f}  pages F1 >= 0.9: {sum(r.f1 >= 0.9 for r in results)}/{n}  "
            f"lowest F1 {min(r.f1 for r in results):.3f}"
        )
        print(f"summed P {pooled.precision:.3f}  R {pooled.recall:.3f}  F1 {pooled.f1:.3f}")
        print(
            f"titles {sum(r.title_ok for r in results)}/{n}  dates {sum(bool(r.date_ok) for r in dated)}/{len(dated)}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.score_pages", description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--only", default=",".join(EXTRACTORS), help="extractors, comma-separated")
    args = parser.parse_args(argv)
    names = [n for n in args.only.split(",") if n]
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        parser.error(f"unknown extractor(s) {', '.join(unknown)}: use {', '.join(EXTRACTORS)}")
    report(args.folder, names)


if __name__ == "__main__":
    main(sys.argv[1:])
