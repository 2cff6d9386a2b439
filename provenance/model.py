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
from provenance.vocab import ActorKind, Basis, ReliabilityGrade, SourceKind, Stance

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


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
    cites: list[Slug] = Field(default_factory=list)
    note: str | None = None


class Quantity(Strict):
    """A figure a claim states: subject, value, unit, as-of date and qualifier."""

    subject: NonEmpty
    value: float
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
        description="claims this one makes more or less plausible without confirming them",
    )
    quantity: Quantity | None = None
    note: str | None = None


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
    quote: str | None = Field(default=None, description="verbatim, from the archived text")
    paraphrase: bool = Field(
        default=False,
        description="the quote is the source's words about what the actor said, not the "
        "actor's own words (still copied verbatim from the source)",
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

    @property
    def evidence_source(self) -> str:
        """Return the id of the source whose text carries the quote."""
        return self.read_in or self.source


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
        for claim in self.claims:
            claim.more_specific_than.sort()
            claim.contradicts.sort()
            claim.context_for.sort()
        return self


def case_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a case file, for editors to autocomplete and validate."""
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "prov case file"
    return schema
