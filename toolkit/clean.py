"""Stage 1, clean: raw page lines → title, date, source and structured body blocks.

Every line the cleaner removes is recorded in ``Document.dropped`` with the name of the
rule that removed it (``toolkit clean --explain`` prints them). Rules match on a
simplified, width-normalised copy of the line, so they work on both scripts; the text
kept is the original.

The page is read in three parts:

* the **header** (lines before the first body-like line): breadcrumbs, metadata lines,
  the title (often repeated, or split over two lines, or suffixed with the site name),
  the site name; header lines that are none of these are body (a speech's title block);
* the **body**: numbered headings (一、 （一） 1. （1）) get heading levels, paragraphs a
  dump broke after a comma are rejoined;
* the **trailer**: once a share prompt, related-links list, footer or link farm starts,
  the short lines after it (related titles, addresses) go too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from .document import Block, Document, Dropped

# --- line normalisation for matching -------------------------------------------------------

_SPACES = "\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\t "


def strip_line(text: str) -> str:
    return text.strip(_SPACES + "\r\n")


@lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    import opencc

    converter: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return converter


def key(text: str) -> str:
    """The form rules match on: NFKC (full-width → half-width), Simplified, stripped."""
    return strip_line(_t2s()(unicodedata.normalize("NFKC", text)))


# --- boilerplate rules ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    test: Callable[[str], bool]
    """Called with ``key(line)``."""
    starts_trailer: bool = False
    """Once this rule fires after the body has begun, short lines after it are trailer."""


def _re(pattern: str, max_len: int = 10_000) -> Callable[[str], bool]:
    rx = re.compile(pattern, re.IGNORECASE)
    return lambda s: len(s) <= max_len and rx.search(s) is not None


_SEP = re.compile(r"\s*(?:>>|>|›|»|→|/)\s*")
_SENTENCE_END = "。！？；!?;"


def _is_breadcrumb(s: str) -> bool:
    if re.match(r"^(当前位置|您的位置|你的位置|您现在的位置|您当前的位置|所在位置|当前页面)\s*[:：]?", s):
        return True
    if "。" in s or len(s) > 160:
        return False
    parts = [p for p in re.split(r"\s*(?:>>|>|›|»|→)\s*", s) if p]
    if len(parts) < 2 or len(parts) == 1:
        return False
    return parts[0].lower() in {"首页", "主页", "网站首页", "home", "返回首页"} or len(parts) >= 3


def _is_link_farm(s: str) -> bool:
    items = [p.strip() for p in re.split(r"[|｜]", s) if p.strip()]
    if len(items) < 4:
        return False
    return sum(len(i) for i in items) / len(items) <= 20


META_FIELDS = (
    r"(来源|信息来源|文章来源|稿件来源|发布时间|发布日期|发稿时间|更新时间|发文日期|作者|供稿|浏览次数|点击数|阅读次数)"
)

RULES: tuple[Rule, ...] = (
    Rule("breadcrumb", _is_breadcrumb),
    Rule("metadata-line", _re(rf"^{META_FIELDS}\s*[:：]|(发布时间|发布日期)\s*[:：]", 120)),
    Rule("view-counter", _re(r"(浏览|点击|阅读|访问)(次数|量|数)?\s*[:：]\s*\d+|^\d+\s*(人|次)(浏览|阅读)$", 120)),
    Rule(
        "font-size",
        _re(
            r"^[\[【]?(字号|字体|字体大小)\s*[:：]?\s*([大中小]\s*)*[\]】]?$|^[\[【]?[大中小]\s*[大中小]\s*[大中小][\]】]?$",
            40,
        ),
    ),
    Rule(
        "window-control",
        _re(
            r"^[\[【(（]?\s*(关闭窗口|打印本页|打印此页|关闭本页|返回顶部|回到顶部|收藏本页|加入收藏|打印|关闭)\s*[\]】)）]?(\s*[\[【(（]?\s*(关闭窗口|打印本页|关闭|打印|返回顶部)\s*[\]】)）]?)*$",
            40,
        ),
        starts_trailer=True,
    ),
    Rule(
        "share",
        _re(r"分享到|分享至|一键分享|分享按钮|立刻分享|扫一扫|二维码|朋友圈|喜欢这篇文章|转发到|^分享\s*[:：]?$", 80),
        starts_trailer=True,
    ),
    Rule("prev-next", _re(r"^(上一篇|下一篇|上一条|下一条|上一页|下一页)\s*[:：]?", 120), starts_trailer=True),
    Rule(
        "related-links",
        _re(
            r"^(相关链接|相关文章|相关新闻|相关阅读|延伸阅读|推荐阅读|热点推荐|猜你喜欢)\s*[:：]?|请您?继续阅读|更多来自.{0,20}的",
            120,
        ),
        starts_trailer=True,
    ),
    Rule("site-promo", _re(r"(本站|小编).{0,60}(精选|更新|浏览|点击|订阅|关注)", 160), starts_trailer=True),
    Rule(
        "footer",
        _re(
            r"主办单位|承办单位|^主办\s*[:：]|^承办\s*[:：]|版权所有|ICP\s*[备证]|公网安备|公安备|网站标识码|技术支持\s*[:：]|"
            r"copyright|©|服务热线|联系电话\s*[:：]|联系我们|网站地图|官网公众号|官网微信号|官方微信|官方微博|战略合作\s*[:：]|"
            r"^地址\s*[:：]|^邮编\s*[:：]|^电话\s*[:：]",
            160,
        ),
        starts_trailer=True,
    ),
    Rule("link-farm", _is_link_farm, starts_trailer=True),
    Rule("page-timing", _re(r"^\d+(\.\d+)?\s*(s|ms|秒)$", 20)),
    Rule("editor", _re(r"^[\[【(（]?\s*(责任编辑|编辑|责编|审核|校对|审校|编审)\s*[:：]", 60)),
    Rule("tag-line", _re(r"^(tag|tags|标签|关键词|关键字)\s*[:：]", 120)),
)


def match_rule(line: str) -> Rule | None:
    s = key(line)
    if not s:
        return None
    for rule in RULES:
        if rule.test(s):
            return rule
    return None


# --- structure -----------------------------------------------------------------------------

_CN_NUM = "一二三四五六七八九十百零〇"
NUMBERING: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn-dun", re.compile(rf"^[{_CN_NUM}]+、")),
    ("cn-paren", re.compile(rf"^[（(][{_CN_NUM}]+[）)]")),
    ("arabic-dot", re.compile(r"^\d{1,2}\s*[.、．](?!\d)")),
    ("arabic-paren", re.compile(r"^[（(]\d{1,2}[）)]")),
)
_LIST_MARK = re.compile(r"^[•·●○■□◆◇▪▶►‣\-–]\s*")
_DOC_TYPES = (
    "报告", "总结", "通知", "意见", "办法", "方案", "规划", "计划", "安排", "思路", "要点", "决定",
    "公告", "通报", "细则", "规定", "条例", "纲要", "讲话", "说明", "批复", "指南", "措施", "公报",
    "白皮书", "情况", "回顾",
)  # fmt: skip
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_SOURCE = re.compile(r"来源\s*[:：]\s*(.*?)\s*(?:\s{2,}|发布|时间|日期|浏览|点击|作者|[(（]|$)")


def numbering(text: str) -> str | None:
    s = key(text)
    for name, rx in NUMBERING:
        if rx.match(s):
            return name
    return None


def _is_heading_line(text: str) -> bool:
    s = key(text)
    return len(s) <= 160 and not any(c in s for c in _SENTENCE_END)


def _body_like(text: str) -> bool:
    s = key(text)
    if numbering(text) is not None and len(s) > 4:
        return True
    return len(s) >= 60 and any(c in s for c in "。，,；;")


# --- title -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
    index: int
    title: str
    tag: str
    site: str


def _title_parts(line: str) -> _Candidate:
    s = strip_line(unicodedata.normalize("NFKC", line).replace("\u3000", " "))
    tag = ""
    m = re.match(r"^[【\[]([^】\]]{1,20})[】\]]\s*", s)
    if m:
        tag, s = m.group(1), s[m.end() :]
    site = ""
    m = re.match(r"^(.{4,}?)\s*(?:_|\s-\s|｜|\s\|\s)\s*([^_｜|]{2,30})$", s)
    if m:
        s, site = m.group(1), m.group(2)
    return _Candidate(index=-1, title=strip_line(s), tag=tag, site=strip_line(site))


def _choose_title(cands: list[_Candidate], lines: list[str]) -> tuple[str, set[int]]:
    """The title, and the header line indexes that hold it."""
    if not cands:
        return "", set()
    counts: dict[str, int] = {}
    for c in cands:
        counts[key(c.title)] = counts.get(key(c.title), 0) + 1
    best = max(cands, key=lambda c: (counts[key(c.title)], -c.index))
    if counts[key(best.title)] > 1:
        return best.title, {c.index for c in cands if key(c.title) == key(best.title)}
    # No repeat: the first candidate, joined with a short next line that completes it
    # (a title split over two lines: "2019年…市科委" / "工作情况报告").
    first = cands[0]
    title, used = first.title, {first.index}
    for nxt in cands[1:3]:
        between = lines[first.index + 1 : nxt.index]
        if any(strip_line(x) for x in between):
            break
        if (
            len(nxt.title) <= 20
            and not title.endswith(_DOC_TYPES)
            and nxt.title.endswith(_DOC_TYPES)
            and not any(c in title + nxt.title for c in _SENTENCE_END + "，,")
        ):
            title, used = title + nxt.title, used | {nxt.index}
        break
    return title, used


# --- the stage -------------------------------------------------------------------------------


def clean(doc: Document) -> Document:
    """Turn a document of ``raw`` lines into title/date/source metadata and body blocks."""
    if not any(b.kind == "raw" for b in doc.blocks):
        return doc  # already clean
    lines = [b.text for b in doc.blocks]
    numbers = [b.lines[0] if b.lines else i + 1 for i, b in enumerate(doc.blocks)]
    dropped: dict[int, str] = {}
    rules: list[Rule | None] = [match_rule(line) for line in lines]

    body_start = next(
        (i for i, line in enumerate(lines) if rules[i] is None and _body_like(line)),
        len(lines),
    )

    # Header: metadata and title.
    date, source = _parse_date(doc.meta.date), ""
    crumbs: list[str] = []
    for i in range(body_start):
        rule = rules[i]
        s = key(lines[i])
        if rule is None:
            continue
        dropped[i] = rule.name
        if rule.name == "metadata-line":
            m = _SOURCE.search(s)
            if m and m.group(1).strip() and not source:
                source = strip_line(_original_span(lines[i], m.group(1)))
        if rule.name in ("metadata-line", "view-counter") and not date:
            date = _parse_date(s)
        if rule.name == "breadcrumb":
            crumbs = [p for p in re.split(r"\s*(?:>>|>|›|»|→)\s*", s) if p]
    if not date:
        date = next((d for d in (_parse_date(key(lines[i])) for i in range(body_start) if i in dropped) if d), "")

    cands: list[_Candidate] = []
    for i in range(body_start):
        if i in dropped or not strip_line(lines[i]):
            continue
        s = key(lines[i])
        if crumbs and s == crumbs[-1] and len(crumbs) >= 2 and len(s) <= 12:
            dropped[i] = "section-label"
            continue
        if source and s == key(source):
            dropped[i] = "site-name"
            continue
        parts = _title_parts(lines[i])
        cands.append(replace(parts, index=i))
    title, title_lines = _choose_title(cands, lines)
    if doc.meta.title and not title:
        title = doc.meta.title
    for c in cands:
        if c.index in title_lines:
            dropped[c.index] = "title"
            source = source or c.tag or c.site
    # A line repeating the site name found in a "title_site" line.
    sites = {key(c.site) for c in cands if c.site}
    for c in cands:
        if c.index not in dropped and key(c.title) in sites:
            dropped[c.index] = "site-name"

    # Body and trailer.
    in_trailer = False
    for i in range(body_start, len(lines)):
        rule = rules[i]
        s = key(lines[i])
        if not s:
            continue
        if rule is not None:
            dropped[i] = rule.name
            in_trailer = in_trailer or rule.starts_trailer
        elif in_trailer and (len(s) <= 80 and "。" not in s):
            dropped[i] = "trailer"
        elif in_trailer:
            in_trailer = False

    if not source:
        for i in sorted(dropped):
            m = re.search(r"更多来自\s*(.{1,20}?)\s*的", key(lines[i]))
            if m:
                source = strip_line(_original_span(lines[i], m.group(1)))
                break

    blocks = _structure(
        [(i, lines[i]) for i in range(len(lines)) if i not in dropped and strip_line(lines[i])], numbers
    )
    title_block = Block(kind="heading", text=title, level=1, lines=tuple(numbers[i] for i in sorted(title_lines)))
    meta = replace(doc.meta, title=title, date=date, source=source)
    return Document(
        meta=meta,
        blocks=(title_block, *blocks) if title else tuple(blocks),
        dropped=tuple(Dropped(line=numbers[i], text=lines[i], rule=dropped[i]) for i in sorted(dropped)),
    )


def _original_span(line: str, simplified: str) -> str:
    """The part of the original ``line`` that ``simplified`` (a slice of ``key(line)``) came from."""
    norm = strip_line(unicodedata.normalize("NFKC", line))
    start = key(line).find(simplified)
    if start < 0 or len(norm) != len(key(line)):
        return simplified
    return norm[start : start + len(simplified)]


def _parse_date(s: str) -> str:
    m = _DATE.search(s)
    if not m:
        return ""
    y, mo, d = (int(g) for g in m.groups())
    if not (1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _structure(lines: list[tuple[int, str]], numbers: list[int]) -> list[Block]:
    # Heading levels follow the order of numbering schemes used as headings in this
    # document, so levels have no gaps (一、 and 1. only → levels 2 and 3).
    kinds: list[str | None] = []
    for _, text in lines:
        n = numbering(text)
        kinds.append(n if n is not None and _is_heading_line(text) else None)
    order = [name for name, _ in NUMBERING if name in kinds]
    level_of = {name: 2 + i for i, name in enumerate(order)}

    blocks: list[Block] = []
    for (i, raw), kind in zip(lines, kinds, strict=True):
        text = strip_line(raw)
        if kind is not None:
            blocks.append(Block(kind="heading", text=text, level=level_of[kind], lines=(numbers[i],)))
            continue
        if _LIST_MARK.match(text) and len(text) > 2:
            blocks.append(Block(kind="list_item", text=_LIST_MARK.sub("", text, count=1), lines=(numbers[i],)))
            continue
        prev = blocks[-1] if blocks else None
        if prev is not None and prev.kind == "paragraph" and prev.text.endswith(("，", ",", "、")):
            # A paragraph the dump broke after a comma: rejoin.
            blocks[-1] = replace(prev, text=prev.text + text, lines=(*prev.lines, numbers[i]))
            continue
        blocks.append(Block(kind="paragraph", text=text, lines=(numbers[i],)))
    return blocks
