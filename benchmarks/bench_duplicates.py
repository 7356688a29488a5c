"""Benchmark: the near-duplicate check grows linearly whatever the titles.

Invented records that share one title (or, untitled, the same opening
words) and a boilerplate sentence, each with its own content, none a copy:
the worst case of a check that compares candidates pairwise within a title
(issue 17: 4,000 such records took 106-152 s). Loads ``n`` and ``4 n`` of
them with ``load_readouts(n_jobs=1)`` and prints the time of each and the
growth ratio (4 for a linear check, 16 for a quadratic one).

    .venv/bin/python benchmarks/bench_duplicates.py            # n = 1000
    .venv/bin/python benchmarks/bench_duplicates.py --n 500

Exits with status 1 when a growth ratio is above ``--max-growth`` (default 6).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from diplo_analysis.corpus import load_readouts


def write_records(path: Path, n: int, titled: bool, seed: int = 0) -> None:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(3000)]
    boiler = " ".join(rng.choice(vocab) for _ in range(30))
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range(n):
            rec = {"text": boiler + " " + " ".join(rng.choice(vocab) for _ in range(60))}
            if titled:
                rec["title"] = "Telephone conversation"
            fh.write(json.dumps(rec) + "\n")


def timed_load(folder: Path, n: int, titled: bool) -> float:
    path = folder / f"same_{n}_{titled}.jsonl"
    write_records(path, n, titled)
    start = time.perf_counter()
    df = load_readouts(path, n_jobs=1)
    elapsed = time.perf_counter() - start
    assert len(df) + len(df.attrs["rejects"]) == n
    return elapsed


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--max-growth", type=float, default=6.0)
    args = ap.parse_args(argv)
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        timed_load(folder, 50, True)  # warm up: imports and tables
        for titled in (True, False):
            small = timed_load(folder, args.n, titled)
            large = timed_load(folder, 4 * args.n, titled)
            growth = large / small
            worst = max(worst, growth)
            what = "one title" if titled else "untitled, same opening"
            print(f"{what:24s} n={args.n}: {small:6.2f} s   4n={4 * args.n}: {large:6.2f} s   growth {growth:4.1f}x "
                  "(linear 4x, quadratic 16x)")
    return 1 if worst > args.max_growth else 0


if __name__ == "__main__":
    sys.exit(main())
