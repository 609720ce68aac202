"""Stage 5, translate: fill every segment's English and record how it was made."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from .. import backends
from ..backends import AUTO, Request, Unavailable
from ..document import Document, Provenance, Segment
from ..errors import ModelError
from ..glossary import Glossary
from ..tm import FUZZY_THRESHOLD, TranslationMemory, source_key, terms_key
from .base import Backend


@dataclass(frozen=True, slots=True)
class Choice:
    backend: Backend
    reason: str
    """Why this backend: shown loudly by ``build`` and ``translate``."""
    warning: bool
    """True when the output is a gloss standing in for a translation."""
    note: str | None = None
    """How it runs (``device: cpu``), worth a line of its own."""


def choose_backend(name: str, glossary: Glossary, beam_size: int = 2, device: str = "auto") -> Choice:
    """The backend ``name`` (a row of :data:`toolkit.backends.BACKENDS`), or with ``auto`` the
    first row that can open here: Argos when a zh→en package is installed, else the gloss."""
    request = Request(glossary, beam_size, device)
    if name != AUTO:
        spec = backends.get(name)
        try:
            opened = spec.open(request)
        except Unavailable as err:
            raise ModelError(f"--backend {name}: {err.message}", hint=err.hint) from None
        reason = opened.reason if spec.translation else f"--backend {name} was given: {opened.reason}"
        return Choice(opened.backend, reason, not spec.translation, opened.note)
    missing: list[Unavailable] = []
    for spec in backends.BACKENDS:
        try:
            opened = spec.open(request)
        except Unavailable as err:
            missing.append(err)
            continue
        reason = opened.reason
        if missing:
            hints = "; ".join(m.hint for m in missing if m.hint)
            reason = ", ".join(m.why for m in missing) + f", so {reason}" + (f"; {hints}" if hints else "")
        return Choice(opened.backend, reason, not spec.translation, opened.note)
    raise ModelError("no translation backend can run", hint="; ".join(m.hint or m.message for m in missing))


@dataclass
class Stats:
    """What a translate run did: segments made by the engine, and found in the memory."""

    translated: int = 0
    from_memory: int = 0
    """Exact matches: the same source (and for machine output the same engine, model and terms)."""
    fuzzy: int = 0
    """Segments given the reviewed English of a similar source (a fuzzy suggestion)."""
    untranslated: int = 0
    """Segments left without English (``translate(..., engine=False)``)."""
    cached: int = 0
    """Documents taken whole from the translation cache (:mod:`toolkit.incremental`): their
    segments are counted in none of the above."""


def translate(
    docs: list[Document],
    backend: Backend,
    glossary: Glossary,
    memory: TranslationMemory | None = None,
    stats: Stats | None = None,
    commit_every: int = 64,
    engine: bool = True,
    fuzzy: int | None = FUZZY_THRESHOLD,
    progress: Callable[[Iterable[tuple[int, str]], int], Iterable[tuple[int, str]]] | None = None,
) -> list[Document]:
    """Translate every segment of every document; one backend run for all that is pending.

    Segments found in the translation memory (same source, engine, model and matched
    terms; or a reviewed human translation) are not sent to the engine; identical pending
    segments are translated once. New translations are stored every ``commit_every``
    results, so an interrupted run keeps its finished work. Provenance on each segment
    names the engine, the model and the glossary version.

    A segment with no exact match gets the reviewed English of the most similar reviewed
    source (at least ``fuzzy`` percent alike; None: never) when that English carries the
    segment's glossary terms and numbers (:func:`toolkit.qa.passes`): state ``fuzzy``, never
    counted as reviewed. ``progress`` wraps the engine's results (and their count) to show
    them going by. With ``engine=False`` nothing is sent to the engine: segments the
    memory cannot fill keep no English (state ``new``), as ``toolkit status`` reports them.
    """
    from ..qa import passes

    stats = stats if stats is not None else Stats()
    prov = Provenance(engine=backend.engine, model=backend.model, glossary=glossary.version)
    done: dict[str, tuple[str, Provenance]] = {}
    pending: dict[str, Segment] = {}
    for seg in (s for doc in docs for s in doc.segments):
        key = _key(seg)
        if key in done or key in pending:
            continue
        hit = memory.lookup(seg, backend.engine, backend.model) if memory else None
        if hit is None and memory is not None and fuzzy is not None:
            near = memory.fuzzy(seg, fuzzy)
            if near is not None and passes(seg, near.en):
                hit = near
                stats.fuzzy += 1
        if hit is not None:
            done[key] = (hit.en, hit.provenance)
        else:
            pending[key] = seg
    stats.from_memory = len(done) - stats.fuzzy
    todo = list(pending.values()) if engine else []
    stats.untranslated = len(pending) - len(todo)
    batch: list[tuple[Segment, str, Provenance]] = []
    results: Iterable[tuple[int, str]] = backend.translate(todo)
    if progress is not None:
        results = progress(results, len(todo))
    try:
        for i, english in results:
            done[_key(todo[i])] = (english, prov)
            stats.translated += 1
            batch.append((todo[i], english, prov))
            if memory and len(batch) >= commit_every:
                memory.store(batch)
                batch = []
    finally:
        # also when the engine fails part way (a lost worker): what it finished is kept
        if memory and batch:
            memory.store(batch)

    out = []
    for doc in docs:
        blocks = tuple(
            replace(
                b,
                segments=tuple(_filled(s, done.get(_key(s))) for s in b.segments),
            )
            for b in doc.blocks
        )
        out.append(replace(doc, blocks=blocks))
    return out


def _filled(seg: Segment, made: tuple[str, Provenance] | None) -> Segment:
    return replace(seg, en=made[0], provenance=made[1]) if made is not None else replace(seg, en="", provenance=None)


def _key(seg: Segment) -> str:
    return source_key(seg.zh) + "\x00" + terms_key(seg)


def term_misses(doc: Document) -> list[tuple[str, str, str]]:
    """QA: (segment id, zh term, en rendering) for every glossary term missing from the English
    (counted once: a document's :class:`~toolkit.document.Profile` holds them)."""
    return list(doc.profile().misses)
