"""From a term to the report's files: the diagram laid out, the page written, and for
Markdown the SVG beside it. What the CLI calls; the clock enters as an argument."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import NamedTuple

from provenance.errors import ProvenanceError
from provenance.records import Document
from provenance.report import FORMATS


class ReportFiles(NamedTuple):
    """The files to write, in order ("-" is stdout), and notes for the user."""

    files: list[tuple[str, bytes]]
    notes: list[str]


def diagram_svg(doc: Document, term: str, generated: str) -> bytes:
    """Return the report-size diagram of `term` as accessible SVG (the embedded Graphviz
    when no system one is installed)."""
    from provenance.render import RenderOptions, draw
    from provenance.render.layout import choose_engine

    return draw(doc, term, RenderOptions(), "svg", choose_engine("auto", "svg"), generated)


def report_files(
    doc: Document,
    term: str,
    fmt: str,
    output: str,
    base_url: str | None,
    source_date_epoch: str | None,
    today: dt.date | None = None,
) -> ReportFiles:
    """Return the report on `term` in `fmt` (html or md) for `output`."""
    if fmt not in FORMATS:
        raise ProvenanceError(f"unknown format '{fmt}': use one of {', '.join(FORMATS)}")
    if fmt == "md" and output == "-":
        raise ProvenanceError("--format md writes the diagram beside the page: give -o FILE.md")
    from provenance.render.output import generation_date
    from provenance.report.build import build_report

    generated = generation_date(doc, source_date_epoch, today or dt.date.today())
    report = build_report(doc, term, generated, base_url)
    svg = diagram_svg(doc, term, generated)
    if fmt == "html":
        from provenance.render.svg import inline_svg
        from provenance.report.html import render_html

        page = render_html(report, inline_svg(svg))
        return ReportFiles([(output, page.encode("utf-8"))], report.notes)
    from provenance.report.markdown import render_markdown

    svg_path = str(PurePath(output).with_suffix(".svg"))
    text = render_markdown(report, PurePath(svg_path).name)
    return ReportFiles([(svg_path, svg), (output, text.encode("utf-8"))], report.notes)
