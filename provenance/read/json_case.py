"""Parsing a JSON case file with a JSON decoder, and finding the line of any value.

The data comes from `json.loads`, so a .json case means what JSON says it means
(surrogate-pair escapes, raw C1 characters, numbers as numbers). Lines are found only
when asked for, from the text: `JsonLines` walks to a value with the decoder's
`raw_decode` (C speed), one record at a time, and remembers where each record of a
section starts, so `prov check` locating thousands of findings stays linear.

JSON that Python's decoder accepts but JSON does not (NaN, Infinity), lone UTF-16
surrogate escapes (text no file can hold) and nesting deeper than MAX_DEPTH are refused
with the line where they stand.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from typing import Any

from provenance.errors import CaseError, Problem
from provenance.read.limits import MAX_DEPTH, too_deep

Path_ = tuple[str | int, ...]
_DECODER = json.JSONDecoder()
_WS = re.compile(r"[ \t\n\r]*")
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_STRINGS = re.compile(_STRING)
_BRACKETS = re.compile(_STRING + r"|[\[\]{}]")
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")
_CONSTANT = re.compile(_STRING + r"|(-?Infinity|NaN)")
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


class _NotJson(ValueError):
    """A constant Python's decoder accepts and JSON does not."""


def _refuse(name: str) -> Any:
    raise _NotJson(name)


def _skip(text: str, pos: int) -> int:
    match = _WS.match(text, pos)
    return match.end() if match else pos


def _members(text: str, pos: int) -> Iterator[tuple[str | int, int]]:
    """Yield (key or index, offset of its value) for the object or array at `pos` of
    valid JSON `text`, decoding each value only to step over it."""
    closing = "}" if text[pos] == "{" else "]"
    pos, index = _skip(text, pos + 1), 0
    while text[pos] != closing:
        key: str | int = index
        if closing == "}":
            key, pos = _DECODER.raw_decode(text, pos)
            pos = _skip(text, _skip(text, pos) + 1)  # past the colon
        yield key, pos
        pos = _skip(text, _DECODER.raw_decode(text, pos)[1])
        if text[pos] == ",":
            pos = _skip(text, pos + 1)
        index += 1


def _offset_of(text: str, pos: int, path: Path_) -> int | None:
    """Return the offset of the value at `path` below the value at `pos`, or None."""
    for part in path:
        if text[pos] not in "{[":
            return None
        pos = next((at for key, at in _members(text, pos) if key == part), -1)
        if pos < 0:
            return None
    return pos


class JsonLines(Mapping[Path_, int]):
    """The 1-based line of each value of a JSON case file by path, found on demand."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.root = _skip(text, 0)
        self.found: dict[Path_, int | None] = {}
        self.starts: dict[str, list[int]] = {}
        self.breaks: list[int] | None = None

    def __getitem__(self, path: Path_) -> int:
        if path not in self.found:
            offset = self._offset(path)
            self.found[path] = None if offset is None else self.line_at(offset)
        line = self.found[path]
        if line is None:
            raise KeyError(path)
        return line

    def __iter__(self) -> Iterator[Path_]:
        return iter([path for path, line in self.found.items() if line is not None])

    def __len__(self) -> int:
        return sum(line is not None for line in self.found.values())

    def line_at(self, offset: int) -> int:
        """Return the line of a character offset."""
        if self.breaks is None:
            self.breaks = [m.start() for m in re.finditer("\n", self.text)]
        return bisect_right(self.breaks, offset - 1) + 1

    def _offset(self, path: Path_) -> int | None:
        if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int):
            starts = self._records(path[0])
            if path[1] >= len(starts):
                return None
            if len(path) == 2:  # a record: the line of its id, as a reader looks for it
                return _offset_of(self.text, starts[path[1]], ("id",)) or starts[path[1]]
            return _offset_of(self.text, starts[path[1]], path[2:])
        return _offset_of(self.text, self.root, path)

    def _records(self, section: str) -> list[int]:
        if section not in self.starts:
            at = _offset_of(self.text, self.root, (section,))
            found = at is not None and self.text[at] == "["
            self.starts[section] = [v for _, v in _members(self.text, at)] if at and found else []
        return self.starts[section]


def _depth_offset(text: str) -> int:
    """Return the offset where valid JSON `text` first nests deeper than MAX_DEPTH."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif char in "]}":
            depth -= 1
    return 0


def _too_deep(text: str) -> bool:
    """Return whether JSON `text` nests deeper than MAX_DEPTH: strings dropped, then
    innermost pairs of brackets removed once per level (each pass in C)."""
    skeleton = _NOT_BRACKET.sub("", _STRINGS.sub("", text))
    for _ in range(MAX_DEPTH):
        if not skeleton:
            return False
        skeleton = _INNERMOST.sub("", skeleton)
    return bool(skeleton)


def _duplicate(text: str, pos: int) -> tuple[str, int] | None:
    """Return the first key repeated inside one object below `pos`, and its offset."""
    if text[pos] not in "{[":
        return None
    seen: set[str | int] = set()
    for key, at in _members(text, pos):
        if text[pos] == "{" and key in seen:
            return str(key), at
        seen.add(key)
        found = _duplicate(text, at)
        if found:
            return found
    return None


def _lone_surrogate(text: str) -> int | None:
    """Return the offset of the first string holding a lone UTF-16 surrogate escape."""
    for match in _STRINGS.finditer(text):
        if _SURROGATE.search(match.group()):
            try:
                json.loads(match.group()).encode("utf-8")
            except UnicodeEncodeError:
                return match.start()
    return None


def _decode(text: str, label: str, lines: JsonLines) -> tuple[Any, bool]:
    """Return the data of JSON `text` and whether an object repeats a key; raise
    CaseError for text that is not JSON or nests too deep for the decoder."""
    repeated = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeated
        out = dict(items)
        repeated = repeated or len(out) != len(items)
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=_refuse)
    except json.JSONDecodeError as exc:
        what = f"not valid JSON: {exc.msg} (column {exc.colno})"
        raise CaseError([Problem(label, exc.lineno, what)]) from exc
    except _NotJson as exc:
        match = next(m for m in _CONSTANT.finditer(text) if m.group(1))
        what = f"not valid JSON: {exc} is not a JSON number: write null or a number"
        raise CaseError([Problem(label, lines.line_at(match.start()), what)]) from exc
    except RecursionError as exc:
        raise CaseError([Problem(label, lines.line_at(_depth_offset(text)), too_deep())]) from exc
    except ValueError as exc:  # a number of more than 4,300 digits
        raise CaseError([Problem(label, 0, f"not valid JSON: {exc}")]) from exc
    return data, repeated


def parse_json(text: str, label: str) -> tuple[Any, JsonLines]:
    """Return the data of a JSON case file and the line of every value by path
    (`("claims", 0, "text")`), found on demand; raise CaseError with the line of what is
    wrong. Blank text gives None.

    >>> text = '{"claims": [\\n  {"id": "c", "text": "\\\\ud83d\\\\ude00"}]}'
    >>> data, lines = parse_json(text, "case.json")
    >>> data["claims"][0]["text"], lines[("claims", 0)], lines[("claims",)]
    ('😀', 2, 1)
    """
    lines = JsonLines(text)
    if not text.strip():
        return None, lines
    data, repeated = _decode(text, label, lines)
    if _too_deep(text):
        raise CaseError([Problem(label, lines.line_at(_depth_offset(text)), too_deep())])
    if _SURROGATE.search(text):
        at = _lone_surrogate(text)
        if at is not None:
            what = (
                "a lone UTF-16 surrogate escape (\\ud800-\\udfff without its pair) is not "
                "text: write the character itself, or both halves of the pair"
            )
            raise CaseError([Problem(label, lines.line_at(at), what)])
    if repeated:
        found = _duplicate(text, lines.root)
        key, at = found if found else ("?", 0)
        raise CaseError([Problem(label, lines.line_at(at), f"duplicate key '{key}'")])
    return data, lines
