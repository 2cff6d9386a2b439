"""The hash of the code that builds an analysed document: part of every cache key, so
a cache never outlives the code that wrote it (provenance.document).

Only the code an analysis runs is hashed: the package without its views, renderers,
writers, importers and command line (NOT_ANALYSIS and the cli modules), whose edits
cannot change a document. A test builds documents and checks that no module outside
the hashed set was loaded.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from provenance import __version__
from provenance.paths import cache_dir, read_memo, write_atomic

try:  # hashlib's blake2b without loading OpenSSL, which costs 2.5 ms of start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

__all__ = [
    "LIBRARIES",
    "NOT_ANALYSIS",
    "blake2b",
    "engine_hash",
    "hash_part",
    "libraries",
    "package_files",
]

_engine: list[str] = []


#: The parts of the package an analysed document never depends on: what shows, draws,
#: writes or imports a document, and the command line. The engine hash leaves them out
#: (a test builds documents and checks that no module of these was loaded).
NOT_ANALYSIS = frozenset({"views", "render", "report", "export", "imports"})


#: The libraries whose behaviour enters an analysed document: validation, reading YAML,
#: graph algorithms, similarity figures, Chinese folding, JSON. Their installed
#: versions are part of the engine hash (as distribution names, as pip writes them).
LIBRARIES = frozenset(
    {"networkx", "orjson", "pydantic", "pydantic_core", "pyyaml", "rapidfuzz", "zhconv"}
)


def libraries() -> list[str]:
    """Return what else an analysis depends on: the Python version, its Unicode tables'
    version, and the `NAME-VERSION.dist-info` folder of each of LIBRARIES installed in
    a site-packages folder on sys.path (one listing each: no import, no metadata read).
    A library upgraded under the same `prov` then rebuilds every store."""
    import unicodedata

    found = [sys.version, unicodedata.unidata_version]
    for entry in sys.path:
        if not entry.endswith(("site-packages", "dist-packages")):
            continue
        try:
            with os.scandir(entry) as listing:
                names = [e.name for e in listing if e.name.endswith(".dist-info")]
        except OSError:
            continue
        found += sorted(n for n in names if n.split("-", 1)[0].lower() in LIBRARIES)
    return found


def engine_hash() -> str:
    """Return a hash of the code that builds an analysed document (every .py file of the
    package but those under NOT_ANALYSIS and the cli modules, by relative path, the
    version, and the `libraries` it runs on), so a cache never outlives the code that
    wrote it. Computed once per process, and remembered in the cache folder under a
    stamp of the files' (path, size, modification time) list and the libraries: the
    contents are read and hashed again whenever those change, so start-up stats the
    files instead of reading them."""
    if not _engine:
        package = Path(__file__).resolve().parent
        files = sorted(package_files(package, ""))
        used = libraries()
        stamp = blake2b(repr((__version__, files, used)).encode(), digest_size=16).hexdigest()
        folder = cache_dir()
        memo = None if folder is None else folder / "engine-hash.json"
        known = read_memo(memo)
        if known is not None and known.get("stamp") == stamp and isinstance(known.get("hash"), str):
            _engine.append(str(known["hash"]))
        else:
            digest = blake2b(__version__.encode(), digest_size=16)
            hash_part(digest, "libraries", repr(used).encode())
            for name, _size, _mtime in files:
                hash_part(digest, name, Path(package, name).read_bytes())
            _engine.append(digest.hexdigest())
            if memo is not None:
                data = json.dumps({"stamp": stamp, "hash": _engine[0]}).encode()
                with contextlib.suppress(OSError):
                    write_atomic(memo, data)
    return _engine[0]


def package_files(folder: Path, prefix: str) -> list[tuple[str, int, int]]:
    """Return (relative path, size, mtime_ns) of every .py file under `folder` that an
    analysed document may depend on (see NOT_ANALYSIS)."""
    found: list[tuple[str, int, int]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                if entry.name != "__pycache__" and not (not prefix and entry.name in NOT_ANALYSIS):
                    found += package_files(Path(entry.path), f"{prefix}{entry.name}{os.sep}")
            elif not prefix and entry.name.startswith("cli"):
                continue
            elif entry.name.endswith(".py") and entry.is_file():
                stat = entry.stat()
                found.append((prefix + entry.name, stat.st_size, stat.st_mtime_ns))
    return found


def hash_part(digest: Any, name: str, data: bytes) -> None:
    """Add one named file to a running hash, unambiguously (name and size first)."""
    digest.update(f"{len(name)}:{name}:{len(data)}:".encode("utf-8", "surrogatepass"))
    digest.update(data)
