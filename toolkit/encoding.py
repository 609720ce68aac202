"""Decoding input bytes: UTF-8 (with or without BOM), UTF-16 (with or without BOM),
GB18030/GBK/GB2312, Big5.

The order of evidence, strongest first:

1. a byte-order mark (``utf-8-sig``, ``utf-16``);
2. NUL bytes, nearly all at odd or nearly all at even offsets, where the bytes decode as
   UTF-16 (little- or big-endian) to text that reads as Chinese, or as plain Latin text:
   recorded as ``utf-16-le`` / ``utf-16-be``; other data with NUL bytes is binary;
3. valid UTF-8 (legacy Chinese text of any length is almost never valid UTF-8, and pages
   re-saved as UTF-8 often keep a stale ``<meta charset=gb2312>``);
4. for HTML, the page's own ``<meta charset>`` / ``http-equiv`` declaration, when the bytes
   decode under it and the text reads as Chinese;
5. charset-normalizer's candidates among the Chinese legacy encodings, plus our own strict
   attempts, ranked by a **Chinese-aware check**: the share of the decoded text's non-ASCII
   characters that are common Chinese characters (GB2312 level 1, in Simplified and
   Traditional forms) or CJK punctuation. Big5 bytes decode as "valid" GB18030 almost
   always, and the reverse often; only the right decoding reads as common Chinese.

GB2312 and GBK are decoded (and recorded) as ``gb18030``, their superset. Big5 is recorded as
``big5``, or ``cp950``/``big5hkscs`` when only that extension decodes the bytes.

An error names the line: ``page.txt:17: invalid UTF-8 byte 0xff …``.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import InputError

# Python codec names, in order of preference when scores tie.
CHINESE_LEGACY = ("gb18030", "big5", "cp950", "big5hkscs")
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "x-gbk": "gb18030",
    "euc-cn": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5",
    "big-5": "big5",
    "x-x-big5": "big5",
    "cn-big5": "big5",
    "cp950": "cp950",
    "ms950": "cp950",
    "big5-hkscs": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "utf-8": "utf-8",
    "utf8": "utf-8",
}
_MIN_SCORE = 0.6
"""A decoding whose non-ASCII text is less than this share common Chinese is not Chinese."""
_SAMPLE = 8_000
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CONTROL = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_LATIN = re.compile(r"[\x00-\u024f\u2000-\u206f]*")
_NOT_COUNTED = re.compile(r"[\x00-\x7f\s]+")
_CJK_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』—…·　〔〕％－～＋／")


def build_common_hanzi() -> str:
    """GB2312 level-1 characters (the 3,755 most used) and their Traditional forms (OpenCC
    ``s2t``, ``s2tw``, ``s2hk``), sorted: the content of ``data/common_hanzi.txt``."""
    import opencc

    pairs = bytes(b for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF) for b in (hi, lo))
    chars = set(pairs.decode("gb2312", errors="replace")) - {"\ufffd"}
    simplified = "".join(sorted(chars))
    for config in ("s2t", "s2tw", "s2hk"):
        chars.update(opencc.OpenCC(config).convert(simplified))
    return "".join(sorted(chars))


@lru_cache(maxsize=1)
def common_hanzi() -> frozenset[str]:
    """The common Chinese characters, Simplified and Traditional (see :func:`build_common_hanzi`)."""
    text = resources.files("toolkit").joinpath("data/common_hanzi.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")))


@lru_cache(maxsize=1)
def _deletions() -> dict[int, None]:
    return dict.fromkeys(map(ord, common_hanzi() | _CJK_PUNCT))


def chinese_score(text: str) -> float:
    """Share of the non-ASCII, non-space characters of ``text`` that are common Chinese or CJK
    punctuation; 0.0 when there are none."""
    sample = _NOT_COUNTED.sub("", text[:_SAMPLE])
    if not sample:
        return 0.0
    return 1 - len(sample.translate(_deletions())) / len(sample)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset>`` or
    ``http-equiv``), as a Python codec name; None when absent or unknown."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    if name in _ALIASES:
        return _ALIASES[name]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _strict(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def _normalizer_candidates(data: bytes) -> list[str]:
    """charset-normalizer's guesses among the Chinese legacy encodings, best first."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data, cp_isolation=[*CHINESE_LEGACY, "gbk", "gb2312"])
    out: list[str] = []
    for m in matches:
        enc = _ALIASES.get(m.encoding.replace("_", "-"), m.encoding)
        if enc not in out:
            out.append(enc)
    return out


def decode(data: bytes, path: Path, html: bool = False) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding). Raises InputError for empty, binary or
    undecodable data. The text keeps its line ends; callers split lines."""
    if data.startswith(codecs.BOM_UTF8):
        body = data[3:]
        text = _strict(body, "utf-8")
        for cut in (1, 2, 3):  # a file cut mid-character
            if text is None and (start := _strict(body[:-cut], "utf-8")) is not None and start.strip():
                text = start + "\ufffd"
        return _or_fail(text, "utf-8", body, path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _or_fail(_strict(data, "utf-16"), "utf-16", data, path), "utf-16"
    _check_not_empty(data, path)
    head = data[:8192]
    if b"\x00" in head and (utf16 := _utf16_without_bom(data)) is not None:
        return utf16
    if b"\x00" in head or len(_CONTROL.findall(head)) > max(2, len(head) // 100):
        raise InputError("file is binary, not text", path=path, hint="give a UTF-8, GB18030 or Big5 text or HTML file")
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and (len(data) > 64 or chinese_score(utf8) >= _MIN_SCORE or _LATIN.fullmatch(utf8)):
        return utf8, "utf-8"
    # Short GB or Big5 bytes can also be valid UTF-8 ("通知" in GBK reads as two Greek and
    # Hebrew letters): then the legacy decoding must read as Chinese to win.

    scored: dict[str, tuple[float, str]] = {}

    def consider(enc: str) -> None:
        if enc in scored or enc == "utf-8":
            return
        decoded = _strict(data, enc)
        if decoded is not None:
            scored[enc] = (chinese_score(decoded), decoded)

    declared = declared_charset(data) if html else None
    if declared:
        consider(declared)
        if declared in scored and scored[declared][0] >= _MIN_SCORE:
            return scored[declared][1], declared
    for enc in CHINESE_LEGACY:
        consider(enc)
    ranked = sorted(scored, key=lambda e: scored[e][0], reverse=True)
    # Big5's extensions decode most pages to the same text: a rival is a different reading.
    rivals = [e for e in ranked[1:] if ranked and scored[e][1] != scored[ranked[0]][1]]
    clear = bool(ranked) and scored[ranked[0]][0] >= 0.9 and all(scored[e][0] < _MIN_SCORE for e in rivals)
    order = list(CHINESE_LEGACY)
    if not clear:
        # No clear winner: ask charset-normalizer (its guesses may add a candidate, and its
        # order breaks ties after GB18030).
        order = [*_normalizer_candidates(data), *CHINESE_LEGACY]
        for enc in order:
            consider(enc)
    if scored:
        # Ties (a few characters that read as Chinese both ways) go to GB18030, then to
        # charset-normalizer's order.
        rank = {enc: i for i, enc in enumerate(dict.fromkeys(order))}
        best = max(scored, key=lambda e: (round(scored[e][0], 2), e == "gb18030", -rank.get(e, 99)))
        if scored[best][0] >= _MIN_SCORE:
            return scored[best][1], best
    if utf8 is not None:
        return utf8, "utf-8"
    # No strict decoding reads as Chinese: a file cut mid-character or with a stray byte.
    # Accept the best legacy decoding when the damage is a handful of characters.
    for enc in ("utf-8", "gb18030", "big5"):
        lenient = data.decode(enc, errors="replace")
        if _few_errors(lenient) and chinese_score(lenient) >= _MIN_SCORE:
            return lenient, enc
    try:
        data.decode("utf-8")
        at = 0  # pragma: no cover - valid UTF-8 was returned above
    except UnicodeDecodeError as exc:
        at = exc.start
    raise InputError(
        f"invalid UTF-8 byte 0x{data[at]:02x} (column {_column(data, at)}), and not GB18030 or Big5 text either",
        path=path,
        line=_line_of(data, at),
        hint="convert it to UTF-8, e.g. iconv -f ENCODING -t UTF-8",
    )


def _line_of(data: bytes, offset: int) -> int:
    from .files import line_of

    return line_of(data, offset)


def _column(data: bytes, offset: int) -> int:
    """1-based byte column of ``offset`` in its line."""
    start = max(data.rfind(b"\n", 0, offset), data.rfind(b"\r", 0, offset))
    return offset - start


_UTF16_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, ``utf-16-le``/``utf-16-be``) for UTF-16 without a byte-order mark, else None.

    ASCII characters (line ends, digits, spaces) put a NUL byte at odd offsets in
    little-endian UTF-16 and at even ones in big-endian; a few Chinese characters (一 is
    U+4E00) put one on the other side. The bytes must decode strictly, hold no control
    characters, and read as Chinese (or as Latin text with NULs all on one side).
    """
    sample = data[: 1 << 16]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    body = data[: len(data) // 2 * 2]  # a file cut mid-character loses that character
    best: tuple[float, str, str] | None = None
    for enc, share in (("utf-16-le", odd / (even + odd)), ("utf-16-be", even / (even + odd))):
        if share < 0.5:
            continue
        text = _strict(body, enc)
        if text is None or not text.strip() or _UTF16_CONTROL.search(text):
            continue
        score = chinese_score(text)
        readable = score >= _MIN_SCORE or (share >= 0.99 and _LATIN.fullmatch(text))
        if readable and (best is None or score > best[0]):
            best = (score, text + ("\ufffd" if len(body) < len(data) else ""), enc)
    return (best[1], best[2]) if best else None


def _few_errors(text: str) -> bool:
    """At most a handful of undecodable bytes (U+FFFD): 2, or one in a thousand characters."""
    return text.count("\ufffd") <= max(2, len(text) // 1000)


def _check_not_empty(data: bytes, path: Path) -> None:
    if not data.strip():
        raise InputError("file is empty", path=path, hint="remove it from the input or give it content")


def _or_fail(text: str | None, enc: str, data: bytes, path: Path) -> str:
    if text is None:
        try:
            data.decode(enc)
        except UnicodeDecodeError as exc:
            # The line: count line ends in what decodes before the bad bytes.
            line = len(re.findall(r"\r\n|\r|\n", data[: exc.start].decode(enc, errors="replace"))) + 1
            raise InputError(
                f"invalid {enc} at byte {exc.start}", path=path, line=line, hint="re-save the file as UTF-8"
            ) from None
        raise InputError(f"cannot decode file as {enc}", path=path)  # pragma: no cover
    if not text.strip():
        raise InputError("file is empty", path=path, hint="remove it from the input or give it content")
    return text
