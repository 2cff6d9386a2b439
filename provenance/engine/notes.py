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
from provenance.vocab import Status

Said = tuple[str, list[str]]  # a reason's text and the assertions it names
Write = Callable[[ClaimFacts, Status], list[Said]]


@dataclass(frozen=True, slots=True)
class Note:
    """A named kind of further reason. Its reasons come before the deciding rule's
    reason when the status is one of `leads`, after it otherwise."""

    name: str
    write: Write
    leads: tuple[Status, ...] = ()

    @property
    def doc(self) -> str:
        """The note's docstring, dedented: its text on the rules page."""
        return inspect.cleandoc(self.write.__doc__ or "")


def note(name: str, leads: tuple[Status, ...] = ()) -> Callable[[Write], Note]:
    """Declare a note function under the reason name verdicts give it."""
    return lambda write: Note(name, write, leads)


@note("origins", leads=(Status.unconfirmed, Status.corroborated))
def origins(f: ClaimFacts, status: Status) -> list[Said]:
    """Who the support comes from: each independent origin, or "single origin".

    When the claim is unconfirmed or corroborated, who the support comes from is what
    decided it, so this reason comes first. A circle of sources citing each other is
    named as one origin.
    """
    if not f.origins:
        return []
    by_group: dict[str, list[Origin]] = defaultdict(list)
    for o in f.origins:
        by_group[o["group"]].append(o)
    groups = sorted(by_group)
    parts = []
    for group in groups[:LIST_AT_MOST]:
        members = [f.origin_assertions[o["assertion"]] for o in by_group[group]]
        if group.startswith("circle:"):
            names = sorted({a.actor_name for a in members})
            parts.append("a circle of sources citing each other (" + listing(names, ", ") + ")")
        else:
            parts.append(members[0].describe(with_quote=False))
    if len(groups) > LIST_AT_MOST:
        parts.append(f"and {len(groups) - LIST_AT_MOST} more")
    label = "single origin" if len(groups) == 1 else f"{len(groups)} independent origins"
    # parts are capped above
    return [(f"{label}: " + "; ".join(parts), [o["assertion"] for o in f.origins])]


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
    return [("denied by " + a.describe(), [a.id]) for a in f.denials if a.id not in decided]


@note("context")
def context(f: ClaimFacts, status: Status) -> list[Said]:
    """Context claims (`context_for`), with their status: they make the claim more
    plausible but never confirm it. A confirmed context claim raises an unconfirmed
    claim's grade from 4 to 3.

    Example: the bank's announced loss and bond sales are context for "it sold on 9 April".
    """
    return [
        (
            f"context ({c.status or 'unknown'}): '{c.text}' makes it "
            "more plausible but does not confirm it",
            list(c.assertions),
        )
        for c in f.context
    ]


@note("reach")
def reach(f: ClaimFacts, status: Status) -> list[Said]:
    """Reports without endorsement ("Fox reported that…"): reach, not support."""
    if not f.reach:
        return []
    text = (
        f"reported without endorsement by {len(f.reach)}: "
        + listing(sorted({a.actor_name for a in f.reach}), ", ")
        + " (reach, not support)"
    )
    return [(text, [a.id for a in f.reach])]


# --- time (docs/rules.md, "Time"; provenance.engine.timing) ----------------------------


@note("set-aside")
def set_aside(f: ClaimFacts, status: Status) -> list[Said]:
    """Support that does not count for the claim because of when it was said or what
    period it speaks of: about another period than the claim's, or a prediction (said
    before the period it speaks of began). Predictions are named by `only-predicted`
    when they are all the support.

    Example: a report of a May sale is set aside for "sold in April".
    """
    out: list[Said] = []
    for s in f.set_aside:
        a = s.assertion
        if s.why == "period":
            text = f"set aside, about {dates.display(s.when)}: {a.describe()}"
        elif f.live_support or status != Status.unconfirmed:
            said = f" on {dates.display(a.said)}" if a.said else ""
            text = f"set aside, a prediction{said}: {a.describe()}"
        else:
            continue
        out.append((text, [a.id]))
    return out


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
    context,
    reach,
    set_aside,
    superseded,
)
