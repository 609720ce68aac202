"""`toolkit clean` on pages in every encoding and format: outputs, --explain, bad files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from toolkit.clean import PAGE_RULES, RULES
from toolkit.files import load_document

from .conftest import invoke

PAGES = Path(__file__).resolve().parent / "pages"


def test_bad_files_fail_alone_among_every_encoding(runner: CliRunner, tmp_path: Path) -> None:
    """Undecodable, binary and empty files: one error line each, exit 1; every other page
    (UTF-8, UTF-8 with BOM and CRLF, GBK, Big5, HTML) is still cleaned."""
    folder = tmp_path / "in"
    shutil.copytree(PAGES, folder, ignore=shutil.ignore_patterns("*.yaml", "*.md"))
    bad = {
        "binary.txt": b"\x00\x01\x02PK\x03\x04" * 50,
        "empty.html": b"",
        "blank.txt": "\ufeff \r\n".encode(),
        "latin1.txt": "Société générale, déjà payé".encode("latin-1") * 4,
        "markup-only.htm": b"<html><head><style>p{}</style></head><body></body></html>",
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    out = tmp_path / "out"
    code, _, err = invoke(runner, "clean", str(folder), "-o", str(out))
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert sorted(e.split(": ")[1].split(":")[0] for e in errors) == sorted(str(folder / n) for n in bad)
    good = sorted(p for p in PAGES.iterdir() if p.suffix in (".txt", ".html", ".htm"))
    assert len(list(out.glob("*.md"))) == len(good)
    encodings = {load_document(p).meta.encoding for p in out.glob("*.md")}
    assert encodings == {"utf-8", "utf-8-sig", "gb18030", "big5"}


def test_explain_lists_every_drop_with_a_named_rule(runner: CliRunner, tmp_path: Path) -> None:
    page = PAGES / "11_cas_news.html"
    code, out, _ = invoke(runner, "clean", str(page), "-o", str(tmp_path), "--explain", "--quiet")
    assert code == 0
    names = {r.name for r in RULES} | set(PAGE_RULES)
    explained = [line for line in out.splitlines() if line.startswith(f"{page.name}:")]
    rules = {line.split("[", 1)[1].split("]", 1)[0] for line in explained}
    assert rules <= names
    assert {"not-main-content", "title", "prev-next"} <= rules
    assert f"{page.name}:0: [title] 我所在新型催化材料研究方面取得系列进展----中国科学院某某化学研究所" in explained
    doc = load_document(tmp_path / "11-cas-news.md")
    text = "".join(b.text for b in doc.blocks)
    for line in explained:
        dropped = line.split("] ", 1)[1]
        assert dropped not in text or dropped == doc.meta.title


def test_json_report_lists_drops(runner: CliRunner, tmp_path: Path) -> None:
    page = PAGES / "04_taiwan_big5.txt"
    code, out, _ = invoke(runner, "clean", str(page), "-o", str(tmp_path), "--json")
    assert code == 0
    report = json.loads(out)["outputs"][0]
    assert report["title"] == "國科會推動半導體前瞻研究計畫　培育關鍵人才"
    assert {"line": 1, "rule": "decoration", "text": ":::"} in report["dropped"]
    doc = load_document(tmp_path / "04-taiwan-big5.md")
    assert (doc.meta.encoding, doc.meta.date, doc.meta.source) == ("big5", "2022-08-25", "綜合規劃處")


def test_format_option_overrides_the_extension(runner: CliRunner, tmp_path: Path) -> None:
    """--format text reads an .html file as a text dump (its markup is text, escaped on output)."""
    page = tmp_path / "page.html"
    page.write_text("<p>关于开展科技活动周的通知</p>\n<script>alert('x')</script>\n", encoding="utf-8")
    code, _, err = invoke(runner, "clean", str(page), "-o", str(tmp_path / "out"), "--format", "text")
    assert code == 0, err
    written = (tmp_path / "out" / "page.md").read_text(encoding="utf-8")
    assert "format: text" in written and "<script>" not in written and "&#60;script&#62;" in written
    code, _, err = invoke(runner, "clean", str(page), "-o", str(tmp_path / "o2"), "--format", "pdf")
    assert code != 0 and "unknown format 'pdf'" in err


def test_parallel_clean_of_every_encoding_matches_serial(runner: CliRunner, tmp_path: Path) -> None:
    pages = [str(p) for p in sorted(PAGES.iterdir()) if p.suffix in (".txt", ".html", ".htm")]
    assert invoke(runner, "clean", *pages, "-o", str(tmp_path / "one"))[0] == 0
    assert invoke(runner, "clean", *pages, "-o", str(tmp_path / "two"), "--jobs", "2")[0] == 0
    one = sorted((tmp_path / "one").glob("*.md"))
    assert one and all(
        p.read_text(encoding="utf-8") == (tmp_path / "two" / p.name).read_text(encoding="utf-8") for p in one
    )
