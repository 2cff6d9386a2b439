"""The typed shapes of the views: what `prov trace`, `status`, `explain` and `check` return,
and what their `--json` prints (keys sorted).

The view functions (provenance.views.trace, .status, .explain, .check) build these; the
text renderings (provenance.views.text) read them. Fields that hold the case's records
or the engine's results reuse the types of provenance.records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NotRequired, TypedDict

if TYPE_CHECKING:
    from provenance.records import (
        JSON,
        AliasRecord,
        AttributionResult,
        ClaimSpread,
        Finding,
        FlagResult,
        HistoryEntry,
        Omission,
        Reason,
        ReliabilityNote,
        ReliabilityRecord,
        RulesRecord,
        Verdict,
    )

# --- trace -----------------------------------------------------------------------------


class Located(TypedDict):
    """Where `prov check` found an assertion's quote in its archived source."""

    source: JSON
    line: JSON


class ClaimBrief(TypedDict):
    """A claim named in another record's view: its id, wording and verdict."""

    claim: str
    text: str
    status: str
    grade: int


class ChainLink(TypedDict):
    """One step back along an assertion's relay chain."""

    assertion: str
    actor: str
    actor_name: str | None
    stance: str
    claim: str
    date: str | None
    said: str | None  # its own date, else its source's
    source: str
    source_title: str | None
    origin: bool  # an origin of the relayed assertion's own claim (as verdicts count them)


class AssertionView(TypedDict):
    """One assertion with its relay chain, attribution, flags and findings. Where it is
    listed under an actor, a source or by itself, it also carries its claim's verdict
    (`claim_status`) and who relayed it (`relayed_by`); a relay names what it relays."""

    assertion: str
    actor: str
    actor_name: str | None
    claim: str
    stance: str
    basis: str
    date: str | None
    said: str | None  # its own date, else its source's: when it was said (docs/rules.md, 8)
    source: str
    source_title: str | None
    read_in: str | None
    read_in_title: str | None
    quote: str | None
    quote_mode: str  # verbatim, paraphrase or translation (vocab.QuoteMode)
    quote_language: str | None
    speech_act: str  # fact, intent, prediction or promise (vocab.SpeechAct)
    self_interested: bool
    named_as: str | None
    note: str | None
    chain: list[ChainLink]
    origin: bool  # it is itself an origin of its claim's support
    attribution: AttributionResult
    flags: list[FlagResult]
    located: Located | None
    findings: list[Finding]
    kind: NotRequired[Literal["assertion"]]
    relays: NotRequired[str]
    relayed_by: NotRequired[list[AssertionView]]
    claim_status: NotRequired[ClaimBrief]


class RelatedClaims(TypedDict):
    more_general: list[ClaimBrief]
    more_specific: list[ClaimBrief]
    contradicts: list[ClaimBrief]
    context: list[ClaimBrief]
    context_for: list[ClaimBrief]


class ClaimView(TypedDict):
    """A claim's verdict with every assertion bearing on it, grouped by stance."""

    kind: Literal["claim"]
    id: str
    text: str
    tags: list[str]
    status: str
    grade: int
    grade_meaning: str
    independent_origins: int
    first_seen: str | None
    reasons: list[Reason]
    history: list[HistoryEntry]  # each change of status or grade (provenance.engine.history)
    flags: list[FlagResult]
    reliability: list[ReliabilityNote]
    findings: list[Finding]
    assertions: dict[str, list[AssertionView]]  # by stance, in vocab.Stance order
    related: RelatedClaims
    spread: ClaimSpread | None  # reposts and quotes of its statements (spread data)


class SourceRef(TypedDict):
    source: str
    title: str | None


class ActorView(TypedDict):
    """What an actor said, who relayed it, and the sources it published or wrote."""

    kind: Literal["actor"]
    id: str
    name: str
    actor_kind: str
    role: str | None
    affiliation: str | None
    aliases: list[AliasRecord]
    reliability: ReliabilityRecord | None
    note: str | None
    findings: list[Finding]
    assertions: list[AssertionView]
    sources: list[SourceRef]
    spread_posts: int  # posts of spread data by accounts known under its names


class SourceView(TypedDict):
    """What was said in a source, what it reports from elsewhere, and its citations."""

    kind: Literal["source"]
    id: str
    title: str
    source_kind: str
    publisher: str | None
    author: str | None
    date: str | None
    date_note: str | None
    url: str | None
    archive: str | None
    recorded: bool
    note: str | None
    findings: list[Finding]
    known_only_through: list[str]
    said_here: list[AssertionView]
    reported_here: list[AssertionView]
    cites: list[SourceRef]
    cited_by: list[SourceRef]


TraceView = ClaimView | ActorView | SourceView | AssertionView


class MatchRow(TypedDict):
    kind: str
    id: str
    matched: str


class AsOfView(TypedDict):
    """What a view cut to a date (`--as-of`) says about itself (provenance.views.asof)."""

    date: str
    note: str
    omitted: list[Omission]


class TraceResult(TypedDict):
    """`prov trace`: what the term matched and one view per match, or, past a few
    matches, only the list and how to pick one (then no `overrides`)."""

    term: str
    matches: list[MatchRow]
    views: list[TraceView]
    pick: str | None
    overrides: NotRequired[str | None]
    as_of: NotRequired[AsOfView]


# --- status, explain, check --------------------------------------------------------------


class StatusRow(TypedDict):
    """One claim in `prov status`."""

    claim: str
    text: str
    status: str
    grade: int
    independent_origins: int
    support: int
    opposition: int
    first_seen: str | None
    why: str
    flags: list[str]
    reposts: int  # posts of spread data relaying its statements (0 without spread data)


class StatusReport(TypedDict):
    """`prov status --json`: every claim's row and the thresholds in force."""

    claims: list[StatusRow]
    rules: RulesRecord
    overrides: list[str]
    as_of: NotRequired[AsOfView]


class ExplainAssertion(TypedDict):
    """One assertion bearing on the explained claim: whose words, and was it said."""

    assertion: str
    actor: str
    stance: str
    quoted: bool  # whether the case gives its words (`quote`); if not, `quote_mode` says nothing
    quote_mode: str
    speech_act: str
    self_interested: bool
    attribution: AttributionResult


class ExplainResult(TypedDict):
    """`prov explain`: one claim's whole verdict, the attribution of every assertion
    bearing on it, and the thresholds in force."""

    claim: str
    text: str
    verdict: Verdict
    assertions: list[ExplainAssertion]
    rules: RulesRecord
    overrides: list[str]
    as_of: NotRequired[AsOfView]


class CheckReport(TypedDict):
    """`prov check --json`: every finding and the number per severity."""

    findings: list[Finding]
    summary: dict[str, int]
