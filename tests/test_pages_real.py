"""The cleaner on 40 real Chinese pages with hand-written gold (tests/pages_real): floors
under the numbers it reached, so that a rule change that makes real pages worse fails.

The numbers are the scorer's (``python -m tests.score_pages tests/pages_real``): character F1
of the body per page, titles equal after removing whitespace, ISO dates equal. The floors sit
a little below what the cleaner scored when they were set (tests/pages_real/AFTER.txt: mean
F1 0.995, lowest 0.939, titles 39/40, dates 39/39); raise them when the cleaner gets better.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .score_pages import Result, pages_in, score, toolkit

REAL = Path(__file__).parent / "pages_real"

MEAN_F1_FLOOR = 0.99
LOWEST_F1_FLOOR = 0.93
TITLES_FLOOR = 38
DATES_FLOOR = 38


@pytest.fixture(scope="module")
def results() -> list[Result]:
    found = [score(page, toolkit) for page in pages_in(REAL)]
    return [r for r in found if r is not None]


def test_every_real_page_is_scored(results: list[Result]) -> None:
    assert len(results) == 40
    # A report beside the pages (FIRST_SIGHT.txt, AFTER.txt) has no sidecar and is no page.
    assert all(r.page.endswith(".html") for r in results)


def test_mean_body_f1(results: list[Result]) -> None:
    mean = sum(r.f1 for r in results) / len(results)
    assert mean >= MEAN_F1_FLOOR, f"mean body F1 {mean:.3f} < {MEAN_F1_FLOOR}"


def test_no_page_falls_below_the_floor(results: list[Result]) -> None:
    low = {r.page: round(r.f1, 3) for r in results if r.f1 < LOWEST_F1_FLOOR}
    assert not low, f"pages under body F1 {LOWEST_F1_FLOOR}: {low}"


def test_titles(results: list[Result]) -> None:
    wrong = [r.page for r in results if not r.title_ok]
    assert len(results) - len(wrong) >= TITLES_FLOOR, f"wrong titles: {wrong}"


def test_dates(results: list[Result]) -> None:
    dated = [r for r in results if r.date_ok is not None]
    wrong = [r.page for r in dated if not r.date_ok]
    assert len(dated) - len(wrong) >= DATES_FLOOR, f"wrong dates: {wrong}"
