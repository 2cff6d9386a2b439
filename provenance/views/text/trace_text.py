"""`prov trace` as text: a claim's verdict and its assertions grouped by stance, an
actor's assertions and who relayed them, a source's contents, each with relay chains."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from provenance.views.spread import spread_lines
from provenance.views.text.common import INDENT, findings_lines, status_word, wrap
from provenance.views.text.history_text import history_line
from provenance.views.text.terminal import safe
from provenance.vocab import Stance

if TYPE_CHECKING:
    from provenance.views.shapes import (
        ActorView,
        AssertionView,
        ClaimView,
        SourceView,
        TraceResult,
    )


def _source_line(a: AssertionView) -> str:
    parts = [f"{a['actor_name']}"]
    if a.get("named_as") and a["named_as"] != a["actor_name"]:
        parts[0] += f" (named as '{a['named_as']}')"
    parts.append(a.get("said") or "undated")
    where = f"{a['source_title']}"
    if a.get("read_in"):
        where += f"; read in [{a['read_in']}]"
    parts.append(where)
    return " · ".join(parts)


def _assertion_lines(
    a: AssertionView, indent: str, width: int, with_claim: bool = False
) -> list[str]:
    deeper = indent + "  "
    lines = wrap(f"{_source_line(a)}  [{a['assertion']}]", deeper, width, first=indent + "• ")
    if with_claim and a.get("claim_status"):
        c = a["claim_status"]
        lines += wrap(
            f"{a['stance']} '{c['claim']}' ({c['status']}, {c['grade']}): {c['text']}",
            deeper,
            width,
        )
    elif with_claim:
        lines += wrap(f"{a['stance']} '{a['claim']}'", deeper, width)
    basis = a["basis"].replace("_", " ")
    act = "" if a["speech_act"] == "fact" else f"; {a['speech_act']}"
    act += "; self-interested" if a["self_interested"] else ""
    if a.get("quote"):
        mode = a["quote_mode"] + (f" from {a['quote_language']}" if a.get("quote_language") else "")
        lines += wrap(f"“{a['quote']}”  ({mode}; basis: {basis}{act})", deeper, width)
    else:
        lines += wrap(f"(no quote; basis: {basis}{act})", deeper, width)
    located = a.get("located")
    if located:
        lines += wrap(
            f"quote located in {located['source']}, line {located['line']}", deeper, width
        )
    attribution = a["attribution"]
    mark = "established" if attribution["established"] else "not established"
    lines += wrap(f"said: {attribution['word']} ({mark}): {attribution['text']}", deeper, width)
    if a["chain"]:
        lines.append(f"{deeper}relays:")
        for depth, link in enumerate(a["chain"]):
            pad = deeper + "   " * depth
            tail = " [origin of its claim]" if link["origin"] else ""
            lines += wrap(
                f"{link['actor_name']} · {link['stance']} '{link['claim']}' · "
                f"{link.get('said') or 'undated'} · {link['source_title']}{tail}",
                pad + "  ",
                width,
                first=pad + "└─ ",
            )
    for flag in a["flags"]:
        lines += wrap(f"! {flag['kind']}: {flag['text']}", deeper, width)
    lines += findings_lines(a.get("findings", []), deeper, width)
    if a.get("note"):
        lines += wrap(f"note: {a['note']}", deeper, width)
    return lines


def _claim_text(view: ClaimView, width: int) -> list[str]:
    lines = wrap(f"CLAIM {view['id']}: {view['text']}", "", width)
    lines += wrap(
        f"status: {status_word(view['status'], view['grade'])} ({view['grade_meaning']}) · "
        f"{view['independent_origins']} independent origin(s) · first seen "
        f"{view['first_seen'] or 'unknown'}",
        INDENT,
        width,
    )
    if view["history"]:
        lines += wrap(f"history: {history_line(view['history'])}", INDENT, width)
    lines.append(f"{INDENT}why:")
    for n, reason in enumerate(view["reasons"], 1):
        lines += wrap(f"{n}. {reason['text']}", INDENT * 2, width)
    if view["flags"]:
        lines.append(f"{INDENT}flags:")
        for flag in view["flags"]:
            lines += wrap(f"! {flag['kind']}: {flag['text']}", INDENT * 2, width)
    if view["spread"]:
        lines.append(f"{INDENT}spread (reposts and quotes: reach, never an origin):")
        for line in spread_lines(view["spread"]):
            lines += wrap(line, INDENT * 2, width)
    lines += findings_lines(view["findings"], INDENT, width)
    for rel in view["reliability"]:
        lines += wrap(
            f"reliability of {rel['actor']}: {rel['grade']} ({rel['reason']}; "
            f"graded by {rel['by']})",
            INDENT,
            width,
        )
    for stance, members in view["assertions"].items():
        lines.append("")
        lines.append(f"{INDENT}{Stance(stance).heading} ({len(members)})")
        for a in members:
            lines += _assertion_lines(a, INDENT * 2, width, with_claim=a["claim"] != view["id"])
    related = view["related"]
    labels = (
        ("more general", related["more_general"]),
        ("more specific", related["more_specific"]),
        ("contradicts", related["contradicts"]),
        ("context", related["context"]),
        ("is context for", related["context_for"]),
    )
    rows = [(label, c) for label, claims in labels for c in claims]
    if rows:
        lines.append("")
        lines.append(f"{INDENT}related claims")
        for label, c in rows:
            lines += wrap(
                f"{label}: {c['claim']} ({c['status']}, {c['grade']}): {c['text']}",
                INDENT * 2,
                width,
            )
    return lines


def _actor_text(view: ActorView, width: int) -> list[str]:
    lines = wrap(f"ACTOR {view['id']}: {view['name']} ({view['actor_kind']})", "", width)
    if view.get("role"):
        lines += wrap(f"role: {view['role']}", INDENT, width)
    if view["aliases"]:
        names = [a["name"] + (" [wrong name]" if a.get("error") else "") for a in view["aliases"]]
        lines += wrap("also named: " + "; ".join(names), INDENT, width)
    if view["spread_posts"]:
        n = view["spread_posts"]
        lines += wrap(
            f"in spread data: {n:,} repost(s) and quote(s) under its names", INDENT, width
        )
    rel = view.get("reliability")
    if rel:
        lines += wrap(
            f"reliability: {rel['grade']} ({rel['reason']}; graded by {rel['by']})", INDENT, width
        )
    if view.get("note"):
        lines += wrap(f"note: {view['note']}", INDENT, width)
    lines += findings_lines(view["findings"], INDENT, width)
    lines.append("")
    lines.append(f"{INDENT}asserted ({len(view['assertions'])})")
    for a in view["assertions"]:
        lines += _assertion_lines(a, INDENT * 2, width, with_claim=True)
        if a["relayed_by"]:
            lines.append(f"{INDENT * 3}relayed by:")
            for r in a["relayed_by"]:
                lines += wrap(
                    f"→ {r['actor_name']} {r['stance']} '{r['claim']}' in "
                    f"{r['source_title']} ({r.get('said') or 'undated'}) "
                    f"[{r['assertion']}]",
                    INDENT * 4,
                    width,
                )
                for flag in r["flags"]:
                    lines += wrap(f"! {flag['kind']}: {flag['text']}", INDENT * 5, width)
    if view["sources"]:
        lines.append("")
        lines.append(f"{INDENT}sources published or written")
        for s in view["sources"]:
            lines += wrap(f"{s['source']}: {s['title']}", INDENT * 2, width)
    return lines


def _source_text(view: SourceView, width: int) -> list[str]:
    lines = wrap(f"SOURCE {view['id']}: {view['title']} ({view['source_kind']})", "", width)
    facts = (
        ("publisher", view["publisher"]),
        ("author", view["author"]),
        ("date", view["date"]),
        ("url", view["url"]),
        ("archive", view["archive"]),
    )
    for key, value in facts:
        if value:
            lines += wrap(f"{key}: {value}", INDENT, width)
    if view.get("date_note"):
        lines += wrap(f"dated: {view['date_note']}", INDENT, width)
    if view["known_only_through"]:
        lines += wrap(
            "no archived copy: known only through " + ", ".join(view["known_only_through"]),
            INDENT,
            width,
        )
    if view.get("note"):
        lines += wrap(f"note: {view['note']}", INDENT, width)
    lines += findings_lines(view["findings"], INDENT, width)
    for title, assertions in (
        ("said here", view["said_here"]),
        ("reported here, said elsewhere", view["reported_here"]),
    ):
        if assertions:
            lines.append("")
            lines.append(f"{INDENT}{title} ({len(assertions)})")
            for a in assertions:
                lines += _assertion_lines(a, INDENT * 2, width, with_claim=True)
    for title, refs in (("cites", view["cites"]), ("cited by", view["cited_by"])):
        if refs:
            lines.append("")
            lines.append(f"{INDENT}{title}")
            for s in refs:
                lines += wrap(f"{s['source']}: {s['title']}", INDENT * 2, width)
    return lines


def format_trace(result: TraceResult, width: int = 100) -> str:
    """Return the text rendering of a `trace` result, case text in it shown with
    control characters escaped."""
    result = cast("TraceResult", safe(result))
    if result["pick"]:
        lines = wrap(f"'{result['term']}' matches {len(result['matches'])} records:", "", width)
        for m in result["matches"]:
            lines += wrap(f"{m['kind']}:{m['id']}  ({m['matched']})", INDENT, width)
        lines += wrap(result["pick"], "", width)
        return "\n".join(lines) + "\n"
    blocks = []
    cut = result.get("as_of")
    if cut:
        blocks.append([cut["note"]])
    if len(result["views"]) > 1:
        names = ", ".join(f"{m['kind']}:{m['id']}" for m in result["matches"])
        blocks.append(
            wrap(f"'{result['term']}' matches {len(result['views'])} records: {names}", "", width)
        )
    for view in result["views"]:
        if view["kind"] == "claim":
            blocks.append(_claim_text(view, width))
        elif view["kind"] == "actor":
            blocks.append(_actor_text(view, width))
        elif view["kind"] == "source":
            blocks.append(_source_text(view, width))
        else:
            lines = [f"ASSERTION {view['assertion']}"]
            lines += _assertion_lines(view, INDENT, width, with_claim=True)
            blocks.append(lines)
    overrides = result.get("overrides")
    if overrides:
        blocks.append(wrap(overrides, "", width))
    rule = "─" * min(width, 100)
    return ("\n" + rule + "\n").join("\n".join(b) for b in blocks) + "\n"
