"""The case model: actors, sources, claims and assertions, validated by pydantic.

A case file is written by people, so the model is strict about shape (unknown
fields are errors) and lenient about spelling only where the CLI can suggest a fix.
Cross-references between records are checked in `provenance.casefile`, which knows
file names and line numbers.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from provenance import dates
from provenance.vocab import (
    ActorKind,
    Basis,
    Challenge,
    QuoteMode,
    ReliabilityGrade,
    SourceKind,
    SpeechAct,
    Stance,
)

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
SHA256_PATTERN = r"^[0-9a-fA-F]{64}$"
#: A BCP 47 language tag as cases write it ("ja", "zh-Hans", "en-US").
LanguageTag = Annotated[
    str,
    StringConstraints(pattern=LANGUAGE_PATTERN, max_length=35),
    Field(description="BCP 47 language tag, e.g. ja, zh-Hans, en"),
]
#: What a value of each pattern must look like, for error messages.
PATTERN_MEANING = {
    SLUG_PATTERN: "a valid id: use lowercase letters, digits, '-' and '_', "
    "starting with a letter or digit",
    LANGUAGE_PATTERN: "a BCP 47 language tag: write e.g. ja, zh-Hans or en",
    SHA256_PATTERN: "a SHA-256 hash: write its 64 hex digits",
}


def _check_date(value: Any) -> Any:
    # YAML readers may hand us a date object; keep the case's own spelling otherwise.
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        dates.parse(value)
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_check_date),
    Field(description="YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM"),
]


class Strict(BaseModel):
    """Base for case records: unknown fields are errors, strings are trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Reliability(Strict):
    """A checker's Admiralty reliability grade for an actor, with who graded it and why."""

    grade: ReliabilityGrade
    by: NonEmpty = Field(description="who graded it")
    reason: NonEmpty = Field(description="why")
    date: PartialDate | None = None


class Alias(Strict):
    """A name a source uses for an actor; `error: true` marks a wrong name (a misspelling,
    a mistranslation, or the wrong person's name)."""

    name: NonEmpty
    error: bool = False
    note: str | None = None


def _alias_from_string(value: Any) -> Any:
    return {"name": value} if isinstance(value, str) else value


class Actor(Strict):
    """Whoever says things: a person, an organization or outlet, an office, or a crowd."""

    id: Slug
    name: NonEmpty
    kind: ActorKind
    aliases: list[Alias] = Field(default_factory=list)
    role: str | None = Field(default=None, description="role or title, free text")
    affiliation: Slug | None = Field(default=None, description="actor id of the employer/outlet")
    reliability: Reliability | None = None
    note: str | None = None

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [_alias_from_string(item) for item in value]
        return value


class Capture(Strict):
    """A capture of a source we hold (a screenshot, a video file, a saved page), named by
    its SHA-256 hash, so the source is on record even without an archived text."""

    sha256: Annotated[str, StringConstraints(pattern=SHA256_PATTERN, to_lower=True)] = Field(
        description="SHA-256 of the captured file, 64 hex digits"
    )
    date: PartialDate = Field(description="when it was captured")
    note: str | None = Field(default=None, description="what the capture is, where it is kept")


class Source(Strict):
    """A concrete place where something was said or published."""

    id: Slug
    title: NonEmpty
    kind: SourceKind
    publisher: Slug | None = None
    author: Slug | None = None
    date: PartialDate | None = None
    date_note: str | None = Field(default=None, description="how the date is known")
    url: str | None = None
    archive: str | None = Field(
        default=None, description="path of the archived text, relative to the case file"
    )
    recorded: bool = Field(
        default=False,
        description="a recording of it exists (video, audio, screenshot), even if not archived",
    )
    screenshot: bool = Field(
        default=False,
        description="known only through an image of it or a description in another source",
    )
    capture: Capture | None = Field(
        default=None, description="a capture of it we hold, with its hash"
    )
    cites: list[Slug] = Field(default_factory=list)
    rewrites: list[Slug] = Field(
        default_factory=list,
        description="sources whose text this one rewrites or syndicates (whether it cites "
        "them or not): it adds reach, not an independent origin",
    )
    revision_of: Slug | None = Field(
        default=None,
        description="the earlier version of the same publication this one revises "
        "(a wiki page's later revision, an updated article)",
    )
    note: str | None = None


class Quantity(Strict):
    """A figure a claim states: subject, value, unit, as-of date and qualifier."""

    subject: NonEmpty
    value: float = Field(allow_inf_nan=False, description="a finite number")
    unit: NonEmpty
    as_of: PartialDate | None = None
    qualifier: str | None = Field(default=None, description="about, over, nearly, ...")


class Claim(Strict):
    """A proposition that can be true or false, worded neutrally."""

    id: Slug
    text: NonEmpty
    tags: list[NonEmpty] = Field(default_factory=list)
    more_specific_than: list[Slug] = Field(
        default_factory=list, description="claims this one is a more specific version of"
    )
    contradicts: list[Slug] = Field(default_factory=list)
    context_for: list[Slug] = Field(
        default_factory=list,
        description="claims this one makes more plausible without confirming them",
    )
    context_against: list[Slug] = Field(
        default_factory=list,
        description="claims this one makes less plausible without refuting them",
    )
    said_by: Slug | None = Field(
        default=None,
        description="the actor whose words this claim is about ('X said Y'): its verdict "
        "follows that actor's attribution",
    )
    quantity: Quantity | None = None
    about: PartialDate | None = Field(
        default=None,
        description="the date or period the claim is about ('2025-04-09', '2025-04'): "
        "support said before it begins is a prediction, and support about another period "
        "is set aside",
    )
    future: bool = Field(
        default=False,
        description="the claim says something will happen ('X will sell'): support is a "
        "prediction unless it was said once the period it reports (its own `about`, or "
        "the claim's) had begun",
    )
    note: str | None = None


class AttributionChallenge(Strict):
    """A challenge to an assertion's attribution: the evidence that the actor did not say it
    (refuted) or that it is contested (disputed)."""

    challenge: Challenge = Field(description=" / ".join(f"{c.value}: {c.help}" for c in Challenge))
    assertions: list[Slug] = Field(
        default_factory=list,
        description="assertions that challenge it (the actor's denial, a report that the full "
        "recording lacks the words)",
    )
    sources: list[Slug] = Field(
        default_factory=list,
        description="sources that show it (the full recording or transcript without the words)",
    )
    note: str | None = Field(default=None, description="the evidence in words")

    @model_validator(mode="after")
    def _has_evidence(self) -> AttributionChallenge:
        if not (self.assertions or self.sources or self.note):
            raise ValueError(
                "a challenge needs its evidence: name the assertions or sources, or write a note"
            )
        return self


def _bool(value: Any, name: str) -> bool:
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(bool).validate_python(value)
    except ValidationError:
        raise ValueError(f"{name}: '{value}' is not true or false") from None


class Assertion(Strict):
    """An attribution: an actor said something about a claim, in a source, with a stance."""

    id: Slug
    actor: Slug
    claim: Slug
    source: Slug = Field(description="where it was said")
    stance: Stance
    basis: Basis = Basis.unstated
    date: PartialDate | None = None
    undated: bool = Field(
        default=False,
        description="the date is unknown and the checker says so: the assertion counts in "
        "every --as-of view (an assertion with no date and no mark counts in none)",
    )
    about: PartialDate | None = Field(
        default=None,
        description="the date or period this assertion speaks of, when it is not its "
        "claim's (a later announcement about another month)",
    )
    quote: str | None = Field(default=None, description="verbatim, from the archived text")
    quote_mode: QuoteMode = Field(
        default=QuoteMode.verbatim,
        description=" / ".join(f"{m.value}: {m.help}" for m in QuoteMode)
        + " (the older `paraphrase: true` is read as quote_mode: paraphrase)",
    )
    quote_language: LanguageTag | None = Field(
        default=None,
        description="the language the speaker said the words in, when known (BCP 47: ja, zh)",
    )
    speech_act: SpeechAct = Field(
        default=SpeechAct.fact,
        description=" / ".join(f"{m.value}: {m.help}" for m in SpeechAct),
    )
    self_interested: bool = Field(
        default=False,
        description="the actor speaks about its own deal, holdings or conduct (a boast, a "
        "party to a deal speaking informally)",
    )
    interest_note: str | None = Field(
        default=None, description="whose interest, and why it matters (needs self_interested)"
    )
    attribution: AttributionChallenge | None = Field(
        default=None, description="the attribution is disputed or refuted, with the evidence"
    )
    admits_fabrication: bool = Field(
        default=False,
        description="a retraction in which the actor admits inventing what it withdraws "
        "(needs stance: retracts and via)",
    )
    read_in: Slug | None = Field(
        default=None, description="the source where we read it, when not `source` itself"
    )
    via: Slug | None = Field(
        default=None,
        description="the assertion this one relays (for a retraction: the one it withdraws)",
    )
    named_as: str | None = Field(
        default=None, description="the actor's name as the source gives it"
    )
    title: str | None = Field(default=None, description="the actor's title as the source gives it")
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _older_paraphrase(cls, data: Any) -> Any:
        # Cases written before quote_mode say `paraphrase: true`; read it, never write it.
        if not isinstance(data, dict) or "paraphrase" not in data:
            return data
        data = dict(data)
        said = _bool(data.pop("paraphrase"), "paraphrase")
        mode = data.get("quote_mode")
        if mode is None:
            data["quote_mode"] = QuoteMode.paraphrase.value if said else QuoteMode.verbatim.value
        elif said != (mode == QuoteMode.paraphrase.value):
            raise ValueError(
                f"paraphrase: {str(said).lower()} contradicts quote_mode: {mode}: "
                "write quote_mode only"
            )
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Assertion:
        if self.interest_note is not None and not self.self_interested:
            raise ValueError("interest_note needs self_interested: true")
        if self.admits_fabrication and (self.stance is not Stance.retracts or self.via is None):
            raise ValueError(
                "admits_fabrication: only a retraction admits invention: set stance: retracts "
                "and via: the assertion it withdraws"
            )
        return self

    @property
    def evidence_source(self) -> str:
        """Return the id of the source whose text carries the quote."""
        return self.read_in or self.source

    @property
    def paraphrase(self) -> bool:
        """Whether the quote is the source's paraphrase (kept for `prov check`'s drift
        check; cases and records say quote_mode)."""
        return self.quote_mode is QuoteMode.paraphrase


class Rules(Strict):
    """Thresholds of the confirmation engine that a case may override."""

    corroborated_min_origins: int = Field(default=2, ge=1)
    confirmed_min_authoritative: int = Field(default=1, ge=1)
    attribution_min_outlets: int = Field(default=2, ge=1)
    authoritative_bases: list[Basis] = Field(
        default_factory=lambda: [Basis.first_hand, Basis.official]
    )
    grounded_bases: list[Basis] = Field(
        default_factory=lambda: [
            Basis.first_hand,
            Basis.official,
            Basis.documents,
            Basis.unnamed_sources,
        ]
    )


class Review(Strict):
    """Who publishes the case's verdicts (for ClaimReview output)."""

    author: str | None = None
    url: str | None = None
    date: PartialDate | None = None


class Case(Strict):
    """A whole case: what the case files hold, merged."""

    title: str = "Untitled case"
    description: str | None = None
    review: Review | None = None
    rules: Rules | None = None
    actors: list[Actor] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    assertions: list[Assertion] = Field(default_factory=list)

    @model_validator(mode="after")
    def _sorted(self) -> Case:
        # Everything downstream is deterministic because records are kept in id order,
        # whatever order the case file lists them in.
        self.actors.sort(key=lambda r: r.id)
        self.sources.sort(key=lambda r: r.id)
        self.claims.sort(key=lambda r: r.id)
        self.assertions.sort(key=lambda r: r.id)
        # References are sets: their order in the file must not reach any output.
        for source in self.sources:
            source.cites.sort()
            source.rewrites.sort()
        for assertion in self.assertions:
            if assertion.attribution:
                assertion.attribution.assertions.sort()
                assertion.attribution.sources.sort()
        for claim in self.claims:
            claim.more_specific_than.sort()
            claim.contradicts.sort()
            claim.context_for.sort()
            claim.context_against.sort()
        return self


def case_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a case file, for editors to autocomplete and validate."""
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "prov case file"
    return schema
