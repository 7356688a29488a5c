#!/usr/bin/env python
"""The main job: rebuild the derived tables and run every notebook into an HTML report.

Usage::

    DIPLO_ANALYSIS_DATA=/path/to/corpus python scripts/run_analysis.py [--out reports] [--processed DIR]

Steps, one progress line each on stderr:

0. Without ``$DIPLO_ANALYSIS_DATA`` (no corpus configured), the public corpora
   are fetched (:func:`diplo_analysis.datasets.fetch`: from
   ``$DIPLO_ANALYSIS_MIRROR`` or github.com into ``$DIPLO_ANALYSIS_CACHE`` or
   the user cache folder, verified; only the first time) and become the data,
   saying what is downloaded and how large.  Without a network (or with
   ``--no-fetch``) it says so and only the shipped sample (``data/raw``) is read.
1. ``diplo_analysis.build.build``: the derived tables (CSV) into ``data/processed``.
   Without the configured corpus (fetched corpora or the sample alone) the
   tables go to ``<out>/processed`` instead, so that the committed
   ``data/processed`` (built with the shared corpus) is not replaced.
   ``--processed`` chooses the folder explicitly.
2. Each ``notebooks/NN_*.ipynb`` in order, executed in a fresh ``python3`` kernel
   (working directory ``notebooks/``) and written as ``<out>/NN_*.html``.  The
   notebooks in the repository are not modified, unless ``--store``.

``--store`` (for maintainers, with the corpus configured) also writes the executed
notebooks back in place, as committed: outputs of cells tagged
``nbval-ignore-output`` cleared (they show corpus text) and no execution
timestamps, so that ``pytest --nbval`` compares against a fresh run.

Exits non-zero, naming the notebook and the cell, if a notebook fails.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _say(start: float, msg: str) -> None:
    print(f"[analysis {time.monotonic() - start:6.1f}s] {msg}", file=sys.stderr, flush=True)


IGNORE_OUTPUT_TAG = "nbval-ignore-output"


#: A warning shown in a notebook names the cell's temporary file ("/tmp/ipykernel_8123/2047725564.py:9"),
#: whose number changes with every kernel: stored in this form, the committed notebook is the same on every run.
_KERNEL_FILE = re.compile(r"/tmp/ipykernel_\d+/(\d+\.py)")


def stored_form(nb):
    """The executed notebook as committed: ignore-output cells cleared, no timing metadata, the kernel's
    temporary file names (in warnings) without the kernel's process number."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code" and IGNORE_OUTPUT_TAG in cell.metadata.get("tags", []):
            cell.outputs = []
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.get("output_type") == "stream":
                out["text"] = _KERNEL_FILE.sub(r"<cell \1>", out["text"])
    return nb


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def fetch_public(start: float) -> list[str]:
    """Fetch the public corpora (those not yet in the cache); return the folders fetched.

    Says what is fetched and how large; a corpus that cannot be fetched (no
    network, mirror unreachable) is reported and left out.
    """
    from diplo_analysis import datasets

    table = datasets.available()
    _say(start, "no corpus configured (DIPLO_ANALYSIS_DATA unset): using the public corpora, "
                f"cache {datasets.cache_root()}, server {datasets.mirror_base()}")
    for row in table.itertuples(index=False):
        what = f"{row.documents:,} documents, {row.files:,} file(s), {row.source}"
        if row.cached:
            _say(start, f"  {row.name}: in the cache ({_size(row.size)}; verified before use): {what}")
        else:
            _say(start, f"  {row.name}: to download from {row.url} ({what}; the bar shows the size as it "
                        "downloads, once)")
    paths, failed, offline = [], [], False
    for name in table["name"]:
        if offline and not table.set_index("name").loc[name, "cached"]:
            failed.append(name)  # the server cannot be reached: do not wait for it once per corpus
            _say(start, f"  {name}: not fetched (no network)")
            continue
        try:
            paths.append(str(datasets.fetch(name, progress=True).resolve()))
        except datasets.FetchError as exc:
            failed.append(name)
            offline = offline or exc.offline
            _say(start, f"  {name}: not fetched: {exc}")
    if paths:
        sizes = datasets.available().set_index("name")["size"]
        total = sum(int(sizes[n]) for n in table["name"] if n not in failed)
        _say(start, f"fetched corpora: {len(paths)} of {len(table)} ({_size(total)} on disk)")
    if failed and not paths:
        _say(start, "no network (or the server cannot be reached): running on the shipped sample only")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(REPO / "reports"), help="folder for the HTML reports (default: reports/)")
    parser.add_argument("--processed", default=None,
                        help="folder for the derived tables (default: data/processed with a corpus, "
                             "<out>/processed without)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed per notebook cell")
    parser.add_argument("--skip-build", action="store_true", help="only run the notebooks")
    parser.add_argument("--store", action="store_true",
                        help="write the executed notebooks back in place (ignore-output cells cleared)")
    parser.add_argument("--no-fetch", action="store_true",
                        help="without a configured corpus, do not fetch the public corpora: run on the sample")
    parser.add_argument("notebooks", nargs="*", help="notebook files to run (default: notebooks/NN_*.ipynb)")
    args = parser.parse_args(argv)

    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import CellExecutionError, ExecutePreprocessor

    from diplo_analysis import config
    from diplo_analysis.build import build

    start = time.monotonic()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    extra = [p.strip() for p in os.environ.get(config.DATA_ENV, "").split(os.pathsep) if p.strip()]
    fetched = []
    if not extra and not args.no_fetch and not args.store:
        fetched = fetch_public(start)
    if fetched:
        # the kernels inherit the variable; each corpus folder carries its reader options
        os.environ[config.DATA_ENV] = os.pathsep.join(fetched)
        _say(start, f"data: data/raw + the fetched corpora ({config.DATA_ENV}={os.environ[config.DATA_ENV]})")
        processed = Path(args.processed) if args.processed else out / "processed"
    elif extra:
        # The kernels run in notebooks/: hand them absolute paths, meant from where this job was started.
        extra = [str(Path(p).expanduser().resolve()) for p in extra]
        os.environ[config.DATA_ENV] = os.pathsep.join(extra)
        _say(start, f"data: data/raw + {config.DATA_ENV}={os.pathsep.join(extra)}")
        processed = Path(args.processed) if args.processed else config.processed_dir()
    else:
        _say(start, "corpus absent and no public corpus fetched: reading only the shipped sample in data/raw. "
                    f"Point at a corpus with {config.DATA_ENV}=/path/to/corpus "
                    "(e.g. DIPLO_ANALYSIS_DATA=../shared/corpus) for the full analysis.")
        processed = Path(args.processed) if args.processed else out / "processed"

    if args.store and not extra:  # (the fetched corpora are not the shared corpus the stored outputs show)
        _say(start, f"--store needs the corpus: the committed outputs are those of a run with {config.DATA_ENV} set")
        return 2

    if not args.skip_build:
        _say(start, f"step 1: build the derived tables into {processed}")
        tables = build(processed, progress=True)
        _say(start, f"step 1 done: {len(tables)} tables")

    notebooks = ([Path(p).resolve() for p in args.notebooks] if args.notebooks
                 else sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")))
    if not notebooks:
        _say(start, "no notebooks found in notebooks/")
        return 1
    exporter = HTMLExporter()
    failed = []
    for i, path in enumerate(notebooks, start=2):
        t0 = time.monotonic()
        _say(start, f"step {i}: run {path.name}")
        nb = nbformat.read(path, as_version=4)
        ep = ExecutePreprocessor(timeout=args.timeout, kernel_name="python3", record_timing=False)
        try:
            ep.preprocess(nb, {"metadata": {"path": str(path.parent)}})
        except CellExecutionError as exc:
            failed.append(path.name)
            _say(start, f"step {i} FAILED: {path.name}: {str(exc).strip().splitlines()[-1]}")
        body, _ = exporter.from_notebook_node(nb)
        html = out / f"{path.stem}.html"
        html.write_text(body, encoding="utf-8")
        if args.store and path.name not in failed:
            nbformat.write(stored_form(nb), path)
        _say(start, f"step {i} done: {html} ({time.monotonic() - t0:.1f}s)"
                    + (f"; stored {path.name}" if args.store and path.name not in failed else ""))
    if failed:
        _say(start, f"{len(failed)} notebook(s) failed: {', '.join(failed)}")
        return 1
    _say(start, f"all {len(notebooks)} notebooks ran; reports in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
