"""The rules about time: supersession and predictions (docs/rules.md, "Time";
provenance.engine.timing finds what they read). provenance.engine.rules puts them in
RULES at their places in the order; each docstring is its entry on the rules page."""

from __future__ import annotations

from provenance.engine.facts import ClaimFacts
from provenance.engine.rule_kit import Check, fire, rule
from provenance.engine.timing import SetAside, pair_ids, sequence, statement
from provenance.engine.wording import listing
from provenance.model import Rules
from provenance.vocab import Status


@rule(Status.retracted)
def corrected(f: ClaimFacts, t: Rules) -> Check:
    """Retracted when whoever stated or confirmed it later denies it on a first-hand or
    official basis (a correction by the same actor, or one affiliated with it), and no
    other support remains.

    Example: a ministry confirms officially on 1 March that the minister resigned, and on
    3 March says officially that he did not: the claim ends retracted, and its history
    shows it confirmed from 1 March.
    """
    ended = f.superseded_support
    detail = f"{len(ended)} supporting origin(s) denied later with authority"
    if not ended or f.live_support or not all(s.correction for s in ended):
        return Check(detail)
    return fire(
        detail + ", each by its own actor",
        Status.retracted,
        lambda: pair_ids(ended),
        lambda: "corrected later: " + sequence(list(ended), t),
    )


@rule(Status.refuted)
def later_denial(f: ClaimFacts, t: Rules) -> Check:
    """Refuted when support was denied later on a first-hand or official basis (the later
    statement supersedes the earlier ones of the same or lesser authority) and no grounded
    support remains. The denial is weighed first (section 2): a self-interested denial, or
    one whose attribution is not established, supersedes nothing: it weighs as a denial.

    Example: a newspaper reports on 1 March, citing unnamed sources, that a factory
    closed; on 5 March its owner says first-hand that it is open. Support said after the
    denial, or on the same date, still stands.
    """
    ended = f.superseded_support
    detail = f"{len(ended)} supporting origin(s) denied later with authority"
    if not ended or f.grounded:
        return Check(detail)
    return fire(
        detail,
        Status.refuted,
        lambda: pair_ids(ended),
        lambda: "denied later with authority: " + sequence(list(ended), t),
    )


@rule(Status.confirmed)
def later_confirmation(f: ClaimFacts, t: Rules) -> Check:
    """Confirmed when a first-hand or official statement of it (or of a more specific
    claim) came after every denial of the same or lesser authority: the later statement
    wins. It is weighed first, as a denial is (`later-denial`). A denial and a
    confirmation of the same date stand against each other, and the claim is disputed
    (`authoritative-denial`).

    Example: a company denies on 2 March that it is for sale; on 30 March it announces
    the sale officially. The claim is confirmed, the denial in its reasons and history.
    """
    n, need = len(f.authoritative), t.confirmed_min_authoritative
    ended = f.superseded_denials
    detail = f"{len(ended)} denial(s) followed by a first-hand or official confirmation"
    if not ended or n < need:
        return Check(detail)
    return fire(
        detail,
        Status.confirmed,
        lambda: pair_ids(ended),
        lambda: "confirmed after a denial: " + sequence(list(ended), t),
    )


@rule(Status.unconfirmed)
def only_predicted(f: ClaimFacts, t: Rules) -> Check:
    """Unconfirmed when the only support was said before what it speaks of could have
    happened: predictions, intentions and forecasts (docs/rules.md, "Time"). Only a
    statement made once the period has begun can confirm it.

    Example: "Japan will not use its Treasuries as a tool" (a claim about the future),
    said by a minister in April, is a prediction; nothing said since confirms it.
    """
    predicted = [s for s in f.set_aside if s.why == "prediction"]
    detail = f"{len(predicted)} supporting assertion(s) said before the period they speak of"
    if f.live_support or not predicted:
        return Check(detail)
    return fire(
        detail,
        Status.unconfirmed,
        [s.assertion.id for s in predicted],
        "unconfirmed: only predicted, before it could have happened: "
        + listing([_predicted(s, t) for s in predicted]),
    )


def _predicted(s: SetAside, t: Rules) -> str:
    """A prediction in words, naming whose prediction a relay or a copy repeats."""
    text = statement(s.assertion, t, confirming=False)
    return text + (f" (repeating {s.source.actor_name}'s)" if s.source is not None else "")
