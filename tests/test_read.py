"""Reading case files (provenance/read/): JSON with a JSON decoder and its errors at the
line of the value; the same problems as YAML for the same mistakes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from provenance.casefile import read_case, read_raw
from provenance.errors import CaseError
from tests.conftest import CASES
from tests.test_casefile import BAD, expected_problem


def test_json_cases_are_read_as_json(tmp_path: Path) -> None:
    # The YAML parser refused both a surrogate-pair escape and a raw C1 character (U+0085).
    data = read_raw(CASES / "minimal.yaml").data
    data["title"] = "\U0001f600 and \x85 and \u2028 too"
    path = tmp_path / "case.json"
    text = json.dumps(data)
    assert "\\ud83d\\ude00" in text
    path.write_text(text.replace("\\u0085", "\x85"), encoding="utf-8")
    assert read_case(path).case.title == "\U0001f600 and \x85 and \u2028 too"


JSON_BAD = [
    p
    for p in BAD
    if p.stem
    not in {
        # What only YAML can get wrong: aliases, documents, its own syntax.
        "billion_laughs",
        "recursive_alias",
        "two_documents",
        "yaml_syntax",
        "duplicate_key",
        "empty",
        "too_deep",
        "not_mapping",  # a YAML list: the same message for a JSON list is tested below
    }
]


@pytest.mark.parametrize("path", JSON_BAD, ids=[p.stem for p in JSON_BAD])
def test_a_malformed_json_case_gives_the_same_problem_at_its_line(
    tmp_path: Path, path: Path
) -> None:
    """Each malformed YAML case, saved as indented JSON: the same message, on a line of
    the JSON holding the value the YAML line holds."""
    expected = expected_problem(path)
    yaml_line = int(expected.split(":")[1])
    target = tmp_path / f"{path.stem}.json"
    target.write_text(json.dumps(read_raw(path).data, indent=2, ensure_ascii=False))
    with pytest.raises(CaseError) as info:
        read_case(target)
    [problem] = info.value.problems
    # The same message, the files it names (a duplicate's first place) aside.
    files = re.compile(rf"({re.escape(problem.file)}|tests/cases/bad/{path.stem}\.yaml):\d+")
    assert files.sub("FILE:N", str(problem)) == files.sub("FILE:N", expected)
    # The line named holds a word of the YAML line, or of the YAML line above it (a
    # mapping's line in YAML is its first key's; in JSON the key's that opens it).
    yaml_lines = path.read_text(encoding="utf-8").splitlines()
    words = set(re.findall(r"[\w.-]+", " ".join(yaml_lines[yaml_line - 2 : yaml_line])))
    json_line = target.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert words & set(re.findall(r"[\w.-]+", json_line)), (yaml_lines[yaml_line - 1], json_line)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('{\n  "title": "T",\n  "actors": [\n    {"id": "a",}\n  ]\n}', 4, "not valid JSON"),
        ('{\n  "title": "T",\n  "n": NaN\n}', 3, "NaN is not a JSON number"),
        ('{\n  "title": "T",\n  "x": "\\ud83d alone"\n}', 3, "lone UTF-16 surrogate"),
        ('{\n  "claims": [\n    {"id": "c",\n     "id": "d"}\n  ]\n}', 4, "duplicate key 'id'"),
        ('{"title": "T",\n "x": ' + "[" * 150 + "]" * 150 + "}", 2, "nested deeper than 100"),
        ('{"title": "T",\n "x": ' + "[" * 50_000 + "]" * 50_000 + "}", 2, "nested deeper"),
        ('["a", "list"]', 1, "a case file must be a mapping"),
        (" \n ", 1, "file is empty"),
        ('{"title": ' + "9" * 5000 + "}", 0, "not valid JSON"),
    ],
    ids=["syntax", "nan", "surrogate", "duplicate", "deep", "very-deep", "list", "blank", "bigint"],
)
def test_json_that_cannot_be_a_case_is_one_problem_at_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseError) as info:
        read_case(path)
    [problem] = info.value.problems
    assert message in str(problem) and "\n" not in str(problem)
    assert info.value.problems[0].line == line


def test_json_errors_name_the_line_of_the_field(tmp_path: Path) -> None:
    data = read_raw(CASES / "minimal.yaml").data
    data["assertions"][0]["stance"] = "sayz"
    data["assertions"][0]["actor"] = "nobody"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, indent=1))
    with pytest.raises(CaseError) as info:
        read_case(path)
    lines = path.read_text().splitlines()
    found = {p.message.split(":")[1].strip(): lines[p.line - 1] for p in info.value.problems}
    assert set(found) == {"unknown actor 'nobody'", "stance"}
    assert '"actor": "nobody"' in found["unknown actor 'nobody'"]
    assert '"stance": "sayz"' in found["stance"]
