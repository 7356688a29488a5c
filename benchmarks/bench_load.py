"""Benchmark: load_readouts vs pandas.read_json on the corpus JSONL files.

The issue's target: loading the three dated corpus JSONL files (Kremlin
1999-2020, Kremlin 2021-2022, White House) with all metadata takes at most
5x as long as ``pandas.read_json(path, lines=True)`` on the same files.
Both run in this process, best of ``--repeat`` runs each, timed both by the
wall clock and by the process's CPU time (``time.process_time``): on a
machine shared with other jobs the wall ratio is noisy, the CPU ratio much
less so. The exit status follows the CPU ratio. The headline is a *first*
load: the metadata layer's memo caches are emptied before each timed run
(a repeat load in one session, caches full, is printed beside it).

    /work/venv/bin/python benchmarks/bench_load.py            # full loader
    /work/venv/bin/python benchmarks/bench_load.py --no-metadata
        # the loader's own overhead: extract_metadata replaced by a constant
    /work/venv/bin/python benchmarks/bench_load.py --n-jobs 2
        # also times load_readouts(..., n_jobs=2), on a separate line: the
        # headline ratio and the exit status are always single-process

With ``--n-jobs`` the CPU time counts this process only, not the workers:
compare wall times for it.

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


def clear_caches() -> None:
    """Empty the memo caches of the metadata layer (not the tables loaded once).

    ``metadata``, ``gazetteer`` and ``dates`` memoise pure functions of short
    strings; a second load of the same files finds them filled. The headline
    figure is a first load, so they are emptied before each timed run.
    """
    from diplo_analysis import dates, gazetteer, metadata

    for module in (metadata, gazetteer, dates):
        for obj in vars(module).values():
            params = getattr(obj, "cache_parameters", None)
            if params is not None and params().get("maxsize") != 1:
                obj.cache_clear()


def best_of(fn, repeat: int, setup=None) -> tuple[float, float]:
    """Best wall time and best CPU time of ``repeat`` calls of ``fn``, in seconds.

    ``setup()``, when given, runs before each call, outside the timing.
    """
    wall, cpu = [], []
    for _ in range(repeat):
        if setup is not None:
            setup()
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return min(wall), min(cpu)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each, best kept (default 5)")
    parser.add_argument("--no-metadata", action="store_true",
                        help="replace extract_metadata by a constant to time the loader alone")
    parser.add_argument("--max-ratio", type=float, default=5.0, help="fail above this ratio (default 5)")
    parser.add_argument("--n-jobs", type=int, default=1,
                        help="also time load_readouts(n_jobs=N), reported apart from the headline (default: no)")
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
    w_pd, c_pd = best_of(lambda: [pd.read_json(p, lines=True) for p in paths], args.repeat)
    w_us, c_us = best_of(lambda: corpus.load_readouts(*paths), args.repeat, setup=clear_caches)
    w_warm, c_warm = best_of(lambda: corpus.load_readouts(*paths), args.repeat)
    label = "load_readouts (metadata replaced by a constant)" if args.no_metadata else "load_readouts"
    print(f"files: {len(paths)} JSONL, {n_pd} lines; {n_us} readouts loaded")
    print(f"pandas.read_json(lines=True): wall {w_pd:.3f} s, cpu {c_pd:.3f} s (best of {args.repeat})")
    print(f"{label}, first load (memo caches emptied): wall {w_us:.3f} s, cpu {c_us:.3f} s (best of {args.repeat})")
    print(f"ratio: wall {w_us / w_pd:.2f}x, cpu {c_us / c_pd:.2f}x (target <= {args.max_ratio:g}x)")
    print(f"not the headline: repeat loads in one session (memo caches full): cpu {c_warm:.3f} s, "
          f"ratio {c_warm / c_pd:.2f}x")
    if args.n_jobs != 1:
        w_nj, c_nj = best_of(lambda: corpus.load_readouts(*paths, n_jobs=args.n_jobs), args.repeat)
        print(f"not the headline: {label} with n_jobs={args.n_jobs}: wall {w_nj:.3f} s "
              f"(ratio {w_nj / w_pd:.2f}x), cpu of this process only {c_nj:.3f} s")
    return 0 if c_us / c_pd <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
