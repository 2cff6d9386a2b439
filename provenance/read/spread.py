"""Spread data: who reposted or quoted whom, and when (the data Hoaxy-style tools give),
read from CSV with a header row or JSON Lines, one post per row.

A post has an `id`, an `author`, a `time` (ISO 8601 with a zone, or a day), the post or
case assertion it `relays` (reposts or quotes), and optionally its `url`, `text` and
`platform`. Each row is checked on its own and a bad one is reported with its line and
how to fix it; the rows around it still read. Columns or keys other than these are not
read (and said so once). The same reader reads the spread files `prov import spread`
writes (JSON Lines, one post per line, in time order).

Every post must lead back, through the posts it relays, to an assertion of the case:
`lead_back` finds that assertion for each post in one pass (linear in the posts) and
names the posts that lead nowhere (an unknown id, or a circle of reposts).

>>> data = b"id,author,time,relays\\np1,@ann,2025-04-09,a1\\n"
>>> found = read_posts(data, "x.csv")
>>> [(r.line, r.post["author"], r.post["time"]) for r in found.rows], found.problems
([(2, '@ann', '2025-04-09')], [])
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from provenance.dates import instant
from provenance.errors import CaseError, Problem
from provenance.escape import safe_url
from provenance.records import SpreadPost

FIELDS = ("id", "author", "time", "relays", "url", "text", "platform")
REQUIRED = ("id", "author", "time", "relays")
_FIELD_SET = frozenset(FIELDS)
MAX_NAME = 300  # characters of an id, author, relays or platform
MAX_TEXT = 50_000  # characters of a post's text
SHOWN = 60  # characters of a bad value quoted back in an error


class Row(NamedTuple):
    """A post that read well, with the line it starts on."""

    line: int
    post: SpreadPost


class PostsRead(NamedTuple):
    """What a spread file holds: the good rows; one problem per bad row; notes on good
    rows that lost an optional field (a link that is not http(s), a text cut short);
    the line of each bad row whose id could be read; the columns or keys not read."""

    rows: list[Row]
    problems: list[Problem]
    notes: list[Problem]
    rejected: dict[str, int]
    unread: list[str]


def read_posts(data: bytes, name: str) -> PostsRead:
    """Return what the spread file `name` holds (JSON Lines when it ends in .jsonl or
    .ndjson or its first character is `{`; else CSV with a header row, separated by
    commas, semicolons or tabs, whichever the header uses most)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        why = f"not UTF-8 text (byte {exc.start}): save the whole file as UTF-8"
        return PostsRead([], [Problem(name, line, why)], [], {}, [])
    json_lines = name.endswith((".jsonl", ".ndjson")) or text.lstrip()[:1] == "{"
    found = PostsRead([], [], [], {}, [])
    unread: set[str] = set()
    for line, fields in _json_lines(text) if json_lines else _csv_rows(text):
        if isinstance(fields, str):
            found.problems.append(Problem(name, line, fields))
            continue
        unread |= fields.keys() - _FIELD_SET
        notes: list[str] = []
        post = check_post(fields, notes)
        if notes:
            found.notes.extend(Problem(name, line, note) for note in notes)
        if isinstance(post, str):
            found.problems.append(Problem(name, line, post))
            if isinstance(fields.get("id"), str | int):
                found.rejected.setdefault(str(fields["id"]).strip(), line)
        else:
            found.rows.append(Row(line, post))
    return found._replace(unread=sorted(unread))


def _json_lines(text: str) -> Iterator[tuple[int, dict[str, object] | str]]:
    """Yield (line, object) for each non-blank line, or (line, why) when it is no object."""
    import orjson

    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield number, f"not JSON ({str(exc).split(':')[0]}): write one JSON object per line"
            continue
        if not isinstance(value, dict):
            yield number, "not a JSON object: write one {...} object per line"
            continue
        yield number, value


def _csv_rows(text: str) -> Iterator[tuple[int, dict[str, object] | str]]:
    """Yield (line, row) for each CSV record after the header, with the line it starts on."""
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)  # the first of them on a tie: a comma
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return
    except csv.Error as exc:
        yield 1, f"not CSV ({exc}): give a header row of column names"
        return
    missing = [f for f in REQUIRED if f not in header]
    if missing:
        yield (
            1,
            f"the header has no column {', '.join(missing)}: name the columns "
            + (", ".join(REQUIRED) + " (and url, text, platform if you have them)"),
        )
        return
    start = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, f"not CSV ({exc}): fix the quoting of this row"
            start = reader.line_num + 1
            continue
        if any(cell.strip() for cell in record):
            if len(record) != len(header):
                yield (
                    start,
                    f"{len(record)} cells for {len(header)} columns: quote a cell holding a comma",
                )
            else:
                yield start, dict(zip(header, record, strict=True))
        start = reader.line_num + 1


def check_post(fields: dict[str, object], notes: list[str] | None = None) -> SpreadPost | str:
    """Return the post a row describes, or what is wrong with it (one line with the fix).
    An optional field that cannot be kept is dropped (a link that is not http(s)) or cut
    (a text over MAX_TEXT), and said so in `notes`: the post itself still counts.

    >>> row = {"id": 17, "author": "@a", "time": "2025-04-09T14:30+09:00", "relays": "x"}
    >>> check_post(row)["time"]
    '2025-04-09T05:30:00Z'
    >>> print(check_post({**row, "time": "yesterday"}))  # doctest: +ELLIPSIS
    time 'yesterday' is not an ISO 8601 time: write 2025-04-09T14:30:00Z, ...
    """
    said = notes if notes is not None else []
    values: dict[str, str] = {}
    for field in FIELDS:
        value = _value(fields.get(field), field, said)
        if value is None:
            if field in REQUIRED:
                return f"no {field}: every post needs {', '.join(REQUIRED)}"
            continue
        if not isinstance(value, str):
            return str(value)
        values[field] = value
    try:
        values["time"] = instant(values["time"])
    except ValueError as exc:
        return f"time {_shown(str(exc))}"
    if values["relays"] == values["id"]:
        return f"post '{_shown(values['id'])}' relays itself: name the post it reposts"
    if "url" in values and safe_url(values["url"]) is None:
        said.append(f"url '{_shown(values.pop('url'))}' dropped: only http(s) links are kept")
    return _post(values)


def _value(value: object, field: str, notes: list[str]) -> str | ValueError | None:
    """Return a field's text (ids may be numbers), None when empty, or the error."""
    if type(value) is str and field != "text" and len(value) <= MAX_NAME:
        return value.strip() or None  # the usual case, first
    if isinstance(value, int) and not isinstance(value, bool) and field in ("id", "relays"):
        value = str(value)  # numeric post ids, as some platforms export them
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        return ValueError(f"{field} is {type(value).__name__}, not text: write it as a string")
    if field == "text":
        if len(value) > MAX_TEXT:
            notes.append(f"text cut to its first {MAX_TEXT:,} characters")
            return value[:MAX_TEXT] + "…"
        return value
    if len(value) > MAX_NAME:
        if field in REQUIRED:
            return ValueError(f"{field} is longer than {MAX_NAME} characters: shorten it")
        notes.append(f"{field} dropped: longer than {MAX_NAME} characters")
        return None
    return value.strip()


def _shown(text: str) -> str:
    return text if len(text) <= 2 * SHOWN + 90 else text[:SHOWN] + "…"


def _post(values: dict[str, str]) -> SpreadPost:
    post: SpreadPost = {
        "id": values["id"],
        "author": values["author"],
        "time": values["time"],
        "relays": values["relays"],
    }
    for field in ("url", "text", "platform"):
        if field in values:
            post[field] = values[field]
    return post


def before(post: SpreadPost, relayed: SpreadPost) -> bool:
    """Return whether `post` is dated before the post it relays (a wrong zone, or a
    clock): by the second when both have a time, else by the day.

    >>> before({"time": "2025-04-09"}, {"time": "2025-04-09T16:00:00Z"})
    False
    """
    mine, theirs = post["time"], relayed["time"]
    if len(mine) > 10 and len(theirs) > 10:
        return mine < theirs
    return mine[:10] < theirs[:10]


def lead_back(
    posts: Iterable[SpreadPost], assertions: set[str], rejected: dict[str, int] | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """Return, for each post, the case assertion it leads back to through the posts it
    relays, and, for each post that leads to none, why: an unknown id, a circle, or a
    post above it that leads nowhere or was a bad row (`rejected`: id → line). Linear:
    each post is walked once, its answer remembered for the posts below it.

    >>> posts = [{"id": "p2", "relays": "p1"}, {"id": "p1", "relays": "a1"}]
    >>> posts += [{"id": "p3", "relays": "zz"}, {"id": "p4", "relays": "p3"}]
    >>> roots, bad = lead_back(posts, {"a1"})
    >>> roots
    {'p2': 'a1', 'p1': 'a1'}
    >>> print(bad["p3"]); print(bad["p4"])
    relays 'zz': no post or case assertion has that id
    relays 'p3', which leads to no case assertion
    """
    # A post under a case assertion's id is refused: relays to that id mean the assertion.
    posts = list(posts)
    bad = {
        p["id"]: f"post id '{_shown(p['id'])}' is a case assertion's id: give posts their "
        "platform's ids"
        for p in posts
        if p["id"] in assertions
    }
    parent = {p["id"]: p["relays"] for p in posts if p["id"] not in bad}
    root: dict[str, str] = {}
    for start in parent:
        path: list[str] = []
        seen: set[str] = set()
        node = start
        while node in parent and node not in root and node not in bad and node not in seen:
            seen.add(node)
            path.append(node)
            node = parent[node]
        if node in root or (node in assertions and node not in parent):
            found = root.get(node, node)
            root.update((p, found) for p in path)
            continue
        end = _dead_end(node, seen, rejected or {})
        for post in path:
            up = parent[post]
            above = node in seen or (up == node and node not in bad)
            why = f"relays '{_shown(up)}', which leads to no case assertion"
            bad[post] = end if above else why
    return root, bad


def _dead_end(node: str, seen: set[str], rejected: dict[str, int]) -> str:
    if node in seen:
        return f"post '{_shown(node)}' is in a circle of reposts: fix what one of them relays"
    if node in rejected:
        return f"relays '{_shown(node)}', a bad row (line {rejected[node]})"
    return f"relays '{_shown(node)}': no post or case assertion has that id"


class Spread(NamedTuple):
    """The posts of a case's spread files, each once, and the case assertion each leads
    back to."""

    posts: list[SpreadPost]
    roots: dict[str, str]


def read_spread(files: dict[str, bytes], assertions: set[str]) -> Spread:
    """Return the posts of a case's spread files (shown name → bytes) with the assertion
    each leads back to; raise CaseError with one line per bad row, per post repeated with
    other data, and per post that leads to no assertion of the case."""
    posts, where, problems = merge(files)
    roots, bad = lead_back(posts, assertions)
    problems += [Problem(*where[post], why) for post, why in bad.items()]
    if problems:
        raise CaseError(sorted(problems))
    return Spread(posts, roots)


def merge(
    files: dict[str, bytes],
) -> tuple[list[SpreadPost], dict[str, tuple[str, int]], list[Problem]]:
    """Return the posts of several spread files (name → bytes, read in name order), each
    post once, with where each was read: a post repeated with the same data is kept
    once, a post repeated with other data is a problem naming both lines."""
    kept: dict[str, SpreadPost] = {}
    where: dict[str, tuple[str, int]] = {}
    problems: list[Problem] = []
    for name in sorted(files):
        found = read_posts(files[name], name)
        problems += found.problems
        for line, post in found.rows:
            first = kept.setdefault(post["id"], post)
            if first is post:
                where[post["id"]] = (name, line)
            elif first != post:
                at = "{}:{}".format(*where[post["id"]])
                why = f"post '{_shown(post['id'])}' is also on {at} with other data: keep one"
                problems.append(Problem(name, line, why))
    return list(kept.values()), where, problems
