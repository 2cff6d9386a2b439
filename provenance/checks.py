"""`prov check`: is the evidence sound? Quotes, quote drift, figures, names, chronology.

`run_checks(loaded, texts)` is a pure function of the validated case, where its records
are in the case files, and the archived texts (read by `read_archives`, the one step here
that touches the disk). Each finding has a kind, a severity (error / warning / note), the
case file and line it concerns, a one-line message and its evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Any, TypedDict

from provenance.casefile import LoadedCase, archive_path
from provenance.model import Assertion, Case, Claim, Quantity, parse_partial_date

KINDS = (
    "quote",
    "quote-drift",
    "title-drift",
    "figure",
    "name",
    "chronology",
    "structure",
    "duplicate-text",
)
SEVERITIES = ("error", "warning", "note")
CONTEXT = 32  # characters of prefix and suffix, as in a Web Annotation text-quote selector

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


class Finding(TypedDict):
    kind: str
    severity: str
    file: str
    line: int
    subject: str
    also: list[str]  # further records the finding concerns, as "kind:id"
    message: str
    evidence: dict[str, Any]


@dataclass(frozen=True)
class Normalized:
    """A text folded for comparison, with the original index of every folded character."""

    text: str
    origin: list[int]


@lru_cache(maxsize=256)  # each archived text is folded once, not once per quote
def normalize_text(text: str) -> Normalized:
    """Return `text` in Unicode NFKC with curly quotes and dashes made plain and every run
    of white space one space, remembering where each character came from."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isascii() and not char.isspace():  # the common case: nothing to fold
            out.append(char)
            origin.append(index)
            continue
        for folded in unicodedata.normalize("NFKC", char).translate(_TRANSLATE):
            if folded.isspace():
                if out and out[-1] == " ":
                    continue
                folded = " "
            out.append(folded)
            origin.append(index)
    return Normalized("".join(out), origin)


def _fold(text: str) -> str:
    return normalize_text(text).text.strip()


class Location(TypedDict):
    line: int
    start: int
    end: int
    prefix: str
    exact: str
    suffix: str
    occurrences: int


def locate(quote: str, text: str) -> Location | None:
    """Return where `quote` stands in `text` (after normalising both), as 1-based line,
    character offsets into the original text and a text-quote selector; None if absent."""
    wanted = _fold(quote)
    hay = normalize_text(text)
    at = hay.text.find(wanted) if wanted else -1
    if at < 0:
        return None
    start = hay.origin[at]
    end = hay.origin[at + len(wanted) - 1] + 1
    return Location(
        line=text.count("\n", 0, start) + 1,
        start=start,
        end=end,
        prefix=text[max(0, start - CONTEXT) : start],
        exact=text[start:end],
        suffix=text[end : end + CONTEXT],
        occurrences=hay.text.count(wanted),
    )


def closest_passage(quote: str, text: str) -> tuple[str, float, int]:
    """Return the passage of `text` most like `quote`, its similarity (0-100) and line."""
    from rapidfuzz import fuzz

    wanted = _fold(quote)
    hay = normalize_text(text)
    found = fuzz.partial_ratio_alignment(wanted, hay.text)
    if found is None or found.dest_end <= found.dest_start:
        return "", 0.0, 0
    start = hay.origin[found.dest_start]
    end = hay.origin[found.dest_end - 1] + 1
    return text[start:end], round(found.score, 1), text.count("\n", 0, start) + 1


def read_archives(loaded: LoadedCase) -> dict[str, str]:
    """Return the archived text of every source that has one, by source id."""
    texts = {}
    for source in loaded.case.sources:
        if source.archive:
            texts[source.id] = archive_path(loaded.root, source.archive).read_text(
                encoding="utf-8", errors="replace"
            )
    return texts


class _Out:
    """Collects findings, located in the case files."""

    def __init__(self, loaded: LoadedCase) -> None:
        self.loaded = loaded
        self.findings: list[Finding] = []

    def add(
        self,
        kind: str,
        severity: str,
        section: str,
        record_id: str,
        message: str,
        evidence: dict[str, Any] | None = None,
        field: str | None = None,
        also: list[str] | None = None,
    ) -> None:
        fields = (field,) if field else ()
        file, line = self.loaded.locator.where(section, record_id, *fields)
        subject = f"{section[:-1]}:{record_id}"
        self.findings.append(
            Finding(
                kind=kind,
                severity=severity,
                file=file,
                line=line,
                subject=subject,
                also=[s for s in also or [] if s != subject],
                message=message,
                evidence=evidence or {},
            )
        )


def _check_quotes(case: Case, texts: dict[str, str], out: _Out) -> None:
    titles = {s.id: s.title for s in case.sources}
    for a in case.assertions:
        where = a.evidence_source
        if not a.quote:
            out.add(
                "quote",
                "note",
                "assertions",
                a.id,
                "no quote: add the words the source uses, copied verbatim",
            )
            continue
        if where not in texts:
            out.add(
                "quote",
                "warning",
                "assertions",
                a.id,
                f"unverifiable: no archived text of '{where}' ({titles[where]})",
                {"source": where},
                "quote",
            )
            continue
        found = locate(a.quote, texts[where])
        if found:
            extra = {"source": where, **found}
            if found["occurrences"] > 1:
                out.add(
                    "quote",
                    "note",
                    "assertions",
                    a.id,
                    f"quote found {found['occurrences']} times in '{where}'; first at line "
                    f"{found['line']}",
                    extra,
                    "quote",
                )
            out.findings.append(
                Finding(
                    kind="quote",
                    severity="ok",
                    file="",
                    line=0,
                    also=[],
                    subject=f"assertion:{a.id}",
                    message=f"found in '{where}' line {found['line']}",
                    evidence=extra,
                )
            )
            continue
        passage, score, line = closest_passage(a.quote, texts[where])
        out.add(
            "quote",
            "error",
            "assertions",
            a.id,
            f"quote not found in '{where}'; closest passage (line {line}, {score}% similar):"
            f' "{passage}"',
            {"source": where, "closest": passage, "similarity": score, "line": line},
            "quote",
        )


def _occasion_title(case: Case, source_id: str) -> str:
    return next(s.title for s in case.sources if s.id == source_id)


def _source_date(case: Case, source_id: str | None) -> tuple[int, int, int]:
    """Return the latest day a source can be from (a month-precise date counts as the end
    of the month), so that a source sorts first only when it is certainly earliest."""
    for s in case.sources:
        if s.id == source_id and s.date:
            year, month, day = parse_partial_date(s.date)
            return year, month or 12, day or 31
    return (9999, 99, 99)


def _check_drift(case: Case, out: _Out) -> None:
    from rapidfuzz import fuzz

    names = {a.id: a.name for a in case.actors}
    groups: dict[tuple[str, str], list[Assertion]] = defaultdict(list)
    for a in case.assertions:
        if a.quote and not a.paraphrase and a.read_in:
            groups[(a.actor, a.source)].append(a)
    for (actor, occasion), members in sorted(groups.items()):
        variants: dict[str, list[Assertion]] = {}
        for a in sorted(members, key=lambda m: (_source_date(case, m.read_in), m.id)):
            key = _fold(a.quote or "").rstrip(".,;!?\"' ").casefold()
            same = next((k for k in variants if key in k or k in key), None)
            variants.setdefault(same or key, []).append(a)
        if len(variants) < 2:
            continue
        firsts = [group[0] for group in variants.values()]
        dates = sorted(_source_date(case, m.read_in) for m in members)
        earliest = (
            f"earliest in '{firsts[0].read_in}'"
            if len(dates) < 2 or dates[0] < dates[1]
            else "the sources cannot be dated apart"
        )
        pairs = [
            round(fuzz.ratio(_fold(x.quote or ""), _fold(y.quote or "")), 1)
            for x, y in combinations(firsts, 2)
        ]
        evidence = {
            "actor": actor,
            "occasion": occasion,
            "variants": [
                {
                    "assertions": [m.id for m in group],
                    "read_in": [m.read_in for m in group],
                    "quote": group[0].quote,
                }
                for group in variants.values()
            ],
            "similarity": pairs,
            "earliest": firsts[0].read_in if "earliest" in earliest else None,
        }
        out.add(
            "quote-drift",
            "warning",
            "assertions",
            firsts[0].id,
            f"{names[actor]} on '{_occasion_title(case, occasion)}' is quoted "
            f"{len(variants)} different ways ({', '.join(f'{p:.0f}%' for p in pairs)} similar); "
            f"at most one can be verbatim; {earliest}",
            evidence,
            also=[f"assertion:{m.id}" for m in members],
        )
    _check_titles(case, names, out)


_STOP = {"at", "of", "the", "a", "an", "and", "for", "in"}


def _check_titles(case: Case, names: dict[str, str], out: _Out) -> None:
    by_actor: dict[str, list[Assertion]] = defaultdict(list)
    for a in case.assertions:
        if a.title:
            by_actor[a.actor].append(a)
    for actor, members in sorted(by_actor.items()):
        seen: dict[frozenset[str], Assertion] = {}
        for a in sorted(members, key=lambda m: (_source_date(case, m.read_in), m.id)):
            words = frozenset(
                w for w in re.findall(r"\w+", (a.title or "").casefold()) if w not in _STOP
            )
            seen.setdefault(words, a)
        if len(seen) < 2:
            continue
        listed = [f"'{a.title}' ({a.evidence_source})" for a in seen.values()]
        first = next(iter(seen.values()))
        out.add(
            "title-drift",
            "warning",
            "assertions",
            first.id,
            f"{names[actor]}'s title changes between sources: " + " / ".join(listed),
            {
                "actor": actor,
                "titles": [
                    {"title": a.title, "source": a.evidence_source, "assertion": a.id}
                    for a in seen.values()
                ],
            },
            "title",
            also=[f"assertion:{a.id}" for a in members],
        )


_LOWER_ONLY = {"nearly", "almost", "just under"}
_UPPER_ONLY = {"over", "more than", "above", "at least"}
_BELOW = {"under", "less than", "below", "at most"}
_ABOUT = {"about", "approximately", "around", "roughly", "some", "circa"}
EXACT_TOLERANCE = 0.005  # a stated figure is taken as exact to its rounding
ABOUT_TOLERANCE = 0.025
SERIOUS_GAP = 0.10


def figure_range(q: Quantity) -> tuple[float, float]:
    """Return the interval a figure with its qualifier allows."""
    qualifier = (q.qualifier or "").casefold().strip()
    v = q.value
    if qualifier in _LOWER_ONLY:
        return v * (1 - ABOUT_TOLERANCE), v
    if qualifier in _UPPER_ONLY:
        return v, float("inf")
    if qualifier in _BELOW:
        return 0.0, v
    if qualifier in _ABOUT:
        return v * (1 - ABOUT_TOLERANCE), v * (1 + ABOUT_TOLERANCE)
    return v * (1 - EXACT_TOLERANCE), v * (1 + EXACT_TOLERANCE)


def _describe_figure(q: Quantity) -> str:
    scaled = (
        f"{q.value / 1e12:g} trillion"
        if q.value >= 1e12
        else f"{q.value / 1e9:g} billion"
        if q.value >= 1e9
        else f"{q.value:g}"
    )
    qualifier = f"{q.qualifier} " if q.qualifier else ""
    when = f" (as of {q.as_of})" if q.as_of else " (no as-of date)"
    return f"{qualifier}{scaled} {q.unit}{when}"


def _check_figures(case: Case, out: _Out) -> None:
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in case.claims:
        if c.quantity:
            groups[(_fold(c.quantity.subject).casefold(), c.quantity.unit.casefold())].append(c)
    for _, members in sorted(groups.items()):
        for x, y in combinations(members, 2):
            qx, qy = x.quantity, y.quantity
            assert qx is not None and qy is not None
            (lo_x, hi_x), (lo_y, hi_y) = figure_range(qx), figure_range(qy)
            if lo_x <= hi_y and lo_y <= hi_x:
                continue
            smaller, larger = sorted((abs(qx.value), abs(qy.value)))
            gap = max(lo_x - hi_y, lo_y - hi_x) / (smaller or larger)  # 0 vs 5: 100% apart
            message = (
                f"{qx.subject}: {_describe_figure(qx)} ('{x.id}') vs "
                f"{_describe_figure(qy)} ('{y.id}') disagree beyond their qualifiers "
                f"({gap:.1%} apart)"
            )
            severity = "error" if gap > SERIOUS_GAP else "warning"
            if qx.as_of and qy.as_of and qx.as_of != qy.as_of:
                severity = "note"
                message += f"; explained by different dates ({qx.as_of} vs {qy.as_of})"
            elif not (qx.as_of and qy.as_of):
                message += "; an as-of date is missing, so different dates may explain it"
            out.add(
                "figure",
                severity,
                "claims",
                y.id,
                message,
                {
                    "claims": [x.id, y.id],
                    "gap": round(gap, 4),
                    "ranges": [[lo_x, hi_x], [lo_y, hi_y]],
                },
                "quantity",
                also=[f"claim:{x.id}"],
            )


def _check_names(case: Case, texts: dict[str, str], out: _Out) -> None:
    for actor in case.actors:
        for alias in actor.aliases:
            if not alias.error:
                continue
            pattern = re.compile(rf"(?<!\w){re.escape(alias.name)}(?!\w)", re.IGNORECASE)
            places = []
            for source_id, text in sorted(texts.items()):
                lines = sorted({text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)})
                if lines:
                    places.append({"source": source_id, "lines": lines})
            named = sorted(
                a.id
                for a in case.assertions
                if a.actor == actor.id
                and a.named_as
                and alias.name.casefold() in a.named_as.casefold()
            )
            if not places and not named:
                continue
            where = "; ".join(
                f"{p['source']} line{'s' if len(p['lines']) > 1 else ''} "
                f"{', '.join(map(str, p['lines']))}"
                for p in places
            )
            note = f" ({alias.note})" if alias.note else ""
            out.add(
                "name",
                "warning",
                "actors",
                actor.id,
                f"wrong name '{alias.name}' for {actor.name}{note}: "
                f"{where or 'in assertions ' + ', '.join(named)}",
                {"alias": alias.name, "places": places, "assertions": named},
                "aliases",
                also=[f"assertion:{n}" for n in named],
            )


def _before(x: str | None, y: str | None) -> bool:
    """Return whether partial date `x` certainly ends before partial date `y` begins."""
    if not x or not y:
        return False
    (xy, xm, xd), (yy, ym, yd) = parse_partial_date(x), parse_partial_date(y)
    latest = (xy, xm or 12, xd or 31)
    earliest = (yy, ym or 1, yd or 1)
    return latest < earliest


def _check_chronology(case: Case, out: _Out) -> None:
    sources = {s.id: s for s in case.sources}
    by_id = {a.id: a for a in case.assertions}
    for a in case.assertions:
        said_in = sources[a.source]
        if _before(a.date, said_in.date):
            out.add(
                "chronology",
                "error",
                "assertions",
                a.id,
                f"dated {a.date}, before its source '{a.source}' ({said_in.date})",
                field="date",
            )
        if a.read_in and _before(sources[a.read_in].date, a.date):
            out.add(
                "chronology",
                "error",
                "assertions",
                a.id,
                f"read in '{a.read_in}' ({sources[a.read_in].date}), which is dated "
                f"before the assertion ({a.date})",
                field="read_in",
            )
        if a.via and a.via in by_id and _before(a.date, by_id[a.via].date):
            out.add(
                "chronology",
                "error",
                "assertions",
                a.id,
                f"dated {a.date}, but relays '{a.via}', said later ({by_id[a.via].date})",
                field="via",
            )
    for s in case.sources:
        for cited in s.cites:
            if _before(s.date, sources[cited].date):
                out.add(
                    "chronology",
                    "error",
                    "sources",
                    s.id,
                    f"dated {s.date}, but cites '{cited}', dated later ({sources[cited].date})",
                    field="cites",
                )


def _check_structure(case: Case, out: _Out) -> None:
    import networkx as nx

    for name, edges, section in (
        ("relay", [(a.id, a.via) for a in case.assertions if a.via], "assertions"),
        ("citation", [(s.id, c) for s in case.sources for c in s.cites], "sources"),
    ):
        graph = nx.DiGraph(edges)
        for cycle in sorted(
            sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1
        ):
            out.add(
                "structure",
                "warning",
                section,
                cycle[0],
                f"{name}s form a circle: {' → '.join(cycle)}",
                {"cycle": cycle},
            )
    used_actors = (
        {a.actor for a in case.assertions}
        | {x for s in case.sources for x in (s.publisher, s.author) if x}
        | {a.affiliation for a in case.actors if a.affiliation}
    )
    used_sources = (
        {a.source for a in case.assertions}
        | {a.read_in for a in case.assertions if a.read_in}
        | {c for s in case.sources for c in s.cites}
    )
    asserted = {a.claim for a in case.assertions}
    unused: list[tuple[str, list[Any], set[str], str]] = [
        ("actors", case.actors, used_actors, "actor '{}' is not referred to by anything"),
        (
            "sources",
            case.sources,
            used_sources,
            "source '{}' carries no assertion and nothing cites it",
        ),
        ("claims", case.claims, asserted, "claim '{}' has no assertion about it"),
    ]
    for section, records, used, message in unused:
        for record in records:
            if record.id not in used:
                out.add("structure", "note", section, record.id, message.format(record.id))


MIN_REPEAT = 40  # characters: shorter sentences repeat innocently ("Learn More")


def _check_duplicate_text(case: Case, texts: dict[str, str], out: _Out) -> None:
    for source_id, text in sorted(texts.items()):
        seen: dict[str, int] = {}
        repeats: list[tuple[int, int]] = []
        for match in re.finditer(r"[^.!?\n]+[.!?]?", text):
            sentence = _fold(match.group()).casefold()
            if len(sentence) < MIN_REPEAT:
                continue
            line = text.count("\n", 0, match.start()) + 1
            if sentence in seen:
                repeats.append((seen[sentence], line))
            else:
                seen[sentence] = line
        if len(repeats) < 2:
            continue
        first = (min(r[0] for r in repeats), max(r[0] for r in repeats))
        second = (min(r[1] for r in repeats), max(r[1] for r in repeats))
        out.add(
            "duplicate-text",
            "warning",
            "sources",
            source_id,
            f"archived text of '{source_id}' repeats itself: {len(repeats)} sentences of "
            f"lines {first[0]}-{first[1]} appear again at lines {second[0]}-{second[1]}",
            {"repeated_sentences": len(repeats), "first": first, "again": second},
            "archive",
        )


def run_checks(loaded: LoadedCase, texts: dict[str, str]) -> list[Finding]:
    """Return every finding about the case's evidence, sorted by kind, file and line.
    Quotes found in their sources are returned too, with severity 'ok' and their location."""
    out = _Out(loaded)
    case = loaded.case
    _check_quotes(case, texts, out)
    _check_drift(case, out)
    _check_figures(case, out)
    _check_names(case, texts, out)
    _check_chronology(case, out)
    _check_structure(case, out)
    _check_duplicate_text(case, texts, out)
    return sorted(
        out.findings,
        key=lambda f: (KINDS.index(f["kind"]), f["file"], f["line"], f["subject"], f["message"]),
    )


def summary(findings: list[Finding]) -> dict[str, int]:
    """Return the number of findings per severity (quotes found count as 'ok')."""
    counts = {severity: 0 for severity in (*SEVERITIES, "ok")}
    for f in findings:
        counts[f["severity"]] += 1
    return counts
