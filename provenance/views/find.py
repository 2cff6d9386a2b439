"""Term resolution: what a user's word names in a case, for every command taking a term
(`prov trace`, `explain`, `render`, `export --format claimreview`).

`find(doc, term)` matches ids, names, aliases, tags and claim wording, folding case,
accents, full-width forms, kana and traditional/simplified Chinese; `KIND:ID` (e.g.
`claim:japan-sold`) picks one record. `resolve` gives the one record of a kind a
command needs (`prov explain`): exact id, then exact name, alias or tag, then a match
inside names and wording; several in the best tier raise `Ambiguous` with the
candidates. `find_id` resolves an exact id of one kind.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple, Protocol

from provenance.errors import LookupFailed
from provenance.folding import HAN, UNSPACED, Key, normalize, pattern, term_keys
from provenance.vocab import RECORD_KINDS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from provenance.records import Document

__all__ = ["Ambiguous", "Match", "TermIndex", "Tiers", "find", "find_id", "normalize", "resolve"]

KINDS = RECORD_KINDS


class TermIndex(Protocol):
    """A prebuilt index of a document's term keys (provenance.store keeps one, in an
    FTS5 table): it narrows the keys a term is checked against, never the answer."""

    def containing(self, folded: str) -> list[Key] | None:
        """Return every key whose folded text (folding.normalize) contains `folded`, or
        None when the index cannot tell (every key is then checked)."""

    def keys(self) -> list[Key] | None:
        """Return every key, in term_keys order (for suggestions when nothing matches,
        from a document read without some of its sections), or None."""


class Match(NamedTuple):
    """One record a term names: its kind and id, and the field and text that matched."""

    kind: str
    id: str
    field: str
    value: str


def label(doc: Document, match: Match) -> str:
    """Return the words that tell a person which record `match` is: a claim's wording, an
    actor's name, a source's title (an assertion: its id)."""
    case = doc["case"]
    if match.kind == "claim":
        return next((c["text"] for c in case["claims"] if c["id"] == match.id), match.id)
    if match.kind == "actor":
        return next((a["name"] for a in case["actors"] if a["id"] == match.id), match.id)
    if match.kind == "source":
        return next((s["title"] for s in case["sources"] if s["id"] == match.id), match.id)
    return match.id


def find_id(
    doc: Document, kind: str, record_id: str, see: str = "", index: TermIndex | None = None
) -> Match:
    """Return the record of `kind` with id `record_id`, or raise LookupFailed naming the
    closest id, followed by `see` (where to look) when given.

    Example: `find_id(doc, "claim", "japan-sold").id` is `"japan-sold"`.
    """
    for k, rid, fld, value in _candidates(doc, normalize(record_id), index):
        if k == kind and fld == "id" and value == record_id:
            return Match(k, rid, fld, value)
    left_out = _left_out(doc, record_id)
    if left_out is not None:
        raise left_out
    ids = [rid for k, rid, fld, _ in _every(doc, index) if k == kind and fld == "id"]
    where = f"; {see}" if see else ""
    raise LookupFailed(f"no {kind} with id '{record_id}'{_hint(record_id, ids)}{where}")


class Ambiguous(LookupFailed):
    """A term that must name one record names several: `candidates`, best first."""

    def __init__(self, term: str, candidates: list[Match], message: str) -> None:
        super().__init__(message)
        self.term = term
        self.candidates = candidates


class Tiers(NamedTuple):
    """What a term matches, by how well: `exact` (an id, name, alias or tag equal to the
    term once folded) and `partial` (the term inside a name or the wording of a claim)."""

    exact: list[Match]
    partial: list[Match]


def _candidates(doc: Document, folded: str, index: TermIndex | None) -> Iterable[Key]:
    """Return the keys to check for a term folded to `folded`, in term_keys order: those
    the index says contain it, or all of them."""
    keys = None if index is None or not folded else index.containing(folded)
    return term_keys(doc) if keys is None else keys


def _order(found: dict[tuple[str, str], Match]) -> list[Match]:
    return sorted(found.values(), key=lambda m: (KINDS.index(m.kind), m.id))


def tiers(doc: Document, term: str, index: TermIndex | None = None) -> Tiers:
    """Return every record `term` matches, exact matches and partial ones (a record is in
    one tier only; assertions only by their exact id), each tier claims first. `index`
    (the stored term index) gives the keys whose folded text holds the term, so only
    those are folded and checked: the same answer, without folding the whole case.
    Raises LookupFailed for an empty term."""
    wanted = normalize(term)
    if not wanted:
        raise LookupFailed("empty term: name a claim, actor or source (see 'prov status')")
    han = not wanted.isascii() and bool(pattern(HAN).search(wanted))
    unspaced = not wanted.isascii() and pattern(UNSPACED).search(wanted)
    inside = re.escape(wanted) if unspaced else rf"(?<!\w){re.escape(wanted)}"
    inside_name = re.compile(inside)
    exact: dict[tuple[str, str], Match] = {}
    partial: dict[tuple[str, str], Match] = {}
    for k, rid, fld, value in _candidates(doc, wanted, index):
        folded = normalize(value, han)
        if folded == wanted and fld != "text":
            exact.setdefault((k, rid), Match(k, rid, fld, value))
        elif k != "assertion" and inside_name.search(folded):
            partial.setdefault((k, rid), Match(k, rid, fld, value))
    return Tiers(_order(exact), _order({k: m for k, m in partial.items() if k not in exact}))


def find(doc: Document, term: str, index: TermIndex | None = None) -> list[Match]:
    """Return what `term` names: exact matches on an id, name, alias or tag if any, else
    matches of the term inside names and wording; claims first. Matching folds case,
    accents, full-width forms, katakana/hiragana and traditional/simplified Chinese, and
    finds a Chinese or Japanese term anywhere inside a name (林中 in 農林中金). Raises
    LookupFailed with suggestions when nothing matches. `kind:id` (e.g.
    `claim:japan-sold`) picks one.

    Example: `find(doc, "Gaspardino")` finds the actor `gasparino` by a recorded alias.
    """
    kind, _, rest = term.partition(":")
    if rest and kind in KINDS:
        return [find_id(doc, kind, rest, index=index)]
    found = tiers(doc, term, index)
    if not found.exact and not found.partial:
        raise _nothing(doc, term, index)
    return found.exact or found.partial


def _left_out(doc: Document, record_id: str) -> LookupFailed | None:
    """Return the error for an id an `--as-of` view left out (said later, or undated),
    or None: "nothing matches" would be wrong about a record the case has."""
    cut = doc.get("as_of")
    for o in cut["omitted"] if cut else []:
        if o["id"] == record_id and cut:
            return LookupFailed(
                f"{o['kind']} '{o['id']}' is left out of the view as of {cut['date']}: "
                f"{o['reason']}; try a later --as-of"
            )
    return None


def _every(doc: Document, index: TermIndex | None) -> Iterable[Key]:
    """Return every key a term may match: the index's (a document read for one view may
    lack sections), else the document's."""
    keys = None if index is None else index.keys()
    return term_keys(doc) if keys is None else keys


def _nothing(doc: Document, term: str, index: TermIndex | None = None) -> LookupFailed:
    left_out = _left_out(doc, term)
    if left_out is not None:
        return left_out
    names = [value for k, _, fld, value in _every(doc, index) if fld not in ("text", "wrong name")]
    return LookupFailed(
        f"nothing matches '{term}'{_hint(term, names)}; 'prov status' lists every claim"
    )


def resolve(
    doc: Document, term: str, kind: str, command: str, index: TermIndex | None = None
) -> Match:
    """Return the one record of `kind` that `term` names, for a command that takes one
    (`prov explain`): an exact id first, then an exact name, alias or tag, then a match
    inside names and wording. Raises Ambiguous listing the candidates when several
    match in the best tier, LookupFailed (with the closest name) when none does.

    Example: `resolve(doc, "norinchukin", "claim", "explain").id` is `"norinchukin-sold"`.
    """
    prefix, _, rest = term.partition(":")
    if rest and prefix in KINDS:
        if prefix != kind:
            raise LookupFailed(f"'prov {command}' takes a {kind}, not {prefix}:{rest}")
        return find_id(doc, kind, rest, f"'prov status' lists every {kind}", index)
    for k, rid, fld, value in _candidates(doc, normalize(term), index):
        if k == kind and fld == "id" and value == term:
            return Match(k, rid, fld, value)
    found = tiers(doc, term, index)
    for tier in found:
        ours = [m for m in tier if m.kind == kind]
        if len(ours) == 1:
            return ours[0]
        if ours:
            listing = ", ".join(m.id for m in ours)
            raise Ambiguous(
                term,
                ours,
                f"'{term}' matches {len(ours)} {kind}s: {listing}; "
                f"run 'prov {command} ID' with one of them",
            )
    if found.exact or found.partial:
        others = ", ".join(f"{m.kind}:{m.id}" for m in [*found.exact, *found.partial][:5])
        raise LookupFailed(
            f"'{term}' names no {kind} (it matches {others}); 'prov status' lists every claim"
        )
    raise _nothing(doc, term, index)


def _hint(word: str, choices: list[str]) -> str:
    # rapidfuzz is imported only when a lookup fails, off the fast path.
    from provenance.suggest import hint

    return hint(word, choices)
