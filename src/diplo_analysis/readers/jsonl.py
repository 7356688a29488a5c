"""JSON Lines reader (``.jsonl``, ``.ndjson``) and ``.json`` files.

One JSON object per line. The fields ``title``, ``text``, ``date``, ``url``
and ``publisher`` (or the source names given in ``columns``) become the
Record's fields; every other field goes to ``Record.meta``. Blank lines are
not records. A line that is not valid JSON, not an object, or has no text
field is a Reject naming that line; the other lines still load.

A ``.json`` file is read as JSON Lines when its first non-blank line is a
whole object; otherwise as one JSON document: an object (one record, line 1)
or an array of objects (``line`` is then the 1-based item number).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator, Union

from ..records import Record, Reject
from ._decode import check_columns, clean_page_text, field_str, normalise_paragraphs, read_decoded, rejects_bad_input

__all__ = ["read_jsonl", "read_json", "record_from_mapping"]

_DECODER = json.JSONDecoder()
_LINE_WS = re.compile(r"[ \t\r]*")  # the whitespace JSON allows, but for the line end


def record_from_mapping(obj: dict, path: str, line: int, mapping: dict) -> Union[Record, Reject]:
    """Turn one source object into a Record (fields by ``mapping``) or a Reject.

    ``obj`` is consumed: what is left of it becomes ``Record.meta``.
    """
    tkey = mapping["text"]
    if tkey not in obj:
        found = ", ".join(map(str, obj)) or "none"
        return Reject(
            path, line,
            f"no text field {tkey!r} (fields: {found}); map one with columns={{'text': '<field>'}}",
        )
    text = obj.pop(tkey)
    if text is None:
        text = ""
    elif not isinstance(text, str):
        text = str(text)
    title = field_str(obj.pop(mapping["title"], None))
    url = field_str(obj.pop(mapping["url"], None))
    date = field_str(obj.pop(mapping["date"], None))
    publisher = field_str(obj.pop(mapping["publisher"], None))
    if text:
        text = normalise_paragraphs(clean_page_text(text, title))
    return Record(path=path, line=line, text=text, title=title, url=url, date=date, publisher=publisher, meta=obj)


@rejects_bad_input
def read_jsonl(path: Union[str, Path], columns=None) -> Iterator[Union[Record, Reject]]:
    """Yield a Record or a Reject for every non-blank line of a JSON Lines file."""
    spath = str(path)
    mapping = check_columns(columns)
    raw, encoding = read_decoded(path)
    loads, raw_decode, skip_ws = json.loads, _DECODER.raw_decode, _LINE_WS.match
    # lines end at "\n" only: str.splitlines would also split on U+2028 etc.,
    # which may occur inside JSON strings.
    n = len(raw)
    start, i = 0, 0
    while start <= n:
        end = raw.find("\n", start)
        if end < 0:
            end = n
        i += 1
        line_start, start = start, end + 1
        # Fast path: decode the line's object in place, without copying the line out.
        # Anything unusual (a blank line, invalid JSON, a value not ending on its
        # line, other data after it) takes the line-by-line path, which decides.
        obj = None
        at = skip_ws(raw, line_start, end).end()
        if at < end:
            try:
                obj, stop = raw_decode(raw, at)
            except ValueError:
                obj = None
            else:
                if stop > end or skip_ws(raw, stop, end).end() < end:
                    obj = None
        if obj is None:
            line = raw[line_start:end]
            if not line or line.isspace():
                continue
            try:
                obj = loads(line)
            except ValueError as exc:
                yield Reject(spath, i, f"invalid JSON: {getattr(exc, 'msg', exc)} (column {getattr(exc, 'colno', '?')})")
                continue
        if not isinstance(obj, dict):
            yield Reject(spath, i, f"invalid JSON: expected an object, got {type(obj).__name__}")
            continue
        rec = record_from_mapping(obj, spath, i, mapping)
        if encoding and isinstance(rec, Record):
            rec.meta["encoding"] = encoding
        yield rec


def read_json(path: Union[str, Path], columns=None) -> Iterator[Union[Record, Reject]]:
    """Read a ``.json`` file: JSON Lines, one object, or an array of objects."""
    spath = str(path)
    mapping = check_columns(columns)
    raw, encoding = read_decoded(path)
    first = next(line for line in raw.split("\n") if line.strip())
    try:
        is_lines = isinstance(json.loads(first), dict)
    except ValueError:
        is_lines = False
    if is_lines:
        yield from read_jsonl(path, columns)
        return
    try:
        doc = json.loads(raw)
    except ValueError as exc:
        yield Reject(spath, getattr(exc, "lineno", 1), f"invalid JSON: {getattr(exc, 'msg', exc)}")
        return
    items = [doc] if isinstance(doc, dict) else doc if isinstance(doc, list) else None
    if items is None:
        yield Reject(spath, 1, f"invalid JSON: expected an object or an array of objects, got {type(doc).__name__}")
        return
    for i, obj in enumerate(items, 1):
        if not isinstance(obj, dict):
            yield Reject(spath, i, f"invalid JSON: item {i} is a {type(obj).__name__}, not an object")
            continue
        rec = record_from_mapping(obj, spath, i, mapping)
        if encoding and isinstance(rec, Record):
            rec.meta["encoding"] = encoding
        yield rec
