"""The output writers, as data: a name → a function writing one document into a folder.

Every writer writes atomically (:func:`toolkit.files.write_atomic`) to
``folder/<slug><suffix>`` (:func:`toolkit.files.output_path`: a file directly inside the
folder, named by the toolkit, never by the input) and returns the path it wrote. The
commands name the writers they use in :data:`COMMANDS`.

``markdown``
    A cleaned or normalised document: Markdown with YAML front matter
    (:func:`toolkit.files.dump_markdown`), readable back by :func:`toolkit.files.load_document`.

``translation``
    The translate JSON contract, ``<slug>.json`` (stable; scripts depend on it)::

        {"meta": {"slug", "origin", "format", "encoding", "title", "date", "source",
                  "site", "script", "region", "conversion"},
         "segments": [{"id", "zh", "en",
                       "terms": [{"zh", "en"}],
                       "provenance": {"engine", "model", "glossary", "reviewed", "state",
                                      "reviewer", "reviewed_at", "score", "match"}}],
         "blocks": [{"kind", "level", "text", "lines", "segments": [segment id, ...]}]}

    ``meta`` holds every field of :class:`~toolkit.document.Meta`; ``segments`` every
    segment in reading order, ``terms`` the glossary entries found in it, ``provenance``
    what made the English (``state``: gloss, machine, fuzzy, reviewed or final); ``blocks``
    the document's structure, so that the record is also an input (``translate``, ``status``
    and ``review export`` read it back: :func:`toolkit.files.document_from_record`).

``bilingual``
    ``<slug>.md``: each block's Chinese, then its English (headings as headings, paragraphs
    as a quote under the Chinese); every string escaped as Markdown inline text. Its front
    matter says ``toolkit: bilingual``: it is for reading, and the readers refuse it as input
    (its ``.json`` twin is the document).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .document import Document, segment_to_dict
from .escape import md_inline, plain_line
from .files import BILINGUAL, dump_markdown, output_path, write_atomic

Writer = Callable[[Document, Path], Path]


def write_markdown(doc: Document, folder: Path) -> Path:
    out = output_path(folder, doc.meta.slug, ".md")
    write_atomic(out, dump_markdown(doc))
    return out


def translation_record(doc: Document) -> dict[str, object]:
    """The translate JSON contract for ``doc`` (see the module's documentation)."""
    meta = {name: getattr(doc.meta, name) for name in doc.meta.__slots__}
    segments = []
    for seg in doc.segments:
        record = segment_to_dict(seg)
        record["terms"] = [{"zh": t.zh, "en": t.en} for t in seg.terms]
        segments.append(record)
    blocks = [
        {
            "kind": b.kind,
            "level": b.level,
            "text": b.text,
            "lines": list(b.lines),
            "segments": [s.id for s in b.segments],
        }
        for b in doc.blocks
    ]
    return {"meta": meta, "segments": segments, "blocks": blocks}


def write_translation(doc: Document, folder: Path) -> Path:
    out = output_path(folder, doc.meta.slug, ".json")
    write_atomic(out, json.dumps(translation_record(doc), ensure_ascii=False, indent=2) + "\n")
    return out


def bilingual_markdown(doc: Document) -> str:
    parts = []
    for b in doc.blocks:
        zh = md_inline(b.text)
        en = md_inline(" ".join(s.en for s in b.segments))
        if b.kind == "heading":
            parts.append("#" * b.level + f" {zh}\n\n" + "#" * b.level + f" {en}")
        else:
            parts.append(f"{zh}\n\n> {en}")
    front = {"toolkit": BILINGUAL, "title": plain_line(doc.meta.title), "slug": doc.meta.slug}
    return _front(front) + "\n\n".join(parts) + "\n"


def _front(fields: dict[str, str]) -> str:
    import yaml

    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n\n"


def write_bilingual(doc: Document, folder: Path) -> Path:
    out = output_path(folder, doc.meta.slug, ".md")
    write_atomic(out, bilingual_markdown(doc))
    return out


WRITERS: dict[str, Writer] = {
    "markdown": write_markdown,
    "translation": write_translation,
    "bilingual": write_bilingual,
}
"""Every writer, by name."""

COMMANDS: dict[str, tuple[str, ...]] = {
    "clean": ("markdown",),
    "normalize": ("markdown",),
    "translate": ("translation", "bilingual"),
}
"""The writers each command runs, in order; the first one's path is the one reported."""


def write(command: str, doc: Document, folder: Path) -> list[Path]:
    """Run ``command``'s writers on ``doc``; the paths written, in order."""
    return [WRITERS[name](doc, folder) for name in COMMANDS[command]]
