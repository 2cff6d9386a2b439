"""The registry of `prov check`'s evidence checks: the one place that declares each kind.

`CHECKS` lists every check in the order its findings are reported, with the kind its
findings carry and the heading the text output gives them. `run_checks` and `summary`
iterate it; the text output (provenance.views.text.check_text) and the README's check
table follow it (a test holds the README to it). To add a check: write a module with a
`check_*(case, texts, out)` function whose docstring says what it finds and what its
evidence holds, add one `CheckSpec` here, and a row to the README's table.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.checks import (
    chronology,
    drift,
    duplicates,
    figures,
    names,
    quotes,
    structure,
    titles,
)
from provenance.checks.findings import Findings
from provenance.records import Finding
from provenance.vocab import Severity

if TYPE_CHECKING:
    from provenance.casefile import LoadedCase
    from provenance.model import Case


@dataclass(frozen=True)
class CheckSpec:
    """One evidence check: the `kind` of its findings, the `heading` they are listed
    under, and `run`, which adds the findings about a case (given the archived texts by
    source id) to the collector it receives."""

    kind: str
    heading: str
    run: Callable[[Case, dict[str, str], Findings], None]


CHECKS: tuple[CheckSpec, ...] = (
    CheckSpec("quote", "quotes in their sources", quotes.check_quotes),
    CheckSpec("quote-drift", "quote drift", drift.check_drift),
    CheckSpec("title-drift", "titles that change between sources", titles.check_titles),
    CheckSpec("figure", "figure conflicts", figures.check_figures),
    CheckSpec("name", "wrong names", names.check_names),
    CheckSpec("chronology", "chronology", chronology.check_chronology),
    CheckSpec("structure", "structure", structure.check_structure),
    CheckSpec(
        "duplicate-text", "duplicate text in archived sources", duplicates.check_duplicate_text
    ),
)

#: The kinds of finding, in report order.
KINDS = tuple(spec.kind for spec in CHECKS)
_RANK = {kind: n for n, kind in enumerate(KINDS)}
_HEADINGS = {spec.kind: spec.heading for spec in CHECKS}


def heading(kind: str) -> str:
    """Return the heading findings of `kind` are listed under.

    >>> heading("quote-drift")
    'quote drift'
    """
    try:
        return _HEADINGS[kind]
    except KeyError:
        raise ValueError(f"no check reports findings of kind '{kind}'") from None


def run_checks(
    loaded: LoadedCase, texts: dict[str, str], authors: Collection[str] = ()
) -> list[Finding]:
    """Return every finding about the case's evidence, sorted by kind (in `CHECKS` order),
    file and line. Quotes found in their sources are returned too, with severity 'ok' and
    their location. Pure: `texts` are the archived texts, read by `read_archives`;
    `authors`, the actors the case's spread data names as authors of posts."""
    found: list[Finding] = []
    for spec in CHECKS:
        out = Findings(loaded, spec.kind, frozenset(authors))
        spec.run(loaded.case, texts, out)
        found += out.findings
    return sorted(
        found,
        key=lambda f: (_RANK[f["kind"]], f["file"], f["line"], f["subject"], f["message"]),
    )


def summary(findings: list[Finding]) -> dict[str, int]:
    """Return the number of findings per severity (quotes found count as 'ok')."""
    counts = {severity.value: 0 for severity in Severity}
    for f in findings:
        counts[f["severity"]] += 1
    return counts
