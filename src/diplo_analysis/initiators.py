"""The initiator cues: the phrases that say who asked for a call, as rows of ``data/initiator_cues.csv``.

Each row has a ``kind`` that says how its match names the side that initiated the call
(:func:`diplo_analysis.metadata._initiator_decision` applies it):

* ``who``: the words the row's ``{who}`` (the rest of the clause) or ``{name}`` (a short
  name before a possessive) stands for name the side ("at the request of the Ruritanian
  side", "at the Ruritanian side's request", "initiated by the Prime Minister of X");
* ``counterpart``: the other side asked ("received a telephone call from", "talks at
  the request");
* ``their_own``: "with X at his request": X asked, when "with" comes before it in the sentence;
* ``caller``: read in the title and first sentence only, the subject before the phrase
  made the call ("X telephoned Y", "X made telephone calls to Y").

The rows of the first three kinds are joined, in table order, into one expression,
run only around their ``keys`` (lower-case words one of which every match
contains); every row's ``example`` must match its pattern, which is checked when
the table is read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

from ._tables import checked_pattern, read_checked_table

__all__ = ["INITIATOR_COLUMNS", "INITIATOR_KINDS", "read_initiator_cues", "InitiatorCues", "initiator_cues",
           "compile_initiator_cues"]

#: Columns of ``data/initiator_cues.csv``.
INITIATOR_COLUMNS = ("kind", "pattern", "keys", "example", "note")
#: The kinds of row (module docstring).
INITIATOR_KINDS = ("who", "counterpart", "their_own", "caller")

#: What the placeholders of a pattern stand for: the rest of the clause, or a short name.
_PLACEHOLDERS = {"{who}": r"[^;,\n]{1,80}", "{name}": r"(?:the )?[A-Za-z][\w.\- ]{0,50}?"}
_I = re.IGNORECASE


def _expand(pattern: str, capture: bool = True) -> str:
    """The pattern with its placeholder as group 1 (or as a group that captures nothing)."""
    for ph, rx in _PLACEHOLDERS.items():
        if ph in pattern:
            pattern = pattern.replace(ph, f"({rx})" if capture else f"(?:{rx})")
    return pattern


def _valid_row(row: dict, where: str) -> dict:
    kind = (row.get("kind") or "").strip()
    if kind not in INITIATOR_KINDS:
        raise ValueError(f"{where}: kind {kind!r} is not one of {list(INITIATOR_KINDS)}")
    pattern = row.get("pattern") or ""
    has_who = any(ph in pattern for ph in _PLACEHOLDERS)
    if has_who != (kind == "who"):
        raise ValueError(f"{where}: a row of kind 'who' needs {{who}} or {{name}} in its pattern, the others none")
    _, keys = checked_pattern(_expand(pattern), row, where, _I)
    return {"kind": kind, "pattern": pattern, "keys": keys, "example": row["example"]}


def read_initiator_cues(path) -> list[dict]:
    """Read and validate an initiator cue table (``kind,pattern,keys,example,note``).

    Returns
    -------
    list of dict
        One per row: ``kind``, ``pattern``, ``keys`` (tuple of str), ``example``.

    Raises
    ------
    ValueError
        Naming the file and row: a missing column, an unknown kind, a placeholder where it does
        not belong, a pattern that does not compile or does not match its example, bad keys.
    """
    return read_checked_table(path, INITIATOR_COLUMNS[:4], "initiator cue", _valid_row)


class InitiatorCues(NamedTuple):
    """The compiled initiator cues: ``search`` (rows of kinds who/counterpart/their_own, one
    expression without groups), ``rows`` (each such row's kind and its own expression, whose group 1
    is its placeholder's words; in table order), ``keys`` (the prefilter's words), ``caller`` (the
    caller rows, one expression), ``by_key`` (for each key, the rows holding it joined in table order:
    searched around a hit of that key alone, which is cheaper than all rows), ``caller_keys`` (the caller
    rows' keys: :meth:`find_caller`'s prefilter)."""

    search: re.Pattern
    rows: tuple
    keys: tuple
    caller: re.Pattern
    by_key: dict = {}
    caller_keys: tuple = ()

    def find_caller(self, text: str) -> Optional[re.Match]:
        """``caller.search(text)``, skipped where an ASCII text holds none of the caller rows' keys.

        Every match of a row holds one of its keys (checked on each row's example when the table
        is read); in ASCII text, ignoring case is lower-casing, so a text whose lower-cased form
        holds no key has no match. Most first sentences hold none ("spoke by telephone with").
        """
        if self.caller_keys and text.isascii():
            low = text.lower()
            if not any(k in low for k in self.caller_keys):
                return None
        return self.caller.search(text)

    def kind_at(self, text: str, start: int) -> tuple[str, Optional[str]]:
        """(kind, the words naming the side or None) of the row that matched ``text`` at ``start``:
        the first in table order, as in the joined expression."""
        for kind, rx in self.rows:
            m = rx.match(text, start)
            if m is not None:
                return kind, (m.group(1) if kind == "who" else None)
        raise ValueError(f"no initiator cue matches at {start}")  # unreachable: search found one


@lru_cache(maxsize=1)
def _package_rows() -> tuple:
    from .gazetteer import _data_path

    return tuple(read_initiator_cues(_data_path("initiator_cues.csv")))


@lru_cache(maxsize=1)
def initiator_cues() -> InitiatorCues:
    """The English initiator cues in force, compiled once: a user's rows (:class:`diplo_analysis.Knowledge`)
    first, then the package's ``data/initiator_cues.csv``."""
    from .knowledge import active

    return compile_initiator_cues(list(active().initiator_rows) + list(_package_rows()))


def compile_initiator_cues(rows: list) -> InitiatorCues:
    """Compile rows of :func:`read_initiator_cues` (those of one language: the English table with a
    user's rows, or one language's rows of ``data/initiator_cues_languages.csv``)."""
    said = [r for r in rows if r["kind"] != "caller"]
    joined = "|".join(_expand(r["pattern"], capture=False) for r in said)
    keys = tuple(dict.fromkeys(k for r in said for k in r["keys"]))
    callers = [r for r in rows if r["kind"] == "caller"]
    caller = "|".join(f"(?:{r['pattern']})" for r in callers) or r"(?!)"
    caller_keys = tuple(dict.fromkeys(k for r in callers for k in r["keys"])) if callers else ()
    by_key = {k: re.compile("|".join(_expand(r["pattern"], capture=False) for r in said if k in r["keys"]), _I)
              for k in keys}
    return InitiatorCues(re.compile(joined or r"(?!)", _I), tuple((r["kind"], re.compile(_expand(r["pattern"]), _I))
                                                               for r in said), keys, re.compile(caller, _I), by_key,
                         caller_keys)
