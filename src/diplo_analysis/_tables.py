"""Reading the package's knowledge tables (``data/*.csv``): columns checked, every row checked, errors at file:line.

A private helper shared by the rooms that keep their knowledge as tables
(the cue table of :mod:`diplo_analysis.metadata`, the furniture rules of
:mod:`diplo_analysis.readers.furniture`); it imports nothing of the package.
"""

from __future__ import annotations

import csv

__all__ = ["read_checked_table"]


def read_checked_table(path, columns, what: str, check) -> list:
    """Read a CSV table of the package's knowledge (cues, furniture rules), each row checked.

    Parameters
    ----------
    path : str or Path
        The table (UTF-8, a header line first).
    columns : sequence of str
        The columns it must have.
    what : str
        What the table is, for the message ("cue", "furniture").
    check : callable
        ``check(row, where)`` -> the checked row; ``where`` is ``"path:line"``.

    Returns
    -------
    list
        ``check``'s result for each row, in order.

    Raises
    ------
    ValueError
        A missing column (naming the file), or what ``check`` raises.
    """
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: the {what} table lacks column(s) {missing}; it needs {list(columns)}")
        return [check(row, f"{path}:{n}") for n, row in enumerate(reader, start=2)]
