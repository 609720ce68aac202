"""Reading inputs that fight back: YAML bombs, pipes and devices, huge files, odd line ends.

Every test here whose point is that a command *ends* runs it in a subprocess under a
timeout (tests/run_toolkit.py): before these fixes, each of them hung or ate memory.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit import files
from toolkit.cli import app
from toolkit.errors import InputError
from toolkit.files import expand_inputs, load_document, load_markdown, read_source

from .run_toolkit import toolkit

BODY = "关于开展科技活动周的通知\n\n各有关单位：为深入实施创新驱动发展战略，现将有关事项通知如下。\n"


def alias_bomb(levels: int = 9) -> str:
    """'Billion laughs' front matter: nine levels of nine aliases each, the last one the
    title, so that reading the title would build 9**9 strings."""
    names = "abcdefghijklmnop"
    lines = [f"{names[0]}: &{names[0]} [" + ",".join(['"lol"'] * 9) + "]"]
    for i in range(1, levels):
        refs = ",".join([f"*{names[i - 1]}"] * 9)
        lines.append(f"{names[i]}: &{names[i]} [{refs}]")
    lines.append("title: [" + ",".join([f"*{names[levels - 1]}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\n---\n\n" + BODY


# --- YAML front matter -----------------------------------------------------------------------------


def test_front_matter_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    """A 600-byte alias bomb in front matter used to run `normalize` into gigabytes."""
    bomb = tmp_path / "bomb.md"
    bomb.write_text(alias_bomb(), encoding="utf-8")
    assert len(bomb.read_bytes()) < 700
    good = tmp_path / "good.md"
    good.write_text("---\ntitle: 通知\n---\n\n" + BODY, encoding="utf-8")
    result = toolkit("normalize", str(bomb), str(good), "-o", str(tmp_path / "out"), cwd=tmp_path, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {bomb}:2: front matter uses YAML aliases (&/*), which are not allowed (write each value out in full)"
    ]
    assert (tmp_path / "out" / "good.md").exists()


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: &t 通知\n", "uses YAML aliases"),  # an anchor alone is refused too
        ("title: [通知, 公告]\n", "field 'title' is a list; it must be a single value"),
        ("date: {year: 2021}\n", "field 'date' is a mapping"),
        ("title: 'open\n", "not valid YAML"),
        ("a:\n" + "[" * 5000 + "\n", "not valid YAML"),
        ("[" * 50_000 + "\n", "nested too deeply"),
        ("note: " + "长" * 64 * 1024 + "\n", "front matter is over 64 KiB"),
    ],
)
def test_bad_front_matter_is_a_clear_error(front: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        load_markdown("---\n" + front + "---\n\n" + BODY, Path("doc.md"))
    assert err.value.render().startswith("doc.md:") and message in err.value.message


def test_unknown_fields_may_hold_anything_and_scalars_stay_text() -> None:
    doc = load_markdown("---\ntitle: 通知\ndate: 2021-05-06\ntags: [a, b]\n---\n\n" + BODY, Path("doc.md"))
    assert (doc.meta.title, doc.meta.date) == ("通知", "2021-05-06")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000, "not a toolkit document JSON: nested too deeply"),
        ('{"meta": [], "blocks": []}', "not a toolkit document JSON"),
        ('{"meta": {"slug": "x"}, "blocks": 5}', "not a toolkit document JSON"),
    ],
)
def test_hostile_document_json_is_a_clear_error(runner: CliRunner, tmp_path: Path, text: str, message: str) -> None:
    """A deeply nested or mistyped .json input ended in a traceback (RecursionError, AttributeError)."""
    doc = tmp_path / "doc.json"
    doc.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["normalize", str(doc), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and (result.exception is None or isinstance(result.exception, SystemExit))
    assert result.stderr.startswith(f"error: {doc}: {message}"), result.stderr


# --- what is read: regular files only, within a size limit ----------------------------------------


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    path = tmp_path / "in" / "pipe.txt"
    path.parent.mkdir()
    os.mkfifo(path)
    return path


def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path, fifo: Path) -> None:
    """Opening a FIFO blocks until something writes to it: it used to hang `clean`."""
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    result = toolkit("clean", str(fifo), str(good), "-o", str(tmp_path / "out"), cwd=tmp_path, timeout=60)
    assert result.returncode == 1, result.stderr
    assert f"error: {fifo}: a named pipe (FIFO), not a regular file" in result.stderr
    assert (tmp_path / "out" / "good.md").exists()


def test_a_named_pipe_in_a_folder_is_an_error_of_its_own(tmp_path: Path, fifo: Path) -> None:
    (fifo.parent / "good.txt").write_text(BODY, encoding="utf-8")
    assert expand_inputs([fifo.parent]) == [fifo.parent / "good.txt", fifo]
    result = toolkit("clean", str(fifo.parent), "-o", str(tmp_path / "out"), cwd=tmp_path, timeout=60)
    assert result.returncode == 1, result.stderr
    assert f"error: {fifo}: a named pipe (FIFO), not a regular file" in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["good.md"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused(tmp_path: Path) -> None:
    """/dev/zero never ends: reading it used to end in MemoryError (after eating the memory)."""
    result = toolkit("clean", "/dev/zero", "-o", str(tmp_path / "out"), cwd=tmp_path, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "error: /dev/zero: a character device, not a regular file" in result.stderr
    with pytest.raises(InputError, match="character device"):
        load_document(Path("/dev/zero"))


def test_a_folder_given_as_a_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "page.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="a folder, not a regular file"):
        read_source(folder)


def test_files_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(BODY * 100, encoding="utf-8")
    size = page.stat().st_size
    assert read_source(page, max_bytes=size).blocks
    with pytest.raises(InputError) as err:
        read_source(page, max_bytes=size - 1)
    assert "input limit" in err.value.message and "max-input-mb" in (err.value.hint or "")
    doc = tmp_path / "doc.md"
    doc.write_text("---\ntitle: 通知\n---\n\n" + BODY * 100, encoding="utf-8")
    with pytest.raises(InputError, match="input limit"):
        load_document(doc, max_bytes=1000)


def test_max_input_mb_setting_reaches_the_commands(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "toolkit.toml").write_text("max-input-mb = 0.001\n", encoding="utf-8")  # 1,048 bytes
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(BODY, encoding="utf-8")
    large.write_text(BODY * 20, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["clean", str(small), str(large), "-o", "out"])
    assert result.exit_code == 1
    assert f"error: {large}: file is {large.stat().st_size:,} bytes, over the 1,048 bytes input limit" in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["small.md"]


# --- line ends ------------------------------------------------------------------------------------


def test_split_lines_ends_lines_at_lf_crlf_and_cr_only() -> None:
    split_lines = files.split_lines
    text = "一\f二\v三\x1c\x1d\x1e四\x85五\u2028六\u2029七\r\n八\r九\n\n十\n"
    assert split_lines(text) == ["一\f二\v三\x1c\x1d\x1e四\x85五\u2028六\u2029七", "八", "九", "", "十"]
    assert split_lines("") == [] and split_lines("a") == ["a"] and split_lines("a\r\n") == ["a"]
    assert text.splitlines() != split_lines(text)  # what str.splitlines would have done


def test_explain_line_numbers_count_only_real_line_ends(runner: CliRunner, tmp_path: Path) -> None:
    """A form feed (a PDF page break) or U+2028 used to shift every later line number."""
    page = tmp_path / "page.txt"
    lines = [
        "首页 > 新闻中心",
        "关于开展科技活动周的通知\f",
        "发布时间：2021-05-06\u2028",
        "各有关单位：为深入实施创新驱动发展战略，现将有关事项通知如下。",
        "打印本页\x85关闭窗口",
    ]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["clean", str(page), "-o", str(tmp_path / "out"), "--explain", "--quiet"])
    assert result.exit_code == 0, result.stderr
    explained = {line.split("] ", 1)[1]: int(line.split(":")[1]) for line in result.stdout.splitlines()}
    assert explained["首页 > 新闻中心"] == 1
    assert explained["发布时间：2021-05-06"] == 3
    assert explained["打印本页 关闭窗口"] == 5  # U+0085 read as a space inside its line
    doc = read_source(page)
    assert [b.lines[0] for b in doc.blocks] == [1, 2, 3, 4, 5]
