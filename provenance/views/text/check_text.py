"""`prov check` as text: findings grouped by kind, then a tally by severity."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from provenance.views.text.common import INDENT, wrap
from provenance.views.text.terminal import safe

if TYPE_CHECKING:
    from provenance.records import Finding


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _evidence_lines(finding: Finding, width: int) -> list[str]:
    """Return the variants of a drifting quote, one line each with where it was read."""
    if finding["kind"] != "quote-drift":
        return []
    variants = finding["evidence"].get("variants")
    lines: list[str] = []
    for variant in variants if isinstance(variants, list) else []:
        if not isinstance(variant, dict):
            continue
        read_in = variant.get("read_in")
        where = ", ".join(str(s) for s in read_in) if isinstance(read_in, list) else ""
        lines += wrap(
            f"“{variant.get('quote')}”  ({where})", INDENT * 3, width, first=INDENT * 2 + "- "
        )
    return lines


def format_check(
    findings: list[Finding], counts: dict[str, int], width: int = 100, verbose: bool = False
) -> str:
    """Return the findings of `prov check` grouped by kind, then a summary line. Located
    quotes are listed only when `verbose`. Case text is shown with control characters
    escaped."""
    findings = cast("list[Finding]", safe(findings))
    lines: list[str] = []
    from provenance.checks.registry import CHECKS

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
                lines += wrap(text, INDENT * 2, width, first=INDENT + "ok       ")
                continue
            place = f"{f['file']}:{f['line']}" if f["file"] else ""
            lines += wrap(
                f"{place}  {f['message']}", INDENT * 2, width, first=f"{INDENT}{f['severity']:<8} "
            )
            lines += _evidence_lines(f, width)
        lines.append("")
    located = (
        "1 quote located in its archived source"
        if counts["ok"] == 1
        else f"{counts['ok']} quotes located in their archived sources"
    )
    lines += wrap(
        f"{_count(counts['error'], 'error')}, {_count(counts['warning'], 'warning')}, "
        f"{_count(counts['note'], 'note')}; {located}",
        "",
        width,
    )
    return "\n".join(lines) + "\n"
