"""What a line is: the tests the rule rows (:mod:`.rules`) are made of.

Each test is called with a line's key (:func:`toolkit.textmeta.key`, list mark removed) and
says whether the line is a breadcrumb, a navigation bar, a share prompt, a page's tools, a
social platform's counters, a byline … Word lists come from ``data/clean_words.toml``;
how long a line may be to count is part of each test, as the rows' ``max_len`` is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..textmeta import (
    DATE_ONLY,
    FONT_WORDS,
    POLICY_FIELD,
    SHARE_TARGETS,
    STAMP,
    TOOLBAR,
    WEAK_AT_START,
    compact_head,
    is_tool,
    toolbar_tokens,
)
from ..words import word_set
from .structure import numbering


def pattern_test(
    pattern: str, max_len: int = 10_000, no_full_stop: bool = False, unnumbered: bool = False
) -> Callable[[str], bool]:
    """A rule test: ``pattern`` found in a line of at most ``max_len`` characters;
    ``no_full_stop``: that does not end a sentence; ``unnumbered``: that is not a numbered
    heading (a body heading "（三）加强技术支持" is not a footer)."""
    rx = re.compile(pattern, re.IGNORECASE)

    def test(s: str) -> bool:
        if len(s) > max_len or (no_full_stop and s.endswith("。")):
            return False
        if unnumbered and numbering(s) is not None:
            return False
        return rx.search(s) is not None

    return test


CRUMB_SEP = re.compile(r"\s*(?:>>|>|›|»|→|＞)\s*")
_CRUMB_HEAD = re.compile(
    r"^(当前位置|您的位置|你的位置|您现在的位置|你现在的位置|您当前的位置|您当前位置|当前的位置|所在位置|"
    r"您所在的位置|现在位置|当前页面)\s*[:：]"
)
_HOME = word_set("home")


_CLAUSE = re.compile(r"[，,；;]")


def is_breadcrumb(s: str) -> bool:
    if _CRUMB_HEAD.match(s) or re.match(r"^(当前位置|您的位置|您现在的位置)\s*$", s):
        return True
    if "。" in s or len(s) > 160:
        return False
    slashed = [p for p in re.split(r"\s*/\s*", s) if p]
    if len(slashed) >= 2 and slashed[0].lower() in _HOME and all(len(p) <= 30 for p in slashed):
        return True  # "首页 / 新闻中心 / 即时新闻"
    parts = [p for p in CRUMB_SEP.split(s) if p]
    if len(parts) < 2 or any(len(p) > 60 for p in parts):
        return False
    # A sentence cut by arrows ("File -> Open->找到你的文件，单击该文件，…：") is no trail of names:
    # a crumb has no comma, but the last, the page's own title, may have one.
    if any(_CLAUSE.search(p) for p in parts[:-1]) or len(_CLAUSE.findall(parts[-1])) >= 2:
        return False
    return parts[0].lower() in _HOME or len(parts) >= 3


def is_link_farm(s: str) -> bool:
    items = [p.strip() for p in re.split(r"[|｜]", s) if p.strip()]
    if len(items) < 4 or sum(bool(re.search(r"\d", i)) for i in items) * 2 >= len(items):
        return False  # a table row of figures is not a link farm
    return sum(len(i) for i in items) / len(items) <= 20


NAV_WORDS = word_set("navigation")
"""Items of a site's navigation bar (Simplified: rules match on key())."""


def _run_together(s: str, words: frozenset[str]) -> bool:
    """``s`` is two or more of ``words`` written together ("回上一页友善列印")."""
    rx = _RUN_RX.get(words)
    if rx is None:
        alts = sorted((w for w in words if len(w) >= 2 and _HAN_WORD.fullmatch(w)), key=len, reverse=True)
        rx = _RUN_RX[words] = re.compile(f"(?:{'|'.join(map(re.escape, alts))}){{2,}}")
    return len(s) <= 40 and rx.fullmatch(s) is not None


_RUN_RX: dict[frozenset[str], re.Pattern[str]] = {}
_COUNT = re.compile(r"\d[\d,.]*[万kw]?\+?")


def is_window_control(s: str) -> bool:
    if len(s) > 60:
        return False
    if _run_together(s, TOOLBAR):
        return True
    tokens = toolbar_tokens(s)
    counts = [t for t in tokens if _COUNT.fullmatch(t)]
    if counts and len(counts) * 3 <= len(tokens):
        # A tool bar with a count beside its buttons ("收藏 微博 微信 分享 3,930"), not a
        # platform's counters ("转发 326 评论 58 赞 1024").
        tokens = [t for t in tokens if not _COUNT.fullmatch(t)]
    if not tokens or not all(is_tool(t) or t in SHARE_TARGETS or t in FONT_WORDS for t in tokens):
        return False
    # Font-size switches alone are not a trailer's start ("font-size"); share targets alone are "share".
    return any(is_tool(t) and t not in FONT_WORDS for t in tokens)


def is_font_size(s: str) -> bool:
    tokens = toolbar_tokens(s)
    return 0 < len(tokens) <= 8 and len(s) <= 40 and all(t in FONT_WORDS for t in tokens)


def is_share(s: str) -> bool:
    if len(s) > 80 or numbering(s) is not None:
        return False
    if re.search(
        r"分享到|分享至|一键分享|分享按钮|立刻分享|朋友圈|喜欢这篇文章|转发到|^分享\s*[:：]|扫码关注|关注我们|"
        r"^收录于(合集|话题)|预览时标签不可点|轻点两下取消|视频\s*小程序|继续滑动看下一个|向上滑动看下一个|轻触阅读原文|"
        r"微信扫一扫.{0,12}(关注该公众号|打开此内容|使用完整服务)|分享(给)?(微信)?好友|浏览器.{0,12}分享|分享让更多人看到|扫码.{0,4}分享|"
        r"^复制(链接|连结|网址)$|^分享工具$|(识别|长按|扫描|扫)(图中|下方|上方|左侧|右侧)?的?二维码.{0,4}关注",
        s,
    ):
        return True
    if re.search(r"扫一扫|二维码|手机扫|微信公众号|客户端", s) and not s.endswith("。") and len(s) <= 40:
        # A QR prompt, not "扫描下方二维码报名" in a notice.
        return (
            len(s) <= 8
            or re.search(r"手机|浏览|打开|关注|分享|本页|当前页|阅读|查看|收看|观看|移动设备|下载", s) is not None
        )
    if re.match(r"^(手机版|移动版|手机访问|手机浏览|wap版)$", s):
        return True
    tokens = toolbar_tokens(s)
    # A bar of networks, maybe under its label ("SHARE google twitter linkedin").
    targets = sum(t in SHARE_TARGETS for t in tokens)
    return len(tokens) >= 2 and targets >= 2 and targets + sum(t in _SHARE_LABELS for t in tokens) >= len(tokens) - 1


_SHARE_LABELS = frozenset({"share", "分享", "分享到", "分享至"})


def is_nav_bar(s: str) -> bool:
    if any(c in s for c in "。，,；;！？、"):
        return False
    if _run_together(s, NAV_WORDS):
        return True  # "首页科技新闻政务公开…": a menu's links with nothing between them
    items = [p for p in re.split(r"[\s|｜·•/]+", s.lower()) if p]
    if len(items) == 3 and all(p in NAV_WORDS for p in items):
        return True  # "无障碍浏览 | 网站指南 | 联络我们"
    if len(items) < 4 or any(len(p) > 10 for p in items):
        return False
    if sum(p in NAV_WORDS for p in items) >= 2:
        return True
    # A portal's channel bar: six or more short Chinese words and nothing else
    # ("搜狐首页 新闻 体育 汽车 房产 …"); Chinese prose is not written with spaces.
    return len(items) >= 6 and all(len(p) <= 6 and _HAN_WORD.fullmatch(p) for p in items)


_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
_LANGUAGES = word_set("languages")


def is_language_switch(s: str) -> bool:
    tokens = [t for t in re.split(r"[\s|｜/·•]+", s.lower()) if t]
    if not 2 <= len(tokens) <= 8 or not any(t in _LANGUAGES for t in tokens):
        return False
    return all(t in _LANGUAGES or t in NAV_WORDS for t in tokens)  # "网站导览 English 日本语"


_COUNTER = re.compile(
    r"(总阅读|阅读|浏览|粉丝|获赞|文章|关注|收藏|评论|点赞|转发|在看|播放|回复|赞同|赞)\s*[:：]?\s*\d[\d,.]*\s*[万亿kw]?\+?"
)


def is_counters(s: str) -> bool:
    """A social platform's counters: "文章 1286 总阅读 392万", "阅读 2.3万 在看"."""
    if len(s) > 40 or any(c in s for c in "。，；！？"):
        return False
    found = _COUNTER.findall(s)
    return len(found) >= 2 or bool(
        re.fullmatch(r"(回复\s*)?(阅读|浏览|播放|赞同|赞)\s*[:：]?\s*\d[\d,.]*\s*[万亿kw]?\+?(\s*在看)?", s)
        or re.fullmatch(r"\d[\d,.]*\s*[万kw]?\s*人(赞同|点赞|喜欢|收藏|阅读|浏览)了?(该|这篇)?(文章|回答|内容)?", s)
    )


_DECORATION = re.compile(r"^[\s\W_]+$")


def is_decoration(s: str) -> bool:
    """Only punctuation and symbols, and none of the marks that end or continue a sentence."""
    return bool(_DECORATION.match(s)) and not any(c in s for c in "。，、；：！？”’）」』》…%")


DATE_NAME = re.compile(
    r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+|\s*[·•|｜]\s*)"
    r"([^\s\d，。,；;！？:：·•]{2,16})$|"
    r"^([^\s\d，。,；;！？:：·•]{2,16})\s*[·•|｜]\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?)?$"
)
"""A header's date and source with no field names: "2023年05月26日 14:32 澎湃新闻",
"2023-05-08 10:20·科技日报社官方账号", "科技政策观察·2023年08月30日 10:35"."""
WECHAT_STRIP = re.compile(
    r"^原创\s+(?:\S{1,12}\s+)?(\S{2,16})\s+\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]|"
    r"^原创\s+\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+(?:\S{1,12}\s+)?(\S{2,16})(?:\s+\S{1,16})?$"
)
"""A WeChat article's strip: "原创 作者 公众号 2024年07月22日 18:05 上海", or as it read until
2018, "原创 2018-04-07 作者 公众号 公众号" (the account is the source: group 1 or 2)."""


def is_weak_metadata(s: str) -> bool:
    if len(s) > 120 or s.endswith("。"):
        return False
    if WEAK_AT_START.match(compact_head(s)) is not None or DATE_NAME.match(s) is not None:
        return True
    if POLICY_FIELD.match(s) is not None:
        return True  # a policy library's list of categories above a document
    # A header strip with a date and a time of day: "原创 科小编 某公众号 2023年08月03日 18:30北京",
    # or a WeChat strip of before 2018, dated only: "原创 2018-04-07 作者 公众号 公众号".
    if any(c in s for c in "，。；！？") or len(s) > 60:
        return False
    return STAMP.search(s) is not None or WECHAT_STRIP.match(s) is not None


def is_date_line(s: str) -> bool:
    """A header line that is only a date, in a web page's style (not "2020年3月5日" alone,
    which is a document's own date line)."""
    s = re.sub(r"^(发布日期|发布时间|日期|时间)\s*[:：]?\s*(?=\d)", "", s)  # "日期 2023-01-12"
    if re.fullmatch(
        r"\d{2}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}|([\u4e00-\u9fff]{1,4}\s+)?\d{1,2}:\d{2}\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}",
        s,
    ):
        # a social site's stamp ("24-5-13 17:07"), a time before its date ("15:312018/09/16"),
        # after the section's name ("社會 17:30 2020/08/09")
        return True
    if not DATE_ONLY.match(s):
        return False
    return bool(re.search(r"\d{4}\s*[-/.]|星期|周|[\[【]|:\d{2}|分$", s))


_CONTACT = re.compile(
    r"^(地址|联系地址|通讯地址|邮编|邮政编码|电话|传真|总机|邮箱|电子邮箱|e-mail|email)\s*[:：]|服务热线|"
    r"联系电话\s*[:：]|联系方式\s*[:：]|咨询电话\s*[:：]|热线电话\s*[:：]|总机\s*[:：]|(报料|爆料|新闻)(热线|邮箱)\s*[:：﹕]",
    re.IGNORECASE,
)


ENGLISH_NAME = re.compile(
    r"^([\u4e00-\u9fff]{2,20}\s+)?(?=[a-z][a-z ,.&'()\-]{9,150}$)[a-z ,.&'()\-]*?\b"
    r"(department|commission|ministry|bureau|office|university|academy|"
    r"institute|government|municipality|province|laboratories|laboratory|center|centre|council|agency|administration|"
    r"foundation|association|society|network|portal|press|news|daily|college|school|hospital|group|corporation|"
    r"company|park|zone|committee|museum|library|observatory|federation|chamber|station)\b[a-z ,.&'()\-]*$",
    re.IGNORECASE,
)
"""A site's English name under its Chinese one: "Department of Science and Technology of …"."""

HEADER_URL = re.compile(r"^[^，。,；;]{0,20}?\s*(https?://|www\.)\S+$", re.IGNORECASE)
"""A link to the page or its author above the article: "李建国的个人博客分享 http://…"."""


def is_contact_footer(s: str) -> bool:
    return len(s) <= 160 and not s.endswith("。") and "联系人" not in s and _CONTACT.search(s) is not None


def either(first: Callable[[str], bool], second: Callable[[str], bool]) -> Callable[[str], bool]:
    """A rule test that passes when ``first`` or ``second`` does."""
    return lambda s: first(s) or second(s)


_PAGER = re.compile(
    r"^(?=(.*?(?<!\d)\d{1,3}(?!\d)){2}|.*(上一页|下一页|上页|下页))"
    r"((上一页|下一页|上页|下页|首页|尾页|末页|前一页|后一页|[<>«»‹›]|\d{1,3}(?!\d)|…|\.{2,}(?!\.)|共\s*\d+\s*页|"
    r"第\s*\d+\s*页|在本页阅读全文|单页阅读|跳转|跳至)\s*)+$",
    re.IGNORECASE,
)
_PAGER_WORD = re.compile(r"页|跳|[<>«»‹›]")
_PAGER_TOKEN = re.compile(r"\d+|…|\.{2,}")


def is_pager(s: str) -> bool:
    """A multi-page article's pager ("上一页 1 2 3 下一页", "< 1 2 3 >", "1 2 3 … 10"). Numbers
    alone in a table's row (cells two spaces apart: "12  35  48") count up by one, or past a
    "…", and no number is zero-padded (a draw's "03 12 18"). A run of dots is one token (split
    two or three at a time, it was tried every way, in time exponential in its length)."""
    if len(s) > 60 or not _PAGER.search(s):
        return False
    if _PAGER_WORD.search(s):
        return True
    tokens = _PAGER_TOKEN.findall(s)
    if any(t[0] == "0" for t in tokens):
        return False
    last, gap = None, False
    for token in tokens if "  " in s.strip() else ():
        if not token[0].isdigit():
            gap = True
            continue
        n = int(token)
        if last is not None and n != last + 1 and not (gap and n > last):
            return False
        last, gap = n, False
    return True
