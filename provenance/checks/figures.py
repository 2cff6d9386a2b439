"""The figure check: claims giving figures that cannot both be right.

Claims with a `quantity` on the same subject and unit are compared as intervals: each
figure with its qualifier ("over", "about", "nearly", ...) allows a range (`figure_range`),
and two figures conflict when their ranges do not overlap. A figure stated to fewer
significant digits also covers its rounding range: "$1.07 trillion" is any figure that
rounds to it (1.065 to 1.075 trillion), so "nearly $1.07 trillion" and "$1.079 trillion"
are one datum told at two precisions, not a conflict.
"""

from __future__ import annotations

import math
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


def rounding(value: float) -> float:
    """Return half a unit in the last significant digit of `value` as written (trailing
    zeros are not significant): the most a figure rounded to that digit can be off.

    >>> rounding(1.07e12), rounding(1.079e12), rounding(800e9), rounding(0.0)
    (5000000000.0, 500000000.0, 50000000000.0, 0.0)
    """
    if value == 0 or not math.isfinite(value):
        return 0.0
    digits = f"{abs(value):.15e}".split("e")
    mantissa = digits[0].replace(".", "").rstrip("0") or "0"
    return 0.5 * 10.0 ** (int(digits[1]) - len(mantissa) + 1)


def figure_range(q: Quantity) -> tuple[float, float]:
    """Return the interval a figure with its qualifier allows, widened by its rounding
    (see `rounding`) except on a bound the qualifier states ("over", "under").

    >>> from provenance.model import Quantity
    >>> lo, hi = figure_range(Quantity(subject="x", value=1.07e12, unit="USD", qualifier="nearly"))
    >>> round(lo / 1e12, 4), round(hi / 1e12, 4)
    (1.0433, 1.075)
    """
    qualifier = (q.qualifier or "").casefold().strip()
    v = q.value
    half = rounding(v)
    if qualifier in _LOWER_ONLY:
        return v * (1 - ABOUT_TOLERANCE), v + half
    if qualifier in _UPPER_ONLY:
        return v, float("inf")
    if qualifier in _BELOW:
        return 0.0, v
    tolerance = ABOUT_TOLERANCE if qualifier in _ABOUT else EXACT_TOLERANCE
    return min(v * (1 - tolerance), v - half), max(v * (1 + tolerance), v + half)


def _bound(value: float) -> float | None:
    """Return an upper bound for JSON, which has no infinity: None when there is none."""
    return value if math.isfinite(value) else None


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
    the two `ranges` allowed (an upper bound of null: none, as for "over 1 trillion")."""
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
                    "ranges": [[lo_x, _bound(hi_x)], [lo_y, _bound(hi_y)]],
                },
                "quantity",
                also=[f"claim:{x.id}"],
            )
