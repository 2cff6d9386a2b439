"""The quote check: is every quote in the archived text of the source where we read it?

A quote found (after folding, see `textmatch`) is recorded with severity `ok` and its
location; a quote not found is an error with the closest passage and its similarity; a
quote whose source has no archived text is unverifiable (a warning); the assertions
without a quote get one note between them, naming the first few, counting the rest and
listing them all in its evidence (a case of 100,000 unquoted statements gets one note,
not 100,000 identical ones).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.checks.textmatch import Location, fold, locate, normalize_text
from provenance.records import Evidence
from provenance.vocab import Severity

if TYPE_CHECKING:
    from provenance.checks.findings import Findings
    from provenance.model import Case


def closest_passage(quote: str, text: str) -> tuple[str, float, int]:
    """Return the passage of `text` most like `quote`, its similarity (0-100) and line."""
    from rapidfuzz import fuzz

    wanted = fold(quote)
    hay = normalize_text(text)
    found = fuzz.partial_ratio_alignment(wanted, hay.text)
    if found is None or found.dest_end <= found.dest_start:
        return "", 0.0, 0
    start = hay.origin[found.dest_start]
    end = hay.origin[found.dest_end - 1] + 1
    return text[start:end], round(found.score, 1), text.count("\n", 0, start) + 1


def _selector(source: str, found: Location) -> Evidence:
    """Return the evidence of a found quote: its source and text-quote selector."""
    return {
        "source": source,
        "line": found["line"],
        "start": found["start"],
        "end": found["end"],
        "prefix": found["prefix"],
        "exact": found["exact"],
        "suffix": found["suffix"],
        "occurrences": found["occurrences"],
    }


def check_quotes(case: Case, texts: dict[str, str], out: Findings) -> None:
    """Look for every assertion's quote in the archived text of the source where we read
    it (`read_in`, else `source`). Evidence: `source`, and for a found quote its text-quote
    selector (`line`, `start`, `end`, `prefix`, `exact`, `suffix`, `occurrences`); for a
    missing one the `closest` passage, its `similarity` (0-100) and `line`."""
    titles = {s.id: s.title for s in case.sources}
    unquoted: list[str] = []
    for a in case.assertions:
        where = a.evidence_source
        if not a.quote:
            unquoted.append(a.id)
            continue
        if where not in texts:
            out.add(
                Severity.warning,
                "assertions",
                a.id,
                f"unverifiable: no archived text of '{where}' ({titles[where]})",
                {"source": where},
                "quote",
            )
            continue
        found = locate(a.quote, texts[where])
        if found:
            extra = _selector(where, found)
            if found["occurrences"] > 1:
                out.add(
                    Severity.note,
                    "assertions",
                    a.id,
                    f"quote found {found['occurrences']} times in '{where}'; first at line "
                    f"{found['line']}",
                    extra,
                    "quote",
                )
            out.located(f"assertion:{a.id}", f"found in '{where}' line {found['line']}", extra)
            continue
        passage, score, line = closest_passage(a.quote, texts[where])
        out.add(
            Severity.error,
            "assertions",
            a.id,
            f"quote not found in '{where}'; closest passage (line {line}, {score}% similar):"
            f' "{passage}"',
            {"source": where, "closest": passage, "similarity": score, "line": line},
            "quote",
        )
    if unquoted:
        _unquoted(unquoted, out)


#: How many unquoted assertions the note names before counting the rest.
NAMED = 5


def _unquoted(ids: list[str], out: Findings) -> None:
    """Add the one note of the assertions without a quote: about the first, at its line,
    its words naming the first NAMED, its evidence listing them all (`assertions`). Not
    repeated on each: the trace of an assertion without a quote says so already, and
    100,000 copies of a list of 100,000 would swamp every view."""
    fix = "add the words the source uses, copied verbatim"
    if len(ids) == 1:
        message = f"no quote: {fix}"
    else:
        named = ", ".join(f"'{i}'" for i in ids[:NAMED])
        more = f" and {len(ids) - NAMED:,} more" if len(ids) > NAMED else ""
        message = f"{len(ids):,} assertions have no quote ({named}{more}): {fix}"
    evidence: Evidence = {"assertions": list(ids)}
    out.add(Severity.note, "assertions", ids[0], message, evidence)
