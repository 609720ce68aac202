"""Stage 2, normalise: one script (mainland Simplified), mainland wording, one punctuation style.

Per document:

1. **Detect** (:func:`detect`) the script, by characters only one script uses (those OpenCC
   ``t2s`` changes are Traditional, those ``s2t``, ``s2tw`` and ``s2hk`` all change are
   Simplified; the majority wins), and the region, by words only Taiwan or Hong Kong use
   (``data/region_markers.tsv``: 軟體, 網路, 演算法 … / 數碼, 私隱, 質素 …). Together they
   choose the OpenCC conversion:

   ===========  ========  ================================================================
   script       region    conversion
   ===========  ========  ================================================================
   traditional  taiwan    ``tw2sp`` (Taiwan phrasing → mainland: 軟體 → 软件, 演算法 → 算法)
   traditional  hongkong  ``hk2s``
   traditional  mainland  ``t2s``
   simplified   taiwan    ``tw2sp``, after ``s2tw`` (a Taiwan page already in Simplified
                          characters: 软体, 网路 → 软件, 网络)
   simplified   hongkong  ``hk2s``, after ``s2hk``
   simplified   mainland  ``t2s`` if a Traditional character is left, else ``none``
   ===========  ========  ================================================================

   ``script`` (``toolkit normalize --script``) overrides the conversion, not the detection.
2. **Punctuation and spacing** (:func:`normalize_punctuation`), in Chinese context: ASCII
   ``, : ; ? ! ( )`` → ``，：；？！（）``; ASCII kept inside numbers, times, dates, versions, Latin
   words, URLs and e-mail addresses; 「」『』 → “”‘’ for Simplified output; full-width digits and
   Latin letters → half-width; full-width spaces and indentation collapsed.
3. **Script** (:func:`convert_script`): OpenCC, plus the reviewed fixes in
   ``data/conversion_fixes.tsv`` where OpenCC is wrong for policy text (核心 must not become 内核)
   or leaves Taiwan / Hong Kong wording (雲端運算 → 云计算). Latin letters never go through
   OpenCC (nor do they change: B肝 stays B肝); OpenCC leaves digits and ASCII punctuation alone.

Every rule reports what it changes to an optional ``record`` callback as it makes the change, so
:func:`normalize_report` (``toolkit normalize --report``) lists each change (rule, before, after,
line) from the same code that makes it. Normalising a normalised document changes nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from typing import Any

from .document import Block, Document
from .errors import ConfigError

CONVERSIONS = ("tw2sp", "tw2s", "t2s", "hk2s", "none")
"""The conversions ``normalize`` accepts (``--script``)."""
_REGION_CONVERSION = {"taiwan": "tw2sp", "hongkong": "hk2s", "mainland": "t2s"}
# Simplified text with Taiwan / Hong Kong phrasing goes back to that region's Traditional
# characters first, so that OpenCC's phrase tables (keyed on Traditional) and the fixes apply.
_PRE = {"tw2sp": "s2tw", "tw2s": "s2tw", "hk2s": "s2hk", "t2s": ""}

Record = Callable[[str, str, str, str], None]
"""``record(rule, before, after, note)``: called by each rule for each change it makes."""


@lru_cache(maxsize=16)
def _opencc(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def _check_conversion(config: str) -> None:
    if config not in CONVERSIONS:
        raise ConfigError(f"unknown script conversion {config!r}", hint="use " + ", ".join(CONVERSIONS))


# --- data files --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fix:
    """One reviewed correction on top of OpenCC (a row of ``data/conversion_fixes.tsv``)."""

    traditional: str
    """The word as it appears in the source text."""
    simplified: str
    """What it becomes."""
    conversions: frozenset[str]
    """The OpenCC configurations it applies to."""
    note: str
    """What OpenCC gives instead, and why the fix is right."""
    line: int
    """Line in the data file."""


@dataclass(frozen=True, slots=True)
class Marker:
    """Evidence for a region: a word or character only that region uses (``data/region_markers.tsv``)."""

    text: str
    regions: frozenset[str]
    """``taiwan`` and/or ``hongkong``; empty for a word that only contains a marker (創新創業)."""
    note: str


def _rows(text: str, name: str, header: tuple[str, ...]) -> Iterable[tuple[int, list[str]]]:
    """The data rows of a TSV data file: comments and blank lines skipped, header checked."""
    seen_header = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not seen_header:
            if tuple(c.strip() for c in cells) != header:
                raise ConfigError(f"header must be {' / '.join(header)}", path=name, line=number)
            seen_header = True
            continue
        if len(cells) < len(header) - 1 or not all(c.strip() for c in cells[: len(header) - 1]):
            raise ConfigError(f"expected {len(header)} tab-separated columns", path=name, line=number)
        yield number, [c.strip() for c in cells] + [""] * (len(header) - len(cells))


def load_fixes(text: str, name: str = "conversion_fixes.tsv") -> dict[str, Fix]:
    """Parse a conversion-fixes TSV; a bad row is a :class:`ConfigError` naming its line."""
    fixes: dict[str, Fix] = {}
    for number, (trad, simp, conversions, note) in _rows(
        text, name, ("traditional", "simplified", "conversions", "note")
    ):
        configs = frozenset(conversions.split())
        unknown = configs - {"tw2sp", "tw2s", "t2s", "hk2s"}
        if unknown:
            raise ConfigError(f"unknown conversion {sorted(unknown)[0]!r}", path=name, line=number)
        if trad in fixes:
            raise ConfigError(f"{trad} is already fixed on line {fixes[trad].line}", path=name, line=number)
        fixes[trad] = Fix(trad, simp, configs, note, number)
    return fixes


def load_markers(text: str, name: str = "region_markers.tsv") -> tuple[Marker, ...]:
    """Parse a region-markers TSV; a bad row is a :class:`ConfigError` naming its line."""
    markers = []
    for number, (marker, regions, note) in _rows(text, name, ("marker", "regions", "note")):
        found = frozenset(regions.split())
        if found == {"none"}:
            found = frozenset()
        elif not found <= {"taiwan", "hongkong"}:
            raise ConfigError("regions must be taiwan and/or hongkong, or none", path=name, line=number)
        markers.append(Marker(marker, found, note))
    return tuple(markers)


def _data(name: str) -> str:
    return resources.files("toolkit").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def conversion_fixes() -> dict[str, Fix]:
    """The reviewed fixes applied on top of OpenCC, by the word they replace."""
    return load_fixes(_data("conversion_fixes.tsv"), "toolkit/data/conversion_fixes.tsv")


@lru_cache(maxsize=1)
def region_markers() -> tuple[Marker, ...]:
    """The words and characters that show a document's region."""
    return load_markers(_data("region_markers.tsv"), "toolkit/data/region_markers.tsv")


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


# --- detection ---------------------------------------------------------------------------------


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


# --- script conversion -------------------------------------------------------------------------

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


# --- punctuation and spacing -------------------------------------------------------------------

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
    """Punctuation, width and spacing in Chinese context (see the module docstring).

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


# --- the stage ---------------------------------------------------------------------------------


def normalize_text(text: str, config: str, *, quotes: bool = True, record: Record | None = None) -> str:
    """One string through the stage: punctuation and spacing, then script (``config``)."""
    return convert_script(normalize_punctuation(text, quotes=quotes, record=record), config, record=record)


@dataclass(frozen=True, slots=True)
class Change:
    """One change normalise made (``toolkit normalize --report``)."""

    rule: str
    """``script`` (characters), ``phrase`` (OpenCC wording), ``fix`` (data/conversion_fixes.tsv),
    ``punct``, ``paren``, ``quotes``, ``width`` or ``space``."""
    before: str
    after: str
    line: int = 0
    """1-based source line of the block changed (its first line); 0 where unknown (front-matter
    fields, blocks read back from Markdown)."""
    field: str = "text"
    """``text`` (a block), ``title`` or ``source``."""
    note: str = ""
    """For ``fix``: what OpenCC alone gives; for ``phrase``: the words replaced."""
    block: int = 0
    """1-based number of the block changed; 0 for front-matter fields."""

    def render(self, origin: str) -> str:
        """One report line: ``origin:LINE: [rule] before → after (note)``; spaces made visible.

        Where the source line is unknown the block number stands in for it (``origin:¶3``).
        """
        if self.field != "text":
            where = f"{origin}:{self.field}"
        else:
            where = f"{origin}:{self.line}" if self.line else f"{origin}:¶{self.block}"
        note = f"  ({_visible(self.note, keep=' ')})" if self.note else ""
        return f"{where}: [{self.rule}] {_visible(self.before)} → {_visible(self.after)}{note}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "before": self.before,
            "after": self.after,
            "line": self.line,
            "field": self.field,
            "block": self.block,
            "note": self.note,
        }


def _visible(text: str, keep: str = "") -> str:
    """Whitespace and invisible characters as escapes (``\\u3000``); ``∅`` for nothing."""
    if not text:
        return "∅"
    return "".join(f"\\u{ord(c):04x}" if c not in keep and (c.isspace() or not c.isprintable()) else c for c in text)


@dataclass(frozen=True, slots=True)
class Report:
    """What normalise found and did to one document."""

    detection: Detection | None
    """None when the document was already normalised (nothing was done)."""
    conversion: str
    changes: tuple[Change, ...] = ()


def normalize(doc: Document, script: str | None = None) -> Document:
    """Convert to mainland Simplified and normalise punctuation.

    ``script`` forces the conversion (``tw2sp``, ``tw2s``, ``t2s``, ``hk2s`` or ``none``); by
    default it is chosen by :func:`detect`. A document that records a conversion is returned
    unchanged unless ``script`` is given.
    """
    return _normalize(doc, script, None)[0]


def normalize_report(doc: Document, script: str | None = None, *, changes: bool = True) -> tuple[Document, Report]:
    """:func:`normalize`, what it detected and (with ``changes``) every change it made, recorded as
    it made them."""
    recorded: list[Change] | None = [] if changes else None
    out, found = _normalize(doc, script, recorded)
    return out, Report(found, out.meta.conversion, tuple(recorded or ()))


def _normalize(doc: Document, script: str | None, changes: list[Change] | None) -> tuple[Document, Detection | None]:
    if script is not None:
        _check_conversion(script)
    elif doc.meta.conversion:
        return doc, None  # already normalised
    found = detect("\n".join([doc.meta.title, *(b.text for b in doc.blocks)]))
    config = script or found.conversion
    quotes = config != "none" or found.script == "simplified"

    def fix(text: str, line: int = 0, block: int = 0, field: str = "text", report: bool = True) -> str:
        record = _recorder(changes, line, block, field) if changes is not None and report else None
        return normalize_text(text, config, quotes=quotes, record=record)

    title = fix(doc.meta.title, field="title")
    source = fix(doc.meta.source, field="source")
    blocks = tuple(_fix_block(b, number, fix) for number, b in enumerate(doc.blocks, start=1))
    meta = replace(
        doc.meta,
        title=title,
        source=source,
        script=doc.meta.script or found.script,
        region=doc.meta.region or found.region,
        conversion=config,
    )
    return replace(doc, meta=meta, blocks=blocks), found


def _recorder(changes: list[Change], line: int, block: int, field: str) -> Record:
    def record(rule: str, before: str, after: str, note: str) -> None:
        changes.append(Change(rule, before, after, line, field, note, block))

    return record


def _fix_block(b: Block, number: int, fix: Callable[..., str]) -> Block:
    """The block's text (reported) and its segments' text, if any (the same changes, not reported)."""
    line = b.lines[0] if b.lines else 0
    return replace(
        b,
        text=fix(b.text, line, number),
        segments=tuple(replace(s, zh=fix(s.zh, line, number, report=False)) for s in b.segments),
    )
