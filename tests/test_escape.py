"""The escaping boundary (toolkit/escape.py): nothing from a source becomes markup.

Pages are rendered the way MkDocs renders them (Python-Markdown with the site's extensions,
plus the common pymdownx ones a project may add) and parsed with a real HTML parser (lxml).
The property test compares each hostile page with its *twin*: the same document in which
every ASCII punctuation character of every input string is replaced by a private-use
character (one-to-one, so equality, substrings and emptiness are kept). The twin has no
markup characters at all, so its elements are exactly what the templates make: the hostile
page must have the very same elements and attributes.
"""

from __future__ import annotations

import functools
import string
from dataclasses import fields, replace
from typing import Any
from unittest import mock

import lxml.html
import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.document import Block, Document, Meta, Provenance, Segment, TermMatch
from toolkit.escape import html_attr, html_text, md_inline
from toolkit.files import slugify
from toolkit.glossary import Entry, Glossary
from toolkit.listings import glossary_page, index_page, qa_page
from toolkit.publish import SiteInfo, aligned_page, en_page, zh_page
from toolkit.qa import CHECKS, Problem
from toolkit.site import REQUIRED_EXTENSIONS

# What a project's mkdocs.yml may add on top of the toolkit's extensions: the escaping must
# hold against their syntax too (emoji :x:, magiclink, ++keys++, ==mark==, critic, snippets …).
EXTRA_EXTENSIONS: list[Any] = [
    "pymdownx.emoji",
    "pymdownx.magiclink",
    "pymdownx.keys",
    "pymdownx.mark",
    "pymdownx.caret",
    "pymdownx.tilde",
    "pymdownx.critic",
    "pymdownx.details",
    "pymdownx.tabbed",
    "pymdownx.superfences",
    "pymdownx.inlinehilite",
    "pymdownx.smartsymbols",
    "pymdownx.arithmatex",
    {"pymdownx.snippets": {"check_paths": False}},
    "def_list",
    "footnotes",
]
URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset")
VALUE_FREE = {"id", "href", "title", "data-seg", "src"}
"""Attributes whose values are derived from input (escaped): compared by kind, not value."""

ATTACKS = [
    "关于[科技创新](#){: onfocus=alert(2) autofocus=1 }的通知",
    "[点此](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    '!!! success "Human translation"',
    "*[HTML]: Hyper <b>Text</b>",
    "# 不是标题",
    "| a | b |\n|---|---|\n| c | d |",
    "{: .tk-meta onclick=alert(1) }",
    "{{ config.site_name }} {% raw %}",
    "`code` **bold** _em_ ~~del~~ ==mark== ++ctrl++ ^^ins^^",
    ":smile: www.example.org user@example.org https://example.org",
    '--8<-- "/etc/passwd"',
    "??? note\n    hidden",
    '=== "Tab"\n    tab',
    "1. list\n2. list",
    "- item\n+ item",
    "Setext\n======",
    "    indented code",
    "a  \nhard break",
    "<!-- comment --> <![CDATA[x]]> <?php x ?>",
    "\x02wzxhzdk:0\x03 \x02klzzwxh:0\x03",
    "line\u2028sep\x85nel\x0cff\vvt\r\ncrlf",
    "$$x^2$$ $y$ \\(z\\)",
    "{++add++}{--del--}{~~a~>b~~}",
    "[^1] [^1]: note",
    "Term\n:   definition",
    "&lt;script&gt; &#60;b&#62; &amp;",
    "<a href='javascript:alert(1)'>x</a>",
    "\ud800 lone surrogate",
]

# --- rendering as MkDocs does -----------------------------------------------------------------


@functools.cache
def _markdown() -> markdown.Markdown:
    every = [*REQUIRED_EXTENSIONS, *EXTRA_EXTENSIONS]
    exts = [e if isinstance(e, str) else next(iter(e)) for e in every]
    configs = {next(iter(e)): e[next(iter(e))] for e in every if isinstance(e, dict)}
    return markdown.Markdown(extensions=exts, extension_configs=configs)


def render(page: str) -> lxml.html.HtmlElement:
    """A toolkit page (front matter + Markdown) as the HTML MkDocs puts in the content area."""
    body = page.split("---\n", 2)[2] if page.startswith("---\n") else page
    html = _markdown().reset().convert(body)
    return lxml.html.fragment_fromstring(html, create_parent="div")


def _url_kind(value: str) -> str:
    v = "".join(c for c in value if c > " ").lower()
    if v.startswith("#"):
        return "#"
    if ":" in v.split("/")[0]:
        return v.split(":")[0] + ":"
    return "relative"


def signature(root: lxml.html.HtmlElement) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Every element in order: its tag and attributes (values where they are the templates')."""
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            out.append((f"<{el.tag!r}>", ()))  # comments, processing instructions
            continue
        attrs = tuple(
            sorted((k, _url_kind(v) if k in ("href", "src") else "*" if k in VALUE_FREE else v) for k, v in el.items())
        )
        out.append((el.tag, attrs))
    return out


def assert_inert(root: lxml.html.HtmlElement) -> None:
    """No event handler, no script URL, no script element, anywhere."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            raise AssertionError(f"markup from input: {el!r}")
        assert el.tag not in ("script", "img", "iframe", "object", "embed", "style", "form", "input"), el.tag
        for k, v in el.items():
            assert not k.lower().startswith("on"), (el.tag, k, v)
            if k in URL_ATTRS:
                assert _url_kind(v) in ("#", "relative"), (el.tag, k, v)


# --- the functions -----------------------------------------------------------------------------


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("context", ["paragraph", "heading", "table", "admonition", "link", "html"])
def test_each_attack_is_text_in_each_context(attack: str, context: str) -> None:
    m = md_inline(attack)
    page = {
        "paragraph": f"{m}\n",
        "heading": f"## {m}\n",
        "table": f"| a | b |\n|---|---|\n| {m} | {m} |\n",
        "admonition": f'!!! note "x"\n\n    {m}\n',
        "link": f"[{m}](page.md)\n",
        "html": f'<div class="x"><p>{html_text(attack)}</p><span title="{html_attr(attack)}">x</span></div>\n',
    }[context]
    root = render(page)
    assert_inert(root)
    benign = render(page.replace(m, "x").replace(html_text(attack), "x").replace(html_attr(attack), "x"))
    assert signature(root) == signature(benign)
    # And the text is still there, whole, for a reader (line breaks and controls as spaces).
    shown = " ".join(root.text_content().split())
    expected = " ".join("".join(c for c in attack if c.isprintable() or c.isspace()).split())
    if "\ud800" not in attack and context != "html":
        assert expected in shown or expected.replace("\\", "") in shown


def test_tooltips_are_the_only_markup_and_match_whole_words() -> None:
    out = md_inline("AI and SAID: dual-wheel drive, Dual-Wheel Drive.", {"AI": "人工智能", "dual-wheel drive": '双"轮'})
    root = render(out + "\n")
    abbrs = root.findall(".//abbr")
    assert [a.text_content() for a in abbrs] == ["AI", "dual-wheel drive", "Dual-Wheel Drive"]
    assert abbrs[1].get("title") == '双"轮'
    assert html_text("a<b", {"<b": "x"}).count("<abbr") == 1


def test_line_breaks_and_controls_become_one_line() -> None:
    assert md_inline("  a\n\nb\u2028c\x85d\x0ce\x02f  ") == "a b c d ef"
    assert "\n" not in html_text("a\r\nb") and "\n" not in html_attr("a\nb")


# --- whole pages: the property test -----------------------------------------------------------

_TWIN = {c: chr(0xE000 + i) for i, c in enumerate(string.punctuation)}
_TWIN["_"] = "\ua7f7"  # a letter: "_" is a word character for the tooltips' whole-word match


def twin(text: str) -> str:
    """``text`` with its ASCII punctuation replaced one-to-one by private-use characters (and
    ``_``, a word character, by a letter), so that equality, substrings and word boundaries
    are kept."""
    return "".join(_TWIN.get(c, c) for c in text)


_pieces = st.sampled_from(
    [
        *ATTACKS,
        "双轮驱动",
        "dual-wheel drive",
        "科创中心",
        "AI",
        "\n",
        "\n\n",
        " ",
        "    ",
        "1. ",
        "#",
        "|",
        "!!!",
        "*[",
        "]:",
        "{:",
        "}",
        "](",
        "javascript:",
        "<",
        ">",
        '"',
        "'",
        "&",
        "`",
        "\\",
        "--",
        "==",
        "\x00",
        "\u2028",
        "科技",
    ]
)
hostile = st.lists(st.one_of(_pieces, st.text(max_size=6)), max_size=6).map("".join)


@st.composite
def hostile_corpus(draw: st.DrawFn) -> tuple[Document, Glossary, SiteInfo]:
    """One document and glossary in which every field a page shows is hostile."""
    file_name = draw(hostile) + ".txt"
    term_zh, term_en = draw(hostile), draw(hostile)
    terms = (TermMatch(zh=term_zh, en=term_en, start=0),)
    prov = Provenance(
        engine=draw(st.sampled_from(["argos", "gloss", "human"]) | hostile),
        model=draw(hostile),
        glossary=draw(hostile),
        state=draw(st.sampled_from(["", "machine", "gloss", "fuzzy", "reviewed", "final"])),
        reviewer=draw(hostile),
        reviewed_at=draw(hostile),
        score=draw(st.integers(0, 100)),
        match=draw(hostile),
    )
    blocks = []
    for i, kind in enumerate(draw(st.lists(st.sampled_from(["heading", "paragraph", "list_item"]), max_size=4))):
        segs = tuple(
            Segment(id=draw(hostile), zh=draw(hostile), en=draw(hostile) + term_en, terms=terms, provenance=prov)
            for _ in range(draw(st.integers(1, 2)))
        )
        level = 1 if i == 0 and kind == "heading" else 2
        blocks.append(Block(kind=kind, text=draw(hostile), level=level if kind == "heading" else 0, segments=segs))
    names = [f.name for f in fields(Meta) if f.name != "slug"]
    meta = Meta(slug=slugify(file_name), **{n: draw(hostile) for n in names} | {"origin": file_name})
    # A glossary is read from a UTF-8 file: no lone surrogates there (a JSON document may have them).
    text = hostile.map(lambda s: s.replace("\ud800", ""))
    entries = [
        Entry(zh=draw(text), en=draw(text), status=draw(text), source=draw(text), note=draw(text))
        for _ in range(draw(st.integers(0, 2)))
    ]
    gl = Glossary(entries)
    return Document(meta=meta, blocks=tuple(blocks)), gl, SiteInfo(backend_reason=draw(hostile))


def twin_corpus(doc: Document, gl: Glossary, site: SiteInfo) -> tuple[Document, Glossary, SiteInfo]:
    def seg(s: Segment) -> Segment:
        prov = s.provenance
        assert prov is not None
        return replace(
            s,
            id=twin(s.id),
            zh=twin(s.zh),
            en=twin(s.en),
            terms=tuple(replace(t, zh=twin(t.zh), en=twin(t.en)) for t in s.terms),
            provenance=replace(
                prov,
                engine=twin(prov.engine),
                model=twin(prov.model),
                glossary=twin(prov.glossary),
                reviewer=twin(prov.reviewer),
                reviewed_at=twin(prov.reviewed_at),
                match=twin(prov.match),
            ),
        )

    meta = replace(doc.meta, **{f.name: twin(getattr(doc.meta, f.name)) for f in fields(Meta) if f.name != "slug"})
    blocks = tuple(replace(b, text=twin(b.text), segments=tuple(seg(s) for s in b.segments)) for b in doc.blocks)
    entries = [
        replace(e, zh=twin(e.zh), en=twin(e.en), status=twin(e.status), source=twin(e.source), note=twin(e.note))
        for e in gl.entries
    ]
    return Document(meta=meta, blocks=blocks), Glossary(entries), SiteInfo(backend_reason=twin(site.backend_reason))


def _every_check(doc: Document, glossary_version: str = "") -> list[Problem]:
    """QA's findings depend on the punctuation the twin maps away; for the structure test every
    segment has one problem of each check, its detail the segment's hostile English."""
    return [Problem(doc.meta.slug, s.id, check, s.en) for s in doc.segments for check in CHECKS]


def pages(doc: Document, gl: Glossary, site: SiteInfo) -> dict[str, str]:
    with mock.patch("toolkit.listings.document_problems", _every_check):
        return _pages(doc, gl, site)


def _pages(doc: Document, gl: Glossary, site: SiteInfo) -> dict[str, str]:
    return {
        "zh": zh_page(doc),
        "en": en_page(doc),
        "aligned": aligned_page(doc),
        "index": index_page([doc], site),
        "qa": qa_page([doc]),
        "glossary": glossary_page(gl),
    }


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_corpus())
def test_no_element_or_attribute_comes_from_the_input(corpus: tuple[Document, Glossary, SiteInfo]) -> None:
    hostile_pages = pages(*corpus)
    twin_pages = pages(*twin_corpus(*corpus))
    for name, page in hostile_pages.items():
        root = render(page)
        assert_inert(root)
        assert signature(root) == signature(render(twin_pages[name])), name
        # The front matter's title reaches the templates, which do not escape.
        front = page.split("---\n", 2)[1]
        assert "<" not in front and ">" not in front, name


def _md_chars_every_character(text: str) -> str:
    """The definition :func:`toolkit.escape._md_chars` is a faster form of: each character judged."""
    from toolkit.escape import _is_syntax, _ref

    return "".join(_ref(c) if _is_syntax(text, i) else c for i, c in enumerate(text))


@given(st.text(alphabet=st.sampled_from(list("&<>\\`*_[]{}|#~^$!@-+=?:.aZ09 /中文，。")), max_size=40))
def test_fast_escaping_judges_as_every_character_would(text: str) -> None:
    from toolkit.escape import _md_chars

    assert _md_chars(text) == _md_chars_every_character(text)
