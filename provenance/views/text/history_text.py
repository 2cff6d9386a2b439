"""A claim's verdict history as text: one line for `prov trace`, a list for `prov explain`.

>>> h = [{"as_of": "2025-04-09", "date": "2025-04-09", "status": "unconfirmed", "grade": 4,
...       "assertions": ["a1"]},
...      {"as_of": "2025-04-10", "date": "2025-04-10", "status": "unconfirmed", "grade": 3,
...       "assertions": ["a2"]},
...      {"as_of": "2025-04-30", "date": "2025-04", "status": "disputed", "grade": 4,
...       "assertions": ["a3"]}]
>>> history_line(h)  # doctest: +NORMALIZE_WHITESPACE
'disputed since Apr 2025, as of 30 Apr 2025 (grade 4); unconfirmed from 9 Apr 2025 (grade 4;
grade 3 from 10 Apr 2025)'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance import dates
from provenance.views.text.common import wrap

if TYPE_CHECKING:
    from provenance.records import HistoryEntry


def _when(entry: HistoryEntry) -> str:
    """The date of a change: the event's own (with its precision), "undated" for one
    known only from an `--as-of` day, "the start" for what was always known."""
    if entry["date"]:
        return dates.display(entry["date"])
    return "undated" if entry["as_of"] else "the start"


def _when_shown(entry: HistoryEntry) -> str:
    """`_when`, with the first `--as-of` day that shows the change when its date is
    coarser ("Apr 2025, as of 30 Apr 2025"): a month-dated change counts from the month's
    end, so it can follow a change of a day within that month."""
    when = _when(entry)
    if entry["as_of"] and entry["date"] != entry["as_of"]:
        when += f", as of {dates.display(entry['as_of'])}"
    return when


def history_line(history: list[HistoryEntry]) -> str:
    """Return the history in one line, latest status first: "unconfirmed since 9 Apr
    2025 (grade 4; grade 3 from 10 Apr 2025)"; each earlier status "from" its date."""
    runs: list[list[HistoryEntry]] = []
    for entry in history:
        if runs and runs[-1][-1]["status"] == entry["status"]:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    parts = []
    for n, run in enumerate(reversed(runs)):
        grades = [f"grade {run[0]['grade']}"]
        grades += [f"grade {e['grade']} from {_when_shown(e)}" for e in run[1:]]
        word = "since" if n == 0 else "from"
        parts.append(f"{run[0]['status']} {word} {_when_shown(run[0])} ({'; '.join(grades)})")
    return "; ".join(parts)


def history_lines(history: list[HistoryEntry], indent: str, width: int) -> list[str]:
    """Return one line per change: its date (and the first `--as-of` day that shows it,
    when the date is coarser), the verdict, and the assertions that changed it."""
    lines = []
    for e in history:
        when = _when(e)
        if e["as_of"] and e["date"] != e["as_of"]:
            when += f" (as of {dates.display(e['as_of'])})"
        cited = f" [{', '.join(e['assertions'])}]" if e["assertions"] else ""
        lines += wrap(f"{when}: {e['status']}, grade {e['grade']}{cited}", indent, width)
    return lines
