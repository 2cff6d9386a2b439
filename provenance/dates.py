"""Dates in prov: one type, one ordering, one way to print them.

A date in a case is ISO 8601 of year, month or day precision (``2025``, ``2025-04``,
``2025-04-09``), or a day with a time of day and an offset for fast-moving rumors
(``2025-04-09T14:30+09:00``). Each is an *interval*: "April 2025" is every moment from
1 April to the end of 30 April. Times with an offset are compared in UTC; days without
a time are taken as calendar days (their zone is unknown).

The ordering rule, used everywhere (sorting, first seen, the time axis): by start, then
by precision, coarser first, then by id. Undated records sort last.

>>> d = parse("2025-04")
>>> d.precision, str(d.start.date()), str(d.end.date())
('month', '2025-04-01', '2025-05-01')
>>> display("2025-04"), display("2025-04-09"), display("2025")
('Apr 2025', '9 Apr 2025', '2025')
>>> sorted(["2025-04-10", "2025-04", "2025-04-01"], key=sort_key)
['2025-04', '2025-04-01', '2025-04-10']
>>> certainly_before("2025-04-09", "2025-05"), certainly_before("2025-04", "2025-04-10")
(True, False)
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from typing import NamedTuple

PRECISIONS = ("year", "month", "day", "time")
_DATE_PATTERN = (
    r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?)?)?$"
)


@cache
def _date_re() -> re.Pattern[str]:
    """The date pattern, compiled on first use (not at start-up: most commands read dates
    from the cache and never parse one)."""
    return re.compile(_DATE_PATTERN)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FORMAT_HINT = "write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM"
UNDATED = dt.datetime.max  # where an undated record sorts: after every date
ALWAYS = dt.datetime.min  # from when a record marked `undated: true` counts: from the start


class PartialDate(NamedTuple):
    """An ISO 8601 date as the interval [start, end) it names, with its precision."""

    text: str
    precision: str  # one of PRECISIONS
    start: dt.datetime  # naive, UTC for times with an offset
    end: dt.datetime  # exclusive

    @property
    def rank(self) -> int:
        """0 for a year, 1 month, 2 day, 3 time: coarser sorts first at the same start."""
        return PRECISIONS.index(self.precision)


def _time(groups: tuple[str | None, ...], day: dt.date, text: str) -> PartialDate:
    hour, minute, second, zone = groups
    try:
        clock = dt.time(int(hour or 0), int(minute or 0), int(second or 0))
        moment = dt.datetime.combine(day, clock)
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a time of day ({exc}): {FORMAT_HINT}") from exc
    if zone:
        offset = dt.timedelta(0)
        if zone != "Z":
            sign = -1 if zone[0] == "-" else 1
            offset = sign * dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
        moment -= offset
    step = dt.timedelta(seconds=1) if second else dt.timedelta(minutes=1)
    return PartialDate(text, "time", moment, moment + step)


@lru_cache(maxsize=4096)
def parse(text: str) -> PartialDate:
    """Return the interval a date names. Raises ValueError, saying how to write it, for
    anything that is not a date of the calendar.

    >>> parse("2024-02-30")
    Traceback (most recent call last):
    ...
    ValueError: '2024-02-30' is not a calendar date (day is out of range for month)
    """
    match = _date_re().match(text)
    if not match:
        raise ValueError(f"'{text}' is not a date: {FORMAT_HINT}")
    y, m, d = match.group(1, 2, 3)
    year = int(y)
    if year < 1:
        raise ValueError(f"'{text}' has no year 0: {FORMAT_HINT}")
    if m is None:
        return PartialDate(text, "year", dt.datetime(year, 1, 1), _next_year(year))
    month = int(m)
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}: write YYYY-MM with 01-12")
    start = dt.datetime(year, month, 1)
    if d is None:
        return PartialDate(text, "month", start, _month_after(year, month))
    try:
        day = dt.date(year, month, int(d))
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a calendar date ({exc})") from exc
    if match.group(4) is not None:
        return _time(match.group(4, 5, 6, 7), day, text)
    begin = dt.datetime.combine(day, dt.time())
    return PartialDate(text, "day", begin, _day_after(begin))


INSTANT_HINT = "write 2025-04-09T14:30:00Z, 2025-04-09T23:30:00+09:00 or a day, 2025-04-09"


def instant(text: str) -> str:
    """Return the moment a post was made (spread data), in one spelling: a time with
    its zone as UTC to the second (``2025-04-09T05:30:00Z``), or a day (``2025-04-09``)
    when only the day is known. Fractions of a second are dropped; Twitter's own
    spelling ("Wed Apr 09 02:14:33 +0000 2025") is read too. Raises ValueError,
    saying how to write it, for anything else: a time without a zone is refused, since
    the day it falls on depends on the zone.

    >>> instant("2025-04-09T14:30:00.250+09:00"), instant("2025-04-09 05:30Z")
    ('2025-04-09T05:30:00Z', '2025-04-09T05:30:00Z')
    >>> instant("2025-04-09"), instant("2025-04-09t05:30:00z")
    ('2025-04-09', '2025-04-09T05:30:00Z')
    """
    if len(text) == 20 and _utc_re().fullmatch(text):  # already in this spelling
        try:
            dt.datetime.fromisoformat(text[:19])
            return text
        except ValueError:
            pass
    if len(text) == 10:
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError as exc:
            why = f"is not a calendar date ({exc})" if _date_re().match(text) else "is not a date"
            raise ValueError(f"'{text}' {why}: {INSTANT_HINT}") from None
    try:
        moment = dt.datetime.fromisoformat(text[:-1] + "Z" if text.endswith("z") else text)
    except ValueError:
        moment = _platform_time(text)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"'{text}' has no zone (Z or +09:00): {INSTANT_HINT}")
    try:
        utc = moment.astimezone(dt.UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 falls before year 1 in UTC
        raise ValueError(f"'{text}' is out of the calendar's range: {INSTANT_HINT}") from None
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ")


@cache
def _utc_re() -> re.Pattern[str]:
    return re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def _platform_time(text: str) -> dt.datetime:
    """Return a time as Twitter's v1 exports write it ("Wed Apr 09 02:14:33 +0000 2025"),
    or raise ValueError saying how to write an ISO 8601 one."""
    try:
        return dt.datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y")
    except ValueError:
        raise ValueError(f"'{text}' is not an ISO 8601 time: {INSTANT_HINT}") from None


def _next_year(year: int) -> dt.datetime:
    return dt.datetime(year + 1, 1, 1) if year < dt.MAXYEAR else dt.datetime.max


def _month_after(year: int, month: int) -> dt.datetime:
    if month == 12:
        return _next_year(year)
    return dt.datetime(year, month + 1, 1)


def _day_after(begin: dt.datetime) -> dt.datetime:
    return begin + dt.timedelta(days=1) if begin.date() < dt.date.max else dt.datetime.max


@lru_cache(maxsize=4096)
def sort_key(text: str | None) -> tuple[dt.datetime, int]:
    """Return the key that orders dates everywhere: start, then precision (coarser
    first); undated last. Add the record's id as a third element to break ties. Cached
    like `parse`: the records of one date share one key (a million assertions hold a few
    hundred keys, not a million, and comparing two of one date stops at their identity)."""
    if not text:
        return (UNDATED, 0)
    date = parse(text)
    return (date.start, date.rank)


@lru_cache(maxsize=4096)
def after_key(text: str) -> tuple[dt.datetime, int]:
    """Return a key below the `sort_key` of every date certainly after `text`, and above
    that of every other date: in a list sorted by `sort_key`, bisection at it finds the
    first date certainly after `text`.

    >>> keys = sorted(sort_key(d) for d in ["2025-04", "2025-04-30", "2025-05", "2025-05-02"])
    >>> [k for k in keys if k >= after_key("2025-04-09")] == keys[1:]
    True
    >>> [k for k in keys if k >= after_key("2025-04")] == keys[2:]
    True

    Cached like `sort_key`.
    """
    return (parse(text).end, -1)


def earliest(texts: list[str | None]) -> str | None:
    """Return the date that sorts first (the earliest start), or None if none is dated."""
    dated = [t for t in texts if t]
    return min(dated, key=sort_key) if dated else None


def latest(texts: list[str | None]) -> str | None:
    """Return the date whose interval ends last (ties: the one that sorts last), or None
    if none is dated: what something citing all of them cannot precede.

    >>> latest(["2025-05-02", "2025-05", None])
    '2025-05'
    """
    dated = [t for t in texts if t]
    return max(dated, key=lambda t: (parse(t).end, sort_key(t))) if dated else None


def certainly_before(x: str | None, y: str | None) -> bool:
    """Return whether date `x` certainly ends before date `y` begins (False when either
    is unknown): "2025-04" is not certainly before "2025-04-10"."""
    if not x or not y:
        return False
    return parse(x).end <= parse(y).start


def known_by(text: str | None, as_of: str) -> bool:
    """Return whether something dated `text` had certainly happened by the end of the
    date `as_of`: its whole interval ends no later than the end of `as_of`.

    >>> known_by("2025-04-09", "2025-04-10"), known_by("2025-04", "2025-04-10")
    (True, False)
    """
    if not text:
        return False
    return parse(text).end <= parse(as_of).end


def end(text: str) -> dt.datetime:
    """Return the moment a date's interval ends (exclusive): from then on, something
    dated `text` had certainly happened.

    >>> str(end("2025-04")), str(end("2025-04-09"))
    ('2025-05-01 00:00:00', '2025-04-10 00:00:00')
    """
    return parse(text).end


def counted_by(moment: dt.datetime, as_of: str) -> bool:
    """Return whether something certain from `moment` (an `end`, or ALWAYS) is known by
    the end of the date `as_of`."""
    return moment <= parse(as_of).end


def first_day(moment: dt.datetime) -> str | None:
    """Return the first calendar day (ISO) by whose end `moment` has passed: the first
    `--as-of` day that counts something certain from `moment`; None for ALWAYS.

    >>> first_day(end("2025-04")), first_day(end("2025-04-09T23:30-05:00"))
    ('2025-04-30', '2025-04-10')
    """
    if moment == ALWAYS:
        return None
    return iso_day(moment - dt.timedelta(microseconds=1))


def earliest_moment(moments: list[dt.datetime]) -> dt.datetime | None:
    """Return the earliest of some moments (`end`s or ALWAYS), or None if there are none."""
    return min(moments) if moments else None


def overlaps(x: str | None, y: str | None) -> bool:
    """Return whether two dates' intervals share a moment (True when either is unknown:
    nothing shows they differ).

    >>> overlaps("2025-04", "2025-04-09"), overlaps("2025-04", "2025-05-02")
    (True, False)
    """
    if not x or not y:
        return True
    a, b = parse(x), parse(y)
    return a.start < b.end and b.start < a.end


def display(text: str | None) -> str:
    """Return a date for people, with its own precision: "9 Apr 2025", "Apr 2025",
    "2025", "9 Apr 2025 14:30 UTC"; "undated" for None."""
    if not text:
        return "undated"
    date = parse(text)
    start = date.start
    if date.precision == "year":
        return str(start.year)
    month = _MONTHS[start.month - 1]
    if date.precision == "month":
        return f"{month} {start.year}"
    day = f"{start.day} {month} {start.year}"
    if date.precision == "time":
        return f"{day} {start:%H:%M} UTC" if _has_zone(text) else f"{day} {start:%H:%M}"
    return day


def _has_zone(text: str) -> bool:
    return text.endswith("Z") or bool(re.search(r"[+-]\d{2}:\d{2}$", text))


def iso_day(moment: dt.datetime) -> str:
    """Return the ISO day of a moment, as case files spell it."""
    return moment.date().isoformat()


def python_datetime(text: str) -> dt.datetime | None:
    """Return a date with a time of day as Python reads ISO 8601 (`fromisoformat`, "Z"
    as +00:00), or None when it cannot (no time of day, an offset of a day or more):
    how the `prov` library reads an xsd:dateTime, which PROV-JSON then writes in Python's
    spelling (provenance.export.prov_json).

    >>> python_datetime("2025-04-09T14:30:00Z").isoformat()
    '2025-04-09T14:30:00+00:00'
    >>> python_datetime("2025-04-09T14:30:00+24:00"), python_datetime("2025-04-09")
    (None, None)
    """
    if "T" not in text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
