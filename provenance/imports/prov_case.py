"""A W3C PROV document (`prov.model.ProvDocument`, from any PROV format) as case data.

Documents this tool wrote (the `pt:` vocabulary of provenance.export.prov_model) come
back whole; what the engine computed (verdicts, the analysis activity, the software
agent) is left out, since the engine computes it again. From other PROV tools, agents
become actors and entities become sources; whatever cannot be mapped is listed, never
dropped silently. The relations are applied by provenance.imports.prov_relations.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from provenance.export.prov_model import CASE, PT
from provenance.imports.registry import CaseData

#: What the engine computed: recomputed on import, so not read and not "unmapped".
COMPUTED_TYPES = {"pt:Verdict", "pt:Analysis", "prov:SoftwareAgent"}


def local(name: Any) -> str:
    """Return the local part of a qualified name (or the text of anything else)."""
    return str(getattr(name, "localpart", name))


def record_id(name: Any, kind: str) -> str:
    """Return the case id a qualified name stands for: `case:actor-x` is actor x; a
    foreign name becomes its local part, folded to lower case."""
    text = local(name)
    namespace = getattr(name, "namespace", None)
    if namespace is not None and namespace.uri == CASE:
        return text.removeprefix(f"{kind}-")
    return text.replace(":", "-").casefold()


PROV = "http://www.w3.org/ns/prov#"


def name(value: Any) -> str:
    """Return a qualified name as "pt:local" or "prov:local" whatever prefix the
    document gave those namespaces (JSON-LD read through rdflib gives none), else as
    text."""
    uri = str(getattr(value, "uri", ""))
    for prefix, namespace in (("pt", PT), ("prov", PROV)):
        if uri.startswith(namespace):
            return f"{prefix}:{uri.removeprefix(namespace)}"
    return str(value)


def _is(key: Any, term: str) -> bool:
    return name(key) == f"pt:{term}"


def values(record: Any, term: str) -> list[Any]:
    """Return the values of the record's attribute pt:`term`, in document order."""
    return [value for key, value in record.attributes if _is(key, term)]


def one(record: Any, term: str) -> Any:
    """Return the first value of pt:`term` as plain data, or None."""
    found = values(record, term)
    return plain(found[0]) if found else None


def types(record: Any) -> set[str]:
    """Return the record's prov:type values as "prefix:local" strings."""
    return {name(v) for k, v in record.attributes if name(k) == "prov:type"}


def plain(value: Any) -> Any:
    """Return an attribute value as case data: a literal's lexical form (a date as the
    case writes it), a qualified name's local part, other values unchanged."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "localpart"):
        return local(value)
    if hasattr(value, "value") and not isinstance(value, (str, int, float, bool)):
        return plain(value.value)
    return value


def _text(value: Any) -> str | None:
    value = plain(value)
    return None if value is None else str(value)


def _label(record: Any) -> str | None:
    labels = [v for k, v in record.attributes if name(k) == "prov:label"]
    return _text(labels[0]) if labels else None


def drop_empty(record: dict[str, Any]) -> dict[str, Any]:
    """Return `record` without None, empty-list and False values (the case defaults)."""
    return {k: v for k, v in record.items() if v not in (None, [], False)}


def case_header(record: Any, case: dict[str, Any]) -> None:
    """Read the case entity (`prov:type pt:Case`): title, description, review, rules."""
    case["title"] = _text(one(record, "title"))
    if one(record, "description"):
        case["description"] = _text(one(record, "description"))
    review = {}
    for key, value in record.attributes:
        if name(key).startswith("pt:review_"):
            review[local(key).removeprefix("review_")] = _text(value)
    if review:
        case["review"] = review
    rules = one(record, "rules")
    if rules:
        case["rules"] = json.loads(rules)


def actor(record: Any) -> dict[str, Any]:
    """Read an agent as an actor."""
    aliases: list[Any] = [_text(a) for a in values(record, "alias")]
    notes = {}
    for note in (_text(n) or "" for n in values(record, "aliasNote")):
        if ": " in note:
            name, _, text = note.partition(": ")
            notes[name] = text
    for name in (_text(n) or "" for n in values(record, "wrongName")):
        aliases.append(drop_empty({"name": name, "error": True, "note": notes.get(name)}))
    kinds = types(record)
    kind = one(record, "kind") or ("person" if "prov:Person" in kinds else "organization")
    found: dict[str, Any] = {
        "id": record_id(record.identifier, "actor"),
        "name": _label(record) or local(record.identifier),
        "kind": str(kind),
        "role": _text(one(record, "role")),
        "aliases": aliases,
        "note": _text(one(record, "note")),
    }
    if one(record, "reliabilityGrade"):
        found["reliability"] = drop_empty(
            {
                "grade": _text(one(record, "reliabilityGrade")),
                "by": _text(one(record, "reliabilityBy")),
                "reason": _text(one(record, "reliabilityReason")),
                "date": _text(one(record, "reliabilityDate")),
            }
        )
    return found


def source(record: Any) -> dict[str, Any]:
    """Read an entity that is no claim, assertion or case as a source."""
    capture = _prefixed(record, "capture_") or None
    return {
        "id": record_id(record.identifier, "source"),
        "title": _label(record) or local(record.identifier),
        "kind": str(one(record, "kind") or "other"),
        "date": _text(one(record, "date")),
        "date_note": _text(one(record, "dateNote")),
        "url": _text(one(record, "url")),
        "archive": _text(one(record, "archive")),
        "recorded": bool(one(record, "recorded")),
        "screenshot": bool(one(record, "screenshot")),
        "capture": capture,
        "note": _text(one(record, "note")),
        "cites": [],
        "rewrites": [],
    }


def _prefixed(record: Any, prefix: str) -> dict[str, Any]:
    """Return the attributes named pt:PREFIXkey as {key: value}."""
    found = {}
    for key, value in record.attributes:
        if name(key).startswith(f"pt:{prefix}"):
            found[local(key).removeprefix(prefix)] = plain(value)
    return found


def claim(record: Any) -> dict[str, Any]:
    """Read an entity of `prov:type pt:Claim` as a claim."""
    found: dict[str, Any] = {
        "id": record_id(record.identifier, "claim"),
        "text": _label(record),
        "tags": [_text(t) for t in values(record, "tag")],
        "note": _text(one(record, "note")),
    }
    for term, field in (
        ("moreSpecificThan", "more_specific_than"),
        ("contradicts", "contradicts"),
        ("contextFor", "context_for"),
        ("contextAgainst", "context_against"),
    ):
        found[field] = [record_id(v, "claim") for v in values(record, term)]
    said_by = values(record, "saidBy")
    if said_by:
        found["said_by"] = record_id(said_by[0], "actor")
    quantity = _prefixed(record, "quantity_")
    if quantity:
        found["quantity"] = quantity
    found["about"] = _text(one(record, "about"))
    found["future"] = bool(one(record, "future"))
    return found


def assertion(record: Any) -> dict[str, Any]:
    """Read an entity of `prov:type pt:Assertion` as an assertion (its actor comes from
    its attribution)."""
    read_in = values(record, "readIn")
    paraphrase = "paraphrase" if one(record, "paraphrase") else None  # older exports
    return {
        "id": record_id(record.identifier, "assertion"),
        "actor": None,
        "claim": record_id(values(record, "claim")[0], "claim")
        if values(record, "claim")
        else None,
        "source": record_id(values(record, "source")[0], "source")
        if values(record, "source")
        else None,
        "read_in": record_id(read_in[0], "source") if read_in else None,
        "stance": _text(one(record, "stance")),
        "basis": _text(one(record, "basis")),
        "date": _text(one(record, "date")),
        "undated": bool(one(record, "undated")),
        "about": _text(one(record, "about")),
        "quote": _text(one(record, "quote")),
        "quote_mode": _text(one(record, "quoteMode")) or paraphrase,
        "quote_language": _text(one(record, "quoteLanguage")),
        "speech_act": _text(one(record, "speechAct")),
        "self_interested": bool(one(record, "selfInterested")),
        "interest_note": _text(one(record, "interestNote")),
        "admits_fabrication": bool(one(record, "admitsFabrication")),
        "attribution": _challenge(record),
        "named_as": _text(one(record, "namedAs")),
        "title": _text(one(record, "speakerTitle")),
        "note": _text(one(record, "note")),
    }


def _challenge(record: Any) -> dict[str, Any] | None:
    challenge = one(record, "attributionChallenge")
    if challenge is None:
        return None
    return drop_empty(
        {
            "challenge": str(challenge),
            "assertions": [
                record_id(v, "assertion") for v in values(record, "challengedByAssertion")
            ],
            "sources": [record_id(v, "source") for v in values(record, "challengedBySource")],
            "note": _text(one(record, "attributionNote")),
        }
    )


def case_from_document(document: Any) -> tuple[CaseData, list[str]]:
    """Return case data read from a `prov.model.ProvDocument`, and one line per record
    or relation that could not be mapped."""
    import prov.model as pm

    from provenance.imports.prov_relations import Records, apply_relations

    case: dict[str, Any] = {"actors": [], "sources": [], "claims": [], "assertions": []}
    found = Records()
    skipped: set[str] = set()  # what the engine computed, by qualified name
    for record in document.get_records(pm.ProvAgent):
        if types(record) & COMPUTED_TYPES:
            skipped.add(str(record.identifier))
            continue
        read = actor(record)
        found.actors[read["id"]] = read
    for record in document.get_records(pm.ProvEntity):
        kinds = types(record)
        if kinds & COMPUTED_TYPES:
            skipped.add(str(record.identifier))
        elif "pt:Case" in kinds:
            case_header(record, case)
        elif "pt:Claim" in kinds:
            read = claim(record)
            found.claims[read["id"]] = read
        elif "pt:Assertion" in kinds:
            read = assertion(record)
            found.assertions[read["id"]] = read
        else:
            read = source(record)
            found.sources[read["id"]] = read
    unmapped = apply_relations(document, found, skipped)
    case["actors"] = list(found.actors.values())
    case["sources"] = list(found.sources.values())
    case["claims"] = list(found.claims.values())
    case["assertions"] = list(found.assertions.values())
    for key in ("actors", "sources", "claims", "assertions"):
        case[key] = [drop_empty(r) for r in sorted(case[key], key=lambda r: r["id"])]
    return case, unmapped
