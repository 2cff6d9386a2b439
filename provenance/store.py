"""The analysed case kept in SQLite: one file per case in the cache folder, holding the
document under the cache key of everything it was built from (provenance.document),
split so that a command reads only the sections it shows, with a full-text index of
the terms a user may look a record up by.

The file's tables:

- `meta(name, value)`: the store's format and version, the cache key, and the names of
  the archived texts the analysis read (JSON), checked before anything else is read;
- `parts(name, json)`: the document without its large sections (`rest`): the title,
  rules, flags, spread summary, file hashes, `--as-of` record; a section not read is an
  empty list or mapping here, in its place, so key order is the document's own;
- `records(section, seq, key, json)`: each record of a large section (`SECTIONS`: the
  case's actors, sources, claims and assertions, the verdicts, the assertion results,
  the evidence checks' findings) in document order, primary-keyed by section, so that
  reading one section reads only its rows;
- `terms`: an FTS5 table (trigram tokenizer: matches inside words, and in scripts
  written without spaces) of every key `folding.term_keys` gives, with its folded text,
  in `term_keys` order: provenance.views.find checks only the keys holding a term. An
  SQLite without FTS5 or its trigram tokenizer (before 3.34) gets a plain table, which
  is scanned (meta `terms`: `fts5` or `scan`); a store whose terms this SQLite cannot
  search (one written by a newer SQLite) is ignored like a corrupt one.

A store is written whole to a temporary file and renamed into place, never changed in
place, so a reader (opened `immutable`) sees one complete store, and keeps seeing it
through its open connection if a newer one replaces it meanwhile; the temporary file
of a write that was killed is removed by a later write, an hour on. A store that is
missing, not a regular file, corrupt, foreign or of another version is ignored (the
case is analysed anew and the store rewritten). This module is part of the engine hash:
a change to how it stores a document invalidates every store written before.

>>> sorted(SECTIONS) == sorted(ALL)
True
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from provenance.folding import Key, normalize, term_keys

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from provenance.records import Document

__all__ = ["ALL", "SECTIONS", "Store", "open_store", "write_store"]

FORMAT = "prov-analysed-case-store"
VERSION = 2
#: Trigram full-text search matches a string of at least this many characters.
TRIGRAM = 3

#: The large sections of a document, each stored one row per record: where it sits in
#: the document (a top-level key, and the key inside it), and whether it is a mapping
#: (keyed by record id) rather than a list.
SECTIONS: dict[str, tuple[str, str | None, bool]] = {
    "actors": ("case", "actors", False),
    "sources": ("case", "sources", False),
    "claims": ("case", "claims", False),
    "assertions": ("case", "assertions", False),
    "verdicts": ("analysis", "claims", True),
    "results": ("analysis", "assertions", True),
    "checks": ("checks", None, False),
}
ALL = frozenset(SECTIONS)

_SCHEMA = """
CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE parts(name TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE records(
    section TEXT NOT NULL, seq INTEGER NOT NULL, key TEXT, json TEXT NOT NULL,
    PRIMARY KEY (section, seq)
) WITHOUT ROWID;
"""
_FTS_TERMS = """
CREATE VIRTUAL TABLE terms USING fts5(
    kind UNINDEXED, id UNINDEXED, field UNINDEXED, value UNINDEXED, folded,
    tokenize = 'trigram'
)
"""
_PLAIN_TERMS = "CREATE TABLE terms(kind TEXT, id TEXT, field TEXT, value TEXT, folded TEXT)"


class Stored(NamedTuple):
    """What a store says it holds: the cache key, and the archived texts' names."""

    key: str
    archives: list[str]


class Store:
    """An open store (read-only): its meta, its document's sections, its term index."""

    def __init__(self, connection: sqlite3.Connection, stored: Stored, fts: bool) -> None:
        self._db = connection
        self.stored = stored
        self._fts = fts

    def document(self, sections: frozenset[str] = ALL) -> Document | None:
        """Return the stored document with `sections` read (the others empty), or None
        when the store turns out damaged."""
        try:
            rest = json.loads(self._one("SELECT json FROM parts WHERE name = 'rest'"))
            for name in sorted(sections & ALL):
                top, inner, keyed = SECTIONS[name]
                rows = self._db.execute(
                    "SELECT key, json FROM records WHERE section = ? ORDER BY seq", (name,)
                )
                if keyed:
                    text = "{" + ",".join(f"{k}:{v}" for k, v in rows) + "}"
                else:
                    text = "[" + ",".join(v for _, v in rows) + "]"
                if inner is None:
                    rest[top] = json.loads(text)
                else:
                    rest[top][inner] = json.loads(text)
        except (sqlite3.Error, ValueError, TypeError, KeyError, RecursionError):
            return None
        return cast("Document", rest) if isinstance(rest, dict) else None

    def containing(self, folded: str) -> list[Key] | None:
        """Return every term key whose folded text contains `folded`, in term_keys
        order (provenance.views.find.TermIndex); None when the store cannot tell."""
        try:
            if self._fts and len(folded) >= TRIGRAM:
                phrase = '"' + folded.replace('"', '""') + '"'
                query = "SELECT kind, id, field, value FROM terms WHERE folded MATCH ?"
                rows = self._db.execute(query + " ORDER BY rowid", (phrase,))
            else:  # too short for trigrams, or no FTS5: a scan, still without folding
                query = "SELECT kind, id, field, value FROM terms WHERE instr(folded, ?) > 0"
                rows = self._db.execute(query + " ORDER BY rowid", (folded,))
            return [cast("Key", tuple(row)) for row in rows]
        except sqlite3.Error:
            return None

    def keys(self) -> list[Key] | None:
        """Return every term key, in term_keys order; None when the store cannot tell."""
        try:
            rows = self._db.execute("SELECT kind, id, field, value FROM terms ORDER BY rowid")
            return [cast("Key", tuple(row)) for row in rows]
        except sqlite3.Error:
            return None

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def _one(self, query: str) -> str:
        row = self._db.execute(query).fetchone()
        if row is None or not isinstance(row[0], str):
            raise ValueError("missing")
        return str(row[0])


def open_store(file: Path | None) -> Store | None:
    """Return the store in `file`, open read-only, or None when there is none or it is
    not a regular file, not SQLite, foreign or of another version."""
    if file is None:
        return None
    try:  # never a FIFO or a symlink: opening must not hang or follow a link
        if not stat.S_ISREG(os.lstat(file).st_mode):
            return None
        uri = Path(file).absolute().as_uri() + "?mode=ro&immutable=1"
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except (OSError, ValueError, sqlite3.Error):
        return None
    try:
        meta = dict(connection.execute("SELECT name, value FROM meta").fetchall())
        archives = json.loads(meta["archives"])
        if (meta.get("format"), meta.get("version")) != (FORMAT, str(VERSION)):
            raise ValueError("foreign")
        if not isinstance(archives, list) or not all(isinstance(a, str) for a in archives):
            raise ValueError("archives")
        store = Store(connection, Stored(str(meta["key"]), archives), meta["terms"] == "fts5")
        if store.containing("probe") is None:  # e.g. no such tokenizer: trigram
            raise ValueError("terms")
        return store
    except (sqlite3.Error, ValueError, TypeError, KeyError):
        connection.close()
        return None


def write_store(file: Path, stored: Stored, doc: Document) -> None:
    """Write `doc` to the store `file` whole (a temporary file beside it, then a rename).
    A cache folder that cannot be written, or text no UTF-8 can hold, costs speed, not
    correctness: the store is then not written."""
    import tempfile

    with contextlib.suppress(OSError, sqlite3.Error, TypeError, ValueError):
        file.parent.mkdir(parents=True, exist_ok=True)
        _remove_killed_writes(file.parent)
        fd, name = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
        os.close(fd)
        try:
            _fill(Path(name), stored, doc)
            os.replace(name, file)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)


#: The temporary file of a store being written (`write_store`: ".NAME.sqlite.", eight
#: characters of tempfile's, ".tmp"), and the age at which it is a write that was
#: killed (SIGKILL, SIGTERM, the machine stopping) rather than one under way, which
#: writes to its file all along: such a file, as large as a store, would stay for ever.
_TEMPORARY = r"\..+\.sqlite\.[a-z0-9_]{8}\.tmp"
_KILLED_AFTER = 3600.0


def _remove_killed_writes(folder: Path) -> None:
    """Remove the temporary files of store writes killed in `folder` (see _TEMPORARY).
    Removing one still being written would only cost that run its store."""
    import re
    import time

    cutoff = time.time() - _KILLED_AFTER
    with contextlib.suppress(OSError), os.scandir(folder) as entries:  # unlistable: write on
        for entry in entries:
            if re.fullmatch(_TEMPORARY, entry.name):
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                        os.unlink(entry.path)


def _fill(file: Path, stored: Stored, doc: Document) -> None:
    """Create the tables in the empty file `file` and write every row."""
    import orjson  # fast on large documents; imported only when a store is written

    def dump(value: object) -> str:
        return orjson.dumps(value).decode("utf-8")

    connection = sqlite3.connect(file)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.executescript(_SCHEMA)
        meta = {"format": FORMAT, "version": str(VERSION), "key": stored.key, "terms": "fts5"}
        try:
            connection.execute(_FTS_TERMS)
        except sqlite3.OperationalError:  # no such module: fts5, no such tokenizer: trigram
            connection.execute(_PLAIN_TERMS)
            meta["terms"] = "scan"
        meta["archives"] = dump(stored.archives)
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        rest, rows = _split(doc, dump)
        connection.execute("INSERT INTO parts VALUES ('rest', ?)", (dump(rest),))
        connection.executemany("INSERT INTO records VALUES (?, ?, ?, ?)", rows)
        terms = ((*key, normalize(key[3])) for key in term_keys(doc))
        connection.executemany("INSERT INTO terms VALUES (?, ?, ?, ?, ?)", terms)
        connection.commit()
    finally:
        connection.close()


def _split(
    doc: Document, dump: Callable[[object], str]
) -> tuple[dict[str, object], Iterator[tuple[object, ...]]]:
    """Return the document without its large sections (each left as an empty list or
    mapping in its place) and the rows of those sections."""
    rest: dict[str, Any] = {k: dict(v) if isinstance(v, dict) else v for k, v in doc.items()}
    taken: list[tuple[str, object, bool]] = []
    for name, (top, inner, keyed) in SECTIONS.items():
        holder = rest if inner is None else rest[top]
        field = top if inner is None else inner
        taken.append((name, holder[field], keyed))
        holder[field] = {} if keyed else []

    def rows() -> Iterator[tuple[object, ...]]:
        for name, records, keyed in taken:
            if keyed:
                items = cast("dict[str, object]", records).items()
                for seq, (key, value) in enumerate(items):
                    yield name, seq, dump(key), dump(value)
            else:
                for seq, value in enumerate(cast("list[object]", records)):
                    yield name, seq, None, dump(value)

    return rest, rows()
