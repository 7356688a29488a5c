"""The date of a readout: read from a field or the text, or inferred, never guessed.

:func:`resolve_date` gives each record one day (the day of the call or
meeting) and says whether that day was *read* or *inferred*.  Sources differ:
the Kremlin and White House files carry a date field; China's pages carry only
their text ("On the evening of 16 April", "BEIJING, July 8 (Xinhua) -- ... on
Friday"), a URL and sometimes the page's publication date.

The rules, in order (the first that decides wins; ``_RULES``)
-------------------------------------------------------------
Each rule reads a context built once per readout and returns a decision or
nothing; :func:`explain_date` gives the decision with the rule's name and its
evidence (``docs/dates.md`` has an example per rule).

1. ``date_field``: ``record.date``, the source's date field (ISO or anything
   :func:`pandas.to_datetime` reads): read, ``inferred=False``.  A value that
   does not parse is ignored (no crash) and the next rules are tried.
2. ``meta_date``: ``record.meta["date"]`` (or ``meta["datetime"]``), explicit
   metadata such as a sidecar or front matter: read, ``inferred=False``.
3. The text, near its start (title + first 2,000 characters): the first
   mention of the day of the call (:func:`dates_in_text`, then the mentions
   the page's date allows, a weekday said of the call preferred).

   * ``text_full_date``: a full date ("On the morning of April 12, 2017",
     "25 February 2022", "Monday, March 3, 2014", a photo caption "...,
     Beijing, Feb. 5, 2022. (Xinhua/...)") is read: ``inferred=False``.
     A full-date dateline that opens a line gives way to a full date of its
     lead said of the call, "on" it, 1 to 31 days earlier (rule
     ``dateline_call_day``: "Ulaanbaatar, February 24, 2023, /AGENCY/. ...
     spoke by telephone on February 21, 2023" -> 21 February 2023).
   * ``text_day_month``: a day and month without year ("on the evening of 16
     April", "BEIJING, July 8 (Xinhua)") takes its year from the first of
     ``_YEAR_STEPS`` that decides: ``year_meta`` (``meta["year"]``,
     ``inferred=False``); ``year_page_date`` (a publication stamp in the text
     such as "Updated: 2013-09-06", the URL, ``meta["published"]``: the latest
     year that puts the day on or before the page date); ``year_mfa_id`` (the
     id of a foreign-ministry page, ``/t1743661.htm``, calibrated on dated
     pages, ``data/dates_mfa_ids.csv``); ``year_tenure`` (the tenure of the
     officials named, ``data/dates_tenure.csv``, a weekday given with the day
     and years written in the text leave one year); ``year_leader_terms``
     (the terms of the leaders of ``data/leaders.csv`` named after their
     office's title leave one year); all ``inferred=True`` but the first;
     otherwise NaT.  A dateline followed in its lead by a weekday ("BEIJING,
     July 5 (Xinhua) -- ... said Saturday") gives the last such weekday on or
     before the dateline (here July 4).
   * ``text_weekday``, ``text_relative_day``: a weekday alone ("met on
     Friday") or "yesterday" counts back from the earliest full page date
     (text stamp, URL, ``published``): ``inferred=True``; NaT when the page
     has no full date, unless its only date is a stamp that reads two ways
     ("05-10-2021") and one reading alone falls on that weekday or the day
     after (``text_weekday:ambiguous_stamp``); a weekday written with "this" in another language
     ("este viernes") later in the week than the page's day is a day to come, and the next weekday
     stands for the call (``text_weekday:this_week``); a day alone in Chinese, Japanese or Korean
     ("8일") that opens the text's dates is that day of the page's month where it falls at most a week
     before the page's date (``text_day_of_page_month``).
4. ``page_date``: no day in the text: the page's earliest full date (text
   stamp, URL such as ``/2021-09/10/``, ``/20210910/``, ``t20210910_``,
   ``content_20210910``; ``published``) stands for the day,
   ``inferred=True`` (a publication date is often the day after the call).
5. ``no_date``: nothing: NaT, ``inferred=False``.

Mentions that are not the call are skipped: dates in the page's publication
stamps, photo captions that show something else ("Aerial photo taken on
...", a caption without a meeting verb, or more than a week before the page
date), anything within reach of a "file photo" marker, and day-month phrases
not introduced by "on"/"of" or a dateline ("from Dec 3 to Dec 7").  Years
alone ("the 2008 Olympics") are never a day.
"""

from __future__ import annotations

import csv
import datetime as _dt
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable, NamedTuple, Optional

import pandas as pd

from .records import Record

__all__ = [
    "resolve_date",
    "explain_date",
    "DateDecision",
    "DateMention",
    "dates_in_text",
    "PageDate",
    "url_date",
    "mfa_id_date",
    "tenure_windows",
    "leader_windows",
    "candidate_years",
]

HEAD_CHARS = 2000
"""Characters of text (after the title) searched for the day of the call."""

YEAR_MIN, YEAR_MAX = 1990, 2035
"""Years outside this range are not read as dates; open tenures end at YEAR_MAX."""

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    # rule ``foreign_month_name``: the Indonesian, Malay, Dutch or German spelling an English page keeps in its
    # stamp ("Date 17 Oktober 2023", "3 Mei 2021", "9 Desember 2020"); read only with a day and a year
    "okt": 10, "agu": 8, "des": 12, "mei": 5,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}

_MON = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
        # in capitals too: "Posted On: 04 APR 2023", "NEW DELHI, APRIL 4, 2023"
        r"|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?"
        r"|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?")
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
#: Rule ``foreign_month_name``: month names an English page may keep from its country's language, only
#: in a full date (day, month, year): "17 Oktober 2023", "20 Agustus 2019", "9 Desember 2020", "3 Mei 2021".
_MON_FOREIGN = r"(?P<mon>Oktober|Agustus|Desember|Mei|Maret|Januari|Februari|Juni|Juli)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_NOYEAR = r"(?!\s*,?\s*(?:19|20)\d{2}(?!\d))"

# Full dates: "May 29, 2014", "Sept. 8, 2011", "September17, 2020", "April 17,2015",
# "25 February 2022", "27-Mar-2020", "2014-2-8", "2021/7/7".
#: Rule ``slash_year``: a slash between the day and the year ("Addis Ababa February 7/2022 /ENA/") is a comma.
_RE_MDY = re.compile(rf"\b{_MON}\s*{_DAY}\b\s*[,/]?\s*{_YEAR}")
_RE_DMY = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:(?<=\.)|\b),?\s*{_YEAR}")  # "24 Jan. 2008" too
#: Page stamps in a Central European or a foreign spelling, read only as stamps (:func:`_find_stamp_dates`):
#: a day closed by a dot ("04. December 2024.", rule ``dotted_day``) and a month name of the site's own
#: language ("Date 17 Oktober 2023", rule ``foreign_month_name``).
_RE_DMY_DOTTED = re.compile(rf"\b{_DAY}\.[ \t]+{_MON}(?:(?<=\.)|\b),?[ \t]*{_YEAR}")
_RE_DMY_FOREIGN = re.compile(rf"\b{_DAY}\.?[ \t]+{_MON_FOREIGN}\b,?[ \t]*{_YEAR}")
#: Where such a stamp stands: alone on its line (a full stop after it at most), or after a "Date" label.
_RE_STAMP_BEFORE = re.compile(r"(?:^|\n)[ \t]*$|\bDate[ \t]*:?[ \t]*$")
_RE_STAMP_AFTER = re.compile(r"\.?[ \t]*(?:\n|$)")
_RE_DMY_DASH = re.compile(rf"\b{_DAY}(?P<dsep>[-/]){_MON}(?P=dsep){_YEAR}")  # "27-Mar-2020", "12/September/2025"
#: Rule ``dashed_month_day_year``: a month name, then day and year each after a dash, spaced or not, as some
#: governments date their press releases: "May -11– 2020", "December - 31– 2019", "December-22- 2018".
_RE_MDY_DASHED = re.compile(rf"\b{_MON}[ \t]*[-–][ \t]*{_DAY}[ \t]*[-–][ \t]*{_YEAR}")
# A two-digit year closing a parenthesis or a line, as foreign ministries date their press releases'
# titles: "(2 Dec. 20)" -> 2 December 2020 (rule ``short_year``; read as 20xx).
_RE_DMY_SHORT = re.compile(rf"\b{_DAY}\s+{_MON}(?:(?<=\.)|\b)\s+(?P<year>\d{{2}})(?=[ \t]*\)|[ \t]*(?:\n|$))")
_RE_ISO = re.compile(r"(?<![\d/])(?P<year>(?:19|20)\d{2})(?P<sep>[-/])(?P<mon>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d)")
# Day and month without a year: "July 8", "Dec. 1", "August 30th", "16 April".
_RE_MD = re.compile(rf"\b{_MON}\s*{_DAY}\b{_NOYEAR}")
_RE_DM = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:(?<=\.)|\b){_NOYEAR}")
_RE_WEEKDAY = re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)")
# "Yesterday, the Minister ... held a telephone conversation" opens a sentence with a capital (rule
# ``text_relative_day``, as "held talks yesterday").
_RE_YESTERDAY = re.compile(r"\b(?:[Yy]esterday|last night|today|tonight|this (?:morning|afternoon|evening))\b")
#: A place and a comma opening the text's line before a full date: "Rabat, August 21, 2023, In a recent ..." (the
#: dateline of the page, rule ``dateline_yesterday``).
_RE_PLACE_OPENING = re.compile(r"(?:^|\n)[ \t]*[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,2},[ \t]*$")
_RE_YEAR_WORD = re.compile(
    r"(?<![\d\-/.,:])(?<!\bby )(?<!\buntil )(?<!\btill )(?<!\bto )(?<!\bthrough )(?<!\bbefore )(?<!\bBy )"
    r"(?<!\bVision )(?<!\bAgenda )(?<!\bby late )(?<!\bby early )(?<!\bby mid-)(?<!\bby the end of )"
    r"\b(?P<year>(?:19|20)\d{2})\b(?![\d\-/–]|\s*(?:km|kilo|yuan|dollar|people|tons))")

# Context tests (on the text just before / after a mention).
_RE_EVENT_BEFORE = re.compile(
    r"(?:\b(?:[Oo]n|[Oo]f)\s+(?:the\s+(?:morning|afternoon|evening|night|noon)\s+of\s+)?"
    r"|,\s*|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:,?\s+|\s*\()"  # rule weekday_parenthesis
    r"|\b(?:took place|was held|were held|happened)\s+)$")  # "... which took place 13 December 2021": prose
_RE_ON_BEFORE = re.compile(
    r"\b(?:[Oo]n|[Oo]f|[Aa]t noon on|[Ii]n the (?:morning|afternoon|evening) of)\s+"
    r"(?:the\s+(?:morning|afternoon|evening|night|noon)\s+of\s+)?$"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:,?\s+|\s*\()$")  # rule weekday_parenthesis
#: A day said of something to come, in the words just before it: "the talks to be held in Geneva on
#: May 3", "will meet on", "scheduled for" (rule of :func:`_role_day_month`: not the event).
_RE_TO_COME_BEFORE = re.compile(r"\b(?:will|to be held|to take place|scheduled|upcoming|planned)\b[^.!?;]{0,40}$")
#: The same for a full date, further back in its sentence: "X will meet Y in Helsinki on Wednesday, 11 May 2022"
#: (an announcement's day to come is not the day of the page's event: rule of :func:`_role_full`).
_RE_TO_COME_FULL = re.compile(r"\b(?:will|to be held|to take place|scheduled|upcoming|planned)\b[^.!?;\n]{0,80}$")
#: After a dateline's day: a news agency's name in brackets (rule ``agency_dateline``: any short capitalised name or two
#: joined by a dash, "(Xinhua)", "(KUNA)", "(BelTA – TASS)", "(Yonhap)", not only the few agencies once listed), a
#: dash, or an agency's capitals between commas.
_RE_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Z][A-Za-z]{1,9}\.?(?:[ \t]*[-–—/][ \t]*[A-Z][A-Za-z]{1,9}\.?)?\)|-{1,2}(?!\d)|—|–"
                                r"|,\s*[A-Z]{2,8}\s*(?:-{1,2}(?!\d)|—|–))")  # "Capital, March 27, XNA- ..."
_RE_COMMA_BEFORE = re.compile(r",\s*$")
#: A date that opens its line, after a weekday at most, and is followed by a place and an agency's abbreviation in
#: brackets ("Tuesday, May 27, 2014 Kabul (BNA) ..."): the page's stamp and dateline, not the event (rule
#: ``agency_dateline_stamp``).
_RE_LINE_OPEN_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]*)?$")
_RE_AGENCY_PLACE_AFTER = re.compile(r"[ \t]+[A-Z][\w'-]+(?:[ \t][A-Z][\w'-]+){0,2}[ \t]*\([A-Z]{2,6}\)")
_RE_HEADER_BEFORE = re.compile(
    r"(?:Updated|UPDATED|Published|Release Date|Added On|Information time|Posted|Date|Print Edition"
    r"|Last [Uu]pdated?|LAST UPDATED?|Last [Mm]odified)"
    r"\s*:?\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*,?\s*)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?$")
#: A date alone in square brackets, after a weekday at most ("[Tuesday, Dec 1, 2015]"): a site's stamp on a label
#: line, not the event (rule ``bracketed_stamp``).
_RE_BRACKET_OPEN_BEFORE = re.compile(r"\[\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?$")
#: Characters that end a headline glued to the stamp of a list's item ("PM call with President Biden26/10/2022
#: 11:10:00"): rule ``list_item_stamp``.
_GLUED_STAMP_BEFORE = frozenset(")\"'”’")
_RE_CLOCK_BEFORE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*,?\s*$")
_RE_CLOCK_AFTER = re.compile(r"\s*,?\s*\d{1,2}:\d{2}")
_RE_PHOTO_AFTER = re.compile(
    r"[^.]{0,12}[.\s]*(?:\((?:Xinhua|XINHUA|Photo|PHOTO|AP|AFP|Reuters|CFP|China Daily|Photo by)[^)]{0,80}\)"
    r"|\[(?:Photo|Xinhua|PHOTO)[^\]]{0,60}\]|Photo:|\(Photo|/\s*(?:Xinhua|CGTN|CFP|VCG|China Daily)\))")
_RE_FILE = re.compile(r"(?i)(?:\bfile\s+photo|file:|, file\)|\bfile\)|\bFILE\s*[–-])")
_RE_TAKEN = re.compile(r"(?i)photo taken|shows the|pictured")
_RE_MEET_VERB = re.compile(
    r"(?i)\b(?:meets?|met|meeting|talks?|holds?|held|shakes? hands|welcom\w*|greets?|phone|"
    r"video link|press|sign\w*|attend\w*\s+(?:a|the)\s+(?:farewell|welcom\w*|banquet)|reviews?)\b")
_RE_CALL_VERB = re.compile(
    r"(?i)\b(?:met|meets?|meeting|talks?|held|holds?|spoke|speaks?|phone|telephone|conversation|call|"
    r"video link|virtual|summit)\b")
_RE_FAR_PHOTO = re.compile(r"Photo:\s*\w|\((?:Xinhua|XINHUA|AP|AFP|Reuters|CFP)\s*/|\((?:Photo|PHOTO)\b|\[(?:Photo|Xinhua|PHOTO)")
_RE_DATELINE_ANY = re.compile(r"\((?:Xinhua|XINHUA)\)\s*-|\s--\s")
#: A numeric date with the year last: "30.12.2016" (day first, as wherever dots are written), "11/30/2012",
#: "28/06/2019", "18-06-2020" (with slashes or hyphens only where the day cannot be the month: one of the two
#: is above 12; sites do not keep their country's order, an English edition often writes the month first).
_RE_NUMERIC = re.compile(r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d{2})"
                         r"(?![\d/-]|\.\d)")
#: Rule ``spaced_dotted_date``: the same day-first dotted date with a space after each dot, as Slovenian,
#: Czech or German sites write it: "Ljubljana, 24. 4. 2020".
_RE_NUMERIC_SPACED = re.compile(r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>\.)[ \t](?P<b>[01]?\d)\.[ \t](?P<year>(?:19|20)\d{2})"
                                r"(?![\d/-]|\.\d)")
#: A date followed by a dash or "to" and a number is one end of a range ("14/08/2017 - 13/04/2021"), not a stamp;
#: not where the number is a time of day: "01/25/2020 - 19:39 PM" is a stamp with its time (rule ``stamp_with_time``).
_RE_RANGE_AFTER = re.compile(r"\s*(?:[-–—]|to\b)\s*(?!\d{1,2}:\d{2})\d")
_RE_RANGE_BEFORE = re.compile(r"\d\s*(?:[-–—]|to)\s*$")
_RE_XINHUA_SHORT = re.compile(r"(?:Xinhua|XINHUA),\s*(?P<day>[0-3]?\d)/(?P<mon>[01]?\d)/(?P<yy>\d{2})\b")
_RE_SENT_END = re.compile(r"(?:(?<![A-Z])(?<!\b(?:Mr|Dr|St|Ms|No))[.!?]\s|\||\n|】)")

_DAY_RE_MAX_GAP = 400  # a weekday this close after a dateline refines it
TENURE_CHARS = 6000
"""Characters of text searched for officials of the tenure table and for years written."""
LEADER_CHARS = 3000
"""Characters of text searched for leaders named after their office's title."""


@dataclass(frozen=True)
class DateMention:
    """One date-like mention found by :func:`dates_in_text`.

    Attributes
    ----------
    start, end : int
        Character span in the searched string (title, newline, text).
    kind : str
        ``full`` (day, month, year), ``day_month`` (no year), ``day`` (a day alone, in Chinese, Japanese
        or Korean), ``weekday``,
        ``yesterday`` or ``today`` (the latter only beside a verb of a call).
    role : str
        ``event`` (may be the day of the call), ``dateline`` (a day-month in
        a news-agency dateline), ``header`` (the page's publication stamp),
        ``caption`` / ``caption_far`` (a full date in a photo caption showing a
        meeting, the credit right after it or within 200 characters; used only
        when at most a week before the page date), or ``ignored`` (a caption of
        something else, a file photo, a day-month not introduced by on/of, ...).
    year, month, day : int or None
        The date's parts (None where the mention has none).
    weekday : int or None
        0 = Monday ... 6 = Sunday, for weekday mentions and for dates written
        with their weekday ("Monday, March 3").
    call_verb : bool
        Whether the sentence around the mention has a verb of a call or
        meeting (met, held talks, spoke, phone, ...); used to prefer "met on
        Thursday" over "arrived on Wednesday".
    source : str or None
        For a date written in the words of another language than English
        (:mod:`diplo_analysis.language_dates`): the language and the pattern
        ("de: cldr_day_month_year"), or the rule of a numeric date its weekday ordered
        (``weekday_numeric_date``); None for the other English and numeric finders.
    """

    start: int
    end: int
    kind: str
    role: str
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[int] = None
    call_verb: bool = False
    source: Optional[str] = None


@dataclass(frozen=True)
class PageDate:
    """A date of the page (not necessarily of the call).

    Attributes
    ----------
    date : pandas.Timestamp
        The first day of the period when ``precision`` is coarser than a day.
    precision : str
        ``day``, ``month`` or ``year``.
    source : str
        ``text`` (a publication stamp in the text), ``url``, ``url_hijri`` (a Hijri date in the url)
        or ``published``.
    """

    date: pd.Timestamp
    precision: str
    source: str

    @property
    def last_day(self) -> pd.Timestamp:
        """The last day the page date allows (end of the month or year)."""
        if self.precision == "day":
            return self.date
        if self.precision == "month":
            return self.date + pd.offsets.MonthEnd(0)
        return pd.Timestamp(self.date.year, 12, 31)


#: Furniture rules whose lines show another day than the page's (a stock photo's caption with its source in
#: brackets, "Leaders meet in New York 18 September 2017 [examplenews]"): no stamp of the page (rule
#: ``bracket_source_caption`` of ``data/furniture.csv``).
_OTHER_DAY_RULES = frozenset({"bracket_source_caption"})


def _without_other_days(text: str, removals) -> str:
    """``text`` (a record's page text) with the lines of :data:`_OTHER_DAY_RULES` blanked (a set test first)."""
    lines = [r.line for r in removals if r.rule in _OTHER_DAY_RULES]
    if not lines:
        return text
    rows = text.split("\n")
    for n in lines:
        if 0 < n <= len(rows):
            rows[n - 1] = ""
    return "\n".join(rows)


def _mon(s: str) -> int:
    return _MONTHS[s[:3].lower()]


def _valid(y: Optional[int], m: int, d: int) -> bool:
    try:
        _dt.date(y if y is not None else 2000, m, d)  # 2000 is a leap year: 29 Feb is a valid day-month
    except (ValueError, TypeError):
        return False
    return y is None or YEAR_MIN <= y <= YEAR_MAX


@lru_cache(maxsize=65536)
def _ts(y: int, m: int, d: int) -> Optional[pd.Timestamp]:
    # cached: Timestamps are immutable, and corpora repeat their days
    try:
        return pd.Timestamp(_dt.date(y, m, d))
    except ValueError:
        return None


_RE_CAPTION_BREAK = re.compile(
    r"\n|\s--?\s|\((?:Xinhua|XINHUA)\)|\((?:Xinhua|XINHUA|AP|AFP|Reuters|Photo|PHOTO|CFP)[^()]{0,80}\)|\[(?:Photo|Xinhua)[^\]]*\]")


def _in_file_caption(s: str, start: int, end: int) -> bool:
    """Whether a mention sits in the same caption as a "file photo" marker."""
    lo, hi = max(0, start - 250), min(len(s), end + 250)
    chunk = s[lo:hi]
    if "ile" not in chunk and "ILE" not in chunk:  # cheap test before the regex
        return False
    for m in _RE_FILE.finditer(s, lo, hi):
        between = s[m.end():start] if m.end() <= start else s[end:m.start()] if m.start() >= end else ""
        if not _RE_CAPTION_BREAK.search(between):
            return True
    return False


def _sentence_before(s: str, start: int, reach: int = 300) -> str:
    lo = max(0, start - reach)
    chunk = s[lo:start]
    ends = list(_RE_SENT_END.finditer(chunk))
    return chunk[ends[-1].end():] if ends else chunk


def _searched(text: Any, title: Optional[str], head_chars: int = HEAD_CHARS) -> str:
    """The string :func:`dates_in_text` searches: the title, a newline and the head of the text."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return ((title or "") + "\n" + text[:head_chars]) if title else text[:head_chars]


def dates_in_text(text: str, title: Optional[str] = None, head_chars: int = HEAD_CHARS) -> list[DateMention]:
    """Find the date mentions near the start of a readout, with their roles.

    Searches ``title + "\\n" + text[:head_chars]`` with the finders of
    ``_MENTION_FINDERS``, in this order: full dates, day-month phrases,
    weekdays, "yesterday"/"today", and the "(Xinhua, dd/mm/yy)" stamp.  A
    finder skips a span an earlier one took (the longer form wins); each
    mention gets a role (see :class:`DateMention`) from its context.

    Parameters
    ----------
    text : str
        The readout's text.
    title : str, optional
        The headline, searched first.
    head_chars : int
        How much of the text to search.

    Returns
    -------
    list of DateMention
        Sorted by position; overlapping mentions are resolved in favour of
        full dates, then day-month phrases, then weekdays.
    """
    return _mentions_in(_searched(text, title, head_chars))


def _mentions_in(s: str, language: Optional[str] = None) -> list[DateMention]:
    """The mentions of all the finders in ``s``, sorted by position; on a page in another language than
    English, the finders of its month names (:func:`diplo_analysis.language_dates.finders_for`) first."""
    scan = _Scan(s)
    finders = _MENTION_FINDERS
    if language is not None and language != "en":
        from .language_dates import finders_for

        finders = finders_for(language) + finders
    found = [m for finder in finders for m in finder(scan)]
    found.sort(key=lambda x: (x.start, x.end))
    return found


_MONTH_TOKENS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
                 "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_FOREIGN_MONTH_TOKENS = ("Oktober", "Agustus", "Desember", "Mei ", "Maret", "Januari", "Februari", "Juni", "Juli")
_WEEKDAY_TOKENS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: "Monday, " or "Monday (" before a date: the weekday it names (rule ``weekday_parenthesis``: "on Monday (Nov. 28)").
_RE_WEEKDAY_BEFORE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:,?\s+|\s*\()$")
_FULL_DATE_PATTERNS = ((_RE_MDY, False), (_RE_DMY, False), (_RE_DMY_DASH, False), (_RE_MDY_DASHED, False),
                       (_RE_DMY_SHORT, False),
                       (_RE_ISO, True))
"""Full-date expressions in the order they claim text; True: numeric month (ISO)."""
_BEFORE_CHARS = 60  # the context read before a mention for its role and weekday


class _Scan:
    """The string searched for dates, its cheap anchors, and the spans mentions already took.

    Cheap anchors (``str.find`` runs in C) give small windows, so that the
    regular expressions only look where a month name or an ISO year occurs.
    """

    __slots__ = ("s", "taken", "month_win", "iso_win", "_weekday_points")

    def __init__(self, s: str) -> None:
        self.s = s
        self.taken: list[tuple[int, int]] = []
        self.month_win = _windows(_find_all(s, _MONTH_TOKENS), 14, 30)
        self.iso_win = _windows([i for i in _find_all(s, ("19", "20")) if s[i + 4:i + 5] in ("-", "/")], 1, 12)
        self._weekday_points: Optional[list[int]] = None

    def weekday_points(self) -> list[int]:
        """Where a weekday's name starts (``str.find``, once for the finders that need it)."""
        if self._weekday_points is None:
            self._weekday_points = _find_all(self.s, _WEEKDAY_TOKENS)
        return self._weekday_points

    def free(self, a: int, b: int) -> bool:
        """Whether no earlier mention took any of s[a:b]."""
        return all(b <= x or a >= y for x, y in self.taken)

    def take(self, a: int, b: int, before: str) -> Optional[int]:
        """Take s[a:b] and a weekday written right before it ("Monday, "); return that weekday."""
        self.taken.append((a, b))
        wd = _RE_WEEKDAY_BEFORE.search(before)
        if wd is None:
            return None
        self.taken.append((a - len(wd.group(0)), a))
        return _WEEKDAYS[wd.group(1).lower()]


def _find_full_dates(scan: _Scan) -> list[DateMention]:
    """Day, month and year: "May 29, 2014", "25 February 2022", "27-Mar-2020", "2021-09-10"."""
    s, out = scan.s, []
    for rx, iso in _FULL_DATE_PATTERNS:
        for m in _finditer_windows(rx, s, scan.iso_win if iso else scan.month_win):
            a, b = m.span()
            if not scan.free(a, b):
                continue
            y, d = int(m["year"]), int(m["day"])
            y += 2000 if y < 100 else 0  # rule short_year: "(2 Dec. 20)"
            mo = int(m["mon"]) if iso else _mon(m["mon"])
            if not (1 <= mo <= 12) or not _valid(y, mo, d):
                continue
            before = s[max(0, a - _BEFORE_CHARS):a]
            weekday = scan.take(a, b, before)
            out.append(DateMention(a, b, "full", _role_full(s, a, b, before, iso), y, mo, d, weekday))
    return out


def _find_day_months(scan: _Scan) -> list[DateMention]:
    """Day and month without a year: "July 8", "Dec. 1", "August 30th", "16 April"."""
    s, out = scan.s, []
    for rx in (_RE_MD, _RE_DM):
        for m in _finditer_windows(rx, s, scan.month_win):
            a, b = m.span()
            if not scan.free(a, b):
                continue
            mo, d = _mon(m["mon"]), int(m["day"])
            if not _valid(None, mo, d):
                continue
            before = s[max(0, a - _BEFORE_CHARS):a]
            weekday = scan.take(a, b, before)
            out.append(DateMention(a, b, "day_month", _role_day_month(s, a, b, before), None, mo, d, weekday))
    return out


def _find_weekdays(scan: _Scan) -> list[DateMention]:
    """Weekdays not already part of a date: "met on Friday"."""
    s, out = scan.s, []
    for m in _finditer_windows(_RE_WEEKDAY, s, _windows(scan.weekday_points(), 1, 12)):
        a, b = m.span()
        if not scan.free(a, b):
            continue
        scan.taken.append((a, b))
        out.append(DateMention(a, b, "weekday", _role_weekday(s, a, b), weekday=_WEEKDAYS[m["wd"].lower()],
                               call_verb=_has_call_verb(s, a, b)))
    return out


#: An editor's date in brackets right after a relative day ("spoke ... last night [18 May 2025]", rule
#: ``bracketed_day``): the day is the bracket's, read as a full date, not counted back from the page's date. Only a
#: date with its year ("today (August 27)" stays a "today").
_BRACKETED_DAY = re.compile(r"\s?[\[(](?:\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2}),? \d{4}[\])]")
#: A call's verb in the past shortly before "last night" ("Obama called President Y last night", rule ``last_night``).
_RE_CALLED_BEFORE = re.compile(r"\b(?:called|phoned|telephoned|rang)\b")


def _find_relative_days(scan: _Scan) -> list[DateMention]:
    """ "yesterday", and "today" beside a verb of a call ("the world today" is not a day); "this
    evening", "this morning", "this afternoon" and "tonight" beside one are a "today" (rule
    ``part_of_today``: "President Macron spoke this evening by phone with ..."), "last night" beside one a
    "yesterday" (rule ``last_night``: "X called President Y last night"); not one an editor's bracketed date
    follows (rule ``bracketed_day``: "last night [18 May 2025]")."""
    s, out = scan.s, []
    if not ("esterday" in s or "today" in s or "this " in s or "tonight" in s or "last night" in s):
        return out
    for m in _RE_YESTERDAY.finditer(s):
        if s[m.end():m.end() + 2].lstrip()[:1] in ("[", "(") and _BRACKETED_DAY.match(s, m.end()):
            continue  # rule bracketed_day: "last night [18 May 2025]": the editor's date says which day
        verb = _has_call_verb(s, m.start(), m.end())
        word = m.group(0)
        if word == "last night" and not verb:
            verb = _RE_CALLED_BEFORE.search(s, max(0, m.start() - 80), m.start()) is not None
        kind = "yesterday" if word in ("yesterday", "Yesterday", "last night") else "today"
        if not verb and word not in ("yesterday", "Yesterday"):
            continue  # "last night" too only beside a verb of a call ("called X last night")
        out.append(DateMention(m.start(), m.end(), kind, "event", call_verb=verb))
    return out


def _numeric_day_month(m: re.Match) -> Optional[tuple[int, int]]:
    """(day, month) of a :data:`_RE_NUMERIC` match, or None where the order cannot be told."""
    a, b = int(m["a"]), int(m["b"])
    if m["sep"] == "." or a > 12:
        return a, b
    if b > 12:
        return b, a
    return None


#: Rule ``weekday_numeric_date``: a numeric date right after its weekday, the year of two or four digits ("on Tuesday
#: (1/8/17)", "Friday, 5.3.2021"): the weekday tells the order of day and month where both could be either.
_RE_WEEKDAY_NUMERIC = re.compile(
    r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \t]*\(?(?P<a>[0-3]?\d)(?P<sep>[./-])"
    r"(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d{2}|\d{2})(?![\d/-]|\.\d)")


def _weekday_reading(weekday: int, a: int, b: int, year: int) -> Optional[tuple[int, int, int]]:
    """(year, month, day) of the numeric date a/b/year whose one reading (day first or month first) falls on
    ``weekday``; None where neither or both (different days) do."""
    year += 2000 if year < 100 else 0
    days = {(year, mo, d) for d, mo in ((a, b), (b, a))
            if 1 <= mo <= 12 and _valid(year, mo, d) and _dt.date(year, mo, d).weekday() == weekday}
    return days.pop() if len(days) == 1 else None


def _find_weekday_numeric_dates(scan: _Scan) -> list[DateMention]:
    """Numeric dates written right after their weekday (:data:`_RE_WEEKDAY_NUMERIC`): read in the order the
    weekday allows; the event, or the page's stamp where the date fills its line. Looked for only where a digit
    follows a weekday closely (``str.find`` of the weekdays first)."""
    s, out = scan.s, []
    points = [i for i in scan.weekday_points() if any(ch.isdigit() for ch in s[i + 6:i + 14])]
    for m in _finditer_windows(_RE_WEEKDAY_NUMERIC, s, _windows(points, 0, 30)):
        a, b = m.start("a"), m.end("y")
        wd = _WEEKDAYS[m["wd"].lower()]
        day = _weekday_reading(wd, int(m["a"]), int(m["b"]), int(m["y"]))
        if day is None or not scan.free(m.start(), b):
            continue
        scan.taken.append((m.start(), b))
        line_start = s[max(0, m.start() - _BEFORE_CHARS):m.start()]
        role = "ignored" if _in_file_caption(s, a, b) else \
            "header" if _alone_on_its_line(s, m.start(), b, line_start) else "event"
        out.append(DateMention(a, b, "full", role, day[0], day[1], day[2], wd, source="weekday_numeric_date"))
    return out


def _find_numeric_dates(scan: _Scan) -> list[DateMention]:
    """Numeric dates with the year last ("30.12.2016", "11/30/2012"): page stamps (``header``),
    or the event after "on"."""
    s, out = scan.s, []
    points = [i for i in _find_all(s, ("/19", "/20", ".19", ".20", "-19", "-20")) if s[i + 1:i + 5].isdigit()]
    for m in _finditer_windows(_RE_NUMERIC, s, _windows(points, 6, 5)):
        a, b = m.span()
        dm = _numeric_day_month(m)
        if dm is None or not scan.free(a, b) or not (1 <= dm[1] <= 12) or not _valid(int(m["year"]), dm[1], dm[0]):
            continue
        before = s[max(0, a - _BEFORE_CHARS):a]
        weekday = scan.take(a, b, before)
        role = "ignored" if _RE_RANGE_AFTER.match(s, b) or _RE_RANGE_BEFORE.search(before) \
            else _role_full(s, a, b, before, True)  # "In office: 14/08/2017 - 13/04/2021"
        out.append(DateMention(a, b, "full", role, int(m["year"]), dm[1], dm[0], weekday))
    return out


#: Days from the call to a page stamp that publishes it: the day itself or the next.
STAMP_LAG_DAYS = (0, 1)


def _ambiguous_stamps(s: str) -> list[tuple[str, tuple[pd.Timestamp, pd.Timestamp]]]:
    """The page stamps of ``s`` written with numbers whose order cannot be told ("05-10-2021", "03/04/2022":
    both numbers 12 or less, with slashes or hyphens): each with its two readings, day first and month first.

    :func:`dates_in_text` leaves them out (:func:`_numeric_day_month`); only a stamp alone on its line or
    in a page's header (as :func:`_role_full` says) is returned, in the order of ``s``. Read by rule
    ``text_weekday`` when a weekday stands for the call and the page has no other date
    (:func:`_weekday_on_an_ambiguous_stamp`).
    """
    out = []
    for m in _RE_NUMERIC.finditer(s):
        a, b, y = int(m["a"]), int(m["b"]), int(m["year"])
        if m["sep"] == "." or a > 12 or b > 12 or a == b or not (_valid(y, b, a) and _valid(y, a, b)):
            continue
        before = s[max(0, m.start() - _BEFORE_CHARS):m.start()]
        if _role_full(s, m.start(), m.end(), before, True) == "header":
            out.append((m.group(0), (pd.Timestamp(_dt.date(y, b, a)), pd.Timestamp(_dt.date(y, a, b)))))
    return out


def _find_xinhua_stamps(scan: _Scan) -> list[DateMention]:
    """ "(Xinhua, 15/09/18)": the story's date, day first, a page date (``header``)."""
    s, out = scan.s, []
    for m in (_RE_XINHUA_SHORT.finditer(s) if "inhua," in s or "INHUA," in s else ()):
        y, mo, d = 2000 + int(m["yy"]), int(m["mon"]), int(m["day"])
        if 1 <= mo <= 12 and _valid(y, mo, d):
            out.append(DateMention(m.start(), m.end(), "full", "header", y, mo, d))
    return out


#: A date written with the characters of Chinese, Japanese and Korean: "2017年10月30日", a Japanese era's year
#: ("平成29年10月23日": Heisei 29 = 2017; "令和元年" = 2019), "2017년 10월 30일".
_RE_CJK = (
    re.compile(r"(?:(?P<era>平成|令和)(?P<ey>元|\d{1,2})|(?P<year>(?:19|20)\d{2}))\s*年\s*(?P<mon>\d{1,2})\s*月\s*"
               r"(?P<day>\d{1,2})\s*日"),
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*년\s*(?P<mon>\d{1,2})\s*월\s*(?P<day>\d{1,2})\s*일"),
)
#: The first (Gregorian) year of the Japanese eras that official pages of the period use.
JAPANESE_ERAS = {"平成": 1989, "令和": 2019}


def japanese_era_year(era: str, year: str) -> int:
    """The Gregorian year of year ``year`` (digits, or "元", the first) of the Japanese era ``era``."""
    return JAPANESE_ERAS[era] + (0 if year == "元" else int(year) - 1)


def _find_cjk_dates(scan: _Scan) -> list[DateMention]:
    """Full dates in Chinese, Japanese or Korean characters (:data:`_RE_CJK`): a page's stamp (``header``) when
    alone on its line or not after "on", as numeric dates are."""
    s, out = scan.s, []
    for rx, mark in zip(_RE_CJK, ("年", "년")):
        for m in (rx.finditer(s) if mark in s else ()):
            a, b = m.span()
            era = m.groupdict().get("era")
            y = japanese_era_year(era, m["ey"]) if era else int(m["year"])
            mo, d = int(m["mon"]), int(m["day"])
            if not scan.free(a, b) or not (1 <= mo <= 12) or not _valid(y, mo, d):
                continue
            before = s[max(0, a - _BEFORE_CHARS):a]
            scan.take(a, b, before)
            out.append(DateMention(a, b, "full", _role_full(s, a, b, before, True), y, mo, d))
    return out


def _find_stamp_dates(scan: _Scan) -> list[DateMention]:
    """Rules ``dotted_day`` ("04. December 2024.") and ``foreign_month_name`` ("Date 17 Oktober 2023" on an
    Indonesian site in English): a full date in the spelling of the site's country, read only as a page stamp
    (alone on its line, or after a "Date" label), never in the prose of an English or undetected page."""
    s, out = scan.s, []
    foreign = _find_all(s, _FOREIGN_MONTH_TOKENS)
    dotted = [i for i in _find_all(s, (". ",)) if s[i - 1:i].isdigit()] if ". " in s else []
    for rx, points in ((_RE_DMY_FOREIGN, foreign), (_RE_DMY_DOTTED, dotted)):
        for m in _finditer_windows(rx, s, _windows(points, 6, 24)) if points else ():
            a, b = m.span()
            before = s[max(0, a - _BEFORE_CHARS):a]
            if not scan.free(a, b) or not _RE_STAMP_BEFORE.search(before) or not _RE_STAMP_AFTER.match(s, b):
                continue
            y, d, mo = int(m["year"]), int(m["day"]), _mon(m["mon"])
            if not _valid(y, mo, d):
                continue
            weekday = scan.take(a, b, before)
            out.append(DateMention(a, b, "full", "header", y, mo, d, weekday))
    return out


def _find_spaced_numeric_dates(scan: _Scan) -> list[DateMention]:
    """Rule ``spaced_dotted_date``: "24. 4. 2020", day first, a space after each dot (read as
    :func:`_find_numeric_dates` reads "24.4.2020")."""
    s, out = scan.s, []
    points = [i for i in _find_all(s, (". 19", ". 20")) if s[i + 2:i + 6].isdigit()]
    for m in _finditer_windows(_RE_NUMERIC_SPACED, s, _windows(points, 7, 6)):
        a, b = m.span()
        d, mo, y = int(m["a"]), int(m["b"]), int(m["year"])
        if not scan.free(a, b) or not (1 <= mo <= 12) or not _valid(y, mo, d):
            continue
        before = s[max(0, a - _BEFORE_CHARS):a]
        weekday = scan.take(a, b, before)
        out.append(DateMention(a, b, "full", _role_full(s, a, b, before, True), y, mo, d, weekday))
    return out


_MENTION_FINDERS = (_find_full_dates, _find_stamp_dates, _find_day_months, _find_weekday_numeric_dates,
                    _find_weekdays, _find_relative_days, _find_xinhua_stamps, _find_numeric_dates, _find_spaced_numeric_dates,
                    _find_cjk_dates)
"""The finders of :func:`dates_in_text`, in the order they claim text."""


def _find_all(s: str, tokens: Iterable[str]) -> list[int]:
    out = []
    for tok in tokens:
        i = s.find(tok)
        while i != -1:
            out.append(i)
            i = s.find(tok, i + 1)
    return out


def _windows(points: list[int], before: int, after: int) -> list[tuple[int, int]]:
    """Merged [p - before, p + after) windows around anchor positions."""
    out: list[list[int]] = []
    for p in sorted(points):
        lo, hi = max(0, p - before), p + after
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(a, b) for a, b in out]


def _finditer_windows(rx: re.Pattern, s: str, windows: list[tuple[int, int]]):
    """``rx.finditer`` restricted to windows (lookarounds still see the whole string)."""
    for lo, hi in windows:
        yield from rx.finditer(s, lo, min(hi, len(s)))


def _has_call_verb(s: str, a: int, b: int) -> bool:
    """Whether the sentence around s[a:b] names a call or meeting."""
    lo = max(0, a - 160)
    left = s[lo:a]
    ends = list(_RE_SENT_END.finditer(left))
    if ends:
        left = left[ends[-1].end():]
    right = s[b:b + 160]
    cut = _RE_SENT_END.search(right)
    if cut:
        right = right[:cut.start()]
    return bool(_RE_CALL_VERB.search(left + " " + right))


def _photo_within(s: str, b: int, reach: int) -> bool:
    """True when a photo credit closes the sentence that continues at ``b``."""
    chunk = s[b:b + reach]
    cut = re.search(r"[.!?]\s", chunk)
    tail = chunk[cut.end() if cut else len(chunk):] if cut else ""
    return bool(re.match(r"\s*(?:Photo:|\((?:Xinhua|Photo|PHOTO|AP|AFP|Reuters)|\[(?:Photo|Xinhua))", tail))


def _role_day_month(s: str, a: int, b: int, before: str) -> str:
    """The role of a day-month phrase: a dateline ("BEIJING, July 8 (Xinhua) --"), an event after
    "on"/"of" ("on the evening of 16 April") unless said of something to come ("to be held in Geneva
    on May 3"), else ignored ("from Dec 3 to Dec 7", a file photo)."""
    if _in_file_caption(s, a, b):
        return "ignored"
    if _RE_COMMA_BEFORE.search(before) and _RE_DATELINE_AFTER.match(s, b):
        return "dateline"
    if _RE_ON_BEFORE.search(before):
        return "ignored" if _RE_TO_COME_BEFORE.search(before) else "event"
    return "ignored"


#: A weekday that is part of a name, not a day (rule ``weekday_in_a_name``): "the Belfast/Good Friday
#: Agreement", "Holy Thursday", "Black Friday".
_RE_NAMED_DAY_BEFORE = re.compile(r"\b(?:Good|Holy|Maundy|Ash|Palm|Easter|Black|Cyber|Bloody|Super)[ \t]$")


def _role_weekday(s: str, a: int, b: int) -> str:
    """The role of a weekday: an event, unless part of a name ("Good Friday Agreement"), in a file
    photo's caption or in a caption without a meeting verb ("Aerial photo taken on Friday ... (Xinhua/...)")."""
    if _in_file_caption(s, a, b) or _RE_NAMED_DAY_BEFORE.search(s, max(0, a - 12), a):
        return "ignored"
    if _photo_within(s, b, 100) and not _RE_MEET_VERB.search(_sentence_before(s, a)):
        return "ignored"
    return "event"


#: A line holding a date alone (a weekday before it at most): the page's stamp, "Monday, 25 May 2020".
_RE_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+)?$")
#: A dateline alone on its line, a place before the date: "New York, 19 February 2013", "Munich, Germany, 1 February
#: 2014" (rule ``stamp_line``: the page's stamp, so "yesterday" in the text counts back from it).
_RE_PLACE_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,2},[ \t]+){1,2}$")
_RE_LINE_END = re.compile(r"[ \t]*(?:\|[^\n|]{0,40})?(?:\n|$)")  # "Wed, 25 July 2012 | Speeches"


def _alone_on_its_line(s: str, a: int, b: int, before: str) -> bool:
    """Whether the date s[a:b] fills its line, a weekday before it at most (rule ``stamp_line``)."""
    if not _RE_LINE_END.match(s, b):
        return False
    return bool(_RE_LINE_START.search(before)) or (before[-2:-1] == "," and bool(_RE_PLACE_LINE_START.search(before)))


#: A date that a photo's caption closes: "... speaks by phone with Y on Feb. 12, 2021, in this photo released by his
#: office" (rule ``in_this_photo``: the day of the picture, often of an earlier conversation, not the page's).
_RE_THIS_PHOTO = re.compile(r",?\s*in this (?:file )?photo\b")


def _list_item_stamp(s: str, a: int, b: int) -> bool:
    """Rule ``list_item_stamp``: a date and clock glued to the line's words before it, with no space ("Welsh
    Secretary27/10/2022 14:27:00"): the stamp of another story in a list of latest or related news copied with
    the page, neither the page's stamp nor the call's day."""
    if a == 0:
        return False
    ch = s[a - 1]
    return (ch.isalpha() or ch in _GLUED_STAMP_BEFORE) and _RE_CLOCK_AFTER.match(s, b) is not None


def _role_full(s: str, a: int, b: int, before: str, iso: bool) -> str:
    if _in_file_caption(s, a, b) or _RE_THIS_PHOTO.match(s, b) or _list_item_stamp(s, a, b):
        return "ignored"
    if s[b:b + 1] == "]" and _RE_BRACKET_OPEN_BEFORE.search(before):
        return "header"
    if _alone_on_its_line(s, a, b, before):
        return "header"
    if _RE_HEADER_BEFORE.search(before) or _RE_CLOCK_BEFORE.search(before) or _RE_CLOCK_AFTER.match(s, b):
        return "header"
    if re.search(r"Added\s+On\s*$", before):
        return "header"
    if iso and not re.search(r"\b[Oo]n\s+$", before):
        return "header"
    if _RE_COMMA_BEFORE.search(before) and _RE_DATELINE_AFTER.match(s, b):
        return "event"
    if "(" in s[b:b + 40] and _RE_LINE_OPEN_BEFORE.search(before) and _RE_AGENCY_PLACE_AFTER.match(s, b):
        return "header"  # rule agency_dateline_stamp: "Tuesday, May 27, 2014 Kabul (BNA) President ..."
    if _RE_EVENT_BEFORE.search(before):
        if _RE_TO_COME_FULL.search(s, max(0, a - 120), a):
            return "ignored"  # a day to come ("will meet ... on Wednesday, 11 May 2022")
        if _RE_PHOTO_AFTER.match(s, b):  # a photo caption: only a meeting shown counts
            sent = _sentence_before(s, a)
            if _RE_TAKEN.search(sent) or not _RE_MEET_VERB.search(sent):
                return "ignored"
            return "caption"
        tail = s[b:b + 200]
        far = _RE_FAR_PHOTO.search(tail)
        if far and not _RE_DATELINE_ANY.search(tail, 0, far.start()):
            return "caption_far"
        return "event"
    if _RE_SPAN_BEFORE.search(before):
        return "ignored"  # rule span_bound: "a visit ... beginning April 19, 2020": a bound of a span, not a stamp
    if _RE_ATTRIBUTIVE_BEFORE.search(before):
        return "ignored"  # rule attributive_date: "the November 9, 2020 statement" names a thing, it is no stamp
    if _RE_HISTORY_DAY_BEFORE.search(before) or _RE_HISTORY_DAY_AFTER.match(s, b):
        return "ignored"  # rule day_of_history: "commemorated June 12, 1999, as the day ..." names a day of history
    return "header"


#: A full date that names a thing ("the November 9, 2020 and January 11, 2021 statements", "the 9 November 2020
#: agreement"): after "the" (or after "the <date> and"), neither the page's stamp nor the call's day (rule
#: ``attributive_date``; a stamp never follows "the"). Not after "on the" or a weekday ("on Sunday the 9th of April
#: 2017"): that is the day of an event.
_RE_ATTRIBUTIVE_BEFORE = re.compile(r"(?<!day )(?<!\bon )\b[Tt]he\s+(?:[^.;:\n]{4,24}?\d{4}\s+and\s+)?$")

#: A full date the prose names as a day of history ("President X commemorated June 12, 1999, as the day that brought
#: freedom", "recalled 25 June 1991"): after a verb of remembrance or before "as the day" (or date, anniversary), neither
#: the page's stamp nor the call's day (rule ``day_of_history``; a stamp stands alone, after no verb).
_RE_HISTORY_DAY_BEFORE = re.compile(r"\b(?:commemorat|celebrat|remember|recall|honou?r)\w*\s+$", re.I)
_RE_HISTORY_DAY_AFTER = re.compile(r",?\s+as\s+(?:the|a|an)\s+(?:\w+\s+)?(?:day|date|anniversary)\b")

#: A full date that bounds a span ("for five days beginning April 19, 2020", "postponed until 3 May 2021"):
#: neither the page's stamp nor the call's day (rule ``span_bound``).
_RE_SPAN_BEFORE = re.compile(r"\b(?:beginning|starting|commencing|since|until|till)\s+$")


# ----------------------------------------------------------------------------- URLs

_URL_PATTERNS = [
    # /2021-09/10/  /2021-09-10/  /2021/09/10/  /2021/9/10/  /2021-9-10
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/](?P<m>[01]?\d)[-/](?P<d>[0-3]?\d)(?=[/_.\-]|$)"),
    # t20210910_  content_20210910  /20210910/  utm_content=20191201  /20240506-call-with-x/
    re.compile(r"(?:\bt|content_|/|=)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?=[_/.&-]|$)"),
    # /2021/0910/ (people.cn)  /2014/11-14/ (ecns)
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]\d)-?(?P<d>[0-3]\d)/"),
    # /2002/12/04philippines_e.html (a day that opens the page's name)
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]\d)/(?P<d>[0-3]\d)(?=[a-z])"),
    # /a/201904/26/ (chinadaily family)
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)/(?P<d>[0-3]\d)/"),
    # shine.cn /news/nation/2204084158/ : yymmdd + a 4-digit serial
    re.compile(r"shine\.cn/.*/(?P<yy>[12]\d)(?P<m>[01]\d)(?P<d>[0-3]\d)\d{4}/?$"),
    # /yjj2024081300816/ : an article id of a few letters, the day and a serial (nippon.com's Jiji items);
    # /view/AEN20210512009700325 : the same in capitals, closing the address (Yonhap's articles)
    re.compile(r"/[a-z]{1,4}(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)\d{2,8}/"),
    re.compile(r"/[A-Z]{1,4}(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)\d{2,9}(?=[/?#]|$)"),
    # ?articleId=A202504080613 : the same id as a query's value (Korean news sites)
    re.compile(r"=[A-Z]{1,4}(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)\d{2,9}(?=[&#]|$)"),
    # ?ud=20210311000783 : a query's article id of the day and a serial (rule ``url_query_day_id``)
    re.compile(r"[?&][a-z]{1,4}=(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)\d{4,9}(?=[&#]|$)"),
    # ...-meet-in-minsk-20221219-0014.html : a slug's word of eight digits between hyphens or underscores
    # (the day, then a serial or the page's suffix; rule ``url_slug_day``)
    re.compile(r"(?<=[a-z][-_])(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?=[-_.](?:\d|s?html?\b|php\b|aspx?\b)|/?$)"),
    # ...+27102022091000?open : a word of fourteen digits, the day, month and year then a clock (hhmmss): a relay's
    # article id stamped when it copied the story (rule ``url_day_clock_id``)
    re.compile(r"(?<!\d)(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>(?:19|20)\d{2})(?:[01]\d|2[0-3])[0-5]\d[0-5]\d(?!\d)"),
]
#: Dates written with words in a url's slug: ``...-putin-9-august-2016``, ``/28th-oct-2023-...``,
#: ``..._february-19-2021``, ``...-24th-July-2012`` (rule ``url_words``).
_URL_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_URL_WORD_PATTERNS = (
    re.compile(rf"(?i)(?<![^/_\-])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?[-_]{_URL_MON}[-_](?P<y>(?:19|20)\d{{2}})(?![^/_.\-?#&])"),
    re.compile(rf"(?i)(?<![^/_\-]){_URL_MON}[-_](?P<d>[0-3]?\d)(?:st|nd|rd|th)?[-_](?P<y>(?:19|20)\d{{2}})(?![^/_.\-?#&])"),
    # /2023/apr/16/ : a year, a month's name and a day as folders (newspapers' archives)
    re.compile(rf"(?i)/(?P<y>(?:19|20)\d{{2}})/{_URL_MON}/(?P<d>[0-3]?\d)/"),
    # /2008/27_aug_3.html : a year's folder, then a page named by its day and month and a serial
    re.compile(rf"(?i)/(?P<y>(?:19|20)\d{{2}})/(?P<d>[0-3]?\d)_{_URL_MON}_\d{{1,3}}\.s?html?\b"),
)
#: A Hijri (Umm al-Qura) date as a path, ``/1443/08/13/`` (Gulf ministries' sites): rule ``url_hijri``.
_URL_HIJRI = re.compile(r"/(?P<y>14[0-9]\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/")
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d{2})[-/]?(?P<m>[01]\d)/")
_URL_YEAR = re.compile(r"/(?P<y>(?:19|20)\d{2})/")
_MFA_ID = re.compile(r"/t(?P<id>\d{6,8})\.s?html?(?:$|[?#])")


def url_date(url: Optional[str]) -> Optional[PageDate]:
    """The date written in a page's address, if any.

    Recognises ``/2021-09/10/``, ``/2021-09-10``, ``/2021/09/10/``,
    ``/20210910/``, ``t20210910_``, ``content_20210910``, ``/2021/0910/``,
    ``/2014/11-14/``, ``/a/202109/10/``, shine.cn's ``/2204084158/``, an article id of a few letters, the
    day and a serial (``/yjj2024081300816/``, ``/AEN20210512009700325``, or a query's value
    ``?articleId=A202504080613``), a query's value of the day and a serial (``?ud=20180904000901``), a slug's
    word of eight digits after a word (``-minsk-20221219-0014.html``, ``_meeting_20200526.html``); then a
    date written with words in the slug (``-9-august-2016``, ``/28th-oct-2023-``,
    ``-february-19-2021``, a month's name as a folder ``/2023/apr/16/``, a page named by its day ``/2008/27_aug_3.html``);
    then a Hijri date as a path (``/1443/08/13/``, the
    Umm al-Qura calendar, converted by ``hijridate``: ``source="url_hijri"``);
    then a month (``/202109/``, ``/2021-09/``, ``/2021/09/``) or a year (``/2016/``).

    Parameters
    ----------
    url : str or None

    Returns
    -------
    PageDate or None
        ``source="url"`` (``"url_hijri"`` for a Hijri date), the most precise date found.
    """
    if not url or not isinstance(url, str):
        return None
    for rx in _URL_PATTERNS:
        for m in rx.finditer(url):
            y = int(m["y"]) if "y" in m.groupdict() and m["y"] else 2000 + int(m["yy"])
            mo, d = int(m["m"]), int(m["d"])
            if _valid(y, mo, d) and 1 <= mo <= 12:
                return PageDate(pd.Timestamp(_dt.date(y, mo, d)), "day", "url")
    for rx in _URL_WORD_PATTERNS:
        for m in rx.finditer(url):
            y, mo, d = int(m["y"]), _mon(m["mon"]), int(m["d"])
            if _valid(y, mo, d):
                return PageDate(pd.Timestamp(_dt.date(y, mo, d)), "day", "url")
    hijri = _hijri_date(url) if "/14" in url else None
    if hijri is not None:
        return hijri
    for m in _URL_MONTH.finditer(url):
        y, mo = int(m["y"]), int(m["m"])
        if YEAR_MIN <= y <= YEAR_MAX and 1 <= mo <= 12:
            return PageDate(pd.Timestamp(_dt.date(y, mo, 1)), "month", "url")
    for m in _URL_YEAR.finditer(url):
        y = int(m["y"])
        if YEAR_MIN <= y <= YEAR_MAX:
            return PageDate(pd.Timestamp(_dt.date(y, 1, 1)), "year", "url")
    return None


def _hijri_date(url: str) -> Optional[PageDate]:
    """The Gregorian day of a Hijri date written as a path of the url (``/1443/08/13/`` -> 2022-03-16)."""
    from hijridate import Hijri

    for m in _URL_HIJRI.finditer(url):
        try:
            day = Hijri(int(m["y"]), int(m["m"]), int(m["d"])).to_gregorian()
        except (ValueError, OverflowError):  # no such day, or outside the calendar's range
            continue
        if YEAR_MIN <= day.year <= YEAR_MAX:
            return PageDate(pd.Timestamp(_dt.date(day.year, day.month, day.day)), "day", "url_hijri")
    return None


@lru_cache(maxsize=1)
def _mfa_anchors() -> tuple[tuple[int, ...], tuple[float, ...]]:
    path = resources.files("diplo_analysis") / "data" / "dates_mfa_ids.csv"
    ids, days = [], []
    with path.open("r", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            ids.append(int(row["id"]))
            days.append(float(pd.Timestamp(row["date"]).toordinal()))
    order = sorted(range(len(ids)), key=ids.__getitem__)
    return tuple(ids[i] for i in order), tuple(days[i] for i in order)


def mfa_id_date(url: Optional[str]) -> Optional[pd.Timestamp]:
    """Estimate when a Chinese foreign-ministry page was posted from its id.

    Pages of the ministry and of its embassies and consulates end in
    ``/t<id>.htm`` with ids that grow with time across all these sites.
    The estimate interpolates linearly between dated pages
    (``data/dates_mfa_ids.csv``: id and the day the page's text states);
    ids outside the calibrated range give None.

    Parameters
    ----------
    url : str or None

    Returns
    -------
    pandas.Timestamp or None
        The estimated day (good to a few months between distant anchors).
    """
    from .gazetteer import publisher_is

    if not url or not isinstance(url, str) or not publisher_is("chinese_mfa_ids", None, url):
        return None
    m = _MFA_ID.search(url)
    if not m:
        return None
    i = int(m["id"])
    ids, days = _mfa_anchors()
    if not ids or i < ids[0] or i > ids[-1]:
        return None
    import bisect
    k = bisect.bisect_left(ids, i)
    if ids[k] == i:
        return pd.Timestamp.fromordinal(int(days[k]))
    i0, i1, d0, d1 = ids[k - 1], ids[k], days[k - 1], days[k]
    return pd.Timestamp.fromordinal(int(round(d0 + (d1 - d0) * (i - i0) / (i1 - i0))))


# ----------------------------------------------------------------------------- tenures

TENURE_COLUMNS = ("pattern", "leader", "office", "start", "end", "note")
"""Columns of ``data/dates_tenure.csv``."""
TENURE_OFFICES_OUTSIDE_LEADERS = ("vice_premier", "state_councilor", "foreign_affairs_director")
"""Offices a tenure row may name besides those of ``data/leaders.csv`` (which has none of these)."""

_Tenure = tuple  # (compiled pattern, pattern, start, end): one term of one official


@lru_cache(maxsize=1)
def _tenures() -> tuple[_Tenure, ...]:
    """The shipped tenure table, validated, with the terms of the package's leaders table."""
    from . import gazetteer as gz

    path = resources.files("diplo_analysis") / "data" / "dates_tenure.csv"
    with path.open("r", encoding="utf-8") as fh:
        return tuple(_read_tenures(fh, "dates_tenure.csv", gz.package_leaders()))


def _leader_terms_table(leaders: pd.DataFrame) -> dict[tuple[str, str], list[tuple[pd.Timestamp, pd.Timestamp]]]:
    """(name, office) -> dated terms of the leaders table (open ends at the end of ``YEAR_MAX``)."""
    out: dict[tuple[str, str], list[tuple[pd.Timestamp, pd.Timestamp]]] = {}
    for name, office, start, end in zip(leaders["name"], leaders["office"], leaders["start"], leaders["end"]):
        if not pd.isna(start):
            out.setdefault((name, office), []).append(
                (start, pd.Timestamp(YEAR_MAX, 12, 31) if pd.isna(end) else end))
    return out


def _read_tenures(fh: Iterable[str], name: str, leaders: pd.DataFrame) -> list[_Tenure]:
    """The rows of a tenure table, validated, one tuple per term.

    A row names an official by ``pattern`` (a regular expression for the
    official *with* the office's title) and takes the terms from the leaders
    table when ``leader`` is given (the term of ``leader`` in ``office``:
    ``start`` and ``end`` stay empty), else from its own ``start``/``end``.

    Raises
    ------
    ValueError
        Naming the file and the line, when a column is missing, a pattern does
        not compile, an office is unknown, a leader has no dated term in that
        office in the leaders table, or the dates are missing, malformed,
        given twice or in the wrong order.
    """
    reader = csv.DictReader(fh)
    missing = [c for c in TENURE_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise ValueError(f"{name}: missing columns {missing} (expected {list(TENURE_COLUMNS)})")
    terms = _leader_terms_table(leaders)
    offices = set(leaders["office"]) | set(TENURE_OFFICES_OUTSIDE_LEADERS)
    rows: list[_Tenure] = []
    for row in reader:
        where = f"{name}, line {reader.line_num}"
        try:
            rx = re.compile(row["pattern"])
        except re.error as exc:
            raise ValueError(f"{where}: pattern {row['pattern']!r} does not compile: {exc}") from None
        if not row["pattern"] or row["office"] not in offices:
            raise ValueError(f"{where}: needs a pattern and an office among {sorted(offices)}, "
                             f"got {row['pattern']!r}, {row['office']!r}")
        spans = _tenure_row_terms(row, where, terms)
        rows.extend((rx, row["pattern"], start, end) for start, end in spans)
    return rows


def _tenure_row_terms(row: dict, where: str, terms: dict) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """The terms of one tenure row: the leaders table's, or the row's own dates."""
    if row["leader"]:
        if row["start"] or row["end"]:
            raise ValueError(f"{where}: {row['leader']!r} takes the dates of leaders.csv; leave start and end empty")
        if (row["leader"], row["office"]) not in terms:
            raise ValueError(f"{where}: leaders.csv has no dated term of {row['leader']!r} as {row['office']!r}")
        return terms[(row["leader"], row["office"])]
    try:
        start = pd.Timestamp(_dt.date.fromisoformat(row["start"]))
        end = pd.Timestamp(_dt.date.fromisoformat(row["end"])) if row["end"] else pd.Timestamp(YEAR_MAX, 12, 31)
    except ValueError:
        raise ValueError(f"{where}: start and end must be YYYY-MM-DD (end may be empty), "
                         f"got {row['start']!r}, {row['end']!r}") from None
    if end < start:
        raise ValueError(f"{where}: end {row['end']} is before start {row['start']}")
    return [(start, end)]


def tenure_windows(text: str, host: Optional[str] = None) -> Optional[list[tuple[pd.Timestamp, pd.Timestamp]]]:
    """The periods allowed by the tenures of the officials a text names.

    Each row of ``data/dates_tenure.csv`` is a regular expression for an
    official with an office ("Premier Li Keqiang", "Chancellor Merkel") and
    the periods the office was held: the terms of ``data/leaders.csv`` for
    the row's ``leader`` and ``office``, else the row's own ``start`` and
    ``end`` (an empty end: still in office, taken as the end of
    ``YEAR_MAX``).  The terms of one pattern are united; different
    officials are intersected.  ``host`` (e.g. "Li Qiang") is searched too.

    Parameters
    ----------
    text : str
    host : str, optional

    Returns
    -------
    list of (start, end) Timestamps, or None
        None when no official of the table is named; an empty list when the
        tenures do not overlap (the table or the text is then inconsistent
        and the tenure is not used).
    """
    return _tenure_matches(text, host)[1]


def _tenure_matches(text: str, host: Optional[str] = None) -> tuple[list[str], Optional[list[tuple[pd.Timestamp, pd.Timestamp]]]]:
    """:func:`tenure_windows`, with the words that named each official (first match per pattern)."""
    hay = (text or "") + ("\n" + host if host else "")
    by_pattern: dict[str, list[tuple[pd.Timestamp, pd.Timestamp]]] = {}
    names: list[str] = []
    for rx, key, start, end in _tenures():
        m = rx.search(hay)
        if m:
            if key not in by_pattern:
                names.append(m.group(0))
            by_pattern.setdefault(key, []).append((start, end))
    if not by_pattern:
        return names, None
    windows = [(pd.Timestamp(YEAR_MIN, 1, 1), pd.Timestamp(YEAR_MAX, 12, 31))]
    for spans in by_pattern.values():
        nxt = []
        for a, b in windows:
            for c, d in spans:
                lo, hi = max(a, c), min(b, d)
                if lo <= hi:
                    nxt.append((lo, hi))
        windows = nxt
    return names, sorted(windows)


# the office a title names right before a leader's name ("Japanese Prime Minister Shigeru Ishiba"); not
# a former, late, acting or elected-but-not-yet one
_OFFICE_BEFORE = re.compile(
    r"(?<![Vv]ice )(?<![Vv]ice-)(?<!-)\b(?P<office>President|Prime Minister|Premier|Chancellor|Foreign Minister"
    r"|Secretary of State)\s+(?:[A-Z][\w.'-]*\s+){0,1}$")
_NOT_IN_OFFICE = re.compile(r"\b(?:former|ex|late|acting|elect|then|outgoing|incoming)\b[\s-]*(?:\w+\s+){0,3}$", re.I)


def leader_windows(text: str) -> list[list[tuple[pd.Timestamp, pd.Timestamp]]]:
    """The terms of office of the known leaders a text names with their office's title.

    For each mention of a person of the leaders table (``data/leaders.csv``)
    right after the title of one of his offices ("President Joe Biden",
    "Japanese Prime Minister Shigeru Ishiba"; not "former", "late", "acting"
    or "-elect"), the periods he held that office. Used only to narrow the
    years a day and month leave open (:func:`resolve_date`).

    Returns
    -------
    list of lists of (start, end)
        One list per person-and-office named (open terms end at ``YEAR_MAX``).
    """
    terms = _leader_terms(text)
    return [terms[k] for k in sorted(terms)]


def _leader_terms(text: str) -> dict[tuple[str, str], list[tuple[pd.Timestamp, pd.Timestamp]]]:
    """:func:`leader_windows` keyed by (name, office) of the leader named."""
    from . import gazetteer as gz

    folded = gz.fold(text or "")
    alias_map = gz._leader_index()[0]
    out: dict = {}
    for a, _, alias in gz.find_leader_aliases(folded):
        before = folded[max(0, a - 60): a]
        m = _OFFICE_BEFORE.search(before)
        if m is None or _NOT_IN_OFFICE.search(before[: m.start()] + before[m.end():]):
            continue
        office = gz.office_of_title(m.group("office"))
        terms = [t for t in alias_map[alias] if t.office == office and t.start is not None]
        if terms:
            key = (terms[0].name, office)
            out[key] = [(t.start, t.end if t.end is not None else pd.Timestamp(YEAR_MAX, 12, 31)) for t in terms]
    return out


def candidate_years(month: int, day: int, windows: Optional[Iterable[tuple[pd.Timestamp, pd.Timestamp]]] = None,
                    weekday: Optional[int] = None, text_years: Iterable[int] = ()) -> list[int]:
    """The years a day and month can belong to, given the evidence.

    Parameters
    ----------
    month, day : int
    windows : list of (start, end), optional
        Tenure periods (:func:`tenure_windows`); the date must fall in one.
    weekday : int, optional
        0 = Monday; the date must fall on it.
    text_years : iterable of int
        Years written in the text.  When some candidate years are among them,
        only those are kept.

    Returns
    -------
    list of int
        Sorted candidate years between ``YEAR_MIN`` and ``YEAR_MAX``
        (all of them when nothing constrains: callers treat several as unknown).
    """
    years = []
    for y in range(YEAR_MIN, YEAR_MAX + 1):
        ts = _ts(y, month, day)
        if ts is None:
            continue
        if windows is not None and not any(a <= ts <= b for a, b in windows):
            continue
        if weekday is not None and ts.weekday() != weekday:
            continue
        years.append(y)
    ty = set(text_years)
    if ty and set(years) & ty:
        years = [y for y in years if y in ty]
    return years


# ----------------------------------------------------------------------------- fields

_RE_ISO_FIELD = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")


@lru_cache(maxsize=65536)
def _iso_field(s: str) -> Any:
    """The day of a stripped date field written ``YYYY-MM-DD...``: a Timestamp, None
    when out of range or impossible, False when not written so."""
    m = _RE_ISO_FIELD.match(s)
    if not m:
        return False
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return _ts(y, mo, d) if YEAR_MIN - 90 <= y <= YEAR_MAX + 10 else None


def _parse_field(value: Any, dayfirst: bool = False) -> Optional[pd.Timestamp]:
    """A date field as a day (local date as written; time and zone dropped)."""
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        ts = value
    elif isinstance(value, (_dt.datetime, _dt.date)):
        ts = pd.Timestamp(value)
    else:
        s = str(value).strip()
        if not s:
            return None
        iso = _iso_field(s)
        if iso is not False:
            return iso
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ts = pd.to_datetime(s, dayfirst=dayfirst)
        except (ValueError, TypeError, OverflowError):
            return None
    if ts is pd.NaT or pd.isna(ts):
        return None
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    if not (1900 <= ts.year <= YEAR_MAX + 10):
        return None
    return ts.normalize()


def _meta_year(meta: dict) -> Optional[int]:
    y = meta.get("year")
    if y is None or isinstance(y, bool):
        return None
    try:
        y = int(str(y).strip())
    except ValueError:
        return None
    return y if YEAR_MIN - 90 <= y <= YEAR_MAX else None


def _published(meta: dict) -> Optional[PageDate]:
    p = meta.get("published")
    if p is None:
        return None
    s = str(p).strip()
    m = re.fullmatch(r"((?:19|20)\d{2})-(\d{1,2})(?:-(\d{1,2}))?(?:[T\s].*)?", s)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if m.group(3):
            ts = _ts(y, mo, int(m.group(3)))
            return PageDate(ts, "day", "published") if ts is not None else None
        if 1 <= mo <= 12:
            return PageDate(pd.Timestamp(_dt.date(y, mo, 1)), "month", "published")
        return None
    ts = _parse_field(s)
    return PageDate(ts, "day", "published") if ts is not None else None


# ----------------------------------------------------------------------------- resolution

def _reference_page_date(refs: list[PageDate]) -> Optional[PageDate]:
    """The page date a day and month are read against: the earliest of the most precise kind."""
    for precision in ("day", "month", "year"):
        cands = [r for r in refs if r.precision == precision]
        if cands:
            return min(cands, key=lambda r: r.date)
    return None


def _year_from_page(month: int, day: int, ref: PageDate, weekday: Optional[int]) -> Optional[int]:
    """The latest year putting (month, day) on or before the page date (+1 day)."""
    if ref.precision == "year":
        return ref.date.year if _ts(ref.date.year, month, day) is not None else None
    limit = ref.last_day + pd.Timedelta(days=1)
    options = []
    for y in (limit.year, limit.year - 1):
        ts = _ts(y, month, day)
        if ts is not None and ts <= limit and (limit - ts).days <= 366:
            options.append((y, ts))
    if weekday is not None:
        good = [o for o in options if o[1].weekday() == weekday]
        options = good or options
    return options[0][0] if options else None


def _year_from_id(month: int, day: int, est: pd.Timestamp) -> Optional[int]:
    best = None
    for y in (est.year - 1, est.year, est.year + 1):
        ts = _ts(y, month, day)
        if ts is None:
            continue
        gap = abs((ts - est).days)
        if best is None or gap < best[0]:
            best = (gap, y)
    return best[1] if best and best[0] <= 200 else None


#: How the numbered summits of ``data/dates_summits.csv`` are named after their ordinal ("the 43rd ASEAN Summit",
#: "the 10th Asia-Europe Meeting (ASEM) Summit"): series -> expression.
SUMMIT_SERIES = {
    "ASEAN": r"ASEAN Summits?",
    "East Asia Summit": r"East Asia Summit|EAS\b",
    "ASEM": r"(?:Asia-Europe Meeting|ASEM)\b",
    "BRICS": r"BRICS Summit",
    "G20": r"G-?20 (?:Leaders['’]? )?Summit",
}
_RE_SUMMIT = re.compile(r"\b(?P<n>\d{1,2})(?:st|nd|rd|th)\s+(?:" + "|".join(
    f"(?P<s{i}>{rx})" for i, rx in enumerate(SUMMIT_SERIES.values())) + ")")


def _summit_row(row: dict, where: str) -> tuple:
    """((series, number), year) of one row of ``data/dates_summits.csv``, checked."""
    if row["series"] not in SUMMIT_SERIES:
        raise ValueError(f"{where}: series {row['series']!r} is not one of {list(SUMMIT_SERIES)}")
    try:
        number, year = int(row["number"]), int(row["year"])
    except ValueError:
        raise ValueError(f"{where}: number and year must be integers") from None
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValueError(f"{where}: year {year} out of range")
    return (row["series"], number), year


@lru_cache(maxsize=1)
def _summits() -> dict:
    """(series, number) -> year of ``data/dates_summits.csv``, each row checked (a ValueError names the line)."""
    from ._tables import read_checked_table

    path = resources.files("diplo_analysis") / "data" / "dates_summits.csv"
    rows = read_checked_table(path, ("series", "number", "year", "place"), "summit", _summit_row)
    out = dict(rows)
    if len(out) != len(rows):
        raise ValueError(f"{path}: a summit is listed twice")
    return out


def _summit_years(text: str) -> list[tuple[str, int]]:
    """Step ``year_summit``: the numbered summits a text names ("on the sidelines of the 10th Asia-Europe Meeting")
    and their years (``data/dates_summits.csv``), as (words, year) in the text's order."""
    if "th " not in text and "st " not in text and "nd " not in text and "rd " not in text:
        return []
    series = list(SUMMIT_SERIES)
    out = []
    for m in _RE_SUMMIT.finditer(text):
        name = next(series[i] for i in range(len(series)) if m[f"s{i}"])
        year = _summits().get((name, int(m["n"])))
        if year is not None:
            out.append((m.group(0), year))
    return out


def _text_years(text: str, future: bool = False) -> set[int]:
    """The years written in the first ``TENURE_CHARS`` of ``text`` (step ``year_tenure``), less those only said of
    the future (rule ``future_year``: "hoped Viet Nam will fulfil its role as ASEAN Chair 2020" names no year of
    the meeting); with ``future=True``, the years set aside so (for the evidence)."""
    head = text[:TENURE_CHARS]
    kept: set[int] = set()
    ahead: set[int] = set()
    for m in _RE_YEAR_WORD.finditer(head):
        y = int(m["year"])
        if YEAR_MIN <= y <= YEAR_MAX:
            (ahead if _said_of_future(head, m.start()) else kept).add(y)
    return ahead - kept if future else kept


#: Words that put the rest of their sentence in the future (rule ``future_year``).
_RE_FUTURE_CLAUSE = re.compile(r"\b(?:will|shall|upcoming|forthcoming|to be held)\b")


def _said_of_future(text: str, pos: int) -> bool:
    """Whether the words of the clause before ``pos`` say the future ("... will host ... in 2020"); the clause
    starts after the last full stop, line break, comma, "and" or "but" before ``pos``."""
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), text.rfind(",", 0, pos),
                text.rfind(" and ", 0, pos), text.rfind(" but ", 0, pos)) + 1
    clause = text[start:pos]
    if "will" not in clause and "shall" not in clause and "coming" not in clause and "to be held" not in clause:
        return False  # cheap prefilter: most sentences say none of these
    return _RE_FUTURE_CLAUSE.search(clause) is not None


class DateDecision(NamedTuple):
    """The day of a readout as :func:`explain_date` decided it.

    Attributes
    ----------
    date : pandas.Timestamp or NaT
        The day of the call or meeting (as :func:`resolve_date` returns it).
    inferred : bool
        ``date_inferred`` (as :func:`resolve_date` returns it).
    rule : str
        The name of the rule that decided (``date_field``, ``meta_date``,
        ``text_full_date``, ``text_day_month``, ``text_weekday``,
        ``text_relative_day``, ``page_date``, ``no_date``; see
        ``docs/dates.md``).  For ``text_day_month`` the step that gave the
        year follows after a colon (``text_day_month:year_page_date``), and
        ``+dateline_weekday`` when a weekday in the dateline's lead moved the
        day back.
    evidence : str
        The field or the words the rule read, e.g. ``date field
        '2021-09-10T12:00:00'`` or ``'July 8' (dateline); year 2020 from the
        url's date 2020-07-08``.
    """

    date: Any
    inferred: bool
    rule: str
    evidence: str


class _cached:
    """A cached property without the lock of ``functools.cached_property`` (Python 3.11 takes one on
    every first access; a context lives in one call of one thread)."""

    def __init__(self, fn: Callable) -> None:
        self.fn, self.name, self.__doc__ = fn, fn.__name__, fn.__doc__

    def __get__(self, obj: Any, cls: Any = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


class _DateContext:
    """What the date rules read, built once per readout.

    Each part (the metadata, the text's date mentions, the page's own dates,
    the mention that stands for the call, ...) is computed when a rule first
    asks for it and kept for the next rules: a readout decided by its date
    field never searches its text.
    """

    __slots__ = ("record", "host", "host_country", "language", "__dict__")  # __dict__: the cached properties

    def __init__(self, record: Record, host: Optional[str], host_country: Optional[str],
                 language: Optional[str] = None) -> None:
        self.record, self.host, self.host_country, self.language = record, host, host_country, language

    @_cached
    def dayfirst(self) -> bool:
        """Numeric date fields ("03/04/2021") are read month-first for the USA, day-first otherwise."""
        return (self.host_country or "").upper() not in ("USA", "US")

    @_cached
    def meta(self) -> dict:
        return self.record.meta if isinstance(self.record.meta, dict) else {}

    @_cached
    def text(self) -> str:
        """The page's text as read (``Record.page_text``: stamps, datelines and captions are evidence of the
        day), else the record's text."""
        page = getattr(self.record, "page_text", None)
        t = page or self.record.text
        t = t if isinstance(t, str) else ("" if t is None else str(t))
        if page and getattr(self.record, "furniture", None):
            t = _without_other_days(t, self.record.furniture)
        return t

    @_cached
    def searched(self) -> str:
        """The string the mentions' spans refer to (title, newline, head of the text)."""
        title = self.record.title if isinstance(self.record.title, str) else None
        return _searched(self.text, title)

    @_cached
    def mentions(self) -> list[DateMention]:
        """:func:`dates_in_text` of the record; on an English page that names no day, also the page stamps
        written in its site's language (:func:`_site_language_stamps`)."""
        found = _mentions_in(self.searched, self.language)
        if self.language in (None, "en") and not any(m.kind in ("full", "day_month") for m in found):
            found += _site_language_stamps(self.searched, getattr(self.record, "url", None))
            found.sort(key=lambda x: (x.start, x.end))
        return found

    @_cached
    def refs(self) -> list[PageDate]:
        """The page's own dates: publication stamps in the text, the URL, ``meta["published"]``."""
        refs = [PageDate(pd.Timestamp(_dt.date(m.year, m.month, m.day)), "day", "text")
                for m in self.mentions if m.role == "header"]
        for ref in (url_date(getattr(self.record, "url", None)), _published(self.meta)):
            if ref is not None:
                refs.append(ref)
        return refs

    @_cached
    def page_ref(self) -> Optional[PageDate]:
        """The page's earliest full date, with its source."""
        return min((r for r in self.refs if r.precision == "day"), key=lambda r: r.date, default=None)

    @_cached
    def page_day(self) -> Optional[pd.Timestamp]:
        """The page's earliest full date."""
        return None if self.page_ref is None else self.page_ref.date

    @_cached
    def page_last(self) -> Optional[pd.Timestamp]:
        """The last day the page's dates (day or month) allow."""
        return min((r.last_day for r in self.refs if r.precision in ("day", "month")), default=None)

    @_cached
    def usable(self) -> list[DateMention]:
        """The mentions that may be the day of the call (:func:`_usable_mentions`)."""
        return _usable_mentions(self.mentions, self.page_day, self.page_last)

    @_cached
    def call_mention(self) -> Optional[DateMention]:
        """The mention that stands for the call (:func:`_call_mention`), or None (a day alone never: it is
        read by :func:`_rule_text_day_of_page_month` only)."""
        return _call_mention([m for m in self.usable if m.kind != "day"])

    def words(self, m: DateMention) -> str:
        """A mention's words, quoted, with its role when it is not a plain event."""
        words = repr(self.searched[m.start:m.end])
        if m.source:
            words = f"{words} [{m.source}]"
        return words if m.role == "event" else f"{words} ({m.role})"


def _site_language_stamps(searched: str, url: Optional[str]) -> list[DateMention]:
    """Rule ``site_language_stamp``: the page stamps (full dates, ``header``) that an English page keeps in its
    site's language ("2017. február 6." on a Hungarian site's English page), read with that language's CLDR
    month names where the English finders found no day (:func:`diplo_analysis.language_countries.domain_language`)."""
    from .language_countries import domain_language

    code = domain_language(url)
    if code is None:
        return []
    return [m for m in _mentions_in(searched, code)
            if m.kind == "full" and m.role == "header" and (m.source or "").startswith(f"{code}:")]


def _usable_mentions(mentions: list[DateMention], page_day: Optional[pd.Timestamp],
                     page_last: Optional[pd.Timestamp]) -> list[DateMention]:
    """The events and datelines that can be the call given the page's dates.

    A caption showing a meeting counts as an event unless it is more than a
    week before the page's day.  Skipped: a full date after the page's day
    (+2 days: an announcement) or more than a year before it (history), and
    a day-month falling up to two months after the page's dates ("will meet
    on February 23").
    """
    usable = []
    for m in mentions:
        if m.role in ("caption", "caption_far"):
            ts = _ts(m.year, m.month, m.day)
            if page_day is not None and ts is not None and (page_day - ts).days > 7:
                continue
            m = DateMention(m.start, m.end, m.kind, "event", m.year, m.month, m.day, m.weekday, m.call_verb)
        if m.role in ("event", "dateline") and _possible_for_page(m, page_day, page_last):
            usable.append(m)
    return usable


def _possible_for_page(m: DateMention, page_day: Optional[pd.Timestamp], page_last: Optional[pd.Timestamp]) -> bool:
    if m.kind == "full" and page_day is not None:
        ts = _ts(m.year, m.month, m.day)
        if ts is None or ts > page_day + pd.Timedelta(days=2) or (page_day - ts).days > 366:
            return False
    if m.kind == "day_month" and page_last is not None:
        ts = _ts(page_last.year, m.month, m.day) or _ts(page_last.year - 1, m.month, m.day)
        if ts is not None and pd.Timedelta(days=2) < ts - page_last <= pd.Timedelta(days=60):
            return False
    return True


_RELATIVE = ("weekday", "yesterday", "today")
#: A full date this close after "yesterday"/"today" names that day ("yesterday, Thursday 12 May 2022").
_APPOSITION_CHARS = 16


def _call_mention(usable: list[DateMention]) -> Optional[DateMention]:
    """The first usable mention, with two preferences.

    A weekday (or "yesterday") said of the call ("met on Thursday") wins
    over an earlier one that is not ("arrived on Wednesday"), within 600
    characters; a weekday gives way to a full date on that weekday, and
    "yesterday" or "today" to a full date right after it that names the day.
    """
    if not usable:
        return None
    first = usable[0]
    if first.kind in _RELATIVE and not first.call_verb:
        later = next((m for m in usable[1:] if m.kind in _RELATIVE and m.call_verb
                      and m.start - first.end <= 600), None)
        if later is not None:
            first = later
    if first.kind == "weekday":
        same = [m for m in usable if m.kind == "full" and _ts(m.year, m.month, m.day).weekday() == first.weekday]
        if same:
            first = same[0]
    elif first.kind in ("yesterday", "today"):  # "yesterday, Thursday 12 May 2022": the date it names
        named = next((m for m in usable if m.start >= first.end), None)
        if named is not None and named.kind == "full" and named.start - first.end <= _APPOSITION_CHARS:
            first = named
    return first


_Decision = tuple
"""A rule's decision: ``(date, inferred, rule, evidence)`` where ``evidence`` is a function giving
the words (formatted only by :func:`explain_date`: :func:`resolve_date` never pays for them)."""


# --- the rules of the day, in order: each reads the context and decides, or returns None

#: A date field that names no day: a year ("2024"), or a year and a month ("2024-05", "May 2024", "05/2024").
_PARTIAL_FIELD = re.compile(r"\d{4}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{4}|[A-Za-z]{3,9}\.?,? \d{4}|\d{4} [A-Za-z]{3,9}")


def _field_year(record) -> Optional[int]:
    """The year of a date field that names no day (:data:`_PARTIAL_FIELD`), else None."""
    field = getattr(record, "date", None)
    if type(field) is not str or not _PARTIAL_FIELD.fullmatch(field.strip()):
        return None
    y = int(re.search(r"\d{4}", field).group(0))
    return y if YEAR_MIN - 90 <= y <= YEAR_MAX else None


def _rule_date_field(ctx: _DateContext) -> Optional[_Decision]:
    """``record.date``, the source's date field: read.  "2021-09-10T12:00:00" -> 10 Sept 2021. A field that
    names no day ("2024", "May 2024") does not decide: its year serves the text's day and month (``year_meta``)."""
    field = getattr(ctx.record, "date", None)
    if type(field) is str:  # fast path: an ISO day, looked up in a cache
        ts = _iso_field(field.strip())
        if ts:
            return ts, False, "date_field", lambda: f"date field {field!r}"
        if _PARTIAL_FIELD.fullmatch(field.strip()):
            return None
    ts = _parse_field(field, dayfirst=ctx.dayfirst)
    return None if ts is None else (ts, False, "date_field", lambda: f"date field {field!r}")


def _rule_meta_date(ctx: _DateContext) -> Optional[_Decision]:
    """``meta["date"]`` or ``meta["datetime"]``, explicit metadata (a sidecar): read."""
    for key in ("date", "datetime"):
        value = ctx.meta.get(key)
        ts = _parse_field(value, dayfirst=ctx.dayfirst)
        if ts is not None:
            return ts, False, "meta_date", lambda key=key, value=value: f"meta[{key!r}] {value!r}"
    return None


def _rule_text_full_date(ctx: _DateContext) -> Optional[_Decision]:
    """A full date stands for the call: read.  "On the morning of April 12, 2017" -> 12 April 2017."""
    m = ctx.call_mention
    if m is None or m.kind != "full":
        return None
    ts = _ts(m.year, m.month, m.day)
    back = _dateline_yesterday(ctx, m)
    if back is not None:
        return (ts - pd.Timedelta(days=1), True, "text_full_date+dateline_yesterday",
                lambda: f"{ctx.words(m)} (dateline); {ctx.words(back)} in its lead")
    day = _dateline_call_day(ctx, m)
    if day is not None:
        return (_ts(day.year, day.month, day.day), False, "text_full_date+dateline_call_day",
                lambda: f"{ctx.words(m)} (dateline); {ctx.words(day)} said of the call in its lead")
    lead = _dateline_weekday(ctx, m, ts)
    if lead is not None:
        days = (ts.weekday() - lead.weekday) % 7
        return (ts - pd.Timedelta(days=days), True, "text_full_date+dateline_weekday",
                lambda: f"{ctx.words(m)} (dateline); {ctx.words(lead)} in its lead")
    return ts, False, "text_full_date", lambda: ctx.words(m)


#: Rule ``dateline_weekday``: what may stand before a full date that opens a line as the page's stamp: its weekday.
_RE_LINE_OPENING_WEEKDAY = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \t]*)?$")


def _dateline_weekday(ctx: _DateContext, m: DateMention, ts: pd.Timestamp) -> Optional[DateMention]:
    """Rule ``dateline_weekday``: a full date that opens a line of the text as its stamp, alone or after its
    weekday, and followed by a dash ("Saturday, November 11, 2023 – X congratulated Y ... In a telephone call on
    Friday, ..."), is the page's day; another weekday said of the call in its lead (within
    :data:`_DAY_RE_MAX_GAP` characters) is the last such day before it, as a day-month dateline moves back to
    a weekday of its lead. Read only where a weekday follows the date (its mention is found first)."""
    lead = next((w for w in ctx.usable if w.kind == "weekday" and m.end <= w.start <= m.end + _DAY_RE_MAX_GAP),
                None)
    if lead is None or lead.weekday is None or lead.weekday == ts.weekday():
        return None
    s = ctx.searched
    if not re.match(r"[ \t]*[-–—]", s[m.end:m.end + 4]):
        return None
    return lead if _RE_LINE_OPENING_WEEKDAY.search(s, max(0, m.start - 30), m.start) else None


def _dateline_yesterday(ctx: _DateContext, m: DateMention) -> Optional[DateMention]:
    """Rule ``dateline_yesterday``: a full date in the dateline that opens the text ("Rabat, August 21, 2023,
    ... during a phone call held yesterday") is the page's day, and "yesterday" said of the call in its lead
    (within :data:`_DAY_RE_MAX_GAP` characters) counts back one day from it, as a day-month dateline moves back
    to a weekday of its lead. Read only where a "yesterday" follows the date (its mention is found first)."""
    later = next((w for w in ctx.usable if w.kind == "yesterday" and m.end <= w.start <= m.end + _DAY_RE_MAX_GAP),
                 None)
    if later is None:
        return None
    s = ctx.searched
    return later if _RE_PLACE_OPENING.search(s, max(0, m.start - 60), m.start) else None


#: "on" right before a full date: the day an event happened ("spoke ... by telephone on February 21, 2023").
_RE_ON_DATE_BEFORE = re.compile(r"\b[Oo]n\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?$")
#: How far before its dateline (in days) the call's own full date may fall (rule ``dateline_call_day``).
_DATELINE_CALL_DAYS = 31


def _dateline_call_day(ctx: _DateContext, m: DateMention) -> Optional[DateMention]:
    """Rule ``dateline_call_day``: a full date in the dateline that opens a line ("Ulaanbaatar, February 24, 2023,
    /AGENCY/. The President spoke ... by telephone on February 21, 2023") is the page's day; a later full date
    introduced by "on" in a sentence with a verb of a call, within :data:`_DAY_RE_MAX_GAP` characters and 1 to
    :data:`_DATELINE_CALL_DAYS` days before it, is the call's.  Read only where a second full date follows the
    dateline (the cheap test comes first)."""
    later = [w for w in ctx.usable if w.kind == "full" and m.end < w.start <= m.end + _DAY_RE_MAX_GAP]
    if not later:
        return None
    s = ctx.searched
    if not _RE_PLACE_OPENING.search(s, max(0, m.start - 60), m.start):
        return None
    day = _ts(m.year, m.month, m.day)
    for w in later:
        gap = (day - _ts(w.year, w.month, w.day)).days
        if (1 <= gap <= _DATELINE_CALL_DAYS and _RE_ON_DATE_BEFORE.search(s, max(0, w.start - 40), w.start)
                and _has_call_verb(s, w.start, w.end)):
            return w
    return None


def _rule_text_day_month(ctx: _DateContext) -> Optional[_Decision]:
    """A day and month stand for the call: the year from the steps of ``_YEAR_STEPS``; NaT when none
    decides.  A dateline's day moves back to a weekday said in its lead.  "BEIJING, July 5 (Xinhua)
    -- ... said Saturday" + URL of 2020 -> Saturday 4 July 2020."""
    m = ctx.call_mention
    if m is None or m.kind != "day_month":
        return None
    lead = None
    if m.role == "dateline":
        lead = next((w for w in ctx.usable if w.kind == "weekday" and m.end <= w.start <= m.end + _DAY_RE_MAX_GAP),
                    None)
    dm = _DayMonth(ctx, m, lead.weekday if lead is not None else None)
    found = next((f for f in map(lambda step: step(dm), _YEAR_STEPS) if f is not None), None)
    if found is None:
        return pd.NaT, False, "text_day_month:no_year", lambda: "; ".join(
            w for w in (ctx.words(m), "no single year", _future_evidence(ctx.text)) if w)
    year, inferred, step, said = found
    ts = _ts(year, m.month, m.day)
    back = (ts.weekday() - lead.weekday) % 7 if lead is not None else 0
    if not back:
        return ts, inferred, f"text_day_month:{step}", lambda: f"{ctx.words(m)}; {said()}"
    return (ts - pd.Timedelta(days=back), True, f"text_day_month:{step}+dateline_weekday",
            lambda: f"{ctx.words(m)}; {said()}; {ctx.words(lead)} in the lead")


def _rule_text_day_of_page_month(ctx: _DateContext) -> Optional[_Decision]:
    """Rule ``text_day_of_page_month``: a day alone ("8일", "20日": :mod:`diplo_analysis.language_dates`) that opens
    the text's dates is that day of the page's month, or of the month before, where that falls at most a
    week before the page's day.  "총리가 8일 ... 통화" + URL of 8 April 2025 -> 8 April 2025."""
    first = ctx.usable[0] if ctx.usable else None
    day = ctx.page_day
    if first is None or first.kind != "day" or day is None:
        return None
    ts = _ts(day.year, day.month, first.day)
    if ts is None or ts > day:
        ts = _ts(day.year - (day.month == 1), day.month - 1 or 12, first.day)
    if ts is None or not 0 <= (day - ts).days <= 7:
        return None
    return ts, True, "text_day_of_page_month", lambda: f"{ctx.words(first)}; {_describe_ref(ctx.page_ref)}"


def _rule_text_weekday(ctx: _DateContext) -> Optional[_Decision]:
    """A weekday stands for the call: the last such weekday on or before the page's day (NaT without
    one).  "met on Friday" + URL of Saturday 11 Sept 2021 -> 10 Sept 2021."""
    m = ctx.call_mention
    if m is None or m.kind != "weekday":
        return None
    day = ctx.page_day
    if day is None:
        return _weekday_with_its_day(ctx, m) or _weekday_on_an_ambiguous_stamp(ctx, m) or (
            pd.NaT, False, "text_weekday:no_page_date", lambda: ctx.words(m))
    rule = "text_weekday"
    if _to_come_this_week(m, day):
        m = next((w for w in ctx.usable if w.kind == "weekday" and not _to_come_this_week(w, day)), None)
        if m is None:
            return None
        rule = "text_weekday:this_week"
    ts = day - pd.Timedelta(days=(day.weekday() - m.weekday) % 7)
    return ts, True, rule, lambda: f"{ctx.words(m)}; {_describe_ref(ctx.page_ref)}"


def _to_come_this_week(m: DateMention, day: pd.Timestamp) -> bool:
    """Rule ``text_weekday:this_week``: a weekday written with "this" in another language ("este viernes",
    :data:`diplo_analysis.language_dates.THIS_WEEK`) later in the week than the page's day is a day to come,
    not the call's: the next weekday of the text that is not one stands for the call."""
    return "_this_week" in (m.source or "") and m.weekday is not None and m.weekday > day.weekday()


def _weekday_with_its_day(ctx: _DateContext, m: DateMention) -> Optional[_Decision]:
    """Rule ``text_weekday:day_in_brackets``: a weekday written with its day of the month ("nesta segunda-feira
    (6)", :mod:`diplo_analysis.language_dates`) on a page whose address or stamps give the month but no day
    ("/2025/10/"): that day of the page's month, where it falls on that weekday."""
    last = ctx.page_last
    if m.day is None or last is None:
        return None
    ts = _ts(last.year, last.month, m.day)
    if ts is None or ts.weekday() != m.weekday or ts > last:
        return None
    return ts, True, "text_weekday:day_in_brackets", lambda: f"{ctx.words(m)}; month {last.strftime('%Y-%m')} of the page"


def _weekday_on_an_ambiguous_stamp(ctx: _DateContext, m: DateMention) -> Optional[_Decision]:
    """Rule ``text_weekday:ambiguous_stamp``: a page whose only date is a stamp that reads two ways
    ("05-10-2021": 5 October or 10 May) and whose call is on a weekday ("on Tuesday"): the reading that
    publishes the call on its day or the next (:data:`STAMP_LAG_DAYS`) decides, where only one does.
    "talks ... on Tuesday" + "05-10-2021" -> Tuesday 5 October 2021 (10 May 2021 was a Monday)."""
    stamps = _ambiguous_stamps(ctx.searched)
    if not stamps:
        return None
    words, readings = stamps[0]
    fits = [r for r in readings if (r.weekday() - m.weekday) % 7 in STAMP_LAG_DAYS]
    if len(fits) != 1:
        return None
    ts = fits[0] - pd.Timedelta(days=(fits[0].weekday() - m.weekday) % 7)
    return (ts, True, "text_weekday:ambiguous_stamp",
            lambda: f"{ctx.words(m)}; the page's stamp {words!r} read as {fits[0].date()}, the only reading "
                    f"on that weekday or the day after")


def _rule_text_relative_day(ctx: _DateContext) -> Optional[_Decision]:
    """ "yesterday", or "today" beside a verb of a call: counted back from the page's day (NaT
    without one).  "held talks yesterday" + URL of 11 Sept 2021 -> 10 Sept 2021."""
    m = ctx.call_mention
    if m is None or m.kind not in ("yesterday", "today"):
        return None
    day = ctx.page_day
    if day is None:
        return pd.NaT, False, "text_relative_day:no_page_date", lambda: ctx.words(m)
    head = _headline_call_day(ctx, m)
    if head is not None:
        return (_ts(head.year, head.month, head.day), False, "text_relative_day:headline_call_day",
                lambda: f"{ctx.words(head)} closes a headline of a call; {ctx.words(m)} counts from its publishing")
    ts = day - pd.Timedelta(days=1 if m.kind == "yesterday" else 0)
    return ts, True, "text_relative_day", lambda: f"{ctx.words(m)}; {_describe_ref(ctx.page_ref)}"


#: Rule ``headline_call_day``: a headline of a call or meeting closed by its full date after a colon ("PM call with
#: President X: 25 January 2023", a government's readout title and its relays), the words before the colon.
_RE_HEADLINE_CALL = re.compile(r"(?i)(?:^|\n)[^\n:]*\b(?:call|meeting|talks|conversation)\b[^\n:]*:[ \t]*$")
#: "published (this content) on" right before a full date: the day a page (or its relay) was published.
_RE_PUBLISHED_BEFORE = re.compile(r"(?i)\bpublished\b[^.\n]{0,20}?\s(?:on\s+)?$")


def _headline_call_day(ctx: _DateContext, m: DateMention) -> Optional[DateMention]:
    """Rule ``headline_call_day``: a full date closing a headline of a call after a colon ("PM call with President
    X: 25 January 2023"), on a page published the day after it (its url's day, or a full date after "published"),
    is the call's day: "yesterday" in its text ("The Prime Minister spoke to the President yesterday evening")
    counts from the publishing, not from the headline.  A headline of the day the page was published stays a
    stamp ("yesterday" counts back from it).  Tried only for a "yesterday" on a page whose text has a colon."""
    s = ctx.searched
    if m.kind != "yesterday" or ":" not in s:
        return None
    heads = [h for h in ctx.mentions if h.kind == "full" and h.role == "header" and h.start < m.start
             and s[h.end:h.end + 1] in ("\n", "") and _RE_HEADLINE_CALL.search(s, max(0, h.start - 160), h.start)]
    if not heads:
        return None
    published = [_ts(p.year, p.month, p.day) for p in ctx.mentions
                 if p.kind == "full" and _RE_PUBLISHED_BEFORE.search(s, max(0, p.start - 40), p.start)]
    url = url_date(getattr(ctx.record, "url", None))
    if url is not None and url.precision == "day":
        published.append(url.date)
    for h in heads:
        if _ts(h.year, h.month, h.day) + pd.Timedelta(days=1) in published:
            return h
    return None
    for h in ctx.mentions:
        if (h.kind == "full" and h.role == "header" and h.start < m.start and s[h.end:h.end + 1] in ("\n", "")
                and _RE_HEADLINE_CALL.search(s, max(0, h.start - 160), h.start)):
            return h
    return None


def _rule_page_date(ctx: _DateContext) -> Optional[_Decision]:
    """No day in the text: the page's earliest full date (stamp, URL, ``published``): inferred.
    ``/2021/09/10/`` -> 10 Sept 2021. On a digest page, the stamp of the item that names the call
    (:func:`_digest_item_stamp`)."""
    if ctx.page_day is None:
        return None
    item = _digest_item_stamp(ctx)
    if item is not None:
        return (pd.Timestamp(_dt.date(item.year, item.month, item.day)), True, "page_date:digest_item_stamp",
                lambda: f"{ctx.words(item)}: the stamp of the first item after {_RE_CALL_VERB.search(ctx.searched)[0]!r}")
    return ctx.page_day, True, "page_date", lambda: _describe_ref(ctx.page_ref)


def _digest_item_stamp(ctx: _DateContext) -> Optional[DateMention]:
    """Rule ``digest_item_stamp``: a digest page (a weekly bulletin, a list of releases) stamps each item; when the
    page's earliest stamp belongs to a later item (it stands after another stamp that follows the first words of
    a call or meeting), the call's day is the stamp of the first item after those words, not the earliest.
    Tried only on pages of three stamps or more."""
    if ctx.page_ref is None or ctx.page_ref.source != "text":
        return None
    heads = [m for m in ctx.mentions if m.role == "header" and m.kind == "full"]
    if len(heads) < 3:
        return None
    call = _RE_CALL_VERB.search(ctx.searched)
    after = [m for m in heads if call is not None and m.start >= call.end()]
    if len(after) < 2:
        return None
    earliest = min(heads, key=lambda m: (m.year, m.month, m.day))
    return after[0] if earliest in after[1:] and (earliest.year, earliest.month, earliest.day) != (
        after[0].year, after[0].month, after[0].day) else None


_REF_SOURCES = {"text": "a stamp in the text", "url": "the url", "url_hijri": "the url's Hijri date",
                "published": "meta['published']"}


def _describe_ref(ref: PageDate) -> str:
    """ "page date 2020-07-08 from the url"."""
    when = {"day": str(ref.date.date()), "month": ref.date.strftime("%Y-%m"), "year": str(ref.date.year)}
    return f"page date {when[ref.precision]} from {_REF_SOURCES[ref.source]}"


_RULES: tuple[Callable[[_DateContext], Optional[_Decision]], ...] = (
    _rule_date_field,
    _rule_meta_date,
    _rule_text_day_of_page_month,
    _rule_text_full_date,
    _rule_text_day_month,
    _rule_text_weekday,
    _rule_text_relative_day,
    _rule_page_date,
)
"""The rules of :func:`explain_date`, in order; the first that decides wins (else ``no_date``)."""


# --- the year of a day and month, in order: each returns (year, inferred, step, evidence) or None

_YearFound = tuple  # (year, inferred, step name, evidence function)


class _DayMonth:
    """A day-month mention under resolution, with the weekday that constrains it."""

    def __init__(self, ctx: _DateContext, mention: DateMention, lead_weekday: Optional[int]) -> None:
        self.ctx, self.month, self.day = ctx, mention.month, mention.day
        self.weekday = mention.weekday  # written with the day: "Monday, April 12"
        # for the tenure step, a weekday of a dateline's lead is taken as the dateline's own
        self.any_weekday = mention.weekday if mention.weekday is not None else lead_weekday
        self.tenure_names: list[str] = []
        self.text_years: set[int] = set()
        self.summit_years: list = []

    @_cached
    def tenure_years(self) -> Optional[list[int]]:
        """Years left by tenures, the weekday and years in the text (None: nothing constrains)."""
        names, windows = _tenure_matches(self.ctx.text[:TENURE_CHARS], self.ctx.host)
        if windows:  # [] (tenures that do not overlap) is not used
            self.tenure_names = names
        self.text_years = _text_years(self.ctx.text)
        self.summit_years = _summit_years(self.ctx.text[:TENURE_CHARS])
        self.text_years |= {y for _, y in self.summit_years}
        if not windows and self.any_weekday is None and not self.text_years:
            return None
        return candidate_years(self.month, self.day, windows or None, self.any_weekday, self.text_years)

    def tenure_evidence(self) -> str:
        said = [f"tenure of {', '.join(map(repr, self.tenure_names))}" if self.tenure_names else "",
                f"weekday {_WEEKDAY_TOKENS[self.any_weekday]}" if self.any_weekday is not None else "",
                f"years in the text {sorted(self.text_years)}" if self.text_years else "",
                "; ".join(f"the {w!r}: {y}" for w, y in self.summit_years),
                _future_evidence(self.ctx.text)]
        return ", ".join(w for w in said if w)


def _future_evidence(text: str) -> str:
    """ "years said of the future set aside [2020]" (rule ``future_year``), or ""."""
    ahead = _text_years(text, future=True)
    return f"years said of the future set aside {sorted(ahead)}" if ahead else ""


def _year_meta(dm: _DayMonth) -> Optional[_YearFound]:
    """``meta["year"]`` (explicit, read): "on the evening of 16 April" + sidecar ``year: 2020``; else the year of
    a date field that names no day ("2020", "April 2020")."""
    y = _meta_year(dm.ctx.meta)
    where = "meta['year']"
    if y is None:
        y, where = _field_year(dm.ctx.record), f"the date field {getattr(dm.ctx.record, 'date', None)!r}"
    if y is not None and _ts(y, dm.month, dm.day) is not None:
        return y, False, "year_meta", lambda: f"year {y} from {where}"
    return None


def _year_page_date(dm: _DayMonth) -> Optional[_YearFound]:
    """The latest year putting the day on or before the page's date (the weekday written with the
    day breaks ties): "BEIJING, July 8 (Xinhua)" + URL ``/2020-07/08/`` -> 2020."""
    ref = _reference_page_date(dm.ctx.refs)
    y = None if ref is None else _year_from_page(dm.month, dm.day, ref, dm.weekday)
    return None if y is None else (y, True, "year_page_date", lambda: f"year {y} from {_describe_ref(ref)}")


def _year_mfa_id(dm: _DayMonth) -> Optional[_YearFound]:
    """The year closest (within 200 days) to the date a foreign-ministry page's id suggests
    (:func:`mfa_id_date`): "on 11 February" + ``/t1743661.htm``."""
    est = mfa_id_date(getattr(dm.ctx.record, "url", None))
    y = None if est is None else _year_from_id(dm.month, dm.day, est)
    return None if y is None else (y, True, "year_mfa_id", lambda: f"year {y} from the page id (about {est.date()})")


def _year_tenure(dm: _DayMonth) -> Optional[_YearFound]:
    """The one year left by the tenures of the officials named (``dates_tenure.csv``), the weekday
    and the years written in the text: "On 12 April, Premier Li Keqiang ... Chancellor Scholz" -> 2022."""
    years = dm.tenure_years
    if years is not None and len(years) == 1:
        return years[0], True, "year_tenure", lambda: f"year {years[0]} from {dm.tenure_evidence()}"
    return None


def _year_leader_terms(dm: _DayMonth) -> Optional[_YearFound]:
    """Still open: the one year left by the terms of the leaders (``leaders.csv``) named right after
    their office's title: "Japanese Prime Minister Shigeru Ishiba" -> Oct 2024 to Oct 2025."""
    terms = _leader_terms(dm.ctx.text[:LEADER_CHARS])
    if not terms:
        return None
    pool = dm.tenure_years if dm.tenure_years is not None else candidate_years(dm.month, dm.day)
    spans = [terms[k] for k in sorted(terms)]
    narrowed = [y for y in pool if all(any(a <= _ts(y, dm.month, dm.day) <= b for a, b in sp) for sp in spans)]
    if len(narrowed) != 1:
        return None

    def said() -> str:
        names = ", ".join(f"{name!r} ({office})" for name, office in sorted(terms))
        more = dm.tenure_evidence()
        return f"year {narrowed[0]} from the terms of {names}" + (f"; {more}" if more else "")
    return narrowed[0], True, "year_leader_terms", said


def _year_ambiguous_stamp(dm: _DayMonth) -> Optional[_YearFound]:
    """The year of a page stamp whose numbers read two ways, where one reading is the day said or the next
    (:data:`STAMP_LAG_DAYS`): "11/9/2005" over "paid a visit on November 9" -> 2005 (rule
    ``year_ambiguous_stamp``: the day-month said settles the stamp's order). Read only where the page has a
    numeric stamp of two numbers 12 or less."""
    if "/" not in dm.ctx.searched and "-" not in dm.ctx.searched:
        return None
    found = next(((words, readings[0].year) for words, readings in _ambiguous_stamps(dm.ctx.searched)
                  if _stamp_reads_day(readings, _ts(readings[0].year, dm.month, dm.day))), None)
    if found is None:
        return None
    words, year = found
    return year, True, "year_ambiguous_stamp", lambda: f"year {year} from the stamp {words!r}"


def _stamp_reads_day(readings, day) -> bool:
    """Whether one reading of a stamp is ``day`` or the day after (:data:`STAMP_LAG_DAYS`)."""
    return day is not None and any((r - day).days in STAMP_LAG_DAYS for r in readings)


_YEAR_STEPS: tuple[Callable[[_DayMonth], Optional[_YearFound]], ...] = (
    _year_meta,
    _year_page_date,
    _year_ambiguous_stamp,
    _year_mfa_id,
    _year_tenure,
    _year_leader_terms,
)
"""How the year of a day and month is found, in order; the first that decides wins."""

_NO_DATE: _Decision = (pd.NaT, False, "no_date", lambda: "no date field, no date in the text, no page date")


def explain_date(record: Record, host: Optional[str] = None, host_country: Optional[str] = None,
                 language: Optional[str] = None) -> DateDecision:
    """The day of a readout's call or meeting, with the rule that decided it and its evidence.

    The rules of ``_RULES`` are tried in order on a context built once for
    the record; the first that decides wins (see ``docs/dates.md`` for the
    list, with an example each): ``date_field``, ``meta_date``,
    ``text_full_date``, ``text_day_month`` (year by ``year_meta``,
    ``year_page_date``, ``year_mfa_id``, ``year_tenure``,
    ``year_leader_terms``), ``text_weekday``, ``text_relative_day``,
    ``page_date``, else ``no_date``.

    Parameters
    ----------
    record, host, host_country, language
        As for :func:`resolve_date`.

    Returns
    -------
    DateDecision
        A named tuple ``(date, inferred, rule, evidence)``: ``date`` and
        ``inferred`` as :func:`resolve_date` returns them, ``rule`` the name
        of the deciding rule, ``evidence`` the field or words it read.

    Raises
    ------
    TypeError
        When ``record`` is not a :class:`~diplo_analysis.records.Record`
        (or an object with its fields).
    """
    date, inferred, rule, evidence = _decide(record, host, host_country, language)
    return DateDecision(date, inferred, rule, evidence())


def _decide(record: Record, host: Optional[str], host_country: Optional[str],
            language: Optional[str] = None) -> _Decision:
    """The first decision of the rules of ``_RULES`` on a context built for ``record``."""
    if not hasattr(record, "text") or not hasattr(record, "meta"):
        raise TypeError(f"resolve_date expects a Record, got {type(record).__name__}")
    ctx = _DateContext(record, host, host_country, language)
    for rule in _RULES:
        decision = rule(ctx)
        if decision is not None:
            return decision
    if _field_year(record) is not None:  # "2024": a year, which no day and month of the text took
        return pd.NaT, False, "no_date", lambda: (f"the date field {record.date!r} names no day, and neither "
                                                  "the text nor the page does")
    return _NO_DATE


def resolve_date(record: Record, host: Optional[str] = None,
                 host_country: Optional[str] = None, language: Optional[str] = None) -> tuple[Any, bool]:
    """The day of a readout's call or meeting, and whether it was inferred.

    The first of an ordered list of rules that decides gives the day (see
    the module docstring, :func:`explain_date`, which also says which rule
    decided and on which words, and ``docs/dates.md``): the date field,
    explicit metadata, the text (full date; day and month with a year from
    metadata, page dates, the foreign-ministry page id, tenures, weekday and
    years in the text, leaders' terms; dateline + weekday; weekday or
    "yesterday" + page date), then the page's own date, else NaT.

    Parameters
    ----------
    record : Record
        Uses ``date``, ``meta`` (``date``, ``datetime``, ``year``,
        ``published``), ``title``, ``text`` and ``url``.
    host : str, optional
        The publishing side's participant; searched with the text for
        tenures (e.g. "Li Qiang" dates a readout after March 2023).
    host_country : str, optional
        ISO alpha-3 of the publisher; numeric date fields such as
        ``03/04/2021`` are read month-first for ``USA`` and day-first
        otherwise.
    language : str, optional
        ISO 639-1 code of the page (:func:`diplo_analysis.language.detect_language`;
        the loader passes it). Another language than ``"en"`` also reads dates
        written with that language's month names, from CLDR
        (:mod:`diplo_analysis.language_dates`: "16. April 2020", "16 апреля
        2020", "2020年4月16日"); None or ``"en"``: the English and numeric
        dates only.

    Returns
    -------
    (pandas.Timestamp or NaT, bool)
        The day (time of day dropped) and ``date_inferred``: True when the
        year or the day came from evidence other than a statement of the
        date (page dates, ids, tenures, weekdays), False when read from a
        field, explicit metadata or the text, and False with NaT.

    Raises
    ------
    TypeError
        When ``record`` is not a :class:`~diplo_analysis.records.Record`
        (or an object with its fields).
    """
    decision = _decide(record, host, host_country, language)
    return decision[0], decision[1]
