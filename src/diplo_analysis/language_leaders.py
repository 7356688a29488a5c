"""Leaders named in the words of another language than English: rows of ``data/leader_names_languages.csv``.

``data/leaders.csv`` holds leaders by their English names ("Vladimir Putin", "Xi Jinping"); a page in
another language names them in its own script or spelling: "Путиным", "普京", "プーチン大統領",
"ترامب", "Зеленський". The table ``data/leader_names_languages.csv`` (``language, name, leader, note``)
says, for a language, a name as that language writes it and the ``leaders.csv`` name it stands for;
the leader's country and term are then those of ``leaders.csv`` at the page's date
(:func:`diplo_analysis.gazetteer.lookup_leader`).

A name is matched as the language writes words, as the country names of
:mod:`diplo_analysis.language_countries` are (:func:`~diplo_analysis.language_countries.country_pattern`):
anywhere in Chinese, Japanese and Korean; declined in Russian, Ukrainian, Polish, Czech, Hungarian,
Greek, Romanian, Bulgarian, Serbian and the other declining languages ("Путин" finds "Путиным",
"Зеленський" finds "Зеленським", Czech "Zelenský" finds "Zelenským", Hungarian "Putyin" finds
"Putyinnal"; so those languages' rows hold names English writes alike, "Macron" for "Macronem"); with
a genitive "s" in Danish and Norwegian; with the Arabic article and clinging letters, and the Hebrew
ones ("לנתניהו"); with the suffixes of Indian scripts. Names are proper nouns: matched as the table
writes them or in capitals.

Nothing here is read for an English page: a language's expression is built on its first page.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple, Optional

__all__ = ["LEADER_NAME_COLUMNS", "LeaderMention", "read_leader_names", "leader_names", "leaders_in", "same_sentence"]

#: Columns of ``data/leader_names_languages.csv``.
LEADER_NAME_COLUMNS = ("language", "name", "leader", "note")


class LeaderMention(NamedTuple):
    """A leader named in a page's language: the ``leaders.csv`` name (``leader``), the ``words`` matched,
    their ``start`` in the searched string (after the normalisation of
    :mod:`diplo_analysis.language_countries`) and ``source`` (``"leader_names_languages.csv:LINE"``)."""

    leader: str
    words: str
    start: int
    source: str


def read_leader_names(path, known: Optional[frozenset] = None) -> list:
    """Read and check ``data/leader_names_languages.csv`` (``language,name,leader,note``).

    Parameters
    ----------
    path : str or Path
        The table.
    known : frozenset of str, optional
        The leader names rows may stand for (default: the names of the package's ``leaders.csv``).

    Returns
    -------
    list of dict
        One per row: ``language`` (str, ISO 639-1), ``name`` (str, NFC), ``leader`` (str: a name of
        ``leaders.csv``), ``where`` (``"path:line"``).

    Raises
    ------
    ValueError
        Naming the file and line: a missing column, a bad language code (or ``en``), an empty name,
        a leader that ``leaders.csv`` does not hold, or a name given twice for one language.
    """
    from ._tables import read_checked_table

    if known is None:
        from .gazetteer import package_leaders

        known = frozenset(package_leaders()["name"])
    seen: dict = {}

    def check(row: dict, where: str) -> dict:
        lang, name, leader = ((row.get(k) or "").strip() for k in LEADER_NAME_COLUMNS[:3])
        if not re.fullmatch(r"[a-z]{2,3}", lang) or lang == "en":
            raise ValueError(f"{where}: language must be an ISO 639-1 code other than en, got {lang!r}")
        if not name:
            raise ValueError(f"{where}: empty name")
        if leader not in known:
            raise ValueError(f"{where}: leader {leader!r} is not a name of leaders.csv")
        name = unicodedata.normalize("NFC", name)
        if (lang, name) in seen:
            raise ValueError(f"{where}: {lang} name {name!r} is already given at line {seen[lang, name]}")
        seen[lang, name] = where.rsplit(":", 1)[-1]
        return {"language": lang, "name": name, "leader": leader, "where": where}

    return read_checked_table(path, LEADER_NAME_COLUMNS[:3], "leader name", check)


@lru_cache(maxsize=1)
def _table_rows() -> tuple:
    from .gazetteer import _data_path

    return tuple(read_leader_names(_data_path("leader_names_languages.csv")))


@lru_cache(maxsize=None)
def leader_names(code: str) -> dict:
    """The leader names of a language: name as written (NFC) -> ``(leader, source)``.

    Returns
    -------
    dict
        name -> ``(leader, source)``: ``leader`` a name of ``leaders.csv``, ``source`` the table's
        ``"leader_names_languages.csv:LINE"``.
    """
    return {r["name"]: (r["leader"], r["where"].rsplit("/", 1)[-1]) for r in _table_rows() if r["language"] == code}


@lru_cache(maxsize=None)
def _compiled(code: str) -> Optional[tuple]:
    """(one expression of the language's names, longest first, each a named group; the names in its order)."""
    from .language_countries import country_pattern

    names = sorted(leader_names(code), key=lambda n: (-len(n), n))
    if not names:
        return None
    parts = ["|".join(dict.fromkeys(country_pattern(code, v) for v in (n, n.upper()))) for n in names]
    return re.compile("|".join(f"(?P<n{i}>{p})" for i, p in enumerate(parts))), tuple(names)


def leaders_in(code: Optional[str], text: str) -> list:
    """The leaders that the words of language ``code`` name in ``text``, in order.

    Parameters
    ----------
    code : str or None
        ISO 639-1 code of the page's language; English and None find nothing (the English
        leaders table reads those pages).
    text : str
        The title and the head of a page, as written.

    Returns
    -------
    list of LeaderMention
        ``leader``, ``words``, ``start`` (in the text after the normalisation of
        :mod:`diplo_analysis.language_countries`: joiners, nukta and Arabic short vowels dropped),
        ``source``.
    """
    if not code or code == "en" or not text:
        return []
    compiled = _compiled(code)
    if compiled is None:
        return []
    from .language_countries import _norm

    rx, names = compiled
    table = leader_names(code)
    out = []
    for m in rx.finditer(_norm(text)):
        leader, source = table[names[int(m.lastgroup[1:])]]
        out.append(LeaderMention(leader, m.group(0), m.start(), source))
    return out


#: What ends a sentence in the scripts of the languages read (a line's end too: titles, datelines).
_SENTENCE_END = re.compile(r"[.!?\n。！？।؟]")


def same_sentence(code: Optional[str], text: str, mentions: list) -> list:
    """The mentions of :func:`leaders_in` (of ``text``) that the sentence of the first one holds.

    Returns
    -------
    list of LeaderMention
        The first mention and those after it with no end of sentence between (empty for none).
    """
    if not mentions:
        return []
    from .language_countries import _norm

    s = _norm(text)
    first = mentions[0]
    return [first] + [m for m in mentions[1:]
                      if m.start >= first.start and not _SENTENCE_END.search(s, first.start, m.start)]
