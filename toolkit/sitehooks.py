"""What keeps the MkDocs build of a large site fast and its memory bounded.

Two parts, both loaded by the configuration :func:`toolkit.site.site_config` writes:

* :class:`RawBlocks`, a Markdown extension (``toolkit.sitehooks`` in ``markdown_extensions``).
  The aligned page's paragraphs are HTML the toolkit wrote itself (every string from a source
  went through :func:`toolkit.escape.html_text` / ``html_attr``, so no line of a source can
  start with ``<``). Python-Markdown would run that HTML through its pure-Python HTML parser
  twice (MkDocs' anchor collector and ``md_in_html``), which was most of the build's time; this
  preprocessor hands such a block to the output as it is, untouched, as those parsers would
  have, and tells MkDocs the ``id`` attributes it holds, so links to ``#p12`` still validate.
* The build hooks (this module, which :func:`toolkit.site.build_site` registers as MkDocs
  registers a ``hooks:`` file): MkDocs renders every page's Markdown before it
  writes any page, holding every page's Markdown and HTML at once (2 GB and more at 10,000
  documents). :func:`on_page_content` moves each page's HTML to one file on disk as soon as it
  is rendered and drops its Markdown; :func:`on_page_context` reads it back just before the
  page is written, and :func:`on_post_page` drops it again. Memory then holds one page's HTML
  at a time, whatever the size of the corpus. Other plugins see a page's HTML in their
  ``on_page_content`` (ours runs last) and, for the page being written, from ``on_page_context``
  to ``on_post_page`` (ours restore it first and drop it last); a plugin that reads other
  pages' ``content`` at another time (an RSS feed built in ``on_post_build``) finds it empty.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
from pathlib import Path
from typing import IO, Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority

# --- the Markdown extension -------------------------------------------------------------------

RAW_STARTS = ('<div class="tk-toggle" ', '<div class="tk-aligned" ')
"""First lines of the blocks that the toolkit writes as finished HTML (the aligned page's
toggle and paragraphs): a block runs from such a line to the next blank line."""
_ID = re.compile(r'\sid="([^"<>]*)"')
_OPEN = re.compile(r"<div\b")
_CLOSE = re.compile(r"</div>")


def raw_blocks(lines: list[str]) -> tuple[list[tuple[int, int]], set[str]]:
    """The ``(start, end)`` line ranges of the toolkit's finished HTML blocks in ``lines``, and
    the ``id`` attributes they hold. A block whose ``<div>`` elements do not balance is left to
    Markdown."""
    found: list[tuple[int, int]] = []
    ids: set[str] = set()
    i = 0
    while i < len(lines):
        if not lines[i].startswith(RAW_STARTS):
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        block = "\n".join(lines[i:j])
        if len(_OPEN.findall(block)) == len(_CLOSE.findall(block)):
            found.append((i, j))
            ids.update(html.unescape(v) for v in _ID.findall(block))
        i = j
    return found, ids


class _Stash(Preprocessor):
    """Each finished HTML block becomes one placeholder of Markdown's HTML stash."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.ids: set[str] = set()

    def run(self, lines: list[str]) -> list[str]:
        found, self.ids = raw_blocks(lines)
        if not found:
            return lines
        out: list[str] = []
        last = 0
        for start, end in found:
            out.extend(lines[last:start])
            out.extend(["", self.md.htmlStash.store("\n".join(lines[start:end])), ""])
            last = end
        out.extend(lines[last:])
        return out


class _Anchors(Preprocessor):
    """Adds the stashed blocks' ``id`` attributes to the anchors MkDocs found in the page (its
    ``mkdocs_raw_html`` preprocessor, which runs between the two), for link validation."""

    def __init__(self, md: Markdown, stash: _Stash) -> None:
        super().__init__(md)
        self.stash = stash

    def run(self, lines: list[str]) -> list[str]:
        if "mkdocs_raw_html" in self.md.preprocessors:
            collector = self.md.preprocessors["mkdocs_raw_html"]
            found = getattr(collector, "present_anchor_ids", None)
            if isinstance(found, set):
                found |= self.stash.ids
        return lines


class RawBlocks(Extension):
    """The toolkit's finished HTML blocks pass through Markdown untouched (module docstring)."""

    def extendMarkdown(self, md: Markdown) -> None:
        stash = _Stash(md)
        # After normalize_whitespace (30), before MkDocs' anchor collector (21) and html_block (20).
        md.preprocessors.register(stash, "toolkit_raw_blocks", 25)
        md.preprocessors.register(_Anchors(md, stash), "toolkit_raw_anchors", 20.5)


def makeExtension(**kwargs: Any) -> RawBlocks:
    return RawBlocks(**kwargs)


# --- the build hooks ----------------------------------------------------------------------------


class PageStore:
    """Rendered pages' HTML in one temporary file, by page: written once, read back once."""

    def __init__(self, folder: Path | None = None) -> None:
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix="toolkit-pages-", dir=folder)
        os.unlink(name)  # nothing to clean up, whatever ends the build
        self._file: IO[bytes] = os.fdopen(fd, "w+b")
        self._where: dict[str, tuple[int, int]] = {}
        self._end = 0

    def put(self, key: str, text: str) -> None:
        data = text.encode("utf-8", errors="surrogatepass")
        self._file.seek(self._end)
        self._file.write(data)
        self._where[key] = (self._end, len(data))
        self._end += len(data)

    def get(self, key: str) -> str | None:
        where = self._where.get(key)
        if where is None:
            return None
        self._file.seek(where[0])
        return self._file.read(where[1]).decode("utf-8", errors="surrogatepass")

    def close(self) -> None:
        self._file.close()
        self._where.clear()


_store: PageStore | None = None


def on_pre_build(config: Any) -> None:
    global _store
    if _store is not None:
        _store.close()
    # Beside the docs (a real disk), not in /tmp, which may be memory.
    _store = PageStore(Path(config["docs_dir"]) / ".toolkit")


@event_priority(-100)  # last: other plugins see the page's HTML
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    if _store is None:
        return html
    _store.put(page.file.src_uri, html)
    page.markdown = ""  # rendered: MkDocs only checks that it is set
    return ""


@event_priority(100)  # first: other plugins and the template see the page's HTML
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    if _store is not None:
        text = _store.get(page.file.src_uri)
        if text is not None:
            page.content = text
    return context


@event_priority(-100)
def on_post_page(output: str, page: Any, config: Any) -> str:
    if _store is not None and page.file.src_uri in _store._where:
        page.content = ""
    return output


def _close() -> None:
    global _store
    if _store is not None:
        _store.close()
        _store = None


def on_post_build(config: Any) -> None:
    _close()


def on_build_error(error: Exception) -> None:
    _close()
