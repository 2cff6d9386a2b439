"""DOMAIN.md's 'what a careful fact-checker concludes', checked on the seed case, with the
verdicts a fact-check editor corrected (issue 13, /work/notes/seed-review.md)."""

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
    # the bank's forecast is itself unconfirmed (one second-hand report), so it no longer
    # lifts the grade from 4 to 3
    assert any(
        t.startswith("context (unconfirmed): 'Norinchukin Bank said in February 2025")
        for t in texts
    )
    assert v["grade"] == 4


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


def test_a_recording_we_do_not_hold_does_not_establish_gasparinos_remark(
    seed_doc: Document,
) -> None:
    attribution = seed_doc["analysis"]["assertions"]["gasparino-japan-sold"]["attribution"]
    assert (attribution["status"], attribution["established"]) == ("second-hand", False)
    assert "we hold no capture" in attribution["text"]


def test_posts_known_from_screenshots_are_screenshot_only(seed_doc: Document) -> None:
    for a_id in ("hakimian-liquidation", "netizens-norinchukin"):
        attribution = seed_doc["analysis"]["assertions"][a_id]["attribution"]
        assert attribution["status"] == "screenshot-only"


def test_later_confirmed_is_certainty_inflation(seed_doc: Document) -> None:
    assert flags_of(seed_doc, "commentary-later-confirmed") == ["certainty-inflation"]


def test_kato_said_it_reported_by_two_independent_outlets_not_four(seed_doc: Document) -> None:
    v = verdict(seed_doc, "treasuries-a-card")
    assert (v["status"], v["grade"]) == ("confirmed", 1)
    attribution = seed_doc["analysis"]["assertions"]["kato-card-zaobao"]["attribution"]
    assert attribution["status"] == "independent-reports"
    # 003 and 004 rewrite 002: they add no outlet
    assert attribution["outlets"] == ["cryptopolitan", "toutiao"]
    assert "one origin suffices: the claim is only that it was said" in v["grade_meaning"]


def test_treasuries_a_card_leads_with_katos_own_words(seed_doc: Document) -> None:
    first = verdict(seed_doc, "treasuries-a-card")["reasons"][0]
    assert first["rule"] == "attribution-of-saying"
    assert first["assertions"] == ["kato-card-cryptopolitan"]
    assert "'It does exist as a card'" in first["text"]
    assert "openly acknowledged" not in first["text"]  # 003's paraphrase is a rewrite


def test_threat_headlines_are_claim_drift_and_one_origin(seed_doc: Document) -> None:
    assert flags_of(seed_doc, "cryptopolitan-threat") == ["claim-drift"]
    assert flags_of(seed_doc, "crypto-post-signals") == ["claim-drift", "rewrite"]
    v = verdict(seed_doc, "japan-threatens-selloff")
    assert (v["status"], v["independent_origins"]) == ("unconfirmed", 1)
    assert [o["assertion"] for o in v["origins"]] == ["cryptopolitan-threat"]


def test_the_113_figure_has_one_origin_not_three(seed_doc: Document) -> None:
    v = verdict(seed_doc, "japan-holdings-113")
    assert (v["status"], v["independent_origins"]) == ("unconfirmed", 1)
    assert [o["assertion"] for o in v["origins"]] == ["cryptopolitan-japan-holdings"]
    assert sorted(v["support"]) == [
        "crypto-post-japan-holdings",
        "cryptopolitan-japan-holdings",
        "gate-japan-holdings",
    ]


def test_onoderas_statement_of_intent_does_not_confirm(seed_doc: Document) -> None:
    # The claim is about the future ("will not use"): Onodera's statement of 13 April
    # was said before anything it speaks of could happen, a prediction set aside
    # (docs/rules.md, "Time"), so no origin is left to weigh; only-predicted decides.
    v = verdict(seed_doc, "japan-wont-use-treasuries")
    assert (v["status"], v["grade"]) == ("unconfirmed", 4)
    assert v["set_aside"] == ["onodera-no-tool"]
    assert v["origins"] == []
    assert next(c["rule"] for c in v["checks"] if c["fired"]) == "only-predicted"


def test_norinchukins_forecast_is_not_confirmed_its_attribution_is_second_hand(
    seed_doc: Document,
) -> None:
    v = verdict(seed_doc, "norinchukin-restructuring")
    assert (v["status"], v["grade"]) == ("unconfirmed", 3)
    deciding = next(r for r in v["reasons"] if r["rule"] == "attribution-of-saying")
    assert deciding["text"].startswith(
        "unconfirmed: it is not established that it was said (single second-hand report)"
    )


def test_china_sold_is_unconfirmed_not_disputed(seed_doc: Document) -> None:
    v = verdict(seed_doc, "china-sold")
    assert (v["status"], v["grade"]) == ("unconfirmed", 4)
    texts = [r["text"] for r in v["reasons"]]
    assert any(
        t.startswith("denied by Charles Gasparino (denied, basis unstated)")
        and t.endswith("(no grounded basis: opposition of that weight)")
        for t in texts
    )


def test_the_selloff_and_the_pause_is_unconfirmed_bessents_denial_weighs_little(
    seed_doc: Document,
) -> None:
    v = verdict(seed_doc, "selloff-drove-pause")
    assert (v["status"], v["grade"]) == ("unconfirmed", 3)
    denial = next(r for r in v["reasons"] if r["assertions"] == ["bessent-strategy"])
    assert "weighed down: self-interested; attribution not established" in denial["text"]


def test_drifted_analyst_quotes_are_not_established(seed_doc: Document) -> None:
    results = seed_doc["analysis"]["assertions"]
    for a_id in ("smith-cryptopolitan", "koll-cryptopolitan"):
        assert results[a_id]["attribution"]["status"] == "second-hand"
        assert "quoted 3 different ways" in results[a_id]["attribution"]["text"]
    for a_id in ("smith-crypto-post", "smith-gate", "koll-crypto-post", "koll-gate"):
        assert results[a_id]["attribution"]["status"] == "disputed"
    v = verdict(seed_doc, "kato-signals-leverage")
    assert (v["status"], v["independent_origins"]) == ("unconfirmed", 2)
    assert sorted(o["assertion"] for o in v["origins"]) == [
        "koll-cryptopolitan",
        "smith-cryptopolitan",
    ]


def test_nearly_107_trillion_is_the_january_figure_rounded_not_a_conflict(
    seed_doc: Document,
) -> None:
    pairs = [f["evidence"]["claims"] for f in seed_doc["checks"] if f["kind"] == "figure"]
    assert ["japan-holdings-107", "japan-holdings-jan"] not in pairs
    assert ["japan-holdings-jan", "japan-holdings-107"] not in pairs


def test_every_quote_says_whose_words_it_is(seed_doc: Document) -> None:
    modes = {a["assertion"]: a["quote_mode"] for a in seed_doc["analysis"]["assertions"].values()}
    assert modes["cnn-pause"] == "paraphrase"
    assert modes["kato-card-zaobao"] == "translation"
    assert modes["cryptopolitan-threat"] == "verbatim"


def test_003_and_004_are_rewrites_of_002_declared_and_found(seed_doc: Document) -> None:
    found = {(d["source"], d["original"], d["how"]) for d in seed_doc["analysis"]["derivations"]}
    assert ("crypto-post", "cryptopolitan-article", "declared-rewrite") in found
    assert ("gate-page", "cryptopolitan-article", "declared-rewrite") in found
    # not declared: their shared wording, which came first unknown
    assert ("gate-page", "crypto-post", "same-anchors") in found


def test_the_rumor_chain_escalates_in_specificity(seed_doc: Document) -> None:
    flag = next(
        f
        for f in seed_doc["analysis"]["assertions"]["netizens-norinchukin"]["flags"]
        if f["kind"] == "specificity-escalation"
    )
    assert flag["claims"][0] == "japan-sold"
    assert flag["claims"][-1] == "norinchukin-sold"


def test_official_figures_known_second_hand_cannot_confirm_until_archived(
    seed_doc: Document,
) -> None:
    # The TIC table is known only through 000's translated paraphrase: the same level as
    # Norinchukin's forecast. Archive the table and these become confirmed and refuted.
    v = verdict(seed_doc, "china-holdings-jan")
    assert (v["status"], v["grade"]) == ("unconfirmed", 3)
    assert v["origins"][0]["weakened"] == [
        "attribution not established (single second-hand report)"
    ]
    assert verdict(seed_doc, "china-holdings-over-1t")["status"] == "unconfirmed"


def test_origin_in_a_trace_means_what_verdicts_count(seed_doc: Document) -> None:
    from provenance.views.index import CaseIndex
    from provenance.views.trace import assertion_view

    ix = CaseIndex(seed_doc)
    threat = assertion_view(ix, "cryptopolitan-threat")
    # it relays Kato's words on another claim: Kato is not the origin of the threat claim
    assert [link["origin"] for link in threat["chain"]] == [False]
    assert threat["origin"] is True
    copy = assertion_view(ix, "crypto-post-japan-holdings")
    assert [(link["assertion"], link["origin"]) for link in copy["chain"]] == [
        ("cryptopolitan-japan-holdings", True)
    ]
    for claim, v in seed_doc["analysis"]["claims"].items():
        for origin in v["origins"]:
            result = seed_doc["analysis"]["assertions"][origin["assertion"]]
            assert result["origins"] == [origin["assertion"]] or claim != result_claim(
                seed_doc, origin["assertion"]
            )


def result_claim(doc: Document, a_id: str) -> str:
    return next(a["claim"] for a in doc["case"]["assertions"] if a["id"] == a_id)
