"""The seed case's outputs, recorded: every machine-readable view and export.

A change to the engine, a view or a writer that alters any of these shows up here as a
diff. After an intended change, rewrite them with
`PROV_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden_seed.py` and review
the diff like any other.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from tests.conftest import SEED

GOLDEN = Path(__file__).resolve().parent / "golden" / "seed"
EXPORTS = ("prov-json", "prov-n", "prov-o", "prov-xml", "claimreview", "graphml", "gexf", "json")


def _claims() -> list[str]:
    import yaml

    data = yaml.safe_load((SEED / "case.yaml").read_text(encoding="utf-8"))
    return sorted(c["id"] for c in data["claims"])


def _commands() -> dict[str, list[str]]:
    commands = {
        "status.json": ["status", "--json"],
        "check.json": ["check", "--json"],
    }
    for claim in _claims():
        commands[f"trace-{claim}.json"] = ["trace", f"claim:{claim}", "--json"]
        commands[f"explain-{claim}.json"] = ["explain", claim, "--json"]
    for fmt in EXPORTS:
        commands[f"export.{fmt}"] = ["export", "--format", fmt]
    commands["export.claimreview"] += ["--url", "https://desk.example/treasuries"]
    return commands


@pytest.mark.parametrize("name", sorted(_commands()))
def test_seed_output_is_unchanged(name: str) -> None:
    args = _commands()[name]
    result = CliRunner().invoke(app, [*args, "--case", str(SEED)])
    assert result.exit_code in (0, 1), result.output
    path = GOLDEN / name
    if os.environ.get("PROV_UPDATE_GOLDEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with PROV_UPDATE_GOLDEN=1"
    assert result.stdout == path.read_text(encoding="utf-8")


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON (jq and JSON.parse refuse it)")


@pytest.mark.parametrize(
    "name", sorted(n for n in _commands() if n.endswith(("json", "claimreview")))
)
def test_json_outputs_are_strict_json(name: str) -> None:
    """Python's json reads NaN and Infinity; JSON has neither (an open-ended figure such
    as "over 1 trillion" once gave a range ending in Infinity)."""
    text = (GOLDEN / name).read_text(encoding="utf-8")
    json.loads(text, parse_constant=_no_constant)
