"""JSON Lines reader (``.jsonl``, ``.ndjson``) and ``.json`` files.

One JSON object per line. The fields ``title``, ``text``, ``date``, ``url``
and ``publisher`` (or the source names given in ``columns``) become the
Record's fields; every other field goes to ``Record.meta``. Blank lines are
not records. A line that is not valid JSON, not an object, or has no text
field is a Reject naming that line; the other lines still load.

A ``.json`` file is one JSON document when it parses as one: an object (one
record, line 1) or an array of objects (``line`` is then the 1-based item
number); otherwise it is read as JSON Lines when at least one of its lines is
a whole object.

The fields ``title``, ``url``, ``date`` and ``publisher`` must be text,
numbers or null: a list or an object there makes the record a Reject.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator, Optional, Union

from ..limits import LIMITS
from ..records import Record, Reject
from ._decode import (
    check_columns, clean_page_text, decode_lines_in_blocks, field_str, looks_binary, normalise_paragraphs, read_bytes,
    read_decoded, rejects_bad_input, too_deep,
)

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
    for field in ("title", "url", "date", "publisher"):
        value = obj.get(mapping[field])
        if isinstance(value, (dict, list)):
            return Reject(path, line, f"field {mapping[field]!r} is a{'n object' if isinstance(value, dict) else ' list'}, "
                                      "expected text")
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


def _too_long(length: int) -> str:
    return f"record too long: {length} characters, the limit is {LIMITS.max_record_chars} (limits.max_record_chars)"


def _object_reject(obj, spath: str, i: int) -> Optional[Reject]:
    """A Reject for a parsed line that cannot be a record (not an object, nested too deep), else None."""
    if not isinstance(obj, dict):
        return Reject(spath, i, f"invalid JSON: expected an object, got {type(obj).__name__}")
    if too_deep(obj):
        return Reject(spath, i, f"JSON nested deeper than {LIMITS.max_depth} (limits.max_depth)")
    return None


def _json_lines(raw: str, encoding: Optional[str], spath: str, mapping: dict,
                first_line: int = 1) -> Iterator[Union[Record, Reject]]:
    """A Record or a Reject for every non-blank line of decoded JSON Lines text (its first line: ``first_line``)."""
    loads, raw_decode, skip_ws = json.loads, _DECODER.raw_decode, _LINE_WS.match
    max_chars = LIMITS.max_record_chars
    # lines end at "\n" only: str.splitlines would also split on U+2028 etc.,
    # which may occur inside JSON strings.
    n = len(raw)
    start, i = 0, first_line - 1
    while start <= n:
        end = raw.find("\n", start)
        if end < 0:
            end = n
        i += 1
        line_start, start = start, end + 1
        if end - line_start > max_chars:
            yield Reject(spath, i, _too_long(end - line_start))
            continue
        # Fast path: decode the line's object in place, without copying the line out.
        # Anything unusual (a blank line, invalid JSON, a value not ending on its
        # line, other data after it) takes the line-by-line path, which decides.
        obj = None
        at = skip_ws(raw, line_start, end).end()
        if at < end:
            try:
                obj, stop = raw_decode(raw, at)
            except (ValueError, RecursionError):
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
            except RecursionError:
                yield Reject(spath, i, f"JSON nested deeper than {LIMITS.max_depth} (limits.max_depth)")
                continue
        bad = _object_reject(obj, spath, i)
        if bad is not None:
            yield bad
            continue
        rec = record_from_mapping(obj, spath, i, mapping)
        if encoding and isinstance(rec, Record):
            rec.meta["encoding"] = encoding
        yield rec


def unless_binary(raw: str, items: Iterator[Union[Record, Reject]], spath: str) -> Iterator[Union[Record, Reject]]:
    """``items`` of a many-record file, or one ``binary file`` Reject.

    A file whose first 64 KiB look binary (:func:`~._decode.looks_binary`)
    and in which no record could be read is one reject; with one record or
    more, every bad line is its own reject and the good records load.
    """
    if not looks_binary(raw):
        yield from items
        return
    out = list(items)
    if any(isinstance(x, Record) for x in out):
        yield from out
    else:
        yield Reject(spath, 1, "binary file")


@rejects_bad_input
def read_jsonl(path: Union[str, Path], columns=None) -> Iterator[Union[Record, Reject]]:
    """Yield a Record or a Reject for every non-blank line of a JSON Lines file.

    A line that is not a JSON object (invalid JSON, a NUL byte or control
    characters, nesting deeper than ``limits.max_depth``, longer than
    ``limits.max_record_chars``) is a Reject naming that line; the other
    lines still load. A file that looks binary and holds no record at all is
    one ``binary file`` Reject.
    """
    spath = str(path)
    mapping = check_columns(columns)
    blocks, encoding = decode_lines_in_blocks(read_bytes(path))
    yield from unless_binary(_head_of(blocks), _blocks_lines(blocks, encoding, spath, mapping), spath)


def _head_of(blocks: list[str], size: int = 65536) -> str:
    """The first ``size`` characters of the text made of ``blocks`` (what :func:`looks_binary` reads)."""
    head = ""
    for block in blocks:
        head = block[:size] if not head else f"{head}\n{block[:size]}"
        if len(head) >= size:
            break
    return head[:size]


def _blocks_lines(blocks: list[str], encoding: Optional[str], spath: str,
                  mapping: dict) -> Iterator[Union[Record, Reject]]:
    """:func:`_json_lines` over consecutive blocks of lines, numbered as in the whole file."""
    first = 1
    for k, block in enumerate(blocks):
        yield from _json_lines(block, encoding, spath, mapping, first)
        first += block.count("\n") + 1
        blocks[k] = ""  # read: its memory can go


def _has_object_line(raw: str) -> bool:
    """Whether some line of ``raw`` is a whole JSON object (the file is JSON Lines)."""
    for line in raw.split("\n"):
        line = line.strip()
        if line.startswith("{") and line.endswith("}"):
            try:
                if isinstance(json.loads(line), dict):
                    return True
            except (ValueError, RecursionError):
                continue
    return False


@rejects_bad_input
def read_json(path: Union[str, Path], columns=None) -> Iterator[Union[Record, Reject]]:
    """Read a ``.json`` file: one object, an array of objects, or JSON Lines.

    The file is one JSON document when it parses as one; else it is JSON
    Lines when at least one of its lines is a whole object (each other line
    is then its own Reject); else it is one Reject naming the line of the
    syntax error.
    """
    spath = str(path)
    mapping = check_columns(columns)
    raw, encoding = read_decoded(path, binary_check=False)
    try:
        doc = json.loads(raw)
    except RecursionError:
        yield Reject(spath, 1, f"JSON nested deeper than {LIMITS.max_depth} (limits.max_depth)")
        return
    except ValueError as exc:
        if _has_object_line(raw):
            yield from unless_binary(raw, _json_lines(raw, encoding, spath, mapping), spath)
            return
        if looks_binary(raw):
            yield Reject(spath, 1, "binary file")
            return
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
        bad = _object_reject(obj, spath, i)
        if bad is not None:
            yield bad
            continue
        rec = record_from_mapping(obj, spath, i, mapping)
        if encoding and isinstance(rec, Record):
            rec.meta["encoding"] = encoding
        yield rec
