"""A claim's spread in words: the sentences trace, the report and the diagram show for
the reposts and quotes of its statements (spread data, provenance.engine.spread).

Plain text, not yet escaped: each output escapes it for the language it lands in.

>>> spread = {"posts": 1200, "accounts": 950, "first": "2025-04-09T01:00:00Z",
...     "last": "2025-04-11", "statements": [{"name": "a1", "posts": 1200}],
...     "days": [{"name": "2025-04-09", "posts": 1000}, {"name": "2025-04-11", "posts": 200}],
...     "platforms": [{"name": "x", "posts": 1200}],
...     "top_posts": [{"name": "p1", "posts": 700, "by": "@fund"}],
...     "top_accounts": [{"name": "bot1", "posts": 40}]}
>>> for line in spread_lines(spread): print(line)
1,200 reposts and quotes by 950 accounts, of 1 statement, 9 Apr 2025 01:00 UTC to 11 Apr 2025
busiest days: 9 Apr 2025 (1,000), 11 Apr 2025 (200)
most relayed: p1 by @fund (700 beneath it)
most active accounts: bot1 (40)
platforms: x (1,200)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance import dates

if TYPE_CHECKING:
    from provenance.records import ClaimSpread, SpreadCount

SHOWN = 5  # days, posts, accounts and platforms listed


def headline(spread: ClaimSpread) -> str:
    """Return the one-line summary: how many posts, accounts, statements, and when."""
    statements = len(spread["statements"])
    return (
        f"{spread['posts']:,} reposts and quotes by {spread['accounts']:,} accounts, of "
        f"{statements} statement{'s' if statements != 1 else ''}, "
        f"{dates.display(spread['first'])} to {dates.display(spread['last'])}"
    )


def spread_lines(spread: ClaimSpread) -> list[str]:
    """Return the headline and the lists under it: the busiest days, the posts most of
    the spread went through, the most active accounts and the platforms."""
    busiest = sorted(spread["days"], key=lambda d: (-d["posts"], d["name"]))[:SHOWN]
    lines = [
        headline(spread),
        "busiest days: "
        + ", ".join(f"{dates.display(d['name'])} ({d['posts']:,})" for d in busiest),
    ]
    if spread["top_posts"]:
        lines.append("most relayed: " + ", ".join(_post(p) for p in spread["top_posts"][:SHOWN]))
    lines.append("most active accounts: " + _counts(spread["top_accounts"]))
    lines.append("platforms: " + _counts(spread["platforms"]))
    return lines


def _post(post: SpreadCount) -> str:
    return f"{post['name']} by {post.get('by', '?')} ({post['posts']:,} beneath it)"


def _counts(counts: list[SpreadCount]) -> str:
    return ", ".join(f"{c['name']} ({c['posts']:,})" for c in counts[:SHOWN])
