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
    page.goto(f"{server}/aligned/{SLUG}/")
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
    page.goto(f"{server}/aligned/{SLUG}/")
    pair = page.locator(".tk-pair").nth(3)
    zbox, ebox = pair.locator(".tk-zh").bounding_box(), pair.locator(".tk-en").bounding_box()
    assert zbox and ebox and ebox["y"] >= zbox["y"] + zbox["height"] - 1  # English below Chinese
    page.screenshot(path=str(tmp_path / "aligned-phone.png"))


def test_language_switch_lands_on_the_counterpart(server: str, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{server}/zh/{SLUG}/")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"**/en/{SLUG}/")
    assert "dual-wheel drive" in page.locator("article").inner_text()
    page.screenshot(path=str(tmp_path / "english.png"))
    # …and back.
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="zh"]').first.click()
    page.wait_for_url(f"**/zh/{SLUG}/")
    assert "双轮驱动" in page.locator("article").inner_text()
