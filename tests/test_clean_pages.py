"""Cleaning pages from sites the seeds never showed: every encoding, text and HTML.

Each page ``tests/pages/NAME.{txt,html,htm}`` (``tests/pages_heldout/`` for the held-out set)
has a sidecar ``NAME.expect.yaml`` with what cleaning it must give:

* ``encoding``, ``format``, ``title``, ``date`` (ISO 8601 or ""), ``source``;
* ``boilerplate``: lines that must not survive;
* text pages: ``title_lines`` (lines that hold the title, dropped and shown once as the
  heading); every other non-blank line of the page is body and must be kept, and the lines
  dropped must be exactly ``boilerplate`` + ``title_lines``;
* HTML pages: ``body``, the body lines that must be kept, in order.

``python -m tests.test_clean_pages [DIR]`` prints recall, boilerplate surviving, titles and
encodings for a set of pages, for the numbers in a report.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from toolkit.clean import PAGE_RULES, RULES, clean
from toolkit.document import Document
from toolkit.files import read_source

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
HELDOUT = HERE / "pages_heldout"
_SUFFIXES = {".txt", ".html", ".htm"}
_WS = re.compile(r"[\s\u3000\u00a0]+")
_MARK = re.compile(r"^[•·●○■□◆◇▪▶►‣\-–]\s*")


def pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*") if p.suffix.lower() in _SUFFIXES)


def expected(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(page.with_name(page.stem + ".expect.yaml").read_text(encoding="utf-8"))
    return data


def _norm(text: str) -> str:
    return _WS.sub("", _MARK.sub("", text.strip(" \u3000\u00a0\t")))


def _source_lines(page: Path, doc: Document) -> list[str]:
    """The page's lines as a text dump, decoded with the encoding the sidecar names."""
    enc = expected(page)["encoding"]
    return page.read_bytes().decode(enc).lstrip("\ufeff").splitlines()


@dataclass
class Score:
    body: int
    kept: int
    boilerplate: int
    survived: list[str]
    lost: list[str]
    title_ok: bool
    encoding_ok: bool
    meta: tuple[str, str, str]


def score(page: Path) -> Score:
    exp = expected(page)
    doc = clean(read_source(page))
    blocks = [b.text for b in doc.blocks if not (b.kind == "heading" and b.level == 1)]
    joined = "".join(_norm(t) for t in blocks)
    normed_blocks = [_norm(t) for t in blocks]
    if exp["format"] == "text":
        skip = Counter(_norm(x) for x in exp["boilerplate"] + exp["title_lines"])
        body = []
        for line in _source_lines(page, doc):
            n = _norm(line)
            if not n:
                continue
            if skip[n] > 0:
                skip[n] -= 1
                continue
            body.append(line)
    else:
        body = list(exp["body"])
    # Body lines must be found in order (rejoined paragraphs are concatenations of lines).
    lost, pos = [], 0
    for line in body:
        at = joined.find(_norm(line), pos)
        if at < 0:
            lost.append(line)
        else:
            pos = at + len(_norm(line))
    if exp["format"] == "text":
        dropped = Counter(_norm(d.text) for d in doc.dropped)
        survived = []
        for line in exp["boilerplate"]:
            n = _norm(line)
            if dropped[n] > 0:
                dropped[n] -= 1
            else:
                survived.append(line)
    else:
        # A boilerplate element survives as a block of its own, or inside a block; not when the
        # body itself says the same words ("南洋理工大学" is a tag and also in the article).
        in_body = "\n".join(_norm(b) for b in body)
        survived = [
            line
            for line in exp["boilerplate"]
            if _norm(line) not in in_body
            and any(_norm(line) == b or (len(_norm(line)) >= 5 and _norm(line) in b) for b in normed_blocks)
        ]
    return Score(
        body=len(body),
        kept=len(body) - len(lost),
        boilerplate=len(exp["boilerplate"]),
        survived=survived,
        lost=lost,
        title_ok=doc.meta.title == exp["title"],
        encoding_ok=doc.meta.encoding == exp["encoding"],
        meta=(doc.meta.title, doc.meta.date, doc.meta.source),
    )


ALL = pages(PAGES) + pages(HELDOUT)


def test_at_least_ten_pages_of_every_kind() -> None:
    found = {(expected(p)["format"], expected(p)["encoding"]) for p in pages(PAGES)}
    assert len(pages(PAGES)) >= 10
    assert {e for _, e in found} >= {"utf-8", "utf-8-sig", "gb18030", "big5"}
    assert {f for f, _ in found} == {"text", "html"}


@pytest.mark.parametrize("page", ALL, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_page(page: Path) -> None:
    exp = expected(page)
    doc = clean(read_source(page))
    assert doc.meta.encoding == exp["encoding"]
    assert doc.meta.format == exp["format"]
    assert (doc.meta.title, doc.meta.date, doc.meta.source) == (exp["title"], exp["date"], exp["source"])
    result = score(page)
    assert result.lost == [], "body lines lost"
    assert result.survived == [], "boilerplate kept"
    if exp["format"] == "text":
        expected_drops = Counter(_norm(x) for x in exp["boilerplate"] + exp["title_lines"])
        assert Counter(_norm(d.text) for d in doc.dropped) == expected_drops


@pytest.mark.parametrize("page", ALL, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_drop_is_explained(page: Path) -> None:
    names = {r.name for r in RULES} | set(PAGE_RULES)
    doc = clean(read_source(page))
    assert doc.dropped and all(d.rule in names for d in doc.dropped)


@pytest.mark.parametrize("page", ALL, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_title_once(page: Path) -> None:
    doc = clean(read_source(page))
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].level == 1
    assert all(b.text != doc.meta.title for b in doc.blocks[1:])


def test_heldout_generalises() -> None:
    """The held-out pages (written after the rules, never tuned on): the issue's bar."""
    scores = [score(p) for p in pages(HELDOUT)]
    assert scores, f"no held-out pages in {HELDOUT}"
    assert sum(s.kept for s in scores) / sum(s.body for s in scores) >= 0.99
    assert sum(len(s.survived) for s in scores) <= 1
    assert all(s.title_ok and s.encoding_ok for s in scores)


def report(folder: Path) -> None:
    scores = [(p, score(p)) for p in pages(folder)]
    for p, s in scores:
        flag = "" if not (s.lost or s.survived or not s.title_ok or not s.encoding_ok) else "  <--"
        print(
            f"{p.name:32} body {s.kept}/{s.body}  boilerplate kept {len(s.survived)}/{s.boilerplate}"
            f"  title {'ok' if s.title_ok else 'WRONG'}  encoding {'ok' if s.encoding_ok else 'WRONG'}{flag}"
        )
        for line in s.lost:
            print(f"    lost: {line}")
        for line in s.survived:
            print(f"    survived: {line}")
        if not s.title_ok:
            print(f"    got: {s.meta}")
    body = sum(s.body for _, s in scores)
    kept = sum(s.kept for _, s in scores)
    survived = sum(len(s.survived) for _, s in scores)
    titles = sum(s.title_ok for _, s in scores)
    encodings = sum(s.encoding_ok for _, s in scores)
    n = len(scores)
    print(
        f"recall {kept}/{body} = {kept / max(body, 1):.4f}; boilerplate surviving {survived}; "
        f"titles {titles}/{n}; encodings {encodings}/{n}"
    )


if __name__ == "__main__":
    report(Path(sys.argv[1]) if len(sys.argv) > 1 else PAGES)
