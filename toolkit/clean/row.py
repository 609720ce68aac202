"""A rule row's fields: the reason a line was dropped, and the role that drop plays for the
page passes (:class:`Rule`); the rows themselves are in :mod:`.rules`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass
from typing import Literal

Scope = Literal["anywhere", "header", "edge"]
DateRole = Literal["", "field", "line"]


def _by_place(s: str) -> bool:
    """The test of a page rule: never by a line's text alone."""
    return False


@dataclass(frozen=True, slots=True)
class Rule:
    """A row of the rule table: a reason to drop a line, and the role the drop plays for the
    page passes. The passes read these fields; none of them asks for a rule by its name."""

    name: str
    """Unique among all rows; what ``--explain`` and ``Document.dropped`` show."""
    test: Callable[[str], bool] = _by_place
    """Called with ``key(line)`` (list mark removed); a page rule's never matches."""
    _: KW_ONLY
    about: str = ""
    """What the rule drops, for a page rule (a line rule's examples are in
    ``tests/clean_rules/examples.yaml``)."""
    scope: Scope = "anywhere"
    """``anywhere``; ``header``: only before the body; ``edge``: in the header or the trailer
    (lines that are body inside a document, such as an address, but boilerplate in a footer)."""
    starts_trailer: bool = False
    """Once this rule fires after the body has begun, short lines after it are trailer."""
    navigation: bool = False
    """Part of the site's navigation: the title is below the last such line, and a short line
    above the title on a page that has one is a menu item."""
    opens_article: bool = False
    """Marks where the article starts (a breadcrumb, a metadata line): when the title is not
    in the text, header lines above the last such line are the page's furniture."""
    ends_list: bool = False
    """Ends a related-links list in the header (what follows is the article's header)."""
    lists_links: bool = False
    """Short lines after it in the header are the links it lists."""
    below_title: bool = False
    """Sits between the title and the body (metadata, counters, the page's tools): one or two
    short lines just above it are a byline."""
    gives_fields: bool = False
    """Its line holds metadata fields: the source (来源, 发布机构, an account beside the date)
    and, after the body, the date; the first such header line is the page's metadata line."""
    date: DateRole = ""
    """The date its header line gives: ``field``, ranked by the field's name (发布日期 before
    更新日期); ``line``, a date line (not a banner's "星期一")."""
    gives_crumbs: bool = False
    """The breadcrumb: its last part names the site section (a header line that says only
    that is a section label)."""
    footer: bool = False
    """Part of the page's footer: a 版权所有 in it names the site."""
    closing_date: bool = False
    """A date alone on such a line after the body is the page's date (a press release's date
    after its end mark)."""
    page_break: bool = False
    """A printed page's break (its number, the running title): a paragraph goes on across it."""
    letterhead: bool = False
    """The site's or a printed document's letterhead: repeated on each printed page, dropped
    again in the body, where it is a page break."""
    printed: bool = False
    """Only a printed document has it (a page number): its letterhead repeats on every page."""
    in_abstract: bool = False
    """Kept in a paper's abstract (its 关键词 under 摘要)."""
    attachment: bool = False
    """A download link: the document's own "附件：名单.xlsx" (no file size, not under a
    download list) stays."""
    left_out: bool = False
    """A line the reader left out of the main text (HTML): header metadata in it still counts."""
    ends_article: bool = False
    """After the body has begun, every line below it is another text (the other answers under
    a Q&A page's answer), dropped as trailer whatever its length."""
