"""How a diagram is drawn: the options `prov render` passes down, and their limits."""

from __future__ import annotations

from dataclasses import dataclass

#: Left to right (the time axis runs across) or top to bottom.
DIRECTIONS = ("LR", "TB")
# Past about 50 statements a diagram is no longer legible, and Graphviz's rank solver
# (needed for the time axis) slows sharply on tangled graphs (100 random statements: 9 s);
# `provenance.render.select` keeps the most relevant 50.
MAX_ASSERTIONS = 50


@dataclass(frozen=True)
class RenderOptions:
    """How to draw: `depth` limits relay hops followed (None: all), `direction` is LR or
    TB, `max_assertions` bounds the picture."""

    depth: int | None = None
    direction: str = "LR"
    max_assertions: int = MAX_ASSERTIONS
