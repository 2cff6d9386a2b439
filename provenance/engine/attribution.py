"""Attribution: is it established that the actor said it? (docs/rules.md, section 5)

Separate from whether a claim is true. The levels are provenance.vocab.Attribution,
strongest first; LEVELS holds one small function per level, tried in that order, and
the first that applies gives the assertion's attribution. A new level (a screenshot
only, a refuted attribution) is a new function in LEVELS and, if it needs one, a new
field of `Occasion`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from provenance.engine.context import Context
from provenance.engine.read import Assertion
from provenance.engine.wording import listing
from provenance.graph import targets
from provenance.records import AttributionResult
from provenance.vocab import Attribution


@dataclass(slots=True)
class Occasion:
    """What we know of the occasion an assertion was made on, and of its reports (one per
    assertion; read-only by convention, not `frozen`, to stay cheap to build)."""

    title: str  # of the source it was said in
    archived: bool  # we hold the text, and read it there (no `read_in`)
    recorded: bool  # a recording of the source exists
    outlets: tuple[str, ...]  # independent outlets reporting this actor in this source
    outlet_names: tuple[str, ...]  # their display names, same order
    reader: str | None  # title of the source we read it in, if second-hand
    min_outlets: int  # attribution_min_outlets


def _result(level: Attribution, text: str, outlets: tuple[str, ...] = ()) -> AttributionResult:
    return AttributionResult(
        status=level.value, established=level.established, text=text, outlets=list(outlets)
    )


def archived(o: Occasion) -> AttributionResult | None:
    """We hold the text of the source it was said in, and read it there."""
    return _result(Attribution.archived, f"we hold the text of {o.title}") if o.archived else None


def recorded(o: Occasion) -> AttributionResult | None:
    """A recording of the source exists, even if we know it second-hand."""
    if not o.recorded:
        return None
    return _result(Attribution.recorded, f"a recording of {o.title} exists")


def multiple_reports(o: Occasion) -> AttributionResult | None:
    """At least `attribution_min_outlets` independent outlets report this actor on this
    occasion."""
    if len(o.outlets) < o.min_outlets:
        return None
    names = listing(list(o.outlet_names), ", ")
    text = f"reported by {len(o.outlets)} independent outlets: {names}"
    return _result(Attribution.multiple_reports, text, o.outlets)


def single_report(o: Occasion) -> AttributionResult | None:
    """One second-hand report."""
    if o.reader is None:
        return None
    text = f"a single second-hand report, in {o.reader}"
    return _result(Attribution.single_report, text, o.outlets)


def unknown(o: Occasion) -> AttributionResult | None:
    """No copy of the source and no report of it."""
    return _result(Attribution.unknown, "no copy of the source and no report of it")


#: The attribution levels, strongest first; the first that applies is the attribution.
LEVELS: tuple[Callable[[Occasion], AttributionResult | None], ...] = (
    archived,
    recorded,
    multiple_reports,
    single_report,
    unknown,
)


def attribute(occasion: Occasion) -> AttributionResult:
    """Return the strongest attribution level that applies to the occasion."""
    for level in LEVELS:
        found = level(occasion)
        if found is not None:
            return found
    raise AssertionError("the last attribution level always applies")


def attributions(ctx: Context) -> dict[str, AttributionResult]:
    """Return the attribution of every assertion, by id."""
    outlets_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in ctx.assertions.values():
        if a.read_in:
            outlets_of[(a.actor, a.source)].add(_outlet(ctx, a.read_in))
    return {
        a_id: attribute(_occasion(ctx, a, sorted(outlets_of.get((a.actor, a.source), ()))))
        for a_id, a in ctx.assertions.items()
    }


def _occasion(ctx: Context, a: Assertion, outlets: list[str]) -> Occasion:
    source = ctx.graph.nodes[f"source:{a.source}"]
    reader = ctx.graph.nodes[f"source:{a.read_in}"]["title"] if a.read_in else None
    return Occasion(
        title=source["title"],
        archived=not a.read_in and bool(source.get("archive")),
        recorded=bool(source.get("recorded")),
        outlets=tuple(outlets),
        outlet_names=tuple(ctx.names.get(o, o) for o in outlets),
        reader=reader,
        min_outlets=ctx.rules.attribution_min_outlets,
    )


def _outlet(ctx: Context, source_id: str) -> str:
    """Return the independence group of the outlet behind a source (its publisher, else
    its author), or the source itself when neither is known."""
    node = f"source:{source_id}"
    for kind in ("published-by", "authored-by"):
        found = targets(ctx.graph, node, kind)
        if found:
            actor: str = ctx.graph.nodes[found[0]]["id"]
            return ctx.independence.family.get(actor, actor)
    return source_id
