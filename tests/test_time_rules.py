"""Verdicts in time: one small case per time rule (docs/rules.md, "Time"), each asserting
the exact status, reason and history; `--as-of` on the command line; the seed in April."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from provenance.cli import app
from provenance.engine import analyse, timing
from provenance.graph import build_graph
from provenance.model import Case
from provenance.records import Analysis, Verdict
from provenance.views import asof
from provenance.views.text import history_text
from tests.conftest import SEED, write_case

ACTORS = {
    "acme": ("Acme Corp", "organization"),
    "acme-ceo": ("Acme's chief executive", "person"),
    "paper": ("The Daily Paper", "outlet"),
    "wire": ("The Wire", "outlet"),
    "stats": ("The Statistics Office", "government"),
    "bank": ("The Central Bank", "government"),
    "blog": ("A blog", "person"),
}


def test_doctests() -> None:
    for module in (timing, asof, history_text):
        assert doctest.testmod(module).failed == 0, module.__name__


def said(
    a_id: str, actor: str, stance: str, basis: str, date: str | None, **extra: Any
) -> dict[str, Any]:
    """An assertion about claim 'c' in a source of its own, dated like the assertion."""
    return {
        "id": a_id,
        "actor": actor,
        "claim": extra.pop("claim", "c"),
        "source": f"src-{a_id}",
        "stance": stance,
        "basis": basis,
        **({"date": date} if date else {}),
        "quote": f"words of {a_id}",
        **extra,
    }


def case(
    assertions: list[dict[str, Any]], claims: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Case data with the actors above, one source per assertion (dated like it), and one
    claim 'c' unless `claims` are given."""
    used = {a["actor"] for a in assertions}
    return {
        "title": "time case",
        "actors": [
            {"id": i, "name": n, "kind": k, **({"affiliation": "acme"} if i == "acme-ceo" else {})}
            for i, (n, k) in ACTORS.items()
            if i in used or i == "acme"
        ],
        "sources": [
            {
                "id": a["source"],
                "title": f"Source of {a['id']}",
                "kind": "statement",
                **({"date": a["date"]} if a.get("date") else {}),
            }
            for a in assertions
        ],
        "claims": claims or [{"id": "c", "text": "Acme is for sale"}],
        "assertions": assertions,
    }


def verdict(data: dict[str, Any], claim: str = "c") -> Verdict:
    """The verdict of `claim`, every source's text held (an archive path is a file-system
    matter; the engine reads the flag): each statement is on record, its attribution
    established (docs/rules.md, section 5), so a first-hand one can confirm."""
    graph = build_graph(Case.model_validate(data))
    for s in data["sources"]:
        graph.nodes[f"source:{s['id']}"]["archive"] = f"{s['id']}.txt"
    result: Analysis = analyse(graph)
    return result["claims"][claim]


def deciding(v: Verdict) -> str:
    """The reason of the rule that decided the verdict."""
    fired = next(c["rule"] for c in v["checks"] if c["fired"])
    return next(r["text"] for r in v["reasons"] if r["rule"] == fired)


def history(v: Verdict) -> list[tuple[str | None, str, int, list[str]]]:
    return [(h["as_of"], h["status"], h["grade"], h["assertions"]) for h in v["history"]]


# --- supersession ----------------------------------------------------------------------

STORY = [
    said("report", "paper", "states", "unnamed_sources", "2025-03-01"),
    said("denial", "acme", "denies", "first_hand", "2025-03-02"),
    said("sale", "acme", "states", "official", "2025-03-30"),
]


def test_a_first_hand_confirmation_after_a_denial_confirms_with_the_story_in_history() -> None:
    v = verdict(case(STORY))
    assert v["status"] == "confirmed"
    assert deciding(v) == (
        "confirmed after a denial: denied first-hand by Acme Corp on 2 Mar 2025; "
        "confirmed officially by Acme Corp on 30 Mar 2025"
    )
    assert history(v) == [
        ("2025-03-01", "unconfirmed", 3, ["report"]),
        ("2025-03-02", "refuted", 5, ["denial"]),
        ("2025-03-30", "confirmed", 1, ["sale"]),
    ]


def test_a_later_authoritative_denial_refutes_earlier_reports() -> None:
    v = verdict(case(STORY[:2]))
    assert v["status"] == "refuted"
    assert deciding(v) == (
        "denied later with authority: stated by The Daily Paper (unnamed sources) on "
        "1 Mar 2025; denied first-hand by Acme Corp on 2 Mar 2025"
    )


def test_only_a_denial_authoritative_once_weighed_supersedes() -> None:
    """docs/rules.md 8.3 and section 2: a self-interested first-hand denial (a leader
    playing down his own words) is weighed down to grounded; it no longer "denies later
    with authority" what was said before it, and weighs as the denial it is. Nor does a
    first-hand denial whose attribution is not established (its source not held)."""
    interested = [STORY[0], {**STORY[1], "self_interested": True}]
    v = verdict(case(interested))
    assert v["status"] == "disputed"
    assert not any(r["rule"] == "later-denial" for r in v["reasons"])
    assert any(r["rule"] == "denied" for r in v["reasons"])
    unheld = analyse(build_graph(Case.model_validate(case(STORY[:2]))))["claims"]["c"]
    assert unheld["status"] == "disputed"
    assert verdict(case(STORY[:2]))["status"] == "refuted"  # held: on record, it supersedes


def test_support_said_after_the_denial_still_stands() -> None:
    later = said("second", "wire", "states", "unnamed_sources", "2025-03-05")
    v = verdict(case([*STORY[:2], later]))
    assert v["status"] == "disputed"
    reasons = [r["text"] for r in v["reasons"]]
    assert (
        "superseded: The Daily Paper (stated, unnamed sources): 'words of report', by a later "
        "statement: Acme Corp (denied, first hand): 'words of denial'"
    ) in reasons


def test_a_confirmation_then_an_authoritative_retraction_ends_retracted() -> None:
    data = case(
        [
            said("figure", "stats", "confirms", "official", "2025-03-01"),
            said("relay", "paper", "states", "unstated", "2025-03-02", via="figure"),
            said("withdrawn", "stats", "retracts", "official", "2025-03-05", via="figure"),
        ]
    )
    v = verdict(data)
    assert v["status"] == "retracted"
    assert (
        deciding(v)
        == "retracted: The Statistics Office (retracted, official): 'words of withdrawn'"
    )
    assert history(v) == [
        ("2025-03-01", "confirmed", 1, ["figure"]),
        ("2025-03-05", "retracted", 6, ["withdrawn"]),
    ]


def test_a_correction_by_the_confirming_actor_or_its_family_ends_retracted() -> None:
    data = case(
        [
            said("sale", "acme", "states", "official", "2025-03-01"),
            said("no-sale", "acme-ceo", "denies", "first_hand", "2025-03-03"),
        ]
    )
    v = verdict(data)
    assert v["status"] == "retracted"
    assert deciding(v) == (
        "corrected later: confirmed officially by Acme Corp on 1 Mar 2025; "
        "denied first-hand by Acme's chief executive on 3 Mar 2025"
    )
    assert [h["status"] for h in v["history"]] == ["confirmed", "retracted"]


def test_opposite_first_hand_statements_of_the_same_day_stay_disputed() -> None:
    data = case(
        [
            said("yes", "acme", "states", "first_hand", "2025-03-02"),
            said("no", "stats", "denies", "official", "2025-03-02"),
        ]
    )
    v = verdict(data)
    assert v["status"] == "disputed"
    assert deciding(v) == (
        "denied with authority, but grounded support remains: "
        "The Statistics Office (denied, official): 'words of no'"
    )


def test_a_month_is_not_certainly_before_a_day_in_it() -> None:
    data = case(
        [
            said("no", "stats", "denies", "official", "2025-03"),
            said("yes", "acme", "states", "first_hand", "2025-03-30"),
        ]
    )
    assert verdict(data)["status"] == "disputed"


# --- periods and predictions -----------------------------------------------------------

APRIL_SALE = [
    {"id": "c", "text": "Acme sold its bonds in April 2025", "about": "2025-04"},
]


def test_a_later_announcement_about_another_period_does_not_confirm_the_earlier_report() -> None:
    data = case(
        [
            said("report", "paper", "states", "unnamed_sources", "2025-04-10"),
            said("may", "acme", "states", "official", "2025-06-01", about="2025-05"),
        ],
        claims=APRIL_SALE,
    )
    v = verdict(data)
    assert v["status"] == "unconfirmed"
    assert "set aside, about May 2025: Acme Corp (stated, official): 'words of may'" in [
        r["text"] for r in v["reasons"]
    ]
    assert v["support"] == ["report"]


def test_support_for_a_more_specific_claim_about_another_period_is_set_aside() -> None:
    claims = [
        *APRIL_SALE,
        {
            "id": "may-sale",
            "text": "Acme sold its bonds to a fund in May 2025",
            "about": "2025-05",
            "more_specific_than": ["c"],
        },
    ]
    data = case([said("may", "acme", "states", "official", "2025-06-01", claim="may-sale")], claims)
    assert verdict(data)["status"] == "unsupported"
    assert verdict(data, "may-sale")["status"] == "confirmed"


RATE_RISE = [
    {
        "id": "c",
        "text": "The central bank will raise rates in July 2025",
        "about": "2025-07",
        "future": True,
    }
]


def test_a_future_claim_supported_only_by_earlier_predictions_is_not_confirmed() -> None:
    data = case([said("plan", "bank", "states", "first_hand", "2025-06-10")], RATE_RISE)
    v = verdict(data)
    assert v["status"] == "unconfirmed"
    assert deciding(v) == (
        "unconfirmed: only predicted, before it could have happened: "
        "stated first-hand by The Central Bank on 10 Jun 2025"
    )


def test_a_future_claim_is_confirmed_by_what_is_said_once_its_period_began() -> None:
    data = case(
        [
            said("plan", "bank", "states", "first_hand", "2025-06-10"),
            said("done", "bank", "confirms", "official", "2025-07-31"),
        ],
        RATE_RISE,
    )
    v = verdict(data)
    assert v["status"] == "confirmed"
    assert history(v) == [
        ("2025-06-10", "unconfirmed", 4, ["plan"]),
        ("2025-07-31", "confirmed", 1, ["done"]),
    ]


def test_a_future_claim_with_no_period_is_only_ever_predicted() -> None:
    claims = [{"id": "c", "text": "Japan will not sell its Treasuries", "future": True}]
    data = case([said("vow", "stats", "states", "first_hand", "2025-04-13")], claims)
    assert verdict(data)["status"] == "unconfirmed"


# --- --as-of on the command line --------------------------------------------------------


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_as_of_before_the_confirmation_gives_the_earlier_status(tmp_path: Path) -> None:
    path = write_case(tmp_path, held(tmp_path, case(STORY)))
    code, out, _ = _cli("status", "--case", str(path), "--as-of", "2025-03-10", "--json")
    assert code == 0
    report = json.loads(out)
    assert [(r["claim"], r["status"]) for r in report["claims"]] == [("c", "refuted")]
    assert report["as_of"]["note"] == "as of 10 Mar 2025: 2 records left out (2 not yet published)"
    code, out, _ = _cli("status", "--case", str(path), "--as-of", "2025-03-10")
    assert out.splitlines()[0] == "as of 10 Mar 2025: 2 records left out (2 not yet published)"
    assert "refuted" in out.splitlines()[2]


def held(folder: Path, data: dict[str, Any]) -> dict[str, Any]:
    """`data` with every source's text archived in `folder` (each quote in it): every
    statement on record, so a first-hand one can confirm (docs/rules.md, section 5)."""
    quotes = {a["source"]: a["quote"] for a in data["assertions"]}
    for source in data["sources"]:
        source["archive"] = f"{source['id']}.txt"
        (folder / source["archive"]).write_text(quotes[source["id"]] + "\n", encoding="utf-8")
    return data


def test_explain_lists_the_history_and_trace_says_it_in_one_line(tmp_path: Path) -> None:
    path = write_case(tmp_path, held(tmp_path, case(STORY)))
    code, out, _ = _cli("explain", "c", "--case", str(path), "--json")
    assert code == 0
    assert [h["status"] for h in json.loads(out)["verdict"]["history"]] == [
        "unconfirmed",
        "refuted",
        "confirmed",
    ]
    _, text, _ = _cli("explain", "c", "--case", str(path))
    assert "    2 Mar 2025: refuted, grade 5 [denial]" in text.splitlines()
    _, text, _ = _cli("trace", "c", "--case", str(path))
    assert (
        "status: CONFIRMED · credibility 1 (confirmed by other independent sources) · "
        "2 independent origin(s) · first seen 2025-03-01 history: confirmed since 30 Mar 2025 "
        "(grade 1); refuted from 2 Mar 2025 (grade 5); unconfirmed from 1 Mar 2025 (grade 3) why:"
    ) in " ".join(text.split())


def test_without_as_of_the_json_has_no_as_of_key(tmp_path: Path) -> None:
    path = write_case(tmp_path, case(STORY))
    for command in (["status"], ["explain", "c"], ["trace", "c"]):
        _, out, _ = _cli(*command, "--case", str(path), "--json")
        assert "as_of" not in json.loads(out)


def test_as_of_before_any_event_or_not_a_date_is_one_line_naming_the_option(
    tmp_path: Path,
) -> None:
    path = write_case(tmp_path, case(STORY))
    code, out, err = _cli("status", "--case", str(path), "--as-of", "2025-01-01")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "prov: --as-of: 1 Jan 2025 is before anything in the case happened "
        "(the first event is dated 1 Mar 2025): choose a later date"
    ]
    code, out, err = _cli("status", "--case", str(path), "--as-of", "2025-02-30")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert "'--as-of'" in err and "'2025-02-30' is not a calendar date" in err


# --- the seed case -------------------------------------------------------------------------


def test_the_seed_as_of_10_april_is_the_april_picture() -> None:
    code, out, _ = _cli("status", "--case", str(SEED), "--as-of", "2025-04-10", "--json")
    assert code == 0
    report = json.loads(out)
    claims = {r["claim"]: r["status"] for r in report["claims"]}
    assert "treasuries-a-card" not in claims  # the May thread is absent...
    assert "kato-signals-leverage" not in claims
    omitted = {o["id"]: o["why"] for o in report["as_of"]["omitted"]}
    assert omitted["kato-card-zaobao"] == "later"  # ...and the output says so
    assert omitted["treasuries-a-card"] == "unasserted"
    assert claims["japan-sold"] == "unconfirmed"
    assert report["as_of"]["note"].startswith("as of 10 Apr 2025: ")


def test_the_seed_history_of_japan_sold_shows_each_change() -> None:
    code, out, _ = _cli("explain", "japan-sold", "--case", str(SEED), "--json")
    assert code == 0
    assert [
        (h["as_of"], h["status"], h["grade"]) for h in json.loads(out)["verdict"]["history"]
    ] == [
        ("2025-04-09", "unconfirmed", 4),  # Gasparino on air, no basis
        ("2025-04-10", "unconfirmed", 3),  # Kubota's analysis: an origin with a basis
    ]


def test_render_and_export_draw_the_case_as_of_the_date() -> None:
    code, dot, _ = _cli(
        "render",
        "--all",
        "--case",
        str(SEED),
        "--as-of",
        "2025-04-10",
        "--format",
        "dot",
        "-o",
        "-",
    )
    assert code == 0
    assert "japan-sold" in dot
    assert "treasuries-a-card" not in dot
    code, out, _ = _cli("export", "-f", "json", "--case", str(SEED), "--as-of", "2025-04-10")
    assert code == 0
    assert json.loads(out)["as_of"]["date"] == "2025-04-10"


def test_check_warns_about_an_assertion_nothing_dates_unless_marked_undated(
    tmp_path: Path,
) -> None:
    data = case([said("x", "paper", "states", "unstated", None)])
    path = write_case(tmp_path, data)
    _, out, _ = _cli("check", "--case", str(path), "--json")
    [warning] = [f for f in json.loads(out)["findings"] if f["kind"] == "chronology"]
    assert warning["severity"] == "warning"
    assert warning["subject"] == "assertion:x"
    assert warning["message"].startswith("no date: neither the assertion, the source it was said")
    data["assertions"][0]["undated"] = True
    path = write_case(tmp_path, data)
    _, out, _ = _cli("check", "--case", str(path), "--json")
    assert [f for f in json.loads(out)["findings"] if f["kind"] == "chronology"] == []


def test_explaining_a_claim_not_yet_asserted_as_of_the_date_says_so() -> None:
    code, out, err = _cli(
        "explain", "treasuries-a-card", "--case", str(SEED), "--as-of", "2025-04-10"
    )
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "prov: claim 'treasuries-a-card' as of 10 Apr 2025: nothing was said about it yet"
    ]


#: A capture of the statements' source: each is on record, its attribution established
#: (docs/rules.md, section 5), so a first-hand one is authoritative and can supersede.
CAPTURE = {"sha256": "0" * 64, "date": "2025-07-01"}


def test_a_correction_and_another_denial_on_one_day_read_alike_whatever_their_ids() -> None:
    """Found by the relabelling property test: a statement denied on the same day by its
    own actor and by another was retracted or refuted depending on which id sorted
    first. Its own actor's denial is the one that supersedes it: a correction."""
    from provenance.engine import analyse
    from provenance.graph import build_graph
    from provenance.model import Case

    def statement(i: str, actor: str, stance: str, date: str) -> dict[str, str]:
        return {
            "id": i,
            "actor": actor,
            "claim": "c",
            "source": "s",
            "stance": stance,
            "basis": "first_hand",
            "date": date,
        }

    statuses = set()
    for own, other in (("a3", "a11"), ("a11", "a3"), ("zz", "aa"), ("aa", "zz")):
        case = Case.model_validate(
            {
                "actors": [{"id": x, "name": x, "kind": "person"} for x in ("x", "y")],
                "sources": [{"id": "s", "title": "S", "kind": "article", "capture": CAPTURE}],
                "claims": [{"id": "c", "text": "C"}],
                "assertions": [
                    statement("a2", "x", "confirms", "2025-04-09"),
                    statement(own, "x", "denies", "2025-04-10"),
                    statement(other, "y", "denies", "2025-04-10"),
                ],
            }
        )
        verdict = analyse(build_graph(case))["claims"]["c"]
        statuses.add(verdict["status"])
        assert any(r["rule"] == "corrected" for r in verdict["reasons"]), (own, other)
    assert statuses == {"retracted"}


def test_an_affiliates_same_day_correction_outweighs_an_outsiders_denial() -> None:
    """Another rumor: a ministry announces officially on 1 June that a governor resigned;
    on 2 June its spokesperson (affiliated with the ministry) and an opposition MP each
    deny it first-hand. The ministry's side corrected itself: retracted, whichever id
    sorts first. Without the spokesperson, the MP's denial refutes it."""
    from provenance.engine import analyse
    from provenance.graph import build_graph
    from provenance.model import Case

    def case(ids: tuple[str, str] | None) -> dict[str, object]:
        said = [
            {
                "id": "announce",
                "actor": "ministry",
                "claim": "resigned",
                "source": "s",
                "stance": "confirms",
                "basis": "official",
                "date": "2025-06-01",
            },
        ]
        for i, actor in zip(ids or ("mp-denial",), ("mp", "spokesperson"), strict=False):
            said.append(
                {
                    "id": i,
                    "actor": actor,
                    "claim": "resigned",
                    "source": "s",
                    "stance": "denies",
                    "basis": "first_hand",
                    "date": "2025-06-02",
                }
            )
        return {
            "actors": [
                {"id": "ministry", "name": "Ministry", "kind": "organization"},
                {
                    "id": "spokesperson",
                    "name": "Spokesperson",
                    "kind": "person",
                    "affiliation": "ministry",
                },
                {"id": "mp", "name": "Opposition MP", "kind": "person"},
            ],
            "sources": [{"id": "s", "title": "S", "kind": "article", "capture": CAPTURE}],
            "claims": [{"id": "resigned", "text": "The governor resigned"}],
            "assertions": said,
        }

    for ids in (("a-mp", "b-spokes"), ("b-mp", "a-spokes")):
        verdict = analyse(build_graph(Case.model_validate(case(ids))))["claims"]["resigned"]
        assert verdict["status"] == "retracted", ids
    alone = analyse(build_graph(Case.model_validate(case(None))))["claims"]["resigned"]
    assert alone["status"] == "refuted"
