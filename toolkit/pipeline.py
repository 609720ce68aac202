"""The pipeline: the stages in order, by name, as data.

Each stage maps a list of documents to a list of documents, so a stage can run alone
(``toolkit normalize``), be skipped, or batch across documents (``translate`` sends every
pending segment of the run to the engine at once).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .clean import clean
from .document import Document
from .glossary import Glossary, apply_glossary
from .normalize import normalize
from .segment import segment
from .tm import TranslationMemory
from .translate import Stats
from .translate.base import Backend

if TYPE_CHECKING:
    from .batch import Listener


@dataclass(frozen=True, slots=True)
class Context:
    glossary: Glossary
    backend: Backend | None = None
    script: str | None = None
    """Forced OpenCC conversion for normalise (``tw2sp``, ``t2s``, ``hk2s``, ``none``)."""
    memory: TranslationMemory | None = None
    """Translation memory consulted and filled by translate; None: translate everything."""
    stats: Stats = field(default_factory=Stats)
    engine: bool = True
    """False: translate only from the memory (``toolkit status``); the rest keeps no English."""
    listener: Listener | None = None
    """Where translate shows its progress (segments per second, time left)."""


StageFn = Callable[[list[Document], Context], list[Document]]


def _each(fn: Callable[[Document, Context], Document]) -> StageFn:
    return lambda docs, ctx: [fn(d, ctx) for d in docs]


def _translate(docs: list[Document], ctx: Context) -> list[Document]:
    if ctx.backend is None:
        raise ValueError("translate stage needs a backend")
    from .translate import translate

    done = [d for d in docs if _translated(d)] if not ctx.engine else []
    todo = [d for d in docs if not any(d is t for t in done)]
    listener = ctx.listener

    def progress(results: Iterable[tuple[int, str]], total: int) -> Iterable[tuple[int, str]]:
        return listener.progress(results, "translating", total, "segments") if listener else results

    out = iter(translate(todo, ctx.backend, ctx.glossary, ctx.memory, ctx.stats, engine=ctx.engine, progress=progress))
    return [d if any(d is t for t in done) else next(out) for d in docs]


def _translated(doc: Document) -> bool:
    """True when every segment has English and provenance (a ``translate`` JSON read back)."""
    return bool(doc.segments) and all(s.en and s.provenance for s in doc.segments)


STAGES: tuple[tuple[str, StageFn], ...] = (
    ("clean", _each(lambda d, ctx: clean(d))),
    ("normalize", _each(lambda d, ctx: normalize(d, ctx.script))),
    ("segment", _each(lambda d, ctx: segment(d))),
    ("glossary", _each(lambda d, ctx: apply_glossary(d, ctx.glossary))),
    ("translate", _translate),
)
STAGE_NAMES = tuple(name for name, _ in STAGES)


def run(docs: list[Document], ctx: Context, until: str = "translate", skip: Sequence[str] = ()) -> list[Document]:
    """Run the stages in order up to and including ``until``, leaving out ``skip``."""
    if until not in STAGE_NAMES:
        raise ValueError(f"unknown stage {until!r}")
    for name, fn in STAGES:
        if name not in skip:
            docs = fn(docs, ctx)
        if name == until:
            break
    return docs
