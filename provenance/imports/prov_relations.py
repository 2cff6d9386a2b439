"""The relations of a W3C PROV document applied to the case records read from it: who
made an assertion, who published or wrote a source (from `wasAttributedTo` or from the
publication activity's associations), relays (`wasQuotedFrom`), citations, rewrites and
revisions (`wasDerivedFrom`, `wasRevisionOf`), affiliations (`actedOnBehalfOf`).

A relation stated twice (PROV-O gives both the qualified and the unqualified form, and
`wasDerivedFrom` beside each quotation) is applied once; relations about what the engine
computed are skipped; anything else without a case meaning is listed as not mapped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from provenance.imports.prov_case import local, name, record_id, types

#: The activity types this tool writes and reads back.
KNOWN_ACTIVITIES = {"pt:Publication", "pt:Analysis"}


@dataclass
class Records:
    """The case records read so far, by id, that relations fill in."""

    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    claims: dict[str, dict[str, Any]] = field(default_factory=dict)
    assertions: dict[str, dict[str, Any]] = field(default_factory=dict)


def _ends(record: Any) -> tuple[Any, Any]:
    args = record.formal_attributes
    first = args[0][1] if args else None
    second = args[1][1] if len(args) > 1 else None
    return first, second


def _role(record: Any) -> str:
    roles = {name(v) for k, v in record.attributes if name(k) in ("pt:sourceRole", "prov:role")}
    return "author" if "pt:author" in roles else "publisher"


def apply_relations(document: Any, found: Records, skipped: set[str]) -> list[str]:
    """Apply every relation of `document` to `found`; return one "not mapped: ..." line
    per record or relation with no case meaning. `skipped` names the computed records."""
    import prov.model as pm

    activities = {str(r.identifier): types(r) for r in document.get_records(pm.ProvActivity)}
    skipped |= {name for name, kinds in activities.items() if "pt:Analysis" in kinds}
    typed = {
        (str(a), str(b))
        for r in document.get_records(pm.ProvDerivation)
        for a, b in [_ends(r)]
        if types(r)
    }
    generated: dict[str, list[str]] = {}
    for r in document.get_records(pm.ProvGeneration):
        entity, activity = _ends(r)
        if entity is not None and activity is not None:
            generated.setdefault(str(activity), []).append(record_id(entity, "source"))
    unmapped = []
    for record in document.get_records():
        if isinstance(record, (pm.ProvAgent, pm.ProvEntity)):
            continue
        if isinstance(record, pm.ProvActivity):
            if not types(record) & KNOWN_ACTIVITIES:
                unmapped.append(f"not mapped: {record.get_provn()}")
            continue
        first, second = _ends(record)
        if first is None or second is None:
            unmapped.append(f"not mapped: {record.get_provn()}")
        elif str(first) in skipped or str(second) in skipped:
            continue
        elif isinstance(record, pm.ProvDerivation) and not types(record):
            if (str(first), str(second)) not in typed and not _derivation(record, found):
                unmapped.append(f"not mapped: {record.get_provn()}")
        elif not _relation(record, found, activities, generated):
            unmapped.append(f"not mapped: {record.get_provn()}")
    return unmapped


def _relation(
    record: Any,
    found: Records,
    activities: dict[str, set[str]],
    generated: dict[str, list[str]],
) -> bool:
    """Apply one PROV relation to the case; return False when it has no case meaning."""
    import prov.model as pm

    first, second = _ends(record)
    if isinstance(record, pm.ProvAttribution):
        return _attribution(record, found)
    if isinstance(record, pm.ProvDelegation):
        delegate = found.actors.get(record_id(first, "actor"))
        if delegate is not None:
            delegate["affiliation"] = record_id(second, "actor")
        return delegate is not None
    publication = "pt:Publication" in activities.get(str(second), set())
    if isinstance(record, pm.ProvGeneration):
        return publication and record_id(first, "source") in found.sources
    if isinstance(record, pm.ProvAssociation):
        published = [found.sources[s] for s in generated.get(str(first), []) if s in found.sources]
        if "pt:Publication" not in activities.get(str(first), set()) or not published:
            return False
        for source in published:
            source[_role(record)] = record_id(second, "actor")
        return True
    if isinstance(record, pm.ProvDerivation):
        return _derivation(record, found)
    return False


def _attribution(record: Any, found: Records) -> bool:
    entity, agent = _ends(record)
    actor = record_id(agent, "actor")
    if (
        local(entity).startswith("assertion-")
        and record_id(entity, "assertion") in found.assertions
    ):
        found.assertions[record_id(entity, "assertion")]["actor"] = actor
        return True
    source = found.sources.get(record_id(entity, "source"))
    if source is None:
        return False
    source[_role(record)] = actor
    return True


def _derivation(record: Any, found: Records) -> bool:
    first, second = _ends(record)
    kinds = types(record)
    assertion = found.assertions.get(record_id(first, "assertion"))
    if assertion is not None and "prov:Quotation" in kinds:
        assertion["via"] = record_id(second, "assertion")
        return True
    if assertion is not None and "prov:PrimarySource" in kinds:
        return True  # carried by the assertion's pt:source already
    source = found.sources.get(record_id(first, "source"))
    other = record_id(second, "source")
    if source is None or other not in found.sources:
        return False
    if "prov:Revision" in kinds:
        source["revision_of"] = other
    elif "pt:Rewrite" in kinds:
        source["rewrites"] = sorted({*source["rewrites"], other})
    else:
        source["cites"] = sorted({*source["cites"], other})
    return True
