"""The report as one self-contained HTML page: inline CSS and SVG, the ClaimReview
JSON-LD as the only script, nothing fetched from anywhere. Readable on a phone (no
horizontal scroll at 375 px) and in print (A4 or Letter).

Every text from the case goes through `provenance.escape.html_text` or `html_attr`,
every link through `escape.safe_url`, the JSON-LD through `escape.json_for_html`.
"""

from __future__ import annotations

import re

from provenance.escape import html_attr, html_text, json_for_html, safe_url
from provenance.report.build import Quote, Report

#: Code points XML allows but HTML calls parse errors: DEL, C1 controls, noncharacters.
#: (`escape.html_text` leaves them; the page replaces them so it always validates.)
_NOT_HTML = re.compile(
    "[\x7f-\x9f\ufdd0-\ufdef"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
    + "]"
)

CSS = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 17px/1.55 Georgia, "DejaVu Serif", serif; color: var(--ink);
  background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1, h2, h3, .kicker, .verdict, figcaption, dl, footer, .badge {
  font-family: Helvetica, Arial, "Liberation Sans", sans-serif; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .3rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; border-top: 1px solid var(--rule);
  padding-top: 1rem; }
.kicker { color: var(--muted); font-size: .9rem; margin: 0; }
p, li, dd, dt, blockquote, h1, h2, h3, a { overflow-wrap: anywhere; }
.verdict { border-left: 6px solid; padding: .6rem .9rem; margin: 0 0 1rem;
  font-size: 1.05rem; }
.verdict strong { font-size: 1.2rem; }
.status-confirmed { border-color: #009E73; background: #E6F5F0; }
.status-corroborated { border-color: #56B4E9; background: #EAF5FC; }
.status-unconfirmed { border-color: #E69F00; background: #FDF3E0; }
.status-disputed { border-color: #CC79A7; background: #F8EAF2; }
.status-refuted { border-color: #D55E00; background: #FBE9DF; }
.status-retracted { border-color: #666; background: #EEE; }
.status-unsupported { border-color: #B8A800; background: #FBF8DC; }
figure { margin: 0; }
figure svg { display: block; width: 100%; height: auto; max-width: 100%; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .4rem; }
ol.reasons li { margin-bottom: .3rem; }
.quote { border-top: 1px solid var(--rule); padding: .8rem 0; break-inside: avoid; }
.quote h3 { font-size: 1rem; margin: 0 0 .3rem; }
blockquote { margin: .3rem 0 .5rem; padding-left: .8rem; border-left: 3px solid var(--rule); }
.scroll { overflow-x: auto; }
.badge { display: inline-block; font-size: .8rem; border: 1px solid var(--muted);
  border-radius: 3px; padding: 0 .3rem; margin-right: .3rem; font-style: normal; }
dl { display: grid; grid-template-columns: minmax(6rem, max-content) 1fr; gap: .1rem .8rem;
  font-size: .85rem; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; min-width: 0; }
code { font-size: .85em; overflow-wrap: anywhere; }
footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule);
  margin-top: 2rem; padding-top: 1rem; }
@media (max-width: 30rem) {
  body { font-size: 16px; }
  dl { grid-template-columns: 5.2rem 1fr; }
  .scroll svg { min-width: 40rem; }
  .hint { display: block; }
}
.hint { display: none; color: var(--muted); font-size: .85rem; margin: 0 0 .3rem; }
table.days { border-collapse: collapse; font-size: .85rem; width: 100%; max-width: 30rem; }
table.days td, table.days th { text-align: left; padding: .1rem .5rem .1rem 0; }
table.days td:nth-child(2) { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; height: .7rem; background: var(--muted); }
@page { margin: 15mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  a[href]::after { content: " <" attr(href) ">"; font-size: .8em; overflow-wrap: anywhere; }
  figure, .verdict { break-inside: avoid; }
  h2 { break-after: avoid; }
}
"""


def render_html(report: Report, svg: str) -> str:
    """Return the page: the verdict, the reasons, the history, the diagram (`svg`, the
    finished inline SVG markup), every quote, flags and findings, and the review."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Fact-check: {html_text(report.claim_text)}</title>",
        f"<style>{CSS}</style>",
    ]
    if report.claimreview is not None:
        parts.append(
            '<script type="application/ld+json">\n'
            + json_for_html(report.claimreview)
            + "\n</script>"
        )
    parts += ["</head>", "<body>", "<main>", *_header(report), *_why(report)]
    parts += _history(report)
    parts += [
        '<section id="diagram">',
        "<h2>How the claim spread</h2>",
        '<p class="hint">The diagram scrolls sideways.</p>'
        f'<figure><div class="scroll">{svg}</div>'
        f"<figcaption>{html_text(report.summary)}</figcaption></figure>",
        "</section>",
    ]
    parts += _spread(report) + _quotes(report) + _flags(report) + _footer(report)
    parts += ["</main>", "</body>", "</html>"]
    return _NOT_HTML.sub("\ufffd", "\n".join(parts) + "\n")


def _header(report: Report) -> list[str]:
    status, _, explanation = report.explained.partition(": ")
    return [
        "<header>",
        f'<p class="kicker">Fact-check · {html_text(report.case_title)}</p>',
        f'<h1 id="claim-{html_attr(report.claim)}">{html_text(report.claim_text)}</h1>',
        f'<p class="verdict status-{html_attr(report.status)}">'
        f'<span aria-hidden="true">{html_text(report.symbol)}</span> '
        f"<strong>{html_text(status)}</strong>: {html_text(explanation)} "
        f"Credibility grade {report.grade} on the Admiralty scale from 1 (confirmed) to 6 "
        f"(cannot be judged): {html_text(report.grade_meaning)}.</p>",
        "</header>",
    ]


def _why(report: Report) -> list[str]:
    items = [f"<li>{html_text(r)}</li>" for r in report.reasons]
    return [
        '<section id="why">',
        "<h2>Why</h2>",
        '<ol class="reasons">',
        *items,
        "</ol>",
        "</section>",
    ]


def _history(report: Report) -> list[str]:
    if not report.history:
        return []
    items = [
        f"<li>As of {html_text(h.as_of)}: <strong>{html_text(h.status)}</strong>"
        + (f". {html_text(h.reason)}" if h.reason else "")
        + "</li>"
        for h in report.history
    ]
    return [
        '<section id="history">',
        "<h2>Verdict history</h2>",
        "<ul>",
        *items,
        "</ul>",
        "</section>",
    ]


def _link(title: str, url: str | None) -> str:
    href = safe_url(url)
    if href is None:
        return html_text(title)
    return f'<a href="{html_attr(href)}" rel="nofollow noopener">{html_text(title)}</a>'


def _quote(q: Quote) -> list[str]:
    mode = q.mode + (f", from {q.language}" if q.language and q.mode != "verbatim quote" else "")
    rows = [
        ("said", f"{html_text(q.stance)} · {html_text(q.date)}"),
        ("in", _link(q.source, q.source_url)),
    ]
    if q.read_in:
        rows.append(("read in", _link(q.read_in, q.read_in_url)))
    if q.claim:
        rows.append(("about", html_text(q.claim)))
    said = "established" if q.established else "not established"
    rows.append(("attribution", f"{html_text(q.attribution)} ({said})"))
    if q.archive:
        rows.append(("archive", f"<code>{html_text(q.archive)}</code>"))
    if q.capture:
        rows.append(("capture", f"<code>{html_text(q.capture)}</code>"))
    rows += [("flag", f"⚠ {html_text(f)}") for f in q.flags]
    body = [
        f'<article class="quote" id="q-{html_attr(q.assertion)}">',
        f'<h3>{html_text(q.speaker)} <span class="badge">{html_text(q.lane)}</span></h3>',
    ]
    if q.text:
        body.append(
            f'<blockquote><span class="badge">{html_text(mode)}</span>'
            f"“{html_text(q.text)}”</blockquote>"
        )
    body.append("<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>")
    return [*body, "</article>"]


def _spread(report: Report) -> list[str]:
    """The reposts and quotes of the claim's statements (spread data): the sentences,
    then posts per day as a table, each with a bar scaled to the busiest day."""
    if not report.spread:
        return []
    most = max((n for _, n in report.spread_days), default=1) or 1
    rows = [
        f"<tr><td>{html_text(day)}</td><td>{n:,}</td>"
        f'<td><span class="bar" style="width:{round(100 * n / most)}%"></span></td></tr>'
        for day, n in report.spread_days
    ]
    return [
        '<section id="spread">',
        "<h2>Reposts and quotes</h2>",
        "<p>Reposts and quotes add reach, never an independent origin.</p>",
        *(f"<p>{html_text(line)}</p>" for line in report.spread),
        '<table class="days"><thead><tr><th>Day (UTC)</th><th>Posts</th><th></th></tr>'
        "</thead><tbody>",
        *rows,
        "</tbody></table>",
        "</section>",
    ]


def _quotes(report: Report) -> list[str]:
    out = ['<section id="quotes">', "<h2>What was said</h2>"]
    for q in report.quotes:
        out += _quote(q)
    return [*out, "</section>"]


def _flags(report: Report) -> list[str]:
    out = ['<section id="checks">', "<h2>Flags and evidence checks</h2>"]
    if not report.flags and not report.findings:
        return [*out, "<p>No flags and no findings from the evidence checks.</p>", "</section>"]
    out.append("<ul>")
    out += [f"<li>⚠ {html_text(f)}</li>" for f in report.flags]
    out += [
        f"<li>{html_text(f['severity'])} · {html_text(f['kind'])}: {html_text(f['message'])}</li>"
        for f in report.findings
    ]
    return [*out, "</ul>", "</section>"]


def _footer(report: Report) -> list[str]:
    rows = [f"{html_text(k.capitalize())}: {html_text(v)}" for k, v in report.review.items()]
    rows += [html_text(n.capitalize()) for n in report.notes]
    rows.append(f"Page generated {html_text(report.generated)} by prov.")
    return ["<footer>", *(f"<p>{r}</p>" for r in rows), "</footer>"]
