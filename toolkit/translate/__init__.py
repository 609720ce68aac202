"""Stage 5, translate: fill every segment's English and record how it was made."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..document import Document, Provenance
from ..errors import ConfigError, ModelError
from ..glossary import Glossary
from .base import Backend

BACKENDS = ("auto", "argos", "gloss")


@dataclass(frozen=True, slots=True)
class Choice:
    backend: Backend
    reason: str
    """Why this backend: shown loudly by ``build`` and ``translate``."""
    warning: bool
    """True when the output is a gloss standing in for a translation."""


def choose_backend(name: str, glossary: Glossary, beam_size: int = 2) -> Choice:
    """``argos`` when asked for or (``auto``) when a zh→en package is installed; else ``gloss``."""
    if name not in BACKENDS:
        raise ConfigError(f"unknown backend {name!r}", hint="use --backend argos or --backend gloss")
    from .argos import INSTALL_HINT, ArgosBackend, find_zh_en
    from .gloss import GlossBackend

    if name in ("auto", "argos"):
        info = find_zh_en()
        if info is not None:
            return Choice(ArgosBackend(info, beam_size=beam_size), f"Argos package {info.label} is installed", False)
        if name == "argos":
            raise ModelError("--backend argos: no zh→en Argos package is installed", hint=INSTALL_HINT)
        reason = (
            "no zh→en Argos model is installed, so the English is a dictionary gloss, NOT a translation; "
            + INSTALL_HINT
        )
    else:
        reason = "--backend gloss was given: the English is a dictionary gloss, NOT a translation"
    return Choice(GlossBackend([e.zh for e in glossary.entries]), reason, True)


def translate(docs: list[Document], backend: Backend, glossary: Glossary) -> list[Document]:
    """Translate every segment of every document in one backend call (one batch for MT).

    Provenance on each segment names the engine, the model and the glossary version.
    """
    segments = [s for doc in docs for s in doc.segments]
    english = iter(backend.translate(segments))
    prov = Provenance(engine=backend.engine, model=backend.model, glossary=glossary.version)
    out = []
    for doc in docs:
        blocks = tuple(
            replace(b, segments=tuple(replace(s, en=next(english), provenance=prov) for s in b.segments))
            for b in doc.blocks
        )
        out.append(replace(doc, blocks=blocks))
    return out


def term_misses(doc: Document) -> list[tuple[str, str, str]]:
    """QA: (segment id, zh term, en rendering) for every glossary term missing from the English."""
    misses = []
    for s in doc.segments:
        for t in s.terms:
            if t.en.lower() not in s.en.lower():
                misses.append((s.id, t.zh, t.en))
    return misses
