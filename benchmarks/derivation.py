"""Time of the rewrite detector (provenance/engine/rewrites.py) on generated sources.

Run: .venv/bin/python benchmarks/derivation.py [--sources 250 500 1000 2000]

Each generated source (~5 kB, benchmarks/textindex.py's generator) also names a few
people and figures. One source in ten copies a third of an earlier one (found by shared
passages); one in ten retells an earlier one in new words but keeps its people and
figures in order (found by the anchors); every source ends with the same disclaimer.
Prints seconds and MB/s per size, so linear growth shows as a flat MB/s, and what was
found of what was planted.
"""

from __future__ import annotations

import argparse
import random
import time

from benchmarks.textindex import _sentence, _vocabulary, sources
from provenance.engine.rewrites import detect


def _name(rng: random.Random, words: list[str]) -> str:
    return f"{rng.choice(words).capitalize()} {rng.choice(words).capitalize()}"


def corpus(
    n: int, seed: int = 3
) -> tuple[dict[str, str], set[tuple[str, str]], set[tuple[str, str]]]:
    """Return `n` texts, the planted copies and the planted retellings (original, copy)."""
    texts, copies = sources(n, seed)
    rng = random.Random(seed + 1)  # not the generator's sequence, or its sentences repeat
    words = _vocabulary(rng)
    names = sorted(texts)
    skeleton: dict[str, list[str]] = {}
    retold: set[tuple[str, str]] = set()
    copy_names = {c for _, c in copies}
    for i, name in enumerate(names):
        original = names[rng.randrange(i)] if i else name
        if i and name not in copy_names and original not in copy_names and rng.random() < 0.1:
            anchors = skeleton[original]
            body = [_sentence(rng, words) for _ in range(30)]
            texts[name] = " ".join(f"{s} {a}." for s, a in zip(body, anchors * 3, strict=False))
            retold.add((original, name))
        else:
            anchors = [
                f"said {_name(rng, words)}"
                if k % 2
                else f"costs rose {rng.randint(1, 999)}.{rng.randint(0, 9)}%"
                for k in range(8)
            ]
            sentences = texts[name].split(". ")
            if name in copy_names:  # a copy keeps its copied sentences as they are
                skeleton[name] = anchors
                continue
            texts[name] = ". ".join(
                f"{s} {a}" for s, a in zip(sentences, anchors * 6, strict=False)
            )
        skeleton[name] = anchors
    return texts, copies, retold


def _families(pairs: set[tuple[str, str]]) -> dict[str, str]:
    """Return each text's family: texts linked by planted pairs, named by the smallest."""
    head: dict[str, str] = {}

    def find(x: str) -> str:
        while head.setdefault(x, x) != x:
            x = head[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        head[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in list(head)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, nargs="*", default=[250, 500, 1000, 2000])
    args = parser.parse_args()
    for n in args.sources:
        texts, copies, retold = corpus(n)
        total = sum(map(len, texts.values()))
        started = time.perf_counter()
        found = detect(texts)
        took = time.perf_counter() - started
        pairs = {(d.left, d.right) for d in found}
        planted = {tuple(sorted(p)) for p in copies | retold}
        family = _families(copies | retold)
        unrelated = {p for p in pairs - planted if family.get(p[0], p[0]) != family.get(p[1], p[1])}
        print(
            f"detect  {n:5} sources  {total / 1e6:5.1f} MB  {took:6.2f} s  "
            f"{total / 1e6 / took:5.1f} MB/s  copies found "
            f"{len({tuple(sorted(p)) for p in copies} & pairs)}/{len(copies)}, retellings found "
            f"{len({tuple(sorted(p)) for p in retold} & pairs)}/{len(retold)}, "
            f"pairs within one family {len(pairs - planted - unrelated)}, unrelated pairs "
            f"{len(unrelated)}"
        )


if __name__ == "__main__":
    main()
