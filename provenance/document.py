"""The analysed case: the case's records plus the engine's results, as plain JSON data
typed by provenance.records.Document.

Everything a view needs (trace, status, explain) is in this one document, so views
never touch pydantic or networkx. `load_document` caches it per case, checked against
the size and modification time of every file it was built from, which keeps a cold
`prov trace` fast: the cache-hit path imports only json.
"""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from provenance import __version__
from provenance.paths import cache_dir, case_files, write_atomic

if TYPE_CHECKING:
    from provenance.model import Case
    from provenance.records import Analysis, CaseRecord, Document, Finding
    from provenance.timeline import CaseAsOf

__all__ = ["Document", "build_document", "code_stamp", "load_document"]


def __getattr__(name: str) -> object:
    """Give `provenance.document.Document` (the type lives in provenance.records) without
    importing its TypedDicts on the cached path, where they would cost import time."""
    if name == "Document":
        from provenance.records import Document

        return Document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


FORMAT = "prov-analysed-case"
VERSION = 1


def _stamp(path: Path) -> str:
    """Return a file's size and modification time in nanoseconds: what a cache compares.
    (Hashing the contents would cost an import and a read of every file on every run.)"""
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def code_stamp() -> str:
    """Return a fingerprint of the installed code, so a cache never outlives the code
    that wrote it (the version number alone does not change between commits)."""
    package = Path(__file__).resolve().parent
    parts = [__version__]
    parts += [f"{f.name}:{_stamp(f)}" for f in sorted(package.rglob("*.py"))]
    return "|".join(parts)


def build_document(path: Path, as_of: str | None = None) -> Document:
    """Return the analysed document of the case at `path`: read, validate, build the
    graph, analyse, check the evidence. With `as_of` (a date), the case is first cut to
    what could have been known at the end of that date (provenance.timeline), and the
    document records the date and what was left out; the evidence checks still read the
    whole case file. Raises CaseError for a bad case, ProvenanceError for an `as_of`
    before anything happened."""
    from provenance.casefile import archive_path, read_case
    from provenance.checks import read_archives, run_checks
    from provenance.engine import analyse
    from provenance.graph import build_graph

    loaded = read_case(path)
    analysed, cut = loaded.case, None
    if as_of is not None:
        cut = _cut(loaded.case, as_of)
        analysed = cut.case
    analysis = analyse(build_graph(analysed), analysed.rules)
    findings = run_checks(loaded, read_archives(loaded))
    deps = {str(f.resolve()): _stamp(f) for f in loaded.files}
    for source in loaded.case.sources:
        if source.archive:
            target = archive_path(loaded.root, source.archive)
            deps[str(target)] = _stamp(target)
    # The casts are the boundary between the pipeline's own types and the document's:
    # records.py mirrors the models' JSON dump and the engine's results, and a test keeps
    # the two in step.
    case = cast("CaseRecord", analysed.model_dump(mode="json", exclude_none=True))
    doc: Document = {
        "format": FORMAT,
        "version": VERSION,
        "tool": code_stamp(),
        "case": case,
        "analysis": cast("Analysis", dict(analysis)),
        "checks": [cast("Finding", dict(f)) for f in findings],
        "files": dict(sorted(deps.items())),
    }
    if cut is not None:
        doc["as_of"] = {"date": cut.as_of, "omitted": cut.omitted}
    return doc


def _cut(case: Case, as_of: str) -> CaseAsOf:
    """Return the case cut to `as_of`; a date before every event is the user's mistake."""
    from provenance.errors import ProvenanceError
    from provenance.timeline import as_of as cut_to

    try:
        return cut_to(case, as_of)
    except ValueError as exc:
        raise ProvenanceError(f"--as-of: {exc}") from None


def _cache_file(path: Path, as_of: str | None = None) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    # One cache file per case path (and --as-of date), named after it so a person can
    # find and delete it.
    name = re.sub(r"[^A-Za-z0-9]+", "_", str(path.resolve())).strip("_")[-120:]
    if as_of is not None:
        name += "@" + re.sub(r"[^0-9A-Za-z-]+", "_", as_of)
    return folder / f"{name}.v{VERSION}.json"


def _fresh(doc: dict[str, Any], path: Path) -> bool:
    """Return whether a cached document still matches every file it was built from."""
    if doc.get("format") != FORMAT or doc.get("version") != VERSION:
        return False
    files: dict[str, str] = doc.get("files", {})
    listed = {str(f.resolve()) for f in case_files(path)}
    if not listed <= files.keys():
        return False
    try:
        return all(_stamp(Path(name)) == stamp for name, stamp in files.items())
    except OSError:
        return False


def load_document(path: Path, as_of: str | None = None) -> Document:
    """Return the analysed document of the case at `path` (cut to the date `as_of` when
    given), from the cache when every file it was built from is unchanged, else built
    anew (and cached when possible)."""
    cache = _cache_file(path, as_of)
    if cache is not None and cache.is_file():
        try:
            cached = json.loads(cache.read_text(encoding="utf-8"))
            if _fresh(cached, path) and cached.get("tool") == code_stamp():
                doc: Document = cached
                return doc
        except (OSError, ValueError):
            pass  # a broken cache is rebuilt, never trusted
    doc = build_document(path) if as_of is None else build_document(path, as_of)
    if cache is not None:
        # A read-only cache folder costs speed, not correctness.
        with contextlib.suppress(OSError):
            write_atomic(cache, json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    return doc
