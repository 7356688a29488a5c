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
  (Formats with many records per file, JSON Lines and CSV, judge each line
  instead: see their readers.)

Files are opened by :func:`read_bytes` only when they are regular files (a
FIFO or a device is never opened), never beyond
:data:`~diplo_analysis.limits.LIMITS` ``.max_file_bytes``, and any failure of
the operating system (a file gone, turned into a folder, unreadable) is a
:class:`BadInput` that names it.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
from typing import Any, Iterator, Mapping, Optional

from ..limits import LIMITS
from ..records import Reject

__all__ = [
    "BadInput",
    "check_columns",
    "read_bytes",
    "looks_binary",
    "file_kind",
    "load_yaml",
    "too_deep",
    "has_surrogate",
    "decode_bytes",
    "read_decoded",
    "decode_lines_in_blocks",
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


def decode_bytes(data: bytes, binary_check: bool = True) -> tuple[str, Optional[str]]:
    """Decode file bytes by the package's rule.

    ``binary_check=False`` (JSON Lines, CSV) skips the binary-file test: those
    readers judge line by line, so that one bad line costs that line only.

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
    if binary_check and b"\x00" in data:
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
    if binary_check and looks_binary(text):
        raise BadInput("binary file")
    return text, encoding


def looks_binary(text: str) -> bool:
    """Whether a NUL or more than 10% control characters are in the first 64 KiB of ``text``."""
    sample = text[:65536]
    return "\x00" in sample or len(_CONTROL.findall(sample)) > 0.1 * len(sample)


def rejects_bad_input(reader):
    """Decorate a reader so that a file it cannot decode becomes one Reject.

    The reader calls :func:`read_decoded` first; a :class:`BadInput` it
    raises (empty or binary file, a file that cannot be opened or exceeds a
    limit) is turned into ``Reject(path, 1, reason)`` here, once for every
    reader, instead of in each of them.
    """

    @functools.wraps(reader)
    def wrapper(path, *args, **kwargs):
        try:
            yield from reader(path, *args, **kwargs)
        except BadInput as exc:
            yield Reject(str(path), 1, exc.reason)

    return wrapper


_KINDS = (
    (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
)


def file_kind(mode: int) -> str:
    """What a ``st_mode`` that is not a regular file is, in words ("a FIFO (named pipe)", ...)."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def os_reason(exc: OSError) -> str:
    """A reject reason for an error of the operating system on a path."""
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT:
        return "file not found (deleted, or a dangling symlink)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    return f"cannot read: {exc.strerror or exc}"


def read_bytes(path) -> bytes:
    """The bytes of a regular file, read within the limits.

    Opened without blocking and without following a symlink loop forever;
    checked to be a regular file after opening (a file replaced by a folder,
    a FIFO or a device between listing and reading is never read); at most
    ``LIMITS.max_file_bytes`` bytes.

    Raises
    ------
    BadInput
        The file cannot be opened or read, is not a regular file, or is
        larger than ``LIMITS.max_file_bytes``.
    """
    limit = LIMITS.max_file_bytes
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise BadInput(os_reason(exc)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise BadInput(f"not a regular file: {file_kind(st.st_mode)}")
        if st.st_size > limit:
            raise BadInput(f"file too large: {st.st_size} bytes, the limit is {limit} (limits.max_file_bytes)")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise BadInput(f"file too large: over {limit} bytes (limits.max_file_bytes)")
        return data
    except OSError as exc:
        raise BadInput(os_reason(exc)) from None
    finally:
        os.close(fd)


#: Bytes decoded at a time by :func:`decode_lines_in_blocks` (the blocks end at a line end).
BLOCK_BYTES = 4 * 1024 * 1024


def _block_ends(data: bytes, size: int) -> Iterator[tuple[int, int]]:
    """(start, end) of blocks of ``data`` of about ``size`` bytes, each ending just before a ``\n``.

    The line end itself belongs to no block: the blocks, joined with ``\n``,
    are ``data``. A line longer than ``size`` makes its block longer.
    """
    n = len(data)
    start = 0
    while True:
        if n - start <= size:
            yield start, n
            return
        end = data.rfind(b"\n", start, start + size)
        if end < 0:
            end = data.find(b"\n", start + size)
            if end < 0:
                yield start, n
                return
        yield start, end
        start = end + 1


def decode_lines_in_blocks(data: bytes, size: Optional[int] = None) -> tuple[list[str], Optional[str]]:
    """Decode file bytes as :func:`decode_bytes` does (``binary_check=False``), in blocks of whole lines.

    Decoding a large file in one piece makes one string as large as the file
    (two or four bytes a character once one character needs it), slower than
    decoding it in pieces of a few megabytes that stay in the processor's
    caches. A ``\n`` byte is never part of a longer UTF-8, cp1252 or latin-1
    character, so cutting before one is safe.

    Returns
    -------
    (blocks, encoding) : tuple
        The decoded blocks, which joined with ``"\n"`` are the text
        :func:`decode_bytes` returns (a BOM removed), and the encoding as it
        returns it (``None`` for UTF-8). A file that is not UTF-8 as a whole
        is decoded whole by :func:`decode_bytes` (one block).

    Raises
    ------
    BadInput
        ``"empty file"``.
    """
    size = BLOCK_BYTES if size is None else size
    view = memoryview(data)
    blocks: list[str] = []
    try:
        for k, (a, b) in enumerate(_block_ends(data, size)):
            blocks.append(str(view[a:b], "utf-8-sig" if k == 0 else "utf-8"))
    except UnicodeDecodeError:
        text, encoding = decode_bytes(data, binary_check=False)
        return [text], encoding
    finally:
        view.release()
    if all(not block or block.isspace() for block in blocks):
        raise BadInput("empty file")
    return blocks, None


def read_decoded(path, binary_check: bool = True) -> tuple[str, Optional[str]]:
    """Read (:func:`read_bytes`) and decode (:func:`decode_bytes`) a file."""
    return decode_bytes(read_bytes(path), binary_check)


def too_deep(obj: Any, limit: Optional[int] = None) -> bool:
    """Whether lists and dicts nest in ``obj`` deeper than ``limit`` (default ``LIMITS.max_depth``).

    Iterative: safe on values nested deeper than Python's recursion limit.
    """
    limit = LIMITS.max_depth if limit is None else limit
    if type(obj) is dict and limit >= 1:  # the usual case: a flat record, at once
        for v in obj.values():
            if isinstance(v, (dict, list)):
                break
        else:
            return False
    stack = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = value.values()
        elif not isinstance(value, list):
            continue
        if depth > limit:
            return True
        stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))
    return False


def _str_has_surrogate(s: str) -> bool:
    """Whether ``s`` holds a lone surrogate: never for ASCII (known at once), else where UTF-8 cannot encode it.

    Strict UTF-8 encoding fails on surrogates and on nothing else, and is
    several times faster than a regular expression over a long text.
    """
    if s.isascii():
        return False
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def has_surrogate(obj: Any) -> bool:
    """Whether a string in ``obj`` (a string, or lists and dicts of them) holds a lone surrogate.

    Such strings cannot be written as UTF-8 (a JSON escape such as
    ``"\\ud800"`` without its pair produces one).
    """
    if type(obj) is str:  # the usual case, without the stack
        return _str_has_surrogate(obj)
    if type(obj) is dict or type(obj) is tuple:  # a record's fields or its flat meta: one joined string
        try:
            # lone surrogates stay lone when joined (a str never pairs them), so one check does for all
            return _str_has_surrogate("".join(obj) if type(obj) is dict else "") or _str_has_surrogate(
                "".join([v for v in (obj.values() if type(obj) is dict else obj) if v is not None]))
        except TypeError:  # a value that is not text (a number, a list): walk them one by one
            pass
    stack = [obj]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if _str_has_surrogate(value):
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, (list, tuple)):
            stack.extend(value)
    return False


def _no_alias_loader():
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        """SafeLoader that refuses aliases (``*name``): no alias bomb can expand."""

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark
                raise yaml.YAMLError(f"YAML aliases (*name) are not allowed (line {mark.line + 1})")
            if self.depth >= LIMITS.max_depth:
                raise yaml.YAMLError(f"YAML nested deeper than {LIMITS.max_depth} (limits.max_depth)")
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        depth = 0

    return NoAliasLoader


@functools.lru_cache(maxsize=None)
def _loader():
    return _no_alias_loader()


def load_yaml(text: str) -> Any:
    """Parse YAML safely: safe tags only, aliases refused, nesting and size bounded.

    Raises
    ------
    yaml.YAMLError
        Invalid YAML, an alias, nesting deeper than ``LIMITS.max_depth``, or
        a text longer than ``LIMITS.max_record_chars``.
    """
    import yaml

    if len(text) > LIMITS.max_record_chars:
        raise yaml.YAMLError(f"YAML longer than {LIMITS.max_record_chars} characters (limits.max_record_chars)")
    return yaml.load(text, Loader=_loader())


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
    # three line ends with only blanks between; the expression itself is the quickest test for one (it
    # looks for line ends in C): testing for " \n" or "\t\n" first costs more than the substitution
    text = _NL3.sub("\n\n", text)
    return text.strip()


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
