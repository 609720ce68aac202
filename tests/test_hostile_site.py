"""Hostile sources through the whole pipeline and a real MkDocs build.

Every field a page shows comes from the input here: a title line, body lines, a file name,
every front-matter field, glossary zh/en/source/note, and memory columns. Each hostile
string carries the marker ``tkx``; the built site is parsed with a real HTML parser and
no element, attribute or URL may come from it.
"""

from __future__ import annotations

import gzip
import html
import json
import os
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from toolkit.cli import app
from toolkit.tm import TranslationMemory

TITLE_ATTACK = "关于[科技创新](#){: onfocus=alert(2) autofocus=1 }的通知tkx"
BODY = [
    "科技创新是引领发展的第一动力，这一行来自源文件，必须显示为文本，这里测试恶意内容。",
    "<script>alert('tkx')</script><img src=x onerror=alert(1)>tkx这一行也来自源文件，必须显示为文本。",
    "[点此tkx](javascript:alert(1))不能变成链接，{: .tkx onclick=alert(1) }也不能变成属性。",
    '!!! success "Human translation tkx"',
    "*[科技]: <b>tkx</b>",
    "| tkx | 表格 |",
    "{{ config.site_name }} {% raw %} tkx",
]
FILE_NAME = "r`<img src=x onerror=alert(3)>`tkx.txt"
FRONT = {
    "title": "<img src=x onerror=alert(8)>tkx标题",
    "date": "<b onclick=alert(9)>tkx</b>",
    "source": "[来源tkx](javascript:alert(10))",
    "site": "{: onclick=alert(11) }tkx",
    "encoding": "<img src=x onerror=alert(12)>tkx",
    "script": "<svg onload=alert(13)>tkx",
    "region": "`tkx`",
    "conversion": "*[tkx]: y",
    "origin": "<a href='javascript:alert(14)'>tkx</a>",
    "slug": "../../../escapedtkx",
}
REVIEWED_ZH = "这是一句经过审校的句子。"
HOSTILE_GLOSSARY = (
    "zh\ten\tstatus\tfixed\tvariants\tsource\tnote\n"
    "科技创新\tS&T <img src=x onerror=alert(5)>innovation tkx\tproposed\tno\t\t"
    "{: onclick=alert(7) }tkx\t[note tkx](javascript:alert(6))\n"
)
ALLOWED_TKX_ATTRS = {"id", "title", "href", "data-seg", "content", "aria-label"}


def _front_matter(fields: dict[str, str]) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fields.items()) + "---\n\n"


def hostile_input(root: Path) -> tuple[Path, Path, Path]:
    src = root / "in"
    src.mkdir()
    (src / "title.txt").write_text("\n\n".join([TITLE_ATTACK, *BODY, REVIEWED_ZH]) + "\n", encoding="utf-8")
    (src / FILE_NAME).write_text("恶意文件名测试报告\n\n" + "\n\n".join(BODY) + "\n", encoding="utf-8")
    (src / "front.md").write_text(_front_matter(FRONT) + "\n\n".join(BODY) + "\n", encoding="utf-8")
    glossary = root / "glossary.tsv"
    glossary.write_text(HOSTILE_GLOSSARY, encoding="utf-8")
    tm = root / "tm.sqlite"
    with TranslationMemory(tm) as memory:
        memory.add_review(REVIEWED_ZH, "Reviewed <img src=x onerror=alert(4)> tkx.", glossary="<b onclick=x>tkx</b>")
    return src, glossary, tm


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("hostile-site")
    work = root / "a" / "b" / "c"
    work.mkdir(parents=True)
    src, glossary, tm = hostile_input(work)
    docs, site = work / "docs", work / "site"
    old = Path.cwd()
    os.chdir(work)
    try:
        args = ["build", "--input", str(src), "--glossary", str(glossary), "--tm", str(tm), "--backend", "gloss"]
        result = CliRunner().invoke(app, [*args, "--docs-dir", str(docs), "--site-dir", str(site)])
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return {"root": root, "docs": docs, "site": site}


def _check_element(el: lxml.html.HtmlElement, where: str) -> None:
    assert "tkx" not in el.tag, (where, el.tag)
    for name, value in el.items():
        assert not name.lower().startswith("on") or "alert" not in value, (where, el.tag, name, value)
        assert "tkx" not in name, (where, el.tag, name)
        if name in ("href", "src", "action", "formaction"):
            scheme = "".join(c for c in value if c > " ").lower()
            assert not scheme.startswith(("javascript:", "data:", "vbscript:")), (where, el.tag, name, value)
        if "tkx" in value:
            assert name in ALLOWED_TKX_ATTRS, (where, el.tag, name, value)
    if el.tag in ("script", "style"):
        assert "tkx" not in (el.text or "") and "alert" not in (el.text or ""), (where, el.text)


def test_nothing_from_a_source_becomes_markup(hostile_site: dict[str, Path]) -> None:
    pages = sorted(hostile_site["site"].rglob("*.html"))
    assert len(pages) >= 12
    seen_text = 0
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        tree = lxml.html.fromstring(raw)
        for el in tree.iter():
            if isinstance(el.tag, str):
                _check_element(el, str(page))
            else:
                assert "tkx" not in (el.text or ""), (page, el)  # comments, processing instructions
        seen_text += tree.text_content().count("tkx")
    assert seen_text > 50  # the hostile text is there, as text


def test_search_index_holds_text_not_markup(hostile_site: dict[str, Path]) -> None:
    """Pagefind's fragments (gzip, ``pagefind_dcd`` + JSON): what a search result shows is text,
    and the hostile text is there as text."""
    fragments = sorted((hostile_site["site"] / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments
    seen = 0
    for path in fragments:
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        doc = json.loads(raw[len(b"pagefind_dcd") :])
        for field in (doc["content"], doc["meta"].get("title", "")):
            seen += field.count("tkx")
            frag = lxml.html.fragment_fromstring(html.escape(field), create_parent="div")
            assert len(frag) == 0, (path, field[:80])  # no element: text only
            assert "<script" not in field.lower() or "&lt;" not in field, field[:80]
    assert seen > 0


def test_front_matter_slug_cannot_leave_the_output_folder(hostile_site: dict[str, Path]) -> None:
    escaped = [p for p in hostile_site["root"].rglob("*escapedtkx*")]
    assert all(hostile_site["docs"] in p.parents or hostile_site["site"] in p.parents for p in escaped), escaped
    assert (hostile_site["docs"] / "zh" / "escapedtkx.md").exists()


def test_title_line_is_text_in_every_view(hostile_site: dict[str, Path]) -> None:
    for view in ("zh", "aligned"):
        path = next((hostile_site["site"] / view).glob("*.html"))
        page = lxml.html.fromstring(path.read_text(encoding="utf-8"))
        for h1 in page.iter("h1"):
            assert not h1.findall(".//a[@href='#']") and not h1.xpath(".//*[@onfocus]"), view
    titled = [
        p for p in hostile_site["site"].rglob("*.html") if "关于[科技创新](#){: onfocus=alert(2) autofocus=1 }" in
        lxml.html.fromstring(p.read_text(encoding="utf-8")).text_content()
    ]  # fmt: skip
    assert titled


def test_translate_writes_only_inside_its_output_folder(tmp_path: Path, runner: CliRunner) -> None:
    src = tmp_path / "deep" / "in"
    src.mkdir(parents=True)
    body = "科技创新工作取得显著成效。\n"
    (src / "a.md").write_text(_front_matter({"slug": "../../../../pwned"}) + body, "utf-8")
    (src / "b.md").write_text(_front_matter({"slug": str(tmp_path / "abs" / "pwned-abs")}) + body, "utf-8")
    document = {"meta": {"slug": "../../pwned-json", "title": "t"}, "blocks": [{"kind": "paragraph", "text": "科技。"}]}
    (src / "c.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    result = runner.invoke(app, ["translate", str(src), "-o", str(out), "--backend", "gloss", "--no-tm"])
    assert result.exit_code == 0, result.output
    names = ("pwned", "pwned-abs", "pwned-json")
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}{suffix}" for n in names for suffix in (".json", ".md"))
    assert [p for p in tmp_path.rglob("pwned*") if p.parent != out] == []
    assert not (tmp_path / "abs").exists()


@pytest.mark.parametrize("slug", ["../x", "/etc/passwd", "a/b", "", ".hidden", "A", "x" * 81, "a\nb", "..", "-x"])
def test_only_the_toolkits_own_names_are_output_names(slug: str, tmp_path: Path) -> None:
    from toolkit.document import Meta
    from toolkit.errors import InputError
    from toolkit.files import output_path, slugify

    with pytest.raises(ValueError, match="unsafe output name"):
        Meta(slug=slug)
    with pytest.raises(InputError):
        output_path(tmp_path, slug, ".md")
    assert output_path(tmp_path, slugify(slug) or "x", ".md").parent == tmp_path


def test_a_source_admonition_cannot_fake_the_provenance_banner(hostile_site: dict[str, Path]) -> None:
    """`!!! success "Human translation"` in a source is a line of text, not a second banner."""
    for view in ("zh", "en", "aligned"):
        for page in (hostile_site["site"] / view).glob("*.html"):
            tree = lxml.html.fromstring(page.read_text(encoding="utf-8"))
            banners = tree.find_class("admonition")
            assert len(banners) == (0 if view == "zh" else 1), (page, [b.text_content()[:40] for b in banners])
            if view != "en":
                assert "Human translation tkx" in tree.text_content(), page


def test_documents_json_is_data(hostile_site: dict[str, Path]) -> None:
    """The index's filter data: JSON whose strings hold the hostile text as text."""
    site = hostile_site["site"]
    manifest = json.loads((site / "documents.json").read_text(encoding="utf-8"))
    raw = "".join((site / s["file"]).read_text(encoding="utf-8") for s in manifest["shards"])
    docs = [
        d for s in manifest["shards"] for d in json.loads((site / s["file"]).read_text(encoding="utf-8"))["documents"]
    ]
    assert docs and "tkx" in raw
    assert all(isinstance(v, str) for k in ("years", "sources", "regions", "scripts") for v in manifest[k])
    for doc in docs:
        assert set(doc) >= {"slug", "zh", "en", "date", "source", "region", "script", "review", "qa"}
        assert all(isinstance(v, (str, int)) for v in doc.values())
