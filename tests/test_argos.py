"""The Argos backend on a real (random-weight) Argos package the tests build and install."""

from __future__ import annotations

import html
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.document import Segment, TermMatch
from toolkit.tm import TranslationMemory
from toolkit.translate.argos import GUARD_SPREAD, _aligned_span, _chunks, max_target_length, trim_repetition

from .conftest import GLOSSARY, SEED_FILES, SEEDS, invoke

SLUG0 = "000-278de87c3f697afd"


def translate_json(runner: CliRunner, out: Path, *args: str) -> dict:  # type: ignore[type-arg]
    code, stdout, err = invoke(runner, "translate", *args, "-o", str(out), "--json")
    assert code == 0, err
    return json.loads(stdout)  # type: ignore[no-any-return]


def test_models_install_list_remove(argos_installed: Path, runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "models", "list", "--json")
    assert code == 0
    [model] = json.loads(out)["models"]
    assert (model["name"], model["from"], model["to"], model["version"]) == ("translate-zh_en-1_0", "zh", "en", "1.0")
    assert Path(model["path"]).parent == argos_installed
    code, out, _ = invoke(runner, "models", "list")
    assert "translate-zh_en-1_0\tzh→en\t1.0" in out
    code, out, _ = invoke(runner, "models", "remove", "translate-zh_en-1_0")
    assert code == 0 and not any(argos_installed.iterdir())


def test_translate_with_argos(argos_installed: Path, runner: CliRunner, tmp_path: Path) -> None:
    report = translate_json(runner, tmp_path / "out", *map(str, SEED_FILES), "--glossary", str(GLOSSARY), "--no-tm")
    assert report["backend"]["engine"] == "argos" and report["backend"]["model"] == "translate-zh_en-1_0 1.0"
    # Term adherence: every matched glossary term is in its segment's English.
    assert report["qa"]["term_misses"] == []
    data = json.loads((tmp_path / "out" / f"{SLUG0}.json").read_text(encoding="utf-8"))
    for seg in data["segments"]:
        assert seg["provenance"]["engine"] == "argos"
        assert seg["provenance"]["model"] == "translate-zh_en-1_0 1.0"
        for term in seg["terms"]:
            assert term["en"].lower() in seg["en"].lower()
    assert any("dual-wheel drive" in s["en"] for s in data["segments"])


def test_translation_path_does_not_import_argos_translate_or_torch(argos_installed: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from toolkit.cli import app\n"
        f"args = ['translate', {str(SEED_FILES[2])!r}, '-o', {str(tmp_path / 'o')!r}, '--backend', 'argos', '-q']\n"
        "try:\n    app(args)\n"
        "except SystemExit as e:\n    assert not e.code, e.code\n"
        "print(sorted(m for m in ('argostranslate.translate', 'torch', 'stanza', 'spacy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ)
    assert out.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "o" / "002-a1976a7a51a0a365.json").exists()


def test_build_uses_argos_when_installed(argos_installed: Path, runner: CliRunner, tmp_path: Path) -> None:
    args = ["build", "--input", str(SEEDS), "--glossary", str(GLOSSARY), "--no-tm"]
    args += ["--docs-dir", str(tmp_path / "d"), "--site-dir", str(tmp_path / "s")]
    code, _, err = invoke(runner, *args)
    assert code == 0, err
    assert "backend: argos — Argos package translate-zh_en-1_0 1.0 is installed" in err
    page = html.unescape((tmp_path / "s" / "en" / f"{SLUG0}.html").read_text(encoding="utf-8"))
    assert "Machine translation" in page and "translate-zh_en-1_0 1.0" in page and "Dictionary gloss" not in page
    # --backend gloss overrides.
    code, _, err = invoke(runner, *args, "--backend", "gloss")
    assert code == 0 and "dictionary gloss, NOT a translation" in err


def test_rerun_translates_nothing(argos_installed: Path, runner: CliRunner, tmp_path: Path) -> None:
    tm = tmp_path / "tm.sqlite"
    first = translate_json(runner, tmp_path / "a", str(SEED_FILES[0]), "--glossary", str(GLOSSARY), "--tm", str(tm))
    assert first["translation"]["translated"] > 20 and first["translation"]["from_memory"] == 0
    common = [str(SEED_FILES[0]), "--glossary", str(GLOSSARY), "--tm", str(tm)]
    second = translate_json(runner, tmp_path / "b", *common, "--no-cache")  # the memory alone
    made = first["translation"]["translated"]
    assert second["translation"] == {"translated": 0, "from_memory": made, "fuzzy": 0, "unchanged_documents": 0}
    a = (tmp_path / "a" / f"{SLUG0}.json").read_text(encoding="utf-8")
    assert a == (tmp_path / "b" / f"{SLUG0}.json").read_text(encoding="utf-8")
    third = translate_json(runner, tmp_path / "c", *common)  # the document whole, from the cache
    assert third["translation"] == {"translated": 0, "from_memory": 0, "fuzzy": 0, "unchanged_documents": 1}
    assert a == (tmp_path / "c" / f"{SLUG0}.json").read_text(encoding="utf-8")


def test_glossary_edit_retranslates_only_segments_with_the_term(
    argos_installed: Path, runner: CliRunner, tmp_path: Path
) -> None:
    glossary = tmp_path / "glossary"
    shutil.copytree(GLOSSARY, glossary)
    tm = tmp_path / "tm.sqlite"
    args = [str(p) for p in SEED_FILES] + ["--glossary", str(glossary), "--tm", str(tm)]
    translate_json(runner, tmp_path / "a", *args)
    terms = glossary / "terms.tsv"
    text = terms.read_text(encoding="utf-8")
    assert "双轮驱动\tdual-wheel drive\t" in text
    terms.write_text(text.replace("双轮驱动\tdual-wheel drive\t", "双轮驱动\ttwin-engine drive\t"), encoding="utf-8")
    report = translate_json(runner, tmp_path / "b", *args)
    with_term = set()
    for out in (tmp_path / "b").glob("*.json"):
        for seg in json.loads(out.read_text(encoding="utf-8"))["segments"]:
            if any(t["zh"] == "双轮驱动" for t in seg["terms"]):
                with_term.add(seg["zh"])
                assert "twin-engine drive" in seg["en"]
    assert with_term and report["translation"]["translated"] == len(with_term)
    assert report["qa"]["term_misses"] == []


def test_reviewed_translation_overrides_machine_output(
    argos_installed: Path, runner: CliRunner, tmp_path: Path
) -> None:
    tm = tmp_path / "tm.sqlite"
    translate_json(runner, tmp_path / "a", str(SEED_FILES[0]), "--tm", str(tm))
    seg = json.loads((tmp_path / "a" / f"{SLUG0}.json").read_text(encoding="utf-8"))["segments"][0]
    with TranslationMemory(tm) as memory:
        memory.add_review(seg["zh"], "Work report 2019 (reviewed).")
    translate_json(runner, tmp_path / "b", str(SEED_FILES[0]), "--tm", str(tm))
    again = json.loads((tmp_path / "b" / f"{SLUG0}.json").read_text(encoding="utf-8"))["segments"][0]
    assert again["en"] == "Work report 2019 (reviewed)."
    assert again["provenance"]["engine"] == "human" and again["provenance"]["reviewed"] is True


def test_kill_9_then_rerun_resumes(argos_installed: Path, tmp_path: Path) -> None:
    """kill -9 in the middle of a run; the rerun does not redo finished segments; nothing corrupt."""
    pages = tmp_path / "pages"
    pages.mkdir()
    # Many distinct segments: each seed line varied by a running number.
    for copy in range(6):
        for seed in SEED_FILES:
            lines = seed.read_text(encoding="utf-8").splitlines()
            text = "\n".join(line.replace("。", f"{copy}号。") for line in lines)
            (pages / f"c{copy:02d}-{seed.name}").write_text(text, encoding="utf-8")
    tm = tmp_path / "tm.sqlite"
    cmd = [sys.executable, "-m", "toolkit", "translate", str(pages), "-o", str(tmp_path / "out"), "--tm", str(tm)]
    cmd += ["--glossary", str(GLOSSARY), "--backend", "argos", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stored = 0
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if tm.exists():
            try:
                with sqlite3.connect(tm, timeout=1) as db:
                    stored = db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
            except sqlite3.Error:
                stored = 0
        if stored > 0:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.05)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed; give it more input"
    for leftover in (tmp_path / "out").glob("*"):
        assert not leftover.name.endswith(".tmp")
    with sqlite3.connect(tm) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finished = db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
    assert finished >= stored > 0
    rerun = subprocess.run([*cmd[:-1], "--json"], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["translation"]["from_memory"] == finished
    with sqlite3.connect(tm) as db:
        total = db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
    assert report["translation"]["translated"] == total - finished
    assert len(list((tmp_path / "out").glob("*.json"))) == 30


def test_length_guard() -> None:
    assert max_target_length(10) == 30 and max_target_length(5000) == 1024


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["a", "b", "c", "c", "c", "c"], ["a", "b", "c"]),
        (["x", "a", "b", "a", "b", "a", "b"], ["x", "a", "b"]),
        (["a", "b", "a", "b"], ["a", "b", "a", "b"]),  # two repeats: kept
        (["the", "plan", "."], ["the", "plan", "."]),
    ],
)
def test_trim_repetition(tokens: list[str], expected: list[str]) -> None:
    assert trim_repetition(tokens) == expected


def test_aligned_span() -> None:
    attention = [[0.9, 0.1, 0.0], [0.1, 0.8, 0.1], [0.0, 0.7, 0.3], [0.1, 0.1, 0.8]]
    assert _aligned_span(attention, {1}, 4) == (1, 3)
    assert _aligned_span([], {1}, 0) == (0, 0)


def test_terms_go_in_even_when_the_model_drops_them(argos_installed: Path) -> None:
    from toolkit.translate.argos import ArgosBackend, find_zh_en

    info = find_zh_en()
    assert info is not None
    backend = ArgosBackend(info)
    segs = [
        Segment(id="a", zh="坚持科技创新与制度创新双轮驱动。", terms=(TermMatch("双轮驱动", "dual-wheel drive", 11),)),
        Segment(
            id="b", zh="科创中心建设。", terms=(TermMatch("科创中心", "science and technology innovation center", 0),)
        ),
    ]
    out = dict(backend.translate(segs))
    assert "dual-wheel drive" in out[0] and "science and technology innovation center" in out[1]


def test_numbers_go_in_as_english_writes_them(argos_installed: Path) -> None:
    """The test model writes gibberish: every number of the Chinese reaches the English anyway,
    亿/万 amounts as English writes them, put in where the model's attention points (as terms)."""
    from toolkit.qa import missing_numbers
    from toolkit.translate.argos import ArgosBackend, find_zh_en

    info = find_zh_en()
    assert info is not None
    segs = [
        Segment(id="a", zh="2019年全市研发经费支出1328亿元，增长78.26%。"),
        Segment(id="b", zh="新增5.2万家企业。", terms=(TermMatch("企业", "enterprises", 6),)),
    ]
    out = dict(ArgosBackend(info).translate(segs))
    assert "132.8 billion" in out[0] and "78.26%" in out[0] and "2019" in out[0]
    assert "52,000" in out[1] and "enterprises" in out[1]
    assert [missing_numbers(s.zh, out[i]) for i, s in enumerate(segs)] == [[], []]


@pytest.mark.parametrize("backend", ["gloss", "argos"])
def test_term_adherence_on_unseen_pages(argos_installed: Path, runner: CliRunner, tmp_path: Path, backend: str) -> None:
    """Every matched glossary term is in the English, on pages the glossary was not made from."""
    pages = [str(p) for d in ("pages", "pages_heldout") for p in sorted((Path(__file__).parent / d).iterdir())]
    pages = [p for p in pages if not p.endswith((".yaml", ".md"))]
    report = translate_json(
        runner, tmp_path / "out", *pages, "--glossary", str(GLOSSARY), "--backend", backend, "--no-tm"
    )
    assert report["failed"] == []
    matched = sum(
        len(s["terms"])
        for out in (tmp_path / "out").glob("*.json")
        for s in json.loads(out.read_text(encoding="utf-8"))["segments"]
    )
    assert matched > 50 and report["qa"]["term_misses"] == []


def test_chunks_keep_each_guard_close_to_its_segments() -> None:
    """Sorted segments are cut where the guard grows by GUARD_SPREAD once a chunk fills a
    batch, and never past the chunk size; every segment is in exactly one chunk, in order."""
    lengths = [3] * 40 + [10] * 40 + [60] * 40
    order = list(range(len(lengths)))
    chunks = list(_chunks(order, lengths, max_tokens=2000, min_tokens=100, spread=GUARD_SPREAD))
    assert [i for c in chunks for i in c] == order
    for c in chunks:
        assert sum(lengths[i] for i in c) <= 2000
        guard = max_target_length(max(lengths[i] for i in c))
        first = max_target_length(lengths[c[0]])
        # a chunk spans a wider guard range only while it is smaller than a batch
        assert guard <= GUARD_SPREAD * first or sum(lengths[i] for i in c[:-1]) < 100
    # Without a spread, only the size cuts.
    assert [len(c) for c in _chunks(order, lengths, max_tokens=100_000)] == [120]
