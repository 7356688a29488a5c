"""Helpers of the blind page tests (``test_blind_pages.py``, ``test_blind_txt.py``).

Imported as a plain module, as ``_frames`` is.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from diplo_analysis import load_readouts
from diplo_analysis.gazetteer import fold, lookup_leader


def load_pages(folder: Path) -> pd.DataFrame:
    """Load every page of ``folder`` (none may be rejected), indexed by file name."""
    df = load_readouts(folder, n_jobs=1)
    assert df.attrs["rejects"].empty, df.attrs["rejects"]
    return df.assign(file=df["path"].map(lambda p: Path(p).name)).set_index("file")


def person(name, date):
    """One person however spelt: the leaders table's name where it knows the person, else the folded name."""
    if not isinstance(name, str) or not name:
        return None
    leader = lookup_leader(name, pd.Timestamp(date) if date else None)
    return leader.name if leader else fold(name)


def text(value) -> str:
    """A frame's string cell, "" for None/NaN."""
    return value if isinstance(value, str) else ""
