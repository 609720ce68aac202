"""Every command through typer's CliRunner; results checked through the library."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.files import load_document

from .conftest import GLOSSARY, SEED_FILES, SEEDS, invoke


def test_help_lists_every_command(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "--help")
    assert code == 0
    for cmd in ("clean", "normalize", "translate", "build", "serve", "glossary", "models"):
        assert cmd in out


def test_clean(runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = invoke(runner, "clean", str(SEEDS), "-o", str(tmp_path), "--explain")
    assert code == 0, err
    written = sorted(tmp_path.glob("*.md"))
    assert len(written) == 5
    doc = load_document(tmp_path / "004-6cc1a28280856ca1.md")
    assert (doc.meta.title, doc.meta.date, doc.meta.source) == (
        "深圳市科技创新委2020年度工作情况暨2021年工作安排",
        "2021-05-28",
        "市科创委",
    )
    assert "004_6cc1a28280856ca1.txt:89: [page-timing] 0.4545s" in out
    assert "[breadcrumb] 首页 > 通知公告 > 通知公告" in out


def test_clean_json_report(runner: CliRunner, tmp_path: Path) -> None:
    code, out, _ = invoke(runner, "clean", str(SEED_FILES[2]), "-o", str(tmp_path), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["outputs"][0]["title"] == "2020年科技工作报告"
    assert {"line": 172, "rule": "window-control", "text": "[关闭窗口]"} in report["outputs"][0]["dropped"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"  \n\n", "file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "file is binary"),
        ("latin1.txt", "café 2019".encode("latin-1") * 3, "invalid UTF-8 byte 0xe9"),
    ],
)
def test_bad_input_fails_alone(runner: CliRunner, tmp_path: Path, name: str, data: bytes, message: str) -> None:
    bad = tmp_path / "in" / name
    bad.parent.mkdir()
    bad.write_bytes(data)
    out_dir = tmp_path / "out"
    code, _, err = invoke(runner, "clean", str(bad), str(SEED_FILES[0]), "-o", str(out_dir))
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and errors[0].split(": ", 1)[1].startswith(f"{bad}"), errors
    assert errors[0].split(": ", 2)[2].startswith(message), errors
    assert [p.name for p in out_dir.glob("*.md")] == ["000-278de87c3f697afd.md"]


def test_gb18030_input_is_decoded(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "gbk.txt"
    src.write_bytes(SEED_FILES[3].read_text(encoding="utf-8").encode("gb18030"))
    code, _, err = invoke(runner, "clean", str(src), "-o", str(tmp_path / "out"))
    assert code == 0, err
    doc = load_document(tmp_path / "out" / "gbk.md")
    assert doc.meta.encoding == "gb18030" and doc.meta.title.startswith("浦东新区科委科协")


def test_missing_input(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "clean", str(tmp_path / "nope"), "-o", str(tmp_path))
    assert code == 1 and "no such file or folder" in err


def test_normalize_from_raw_and_from_cleaned(runner: CliRunner, tmp_path: Path) -> None:
    seed = SEEDS / "001_30305e7df3106016.txt"
    assert invoke(runner, "clean", str(seed), "-o", str(tmp_path / "c"))[0] == 0
    for source in (tmp_path / "c", seed):
        out = tmp_path / ("n-" + source.name)
        code, _, err = invoke(runner, "normalize", str(source), "-o", str(out))
        assert code == 0, err
        doc = load_document(out / "001-30305e7df3106016.md")
        assert doc.meta.conversion == "tw2sp" and doc.meta.script == "traditional"
        assert "人工智能" in "".join(b.text for b in doc.blocks)


def test_normalize_bad_script_option(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "normalize", str(SEED_FILES[0]), "-o", str(tmp_path), "--script", "x2y")
    assert code == 2 and "unknown --script" in err


def test_translate_output_contract(runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = invoke(
        runner, "translate", str(SEED_FILES[0]), "-o", str(tmp_path), "--glossary", str(GLOSSARY), "--json"
    )
    assert code == 0, err
    assert "NOT a translation" in err  # said loudly
    report = json.loads(out)
    assert report["backend"]["engine"] == "gloss" and report["qa"]["term_misses"] == []
    data = json.loads((tmp_path / "000-278de87c3f697afd.json").read_text(encoding="utf-8"))
    assert set(data) == {"meta", "segments", "blocks"}
    assert data["meta"]["title"] == "2019年市科技工作党委、市科委工作情况报告"
    seg = next(s for s in data["segments"] if "双轮驱动" in s["zh"])
    assert set(seg) == {"id", "zh", "en", "terms", "provenance"}
    assert {"zh": "双轮驱动", "en": "dual-wheel drive"} in seg["terms"]
    assert "dual-wheel drive" in seg["en"]
    assert set(seg["provenance"]) >= {"engine", "model", "glossary"}
    assert (tmp_path / "000-278de87c3f697afd.md").read_text(encoding="utf-8").count("> ") > 10


def test_translate_argos_without_model(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "translate", str(SEED_FILES[0]), "-o", str(tmp_path), "--backend", "argos")
    assert code == 2
    assert "no zh→en Argos package is installed" in err and "toolkit models install" in err
    assert not list(tmp_path.iterdir())


def test_build_refuses_to_wipe_a_foreign_docs_dir(runner: CliRunner, tmp_path: Path) -> None:
    docs = tmp_path / "mydocs"
    docs.mkdir()
    (docs / "notes.md").write_text("my own notes", encoding="utf-8")
    code, _, err = invoke(
        runner, "build", "--input", str(SEEDS), "--docs-dir", str(docs), "--site-dir", str(tmp_path / "s")
    )
    assert code == 1 and "refusing to replace" in err
    assert (docs / "notes.md").read_text(encoding="utf-8") == "my own notes"


def test_build_missing_input(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "build", "--input", str(tmp_path / "none"), "--docs-dir", str(tmp_path / "d"))
    assert code == 1 and "input folder does not exist" in err


def test_build_with_a_bad_glossary_stops_before_writing(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "g.tsv"
    bad.write_text("zh\ten\tstatus\tfixed\tvariants\tsource\tnote\n双轮驱动\t\n", encoding="utf-8")
    code, _, err = invoke(
        runner, "build", "--input", str(SEEDS), "--glossary", str(bad), "--docs-dir", str(tmp_path / "d")
    )
    assert code == 2 and f"{bad}:2: empty en field" in err
    assert not (tmp_path / "d").exists()


def test_glossary_check_and_list(runner: CliRunner) -> None:
    code, _, err = invoke(runner, "glossary", "check", "--glossary", str(GLOSSARY))
    assert code == 0, err
    code, out, _ = invoke(runner, "glossary", "list", "--glossary", str(GLOSSARY), "--json")
    report = json.loads(out)
    assert (report["command"], report["outputs"], report["failed"]) == ("glossary list", [], [])
    rows = report["entries"]
    assert {"zh": "双轮驱动", "en": "dual-wheel drive"}.items() <= next(
        r for r in rows if r["zh"] == "双轮驱动"
    ).items()


def test_glossary_check_reports_errors_with_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "g.tsv"
    bad.write_text("zh\ten\tstatus\tfixed\tvariants\tsource\tnote\n双轮驱动\tx\tgone\n", encoding="utf-8")
    code, _, err = invoke(runner, "glossary", "check", "--glossary", str(bad))
    assert code == 2 and f"{bad}:2: error: status 'gone'" in err


def test_models_list_empty(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "models", "list", "--json")
    assert code == 0 and json.loads(out) == {"command": "models list", "outputs": [], "failed": [], "models": []}


def test_models_install_bad_files(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "models", "install", str(tmp_path / "missing.argosmodel"))
    assert code == 2 and "no such model file" in err
    notzip = tmp_path / "x.argosmodel"
    notzip.write_bytes(b"not a zip")
    code, _, err = invoke(runner, "models", "install", str(notzip))
    assert code == 2 and "not an Argos package" in err
    flat = tmp_path / "flat.argosmodel"
    with zipfile.ZipFile(flat, "w") as zf:
        zf.writestr("metadata.json", "{}")
    code, _, err = invoke(runner, "models", "install", str(flat))
    assert code == 2 and "zip the package folder itself" in err


def test_models_install_by_name_without_network(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """Up to the network boundary: the index URL points at a closed local port."""
    from argostranslate import settings

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(settings, "remote_package_index", f"http://127.0.0.1:{port}/index.json")
    code, _, err = invoke(runner, "models", "install", "translate-zh_en")
    assert code == 2
    assert "cannot reach the Argos package index" in err and "toolkit models install FILE" in err
    assert len(err.strip().splitlines()) == 1


def test_models_remove_unknown(runner: CliRunner) -> None:
    code, _, err = invoke(runner, "models", "remove", "translate-xx_yy")
    assert code == 2 and "no installed package" in err


def test_serve_serves_the_built_site(tmp_path: Path) -> None:
    """`toolkit serve` for real, in a subprocess on a free local port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    args = [sys.executable, "-m", "toolkit", "serve", "--input", str(SEEDS), "--glossary", str(GLOSSARY)]
    args += ["--docs-dir", str(tmp_path / "docs"), "--site-dir", str(tmp_path / "site"), "--port", str(port), "-q"]
    proc = subprocess.Popen(args, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        body = ""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/000-278de87c3f697afd.html", timeout=5) as r:
                    body = r.read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert "dual-wheel drive" in body, (
            proc.stdout.read().decode() if proc.poll() is not None and proc.stdout else ""
        )
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_parallel_clean_matches_serial(runner: CliRunner, tmp_path: Path) -> None:
    assert invoke(runner, "clean", str(SEEDS), "-o", str(tmp_path / "one"))[0] == 0
    assert invoke(runner, "clean", str(SEEDS), "-o", str(tmp_path / "two"), "--jobs", "2")[0] == 0
    for p in (tmp_path / "one").glob("*.md"):
        assert p.read_text(encoding="utf-8") == (tmp_path / "two" / p.name).read_text(encoding="utf-8")


def test_html_page(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    body = "，".join(["加快建设具有全球影响力的科技创新中心"] * 4) + "。"
    page.write_text(
        "<html><head><title>2021年科技工作要点_某市科学技术局</title>"
        '<meta name="PubDate" content="2021-03-05 09:00"><script>var x = "不是正文";</script></head><body>'
        '<div class="nav">首页 > 政务公开 > 通知公告</div>'
        "<h1>2021年科技工作要点</h1><p>来源：某市科学技术局　发布时间：2021-03-05</p>"
        f"<p>一、总体要求</p><p>{body}</p><p>二、重点任务</p><p>{body}</p>"
        "<div class='footer'>版权所有：某市科学技术局 ICP备12345678号</div></body></html>",
        encoding="utf-8",
    )
    code, _, err = invoke(runner, "clean", str(page), "-o", str(tmp_path / "out"), "--explain")
    assert code == 0, err
    doc = load_document(tmp_path / "out" / "report.md")
    assert (doc.meta.title, doc.meta.date, doc.meta.source, doc.meta.format) == (
        "2021年科技工作要点",
        "2021-03-05",
        "某市科学技术局",
        "html",
    )
    text = "\n".join(b.text for b in doc.blocks)
    assert "不是正文" not in text and "版权所有" not in text and "首页" not in text
    assert [b.text for b in doc.blocks if b.kind == "heading" and b.level == 2] == ["一、总体要求", "二、重点任务"]
