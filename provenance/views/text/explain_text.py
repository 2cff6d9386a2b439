"""`prov explain` as text: every rule in order, whether it fired, origins and reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from provenance.views.text.common import INDENT, status_word, wrap
from provenance.views.text.history_text import history_lines
from provenance.views.text.terminal import safe
from provenance.vocab import Attribution

if TYPE_CHECKING:
    from provenance.views.shapes import ExplainResult


def format_explain(result: ExplainResult, width: int = 100) -> str:
    """Return the text rendering of one claim's rule trace, case text in it shown with
    control characters escaped."""
    result = cast("ExplainResult", safe(result))
    verdict = result["verdict"]
    cut = result.get("as_of")
    lines = wrap(cut["note"], "", width) if cut else []
    lines += wrap(f"CLAIM {result['claim']}: {result['text']}", "", width)
    verdict_word = status_word(verdict["status"], verdict["grade"])
    lines += wrap(f"verdict: {verdict_word} ({verdict['grade_meaning']})", INDENT, width)
    lines.append("")
    lines.append(f"{INDENT}rules, in order (the first that fires decides):")
    for check in verdict["checks"]:
        mark = "FIRED " if check["fired"] else "  -   "
        lines += wrap(f"{mark}{check['rule']}: {check['detail']}", INDENT * 2, width)
    lines.append("")
    lines += _origin_lines(result, width)
    lines.append("")
    lines.append(f"{INDENT}reasons:")
    for n, reason in enumerate(verdict["reasons"], 1):
        cited = f" [{', '.join(reason['assertions'])}]" if reason["assertions"] else ""
        lines += wrap(f"{n}. {reason['text']}{cited}", INDENT * 2, width)
    for flag in verdict["flags"]:
        lines += wrap(f"! {flag['kind']}: {flag['text']}", INDENT, width)
    if verdict["history"]:
        lines.append("")
        lines.append(f"{INDENT}history (each change of status or grade, as --as-of shows it):")
        lines += history_lines(verdict["history"], INDENT * 2, width)
    lines.append("")
    rules = ", ".join(f"{k}={v}" for k, v in sorted(result["rules"].items()))
    lines += wrap(f"thresholds: {rules}", INDENT, width)
    if result["overrides"]:
        lines += wrap("this case overrides: " + ", ".join(result["overrides"]), INDENT, width)
    return "\n".join(lines) + "\n"


def _origin_lines(result: ExplainResult, width: int) -> list[str]:
    """Return the origins, the assertions bearing on the claim by kind, and whether each
    was said (its attribution and quote mode)."""
    verdict = result["verdict"]
    lines: list[str] = []
    count = len(verdict["origins"])
    listed = "" if count == verdict["independent_origins"] else f", {count} first statements"
    lines.append(f"{INDENT}origins ({verdict['independent_origins']} independent{listed}):")
    unquoted = {a["assertion"] for a in result["assertions"] if not a["quoted"]}
    for origin in verdict["origins"]:
        weak = f" [{'; '.join(origin['weakened'])}]" if origin["weakened"] else ""
        mode = "no quote" if origin["assertion"] in unquoted else origin["quote_mode"]
        lines += wrap(
            f"{origin['assertion']} by {origin['actor']} ({origin['stance']}, "
            f"{origin['basis']}, {origin['strength']}{weak}; {mode}, "
            f"attribution: {Attribution(origin['attribution']).word}); supports: "
            f"{', '.join(origin['supports'])}",
            INDENT * 2,
            width,
        )
    if not verdict["origins"]:
        lines.append(f"{INDENT * 2}none")
    for title, ids in (
        ("supporting", verdict["support"]),
        ("conditional only", verdict["conditional"]),
        ("reported without endorsement", verdict["reach"]),
        ("opposing", verdict["opposition"]),
        ("withdrawn by retraction", verdict["withdrawn"]),
        ("set aside for its time (prediction, or another period)", verdict["set_aside"]),
    ):
        if ids:
            lines += wrap(f"{title}: {', '.join(ids)}", INDENT, width)
    if result["assertions"]:
        lines.append("")
        lines.append(f"{INDENT}was it said? (attribution, quote mode):")
    for a in result["assertions"]:
        att = a["attribution"]
        mode = a["quote_mode"] if a["quoted"] else "no quote"
        lines += wrap(
            f"{a['assertion']} by {a['actor']} ({a['stance']}; {mode}): "
            f"{att['word']}{'' if att['established'] else ', not established'}: {att['text']}",
            INDENT * 2,
            width,
        )
    return lines
