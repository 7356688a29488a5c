"""Benchmark of diplo_analysis.topics on the Kremlin 1999-2020 corpus.

Prints: fit time of ``topic_clusters(n_topics=20, random_state=0)``; whether a
second fit is identical; a keyword check (no stop word, honorific, number or
boilerplate among the keywords); the keywords of each topic; and the proxy
agreement with Kremlin-style topic tags: normalised mutual information (NMI)
against the hand-labelled references in ``tests/labels/topics_kremlin_dev.csv``
(url + one tag + split, no text) on its tuning half, its held-out half and
both, over several seeds, for this model, for the same model as a single fit
(``foreign_topics=None``) and for plain TF-IDF + NMF, with paired bootstrap
intervals for the difference to plain TF-IDF + NMF.

Run:  /work/venv/bin/python benchmarks/bench_topics.py [--compare] [--seeds 0 1 2]
``--compare`` also prints compare_topic_counts for 10..30 topics (slow: 15 fits).

The documents are read straight from the JSONL (title, text, date): topics
need nothing else, and the fit time measured is the model's alone.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import normalized_mutual_info_score as nmi

from diplo_analysis.config import corpus_dir, repo_root
from diplo_analysis.topics import compare_topic_counts, stop_words, topic_clusters

LABELS = repo_root() / "tests" / "labels" / "topics_kremlin_dev.csv"
BANNED = {"mr", "mrs", "ms", "jr", "dr", "kremlin", "white house", "readout", "briefing room", "briefing"}


def load() -> pd.DataFrame:
    root = corpus_dir()
    if root is None:
        sys.exit("shared corpus not found: set DIPLO_ANALYSIS_CORPUS")
    path = Path(root) / "kremlin_en_news_1999_2020" / "kremlin_en_news.jsonl"
    df = pd.read_json(path, lines=True, dtype={"date": str})
    df["date"] = pd.to_datetime(df["date"])
    return df[["url", "title", "text", "date"]]


def baseline(df: pd.DataFrame, seed: int = 0) -> np.ndarray:
    """Plain TF-IDF + NMF on the text, argmax topic (the reference point)."""
    X = TfidfVectorizer(stop_words="english").fit_transform(df["text"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        W = NMF(n_components=20, random_state=seed).fit_transform(X)
    return np.where(W.sum(axis=1) > 0, W.argmax(axis=1), -1)


def halves(labels: pd.DataFrame, df: pd.DataFrame):
    """(split name, positions in df, tags) for the tuning half, the held-out half and both."""
    pos = df.reset_index(drop=True).reset_index().merge(labels, on="url")
    out = [(name, g["index"].to_numpy(), g["tag"].to_numpy()) for name, g in pos.groupby("split", sort=False)]
    return out + [("both", pos["index"].to_numpy(), pos["tag"].to_numpy())]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--compare", action="store_true", help="also run compare_topic_counts (slow)")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2], help="seeds for the proxy NMI")
    args = parser.parse_args()
    df = load()
    print(f"documents: {len(df)} ({int((df['text'].str.strip() == '').sum())} with empty text)")

    t0, c0 = time.perf_counter(), time.process_time()
    model = topic_clusters(df, n_topics=20, random_state=0)
    fit, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"fit time: {fit:.1f} s wall, {cpu:.1f} s CPU (target < 30 s; wall time grows with the machine's load)")
    again = topic_clusters(df, n_topics=20, random_state=0)
    same = again.assignments.equals(model.assignments) and again.keywords.equals(model.keywords)
    print(f"deterministic (two fits identical): {same}")

    words = model.keywords["keyword"]
    bad = sorted({w for w in words if any(c.isdigit() for c in w) or w in BANNED
                  or set(w.split()) & (stop_words() | BANNED)})
    print(f"keyword check: {'ok' if not bad else 'FAILED ' + ', '.join(bad)}")
    print(f"names filtered by capitalisation: {len(model.names_)}; vocabulary: {len(model.model_.components_[0])}")
    if model.foreign_ is not None:
        k = int(sum(1 for t in range(model.n_topics) if model.assignments["topic"][model.foreign_].eq(t).any()))
        print(f"two-stage fit: {int(model.foreign_.sum())} readouts ({model.foreign_.mean():.0%}) name a foreign "
              f"side in their title -> topics 0..{k - 1}; the others -> topics {k}..{model.n_topics - 1}")
    for t, kw in model.top_keywords(8).items():
        print(f"  {t:2d} ({int((model.assignments['topic'] == t).sum()):4d} docs) {', '.join(kw)}")

    labels = pd.read_csv(LABELS)
    parts = halves(labels, df)
    print(f"\nproxy NMI vs {len(labels)} hand-labelled tags ({labels['tag'].nunique()} tags; "
          + ", ".join(f"{n} {len(t)}" for n, _, t in parts[:-1]) + ")")
    runs = {"model": lambda s: (model if s == 0 else topic_clusters(df, n_topics=20, random_state=s))
            .assignments["topic"].to_numpy(),
            "single fit (foreign_topics=None)": lambda s: topic_clusters(
                df, n_topics=20, random_state=s, foreign_topics=None).assignments["topic"].to_numpy(),
            "plain TF-IDF + NMF": lambda s: baseline(df, s)}
    topics = {name: {s: fn(s) for s in args.seeds} for name, fn in runs.items()}
    print(f"{'':34s}" + "".join(f"{n:>22s}" for n, _, _ in parts) + "   (mean over seeds " + str(args.seeds) + "; range)")
    for name, by_seed in topics.items():
        cells = []
        for _, idx, tags in parts:
            vals = [nmi(tags, by_seed[s][idx]) for s in args.seeds]
            cells.append(f"{np.mean(vals):.3f} ({min(vals):.3f}-{max(vals):.3f})")
        print(f"{name:34s}" + "".join(f"{c:>22s}" for c in cells))
    ours, base = topics["model"][args.seeds[0]], topics["plain TF-IDF + NMF"][args.seeds[0]]
    rng = np.random.default_rng(0)
    for name, idx, tags in parts:
        diffs = []
        for _ in range(1000):
            i = rng.integers(0, len(tags), len(tags))
            diffs.append(nmi(tags[i], ours[idx][i]) - nmi(tags[i], base[idx][i]))
        lo, hi = np.percentile(diffs, [2.5, 97.5])
        print(f"model - plain, {name}, seed {args.seeds[0]}: {nmi(tags, ours[idx]) - nmi(tags, base[idx]):+.3f} "
              f"(95% paired bootstrap {lo:+.3f} to {hi:+.3f})")

    if args.compare:
        table = compare_topic_counts(df, n_topics=(10, 15, 20, 25, 30), seeds=(0, 1, 2))
        print(table.round(3).to_string(index=False))


if __name__ == "__main__":
    main()
