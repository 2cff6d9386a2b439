"""The further reasons a verdict lists after (or around) the rule that decided it.

A note never changes the status: it shows the checker what else bears on the claim.
Each note is a small function of the claim's facts and the decided status, returning
its reasons as (text, assertions); NOTES lists them in the order a verdict shows them.
A note's docstring is its entry on the rules page (docs/rules.md).
"""

from __future__ import annotations

import inspect
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from provenance import dates
from provenance.engine.facts import ClaimFacts
from provenance.engine.wording import LIST_AT_MOST, listing
from provenance.records import Origin
from provenance.vocab import Attribution, OriginState, Status

Said = tuple[str, list[str]]  # a reason's text and the assertions it names
Write = Callable[[ClaimFacts, Status], list[Said]]


@dataclass(frozen=True, slots=True)
class Note:
    """A named kind of further reason. Its reasons come before the deciding rule's
    reason when the status is one of `leads`, after it otherwise."""

    name: str
    write: Write
    leads: tuple[Status, ...] = ()
    # Leave out a reason of this note when the deciding reason already cites all it cites.
    unless_decided: bool = False

    @property
    def doc(self) -> str:
        """The note's docstring, dedented: its text on the rules page."""
        return inspect.cleandoc(self.write.__doc__ or "")


def note(
    name: str, leads: tuple[Status, ...] = (), unless_decided: bool = False
) -> Callable[[Write], Note]:
    """Declare a note function under the reason name verdicts give it."""
    return lambda write: Note(name, write, leads, unless_decided)


@note("origins", leads=(Status.unconfirmed, Status.corroborated))
def origins(f: ClaimFacts, status: Status) -> list[Said]:
    """Who the support comes from: each independent origin, best attributed first, or
    "single origin"; with what weakens it (a statement of intent, a self-interested
    remark, an attribution that is not established).

    When the claim is unconfirmed or corroborated, who the support comes from is what
    decided it, so this reason comes first. A circle of sources citing each other is
    named as one origin. An origin that was retracted, fabricated, not said (its
    attribution refuted), superseded by a later statement, or only reported still counts,
    and says so: "1 origin, retracted" ("support retracted" when what was retracted is
    a relay of it, not the origin itself).
    """
    shown = f.origins or f.history
    if not shown:
        return []
    by_group: dict[str, list[Origin]] = defaultdict(list)
    for o in shown:
        by_group[o["group"]].append(o)
    groups = list(by_group)  # in the order of their best origin
    parts = []
    for group in groups[:LIST_AT_MOST]:
        members = [f.assertion(o["assertion"]) for o in by_group[group]]
        if group.startswith("circle:"):
            names = sorted({a.actor_name for a in members})
            parts.append("a circle of sources citing each other (" + listing(names, ", ") + ")")
        else:
            weak = by_group[group][0]["weakened"]
            parts.append(
                members[0].describe(with_quote=False) + (f" [{'; '.join(weak)}]" if weak else "")
            )
    if len(groups) > LIST_AT_MOST:
        parts.append(f"and {len(groups) - LIST_AT_MOST} more")
    n = len(groups)
    label = "single origin" if n == 1 else f"{n} independent origins"
    if not f.origins:
        state = f.origin_state.word
        if f.origin_state is OriginState.withdrawn and not set(f.withdrawn).issuperset(
            o["assertion"] for o in shown
        ):  # an origin of retracted relays, itself never retracted
            state = "support retracted"
        label = f"{n} origin{'' if n == 1 else 's'}, {state}"
    # parts are capped above
    return [(f"{label}: " + "; ".join(parts), [o["assertion"] for o in shown])]


@note("relays")
def relays(f: ClaimFacts, status: Status) -> list[Said]:
    """Supporting assertions that derive from the origins (by `via` or by citation) and so
    add nothing independent, however many there are.

    Example: ten outlets repeating one reporter's on-air remark are one origin and ten
    relays.
    """
    relayed = [a for a in f.live_support if a.id not in f.origin_assertions]
    if not f.origins or not relayed:
        return []
    text = (
        f"{len(relayed)} further supporting assertion(s) derive from "
        "these origins and add nothing independent: "
        + listing(sorted({a.actor_name for a in relayed}), ", ")
    )
    return [(text, [a.id for a in relayed])]


@note("conditional")
def conditional(f: ClaimFacts, status: Status) -> list[Said]:
    """Conditional assertions ("if it was indeed Norinchukin…"): listed, never support."""
    return [("conditional only, not support: " + a.describe(), [a.id]) for a in f.conditionals]


@note("doubted")
def doubted(f: ClaimFacts, status: Status) -> list[Said]:
    """Doubts of the claim or of a more general claim, with their quotes. A doubt never
    changes the status by itself.

    Example: "there is currently no first-hand information" doubts that Norinchukin sold.
    """
    return [
        (
            "doubted by " + a.describe() + ("" if a.claim == f.claim else f" (about '{a.claim}')"),
            [a.id],
        )
        for a in f.doubts
    ]


@note("denied")
def denied(f: ClaimFacts, status: Status) -> list[Said]:
    """Denials that did not decide the status, unless the claim is disputed (then the
    deciding reason already names every denial)."""
    if status == Status.disputed:
        return []
    decided = {a.id for a in f.authoritative_denials}
    return [
        (
            "denied by "
            + a.describe()
            + (f" [weighed down: {'; '.join(f.weakened[a.id])}]" if a.id in f.weakened else "")
            + (
                "" if a in f.grounded_denials else " (no grounded basis: opposition of that weight)"
            ),
            [a.id],
        )
        for a in f.denials
        if a.id not in decided
    ]


@note("context")
def context(f: ClaimFacts, status: Status) -> list[Said]:
    """Context claims, with their status: `context_for` makes the claim more plausible,
    `context_against` less plausible; neither confirms nor refutes it. A confirmed
    context-for claim raises an unconfirmed claim's grade from 4 to 3; a confirmed
    context-against claim keeps it at 4.

    Example: the bank's announced loss and bond sales are context for "it sold on 9 April";
    the bank's published statement that it had finished selling in March would be context
    against it.
    """
    return [
        (
            f"context ({c.status or 'unknown'}): '{c.text}' makes it "
            f"{word} plausible but does not {verb} it",
            list(c.assertions),
        )
        for claims, word, verb in (
            (f.context, "more", "confirm"),
            (f.context_against, "less", "refute"),
        )
        for c in claims
    ]


@note("attribution", unless_decided=True)
def attribution(f: ClaimFacts, status: Status) -> list[Said]:
    """Supporting assertions that support nothing because their attribution is refuted
    (the actor did not say it), and fabrications admitted when other support remains.

    Example: a quote pinned on a minister that the full recording of the interview does
    not contain supports nothing.
    """
    said = [
        (
            (
                "not said (attribution refuted): "
                if _refuted(f, a)
                else "rests only on words not said: "
            )
            + f.assertion(a).describe(),
            [a],
        )
        for a in f.discredited
    ]
    if f.live_support or status != Status.retracted:  # else the deciding reason says it
        said += [
            (f"fabricated, admitted by {r.describe()}: {f.assertion(a).describe()}", [a, r.id])
            for a, r in sorted(f.fabricated.items())
        ]
    return said


def _refuted(f: ClaimFacts, a_id: str) -> bool:
    """Whether the attribution of `a_id` itself is refuted (not only what it relays)."""
    return f.attribution[a_id]["status"] == Attribution.refuted.value


@note("reach")
def reach(f: ClaimFacts, status: Status) -> list[Said]:
    """Reports without endorsement ("Fox reported that…"): reach, not support. For a
    claim about what someone said, a report is evidence of the attribution, and counts
    there (section 5) rather than here."""
    if not f.reach:
        return []
    what = "evidence of attribution, counted there" if f.said_by else "reach, not support"
    text = (
        f"reported without endorsement by {len(f.reach)}: "
        + listing(sorted({a.actor_name for a in f.reach}), ", ")
        + f" ({what})"
    )
    return [(text, [a.id for a in f.reach])]


# --- time (docs/rules.md, "Time"; provenance.engine.timing) ----------------------------


@note("set-aside")
def set_aside(f: ClaimFacts, status: Status) -> list[Said]:
    """Support that does not count for the claim because of when it was said or what
    period it speaks of: about another period than the claim's, or a prediction (said
    before the period it speaks of began). Predictions are named by `only-predicted`
    when they are all the support.

    Support that relays, cites or copies only such statements is set aside with them.

    Example: a report of a May sale is set aside for "sold in April".
    """
    out: list[Said] = []
    for s in f.set_aside:
        a = s.assertion
        if s.why == "period":
            what = f"about {dates.display(s.when)}"
        elif f.live_support or status != Status.unconfirmed:
            said = (s.source or a).said
            what = f"a prediction{f' on {dates.display(said)}' if said else ''}"
        else:
            continue
        if s.source is not None:  # not for what it says itself
            what = f"derives from {s.source.actor_name}'s statement, {what}"
        out.append((f"set aside, {what}: {a.describe()}", [a.id]))
    return out


@note("retracted", unless_decided=True)
def retracted(f: ClaimFacts, status: Status) -> list[Said]:
    """Retractions of the claim, when the deciding reason does not name them (it does
    when the claim is retracted): a claim whose author retracted it and that someone
    denies with authority is refuted by the denial, and the retraction is listed here.

    Example: a pseudonymous account apologises for its tweet that a stock exchange was
    flooded, and the exchange says on record that it was not: refuted, with the apology
    among the reasons.
    """
    if status == Status.retracted:
        return []
    admitted = {r.id for r in f.fabricated.values()}  # named by `attribution`
    return [(f"retracted: {r.describe()}", [r.id]) for r in f.retractions if r.id not in admitted]


@note("superseded")
def superseded(f: ClaimFacts, status: Status) -> list[Said]:
    """Statements superseded by a later first-hand or official statement of the opposite
    side, when the deciding reason does not already name them (it does when the claim is
    confirmed after a denial, or refuted or retracted after its support was denied)."""
    pairs = []
    if status != Status.confirmed:
        pairs += list(f.superseded_denials)
    if status not in (Status.refuted, Status.retracted):
        pairs += list(f.superseded_support)
    return [
        (
            f"superseded: {s.earlier.describe()}, by a later statement: {s.later.describe()}",
            [s.earlier.id, s.later.id],
        )
        for s in pairs
    ]


#: The further reasons, in the order a verdict lists them.
NOTES: tuple[Note, ...] = (
    origins,
    relays,
    conditional,
    doubted,
    denied,
    attribution,
    retracted,
    context,
    reach,
    set_aside,
    superseded,
)
