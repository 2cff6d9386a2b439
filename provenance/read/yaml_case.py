"""Parsing a YAML case file into plain data with the line of every value.

Depth and alias expansion are measured on the parser's event stream (`check_events`)
before the composer, which recurses once per level, ever sees the file. Every plain
scalar stays a string (so 'no' is not False and 2025-04-09 is not a date); pydantic
converts where a field wants a number or a boolean.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from provenance.errors import CaseError, Problem
from provenance.read.limits import ALIAS_GROWTH, MAX_DEPTH, MAX_EXPANDED_VALUES, too_deep

Path_ = tuple[str | int, ...]
_ALIAS_LOOP = (
    "a YAML alias (*name) refers to a value that contains it, or expands without end: "
    "write the value out instead"
)


def _scalar(node: Any) -> Any:
    if node.tag == "tag:yaml.org,2002:null" and node.style is None:
        return None
    return node.value


class _Walk:
    """Turns a composed YAML node tree into plain data, recording the line of every value
    and refusing aliases that contain themselves. Depth and expanded size were checked by
    `check_events` before the tree was composed."""

    def __init__(self, label: str, problems: list[Problem]) -> None:
        self.label = label
        self.lines: dict[Path_, int] = {}
        self.problems = problems
        self.open: set[int] = set()

    def __call__(self, node: Any, path: Path_) -> Any:
        import yaml

        line = node.start_mark.line + 1
        if id(node) in self.open:
            raise CaseError([Problem(self.label, line, _ALIAS_LOOP)])
        self.lines[path] = line
        if isinstance(node, yaml.MappingNode):
            self.open.add(id(node))
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(_scalar(key_node))
                if key in out:
                    where = key_node.start_mark.line + 1
                    self.problems.append(Problem(self.label, where, f"duplicate key '{key}'"))
                out[key] = self(value_node, (*path, key))
            self.open.discard(id(node))
            return out
        if isinstance(node, yaml.SequenceNode):
            self.open.add(id(node))
            items = [self(item, (*path, i)) for i, item in enumerate(node.value)]
            self.open.discard(id(node))
            return items
        return _scalar(node)


def _too_large(total: int, line: int, label: str) -> CaseError:
    return CaseError(
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
                raise CaseError([Problem(label, event.start_mark.line + 1, too_deep())])
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
            raise _too_large(total, event.start_mark.line + 1, label)


def _compose(text: str, label: str) -> list[Any]:
    """Return the composed documents of `text`, limits checked first; raise CaseError."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        check_events(yaml.parse(text, Loader=loader), label)
        return [n for n in yaml.compose_all(text, Loader=loader) if n is not None]
    except yaml.MarkedYAMLError as exc:
        # The context mark is where the broken construct starts (an unclosed quote), which
        # is where the user has to look; the problem mark is where the parser gave up.
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark else 0
        if "maximum nesting depth" in (exc.problem or ""):  # PyYAML 6.0.4's own limit,
            raise CaseError([Problem(label, line, too_deep())]) from exc  # met first
        what = exc.problem or "cannot parse"
        if exc.context:
            what += f" ({exc.context})"
        raise CaseError([Problem(label, line, f"not valid YAML/JSON: {what}")]) from exc
    except yaml.YAMLError as exc:
        raise CaseError([Problem(label, 0, f"not valid YAML/JSON: {exc}")]) from exc


def parse_yaml(text: str, label: str) -> tuple[Any, dict[Path_, int]]:
    """Return the one document of a YAML case file as plain data, and the 1-based line of
    every value by path (`("claims", 0, "text")`); raise CaseError. An empty file gives
    None."""
    nodes = _compose(text, label)
    if len(nodes) > 1:
        line = nodes[1].start_mark.line + 1
        what = "one case per file: remove the second '---' document or move it to its own file"
        raise CaseError([Problem(label, line, what)])
    if not nodes:
        return None, {}
    problems: list[Problem] = []
    walk = _Walk(label, problems)
    data = walk(nodes[0], ())
    if problems:
        raise CaseError(problems)
    return data, walk.lines
