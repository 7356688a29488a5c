"""Benchmark: load_readouts vs pandas.read_json on the corpus JSONL files.

The issue's target: loading the three dated corpus JSONL files (Kremlin
1999-2020, Kremlin 2021-2022, White House) with all metadata takes at most
5x as long as ``pandas.read_json(path, lines=True)`` on the same files.
Both run in this process, best of ``--repeat`` runs each.

    /work/venv/bin/python benchmarks/bench_load.py            # full loader
    /work/venv/bin/python benchmarks/bench_load.py --no-metadata
        # the loader's own overhead: extract_metadata replaced by a constant

Exits with status 2 and a message when the corpus is absent; with status 1
when the ratio is above ``--max-ratio`` (default 5).
"""

from __future__ import annotations

import argparse
import sys
import time

import pandas as pd

from diplo_analysis import config, corpus

FILES = (
    "kremlin_en_news_1999_2020/kremlin_en_news.jsonl",
    "kremlin_en_2021_2022/kremlin_en_2021_2022.jsonl",
    "whitehouse_readouts_2021_2025/whitehouse_readouts.jsonl",
)


def best_of(fn, repeat: int) -> float:
    """Best wall time of ``repeat`` calls of ``fn``, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, best kept (default 3)")
    parser.add_argument("--no-metadata", action="store_true",
                        help="replace extract_metadata by a constant to time the loader alone")
    parser.add_argument("--max-ratio", type=float, default=5.0, help="fail above this ratio (default 5)")
    args = parser.parse_args(argv)

    root = config.corpus_dir()
    if root is None:
        print("bench_load: shared corpus not found; set DIPLO_ANALYSIS_CORPUS or put it at ../shared/corpus",
              file=sys.stderr)
        return 2
    paths = [root / f for f in FILES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print("bench_load: corpus files missing: " + ", ".join(missing), file=sys.stderr)
        return 2

    if args.no_metadata:
        from diplo_analysis import metadata

        const = {"publisher": None, "date": pd.NaT, "date_inferred": False, "medium": "other",
                 "host": None, "host_country": None, "counterparts": [], "counterpart_countries": [],
                 "initiator": None}
        metadata.extract_metadata = lambda record: const

    n_pd = sum(len(pd.read_json(p, lines=True)) for p in paths)
    n_us = len(corpus.load_readouts(*paths))
    t_pd = best_of(lambda: [pd.read_json(p, lines=True) for p in paths], args.repeat)
    t_us = best_of(lambda: corpus.load_readouts(*paths), args.repeat)
    ratio = t_us / t_pd
    label = "load_readouts (metadata replaced by a constant)" if args.no_metadata else "load_readouts"
    print(f"files: {len(paths)} JSONL, {n_pd} lines; {n_us} readouts loaded")
    print(f"pandas.read_json(lines=True): {t_pd:.3f} s (best of {args.repeat})")
    print(f"{label}: {t_us:.3f} s (best of {args.repeat})")
    print(f"ratio: {ratio:.2f}x (target <= {args.max_ratio:g}x)")
    return 0 if ratio <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
