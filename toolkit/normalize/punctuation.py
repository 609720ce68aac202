"""Punctuation, width and spacing in Chinese context (:func:`normalize_punctuation`).

The regexes are the rules' vocabulary and stay beside the function that uses them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .report import Record

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width and CJK punctuation (not full-width letters and digits).
_FW_PUNCT = "\u3001-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—"
_CJK_CTX = f"[{_CJK}{_FW_PUNCT}\u3000]"

_ZERO_WIDTH = re.compile("[\x00\u200b\u2060\ufeff]+")  # NUL too: it marks stashed URLs below
_SPACES = re.compile(r"\s{2,}|[^\S ]")  # runs of whitespace, or one that is not a plain space
_EDGE_SPACES = re.compile(r"^\s+|\s+$")
_SPACE_BY_PUNCT = re.compile(f"(?<=[{_CJK}{_FW_PUNCT}]) +(?=[{_FW_PUNCT}])|(?<=[{_FW_PUNCT}]) +(?=[{_CJK}{_FW_PUNCT}])")

_FW_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_FULL_WIDTH = re.compile("[\uff06\uff0b\uff0d-\uff0f\uff10-\uff19\uff20-\uff3a\uff3f\uff41-\uff5a]")
_FW_INFIX = re.compile("(?<=[0-9A-Za-z])[\uff0e\uff0d\uff0b\uff0f\uff06\uff20\uff3f](?=[0-9A-Za-z])")

_URL = re.compile(
    r"(?:https?://|ftp://|www\.)[!-~]*[A-Za-z0-9/#=_~+&-]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
    re.IGNORECASE,
)
_STASHED = re.compile("\x00(\\d+)\x00")

_CORNER_QUOTES = re.compile("[「」『』]")
_CURLY = {"「": "“", "」": "”", "『": "‘", "』": "’"}
_ASCII_QUOTES = re.compile(f'"([^"“”\n]*[{_CJK}][^"“”\n]*)"')  # not around other quotes: idempotent

_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_PUNCT_RX = re.compile(rf"(?<={_CJK_CTX})\s*([,:;?!])\s*|\s*([,:;?!])\s*(?={_CJK_CTX})")
_PAREN_RX = re.compile(
    rf"(?<={_CJK_CTX})\(([^()（）]*)\)|\(([^()（）]*{_CJK_CTX}[^()（）]*)\)|（([^()（）]*)\)|\(([^()（）]*)）"
)


def _sub(rule: str, rx: re.Pattern[str], repl: Callable[[re.Match[str]], str], text: str, record: Record | None) -> str:
    """``rx.sub(repl, text)``, telling ``record`` about each match it changes."""
    if record is None:
        return rx.sub(repl, text)

    def recorded(m: re.Match[str]) -> str:
        after = repl(m)
        if after != m.group():
            context = m.string[max(0, m.start() - 6) : m.end() + 6]
            record(rule, m.group(), after, context if context != m.group() else "")
        return after

    return rx.sub(recorded, text)


def _first_group(m: re.Match[str]) -> str:
    return next(g for g in m.groups() if g is not None)


def normalize_punctuation(text: str, *, quotes: bool = True, record: Record | None = None) -> str:
    """Punctuation, width and spacing in Chinese context (step 2 of the package docstring).

    ``quotes``: convert 「」『』 and ASCII "…" around Chinese to “”‘’ (Simplified output).
    Each rule runs only where a character it acts on is present (the stage's hot path).
    """
    if _has(text, "\x00\u200b\u2060\ufeff"):
        text = _sub("space", _ZERO_WIDTH, lambda m: "", text, record)
    if text[:1].isspace() or text[-1:].isspace():
        text = _sub("space", _EDGE_SPACES, lambda m: "", text, record)
    text = _sub("space", _SPACES, lambda m: " ", text, record)
    if _FULL_WIDTH.search(text):
        text = _sub("width", _FW_ALNUM, lambda m: "".join(chr(ord(c) - 0xFEE0) for c in m.group()), text, record)
        text = _sub("width", _FW_INFIX, lambda m: chr(ord(m.group()) - 0xFEE0), text, record)
    # URLs and e-mail addresses are left alone by every rule below.
    stash: list[str] = []

    def keep(m: re.Match[str]) -> str:
        stash.append(m.group())
        return f"\x00{len(stash) - 1}\x00"

    if _has(text, ":/@") or "www." in text.lower():
        text = _URL.sub(keep, text)
    rec = _unstashing(record, stash) if record is not None and stash else record
    if quotes and _has(text, "「」『』"):
        text = _sub("quotes", _CORNER_QUOTES, lambda m: _CURLY[m.group()], text, rec)
    if quotes and '"' in text:
        text = _sub("quotes", _ASCII_QUOTES, lambda m: f"“{m.group(1)}”", text, rec)
    # A converted mark is Chinese context for its neighbour ("::「", ":(「)"): to a fixed point.
    while _has(text, ",:;?!()） "):
        before = text
        if _has(text, ",:;?!"):
            text = _sub("punct", _PUNCT_RX, lambda m: _PUNCT[m.group(1) or m.group(2)], text, rec)
        if _has(text, "()"):
            text = _sub("paren", _PAREN_RX, lambda m: f"（{_first_group(m)}）", text, rec)
        if " " in text:
            text = _sub("space", _SPACE_BY_PUNCT, lambda m: "", text, rec)
        if text == before:
            break
    return _unstash(text, stash)


def _has(text: str, chars: str) -> bool:
    return any(c in text for c in chars)


def _unstashing(record: Record, stash: list[str]) -> Record:
    """A recorder that shows stashed URLs as themselves."""

    def rec(rule: str, before: str, after: str, note: str) -> None:
        record(rule, _unstash(before, stash), _unstash(after, stash), _unstash(note, stash))

    return rec


def _unstash(text: str, stash: list[str]) -> str:
    return _STASHED.sub(lambda m: stash[int(m.group(1))], text) if stash else text
