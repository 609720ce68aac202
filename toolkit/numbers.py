"""Numbers in Chinese text, and how English writes them.

Chinese counts large amounts in 万 (10⁴), 亿 (10⁸) and 万亿 (10¹²); English in thousands,
millions, billions and trillions. ``1328亿元`` is 132.8 billion yuan, ``5.2万`` is 52,000,
``1.5万亿`` is 1.5 trillion. The gloss backend writes numbers this way
(:func:`english_amount`), and QA (:mod:`toolkit.qa`) checks every backend's English against
the values :func:`numbers_zh` finds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

ZH_NUMBER = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万亿|亿|万|%|％)?")
"""A number as Chinese text writes it: digits (thousands separated or not), a decimal part,
and a 万/亿/万亿 scale or a per cent sign."""
ZH_SCALE = {"万": 10**4, "亿": 10**8, "万亿": 10**12}


@dataclass(frozen=True, slots=True)
class Number:
    text: str
    """As the Chinese writes it (``1328亿``, ``78.26%``)."""
    value: float
    percent: bool
    scaled: bool
    """True for a 亿/万 amount: its digits alone in the English are not enough."""
    month: bool
    """True for the number of a month (``3月``): March is as good as 3."""


def numbers_zh(zh: str) -> list[Number]:
    """The numbers of a Chinese text, with 亿/万 amounts as their value."""
    text = unicodedata.normalize("NFKC", zh)
    out = []
    for m in ZH_NUMBER.finditer(text):
        digits = m.group(1).replace(",", "") + (m.group(2) or "")
        unit = m.group(3) or ""
        value = float(digits) * ZH_SCALE.get(unit, 1)
        month = text[m.end() : m.end() + 1] == "月" and not unit
        out.append(Number(m.group(0).strip(), value, unit in ("%", "％"), unit in ZH_SCALE, month))
    return out


_EN_UNITS = ((Decimal(10**12), "trillion"), (Decimal(10**9), "billion"), (Decimal(10**6), "million"))


def english_amount(digits: str, scale: str) -> str:
    """``digits`` (``1328``, ``5.2``, ``1,328``) times a Chinese ``scale`` (万, 亿, 万亿 or ""),
    as English writes it: ``132.8 billion``, ``52,000``, ``1.5 trillion``."""
    value = Decimal(digits.replace(",", "")) * ZH_SCALE.get(scale, 1)
    if not scale:
        return digits
    for unit, name in _EN_UNITS:
        if value >= unit:
            return f"{_plain(value / unit)} {name}"
    return f"{value:,f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:,f}"


def _plain(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
