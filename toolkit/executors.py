"""Where translation runs, as data: one row per executor.

An executor takes the backend :func:`toolkit.translate.choose_backend` opened and returns a
backend that runs it somewhere: ``local`` runs it in this process as it is; ``ray`` spreads
its batches over Ray workers (:mod:`toolkit.translate.ray_executor`), one model per worker.
Either way :func:`toolkit.translate.translate` consumes the results in this process and is
the only writer of the translation memory.

Adding an executor is one row here plus a function ``wrap(backend, options) -> Backend``
named by ``target`` (imported on first use). ``requires`` names the module it needs, so a
missing optional extra is a one-line error before any work (:func:`check`).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from .errors import ConfigError

if TYPE_CHECKING:
    from .translate.base import Backend


@dataclass(frozen=True, slots=True)
class Options:
    """What an executor may use: the cluster address and how many workers."""

    address: str | None = None
    """Ray: ``auto``, ``ray://host:10001``; None: start a local cluster for the run."""
    workers: int | None = None
    """Worker processes (each with its own model); None: one per CPU of the cluster."""


WrapFn = Callable[["Backend", Options], "Backend"]


@dataclass(frozen=True, slots=True)
class ExecutorSpec:
    name: str
    """What ``--executor`` and the ``executor`` setting call it."""
    target: str | None
    """``module:function`` returning the wrapped backend; None: the backend runs as it is."""
    help: str
    requires: str | None = None
    """A module it needs (an optional extra)."""
    install: str = ""
    """How to install what it needs."""

    def wrap(self, backend: Backend, options: Options) -> Backend:
        if self.target is None:
            return backend
        check(self.name)
        module, _, function = self.target.partition(":")
        return cast(WrapFn, getattr(importlib.import_module(module), function))(backend, options)


EXECUTORS: tuple[ExecutorSpec, ...] = (
    ExecutorSpec("local", None, "in this process (CTranslate2 uses every core)"),
    ExecutorSpec(
        "ray",
        "toolkit.translate.ray_executor:wrap",
        "Ray workers, one model each, on this machine or a cluster (--address)",
        requires="ray",
        install="pip install 'zh-en-toolkit[ray]'",
    ),
)
NAMES = tuple(e.name for e in EXECUTORS)


def get(name: str) -> ExecutorSpec:
    """The executor called ``name``; a ConfigError (exit 2) naming the choices."""
    for spec in EXECUTORS:
        if spec.name == name:
            return spec
    raise ConfigError(f"unknown executor {name!r}", hint="use " + " or ".join(f"--executor {n}" for n in NAMES))


def check(name: str) -> None:
    """Raise a one-line ConfigError when executor ``name`` is unknown or its extra is missing."""
    spec = get(name)
    if spec.requires is not None and importlib.util.find_spec(spec.requires) is None:
        raise ConfigError(f"--executor {name} needs {spec.requires}, which is not installed", hint=spec.install)


def executor_help() -> str:
    return " or ".join(f"{e.name}: {e.help}" for e in EXECUTORS) + " [default: local]."
