"""`prov status` as text: one aligned row per claim, a tally, and the case-wide notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.records import Document
    from provenance.views.shapes import StatusRow


def format_status(rows: list[StatusRow], width: int = 100, notes: list[str] | None = None) -> str:
    """Return the status table as aligned text columns, the first reason last, and a
    closing line of counts followed by `notes` (case-wide flags, overridden thresholds)."""
    headers = ["CLAIM", "STATUS", "GRADE", "ORIGINS", "SUPPORT", "OPPOSE", "FIRST SEEN"]
    table = [
        [
            r["claim"],
            r["status"],
            str(r["grade"]),
            str(r["independent_origins"]),
            str(r["support"]),
            str(r["opposition"]),
            r["first_seen"] or "-",
        ]
        for r in rows
    ]
    widths = [max([len(h), *(len(row[i]) for row in table)]) for i, h in enumerate(headers)]
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + "  WHY"]
    used = sum(widths) + 2 * len(widths)
    for r, row in zip(rows, table, strict=True):
        why = r["why"]
        room = max(width - used, 30)
        if len(why) > room:
            why = why[: room - 1] + "…"
        out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + "  " + why)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    out.append("")
    noun = "claim" if len(rows) == 1 else "claims"
    tally = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    out.append(f"{len(rows)} {noun}: {tally}" if tally else f"{len(rows)} {noun}")
    out += notes or []
    return "\n".join(out) + "\n"


def status_text(doc: Document, width: int = 100) -> str:
    """Return `prov status` for a terminal: the table of every claim, then the case-wide
    flags and the thresholds the case overrides."""
    from provenance.views.asof import as_of_view
    from provenance.views.status import case_notes, status_rows

    cut = as_of_view(doc)
    table = format_status(status_rows(doc), width, case_notes(doc))
    return f"{cut['note']}\n{table}" if cut else table
