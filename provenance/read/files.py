"""The bytes of case files and archived texts, read once each.

`provenance.document` hashes exactly the bytes read here for its cache key and hands the
same bytes on to the parsers, so an edit made while a run is under way can never be
cached under the old key. Light imports only: the cached path of `prov trace` uses it.
"""

from __future__ import annotations

from pathlib import Path

from provenance.errors import CaseError, Problem
from provenance.paths import read_regular
from provenance.read.limits import MAX_ARCHIVE_BYTES, MAX_CASE_BYTES


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
