"""The main job's output: the built MkDocs site (from the session's `toolkit build`)."""

from __future__ import annotations

import html
import itertools
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.cli import app
from toolkit.normalize import convert_script, normalize_punctuation

from .conftest import GLOSSARY, SEED_FILES
from .test_clean import DROPPED

SLUGS = [p.stem.replace("_", "-") for p in SEED_FILES]


def page_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def test_every_page_is_built(built_site: dict[str, Path]) -> None:
    site = built_site["site"]
    assert (site / "index.html").is_file() and (site / "glossary" / "index.html").is_file()
    for slug in SLUGS:
        for view in ("zh", "en", "aligned"):
            assert (site / view / slug / "index.html").is_file(), (view, slug)
    index = page_text(site / "index.html")
    assert all(f"{slug}" for slug in SLUGS) and "2020年科技工作报告" in index


def test_build_says_which_backend_and_why(built_site: dict[str, Path]) -> None:
    log = built_site["log"].read_text(encoding="utf-8")
    assert "WARNING: no zh→en Argos model is installed" in log and "NOT a translation" in log


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_no_boilerplate_line_in_any_page(built_site: dict[str, Path], seed: Path) -> None:
    pages = [page_text(p) for p in built_site["site"].rglob("*.html")]
    lines = seed.read_text(encoding="utf-8").splitlines()
    for number, rule in DROPPED[seed.name].items():
        if rule in ("title", "site-name"):  # moved to the page title / source field, not lost
            continue
        line = lines[number - 1].strip()
        forms = {line, normalize_punctuation(convert_script(line, "tw2sp"))}
        for text in pages:
            for form in forms:
                assert form not in text, f"{seed.name}:{number} [{rule}] {line!r} is in a page"


def test_search_index_has_chinese_terms_and_english_words(built_site: dict[str, Path]) -> None:
    raw = (built_site["site"] / "search" / "search_index.json").read_text(encoding="utf-8")
    index = json.loads(raw)
    text = " ".join(d["text"] + " " + d["title"] for d in index["docs"])
    assert "双轮驱动" in text  # kept whole by the glossary's jieba user dictionary
    assert "dual-wheel drive" in text


def test_english_of_seed_000(built_site: dict[str, Path]) -> None:
    text = page_text(built_site["site"] / "en" / SLUGS[0] / "index.html")
    assert "dual-wheel drive" in text
    assert "Dictionary gloss — not a translation" in text and "toolkit models install" in text


def test_aligned_page_pairs_every_paragraph(built_site: dict[str, Path]) -> None:
    raw = (built_site["site"] / "aligned" / SLUGS[2] / "index.html").read_text(encoding="utf-8")
    assert (
        raw.count('class="tk-pair"')
        == raw.count('class="tk-zh" lang="zh-Hans"')
        == raw.count('class="tk-en" lang="en"')
    )
    assert raw.count('class="tk-pair"') > 50
    assert "Dictionary gloss" in raw


def test_glossary_page(built_site: dict[str, Path]) -> None:
    text = page_text(built_site["site"] / "glossary" / "index.html")
    assert "双轮驱动" in text and "dual-wheel drive" in text


def test_language_switch_points_at_the_counterpart(built_site: dict[str, Path]) -> None:
    raw = (built_site["site"] / "zh" / SLUGS[1] / "index.html").read_text(encoding="utf-8")
    assert f'href="../../en/{SLUGS[1]}/" hreflang="en"' in raw


def test_hostile_source_is_shown_as_text(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    body = "，".join(["科技创新工作取得显著成效"] * 6) + "。"
    (src / "hostile.txt").write_text(
        "恶意页面测试报告\n\n"
        f"{body}\n\n"
        "<script>alert('x')</script>这一行来自源文件，必须显示为文本而不是执行。\n\n"
        "[点我](javascript:alert(1))链接不能变成链接，{{ config.site_name }} 和 {% raw %} 也不能被解释。\n\n"
        "# 这不是标题\n\n"
        "| 表格 | 不是表格 |\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app,
        [
            "build",
            "--input",
            str(src),
            "--glossary",
            str(GLOSSARY),
            "--docs-dir",
            str(tmp_path / "d"),
            "--site-dir",
            str(tmp_path / "s"),
        ],
    )
    assert result.exit_code == 0, result.output
    for view in ("zh", "aligned"):
        raw = (tmp_path / "s" / view / "hostile" / "index.html").read_text(encoding="utf-8")
        assert "<script>alert" not in raw and 'href="javascript' not in raw
        text = page_text(tmp_path / "s" / view / "hostile" / "index.html")
        assert "<script>alert('x')</script>" in text
        assert "[点我](javascript:alert(1))" in text or "[点我]（javascript:alert（1））" in text
        assert "{{ config.site_name }}" in text and "# 这不是标题" in text and "| 表格 | 不是表格 |" in text


def test_one_h1_and_no_heading_gaps_on_every_page(built_site: dict[str, Path]) -> None:
    for path in built_site["site"].rglob("index.html"):
        raw = path.read_text(encoding="utf-8")
        article = raw[raw.find("<article") : raw.find("</article>")]
        levels = [int(n) for n in re.findall(r"<h([1-6])\b", article)]
        assert levels and levels[0] == 1 and levels.count(1) == 1, path
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, (path, levels)


def test_language_attributes(built_site: dict[str, Path]) -> None:
    site = built_site["site"]
    assert '<div lang="zh-Hans">' in (site / "zh" / SLUGS[0] / "index.html").read_text(encoding="utf-8")
    assert '<div lang="en">' in (site / "en" / SLUGS[0] / "index.html").read_text(encoding="utf-8")
    aligned = (site / "aligned" / SLUGS[0] / "index.html").read_text(encoding="utf-8")
    assert 'class="tk-zh" lang="zh-Hans"' in aligned and 'class="tk-en" lang="en"' in aligned
