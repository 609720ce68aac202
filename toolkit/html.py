"""HTML pages to text lines, with trafilatura deciding which lines are the main text.

Two readings of the page are combined:

* a stdlib ``HTMLParser`` pass gives every **visible line**, with its original text (block
  elements end a line, a table row is one line with its cells separated by U+3000,
  ``script``/``style``/``noscript``/``template`` are never text), plus the page's metadata
  candidates: ``<title>``, ``<h1>``, and the ``<meta>`` tags Chinese CMSs write
  (``ArticleTitle``, ``PubDate``, ``ContentSource``, ``SiteName``) or Open Graph ones;
* **trafilatura** extracts the main text. Its lines are aligned back onto the visible lines
  (ignoring whitespace), and visible lines outside its main text are reported as dropped by
  the rule ``not-main-content`` so that ``toolkit clean --explain`` lists them too.

The kept lines then go through the same line rules as a text dump. When trafilatura finds
no main text, every visible line is kept and the rules decide alone. When trafilatura cannot be
imported (a broken install), that is an :class:`~toolkit.errors.InstallError`, never a silent
fallback.

Time stays linear in the page's size (the stdlib parser's quadratic end-of-input handling of
an unclosed ``<!--`` or ``<a`` is bypassed): trafilatura's extraction grows with the square of the
element count, so a page of more than :data:`MAX_EXTRACT_ELEMENTS` elements is not given to
it (every visible line goes to the rules, and ``--explain`` says why under the rule
:data:`TOO_LARGE`); the alignment (:mod:`toolkit.htmlalign`) uses difflib only while the pairs
of equal lines it would weigh stay few, and a linear in-order match beyond.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from .errors import InstallError
from .files import split_lines
from .htmlalign import align
from .htmlhead import below_heading, head_end, headline_above, layout_headline
from .htmlmarks import Marks, line_numbers, marked_lines
from .htmlnotes import references_after
from .htmltemplate import Elements, body_lines
from .htmltitle import HOME_PATH, home_link, link_path, page_title_of, title_parts
from .linklists import around_article, article_head, date_below, date_box, link_lines
from .textmeta import (
    date_beside,
    note_date,
    parse_date,
    printed,
    published_field,
    stamp_day,
    text_metadata,
    zone_shifted,
)

NOT_MAIN = "not-main-content"
"""The rule name for visible lines trafilatura left out of the main text."""
TOO_LARGE = "page-too-large-for-extraction"
"""The rule name under which ``--explain`` says that a page was too large for trafilatura."""
LINE_NUMBERS = "code-line-numbers"
"""The rule name for a code block's line numbers (:func:`line_numbers`)."""
MAX_EXTRACT_ATTRIBUTES = 50_000
"""Pages with more attributes skip trafilatura too (lxml, htmldate and jusText slow down with
the square of one element's attributes: 40,000 on one <p> took 57 s); ordinary pages have a
few thousand."""
MAX_ELEMENT_ATTRIBUTES = 1_000
"""Nor is a page with an element of more attributes than this (real ones have a dozen)."""
MAX_EXTRACT_ELEMENTS = 20_000
"""Pages with more elements skip trafilatura (whose time grows with their square: 40,000
elements took twice as long per element as 20,000) and keep every visible line for the rules.
Real article pages have a few hundred to a few thousand."""
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
    "dd", "dt", "dl", "hr", "form", "figure", "figcaption", "tbody", "thead", "tfoot",
    "center", "address", "caption", "option", "select", "textarea", "button", "iframe",
}  # fmt: skip
_CELL = {"td", "th"}
_HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "object"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SITE_META = ("og:site_name", "sitename", "application-name")
_SITE_CLASSES = {"sitename", "site-name", "site_name", "sitetitle", "site-title", "site_title", "logo-text", "logotext"}
_TITLE_META = ("articletitle", "og:title", "twitter:title", "dc.title", "title")
_DATE_META = (
    "pubdate", "publishdate", "publish_date", "article:published_time", "og:release_date",
    "dc.date", "dc.date.issued", "dcterms.issued", "date", "firstpublishedtime", "publishdate",
)  # fmt: skip
_SOURCE_META = ("contentsource", "source", "og:article:source", "mediaid")
# Elements naming the publishing account: WeChat official-account articles (mp.weixin.qq.com).
_PUBLISHER_IDS = {"js_name"}
_PUBLISHER_CLASSES = {"profile_nickname", "rich_media_meta_nickname"}
_CODE_BOX = re.compile(
    r"(?:^|\s)(?:highlight\w*|hljs|code|codehilite|syntaxhighlighter|prettyprint|sourceCode|language-[a-z]+|"
    r"code[-_]\w+|\w+[-_]code)(?:\s|$)"
)
"""A box's class that says it holds code, as a whole class ("highlight", "cnblogs_code",
"code-snippet__fix"), not inside another word ("lang-cn", "qrcode")."""
_CODE_CLASS = re.compile(r"lang|highlight|hljs|code|brush|prettyprint|syntax", re.IGNORECASE)
_ASCII_WS = re.compile(r"[ \t\r\n\f\v]+")
"""Markup whitespace; a title's full-width spaces (U+3000) are the author's and stay."""
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff]+")


@dataclass(slots=True)
class HtmlPage:
    """The visible lines of a page and what it says about itself."""

    title: str = ""
    """The ``<title>``: a header line like any other, from which the cleaner reads the title
    and the site name ("标题_站点名")."""
    lines: list[str] = field(default_factory=list)
    """Every visible line, in order."""
    main: list[bool] = field(default_factory=list)
    """Per line: part of the main text."""
    meta: dict[str, str] = field(default_factory=dict)
    """``title``, ``date`` and ``source`` found in the page's markup, when present."""
    skipped: str = ""
    """Why trafilatura was not asked for the main text (rule :data:`TOO_LARGE`), or ``""``."""
    why: dict[int, str] = field(default_factory=dict)
    """Line index → the rule that left a line out of the main text, where it is not
    :data:`NOT_MAIN` (a list of links: :data:`~toolkit.linklists.LINK_LIST`)."""
    pre: dict[int, bool] = field(default_factory=dict)
    """Line index → is it code, for the lines of preformatted text (``<pre>``: code, an ASCII
    table, a notice printed as it was typed), one a line as the page breaks it."""


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden: list[str] = []
        self.in_title = False
        self.title = ""
        self.heading: str | None = None
        self.headings: list[tuple[str, str, int]] = []
        """``<h1>``…``<h3>``: tag, text, and the index of the line it starts."""
        self.heading_text: list[str] = []
        self.meta: dict[str, str] = {}
        self.publisher = ""
        """The publishing account's name, where the page marks it (WeChat articles)."""
        self.publisher_tag: str | None = None
        self.site_name = ""
        self.site_tag: str | None = None
        self.site_text: list[str] = []
        self.homes: list[tuple[str, str, bool]] = []
        """Links that may go to a home page: their texts, hrefs, and whether each is the page's
        first heading (a logo's ``<h1>``) (:attr:`home_names`)."""
        self.paths: set[str] = set()
        """Every link's path (:func:`~toolkit.htmltitle.link_path`)."""
        self.times: list[tuple[int, str]] = []
        """The line and the ``datetime`` of each ``<time datetime="…">``."""
        self.home_text: list[str] | None = None
        self.home_href = ""
        self.home_top = False
        self.publisher_text: list[str] = []
        self.items: set[int] = set()
        """Indexes of lines that are list items (``<li>``)."""
        self.lists = 0
        self.item_list: dict[int, int] = {}
        """Each list item's list (a count of the ``<ul>`` and ``<ol>`` opened before it)."""
        self.anchors = 0
        """Depth of open ``<a>`` elements."""
        self.link_chars: list[int] = []
        """Per line: how many of its non-space characters are link text (inside ``<a>``)."""
        self.linked = 0
        """Non-space characters of link text in ``current``."""
        self.link_counts: list[int] = []
        """Per line: how many links with text it holds."""
        self.links = 0
        """Links with text in ``current``; ``link_open``: the open link has had text."""
        self.link_open = False
        self.pre: list[bool] = []
        """Open ``<pre>`` elements, each True when it holds code (a ``<code>``, a highlighter's
        class, a code box around it); in every ``<pre>`` a line break ends a line."""
        self.preformatted = self.code = False
        """The current line has text inside a ``<pre>``, inside one that is code."""
        self.pre_lines: dict[int, bool] = {}
        """Line index → is it code, for the lines of a ``<pre>``."""
        self.code_ended = False
        """The last tag closed a ``<code>`` inside a ``<pre>``."""
        self.code_boxes = Elements(_code_box)
        """The boxes a highlighter or an editor puts code in, open now."""
        self.in_item = False
        self.elements = 0
        """Start tags seen."""
        self.attributes = 0
        """Attributes seen, on all start tags."""
        self.widest = 0
        """The most attributes on one element."""
        self.has_text = False
        """Whether ``current`` holds more than whitespace (kept as a flag: joining ``current``
        at every cell would take quadratic time on a row of many cells)."""
        self.marks, self.closed = Marks(), False
        self.math = 0
        """Open ``<math>`` elements (MathML, where "<![CDATA[…]]>" is text, as in SVG)."""
        """Hidden lines, captions, pictures and glued links (:mod:`.htmlmarks`)."""

    def _flush(self) -> None:
        parts = self.marks.split(self.current)
        at, tail = self._emit("".join(self.current) if parts is None else parts[0]), None
        if parts is not None and at is not None:  # a link glued to the paragraph: a line of its own
            n = len(_WS.sub("", parts[1]))
            self.link_chars[-1], self.link_counts[-1] = max(0, self.linked - n), max(0, self.links - 1)
            self.linked, self.links = n, 1
            tail = self._emit(parts[1])
        if at is not None and self.preformatted:
            self.pre_lines[at] = self.code
        self.preformatted = self.code = False
        self.marks.flushed(at, tail)
        self.linked = self.links = 0
        self.link_open = False
        self.current = []
        self.has_text = False

    def _emit(self, text: str) -> int | None:
        text = text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
        # A byte-order mark or zero-width space at a line's edge is no text (a CMS's headline
        # "\ufeff鐵人賽…" would not equal its title).
        text = re.sub(r" {2,}", " ", text).strip(" \u3000\u00a0\ufeff\u200b")
        if not text:
            return None
        if self.in_item:
            self.items.add(len(self.lines))
            self.item_list[len(self.lines)] = self.lists
            self.in_item = False
        self.lines.append(text)
        self.link_chars.append(self.linked)
        self.link_counts.append(self.links)
        return len(self.lines) - 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements += 1
        self.attributes += len(attrs)
        self.widest = max(self.widest, len(attrs))
        if tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            name = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if name and a.get("content", "").strip() and name not in self.meta:
                self.meta[name] = a["content"].strip()
            return
        if tag == "title" and not self.title:
            self.in_title = True
            return
        if tag == "img" and not self.hidden:
            self.marks.image(self.has_text, len(self.lines))
        if tag in _VOID and tag != "br":
            return
        if tag in _HIDDEN and tag != "head":
            self.hidden.append(tag)
            return
        if not self.hidden:
            named = {k: v or "" for k, v in attrs}
            self.marks.start(tag, named, self.closed)
            self.code_boxes.start(tag, named, self.closed)
            self.math += tag == "math" and not self.closed
        if tag == "time" and not self.hidden and (stamp := dict(attrs).get("datetime")):
            self.times.append((len(self.lines), stamp))
        if tag == "pre" and not self.hidden:
            # code: a code class on the <pre>, or on a box around it (博客园's "cnblogs_code")
            self.pre.append(
                _CODE_CLASS.search(dict(attrs).get("class") or "") is not None or bool(self.code_boxes.open)
            )
        elif tag == "code" and self.pre:
            self.pre[-1] = True
            if self.has_text and self.code_ended:  # one <code> a line, no newline between (WeChat)
                self._flush()
        if tag == "a" and not self.hidden:
            self.anchors += 1
            href = dict(attrs).get("href") or ""
            if (path := link_path(href)) is not None:
                self.paths.add(path)
            self.home_text = [] if path is not None and HOME_PATH.fullmatch(path) else None
            self.home_href = href
            self.home_top = self.heading == "h1" and not self.headings
            self.link_open = False
            self.marks.link_at = [len(self.current), -1]
        if tag in ("h1", "h2", "h3") and not self.hidden:
            self._flush()
            self.heading, self.heading_text = tag, []
        a = {k: v or "" for k, v in attrs}
        if a.get("id") in _PUBLISHER_IDS or _PUBLISHER_CLASSES & set((a.get("class") or "").split()):
            self.publisher_tag, self.publisher_text = tag, []
        if not self.site_name and (a.get("id") in _SITE_CLASSES or _SITE_CLASSES & set((a.get("class") or "").split())):
            self.site_tag, self.site_text = tag, []
        if tag in _CELL:
            if self.has_text:
                self.current.append("\u3000")
        elif tag in _BLOCK:
            self._flush()
            if tag == "li":
                self.in_item = True
            elif tag in ("ul", "ol"):
                self.lists += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.elements += 1
            self._flush()
        elif tag not in _HIDDEN:
            self.closed = True
            self.handle_starttag(tag, attrs)
            self.closed = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if self.hidden:
            if tag == self.hidden[-1]:
                self.hidden.pop()
            return
        self.marks.end(tag)
        self.code_boxes.end(tag)
        self.code_ended = tag == "code" and bool(self.pre)
        if tag == "math":
            self.math = max(0, self.math - 1)
        if tag == "a":
            self.anchors = max(0, self.anchors - 1)
            if self.home_text and (name := _WS.sub(" ", "".join(self.home_text)).strip()):
                self.homes.append((name, self.home_href, self.home_top))
            self.home_text = None
            if self.marks.link_at[0] >= 0:
                self.marks.link_at[1] = len(self.current)
        if tag == "pre" and self.pre:
            self.pre.pop()
        if tag == self.publisher_tag:
            self.publisher = self.publisher or _WS.sub(" ", "".join(self.publisher_text)).strip()
            self.publisher_tag = None
        if tag == self.site_tag:
            self.site_name = _WS.sub(" ", "".join(self.site_text)).strip()
            self.site_tag = None
        if tag == self.heading:
            text = _ASCII_WS.sub(" ", "".join(self.heading_text)).strip(" \u3000\u00a0")
            if text:
                self.headings.append((tag, text, len(self.lines)))
            self.heading = None
        if tag in _CELL:
            self.current.append("\u3000")
        elif tag in _BLOCK:
            self._flush()
            if tag == "li":
                self.in_item = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.hidden and self.pre and "\n" in data and not self.heading:
            first, *rest = data.split("\n")
            self.handle_data(first)
            for part in rest:
                self._flush()
                self.handle_data(part)
        elif not self.hidden:
            self.current.append(data)
            self.has_text = self.has_text or not data.isspace()
            self.preformatted = self.preformatted or bool(self.pre)
            self.code = self.code or (bool(self.pre) and self.pre[-1])
            if not data.isspace():
                self.marks.text()
            if self.anchors and (n := len(_WS.sub("", data))):
                self.linked += n
                self.links += not self.link_open
                self.link_open = True
            if self.heading:
                self.heading_text.append(data)
            if self.home_text is not None:
                self.home_text.append(data)
            if self.publisher_tag:
                self.publisher_text.append(data)
            if self.site_tag:
                self.site_text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    @property
    def home_names(self) -> set[str]:
        """The texts of links to the site's or the blog's home ("好看的hk" → /hk/): names, no article's."""
        # (a folder that holds none of the page's links is a home still in the page's first <h1>:
        # a blog's name, "crifan.com" → blog.sina.com.cn/crifan2008)
        return {name for name, href, top in self.homes if home_link(href, self.paths, top)}

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """ "<![…" is a bogus comment that ends at the first ">", as HTML5 reads it outside SVG and
        MathML: the stdlib's SGML reading looks for "]>" and, on "<![endif]–>" (a conditional
        comment whose dashes a CMS turned into en dashes), swallowed the rest of a blog's page.
        Inside them, "<![CDATA[…]]>" is text ("x<![CDATA[>]]>5" reads "x>5")."""
        if (self.math or "svg" in self.hidden) and self.rawdata.startswith("<![CDATA[", i):
            end = self.rawdata.find("]]>", i + 9)
            if end >= 0:  # (unended, it is read as outside: a stray <math> never swallows the page)
                self.handle_data(self.rawdata[i + 9 : end])
                return end + 3
        return self.parse_bogus_comment(i, bool(report))


def _trafilatura() -> Any:
    """The trafilatura module; a broken install is an error, never a silent fallback."""
    try:
        import trafilatura
    except ImportError as exc:
        raise _install_error(exc) from None
    return trafilatura


def _install_error(exc: ImportError) -> InstallError:
    return InstallError(
        f"trafilatura cannot be used ({type(exc).__name__}: {exc}); HTML pages would be cleaned without "
        "main-text extraction",
        hint="pip install trafilatura lxml_html_clean, or reinstall the toolkit; `toolkit doctor` checks the install",
    )


def _main_text(html: str) -> tuple[list[str], str] | None:
    """trafilatura's main-text lines and its (markup-only) date, or None when it finds none."""
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    trafilatura = _trafilatura()
    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except ImportError as exc:  # a part trafilatura imports only when it needs it
        raise _install_error(exc) from None
    except Exception:  # a page trafilatura cannot parse is read without it
        return None
    if result is None or isinstance(result, dict):
        return None
    text = result.text or ""
    lines = [ln for ln in split_lines(text) if ln.strip()]
    if not lines:
        return None
    return lines, str(result.date or "")


def _fill_holes(main: list[bool], items: set[int] | frozenset[int] = frozenset(), widest: int = 6) -> list[bool]:
    """Lines between main-text lines are main text too (a heading in a ``<section>`` that
    trafilatura left out): runs of at most ``widest`` lines, or of list items (a list it
    left out), with main text on both sides. The cleaner's line rules still judge them."""
    out = list(main)
    i = 0
    while i < len(out):
        if out[i]:
            i += 1
            continue
        j = i
        while j < len(out) and not out[j]:
            j += 1
        if i > 0 and j < len(out) and (j - i <= widest or all(k in items for k in range(i, j))):
            out[i:j] = [True] * (j - i)
        i = j
    return out


def _code_box(tag: str, attrs: dict[str, str]) -> bool:
    """A box that holds a code block: a ``<div>`` (``<section>``, ``<figure>``, ``<td>``) with a
    code class ("cnblogs_code", "highlight", "code-snippet__fix")."""
    return tag in ("div", "section", "figure", "td") and _CODE_BOX.search(attrs.get("class", "")) is not None


_LD_DATE = re.compile(r'"(?:datePublished|pubDate)"\s*:\s*"(\d{4}-\d{1,2}-\d{1,2}[^"]{0,20})"')
"""The publication date in a JSON-LD block (schema.org's ``datePublished``, the ``pubDate``
Baidu's structured data asks Chinese sites for)."""
_LD_MAX = 100_000
"""The most characters of a JSON-LD block searched for its date."""


def _ld_date(html: str) -> str:
    """The first JSON-LD block's publication date, or "" (linear: each block is searched once,
    from its type attribute to its end, at most :data:`_LD_MAX` characters)."""
    at = html.find("application/ld+json")
    while at >= 0:
        start = html.find(">", at)
        if start < 0:
            return ""
        end = html.find("</script", start, start + _LD_MAX)
        if m := _LD_DATE.search(html, start, end if end >= 0 else start + _LD_MAX):
            return m.group(1)
        at = html.find("application/ld+json", start)
    return ""


def parse_html(html: str) -> HtmlPage:
    """Visible lines of an HTML page, which of them are main text, and its metadata."""
    parser = _Extractor()
    try:
        parser.feed(html)
        # What feed() leaves unparsed starting with "<" is a construct the page never closes
        # ("<!--", "<a …", "<![CDATA[" …). The close() of Pythons before 3.11.13 / 3.12.11 /
        # 3.13.4 re-scans it once per "<" in it (quadratic: 200 KB of "<!--" took 16 s); HTML5,
        # and the fixed close(), make the rest of the input that construct's invisible content.
        if parser.rawdata.startswith("<") and not parser.cdata_elem:
            parser.rawdata = ""
        parser.close()
    except (AssertionError, ValueError):  # malformed markup the stdlib parser gives up on
        parser._flush()
    visible = parser.lines
    skipped = ""
    if parser.elements > MAX_EXTRACT_ELEMENTS:
        skipped = (
            f"{parser.elements:,} elements, over {MAX_EXTRACT_ELEMENTS:,}: main-text extraction skipped,"
            " every visible line went to the line rules"
        )
    elif parser.attributes > MAX_EXTRACT_ATTRIBUTES or parser.widest > MAX_ELEMENT_ATTRIBUTES:
        skipped = (
            f"{parser.attributes:,} attributes (up to {parser.widest:,} on one element), over "
            f"{MAX_EXTRACT_ATTRIBUTES:,} (or {MAX_ELEMENT_ATTRIBUTES:,} on one): main-text extraction skipped,"
            " every visible line went to the line rules"
        )
    extracted = _main_text(html) if visible and not skipped else None
    linked = link_lines(visible, parser.link_chars)
    if extracted is None:
        main = [True] * len(visible)
        markup_date = ""
    else:
        main = _fill_holes(align(visible, extracted[0]), parser.items)
        for i in body_lines(visible, main, linked, parser.marks.body):  # what it left of the body container
            main[i] = True
        for i in references_after(visible, main, parser.item_list):  # and the article's references
            main[i] = True
        markup_date = extracted[1]
        if not any(main):
            main = [True] * len(visible)
    field_date, field_source = text_metadata(visible)

    meta: dict[str, str] = {}
    tags = parser.meta
    page_title = _ASCII_WS.sub(" ", parser.title).strip(" \u3000\u00a0")
    parts = title_parts(page_title)
    explicit = next((tags[k] for k in _TITLE_META if tags.get(k)), "")
    site = next((tags[k] for k in _SITE_META if tags.get(k)), "") or parser.site_name
    placed = layout_headline(visible, main, linked, parser.headings) if extracted is not None else ""
    homes = parser.home_names  # names a link to a home page says
    sites = [s for s in (site, *parts[1:], *homes) if s]
    title = page_title_of(explicit, page_title, parts, parser.headings, visible, main, placed, sites, linked, homes)
    if title and extracted is not None:
        main = headline_above(visible, below_heading(visible, main, title, linked, parser.pre_lines), title)
    code = frozenset(i for i, is_code in parser.pre_lines.items() if is_code)
    why, headline = around_article(
        parser.lines, parser.link_chars, parser.link_counts, parser.headings, main, title, code
    )
    for i in line_numbers(visible, parser.pre_lines, parser.item_list):  # a code block's gutter: "1" "2" "3" …
        main[i], why[i] = False, LINE_NUMBERS
    block = frozenset(article_head(visible, linked, headline))
    headlines = frozenset(at for tag, _, at in parser.headings if tag in ("h1", "h2"))
    for i, rule in marked_lines(visible, main, parser.marks, linked, block, headlines).items():  # furniture …
        if main[i]:
            main[i], why[i] = False, rule
    if title:
        meta["title"] = _ASCII_WS.sub(" ", title).strip(" \u3000\u00a0")
    # The date the page's head labels as its publication's ("发布日期：", the one its reader sees), the
    # markup's own, the page's other dated lines, then trafilatura's (it may pick "最后更新").
    head = head_end(visible, main, linked, headline, parser.headings)
    markup = next((tags[k] for k in _DATE_META if tags.get(k)), "") or _ld_date(html)
    date = published_field(visible[:head])
    shown = visible[headline or 0 : max(head, (headline or 0) + 1)]
    if not date and (day := parse_date(markup)) and not printed(day, visible, shown):
        # The markup's date is printed nowhere (a CMS's upload time): the day the head prints is the reader's,
        # labelled 成文日期 or 生成日期, or stamped under the headline as the markup's in another time zone.
        text = [line for i, line in enumerate(visible) if main[i] and i >= head]
        below = visible[headline + 1 : max(head, headline + 4)] if headline is not None else []
        near = zone_shifted(stamp_day(below), day)
        date = published_field(visible[:head], worst=3) or note_date(text) or near
    date = date or markup
    date = date or date_below(visible, headline) or date_beside(visible, headline, title) or field_date
    date = date or date_box(visible, main)
    # a <time datetime> just under the text (a blog theme's post date below the post; not an event's in
    # the text), three lines at most below it, links aside (a "相关阅读" list)
    end = max((i for i, m in enumerate(main) if m), default=len(main))
    date = date or next(
        (parse_date(t) for i, t in parser.times if end < i and sum(not linked[j] for j in range(end, i)) <= 3), ""
    )
    date = date or markup_date
    if date:
        meta["date"] = date
    source = next((tags[k] for k in _SOURCE_META if tags.get(k)), "") or field_source or parser.publisher
    source = re.sub(r"^(信息来源|稿件来源|文章来源|来源|來源)\s*[:：]\s*", "", source.strip())
    if source:
        meta["source"] = source
    site = site or (parts[-1] if len(parts) > 1 else "")
    if site and site != meta.get("title"):
        meta["site"] = _ASCII_WS.sub(" ", site).strip(" \u3000\u00a0")

    # List items keep a list mark, so that the cleaner keeps them as a list.
    lines = [
        f"• {line}"
        if i in parser.items and i not in parser.pre_lines and not line.startswith(("•", "·", "●"))
        else line
        for i, line in enumerate(visible)
    ]
    return HtmlPage(title=page_title, lines=lines, main=main, meta=meta, skipped=skipped, why=why, pre=parser.pre_lines)
