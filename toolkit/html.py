"""HTML pages to text lines (stdlib parser), so HTML goes through the same line rules as text.

Block-level elements end a line; ``script``/``style``/``noscript``/``template`` content is
never text. The ``<title>`` and date ``<meta>`` tags become metadata candidates.
Main-content extraction with trafilatura is issue #3; this reader keeps every visible line
and lets the cleaner's rules decide.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
    "dd", "dt", "dl", "hr", "title", "form", "figure", "figcaption", "td", "th",
}  # fmt: skip
_HIDDEN = {"script", "style", "noscript", "template", "head"}
_DATE_META = {"pubdate", "publishdate", "article:published_time", "date", "dc.date", "publish_date"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden = 0
        self.in_title = False
        self.title = ""
        self.date = ""

    def _flush(self) -> None:
        text = re.sub(r"[ \t\r\n]+", " ", "".join(self.current)).strip()
        if text:
            self.lines.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("name") or a.get("property") or "").lower()
            if key in _DATE_META and not self.date:
                self.date = a.get("content", "")
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.hidden:
            self.current.append(data)


def html_to_lines(text: str) -> tuple[list[str], dict[str, str]]:
    """Visible text lines of an HTML page, and metadata candidates (``title``, ``date``)."""
    parser = _Extractor()
    parser.feed(text)
    parser.close()
    parser._flush()
    meta: dict[str, str] = {}
    lines = parser.lines
    title = re.sub(r"\s+", " ", parser.title).strip()
    if title:
        # The <title> is a title candidate like any header line: put it first.
        lines = [title, *lines]
    if parser.date:
        meta["date"] = parser.date
    return lines, meta
