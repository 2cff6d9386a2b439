"""What a picture says, in words: its title and a description with the verdict and a
one-sentence summary of the chain, for the SVG's <title> and <desc> (screen readers)
and for the report. Pure.

The sentence reads the story: who started it (the chains' first statements, by date),
who relayed it, how many statements doubt or deny it, how much context is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from provenance.render.labels import safe_date, words
from provenance.render.options import RenderOptions
from provenance.render.story import Story, build_story
from provenance.views.index import CaseIndex
from provenance.vocab import GRADE_MEANING

if TYPE_CHECKING:
    from provenance.records import Document


class Summary(NamedTuple):
    """A picture's title and description."""

    title: str
    desc: str


def verdict_words(ix: CaseIndex, claim_id: str) -> str:
    """Return a verdict in words: "unconfirmed, credibility 3 (possibly true)"."""
    verdict = ix.verdicts[claim_id]
    meaning = GRADE_MEANING.get(verdict["grade"], "")
    return f"{verdict['status']}, credibility {verdict['grade']} ({meaning})"


def _names(ix: CaseIndex, story: Story, keys: list[str]) -> list[str]:
    out: list[str] = []
    for key in keys:
        node = story.node(key)
        first = ix.assertions[node.assertions[0]]
        name = ix.actor_name(first["actor"]) or first["actor"]
        text = f"{name} ({safe_date(ix.said(node.assertions[0]))})"
        if text not in out:
            out.append(text)
    return out


def chain_sentence(ix: CaseIndex, story: Story) -> str:
    """Return one sentence summarising the story's chains."""
    support = [n.key for n in story.nodes if n.lane == "support"]
    relayed = {link.head for link in story.links if link.kind == "relay"}
    starts = [k for k in support if k not in relayed]
    hops = _hops(story, starts)
    relays = sorted((k for k in support if k in relayed), key=lambda k: hops.get(k, 99))
    against = sum(len(n.assertions) for n in story.nodes if n.lane == "opposing")
    context = sum(1 for n in story.nodes if n.kind == "context")
    if starts:
        text = f"It starts with {_join(_names(ix, story, starts))}"
        if relays:
            text += f" and reaches the claim through {_join(_names(ix, story, relays))}"
    else:
        text = "Nobody is recorded saying it"
    text += f"; {against} statement{'s' if against != 1 else ''} doubt, deny or retract it"
    if context:
        text += f"; {context} context claim{'s are' if context != 1 else ' is'} shown"
    return text + "."


def _hops(story: Story, starts: list[str]) -> dict[str, int]:
    """Return each node's relay hops from the nearest start (breadth first)."""
    hops = dict.fromkeys(starts, 0)
    frontier = list(starts)
    while frontier:
        key = frontier.pop(0)
        for link in story.links:
            if link.kind == "relay" and link.tail == key and link.head not in hops:
                hops[link.head] = hops[key] + 1
                frontier.append(link.head)
    return hops


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def summary(doc: Document, term: str | None, options: RenderOptions | None = None) -> Summary:
    """Return the title and description of the diagram of `term` (None: the case map)."""
    ix = CaseIndex(doc)
    title = doc["case"].get("title", "Untitled case")
    if term is None:
        counts: dict[str, int] = {}
        for verdict in ix.verdicts.values():
            counts[verdict["status"]] = counts.get(verdict["status"], 0) + 1
        tally = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        return Summary(
            f"Map of the claims of the case “{title}”",
            f"{len(ix.claims)} claims ({tally}) and how they relate.",
        )
    story = build_story(doc, term, options or RenderOptions(), ix)
    text = ix.claims[story.subject]["text"]
    return Summary(
        f"Provenance of the claim “{words(text, 20)}”: {ix.verdicts[story.subject]['status']}",
        f"Verdict: {verdict_words(ix, story.subject)}. {chain_sentence(ix, story)}",
    )
