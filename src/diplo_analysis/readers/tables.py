"""CSV and TSV reader (``.csv``, ``.tsv``): one record per row.

The header names the columns; ``title``, ``text``, ``date``, ``url`` and
``publisher`` (or the names given in ``columns``) become the Record's fields
and every other column goes to ``Record.meta`` (empty cells as None).
``line`` is the physical line on which the row starts, the header being
line 1; a row whose quoted cell spans several lines keeps the line of its
first physical line. A file without the text column is one Reject (line 1)
that lists the columns found. Rows with more cells than the header are
Rejects; missing trailing cells are empty. Fully empty rows are skipped.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterator, Union

from ..records import Record, Reject
from ._decode import check_columns, read_decoded, rejects_bad_input
from .jsonl import record_from_mapping

__all__ = ["read_csv"]


@rejects_bad_input
def read_csv(path: Union[str, Path], columns=None) -> Iterator[Union[Record, Reject]]:
    """Yield a Record or a Reject for every data row of a CSV/TSV file."""
    spath = str(path)
    mapping = check_columns(columns)
    raw, encoding = read_decoded(path)
    delimiter = "\t" if str(path).lower().endswith(".tsv") else ","
    reader = csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        yield Reject(spath, 1, f"invalid CSV header: {exc}")
        return
    if mapping["text"] not in header:
        found = ", ".join(repr(h) for h in header)
        yield Reject(
            spath, 1,
            f"no text column {mapping['text']!r} (columns: {found}); "
            f"map one with columns={{'text': '<column>'}}",
        )
        return
    n = len(header)
    start = reader.line_num + 1  # physical line where the next row starts
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Reject(spath, start, f"invalid CSV row: {exc}")
            start = reader.line_num + 1
            continue
        line = start
        start = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > n:
            yield Reject(spath, line, f"row has {len(row)} cells, the header {n}")
            continue
        obj = {h: (row[k] if k < len(row) and row[k] != "" else None) for k, h in enumerate(header)}
        rec = record_from_mapping(obj, spath, line, mapping)
        if encoding and isinstance(rec, Record):
            rec.meta["encoding"] = encoding
        yield rec
