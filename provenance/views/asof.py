"""What an `--as-of` view says about itself: the date, and what it left out and why.

Every view of a document cut to a date (status, trace, explain) carries this, in text
as one line first ("as of 10 Apr 2025: 48 records left out (33 not yet published, ...)")
and in JSON as an `as_of` object. A document not cut to a date has none, and the views'
JSON is what it always was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance import dates

if TYPE_CHECKING:
    from provenance.records import Document
    from provenance.views.shapes import AsOfView

#: How the note counts each reason a record was left out (provenance.records.Omission).
WHY_WORDS = (
    ("later", "not yet published"),
    ("undated", "undated"),
    ("unasserted", "claims not yet asserted"),
)


def as_of_note(date: str, omitted_why: list[str]) -> str:
    """Return the one line an `--as-of` view starts with.

    >>> as_of_note("2025-04-10", ["later", "later", "unasserted"])
    'as of 10 Apr 2025: 3 records left out (2 not yet published, 1 claims not yet asserted)'
    >>> as_of_note("2025-06", [])
    'as of Jun 2025: nothing left out'
    """
    n = len(omitted_why)
    if not n:
        return f"as of {dates.display(date)}: nothing left out"
    parts = [f"{omitted_why.count(why)} {words}" for why, words in WHY_WORDS if why in omitted_why]
    noun = "record" if n == 1 else "records"
    return f"as of {dates.display(date)}: {n} {noun} left out ({', '.join(parts)})"


def as_of_view(doc: Document) -> AsOfView | None:
    """Return the `as_of` part of a view's JSON, or None for a document not cut to a date."""
    cut = doc.get("as_of")
    if cut is None:
        return None
    return {
        "date": cut["date"],
        "note": as_of_note(cut["date"], [o["why"] for o in cut["omitted"]]),
        "omitted": cut["omitted"],
    }
