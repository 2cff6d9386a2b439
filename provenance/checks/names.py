"""The name check: a wrong name for an actor, wherever the sources use it.

An alias recorded with `error: true` (a source calling Bessent "Mnuchin") is looked for as
a whole word in every archived text and in the assertions' `named_as`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from provenance.vocab import Severity

if TYPE_CHECKING:
    from provenance.checks.findings import Findings
    from provenance.model import Case


def check_names(case: Case, texts: dict[str, str], out: Findings) -> None:
    """Report every wrong alias that appears in an archived text or an assertion's
    `named_as`. Evidence: the `alias`, the `places` (`source`, `lines`) and the
    `assertions` that name the actor so."""
    for actor in case.actors:
        for alias in actor.aliases:
            if not alias.error:
                continue
            pattern = re.compile(rf"(?<!\w){re.escape(alias.name)}(?!\w)", re.IGNORECASE)
            places: list[tuple[str, list[int]]] = []
            for source_id, text in sorted(texts.items()):
                lines = sorted({text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)})
                if lines:
                    places.append((source_id, lines))
            named = sorted(
                a.id
                for a in case.assertions
                if a.actor == actor.id
                and a.named_as
                and alias.name.casefold() in a.named_as.casefold()
            )
            if not places and not named:
                continue
            where = "; ".join(
                f"{source} line{'s' if len(at) > 1 else ''} {', '.join(map(str, at))}"
                for source, at in places
            )
            note = f" ({alias.note})" if alias.note else ""
            out.add(
                Severity.warning,
                "actors",
                actor.id,
                f"wrong name '{alias.name}' for {actor.name}{note}: "
                f"{where or 'in assertions ' + ', '.join(named)}",
                {
                    "alias": alias.name,
                    "places": [{"source": source, "lines": [*at]} for source, at in places],
                    "assertions": [*named],
                },
                "aliases",
                also=[f"assertion:{n}" for n in named],
            )
