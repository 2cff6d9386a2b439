"""Validating case files: the pipeline's second step, after `provenance.read`.

`validate` turns the plain data of parsed files (`RawFile`, with the line of every value)
into a `Case`, collecting every problem (shape, unknown references, duplicate ids,
loops, unusable archive paths) as `file:line: message` before raising one `CaseError`.
`read_case` is both steps for a case file or a folder of them.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union, cast

from pydantic import BaseModel, ValidationError

from provenance.errors import CaseError, Problem
from provenance.model import PATTERN_MEANING, Actor, Assertion, Case, Claim, Source
from provenance.paths import case_files, inside_folder
from provenance.read.rawfile import RawFile, read_raw
from provenance.references import (
    SINGULAR,
    check_claim_relations,
    check_references,
    check_source_relations,
)
from provenance.suggest import hint

SECTIONS: dict[str, type[BaseModel]] = {
    "actors": Actor,
    "sources": Source,
    "claims": Claim,
    "assertions": Assertion,
}
__all__ = ["LoadedCase", "Locator", "RawFile", "archive_path", "read_case", "read_raw", "validate"]


@dataclass
class Locator:
    """Where each record of a merged case came from, for error messages and `prov check`."""

    files: list[RawFile]
    origins: dict[tuple[str, str], tuple[RawFile, int]] = field(default_factory=dict)

    def where(self, section: str, record_id: str, *fields: str | int) -> tuple[str, int]:
        """Return (file label, line) of a record, or of one of its fields."""
        found = self.origins.get((section, record_id))
        if found is None:
            first = self.files[0] if self.files else None
            return (first.label if first else "", 0)
        raw, index = found
        return raw.label, raw.line((section, index, *fields))


@dataclass
class LoadedCase:
    """A validated case with where it came from."""

    case: Case
    root: Path
    files: list[Path]
    locator: Locator


def merge(raws: list[RawFile]) -> tuple[dict[str, Any], Locator, list[Problem]]:
    """Return the files' data merged into one case, where each record came from, and
    the conflicts found (one title per case, one id per record)."""
    merged: dict[str, Any] = {}
    locator = Locator(files=raws)
    problems: list[Problem] = []
    set_by: dict[str, RawFile] = {}
    for raw in raws:
        for key, value in raw.data.items():
            if key in SECTIONS and isinstance(value, list):
                merged.setdefault(key, [])
                for index, record in enumerate(value):
                    merged[key].append(record)
                    _remember(locator, raw, key, index, record, problems)
            elif key in merged and merged[key] != value:
                first = set_by[key]
                problems.append(
                    Problem(
                        raw.label,
                        raw.line((key,)),
                        f"'{key}' is already set in {first.label}:"
                        f"{first.line((key,))}: set it in one file only",
                    )
                )
            else:
                merged[key] = value
                set_by[key] = raw
    return merged, locator, problems


def _remember(
    locator: Locator, raw: RawFile, section: str, index: int, record: Any, problems: list[Problem]
) -> None:
    record_id = record.get("id") if isinstance(record, dict) else None
    if not isinstance(record_id, str):
        return
    key = (section, record_id)
    if key in locator.origins:
        first, first_index = locator.origins[key]
        problems.append(
            Problem(
                raw.label,
                raw.line((section, index, "id")),
                f"{SINGULAR[section]} '{record_id}': duplicate id (first defined at "
                f"{first.label}:{first.line((section, first_index, 'id'))}): give each a unique id",
            )
        )
        return
    locator.origins[key] = (raw, index)


def _merged_index_origins(raws: list[RawFile]) -> dict[tuple[str, int], tuple[RawFile, int]]:
    out: dict[tuple[str, int], tuple[RawFile, int]] = {}
    counters: dict[str, int] = {}
    for raw in raws:
        for key, value in raw.data.items():
            if key in SECTIONS and isinstance(value, list):
                for index in range(len(value)):
                    out[(key, counters.get(key, 0))] = (raw, index)
                    counters[key] = counters.get(key, 0) + 1
    return out


def _unwrap(annotation: Any) -> Any:
    """Return the model class inside Optional[...] / list[...] annotations, if any."""
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            inner = _unwrap(arg)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return annotation


def _model_at(loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    model: Any = Case
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        info = model.model_fields.get(part)
        if info is None:
            return None
        model = _unwrap(info.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _error_text(error: Any, field_loc: tuple[str | int, ...]) -> str:
    kind = error["type"]
    loc = error["loc"]
    name = str(loc[-1]) if loc else "case"
    field_path = ".".join(str(p) for p in field_loc if not isinstance(p, int)) or name
    value = error.get("input")
    if kind == "extra_forbidden":
        model = _model_at(loc[:-1])
        fields = list(model.model_fields) if model else []
        return f"unknown field '{name}'{hint(name, fields)}"
    if kind == "missing":
        return f"missing field '{name}'"
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]
        choices = [c for c in choices if c]
        listed = ", ".join(choices)
        return f"{field_path}: '{value}' is not one of: {listed}{hint(str(value), choices)}"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        meaning = PATTERN_MEANING.get(pattern, f"of the form {pattern}")
        return f"{field_path}: '{value}' is not {meaning}"
    if kind == "value_error":
        # A record's own validator (loc ends at its index) speaks for the whole record.
        text = error["msg"].removeprefix("Value error, ")
        return text if not any(isinstance(p, str) for p in field_loc) else f"{field_path}: {text}"
    if kind == "string_type":
        return f"{field_path}: must be one text value (an id, a name), not {type(value).__name__}"
    if kind in ("list_type", "dict_type", "model_type"):
        wanted = {"list_type": "a list", "dict_type": "a mapping", "model_type": "a mapping"}[kind]
        return f"{field_path}: must be {wanted}, not {type(value).__name__}"
    return f"{field_path}: {error['msg']}"


def _validation_problems(exc: ValidationError, raws: list[RawFile]) -> list[Problem]:
    index_origins = _merged_index_origins(raws)
    problems = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        raw, prefix, rest = raws[0], cast(tuple[str | int, ...], ()), loc
        if len(loc) >= 2 and loc[0] in SECTIONS and isinstance(loc[1], int):
            raw, index = index_origins[(str(loc[0]), loc[1])]
            prefix, rest = (loc[0], index), loc[2:]
        line = raw.line((*prefix, *rest)) if prefix else _top_line(raws, loc)
        subject = ""
        if prefix:
            index = int(prefix[1])
            record = raw.data[str(loc[0])][index]
            rid = record.get("id") if isinstance(record, dict) else None
            section = SINGULAR[str(loc[0])]
            subject = (
                f"{section} '{rid}': " if isinstance(rid, str) else f"{section} #{index + 1}: "
            )
        label = raw.label if prefix else _top_label(raws, loc)
        problems.append(Problem(label, line, subject + _error_text(error, rest if prefix else loc)))
    return problems


def _top_owner(raws: list[RawFile], loc: tuple[Any, ...]) -> RawFile:
    for raw in raws:
        if loc and loc[0] in raw.data:
            return raw
    return raws[0]


def _top_line(raws: list[RawFile], loc: tuple[Any, ...]) -> int:
    return _top_owner(raws, loc).line(loc)


def _top_label(raws: list[RawFile], loc: tuple[Any, ...]) -> str:
    return _top_owner(raws, loc).label


def check_archives(case: Case, locator: Locator, root: Path) -> list[Problem]:
    """Return a problem for every archived-text path that is missing or outside the case."""
    problems = []
    for source in case.sources:
        if source.archive is None:
            continue
        label, line = locator.where("sources", source.id, "archive")
        problem = archive_problem(root, source.archive)
        if problem:
            problems.append(Problem(label, line, f"source '{source.id}': {problem}"))
    return problems


def archive_path(root: Path, archive: str) -> Path:
    """Return the absolute path of an archived text named relative to the case folder."""
    return (root / archive).resolve()


def archive_problem(root: Path, archive: str) -> str | None:
    """Return why an archived-text path is unusable, or None when it is fine."""
    try:
        if not inside_folder(root, archive):
            return f"archive '{archive}' is outside the case folder: copy the text into it"
        if not archive_path(root, archive).is_file():
            return f"archive '{archive}' does not exist: fix the path (relative to the case file)"
    except (OSError, ValueError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        return f"archive '{archive}' is not a usable path ({exc.__class__.__name__}): fix it"
    return None


def validate(raws: list[RawFile], root: Path) -> LoadedCase:
    """Return the validated case built from parsed files; raise CaseError listing every problem."""
    merged, locator, problems = merge(raws)
    problems += check_references(raws) + check_claim_relations(raws)
    problems += check_source_relations(raws)
    try:
        case = Case.model_validate(merged)
    except ValidationError as exc:
        raise CaseError(sorted(set(problems + _validation_problems(exc, raws)))) from exc
    problems += check_archives(case, locator, root)
    if problems:
        raise CaseError(sorted(set(problems)))
    return LoadedCase(case=case, root=root, files=[r.path for r in raws], locator=locator)


def read_case(path: Path, contents: dict[Path, bytes] | None = None) -> LoadedCase:
    """Return the case at `path` (a file or a folder of files), validated; raise CaseError.
    `contents` holds the bytes of the case files (`case_files(path)`) when the caller has
    read them already, so that what is validated is exactly what it hashed."""
    raws: list[RawFile] = []
    problems: list[Problem] = []
    for file in case_files(path) if contents is None else list(contents):
        try:
            raws.append(read_raw(file, None if contents is None else contents[file]))
        except CaseError as exc:
            problems += exc.problems
    if problems:
        raise CaseError(problems)
    root = path if path.is_dir() else path.parent
    return validate(raws, root)
