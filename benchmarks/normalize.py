"""Benchmark: script conversion, the OpenCC binding vs opencc-python-reimplemented, and the stage.

A corpus of at least 20 MB of Traditional text: the seeds, cleaned, the Simplified ones turned
into Taiwan (``s2twp``) and Hong Kong (``s2hk``) Traditional, repeated with variations, plus the
Taiwan- and Hong Kong-phrased test pages. Times, per document:

* the ``opencc`` binding (what the toolkit uses): ``t2s`` and ``tw2sp``;
* ``opencc-python-reimplemented`` (pure Python): the same configurations;
* the toolkit: ``convert_script`` (binding + fixes) and ``normalize`` (detection, punctuation,
  script, fixes) on whole documents.

Run by hand:

    .venv/bin/python benchmarks/normalize.py [--mb 20] [--reimplemented DIR]

``opencc-python-reimplemented`` installs a package also called ``opencc`` and overwrites the
binding's ``opencc/__init__.py`` if installed into the same environment: install it into a folder
of its own and pass that folder (default: ``$OPENCC_REIMPLEMENTED``, else /tmp/opencc-reimpl):

    .venv/bin/pip install --target /tmp/opencc-reimpl opencc-python-reimplemented
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import opencc  # the binding, imported before the reimplementation can shadow it

from toolkit.clean import clean
from toolkit.document import Block, Document, Meta
from toolkit.files import read_source
from toolkit.normalize import convert_script, normalize

ROOT = Path(__file__).resolve().parent.parent


def corpus(mb: float) -> list[str]:
    """Traditional documents, at least ``mb`` MiB of UTF-8 in all."""
    bases: list[str] = []
    for path in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "normalize").glob("*.txt"))]:
        text = "\n".join(b.text for b in clean(read_source(path)).blocks)
        if opencc.OpenCC("t2s").convert(text) == text:  # Simplified: make Taiwan and Hong Kong versions
            bases += [opencc.OpenCC("s2twp").convert(text), opencc.OpenCC("s2hk").convert(text)]
        else:
            bases.append(text)
    rng = random.Random(0)
    docs: list[str] = []
    size = 0
    while size < mb * 2**20:
        base = rng.choice(bases)
        paragraphs = base.splitlines()
        rng.shuffle(paragraphs)  # vary: paragraph order and numbers
        doc = "\n".join(paragraphs).replace("2019", str(rng.randint(1990, 2030)))
        docs.append(doc)
        size += len(doc.encode())
    return docs


def load_reimplemented(folder: Path) -> ModuleType | None:
    """``opencc-python-reimplemented`` from ``folder``, imported without disturbing the binding."""
    if not (folder / "opencc" / "dictionary").is_dir():
        return None
    binding = {k: v for k, v in sys.modules.items() if k == "opencc" or k.startswith("opencc.")}
    for name in binding:
        del sys.modules[name]
    sys.path.insert(0, str(folder))
    try:
        module = importlib.import_module("opencc")
    finally:
        sys.path.remove(str(folder))
        for name in [k for k in sys.modules if k == "opencc" or k.startswith("opencc.")]:
            del sys.modules[name]
        sys.modules.update(binding)
    return module


def timed(label: str, fn: Callable[[str], Any], docs: list[str], mb: float) -> list[Any]:
    start = time.perf_counter()
    out = [fn(d) for d in docs]
    seconds = time.perf_counter() - start
    print(f"{label:<44} {seconds:8.2f} s {mb / seconds:9.2f} MB/s", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MiB (default 20)")
    parser.add_argument(
        "--reimplemented",
        type=Path,
        default=Path(os.environ.get("OPENCC_REIMPLEMENTED", "/tmp/opencc-reimpl")),
        help="folder opencc-python-reimplemented was installed into with pip --target",
    )
    args = parser.parse_args()

    docs = corpus(args.mb)
    mb = sum(len(d.encode()) for d in docs) / 2**20
    print(f"corpus: {len(docs)} documents, {mb:.1f} MiB UTF-8, {sum(map(len, docs)) / 1e6:.1f} M characters")
    print(f"{'':<44} {'time':>10} {'throughput':>14}")

    results: dict[str, list[Any]] = {}
    for config in ("t2s", "tw2sp"):
        cc = opencc.OpenCC(config)
        results[f"binding {config}"] = timed(f"opencc binding {opencc.__version__}, {config}", cc.convert, docs, mb)

    reimplemented = load_reimplemented(args.reimplemented)
    if reimplemented is None:
        print(f"opencc-python-reimplemented: not found in {args.reimplemented} (see the docstring to install it)")
    else:
        for config in ("t2s", "tw2sp"):
            cc = reimplemented.OpenCC(config)
            out = timed(f"opencc-python-reimplemented, {config}", cc.convert, docs, mb)
            same = sum(a == b for a, b in zip(out, results[f"binding {config}"], strict=True))
            print(f"{'':<44} (same output as the binding for {same} of {len(docs)} documents)")

    timed("toolkit convert_script, tw2sp + fixes", lambda d: convert_script(d, "tw2sp"), docs, mb)

    def stage(text: str) -> Document:
        blocks = tuple(Block("paragraph", p, lines=(i,)) for i, p in enumerate(text.splitlines(), 1))
        return normalize(Document(meta=Meta(slug="bench"), blocks=blocks))

    timed("toolkit normalize (detect, punctuation, script)", stage, docs, mb)


if __name__ == "__main__":
    main()
