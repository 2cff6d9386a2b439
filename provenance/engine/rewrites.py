"""Detecting rewrites in archived texts: which texts derive from which, without a citation.

Two signals, both found through inverted indexes, never by comparing whole texts pairwise,
so the cost is O(total text) plus a bounded amount per shared key:

- **shared passages** (provenance.textindex.shared_passages): a pair whose shared
  five-word shingles make up at least REWRITE_MIN_SHARE of either text's shingles is a
  copy (syndication, a reposted article, a lightly edited rewrite);
- **the same anchors in the same order**: a rewrite in the rewriter's own words keeps the
  story's skeleton: the same names and figures, in the same order. Each text's anchors
  are its multi-word capitalised names (the last two words: "Finance Minister Katsunobu
  Kato" gives "katsunobu kato") and its figures with a unit or a decimal ("$1.13
  trillion", "4.5%"), each once, in order of first appearance. A pair sharing at least
  MIN_ORDERED_ANCHORS of them in the same order is a rewrite.

Both read the texts without their passages in quotation marks (`unquoted`): two outlets
quoting one broadcast or one speech share its words, and the names and figures it says in
its order, not each other's.

What neither finds: a rewrite that reorders the story and changes every name's spelling;
a translation. A case records those with `rewrites`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

from provenance.textindex import fold, shared_passages

REWRITE_MIN_SHARE = 0.2
"""Share of a text's distinct five-word shingles that another text must also hold for the
one to be a copy of the other. On the seed case, unrelated texts on one subject share at
most 1.4% (000 and 001: "had sold US Treasury bonds"); the Gate page shares 0.5% with
the Cryptopolitan article it rewrites in new words, which the second signal finds."""

MIN_ORDERED_ANCHORS = 5
"""Names and figures (outside quotation marks) two texts must share in the same order to
be a rewrite. On the seed case, unrelated texts on one subject share at most 3 in order
("US Treasury", "Donald Trump", "10%"); 003 and 004 share 5 and 6 with 002, which they
rewrite."""

MAX_ANCHOR_POSTINGS = 50
"""An anchor found in more texts than this is common knowledge in the corpus (a
country's name, a famous official) and does not pair texts: it also keeps pairing linear."""

_CAP = r"(?:[A-Z][\w'’-]*[a-z][\w'’-]*|[A-Z]{2,}[a-z]?)"
_NAME = re.compile(rf"(?<![\w$]){_CAP}(?:[ \t]+{_CAP})+")
_FIGURE = re.compile(
    r"[$€£¥]?\d[\d,]*(?:\.\d+)?(?:[ \t]*(?:%|percent|trillion|billion|million|yen|times))?"
)
_QUOTE_SPAN = re.compile(r"[“\"«「『][^”\"»」』\n]*[”\"»」』]")
_UNIT = re.compile(r"[.$€£¥%]|percent|trillion|billion|million|yen|times")
_POSSESSIVE = re.compile(r"['’]s$")
#: Capitalised words that start a sentence or a heading, not a name.
_LEADING = frozenset(
    [
        "the",
        "a",
        "an",
        "if",
        "on",
        "in",
        "at",
        "by",
        "for",
        "when",
        "with",
        "but",
        "after",
        "although",
        "between",
        "and",
        "or",
        "of",
        "to",
        "as",
        "this",
        "that",
        "why",
        "what",
        "while",
        "source",
        "author",
    ]
)


@dataclass(frozen=True, slots=True)
class Detected:
    """Two texts (by key, left < right) found to derive one from the other, and why."""

    left: str
    right: str
    how: str  # shared-passages or same-anchors
    evidence: str


def anchors(text: str) -> list[str]:
    """Return the text's anchors (names, figures), each once, in order of first
    appearance. Linear in the length of the text.

    >>> anchors('Finance Minister Katsunobu Kato said it is a card, of $1.13 '
    ...         'trillion. The Minister left.')
    ['name:katsunobu kato', 'figure:$1.13 trillion']
    """
    found: list[tuple[int, str]] = []
    for m in _NAME.finditer(text):
        words = [_POSSESSIVE.sub("", w) for w in fold(m.group()).split()]
        while words and words[0] in _LEADING:
            words.pop(0)
        if len(words) >= 2:
            found.append((m.start(), "name:" + " ".join(words[-2:])))
    for m in _FIGURE.finditer(text):
        figure = fold(m.group())
        if _UNIT.search(figure) and any(c.isdigit() for c in figure):
            found.append((m.start(), "figure:" + figure.rstrip(".,")))
    found.sort()
    return list(dict.fromkeys(a for _, a in found))


def _in_order(positions: list[int]) -> int:
    """Return the length of the longest increasing run (not necessarily contiguous)."""
    tails: list[int] = []
    for p in positions:
        i = bisect_left(tails, p)
        if i == len(tails):
            tails.append(p)
        else:
            tails[i] = p
    return len(tails)


def same_anchors(
    texts: Mapping[str, str], min_ordered: int = MIN_ORDERED_ANCHORS
) -> list[Detected]:
    """Return the pairs of texts sharing at least `min_ordered` anchors in the same order.

    >>> story = "Nicholas Smith met Jesper Koll and Ryosei Akazawa; $1.13 trillion, 4.5%."
    >>> [(d.left, d.right) for d in same_anchors({"a": story, "b": "So: " + story, "c": "x"})]
    [('a', 'b')]
    """
    names = sorted(texts)
    sequences = [anchors(texts[n]) for n in names]
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for number, seq in enumerate(sequences):
        for anchor in seq:
            postings[anchor].append(number)
    counts: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        if 1 < len(holders) <= MAX_ANCHOR_POSTINGS:
            counts.update(combinations(holders, 2))
    found = []
    for (i, j), n in sorted(counts.items()):
        if n < min_ordered:
            continue
        where = {a: k for k, a in enumerate(sequences[j])}
        shared = [a for a in sequences[i] if a in where and len(postings[a]) > 1]
        ordered = _in_order([where[a] for a in shared])
        if ordered >= min_ordered:
            examples = ", ".join(a.split(":", 1)[1] for a in shared[:6])
            found.append(
                Detected(
                    names[i],
                    names[j],
                    "same-anchors",
                    f"{ordered} names or figures in the same order ({examples})",
                )
            )
    return found


def unquoted(text: str) -> str:
    """Return `text` without its quoted passages (each one a line break): two outlets
    quoting one speaker share the speaker's words, not each other's.

    >>> unquoted('He said “three feet of water on the floor” on air.')
    'He said \\n on air.'
    """
    return _QUOTE_SPAN.sub("\n", text)


def detect(texts: Mapping[str, str]) -> list[Detected]:
    """Return every pair of texts of which one derives from the other, by either signal
    (shared passages first when both find a pair), sorted by the pair's keys; both read
    the texts without their quoted passages (`unquoted`)."""
    plain = {k: unquoted(v) for k, v in texts.items()}
    found: dict[tuple[str, str], Detected] = {}
    for o in shared_passages(plain):
        share = max(o.left_share, o.right_share)
        if share >= REWRITE_MIN_SHARE:
            example = o.examples[0].text if o.examples else ""
            found[(o.left, o.right)] = Detected(
                o.left,
                o.right,
                "shared-passages",
                f"{share:.0%} of the shorter text's five-word passages shared, e.g. "
                f"'{example[:80]}'",
            )
    for d in same_anchors(plain):
        found.setdefault((d.left, d.right), d)
    return [found[k] for k in sorted(found)]
