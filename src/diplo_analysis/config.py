"""Where data lives.

The package always reads ``data/raw/`` of the repository (the shipped sample)
and, in addition, every file or folder listed in the environment variable
``DIPLO_ANALYSIS_DATA`` (paths separated by ``:``, as in ``PATH``).  Tests and
benchmarks that need the shared corpus look for it in ``DIPLO_ANALYSIS_CORPUS``
and then in ``../shared/corpus`` beside the repository.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

__all__ = ["repo_root", "raw_dir", "processed_dir", "data_paths", "corpus_dir"]

DATA_ENV = "DIPLO_ANALYSIS_DATA"
CORPUS_ENV = "DIPLO_ANALYSIS_CORPUS"


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
