"""Parsing a YAML case file into plain data with the line of every value.

One pass over the parser's event stream (`_Build`) measures depth and alias expansion
and builds the data with its lines: there is no composed node tree (the composer
recursed once per level and cost three quarters of the read; see benchmarks/read.py).
Every plain scalar stays a string (so 'no' is not False and 2025-04-09 is not a date);
pydantic converts where a field wants a number or a boolean.
"""

from __future__ import annotations

from typing import Any

from provenance.errors import CaseError, Problem
from provenance.read.limits import ALIAS_GROWTH, MAX_DEPTH, MAX_EXPANDED_VALUES, too_deep

Path_ = tuple[str | int, ...]
_ALIAS_LOOP = (
    "a YAML alias (*name) refers to a value that contains it, or expands without end: "
    "write the value out instead"
)
_NULL = "tag:yaml.org,2002:null"


class _Open:
    """A mapping or list whose end event has not come yet."""

    __slots__ = ("anchor", "key", "mark", "path", "recorded", "size", "value")

    def __init__(self, value: Any, path: Path_ | None, anchor: str | None, mark: Any) -> None:
        self.value = value
        self.path = path  # None inside a mapping key: no lines recorded there
        self.anchor = anchor
        self.mark = mark
        self.key: str | None = None  # a mapping's key waiting for its value
        self.size = 1  # values once aliases are expanded
        self.recorded = 0  # where its lines start in _Build.recorded, when anchored


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


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


class _Build:
    """Builds plain data and the line of every value from YAML events, refusing files that
    nest deeper than MAX_DEPTH or expand, alias by alias, beyond MAX_EXPANDED_VALUES. The
    expanded size of each anchored value is remembered, so the check is linear in the
    events; an alias is copied only once the limit allows it."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.lines: dict[Path_, int] = {}
        self.problems: list[Problem] = []
        self.documents: list[tuple[Any, int]] = []  # (root value, its line)
        self.stack: list[_Open] = []
        self.sizes: dict[str, int | None] = {}  # anchor -> expanded size; None while open
        self.opened: dict[str, int] = {}  # anchor -> line where its value starts
        self.document_anchors: dict[str, Any] = {}  # anchor -> its mark, in this document
        self.anchored: dict[str, tuple[Any, list[tuple[Path_, int]]]] = {}
        self.recorded: list[tuple[Path_, int]] = []  # lines, while an anchored value is open
        self.anchors_open = 0
        self.composer_error: Exception | None = None
        self.total = 0

    def _path(self) -> Path_ | None:
        """The path of the value that starts now."""
        if not self.stack:
            return () if not self.documents else None
        parent = self.stack[-1]
        if parent.path is None:
            return None
        if isinstance(parent.value, list):
            return (*parent.path, len(parent.value))
        return None if parent.key is None else (*parent.path, parent.key)

    def _line(self, path: Path_ | None, line: int) -> None:
        """Record the line of the value at `path` (none inside a mapping key)."""
        if path is not None:
            self.lines[path] = line
            if self.anchors_open:
                self.recorded.append((path, line))

    def _place(self, value: Any, size: int, mark: Any) -> None:
        """Put a finished value into the open collection (or make it the document)."""
        if not self.stack:
            self.documents.append((value, mark.line + 1))
            return
        parent = self.stack[-1]
        parent.size += size
        if isinstance(parent.value, list):
            parent.value.append(value)
        elif parent.key is None:
            key = str(value)
            if key in parent.value and parent.path is not None:
                self.problems.append(Problem(self.label, mark.line + 1, f"duplicate key '{key}'"))
            parent.key = key
        else:
            parent.value[parent.key] = value
            parent.key = None

    def scalar(self, event: Any) -> None:
        """A scalar: a string (None only for a null the pure-Python parser marks plain)."""
        value = event.value
        if event.style is None and (event.tag == _NULL or event.tag in (None, "!")):
            import yaml

            tag = event.tag
            if tag != _NULL:
                resolver = yaml.resolver.Resolver()
                tag = resolver.resolve(yaml.ScalarNode, value, event.implicit)  # type: ignore[no-untyped-call]
            value = None if tag == _NULL else value
        line = event.start_mark.line + 1
        if event.anchor:
            self._anchor(event.anchor, event.start_mark)
            self.sizes[event.anchor] = 1
            self.anchored[event.anchor] = (value, [((), line)])
        self._line(self._path(), line)
        self.total += 1
        self._place(value, 1, event.start_mark)

    def alias(self, event: Any, written: int) -> None:
        """An alias (*name): a copy of its anchored value, with the lines of its parts."""
        anchor = event.anchor
        if anchor not in self.document_anchors:
            import yaml

            error = yaml.composer.ComposerError(
                None, None, "found undefined alias", event.start_mark
            )
            self.composer_error = self.composer_error or error
            self.total += 1
            self._place(None, 1, event.start_mark)
            return
        size = self.sizes.get(anchor, 1)
        if size is None:
            raise CaseError([Problem(self.label, self.opened[anchor], _ALIAS_LOOP)])
        self.limit(size, written, event.start_mark)
        self.total += size
        value, lines = self.anchored[anchor]
        path = self._path()
        if path is not None:
            for sub, line in lines:
                self._line((*path, *sub), line)
        self._place(_copy(value), size, event.start_mark)

    def _anchor(self, anchor: str, mark: Any) -> None:
        """Register an anchor of this document; a second one of a name is the composer's
        error, reported (as it would be) once the whole file has passed the limits."""
        if anchor in self.document_anchors and self.composer_error is None:
            import yaml

            self.composer_error = yaml.composer.ComposerError(
                "found duplicate anchor; first occurrence",
                self.document_anchors[anchor],
                "second occurrence",
                mark,
            )
        self.document_anchors[anchor] = mark
        self.opened[anchor] = mark.line + 1

    def start(self, event: Any, value: dict[str, Any] | list[Any]) -> None:
        """A mapping or list opens; refuse it beyond MAX_DEPTH."""
        if len(self.stack) >= MAX_DEPTH:
            raise CaseError([Problem(self.label, event.start_mark.line + 1, too_deep())])
        path = self._path()
        opened = _Open(value, path, event.anchor, event.start_mark)
        if event.anchor:
            self._anchor(event.anchor, event.start_mark)
            self.sizes[event.anchor] = None
            self.anchors_open += 1
            opened.recorded = len(self.recorded)
        self._line(path, event.start_mark.line + 1)
        self.total += 1
        self.stack.append(opened)

    def end(self) -> None:
        """The open mapping or list is complete: remember it if anchored, then place it."""
        done = self.stack.pop()
        if done.anchor:
            self.sizes[done.anchor] = done.size
            start = len(done.path) if done.path is not None else 0
            lines = [(p[start:], n) for p, n in self.recorded[done.recorded :]]
            if done.path is None:
                lines = [((), done.mark.line + 1)]
            self.anchored[done.anchor] = (done.value, lines)
            self.anchors_open -= 1
            if not self.anchors_open:
                self.recorded.clear()
        self._place(done.value, done.size, done.mark)

    def limit(self, size: int, written: int, mark: Any) -> None:
        """Raise CaseError when `size` more values pass MAX_EXPANDED_VALUES or ALIAS_GROWTH."""
        total = self.total + size
        if total > min(MAX_EXPANDED_VALUES, ALIAS_GROWTH * written + 100_000):
            raise _too_large(total, mark.line + 1, self.label)


def _build(text: str, label: str) -> _Build:
    """Return the file's documents built from its events, limits checked on the way."""
    import yaml

    build = _Build(label)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    mapping, sequence = yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends, document = (yaml.MappingEndEvent, yaml.SequenceEndEvent), yaml.DocumentStartEvent
    for written, event in enumerate(yaml.parse(text, Loader=loader), 1):
        kind = type(event)
        if kind is scalar:
            build.scalar(event)
        elif kind is mapping:
            build.start(event, {})
        elif kind is sequence:
            build.start(event, [])
        elif kind in ends:
            build.end()
        elif kind is alias:
            build.alias(event, written)
        elif kind is document:
            build.document_anchors.clear()
        if build.total > MAX_EXPANDED_VALUES or build.total > ALIAS_GROWTH * written + 100_000:
            mark = event.start_mark
            raise _too_large(build.total, mark.line + 1 if mark else 0, label)
    if build.composer_error is not None:
        raise build.composer_error
    return build


def parse_yaml(text: str, label: str) -> tuple[Any, dict[Path_, int]]:
    """Return the one document of a YAML case file as plain data, and the 1-based line of
    every value by path (`("claims", 0, "text")`); raise CaseError. An empty file gives
    None."""
    import yaml

    try:
        build = _build(text, label)
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
    if len(build.documents) > 1:
        line = build.documents[1][1]
        what = "one case per file: remove the second '---' document or move it to its own file"
        raise CaseError([Problem(label, line, what)])
    if not build.documents:
        return None, {}
    if build.problems:
        raise CaseError(build.problems)
    return build.documents[0][0], build.lines
