"""Shared fixtures: the seed case, small cases written on the fly, and an isolated cache."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from provenance.cli import with_publishing
from provenance.document import Document, build_document

# The tests drive `prov` through its app with every command on it, as `prov -h` shows it
# (the console script adds the publishing commands only when a command line needs them).
with_publishing()

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "treasuries-2025"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(autouse=True)
def _isolated(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Every test gets its own cache folder, no PROV_CASE, and runs from the repo root
    (error messages name files relative to the working directory); the objects a
    command froze out of the collector's reach (cli_common.read_document) are handed
    back to it, as the end of a `prov` process would."""
    monkeypatch.setenv("PROV_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("PROV_CASE", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.chdir(ROOT)
    yield
    gc.unfreeze()


@pytest.fixture(scope="session")
def seed_doc() -> Document:
    """The analysed seed case, built once for the session."""
    return build_document(SEED)


def write_case(folder: Path, data: dict[str, Any], name: str = "case.yaml") -> Path:
    """Write `data` as a YAML case file in `folder` and return its path."""
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def case_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path
