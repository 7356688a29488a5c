"""Dump the metadata of every readout of a corpus, and diff two dumps.

Usage::

    python scripts/metadata_diff.py dump OUT.csv [PATH ...]   # default paths: data/raw + $DIPLO_ANALYSIS_DATA
    python scripts/metadata_diff.py diff OLD.csv NEW.csv      # every changed fact, and counts per fact

A change to the extraction rules is checked this way: dump before (``git stash`` or
another worktree), dump after, diff, and read every changed record; the counts go
into the CHANGELOG. A dump holds facts only (ids, urls, dates, who with whom), never
readout text.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

#: The facts dumped, in order (lists joined with "|").
FACTS = ["url", "date", "date_inferred", "medium", "host", "host_country", "counterparts",
         "counterpart_countries", "initiator", "status", "planned_date", "language"]


def dump(out: str, paths: list[str]) -> int:
    import diplo_analysis as da

    readouts = da.load_readouts(*paths)
    frame = readouts.set_index("readout_id")[[c for c in FACTS if c in readouts.columns]].copy()
    for col in frame.columns:
        if frame[col].map(lambda v: isinstance(v, list)).any():
            frame[col] = frame[col].map(lambda v: "|".join("" if x is None else str(x) for x in v))
    frame.sort_index().to_csv(out, lineterminator="\n")
    print(f"{len(frame):,} readouts -> {out}")
    return 0


def diff(old_path: str, new_path: str) -> int:
    old = pd.read_csv(old_path, index_col="readout_id", dtype=str, keep_default_na=False)
    new = pd.read_csv(new_path, index_col="readout_id", dtype=str, keep_default_na=False)
    gone, added = old.index.difference(new.index), new.index.difference(old.index)
    print(f"readouts: {len(old):,} -> {len(new):,} ({len(gone)} gone, {len(added)} new)")
    for rid in list(gone) + list(added):
        print(f"{'gone' if rid in gone else 'new '} {rid} {(old if rid in gone else new).loc[rid, 'url']}")
    common = old.index.intersection(new.index)
    counts: dict[str, int] = {}
    changed = 0
    for rid in common:
        a, b = old.loc[rid], new.loc[rid]
        facts = [c for c in old.columns if c in new.columns and a[c] != b[c]]
        if not facts:
            continue
        changed += 1
        print(f"{rid} {a['url']}")
        for c in facts:
            counts[c] = counts.get(c, 0) + 1
            print(f"    {c}: {a[c]!r} -> {b[c]!r}")
    print(f"changed records: {changed}; per fact: {dict(sorted(counts.items()))}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("dump")
    p.add_argument("out")
    p.add_argument("paths", nargs="*")
    p = sub.add_parser("diff")
    p.add_argument("old")
    p.add_argument("new")
    args = parser.parse_args(argv)
    return dump(args.out, args.paths) if args.command == "dump" else diff(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
