"""The legend drawn beside every diagram: a swatch per claim status, a sample of every
actor shape, and what the line styles mean."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from provenance.render.labels import text_label
from provenance.render.styles import ACTOR_SHAPE, STATUS_COLOUR, STATUS_FILL, actor_style

if TYPE_CHECKING:
    from graphviz import Digraph

LEGEND_LINES = (
    "lines from a statement to its claim:",
    "solid: stated · bold: says it is confirmed · dashed: hedged",
    "dotted with ring: conditional · grey dotted: reported without endorsing",
    "orange with bar end: doubted (dashed), denied (bold), retracted",
    "blue dashed: relayed, from the earlier statement to the later one",
    "orange frame on a statement or ⚠: a flag (certainty inflation, claim drift, ...)",
    "dashed frames: the text a statement was read in; inside, the sources it describes",
    "(note: article · cds: broadcast · tab: social post · cylinder: data · folder: report)",
)


def add_legend(g: Digraph, after: list[str]) -> None:
    """Add the legend to `g`, right of every node in `after`."""
    with g.subgraph(name="cluster_legend") as legend:
        legend.attr(label="Legend", fontsize="12", color="#BBBBBB", style="rounded", id="legend")
        legend.attr("node", fontsize="9", height="0.3", width="1.6")
        statuses = _status_swatches(legend)
        shapes = _actor_samples(legend)
        # Two columns, statuses then shapes, so the legend is half as tall as a list.
        for column_names in (statuses, shapes):
            with legend.subgraph() as column:
                column.attr(rank="same")
                for name in column_names:
                    column.node(name)
            # In a left-to-right layout a flat edge stacks its head above its tail.
            for a, b in pairwise(reversed(column_names)):
                legend.edge(a, b, style="invis")
        legend.edge(statuses[0], shapes[0], style="invis")
        legend.node(
            "legend__lines",
            label=text_label(list(LEGEND_LINES)),
            shape="box",
            color="#BBBBBB",
            width="3",
        )
        legend.edge(statuses[-1], "legend__lines", style="invis")
    for node in after:
        g.edge(node, statuses[0], style="invis")


def _status_swatches(legend: Digraph) -> list[str]:
    """Add a claim box of every status; return their node names."""
    names = []
    for status, colour in STATUS_COLOUR.items():
        name = f"legend__{status.value}"
        legend.node(
            name,
            label=text_label([f"claim {status.value}"]),
            shape="box",
            style="filled",
            fillcolor=STATUS_FILL[status],
            color=colour,
            penwidth="2",
        )
        names.append(name)
    return names


def _actor_samples(legend: Digraph) -> list[str]:
    """Add an actor of every kind, in its shape; return their node names."""
    names = []
    for kind, shape in ACTOR_SHAPE.items():
        name = f"legend__actor-{kind.value}"
        legend.node(name, label=text_label([kind.value]), shape=shape, style=actor_style(kind))
        names.append(name)
    return names
