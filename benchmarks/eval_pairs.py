"""Evaluate pair_readouts on the shared corpus against known pairs.

Loads data/raw (the sample) and the corpus JSONL files, pairs the readouts,
checks the known pairs of ``tests/labels/pairs_known.csv`` (references only:
urls or file paths), prints the loading and pairing times and the number of
pairs, explains each known pair that is missed (rule by rule, with the
metadata that blocks it), and lists pairs that look suspicious.

Usage::

    /work/venv/bin/python benchmarks/eval_pairs.py [--max-days 1] [--corpus DIR] [--originals]
        [--show-suspicious N]

Exit status 1 when a known pair is missed or a known non-pair
(``tests/labels/pairs_negative.csv``: same day, same leader, another
conversation) is paired.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import pandas as pd

from diplo_analysis import load_readouts
from diplo_analysis.config import corpus_dir, raw_dir, repo_root
from diplo_analysis.pairs import explain_pair, lookup_ids, names_match, pair_readouts

LABELS = repo_root() / "tests" / "labels" / "pairs_known.csv"
NEGATIVE = repo_root() / "tests" / "labels" / "pairs_negative.csv"
FILES = [
    "kremlin_en_news_1999_2020/kremlin_en_news.jsonl",
    "kremlin_en_2021_2022/kremlin_en_2021_2022.jsonl",
    "whitehouse_readouts_2021_2025/whitehouse_readouts.jsonl",
    "china_pages/china_readouts_pages.jsonl",
]


def _found(pairs: pd.DataFrame) -> dict:
    out = {}
    for r in pairs.itertuples(index=False):
        for x in [r.readout_id_a, *r.mirrors_a]:
            for y in [r.readout_id_b, *r.mirrors_b]:
                out[frozenset((x, y))] = r
    return out


def _suspicious(pairs: pd.DataFrame, df: pd.DataFrame) -> pd.DataFrame:
    """Pairs whose principals or dates deserve a look."""
    inferred = dict(zip(df["readout_id"], df["date_inferred"])) if "date_inferred" in df else {}
    reasons = []
    for r in pairs.itertuples(index=False):
        why = []
        if not isinstance(r.principal_a, str) or not isinstance(r.principal_b, str):
            why.append("principal missing (matched on country)")
        directions = [part.strip() for part in r.evidence.split(";")[:2]]
        if any("~" not in d for d in directions):
            why.append("a direction matched on country only")
        if isinstance(r.principal_a, str) and isinstance(r.principal_b, str) and names_match(r.principal_a, r.principal_b):
            why.append("both principals look like the same person")
        if inferred.get(r.readout_id_a) or inferred.get(r.readout_id_b):
            why.append("date inferred")
        if r.day_diff > 0:
            why.append(f"dates {r.day_diff} day(s) apart")
        if r.medium_a != r.medium_b:
            why.append(f"media differ ({r.medium_a}/{r.medium_b})")
        reasons.append("; ".join(why))
    out = pairs.assign(why=reasons)
    return out[out["why"] != ""]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max-days", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--originals", action="store_true", help="also load corpus/originals (HTML, Markdown)")
    ap.add_argument("--show-suspicious", type=int, default=25)
    args = ap.parse_args(argv)
    corpus = args.corpus or corpus_dir()
    if corpus is None:
        print("shared corpus not found: set DIPLO_ANALYSIS_CORPUS", file=sys.stderr)
        return 2
    paths = [raw_dir(), *[corpus / f for f in FILES]]
    if args.originals:
        paths += [corpus / "originals" / "kremlin_html", corpus / "originals" / "whitehouse_md"]

    t0 = time.perf_counter()
    df = load_readouts(*paths)
    t1 = time.perf_counter()
    pairs = pair_readouts(df, max_days=args.max_days)
    t2 = time.perf_counter()
    conv = df["medium"].astype(str).isin(["phone", "video", "in_person"])
    print(f"readouts: {len(df)} ({int(conv.sum())} conversations, {int(df['date'].isna().sum())} without date)")
    print(f"load time: {t1 - t0:.1f} s; pairing time: {t2 - t1:.2f} s")
    print(f"pairs: {len(pairs)}; by sides: "
          + ", ".join(f"{a}-{b} {n}" for (a, b), n in pairs.groupby(["side_a", "side_b"]).size().items()))

    found = _found(pairs)
    with open(LABELS, newline="", encoding="utf-8") as fh:
        known = list(csv.DictReader(fh))
    n_ok = 0
    print(f"\nknown pairs ({LABELS.name}):")
    for row in known:
        ids_a, ids_b = lookup_ids(df, row["ref_a"]), lookup_ids(df, row["ref_b"])
        hit = next((found[frozenset((x, y))] for x in ids_a for y in ids_b if frozenset((x, y)) in found), None)
        if hit is not None:
            n_ok += 1
            print(f"  FOUND   {row['date']} {row['note']}  [{hit.evidence}]")
            continue
        print(f"  MISSED  {row['date']} {row['note']}")
        if not ids_a or not ids_b:
            print(f"          not loaded: a={ids_a} b={ids_b}")
            continue
        cols = ["readout_id", "publisher", "date", "medium", "host", "host_country", "counterparts",
                "counterpart_countries"]
        for rid in (ids_a[0], ids_b[0]):
            r = df.loc[df["readout_id"] == rid, cols].iloc[0]
            print("          " + " | ".join(f"{c}={r[c]}" for c in cols[1:]))
        for msg in explain_pair(df, ids_a[0], ids_b[0], max_days=args.max_days) or [
            "every rule holds: lost to a mirror collapse or to the one-to-one assignment"
        ]:
            print(f"          - {msg}")
    print(f"\nknown pairs found: {n_ok}/{len(known)}")

    with open(NEGATIVE, newline="", encoding="utf-8") as fh:
        negative = list(csv.DictReader(fh))
    n_wrong = 0
    for row in negative:
        ids_a, ids_b = lookup_ids(df, row["ref_a"]), lookup_ids(df, row["ref_b"])
        if any(frozenset((x, y)) in found for x in ids_a for y in ids_b):
            n_wrong += 1
            print(f"  WRONG   {row['date']} {row['note']}")
    print(f"known non-pairs wrongly paired: {n_wrong}/{len(negative)} ({NEGATIVE.name})")

    sus = _suspicious(pairs, df)
    print(f"\nsuspicious pairs: {len(sus)} of {len(pairs)} (first {args.show_suspicious})")
    with pd.option_context("display.width", 250, "display.max_colwidth", 60):
        cols = ["date_a", "date_b", "side_a", "side_b", "principal_a", "principal_b", "medium_a", "medium_b", "why"]
        print(sus[cols].head(args.show_suspicious).to_string(index=False))
    return 0 if n_ok == len(known) and n_wrong == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
