"""A claim's verdict: the first rule that fires decides the status; notes add reasons.

`decide` tries every rule of provenance.engine.rules.RULES in order and records each
check for `prov explain`; `verdict` adds the further reasons of
provenance.engine.notes.NOTES, the Admiralty credibility grade and the claim's flags.
"""

from __future__ import annotations

from provenance.engine.facts import ClaimFacts
from provenance.engine.flags import claim_flags
from provenance.engine.notes import NOTES
from provenance.engine.rules import RULES, Decision, Rule
from provenance.model import Rules
from provenance.records import FlagResult, Reason, RuleCheck, Verdict
from provenance.vocab import GRADE_MEANING, Flag, Status


def decide(
    facts: ClaimFacts, rules: Rules, order: tuple[Rule, ...] = RULES
) -> tuple[Rule, Decision, list[RuleCheck]]:
    """Return the rule that decides the claim, its decision, and every rule tried: a rule
    after the deciding one is still tried (its detail helps the checker) but does not
    fire; the catch-all is tried only when nothing decided."""
    checks: list[RuleCheck] = []
    decided: tuple[Rule, Decision] | None = None
    for rule in order:
        if decided and rule.catch_all:
            break
        check = rule(facts, rules)
        fires = check.decision is not None and decided is None
        checks.append(RuleCheck(rule=rule.name, fired=fires, detail=check.detail))
        if fires and check.decision is not None:
            decided = (rule, check.decision)
    if decided is None:
        raise AssertionError("the catch-all rule always decides")
    return decided[0], decided[1], checks


def grade(status: Status, facts: ClaimFacts) -> int:
    """Return the Admiralty credibility grade (1-6) of a claim with this status: the
    status's best grade, except that an unconfirmed claim is doubtful (4) unless an origin
    gives a basis beyond hearsay or a context claim is confirmed (3), and stays doubtful
    when a claim that makes it less plausible (`context_against`) is confirmed."""
    if status == Status.unconfirmed and (
        facts.confirmed_context_against or not (facts.informed or facts.confirmed_context)
    ):
        return 4
    return status.grade_floor


def grade_meaning(level: int, facts: ClaimFacts, rule: Rule) -> str:
    """Return what the grade means here: the Admiralty words, and, for a claim confirmed
    by one origin, why one is enough (the words say "other independent sources")."""
    meaning = GRADE_MEANING[level]
    if level == 1 and len(facts.groups) == 1:
        meaning += "; here one origin suffices: " + _ONE_SUFFICES.get(
            rule.name, f"see the rule {rule.name}"
        )
    return meaning


#: Why one origin can confirm, by the rule that confirmed.
_ONE_SUFFICES = {
    "attribution-of-saying": "the claim is only that it was said, and the attribution "
    "is established",
    "authoritative-confirmation": "a statement of fact, first-hand or official, whose "
    "attribution is established",
}


def _flags(facts: ClaimFacts, status: Status) -> list[FlagResult]:
    """Return the claim's flags; a single origin that confirms says why it may."""
    flags = claim_flags(facts)
    if status == Status.confirmed:
        for flag in flags:
            if flag["kind"] == Flag.single_origin.value:
                flag["text"] += " (enough to confirm: see the grade)"
    return flags


def reasons(facts: ClaimFacts, rule: Rule, decision: Decision) -> list[Reason]:
    """Return a verdict's reasons: the notes that lead for this status, the deciding
    rule's reason, then the other notes, each in NOTES order (leaving out what a note
    marked `unless_decided` would repeat of the deciding reason)."""
    leading: list[Reason] = []
    trailing: list[Reason] = []
    deciding = Reason(rule=rule.name, text=decision.text, assertions=decision.assertions)
    named = set(deciding["assertions"])
    for note in NOTES:
        into = leading if decision.status in note.leads else trailing
        into += [
            Reason(rule=note.name, text=t, assertions=a)
            for t, a in note.write(facts, decision.status)
            if not (note.unless_decided and named.issuperset(a))
        ]
    return [*leading, deciding, *trailing]


def verdict(facts: ClaimFacts, rules: Rules) -> Verdict:
    """Return the verdict on one claim from its facts."""
    rule, decision, checks = decide(facts, rules)
    status = decision.status
    level = grade(status, facts)
    return Verdict(
        claim=facts.claim,
        status=status.value,
        grade=level,
        grade_meaning=grade_meaning(level, facts, rule),
        origins=list(facts.origins or facts.history),
        independent_origins=len({o["group"] for o in facts.origins or facts.history}),
        support=[a.id for a in facts.live_support],
        conditional=[a.id for a in facts.conditionals],
        reach=[a.id for a in facts.reach],
        opposition=[a.id for a in facts.opposition],
        withdrawn=list(facts.withdrawn),
        set_aside=[s.assertion.id for s in facts.set_aside],
        first_seen=facts.first_seen,
        origin_state=facts.origin_state.value,
        reasons=reasons(facts, rule, decision),
        checks=checks,
        flags=_flags(facts, status),
        reliability=list(facts.reliability),
        history=[],  # filled by provenance.engine.history
    )
