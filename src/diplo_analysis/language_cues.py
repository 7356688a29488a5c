"""The cues of pages not in English: medium and initiator cues per language, as table rows.

The English cues live in ``data/cues.csv`` and ``data/initiator_cues.csv``
(:mod:`diplo_analysis.metadata`, :mod:`diplo_analysis.initiators`). The cues of the
other languages of diplomacy live beside them, in two tables of the same columns
with a ``language`` column in front:

* ``data/cues_languages.csv``: ``language, medium, pattern, keys, example, expected``;
* ``data/initiator_cues_languages.csv``: ``language, kind, pattern, keys, example, note``.

``language`` is an ISO 639-1 code, or several joined by ``|`` for a row that holds
in each ("id|ms"). The rows are checked as the English ones are
(:func:`diplo_analysis._tables.checked_pattern`): the expression compiles, every
key (a lower-case word of any script) is in the example's match, and a cue row's
example gets the row's medium (or its ``expected``) from :func:`pick_medium`.
They are kept apart from the English tables so that English pages never pay for
them: they are read only for a page detected in another language
(:func:`diplo_analysis.metadata._language_rule`), and their matching is not the
English matcher's (no word boundaries in Chinese, Japanese or Devanagari; the
raw text, not the accent-folded one, is read).

How a page's medium is read from its language's rows (:func:`pick_medium`):
the cues of each medium are looked for in a string; a video cue, else a phone cue,
decides unless an in-person cue comes before it by more than :data:`NEAR`
characters ("met ... before next week's videoconference"); otherwise the earlier of
the in-person and the other cue decides. The title is read first; a title with an
in-person cue or none lets the first sentences of the text decide when they hold a
call (docs/metadata.md, "Pages not in English").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple, Optional

from ._tables import checked_pattern, read_checked_table

__all__ = ["CUE_LANGUAGE_COLUMNS", "INITIATOR_LANGUAGE_COLUMNS", "NEAR", "LEAD_CHARS", "Cue", "LanguageCues",
           "read_language_cues", "read_language_initiator_cues", "cues_for", "languages", "pick_medium",
           "lead_of"]

#: Columns of ``data/cues_languages.csv``.
CUE_LANGUAGE_COLUMNS = ("language", "medium", "pattern", "keys", "example", "expected")
#: Columns of ``data/initiator_cues_languages.csv`` (``note`` is optional).
INITIATOR_LANGUAGE_COLUMNS = ("language", "kind", "pattern", "keys", "example", "note")
#: The media, as in :data:`diplo_analysis.metadata.MEDIA`.
MEDIA = ("phone", "video", "in_person", "other")
#: A call cue this many characters or fewer after an in-person cue qualifies it ("entretien par
#: visioconférence", "переговоры по телефону"); further on, it is about another contact.
NEAR = 60
#: How much of the text's head the cues are looked for in (after the title, repeated or not).
LEAD_CHARS = 300

_CODE = re.compile(r"[a-z]{2,3}")
_I = re.IGNORECASE


class Cue(NamedTuple):
    """One cue row, compiled: its language codes, medium, expression, keys, example, the medium its
    example must get, and its ``path:line``."""

    languages: tuple
    medium: str
    rx: re.Pattern
    keys: tuple
    example: str
    expected: str
    where: str


class LanguageCues(NamedTuple):
    """The compiled cues of one language: medium -> cue rows (in table order), and the initiator
    cues (:class:`diplo_analysis.initiators.InitiatorCues`, or None where the language has none)."""

    code: str
    media: dict
    initiator: object


def _codes(row: dict, where: str) -> tuple:
    codes = tuple(c.strip() for c in (row.get("language") or "").split("|") if c.strip())
    if not codes or not all(_CODE.fullmatch(c) for c in codes):
        raise ValueError(f"{where}: language must be ISO 639-1 codes (lower case; three letters where the detector gives them) joined by '|', got {row.get('language')!r}")
    if "en" in codes:
        raise ValueError(f"{where}: English cues belong in cues.csv / initiator_cues.csv, not here")
    return codes


def _valid_cue(row: dict, where: str) -> Cue:
    codes = _codes(row, where)
    medium = (row.get("medium") or "").strip()
    if medium not in MEDIA:
        raise ValueError(f"{where}: medium {medium!r} is not one of {list(MEDIA)}")
    rx, keys = checked_pattern(row.get("pattern") or "", row, where, _I)
    expected = (row.get("expected") or "").strip() or medium
    if expected not in MEDIA:
        raise ValueError(f"{where}: expected {expected!r} is not one of {list(MEDIA)}")
    return Cue(codes, medium, rx, keys, row["example"], expected, where)


def read_language_cues(path) -> list:
    """Read and check a table of cues per language (``language,medium,pattern,keys,example,expected``).

    Returns
    -------
    list of Cue
        One per row, in order: ``languages`` (tuple of str), ``medium`` (str), ``rx`` (compiled,
        ignoring case), ``keys`` (tuple of str), ``example`` (str), ``expected`` (str: the medium
        the example gets), ``where`` (``"path:line"``).

    Raises
    ------
    ValueError
        Naming the file and row: a missing column, a bad language code (or ``en``), an unknown
        medium, a pattern that does not compile or miss its example, bad keys, or an example
        that :func:`pick_medium` with the language's rows reads as another medium than the
        row's ``expected`` (empty: its ``medium``).
    """
    rows = read_checked_table(path, CUE_LANGUAGE_COLUMNS, "language cue", _valid_cue)
    media = {code: _by_medium(rows, code) for code in sorted({c for r in rows for c in r.languages})}
    for cue in rows:
        for code in cue.languages:
            got = pick_medium(media[code], cue.example)
            if got is None or got[0] != cue.expected:
                raise ValueError(f"{cue.where}: the {code} cues read its example {cue.example!r} as "
                                 f"{got[0] if got else None!r}, not {cue.expected!r}")
    return rows


def read_language_initiator_cues(path) -> list:
    """Read and check a table of initiator cues per language (``language,kind,pattern,keys,example,note``).

    Returns
    -------
    list of dict
        One per row: ``languages`` (tuple of str) and the keys of
        :func:`diplo_analysis.initiators.read_initiator_cues` (``kind``, ``pattern``, ``keys``, ``example``).

    Raises
    ------
    ValueError
        Naming the file and row, as :func:`diplo_analysis.initiators.read_initiator_cues`, or for a
        bad language code.
    """
    from .initiators import _valid_row

    def check(row: dict, where: str) -> dict:
        return {"languages": _codes(row, where), **_valid_row(row, where)}

    return read_checked_table(path, INITIATOR_LANGUAGE_COLUMNS[:5], "language initiator cue", check)


def _by_medium(rows: list, code: str) -> dict:
    return {m: [r for r in rows if r.medium == m and code in r.languages] for m in MEDIA}


def _first(cues: list, s: str, low: str):
    """The earliest match in ``s`` of the cues whose key is in ``low`` (or None)."""
    best = None
    for cue in cues:
        if any(k in low for k in cue.keys):
            m = cue.rx.search(s)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
    return best


def pick_medium(media: dict, s: str) -> Optional[tuple]:
    """The medium the cues of one language read in ``s``, and the cue's match, or None without a cue.

    Parameters
    ----------
    media : dict
        Medium -> cue rows of one language (:attr:`LanguageCues.media`).
    s : str
        A title or the head of a text (NFC).

    Returns
    -------
    tuple or None
        ``(medium, match)``: a video cue, else a phone cue, unless an in-person cue comes
        more than :data:`NEAR` characters before it; else the earlier of the in-person and
        the other cue (an in-person cue on a tie).
    """
    if not s:
        return None
    low = s.lower()
    found = {m: _first(media.get(m, ()), s, low) for m in MEDIA}
    call = found["video"] and ("video", found["video"]) or found["phone"] and ("phone", found["phone"])
    met, other = found["in_person"], found["other"]
    if call and (met is None or call[1].start() <= met.start() + NEAR):
        return call
    if met is not None and (other is None or met.start() <= other.start()):
        return "in_person", met
    if other is not None:
        return "other", other
    return call or None


def lead_of(title: str, text: str) -> str:
    """The head of ``text`` the cues read: its first :data:`LEAD_CHARS` characters (NFC, white space
    folded), without an opening that repeats ``title``.

    Sentences are not cut: abbreviations ("H.E.") and page lines end "sentences" of every script
    too early, and :func:`pick_medium` reads a call cue far after an in-person cue as another contact.
    """
    text = " ".join(unicodedata.normalize("NFC", (text or "")[: 3 * LEAD_CHARS]).split())
    title = " ".join(unicodedata.normalize("NFC", title or "").split())
    if title and text.startswith(title):
        text = text[len(title):].lstrip(" .:-")
    return text[:LEAD_CHARS]


@lru_cache(maxsize=1)
def _tables() -> tuple:
    from .gazetteer import _data_path

    return (tuple(read_language_cues(_data_path("cues_languages.csv"))),
            tuple(read_language_initiator_cues(_data_path("initiator_cues_languages.csv"))))


@lru_cache(maxsize=1)
def languages() -> frozenset:
    """The ISO 639-1 codes of the languages that have cue rows (``data/cues_languages.csv``)."""
    return frozenset(c for cue in _tables()[0] for c in cue.languages)


@lru_cache(maxsize=None)
def cues_for(code: Optional[str]) -> Optional[LanguageCues]:
    """The compiled cues of language ``code``, or None where ``data/cues_languages.csv`` has no row of it.

    Returns
    -------
    LanguageCues or None
        ``code`` (str), ``media`` (medium -> list of :class:`Cue`), ``initiator``
        (:class:`diplo_analysis.initiators.InitiatorCues` of the language's rows of
        ``data/initiator_cues_languages.csv``, or None where it has none).
    """
    if code not in languages():
        return None
    from .initiators import compile_initiator_cues

    rows, init_rows = _tables()
    mine = [r for r in init_rows if code in r["languages"]]
    return LanguageCues(code, _by_medium(list(rows), code), compile_initiator_cues(mine) if mine else None)
