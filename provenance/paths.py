"""Where cases and caches live. Kept free of heavy imports: the fast path of every command
starts here."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from provenance.errors import CaseError, Problem

CASE_SUFFIXES = (".yaml", ".yml", ".json")
SEED_CASE = "treasuries-2025"


def display_path(path: Path) -> str:
    """Return `path` relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside, unreadable, a symlink loop
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


_MISSING = (errno.ENOENT, errno.ENOTDIR)
_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    """Return what a file that is neither a regular file nor a folder is, in words."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _problem(path: Path, message: str) -> CaseError:
    return CaseError([Problem(display_path(path), 0, message)])


def case_files(path: Path) -> list[Path]:
    """Return the case files at `path`: the file itself, or a folder's YAML/JSON files.
    Never opens anything: a FIFO or a device is refused by its type, so nothing hangs."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno in _MISSING:
            raise _problem(
                path,
                "no such file or folder: give a case "
                "file or a folder of them with --case or PROV_CASE",
            ) from exc
        raise _problem(path, f"cannot open: {exc.strerror}: give a readable case file") from exc
    except ValueError as exc:  # an embedded NUL
        raise _problem(path, f"not a usable path ({exc}): give another") from exc
    if stat.S_ISREG(mode):
        return [path]
    if not stat.S_ISDIR(mode):
        raise _problem(
            path, f"is {kind_of(mode)}, not a case file: give a YAML or JSON file or a folder"
        )
    try:
        found = sorted(p for p in path.iterdir() if p.suffix in CASE_SUFFIXES and p.is_file())
    except OSError as exc:
        raise _problem(path, f"cannot list the folder: {exc.strerror}: make it readable") from exc
    if not found:
        raise _problem(path, "folder holds no case file (*.yaml, *.yml, *.json)")
    return found


def inside_folder(root: Path, name: str) -> bool:
    """Whether `name`, relative to the folder `root`, leads inside it once every symlink
    on the way is followed (where an archived text must be). Raises OSError, ValueError
    or RuntimeError (a symlink loop)."""
    return (root / name).resolve().is_relative_to(root.resolve())


def read_regular(path: Path, limit: int, limit_name: str) -> bytes:
    """Return the bytes of the regular file at `path`, at most `limit` of them (the
    constant `limit_name` says so in the error). Opens without blocking and checks the
    type on the open file, so a FIFO swapped in after listing cannot hang the read.
    Raises OSError, or ValueError for a file over `limit` or not a regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ValueError(f"is {kind_of(mode)}, not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"is larger than {limit // 1_000_000:,} MB (limit {limit_name})")
    return data


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


#: The largest memo `read_memo` reads (they hold a stamp and a hash).
MAX_MEMO_BYTES = 64_000


def read_memo(memo: Path | None) -> dict[str, object] | None:
    """Return a small JSON object remembered in the cache folder (a hash kept under a
    stamp of the files it was computed from), or None when absent, unreadable, not a
    regular file (a FIFO is not opened to wait for a writer) or not an object: the
    caller computes it again."""
    if memo is None:
        return None
    import json

    try:
        entry = json.loads(read_regular(memo, MAX_MEMO_BYTES, "MAX_MEMO_BYTES"))
    except (OSError, ValueError, RecursionError):
        return None
    return entry if isinstance(entry, dict) else None
