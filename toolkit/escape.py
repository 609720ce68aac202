"""The one escaping boundary between untrusted text and the published site.

Everything that comes from a source document, a file name, front matter, the glossary, the
translation memory or a ``translate`` JSON file reaches Markdown or HTML through exactly one
of these functions, chosen by the output context, and nowhere else:

* :func:`md_inline` — text inside a Markdown line (a paragraph, a heading, a table cell, an
  admonition body, a link label);
* :func:`html_text` — text inside an HTML element the toolkit writes (raw HTML blocks, which
  Markdown does not parse, and the MkDocs templates, which do not escape);
* :func:`html_attr` — a quoted HTML attribute value.

All three first make the text *one line of plain characters*: control characters (including
U+0002/U+0003, which Python-Markdown uses for its own placeholders) and lone surrogates are
removed (and so are bidi overrides), and every line break (``\\n``, ``\\r``, ``\\v``, ``\\f``, U+0085, U+2028, U+2029 …)
becomes a space, so no input can end a Markdown block, a table row or a raw HTML block early.

:func:`md_inline` then writes every character that Markdown — Python-Markdown, the extensions
the toolkit enables (``abbr``, ``admonition``, ``attr_list``, ``md_in_html``, ``tables``,
``toc``) and the common ``pymdownx`` ones a project may add (emoji ``:x:``, magiclink, keys
``++``, mark ``==``, critic, snippets ``--8<--``, details ``???``, tabbed ``===``, arithmatex
``$``) — could read as syntax as a numeric character reference (``&#60;``). Python-Markdown
and CommonMark (markdown-it-py) pass a character reference through as that one character and
never as syntax, and browsers show it as the character. So ``[x](javascript:…)``,
``{: onclick=… }``, ``!!! note``, ``*[abbr]: …``, ``# …``, ``| a | b |``, ``1. …``, ``<script>``
and ``{{ … }}`` all stay text, whichever field they come from.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

# Control characters (C0 but tab, DEL, C1), lone surrogates and line/paragraph separators.
_LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
"""Also the bidi embeddings, overrides and isolates: a U+202E in a file name would reverse the
toolkit's own text beside it."""
_SPACES = re.compile(r"[ \t]+")

# Always syntax somewhere: escaped wherever they stand.
_ALWAYS = frozenset("&<>\\`*_[]{}|#~^$!@")
# Syntax only in runs (``--8<--``, ``==mark==``, ``++key++``, ``???``) or at the start of a line
# (a list, a setext underline, a rule): escaped there, left alone inside words (high-tech).
_RUNS = frozenset("-+=?")
_WORDISH = re.compile(r"[A-Za-z0-9_+\-/]")
_NUMBERED = re.compile(r"^(\d+)([.)])(?= |$)")


def plain_line(text: str) -> str:
    """``text`` as one line: controls removed, line breaks and runs of spaces made one space,
    no leading or trailing space (which Markdown would read as code or a hard break)."""
    text = _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text))
    return _SPACES.sub(" ", text).strip(" \t")


def _ref(c: str) -> str:
    return f"&#{ord(c)};"


def _is_syntax(text: str, i: int) -> bool:
    c = text[i]
    if c in _ALWAYS:
        return True
    after = text[i + 1] if i + 1 < len(text) else ""
    if c in _RUNS:
        return (i == 0 and after in ("", " ")) or text[i - 1 : i] == c or after == c
    if c == ":":  # emoji :name:, URL schemes (magiclink), a definition at a line start
        return i == 0 or bool(_WORDISH.fullmatch(text[i - 1])) or bool(_WORDISH.fullmatch(after or " "))
    # A dot before a letter: www.example.org would be a link with magiclink.
    return c == "." and after.isascii() and after.isalpha()


_MAYBE = re.compile("[" + re.escape("".join(sorted(_ALWAYS | _RUNS | {":", "."}))) + "]")
"""Every character :func:`_is_syntax` may call syntax: the others are not looked at."""


def _md_chars(text: str) -> str:
    # only the few candidate characters are judged one by one (a page of Chinese has few):
    # the same result as judging every character, an order of magnitude faster
    out: list[str] = []
    pos = 0
    for m in _MAYBE.finditer(text):
        i = m.start()
        if _is_syntax(text, i):
            out += (text[pos:i], _ref(text[i]))
            pos = i + 1
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def _html_chars(text: str) -> str:
    # Markdown's syntax escaped too: a raw HTML block in a Markdown page still goes through
    # Markdown preprocessors (critic's {++ ++}, snippets' --8<--) before it is HTML.
    return _md_chars(text).replace('"', "&#34;").replace("'", "&#39;")


@functools.lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern[str] | None:
    """``term`` as a whole word, any case; None for a term that is no text."""
    if not plain_line(term):
        return None
    left = r"(?<!\w)" if re.match(r"\w", term[0]) else ""
    right = r"(?!\w)" if re.match(r"\w", term[-1]) else ""
    return re.compile(left + re.escape(term) + right, re.IGNORECASE)


def _pieces(text: str, abbrs: Mapping[str, str]) -> list[tuple[str, str | None]]:
    """``text`` cut into (piece, tooltip) pairs: each occurrence of an ``abbrs`` key (as a whole
    word, any case, longest first, no overlaps) is a piece of its own with the key's tooltip."""
    taken: list[tuple[int, int, str]] = []
    low = text.lower() if text.isascii() else None
    for term in sorted(abbrs, key=len, reverse=True):
        if low is not None and term.isascii() and term.lower() not in low:
            continue  # ASCII both: no case-insensitive match without a lower-case one
        pattern = _term_pattern(term)
        for m in pattern.finditer(text) if pattern is not None else ():
            if all(m.end() <= a or m.start() >= b for a, b, _ in taken):
                taken.append((m.start(), m.end(), abbrs[term]))
    pieces: list[tuple[str, str | None]] = []
    pos = 0
    for start, end, title in sorted(taken):
        if start > pos:
            pieces.append((text[pos:start], None))
        pieces.append((text[start:end], title))
        pos = end
    if pos < len(text) or not pieces:
        pieces.append((text[pos:], None))
    return pieces


def _abbr(inner: str, title: str) -> str:
    return f'<abbr title="{html_attr(title)}">{inner}</abbr>'


def md_inline(text: str, abbrs: Mapping[str, str] | None = None) -> str:
    """Text from a source as literal Markdown inline text: one line, no syntax.

    ``abbrs`` maps words to tooltips (glossary English → Chinese): their occurrences are
    wrapped in ``<abbr title="…">``, the only markup this function writes.
    """
    pieces = _pieces(plain_line(text), abbrs or {})
    escaped = "".join(_md_chars(p) if title is None else _abbr(_md_chars(p), title) for p, title in pieces)
    m = _NUMBERED.match(escaped)
    if m:  # "1." or "1)" at the start of a line is an ordered list
        escaped = m.group(1) + _ref(m.group(2)) + escaped[m.end() :]
    return escaped


def html_text(text: str, abbrs: Mapping[str, str] | None = None) -> str:
    """Text from a source as the content of an HTML element (a raw HTML block in a Markdown
    page, or a template): one line, ``& < > " '`` and Markdown's syntax as character
    references (``abbrs`` as in :func:`md_inline`)."""
    pieces = _pieces(plain_line(text), abbrs or {})
    return "".join(_html_chars(p) if title is None else _abbr(_html_chars(p), title) for p, title in pieces)


def html_attr(text: str) -> str:
    """Text from a source as a double-quoted HTML attribute value."""
    return _html_chars(plain_line(text))
