"""Stage 4, glossary: the curated zh→en term list, validated and matched longest-first.

The glossary is one or more tab-separated files (``glossary/*.tsv``) that translators edit
by hand. TSV because every row is one line (errors point at it, diffs show it), any
spreadsheet opens it, and term text never needs quoting. Columns, in this order:

``zh``        the Chinese term (Simplified, as normalise produces it)
``en``        the English rendering every translation must use
``status``    ``approved`` or ``proposed`` (empty: approved if ``source`` is findable, else proposed)
``fixed``     ``yes`` when the English is a fixed name whose case is kept; else ``no``
``variants``  other Chinese spellings (Traditional forms …), separated by ``|``
``source``    where the English rendering comes from
``note``      anything a translator should know

Lines starting with ``#`` and blank lines are ignored. The first other line is the header.

House style (``glossary/STYLE.md``), enforced by :func:`parse_row` where it can be: no leading
"the" in a rendering (the sentence supplies its article); no field wrapped in quotes; no
Traditional characters in ``zh`` (they belong in ``variants``); US spelling ("center",
"program", "-ize") except in a fixed name; an ``approved`` entry cites a findable source, a
publication with its year or a URL (what only "common usage" supports is ``proposed``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from .document import Document, TermMatch
from .errors import GlossaryError
from .files import MAX_INPUT_BYTES, line_of, read_input, split_lines
from .textmeta import _t2s

COLUMNS = ("zh", "en", "status", "fixed", "variants", "source", "note")
STATUSES = ("approved", "proposed")
_HAN = re.compile(r"[\u3400-\u9fff]")
_LEADING_THE = re.compile(r"the\s", re.IGNORECASE)
_QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "\u300c": "\u300d"}
_FINDABLE = re.compile(r"\b(?:1[89]|20)\d\d\b|https?://\S+|\bglossary/STYLE\.md\b")
"""A source is findable when it names a year (a dated publication), gives a URL, or is the
project's own house style (``glossary/STYLE.md``: the publisher's recorded decision)."""
_UK_SPELLING = re.compile(
    r"\b(?:centre|centres|programme|programmes|labour|defence|\w+is(?:e|es|ed|ing|ation|ations))\b",
    re.IGNORECASE,
)
_UK_EXCEPTIONS = frozenset(
    [
        "advertise",
        "advise",
        "analyses",
        "bases",
        "cases",
        "comprise",
        "compromise",
        "concise",
        "crises",
        "devise",
        "disguise",
        "enterprise",
        "enterprises",
        "exercise",
        "exercises",
        "expertise",
        "franchise",
        "improvise",
        "incise",
        "merchandise",
        "otherwise",
        "paradise",
        "precise",
        "premise",
        "premises",
        "promise",
        "promises",
        "raise",
        "raised",
        "raises",
        "revise",
        "revised",
        "rise",
        "rises",
        "rising",
        "supervise",
        "supervised",
        "supervising",
        "surprise",
        "televise",
        "treatise",
        "wise",
        "noise",
        "praise",
        "arise",
        "arising",
    ]
)


def traditional_chars(zh: str) -> str:
    """The Simplified form of ``zh`` if it differs (it has Traditional characters), else ``""``."""
    simple = _t2s()(zh)
    return simple if simple != zh else ""


def uk_spelling(en: str) -> str:
    """The first UK spelling in ``en`` ("centre", "programme", "organisation"), or ``""``."""
    for m in _UK_SPELLING.finditer(en):
        if m.group(0).lower() not in _UK_EXCEPTIONS:
            return m.group(0)
    return ""


@dataclass(frozen=True, slots=True)
class Entry:
    zh: str
    en: str
    status: str = "approved"
    fixed: bool = False
    variants: tuple[str, ...] = ()
    source: str = ""
    note: str = ""
    path: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Problem:
    severity: str  # "error" or "warning"
    path: str
    line: int
    message: str

    def render(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


class Glossary:
    """Validated entries plus an Aho-Corasick matcher over their Chinese forms."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)

    @cached_property
    def version(self) -> str:
        """A short content hash: changes whenever a term or rendering changes."""
        h = hashlib.sha256()
        for e in sorted(self.entries, key=lambda e: e.zh):
            h.update(f"{e.zh}\t{e.en}\t{'|'.join(e.variants)}\n".encode())
        return h.hexdigest()[:12] if self.entries else ""

    @cached_property
    def _automaton(self) -> Any:
        import ahocorasick

        auto = ahocorasick.Automaton()
        for i, e in enumerate(self.entries):
            for form in (e.zh, *e.variants):
                if form:
                    auto.add_word(form, (i, form))
        if self.entries:
            auto.make_automaton()
        return auto

    def forms_in(self, text: str) -> set[tuple[int, str]]:
        """(entry index, form) of every form found in ``text``, overlapping or not."""
        return {hit for _, hit in self._automaton.iter(text)} if self.entries else set()

    def match(self, text: str) -> list[TermMatch]:
        """Glossary terms in ``text``: longest match wins, no two matches overlap."""
        if not self.entries:
            return []
        found: list[tuple[int, int, int]] = []  # (start, end, entry index)
        for end, (i, form) in self._automaton.iter(text):
            found.append((end - len(form) + 1, end + 1, i))
        found.sort(key=lambda f: (f[0] - f[1], f[0]))  # longest first, then leftmost
        used = bytearray(len(text))
        taken: list[tuple[int, int, int]] = []
        for f in found:
            if not any(used[f[0] : f[1]]):
                used[f[0] : f[1]] = b"\x01" * (f[1] - f[0])
                taken.append(f)
        taken.sort()
        return [TermMatch(zh=self.entries[i].zh, en=self.entries[i].en, start=s) for s, _, i in taken]


def glossary_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.glob("*.tsv") if not p.name.startswith("."))
    if path.exists():
        return [path]
    raise GlossaryError("no such glossary file or folder", path=path, hint="pass --glossary PATH")


def check(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> tuple[list[Entry], list[Problem]]:
    """Parse and validate every glossary file under ``path``; never raises for bad content.

    A file over ``max_bytes``, or one that is not a regular file (a named pipe …), is an error.
    """
    entries: list[Entry] = []
    problems: list[Problem] = []
    for f in glossary_files(path):
        e, p = _parse_file(f, max_bytes)
        entries += e
        problems += p
    problems += _cross_check(entries)
    return entries, problems


def load(path: Path | None, *, max_bytes: int = MAX_INPUT_BYTES) -> Glossary:
    """Load a glossary for use; any error stops with a line-numbered GlossaryError."""
    if path is None:
        return Glossary([])
    entries, problems = check(path, max_bytes=max_bytes)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        first = errors[0]
        more = f"; {len(errors) - 1} more error(s)" if len(errors) > 1 else ""
        raise GlossaryError(
            first.message + more,
            path=first.path,
            line=first.line,
            hint="fix the row, then run `toolkit glossary check`",
        )
    return Glossary(entries)


def _parse_file(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> tuple[list[Entry], list[Problem]]:
    entries: list[Entry] = []
    problems: list[Problem] = []
    name = str(path)

    def err(line: int, msg: str) -> None:
        problems.append(Problem("error", name, line, msg))

    try:
        data = read_input(path, max_bytes, GlossaryError)
    except GlossaryError as exc:
        err(1, exc.message + (f" ({exc.hint})" if exc.hint else ""))
        return entries, problems
    if b"\x00" in data:
        err(1, "file is binary, not a tab-separated glossary")
        return entries, problems
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        err(line_of(data, exc.start), f"invalid UTF-8 byte 0x{data[exc.start]:02x}; re-save the glossary as UTF-8")
        return entries, problems
    header: list[str] | None = None
    # Line ends are LF, CRLF and CR only: a U+2028 or a form feed in a note stays in its row.
    for lineno, raw in enumerate(split_lines(text), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("\t")]
        if header is None:
            header = [f.lower() for f in fields]
            if tuple(header) != COLUMNS:
                err(lineno, f"header must be the tab-separated columns {' '.join(COLUMNS)}; found {' '.join(header)}")
                return entries, problems
            continue
        entry, row_problems = parse_row(fields, name, lineno)
        problems += row_problems
        if entry is not None:
            entries.append(entry)
    if header is None:
        err(1, "glossary file is empty: it needs a header line")
    return entries, problems


def parse_row(fields: list[str], path: str, lineno: int) -> tuple[Entry | None, list[Problem]]:
    """Validate one row's fields (in ``COLUMNS`` order); the entry, or None and the problems."""
    problems: list[Problem] = []

    def err(msg: str) -> None:
        problems.append(Problem("error", path, lineno, msg))

    fields = [f.strip() for f in fields]
    if len(fields) > len(COLUMNS):
        err(f"{len(fields)} tab-separated fields, expected at most {len(COLUMNS)} (a stray tab?)")
        return None, problems
    if len(fields) < 2:
        err("expected at least the zh and en fields separated by a tab")
        return None, problems
    row = dict(zip(COLUMNS, fields + [""] * (len(COLUMNS) - len(fields)), strict=True))
    if not row["zh"]:
        err("empty zh field")
    elif not _HAN.search(row["zh"]):
        err(f"zh field {row['zh']!r} has no Chinese characters (columns swapped?)")
    elif simple := traditional_chars(row["zh"]):
        err(f"zh {row['zh']!r} has Traditional characters: write {simple!r} and put {row['zh']!r} in variants")
    if not row["en"]:
        err(f"empty en field for {row['zh']!r}")
    for name, value in row.items():
        if len(value) >= 2 and _QUOTES.get(value[0]) == value[-1] and value[-1] not in value[1:-1]:
            err(f"{name} field {value!r} is wrapped in quotes: remove them (TSV needs no quoting)")
    if _LEADING_THE.match(row["en"]):
        err(f"en {row['en']!r} starts with 'the': drop it, the sentence supplies its article (house style)")
    # An empty status means approved when the source is findable, else proposed.
    status = row["status"] or ("approved" if _FINDABLE.search(row["source"]) else "proposed")
    if status not in STATUSES:
        err(f"status {row['status']!r} is not one of {', '.join(STATUSES)}")
    if row["fixed"].lower() not in ("", "yes", "no"):
        err(f"fixed {row['fixed']!r} must be yes or no")
    if row["en"] and row["fixed"].lower() != "yes" and (uk := uk_spelling(row["en"])):
        err(f"en {row['en']!r} has the UK spelling {uk!r}: the house style is US spelling (or mark a name fixed)")
    if status == "approved" and not _FINDABLE.search(row["source"]):
        err(
            f"approved entry {row['zh']!r} cites no findable source ({row['source'] or 'none'!r}):"
            " give the publication and year or a URL, or make it proposed"
        )
    if problems:
        return None, problems
    variants = tuple(v.strip() for v in row["variants"].split("|") if v.strip())
    entry = Entry(
        zh=row["zh"],
        en=row["en"],
        status=status,
        fixed=row["fixed"].lower() == "yes",
        variants=variants,
        source=row["source"],
        note=row["note"],
        path=path,
        line=lineno,
    )
    return entry, problems


def _cross_check(entries: list[Entry]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, Entry] = {}
    for e in entries:
        for form in (e.zh, *e.variants):
            prev = seen.get(form)
            if prev is None:
                seen[form] = e
                continue
            where = f"{prev.path}:{prev.line}"
            if prev.en == e.en:
                msg = f"duplicate term {form!r} (also at {where})"
            else:
                msg = f"conflicting translations for {form!r}: {e.en!r} here, {prev.en!r} at {where}"
            problems.append(Problem("error", e.path, e.line, msg))
    # A term inside a longer term must be rendered inside the longer term's English too
    # (科创中心 "… innovation center" in 上海科创中心). Fixed names are exempt: an official
    # name need not contain its parts' renderings. The shorter terms inside each longer one
    # come from the Aho-Corasick automaton: linear in the termbase, not all pairs.
    problems += nested_problems(entries, Glossary(entries))
    return problems


def nested_problems(candidates: Iterable[Entry], glossary: Glossary) -> list[Problem]:
    """Errors for each of ``candidates`` (not fixed) that contains a term of ``glossary`` whose
    rendering its English lacks."""
    problems: list[Problem] = []
    if not glossary.entries:
        return problems
    auto = glossary._automaton
    for long in candidates:
        if long.fixed:
            continue
        seen: set[int] = set()
        for _end, (i, _form) in auto.iter(long.zh):
            short = glossary.entries[i]
            if i in seen or len(short.zh) >= len(long.zh) or short.zh not in long.zh:
                continue
            seen.add(i)
            if not renders_inside(short.en, long.en):
                problems.append(
                    Problem(
                        "error",
                        long.path,
                        long.line,
                        f"{long.zh!r} → {long.en!r} contains {short.zh!r} but not its rendering {short.en!r}"
                        f" ({short.path}:{short.line}); make the two agree, or mark {long.zh!r} fixed if it is a name",
                    )
                )
    return problems


def renders_inside(short: str, long: str) -> bool:
    """Whether every word of ``short`` appears in ``long``, comparing word stems (a word
    agrees with a longer word that starts with its first six letters: "industry" with
    "industrialization", "work" with "workers")."""
    words = re.findall(r"[\w&'-]+", long.lower())
    return all(any(w.startswith(s[:6]) for w in words) for s in re.findall(r"[\w&'-]+", short.lower()))


def unused(entries: Iterable[Entry], corpus: str) -> list[Problem]:
    """Warnings for terms that never occur in ``corpus``."""
    return [
        Problem("warning", e.path, e.line, f"{e.zh!r} never occurs in the corpus")
        for e in entries
        if not any(form in corpus for form in (e.zh, *e.variants))
    ]


def apply_glossary(doc: Document, glossary: Glossary) -> Document:
    """Record the glossary terms found in each segment (``Segment.terms``)."""
    blocks = tuple(
        replace(b, segments=tuple(replace(s, terms=tuple(glossary.match(s.zh))) for s in b.segments))
        for b in doc.blocks
    )
    return replace(doc, blocks=blocks)


# --- suggestions ---------------------------------------------------------------------------------

# jieba part-of-speech tags (ICTCLAS set). A term is a noun phrase: it ends on a noun and
# starts on a noun, a distinguishing word (大型) or an adjective (高端), never on a verb
# (深入实施, 扎实推进), a verbal noun (研究制订新区 starts a clause, not a term), an adverb,
# a number or a function word.
_HEAD_TAGS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "ng", "j", "l", "vn", "an", "eng"})
_FIRST_TAGS = (_HEAD_TAGS - {"vn"}) | {"b", "a", "s"}
_INNER_BANNED = frozenset(
    {"c", "p", "u", "uj", "ul", "uz", "uv", "ud", "ug", "d", "x", "y", "e", "o", "m", "q", "t", "f"}
)
_LIGHT_HEADS = frozenset(
    [
        "建设",
        "发展",
        "工作",
        "情况",
        "方面",
        "部署",
        "任务",
        "要求",
        "问题",
        "水平",
        "能力",
        "力度",
        "作用",
        "成效",
        "进展",
        "领域",
        "重点",
        "精神",
        "活动",
        "措施",
    ]
)
"""Heads that make a general-language phrase of almost any noun before them (产业发展, 平台建设,
工作机制 …): a candidate ending on one of these is no term unless it is a fixed formula with
an ending of its own, which the glossary then holds (重要讲话精神 is one: see ``_FORMULA_HEADS``)."""
_FORMULA_HEADS = ("讲话精神", "批示精神", "指示精神")


@dataclass(frozen=True, slots=True)
class Suggestion:
    zh: str
    count: int
    examples: tuple[str, ...]
    """Up to three contexts the candidate occurs in."""
    score: float = 0.0
    """Its termhood (C-value)."""


def _is_term_shape(words: list[tuple[str, str]]) -> bool:
    """Whether a run of (word, tag) pairs has the shape of a noun-phrase term."""
    first, last = words[0], words[-1]
    if first[1] not in _FIRST_TAGS or last[1] not in _HEAD_TAGS:
        return False
    if any(tag in _INNER_BANNED or tag.startswith("u") for _, tag in words):
        return False
    if any(word in _EDGE_CHARS for word, _ in words):  # 的, 和, 与 … as words of their own
        return False
    # A verb inside modifies the head after a noun (政府扶持项目); after an adjective it is
    # the predicate of a collocation (扎实推进人才计划).
    if any(
        tag.startswith("v") and tag != "vn" and words[k - 1][1] not in _HEAD_TAGS
        for k, (_, tag) in enumerate(words)
        if k
    ):
        return False
    text = "".join(w for w, _ in words)
    if last[0] in _LIGHT_HEADS and not text.endswith(_FORMULA_HEADS):
        return False
    nominal = sum(tag in _HEAD_TAGS or tag in _FIRST_TAGS for _, tag in words)
    return nominal * 2 >= len(words) + 1  # mostly nouns: 政府扶持项目 yes, 研究制订新区 no


_EDGE_CHARS = set("的和与及是在了等为对把将以从向于由并或之其该这此各也都而")


def _one_neighbour(chars: set[str]) -> bool:
    """Whether a candidate always has the same Chinese character beside it (a fragment);
    ``^`` / ``$`` mark the edge of a run of Chinese, which is no sign of one."""
    return len(chars) == 1 and not chars <= {"^", "$"}


@lru_cache(maxsize=1)
def _tagger() -> Any:
    """A part-of-speech tagger of its own: jieba's global one may hold words others added
    (MkDocs' search loads the glossary into it as a user dictionary), and suggestions must
    not depend on what ran before them in the process."""
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    return pseg.POSTokenizer(jieba.Tokenizer())


def suggest(
    texts: Iterable[str], glossary: Glossary, *, min_count: int = 2, max_len: int = 12, limit: int = 30
) -> list[Suggestion]:
    """Noun-phrase terms of ``texts`` that the glossary lacks, best first, for a translator to
    accept or reject.

    Candidates are runs of two to five jieba words (part-of-speech tagged, ``jieba.posseg``),
    at least two of them of two characters or more (全社会 is a word and an affix), inside
    runs of Chinese characters, 3–``max_len`` characters long, that have a term's shape
    (:func:`_is_term_shape`: a noun phrase, not a verb collocation such as 深入实施 nor a
    general phrase such as 产业发展), occur at least ``min_count`` times, and neither overlap a
    glossary term nor are one. A candidate whose every occurrence has the same word beside it
    that could extend the noun phrase is a fragment of a longer expression (时代中国特色 in
    新时代中国特色 …) and is dropped. The rest are ranked by C-value (Frantzi, Ananiadou & Mima
    2000), ``log2(length) × (count − mean count of the longer candidates containing it)``,
    which favours long, frequent candidates that also occur on their own, times the headness
    of the last word (the share of its occurrences not followed by a noun: 科技 mostly
    modifies one, so 重大科技 is a fragment).
    """
    import math

    tagger = _tagger()
    texts = list(texts)
    counts: dict[str, int] = {}
    left: dict[str, set[str]] = {}
    right: dict[str, set[str]] = {}
    seen_word: dict[str, int] = {}
    last_word: dict[str, str] = {}
    before_noun: dict[str, int] = {}
    for text in texts:
        covered = bytearray(len(text))
        for m in glossary.match(text):
            covered[m.start : m.start + len(m.zh)] = b"\x01" * len(m.zh)
        for run_match in re.finditer(r"[\u3400-\u9fff]+", text):
            run, offset = run_match.group(0), run_match.start()
            words = [(p.word, p.flag) for p in tagger.cut(run)]
            for k, (w, _) in enumerate(words):
                seen_word[w] = seen_word.get(w, 0) + 1
                if k + 1 < len(words) and words[k + 1][1] in _HEAD_TAGS:
                    before_noun[w] = before_noun.get(w, 0) + 1
            starts = [0]
            for w, _ in words:
                starts.append(starts[-1] + len(w))
            for i in range(len(words)):
                for j in range(i + 2, min(len(words), i + 5) + 1):
                    a, b = starts[i], starts[j]
                    if b - a > max_len:
                        break
                    if b - a < 3 or any(covered[offset + a : offset + b]):
                        continue
                    if not _is_term_shape(words[i:j]):
                        continue
                    gram = run[a:b]
                    if sum(len(w) > 1 for w, _ in words[i:j]) < 2:
                        continue  # 全社会, 常态化: one word and an affix, not a multi-word term
                    last_word[gram] = words[j - 1][0]
                    counts[gram] = counts.get(gram, 0) + 1
                    # The neighbouring words that could extend the noun phrase (a verb such as
                    # 引进 before 外国人才, or 和, is a boundary, not a sign of a fragment).
                    before = words[i - 1] if i > 0 else ("^", "")
                    after = words[j] if j < len(words) else ("$", "")
                    left.setdefault(gram, set()).add(before[0] if before[1] in _FIRST_TAGS else "^")
                    right.setdefault(gram, set()).add(after[0] if after[1] in _HEAD_TAGS else "$")
    frequent = {
        g: c
        for g, c in counts.items()
        if c >= min_count and len(set(g)) > 1 and not _one_neighbour(left[g]) and not _one_neighbour(right[g])
    }
    # C-value needs, for each candidate, the longer candidates that contain it: each candidate's
    # substrings (at most max_len² of them) looked up, linear in the number of candidates.
    containers: dict[str, list[int]] = {}
    for h, c in frequent.items():
        subs = {h[x:y] for x in range(len(h)) for y in range(x + 3, len(h) + 1) if y - x < len(h)}
        for g in subs & frequent.keys():
            containers.setdefault(g, []).append(c)
    scores = {}
    for g, c in frequent.items():
        nested = containers.get(g)
        # Headness: a last word that usually modifies a following noun (科技 in 科技企业,
        # 科技创新 …) makes a poor end for a term (重大科技, 高层次科技 are fragments).
        head = last_word[g]
        modifier = before_noun.get(head, 0) / (seen_word[head] + 1)
        scores[g] = math.log2(len(g)) * (c - (sum(nested) / len(nested) if nested else 0)) * (1 - modifier)
    ranked = sorted((g for g in frequent if scores[g] > 0), key=lambda g: (-scores[g], -frequent[g], g))[:limit]
    out = []
    for g in ranked:
        examples: list[str] = []
        for text in texts:
            for hit in re.finditer(re.escape(g), text):
                examples.append(text[max(0, hit.start() - 12) : hit.end() + 12].replace("\n", " "))
                if len(examples) == 3:
                    break
            if len(examples) == 3:
                break
        out.append(Suggestion(zh=g, count=frequent[g], examples=tuple(examples), score=round(scores[g], 2)))
    return out
