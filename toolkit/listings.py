"""The site-wide pages: the index of documents (pages of 100, and ``documents.json`` for the
client-side table), the search page, the QA pages and the glossary page.

:mod:`toolkit.publish` writes each document's own pages and the docs tree, and calls these;
every string from a source, the glossary or the memory goes through :mod:`toolkit.escape`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .document import Document, Profile
from .escape import md_inline
from .glossary import Glossary
from .publish import (
    SiteInfo,
    _cell,
    _front,
    _made_by,
    _origin_form,
    _title,
    en_title,
)
from .qa import CHECKS, Problem, document_problems

PAGE_SIZE = 100
"""Documents per static index page: no page lists every document, so pages keep their size
whatever the size of the corpus."""


Problems = Mapping[str, Sequence[Problem]]
"""QA per document slug, as the build found it (:attr:`toolkit.batch.Translation.problems`)."""


def _problems(doc: Document, glossary_version: str, problems: Problems | None) -> Sequence[Problem]:
    """``doc``'s QA: as the build found it, else :func:`toolkit.qa.document_problems`."""
    if problems is not None and doc.meta.slug in problems:
        return problems[doc.meta.slug]
    return document_problems(doc, glossary_version)


def _qa_status(doc: Document, profile: Profile, found: Sequence[Problem], target: str = "qa.md") -> str:
    problems = len(found)
    if not problems:
        return f"no problems ({profile.terms} terms, all present)"
    return f"[{problems} problem{'s' if problems != 1 else ''}]({target}#{doc.meta.slug})"


def _reviewed_cell(profile: Profile) -> str:
    """How much of the English a human reviewed, for the index: ``12 of 150 (3 signed off)``."""
    counts = dict(profile.states)
    reviewed = counts["final"] + counts["reviewed"]
    out = f"{reviewed} of {profile.segments}"
    if counts["final"]:
        out += f" ({counts['final']} signed off)"
    if counts["fuzzy"]:
        out += f", {counts['fuzzy']} fuzzy"
    return out


def _reader_note(docs: list[Document]) -> str:
    """How the English on this site was made, counted by kind, in readers' words."""
    kinds: dict[str, int] = {}
    for d in docs:
        p = d.profile()
        engine = p.engine[0]
        full = engine == "human" and p.reviewed == p.segments
        key = "human" if full else ("gloss" if engine == "gloss" else "machine")
        kinds[key] = kinds.get(key, 0) + 1
    words = {
        "machine": "machine translation (not reviewed unless marked)",
        "gloss": "a word-by-word dictionary gloss — **not a translation**, a reading aid for the Chinese",
        "human": "a translation reviewed by a human translator",
    }
    parts = [f"{n} {'document' if n == 1 else 'documents'}: {words[k]}" for k, n in sorted(kinds.items())]
    return (
        '!!! note "How the English was made · 英文是如何生成的"\n\n'
        "    The Chinese text of each document is the authoritative version. Its English is "
        + "; ".join(parts)
        + ". Each English page says how its text was made.\n"
    )


def _review_key(profile: Profile) -> str:
    counts = dict(profile.states)
    total = profile.segments
    if total and counts["final"] == total:
        return "signed off"
    if total and counts["final"] + counts["reviewed"] == total:
        return "reviewed"
    if counts["final"] + counts["reviewed"] + counts["fuzzy"]:
        return "partly reviewed"
    return "not reviewed"


def _sorted(docs: list[Document]) -> list[Document]:
    """Newest first (undated last), then by file name: the order of the index pages."""
    return sorted(docs, key=lambda d: (d.meta.date or "", d.meta.slug), reverse=True)


def _pager(page: int, pages: int, prefix: str, first: str = "index.md", rest: str = "documents/{n}.md") -> str:
    """Links to a window of paginated pages around ``page`` (first, previous, nearby, next, last):
    a constant size whatever the number of pages. ``first`` is page 1's file, ``rest`` the
    others' (``{n}``: the page number), both relative to the docs folder."""

    def link(n: int, label: str) -> str:
        target = prefix + (first if n == 1 else rest.format(n=n))
        return f"[{label}]({target})"

    shown = sorted({1, pages, *range(max(1, page - 3), min(pages, page + 3) + 1)})
    bits = []
    if page > 1:
        bits.append(link(page - 1, "‹ Previous · 上一页"))
    last = 0
    for n in shown:
        if n - last > 1:
            bits.append("…")
        bits.append(f"**{n}**" if n == page else link(n, str(n)))
        last = n
    if page < pages:
        bits.append(link(page + 1, "Next · 下一页 ›"))
    return " ".join(bits) + '\n{: .tk-pager data-pagefind-ignore="all" }\n'


def _index_rows(docs: list[Document], problems: Problems, prefix: str, qa: Mapping[str, str]) -> list[str]:
    out = ["| 中文标题 | English title | Date | Source | Original | English | Reviewed | QA | Read |"]
    out.append("|---|---|---|---|---|---|---|---|---|")
    for d in docs:
        s, p = d.meta.slug, d.profile()
        cells = [
            f"[{md_inline(_title(d.meta.title))}]({prefix}zh/{s}.md)",
            f"[{md_inline(_title(en_title(d, p)))}]({prefix}en/{s}.md)",
            md_inline(_cell(d.meta.date)) or "—",
            md_inline(_cell(d.meta.source)) or "—",
            _origin_form(d.meta.script, d.meta.encoding),
            md_inline(_cell(_made_by(d, p))),
            _reviewed_cell(p),
            _qa_status(d, p, problems.get(s, ()), prefix + qa.get(s, "qa.md")),
            f"[中文]({prefix}zh/{s}.md) · [English]({prefix}en/{s}.md) · [对照 Aligned]({prefix}aligned/{s}.md)",
        ]
        out.append("| " + " | ".join(cells) + " |")
    return out


def index_pages(
    docs: list[Document], site: SiteInfo, glossary_version: str = "", problems: Problems | None = None
) -> dict[str, str]:
    """The documents index: ``index.md`` and ``documents/<n>.md``, :data:`PAGE_SIZE` documents
    each, newest first. On the first page a script filters and sorts every document by date,
    source, region, script and review status, reading ``documents.json``
    (:func:`documents_json`), never HTML."""
    ordered = _sorted(docs)
    problems = {d.meta.slug: _problems(d, glossary_version, problems) for d in docs}
    qa = qa_targets(docs, glossary_version, problems)
    pages = max(1, -(-len(ordered) // PAGE_SIZE))
    out: dict[str, str] = {}
    for n in range(1, pages + 1):
        prefix = "" if n == 1 else "../"
        chunk = ordered[(n - 1) * PAGE_SIZE : n * PAGE_SIZE]
        title = "Documents · 文档" if n == 1 else f"Documents · 文档 ({n} / {pages})"
        text = [_front({"title": title}), f"# {title}\n"]
        if n == 1:
            text.append(
                "Chinese science-policy reports, each with its Chinese text, an English page and a "
                "side-by-side aligned page. 每份文件都有中文原文、英文页面和中英对照页面。 On the aligned page each "
                "English sentence is marked: ✓ reviewed, ✓✓ signed off, ≈ fuzzy (the reviewed translation of "
                "a similar sentence, still to be reviewed), MT machine translation, G dictionary gloss. Terms "
                "follow the project [glossary](glossary.md); the [QA](qa.md) page lists what a reviewer should "
                "check. [Search · 搜索](search.md) finds words in every document.\n"
            )
            text.append(_reader_note(docs))
            text.append(f'<div id="tk-docs" data-total="{len(ordered)}" data-pagefind-ignore="all"></div>\n')
        text.append(f"{len(ordered)} documents, newest first; page {n} of {pages}.\n{{: .tk-count }}\n")
        text.append('<div class="tk-doc-table" markdown>\n')
        text.extend(_index_rows(chunk, problems, prefix, qa))
        text.append("\n</div>\n")
        if pages > 1:
            text.append(_pager(n, pages, prefix))
        out["index.md" if n == 1 else f"documents/{n}.md"] = "\n".join(text) + "\n"
    return out


def index_page(docs: list[Document], site: SiteInfo, glossary_version: str = "") -> str:
    """The first page of the documents index (:func:`index_pages`)."""
    return index_pages(docs, site, glossary_version)["index.md"]


DATA_SHARD = 500
"""Documents per file of the index's filter data (``documents/data-<n>.json``, newest first):
the index page fetches the small ``documents.json`` manifest and then only the files a filter
needs, so what a reader fetches does not grow with the corpus."""


def _record(
    d: Document, names: Mapping[str, str], qa: Mapping[str, str], glossary_version: str, problems: Problems | None
) -> dict[str, Any]:
    m, p = d.meta, d.profile()
    return {
        "slug": m.slug,
        "zh": _title(m.title),
        "en": _title(en_title(d, p)),
        "date": _cell(m.date),
        "source": _cell(m.source),
        "source_en": _cell(names.get(m.source, "")),
        "region": _cell(m.region),
        "script": _cell(m.script or "simplified"),
        "made": _cell(_made_by(d, p)),
        "review": _review_key(p),
        "reviewed": _reviewed_cell(p),
        "qa": len(_problems(d, glossary_version, problems)),
        "qa_page": qa.get(m.slug, "qa.md").removesuffix(".md") + ".html",
    }


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def documents_data(
    docs: list[Document],
    names: Mapping[str, str] | None = None,
    glossary_version: str = "",
    problems: Problems | None = None,
) -> dict[str, str]:
    """The index's filter data, as JSON (the script shows it as text, never as HTML): one short
    record per document in ``documents/data-<n>.json``, :data:`DATA_SHARD` a file in the index's
    order (newest first), and ``documents.json``, a manifest of those files (each with its
    newest and oldest date, so a year filter fetches only its own) and of the values each
    filter offers."""
    qa = qa_targets(docs, glossary_version, problems)
    return data_files([_record(d, names or {}, qa, glossary_version, problems) for d in _sorted(docs)])


def data_files(records: list[dict[str, Any]], size: int | None = None) -> dict[str, str]:
    """``records`` (in the index's order) as the data files and manifest of :func:`documents_data`."""
    size = size or DATA_SHARD
    out: dict[str, str] = {}
    shards = []
    for k in range(0, len(records), size):
        chunk = records[k : k + size]
        name = f"documents/data-{k // size + 1}.json"
        out[name] = _json({"documents": chunk})
        dates = [r["date"] for r in chunk]
        shards.append({"file": name, "count": len(chunk), "newest": max(dates), "oldest": min(dates)})

    def values(key: str) -> list[str]:
        return sorted({r[key] for r in records if r[key]})

    manifest = {
        "total": len(records),
        "page": PAGE_SIZE,
        "shards": shards,
        "years": sorted({r["date"][:4] for r in records if r["date"][:4].isdigit()}, reverse=True),
        "sources": values("source"),
        "regions": values("region"),
        "scripts": values("script"),
    }
    out["documents.json"] = _json(manifest)
    return out


def documents_json(
    docs: list[Document],
    names: Mapping[str, str] | None = None,
    glossary_version: str = "",
    problems: Problems | None = None,
) -> str:
    """The manifest of the index's filter data (:func:`documents_data`)."""
    return documents_data(docs, names, glossary_version, problems)["documents.json"]


def search_page() -> str:
    """The search page: Pagefind's index, queried by toolkit.js (results are built as text)."""
    return (
        _front({"title": "Search · 搜索"})
        + "# Search · 搜索\n\n"
        + '<div id="tk-search" data-pagefind-ignore="all">\n'
        + '<form class="tk-search-form" role="search" action="search.html">'
        + '<input type="search" name="q" autocomplete="off" aria-label="Search · 搜索" '
        + 'placeholder="Search · 搜索 (中文 / English)">'
        + '<button type="submit">Search · 搜索</button></form>\n'
        + '<p class="tk-search-status" role="status" aria-live="polite"></p>\n'
        + '<ol class="tk-search-results"></ol>\n'
        + '<button type="button" class="tk-search-more" hidden>More results · 更多结果</button>\n'
        + "<noscript>Search needs JavaScript. 搜索需要 JavaScript。</noscript>\n"
        + "</div>\n"
    )


QA_PAGE_SIZE = 20
"""Documents with problems per QA page (``qa.md``, then ``qa/<n>.md``)."""


def _with_problems(
    docs: list[Document], glossary_version: str, problems: Problems | None
) -> list[tuple[Document, Sequence[Problem]]]:
    return [(d, p) for d in docs if (p := _problems(d, glossary_version, problems))]


def qa_targets(docs: list[Document], glossary_version: str = "", problems: Problems | None = None) -> dict[str, str]:
    """slug → the QA page (docs-relative ``.md``) that lists its problems."""
    found = _with_problems(docs, glossary_version, problems)
    return {d.meta.slug: _qa_file(i // QA_PAGE_SIZE + 1) for i, (d, _) in enumerate(found)}


def _qa_file(n: int) -> str:
    return "qa.md" if n == 1 else f"qa/{n}.md"


def qa_pages(docs: list[Document], glossary_version: str = "", problems: Problems | None = None) -> dict[str, str]:
    """QA: every problem :mod:`toolkit.qa` finds in the English, by document, :data:`QA_PAGE_SIZE`
    documents a page (no page lists every document)."""
    matched = sum(d.profile().terms for d in docs)
    found = _with_problems(docs, glossary_version, problems)
    total = sum(len(p) for _, p in found)
    pages = max(1, -(-len(found) // QA_PAGE_SIZE))
    out: dict[str, str] = {}
    for n in range(1, pages + 1):
        prefix = "" if n == 1 else "../"
        title = "QA · 质量检查" if n == 1 else f"QA · 质量检查 ({n} / {pages})"
        text = [_front({"title": title}), f"# {title}\n"]
        text.append(
            "What a reviewer should check first in the English: glossary terms, numbers (亿 and 万 amounts "
            "included), Chinese left untranslated, empty sentences, brackets and quotes. "
            f"{matched} glossary terms were matched in the Chinese text; see the [glossary]({prefix}glossary.md).\n"
        )
        if not total:
            text.append(
                f"No problems found: all {matched} glossary terms matched in the Chinese text appear in the English.\n"
            )
            return {"qa.md": "\n".join(text)}
        plural = "s" if total != 1 else ""
        text.append(f"{total} problem{plural} in {len(found)} of {len(docs)} documents.\n")
        for d, listed in found[(n - 1) * QA_PAGE_SIZE : n * QA_PAGE_SIZE]:
            link = f"{prefix}aligned/{d.meta.slug}.md"
            text.append(f"## [{md_inline(_title(d.meta.title))}]({link}) {{: #{d.meta.slug} }}\n")
            text.append("| Sentence | Check | What | English as made |")
            text.append("|---|---|---|---|")
            english = d.english(p.segment for p in listed)
            for p in listed:
                cells = (p.segment, CHECKS[p.check], p.detail or "—", english[p.segment] or "—")
                text.append("| " + " | ".join(md_inline(_cell(c)) for c in cells) + " |")
            text.append("")
        if pages > 1:
            links = " ".join(
                f"**{k}**" if k == n else f"[{k}]({prefix}{_qa_file(k)})"
                for k in sorted({1, pages, *range(max(1, n - 3), min(pages, n + 3) + 1)})
            )
            text.append(links + '\n{: .tk-pager data-pagefind-ignore="all" }\n')
        out[_qa_file(n)] = "\n".join(text) + "\n"
    return out


def qa_page(docs: list[Document], glossary_version: str = "") -> str:
    """The first QA page (:func:`qa_pages`)."""
    return qa_pages(docs, glossary_version)["qa.md"]


GLOSSARY_PAGE_SIZE = 500
"""Glossary entries per page (``glossary.md``, then ``glossary/<n>.md``): a termbase of 100,000
entries makes 200 pages of the same size, not one page of 100,000 rows."""


def glossary_pages(glossary: Glossary) -> dict[str, str]:
    """The glossary, sorted by its Chinese, :data:`GLOSSARY_PAGE_SIZE` entries a page."""
    entries = sorted(glossary.entries, key=lambda e: e.zh)
    pages = max(1, -(-len(entries) // GLOSSARY_PAGE_SIZE))
    version = f" (version <code>{md_inline(_cell(glossary.version))}</code>)" if glossary.version else ""
    out: dict[str, str] = {}
    for n in range(1, pages + 1):
        prefix = "" if n == 1 else "../"
        title = "Glossary · 术语表" if n == 1 else f"Glossary · 术语表 ({n} / {pages})"
        text = [_front({"title": title}), f"# {title}\n"]
        text.append(
            f"The curated terms{version} every English text on this site must use. "
            "Translators edit them in the project's `glossary/` folder.\n"
        )
        chunk = entries[(n - 1) * GLOSSARY_PAGE_SIZE : n * GLOSSARY_PAGE_SIZE]
        if pages > 1:
            first, last = md_inline(_title(chunk[0].zh)), md_inline(_title(chunk[-1].zh))
            text.append(f"{len(entries)} terms; page {n} of {pages}: {first} … {last}.\n{{: .tk-count }}\n")
        text.append("| 中文 | English | Status | Source | Note |")
        text.append("|---|---|---|---|---|")
        for e in chunk:
            cells = [e.zh, e.en, e.status, e.source, e.note]
            text.append("| " + " | ".join(md_inline(_cell(c)) or "—" for c in cells) + " |")
        text.append("")
        if pages > 1:
            text.append(_pager(n, pages, prefix, "glossary.md", "glossary/{n}.md"))
        out["glossary.md" if n == 1 else f"glossary/{n}.md"] = "\n".join(text) + "\n"
    return out


def glossary_page(glossary: Glossary) -> str:
    """The first page of the glossary (:func:`glossary_pages`)."""
    return glossary_pages(glossary)["glossary.md"]
