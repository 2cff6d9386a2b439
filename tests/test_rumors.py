"""Other rumors than the seed's, written as a checker would (tests/cases/rumors/), each
with the verdicts a verification desk signs and the words that explain them."""

from __future__ import annotations

import pytest

from provenance.document import build_document
from tests.conftest import CASES

RUMORS = CASES / "rumors"


def statuses(case: str, as_of: str | None = None) -> dict[str, tuple[str, int]]:
    doc = build_document(RUMORS / case, as_of)
    return {c: (v["status"], v["grade"]) for c, v in doc["analysis"]["claims"].items()}


def reasons(case: str, claim: str, as_of: str | None = None) -> list[str]:
    doc = build_document(RUMORS / case, as_of)
    return [r["text"] for r in doc["analysis"]["claims"][claim]["reasons"]]


@pytest.mark.parametrize(
    ("case", "as_of", "expected"),
    [
        (
            "ap-hacked-tweet-2013",
            None,
            {
                "account-hacked": ("confirmed", 1),
                "ap-reported": ("refuted", 5),
                "explosions": ("refuted", 5),
                "obama-injured": ("refuted", 5),
            },
        ),
        (
            "credit-suisse-2022",
            "2022-10-02",
            {"bank-brink": ("retracted", 6), "cs-brink": ("retracted", 6)},
        ),
        (
            "credit-suisse-2022",
            None,
            {
                "bank-brink": ("unconfirmed", 3),
                "cs-brink": ("unconfirmed", 3),
                "cs-takeover": ("unconfirmed", 3),  # no archive of FINMA's release
            },
        ),
        (
            "nyse-flooded-2012",
            None,
            {
                "coned-all-power": ("retracted", 6),
                "myers-said": ("confirmed", 1),  # two outlets transcribed the broadcast
                "nyse-flooded": ("refuted", 5),  # the NYSE on record, after the apology
                "nyse-floor-3ft": ("refuted", 5),
                "smug-is-tripathi": ("corroborated", 2),
            },
        ),
        (
            "pope-endorses-trump-2016",
            None,
            {
                "etf-engagements": ("unconfirmed", 3),
                "pope-endorsed-any": ("refuted", 5),
                "pope-endorsed-trump": ("refuted", 5),
                "pope-statement": ("refuted", 5),
                "pope-walls": ("confirmed", 1),
                "wtoe-fantasy": ("confirmed", 1),
            },
        ),
        (
            "kim-jong-un-2020",
            None,
            {
                "kim-alive-may": ("confirmed", 1),
                "kim-dead": ("refuted", 5),
                "kim-grave": ("refuted", 5),
                "kim-surgery": ("unconfirmed", 3),
            },
        ),
        (
            "svb-2023",
            "2023-03-09",
            {"svb-closed": ("unsupported", 6), "svb-fails": ("unconfirmed", 4)},
        ),
        ("svb-2023", None, {"svb-closed": ("confirmed", 1), "svb-fails": ("confirmed", 1)}),
        (
            "dorian-nakamoto-2014",
            "2014-03-06",
            {"dorian-is-satoshi": ("unconfirmed", 3), "dorian-said-involved": ("disputed", 4)},
        ),
        (
            "dorian-nakamoto-2014",
            None,
            {"dorian-is-satoshi": ("disputed", 4), "dorian-said-involved": ("disputed", 4)},
        ),
    ],
)
def test_each_rumor_gets_the_verdicts_a_desk_signs(
    case: str, as_of: str | None, expected: dict[str, tuple[str, int]]
) -> None:
    assert statuses(case, as_of) == expected


def test_a_post_its_author_never_made_is_named_as_not_said_not_retracted() -> None:
    found = reasons("ap-hacked-tweet-2013", "explosions")
    assert found[0].startswith("denied with authority and no grounded support: Paul Colford")
    assert "1 origin, not said (attribution refuted): The Associated Press (stated, basis " in (
        " ".join(found)
    )
    assert not any("retracted" in r for r in found)


def test_accounts_relaying_a_deleted_tweet_are_named_when_it_is_retracted() -> None:
    assert reasons("credit-suisse-2022", "cs-brink", "2022-10-02")[0] == (
        "retracted: what supported it relays retracted words: Anonymous accounts on Twitter "
        "and Reddit (stated, hearsay)"
    )


def test_an_official_denial_on_record_supersedes_an_earlier_report_of_unnamed_sources() -> None:
    found = reasons("kim-jong-un-2020", "kim-grave")
    assert found[0] == (
        "denied later with authority: stated by A US official (unnamed) (unnamed sources) on "
        "20 Apr 2020; denied officially by Moon Chung-in on 26 Apr 2020"
    )


def test_a_retracted_rumor_denied_on_record_is_refuted_with_the_retractions_named() -> None:
    found = reasons("nyse-flooded-2012", "nyse-floor-3ft")
    assert found[0].startswith("denied later with authority: ")
    assert "denied officially by Ray Pellecchia on 30 Oct 2012" in found[0]
    assert any(r.startswith("retracted: @ComfortablySmug (retracted, first hand)") for r in found)
    assert any(r.startswith("retracted: Bridget Leininger (retracted, first hand)") for r in found)
    assert any(r.startswith("2 origins, support retracted: ") for r in found)


def test_the_sites_that_carried_a_fabricated_quote_are_not_said_to_have_not_said_it() -> None:
    found = reasons("pope-endorses-trump-2016", "pope-endorsed-trump")
    assert found[0].startswith("denied with authority and no grounded support: Pope Francis")
    assert any(r.startswith("not said (attribution refuted): Pope Francis") for r in found)
    assert any(r.startswith("rests only on words not said: WTOE 5 News") for r in found)
    assert not any(r.startswith("not said (attribution refuted): WTOE") for r in found)


def test_the_spread_of_words_never_said_is_still_flagged_as_amplification() -> None:
    doc = build_document(RUMORS / "pope-endorses-trump-2016")
    flags = doc["analysis"]["claims"]["pope-endorsed-trump"]["flags"]
    [amplified] = [f for f in flags if f["kind"] == "amplification"]
    assert amplified["text"] == (
        "4 assertions, 1 origin, not said (attribution refuted): amplification of what does"
        " not stand"
    )


def test_a_year_dated_relay_does_not_make_a_claim_first_seen_before_what_it_relays() -> None:
    doc = build_document(RUMORS / "pope-endorses-trump-2016")
    # Ending the Fed's copy is dated only "2016"; the WTOE article it relays, July 2016.
    assert doc["analysis"]["claims"]["pope-endorsed-trump"]["first_seen"] == "2016-07"


def test_a_self_interested_or_unverifiable_denial_supersedes_nothing() -> None:
    """Dorian Nakamoto's own denials are self-interested, the P2P Foundation post is
    unverifiable: none is authoritative once weighed, so none "denies later with
    authority" Newsweek's inference; they dispute it (it read "refuted" before)."""
    found = reasons("dorian-nakamoto-2014", "dorian-is-satoshi")
    assert found[0].startswith("support and denial conflict; denied by Dorian Nakamoto")
    assert not any("denied later with authority" in r for r in found)
    said = reasons("dorian-nakamoto-2014", "dorian-said-involved")
    assert said[0].startswith("attribution disputed: Dorian Nakamoto (stated, first hand)")


def test_a_true_rumor_is_only_predicted_until_the_regulator_confirms_it() -> None:
    """The CEO's reassurance is weighed down (self-interested, second-hand), yet a later
    official statement still supersedes it: confirmed after a denial."""
    assert reasons("svb-2023", "svb-fails")[0] == (
        "confirmed after a denial: denied first-hand by Greg Becker on 9 Mar 2023; confirmed "
        "officially by FDIC on 10 Mar 2023"
    )
    before = reasons("svb-2023", "svb-fails", "2023-03-09")
    assert before[0].startswith("unconfirmed: only predicted, before it could have happened")
    assert "weighed down: self-interested" in before[1]
