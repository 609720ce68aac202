"""The glossary: the curated file validates; bad rows get line-numbered errors; matching."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit import glossary
from toolkit.errors import GlossaryError

from .conftest import GLOSSARY

HEADER = "zh\ten\tstatus\tfixed\tvariants\tsource\tnote\n"


def write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    p = tmp_path / "g.tsv"
    p.write_text(header + body, encoding="utf-8")
    return p


def test_curated_glossary_is_valid() -> None:
    entries, problems = glossary.check(GLOSSARY)
    assert [p.render() for p in problems if p.severity == "error"] == []
    by_zh = {e.zh: e for e in entries}
    assert by_zh["双轮驱动"].en == "dual-wheel drive"
    assert len(entries) >= 100


def test_curated_glossary_covers_the_seeds_most_repeated_terms() -> None:
    gl = glossary.load(GLOSSARY)
    zh = {e.zh for e in gl.entries}
    for term in ("习近平新时代中国特色社会主义思想", "不忘初心、牢记使命", "四个意识", "科创中心", "高新技术企业"):
        assert term in zh


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("双轮驱动\t\tapproved\tno\t\t\t\n", 2, "empty en field"),
        ("\tdual-wheel drive\tapproved\tno\t\t\t\n", 2, "empty zh field"),
        ("dual\t双轮驱动\tapproved\tno\t\t\t\n", 2, "no Chinese characters"),
        ("双轮驱动\tdual-wheel drive\tdone\tno\t\t\t\n", 2, "status 'done'"),
        ("双轮驱动\tdual-wheel drive\tapproved\tmaybe\t\t\t\n", 2, "fixed 'maybe'"),
        ("双轮驱动\tdual-wheel drive\tapproved\tno\t\t\t\tx\tY\n", 2, "9 tab-separated fields"),
        ("双轮驱动 dual-wheel drive\n", 2, "at least the zh and en fields"),
        ("双轮驱动\tdual-wheel drive\n# c\n双轮驱动\tdual-wheel drive\n", 4, "duplicate term '双轮驱动' (also at"),
        ("双轮驱动\tdual-wheel drive\n双轮驱动\ttwo-wheel drive\n", 3, "conflicting translations for '双轮驱动'"),
        ("双轮驱动\tdual-wheel drive\t\t\t两轮驱动\n两轮驱动\tx\n", 3, "conflicting translations"),
        ("雙輪驅動\tdual-wheel drive\n", 2, "has Traditional characters: write '双轮驱动'"),
    ],
)
def test_bad_rows_are_line_numbered(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = write(tmp_path, body)
    _, problems = glossary.check(path)
    errors = [p for p in problems if p.severity == "error"]
    assert errors and errors[0].line == line and message in errors[0].message, errors
    with pytest.raises(GlossaryError) as exc:
        glossary.load(path)
    assert f"{path}:{line}:" in str(exc.value)


def test_bad_header(tmp_path: Path) -> None:
    _, problems = glossary.check(write(tmp_path, "a\tb\n", header="chinese\tenglish\n"))
    assert problems[0].line == 1 and "header must be" in problems[0].message


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary", b"zh\ten\n\xff\xfe\xfa bad\n", b""])
def test_binary_garbage_or_empty_file(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "g.tsv"
    p.write_bytes(data)
    _, problems = glossary.check(p)
    assert problems and problems[0].severity == "error"


def test_missing_glossary() -> None:
    with pytest.raises(GlossaryError, match="no such glossary"):
        glossary.load(Path("/nonexistent/glossary"))


def test_longest_match_wins_without_overlaps(tmp_path: Path) -> None:
    gl = glossary.load(
        write(tmp_path, "科创中心\tS&T innovation center\n上海科创中心\tShanghai S&T innovation center\n中心建设\tx\n")
    )
    got = [(m.zh, m.start) for m in gl.match("建设上海科创中心建设")]
    assert got == [("上海科创中心", 2)]


def test_variants_match_and_report_the_canonical_term(tmp_path: Path) -> None:
    gl = glossary.load(write(tmp_path, "双轮驱动\tdual-wheel drive\tproposed\tno\t雙輪驅動\n"))
    assert [(m.zh, m.en) for m in gl.match("坚持雙輪驅動")] == [("双轮驱动", "dual-wheel drive")]


def test_version_changes_with_content(tmp_path: Path) -> None:
    a = glossary.load(write(tmp_path, "双轮驱动\tdual-wheel drive\n")).version
    b = glossary.load(write(tmp_path, "双轮驱动\tdual wheel drive\n")).version
    assert a and b and a != b


terms = st.lists(st.text(alphabet="科技创新中心驱动双轮", min_size=1, max_size=4), min_size=1, max_size=8, unique=True)


@given(terms, st.text(alphabet="科技创新中心驱动双轮的", max_size=60))
def test_matches_never_overlap(words: list[str], text: str) -> None:
    gl = glossary.Glossary([glossary.Entry(zh=w, en=f"t{i}") for i, w in enumerate(words)])
    spans = [(m.start, m.start + len(m.zh)) for m in gl.match(text)]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert all(text[s:e] in words for s, e in spans)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\f", "\v", "\x1c"])
def test_line_numbers_count_only_real_line_ends(tmp_path: Path, separator: str) -> None:
    """str.splitlines() split a note at U+2028 (or U+0085, a form feed …) and shifted every
    later line number; the character stays inside its row."""
    body = f"双轮驱动\tdual-wheel drive\tproposed\tno\t\t\tfirst{separator}second\n科创中心\t\n"
    _, problems = glossary.check(write(tmp_path, body))
    assert [(p.line, p.message) for p in problems] == [(3, "empty en field for '科创中心'")]
    entries, _ = glossary.check(write(tmp_path, body.split("\n")[0] + "\n"))
    assert entries[0].note == f"first{separator}second"


def test_invalid_utf8_names_its_line(tmp_path: Path) -> None:
    p = tmp_path / "g.tsv"
    p.write_bytes(HEADER.encode() + "双轮驱动\tdual-wheel drive\r".encode() + b"\xff\xfe\n")
    _, problems = glossary.check(p)
    assert [(x.line, x.message) for x in problems] == [(3, "invalid UTF-8 byte 0xff; re-save the glossary as UTF-8")]


def test_oversized_and_irregular_glossary_files_are_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "双轮驱动\tdual-wheel drive\n" * 50)
    _, problems = glossary.check(path, max_bytes=100)
    assert [(p.line, p.severity) for p in problems] == [(1, "error")] and "input limit" in problems[0].message
    folder = tmp_path / "glossary"
    (folder / "dir.tsv").mkdir(parents=True)
    _, problems = glossary.check(folder)
    assert [p.message for p in problems] == ["a folder, not a regular file (give the path of a regular file)"]


def test_a_named_pipe_glossary_is_an_error_not_a_hang(tmp_path: Path) -> None:
    """Opening a FIFO blocks until someone writes: `glossary check` on one used to hang."""
    import os

    from .run_toolkit import toolkit

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "a.tsv").write_text(HEADER + "双轮驱动\tdual-wheel drive\n", encoding="utf-8")
    os.mkfifo(folder / "b.tsv")
    result = toolkit("glossary", "check", "--glossary", str(folder), cwd=tmp_path, timeout=60)
    assert result.returncode == 2, result.stderr
    assert f"{folder / 'b.tsv'}:1: error: a named pipe (FIFO), not a regular file" in result.stderr


# --- house style and sources (issue #18) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("两个维护\tthe Two Upholds\tproposed\tyes", "starts with 'the'"),
        ("两个维护\tThe Two Upholds\tproposed\tyes", "starts with 'the'"),
        ('两个维护\t"Two Upholds"\tproposed\tyes', "en field '\"Two Upholds\"' is wrapped in quotes"),
        ("两个维护\tTwo Upholds\tproposed\tyes\t\t“Xinhua”", "source field '“Xinhua”' is wrapped in quotes"),
        ("兩個維護\tTwo Upholds\tproposed\tyes", "has Traditional characters: write '两个维护'"),
        ("科创中心\tinnovation centre\tproposed\tno", "UK spelling 'centre'"),
        ("科研组织\tresearch organisation\tproposed\tno", "UK spelling 'organisation'"),
        ("两个维护\tTwo Upholds\tapproved\tyes\t\tcommon usage", "cites no findable source ('common usage')"),
        ("两个维护\tTwo Upholds\tapproved\tyes\t\tXinhua English", "cites no findable source"),
    ],
)
def test_house_style_is_enforced(tmp_path: Path, row: str, message: str) -> None:
    _, problems = glossary.check(write(tmp_path, row + "\n"))
    assert [p.line for p in problems] == [2] and message in problems[0].message, problems


@pytest.mark.parametrize(
    "row",
    [
        "科技强国\ta country strong in science and technology\tproposed\tno",  # "a" may stay
        "两个维护\tTwo Upholds\tapproved\tyes\t\tXinhua English 2019",
        "一网通办\tGovernment Online-Offline Shanghai\tapproved\tyes\t\thttps://english.shanghai.gov.cn",
        "科创中心\tinnovation center\t\tno\t\tcommon usage\tsay 'center', not \"centre\"",
        "世界卫生组织\tWorld Health Organisation Centre\tproposed\tyes",  # a fixed name keeps its spelling
        "企业\tenterprises\tproposed\tno",
    ],
)
def test_house_style_allows(tmp_path: Path, row: str) -> None:
    entries, problems = glossary.check(write(tmp_path, row + "\n"))
    assert problems == [] and len(entries) == 1


def test_empty_status_follows_the_source(tmp_path: Path) -> None:
    entries, _ = glossary.check(
        write(tmp_path, "科创中心\tinnovation center\n主题教育\teducation campaign\t\tno\t\tXinhua 2019\n")
    )
    assert [e.status for e in entries] == ["proposed", "approved"]


def test_the_curated_glossary_passes_and_carries_the_corrections() -> None:
    entries, problems = glossary.check(GLOSSARY)
    assert problems == []
    by_zh = {e.zh: e for e in entries}
    expected = {
        "关键核心技术": ("core technologies in key fields", "2025 Government Work Report"),
        "放管服": ("streamline administration, delegate power, improve regulation and upgrade services", "2018"),
        "一网通办": ("Government Online-Offline Shanghai", "https://english.shanghai.gov.cn"),
        "主题教育": ("education campaign", "Xinhua English 2019"),
        "高新技术企业认定": ("recognition of high-tech enterprises", "(2016)"),
        "形式主义": ("pointless formalities", ""),
        "形式主义官僚主义": ("pointless formalities and bureaucratism", ""),
        "科技强国": ("a country strong in science and technology", ""),
        "国家自主创新示范区": ("National Innovation Demonstration Zone", ""),
        "干部选拔任用条例": ("Regulations on the Selection and Appointment of Party and Government Leading Cadres", ""),
        "模范机关": ("exemplary institutions", ""),
        "双轮驱动": ("dual-wheel drive", ""),
    }
    for zh, (en, source) in expected.items():
        assert by_zh[zh].en == en and source in by_zh[zh].source, by_zh[zh]
    assert "twin engines" in by_zh["双轮驱动"].note
    assert not any(e.en.lower().startswith("the ") for e in entries)
    for zh in (
        "十九届二中、三中、四中全会",
        "一系列重要指示批示精神",
        "关键核心技术攻关",
        "党组书记",
        "收官之年",
        "零的突破",
        "高精尖",
    ):
        assert zh in by_zh
    approved = [e for e in entries if e.status == "approved"]
    assert approved and all(e.source and e.source != "common usage" for e in approved)
