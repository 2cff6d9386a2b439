"""The words on a diagram: short node labels, tooltips with the full text, the caption.

Everything here comes from a case file and is hostile until escaped: every label and
tooltip goes through `provenance.escape.dot_label` and is wrapped in `graphviz.nohtml`,
so a title such as `<x> ; evil [URL=...]` is a quoted string, never an HTML label or
DOT syntax. Labels are short (actor, date with its precision, at most 12 words of the
quote marked verbatim / paraphrase / translation); tooltips carry the full quote and
source.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from provenance import dates
from provenance.escape import dot_label
from provenance.render import styles
from provenance.render.story import Node
from provenance.views.index import CaseIndex
from provenance.vocab import GRADE_MEANING, Attribution, QuoteMode, Stance, Status

if TYPE_CHECKING:
    from provenance.records import AssertionRecord

QUOTE_WORDS = 12
CLAIM_WORDS = 6


def dot_text(lines: list[str], align: str = "c") -> str:
    """Return lines as one Graphviz label, each escaped by `escape.dot_label` and never
    HTML; `align` 'l' left-aligns every line."""
    import graphviz

    end = "\\l" if align == "l" else "\\n"
    body = end.join(dot_label(" ".join(line.split())) for line in lines)
    # nohtml marks the text as a plain label (a str subclass): str() would drop the mark,
    # and graphviz would then write a text of the form <...> unquoted, as an HTML label.
    label: str = graphviz.nohtml(body + ("\\l" if align == "l" else ""))
    return label


def attr(text: str) -> str:
    """Return text for a one-line attribute such as a tooltip, escaped."""
    return dot_text([text])


def words(text: str, limit: int) -> str:
    """Return the first `limit` words of `text`, with an ellipsis when cut.

    >>> words("one two three four", 2)
    'one two…'
    """
    parts = text.split()
    return " ".join(parts) if len(parts) <= limit else " ".join(parts[:limit]) + "…"


def wrap(text: str, width: int) -> list[str]:
    """Return `text` wrapped to `width` characters (long words broken)."""
    return textwrap.wrap(text, width=width, break_long_words=True) or [""]


def safe_date(text: str | None) -> str:
    """Return a date for people with its precision ("Apr 2025"); 'undated' for none."""
    try:
        return dates.display(text)
    except ValueError:
        return text or "undated"


def quote_mode(record: AssertionRecord) -> str:
    """Return how a quote is marked: "verbatim", "paraphrase", "translation (ja)"."""
    try:
        mark = styles.QUOTE_MARK[QuoteMode(record.get("quote_mode", "verbatim"))]
    except ValueError:
        mark = "quote"
    language = record.get("quote_language")
    return f"{mark} ({language})" if language and mark != "verbatim" else mark


def attribution_word(level: str) -> str:
    """Return the words of an attribution level ("single second-hand report")."""
    try:
        return Attribution(level).word
    except ValueError:
        return level


def stance_word(stance: str) -> str:
    """Return a stance's past-tense word ("hedged"), or the raw value."""
    try:
        return Stance(stance).word
    except ValueError:
        return stance


def status_line(status: str) -> str:
    """Return a status with its symbol, in capitals: "? UNCONFIRMED"."""
    return f"{styles.STATUS_SYMBOL[Status(status)]} {status.upper()}"


def statement_label(ix: CaseIndex, node: Node, subject: str, width: int, ids: bool) -> str:
    """Return a statement box's label: actor, stance and date, the quote's first words and
    how it is quoted, the claim when it is not the subject, and what was collapsed."""
    one = representative(ix, node.assertions)
    first = ix.assertions[one]
    name = ix.actor_name(first["actor"]) or first["actor"]
    lines = wrap(("◆ " if node.origin else "") + name, width)
    lines += wrap(f"{stance_word(first['stance'])} · {safe_date(ix.said(one))}", width)
    if first.get("quote"):
        lines += wrap(f"“{words(first.get('quote', ''), QUOTE_WORDS)}”", width)
        lines.append(quote_mode(first))
    if node.claim != subject and node.lane != "context":
        lines += wrap(f"on: {words(ix.claims[node.claim]['text'], CLAIM_WORDS)}", width)
    for kind in sorted({f["kind"] for a in node.assertions for f in ix.results[a]["flags"]}):
        lines += wrap(f"{styles.FLAG_SYMBOL} {styles.flag_word(kind)}", width)
    reposts = sum(ix.reposts.get(a, 0) for a in node.assertions)
    if reposts:
        lines += wrap(f"↻ {reposts:,} reposts and quotes", width)
    if node.kind == "group":
        lines += wrap(f"in {len(node.assertions)} texts: {_read_in(ix, node.assertions)}", width)
    if node.kind == "relays":
        names = sorted({ix.actor_name(ix.assertions[a]["actor"]) or "" for a in node.assertions})
        shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
        lines = wrap(f"+{len(node.assertions)} relays: {shown}", width)
        lines.append(safe_date(ix.said(one)))
    if ids:
        lines.append(f"[{', '.join(node.assertions)}]")
    return dot_text(lines)


_MODE_ORDER = ("verbatim", "translation", "paraphrase")


def representative(ix: CaseIndex, assertions: tuple[str, ...]) -> str:
    """Return the statement a group's label quotes: the closest to the speaker's own
    words (verbatim, then translation, then paraphrase), then the shortest quote."""

    def rank(a_id: str) -> tuple[int, int, str]:
        record = ix.assertions[a_id]
        mode = record.get("quote_mode", "verbatim")
        order = _MODE_ORDER.index(mode) if mode in _MODE_ORDER else len(_MODE_ORDER)
        return order, len(record.get("quote", "")), a_id

    return min(assertions, key=rank)


def source_name(ix: CaseIndex, source_id: str) -> str:
    """Return a source's short name: its publisher's name, else its title's first words."""
    source = ix.sources.get(source_id)
    if source is None:
        return source_id
    publisher = ix.actor_name(source.get("publisher"))
    return publisher or words(source["title"], 4)


def _read_in(ix: CaseIndex, assertions: tuple[str, ...]) -> str:
    """Return where a group's texts are, short: "Cryptopolitan, Lianhe Zaobao, +2"."""
    names = sorted(
        {
            source_name(ix, ix.assertions[a].get("read_in") or ix.assertions[a]["source"])
            for a in assertions
        }
    )
    return ", ".join(names[:2]) + (f", +{len(names) - 2}" if len(names) > 2 else "")


def statement_tooltip(ix: CaseIndex, node: Node) -> str:
    """Return a statement box's tooltip: for each statement, who said what, the full
    quote, where, and how we know."""
    parts = []
    for a_id in node.assertions:
        record = ix.assertions[a_id]
        result = ix.results[a_id]
        text = f"{ix.actor_name(record['actor'])} ({stance_word(record['stance'])}, "
        text += f"{safe_date(ix.said(a_id))})"
        if record.get("quote"):
            text += f": “{record.get('quote')}” ({quote_mode(record)})"
        text += f" — in {ix.source_title(record['source'])}"
        if record.get("read_in"):
            text += f", read in {ix.source_title(record.get('read_in'))}"
        text += f" — said: {attribution_word(result['attribution']['status'])}"
        text += "".join(f" — ⚠ {f['text']}" for f in result["flags"])
        parts.append(text)
    return attr(" ‖ ".join(parts))


def subject_label(ix: CaseIndex, claim_id: str, width: int, ids: bool) -> str:
    """Return the subject claim's label: status in words and symbol, grade, wording,
    first seen, origins, claim flags."""
    verdict = ix.verdicts[claim_id]
    grade = verdict["grade"]
    lines = [status_line(verdict["status"])]
    lines += wrap(f"credibility {grade}: {GRADE_MEANING.get(grade, '')}", width)
    lines += wrap(ix.claims[claim_id]["text"], width)
    origins = verdict["independent_origins"]
    seen = f"first seen {safe_date(verdict['first_seen'])} · " if verdict["first_seen"] else ""
    lines += wrap(f"{seen}{origins} independent origin{'s' if origins != 1 else ''}", width)
    lines += [f"⚠ {styles.flag_word(f['kind'])}" for f in verdict["flags"]]
    if ids:
        lines.append(f"[{claim_id}]")
    return dot_text(lines)


def claim_tooltip(ix: CaseIndex, claim_id: str) -> str:
    """Return a claim's tooltip: its wording, status and every reason."""
    verdict = ix.verdicts[claim_id]
    reasons = "; ".join(r["text"] for r in verdict["reasons"])
    return attr(f"{ix.claims[claim_id]['text']} — {verdict['status']}: {reasons}")


def context_label(ix: CaseIndex, claim_id: str, width: int, ids: bool) -> str:
    """Return a context claim's small label: "context · confirmed" and its first words."""
    lines = [f"context · {ix.verdicts[claim_id]['status']}"]
    lines += wrap(words(ix.claims[claim_id]["text"], QUOTE_WORDS), width)
    if ids:
        lines.append(f"[{claim_id}]")
    return dot_text(lines)


def edge_label(flags: tuple[str, ...]) -> str:
    """Return an arrow's label: the flag symbol where a flag was raised (its words are
    in the box it points to and in the arrow's tooltip), else nothing."""
    return dot_text([styles.FLAG_SYMBOL]) if flags else ""


def caption(
    claim_text: str, case_title: str, generated: str | None, notes: list[str], width: int
) -> str:
    """Return the picture's title: the claim, the case and date, what was collapsed."""
    when = f" · as of {safe_date(generated)}" if generated else ""
    lines = wrap(f"Where the claim “{words(claim_text, QUOTE_WORDS)}” came from", width)
    lines += wrap(f"{words(case_title, QUOTE_WORDS)}{when} · drawn by prov", width)
    for note in notes:
        lines += wrap(note, width)
    return dot_text(lines, align="l")
