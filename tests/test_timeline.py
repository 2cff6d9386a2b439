"""`--as-of`: a case cut to what could have been known at the end of a date."""

from __future__ import annotations

import doctest
from typing import Any

import pytest

from provenance import timeline
from provenance.casefile import read_case
from provenance.model import Case
from tests.conftest import SEED


def test_doctests() -> None:
    assert doctest.testmod(timeline).failed == 0


def _case(assertions: list[dict[str, Any]], sources: list[dict[str, Any]] | None = None) -> Case:
    return Case.model_validate(
        {
            "actors": [{"id": "a", "name": "A", "kind": "person"}],
            "sources": sources
            or [
                {"id": "early", "title": "Early", "kind": "article", "date": "2025-04-09"},
                {"id": "month", "title": "Month", "kind": "article", "date": "2025-04"},
                {"id": "late", "title": "Late", "kind": "article", "date": "2025-05-02"},
                {"id": "nodate", "title": "No date", "kind": "article"},
            ],
            "claims": [{"id": "c", "text": "C"}, {"id": "d", "text": "D"}],
            "assertions": assertions,
        }
    )


def _said(a_id: str, source: str, **extra: Any) -> dict[str, Any]:
    return {"id": a_id, "actor": "a", "claim": "c", "source": source, "stance": "states", **extra}


def test_later_sources_and_assertions_are_left_out_with_the_reason() -> None:
    cut = timeline.as_of(_case([_said("x", "early"), _said("y", "late")]), "2025-04-10")
    assert [a.id for a in cut.case.assertions] == ["x"]
    reasons = {o["id"]: o["reason"] for o in cut.omitted}
    assert reasons["y"] == "dated 2 May 2025, not known by the end of 10 Apr 2025"
    assert reasons["late"] == "published 2 May 2025, after 10 Apr 2025"
    assert reasons["d"] == "nothing was said about it yet"


def test_a_month_precise_date_is_not_known_before_the_month_ends() -> None:
    case = _case([_said("m", "month")])
    assert timeline.as_of(case, "2025-04-10").case.assertions == []
    assert [a.id for a in timeline.as_of(case, "2025-04-30").case.assertions] == ["m"]


def test_an_undated_assertion_counts_only_when_marked_undated() -> None:
    case = _case([_said("u", "nodate"), _said("v", "nodate", undated=True)])
    cut = timeline.as_of(case, "2025-06-01")
    assert [a.id for a in cut.case.assertions] == ["v"]
    assert cut.omitted[0]["id"] == "u"
    assert "undated: true" in cut.omitted[0]["reason"]


def test_what_a_counted_relay_repeats_counts_too() -> None:
    case = _case([_said("m", "month"), _said("r", "early", date="2025-04-09", via="m")])
    # "m" is dated only "April", but "r" relayed it on the 9th, so it existed by then.
    assert [a.id for a in timeline.as_of(case, "2025-04-09").case.assertions] == ["m", "r"]


def test_a_later_source_we_read_an_earlier_statement_in_is_dropped() -> None:
    case = _case([_said("x", "early", date="2025-04-09", read_in="late")])
    cut = timeline.as_of(case, "2025-04-20")
    assert cut.case.assertions[0].read_in is None
    assert "late" in {o["id"] for o in cut.omitted}


def test_a_date_before_every_event_is_refused() -> None:
    with pytest.raises(ValueError, match="before anything in the case happened"):
        timeline.as_of(_case([_said("x", "early")]), "2025-01-01")
    with pytest.raises(ValueError, match="is not a date"):
        timeline.as_of(_case([_said("x", "early")]), "yesterday")


def test_after_the_last_event_nothing_is_left_out_of_the_seed() -> None:
    case = read_case(SEED).case
    cut = timeline.as_of(case, "2030-01-01")
    said_on = {s.id: s.date for s in case.sources}
    dated = {
        a.id
        for a in case.assertions
        if a.date or said_on[a.source] or (a.read_in and said_on[a.read_in]) or a.undated
    }
    assert {a.id for a in cut.case.assertions} == dated
    assert {o["id"] for o in cut.omitted if o["kind"] == "assertion"} == {
        a.id for a in case.assertions
    } - dated


def test_the_seed_in_april_has_no_may_thread() -> None:
    cut = timeline.as_of(read_case(SEED).case, "2025-04-10")
    ids = {a.id for a in cut.case.assertions}
    assert "gasparino-japan-sold" in ids
    assert "kubota-institutions" in ids
    assert not any(a.id.startswith("kato-card") for a in cut.case.assertions)
    assert "treasuries-a-card" in {o["id"] for o in cut.omitted if o["kind"] == "claim"}


def test_an_undated_statement_is_known_by_the_date_of_the_source_we_read_it_in() -> None:
    case = _case([_said("x", "nodate", read_in="late")])
    assert timeline.as_of(case, "2025-04-30").case.assertions == []
    [omitted] = [o for o in timeline.as_of(case, "2025-04-30").omitted if o["id"] == "x"]
    assert omitted["reason"] == (
        "undated; read in a source dated 2 May 2025, not known by the end of 30 Apr 2025"
    )
    assert [a.id for a in timeline.as_of(case, "2025-05-02").case.assertions] == ["x"]


def test_a_time_of_day_counts_from_the_end_of_its_minute_in_utc() -> None:
    case = _case([_said("t", "nodate", date="2025-04-09T14:30+09:00")])
    assert timeline.as_of(case, "2025-04-09T05:29Z").case.assertions == []
    assert [a.id for a in timeline.as_of(case, "2025-04-09T05:30Z").case.assertions] == ["t"]


def test_claims_in_view_are_those_a_counted_assertion_bears_on() -> None:
    case = Case.model_validate(
        {
            "actors": [{"id": "a", "name": "A", "kind": "person"}],
            "sources": [{"id": "s", "title": "S", "kind": "article", "date": "2025-04-09"}],
            "claims": [
                {"id": "general", "text": "G"},
                {"id": "specific", "text": "S", "more_specific_than": ["general"]},
                {"id": "rival", "text": "R", "contradicts": ["general"]},
                {"id": "other", "text": "O"},
            ],
            "assertions": [
                {"id": "d", "actor": "a", "claim": "general", "source": "s", "stance": "denies"}
            ],
        }
    )
    cut = timeline.as_of(case, "2025-04-10")
    # A denial of the general claim bears on the specific one; nothing bears on the rival.
    assert [c.id for c in cut.case.claims] == ["general", "specific"]
    assert [o["id"] for o in cut.omitted] == ["other", "rival"]


def test_counts_from_is_the_moment_as_of_uses() -> None:
    case = read_case(SEED).case
    moments = timeline.counts_from(timeline.placed(case), {s.id: s.date for s in case.sources})
    # Marked undated, but the Gate page draws on Cryptopolitan's May article.
    assert str(moments["gate-japan-holdings"]) == "2025-06-01 00:00:00"
    assert str(moments["japan-denied-sales"]) == "2025-05-03 00:00:00"  # read in 001


def test_an_undated_statement_counts_only_once_what_its_source_draws_on_was_out() -> None:
    sources = [
        {"id": "early", "title": "Early", "kind": "article", "date": "2025-04-09"},
        {"id": "page", "title": "Page", "kind": "article", "cites": ["early"]},
        {"id": "plain", "title": "Plain", "kind": "article"},
        {"id": "first", "title": "First", "kind": "article", "date": "2025-04-01"},
    ]
    case = _case([_said("p", "page", undated=True), _said("q", "plain", undated=True)], sources)
    assert [a.id for a in timeline.as_of(case, "2025-04-09").case.assertions] == ["p", "q"]
    cut = timeline.as_of(case, "2025-04-08")
    assert [a.id for a in cut.case.assertions] == ["q"]
    [p] = [o for o in cut.omitted if o["id"] == "p"]
    assert p["reason"] == (
        "undated, but its source draws on one dated 9 Apr 2025, after 8 Apr 2025"
    )


def test_a_challenge_counts_once_its_evidence_does() -> None:
    """docs/rules.md, Time: a quote the speaker denies on 2 May is not "not said" as of
    10 April, in the `--as-of` view and in the verdict history alike; a challenge with
    only a note counts always."""
    from provenance.engine import analyse
    from provenance.graph import build_graph

    challenge = {"challenge": "refuted", "assertions": ["denial"], "sources": ["late"]}
    case = _case(
        [
            _said("x", "early", basis="first_hand", attribution=challenge),
            _said("denial", "late", claim="d"),
            _said("y", "early", claim="d", attribution={"challenge": "disputed", "note": "n"}),
        ]
    )
    early = timeline.as_of(case, "2025-04-10").case
    assert {a.id: a.attribution for a in early.assertions}["x"] is None
    assert {a.id: a.attribution for a in early.assertions}["y"] is not None
    later = timeline.as_of(case, "2025-05-02").case
    kept = {a.id: a.attribution for a in later.assertions}["x"]
    assert kept is not None and (kept.assertions, kept.sources) == (["denial"], ["late"])

    def attributed(c: Case) -> tuple[str, str]:
        result = analyse(build_graph(c))
        return result["claims"]["c"]["status"], result["assertions"]["x"]["attribution"]["status"]

    assert attributed(early) == ("unconfirmed", "unverifiable")
    assert attributed(later) == ("unsupported", "refuted")
    history = analyse(build_graph(case))["claims"]["c"]["history"]
    assert [(h["as_of"], h["date"], h["status"], h["assertions"]) for h in history] == [
        ("2025-04-09", "2025-04-09", "unconfirmed", ["x"]),
        ("2025-05-02", "2025-05-02", "unsupported", ["x"]),  # the challenged quote
    ]
