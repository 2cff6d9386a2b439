"""Long fuzz run: N hostile case folders (tests/fuzz_cases.py) against every
command, each case in a child process with a timeout, so hangs and crashes by signal are
counted instead of stopping the run.

Run: .venv/bin/python benchmarks/fuzz.py [-n 10000] [--timeout 60] [--jobs 2] [--seed 0]
     [--out fuzz-failures]
     .venv/bin/python benchmarks/fuzz.py --rerun fuzz-failures   # the saved cases again

Prints counts of tracebacks, crashes by signal, hangs, malformed outputs, injections,
raw control characters and other failures, then the distinct failure lines with how often
each occurred. Every failing case folder is saved under --out with a failures.txt.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import pickle
import queue
import re
import sys
import threading
import time
from pathlib import Path
from typing import Any

import hypothesis
from hypothesis import HealthCheck, Phase, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fuzz_cases import case_folders
from tests.test_fuzz import run_one


def _child(files: dict[str, str | bytes], queue: Any) -> None:
    found: list[str] = []
    run_one(files, found.extend)
    queue.put(found)


# Children are forked from a single-threaded fork server, not from this process: it runs
# hypothesis's generator thread and the pool's threads, and a child forked while one of
# them holds a lock (an import, a queue) can wait on it for ever: a "hang" of the harness,
# not of prov (two such in a 10,000-case run ran again in under a second each).
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["tests.test_fuzz"])


def _one(files: dict[str, str | bytes], timeout: float) -> list[str]:
    queue: Any = _CONTEXT.Queue()
    child = _CONTEXT.Process(target=_child, args=(files, queue))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return [f"hang: no result within {timeout:g} s"]
    if child.exitcode and child.exitcode < 0:
        return [f"crash: killed by signal {-child.exitcode}"]
    if child.exitcode:
        return [f"crash: child exited with {child.exitcode}"]
    result: list[str] = queue.get(timeout=5)
    return result


def _classify(line: str) -> str:
    for word, klass in (
        ("hang:", "hangs"),
        ("crash:", "crashes by signal"),
        ("traceback", "tracebacks"),
        ("Error:", "malformed outputs"),
        ("not DOT", "malformed outputs"),
        ("link", "injections"),
        ("URL in", "injections"),
        ("</script", "injections"),
        ("label in DOT", "injections"),
        ("raw control", "raw control chars"),
    ):
        if word in line:
            return klass
    return "other"


def _generate(n: int, seed: int, out: queue.Queue[dict[str, str | bytes] | None]) -> None:
    """Put `n` generated case folders on `out` (then None), drawn by hypothesis as the
    test does, reproducibly for `seed` (`.example()` is for interactive use only)."""

    @hypothesis.seed(seed)
    @settings(
        max_examples=n,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case_folders())
    def produce(files: dict[str, str | bytes]) -> None:
        out.put(files)

    try:
        produce()
    finally:
        out.put(None)


def _worker(job: tuple[int, dict[str, str | bytes], float]) -> tuple[int, list[str], bytes]:
    number, files, timeout = job
    return number, _one(files, timeout), pickle.dumps(files)


def _save(folder: Path, files: dict[str, str | bytes], failures: list[str]) -> None:
    """Write a failing case folder and its failures.txt, to rerun by hand."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    (folder / "failures.txt").write_text("\n".join(failures) + "\n", encoding="utf-8")


def _load(folder: Path) -> dict[str, str | bytes]:
    """Return the files of a saved case folder (as `_save` wrote them), as bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "failures.txt"
    }


def rerun(saved: Path, timeout: float) -> None:
    """Run every saved failing case again (after a fix, or a fix of the checks) and print
    which still fail, with their failures."""
    folders = sorted(p for p in saved.iterdir() if (p / "failures.txt").exists())
    still = 0
    for folder in folders:
        failures = _one(_load(folder), timeout)
        if failures:
            still += 1
            print(f"{folder.name}: " + "; ".join(sorted(set(failures)))[:300])
    print(f"{len(folders)} saved case(s) run again: {still} still failing")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    parser.add_argument("--seed", type=int, default=0, help="same seed, same cases")
    parser.add_argument(
        "--rerun", type=Path, help="run the saved failing case folders under this folder again"
    )
    args = parser.parse_args()
    if args.rerun:
        rerun(args.rerun, args.timeout)
        return
    classes: collections.Counter[str] = collections.Counter()
    lines: collections.Counter[str] = collections.Counter()
    started, failing = time.perf_counter(), 0
    cases: queue.Queue[dict[str, str | bytes] | None] = queue.Queue(maxsize=4 * args.jobs)
    threading.Thread(target=_generate, args=(args.n, args.seed, cases), daemon=True).start()
    jobs = ((i, files, args.timeout) for i, files in enumerate(iter(cases.get, None)))
    ran = 0
    with multiprocessing.pool.ThreadPool(args.jobs) as pool:
        for number, failures, blob in pool.imap_unordered(_worker, jobs):
            ran += 1
            if ran % 250 == 0:
                took = time.perf_counter() - started
                print(f"... {ran} cases, {failing} failing, {took:.0f} s", file=sys.stderr)
            if not failures:
                continue
            failing += 1
            _save(args.out / f"case{number:06}", pickle.loads(blob), failures)
            for line in set(failures):
                classes[_classify(line)] += 1
                lines[re.sub(r"line \d+, column \d+", "line N", line)[:160]] += 1
    took = time.perf_counter() - started
    print(f"{ran} cases in {took:.0f} s (seed {args.seed}); {failing} failing, under {args.out}/")
    for klass in (
        "tracebacks",
        "crashes by signal",
        "hangs",
        "malformed outputs",
        "injections",
        "raw control chars",
        "other",
    ):
        print(f"  {klass:18} {classes[klass]}")
    for line, count in lines.most_common():
        print(f"  {count:6}  {line!r}")


if __name__ == "__main__":
    import multiprocessing.pool

    main()
