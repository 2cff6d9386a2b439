"""Who may confirm: an origin's strength after weighing what kind of statement it is.

A basis gives an origin its strength (provenance.engine.independence.strength). Three
things then weaken it, for support and for opposition alike (docs/rules.md, section 2):

- a statement of intent, a prediction or a promise says what someone means to do or
  expects, not what happened: at most *informed* (it confirms only the claim that it was
  stated, a claim with `said_by` that actor);
- a self-interested remark (a boast, a party defending its own deal or decision): one
  step down (authoritative to grounded, grounded to informed);
- an attribution that is not established (a single second-hand report, a screenshot, a
  disputed attribution), for a first-hand or official statement: one step down. We
  cannot show the actor said it, so it cannot confirm; a report on documents or unnamed
  sources is weighed by its basis, as before.

A claim "X said Y" (`said_by: X`) is about X's words, so X's intent or interest does not
weaken X's statement of it; only its attribution does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from provenance.engine.independence import Strength

if TYPE_CHECKING:
    from provenance.engine.context import Context
    from provenance.engine.read import Assertion
    from provenance.records import AttributionResult

#: The strengths a weakness can lower, strongest first; one step moves one place down.
LADDER = (Strength.authoritative, Strength.grounded, Strength.informed)


def weigh(
    a: Assertion, base: Strength, attribution: AttributionResult, said_by: str | None
) -> tuple[Strength, list[str]]:
    """Return the strength of `a` after its weaknesses, and the weaknesses in words.

    Example: a Treasury Secretary's first-hand denial (authoritative) that is
    self-interested and known through one second-hand report is *informed*: opposition
    of that weight, not a denial that makes the claim disputed.
    """
    if base not in LADDER:
        return base, []
    about_words = said_by == a.actor
    steps = 0
    why: list[str] = []
    if not a.speech_act.about_events and not about_words:
        steps = len(LADDER)
        why.append(f"a {a.speech_act.word}: it confirms only that it was stated")
    if a.self_interested and not about_words:
        steps += 1
        why.append("self-interested")
    if base is Strength.authoritative and not attribution["established"]:
        steps += 1
        why.append(f"attribution not established ({attribution['word']})")
    place = min(LADDER.index(base) + steps, len(LADDER) - 1)
    return LADDER[place], why


def authoritative(
    ctx: Context, statements: Sequence[Assertion], said_by: str | None
) -> list[Assertion]:
    """Return the statements that are authoritative once weighed (`weigh`): only they
    supersede, or stand against a later statement (docs/rules.md, section 8.3)."""
    return [
        a
        for a in statements
        if weigh(a, ctx.strengths[(a.stance, a.basis)], ctx.attribution[a.id], said_by)[0]
        == Strength.authoritative
    ]


def weighed_denials(
    ctx: Context, denials: Sequence[Assertion], said_by: str | None
) -> tuple[tuple[Assertion, ...], tuple[Assertion, ...], dict[str, list[str]]]:
    """Return the denials that are authoritative once weighed, those that are grounded or
    authoritative, and each weakened denial's weaknesses in words."""
    strengths = ctx.strengths
    weighed = {
        a.id: weigh(a, strengths[(a.stance, a.basis)], ctx.attribution[a.id], said_by)
        for a in denials
    }
    strong = (Strength.authoritative, Strength.grounded)
    return (
        tuple(a for a in denials if weighed[a.id][0] == Strength.authoritative),
        tuple(a for a in denials if weighed[a.id][0] in strong),
        {a_id: why for a_id, (_, why) in weighed.items() if why},
    )
