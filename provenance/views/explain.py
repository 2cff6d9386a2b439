"""`prov explain`: one claim's whole verdict, every rule the engine tried, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.views.find import find_id

if TYPE_CHECKING:
    from provenance.records import Document, Verdict
    from provenance.views.shapes import ExplainAssertion, ExplainResult


def explain(doc: Document, claim_id: str) -> ExplainResult:
    """Return one claim's full verdict: every rule tried in order, whether it fired and
    why, the origins, reasons and flags, and the thresholds in force. Raises
    LookupFailed, with a suggestion, for an unknown claim id.

    Example: `explain(doc, "japan-sold")["verdict"]["status"]` is `"unconfirmed"`.
    """
    find_id(doc, "claim", claim_id, see="'prov status' lists every claim")
    claims = {c["id"]: c for c in doc["case"].get("claims", [])}
    verdict = doc["analysis"]["claims"][claim_id]
    return {
        "claim": claim_id,
        "text": claims[claim_id]["text"],
        "verdict": verdict,
        "assertions": _attributions(doc, verdict),
        "rules": doc["analysis"]["rules"],
        "overrides": doc["analysis"]["overrides"],
    }


def _attributions(doc: Document, verdict: Verdict) -> list[ExplainAssertion]:
    """Return every assertion the verdict names (support, conditional, reach, opposition,
    withdrawn), in id order, with its quote mode and attribution."""
    ids = sorted(
        {
            *verdict["support"],
            *verdict["conditional"],
            *verdict["reach"],
            *verdict["opposition"],
            *verdict["withdrawn"],
        }
    )
    records = {a["id"]: a for a in doc["case"].get("assertions", [])}
    results = doc["analysis"]["assertions"]
    return [
        {
            "assertion": a_id,
            "actor": records[a_id]["actor"],
            "stance": records[a_id]["stance"],
            "quote_mode": records[a_id]["quote_mode"],
            "speech_act": records[a_id]["speech_act"],
            "self_interested": records[a_id]["self_interested"],
            "attribution": results[a_id]["attribution"],
        }
        for a_id in ids
    ]
