"""The word lists the clean stage's rules and the readers' metadata lines are made of.

They live in ``data/clean_words.toml``, apart from the logic that uses them (as
trafilatura keeps its vocabulary in ``xpaths.py``), so adding a navigation word or an
organisation suffix is a one-line data change.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    text = resources.files("toolkit").joinpath("data", "clean_words.toml").read_text(encoding="utf-8")
    table: dict[str, str] = tomllib.loads(text)
    return table


def word_list(name: str) -> tuple[str, ...]:
    """The words of list ``name``, in file order."""
    return tuple(_table()[name].split())


def word_set(name: str) -> frozenset[str]:
    """The words of list ``name``, for membership tests."""
    return frozenset(word_list(name))
