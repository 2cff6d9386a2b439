"""Open an SVG as a reader would: headless Chromium (Debian's package), screenshot to PNG.

Used by tests/test_render.py and graphs/render.sh. Run: python -m tests.browser IN.svg OUT.png
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

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


if __name__ == "__main__":
    screenshot(Path(sys.argv[1]), Path(sys.argv[2]))
