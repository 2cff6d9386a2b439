from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from provenance.casefile import read_case, read_raw
from provenance.errors import CaseError
from tests.conftest import CASES, SEED, write_case

BAD = sorted((CASES / "bad").glob("*.yaml"))


def expected_problem(path: Path) -> str:
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("# expect: "), f"{path} needs an '# expect: LINE: message' header"
    return f"tests/cases/bad/{path.name}:{header.removeprefix('# expect: ')}"


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_each_malformed_case_gives_exactly_its_one_problem(path: Path) -> None:
    with pytest.raises(CaseError) as info:
        read_case(path)
    assert [str(p) for p in info.value.problems] == [expected_problem(path)]


def test_the_minimal_case_is_valid() -> None:
    loaded = read_case(CASES / "minimal.yaml")
    assert [a.id for a in loaded.case.assertions] == ["a1"]


def test_the_seed_case_is_valid_and_complete() -> None:
    case = read_case(SEED).case
    actors = {a.id for a in case.actors}
    assert {
        "gasparino",
        "hakimian",
        "jp-netizens",
        "norinchukin",
        "ikeda",
        "kubota",
        "kato",
        "smith",
        "koll",
        "bessent",
        "akazawa",
        "onodera",
        "guancha",
    } <= actors
    assert len(case.assertions) >= 40


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    path = write_case(
        tmp_path,
        {
            "actors": [{"id": "x", "name": "X", "kind": "persn"}],
            "sources": [{"id": "s", "title": "S", "kind": "article"}],
            "claims": [{"id": "c", "text": "C"}],
            "assertions": [
                {"id": "a", "actor": "y", "claim": "c", "source": "s", "stance": "states"}
            ],
        },
    )
    with pytest.raises(CaseError) as info:
        read_case(path)
    messages = [p.message for p in info.value.problems]
    assert len(messages) == 2
    assert any("unknown actor 'y'" in m for m in messages)
    assert any("'persn' is not one of" in m for m in messages)


def test_a_list_where_one_id_is_wanted_says_so(tmp_path: Path) -> None:
    path = write_case(
        tmp_path,
        {
            "actors": [{"id": "x", "name": "X", "kind": "person"}],
            "sources": [{"id": "s", "title": "S", "kind": "article", "author": ["x"]}],
            "claims": [{"id": "c", "text": "C"}],
            "assertions": [],
        },
    )
    with pytest.raises(CaseError) as info:
        read_case(path)
    [problem] = info.value.problems
    assert problem.message == (
        "source 's': author: must be one text value (an id, a name), not list"
    )
    assert problem.line > 0


def test_a_folder_of_case_files_is_merged(tmp_path: Path) -> None:
    write_case(
        tmp_path,
        {
            "title": "Split",
            "actors": [{"id": "x", "name": "X", "kind": "person"}],
            "sources": [{"id": "s", "title": "S", "kind": "article"}],
        },
        "a.yaml",
    )
    (tmp_path / "b.json").write_text(
        json.dumps(
            {
                "claims": [{"id": "c", "text": "C"}],
                "assertions": [
                    {"id": "a", "actor": "x", "claim": "c", "source": "s", "stance": "states"}
                ],
            }
        ),
        encoding="utf-8",
    )
    loaded = read_case(tmp_path)
    assert loaded.case.title == "Split"
    assert [a.actor for a in loaded.case.assertions] == ["x"]


def test_a_title_set_twice_in_a_folder_names_both_places(tmp_path: Path) -> None:
    write_case(tmp_path, {"title": "One"}, "a.yaml")
    write_case(tmp_path, {"title": "Two"}, "b.yaml")
    with pytest.raises(CaseError) as info:
        read_case(tmp_path)
    assert info.value.problems[0].message.startswith("'title' is already set in ")


def test_plain_yaml_scalars_stay_strings(tmp_path: Path) -> None:
    # YAML 1.1 would read `no` as False and 2025-04-09 as a date; a claim id 'no' must survive.
    path = write_case(tmp_path, {"claims": [{"id": "c", "text": "x"}]})
    path.write_text("claims:\n  - id: 'no'\n    text: no\n    tags: [2025-04-09]\n")
    claim = read_case(path).case.claims[0]
    assert (claim.text, claim.tags) == ("no", ["2025-04-09"])


def test_a_missing_path_is_one_clear_problem(tmp_path: Path) -> None:
    with pytest.raises(CaseError) as info:
        read_case(tmp_path / "nope.yaml")
    assert "no such file or folder" in str(info.value)


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CaseError) as info:
        read_case(tmp_path)
    assert "folder holds no case file" in str(info.value)


def test_an_alias_bomb_is_refused_not_expanded(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for name, prev in zip("bcdefg", "abcdef", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(CaseError) as info:
        read_case(path)
    assert "values once its aliases (*name) are filled in" in str(info.value)


def test_an_impossible_archive_path_is_one_problem(tmp_path: Path) -> None:
    path = write_case(
        tmp_path, {"sources": [{"id": "s", "title": "S", "kind": "article", "archive": "a" * 300}]}
    )
    with pytest.raises(CaseError) as info:
        read_case(path)
    assert [p.message for p in info.value.problems] == [
        f"source 's': archive '{'a' * 300}' is not a usable path (OSError): fix it"
    ]


# --- references of issue 13's fields: rewrites, revision_of, attribution challenges ---


def _derivation_case(folder: Path, **extra: object) -> Path:
    sources = [
        {"id": "wire", "title": "Wire story", "kind": "article"},
        {"id": "copy", "title": "Rewrite", "kind": "article", "rewrites": ["wire"]},
        {"id": "wiki-v1", "title": "Wiki page", "kind": "other"},
        {"id": "wiki-v2", "title": "Wiki page, later", "kind": "other", "revision_of": "wiki-v1"},
    ]
    assertions = [
        {"id": "said", "actor": "x", "claim": "c", "source": "wire", "stance": "states"},
        {"id": "denial", "actor": "x", "claim": "c", "source": "copy", "stance": "denies"},
    ]
    data: dict[str, object] = {
        "actors": [{"id": "x", "name": "X", "kind": "person"}],
        "sources": sources,
        "claims": [{"id": "c", "text": "C"}],
        "assertions": assertions,
    }
    for key, value in extra.items():
        section, index, fld = key.split("__")
        records = data[section]
        assert isinstance(records, list)
        records[int(index)][fld] = value
    return write_case(folder, data)


def test_rewrites_revisions_and_challenges_that_resolve_are_accepted(tmp_path: Path) -> None:
    challenge = {"challenge": "disputed", "assertions": ["denial"], "sources": ["wiki-v2"]}
    case = read_case(_derivation_case(tmp_path, assertions__0__attribution=challenge)).case
    by_id = {s.id: s for s in case.sources}
    assert by_id["copy"].rewrites == ["wire"]
    assert by_id["wiki-v2"].revision_of == "wiki-v1"
    assert case.assertions[1].attribution is not None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"sources__1__rewrites": ["wir"]}, "source 'copy': unknown source 'wir'"),
        ({"sources__3__revision_of": "wiki-v3"}, "source 'wiki-v2': unknown source 'wiki-v3'"),
        ({"sources__1__rewrites": ["copy"]}, "source 'copy': rewrites names itself"),
        (
            {"assertions__0__attribution": {"challenge": "refuted", "assertions": ["denail"]}},
            "assertion 'said': unknown assertion 'denail' (did you mean 'denial'?)",
        ),
        (
            {"assertions__0__attribution": {"challenge": "refuted", "assertions": ["said"]}},
            "assertion 'said': attribution.assertions names itself",
        ),
        (
            {"assertions__0__attribution": {"challenge": "refuted", "sources": ["wki-v1"]}},
            "assertion 'said': unknown source 'wki-v1' (did you mean 'wiki-v1'?)",
        ),
        (
            {"sources__0__rewrites": ["copy"]},
            "source 'copy': rewrites loops back to itself through wire",
        ),
        (
            {"sources__2__revision_of": "wiki-v2"},
            "source 'wiki-v1': revision_of loops back to itself through wiki-v2",
        ),
    ],
)
def test_bad_derivation_and_challenge_references_are_one_problem_each(
    tmp_path: Path, extra: dict[str, object], message: str
) -> None:
    with pytest.raises(CaseError) as info:
        read_case(_derivation_case(tmp_path, **extra))
    assert len(info.value.problems) == 1
    assert info.value.problems[0].message.startswith(message)


def test_a_challenge_reference_error_names_the_line_of_the_bad_id(tmp_path: Path) -> None:
    challenge = {"challenge": "refuted", "sources": ["wire", "nowhere"]}
    path = _derivation_case(tmp_path, assertions__1__attribution=challenge)
    with pytest.raises(CaseError) as info:
        read_case(path)
    [problem] = info.value.problems
    line = path.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert line.strip() == "- nowhere"


@pytest.mark.parametrize(
    "text",
    [
        "[" * 400 + "]" * 400,
        "".join(" " * i + "k:\n" for i in range(400)) + " " * 400 + "v\n",
        "{a: " * 30_000 + "1" + "}" * 30_000,  # crashed the C loader (SIGSEGV)
        "[" * 30_000 + "]" * 30_000,
    ],
    ids=["list-400", "mapping-400", "flow-mapping-30000", "list-30000"],
)
def test_deep_nesting_is_one_problem_before_the_loader_recurses(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text)
    with pytest.raises(CaseError) as info:
        read_case(path)
    (problem,) = info.value.problems
    assert "nested deeper than 100 levels (limit MAX_DEPTH)" in problem.message
    assert problem.line >= 1


def test_a_large_case_without_aliases_is_not_an_alias_bomb(tmp_path: Path) -> None:
    # 1.1 million values: more than the old "alias bomb" counter allowed.
    path = tmp_path / "big.yaml"
    path.write_text("title: Big\nnotes: [" + ", ".join(["x"] * 1_100_000) + "]\n")
    raw = read_raw(path)
    assert len(raw.data["notes"]) == 1_100_000


def test_aliases_that_reuse_a_value_a_few_times_are_fine(tmp_path: Path) -> None:
    path = write_case(tmp_path, {})
    text = (CASES / "minimal.yaml").read_text().replace("cites: [fox]", "cites: &c [fox]")
    path.write_text(text.replace("claims:\n", "claims:\n  - id: c2\n    text: T\n    tags: *c\n"))
    assert read_case(path).case.claims[0].tags == ["fox"]


def _one_line(info: pytest.ExceptionInfo[CaseError]) -> str:
    (problem,) = info.value.problems
    text = str(problem)
    assert "\n" not in text and "Traceback" not in text
    return text


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: Path("/dev/null"), "/dev/null: is a character device, not a case file"),
        (lambda d: (os.mkfifo(d / "pipe.yaml"), d / "pipe.yaml")[1], "is a named pipe (FIFO)"),
        (lambda d: d / ("x" * 300 + ".yaml"), "cannot open: File name too long"),
        (
            lambda d: ((d / "loop").symlink_to(d / "loop"), d / "loop")[1],
            "cannot open: Too many levels of symbolic links",
        ),
        (
            lambda d: (d / "b.yaml").write_bytes(b"title: caf\xe9\n") and d / "b.yaml",
            ":1: not UTF-8",
        ),
        (
            lambda d: (d / "c.yaml").write_bytes(b"title: ok\n\n\xff\n") and d / "c.yaml",
            "c.yaml:3: not UTF-8 text (invalid start byte at byte 11): save the file as UTF-8",
        ),
    ],
    ids=["dev-null", "fifo", "name-too-long", "symlink-loop", "latin-1", "bad-byte-line"],
)
def test_an_unusable_case_path_is_one_line(tmp_path: Path, make: Any, expected: str) -> None:
    with pytest.raises(CaseError) as info:
        read_case(make(tmp_path))
    assert expected in _one_line(info)


def test_unreadable_files_and_folders_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root here, so permissions are simulated where the code asks the OS.
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    folder = tmp_path / "closed"
    folder.mkdir()
    write_case(folder, {"title": "T"})
    monkeypatch.setattr(Path, "iterdir", refuse)
    with pytest.raises(CaseError) as info:
        read_case(folder)
    assert "closed: cannot list the folder: Permission denied" in _one_line(info)
    monkeypatch.undo()
    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(CaseError) as info:
        read_case(folder / "case.yaml")
    assert "case.yaml: cannot read: Permission denied" in _one_line(info)


def test_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (CASES / "minimal.yaml").read_bytes())
    assert read_case(path).case.title == "Minimal case"


def test_an_archive_symlink_loop_is_one_problem(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    path = write_case(
        tmp_path,
        {"sources": [{"id": "s", "title": "S", "kind": "article", "archive": "loop.txt"}]},
    )
    with pytest.raises(CaseError) as info:
        read_case(path)
    assert "source 's': archive 'loop.txt'" in _one_line(info)


def test_a_zero_figure_does_not_divide_by_zero(tmp_path: Path) -> None:
    from provenance.checks import run_checks

    claims = [
        {
            "id": f"c{v}",
            "text": f"holds {v}",
            "quantity": {"subject": "x", "value": v, "unit": "usd"},
        }
        for v in (0, 5)
    ]
    loaded = read_case(write_case(tmp_path, {"claims": claims}))
    (finding,) = [f for f in run_checks(loaded, {}) if f["kind"] == "figure"]
    assert 0.9 <= finding["evidence"]["gap"] <= 1.0


def test_a_figure_that_is_not_a_finite_number_is_one_line_with_its_place(tmp_path: Path) -> None:
    """`value: inf` reads as infinity (as `nan` reads as NaN); no figure is either, and no
    JSON writer could write it: refused at the value's line, exit 2, no traceback."""
    from typer.testing import CliRunner

    from provenance.cli import app

    case = tmp_path / "case.yaml"
    case.write_text(
        "title: T\n"
        "claims:\n"
        "  - id: c\n"
        "    text: Holdings fell\n"
        "    quantity: {subject: holdings, value: inf, unit: USD}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["status", "--case", str(case)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{case}:5: claim 'c': quantity.value: Input should be a finite number"
    ]
