"""The page's head: the lines between its headline and its text.

* :func:`below_heading`: the lines between the headline and the main text (authors, their
  affiliations, a subtitle, the metadata strip) are main text for the cleaner's line rules to
  judge, when there are few; of more, a lead the template sets apart (one paragraph just above
  the text, under a font-size bar the extractor took for a list);
* :func:`headline_above`: when the page never shows the markup's title, the headline and
  metadata line just above the main text;
* :func:`head_end`: where the head ends, for the date the page labels as its publication's
  (``textmeta.published_field``): not a comment's "发布于", nor a correction notice's
  "原公告发布时间", nor a quoted document's fields in the text.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .htmlalign import norm
from .htmltemplate import is_paragraph
from .textmeta import DATE, FIELD_LABEL, is_metadata, key, unmark

_DASHED = re.compile(r"^\s*[—－-]")
"""A subtitle's dash ("——记全国优秀乡村医生…")."""
VALUE_MAX = 40
"""A field's value on the line under its label is this long at most."""
LABEL_MAX = 12
"""A label, a widget's or a bar's short line, is this long at most."""
_SENTENCE = re.compile(r"[。！？!?；;，,]")


def below_heading(
    visible: list[str], main: list[bool], title: str, linked: list[bool], code: Collection[int] = (), widest: int = 4
) -> list[bool]:
    """Lines between the title's heading and the main text (authors, their affiliations, a
    subtitle, the metadata strip) are main text for the cleaner's line rules to judge, when
    there are at most ``widest`` of them; of more, the one paragraph just above the main text
    when it opens with a paragraph and only links, metadata and labels lie above it (a lead the
    template sets apart, under a font-size bar the extractor took for a list)."""
    want = norm(title)
    said = [i for i, line in enumerate(visible) if norm(line) == want and i not in code]
    if not said:
        return main
    # Of several lines that say the title (a list of stories in a sidebar names the story too,
    # as a link, or unlinked as the one being read), the last that is no link down to the main
    # text's start; never a line of code.
    start = next((i for i, m in enumerate(main) if m), len(main))
    at = max((i for i in said if not linked[i] and i <= start), default=said[0])
    first = next((i for i in range(at + 1, len(main)) if main[i]), None)
    if first is None:
        return main
    out = list(main)
    if first - at - 1 <= widest:
        out[at + 1 : first] = [True] * (first - at - 1)
        return out
    if not is_paragraph(visible[first], linked[first]):
        return out  # the text does not go on from a lead (it opens with a heading)
    lead = first - 1
    # One paragraph, with only links, metadata and labels above it (a font-size bar, the date):
    # the first text under the headline, not a sidebar's bio of two, nor one below a notice.
    if (
        lead > at
        and is_paragraph(visible[lead], linked[lead])
        and all(linked[j] or _label(visible[j]) for j in range(at + 1, lead))
    ):
        out[lead] = True
    return out


def head_end(
    visible: list[str],
    main: list[bool],
    linked: list[bool],
    headline: int | None,
    headings: list[tuple[str, str, int]],
) -> int:
    """The line where the page's head ends: the text's first line below the headline that is
    no metadata line, no field's label alone ("发文机关") nor the value just under one, nor a
    subtitle (a heading that opens with a dash, "——记…", or stands right under the headline).
    Without a headline, the first paragraph."""
    if headline is None:
        return next((i for i, m in enumerate(main) if m and is_paragraph(visible[i], linked[i])), len(visible))
    subtitles = {at for tag, text, at in headings if tag != "h1" and (at == headline + 1 or _DASHED.match(text))}
    value = False  # the line after a label alone is its value
    for i in range(headline + 1, len(visible)):
        if not main[i]:
            continue
        s = unmark(key(visible[i]))
        if is_metadata(s) or i in subtitles:
            value = False
        elif FIELD_LABEL.fullmatch(s):
            value = True
        elif value and len(s) <= VALUE_MAX and not _SENTENCE.search(s):
            value = False
        else:
            return i
    return len(visible)


def _label(line: str) -> bool:
    """A metadata line, or a line that is no sentence and short or dated (a widget's "分类", a
    date and its tools)."""
    s = unmark(key(line))
    if _SENTENCE.search(s):
        return is_metadata(s)
    return len(s) <= LABEL_MAX or is_metadata(s) or DATE.search(s) is not None  # "2017-09-08 列印 文字大小"


def headline_above(visible: list[str], main: list[bool], title: str) -> list[bool]:
    """When the title found in the markup is not on the page (a ``<title>`` naming only the
    site), the headline and metadata line just above the main text ("徒手抓子弹真的存在吗？" /
    "来源：科普中国") are main text for the cleaner's header passes to judge."""
    want = norm(title)
    if any(norm(line) == want for line in visible):
        return main
    first = next((i for i, m in enumerate(main) if m), None)
    if first is None or first < 2:
        return main
    if not is_metadata(unmark(key(visible[first - 1]))) or is_metadata(unmark(key(visible[first - 2]))):
        return main
    out = list(main)
    out[first - 2 : first] = [True, True]
    return out
