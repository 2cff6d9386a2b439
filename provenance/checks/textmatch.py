"""Matching quotes against archived texts: Unicode folding with a map back to the original.

Shared by the checks that compare words (quotes, quote drift, figures, duplicate text).
`normalize_text` folds a text for comparison (NFKC, plain quotes and dashes, one space for
every run of white space) and remembers where each folded character came from, so that
`locate` can report a found quote as line, character offsets and a W3C Web Annotation
text-quote selector into the original text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TypedDict

from provenance.textindex import TYPOGRAPHIC

CONTEXT = 32  # characters of prefix and suffix, as in a Web Annotation text-quote selector

_TRANSLATE = {**TYPOGRAPHIC, ord("\u00a0"): " "}  # and a no-break space is a space


@dataclass(frozen=True)
class Normalized:
    """A text folded for comparison, with the original index of every folded character."""

    text: str
    origin: list[int]


@lru_cache(maxsize=256)  # each archived text is folded once, not once per quote
def normalize_text(text: str) -> Normalized:
    """Return `text` in Unicode NFKC with curly quotes and dashes made plain and every run
    of white space one space, remembering where each character came from.

    >>> normalize_text("a\u00a0 “b”").text
    'a "b"'
    """
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isascii() and not char.isspace():  # the common case: nothing to fold
            out.append(char)
            origin.append(index)
            continue
        for folded in unicodedata.normalize("NFKC", char).translate(_TRANSLATE):
            if folded.isspace():
                if out and out[-1] == " ":
                    continue
                folded = " "
            out.append(folded)
            origin.append(index)
    return Normalized("".join(out), origin)


def fold(text: str) -> str:
    """Return `text` folded as `normalize_text` does, without leading or trailing space."""
    return normalize_text(text).text.strip()


class Location(TypedDict):
    line: int
    start: int
    end: int
    prefix: str
    exact: str
    suffix: str
    occurrences: int


def locate(quote: str, text: str) -> Location | None:
    """Return where `quote` stands in `text` (after normalising both), as 1-based line,
    character offsets into the original text and a text-quote selector; None if absent."""
    wanted = fold(quote)
    hay = normalize_text(text)
    at = hay.text.find(wanted) if wanted else -1
    if at < 0:
        return None
    start = hay.origin[at]
    end = hay.origin[at + len(wanted) - 1] + 1
    return Location(
        line=text.count("\n", 0, start) + 1,
        start=start,
        end=end,
        prefix=text[max(0, start - CONTEXT) : start],
        exact=text[start:end],
        suffix=text[end : end + CONTEXT],
        occurrences=hay.text.count(wanted),
    )
