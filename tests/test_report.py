"""`prov report`: the content (pure builder), the HTML page (valid, self-contained, safe,
readable at 375, 800 and 1,280 px in headless Chromium), the Markdown, the CLI."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.document import Document, build_document
from provenance.render.options import RenderOptions
from provenance.render.story import build_story
from provenance.report.build import STATUS_EXPLAINED, build_report
from provenance.report.html import render_html
from provenance.report.markdown import md_text, render_markdown
from provenance.report.write import report_files
from provenance.vocab import Status
from tests.conftest import ROOT, write_case

URL = "https://example.org/fact-checks/norinchukin"
EPOCH = "1795219200"  # 2026-11-21, as graphs/render.sh sets it
runner = CliRunner()


def html5_errors(page: str) -> list[str]:
    """Return the html5lib parse errors of `page` (empty when it is valid HTML)."""
    import html5lib

    parser = html5lib.HTMLParser(strict=False)
    parser.parse(page)
    return [str(e) for e in parser.errors]


def quoted_assertions(doc: Document, term: str) -> list[str]:
    story = build_story(doc, term, RenderOptions(detail="full"))
    ids = [a for n in story.nodes for a in n.assertions]
    quotes = {a["id"]: a.get("quote") for a in doc["case"]["assertions"]}
    return sorted(a for a in ids if quotes.get(a))


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory, seed_doc: Document) -> Path:
    target = tmp_path_factory.mktemp("report") / "report.html"
    files = report_files(seed_doc, "norinchukin", "html", str(target), URL, EPOCH)
    target.write_bytes(files.files[0][1])
    return target


# --- what the report says ---------------------------------------------------------------


def test_the_report_reads_the_verdict_and_computes_none(seed_doc: Document) -> None:
    report = build_report(seed_doc, "norinchukin", "2026-11-21", URL)
    verdict = seed_doc["analysis"]["claims"]["norinchukin-sold"]
    assert (report.claim, report.status, report.grade) == (
        "norinchukin-sold",
        verdict["status"],
        verdict["grade"],
    )
    assert report.reasons == [r["text"] for r in verdict["reasons"]]
    assert report.explained.startswith("Unconfirmed: ")
    assert sorted(q.assertion for q in report.quotes) == quoted_assertions(seed_doc, "norinchukin")
    gasparino = next(q for q in report.quotes if q.assertion == "gasparino-japan-sold")
    assert (gasparino.speaker, gasparino.date, gasparino.mode) == (
        "Charles Gasparino",
        "9 Apr 2025",
        "paraphrase",
    )
    assert gasparino.archive and gasparino.archive.startswith("sources/000_")
    assert report.quotes[0].assertion == "gasparino-japan-sold"  # chains read from the start
    assert report.review == {"checked by": "prov seed case", "date of the review": "21 Nov 2026"}
    names = {a["id"]: a["actor"] for a in seed_doc["case"]["assertions"]}
    actors = {a["id"]: a["name"] for a in seed_doc["case"]["actors"]}
    assert [(h.status, h.reason) for h in report.history] == [
        (
            h["status"],
            f"grade {h['grade']}, after "
            + ", ".join(dict.fromkeys(actors[names[a]] for a in h["assertions"])),
        )
        for h in verdict["history"]
    ]
    assert report.history  # the engine records when the verdict changed


def test_the_claimreview_is_one_review_of_that_claim(seed_doc: Document) -> None:
    report = build_report(seed_doc, "norinchukin", "2026-11-21", URL)
    assert report.claimreview is not None
    assert report.claimreview["claimReviewed"] == report.claim_text
    assert report.claimreview["url"] == f"{URL}#claim-norinchukin-sold"
    without = build_report(seed_doc, "norinchukin", "2026-11-21", None)
    assert without.claimreview is None
    assert without.notes[-1].startswith("no ClaimReview embedded: ClaimReview needs the URL")


def test_every_status_is_explained_in_words() -> None:
    assert list(STATUS_EXPLAINED) == list(Status)
    for status, text in STATUS_EXPLAINED.items():
        assert text.lower().startswith(status.value)


def test_a_verdict_history_is_shown_when_the_document_has_one(seed_doc: Document) -> None:
    doc: Any = copy.deepcopy(seed_doc)
    doc["analysis"]["claims"]["norinchukin-sold"]["history"] = [
        {"as_of": None, "date": None, "status": "unsupported", "grade": 6, "assertions": []},
        {
            "as_of": "2025-04-09",
            "date": "2025-04-09",
            "status": "unconfirmed",
            "grade": 4,
            "assertions": ["netizens-norinchukin", "netizens-hedge-fund"],
        },
    ]
    report = build_report(doc, "norinchukin", "2026-11-21", URL)
    page = render_html(report, "<svg></svg>")
    assert "<h2>Verdict history</h2>" in page
    assert "As of the start: <strong>unsupported</strong>. grade 6" in page
    # Who changed it, by name and each once (two statements by the same crowd).
    assert (
        "As of 9 Apr 2025: <strong>unconfirmed</strong>. grade 4, after Japanese netizens on X"
        in page
    )
    doc["analysis"]["claims"]["norinchukin-sold"]["history"] = []
    assert "Verdict history" not in render_html(
        build_report(doc, "norinchukin", "x", URL), "<svg></svg>"
    )


# --- the HTML page -----------------------------------------------------------------------


def test_the_page_is_valid_self_contained_html(page_file: Path, seed_doc: Document) -> None:
    page = page_file.read_text(encoding="utf-8")
    assert html5_errors(page) == []
    import html5lib

    html5lib.HTMLParser(strict=True).parse(page)  # raises on any parse error
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    assert [attrs for attrs, _ in scripts] == [' type="application/ld+json"']
    ld = json.loads(scripts[0][1])
    assert ld["@type"] == "ClaimReview" and ld["reviewRating"]["alternateName"] == "Unconfirmed"
    assert not re.search(r"<link|<img|<iframe|\bsrc=|@import|url\(", page)
    assert page.count("<svg") == 1 and 'role="img"' in page


def test_the_committed_example_report_is_up_to_date(seed_doc: Document) -> None:
    target = ROOT / "graphs" / "norinchukin-report.html"
    files = report_files(seed_doc, "norinchukin", "html", str(target), URL, EPOCH)
    assert files.files[0][1] == target.read_bytes(), "run bash graphs/render.sh"


HOSTILE = "</script><script>alert(1)</script> <img src=x onerror=alert(2)> \"' &amp;"


def test_hostile_case_text_stays_text(tmp_path: Path) -> None:
    data = {
        "title": HOSTILE,
        "review": {"url": "https://example.org/x", "author": HOSTILE},
        "actors": [{"id": "a", "name": HOSTILE, "kind": "person"}],
        "sources": [{"id": "s", "title": HOSTILE, "kind": "article", "url": "javascript:alert(1)"}],
        "claims": [{"id": "c", "text": HOSTILE}],
        "assertions": [
            {
                "id": "a1",
                "actor": "a",
                "claim": "c",
                "source": "s",
                "stance": "states",
                "quote": HOSTILE + " \x1b &#x1b;",
            }
        ],
    }
    doc = build_document(write_case(tmp_path, data))
    files = report_files(doc, "c", "html", "-", None, EPOCH)
    page = files.files[0][1].decode("utf-8")
    assert html5_errors(page) == []
    assert "<script>alert" not in page and "<img" not in page and "javascript:" not in page
    assert page.count("<script") == 1
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert ld is not None and json.loads(ld.group(1))["claimReviewed"] == HOSTILE
    assert "\x1b" not in page
    md = render_markdown(build_report(doc, "c", "x", None), "c.svg")
    assert "<script" not in md and "<img" not in md and "](javascript" not in md


def test_markdown_escapes_its_own_syntax() -> None:
    assert (
        md_text("[click](https://evil.example) *x*") == "\\[click\\](https://evil.example) \\*x\\*"
    )


# --- the command line --------------------------------------------------------------------


def test_report_writes_html_and_markdown_with_the_svg_beside_it(tmp_path: Path) -> None:
    html = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "norinchukin", "-o", str(html), "--url", URL])
    assert result.exit_code == 0, result.output
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    md = tmp_path / "r.md"
    result = runner.invoke(app, ["report", "kato", "-f", "md", "-o", str(md)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r.svg").read_bytes().startswith(b"<?xml")
    text = md.read_text(encoding="utf-8")
    assert "](r.svg)" in text and "**✔ Confirmed that Katsunobu Kato said it**" in text
    assert "prov: no ClaimReview embedded" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["kato", "-f", "pdf"], "prov: unknown format 'pdf': use one of html, md"),
        (
            ["kato", "-f", "md"],
            "prov: --format md writes the diagram beside the page: give -o FILE.md",
        ),
    ],
)
def test_report_refuses_bad_options(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["report", *args])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message


# --- in a browser ------------------------------------------------------------------------


def _browser_or_skip() -> None:
    from tests.browser import playwright_available

    if not playwright_available():
        pytest.skip("playwright or chromium is not installed (.ci/run installs both under CI)")


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("width", [375, 800, 1280])
def test_the_page_reads_in_a_browser_at_every_width(
    page_file: Path, seed_doc: Document, tmp_path: Path, width: int
) -> None:
    _browser_or_skip()
    from tests.browser import open_browser, open_page

    requests: list[str] = []
    with open_browser() as browser:
        page = open_page(browser, page_file, width, requests)
        png = tmp_path / f"report-{width}.png"
        page.screenshot(path=str(png), full_page=True)
        assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 50_000
        scroll = page.evaluate("document.scrollingElement.scrollWidth")
        assert scroll <= page.evaluate("innerWidth"), f"horizontal scroll at {width} px"
        svg = page.locator("figure svg")
        assert svg.is_visible()
        box = svg.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 300
        body = _words(page.evaluate("document.body.innerText"))
        quotes = {a["id"]: a.get("quote", "") for a in seed_doc["case"]["assertions"]}
        for a_id in quoted_assertions(seed_doc, "norinchukin"):
            assert _words(quotes[a_id]) in body, a_id
    assert requests == []  # nothing fetched: one self-contained file


def test_the_page_prints_on_a4_and_letter(page_file: Path, tmp_path: Path) -> None:
    _browser_or_skip()
    from tests.browser import open_browser, open_page

    with open_browser() as browser:
        page = open_page(browser, page_file, 800, [])
        for paper in ("A4", "Letter"):
            pdf = page.pdf(format=paper)
            assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


# --- hostile cases, generated (the fuzz suite's cases, through render and report) ------


def _render_and_report(case: Path, out: Path) -> list[str]:
    """Run render and report on a generated case; return one line per failure."""
    from lxml import etree

    from tests.test_fuzz import BAD_LINK

    env = {"PROV_CACHE_DIR": str(out / "cache"), "PROV_CASE": "", "COLUMNS": "100"}
    cli = CliRunner(env=env)
    failures = []
    runs = [
        (["render", "c", "-o", str(out / "c.svg")], out / "c.svg", "svg"),
        (["render", "c", "--format", "dot", "-o", str(out / "c.dot")], out / "c.dot", "dot"),
        (["render", "--all", "-o", str(out / "all.svg")], out / "all.svg", "svg"),
        (["report", "c", "-o", str(out / "r.html")], out / "r.html", "html"),
        (["report", "d", "-f", "md", "-o", str(out / "r.md")], out / "r.svg", "svg"),
    ]
    for args, target, kind in runs:
        result = cli.invoke(app, [*args, "--case", str(case)])
        name = " ".join(args[:3])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            failures.append(f"{name}: traceback {type(result.exception).__name__}")
            continue
        if result.exit_code not in (0, 2) or not target.exists():
            continue
        data = target.read_bytes()
        try:
            if kind == "svg":
                etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False))
            elif kind == "html":
                errors = html5_errors(data.decode("utf-8"))
                assert not errors, errors[:2]
            elif kind == "dot":
                assert data.startswith(b"digraph")
        except Exception as exc:
            failures.append(f"{name}: does not parse: {str(exc)[:120]}")
        text = data.decode("utf-8", "replace")
        if kind == "svg" and BAD_LINK.search(text.replace("xlink:href", "href")):
            failures.append(f"{name}: javascript:/data:/vbscript: link")
        if kind == "html":
            failures += [f"{name}: {p}" for p in _page_problems(text)]
        target.unlink()
    return failures


def _page_problems(page: str) -> list[str]:
    """Return what makes a page unsafe: a link or source that is not http(s), a script
    other than the JSON-LD, an event handler attribute."""
    import html5lib

    problems = []
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    for el in tree.iter():
        tag = el.tag.split("}")[-1] if isinstance(el.tag, str) else ""
        if tag == "script" and el.get("type") != "application/ld+json":
            problems.append("a script other than the JSON-LD")
        for key, value in el.attrib.items():
            name = key.split("}")[-1].lower()
            if name.startswith("on"):
                problems.append(f"event handler {name}")
            if name in ("href", "src") and not re.match(r"(?i)(https?:|#)", value.strip()):
                problems.append(f"{name}={value[:40]!r}")
    return problems


def test_render_and_report_survive_hostile_cases() -> None:
    import os
    import tempfile

    from hypothesis import HealthCheck, Phase, given, settings

    from tests.test_fuzz import case_folders, write_folder

    @settings(
        max_examples=int(os.environ.get("PROV_FUZZ_EXAMPLES", "6")),
        deadline=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case_folders())
    def run(files: dict[str, str | bytes]) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            case = write_folder(root / "case", files)
            (root / "out").mkdir()
            failures = _render_and_report(case, root / "out")
            assert not failures, "\n".join(sorted(set(failures)))

    run()


def test_a_claim_about_what_someone_said_is_explained_as_such(seed_doc: Document) -> None:
    report = build_report(seed_doc, "claim:treasuries-a-card", "2026-11-21", URL)
    assert report.status == "confirmed"
    assert report.explained.startswith("Confirmed that Katsunobu Kato said it")
    assert "different question" in report.explained
    other = build_report(seed_doc, "claim:japan-sold", "2026-11-21", URL)
    assert other.explained.startswith("Unconfirmed: it has been said")
