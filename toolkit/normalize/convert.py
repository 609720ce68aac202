"""Script conversion: OpenCC, plus the reviewed fixes of ``data/conversion_fixes.tsv``.

:func:`convert_script` converts with one OpenCC configuration (:data:`CONVERSIONS`), applying the
fixes (leftmost-longest, by Aho-Corasick) first; Latin letters never go through OpenCC. With a
``record`` callback it reports each change as ``script`` (characters), ``phrase`` (OpenCC
wording) or ``fix`` (a row of the fixes table).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from ..errors import ConfigError
from .report import Record
from .tables import Fix, conversion_fixes

CONVERSIONS = ("tw2sp", "tw2s", "t2s", "hk2s", "none")
"""The conversions ``normalize`` accepts (``--script``)."""
# Simplified text with Taiwan / Hong Kong phrasing goes back to that region's Traditional
# characters first, so that OpenCC's phrase tables (keyed on Traditional) and the fixes apply.
_PRE = {"tw2sp": "s2tw", "tw2s": "s2tw", "hk2s": "s2hk", "t2s": ""}


@lru_cache(maxsize=16)
def _opencc(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def _check_conversion(config: str) -> None:
    if config not in CONVERSIONS:
        raise ConfigError(f"unknown script conversion {config!r}", hint="use " + ", ".join(CONVERSIONS))


def _automaton(fixes: Mapping[str, Fix], config: str) -> Any:
    """Aho-Corasick automaton over the words of ``config``'s fixes (leftmost-longest), or None.

    Each word is also found in the form ``s2tw`` / ``s2hk`` gives it (雲端平台 as 雲端平臺), since
    Simplified runs go through that first (see :func:`convert_script`).
    """
    import ahocorasick

    auto = ahocorasick.Automaton()
    chosen = [f for f in fixes.values() if config in f.conversions]
    for fix in chosen:
        auto.add_word(fix.traditional, fix)
    if _PRE[config]:
        for fix in chosen:
            form = str(_opencc(_PRE[config]).convert(fix.traditional))
            if form not in auto:
                auto.add_word(form, replace(fix, traditional=form))
    if len(auto) == 0:
        return None
    auto.make_automaton()
    return auto


@lru_cache(maxsize=8)
def _fix_automaton(config: str) -> Any:
    return _automaton(conversion_fixes(), config)


@lru_cache(maxsize=1)
def _simplified_chars() -> frozenset[str]:
    """Characters only Simplified uses: s2t, s2tw and s2hk all change them (not 群, a Taiwan form,
    nor 台 or 户, Hong Kong forms)."""
    s2t, s2tw, s2hk = _opencc("s2t"), _opencc("s2tw"), _opencc("s2hk")
    chars = (chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)))
    return frozenset(c for c in chars if s2t.convert(c) != c and s2tw.convert(c) != c and s2hk.convert(c) != c)


@lru_cache(maxsize=1)
def _simplified_only() -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(_simplified_chars())) + "]")


# Latin letters never reach OpenCC (its Taiwan table has a few phrases with letters: B肝 → 乙肝,
# BMW集團 → 宝马集团); everything between them is converted, one call per run between fixes.
_NO_LATIN = re.compile(r"[^A-Za-z]+")
# For the report, a run is converted piece by piece: runs of anything but ASCII, spaces and
# punctuation. No OpenCC phrase holds punctuation, so this gives the same text, by clause.
_PIECE = re.compile(r"[^\s\x00-\x7f\u2000-\u206f\u3000-\u303f\ufe10-\ufe6f\uff00-\uffef]+")


def convert_script(
    text: str,
    config: str,
    *,
    record: Record | None = None,
    fixes: Mapping[str, Fix] | None = None,
) -> str:
    """Convert with OpenCC ``config``, applying the reviewed fixes (leftmost-longest) first.

    Latin letters are never converted. A run that holds Simplified-only characters (a Simplified
    text with Taiwan / Hong Kong phrasing, or a mixed one) goes to that region's Traditional
    first (``s2tw`` / ``s2hk``), so that OpenCC's phrase tables and the fixes, keyed on
    Traditional, apply to it as well. ``fixes`` replaces the packaged table (tests use it to
    show each fix is needed).
    """
    _check_conversion(config)
    if config == "none" or not text:
        return text
    auto = _fix_automaton(config) if fixes is None else _automaton(fixes, config)

    def run(m: re.Match[str]) -> str:
        src = m.group()
        pre = _PRE[config] if _PRE[config] and _simplified_only().search(src) else ""
        return _convert_run(src, config, pre, auto, record)

    return _NO_LATIN.sub(run, text)


def _convert_run(src: str, config: str, pre: str, auto: Any, record: Record | None) -> str:
    mid = str(_opencc(pre).convert(src)) if pre else src
    shown = src if len(mid) == len(src) else mid  # what the report shows as "before"
    out: list[str] = []
    pos = 0
    for end, fix in auto.iter_long(mid) if auto is not None else ():
        start = end + 1 - len(fix.traditional)
        out.append(_convert_pieces(mid[pos:start], shown[pos:start], config, record))
        out.append(fix.simplified)
        if record is not None:
            opencc_says = _opencc(config).convert(fix.traditional)
            if opencc_says != fix.simplified or shown[start : end + 1] != fix.simplified:
                record("fix", shown[start : end + 1], fix.simplified, f"OpenCC {config}: {opencc_says}")
        pos = end + 1
    out.append(_convert_pieces(mid[pos:], shown[pos:], config, record))
    return "".join(out)


def _convert_pieces(mid: str, shown: str, config: str, record: Record | None) -> str:
    cc = _opencc(config)
    if record is None:
        return str(cc.convert(mid)) if mid else mid
    out: list[str] = []
    pos = 0
    for m in _PIECE.finditer(mid):
        after = str(cc.convert(m.group()))
        before = shown[m.start() : m.end()]
        if before != after:
            if _opencc("t2s").convert(before) == after:
                record("script", before, after, "")
            else:
                record("phrase", before, after, _phrase_note(m.group(), before, after, cc))
        out += [mid[pos : m.start()], after]
        pos = m.end()
    out.append(mid[pos:])
    return "".join(out)


def _phrase_note(src: str, shown: str, out: str, cc: Any) -> str:
    """The words a phrase conversion replaced (智慧→智能, 演算法→算法), best effort.

    Differences between plain t2s and the conversion (those at most two characters apart taken
    together), each widened to the smallest window that OpenCC itself converts to the output, so
    慧→能 is shown as 智慧→智能.
    """
    base = str(_opencc("t2s").convert(src))
    if len(base) != len(src):
        return ""
    spans: list[list[int]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, base, out, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if spans and i1 - spans[-1][1] <= 2 and j1 - spans[-1][3] <= 2:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    words: list[str] = []
    covered = 0
    for i1, i2, j1, j2 in spans:
        if i2 <= covered:
            continue
        hit = (i1, i2, j1, j2)
        for grow in range(7):
            windows = [(i1 - left, i2 + grow - left, j1 - left, j2 + grow - left) for left in range(grow + 1)]
            found = [
                (a, b, c, d)
                for a, b, c, d in windows
                if a >= 0 and c >= 0 and b <= len(src) and d <= len(out) and cc.convert(src[a:b]) == out[c:d]
            ]
            if found:
                hit = found[0]
                break
        words.append(f"{shown[hit[0] : hit[1]]}→{out[hit[2] : hit[3]]}")
        covered = hit[1]
    return ", ".join(dict.fromkeys(words))
