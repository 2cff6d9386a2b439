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


# --- issue 13: quote mode, speech act, self-interest, challenges, fabrication, sources ---

SAID = {"id": "a", "actor": "b", "claim": "c", "source": "d", "stance": "states", "quote": "x"}


def said(**fields: object) -> Assertion:
    return Assertion.model_validate({**SAID, **fields})


def test_new_assertion_fields_default_to_a_plain_verbatim_statement_of_fact() -> None:
    a = said()
    assert (a.quote_mode, a.quote_language, a.speech_act) == ("verbatim", None, "fact")
    assert (a.self_interested, a.interest_note, a.attribution, a.admits_fabrication) == (
        False,
        None,
        None,
        False,
    )


@pytest.mark.parametrize(
    ("older", "mode"), [(True, "paraphrase"), ("true", "paraphrase"), ("no", "verbatim")]
)
def test_the_older_paraphrase_flag_is_read_as_quote_mode(older: object, mode: str) -> None:
    a = said(paraphrase=older)
    assert a.quote_mode == mode
    dumped = a.model_dump(mode="json", exclude_none=True)
    assert dumped["quote_mode"] == mode
    assert "paraphrase" not in dumped


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"paraphrase": True, "quote_mode": "translation"}, "contradicts quote_mode"),
        ({"paraphrase": False, "quote_mode": "paraphrase"}, "contradicts quote_mode"),
        ({"paraphrase": "maybe"}, "paraphrase: 'maybe' is not true or false"),
        ({"quote_mode": "quoted"}, "Input should be 'verbatim', 'paraphrase' or 'translation'"),
        ({"quote_language": "Japanese"}, "String should match pattern"),
        ({"speech_act": "wish"}, "Input should be 'fact', 'intent', 'prediction' or 'promise'"),
        ({"interest_note": "its own deal"}, "interest_note needs self_interested: true"),
        ({"admits_fabrication": True}, "only a retraction admits invention"),
        ({"admits_fabrication": True, "stance": "retracts"}, "only a retraction admits"),
        ({"attribution": {"challenge": "disputed"}}, "a challenge needs its evidence"),
        ({"attribution": {"challenge": "false", "note": "n"}}, "'disputed' or 'refuted'"),
    ],
)
def test_inconsistent_or_unknown_values_are_refused(
    fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError) as info:
        said(**fields)
    assert message in str(info.value)


def test_a_translation_keeps_its_language_and_a_paraphrase_says_so() -> None:
    a = said(quote_mode="translation", quote_language="ja")
    assert (a.quote_mode.word, a.quote_language) == ("translated quote", "ja")
    assert not a.paraphrase
    assert said(quote_mode="paraphrase").paraphrase


def test_intent_self_interest_challenge_and_fabrication_are_kept() -> None:
    a = said(speech_act="intent", self_interested="yes", interest_note="its own deal")
    assert a.speech_act == "intent" and not a.speech_act.about_events and a.self_interested
    b = said(attribution={"challenge": "refuted", "sources": ["full-tape"], "note": "not on tape"})
    assert b.attribution is not None and b.attribution.challenge.level == "refuted"
    c = said(stance="retracts", via="a0", admits_fabrication=True)
    assert c.admits_fabrication


def test_challenge_evidence_and_rewrites_are_sets_in_id_order() -> None:
    case = Case.model_validate(
        {
            "sources": [
                {"id": "s", "title": "S", "kind": "article", "rewrites": ["z", "b"]},
            ],
            "assertions": [
                {
                    **SAID,
                    "attribution": {"challenge": "disputed", "assertions": ["y", "e"]},
                }
            ],
        }
    )
    assert case.sources[0].rewrites == ["b", "z"]
    assert case.assertions[0].attribution is not None
    assert case.assertions[0].attribution.assertions == ["e", "y"]


def test_new_source_fields_default_and_a_capture_needs_a_hash_and_a_date() -> None:
    from provenance.model import Source

    s = Source.model_validate({"id": "s", "title": "S", "kind": "social_post"})
    assert (s.screenshot, s.capture, s.rewrites, s.revision_of) == (False, None, [], None)
    digest = "AB" * 32
    held = Source.model_validate(
        {**s.model_dump(), "capture": {"sha256": digest, "date": "2025-04-10"}}
    )
    assert held.capture is not None and held.capture.sha256 == digest.lower()
    for capture in ({"sha256": "abc", "date": "2025"}, {"sha256": "ab" * 32}):
        with pytest.raises(ValidationError):
            Source.model_validate({**s.model_dump(), "capture": capture})


def test_attribution_levels_are_ordered() -> None:
    from provenance.vocab import ATTRIBUTION_LEVELS, Attribution

    assert [level.word for level in ATTRIBUTION_LEVELS] == [
        "on record",
        "reported by independent outlets",
        "single second-hand report",
        "screenshot only",
        "unverifiable",
        "disputed",
        "refuted",
    ]
    assert [level.established for level in ATTRIBUTION_LEVELS] == [True, True] + [False] * 5
    assert set(ATTRIBUTION_LEVELS) == set(Attribution)
    assert [level.rank for level in ATTRIBUTION_LEVELS] == list(range(7))
    assert all(level.help for level in Attribution)


def test_the_schema_documents_quote_modes_and_speech_acts() -> None:
    schema = case_json_schema()
    assert schema["$defs"]["QuoteMode"]["enum"] == ["verbatim", "paraphrase", "translation"]
    assert schema["$defs"]["SpeechAct"]["enum"] == ["fact", "intent", "prediction", "promise"]
    assert "paraphrase" not in schema["$defs"]["Assertion"]["properties"]


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), "nan", "Infinity"])
def test_a_quantity_is_a_finite_number(value: object) -> None:
    """No JSON writer can write NaN or Infinity, and no figure is either: refused on
    reading, with the field named."""
    with pytest.raises(ValidationError, match=r"finite number|valid number"):
        Case.model_validate(
            {"title": "T", "claims": [{"id": "c", "text": "C", "quantity": q(value)}]}
        )


def q(value: object) -> dict[str, object]:
    return {"subject": "Japan's holdings", "value": value, "unit": "USD"}
