"""Writing what a command produced, at the edge: to stdout, to one file, or into a folder.

Every file is written whole and atomically (`paths.write_atomic`): a reader never sees
half a file, and a failed write leaves the old one in place. Each function returns the
line the CLI prints on stderr, or None when the output went to stdout.
"""

from __future__ import annotations

import sys
from pathlib import Path

from provenance.errors import ProvenanceError


def write_output(data: bytes, output: str, force: bool = True) -> str | None:
    """Write `data` to stdout ('-') or to the file `output`; refuse to replace an existing
    file unless `force`. Raises ProvenanceError (one line) when it cannot write."""
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return None
    target = Path(output)
    if target.exists() and not force:
        raise ProvenanceError(f"{output} exists: give another -o, or --force to replace it")
    from provenance.paths import write_atomic

    try:
        write_atomic(target, data)
    except OSError as exc:
        raise ProvenanceError(f"cannot write {output}: {exc.strerror}") from exc
    return f"wrote {output}"


def write_text(text: str, output: str, force: bool = True) -> str | None:
    """Write `text` as UTF-8, as `write_output` does."""
    if output == "-":
        sys.stdout.write(text)
        return None
    return write_output(text.encode("utf-8"), output, force)


def write_files(files: dict[str, str], folder: Path) -> str:
    """Write each of `files` (name -> text) into `folder`, creating it."""
    from provenance.paths import write_atomic

    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            write_atomic(folder / name, text.encode("utf-8"))
    except OSError as exc:
        raise ProvenanceError(f"cannot write into {folder}: {exc.strerror}") from exc
    return f"wrote {len(files)} file(s) into {folder}"
