"""Checks across the records of a case, on the parsed data before the model sees it, so
they are reported alongside shape errors: references to ids that do not exist, records
naming themselves, and loops of `more_specific_than`, `rewrites` and `revision_of`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from provenance.errors import Problem
from provenance.read.rawfile import Path_, RawFile
from provenance.suggest import hint

SINGULAR = {"actors": "actor", "sources": "source", "claims": "claim", "assertions": "assertion"}
"""Each section of a case file, and the word for one of its records."""

_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "actors": (("affiliation", "actors"),),
    "sources": (
        ("publisher", "actors"),
        ("author", "actors"),
        ("cites", "sources"),
        ("rewrites", "sources"),
        ("revision_of", "sources"),
    ),
    "claims": (
        ("more_specific_than", "claims"),
        ("contradicts", "claims"),
        ("context_for", "claims"),
        ("context_against", "claims"),
        ("said_by", "actors"),
    ),
    "assertions": (
        ("actor", "actors"),
        ("claim", "claims"),
        ("source", "sources"),
        ("read_in", "sources"),
        ("via", "assertions"),
        ("attribution.assertions", "assertions"),
        ("attribution.sources", "sources"),
    ),
}


def _field(record: dict[str, Any], dotted: str) -> tuple[Any, Path_]:
    """Return the value at a dotted field path of a raw record ("attribution.sources") and
    that path as a tuple, or None when a level is missing or not a mapping."""
    value: Any = record
    parts = tuple(dotted.split("."))
    for part in parts:
        value = value.get(part) if isinstance(value, dict) else None
    return value, parts


def _records(raws: list[RawFile], section: str) -> Iterator[tuple[RawFile, int, dict[str, Any]]]:
    for raw in raws:
        records = raw.data.get(section)
        if isinstance(records, list):
            for index, record in enumerate(records):
                if isinstance(record, dict):
                    yield raw, index, record


def check_references(raws: list[RawFile]) -> list[Problem]:
    """Return a problem for every reference to an id that does not exist and every record
    that names itself. Works on the raw data, so it reports alongside shape errors."""
    ids = {
        section: {r["id"] for _, _, r in _records(raws, section) if isinstance(r.get("id"), str)}
        for section in SINGULAR
    }
    problems = []
    for section, fields in _REFERENCES.items():
        for raw, index, record in _records(raws, section):
            rid = record.get("id")
            subject = (
                f"{SINGULAR[section]} '{rid}'"
                if isinstance(rid, str)
                else f"{SINGULAR[section]} #{index + 1}"
            )
            for fld, target_section in fields:
                value, parts = _field(record, fld)
                targets = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
                for position, target in targets:
                    if not isinstance(target, str):
                        continue
                    where = (
                        (section, index, *parts)
                        if position is None
                        else (section, index, *parts, position)
                    )
                    line = raw.line(where)
                    if target not in ids[target_section]:
                        what = SINGULAR[target_section]
                        problems.append(
                            Problem(
                                raw.label,
                                line,
                                f"{subject}: unknown {what} "
                                f"'{target}'{hint(target, ids[target_section])}",
                            )
                        )
                    elif section == target_section and target == rid:
                        problems.append(Problem(raw.label, line, f"{subject}: {fld} names itself"))
    return problems


def check_claim_relations(raws: list[RawFile]) -> list[Problem]:
    """Return a problem for every loop of `more_specific_than` and every claim that
    contradicts a more general or more specific version of itself."""
    general: dict[str, list[str]] = {}
    where: dict[str, tuple[RawFile, int, dict[str, Any]]] = {}
    for raw, index, record in _records(raws, "claims"):
        rid = record.get("id")
        if isinstance(rid, str):
            parents = record.get("more_specific_than")
            general[rid] = (
                [p for p in parents if isinstance(p, str)] if isinstance(parents, list) else []
            )
            where.setdefault(rid, (raw, index, record))

    def ancestors(claim: str) -> set[str]:
        seen: set[str] = set()
        stack = list(general.get(claim, []))
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(general.get(current, []))
        return seen

    problems = []
    for rid, (raw, index, record) in sorted(where.items()):
        above = ancestors(rid)
        loop = sorted({rid} | {a for a in above if rid in ancestors(a)})
        # One line per loop, on its first claim; a claim naming itself is reported already.
        if rid in above and rid not in general[rid] and rid == loop[0]:
            problems.append(
                Problem(
                    raw.label,
                    raw.line(("claims", index, "more_specific_than")),
                    f"claim '{rid}': more_specific_than loops back to itself "
                    f"through {', '.join(loop[1:])}: remove one link",
                )
            )
        others = record.get("contradicts")
        for position, other in enumerate(others if isinstance(others, list) else []):
            if isinstance(other, str) and (other in above or rid in ancestors(other)):
                problems.append(
                    Problem(
                        raw.label,
                        raw.line(("claims", index, "contradicts", position)),
                        f"claim '{rid}': contradicts '{other}', a more general or more specific "
                        "version of itself: remove one of the two relations",
                    )
                )
    return problems


def _reach(links: dict[str, list[str]], start: str) -> set[str]:
    """Return every id reachable from `start` along `links` (not `start` itself unless
    a loop leads back to it)."""
    seen: set[str] = set()
    stack = list(links.get(start, []))
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(links.get(current, []))
    return seen


def check_source_relations(raws: list[RawFile]) -> list[Problem]:
    """Return a problem for every loop of `rewrites` or of `revision_of` between sources
    (a text cannot derive from a text that derives from it); one line per loop."""
    problems = []
    for fld, fix in (
        ("rewrites", "a rewrite cannot be the original of its original: remove one link"),
        ("revision_of", "a revision cannot precede itself: remove one link"),
    ):
        links: dict[str, list[str]] = {}
        where: dict[str, tuple[RawFile, int]] = {}
        for raw, index, record in _records(raws, "sources"):
            rid, value = record.get("id"), record.get(fld)
            if isinstance(rid, str):
                values = value if isinstance(value, list) else [value]
                links[rid] = [v for v in values if isinstance(v, str) and v != rid]
                where.setdefault(rid, (raw, index))
        for rid, (raw, index) in sorted(where.items()):
            loop = sorted({rid} | {o for o in _reach(links, rid) if rid in _reach(links, o)})
            if len(loop) > 1 and rid == loop[0]:
                problems.append(
                    Problem(
                        raw.label,
                        raw.line(("sources", index, fld)),
                        f"source '{rid}': {fld} loops back to itself through "
                        f"{', '.join(loop[1:])}: {fix}",
                    )
                )
    return problems
