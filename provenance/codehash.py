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
from pathlib import Path
from typing import Any

from provenance import __version__
from provenance.paths import cache_dir, read_memo, write_atomic

try:  # hashlib's blake2b without loading OpenSSL, which costs 2.5 ms of start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

__all__ = ["NOT_ANALYSIS", "blake2b", "engine_hash", "hash_part", "package_files"]

_engine: list[str] = []


#: The parts of the package an analysed document never depends on: what shows, draws,
#: writes or imports a document, and the command line. The engine hash leaves them out
#: (a test builds documents and checks that no module of these was loaded).
NOT_ANALYSIS = frozenset({"views", "render", "report", "export", "imports"})


def engine_hash() -> str:
    """Return a hash of the code that builds an analysed document (every .py file of the
    package but those under NOT_ANALYSIS and the cli modules, by relative path, and the
    version), so a cache never outlives the code that wrote it. Computed once per
    process, and remembered in the cache folder under a stamp of the files' (path,
    size, modification time) list: the contents are read and hashed again whenever
    that list changes, so start-up stats the files instead of reading them."""
    if not _engine:
        package = Path(__file__).resolve().parent
        files = sorted(package_files(package, ""))
        stamp = blake2b(repr((__version__, files)).encode(), digest_size=16).hexdigest()
        folder = cache_dir()
        memo = None if folder is None else folder / "engine-hash.json"
        known = read_memo(memo)
        if known is not None and known.get("stamp") == stamp and isinstance(known.get("hash"), str):
            _engine.append(str(known["hash"]))
        else:
            digest = blake2b(__version__.encode(), digest_size=16)
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
