"""Translate: backend choice, the gloss backend, provenance, term adherence."""

from __future__ import annotations

import pytest

from toolkit import glossary
from toolkit.errors import ModelError
from toolkit.files import read_source
from toolkit.pipeline import Context, run
from toolkit.translate import choose_backend, term_misses

from .conftest import GLOSSARY, SEED_FILES, SEEDS


@pytest.fixture(scope="module")
def gl() -> glossary.Glossary:
    return glossary.load(GLOSSARY)


def test_gloss_is_chosen_loudly_without_a_model(gl: glossary.Glossary) -> None:
    choice = choose_backend("auto", gl)
    assert choice.backend.engine == "gloss" and choice.warning
    assert "NOT a translation" in choice.reason and "toolkit models install" in choice.reason


def test_argos_without_a_model_is_a_clear_error(gl: glossary.Glossary) -> None:
    with pytest.raises(ModelError, match="no zh→en Argos package is installed"):
        choose_backend("argos", gl)


def test_seed_000_english_says_dual_wheel_drive(gl: glossary.Glossary) -> None:
    choice = choose_backend("gloss", gl)
    [doc] = run([read_source(SEEDS / "000_278de87c3f697afd.txt")], Context(glossary=gl, backend=choice.backend))
    english = " ".join(s.en for s in doc.segments)
    assert "dual-wheel drive" in english
    seg = next(s for s in doc.segments if "双轮驱动" in s.zh)
    assert ("双轮驱动", "dual-wheel drive") in [(t.zh, t.en) for t in seg.terms]


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_segment_has_english_provenance_and_all_terms(seed: object, gl: glossary.Glossary) -> None:
    choice = choose_backend("gloss", gl)
    [doc] = run([read_source(SEEDS / str(seed))], Context(glossary=gl, backend=choice.backend))
    assert doc.segments
    for s in doc.segments:
        assert s.en.strip(), s.id
        assert s.provenance is not None and s.provenance.engine == "gloss"
        assert "CC-CEDICT" in s.provenance.model and s.provenance.glossary == gl.version
    assert term_misses(doc) == []
