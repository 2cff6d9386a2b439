"""`prov explain`: one claim's whole verdict, every rule the engine tried, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.errors import LookupFailed

if TYPE_CHECKING:
    from provenance.records import Document
    from provenance.views.shapes import ExplainResult


def explain(doc: Document, claim_id: str) -> ExplainResult:
    """Return one claim's full verdict: every rule tried in order, whether it fired and
    why, the origins, reasons and flags, and the thresholds in force. Raises
    LookupFailed, with a suggestion, for an unknown claim id.

    Example: `explain(doc, "japan-sold")["verdict"]["status"]` is `"unconfirmed"`.
    """
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
