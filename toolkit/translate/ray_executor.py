"""The ``ray`` executor: a run's batches translated by Ray workers, one model per worker.

The driver (this process) plans the batches as the local run does (for Argos: the
token-sized chunks of :meth:`~toolkit.translate.argos.ArgosBackend.plan`), starts one actor
per worker holding its own copy of the backend (for Argos: its own CTranslate2 model), and
hands each actor a batch at a time. Results are yielded as each batch arrives, so
:func:`toolkit.translate.translate` — in the driver, the only process that writes the
translation memory — stores them as they come. A worker lost mid-run loses only the batch it
was working on: that batch goes to a surviving worker; when none is left the run stops with
a one-line error, and what was finished is in the memory for the rerun.

``ray`` is an optional extra (``pip install 'zh-en-toolkit[ray]'``); this module is imported
only when ``--executor ray`` is chosen.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

from ..document import Segment
from ..errors import ModelError, ToolkitError
from ..executors import Options
from .base import Backend

BATCH_SEGMENTS = 256
"""Batch size for a backend that plans no batches of its own (the gloss)."""
IN_FLIGHT = 2
"""Batches queued per worker: one running, one waiting, so a worker never idles on the driver."""


class Worker:
    """A Ray actor: one backend (one model), loaded once, translating batch after batch."""

    def __init__(self, backend: Backend, threads: int) -> None:
        if hasattr(backend, "threads"):
            backend.threads = threads
        self.backend = backend

    def translate(self, segments: list[Segment]) -> list[tuple[int, str]]:
        return list(self.backend.translate(segments))

    def pid(self) -> int:
        import os

        return os.getpid()


def wrap(backend: Backend, options: Options) -> RayBackend:
    return RayBackend(backend, options)


class RayBackend:
    """A :class:`~toolkit.translate.base.Backend` whose work runs on Ray workers."""

    def __init__(self, inner: Backend, options: Options) -> None:
        self.inner = inner
        self.engine = inner.engine
        self.model = inner.model
        self.options = options
        self.actors: list[Any] = []
        """The workers of the run in progress (tests kill one)."""
        self.lost = 0
        """Workers lost in the last run."""
        self._started = False

    def _ray(self) -> Any:
        import ray

        if not ray.is_initialized():
            address = self.options.address
            local = address in (None, "local")
            extra: dict[str, Any] = {"_node_ip_address": "127.0.0.1"} if local else {}
            try:
                ray.init(
                    address="local" if local else address,
                    include_dashboard=False,
                    log_to_driver=False,
                    logging_level=logging.ERROR,
                    configure_logging=True,
                    **extra,
                )
            except (ConnectionError, RuntimeError, ValueError) as exc:
                where = f"at {address}" if address else "on this machine"
                raise ModelError(
                    f"cannot start or reach a Ray cluster {where}: {str(exc).splitlines()[0] if str(exc) else exc}",
                    hint="check --address (auto, ray://host:10001), or run `ray start --head` first",
                ) from None
            self._started = True
        return ray

    def _plan(self, segments: Sequence[Segment]) -> list[list[int]]:
        plan = getattr(self.inner, "plan", None)
        if plan is not None:
            return list(plan(segments))
        idx = list(range(len(segments)))
        return [idx[i : i + BATCH_SEGMENTS] for i in range(0, len(idx), BATCH_SEGMENTS)]

    def _start(self, ray: Any, batches: int) -> None:
        resources = ray.cluster_resources()
        gpu = getattr(self.inner, "device", "cpu") == "cuda"
        cpus = max(1, int(resources.get("CPU", 1)))
        gpus = int(resources.get("GPU", 0))
        if gpu and gpus == 0:
            raise ModelError("--device cuda: the Ray cluster has no GPU", hint="use --device cpu or auto")
        wanted = self.options.workers or (gpus if gpu else cpus)
        count = max(1, min(wanted, batches))
        threads = max(1, cpus // count) if not gpu else 1
        remote = ray.remote(Worker)
        inner = ray.put(self.inner)
        self.actors = [
            remote.options(num_cpus=min(threads, cpus), num_gpus=1 if gpu else 0, max_restarts=0).remote(inner, threads)
            for _ in range(count)
        ]

    def translate(self, segments: Sequence[Segment]) -> Iterator[tuple[int, str]]:
        if not segments:
            return
        ray = self._ray()
        from ray.exceptions import RayActorError, RayTaskError

        plan = self._plan(segments)
        self._start(ray, len(plan))
        self.lost = 0
        queue = deque(range(len(plan)))
        alive = list(self.actors)
        running: dict[Any, tuple[Any, int]] = {}
        load = {id(a): 0 for a in alive}

        def submit() -> None:
            for actor in alive:
                while queue and load[id(actor)] < IN_FLIGHT:
                    b = queue.popleft()
                    running[actor.translate.remote([segments[i] for i in plan[b]])] = (actor, b)
                    load[id(actor)] += 1

        submit()
        try:
            while running:
                [ref], _ = ray.wait(list(running), num_returns=1)
                actor, b = running.pop(ref)
                load[id(actor)] -= 1
                try:
                    results = ray.get(ref)
                except RayActorError:
                    # the worker died: its batches go to the others
                    queue.appendleft(b)
                    if actor in alive:
                        alive.remove(actor)
                        self.lost += 1
                    if not alive:
                        raise ModelError(
                            f"all {len(self.actors)} Ray worker(s) were lost; what they finished is in the "
                            "translation memory",
                            hint="rerun to translate the rest",
                        ) from None
                    submit()
                    continue
                except RayTaskError as err:
                    cause = getattr(err, "cause", None)
                    if isinstance(cause, ToolkitError):
                        raise cause from None
                    raise ModelError(f"a Ray worker failed: {str(err).splitlines()[0]}") from None
                for k, english in results:
                    yield plan[b][k], english
                submit()
        finally:
            self.close()

    def close(self) -> None:
        """Stop the workers; shut down the cluster when this run started it."""
        if not self.actors and not self._started:
            return
        import ray

        for actor in self.actors:
            with contextlib.suppress(Exception):  # already gone
                ray.kill(actor)
        self.actors = []
        if self._started:
            ray.shutdown()
            self._started = False
