"""Stage 6, publish: translated documents → the Markdown tree MkDocs builds.

For each document a Chinese page, an English page and an aligned page (zh and en side by
side, paragraph by paragraph, sentences linked by segment id); the site-wide pages (index,
search, QA, glossary) are :mod:`toolkit.listings`'. Every string taken from a source, a file
name, front matter, the glossary or the memory reaches a page through :mod:`toolkit.escape` (``md_inline`` in Markdown,
``html_text`` / ``html_attr`` in HTML), so a ``<script>``, a ``[link](javascript:…)`` or a
``{: onclick=… }`` in a source is shown as text, never run and never structure.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .document import Block, Document, Profile, Segment, engine_of, state_of, title_en
from .errors import BuildError
from .escape import html_attr, html_text, md_inline, plain_line
from .glossary import Glossary
from .outputs import MARKER, fresh_dir, keep_hidden, output_error, real_target, remove_tree, swap_in
from .status import coverage

if TYPE_CHECKING:
    from .qa import Problem

Progress = Callable[[Iterable[Any], str, int, str], Iterable[Any]]  # items, label, total, unit


@dataclass(frozen=True, slots=True)
class SiteInfo:
    backend_reason: str = ""
    """Why the build made the English the way it did: operator text for the build report and
    the CLI, never shown on the site (the index tells readers, in their words, how each
    English text was made)."""


GLOSS_LABEL = "Gloss ·"
"""Before a glossed English title wherever it is shown (tab, header, index, search results)."""


# --- helpers -------------------------------------------------------------------------------


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter where PyYAML has it (the same YAML, several times faster)."""


def _front(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False) + "---\n\n"


def _engine(doc: Document) -> tuple[str, str, str]:
    """(engine, model, glossary version) of the document's machine-made English."""
    return engine_of(doc.segments)


def _reviewed(doc: Document) -> int:
    return sum(1 for s in doc.segments if s.provenance and s.provenance.reviewed)


def _review_note(doc: Document) -> str:
    """What a reader should know of the human review of ``doc``'s English: how many sentences
    were reviewed (and signed off), and how many are fuzzy suggestions still to review."""
    counts = coverage(doc)
    reviewed, total = counts["final"] + counts["reviewed"], len(doc.segments)
    notes = []
    if 0 < reviewed < total:
        final = f" ({counts['final']} signed off)" if counts["final"] else ""
        notes.append(f"{reviewed} of {total} sentences were reviewed by a human translator{final}.")
    if counts["fuzzy"]:
        notes.append(
            f"{counts['fuzzy']} are taken from the reviewed translation of a similar sentence "
            "(marked ≈, fuzzy — needs review)."
        )
    return "\n\n    " + " ".join(notes) if notes else ""


def _made_by(doc: Document, profile: Profile | None = None) -> str:
    engine, model, _ = profile.engine if profile is not None else _engine(doc)
    if engine == "gloss":
        return "dictionary gloss (not a translation)"
    if engine == "argos":
        return f"machine translation ({model})"
    return engine or "—"


def banner(doc: Document) -> str:
    """The admonition on every page that shows English: how it was made, for readers."""
    engine, model, gver = _engine(doc)
    glossary = f"the project glossary (version <code>{md_inline(_cell(gver))}</code>)" if gver else "no glossary"
    review = _review_note(doc)
    if engine == "gloss":
        return (
            '!!! warning "Dictionary gloss — not a translation"\n\n'
            "    The English on this page is a word-by-word gloss: each Chinese word is replaced by its "
            f"dictionary meaning, using {glossary} for the terms it lists. It is **not a translation**: the "
            "word order and grammar are the Chinese original's, so read it as a guide to the Chinese text, "
            f"which is the authoritative version.{review}\n"
        )
    if engine == "human" and _reviewed(doc) == len(doc.segments):
        signed = coverage(doc)["final"] == len(doc.segments)
        return '!!! success "Human translation"\n\n    The English on this page was reviewed by a human translator' + (
            " and signed off.\n" if signed else ".\n"
        )
    if engine == "human":
        return (
            '!!! warning "Reviewed translation, with suggestions to review"\n\n'
            "    The English on this page was reviewed by a human translator, except sentences marked ≈: "
            f"those come from the reviewed translation of a similar sentence and need review.{review}\n"
        )
    return (
        '!!! info "Machine translation"\n\n'
        f"    The English on this page was made by machine translation with Argos Translate package "
        f"{md_inline(_cell(model))} and {glossary}. Unless marked below, it has not been reviewed by a human "
        f"translator; the Chinese text is the authoritative version.{review}\n"
    )


def _alternates(slug: str) -> list[dict[str, str]]:
    """The language menu of a document's pages and their ``hreflang`` alternates: the same
    document in each language (``view`` names the page, for the template)."""
    return [
        {"name": "中文", "lang": "zh-Hans", "link": f"zh/{slug}.html", "view": "zh"},
        {"name": "English", "lang": "en", "link": f"en/{slug}.html", "view": "en"},
        {"name": "中英对照 Aligned", "lang": "", "link": f"aligned/{slug}.html", "view": "aligned"},
    ]


def _front_page(title: str, slug: str, lang: str, view: str) -> str:
    return _front({"title": title, "lang": lang, "view": view, "alternates": _alternates(slug)})


def _views(slug: str, current: str) -> str:
    labels = {"zh": "中文", "en": "English", "aligned": "中英对照 Aligned"}
    parts = []
    for view, label in labels.items():
        if view == current:
            parts.append(f"**{label}**")
        else:
            parts.append(f"[{label}](../{view}/{slug}.md)")
    return " · ".join(parts) + '\n{: .tk-views data-pagefind-ignore="all" }\n'


_LABELS = {
    "zh": {"date": "日期", "source": "来源", "original": "原文", "sep": "："},
    "en": {"date": "Date", "source": "Source", "original": "Original", "sep": ": "},
    "both": {"date": "日期 Date", "source": "来源 Source", "original": "原文 Original", "sep": ": "},
}


def _meta_line(doc: Document, lang: str = "both", names: Mapping[str, str] | None = None) -> str:
    """Date, source and original file, labelled in the page's language. On English pages the
    source is shown by its English name when the glossary gives one (the Chinese beside it)."""
    m = doc.meta
    words = _LABELS[lang]
    sep = words["sep"]
    bits = []
    if m.date:
        bits.append(f"{words['date']}{sep}{md_inline(_cell(m.date))}")
    if m.source:
        english = (names or {}).get(m.source, "") if lang != "zh" else ""
        chinese = md_inline(_cell(m.source))
        if lang == "en":  # the Chinese name marked as Chinese on an English page
            chinese = f'<span lang="zh-Hans">{chinese}</span>'
        shown = f"{md_inline(_cell(english))} ({chinese})" if english else chinese
        bits.append(f"{words['source']}{sep}{shown}")
    form = _origin_form(m.script, m.encoding, lang)
    bits.append(f"{words['original']}{sep}<code>{md_inline(_cell(m.origin))}</code> ({form})")
    return " · ".join(bits) + '\n{: .tk-meta data-pagefind-ignore="all" }\n'


def source_names(glossary: Glossary) -> dict[str, str]:
    """Chinese → English names the glossary gives (organisations, places …), for the English
    pages' source line."""
    return {e.zh: e.en for e in glossary.entries if e.en}


_SCRIPTS_ZH = {"simplified": "简体", "traditional": "繁体"}


def _origin_form(script: str, encoding: str, lang: str = "en") -> str:
    script = script or "simplified"
    if lang == "zh":
        script = _SCRIPTS_ZH.get(script, script)
    return f"{md_inline(_cell(script))}, {md_inline(_cell(encoding))}"


def _block_en(block: Block) -> str:
    return " ".join(s.en for s in block.segments if s.en)


_MARKS = {
    "final": ("✓✓", "signed off"),
    "reviewed": ("✓", "reviewed"),
    "fuzzy": ("≈", "fuzzy — needs review"),
    "machine": ("MT", "machine translation"),
    "gloss": ("G", "dictionary gloss, not a translation"),
    "new": ("…", "not translated yet"),
}
"""Each state's mark after a sentence: a symbol for the eye, words for screen readers."""


def state_mark(seg: Segment) -> str:
    """The mark of ``seg``'s state (:data:`_MARKS`): a small ``<sup>`` whose words a screen
    reader reads and whose title says who reviewed it and when, or how similar a fuzzy match is."""
    state = state_of(seg)
    symbol, words = _MARKS[state]
    prov = seg.provenance
    detail = words
    if prov is not None and state == "fuzzy":
        words = f"fuzzy — needs review, {prov.score}% match"
        detail = f"{words} of the reviewed sentence {prov.match}"
    elif prov is not None and state in ("reviewed", "final"):
        who = f" by {prov.reviewer}" if prov.reviewer else ""
        when = f" on {prov.reviewed_at[:10]}" if prov.reviewed_at else ""
        detail = f"{words}{who}{when}"
    elif prov is not None:
        detail = f"{words}: {prov.model}"
    symbol = f"{symbol}{prov.score}%" if state == "fuzzy" and prov is not None else symbol
    return (
        f'<sup class="tk-state tk-state-{state}" title="{html_attr(_cell(detail))}">'
        f'<span aria-hidden="true">{html_text(symbol)}</span>'
        f'<span class="tk-sr"> ({html_text(_cell(words))})</span></sup>'
    )


def _en_inline(block: Block, abbrs: dict[str, str], raw_html: bool) -> str:
    """The block's English as inline Markdown (or HTML), each sentence a human touched — reviewed,
    signed off, or a fuzzy suggestion — followed by its mark; machine sentences unmarked (the
    banner says how they were made)."""
    escape = html_text if raw_html else md_inline
    parts = []
    for seg in block.segments:
        if not seg.en:
            continue
        mark = state_mark(seg) if state_of(seg) in ("final", "reviewed", "fuzzy") else ""
        parts.append(escape(seg.en, abbrs) + mark)
    return " ".join(parts)


def _tooltips(segments: tuple[Segment, ...]) -> dict[str, str]:
    """Glossary terms used in these segments' English → their Chinese, shown as tooltips."""
    found: dict[str, str] = {}
    for s in segments:
        for t in s.terms:
            if t.en and t.en.lower() in s.en.lower():
                found.setdefault(t.en, t.zh)
    return found


# --- pages -----------------------------------------------------------------------------------


def zh_page(doc: Document) -> str:
    out = [_front_page(html_text(_title(doc.meta.title)), doc.meta.slug, "zh-Hans", "zh")]
    # data-pagefind-body: what search indexes (the aligned page repeats it and is left out).
    out.append('<div lang="zh-Hans" data-pagefind-body="" markdown>\n')
    for i, block in enumerate(doc.blocks):
        out.append(_md_block(block, block.text))
        if i == 0:
            out.append(_meta_line(doc, "zh"))
            out.append(_views(doc.meta.slug, "zh"))
    out.append("</div>\n")
    return "\n".join(out)


def _is_gloss(doc: Document) -> bool:
    return _engine(doc)[0] == "gloss"


def en_title(doc: Document, profile: Profile | None = None) -> str:
    """The English title as readers see it: a gloss labelled as one (``profile``: the
    document's, when at hand)."""
    if profile is not None:
        title, gloss = profile.en_title or doc.meta.slug, profile.engine[0] == "gloss"
    else:
        title, gloss = title_en(doc) or doc.meta.slug, _is_gloss(doc)
    return f"{GLOSS_LABEL} {title}" if gloss else title


def en_page(doc: Document, names: Mapping[str, str] | None = None) -> str:
    out = [_front_page(html_text(_title(en_title(doc))), doc.meta.slug, "en", "en")]
    out.append('<div lang="en" data-pagefind-body="" markdown>\n')
    for i, block in enumerate(doc.blocks):
        abbrs = _tooltips(block.segments)
        long = len(plain_line(_block_en(block))) > LONG_LINE
        inner = _en_inline(block, abbrs, long)
        if i == 0 and block.kind == "heading" and _is_gloss(doc):
            inner = html_text(GLOSS_LABEL) + " " + inner
        out.append(_block_line(block, inner, long))
        if i == 0:
            out.append(_meta_line(doc, "en", names))
            out.append(_views(doc.meta.slug, "en"))
            out.append(_banner_block(doc))
    out.append("</div>\n")
    return "\n".join(out)


def _banner_block(doc: Document) -> str:
    """The banner, left out of the search index (its words are on every page)."""
    return '<div class="tk-banner" data-pagefind-ignore="all" markdown>\n\n' + banner(doc) + "\n</div>\n"


LONG_LINE = 2_000
"""A block longer than this is written as raw HTML, which Markdown passes through in linear
time; its inline pass is quadratic in the character references of one line."""
TITLE_MAX = 200
"""Titles in navigation, tables and the browser tab are cut here (the page shows them whole)."""
CELL_MAX = 500
"""Metadata and table cells are cut here."""


def _short(text: str, limit: int) -> str:
    text = plain_line(text)
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def _title(text: str) -> str:
    return _short(text, TITLE_MAX)


def _cell(text: str) -> str:
    return _short(text, CELL_MAX)


def _md_block(block: Block, text: str, abbrs: dict[str, str] | None = None) -> str:
    """A block as one Markdown line (raw HTML when it is very long), ``text`` escaped here."""
    long = len(plain_line(text)) > LONG_LINE
    return _block_line(block, html_text(text, abbrs) if long else md_inline(text, abbrs), long)


def _block_line(block: Block, inner: str, raw_html: bool) -> str:
    """A block around ``inner``, already escaped: a Markdown line, or raw HTML for a very long
    block (which Markdown passes through in linear time)."""
    level = min(max(block.level, 1), 6)
    if raw_html:
        if block.kind == "heading":
            return f"<h{level}>{inner}</h{level}>\n"
        if block.kind == "list_item":
            return f"<ul><li>{inner}</li></ul>\n"
        return f"<p>{inner}</p>\n"
    if block.kind == "heading":
        return "#" * level + " " + inner + "\n"
    if block.kind == "list_item":
        return "- " + inner + "\n"
    return inner + "\n"


def aligned_page(doc: Document) -> str:
    slug = doc.meta.slug
    out = [_front_page(html_text(_title(doc.meta.title)), slug, "zh-Hans", "aligned")]
    blocks = list(doc.blocks)
    head = blocks.pop(0) if blocks and blocks[0].kind == "heading" and blocks[0].level == 1 else None
    if head is not None:
        if len(plain_line(head.text)) > LONG_LINE:
            out.append(f'<h1><span lang="zh-Hans">{html_text(head.text)}</span></h1>\n')
        else:
            out.append(f'# <span lang="zh-Hans">{md_inline(head.text)}</span>\n')
        out.append(f'<p class="tk-subtitle" lang="en">{html_text(title_en(doc))}</p>\n')
    out.append(_meta_line(doc))
    out.append(_views(slug, "aligned"))
    out.append(_banner_block(doc))
    rows = [
        '<div class="tk-toggle" role="group" aria-label="Show · 显示" data-pagefind-ignore="all">'
        '<button type="button" data-view="both" aria-pressed="true">Both · 双语</button>'
        '<button type="button" data-view="zh" aria-pressed="false" lang="zh-Hans">中文</button>'
        '<button type="button" data-view="en" aria-pressed="false">English</button>'
        "</div>",
        '<div class="tk-aligned" data-view="both">',
    ]
    for i, block in enumerate(blocks, start=1):
        rows.append(f'<div class="tk-pair" id="p{i}">')
        rows.append(
            f'<a class="tk-anchor" href="#p{i}" aria-label="Link to paragraph {i}" data-pagefind-ignore="all">¶</a>'
        )
        rows.append(f'<div class="tk-zh" lang="zh-Hans">{_html_block(block, "zh")}</div>')
        rows.append(f'<div class="tk-en" lang="en">{_html_block(block, "en")}</div>')
        rows.append("</div>")
    rows.append("</div>")
    out.append("\n".join(rows) + "\n")
    return "\n".join(out)


def _html_block(block: Block, lang: str) -> str:
    # One tab stop per paragraph (its first Chinese sentence); the arrow keys move within it
    # (toolkit.js), so a keyboard user does not tab through every sentence.
    spans = "".join(_span(s, lang, first=(i == 0 and lang == "zh")) for i, s in enumerate(block.segments))
    if block.kind == "heading":
        level = min(max(block.level, 2), 6)
        return f'<h{level} class="tk-h">{spans}</h{level}>'
    if block.kind == "list_item":
        return f"<ul><li>{spans}</li></ul>"
    return f"<p>{spans}</p>"


def _span(seg: Segment, lang: str, first: bool = False) -> str:
    if lang == "zh":
        text, after = html_text(seg.zh), ""
    else:
        text, after = html_text(seg.en, _tooltips((seg,))), state_mark(seg) + " "
    state = f' data-state="{state_of(seg)}"' if lang == "en" else ""
    tab = "0" if first else "-1"
    return f'<span class="tk-seg" tabindex="{tab}" data-seg="{html_attr(seg.id)}"{state}>{text}</span>{after}'


# --- the docs tree ---------------------------------------------------------------------------


def check_docs_dir(docs_dir: Path) -> None:
    """Refuse to replace a folder the toolkit did not write (dotfiles such as .gitignore aside)."""
    if not docs_dir.exists():
        return
    if not docs_dir.is_dir():
        raise BuildError("docs path is a file, not a folder", path=docs_dir, hint="pass another --docs-dir")
    content = [p for p in docs_dir.iterdir() if not p.name.startswith(".")]
    if content and not (docs_dir / MARKER).exists():
        raise BuildError(
            "docs folder holds files the toolkit did not write; refusing to replace them",
            path=docs_dir,
            hint="pass an empty or new --docs-dir",
        )


def check_site_dir(site_dir: Path) -> None:
    """Refuse to replace a site folder that holds something other than a built site: the
    toolkit's marker, or what MkDocs writes (``404.html`` and ``sitemap.xml``)."""
    if not site_dir.is_dir():
        return
    content = [p for p in site_dir.iterdir() if not p.name.startswith(".")]
    built = (site_dir / MARKER).exists() or all((site_dir / n).is_file() for n in ("404.html", "sitemap.xml"))
    if content and not built:
        raise BuildError(
            "site folder holds files that are not a built site; refusing to replace them",
            path=site_dir,
            hint="pass an empty or new --site-dir",
        )


def docs_pages(
    docs: list[Document],
    glossary: Glossary,
    site: SiteInfo,
    cache: Path | None = None,
    problems: Mapping[str, Sequence[Problem]] | None = None,
    made_by: Mapping[str, str] | None = None,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> Iterator[tuple[str, str | bytes]]:
    """Every file of the docs tree: (path relative to the docs folder, text or UTF-8 bytes), one at a time,
    so that a tree of 10,000 documents is never held in memory whole.

    ``problems``: QA per document slug as the build found it (else found here). With ``cache``
    (a folder), a document's pages rendered before come from it
    (:class:`toolkit.cache.PageCache`), keyed by what made the document (``made_by``, per slug:
    :attr:`toolkit.batch.Translation.made_by`) or, without that, by the document itself. The pages
    to render are rendered in ``jobs`` processes (None: one per core). ``progress`` wraps the
    documents as they are published (a progress bar: ``toolkit.batch.Listener.progress``).
    """
    from .cache import PageCache
    from .listings import documents_data, glossary_pages, index_pages, qa_pages, search_page
    from .qa import document_problems

    names = source_names(glossary)
    if problems is None:
        problems = {d.meta.slug: document_problems(d, glossary.version) for d in docs}
    yield from index_pages(docs, site, glossary.version, problems).items()
    yield from documents_data(docs, names, glossary.version, problems).items()
    yield "search.md", search_page()
    yield from glossary_pages(glossary).items()
    yield from qa_pages(docs, glossary.version, problems).items()
    store = PageCache(cache) if cache is not None else None
    todo: list[tuple[Document, str, str]] = []
    for d in progress(docs, "publishing", len(docs), "documents") if progress else docs:
        # a page's only input besides its document: the source's English name (glossary)
        name = names.get(d.meta.source, "")
        key = store.key(d, name, (made_by or {}).get(d.meta.slug, "")) if store is not None else ""
        hit = store.get(key) if store is not None else None
        if hit is None:
            todo.append((d, name, key))
            continue
        yield from zip((f"{v}/{d.meta.slug}.md" for v in VIEWS), hit, strict=True)
    rendered: Iterable[tuple[str, str, str]] = _render_all([(d, name) for d, name, _ in todo], jobs)
    rendered = progress(rendered, "rendering", len(todo), "documents") if progress and todo else rendered
    for (d, _, key), made in zip(todo, rendered, strict=True):
        if store is not None:
            store.put(key, made)
        yield from zip((f"{v}/{d.meta.slug}.md" for v in VIEWS), made, strict=True)
    assets = resources.files("toolkit").joinpath("templates/assets")
    for name in ("toolkit.css", "toolkit.js"):
        yield f"assets/{name}", assets.joinpath(name).read_text(encoding="utf-8")
    yield MARKER, "Written by `toolkit build`; the next build replaces this folder's content.\n"


VIEWS = ("zh", "en", "aligned")  # a document's pages, each in its folder of the docs tree
RENDER_POOL_FROM = 32
"""Fewer documents to render than this are rendered in this process (a pool costs a second)."""


def _render(item: tuple[Document, str]) -> tuple[str, str, str]:
    """A document's pages (zh, en, aligned); ``item`` is the document and its source's English name."""
    doc, name = item
    return zh_page(doc), en_page(doc, {doc.meta.source: name} if name else {}), aligned_page(doc)


def _render_all(items: list[tuple[Document, str]], jobs: int | None) -> Iterator[tuple[str, str, str]]:
    """:func:`_render` for each item, in order; in ``jobs`` processes (None: one per core)."""
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs <= 1 or len(items) < RENDER_POOL_FROM:
        yield from map(_render, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_render, items, chunksize=max(1, min(64, len(items) // (jobs * 8))))


def write_docs(
    docs: list[Document],
    glossary: Glossary,
    docs_dir: Path,
    site: SiteInfo,
    *,
    into: Path | None = None,
    cache: Path | None = None,
    problems: Mapping[str, Sequence[Problem]] | None = None,
    made_by: Mapping[str, str] | None = None,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> list[Path]:
    """Write every page as a new tree; return the written paths (relative to ``docs_dir``).

    ``into`` is a fresh folder beside ``docs_dir`` (:func:`toolkit.outputs.staged`) that the
    caller swaps in once the site is built. Without it the tree is written into such a folder
    here and swapped in at once. Either way ``docs_dir`` is never a half-written mix: it
    holds the previous tree or the new one, which keeps the user's dotfiles (.gitignore …).
    """
    check_docs_dir(docs_dir)
    pages = docs_pages(docs, glossary, site, cache, problems, made_by, jobs, progress)
    if into is not None:
        written = _write_tree(pages, docs_dir, into)
    else:
        docs_dir = real_target(docs_dir)
        new = fresh_dir(docs_dir)
        try:
            written = _write_tree(pages, docs_dir, new)
            try:
                swap_in(new, docs_dir)
            except OSError as exc:
                raise output_error(exc, docs_dir) from None
        finally:
            remove_tree(new)
    return [Path(p) for p in written if not p.startswith(".")]


def _write_tree(pages: Iterable[tuple[str, str | bytes]], docs_dir: Path, new: Path) -> list[str]:
    """Write ``pages`` into the empty folder ``new``, with the user's dotfiles from
    ``docs_dir``; the paths written."""
    written: list[str] = []
    made: set[Path] = set()
    try:
        for rel, text in pages:
            target = new / rel
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
            written.append(rel)
        # Keep the user's hidden entries (.gitignore, .git …, links as links); everything
        # else is ours to replace.
        keep_hidden(docs_dir, new)
    except OSError as exc:
        raise output_error(exc, docs_dir) from None
    return written


def nav(docs: list[Document]) -> list[Any]:
    """The site navigation: the index, search, glossary and QA pages, never the documents (a
    list of every document on every page would make the site grow with the square of the
    corpus); documents are reached through the index pages."""
    return [
        {"Documents · 文档": "index.md"},
        {"Search · 搜索": "search.md"},
        {"Glossary · 术语表": "glossary.md"},
        {"QA · 质量检查": "qa.md"},
    ]
