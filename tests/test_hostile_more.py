"""What a red-team pass on the escaping, paths and atomic publishing found, kept as tests.

Each case failed on the code before its fix: a build deleted `.git` in the docs folder; a
`--site-dir` equal to the input or the working folder deleted them; a symlink in an input
folder published a file from outside it; long lines of escaped characters and elements with
thousands of attributes took quadratic time; hostile JSON documents, front matter and memory
files gave tracebacks; a newline or bidi override in a name split or reversed the messages.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.errors import ConfigError, InputError, MemoryFileError
from toolkit.escape import html_text, md_inline
from toolkit.outputs import check_apart, replacement_mode
from toolkit.tm import TranslationMemory

from .conftest import invoke
from .run_toolkit import toolkit

GLOSSARY_HEADER = "zh\ten\tstatus\tfixed\tvariants\tsource\tnote\n"
PAGE = "关于推进科技创新的报告\n\n科技创新是引领发展的第一动力，我们要坚持创新驱动发展战略。\n"


def _project(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(PAGE, encoding="utf-8")
    glossary = tmp_path / "g.tsv"
    glossary.write_text(GLOSSARY_HEADER, encoding="utf-8")
    return src, glossary


def _build(runner: CliRunner, src: Path, glossary: Path, docs: Path, site: Path) -> tuple[int, str, str]:
    args = ["build", "--input", str(src), "--glossary", str(glossary), "--backend", "gloss", "--no-tm", "-q"]
    return invoke(runner, *args, "--docs-dir", str(docs), "--site-dir", str(site))


def test_a_rebuild_keeps_hidden_folders_in_docs(tmp_path: Path, runner: CliRunner) -> None:
    src, glossary = _project(tmp_path)
    docs, site = tmp_path / "docs", tmp_path / "site"
    assert _build(runner, src, glossary, docs, site)[0] == 0
    (docs / ".git" / "objects").mkdir(parents=True)
    (docs / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (docs / ".gitignore").write_text("*.tmp\n")
    os.symlink("/etc/hostname", docs / ".link")
    assert _build(runner, src, glossary, docs, site)[0] == 0
    assert (docs / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n" and (docs / ".git" / "objects").is_dir()
    assert (docs / ".gitignore").read_text() == "*.tmp\n"
    assert (docs / ".link").is_symlink()  # a link stays a link, its target is not copied in


@pytest.mark.parametrize("where", ["input", "cwd", "parent", "docs-inside-site", "site-inside-docs", "same"])
def test_overlapping_folders_are_refused_before_anything_changes(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    src, glossary = _project(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    docs, site = {
        "input": (tmp_path / "docs", src),
        "cwd": (tmp_path / "docs", work),
        "parent": (tmp_path / "docs", tmp_path),
        "docs-inside-site": (tmp_path / "site" / "docs", tmp_path / "site"),
        "site-inside-docs": (tmp_path / "docs", tmp_path / "docs" / "site"),
        "same": (tmp_path / "out", tmp_path / "out"),
    }[where]
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    code, _, err = _build(runner, src, glossary, docs, site)
    assert code == 2 and err.count("error:") == 1, err
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before


def test_check_apart_allows_side_by_side(tmp_path: Path) -> None:
    check_apart({"--input": tmp_path / "in", "--docs-dir": tmp_path / "docs", "--site-dir": tmp_path / "site"})
    with pytest.raises(ConfigError, match="overlap"):
        check_apart({"--input": tmp_path / "in", "--docs-dir": tmp_path / "in" / "d", "--site-dir": tmp_path / "s"})


def test_a_site_folder_of_other_files_is_not_replaced(tmp_path: Path, runner: CliRunner) -> None:
    src, glossary = _project(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "thesis.tex").write_text("mine")
    code, _, err = _build(runner, src, glossary, tmp_path / "docs", site)
    assert code != 0 and "not a built site" in err
    assert (site / "thesis.tex").read_text() == "mine"


def test_a_link_out_of_the_input_folder_is_not_read(tmp_path: Path, runner: CliRunner) -> None:
    src, glossary = _project(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("机密文件\n\nAWS_SECRET_ACCESS_KEY=tkxsecret，这一行不能发布。\n", encoding="utf-8")
    os.symlink(secret, src / "creds.txt")
    (src / "inside.txt").symlink_to("a.txt")  # a link inside the folder is read
    code, _, err = _build(runner, src, glossary, tmp_path / "docs", tmp_path / "site")
    assert code == 1 and "creds.txt: a symbolic link to a file outside the input folder" in err
    published = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))
    assert "tkxsecret" not in published and (tmp_path / "site" / "zh" / "inside.html").is_file()


def test_a_long_line_of_markup_characters_builds_in_linear_time(tmp_path: Path) -> None:
    """600 KB of `创新*` on one line took minutes in Python-Markdown's inline pass."""
    src, glossary = _project(tmp_path)
    (src / "long.txt").write_text("关于推进科技创新的报告\n\n科技创新是核心，" + "创新*<" * 100_000 + "。\n", "utf-8")
    args = ["build", "--input", str(src), "--glossary", str(glossary), "--backend", "gloss", "--no-tm", "-q"]
    result = toolkit(
        *args, "--docs-dir", str(tmp_path / "d"), "--site-dir", str(tmp_path / "s"), cwd=tmp_path, timeout=150
    )
    assert result.returncode == 0, result.stderr[-2000:]
    page = (tmp_path / "s" / "zh" / "long.html").read_text(encoding="utf-8")
    assert page.count("创新*&lt;") + page.count("创新&#42;&#60;") >= 100_000


def test_an_element_with_many_attributes_is_cleaned_in_linear_time(tmp_path: Path) -> None:
    attrs = " ".join(f"a{i}=x" for i in range(40_000))
    page = tmp_path / "a.html"
    page.write_text(f"<html><body><p {attrs}>科技创新是引领发展的第一动力。</p></body></html>", encoding="utf-8")
    result = toolkit("clean", str(page), "-o", str(tmp_path / "o"), "--explain", cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "page-too-large-for-extraction" in result.stdout


BAD_DOCUMENTS = {
    "level-huge": {"kind": "heading", "text": "标题", "level": 10**15},
    "level-7": {"kind": "heading", "text": "标题", "level": 7},
    "level-float": {"kind": "heading", "text": "标题", "level": 1e400},
    "text-number": {"kind": "paragraph", "text": 123},
    "lines-text": {"kind": "raw", "text": "科技", "lines": "abc"},
    "segment-zh-null": {"kind": "paragraph", "text": "科技。", "segments": [{"id": "p1s1", "zh": None, "en": 5}]},
    "segment-id-number": {"kind": "paragraph", "text": "科技。", "segments": [{"id": 5, "zh": "科技。"}]},
}


@pytest.mark.parametrize("name", sorted(BAD_DOCUMENTS))
def test_a_mistyped_document_json_is_one_line(tmp_path: Path, runner: CliRunner, name: str) -> None:
    doc = {"meta": {"slug": "x", "title": ["not", "text"] if name == "text-number" else "t"}, "blocks": []}
    doc["blocks"] = [BAD_DOCUMENTS[name]]
    (tmp_path / "d.json").write_text(json.dumps(doc).replace("Infinity", "1e400"), encoding="utf-8")
    code, _, err = invoke(runner, "translate", str(tmp_path / "d.json"), "-o", str(tmp_path / "o"), "--no-tm")
    assert code == 1 and err.count("error:") == 1 and "not a toolkit document JSON" in err, err


def test_null_metadata_is_empty_text(tmp_path: Path) -> None:
    from toolkit.document import Document

    doc = Document.from_dict({"meta": {"slug": "x", "date": None, "origin": None}, "blocks": []})
    assert doc.meta.date == "" and doc.meta.origin == ""
    with pytest.raises(ValueError, match="must be text"):
        Document.from_dict({"meta": {"slug": "x", "title": 5}, "blocks": []})


def test_an_impossible_date_in_front_matter_is_one_line(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "a.md").write_text("---\ndate: 2024-02-30\n---\n\n科技创新工作取得显著成效。\n", encoding="utf-8")
    code, _, err = invoke(runner, "normalize", str(tmp_path / "a.md"), "-o", str(tmp_path / "o"))
    assert code == 1 and err.count("error:") == 1 and "a.md:1: front matter holds a value" in err, err


def test_a_memory_that_is_not_a_file_or_not_text_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(MemoryFileError, match="not a regular file"):
        TranslationMemory(Path("/dev/null"))
    assert not Path("/dev/null-journal").exists()
    path = tmp_path / "tm.sqlite"
    TranslationMemory(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = 'x' WHERE key = 'schema'")
    with pytest.raises(MemoryFileError, match="schema"):
        TranslationMemory(path)


def test_a_memory_row_that_is_not_text_is_an_error(tmp_path: Path) -> None:
    from toolkit.document import Segment

    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path) as memory:
        memory.add_review("科技创新。", "Innovation.")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE translations SET en = x'3c623e'")
    with TranslationMemory(path) as memory, pytest.raises(MemoryFileError, match="not text"):
        memory.lookup(Segment(id="p1s1", zh="科技创新。"), "gloss", "x")


def test_messages_stay_one_line_whatever_a_name_holds() -> None:
    err = InputError("cannot read", path="bad\nerror: all is fine\x1b[2J\u202e.txt", hint="fix it")
    assert "\n" not in err.render() and "\x1b" not in err.render() and "\u202e" not in err.render()
    assert "\\x0a" in err.render()


def test_bidi_overrides_never_reach_a_page() -> None:
    name = "ok\u202eelgoog.txt\u2066x\u2069"
    assert "\u202e" not in md_inline(name) and "\u2066" not in html_text(name)


@pytest.mark.skipif(sys.platform != "linux", reason="symlink modes")
def test_a_file_written_over_a_link_gets_the_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "x"
    target.write_text("x")
    target.chmod(0o6777)
    link = tmp_path / "a.md"
    link.symlink_to(target)
    mode = replacement_mode(link)
    assert not mode & (stat.S_ISUID | stat.S_ISGID) and mode & 0o002 == 0


def test_small_naming_cases(tmp_path: Path) -> None:
    from toolkit.files import load_markdown, slugify

    assert slugify("index.txt") == "index-doc"  # zh/index.md would be the folder's own page
    with pytest.raises(InputError, match="no closing"):  # ---x is not the closing line
        load_markdown("---\ntitle: t\n---x\n\n正文。\n", tmp_path / "a.md")
    doc = load_markdown("---\ntitle: t\n---\n\n正文。\n", tmp_path / "a.md")
    assert doc.meta.origin == "a.md" and doc.meta.title == "t"
