"""The ``diplo-analysis`` command.

Subcommands:

- ``diplo-analysis summary [PATH ...]``: load readouts (the configured data
  when no path is given) and print counts by publisher, medium and year, the
  rejects and the number of inputs.
- ``diplo-analysis build [--out DIR]``: run :func:`diplo_analysis.build.build`.

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
    print(f"\nTotal inputs: {inputs} ({len(df)} readouts + {len(rejects)} rejects)")
    return 0


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

    0 on success; 1 when an input cannot be read with ``errors="raise"``;
    2 for usage errors and missing paths (message on stderr).
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
