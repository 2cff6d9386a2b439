"""Provenance diagrams as DOT: one story per picture, at report size.

`diagram_dot(doc, term, options, generated)` is a pure function returning DOT text (the
Python `graphviz` package writes it): no clock, no environment; the date printed in the
title is an argument (`provenance.render.output.generation_date` decides it for the
CLI). Laying it out is `provenance.render.layout`; the accessible SVG wrapper is
`provenance.render.svg`; writing the file is the CLI's job. The same case gives
byte-identical DOT whatever the order of the case file.

What the picture shows (see `provenance.render.story`): the claim asked about, largest,
at the right-hand end with its status in words, symbol and colour; the chains that
bear on it left to right in time (origin → relays → claim), doubts, denials and
retractions in their own lane, context claims small and grey, and a legend of only the
marks used. `--all` (term None) draws the map of the case's claims instead
(`provenance.render.overview`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.errors import ProvenanceError
from provenance.render import labels, styles
from provenance.render.legend import legend_lines
from provenance.render.options import DETAILS, DIRECTIONS, MAX_WIDTH_PT, RenderOptions
from provenance.render.story import SUBJECT_KEY, Link, Node, Story, build_story
from provenance.views.index import CaseIndex
from provenance.views.spread import headline

if TYPE_CHECKING:
    from graphviz import Digraph

    from provenance.records import Document

#: Characters per label line by the number of columns, so the picture fits 750 pt.
LINE_CHARS = {1: 30, 2: 28, 3: 24, 4: 19, 5: 15}
LANE_TITLE = {
    "context": "Context",
    "support": "Said for it, and how it spread",
    "opposing": "Doubts, denials, retractions",
}


def review_date(doc: Document) -> str | None:
    """Return the case's review date, if it has one."""
    return (doc["case"].get("review") or {}).get("date")


def check_options(options: RenderOptions) -> None:
    """Raise ProvenanceError for a direction or detail level that does not exist."""
    if options.direction not in DIRECTIONS:
        raise ProvenanceError(f"unknown direction '{options.direction}': use LR or TB")
    if options.detail not in DETAILS:
        raise ProvenanceError(f"unknown detail '{options.detail}': use report or full")


def diagram_dot(
    doc: Document,
    term: str | None,
    options: RenderOptions | None = None,
    generated: str | None = None,
) -> str:
    """Return the DOT source of the diagram of `term` (the map of every claim if None),
    dated `generated` in its title (None: the case's review date, else no date)."""
    options = options or RenderOptions()
    check_options(options)
    ix = CaseIndex(doc)
    when = generated or review_date(doc)
    if term is None:
        from provenance.render.overview import overview_dot

        return overview_dot(doc, ix, options, when)
    story = build_story(doc, term, options, ix)
    return story_dot(doc, ix, story, options, when)


def columns(story: Story) -> int:
    """Return how many boxes the longest chain puts side by side, the claim included."""
    depth: dict[str, int] = {}
    incoming: dict[str, list[str]] = {}
    for link in story.links:
        incoming.setdefault(link.head, []).append(link.tail)

    def walk(key: str, seen: frozenset[str]) -> int:
        if key not in depth:
            tails = [t for t in incoming.get(key, []) if t not in seen]
            depth[key] = 1 + max((walk(t, seen | {key}) for t in tails), default=0)
        return depth[key]

    return walk(SUBJECT_KEY, frozenset())


def new_graph(caption: str, tooltip: str, direction: str) -> Digraph:
    """Return an empty diagram with the house style: caption on top, ≥ 12 pt text, at
    most MAX_WIDTH_PT wide (Graphviz scales a larger layout down)."""
    import graphviz

    return graphviz.Digraph(
        "provenance",
        graph_attr={
            "rankdir": direction,
            "label": caption,
            "labelloc": "t",
            "labeljust": "l",
            "fontname": styles.FONT,
            "fontsize": str(styles.TITLE_PT),
            "nodesep": "0.18",
            "ranksep": "0.22",
            "newrank": "true",
            "forcelabels": "true",
            "size": f"{MAX_WIDTH_PT / 72:.2f},1000",
            "pad": "0.1",
            "tooltip": tooltip,
        },
        node_attr={
            "fontname": styles.FONT,
            "fontsize": str(styles.TEXT_PT),
            "margin": "0.08,0.04",
        },
        edge_attr={"fontname": styles.FONT, "fontsize": str(styles.TEXT_PT), "arrowsize": "0.8"},
    )


def record_id(prefix: str, record: str) -> str:
    """Return an SVG id for a record, escaped (ids come from the case file)."""
    return labels.attr(f"{prefix}-{record}")


def story_dot(
    doc: Document, ix: CaseIndex, story: Story, options: RenderOptions, generated: str | None
) -> str:
    """Return the DOT of one story."""
    width = LINE_CHARS.get(columns(story), 15)
    claim_text = ix.claims[story.subject]["text"]
    notes = list(story.collapsed)
    if story.also:
        notes.append(f"the term also names {', '.join(story.also)}: draw each by its KIND:ID")
    if story.pruned:
        notes.append(story.pruned)
    if story.subject in ix.spread:
        notes.append("↻ spread: " + headline(ix.spread[story.subject]))
    title = doc["case"].get("title", "Untitled case")
    caption = labels.caption(claim_text, title, generated, notes, 70)
    g = new_graph(caption, labels.attr(f"{title}: {claim_text}"), options.direction)
    names = {node.key: f"n{i}" for i, node in enumerate(story.nodes)}
    for lane in ("context", "support", "opposing"):
        members = [n for n in story.nodes if n.lane == lane]
        if not members:
            continue
        with g.subgraph(name=f"cluster_{lane}") as frame:
            frame.attr(
                label=labels.dot_text([LANE_TITLE[lane]]),
                labeljust="l",
                style="rounded",
                color="#CCCCCC",
                fontcolor="#444444",
                fontsize=str(styles.TEXT_PT),
                id=f"lane-{lane}",
            )
            for node in members:
                _node(frame, ix, story, node, names[node.key], width, options.ids)
            if lane == "opposing":
                _two_columns(frame, [names[n.key] for n in members])
    with g.subgraph() as last:
        last.attr(rank="max")
        _node(last, ix, story, story.node(SUBJECT_KEY), names[SUBJECT_KEY], 20, options.ids)
        last.node(
            "legend",
            label=labels.dot_text(_wrapped_legend(legend_lines(ix, story)), align="l"),
            shape="box",
            style="rounded",
            color="#BBBBBB",
            fontcolor="#333333",
            id="legend",
        )
        last.edge(names[SUBJECT_KEY], "legend", style="invis")
    for link in story.links:
        _link(g, ix, link, names)
    return str(g.source)


def _two_columns(g: Digraph, names: list[str]) -> None:
    """Lay a lane of boxes that all point at the claim out in two columns, not one tall
    one: each even box sits one column left of the next (an invisible edge)."""
    for left, right in zip(names[0::2], names[1::2], strict=False):
        g.edge(left, right, style="invis")


def _wrapped_legend(lines: list[str]) -> list[str]:
    """Return the legend's lines wrapped to the subject's width, continuations indented."""
    out = [lines[0]]
    for line in lines[1:]:
        parts = labels.wrap(line, 25)
        out += [parts[0], *("   " + p for p in parts[1:])]
    return out


def _node(
    g: Digraph, ix: CaseIndex, story: Story, node: Node, name: str, width: int, ids: bool
) -> None:
    """Add one box: the subject, a context claim, or a statement (group)."""
    if node.kind == "subject":
        status = ix.verdicts[node.claim]["status"]
        g.node(
            name,
            label=labels.subject_label(ix, node.claim, width, ids),
            id=record_id("claim", node.claim),
            shape="box",
            style="filled,bold",
            penwidth="3",
            fillcolor=styles.status_fill(status),
            color=styles.status_colour(status),
            fontsize=str(styles.SUBJECT_PT),
            margin="0.15,0.1",
            tooltip=labels.claim_tooltip(ix, node.claim),
        )
        return
    if node.kind == "context":
        g.node(
            name,
            label=labels.context_label(ix, node.claim, width, ids),
            id=record_id("context", node.claim),
            shape="box",
            style="filled,rounded",
            fillcolor=styles.CONTEXT_FILL,
            color=styles.GREY,
            fontcolor="#444444",
            tooltip=labels.claim_tooltip(ix, node.claim),
        )
        return
    actor = ix.actors.get(ix.assertions[node.assertions[0]]["actor"])
    g.node(
        name,
        label=labels.statement_label(ix, node, story.subject, width, ids),
        id=record_id({"statement": "assertion"}.get(node.kind, node.kind), node.assertions[0]),
        shape="box",
        style=styles.actor_frame(actor["kind"] if actor else ""),
        color=styles.GREY if node.lane == "context" else styles.STATEMENT_FRAME,
        fontcolor="#444444" if node.lane == "context" else "#000000",
        tooltip=labels.statement_tooltip(ix, node),
    )


def _short(key: str) -> str:
    """Return the record id in a node key ("s-a1" → "a1"; the subject → "claim")."""
    return "claim" if key == SUBJECT_KEY else key[2:]


def _link(g: Digraph, ix: CaseIndex, link: Link, names: dict[str, str]) -> None:
    """Add one arrow, styled by what it is and how well the statement is attributed."""
    tail, head = names[link.tail], names[link.head]
    edge_id = labels.attr(f"{link.kind}-{_short(link.tail)}-{_short(link.head)}")
    if link.kind == "context":
        g.edge(
            tail,
            head,
            id=edge_id,
            color=styles.GREY,
            arrowhead="normal",
            xlabel=labels.dot_text(["context"]),
            fontcolor=styles.GREY,
            tooltip=labels.attr("context: makes the claim more plausible, does not confirm it"),
        )
        return
    assert link.assertion is not None
    level = ix.results[link.assertion]["attribution"]["status"]
    line = styles.attribution_line(level)
    if link.kind == "relay":
        look = {"color": styles.RELAY_COLOUR, "arrowhead": "vee", "penwidth": "1.5"}
        said = "relayed"
    else:
        arrow = styles.stance_arrow(ix.assertions[link.assertion]["stance"])
        look = {"color": arrow.color, "arrowhead": arrow.arrowhead, "penwidth": arrow.penwidth}
        said = labels.stance_word(ix.assertions[link.assertion]["stance"])
    g.edge(
        tail,
        head,
        id=edge_id,
        style=line.style,
        xlabel=labels.edge_label(link.flags),
        fontcolor=look["color"],
        tooltip=labels.attr(
            f"{said}; said: {line.word} ({labels.attribution_word(level)})"
            + "".join(f"; ⚠ {styles.flag_word(f)}" for f in link.flags)
        ),
        **look,
    )
