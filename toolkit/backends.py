"""The translation backends, as data: one row per backend.

Everything that needs to know the backends reads this table: configuration validation
(:mod:`toolkit.config`), ``--backend`` and its help text (:mod:`toolkit.cli`) and
:func:`toolkit.translate.choose_backend`, which takes ``auto`` to mean the first row that
can open, in order.

Adding a backend is one row here plus its module: a function ``open_backend(request) ->
Opened`` named by ``target`` (imported on first use) that returns a
:class:`~toolkit.translate.base.Backend` and why it was chosen, or raises
:class:`Unavailable` when it cannot run here (no model installed).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from .errors import ConfigError, ModelError, one_of

if TYPE_CHECKING:
    from .glossary import Glossary
    from .translate.base import Backend

AUTO = "auto"


@dataclass(frozen=True, slots=True)
class Request:
    """What a backend may use to open: the run's glossary and settings."""

    glossary: Glossary
    beam_size: int = 2
    device: str = "auto"
    """``cpu``, ``cuda`` or ``auto`` (a GPU when CTranslate2 sees one): for engines that care."""


@dataclass(frozen=True, slots=True)
class Opened:
    backend: Backend
    reason: str
    """Why this backend, or what its English is: shown by ``build`` and ``translate``."""
    note: str | None = None
    """Something worth a line on how it runs (``device: auto → cpu …``); not on the pages."""


class Unavailable(ModelError):
    """The backend cannot run here; ``auto`` moves on to the next row."""

    def __init__(self, message: str, *, why: str, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.why = why
        """The short reason, as ``auto`` tells it: ``no zh→en Argos model is installed``."""


OpenFn = Callable[[Request], Opened]


@dataclass(frozen=True, slots=True)
class BackendSpec:
    name: str
    """What ``--backend`` and the ``backend`` setting call it; recorded as the engine."""
    target: str
    """``module:function`` that opens it (``open_backend(request) -> Opened``)."""
    help: str
    """One line for the documentation and ``--help``."""
    translation: bool = True
    """False: the English stands in for a translation (a gloss): said loudly as a warning."""

    def open(self, request: Request) -> Opened:
        module, _, function = self.target.partition(":")
        return cast(OpenFn, getattr(importlib.import_module(module), function))(request)


BACKENDS: tuple[BackendSpec, ...] = (
    BackendSpec("argos", "toolkit.translate.argos:open_backend", "an installed zh→en Argos model (CTranslate2)"),
    BackendSpec(
        "gloss",
        "toolkit.translate.gloss:open_backend",
        "a word-by-word dictionary gloss (jieba, glossary, CC-CEDICT), not a translation",
        translation=False,
    ),
)
"""Every backend, in the order ``auto`` tries them (the last must always open)."""

NAMES = tuple(b.name for b in BACKENDS)
CHOICES = (AUTO, *NAMES)
"""What the ``backend`` setting and ``--backend`` accept."""


def backend_help() -> str:
    """``--backend``'s help text, from the table."""
    return one_of(NAMES) + f" [default: {AUTO}, the first of these that can run here]."


def get(name: str) -> BackendSpec:
    """The backend called ``name``; a ConfigError (exit 2) naming the choices."""
    for spec in BACKENDS:
        if spec.name == name:
            return spec
    raise ConfigError(f"unknown backend {name!r}", hint="use " + " or ".join(f"--backend {n}" for n in NAMES))
