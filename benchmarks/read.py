"""Reading a YAML case: today's reader against the alternatives of issue 17 ("Fast reading").

Run: .venv/bin/python benchmarks/read.py [--sizes 10000 100000] [--runs 3] [--gc-paused]
     [--only read_raw ...] [--compare TREE]

Generates cases of N assertions (`benchmarks/engine.py`'s `generate`, written with
`yaml.safe_dump`), then reads each with every approach whose package is installed, each
run in its own process: the median wall time, and the peak memory the read added (peak
RSS after the read minus RSS before it). Approaches:

- `read_raw`: `prov`'s reader (`provenance.read.rawfile.read_raw`). `--compare TREE`
  adds a row read by the `provenance` package under TREE, for instance the one-pass
  event reader of commit 8cbef32: `git archive 8cbef32 provenance | tar -x -C /tmp/ev`,
  then `--compare /tmp/ev`.
- `  events`: iterating the C parser's events alone, the floor of an event-driven reader.
- `  compose`: `yaml.compose_all` with the C loader, the node tree the old reader walked.
- `CSafeLoader`: `yaml.load(text, Loader=yaml.CSafeLoader)` alone.
- `CBaseLoader`: `yaml.load(text, Loader=yaml.CBaseLoader)`, every scalar a string.
- `rapidyaml`: `ryml.parse_in_arena`, then the tree walked into dicts and lists.
- `yaml-rs`: `yaml_rs.loads(text, parse_datetime=False)`.
- `record lines`: a cheap line pass, the line of every record and field found by the
  text's indentation (block style only, as `yaml.safe_dump` writes it).

Then, for each approach, small files in child processes (with a 2 GB address-space
limit and a 60 s timeout): whether plain scalars stay strings (`no`, `2025-04-09`,
`3`, `~`), whether a billion-laughs file (9 levels of 10 aliases) and 100,000-deep
nesting are refused, crash the process, or are accepted. Needs only the project's own
dependencies: an approach whose package is missing is skipped with a note.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.append(str(HERE.parent))  # PYTHONPATH=<another tree> measures its reader


def _read_raw(path: Path) -> Any:
    from provenance.read.rawfile import read_raw

    return read_raw(path)


def _events(path: Path) -> Any:
    import yaml

    for _ in yaml.parse(path.read_text(), Loader=yaml.CSafeLoader):
        pass


def _compose(path: Path) -> Any:
    import yaml

    return list(yaml.compose_all(path.read_text(), Loader=yaml.CSafeLoader))


def _csafe(path: Path) -> Any:
    import yaml

    return yaml.load(path.read_text(), Loader=yaml.CSafeLoader)


def _cbase(path: Path) -> Any:
    import yaml

    return yaml.load(path.read_text(), Loader=yaml.CBaseLoader)


def _ryml_walk(tree: Any, node: int) -> Any:
    if tree.is_map(node):
        out = {}
        child = tree.first_child(node)
        while child != -1 and child < tree.size():
            out[bytes(tree.key(child)).decode()] = _ryml_walk(tree, child)
            child = tree.next_sibling(child)
        return out
    if tree.is_seq(node):
        items = []
        child = tree.first_child(node)
        while child != -1 and child < tree.size():
            items.append(_ryml_walk(tree, child))
            child = tree.next_sibling(child)
        return items
    if tree.val_is_null(node):
        return None
    return bytes(tree.val(node)).decode()


def _ryml(path: Path) -> Any:
    import ryml

    tree = ryml.parse_in_arena(path.read_bytes())
    root = tree.root_id()
    if tree.is_stream(root):
        root = tree.first_child(root)
    return _ryml_walk(tree, root)


def _yaml_rs(path: Path) -> Any:
    import yaml_rs

    return yaml_rs.loads(path.read_text(), parse_datetime=False)


def _record_lines(path: Path) -> Any:
    """The line of every top-level key, record and record field, from indentation."""
    lines: dict[tuple[str | int, ...], int] = {}
    section, index = "", -1
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line[0] not in " -":
                section, index = line.split(":", 1)[0], -1
                lines[(section,)] = number
                continue
            body = line.lstrip(" ")
            if body.startswith("- ") and len(line) - len(body) <= 2:
                index += 1
                lines[(section, index)] = number
                body = body[2:]
            elif len(line) - len(body) > 4:
                continue
            if ":" in body:
                lines[(section, index, body.split(":", 1)[0])] = number
    return lines


APPROACHES: dict[str, tuple[str | None, Callable[[Path], Any], str]] = {
    # name: (module it needs, reader, gives lines)
    "read_raw": (None, _read_raw, "every value"),
    "  events": (None, _events, "every event"),
    "  compose": (None, _compose, "every node"),
    "CSafeLoader": ("yaml", _csafe, "no"),
    "CBaseLoader": ("yaml", _cbase, "no"),
    "rapidyaml": ("ryml", _ryml, "no (errors only)"),
    "yaml-rs": ("yaml_rs", _yaml_rs, "no (errors only)"),
    "record lines": (None, _record_lines, "records, fields"),
}


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1])
    return 0


def child(name: str, path: Path) -> None:
    """Read `path` once with approach `name` in this process; print seconds and MiB."""
    module, reader, _ = APPROACHES[name]
    import provenance.read.rawfile
    import provenance.read.yaml_case  # noqa: F401  (imports are not the read)

    if module:
        importlib.import_module(module)
    if os.environ.get("PROV_BENCH_GC") == "paused":
        gc.disable()  # as `prov` reads a case (provenance.gcpause)
    before = _status_kib("VmRSS:")
    start = time.perf_counter()
    reader(path)
    seconds = time.perf_counter() - start
    peak = _status_kib("VmHWM:")  # ru_maxrss would count the parent's peak
    print(json.dumps({"seconds": seconds, "mib": (peak - before) / 1024}))


SAMPLES = {
    "no 2025-04-09 3 ~": "a: no\nd: 2025-04-09\nn: 3\nq: ~\n",
    "billion laughs": "a: &a [x,x,x,x,x,x,x,x,x,x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
    ),
    "100k deep": "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
}


def probe(name: str, sample: str) -> None:
    """Read one sample file with approach `name`; print what came back, or the error."""
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    sys.setrecursionlimit(200_000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "case.yaml")
        path.write_text(SAMPLES[sample])
        try:
            data = APPROACHES[name][1](path)
        except Exception as exc:
            print(f"refused ({type(exc).__name__})")
            return
    if sample == "no 2025-04-09 3 ~":
        values = getattr(data, "data", data).values()
        print(" ".join(repr(v) if type(v) in (str, type(None)) else f"{v!s}!" for v in values))
    else:
        print("accepted")


def _run(args: list[str], timeout: float = 600, tree: str | None = None) -> str:
    env = dict(os.environ, PYTHONPATH=tree) if tree else None
    try:
        done = subprocess.run(
            [sys.executable, __file__, *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )
    except subprocess.TimeoutExpired:
        return f"timeout ({timeout:.0f} s)"
    if done.returncode < 0:
        return f"crash (signal {-done.returncode})"
    if done.returncode:
        return f"crash ({done.stderr.strip().splitlines()[-1][:60]})"
    return done.stdout.strip()


def main() -> None:
    """Print the timing table for each size, then the behaviour of each approach."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--compare", metavar="TREE", help="also read with the provenance package under TREE"
    )
    parser.add_argument(
        "--gc-paused", action="store_true", help="pause the collector, as prov does when reading"
    )
    parser.add_argument("--only", nargs="+", metavar="APPROACH", help="measure only these")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--probe", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], Path(args.child[1]))
    if args.probe:
        return probe(*args.probe)
    import yaml
    from engine import generate  # type: ignore[import-not-found]

    if args.gc_paused:
        os.environ["PROV_BENCH_GC"] = "paused"
    names = []
    for name, (module, _, _) in APPROACHES.items():
        if args.only and name.strip() not in args.only:
            continue
        if module and importlib.util.find_spec(module) is None:
            print(f"note: {name} skipped: its package ({module}) is not installed")
        else:
            names.append(name)
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            path = Path(folder, f"case-{n}.yaml")
            path.write_text(yaml.safe_dump(generate(n), sort_keys=False))
            size = path.stat().st_size / 1e6
            print(f"\n{n:,} assertions ({size:.1f} MB of YAML), median of {args.runs} runs")
            print(f"{'approach':<16} {'seconds':>8} {'peak MiB':>9}  lines")
            rows = [(name, name, None) for name in names]
            if args.compare:
                rows.insert(1, ("read_raw", "read_raw TREE", args.compare))
            for name, title, tree in rows:
                command = ["--child", name, str(path)]
                runs = [json.loads(_run(command, tree=tree)) for _ in range(args.runs)]
                seconds = statistics.median(r["seconds"] for r in runs)
                mib = statistics.median(r["mib"] for r in runs)
                print(f"{title:<16} {seconds:>8.2f} {mib:>9.0f}  {APPROACHES[name][2]}")
    print(f"\n{'approach':<16} " + " ".join(f"{s:<26}" for s in SAMPLES))
    for name, title, tree in [(n, n, None) for n in names] + (
        [("read_raw", "read_raw TREE", args.compare)] if args.compare else []
    ):
        if name.startswith(" ") or name == "record lines":
            continue
        found = [_run(["--probe", name, sample], 60, tree) for sample in SAMPLES]
        print(f"{title:<16} " + " ".join(f"{f[:26]:<26}" for f in found))


if __name__ == "__main__":
    main()
