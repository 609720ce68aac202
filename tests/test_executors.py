"""``--executor ray``: translation on Ray workers gives the local run's output, the driver
alone writes the memory, and a lost worker loses only its unfinished batch.

The tests start a local Ray cluster on 127.0.0.1 (2 CPUs, no dashboard) once for the module.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from toolkit import executors
from toolkit.batch import Collected, read_documents
from toolkit.document import Document, Segment
from toolkit.errors import ConfigError, ModelError
from toolkit.glossary import load
from toolkit.pipeline import Context, run
from toolkit.tm import TranslationMemory
from toolkit.translate import Stats, choose_backend, translate

from .conftest import GLOSSARY, SEED_FILES, invoke

HAVE_RAY = importlib.util.find_spec("ray") is not None
needs_ray = pytest.mark.skipif(not HAVE_RAY, reason="ray is not installed (pip install 'zh-en-toolkit[ray]')")


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    import ray

    ray.init(
        address="local",
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        _node_ip_address="127.0.0.1",
        runtime_env={"env_vars": {"PYTHONPATH": str(Path(__file__).resolve().parent.parent)}},
    )
    yield
    ray.shutdown()


def _translated(out: Path) -> dict[str, Any]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))}


@needs_ray
def test_ray_executor_gives_the_local_output(
    ray_cluster: None, argos_installed: Path, runner: CliRunner, tmp_path: Path
) -> None:
    common = [*map(str, SEED_FILES), "--glossary", str(GLOSSARY), "--backend", "argos", "--device", "cpu"]
    code, _, err = invoke(runner, "translate", *common, "-o", str(tmp_path / "local"), "--no-tm")
    assert code == 0, err
    args = [*common, "-o", str(tmp_path / "ray"), "--tm", str(tmp_path / "tm.sqlite"), "--executor", "ray"]
    code, out, err = invoke(runner, "translate", *args, "--workers", "2", "--json")
    assert code == 0, err
    assert _translated(tmp_path / "ray") == _translated(tmp_path / "local")  # English and provenance
    assert json.loads(out)["translation"]["translated"] > 0
    # the driver wrote the memory: a rerun on the local executor finds every segment there
    args = [*common, "-o", str(tmp_path / "again"), "--tm", str(tmp_path / "tm.sqlite"), "--json"]
    code, out, err = invoke(runner, "translate", *args)
    assert code == 0 and json.loads(out)["translation"]["translated"] == 0
    assert _translated(tmp_path / "again") == _translated(tmp_path / "local")


def _segmented() -> tuple[list[Document], Any]:
    gl = load(GLOSSARY)
    docs = read_documents(SEED_FILES, Collected(), until="segment")
    return run(docs, Context(glossary=gl), until="glossary", skip=("clean", "normalize", "segment")), gl


def _small_chunks(backend: Any) -> Any:
    backend.chunk_tokens = 160  # many batches, so that a worker can be lost mid-run
    return backend


class Killing:
    """The Ray backend, with workers killed (SIGKILL) after ``after`` results."""

    def __init__(self, inner: Any, after: int, victims: int) -> None:
        self.inner, self.after, self.victims = inner, after, victims
        self.engine, self.model = inner.engine, inner.model

    def translate(self, segments: Sequence[Segment]) -> Iterator[tuple[int, str]]:
        import ray

        for n, result in enumerate(self.inner.translate(segments)):
            yield result
            if n == self.after:
                for actor in self.inner.actors[: self.victims]:
                    os.kill(ray.get(actor.pid.remote()), signal.SIGKILL)


def _english(docs: list[Document]) -> list[tuple[str, str, Any]]:
    return [(s.id, s.en, s.provenance) for d in docs for s in d.segments]


@needs_ray
def test_a_lost_worker_loses_only_its_batch(ray_cluster: None, argos_installed: Path, tmp_path: Path) -> None:
    from toolkit.translate.ray_executor import RayBackend

    docs, gl = _segmented()
    local = translate(docs, _small_chunks(choose_backend("argos", gl, device="cpu").backend), gl)
    inner = _small_chunks(choose_backend("argos", gl, device="cpu").backend)
    ray_backend = RayBackend(inner, executors.Options(workers=2))
    assert len(inner.plan([s for d in docs for s in d.segments])) > 4
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        done = translate(docs, Killing(ray_backend, after=3, victims=1), gl, memory)  # type: ignore[arg-type]
    assert ray_backend.lost == 1
    assert _english(done) == _english(local)  # its batches went to the other worker


@needs_ray
def test_all_workers_lost_keeps_what_finished(ray_cluster: None, argos_installed: Path, tmp_path: Path) -> None:
    from toolkit.translate.ray_executor import RayBackend

    docs, gl = _segmented()
    local = translate(docs, _small_chunks(choose_backend("argos", gl, device="cpu").backend), gl)
    tm = tmp_path / "tm.sqlite"
    first = Stats()
    ray_backend = RayBackend(_small_chunks(choose_backend("argos", gl, device="cpu").backend), executors.Options(2))
    with TranslationMemory(tm) as memory, pytest.raises(ModelError, match="Ray worker"):
        translate(docs, Killing(ray_backend, after=3, victims=2), gl, memory, first)  # type: ignore[arg-type]
    assert first.translated >= 4
    with TranslationMemory(tm) as memory:
        assert memory.count() == first.translated  # every result that reached the driver is stored
        rerun = Stats()
        again = RayBackend(_small_chunks(choose_backend("argos", gl, device="cpu").backend), executors.Options(2))
        done = translate(docs, again, gl, memory, rerun)
    assert rerun.from_memory == first.translated and rerun.translated > 0
    assert _english(done) == _english(local)


def test_executor_ray_without_ray_is_one_line(
    monkeypatch: pytest.MonkeyPatch, runner: CliRunner, tmp_path: Path
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "ray" else real(name, *a))
    code, _, err = invoke(runner, "translate", str(SEED_FILES[0]), "-o", str(tmp_path / "o"), "--executor", "ray")
    assert code == 2
    assert err.strip() == ("error: --executor ray needs ray, which is not installed (pip install 'zh-en-toolkit[ray]')")
    assert not (tmp_path / "o").exists()


def test_unknown_executor(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "translate", str(SEED_FILES[0]), "-o", str(tmp_path / "o"), "--executor", "dask")
    assert code == 2 and "unknown executor 'dask'" in err and "--executor ray" in err
    with pytest.raises(ConfigError):
        executors.get("spark")


def test_device_cuda_without_a_gpu(
    argos_installed: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner, tmp_path: Path
) -> None:
    from toolkit.translate import argos

    monkeypatch.setattr(argos, "cuda_devices", lambda: 0)
    args = ["translate", str(SEED_FILES[0]), "-o", str(tmp_path / "o"), "--no-tm", "--glossary", str(GLOSSARY)]
    code, _, err = invoke(runner, *args, "--device", "cuda")
    assert code == 2 and err.splitlines()[-1] == (
        "error: --device cuda: no CUDA GPU is visible to CTranslate2 (use --device cpu, or --device auto)"
    )
    code, _, err = invoke(runner, *args, "--device", "auto")
    assert code == 0 and "device: auto → cpu (no CUDA GPU" in err
    code, _, err = invoke(runner, *args, "--device", "tpu")
    assert code == 2 and "unknown --device 'tpu'" in err


def test_compute_types() -> None:
    from toolkit.translate.argos import COMPUTE_TYPES

    assert COMPUTE_TYPES == {"cpu": "int8", "cuda": "int8_float16"}


@needs_ray
def test_the_gloss_runs_on_ray_too(ray_cluster: None, runner: CliRunner, tmp_path: Path) -> None:
    common = [*map(str, SEED_FILES[:2]), "--glossary", str(GLOSSARY), "--backend", "gloss", "--no-tm"]
    assert invoke(runner, "translate", *common, "-o", str(tmp_path / "local"))[0] == 0
    code, _, err = invoke(runner, "translate", *common, "-o", str(tmp_path / "ray"), "--executor", "ray")
    assert code == 0, err
    assert "executor: ray — translation runs on a local Ray cluster" in err
    assert _translated(tmp_path / "ray") == _translated(tmp_path / "local")
