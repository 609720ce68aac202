"""Stage 2, normalise: one script (mainland Simplified) and one punctuation style.

* **Script**: a document whose Han characters OpenCC ``t2s`` would change is Traditional;
  it is converted with ``tw2sp`` (Taiwan phrasing → mainland: 人工智慧 → 人工智能,
  演算法 → 算法), with the fixes in ``data/conversion_fixes.tsv`` applied where OpenCC's
  phrase tables are wrong for policy text (核心 must not become 内核).
* **Punctuation**: ASCII ``, : ; ? ! ( )`` in Chinese context → full-width; ASCII kept
  inside numbers, times, Latin words and URLs; 「」『』 → “”‘’; full-width digits and
  Latin letters → half-width; runs of (full-width) spaces collapsed.

Normalising a normalised document changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from .document import Block, Document

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=8)
def _opencc(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


@lru_cache(maxsize=1)
def conversion_fixes() -> dict[str, str]:
    """The reviewed ``traditional → simplified`` fixes applied on top of OpenCC."""
    text = resources.files("toolkit").joinpath("data/conversion_fixes.tsv").read_text(encoding="utf-8")
    fixes: dict[str, str] = {}
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for line in rows[1:]:  # first row is the header
        trad, simp = line.split("\t")[:2]
        fixes[trad] = simp
    return fixes


@lru_cache(maxsize=1)
def _fix_pattern() -> re.Pattern[str]:
    words = sorted(conversion_fixes(), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def detect_script(text: str) -> str:
    """``traditional`` when enough Han characters differ under OpenCC t2s, else ``simplified``."""
    han = _HAN.findall(text)
    if not han:
        return "simplified"
    sample = "".join(han[:20000])
    converted = _opencc("t2s").convert(sample)
    changed = sum(1 for a, b in zip(sample, converted, strict=False) if a != b)
    return "traditional" if changed >= 3 and changed / len(sample) > 0.01 else "simplified"


def convert_script(text: str, config: str) -> str:
    """Convert with OpenCC ``config``, keeping the reviewed fixes whole."""
    if config == "none":
        return text
    cc = _opencc(config)
    out: list[str] = []
    pos = 0
    for m in _fix_pattern().finditer(text):
        out.append(cc.convert(text[pos : m.start()]))
        out.append(conversion_fixes()[m.group(0)])
        pos = m.end()
    out.append(cc.convert(text[pos:]))
    return "".join(out)


# --- punctuation -------------------------------------------------------------------------------

_CJK_CTX = r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》]"
_FULLWIDTH_ALNUM = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B) if chr(c - 0xFEE0).isalnum()}
_SIMPLE_MAP = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’", **_FULLWIDTH_ALNUM})
_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_PUNCT_RX = re.compile(rf"(?<={_CJK_CTX})\s*([,:;?!])\s*|\s*([,:;?!])\s*(?={_CJK_CTX})")
_PAREN_RX = re.compile(rf"\(([^()]*{_CJK_CTX}[^()]*)\)")
_URL = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef，。；：“”]+", re.IGNORECASE)


def normalize_punctuation(text: str) -> str:
    text = text.translate(_SIMPLE_MAP)
    text = re.sub(r"[\u3000\u00a0 \t]+", " ", text).strip()
    # Protect URLs from every rule below.
    urls: list[str] = []

    def stash(m: re.Match[str]) -> str:
        urls.append(m.group(0))
        return f"\x00{len(urls) - 1}\x00"

    text = _URL.sub(stash, text)
    # , : ; ? ! next to Chinese → full-width ("1,000", "10:30", "R&D" untouched); (…) around
    # Chinese → （…）. Repeated to a fixed point: a converted mark is Chinese context for its
    # neighbour ("::「", ":(「)").
    while True:
        converted = _PUNCT_RX.sub(lambda m: _PUNCT[m.group(1) or m.group(2)], text)
        converted = _PAREN_RX.sub(r"（\1）", converted)
        if converted == text:
            break
        text = converted
    text = re.sub(r"\x00(\d+)\x00", lambda m: urls[int(m.group(1))], text)
    return text


# --- the stage -----------------------------------------------------------------------------


def normalize(doc: Document, script: str | None = None) -> Document:
    """Convert to mainland Simplified and normalise punctuation.

    ``script`` forces the conversion (``tw2sp``, ``t2s``, ``hk2s`` or ``none``); by default it
    is chosen from the text.
    """
    if doc.meta.conversion and script is None:
        return doc  # already normalised
    text = "\n".join(b.text for b in doc.blocks)
    detected = detect_script(text + doc.meta.title)
    config = script or ("tw2sp" if detected == "traditional" else "none")

    def fix(s: str) -> str:
        return normalize_punctuation(convert_script(s, config))

    blocks = tuple(_fix_block(b, fix) for b in doc.blocks)
    meta = replace(
        doc.meta,
        title=fix(doc.meta.title),
        source=fix(doc.meta.source),
        script=doc.meta.script or detected,
        conversion=config,
    )
    return replace(doc, meta=meta, blocks=blocks)


def _fix_block(b: Block, fix: Any) -> Block:
    return replace(b, text=fix(b.text), segments=tuple(replace(s, zh=fix(s.zh)) for s in b.segments))
