"""Where cases and caches live. Kept free of heavy imports: the fast path of every command
starts here."""

from __future__ import annotations

import os
from pathlib import Path

from provenance.errors import CaseError, Problem

CASE_SUFFIXES = (".yaml", ".yml", ".json")
SEED_CASE = "treasuries-2025"


def display_path(path: Path) -> str:
    """Return `path` relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def default_case_path() -> Path:
    """Return the seed case shipped with the project: inside the installed package when
    built as a wheel, else the repository's seeds/ folder."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_seeds" / SEED_CASE, package.parent / "seeds" / SEED_CASE):
        if candidate.is_dir():
            return candidate
    raise CaseError(
        "the bundled seed case is missing: reinstall prov-tracker, or give a "
        "case with --case or PROV_CASE"
    )


def case_files(path: Path) -> list[Path]:
    """Return the case files at `path`: the file itself, or a folder's YAML/JSON files."""
    if not path.exists():
        raise CaseError(
            [
                Problem(
                    display_path(path),
                    0,
                    "no such file or folder: give a case "
                    "file or a folder of them with --case or PROV_CASE",
                )
            ]
        )
    if path.is_file():
        return [path]
    found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in CASE_SUFFIXES)
    if not found:
        raise CaseError(
            [Problem(display_path(path), 0, "folder holds no case file (*.yaml, *.yml, *.json)")]
        )
    return found


def cache_dir() -> Path | None:
    """Return the folder for analysed-case caches, or None when caching is switched off
    (PROV_CACHE_DIR set to an empty string)."""
    configured = os.environ.get("PROV_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "prov"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole: to a temporary file beside it, then rename."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    # mkstemp makes the file private; give it the mode any new file would get.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
