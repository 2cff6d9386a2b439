from __future__ import annotations

import copy
import itertools

import pytest

from provenance.document import Document
from provenance.errors import LookupFailed
from provenance.views.find import find, find_id, normalize
from provenance.views.index import CaseIndex, closures
from provenance.views.text.trace_text import format_trace
from provenance.views.trace import STANCE_ORDER, trace
from provenance.vocab import Stance


def test_normalize_folds_case_accents_and_punctuation() -> None:
    assert normalize("  Nórinchukin  BANK ") == "norinchukin bank"
    assert normalize("japan-sold") == "japan sold"


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("norinchukin", [("claim", "norinchukin-sold"), ("actor", "norinchukin")]),
        ("NORINCHÜKIN", [("claim", "norinchukin-sold"), ("actor", "norinchukin")]),
        ("Gaspardino", [("actor", "gasparino")]),  # a misspelling recorded as an alias
        ("加藤勝信", [("actor", "kato")]),
        ("claim:japan-sold", [("claim", "japan-sold")]),
        ("hakimian", [("actor", "hakimian")]),
    ],
)
def test_find_matches_ids_names_aliases_and_tags(
    seed_doc: Document, term: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.kind, m.id) for m in find(seed_doc, term)] == expected


def test_find_falls_back_to_words_inside_names_and_wording(seed_doc: Document) -> None:
    assert ("claim", "hedge-fund-liquidated") in [
        (m.kind, m.id) for m in find(seed_doc, "liquidated")
    ]


def test_nothing_found_suggests_the_closest_name(seed_doc: Document) -> None:
    with pytest.raises(LookupFailed) as info:
        find(seed_doc, "norinchukn")
    assert str(info.value) == (
        "nothing matches 'norinchukn' (did you mean 'norinchukin'?); "
        "'prov status' lists every claim"
    )


def test_unknown_kind_id_suggests_an_id_of_that_kind(seed_doc: Document) -> None:
    with pytest.raises(LookupFailed) as info:
        find(seed_doc, "claim:japan-sol")
    assert str(info.value) == "no claim with id 'japan-sol' (did you mean 'japan-sold'?)"


def test_trace_norinchukin_shows_chain_conditional_doubt_context_and_status(
    seed_doc: Document,
) -> None:
    result = trace(seed_doc, "norinchukin")
    claim = result["views"][0]
    assert (claim["id"], claim["status"]) == ("norinchukin-sold", "unconfirmed")
    hedged = claim["assertions"]["hedges"][0]
    assert hedged["actor"] == "jp-netizens"
    assert [link["actor"] for link in hedged["chain"]] == ["jp-netizens", "hakimian", "gasparino"]
    assert claim["assertions"]["conditional"][0]["actor"] == "kubota"
    assert "ikeda" in [a["actor"] for a in claim["assertions"]["doubts"]]
    assert [c["claim"] for c in claim["related"]["context"]] == ["norinchukin-restructuring"]
    text = format_trace(result)
    assert "status: UNCONFIRMED" in text
    assert "└─ Spencer Hakimian · states 'hedge-fund-liquidated'" in text


def test_trace_of_an_actor_lists_what_it_said_and_who_relayed_it(seed_doc: Document) -> None:
    actor = trace(seed_doc, "gasparino")["views"][0]
    japan = next(a for a in actor["assertions"] if a["assertion"] == "gasparino-japan-sold")
    relayers = {r["actor"] for r in japan["relayed_by"]}
    assert {"hakimian", "jp-netizens", "commentator-001", "guancha"} <= relayers


def test_trace_of_a_source_shows_what_it_says_and_cites(seed_doc: Document) -> None:
    source = trace(seed_doc, "source:fox-broadcast")["views"][0]
    assert source["known_only_through"] == ["guancha-article"]
    assert {a["assertion"] for a in source["said_here"]} == {
        "gasparino-japan-sold",
        "gasparino-not-china",
        "gasparino-pause-bonds",
    }


def test_many_matches_are_listed_with_how_to_pick(seed_doc: Document) -> None:
    result = trace(seed_doc, "april-rumor")
    assert result["views"] == []
    assert result["pick"].endswith("run 'prov trace KIND:ID' with one of them")
    assert len(result["matches"]) > 5


def test_trace_output_is_the_same_for_a_shuffled_case(seed_doc: Document, tmp_path) -> None:
    import random
    import shutil

    import yaml

    from provenance.document import build_document
    from tests.conftest import SEED

    data = yaml.safe_load((SEED / "case.yaml").read_text(encoding="utf-8"))
    for key in ("actors", "sources", "claims", "assertions"):
        random.Random(3).shuffle(data[key])
    shutil.copytree(SEED / "sources", tmp_path / "sources")
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    shuffled = build_document(tmp_path)
    for term in ("norinchukin", "kato", "gasparino"):
        # Findings name the line of the case file they concern, which moved; all else stays.
        assert without_lines(trace(shuffled, term)) == without_lines(trace(seed_doc, term))
    assert shuffled["analysis"] == seed_doc["analysis"]


def without_lines(value):
    if isinstance(value, dict):
        return {
            k: without_lines(v)
            for k, v in value.items()
            if k not in ("file", "line") or "severity" not in value
        }
    if isinstance(value, list):
        return [without_lines(v) for v in value]
    return value


def test_a_claim_lists_the_doubts_of_its_more_general_claims(seed_doc: Document) -> None:
    claim = trace(seed_doc, "claim:norinchukin-sold")["views"][0]
    doubts = {(a["assertion"], a["claim"]) for a in claim["assertions"]["doubts"]}
    assert ("ikeda-confused", "japan-sold") in doubts
    assert ("ikeda-no-firsthand", "norinchukin-sold") in doubts


def test_an_assertion_dated_by_its_source_shows_when_it_was_said(seed_doc: Document) -> None:
    """An assertion without its own date was said when its source was published (docs/
    rules.md, section 8): the trace says that date, not "undated"."""
    doc = copy.deepcopy(seed_doc)
    ix = CaseIndex(doc)
    a_id = ix.bearing_on("norinchukin-sold")[0]
    a = ix.assertions[a_id]
    a.pop("date", None)
    ix.sources[a["source"]]["date"] = "2025-04-11"
    view = trace(doc, "claim:norinchukin-sold")
    found = [x for group in view["views"][0]["assertions"].values() for x in group]
    shown = next(x for x in found if x["assertion"] == a_id)
    assert (shown["date"], shown["said"]) == (None, "2025-04-11")
    text = " ".join(format_trace(view).split())  # its lines unwrapped
    assert f"· 2025-04-11 · {shown['source_title']} [{a_id}]" in text


def test_every_stance_of_the_vocabulary_is_grouped_in_its_order_with_its_heading(
    seed_doc: Document,
) -> None:
    # Give the assertions bearing on one claim every stance of vocab.Stance in turn: a
    # stance the view's order missed would drop out of the groups (and of the text).
    doc = copy.deepcopy(seed_doc)
    ix = CaseIndex(doc)
    bearing = ix.bearing_on("japan-sold")
    assert len(bearing) >= len(Stance)
    for a_id, stance in zip(bearing, itertools.cycle(Stance), strict=False):
        ix.assertions[a_id]["stance"] = stance.value
    claim = trace(doc, "claim:japan-sold")["views"][0]
    assert list(claim["assertions"]) == [s.value for s in Stance]
    assert sum(len(m) for m in claim["assertions"].values()) == len(bearing)
    text = format_trace(trace(doc, "claim:japan-sold"))
    for stance in Stance:
        assert f"  {stance.heading} (" in text
    assert tuple(Stance) == STANCE_ORDER


# --- the index shared by the views -------------------------------------------------------


def test_closures_follow_chains_circles_and_ignore_unknown_targets() -> None:
    got = closures({"a": ["b"], "b": ["c", "nowhere"], "c": [], "x": ["y"], "y": ["x", "a"]})
    assert got["a"] == {"a", "b", "c"}
    assert got["c"] == {"c"}
    assert got["x"] == got["y"] == {"x", "y", "a", "b", "c"}


def test_closures_of_a_long_chain_are_all_complete() -> None:
    n = 2000  # deep enough to overflow a recursive walk
    chain = {f"c{i}": [f"c{i + 1}"] if i + 1 < n else [] for i in range(n)}
    got = closures(chain)
    assert len(got["c0"]) == n
    assert got[f"c{n - 1}"] == {f"c{n - 1}"}


def test_claim_closures_of_the_seed(seed_doc: Document) -> None:
    ix = CaseIndex(seed_doc)
    below = ix.claims_below("japan-sold")
    assert {"japan-sold", "japanese-institution-sold", "norinchukin-sold"} <= set(below)
    assert "japan-sold" in ix.claims_above("norinchukin-sold")
    assert ix.claims_below("norinchukin-sold") == ["norinchukin-sold"]


def test_assertions_bearing_on_a_claim(seed_doc: Document) -> None:
    ix = CaseIndex(seed_doc)
    bearing = ix.bearing_on("japan-sold")
    # its own first, then those about more specific claims (with their doubts) ...
    own = [a for a in bearing if ix.assertions[a]["claim"] == "japan-sold"]
    assert bearing[: len(own)] == own
    assert "ikeda-no-firsthand" in bearing
    assert "gasparino-japan-sold" in own
    # ... and doubts of a more general claim bear on a more specific one.
    assert "ikeda-confused" in ix.bearing_on("norinchukin-sold")
    assert set(ix.verdicts["japan-sold"]["support"]) <= set(bearing)


def test_find_id_resolves_one_kind_and_says_where_to_look(seed_doc: Document) -> None:
    assert find_id(seed_doc, "claim", "japan-sold").id == "japan-sold"
    with pytest.raises(LookupFailed) as info:
        find_id(seed_doc, "claim", "gasparino", see="'prov status' lists every claim")
    assert str(info.value).startswith("no claim with id 'gasparino'")
    assert str(info.value).endswith("; 'prov status' lists every claim")


def test_a_wrong_name_finds_its_actor_but_is_never_suggested(seed_doc: Document) -> None:
    from provenance.errors import LookupFailed
    from provenance.views.find import find

    assert [m.id for m in find(seed_doc, "Gaspardino")] == ["gasparino"]
    with pytest.raises(LookupFailed, match="did you mean 'gasparino'"):
        find(seed_doc, "Gasparnio")
