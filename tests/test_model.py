from __future__ import annotations

import pytest
from pydantic import ValidationError

from provenance.model import Actor, Assertion, Case, case_json_schema


def test_aliases_accept_plain_names_and_marked_errors() -> None:
    actor = Actor.model_validate(
        {
            "id": "bessent",
            "name": "Scott Bessent",
            "kind": "person",
            "aliases": ["Bessent", {"name": "Mnuchin", "error": True, "note": "wrong person"}],
        }
    )
    assert [(a.name, a.error) for a in actor.aliases] == [("Bessent", False), ("Mnuchin", True)]


def test_unknown_fields_are_errors() -> None:
    with pytest.raises(ValidationError) as info:
        Assertion.model_validate(
            {"id": "a", "actor": "b", "claim": "c", "source": "d", "stance": "states", "quot": "x"}
        )
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_case_records_are_kept_in_id_order() -> None:
    case = Case.model_validate(
        {
            "actors": [
                {"id": "zed", "name": "Z", "kind": "person"},
                {"id": "amy", "name": "A", "kind": "person"},
            ]
        }
    )
    assert [a.id for a in case.actors] == ["amy", "zed"]


def test_json_schema_lists_every_stance_for_editors() -> None:
    schema = case_json_schema()
    stances = schema["$defs"]["Stance"]["enum"]
    assert stances == [
        "confirms",
        "states",
        "hedges",
        "conditional",
        "reports",
        "doubts",
        "denies",
        "retracts",
    ]
    assert schema["additionalProperties"] is False


def test_the_committed_schema_is_up_to_date() -> None:
    import json

    from tests.conftest import ROOT

    committed = json.loads((ROOT / "docs" / "case.schema.json").read_text(encoding="utf-8"))
    assert committed == case_json_schema(), "run: prov schema > docs/case.schema.json"


def test_typed_records_mirror_the_model() -> None:
    """provenance.records is what views and writers read; it must name every field the
    model writes, and no other."""
    from typing import get_type_hints

    from provenance import model, records

    pairs = {
        model.Actor: records.ActorRecord,
        model.Alias: records.AliasRecord,
        model.Reliability: records.ReliabilityRecord,
        model.Source: records.SourceRecord,
        model.Capture: records.CaptureRecord,
        model.AttributionChallenge: records.AttributionChallengeRecord,
        model.Quantity: records.QuantityRecord,
        model.Claim: records.ClaimRecord,
        model.Assertion: records.AssertionRecord,
        model.Review: records.ReviewRecord,
        model.Rules: records.RulesRecord,
        model.Case: records.CaseRecord,
    }
    for pyd, typed in pairs.items():
        assert set(pyd.model_fields) == set(get_type_hints(typed)), pyd.__name__
