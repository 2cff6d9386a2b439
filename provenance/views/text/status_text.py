"""`prov status` as text: one row per claim that fits the width, a tally, and the
case-wide notes.

At any width a row shows the claim, its status, grade and independent origins and the
first reason, cut with an ellipsis; `wide` adds the supporting and opposing counts, the
first-seen date and, for a case with spread data, the reposts, and prints the whole
reason, however long the line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from provenance.views.text.terminal import UNLIMITED, Column, safe, table, wrap

if TYPE_CHECKING:
    from provenance.records import Document
    from provenance.views.shapes import StatusRow

#: The columns of `prov status`, and those only `--wide` shows (before WHY).
COLUMNS = (Column("CLAIM"), Column("STATUS"), Column("GRADE"), Column("ORIGINS"))
WIDE_COLUMNS = (Column("SUPPORT"), Column("OPPOSE"), Column("FIRST SEEN"))
REPOSTS = Column("REPOSTS", right=True)
WHY = Column("WHY", flex=True)


def _cells(r: StatusRow, wide: bool, reposts: bool) -> list[str]:
    cells = [r["claim"], r["status"], str(r["grade"]), str(r["independent_origins"])]
    if wide:
        cells += [str(r["support"]), str(r["opposition"]), r["first_seen"] or "-"]
    if wide and reposts:
        cells.append(f"{r['reposts']:,}")
    return [*cells, r["why"]]


def format_status(
    rows: list[StatusRow], width: int = 100, notes: list[str] | None = None, wide: bool = False
) -> str:
    """Return the status table, no line wider than `width` (unless `wide`), then a line
    of counts and the `notes` (case-wide flags, overridden thresholds)."""
    rows = cast("list[StatusRow]", safe(rows))
    reposts = any(r["reposts"] for r in rows)
    extra = [*WIDE_COLUMNS, *((REPOSTS,) if reposts else ())] if wide else []
    columns = [*COLUMNS, *extra, WHY]
    cells = [_cells(r, wide, reposts) for r in rows]
    out = table(columns, cells, UNLIMITED if wide else width)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    out.append("")
    noun = "claim" if len(rows) == 1 else "claims"
    tally = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    out.append(f"{len(rows)} {noun}: {tally}" if tally else f"{len(rows)} {noun}")
    for note in cast("list[str]", safe(notes or [])):
        out += wrap(note, "", UNLIMITED if wide else width)
    return "\n".join(out) + "\n"


def status_text(doc: Document, width: int = 100, wide: bool = False) -> str:
    """Return `prov status` for a terminal: the table of every claim, then the case-wide
    flags and the thresholds the case overrides."""
    from provenance.views.asof import as_of_view
    from provenance.views.status import case_notes, status_rows

    cut = as_of_view(doc)
    table = format_status(status_rows(doc), width, case_notes(doc), wide)
    return f"{cut['note']}\n{table}" if cut else table
