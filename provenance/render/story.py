"""One story per picture: the statements that bear on a subject claim, sorted into
lanes (support, doubts and denials, context), their relay chains back to where they
started, and parallel reports collapsed. Pure: analysed document in, a `Story` out; the
DOT is `provenance.render.dot`'s job.

Lanes: **support** holds what the engine counts for the claim (support, conditional
support, reports) and the chains they relay; **opposing** holds doubts, denials and
retractions; **context** holds the claims recorded as context for it and what was said
about them. With `detail="report"`, several texts reporting one remark (same actor,
source, claim and stance) become one node, and three or more parallel relays of one
statement become one "+N relays" node; `detail="full"` draws every statement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from provenance import dates
from provenance.render.options import COLLAPSE_FROM, RenderOptions
from provenance.render.subject import choose_subject
from provenance.views.index import CaseIndex
from provenance.vocab import OPPOSING

if TYPE_CHECKING:
    from provenance.records import Document

LANES = ("support", "opposing", "context")


@dataclass(frozen=True)
class Node:
    """A box in the picture: one statement, a group of texts reporting one remark
    (`group`), parallel relays collapsed (`relays`), the subject or a context claim."""

    key: str
    kind: str
    lane: str
    assertions: tuple[str, ...] = ()
    claim: str = ""
    origin: bool = False


@dataclass(frozen=True)
class Link:
    """An arrow: `relay` (head relays tail), `about` (a statement bears on a claim) or
    `context` (a context claim for the subject). `assertion` is the tail statement
    whose attribution the line shows; `flags` are the flags raised at this step."""

    tail: str
    head: str
    kind: str
    assertion: str | None = None
    flags: tuple[str, ...] = ()


@dataclass
class Story:
    """What one picture shows: its subject claim, boxes, arrows, and what it left out."""

    subject: str
    nodes: list[Node] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    collapsed: list[str] = field(default_factory=list)
    also: tuple[str, ...] = ()
    pruned: str | None = None

    def node(self, key: str) -> Node:
        """Return the node called `key`."""
        return next(n for n in self.nodes if n.key == key)


SUBJECT_KEY = "subject"


def build_story(
    doc: Document, term: str, options: RenderOptions, ix: CaseIndex | None = None
) -> Story:
    """Return the story of the claim `term` names (see provenance.render.subject)."""
    ix = ix or CaseIndex(doc)
    subject = choose_subject(doc, term, ix)
    lanes = _lanes(ix, subject.claim, options.depth)
    story = Story(subject.claim, also=subject.also)
    if len(lanes) > options.max_assertions:
        lanes, story.pruned = _prune(ix, lanes, options.max_assertions)
    owner = _group(ix, lanes, options.detail == "report", story)
    _add_nodes(ix, story, lanes, owner)
    _add_links(ix, story, lanes, owner)
    return story


def _lanes(ix: CaseIndex, claim: str, depth: int | None) -> dict[str, str]:
    """Return each assertion in the picture with its lane."""
    verdict = ix.verdicts[claim]
    about = ix.about(claim)
    opposing = {*verdict["opposition"], *verdict["withdrawn"]}
    opposing |= {a for a in about if ix.assertions[a]["stance"] in OPPOSING}
    support = {*verdict["support"], *verdict["conditional"], *verdict["reach"], *about}
    context = {a for c in ix.context_of(claim) for a in ix.about(c)}
    lanes: dict[str, str] = {}
    for lane, seeds in (
        ("support", support - opposing),
        ("opposing", opposing),
        ("context", context),
    ):
        for a in sorted(_with_chains(ix, seeds, depth)):
            lanes.setdefault(a, lane)
    return lanes


def _with_chains(ix: CaseIndex, seeds: Iterable[str], depth: int | None) -> set[str]:
    """Return `seeds` and the statements they relay, up to `depth` hops back."""
    chosen = set(seeds)
    frontier = set(chosen)
    hops = 0
    while frontier and (depth is None or hops < depth):
        frontier = {u for a in frontier for u in ix.results[a]["upstream"]} - chosen
        chosen |= frontier
        hops += 1
    return chosen


def _prune(ix: CaseIndex, lanes: dict[str, str], limit: int) -> tuple[dict[str, str], str]:
    """Keep the `limit` most relevant statements: origins, then opposition, then the
    earliest; return them and the sentence saying so."""
    origins = {o["assertion"] for v in ix.verdicts.values() for o in v["origins"]}

    def rank(a_id: str) -> tuple[int, tuple[dt.datetime, int], str]:
        tier = 0 if a_id in origins else 1 if lanes[a_id] == "opposing" else 2
        return tier, date_key(ix, a_id), a_id

    kept = sorted(lanes, key=rank)[:limit]
    note = (
        f"showing {limit} of {len(lanes)} statements: origins, then opposition, then the earliest"
    )
    return {a: lanes[a] for a in kept}, note


def date_key(ix: CaseIndex, a_id: str) -> tuple[dt.datetime, int]:
    """Return a sort key placing dated statements in time order, undated last."""
    try:
        return dates.sort_key(ix.said(a_id))
    except ValueError:
        return dates.sort_key(None)


def _group(ix: CaseIndex, lanes: dict[str, str], collapse: bool, story: Story) -> dict[str, str]:
    """Return each assertion's node key, collapsing parallel reports when `collapse`."""
    owner = {a: f"s-{a}" for a in lanes}
    if not collapse:
        return owner
    remarks: dict[tuple[str, ...], list[str]] = {}
    for a in sorted(lanes):
        r = ix.assertions[a]
        remarks.setdefault((lanes[a], r["actor"], r["source"], r["claim"], r["stance"]), []).append(
            a
        )
    for members in remarks.values():
        if len(members) > 1:
            for a in members:
                owner[a] = f"g-{members[0]}"
            story.collapsed.append(
                f"{len(members)} texts reporting one remark by "
                f"{ix.actor_name(ix.assertions[members[0]]['actor'])} drawn as one"
            )
    _collapse_relays(ix, lanes, owner, story)
    return owner


def _collapse_relays(
    ix: CaseIndex, lanes: dict[str, str], owner: dict[str, str], story: Story
) -> None:
    """Collapse COLLAPSE_FROM or more parallel dead-end relays of one node into one."""
    downstream = {u for a in lanes for u in ix.results[a]["upstream"] if u in lanes}
    parallel: dict[tuple[str, str, str], list[str]] = {}
    for a in sorted(lanes):
        ups = {owner[u] for u in ix.results[a]["upstream"] if u in lanes}
        if len(ups) == 1 and a not in downstream and owner[a].startswith("s-"):
            key = (ups.pop(), lanes[a], ix.assertions[a]["claim"])
            parallel.setdefault(key, []).append(a)
    for (_, _, _), members in sorted(parallel.items()):
        if len(members) >= COLLAPSE_FROM:
            for a in members:
                owner[a] = f"r-{members[0]}"
            story.collapsed.append(f"{len(members)} parallel relays drawn as one")


def _add_nodes(ix: CaseIndex, story: Story, lanes: dict[str, str], owner: dict[str, str]) -> None:
    """Add the subject, the context claims and a node per statement or group."""
    origins = {o["assertion"] for o in ix.verdicts[story.subject]["origins"]}
    story.nodes.append(Node(SUBJECT_KEY, "subject", "subject", claim=story.subject))
    for claim in ix.context_of(story.subject):
        story.nodes.append(Node(f"c-{claim}", "context", "context", claim=claim))
    members: dict[str, list[str]] = {}
    for a in sorted(lanes, key=lambda a: (LANES.index(lanes[a]), date_key(ix, a), a)):
        members.setdefault(owner[a], []).append(a)
    for key, ids in members.items():
        kind = {"s": "statement", "g": "group", "r": "relays"}[key[0]]
        first = ix.assertions[ids[0]]
        story.nodes.append(
            Node(
                key,
                kind,
                lanes[ids[0]],
                tuple(ids),
                first["claim"],
                origin=any(a in origins for a in ids),
            )
        )


def _add_links(ix: CaseIndex, story: Story, lanes: dict[str, str], owner: dict[str, str]) -> None:
    """Add relay arrows between statements, arrows to the claims, and context arrows."""
    seen: set[tuple[str, str]] = set()
    has_out: set[str] = set()
    for a in sorted(lanes):
        for u in ix.results[a]["upstream"]:
            tail, head = owner.get(u), owner[a]
            if tail is None or tail == head or (tail, head) in seen:
                continue
            seen.add((tail, head))
            has_out.add(tail)
            raised = tuple(sorted({f["kind"] for f in ix.results[a]["flags"]}))
            story.links.append(Link(tail, head, "relay", u, raised))
    relayed_in = {head for _, head in seen}
    context_claims = set(ix.context_of(story.subject))
    for node in story.nodes:
        if node.kind in ("subject", "context"):
            continue
        if node.claim in context_claims:
            if node.key in has_out:
                continue
            target = f"c-{node.claim}"
        elif node.claim == story.subject or node.key not in has_out:
            target = SUBJECT_KEY
        else:
            continue
        flags: set[str] = set()
        if node.key not in relayed_in:
            flags = {f["kind"] for a in node.assertions for f in ix.results[a]["flags"]}
        story.links.append(
            Link(node.key, target, "about", node.assertions[0], tuple(sorted(flags)))
        )
    for claim in sorted(context_claims):
        story.links.append(Link(f"c-{claim}", SUBJECT_KEY, "context"))
