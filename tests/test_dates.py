"""One date type: partial ISO dates as intervals, one ordering, one display."""

from __future__ import annotations

import ast
import datetime as dt
import doctest
import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance import dates


def test_doctests() -> None:
    assert doctest.testmod(dates).failed == 0


@pytest.mark.parametrize(
    ("text", "precision", "start", "end"),
    [
        ("2025", "year", "2025-01-01T00:00", "2026-01-01T00:00"),
        ("2025-12", "month", "2025-12-01T00:00", "2026-01-01T00:00"),
        ("2024-02", "month", "2024-02-01T00:00", "2024-03-01T00:00"),
        ("2025-04-09", "day", "2025-04-09T00:00", "2025-04-10T00:00"),
        ("2025-04-09T14:30", "time", "2025-04-09T14:30", "2025-04-09T14:31"),
        ("2025-04-09T14:30+09:00", "time", "2025-04-09T05:30", "2025-04-09T05:31"),
        ("2025-04-09T23:30:05Z", "time", "2025-04-09T23:30:05", "2025-04-09T23:30:06"),
    ],
)
def test_a_date_is_the_interval_it_names(text: str, precision: str, start: str, end: str) -> None:
    date = dates.parse(text)
    assert (date.precision, date.start, date.end) == (
        precision,
        dt.datetime.fromisoformat(start),
        dt.datetime.fromisoformat(end),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-4", "'2025-4' is not a date: write YYYY, YYYY-MM, YYYY-MM-DD"),
        ("April 2025", "'April 2025' is not a date"),
        ("2025-02-30", "'2025-02-30' is not a calendar date"),
        ("2025-00", "'2025-00' has no month 0"),
        ("2025-04-09T25:00", "'2025-04-09T25:00' is not a time of day"),
        ("0000", "'0000' has no year 0"),
    ],
)
def test_impossible_or_misspelt_dates_say_how_to_write_them(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        dates.parse(text)


def test_ordering_is_start_then_coarser_first_then_undated_last() -> None:
    texts = ["2025-04-10", None, "2025-04", "2025", "2025-04-01", "2024-12-31", "2025-04-01T08:00"]
    for _ in range(5):
        random.shuffle(texts)
        assert sorted(texts, key=dates.sort_key) == [
            "2024-12-31",
            "2025",
            "2025-04",
            "2025-04-01",
            "2025-04-01T08:00",
            "2025-04-10",
            None,
        ]


def test_first_seen_is_the_earliest_start_with_its_own_precision() -> None:
    assert dates.earliest(["2025-04-09", "2025-04", None]) == "2025-04"
    assert dates.earliest([None, None]) is None


@pytest.mark.parametrize(
    ("x", "y", "before"),
    [
        ("2025-04-09", "2025-04-10", True),
        ("2025-04", "2025-04-10", False),  # April may end after the 10th
        ("2025-04-09", "2025-04", False),  # ... or the 9th may be inside it
        ("2025-03", "2025-04-01", True),
        ("2025-04-09", "2025-04-09", False),
        (None, "2025", False),
    ],
)
def test_certainly_before_compares_intervals(x: str | None, y: str | None, before: bool) -> None:
    assert dates.certainly_before(x, y) is before


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2025", "2025"),
        ("2025-04", "Apr 2025"),
        ("2025-04-09", "9 Apr 2025"),
        ("2025-04-09T14:30+09:00", "9 Apr 2025 05:30 UTC"),
        (None, "undated"),
    ],
)
def test_display_keeps_the_precision(text: str | None, shown: str) -> None:
    assert dates.display(text) == shown


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_day_lies_inside_its_month_and_year(day: dt.date) -> None:
    d, m, y = (dates.parse(t) for t in (day.isoformat(), day.isoformat()[:7], str(day.year)))
    assert y.start <= m.start <= d.start < d.end <= m.end <= y.end
    assert dates.sort_key(y.text) <= dates.sort_key(m.text) <= dates.sort_key(d.text)


# --- no date code outside provenance/dates.py ----------------------------------------------

PACKAGE = Path(__file__).resolve().parent.parent / "provenance"

#: Leftovers in files this branch does not own, each to be removed by its owner.
KNOWN_LEFTOVERS: set[tuple[str, str]] = set()  # render/story.py sorts by dates.sort_key


def _date_valued(node: ast.expr) -> bool:
    """Whether an expression *is* a date field: `x.date`, `r["date"]`, `r.get("date")`,
    a name with "date" in it, or `a or b` / a tuple of those."""
    if isinstance(node, ast.BoolOp | ast.Tuple):
        return any(
            _date_valued(v) for v in (node.values if isinstance(node, ast.BoolOp) else node.elts)
        )
    if isinstance(node, ast.Name):
        return "date" in node.id.lower()
    if isinstance(node, ast.Attribute):
        return "date" in node.attr.lower()
    if isinstance(node, ast.Subscript):
        key = node.slice
        return isinstance(key, ast.Constant) and key.value in ("date", "first_seen", "as_of")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
        key = node.args[0]
        named = isinstance(key, ast.Constant) and key.value in ("date", "first_seen", "as_of")
        return node.func.attr == "get" and named
    return False


def date_code_outside_dates(source: str) -> list[tuple[int, str]]:
    """Return (line, what) for every place in `source` that parses, compares or sorts
    dates itself: a date-like string literal (a sentinel such as "9999"), `<`/`>` on a
    date field, a sort/min/max key returning a date field, or datetime parsing."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if re.fullmatch(r"\d{4}(-\d\d){0,2}", node.value):
                found.append((node.lineno, f"date literal '{node.value}'"))
        elif isinstance(node, ast.Compare):
            ordered = any(isinstance(o, ast.Lt | ast.Gt | ast.LtE | ast.GtE) for o in node.ops)
            if ordered and any(_date_valued(x) for x in [node.left, *node.comparators]):
                found.append((node.lineno, "date comparison"))
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
            for kw in node.keywords:
                body = kw.value.body if isinstance(kw.value, ast.Lambda) else None
                sorting = name in ("sorted", "sort", "min", "max") and kw.arg == "key"
                if sorting and body is not None and _date_valued(body):
                    found.append((node.lineno, "sort by a raw date"))
            if name in ("fromisoformat", "strptime"):
                found.append((node.lineno, "date parsing"))
    return sorted(found)


def test_the_detector_finds_the_patterns_it_names() -> None:
    code = (
        'a = sorted(xs, key=lambda r: (r.get("date") or "9999", r["id"]))\n'
        "b = x.date < y.date\n"
        "c = dt.date.fromisoformat(s)\n"
        "d = sorted(xs, key=lambda r: (*dates.sort_key(r.date), r.id))\n"
        "e = len(dated) < 2\n"
    )
    assert date_code_outside_dates(code) == [
        (1, "date literal '9999'"),
        (1, "sort by a raw date"),
        (2, "date comparison"),
        (3, "date parsing"),
    ]


def test_no_module_but_dates_parses_compares_or_sorts_dates() -> None:
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "dates.py":
            continue
        name = path.relative_to(PACKAGE).as_posix()
        for line, what in date_code_outside_dates(path.read_text(encoding="utf-8")):
            found.add((name, what) if (name, what) in KNOWN_LEFTOVERS else (f"{name}:{line}", what))
    assert found == KNOWN_LEFTOVERS
