from __future__ import annotations

import doctest
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from provenance import textindex
from provenance.textindex import (
    MIN_REPEAT,
    fold,
    repeated_passages,
    shared_passages,
)

SOURCES = Path(__file__).resolve().parent.parent / "seeds" / "treasuries-2025" / "sources"
LONG = "Norinchukin Bank sold a large block of long-dated Treasuries on the ninth."


def _reference_repeats(text: str) -> list[tuple[int, int]]:
    """The old quadratic duplicate-text check's pairs of lines, for comparison."""
    seen: dict[str, int] = {}
    out = []
    for match in re.finditer(r"[^.!?\n]+[.!?]?", text):
        sentence = fold(match.group())
        if len(sentence) < MIN_REPEAT:
            continue
        line = text.count("\n", 0, match.start()) + 1
        if sentence in seen:
            out.append((seen[sentence], line))
        else:
            seen[sentence] = line
    return out


def test_the_docstring_examples_hold() -> None:
    assert doctest.testmod(textindex).failed == 0


def test_a_repeated_sentence_is_found_with_both_places() -> None:
    text = f"Intro line.\n{LONG} Other words here.\nMiddle.\n\n{LONG.upper()}\n"
    (repeat,) = repeated_passages(text)
    assert (repeat.first.line, repeat.again.line) == (2, 5)
    assert text[repeat.first.start : repeat.first.end] == LONG
    assert text[repeat.again.start : repeat.again.end] == LONG.upper()
    assert repeat.text == fold(LONG)


def test_short_sentences_and_whitespace_variants() -> None:
    assert repeated_passages("Learn More. Learn More. Learn More.") == []
    spaced = LONG.replace(" ", "  \u00a0", 3).replace("Treasuries", "Treasuries")
    assert len(repeated_passages(f"{LONG}\n{spaced}")) == 1


def test_a_page_pasted_twice_repeats_every_long_sentence() -> None:
    page = (SOURCES / "002_ee46cea8c595a4a5.txt").read_text(encoding="utf-8")
    twice = repeated_passages(page + "\n" + page)
    long_sentences = {
        fold(m.group())
        for m in re.finditer(r"[^.!?\n]+[.!?]?", page)
        if len(fold(m.group())) >= MIN_REPEAT
    }
    lines = page.count("\n") + 1
    across = {r.text for r in twice if r.first.line <= lines < r.again.line}
    assert across == long_sentences


@given(
    st.lists(
        st.sampled_from(
            [LONG, "Short one.", "A second sentence that is long enough, surely.", "\n"]
        ),
        max_size=30,
    )
)
def test_same_findings_as_the_old_check(parts: list[str]) -> None:
    text = " ".join(parts)
    found = [(r.first.line, r.again.line) for r in repeated_passages(text)]
    assert found == _reference_repeats(text)


def _seed_texts() -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))}


def test_the_seed_rewrite_004_is_paired_with_002_through_the_quote() -> None:
    pairs = {(o.left, o.right): o for o in shared_passages(_seed_texts())}
    overlap = pairs[("002", "004")]
    assert overlap.shared >= 3
    examples = " | ".join(e.text for e in overlap.examples)
    assert "It does exist as a card" in examples
    assert "1.13 trillion in US Treasury bonds" in examples
    texts = _seed_texts()
    for example in overlap.examples:
        assert texts["002"][example.left.start : example.left.end] == example.text
        assert fold(texts["004"][example.right.start : example.right.end]) == fold(example.text)


def test_unrelated_and_paraphrased_seed_texts_are_not_paired() -> None:
    pairs = {(o.left, o.right) for o in shared_passages(_seed_texts())}
    assert ("000", "002") not in pairs  # a different story (April, Guancha)
    # 003 retells 002's story in its own words: no five-word passage in common.
    assert ("002", "003") not in pairs


def test_shares_and_pairs_are_computed_from_distinct_shingles() -> None:
    body = " ".join(f"word{i}" for i in range(40))
    texts = {"x": body, "y": "prefix words " + body, "z": body + " " + body}
    found = {(o.left, o.right): o for o in shared_passages(texts)}
    assert set(found) == {("x", "y"), ("x", "z"), ("y", "z")}
    assert found[("x", "y")].shared == 36
    assert found[("x", "y")].left_share == 1.0
    assert 0.9 < found[("x", "y")].right_share < 1.0
    assert found[("x", "y")].examples[0].text == body


def test_boilerplate_in_many_texts_pairs_nobody() -> None:
    footer = "This article is for information purposes only and is not financial advice."
    texts = {
        f"s{i:03}": f"Unique story number {i} about topic {i * 7}. {footer}" for i in range(60)
    }
    assert shared_passages(texts) == []
    assert len(shared_passages(dict(list(texts.items())[:5]))) == 10
