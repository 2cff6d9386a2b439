"""The engine's stages in order: context, claim facts, verdicts, then per-assertion
results and case flags. `analyse` is the engine's one public entry."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

import networkx as nx

from provenance.engine.context import Context, build_context
from provenance.engine.facts import ClaimFacts, claim_facts, overruled_denials, settle
from provenance.engine.flags import (
    assertion_flags,
    attribution_flags,
    case_flags,
    claim_depths,
    derivation_flags,
)
from provenance.engine.history import histories
from provenance.engine.relays import chain
from provenance.engine.verdict import verdict
from provenance.model import Rules
from provenance.records import Analysis, AssertionResult, RulesRecord, Verdict


def analyse(
    graph: nx.MultiDiGraph,
    rules: Rules | None = None,
    texts: Mapping[str, str] | None = None,
    reposts: Mapping[str, int] | None = None,
) -> Analysis:
    """Return the analysis of a provenance graph: a verdict per claim, attribution status
    and flags per assertion, and case-wide flags. `texts` are the sources' archived texts
    by id, read for rewrites the case does not declare; `reposts`, how many posts of
    spread data relay each assertion. Pure: same input, same result."""
    rules = rules or Rules()
    ctx = build_context(graph, rules, texts, reposts)
    verdicts = _verdicts(ctx)
    ctx.bearing.forget_origins()  # each claim is judged: the history keeps its own
    for claim, history in histories(ctx).items():
        verdicts[claim]["history"] = history
    flags = [*case_flags(ctx), *derivation_flags(ctx)]
    for flag in flags:  # a checker reading one claim must see the circle it sits in
        for claim in flag["claims"]:
            verdicts[claim]["flags"].append(flag)
    defaults = Rules().model_dump(mode="json")
    current = rules.model_dump(mode="json")
    return Analysis(
        rules=cast(RulesRecord, current),
        overrides=sorted(k for k in current if current[k] != defaults[k]),
        claims=verdicts,
        assertions=_assertion_results(ctx),
        flags=flags,
        derivations=ctx.derivation.results,
    )


def _verdicts(ctx: Context) -> dict[str, Verdict]:
    """Return every claim's verdict, in id order. A claim's verdict depends on other
    claims' statuses only through contradictions and context claims: those claims are
    judged again once every first status is known."""
    facts: dict[str, ClaimFacts] = {c: claim_facts(ctx, c) for c in sorted(ctx.claims.up)}
    overruled = overruled_denials(facts)
    for claim in _weighed_by(ctx, overruled):
        facts[claim] = claim_facts(ctx, claim, overruled)
    verdicts = {c: verdict(f, ctx.rules) for c, f in facts.items()}
    first = {c: v["status"] for c, v in verdicts.items()}
    for claim, f in facts.items():
        if f.depends_on_others:
            verdicts[claim] = verdict(settle(f, first), ctx.rules)
    return verdicts


def _weighed_by(ctx: Context, overruled: Mapping[str, frozenset[str]]) -> list[str]:
    """Return the claims more specific than a claim with denials `overruled` on it."""
    return sorted({c for claim in overruled for c in ctx.claims.down[claim] if c != claim})


def _assertion_results(ctx: Context) -> dict[str, AssertionResult]:
    """Return, per assertion in id order, its relays, attribution and flags."""
    depth = claim_depths(ctx)
    return {
        a_id: AssertionResult(
            assertion=a_id,
            upstream=ctx.upstream[a_id],
            roots=ctx.roots[a_id],
            chain=chain(ctx.upstream, a_id, ctx.assertions, ctx.origins_of),
            origins=ctx.origins_of[a_id].get(a.claim, []),
            attribution=ctx.attribution[a_id],
            quote_mode=a.quote_mode.value,
            speech_act=a.speech_act.value,
            flags=[*assertion_flags(ctx, a, depth), *attribution_flags(ctx, a)],
        )
        for a_id, a in ctx.assertions.items()
    }
