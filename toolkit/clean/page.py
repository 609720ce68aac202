"""The page passes, in order, and :func:`clean`, which walks them over one page's state.

The page is read in three parts:

* the **header** (lines before the first body-like line): breadcrumbs, navigation bars,
  metadata lines, the title (often repeated, split over two lines, prefixed with 【tag】 or
  suffixed with the site name), the site name and section labels before it; other header
  lines after the title are body (a document number, an addressee, a speech's title block);
* the **body**: every rule whose scope is ``anywhere``; the structure (headings, lists,
  rejoined paragraphs) is built from the lines kept (:mod:`.structure`);
* the **trailer**: once a rule that starts a trailer fires (a share prompt, previous/next
  link, related-links list, footer or link farm), the short lines after it (related titles,
  addresses) go too, and the ``edge`` rules (addresses, telephone numbers) apply.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from ..document import RAW_KINDS, Document
from ..textmeta import (
    ORG_SOURCE,
    SOURCE,
    STAMP,
    field_value,
    is_metadata,
    key,
    line_date,
    original_span,
    parse_date,
    strip_line,
    unmark,
)
from .lines import CRUMB_SEP, DATE_NAME, WECHAT_STRIP
from .meta import account, metadata_from_the_end
from .rules import COLUMN_TAG, PAYWALL, RULE_NAMED, TITLE, TITLE_BLOCK, TRAILER
from .settings import (
    CONTACT_LOOKBACK,
    HEADLINE_LINES,
    HEADLINE_MAX,
    PAYWALL_LINE_MAX,
    RELATED_LINK_MAX,
    STAMP_LINE_MAX,
    TAG_VALUE_MAX,
    TAG_VALUES,
    TRAILER_LINE_MAX,
)
from .state import Page
from .structure import body_like, numbering
from .title import header_title, is_prose, tkey


def header_rules(page: Page) -> None:
    """Rules above the body (every scope), and the date and source the metadata lines give."""
    field_source = org_source = named = ""
    dates: list[tuple[int, str]] = []
    related = False  # inside a related-links list above the article
    for i in range(page.body_start):
        rule, s = page.rules[i], page.ks[i]
        if rule is None:
            if related and s and len(s) <= RELATED_LINK_MAX:
                page.dropped[i] = TRAILER
            continue
        page.dropped[i] = rule
        if rule.lists_links:
            related = True
        elif rule.ends_list:
            related = False
        if rule.gives_fields:
            page.meta_line = i if page.meta_line is None else page.meta_line
            if (m := WECHAT_STRIP.match(s)) and (name := account(m.group(1) or m.group(2))):
                named = named or strip_line(original_span(page.lines[i], name))
            if (m := DATE_NAME.match(s)) and (name := account(m.group(1) or m.group(2))):
                named = named or strip_line(original_span(page.lines[i], name))
            field_source = field_source or field_value(SOURCE, page.lines[i], s)
            org_source = org_source or field_value(ORG_SOURCE, page.lines[i], s)
        if rule.date == "field":
            dates.append(line_date(s, roc=True))
        if rule.date == "line" and "星期" not in s and "周" not in s:
            dates.append((2, parse_date(s)))  # an undated field's rank (textmeta.date_rank)
        if rule.gives_crumbs:
            page.crumbs = [p for p in CRUMB_SEP.split(s) if p]
    # HTML: metadata lines above the main text that trafilatura left out.
    body_line = page.numbers[page.body_start] if page.body_start < len(page.numbers) else 1 << 30
    for d in page.doc.dropped:
        if (
            d.line < body_line
            and (row := RULE_NAMED.get(d.rule)) is not None
            and row.left_out
            and is_metadata(s := unmark(key(d.text)))
        ):
            field_source = field_source or field_value(SOURCE, d.text, s)
            org_source = org_source or field_value(ORG_SOURCE, d.text, s)
            dates.append(line_date(s, roc=True))
    page.date = page.date or min(((r, n, d) for n, (r, d) in enumerate(dates) if d), default=(0, 0, ""))[2]
    page.source = page.source or field_source or org_source
    page.named_source = named
    above = [page.ks[i] for i in range(page.body_start)]
    above += [unmark(key(d.text)) for d in page.doc.dropped if d.line < body_line]
    page.stamp_date = next((parse_date(s) for s in above if len(s) <= STAMP_LINE_MAX and STAMP.search(s)), "")


def body_rules(page: Page) -> None:
    """Rules in the body; after a trailer-starting rule, short lines and edge rules too."""
    in_trailer = ended = prose = False
    opened = -1  # the first line after what started the trailer
    # Another text's heading ends the article only below the article's headline (not in a
    # sidebar above it).
    headline = max((j for j in page.title_lines if page.numbers[j] != 0), default=-1)
    abstract = any(re.match(r"^(摘\s*要|内容摘要|内容提要)\s*[:：]", s) for s in page.ks)
    # A printed document (it has page numbers) repeats its letterhead on every page.
    printed = any(r is not None and r.printed for r in page.rules)
    letterhead = {page.ks[i]: rule for i, rule in page.dropped.items() if rule.letterhead}
    # HTML: a list of links the reader took out (recommended stories) starts a trailer too.
    lists = sorted(
        d.line for d in page.doc.dropped if (row := RULE_NAMED.get(d.rule)) is not None and row.starts_trailer
    )
    label_values(page, abstract)
    # A credit glued to a paragraph with more paragraphs below (a digest's items, each credited)
    # ends that paragraph, not the article: it starts no trailer.
    last_body = max((j for j, s in enumerate(page.ks) if body_like(s)), default=-1)
    for i in range(page.body_start, len(page.lines)):
        rule, s = page.rules[i], page.ks[i]
        if not s:
            continue
        if (
            lists
            and i > page.body_start
            and bisect_left(lists, page.numbers[i]) > bisect_right(lists, page.numbers[i - 1])
        ):
            in_trailer, opened = True, i
        if rule is not None and rule.in_abstract and abstract:
            continue  # a paper's keywords ("摘要：…" / "关键词：…") are part of its abstract
        if rule is not None and rule.attachment and _names_attachment(page, i):
            continue  # the document's own "附件：名单.xlsx", not a download list
        prose = prose or (i not in page.pre and rule is None and i not in page.dropped and is_prose(s))
        # (a line of code below the text that says the title, "git stash pop", is no header)
        if page.title and tkey(s) == tkey(page.title) and not in_trailer and not (i in page.pre and prose):
            page.dropped[i] = TITLE  # a printed report's running header, repeated on every page
        elif printed and s in letterhead and not in_trailer:
            page.dropped[i] = letterhead[s]
        elif ended:
            page.dropped[i] = TRAILER
        elif rule is not None and (rule.scope == "anywhere" or (rule.scope == "edge" and in_trailer)):
            page.dropped[i] = rule
            if not in_trailer and rule.starts_trailer and (i not in page.glued or i > last_body):
                in_trailer, opened = True, _next_line(page, i)
            ended = rule.ends_article and i > headline
        elif in_trailer and len(s) <= TRAILER_LINE_MAX and "。" not in s and not _ends_trailer(s) and i not in page.pre:
            if i == opened and _heads_paragraph(page, i):
                in_trailer = False  # a heading set between the paragraphs, just below a dropped insert
            else:
                page.dropped[i] = TRAILER
        elif in_trailer:
            in_trailer = False


def _next_line(page: Page, i: int) -> int:
    """The first line below line ``i`` that has text (-1: none)."""
    return next((j for j in range(i + 1, len(page.lines)) if page.ks[j]), -1)


def _heads_paragraph(page: Page, i: int) -> bool:
    """Is the short line ``i`` a heading over a paragraph of the body: no field, no date (a
    forum post's "楼主：… 时间：…" is none), and the next line is a paragraph (no rule's,
    body-like, with a sentence's end)?"""
    s, j = page.ks[i], _next_line(page, i)
    if ":" in s or "：" in s or parse_date(s):
        return False
    return j >= 0 and page.rules[j] is None and body_like(page.ks[j]) and "。" in page.ks[j]


def label_values(page: Page, abstract: bool = False) -> None:
    """The lines under a bare "标签：" label are its values, one tag a line ("标签：" / "it" /
    "编程"), while they are short words and no section's heading ("1 引言"): dropped with the
    label (rule ``tag-line``); not a paper's keywords (``abstract``: the page has one), which
    stay with their label."""
    for i, (rule, s) in enumerate(zip(page.rules, page.ks, strict=True)):
        if rule is None or rule.name != "tag-line" or not _BARE_LABEL.fullmatch(s) or (rule.in_abstract and abstract):
            continue
        for j in range(i + 1, min(len(page.lines), i + 1 + TAG_VALUES)):
            v = page.ks[j]
            if page.rules[j] is not None or len(v) > TAG_VALUE_MAX or not _TAG.fullmatch(v) or _SECTION.match(v):
                break
            page.dropped[j] = rule


def _names_attachment(page: Page, i: int) -> bool:
    """Is line ``i`` ("附件：X.xlsx") the document naming its attachment: no file size, and not
    under a download list's header or another download link?"""
    s = page.ks[i]
    if not re.match(r"^附件\s*\d*\s*[:：]", s) or re.search(r"\d\s*(k|m|g)?b\s*[)）\]]$", s, re.IGNORECASE):
        return False
    above = next((j for j in range(i - 1, page.body_start - 1, -1) if page.ks[j]), None)
    return above is None or (row := page.dropped.get(above)) is None or not row.attachment


def footer_block(page: Page) -> None:
    """Address and telephone lines just above the footer (rules that only apply in the trailer,
    met before it started): from the end up, while lines are dropped, blank or such lines."""
    below = False  # a dropped line below: the page ends with a footer, not with the body
    for i in range(len(page.lines) - 1, page.body_start - 1, -1):
        rule = page.rules[i]
        if i in page.dropped:
            below = True
        elif not page.ks[i]:
            continue
        elif below and rule is not None and rule.scope == "edge" and not _in_contact_block(page, i):
            page.dropped[i] = rule
        else:
            break


def _in_contact_block(page: Page, i: int) -> bool:
    """Is line ``i`` (a telephone, an address) part of the body's contact block: indented as
    the body's paragraphs are, or under a "联系人：" line?"""
    if page.lines[i].startswith("\u3000\u3000"):
        return True
    above = [j for j in range(i - 1, page.body_start - 1, -1) if page.ks[j] and j not in page.dropped][
        :CONTACT_LOOKBACK
    ]
    return any(_CONTACT_HEAD.search(page.ks[j]) for j in above)


_BARE_LABEL = re.compile(r"(tag|tags|标签|关键词|关键字|文章关键词)\s*[:：]")
_TAG = re.compile(r"[\w·.+#\s-]+")
"""A tag: words, no sentence's or quotation's marks ("it", "人工智能", "c++", "node.js")."""
_SECTION = re.compile(r"\d{1,2}(\.\d{1,2})*\s+\S|第[一二三四五六七八九十\d]{1,4}[章节部分]")
"""A section's heading, which no tag is ("1 引言", "2.1 数据", "第二章")."""
_CONTACT_HEAD = re.compile(r"联系人|联络人|联系方式|咨询电话|传媒查询|媒体联络|解读人|解读机关")


def _ends_trailer(s: str) -> bool:
    """A short line after a trailer-starting rule that is body again: a top-level numbered
    heading, or the document's attachments ("附件：…")."""
    return numbering(s) in ("cn-dun", "cn-paren", "cn-chapter") or s.startswith("附件")


def title_block(page: Page) -> None:
    """The body's first lines when they repeat the headline: a column's 【tag】 alone, and a
    newspaper's headline block whose first line is the title with more after it ("…座谈会强调" /
    "在…中更好发挥引领示范作用" / "李强蔡奇出席"), up to the first sentence."""
    below = max(page.title_lines, default=-1) + 1
    kept = [i for i in range(below, len(page.lines)) if page.ks[i] and i not in page.dropped]
    if kept and re.fullmatch(r"[【\[][^】\]。，,]{2,20}[】\]]", page.ks[kept[0]]):
        page.dropped[kept[0]] = COLUMN_TAG
        kept = kept[1:]
    title = tkey(page.title) if page.title else ""
    if not kept or not title or not tkey(page.ks[kept[0]]).startswith(title) or tkey(page.ks[kept[0]]) == title:
        return
    for i in kept[:HEADLINE_LINES]:
        s = page.ks[i]
        if len(s) > HEADLINE_MAX or any(c in s for c in "。；！"):
            break
        page.dropped[i] = TITLE_BLOCK


_PAYWALL = re.compile(
    r"^(会员|用户|个人|读者|账号|帐号)?(登录|登入|登陆)(\s*[/|]\s*注册)?$|^(注册|免费注册)\s*[/|]\s*(登录|登入)$"
    r"|^(已是会员|已有账号|已有帐号)[?？]?\s*(请|立即|马上)?(登录|登入)"
    r"|^(请|立即|马上|点击|免费|现在)?(先)?(登录|登入|订阅|付费|购买|解锁|开通会员|成为会员|加入会员|升级会员)"
    r"[^。！？?，,]{0,10}(阅读|查看|解锁|获取)(全文|完整|剩余|更多内容|本文)"
    r"|^(阅读|查看|解锁)(全文|完整内容|剩余内容)\S{0,4}(请|需)(先)?(登录|登入|订阅|付费)"
    r"|^(本文|全文|以下内容|该内容|此内容)(为|是|属于|仅限)?\S{0,6}(付费|会员|订户)(内容|专享|专属|可见|阅读)"
    r"|^剩余\s*\d+\s*%|^(subscribe|sign in|log in|login)\b",
    re.IGNORECASE,
)
"""A paywall's prompt (a key, the whole line's start): a login box's heading ("会员登入", "登录 /
注册"), "已是会员？立即登录", "订阅后阅读全文", "本文为付费内容", "剩余80%"; never a question or a
clause ("如何登录个税App查看退税进度？" is a how-to's heading)."""


def paywall(page: Page) -> None:
    """A login or subscription box under a teaser cut short: when a paywall's prompt
    (:data:`_PAYWALL`, a short line) follows a kept paragraph that ends in an ellipsis ("…英特尔
    何须发..." / "会员登入"), the prompt and the lines below it down to the next paragraph are
    the box (its form, its hotline and mailbox), dropped under the rule ``paywall``. A paragraph
    that ends otherwise is whole: a "登录" below it is a menu's or a comment box's, for other rules."""
    above = -1  # the last kept line with text
    for i in range(max(page.body_start, max(page.title_lines, default=-1) + 1), len(page.lines)):
        s = page.ks[i]
        if not s:
            continue
        if above >= 0 and _prompt(s) and _cut_short(page.ks[above]):
            for j in range(i, len(page.lines)):
                if j > i and j not in page.dropped and body_like(page.ks[j]):
                    break
                if page.ks[j] and j not in page.dropped:
                    page.dropped[j] = PAYWALL
            return
        if i not in page.dropped:
            above = i


def _prompt(s: str) -> bool:
    """A paywall's prompt (:data:`_PAYWALL`): a short line, no question."""
    return len(s) <= PAYWALL_LINE_MAX and not s.rstrip().endswith(("?", "？")) and _PAYWALL.search(s) is not None


def _cut_short(s: str) -> bool:
    """A paragraph (a key) that stops in an ellipsis ("…" is "..." in a key): a teaser."""
    return is_prose(s) and s.endswith(("...", "。。。"))


Pass = Callable[[Page], None]

PASSES: tuple[tuple[str, Pass], ...] = (
    ("header-rules", header_rules),
    ("header-title", header_title),
    ("body-rules", body_rules),
    ("paywall", paywall),
    ("title-block", title_block),
    ("footer-block", footer_block),
    ("metadata-from-the-end", metadata_from_the_end),
)
"""The page passes in order, by name, as ``pipeline.STAGES`` lists the stages: each reads the
page's state and adds to it (lines dropped and why, title, date, source)."""


def clean(doc: Document) -> Document:
    """Turn a document of ``raw`` lines into title/date/source metadata and body blocks."""
    if not any(b.kind in RAW_KINDS for b in doc.blocks):
        return doc  # already clean
    page = Page.read(doc)
    for _name, run_pass in PASSES:
        run_pass(page)
    return page.document()
