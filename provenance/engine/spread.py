"""The spread of each claim: reposts and quotes of its statements, counted, not drawn.

Spread data (`prov import spread`) holds posts that relay a case assertion, directly or
through other posts. Each post is a relay of the assertion it leads back to: it passes
the statement on, so it adds reach and never an origin or a corroboration (rules page,
"Relays"). A claim with one origin and thousands of reposts is amplified, not confirmed.
This module counts the spread in one pass over the posts (linear in their number), so a
million reposts summarise in seconds:

- `posts`: how many posts relay the claim's statements, directly or not;
- `accounts`: how many accounts posted them, an author the case knows under an actor's
  id, name or alias counted as that actor (so a checker merges a bot's duplicate
  accounts by listing them as aliases);
- `days`: posts per UTC day (a post known only by its day counts on that day);
- `statements`, `platforms`, `top_accounts`; `top_posts`: the posts with the most
  reposts beneath them, the relays most of the spread went through.

With `--as-of`, only posts made by the end of that date count, and only of statements
the cut case keeps.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from provenance import dates
from provenance.read.spread import before
from provenance.records import ClaimSpread, SpreadCount, SpreadPost, SpreadRecord, TopPost

if TYPE_CHECKING:
    from provenance.model import Case
    from provenance.read.spread import Spread

TOP = 10  # posts and accounts listed as the top relays


def spread_record(spread: Spread, case: Case, files: list[str], as_of: str | None) -> SpreadRecord:
    """Return the document's record of the spread of `case` (cut to `as_of` when given):
    the spread files read, how many posts they hold, each claim's spread, and how many
    posts each actor made (authors known under an actor's names)."""
    statements = {a.id: Statement(a.claim, a.stance.value) for a in case.assertions}
    known = _accounts(case)
    claims, actors = summarise(spread.posts, spread.roots, statements, known, as_of)
    record: SpreadRecord = {"files": sorted(files), "posts": len(spread.posts), "claims": claims}
    record["actors"] = actors
    return record


def authors_known(spread: Spread, case: Case) -> set[str]:
    """Return the actors of `case` that posts of `spread` name as their author (under
    the actor's id, name or an alias): the case refers to them through its spread data."""
    known = _accounts(case)
    return {known[key] for key in (fold(p["author"]) for p in spread.posts) if key in known}


def _accounts(case: Case) -> dict[str, str]:
    return account_names((a.id, [a.name, *(n.name for n in a.aliases)]) for a in case.actors)


def reposts_of(claims: Mapping[str, ClaimSpread]) -> dict[str, int]:
    """Return, for each case assertion the spread data relays, how many posts lead back
    to it (what the amplification flag counts, and what a trace shows beside it)."""
    return {s["name"]: s["posts"] for c in claims.values() for s in c["statements"]}


class Statement(NamedTuple):
    """What spread counting needs of a case assertion: its claim and stance."""

    claim: str
    stance: str


def account_names(actors: Iterable[tuple[str, list[str]]]) -> dict[str, str]:
    """Return folded author name → actor id, for each actor's id and names (`actors`:
    (id, [name, alias, ...]) pairs).

    >>> account_names([("kato", ["Kato", "@kato_news"])])["kato_news"]
    'kato'
    """
    names: dict[str, str] = {}
    for actor, known in actors:
        for name in (actor, *known):
            names.setdefault(fold(name), actor)
    return names


def fold(author: str) -> str:
    """Return an author name folded for counting accounts: case and a leading @ ignored."""
    return author.strip().removeprefix("@").casefold()


def summarise(
    posts: list[SpreadPost],
    roots: dict[str, str],
    statements: dict[str, Statement],
    accounts: dict[str, str],
    as_of: str | None = None,
) -> tuple[dict[str, ClaimSpread], dict[str, int]]:
    """Return the spread of each claim with any, and the posts of each actor: `roots`
    gives the assertion each post leads back to, `statements` the claim and stance of
    each assertion the analysis keeps, `accounts` the actor an author name is known as
    (see `account_names`)."""
    kept = [
        p
        for p in posts
        if roots.get(p["id"]) in statements and (as_of is None or dates.known_by(p["time"], as_of))
    ]
    beneath = _beneath(kept)
    by_id = {p["id"]: p for p in kept}
    by_claim: dict[str, list[SpreadPost]] = defaultdict(list)
    for post in kept:
        by_claim[statements[roots[post["id"]]].claim].append(post)
    claims = {
        claim: _claim_spread(group, Counts(roots, statements, accounts, beneath, by_id))
        for claim, group in sorted(by_claim.items())
    }
    actors = Counter(accounts[fold(p["author"])] for p in kept if fold(p["author"]) in accounts)
    return claims, dict(sorted(actors.items()))


class Counts(NamedTuple):
    """What counting one claim's posts looks up."""

    roots: dict[str, str]
    statements: dict[str, Statement]
    accounts: dict[str, str]
    beneath: dict[str, int]
    by_id: dict[str, SpreadPost]


def _beneath(posts: list[SpreadPost]) -> dict[str, int]:
    """Return, for each post, how many posts relay it directly or through others: one
    pass from the deepest posts up (depth found once per post)."""
    parent = {p["id"]: p["relays"] for p in posts}
    depth: dict[str, int] = {}
    for start in parent:
        path = []
        node = start
        while node in parent and node not in depth:
            path.append(node)
            node = parent[node]
        base = depth.get(node, -1)
        for offset, post in enumerate(reversed(path), 1):
            depth[post] = base + offset
    layers: dict[int, list[str]] = defaultdict(list)
    for post, level in depth.items():
        layers[level].append(post)
    below = dict.fromkeys(parent, 0)
    for level in sorted(layers, reverse=True):
        for post in layers[level]:
            up = parent[post]
            if up in below:
                below[up] += below[post] + 1
    return below


def _claim_spread(group: list[SpreadPost], c: Counts) -> ClaimSpread:
    shown: dict[str, str] = {}  # account -> how it is shown: the actor, else a spelling
    keys = [fold(p["author"]) for p in group]
    for key, post in zip(keys, group, strict=True):
        shown[key] = c.accounts.get(key) or min(shown.get(key, post["author"]), post["author"])
    names = Counter(shown[key] for key in keys)
    times = [p["time"] for p in group]
    top = heapq.nsmallest(
        TOP, (p for p in group if c.beneath[p["id"]]), key=lambda p: (-c.beneath[p["id"]], p["id"])
    )
    early = [p for p in group if p["relays"] in c.by_id and before(p, c.by_id[p["relays"]])]
    return {
        "posts": len(group),
        "accounts": len(names),
        "first": min(times),
        "last": max(times),
        "statements": _counts(Counter(c.roots[p["id"]] for p in group)),
        "stances": _counts(Counter(c.statements[c.roots[p["id"]]].stance for p in group)),
        "days": [
            {"name": d, "posts": n} for d, n in sorted(Counter(t[:10] for t in times).items())
        ],
        "platforms": _counts(Counter(p.get("platform", "unstated") for p in group)),
        "top_posts": [_top_post(p, c.beneath[p["id"]]) for p in top],
        "top_accounts": _counts(names, TOP),
        "early": len(early),
    }


def _counts(counter: Counter[str], limit: int | None = None) -> list[SpreadCount]:
    """Return counts most first, ties by name (the same bytes in any order of the data);
    the first `limit` only, found without sorting them all, when given."""
    items = counter.items()
    order = lambda kv: (-kv[1], kv[0])  # noqa: E731
    first = heapq.nsmallest(limit, items, key=order) if limit else sorted(items, key=order)
    return [{"name": k, "posts": n} for k, n in first]


def _top_post(post: SpreadPost, below: int) -> TopPost:
    top: TopPost = {"id": post["id"], "by": post["author"], "beneath": below}
    if "url" in post:
        top["url"] = post["url"]
    return top
