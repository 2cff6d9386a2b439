"""How a diagram looks: colours, symbols and line styles, keyed by the vocabulary's enums
(a test checks that every Status, Stance, Attribution, Flag and QuoteMode has its entry).

Colours are Okabe-Ito, chosen to stay apart under deuteranopia and protanopia (a test
simulates both and measures the distance between the status colours), and no colour
carries a meaning alone: a status is also a word and a symbol, a stance also an
arrowhead, an attribution level a line style.

One colour, one meaning on the arrows: dark for support, blue for a relay, vermillion
for a doubt, denial or retraction, grey for context and for reports without endorsement.
"""

from __future__ import annotations

from dataclasses import dataclass

from provenance.vocab import ActorKind, Attribution, Flag, QuoteMode, Stance, Status

FONT = "Helvetica"
#: Point sizes: nothing is drawn smaller than TEXT_PT.
TEXT_PT = 12
SUBJECT_PT = 15
TITLE_PT = 14

#: A claim's frame colour by status.
STATUS_COLOUR = {
    Status.confirmed: "#009E73",
    Status.corroborated: "#56B4E9",
    Status.unconfirmed: "#E69F00",
    Status.disputed: "#CC79A7",
    Status.refuted: "#D55E00",
    Status.retracted: "#666666",
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
#: The symbol printed before the status word, so the colour is never needed.
STATUS_SYMBOL = {
    Status.confirmed: "✔",
    Status.corroborated: "✓",
    Status.unconfirmed: "?",
    Status.disputed: "⇄",
    Status.refuted: "✘",
    Status.retracted: "↺",
    Status.unsupported: "∅",
}

SUPPORT_COLOUR = "#222222"
RELAY_COLOUR = "#0072B2"
OPPOSING_COLOUR = "#D55E00"
GREY = "#767676"  # 4.5:1 on white: still readable as text
CONTEXT_FILL = "#F2F2F2"
STATEMENT_FRAME = "#444444"
ORIGIN_SYMBOL = "◆"
FLAG_SYMBOL = "⚠"


@dataclass(frozen=True)
class Arrow:
    """How an arrow from a statement to its claim ends, and its colour."""

    arrowhead: str
    color: str
    penwidth: str
    meaning: str


STANCE_ARROW = {
    Stance.confirms: Arrow("normal", SUPPORT_COLOUR, "2.5", "heavy arrow: says it is confirmed"),
    Stance.states: Arrow("normal", SUPPORT_COLOUR, "1.5", "filled arrow: states it"),
    Stance.hedges: Arrow("empty", SUPPORT_COLOUR, "1.5", "open arrow: hedges"),
    Stance.conditional: Arrow("odot", SUPPORT_COLOUR, "1.5", "ring: only if…"),
    Stance.reports: Arrow("onormal", GREY, "1.2", "grey half arrow: reports it"),
    Stance.doubts: Arrow("tee", OPPOSING_COLOUR, "1.5", "vermillion bar: doubts it"),
    Stance.denies: Arrow("tee", OPPOSING_COLOUR, "2.5", "heavy vermillion bar: denies it"),
    Stance.retracts: Arrow("teetee", OPPOSING_COLOUR, "2.5", "double bar: retracts it"),
}


@dataclass(frozen=True)
class Line:
    """The line style of an arrow leaving a statement: how well we know it was said."""

    style: str
    word: str


_SOLID, _DASHED, _DOTTED = "solid", "dashed", "dotted"
ATTRIBUTION_LINE = {
    Attribution.on_record: Line(_SOLID, "on record"),
    Attribution.independent_reports: Line(_SOLID, "independent reports"),
    Attribution.second_hand: Line(_DASHED, "second-hand"),
    Attribution.screenshot_only: Line(_DOTTED, "screenshot only"),
    Attribution.unverifiable: Line(_DOTTED, "unverifiable"),
    Attribution.disputed: Line(_DOTTED, "✗ attribution disputed"),
    Attribution.refuted: Line(_DOTTED, "✗ attribution refuted"),
}
#: What each line style says, for the legend.
LINE_MEANING = {
    _SOLID: "solid line: said on record or in several reports",
    _DASHED: "dashed line: known from one second-hand report",
    _DOTTED: "dotted line: screenshot only, unverifiable or challenged",
}

FLAG_WORD = {
    Flag.certainty_inflation: "more certain than its source",
    Flag.specificity_escalation: "more specific than its source",
    Flag.claim_drift: "drifted from its source",
    Flag.single_origin: "single origin",
    Flag.amplification: "amplified",
    Flag.circular_citation: "circular citation",
    Flag.circular_relay: "circular relay",
    Flag.rewrite: "a rewrite of another outlet's text",
    Flag.circular_reporting: "circular reporting",
    Flag.fabricated: "admitted fabrication",
    Flag.attribution_challenged: "attribution challenged",
}

QUOTE_MARK = {
    QuoteMode.verbatim: "verbatim",
    QuoteMode.paraphrase: "paraphrase",
    QuoteMode.translation: "translation",
}
#: Actors that are no one in particular have a dashed frame.
DASHED_ACTORS = (ActorKind.crowd, ActorKind.anonymous)


def status_colour(status: str) -> str:
    """Return the frame colour of a claim of `status`."""
    return STATUS_COLOUR[Status(status)]


def status_fill(status: str) -> str:
    """Return the fill colour of a claim of `status`."""
    return STATUS_FILL[Status(status)]


def stance_arrow(stance: str) -> Arrow:
    """Return how the arrow of a statement of `stance` ends."""
    return STANCE_ARROW[Stance(stance)]


def attribution_line(level: str) -> Line:
    """Return the line of a statement whose attribution is `level` (unknown: dotted)."""
    try:
        return ATTRIBUTION_LINE[Attribution(level)]
    except ValueError:
        return ATTRIBUTION_LINE[Attribution.unverifiable]


def flag_word(kind: str) -> str:
    """Return a flag's short words ("more specific than its source")."""
    try:
        return FLAG_WORD[Flag(kind)]
    except ValueError:
        return kind.replace("-", " ")


def actor_frame(kind: str) -> str:
    """Return the frame style of a statement by an actor of `kind`."""
    try:
        return "rounded,dashed" if ActorKind(kind) in DASHED_ACTORS else "rounded"
    except ValueError:
        return "rounded"
