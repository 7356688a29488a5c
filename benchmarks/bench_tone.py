"""Speed of ``diplo_analysis.tone.sentiment`` against vaderSentiment, same process.

Splits every readout of the three corpus JSONL files (Kremlin 1999-2020,
Kremlin 2021-2022, White House) into sentences, then times

- the package: ``sentiment()`` (the learned model) on all sentences at once
  (best of 3 runs), and ``lexicon_sentiment()`` (the lexicon alone) beside it;
- VADER: ``SentimentIntensityAnalyzer().polarity_scores`` one sentence at a
  time on a fixed random sample (seed 0, default 10,000 sentences), its
  per-sentence rate extrapolated to all sentences.

and prints both times and their ratio.  Sentence splitting is not timed.
With numba installed (the ``fast`` extra) the tokeniser is compiled; set
``DIPLO_ANALYSIS_NO_NUMBA=1`` to time the numpy path (the same scores).

Usage::

    /work/venv/bin/python benchmarks/bench_tone.py [--sample 10000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_tone  # noqa: E402  (corpus reader and splitter fallback)


def corpus_sentences() -> pd.Series:
    corpus = eval_tone.read_corpus(["kremlin_1999_2020", "kremlin_2021_2022", "whitehouse"])
    split = eval_tone.package_splitter() or eval_tone.fallback_split
    return pd.Series([s for text in corpus["text"] for s in split(text)], dtype=object)


def _best_time(func, sents: pd.Series, repeat: int) -> float:
    best = np.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        func(sents)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="tone.sentiment vs VADER speed")
    ap.add_argument("--sample", type=int, default=10_000, help="VADER sample size (default 10000)")
    ap.add_argument("--repeat", type=int, default=3, help="package runs, best kept (default 3)")
    args = ap.parse_args(argv)

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from diplo_analysis.tone import lexicon_sentiment, sentiment
    from diplo_analysis.tone_model import _load_model

    sents = corpus_sentences()
    n = len(sents)
    splitter = "diplo_analysis.text.split_sentences" if eval_tone.package_splitter() else "fallback splitter"
    print(f"{n} sentences ({splitter}), {int(sents.str.len().sum())} characters")
    from diplo_analysis import _tone_kernel, tone

    kernel = tone.USE_KERNEL and _tone_kernel.AVAILABLE
    print("tokeniser: " + ("compiled (numba)" if kernel else "numpy (numba absent or DIPLO_ANALYSIS_NO_NUMBA set)"))

    _load_model()  # loading the lexicon and the model is a one-off cost, not part of scoring
    best = _best_time(sentiment, sents, args.repeat)
    print(f"package : {best:8.2f} s for all {n} sentences (the model, vectorised, best of {args.repeat})")
    lex = _best_time(lexicon_sentiment, sents, args.repeat)
    print(f"lexicon : {lex:8.2f} s for all {n} sentences (the lexicon alone, one of the model's signals)")

    rng = np.random.default_rng(0)
    sample = sents.iloc[np.sort(rng.choice(n, size=min(args.sample, n), replace=False))].tolist()
    sia = SentimentIntensityAnalyzer()
    t0 = time.perf_counter()
    for s in sample:
        sia.polarity_scores(s)
    vt = time.perf_counter() - t0
    per = vt / len(sample)
    print(f"VADER   : {vt:8.2f} s for a random sample of {len(sample)} sentences (seed 0), "
          f"{per * 1e3:.3f} ms/sentence")
    print(f"VADER   : {per * n:8.2f} s extrapolated to all {n} sentences")
    print(f"speed-up: {per * n / best:.1f}x (the lexicon alone: {per * n / lex:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
