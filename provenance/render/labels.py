"""The words on a diagram: node labels, frame captions and tooltips.

Everything here comes from a case file and is hostile until escaped: `text_label` takes
each line's backslashes literally (so a quote cannot smuggle in Graphviz's \\N or \\G)
and never produces an HTML label; `safe_url` lets only web links become clickable.
"""

from __future__ import annotations

import textwrap

from provenance.records import ActorRecord, FlagResult, SourceRecord
from provenance.views.index import CaseIndex
from provenance.vocab import Stance

QUOTE_WIDTH = 38
QUOTE_MAX = 150


def text_label(lines: list[str]) -> str:
    """Return lines as one Graphviz label: each line's backslashes taken literally,
    joined by Graphviz line breaks, never HTML."""
    import graphviz

    body = "\\n".join(str(graphviz.escape(line)) for line in lines)
    return str(graphviz.nohtml(body))


def wrapped(text: str, width: int, limit: int) -> list[str]:
    """Return `text` cut to `limit` characters (with an ellipsis) and wrapped to `width`.

    >>> wrapped("a long sentence here", 8, 12)
    ['a long', 'sent…']
    """
    short = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return textwrap.wrap(short, width=width, break_long_words=True) or [""]


def attr(text: str) -> str:
    """Return text for a one-line attribute such as a tooltip, taken literally."""
    return text_label([" ".join(text.split())])


def safe_url(url: str | None) -> str | None:
    """Return `url` if it is a web link; a case file is data, so never javascript: or file:."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


def node_name(kind: str, record_id: str) -> str:
    """Return the DOT name of a node; ':' would be read as a port, so it is '__'."""
    return f"{kind}__{record_id}"


def caption(title: str, term: str | None, generated: str | None, pruned: str | None) -> str:
    """Return the diagram's title label: the case, what is drawn, when, what was left out."""
    subject = f"'{term}'" if term else "the whole case"
    when = f" {generated}" if generated else ""
    text = f"{title}\nprovenance of {subject} · generated{when} by prov"
    if pruned:
        text += f"\n{pruned}"
    return text_label(text.split("\n"))


def _flag_lines(flags: list[FlagResult]) -> list[str]:
    return [f"⚠ {f['kind'].replace('-', ' ')}" for f in flags]


def claim_label(ix: CaseIndex, claim_id: str) -> str:
    """Return a claim box's label: status and grade, wording, origins, flags."""
    verdict = ix.verdicts[claim_id]
    lines = [f"{verdict['status'].upper()} · credibility {verdict['grade']}"]
    lines += wrapped(ix.claims[claim_id]["text"], 34, 160)
    lines.append(
        f"{claim_id} · {verdict['independent_origins']} origin(s) · first seen "
        f"{verdict['first_seen'] or '?'}"
    )
    return text_label(lines + _flag_lines(verdict["flags"]))


def claim_tooltip(ix: CaseIndex, claim_id: str) -> str:
    """Return a claim box's tooltip: its wording, status and deciding reason."""
    verdict = ix.verdicts[claim_id]
    reason = verdict["reasons"][0]["text"] if verdict["reasons"] else ""
    return attr(f"{ix.claims[claim_id]['text']} — {verdict['status']}: {reason}")


def assertion_label(ix: CaseIndex, a_id: str) -> str:
    """Return a statement box's label: stance, date, basis, quote, attribution, flags."""
    record = ix.assertions[a_id]
    result = ix.results[a_id]
    basis = record.get("basis", "unstated").replace("_", " ")
    stance = Stance(record["stance"]).short
    lines = [f"{stance} · {record.get('date') or 'undated'} · basis: {basis}"]
    if record.get("quote"):
        quote = wrapped(record["quote"], QUOTE_WIDTH, QUOTE_MAX)
        quote[0] = "“" + quote[0]
        quote[-1] += "”"
        lines += quote
    said = "said: established" if result["attribution"]["established"] else "said: one report"
    lines.append(f"{said} · {a_id}")
    return text_label(lines + _flag_lines(result["flags"]))


def assertion_tooltip(ix: CaseIndex, a_id: str) -> str:
    """Return a statement box's tooltip: who said what where, and how we know."""
    record = ix.assertions[a_id]
    stance = Stance(record["stance"]).short
    parts = [f"{ix.actor_name(record['actor'])} {stance} '{ix.claims[record['claim']]['text']}'"]
    if record.get("quote"):
        parts.append(f"“{record['quote']}”")
    parts.append(f"in {ix.source_title(record['source'])}")
    if record.get("read_in"):
        parts.append(f"read in {ix.source_title(record['read_in'])}")
    parts.append(ix.results[a_id]["attribution"]["text"])
    parts += [f"{f['kind']}: {f['text']}" for f in ix.results[a_id]["flags"]]
    return attr(" — ".join(parts))


def actor_label(actor: ActorRecord) -> str:
    """Return an actor's label: name, role, reliability grade."""
    lines = wrapped(actor["name"], 24, 60)
    if actor.get("role"):
        lines += wrapped(actor["role"], 28, 60)
    if "reliability" in actor:
        lines.append(f"reliability {actor['reliability']['grade']}")
    return text_label(lines)


def said_in_label(source: SourceRecord) -> str:
    """Return the label of a source a text tells us about (drawn inside that text's frame)."""
    held = " · recording exists" if source.get("recorded") else ""
    kind = source["kind"].replace("_", " ")
    return text_label(
        [*wrapped(source["title"], 26, 70), f"{kind} · {source.get('date') or 'undated'}{held}"]
    )


def source_caption(source: SourceRecord) -> str:
    """Return the caption of a source's frame: kind, date, what we hold of it, title."""
    held = (
        "archived text"
        if source.get("archive")
        else ("recording exists" if source.get("recorded") else "known second-hand")
    )
    kind = source["kind"].replace("_", " ")
    title = wrapped(source["title"], 100, 100)
    return text_label([f"{kind} · {source.get('date') or 'undated'} · {held}", *title])
