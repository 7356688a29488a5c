"""The ``diplo-analysis`` command.

Subcommands:

- ``diplo-analysis summary [PATH ...]``: load readouts (the configured data
  when no path is given) and print counts by publisher, medium and year, the
  rejects, the readouts kept with a warning (an empty text) and the number
  of inputs.
- ``diplo-analysis build [--out DIR]``: run :func:`diplo_analysis.build.build`.
- ``diplo-analysis fetch [NAME ...] [--all] [--cache DIR] [--quiet]``: fetch
  public corpora (:func:`diplo_analysis.datasets.fetch`), then print what is
  in the cache; with no name, only print that.

Each subcommand is a function ``cmd_<name>(args) -> int`` registered in
:data:`COMMANDS` with a function that adds its arguments; add a new one by
writing both and one entry there.
"""

from __future__ import annotations

import argparse
import sys
from typing import Callable, Optional, Sequence

__all__ = ["main", "build_parser", "COMMANDS"]


def _add_summary_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders to load (default: the configured data)")
    p.add_argument("--rejects", type=int, default=10, metavar="N",
                   help="how many rejects to list (default 10; 0 for none)")
    p.add_argument("--column", action="append", default=[], metavar="FIELD=NAME",
                   help="source name of a field for JSONL/CSV, e.g. --column text=body (repeatable)")


def _add_build_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", metavar="DIR", default=None,
                   help="output folder (default: data/processed of the repository)")


def _add_fetch_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("names", nargs="*", metavar="NAME",
                   help="corpora to fetch (see the list printed without a name)")
    p.add_argument("--all", action="store_true", help="fetch every available corpus")
    p.add_argument("--cache", metavar="DIR", default=None,
                   help="cache folder (default: $DIPLO_ANALYSIS_CACHE, else the user cache folder)")
    p.add_argument("--quiet", action="store_true", help="no progress bars")


def _size(n) -> str:
    """Bytes as a short human figure (``12.3 MB``)."""
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000


def cmd_fetch(args: argparse.Namespace) -> int:
    """Fetch the named corpora (or all), then summarise the cache."""
    from .datasets import CORPORA, FetchError, available, cache_root, fetch, mirror_base

    names = list(CORPORA) if args.all else list(dict.fromkeys(args.names))
    unknown = [n for n in names if n not in CORPORA]
    if unknown:
        raise ValueError(f"unknown corpus {', '.join(map(repr, unknown))}; available: {', '.join(CORPORA)}")
    failed = []
    for name in names:
        c = CORPORA[name]
        print(f"{name}: {c.documents:,} documents in {c.files:,} file(s) from {c.source}", flush=True)
        try:
            path = fetch(name, cache_dir=args.cache, progress=not args.quiet)
        except FetchError as exc:
            print(f"diplo-analysis fetch: {exc}", file=sys.stderr)
            failed.append(name)
            continue
        print(f"  ok: {path}", flush=True)
    table = available(cache_dir=args.cache)
    print(f"\nCache: {cache_root(args.cache)}  (downloads from {mirror_base()})")
    for row in table.itertuples(index=False):
        state = f"{_size(int(row.size)):>9}  {row.path}" if row.cached else f"{'-':>9}  not fetched"
        print(f"  {row.name:<32} {row.documents:>6} docs  {state}")
    cached = table[table["cached"]]
    print(f"{len(cached)} of {len(table)} corpora in the cache, {_size(int(cached['size'].sum()))}")
    if failed:
        print(f"diplo-analysis fetch: failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def _columns(pairs: Sequence[str]) -> Optional[dict]:
    out = {}
    for pair in pairs:
        field, sep, name = pair.partition("=")
        if not sep or not field or not name:
            raise ValueError(f"--column expects FIELD=NAME, got {pair!r}")
        out[field.strip()] = name.strip()
    return out or None


def _table(counts, width: int = 0) -> list[str]:
    """Lines ``  label  count`` for a Series of counts."""
    if len(counts) == 0:
        return ["  (none)"]
    labels = [str(k) for k in counts.index]
    w = max(width, max(len(s) for s in labels))
    return [f"  {lab:<{w}}  {int(n):>6}" for lab, n in zip(labels, counts.tolist())]


def cmd_summary(args: argparse.Namespace) -> int:
    """Print what ``load_readouts`` makes of the inputs."""
    import pandas as pd

    from .config import data_paths
    from .corpus import MEDIUM_CATEGORIES, load_readouts

    columns = _columns(args.column)
    if args.paths:
        paths = list(args.paths)
    else:
        paths = [str(p) for p in data_paths()]
        print("Configured data paths:")
        for p in paths:
            print(f"  {p}")
    df = load_readouts(*paths, columns=columns)
    rejects = df.attrs["rejects"]
    inputs = df.attrs["inputs"]
    print(f"Readouts: {len(df)}  Rejects: {len(rejects)}  Inputs: {inputs}")

    print("\nBy publisher:")
    pub = df["publisher"].fillna("unknown").value_counts(sort=False).sort_index()
    pub = pub.sort_values(ascending=False, kind="stable")
    print("\n".join(_table(pub)))

    print("\nBy medium:")
    med = df["medium"].value_counts(sort=False).reindex(MEDIUM_CATEGORIES, fill_value=0)
    print("\n".join(_table(med)))

    print("\nBy year:")
    years = df["date"].dt.year
    labels = years.map(lambda y: "unknown" if pd.isna(y) else str(int(y)))
    by_year = labels.value_counts(sort=False)
    order = sorted(by_year.index, key=lambda s: (s == "unknown", s))
    print("\n".join(_table(by_year.reindex(order))))

    print(f"\nRejects: {len(rejects)}")
    if args.rejects > 0 and len(rejects):
        shown = rejects.head(args.rejects)
        for r in shown.itertuples(index=False):
            print(f"  {r.path}:{r.line}: {r.reason}")
        if len(rejects) > len(shown):
            print(f"  ... and {len(rejects) - len(shown)} more")
    _print_warnings(df.attrs.get("warnings"), args.rejects)
    print(f"\nTotal inputs: {inputs} ({len(df)} readouts + {len(rejects)} rejects)")
    return 0


def _print_warnings(warned, limit: int) -> None:
    """The readouts kept with a warning (an empty text), the first ``limit`` listed."""
    if warned is None or not len(warned):
        return
    print(f"\nKept with a warning: {len(warned)}")
    shown = warned.head(max(limit, 0))
    for r in shown.itertuples(index=False):
        print(f"  {r.path}:{r.line}: {r.warning}")
    if len(warned) > len(shown):
        print(f"  ... and {len(warned) - len(shown)} more")


def cmd_build(args: argparse.Namespace) -> int:
    """Run ``diplo_analysis.build.build(out_dir)``."""
    try:
        from . import build as build_module
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.endswith("diplo_analysis.build"):
            print("diplo-analysis build: the build step is not available in this version "
                  "(module diplo_analysis.build not found)", file=sys.stderr)
            return 2
        raise
    from pathlib import Path

    from .config import processed_dir

    if args.out is not None and not args.out.strip():
        raise ValueError("--out is empty: name a folder, or leave --out out for data/processed")
    out_dir = Path(args.out) if args.out is not None else processed_dir()
    result = build_module.build(out_dir)
    return result if isinstance(result, int) and not isinstance(result, bool) else 0


#: name -> (help, add-arguments function, command function)
COMMANDS: dict[str, tuple[str, Callable, Callable]] = {
    "summary": ("print what was loaded: counts by publisher, medium and year, and the rejects",
                _add_summary_args, cmd_summary),
    "build": ("build the processed tables (diplo_analysis.build)", _add_build_args, cmd_build),
    "fetch": ("fetch public corpora into the cache, pinned and verified (diplo_analysis.datasets)",
              _add_fetch_args, cmd_fetch),
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one subparser per entry of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="diplo-analysis",
        description="Analyse official readouts of leaders' calls and meetings.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name, (help_text, add_args, func) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_args(p)
        p.set_defaults(func=func)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; return the exit status.

    0 on success; 1 when an input cannot be read with ``errors="raise"`` or
    a corpus cannot be fetched; 2 for usage errors and missing paths
    (message on stderr).
    """
    from .records import ReadoutError

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and on usage errors
        return int(exc.code or 0)
    try:
        return int(args.func(args))
    except FileNotFoundError as exc:
        print(f"diplo-analysis {args.command}: {exc}", file=sys.stderr)
        return 2
    except ReadoutError as exc:
        print(f"diplo-analysis {args.command}: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"diplo-analysis {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
