"""Spread data: `prov import spread`, and each claim's spread in the analysis, trace,
report and diagram (provenance.read.spread, provenance.imports.spread,
provenance.engine.spread)."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.document import build_document, load_document
from tests.conftest import write_case

CASE: dict[str, Any] = {
    "title": "Spread",
    "actors": [
        {"id": "fund", "name": "A fund manager", "kind": "person", "aliases": ["@fundguy"]},
        {"id": "bank", "name": "The bank", "kind": "organization"},
    ],
    "sources": [
        {"id": "post", "title": "A post", "kind": "social_post", "date": "2025-04-09"},
        {"id": "statement", "title": "A statement", "kind": "statement", "date": "2025-04-10"},
    ],
    "claims": [
        {"id": "sold", "text": "The bank sold bonds"},
        {"id": "sold-all", "text": "The bank sold all its bonds", "more_specific_than": ["sold"]},
    ],
    "assertions": [
        {
            "id": "rumor",
            "actor": "fund",
            "claim": "sold",
            "source": "post",
            "stance": "states",
            "date": "2025-04-09",
        },
        {
            "id": "denial",
            "actor": "bank",
            "claim": "sold",
            "source": "statement",
            "stance": "doubts",
            "basis": "analysis",
            "date": "2025-04-10",
        },
    ],
}
HEADER = "id,author,time,relays,url,platform\n"


def _case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    folder.mkdir(parents=True)
    write_case(folder, CASE)
    return folder


def _import(*args: str) -> Any:
    return CliRunner().invoke(app, ["import", "spread", *args])


def _posts(tmp_path: Path, rows: list[str], name: str = "posts.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_bad_rows_are_listed_by_line_and_nothing_is_imported(tmp_path: Path) -> None:
    case = _case(tmp_path)
    data = _posts(
        tmp_path,
        [
            "p1,@a,2025-04-09T01:00:00Z,rumor,https://x.example/1,x",
            "p2,@b,yesterday,p1,,x",
            "p3,@c,2025-04-09T02:00:00Z,nowhere,,x",
            "p4,@d,2025-04-09T02:00:00Z,p1,javascript:alert(1),x",
            "p5,@e,2025-04-09T02:00,p1,,x",
            "rumor,@f,2025-04-09T02:00:00Z,p1,,x",
        ],
    )
    result = _import(str(data), "--case", str(case))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert [line.split(": ")[0] for line in lines[:4]] == [f"{data}:{n}" for n in (3, 4, 6, 7)]
    assert "not an ISO 8601 time" in lines[0] and "no post or case assertion" in lines[1]
    assert "has no zone" in lines[2] and "a case assertion's id" in lines[3]
    assert "--skip-bad" in lines[-1] and "Traceback" not in result.output
    assert not (case / "spread").exists()


def test_skip_bad_imports_the_rest_and_a_second_import_adds_nothing(tmp_path: Path) -> None:
    case = _case(tmp_path)
    rows = ["p1,@a,2025-04-09T01:00:00Z,rumor,,x", "p2,@b,nope,p1,,x", "p3,@c,2025-04-09,p1,,x"]
    data = _posts(tmp_path, [*rows, rows[0]])
    first = _import(str(data), "--case", str(case), "--skip-bad")
    assert first.exit_code == 0, first.output
    assert "imported 2 post(s)" in first.stderr and "1 bad row(s) skipped" in first.stderr
    stored = (case / "spread" / "posts.jsonl").read_bytes()
    assert [json.loads(line)["id"] for line in stored.splitlines()] == ["p3", "p1"]  # by time
    again = _import(str(data), "--case", str(case), "--skip-bad")
    assert "imported 0 post(s)" in again.stderr and "(2 already imported," in again.stderr
    assert (case / "spread" / "posts.jsonl").read_bytes() == stored


def test_a_post_repeated_with_other_data_and_a_circle_are_bad_rows(tmp_path: Path) -> None:
    case = _case(tmp_path)
    lines = [
        {"id": "p1", "author": "@a", "time": "2025-04-09T01:00:00Z", "relays": "rumor"},
        {"id": "p1", "author": "@z", "time": "2025-04-09T01:00:00Z", "relays": "rumor"},
        {"id": "c1", "author": "@a", "time": "2025-04-09T01:00:00Z", "relays": "c2"},
        {"id": "c2", "author": "@a", "time": "2025-04-09T01:00:00Z", "relays": "c1"},
        ["not", "an", "object"],
    ]
    data = tmp_path / "posts.jsonl"
    data.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = _import(str(data), "--case", str(case))
    assert result.exit_code == 2
    said = result.stderr
    assert "posts.jsonl:2: post 'p1' is already on line 1 with another author" in said
    assert "posts.jsonl:3:" in said and "posts.jsonl:4:" in said and "circle" in said
    assert "posts.jsonl:5: not a JSON object" in said


def _random_posts(rng: random.Random, n: int) -> list[dict[str, str]]:
    roots = ["rumor", "denial"]
    posts = []
    for i in range(n):
        relays = rng.choice(roots) if i < 2 or rng.random() < 0.3 else f"p{rng.randrange(i)}"
        author = rng.choice(["@fundguy", "@FUNDGUY", "fund", "@a", "@b", "@c", "@d"])
        day = 9 + rng.randrange(4)
        posts.append(
            {
                "id": f"p{i}",
                "author": author,
                "time": f"2025-04-{day:02}T{rng.randrange(24):02}:00:00Z",
                "relays": relays,
            }
        )
    return posts


def _write_jsonl(path: Path, posts: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(p) + "\n" for p in posts), encoding="utf-8")
    return path


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_spread_counts_agree_with_a_direct_count(tmp_path: Path, seed: int) -> None:
    """Posts, accounts (an actor's aliases and spellings counted as one), days and the
    reposts beneath each post, counted here by brute force from the data."""
    case = _case(tmp_path)
    posts = _random_posts(random.Random(seed), 300)
    assert (
        _import(str(_write_jsonl(tmp_path / "p.jsonl", posts)), "--case", str(case)).exit_code == 0
    )
    spread = build_document(case)["spread"]["claims"]["sold"]
    parent = {p["id"]: p["relays"] for p in posts}

    def root(post: str) -> str:
        while post in parent:
            post = parent[post]
        return post

    assert spread["posts"] == len(posts)
    assert Counter({s["name"]: s["posts"] for s in spread["statements"]}) == Counter(
        root(p["id"]) for p in posts
    )
    folded = {p["author"].lstrip("@").lower() for p in posts}
    accounts = {"fund" if f in ("fundguy", "fund", "a fund manager") else f for f in folded}
    assert spread["accounts"] == len(accounts)
    assert {d["name"]: d["posts"] for d in spread["days"]} == Counter(p["time"][:10] for p in posts)
    for top in spread["top_posts"]:
        beneath = sum(1 for p in posts if _under(p["id"], top["id"], parent))
        assert top["beneath"] == beneath


def _under(post: str, ancestor: str, parent: dict[str, str]) -> bool:
    while post in parent:
        post = parent[post]
        if post == ancestor:
            return True
    return False


def test_the_same_posts_in_any_order_give_the_same_bytes(tmp_path: Path) -> None:
    posts = _random_posts(random.Random(7), 200)
    outputs = []
    for n, order in enumerate(
        [posts, list(reversed(posts)), random.Random(3).sample(posts, len(posts))]
    ):
        case = _case(tmp_path / str(n))
        assert (
            _import(
                str(_write_jsonl(tmp_path / f"{n}.jsonl", order)), "--case", str(case)
            ).exit_code
            == 0
        )
        stored = next((case / "spread").iterdir()).read_bytes()
        trace = CliRunner().invoke(app, ["trace", "claim:sold", "--json", "--case", str(case)])
        outputs.append((stored, json.loads(trace.stdout)["views"][0]["spread"]))
    assert outputs[0] == outputs[1] == outputs[2]


def test_reposts_of_support_flag_amplification_and_reposts_of_a_doubt_do_not(
    tmp_path: Path,
) -> None:
    case = _case(tmp_path)
    denial = _posts(tmp_path, [f"d{i},@u{i},2025-04-10T0{i}:00:00Z,denial,,x" for i in range(5)])
    assert _import(str(denial), "--case", str(case)).exit_code == 0
    flags = {f["kind"] for f in build_document(case)["analysis"]["claims"]["sold"]["flags"]}
    assert "amplification" not in flags
    rumor = _posts(
        tmp_path, [f"r{i},@v{i},2025-04-09T0{i}:00:00Z,rumor,,x" for i in range(2)], "r.csv"
    )
    assert _import(str(rumor), "--case", str(case)).exit_code == 0
    doc = build_document(case)
    flag = next(
        f for f in doc["analysis"]["claims"]["sold"]["flags"] if f["kind"] == "amplification"
    )
    assert flag["text"].startswith("1 assertion and 2 reposts, 1 origin")
    assert (
        doc["analysis"]["claims"]["sold"]["status"]
        == build_document(_case(tmp_path / "x"))["analysis"]["claims"]["sold"]["status"]
    )  # reach, never an origin: the verdict is unchanged


def test_as_of_counts_only_the_posts_made_by_that_date(tmp_path: Path) -> None:
    case = _case(tmp_path)
    rows = [
        "p1,@a,2025-04-09T23:30:00Z,rumor,,x",
        "p2,@b,2025-04-10T00:30:00Z,p1,,x",
        "p3,@c,2025-04-11,p1,,x",
    ]
    assert _import(str(_posts(tmp_path, rows)), "--case", str(case)).exit_code == 0
    assert load_document(case, "2025-04-09")["spread"]["claims"]["sold"]["posts"] == 1
    assert load_document(case, "2025-04-10")["spread"]["claims"]["sold"]["posts"] == 2
    assert load_document(case)["spread"]["claims"]["sold"]["posts"] == 3


def test_an_edited_spread_file_is_never_a_stale_answer(tmp_path: Path) -> None:
    case = _case(tmp_path)
    assert (
        _import(str(_posts(tmp_path, ["p1,@a,2025-04-09,rumor,,x"])), "--case", str(case)).exit_code
        == 0
    )
    assert load_document(case)["spread"]["claims"]["sold"]["posts"] == 1
    stored = case / "spread" / "posts.jsonl"
    extra = {"id": "p2", "author": "@b", "time": "2025-04-09", "relays": "p1"}
    stored.write_text(stored.read_text() + json.dumps(extra) + "\n")
    assert load_document(case)["spread"]["claims"]["sold"]["posts"] == 2
    stored.write_text(stored.read_text() + "{broken\n")
    result = CliRunner().invoke(app, ["status", "--case", str(case)])
    assert result.exit_code == 2 and "posts.jsonl:3: not JSON" in result.stderr


def test_hostile_text_in_spread_data_stays_inert(tmp_path: Path) -> None:
    case = _case(tmp_path)
    author = "@evil\x1b[31m\u202e<script>alert(1)</script>"
    rows = [
        {
            "id": "p1",
            "author": author,
            "time": "2025-04-09",
            "relays": "rumor",
            "url": "https://x.example/1",
        },
        {"id": "p2", "author": "@b", "time": "2025-04-09", "relays": "p1"},
    ]
    assert (
        _import(str(_write_jsonl(tmp_path / "h.jsonl", rows)), "--case", str(case)).exit_code == 0
    )
    text = CliRunner().invoke(app, ["trace", "claim:sold", "--case", str(case)]).stdout
    assert "\x1b" not in text and "\u202e" not in text and "@evil" in text
    page = tmp_path / "r.html"
    done = CliRunner().invoke(app, ["report", "sold", "--case", str(case), "-o", str(page)])
    assert done.exit_code == 0, done.output
    html = page.read_text()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert 'id="spread"' in html


def test_the_diagram_counts_reposts_instead_of_drawing_them(tmp_path: Path) -> None:
    from lxml import etree

    case = _case(tmp_path)
    rows = [f"p{i},@u{i},2025-04-09,rumor,,x" for i in range(40)]
    assert _import(str(_posts(tmp_path, rows)), "--case", str(case)).exit_code == 0
    svg = tmp_path / "d.svg"
    assert (
        CliRunner().invoke(app, ["render", "sold", "--case", str(case), "-o", str(svg)]).exit_code
        == 0
    )
    tree = etree.parse(str(svg))
    texts = " ".join(t for t in tree.getroot().itertext())
    assert "40 reposts and quotes" in texts
    assert len(tree.findall(".//{http://www.w3.org/2000/svg}g[@class='node']")) < 10


def test_status_counts_reposts_per_claim(tmp_path: Path) -> None:
    case = _case(tmp_path)
    rows = [f"p{i},@u{i},2025-04-09,rumor,,x" for i in range(3)]
    assert _import(str(_posts(tmp_path, rows)), "--case", str(case)).exit_code == 0
    data = json.loads(CliRunner().invoke(app, ["status", "--json", "--case", str(case)]).stdout)
    assert {r["claim"]: r["reposts"] for r in data["claims"]} == {"sold": 3, "sold-all": 0}
    wide = CliRunner().invoke(app, ["status", "--wide", "--case", str(case)]).stdout
    assert "REPOSTS" in wide.splitlines()[0]
    assert "REPOSTS" not in CliRunner().invoke(app, ["status", "--wide"]).stdout  # no spread


def test_a_bad_link_or_a_long_text_is_dropped_from_a_post_that_still_counts(
    tmp_path: Path,
) -> None:
    case = _case(tmp_path)
    rows = [
        {
            "id": "p1",
            "author": "@a",
            "time": "2025-04-09",
            "relays": "rumor",
            "url": "javascript:x",
        },
        {"id": "p2", "author": "@b", "time": "2025-04-09", "relays": "p1", "text": "y" * 60_000},
    ]
    done = _import(str(_write_jsonl(tmp_path / "p.jsonl", rows)), "--case", str(case))
    assert done.exit_code == 0 and "imported 2 post(s)" in done.stderr
    assert "p.jsonl:1: url 'javascript:x' dropped: only http(s) links are kept" in done.stderr
    assert "p.jsonl:2: text cut to its first 50,000 characters" in done.stderr
    stored = (case / "spread" / "p.jsonl").read_text()
    assert "javascript" not in stored and len(stored) < 51_000


def test_posts_beneath_a_bad_post_say_which_post_they_relay(tmp_path: Path) -> None:
    case = _case(tmp_path)
    rows = ["x1,@a,2025-04-09,missing,,x", "x2,@b,2025-04-09,x1,,x", "x3,@c,2025-04-09,x2,,x"]
    rows += ["y1,@d,never,rumor,,x", "y2,@e,2025-04-09,y1,,x"]
    lines = _import(str(_posts(tmp_path, rows)), "--case", str(case)).stderr.splitlines()
    assert lines[0].endswith(":2: relays 'missing': no post or case assertion has that id")
    assert lines[1].endswith(":3: relays 'x1', which leads to no case assertion")
    assert lines[2].endswith(":4: relays 'x2', which leads to no case assertion")
    assert lines[4].endswith(":6: relays 'y1', a bad row (line 5)")


def test_counts_of_what_was_already_there_and_what_repeats_in_the_file(tmp_path: Path) -> None:
    case = _case(tmp_path)
    data = _posts(tmp_path, ["p1,@a,2025-04-09,rumor,,x", "p1,@a,2025-04-09,rumor,,x"])
    first = _import(str(data), "--case", str(case)).stderr
    assert "imported 1 post(s)" in first and "(1 repeated row(s) read once)" in first
    again = _import(str(data), "--case", str(case)).stderr
    assert "imported 0 post(s)" in again and "(1 already imported)" in again


def test_semicolons_tabs_twitter_times_and_an_empty_file(tmp_path: Path) -> None:
    case = _case(tmp_path)
    semi = tmp_path / "semi.csv"
    semi.write_text("id;author;time;relays\np1;@a;Wed Apr 09 02:14:33 +0000 2025;rumor\n")
    assert _import(str(semi), "--case", str(case)).exit_code == 0
    stored = json.loads((case / "spread" / "semi.jsonl").read_text())
    assert stored["time"] == "2025-04-09T02:14:33Z"
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    result = _import(str(empty), "--case", str(case))
    assert result.exit_code == 2 and "no posts: nothing imported" in result.stderr
    assert not (case / "spread" / "empty.jsonl").exists()


def test_the_spread_says_what_the_reposts_relay_by_stance(tmp_path: Path) -> None:
    case = _case(tmp_path)
    rows = [f"r{i},@u{i},2025-04-09,rumor,,x" for i in range(3)]
    rows += [f"d{i},@v{i},2025-04-10,denial,,x" for i in range(2)]
    assert _import(str(_posts(tmp_path, rows)), "--case", str(case)).exit_code == 0
    text = CliRunner().invoke(app, ["trace", "claim:sold", "--case", str(case)]).stdout
    assert "relaying what was stated (3), doubted (2)" in text
    flag = next(line for line in text.splitlines() if "amplification" in line)
    assert "3 reposts" in flag  # reposts of the doubt are not reposts of the claim


def test_an_actors_accounts_in_spread_data_show_on_its_trace(tmp_path: Path) -> None:
    case = _case(tmp_path)
    rows = ["p1,@FundGuy,2025-04-09,rumor,,x", "p2,fundguy,2025-04-09,p1,,x"]
    assert _import(str(_posts(tmp_path, rows)), "--case", str(case)).exit_code == 0
    text = CliRunner().invoke(app, ["trace", "actor:fund", "--case", str(case)]).stdout
    assert "in spread data: 2 repost(s) and quote(s) under its names" in text


def test_an_actor_known_only_as_a_spread_author_is_referred_to(tmp_path: Path) -> None:
    """An actor the case declares for accounts in its spread data (to group a bot's
    accounts) is referred to by those posts: `prov check` does not call it unused."""
    folder = tmp_path / "case"
    folder.mkdir()
    bot = {"id": "bot", "name": "Bot network", "kind": "crowd", "aliases": ["@bot_one"]}
    idle = {"id": "idle", "name": "Nobody", "kind": "person"}
    write_case(folder, {**CASE, "actors": [*CASE["actors"], bot, idle]})
    rows = ["p1,@bot_one,2025-04-09,rumor,,x"]
    assert _import(str(_posts(tmp_path, rows)), "--case", str(folder)).exit_code == 0
    unused = [
        f["subject"]
        for f in build_document(folder)["checks"]
        if "is not referred to" in f["message"]
    ]
    assert unused == ["actor:idle"]


def test_a_record_left_out_of_an_as_of_view_says_so(tmp_path: Path) -> None:
    case = _case(tmp_path)
    args = ["trace", "assertion:denial", "--as-of", "2025-04-09", "--case", str(case)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "assertion 'denial' is left out of the view as of 2025-04-09" in result.stderr


def test_a_bidi_override_in_published_text_is_shown_not_obeyed() -> None:
    from provenance.escape import dot_label, html_text

    assert "\u202e" not in html_text("@evil\u202egnp.exe") and "\\u202e" in html_text("\u202e")
    assert "\u202e" not in dot_label("\u202e") and "\u200f" in html_text("\u200f")  # a mark


def test_a_fifo_in_the_spread_folder_is_refused_without_hanging(tmp_path: Path) -> None:
    import os

    case = _case(tmp_path)
    (case / "spread").mkdir()
    os.mkfifo(case / "spread" / "pipe.jsonl")
    result = CliRunner().invoke(app, ["status", "--case", str(case)])
    assert result.exit_code == 2 and "pipe.jsonl" in result.stderr
    assert "regular file" in result.stderr


@pytest.mark.parametrize("width", [375, 1280])
def test_the_reposts_section_reads_in_a_browser(tmp_path: Path, width: int) -> None:
    """In headless Chromium the report's reposts section shows its sentences and one bar
    per day, scaled to the busiest, without scrolling the page sideways on a phone."""
    from tests.browser import open_browser, open_page, playwright_available

    if not playwright_available():
        pytest.skip("playwright or chromium is not installed (.ci/run installs both under CI)")
    case = _case(tmp_path)
    rows = [f"p{i},@u{i},2025-04-{9 + i % 3:02}T0{i % 10}:00:00Z,rumor,,x" for i in range(30)]
    assert _import(str(_posts(tmp_path, rows)), "--case", str(case)).exit_code == 0
    page_file = tmp_path / "r.html"
    done = CliRunner().invoke(app, ["report", "sold", "--case", str(case), "-o", str(page_file)])
    assert done.exit_code == 0, done.output
    requests: list[str] = []
    with open_browser() as browser:
        page = open_page(browser, page_file, width, requests)
        text = page.locator("#spread").inner_text()
        assert "30 reposts and quotes by 30 accounts" in text
        bars = page.locator("#spread .bar")
        assert bars.count() == 3
        widths = [bars.nth(i).bounding_box()["width"] for i in range(3)]  # type: ignore[index]
        assert max(widths) > 0 and min(widths) > 0
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    assert requests == []


def test_posts_dated_after_today_are_imported_with_a_warning(tmp_path: Path) -> None:
    case = _case(tmp_path)
    rows = ["p1,@a,2025-04-09,rumor,,x", "p2,@b,2999-01-01T00:00:00Z,p1,,x"]
    done = _import(str(_posts(tmp_path, rows)), "--case", str(case))
    assert done.exit_code == 0 and "imported 2 post(s)" in done.stderr
    assert "warning: 1 post(s) dated after today" in done.stderr and "(p2)" in done.stderr


def test_a_spread_file_changed_during_an_import_is_not_overwritten(tmp_path: Path) -> None:
    from provenance.errors import ProvenanceError
    from provenance.imports.spread import import_spread, write_import

    case = _case(tmp_path)
    assert (
        _import(str(_posts(tmp_path, ["p1,@a,2025-04-09,rumor,,x"])), "--case", str(case)).exit_code
        == 0
    )
    more = _posts(tmp_path, ["p1,@a,2025-04-09,rumor,,x", "p2,@b,2025-04-10,p1,,x"])
    done = import_spread(more, case)
    stored = case / "spread" / "posts.jsonl"
    stored.write_text(
        stored.read_text() + '{"id":"p9","author":"@z","time":"2025-04-09","relays":"rumor"}\n'
    )
    with pytest.raises(ProvenanceError, match="changed while importing"):
        write_import(done)
    assert "p9" in stored.read_text() and "p2" not in stored.read_text()
    again = import_spread(more, case)  # read anew: the other change is kept, p2 added
    write_import(again)
    assert [json.loads(line)["id"] for line in stored.read_text().splitlines()] == [
        "p1",
        "p9",
        "p2",
    ]
