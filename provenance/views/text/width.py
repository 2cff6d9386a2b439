"""Display widths for a terminal: how many columns a text takes (wcwidth's answer).

Text made only of characters every terminal gives one column (ASCII, Latin, punctuation,
arrows, box drawing) or two (CJK ideographs, kana, Hangul, full-width forms) is measured
without loading wcwidth, which costs start-up; a test holds both fast paths to wcwidth.
"""

from __future__ import annotations

import functools
import re


# Characters a terminal always gives one column (ASCII, Latin, punctuation, arrows and
# box drawing): text made only of them is measured by len(), without loading wcwidth.
@functools.cache
def narrow() -> re.Pattern[str]:
    """Return the pattern, compiled on first use (compiling costs start-up)."""
    return re.compile(
        r"[\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u257f]*"
    )


# Characters every terminal (and wcwidth) gives two columns: CJK ideographs, kana,
# Hangul syllables, CJK punctuation and full-width forms. Text made of these and narrow
# characters is measured without loading wcwidth either.
_WIDE = (
    "\u3000-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff"  # CJK punctuation, kana
    "\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff60\uffe0-\uffe6"  # ideographs, Hangul, full width
)


@functools.cache
def _known() -> re.Pattern[str]:
    """Return the pattern of text made only of narrow and wide characters."""
    one_column = narrow().pattern[1:-2]  # the class without its brackets and star
    return re.compile(f"[{one_column}{_WIDE}]*")


@functools.cache
def _wide() -> re.Pattern[str]:
    """Return the pattern of one wide character."""
    return re.compile(f"[{_WIDE}]")


def cell_width(text: str) -> int:
    """Return how many terminal columns `text` takes (wcwidth; CJK and emoji count 2).

    >>> cell_width("農林中金 Bank")
    13
    """
    if (text.isascii() and text.isprintable()) or narrow().fullmatch(text):
        return len(text)
    if _known().fullmatch(text):
        return len(text) + len(_wide().findall(text))
    if len(text) == 1:
        return _char_width(text)
    from wcwidth import wcswidth, wcwidth

    total = wcswidth(text)
    return total if total >= 0 else sum(max(wcwidth(ch), 0) for ch in text)


@functools.lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    """Return the columns of one character outside the narrow ranges (wcwidth), once each."""
    from wcwidth import wcwidth

    return int(max(wcwidth(ch), 0))
