"""The rows for the drops the HTML reader makes before the line rules see a page (``toolkit.html``,
``toolkit.linklists``, ``toolkit.htmlmarks``, ``toolkit.htmltemplate``): each is a line's place
or markup, never its text alone. :data:`~toolkit.clean.rules.PAGE_RULES` lists them with the
page passes' own rows, so that ``--explain`` names each and a row marked ``starts_trailer``
ends the article for the trailer's short lines, as a line rule would."""

from __future__ import annotations

from .row import Rule

NOT_MAIN_CONTENT = Rule("not-main-content", about="HTML outside the page's main text (trafilatura)", left_out=True)
LINK_LIST = Rule(
    "link-list",
    about="HTML: a list of links outside the article (recommended or related stories, a headline or hot list) with "
    "the teasers, sources and times between its links",
    starts_trailer=True,
)
ABOVE_HEADLINE = Rule(
    "above-headline",
    about="HTML: main-text lines above the article's headline (navigation, a sidebar, a cookie notice)",
    left_out=True,
)
MARKUP_TEXT = Rule("markup-text", about="HTML: markup shown as text (a widget's template in a <textarea>)")
HIDDEN_TEXT = Rule(
    "hidden-text",
    about="HTML: text its own markup hides (an inline display:none or visibility:hidden style, the hidden attribute, "
    'aria-hidden="true"): a share block\'s copy of the first paragraph',
)
IMAGE_CAPTION = Rule(
    "image-caption",
    about="HTML: a picture's caption: a short line marked as one (<figcaption>, class caption, pic-info, img-desc "
    "\u2026), or a short line beside a picture that ends in its credit (\u2026李尕 摄, \u2026（資料照）)",
)
TRAILING_LINK = Rule(
    "trailing-link",
    about="HTML: a link glued after a paragraph's last sentence: another story's headline in brackets, or a "
    "“返回\u2026，查看更多” back link",
)
TEMPLATE_FURNITURE = Rule(
    "template-furniture",
    about="HTML: a line inside an element the page's template names as navigation, a sidebar, related or "
    "recommended stories, comments, a share bar, a footer or an ad (<nav>, <aside>, <footer>, a class or id "
    "such as related-news, sidebar, xgxw), unless that element holds the article",
    starts_trailer=True,
)
AFTER_BODY_CONTAINER = Rule(
    "after-body-container",
    about="HTML: short lines after the element a CMS marks as the article's body (articleBody, caas-body, "
    "js_content …), which holds most of the paragraphs: a portal's story and hot lists",
    starts_trailer=True,
)
TABLE_OF_CONTENTS = Rule(
    "table-of-contents",
    about="HTML: a table of contents: three lines or more in a row, each a link to a place on the page "
    '(href="#…"), with its label (目录, 文章目录, Contents)',
)
CODE_LINE_NUMBERS = Rule(
    "code-line-numbers",
    about="HTML: the line numbers a highlighter prints beside a code block (1, 2, 3 … in a <pre> of their own)",
)
PAGE_TOO_LARGE = Rule(
    "page-too-large-for-extraction",
    about="a note at line 0: the page has too many elements for trafilatura, so the line rules decide alone",
)

HTML_ROWS: tuple[Rule, ...] = (
    NOT_MAIN_CONTENT,
    LINK_LIST,
    ABOVE_HEADLINE,
    MARKUP_TEXT,
    HIDDEN_TEXT,
    IMAGE_CAPTION,
    TRAILING_LINK,
    TABLE_OF_CONTENTS,
    TEMPLATE_FURNITURE,
    AFTER_BODY_CONTAINER,
    CODE_LINE_NUMBERS,
    PAGE_TOO_LARGE,
)
"""Every row of this module, in the order of the reader's passes."""
