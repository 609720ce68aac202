"""The clean stage's thresholds, named, in one place (as trafilatura keeps its in ``settings.py``).

Lengths are in characters of a line's key unless said otherwise. How long a line may be for
one rule row to match is part of that row (``pattern_test(…, max_len)`` in :mod:`.rules`).
"""

from __future__ import annotations

# --- header -----------------------------------------------------------------------------------

RELATED_LINK_MAX = 40
"""A line under a related-links list above the article is one of its links up to this long."""
STAMP_LINE_MAX = 80
"""A header line with a date and a time of day ("2023年08月03日 18:30") is a stamp up to this long."""
SECTION_LABEL_MAX = 12
"""A header line that repeats the breadcrumb's last part is the section's label up to this long."""
NAV_ITEM_MAX = 10
"""Above the title, on a page with navigation, a short line up to this long is a menu item."""
FURNITURE_LINE_MAX = 40
"""Above a sure title in a text dump, a line up to this long is the site's furniture."""
BYLINE_MAX = 24
"""A name between the title and the metadata lines is a byline up to this long."""
ACCOUNT_NAME_MIN = 5
"""A byline this long is an account or an outlet (a source), not a reporter's name."""

# --- title ------------------------------------------------------------------------------------

TITLE_MIN = 4
TITLE_MAX = 120
"""A title's length, from and to."""
TITLE_MIN_HAN = 2
"""A Chinese document's title has at least this many Han characters."""
TITLE_SENTENCE_MIN = 40
"""A title-like line this long with a comma is a sentence, not a title."""
COLON_TITLE_MAX = 40
COLON_TITLE_MIN_HAN = 8
"""The first line of a title broken after its colon: at most this long, with this many Han
characters ("中国科学院发布《…》报告：" / "我国在…中表现活跃")."""
TITLE_TAIL_MAX = 20
"""The second line of a title split in two ("2019年…市科委" / "工作情况报告") is at most this long."""
SPLIT_TITLE_MIN = 8
"""Two header lines that together are another line's title are at least this long together."""
SITE_PART_MAX = 30
"""The site's part of a "标题_站点" title line is at most this long."""

# --- names ------------------------------------------------------------------------------------

ORG_NAME_MIN = 2
ORG_NAME_MAX = 24
"""A bare organisation or site name's length, from and to."""

# --- body and trailer -------------------------------------------------------------------------

TRAILER_LINE_MAX = 80
"""After a rule that starts a trailer, a line without a full stop up to this long is trailer."""
CONTACT_LOOKBACK = 3
"""A telephone or address line is the body's contact block when one of this many kept lines
above it says "联系人", "咨询电话" …"""
PAYWALL_LINE_MAX = 40
"""A paywall's prompt under a teaser ("会员登入", "订阅后可阅读全文") is a line up to this long."""
HEADLINE_LINES = 4
"""A newspaper's headline block at the body's start has at most this many lines."""
HEADLINE_MAX = 40
"""A line of that block is at most this long."""
OWN_DATE_MAX = 20
"""A line that is only a date (a signature's, a press release's) is at most this long."""
SIGNATURE_LINES = 4
"""A signature block (issuing body, date) is among the last this many kept lines."""

# --- structure --------------------------------------------------------------------------------

HEADING_MAX = 160
"""A numbered line up to this long without a sentence's end is a heading."""
BODY_SENTENCE_MIN = 15
"""A line this long that ends a sentence and has a comma starts the body."""
BODY_LONG_LINE = 60
BODY_LONG_HAN = 10
"""A line this long with sentence marks and this many Han characters starts the body."""
WRAP_MIN_COLUMNS = 30
WRAP_MIN_CHARS = 15
"""A dump hard-wrapped at a fixed width: the narrowest width considered, in display columns
and in characters."""
WRAP_MIN_LINES = 3
"""A dump is hard-wrapped when at least this many lines fill the same width."""
TAG_VALUES = 6
"""Lines under a bare "标签：" label that may be its values, one tag a line."""
TAG_VALUE_MAX = 20
"""A tag is at most this long (characters of its key), with no sentence mark."""
