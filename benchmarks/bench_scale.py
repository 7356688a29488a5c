"""Benchmark: the pipeline at 1x and 10x the corpus, time and peak memory of each step, as growth ratios.

The three dated corpus JSONL files (Kremlin 1999-2020, Kremlin 2021-2022,
White House) are the 1x input. The 10x input is made in a temporary folder:
each file copied ``--factor`` times, every copy after the first with its
own urls (``?copy=k``), titles (`` (copy k)``) and one changed word (a token
``copyk`` at the end of the text), so that none is a duplicate of another.
Dates and counterparts are those of the original: ten times the density of
the same calendar, the hard case for the features that compare readouts.

Steps, as the build and the notebooks run them, each timed by the wall clock
in this process:

- ``load``: ``load_readouts(*files)`` (default ``n_jobs``), and beside it
  ``pandas.read_json(lines=True)`` on the same files (the loading target is
  at most 5x);
- ``statements``: :func:`diplo_analysis.speakers.statements`;
- ``sentiment``: :func:`diplo_analysis.tone.score_statements`;
- ``frequency``: :func:`diplo_analysis.frequency.call_frequency` by
  counterpart country and year;
- ``pairs``: :func:`diplo_analysis.pairs.pair_readouts`;
- ``topics``: :func:`diplo_analysis.topics.topic_clusters` of the calls and
  meetings (``n_topics=20``, ``random_state=0``, as the build).

Peak memory is the resident set size of this process (``/proc/self/statm``,
sampled every 20 ms by a thread) during each step; worker processes of the
load are not counted. Printed: each step's time and peak at 1x and 10x, the
growth ratio of the time (the issue's target: at most 12x for 10x the data),
the whole pipeline's peak (target: under 4 GB) and its time at 1x (target:
under 30 s on the 2-core reference machine). Beside the wall clock, the CPU
time of each step (user + system, of this process and of the load's worker
processes once they have exited) and its growth: on a machine shared with
other jobs the wall clock of a long step is inflated by the waits for a core
(a step's CPU growth near 10x and a wall growth far above it is contention,
not the algorithm).

    .venv/bin/python benchmarks/bench_scale.py              # 1x and 10x (several minutes)
    .venv/bin/python benchmarks/bench_scale.py --factor 3   # a quicker look
    .venv/bin/python benchmarks/bench_scale.py --skip topics

Exits with status 2 when the corpus is absent; with status 1 when a target
is missed.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd

from diplo_analysis import config

FILES = (
    "kremlin_en_news_1999_2020/kremlin_en_news.jsonl",
    "kremlin_en_2021_2022/kremlin_en_2021_2022.jsonl",
    "whitehouse_readouts_2021_2025/whitehouse_readouts.jsonl",
)
STEPS = ("load", "statements", "sentiment", "frequency", "pairs", "topics")
MAX_GROWTH = 12.0
MAX_PEAK_BYTES = 4 * 1024 ** 3
MAX_1X_SECONDS = 30.0
MAX_LOAD_RATIO = 5.0


class PeakRSS:
    """The largest resident set size of this process while the block runs (bytes; Linux)."""

    def __init__(self, interval: float = 0.02):
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

    def _rss(self) -> int:
        try:
            with open("/proc/self/statm") as fh:
                return int(fh.read().split()[1]) * self._page
        except OSError:  # not Linux: the peak of the whole run so far
            import resource

            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak = max(self.peak, self._rss())

    def __enter__(self) -> "PeakRSS":
        gc.collect()
        self.peak = self._rss()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and its exited children so far."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def make_copies(files: list[Path], factor: int, folder: Path) -> list[Path]:
    """Write each file ``factor`` times into ``folder`` (see the module docstring); return the new files."""
    out = []
    for path in files:
        target = folder / path.name
        with open(path, encoding="utf-8") as src, open(target, "w", encoding="utf-8") as dst:
            lines = [line for line in src if line.strip()]
            for k in range(factor):
                for line in lines:
                    if k == 0:
                        dst.write(line if line.endswith("\n") else line + "\n")
                        continue
                    obj = json.loads(line)
                    if obj.get("url"):
                        obj["url"] = f"{obj['url']}{'&' if '?' in obj['url'] else '?'}copy={k}"
                    if obj.get("title"):
                        obj["title"] = f"{obj['title']} (copy {k})"
                    if isinstance(obj.get("text"), str):
                        obj["text"] = obj["text"] + f" copy{k}"
                    dst.write(json.dumps(obj, ensure_ascii=False) + "\n")
        out.append(target)
    return out


def warm_up() -> None:
    """Import every module and build the tables once, on the shipped sample, untimed.

    So that the 1x figures are not charged with one-time costs the 10x run
    does not pay (imports, the metadata and lexicon tables).
    """
    import warnings

    from diplo_analysis.corpus import load_readouts
    from diplo_analysis.pairs import pair_readouts
    from diplo_analysis.speakers import statements
    from diplo_analysis.tone import score_statements
    from diplo_analysis.topics import topic_clusters

    readouts = load_readouts(config.raw_dir())
    score_statements(statements(readouts))
    pair_readouts(readouts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            topic_clusters(readouts, n_topics=2, random_state=0)
        except ValueError:  # too few readouts in the sample: the imports are done anyway
            pass


def run_pipeline(files: list[Path], skip: set) -> dict:
    """Run the steps on ``files``; return step -> (seconds, peak RSS bytes), plus ``read_json``."""
    from diplo_analysis.corpus import load_readouts
    from diplo_analysis.frequency import call_frequency
    from diplo_analysis.pairs import pair_readouts
    from diplo_analysis.speakers import statements
    from diplo_analysis.tone import score_statements
    from diplo_analysis.topics import topic_clusters

    results: dict = {}

    def step(name, func, *args, **kwargs):
        with PeakRSS() as mem:
            start, cpu0 = time.perf_counter(), cpu_seconds()
            value = func(*args, **kwargs)
            elapsed, cpu = time.perf_counter() - start, cpu_seconds() - cpu0
        results[name] = (elapsed, mem.peak, cpu)
        print(f"  {name:10s} {elapsed:8.2f} s  cpu {cpu:8.2f} s  peak {mem.peak / 1e6:8.0f} MB", file=sys.stderr,
              flush=True)
        return value

    step("read_json", lambda: [pd.read_json(f, lines=True) for f in files])
    readouts = step("load", load_readouts, *files)
    if "statements" not in skip or "sentiment" not in skip:
        st = step("statements", statements, readouts)
        if "sentiment" not in skip:
            step("sentiment", score_statements, st)
        del st
    if "frequency" not in skip:
        step("frequency", call_frequency, readouts, by="counterpart_country", freq="YS")
    if "pairs" not in skip:
        step("pairs", pair_readouts, readouts)
    if "topics" not in skip:
        conversations = readouts.loc[readouts["medium"].astype("object") != "other"]
        step("topics", topic_clusters, conversations, n_topics=20, random_state=0)
    results["rows"] = len(readouts)
    return results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--factor", type=int, default=10, help="copies of the corpus for the large run (default 10)")
    ap.add_argument("--skip", nargs="*", default=[], choices=STEPS[1:], help="steps to leave out")
    args = ap.parse_args(argv)
    corpus = config.corpus_dir()
    if corpus is None:
        print("bench_scale: the shared corpus is absent (set DIPLO_ANALYSIS_CORPUS)", file=sys.stderr)
        return 2
    files = [corpus / f for f in FILES]
    skip = set(args.skip)
    warm_up()
    print(f"1x: {', '.join(f.name for f in files)}", file=sys.stderr)
    small = run_pipeline(files, skip)
    with tempfile.TemporaryDirectory(prefix="bench_scale_") as tmp:
        big_files = make_copies(files, args.factor, Path(tmp))
        print(f"{args.factor}x: copies in a temporary folder", file=sys.stderr)
        big = run_pipeline(big_files, skip)
    ok = True
    print(f"\nreadouts: {small['rows']} at 1x, {big['rows']} at {args.factor}x")
    print(f"{'step':11s} {'1x s':>8s} {f'{args.factor}x s':>9s} {'growth':>7s} {'cpu growth':>10s} "
          f"{'1x peak MB':>11s} {f'{args.factor}x peak MB':>12s}")
    limit = MAX_GROWTH * args.factor / 10
    for name in ("read_json",) + STEPS:
        if name not in small:
            continue
        (t1, m1, c1), (t2, m2, c2) = small[name], big[name]
        growth = t2 / t1 if t1 > 0 else float("inf")
        cpu_growth = c2 / c1 if c1 > 0 else float("inf")
        flag = "" if name == "read_json" or growth <= limit else f"  > {limit:g}x"
        ok &= not flag
        print(f"{name:11s} {t1:8.2f} {t2:9.2f} {growth:6.1f}x {cpu_growth:9.1f}x {m1 / 1e6:11.0f} "
              f"{m2 / 1e6:12.0f}{flag}")
    total1 = sum(small[s][0] for s in STEPS if s in small)
    peak2 = max(big[s][1] for s in STEPS if s in big)
    load1 = small["load"][0] / small["read_json"][0]
    load2 = big["load"][0] / big["read_json"][0]
    print(f"pipeline at 1x: {total1:.1f} s (target < {MAX_1X_SECONDS:g} s); peak at {args.factor}x: "
          f"{peak2 / 1e9:.2f} GB (target < {MAX_PEAK_BYTES / 1024 ** 3:g} GB)")
    print(f"load vs read_json: {load1:.1f}x at 1x, {load2:.1f}x at {args.factor}x (target <= {MAX_LOAD_RATIO:g}x)")
    ok &= total1 < MAX_1X_SECONDS and peak2 < MAX_PEAK_BYTES and load2 <= MAX_LOAD_RATIO
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
