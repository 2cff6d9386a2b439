"""A claim's origins: the assertions its live support leads back to, best attributed
first, each with its independence group, its strength once weighed for who may confirm
(provenance.engine.authority) and the supporting assertions deriving from it.

The records are kept per claim (`Bearing.origins`, provenance.engine.bearing): an origin
whose group and attribution did not change since the claim was last judged is not
weighed again, and one whose support did not change either is the same record. The
verdict history judges a claim again on every day something bears on it; it builds only
the origins that changed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from operator import itemgetter
from typing import TYPE_CHECKING

from provenance.engine.authority import weigh
from provenance.records import Origin
from provenance.vocab import ATTRIBUTION_LEVELS, QuoteMode

if TYPE_CHECKING:
    from provenance.engine.context import Context
    from provenance.engine.read import Assertion

#: The key that lists origins best first: the best-attributed (the attribution level's
#: rank), then the speaker's own words before a translation before a paraphrase, then
#: the earliest, then by id.
BestFirst = tuple[int, int, tuple[dt.datetime, int], str]
#: What an origin's record was built from (group, attribution level, whether established,
#: its word), its key, and the record.
Memo = tuple[tuple[str, str, bool, str], BestFirst, Origin]

_LEVEL_RANK = {level.value: rank for rank, level in enumerate(ATTRIBUTION_LEVELS)}
_MODES = (QuoteMode.verbatim, QuoteMode.translation, QuoteMode.paraphrase)
_MODE_RANK = {mode: rank for rank, mode in enumerate(_MODES)}
_KEY = itemgetter(0)


def of_support(
    ctx: Context,
    claim: str,
    live: list[Assertion],
    said_by: str | None,
    keep_withdrawn: bool = False,
) -> list[Origin]:
    """Return the origins of `claim`'s `live` support (not themselves withdrawn, unless
    `keep_withdrawn`), best attributed first (see `BestFirst`), each weighed for who may
    confirm. `said_by`: the actor whose words the claim is about, if it is one."""
    supported_by: dict[str, list[str]] = defaultdict(list)  # origin -> live support from it
    for a in live:
        for o in ctx.origins_of[a.id].get(claim, (a.id,)):
            supported_by[o].append(a.id)
    ids = list(supported_by)
    if not keep_withdrawn:  # without a union of the case-wide sets for each claim
        withdrawn, discredited = ctx.withdrawn, ctx.discredited
        ids = [o for o in ids if o not in withdrawn and o not in discredited]
    memo = ctx.bearing[claim].origins
    found = [_record(ctx, memo, ctx.assertions[o], sorted(supported_by[o]), said_by) for o in ids]
    found.sort(key=_KEY)
    return [origin for _, origin in found]


def _record(
    ctx: Context, memo: dict[str, Memo], a: Assertion, supports: list[str], said_by: str | None
) -> tuple[BestFirst, Origin]:
    """Return the key and record of origin `a` supporting `supports`: the one `memo`
    holds when built from the same group and attribution (and then kept there)."""
    result = ctx.attribution[a.id]
    made = (ctx.independence.group(a), result["status"], result["established"], result["word"])
    known = memo.get(a.id)
    if known is not None and known[0] == made:
        key, origin = known[1], known[2]
        if origin["supports"] == supports:
            return key, origin
        origin = origin.copy()
        origin["supports"] = supports
    else:
        strength, why = weigh(a, ctx.strengths[(a.stance, a.basis)], result, said_by)
        key = (_LEVEL_RANK[result["status"]], _MODE_RANK[a.quote_mode], a.date_key, a.id)
        origin = Origin(
            assertion=a.id,
            actor=a.actor,
            group=made[0],
            stance=a.stance.value,
            basis=a.basis.value,
            strength=strength.value,
            supports=supports,
            attribution=result["status"],
            quote_mode=a.quote_mode.value,
            weakened=why,
        )
    memo[a.id] = (made, key, origin)
    return key, origin
