"""Reading case files: YAML or JSON, one file or a folder, with line numbers for every error.

The pipeline's first two steps live here: `read_raw` parses files into plain data while
remembering the line of every value, and `validate` turns that data into a `Case`,
collecting every problem (shape, unknown references, duplicate ids) as
`file:line: message` before raising one `CaseError`.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union, cast

from pydantic import BaseModel, ValidationError

from provenance.errors import CaseError, Problem
from provenance.model import PATTERN_MEANING, Actor, Assertion, Case, Claim, Source
from provenance.paths import case_files, display_path, read_regular
from provenance.suggest import hint

SECTIONS: dict[str, type[BaseModel]] = {
    "actors": Actor,
    "sources": Source,
    "claims": Claim,
    "assertions": Assertion,
}
SINGULAR = {"actors": "actor", "sources": "source", "claims": "claim", "assertions": "assertion"}
Path_ = tuple[str | int, ...]


@dataclass
class RawFile:
    """One parsed case file: its data and the 1-based line of every value, by path."""

    path: Path
    label: str
    data: dict[str, Any]
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int:
        """Return the line of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


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


def _scalar(node: Any) -> Any:
    # Every plain scalar stays a string (so 'no' is not False and 2025-04-09 is not a
    # date object); pydantic converts where a field wants a number or a boolean.
    if node.tag == "tag:yaml.org,2002:null" and node.style is None:
        return None
    return node.value


MAX_CASE_BYTES = 512_000_000
"""Largest case file read (bytes). The seed case is 30 kB; a 51 MB case reads in seconds."""
MAX_DEPTH = 100
"""Deepest nesting of mappings and lists in a case file. A case needs 5 levels; the YAML
composer recurses once per level (a RecursionError near 1,000, a crash inside the C
loader near 30,000), so depth is counted on the parser's event stream first."""
MAX_EXPANDED_VALUES = 20_000_000
"""Most values a case file may hold once every alias (*name) is expanded. Without aliases
this is the number of values written (a 51 MB case holds ~4 million); a billion-laughs
file of nested aliases is refused by arithmetic on the events, before expanding."""
ALIAS_GROWTH = 100
"""Aliases may multiply the values written by at most this factor (plus 100,000): a real
case reuses a few values; a file whose aliases fan out beyond this is an alias bomb."""
_ALIAS_LOOP = (
    "a YAML alias (*name) refers to a value that contains it, or expands without end: "
    "write the value out instead"
)


class _Walk:
    """Turns a composed YAML node tree into plain data, recording the line of every value
    and refusing aliases that contain themselves. Depth and expanded size were checked by
    `check_events` before the tree was composed."""

    def __init__(self, raw: RawFile, problems: list[Problem]) -> None:
        self.raw = raw
        self.problems = problems
        self.open: set[int] = set()

    def __call__(self, node: Any, path: Path_) -> Any:
        import yaml

        line = node.start_mark.line + 1
        if id(node) in self.open:
            raise CaseError([Problem(self.raw.label, line, _ALIAS_LOOP)])
        self.raw.lines[path] = line
        if isinstance(node, yaml.MappingNode):
            self.open.add(id(node))
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(_scalar(key_node))
                if key in out:
                    self.problems.append(
                        Problem(
                            self.raw.label, key_node.start_mark.line + 1, f"duplicate key '{key}'"
                        )
                    )
                out[key] = self(value_node, (*path, key))
            self.open.discard(id(node))
            return out
        if isinstance(node, yaml.SequenceNode):
            self.open.add(id(node))
            items = [self(item, (*path, i)) for i, item in enumerate(node.value)]
            self.open.discard(id(node))
            return items
        return _scalar(node)


def check_events(events: Iterable[Any], label: str) -> None:
    """Raise CaseError when the YAML event stream nests deeper than MAX_DEPTH or expands,
    alias by alias, to more than MAX_EXPANDED_VALUES values. Linear in the events: the
    size of each anchored value is remembered, and an alias adds it without expanding."""
    import yaml

    sizes: dict[str, int | None] = {}  # anchor -> expanded size; None while still open
    opened: dict[str, int] = {}  # anchor -> line where its value starts
    stack: list[list[Any]] = []  # per open collection: [expanded size so far, anchor]
    total = 0
    for written, event in enumerate(events, 1):
        kind = type(event)
        if kind is yaml.ScalarEvent or kind is yaml.AliasEvent:
            size = 1
            if kind is yaml.AliasEvent:
                found = sizes.get(event.anchor, 1)  # an unknown one is the composer's to report
                if found is None:
                    raise CaseError([Problem(label, opened[event.anchor], _ALIAS_LOOP)])
                size = found
            elif event.anchor:
                sizes[event.anchor] = 1
            total += size
            if stack:
                stack[-1][0] += size
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if len(stack) >= MAX_DEPTH:
                what = f"nested deeper than {MAX_DEPTH} levels (limit MAX_DEPTH)"
                line = event.start_mark.line + 1
                raise CaseError([Problem(label, line, f"{what}: a case needs about 5; flatten it")])
            if event.anchor:
                sizes[event.anchor] = None
                opened[event.anchor] = event.start_mark.line + 1
            stack.append([1, event.anchor])
            total += 1
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            size, anchor = stack.pop()
            if anchor:
                sizes[anchor] = size
            if stack:
                stack[-1][0] += size
        if total > min(MAX_EXPANDED_VALUES, ALIAS_GROWTH * written + 100_000):
            line = event.start_mark.line + 1
            raise CaseError(
                [
                    Problem(
                        label,
                        line,
                        f"expands to {total:,}+ values once its aliases (*name) are filled "
                        f"in (limits: {MAX_EXPANDED_VALUES:,} values, aliases multiplying "
                        f"the file by {ALIAS_GROWTH}): write the values out instead, or "
                        "split the case",
                    )
                ]
            )


def _read_text(path: Path, label: str) -> str:
    try:
        data = read_regular(path, MAX_CASE_BYTES)
    except OSError as exc:
        raise CaseError([Problem(label, 0, f"cannot read: {exc.strerror}")]) from exc
    except ValueError as exc:
        raise CaseError([Problem(label, 0, f"{exc}: give a case file")]) from exc
    try:
        return data.decode("utf-8-sig")  # a byte-order mark is dropped, not an error
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        what = f"not UTF-8 text ({exc.reason} at byte {exc.start})"
        raise CaseError([Problem(label, line, f"{what}: save the file as UTF-8")]) from exc


def read_raw(path: Path) -> RawFile:
    """Return one case file parsed into plain data with line numbers; raise CaseError."""
    import yaml

    label = display_path(path)
    text = _read_text(path, label)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        check_events(yaml.parse(text, Loader=loader), label)
        nodes = list(yaml.compose_all(text, Loader=loader))
    except yaml.MarkedYAMLError as exc:
        # The context mark is where the broken construct starts (an unclosed quote), which
        # is where the user has to look; the problem mark is where the parser gave up.
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark else 0
        what = exc.problem or "cannot parse"
        if exc.context:
            what += f" ({exc.context})"
        raise CaseError([Problem(label, line, f"not valid YAML/JSON: {what}")]) from exc
    except yaml.YAMLError as exc:
        raise CaseError([Problem(label, 0, f"not valid YAML/JSON: {exc}")]) from exc
    nodes = [n for n in nodes if n is not None]
    if len(nodes) > 1:
        line = nodes[1].start_mark.line + 1
        raise CaseError(
            [
                Problem(
                    label,
                    line,
                    "one case per file: remove the second '---' "
                    "document or move it to its own file",
                )
            ]
        )
    raw = RawFile(path=path, label=label, data={})
    if not nodes:
        raise CaseError(
            [
                Problem(
                    label, 1, "file is empty: a case needs actors, sources, claims and assertions"
                )
            ]
        )
    problems: list[Problem] = []
    data = _Walk(raw, problems)(nodes[0], ())
    if not isinstance(data, dict):
        problems.append(
            Problem(
                label,
                1,
                "a case file must be a mapping with keys title, "
                "actors, sources, claims, assertions",
            )
        )
    if problems:
        raise CaseError(problems)
    raw.data = data
    return raw


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


_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "actors": (("affiliation", "actors"),),
    "sources": (
        ("publisher", "actors"),
        ("author", "actors"),
        ("cites", "sources"),
        ("rewrites", "sources"),
        ("revision_of", "sources"),
    ),
    "claims": (
        ("more_specific_than", "claims"),
        ("contradicts", "claims"),
        ("context_for", "claims"),
        ("context_against", "claims"),
        ("said_by", "actors"),
    ),
    "assertions": (
        ("actor", "actors"),
        ("claim", "claims"),
        ("source", "sources"),
        ("read_in", "sources"),
        ("via", "assertions"),
        ("attribution.assertions", "assertions"),
        ("attribution.sources", "sources"),
    ),
}


def _field(record: dict[str, Any], dotted: str) -> tuple[Any, Path_]:
    """Return the value at a dotted field path of a raw record ("attribution.sources") and
    that path as a tuple, or None when a level is missing or not a mapping."""
    value: Any = record
    parts = tuple(dotted.split("."))
    for part in parts:
        value = value.get(part) if isinstance(value, dict) else None
    return value, parts


def _records(raws: list[RawFile], section: str) -> Iterator[tuple[RawFile, int, dict[str, Any]]]:
    for raw in raws:
        records = raw.data.get(section)
        if isinstance(records, list):
            for index, record in enumerate(records):
                if isinstance(record, dict):
                    yield raw, index, record


def check_references(raws: list[RawFile]) -> list[Problem]:
    """Return a problem for every reference to an id that does not exist and every record
    that names itself. Works on the raw data, so it reports alongside shape errors."""
    ids = {
        section: {r["id"] for _, _, r in _records(raws, section) if isinstance(r.get("id"), str)}
        for section in SECTIONS
    }
    problems = []
    for section, fields in _REFERENCES.items():
        for raw, index, record in _records(raws, section):
            rid = record.get("id")
            subject = (
                f"{SINGULAR[section]} '{rid}'"
                if isinstance(rid, str)
                else f"{SINGULAR[section]} #{index + 1}"
            )
            for fld, target_section in fields:
                value, parts = _field(record, fld)
                targets = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
                for position, target in targets:
                    if not isinstance(target, str):
                        continue
                    where = (
                        (section, index, *parts)
                        if position is None
                        else (section, index, *parts, position)
                    )
                    line = raw.line(where)
                    if target not in ids[target_section]:
                        what = SINGULAR[target_section]
                        problems.append(
                            Problem(
                                raw.label,
                                line,
                                f"{subject}: unknown {what} "
                                f"'{target}'{hint(target, ids[target_section])}",
                            )
                        )
                    elif section == target_section and target == rid:
                        problems.append(Problem(raw.label, line, f"{subject}: {fld} names itself"))
    return problems


def check_claim_relations(raws: list[RawFile]) -> list[Problem]:
    """Return a problem for every loop of `more_specific_than` and every claim that
    contradicts a more general or more specific version of itself."""
    general: dict[str, list[str]] = {}
    where: dict[str, tuple[RawFile, int, dict[str, Any]]] = {}
    for raw, index, record in _records(raws, "claims"):
        rid = record.get("id")
        if isinstance(rid, str):
            parents = record.get("more_specific_than")
            general[rid] = (
                [p for p in parents if isinstance(p, str)] if isinstance(parents, list) else []
            )
            where.setdefault(rid, (raw, index, record))

    def ancestors(claim: str) -> set[str]:
        seen: set[str] = set()
        stack = list(general.get(claim, []))
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(general.get(current, []))
        return seen

    problems = []
    for rid, (raw, index, record) in sorted(where.items()):
        above = ancestors(rid)
        loop = sorted({rid} | {a for a in above if rid in ancestors(a)})
        # One line per loop, on its first claim; a claim naming itself is reported already.
        if rid in above and rid not in general[rid] and rid == loop[0]:
            problems.append(
                Problem(
                    raw.label,
                    raw.line(("claims", index, "more_specific_than")),
                    f"claim '{rid}': more_specific_than loops back to itself "
                    f"through {', '.join(loop[1:])}: remove one link",
                )
            )
        others = record.get("contradicts")
        for position, other in enumerate(others if isinstance(others, list) else []):
            if isinstance(other, str) and (other in above or rid in ancestors(other)):
                problems.append(
                    Problem(
                        raw.label,
                        raw.line(("claims", index, "contradicts", position)),
                        f"claim '{rid}': contradicts '{other}', a more general or more specific "
                        "version of itself: remove one of the two relations",
                    )
                )
    return problems


def _reach(links: dict[str, list[str]], start: str) -> set[str]:
    """Return every id reachable from `start` along `links` (not `start` itself unless
    a loop leads back to it)."""
    seen: set[str] = set()
    stack = list(links.get(start, []))
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(links.get(current, []))
    return seen


def check_source_relations(raws: list[RawFile]) -> list[Problem]:
    """Return a problem for every loop of `rewrites` or of `revision_of` between sources
    (a text cannot derive from a text that derives from it); one line per loop."""
    problems = []
    for fld, fix in (
        ("rewrites", "a rewrite cannot be the original of its original: remove one link"),
        ("revision_of", "a revision cannot precede itself: remove one link"),
    ):
        links: dict[str, list[str]] = {}
        where: dict[str, tuple[RawFile, int]] = {}
        for raw, index, record in _records(raws, "sources"):
            rid, value = record.get("id"), record.get(fld)
            if isinstance(rid, str):
                values = value if isinstance(value, list) else [value]
                links[rid] = [v for v in values if isinstance(v, str) and v != rid]
                where.setdefault(rid, (raw, index))
        for rid, (raw, index) in sorted(where.items()):
            loop = sorted({rid} | {o for o in _reach(links, rid) if rid in _reach(links, o)})
            if len(loop) > 1 and rid == loop[0]:
                problems.append(
                    Problem(
                        raw.label,
                        raw.line(("sources", index, fld)),
                        f"source '{rid}': {fld} loops back to itself through "
                        f"{', '.join(loop[1:])}: {fix}",
                    )
                )
    return problems


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
        target = archive_path(root, archive)
        if not target.is_relative_to(root.resolve()):
            return f"archive '{archive}' is outside the case folder: copy the text into it"
        if not target.is_file():
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


def read_case(path: Path) -> LoadedCase:
    """Return the case at `path` (a file or a folder of files), validated; raise CaseError."""
    files = case_files(path)
    raws: list[RawFile] = []
    problems: list[Problem] = []
    for file in files:
        try:
            raws.append(read_raw(file))
        except CaseError as exc:
            problems += exc.problems
    if problems:
        raise CaseError(problems)
    root = path if path.is_dir() else path.parent
    return validate(raws, root)
