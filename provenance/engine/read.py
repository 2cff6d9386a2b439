"""Reading the provenance graph once: assertions, names, and the links between claims.

The engine never walks the networkx graph after this: every later stage works on the
plain records and maps read here, which keeps each stage a small pure function (and
lets a date filter, `--as-of`, drop assertions before any of them runs).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import networkx as nx

from provenance import dates
from provenance.engine.wording import clip
from provenance.gcpause import discard
from provenance.graph import nodes_of_kind
from provenance.records import ReliabilityNote
from provenance.vocab import Basis, QuoteMode, SpeechAct, Stance


@dataclass(slots=True)
class Assertion:
    """An assertion's fields the engine needs, with its actor's display name. Read-only
    by convention (not `frozen`: building one per assertion must stay cheap)."""

    id: str
    actor: str
    actor_name: str
    claim: str
    source: str
    read_in: str | None
    stance: Stance
    basis: Basis
    date: str | None
    said: str | None  # when it was said: its own date, else its source's (docs: Time)
    about: str | None  # the period it speaks of, when it says (`about`)
    quote: str | None
    via: str | None
    # What the desk weighs (issue 13): whose words, what kind of statement, whose interest.
    quote_mode: QuoteMode = QuoteMode.verbatim
    speech_act: SpeechAct = SpeechAct.fact
    self_interested: bool = False
    challenge: str | None = None  # the case's attribution challenge: disputed or refuted
    admits_fabrication: bool = False
    rank: int = 0  # its place in id order among the case's assertions (read_assertions)
    # Sort keys, computed once (provenance.dates.sort_key): every claim's facts order by them.
    date_key: tuple[dt.datetime, int] = field(init=False, repr=False, compare=False)
    said_key: tuple[tuple[dt.datetime, int], str] = field(init=False, repr=False, compare=False)
    # Below the `said_key` of everything said certainly after it (provenance.dates.after_key).
    after_key: tuple[tuple[dt.datetime, int], str] | None = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self.date_key = dates.sort_key(self.date)
        self.said_key = (dates.sort_key(self.said), self.id)
        self.after_key = _after(self.said) if self.said else None

    def describe(self, with_quote: bool = True) -> str:
        """Return the phrase reasons name it by: "Kubota (hedged, analysis): 'perhaps…'"."""
        text = f"{self.actor_name} ({self.stance.word}, {self.basis.word})"
        if with_quote and self.quote:
            text += f": '{clip(self.quote)}'"
        return text


@lru_cache(maxsize=4096)
def _after(said: str) -> tuple[tuple[dt.datetime, int], str]:
    """Return the `after_key` of assertions said on `said`, one tuple shared by them all."""
    return (dates.after_key(said), "")


@dataclass(frozen=True, slots=True)
class ClaimLinks:
    """How claims bear on each other, per claim id."""

    up: dict[str, list[str]]  # the claim itself and every more general claim, sorted
    down: dict[str, list[str]]  # the claim itself and every more specific claim, sorted
    contradicts: dict[str, list[str]]  # claims it contradicts, either direction, sorted
    context: dict[str, list[str]]  # claims that are context for it, sorted
    context_against: dict[str, list[str]]  # claims that make it less plausible, sorted
    said_by: dict[str, str]  # claim "X said Y" -> X's actor id (only such claims)


def actor_names(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Return each actor's display name by id."""
    return {d["id"]: d["name"] for _, d in graph.nodes(data=True) if d["type"] == "actor"}


def claim_texts(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Return each claim's text by id."""
    return {d["id"]: d["text"] for _, d in graph.nodes(data=True) if d["type"] == "claim"}


def read_assertions(graph: nx.MultiDiGraph, names: dict[str, str]) -> dict[str, Assertion]:
    """Return every assertion by id, in id order."""
    out = {}
    for rank, node in enumerate(nodes_of_kind(graph, "assertion")):
        data = graph.nodes[node]
        out[data["id"]] = Assertion(
            id=data["id"],
            actor=data["actor"],
            actor_name=names[data["actor"]],
            claim=data["claim"],
            source=data["source"],
            read_in=data.get("read_in"),
            stance=Stance(data["stance"]),
            basis=Basis(data["basis"]),
            date=data.get("date"),
            said=data.get("date") or graph.nodes[f"source:{data['source']}"].get("date"),
            about=data.get("about"),
            quote=data.get("quote"),
            via=data.get("via"),
            quote_mode=QuoteMode(data.get("quote_mode", "verbatim")),
            speech_act=SpeechAct(data.get("speech_act", "fact")),
            self_interested=bool(data.get("self_interested")),
            challenge=(data.get("attribution") or {}).get("challenge"),
            admits_fabrication=bool(data.get("admits_fabrication")),
            rank=rank,
        )
    return out


def claim_links(graph: nx.MultiDiGraph) -> ClaimLinks:
    """Return the specificity closures and the contradiction and context links of claims."""
    claims = [graph.nodes[n]["id"] for n in nodes_of_kind(graph, "claim")]
    general = nx.DiGraph()
    general.add_nodes_from(claims)
    contradicts: dict[str, set[str]] = defaultdict(set)
    context: dict[str, set[str]] = defaultdict(set)
    for u, v, k in graph.edges(keys=True):
        if k not in ("more-specific-than", "contradicts", "context-for"):
            continue
        a, b = graph.nodes[u]["id"], graph.nodes[v]["id"]
        if k == "more-specific-than":
            general.add_edge(a, b)
        elif k == "contradicts":
            contradicts[a].add(b)
            contradicts[b].add(a)
        else:
            context[b].add(a)
    specific = general.reverse(copy=False)  # a view of `general`, discarded with it
    against: dict[str, set[str]] = defaultdict(set)
    said_by: dict[str, str] = {}
    for n in nodes_of_kind(graph, "claim"):
        data = graph.nodes[n]
        for other in data.get("context_against", ()):
            against[other].add(data["id"])
        if data.get("said_by"):
            said_by[data["id"]] = data["said_by"]
    up = {c: sorted({c, *nx.descendants(general, c)}) for c in claims}
    down = {c: sorted({c, *nx.descendants(specific, c)}) for c in claims}
    discard(general)
    return ClaimLinks(
        up=up,
        down=down,
        contradicts={c: sorted(contradicts[c]) for c in claims},
        context={c: sorted(context[c]) for c in claims},
        context_against={c: sorted(against[c]) for c in claims},
        said_by=said_by,
    )


def reliabilities(graph: nx.MultiDiGraph) -> dict[str, ReliabilityNote]:
    """Return the reliability grade a checker recorded for each graded actor."""
    out = {}
    for node in nodes_of_kind(graph, "actor"):
        data = graph.nodes[node]
        rel = data.get("reliability")
        if rel:
            out[data["id"]] = ReliabilityNote(
                actor=data["id"], grade=rel["grade"], by=rel["by"], reason=rel["reason"]
            )
    return out
