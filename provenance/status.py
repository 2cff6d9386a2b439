"""`prov status` and `prov explain`: the verdict of every claim, and one claim's rule trace."""

from __future__ import annotations

from typing import Any

from provenance.document import Document
from provenance.errors import LookupFailed


def status_rows(doc: Document) -> list[dict[str, Any]]:
    """Return one row per claim, in id order: status, grade, independent origins,
    supporting and opposing assertion counts, first seen, and the deciding reason."""
    rows = []
    claims = {c["id"]: c for c in doc["case"].get("claims", [])}
    for claim_id in sorted(doc["analysis"]["claims"]):
        verdict = doc["analysis"]["claims"][claim_id]
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
            }
        )
    return rows


def overrides_note(doc: Document) -> str | None:
    """Return a line naming the thresholds this case overrides, or None."""
    overrides = doc["analysis"]["overrides"]
    if not overrides:
        return None
    rules = doc["analysis"]["rules"]
    return "this case overrides the default thresholds: " + ", ".join(
        f"{name}={rules[name]}" for name in overrides
    )


def case_notes(doc: Document) -> list[str]:
    """Return the lines a status table ends with: case-wide flags, then overrides."""
    notes = [f"! {f['kind']}: {f['text']}" for f in doc["analysis"]["flags"]]
    note = overrides_note(doc)
    return [*notes, note] if note else notes


def explain(doc: Document, claim_id: str) -> dict[str, Any]:
    """Return one claim's full verdict: every rule tried in order, whether it fired and
    why, the origins, reasons and flags, and the thresholds in force."""
    verdicts = doc["analysis"]["claims"]
    if claim_id not in verdicts:
        from provenance.suggest import hint

        raise LookupFailed(
            f"no claim with id '{claim_id}'{hint(claim_id, verdicts)}; "
            "'prov status' lists every claim"
        )
    claims = {c["id"]: c for c in doc["case"].get("claims", [])}
    return {
        "claim": claim_id,
        "text": claims[claim_id]["text"],
        "verdict": verdicts[claim_id],
        "rules": doc["analysis"]["rules"],
        "overrides": doc["analysis"]["overrides"],
    }
