"""One small hand-built case per rule of docs/rules.md, each with its exact status and reason."""

from __future__ import annotations

from typing import Any

from provenance.engine import analyse
from provenance.graph import build_graph
from provenance.model import Case, Rules
from provenance.records import Analysis


def run(
    assertions: list[dict[str, Any]],
    claims: list[dict[str, Any]] | None = None,
    cites: dict[str, list[str]] | None = None,
    rules: dict[str, Any] | None = None,
    affiliation: dict[str, str] | None = None,
    archived: set[str] = frozenset(),
    recorded: set[str] = frozenset(),
    publishers: dict[str, str] | None = None,
) -> Analysis:
    """Analyse a case made from compact assertions; actors and sources are created from
    the ids the assertions use (actor 'x' is named 'X')."""
    cites = cites or {}
    affiliation = affiliation or {}
    publishers = publishers or {}
    actor_ids = (
        {a["actor"] for a in assertions} | set(affiliation.values()) | set(publishers.values())
    )
    source_ids = (
        {a["source"] for a in assertions}
        | {a["read_in"] for a in assertions if a.get("read_in")}
        | set(cites)
    )
    claim_records = claims or [
        {"id": c, "text": c.upper()} for c in sorted({a["claim"] for a in assertions})
    ]
    data = {
        "actors": [
            {
                "id": a,
                "name": a.upper(),
                "kind": "person",
                **({"affiliation": affiliation[a]} if a in affiliation else {}),
            }
            for a in sorted(actor_ids)
        ],
        "sources": [
            {
                "id": s,
                "title": f"source {s}",
                "kind": "article",
                "cites": cites.get(s, []),
                "recorded": s in recorded,
                **({"publisher": publishers[s]} if s in publishers else {}),
            }
            for s in sorted(source_ids)
        ],
        "claims": claim_records,
        "assertions": [{"basis": "unstated", **a} for a in assertions],
    }
    case = Case.model_validate(data)
    graph = build_graph(case)
    for s in archived:  # an archive path is a file-system matter; the engine reads the flag
        graph.nodes[f"source:{s}"]["archive"] = f"{s}.txt"
    return analyse(graph, Rules.model_validate(rules or {}))


def a(id: str, actor: str, claim: str, stance: str, **more: Any) -> dict[str, Any]:
    return {
        "id": id,
        "actor": actor,
        "claim": claim,
        "source": more.pop("source", f"s-{id}"),
        "stance": stance,
        **more,
    }


def verdict(result: Analysis, claim: str) -> tuple[str, int, str]:
    v = result["claims"][claim]
    decisive = next(
        r for r in v["reasons"] if r["rule"] == next(c["rule"] for c in v["checks"] if c["fired"])
    )
    return v["status"], v["grade"], decisive["text"]


def test_authoritative_confirmation_confirms() -> None:
    result = run(
        [a("a1", "bank", "c", "confirms", basis="first_hand", quote="we sold")],
        archived={"s-a1"},
    )
    assert verdict(result, "c") == (
        "confirmed",
        1,
        "confirmed first-hand or officially by BANK (says it is confirmed, first hand): 'we sold'",
    )


def test_two_independent_grounded_origins_corroborate() -> None:
    result = run(
        [
            a("a1", "x", "c", "states", basis="documents"),
            a("a2", "y", "c", "states", basis="unnamed_sources"),
        ]
    )
    assert verdict(result, "c") == (
        "corroborated",
        2,
        "corroborated by 2 independent origins with a stated basis",
    )


def test_a_relay_is_not_a_second_origin() -> None:
    result = run(
        [
            a("a1", "x", "c", "states", basis="documents"),
            a("a2", "y", "c", "states", basis="documents", via="a1"),
        ]
    )
    v = result["claims"]["c"]
    assert (v["status"], v["independent_origins"]) == ("unconfirmed", 1)
    assert v["reasons"][0]["text"] == "single origin: X (stated, documents)"


def test_citing_the_source_you_repeat_is_derivation_without_via() -> None:
    result = run(
        [
            a("a1", "x", "c", "states", basis="documents", source="s1"),
            a("a2", "y", "c", "states", basis="documents", source="s2"),
        ],
        cites={"s2": ["s1"]},
    )
    assert result["assertions"]["a2"]["upstream"] == ["a1"]
    assert result["claims"]["c"]["independent_origins"] == 1


def test_circular_citation_is_one_origin_and_flagged() -> None:
    result = run(
        [
            a("a1", "x", "c", "states", basis="documents", source="s1"),
            a("a2", "y", "c", "states", basis="documents", source="s2"),
        ],
        cites={"s1": ["s2"], "s2": ["s1"]},
    )
    assert result["claims"]["c"]["status"] == "unconfirmed"
    assert result["claims"]["c"]["independent_origins"] == 1
    assert result["claims"]["c"]["reasons"][0]["text"] == (
        "single origin: a circle of sources citing each other (X, Y)"
    )
    kinds = [f["kind"] for f in result["flags"]]
    assert kinds == ["circular-citation", "circular-relay"]
    assert result["flags"][0]["text"] == "sources cite each other in a circle: s1, s2"


def test_a_reporter_and_their_outlet_are_one_origin() -> None:
    result = run(
        [
            a("a1", "reporter", "c", "states", basis="documents"),
            a("a2", "outlet", "c", "states", basis="documents"),
        ],
        affiliation={"reporter": "outlet"},
    )
    assert result["claims"]["c"]["independent_origins"] == 1


def test_an_anonymous_crowd_posting_many_times_is_one_origin() -> None:
    result = run([a(f"a{i}", "netizens", "c", "hedges") for i in range(5)])
    v = result["claims"]["c"]
    assert (v["status"], v["grade"], v["independent_origins"]) == ("unconfirmed", 4, 1)
    assert [f["kind"] for f in v["flags"]] == ["single-origin", "amplification"]


def test_unsourced_single_origin_is_doubtful_and_analysis_possibly_true() -> None:
    unsourced = run([a("a1", "x", "c", "states")])
    analysed = run([a("a1", "x", "c", "hedges", basis="analysis")])
    assert verdict(unsourced, "c")[:2] == ("unconfirmed", 4)
    assert verdict(analysed, "c")[:2] == ("unconfirmed", 3)


def test_conditional_and_reports_alone_are_unsupported() -> None:
    result = run(
        [a("a1", "x", "c", "conditional", basis="analysis"), a("a2", "outlet", "c", "reports")]
    )
    assert verdict(result, "c") == (
        "unsupported",
        6,
        "unsupported: nobody asserts it (only reported or conditional)",
    )


def test_authoritative_denial_without_grounded_support_refutes() -> None:
    result = run(
        [
            a("a1", "x", "c", "states"),
            a("a2", "ministry", "c", "denies", basis="official", quote="false"),
        ],
        archived={"s-a2"},
    )
    assert verdict(result, "c") == (
        "refuted",
        5,
        "denied with authority and no grounded support: MINISTRY (denied, official): 'false'",
    )


def test_authoritative_denial_against_grounded_support_is_disputed() -> None:
    result = run(
        [
            a("a1", "x", "c", "states", basis="unnamed_sources"),
            a("a2", "ministry", "c", "denies", basis="first_hand"),
        ],
        archived={"s-a2"},
    )
    assert verdict(result, "c")[:2] == ("disputed", 4)


def test_a_grounded_denial_against_unsourced_support_is_disputed() -> None:
    result = run([a("a1", "x", "c", "hedges"), a("a2", "y", "c", "denies", basis="documents")])
    assert verdict(result, "c") == (
        "disputed",
        4,
        "support and denial conflict; denied by Y (denied, documents)",
    )


def test_a_denial_without_basis_against_unsourced_support_leaves_it_unconfirmed() -> None:
    result = run([a("a1", "x", "c", "hedges"), a("a2", "y", "c", "denies")])
    assert verdict(result, "c")[:2] == ("unconfirmed", 4)
    assert (
        "denied by Y (denied, basis unstated) (no grounded basis: opposition of that weight)"
        in [r["text"] for r in result["claims"]["c"]["reasons"]]
    )


def test_doubts_are_reasons_not_verdicts() -> None:
    result = run(
        [
            a("a1", "x", "c", "states"),
            a("a2", "y", "c", "doubts", basis="analysis", quote="no firsthand information"),
        ]
    )
    v = result["claims"]["c"]
    assert v["status"] == "unconfirmed"
    assert "doubted by Y (doubted, analysis): 'no firsthand information'" in [
        r["text"] for r in v["reasons"]
    ]


def test_retraction_withdraws_the_origin_and_its_relays() -> None:
    result = run(
        [
            a("a1", "x", "c", "states", date="2025-01-01", basis="documents"),
            a("a2", "y", "c", "states", basis="documents", via="a1", date="2025-01-02"),
            a("a3", "x", "c", "retracts", date="2025-02-01", quote="we were wrong"),
        ]
    )
    v = result["claims"]["c"]
    assert verdict(result, "c") == (
        "retracted",
        6,
        "retracted: X (retracted, basis unstated): 'we were wrong'",
    )
    assert v["withdrawn"] == ["a1", "a2"]


def test_a_relay_naming_more_than_a_retracted_statement_is_retracted_with_it_and_named() -> None:
    """A tweet says "a major bank" is on the brink and is deleted; accounts relaying it name
    the bank. Their claim is retracted with the tweet, and the reason names them: the
    retraction is of the more general claim, so none bears on theirs."""
    claims = [
        {"id": "bank", "text": "A bank"},
        {"id": "cs", "text": "CS", "more_specific_than": ["bank"]},
    ]
    result = run(
        [
            a("t", "x", "bank", "states", date="2022-10-01", basis="unnamed_sources"),
            a("d", "x", "bank", "retracts", date="2022-10-02", via="t"),
            a("n", "crowd", "cs", "states", date="2022-10-02", basis="hearsay", via="t"),
        ],
        claims=claims,
    )
    assert verdict(result, "cs") == (
        "retracted",
        6,
        "retracted: what supported it relays retracted words: CROWD (stated, hearsay)",
    )
    assert result["claims"]["cs"]["withdrawn"] == ["n"]


def test_a_claim_contradicting_a_confirmed_claim_is_refuted() -> None:
    claims = [
        {"id": "official", "text": "Holdings were 760.8B"},
        {"id": "rumor", "text": "Holdings are over 1T", "contradicts": ["official"]},
    ]
    result = run(
        [
            a("a1", "treasury", "official", "confirms", basis="official"),
            a("a2", "blog", "rumor", "states"),
        ],
        claims=claims,
        archived={"s-a1"},
    )
    assert verdict(result, "rumor") == (
        "refuted",
        5,
        "contradicted by confirmed claim(s): 'Holdings were 760.8B'",
    )


def test_two_confirmed_claims_that_contradict_are_disputed_not_refuted() -> None:
    claims = [{"id": "p", "text": "P"}, {"id": "q", "text": "Q", "contradicts": ["p"]}]
    result = run(
        [
            a("a1", "x", "p", "confirms", basis="official"),
            a("a2", "y", "q", "confirms", basis="official"),
        ],
        claims=claims,
        archived={"s-a1", "s-a2"},
    )
    assert result["claims"]["p"]["status"] == "disputed"
    assert result["claims"]["q"]["status"] == "disputed"


def test_specific_support_reaches_the_general_claim_never_the_reverse() -> None:
    claims = [
        {"id": "general", "text": "A Japanese institution sold"},
        {"id": "specific", "text": "Norinchukin sold", "more_specific_than": ["general"]},
    ]
    up = run(
        [
            a("a1", "x", "specific", "states", basis="documents"),
            a("a2", "y", "specific", "states", basis="documents"),
        ],
        claims=claims,
    )
    assert up["claims"]["general"]["status"] == "corroborated"
    down = run([a("a1", "x", "general", "confirms", basis="official")], claims=claims)
    assert down["claims"]["specific"]["status"] == "unsupported"


def test_doubting_the_general_claim_doubts_the_specific_one() -> None:
    claims = [
        {"id": "general", "text": "Japan sold"},
        {"id": "specific", "text": "Norinchukin sold", "more_specific_than": ["general"]},
    ]
    result = run(
        [a("a1", "x", "specific", "hedges"), a("a2", "y", "general", "doubts")], claims=claims
    )
    assert result["claims"]["specific"]["opposition"] == ["a2"]


def test_the_origin_of_a_specific_claim_is_the_first_to_assert_it() -> None:
    claims = [
        {"id": "general", "text": "Japan sold"},
        {"id": "specific", "text": "Norinchukin sold", "more_specific_than": ["general"]},
    ]
    result = run(
        [
            a("a1", "reporter", "general", "states"),
            a("a2", "crowd", "specific", "hedges", via="a1"),
        ],
        claims=claims,
    )
    assert [o["assertion"] for o in result["claims"]["specific"]["origins"]] == ["a2"]
    assert [o["assertion"] for o in result["claims"]["general"]["origins"]] == ["a1"]


def test_a_case_may_raise_the_corroboration_threshold_and_says_so() -> None:
    assertions = [
        a("a1", "x", "c", "states", basis="documents"),
        a("a2", "y", "c", "states", basis="documents"),
    ]
    result = run(assertions, rules={"corroborated_min_origins": 3})
    assert result["claims"]["c"]["status"] == "unconfirmed"
    assert result["overrides"] == ["corroborated_min_origins"]
    assert run(assertions)["overrides"] == []


def test_certainty_inflation_is_flagged_on_the_relay() -> None:
    result = run([a("a1", "x", "c", "hedges"), a("a2", "y", "c", "confirms", via="a1")])
    flags = result["assertions"]["a2"]["flags"]
    assert [(f["kind"], f["text"]) for f in flags] == [
        ("certainty-inflation", "Y says it is confirmed what upstream only hedged")
    ]


def test_claim_drift_is_flagged_when_a_relay_asserts_a_stronger_claim() -> None:
    claims = [
        {"id": "card", "text": "It is a card"},
        {"id": "threat", "text": "Japan threatens to sell", "more_specific_than": ["card"]},
    ]
    result = run(
        [
            a("a1", "kato", "card", "states", basis="first_hand"),
            a("a2", "blog", "threat", "states", via="a1"),
        ],
        claims=claims,
    )
    assert [f["kind"] for f in result["assertions"]["a2"]["flags"]] == ["claim-drift"]


def test_relaying_a_more_general_claim_is_not_drift() -> None:
    claims = [
        {"id": "general", "text": "G"},
        {"id": "specific", "text": "S", "more_specific_than": ["general"]},
    ]
    result = run(
        [a("a1", "x", "specific", "states"), a("a2", "y", "general", "states", via="a1")],
        claims=claims,
    )
    assert result["assertions"]["a2"]["flags"] == []


def test_specificity_escalation_needs_two_levels() -> None:
    claims = [
        {"id": "japan", "text": "Japan sold"},
        {"id": "fund", "text": "A fund sold", "more_specific_than": ["japan"]},
        {"id": "bank", "text": "Norinchukin sold", "more_specific_than": ["fund"]},
    ]
    result = run(
        [
            a("a1", "x", "japan", "states"),
            a("a2", "y", "fund", "states", via="a1"),
            a("a3", "z", "bank", "hedges", via="a2"),
        ],
        claims=claims,
    )
    assert [f["kind"] for f in result["assertions"]["a2"]["flags"]] == ["claim-drift"]
    flag = result["assertions"]["a3"]["flags"][0]
    assert (flag["kind"], flag["claims"]) == ("specificity-escalation", ["japan", "fund", "bank"])


def test_attribution_statuses() -> None:
    result = run(
        [
            a("own", "x", "c", "states", source="archived"),
            a("video", "y", "c", "states", source="broadcast", read_in="archived"),
            a("r1", "kato", "c", "states", source="tv", read_in="paper1"),
            a("r2", "kato", "c", "states", source="tv", read_in="paper2"),
            a("once", "z", "c", "states", source="speech", read_in="paper1"),
            a("unknown", "w", "c", "states", source="rumor"),
        ],
        archived={"archived"},
        recorded={"broadcast"},
        publishers={"paper1": "pub1", "paper2": "pub2"},
    )
    status = {k: v["attribution"]["status"] for k, v in result["assertions"].items()}
    assert status == {
        "own": "on-record",
        "video": "second-hand",  # `recorded: true` alone establishes nothing
        "r1": "independent-reports",
        "r2": "independent-reports",
        "once": "second-hand",
        "unknown": "unverifiable",
    }
    assert result["assertions"]["r1"]["attribution"]["text"] == (
        "reported by 2 independent outlets: PUB1, PUB2"
    )


def test_every_verdict_records_every_rule_tried() -> None:
    result = run([a("a1", "x", "c", "states")])
    checks = result["claims"]["c"]["checks"]
    assert [c["rule"] for c in checks] == [
        "contradicted-by-confirmed",
        "corrected",
        "later-denial",
        "authoritative-denial",
        "fabricated",
        "retracted",
        "attribution-of-saying",
        "later-confirmation",
        "authoritative-confirmation",
        "corroboration",
        "denied",
        "some-support",
        "only-predicted",
    ]
    assert [c["fired"] for c in checks] == [False] * 11 + [True, False]
