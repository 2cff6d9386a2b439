"""Quote drift: one remark, quoted "verbatim" with different words in different places.

Two verbatim quotes of one speaker on one occasion that differ (neither an excerpt of the
other), printed by different outlets, cannot both be the speaker's words (two sentences
one outlet prints are two remarks: `drifting`; so are quotes the case gives for
different claims). Translations are not compared (two
translators render one sentence differently), nor paraphrases (their words are the
outlet's). The engine caps the attribution of every assertion of a drifted occasion at
a single second-hand report (provenance.engine.attribution); `prov check` reports the
same groups (provenance.checks.drift).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from provenance.textindex import fold
from provenance.vocab import QuoteMode

if TYPE_CHECKING:
    from provenance.engine.read import Assertion


def quote_key(quote: str) -> str:
    """Return a quote as variants are compared: folded, without closing punctuation.

    >>> quote_key("“It does exist as a card.”")
    'it does exist as a card'
    """
    return fold(quote).strip(".,;!?\"' ")


def quote_variants(quotes: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Group (id, quote) pairs by their words, in the order given: a quote contained in
    another (an excerpt) joins the other's group.

    >>> quote_variants([("a", "It does exist as a card."), ("b", "it does exist"),
    ...                 ("c", "We do indeed hold a card")])
    [['a', 'b'], ['c']]
    """
    variants: dict[str, list[str]] = {}
    for ident, quote in quotes:
        key = quote_key(quote)
        same = next((k for k in variants if key in k or k in key), None)
        variants.setdefault(same or key, []).append(ident)
    return list(variants.values())


def drifting(groups: list[list[str]], outlet: Mapping[str, str]) -> list[list[str]]:
    """Return the variant groups (of `quote_variants`) that conflict with another: two
    versions conflict when each was printed by an outlet (`outlet`, per id: where it was
    read) that did not print the other. Two sentences one outlet prints are two remarks,
    not two versions of one; nor is a second sentence of an outlet that also prints the
    version another outlet gives.

    >>> drifting([["a"], ["b"]], {"a": "post", "b": "post"})
    []
    >>> drifting([["a", "c"], ["b"]], {"a": "post", "b": "post", "c": "wire"})
    []
    >>> drifting([["a"], ["b"], ["c"]], {"a": "post", "b": "wire", "c": "blog"})
    [['a'], ['b'], ['c']]
    """
    printed = [{outlet[i] for i in group} for group in groups]
    return [
        group
        for g, group in enumerate(groups)
        if any(printed[g] - other and other - printed[g] for other in printed)
    ]


def drifted_occasions(assertions: list[Assertion]) -> dict[tuple[str, str, str], int]:
    """Return, per (actor, source, claim) whose verbatim quotes read second-hand drift,
    the number of conflicting versions (2 or more, see `drifting`); those that do not
    drift are absent. Quotes the case gives for different claims are different remarks."""
    quotes: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    outlet: dict[str, str] = {}
    for a in assertions:
        if a.quote and a.read_in and a.quote_mode is QuoteMode.verbatim:
            quotes[(a.actor, a.source, a.claim)].append((a.id, a.quote))
            outlet[a.id] = a.read_in
    found = {}
    for remark, members in quotes.items():
        n = len(drifting(quote_variants(sorted(members)), outlet))
        if n > 1:
            found[remark] = n
    return found
