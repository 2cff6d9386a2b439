"""One small case per rule of attribution and independence (issue 13), with its verdict."""

from __future__ import annotations

from typing import Any

from provenance.engine import analyse
from provenance.engine.rewrites import anchors, detect
from provenance.graph import build_graph
from provenance.model import Case
from provenance.records import Analysis

PARAGRAPHS = [
    "The central bank said on Tuesday that it had sold part of its bond holdings to "
    "defend the currency, according to two officials who asked not to be named.",
    "Traders in London reported heavy selling in the afternoon session, and yields on the "
    "ten-year note rose by the most in a month before settling lower.",
    "A spokesman for the ministry declined to comment on the operation, saying only that "
    "the authorities watch the market closely and act when needed.",
]


def run(
    assertions: list[dict[str, Any]],
    sources: dict[str, dict[str, Any]] | None = None,
    claims: list[dict[str, Any]] | None = None,
    texts: dict[str, str] | None = None,
    actors: dict[str, dict[str, Any]] | None = None,
) -> Analysis:
    """Analyse a small case; actors and sources are made from the ids the assertions use,
    with the extra fields given in `sources` and `actors`."""
    sources = sources or {}
    actors = actors or {}
    source_ids = {a["source"] for a in assertions} | {
        a["read_in"] for a in assertions if a.get("read_in")
    }
    source_ids |= set(sources)
    actor_ids = {a["actor"] for a in assertions} | set(actors)
    actor_ids |= {s[k] for s in sources.values() for k in ("publisher", "author") if k in s}
    data = {
        "actors": [
            {"id": x, "name": x.upper(), "kind": "person", **actors.get(x, {})}
            for x in sorted(actor_ids)
        ],
        "sources": [
            {"id": s, "title": f"source {s}", "kind": "article", **sources.get(s, {})}
            for s in sorted(source_ids)
        ],
        "claims": claims
        or [{"id": c, "text": c.upper()} for c in sorted({a["claim"] for a in assertions})],
        "assertions": [{"basis": "unstated", **a} for a in assertions],
    }
    graph = build_graph(Case.model_validate(data))
    for s, fields in sources.items():  # the engine reads the flag; the path is the CLI's
        if fields.get("archive"):
            graph.nodes[f"source:{s}"]["archive"] = fields["archive"]
    return analyse(graph, None, texts)


def a(id: str, actor: str, claim: str, stance: str, source: str, **more: Any) -> dict[str, Any]:
    return {"id": id, "actor": actor, "claim": claim, "source": source, "stance": stance, **more}


def level(result: Analysis, assertion: str) -> str:
    return result["assertions"][assertion]["attribution"]["status"]


def reasons(result: Analysis, claim: str) -> list[str]:
    return [r["text"] for r in result["claims"][claim]["reasons"]]


# --- derivation: rewrites, syndication, revisions ----------------------------------------


def test_a_rewrite_is_found_in_the_texts_without_a_citation() -> None:
    original = "\n\n".join(PARAGRAPHS)
    rewrite = "Markets in focus. " + PARAGRAPHS[0] + " Analysts were surprised.\n" + PARAGRAPHS[1]
    result = run(
        [
            a("a1", "wire", "sold", "states", "wire-story", basis="unnamed_sources"),
            a("a2", "blog", "sold", "states", "blog-post", basis="unnamed_sources"),
        ],
        sources={
            "wire-story": {"archive": "w.txt", "date": "2025-04-01"},
            "blog-post": {"archive": "b.txt", "date": "2025-04-02"},
        },
        texts={"wire-story": original, "blog-post": rewrite},
    )
    [found] = result["derivations"]
    assert (found["source"], found["original"], found["how"], found["dated"]) == (
        "blog-post",
        "wire-story",
        "shared-passages",
        True,
    )
    v = result["claims"]["sold"]
    assert (v["status"], v["independent_origins"]) == ("unconfirmed", 1)
    assert [o["assertion"] for o in v["origins"]] == ["a1"]
    assert "rewrite" in [f["kind"] for f in result["assertions"]["a2"]["flags"]]
    assert "rewrite" in [f["kind"] for f in result["flags"]]


def test_two_outlets_quoting_one_broadcast_are_not_a_rewrite() -> None:
    """Two critics transcribe the same on-air line: they share the speaker's words, in
    quotation marks, and nothing else of each other's. Each reports the remark
    independently, so the attribution is established; the quote alone never pairs them."""
    line = (
        "According to the National Weather Service, through broadcast media, there's three "
        "feet of water on the trading floor on Wall Street."
    )
    texts = {
        "review": f"During Monday night's coverage, the meteorologist told the host: “{line}”",
        "column": f'The critic recorded the broadcast. "{line}" the meteorologist said.',
    }
    said = {"quote": line, "basis": "first_hand"}
    result = run(
        [
            a("r", "meteorologist", "c", "states", "broadcast", read_in="review", **said),
            a("k", "meteorologist", "c", "states", "broadcast", read_in="column", **said),
        ],
        sources={
            "review": {"archive": "r.txt", "publisher": "poynter"},
            "column": {"archive": "k.txt", "publisher": "sun"},
        },
        texts=texts,
    )
    assert result["derivations"] == []
    assert level(result, "r") == level(result, "k") == "independent-reports"
    # The same two texts with the line's words outside quotation marks are a copy.
    copied = {k: v.replace("“", "").replace("”", "").replace('"', "") for k, v in texts.items()}
    assert [d["how"] for d in detect_pairs(copied)] == ["shared-passages"]


def detect_pairs(texts: dict[str, str]) -> list[Any]:
    return [{"how": d.how} for d in detect(texts)]


def test_a_rewrite_in_new_words_is_found_by_its_names_and_figures() -> None:
    first = (
        "Finance Minister Katsunobu Kato said the holdings of $1.13 trillion exist "
        "“as a card in the talks”. Ryosei Akazawa met Scott Bessent. Nicholas Smith of "
        "CLSA and Jesper Koll of Monex Group were struck."
    )
    retold = (
        "In a striking remark, Katsunobu Kato put Japan's $1.13 trillion on the table, "
        "calling it “as a card in the talks”. Earlier Ryosei Akazawa had seen Scott Bessent; "
        "analysts Nicholas Smith and Jesper Koll weighed in."
    )
    unrelated = "Scott Bessent spoke about tariffs. Donald Trump paused them for 90 days."
    assert anchors(first)[:3] == [
        "name:katsunobu kato",
        "figure:$1.13 trillion",
        "name:ryosei akazawa",
    ]
    found = detect({"first": first, "retold": retold, "other": unrelated})
    assert [(d.left, d.right, d.how) for d in found] == [("first", "retold", "same-anchors")]


def test_two_reports_of_one_news_conference_are_not_a_rewrite() -> None:
    """Two outlets each write up one news conference: they quote the same sentences, in
    the speaker's order, with the names and figures the speaker said. Read outside their
    quotation marks they share too little to be a rewrite (docs/rules.md, section 2)."""
    wire = (
        "Federal Reserve Chair Jerome Powell said on Wednesday the central bank would raise "
        "rates by 0.25 percent. “We are strongly committed to returning inflation to our 2 "
        "percent objective,” Powell told reporters. “The process of getting inflation back "
        "down has a long way to go,” he added. Treasury Secretary Janet Yellen declined to "
        "comment. Asked about banks, Powell said “the banking system is sound and resilient.”"
    )
    paper = (
        "The Fed raised its benchmark by 0.25 percent, its ninth increase. Markets fell. At "
        "his news conference Jerome Powell said: “We are strongly committed to returning "
        "inflation to our 2 percent objective.” Analysts at Goldman Sachs expect one more "
        "hike. “The process of getting inflation back down has a long way to go,” Powell "
        "said, adding that “the banking system is sound and resilient.” Janet Yellen spoke "
        "separately on Tuesday."
    )
    assert detect({"wire": wire, "paper": paper}) == []


def test_syndication_adds_no_outlet_to_an_attribution() -> None:
    story = "\n".join(PARAGRAPHS)
    result = run(
        [
            a("q1", "minister", "c", "states", "speech", read_in="paper", basis="first_hand"),
            a("q2", "minister", "c", "states", "speech", read_in="portal", basis="first_hand"),
        ],
        sources={
            "paper": {"archive": "p.txt", "publisher": "daily", "date": "2025-04-01"},
            "portal": {"archive": "q.txt", "publisher": "aggregator", "date": "2025-04-01"},
        },
        texts={"paper": story, "portal": story},
    )
    assert result["derivations"][0]["how"] == "shared-passages"
    assert result["derivations"][0]["dated"] is False  # same day: assumed by id
    assert level(result, "q1") == level(result, "q2") == "second-hand"
    assert result["claims"]["c"]["status"] == "unconfirmed"
    assert result["claims"]["c"]["independent_origins"] == 1


def test_two_outlets_that_do_not_derive_from_each_other_establish_an_attribution() -> None:
    result = run(
        [
            a("q1", "minister", "c", "states", "speech", read_in="paper", basis="first_hand"),
            a("q2", "minister", "c", "states", "speech", read_in="radio", basis="first_hand"),
        ],
        sources={"paper": {"publisher": "daily"}, "radio": {"publisher": "broadcaster"}},
    )
    assert level(result, "q1") == "independent-reports"
    assert result["claims"]["c"]["status"] == "confirmed"


def test_a_revision_cycle_is_circular_reporting_and_counts_once() -> None:
    result = run(
        [
            a("w1", "wiki", "c", "states", "wiki-2024"),
            a("n1", "paper", "c", "states", "newspaper"),
            a("w2", "wiki", "c", "states", "wiki-2025"),
        ],
        sources={
            "wiki-2024": {"date": "2024-01"},
            "newspaper": {"date": "2024-06", "cites": ["wiki-2024"]},
            "wiki-2025": {"date": "2025-01", "revision_of": "wiki-2024", "cites": ["newspaper"]},
        },
    )
    v = result["claims"]["c"]
    assert v["independent_origins"] == 1
    assert [o["assertion"] for o in v["origins"]] == ["w1"]
    [circle] = [f for f in result["flags"] if f["kind"] == "circular-reporting"]
    assert circle["assertions"] == ["n1", "w1", "w2"]
    assert "counted once" in circle["text"]
    assert "circular-reporting" in [f["kind"] for f in v["flags"]]


# --- attribution levels ---------------------------------------------------------------


def test_attribution_levels() -> None:
    digest = "ab" * 32
    result = run(
        [
            a("own", "x", "c", "states", "archived"),
            a("clip", "y", "c", "states", "video", read_in="archived"),
            a("post", "z", "c", "states", "post", read_in="archived"),
            a("heard", "w", "c", "states", "talk", read_in="archived"),
            a("nothing", "v", "c", "states", "rumor"),
        ],
        sources={
            "archived": {"archive": "a.txt"},
            "video": {"capture": {"sha256": digest, "date": "2025-04-09"}},
            "post": {"screenshot": True, "recorded": True},
            "talk": {"recorded": True},
        },
    )
    assert {k: level(result, k) for k in result["assertions"]} == {
        "own": "on-record",
        "clip": "on-record",
        "post": "screenshot-only",
        "heard": "second-hand",
        "nothing": "unverifiable",
    }
    assert result["assertions"]["heard"]["attribution"]["text"].endswith(
        "a recording is said to exist, but we hold no capture of it"
    )
    # An unverifiable statement says what would put it on record; established ones do not.
    hint = "its archived text or a capture would put it on record"
    assert hint in result["assertions"]["nothing"]["attribution"]["text"]
    assert hint not in result["assertions"]["own"]["attribution"]["text"]


def test_a_refuted_attribution_decides_the_claim_that_it_was_said_and_supports_nothing() -> None:
    claims = [
        {"id": "said", "text": "The senator said the war was lost", "said_by": "senator"},
        {"id": "lost", "text": "The war was lost"},
    ]
    challenge = {"challenge": "refuted", "sources": ["transcript"], "note": "not in the speech"}
    result = run(
        [
            a("s1", "senator", "said", "states", "speech", read_in="blog", attribution=challenge),
            a("s2", "senator", "lost", "states", "speech", read_in="blog", attribution=challenge),
        ],
        sources={"transcript": {"archive": "t.txt"}},
        claims=claims,
    )
    assert level(result, "s1") == "refuted"
    v = result["claims"]["said"]
    assert v["status"] == "refuted"
    assert v["reasons"][0]["text"].startswith("not said: SENATOR (stated, basis unstated)")
    # The deciding reason names it: the attribution note does not say it again.
    assert [r["rule"] for r in v["reasons"]].count("attribution") == 0
    lost = result["claims"]["lost"]
    assert lost["status"] == "unsupported"
    assert lost["origin_state"] == "not said"  # nobody retracted anything
    assert reasons(result, "lost")[:2] == [
        "unsupported: its only support was not said by whom it is attributed to",
        "1 origin, not said (attribution refuted): SENATOR (stated, basis unstated)",
    ]
    assert "not said (attribution refuted): SENATOR (stated, basis unstated)" in reasons(
        result, "lost"
    )
    assert "attribution-challenged" in [f["kind"] for f in result["assertions"]["s2"]["flags"]]


def test_support_partly_retracted_and_partly_not_said_is_retracted() -> None:
    challenge = {"challenge": "refuted", "sources": ["transcript"]}
    result = run(
        [
            a("s1", "senator", "lost", "states", "speech", read_in="blog", attribution=challenge),
            a("r1", "pundit", "lost", "states", "column"),
            a("r2", "pundit", "lost", "retracts", "column2", via="r1"),
        ],
        sources={"transcript": {"archive": "t.txt"}},
    )
    v = result["claims"]["lost"]
    assert v["status"] == "retracted"
    assert v["origin_state"] == "withdrawn"
    assert reasons(result, "lost")[0] != (
        "unsupported: its only support was not said by whom it is attributed to"
    )


def test_drifted_verbatim_quotes_are_at_most_second_hand() -> None:
    result = run(
        [
            a("v1", "analyst", "c", "states", "remarks", read_in="p1", quote="It is a test"),
            a(
                "v2",
                "analyst",
                "c",
                "states",
                "remarks",
                read_in="p2",
                quote="It is a street fight",
            ),
            a(
                "t1",
                "minister",
                "c",
                "states",
                "tv",
                read_in="p1",
                quote="A card",
                quote_mode="translation",
            ),
            a(
                "t2",
                "minister",
                "c",
                "states",
                "tv",
                read_in="p2",
                quote="We hold a card",
                quote_mode="translation",
            ),
        ],
        sources={"p1": {"publisher": "one"}, "p2": {"publisher": "two"}},
    )
    assert level(result, "v1") == level(result, "v2") == "second-hand"
    assert "quoted 2 different ways" in result["assertions"]["v1"]["attribution"]["text"]
    # two translators' words for one remark are not drift
    assert level(result, "t1") == level(result, "t2") == "independent-reports"


def test_two_sentences_one_outlet_prints_leave_the_attribution_as_it_is() -> None:
    """Two different sentences of one spokesman in one article are two remarks: reported
    by two independent outlets each, the attribution is established."""
    result = run(
        [
            a("s1", "spokesman", "c", "states", "talk", read_in="p1", quote="We regret it"),
            a("s2", "spokesman", "c", "states", "talk", read_in="p1", quote="It was wrong"),
            a("s3", "spokesman", "c", "states", "talk", read_in="p2", quote="We regret it"),
        ],
        sources={"p1": {"publisher": "one"}, "p2": {"publisher": "two"}},
    )
    assert {level(result, x) for x in ("s1", "s2", "s3")} == {"independent-reports"}


def test_a_paraphrase_is_at_most_second_hand() -> None:
    result = run(
        [
            a("p1", "minister", "c", "states", "tv", read_in="x", quote_mode="paraphrase"),
            a("p2", "minister", "c", "states", "tv", read_in="y", quote="We hold a card"),
        ],
        sources={"x": {"publisher": "one"}, "y": {"publisher": "two"}},
    )
    assert (level(result, "p1"), level(result, "p2")) == ("second-hand", "independent-reports")
    assert result["assertions"]["p1"]["quote_mode"] == "paraphrase"


# --- who may confirm ----------------------------------------------------------------------


def test_a_statement_of_intent_confirms_only_that_it_was_stated() -> None:
    claims = [
        {"id": "wont-sell", "text": "The country will not sell its bonds"},
        {"id": "said", "text": "The minister said it would not sell", "said_by": "minister"},
    ]
    result = run(
        [
            a(
                "i1",
                "minister",
                "wont-sell",
                "states",
                "speech",
                basis="first_hand",
                speech_act="intent",
            ),
            a(
                "i2",
                "minister",
                "said",
                "states",
                "speech",
                basis="first_hand",
                speech_act="intent",
            ),
        ],
        sources={"speech": {"archive": "s.txt"}},
        claims=claims,
    )
    v = result["claims"]["wont-sell"]
    assert (v["status"], v["grade"]) == ("unconfirmed", 3)
    assert v["origins"][0]["weakened"] == [
        "a statement of intent: it confirms only that it was stated"
    ]
    assert result["claims"]["said"]["status"] == "confirmed"
    assert result["assertions"]["i1"]["speech_act"] == "intent"


def test_a_self_interested_boast_alone_does_not_confirm() -> None:
    boast = a("b1", "ceo", "deal", "states", "interview", basis="first_hand", self_interested=True)
    alone = run([boast], sources={"interview": {"archive": "i.txt"}})
    v = alone["claims"]["deal"]
    assert (v["status"], v["origins"][0]["strength"]) == ("unconfirmed", "grounded")
    assert "self-interested" in v["reasons"][0]["text"]
    backed = run(
        [boast, a("r1", "paper", "deal", "states", "report", basis="documents")],
        sources={"interview": {"archive": "i.txt"}},
    )
    assert backed["claims"]["deal"]["status"] == "corroborated"


def test_a_denial_without_knowledge_or_authority_does_not_make_a_dispute() -> None:
    result = run(
        [
            a("h1", "investors", "china-sold", "hedges", "report", read_in="digest"),
            a("d1", "pundit", "china-sold", "denies", "show", read_in="digest", quote="not China"),
        ]
    )
    v = result["claims"]["china-sold"]
    assert (v["status"], v["grade"]) == ("unconfirmed", 4)
    assert any(
        t.startswith("denied by PUNDIT (denied, basis unstated)")
        for t in reasons(result, "china-sold")
    )


def test_a_self_interested_second_hand_denial_is_opposition_of_that_weight() -> None:
    result = run(
        [
            a("c1", "cnn", "drove", "states", "report", read_in="digest", basis="unnamed_sources"),
            a(
                "d1",
                "secretary",
                "drove",
                "denies",
                "remarks",
                read_in="digest",
                basis="first_hand",
                self_interested=True,
            ),
        ]
    )
    v = result["claims"]["drove"]
    assert (v["status"], v["grade"]) == ("unconfirmed", 3)
    assert any(
        "weighed down: self-interested; attribution not established" in t
        for t in reasons(result, "drove")
    )


def test_context_works_both_ways() -> None:
    claims = [
        {"id": "sold", "text": "The bank sold"},
        {"id": "loss", "text": "The bank announced a loss", "context_for": ["sold"]},
        {
            "id": "done",
            "text": "The bank said it finished selling in March",
            "context_against": ["sold"],
        },
    ]
    result = run(
        [
            a("r1", "posts", "sold", "hedges", "forum"),
            a("o1", "bank", "loss", "confirms", "release", basis="official"),
            a("o2", "bank", "done", "confirms", "release", basis="official"),
        ],
        sources={"release": {"archive": "r.txt"}},
        claims=claims,
    )
    texts = reasons(result, "sold")
    assert (
        "context (confirmed): 'The bank announced a loss' makes it more plausible "
        "but does not confirm it"
    ) in texts
    assert (
        "context (confirmed): 'The bank said it finished selling in March' makes it less "
        "plausible but does not refute it"
    ) in texts
    assert result["claims"]["sold"]["grade"] == 4  # the context against keeps it doubtful


# --- fabrication, retraction, reports ------------------------------------------------------


def test_an_admitted_fabrication_withdraws_the_origin_and_what_derives_from_it() -> None:
    result = run(
        [
            a(
                "f1",
                "blogger",
                "c",
                "states",
                "blog",
                date="2025-01-01",
                quote="the minister resigned",
            ),
            a("r1", "site", "c", "states", "site", via="f1", date="2025-01-02"),
            a("r2", "forum", "c", "states", "forum", via="r1", date="2025-01-03"),
            a(
                "x1",
                "blogger",
                "c",
                "retracts",
                "blog2",
                via="f1",
                admits_fabrication=True,
                date="2025-01-05",
                quote="I made it up",
            ),
        ]
    )
    v = result["claims"]["c"]
    assert (v["status"], v["withdrawn"]) == ("retracted", ["f1", "r1", "r2"])
    assert next(c for c in v["checks"] if c["rule"] == "fabricated") == {
        "rule": "fabricated",
        "fired": True,
        "detail": "3 supporting assertion(s) fabricated, by admission",
    }
    assert "fabricated, admitted by BLOGGER (retracted, basis unstated): 'I made it up'" in reasons(
        result, "c"
    )
    assert (v["independent_origins"], v["origin_state"]) == (1, "fabricated")
    assert "1 origin, fabricated: BLOGGER (stated, basis unstated)" in reasons(result, "c")
    assert "fabricated" in [f["kind"] for f in result["assertions"]["r2"]["flags"]]


def test_a_retracted_origin_stays_in_the_counts() -> None:
    result = run(
        [
            a("s1", "paper", "c", "states", "story", date="2025-01-01", basis="unnamed_sources"),
            a("x1", "paper", "c", "retracts", "correction", date="2025-01-02"),
        ]
    )
    v = result["claims"]["c"]
    assert (v["status"], v["independent_origins"], v["origin_state"]) == (
        "retracted",
        1,
        "withdrawn",
    )
    assert "1 origin, retracted: PAPER (stated, unnamed sources)" in reasons(result, "c")


def test_a_chain_of_reports_keeps_its_origin() -> None:
    result = run(
        [
            a("r1", "agency", "c", "reports", "wire"),
            a("r2", "paper", "c", "reports", "story", via="r1"),
            a("r3", "site", "c", "reports", "post", via="r2"),
        ]
    )
    v = result["claims"]["c"]
    assert (v["status"], v["independent_origins"], v["origin_state"]) == (
        "unsupported",
        1,
        "reported",
    )
    assert [o["assertion"] for o in v["origins"]] == ["r1"]
    assert "1 origin, only reported: AGENCY (reported, basis unstated)" in reasons(result, "c")


def test_a_remark_reported_by_many_outlets_is_not_amplification_but_a_rumor_is() -> None:
    """A claim that X said something has X as its one origin by nature: outlets reporting
    the remark corroborate the attribution. The same reports about what X said happened
    are one origin amplified."""
    claims = [
        {"id": "said", "text": "The mayor said the bridge will close", "said_by": "mayor"},
        {"id": "closes", "text": "The bridge will close"},
    ]
    reports = [
        a(f"{c}-{o}", "mayor", c, "states", "briefing", read_in=o)
        for c in ("said", "closes")
        for o in ("paper", "radio", "wire")
    ]
    result = run(reports, claims=claims)
    flags = {c: [f["kind"] for f in result["claims"][c]["flags"]] for c in ("said", "closes")}
    assert "amplification" not in flags["said"]
    assert "amplification" in flags["closes"]


def test_a_denial_shown_wrong_on_its_claim_no_longer_refutes_a_more_specific_one() -> None:
    """Reported, denied officially, then announced officially: the general claim is
    confirmed, and the overruled denial does not refute the more specific rumor either
    (it stays what its own support makes it: unconfirmed)."""
    fraud = {"id": "fraud", "text": "The CEO was pushed out over fraud"}
    claims = [
        {"id": "resigned", "text": "The CEO resigned"},
        {**fraud, "more_specific_than": ["resigned"]},
    ]
    result = run(
        [
            a("posts", "crowd", "fraud", "states", "forum", date="2026-03-03"),
            a(
                "denial",
                "spokesperson",
                "resigned",
                "denies",
                "statement",
                date="2026-03-04",
                basis="official",
            ),
            a(
                "filing",
                "company",
                "resigned",
                "confirms",
                "exchange",
                date="2026-04-02",
                basis="official",
            ),
        ],
        sources={"exchange": {"archive": "filing.txt"}, "statement": {"archive": "s.txt"}},
        claims=claims,
        actors={"crowd": {"kind": "crowd"}, "spokesperson": {"affiliation": "company"}},
    )
    assert result["claims"]["resigned"]["status"] == "confirmed"
    assert result["claims"]["fraud"]["status"] == "unconfirmed"
    assert "denial" not in result["claims"]["fraud"]["opposition"]


# --- retractions and denials together ---------------------------------------------------


def test_a_retracted_claim_denied_with_authority_is_refuted_and_names_the_retractions() -> None:
    """A pseudonymous post, relayed on air from another unsourced post; the poster
    apologises and the network corrects its relay; the subject denies it on record. A
    desk writes False (refuted, 5), not "truth cannot be judged"; the retractions stay
    among the reasons, and the origin nobody retracted is not called retracted."""
    result = run(_sandy(), sources={"statement": {"archive": "s.txt"}})
    v = result["claims"]["c"]
    assert (v["status"], v["grade"]) == ("refuted", 5)
    assert next(c for c in v["checks"] if c["fired"])["rule"] == "later-denial"
    texts = reasons(result, "c")
    assert "retracted: ANON (retracted, basis unstated)" in texts
    assert "retracted: NETWORK (retracted, basis unstated)" in texts
    # CHATTER's own post was never retracted (the anchor's relay of it was), and the
    # denial superseded it: the origins line does not call it retracted.
    assert any(t.startswith("2 origins, support retracted: ") for t in texts)
    # Without the denial, CHATTER's post still supports it: unconfirmed.
    alone = run([x for x in _sandy() if x["id"] != "no"])["claims"]["c"]
    assert alone["status"] == "unconfirmed"
    assert alone["support"] == ["chat"]


def _sandy() -> list[dict[str, Any]]:
    return [
        a("post", "anon", "c", "states", "x", date="2012-10-29"),
        a("chat", "chatter", "c", "states", "board", basis="hearsay", date="2012-10-29"),
        a("air", "anchor", "c", "states", "tv", via="chat", date="2012-10-29"),
        a("sorry", "anon", "c", "retracts", "x2", via="post", date="2012-10-30"),
        a("fix", "network", "c", "retracts", "tv2", via="air", date="2012-10-30"),
        a("no", "exchange", "c", "denies", "statement", basis="official", date="2012-10-30"),
    ]


def test_an_admitted_fabrication_denied_with_authority_is_refuted_and_names_it() -> None:
    result = run(
        [
            a("f1", "site", "c", "states", "blog", date="2016-07-01"),
            a("x1", "site", "c", "retracts", "about", via="f1", admits_fabrication=True),
            a("no", "pope", "c", "denies", "homily", basis="first_hand", date="2016-10-02"),
        ],
        sources={"homily": {"archive": "h.txt"}},
    )
    v = result["claims"]["c"]
    assert (v["status"], v["grade"]) == ("refuted", 5)
    texts = reasons(result, "c")
    assert (
        "fabricated, admitted by SITE (retracted, basis unstated): SITE (stated, basis unstated)"
        in texts
    )
    assert not any(t.startswith("retracted: SITE") for t in texts)  # named once, as fabricated


def test_relays_of_words_never_said_are_not_themselves_called_not_said() -> None:
    """A fake statement pinned on a pope (attribution refuted), carried by the site that
    invented it and by a site copying that: the pope's purported words are "not said";
    the sites did say what they said, which rests only on words never said."""
    challenge = {"challenge": "refuted", "note": "no such statement exists"}
    result = run(
        [
            a(
                "fake",
                "pope",
                "c",
                "states",
                "site-article",
                read_in="site-article",
                attribution=challenge,
            ),
            a("carried", "site", "c", "states", "site-article", via="fake"),
            a("copied", "copier", "c", "states", "copy", via="carried"),
        ]
    )
    texts = reasons(result, "c")
    assert any(t.startswith("not said (attribution refuted): POPE") for t in texts)
    assert "rests only on words not said: SITE (stated, basis unstated)" in texts
    assert "rests only on words not said: COPIER (stated, basis unstated)" in texts
    v = result["claims"]["c"]
    assert (v["status"], v["origin_state"]) == ("unsupported", "not said")


def test_a_relay_chain_goes_through_what_the_case_says_is_relayed() -> None:
    """A site copies an article (a declared rewrite) and relays the article's statement
    (`via`): its chain goes through the article's author, who carried the purported
    words, not straight to the words because the copy derives from them too."""
    result = run(
        [
            a("words", "pope", "c", "states", "orig", read_in="orig", quote="I endorse him"),
            a("wtoe", "site", "c", "states", "orig", via="words"),
            a("copy", "copier", "c", "states", "copied", via="wtoe"),
        ],
        sources={"copied": {"rewrites": ["orig"]}},
    )
    copy = result["assertions"]["copy"]
    assert "words" in copy["upstream"]  # the copy derives from the quote in what it copies
    assert copy["chain"] == ["copy", "wtoe", "words"]
    assert copy["origins"] == ["words"]


def test_a_paraphrase_in_an_outlets_archived_text_puts_nothing_on_record() -> None:
    """docs/rules.md section 5: a paraphrase is at most a single second-hand report (the
    words are the outlet's), also when the case gives the outlet's article as the place it
    was said and we hold that article; in the speaker's own publication it is on record."""
    result = run(
        [
            a("p", "preacher", "c", "states", "wire-story", quote_mode="paraphrase"),
            a("q", "preacher", "d", "states", "letter", quote_mode="paraphrase"),
        ],
        sources={
            "wire-story": {"archive": "w.txt", "publisher": "wire"},
            "letter": {"archive": "l.txt", "publisher": "ministry"},
        },
        actors={"preacher": {"affiliation": "ministry"}},
    )
    assert level(result, "p") == "second-hand"
    assert (
        "a paraphrase: the words are the outlet's"
        in (result["assertions"]["p"]["attribution"]["text"])
    )
    assert level(result, "q") == "on-record"


def test_only_outlets_reporting_the_same_words_corroborate_them() -> None:
    """docs/rules.md section 5: two outlets establish an attribution when each reports the
    actor saying it (its claim, or a more specific one, the same way); an outlet that
    reports the same interview about something else, or the other way, does not."""
    claims = [
        {"id": "sold", "text": "Sold"},
        {"id": "sold-april", "text": "Sold in April", "more_specific_than": ["sold"]},
        {"id": "rates", "text": "Rates rise"},
    ]
    sources = {"p1": {"publisher": "paper1"}, "p2": {"publisher": "paper2"}}
    said = {"actor": "minister", "source": "interview"}

    def report(id: str, claim: str, stance: str, reader: str) -> dict[str, Any]:
        return a(id, said["actor"], claim, stance, said["source"], read_in=reader)

    other = run(
        [report("x", "sold", "states", "p1"), report("y", "rates", "states", "p2")],
        sources=sources,
        claims=claims,
    )
    assert level(other, "x") == level(other, "y") == "second-hand"
    against = run(
        [report("x", "sold", "states", "p1"), report("y", "sold", "denies", "p2")],
        sources=sources,
        claims=claims,
    )
    assert level(against, "x") == "second-hand"
    narrower = run(
        [report("x", "sold", "states", "p1"), report("y", "sold-april", "hedges", "p2")],
        sources=sources,
        claims=claims,
    )
    assert level(narrower, "x") == "independent-reports"  # "sold in April" says "sold"
    assert level(narrower, "y") == "second-hand"  # "sold" does not say "in April"
