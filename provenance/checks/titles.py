"""The title-drift check: a speaker's title changing between sources.

Titles are compared as sets of words, ignoring case and small words, so "Senior Reporter"
and "senior reporter" are one title; each title is listed with the earliest source that
gives it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from provenance.checks.order import by_source_date
from provenance.vocab import Severity

if TYPE_CHECKING:
    from provenance.checks.findings import Findings
    from provenance.model import Assertion, Case

_STOP = {"at", "of", "the", "a", "an", "and", "for", "in"}


def check_titles(case: Case, texts: dict[str, str], out: Findings) -> None:
    """Report a speaker whose `title` differs between assertions. Evidence: `actor` and
    the distinct `titles` (`title`, `source`, `assertion`), earliest source first."""
    names = {a.id: a.name for a in case.actors}
    by_actor: dict[str, list[Assertion]] = defaultdict(list)
    for a in case.assertions:
        if a.title:
            by_actor[a.actor].append(a)
    for actor, members in sorted(by_actor.items()):
        seen: dict[frozenset[str], Assertion] = {}
        for a in sorted(members, key=lambda m: by_source_date(case, m)):
            words = frozenset(
                w for w in re.findall(r"\w+", (a.title or "").casefold()) if w not in _STOP
            )
            seen.setdefault(words, a)
        if len(seen) < 2:
            continue
        listed = [f"'{a.title}' ({a.evidence_source})" for a in seen.values()]
        first = next(iter(seen.values()))
        out.add(
            Severity.warning,
            "assertions",
            first.id,
            f"{names[actor]}'s title changes between sources: " + " / ".join(listed),
            {
                "actor": actor,
                "titles": [
                    {"title": a.title, "source": a.evidence_source, "assertion": a.id}
                    for a in seen.values()
                ],
            },
            "title",
            also=[f"assertion:{a.id}" for a in members],
        )
