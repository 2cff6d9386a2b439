"""DOMAIN.md's 'what a careful fact-checker concludes', checked on the seed case."""

from __future__ import annotations

from typing import Any

from provenance.document import Document


def verdict(doc: Document, claim: str) -> Any:
    return doc["analysis"]["claims"][claim]


def flags_of(doc: Document, assertion: str) -> list[str]:
    return [f["kind"] for f in doc["analysis"]["assertions"][assertion]["flags"]]


def test_norinchukin_sold_is_unconfirmed_with_one_anonymous_origin(seed_doc: Document) -> None:
    v = verdict(seed_doc, "norinchukin-sold")
    assert v["status"] == "unconfirmed"
    assert [o["actor"] for o in v["origins"]] == ["jp-netizens"]
    assert v["conditional"] == ["kubota-if-norinchukin"]
    assert "ikeda-no-firsthand" in v["opposition"]
    texts = [r["text"] for r in v["reasons"]]
    assert "single origin: Japanese netizens on X (hedged, basis unstated)" in texts
    assert any(
        t.startswith(
            "doubted by Ikeda Nobuo (doubted, analysis): 'there is currently "
            "no firsthand information"
        )
        for t in texts
    )
    assert any(
        t.startswith("context (confirmed): 'Norinchukin Bank said in February 2025") for t in texts
    )


def test_hedge_fund_liquidation_is_unconfirmed_single_origin_without_basis(
    seed_doc: Document,
) -> None:
    v = verdict(seed_doc, "hedge-fund-liquidated")
    assert (v["status"], v["grade"]) == ("unconfirmed", 4)
    assert [(o["actor"], o["basis"]) for o in v["origins"]] == [("hakimian", "unstated")]
    assert "single-origin" in [f["kind"] for f in v["flags"]]


def test_japan_sold_rests_on_gasparino_and_kubota_only(seed_doc: Document) -> None:
    v = verdict(seed_doc, "japan-sold")
    assert v["status"] == "unconfirmed"
    assert sorted(o["actor"] for o in v["origins"]) == ["gasparino", "kubota"]
    relays = next(r for r in v["reasons"] if r["rule"] == "relays")
    assert set(relays["assertions"]) == {
        "hakimian-liquidation",
        "netizens-hedge-fund",
        "netizens-norinchukin",
        "commentary-later-confirmed",
    }


def test_gasparinos_remark_is_established_by_the_recording(seed_doc: Document) -> None:
    attribution = seed_doc["analysis"]["assertions"]["gasparino-japan-sold"]["attribution"]
    assert (attribution["status"], attribution["established"]) == ("recorded", True)


def test_later_confirmed_is_certainty_inflation(seed_doc: Document) -> None:
    assert flags_of(seed_doc, "commentary-later-confirmed") == ["certainty-inflation"]


def test_kato_said_it_is_confirmed_and_reported_by_several_outlets(seed_doc: Document) -> None:
    assert verdict(seed_doc, "treasuries-a-card")["status"] == "confirmed"
    attribution = seed_doc["analysis"]["assertions"]["kato-card-zaobao"]["attribution"]
    assert attribution["status"] == "multiple-reports"
    assert len(attribution["outlets"]) >= 3


def test_threat_headlines_are_claim_drift_and_not_confirmed(seed_doc: Document) -> None:
    assert flags_of(seed_doc, "cryptopolitan-threat") == ["claim-drift"]
    assert flags_of(seed_doc, "crypto-post-signals") == ["claim-drift"]
    assert verdict(seed_doc, "japan-threatens-selloff")["status"] == "unconfirmed"


def test_the_rumor_chain_escalates_in_specificity(seed_doc: Document) -> None:
    flag = next(
        f
        for f in seed_doc["analysis"]["assertions"]["netizens-norinchukin"]["flags"]
        if f["kind"] == "specificity-escalation"
    )
    assert flag["claims"][0] == "japan-sold"
    assert flag["claims"][-1] == "norinchukin-sold"


def test_official_figures_refute_over_one_trillion_for_china(seed_doc: Document) -> None:
    assert verdict(seed_doc, "china-holdings-jan")["status"] == "confirmed"
    assert verdict(seed_doc, "china-holdings-over-1t")["status"] == "refuted"
