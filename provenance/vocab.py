"""The vocabulary of prov: every named kind a case or a verdict uses, defined once.

Stances, bases, statuses, credibility grades, attribution levels, quote modes, flags,
and the kinds of actors and sources live here with their display words and their order.
Every other module imports them; a test fails when a view's table misses a term.

This module imports nothing heavy (no pydantic, no networkx), so the cached fast path
of `prov trace` can use it.

>>> Stance("hedges").word
'hedged'
>>> [s.value for s in SUPPORT]
['confirms', 'states', 'hedges', 'conditional']
>>> Status.confirmed.grade_floor
1
"""

from __future__ import annotations

from enum import StrEnum


class Stance(StrEnum):
    """What the actor does with the claim, from strongest endorsement to withdrawal."""

    confirms = "confirms"
    states = "states"
    hedges = "hedges"
    conditional = "conditional"
    reports = "reports"
    doubts = "doubts"
    denies = "denies"
    retracts = "retracts"

    @property
    def word(self) -> str:
        """The past-tense word reasons use ("Kubota (hedged, analysis)")."""
        return _STANCE_WORD[self]

    @property
    def short(self) -> str:
        """The word a diagram label uses."""
        return _STANCE_SHORT[self]

    @property
    def heading(self) -> str:
        """The heading `prov trace` groups assertions under."""
        return _STANCE_HEADING[self]

    @property
    def help(self) -> str:
        """What the stance means, for the case-file schema and the docs."""
        return _STANCE_HELP[self]


_STANCE_WORD = {
    Stance.confirms: "says it is confirmed",
    Stance.states: "stated",
    Stance.hedges: "hedged",
    Stance.conditional: "conditional",
    Stance.reports: "reported",
    Stance.doubts: "doubted",
    Stance.denies: "denied",
    Stance.retracts: "retracted",
}
_STANCE_SHORT = {**_STANCE_WORD, Stance.confirms: "says confirmed"}
_STANCE_HEADING = {
    Stance.confirms: "confirmed / says it is confirmed",
    Stance.states: "stated as fact",
    Stance.hedges: "hedged or speculative",
    Stance.conditional: "conditional",
    Stance.reports: "reported without endorsement",
    Stance.doubts: "doubted or called unconfirmed",
    Stance.denies: "denied",
    Stance.retracts: "retracted",
}
_STANCE_HELP = {
    Stance.confirms: "confirms it with first-hand knowledge or authority (or says it is confirmed)",
    Stance.states: "states it as fact",
    Stance.hedges: "states it hedged or as speculation ('perhaps', 'very likely')",
    Stance.conditional: "states it conditionally ('if it was indeed ...')",
    Stance.reports: "reports that someone else said it, without endorsing it",
    Stance.doubts: "doubts it or says it is unconfirmed",
    Stance.denies: "denies it",
    Stance.retracts: "retracts its own earlier assertion of it",
}

#: Stances that bear in favour of a claim (a conditional only as a condition).
SUPPORT = (Stance.confirms, Stance.states, Stance.hedges, Stance.conditional)
#: Stances that endorse a claim, however weakly.
ENDORSING = (Stance.confirms, Stance.states, Stance.hedges)
#: Stances that bear against a claim or withdraw it.
OPPOSING = (Stance.doubts, Stance.denies, Stance.retracts)
#: How sure a supporting stance sounds, for certainty inflation along a relay chain.
CERTAINTY = {Stance.conditional: 1, Stance.hedges: 2, Stance.states: 3, Stance.confirms: 4}


class Basis(StrEnum):
    """Why the actor could know."""

    first_hand = "first_hand"
    official = "official"
    documents = "documents"
    analysis = "analysis"
    unnamed_sources = "unnamed_sources"
    hearsay = "hearsay"
    unstated = "unstated"

    @property
    def word(self) -> str:
        """The words reasons use ("basis unstated", "unnamed sources")."""
        return "basis unstated" if self is Basis.unstated else self.value.replace("_", " ")

    @property
    def help(self) -> str:
        return _BASIS_HELP[self]


_BASIS_HELP = {
    Basis.first_hand: "first-hand knowledge (the subject itself, a witness)",
    Basis.official: "official record or data",
    Basis.documents: "documents",
    Basis.analysis: "analysis or inference",
    Basis.unnamed_sources: "unnamed sources",
    Basis.hearsay: "hearsay",
    Basis.unstated: "unstated",
}
#: Bases that give no reason to think the actor could know.
UNINFORMED = (Basis.unstated, Basis.hearsay)


class ActorKind(StrEnum):
    person = "person"
    organization = "organization"
    outlet = "outlet"
    government = "government"
    crowd = "crowd"
    anonymous = "anonymous"


class SourceKind(StrEnum):
    article = "article"
    broadcast = "broadcast"
    social_post = "social_post"
    data_release = "data_release"
    report = "report"
    interview = "interview"
    statement = "statement"
    other = "other"


class ReliabilityGrade(StrEnum):
    """The Admiralty grade of a source's reliability, A-F, recorded by a checker."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class Status(StrEnum):
    """A claim's status, in the order the engine's rules may decide it."""

    confirmed = "confirmed"
    corroborated = "corroborated"
    unconfirmed = "unconfirmed"
    disputed = "disputed"
    refuted = "refuted"
    retracted = "retracted"
    unsupported = "unsupported"

    @property
    def grade_floor(self) -> int:
        """The best Admiralty credibility grade a claim of this status can get."""
        return _STATUS_GRADE[self]


_STATUS_GRADE = {
    Status.confirmed: 1,
    Status.corroborated: 2,
    Status.unconfirmed: 3,
    Status.disputed: 4,
    Status.refuted: 5,
    Status.retracted: 6,
    Status.unsupported: 6,
}

#: The Admiralty credibility scale, as the engine computes it per claim.
GRADE_MEANING = {
    1: "confirmed by other independent sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


class Attribution(StrEnum):
    """How well it is established that the actor said it, strongest first."""

    archived = "archived"
    recorded = "recorded"
    multiple_reports = "multiple-reports"
    single_report = "single-report"
    unknown = "unknown"

    @property
    def established(self) -> bool:
        return self in (Attribution.archived, Attribution.recorded, Attribution.multiple_reports)


class Flag(StrEnum):
    """What the engine flags on an assertion, a claim or the whole case."""

    certainty_inflation = "certainty-inflation"
    specificity_escalation = "specificity-escalation"
    claim_drift = "claim-drift"
    single_origin = "single-origin"
    amplification = "amplification"
    circular_citation = "circular-citation"
    circular_relay = "circular-relay"


class Severity(StrEnum):
    """How much a `prov check` finding matters; `ok` records a quote located fine."""

    error = "error"
    warning = "warning"
    note = "note"
    ok = "ok"


#: The kinds of record a case holds, in the order views list them.
RECORD_KINDS = ("claim", "actor", "source", "assertion")
