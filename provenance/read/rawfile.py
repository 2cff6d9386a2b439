"""One case file read into plain data with line numbers: `read_raw` and `RawFile`.

A `.json` file is read with the JSON decoder, anything else with the YAML parser (JSON
saved as .yaml still reads, as YAML). Both give the same plain data (mappings, lists,
scalars) and a mapping from each value's path to its line, for error messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provenance.errors import CaseError, Problem
from provenance.paths import display_path
from provenance.read.files import decode_case, read_case_bytes

Path_ = tuple[str | int, ...]


@dataclass
class RawFile:
    """One parsed case file: its data and the 1-based line of every value, by path."""

    path: Path
    label: str
    data: dict[str, Any]
    lines: Mapping[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int:
        """Return the line of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def parse(text: str, label: str, as_json: bool) -> tuple[Any, Mapping[Path_, int]]:
    """Return a case file's text parsed (JSON or YAML) and the lines of its values."""
    if as_json:
        from provenance.read.json_case import parse_json

        return parse_json(text, label)
    from provenance.read.yaml_case import parse_yaml

    return parse_yaml(text, label)


def read_raw(path: Path, data: bytes | None = None) -> RawFile:
    """Return one case file parsed into plain data with line numbers; raise CaseError.
    `data` is the file's bytes when the caller has read them already (to hash them)."""
    label = display_path(path)
    if data is None:
        data = read_case_bytes(path, label)
    parsed, lines = parse(decode_case(data, label), label, path.suffix == ".json")
    if parsed is None:
        what = "file is empty: a case needs actors, sources, claims and assertions"
        raise CaseError([Problem(label, 1, what)])
    if not isinstance(parsed, dict):
        what = "a case file must be a mapping with keys title, actors, sources, claims, assertions"
        raise CaseError([Problem(label, 1, what)])
    return RawFile(path=path, label=label, data=parsed, lines=lines)
