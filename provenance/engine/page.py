"""The rules page a checker reads, generated from the rules and notes themselves.

docs/rules.md holds hand-written sections (what bears on a claim, origins, grades,
attribution, flags, thresholds) and one generated block, between BEGIN and END, that
lists RULES and NOTES in order with their docstrings. tests/test_rules_page.py fails
when the block differs from `rules_page()`; `PROV_UPDATE_DOCS=1 pytest
tests/test_rules_page.py` rewrites it.
"""

from __future__ import annotations

from provenance.engine.notes import NOTES
from provenance.engine.rules import RULES

BEGIN = "<!-- BEGIN rules-page: generated from provenance/engine/rules.py and notes.py -->"
END = "<!-- END rules-page -->"


def rules_page() -> str:
    """Return the generated block of docs/rules.md: every rule in order, then every note,
    each with its docstring (markers excluded)."""
    lines = [
        "Edit the docstrings in `provenance/engine/rules.py` and `notes.py`, not this block.",
        "",
        "| # | rule | decides |",
        "|---|---|---|",
    ]
    for n, rule in enumerate(RULES, 1):
        lines.append(f"| {n} | {rule.name} | {' or '.join(rule.decides)} |")
    for n, rule in enumerate(RULES, 1):
        lines += ["", f"### 3.{n} `{rule.name}`", "", rule.doc]
    lines += [
        "",
        "### Further reasons",
        "",
        "Besides the deciding rule's reason, a verdict lists these, in this order, after it",
        "(unless a note says it comes first). They never change the status.",
    ]
    for note in NOTES:
        lines += ["", f"#### `{note.name}`", "", note.doc]
    return "\n".join(lines) + "\n"


def with_rules_page(text: str) -> str:
    """Return `text` (docs/rules.md) with its generated block replaced by `rules_page()`.
    Raises ValueError when the markers are missing."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"docs/rules.md needs the markers {BEGIN!r} and {END!r}")
    return text[: start + len(BEGIN)] + "\n" + rules_page() + text[end:]
