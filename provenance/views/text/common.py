"""What the text renderings share: indentation, findings and status words (wrapping is
the terminal layer's, provenance.views.text.terminal, re-exported here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.views.text.terminal import wrap

if TYPE_CHECKING:
    from provenance.records import Finding

__all__ = ["INDENT", "findings_lines", "status_word", "wrap"]

INDENT = "  "


def findings_lines(findings: list[Finding], indent: str, width: int) -> list[str]:
    """Return `prov check` findings as lines marked with their severity."""
    lines: list[str] = []
    for f in findings:
        lines += wrap(f"check {f['severity']}: {f['kind']}: {f['message']}", indent, width)
    return lines


def status_word(status: str, grade: int) -> str:
    """Return a verdict as text reads it: "UNCONFIRMED · credibility 3"."""
    return f"{status.upper()} · credibility {grade}"
