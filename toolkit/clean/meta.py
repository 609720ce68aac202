"""Date and source from the page's text: the passes' helpers and the last pass, which fills
in what the header did not give (a 来源 field after the body, the account under the title,
the signature block, the title line's site part, a repost trailer's "更多来自 X 的", the
site's own name)."""

from __future__ import annotations

import re
import unicodedata

from ..textmeta import CN_DATE, DATE_ONLY, NOT_A_SOURCE, SOURCE, field_value, key, original_span, parse_date, strip_line
from ..words import word_list
from .settings import ORG_NAME_MAX, ORG_NAME_MIN, OWN_DATE_MAX, SIGNATURE_LINES
from .state import Page

DOC_TYPES = word_list("document_types")
"""How a document's title ends: 报告, 通知, 办法 …"""
_ORG_SUFFIX = word_list("organisation_suffixes")
"""How an organisation's or a site's name ends: 委员会, 局, 大学, 网 …"""


def org_like(s: str) -> bool:
    """A bare organisation or site name: short, no digits or sentence marks, an org suffix."""
    return (
        ORG_NAME_MIN <= len(s) <= ORG_NAME_MAX
        and not re.search(
            r"\d|[。，,；;：:！？!?“”《》]|的|关于|召开|举办|印发|发布|开展|推进|加快|取得|启动|通过|建设", s
        )
        and s.endswith(_ORG_SUFFIX)
        and not s.endswith(DOC_TYPES)
    )


def account(name: str) -> str:
    """A platform account's name as a source: "科技日报社官方账号" → "科技日报社"."""
    name = re.sub(r"(官方账号|官方帐号|官方号|官方微博|官方)$", "", name)
    return "" if name.lower() in NOT_A_SOURCE or len(name) < 2 else name


_COPYRIGHT = re.compile(
    r"版权所有\s*[:：©]?\s*(?:©\s*)?(?:\d{4}\s*(?:[-—~]\s*\d{4})?\s*)?([\u4e00-\u9fff（）()]{3,30})|"
    r"©\s*(?:\d{4}\s*(?:[-—~]\s*\d{4})?\s*)?([\u4e00-\u9fff（）()]{3,30})\s*版权所有"
)


def copyright_holder(page: Page) -> str:
    """The organisation a footer's "版权所有" names: the site's name when nothing else gives it."""
    lines = [page.lines[i] for i, rule in page.dropped.items() if rule.footer]
    lines += [d.text for d in page.doc.dropped]
    for line in lines:
        m = _COPYRIGHT.search(unicodedata.normalize("NFKC", line))
        if m and org_like(key(name := m.group(1) or m.group(2))):
            return strip_line(name)
    return ""


def metadata_from_the_end(page: Page) -> None:
    """Source and date still missing, in this order: a 来源 field after the body ("文章来源：X"),
    the account or "date name" strip under the title, the signature block, the title line's
    site part, a repost trailer's "更多来自 X 的", the site's own name; for the date, the
    signature, a press release's date after its end mark, a metadata line after the body, a
    date-and-time stamp."""
    if not page.source:
        for i, rule in sorted(page.dropped.items()):
            if rule.gives_fields and i >= page.body_start:
                page.source = field_value(SOURCE, page.lines[i], page.ks[i])
                if page.source:
                    break
    page.source = page.source or page.account or page.named_source
    kept = [i for i in range(len(page.lines)) if i not in page.dropped and page.ks[i]]
    sig_date, sig_org = signature(kept, page.ks, page.lines)
    # An official document's issuing body (its signature) before the site's name.
    page.source = page.source or sig_org or page.site_source
    if not page.source:
        for i in sorted(page.dropped):
            m = re.search(r"更多来自\s*(.{1,20}?)\s*的", page.ks[i])
            if m:
                page.source = strip_line(original_span(page.lines[i], m.group(1)))
                break
    page.date = page.date or sig_date
    page.site_name = page.site_name or strip_line(page.doc.meta.site) or copyright_holder(page)
    page.source = page.source or page.site_name
    # A site's name with its English abbreviation: "中央社 CNA" → "中央社".
    page.source = re.sub(r"(?<=[\u4e00-\u9fff）)])\s+[A-Za-z][A-Za-z .&'-]*$", "", page.source)
    # A press release's date after its end mark ("完" / "2022年5月12日（星期四）").
    trailer = (i for i, rule in sorted(page.dropped.items()) if rule.closing_date and is_own_date(page.ks[i]))
    page.date = page.date or next((parse_date(page.ks[i]) for i in trailer), "")
    # A date in a metadata line after the body ("发布于 2024-02-28 17:40・IP 属地北京"), else a stamp.
    after = (i for i, rule in sorted(page.dropped.items()) if rule.gives_fields and i >= page.body_start)
    page.date = page.date or next((d for i in after if (d := parse_date(page.ks[i], roc=True))), "")
    page.date = page.date or page.stamp_date


def is_own_date(s: str) -> bool:
    """A line that is only a date, maybe in brackets: "2020年3月5日", "（二〇二〇年三月五日）"."""
    inner = re.sub(r"\s*[(（]\s*(星期|周)[一二三四五六日天]\s*[)）]$", "", s).strip("()（）[]【】 ")
    return len(inner) <= OWN_DATE_MAX and bool(DATE_ONLY.match(inner) or CN_DATE.fullmatch(inner))


def signature(kept: list[int], ks: list[str], lines: list[str]) -> tuple[str, str]:
    """(date, issuing body) of a signature block among the last kept lines, or empty strings."""
    tail = kept[-SIGNATURE_LINES:]
    for pos, i in enumerate(tail):
        s = ks[i]
        if is_own_date(s):
            date = parse_date(s)
            org = ""
            if pos > 0 and org_like(ks[tail[pos - 1]]):
                org = strip_line(lines[tail[pos - 1]])
            return date, org
    return "", ""
