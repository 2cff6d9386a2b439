"""Display widths for a terminal: how many columns a text takes (wcwidth's answer).

Text made only of characters every terminal gives one column (ASCII, Latin, punctuation,
arrows, box drawing) or two (CJK ideographs, kana, Hangul, full-width forms) is measured
from a small table of ranges, without loading wcwidth (which costs start-up) or compiling
a pattern of those ranges (which costs more); a test holds the table to wcwidth.
"""

from __future__ import annotations

import functools
import re

# (first, last, columns): characters every terminal (and wcwidth) gives one column, and
# those it gives two (CJK punctuation, kana, ideographs, Hangul syllables, full width).
_RANGES = (
    (0x20, 0x7E, 1),
    (0xA0, 0x2FF, 1),  # Latin
    (0x2010, 0x2027, 1),  # punctuation
    (0x2030, 0x205E, 1),
    (0x2190, 0x21FF, 1),  # arrows
    (0x2500, 0x257F, 1),  # box drawing
    (0x3000, 0x3029, 2),  # CJK punctuation
    (0x3030, 0x303E, 2),
    (0x3041, 0x3096, 2),  # kana
    (0x309B, 0x30FF, 2),
    (0x4E00, 0x9FFF, 2),  # ideographs
    (0xAC00, 0xD7A3, 2),  # Hangul syllables
    (0xFF01, 0xFF60, 2),  # full-width forms
    (0xFFE0, 0xFFE6, 2),
)


def known_width(ch: str) -> int:
    """Return the columns of one character from the table, 0 when it is not there.

    >>> known_width("農"), known_width("a"), known_width("😀")
    (2, 1, 0)
    """
    code = ord(ch)
    for first, last, columns in _RANGES:  # in order: the first range ending at or after it
        if code <= last:
            return columns if code >= first else 0
    return 0


def is_narrow(text: str) -> bool:
    """Return whether every character of `text` takes one column by the table.

    >>> is_narrow("“Norinchukin” → sold"), is_narrow("農林中金")
    (True, False)
    """
    return _narrow().fullmatch(text) is not None


@functools.cache
def _narrow() -> re.Pattern[str]:
    """Return the pattern of text made only of the table's one-column characters (a
    pattern tests a long text at C speed; this one compiles in well under a ms)."""
    one = "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last, n in _RANGES if n == 1)
    return re.compile(f"[{one}]*")


def cell_width(text: str) -> int:
    """Return how many terminal columns `text` takes (wcwidth; CJK and emoji count 2).

    >>> cell_width("農林中金 Bank")
    13
    """
    if text.isascii() and text.isprintable():
        return len(text)
    total = 0
    for ch in text:
        columns = known_width(ch)
        if not columns:
            break
        total += columns
    else:
        return total
    if len(text) == 1:
        return _char_width(text)
    from wcwidth import wcswidth, wcwidth

    total = wcswidth(text)
    return total if total >= 0 else sum(max(wcwidth(ch), 0) for ch in text)


@functools.lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    """Return the columns of one character outside the table (wcwidth), once each."""
    from wcwidth import wcwidth

    return int(max(wcwidth(ch), 0))
