"""The map of a whole case (`prov render --all`): one small box per claim with its status
in words, symbol and colour, and how the claims relate: more specific than, contradicts,
context for, and relayed into (a statement about one claim relays one about another).
Pure, like `provenance.render.dot`; the stories of single claims are drawn there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.render import labels, styles
from provenance.render.options import RenderOptions
from provenance.views.index import CaseIndex

if TYPE_CHECKING:
    from graphviz import Digraph

    from provenance.records import Document

RELATIONS = (
    ("more specific than", "more_specific_than", styles.SUPPORT_COLOUR, "solid", "empty"),
    ("contradicts", "contradicts", styles.OPPOSING_COLOUR, "bold", "tee"),
    ("context for", "context_for", styles.GREY, "solid", "normal"),
)


def overview_dot(
    doc: Document, ix: CaseIndex, options: RenderOptions, generated: str | None
) -> str:
    """Return the DOT of the map of every claim in the case."""
    from provenance.render.dot import new_graph

    title = doc["case"].get("title", "Untitled case")
    when = f" · as of {labels.safe_date(generated)}" if generated else ""
    caption = labels.dot_text(
        [*labels.wrap(f"{labels.words(title, 14)}", 80), f"every claim{when} · drawn by prov"],
        align="l",
    )
    g = new_graph(caption, labels.attr(title), options.direction)
    names = {c: f"n{i}" for i, c in enumerate(sorted(ix.claims))}
    for claim_id, name in names.items():
        _claim_box(g, ix, claim_id, name, options.ids)
    used = _relations(g, ix, names)
    lines = ["How to read it", "claim boxes: status in words, symbol and colour"]
    lines += [MEANING[word] for word in MEANING if word in used]
    g.node(
        "legend",
        label=labels.dot_text(lines, align="l"),
        shape="box",
        style="rounded",
        color="#BBBBBB",
        fontcolor="#333333",
        id="legend",
    )
    return str(g.source)


def _claim_box(g: Digraph, ix: CaseIndex, claim_id: str, name: str, ids: bool) -> None:
    """Add one claim: its status in words and symbol, its first words, filled by status."""
    from provenance.render.dot import record_id

    status = ix.verdicts[claim_id]["status"]
    lines = [labels.status_line(status)]
    lines += labels.wrap(labels.words(ix.claims[claim_id]["text"], 10), 24)
    if ids:
        lines.append(f"[{claim_id}]")
    g.node(
        name,
        label=labels.dot_text(lines),
        id=record_id("claim", claim_id),
        shape="box",
        style="filled",
        fillcolor=styles.status_fill(status),
        color=styles.status_colour(status),
        penwidth="2",
        tooltip=labels.claim_tooltip(ix, claim_id),
    )


def _relations(g: Digraph, ix: CaseIndex, names: dict[str, str]) -> set[str]:
    """Add the arrows between claims; return the kinds drawn."""
    used = set()
    for claim_id, name in names.items():
        record = ix.claims[claim_id]
        related = (record["more_specific_than"], record["contradicts"], record["context_for"])
        for (word, _, colour, style, arrowhead), others in zip(RELATIONS, related, strict=True):
            for other in (o for o in others if o in names):
                used.add(word)
                g.edge(
                    name,
                    names[other],
                    id=labels.attr(f"{word.replace(' ', '-')}-{claim_id}-{other}"),
                    color=colour,
                    style=style,
                    arrowhead=arrowhead,
                    tooltip=labels.attr(word),
                )
    for source, target in sorted(_relayed_into(ix)):
        used.add("relayed into")
        g.edge(
            names[source],
            names[target],
            id=labels.attr(f"relayed-into-{source}-{target}"),
            color=styles.RELAY_COLOUR,
            arrowhead="vee",
            style="dashed",
            tooltip=labels.attr("a statement about one relays a statement about the other"),
        )
    return used


MEANING = {
    "more specific than": "open arrow: more specific than",
    "contradicts": "vermillion bar: contradicts",
    "context for": "grey arrow: context for",
    "relayed into": "blue dashed: a statement on one relays one on the other",
}


def _relayed_into(ix: CaseIndex) -> set[tuple[str, str]]:
    """Return (from, to) claim pairs where a statement about `to` relays one about `from`."""
    pairs = set()
    for a_id, result in ix.results.items():
        to = ix.assertions[a_id]["claim"]
        for up in result["upstream"]:
            source = ix.assertions[up]["claim"]
            if source != to and source in ix.claims and to in ix.claims:
                pairs.add((source, to))
    return pairs
