"""The built site in a real browser: Playwright driving Debian's headless Chromium.

Serves the session's built site on a free loopback port. Screenshots go to the test's
tmp dir. Without /usr/bin/chromium these tests are skipped with the reason (a developer
without root); CI sets TOOLKIT_REQUIRE_BROWSER=1, which turns the skip into a failure.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("TOOLKIT_CHROMIUM", "/usr/bin/chromium"))
SLUG = "000-278de87c3f697afd"

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    if os.environ.get("TOOLKIT_REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium package (make browser)")
    pytest.skip(
        f"{CHROMIUM} not installed: `sudo apt-get install chromium` (or `make browser` as root) to run browser tests",
        allow_module_level=True,
    )


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server(built_site: dict[str, Path]) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site["site"]))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield b
        b.close()


def test_aligned_page_shows_chinese_and_english_side_by_side(server: str, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{server}/aligned/{SLUG}.html")
    pair = page.locator(".tk-pair").nth(3)
    zh, en = pair.locator(".tk-zh"), pair.locator(".tk-en")
    assert zh.is_visible() and en.is_visible()
    zbox, ebox = zh.bounding_box(), en.bounding_box()
    assert zbox and ebox
    assert ebox["x"] >= zbox["x"] + zbox["width"] - 1  # English to the right of Chinese
    assert abs(ebox["y"] - zbox["y"]) < 5  # on the same row
    assert any("\u4e00" <= c <= "\u9fff" for c in zh.inner_text())
    english = en.inner_text()
    assert sum(c.isascii() for c in english) > 0.9 * len(english)
    assert "dual-wheel drive" in page.locator(".tk-aligned").inner_text()
    assert page.locator(".admonition.warning").first.is_visible()
    page.screenshot(path=str(tmp_path / "aligned-desktop.png"), full_page=False)


def test_aligned_page_stacks_on_a_phone(server: str, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{server}/aligned/{SLUG}.html")
    pair = page.locator(".tk-pair").nth(3)
    zbox, ebox = pair.locator(".tk-zh").bounding_box(), pair.locator(".tk-en").bounding_box()
    assert zbox and ebox and ebox["y"] >= zbox["y"] + zbox["height"] - 1  # English below Chinese
    page.screenshot(path=str(tmp_path / "aligned-phone.png"))


def test_language_switch_lands_on_the_counterpart(server: str, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{server}/zh/{SLUG}.html")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"**/en/{SLUG}.html")
    assert "dual-wheel drive" in page.locator("article").inner_text()
    page.screenshot(path=str(tmp_path / "english.png"))
    # …and back.
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="zh-Hans"]').click()
    page.wait_for_url(f"**/zh/{SLUG}.html")
    assert "双轮驱动" in page.locator("article").inner_text()


def test_index_lists_every_document(server: str, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{server}/")
    rows = page.locator("table.tk-docs tbody tr")
    rows.first.wait_for()
    assert rows.count() == 5
    assert "2020年科技工作报告" in page.locator("table.tk-docs").inner_text()
    assert "dictionary gloss" in page.locator("table.tk-docs").inner_text()
    page.screenshot(path=str(tmp_path / "index.png"), full_page=True)


def test_toggle_is_remembered_and_keyboard_usable(server: str, browser: Any, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{server}/aligned/{SLUG}.html")
    pair = page.locator(".tk-pair").nth(3)
    assert pair.locator(".tk-zh").is_visible() and pair.locator(".tk-en").is_visible()
    page.locator('.tk-toggle button[data-view="en"]').click()
    assert not pair.locator(".tk-zh").is_visible() and pair.locator(".tk-en").is_visible()
    assert page.locator('.tk-toggle button[data-view="en"]').get_attribute("aria-pressed") == "true"
    page.screenshot(path=str(tmp_path / "english-only.png"))
    # Remembered on another document's aligned page.
    page.goto(f"{server}/aligned/002-a1976a7a51a0a365.html")
    assert not page.locator(".tk-pair .tk-zh").first.is_visible()
    # Keyboard: focus the 中文 button and press Enter.
    page.locator('.tk-toggle button[data-view="zh"]').focus()
    page.keyboard.press("Enter")
    assert page.locator(".tk-pair .tk-zh").first.is_visible() and not page.locator(".tk-pair .tk-en").first.is_visible()
    page.locator('.tk-toggle button[data-view="both"]').focus()
    page.keyboard.press("Space")
    assert page.locator(".tk-pair .tk-en").first.is_visible()
    context.close()


def test_sentence_linking(server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{server}/aligned/{SLUG}.html")
    zh = page.locator('.tk-zh .tk-seg[data-seg="p1s0"]')
    en = page.locator('.tk-en .tk-seg[data-seg="p1s0"]')
    zh.hover()
    assert "tk-active" in (en.get_attribute("class") or "")
    page.mouse.move(5, 5)
    assert "tk-active" not in (en.get_attribute("class") or "")
    en.focus()  # keyboard focus links too
    assert "tk-active" in (zh.get_attribute("class") or "")


def test_paragraph_anchor_is_shareable(server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{server}/aligned/{SLUG}.html#p5")
    assert page.locator("#p5").is_visible()
    assert page.locator("#p5 .tk-anchor").get_attribute("href") == "#p5"


HOSTILE = (
    "恶意页面测试报告\n\n" + "，".join(["科技创新工作取得显著成效"] * 6) + "。\n\n"
    "<script>alert('x')</script><img src=x onerror=alert(2)>这一行来自源文件，必须显示为文本。\n\n"
    "[点我](javascript:alert(1))链接不能变成链接，{{ config.site_name }} 和 {% raw %} 也不能被解释。\n\n"
    "# 这不是标题\n\n"
    "| 表格 | 不是表格 |\n"
)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from typer.testing import CliRunner

    from toolkit.cli import app

    from .conftest import GLOSSARY

    work = tmp_path_factory.mktemp("hostile")
    (work / "in").mkdir()
    (work / "in" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    args = ["build", "--input", str(work / "in"), "--glossary", str(GLOSSARY), "--no-tm"]
    result = CliRunner().invoke(app, [*args, "--docs-dir", str(work / "d"), "--site-dir", str(work / "s")])
    assert result.exit_code == 0, result.output
    handler = functools.partial(_QuietHandler, directory=str(work / "s"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("view", ["zh", "en", "aligned"])
def test_hostile_source_runs_nothing(hostile_server: str, browser: Any, view: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    url = f"{hostile_server}/{view}/hostile.html"
    page.goto(url)
    page.wait_for_timeout(500)
    article = page.locator("article")
    for link in article.locator("a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript")
    assert article.locator("table, h2:has-text('这不是标题'), script").count() == 0
    if view != "en":
        text = article.inner_text()
        assert "<script>alert('x')</script>" in text and "{{ config.site_name }}" in text
        assert "# 这不是标题" in text and "| 表格 | 不是表格 |" in text
    page.locator("article").click(position={"x": 5, "y": 5})
    page.wait_for_timeout(200)
    assert dialogs == [] and page.url == url
    page.screenshot(path=str(tmp_path / f"hostile-{view}.png"), full_page=True)


@pytest.fixture(scope="module")
def hostile_fields_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """A site built from a hostile title line, file name, front matter, glossary and memory."""
    from typer.testing import CliRunner

    from toolkit.cli import app

    from .test_hostile_site import hostile_input

    work = tmp_path_factory.mktemp("hostile-fields")
    src, glossary, tm = hostile_input(work)
    args = ["build", "--input", str(src), "--glossary", str(glossary), "--tm", str(tm), "--backend", "gloss"]
    result = CliRunner().invoke(app, [*args, "--docs-dir", str(work / "d"), "--site-dir", str(work / "s")])
    assert result.exit_code == 0, result.output
    slugs = sorted(p.stem for p in (work / "d" / "zh").glob("*.md"))
    handler = functools.partial(_QuietHandler, directory=str(work / "s"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", slugs
    httpd.shutdown()
    httpd.server_close()


_HANDLERS = """() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
  .filter(a => a.name.startsWith('on') || /^\\s*(javascript|data):/i.test(a.value))
  .map(a => `${e.tagName} ${a.name}=${a.value}`))"""


def test_hostile_fields_run_nothing_in_any_page(hostile_fields_server: tuple[str, list[str]], browser: Any) -> None:
    """Title line, file name, every front-matter field, glossary and memory columns: in real
    Chromium no dialog opens (autofocus would fire an injected onfocus at load), no element
    carries a handler or a script URL, and Tab through the page runs nothing."""
    base, slugs = hostile_fields_server
    assert len(slugs) == 3
    urls = [f"{base}/", f"{base}/glossary.html", f"{base}/qa.html", f"{base}/search.html?q=tkx"]
    urls += [f"{base}/{view}/{slug}.html" for slug in slugs for view in ("zh", "en", "aligned")]
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in urls:
        page.goto(url)
        page.wait_for_timeout(150)
        if url.endswith("/"):  # the index's table, built from documents.json (hostile titles)
            page.locator("table.tk-docs tbody tr").first.wait_for()
        for _ in range(8):
            page.keyboard.press("Tab")
        assert page.evaluate(_HANDLERS) == [], url
        if "/qa.html" not in url:  # no QA problem: no hostile text on that page
            assert "tkx" in page.locator("body").inner_text(), url
        assert page.url == url
    assert dialogs == []
