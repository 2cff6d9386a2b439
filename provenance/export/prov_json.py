"""PROV-JSON written directly: the records of the PROV mapping (provenance.export.
prov_model) made into the PROV-JSON container as plain dicts and written by orjson
(provenance.export.json_text), without building a `prov` library document.

The output is the `prov` library's, byte for byte (its `ProvJSONSerializer` with
`indent=2`): the same records in the same order, blank-node ids `_:id1`, `_:id2`, ... in
record order, attributes in the order first given with repeated values merged as the
library's value sets merge them, values typed as it types them (`xsd:QName` names,
`xsd:int`/`xsd:long`/`xsd:integer` by magnitude, `xsd:double`, an `xsd:dateTime`
literal in its parsed form, `xsd:anyURI`), and non-ASCII text as `\\uXXXX` escapes.
`prov.prov_json_library` writes the same through the library; the tests compare the two
on the seed case and on generated hostile cases.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Hashable
from typing import Any, NamedTuple

from provenance import dates
from provenance.export.json_text import dumps
from provenance.export.options import ExportOptions
from provenance.export.prov_model import NAMESPACES, write_case
from provenance.export.prov_sinks import Pairs
from provenance.records import Document

#: Each relation the mapping writes: its PROV-JSON section and its formal attributes in
#: the order of the `prov` library's arguments, and the type the library asserts on it.
RELATIONS: dict[str, tuple[str, tuple[str, ...], str | None]] = {
    "wasGeneratedBy": ("wasGeneratedBy", ("prov:entity", "prov:activity", "prov:time"), None),
    "used": ("used", ("prov:activity", "prov:entity", "prov:time"), None),
    "wasAssociatedWith": (
        "wasAssociatedWith",
        ("prov:activity", "prov:agent", "prov:plan"),
        None,
    ),
    "wasAttributedTo": ("wasAttributedTo", ("prov:entity", "prov:agent"), None),
    "actedOnBehalfOf": (
        "actedOnBehalfOf",
        ("prov:delegate", "prov:responsible", "prov:activity"),
        None,
    ),
}
_DERIVATION = (
    "prov:generatedEntity",
    "prov:usedEntity",
    "prov:activity",
    "prov:generation",
    "prov:usage",
)
RELATIONS.update(
    (kind, ("wasDerivedFrom", _DERIVATION, asserted))
    for kind, asserted in (
        ("wasDerivedFrom", None),
        ("wasRevisionOf", "prov:Revision"),
        ("wasQuotedFrom", "prov:Quotation"),
        ("hadPrimarySource", "prov:PrimarySource"),
    )
)
_INT32 = 2**31
_INT64 = 2**63


class Value(NamedTuple):
    """A value as PROV-JSON writes it, with the key the library tells values apart by
    (two values with one key are one value)."""

    key: Hashable
    json: object


def prov_json(doc: Document, options: ExportOptions) -> str:
    """Return the case as PROV-JSON, the bytes the `prov` library writes."""
    sink = JsonSink()
    write_case(sink, doc, options)
    return dumps(sink.container, ascii=True) + "\n"


class JsonSink:
    """The PROV-JSON container, built record by record (a provenance.export.prov_sinks.
    Sink): {"prefix": ..., "entity": {id: {attribute: value}}, "wasDerivedFrom": ...},
    sections in the order their first record came."""

    def __init__(self) -> None:
        self.container: dict[str, dict[str, Any]] = {"prefix": dict(NAMESPACES)}
        self._blank = 0

    def q(self, name: str) -> object:
        """Return a qualified name as a value: {"$": name, "type": "xsd:QName"}."""
        return Value(("q", name), {"$": name, "type": "xsd:QName"})

    def literal(self, lexical: str, datatype: str) -> object:
        """Return a typed literal as the library keeps it: an xsd:dateTime parsed (and
        written in Python's ISO form: "Z" becomes "+00:00"), any other as given."""
        if datatype == "dateTime":
            moment = dates.python_datetime(lexical)
            if moment is not None:
                return Value(("t", moment), {"$": moment.isoformat(), "type": "xsd:dateTime"})
        return Value(("l", lexical, datatype), {"$": lexical, "type": f"xsd:{datatype}"})

    def element(self, kind: str, identifier: str, attributes: Pairs) -> None:
        """Add an entity, agent or activity."""
        self._add(kind, identifier, _attributes({}, attributes))

    def relation(self, kind: str, *formal: object, attributes: Pairs | None = None) -> None:
        """Add a relation under a blank-node id, its formal attributes first."""
        section, names, asserted = RELATIONS[kind]
        body: dict[str, Any] = {}
        for name, value in zip(names, formal, strict=False):
            if isinstance(value, dt.datetime):
                body[name] = value.isoformat()
            elif value is not None:
                body[name] = value
        pairs = list(attributes or [])
        if asserted:
            pairs.append(("prov:type", self.q(asserted)))
        self._blank += 1
        self._add(section, f"_:id{self._blank}", _attributes(body, pairs))

    def _add(self, section: str, identifier: str, body: dict[str, Any]) -> None:
        records = self.container.setdefault(section, {})
        if identifier not in records:
            records[identifier] = body
        elif isinstance(records[identifier], list):  # a second record of one id
            records[identifier].append(body)
        else:
            records[identifier] = [records[identifier], body]


def _attributes(body: dict[str, Any], pairs: Pairs) -> dict[str, Any]:
    """Return `body` with the attributes of `pairs` added: repeated values of one
    attribute merged, one value as itself, several as a list in the order given."""
    values: dict[str, dict[Hashable, object]] = {}
    for name, value in pairs:
        if value is not None:
            typed = _value(value)
            values.setdefault(name, {}).setdefault(typed.key, typed.json)
    for name, found in values.items():
        body[name] = next(iter(found.values())) if len(found) == 1 else list(found.values())
    return body


def _value(value: object) -> Value:
    """Return a plain value as the library types it: booleans and strings as they are,
    integers and floats as typed literals (XSD lexical forms)."""
    if isinstance(value, Value):
        return value
    if isinstance(value, str):
        text = str(value)  # a str subclass (an enum member) as its text, as the library
        return Value((str, text), text)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return Value((type(value), value), value)
    if isinstance(value, float):
        return Value((float, value), {"$": _double(value), "type": "xsd:double"})
    kind = (
        "int" if -_INT32 <= value < _INT32 else "long" if -_INT64 <= value < _INT64 else "integer"
    )
    return Value((int, value), {"$": str(value), "type": f"xsd:{kind}"})


def _double(value: float) -> str:
    """Return the xsd:double lexical form of a float (INF, -INF, NaN; else its repr)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    return repr(value)
