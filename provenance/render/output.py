"""What surrounds a diagram at the command line: the file it goes to, the date in its
title (decided from SOURCE_DATE_EPOCH, the case's review date or today, all passed in),
and the finished bytes (laid out, and for SVG made accessible)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from provenance.render.dot import diagram_dot, review_date
from provenance.render.layout import lay_out
from provenance.render.options import RenderOptions

if TYPE_CHECKING:
    from provenance.records import Document


def default_output(term: str | None, fmt: str) -> str:
    """Return the file a diagram goes to when no -o is given: <term>.<format> in the
    current folder (never the repository's committed graphs/).

    >>> default_output("claim:japan-sold", "png")
    'claim-japan-sold.png'
    """
    stem = re.sub(r"[^a-z0-9]+", "-", (term or "all").casefold()).strip("-") or "diagram"
    return f"{stem}.{fmt}"


def generation_date(doc: Document, source_date_epoch: str | None, today: dt.date) -> str:
    """Return the date printed in a diagram's title: `source_date_epoch` (the
    SOURCE_DATE_EPOCH variable, seconds since 1970) if set, else the case's review date,
    else `today`. A fixed date keeps diagrams byte-identical."""
    if source_date_epoch and source_date_epoch.isdigit():
        return dt.datetime.fromtimestamp(int(source_date_epoch), dt.UTC).date().isoformat()
    return review_date(doc) or today.isoformat()


def draw(
    doc: Document,
    term: str | None,
    options: RenderOptions,
    fmt: str,
    engine: str,
    generated: str,
) -> bytes:
    """Return the diagram of `term` in `fmt` (svg, dot, png, pdf), laid out by `engine`
    (see `provenance.render.layout.choose_engine`), dated `generated`; an SVG gets its
    title, description and tooltips (`provenance.render.svg`)."""
    data = lay_out(diagram_dot(doc, term, options, generated), fmt, engine)
    if fmt != "svg":
        return data
    from provenance.render.summary import summary
    from provenance.render.svg import accessible_svg

    title, desc = summary(doc, term, options)
    return accessible_svg(data, title, desc)
