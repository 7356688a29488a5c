"""Where data lives.

The package always reads ``data/raw/`` of the repository (the shipped sample)
and, in addition, every file or folder listed in the environment variable
``DIPLO_ANALYSIS_DATA`` (paths separated by ``:``, as in ``PATH``).  Tests and
benchmarks that need the shared corpus look for it in ``DIPLO_ANALYSIS_CORPUS``
and then in ``../shared/corpus`` beside the repository.

When the variable names nothing, only the shipped sample (one readout) is
read: :func:`diplo_analysis.load_readouts` then says so once per process with
a :class:`~diplo_analysis.records.SampleDataWarning` (:func:`warn_if_sample_only`).
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Optional

__all__ = ["repo_root", "raw_dir", "processed_dir", "data_paths", "corpus_dir", "warn_if_sample_only"]

DATA_ENV = "DIPLO_ANALYSIS_DATA"
CORPUS_ENV = "DIPLO_ANALYSIS_CORPUS"
_sample_warned = False  # warn_if_sample_only has warned in this process


def repo_root() -> Path:
    """Return the repository's root folder.

    The folder holding ``pyproject.toml`` and ``data/`` above this package
    (an editable install, the normal case), else the nearest such folder
    above the current working directory, else the working directory.
    """
    here = Path(__file__).resolve()
    candidates = [here.parents[2], *Path.cwd().resolve().parents]
    candidates.insert(1, Path.cwd().resolve())
    for cand in candidates:
        if (cand / "pyproject.toml").is_file() and (cand / "data").is_dir():
            return cand
    return Path.cwd().resolve()


def raw_dir() -> Path:
    """Return ``data/raw`` of the repository (the shipped, immutable inputs)."""
    return repo_root() / "data" / "raw"


def processed_dir() -> Path:
    """Return ``data/processed`` of the repository (tables the build writes)."""
    return repo_root() / "data" / "processed"


def data_paths() -> list[Path]:
    """Return the configured inputs: ``data/raw`` plus ``$DIPLO_ANALYSIS_DATA``.

    Relative entries of the variable are taken from the current working
    directory or, when nothing is there, from the repository's root (a
    notebook's kernel runs in ``notebooks/``, so ``../shared/corpus`` set for
    the repository still works there).  Empty entries are ignored; a missing
    path is returned as it is, so that the loader raises
    :class:`FileNotFoundError` naming it.
    """
    paths = [raw_dir()]
    for entry in os.environ.get(DATA_ENV, "").split(os.pathsep):
        entry = entry.strip()
        if entry:
            p = Path(entry).expanduser()
            if not p.is_absolute() and not p.exists() and (repo_root() / p).exists():
                p = repo_root() / p
            if p.resolve() not in [q.resolve() for q in paths]:
                paths.append(p)
    return paths


def corpus_dir() -> Optional[Path]:
    """Return the shared corpus folder, or None when it is absent.

    ``$DIPLO_ANALYSIS_CORPUS`` if set, else ``../shared/corpus`` beside the
    repository.
    """
    env = os.environ.get(CORPUS_ENV)
    cand = Path(env).expanduser() if env else repo_root().parent / "shared" / "corpus"
    return cand if cand.is_dir() else None


def warn_if_sample_only(paths, stacklevel: int = 2) -> bool:
    """Warn, once per process, when the configured data is only the shipped sample.

    Parameters
    ----------
    paths : sequence of Path
        The configured inputs (:func:`data_paths`).
    stacklevel : int, default 2
        Passed to :func:`warnings.warn`, so the warning names the caller's line.

    Returns
    -------
    bool
        True when a :class:`~diplo_analysis.records.SampleDataWarning` was
        issued by this call: ``paths`` is ``data/raw`` alone and no earlier call
        in this process warned.
    """
    global _sample_warned
    from .records import SampleDataWarning

    paths = list(paths)
    if _sample_warned or len(paths) != 1 or Path(paths[0]).resolve() != raw_dir().resolve():
        return False
    _sample_warned = True
    n = sum(1 for f in raw_dir().glob("*") if f.is_file() and not f.name.endswith(".meta.json"))
    warnings.warn(
        f"${DATA_ENV} is not set, so only the shipped sample is loaded ({n} file(s) in {raw_dir()}): "
        "counts, rankings and figures will be empty or nearly so. Point the package at a corpus: "
        f"set {DATA_ENV}=/path/to/corpus before starting Python or Jupyter (`make lab` does it for the "
        "notebooks), or pass the folder, load_readouts('/path/to/corpus'). "
        "This warning is shown once per process.",
        SampleDataWarning, stacklevel=stacklevel + 1)
    return True
