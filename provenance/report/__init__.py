"""`prov report TERM`: the page a fact-checker publishes about one claim.

- `build`: `build_report(doc, term, generated, base_url)`, the content as data (pure);
- `html`: one self-contained HTML page (inline CSS and SVG, the ClaimReview JSON-LD);
- `markdown`: Markdown with the diagram as an SVG file beside it.

`FORMATS` declares the output formats once; the CLI's `--format` reads it.
"""

from __future__ import annotations

from typing import NamedTuple


class ReportFormat(NamedTuple):
    """One report format: its name, what it is, and its usual file suffix."""

    name: str
    description: str
    suffix: str


FORMATS = {
    f.name: f
    for f in (
        ReportFormat("html", "one self-contained HTML page (inline CSS and SVG)", ".html"),
        ReportFormat("md", "Markdown, with the diagram as an SVG file beside it", ".md"),
    )
}
