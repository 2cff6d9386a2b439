"""A claim's spread in words: the sentences trace, the report and the diagram show for
the reposts and quotes of its statements (spread data, provenance.engine.spread).

Plain text, not yet escaped: each output escapes it for the language it lands in.

>>> spread = {"posts": 1200, "accounts": 950, "first": "2025-04-09T01:00:00Z",
...     "last": "2025-04-11", "statements": [{"name": "a1", "posts": 1200}],
...     "stances": [{"name": "states", "posts": 1200}], "early": 0,
...     "days": [{"name": "2025-04-09", "posts": 1000}, {"name": "2025-04-11", "posts": 200}],
...     "platforms": [{"name": "x", "posts": 1200}],
...     "top_posts": [{"id": "p1", "beneath": 700, "by": "@fund"}],
...     "top_accounts": [{"name": "bot1", "posts": 40}]}
>>> for line in spread_lines(spread): print(line)
1,200 reposts and quotes by 950 accounts, of 1 statement, from 9 Apr 2025 01:00 UTC to 11 Apr 2025
relaying what was stated (1,200)
busiest days: 9 Apr 2025 (1,000), 11 Apr 2025 (200)
most relayed: p1 by @fund (700 beneath it)
most active accounts: bot1 (40)
platforms: x (1,200)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance import dates
from provenance.vocab import Stance

if TYPE_CHECKING:
    from provenance.records import ClaimSpread, SpreadCount, TopPost

SHOWN = 5  # days, posts, accounts and platforms listed


def headline(spread: ClaimSpread) -> str:
    """Return the one-line summary: how many posts, accounts, statements, and when."""
    first, last = dates.display(spread["first"]), dates.display(spread["last"])
    when = f"on {first}" if first == last else f"from {first} to {last}"
    return (
        f"{_n(spread['posts'], 'repost or quote', 'reposts and quotes')} by "
        f"{_n(spread['accounts'], 'account')}, of {_n(len(spread['statements']), 'statement')}, "
        + when
    )


def spread_lines(spread: ClaimSpread) -> list[str]:
    """Return the headline and the lists under it: what the reposts relay (by stance:
    reposts of a doubt are not reposts of the claim), the busiest days, the posts most
    of the spread went through, the most active accounts and the platforms, and a
    warning for posts dated before what they relay."""
    busiest = sorted(spread["days"], key=lambda d: (-d["posts"], d["name"]))[:SHOWN]
    lines = [
        headline(spread),
        "relaying what was "
        + ", ".join(f"{Stance(s['name']).short} ({s['posts']:,})" for s in spread["stances"]),
        "busiest days: "
        + ", ".join(f"{dates.display(d['name'])} ({d['posts']:,})" for d in busiest),
    ]
    if spread["top_posts"]:
        lines.append("most relayed: " + ", ".join(_post(p) for p in spread["top_posts"][:SHOWN]))
    lines.append("most active accounts: " + _counts(spread["top_accounts"]))
    lines.append("platforms: " + _counts(spread["platforms"]))
    if spread["early"]:
        lines.append(
            f"warning: {_n(spread['early'], 'post is', 'posts are')} dated before the post "
            "they relay: check the zone of their times"
        )
    return lines


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else many or one + 's'}"


def _post(post: TopPost) -> str:
    return f"{post['id']} by {post['by']} ({post['beneath']:,} beneath it)"


def _counts(counts: list[SpreadCount]) -> str:
    return ", ".join(f"{c['name']} ({c['posts']:,})" for c in counts[:SHOWN])
