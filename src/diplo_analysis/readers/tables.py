"""CSV and TSV reader (``.csv``, ``.tsv``): one record per row.

The header names the columns; ``title``, ``text``, ``date``, ``url`` and
``publisher`` (or the names given in ``columns``) become the Record's fields
and every other column goes to ``Record.meta`` (empty cells as None).
``line`` is the physical line on which the row starts, the header being
line 1; a row whose quoted cell spans several lines keeps the line of its
first physical line. A file without the text column is one Reject (line 1)
that lists the columns found. Rows with more cells than the header are
Rejects; missing trailing cells are empty. Fully empty rows are skipped.

Hostile or broken files: cells may be as long as the file (csv's own 128 KiB
field limit is raised, so a long cell is never cut into junk rows), but a
row longer than ``limits.max_record_chars`` is a Reject; a quote that is
never closed is a Reject naming the line that opened it, and the rows after
that line are read on their own; a header naming a column twice is one
Reject (line 1); a file that looks binary and holds no record is one
``binary file`` Reject, else each bad row is its own.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterator, Union

from ..limits import LIMITS
from ..records import Record, Reject
from ._decode import check_columns, read_decoded, rejects_bad_input
from .jsonl import record_from_mapping, unless_binary

__all__ = ["read_csv"]


#: After this many unterminated quotes in one file, the rest of the file is one Reject.
MAX_UNTERMINATED = 100


def _next_row(reader):
    """``next(reader)`` with csv's field limit raised to the file limit (no cell is cut)."""
    old = csv.field_size_limit(max(LIMITS.max_file_bytes, 131072))
    try:
        return next(reader)
    finally:
        csv.field_size_limit(old)


def _unterminated(text: str, delimiter: str) -> bool:
    """Whether the row ``text`` ends inside a quoted cell."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _rows(lines: list, first: int, delimiter: str, header: list, spath: str, mapping: dict, encoding):
    """Records and Rejects of the data rows ``lines[first:]`` (0-based; line numbers 1-based).

    Returns the index of the line to restart from after an unterminated
    quote (the line after the one that opened it), or None at the end.
    """
    reader = csv.reader(iter(lines[first:]), delimiter=delimiter)
    start = first + 1  # physical line where the next row starts
    max_chars = LIMITS.max_record_chars
    n = len(header)
    while True:
        try:
            row = _next_row(reader)
        except StopIteration:
            return None
        except csv.Error as exc:
            yield Reject(spath, start, f"invalid CSV row: {exc}")
            start = first + reader.line_num + 1
            continue
        line = start
        start = first + reader.line_num + 1
        if start > len(lines) and _unterminated("".join(lines[line - 1:]), delimiter):
            yield Reject(spath, line, "invalid CSV row: a quoted cell opened on this line is never closed "
                                      "(unterminated quote); the rows after it are read on their own")
            return line  # restart at the next line
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > n:
            yield Reject(spath, line, f"row has {len(row)} cells, the header {n}")
            continue
        size = sum(map(len, row))
        if size > max_chars:
            yield Reject(spath, line, f"record too long: {size} characters, the limit is {max_chars} "
                                      "(limits.max_record_chars)")
            continue
        obj = {h: (row[k] if k < len(row) and row[k] != "" else None) for k, h in enumerate(header)}
        rec = record_from_mapping(obj, spath, line, mapping)
        if encoding and isinstance(rec, Record):
            rec.meta["encoding"] = encoding
        yield rec


@rejects_bad_input
def read_csv(path: Union[str, Path], columns=None) -> Iterator[Union[Record, Reject]]:
    """Yield a Record or a Reject for every data row of a CSV/TSV file."""
    spath = str(path)
    mapping = check_columns(columns)
    raw, encoding = read_decoded(path, binary_check=False)
    yield from unless_binary(raw, _csv_items(raw, encoding, spath, mapping), spath)


def _csv_items(raw: str, encoding, spath: str, mapping: dict) -> Iterator[Union[Record, Reject]]:
    delimiter = "\t" if spath.lower().endswith(".tsv") else ","
    lines = io.StringIO(raw, newline="").readlines()
    reader = csv.reader(iter(lines), delimiter=delimiter)
    try:
        header = [h.strip() for h in _next_row(reader)]
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
    twice = sorted({h for h in header if header.count(h) > 1})
    if twice:
        yield Reject(spath, 1, f"duplicate column names in the header: {', '.join(map(repr, twice))}; "
                               "each column needs its own name")
        return
    first, restarts = reader.line_num, 0
    while first is not None:
        if restarts > MAX_UNTERMINATED:
            yield Reject(spath, first + 1, f"not read: more than {MAX_UNTERMINATED} unterminated quotes in the file")
            return
        first = yield from _rows(lines, first, delimiter, header, spath, mapping, encoding)
        restarts += 1
