"""Time of `prov check` end to end on a case whose archived text is large.

Run: .venv/bin/python benchmarks/checks.py [--sizes 1 5 50]

For each size (MB), writes a small case (tests/cases/minimal.yaml) whose source
'article' has an archived text of that size (benchmarks/textindex.py's generated
paragraphs, one in fifty pasted again later, the quote near the end), then runs
`prov check` in a child process with caching off and reports the whole-process time,
followed by each check's share, in-process. Target (issue 11): 50 MB in under 10 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.textindex import big_text  # noqa: E402

PROV = Path(sys.executable).with_name("prov")
QUOTE = "it's not China, but Japan"


def write_case(folder: Path, megabytes: float) -> Path:
    """Write the case and its archived text of about `megabytes` MB; return the folder."""
    text = (ROOT / "tests" / "cases" / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("    kind: article\n", "    kind: article\n    archive: big.txt\n", 1)
    (folder / "case.yaml").write_text(text, encoding="utf-8")
    body = big_text(megabytes)
    (folder / "big.txt").write_text(body + f"\nHe said: {QUOTE}.\n" + body[:2000], "utf-8")
    return folder


def end_to_end(folder: Path) -> tuple[float, int]:
    """Return the seconds and exit code of `prov check` on `folder`, caching off."""
    env = {**os.environ, "PROV_CACHE_DIR": "", "PROV_CASE": ""}
    start = time.perf_counter()
    done = subprocess.run(
        [str(PROV), "check", "--case", str(folder)], env=env, capture_output=True, check=False
    )
    return time.perf_counter() - start, done.returncode


def per_check(folder: Path) -> list[tuple[str, float]]:
    """Return the seconds each registered check takes on the case, in-process."""
    from provenance.casefile import read_case
    from provenance.checks.findings import Findings
    from provenance.checks.registry import CHECKS
    from provenance.read.files import decode_archive

    loaded = read_case(folder)
    texts = {"article": decode_archive((folder / "big.txt").read_bytes())}
    out = []
    for spec in CHECKS:
        start = time.perf_counter()
        spec.run(loaded.case, texts, Findings(loaded, spec.kind))
        out.append((spec.kind, time.perf_counter() - start))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 50])
    args = parser.parse_args()
    for megabytes in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = write_case(Path(tmp), megabytes)
            size = (folder / "big.txt").stat().st_size / 1e6
            seconds, code = end_to_end(folder)
            target = "  (target 10 s)" if megabytes >= 50 else ""
            print(
                f"prov check, {size:6.1f} MB archived text: {seconds:6.2f} s, exit {code}{target}"
            )
            shares = ", ".join(f"{kind} {s:.2f} s" for kind, s in per_check(folder) if s >= 0.01)
            print(f"    checks in-process: {shares or 'each under 0.01 s'}")


if __name__ == "__main__":
    main()
