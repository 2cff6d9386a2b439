"""Passage matching in linear time: repeated sentences inside one archived text, and
passages shared between texts (rewrites, syndication, copied quotes).

Both work on normalised text (Unicode NFKC, curly quotes and dashes made plain, runs of
white space made one space, case folded) and never compare whole texts pairwise:

- `repeated_passages` hashes each sentence once into a table of first occurrences, so a
  text of n characters costs O(n) plus O(log n) per repeat for its line number.
- `shared_passages` cuts every text into overlapping word shingles (SHINGLE_WORDS words),
  hashes each shingle, and builds an inverted index from shingle hash to the texts
  holding it. Only texts that meet in the index are paired, so the cost is O(total
  words) plus, per shingle, the pairs of texts that share it; a shingle found in more
  than MAX_POSTINGS texts is boilerplate and ignored for pairing, which bounds that term.

What this finds is verbatim reuse (copied sentences, quotes, syndicated paragraphs).
A paraphrase that keeps the facts and changes the wording shares few or no shingles.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

MIN_REPEAT = 40
"""Characters a normalised sentence needs to count as a repeat: shorter ones repeat
innocently ("Learn More", "Advertisement")."""

SHINGLE_WORDS = 5
"""Words per shingle. On the seed case, 5 finds the quote and the figure sentence that
source 004 copies from 002; at 8 the same pair shares nothing."""

MIN_SHARED_SHINGLES = 3
"""Distinct shared shingles a pair of texts needs to be reported: one or two five-word
phrases ("of the United States Japan") are chance in texts on one subject."""

MAX_POSTINGS = 50
"""A shingle in more texts than this is boilerplate (a disclaimer, a byline) and does not
pair texts; it keeps the pairing step linear when many sources share a footer."""

EXAMPLES = 3
"""Longest shared passages kept as examples per pair."""

#: Typographic quotes, primes and dashes folded to their ASCII forms (shared with the
#: quote check, provenance.checks.textmatch).
TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_WORD = re.compile(r"\w+(?:[.'’]\w+)*")
_INNER = re.compile(r"[.'’]")


@dataclass(frozen=True)
class Span:
    """Where a passage stands in the original text: character offsets and 1-based line."""

    start: int
    end: int
    line: int


@dataclass(frozen=True)
class Repeat:
    """A sentence found again later in the same text (`text` is its normalised form)."""

    text: str
    first: Span
    again: Span


@dataclass(frozen=True)
class SharedPassage:
    """A run of shared shingles: where it stands in each text, and its words as in `left`."""

    text: str
    left: Span
    right: Span


@dataclass(frozen=True)
class Overlap:
    """Two texts sharing passages. `shared` counts distinct shared shingles; the shares
    are the part of each text's distinct shingles that the other also holds (0-1)."""

    left: str
    right: str
    shared: int
    left_share: float
    right_share: float
    examples: tuple[SharedPassage, ...]


def fold(text: str) -> str:
    """Return `text` normalised for comparison: NFKC, plain quotes and dashes, one space
    for each run of white space, no outer space, case folded.

    >>> fold("  The\u00a0“Card”\\n —  AGAIN ")
    'the "card" - again'
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHIC)
    return " ".join(text.split()).casefold()


class _Lines:
    """1-based line numbers of offsets, by binary search over the newline positions."""

    def __init__(self, text: str) -> None:
        self.breaks = [m.start() for m in re.finditer("\n", text)]

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, bisect_right(self.breaks, start - 1) + 1)


def repeated_passages(text: str, min_chars: int = MIN_REPEAT) -> list[Repeat]:
    """Return every sentence of `text` (split at . ! ? and line ends) of at least
    `min_chars` normalised characters that already occurred earlier, in text order, each
    with the span of its first occurrence. Linear in the length of `text`.

    >>> text = "A sentence long enough to count as a repeat.\\nShort. " * 2
    >>> [(r.first.line, r.again.line) for r in repeated_passages(text)]
    [(1, 2)]
    """
    seen: dict[str, tuple[int, int]] = {}
    found: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
    for match in _SENTENCE.finditer(text):
        raw = match.group()
        if len(raw) < min_chars and raw.isascii():
            continue  # folding ASCII only shortens it
        sentence = fold(raw)
        if len(sentence) < min_chars:
            continue
        here = match.span()
        first = seen.setdefault(sentence, here)
        if first is not here:
            found.append((sentence, first, here))
    lines = _Lines(text) if found else None
    return [
        Repeat(sentence, lines.span(*first), lines.span(*again))
        for sentence, first, again in found
        if lines is not None
    ]


@dataclass
class _Tokens:
    starts: list[int]
    ends: list[int]
    firsts: dict[int, int]  # shingle hash -> index of its first word
    size: int


def _tokens(text: str, vocab: dict[str, int], size: int) -> _Tokens:
    starts: list[int] = []
    ends: list[int] = []
    ids: list[int] = []
    for match in _WORD.finditer(text):
        word = match.group()
        key = vocab.get(word)
        if key is None:
            key = vocab.setdefault(_INNER.sub("", fold(word)), len(vocab))
            vocab[word] = key
        starts.append(match.start())
        ends.append(match.end())
        ids.append(key)
    hashes = list(map(hash, zip(*(ids[i:] for i in range(size)), strict=False)))
    # Reversed, so each hash keeps the index of its first occurrence.
    firsts = dict(zip(reversed(hashes), range(len(hashes) - 1, -1, -1), strict=True))
    return _Tokens(starts, ends, firsts, size)


def shared_passages(
    texts: Mapping[str, str],
    size: int = SHINGLE_WORDS,
    min_shared: int = MIN_SHARED_SHINGLES,
) -> list[Overlap]:
    """Return every pair of texts (by key, left < right) sharing at least `min_shared`
    distinct shingles of `size` words, strongest first, with up to EXAMPLES of the
    longest shared passages. O(total words) through an inverted index.

    >>> quote = "it does exist as a card, whether or not we use that card is different"
    >>> found = shared_passages({"a": "Kato: " + quote, "b": "He said " + quote + ".",
    ...                          "c": "Nothing in common with the others at all here."})
    >>> [(o.left, o.right, o.shared) for o in found]
    [('a', 'b', 11)]
    >>> found[0].examples[0].text
    'it does exist as a card, whether or not we use that card is different'
    """
    names = sorted(texts)
    vocab: dict[str, int] = {}
    tokens = [_tokens(texts[name], vocab, size) for name in names]
    postings: defaultdict[int, list[int]] = defaultdict(list)
    for number, tok in enumerate(tokens):
        for h in tok.firsts:
            postings[h].append(number)
    counts: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        if 1 < len(holders) <= MAX_POSTINGS:
            counts.update(combinations(holders, 2))
    wanted = {pair for pair, n in counts.items() if n >= min_shared}
    hits: defaultdict[tuple[int, int], list[int]] = defaultdict(list)
    if wanted:
        for h, holders in postings.items():
            if 1 < len(holders) <= MAX_POSTINGS:
                for pair in combinations(holders, 2):
                    if pair in wanted:
                        hits[pair].append(h)
    lines: dict[int, _Lines] = {}
    out = [_overlap(names, tokens, texts, lines, pair, shared) for pair, shared in hits.items()]
    return sorted(out, key=lambda o: (-o.shared, o.left, o.right))


def _overlap(
    names: list[str],
    tokens: list[_Tokens],
    texts: Mapping[str, str],
    lines: dict[int, _Lines],
    pair: tuple[int, int],
    shared: list[int],
) -> Overlap:
    a, b = tokens[pair[0]], tokens[pair[1]]
    runs: list[list[int]] = []  # first and last shingle in a, then in b
    for i, j in sorted((a.firsts[h], b.firsts[h]) for h in shared):
        if runs and i == runs[-1][1] + 1 and j == runs[-1][3] + 1:
            runs[-1][1], runs[-1][3] = i, j
        else:
            runs.append([i, i, j, j])
    runs.sort(key=lambda r: (r[0] - r[1], r[0]))
    left = texts[names[pair[0]]]
    for number in pair:
        if number not in lines:
            lines[number] = _Lines(texts[names[number]])
    left_lines, right_lines = lines[pair[0]], lines[pair[1]]
    examples = []
    for i0, i1, j0, j1 in runs[:EXAMPLES]:
        left_span = left_lines.span(a.starts[i0], a.ends[i1 + a.size - 1])
        right_span = right_lines.span(b.starts[j0], b.ends[j1 + b.size - 1])
        examples.append(SharedPassage(left[left_span.start : left_span.end], left_span, right_span))
    return Overlap(
        names[pair[0]],
        names[pair[1]],
        len(shared),
        round(len(shared) / max(len(a.firsts), 1), 4),
        round(len(shared) / max(len(b.firsts), 1), 4),
        tuple(examples),
    )
