"""Running ``python -m toolkit`` in a subprocess, for tests whose point is that a command ends.

A hang or a runaway allocation is a test failure here, not a stuck suite: the command runs
under a wall-clock timeout (``subprocess.run(timeout=...)``) and an address-space limit.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _limit_memory(gigabytes: int) -> None:
    size = gigabytes << 30
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def toolkit(*args: str, cwd: Path, timeout: float, memory_gb: int = 3) -> subprocess.CompletedProcess[str]:
    """``python -m toolkit ARGS`` in ``cwd``; raises ``subprocess.TimeoutExpired`` when it
    runs past ``timeout`` seconds (the child is killed)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=lambda: _limit_memory(memory_gb),
    )


def python(code: str, *, cwd: Path, timeout: float, memory_gb: int = 3) -> subprocess.CompletedProcess[str]:
    """``python -c CODE`` with the toolkit importable, under the same limits."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=lambda: _limit_memory(memory_gb),
    )
