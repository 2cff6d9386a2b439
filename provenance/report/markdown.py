"""The report as Markdown, with the diagram as an SVG file beside it.

Markdown renders inline HTML, so every text from the case is HTML-escaped
(`escape.html_text`) and Markdown's own punctuation is backslash-escaped; links go
through `escape.safe_url`. The ClaimReview JSON-LD is left out: a Markdown file has no
place a search engine reads it from (the HTML page embeds it).
"""

from __future__ import annotations

import re

from provenance.escape import html_text, safe_url
from provenance.report.build import Quote, Report

_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")


def md_text(text: str) -> str:
    r"""Return case text inert in Markdown: HTML-escaped, punctuation backslashed, one line.

    >>> md_text("*bold* <b>x</b> [a](javascript:x)")
    '\\*bold\\* &lt;b&gt;x&lt;/b&gt; \\[a\\](javascript:x)'
    """
    return _MD_PUNCTUATION.sub(r"\\\1", html_text(" ".join(text.split())))


def _link(title: str, url: str | None) -> str:
    href = safe_url(url)
    if href is None:
        return md_text(title)
    target = href.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{md_text(title)}](<{target}>)"


def render_markdown(report: Report, svg_file: str) -> str:
    """Return the report as Markdown; `svg_file` is the diagram's file name beside it."""
    status, _, explanation = report.explained.partition(": ")
    lines = [
        f"# Fact-check: {md_text(report.claim_text)}",
        "",
        f"*{md_text(report.case_title)}*",
        "",
        f"**{report.symbol} {md_text(status)}**: {md_text(explanation)} "
        f"Credibility grade {report.grade} on the Admiralty scale from 1 (confirmed) to 6 "
        f"(cannot be judged): {md_text(report.grade_meaning)}.",
        "",
        "## Why",
        "",
        *(f"{i}. {md_text(r)}" for i, r in enumerate(report.reasons, 1)),
        "",
    ]
    if report.history:
        lines += ["## Verdict history", ""]
        lines += [
            f"- As of {md_text(h.as_of)}: **{md_text(h.status)}**"
            + (f": {md_text(h.reason)}" if h.reason else "")
            for h in report.history
        ]
        lines.append("")
    lines += [
        "## How the claim spread",
        "",
        f"![{md_text(report.summary)}]({svg_file.replace(' ', '%20')})",
        "",
        md_text(report.summary),
        "",
        "## What was said",
        "",
    ]
    lines = lines[:-2] + _spread(report) + lines[-2:]
    for q in report.quotes:
        lines += _quote(q)
    lines += ["## Flags and evidence checks", ""]
    lines += [f"- ⚠ {md_text(f)}" for f in report.flags]
    lines += [
        f"- {md_text(f['severity'])} · {md_text(f['kind'])}: {md_text(f['message'])}"
        for f in report.findings
    ]
    if not report.flags and not report.findings:
        lines.append("No flags and no findings from the evidence checks.")
    lines += ["", "---", ""]
    lines += [f"{md_text(k.capitalize())}: {md_text(v)}  " for k, v in report.review.items()]
    lines += [f"{md_text(n.capitalize())}  " for n in report.notes]
    lines.append(f"Page generated {md_text(report.generated)} by prov.")
    return "\n".join(lines) + "\n"


def _spread(report: Report) -> list[str]:
    """The reposts and quotes of the claim's statements, as a list (see html._spread)."""
    if not report.spread:
        return []
    lines = ["## Reposts and quotes", "", "Reposts and quotes add reach, never an origin.", ""]
    lines += [f"- {md_text(line)}" for line in report.spread]
    lines += ["", "| Day (UTC) | Posts |", "|---|---:|"]
    lines += [f"| {md_text(day)} | {n:,} |" for day, n in report.spread_days]
    return [*lines, ""]


def _quote(q: Quote) -> list[str]:
    mode = q.mode + (f", from {q.language}" if q.language and q.mode != "verbatim quote" else "")
    out = [f"### {md_text(q.speaker)} ({md_text(q.lane)})", ""]
    if q.text:
        out += [f"> “{md_text(q.text)}” *({md_text(mode)})*", ""]
    out.append(f"- said: {md_text(q.stance)} · {md_text(q.date)}")
    out.append(f"- in: {_link(q.source, q.source_url)}")
    if q.read_in:
        out.append(f"- read in: {_link(q.read_in, q.read_in_url)}")
    if q.claim:
        out.append(f"- about: {md_text(q.claim)}")
    said = "established" if q.established else "not established"
    out.append(f"- attribution: {md_text(q.attribution)} ({said})")
    if q.archive:
        out.append(f"- archive: {md_text(q.archive)}")
    if q.capture:
        out.append(f"- capture: {md_text(q.capture)}")
    out += [f"- flag: ⚠ {md_text(f)}" for f in q.flags]
    return [*out, ""]
