"""`prov check`: one small case per finding kind, positive and negative."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.casefile import read_case
from provenance.checks import read_archives, run_checks
from provenance.checks.registry import CHECKS, KINDS, heading
from provenance.checks.textmatch import locate, normalize_text
from provenance.cli import app
from provenance.document import Document
from provenance.engine import analyse
from provenance.graph import build_graph
from provenance.records import Finding
from provenance.views.text.check_text import format_check
from tests.conftest import SEED, write_case

TEXT = (
    "Guancha, April 2025\n"
    "Charles Gasparino said: “Let me repeat, it’s not China — but an ally!”\n"
    "US Treasury Secretary Mnuchin insisted it was a strategy.\n"
)


def make(tmp_path: Path, assertions: list[dict[str, Any]], **more: Any) -> Path:
    """Write a case with one archived article (TEXT) and return its folder."""
    (tmp_path / "texts").mkdir(parents=True, exist_ok=True)
    (tmp_path / "texts" / "article.txt").write_text(more.pop("text", TEXT), encoding="utf-8")
    data = {
        "actors": [
            {"id": "gasparino", "name": "Charles Gasparino", "kind": "person"},
            {
                "id": "bessent",
                "name": "Scott Bessent",
                "kind": "person",
                "aliases": [{"name": "Mnuchin", "error": True}],
            },
            *more.pop("actors", []),
        ],
        "sources": [
            {
                "id": "article",
                "title": "Article",
                "kind": "article",
                "archive": "texts/article.txt",
                "date": "2025-04-15",
            },
            {"id": "fox", "title": "Fox", "kind": "broadcast", "date": "2025-04-09"},
            *more.pop("sources", []),
        ],
        "claims": [{"id": "c", "text": "Japan sold"}, *more.pop("claims", [])],
        "assertions": assertions,
    }
    write_case(tmp_path, data)
    return tmp_path


def said(id: str, quote: str | None, **more: Any) -> dict[str, Any]:
    record = {
        "id": id,
        "actor": "gasparino",
        "claim": "c",
        "source": "fox",
        "read_in": "article",
        "stance": "states",
        **more,
    }
    if quote is not None:
        record["quote"] = quote
    return record


def findings(folder: Path, kind: str | None = None) -> list[Finding]:
    loaded = read_case(folder)
    found = run_checks(loaded, read_archives(loaded))
    return [f for f in found if kind is None or f["kind"] == kind]


README = Path(__file__).resolve().parent.parent / "README.md"
GOLDEN_CHECK = Path(__file__).resolve().parent / "golden" / "seed" / "check.json"


def readme_check_kinds() -> list[str]:
    """Return the first column of README.md's check table, in order, without backticks."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index("| kind | what it finds | severity |")
    kinds = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        kinds.append(line.split("|")[1].strip().strip("`"))
    return kinds


def test_every_registered_check_has_a_kind_heading_and_docstring() -> None:
    assert len(set(KINDS)) == len(KINDS) == len(CHECKS)
    for check in CHECKS:
        assert check.kind and check.kind == check.kind.strip().lower()
        assert check.heading and heading(check.kind) == check.heading
        assert check.run.__doc__ and check.run.__doc__.strip(), check.kind


def test_the_readme_lists_exactly_the_registered_checks_in_order() -> None:
    assert readme_check_kinds() == list(KINDS)


def test_no_finding_has_a_kind_that_is_not_registered() -> None:
    golden = json.loads(GOLDEN_CHECK.read_text(encoding="utf-8"))
    assert {f["kind"] for f in golden["findings"]} <= set(KINDS)
    with pytest.raises(ValueError, match="no check reports findings of kind 'quotes'"):
        heading("quotes")


def test_the_text_output_lists_findings_under_the_registry_headings_in_its_order() -> None:
    findings: list[dict[str, Any]] = [
        {
            "kind": kind,
            "severity": "warning",
            "file": "case.yaml",
            "line": 1,
            "subject": "claim:c",
            "also": [],
            "message": f"about {kind}",
            "evidence": {"variants": []},
        }
        for kind in reversed(KINDS)
    ]
    counts = {"error": 0, "warning": len(findings), "note": 0, "ok": 0}
    lines = format_check(findings, counts).splitlines()
    headings = [line for line in lines if line and not line.startswith(" ")][:-1]
    assert headings == [check.heading.upper() for check in CHECKS]


def test_normalising_keeps_a_map_back_to_the_original() -> None:
    folded = normalize_text("a\u00a0 “b”—c")
    assert folded.text == 'a "b"-c'
    assert folded.origin == [0, 1, 3, 4, 5, 6, 7]


@pytest.mark.parametrize(
    "quote",
    [
        "Let me repeat, it's not China - but an ally!",  # straight apostrophe, plain dash
        "Let me repeat, it’s not China — but an ally!",  # exactly as printed
        "Let me  repeat,\nit's not China — but an ally!",  # line break and double space
        "Ｌet me repeat, it's not China — but an ally!",  # full-width letter (NFKC)
    ],
)
def test_typographic_variants_of_a_quote_are_found(quote: str) -> None:
    found = locate(quote, TEXT)
    assert found is not None
    assert found["line"] == 2
    assert TEXT[found["start"] : found["end"]] == "Let me repeat, it’s not China — but an ally!"
    assert found["prefix"].endswith("said: “")
    assert found["suffix"].startswith("”\nUS Treasury")


@pytest.mark.parametrize(
    "quote",
    [
        "Let me repeat, it's not China, but an ally!",  # a comma for a dash
        "Let me repeat, its not China - but an ally!",  # a dropped apostrophe
        "let me repeat, it's not China - but an ally!",  # case differs
    ],
)
def test_near_misses_are_not_found(quote: str) -> None:
    assert locate(quote, TEXT) is None


def test_a_quote_missing_from_its_source_is_an_error_with_the_closest_passage(
    tmp_path: Path,
) -> None:
    folder = make(tmp_path, [said("a1", "Let me repeat: it is not China, but an ally")])
    [finding] = findings(folder, "quote")
    assert finding["severity"] == "error"
    lines = (folder / "case.yaml").read_text().splitlines()
    assert lines[finding["line"] - 1].strip().startswith("quote: 'Let me repeat:")
    assert finding["message"].startswith("quote not found in 'article'; closest passage (line 2, ")
    assert "Let me repeat, it’s not China — but an ally" in finding["evidence"]["closest"]
    assert 70 < finding["evidence"]["similarity"] < 100


def test_a_quote_found_is_located_like_a_text_quote_selector(tmp_path: Path) -> None:
    folder = make(tmp_path, [said("a1", "it's not China")])
    [finding] = findings(folder, "quote")
    assert finding["severity"] == "ok"
    assert {k: finding["evidence"][k] for k in ("source", "line", "exact")} == {
        "source": "article",
        "line": 2,
        "exact": "it’s not China",
    }


def test_a_quote_without_an_archived_source_is_unverifiable_not_passed(tmp_path: Path) -> None:
    record = said("a1", "anything")
    del record["read_in"]
    folder = make(tmp_path, [record])
    [finding] = findings(folder, "quote")
    assert (finding["severity"], finding["message"]) == (
        "warning",
        "unverifiable: no archived text of 'fox' (Fox)",
    )


def test_assertions_without_a_quote_get_one_note_between_them(tmp_path: Path) -> None:
    folder = make(tmp_path, [said(f"a{i}", None) for i in range(7)] + [said("q", "Japan")])
    [note] = [f for f in findings(folder) if f["kind"] == "quote" and f["severity"] == "note"]
    assert note["message"] == (
        "7 assertions have no quote ('a0', 'a1', 'a2', 'a3', 'a4' and 2 more): "
        "add the words the source uses, copied verbatim"
    )
    assert note["subject"] == "assertion:a0" and note["line"] > 0 and note["also"] == []
    assert note["evidence"] == {"assertions": [f"a{i}" for i in range(7)]}
    # Each one's trace says it has no quote; the note is not repeated on each.
    trace = CliRunner().invoke(app, ["trace", "assertion:a6", "--case", str(folder)])
    assert "(no quote; basis:" in trace.stdout and "have no quote" not in trace.stdout


def test_one_assertion_without_a_quote_is_named_alone(tmp_path: Path) -> None:
    folder = make(tmp_path, [said("a0", None), said("q", "Japan")])
    [note] = [f for f in findings(folder) if f["kind"] == "quote" and f["severity"] == "note"]
    assert note["message"] == "no quote: add the words the source uses, copied verbatim"
    assert note["also"] == []


def test_same_speaker_same_occasion_different_words_is_quote_drift(tmp_path: Path) -> None:
    text = TEXT + "Gasparino: “It was Japan that sold.”\n"
    wire = {"id": "wire", "title": "Wire", "kind": "article", "date": "2025-04-16"}
    folder = make(
        tmp_path,
        [said("a1", "It was Japan that sold."), said("a2", "Japan sold them.", read_in="wire")],
        text=text,
        sources=[wire],
    )
    [finding] = findings(folder, "quote-drift")
    assert finding["severity"] == "warning"
    assert "is quoted 2 different ways" in finding["message"]
    assert [v["quote"] for v in finding["evidence"]["variants"]] == [
        "It was Japan that sold.",
        "Japan sold them.",
    ]


def test_two_sentences_one_outlet_prints_are_two_remarks_not_drift(tmp_path: Path) -> None:
    """A spokeswoman's statement quoted twice in one article, two different sentences:
    not two versions of one remark. Nor is the second sentence when another outlet
    prints the first in the same words."""
    text = TEXT + "Gasparino: “It was Japan that sold.”\nGasparino: “Japan sold them.”\n"
    wire = {"id": "wire", "title": "Wire", "kind": "article", "date": "2025-04-16"}
    assertions = [said("a1", "It was Japan that sold."), said("a2", "Japan sold them.")]
    folder = make(tmp_path, assertions, text=text)
    assert findings(folder, "quote-drift") == []
    again = [*assertions, said("a3", "It was Japan that sold.", read_in="wire")]
    folder = make(tmp_path / "again", again, text=text, sources=[wire])
    assert findings(folder, "quote-drift") == []


def test_quotes_given_for_different_claims_are_different_remarks(tmp_path: Path) -> None:
    """Two outlets quoting one interview, each a different sentence about a different
    claim: two remarks, not two versions of one (nor is the speaker's attribution capped)."""
    text = TEXT + "Gasparino: “It was Japan that sold.”\n"
    wire = {"id": "wire", "title": "Wire", "kind": "article", "date": "2025-04-16"}
    other = {"id": "d", "text": "Yields spiked"}
    assertions = [
        said("a1", "It was Japan that sold."),
        said("a2", "Yields went through the roof.", read_in="wire", claim="d"),
    ]
    folder = make(tmp_path, assertions, text=text, sources=[wire], claims=[other])
    assert findings(folder, "quote-drift") == []
    result = analyse(build_graph(read_case(folder).case))
    assert "different ways" not in result["assertions"]["a2"]["attribution"]["text"]


def test_a_shorter_excerpt_of_the_same_words_is_not_drift(tmp_path: Path) -> None:
    folder = make(
        tmp_path, [said("a1", "Let me repeat, it’s not China"), said("a2", "it's not China")]
    )
    assert findings(folder, "quote-drift") == []


def test_paraphrases_are_not_compared_as_quotes(tmp_path: Path) -> None:
    folder = make(
        tmp_path,
        [said("a1", "Let me repeat"), said("a2", "insisted it was a strategy", paraphrase=True)],
    )
    assert findings(folder, "quote-drift") == []


def test_a_title_that_changes_between_sources_is_reported(tmp_path: Path) -> None:
    folder = make(
        tmp_path,
        [
            said("a1", "Let me repeat", title="senior reporter"),
            said("a2", "it’s not China", title="Senior Reporter"),
            said("a3", "an ally", title="anchor"),
        ],
    )
    [finding] = findings(folder, "title-drift")
    assert finding["message"] == (
        "Charles Gasparino's title changes between sources: "
        "'senior reporter' (article) / 'anchor' (article)"
    )


def figure_case(tmp_path: Path, *quantities: dict[str, Any]) -> Path:
    claims = [
        {
            "id": f"f{i}",
            "text": f"figure {i}",
            "quantity": {"subject": "China's holdings", "unit": "USD", **q},
        }
        for i, q in enumerate(quantities)
    ]
    return make(tmp_path, [said("a1", "Let me repeat")], claims=claims)


def test_figures_that_disagree_beyond_their_qualifiers_conflict(tmp_path: Path) -> None:
    folder = figure_case(
        tmp_path, {"value": 760.8e9, "as_of": "2025-01"}, {"value": 1e12, "qualifier": "over"}
    )
    [finding] = findings(folder, "figure")
    assert finding["severity"] == "error"
    assert finding["message"].startswith(
        "China's holdings: 760.8 billion USD (as of 2025-01) "
        "('f0') vs over 1 trillion USD (no as-of date) ('f1') "
        "disagree beyond their qualifiers (30.9% apart)"
    )


def test_figures_within_their_qualifiers_agree(tmp_path: Path) -> None:
    folder = figure_case(tmp_path, {"value": 760.8e9}, {"value": 770e9, "qualifier": "about"})
    assert findings(folder, "figure") == []


def test_a_difference_explained_by_dates_is_a_note(tmp_path: Path) -> None:
    folder = figure_case(
        tmp_path, {"value": 1.079e12, "as_of": "2025-01"}, {"value": 1.13e12, "as_of": "2025-03"}
    )
    [finding] = findings(folder, "figure")
    assert finding["severity"] == "note"
    assert finding["message"].endswith("explained by different dates (2025-01 vs 2025-03)")


def test_a_wrong_name_is_listed_where_it_appears(tmp_path: Path) -> None:
    folder = make(tmp_path, [said("a1", "Let me repeat")])
    [finding] = findings(folder, "name")
    assert finding["message"] == "wrong name 'Mnuchin' for Scott Bessent: article line 3"


def test_a_wrong_name_that_appears_nowhere_is_not_reported(tmp_path: Path) -> None:
    folder = make(tmp_path, [said("a1", "Let me repeat")], text="Nothing to see.\n")
    assert findings(folder, "name") == []


def test_chronology_errors(tmp_path: Path) -> None:
    folder = make(
        tmp_path,
        [
            said("early", "Let me repeat", date="2025-04-01"),  # before its source (fox, 9 April)
            said("late", "it’s not China", date="2025-04-20"),  # read in an article of 15 April
            said("relay", "an ally", date="2025-04-09", via="later"),
            said("later", "Let me repeat", date="2025-04-10"),
        ],
        sources=[
            {"id": "old", "title": "Old", "kind": "article", "date": "2025-01", "cites": ["fox"]}
        ],
    )
    messages = sorted(f["message"] for f in findings(folder, "chronology"))
    assert messages == [
        "dated 2025-01, but cites 'fox', dated later (2025-04-09)",
        "dated 2025-04-01, before its source 'fox' (2025-04-09)",
        "dated 2025-04-09, but relays 'later', said later (2025-04-10)",
        "read in 'article' (2025-04-15), which is dated before the assertion (2025-04-20)",
    ]


def test_month_precise_dates_are_not_called_out_of_order(tmp_path: Path) -> None:
    folder = make(tmp_path, [said("a1", "Let me repeat", date="2025-04")])
    assert findings(folder, "chronology") == []


def test_relay_cycles_and_unreferenced_records(tmp_path: Path) -> None:
    folder = make(
        tmp_path,
        [said("a1", "Let me repeat", via="a2"), said("a2", "it’s not China", via="a1")],
        actors=[{"id": "nobody", "name": "Nobody", "kind": "person"}],
        claims=[{"id": "orphan", "text": "Never asserted"}],
    )
    messages = [f["message"] for f in findings(folder, "structure")]
    assert "relays form a circle: a1 → a2" in messages
    assert "actor 'nobody' is not referred to by anything" in messages
    assert "claim 'orphan' has no assertion about it" in messages


def test_an_archived_text_that_repeats_itself_is_reported(tmp_path: Path) -> None:
    body = (
        "Japan has fundamentally shifted its approach to trade relations with the US. "
        "For years, Japan avoided any public discussion about leveraging its position.\n"
    )
    folder = make(
        tmp_path,
        [said("a1", "Japan has fundamentally shifted")],
        text=body + "Header line\n" + body,
    )
    [finding] = findings(folder, "duplicate-text")
    assert finding["message"] == (
        "archived text of 'article' repeats itself: 2 sentences of "
        "lines 1-1 appear again at lines 3-3"
    )


def test_the_seed_case_finds_what_domain_md_lists(seed_doc: Document) -> None:
    checks = seed_doc["checks"]
    by_kind: dict[str, list[Any]] = {}
    for f in checks:
        by_kind.setdefault(f["kind"], []).append(f)
    # every quote of the seed case is located in its archived text
    assert [f for f in by_kind["quote"] if f["severity"] == "error"] == []
    assert len([f for f in by_kind["quote"] if f["severity"] == "ok"]) == len(
        seed_doc["case"]["assertions"]
    )
    drift = {f["evidence"]["actor"]: len(f["evidence"]["variants"]) for f in by_kind["quote-drift"]}
    assert drift == {"kato": 2, "smith": 3, "koll": 3}
    koll = next(f for f in by_kind["title-drift"] if f["evidence"]["actor"] == "koll")
    assert {"director at Monex Group", "Senior Analyst at Monex Group"} <= {
        t["title"] for t in koll["evidence"]["titles"]
    }
    figures = {tuple(f["evidence"]["claims"]): f["severity"] for f in by_kind["figure"]}
    assert figures[("china-holdings-jan", "china-holdings-over-1t")] == "error"
    # figures told to fewer significant digits cover their rounding: not conflicts
    assert ("china-holdings-800b", "china-holdings-jan") not in figures
    assert ("japan-holdings-107", "japan-holdings-jan") not in figures
    assert ("japan-holdings-113", "japan-holdings-jan") in figures
    names = {f["evidence"]["alias"] for f in by_kind["name"]}
    assert {"Mnuchin", "Akira Takazawa", "Gaspardino", "Kodera Gontaro"} <= names
    assert any(f["subject"] == "source:gate-page" for f in by_kind["duplicate-text"])


runner = CliRunner()


def test_check_command_exit_codes(tmp_path: Path) -> None:
    clean = make(tmp_path / "clean", [said("a1", "Let me repeat")], text="Let me repeat\n")
    result = runner.invoke(app, ["check", str(clean)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        "0 errors, 0 warnings, 1 note; 1 quote located in its archived source"
    )
    broken = make(tmp_path / "broken", [said("a1", "words nobody said")])
    result = runner.invoke(app, ["check", "--case", str(broken), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["error"] == 1
    bad = runner.invoke(app, ["check", "tests/cases/bad/archive_outside.yaml"])
    assert bad.exit_code == 2
    assert bad.stderr == (
        "tests/cases/bad/archive_outside.yaml:19: source 'article': archive "
        "'../../../pyproject.toml' is outside the case folder: copy the text "
        "into it\n"
    )


def test_check_refuses_two_different_cases(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(SEED), "--case", "tests/cases/minimal.yaml"])
    assert result.exit_code == 2
    assert result.stderr == "prov: give the case once: as CASE or with --case, not both\n"


def test_trace_shows_findings_next_to_the_assertion(seed_doc: Document) -> None:
    from provenance.views.trace import trace

    koll = trace(seed_doc, "koll")["views"][0]
    gate = next(a for a in koll["assertions"] if a["assertion"] == "koll-gate")
    # the note: 004 carries its text twice, so the quote is found twice
    assert {f["kind"] for f in gate["findings"]} == {"quote", "quote-drift", "title-drift"}
    assert gate["located"] == {"source": "gate-page", "line": 10}


def test_a_case_argument_wins_over_prov_case(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PROV_CASE", str(SEED))
    clean = make(tmp_path, [said("a1", "Let me repeat")], text="Let me repeat\n")
    result = runner.invoke(app, ["check", str(clean), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["ok"] == 1


def test_drift_doctests() -> None:
    import doctest

    from provenance.engine import drift, rewrites

    assert doctest.testmod(drift).failed == 0
    assert doctest.testmod(rewrites).failed == 0
