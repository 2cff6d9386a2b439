"""`prov import prov-json`: read a PROV-JSON document back into case data.

Documents this tool wrote (the `pt:` vocabulary of provenance.export.prov) come back whole.
From other PROV tools, agents become actors and entities become sources; whatever cannot
be mapped is listed, never dropped silently.
"""

from __future__ import annotations

import json
from typing import Any

from provenance.errors import ProvenanceError
from provenance.export.prov import CASE, PT
from provenance.imports.registry import CaseData


def _local(name: Any) -> str:
    return str(getattr(name, "localpart", name))


def _id(name: Any, kind: str) -> str:
    local = _local(name)
    return (
        local.removeprefix(f"{kind}-")
        if getattr(name, "namespace", None) and name.namespace.uri == CASE
        else local.replace(":", "-").casefold()
    )


def _values(record: Any, term: str) -> list[Any]:
    found = []
    for key, value in record.attributes:
        if getattr(key, "uri", None) == PT + term or str(key) == f"pt:{term}":
            found.append(value)
    return found


def _one(record: Any, term: str) -> Any:
    values = _values(record, term)
    return values[0] if values else None


def _label(record: Any) -> str | None:
    labels = [v for k, v in record.attributes if str(k) == "prov:label"]
    return str(labels[0]) if labels else None


def _types(record: Any) -> set[str]:
    return {str(v) for k, v in record.attributes if str(k) == "prov:type"}


def _plain(value: Any) -> Any:
    if hasattr(value, "localpart"):
        return _local(value)
    if hasattr(value, "value") and not isinstance(value, (str, int, float, bool)):
        return value.value
    return value


def _drop_none(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v not in (None, [], False)}


def case_from_prov_json(text: str) -> tuple[CaseData, list[str]]:
    """Return case data read from a PROV-JSON document, and one line per record or
    relation that could not be mapped. Raises ProvenanceError if it is not PROV-JSON."""
    import prov.model as pm

    try:
        json.loads(text)
        document = pm.ProvDocument.deserialize(content=text, format="json")
    # The prov library raises whatever its parser trips over on foreign input; any
    # failure to read the file is the file's problem, reported as one line.
    except Exception as exc:
        raise ProvenanceError(
            f"not a PROV-JSON document ({exc.__class__.__name__}: {exc})"
        ) from exc
    case: dict[str, Any] = {"actors": [], "sources": [], "claims": [], "assertions": []}
    unmapped: list[str] = []
    by_actor: dict[str, dict[str, Any]] = {}
    by_source: dict[str, dict[str, Any]] = {}
    by_assertion: dict[str, dict[str, Any]] = {}

    for record in document.get_records(pm.ProvAgent):
        actor = _actor(record)
        by_actor[actor["id"]] = actor
        case["actors"].append(actor)
    for record in document.get_records(pm.ProvEntity):
        types = _types(record)
        if "pt:Case" in types:
            _case_header(record, case)
        elif "pt:Claim" in types:
            case["claims"].append(_claim(record))
        elif "pt:Assertion" in types:
            assertion = _assertion(record)
            by_assertion[assertion["id"]] = assertion
            case["assertions"].append(assertion)
        else:
            source = _source(record)
            by_source[source["id"]] = source
            case["sources"].append(source)
    for record in document.get_records():
        if isinstance(record, (pm.ProvAgent, pm.ProvEntity)):
            continue
        if not _relation(record, by_actor, by_source, by_assertion):
            unmapped.append(f"not mapped: {record.get_provn()}")
    for key in ("actors", "sources", "claims", "assertions"):
        case[key] = [_drop_none(r) for r in sorted(case[key], key=lambda r: r["id"])]
    return case, unmapped


def _case_header(record: Any, case: dict[str, Any]) -> None:
    case["title"] = _one(record, "title")
    if _one(record, "description"):
        case["description"] = _one(record, "description")
    review = {}
    for key, value in record.attributes:
        local = _local(key)
        if str(key).startswith("pt:review_"):
            review[local.removeprefix("review_")] = _plain(value)
    if review:
        case["review"] = review
    rules = _one(record, "rules")
    if rules:
        case["rules"] = json.loads(rules)


def _actor(record: Any) -> dict[str, Any]:
    aliases: list[Any] = [str(a) for a in _values(record, "alias")]
    notes = {
        n.split(": ", 1)[0]: n.split(": ", 1)[1]
        for n in map(str, _values(record, "aliasNote"))
        if ": " in n
    }
    for name in map(str, _values(record, "wrongName")):
        aliases.append(_drop_none({"name": name, "error": True, "note": notes.get(name)}))
    types = _types(record)
    kind = _one(record, "kind") or ("person" if "prov:Person" in types else "organization")
    actor: dict[str, Any] = {
        "id": _id(record.identifier, "actor"),
        "name": _label(record) or _local(record.identifier),
        "kind": str(kind),
        "role": _one(record, "role"),
        "aliases": aliases,
        "note": _one(record, "note"),
    }
    if _one(record, "reliabilityGrade"):
        actor["reliability"] = _drop_none(
            {
                "grade": str(_one(record, "reliabilityGrade")),
                "by": _one(record, "reliabilityBy"),
                "reason": _one(record, "reliabilityReason"),
                "date": _one(record, "reliabilityDate"),
            }
        )
    return actor


def _source(record: Any) -> dict[str, Any]:
    return {
        "id": _id(record.identifier, "source"),
        "title": _label(record) or _local(record.identifier),
        "kind": str(_one(record, "kind") or "other"),
        "date": _one(record, "date"),
        "date_note": _one(record, "dateNote"),
        "url": _one(record, "url"),
        "archive": _one(record, "archive"),
        "recorded": bool(_one(record, "recorded")),
        "screenshot": bool(_one(record, "screenshot")),
        "capture": _prefixed(record, "capture_") or None,
        "note": _one(record, "note"),
        "cites": [],
        "rewrites": [],
    }


def _prefixed(record: Any, prefix: str) -> dict[str, Any]:
    """Return the attributes named pt:PREFIXkey as {key: value}."""
    return {
        _local(key).removeprefix(prefix): _plain(value)
        for key, value in record.attributes
        if str(key).startswith(f"pt:{prefix}")
    }


def _claim(record: Any) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "id": _id(record.identifier, "claim"),
        "text": _label(record),
        "tags": [str(t) for t in _values(record, "tag")],
        "note": _one(record, "note"),
    }
    for term, field in (
        ("moreSpecificThan", "more_specific_than"),
        ("contradicts", "contradicts"),
        ("contextFor", "context_for"),
    ):
        claim[field] = [_id(v, "claim") for v in _values(record, term)]
    quantity = {}
    for key, value in record.attributes:
        if str(key).startswith("pt:quantity_"):
            quantity[_local(key).removeprefix("quantity_")] = _plain(value)
    if quantity:
        claim["quantity"] = quantity
    claim["about"] = _one(record, "about")
    claim["future"] = bool(_one(record, "future"))
    return claim


def _assertion(record: Any) -> dict[str, Any]:
    read_in = _one(record, "readIn")
    return {
        "id": _id(record.identifier, "assertion"),
        "actor": None,
        "claim": _id(_one(record, "claim"), "claim"),
        "source": _id(_one(record, "source"), "source"),
        "read_in": _id(read_in, "source") if read_in else None,
        "stance": str(_one(record, "stance")),
        "basis": str(_one(record, "basis")),
        "date": _one(record, "date"),
        "undated": bool(_one(record, "undated")),
        "about": _one(record, "about"),
        "quote": _one(record, "quote"),
        "quote_mode": _one(record, "quoteMode")
        or ("paraphrase" if _one(record, "paraphrase") else None),
        "quote_language": _one(record, "quoteLanguage"),
        "speech_act": _one(record, "speechAct"),
        "self_interested": bool(_one(record, "selfInterested")),
        "interest_note": _one(record, "interestNote"),
        "admits_fabrication": bool(_one(record, "admitsFabrication")),
        "attribution": _challenge(record),
        "named_as": _one(record, "namedAs"),
        "title": _one(record, "speakerTitle"),
        "note": _one(record, "note"),
    }


def _challenge(record: Any) -> dict[str, Any] | None:
    challenge = _one(record, "attributionChallenge")
    if challenge is None:
        return None
    return _drop_none(
        {
            "challenge": str(challenge),
            "assertions": [_id(v, "assertion") for v in _values(record, "challengedByAssertion")],
            "sources": [_id(v, "source") for v in _values(record, "challengedBySource")],
            "note": _one(record, "attributionNote"),
        }
    )


def _relation(
    record: Any, actors: dict[str, Any], sources: dict[str, Any], assertions: dict[str, Any]
) -> bool:
    """Apply one PROV relation to the case; return False when it has no case meaning."""
    import prov.model as pm

    args = record.formal_attributes
    first = args[0][1] if args else None
    second = args[1][1] if len(args) > 1 else None
    if first is None or second is None:
        return False
    roles = {str(v) for k, v in record.attributes if str(k) == "prov:role"}
    if isinstance(record, pm.ProvAttribution):
        entity, agent = _local(first), _id(second, "actor")
        if entity.startswith("assertion-") and _id(first, "assertion") in assertions:
            assertions[_id(first, "assertion")]["actor"] = agent
            return True
        source = sources.get(_id(first, "source"))
        if source is not None:
            role = "author" if "pt:author" in roles else "publisher"
            source[role] = agent
            return True
        return False
    if isinstance(record, pm.ProvDelegation):
        actor = actors.get(_id(first, "actor"))
        if actor is not None:
            actor["affiliation"] = _id(second, "actor")
            return True
        return False
    if isinstance(record, pm.ProvDerivation):
        types = {str(v) for k, v in record.attributes if str(k) == "prov:type"}
        if "prov:Quotation" in types and _id(first, "assertion") in assertions:
            assertions[_id(first, "assertion")]["via"] = _id(second, "assertion")
            return True
        if "prov:PrimarySource" in types and _id(first, "assertion") in assertions:
            return True  # carried by the assertion's pt:source already
        source = sources.get(_id(first, "source"))
        if source is not None and _id(second, "source") in sources and "prov:Revision" in types:
            source["revision_of"] = _id(second, "source")
            return True
        if source is not None and _id(second, "source") in sources and "pt:Rewrite" in types:
            source["rewrites"] = sorted([*source["rewrites"], _id(second, "source")])
            return True
        if source is not None and _id(second, "source") in sources:
            source["cites"].append(_id(second, "source"))
            source["cites"].sort()
            return True
    return False
