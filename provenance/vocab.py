"""The vocabulary of prov: every named kind a case or a verdict uses, defined once.

Stances, bases, statuses, credibility grades, origin states, attribution levels and
challenges, quote modes, speech acts, flags, and the kinds of actors and sources live
here with their display words and their order. Every other module imports them; a test fails when a
view's table misses a term.

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

    @property
    def adverb(self) -> str:
        """How reasons say a statement was made on this basis ("confirmed officially")."""
        return _BASIS_ADVERB[self]


_BASIS_ADVERB = {
    Basis.first_hand: "first-hand",
    Basis.official: "officially",
    Basis.documents: "from documents",
    Basis.analysis: "by analysis",
    Basis.unnamed_sources: "citing unnamed sources",
    Basis.hearsay: "on hearsay",
    Basis.unstated: "with no stated basis",
}
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


class Authority(StrEnum):
    """How much a statement's basis lets it settle a question, highest first: a later
    statement of at least the same authority supersedes an earlier opposite one
    (docs/rules.md, "Time"). The case's thresholds say which bases are authoritative
    (`authoritative_bases`) and grounded (`grounded_bases`).

    >>> Authority.authoritative.rank < Authority.grounded.rank
    True
    """

    authoritative = "authoritative"  # a basis in authoritative_bases: first-hand, official
    grounded = "grounded"  # in grounded_bases: documents, unnamed sources
    informed = "informed"  # any other basis beyond hearsay: analysis
    uninformed = "uninformed"  # hearsay or unstated

    @property
    def rank(self) -> int:
        """0 for the highest authority."""
        return _AUTHORITY_RANK[self]

    def at_least(self, other: Authority) -> bool:
        """Whether this authority is the same as or higher than `other`."""
        return _AUTHORITY_RANK[self] <= _AUTHORITY_RANK[other]


_AUTHORITY_RANK = {a: n for n, a in enumerate(Authority)}


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


class OriginState(StrEnum):
    """What became of the origins a claim's support had, in the verdict's origins line
    (docs/rules.md, section 2): `live` while one still counts; otherwise the reason none
    does, and the line counts the origins it had ("1 origin, retracted")."""

    live = "live"
    withdrawn = "withdrawn"  # retracted by whoever said it
    fabricated = "fabricated"  # its author admitted inventing it
    not_said = "not said"  # its attribution refuted
    superseded = "superseded"  # a later, better-placed statement ended every one
    reported = "reported"  # the claim was only ever reported, never asserted
    none = "none"  # nothing bears on it

    @property
    def word(self) -> str:
        """How the origins line names the state ("1 origin, only reported")."""
        return _ORIGIN_WORD.get(self, self.value)


_ORIGIN_WORD = {
    OriginState.withdrawn: "retracted",
    OriginState.not_said: "not said (attribution refuted)",
    OriginState.reported: "only reported",
}


class Attribution(StrEnum):
    """How well it is established that the actor said it, strongest first.

    The desk's scale is on-record > independent-reports (by at least
    `Rules.attribution_min_outlets` outlets that do not derive from each other) >
    second-hand > screenshot-only > unverifiable; `disputed` and `refuted` record a
    challenge to the attribution and rank below the scale. Only the first two are
    established: only they let a desk write "X said it" without qualification.
    provenance.engine.attribution decides the level of each assertion.

    >>> Attribution.on_record.word, Attribution.on_record.established
    ('on record', True)
    >>> Attribution.screenshot_only.established
    False
    >>> Attribution.second_hand.rank < Attribution.screenshot_only.rank
    True
    """

    on_record = "on-record"
    independent_reports = "independent-reports"
    second_hand = "second-hand"
    screenshot_only = "screenshot-only"
    unverifiable = "unverifiable"
    disputed = "disputed"
    refuted = "refuted"

    @property
    def established(self) -> bool:
        """Whether a desk may write "X said it" without qualification."""
        return self in _ESTABLISHED

    @property
    def word(self) -> str:
        """The words trace and explain use ("single second-hand report")."""
        return _ATTRIBUTION_WORD[self]

    @property
    def help(self) -> str:
        """What the level means, for the docs and a methods note."""
        return _ATTRIBUTION_HELP[self]

    @property
    def rank(self) -> int:
        """Position on the desk's scale, 0 strongest; disputed and refuted come last."""
        return ATTRIBUTION_LEVELS.index(self)


_ESTABLISHED = frozenset({Attribution.on_record, Attribution.independent_reports})
_ATTRIBUTION_WORD = {
    Attribution.on_record: "on record",
    Attribution.independent_reports: "reported by independent outlets",
    Attribution.second_hand: "single second-hand report",
    Attribution.screenshot_only: "screenshot only",
    Attribution.unverifiable: "unverifiable",
    Attribution.disputed: "disputed",
    Attribution.refuted: "refuted",
}
_ATTRIBUTION_HELP = {
    Attribution.on_record: "we hold the recording, transcript or the actor's own publication "
    "(an archived text, or a capture with its hash)",
    Attribution.independent_reports: "reported by at least the case's threshold of outlets, "
    "none of which derives from another",
    Attribution.second_hand: "one second-hand report (or several that derive from one)",
    Attribution.screenshot_only: "known only through an image or a description of a post",
    Attribution.unverifiable: "nothing we hold or can cite shows that it was said",
    Attribution.disputed: "the attribution is challenged (the actor denies it, the record "
    "is incomplete), and not settled",
    Attribution.refuted: "the evidence shows the actor did not say it (the full recording "
    "lacks the words, no primary source exists)",
}
#: The desk's scale, strongest first; disputed and refuted come after it.
ATTRIBUTION_LEVELS = tuple(Attribution)


class Challenge(StrEnum):
    """How a case challenges an assertion's attribution (`attribution.challenge`)."""

    disputed = "disputed"
    refuted = "refuted"

    @property
    def level(self) -> Attribution:
        """The attribution level the challenge sets."""
        return Attribution(self.value)

    @property
    def help(self) -> str:
        return Attribution(self.value).help


class QuoteMode(StrEnum):
    """Whose words a quote is: the speaker's, the source's rendering, or a translation.

    >>> QuoteMode.translation.word
    'translated quote'
    """

    verbatim = "verbatim"
    paraphrase = "paraphrase"
    translation = "translation"

    @property
    def word(self) -> str:
        """How views label the quote ("paraphrase", "translated quote")."""
        return _QUOTE_WORD[self]

    @property
    def help(self) -> str:
        return _QUOTE_HELP[self]


_QUOTE_WORD = {
    QuoteMode.verbatim: "verbatim quote",
    QuoteMode.paraphrase: "paraphrase",
    QuoteMode.translation: "translated quote",
}
_QUOTE_HELP = {
    QuoteMode.verbatim: "the speaker's own words, in the language they spoke",
    QuoteMode.paraphrase: "the source's own words about what was said (still copied "
    "verbatim from the source's text)",
    QuoteMode.translation: "the source's translation of words said in another language "
    "(see quote_language)",
}


class SpeechAct(StrEnum):
    """What kind of statement the assertion is: about what is, or about what will be.

    Only a statement of fact can confirm that something happened; a statement of
    intent, a prediction or a promise confirms only that it was stated.

    >>> SpeechAct.intent.word, SpeechAct.intent.about_events
    ('statement of intent', False)
    """

    fact = "fact"
    intent = "intent"
    prediction = "prediction"
    promise = "promise"

    @property
    def word(self) -> str:
        return _SPEECH_WORD[self]

    @property
    def help(self) -> str:
        return _SPEECH_HELP[self]

    @property
    def about_events(self) -> bool:
        """Whether it can bear on what happened (only a statement of fact can)."""
        return self is SpeechAct.fact


_SPEECH_WORD = {
    SpeechAct.fact: "statement of fact",
    SpeechAct.intent: "statement of intent",
    SpeechAct.prediction: "prediction",
    SpeechAct.promise: "promise",
}
_SPEECH_HELP = {
    SpeechAct.fact: "says what is or was the case",
    SpeechAct.intent: "says what the speaker means to do or not to do ('we would not use it')",
    SpeechAct.prediction: "says what will happen",
    SpeechAct.promise: "commits the speaker to doing something",
}


class Flag(StrEnum):
    """What the engine flags on an assertion, a claim or the whole case."""

    certainty_inflation = "certainty-inflation"
    specificity_escalation = "specificity-escalation"
    claim_drift = "claim-drift"
    single_origin = "single-origin"
    amplification = "amplification"
    circular_citation = "circular-citation"
    circular_relay = "circular-relay"
    rewrite = "rewrite"
    circular_reporting = "circular-reporting"
    fabricated = "fabricated"
    attribution_challenged = "attribution-challenged"


class Severity(StrEnum):
    """How much a `prov check` finding matters; `ok` records a quote located fine."""

    error = "error"
    warning = "warning"
    note = "note"
    ok = "ok"


#: The kinds of record a case holds, in the order views list them.
RECORD_KINDS = ("claim", "actor", "source", "assertion")
