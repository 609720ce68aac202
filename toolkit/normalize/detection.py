"""Detection: a document's script, by characters only one script uses, and its region, by words
only Taiwan or Hong Kong use (``data/region_markers.tsv``); together they choose the conversion."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .convert import _opencc, _simplified_chars, convert_script
from .tables import conversion_fixes, region_markers

# The conversion each region calls for (for Simplified or Traditional text alike).
_REGION_CONVERSION = {"taiwan": "tw2sp", "hongkong": "hk2s", "mainland": "t2s"}


@dataclass(frozen=True, slots=True)
class Detection:
    """What a document is written in, and the conversion that makes it mainland Simplified."""

    script: str
    """``simplified`` or ``traditional``: which script's own characters are in the majority."""
    region: str
    """``mainland``, ``taiwan`` or ``hongkong``: whose phrasing the evidence shows."""
    conversion: str
    """The OpenCC conversion chosen from script and region."""
    traditional_chars: int
    """Han characters only Traditional uses (OpenCC t2s changes them)."""
    simplified_chars: int
    """Han characters only Simplified uses (OpenCC s2t, s2tw and s2hk change them)."""
    evidence: tuple[tuple[str, int], ...] = ()
    """Region markers found, with their counts, most frequent first."""


# Evidence a region needs: occurrences, and distinct markers. Simplified text needs more: a
# mainland page may say 资讯 or 晶片 now and then.
_MIN_EVIDENCE = {"traditional": (2, 1), "simplified": (3, 2)}

_CHAR_KIND: dict[str, int] = {}


def _char_kind(c: str) -> int:
    """1 for a Traditional-only character, -1 for a Simplified-only one, 0 for shared."""
    kind = _CHAR_KIND.get(c)
    if kind is None:
        kind = 1 if _opencc("t2s").convert(c) != c else -1 if c in _simplified_chars() else 0
        _CHAR_KIND[c] = kind
    return kind


@lru_cache(maxsize=2)
def _marker_automaton(script: str) -> Any:
    """Leftmost-longest matcher of the region markers as they appear in ``script`` text.

    Values are (form, regions). A marker's Simplified (t2s) form counts only for the regions
    whose conversion still changes it: 网路 (→ 网络) counts, 计划 (t2s of 計畫) does not.
    Traditional text is searched for both forms (it may be mixed). Words that merely contain a
    marker (the markers file's ``none`` rows, such as 創新創業, and fixes that keep a word as it
    is, such as 透過程 in 滲透過程) are matched with no regions, so the marker inside them does
    not count.
    """
    import ahocorasick

    t2s = _opencc("t2s")
    auto = ahocorasick.Automaton()
    markers = [m for m in region_markers() if m.regions]
    for m in markers:
        form = str(t2s.convert(m.text))
        regions = frozenset(r for r in m.regions if convert_script(form, _REGION_CONVERSION[r]) != form)
        if script == "traditional":
            auto.add_word(m.text, (m.text, m.regions))
        if regions and form not in auto:
            auto.add_word(form, (form, regions))
    keeps = [f.traditional for f in conversion_fixes().values() if t2s.convert(f.traditional) == f.simplified]
    words = [m.text for m in region_markers() if not m.regions] + [
        w for w in keeps if any(m.text in w and m.text != w for m in markers)
    ]
    for word in words:
        for form in (word, str(t2s.convert(word))) if script == "traditional" else (str(t2s.convert(word)),):
            if form not in auto:
                auto.add_word(form, (form, frozenset()))
    auto.make_automaton()
    return auto


def _meets(hits: list[int], script: str) -> bool:
    need_total, need_distinct = _MIN_EVIDENCE[script]
    return sum(hits) >= need_total and len(hits) >= need_distinct


def detect(text: str) -> Detection:
    """Script and region of ``text``, by evidence, and the conversion they call for.

    Region: Taiwan when its evidence is enough; Hong Kong when its evidence is enough and
    outweighs Taiwan's, unless words only Taiwan uses are enough too (then ``tw2sp``, whose fixes
    also cover Hong Kong wording, converts both).
    """
    counts = Counter(text)  # characters neither script changes count for neither
    trad = simp = 0
    for c, n in counts.items():
        kind = _char_kind(c)
        if kind > 0:
            trad += n
        elif kind < 0:
            simp += n
    script = "traditional" if trad > simp and trad >= 3 else "simplified"
    # Simplified text may still hold Traditional characters: its markers are counted in t2s form.
    searched = text if script == "traditional" else str(_opencc("t2s").convert(text))
    matches = Counter(value for _, value in _marker_automaton(script).iter_long(searched) if value[1])
    found = [(form, n, regions) for (form, regions), n in matches.items()]
    hits = {r: [n for _, n, regions in found if r in regions] for r in ("taiwan", "hongkong")}
    taiwan_only = [n for _, n, regions in found if regions == {"taiwan"}]
    region = "mainland"
    if _meets(hits["hongkong"], script) and sum(hits["hongkong"]) > sum(hits["taiwan"]):
        region = "taiwan" if _meets(taiwan_only, script) else "hongkong"
    elif _meets(hits["taiwan"], script):
        region = "taiwan"
    elif _meets(hits["hongkong"], script):
        region = "hongkong"
    conversion = _REGION_CONVERSION[region]
    if script == "simplified" and region == "mainland" and _opencc("t2s").convert(text) == text:
        conversion = "none"
    evidence = tuple(sorted(((form, n) for form, n, _ in found), key=lambda e: (-e[1], e[0])))
    return Detection(script, region, conversion, trad, simp, evidence)


def detect_script(text: str) -> str:
    """``traditional`` or ``simplified`` (see :func:`detect`)."""
    return detect(text).script
