"""The page scorer (`python -m tests.score_pages DIR`) runs and reports what it promises."""

from __future__ import annotations

import pytest

from .score_pages import Result, main
from .test_clean_pages import PAGES


def test_result_arithmetic() -> None:
    r = Result("p", shared=80, extracted=100, gold=90, title_ok=True, date_ok=None)
    assert (round(r.precision, 3), round(r.recall, 3), round(r.f1, 3)) == (0.8, 0.889, 0.842)
    assert Result("p", 0, 0, 0, False, None).f1 == 0.0


def test_scores_the_test_pages(capsys: pytest.CaptureFixture[str]) -> None:
    main([str(PAGES), "--only", "toolkit,gne"])
    out = capsys.readouterr().out
    assert "toolkit: 12 pages" in out and "01_most_notice.html" in out
    assert "mean   P" in out and "summed P" in out and "titles 12/12" in out
    assert "gne: not installed" in out or "gne: " in out


def test_an_unknown_extractor_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exit_:
        main([str(PAGES), "--only", "readability"])
    assert exit_.value.code == 2
