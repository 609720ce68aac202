"""toolkit.batch: reading and translating many inputs, reported to a Listener, no terminal."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from toolkit.batch import Collected, ReadTask, input_paths, read_documents, read_one, translate_documents
from toolkit.config import Config
from toolkit.document import Document
from toolkit.errors import ConfigError, InputError

from .conftest import GLOSSARY, ROOT, SEED_FILES


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED_FILES[0], folder / "a.txt")
    shutil.copy(SEED_FILES[1], folder / "b")  # no suffix: a text dump
    (folder / "c.csv").write_text("not,an,input\n", encoding="utf-8")  # no reader claims .csv
    (folder / ".hidden.txt").write_text("科技\n", encoding="utf-8")
    return folder


def test_importing_batch_pulls_in_no_terminal_code() -> None:
    code = "import sys, toolkit.batch; print(sorted(m for m in ('typer', 'click', 'rich') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_folders_give_the_files_a_reader_claims(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert [p.name for p in input_paths([folder])] == ["a.txt", "b"]
    # a file given by name is read whatever its suffix (as a text dump)
    assert input_paths([folder / "c.csv"]) == [folder / "c.csv"]


def test_read_documents_reports_failures_and_goes_on(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    listener = Collected()
    docs = read_documents([folder, tmp_path / "missing.txt"], listener)
    assert docs == []  # a missing input stops the listing: nothing is read
    assert [type(e) for e in listener.failed] == [InputError]

    listener = Collected()
    docs = read_documents([folder], listener)
    assert [d.meta.origin for d in docs] == ["a.txt", "b"]
    assert all(isinstance(d, Document) and d.blocks for d in docs)
    assert [e.path.name for e in listener.failed if e.path] == ["empty.txt"]


def test_a_process_pool_reads_the_same_documents(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    one, two = Collected(), Collected()
    assert read_documents([folder], one, jobs=2) == read_documents([folder], two, jobs=1)
    assert one.failed == two.failed == []


def test_two_inputs_with_one_output_name(tmp_path: Path) -> None:
    shutil.copy(SEED_FILES[0], tmp_path / "report.txt")
    shutil.copy(SEED_FILES[1], tmp_path / "Report.text")
    listener = Collected()
    docs = read_documents([tmp_path / "report.txt", tmp_path / "Report.text"], listener)
    assert [d.meta.origin for d in docs] == ["report.txt"]
    [err] = listener.failed
    assert "output name 'report' is also used by report.txt" in err.render()


def test_an_unknown_format_is_refused_before_reading(tmp_path: Path) -> None:
    listener = Collected()
    with pytest.raises(ConfigError, match="--format text or --format html"):
        read_documents([tmp_path / "does-not-exist"], listener, fmt="pdf")
    assert listener.failed == []


def test_read_one_returns_its_error(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x00\x01\x02" * 100)
    result = read_one(ReadTask(path))
    assert isinstance(result, InputError) and result.path == path
    doc = read_one(ReadTask(SEED_FILES[0], until="segment"))
    assert isinstance(doc, Document) and doc.segments


def test_translate_documents_says_which_backend_and_why(tmp_path: Path) -> None:
    cfg = Config(backend="gloss", tm=tmp_path / "tm.sqlite")
    listener = Collected()
    done = translate_documents([SEED_FILES[0]], listener, cfg, GLOSSARY)
    assert listener.warnings[0].startswith("WARNING: --backend gloss was given")
    assert done.choice.backend.engine == "gloss" and done.choice.warning
    [doc] = done.docs
    assert all(s.en for s in doc.segments)
    assert done.stats.translated > 0 and done.stats.from_memory == 0
    assert set(done.misses) == {doc.meta.slug}
    assert done.glossary.version

    again = translate_documents([SEED_FILES[0]], Collected(), replace(cfg, use_cache=False), GLOSSARY)
    assert again.stats.translated == 0 and again.stats.from_memory == done.stats.translated
    # with the translation cache the unchanged document is taken whole, the same
    cached = translate_documents([SEED_FILES[0]], Collected(), cfg, GLOSSARY)
    assert cached.stats.cached == 1 and cached.stats.from_memory == 0 and cached.docs == done.docs
    assert cached.problems == done.problems and cached.misses == done.misses


def test_a_bug_met_on_one_file_is_that_files_error_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from toolkit import pipeline

    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    shutil.copy(SEED_FILES[0], good)
    bad.write_text("标题\n\n正文第一段。\n", encoding="utf-8")
    real = pipeline.STAGES[0][1]

    def clean(docs: list[Document], ctx: pipeline.Context) -> list[Document]:
        if any(d.meta.origin == "bad.txt" for d in docs):
            raise UnboundLocalError("cannot access local variable 'headline'")
        return real(docs, ctx)

    monkeypatch.setattr(pipeline, "STAGES", (("clean", clean), *pipeline.STAGES[1:]))
    seen = Collected()
    docs = read_documents([good, bad], seen)
    assert [d.meta.origin for d in docs] == ["good.txt"]
    [error] = seen.failed
    assert error.path == bad and "internal error while reading (UnboundLocalError" in error.render()
    assert "please report it" in error.render()


def test_every_held_out_real_page_cleans_without_error() -> None:
    """Robustness only: the held-out pages are never used to tune the cleaner (their scores are
    in tests/pages_real_heldout/README.md), but none may crash it."""
    pages = sorted((ROOT / "tests" / "pages_real_heldout").glob("*.html"))
    seen = Collected()
    docs = read_documents(pages, seen, until="segment")
    assert len(pages) >= 12 and not seen.failed and len(docs) == len(pages)
