"""Benchmark: load_readouts vs pandas.read_json on the corpus JSONL files.

The target (issue 10): loading the three dated corpus JSONL files (Kremlin
1999-2020, Kremlin 2021-2022, White House) with all metadata takes at most
3x as long as ``pandas.read_json(path, lines=True)`` on the same files (the
earlier bar was 5x).

The headline is the call a user makes, ``load_readouts(*paths)``, against
``read_json`` in this process, by the wall clock, best of ``--repeat`` runs
each, and a *first* load: the metadata layer's memo caches are emptied
before each timed run. Where the platform starts processes by fork and has
more than one CPU, that call extracts metadata in several processes (see
``load_readouts``' ``n_jobs``); the line says how many, and gives the CPU
time of all of them (this process and its workers). The exit status follows
this ratio.

Printed beside it, not the headline: the same load in one process
(``n_jobs=1``, wall and CPU time; the CPU ratio is the least noisy figure on
a shared machine, and what a one-CPU machine would see), and a repeat load in
one session with the memo caches full.

    /work/venv/bin/python benchmarks/bench_load.py            # full loader
    /work/venv/bin/python benchmarks/bench_load.py --no-metadata
        # the loader's own overhead: extract_metadata replaced by a constant
    /work/venv/bin/python benchmarks/bench_load.py --n-jobs 2
        # the headline with an explicit n_jobs instead of the default

Exits with status 2 and a message when the corpus is absent; with status 1
when the headline ratio is above ``--max-ratio`` (default 3).
"""

from __future__ import annotations

import argparse
import os
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
    """Empty the memo caches of the readers and the metadata layer (not the tables loaded once).

    ``metadata``, ``gazetteer``, ``dates`` and the readers' ``furniture``
    memoise pure functions of short strings; a second load of the same files
    finds them filled. The headline figure is a first load, so they are
    emptied before each timed run.
    """
    from diplo_analysis import dates, gazetteer, metadata
    from diplo_analysis.readers import furniture

    for module in (metadata, gazetteer, dates, furniture):
        for obj in vars(module).values():
            params = getattr(obj, "cache_parameters", None)
            if params is not None and params().get("maxsize") != 1:
                obj.cache_clear()


def best_of(fn, repeat: int, setup=None) -> tuple[float, float]:
    """Best wall time and best CPU time of ``repeat`` calls of ``fn``, in seconds.

    CPU time is this process's and that of the worker processes it waited
    for during the call. ``setup()``, when given, runs before each call,
    outside the timing.
    """
    wall, cpu = [], []
    for _ in range(repeat):
        if setup is not None:
            setup()
        t0, w0 = os.times(), time.perf_counter()
        fn()
        w1, t1 = time.perf_counter(), os.times()
        wall.append(w1 - w0)
        cpu.append((t1.user - t0.user) + (t1.system - t0.system)
                   + (t1.children_user - t0.children_user) + (t1.children_system - t0.children_system))
    return min(wall), min(cpu)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each, best kept (default 5)")
    parser.add_argument("--no-metadata", action="store_true",
                        help="replace extract_metadata by a constant to time the loader alone")
    parser.add_argument("--max-ratio", type=float, default=3.0, help="fail above this ratio (default 3)")
    parser.add_argument("--n-jobs", type=int, default=None,
                        help="time the headline with load_readouts(n_jobs=N) instead of the default")
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

    from diplo_analysis._workers import resolve_jobs

    n_jobs = None if args.n_jobs is None else args.n_jobs
    procs = resolve_jobs(n_jobs)[0]
    call = "load_readouts(*paths)" if n_jobs is None else f"load_readouts(*paths, n_jobs={n_jobs})"
    n_pd = sum(len(pd.read_json(p, lines=True)) for p in paths)
    n_us = len(corpus.load_readouts(*paths, n_jobs=1))
    w_pd, c_pd = best_of(lambda: [pd.read_json(p, lines=True) for p in paths], args.repeat)
    w_us, c_us = best_of(lambda: corpus.load_readouts(*paths, n_jobs=n_jobs), args.repeat, setup=clear_caches)
    w_one, c_one = best_of(lambda: corpus.load_readouts(*paths, n_jobs=1), args.repeat, setup=clear_caches)
    w_warm, c_warm = best_of(lambda: corpus.load_readouts(*paths, n_jobs=1), args.repeat)
    what = " (metadata replaced by a constant)" if args.no_metadata else ""
    print(f"files: {len(paths)} JSONL, {n_pd} lines; {n_us} readouts loaded")
    print(f"pandas.read_json(lines=True): wall {w_pd:.3f} s, cpu {c_pd:.3f} s (best of {args.repeat})")
    print(f"{call}{what}, first load (memo caches emptied), {procs} process{'es' if procs > 1 else ''}: "
          f"wall {w_us:.3f} s, cpu of all processes {c_us:.3f} s")
    print(f"ratio: wall {w_us / w_pd:.2f}x (target <= {args.max_ratio:g}x)")
    print(f"not the headline: n_jobs=1, first load: wall {w_one:.3f} s ({w_one / w_pd:.2f}x), "
          f"cpu {c_one:.3f} s ({c_one / c_pd:.2f}x)")
    print(f"not the headline: n_jobs=1, repeat load in one session (memo caches full): cpu {c_warm:.3f} s "
          f"({c_warm / c_pd:.2f}x)")
    return 0 if w_us / w_pd <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
