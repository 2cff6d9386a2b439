"""Long fuzz run: N hostile case folders (tests/test_fuzz.py strategies) against every
command, each case in a child process with a timeout, so hangs and crashes by signal are
counted instead of stopping the run.

Run: .venv/bin/python benchmarks/fuzz.py [-n 10000] [--timeout 60] [--jobs 2] [--out fuzz-failures]

Prints counts of tracebacks, crashes by signal, hangs, malformed outputs, injections,
raw control characters and other failures, then the distinct failure lines with how often
each occurred. Every failing case folder is saved under --out with a failures.txt.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import pickle
import re
import sys
import time
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_fuzz import case_folders, run_one


def _child(files: dict[str, str | bytes], queue: Any) -> None:
    found: list[str] = []
    run_one(files, found.extend)
    queue.put(found)


def _one(files: dict[str, str | bytes], timeout: float) -> list[str]:
    queue: Any = multiprocessing.Queue()
    child = multiprocessing.Process(target=_child, args=(files, queue))
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
        ("raw control", "raw control chars"),
    ):
        if word in line:
            return klass
    return "other"


def _worker(job: tuple[int, float, str]) -> tuple[int, list[str], bytes]:
    number, timeout, _ = job
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = case_folders().example()
    return number, _one(files, timeout), pickle.dumps(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    args = parser.parse_args()
    classes: collections.Counter[str] = collections.Counter()
    lines: collections.Counter[str] = collections.Counter()
    started, failing = time.perf_counter(), 0
    jobs = [(i, args.timeout, "") for i in range(args.n)]
    with multiprocessing.pool.ThreadPool(args.jobs) as pool:
        for number, failures, blob in pool.imap_unordered(_worker, jobs):
            if not failures:
                continue
            failing += 1
            folder = args.out / f"case{number:06}"
            folder.mkdir(parents=True, exist_ok=True)
            for name, content in pickle.loads(blob).items():
                data = (
                    content
                    if isinstance(content, bytes)
                    else content.encode("utf-8", "surrogatepass")
                )
                (folder / name).write_bytes(data)
            (folder / "failures.txt").write_text("\n".join(failures) + "\n", encoding="utf-8")
            for line in set(failures):
                classes[_classify(line)] += 1
                lines[re.sub(r"line \d+, column \d+", "line N", line)[:160]] += 1
    took = time.perf_counter() - started
    print(f"{args.n} cases in {took:.0f} s; {failing} failing, saved under {args.out}/")
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
