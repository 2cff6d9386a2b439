"""The analysed-case cache: used when every input is unchanged, rebuilt when any changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from provenance import document
from provenance.document import load_document
from tests.conftest import CASES


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    folder.mkdir()
    shutil.copy(CASES / "minimal.yaml", folder / "case.yaml")
    return folder


def count_builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    real = document.build_document

    def counting(path: Path) -> document.Document:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(document, "build_document", counting)
    return calls


def test_a_second_load_comes_from_the_cache(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_builds(monkeypatch)
    first = load_document(case)
    second = load_document(case)
    assert first == second
    assert len(calls) == 1


def test_editing_the_case_rebuilds(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_builds(monkeypatch)
    load_document(case)
    path = case / "case.yaml"
    path.write_text(path.read_text().replace("Minimal case", "Edited case"))
    assert load_document(case)["case"]["title"] == "Edited case"
    assert len(calls) == 2


def test_a_new_case_file_in_the_folder_rebuilds(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_builds(monkeypatch)
    load_document(case)
    (case / "more.yaml").write_text("claims:\n  - id: extra\n    text: Extra claim\n")
    assert "extra" in load_document(case)["analysis"]["claims"]
    assert len(calls) == 2


def test_a_corrupt_cache_is_rebuilt_not_trusted(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_document(case)
    cache_dir = Path(document.cache_dir() or tmp_path)
    for file in cache_dir.glob("*.json"):
        file.write_text("{not json")
    assert load_document(case)["case"]["title"] == "Minimal case"
    assert all(
        json.loads(f.read_text())["format"] == "prov-analysed-case"
        for f in cache_dir.glob("*.json")
    )


def test_caching_can_be_switched_off(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROV_CACHE_DIR", "")
    calls = count_builds(monkeypatch)
    load_document(case)
    load_document(case)
    assert len(calls) == 2
