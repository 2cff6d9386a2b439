"""The quote-drift check: one speaker on one occasion, quoted with different words.

Assertions with a quote read second-hand are grouped by speaker and occasion (`actor` +
`source`), by claim (quotes the case gives for different claims are different remarks)
and by quote mode; quotes that are excerpts of one another are one variant
(provenance.engine.drift.quote_variants, the grouping the engine uses to cap
attribution). Two or more verbatim variants mean at most one outlet quotes verbatim (a
warning); two or more translations may simply be two translators' words (a note: compare
them with the original). Paraphrases are never compared.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

from provenance import dates
from provenance.checks.order import by_source_date, source_date
from provenance.checks.textmatch import fold
from provenance.engine.drift import drifting, quote_variants
from provenance.records import Evidence
from provenance.vocab import QuoteMode, Severity

if TYPE_CHECKING:
    from provenance.checks.findings import Findings
    from provenance.model import Assertion, Case


def _occasion_title(case: Case, source_id: str) -> str:
    return next(s.title for s in case.sources if s.id == source_id)


def _variants(case: Case, members: list[Assertion]) -> dict[str, list[Assertion]]:
    """Group quotes of one speaker on one occasion by their words, earliest source first;
    a quote contained in another (an excerpt) joins its group. Only the groups that
    conflict (printed by different outlets: `drifting`) are kept."""
    ordered = sorted(members, key=lambda m: by_source_date(case, m))
    by_id = {m.id: m for m in ordered}
    groups = quote_variants((m.id, m.quote or "") for m in ordered)
    groups = drifting(groups, {m.id: m.read_in or "" for m in ordered})
    return {group[0]: [by_id[i] for i in group] for group in groups}


def check_drift(case: Case, texts: dict[str, str], out: Findings) -> None:
    """Report a speaker quoted on one occasion with different words in different sources.
    Evidence: `actor`, `occasion`, the quote `mode`, the `variants` (`assertions`,
    `read_in`, `quote`), the pairwise `similarity` (0-100) of the variants and the
    `earliest` source (None when the sources cannot be dated apart)."""
    from rapidfuzz import fuzz

    names = {a.id: a.name for a in case.actors}
    groups: dict[tuple[str, str, str, str], list[Assertion]] = defaultdict(list)
    for a in case.assertions:
        if a.quote and not a.paraphrase and a.read_in:
            groups[(a.actor, a.source, a.claim, a.quote_mode.value)].append(a)
    for (actor, occasion, _, mode), members in sorted(groups.items()):
        variants = _variants(case, members)
        if len(variants) < 2:
            continue
        firsts = [group[0] for group in variants.values()]
        dated = sorted((source_date(case, m.read_in) for m in members), key=dates.sort_key)
        earliest = (
            f"earliest in '{firsts[0].read_in}'"
            if len(dated) < 2 or dates.certainly_before(dated[0], dated[1])
            else "the sources cannot be dated apart"
        )
        pairs = [
            round(fuzz.ratio(fold(x.quote or ""), fold(y.quote or "")), 1)
            for x, y in combinations(firsts, 2)
        ]
        evidence: Evidence = {
            "actor": actor,
            "occasion": occasion,
            "mode": mode,
            "variants": [
                {
                    "assertions": [m.id for m in group],
                    "read_in": [m.read_in for m in group],
                    "quote": group[0].quote,
                }
                for group in variants.values()
            ],
            "similarity": [*pairs],
            "earliest": firsts[0].read_in if "earliest" in earliest else None,
        }
        translated = mode == QuoteMode.translation.value
        out.add(
            Severity.note if translated else Severity.warning,
            "assertions",
            firsts[0].id,
            f"{names[actor]} on '{_occasion_title(case, occasion)}' is "
            f"{'translated' if translated else 'quoted'} "
            f"{len(variants)} different ways ({', '.join(f'{p:.0f}%' for p in pairs)} similar); "
            + (
                "translators differ: compare them with the original"
                if translated
                else "at most one can be verbatim"
            )
            + f"; {earliest}",
            evidence,
            also=[f"assertion:{m.id}" for m in members],
        )
