"""The confirmation engine: origins, independence, status, Admiralty grade and reasons.

`analyse(graph, rules)` is a pure function of the provenance graph. The rules it applies
are documented for checkers in docs/rules.md; each verdict carries the ordered reasons
that decided it and a trace of every rule that was tried (`prov explain`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, TypedDict

import networkx as nx

from provenance import dates, vocab
from provenance.graph import nodes_of_kind, sources_of, targets
from provenance.model import Rules
from provenance.vocab import CERTAINTY, GRADE_MEANING, UNINFORMED, Basis, Stance, Status

SUPPORT = frozenset(vocab.SUPPORT)
ENDORSING = frozenset(vocab.ENDORSING)
OPPOSE = frozenset(vocab.OPPOSING)
STATUSES = tuple(Status)
AMPLIFICATION_MIN = 3
LIST_AT_MOST = 10  # names listed in one reason before "and N more"


class Reason(TypedDict):
    rule: str
    text: str
    assertions: list[str]


class RuleCheck(TypedDict):
    rule: str
    fired: bool
    detail: str


class Origin(TypedDict):
    assertion: str
    actor: str
    group: str
    stance: str
    basis: str
    strength: str
    supports: list[str]


class Flag(TypedDict):
    kind: str
    text: str
    assertions: list[str]
    claims: list[str]


class Verdict(TypedDict):
    claim: str
    status: str
    grade: int
    grade_meaning: str
    origins: list[Origin]
    independent_origins: int
    support: list[str]
    conditional: list[str]
    reach: list[str]
    opposition: list[str]
    withdrawn: list[str]
    first_seen: str | None
    reasons: list[Reason]
    checks: list[RuleCheck]
    flags: list[Flag]
    reliability: list[dict[str, str]]


class Attribution(TypedDict):
    status: str
    established: bool
    text: str
    outlets: list[str]


class AssertionResult(TypedDict):
    assertion: str
    upstream: list[str]
    roots: list[str]
    chain: list[str]
    attribution: Attribution
    flags: list[Flag]


class Analysis(TypedDict):
    rules: dict[str, Any]
    overrides: list[str]
    claims: dict[str, Verdict]
    assertions: dict[str, AssertionResult]
    flags: list[Flag]


@dataclass
class _A:
    """An assertion's fields the engine needs, read once from the graph."""

    id: str
    actor: str
    claim: str
    source: str
    read_in: str | None
    stance: Stance
    basis: Basis
    date: str | None
    quote: str | None
    via: str | None


@dataclass
class _Ctx:
    graph: nx.MultiDiGraph
    rules: Rules
    assertions: dict[str, _A]
    names: dict[str, str]
    up: dict[str, list[str]] = field(default_factory=dict)  # claim -> itself + more general
    down: dict[str, list[str]] = field(default_factory=dict)  # claim -> itself + more specific
    by_claim: dict[str, list[str]] = field(default_factory=dict)
    upstream: dict[str, list[str]] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)  # assertions, upstream first
    family: dict[str, str] = field(default_factory=dict)  # actor -> independence group
    withdrawn: set[str] = field(default_factory=set)  # assertions retracted, or relaying one
    cycle_of: dict[str, str] = field(default_factory=dict)  # assertion -> its relay circle


def listing(items: list[str], sep: str = "; ") -> str:
    """Return `items` joined, naming at most LIST_AT_MOST of them and counting the rest."""
    shown = sep.join(items[:LIST_AT_MOST])
    rest = len(items) - LIST_AT_MOST
    return f"{shown}{sep}and {rest} more" if rest > 0 else shown


def _read_assertions(graph: nx.MultiDiGraph) -> dict[str, _A]:
    out = {}
    for node in nodes_of_kind(graph, "assertion"):
        data = graph.nodes[node]
        out[data["id"]] = _A(
            id=data["id"],
            actor=data["actor"],
            claim=data["claim"],
            source=data["source"],
            read_in=data.get("read_in"),
            stance=Stance(data["stance"]),
            basis=Basis(data["basis"]),
            date=data.get("date"),
            quote=data.get("quote"),
            via=data.get("via"),
        )
    return out


def _closure(graph: nx.MultiDiGraph, kind: str, reverse: bool) -> dict[str, list[str]]:
    claims = [graph.nodes[n]["id"] for n in nodes_of_kind(graph, "claim")]
    sub = nx.DiGraph()
    sub.add_nodes_from(claims)
    for u, v, k in graph.edges(keys=True):
        if k == kind:
            sub.add_edge(graph.nodes[u]["id"], graph.nodes[v]["id"])
    if reverse:
        sub = sub.reverse(copy=False)
    return {c: sorted({c, *nx.descendants(sub, c)}) for c in claims}


def _families(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Return each actor's independence group: actors linked by affiliation are one group,
    named by its smallest id."""
    sub = nx.Graph()
    for node in nodes_of_kind(graph, "actor"):
        sub.add_node(graph.nodes[node]["id"])
    for u, v, k in graph.edges(keys=True):
        if k == "affiliated-with":
            sub.add_edge(graph.nodes[u]["id"], graph.nodes[v]["id"])
    family = {}
    for component in nx.connected_components(sub):
        head = min(component)
        for actor in component:
            family[actor] = head
    return family


def _derivations(ctx: _Ctx) -> dict[str, list[str]]:
    """Return, per assertion, the assertions it derives from: its `via`, or else the
    supporting assertions about the same claim carried by a source its source cites."""
    carried: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a in ctx.assertions.values():
        if a.stance in SUPPORT or a.stance == Stance.reports:
            carried[(a.source, a.claim)].append(a.id)
            if a.read_in:
                carried[(a.read_in, a.claim)].append(a.id)
    upstream: dict[str, list[str]] = {}
    for a in ctx.assertions.values():
        if a.via:
            upstream[a.id] = [a.via]
            continue
        if a.stance not in SUPPORT and a.stance != Stance.reports:
            upstream[a.id] = []
            continue
        found: set[str] = set()
        for cited in targets(ctx.graph, f"source:{a.source}", "cites"):
            found.update(carried.get((ctx.graph.nodes[cited]["id"], a.claim), ()))
        found.discard(a.id)
        upstream[a.id] = sorted(found)
    return upstream


def _topological(upstream: dict[str, list[str]]) -> tuple[list[str], list[list[str]]]:
    """Return assertions ordered upstream-first, and the cycles found (as sorted id lists).
    Members of a cycle are ordered by id and treated as deriving from nothing inside it."""
    dg = nx.DiGraph()
    dg.add_nodes_from(upstream)
    for a, ups in upstream.items():
        for u in ups:
            dg.add_edge(u, a)
    cond = nx.condensation(dg)
    order: list[str] = []
    cycles = []
    for scc in nx.lexicographical_topological_sort(
        cond, key=lambda n: min(cond.nodes[n]["members"])
    ):
        members = sorted(cond.nodes[scc]["members"])
        if len(members) > 1:
            cycles.append(members)
        order.extend(members)
    return order, cycles


def _cut_cycles(upstream: dict[str, list[str]], cycles: list[list[str]]) -> dict[str, list[str]]:
    """Return the derivations without the edges inside each cycle: in a circle nobody is
    upstream of anybody. The cycle is counted as one origin by `_group_origins`."""
    inside = {a: set(cycle) for cycle in cycles for a in cycle}
    return {a: [u for u in ups if u not in inside.get(a, ())] for a, ups in upstream.items()}


def _withdrawn(ctx: _Ctx) -> set[str]:
    """Return the assertions a retraction withdraws: the one it names in `via`, else every
    earlier or undated assertion of the same claim by the same actor; and every assertion
    all of whose upstream assertions are withdrawn (a relay of a retracted statement)."""
    latest: dict[tuple[str, str], tuple[dt.datetime, int]] = {}
    named: set[str] = set()
    for a in ctx.assertions.values():
        if a.stance != Stance.retracts:
            continue
        if a.via:
            named.add(a.via)
            continue
        key = (a.actor, a.claim)
        latest[key] = max(latest.get(key, (dt.datetime.min, 0)), dates.sort_key(a.date))
    out: set[str] = set()
    for a_id in ctx.order:
        a = ctx.assertions[a_id]
        if a.stance in OPPOSE:
            continue
        cutoff = latest.get((a.actor, a.claim))
        direct = a_id in named or (
            cutoff is not None and (a.date is None or dates.sort_key(a.date) <= cutoff)
        )
        ups = ctx.upstream[a_id]
        if direct or (ups and all(u in out for u in ups)):
            out.add(a_id)
    return out


def _roots(ctx: _Ctx) -> dict[str, list[str]]:
    """Return, per assertion, the first assertions of its relay chains (ignoring claims)."""
    roots: dict[str, list[str]] = {}
    for a in ctx.order:
        ups = [u for u in ctx.upstream[a] if u in roots]
        roots[a] = sorted({r for u in ups for r in roots[u]}) if ups else [a]
    return roots


def _claim_origins(ctx: _Ctx) -> dict[str, dict[str, list[str]]]:
    """Return, per assertion, for each claim its chain bears on, the origins of that claim:
    the most upstream non-opposing assertions in the chain about it or a more specific claim."""
    result: dict[str, dict[str, list[str]]] = {}
    for a_id in ctx.order:
        a = ctx.assertions[a_id]
        merged: dict[str, set[str]] = defaultdict(set)
        for u in ctx.upstream[a_id]:
            for claim, origins in result.get(u, {}).items():
                merged[claim].update(origins)
        if a.stance not in OPPOSE:
            for claim in ctx.up[a.claim]:
                if not merged.get(claim):
                    merged[claim] = {a_id}
        result[a_id] = {c: sorted(o) for c, o in merged.items()}
    return result


def _strength(a: _A, rules: Rules) -> str:
    if a.stance == Stance.conditional:
        return "conditional"
    if a.stance == Stance.hedges:
        return "hedged"
    if a.basis in rules.authoritative_bases:
        return "authoritative"
    if a.basis in rules.grounded_bases:
        return "grounded"
    return "informed" if a.basis not in UNINFORMED else "unsourced"


def _describe(ctx: _Ctx, a: _A, with_quote: bool = True, limit: int = 90) -> str:
    text = f"{ctx.names[a.actor]} ({a.stance.word}, {a.basis.word})"
    if with_quote and a.quote:
        quote = a.quote if len(a.quote) <= limit else a.quote[: limit - 1].rstrip() + "…"
        text += f": '{quote}'"
    return text


def _attribution(ctx: _Ctx, a: _A, outlets_of: dict[tuple[str, str], set[str]]) -> Attribution:
    source = ctx.graph.nodes[f"source:{a.source}"]
    name = source["title"]
    if not a.read_in and source.get("archive"):
        return Attribution(
            status="archived", established=True, outlets=[], text=f"we hold the text of {name}"
        )
    if source.get("recorded"):
        return Attribution(
            status="recorded", established=True, outlets=[], text=f"a recording of {name} exists"
        )
    outlets = sorted(outlets_of.get((a.actor, a.source), set()))
    if len(outlets) >= ctx.rules.attribution_min_outlets:
        names = listing([ctx.names.get(o, o) for o in outlets], ", ")
        return Attribution(
            status="multiple-reports",
            established=True,
            outlets=outlets,
            text=f"reported by {len(outlets)} independent outlets: {names}",
        )
    if a.read_in:
        reader = ctx.graph.nodes[f"source:{a.read_in}"]["title"]
        return Attribution(
            status="single-report",
            established=False,
            outlets=outlets,
            text=f"a single second-hand report, in {reader}",
        )
    return Attribution(
        status="unknown",
        established=False,
        outlets=[],
        text="no copy of the source and no report of it",
    )


def _outlet(ctx: _Ctx, source_id: str) -> str:
    node = f"source:{source_id}"
    for kind in ("published-by", "authored-by"):
        found = targets(ctx.graph, node, kind)
        if found:
            actor: str = ctx.graph.nodes[found[0]]["id"]
            return ctx.family.get(actor, actor)
    return source_id


def _assertion_flags(ctx: _Ctx, a: _A, roots: list[str], depth: dict[str, int]) -> list[Flag]:
    flags: list[Flag] = []
    ups = [ctx.assertions[u] for u in ctx.upstream[a.id]]
    if a.stance in SUPPORT and ups:
        upstream_chain = _ancestors(ctx, a.id)
        ceiling = max(
            (CERTAINTY.get(ctx.assertions[u].stance, 0) for u in upstream_chain), default=0
        )
        if ceiling and CERTAINTY[a.stance] > ceiling:
            flags.append(
                Flag(
                    kind="certainty-inflation",
                    assertions=[a.id, *upstream_chain],
                    claims=[a.claim],
                    text=f"{ctx.names[a.actor]} {a.stance.word} what upstream only "
                    f"{_max_stance_word(ctx, upstream_chain)}",
                )
            )
    if a.stance in SUPPORT:
        root_claims = {ctx.assertions[r].claim for r in roots if r != a.id}
        escalated = sorted(
            c for c in root_claims if c in ctx.up[a.claim] and depth[a.claim] - depth[c] >= 2
        )
        if escalated:
            path = _claim_path(ctx, a.id)
            flags.append(
                Flag(
                    kind="specificity-escalation",
                    assertions=[a.id, *roots],
                    claims=path,
                    text="the claim grew more specific along the chain: " + " → ".join(path),
                )
            )
        else:
            for u in ups:
                if u.claim != a.claim and u.claim not in ctx.down[a.claim]:
                    flags.append(
                        Flag(
                            kind="claim-drift",
                            assertions=[a.id, u.id],
                            claims=[u.claim, a.claim],
                            text=f"relays {ctx.names[u.actor]} on '{u.claim}' but asserts "
                            f"'{a.claim}', which {ctx.names[u.actor]} did not say",
                        )
                    )
    return flags


def _ancestors(ctx: _Ctx, a_id: str) -> list[str]:
    seen: set[str] = set()
    stack = list(ctx.upstream[a_id])
    while stack:
        u = stack.pop()
        if u not in seen:
            seen.add(u)
            stack.extend(ctx.upstream[u])
    return sorted(seen)


def _max_stance_word(ctx: _Ctx, ids: list[str]) -> str:
    best = max(ids, key=lambda i: (CERTAINTY.get(ctx.assertions[i].stance, 0), i))
    return ctx.assertions[best].stance.word


def _claim_path(ctx: _Ctx, a_id: str) -> list[str]:
    """Return the claims along the first relay chain from its origin down to `a_id`."""
    path: list[str] = []
    for link in reversed(_chain(ctx, a_id)):
        claim = ctx.assertions[link].claim
        if not path or path[-1] != claim:
            path.append(claim)
    return path


def _depths(ctx: _Ctx) -> dict[str, int]:
    depth: dict[str, int] = {}

    def measure(claim: str, trail: frozenset[str]) -> int:
        if claim in depth:
            return depth[claim]
        parents = [c for c in ctx.up[claim] if c != claim and c not in trail]
        direct = [p for p in parents if not any(p in ctx.up[q] and p != q for q in parents)]
        value = 1 + max((measure(p, trail | {claim}) for p in direct), default=-1)
        depth[claim] = value
        return value

    for claim in ctx.up:
        measure(claim, frozenset())
    return depth


def _verdict(
    ctx: _Ctx, claim: str, origins_of: dict[str, dict[str, list[str]]], base: dict[str, str]
) -> Verdict:
    relevant = [ctx.assertions[i] for c in ctx.down[claim] for i in ctx.by_claim.get(c, [])]
    relevant.sort(key=lambda a: a.id)
    opposing_scope = [ctx.assertions[i] for c in ctx.up[claim] for i in ctx.by_claim.get(c, [])]
    retractions = [a for a in relevant if a.stance == Stance.retracts]
    supports = [a for a in relevant if a.stance in ENDORSING]
    conditionals = [a for a in relevant if a.stance == Stance.conditional]
    reach = [a for a in relevant if a.stance == Stance.reports]
    opposition = sorted(
        (a for a in opposing_scope if a.stance in (Stance.denies, Stance.doubts)),
        key=lambda a: a.id,
    )
    withdrawn_ids = {a.id for a in supports if a.id in ctx.withdrawn}
    live_support = [a for a in supports if a.id not in ctx.withdrawn]
    origin_ids = {
        o
        for a in live_support
        for o in origins_of[a.id].get(claim, [a.id])
        if o not in ctx.withdrawn
    }

    origins = _group_origins(ctx, claim, sorted(origin_ids), live_support, origins_of)
    groups = {o["group"] for o in origins}
    strengths: dict[str, set[str]] = defaultdict(set)
    for o in origins:
        strengths[o["strength"]].add(o["group"])
    auth_support = strengths["authoritative"]
    grounded = auth_support | strengths["grounded"]
    informed = (
        grounded
        | strengths["informed"]
        | {o["group"] for o in origins if ctx.assertions[o["assertion"]].basis not in UNINFORMED}
    )
    denials = [a for a in opposition if a.stance == Stance.denies]
    auth_denials = [a for a in denials if a.basis in ctx.rules.authoritative_bases]
    grounded_denials = [a for a in denials if a.basis in ctx.rules.grounded_bases]
    doubts = [a for a in opposition if a.stance == Stance.doubts]
    contradicted_by = sorted(c for c in _contradictions(ctx, claim) if base.get(c) == "confirmed")
    context = sorted(u for u in sources_of(ctx.graph, f"claim:{claim}", "context-for"))
    context_ids = [ctx.graph.nodes[c]["id"] for c in context]
    confirmed_context = [c for c in context_ids if base.get(c) == "confirmed"]

    checks: list[RuleCheck] = []
    reasons: list[Reason] = []
    status = ""

    def check(rule: str, fired: bool, detail: str) -> bool:
        checks.append(RuleCheck(rule=rule, fired=fired and not status, detail=detail))
        return fired and not status

    n_auth = len(auth_support)
    if check(
        "contradicted-by-confirmed",
        bool(contradicted_by),
        f"contradicts confirmed claim(s): {', '.join(contradicted_by)}"
        if contradicted_by
        else "no contradicting claim is confirmed",
    ):
        # Two confirmed claims that contradict each other are a conflict, not a refutation.
        both = base.get(claim) == "confirmed"
        status = "disputed" if both else "refuted"
        word = "conflicts with confirmed claim(s)" if both else "contradicted by confirmed claim(s)"
        reasons.append(
            Reason(
                rule="contradicted-by-confirmed",
                assertions=[],
                text=f"{word}: "
                + listing([f"'{ctx.names['claim:' + c]}'" for c in contradicted_by]),
            )
        )
    all_withdrawn = bool(supports) and not live_support
    if check(
        "retracted",
        all_withdrawn,
        "every supporting assertion is withdrawn by a retraction"
        if all_withdrawn
        else "no retraction withdraws all support",
    ):
        status = "retracted"
        reasons.append(
            Reason(
                rule="retracted",
                assertions=sorted(a.id for a in retractions),
                text="retracted: " + listing([_describe(ctx, a) for a in retractions]),
            )
        )
    if check(
        "authoritative-denial",
        bool(auth_denials),
        f"{len(auth_denials)} denial(s) on a first-hand or official basis"
        if auth_denials
        else "no denial on a first-hand or official basis",
    ):
        status = "disputed" if grounded else "refuted"
        word = (
            "denied with authority, but grounded support remains"
            if grounded
            else "denied with authority and no grounded support"
        )
        reasons.append(
            Reason(
                rule="authoritative-denial",
                assertions=[a.id for a in auth_denials],
                text=f"{word}: " + listing([_describe(ctx, a) for a in auth_denials]),
            )
        )
    need = ctx.rules.confirmed_min_authoritative
    if check(
        "authoritative-confirmation",
        n_auth >= need,
        f"{n_auth} independent origin(s) on a first-hand or official basis (need {need})",
    ):
        status = "confirmed"
        auth = [o for o in origins if o["strength"] == "authoritative"]
        reasons.append(
            Reason(
                rule="authoritative-confirmation",
                assertions=[o["assertion"] for o in auth],
                text="confirmed first-hand or officially by "
                + listing([_describe(ctx, ctx.assertions[o["assertion"]]) for o in auth]),
            )
        )
    need = ctx.rules.corroborated_min_origins
    corroborated = len(grounded) >= need
    if check(
        "corroboration",
        corroborated and not grounded_denials,
        f"{len(grounded)} independent grounded origin(s) (need {need})"
        + (f"; {len(grounded_denials)} grounded denial(s)" if grounded_denials else ""),
    ):
        status = "corroborated"
        reasons.append(
            Reason(
                rule="corroboration",
                assertions=[o["assertion"] for o in origins if o["group"] in grounded],
                text=f"corroborated by {len(grounded)} independent origins with a stated basis",
            )
        )
    if check(
        "denied",
        bool(live_support) and bool(denials),
        f"{len(denials)} denial(s) against {len(groups)} supporting origin(s)",
    ):
        status = "disputed"
        reasons.append(
            Reason(
                rule="denied",
                assertions=[a.id for a in denials],
                text="support and denial conflict; denied by "
                + listing([_describe(ctx, a) for a in denials]),
            )
        )
    if check(
        "some-support",
        bool(live_support),
        f"{len(live_support)} supporting assertion(s) from {len(groups)} origin(s), "
        "none confirming it first-hand or officially",
    ):
        status = "unconfirmed"
        reasons.append(
            Reason(
                rule="some-support",
                assertions=[],
                text="unconfirmed: no first-hand or official confirmation"
                + (
                    ""
                    if len(grounded) >= need
                    else f", and fewer than {need} independent origins with a stated basis"
                ),
            )
        )
    if not status:
        checks.append(
            RuleCheck(
                rule="no-support",
                fired=True,
                detail="nobody asserts it; it is only reported, conditional or opposed",
            )
        )
        status = "unsupported"
        reasons.append(
            Reason(
                rule="no-support",
                assertions=[a.id for a in reach + conditionals],
                text="unsupported: nobody asserts it"
                + (" (only reported or conditional)" if reach or conditionals else ""),
            )
        )

    origin_reasons = _origin_reasons(ctx, origins, live_support)
    if status in ("unconfirmed", "corroborated"):
        # Who the support comes from is what decides these; the rule's wording follows.
        reasons = origin_reasons[:1] + reasons + origin_reasons[1:]
    else:
        reasons += origin_reasons
    for a in conditionals:
        reasons.append(
            Reason(
                rule="conditional",
                assertions=[a.id],
                text="conditional only, not support: " + _describe(ctx, a),
            )
        )
    for a in doubts:
        reasons.append(
            Reason(
                rule="doubted",
                assertions=[a.id],
                text="doubted by "
                + _describe(ctx, a)
                + ("" if a.claim == claim else f" (about '{a.claim}')"),
            )
        )
    for a in denials:
        if a not in auth_denials and status != "disputed":
            reasons.append(
                Reason(rule="denied", assertions=[a.id], text="denied by " + _describe(ctx, a))
            )
    for c in context_ids:
        word = base.get(c, "unknown")
        reasons.append(
            Reason(
                rule="context",
                assertions=list(ctx.by_claim.get(c, [])),
                text=f"context ({word}): '{ctx.names['claim:' + c]}' makes it "
                "more plausible but does not confirm it",
            )
        )
    if reach:
        reasons.append(
            Reason(
                rule="reach",
                assertions=[a.id for a in reach],
                text=f"reported without endorsement by {len(reach)}: "
                + listing(sorted({ctx.names[a.actor] for a in reach}), ", ")
                + " (reach, not support)",
            )
        )

    flags = _claim_flags(ctx, claim, origins, live_support, reach)
    grade = _grade(status, informed, bool(confirmed_context))
    return Verdict(
        claim=claim,
        status=status,
        grade=grade,
        grade_meaning=GRADE_MEANING[grade],
        origins=origins,
        independent_origins=len(groups),
        support=[a.id for a in live_support],
        conditional=[a.id for a in conditionals],
        reach=[a.id for a in reach],
        opposition=[a.id for a in opposition],
        withdrawn=sorted(withdrawn_ids),
        first_seen=dates.earliest([ctx.assertions[i].date for i in ctx.by_claim.get(claim, [])]),
        reasons=reasons,
        checks=checks,
        flags=flags,
        reliability=_reliabilities(ctx, [*live_support, *opposition]),
    )


def _group_origins(
    ctx: _Ctx,
    claim: str,
    origin_ids: list[str],
    live: list[_A],
    origins_of: dict[str, dict[str, list[str]]],
) -> list[Origin]:
    supported_by: dict[str, list[str]] = defaultdict(list)
    for a in live:
        for o in origins_of[a.id].get(claim, [a.id]):
            supported_by[o].append(a.id)
    out = []
    for o in origin_ids:
        a = ctx.assertions[o]
        # Assertions that relay each other in a circle are one origin, whoever said them.
        group = ctx.cycle_of.get(o) or ctx.family.get(a.actor, a.actor)
        out.append(
            Origin(
                assertion=o,
                actor=a.actor,
                group=group,
                stance=a.stance.value,
                basis=a.basis.value,
                strength=_strength(a, ctx.rules),
                supports=sorted(supported_by[o]),
            )
        )
    return out


def _origin_reasons(ctx: _Ctx, origins: list[Origin], live: list[_A]) -> list[Reason]:
    if not origins:
        return []
    by_group: dict[str, list[Origin]] = defaultdict(list)
    for o in origins:
        by_group[o["group"]].append(o)
    groups = sorted(by_group)
    parts = []
    for group in groups[:LIST_AT_MOST]:
        members = by_group[group]
        if group.startswith("circle:"):
            names = sorted({ctx.names[o["actor"]] for o in members})
            parts.append("a circle of sources citing each other (" + listing(names, ", ") + ")")
            continue
        first = ctx.assertions[members[0]["assertion"]]
        parts.append(_describe(ctx, first, with_quote=False))
    if len(groups) > LIST_AT_MOST:
        parts.append(f"and {len(groups) - LIST_AT_MOST} more")
    label = "single origin" if len(groups) == 1 else f"{len(groups)} independent origins"
    reasons = [
        Reason(
            rule="origins",
            assertions=[o["assertion"] for o in origins],
            text=f"{label}: " + "; ".join(parts),  # parts are capped above
        )
    ]
    origin_ids = {o["assertion"] for o in origins}
    relayed = [a for a in live if a.id not in origin_ids]
    if relayed:
        reasons.append(
            Reason(
                rule="relays",
                assertions=[a.id for a in relayed],
                text=f"{len(relayed)} further supporting assertion(s) derive from "
                "these origins and add nothing independent: "
                + listing(sorted({ctx.names[a.actor] for a in relayed}), ", "),
            )
        )
    return reasons


def _claim_flags(
    ctx: _Ctx, claim: str, origins: list[Origin], live: list[_A], reach: list[_A]
) -> list[Flag]:
    flags = []
    groups = {o["group"] for o in origins}
    if len(groups) == 1:
        only = origins[0]
        flags.append(
            Flag(
                kind="single-origin",
                assertions=[o["assertion"] for o in origins],
                claims=[claim],
                text=f"single origin: {ctx.names[only['actor']]}",
            )
        )
    amplifiers = [*live, *reach]
    if len(groups) == 1 and len(amplifiers) >= AMPLIFICATION_MIN:
        flags.append(
            Flag(
                kind="amplification",
                assertions=[a.id for a in amplifiers],
                claims=[claim],
                text=f"{len(amplifiers)} assertions, 1 origin: amplification without corroboration",
            )
        )
    return flags


def _contradictions(ctx: _Ctx, claim: str) -> set[str]:
    node = f"claim:{claim}"
    out = {ctx.graph.nodes[n]["id"] for n in targets(ctx.graph, node, "contradicts")}
    out |= {ctx.graph.nodes[n]["id"] for n in sources_of(ctx.graph, node, "contradicts")}
    return out


def _grade(status: str, informed: set[str], confirmed_context: bool) -> int:
    if status == "confirmed":
        return 1
    if status == "corroborated":
        return 2
    if status == "unconfirmed":
        return 3 if informed or confirmed_context else 4
    if status == "disputed":
        return 4
    if status == "refuted":
        return 5
    return 6


def _reliabilities(ctx: _Ctx, assertions: list[_A]) -> list[dict[str, str]]:
    out = []
    for actor in sorted({a.actor for a in assertions}):
        rel = ctx.graph.nodes[f"actor:{actor}"].get("reliability")
        if rel:
            out.append(
                {"actor": actor, "grade": rel["grade"], "by": rel["by"], "reason": rel["reason"]}
            )
    return out


def _case_flags(ctx: _Ctx, cycles: list[list[str]]) -> list[Flag]:
    flags = []
    cites = nx.DiGraph()
    for u, v, k in ctx.graph.edges(keys=True):
        if k == "cites":
            cites.add_edge(ctx.graph.nodes[u]["id"], ctx.graph.nodes[v]["id"])
    for cycle in sorted(sorted(c) for c in nx.strongly_connected_components(cites) if len(c) > 1):
        members = set(cycle)
        inside = sorted(a.id for a in ctx.assertions.values() if a.source in members)
        flags.append(
            Flag(
                kind="circular-citation",
                assertions=inside,
                claims=sorted({ctx.assertions[a].claim for a in inside}),
                text="sources cite each other in a circle: " + listing(cycle, ", "),
            )
        )
    for cycle in cycles:
        claims = sorted({ctx.assertions[a].claim for a in cycle})
        flags.append(
            Flag(
                kind="circular-relay",
                assertions=cycle,
                claims=claims,
                text="assertions relay each other in a circle: " + listing(cycle, ", "),
            )
        )
    return flags


def analyse(graph: nx.MultiDiGraph, rules: Rules | None = None) -> Analysis:
    """Return the analysis of a provenance graph: a verdict per claim, attribution status
    and flags per assertion, and case-wide flags. Pure: same graph, same result."""
    rules = rules or Rules()
    assertions = _read_assertions(graph)
    names = {
        data["id"]: data["name"] for _, data in graph.nodes(data=True) if data["type"] == "actor"
    }
    names.update(
        {
            f"claim:{data['id']}": data["text"]
            for _, data in graph.nodes(data=True)
            if data["type"] == "claim"
        }
    )
    ctx = _Ctx(graph=graph, rules=rules, assertions=assertions, names=names)
    ctx.up = _closure(graph, "more-specific-than", reverse=False)
    ctx.down = _closure(graph, "more-specific-than", reverse=True)
    by_claim: dict[str, list[str]] = defaultdict(list)
    for a in assertions.values():
        by_claim[a.claim].append(a.id)
    ctx.by_claim = dict(by_claim)
    ctx.family = _families(graph)
    ctx.upstream = _derivations(ctx)
    ctx.order, cycles = _topological(ctx.upstream)
    ctx.upstream = _cut_cycles(ctx.upstream, cycles)
    ctx.cycle_of = {a: f"circle:{cycle[0]}" for cycle in cycles for a in cycle}
    roots = _roots(ctx)
    ctx.withdrawn = _withdrawn(ctx)
    origins_of = _claim_origins(ctx)
    depth = _depths(ctx)

    # A claim's verdict depends on other claims' statuses only through contradictions and
    # context claims; those claims get a second pass once every first status is known.
    claims = sorted(ctx.up)
    verdicts = {c: _verdict(ctx, c, origins_of, {}) for c in claims}
    first = {c: v["status"] for c, v in verdicts.items()}
    for claim in claims:
        if _contradictions(ctx, claim) or sources_of(graph, f"claim:{claim}", "context-for"):
            verdicts[claim] = _verdict(ctx, claim, origins_of, first)

    outlets_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in assertions.values():
        if a.read_in:
            outlets_of[(a.actor, a.source)].add(_outlet(ctx, a.read_in))
    results: dict[str, AssertionResult] = {}
    for a_id in sorted(assertions):
        a = assertions[a_id]
        results[a_id] = AssertionResult(
            assertion=a_id,
            upstream=ctx.upstream[a_id],
            roots=roots[a_id],
            chain=_chain(ctx, a_id),
            attribution=_attribution(ctx, a, outlets_of),
            flags=_assertion_flags(ctx, a, roots[a_id], depth),
        )
    case_flags = _case_flags(ctx, cycles)
    for flag in case_flags:  # a checker reading one claim must see the circle it sits in
        for claim in flag["claims"]:
            verdicts[claim]["flags"].append(flag)
    defaults = Rules().model_dump(mode="json")
    current = rules.model_dump(mode="json")
    return Analysis(
        rules=current,
        overrides=sorted(k for k in current if current[k] != defaults[k]),
        claims=verdicts,
        assertions=results,
        flags=case_flags,
    )


def _chain(ctx: _Ctx, a_id: str) -> list[str]:
    """Return the relay chain from `a_id` back to its origin, following the first upstream."""
    chain = [a_id]
    seen = {a_id}
    ups = ctx.upstream[a_id]
    while ups and ups[0] not in seen:
        chain.append(ups[0])
        seen.add(ups[0])
        ups = ctx.upstream[ups[0]]
    return chain
