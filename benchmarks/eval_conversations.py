"""Conversations on the corpus: the figures of docs/conversations.md.

Usage::

    python benchmarks/eval_conversations.py

Reads ``data/raw`` and the shared corpus (``DIPLO_ANALYSIS_CORPUS`` or
``../shared/corpus``) and prints:

- Joe Biden and Xi Jinping's conversations of 2021-2024 (expected: 9, 6 remote and 3 in person);
- the Xi-Putin calls, and how many documents tell them;
- whether each known two-sided pair of ``tests/labels/pairs_known.csv`` is one conversation;
- the announcements per publisher, and how many join the conversation they announce;
- Putin's calls with Saudi Arabia in 2020 (expected: 5, two of them three-way).

The exit status is 1 when one of the expected figures is not met.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

import pandas as pd

import diplo_analysis as da
from diplo_analysis.config import corpus_dir, repo_root
from diplo_analysis.pairs import lookup_ids


def with_leaders(convs: pd.DataFrame, *names: str) -> pd.DataFrame:
    return convs.loc[convs["participants"].map(lambda ps: all(n in ps for n in names))]


def main() -> int:
    corpus = corpus_dir()
    if corpus is None:
        print("the shared corpus is missing: set DIPLO_ANALYSIS_CORPUS")
        return 1
    readouts = da.load_readouts(repo_root() / "data" / "raw", corpus)
    start = time.perf_counter()
    convs = da.conversations(readouts)
    seconds = time.perf_counter() - start
    print(f"{len(readouts):,} readouts -> {len(convs):,} conversations ({seconds:.2f} s)")
    ok = True

    bx = with_leaders(convs, "Joseph R. Biden Jr.", "Xi Jinping")
    bx = bx.loc[bx["date"].dt.year.between(2021, 2024)]
    remote = int(bx["medium"].isin(["phone", "video"]).sum())
    print(f"Biden-Xi 2021-2024: {len(bx)} conversations, {remote} remote, {len(bx) - remote} in person, "
          f"{int(bx['n_readouts'].sum())} documents")
    ok &= (len(bx), remote) == (9, 6)

    xp = with_leaders(convs, "Xi Jinping", "Vladimir Putin")
    xp = xp.loc[xp["medium"].isin(["phone", "video"])]
    print(f"Xi-Putin calls: {len(xp)}, told by {int(xp['n_readouts'].sum())} documents")

    with open(Path(__file__).parents[1] / "tests" / "labels" / "pairs_known.csv", newline="", encoding="utf-8") as fh:
        known = list(csv.DictReader(fh))
    mapping = convs.attrs["readout_conversation"]
    one = 0
    for row in known:
        ids = {mapping.get(x) for ref in (row["ref_a"], row["ref_b"]) for x in lookup_ids(readouts, ref)}
        one += len(ids) == 1 and None not in ids
    print(f"known two-sided pairs that are one conversation: {one}/{len(known)}")
    ok &= one == len(known)

    anns = convs.attrs["announcements"].merge(readouts[["readout_id", "publisher"]], on="readout_id")
    table = anns.assign(joined=anns["conversation_id"].notna()).groupby("publisher")["joined"].agg(["size", "sum"])
    print("announcements per publisher (size) and those that join their conversation (sum):")
    print(table.to_string())

    freq = da.call_frequency(readouts, host="Vladimir Putin")
    sau = freq.loc["2020-01-01", "SAU"]
    print(f"Putin's calls with Saudi Arabia in 2020: {sau:g}")
    ok &= sau == 5
    print("all expected figures met" if ok else "SOME EXPECTED FIGURE IS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
