"""Benchmark: what verifying a cached corpus costs on every later ``datasets.fetch``.

A cached corpus is verified on every use: every kept file is hashed again
against the manifest (``docs/datasets.md``). This times ``fetch(name)`` on a
cache already holding the corpus (no network: the verification alone) against
the least any verification can cost, reading and hashing the same files with
``hashlib`` in this process, best of ``--repeat`` runs each, by the wall
clock. The files are random bytes in a temporary folder, shaped like the
Kremlin corpus by default (7,235 files of about 31 kB: the mean size of the
shared corpus's original pages).

    .venv/bin/python benchmarks/bench_fetch.py
    .venv/bin/python benchmarks/bench_fetch.py --files 14396 --kb 3   # the White House corpus's shape

Exits with status 1 when the ratio is above ``--max-ratio`` (default 1.5).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from diplo_analysis import datasets

NAME = "kremlin_en_news_1999_2020"
NEWS = "var/extract/en.kremlin.ru/events/president/news"


def _baseline(files: list[Path]) -> None:
    for f in files:
        hashlib.sha256(f.read_bytes()).hexdigest()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=7235)
    parser.add_argument("--kb", type=int, default=31, help="size of each file in kB")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--max-ratio", type=float, default=1.5)
    args = parser.parse_args(argv)

    rng = random.Random(0)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / NAME / NEWS
        folder.mkdir(parents=True)
        hashes, files = {}, []
        for i in range(args.files):
            data = rng.randbytes(args.kb * 1024)
            f = folder / f"{i}.html"
            f.write_bytes(data)
            files.append(f)
            hashes[f"{NEWS}/{i}.html"] = hashlib.sha256(data).hexdigest()
        text = datasets.digest_lines(hashes).encode("utf-8")
        (root / NAME / datasets.MANIFEST_FILE).write_bytes(text)
        datasets.CORPORA[NAME] = dataclasses.replace(
            datasets.CORPORA[NAME], digest=hashlib.sha256(text).hexdigest(), files=args.files)
        os.environ.pop(datasets.MIRROR_ENV, None)

        def best(fn) -> float:
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                fn()
                times.append(time.perf_counter() - t0)
            return min(times)

        _baseline(files)  # warm the page cache for both
        base = best(lambda: _baseline(files))
        fetched = best(lambda: datasets.fetch(NAME, cache_dir=root, progress=False))
    ratio = fetched / base
    mb = args.files * args.kb * 1024 / 1e6
    print(f"cached fetch (verification) of {args.files:,} files ({mb:.0f} MB): {fetched:.2f} s; "
          f"reading and hashing them: {base:.2f} s; ratio {ratio:.2f} (target <= {args.max_ratio})")
    return 0 if ratio <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
