"""Resource limits of the readers: part of the input contract (``docs/formats.md``).

Every input is read within these bounds, so that no file, however hostile,
can hang a load or exhaust the machine: what exceeds a limit becomes a
reject that names the file, the line and the limit, and the load goes on.

- ``max_file_bytes``: a file larger than this is not read (one reject).
- ``max_record_chars``: a record (a JSON Lines line, a CSV row or cell, the
  text of a one-document file, a YAML front matter or sidecar) longer than
  this many characters is a reject; the other records of its file still load.
- ``max_depth``: JSON values, YAML values and HTML elements nested deeper
  than this are a reject (for HTML: the page).

Change them for the whole process with :func:`set_limits`, or for a block
with the :func:`limits` context manager; :data:`LIMITS` holds the values in
force.
"""

from __future__ import annotations

import dataclasses
from contextlib import contextmanager
from typing import Iterator

__all__ = ["Limits", "LIMITS", "limits", "set_limits"]


@dataclasses.dataclass
class Limits:
    """The bounds every reader keeps (see the module docstring).

    Attributes
    ----------
    max_file_bytes : int
        Largest file read, in bytes (default 512 MiB).
    max_record_chars : int
        Longest record, in characters of decoded text (default 16 MiB).
    max_depth : int
        Deepest nesting of JSON/YAML values and HTML elements (default 256).
    """

    max_file_bytes: int = 512 * 1024 * 1024
    max_record_chars: int = 16 * 1024 * 1024
    max_depth: int = 256


#: The limits in force (change them with :func:`set_limits` or :func:`limits`).
LIMITS = Limits()


def set_limits(**changes: int) -> Limits:
    """Change limits for the rest of the process; return the previous values.

    Raises
    ------
    TypeError
        An unknown limit name.
    ValueError
        A value that is not a positive integer.
    """
    names = {f.name for f in dataclasses.fields(Limits)}
    for key, value in changes.items():
        if key not in names:
            raise TypeError(f"unknown limit {key!r}; the limits are {', '.join(sorted(names))}")
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"limit {key} must be a positive integer, got {value!r}")
    old = dataclasses.replace(LIMITS)
    for key, value in changes.items():
        setattr(LIMITS, key, value)
    return old


@contextmanager
def limits(**changes: int) -> Iterator[Limits]:
    """Change limits for the duration of a ``with`` block (then restore them).

    Yields
    ------
    Limits
        :data:`LIMITS`, with the changes applied.
    """
    old = set_limits(**changes)
    try:
        yield LIMITS
    finally:
        set_limits(**dataclasses.asdict(old))
