"""`prov status`: the verdict of every claim in one row each, and the case-wide notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.records import Document
    from provenance.views.shapes import StatusReport, StatusRow

#: The store sections (provenance.store.SECTIONS) these views read; a test holds that
#: they give the same output from a document with only these read as from a whole one.
READS = frozenset({"claims", "verdicts"})


def status_rows(doc: Document) -> list[StatusRow]:
    """Return one row per claim, in id order: status, grade, independent origins,
    supporting and opposing assertion counts, first seen, and the deciding reason."""
    claims = {c["id"]: c for c in doc["case"].get("claims", [])}
    verdicts = doc["analysis"]["claims"]
    spread = doc["spread"]["claims"] if "spread" in doc else {}
    rows: list[StatusRow] = []
    for claim_id in sorted(verdicts):
        verdict = verdicts[claim_id]
        rows.append(
            {
                "claim": claim_id,
                "text": claims[claim_id]["text"],
                "status": verdict["status"],
                "grade": verdict["grade"],
                "independent_origins": verdict["independent_origins"],
                "support": len(verdict["support"]),
                "opposition": len(verdict["opposition"]),
                "first_seen": verdict["first_seen"],
                "why": verdict["reasons"][0]["text"] if verdict["reasons"] else "",
                "flags": [f["kind"] for f in verdict["flags"]],
                "reposts": spread[claim_id]["posts"] if claim_id in spread else 0,
            }
        )
    return rows


def status_report(doc: Document) -> StatusReport:
    """Return what `prov status --json` prints: every claim's row, the thresholds in
    force and the names of those the case overrides."""
    analysis = doc["analysis"]
    report: StatusReport = {
        "claims": status_rows(doc),
        "rules": analysis["rules"],
        "overrides": analysis["overrides"],
    }
    from provenance.views.asof import as_of_view

    cut = as_of_view(doc)
    if cut is not None:
        report["as_of"] = cut
    return report


def overrides_note(doc: Document) -> str | None:
    """Return a line naming the thresholds this case overrides, or None."""
    overrides = doc["analysis"]["overrides"]
    if not overrides:
        return None
    rules: dict[str, object] = dict(doc["analysis"]["rules"])
    return "this case overrides the default thresholds: " + ", ".join(
        f"{name}={rules[name]}" for name in overrides
    )


def case_notes(doc: Document) -> list[str]:
    """Return the lines a status table ends with: case-wide flags, then overrides."""
    notes = [f"! {f['kind']}: {f['text']}" for f in doc["analysis"]["flags"]]
    note = overrides_note(doc)
    return [*notes, note] if note else notes
