"""The CLI in-process: exit codes and exact lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from tests.conftest import CASES

runner = CliRunner()
SEED_NOTE = (
    "prov: reading the seed case seeds/treasuries-2025 (use --case or PROV_CASE for another)\n"
)


def test_trace_reads_the_seed_case_by_default_and_says_so() -> None:
    result = runner.invoke(app, ["trace", "norinchukin"])
    assert result.exit_code == 0
    assert result.stderr == SEED_NOTE
    assert "CLAIM norinchukin-sold: Norinchukin Bank sold US Treasuries" in result.stdout
    assert "status: UNCONFIRMED" in result.stdout


def test_trace_json_is_machine_readable_and_deterministic() -> None:
    first = runner.invoke(app, ["trace", "kato", "--json"])
    second = runner.invoke(app, ["trace", "kato", "--json"])
    assert first.exit_code == 0
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert [v["kind"] for v in data["views"]][-1] == "actor"


def test_case_option_and_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    result = runner.invoke(app, ["status", "--case", str(CASES / "minimal.yaml")])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.startswith("CLAIM ")
    monkeypatch.setenv("PROV_CASE", str(CASES / "minimal.yaml"))
    via_env = runner.invoke(app, ["status"])
    assert via_env.stdout == result.stdout


def test_a_bad_case_file_gives_file_line_messages_and_exit_2() -> None:
    result = runner.invoke(app, ["status", "--case", "tests/cases/bad/unknown_actor.yaml"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "tests/cases/bad/unknown_actor.yaml:25: assertion 'a1': unknown "
        "actor 'gasparno' (did you mean 'gasparino'?)\n"
    )


def test_a_missing_case_path_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["trace", "x", "--case", "no/such/case.yaml"])
    assert result.exit_code == 2
    assert result.stderr == (
        "no/such/case.yaml: no such file or folder: give a case file or a "
        "folder of them with --case or PROV_CASE\n"
    )


def test_an_unknown_term_suggests_and_exits_2() -> None:
    result = runner.invoke(app, ["trace", "norinchukn"])
    assert result.exit_code == 2
    assert result.stderr == SEED_NOTE + (
        "prov: nothing matches 'norinchukn' (did you mean "
        "'norinchukin'?); 'prov status' lists every claim\n"
    )


def test_a_misspelt_option_is_one_line_and_exit_2() -> None:
    result = runner.invoke(app, ["trace", "kato", "--jsn"])
    assert result.exit_code == 2
    assert result.stderr == (
        "prov trace: No such option: --jsn (Possible options: --json) (see 'prov trace --help')\n"
    )


def test_an_unknown_command_is_one_line_and_exit_2() -> None:
    result = runner.invoke(app, ["trase", "kato"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "No such command 'trase'" in result.stderr


def test_status_lists_every_claim() -> None:
    result = runner.invoke(app, ["status"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["CLAIM", "STATUS", "GRADE"]
    row = next(line for line in lines if line.startswith("norinchukin-sold "))
    assert row.split()[1:3] == ["unconfirmed", "4"]


def test_status_json_has_one_row_per_claim() -> None:
    data = json.loads(runner.invoke(app, ["status", "--json"]).stdout)
    assert {r["claim"]: r["status"] for r in data["claims"]}["treasuries-a-card"] == "confirmed"
    assert data["overrides"] == []


def test_explain_shows_every_rule_tried() -> None:
    result = runner.invoke(app, ["explain", "japan-sold"])
    assert result.exit_code == 0
    assert "FIRED some-support:" in result.stdout
    assert "  -   authoritative-confirmation: 0 independent origin(s)" in result.stdout


def test_explain_lists_a_superseded_origin_as_said_without_words(tmp_path: Path) -> None:
    """An origin a later denial superseded is still listed under "was it said?", and an
    origin the case gives no words for says "no quote" (it read "verbatim")."""
    from tests.conftest import write_case

    (tmp_path / "d.txt").write_text("It did not happen.\n", encoding="utf-8")
    path = write_case(
        tmp_path,
        {
            "actors": [
                {"id": "x", "name": "X", "kind": "outlet"},
                {"id": "y", "name": "Y", "kind": "person"},
            ],
            "sources": [
                {"id": "s", "title": "S", "kind": "article", "date": "2025-03-01"},
                {"id": "d", "title": "D", "kind": "statement", "archive": "d.txt"},
            ],
            "claims": [{"id": "c", "text": "C"}],
            "assertions": [
                {"id": "a1", "actor": "x", "claim": "c", "source": "s", "stance": "states"},
                {
                    "id": "no",
                    "actor": "y",
                    "claim": "c",
                    "source": "d",
                    "stance": "denies",
                    "basis": "first_hand",
                    "date": "2025-03-05",
                    "quote": "It did not happen.",
                },
            ],
        },
    )
    out = runner.invoke(app, ["explain", "c", "--case", str(path), "--no-pager"]).stdout
    flat = " ".join(out.split())
    assert "a1 by x (states, unstated, unsourced; no quote" in flat
    assert "a1 by x (states; no quote): unverifiable" in flat


def test_explain_marks_an_assertion_without_words_as_no_quote(tmp_path: Path) -> None:
    from tests.conftest import write_case

    said = {"claim": "c", "source": "s", "stance": "states", "actor": "x"}
    path = write_case(
        tmp_path,
        {
            "actors": [{"id": "x", "name": "X", "kind": "outlet"}],
            "sources": [{"id": "s", "title": "S", "kind": "article"}],
            "claims": [{"id": "c", "text": "C"}],
            "assertions": [
                {"id": "a1", **said, "quote": "it happened", "quote_mode": "paraphrase"},
                {"id": "a2", **said},
            ],
        },
    )
    result = runner.invoke(app, ["explain", "c", "--case", str(path), "--no-pager"])
    assert "a1 by x (states; paraphrase)" in result.stdout
    assert "a2 by x (states; no quote)" in result.stdout  # not "verbatim": no words given
    # Why it is not established, and what would establish it, on the same line.
    said_line = " ".join(result.stdout.split("was it said?")[1].split("reasons:")[0].split())
    assert (
        "a2 by x (states; no quote): unverifiable, not established: we hold no copy of S"
        " and no report of it (its archived text or a capture would put it on record)"
    ) in said_line
    origins = result.stdout.split("origins (")[1]
    assert origins.index("a1 by x") < origins.index(
        "a2 by x (states, unstated, unsourced; no quote"
    )
    data = json.loads(runner.invoke(app, ["explain", "c", "--case", str(path), "--json"]).stdout)
    assert [(a["assertion"], a["quoted"]) for a in data["assertions"]] == [
        ("a1", True),
        ("a2", False),
    ]


def test_explain_unknown_claim_suggests() -> None:
    result = runner.invoke(app, ["explain", "japn-sold"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "prov: nothing matches 'japn-sold' (did you mean "
        "'japan-sold'?); 'prov status' lists every claim\n"
    )
    by_id = runner.invoke(app, ["explain", "claim:japan-sol"])
    assert by_id.stderr.endswith(
        "prov: no claim with id 'japan-sol' (did you mean "
        "'japan-sold'?); 'prov status' lists every claim\n"
    )


def test_schema_is_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "prov case file"
    assert "assertions" in schema["properties"]


def test_status_ends_with_case_flags_and_overridden_thresholds(tmp_path: Path) -> None:
    from tests.conftest import write_case

    path = write_case(
        tmp_path,
        {
            "rules": {"corroborated_min_origins": 3},
            "actors": [
                {"id": "x", "name": "X", "kind": "outlet"},
                {"id": "y", "name": "Y", "kind": "outlet"},
            ],
            "sources": [
                {"id": "s1", "title": "S1", "kind": "article", "cites": ["s2"]},
                {"id": "s2", "title": "S2", "kind": "article", "cites": ["s1"]},
            ],
            "claims": [{"id": "c", "text": "C"}],
            "assertions": [
                {"id": "a1", "actor": "x", "claim": "c", "source": "s1", "stance": "states"},
                {"id": "a2", "actor": "y", "claim": "c", "source": "s2", "stance": "states"},
            ],
        },
    )
    result = runner.invoke(app, ["status", "--case", str(path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-4:] == [
        "1 claim: 1 unconfirmed",
        "! circular-citation: sources cite each other in a circle: s1, s2",
        "! circular-relay: assertions relay each other in a circle: a1, a2",
        "this case overrides the default thresholds: corroborated_min_origins=3",
    ]
    explained = runner.invoke(app, ["explain", "c", "--case", str(path)])
    assert "this case overrides: corroborated_min_origins" in explained.stdout


def test_an_empty_case_works_in_every_command(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("title: Nothing yet\n")
    status = runner.invoke(app, ["status", "--case", str(empty)])
    assert status.exit_code == 0
    assert status.stdout.splitlines()[-1] == "0 claims"
    assert runner.invoke(app, ["check", str(empty)]).exit_code == 0
    assert (
        runner.invoke(
            app, ["render", "--all", "--case", str(empty), "--format", "dot", "-o", "-"]
        ).exit_code
        == 0
    )
    assert runner.invoke(app, ["export", "-f", "prov-json", "--case", str(empty)]).exit_code == 0
    missing = runner.invoke(app, ["trace", "anything", "--case", str(empty)])
    assert (missing.exit_code, missing.stderr) == (
        2,
        "prov: nothing matches 'anything'; 'prov status' lists every claim\n",
    )


def test_every_command_has_help_with_an_example() -> None:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert {"trace", "status", "explain", "check", "render", "export", "import", "schema"} <= set(
        names
    )
    for name in names:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example: prov " in result.stdout, name


@pytest.mark.parametrize(
    ("command", "shared"),
    [
        (["trace", "kato"], ["--case", "--json"]),
        (["status"], ["--case", "--json"]),
        (["explain", "japan-sold"], ["--case", "--json"]),
        (["check"], ["--case", "--json"]),
        (["render", "kato"], ["--case"]),
        (["export", "-f", "json"], ["--case"]),
    ],
)
def test_commands_reading_a_case_share_the_case_options(
    command: list[str], shared: list[str]
) -> None:
    help_text = runner.invoke(app, [command[0], "--help"]).stdout
    for option in shared:
        assert option in help_text
    assert ("--json" in help_text) == ("--json" in shared)
    # commands printing text for a person share --no-color and --no-pager
    assert ("--no-color" in help_text) == ("--json" in shared)
    assert ("--no-pager" in help_text) == ("--json" in shared)
    # --case is read from PROV_CASE by every one of them.
    missing = runner.invoke(app, command, env={"PROV_CASE": "no/such/case.yaml"})
    assert missing.exit_code == 2
    assert missing.stderr.startswith("no/such/case.yaml: no such file or folder")


def test_the_module_runs_as_a_script() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "provenance.cli", "status", "--case", str(CASES / "minimal.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("CLAIM ")


def test_the_readme_documents_every_exit_code() -> None:
    from provenance.cli_common import EXIT_CODES
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = [line for line in readme.splitlines() if line.startswith("| ") and "|" in line[2:]]
    documented = {line.split("|")[1].strip() for line in table}
    assert {str(code) for code in EXIT_CODES} <= documented


def test_every_command_keeps_exit_code_2_for_input_errors(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    for args in (
        ["trace", "x", "--case", missing],
        ["status", "--case", missing],
        ["explain", "x", "--case", missing],
        ["check", missing],
        ["render", "x", "--case", missing, "-o", "-"],
        ["export", "-f", "json", "--case", missing],
        ["import", "prov-json", missing],
        ["status", "--no-such-option"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert result.stderr.count("\n") == 1, args


def test_a_view_does_not_import_the_publishing_commands_and_help_lists_them() -> None:
    """The console script adds render, report, export and import only when the command
    line may need them: a view starts without importing them; `prov -h` lists them."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    probe = (
        "import sys\nfrom provenance.cli import main\nsys.argv = ['prov', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('IMPORTED' if 'provenance.cli_publish' in sys.modules else 'NOT IMPORTED')"
    )
    run = [sys.executable, "-c", probe]
    view = subprocess.run([*run, "status"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert view.stdout.rstrip().endswith("NOT IMPORTED")
    helped = subprocess.run([*run, "-h"], capture_output=True, text=True, cwd=ROOT, check=False)
    lines = helped.stdout.split("Commands:")[1].splitlines()
    listed = [line.split()[0] for line in lines if line.startswith("  ") and line.strip()]
    assert listed[:9] == [
        "trace",
        "status",
        "explain",
        "check",
        "render",
        "report",
        "export",
        "import",
        "schema",
    ]
