"""What the text renderings share: wrapping, indentation, findings and status words."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.records import Finding

INDENT = "  "


def wrap(text: str, indent: str, width: int, first: str | None = None) -> list[str]:
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


def findings_lines(findings: list[Finding], indent: str, width: int) -> list[str]:
    """Return `prov check` findings as lines marked with their severity."""
    lines: list[str] = []
    for f in findings:
        lines += wrap(f"check {f['severity']}: {f['kind']}: {f['message']}", indent, width)
    return lines


def status_word(status: str, grade: int) -> str:
    """Return a verdict as text reads it: "UNCONFIRMED · credibility 3"."""
    return f"{status.upper()} · credibility {grade}"
