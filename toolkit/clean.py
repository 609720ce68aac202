"""Stage 1, clean: raw page lines → title, date, source and structured body blocks.

Every line the cleaner removes is recorded in ``Document.dropped`` with the name of the
rule that removed it (``toolkit clean --explain`` prints them); :data:`RULES` is the table
of line rules, and :data:`PAGE_RULES` names the drops that depend on a line's place in the
page. Rules match on a simplified, width-normalised copy of the line (:func:`key`), so they
work on both scripts; the text kept is the original.

The page is read in three parts:

* the **header** (lines before the first body-like line): breadcrumbs, navigation bars,
  metadata lines, the title (often repeated, split over two lines, prefixed with 【tag】 or
  suffixed with the site name), the site name and section labels before it; other header
  lines after the title are body (a document number, an addressee, a speech's title block);
* the **body**: numbered headings (第一章 一、 （一） 1. （1）) get heading levels from the
  order the schemes appear in; runs of numbered short lines are lists; paragraphs a dump
  broke mid-sentence (after a comma, before a closing mark, or hard-wrapped at a fixed
  width) are rejoined; a closing signature block (issuing body, date) stays;
* the **trailer**: once a share prompt, previous/next link, related-links list, footer or
  link farm starts, the short lines after it (related titles, addresses) go too, and the
  weaker footer rules (addresses, telephone numbers) apply.

Title, date and source come from the HTML metadata when the page had some (``Meta``), else
from the text: metadata lines (来源, 发布时间 …, Minguo years included), the title line's
【tag】 or site suffix, a repost trailer's "更多来自 X 的", or the signature block.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import Literal

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


# --- boilerplate rules ---------------------------------------------------------------------

Scope = Literal["anywhere", "header", "edge"]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    test: Callable[[str], bool]
    """Called with ``key(line)`` (list marks removed)."""
    starts_trailer: bool = False
    """Once this rule fires after the body has begun, short lines after it are trailer."""
    scope: Scope = "anywhere"
    """``anywhere``; ``header``: only before the body; ``edge``: in the header or the trailer
    (lines that are body inside a document, such as an address, but boilerplate in a footer)."""


def _re(
    pattern: str, max_len: int = 10_000, no_full_stop: bool = False, unnumbered: bool = False
) -> Callable[[str], bool]:
    """A rule test: ``pattern`` found in a line of at most ``max_len`` characters;
    ``no_full_stop``: that does not end a sentence; ``unnumbered``: that is not a numbered
    heading (a body heading "（三）加强技术支持" is not a footer)."""
    rx = re.compile(pattern, re.IGNORECASE)

    def test(s: str) -> bool:
        if len(s) > max_len or (no_full_stop and s.endswith("。")):
            return False
        if unnumbered and _numbering(s) is not None:
            return False
        return rx.search(s) is not None

    return test


_CRUMB_SEP = re.compile(r"\s*(?:>>|>|›|»|→|＞)\s*")
_SENTENCE_END = "。！？；!?;"
_CRUMB_HEAD = re.compile(
    r"^(当前位置|您的位置|你的位置|您现在的位置|你现在的位置|您当前的位置|您当前位置|当前的位置|所在位置|"
    r"您所在的位置|现在位置|当前页面)\s*[:：]"
)
_HOME = {"首页", "主页", "网站首页", "home", "返回首页", "回首页", "本站首页"}


def _is_breadcrumb(s: str) -> bool:
    if _CRUMB_HEAD.match(s) or re.match(r"^(当前位置|您的位置|您现在的位置)\s*$", s):
        return True
    if "。" in s or len(s) > 160:
        return False
    slashed = [p for p in re.split(r"\s*/\s*", s) if p]
    if len(slashed) >= 2 and slashed[0].lower() in _HOME and all(len(p) <= 30 for p in slashed):
        return True  # "首页 / 新闻中心 / 即时新闻"
    parts = [p for p in _CRUMB_SEP.split(s) if p]
    if len(parts) < 2 or any(len(p) > 60 for p in parts):
        return False
    return parts[0].lower() in _HOME or len(parts) >= 3


def _is_link_farm(s: str) -> bool:
    items = [p.strip() for p in re.split(r"[|｜]", s) if p.strip()]
    if len(items) < 4 or sum(bool(re.search(r"\d", i)) for i in items) * 2 >= len(items):
        return False  # a table row of figures is not a link farm
    return sum(len(i) for i in items) / len(items) <= 20


# Words a navigation bar is made of (Simplified: rules match on key()).
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NAV_WORDS = _words(
    """首页 网站首页 主页 返回首页 回首页 机构概况 机构设置 机构职能 领导信息 领导之窗 新闻中心 新闻动态 新闻资讯
    工作动态 要闻动态 政务公开 信息公开 政府信息公开 政策法规 政策文件 政策解读 办事服务 网上办事 在线办事 办事指南
    互动交流 公众参与 专题专栏 通知公告 科技新闻 科技动态 科技政策 联系我们 网站地图 english 繁体 简体 繁体版
    简体版 无障碍 无障碍浏览 手机版 移动版 登录 注册 关于我们 学校概况 学校要闻 综合新闻 媒体聚焦 校园快讯 学术活动
    科研成果 科研进展 研究队伍 国际交流 国际合作 研究生教育 人才招聘 人才招募 创新文化 党建工作 党建园地 数据发布
    统计数据 网站导航 站点地图 网站导览 常见问答 关于本院 研究单位 新闻稿 新闻资料 媒体扫描 图片新闻 视频新闻
    数据 互动 服务 政策 新闻 国情 总理 国务院 本院概况 院况简介 部门概况 走进 概况 首页 我要查 我要问 我要办
    网站指南 联络我们 联系方式 网站说明 使用条款 私隐政策 隐私政策 版权声明 免责声明 重要告示 今日新闻 新闻公报
    新闻中心 科技新闻 通知公告"""
)
_SHARE_TARGETS = _words(
    "微信 微博 新浪微博 腾讯微博 qq空间 qq好友 qq 豆瓣 人人网 facebook line twitter x 朋友圈 复制链接 打印 列印 email "
    "whatsapp telegram linkedin reddit 微信好友 钉钉 plurk 电邮 电子邮件"
)
_TOOLBAR = _words(
    """打印 打印本页 打印此页 打印本文 打印文章 关闭 关闭窗口 关闭本页 收藏 收藏本页 加入收藏 返回顶部 回到顶部
    返回 返回列表 返回上一页 回上一页 上一页 我要纠错 纠错 保存 保存本页 评论 我要评论 发表评论 点赞 举报 投稿
    列印 字号 字体 字体大小 字级 大字号 中字号 小字号 放大字体 缩小字体 放大 缩小 a+ a- 回首页 返回首页
    关注 已关注 订阅 在看 写留言 留言 转发 赞 反馈 朗读 语音播报 听全文 回页首 回顶部 参与互动 互动
    关注他 关注她 关注作者 赞同 喜欢 添加评论 回到页首 收听全文 收听 听新闻 播放 暂停 友善列印 转寄 寄给朋友 推荐给朋友
    大 中 小 默认 标准 分享 分享到 顶部 top"""
)
_TOOLBAR_SPLIT = re.compile(r"[\s\[\]【】()（）〖〗「」〔〕<>《》|｜/:：·•+＋－]+")
_FONT_WORDS = _words(
    "大 中 小 字号 字体 字体大小 字级 文字 默认 标准 大字号 中字号 小字号 放大 缩小 放大字体 缩小字体 a+ a- "
    "缩小- 放大- 字级设定 字体设定 字型大小 大字体 小字体 中字体"
)


_TOOL_WORD = re.compile(
    r"^(我要|友善|点击|立即)?(打印|列印|关闭|收藏|纠错|保存)(本页|此页|本文|此文|文章|窗口|本窗口|页面)?$"
)


def _toolbar_tokens(s: str) -> list[str]:
    return [t for t in _TOOLBAR_SPLIT.split(s.lower()) if t]


def _is_tool(token: str) -> bool:
    return token in _TOOLBAR or _TOOL_WORD.match(token) is not None


def _run_together(s: str, words: frozenset[str]) -> bool:
    """``s`` is two or more of ``words`` written together ("回上一页友善列印")."""
    rx = _RUN_RX.get(words)
    if rx is None:
        alts = sorted((w for w in words if len(w) >= 2 and _HAN_WORD.fullmatch(w)), key=len, reverse=True)
        rx = _RUN_RX[words] = re.compile(f"(?:{'|'.join(map(re.escape, alts))}){{2,}}")
    return len(s) <= 40 and rx.fullmatch(s) is not None


_RUN_RX: dict[frozenset[str], re.Pattern[str]] = {}


def _is_window_control(s: str) -> bool:
    if len(s) > 60:
        return False
    if _run_together(s, _TOOLBAR):
        return True
    tokens = _toolbar_tokens(s)
    if not tokens or not all(_is_tool(t) or t in _SHARE_TARGETS or t in _FONT_WORDS for t in tokens):
        return False
    # Font-size switches alone are not a trailer's start ("font-size"); share targets alone are "share".
    return any(_is_tool(t) and t not in _FONT_WORDS for t in tokens)


def _is_font_size(s: str) -> bool:
    tokens = _toolbar_tokens(s)
    return 0 < len(tokens) <= 8 and len(s) <= 40 and all(t in _FONT_WORDS for t in tokens)


def _is_share(s: str) -> bool:
    if len(s) > 80 or _numbering(s) is not None:
        return False
    if re.search(
        r"分享到|分享至|一键分享|分享按钮|立刻分享|朋友圈|喜欢这篇文章|转发到|^分享\s*[:：]|扫码关注|关注我们|"
        r"^收录于(合集|话题)|预览时标签不可点|轻点两下取消|视频\s*小程序|继续滑动看下一个|向上滑动看下一个|轻触阅读原文|"
        r"微信扫一扫.{0,12}(关注该公众号|打开此内容|使用完整服务)",
        s,
    ):
        return True
    if re.search(r"扫一扫|二维码|手机扫|微信公众号|客户端", s) and not s.endswith("。") and len(s) <= 40:
        # A QR prompt, not "扫描下方二维码报名" in a notice.
        return len(s) <= 8 or re.search(r"手机|浏览|打开|关注|分享|本页|当前页|阅读|查看|收看|下载", s) is not None
    if re.match(r"^(手机版|移动版|手机访问|手机浏览|wap版)$", s):
        return True
    tokens = _toolbar_tokens(s)
    return len(tokens) >= 2 and sum(t in _SHARE_TARGETS for t in tokens) >= max(2, len(tokens) - 1)


def _is_nav_bar(s: str) -> bool:
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
_LANGUAGES = _words(
    "繁 简 繁体 简体 繁体版 简体版 繁体中文 简体中文 中文 中文版 英文 英文版 english eng en 中 英 日本语 日文 "
    "한국어 français русский español"
)


def _is_language_switch(s: str) -> bool:
    tokens = [t for t in re.split(r"[\s|｜/·•]+", s.lower()) if t]
    if not 2 <= len(tokens) <= 8 or not any(t in _LANGUAGES for t in tokens):
        return False
    return all(t in _LANGUAGES or t in NAV_WORDS for t in tokens)  # "网站导览 English 日本语"


_COUNTER = re.compile(
    r"(总阅读|阅读|浏览|粉丝|获赞|文章|关注|收藏|评论|点赞|转发|在看|播放|回复|赞同|赞)\s*[:：]?\s*\d[\d,.]*\s*[万亿kw]?\+?"
)


def _is_counters(s: str) -> bool:
    """A social platform's counters: "文章 1286 总阅读 392万", "阅读 2.3万 在看"."""
    if len(s) > 40 or any(c in s for c in "。，；！？"):
        return False
    found = _COUNTER.findall(s)
    return len(found) >= 2 or bool(
        re.fullmatch(r"(回复\s*)?(阅读|浏览|播放|赞同|赞)\s*[:：]?\s*\d[\d,.]*\s*[万亿kw]?\+?(\s*在看)?", s)
        or re.fullmatch(r"\d[\d,.]*\s*[万kw]?\s*人(赞同|点赞|喜欢|收藏|阅读|浏览)了?(该|这篇)?(文章|回答|内容)?", s)
    )


_DECORATION = re.compile(r"^[\s\W_]+$")


def _is_decoration(s: str) -> bool:
    """Only punctuation and symbols, and none of the marks that end or continue a sentence."""
    return bool(_DECORATION.match(s)) and not any(c in s for c in "。，、；：！？”’）」』》…%")


# Metadata fields. Strong fields are metadata wherever they open a line; weak ones only in the
# header or when the line has other fields too (a notice's body may say "时间：3月5日").
_SOURCE_FIELDS = (
    r"信息来源|文章来源|稿件来源|新闻来源|本文来源|内容来源|消息来源|来源单位|本文来自微信公众号|本文来自公众号|信息提供|稿源|出处|发信站|"
    r"资料来源|来源"
)
_ORG_FIELDS = r"发布单位|发布机构|发文机关|发文单位|供稿单位|发稿单位|供稿"
_DATE_FIELDS = r"发布时间|发布日期|发稿时间|发文日期|成文日期|公开日期|更新时间|更新日期|录入时间|生成日期|上传时间"
_STRONG_FIELDS = (
    rf"{_SOURCE_FIELDS}|{_ORG_FIELDS}|{_DATE_FIELDS}|浏览次数|点击次数|阅读次数|访问次数|点击数|浏览量|阅读量|点击量|"
    r"浏览人次|点阅次数|索引号|主题分类|发文字号|体裁分类|组配分类|信息分类|公开方式|公开范围|有效性|所属机构|"
    r"责任部门|文章作者|发布者|原标题|原文标题|原文链接|原文地址|本文链接|链接地址|本文网址|本文地址|永久链接|"
    r"分享链接|发布于|ip属地|IP属地|新闻稿编号|稿件编号|稿号"
)
_WEAK_FIELDS = (
    r"时间|日期|作者|标题|名称|文号|编号|分类|主题词|浏览|点击|阅读|字号|字体|下载|页码|页数|大小|文件大小|发布"
)
_FIELD_AT_START = re.compile(rf"^[\[【(（]?\s*(?:本文)?(?:{_STRONG_FIELDS})\s*[:：丨]")
_FIELD_SPACED = re.compile(rf"^(?:{_STRONG_FIELDS})\s+\S")
"""A strong field and its value with only a space between: "发布单位 数位产业署", "更新日期 2024-09-11"."""
_WEAK_AT_START = re.compile(rf"^[\[【(（]?\s*(?:{_WEAK_FIELDS})[:：]")
_ANY_FIELD = re.compile(rf"(?:^|[\s|｜【\[(（,，;；])(?:{_STRONG_FIELDS}|{_WEAK_FIELDS})\s*[:：]")
_STRONG_FIELD = re.compile(rf"(?:^|[\s|｜【\[(（,，;；])(?:{_STRONG_FIELDS})\s*[:：]")
_DATE_FIELD_ANYWHERE = re.compile(rf"(?:{_DATE_FIELDS})\s*[:：]")


def _compact_head(s: str) -> str:
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


def _is_metadata(s: str) -> bool:
    if len(s) > 200 or s.endswith("。"):
        return False
    if _EDITION.match(s) or _DEVICE.match(s) or re.match(r"^(发布于|编辑于|发表于|更新于)\s*\d{4}\s*[-/.年]", s):
        return True
    if (m := _DATE_HEAD.match(s)) and s[m.end() :].strip():
        # "日期 2023-01-12　【大 中 小】 【打印】 【关闭】": a date and the page's tools.
        tokens = _toolbar_tokens(s[m.end() :])
        if tokens and all(_is_tool(t) or t in _SHARE_TARGETS or t in _FONT_WORDS for t in tokens):
            return True
    head = _compact_head(s)
    if _FIELD_AT_START.match(head) or _DATE_FIELD_ANYWHERE.search(s) or (len(s) <= 40 and _FIELD_SPACED.match(s)):
        return True
    if len(_ANY_FIELD.findall(s)) >= 2:
        return True
    # "2021年05月24日 09:30 来源：市科技局": a date and a strong field.
    return len(s) <= 80 and _STRONG_FIELD.search(s) is not None and _DATE.search(s) is not None


_DATE_NAME = re.compile(
    r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+|\s*[·•|｜]\s*)"
    r"([^\s\d，。,；;！？:：·•]{2,16})$|"
    r"^([^\s\d，。,；;！？:：·•]{2,16})\s*[·•|｜]\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?)?$"
)
"""A header's date and source with no field names: "2023年05月26日 14:32 澎湃新闻",
"2023-05-08 10:20·科技日报社官方账号", "科技政策观察·2023年08月30日 10:35"."""
_WECHAT_STRIP = re.compile(r"^原创\s+(?:\S{1,12}\s+)?(\S{2,16})\s+\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]")
"""A WeChat article's strip: "原创 作者 公众号 2024年07月22日 18:05 上海" (the account is the source)."""
_DEVICE = re.compile(
    r"^(\d{1,4}[-/]\d{1,2}([-/]\d{1,2})?\s*\d{1,2}:\d{2}\s*)?来自\s*\S.{0,30}$|(发布|发表)于\s*\S{1,12}\s*(app|客户端)",
    re.IGNORECASE,
)
"""A social post's time and device: "2023-10-12 18:30 来自 iPhone客户端 已编辑"."""


def _is_weak_metadata(s: str) -> bool:
    if len(s) > 120 or s.endswith("。"):
        return False
    if _WEAK_AT_START.match(_compact_head(s)) is not None or _DATE_NAME.match(s) is not None:
        return True
    # A header strip with a date and a time of day: "原创 科小编 某公众号 2023年08月03日 18:30北京".
    return len(s) <= 60 and _STAMP.search(s) is not None and not any(c in s for c in "，。；！？")


_DATE_ONLY = re.compile(
    r"^[\[【(（]?\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*"
    r"(\d{1,2}:\d{2}(:\d{2})?|\d{1,2}\s*[时点]\s*\d{1,2}\s*分)?\s*"
    r"[(（]?\s*(星期[一二三四五六日天]|周[一二三四五六日天])?\s*[)）]?\s*[\]】)）]?$"
)


def _is_date_line(s: str) -> bool:
    """A header line that is only a date, in a web page's style (not "2020年3月5日" alone,
    which is a document's own date line)."""
    s = re.sub(r"^(发布日期|发布时间|日期|时间)\s*[:：]?\s*(?=\d)", "", s)  # "日期 2023-01-12"
    if not _DATE_ONLY.match(s):
        return False
    return bool(re.search(r"\d{4}\s*[-/.]|星期|周|[\[【]|:\d{2}|分$", s))


_CONTACT = re.compile(
    r"^(地址|联系地址|通讯地址|邮编|邮政编码|电话|传真|总机|邮箱|电子邮箱|e-mail|email)\s*[:：]|服务热线|"
    r"联系电话\s*[:：]|联系方式\s*[:：]|咨询电话\s*[:：]|热线电话\s*[:：]|总机\s*[:：]",
    re.IGNORECASE,
)


_BYLINE = re.compile(
    r"^[\[【(（]?\s*[^\s，。,]{0,10}?(记者|通讯员|特约记者|实习记者|实习生|特约撰稿人|特约撰稿)\s*[:：]?\s*"
    r"[\u4e00-\u9fff·]{2,4}([\s、,，]+[\u4e00-\u9fff·]{2,4})*\s*[\]】)）]?$|"
    r"^(文|作者|撰文|采写|整理|文字)\s*[/|｜]\s*[\u4e00-\u9fff·]{2,6}([\s、,，]+[\u4e00-\u9fff·]{2,4})*$|"
    r"^[\u4e00-\u9fff·]{2,4}([\s、,，]+[\u4e00-\u9fff·]{2,4})*\s*(报道|采写|撰文)(\s+\S+@\S+)?$|"
    r"^\S{2,16}?(官方)?(百家号|头条号|企鹅号|搜狐号|网易号|大鱼号|澎湃号|公众号|官方账号|官方帐号)$|"
    r"^\S{2,6}社?\S{0,8}\d{1,2}月\d{1,2}日电\s*[(（]\s*(记者|通讯员)[^()（）]{1,30}[)）]$"
)
"""A reporter's byline on its own line: "澎湃新闻记者 周宇航", "本报记者 张三 李四", "文｜王敏"."""

_ENGLISH_NAME = re.compile(
    r"^([\u4e00-\u9fff]{2,20}\s+)?(?=[a-z][a-z ,.&'()\-]{9,150}$)[a-z ,.&'()\-]*?\b"
    r"(department|commission|ministry|bureau|office|university|academy|"
    r"institute|government|municipality|province|laboratories|laboratory|center|centre|council|agency|administration|"
    r"foundation|association|society|network|portal|press|news|daily|college|school|hospital|group|corporation|"
    r"company|park|zone|committee|museum|library|observatory|federation|chamber|station)\b[a-z ,.&'()\-]*$",
    re.IGNORECASE,
)
"""A site's English name under its Chinese one: "Department of Science and Technology of …"."""

_HEADER_URL = re.compile(r"^[^，。,；;]{0,20}?\s*(https?://|www\.)\S+$", re.IGNORECASE)
"""A link to the page or its author above the article: "李建国的个人博客分享 http://…"."""


def _is_contact_footer(s: str) -> bool:
    return len(s) <= 160 and not s.endswith("。") and "联系人" not in s and _CONTACT.search(s) is not None


RULES: tuple[Rule, ...] = (
    Rule("breadcrumb", _is_breadcrumb),
    Rule("metadata-line", _is_metadata),
    Rule(
        "view-counter",
        _re(
            r"(浏览|点击|阅读|访问|点阅)(次数|量|数|人次)?\s*[:：]\s*[\[【(（]?\s*\d+|^\d+\s*(人|次)(浏览|阅读)$|"
            r"(浏览|阅读|点击)\s*[(（]\s*\d+\s*[)）]$",
            120,
        ),
    ),
    Rule("font-size", _is_font_size),
    Rule(
        "font-size",
        _re(
            r"^[\[【]?\s*(字号|字体|字体大小)\s*[:：]?\s*[\[【]?\s*([大中小]\s*)*[\]】]?$|"
            r"^[\[【]?\s*[大中小]\s*[大中小]\s*[大中小]\s*[\]】]?$|^[\[【]?\s*(字号|字体|字体大小)\s*[:：]|"
            r"^[\[【]?\s*(字号|字体)\s*[\[【]?\s*[大中小]\s*[\]】]?\s*[\[【]?\s*[大中小]|"
            r"^([大中小]字号\s*)+$|^(字号|字体)\s*[大中小]$",
            60,
        ),
    ),
    Rule("window-control", _is_window_control, starts_trailer=True),
    Rule("share", _is_share, starts_trailer=True),
    Rule(
        "prev-next",
        _re(
            r"^[\[【(（]?\s*(上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇|前一篇|后一篇)\s*[\]】)）]?\s*([:：]|$)",
            120,
        ),
        starts_trailer=True,
    ),
    Rule(
        "related-links",
        _re(
            r"^[\[【]?(相关链接|相关连结|相关解读|相关问答|相关政策|相关公告|相关通知|相关动态|相关资讯|本期其他内容|往期推荐|政策解读链接|相关网站|相关网址|相关文章|相关新闻|相关阅读|相关文件|相关稿件|相关报道|相关信息|相关推荐|相关专题|延伸阅读|"
            r"推荐阅读|热点推荐|热点新闻|热门文章|热门推荐|热门新闻|精彩推荐|猜你喜欢|阅读排行|点击排行|排行榜|最新文章|最新动态|"
            r"最新新闻|最新更新|图片新闻|专题推荐|往期回顾|更多新闻|更多阅读|更多)[\]】]?\s*([:：>»]+.*|\s*(>>|more)?\s*)$|"
            r"请您?继续阅读|更多来自.{0,20}的|^(查看更多|more)\s*(>>|»)?$|^返回.{1,10}[,，]\s*查看更多|"
            r"^(点击|戳)?(下方|左下角|这里|此处)?.{0,4}阅读原文|^阅读全文\s*(>>|»|→|->)?\s*((https?://|www\.)\S+)?$",
            120,
            no_full_stop=True,
        ),
        starts_trailer=True,
    ),
    Rule(
        "comments",
        _re(
            r"^[\[【]?(网友评论|发表评论|我要评论|评论区|用户评论|相关评论|最新评论|热门评论|查看评论|全部评论|精彩评论)[\]】]?"
            r"\s*[:：]?\s*(\(\d+\)|（\d+）)?$|^(共有|已有)\s*\d+\s*(条评论|人参与|人评论)|请文明上网|文明上网.{0,4}理性发言|"
            r"^\d+\s*条评论$|^评论\s*[(（]\s*\d+\s*[)）]$|^按(热度|时间)(\s*按(热度|时间))?$|"
            r"^(查看|展开)?全部\s*\d+\s*条(评论|回复)|^参与互动$",
            40,
        ),
        starts_trailer=True,
    ),
    Rule("site-promo", _re(r"(本站|小编).{0,60}(精选|更新|浏览|点击|订阅|关注)", 160), starts_trailer=True),
    Rule(
        "footer",
        _re(
            r"主办单位|承办单位|协办单位|运行维护单位|运维单位|维护单位\s*[:：]|^主办\s*[:：]|^承办\s*[:：]|"
            r"\S(主办|承办)(\s|$)|版权所有|版权归|著作权(属于|所有|归)|ICP\s*[备证]|公网安备|公安备|网安备|"
            r"网站标识码|copyright|©|all rights reserved|备案序号|"
            r"备案号\s*[:：]|"
            r"中文域名|官网公众号|官网微信号|官方微信|官方微博|战略合作\s*[:：]|建议使用.{0,30}浏览器|最佳浏览|"
            r"\d{3,4}\s*[*×xX]\s*\d{3,4}\s*(像素|分辨率|以上)|(最佳|建议|显示)分辨率",
            160,
            no_full_stop=True,
            unnumbered=True,
        ),
        starts_trailer=True,
    ),
    Rule(
        "repost-notice",
        _re(
            r"转载请注明|本文转载自|(未经|非经)(授权|许可|同意).{0,10}(转载|复制|使用)|版权归原作者|如有侵权|本网转载|"
            r"观点仅代表作者|仅代表作者(本人)?(观点|立场)|不代表本(站|网|平台|号)的?(观点|立场)|信息发布平台|"
            r"仅提供信息存储|^特别声明\s*[:：]|传递更多信息之目的|不意味着赞同其观点|转载本文|请联系原作者|请注明(本文)?(来自|出处)|(获取|获得)授权.{0,10}(转载|注明)|"
            r"商业转载请|非商业转载|著作权归作者|版权声明\s*[:：]|免责声明\s*[:：]|不代表.{0,12}(观点|立场)|"
            r"刊用本网站稿件|(经|未经)书面授权|本文来自(微信)?公众号|题图来自|原创出品|^(特别声明|免责声明|版权声明)\s*[:：]?$",
            120,
        ),
        starts_trailer=True,
    ),
    Rule(
        "footer",
        _re(
            r"^(网站地图|联系我们|网站声明|网站说明|隐私声明|隐私政策|隐私权.{0,6}政策|免责声明|法律声明|网站纠错|"
            r"意见建议|关于我们|使用帮助)(\s*[|｜/·]\s*\S{2,12})*$",
            80,
        ),
        starts_trailer=True,
    ),
    Rule("link-farm", _is_link_farm, starts_trailer=True),
    Rule(
        "page-timing",
        _re(
            r"^\d+(\.\d+)?\s*(s|ms|秒)$|"
            r"^(页面执行时间|页面生成时间|页面加载时间|执行时间|生成时间|本页生成时间|耗时|"
            r"processed in|page generated in|generated in)\s*[:：]?\s*\d+(\.\d+)?\s*"
            r"(s|ms|秒|毫秒|seconds?|second\(s\))",
            60,
        ),
    ),
    Rule(
        "editor",
        _re(
            r"^[\[【(（]?\s*(责任编辑|编辑|责编|审核|校对|审校|编审|初审|复审|终审|撰稿|摄影|供图|图片来源|美编|排版|监制|"
            r"文\s*/\s*图|图\s*/\s*文|文图|图文)\s*[:：丨]|"
            r"(责任编辑|责编)\s*[:：]|^作者简介\s*[:：]",
            60,
        ),
        starts_trailer=True,
    ),
    Rule("tag-line", _re(r"^(tag|tags|标签|关键词|关键字|文章关键词|进入专题|所属专题|专题)\s*[:：]", 120)),
    Rule("byline", _re(_BYLINE.pattern, 40)),
    # A photo's or an article's credit on its own line; mid-article, so not a trailer's start.
    # (A caption is body: "着陆器展开国旗（国家航天局供图）".)
    Rule(
        "credit",
        _re(
            r"^[(（]\s*(图|摄影|摄|图片|图文)\s*[/／:：｜|]\s*\S.{0,20}[)）]$|"
            r"^[(（]\s*\S{1,20}\s*(摄|供图|供稿|撰稿|来稿|供文)\s*[)）]$",
            80,
        ),
    ),
    Rule("language-switch", _is_language_switch),
    Rule(
        "edition-nav",
        _re(
            r"^第\s*[\d一二三四五六七八九十]+\s*版\s*[:：]\s*\S{1,12}$|^(版面导航|本版导航|标题导航|返回目录|往期回顾|"
            r"上一期|下一期|上一版|下一版|版面概览|数字报|电子报)(\s*[|｜]\s*(往期回顾|上一期|下一期|上一版|下一版|返回目录))*$|"
            r"^\d{4}\s*年\s*第\s*\d+\s*期(\s*[(（]\s*总第\s*\d+\s*期\s*[)）])?(\s+\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?$",
            40,
        ),
    ),
    Rule(
        "date-bar",
        _re(
            r"(天气|气温)\s*[:：]?.{0,20}(℃|°c)|\d+\s*℃\s*[~～\-—至]\s*\d+\s*℃|"
            r"^(今天是\s*)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期|周)[一二三四五六日天]\s*\S.*",
            60,
            no_full_stop=True,
        ),
    ),
    Rule("site-name", lambda s: _ENGLISH_NAME.match(s) is not None, scope="header"),
    Rule(
        "opening-hours",
        _re(r"^(今日|今天)?(开馆|闭馆|开放时间|开馆时间|闭馆时间|办公时间)\s*[:：]?\s*\d", 60),
        scope="header",
    ),
    Rule(
        "feedback-widget",
        _re(
            r"^(本页面?|本文|此页|该页面?|本页内容|页面内容)(内容)?(对您)?(是否)?有(所)?帮助吗?\s*[？?]?$|"
            r"^((有帮助|没帮助|无帮助|有用|没用|满意|不满意)\s*[|｜/]?\s*)+$|"
            r"^(智能问答|智能客服|在线客服|在线咨询|人工客服|智能助手)$|我是.{0,20}(智能客服|机器人|小助手|智能助手)",
            60,
        ),
        starts_trailer=True,
    ),
    Rule("counters", _is_counters),
    Rule("counters", _re(r"^\d{1,6}$"), scope="header"),  # a count beside a widget ("举报" / "0" / "分享至")
    Rule(
        "page-number",
        _re(
            r"^([-—–－]\s*)?\d{1,4}\s*[-—–－]$|^第\s*\d{1,4}\s*页(\s*[/,，]?\s*共\s*\d{1,4}\s*页)?$|"
            r"^共\s*\d{1,4}\s*页$",
            20,
        ),
    ),
    Rule(
        "search-box",
        _re(
            r"^(请输入|输入)(搜索)?(关键字|关键词|搜索内容|检索词|内容|您要搜索的内容)|"
            r"^(站内搜索|全站搜索|全文检索|高级搜索|搜索|检索|搜 索)$",
            30,
        ),
    ),
    Rule(
        "attachment-link",
        _re(
            r"\.(docx?|xlsx?|pptx?|pdf|wps|ofd|zip|rar|7z|et|dps|ceb|caj|txt)\s*"
            r"([(（\[]\s*\d+(\.\d+)?\s*(k|m|g)?b?\s*[)）\]])?$|"
            r"^(相关附件|附件下载|下载附件|附件列表|相关下载|附件信息)\s*[:：]?$",
            100,
        ),
    ),
    Rule(
        "accessibility",
        _re(
            r"^(跳到|跳至|跳转到|跳过)(导航|主要内容|主内容|内容|正文)(区块|区|部分)?$|"
            r"^((无障碍|无障碍浏览|无障碍阅读|适老化|长者模式|关怀版|读屏专用|老年模式|关怀模式|english|繁体|简体|繁体版|简体版)"
            r"\s*[|｜/·]?\s*)+$",
            40,
        ),
    ),
    Rule(
        "browser-notice",
        _re(
            r"(不支援|不支持|未启用|已停用|已禁用).{0,8}javascript|javascript.{0,20}(停用|关闭|启用|开启|状态)|"
            r"ctrl\s*\+.{0,30}(放大|缩小|字型|字体|列印|打印)|(建议|推荐)(使用|采用).{0,30}(浏览器|分辨率)",
            120,
        ),
    ),
    Rule(
        "email-notice",
        _re(
            r"无法正常(查看|显示|阅读)此?邮件|(点击|请点击).{0,6}退订|取消订阅|您收到此邮件|订阅了.{0,20}(邮件|简报|速递)|"
            r"系统自动发送|请勿(直接)?回复",
            120,
        ),
    ),
    Rule(
        "cookie-notice",
        _re(
            r"cookie.{0,60}(使用|同意|接受|隐私)|(使用|同意|接受).{0,30}cookie|"
            r"^(我知道了|同意并继续|接受全部|全部接受)$",
            200,
        ),
    ),
    Rule(
        "expand-prompt",
        _re(
            r"^(点击)?(展开全文|展开阅读全文|查看全文|展开剩余.{0,8}|余下全文|继续阅读全文|收起全文|收起)\s*(>>|»|∨|﹀|↓)?\s*\w?$|"
            r"^剩余\s*\d+%\s*未读$",
            30,
        ),
    ),
    Rule(
        "app-promo",
        _re(
            r"^\S{0,12}(app|客户端)$|^(打开|下载|使用|安装)\S{0,10}(app|客户端)|^(打开|下载)app.{0,10}$|"
            r"^(欢迎|立即|免费|马上|点击)?订阅\S{0,12}([，,].{0,16})?\s*(>|>>|»)?$",
            30,
        ),
    ),
    Rule("nav-bar", _is_nav_bar),
    Rule("decoration", _is_decoration),
    Rule(
        "end-mark",
        _re(r"^[(（\[【]?\s*(完|全文完|全文结束|end)\s*[)）\]】]?$|^[-—=]*\s*end\s*[-—=]*$|^n{4}$", 12),
        starts_trailer=True,
    ),
    Rule("footer", _is_contact_footer, starts_trailer=True, scope="edge"),
    # In a notice "技术支持：XX研究所，0731-…" is whom to call; at the foot of a page, the web agency.
    Rule("footer", _re(r"(^|[\s|｜])技术支持\s*[:：]?\s*\S", 160, no_full_stop=True, unnumbered=True), True, "edge"),
    Rule("url-line", lambda s: _HEADER_URL.match(s) is not None, scope="header"),
    Rule("metadata-line", _is_weak_metadata, scope="header"),
    Rule("date-line", _is_date_line, scope="header"),
)

PAGE_RULES: dict[str, str] = {
    "title": "a line holding the title (kept once, as the heading of the document)",
    "site-name": "the site's or publisher's name above the title",
    "section-label": "the site section (column) name above the title",
    "nav-bar": "a navigation item above the title",
    "trailer": "a short line after a share prompt, related-links list, footer or link farm",
    "furniture": "a short line above the title, or between two copies of it (the page's furniture)",
    "byline": "an author's or account's name between the title and the metadata lines",
    "not-main-content": "HTML outside the page's main text (trafilatura)",
}
"""Drops decided by a line's place in the page rather than its text alone."""

_LIST_MARK = re.compile(r"^[•·●○■□◆◇▪▶►‣\-–]\s*")


def _unmark(s: str) -> str:
    """``s`` without a leading list mark ("• 首页" → "首页")."""
    return _LIST_MARK.sub("", s, count=1) if len(s) > 2 else s


def _match(s: str) -> Rule | None:
    s = _unmark(s)
    if not s:
        return None
    for rule in RULES:
        if rule.test(s):
            return rule
    return None


# --- structure -----------------------------------------------------------------------------

_CN_NUM = "一二三四五六七八九十百零〇"
NUMBERING: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn-chapter", re.compile(rf"^第[{_CN_NUM}\d]{{1,4}}(章|部分)")),
    ("cn-section", re.compile(rf"^第[{_CN_NUM}\d]{{1,4}}节")),
    ("cn-dun", re.compile(rf"^[{_CN_NUM}]+、")),
    ("cn-paren", re.compile(rf"^[（(][{_CN_NUM}]+[）)]")),
    ("arabic-dot", re.compile(r"^\d{1,2}\s*[.、．](?!\d)")),
    ("arabic-paren", re.compile(r"^[（(]\d{1,2}[）)]")),
)
_CIRCLED = re.compile(r"^[①-⑳]")
_DOC_TYPES = (
    "报告", "总结", "通知", "意见", "办法", "方案", "规划", "计划", "安排", "思路", "要点", "决定",
    "公告", "通报", "细则", "规定", "条例", "纲要", "讲话", "说明", "批复", "指南", "措施", "公报", "解读", "公示",
    "白皮书", "情况", "回顾",
)  # fmt: skip
_ORG_SUFFIX = (
    "委员会", "委", "厅", "局", "部", "院", "政府", "办公室", "办公厅", "中心", "大学", "学院", "协会", "学会",
    "研究所", "科协", "网", "网站", "门户", "集团", "公司", "报", "日报", "晚报", "新闻网", "馆", "署", "司",
    "处", "室", "基金", "基金会", "联合会", "促进会", "研究会", "理事会", "商会", "管委会", "实验室", "气象台",
    "社", "园",
)  # fmt: skip
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_ROC_DATE = re.compile(r"(?:民国|中华民国)?\s*(?<!\d)(\d{2,3})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "O": 0, "○": 0, "Ｏ": 0}
_CN_DATE = re.compile(
    r"([〇零○ＯO一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_FIELD_VALUE_END = (
    r"(?=\s{2,}|\s+\d{4}\s*[-/.年]|\s+\S{1,8}\s*[:：]|\s*[|｜丨·•/]|\s*(?:发布|时间|日期|浏览|点击|阅读|作者|字号|字体)|"
    r"[(（【\[)）】\]]|$)"
)
_SOURCE = re.compile(rf"(?:{_SOURCE_FIELDS})\s*[:：丨]\s*(.*?)\s*{_FIELD_VALUE_END}|^(?:{_SOURCE_FIELDS})\s+(\S+)$")
_ORG_SOURCE = re.compile(rf"(?:{_ORG_FIELDS})\s*[:：]\s*(.*?)\s*{_FIELD_VALUE_END}|^(?:{_ORG_FIELDS})\s+(\S+)$")
_TITLE_FIELD = re.compile(r"^标题\s*[:：]\s*(.+)$")


def _numbering(s: str) -> str | None:
    for name, rx in NUMBERING:
        if rx.match(s):
            return name
    return None


def _is_heading_line(s: str) -> bool:
    return len(s) <= 160 and not any(c in s for c in _SENTENCE_END)


def _body_like(s: str) -> bool:
    """A line that starts the body: a numbered heading or paragraph, a long line of sentences,
    or a sentence with a comma (titles and page furniture do not end with "。")."""
    if _numbering(s) is not None and len(s) > 4:
        return True
    if len(s) >= 15 and s.endswith(("。", "！", "？")) and any(c in s for c in "，,"):
        return True
    # (An English line is not the start of a Chinese body: a site's English name has commas.)
    return len(s) >= 60 and any(c in s for c in "。，,；;") and len(_HAN.findall(s)) >= 10


def _org_like(s: str) -> bool:
    """A bare organisation or site name: short, no digits or sentence marks, an org suffix."""
    return (
        2 <= len(s) <= 24
        and not re.search(
            r"\d|[。，,；;：:！？!?“”《》]|的|关于|召开|举办|印发|发布|开展|推进|加快|取得|启动|通过|建设", s
        )
        and s.endswith(_ORG_SUFFIX)
        and not s.endswith(_DOC_TYPES)
    )


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_DOC_NUMBER = re.compile(r"[〔\[(（【]\s*\d{4}\s*[〕\])）】]\s*\d+\s*号$")
"""A document number: 国科发政〔2019〕313号."""


def _title_like(s: str) -> bool:
    return (
        4 <= len(s) <= 120
        and len(_HAN.findall(s)) >= 2  # a Chinese document's title is in Chinese
        and not s.endswith(("。", "：", ":", "，", ",", "；", ";"))
        and "。" not in s  # a sentence (a photo caption), not a title
        and not (len(s) >= 40 and ("，" in s or "," in s))  # a sentence, not a title
        and not _DOC_NUMBER.search(s)
        and not _org_like(s)
        and s.lower() not in NAV_WORDS
    )


# --- title -----------------------------------------------------------------------------------

_TITLE_SEP = re.compile(r"\s*(?:_+|-{2,}|\s[-–—|]\s|｜|\||(?<=[^\x00-\x7f])-(?=[^\x00-\x7f]))\s*")
"""Separators between a title and the column and site names: "标题_站点", "标题 - 栏目 - 站点",
"标题----站点", "标题｜站点", "标题-站点" (a hyphen between Chinese characters); not "——", which
introduces a subtitle."""


_SITE_PREFIX = re.compile(r"^([^\s—\-]{2,12})\s*(?:—{1,2}|-{1,2}|－)\s*(\S.*)$")


@dataclass(frozen=True, slots=True)
class _Candidate:
    index: int
    title: str
    tag: str
    site: str


def _title_parts(line: str, index: int = -1) -> _Candidate:
    """A header line as a title: the 【tag】 before it and the site name after it removed."""
    s = strip_line(line)
    s = _unmark(s)
    tag = ""
    m = re.match(r"^[【\[]([^】\]]{1,20})[】\]]\s*", s)
    if m:
        tag, s = m.group(1), s[m.end() :]
    site = ""
    m = _SITE_PREFIX.match(s)
    if m and _org_like(key(m.group(1))) and len(m.group(2)) >= 6:
        site, s = m.group(1), m.group(2)  # "科学网—青年科研人员如何…"
    parts = [p for p in (strip_line(x) for x in _TITLE_SEP.split(s)) if p]
    # "标题_站点" or "标题 - 栏目 - 站点": the title is the first part, the site the last.
    if len(parts) >= 2 and len(parts[0]) >= 4 and 2 <= len(parts[-1]) <= 30:
        s, site = parts[0], parts[-1]
    return _Candidate(index=index, title=strip_line(s), tag=strip_line(tag), site=strip_line(site))


def _choose_title(
    cands: list[_Candidate], lines: list[str], meta_line: int | None, after: int = -1
) -> tuple[str, set[int]]:
    """The title, and the header line indexes that hold it; ``after``: the last navigation
    line of the header (a title-like line above it is the site's name)."""
    if not cands:
        return "", set()
    counts: dict[str, int] = {}
    for c in cands:
        counts[_tkey(c.title)] = counts.get(_tkey(c.title), 0) + 1
    repeated = [c for c in cands if counts[_tkey(c.title)] > 1 and _title_like(key(c.title))]
    first: _Candidate | None = None
    used: set[int] = set()
    if repeated:
        best = max(repeated, key=lambda c: (counts[_tkey(c.title)], -c.index))
        used = {c.index for c in cands if _tkey(c.title) == _tkey(best.title)}
        first = next(c for c in cands if c.index in used)
    elif meta_line is not None:
        # The title sits next to the metadata line ("发布时间：…"): just above it, else below.
        above = [c for c in cands if c.index < meta_line]
        below = [c for c in cands if c.index > meta_line]
        near = [c for c in above[-2:] if _title_like(key(c.title))]
        if near:
            first = near[-1]
        elif below and _title_like(key(below[0].title)):
            first = below[0]
    if first is None:
        likely = [c for c in cands if _title_like(key(c.title))]
        first = next((c for c in likely if c.index > after), likely[0] if likely else None)
    if first is None:
        return "", set()
    # A title broken after its colon: "中国科学院发布《…》报告：" / "我国在…中表现活跃".
    before = [c for c in cands if c.index < first.index]
    if before and first.index not in used - {first.index}:
        prev = before[-1]
        gap = range(prev.index + 1, first.index)
        if (
            not any(strip_line(lines[i]) for i in gap)
            and prev.title.endswith(("：", ":"))
            and len(prev.title) <= 40
            and len(_HAN.findall(prev.title)) >= 8
        ):
            title = prev.title + first.title
            return title, {prev.index, first.index} | used
    # A title split over two lines: "2019年…市科委" / "工作情况报告".
    title, used = first.title, used | {first.index}
    later = [c for c in cands if c.index > first.index and c.index not in used]
    for nxt in later[:1]:
        between = range(first.index + 1, nxt.index)
        if any(strip_line(lines[i]) and i not in used for i in between):
            break
        if (
            len(nxt.title) <= 20
            and (len(nxt.title) >= 4 or title.endswith(("的", "和", "与", "及", "暨", "、")))
            and not nxt.title.startswith(("—", "-", "－"))
            and not re.search(r"\d", nxt.title)  # "工作情况报告", not a second title "2020年科技工作报告"
            and not title.endswith(_DOC_TYPES)
            and nxt.title.endswith(_DOC_TYPES)
            and not any(c in title + nxt.title for c in _SENTENCE_END + "，,")
            and _title_parts(title + nxt.title).title == title + nxt.title
        ):
            title, used = title + nxt.title, used | {nxt.index}
    return title, used


def _tkey(title: str) -> str:
    """A title as compared with its repeats: :func:`key` without spaces."""
    return re.sub(r"\s+", "", key(title))


def _holds_title(s: str, title_key: str) -> bool:
    """Does header line ``s`` (a key) hold ``title_key`` (whole, with a tag or site name)?"""
    if not s or not title_key:
        return False
    if _tkey(s) == _tkey(title_key) or _tkey(_title_parts(s).title) == _tkey(title_key):
        return True
    # "站名-栏目-标题": the site's name first, the title last.
    parts = [p for p in (strip_line(x) for x in _TITLE_SEP.split(s)) if p]
    return len(parts) >= 2 and _tkey(parts[-1]) == _tkey(title_key)


# --- the stage -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Page:
    """One page being cleaned: its lines, what the rules say about each, what was found."""

    doc: Document
    lines: list[str]
    numbers: list[int]
    """Source line number of each line."""
    ks: list[str]
    """:func:`key` of each line, list mark removed."""
    rules: list[Rule | None]
    body_start: int
    """Index of the first body-like line: the header is everything above it."""
    dropped: dict[int, str] = field(default_factory=dict)
    """Line index → name of the rule that dropped it."""
    title: str = ""
    title_lines: set[int] = field(default_factory=set)
    date: str = ""
    source: str = ""
    meta_line: int | None = None
    """Index of the first metadata line of the header."""
    crumbs: list[str] = field(default_factory=list)
    site_source: str = ""
    """A source only the title line gave (its 【tag】 or site suffix): a 来源 field anywhere wins."""
    named_source: str = ""
    """A name beside the header's date ("2023年05月26日 14:32 澎湃新闻")."""
    account: str = ""
    """The author's or account's name between the title and the metadata (a "byline" drop)."""
    site_name: str = ""
    """The site's name on a line of its own above the title: the source of last resort."""
    stamp_date: str = ""
    """A date with a time of day in the header ("2023年08月03日 18:30"), when no field gave one."""

    @classmethod
    def read(cls, doc: Document) -> _Page:
        lines = [b.text for b in doc.blocks]
        ks = [_unmark(s) for s in keys(lines)]
        rules = [_match(s) for s in ks]
        body_start = next(
            (
                i
                for i, (s, r) in enumerate(zip(ks, rules, strict=True))
                if (r is None or r.scope != "anywhere") and _body_like(s)
            ),
            len(lines),
        )
        return cls(
            doc=doc,
            lines=lines,
            numbers=[b.lines[0] if b.lines else i + 1 for i, b in enumerate(doc.blocks)],
            ks=ks,
            rules=rules,
            body_start=body_start,
            date=_parse_date(key(doc.meta.date)),
            source=strip_line(doc.meta.source),
        )

    def document(self) -> Document:
        kept = [i for i in range(len(self.lines)) if i not in self.dropped and self.ks[i]]
        # A page break of a printed document ("- 1 -", the running header) does not end a paragraph.
        page_break = {
            self.numbers[i]: True
            for i, rule in self.dropped.items()
            if rule in ("page-number", "title") or (rule in ("site-name", "furniture") and i >= self.body_start)
        }
        page_break |= {self.numbers[i]: False for i in range(len(self.lines)) if not self.ks[i]}
        blocks = _structure([(self.numbers[i], self.lines[i], self.ks[i]) for i in kept], page_break)
        heading = Block(
            kind="heading", text=self.title, level=1, lines=tuple(self.numbers[i] for i in sorted(self.title_lines))
        )
        own = [Dropped(line=self.numbers[i], text=self.lines[i], rule=rule) for i, rule in self.dropped.items()]
        return Document(
            meta=replace(self.doc.meta, title=self.title, date=self.date, source=self.source, site=self.site_name),
            blocks=(heading, *blocks) if self.title else tuple(blocks),
            dropped=tuple(sorted((*self.doc.dropped, *own), key=lambda d: d.line)),
        )


def clean(doc: Document) -> Document:
    """Turn a document of ``raw`` lines into title/date/source metadata and body blocks."""
    if not any(b.kind == "raw" for b in doc.blocks):
        return doc  # already clean
    page = _Page.read(doc)
    _header_rules(page)
    _header_title(page)
    _body_rules(page)
    _footer_block(page)
    _metadata_from_the_end(page)
    return page.document()


def _header_rules(page: _Page) -> None:
    """Rules above the body (every scope), and the date and source the metadata lines give."""
    field_source = org_source = named = ""
    dates: list[tuple[int, str]] = []
    related = False  # inside a related-links list above the article
    for i in range(page.body_start):
        rule, s = page.rules[i], page.ks[i]
        if rule is None:
            if related and s and len(s) <= 40:
                page.dropped[i] = "trailer"
            continue
        page.dropped[i] = rule.name
        if rule.name == "related-links":
            related = True
        elif rule.name in ("metadata-line", "breadcrumb", "date-line"):
            related = False
        if rule.name == "metadata-line":
            page.meta_line = i if page.meta_line is None else page.meta_line
            if (m := _WECHAT_STRIP.match(s)) and (name := _account(m.group(1))):
                named = named or strip_line(_original_span(page.lines[i], name))
            if (m := _DATE_NAME.match(s)) and (name := _account(m.group(1) or m.group(2))):
                named = named or strip_line(_original_span(page.lines[i], name))
            field_source = field_source or _field_value(_SOURCE, page.lines[i], s)
            org_source = org_source or _field_value(_ORG_SOURCE, page.lines[i], s)
        if rule.name in ("metadata-line", "view-counter"):
            dates.append((_date_rank(s), _parse_date(s, roc=True)))
        if rule.name == "date-line" and "星期" not in s and "周" not in s:
            dates.append((1, _parse_date(s)))
        if rule.name == "breadcrumb":
            page.crumbs = [p for p in _CRUMB_SEP.split(s) if p]
    # HTML: metadata lines above the main text that trafilatura left out.
    body_line = page.numbers[page.body_start] if page.body_start < len(page.numbers) else 1 << 30
    for d in page.doc.dropped:
        if d.line < body_line and d.rule == "not-main-content" and _is_metadata(s := _unmark(key(d.text))):
            field_source = field_source or _field_value(_SOURCE, d.text, s)
            org_source = org_source or _field_value(_ORG_SOURCE, d.text, s)
            dates.append((_date_rank(s), _parse_date(s, roc=True)))
    page.date = page.date or min(((r, n, d) for n, (r, d) in enumerate(dates) if d), default=(0, 0, ""))[2]
    page.source = page.source or field_source or org_source
    page.named_source = named
    above = [page.ks[i] for i in range(page.body_start)]
    above += [_unmark(key(d.text)) for d in page.doc.dropped if d.line < body_line]
    page.stamp_date = next((_parse_date(s) for s in above if len(s) <= 80 and _STAMP.search(s)), "")


_STAMP = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}:\d{2}")
_PUBLISHED = re.compile(
    r"发布时间|发布日期|发稿时间|发文日期|公开日期|发表时间|发表日期|发布于|发布\s*[:：]|时间\s*[:：]|日期\s*[:：]"
)
_REVISED = re.compile(r"更新|修改|修订|录入|生成|上传|成文日期|印发日期|有效期|截止")


def _account(name: str) -> str:
    """A platform account's name as a source: "科技日报社官方账号" → "科技日报社"."""
    name = re.sub(r"(官方账号|官方帐号|官方号|官方微博|官方)$", "", name)
    return "" if name.lower() in _NOT_A_SOURCE or len(name) < 2 else name


def _date_rank(s: str) -> int:
    """Which of a header's dates is the publication date: 发布日期 before an undated field
    before 更新日期 (last updated) or 成文日期 (the day the document was signed)."""
    before = s[: m.start()] if (m := _DATE.search(s) or _ROC_DATE.search(s)) else s
    if _REVISED.search(before[-12:]):
        return 2
    return 0 if _PUBLISHED.search(before[-12:]) else 1


_COLUMN = re.compile(
    r"[\u4e00-\u9fff]{0,4}(新闻|要闻|动态|公告|通告|公报|新闻稿|消息|快讯|资讯|专栏|聚焦|报道|速递|信息公开|政务公开)"
)
"""A site section's name above the title: 新闻公报, 工作动态, 通知公告, 媒体报道 …"""
_SITE_COLUMN = re.compile(r"(.{2,20}?)\s*(新闻公报|新闻稿|新闻发布|信息公开|政务公开)")


def _header_title(page: _Page) -> None:
    """The title, and the header lines that are not body: section labels, navigation items,
    site names; a date line kept as body ("（2021年1月12日）") gives the date if nothing did."""
    dropped, ks = page.dropped, page.ks
    cands: list[_Candidate] = []
    split = _split_title(page)
    for i in range(page.body_start):
        if i in dropped or not ks[i]:
            continue
        s = ks[i]
        if split and i in split:
            cands.append(_title_parts(page.lines[i], i))
        elif page.crumbs and s == page.crumbs[-1] and len(page.crumbs) >= 2 and len(s) <= 12:
            dropped[i] = "section-label"
        elif page.source and s == key(page.source):
            dropped[i] = "site-name"
        elif s.lower() in NAV_WORDS:
            dropped[i] = "nav-bar"
        elif _COLUMN.fullmatch(s):
            dropped[i] = "section-label"  # "工作动态", "新闻公报"
        elif (m := re.fullmatch(r"(.{2,24}?)\s*[·•|｜]\s*[\u4e00-\u9fff]{2,12}", s)) and _org_like(m.group(1)):
            dropped[i] = "site-name"  # "中关村科学城管委会 · 创新政策速递": an organisation and its column
            page.site_name = page.site_name or strip_line(page.lines[i])
        elif s.endswith("文件") and _org_like(s[:-2].strip()):
            dropped[i] = "site-name"  # an official document's masthead: "科技部办公厅文件"
        elif (m := _SITE_COLUMN.fullmatch(s)) and _org_like(m.group(1).strip()):
            dropped[i] = "site-name"  # "香港特别行政区政府 新闻公报", "香港特别行政区政府新闻公报"
            page.site_name = page.site_name or strip_line(page.lines[i])
        else:
            m = _TITLE_FIELD.match(s)
            cands.append(_title_parts(m.group(1) if m else page.lines[i], i))
    page.date = page.date or next((_parse_date(ks[c.index]) for c in cands if _is_own_date(ks[c.index])), "")

    meta_title = strip_line(page.doc.meta.title)
    if split:
        # A title the dump split over two lines, whole on another line ("<title>"):
        # "《…若干措施》" / "政策解读" and "《…若干措施》政策解读 | 浙江省经济和信息化厅".
        a, b = split
        page.title = strip_line(page.lines[a]) + strip_line(page.lines[b])
        page.title_lines = {a, b} | {c.index for c in cands if _holds_title(ks[c.index], key(page.title))}
    elif meta_title and _title_like(key(meta_title)):
        page.title = meta_title
        page.title_lines = {c.index for c in cands if _holds_title(ks[c.index], key(meta_title))}
    else:
        shown = [line if i not in dropped else "" for i, line in enumerate(page.lines)]
        nav = [i for i in range(page.body_start) if dropped.get(i) in _NAVIGATION]
        page.title, page.title_lines = _choose_title(cands, shown, page.meta_line, max(nav, default=-1))
        page.title = page.title or meta_title
        # Every other header line that holds it ("站名 - 栏目 - 标题" as well as "标题_站名").
        page.title_lines |= {c.index for c in cands if page.title and _holds_title(ks[c.index], key(page.title))}
    # "李晓东：科研评价改革的…" with "李晓东" on a line of its own: the author, not the title.
    m = re.match(r"^([\u4e00-\u9fff·]{2,4})\s*[:：]\s*(\S.{5,})$", page.title)
    if m:
        alone = [i for i in range(page.body_start) if ks[i] == key(m.group(1)) and i not in dropped]
        if alone:
            page.title = m.group(2)
            for i in alone:
                dropped[i] = "byline"
    # Lines above the title (the <title> aside) are the page's furniture, as are lines above
    # the article's breadcrumb or metadata line when the title is not in the text.
    markers = [i for i in range(page.body_start) if dropped.get(i) in ("breadcrumb", "metadata-line")]
    first_title = min((i for i in page.title_lines if page.numbers[i] != 0), default=max(markers, default=-1))
    has_nav = any(dropped.get(i) in _NAVIGATION for i in range(page.body_start))
    sites = {key(c.site) for c in cands if c.site}
    for c in cands:
        s = ks[c.index]
        if c.index in page.title_lines:
            dropped[c.index] = "title"
            page.site_source = page.site_source or c.tag or c.site
            page.site_name = page.site_name or c.site
        elif s in sites or (c.index < first_title and _org_like(s)):
            dropped[c.index] = "site-name"
            page.site_name = page.site_name or strip_line(page.lines[c.index])
        elif page.doc.meta.format == "html" and page.numbers[c.index] == 0:
            dropped[c.index] = "site-name"  # a <title> that is not the document's title
        elif c.index < first_title and has_nav and len(s) <= 10 and not re.search(r"[。，,；;：:！？]", s):
            dropped[c.index] = "nav-bar"  # a menu item the nav-word list does not know
    _between_titles(page)
    _date_below_title(page)


def _date_below_title(page: _Page) -> None:
    """A bare date just below the title ("2023年11月3日") is the page's date stamp; a date in
    brackets there is the document's own ("（2021年1月12日）", a speech's date) and stays."""
    if not page.title_lines:
        return
    after = max(page.title_lines)
    nxt = next((i for i in range(after + 1, page.body_start) if page.ks[i] and i not in page.dropped), None)
    if nxt is None or not any(page.ks[i] and i not in page.dropped for i in range(nxt + 1, len(page.lines))):
        return  # nothing after it: the document's own date line, as a signature's
    s = page.ks[nxt]
    if (_DATE_ONLY.match(s) or _CN_DATE.fullmatch(s)) and not s.startswith(("(", "（", "[", "【")):
        page.dropped[nxt] = "date-line"
        page.date = page.date or _parse_date(s)


_NAVIGATION = ("nav-bar", "breadcrumb", "link-farm", "language-switch", "search-box", "accessibility")
_BELOW_TITLE = ("metadata-line", "view-counter", "counters", "date-line", "window-control", "share", "font-size")


def _split_title(page: _Page) -> tuple[int, int] | None:
    """Two adjacent header lines that together are the title part of another header line."""
    shown = [i for i in range(page.body_start) if page.ks[i] and i not in page.dropped]
    whole = {_tkey(_title_parts(page.lines[i]).title) for i in shown}
    for a, b in pairwise(shown):
        joined = _tkey(page.ks[a] + page.ks[b])
        adjacent = not any(page.ks[j] for j in range(a + 1, b))  # only blank lines between
        if adjacent and joined in whole and len(joined) >= 8 and _title_like(page.ks[a] + page.ks[b]):
            return a, b
    return None


def _between_titles(page: _Page) -> None:
    """Header lines that are the page's furniture: lines between two copies of the title
    (the ``<title>`` line of a dump and the article's heading), and a short name between the
    title and the metadata lines (the author's or the account's)."""
    dropped, ks = page.dropped, page.ks
    copies = sorted(i for i in page.title_lines if page.numbers[i] != 0)
    if len(copies) >= 2:
        for i in range(copies[0] + 1, copies[-1]):
            if i not in dropped and ks[i] and i not in page.title_lines:
                dropped[i] = "furniture"
    # A text dump's article starts with its title: short lines above it are the site's
    # ("欢迎访问…", a slogan, a column name), when the title is sure (repeated, or next to
    # the metadata line).
    sure = len(copies) >= 2 or (page.meta_line is not None and copies and copies[-1] < page.meta_line)
    if page.doc.meta.format == "text" and copies and sure:
        for i in range(copies[0]):
            if i not in dropped and ks[i] and len(ks[i]) <= 40 and not any(c in ks[i] for c in "。！？"):
                dropped[i] = "furniture"
    # One or two short lines (a name, the author's one-line bio) below the title, just above
    # the metadata or counters.
    shown = [i for i in range(page.body_start) if ks[i]]
    first = min(page.title_lines, default=page.body_start)

    def short(j: int) -> bool:
        return (
            j > first
            and j not in dropped
            and len(ks[j]) <= 24
            and not re.search(r"[\d。，,；;：:！？、（）()—《》]", ks[j])
        )

    for k in range(len(shown) - 1):
        i, nxt = shown[k], shown[k + 1]
        if not short(i) or dropped.get(nxt) not in _BELOW_TITLE:
            continue
        run = [shown[k - 1], i] if k > 0 and short(shown[k - 1]) else [i]
        for j in run:
            dropped[j] = "byline"
        name = strip_line(page.lines[run[0]])
        if len(name) >= 5 or _org_like(key(name)):  # an account or outlet, not a reporter's name
            page.account = page.account or _account(name)


def _body_rules(page: _Page) -> None:
    """Rules in the body; after a trailer-starting rule, short lines and edge rules too."""
    in_trailer = False
    abstract = any(re.match(r"^(摘\s*要|内容摘要|内容提要)\s*[:：]", s) for s in page.ks)
    # A printed document (it has page numbers) repeats its letterhead on every page.
    printed = any(r is not None and r.name == "page-number" for r in page.rules)
    letterhead = {page.ks[i]: rule for i, rule in page.dropped.items() if rule in ("site-name", "furniture")}
    for i in range(page.body_start, len(page.lines)):
        rule, s = page.rules[i], page.ks[i]
        if not s:
            continue
        if rule is not None and rule.name == "tag-line" and abstract:
            continue  # a paper's keywords ("摘要：…" / "关键词：…") are part of its abstract
        if rule is not None and rule.name == "attachment-link" and _names_attachment(page, i):
            continue  # the document's own "附件：名单.xlsx", not a download list
        if page.title and _tkey(s) == _tkey(page.title) and not in_trailer:
            page.dropped[i] = "title"  # a printed report's running header, repeated on every page
        elif printed and s in letterhead and not in_trailer:
            page.dropped[i] = letterhead[s]
        elif rule is not None and (rule.scope == "anywhere" or (rule.scope == "edge" and in_trailer)):
            page.dropped[i] = rule.name
            in_trailer = in_trailer or rule.starts_trailer
        elif in_trailer and len(s) <= 80 and "。" not in s and not _ends_trailer(s):
            page.dropped[i] = "trailer"
        elif in_trailer:
            in_trailer = False


def _names_attachment(page: _Page, i: int) -> bool:
    """Is line ``i`` ("附件：X.xlsx") the document naming its attachment: no file size, and not
    under a download list's header or another download link?"""
    s = page.ks[i]
    if not re.match(r"^附件\s*\d*\s*[:：]", s) or re.search(r"\d\s*(k|m|g)?b\s*[)）\]]$", s, re.IGNORECASE):
        return False
    above = next((j for j in range(i - 1, page.body_start - 1, -1) if page.ks[j]), None)
    return above is None or page.dropped.get(above) != "attachment-link"


def _footer_block(page: _Page) -> None:
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
            page.dropped[i] = rule.name
        else:
            break


_COPYRIGHT = re.compile(
    r"版权所有\s*[:：©]?\s*(?:©\s*)?(?:\d{4}\s*(?:[-—~]\s*\d{4})?\s*)?([\u4e00-\u9fff（）()]{3,30})|"
    r"©\s*(?:\d{4}\s*(?:[-—~]\s*\d{4})?\s*)?([\u4e00-\u9fff（）()]{3,30})\s*版权所有"
)


def _copyright_holder(page: _Page) -> str:
    """The organisation a footer's "版权所有" names: the site's name when nothing else gives it."""
    lines = [page.lines[i] for i, rule in page.dropped.items() if rule in ("footer", "trailer")]
    lines += [d.text for d in page.doc.dropped]
    for line in lines:
        m = _COPYRIGHT.search(unicodedata.normalize("NFKC", line))
        if m and _org_like(key(name := m.group(1) or m.group(2))):
            return strip_line(name)
    return ""


def _in_contact_block(page: _Page, i: int) -> bool:
    """Is line ``i`` (a telephone, an address) part of the body's contact block: indented as
    the body's paragraphs are, or under a "联系人：" line?"""
    if page.lines[i].startswith("\u3000\u3000"):
        return True
    above = [j for j in range(i - 1, page.body_start - 1, -1) if page.ks[j] and j not in page.dropped][:3]
    return any(_CONTACT_HEAD.search(page.ks[j]) for j in above)


_CONTACT_HEAD = re.compile(r"联系人|联络人|联系方式|咨询电话|传媒查询|媒体联络|解读人|解读机关")


def _metadata_from_the_end(page: _Page) -> None:
    """Source and date still missing, in this order: a 来源 field after the body ("文章来源：X"),
    the account or "date name" strip under the title, the signature block, the title line's
    site part, a repost trailer's "更多来自 X 的", the site's own name; for the date, the
    signature, a press release's date after its end mark, a metadata line after the body, a
    date-and-time stamp."""
    if not page.source:
        for i, rule in sorted(page.dropped.items()):
            if rule == "metadata-line" and i >= page.body_start:
                page.source = _field_value(_SOURCE, page.lines[i], page.ks[i])
                if page.source:
                    break
    page.source = page.source or page.account or page.named_source
    kept = [i for i in range(len(page.lines)) if i not in page.dropped and page.ks[i]]
    sig_date, sig_org = _signature(kept, page.ks, page.lines)
    # An official document's issuing body (its signature) before the site's name.
    page.source = page.source or sig_org or page.site_source
    if not page.source:
        for i in sorted(page.dropped):
            m = re.search(r"更多来自\s*(.{1,20}?)\s*的", page.ks[i])
            if m:
                page.source = strip_line(_original_span(page.lines[i], m.group(1)))
                break
    page.date = page.date or sig_date
    page.site_name = page.site_name or strip_line(page.doc.meta.site) or _copyright_holder(page)
    page.source = page.source or page.site_name
    # A site's name with its English abbreviation: "中央社 CNA" → "中央社".
    page.source = re.sub(r"(?<=[\u4e00-\u9fff）)])\s+[A-Za-z][A-Za-z .&'-]*$", "", page.source)
    # A press release's date after its end mark ("完" / "2022年5月12日（星期四）").
    trailer = (i for i, rule in sorted(page.dropped.items()) if rule == "trailer" and _is_own_date(page.ks[i]))
    page.date = page.date or next((_parse_date(page.ks[i]) for i in trailer), "")
    # A date in a metadata line after the body ("发布于 2024-02-28 17:40・IP 属地北京"), else a stamp.
    after = (i for i, rule in sorted(page.dropped.items()) if rule == "metadata-line" and i >= page.body_start)
    page.date = page.date or next((d for i in after if (d := _parse_date(page.ks[i], roc=True))), "")
    page.date = page.date or page.stamp_date


def text_metadata(lines: list[str]) -> tuple[str, str]:
    """(publication date, source) that the metadata lines among ``lines`` give, for a page
    whose markup does not say: "发布日期：…" before "更新日期：…", "来源：…" before "发布机构：…"."""
    dates: list[tuple[int, int, str]] = []
    source = org = ""
    for n, (line, s) in enumerate(zip(lines, (_unmark(k) for k in keys(lines)), strict=True)):
        if not _is_metadata(s):
            continue
        if date := _parse_date(s, roc=True):
            dates.append((_date_rank(s), n, date))
        source = source or _field_value(_SOURCE, line, s)
        org = org or _field_value(_ORG_SOURCE, line, s)
    return min(dates, default=(0, 0, ""))[2], source or org


def _is_own_date(s: str) -> bool:
    """A line that is only a date, maybe in brackets: "2020年3月5日", "（二〇二〇年三月五日）"."""
    inner = re.sub(r"\s*[(（]\s*(星期|周)[一二三四五六日天]\s*[)）]$", "", s).strip("()（）[]【】 ")
    return len(inner) <= 20 and bool(_DATE_ONLY.match(inner) or _CN_DATE.fullmatch(inner))


def _ends_trailer(s: str) -> bool:
    """A short line after a trailer-starting rule that is body again: a top-level numbered
    heading, or the document's attachments ("附件：…")."""
    return _numbering(s) in ("cn-dun", "cn-paren", "cn-chapter") or s.startswith("附件")


_NOT_A_SOURCE = _words(
    "本站原创 原创 本站 本网 本网原创 网络 互联网 网络整理 综合 综合整理 未知 佚名 网友投稿 admin 管理员 转载 转帖 "
    "网络转载 其他 其它"
)


def _field_value(rx: re.Pattern[str], line: str, s: str) -> str:
    """A metadata field's value in the original text; "" when empty, a date, or no
    organisation ("来源：本站原创")."""
    m = rx.search(s)
    found = (m.group(1) or m.group(2) or "").strip() if m else ""
    if not found or found.lower() in _NOT_A_SOURCE:
        return ""
    value = strip_line(_original_span(line, found))
    # Not a date, not a sentence ("作者授权爱思想发布，转载请注明出处").
    return "" if _DATE.search(value) or len(value) > 40 or re.search(r"[，,。；;]", value) else value


def _signature(kept: list[int], ks: list[str], lines: list[str]) -> tuple[str, str]:
    """(date, issuing body) of a signature block among the last kept lines, or empty strings."""
    tail = kept[-4:]
    for pos, i in enumerate(tail):
        s = ks[i]
        if _is_own_date(s):
            date = _parse_date(s)
            org = ""
            if pos > 0 and _org_like(ks[tail[pos - 1]]):
                org = strip_line(lines[tail[pos - 1]])
            return date, org
    return "", ""


def _original_span(line: str, simplified: str) -> str:
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


def _parse_date(s: str, roc: bool = False) -> str:
    """The first date in ``s`` as ISO 8601; ``roc``: a 2–3 digit year is a Minguo year."""
    m = _DATE.search(s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    elif (m := _EN_DATE.search(s)) is not None:
        day, mon, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        y, mo, d = int(year), _MONTHS[mon[:3].lower()], int(day)
    elif (m := _CN_DATE.search(s)) is not None:
        y = int("".join(str(_CN_DIGITS.get(c, 0)) for c in m.group(1)))
        mo, d = _cn_number(m.group(2)), _cn_number(m.group(3))
    elif (roc or "民国" in s) and (m := _ROC_DATE.search(s)) is not None:
        y, mo, d = (int(g) for g in m.groups())
        y += 1911
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


_CLOSERS = "。，、；：！？）」』”’》〉】,;:)"
_TERMINAL = "。！？；：!?;:…”’」』）)》"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


_MEASURES: tuple[tuple[Callable[[str], int], int], ...] = ((_width, 30), (len, 15))


def _wrap_width(items: list[tuple[int, str, str]]) -> tuple[Callable[[str], int], int] | None:
    """How a dump was hard-wrapped: (measure, width) with ``measure`` display columns or
    characters, or None when it was not. Wrapped lines are ``width`` or ``width - 1`` wide
    (a wide character does not fit the last column); at least three must be. The measure
    that explains more lines wins."""
    best: tuple[int, Callable[[str], int], int] | None = None
    for measure, minimum in _MEASURES:
        widths: dict[int, int] = {}
        for (n, raw, _), (n2, _, _) in pairwise(items):
            text = strip_line(raw)
            if n2 == n + 1 and not text.endswith(tuple(_TERMINAL)) and measure(text) >= minimum:
                w = measure(text)
                widths[w] = widths.get(w, 0) + 1
        if widths:
            width = max(widths, key=lambda w: (widths[w] + widths.get(w - 1, 0), w))
            count = widths[width] + widths.get(width - 1, 0)
            if count >= 3 and (best is None or count > best[0]):
                best = (count, measure, width)
    return (best[1], best[2]) if best else None


def _structure(items: list[tuple[int, str, str]], page_break: dict[int, bool] | None = None) -> list[Block]:
    """Body blocks from (line number, text, key) of the kept lines. ``page_break``: line
    number → True for a printed page's number and running header, False for a blank line; a
    paragraph may go on across lines that are all of them, with at least one True."""
    # Heading levels follow the order of numbering schemes used as headings in this
    # document, so levels have no gaps (一、 and 1. only → levels 2 and 3).
    breaks = page_break or {}
    wrap = _wrap_width(items)
    kinds: list[str | None] = []
    for k, (number, raw, s) in enumerate(items):
        n = _numbering(s)
        # A numbered line that fills a hard-wrapped dump's width goes on in the next line: a
        # paragraph ("1.全面推行科技业务…中小企" / "业评价等18项…"), not a heading.
        wrapped = (
            wrap is not None
            and k + 1 < len(items)
            and _adjacent(number, items[k + 1][0], breaks)
            and _numbering(items[k + 1][2]) is None
            and wrap[0](strip_line(raw)) >= wrap[1] - 1
            # the next line ends the sentence or is wrapped too (not a stray fragment)
            and wrap[0](strip_line(items[k + 1][1])) <= wrap[1]  # a wrapped line, not a long one
            and (
                strip_line(items[k + 1][1]).endswith(tuple(_SENTENCE_END))
                or wrap[0](strip_line(items[k + 1][1])) >= wrap[1] - 1
            )
        )
        kinds.append(n if n is not None and _is_heading_line(s) and not wrapped else None)
    # Runs of two or more short numbered lines of one scheme, with nothing between them, are
    # a list (工作要点 1. 2. 3.), not headings; so are numbered lines under "附件：".
    listed = [False] * len(items)
    for i, kind in enumerate(kinds):
        if kind is None:
            continue
        prev_same = i > 0 and kinds[i - 1] == kind
        next_same = i + 1 < len(items) and kinds[i + 1] == kind
        after_attachment = i > 0 and (items[i - 1][2].startswith("附件") or listed[i - 1])
        if prev_same or next_same or (after_attachment and kind in ("arabic-dot", "arabic-paren")):
            listed[i] = True
    order = [name for name, _ in NUMBERING if any(k == name and not listed[i] for i, k in enumerate(kinds))]
    level_of = {name: 2 + i for i, name in enumerate(order)}

    blocks: list[Block] = []
    prev_number, prev_raw = -10, ""
    for (number, raw, s), kind, is_list in zip(items, kinds, listed, strict=True):
        text = strip_line(raw)
        adjacent, prev_number = _adjacent(prev_number, number, breaks), number
        prev_raw, last_raw = text, prev_raw
        prev = blocks[-1] if blocks else None
        if kind is not None and not is_list:
            blocks.append(Block(kind="heading", text=text, level=level_of[kind], lines=(number,)))
            continue
        if is_list or _CIRCLED.match(text):
            blocks.append(Block(kind="list_item", text=_unmark(text), lines=(number,)))
            continue
        if _LIST_MARK.match(text) and len(text) > 2:
            blocks.append(Block(kind="list_item", text=_LIST_MARK.sub("", text, count=1), lines=(number,)))
            continue
        if prev is not None and prev.kind == "paragraph" and _continues(prev.text, last_raw, text, adjacent, wrap, s):
            blocks[-1] = replace(prev, text=prev.text + text, lines=(*prev.lines, number))
            continue
        blocks.append(Block(kind="paragraph", text=text, lines=(number,)))
    return blocks


def _adjacent(prev: int, number: int, breaks: dict[int, bool]) -> bool:
    """Line ``number`` follows line ``prev``, maybe across a printed page's break."""
    between = range(prev + 1, number)
    return number == prev + 1 or (all(n in breaks for n in between) and any(breaks[n] for n in between))


def _continues(
    prev: str, prev_raw: str, text: str, adjacent: bool, wrap: tuple[Callable[[str], int], int] | None, s: str
) -> bool:
    """Is ``text`` the rest of paragraph ``prev`` (whose last line was ``prev_raw``), broken
    by the dump mid-sentence?"""
    if prev.endswith(("，", ",", "、")):
        return True  # broken after a comma
    if text[:1] in _CLOSERS:
        return True  # a line cannot start with a closing mark
    if not adjacent or wrap is None or prev_raw.endswith(tuple(_TERMINAL)) or _numbering(s) is not None:
        return False
    measure, width = wrap
    return measure(prev_raw) >= width - 1  # hard-wrapped: the previous line filled the width
