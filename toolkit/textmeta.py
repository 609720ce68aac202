"""What a line of a page says about the page: the lower layer under the readers and the clean stage.

* **Line keys**: the form rules match on (:func:`key`: NFKC, Simplified, stripped), for one
  line or a whole page at once (:func:`keys`), and a line without its list mark.
* **Shared character classes**: :data:`HAN` (a Han character) and :data:`TITLE_SEP` (what
  separates a title from the site's name in a ``<title>`` or a header line).
* **Dates**: :func:`parse_date` reads ISO, Chinese-numeral, Minguo and English dates.
* **Metadata lines**: :func:`is_metadata` (来源, 发布时间, 索引号 … fields), the value of a
  来源 or 发布机构 field in the original text (:func:`field_value`), and
  :func:`text_metadata`, the date and source a page's metadata lines give, which the HTML
  reader uses when the markup does not say.

Nothing here imports a stage: ``toolkit.html`` and ``toolkit.clean`` both build on it.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from .words import word_set

# --- line keys -----------------------------------------------------------------------------

_SPACES = "\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\t "


def strip_line(text: str) -> str:
    return text.strip(_SPACES + "\r\n")


@lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    import opencc

    converter: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return converter


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """The form rules match on: NFKC (full-width → half-width), Simplified, stripped."""
    return strip_line(_t2s()(unicodedata.normalize("NFKC", text)))


def keys(lines: list[str]) -> list[str]:
    """:func:`key` of every line, with one OpenCC call for the whole page."""
    if not lines:
        return []
    normal = [unicodedata.normalize("NFKC", ln).replace("\n", " ").replace("\r", " ") for ln in lines]
    converted = _t2s()("\n".join(normal)).split("\n")
    if len(converted) != len(lines):  # pragma: no cover - OpenCC keeps line breaks
        converted = [_t2s()(n) for n in normal]
    return [strip_line(c) for c in converted]


LIST_MARK = re.compile(r"^(?:[•·●○■□◆◇▪▶►‣–]|-(?!\d))\s*")
"""A list item's mark; not a minus sign ("-8℃" at the head of a wrapped line)."""


def unmark(s: str) -> str:
    """``s`` without a leading list mark ("• 首页" → "首页")."""
    return LIST_MARK.sub("", s, count=1) if len(s) > 2 else s


# --- shared character classes ------------------------------------------------------------

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
"""A Han character: CJK Unified Ideographs with Extension A, and the compatibility ideographs."""

TITLE_SEP = re.compile(r"\s*(?:_+|-{2,}|\s[-–—|]\s|｜|\||(?<=[^\x00-\x7f])\s*-(?=\s*[^\x00-\x7f]))\s*")
"""Separators between a title and the column and site names: "标题_站点", "标题 - 栏目 - 站点",
"标题----站点", "标题｜站点", "标题-站点" or "站点- 标题" (a hyphen between Chinese characters,
spaced on one side or none); not "——", which introduces a subtitle."""

# --- a page's tools ----------------------------------------------------------------------

TOOLBAR = word_set("toolbar")
"""A page's tools: 打印本页, 关闭窗口, 返回顶部 …"""
SHARE_TARGETS = word_set("share_targets")
FONT_WORDS = word_set("font_size")

_TOOLBAR_SPLIT = re.compile(r"[\s\[\]【】()（）〖〗「」〔〕<>《》|｜/:：·•+＋－▼▲▽△┊]+")

_TOOL_WORD = re.compile(
    r"^(我要|友善|点击|立即)?(打印|列印|关闭|收藏|纠错|保存)(本页|此页|本文|此文|文章|窗口|本窗口|页面)?$"
)


def toolbar_tokens(s: str) -> list[str]:
    return [t for t in _TOOLBAR_SPLIT.split(s.lower()) if t]


def is_tool(token: str) -> bool:
    return token in TOOLBAR or _TOOL_WORD.match(token) is not None


# --- metadata lines -----------------------------------------------------------------------

# Metadata fields. Strong fields are metadata wherever they open a line; weak ones only in the
# header or when the line has other fields too (a notice's body may say "时间：3月5日").
_SOURCE_FIELDS = (
    r"信息来源|文章来源|稿件来源|新闻来源|本文来源|内容来源|消息来源|来源单位|本文来自微信公众号|本文来自公众号|信息提供|稿源|出处|发信站|"
    r"资料来源|来源"
)
_ORG_FIELDS = r"发布单位|发布机构|发文机关|发文单位|供稿单位|发稿单位|供稿"
_DATE_FIELDS = (
    r"发布时间|发布日期|发表时间|发表日期|发稿时间|发文日期|成文日期|公开日期|"
    r"更新时间|更新日期|录入时间|生成日期|上传时间"
)
_STRONG_FIELDS = (
    rf"{_SOURCE_FIELDS}|{_ORG_FIELDS}|{_DATE_FIELDS}|浏览次数|点击次数|阅读次数|访问次数|点击数|浏览量|阅读量|点击量|"
    r"浏览人次|点阅次数|索引号|主题分类|发文字号|体裁分类|组配分类|信息分类|公开方式|公开范围|有效性|所属机构|"
    r"责任部门|文章作者|发布者|原标题|原文标题|原文链接|原文地址|本文链接|链接地址|本文网址|本文地址|永久链接|"
    r"分享链接|发布于|ip属地|IP属地|新闻稿编号|稿件编号|稿号|原始发表|文章被收录于专栏|收录于专栏|所属专栏|"
    r"解读形式"
)
_POLICY_FIELDS = r"所属行业|企业规模|政策主题|政策类型|政策层级"
WEAK_FIELDS = (
    r"时间|日期|作者|标题|名称|文号|编号|分类|主题词|浏览|点击|阅读|字号|字体|下载|页码|页数|大小|文件大小|发布"
)
POLICY_FIELD = re.compile(rf"^(?:{_POLICY_FIELDS})\s*[:：].*[,，]")
"""A policy library's field above a document, a list of the categories it applies to
("所属行业：电力、热力…,信息传输…", "企业规模：大型企业,中型企业,小微企业"): never the body's
first line, however long; one value is a company's or a project's own line ("所属行业：软件业")."""
_FIELD_AT_START = re.compile(rf"^[\[【(（]?\s*(?:本文)?(?:{_STRONG_FIELDS})\s*[:：丨]")
_FIELD_SPACED = re.compile(rf"^(?:{_STRONG_FIELDS})\s+\S")
"""A strong field and its value with only a space between: "发布单位 数位产业署", "更新日期 2024-09-11"."""
_SPACED_FIELDS = re.compile(rf"(?:^|\s)(?:{_STRONG_FIELDS})\s{{2,}}[^\s:：]")
"""Strong fields set out in a table's row without colons, wide spaces around their values:
"生成日期　 　2025-08-12　 　公开日期　 　…" (not a sentence's "Vue 3 发布于 2020 年…")."""
_CLAUSE = re.compile(r"[，。？！,?!；;]")
WEAK_AT_START = re.compile(rf"^[\[【(（]?\s*(?:{WEAK_FIELDS})[:：]")
_ANY_FIELD = re.compile(rf"(?:^|[\s|｜【\[(（,，;；])(?:{_STRONG_FIELDS}|{WEAK_FIELDS})\s*[:：]")
_STRONG_FIELD = re.compile(rf"(?:^|[\s|｜【\[(（,，;；])(?:{_STRONG_FIELDS})\s*[:：]")
_DATE_FIELD_ANYWHERE = re.compile(rf"(?:{_DATE_FIELDS})\s*[:：]")
_DATE_LABEL = re.compile(rf"(?:{_DATE_FIELDS})\s*[:：]?")
"""A date field's label alone, its value in the next cell ("发布日期" / "2024-03-05")."""
FIELD_LABEL = re.compile(rf"(?:{_STRONG_FIELDS}|{WEAK_FIELDS})\s*[:：]?")
"""A metadata field's label alone on its line, its value in the next cell ("发文机关")."""


def compact_head(s: str) -> str:
    """The line with spaces inside its first field name removed ("索 引 号：" → "索引号：")."""
    m = re.match(r"^([^:：]{1,12})([:：])", s)
    return re.sub(r"\s+", "", m.group(1)) + s[m.end(1) :] if m else s


_EDITION = re.compile(
    r"^[(（]?\s*《\s*\S{2,12}\s*》\s*[(（]\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*"
    r"(第\s*)?[\d一二三四五六七八九十]+\s*版\s*[)）]"
)
"""A newspaper's print-edition line: 《 人民日报 》（ 2022年08月12日 第 06 版）, 《科技日报》（2023-04-17 第01版）."""


_DATE_HEAD = re.compile(
    r"^(发布日期|发布时间|日期|时间)?\s*[:：]?\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(\s*\d{1,2}:\d{2}(:\d{2})?)?"
)


BYLINE_PATTERN = re.compile(
    r"^[\[【(（]?\s*[^\s，。,]{0,10}?(记者|通讯员|特约记者|实习记者|实习生|特约撰稿人|特约撰稿)\s*[:：]?\s*"
    r"[\u4e00-\u9fff·]{2,4}([\s、,，]+[\u4e00-\u9fff·]{2,4})*\s*[\]】)）]?$|"
    r"^(文|作者|撰文|采写|整理|文字)\s*[/|｜丨\\＼]\s*[\u4e00-\u9fff·]{2,6}([\s、,，]+[\u4e00-\u9fff·]{2,4})*$|"
    r"^[\u4e00-\u9fff·]{2,8}\s*[/|｜丨]\s*文$|"
    r"^(文|作者|撰文)\s*[/|｜丨]\s*\S{0,12}?(评论员|记者|撰稿人|作者)\s*[\u4e00-\u9fff·]{2,4}$|"
    r"^作者\s+[\u4e00-\u9fff·]{2,4}([\s、,，]+[\u4e00-\u9fff·]{2,4})*$|"
    r"^\S{0,12}记者\s*[\u4e00-\u9fff·]{2,4}([\s、,，]+[\u4e00-\u9fff·]{2,4})*\s+来源\s*[:：]\s*\S{2,20}$|"
    r"^[\u4e00-\u9fff·]{2,4}([\s、,，]+[\u4e00-\u9fff·]{2,4})*\s*(报道|采写|撰文)(\s+\S+@\S+)?$|"
    r"^\S{2,16}?(官方)?(百家号|头条号|企鹅号|搜狐号|网易号|大鱼号|澎湃号|公众号|官方账号|官方帐号)$|"
    r"^\S{2,6}社?\S{0,8}\d{1,2}月\d{1,2}日电\s*[(（]\s*(记者|通讯员)[^()（）]{1,30}[)）]$"
)
"""A reporter's or an author's byline on its own line (the clean stage's rule "byline", the HTML
reader's test that a line is no headline): "澎湃新闻记者 周宇航", "本报记者 张三 李四", "文｜王敏",
"一华独秀/文"."""


def is_metadata(s: str) -> bool:
    if len(s) > 200 or s.endswith("。"):
        return False
    if _EDITION.match(s) or _DEVICE.match(s) or re.match(r"^(发布于|编辑于|发表于|更新于)\s*\d{4}\s*[-/.年]", s):
        return True
    if _POSTED.search(s):  # "Posted by Lin on March 20, 2024", "2024-03-10 · 3 分钟 · 1326 字 · 阿周"
        return True
    if len(_DAYS.findall(s)) >= 2 and not _CLAUSE.search(s):  # "后端老周 修改于 2024-04-01 … 发布于 2024-04-01 …"
        return True
    if (m := _DATE_HEAD.match(s)) and s[m.end() :].strip():
        # "日期 2023-01-12　【大 中 小】 【打印】 【关闭】": a date and the page's tools.
        tokens = toolbar_tokens(s[m.end() :])
        if tokens and all(is_tool(t) or t in SHARE_TARGETS or t in FONT_WORDS for t in tokens):
            return True
    head = compact_head(s)
    if _FIELD_AT_START.match(head) or _DATE_FIELD_ANYWHERE.search(s) or (len(s) <= 40 and _FIELD_SPACED.match(s)):
        return True
    if len(_ANY_FIELD.findall(s)) >= 2 or (len(_SPACED_FIELDS.findall(s)) >= 2 and not _CLAUSE.search(s)):
        return True
    # "2021年05月24日 09:30 来源：市科技局": a date and a strong field.
    return len(s) <= 80 and _STRONG_FIELD.search(s) is not None and DATE.search(s) is not None


_POSTED = re.compile(
    r"^posted\s+by\s+\S.{0,40}\s+on\s+[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d+\s*(分钟|min)\s*[·|｜/]\s*\d[\d,]*\s*字|"
    r"字数\s*[:：]?\s*[\d.,]+\s*k?\s*字?\s*[|｜·]?\s*阅读(时长|时间)\s*[:：≈]?\s*[≈约]?\s*\d+\s*分钟|"
    r"\d[\d,]*\s*字\s*[·|｜/]?\s*\d+\s*分钟阅读",
    re.IGNORECASE,
)
"""A blog theme's post line: its author and day in English, or its reading time and length."""
_DAYS = re.compile(r"(?:^|\s)(?:发布|修改|编辑|更新|发表)于\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
"""A post's days on its line, two at least and no clause ("后端老周 修改于 2024-04-01 10:12:33 发布于
2024-04-01 …"; not a changelog's "v2.1 发布于 2023-03-15 修复…", nor "Vue 3 发布于 2020-09-18，…")."""
_DEVICE = re.compile(
    r"^(\d{1,4}[-/]\d{1,2}([-/]\d{1,2})?\s*\d{1,2}:\d{2}\s*)?来自\s*\S.{0,30}$|(发布|发表)于\s*\S{1,12}\s*(app|客户端)",
    re.IGNORECASE,
)
"""A social post's time and device: "2023-10-12 18:30 来自 iPhone客户端 已编辑"."""


COLUMN_NAME = re.compile(
    r"[\u4e00-\u9fff]{0,4}(新闻|要闻|动态|公告|通告|公报|新闻稿|消息|快讯|资讯|专栏|聚焦|报道|速递|信息公开|政务公开)"
)
"""A site section's name (its column), no article's title: 新闻公报, 工作动态, 通知公告, 媒体报道 …"""


# --- dates --------------------------------------------------------------------------------

DATE_ONLY = re.compile(
    r"^[\[【(（]?\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*"
    r"(HKT|CST|GMT|UTC|北京时间|台北时间|香港时间)?\s*"
    r"(\d{1,2}:\d{2}(:\d{2})?|\d{1,2}\s*[时点]\s*\d{1,2}\s*分)?\s*"
    r"[(（]?\s*(星期[一二三四五六日天]|周[一二三四五六日天])?\s*[)）]?\s*[\]】)）]?$"
)

DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
ROC_DATE = re.compile(
    r"(?:民国|中华民国)?\s*(?<!\d)(\d{2,3})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{2}(?=\d{1,2}:\d{2})|\d{1,2}(?!\d))"
)
"""A Minguo date ("107年3月13日"), or a short year's with its time glued on ("18-08-0110:07")."""
_SHORT_YEAR_MAX = 30
_TIME_AFTER = re.compile(r"\s*\d{1,2}:\d{2}")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "O": 0, "○": 0, "Ｏ": 0}
CN_DATE = re.compile(
    r"([〇零○ＯO一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_FIELD_VALUE_END = (
    r"(?=\s{2,}|\s+\d{4}\s*[-/.年]|\s+\S{1,8}\s*[:：]|\s*[|｜丨·•/]|\s*(?:发布|时间|日期|浏览|点击|阅读|作者|字号|字体)|"
    r"[(（【\[)）】\]]|$)"
)
SOURCE = re.compile(rf"(?:{_SOURCE_FIELDS})\s*[:：丨]\s*(.*?)\s*{_FIELD_VALUE_END}|^(?:{_SOURCE_FIELDS})\s+(\S+)$")
ORG_SOURCE = re.compile(rf"(?:{_ORG_FIELDS})\s*[:：]\s*(.*?)\s*{_FIELD_VALUE_END}|^(?:{_ORG_FIELDS})\s+(\S+)$")

STAMP = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:(?:星期|周|週)[一二三四五六日天]\s*)?"
    r"(?:上午|下午|中午|晚上|凌晨|早上)?\s*\d{1,2}:\d{2}"
)
_PUBLISHED = re.compile(
    r"发布时间|发布日期|发稿时间|公开日期|发表时间|发表日期|发布于|发布\s*[:：]|(?<!发文)时间\s*[:：]|(?<!发文)日期\s*[:：]"
)
_ISSUED = re.compile(r"发文日期|发文时间")
"""The day a document was issued: the publication date when the page gives no 发布日期."""
_DOCUMENT_DAY = re.compile(r"生成|成文日期|印发日期")
"""A day of the document's other than its publication: signed, printed, generated."""
_REVISED = re.compile(r"更新|修改|修订|录入|上传")
_DEADLINE = re.compile(r"有效期|截止|推荐|施行|实施|生效")
"""A date that is no day of the document's publication: a validity's or a deadline's, the day it
comes into force (施行日期, later than its publication), a recommendation's."""


def date_rank(s: str) -> int:
    """Which of a header's dates is the publication date: 发布日期 (0) before 发文日期 (1, the
    day it was issued) before an undated field (2) before 更新日期 (last updated) or 成文日期
    (the day the document was signed, 生成日期, 印发日期: 3) before 更新日期 (last updated, 录入,
    上传: 4) before a deadline (有效期, 截止: 5)."""
    before = s[: m.start()] if (m := DATE.search(s) or ROC_DATE.search(s)) else s
    return _rank(before)


def _rank(before: str) -> int:
    if _DEADLINE.search(before[-12:]):
        return 5
    if _REVISED.search(before[-12:]):
        return 4
    if _DOCUMENT_DAY.search(before[-12:]):
        return 3
    if _ISSUED.search(before[-12:]):
        return 1
    return 0 if _PUBLISHED.search(before[-12:]) else 2


def line_date(s: str, roc: bool = False) -> tuple[int, str]:
    """A metadata line's publication date and its rank (:func:`date_rank`): of several dates
    on one line ("成文日期：2026年07月02日　发布日期：2026年07月03日"), the best-ranked field's,
    the first of equals; else the line's first date (rank of the text before it)."""
    found = [(_rank(s[: m.start()]), parse_date(s[m.start() :])) for m in DATE.finditer(s)]
    if len(found) > 1:
        return min(found, key=lambda f: f[0])
    return date_rank(s), parse_date(s, roc=roc)


_DATE_ALONE = re.compile(r"[\s\d:：.,，()（）日号]*")
"""What may stand beside a date on a line that says nothing else: its time (not a weekday: a
site's bar of today's date, "2024年6月18日 星期二", stands over headlines too)."""


def date_beside(lines: list[str], headline: int | None, title: str) -> str:
    """The date printed beside the headline, as ISO: after the title on the headline's own line
    ("标题 [原创 2024-03-10 21:15:32] 我要评论(4)": an old portal blog's), or on the line just
    above it when that line says nothing else ("2024年03月10日", "2024-03-10 09:12": Z-Blog
    prints its post's date over the title; not a bar of today's date with its weekday, "2024年6月18日
    星期二"); else ""."""
    if headline is None:  # (not found as the title's own line: the first that opens with it)
        want = key(title).strip()
        headline = next((i for i, line in enumerate(lines) if want and key(line).startswith(want)), None)
    if headline is None:
        return ""
    line = key(lines[headline])
    at = line.find(key(title)) if title else -1
    if at >= 0 and len(line) <= len(title) + STAMP_MAX and (m := DATE.search(line, at + len(key(title)))):
        return parse_date(line[m.start() :])
    if not headline:
        return ""
    s = key(lines[headline - 1])
    m = DATE.search(s)
    if m is None or not _DATE_ALONE.fullmatch(s[: m.start()] + s[m.end() :]):
        return ""
    return parse_date(s[m.start() :])


def text_metadata(lines: list[str]) -> tuple[str, str]:
    """(publication date, source) that the metadata lines among ``lines`` give, for a page
    whose markup does not say: "发布日期：…" before "更新日期：…", "来源：…" before "发布机构：…"."""
    dates, source = _metadata_fields(lines)
    return min(dates, default=(0, 0, ""))[2], source


UNSET_DATES = frozenset({"1970-01-01", "1900-01-01"})
"""What a CMS prints for a date never set (the Unix epoch, a database's zero date)."""
WEB_YEAR_MIN = "1995"
"""A web page's publication date read from a short year is of this year or later."""


_OTHER_DOCUMENT = re.compile(r"(解读|相关|关联|原|来源)文件|政策原文|原文链接|附件")
"""A field naming another document than the page's (the one a 解读 explains, an attachment)."""


def published_field(lines: list[str], worst: int = 1) -> str:
    """The date a metadata line labels as the publication's ("发布日期：", "发布时间：", else
    "发文日期："), or "": what the page shows its reader, which a CMS's markup date (the upload's time, a
    template's ``PubDate``) may not be. With ``worst`` 3, any labelled day of the document's
    (成文日期, 生成日期: the best-ranked), for a page that prints no other."""
    if worst > 1:  # a 政策解读's "解读文件：… 成文日期：…" is the other document's day
        lines = [line for line in lines if not _OTHER_DOCUMENT.search(line)]
    dates, _ = _metadata_fields(lines)
    # Not a short year no web page has ("发布日期：24-03-05" read as the ROC's 24th year, 1935); a
    # year written out is the document's, however old ("发布日期：1990-06-12" in a 法规库).
    fit = [
        d
        for d in dates
        if d[0] <= worst and d[2] not in UNSET_DATES and (d[2][:4] >= WEB_YEAR_MIN or DATE.search(key(lines[d[1]])))
    ]
    return min(fit, default=(0, 0, ""))[2]


_NOTE = re.compile(
    r"^[(（]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^()（）,，。]{0,160}?(公布|发布|印发|通过|批准|修订|修正)"
)
"""A law's or a regulation's 题注: a date first, no clause, and how it was made law ("（2026年1月27日
芜湖市人民政府令第75号公布 自…起施行）"); not a caption's "（2024年5月8日，…发布会。记者 摄）"."""
_MADE = re.compile(r"公布|发布|印发|通过|批准|修订|修正")
NOTE_LINES = 3
"""A 题注 stands among the text's first lines."""


def note_date(lines: list[str]) -> str:
    """The date of a 题注 among the first :data:`NOTE_LINES` of ``lines`` (the text's): its last
    (a revision's, "1989年…通过 2014年…修订": the text shown is the revised one); "" when none."""
    for line in lines[:NOTE_LINES]:
        s = key(line)
        if _NOTE.match(s):
            found = list(DATE.finditer(s))
            ends = [m.start() for m in found[1:]] + [len(s)]
            # each date with what was done on it, up to the next date: not "自…起施行"
            made = [
                parse_date(s[m.start() :]) for m, end in zip(found, ends, strict=True) if _MADE.search(s[m.end() : end])
            ]
            return max(made, default="")
    return ""


def printed(date: str, lines: list[str], head: list[str]) -> bool:
    """Is ``date`` (ISO) printed on one of ``lines`` in any of the forms :func:`parse_date` reads,
    or on one of ``head`` (the lines under the headline) as its month and day alone ("05-12
    17:19", "5月12日"; a sidebar's "05-16" of other files is no print of it)?"""
    month, day = int(date[5:7]), int(date[8:10])
    short = re.compile(rf"(?<!\d)0?{month}\s*[-/.月]\s*0?{day}(?!\d)")
    for line in lines:
        if not _DATE_CHAR.search(line):  # most lines: no digit, no 年 (key() converts each line)
            continue
        s = key(line)
        if short.search(s) is not None and any(
            parse_date(s[m.start() :], roc=True) == date for m in _ANY_DATE.finditer(s)
        ):
            return True
    return any(short.search(key(line)) is not None for line in head)


_ANY_DATE = re.compile(r"\d{2,4}\s*[-/.年]|[〇零○ＯO一二三四五六七八九]{4}年")
_DATE_CHAR = re.compile(r"[0-9０-９年]")


def _metadata_fields(lines: list[str]) -> tuple[list[tuple[int, int, str]], str]:
    """The metadata lines' dates (rank, line, date) and their source. A label alone on its line
    with its date alone on the next (a table's two cells: "发文日期：" / "2023-04-18") is one field."""
    dates: list[tuple[int, int, str]] = []
    source = org = ""
    marked = [unmark(k) for k in keys(lines)]
    for n, (line, s) in enumerate(zip(lines, marked, strict=True)):
        label = _DATE_LABEL.fullmatch(s) is not None  # "<dt>发布日期</dt><dd>2024-03-05</dd>"
        if not label and not is_metadata(s):
            continue
        if (label or s.endswith(("：", ":"))) and n + 1 < len(lines) and DATE_ONLY.fullmatch(marked[n + 1]):
            s = s.rstrip(":：") + "：" + marked[n + 1]
        rank, date = line_date(s, roc=True)
        if date:
            dates.append((rank, n, date))
        source = source or field_value(SOURCE, line, s)
        org = org or field_value(ORG_SOURCE, line, s)
    return dates, source or org


NOT_A_SOURCE = word_set("not_a_source")
"""A 来源 field's value that names no organisation ("本站原创", "网络")."""


def field_value(rx: re.Pattern[str], line: str, s: str) -> str:
    """A metadata field's value in the original text; "" when empty, a date, or no
    organisation ("来源：本站原创")."""
    m = rx.search(s)
    found = (m.group(1) or m.group(2) or "").strip() if m else ""
    if not found or found.lower() in NOT_A_SOURCE:
        return ""
    value = strip_line(original_span(line, found))
    # Not a date, not a sentence ("作者授权爱思想发布，转载请注明出处").
    return "" if DATE.search(value) or len(value) > 40 or re.search(r"[，,。；;]", value) else value


def original_span(line: str, simplified: str) -> str:
    """The part of the original ``line`` that ``simplified`` (a slice of ``key(line)``) came
    from: the same characters as written (Traditional, full-width) where :func:`key` kept the
    length, else the width-normalised ones."""
    start = key(line).find(simplified)
    if start < 0:
        return simplified
    for form in (strip_line(line), strip_line(unicodedata.normalize("NFKC", line))):
        if len(form) == len(key(line)):
            return form[start : start + len(simplified)]
    return simplified


_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}
_EN_DATE = re.compile(
    r"\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b",
    re.IGNORECASE,
)
"""An English date: "Thu, 27 Apr 2023" (RSS), "April 27, 2023"."""


def parse_date(s: str, roc: bool = False) -> str:
    """The first date in ``s`` as ISO 8601; ``roc``: a 2–3 digit year is a Minguo year."""
    m = DATE.search(s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    elif (m := _EN_DATE.search(s)) is not None:
        day, mon, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        y, mo, d = int(year), _MONTHS[mon[:3].lower()], int(day)
    elif (m := CN_DATE.search(s)) is not None:
        y = int("".join(str(_CN_DIGITS.get(c, 0)) for c in m.group(1)))
        mo, d = _cn_number(m.group(2)), _cn_number(m.group(3))
    elif (roc or "民国" in s) and (m := ROC_DATE.search(s)) is not None:
        y, mo, d = (int(g) for g in m.groups())
        # A social-media stamp ("24-5-13 17:07") writes this century's year in two digits; a
        # Minguo year that small (1935…1941) never comes with a time of day.
        short = y <= _SHORT_YEAR_MAX and "民国" not in s and _TIME_AFTER.match(s, m.end()) is not None
        y += 2000 if short else 1911
    else:
        return ""
    if not (1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _cn_number(s: str) -> int:
    """一 … 三十一."""
    if "十" not in s:
        return _CN_DIGITS.get(s, 0)
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


STAMP_MAX = 60
"""A dated line under a headline (its author, date and counters) is this long at most."""


def stamp_day(lines: list[str]) -> str:
    """The day on the first line of ``lines`` (a page's head under its headline) that is a date
    stamp, :data:`STAMP_MAX` long at most, no sentence ("2024年03月05日 00:06　来源：央视新闻"), as
    ISO; "" when a sentence (a caption, "（2024年5月8日，…发布会…）") comes first or none is dated."""
    for line in lines:
        if re.search(r"[，。；！？]", line):
            return ""
        if len(line) <= STAMP_MAX and (day := parse_date(key(line))):
            return day
    return ""


def zone_shifted(printed_day: str, markup_day: str) -> str:
    """``printed_day`` (ISO) when it is ``markup_day``, the day after or the day before (a markup
    time in UTC, "2024-03-09T16:30Z", that the page prints in Beijing time, 3月10日 00:30); else ""."""
    try:
        apart = abs((datetime.date.fromisoformat(printed_day) - datetime.date.fromisoformat(markup_day)).days)
    except ValueError:
        return ""
    return printed_day if apart <= 1 else ""
