"""The duplicate-text check: an archived text that repeats its own sentences.

A page saved twice over (a gate page carrying its article twice) makes a quote appear to
be found twice and inflates what the text seems to say; sentences shorter than
`MIN_REPEAT` characters (after folding) repeat innocently and are ignored. The sentences
are found by `provenance.textindex.repeated_passages`, linear in the text's length: a
50 MB text is checked in seconds (benchmarks/checks.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.textindex import MIN_REPEAT, repeated_passages
from provenance.vocab import Severity

if TYPE_CHECKING:
    from provenance.checks.findings import Findings
    from provenance.model import Case

__all__ = ["MIN_REPEAT", "check_duplicate_text"]


def check_duplicate_text(case: Case, texts: dict[str, str], out: Findings) -> None:
    """Report an archived text in which two or more sentences appear again. Evidence: the
    number of `repeated_sentences` and the line ranges `first` and `again`."""
    for source_id, text in sorted(texts.items()):
        repeats = repeated_passages(text, MIN_REPEAT)
        if len(repeats) < 2:
            continue
        firsts = [r.first.line for r in repeats]
        agains = [r.again.line for r in repeats]
        first, second = (min(firsts), max(firsts)), (min(agains), max(agains))
        out.add(
            Severity.warning,
            "sources",
            source_id,
            f"archived text of '{source_id}' repeats itself: {len(repeats)} sentences of "
            f"lines {first[0]}-{first[1]} appear again at lines {second[0]}-{second[1]}",
            {"repeated_sentences": len(repeats), "first": [*first], "again": [*second]},
            "archive",
        )
