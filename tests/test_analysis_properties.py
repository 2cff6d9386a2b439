"""Invariants of the confirmation engine on generated cases (hypothesis)."""

from __future__ import annotations

import os
import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance import dates, timeline
from provenance.engine import analyse
from provenance.graph import build_graph
from provenance.model import Case, Stance
from provenance.records import Analysis
from provenance.vocab import ENDORSING

STANCES = [s.value for s in Stance]
BASES = [
    "first_hand",
    "official",
    "documents",
    "analysis",
    "unnamed_sources",
    "hearsay",
    "unstated",
]
DATES = [None, "2025-04", "2025-04-09", "2025-04-10", "2025-05-02"]


def lineage(claims: list[dict[str, Any]], claim: dict[str, Any]) -> set[str]:
    """Return the ids of the claims `claim` is a more specific version of."""
    by_id = {c["id"]: c for c in claims}
    out: set[str] = set()
    stack = list(claim.get("more_specific_than", []))
    while stack:
        current = stack.pop()
        if current not in out:
            out.add(current)
            stack.extend(by_id[current].get("more_specific_than", []))
    return out


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    """A small random case: claims in a specificity DAG, sources citing each other (cycles
    allowed), assertions relaying earlier ones."""
    n_actors = draw(st.integers(1, 5))
    n_sources = draw(st.integers(1, 4))
    n_claims = draw(st.integers(1, 4))
    n_assertions = draw(st.integers(1, 12))
    actors = [{"id": f"actor{i}", "name": f"Actor {i}", "kind": "person"} for i in range(n_actors)]
    for actor in actors[1:]:
        if draw(st.booleans()) and draw(st.booleans()):
            actor["affiliation"] = "actor0"
    sources = []
    for i in range(n_sources):
        others = [f"src{j}" for j in range(n_sources) if j != i]
        cited = draw(st.lists(st.sampled_from(others), max_size=2)) if others else []
        sources.append(
            {
                "id": f"src{i}",
                "title": f"Source {i}",
                "kind": "article",
                "cites": sorted(set(cited)),
            }
        )
    claims = []
    for i in range(n_claims):
        claim: dict[str, Any] = {"id": f"claim{i}", "text": f"Claim {i}"}
        if i and draw(st.booleans()):
            claim["more_specific_than"] = [f"claim{draw(st.integers(0, i - 1))}"]
        if i and draw(st.integers(0, 4)) == 0:
            other = draw(st.integers(0, i - 1))
            # A claim may not contradict its own generalisation (the case reader refuses it).
            if f"claim{other}" not in lineage(claims, claim):
                claim["contradicts"] = [f"claim{other}"]
        claims.append(claim)
    assertions = []
    for i in range(n_assertions):
        record: dict[str, Any] = {
            "id": f"as{i}",
            "actor": f"actor{draw(st.integers(0, n_actors - 1))}",
            "claim": f"claim{draw(st.integers(0, n_claims - 1))}",
            "source": f"src{draw(st.integers(0, n_sources - 1))}",
            "stance": draw(st.sampled_from(STANCES)),
            "basis": draw(st.sampled_from(BASES)),
        }
        date = draw(st.sampled_from(DATES))
        if date:
            record["date"] = date
        if i and draw(st.booleans()):
            record["via"] = f"as{draw(st.integers(0, i - 1))}"
        assertions.append(record)
    return {"actors": actors, "sources": sources, "claims": claims, "assertions": assertions}


def analysed(data: dict[str, Any]) -> Analysis:
    return analyse(build_graph(Case.model_validate(data)))


def with_assertion(
    data: dict[str, Any], record: dict[str, Any], new_actor: str = "newcomer"
) -> dict[str, Any]:
    """Return a copy of `data` with one more assertion, by a new actor in a new source."""
    return {
        **data,
        "actors": [*data["actors"], {"id": new_actor, "name": "Newcomer", "kind": "outlet"}],
        "sources": [*data["sources"], {"id": "newsrc", "title": "New", "kind": "article"}],
        "assertions": [
            *data["assertions"],
            {"id": "zz-new", "actor": new_actor, "source": "newsrc", **record},
        ],
    }


AS_OF = ["2025-04-09", "2025-04-10", "2025-04-30", "2025-05-02", "2026-01-01"]
PERIODS = [None, None, "2025-04", "2025-04-09", "2025-05"]


@st.composite
def timed_cases(draw: st.DrawFn) -> dict[str, Any]:
    """A random case with dated sources, assertions marked undated when nothing dates
    them, claims about a period (some about the future), assertions about a period, some
    in a translation or paraphrase, and claims about what an actor said ("X said Y")."""
    data = draw(cases())
    for source in data["sources"]:
        date = draw(st.sampled_from(DATES))
        if date:
            source["date"] = date
    dated = {s["id"] for s in data["sources"] if s.get("date")}
    for record in data["assertions"]:
        if not record.get("date") and record["source"] not in dated:
            record["undated"] = draw(st.booleans())
        if draw(st.integers(0, 5)) == 0:
            record["about"] = draw(st.sampled_from(PERIODS[2:]))
        if draw(st.integers(0, 3)) == 0:  # whose words: attribution levels differ by mode
            record["quote_mode"] = draw(st.sampled_from(["translation", "paraphrase"]))
    for claim in data["claims"]:
        about = draw(st.sampled_from(PERIODS))
        if about:
            claim["about"] = about
        if draw(st.integers(0, 4)) == 0:
            claim["future"] = True
        speakers = sorted({r["actor"] for r in data["assertions"] if r["claim"] == claim["id"]})
        if speakers and draw(st.integers(0, 2)) == 0:  # "X said Y", X one of its speakers:
            claim["said_by"] = draw(st.sampled_from(speakers))  # it follows X's attribution
    if draw(st.integers(0, 2)) == 0:  # a challenge, counting once its evidence does
        record = draw(st.sampled_from(data["assertions"]))
        others = [r["id"] for r in data["assertions"] if r is not record]
        record["attribution"] = {
            "challenge": draw(st.sampled_from(["refuted", "disputed"])),
            "assertions": draw(st.lists(st.sampled_from(others), max_size=2, unique=True))
            if others
            else [],
            "sources": draw(st.lists(st.sampled_from(sorted(dated)), max_size=1)) if dated else [],
            "note": "the evidence",
        }
    return data


SETTINGS = settings(
    max_examples=int(os.environ.get("PROV_HYPOTHESIS_EXAMPLES", "150")), deadline=None
)


@SETTINGS
@given(timed_cases(), st.data())
def test_adding_a_relay_never_adds_an_independent_origin(
    data: dict[str, Any], pick: st.DataObject
) -> None:
    supporting = [a for a in data["assertions"] if a["stance"] in ENDORSING]
    if not supporting:
        return
    relayed = pick.draw(st.sampled_from(supporting))
    before = analysed(data)
    after = analysed(
        with_assertion(
            data,
            {
                "claim": relayed["claim"],
                "stance": pick.draw(st.sampled_from(sorted(ENDORSING))),
                "basis": pick.draw(st.sampled_from(BASES)),
                "via": relayed["id"],
            },
        )
    )
    for claim, verdict in before["claims"].items():
        assert after["claims"][claim]["independent_origins"] <= verdict["independent_origins"]


@SETTINGS
@given(cases(), st.data())
def test_an_independent_first_hand_confirmation_never_lowers_credibility(
    data: dict[str, Any], pick: st.DataObject
) -> None:
    claim = pick.draw(st.sampled_from([c["id"] for c in data["claims"]]))
    before = analysed(data)["claims"][claim]
    after = analysed(
        with_assertion(data, {"claim": claim, "stance": "confirms", "basis": "first_hand"})
    )["claims"][claim]
    # Admiralty grades: 1 is the most credible.
    assert after["grade"] <= before["grade"]


@SETTINGS
@given(cases(), st.randoms(use_true_random=False))
def test_relabelling_ids_changes_nothing(data: dict[str, Any], rng: random.Random) -> None:
    ids = [r["id"] for key in ("actors", "sources", "claims", "assertions") for r in data[key]]
    shuffled = ids[:]
    rng.shuffle(shuffled)
    mapping = {old: f"r{new}" for old, new in zip(ids, shuffled, strict=True)}

    def relabel(value: Any) -> Any:
        if isinstance(value, str):
            return mapping.get(value, value)
        if isinstance(value, list):
            return [relabel(v) for v in value]
        if isinstance(value, dict):
            return {
                k: relabel(v) if k not in ("name", "title", "text") else v for k, v in value.items()
            }
        return value

    before = analysed(data)
    after = analysed(relabel(data))
    for claim, verdict in before["claims"].items():
        other = after["claims"][mapping[claim]]
        assert (other["status"], other["grade"], other["independent_origins"]) == (
            verdict["status"],
            verdict["grade"],
            verdict["independent_origins"],
        )
        assert sorted(other["support"]) == sorted(mapping[s] for s in verdict["support"])
        assert sorted(other["opposition"]) == sorted(mapping[s] for s in verdict["opposition"])
        assert sorted(f["kind"] for f in other["flags"]) == sorted(
            f["kind"] for f in verdict["flags"]
        )
    for assertion, result in before["assertions"].items():
        other = after["assertions"][mapping[assertion]]
        assert other["attribution"]["status"] == result["attribution"]["status"]
        assert sorted(f["kind"] for f in other["flags"]) == sorted(
            f["kind"] for f in result["flags"]
        )


@SETTINGS
@given(cases(), st.data())
def test_an_authoritative_denial_without_confirmation_never_confirms(
    data: dict[str, Any], pick: st.DataObject
) -> None:
    claim = pick.draw(st.sampled_from([c["id"] for c in data["claims"]]))
    denied = with_assertion(data, {"claim": claim, "stance": "denies", "basis": "official"})
    verdict = analysed(denied)["claims"][claim]
    assert verdict["status"] != "confirmed"


@SETTINGS
@given(cases(), st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_the_order_of_the_case_file(
    data: dict[str, Any], rng: random.Random
) -> None:
    shuffled = {key: list(value) for key, value in data.items()}
    for key in shuffled:
        rng.shuffle(shuffled[key])
    assert analysed(shuffled) == analysed(data)


def with_rewrite(data: dict[str, Any], original: str) -> dict[str, Any]:
    """Return a copy of `data` with a new source that rewrites `original`: a new author
    says in it what `original` says, and quotes whom `original` quotes (no retractions,
    which a rewrite does not copy)."""
    copies = []
    for record in data["assertions"]:
        if (
            record["stance"] == "retracts"
            or (record.get("read_in") or record["source"]) != original
        ):
            continue
        copy = {k: v for k, v in record.items() if k != "via"}
        copy["id"] = f"zz-{record['id']}"
        if record.get("read_in"):
            copy["read_in"] = "rewrite"
        else:
            copy["source"], copy["actor"] = "rewrite", "rewriter"
        copies.append(copy)
    return {
        **data,
        "actors": [*data["actors"], {"id": "rewriter", "name": "Rewriter", "kind": "outlet"}],
        "sources": [
            *data["sources"],
            {"id": "rewrite", "title": "Rewrite", "kind": "article", "rewrites": [original]},
        ],
        "assertions": [*data["assertions"], *copies],
    }


@SETTINGS
@given(timed_cases(), st.data())
def test_adding_a_rewrite_never_adds_an_independent_origin(
    data: dict[str, Any], pick: st.DataObject
) -> None:
    original = pick.draw(st.sampled_from([s["id"] for s in data["sources"]]))
    before = analysed(data)
    after = analysed(with_rewrite(data, original))
    for claim, verdict in before["claims"].items():
        assert after["claims"][claim]["independent_origins"] <= verdict["independent_origins"]


@st.composite
def reported_cases(draw: st.DrawFn) -> dict[str, Any]:
    """A random case in which assertions are read in other sources, with quotes that may
    repeat or differ, in any quote mode, and sources of a few publishers."""
    data = draw(cases())
    publishers = ["actor0", None, f"actor{len(data['actors']) - 1}"]
    for source in data["sources"]:
        publisher = draw(st.sampled_from(publishers))
        if publisher:
            source["publisher"] = publisher
        if draw(st.booleans()) and draw(st.booleans()):
            source["screenshot"] = True
    for record in data["assertions"]:
        others = [s["id"] for s in data["sources"] if s["id"] != record["source"]]
        if others and draw(st.booleans()):
            record["read_in"] = draw(st.sampled_from(others))
        record["quote"] = draw(st.sampled_from(["a card", "it is a card", "a weapon", "no"]))
        record["quote_mode"] = draw(st.sampled_from(["verbatim", "translation"]))
    return data


@SETTINGS
@given(reported_cases(), st.data())
def test_marking_a_quote_paraphrase_never_raises_its_attribution(
    data: dict[str, Any], pick: st.DataObject
) -> None:
    from provenance.vocab import Attribution

    marked = pick.draw(st.sampled_from([a["id"] for a in data["assertions"]]))
    before = analysed(data)["assertions"][marked]["attribution"]
    changed = {
        **data,
        "assertions": [
            {**a, "quote_mode": "paraphrase"} if a["id"] == marked else a
            for a in data["assertions"]
        ],
    }
    after = analysed(changed)["assertions"][marked]["attribution"]
    assert Attribution(after["status"]).rank >= Attribution(before["status"]).rank


# --- verdicts in time (docs/rules.md, "Time") ------------------------------------------


def _as_of(data: dict[str, Any], when: str) -> Analysis | None:
    """Return the analysis of `data` as of `when`, or None when `when` is before it all."""
    try:
        cut = timeline.as_of(Case.model_validate(data), when)
    except ValueError:
        return None
    return analyse(build_graph(cut.case))


def _verdicts(analysis: Analysis) -> dict[str, tuple[str, int]]:
    return {c: (v["status"], v["grade"]) for c, v in analysis["claims"].items()}


def _from_history(analysis: Analysis, when: str) -> dict[str, tuple[str, int]]:
    """Return each claim's last verdict in its history on or before the day `when`."""
    out = {}
    for claim, v in analysis["claims"].items():
        known = [h for h in v["history"] if h["as_of"] is None or dates.known_by(h["as_of"], when)]
        if known:
            out[claim] = (known[-1]["status"], known[-1]["grade"])
    return out


@SETTINGS
@given(timed_cases())
def test_the_history_equals_as_of_at_each_of_its_dates(data: dict[str, Any]) -> None:
    whole = analysed(data)
    days = {h["as_of"] for v in whole["claims"].values() for h in v["history"] if h["as_of"]}
    for day in sorted(days | set(AS_OF), key=dates.sort_key):
        cut = _as_of(data, day)
        if cut is not None:
            assert _from_history(whole, day) == _verdicts(cut), day


@SETTINGS
@given(timed_cases(), st.sampled_from(AS_OF), st.data())
def test_the_verdict_as_of_a_date_never_depends_on_anything_dated_after_it(
    data: dict[str, Any], when: str, pick: st.DataObject
) -> None:
    cut = timeline.as_of(Case.model_validate(data), when) if _as_of(data, when) else None
    if cut is None:
        return
    later = {o["id"] for o in cut.omitted if o["kind"] == "assertion"}
    changed = {key: [dict(r) for r in value] for key, value in data.items()}
    for record in changed["assertions"]:
        if record["id"] in later:
            record["stance"] = pick.draw(st.sampled_from(STANCES))
            record["basis"] = pick.draw(st.sampled_from(BASES))
    assert _as_of(changed, when) == _as_of(data, when)
    assert _from_history(analysed(changed), when) == _from_history(analysed(data), when)


@SETTINGS
@given(timed_cases(), st.sampled_from(AS_OF), st.randoms(use_true_random=False))
def test_shuffling_the_case_file_changes_nothing_as_of_a_date(
    data: dict[str, Any], when: str, rng: random.Random
) -> None:
    shuffled = {key: list(value) for key, value in data.items()}
    for key in shuffled:
        rng.shuffle(shuffled[key])
    assert _as_of(shuffled, when) == _as_of(data, when)


@SETTINGS
@given(timed_cases())
def test_as_of_after_the_last_event_is_the_verdict_without_as_of(data: dict[str, Any]) -> None:
    for record in data["assertions"]:
        record["undated"] = True  # every assertion placed by a date, or marked undated
    cut = _as_of(data, "2030-01-01")
    assert cut is not None
    whole = analysed(data)
    assert _verdicts(cut) == {c: _verdicts(whole)[c] for c in _verdicts(cut)}
    # A claim nothing bears on is left out of the view: no assertion supports or opposes it.
    for claim in whole["claims"].keys() - cut["claims"].keys():
        verdict = whole["claims"][claim]
        assert verdict["support"] == verdict["opposition"] == verdict["history"] == []


def test_no_origin_reaches_a_relay_through_a_withdrawn_statement() -> None:
    """Found by the rewrite property: a rewrite of a source copied a retracted statement
    and a standing one, and the origins behind the retracted one came back through it."""

    def said(a_id: str, actor: str, source: str, stance: str = "confirms") -> dict[str, Any]:
        return {"id": a_id, "actor": actor, "claim": "claim0", "source": source,
                "stance": stance, "basis": "first_hand"}  # fmt: skip

    data: dict[str, Any] = {
        "actors": [{"id": f"actor{i}", "name": f"Actor {i}", "kind": "person"} for i in (0, 1)],
        "sources": [
            {"id": "src0", "title": "S0", "kind": "article"},
            {"id": "src2", "title": "S2", "kind": "article", "cites": ["src0"]},
        ],
        "claims": [{"id": "claim0", "text": "C0"}],
        "assertions": [
            said("as0", "actor0", "src0"),
            said("as1", "actor0", "src2"),
            said("as6", "actor1", "src2"),
            said("as8", "actor1", "src0", "retracts"),
            {**said("as11", "actor0", "src0", "conditional"), "via": "as1"},
        ],
    }
    before = analysed(data)["claims"]["claim0"]
    after = analysed(with_rewrite(data, "src2"))["claims"]["claim0"]
    assert before["withdrawn"] == after["withdrawn"] == ["as6"]
    assert after["independent_origins"] == before["independent_origins"] == 1


#: A capture of a source: what was said in it is on record, so a first-hand statement
#: there is authoritative and can supersede (docs/rules.md, sections 5 and 8.3).
CAPTURE = {"sha256": "0" * 64, "date": "2025-07-01"}


def test_a_claim_whose_support_was_superseded_lists_what_it_had_before_and_after_a_rewrite() -> (
    None
):
    """Found by the rewrite property: a report copied by a rewrite derived from a
    confirmation a later denial had superseded. A claim whose every supporting origin a
    later statement superseded lists those origins ("superseded"), not its reports', so
    a rewrite of a report adds none."""

    def said(a_id: str, actor: str, stance: str, **extra: str) -> dict[str, Any]:
        return {"id": a_id, "actor": actor, "claim": "claim0", "source": "src0",
                "stance": stance, "basis": "first_hand", **extra}  # fmt: skip

    data: dict[str, Any] = {
        "actors": [{"id": f"actor{i}", "name": f"Actor {i}", "kind": "person"} for i in (0, 1)],
        "sources": [{"id": "src0", "title": "S0", "kind": "article", "capture": CAPTURE}],
        "claims": [{"id": "claim0", "text": "C0"}],
        "assertions": [
            said("as0", "actor0", "denies", date="2025-05-02"),
            said("as1", "actor1", "confirms", date="2025-04"),
            said("as2", "actor0", "reports"),
        ],
    }
    before = analysed(data)["claims"]["claim0"]
    after = analysed(with_rewrite(data, "src0"))["claims"]["claim0"]
    for verdict in (before, after):
        assert [o["assertion"] for o in verdict["origins"]] == ["as1"]
        assert verdict["origin_state"] == "superseded"
        assert verdict["independent_origins"] == 1


def test_a_report_copied_by_a_rewrite_adds_no_origin_when_every_one_was_superseded() -> None:
    """Found by the rewrite property: support deriving from a confirmation and a report,
    both superseded by a later denial of a more general claim; a rewrite's copy of the
    report derived from both (a copied report may copy an endorsement), and the report's
    origins counted two where there had been one."""

    def said(a_id: str, actor: str, claim: str, source: str, stance: str, **extra: str) -> Any:
        return {"id": a_id, "actor": actor, "claim": claim, "source": source,
                "stance": stance, "basis": "first_hand", **extra}  # fmt: skip

    data: dict[str, Any] = {
        "actors": [{"id": f"actor{i}", "name": f"Actor {i}", "kind": "person"} for i in (0, 1)],
        "sources": [
            {"id": "src0", "title": "S0", "kind": "article", "cites": ["src1"], "capture": CAPTURE},
            {"id": "src1", "title": "S1", "kind": "article", "capture": CAPTURE},
        ],
        "claims": [
            {"id": "claim0", "text": "C0"},
            {"id": "claim2", "text": "C2", "more_specific_than": ["claim0"]},
        ],
        "assertions": [
            said("as0", "actor0", "claim0", "src0", "confirms"),
            said("as2", "actor1", "claim2", "src1", "confirms", date="2025-04-09"),
            said("as4", "actor0", "claim2", "src1", "reports", date="2025-04-09"),
            said("as5", "actor0", "claim0", "src0", "denies", date="2025-04-10"),
            said("as7", "actor0", "claim2", "src0", "confirms"),
        ],
    }
    before = analysed(data)["claims"]["claim2"]
    after = analysed(with_rewrite(data, "src1"))["claims"]["claim2"]
    assert before["status"] == after["status"] == "refuted"
    assert after["independent_origins"] == before["independent_origins"] == 2
    assert after["origin_state"] == before["origin_state"] == "superseded"


def one_source_case(about: str, *assertions: tuple[str, str, str, dict[str, str]]) -> Any:
    """Return a case of one claim about `about`, two actors and one source `src`, with
    assertions given as (id, actor, stance, more fields)."""
    return {
        "actors": [{"id": f"actor{i}", "name": f"Actor {i}", "kind": "person"} for i in (0, 1)],
        "sources": [{"id": "src", "title": "S", "kind": "article"}],
        "claims": [{"id": "c", "text": "C", "about": about}],
        "assertions": [
            {"id": i, "actor": x, "claim": "c", "source": "src", "stance": stance, **more}
            for i, x, stance, more in assertions
        ],
    }


def test_a_report_copied_by_a_rewrite_adds_no_origin_set_aside_for_the_claims_period() -> None:
    """A rewrite's copy of a report derives from the original's endorsements too; one set
    aside for the claim (about another period) must not become an origin of its reports."""
    data = one_source_case(
        "2025-04",
        ("r", "actor0", "reports", {"basis": "unstated", "date": "2025-04-20"}),
        ("e", "actor1", "states", {"basis": "unstated", "date": "2025-04-20", "about": "2024"}),
    )
    before = analysed(data)["claims"]["c"]
    after = analysed(with_rewrite(data, "src"))["claims"]["c"]
    for verdict in (before, after):
        assert [o["assertion"] for o in verdict["origins"]] == ["r"]
        assert verdict["independent_origins"] == 1


def test_a_relay_of_a_statement_set_aside_is_set_aside_with_it() -> None:
    """Found by the relay property with periods: a prediction (said in April of a claim
    about May) is set aside, and an undated relay of it counted, with the prediction as
    its origin. Repeating a prediction predicts; repeating a statement about another
    period speaks of that period."""
    data = one_source_case(
        "2025-05",
        ("p", "actor0", "confirms", {"basis": "first_hand", "date": "2025-04"}),
        ("q", "actor0", "confirms", {"basis": "first_hand", "date": "2025-05-20", "about": "2024"}),
    )
    before = analysed(data)["claims"]["c"]
    relays = [
        {"claim": "c", "stance": "states", "basis": "hearsay", "via": "p"},
        {"claim": "c", "stance": "states", "basis": "hearsay", "via": "q", "date": "2025-05-21"},
    ]
    for relay in relays:
        after = analysed(with_assertion(data, relay))["claims"]["c"]
        assert after["independent_origins"] == before["independent_origins"] == 0
        assert after["status"] == before["status"] == "unconfirmed"  # only predicted
        assert "newcomer" not in [o["actor"] for o in after["origins"]]
        assert len(after["set_aside"]) == len(before["set_aside"]) + 1


def test_support_copying_a_set_aside_statement_and_a_counted_one_leads_to_the_counted_one() -> None:
    """A rewrite's statement derives from every statement of the claim in what it copies:
    one about another period is not among its origins while another is."""
    data = one_source_case(
        "2025-04",
        ("e", "actor1", "states", {"basis": "unstated", "about": "2024"}),
        ("k", "actor0", "states", {"basis": "unstated"}),
    )
    before = analysed(data)["claims"]["c"]
    after = analysed(with_rewrite(data, "src"))["claims"]["c"]
    assert [o["assertion"] for o in before["origins"]] == ["k"]
    assert [(o["assertion"], o["supports"]) for o in after["origins"]] == [("k", ["k", "zz-k"])]


def test_support_citing_only_a_set_aside_statement_is_set_aside_with_it() -> None:
    """Found by the rewrite property with periods: a rewrite's copy of a prediction (not a
    `via` relay) counted as live support, with the prediction, itself set aside, as its
    origin. A copy or a citation of a prediction is no more about the period than the
    prediction, even once the period began; the reasons name whose prediction it repeats."""
    data = one_source_case(
        "2025-05", ("p", "actor0", "confirms", {"basis": "first_hand", "date": "2025-04-02"})
    )
    rewritten = with_rewrite(data, "src")
    [copy] = [a for a in rewritten["assertions"] if a["id"] == "zz-p"]
    copy["date"] = "2025-05-10"  # a May article repeating the April prediction
    before = analysed(data)["claims"]["c"]
    after = analysed(rewritten)["claims"]["c"]
    for verdict in (before, after):
        assert (verdict["status"], verdict["independent_origins"]) == ("unconfirmed", 0)
        assert verdict["support"] == []
    assert after["set_aside"] == ["p", "zz-p"]
    assert after["reasons"][0]["text"] == (
        "unconfirmed: only predicted, before it could have happened: confirmed first-hand by"
        " Actor 0 on 2 Apr 2025; confirmed first-hand by Rewriter on 10 May 2025 (repeating"
        " Actor 0's)"
    )
    # With support that counts, the reasons list the copy as set aside, and why.
    counted = with_assertion(rewritten, {"claim": "c", "stance": "states", "basis": "hearsay"})
    texts = [r["text"] for r in analysed(counted)["claims"]["c"]["reasons"]]
    assert (
        "set aside, derives from Actor 0's statement, a prediction on 2 Apr 2025: Rewriter"
        " (says it is confirmed, first hand)"
    ) in texts


def test_support_leads_back_to_no_origin_through_a_set_aside_statement() -> None:
    """Found by the rewrite property with periods: a rewrite's copy derives from every
    statement of the original, among them a prediction (set aside) that cites a
    conditional remark; the remark became a second origin of the claim, reached only
    through the prediction. Origins are led back to only through statements that count."""
    said = {"actor": "actor0", "claim": "claim0", "basis": "first_hand"}
    data = {
        "actors": [{"id": "actor0", "name": "Actor 0", "kind": "person"}],
        "sources": [
            {"id": "src0", "title": "Source 0", "kind": "article", "cites": ["src1"]},
            {"id": "src1", "title": "Source 1", "kind": "article"},
        ],
        "claims": [{"id": "claim0", "text": "Claim 0", "about": "2025-05"}],
        "assertions": [
            {"id": "as1", **said, "source": "src1", "stance": "confirms"},
            {"id": "as4", **said, "source": "src0", "stance": "confirms"},
            {"id": "as7", **said, "source": "src1", "stance": "conditional", "via": "as4"},
            {"id": "as9", **said, "source": "src0", "stance": "confirms", "date": "2025-04"},
        ],
    }
    before = analysed(data)["claims"]["claim0"]
    after = analysed(with_rewrite(data, "src0"))["claims"]["claim0"]
    assert before["set_aside"] == ["as9"]
    for verdict in (before, after):
        assert [o["assertion"] for o in verdict["origins"]] == ["as1"]


def test_a_rewrites_copy_of_a_report_adds_no_origin_when_all_support_is_predicted() -> None:
    """Found by the rewrite property with periods: a claim about the future, whose two
    statements are predictions (set aside) and whose one report relays the first; the
    rewrite's copy of the report derives from both statements, and the claim went from
    one reported origin to two. A copy adds reach, never an origin."""
    said = {"claim": "claim0", "source": "src0", "basis": "first_hand"}
    data = {
        "actors": [{"id": f"actor{i}", "name": f"Actor {i}", "kind": "person"} for i in (0, 1)],
        "sources": [{"id": "src0", "title": "Source 0", "kind": "article"}],
        "claims": [{"id": "claim0", "text": "Claim 0", "future": True}],
        "assertions": [
            {"id": "as0", **said, "actor": "actor0", "stance": "confirms"},
            {"id": "as7", **said, "actor": "actor0", "stance": "reports", "via": "as0"},
            {"id": "as9", **said, "actor": "actor1", "stance": "confirms"},
        ],
    }
    before = analysed(data)["claims"]["claim0"]
    after = analysed(with_rewrite(data, "src0"))["claims"]["claim0"]
    for verdict in (before, after):
        assert (verdict["origin_state"], verdict["independent_origins"]) == ("reported", 1)
        assert [o["assertion"] for o in verdict["origins"]] == ["as0"]


def test_a_statement_of_another_claim_naming_a_prediction_in_via_is_its_own() -> None:
    """Found on the 2011 Rapture review: after the predicted day passed, the preacher said
    it had been a "spiritual" Judgment Day, a new claim, naming his prediction in `via`.
    That statement was set aside as a prediction itself ("only predicted … on 23 May").
    Repeating a prediction predicts; saying something else about it does not."""
    said = {"actor": "actor0", "source": "src", "basis": "first_hand"}
    data = {
        "actors": [{"id": "actor0", "name": "Actor 0", "kind": "person"}],
        "sources": [{"id": "src", "title": "S", "kind": "article"}],
        "claims": [
            {"id": "rapture", "text": "The Rapture on 21 May", "about": "2011-05-21"},
            {"id": "spiritual", "text": "A spiritual judgment on 21 May", "about": "2011-05-21"},
        ],
        "assertions": [
            {"id": "pred", **said, "claim": "rapture", "stance": "states", "date": "2011-01-01"},
            {
                "id": "after",
                **said,
                "claim": "spiritual",
                "stance": "states",
                "date": "2011-05-23",
                "via": "pred",
            },
        ],
    }
    result = analysed(data)["claims"]
    assert result["rapture"]["set_aside"] == ["pred"]
    assert result["spiritual"]["set_aside"] == []
    assert result["spiritual"]["support"] == ["after"]


def test_a_copy_of_words_not_said_and_of_retracted_words_rests_on_nothing() -> None:
    """Found by the rewrite property with challenges: a rewrite copied a statement whose
    attribution is refuted and statements their actor retracted. Its copies rest on
    nothing that stands (docs/rules.md, section 5), so they add no origin; they had led
    back, through the words not said, to a conditional remark they counted as a second."""

    def said(a_id: str, actor: str, source: str, stance: str, **extra: Any) -> Any:
        return {"id": a_id, "actor": actor, "claim": "claim0", "source": source,
                "stance": stance, "basis": "first_hand", **extra}  # fmt: skip

    data: dict[str, Any] = {
        "actors": [{"id": f"actor{i}", "name": f"Actor {i}", "kind": "person"} for i in (0, 1)],
        "sources": [
            {"id": "src0", "title": "S0", "kind": "article", "cites": ["src1"]},
            {"id": "src1", "title": "S1", "kind": "article"},
        ],
        "claims": [{"id": "claim0", "text": "C0"}],
        "assertions": [
            said(
                "as0",
                "actor1",
                "src0",
                "confirms",
                attribution={"challenge": "refuted", "note": "n"},
            ),
            said("as1", "actor0", "src0", "confirms"),
            said("as4", "actor1", "src1", "confirms", via="as0"),
            said("as5", "actor1", "src1", "conditional", date="2025-04"),
            said("as6", "actor0", "src0", "retracts"),
        ],
    }
    before = analysed(data)["claims"]["claim0"]
    after = analysed(with_rewrite(data, "src0"))
    assert [o["assertion"] for o in before["origins"]] == ["as4"]
    assert [o["assertion"] for o in after["claims"]["claim0"]["origins"]] == ["as4"]
