"""HTML pages in time linear in their size, whatever their shape.

trafilatura's extraction grows with the square of a page's element count and difflib's
alignment with the cube of some line patterns; these tests run the work in a subprocess
under a timeout (tests/run_toolkit.py), so a regression fails instead of stalling the suite.
"""

from __future__ import annotations

from pathlib import Path

from toolkit import html
from toolkit.files import load_document, read_source

from .run_toolkit import python, toolkit


def test_a_page_of_200000_elements_is_cleaned_in_linear_time(tmp_path: Path) -> None:
    """200,000 small paragraphs took 813 s (quadratic, inside trafilatura): now trafilatura
    is skipped, with a named reason in --explain, and every paragraph is kept."""
    body = "".join(f"<p>第{i}条：科技创新工作稳步推进。</p>" for i in range(200_000))
    page = tmp_path / "huge.html"
    page.write_text(f"<html><head><title>工作报告</title></head><body><h1>工作报告</h1>{body}</body></html>")
    result = toolkit("clean", str(page), "-o", str(tmp_path / "out"), "--explain", cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "huge.html:0: [page-too-large-for-extraction] 200,005 elements, over 20,000" in result.stdout
    doc = load_document(tmp_path / "out" / "huge.md")
    assert doc.meta.title == "工作报告"
    texts = [b.text for b in doc.blocks]
    assert "第0条：科技创新工作稳步推进。" in texts and "第199999条：科技创新工作稳步推进。" in texts


def test_pathological_alignments_are_linear(tmp_path: Path) -> None:
    """Two alternating lines, 4,000 times: difflib took 31 s at 2,000 lines (cubic)."""
    code = (
        "from toolkit.htmlalign import align as _align\n"
        "a = [('甲' if i % 2 else '乙') for i in range(4000)]\n"
        "b = [('乙' if i % 3 else '甲') for i in range(4000)]\n"
        "same = ['第一段'] * 20000\n"
        "assert sum(_align(a, b)) > 2000 and all(_align(same, same))\n"
        "print('ok')\n"
    )
    result = python(code, cwd=tmp_path, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]


def test_a_row_of_many_cells_is_linear(tmp_path: Path) -> None:
    """A table row of 100,000 cells: joining the row's text at every cell was quadratic."""
    code = (
        "from toolkit.html import parse_html\n"
        "cells = ''.join(f'<td>{i}</td>' for i in range(100000))\n"
        "page = parse_html(f'<table><tr>{cells}</tr></table><p>正文</p>')\n"
        "assert page.lines[0].split() == [str(i) for i in range(100000)] and page.lines[-1] == '正文'\n"
        "print('ok')\n"
    )
    result = python(code, cwd=tmp_path, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]


def test_ordinary_pages_still_go_through_trafilatura() -> None:
    pages = sorted((Path(__file__).parent / "pages").glob("*.htm*"))
    assert pages
    for page in pages:
        doc = read_source(page)
        assert not [d for d in doc.dropped if d.rule == html.TOO_LARGE]
    small = html.parse_html("<p>x</p>" * (html.MAX_EXTRACT_ELEMENTS - 1))
    assert not small.skipped
    large = html.parse_html("<p>x</p>" * (html.MAX_EXTRACT_ELEMENTS + 1))
    assert large.skipped.startswith("20,001 elements")


def test_unclosed_constructs_at_the_end_are_linear(tmp_path: Path) -> None:
    """HTMLParser.close() (before Python 3.11.13) re-scanned an unclosed '<!--' or '<a' once
    per '<' after it: 200 KB of '<!--' took 16 s. The unclosed rest is invisible, as in HTML5."""
    code = (
        "from toolkit.html import parse_html\n"
        "for tail in ('<!--', '<a', '<![CDATA[', '<!'):\n"
        "    page = parse_html('<p>正文</p>' + tail * 200000)\n"
        "    assert page.lines == ['正文'], (tail, page.lines[:3])\n"
        "print('ok')\n"
    )
    result = python(code, cwd=tmp_path, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]
