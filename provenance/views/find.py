"""Term resolution: what a user's word names in a case, for every command taking a term
(`prov trace`, `explain`, `render`, `export --format claimreview`).

`find(doc, term)` matches ids, names, aliases, tags and claim wording, case- and
accent-insensitive; `KIND:ID` (e.g. `claim:japan-sold`) picks one record. `find_id`
resolves an exact id of one kind (what `prov explain` takes).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

from provenance.errors import LookupFailed
from provenance.vocab import RECORD_KINDS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from provenance.records import Document

KINDS = RECORD_KINDS


def normalize(text: str) -> str:
    """Return `text` folded for matching: lower case, accents removed, and runs of
    punctuation or spaces turned into single spaces.

    >>> normalize("  Nórinchukin  BANK ")
    'norinchukin bank'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[\W_]+", " ", plain).split())


class Match(NamedTuple):
    """One record a term names: its kind and id, and the field and text that matched."""

    kind: str
    id: str
    field: str
    value: str


def _keys(doc: Document) -> Iterator[tuple[str, str, str, str]]:
    """Yield (kind, id, field, text) for everything a term may match."""
    case = doc["case"]
    for actor in case.get("actors", []):
        yield "actor", actor["id"], "id", actor["id"]
        yield "actor", actor["id"], "name", actor["name"]
        for alias in actor.get("aliases", []):
            yield "actor", actor["id"], "alias", alias["name"]
    for source in case.get("sources", []):
        yield "source", source["id"], "id", source["id"]
        yield "source", source["id"], "title", source["title"]
    for claim in case.get("claims", []):
        yield "claim", claim["id"], "id", claim["id"]
        yield "claim", claim["id"], "text", claim["text"]
        for tag in claim.get("tags", []):
            yield "claim", claim["id"], "tag", tag
    for assertion in case.get("assertions", []):
        yield "assertion", assertion["id"], "id", assertion["id"]


def find_id(doc: Document, kind: str, record_id: str, see: str = "") -> Match:
    """Return the record of `kind` with id `record_id`, or raise LookupFailed naming the
    closest id, followed by `see` (where to look) when given.

    Example: `find_id(doc, "claim", "japan-sold").id` is `"japan-sold"`.
    """
    for k, rid, fld, value in _keys(doc):
        if k == kind and fld == "id" and value == record_id:
            return Match(k, rid, fld, value)
    ids = [rid for k, rid, fld, _ in _keys(doc) if k == kind and fld == "id"]
    where = f"; {see}" if see else ""
    raise LookupFailed(f"no {kind} with id '{record_id}'{_hint(record_id, ids)}{where}")


def find(doc: Document, term: str) -> list[Match]:
    """Return what `term` names: exact matches on an id, name, alias or tag if any, else
    matches of the term inside names and wording; claims first. Raises LookupFailed
    with suggestions when nothing matches. `kind:id` (e.g. `claim:japan-sold`) picks one.

    Example: `find(doc, "Gaspardino")` finds the actor `gasparino` by a recorded alias.
    """
    kind, _, rest = term.partition(":")
    if rest and kind in KINDS:
        return [find_id(doc, kind, rest)]
    wanted = normalize(term)
    if not wanted:
        raise LookupFailed("empty term: name a claim, actor or source (see 'prov status')")
    exact: dict[tuple[str, str], Match] = {}
    partial: dict[tuple[str, str], Match] = {}
    for k, rid, fld, value in _keys(doc):
        folded = normalize(value)
        if folded == wanted and fld != "text":
            exact.setdefault((k, rid), Match(k, rid, fld, value))
        elif k != "assertion" and re.search(rf"(?<!\w){re.escape(wanted)}", folded):
            partial.setdefault((k, rid), Match(k, rid, fld, value))
    found = exact or partial
    if not found:
        names = [value for k, _, fld, value in _keys(doc) if fld != "text"]
        raise LookupFailed(
            f"nothing matches '{term}'{_hint(term, names)}; 'prov status' lists every claim"
        )
    return sorted(found.values(), key=lambda m: (KINDS.index(m.kind), m.id))


def _hint(word: str, choices: list[str]) -> str:
    # rapidfuzz is imported only when a lookup fails, off the fast path.
    from provenance.suggest import hint

    return hint(word, choices)
