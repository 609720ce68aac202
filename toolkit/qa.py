"""QA of the English: what a reviewer checks first, for every backend and every review.

Each check looks at one segment — its Chinese, its English, its glossary terms and how the
English was made — and names what is wrong:

``term-missing``      a glossary term matched in the Chinese whose English rendering is absent
``term-changed``      the same, in English a human reviewed with an older glossary
``number-missing``    a number, percentage, year or amount of the Chinese absent from the
                      English; 亿 and 万 amounts are understood (1328亿元 is 132.8 billion yuan
                      or 132,800,000,000 yuan, never 1328 billion)
``han-left``          Chinese characters left in the English
``empty``             no English for a segment with Chinese text
``unbalanced``        brackets or quotes that do not pair in the English (where the Chinese's do)

The same checks decide whether a fuzzy suggestion may stand in for a new source
(:func:`passes`), and are what ``--json`` reports under ``qa`` and the site's QA page lists.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace

from .document import Document, Segment
from .numbers import numbers_zh

CHECKS: dict[str, str] = {
    "term-missing": "glossary term missing from the English",
    "term-changed": "glossary term changed since the English was reviewed",
    "number-missing": "number of the Chinese missing from the English",
    "han-left": "Chinese characters left in the English",
    "empty": "no English",
    "unbalanced": "brackets or quotes do not pair",
}
"""Every check, by name, with what it means (the QA page's headings)."""


@dataclass(frozen=True, slots=True)
class Problem:
    document: str
    """The document's slug."""
    segment: str
    check: str
    """A name in :data:`CHECKS`."""
    detail: str
    """What exactly: the term and its rendering, the number, the characters."""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


# --- numbers ---------------------------------------------------------------------------------

_EN_NUMBER = re.compile(
    r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(%|percent|per cent|hundred million|ten thousand|"
    r"thousand|million|billion|trillion|bn)?",
    re.IGNORECASE,
)
_EN_SCALE = {
    "ten thousand": 10**4,
    "thousand": 10**3,
    "hundred million": 10**8,
    "million": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
}
_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def _values_en(en: str) -> tuple[set[float], bool]:
    values: set[float] = set()
    for m in _EN_NUMBER.finditer(en):
        base = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        values.add(base)
        scale = (m.group(3) or "").lower()
        if scale in _EN_SCALE:
            values.add(base * _EN_SCALE[scale])
    low = en.lower()
    values.update(_WORD_VALUES[w] for w in set(_LETTERS.findall(low)) & _WORD_VALUES.keys())
    percent = "%" in en or "percent" in low or "per cent" in low
    return values, percent


_WORD_VALUES = {
    **{w: float(i) for i, w in enumerate(_WORDS)},
    **{w: float(i + 1) for i, w in enumerate(_ORDINALS)},
    **{w: float(-(i + 1)) for i, w in enumerate(_MONTHS)},  # months, kept apart
}
_LETTERS = re.compile(r"[a-z]+")


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def missing_numbers(zh: str, en: str) -> list[str]:
    """The numbers of ``zh`` that ``en`` does not carry (as digits, scaled, or a small number,
    ordinal or month as a word)."""
    found_zh = numbers_zh(zh)
    if not found_zh:
        return []
    values, percent = _values_en(en)
    missing = []
    for n in found_zh:
        candidates = {n.value} | ({-n.value} if n.month else set())
        found = any(_same(c, v) for c in candidates for v in values)
        if found and n.percent and not percent:
            found = False
        if not found:
            missing.append(n.text)
    return missing


# --- brackets and quotes ---------------------------------------------------------------------

_PAIRS_EN = (("(", ")"), ("[", "]"), ("“", "”"), ("‘", "’"))
_PAIRS_ZH = (("（", "）"), ("(", ")"), ("【", "】"), ("[", "]"), ("“", "”"), ("「", "」"), ("《", "》"))


def _balanced(text: str, pairs: tuple[tuple[str, str], ...], straight: bool) -> bool:
    if any(text.count(a) != text.count(b) for a, b in pairs):
        return False
    return not straight or text.count('"') % 2 == 0


# --- the checks ------------------------------------------------------------------------------

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def segment_problems(seg: Segment, glossary_version: str = "") -> list[tuple[str, str]]:
    """(check, detail) for everything wrong with ``seg``'s English."""
    if not _HAN.search(seg.zh) and not re.search(r"\d", seg.zh):
        return []
    if seg.provenance is None and not seg.en:
        return []  # not translated yet (``new``): a state, not a fault of the English
    en = seg.en
    if not en.strip():
        return [("empty", "")]
    out: list[tuple[str, str]] = []
    prov = seg.provenance
    changed = bool(
        prov is not None and prov.engine == "human" and glossary_version and prov.glossary != glossary_version
    )
    low = en.lower()
    seen: set[tuple[str, str]] = set()
    for t in seg.terms:
        if (t.zh, t.en) in seen:
            continue
        seen.add((t.zh, t.en))
        if t.en.lower() not in low:
            out.append(("term-changed" if changed else "term-missing", f"{t.zh} → {t.en}"))
    out.extend(("number-missing", n) for n in missing_numbers(seg.zh, en))
    han = _HAN.findall(en)
    if han:
        out.append(("han-left", " ".join(han)[:80]))
    if _balanced(seg.zh, _PAIRS_ZH, True) and not _balanced(en, _PAIRS_EN, True):
        out.append(("unbalanced", ""))
    return out


def passes(seg: Segment, en: str) -> bool:
    """True when ``en`` carries ``seg``'s glossary terms and numbers and no Chinese: what a
    fuzzy suggestion must pass to stand in for ``seg``."""
    return not [c for c, _ in segment_problems(replace(seg, en=en, provenance=None)) if c != "unbalanced"]


def document_problems(doc: Document, glossary_version: str = "") -> list[Problem]:
    """Every problem of every segment of ``doc``, in reading order."""
    return [
        Problem(doc.meta.slug, seg.id, check, detail)
        for seg in doc.segments
        for check, detail in segment_problems(seg, glossary_version)
    ]
