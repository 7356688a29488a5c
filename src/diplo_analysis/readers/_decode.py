"""Helpers shared by the readers: decoding bytes, cleaning page text, fields.

Decoding rule (documented in ``docs/formats.md``):

- UTF-8, with or without a byte-order mark, is the normal case and leaves no
  trace in the record.
- Bytes that are not valid UTF-8 but contain no NUL byte are decoded as
  Windows-1252 (``cp1252``: the usual encoding of older Western pages, a
  superset of Latin-1's printable range) and, when even that fails (five
  byte values are undefined in cp1252), as Latin-1, which never fails.
  The record's ``meta["encoding"]`` is then ``"cp1252"`` or ``"latin-1"``.
- Bytes with a NUL, or whose decoded text is more than 10% control
  characters, are a binary file; empty or whitespace-only files are empty.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Mapping, Optional

from ..records import Reject

__all__ = [
    "BadInput",
    "check_columns",
    "decode_bytes",
    "read_decoded",
    "rejects_bad_input",
    "clean_page_text",
    "normalise_paragraphs",
    "field_str",
    "FIELDS",
]

#: The Record fields a source column can be mapped to.
FIELDS = ("title", "text", "date", "url", "publisher")


class BadInput(Exception):
    """A whole file cannot be read; ``reason`` is the Reject's reason."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_bytes(data: bytes) -> tuple[str, Optional[str]]:
    """Decode file bytes by the package's rule.

    Returns
    -------
    (text, encoding) : tuple
        The decoded text (BOM removed) and ``None`` for UTF-8, else the
        fallback encoding used (``"cp1252"`` or ``"latin-1"``).

    Raises
    ------
    BadInput
        ``"binary file"`` or ``"empty file"``.
    """
    if b"\x00" in data:
        raise BadInput("binary file")
    encoding: Optional[str] = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
    if not text or text.isspace():  # not text.strip(), which would copy the whole text
        raise BadInput("empty file")
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > 0.1 * len(sample):
        raise BadInput("binary file")
    return text, encoding


def rejects_bad_input(reader):
    """Decorate a reader so that a file it cannot decode becomes one Reject.

    The reader calls :func:`read_decoded` first; a :class:`BadInput` it
    raises (empty or binary file) is turned into ``Reject(path, 1, reason)``
    here, once for every reader, instead of in each of them.
    """

    @functools.wraps(reader)
    def wrapper(path, *args, **kwargs):
        try:
            yield from reader(path, *args, **kwargs)
        except BadInput as exc:
            yield Reject(str(path), 1, exc.reason)

    return wrapper


def read_decoded(path) -> tuple[str, Optional[str]]:
    """Read and decode a file (see :func:`decode_bytes`)."""
    with open(path, "rb") as fh:
        return decode_bytes(fh.read())


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: A date as pages write it in their furniture: "2023-05-04", "02.12.2024", "12-12-2023", "9 January 2023",
#: "20 Mar, 2024", "March 01, 2021" (a pattern to embed; no groups).
DATE_PATTERN = (r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH
                + r",?\s+\d{4}|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})")


# A first line such as "Home > China News" or "Home>News Center": short
# segments joined by ">" with no sentence inside.
_BREADCRUMB = re.compile(r"[ \t]*[^\n<>.!?]{1,60}(?:[ \t]*>[ \t]*[^\n<>.!?]{0,80})+[ \t]*(?:\n|$)")
# Trailer lines of scraped pages: "<Suggest to a friend>", "Suggest to a
# friend:", "Print", "Share", "Close", "Back to top", "[Print] [Close]" ...
# ("<…>", an elision mark in transcripts, has no letter and is kept)
_TRAILER = re.compile(
    r"(?:<[^<>\n]{0,30}[A-Za-z][^<>\n]{0,30}>|(?:\[\s*(?:print|close|share|e-?mail|back to top|top)\s*\]\s*)+|"
    r"(?:suggest to a friend|print(?: this page)?|share(?: this)?|e-?mail(?: this)?|close(?: window)?|"
    r"back to top|top|go to top|printer[- ]friendly(?: version)?)[ \t]*:?)",
    re.IGNORECASE,
)

_TRAILER_FIRST = frozenset("<[spectbgSPECTBG\u017f")  # \u017f: long s, "s" under IGNORECASE


def clean_page_text(text: str, title: Optional[str] = None) -> str:
    """Remove page furniture from scraped page text.

    Drops a first line of the breadcrumb form ``A > B``, then the title line
    if the text starts with ``title``, and trailing lines that are share or
    print trailers (``<Suggest to a friend>``, ``Suggest to a friend:``,
    ``Print``, ``[Close]``, ...). Cheap on texts that have none of these.

    Returns
    -------
    str
        The text, otherwise unchanged.
    """
    if not text:
        return text
    head = text.lstrip()
    # a breadcrumb has a ">" on the first line: look for one before running the pattern
    nl = head.find("\n")
    if head.find(">", 0, nl if nl >= 0 else len(head)) >= 0:
        m = _BREADCRUMB.match(head)
        if m and ">" in m.group(0):
            head = head[m.end():].lstrip()
    if title:
        t = title.strip()
        if t and head.startswith(t):
            rest = head[len(t):]
            if not rest or rest[0] in "\r\n":
                head = rest.lstrip()
    body = head.rstrip()
    while body:
        cut = body.rfind("\n")
        last = body[cut + 1:].strip()
        # every trailer starts with "<", "[" or the first letter of one of its words
        if last and last[0] in _TRAILER_FIRST and _TRAILER.fullmatch(last):
            body = body[:cut].rstrip() if cut >= 0 else ""
        else:
            break
    return body


_NL3 = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def normalise_paragraphs(text: str) -> str:
    """Unify line ends, strip trailing spaces, keep one blank line between paragraphs."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NL3.sub("\n\n", text).strip()


def field_str(value: Any) -> Optional[str]:
    """A source value as a stripped string, or None when missing or empty."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from CSV
        return None
    s = value.strip() if isinstance(value, str) else str(value).strip()
    return s or None


def check_columns(columns: Optional[Mapping[str, str]]) -> dict[str, str]:
    """Validate a ``columns`` mapping (Record field -> source column name).

    Returns
    -------
    dict
        One source name for each of :data:`FIELDS` (identity by default).

    Raises
    ------
    ValueError
        A key that is not a Record field, or a value that is not a string.
    """
    mapping = {f: f for f in FIELDS}
    if columns:
        for key, value in columns.items():
            if key not in FIELDS:
                raise ValueError(
                    f"columns: unknown field {key!r}; map only {', '.join(FIELDS)} "
                    f"(e.g. columns={{'text': 'body'}})"
                )
            if not isinstance(value, str) or not value:
                raise ValueError(f"columns: the source name for {key!r} must be a non-empty string, got {value!r}")
            mapping[key] = value
    return mapping
