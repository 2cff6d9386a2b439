"""The figure check: claims giving figures that cannot both be right.

Claims with a `quantity` on the same subject and unit are compared as intervals: each
figure with its qualifier ("over", "about", "nearly", ...) allows a range (`figure_range`),
and two figures conflict when their ranges do not overlap.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

from provenance.checks.textmatch import fold
from provenance.vocab import Severity

if TYPE_CHECKING:
    from provenance.checks.findings import Findings
    from provenance.model import Case, Claim, Quantity

_LOWER_ONLY = {"nearly", "almost", "just under"}
_UPPER_ONLY = {"over", "more than", "above", "at least"}
_BELOW = {"under", "less than", "below", "at most"}
_ABOUT = {"about", "approximately", "around", "roughly", "some", "circa"}
EXACT_TOLERANCE = 0.005  # a stated figure is taken as exact to its rounding
ABOUT_TOLERANCE = 0.025
SERIOUS_GAP = 0.10


def figure_range(q: Quantity) -> tuple[float, float]:
    """Return the interval a figure with its qualifier allows."""
    qualifier = (q.qualifier or "").casefold().strip()
    v = q.value
    if qualifier in _LOWER_ONLY:
        return v * (1 - ABOUT_TOLERANCE), v
    if qualifier in _UPPER_ONLY:
        return v, float("inf")
    if qualifier in _BELOW:
        return 0.0, v
    if qualifier in _ABOUT:
        return v * (1 - ABOUT_TOLERANCE), v * (1 + ABOUT_TOLERANCE)
    return v * (1 - EXACT_TOLERANCE), v * (1 + EXACT_TOLERANCE)


def _describe_figure(q: Quantity) -> str:
    scaled = (
        f"{q.value / 1e12:g} trillion"
        if q.value >= 1e12
        else f"{q.value / 1e9:g} billion"
        if q.value >= 1e9
        else f"{q.value:g}"
    )
    qualifier = f"{q.qualifier} " if q.qualifier else ""
    when = f" (as of {q.as_of})" if q.as_of else " (no as-of date)"
    return f"{qualifier}{scaled} {q.unit}{when}"


def check_figures(case: Case, texts: dict[str, str], out: Findings) -> None:
    """Report pairs of figures on one subject and unit that disagree beyond their
    qualifiers: an error when more than 10% apart, a warning otherwise, a note when
    different as-of dates explain it. Evidence: the two `claims`, the relative `gap` and
    the two `ranges` allowed."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in case.claims:
        if c.quantity:
            groups[(fold(c.quantity.subject).casefold(), c.quantity.unit.casefold())].append(c)
    for _, members in sorted(groups.items()):
        for x, y in combinations(members, 2):
            qx, qy = x.quantity, y.quantity
            assert qx is not None and qy is not None
            (lo_x, hi_x), (lo_y, hi_y) = figure_range(qx), figure_range(qy)
            if lo_x <= hi_y and lo_y <= hi_x:
                continue
            smaller, larger = sorted((abs(qx.value), abs(qy.value)))
            gap = max(lo_x - hi_y, lo_y - hi_x) / (smaller or larger)  # 0 vs 5: 100% apart
            message = (
                f"{qx.subject}: {_describe_figure(qx)} ('{x.id}') vs "
                f"{_describe_figure(qy)} ('{y.id}') disagree beyond their qualifiers "
                f"({gap:.1%} apart)"
            )
            severity = Severity.error if gap > SERIOUS_GAP else Severity.warning
            if qx.as_of and qy.as_of and qx.as_of != qy.as_of:
                severity = Severity.note
                message += f"; explained by different dates ({qx.as_of} vs {qy.as_of})"
            elif not (qx.as_of and qy.as_of):
                message += "; an as-of date is missing, so different dates may explain it"
            out.add(
                severity,
                "claims",
                y.id,
                message,
                {
                    "claims": [x.id, y.id],
                    "gap": round(gap, 4),
                    "ranges": [[lo_x, hi_x], [lo_y, hi_y]],
                },
                "quantity",
                also=[f"claim:{x.id}"],
            )
