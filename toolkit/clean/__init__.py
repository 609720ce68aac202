"""Stage 1, clean: raw page lines → title, date, source and structured body blocks.

Every line the cleaner removes is recorded in ``Document.dropped`` with the name of the rule
row that removed it (``toolkit clean --explain`` prints them). Rules match on a simplified,
width-normalised copy of the line (:func:`key`), so they work on both scripts; the text kept
is the original.

One file per concern:

* :mod:`.rules` — the rule rows: :data:`RULES` (line rules, tried in order) and
  :data:`PAGE_RULES` (drops decided by a line's place), each row's role as its fields;
* :mod:`.row` — a rule row's fields (:class:`Rule`);
* :mod:`.html_rows` — the rows for the drops the HTML reader makes before the line rules;
* :mod:`.lines` — the line tests the rows are made of; their words are data
  (``toolkit/data/clean_words.toml``, loaded by :mod:`toolkit.words`);
* :mod:`.page` — the page passes, listed in order in :data:`PASSES` and walked by :func:`clean`;
* :mod:`.state` — the state the passes share (:class:`Page`);
* :mod:`.title` — the title and the header lines around it;
* :mod:`.meta` — date and source from the text;
* :mod:`.structure` — headings, lists and rejoined paragraphs;
* :mod:`.settings` — the thresholds, named.

Line keys, dates and metadata fields, which the HTML reader needs too, live below the stage
in :mod:`toolkit.textmeta`.

Title, date and source come from the HTML metadata when the page had some (``Meta``), else
from the text: metadata lines (来源, 发布时间 …, Minguo years included), the title line's
【tag】 or site suffix, a repost trailer's "更多来自 X 的", or the signature block.
"""

from __future__ import annotations

from ..textmeta import key, text_metadata
from .page import PASSES, clean
from .rules import PAGE_RULES, RULES, Rule

__all__ = ["PAGE_RULES", "PASSES", "RULES", "Rule", "clean", "key", "text_metadata"]
