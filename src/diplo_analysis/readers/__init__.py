"""Readers: one file -> an iterator of :class:`~diplo_analysis.records.Record` or
:class:`~diplo_analysis.records.Reject`.

The registry :data:`READERS` maps a lower-case file suffix to a reader
function ``reader(path, columns=None) -> Iterator[Record | Reject]``;
:func:`read_file` picks the reader, merges the sidecar of one-document files,
removes the page furniture of every record (:mod:`.furniture`, the rules in
``data/furniture.csv``) and turns an unknown suffix into a Reject, so that
every input is accounted for. See ``docs/formats.md`` for the formats, the
sidecar convention and the decoding rule, ``docs/readers.md`` for the
furniture.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator, Optional, Union
from urllib.parse import urlsplit

from ..limits import LIMITS
from ..records import Record, Reject
from ._decode import BadInput, check_columns, has_surrogate, too_deep
from .furniture import strip_record
from .html import read_html
from .jsonl import read_json, read_jsonl
from .markdown import read_markdown
from .sidecar import apply_sidecar, is_sidecar, load_sidecar, sidecar_base, sidecar_for
from .tables import read_csv
from .text import read_txt

__all__ = [
    "READERS",
    "ONE_DOCUMENT_SUFFIXES",
    "read_file",
    "suffix_of",
    "is_sidecar",
    "sidecar_document",
    "check_columns",
    "check_record",
]

Reader = Callable[..., Iterator[Union[Record, Reject]]]

#: Lower-case suffix -> reader.
READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
    ".tsv": read_csv,
    ".html": read_html,
    ".htm": read_html,
    ".md": read_markdown,
    ".markdown": read_markdown,
}

#: Suffixes of formats holding one document per file (these take sidecars).
ONE_DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown")


def suffix_of(path: Path) -> str:
    """The lower-case suffix that selects the reader (``""`` when none)."""
    return path.suffix.lower()


def sidecar_document(sidecar: Path) -> Optional[Path]:
    """The one-document file a sidecar belongs to, or None (an orphan)."""
    base = sidecar_base(sidecar)
    for suffix in ONE_DOCUMENT_SUFFIXES:
        for cand in (sidecar.with_name(base + suffix), sidecar.with_name(base + suffix.upper())):
            if cand.is_file():
                return cand
    return None


def check_record(rec: Record) -> Union[Record, Reject]:
    """``rec`` if the rest of the package can handle it, else a Reject saying why.

    Checked for every record of every reader: no lone surrogate in any text
    (it cannot be written as UTF-8), a url that :func:`urllib.parse.urlsplit`
    accepts, a ``site`` in ``meta`` that is text (numbers are turned into
    text), ``meta`` nested at most ``limits.max_depth`` deep and a text of at
    most ``limits.max_record_chars`` characters.
    """
    limit = LIMITS.max_record_chars
    if len(rec.text) > limit:
        return Reject(rec.path, rec.line, f"record too long: {len(rec.text)} characters, the limit is {limit} "
                                          "(limits.max_record_chars)")
    fields = (rec.text, rec.title, rec.url, rec.date, rec.publisher)
    if has_surrogate(fields) or has_surrogate(rec.meta):
        return Reject(rec.path, rec.line, "invalid text: a lone surrogate (such as the JSON escape \\ud800 "
                                          "without its pair) cannot be encoded as UTF-8")
    url = rec.url
    # urlsplit raises only on brackets (an IPv6 host) or a non-ASCII host: a plain ASCII url passes at once
    if url and not (url.isascii() and "[" not in url and "]" not in url):
        try:
            urlsplit(rec.url).hostname  # noqa: B018 - the property raises on a bad address ("http://[x/")
        except ValueError as exc:
            return Reject(rec.path, rec.line, f"invalid url {rec.url[:80]!r}: {exc}")
    site = rec.meta.get("site")
    if site is not None and not isinstance(site, str):
        if isinstance(site, (dict, list, tuple, set)):
            return Reject(rec.path, rec.line, f"field 'site' is a {type(site).__name__}, expected text")
        rec.meta["site"] = str(site)
    if too_deep(rec.meta):
        return Reject(rec.path, rec.line, f"nested deeper than {LIMITS.max_depth} (limits.max_depth)")
    return rec


def read_file(path: Union[str, Path], columns=None) -> Iterator[Union[Record, Reject]]:
    """Read one file with the reader for its suffix.

    Parameters
    ----------
    path : str or Path
        The file (not a sidecar: see :func:`is_sidecar`).
    columns : dict, optional
        Record field -> source field/column name (``{"text": "body"}``).

    Yields
    ------
    Record or Reject
        One per record (JSONL line, CSV row, document); an unsupported suffix
        gives one Reject ``unsupported file type '.xyz'``; each record passes
        :func:`check_record`, then loses its page furniture
        (:func:`~diplo_analysis.readers.furniture.strip_record`: ``text``
        without it, ``page_text`` and ``furniture`` saying what was removed
        and by which rule). Whatever goes wrong inside a reader becomes a
        Reject naming the file and the line after the last one read: no
        exception escapes.

    Raises
    ------
    ValueError
        A bad ``columns`` mapping (:func:`check_columns`), before reading.
    """
    check_columns(columns)
    line = 0
    try:
        for item in _read_file(path, columns):
            line = item.line
            if isinstance(item, Record):
                item = check_record(item)
                if isinstance(item, Record):
                    item = strip_record(item)
            yield item
    except Exception as exc:  # a reader's bug (RecursionError, MemoryError included) must not stop the load
        yield Reject(str(path), line + 1 if line else 1,
                     f"cannot read: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": "))


def _read_file(path: Union[str, Path], columns=None) -> Iterator[Union[Record, Reject]]:
    p = Path(path)
    suffix = suffix_of(p)
    reader = READERS.get(suffix)
    if reader is None:
        what = f"'{suffix}'" if suffix else "(no suffix)"
        yield Reject(str(path), 1, f"unsupported file type {what}")
        return
    if suffix not in ONE_DOCUMENT_SUFFIXES:
        yield from reader(path, columns)
        return
    side_path = sidecar_for(p)
    side = None
    if side_path is not None:
        try:
            side = load_sidecar(side_path)
        except BadInput as exc:
            yield Reject(str(path), 1, exc.reason)
            return
    for item in reader(path, columns, sidecar=side):
        if side and isinstance(item, Record):
            apply_sidecar(item, side)
        yield item
