"""Dates written in the words of another language than English, from CLDR's calendar data.

:mod:`diplo_analysis.dates` reads English dates ("16 April 2020", "April 16, 2020") and numeric
ones ("16.04.2020", "2020-04-16"). A page detected in another language
(:func:`diplo_analysis.language.detect_language`) also has its dates read with the month and
weekday names of its language, taken from the Unicode CLDR through Babel (``babel.Locale``:
``months`` in their *format* forms, the genitive of Russian, Ukrainian or Polish, "16 апреля",
and their *stand-alone* forms, "апрель"; wide and abbreviated; ``days`` for a weekday written
before the day). The finders below give :class:`diplo_analysis.dates.DateMention` objects that
the rules of :mod:`diplo_analysis.dates` choose from as they choose from English ones; each
mention names its ``source`` (the language and the pattern), which
:func:`diplo_analysis.dates.explain_date` shows as evidence. The patterns, in the order they
claim text:

``cldr_day_month_year``
    day, month name, year: "16. April 2020", "16 de abril de 2020", "16 avril 2020",
    "16 апреля 2020 г.", "20 Oktober 2019", "12. november 2014".
``cldr_year_month_day``
    year, month name, day (Hungarian, Lithuanian): "2020. április 16.".
``cjk_year_month_day``
    "2020年4月16日" (Chinese, Japanese), "2020년 4월 16일" (Korean); the Japanese eras Heisei and
    Reiwa ("平成29年10月23日" is 2017, "令和元年" 2019: :data:`JAPANESE_ERAS`).
``cldr_day_month``
    day and month name without a year (wide names only): "30 декабря", "11 лютого",
    "22 januar"; a day and month after a capitalised place and a comma ("МОСКВА, 31 декабря.")
    is a ``dateline``, set aside (``ignored``) when another day and month follows within
    :data:`DATELINE_REACH` characters (the news agency's day, then the day of the call).
``cjk_month_day``
    "10月23日", "10월 23일" without a year.
``cjk_day``
    a day alone, "8일", "20日夜" (not a count of days, "3日間"): read only where it opens the text's
    dates and falls at most a week before the page's date (rule ``text_day_of_page_month``).
``cldr_weekday``
    a weekday name alone, written as CLDR writes it (its wide names: "segunda-feira", "Montag";
    Spanish "domingo" but not the name "Domingo"), counted back from the page's date as an
    English "on Monday" is.
    After "this" (:data:`THIS_WEEK`: "este viernes", "nesta segunda-feira") it is
    ``cldr_weekday_this_week``, a day of the page's own week.
``cldr_yesterday``
    CLDR's word for the day before ("ieri", "gestern", "вчера", "昨日"; not where the language
    writes yesterday and tomorrow alike, Hindi "कल"), counted back from the page's date.

Full dates are ``event`` mentions unless they fill their line or sit beside a clock time
("4 de novembro de 2010 às 20:42", "12 Novembro de 2019 | 07h48": a page stamp, ``header``) or open a range ("18.-19. december"). Nothing here is read for an
English page: the patterns of a language are built on its first page, once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Optional

from .dates import (_RE_CLOCK_AFTER, _RE_CLOCK_BEFORE, _RE_RANGE_AFTER, _RE_RANGE_BEFORE, DateMention, _Scan,
                    JAPANESE_ERAS, _alone_on_its_line, _valid, japanese_era_year)

__all__ = ["JAPANESE_ERAS", "DATELINE_REACH", "cldr_locale", "month_names", "finders_for"]

#: A dateline's day and month is set aside when another day and month follows this close.
DATELINE_REACH = 300
#: Words that may join a day, a month and a year ("16 de abril de 2020", "d. 22. januar").
_JOINERS = r"(?:de|del|d\.)"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
_DAY = r"(?<![\d.])(?P<day>[0-3]?\d)(?![\d])"
_BEFORE = 40
_CJK = {"zh", "ja", "ko"}
#: A clock time after a date, perhaps after a word ("às 20:42", "| 07h48", "в 14:00"): a page stamp.
_CLOCK_AFTER = re.compile(r"\s*[,|]?\s*(?:[^\W\d_]{1,5}\s+)?[0-2]?\d[:h][0-5]\d(?!\d)")
_CAPITAL_COMMA = re.compile(r"(?:^|\s)([^\W\d_]{3,}(?:[ -][^\W\d_]{3,})?),\s*$")


@lru_cache(maxsize=None)
def cldr_locale(code: str):
    """Babel's ``Locale`` of a language code (CLDR's data of that language), or None where CLDR lacks it."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None


@lru_cache(maxsize=None)
def month_names(code: str) -> dict:
    """Lower-case month names of a language (CLDR through Babel) -> month number.

    Returns
    -------
    dict
        name (str, lower case, without a final dot) -> month (int, 1-12): the wide and
        abbreviated names, in their format (genitive) and stand-alone forms. Empty for a language
        CLDR does not know, and for names made of digits (Chinese "4月": read by the CJK patterns).
    """
    loc = cldr_locale(code)
    out: dict = {}
    if loc is None:
        return out
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for month, name in loc.months[context][width].items():
                name = name.lower().rstrip(".")
                if len(name) >= 3 and not any(ch.isdigit() for ch in name):
                    out.setdefault(name, month)
    return out


def _wide(code: str) -> set:
    loc = cldr_locale(code)
    if loc is None:
        return set()
    return {n.lower() for ctx in ("format", "stand-alone") for n in loc.months[ctx]["wide"].values()}


@lru_cache(maxsize=None)
def _weekdays(code: str) -> tuple:
    """(expression of a weekday name ending the text before a date, lower-case name -> 0-6)."""
    loc = cldr_locale(code)
    names = {} if loc is None else {n.lower(): d for ctx in ("format", "stand-alone")
                                   for d, n in loc.days[ctx]["wide"].items()}
    if not names:
        return None, names
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alt}),?\s*(?:den\s+|d\.\s*)?$", re.IGNORECASE), names


@lru_cache(maxsize=None)
def _patterns(code: str) -> Optional[tuple]:
    """The compiled patterns of a language's month names: (day-month-year, year-month-day, day-month)."""
    names = month_names(code)
    if not names:
        return None
    every = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    wide = "|".join(re.escape(n) for n in sorted(_wide(code) & set(names), key=len, reverse=True))
    mon = rf"(?P<mon>{every})(?!\w)\.?"
    dmy = re.compile(rf"{_DAY}(?:\.|º|°|er)?\s*(?:{_JOINERS}\s*)?{mon},?\s*(?:{_JOINERS}\s*)?{_YEAR}", re.I)
    ymd = re.compile(rf"(?<!\d){_YEAR}\.?\s+{mon}\s+(?P<day>[0-3]?\d)(?!\d)\.?", re.I)
    dm = re.compile(rf"{_DAY}\.?\s*(?:{_JOINERS}\s*)?(?P<mon>{wide})(?!\w)", re.I) if wide else None
    return dmy, ymd, dm


_RE_CJK_FULL = re.compile(r"(?P<era>平成|令和)?(?P<year>(?:19|20)\d{2}|\d{1,2}|元)\s*[年년]\s*(?P<mon>[01]?\d)\s*[月월]"
                          r"\s*(?P<day>[0-3]?\d)\s*[日일]")
_RE_CJK_MD = re.compile(r"(?<![\d年년])(?P<mon>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]")
#: A day alone ("8일", "20日夜"), not a month's ("1월 20일"), nor a count of days ("3日間", "78일 만에", "3일간").
_RE_CJK_DAY = re.compile(r"(?<![\d月월年년.])(?<![月월]\s)(?P<day>[0-3]?\d)\s?[日일](?![間간本曜])")


def _full_role(s: str, a: int, b: int, before: str) -> str:
    """A full date of another language: a page stamp (``header``) alone on its line or beside a clock
    time, ``ignored`` in a range, else an ``event``."""
    if _RE_RANGE_AFTER.match(s, b) or _RE_RANGE_BEFORE.search(before):
        return "ignored"
    if _alone_on_its_line(s, a, b, before) or _RE_CLOCK_BEFORE.search(before) or _RE_CLOCK_AFTER.match(s, b) \
            or _CLOCK_AFTER.match(s, b):
        return "header"
    return "event"


def _weekday_before(code: str, scan: _Scan, a: int) -> Optional[int]:
    rx, names = _weekdays(code)
    if rx is None:
        return None
    m = rx.search(scan.s, max(0, a - _BEFORE), a)
    if m is None:
        return None
    scan.taken.append((m.start(), a))
    return names[m.group(1).lower()]


def _add(scan: _Scan, out: list, m: re.Match, kind: str, ymd: tuple, source: str, code: str) -> None:
    a, b = m.span()
    y, mo, d = ymd
    if not scan.free(a, b) or not (1 <= mo <= 12) or not _valid(y, mo, d):
        return
    before = scan.s[max(0, a - _BEFORE):a]
    role = _full_role(scan.s, a, b, before) if kind == "full" else "event"
    weekday = _weekday_before(code, scan, a)
    scan.taken.append((a, b))
    out.append(DateMention(a, b, kind, role, y, mo, d, weekday, source=f"{code}: {source}"))


def _find_cldr(code: str) -> Callable:
    def find(scan: _Scan) -> list:
        pats = _patterns(code)
        if pats is None:
            return []
        names, out = month_names(code), []
        dmy, ymd, dm = pats
        for rx, name in ((dmy, "cldr_day_month_year"), (ymd, "cldr_year_month_day")):
            for m in rx.finditer(scan.s):
                mo = names.get(m["mon"].lower().rstrip("."))
                if mo:
                    _add(scan, out, m, "full", (int(m["year"]), mo, int(m["day"])), name, code)
        for m in dm.finditer(scan.s) if dm is not None else ():
            _add(scan, out, m, "day_month", (None, names[m["mon"].lower()], int(m["day"])), "cldr_day_month", code)
        return out
    return find


@lru_cache(maxsize=None)
def _relative_words(code: str) -> tuple:
    """(expression of a weekday name alone, lower-case name -> 0-6, expression of "yesterday" or None)."""
    loc = cldr_locale(code)
    _, names = _weekdays(code)
    written = {n for ctx in ("format", "stand-alone") for n in loc.days[ctx]["wide"].values()} if loc else set()
    alt = "|".join(re.escape(n) for n in sorted(written, key=len, reverse=True))
    # as CLDR writes them: Spanish "domingo", not the name "Domingo"; Indonesian "Minggu", not "minggu" (week)
    days = re.compile(rf"(?<!\w)({alt})(?!\w)") if alt else None
    rel = {} if loc is None else dict(loc._data["date_fields"]["day"].get("relative", {}))  # CLDR "fields"
    yesterday = rel.get(-1)
    if not yesterday or yesterday == rel.get(1):
        return days, names, None
    return days, names, re.compile(rf"(?<!\w){re.escape(yesterday)}(?!\w)", re.I)


#: The day of the month in brackets after a weekday ("nesta segunda-feira (6)"), read with the page's month.
_DAY_IN_BRACKETS = re.compile(r"\s?\((\d{1,2})\)")
#: "This" before a weekday ("este viernes", "nesta segunda-feira", "ce vendredi"): a day of the page's own
#: week, never one a week back (``cldr_weekday_this_week``; rule ``text_weekday:this_week`` of
#: :mod:`diplo_analysis.dates`).
THIS_WEEK = {"es": ("este", "esta"), "pt": ("este", "esta", "neste", "nesta"), "fr": ("ce",),
             "it": ("questo", "questa"), "de": ("diesen", "diesem"), "ca": ("aquest", "aquesta"), "nl": ("deze",)}


def _this_week(code: str, s: str, start: int) -> bool:
    words = THIS_WEEK.get(code)
    before = s[max(0, start - 8):start].lower().split() if words else ()
    return bool(before) and before[-1] in words


def _find_relative(code: str) -> Callable:
    def find(scan: _Scan) -> list:
        days, names, yesterday = _relative_words(code)
        out: list = []
        for m in days.finditer(scan.s) if days is not None else ():
            if scan.free(*m.span()):
                scan.taken.append(m.span())
                # "nesta segunda-feira (6)": the Brazilian press's day of the month after the weekday
                day = _DAY_IN_BRACKETS.match(scan.s, m.end())
                d = int(day.group(1)) if day and 1 <= int(day.group(1)) <= 31 else None
                out.append(DateMention(m.start(), day.end() if d else m.end(), "weekday", "event",
                                       day=d, weekday=names[m.group(1).lower()],
                                       source=f"{code}: cldr_weekday" + ("_this_week" if _this_week(code, scan.s, m.start()) else "")
                                       + ("_day_in_brackets" if d else "")))
        for m in yesterday.finditer(scan.s) if yesterday is not None else ():
            if scan.free(*m.span()):
                out.append(DateMention(m.start(), m.end(), "yesterday", "event", source=f"{code}: cldr_yesterday"))
        return out
    return find


def _cjk_year(m: re.Match) -> Optional[int]:
    era, year = m["era"], m["year"]
    if era:
        return japanese_era_year(era, year)
    return int(year) if len(year) == 4 else None


def _find_cjk(code: str) -> Callable:
    def find(scan: _Scan) -> list:
        out: list = []
        if not any(c in scan.s for c in "月월日일"):
            return out
        for m in _RE_CJK_FULL.finditer(scan.s):
            y = _cjk_year(m)
            if y is not None:
                name = "cjk_year_month_day" + (f" ({m['era']} era)" if m["era"] else "")
                _add(scan, out, m, "full", (y, int(m["mon"]), int(m["day"])), name, code)
        for m in _RE_CJK_MD.finditer(scan.s):
            _add(scan, out, m, "day_month", (None, int(m["mon"]), int(m["day"])), "cjk_month_day", code)
        for m in _RE_CJK_DAY.finditer(scan.s):
            if 1 <= int(m["day"]) <= 31 and scan.free(*m.span()):
                scan.taken.append(m.span())
                out.append(DateMention(m.start(), m.end(), "day", "event", day=int(m["day"]), source=f"{code}: cjk_day"))
        return out
    return find


def _datelines(found: list, s: str) -> list:
    """A day and month after a capitalised place and a comma is a ``dateline``; ``ignored`` when another
    day and month follows within :data:`DATELINE_REACH` characters."""
    out = []
    for m in found:
        if m.kind == "day_month":
            place = _CAPITAL_COMMA.search(s, max(0, m.start - _BEFORE), m.start)
            if place is not None and place.group(1).isupper():
                later = any(o.kind == "day_month" and m.end < o.start <= m.end + DATELINE_REACH for o in found)
                m = DateMention(m.start, m.end, m.kind, "ignored" if later else "dateline", m.year, m.month,
                                m.day, m.weekday, m.call_verb, m.source)
        out.append(m)
    return out


@lru_cache(maxsize=None)
def finders_for(code: Optional[str]) -> tuple:
    """The date finders of a language other than English, for :func:`diplo_analysis.dates.dates_in_text`.

    Parameters
    ----------
    code : str or None
        ISO 639-1 code (:func:`diplo_analysis.language.detect_language`).

    Returns
    -------
    tuple of callables
        Each takes the scan of :mod:`diplo_analysis.dates` and returns a list of
        :class:`~diplo_analysis.dates.DateMention` (with ``source`` naming the language and the
        pattern). Empty for English, None and languages CLDR does not know.
    """
    if not code or code == "en":
        return ()
    finders = []
    if code in _CJK:
        finders.append(_find_cjk(code))
    if month_names(code):
        finders.append(_find_cldr(code))
    if not finders:
        return ()
    finders.append(_find_relative(code))

    def all_of(scan: _Scan) -> list:
        found = sorted((m for f in finders for m in f(scan)), key=lambda m: (m.start, m.end))
        return _datelines(found, scan.s)
    return (all_of,)
