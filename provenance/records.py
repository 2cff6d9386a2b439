"""The analysed case as typed data: the contract between the pipeline's stages.

`build_document` (provenance.document) turns a case into one `Document`: the case's
records as JSON (`CaseRecord`), the engine's results (`Analysis`) and the evidence
checks' findings (`Finding`). Views, diagrams, reports and exports receive a `Document`
and read nothing else, so they never import pydantic or networkx.

Each record type mirrors a model in provenance.model as `model_dump(mode="json",
exclude_none=True)` writes it: optional fields may be absent (`NotRequired`). A test
keeps the two in step.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

# --- the case's records, as JSON -------------------------------------------------------


class ReliabilityRecord(TypedDict):
    grade: str
    by: str
    reason: str
    date: NotRequired[str]


class AliasRecord(TypedDict):
    name: str
    error: bool
    note: NotRequired[str]


class ActorRecord(TypedDict):
    id: str
    name: str
    kind: str
    aliases: list[AliasRecord]
    role: NotRequired[str]
    affiliation: NotRequired[str]
    reliability: NotRequired[ReliabilityRecord]
    note: NotRequired[str]


class CaptureRecord(TypedDict):
    sha256: str
    date: str
    note: NotRequired[str]


class SourceRecord(TypedDict):
    id: str
    title: str
    kind: str
    publisher: NotRequired[str]
    author: NotRequired[str]
    date: NotRequired[str]
    date_note: NotRequired[str]
    url: NotRequired[str]
    archive: NotRequired[str]
    recorded: bool
    screenshot: bool
    capture: NotRequired[CaptureRecord]
    cites: list[str]
    rewrites: list[str]
    revision_of: NotRequired[str]
    note: NotRequired[str]


class QuantityRecord(TypedDict):
    subject: str
    value: float
    unit: str
    as_of: NotRequired[str]
    qualifier: NotRequired[str]


class ClaimRecord(TypedDict):
    id: str
    text: str
    tags: list[str]
    more_specific_than: list[str]
    contradicts: list[str]
    context_for: list[str]
    context_against: list[str]
    said_by: NotRequired[str]
    quantity: NotRequired[QuantityRecord]
    about: NotRequired[str]
    future: bool
    note: NotRequired[str]


class AttributionChallengeRecord(TypedDict):
    challenge: str
    assertions: list[str]
    sources: list[str]
    note: NotRequired[str]


class AssertionRecord(TypedDict):
    id: str
    actor: str
    claim: str
    source: str
    stance: str
    basis: str
    date: NotRequired[str]
    undated: bool
    about: NotRequired[str]
    quote: NotRequired[str]
    quote_mode: str
    quote_language: NotRequired[str]
    speech_act: str
    self_interested: bool
    interest_note: NotRequired[str]
    attribution: NotRequired[AttributionChallengeRecord]
    admits_fabrication: bool
    read_in: NotRequired[str]
    via: NotRequired[str]
    named_as: NotRequired[str]
    title: NotRequired[str]
    note: NotRequired[str]


class ReviewRecord(TypedDict):
    author: NotRequired[str]
    url: NotRequired[str]
    date: NotRequired[str]


class RulesRecord(TypedDict):
    corroborated_min_origins: int
    confirmed_min_authoritative: int
    attribution_min_outlets: int
    authoritative_bases: list[str]
    grounded_bases: list[str]


class CaseRecord(TypedDict):
    title: str
    description: NotRequired[str]
    review: NotRequired[ReviewRecord]
    rules: NotRequired[RulesRecord]
    actors: list[ActorRecord]
    sources: list[SourceRecord]
    claims: list[ClaimRecord]
    assertions: list[AssertionRecord]


# --- the engine's results ------------------------------------------------------------


class Reason(TypedDict):
    """One reason for a verdict: which rule, in words, on which assertions."""

    rule: str
    text: str
    assertions: list[str]


class RuleCheck(TypedDict):
    """One rule the engine tried on a claim, whether it decided the status, and why."""

    rule: str
    fired: bool
    detail: str


class Origin(TypedDict):
    assertion: str
    actor: str
    group: str
    stance: str
    basis: str
    strength: str  # after weighing who may confirm (provenance.engine.authority)
    supports: list[str]
    attribution: str  # the origin assertion's attribution level (vocab.Attribution)
    quote_mode: str
    weakened: list[str]  # why its strength is below what its basis gives, in words


class FlagResult(TypedDict):
    kind: str
    text: str
    assertions: list[str]
    claims: list[str]


class ReliabilityNote(TypedDict):
    actor: str
    grade: str
    by: str
    reason: str


class HistoryEntry(TypedDict):
    """A change of a claim's status or grade: from `as_of` (the first day `--as-of`
    gives it) the verdict is `status`/`grade`, because of `assertions` (those that
    became known that day and bear on the claim), said on `date`."""

    as_of: str | None  # None: from the start (only assertions marked undated)
    date: str | None
    status: str
    grade: int
    assertions: list[str]


class Verdict(TypedDict):
    claim: str
    status: str
    grade: int
    grade_meaning: str
    origins: list[Origin]
    independent_origins: int
    support: list[str]
    conditional: list[str]
    reach: list[str]
    opposition: list[str]
    withdrawn: list[str]
    set_aside: list[str]  # support that does not count for its time (docs/rules.md, 8.4)
    first_seen: str | None
    origin_state: str  # provenance.vocab.OriginState: live, withdrawn, fabricated, …
    reasons: list[Reason]
    checks: list[RuleCheck]
    flags: list[FlagResult]
    reliability: list[ReliabilityNote]
    history: list[HistoryEntry]


class AttributionResult(TypedDict):
    """Is it established that the actor said it? `status` is the level (vocab.Attribution),
    `word` its display words, `text` why, `outlets` the independent outlets counted."""

    status: str
    word: str
    established: bool
    text: str
    outlets: list[str]


class AssertionResult(TypedDict):
    assertion: str
    upstream: list[str]
    roots: list[str]
    chain: list[str]
    origins: list[str]  # the origins of its own claim's support in its chain ([] if opposing)
    attribution: AttributionResult
    quote_mode: str
    speech_act: str
    flags: list[FlagResult]


class DerivationResult(TypedDict):
    """A source whose text derives from another's (a rewrite, a syndicated copy, a later
    revision): it adds reach, not an independent origin. `how` is declared-rewrite,
    revision, shared-passages or same-anchors; `dated` says whether the dates show which
    came first (when not, the earlier by date, then id, is taken as the original)."""

    source: str
    original: str
    how: str
    dated: bool
    evidence: str


class Analysis(TypedDict):
    rules: RulesRecord
    overrides: list[str]
    claims: dict[str, Verdict]
    assertions: dict[str, AssertionResult]
    flags: list[FlagResult]
    derivations: list[DerivationResult]


# --- the evidence checks' findings ---------------------------------------------------


#: Any JSON value: what a finding's evidence holds (each check documents its keys).
JSON = str | int | float | bool | None | list["JSON"] | dict[str, "JSON"]
Evidence = dict[str, JSON]


class Finding(TypedDict):
    kind: str
    severity: str
    file: str
    line: int
    subject: str
    also: list[str]  # further records the finding concerns, as "kind:id"
    message: str
    evidence: Evidence


# --- a case cut to a date (`--as-of`) ---------------------------------------------------


class Omission(TypedDict):
    """A record left out of an `--as-of` view, and why: `why` is "later" (published or
    said after the date), "undated" (nothing places it in time) or "unasserted" (a claim
    nothing was said about yet)."""

    kind: str  # "source", "assertion" or "claim"
    id: str
    date: str | None
    why: str
    reason: str


class AsOfRecord(TypedDict):
    """The date a document is cut to, and what was left out."""

    date: str
    omitted: list[Omission]


# --- spread data (reposts and quotes, `prov import spread`) ----------------------------


class SpreadPost(TypedDict):
    """One post of spread data, as the spread files hold it: `relays` is the post or the
    case assertion it reposts or quotes; `time` is `dates.instant` spelling."""

    id: str
    author: str
    time: str
    relays: str
    url: NotRequired[str]
    text: NotRequired[str]
    platform: NotRequired[str]


class SpreadCount(TypedDict):
    """A count of posts under a name: a day, a platform, a stance, an account."""

    name: str
    posts: int


class TopPost(TypedDict):
    """A post most of a spread went through: its author (`by`), how many posts relay it
    directly or through others (`beneath`), and its link when known."""

    id: str
    by: str
    beneath: int
    url: NotRequired[str]


class ClaimSpread(TypedDict):
    """The spread of one claim's statements: how many posts relayed them (directly or
    through other posts), by how many accounts, when, where, and the posts and accounts
    most of the spread went through."""

    posts: int
    accounts: int
    first: str
    last: str
    statements: list[SpreadCount]  # case assertions by posts leading back to them
    stances: list[SpreadCount]  # the same by the stance of the statement relayed
    days: list[SpreadCount]  # posts per UTC day, in order
    platforms: list[SpreadCount]
    top_posts: list[TopPost]  # posts with the most reposts beneath them
    top_accounts: list[SpreadCount]  # accounts with the most posts
    early: int  # posts dated before the post they relay (a wrong zone, a clock)


class SpreadRecord(TypedDict):
    """The spread data a document was built from: its files and each claim's spread."""

    files: list[str]
    posts: int
    claims: dict[str, ClaimSpread]
    actors: NotRequired[dict[str, int]]  # posts by authors known as a case actor


# --- the whole document ----------------------------------------------------------------


class Document(TypedDict):
    format: str
    version: int
    tool: str
    case: CaseRecord
    analysis: Analysis
    checks: list[Finding]
    files: dict[str, str]
    as_of: NotRequired[AsOfRecord]
    spread: NotRequired[SpreadRecord]
