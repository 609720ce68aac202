"""Build a real Argos Translate package with random weights (no download needed).

A SentencePiece model trained on the seeds, a CTranslate2 Transformer built from numpy
weights with ``ctranslate2.specs.TransformerSpec``, a ``metadata.json``, zipped with the
package folder at the top level — the format ``argostranslate.package.install_from_path``
installs. Its output is gibberish, but it runs the real loading, batching and decoding code.

Used by the tests (a tiny package) and by ``benchmarks/mt.py`` (transformer-base size).
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_sentences() -> list[str]:
    """Sentences of the seed documents (the SentencePiece training text)."""
    out: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out += [s for s in re.split(r"(?<=[。！？；])", line.strip()) if len(s) > 1]
    return out


def train_sentencepiece(texts: Iterable[str], prefix: Path, vocab_size: int = 3000) -> Path:
    import sentencepiece as spm

    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(texts)),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        character_coverage=0.9995,
        model_type="unigram",
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def _shape(name: str, d: int, ff: int, vocab: int) -> tuple[int, ...] | None:
    """The shape of a required TransformerSpec variable, from its path."""
    leaf = name.rsplit("/", 1)[-1]
    if "embeddings" in name and leaf == "weight":
        return (vocab, d)
    if name.endswith("projection/weight"):
        return (vocab, d)
    if leaf in ("gamma", "beta"):
        return (d,)
    if "/ffn/linear_0/" in name:
        return (ff, d)
    if "/ffn/linear_1/" in name:
        return (d, ff)
    if "/self_attention/linear_0/" in name:
        return (3 * d, d)
    if "/attention/linear_1/" in name:  # cross-attention keys and values, fused
        return (2 * d, d)
    if "attention/linear_" in name:
        return (d, d)
    return None


def build_model(
    out_dir: Path,
    vocab: list[str],
    *,
    layers: tuple[int, int] = (2, 2),
    d_model: int = 64,
    heads: int = 4,
    ffn: int = 128,
    eos_bias: float = 1.0,
    weight_std: float = 0.08,
    seed: int = 0,
) -> None:
    """A CTranslate2 Transformer with random weights, saved to ``out_dir``."""
    from ctranslate2.specs import model_spec, transformer_spec

    rng = np.random.default_rng(seed)
    spec = transformer_spec.TransformerSpec.from_config(layers, heads)
    missing: list[str] = []

    def fill(layer: object, name: str, value: object) -> None:
        if value is not None:
            return
        shape = _shape(name, d_model, ffn, len(vocab))
        if shape is None:
            missing.append(name)
            return
        if name.endswith("gamma"):
            array = np.ones(shape, dtype=np.float32)
        elif name.endswith("beta"):
            array = np.zeros(shape, dtype=np.float32)
        else:
            array = rng.normal(0.0, weight_std, size=shape).astype(np.float32)
        setattr(layer, name.rsplit("/", 1)[-1], array)

    model_spec.visit_spec(spec, fill)
    if missing:
        raise RuntimeError(f"no shape known for {missing}")
    # Random weights never choose </s> (id 2) by themselves: bias the output toward it so
    # decoding stops after a sentence-like length.
    bias = np.zeros(len(vocab), dtype=np.float32)
    bias[vocab.index("</s>")] = eos_bias
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization=None)
    out_dir.mkdir(parents=True, exist_ok=True)  # TransformerSpec.save does not create it
    spec.save(str(out_dir))


def build_package(
    work: Path,
    *,
    version: str = "1.0",
    vocab_size: int = 3000,
    target_vocab_size: int | None = None,
    target_prefix: str = "",
    **model_args: object,
) -> Path:
    """Build ``translate-zh_en-<version>.argosmodel`` in ``work``; return its path.

    ``target_vocab_size`` pads the model's vocabulary with extra tokens (benchmark
    models want argos-train's 50k vocabulary; SentencePiece on the seeds supports ~4k).
    """
    import sentencepiece as spm

    name = f"translate-zh_en-{version.replace('.', '_')}"
    pkg = work / name
    if pkg.exists():
        shutil.rmtree(pkg)
    pkg.mkdir(parents=True)
    sp_path = train_sentencepiece(seed_sentences(), work / f"sp-{vocab_size}", vocab_size)
    shutil.copy(sp_path, pkg / "sentencepiece.model")
    sp = spm.SentencePieceProcessor(model_file=str(sp_path))
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    if target_vocab_size and target_vocab_size > len(vocab):
        vocab += [f"▁x{i}" for i in range(target_vocab_size - len(vocab))]
    build_model(pkg / "model", vocab, **model_args)  # type: ignore[arg-type]
    metadata = {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": "zh",
        "from_name": "Chinese",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "target_prefix": target_prefix,
        "links": [],
    }
    (pkg / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (pkg / "README.md").write_text("Random-weight test package built by tests/argos_package.py.\n", encoding="utf-8")
    archive = work / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for file in sorted(pkg.rglob("*")):
            if file.is_file():
                zf.write(file, f"{name}/{file.relative_to(pkg)}")
    return archive
