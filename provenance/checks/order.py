"""When the case's sources were published, to order assertions by where we read them.

Shared by quote drift and title drift, which both name the earliest variant first. Dates
are compared through `provenance.dates` (partial dates as intervals).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from provenance import dates

if TYPE_CHECKING:
    from provenance.model import Assertion, Case


def source_date(case: Case, source_id: str | None) -> str | None:
    """Return a source's date as the case gives it (None if undated or unknown)."""
    return next((s.date for s in case.sources if s.id == source_id), None)


def by_source_date(case: Case, a: Assertion) -> tuple[tuple[dt.datetime, int], str]:
    """Order assertions by the date of the source we read them in, then by id."""
    return dates.sort_key(source_date(case, a.read_in)), a.id
