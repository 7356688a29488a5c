"""The sentence pairings behind the side-by-side view's threshold, binned by cosine, to be read.

For every pair of readouts of one conversation in the shared corpus
(:func:`diplo_analysis.pair_readouts`), the sentences of the two readouts are
paired one to one for the largest total TF-IDF cosine (the similarity of
:mod:`diplo_analysis.pairview`, no threshold, no order constraint:
``scipy.optimize.linear_sum_assignment``).  The script prints how many of these
pairings fall in each cosine bin and, with ``--show LO HI``, the pairings of a
bin, both sentences in full, so that a reader can judge which say the same
thing.  ``pairview.ALIGN_THRESHOLD`` was chosen so (docs/workbench.md).

Usage::

    python benchmarks/eval_alignment.py [--corpus DIR] [--show LO HI]

Prints corpus text on the terminal (with ``--show``); never write it into the repository.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

import diplo_analysis as da
from diplo_analysis.config import corpus_dir, raw_dir
from diplo_analysis.pairview import ALIGN_THRESHOLD, _similarity

BINS = [0.0, 0.08, 0.15, 0.20, 0.25, 0.30, 0.40, 0.50, 1.0001]


def pairings(readouts) -> list[tuple[float, str, str, str, str]]:
    """(cosine, date, id_a:sentence, text_a, text_b) for the best one-to-one pairing of every corpus pair."""
    out = []
    for row in da.pair_readouts(readouts).itertuples():
        c = da.compare_pair(readouts, row.readout_id_a, row.readout_id_b)
        sim = _similarity(c)
        if sim.size == 0:
            continue
        for i, j in zip(*linear_sum_assignment(sim, maximize=True)):
            if sim[i, j] > 0:
                where = f"{row.date_a:%Y-%m-%d} {c.id_a}:{i + 1} {c.id_b}:{j + 1}"
                out.append((float(sim[i, j]), where, c.sentences_a["text"].iloc[i], c.sentences_b["text"].iloc[j]))
    return sorted(out, key=lambda x: (x[0], x[1]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None, help="the shared corpus (default: DIPLO_ANALYSIS_CORPUS)")
    ap.add_argument("--show", nargs=2, type=float, metavar=("LO", "HI"), help="print the pairings with LO <= cosine < HI")
    args = ap.parse_args(argv)
    corpus = args.corpus or corpus_dir()
    if corpus is None:
        print("the shared corpus is absent: set DIPLO_ANALYSIS_CORPUS", file=sys.stderr)
        return 2
    readouts = da.load_readouts(raw_dir(), corpus)
    found = pairings(readouts)
    counts, _ = np.histogram([v for v, *_ in found], bins=BINS)
    print(f"{len(found)} one-to-one pairings with a cosine above 0 (ALIGN_THRESHOLD = {ALIGN_THRESHOLD})")
    for lo, hi, n in zip(BINS, BINS[1:], counts):
        print(f"  [{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}: {n}")
    if args.show:
        lo, hi = args.show
        for v, where, a, b in found:
            if lo <= v < hi:
                print(f"\n{v:.3f}  {where}\n  A: {a}\n  B: {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
