"""When each assertion and each derivation of a case becomes known, by day: the order in
which the verdict history (provenance.engine.history) sweeps the case.

The moments come from provenance.timeline.counts_from, the same rule `--as-of` uses: an
assertion counts from when it was said (or its source was published), a derivation from
when both its ends count (and, for one carried by the source we read the upstream
assertion in, when that source is kept). What counts from the start (marked undated)
comes first, on the day FIRST.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from provenance import dates, timeline
from provenance.engine import relays
from provenance.engine.context import Context
from provenance.graph import nodes_of_kind, targets

FIRST = ""  # the day key of what counts from the start (assertions marked undated)
Edge = tuple[str, str]  # (assertion, the assertion it derives from)


@dataclass
class Schedule:
    """When each assertion and each derivation becomes known, by day."""

    placed_on: dict[str, str | None]  # assertion -> the date that places it in time
    arrivals: dict[str, list[str]]  # day -> assertions counting from that day, sorted
    edges: dict[str, list[Edge]]  # day -> derivations holding from that day
    challenges: dict[str, list[str]]  # day -> assertions whose attribution challenge counts
    days: list[str]  # in time order


def schedule(ctx: Context) -> Schedule:
    """Return when each assertion and derivation of the case becomes known. What counts
    from the start (marked undated) comes first, on the day FIRST: its history entries
    hold for every date `--as-of` accepts."""
    graph = ctx.graph
    source_dates = {
        graph.nodes[n]["id"]: graph.nodes[n].get("date") for n in nodes_of_kind(graph, "source")
    }
    sources = [graph.nodes[n] for n in nodes_of_kind(graph, "source")]
    after = timeline.not_before(
        source_dates, {s["id"]: [*s.get("cites", []), *s.get("rewrites", [])] for s in sources}
    )
    placed = [
        timeline.Placed(
            a.id,
            a.date,
            a.source,
            a.read_in,
            a.via,
            bool(graph.nodes[f"assertion:{a.id}"].get("undated")),
            after[a.source],
        )
        for a in ctx.assertions.values()
    ]
    moments = timeline.counts_from(placed, source_dates)
    kept = _sources_known(ctx, source_dates, moments)
    edges: dict[str, list[Edge]] = defaultdict(list)
    for x, b, when in _derivations_known(ctx, moments, kept):
        edges[_day(when)].append((x, b))
    arrivals: dict[str, list[str]] = defaultdict(list)
    for a_id, m in moments.items():
        if m is not None:
            arrivals[_day(m)].append(a_id)
    challenges: dict[str, list[str]] = defaultdict(list)
    for a_id, m in _challenges_known(ctx, moments, kept).items():
        challenges[_day(m)].append(a_id)
    every = {*arrivals, *edges, *challenges}
    days = sorted((d for d in every if d != FIRST), key=dates.sort_key)
    if FIRST in every:
        days.insert(0, FIRST)
    return Schedule(
        placed_on={p.id: timeline.placing_date(p, source_dates) for p in placed},
        arrivals={d: sorted(ids) for d, ids in arrivals.items()},
        edges=dict(edges),
        challenges={d: sorted(ids) for d, ids in challenges.items()},
        days=days,
    )


def dated_challenges(ctx: Context) -> set[str]:
    """Return the assertions whose attribution challenge names evidence (assertions or
    sources): it counts only once that evidence does (provenance.timeline.challenge_known)."""
    return {a.id for a in ctx.assertions.values() if a.challenge and any(_evidence(ctx, a.id))}


def _evidence(ctx: Context, a_id: str) -> tuple[list[str], list[str]]:
    """Return the assertions and the sources an assertion's attribution challenge names."""
    data = ctx.graph.nodes[f"assertion:{a_id}"].get("attribution") or {}
    return list(data.get("assertions", [])), list(data.get("sources", []))


def _challenges_known(
    ctx: Context, moments: dict[str, dt.datetime | None], kept: dict[str, dt.datetime]
) -> dict[str, dt.datetime]:
    """Return, per assertion whose challenge names evidence, the moment from which the
    challenge counts: when the first of its evidence does (left out: never)."""
    out = {}
    for a_id in dated_challenges(ctx):
        named, shown = _evidence(ctx, a_id)
        known = [moments.get(x) for x in named] + [kept.get(s) for s in shown]
        found = [m for m in known if m is not None]
        if found:
            out[a_id] = min(found)
    return out


def _sources_known(
    ctx: Context, source_dates: dict[str, str | None], moments: dict[str, dt.datetime | None]
) -> dict[str, dt.datetime]:
    """Return, per source, the moment from which an `--as-of` view keeps it: its date's
    end (undated: always), or earlier when an assertion said in it counts."""
    kept = {s: dates.ALWAYS if d is None else dates.end(d) for s, d in source_dates.items()}
    for a_id, m in moments.items():
        source = ctx.assertions[a_id].source
        if m is not None and m < kept[source]:
            kept[source] = m
    return kept


def _derivations_known(
    ctx: Context, moments: dict[str, dt.datetime | None], kept: dict[str, dt.datetime]
) -> list[tuple[str, str, dt.datetime]]:
    """Return each derivation of the whole case with the moment from which it holds: when
    both ends count, and (for one carried by the source we read the upstream assertion
    in) when that source is kept."""
    graph = ctx.graph
    out = []
    for x, ups in relays.derivations(graph, ctx.assertions, ctx.derivation.originals).items():
        mx = moments[x]
        a = ctx.assertions[x]
        if mx is None:
            continue
        cited = {graph.nodes[c]["id"] for c in targets(graph, f"source:{a.source}", "cites")}
        for b in ups:
            mb = moments[b]
            if mb is None:
                continue
            when = max(mx, mb)
            upstream = ctx.assertions[b]
            if not a.via and upstream.source not in cited and upstream.read_in:
                when = max(when, kept[upstream.read_in])
            out.append((x, b, when))
    return out


def _day(moment: dt.datetime) -> str:
    return dates.first_day(moment) or FIRST
