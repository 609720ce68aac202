"""toolkit.sitehooks: the aligned page's finished HTML passes through Markdown as it would
have (same HTML, its anchors known to MkDocs), and rendered pages wait on disk."""

from __future__ import annotations

from pathlib import Path

import markdown

from toolkit.document import Block, Document, Meta, Segment
from toolkit.publish import aligned_page, en_page, zh_page
from toolkit.site import REQUIRED_EXTENSIONS
from toolkit.sitehooks import PageStore, raw_blocks


def _doc() -> Document:
    segs = (Segment(id="p1s0", zh="科技<b>创新</b>。", en="S&T *innovation*."),)
    return Document(
        meta=Meta(slug="d", title="标题"),
        blocks=(
            Block(kind="heading", level=1, text="标题", segments=(Segment(id="p0s0", zh="标题", en="Title"),)),
            Block(kind="paragraph", text="科技<b>创新</b>。", segments=segs),
            Block(kind="list_item", text='<div class="tk-toggle" x>', segments=segs),
        ),
    )


def _convert(text: str, ours: bool) -> str:
    exts = [e for e in REQUIRED_EXTENSIONS if ours or e != "toolkit.sitehooks"]
    names = [e if isinstance(e, str) else next(iter(e)) for e in exts]
    configs = {next(iter(e)): e[next(iter(e))] for e in exts if isinstance(e, dict)}
    body = text.split("---\n", 2)[2]
    return str(markdown.Markdown(extensions=names, extension_configs=configs).convert(body))


def test_pages_render_the_same_with_and_without_the_extension() -> None:
    doc = _doc()
    for page in (zh_page(doc), en_page(doc), aligned_page(doc)):
        assert _convert(page, True) == _convert(page, False)


def test_only_the_toolkits_own_blocks_are_taken_whole() -> None:
    lines = aligned_page(_doc()).splitlines()
    found, ids = raw_blocks(lines)
    assert len(found) == 1 and {"p1", "p2"} <= ids
    start, end = found[0]
    assert lines[start].startswith('<div class="tk-toggle"') and lines[end - 1] == "</div>"
    # Source text can never start a line with '<' (it is escaped), and an unbalanced block is
    # left to Markdown.
    assert raw_blocks(['<div class="tk-aligned" data-view="both">', "<div>", "</div>"])[0] == []


def test_page_store_gives_back_what_it_was_given(tmp_path: Path) -> None:
    store = PageStore(tmp_path)
    store.put("a.md", "<p>科技</p>")
    store.put("b.md", "x" * 100_000)
    assert store.get("a.md") == "<p>科技</p>" and store.get("b.md") == "x" * 100_000
    assert store.get("c.md") is None
    assert list(tmp_path.iterdir()) == []  # nothing left on disk, whatever ends the build
    store.close()
