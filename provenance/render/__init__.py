"""Provenance diagrams, from the analysed case to DOT, SVG, PNG or PDF.

- `select`: which records a diagram of a term shows (pure);
- `styles`, `labels`, `legend`: how it looks and what it says;
- `dot`: `diagram_dot(doc, term, options, generated)`, the DOT text (pure);
- `layout`: laying DOT out with the system Graphviz or the embedded one;
- `output`: the default file name, the title's date and the laid-out bytes, for the CLI.
"""

from provenance.render.dot import diagram_dot
from provenance.render.options import DIRECTIONS, MAX_ASSERTIONS, RenderOptions
from provenance.render.output import default_output, draw, generation_date
from provenance.render.select import Selection, select

__all__ = [
    "DIRECTIONS",
    "MAX_ASSERTIONS",
    "RenderOptions",
    "Selection",
    "default_output",
    "diagram_dot",
    "draw",
    "generation_date",
    "select",
]
