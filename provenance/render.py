"""Provenance diagrams: the DOT of what a term names, built from the analysed case.

`diagram_dot(doc, term, options)` is a pure function returning DOT text (the Python
`graphviz` package writes it); laying it out to SVG, PNG or PDF is `provenance.layout`,
and writing the file is the CLI's job. The same case gives byte-identical DOT whatever
the order of the case file: every node and edge is emitted in id order.

What the picture shows: actors (shape by kind) → assertion boxes (stance, date, quote,
flags) → claims (coloured by status, with the Admiralty grade); assertion boxes link to
the source they were said in and where we read them; relays and citations are drawn so
the chain back to the origin reads left to right along a time axis.
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from provenance import dates
from provenance.document import Document
from provenance.errors import ProvenanceError
from provenance.views.find import find
from provenance.views.index import CaseIndex

FONT = "Helvetica"
DIRECTIONS = ("LR", "TB")
# Okabe-Ito colours: distinguishable with the common forms of colour blindness.
STATUS_COLOUR = {
    "confirmed": ("#009E73", "white"),
    "corroborated": ("#56B4E9", "black"),
    "unconfirmed": ("#E69F00", "black"),
    "disputed": ("#CC79A7", "black"),
    "refuted": ("#D55E00", "white"),
    "retracted": ("#999999", "black"),
    "unsupported": ("#F0E442", "black"),
}
OPPOSING = {"doubts", "denies", "retracts"}
STANCE_STYLE: dict[str, dict[str, str]] = {
    "confirms": {"style": "bold", "arrowhead": "normal", "color": "#000000"},
    "states": {"style": "solid", "arrowhead": "normal", "color": "#333333"},
    "hedges": {"style": "dashed", "arrowhead": "normal", "color": "#333333"},
    "conditional": {"style": "dotted", "arrowhead": "odot", "color": "#333333"},
    "reports": {"style": "dotted", "arrowhead": "empty", "color": "#999999"},
    "doubts": {"style": "dashed", "arrowhead": "tee", "color": "#D55E00"},
    "denies": {"style": "bold", "arrowhead": "tee", "color": "#D55E00"},
    "retracts": {"style": "bold,dashed", "arrowhead": "tee", "color": "#D55E00"},
}
STANCE_WORD = {
    "confirms": "says confirmed",
    "states": "stated",
    "hedges": "hedged",
    "conditional": "conditional",
    "reports": "reported",
    "doubts": "doubted",
    "denies": "denied",
    "retracts": "retracted",
}
ACTOR_SHAPE = {
    "person": "ellipse",
    "organization": "box",
    "outlet": "box3d",
    "government": "house",
    "crowd": "octagon",
    "anonymous": "octagon",
}
SOURCE_SHAPE = {
    "article": "note",
    "broadcast": "cds",
    "social_post": "tab",
    "data_release": "cylinder",
    "report": "folder",
    "interview": "note",
    "statement": "note",
    "other": "note",
}
# Light tints of the same colours for filling claim boxes, so black text stays legible.
STATUS_FILL = {
    "confirmed": "#B3E2D5",
    "corroborated": "#CCE8F8",
    "unconfirmed": "#F8E2B3",
    "disputed": "#F0D7E5",
    "refuted": "#F2CFB3",
    "retracted": "#E0E0E0",
    "unsupported": "#FAF6C6",
}
RELAY_COLOUR = "#0072B2"
QUOTE_WIDTH = 38
QUOTE_MAX = 150
# Past about 50 statements a diagram is no longer legible, and Graphviz's rank solver
# (needed for the time axis) slows sharply on tangled graphs (100 random statements: 9 s);
# `_prune` keeps the most relevant 50.
MAX_ASSERTIONS = 50


@dataclass(frozen=True)
class RenderOptions:
    """How to draw: `depth` limits relay hops followed (None: all), `direction` is LR or
    TB, `max_assertions` bounds the picture."""

    depth: int | None = None
    direction: str = "LR"
    max_assertions: int = MAX_ASSERTIONS


@dataclass
class Selection:
    """The records a diagram shows."""

    assertions: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    pruned: str | None = None


def _label(lines: list[str]) -> str:
    """Return lines as one Graphviz label: each line's backslashes taken literally (so a
    quote cannot smuggle in \\N or \\G), joined by Graphviz line breaks, never HTML."""
    import graphviz

    body = "\\n".join(str(graphviz.escape(line)) for line in lines)
    return str(graphviz.nohtml(body))


def _wrapped(text: str, width: int, limit: int) -> list[str]:
    """Return `text` cut to `limit` characters (with an ellipsis) and wrapped to `width`."""
    short = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return textwrap.wrap(short, width=width, break_long_words=True) or [""]


def _attr(text: str) -> str:
    """Return text for a one-line attribute such as a tooltip, taken literally."""
    return _label([" ".join(text.split())])


def _safe_url(url: str | None) -> str | None:
    # A case file is data: only web links become clickable, never javascript: or file:.
    return url if url and url.lower().startswith(("https://", "http://")) else None


def _name(kind: str, record_id: str) -> str:
    # ':' would be read as a port by Graphviz, so node names use '__'.
    return f"{kind}__{record_id}"


def select(doc: Document, term: str | None, options: RenderOptions) -> Selection:
    """Return what the diagram of `term` shows (everything when `term` is None): the
    assertions bearing on the matched records, their relay chains back to the origin (up
    to `options.depth` hops), and the claims they concern."""
    ix = CaseIndex(doc)
    chosen = Selection()
    if term is None:
        chosen.assertions = set(ix.assertions)
    else:
        for match in find(doc, term):
            chosen.assertions |= _seeds(ix, match.kind, match.id)
            if match.kind == "claim":
                chosen.claims.add(match.id)
    _follow_chains(ix, chosen, options.depth)
    chosen.claims |= {ix.assertions[a]["claim"] for a in chosen.assertions}
    if len(chosen.assertions) > options.max_assertions:
        _prune(ix, chosen, options.max_assertions)
    return chosen


def _seeds(ix: CaseIndex, kind: str, record_id: str) -> set[str]:
    if kind == "claim":
        verdict = ix.verdicts[record_id]
        ids = set(verdict["support"]) | set(verdict["conditional"]) | set(verdict["reach"])
        ids |= set(verdict["opposition"]) | set(verdict["withdrawn"])
        ids |= {a for a, r in ix.assertions.items() if r["claim"] == record_id}
        context = [c["id"] for c in ix.claims.values() if record_id in c.get("context_for", [])]
        ids |= {a for a, r in ix.assertions.items() if r["claim"] in context}
        return ids
    if kind == "actor":
        own = {a for a, r in ix.assertions.items() if r["actor"] == record_id}
        relays = {relay for a in own for relay, _ in ix.relays_of(a)}
        return own | relays
    if kind == "source":
        return {a for a, r in ix.assertions.items() if record_id in (r["source"], r.get("read_in"))}
    return {record_id}


def _follow_chains(ix: CaseIndex, chosen: Selection, depth: int | None) -> None:
    frontier = set(chosen.assertions)
    hops = 0
    while frontier and (depth is None or hops < depth):
        upstream = {u for a in frontier for u in ix.results[a]["upstream"]}
        frontier = upstream - chosen.assertions
        chosen.assertions |= frontier
        hops += 1


def _prune(ix: CaseIndex, chosen: Selection, limit: int) -> None:
    """Keep the `limit` most relevant assertions: origins first, then opposition, then
    the earliest; say so in the title."""
    origins = {o["assertion"] for v in ix.verdicts.values() for o in v["origins"]}
    opposing = {a for a, r in ix.assertions.items() if r["stance"] in OPPOSING}

    def rank(a_id: str) -> tuple[int, str, str]:
        record = ix.assertions[a_id]
        tier = 0 if a_id in origins else 1 if a_id in opposing else 2
        return tier, record.get("date") or "9999", a_id

    kept = set(sorted(chosen.assertions, key=rank)[:limit])
    chosen.pruned = (
        f"showing {limit} of {len(chosen.assertions)} assertions: origins, "
        "then opposition, then the earliest"
    )
    chosen.assertions = kept
    chosen.claims = {
        c for c in chosen.claims if any(ix.assertions[a]["claim"] == c for a in kept)
    } | {ix.assertions[a]["claim"] for a in kept}


def _claim_label(ix: CaseIndex, claim_id: str) -> str:
    verdict = ix.verdicts[claim_id]
    lines = [f"{verdict['status'].upper()} · credibility {verdict['grade']}"]
    lines += _wrapped(ix.claims[claim_id]["text"], 34, 160)
    lines.append(
        f"{claim_id} · {verdict['independent_origins']} origin(s) · first seen "
        f"{verdict['first_seen'] or '?'}"
    )
    lines += [f"⚠ {f['kind'].replace('-', ' ')}" for f in verdict["flags"]]
    return _label(lines)


def _assertion_label(ix: CaseIndex, a_id: str) -> str:
    record = ix.assertions[a_id]
    result = ix.results[a_id]
    basis = record.get("basis", "unstated").replace("_", " ")
    lines = [
        f"{STANCE_WORD[record['stance']]} · {record.get('date') or 'undated'} · basis: {basis}"
    ]
    if record.get("quote"):
        quote = _wrapped(record["quote"], QUOTE_WIDTH, QUOTE_MAX)
        quote[0] = "“" + quote[0]
        quote[-1] += "”"
        lines += quote
    said = "said: established" if result["attribution"]["established"] else "said: one report"
    lines.append(f"{said} · {a_id}")
    lines += [f"⚠ {f['kind'].replace('-', ' ')}" for f in result["flags"]]
    return _label(lines)


def _tooltip_of_assertion(ix: CaseIndex, a_id: str) -> str:
    record = ix.assertions[a_id]
    parts = [
        f"{ix.actor_name(record['actor'])} {STANCE_WORD[record['stance']]} "
        f"'{ix.claims[record['claim']]['text']}'"
    ]
    if record.get("quote"):
        parts.append(f"“{record['quote']}”")
    parts.append(f"in {ix.source_title(record['source'])}")
    if record.get("read_in"):
        parts.append(f"read in {ix.source_title(record['read_in'])}")
    parts.append(ix.results[a_id]["attribution"]["text"])
    parts += [f"{f['kind']}: {f['text']}" for f in ix.results[a_id]["flags"]]
    return " — ".join(parts)


def _actor_label(actor: Mapping[str, Any]) -> str:
    lines = _wrapped(actor["name"], 24, 60)
    if actor.get("role"):
        lines += _wrapped(actor["role"], 28, 60)
    if actor.get("reliability"):
        lines.append(f"reliability {actor['reliability']['grade']}")
    return _label(lines)


def _said_in_label(source: Mapping[str, Any]) -> str:
    held = " · recording exists" if source.get("recorded") else ""
    kind = source["kind"].replace("_", " ")
    return _label(
        [*_wrapped(source["title"], 26, 70), f"{kind} · {source.get('date') or 'undated'}{held}"]
    )


def _source_caption(source: Mapping[str, Any]) -> str:
    held = (
        "archived text"
        if source.get("archive")
        else ("recording exists" if source.get("recorded") else "known second-hand")
    )
    kind = source["kind"].replace("_", " ")
    title = _wrapped(source["title"], 100, 100)
    return _label([f"{kind} · {source.get('date') or 'undated'} · {held}", *title])


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


def _legend(g: Any, after: list[str]) -> None:
    """Add the legend, right of everything in `after`: a swatch per claim status, a sample
    of every actor shape, and what the line styles mean."""
    with g.subgraph(name="cluster_legend") as legend:
        legend.attr(label="Legend", fontsize="12", color="#BBBBBB", style="rounded", id="legend")
        legend.attr("node", fontsize="9", height="0.3", width="1.6")
        names = []
        for status in STATUS_COLOUR:
            name = f"legend__{status}"
            legend.node(
                name,
                label=_label([f"claim {status}"]),
                shape="box",
                style="filled",
                fillcolor=STATUS_FILL[status],
                color=STATUS_COLOUR[status][0],
                penwidth="2",
            )
            names.append(name)
        for kind, shape in ACTOR_SHAPE.items():
            name = f"legend__actor-{kind}"
            legend.node(
                name,
                label=_label([kind]),
                shape=shape,
                style="dashed" if kind in ("crowd", "anonymous") else "solid",
            )
            names.append(name)
        # Two columns, statuses then shapes, so the legend is half as tall as a list.
        statuses, shapes = names[: len(STATUS_COLOUR)], names[len(STATUS_COLOUR) :]
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
            label=_label(list(LEGEND_LINES)),
            shape="box",
            color="#BBBBBB",
            width="3",
        )
        legend.edge(statuses[-1], "legend__lines", style="invis")
    for node in after:
        g.edge(node, names[0], style="invis")


def default_output(term: str | None, fmt: str) -> str:
    """Return the file a diagram goes to when no -o is given: graphs/<term>.<format>."""
    import re

    stem = re.sub(r"[^a-z0-9]+", "-", (term or "all").casefold()).strip("-") or "diagram"
    return f"graphs/{stem}.{fmt}"


def generation_date(doc: Document) -> str:
    """Return the date printed in a diagram's title: SOURCE_DATE_EPOCH if set, else the
    case's review date, else today. A fixed date keeps diagrams byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    review = doc["case"].get("review") or {}
    return str(review.get("date") or dt.date.today().isoformat())


def diagram_dot(doc: Document, term: str | None, options: RenderOptions | None = None) -> str:
    """Return the DOT source of the provenance diagram of `term` (everything if None)."""
    import graphviz

    options = options or RenderOptions()
    if options.direction not in DIRECTIONS:
        raise ProvenanceError(f"unknown direction '{options.direction}': use LR or TB")
    ix = CaseIndex(doc)
    chosen = select(doc, term, options)
    title = doc["case"].get("title", "Untitled case")
    subject = f"'{term}'" if term else "the whole case"
    caption = f"{title}\nprovenance of {subject} · generated {generation_date(doc)} by prov"
    if chosen.pruned:
        caption += f"\n{chosen.pruned}"
    g = graphviz.Digraph(
        "provenance",
        graph_attr={
            "rankdir": options.direction,
            "label": _label(caption.split("\n")),
            "labelloc": "t",
            "fontname": FONT,
            "fontsize": "16",
            "nodesep": "0.25",
            "ranksep": "0.6",
            "newrank": "true",
            "compound": "true",
            "tooltip": _attr(f"{title}: {subject}"),
        },
        node_attr={"fontname": FONT, "fontsize": "10", "margin": "0.1,0.05"},
        edge_attr={"fontname": FONT, "fontsize": "8", "arrowsize": "0.7"},
    )

    assertions = sorted(chosen.assertions)
    actors = sorted({ix.assertions[a]["actor"] for a in assertions})

    # Each statement sits in a frame for the source we read it in: what each text reports.
    def evidence(a_id: str) -> str:
        record = ix.assertions[a_id]
        return str(record.get("read_in") or record["source"])

    for source_id in sorted({evidence(a) for a in assertions}):
        source = ix.sources[source_id]
        url = _safe_url(source.get("url"))
        with g.subgraph(name=f"cluster_{source_id}") as frame:
            frame.attr(
                label=_source_caption(source),
                id=f"source-{source_id}",
                style="rounded,dashed",
                color="#888888",
                fontsize="10",
                fontcolor="#333333",
                labeljust="l",
                tooltip=_attr(source["title"] + (f" <{url}>" if url else "")),
            )
            if url:
                frame.attr(URL=_attr(url), target="_blank")
            for a in assertions:
                if evidence(a) == source_id:
                    flagged = bool(ix.results[a]["flags"])
                    frame.node(
                        _name("assertion", a),
                        label=_assertion_label(ix, a),
                        id=f"assertion-{a}",
                        shape="box",
                        style="rounded",
                        penwidth="2" if flagged else "1",
                        color="#D55E00" if flagged else "#444444",
                        tooltip=_attr(_tooltip_of_assertion(ix, a)),
                    )
            # The sources this text tells us about (a broadcast, a post): drawn inside its
            # frame, each shaped by its kind, linked to what was said there.
            described = sorted(
                {ix.assertions[a]["source"] for a in assertions if evidence(a) == source_id}
                - {source_id}
            )
            for said_in in described:
                frame.node(
                    _name("source", f"{source_id}--{said_in}"),
                    label=_said_in_label(ix.sources[said_in]),
                    id=f"source-{source_id}--{said_in}",
                    shape=SOURCE_SHAPE[ix.sources[said_in]["kind"]],
                    color="#777777",
                    fontcolor="#333333",
                    fontsize="9",
                    tooltip=_attr(ix.sources[said_in]["title"]),
                )

    for a in assertions:
        record = ix.assertions[a]
        if record["source"] != evidence(a):
            g.edge(
                _name("source", f"{evidence(a)}--{record['source']}"),
                _name("assertion", a),
                id=f"said-in-{a}",
                style="dotted",
                color="#777777",
                arrowhead="none",
            )

    # Time axis: one rank per date, chained in order; each statement sits on its date.
    # Dates sit where their interval starts, coarser first ("Apr 2025" before 1 April).
    keys: list[str | None] = sorted(
        {ix.assertions[a].get("date") for a in assertions}, key=dates.sort_key
    )
    for key in keys:
        label = dates.display(key)
        g.node(
            _name("date", label),
            label=_label([label]),
            shape="plaintext",
            fontsize="12",
            fontcolor="#555555",
            id=f"date-{key or 'undated'}",
        )
    for before, after in pairwise(keys):
        g.edge(
            _name("date", dates.display(before)),
            _name("date", dates.display(after)),
            style="invis",
            weight="10",
        )
    for key in keys:
        with g.subgraph() as same:
            same.attr(rank="same")
            same.node(_name("date", dates.display(key)))
            for a in assertions:
                if ix.assertions[a].get("date") == key:
                    same.node(_name("assertion", a))

    for actor_id in actors:
        actor = ix.actors[actor_id]
        style = "dashed" if actor["kind"] in ("crowd", "anonymous") else "solid"
        g.node(
            _name("actor", actor_id),
            label=_actor_label(actor),
            id=f"actor-{actor_id}",
            shape=ACTOR_SHAPE[actor["kind"]],
            style=style,
            tooltip=_attr(f"{actor['name']} ({actor['kind']})"),
        )
    for claim_id in sorted(chosen.claims):
        verdict = ix.verdicts[claim_id]
        reason = verdict["reasons"][0]["text"] if verdict["reasons"] else ""
        g.node(
            _name("claim", claim_id),
            label=_claim_label(ix, claim_id),
            id=f"claim-{claim_id}",
            shape="box",
            style="filled",
            fillcolor=STATUS_FILL[verdict["status"]],
            color=STATUS_COLOUR[verdict["status"]][0],
            penwidth="2",
            tooltip=_attr(f"{ix.claims[claim_id]['text']} — {verdict['status']}: {reason}"),
        )
    for a in assertions:
        record = ix.assertions[a]
        look = STANCE_STYLE[record["stance"]]
        g.edge(
            _name("actor", record["actor"]),
            _name("assertion", a),
            id=f"said-{a}",
            style=look["style"],
            color=look["color"],
            arrowhead="none",
        )
        g.edge(_name("assertion", a), _name("claim", record["claim"]), id=f"about-{a}", **look)
    for a in assertions:
        for upstream in ix.results[a]["upstream"]:
            if upstream in chosen.assertions:
                # The time axis places statements; relays must not fight it.
                g.edge(
                    _name("assertion", upstream),
                    _name("assertion", a),
                    id=f"relay-{upstream}-{a}",
                    label="relayed",
                    color=RELAY_COLOUR,
                    fontcolor=RELAY_COLOUR,
                    style="dashed",
                    penwidth="1.5",
                    constraint="false",
                )
    related = [
        (c, o, "contradicts")
        for c in sorted(chosen.claims)
        for o in ix.claims[c].get("contradicts", [])
        if o in chosen.claims
    ]
    related += [
        (c, o, "more specific than")
        for c in sorted(chosen.claims)
        for o in ix.claims[c].get("more_specific_than", [])
        if o in chosen.claims
    ]
    related += [
        (c, o, "context for")
        for c in sorted(chosen.claims)
        for o in ix.claims[c].get("context_for", [])
        if o in chosen.claims
    ]
    for claim, other, word in related:
        g.edge(
            _name("claim", claim),
            _name("claim", other),
            label=word,
            id=f"{word.replace(' ', '-')}-{claim}-{other}",
            style="dashed",
            color="#555555",
            fontcolor="#555555",
            constraint="false",
        )
    _legend(g, [_name("claim", c) for c in sorted(chosen.claims)])
    return str(g.source)
