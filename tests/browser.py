"""Open diagrams and reports as a reader would: headless Chromium (Debian's package).

Two ways in: `screenshot` runs the chromium binary on an SVG (no Python dependency);
`open_page` drives it with playwright (the `playwright` package, pointed at the system
Chromium, so no browser download) for the report tests, which measure the page.

Used by tests/test_render.py, tests/test_report.py and graphs/render.sh.
Run: python -m tests.browser IN.svg|IN.html OUT.png [WIDTH]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str | None:
    """Return the path of a Chromium browser, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def svg_size(svg: str) -> tuple[int, int]:
    """Return the pixel size of an SVG whose width and height are given in points."""
    found = re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    if not found:
        raise ValueError("SVG has no width/height in points")
    return tuple(int(float(v) * 4 / 3) + 16 for v in found.groups())  # type: ignore[return-value]


def screenshot(svg_path: Path, png_path: Path) -> None:
    """Write a PNG of `svg_path` as Chromium draws it, at its natural size."""
    browser = chromium()
    if browser is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    width, height = svg_size(svg_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--screenshot={png_path}",
                f"--window-size={width},{height}",
                svg_path.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def playwright_available() -> bool:
    """Return whether the playwright package and a Chromium are both installed."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return chromium() is not None


@contextmanager
def open_browser() -> Iterator[Any]:
    """Yield a headless Chromium driven by playwright, offline: every request the page
    makes other than the page itself is counted in `browser.requests` and refused."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium(),
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser: Any, page_path: Path, width: int, requests: list[str]) -> Any:
    """Return a page of `width` CSS pixels showing `page_path`; requests for anything
    but the file itself are refused and recorded in `requests`."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    own = page_path.resolve().as_uri()

    def route(r: Any) -> None:
        if r.request.url == own:
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(own)
    return page


def page_screenshot(page_path: Path, png_path: Path, width: int) -> None:
    """Write a full-page PNG of an HTML page at `width` CSS pixels."""
    with open_browser() as browser:
        page = open_page(browser, page_path, width, [])
        page.screenshot(path=str(png_path), full_page=True)


if __name__ == "__main__":
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    if source.suffix == ".html":
        page_screenshot(source, target, int(sys.argv[3]) if len(sys.argv) > 3 else 800)
    else:
        screenshot(source, target)
