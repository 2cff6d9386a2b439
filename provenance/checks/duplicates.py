"""The duplicate-text check: an archived text that repeats its own sentences.

A page saved twice over (a gate page carrying its article twice) makes a quote appear to
be found twice and inflates what the text seems to say; sentences shorter than
`MIN_REPEAT` characters repeat innocently and are ignored.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from provenance.checks.textmatch import fold
from provenance.vocab import Severity

if TYPE_CHECKING:
    from provenance.checks.findings import Findings
    from provenance.model import Case

MIN_REPEAT = 40  # characters: shorter sentences repeat innocently ("Learn More")


def check_duplicate_text(case: Case, texts: dict[str, str], out: Findings) -> None:
    """Report an archived text in which two or more sentences appear again. Evidence: the
    number of `repeated_sentences` and the line ranges `first` and `again`."""
    for source_id, text in sorted(texts.items()):
        seen: dict[str, int] = {}
        repeats: list[tuple[int, int]] = []
        for match in re.finditer(r"[^.!?\n]+[.!?]?", text):
            sentence = fold(match.group()).casefold()
            if len(sentence) < MIN_REPEAT:
                continue
            line = text.count("\n", 0, match.start()) + 1
            if sentence in seen:
                repeats.append((seen[sentence], line))
            else:
                seen[sentence] = line
        if len(repeats) < 2:
            continue
        first = (min(r[0] for r in repeats), max(r[0] for r in repeats))
        second = (min(r[1] for r in repeats), max(r[1] for r in repeats))
        out.add(
            Severity.warning,
            "sources",
            source_id,
            f"archived text of '{source_id}' repeats itself: {len(repeats)} sentences of "
            f"lines {first[0]}-{first[1]} appear again at lines {second[0]}-{second[1]}",
            {"repeated_sentences": len(repeats), "first": [*first], "again": [*second]},
            "archive",
        )
