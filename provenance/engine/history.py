"""Verdict history: the days on which each claim's status or grade changed, and why.

`histories(ctx)` sweeps the case once, in the order things became known
(provenance.timeline.counts_from: the same rule `--as-of` uses), and after each day
re-decides only the claims that day's assertions bear on, with the same facts and rules
as a whole analysis. The relay structure (who derives from whom, what is withdrawn,
which assertions are origins) grows with each day's arrivals, recomputed only downstream
of what changed (an arrival, a late derivation, what a retraction withdraws; all of it
only for a relay circle); attributions only for the occasions that gained an assertion.

An attribution challenge counts from when its first evidence does, as `--as-of` cuts it
(provenance.timeline.challenge_known): the occasion it challenges is attributed again.

The history therefore equals, at each of its days, what `--as-of` that day gives (a
property test holds it to that).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from provenance import dates
from provenance.engine import relays
from provenance.engine.bearing import BearingIndex
from provenance.engine.context import Context
from provenance.engine.discredit import admitted, spread
from provenance.engine.facts import ClaimFacts, claim_facts, overruled_on, settle
from provenance.engine.independence import Independence
from provenance.engine.read import Assertion
from provenance.engine.rules import RULES
from provenance.engine.schedule import Edge, dated_challenges, schedule
from provenance.engine.verdict import grade
from provenance.model import Rules
from provenance.records import AttributionResult, HistoryEntry
from provenance.vocab import Attribution, Stance, Status

Occasion = tuple[str, str]  # (actor, source): what one attribution level reads


@dataclass
class _Sweep:
    """The relay structure and verdicts of the assertions known so far."""

    full: Context
    present: dict[str, Assertion] = field(default_factory=dict)
    by_claim: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    raw: dict[str, list[str]] = field(default_factory=dict)  # derivations, circles uncut
    down: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # reverse
    upstream: dict[str, list[str]] = field(default_factory=dict)
    cycles: list[list[str]] = field(default_factory=list)
    independence: Independence = field(default_factory=lambda: Independence({}, {}))
    withdrawn: set[str] = field(default_factory=set)
    origins_of: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    retractions: dict[str, Assertion] = field(default_factory=dict)
    claims: set[str] = field(default_factory=set)  # claims in view
    facts: dict[str, ClaimFacts] = field(default_factory=dict)
    first: dict[str, str] = field(default_factory=dict)  # first-pass statuses
    # Per claim, the denials of it overruled there (claims with none left out): as of the
    # last day (`shown_wrong`, what judgements read), and as the facts kept show now.
    shown_wrong: dict[str, frozenset[str]] = field(default_factory=dict)
    overruled: dict[str, frozenset[str]] = field(default_factory=dict)
    overruled_moved: bool = False  # whether `overruled` changed since `shown_wrong` was
    verdicts: dict[str, tuple[str, int]] = field(default_factory=dict)
    # What a whole analysis would compute from the assertions present, kept up to date:
    attribution: dict[str, AttributionResult] = field(default_factory=dict)
    occasions: dict[Occasion, list[str]] = field(default_factory=lambda: defaultdict(list))
    fresh: set[Occasion] = field(default_factory=set)  # occasions joined since `context`
    refuted: set[str] = field(default_factory=set)  # assertions whose attribution is refuted
    fabricated: dict[str, str] = field(default_factory=dict)
    discredited: dict[str, str] = field(default_factory=dict)
    bearing: BearingIndex = field(init=False)  # what bears on each claim, of `present`
    unchallenged: set[str] = field(init=False)  # challenges whose evidence is yet to come

    def __post_init__(self) -> None:
        self.bearing = BearingIndex(self.full.claims, self.full.periods, self.full.assertions)
        self.unchallenged = dated_challenges(self.full)

    def challenge(self, ids: list[str]) -> set[str]:
        """Count the attribution challenges to `ids` from now (their evidence counts);
        return those of them already present, whose attribution they change."""
        found = set()
        for a_id in ids:
            self.unchallenged.discard(a_id)
            a = self.present.get(a_id)
            if a is not None:
                self.fresh.add((a.actor, a.source))
                found.add(a_id)
        return found

    def context(self) -> tuple[Context, set[str]]:
        """Return the engine's context for the assertions known so far, and the assertions
        whose attribution, fabrication or discredit changed since the last call (an
        arrival can change them for assertions it does not bear on: another outlet
        reporting the same occasion). They are brought up to date as a whole analysis
        would compute them: the attributions of the occasions that gained an assertion
        (a level reads only its occasion), and what derives from admitted fabrications
        and refuted attributions."""
        from provenance.engine.attribution import attributions

        ctx = replace(
            self.full,
            assertions=self.present,
            by_claim=self.by_claim,
            upstream=self.upstream,
            order=[],  # no stage after the context reads the order, nor the roots
            cycles=self.cycles,
            roots={},
            withdrawn=self.withdrawn,
            origins_of=self.origins_of,
            independence=replace(self.independence, family=self.full.independence.family),
            attribution=self.attribution,
            bearing=self.bearing,
            unchallenged=self.unchallenged,
        )
        changed: set[str] = set()
        joined = [a for occasion in sorted(self.fresh) for a in self.occasions[occasion]]
        self.fresh.clear()
        found = attributions(ctx, joined)
        for a_id, result in found.items():
            if self.full.attribution.get(a_id) == result:  # one copy of what a whole
                found[a_id] = result = self.full.attribution[a_id]  # analysis found
            before = self.attribution.get(a_id)
            if before is None or before["status"] != result["status"]:
                changed.add(a_id)
            if result["status"] == Attribution.refuted.value:
                self.refuted.add(a_id)
            else:
                self.refuted.discard(a_id)
        # Updated in place. Facts kept from an earlier day read it (ClaimFacts.attribution)
        # only for the status of what bears on their claim, and a changed status has that
        # claim judged again (`changed`), so no kept verdict reads a status it was not
        # judged with.
        self.attribution.update(found)
        made_up = self._spread(admitted(self.retractions.values()))
        unsaid = self._spread({a: a for a in sorted(self.refuted)})
        changed |= _differ(self.fabricated, made_up) | _differ(self.discredited, unsaid)
        self.fabricated, self.discredited = made_up, unsaid
        ctx = replace(ctx, attribution=self.attribution, fabricated=made_up, discredited=unsaid)
        return ctx, {a for a in changed if a in self.present}

    def _spread(self, seeds: dict[str, str]) -> dict[str, str]:
        """Return `seeds` and what rests only on them (provenance.engine.discredit)."""
        if not seeds:
            return {}
        order = relays.downstream(seeds, self.down, self.upstream)
        return spread(self.present, order, self.upstream, seeds, self.withdrawn)

    def bears_on(self, a: Assertion) -> list[str]:
        """Return the claims whose facts read `a`: opposition bears on the claim and every
        more specific one, anything else on the claim and every more general one."""
        links = self.full.claims
        if a.stance in (Stance.denies, Stance.doubts):
            return links.down[a.claim]
        return links.up[a.claim]

    def advance(self, arrivals: list[str], edges: list[Edge]) -> set[str]:
        """Add a day's arrivals and derivations; return the claims to re-decide."""
        in_view = set(self.claims)
        for a_id in arrivals:
            a = self.full.assertions[a_id]
            self.present[a_id] = a
            self.by_claim[a.claim].append(a_id)
            self.bearing.add(a)
            self.occasions[(a.actor, a.source)].append(a_id)
            self.fresh.add((a.actor, a.source))
            self.raw[a_id] = []
            self.claims.update(self.bears_on(a))
            if a.stance == Stance.retracts:
                self.retractions[a_id] = a
        for x, b in edges:
            self.raw[x].append(b)
            self.down[b].append(x)
        touched = {c for a_id in arrivals for c in self.bears_on(self.present[a_id])}
        touched |= self.claims - in_view
        # What derives from an arrival or from an assertion with a new derivation.
        affected = self._downstream({*arrivals, *(x for x, _ in edges)})
        inside = {x: sorted(b for b in self.raw[x] if b in affected) for x in affected}
        if relays.circular(inside) or any(x in self.independence.circle_of for x in affected):
            self._rebuild()
            self.bearing.forget_origins()
            return set(self.claims)
        for x in affected:
            self.raw[x].sort()
            self.upstream[x] = self.raw[x]
        # What can stop or start being withdrawn, or change origins: what derives from an
        # arrival, a new derivation, or what a new retraction withdraws directly.
        region = self._downstream({*affected, *self._retracted_by(arrivals)})
        before = {x: (self.origins_of.get(x), x in self.withdrawn) for x in region}
        order = relays.downstream(region, self.down, self.upstream)
        self.withdrawn -= region
        fresh = {**self.retractions, **{a: self.present[a] for a in region}}
        relays.withdrawn(fresh, order, self.upstream, known=self.withdrawn)
        relays.claim_origins(
            self.present,
            order,
            self.upstream,
            self.full.claims.up,
            self.origins_of,
            self.withdrawn,
            same=self.full.origins_of,
        )
        moved = {
            x for x, (o, w) in before.items() if (o, w) != (self.origins_of[x], x in self.withdrawn)
        }
        touched |= {c for a in moved for c in self.bears_on(self.present[a])}
        self.bearing.changed(self.present[a] for a in {*arrivals, *moved})
        return touched

    def _retracted_by(self, arrivals: list[str]) -> set[str]:
        """Return what the retractions among `arrivals` may withdraw directly: the
        assertion named in `via`, else the same actor's assertions of the claim."""
        found: set[str] = set()
        for r in (self.present[a] for a in arrivals):
            if r.stance != Stance.retracts:
                continue
            if r.via:
                found.add(r.via)
            else:
                found.update(x for x in self.by_claim[r.claim] if self.present[x].actor == r.actor)
        return found & self.present.keys()

    def _downstream(self, seeds: set[str]) -> set[str]:
        """Return `seeds` and every assertion deriving from one of them, at any depth."""
        found = set(seeds)
        frontier = list(seeds)
        while frontier:
            for x in self.down.get(frontier.pop(), ()):
                if x not in found:
                    found.add(x)
                    frontier.append(x)
        return found

    def _rebuild(self) -> None:
        """Recompute the relay structure of everything known, as a whole analysis does."""
        for ups in self.raw.values():
            ups.sort()
        order, self.cycles = relays.topological(self.raw)
        self.independence = Independence.of(self.full.independence.family, self.cycles)
        self.upstream = relays.cut_cycles(self.raw, self.cycles)
        self.withdrawn = relays.withdrawn(self.present, order, self.upstream)
        self.origins_of = relays.claim_origins(
            self.present,
            order,
            self.upstream,
            self.full.claims.up,
            None,
            self.withdrawn,
            same=self.full.origins_of,
        )

    def _judged(self, claim: str, facts: ClaimFacts) -> None:
        """Keep a claim's new facts, and the denials they show overruled on it (each
        denial on its own claim only, so the claims' sets never overlap)."""
        self.facts[claim] = facts
        now = overruled_on(facts)
        was = self.overruled.get(claim, frozenset())
        if now != was:
            if now:
                self.overruled[claim] = now
            else:
                del self.overruled[claim]
            self.overruled_moved = True

    def decide(self, touched: set[str]) -> set[str]:
        """Re-decide the touched claims in view (and those whose verdict depends on a
        claim whose status changed); return the claims whose status or grade changed."""
        ctx, moved_by = self.context()
        self.bearing.changed(self.present[a] for a in moved_by)
        touched = touched | {c for a in moved_by for c in self.bears_on(self.present[a])}
        rules = ctx.rules
        moved: set[str] = set()
        for claim in sorted(touched & self.claims):
            self._judged(claim, claim_facts(ctx, claim, self.shown_wrong))
        # Denials shown wrong on their own claim stop weighing on its more specific ones:
        # those claims are judged again whenever that set changes (as analyse does). Which
        # denials are shown wrong on a claim does not depend on the set itself.
        shown_wrong = self.shown_wrong
        if self.overruled_moved:
            shown_wrong, self.overruled_moved = dict(self.overruled), False
        if shown_wrong != self.shown_wrong:
            weighed = {
                c
                for claim in _differ(shown_wrong, self.shown_wrong)
                for c in self.full.claims.down[claim]
            } & self.claims
            self.shown_wrong = shown_wrong
            for claim in sorted(weighed):
                self._judged(claim, claim_facts(ctx, claim, shown_wrong))
            touched |= weighed
        for claim in sorted(touched & self.claims):
            facts = self.facts[claim]
            status = _status(facts, rules)
            if self.first.get(claim) != status:
                moved.add(claim)
            self.first[claim] = status
        links = self.full.claims
        again = {
            c
            for c in self.claims
            if (links.contradicts[c] or links.context[c])
            and (c in touched or not moved.isdisjoint([*links.contradicts[c], *links.context[c]]))
        }
        changed: set[str] = set()
        for claim in sorted((touched & self.claims) | again):
            facts = self.facts[claim]
            status = Status(self.first[claim])
            if facts.depends_on_others:
                facts = settle(facts, self.first)
                status = _status(facts, rules)
            now = (status.value, grade(status, facts))
            if self.verdicts.get(claim) != now:
                self.verdicts[claim] = now
                changed.add(claim)
        return changed


def _differ(before: Mapping[str, object], after: Mapping[str, object]) -> set[str]:
    """Return the keys whose value differs between two mappings (or is in only one)."""
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


def _status(facts: ClaimFacts, rules: Rules) -> Status:
    """Return the status the first rule that fires decides (as `verdict.decide` does,
    without trying the rules after it: the history needs no details)."""
    for rule in RULES:
        decision = rule(facts, rules).decision
        if decision is not None:
            return decision.status
    raise AssertionError("the catch-all rule always decides")


def histories(ctx: Context) -> dict[str, list[HistoryEntry]]:
    """Return, per claim, the days on which its status or grade changed: one sweep over
    the case in the order things became known (see the module docstring)."""
    plan = schedule(ctx)
    sweep = _Sweep(ctx)
    out: dict[str, list[HistoryEntry]] = defaultdict(list)
    for day in plan.days:
        arrivals = plan.arrivals.get(day, [])
        challenged = sweep.challenge(plan.challenges.get(day, []))
        touched = sweep.advance(arrivals, plan.edges.get(day, []))
        bearing: dict[str, list[str]] = defaultdict(list)
        for a_id in sorted({*arrivals, *challenged}):  # challenged: its attribution changed
            for claim in sweep.bears_on(sweep.present[a_id]):
                bearing[claim].append(a_id)
        for claim in sorted(sweep.decide(touched)):
            status, level = sweep.verdicts[claim]
            cause = bearing.get(claim) or sorted(
                {a for c in _partners(ctx, claim) for a in bearing.get(c, [])}
            )
            said = [day if a in challenged else plan.placed_on[a] for a in cause]
            known = [d for d in said if d]
            out[claim].append(
                HistoryEntry(
                    as_of=day or None,
                    date=max(known, key=dates.sort_key) if known else None,
                    status=status,
                    grade=level,
                    assertions=cause,
                )
            )
    return dict(out)


def _partners(ctx: Context, claim: str) -> list[str]:
    return [*ctx.claims.contradicts[claim], *ctx.claims.context[claim]]
