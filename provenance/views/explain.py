"""`prov explain`: one claim's whole verdict, every rule the engine tried, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance import dates
from provenance.views.asof import as_of_view
from provenance.views.find import find_id

if TYPE_CHECKING:
    from provenance.records import Document, Verdict
    from provenance.views.shapes import ExplainAssertion, ExplainResult

#: The store sections (provenance.store.SECTIONS) this view reads (see views.status);
#: a term is looked up in the store's term index, which holds every section's names.
READS = frozenset({"claims", "verdicts", "assertions", "results"})


def explain(doc: Document, claim_id: str) -> ExplainResult:
    """Return one claim's full verdict: every rule tried in order, whether it fired and
    why, the origins, reasons and flags, and the thresholds in force. Raises
    LookupFailed, with a suggestion, for an unknown claim id.

    Example: `explain(doc, "japan-sold")["verdict"]["status"]` is `"unconfirmed"`.
    """
    not_yet(doc, claim_id)
    find_id(doc, "claim", claim_id, see="'prov status' lists every claim")
    claims = {c["id"]: c for c in doc["case"].get("claims", [])}
    verdict = doc["analysis"]["claims"][claim_id]
    result: ExplainResult = {
        "claim": claim_id,
        "text": claims[claim_id]["text"],
        "verdict": verdict,
        "assertions": _attributions(doc, verdict),
        "rules": doc["analysis"]["rules"],
        "overrides": doc["analysis"]["overrides"],
    }
    cut = as_of_view(doc)
    if cut is not None:
        result["as_of"] = cut
    return result


def _attributions(doc: Document, verdict: Verdict) -> list[ExplainAssertion]:
    """Return every assertion the verdict names (its origins, even those that no longer
    stand; support, conditional, reach, opposition, withdrawn), in id order, with its
    quote mode and attribution."""
    ids = sorted(
        {
            *(o["assertion"] for o in verdict["origins"]),
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
            "quoted": bool(records[a_id].get("quote")),
            "quote_mode": records[a_id]["quote_mode"],
            "speech_act": records[a_id]["speech_act"],
            "self_interested": records[a_id]["self_interested"],
            "attribution": results[a_id]["attribution"],
        }
        for a_id in ids
    ]


def not_yet(doc: Document, claim_id: str) -> None:
    """Raise LookupFailed, saying so, for a claim an `--as-of` view left out."""
    cut = doc.get("as_of")
    left_out = {o["id"]: o for o in cut["omitted"] if o["kind"] == "claim"} if cut else {}
    if claim_id in left_out and cut is not None:
        from provenance.errors import LookupFailed

        when = dates.display(cut["date"])
        raise LookupFailed(f"claim '{claim_id}' as of {when}: {left_out[claim_id]['reason']}")
