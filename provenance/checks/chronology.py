"""The chronology check: dates that cannot be in that order, and assertions nothing dates.

An assertion dated before the source it was said in, read in a source dated before it,
or relaying an assertion said later; a source citing a later source (errors). Dates are
compared with `provenance.dates.certainly_before`, so month- or year-precise dates are
ranges and only a certain inversion is reported.

An assertion that nothing places in time (no date of its own, none on the source it was
said in or the one we read it in; provenance.timeline) and that is not marked
`undated: true` is left out of every `--as-of` view: a warning says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance import dates
from provenance.timeline import placed, placing_date
from provenance.vocab import Severity

if TYPE_CHECKING:
    from provenance.checks.findings import Findings
    from provenance.model import Case


def check_chronology(case: Case, texts: dict[str, str], out: Findings) -> None:
    """Report assertions and sources whose dates are certainly out of order (errors), at
    the line of the field (`date`, `read_in`, `via`, `cites`) that makes them so."""
    sources = {s.id: s for s in case.sources}
    by_id = {a.id: a for a in case.assertions}
    for a in case.assertions:
        said_in = sources[a.source]
        if dates.certainly_before(a.date, said_in.date):
            out.add(
                Severity.error,
                "assertions",
                a.id,
                f"dated {a.date}, before its source '{a.source}' ({said_in.date})",
                field="date",
            )
        if a.read_in and dates.certainly_before(sources[a.read_in].date, a.date):
            out.add(
                Severity.error,
                "assertions",
                a.id,
                f"read in '{a.read_in}' ({sources[a.read_in].date}), which is dated "
                f"before the assertion ({a.date})",
                field="read_in",
            )
        if a.via and a.via in by_id and dates.certainly_before(a.date, by_id[a.via].date):
            out.add(
                Severity.error,
                "assertions",
                a.id,
                f"dated {a.date}, but relays '{a.via}', said later ({by_id[a.via].date})",
                field="via",
            )
    _check_undated(case, out)
    for s in case.sources:
        for cited in s.cites:
            if dates.certainly_before(s.date, sources[cited].date):
                out.add(
                    Severity.error,
                    "sources",
                    s.id,
                    f"dated {s.date}, but cites '{cited}', dated later ({sources[cited].date})",
                    field="cites",
                )


def _check_undated(case: Case, out: Findings) -> None:
    """Warn about assertions nothing places in time that are not marked `undated: true`."""
    source_dates = {s.id: s.date for s in case.sources}
    for a in placed(case):
        if a.undated or placing_date(a, source_dates):
            continue
        out.add(
            Severity.warning,
            "assertions",
            a.id,
            "no date: neither the assertion, the source it was said in nor the one we read "
            "it in is dated, so every --as-of view leaves it out; give it a `date`, or mark "
            "it `undated: true` to count it in all of them",
        )
