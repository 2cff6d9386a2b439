"""How a diagram is drawn: the options `prov render` passes down, and their limits."""

from __future__ import annotations

from dataclasses import dataclass

#: Left to right (time runs across) or top to bottom.
DIRECTIONS = ("LR", "TB")
#: `report`: one story at report size, parallel relays collapsed; `full`: every statement.
DETAILS = ("report", "full")
# Past about 50 statements a diagram is no longer legible, and Graphviz's rank solver
# slows sharply on tangled graphs; `provenance.render.story` keeps the most relevant 50.
MAX_ASSERTIONS = 50
#: Parallel relays of one statement collapse into one node from this many on.
COLLAPSE_FROM = 3
#: The widest a default diagram may be, in points (1,000 CSS pixels = 750 pt).
MAX_WIDTH_PT = 750


@dataclass(frozen=True)
class RenderOptions:
    """How to draw: `depth` limits relay hops followed back (None: all), `direction` is
    LR or TB, `max_assertions` bounds the picture, `ids` adds record ids to labels,
    `detail` is `report` (collapsed, report size) or `full` (every statement)."""

    depth: int | None = None
    direction: str = "LR"
    max_assertions: int = MAX_ASSERTIONS
    ids: bool = False
    detail: str = "report"
