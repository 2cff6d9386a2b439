"""Did-you-mean suggestions, shared by every error message that names an unknown thing."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(
    word: str, choices: Iterable[str], limit: int = 1, cutoff: float = 60
) -> list[str]:
    """Return up to `limit` choices closest to `word`, best first, scored by rapidfuzz."""
    from rapidfuzz import fuzz, process, utils

    pool = sorted(set(choices))
    found = process.extract(
        word,
        pool,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=limit * 3,
        score_cutoff=cutoff,
    )
    # Rank by the weighted score plus plain edit similarity, so a whole word that contains
    # the typo ('quote_mode' for 'quot') does not beat the word one letter away ('quote');
    # then alphabetically, so output is stable.
    ranked = sorted(found, key=lambda hit: (-(hit[1] + fuzz.ratio(word, hit[0])), hit[0]))
    return [hit[0] for hit in ranked[:limit]]


def hint(word: str, choices: Iterable[str]) -> str:
    """Return " (did you mean 'x'?)" for the closest choice, or "" when none is close."""
    best = did_you_mean(word, choices)
    return f" (did you mean '{best[0]}'?)" if best else ""
