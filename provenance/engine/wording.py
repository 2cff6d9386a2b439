"""How the engine words things: lists capped at a few names, assertions in one phrase.

Every reason, flag and attribution text names assertions the same way, so a checker
can match a reason to a line of `prov trace`.

>>> listing(["a", "b"])
'a; b'
>>> listing([str(i) for i in range(12)], ", ")
'0, 1, 2, 3, 4, 5, 6, 7, 8, 9, and 2 more'
"""

from __future__ import annotations

LIST_AT_MOST = 10  # names listed in one reason before "and N more"
QUOTE_AT_MOST = 90  # characters of a quote shown in a reason


def listing(items: list[str], sep: str = "; ") -> str:
    """Return `items` joined, naming at most LIST_AT_MOST of them and counting the rest."""
    shown = sep.join(items[:LIST_AT_MOST])
    rest = len(items) - LIST_AT_MOST
    return f"{shown}{sep}and {rest} more" if rest > 0 else shown


def clip(quote: str, limit: int = QUOTE_AT_MOST) -> str:
    """Return `quote`, cut to `limit` characters with an ellipsis when longer."""
    return quote if len(quote) <= limit else quote[: limit - 1].rstrip() + "…"
