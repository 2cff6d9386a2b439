"""The rules page and `prov explain` come from the one list of rules (provenance.engine)."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from provenance.cli import app
from provenance.document import Document
from provenance.engine.notes import NOTES
from provenance.engine.page import BEGIN, END, rules_page, with_rules_page
from provenance.engine.rules import RULES
from tests.conftest import ROOT, write_case

RULES_MD = ROOT / "docs" / "rules.md"


def test_docs_rules_md_says_what_the_rules_say() -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    if os.environ.get("PROV_UPDATE_DOCS"):
        text = with_rules_page(text)
        RULES_MD.write_text(text, encoding="utf-8")
    block = text[text.index(BEGIN) + len(BEGIN) + 1 : text.index(END)]
    assert block == rules_page(), (
        "docs/rules.md is out of date with provenance/engine/rules.py: run "
        "PROV_UPDATE_DOCS=1 .venv/bin/python -m pytest tests/test_rules_page.py"
    )


def test_the_hand_written_sections_surround_the_generated_block() -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    before, after = text.split(BEGIN)[0], text.split(END)[1]
    assert "## 3. Status: the first rule that fires decides" in before
    assert "## 7. A newsroom's own thresholds" in after


def test_every_rule_and_note_has_a_docstring_with_an_example_for_rules() -> None:
    for rule in RULES:
        assert rule.doc, rule.name
        assert "Example:" in rule.doc, rule.name
        assert rule.decides, rule.name
    for note in NOTES:
        assert note.doc, note.name
    assert len({r.name for r in RULES}) == len(RULES)
    assert len({n.name for n in NOTES}) == len(NOTES)


def test_only_the_last_rule_is_the_catch_all() -> None:
    assert [r.catch_all for r in RULES] == [False] * (len(RULES) - 1) + [True]


def test_the_page_lists_every_rule_in_order() -> None:
    page = rules_page()
    positions = [page.index(f"`{rule.name}`") for rule in RULES]
    assert positions == sorted(positions)


def _explain(path: Path, claim: str) -> str:
    result = CliRunner().invoke(app, ["explain", claim, "--case", str(path)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_explain_lists_every_rule_in_order(case_dir: Path) -> None:
    path = write_case(
        case_dir,
        {
            "actors": [{"id": "fox", "name": "Fox", "kind": "outlet"}],
            "sources": [{"id": "s", "title": "S", "kind": "article"}],
            "claims": [{"id": "c", "text": "C"}],
            "assertions": [
                {"id": "a", "actor": "fox", "claim": "c", "source": "s", "stance": "reports"}
            ],
        },
    )
    out = _explain(path, "c")
    lines = [line.strip() for line in out.splitlines()]
    shown = [
        line.split(maxsplit=1)[1].split(":")[0]
        for line in lines
        if line.startswith(("FIRED ", "-   "))
    ]
    assert shown == [rule.name for rule in RULES]
    assert f"FIRED {RULES[-1].name}:" in out


def test_explain_lists_every_rule_but_the_catch_all_when_an_earlier_one_decides(
    case_dir: Path,
) -> None:
    path = write_case(
        case_dir,
        {
            "actors": [{"id": "x", "name": "X", "kind": "person"}],
            "sources": [
                # on record (a capture we hold), so the first-hand statement can confirm
                {
                    "id": "s",
                    "title": "S",
                    "kind": "article",
                    "capture": {"sha256": "ab" * 32, "date": "2025-01-01"},
                }
            ],
            "claims": [{"id": "c", "text": "C"}],
            "assertions": [
                {
                    "id": "a",
                    "actor": "x",
                    "claim": "c",
                    "source": "s",
                    "stance": "states",
                    "basis": "first_hand",
                }
            ],
        },
    )
    out = _explain(path, "c")
    for rule in RULES[:-1]:
        assert f"{rule.name}:" in out, rule.name
    assert "FIRED authoritative-confirmation:" in out
    assert f"{RULES[-1].name}:" not in out


def test_the_deciding_rule_can_decide_the_status_it_gave(seed_doc: Document) -> None:
    by_name = {rule.name: rule for rule in RULES}
    for claim, verdict in seed_doc["analysis"]["claims"].items():
        fired = [c["rule"] for c in verdict["checks"] if c["fired"]]
        assert len(fired) == 1, claim
        assert verdict["status"] in by_name[fired[0]].decides, claim


def test_a_rule_inserted_in_the_list_is_tried_in_its_place() -> None:
    """What issues 12 and 13 will do: a new rule is one function placed in the list."""
    from provenance.engine.context import build_context
    from provenance.engine.facts import ClaimFacts, claim_facts
    from provenance.engine.rules import Check, fire, rule
    from provenance.engine.verdict import decide
    from provenance.graph import build_graph
    from provenance.model import Case, Rules
    from provenance.vocab import Status

    @rule(Status.disputed)
    def lone_voice(f: ClaimFacts, t: Rules) -> Check:
        """Disputed when one actor says it. Example: none."""
        if len(f.live_support) != 1:
            return Check("more than one voice")
        return fire("one voice", Status.disputed, [f.live_support[0].id], "one voice only")

    case = Case.model_validate(
        {
            "actors": [{"id": "x", "name": "X", "kind": "person"}],
            "sources": [{"id": "s", "title": "S", "kind": "article"}],
            "claims": [{"id": "c", "text": "C"}],
            "assertions": [
                {"id": "a", "actor": "x", "claim": "c", "source": "s", "stance": "states"}
            ],
        }
    )
    facts = claim_facts(build_context(build_graph(case), Rules()), "c")
    order = (*RULES[:3], lone_voice, *RULES[3:])
    decided, decision, checks = decide(facts, Rules(), order)
    assert decided.name == "lone-voice"
    assert (decision.status, decision.text, decision.assertions) == (
        Status.disputed,
        "one voice only",
        ["a"],
    )
    assert [c["rule"] for c in checks] == [r.name for r in order[:-1]]
    assert decide(facts, Rules())[1].status == Status.unconfirmed
