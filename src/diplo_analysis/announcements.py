"""Held or announced: a readout of a conversation, or the announcement of one to come.

Governments announce calls and meetings before they happen ("President Jane
Roe will hold a video call with Prime Minister John Doe of Ruritania on
Tuesday, May 7"; "On October 29, the President will hold talks with the
President of Elbonia").  Such a document is evidence
of what a side chose to announce, not of a conversation held: it must never be
counted as a call, and it should be linked to the conversation it announces
(:func:`diplo_analysis.conversations`).

This module decides, for one document, whether it announces a conversation
(:func:`announcement_rule`) and, if so, the planned day
(:func:`planned_date`).  :func:`diplo_analysis.metadata.extract_metadata`
calls both: an announcement gets ``medium="other"`` (it reports no
conversation, as the labelling convention of ``docs/metadata.md`` has it),
``status="announced"`` and ``planned_date``; a document whose medium is a
conversation gets ``status="held"``; anything else has no status.

The rules, tried in order (the first that matches decides):

``title_future``
    The title says the conversation is to come: "On October 29, the
    President will hold talks with ...", "... will meet with ...".
``title_upcoming``
    The title calls it upcoming: "Statement by the Spokesperson on the
    President's Upcoming Phone Call with the Prime Minister of Ruritania".
``title_to``
    A headline's infinitive after a subject of names and titles only:
    "Taoiseach to meet with the Chancellor", "Deputy President Jane Roe to
    host the Vice President of Elbonia", "Commission Chairperson to discuss
    priorities during visit".
``lead_future``
    The title names a conversation but the text's first sentence puts it in
    the future and reports nothing held: "On Monday, May 6, President Jane
    Roe will meet virtually with Prime Minister John Doe" (and not "... spoke
    today about the summit, which will be held in Lisbon").

A document with none of these, or without a foreign counterpart, announces
nothing.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

import pandas as pd

__all__ = ["STATUSES", "Announcement", "announcement_rule", "planned_date"]

#: Values of the readouts frame's ``status`` column (missing for a document
#: that reports no conversation and announces none).
STATUSES = ("held", "announced")

_I = re.IGNORECASE

#: A conversation to come: "will hold talks", "will meet virtually", "will
#: speak with", "will hold a video call", "will participate in a bilateral
#: meeting", "will visit Elbonia", "will take part in the summit", "will travel to", "is expected to arrive in".
_TO_COME_VERBS = (
    r"(?:(?:hold|have) (?:a |an |the )?(?:[\w.-]+ ){0,6}?(?:talks|call|conversation|meeting|videoconference|summit)"
    r"|meet|speak|talk|visit|receive|host|welcome|attend|take part|join|travel|arrive|pay (?:a |an )?(?:[\w-]+ ){0,3}?visit"
    r"|participate in (?:[\w-]+ ){0,4}?(?:meeting|summit|call|talks|event|videoconference))\b")
#: ... and the same said without "will": "is expected to meet", "is due to hold talks", "is scheduled to hold a
#: phone call", "plans to meet", "is to visit" (a headline's British future).
_BE_TO = r"(?:(?:is|are) (?:expected |due |scheduled |set |slated |going )?to|plans? to|intends? to)"
FUTURE_CONVERSATION = re.compile(rf"\b(?:will|{_BE_TO}) {_TO_COME_VERBS}", _I)
#: Words one of which every match of :data:`FUTURE_CONVERSATION` holds (a cheap test before it).
_FUTURE_KEYS = ("will", "expected to", "due to", "scheduled to", "set to", "slated to", "going to", "plan to",
                "plans to", "intend to", "intends to", "is to ", "are to ")
#: A headline's infinitive of a conversation to come, after a subject of names and titles only:
#: "Taoiseach to meet with Chancellor ...", "Deputy President Jane Roe to host ...".
TITLE_TO = re.compile(
    r"^(?:[A-Z][\w'\u2019.-]*\s+){1,6}to (?:meet|host|visit|receive|welcome|hold (?:talks|a (?:phone |video )?call)"
    r"|speak|call|travel|attend|arrive|discuss)\b")
#: "Upcoming" beside a conversation word in a title ("the President's Upcoming Call with ...").
UPCOMING = re.compile(r"\b(?:upcoming|forthcoming|planned) (?:[\w-]+ ){0,2}?(?:call|meeting|talks|visit|conversation)\b", _I)
#: A conversation reported as held: the sentence is a readout, whatever it
#: says of the future ("spoke today about the summit, which will be held in
#: Lisbon"); not after "will" ("who will be joined by ...").
HELD = re.compile(
    r"(?<!will )(?<!will be )(?<!to be )\b(?:spoke|met|meets|held|hosted|talked|discussed|welcomed|telephoned|phoned|convened|took part|participated"
    r"|joined|had (?:a|an) (?:[\w-]+ ){0,2}?(?:call|conversation|meeting|talks)"
    r"|(?:is|are) (?:paying|holding|having|making|on)\b)\b",
    _I,
)
_UPCOMING_KEYS = re.compile(r"upcoming|forthcoming|planned")
#: A title that reports what was done ("Readout of ...", "Telephone conversation with ...").
_READOUT_TITLE = re.compile(r"^\s*(?:readout|telephone conversation|meeting with|talks with)\b", _I)


class Announcement(NamedTuple):
    """Why a document is an announcement: the rule and the words it matched."""

    rule: str
    evidence: str
    sentence: str


def announcement_rule(title: str, first: str) -> Optional[Announcement]:
    """Decide whether a document announces a conversation to come.

    Parameters
    ----------
    title : str
        The document's title ("" when it has none).
    first : str
        The first sentence of its text (the real first, not the sentence the
        participants are read from).

    Returns
    -------
    Announcement or None
        ``rule`` (``title_future``, ``title_upcoming``, ``title_to`` or
        ``lead_future``),
        ``evidence`` (the words matched) and ``sentence`` (where the planned
        day is to be read); None when the document announces nothing.

    Examples
    --------
    >>> announcement_rule("On October 29, the President will hold talks with the President of Elbonia", "").rule
    'title_future'
    >>> announcement_rule("Readout of President Roe's Call with Prime Minister Doe",
    ...                   "The leaders spoke today about the summit, which will be held in Lisbon.") is None
    True
    """
    title, first = title or "", first or ""
    low_title, low_first = title.lower(), first.lower()
    if not any(k in low_title or k in low_first for k in _FUTURE_KEYS) and not _UPCOMING_KEYS.search(low_title) \
            and " to " not in title:
        return None  # the words every rule needs are absent (a cheap test first)
    m = FUTURE_CONVERSATION.search(title)
    if m and not HELD.search(title, 0, m.start()):
        return Announcement("title_future", m.group(0), title)
    m = UPCOMING.search(title)
    if m:
        return Announcement("title_upcoming", m.group(0), f"{title}. {first}")
    m = TITLE_TO.search(title)
    if m:
        return Announcement("title_to", m.group(0), f"{title}. {first}")
    if _READOUT_TITLE.search(title) or HELD.search(title):
        return None
    m = FUTURE_CONVERSATION.search(first)
    if m and not HELD.search(first):
        return Announcement("lead_future", m.group(0), first)
    return None


def _mentions(sentence: str):
    from .dates import dates_in_text

    return dates_in_text(sentence, head_chars=len(sentence) + 1)


def planned_date(sentence: str, announced_on) -> pd.Timestamp:
    """The day an announcement gives for the conversation to come.

    The first full date of the sentence; else its first day and month, in the
    year of the announcement (the next year if that day is already past);
    else its first weekday ("this Friday"), the first such day after the
    announcement.

    Parameters
    ----------
    sentence : str
        The sentence that announces the conversation.
    announced_on : Timestamp or NaT
        The announcement's date (needed for a day-month or a weekday).

    Returns
    -------
    pandas.Timestamp
        The planned day, or NaT when the sentence gives none (or gives only a
        day-month or weekday and ``announced_on`` is NaT).

    Examples
    --------
    >>> planned_date("President Roe will speak with Prime Minister Doe this Friday.", pd.Timestamp("2022-03-17"))
    Timestamp('2022-03-18 00:00:00')
    """
    base = pd.Timestamp(announced_on) if not pd.isna(announced_on) else None
    found = {}
    for m in _mentions(sentence or ""):
        found.setdefault(m.kind, m)
    if "full" in found:
        m = found["full"]
        return pd.Timestamp(m.year, m.month, m.day)
    if base is None:
        return pd.NaT
    base = base.normalize()
    if "day_month" in found:
        m = found["day_month"]
        try:
            day = pd.Timestamp(base.year, m.month, m.day)
        except ValueError:  # 29 February of another year
            return pd.NaT
        return day if day >= base - pd.Timedelta(days=1) else pd.Timestamp(base.year + 1, m.month, m.day)
    if "weekday" in found:
        ahead = (found["weekday"].weekday - base.weekday()) % 7 or 7
        return base + pd.Timedelta(days=ahead)
    return pd.NaT
