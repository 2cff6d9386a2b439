"""The legend of a story diagram: one line per mark the picture actually uses, nothing
else (a picture without a relay does not explain relays)."""

from __future__ import annotations

from provenance.render import styles
from provenance.render.story import Story
from provenance.views.index import CaseIndex
from provenance.vocab import Stance


def _actor_kind(ix: CaseIndex, a_id: str) -> str:
    actor = ix.actors.get(ix.assertions[a_id]["actor"])
    return actor["kind"] if actor else ""


def legend_lines(ix: CaseIndex, story: Story) -> list[str]:
    """Return the legend's lines for what `story` draws, in a fixed order."""
    lines = ["How to read it"]
    if any(n.origin for n in story.nodes):
        lines.append(f"{styles.ORIGIN_SYMBOL} where this claim was first said")
    stances = []
    for link in story.links:
        if link.kind == "about" and link.assertion:
            stance = ix.assertions[link.assertion]["stance"]
            if stance not in stances:
                stances.append(stance)
    for stance in Stance:
        if stance in stances:
            lines.append(styles.STANCE_ARROW[stance].meaning)
    if any(link.kind == "relay" for link in story.links):
        lines.append("blue arrow: relayed by the next box")
    used_lines = {
        styles.attribution_line(ix.results[link.assertion]["attribution"]["status"]).style
        for link in story.links
        if link.assertion
    }
    for style, meaning in styles.LINE_MEANING.items():
        if style in used_lines:
            lines.append(meaning)
    if any(link.flags for link in story.links):
        lines.append(f"{styles.FLAG_SYMBOL} a flag, on the step that raised it")
    crowd = {k.value for k in styles.DASHED_ACTORS}
    if any(_actor_kind(ix, a) in crowd for n in story.nodes for a in n.assertions):
        lines.append("dashed box: a crowd or anonymous")
    if any(n.kind == "context" for n in story.nodes):
        lines.append("grey: context, not evidence")
    if any(n.kind in ("group", "relays") for n in story.nodes):
        lines.append("one box, several texts: see its tooltip")
    return lines
