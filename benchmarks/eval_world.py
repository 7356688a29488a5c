"""Accuracy on real readouts of governments the corpus does not hold (issue 11's measure).

Usage::

    python benchmarks/eval_world.py                  # the dev part of the labels
    python benchmarks/eval_world.py --split heldout  # the part kept aside (not to tune to)
    python benchmarks/eval_world.py --split all --misses 10
    python benchmarks/eval_world.py --pages PATH.jsonl --labels PATH.csv --split all
    python benchmarks/eval_world.py --pages A.jsonl --labels A.csv --pages B.jsonl --labels B.csv
        # several sets scored as one (pairs in order)

The pages are ``world_pages/world_pages.jsonl`` of the shared folder
(``$DIPLO_ANALYSIS_WORLD`` or ``../shared/world_pages`` beside the repository),
read with ``load_readouts`` as a user would. The labels,
``tests/labels/world_pages.csv``, were made by reading the pages before
looking at the package's output; they hold urls and labels, never text. Each
label row has a ``split`` (``dev`` or ``heldout``: a fixed function of the
url's SHA-1, so it never moves). ``--pages`` and ``--labels`` score another
set of pages (a JSONL ``load_readouts`` reads, labels of the same columns; a
``split`` column is needed only for ``--split dev`` or ``heldout``).

Printed, per split: medium (all pages), host country (all pages), counterpart
country (calls and meetings as labelled: the labelled countries all found,
in any order), date (pages whose label states a date), initiator (pages
whose label names one), each as ``right/total = share``; the same for the
pages the loader detects as English and for the others (the others read the cue rows of their
language, or get no medium where it has none); and, with ``--misses``, the first
misses of each fact.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import sys
import warnings
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "labels" / "world_pages.csv"
#: The share of urls kept aside (by the first hex digit of their SHA-1: 0-3 of 0-f).
HELDOUT_DIGITS = "0123"


def split_of(url: str) -> str:
    """``heldout`` for about a quarter of the urls, fixed by the url alone; else ``dev``."""
    return "heldout" if hashlib.sha1(url.encode("utf-8")).hexdigest()[0] in HELDOUT_DIGITS else "dev"


def world_file() -> Path:
    root = Path(os.environ.get("DIPLO_ANALYSIS_WORLD") or REPO.parent / "shared" / "world_pages")
    return root / "world_pages.jsonl"


def read_labels(path: Path = LABELS) -> pd.DataFrame:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return pd.DataFrame(rows).fillna("")


def _codes(value) -> list:
    if isinstance(value, (list, tuple)):
        return [v for v in value if v]
    return [v for v in str(value or "").split("|") if v]


def score(labels: pd.DataFrame, readouts: pd.DataFrame) -> dict:
    """Fact -> list of (url, right, want, got)."""
    by_url = readouts.drop_duplicates("url").set_index("url")
    out: dict[str, list] = {k: [] for k in ("medium", "host_country", "counterpart_country", "date", "initiator")}
    for row in labels.itertuples(index=False):
        if row.url not in by_url.index:
            got = None
        else:
            got = by_url.loc[row.url]
        medium = None if got is None else str(got["medium"])
        out["medium"].append((row.url, medium == row.medium, row.medium, medium))
        hc = None if got is None else (got["host_country"] if isinstance(got["host_country"], str) else None)
        out["host_country"].append((row.url, hc == (row.host_country or None), row.host_country, hc))
        if row.medium in ("phone", "video", "in_person"):
            want = set(_codes(row.counterpart_countries))
            have = set(_codes(None if got is None else got["counterpart_countries"]))
            out["counterpart_country"].append((row.url, bool(want) and want <= have, "|".join(sorted(want)),
                                               "|".join(sorted(have))))
        if row.date:
            d = None if got is None or pd.isna(got["date"]) else pd.Timestamp(got["date"]).strftime("%Y-%m-%d")
            out["date"].append((row.url, d == row.date, row.date, d))
        if row.initiator:
            ini = None if got is None or not isinstance(got["initiator"], str) else got["initiator"]
            out["initiator"].append((row.url, ini == row.initiator, row.initiator, ini))
    return out


def _print(results: dict) -> None:
    for fact, rows in results.items():
        right = sum(r[1] for r in rows)
        share = right / len(rows) if rows else float("nan")
        print(f"{fact:20s} {right:4d}/{len(rows):<4d} = {share:.0%}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--pages", type=Path, action="append",
                        help="another JSONL of pages (default: world_pages); repeat with --labels to score "
                             "several sets as one")
    parser.add_argument("--labels", type=Path, action="append",
                        help="labels of those pages (a CSV; default: tests/labels/world_pages.csv)")
    args = parser.parse_args(argv)
    paths, label_paths = args.pages or [world_file()], args.labels or [LABELS]
    if len(paths) != len(label_paths):
        parser.error(f"give one --labels per --pages ({len(paths)} pages, {len(label_paths)} labels)")
    for path in paths:
        if not path.is_file():
            print(f"{path}: not found (set DIPLO_ANALYSIS_WORLD)")
            return 2
    import diplo_analysis as da

    labels = pd.concat([read_labels(p) for p in label_paths], ignore_index=True).fillna("")
    if args.split != "all":
        labels = labels.loc[labels["split"] == args.split]
    with warnings.catch_warnings():  # the pages not in English are counted below
        warnings.simplefilter("ignore", UserWarning)
        # each set loaded alone, as when scored alone (a page of one set is no duplicate of another's)
        frames = [da.load_readouts(p, n_jobs=1) for p in paths]
    readouts = pd.concat(frames, ignore_index=True)
    path = ", ".join(str(p) for p in paths)
    results = score(labels, readouts)
    print(f"{len(labels)} labelled pages ({args.split}) of {path}")
    _print(results)
    english = set(readouts.loc[readouts["language"] == "en", "url"])
    in_english = labels.loc[labels["url"].isin(english)]
    print(f"of them {len(in_english)} detected as English:")
    _print(score(in_english, readouts))
    others = labels.loc[~labels["url"].isin(english)]
    print(f"and {len(others)} detected in another language (read with the cue rows of their language, "
          f"or no medium where it has none: docs/metadata.md, 'Pages not in English'):")
    _print(score(others, readouts))
    if args.misses:
        for fact, rows in results.items():
            for url, _, want, got in [r for r in rows if not r[1]][: args.misses]:
                print(f"MISS {fact:18s} want {want!r:24s} got {got!r:24s} {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
