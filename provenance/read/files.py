"""The bytes of case files and archived texts, read once each.

`provenance.document` hashes exactly the bytes read here for its cache key and hands the
same bytes on to the parsers, so an edit made while a run is under way can never be
cached under the old key. Light imports only: the cached path of `prov trace` uses it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.errors import CaseError, Problem
from provenance.paths import display_path, read_regular
from provenance.read.limits import MAX_ARCHIVE_BYTES, MAX_CASE_BYTES, MAX_SPREAD_BYTES

if TYPE_CHECKING:
    import mmap

SPREAD_FOLDER = "spread"
SPREAD_SUFFIX = ".jsonl"


def read_case_bytes(path: Path, label: str) -> bytes:
    """Return the bytes of the case file at `path` (at most MAX_CASE_BYTES); raise
    CaseError, reported under `label`, when it cannot be read."""
    try:
        return read_regular(path, MAX_CASE_BYTES, "MAX_CASE_BYTES")
    except OSError as exc:
        raise CaseError([Problem(label, 0, f"cannot read: {exc.strerror or exc}")]) from exc
    except ValueError as exc:
        raise CaseError([Problem(label, 0, f"{exc}: give a case file")]) from exc


def decode_case(data: bytes, label: str) -> str:
    """Return a case file's bytes as text (a UTF-8 byte-order mark dropped); raise
    CaseError naming the line of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        what = f"not UTF-8 text ({exc.reason} at byte {exc.start})"
        raise CaseError([Problem(label, line, f"{what}: save the file as UTF-8")]) from exc


def read_archive_bytes(path: Path) -> bytes:
    """Return the bytes of an archived text (at most MAX_ARCHIVE_BYTES). Raises OSError,
    or ValueError for a file too large or not a regular file."""
    return read_regular(path, MAX_ARCHIVE_BYTES, "MAX_ARCHIVE_BYTES")


def decode_archive(data: bytes) -> str:
    """Return an archived text's bytes as text: undecodable bytes replaced (a badly saved
    page is still checked) and line ends made `\\n`, as text-mode reading would."""
    text = data.decode("utf-8", errors="replace")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def spread_folder(case: Path) -> Path:
    """Return the folder of a case's spread data (`prov import spread` writes there): the
    case folder's `spread/`, or `NAME.spread/` beside a single case file `NAME.yaml`.

    >>> spread_folder(Path("cases/kato.yaml")).as_posix()
    'cases/kato.spread'
    """
    if case.is_dir():
        return case / SPREAD_FOLDER
    return case.with_name(f"{case.stem}.{SPREAD_FOLDER}")


def _spread_files(case: Path) -> list[Path]:
    """Return the spread files of the case at `case` (`*.jsonl` in its spread folder, see
    `spread_folder`), in name order; none when the folder does not exist."""
    folder = spread_folder(case)
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == SPREAD_SUFFIX)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise CaseError([Problem(str(folder), 0, f"cannot list: {exc.strerror}")]) from exc


def sha256_hex(data: bytes | mmap.mmap) -> str:
    """Return the SHA-256 of a spread file: CPUs compute it in hardware, half again as
    fast as BLAKE2b on hundreds of MB (hashlib loads OpenSSL: imported only here)."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def spread_digests(case: Path) -> dict[str, str]:
    """Return the SHA-256 of every spread file of the case at `case`, by the path it is
    shown under, hashed from a memory map instead of read into memory: what the cache
    is checked against. Raises CaseError for a file that cannot be read."""
    found: dict[str, str] = {}
    for path in _spread_files(case):
        name = display_path(path)
        try:
            found[name] = _mapped_sha256(path)
        except (OSError, ValueError) as exc:
            why = getattr(exc, "strerror", None) or str(exc)
            raise CaseError([Problem(name, 0, f"cannot read: {why}")]) from exc
    return found


def _mapped_sha256(path: Path) -> str:
    """Return the SHA-256 of a regular file through a memory map (opened without
    blocking, so a FIFO put in its place cannot hang; refused like any non-file)."""
    import mmap

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("not a regular file")
        if info.st_size > MAX_SPREAD_BYTES:
            raise ValueError(f"larger than {MAX_SPREAD_BYTES // 1_000_000:,} MB (MAX_SPREAD_BYTES)")
        if info.st_size == 0:
            return sha256_hex(b"")
        with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as mapped:
            return sha256_hex(mapped)
    finally:
        os.close(fd)


def read_spread_bytes(case: Path) -> dict[str, bytes]:
    """Return the bytes of every spread file of the case at `case` (see `_spread_files`),
    by the path errors show them under. Raises CaseError for a file that cannot be read."""
    found: dict[str, bytes] = {}
    for path in _spread_files(case):
        try:
            found[display_path(path)] = read_regular(path, MAX_SPREAD_BYTES, "MAX_SPREAD_BYTES")
        except OSError as exc:
            why = f"cannot read: {exc.strerror or exc}"
            raise CaseError([Problem(display_path(path), 0, why)]) from exc
        except ValueError as exc:
            raise CaseError([Problem(display_path(path), 0, f"{exc}: split it")]) from exc
    return found
