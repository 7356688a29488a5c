"""Benchmark: pair_readouts on a calendar ten times as dense grows about linearly.

Invented readouts of calls between 60 leaders of 60 countries, each call told
by both sides, on ``--days`` days: ``n`` readouts, then ``10 n`` on the same
days (ten times as many calls a day). Where every event of a day was compared
with every other, the time grew as the square of the calls per day; blocked
on the day and the countries (``docs/pairs.md``, rule 3), it grows with the
calls. Prints the time of each and the growth ratio, best of ``--repeat``
runs, in this process.

    .venv/bin/python benchmarks/bench_pairs_density.py              # 2,000 and 20,000 readouts
    .venv/bin/python benchmarks/bench_pairs_density.py --n 1000

Exits with status 1 when the growth is above ``--max-growth`` (default 12).
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
import pandas as pd

from diplo_analysis.pairs import pair_readouts


def calendar(n: int, days: int, seed: int = 0) -> pd.DataFrame:
    """``n`` invented readouts (``n // 2`` calls, each told by both sides) over ``days`` days."""
    rng = np.random.default_rng(seed)
    leaders = [(f"Leader{i} Name{i}", f"C{i:02d}") for i in range(60)]
    rows = []
    for k in range(n // 2):
        i, j = rng.choice(len(leaders), size=2, replace=False)
        date = pd.Timestamp("2019-01-01") + pd.Timedelta(days=int(rng.integers(0, days)))
        for (host, side), (cp, cc) in (((leaders[i]), leaders[j]), (leaders[j], leaders[i])):
            rows.append({"readout_id": f"{side}-{k:07d}", "publisher": f"pub{side}", "url": None, "text": None,
                         "date": date, "date_inferred": False, "medium": "phone", "host": host,
                         "host_country": side, "counterparts": [cp], "counterpart_countries": [cc],
                         "n_words": 0})
    return pd.DataFrame(rows)


def best_time(df: pd.DataFrame, repeat: int) -> tuple[float, int]:
    times, n_pairs = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        n_pairs = len(pair_readouts(df))
        times.append(time.perf_counter() - start)
    return min(times), n_pairs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="readouts of the sparse calendar (default 2000)")
    ap.add_argument("--days", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--max-growth", type=float, default=12.0)
    args = ap.parse_args(argv)
    results = []
    for n in (args.n, 10 * args.n):
        seconds, n_pairs = best_time(calendar(n, args.days), args.repeat)
        results.append(seconds)
        print(f"{n:7d} readouts over {args.days} days: {seconds:6.2f} s, {n_pairs} pairs")
    growth = results[1] / results[0]
    print(f"growth for 10x the readouts a day: {growth:.1f}x (target <= {args.max_growth:g}x)")
    return 0 if growth <= args.max_growth else 1


if __name__ == "__main__":
    sys.exit(main())
