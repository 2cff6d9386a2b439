"""Plain-text renderings of the views, for a terminal: trace, status and explain.

Plain text on purpose: it is what a checker pastes into notes, it diffs, and it costs
no import time. Every function returns a string; the CLI prints it.
"""

from __future__ import annotations

import textwrap
from typing import Any

from provenance.trace import STANCE_HEADING

INDENT = "  "


def _wrap(text: str, indent: str, width: int, first: str | None = None) -> list[str]:
    """Return `text` wrapped to `width`, continuation lines indented under `indent`;
    `first` replaces the indent of the first line (for bullets and tree branches)."""
    lead = indent if first is None else first
    return textwrap.wrap(
        text,
        width=max(width, len(lead) + 30),
        initial_indent=lead,
        subsequent_indent=indent + "  ",
        break_on_hyphens=False,
        break_long_words=False,
    ) or [lead]


def _findings(findings: list[dict[str, Any]], indent: str, width: int) -> list[str]:
    """Return `prov check` findings as lines marked with their severity."""
    lines: list[str] = []
    for f in findings:
        lines += _wrap(f"check {f['severity']}: {f['kind']}: {f['message']}", indent, width)
    return lines


def _status_word(view: dict[str, Any]) -> str:
    return f"{view['status'].upper()} · credibility {view['grade']}"


def _source_line(a: dict[str, Any]) -> str:
    parts = [a["actor_name"]]
    if a.get("named_as") and a["named_as"] != a["actor_name"]:
        parts[0] += f" (named as '{a['named_as']}')"
    parts.append(a.get("date") or "undated")
    where = a["source_title"]
    if a.get("read_in"):
        where += f"; read in [{a['read_in']}]"
    parts.append(where)
    return " · ".join(parts)


def _assertion_lines(
    a: dict[str, Any], indent: str, width: int, with_claim: bool = False
) -> list[str]:
    deeper = indent + "  "
    lines = _wrap(f"{_source_line(a)}  [{a['assertion']}]", deeper, width, first=indent + "• ")
    if with_claim and a.get("claim_status"):
        c = a["claim_status"]
        lines += _wrap(
            f"{a['stance']} '{c['claim']}' ({c['status']}, {c['grade']}): {c['text']}",
            deeper,
            width,
        )
    elif with_claim:
        lines += _wrap(f"{a['stance']} '{a['claim']}'", deeper, width)
    basis = a["basis"].replace("_", " ")
    if a.get("quote"):
        lines += _wrap(f"“{a['quote']}”  (basis: {basis})", deeper, width)
    else:
        lines += _wrap(f"(no quote; basis: {basis})", deeper, width)
    if a.get("located"):
        lines += _wrap(
            f"quote located in {a['located']['source']}, line {a['located']['line']}", deeper, width
        )
    attribution = a["attribution"]
    mark = "said: established" if attribution["established"] else "said: not established"
    lines += _wrap(f"{mark}: {attribution['text']}", deeper, width)
    if a["chain"]:
        lines.append(f"{deeper}relays:")
        for depth, link in enumerate(a["chain"]):
            pad = deeper + "   " * depth
            tail = " [origin]" if link["origin"] else ""
            lines += _wrap(
                f"{link['actor_name']} · {link['stance']} '{link['claim']}' · "
                f"{link.get('date') or 'undated'} · {link['source_title']}{tail}",
                pad + "  ",
                width,
                first=pad + "└─ ",
            )
    for flag in a["flags"]:
        lines += _wrap(f"! {flag['kind']}: {flag['text']}", deeper, width)
    lines += _findings(a.get("findings", []), deeper, width)
    if a.get("note"):
        lines += _wrap(f"note: {a['note']}", deeper, width)
    return lines


def _claim_text(view: dict[str, Any], width: int) -> list[str]:
    lines = _wrap(f"CLAIM {view['id']}: {view['text']}", "", width)
    lines.append(
        f"{INDENT}status: {_status_word(view)} ({view['grade_meaning']}) · "
        f"{view['independent_origins']} independent origin(s) · first seen "
        f"{view['first_seen'] or 'unknown'}"
    )
    lines.append(f"{INDENT}why:")
    for n, reason in enumerate(view["reasons"], 1):
        lines += _wrap(f"{n}. {reason['text']}", INDENT * 2, width)
    if view["flags"]:
        lines.append(f"{INDENT}flags:")
        for flag in view["flags"]:
            lines += _wrap(f"! {flag['kind']}: {flag['text']}", INDENT * 2, width)
    lines += _findings(view["findings"], INDENT, width)
    for rel in view["reliability"]:
        lines += _wrap(
            f"reliability of {rel['actor']}: {rel['grade']} ({rel['reason']}; "
            f"graded by {rel['by']})",
            INDENT,
            width,
        )
    for stance, members in view["assertions"].items():
        lines.append("")
        lines.append(f"{INDENT}{STANCE_HEADING[stance]} ({len(members)})")
        for a in members:
            lines += _assertion_lines(a, INDENT * 2, width, with_claim=a["claim"] != view["id"])
    related = view["related"]
    labels = (
        ("more_general", "more general"),
        ("more_specific", "more specific"),
        ("contradicts", "contradicts"),
        ("context", "context"),
        ("context_for", "is context for"),
    )
    rows = [(label, c) for key, label in labels for c in related[key]]
    if rows:
        lines.append("")
        lines.append(f"{INDENT}related claims")
        for label, c in rows:
            lines += _wrap(
                f"{label}: {c['claim']} ({c['status']}, {c['grade']}): {c['text']}",
                INDENT * 2,
                width,
            )
    return lines


def _actor_text(view: dict[str, Any], width: int) -> list[str]:
    lines = _wrap(f"ACTOR {view['id']}: {view['name']} ({view['actor_kind']})", "", width)
    if view.get("role"):
        lines += _wrap(f"role: {view['role']}", INDENT, width)
    if view["aliases"]:
        names = [a["name"] + (" [wrong name]" if a.get("error") else "") for a in view["aliases"]]
        lines += _wrap("also named: " + "; ".join(names), INDENT, width)
    if view.get("reliability"):
        rel = view["reliability"]
        lines += _wrap(
            f"reliability: {rel['grade']} ({rel['reason']}; graded by {rel['by']})", INDENT, width
        )
    if view.get("note"):
        lines += _wrap(f"note: {view['note']}", INDENT, width)
    lines += _findings(view["findings"], INDENT, width)
    lines.append("")
    lines.append(f"{INDENT}asserted ({len(view['assertions'])})")
    for a in view["assertions"]:
        lines += _assertion_lines(a, INDENT * 2, width, with_claim=True)
        if a["relayed_by"]:
            lines.append(f"{INDENT * 3}relayed by:")
            for r in a["relayed_by"]:
                lines += _wrap(
                    f"→ {r['actor_name']} {r['stance']} '{r['claim']}' in "
                    f"{r['source_title']} ({r.get('date') or 'undated'}) "
                    f"[{r['assertion']}]",
                    INDENT * 4,
                    width,
                )
                for flag in r["flags"]:
                    lines += _wrap(f"! {flag['kind']}: {flag['text']}", INDENT * 5, width)
    if view["sources"]:
        lines.append("")
        lines.append(f"{INDENT}sources published or written")
        for s in view["sources"]:
            lines += _wrap(f"{s['source']}: {s['title']}", INDENT * 2, width)
    return lines


def _source_text(view: dict[str, Any], width: int) -> list[str]:
    lines = _wrap(f"SOURCE {view['id']}: {view['title']} ({view['source_kind']})", "", width)
    facts = [
        f"{k}: {view[k]}" for k in ("publisher", "author", "date", "url", "archive") if view.get(k)
    ]
    for fact in facts:
        lines += _wrap(fact, INDENT, width)
    if view.get("date_note"):
        lines += _wrap(f"dated: {view['date_note']}", INDENT, width)
    if view["known_only_through"]:
        lines += _wrap(
            "no archived copy: known only through " + ", ".join(view["known_only_through"]),
            INDENT,
            width,
        )
    if view.get("note"):
        lines += _wrap(f"note: {view['note']}", INDENT, width)
    lines += _findings(view["findings"], INDENT, width)
    for key, title in (
        ("said_here", "said here"),
        ("reported_here", "reported here, said elsewhere"),
    ):
        if view[key]:
            lines.append("")
            lines.append(f"{INDENT}{title} ({len(view[key])})")
            for a in view[key]:
                lines += _assertion_lines(a, INDENT * 2, width, with_claim=True)
    for key, title in (("cites", "cites"), ("cited_by", "cited by")):
        if view[key]:
            lines.append("")
            lines.append(f"{INDENT}{title}")
            for s in view[key]:
                lines += _wrap(f"{s['source']}: {s['title']}", INDENT * 2, width)
    return lines


def format_trace(result: dict[str, Any], width: int = 100) -> str:
    """Return the text rendering of a `trace` result."""
    if result["pick"]:
        lines = [f"'{result['term']}' matches {len(result['matches'])} records:"]
        for m in result["matches"]:
            lines.append(f"{INDENT}{m['kind']}:{m['id']}  ({m['matched']})")
        lines.append(result["pick"])
        return "\n".join(lines) + "\n"
    blocks = []
    if len(result["views"]) > 1:
        names = ", ".join(f"{m['kind']}:{m['id']}" for m in result["matches"])
        blocks.append([f"'{result['term']}' matches {len(result['views'])} records: {names}"])
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
    if result.get("overrides"):
        blocks.append([result["overrides"]])
    rule = "─" * min(width, 100)
    return ("\n" + rule + "\n").join("\n".join(b) for b in blocks) + "\n"


def format_status(
    rows: list[dict[str, Any]], width: int = 100, notes: list[str] | None = None
) -> str:
    """Return the status table as aligned text columns, the first reason last, and a
    closing line of counts followed by `notes` (case-wide flags, overridden thresholds)."""
    headers = ["CLAIM", "STATUS", "GRADE", "ORIGINS", "SUPPORT", "OPPOSE", "FIRST SEEN"]
    table = [
        [
            r["claim"],
            r["status"],
            str(r["grade"]),
            str(r["independent_origins"]),
            str(r["support"]),
            str(r["opposition"]),
            r["first_seen"] or "-",
        ]
        for r in rows
    ]
    widths = [max([len(h), *(len(row[i]) for row in table)]) for i, h in enumerate(headers)]
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + "  WHY"]
    used = sum(widths) + 2 * len(widths)
    for r, row in zip(rows, table, strict=True):
        why = r["why"]
        room = max(width - used, 30)
        if len(why) > room:
            why = why[: room - 1] + "…"
        out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + "  " + why)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    out.append("")
    noun = "claim" if len(rows) == 1 else "claims"
    tally = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    out.append(f"{len(rows)} {noun}: {tally}" if tally else f"{len(rows)} {noun}")
    out += notes or []
    return "\n".join(out) + "\n"


def format_explain(result: dict[str, Any], width: int = 100) -> str:
    """Return the text rendering of one claim's rule trace."""
    verdict = result["verdict"]
    lines = _wrap(f"CLAIM {result['claim']}: {result['text']}", "", width)
    lines.append(f"{INDENT}verdict: {_status_word(verdict)} ({verdict['grade_meaning']})")
    lines.append("")
    lines.append(f"{INDENT}rules, in order (the first that fires decides):")
    for check in verdict["checks"]:
        mark = "FIRED " if check["fired"] else "  -   "
        lines += _wrap(f"{mark}{check['rule']}: {check['detail']}", INDENT * 2, width)
    lines.append("")
    lines.append(f"{INDENT}origins ({verdict['independent_origins']} independent):")
    for origin in verdict["origins"]:
        lines += _wrap(
            f"{origin['assertion']} by {origin['actor']} ({origin['stance']}, "
            f"{origin['basis']}, {origin['strength']}); supports: "
            f"{', '.join(origin['supports'])}",
            INDENT * 2,
            width,
        )
    if not verdict["origins"]:
        lines.append(f"{INDENT * 2}none")
    for key, title in (
        ("support", "supporting"),
        ("conditional", "conditional only"),
        ("reach", "reported without endorsement"),
        ("opposition", "opposing"),
        ("withdrawn", "withdrawn by retraction"),
    ):
        if verdict[key]:
            lines += _wrap(f"{title}: {', '.join(verdict[key])}", INDENT, width)
    lines.append("")
    lines.append(f"{INDENT}reasons:")
    for n, reason in enumerate(verdict["reasons"], 1):
        cited = f" [{', '.join(reason['assertions'])}]" if reason["assertions"] else ""
        lines += _wrap(f"{n}. {reason['text']}{cited}", INDENT * 2, width)
    for flag in verdict["flags"]:
        lines += _wrap(f"! {flag['kind']}: {flag['text']}", INDENT, width)
    lines.append("")
    rules = ", ".join(f"{k}={v}" for k, v in sorted(result["rules"].items()))
    lines += _wrap(f"thresholds: {rules}", INDENT, width)
    if result["overrides"]:
        lines += _wrap("this case overrides: " + ", ".join(result["overrides"]), INDENT, width)
    return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _evidence_lines(finding: dict[str, Any], width: int) -> list[str]:
    evidence = finding["evidence"]
    lines: list[str] = []
    if finding["kind"] == "quote-drift":
        for variant in evidence["variants"]:
            where = ", ".join(variant["read_in"])
            lines += _wrap(
                f"“{variant['quote']}”  ({where})", INDENT * 3, width, first=INDENT * 2 + "- "
            )
    return lines


def format_check(
    findings: list[dict[str, Any]], counts: dict[str, int], width: int = 100, verbose: bool = False
) -> str:
    """Return the findings of `prov check` grouped by kind, then a summary line. Located
    quotes are listed only when `verbose`."""
    from provenance.checks.registry import CHECKS

    lines: list[str] = []
    for check in CHECKS:
        members = [
            f for f in findings if f["kind"] == check.kind and (verbose or f["severity"] != "ok")
        ]
        if not members:
            continue
        lines.append(check.heading.upper())
        for f in members:
            if f["severity"] == "ok":
                ev = f["evidence"]
                text = (
                    f"{f['subject']}: {f['message']}, characters {ev['start']}-{ev['end']}: "
                    f"…{ev['prefix']}[{ev['exact']}]{ev['suffix']}…"
                )
                lines += _wrap(text, INDENT * 2, width, first=INDENT + "ok       ")
                continue
            place = f"{f['file']}:{f['line']}" if f["file"] else ""
            lines += _wrap(
                f"{place}  {f['message']}", INDENT * 2, width, first=f"{INDENT}{f['severity']:<8} "
            )
            lines += _evidence_lines(f, width)
        lines.append("")
    located = (
        "1 quote located in its archived source"
        if counts["ok"] == 1
        else f"{counts['ok']} quotes located in their archived sources"
    )
    lines.append(
        f"{_count(counts['error'], 'error')}, {_count(counts['warning'], 'warning')}, "
        f"{_count(counts['note'], 'note')}; {located}"
    )
    return "\n".join(lines) + "\n"
