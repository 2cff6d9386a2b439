"""Provenance diagrams: the DOT of what a term names, built from the analysed case.

`diagram_dot(doc, term, options, generated)` is a pure function returning DOT text (the
Python `graphviz` package writes it): no clock, no environment; the date printed in the
title is an argument (`provenance.render.output.generation_date` decides it for the
CLI). Laying it out is `provenance.render.layout`; writing the file is the CLI's job.
The same case gives byte-identical DOT whatever the order of the case file: every node
and edge is emitted in id order.

What the picture shows: actors (shape by kind) → assertion boxes (stance, date, quote,
flags) → claims (coloured by status, with the Admiralty grade); assertion boxes link to
the source they were said in and where we read them; relays and citations are drawn so
the chain back to the origin reads left to right along a time axis.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from provenance import dates
from provenance.errors import ProvenanceError
from provenance.records import ClaimRecord, Document
from provenance.render import labels, styles
from provenance.render.labels import attr, node_name, text_label
from provenance.render.legend import add_legend
from provenance.render.options import DIRECTIONS, RenderOptions
from provenance.render.select import Selection, index, select
from provenance.views.index import CaseIndex

if TYPE_CHECKING:
    from graphviz import Digraph


def review_date(doc: Document) -> str | None:
    """Return the case's review date, if it has one."""
    return (doc["case"].get("review") or {}).get("date")


def diagram_dot(
    doc: Document,
    term: str | None,
    options: RenderOptions | None = None,
    generated: str | None = None,
) -> str:
    """Return the DOT source of the provenance diagram of `term` (everything if None),
    dated `generated` in its title (None: the case's review date, else no date)."""
    import graphviz

    options = options or RenderOptions()
    if options.direction not in DIRECTIONS:
        raise ProvenanceError(f"unknown direction '{options.direction}': use LR or TB")
    ix = index(doc)
    chosen = select(doc, term, options)
    title = doc["case"].get("title", "Untitled case")
    subject = f"'{term}'" if term else "the whole case"
    g = graphviz.Digraph(
        "provenance",
        graph_attr={
            "rankdir": options.direction,
            "label": labels.caption(title, term, generated or review_date(doc), chosen.pruned),
            "labelloc": "t",
            "fontname": styles.FONT,
            "fontsize": "16",
            "nodesep": "0.25",
            "ranksep": "0.6",
            "newrank": "true",
            "compound": "true",
            "tooltip": attr(f"{title}: {subject}"),
        },
        node_attr={"fontname": styles.FONT, "fontsize": "10", "margin": "0.1,0.05"},
        edge_attr={"fontname": styles.FONT, "fontsize": "8", "arrowsize": "0.7"},
    )
    assertions = sorted(chosen.assertions)
    claims = sorted(chosen.claims)
    _source_frames(g, ix, assertions)
    _said_in_edges(g, ix, assertions)
    _time_axis(g, ix, assertions)
    _actors(g, ix, assertions)
    _claims(g, ix, claims)
    _statement_edges(g, ix, assertions)
    _relay_edges(g, ix, assertions, chosen)
    _claim_relations(g, ix, claims)
    add_legend(g, [node_name("claim", c) for c in claims])
    return str(g.source)


def _evidence(ix: CaseIndex, a_id: str) -> str:
    """Return the source we read a statement in: its frame."""
    record = ix.assertions[a_id]
    return str(record.get("read_in") or record["source"])


def _source_frames(g: Digraph, ix: CaseIndex, assertions: list[str]) -> None:
    """Add a frame per source we read statements in, holding those statements and the
    sources the text tells us about (a broadcast, a post), each shaped by its kind."""
    for source_id in sorted({_evidence(ix, a) for a in assertions}):
        source = ix.sources[source_id]
        url = labels.safe_url(source.get("url"))
        inside = [a for a in assertions if _evidence(ix, a) == source_id]
        with g.subgraph(name=f"cluster_{source_id}") as frame:
            frame.attr(
                label=labels.source_caption(source),
                id=f"source-{source_id}",
                style="rounded,dashed",
                color="#888888",
                fontsize="10",
                fontcolor="#333333",
                labeljust="l",
                tooltip=attr(source["title"] + (f" <{url}>" if url else "")),
            )
            if url:
                frame.attr(URL=attr(url), target="_blank")
            for a in inside:
                _statement(frame, ix, a)
            described = sorted({ix.assertions[a]["source"] for a in inside} - {source_id})
            for said_in in described:
                frame.node(
                    node_name("source", f"{source_id}--{said_in}"),
                    label=labels.said_in_label(ix.sources[said_in]),
                    id=f"source-{source_id}--{said_in}",
                    shape=styles.source_shape(ix.sources[said_in]["kind"]),
                    color=styles.SAID_IN_COLOUR,
                    fontcolor="#333333",
                    fontsize="9",
                    tooltip=attr(ix.sources[said_in]["title"]),
                )


def _statement(frame: Digraph, ix: CaseIndex, a_id: str) -> None:
    """Add one statement box; a flagged one gets a heavier orange frame."""
    flagged = bool(ix.results[a_id]["flags"])
    frame.node(
        node_name("assertion", a_id),
        label=labels.assertion_label(ix, a_id),
        id=f"assertion-{a_id}",
        shape="box",
        style="rounded",
        penwidth="2" if flagged else "1",
        color=styles.FLAGGED_COLOUR if flagged else styles.STATEMENT_COLOUR,
        tooltip=labels.assertion_tooltip(ix, a_id),
    )


def _said_in_edges(g: Digraph, ix: CaseIndex, assertions: list[str]) -> None:
    """Link each second-hand statement to the source it was said in."""
    for a in assertions:
        record = ix.assertions[a]
        if record["source"] != _evidence(ix, a):
            g.edge(
                node_name("source", f"{_evidence(ix, a)}--{record['source']}"),
                node_name("assertion", a),
                id=f"said-in-{a}",
                style="dotted",
                color=styles.SAID_IN_COLOUR,
                arrowhead="none",
            )


def _time_axis(g: Digraph, ix: CaseIndex, assertions: list[str]) -> None:
    """Add one rank per date, chained in order, with each statement on its date. Dates
    sit where their interval starts, coarser first ("Apr 2025" before 1 April)."""
    keys: list[str | None] = sorted(
        {ix.assertions[a].get("date") for a in assertions}, key=dates.sort_key
    )
    for key in keys:
        label = dates.display(key)
        g.node(
            node_name("date", label),
            label=text_label([label]),
            shape="plaintext",
            fontsize="12",
            fontcolor="#555555",
            id=f"date-{key or 'undated'}",
        )
    for before, after in pairwise(keys):
        g.edge(
            node_name("date", dates.display(before)),
            node_name("date", dates.display(after)),
            style="invis",
            weight="10",
        )
    for key in keys:
        with g.subgraph() as same:
            same.attr(rank="same")
            same.node(node_name("date", dates.display(key)))
            for a in assertions:
                if ix.assertions[a].get("date") == key:
                    same.node(node_name("assertion", a))


def _actors(g: Digraph, ix: CaseIndex, assertions: list[str]) -> None:
    """Add every actor who made one of the statements, shaped by kind."""
    for actor_id in sorted({ix.assertions[a]["actor"] for a in assertions}):
        actor = ix.actors[actor_id]
        g.node(
            node_name("actor", actor_id),
            label=labels.actor_label(actor),
            id=f"actor-{actor_id}",
            shape=styles.actor_shape(actor["kind"]),
            style=styles.actor_style(actor["kind"]),
            tooltip=attr(f"{actor['name']} ({actor['kind']})"),
        )


def _claims(g: Digraph, ix: CaseIndex, claims: list[str]) -> None:
    """Add every claim, filled and framed by its status."""
    for claim_id in claims:
        status = ix.verdicts[claim_id]["status"]
        g.node(
            node_name("claim", claim_id),
            label=labels.claim_label(ix, claim_id),
            id=f"claim-{claim_id}",
            shape="box",
            style="filled",
            fillcolor=styles.status_fill(status),
            color=styles.status_colour(status),
            penwidth="2",
            tooltip=labels.claim_tooltip(ix, claim_id),
        )


def _statement_edges(g: Digraph, ix: CaseIndex, assertions: list[str]) -> None:
    """Link actor → statement → claim, in the line style of the statement's stance."""
    for a in assertions:
        record = ix.assertions[a]
        look = styles.stance_line(record["stance"])
        g.edge(
            node_name("actor", record["actor"]),
            node_name("assertion", a),
            id=f"said-{a}",
            style=look.style,
            color=look.color,
            arrowhead="none",
        )
        g.edge(
            node_name("assertion", a),
            node_name("claim", record["claim"]),
            id=f"about-{a}",
            **look.attrs(),
        )


def _relay_edges(g: Digraph, ix: CaseIndex, assertions: list[str], chosen: Selection) -> None:
    """Link each relayed statement to its relay; the time axis places them, so relays
    do not pull the layout (weight 0, and the relay may share its source's rank).
    `constraint=false` would say the same, but Graphviz then drops some edges between
    clusters (the rewrites' relays in the kato diagram)."""
    for a in assertions:
        for upstream in ix.results[a]["upstream"]:
            if upstream in chosen.assertions:
                g.edge(
                    node_name("assertion", upstream),
                    node_name("assertion", a),
                    id=f"relay-{upstream}-{a}",
                    label="relayed",
                    color=styles.RELAY_COLOUR,
                    fontcolor=styles.RELAY_COLOUR,
                    style="dashed",
                    penwidth="1.5",
                    weight="0",
                    minlen="0",
                )


def _related(claim: ClaimRecord) -> list[tuple[str, list[str]]]:
    """Return a claim's relations to other claims, in the order the diagram draws them."""
    return [
        ("contradicts", claim["contradicts"]),
        ("more specific than", claim["more_specific_than"]),
        ("context for", claim["context_for"]),
    ]


def _claim_relations(g: Digraph, ix: CaseIndex, claims: list[str]) -> None:
    """Link claims that contradict, refine or give context to one another."""
    for rank in range(3):
        for claim in claims:
            word, others = _related(ix.claims[claim])[rank]
            for other in others:
                if other in claims:
                    g.edge(
                        node_name("claim", claim),
                        node_name("claim", other),
                        label=word,
                        id=f"{word.replace(' ', '-')}-{claim}-{other}",
                        style="dashed",
                        color=styles.RELATION_COLOUR,
                        fontcolor=styles.RELATION_COLOUR,
                        constraint="false",
                    )
