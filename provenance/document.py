"""The analysed case: the case's records plus the engine's results, as plain JSON data
typed by provenance.records.Document, and where it is kept.

Everything a view needs (trace, status, explain) is in this one document, so views
never touch pydantic or networkx. `open_document` keeps it per case in a store
(provenance.store, SQLite) under a key that is a hash of everything the analysis
depends on: the bytes of every case file and archived text it read (with the names they
are shown under), the engine's code, and the options that change the result (`as_of`).
The key is computed from the very bytes that are parsed, before the analysis runs, so a
file edited during a run is analysed and stored either wholly before or wholly after
the edit; an edit that keeps a file's size and modification time is seen like any
other. A store that is corrupt, foreign or of the wrong shape is ignored and rebuilt.
The stored path imports json and sqlite3, reads and hashes the case files and archived
texts (about 1 ms for the seed case), and reads only the sections a view asks for.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast

from provenance.codehash import blake2b, engine_hash, hash_part
from provenance.errors import CaseError, Problem
from provenance.gcpause import paused
from provenance.paths import (
    cache_dir,
    case_files,
    display_path,
    inside_folder,
)
from provenance.read.files import (
    decode_archive,
    read_archive_bytes,
    read_case_bytes,
    read_spread_bytes,
    sha256_hex,
    spread_digests,
)
from provenance.store import ALL, Store, Stored, open_store, write_store

if TYPE_CHECKING:
    from provenance.casefile import LoadedCase
    from provenance.model import Case
    from provenance.read.spread import Spread
    from provenance.records import Analysis, CaseRecord, Document, Finding
    from provenance.timeline import CaseAsOf

__all__ = [
    "Document",
    "Inputs",
    "Opened",
    "build_document",
    "cache_key",
    "engine_hash",
    "load_document",
    "open_document",
]


def __getattr__(name: str) -> object:
    """Give `provenance.document.Document` (the type lives in provenance.records) without
    importing its TypedDicts on the cached path, where they would cost import time."""
    if name == "Document":
        from provenance.records import Document

        return Document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


FORMAT = "prov-analysed-case"
VERSION = 2


class Inputs(NamedTuple):
    """What an analysis read, as read: the bytes of every case file (in reading order),
    of every archived text, by the name the case gives it (relative to `root`), and of
    every spread file (as its SHA-256, see `read.files.spread_digests`), by the path it
    is shown under."""

    root: Path
    cases: dict[Path, bytes]
    archives: dict[str, bytes]
    spread: dict[str, str]


def _file_hash(data: bytes) -> str:
    return str(blake2b(data, digest_size=16).hexdigest())


def cache_key(inputs: Inputs, as_of: str | None = None) -> str:
    """Return the cache key of an analysis: a hash of the engine, the options and every
    file read (case files under the names errors and findings show them by, archived
    texts under their names in the case). Equal keys mean equal documents.

    >>> inputs = Inputs(Path("."), {Path("case.yaml"): b"title: T"}, {}, {})
    >>> cache_key(inputs) == cache_key(inputs, None) != cache_key(inputs, "2025-04-10")
    True
    """
    digest = blake2b(engine_hash().encode(), digest_size=32)
    digest.update(json.dumps({"as_of": as_of}, sort_keys=True).encode())
    for path, data in inputs.cases.items():
        hash_part(digest, "case:" + display_path(path), data)
    for name, data in sorted(inputs.archives.items()):
        hash_part(digest, "archive:" + name, data)
    for name, sha in sorted(inputs.spread.items()):
        hash_part(digest, "spread:" + name, sha.encode())
    return str(digest.hexdigest())


def read_cases(path: Path) -> dict[Path, bytes]:
    """Return the bytes of every case file at `path` (a file or a folder of them), read
    once each; raise CaseError listing every file that cannot be read."""
    contents: dict[Path, bytes] = {}
    problems: list[Problem] = []
    for file in case_files(path):
        try:
            contents[file] = read_case_bytes(file, display_path(file))
        except CaseError as exc:
            problems += exc.problems
    if problems:
        raise CaseError(problems)
    return contents


class _Read(NamedTuple):
    loaded: LoadedCase
    inputs: Inputs
    texts: dict[str, str]
    spread: Spread | None


def _read(
    path: Path, cases: dict[Path, bytes], known: dict[str, bytes], spread: dict[str, bytes]
) -> _Read:
    """Validate the case from the bytes read, then read each archived text it names once
    (or take it from `known`, read a moment ago to check the cache), and the posts of
    its spread files (`spread`, read with the case files)."""
    from provenance.casefile import read_case

    loaded = read_case(path, cases)
    posts = None
    if spread:
        from provenance.read.spread import read_spread

        posts = read_spread(spread, {a.id for a in loaded.case.assertions})
    archives: dict[str, bytes] = {}
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for source in loaded.case.sources:
        name = source.archive
        if not name:
            continue
        if name not in archives:
            try:
                archives[name] = known[name] if name in known else _archive(loaded.root, name)
            except (OSError, ValueError) as exc:
                label, line = loaded.locator.where("sources", source.id, "archive")
                why = getattr(exc, "strerror", None) or str(exc)
                what = f"source '{source.id}': archive '{name}' cannot be read: {why}"
                problems.append(Problem(label, line, what))
                continue
        texts[source.id] = decode_archive(archives[name])
    if problems:
        raise CaseError(problems)
    digests = {name: sha256_hex(data) for name, data in spread.items()}
    return _Read(loaded, Inputs(loaded.root, cases, archives, digests), texts, posts)


def _authors(read: _Read) -> set[str]:
    """Return the actors the case's spread data names as authors of posts."""
    if read.spread is None:
        return set()
    from provenance.engine.spread import authors_known

    return authors_known(read.spread, read.loaded.case)


def _archive(root: Path, name: str) -> bytes:
    return read_archive_bytes(root / name)


def _analyse(read: _Read, as_of: str | None) -> Document:
    """Return the analysed document: build the graph, run the engine, check the evidence.
    With `as_of` (a date), the case is first cut to what could have been known at the end
    of that date (provenance.timeline), and the document records the date and what was
    left out; the evidence checks still read the whole case file. Raises ProvenanceError
    for an `as_of` before anything happened."""
    from provenance.checks import run_checks
    from provenance.engine import analyse
    from provenance.graph import build_graph

    loaded = read.loaded
    analysed, cut = loaded.case, None
    if as_of is not None:
        cut = _cut(loaded.case, as_of)
        analysed = cut.case
    kept = {s.id for s in analysed.sources}  # a cut case reads only the texts it keeps
    texts = {s: text for s, text in read.texts.items() if s in kept}
    spread = reposts = None
    if read.spread is not None:
        from provenance.engine.spread import reposts_of, spread_record

        spread = spread_record(read.spread, analysed, list(read.inputs.spread), as_of)
        reposts = reposts_of(spread["claims"])
    analysis = analyse(build_graph(analysed), analysed.rules, texts, reposts)
    findings = run_checks(loaded, read.texts, _authors(read))
    files = {display_path(p): _file_hash(data) for p, data in read.inputs.cases.items()}
    for name, data in read.inputs.archives.items():
        files[display_path(read.inputs.root / name)] = _file_hash(data)
    files.update(read.inputs.spread)  # spread files by their SHA-256, already taken
    # The casts are the boundary between the pipeline's own types and the document's:
    # records.py mirrors the models' JSON dump and the engine's results, and a test keeps
    # the two in step.
    case = cast("CaseRecord", analysed.model_dump(mode="json", exclude_none=True))
    doc: Document = {
        "format": FORMAT,
        "version": VERSION,
        "tool": engine_hash(),
        "case": case,
        "analysis": cast("Analysis", dict(analysis)),
        "checks": [cast("Finding", dict(f)) for f in findings],
        "files": dict(sorted(files.items())),
    }
    if cut is not None:
        doc["as_of"] = {"date": cut.as_of, "omitted": cut.omitted}
    if spread is not None:
        doc["spread"] = spread
    return doc


def _cut(case: Case, as_of: str) -> CaseAsOf:
    """Return the case cut to `as_of`; a date before every event is the user's mistake."""
    from provenance.errors import ProvenanceError
    from provenance.timeline import as_of as cut_to

    try:
        return cut_to(case, as_of)
    except ValueError as exc:
        raise ProvenanceError(f"--as-of: {exc}") from None


def build_document(
    path: Path, as_of: str | None = None, contents: dict[Path, bytes] | None = None
) -> Document:
    """Return the analysed document of the case at `path`, without the cache: read,
    validate, build the graph, analyse, check the evidence. `contents` gives the case
    files' bytes when they do not come from `path` (a case on standard input). Raises
    CaseError for a bad case."""
    cases = read_cases(path) if contents is None else contents
    with paused():
        return _analyse(_read(path, cases, {}, read_spread_bytes(path)), as_of)


def _cache_file(path: Path, as_of: str | None = None) -> Path | None:
    """Return the store file of the case at `path`: one per case path, working folder
    (a document shows file names relative to it, so its key covers them) and `--as-of`
    date, named after the case path so a person can find and delete it (and never
    resolved: a symlink loop cannot raise). Commands run from two folders thus keep a
    store each, rather than each replacing the other's."""
    folder = cache_dir()
    if folder is None:
        return None
    where = os.path.abspath(path)
    name = re.sub(r"[^A-Za-z0-9]+", "_", where).strip("_")[-100:]
    try:
        here = os.getcwd()
    except OSError:  # the working folder was removed: names are then shown in full
        here = ""
    seen_from = f"{where}\0{here}".encode("utf-8", "surrogateescape")
    tag = blake2b(seen_from, digest_size=6).hexdigest()
    if as_of is not None:
        tag += "@" + re.sub(r"[^0-9A-Za-z-]+", "_", as_of)[:40]
    return folder / f"{name}-{tag}.v{VERSION}.sqlite"


_DOCUMENT_SHAPE = {
    "format": str,
    "version": int,
    "tool": str,
    "case": dict,
    "analysis": dict,
    "checks": list,
    "files": dict,
}


def _archives(root: Path, names: list[str]) -> dict[str, bytes] | None:
    """Return the bytes of the archived texts a store was built from, or None when one
    of them cannot be read or now leads outside the case folder (a symlink retargeted:
    the key covers names and bytes, not where they are; the case is then read anew, and
    says why)."""
    try:
        if not all(inside_folder(root, name) for name in names):
            return None
        return {name: _archive(root, name) for name in names}
    except (OSError, ValueError, RuntimeError):
        return None


class Opened(NamedTuple):
    """An analysed document, and the stored term index to look records up in it (None
    when the document was not stored: caching switched off, or the store unwritable)."""

    doc: Document
    terms: Store | None


def load_document(path: Path, as_of: str | None = None) -> Document:
    """Return the analysed document of the case at `path` (as known at the end of
    `as_of`, when given), every section read: see `open_document`."""
    return open_document(path, as_of).doc


def open_document(path: Path, as_of: str | None = None, sections: frozenset[str] = ALL) -> Opened:
    """Return the analysed document of the case at `path` (as known at the end of
    `as_of`, when given) with its term index: from the store when its key matches what
    the files hold now, reading only `sections` of it (store.SECTIONS; the others are
    left empty, for a view that does not read them), else built anew, whole, and
    stored when possible. Raises CaseError for a bad case."""
    cases = read_cases(path)
    # Spread files run to hundreds of MB: the store is checked against their hashes,
    # taken without reading them into memory; they are read only to analyse them.
    digests = spread_digests(path)
    root = path if path.is_dir() else path.parent
    file = _cache_file(path, as_of)
    store = open_store(file)
    known: dict[str, bytes] = {}
    if store is not None:
        key, archives = store.stored
        known = _archives(root, archives) or {}
        if (
            len(known) == len(archives)
            and cache_key(Inputs(root, cases, known, digests), as_of) == key
        ):
            with paused():  # millions of small objects: the collector would rescan them
                doc = store.document(sections)
            if doc is not None and _shaped(doc):
                return Opened(doc, store)
        store.close()
    with paused():
        read = _read(path, cases, known, read_spread_bytes(path))
        if file is None:
            return Opened(_analyse(read, as_of), None)
        key = cache_key(read.inputs, as_of)  # before the analysis, from the bytes it analyses
        doc = _analyse(read, as_of)
    write_store(file, Stored(key, sorted(read.inputs.archives)), doc)
    store = open_store(file)
    if store is not None and store.stored.key != key:  # replaced meanwhile, by another run
        store.close()
        store = None
    return Opened(doc, store)


def _shaped(doc: Document) -> bool:
    """Whether a stored document has the document's top-level shape."""
    return all(isinstance(doc.get(k), kind) for k, kind in _DOCUMENT_SHAPE.items())
