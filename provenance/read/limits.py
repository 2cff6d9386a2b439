"""What a case file may hold: the limits of reading, each named in the error it gives.

They are generous for real cases (the seed case is 30 kB, 5 levels deep, without
aliases) and refuse what would exhaust memory or the parser's stack before it happens.
"""

MAX_CASE_BYTES = 512_000_000
"""Largest case file read (bytes). The seed case is 30 kB; a 51 MB case reads in seconds."""

MAX_ARCHIVE_BYTES = 1_000_000_000
"""Largest archived text read (bytes); a 50 MB text is checked in seconds."""

MAX_SPREAD_BYTES = 2_000_000_000
"""Largest spread file read (bytes): a million reposts take about 150 MB as JSON Lines."""

MAX_DEPTH = 100
"""Deepest nesting of mappings and lists in a case file. A case needs 5 levels; the YAML
composer recurses once per level (a RecursionError near 1,000, a crash inside the C
loader near 30,000), so depth is counted on the parser's event stream first. JSON files
are held to the same limit."""

MAX_EXPANDED_VALUES = 20_000_000
"""Most values a YAML case file may hold once every alias (*name) is expanded. Without
aliases this is the number of values written (a 51 MB case holds ~4 million); a
billion-laughs file of nested aliases is refused by arithmetic on the events, before
expanding."""

ALIAS_GROWTH = 100
"""Aliases may multiply the values written by at most this factor (plus 100,000): a real
case reuses a few values; a file whose aliases fan out beyond this is an alias bomb."""


def too_deep() -> str:
    """Return the message for a file nested deeper than MAX_DEPTH."""
    what = f"nested deeper than {MAX_DEPTH} levels (limit MAX_DEPTH)"
    return f"{what}: a case needs about 5; flatten it"
