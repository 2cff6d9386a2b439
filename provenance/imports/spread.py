"""`prov import spread FILE --case CASE`: repost and quote data into a case.

The file (CSV with a header, or JSON Lines; see provenance.read.spread) is read row by
row. Each post must lead back, through the posts it relays, to an assertion of the case
or to a post already imported. Posts are deduplicated by id: one repeated with the same
data is kept once, one repeated with other data is a bad row. If any row is bad, nothing
is imported and each bad row is listed with its line, unless `skip_bad` asks to import
the good rows anyway.

The posts go into the case's spread folder (`spread/` of a case folder) as JSON Lines,
one file per imported file name, in time order: never into the YAML case files, which
stay the checker's to edit. Importing the same file again adds only the new posts.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import NamedTuple

from provenance.errors import CaseError, Problem, ProvenanceError
from provenance.paths import display_path, read_regular
from provenance.read.files import SPREAD_SUFFIX, read_spread_bytes, spread_folder
from provenance.read.limits import MAX_SPREAD_BYTES
from provenance.read.spread import FIELDS, Row, before, lead_back, merge, read_posts
from provenance.records import SpreadPost

MAX_SHOWN = 200  # bad rows listed one per line; past that, how many more


class SpreadImport(NamedTuple):
    """What an import writes: the spread file, its new bytes (None: nothing to write),
    the bytes it held when read (None: it did not exist; the writer refuses to replace a
    file changed since), and the lines that say what was imported and what was not."""

    target: Path
    data: bytes | None
    expected: bytes | None
    said: list[str]


def import_spread(
    source: Path, case: Path, skip_bad: bool = False, today: str | None = None
) -> SpreadImport:
    """Return the import of the spread file `source` into the case at `case`. Raises
    ProvenanceError listing every bad row (with its line) unless `skip_bad`. With
    `today` (YYYY-MM-DD, from the command line's clock), posts dated after it are
    imported with a warning: a wrong year or zone, most likely."""
    from provenance.casefile import read_case

    assertions = {a.id for a in read_case(case).case.assertions}
    stored = read_spread_bytes(case)
    known, where, broken = merge(stored)
    if broken:
        raise CaseError([*broken, Problem("", 0, "fix the case's spread files first")])
    name = display_path(source)
    found = read_posts(_read(source, name), name)
    if not found.rows:
        why = "no good rows" if found.problems else "no posts"
        raise ProvenanceError(
            [*_listed(found.problems), Problem(name, 0, f"{why}: nothing imported")]
        )
    new = _new_posts(found.rows, {p["id"]: p for p in known}, where, name)
    roots, bad = lead_back([*known, *(row.post for row in new.fresh)], assertions, found.rejected)
    problems = [*found.problems, *new.problems]
    problems += [Problem(name, r.line, bad[r.post["id"]]) for r in new.fresh if r.post["id"] in bad]
    good = [row.post for row in new.fresh if row.post["id"] in roots]
    if problems and not skip_bad:
        raise ProvenanceError(
            [*_listed(sorted(problems)), Problem("", 0, _nothing(good, problems))]
        )
    target = spread_folder(case) / f"{source.stem}{SPREAD_SUFFIX}"
    stored_as = display_path(target)  # read with the case's other spread files, if there
    kept = [p for p in known if where[p["id"]][0] == stored_as]
    posts = sorted([*kept, *good], key=lambda p: (p["time"], p["id"]))
    said = [_summary(good, roots, new, len(problems), target)]
    said += _early({p["id"]: p for p in [*known, *good]}, good)
    future = sorted(p["id"] for p in good if today is not None and p["time"][:10] > today)
    if future:
        said.append(
            f"warning: {len(future):,} post(s) dated after today, {today} ({_some(future)})"
        )
    said += [f"warning: {note}" for note in _listed(found.notes)]
    if found.unread:
        said.append(f"not read: column(s) {', '.join(found.unread)} (prov reads {_FIELDS_SAID})")
    data = _json_lines(posts) if good else None  # nothing new: the file stays as it is
    return SpreadImport(target, data, stored.get(stored_as), said)


_FIELDS_SAID = "id, author, time, relays, url, text, platform"


def _read(source: Path, name: str) -> bytes:
    try:
        return read_regular(source, MAX_SPREAD_BYTES, "MAX_SPREAD_BYTES")
    except OSError as exc:
        raise ProvenanceError(f"cannot read {name}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise ProvenanceError(f"{name} {exc}: split it") from exc


class NewPosts(NamedTuple):
    """The rows of an import sorted out: those with new posts; how many posts the case
    has already (distinct ids); how many rows repeat an earlier row of the file; and a
    problem for each row that repeats a post with other data."""

    fresh: list[Row]
    already: int
    repeated: int
    problems: list[Problem]


def _new_posts(
    rows: list[Row], known: dict[str, SpreadPost], where: dict[str, tuple[str, int]], name: str
) -> NewPosts:
    fresh: list[Row] = []
    first_line: dict[str, int] = {}
    already: set[str] = set()
    repeated = 0
    problems: list[Problem] = []
    for row in rows:
        post_id = row.post["id"]
        earlier = known.get(post_id)
        if earlier is None:
            known[post_id] = row.post
            first_line[post_id] = row.line
            fresh.append(row)
            continue
        if post_id in first_line:
            at = f"line {first_line[post_id]}"
        else:
            at = "{}:{}".format(*where[post_id])
        if earlier == row.post:
            repeated += post_id in first_line
            if post_id not in first_line:
                already.add(post_id)
            continue
        fields = ", ".join(f for f in FIELDS if earlier.get(f) != row.post.get(f))
        why = f"post '{post_id[:60]}' is already on {at} with another {fields}: keep one"
        problems.append(Problem(name, row.line, why))
    return NewPosts(fresh, len(already), repeated, problems)


def _listed(problems: list[Problem]) -> list[Problem]:
    """Return the bad rows to print: all of them up to MAX_SHOWN, then how many more."""
    if len(problems) <= MAX_SHOWN:
        return problems
    more = len(problems) - MAX_SHOWN
    return [*problems[:MAX_SHOWN], Problem("", 0, f"... and {more:,} more bad rows")]


def _nothing(good: list[SpreadPost], problems: list[Problem]) -> str:
    return (
        f"nothing imported: {len(problems):,} bad row(s); fix them, or pass --skip-bad to "
        f"import the {len(good):,} good one(s)"
    )


def _existing(target: Path) -> bytes | None:
    try:
        return read_regular(target, MAX_SPREAD_BYTES, "MAX_SPREAD_BYTES")
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ProvenanceError(f"cannot read {display_path(target)}: {exc}") from exc


def _summary(
    good: list[SpreadPost], roots: dict[str, str], new: NewPosts, bad: int, target: Path
) -> str:
    statements = Counter(roots[p["id"]] for p in good)
    said = f"imported {len(good):,} post(s) relaying {len(statements)} statement(s) into "
    said += display_path(target)
    parts = [f"{new.already:,} already imported"] if new.already else []
    if new.repeated:
        parts.append(f"{new.repeated:,} repeated row(s) read once")
    if bad:
        parts.append(f"{bad:,} bad row(s) skipped")
    return said + (f" ({', '.join(parts)})" if parts else "")


def _early(posts: dict[str, SpreadPost], good: list[SpreadPost]) -> list[str]:
    """Return a warning when new posts are dated before the post they relay (a wrong
    zone, or a clock): imported as they are, for the checker to look at."""
    early = [p["id"] for p in good if p["relays"] in posts and before(p, posts[p["relays"]])]
    if not early:
        return []
    return [
        f"warning: {len(early):,} post(s) dated before the post they relay ({_some(early)}): "
        "check their zone"
    ]


def _some(ids: list[str]) -> str:
    """Return the first few of a list of post ids, for a warning."""
    return ", ".join(ids[:5]) + (", ..." if len(ids) > 5 else "")


def _json_lines(posts: list[SpreadPost]) -> bytes:
    """Return posts as JSON Lines, fields in a fixed order (same posts, same bytes)."""
    import orjson

    return b"".join(orjson.dumps(post) + b"\n" for post in posts)


def write_import(done: SpreadImport) -> None:
    """Write an import's spread file whole (atomically), unless someone changed it since
    it was read: then raise ProvenanceError and write nothing (run the import again)."""
    from provenance.paths import write_atomic

    if done.data is None:
        return
    if _existing(done.target) != done.expected:
        shown = display_path(done.target)
        raise ProvenanceError(f"{shown} changed while importing: nothing written; run it again")
    try:
        write_atomic(done.target, done.data)
    except OSError as exc:
        raise ProvenanceError(f"cannot write {display_path(done.target)}: {exc.strerror}") from exc
