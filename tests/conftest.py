"""Shared fixtures.

Unit tests use small fixtures written for the purpose (``tests/fixtures`` and
inline strings).  Tests marked ``corpus`` need the shared corpus: they look for
it in ``$DIPLO_ANALYSIS_CORPUS``, then ``../shared/corpus`` beside the
repository, and are skipped (saying so) when it is absent.  CI always has it.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")

import pytest

from diplo_analysis.config import corpus_dir, repo_root

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The shipped sample readout in data/raw."""
    return repo_root() / "data" / "raw" / "000_adeb160aabaa433b.txt"


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """The shared corpus folder; skips the test, saying why, when absent."""
    path = corpus_dir()
    if path is None:
        pytest.skip("shared corpus not found: set DIPLO_ANALYSIS_CORPUS or put it at ../shared/corpus")
    return path


@pytest.fixture(scope="session")
def corpus_readouts(shared_corpus):
    """The shared corpus plus data/raw, loaded once per test session.

    Tests must not modify it (take ``.copy()`` first).
    """
    from diplo_analysis import load_readouts

    return load_readouts(repo_root() / "data" / "raw", shared_corpus)
