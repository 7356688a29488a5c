"""Reading the package's knowledge tables (``data/*.csv``): columns checked, every row checked, errors at file:line.

Private helpers shared by the rooms that keep their knowledge as tables
(the cue table of :mod:`diplo_analysis.metadata`, the initiator cues of
:mod:`diplo_analysis.initiators`, the cue rows of other languages of
:mod:`diplo_analysis.language_cues`, the furniture rules of
:mod:`diplo_analysis.readers.furniture`); they import nothing of the package.
"""

from __future__ import annotations

import csv
import re
import unicodedata

__all__ = ["read_checked_table", "checked_pattern"]

#: A prefilter key: a lower-case word (or words) starting and ending with a letter.
_KEY_WORD = re.compile(r"[a-z][a-z' -]*[a-z]|[a-z]")


def _is_key(key: str) -> bool:
    """A lower-case word (or words) starting with a letter and ending with a letter; in a script other
    than ASCII's, a letter or a combining vowel sign may end it (Devanagari, Malayalam: "फ़ोन", "ഫോ")."""
    if key.isascii():
        return bool(_KEY_WORD.fullmatch(key))
    def letter(ch: str, mark: bool = False) -> bool:
        return ch.isalpha() or (mark and unicodedata.category(ch).startswith("M"))
    return (key == key.lower() and letter(key[0]) and letter(key[-1], True)
            and all(letter(ch, True) or ch in "' -" for ch in key))


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


def checked_pattern(pattern: str, row: dict, where: str, flags: int = re.IGNORECASE) -> tuple:
    """Compile a table row's expression and check its prefilter ``keys`` and its ``example``.

    Parameters
    ----------
    pattern : str
        The expression to compile (the row's ``pattern``, placeholders expanded).
    row : dict
        The row: ``keys`` (``|``-separated lower-case words of any script, one of which
        every match holds) and ``example`` (a text the expression must match).
    where : str
        ``"path:line"`` of the row, for the messages.
    flags : int
        Flags of :func:`re.compile` (default: ignoring case).

    Returns
    -------
    (regex, keys) : tuple
        The compiled expression and the keys, a tuple of str.

    Raises
    ------
    ValueError
        Naming ``where``: the expression does not compile, a key is not a
        lower-case word (or there is none), the example does not match, or
        the example's match holds none of the keys.
    """
    try:
        rx = re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"{where}: the pattern does not compile: {exc}") from None
    keys = tuple(k.strip() for k in (row.get("keys") or "").split("|") if k.strip())
    if not keys or not all(_is_key(k) for k in keys):
        raise ValueError(f"{where}: keys must be lower-case words starting and ending with a letter, got {row.get('keys')!r}")
    m = rx.search(row.get("example") or "")
    if m is None:
        raise ValueError(f"{where}: the pattern does not match its example {row.get('example')!r}")
    if not any(k in m.group(0).lower() for k in keys):
        raise ValueError(f"{where}: the example's match {m.group(0)!r} holds none of the keys {list(keys)}")
    return rx, keys
