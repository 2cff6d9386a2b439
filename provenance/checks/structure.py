"""The structure check: circles in the case and records nothing refers to.

Relays (`via`) and citations (`cites`) that form a circle are warnings (something must
have come first); actors, sources and claims that nothing refers to are notes (often a
record half entered).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from provenance.vocab import Severity

if TYPE_CHECKING:
    from provenance.checks.findings import Findings
    from provenance.model import Case


def _check_cycles(case: Case, out: Findings) -> None:
    import networkx as nx

    for name, edges, section in (
        ("relay", [(a.id, a.via) for a in case.assertions if a.via], "assertions"),
        ("citation", [(s.id, c) for s in case.sources for c in s.cites], "sources"),
    ):
        graph = nx.DiGraph(edges)
        for cycle in sorted(
            sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1
        ):
            out.add(
                Severity.warning,
                section,
                cycle[0],
                f"{name}s form a circle: {' → '.join(cycle)}",
                {"cycle": cycle},
            )


def _check_unreferenced(case: Case, out: Findings) -> None:
    used_actors = (
        {a.actor for a in case.assertions}
        | {x for s in case.sources for x in (s.publisher, s.author) if x}
        | {a.affiliation for a in case.actors if a.affiliation}
        | out.authors  # known as the authors of posts in the spread data
    )
    used_sources = (
        {a.source for a in case.assertions}
        | {a.read_in for a in case.assertions if a.read_in}
        | {c for s in case.sources for c in s.cites}
    )
    asserted = {a.claim for a in case.assertions}
    unused: list[tuple[str, list[Any], set[str], str]] = [
        ("actors", case.actors, used_actors, "actor '{}' is not referred to by anything"),
        (
            "sources",
            case.sources,
            used_sources,
            "source '{}' carries no assertion and nothing cites it",
        ),
        ("claims", case.claims, asserted, "claim '{}' has no assertion about it"),
    ]
    for section, records, used, message in unused:
        for record in records:
            if record.id not in used:
                out.add(Severity.note, section, record.id, message.format(record.id))


def check_structure(case: Case, texts: dict[str, str], out: Findings) -> None:
    """Report circles of relays or citations (warnings; evidence: the `cycle`, sorted
    ids) and actors, sources and claims nothing refers to (notes; an actor the spread data
    names as the author of posts, `out.authors`, is referred to)."""
    _check_cycles(case, out)
    _check_unreferenced(case, out)
