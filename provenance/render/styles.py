"""How a diagram looks: colours, shapes and line styles, keyed by the vocabulary's enums
(a test checks that every Status, Stance, ActorKind and SourceKind has its entry).

Colours are Okabe-Ito: distinguishable with the common forms of colour blindness.
"""

from __future__ import annotations

from dataclasses import dataclass

from provenance.vocab import ActorKind, SourceKind, Stance, Status

FONT = "Helvetica"

#: A claim's frame colour by status.
STATUS_COLOUR = {
    Status.confirmed: "#009E73",
    Status.corroborated: "#56B4E9",
    Status.unconfirmed: "#E69F00",
    Status.disputed: "#CC79A7",
    Status.refuted: "#D55E00",
    Status.retracted: "#999999",
    Status.unsupported: "#F0E442",
}
#: Light tints of the same colours for filling claim boxes, so black text stays legible.
STATUS_FILL = {
    Status.confirmed: "#B3E2D5",
    Status.corroborated: "#CCE8F8",
    Status.unconfirmed: "#F8E2B3",
    Status.disputed: "#F0D7E5",
    Status.refuted: "#F2CFB3",
    Status.retracted: "#E0E0E0",
    Status.unsupported: "#FAF6C6",
}


@dataclass(frozen=True)
class Line:
    """The look of a line from a statement to its claim."""

    style: str
    arrowhead: str
    color: str

    def attrs(self) -> dict[str, str]:
        """Return the Graphviz edge attributes, in the order the DOT lists them."""
        return {"style": self.style, "arrowhead": self.arrowhead, "color": self.color}


STANCE_LINE = {
    Stance.confirms: Line("bold", "normal", "#000000"),
    Stance.states: Line("solid", "normal", "#333333"),
    Stance.hedges: Line("dashed", "normal", "#333333"),
    Stance.conditional: Line("dotted", "odot", "#333333"),
    Stance.reports: Line("dotted", "empty", "#999999"),
    Stance.doubts: Line("dashed", "tee", "#D55E00"),
    Stance.denies: Line("bold", "tee", "#D55E00"),
    Stance.retracts: Line("bold,dashed", "tee", "#D55E00"),
}
ACTOR_SHAPE = {
    ActorKind.person: "ellipse",
    ActorKind.organization: "box",
    ActorKind.outlet: "box3d",
    ActorKind.government: "house",
    ActorKind.crowd: "octagon",
    ActorKind.anonymous: "octagon",
}
#: Actors that are no one in particular are drawn dashed.
DASHED_ACTORS = (ActorKind.crowd, ActorKind.anonymous)
SOURCE_SHAPE = {
    SourceKind.article: "note",
    SourceKind.broadcast: "cds",
    SourceKind.social_post: "tab",
    SourceKind.data_release: "cylinder",
    SourceKind.report: "folder",
    SourceKind.interview: "note",
    SourceKind.statement: "note",
    SourceKind.other: "note",
}
RELAY_COLOUR = "#0072B2"
FLAGGED_COLOUR = "#D55E00"
STATEMENT_COLOUR = "#444444"
SAID_IN_COLOUR = "#777777"
RELATION_COLOUR = "#555555"


def status_colour(status: str) -> str:
    """Return the frame colour of a claim of `status`."""
    return STATUS_COLOUR[Status(status)]


def status_fill(status: str) -> str:
    """Return the fill colour of a claim of `status`."""
    return STATUS_FILL[Status(status)]


def stance_line(stance: str) -> Line:
    """Return the look of the lines of a statement of `stance`."""
    return STANCE_LINE[Stance(stance)]


def actor_shape(kind: str) -> str:
    """Return the Graphviz shape of an actor of `kind`."""
    return ACTOR_SHAPE[ActorKind(kind)]


def actor_style(kind: str) -> str:
    """Return the outline style of an actor of `kind`: dashed for no one in particular."""
    return "dashed" if ActorKind(kind) in DASHED_ACTORS else "solid"


def source_shape(kind: str) -> str:
    """Return the Graphviz shape of a source of `kind`."""
    return SOURCE_SHAPE[SourceKind(kind)]
