"""Where the PROV mapping (provenance.export.prov_model) writes its records: the `Sink`
protocol, and `LibrarySink`, the `prov` library's `ProvDocument` behind it. The direct
PROV-JSON writer (provenance.export.prov_json) is the other sink.

A sink is told records in the `prov` library's own words (its method names, the order
of their formal arguments), so the library sink is a thin call and the library stays
the reference the direct writer is tested against.
"""

from __future__ import annotations

from typing import Protocol

#: (PROV attribute, value) pairs; None and empty values are left out.
Pairs = list[tuple[str, object]]


class Sink(Protocol):
    """Where the mapping writes its records: the `prov` library's ProvDocument
    (`LibrarySink`, the reference) or the direct PROV-JSON writer (provenance.export.
    prov_json). Record kinds and the order of formal arguments are the `prov` library's
    method names and signatures: element("agent", id, attributes), relation(
    "wasAttributedTo", entity, agent, attributes=...)."""

    def q(self, name: str) -> object:
        """Return "prefix:local" as a qualified-name value."""
        ...

    def literal(self, lexical: str, datatype: str) -> object:
        """Return a literal of an XML Schema type ("date", "anyURI", ...)."""
        ...

    def element(self, kind: str, identifier: str, attributes: Pairs) -> None:
        """Add an entity, agent or activity with its attributes."""
        ...

    def relation(self, kind: str, *formal: object, attributes: Pairs | None = None) -> None:
        """Add a relation (unnamed) with its formal arguments and other attributes."""
        ...


class LibrarySink:
    """A `prov.model.ProvDocument` as a Sink: what PROV-N, PROV-XML and PROV-O are
    written from, and the reference the direct PROV-JSON writer is tested against."""

    def __init__(self, namespaces: dict[str, str]) -> None:
        import prov.model as pm

        self.document = pm.ProvDocument()
        for prefix, uri in namespaces.items():
            self.document.add_namespace(prefix, uri)

    def q(self, name: str) -> object:
        """Return the document's qualified name for "prefix:local"."""
        return self.document.valid_qualified_name(name)

    def literal(self, lexical: str, datatype: str) -> object:
        """Return a `prov.model.Literal` typed `xsd:<datatype>`."""
        import prov.model as pm

        return pm.Literal(lexical, pm.XSD[datatype])

    def element(self, kind: str, identifier: str, attributes: Pairs) -> None:
        """Add an element by the library's method of that name (entity, agent, ...)."""
        getattr(self.document, kind)(identifier, other_attributes=attributes)

    def relation(self, kind: str, *formal: object, attributes: Pairs | None = None) -> None:
        """Add a relation by the library's method of that name (wasDerivedFrom, ...)."""
        getattr(self.document, kind)(*formal, other_attributes=attributes)
