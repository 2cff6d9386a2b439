"""Time of passage matching (provenance/textindex.py) on generated text.

Run: .venv/bin/python benchmarks/textindex.py [--sizes 1 5 50] [--sources 1000]

- repeated_passages on one generated text of 1, 5 and 50 MB: sentences drawn from a
  vocabulary of 5,000 words, with one paragraph in fifty pasted again later (the
  duplicate-text check of `prov check`); target: 50 MB in under 10 s.
- shared_passages on N generated sources of ~5 kB each, where one in ten rewrites an
  earlier source (a third of its sentences copied, the rest new) and every source ends
  with the same disclaimer (boilerplate that must not pair them all).
Prints seconds, MB/s and what was found, so a regression shows as a number.
"""

from __future__ import annotations

import argparse
import random
import time

from provenance.textindex import repeated_passages, shared_passages


def _sentence(rng: random.Random, words: list[str]) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(8, 24))).capitalize() + "."


def _vocabulary(rng: random.Random, n: int = 5000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(n)]


def big_text(megabytes: float, seed: int = 1) -> str:
    """Return about `megabytes` MB of paragraphs, one in fifty repeating an earlier one."""
    rng = random.Random(seed)
    words = _vocabulary(rng)
    paragraphs: list[str] = []
    size, target = 0, int(megabytes * 1_000_000)
    while size < target:
        if paragraphs and rng.random() < 0.02:
            paragraph = rng.choice(paragraphs)
        else:
            paragraph = " ".join(_sentence(rng, words) for _ in range(rng.randint(2, 6)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(paragraphs)


def sources(n: int, seed: int = 2) -> tuple[dict[str, str], set[tuple[str, str]]]:
    """Return `n` texts of ~5 kB and the (original, rewrite) pairs planted among them."""
    rng = random.Random(seed)
    words = _vocabulary(rng)
    footer = "This article is for information purposes only and is not investment advice."
    texts: dict[str, list[str]] = {}
    planted: set[tuple[str, str]] = set()
    for i in range(n):
        name = f"src{i:05}"
        body = [_sentence(rng, words) for _ in range(45)]
        if i and rng.random() < 0.1:
            original = f"src{rng.randrange(i):05}"
            copied = rng.sample(texts[original], 15)
            body = copied + body[15:]
            rng.shuffle(body)
            planted.add((original, name))
        texts[name] = body
    return {k: " ".join(v) + "\n" + footer for k, v in texts.items()}, planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[1, 5, 50])
    parser.add_argument("--sources", type=int, default=1000)
    args = parser.parse_args()
    for megabytes in args.sizes:
        text = big_text(megabytes)
        started = time.perf_counter()
        repeats = repeated_passages(text)
        took = time.perf_counter() - started
        print(
            f"repeated_passages  {len(text) / 1e6:6.1f} MB  {took:6.2f} s  "
            f"{len(text) / 1e6 / took:6.1f} MB/s  {len(repeats)} repeated sentences"
        )
    texts, planted = sources(args.sources)
    total = sum(map(len, texts.values()))
    started = time.perf_counter()
    found = shared_passages(texts)
    took = time.perf_counter() - started
    pairs = {(o.left, o.right) for o in found}
    print(
        f"shared_passages    {len(texts)} sources, {total / 1e6:.1f} MB  {took:6.2f} s  "
        f"{len(found)} pairs; planted rewrites found {len(planted & pairs)}/{len(planted)}, "
        f"other pairs {len(pairs - planted)}"
    )


if __name__ == "__main__":
    main()
