"""Title + text -> the facts of one readout.

:func:`extract_metadata` reads a :class:`~diplo_analysis.records.Record` and
returns who spoke with whom, how, and who asked for the call.  The rules (see
``docs/metadata.md``) read the title first and then the first sentences of the
text (at most ``HEAD_CHARS`` characters), except for the initiator, for which
the whole text is scanned once with one compiled expression.  Nothing here
knows any particular document: the cues are the genre's phrasings, the names
come from :mod:`diplo_analysis.gazetteer`.

Outline (details and examples in ``docs/metadata.md``)
-------
1. *Medium*: the first cue found, title first: video cues, then phone cues,
   then "other" cues (greetings, condolences, messages, decrees, statements,
   announcements, ...), then in-person cues (met, meeting, talks, visit, ...).
   A title with only an in-person cue (or none) lets a video or phone cue in
   the first sentences decide, except that a title saying "Meeting"/"met"
   is not overridden by a call the text mentions (only a video cue about
   this meeting makes it ``video``), and a cue naming an earlier contact
   ("the December 7 videoconference") counts for nothing; a title "other" cue yields to a strong
   conversation cue there ("during a telephone conversation").  A meeting or
   call without a foreign counterpart is ``other`` (multilateral summits
   excepted).
2. *Participants*: the phrase after "with"/"between"/"from" (else after
   "met", "received", "called", "sent greetings to", ...), up to the first
   ordinary lower-case word, is cut at "and" and commas into one chunk per
   person; each chunk's country is the country it names ("of Canada",
   "Canadian", "UN") or the leaders table's country for a known name.
   Names not from the leaders table must have a person's name's shape
   (:func:`_clean_name`); an unnamed counterpart is None in
   ``counterparts``, aligned with its country.
3. *Host*: a known leader of the publisher's country in the subject, else a
   presidency's head of state at the date, else such a leader anywhere in the
   head, else the subject's leader, a titled name, or the holder of the office
   the subject names ("the Vice President").  ``host_country``: the
   publisher's country, else the host's.
4. Counterparts of the host's own country are dropped (compatriots).  For
   ``other`` documents the counterparts are the foreign addressees, if any
   ("Greetings to President of X").
5. *Initiator*: one compiled expression, run around its key words over the
   whole text, for phone and video only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple, Optional
from pathlib import Path
from urllib.parse import unquote, urlparse

import pandas as pd

from . import gazetteer as gz
from ._tables import checked_pattern, read_checked_table
from .announcements import announcement_rule, planned_date
from . import language_countries, language_cues, language_leaders
from .initiators import initiator_cues
from .language import ENGLISH, detect_language, explain_language
from .records import Record

__all__ = ["extract_metadata", "explain_metadata", "explain_furniture", "load_tables", "METADATA_KEYS", "MEDIA", "HEAD_CHARS", "STAGES", "Decision"]

METADATA_KEYS = (
    "publisher", "date", "date_inferred", "medium", "host", "host_country",
    "counterparts", "counterpart_countries", "initiator", "status", "planned_date", "language",
)
MEDIA = ("phone", "video", "in_person", "other")
#: How much of the text (after the title) is read for participants and medium.
HEAD_CHARS = 1500

I = re.IGNORECASE

# ------------------------------------------------------------------- cues
# strong cues: enough to override a title that announces something else
_STRONG = re.compile(
    r"\b(?:tele)?phone (?:call|conversation|talks)|\bspoke (?:by|on|over) (?:the )?(?:tele)?phone|\btelephoned?\b(?! (?:message|telegram))|\btelephonic(?:ally)?\b"
    r"|\bvideo ?(?:call|conferenc\w*|link)|\bvideoconferenc\w*", I)
#: A message (letter, congratulations) that a visiting official handed over in person ("the message ... as presented
#: this afternoon by the visiting Deputy Prime Minister"; "the visiting envoy arrived ... to convey a message"): the
#: title's "message" names the occasion of a meeting (rule ``title_other_delivered_in_person``). Read only where
#: the lead says "visiting".
_DELIVERED_IN_PERSON = re.compile(
    r"\b(?:presented|delivered|conveyed|handed over|brought)\b[^.\n]{0,60}?\bby (?:the )?visiting\b"
    r"|\bvisiting\b[^.\n]{0,120}?\b(?:arrived|came|travell?ed)\b[^.\n]{0,80}?\bto (?:convey|deliver|present|hand over)\b",
    I)
# "other": the document reports no conversation with a foreign counterpart
_WEAK_OTHER = re.compile(r"statements?|remarks|participated|took part", I)
# A meeting "of" the host's own bodies (Security Council, Government) is domestic;
# in titles it is the place where "other" rules: this catches the usual ones.
_DOMESTIC_EVENT = re.compile(
    r"^(?:working meeting|meeting (?:on|of)|expanded meeting|(?:state|security) council|meeting with (?:government|security council|permanent members|heads of|representatives|members|participants|students|veterans|graduates|winners|families|employees|workers|leaders of (?:the )?(?:state duma|parties|factions|regions)))",
    I,
)
# participants of a call that are plainly domestic
# an announcement of an event to come is not a report of a conversation
_FUTURE = re.compile(
    r"\bwill (?:attend|take part|participate|meet|hold|have|visit|travel|pay|receive|speak|talk|address|chair|join|make"
    r"|take place|be held)\b", I
)
_DOMESTIC_WORDS = re.compile(
    r"\b(?:working meeting|governors?|mayors?|mayors-elect|senators?|congress\w*|legislat\w*|region|territory|year-old|head of the republic"
    r"|patriarch|advocates?|experts?|ceos?|executives|families|students|veterans|workers|officials|members"
    r"|leaders of(?! the world| other| foreign| partner| member| the member| the g-?\d| g-?\d))\b",
    I,
)
_SUMMIT = re.compile(r"\b(?:summit|leaders'? meeting|heads of state|heads of government)\b", I)
_MULTILATERAL = re.compile(
    r"\b(?:G-?20|G-?7|G-?8|APEC|Asia-Pacific|Shanghai Cooperation|BRICS|SCO|CSTO|CIS|EAEU|Eurasian|ASEAN|NATO|EU|European Union|European Council|African Union|Union State"
    r"|Quad|Bucharest Nine|B9|Americas|East Asia|United Nations|UN|Commonwealth|OSCE|Arab League|GCC|Caspian|"
    r"Normandy|Central Asia|Mekong|Pacific Islands|FOCAC|CELAC)\b"
)
# a gathering of several states' leaders ("Meeting of the Supreme Eurasian Economic Council", "G20 Summit.
# Day Two", "President Xi meets with foreign dignitaries"): the participants may be named further down
_GATHERING = re.compile(
    r"\b(?:summit|leaders'? (?:virtual |video |online )?meeting|heads of (?:state|government)|Supreme Eurasian Economic Council"
    r"|meeting of the European Council|European Council meeting"
    r"|Collective Security Council|Heads of State Council)\b", I)
_FOREIGN_GUESTS = re.compile(r"\bforeign (?:dignitaries|guests|leaders|heads of state)\b", I)
# the only "other" cues of a title that still allow a gathering ("Putin took part in the G8 summit")
_JOINING = frozenset(("took part", "participated", "attended", "chaired"))
# a news conference names people it does not meet ("asked about his talks with ...")
_PRESS_EVENT = re.compile(r"\b(?:news|press) conference|\bjournalists\b|\bmedia\b", I)
# the host's own bodies, wherever the title names them ("At an enlarged meeting of the State Council Presidium")
_OWN_BODY = re.compile(r"\b(?:State Council|Security Council|Presidium|Government|Cabinet|State Duma)\b")
_JOINT = re.compile(r"\bjoint\b", I)
# a visit abroad, and what makes the title not its report ("ahead of his visit to", "invitation to visit")
_TRAVEL = re.compile(r"\b(?:visit|visits|trip|travel|travels|tour)(?:\s+abroad)?\s+to\s+(?:the\s+)?(?P<dest>[^;:.]{2,80})", I)
_NOT_THE_TRIP = re.compile(
    r"\b(?:ahead of|on the eve of|eve of|before|prior to|preparations? for|after|following|results of|invit\w*|while"
    r"|postpone\w*|cancel\w*|plans?|planned|upcoming|forthcoming|next|future|proposed|possible)\b", I)
# what two leaders do apart: write, send, congratulate
_CORRESPONDENCE = re.compile(
    r"\b(?:letters?|messages?|telegrams?|greetings?|congratulat\w*|condolences?|cables?|sent|wrote|interview\w*)\b", I)
#: Sentences of the text read for a gathering's participants (within HEAD_CHARS).
GATHERING_SENTENCES = 8

_FOREIGN_TITLE = re.compile(
    r"\b(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Amir|Sultan|Crown Prince|Foreign Minister|Taoiseach)\b"
)

# --------------------------------------------------------------- participants
def _word_expressions(words, tail: str = r"\b") -> tuple[re.Pattern, re.Pattern, tuple[str, ...]]:
    """One word list as three things kept in step: a case-insensitive expression, the same on lower-cased
    text (the boundary checked after the word: much faster to scan), and the prefilter keys (the words
    that contain no shorter word of the list: one of them is in any text either expression matches)."""
    ordered = sorted(dict.fromkeys(words), key=len, reverse=True)
    full = re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + ")" + tail, I)
    low = re.compile("(?:" + "|".join(f"{re.escape(w)}(?<!\\w{re.escape(w)})" for w in ordered) + ")" + tail)
    keys = tuple(w for w in ordered if not any(v != w and v in w for v in ordered))
    return full, low, keys


#: The words that introduce a participant phrase ("... conversation with", "talks between", "a call from").
ANCHOR_WORDS = ("with", "between", "from")
_ANCHOR, _ANCHOR_LOW, _ = _word_expressions(ANCHOR_WORDS)
_BETWEEN_AFTER = ("conversation ", "conversations ", "talks ", "meeting ", "call ")
#: "A telephone conversation took place (today) between A and B": a conversation's noun, a few words, then
#: "took place"/"was held" before "between" (rule ``took_place_between``, read only where "between" is).
_TOOK_PLACE_BETWEEN = re.compile(
    r"\b(?:conversations?|talks|meetings?|calls?|negotiations)\b[\w ,-]{0,40}?\b(?:took place|was held|were held)"
    r"(?: (?:today|yesterday|on \w+(?: \d{1,2})?))? $")
_FROM_NOT_AFTER = ("readout ", "statement ", "message ", "greetings ", "letter ")
#: Rule ``from_time``: a "from" that opens a time of day ("From 9:30 a.m. today ...", "from around 11:05",
#: "from noon") names no participant: the phrase is sought further on ("hear from 10 of the counselors" stays).
_FROM_TIME = re.compile(r" *(?:(?:around|about|approximately|roughly) )?(?:\d{1,2}[:.]\d{2}\b|\d{1,2} ?(?:a\.m\.|p\.m\.|am\b|"
                        r"pm\b|o['’]clock)|noon\b|midnight\b)")
# "spoke with", "speaks to", "talked with": a conversation whose medium the text does not name; an address's
# words drop the "with" ("/prime-minister-x-speaks-president-united-states"). Rule ``speaks_to_body``: one
# speaks *to* an assembly, not with it ("speaks to German Federal Government", "spoke to the nation"): no call.
#: "X spoke with Y", also with the day between ("spoke today with", "spoke on Sunday evening with", "spoke late
#: Tuesday to": rule ``spoke_with``).
_SPOKE_WITH = re.compile(r"\b(?:spoke|speaks|talked)(?: (?:today|tonight|yesterday|again|separately|earlier today|"
                         r"this (?:morning|afternoon|evening)|(?:on |late |early |earlier )?"
                         r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?: (?:morning|afternoon|evening|night))?))? "
                         r"(?:with|to)\b(?! (?:the )?(?:[\w-]+ ){0,3}?(?:government|"
                         r"parliament|bundestag|congress|assembly|senate|forum|conference|students|nation|press|media|"
                         r"reporters|journalists)\b)|\bSpeaks (?=(?:the )?(?:President|Prime|Premier|"
                         r"Chancellor|Taoiseach|King|Queen|Emir|Amir|Crown|Secretary|Sultan)\b)", I)
#: "X and Y spoke this evening." - both sides the subject of a bare "spoke", no "with" (rule ``spoke_both``): read
#: as "X spoke with Y" is (rule spoke_with).
_SPOKE_BOTH = re.compile(r"\band\b[^.;]{2,80}? (?:have |had )?spok(?:e|en)(?: (?:again|today|tonight|yesterday|earlier "
                         r"today|this (?:morning|afternoon|evening)|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))?"
                         r"(?=\s*[,.;]|\s*$|\s+(?-i:[A-Z]))", I)


def _spoke_both(c: "_Context", end: int) -> bool:
    """Rule ``spoke_both``: the lead says, before ``end``, that both sides "spoke" ("X and Y spoke this evening"), or
    the page's first sentence does where the lead starts after it (a first sentence without a cue)."""
    lead, first = c.lead, c.sents[0] if c.sents else ""
    return (lead.find("spok", 0, end) >= 0 and _SPOKE_BOTH.search(lead, 0, end) is not None) or (
        c.i > 0 and "spok" in first and _SPOKE_BOTH.search(first) is not None)


#: Words of the text's first cue that a meeting and a call share ("They discussed trade", "The leaders welcomed the
#: agreement"): under a title "X spoke with Y", or after a first sentence's own "X spoke to Y", they do not make the
#: conversation a meeting (rule spoke_with).
ANY_CONVERSATION_WORDS = ("discuss", "conversation", "engagement", "participation", "welcom")
#: Words of an address written in lower case that name a country in capitals ("-wraps-uk-visit").
_SLUG_CAPS = {"uk": "UK", "us": "US", "usa": "USA", "uae": "UAE", "eu": "EU", "un": "UN", "rok": "ROK"}
#: English words of which an address must hold one for the countries it names to count (rule url_slug_countries).
_SLUG_ENGLISH = frozenset("with of the and to for on at as meets speaks calls holds receives".split())
#: Short words of an address left in lower case (they are no name's part).
_SLUG_LOWER = frozenset("a an and as at by for from he her his in of on or over she the to via with".split())


_FILE_SUFFIX = re.compile(r"\.[A-Za-z]{2,5}$")  # ".html", ".php": no word of the title
#: Rule ``slug_hex_id``: a hexadecimal id in an address's segment (a UUID ``692ad020-c941-576c-aaa0-0ed02f4b73c7``,
#: a hash ``5f3e9a0c1b``: eight hex digits or more, a digit among them) is no word of a title ("ad020", "c941").
_SLUG_HEX_ID = re.compile(r"(?<![0-9a-z])(?=[a-f]*\d)[0-9a-f]{8,}(?:-[0-9a-f]{4,12})*(?![0-9a-z])")


@lru_cache(maxsize=1)
def _credit_regex() -> Optional[re.Pattern]:
    """The offices of the publishers table named in words ("kremlin", "downing street": an official's office by
    ``publisher_kinds.csv``, not an address, not a news agency) in a credit: "a <office> spokesperson said",
    "<office> spokesman Jan Roe said", "a spokeswoman for <office>", "a statement from / issued by the <office>",
    "according to the <office>", "office of / briefing by / attributable to the <office>" ("Daily Press Briefing by
    the Office of the Spokesperson for the Secretary-General"), or alone on a line of the head ("10 Downing Street")."""
    names = sorted(_credited_offices(), key=len, reverse=True)
    if not names:
        return None
    office = "(" + "|".join(re.escape(n) for n in names) + ")"
    return re.compile(rf"\b(?:(?:a|an|the) {office}(?:'s)? (?:spokes(?:person|man|woman)|statement|press "
                      rf"(?:office|service|secretary|release)|readout|source)|according to (?:a |an |the )?{office}"
                      rf"|(?:office of|briefing by|attributable to) the {office}"
                      rf"|{office} spokes(?:person|man|woman) (?=(?-i:[A-Z]))"
                      rf"|spokes(?:person|man|woman) for (?:the )?{office}"
                      rf"|(?:statement|press release|readout) (?:from|issued by) (?:the )?{office})\b"
                      rf"|^[ \t]*(?:\d{{1,3}} )?{office}[ \t]*$", I | re.M)


#: The kinds of ``publisher_kinds.csv`` whose offices a relayed readout's credit names (:func:`credited_source`).
CREDITED_KINDS = ("official", "pm_office", "presidency")
#: Characters of a relayed readout's head searched for a credit (:func:`credited_source`).
CREDIT_CHARS = 600


@lru_cache(maxsize=1)
def _credited_offices() -> dict:
    """The offices a relayed readout may credit, and their country: the fragments of the publishers table named in
    words (no address, five letters or more) whose kind is one of :data:`CREDITED_KINDS`. Shared by
    :func:`_credit_regex` and :func:`title_credit`."""
    return {frag: code for frag, code in gz._publisher_rows() if "." not in frag and len(frag) >= 5
            and any(gz.publisher_is(kind, frag, None) for kind in CREDITED_KINDS)}


#: Rule ``title_credit``: a news title that ends by crediting a government's office, after a colon ("Narendra
#: Modi, Donald Trump speak over phone: White House", "X and Y discuss Syria: Kremlin").
_TITLE_CREDIT = re.compile(r":[ \t]*(?:the[ \t]+)?(?P<office>[A-Za-z][\w .'-]{3,28}?)[ \t]*$", I)


def title_credit(title: Optional[str]) -> Optional[tuple[str, str]]:
    """The office a title credits after a colon (:data:`_TITLE_CREDIT`) and its country, as a relayed readout's
    source (rule ``title_credit``): ``"A, B speak over phone: White House"`` -> ``(": White House", "USA")``.

    Returns
    -------
    tuple of (str, str) or None
        The credit's words and the office's country code; None where the title ends with no known office
        (``publisher_kinds.csv`` kinds ``official``, ``pm_office``, ``presidency`` named in words).
    """
    if not title or ":" not in title:
        return None
    m = _TITLE_CREDIT.search(title)
    if m is None:
        return None
    code = _credited_offices().get(gz.fold(m["office"]).lower())
    return (m.group(0).strip(), code) if code else None


def source_line_credit(text: Optional[str]) -> Optional[tuple[str, str]]:
    """Rule ``source_line_credit``: a copy whose text opens with a line "Source: <office>" (a mirror's credit,
    "Source: President of Russia – The Kremlin – English") is that office's readout, whatever the copying site's
    country: ``"Source: The Kremlin"`` -> ``("Source: The Kremlin", "RUS")``.

    Returns
    -------
    tuple of (str, str) or None
        The credit line and the office's country code (the longest office of ``publisher_kinds.csv`` kinds
        ``official``, ``pm_office``, ``presidency`` named in words in the line); None where the text does not
        open with such a line.
    """
    line = (text or "").lstrip().split("\n", 1)[0][:200]
    if line[:7].lower() != "source:":
        return None
    folded = gz.fold(line).lower()
    found = [(frag, code) for frag, code in _credited_offices().items() if re.search(rf"\b{re.escape(frag)}\b", folded)]
    if not found:
        return None
    return line.strip(), max(found, key=lambda fc: len(fc[0]))[1]


def credited_source(text: Optional[str]) -> Optional[tuple[str, str]]:
    """The office a relayed readout's head credits, and its country: ``"A Downing Street spokesperson said:"``
    -> ``("A Downing Street spokesperson", "GBR")`` (offices named in words in ``gazetteer_publishers.csv``);
    else a line of the head that is only an issuing office (:func:`_office_line`); else a syndicated copy's
    credit line anywhere in the page, "British Prime Minister's Office published this content on ..."
    (:func:`_syndication_credit`).

    Returns
    -------
    tuple of (str, str) or None
        The credit's words and the office's country code; None where the first ``CREDIT_CHARS``
        characters credit no known office.
    """
    rx = _credit_regex()
    head = gz.fold((text or "")[:CREDIT_CHARS])
    m = rx.search(head) if rx is not None else None
    if m is None:
        return _office_line(head) or _syndication_credit(text)
    office = next(g for g in m.groups() if g).lower()
    code = next((code for frag, code in gz._publisher_rows() if frag == office), None)
    return (m.group(0), code) if code else None


#: Rule ``office_line``: a line of a relayed readout's head that is only an issuing office of a named country
#: ("Presidency of the Republic of Lebanon", "Office of the President of Ruritania", "Ministry of Foreign Affairs
#: of the Kingdom of Bahrain", "The Royal Court of Jordan"), as a release service prints the office it copies.
_OFFICE_LINE = re.compile(
    r"^[ \t]*(?:The )?(?:Presidency|Office of the (?:President|Prime Minister|Vice[ -]President)|Prime Minister['’]s"
    r" Office|President['’]s Office|Ministry of (?:Foreign|External) Affairs(?:,? and [A-Z][\w ]{0,40}?)?|Royal Court"
    r"|Amiri Diwan|Government) of (?P<place>[^\n]{3,60}?)[ \t]*$", re.M)
#: Words one of those lines holds, looked for first with ``str.find`` (cheaper than the expression).
_OFFICE_LINE_WORDS = ("Presiden", "Office of", "s Office", "Ministry of", "Royal Court", "Diwan", "Government of")


def _office_line(head: str) -> Optional[tuple[str, str]]:
    """The first line of ``head`` that is only an issuing office of a named country (:data:`_OFFICE_LINE`), and that
    country (rule ``office_line``); None where no line is one (an office of an unknown place, or a sentence)."""
    if not any(w in head for w in _OFFICE_LINE_WORDS):
        return None
    for m in _OFFICE_LINE.finditer(head):
        code = gz.country_code(m.group("place"))
        if code and code not in gz.ORG_CODES and gz.find_countries(m.group("place")):
            return m.group(0).strip(), code
    return None


#: Rule ``syndication_credit``: a release service's line naming the office whose release it copies, anywhere in
#: the page ("British Prime Minister's Office published this content on 11 January 2017 and is solely
#: responsible ..."): the office's words must name a country and an issuing office.
_SYNDICATION_CREDIT = re.compile(r"^[ \t]*(?P<who>[A-Z][^\n]{2,80}?) published this content on\b", re.M)
_ISSUING_OFFICE = re.compile(r"\b(?:Office|Presidency|Ministry|Government|Cabinet|Chancellery|Royal Court|Diwan)\b")


def _syndication_credit(text: Optional[str]) -> Optional[tuple[str, str]]:
    """The office and its country a syndicated copy's credit line names (:data:`_SYNDICATION_CREDIT`), where the
    head credits none; None where the page has no such line or its words name no country's issuing office."""
    if not text or "published this content" not in text:
        return None
    m = _SYNDICATION_CREDIT.search(text)
    if m is None or not _ISSUING_OFFICE.search(m["who"]):
        return None
    codes = [code for _, _, code in gz.find_countries(m["who"]) if code not in gz.ORG_CODES]
    return (m["who"], codes[0]) if len(set(codes)) == 1 else None


def slug_title(url: str) -> str:
    """The words of an address's last path segment that has at least four (the other path segments if it
    has not), capitalised as a title: the stand-in title of a page that has none.

    ``https://x.org/news/2017/05/12/president-kenyatta-meets-prince-william-as-he-wraps-uk-visit/``
    -> ``"President Kenyatta Meets Prince William as he Wraps UK Visit"``. Only ASCII words count (``g7`` is
    one: ``G7``); numbers and ids are dropped, hexadecimal ids too (rule ``slug_hex_id``:
    ``article_692ad020-c941-576c-aaa0-0ed02f4b73c7.html`` is one word, "article"); fewer than four words
    give ``""``.

    Returns
    -------
    str
        The stand-in title, or ``""``.
    """
    path = urlparse(url).path if "//" in url else url
    words: list[str] = []
    for segment in reversed([p for p in path.split("/") if p]):
        low = _FILE_SUFFIX.sub("", unquote(segment)).lower()
        if any(ch.isdigit() for ch in low):
            low = _SLUG_HEX_ID.sub(" ", low)
        words = re.findall(r"[a-z][a-z0-9]*", low)
        if len(words) >= 4:
            break
    if len(words) < 4:
        return ""
    return " ".join(_SLUG_CAPS.get(w) or (w if w in _SLUG_LOWER else w.upper() if w[-1].isdigit() else w.capitalize())
                    for w in words)


#: A word of a line in capitals, read for :func:`caps_title` (with an apostrophe and what follows: "ROE'S").
_CAPS_WORD = re.compile(r"[A-Z]+(?:'[A-Z]+)?")
#: Words a title in capitals keeps in lower case (but the first): those of an address, and prepositions a headline
#: has ("CALL BETWEEN ...").
_CAPS_LOWER = _SLUG_LOWER | frozenset(("between", "into", "during", "after", "amid", "against", "upon"))


def written_in_capitals(s: str) -> bool:
    """Whether ``s`` is written in capitals: no lower-case letter, and at least three words of two letters or
    more ("TELEPHONE CALL BETWEEN ..."; not "UN", not "NEW DELHI:")."""
    return s.upper() == s and len(_TWO_LETTERS.findall(s)) >= 3


_TWO_LETTERS = re.compile(r"[A-Z]{2,}")


@lru_cache(maxsize=1)
def _caps_codes() -> dict[str, str]:
    """Words a title in capitals keeps in capitals: the codes of :data:`_SLUG_CAPS` and every name of the
    gazetteer written in capitals ("NATO", "ASEAN", "OSCE", "DPRK"), but "WHO" (in a headline, also "who")."""
    codes = {k: v for k, v in gz.country_lookup().items() if k.isupper() and k.isalpha() and k != "WHO"}
    return {**{k.lower(): k for k in codes}, **_SLUG_CAPS}


def caps_title(s: str) -> str:
    """Rule ``caps_title``: a title or a line written in capitals, read in title case as the words of an address
    are (:func:`slug_title`): small words in lower case but the first, the country codes of ``_SLUG_CAPS`` in
    capitals ("TELEPHONE CALL BETWEEN FOREIGN MINISTER JAN ROE OF IRELAND AND THE UAE" -> "Telephone Call
    between Foreign Minister Jan Roe of Ireland and the UAE"), so that its cues, names and countries are
    read like any other. ``s`` unchanged where it is not in capitals (:func:`written_in_capitals`)."""
    if not written_in_capitals(s):
        return s
    first = True

    def word(m: re.Match) -> str:
        nonlocal first
        low = m.group(0).lower()
        base, tail = (low[:-2], "'s") if low.endswith("'s") else (low, "")
        out = _caps_codes().get(base) or (base if base in _CAPS_LOWER and not first else
                                        "'".join(part.capitalize() for part in base.split("'")))
        first = False
        return out + tail

    return _CAPS_WORD.sub(word, s)


#: Words of a conversation, which make a sentence worth reading for its participants.
CONVERSE_WORDS = ("spoke", "speaks", "talked", "conversation", "call")
_CONVERSE, _CONVERSE_LOW, _CONVERSE_KEYS = _word_expressions(CONVERSE_WORDS)
#: Verbs whose object is the participant ("met the President of X", "congratulated", "a message to").
VERB_ANCHOR_WORDS = (
    "met meets meet received receives receiving hosted hosts welcomed welcomes called calls phoned telephoned "
    "phones telephones rang dials dialled dialed "
    "congratulated thanked".split()
    + ["spoke to", "speaks to", "talked to", "talks to", "call to", "called on", "calls on"]
    + [f"{x} to" for x in "greetings message condolences condolence congratulations letter telegram wishes".split()]
    # rule audience_anchor: a royal court's "received in audience X", "granted an audience to X", "paid a courtesy
    # visit to X" (the phrase starts after the words, not at "in audience")
    + [f"{v} in audience" for v in "received receives receiving".split()]
    + ["audience to", "courtesy visit to", "courtesy visit on", "courtesy call on"]
)
_VERB_ANCHOR, _VERB_ANCHOR_LOW, _VERB_KEYS = _word_expressions(VERB_ANCHOR_WORDS, tail=r"\s")
# lower-case words allowed inside a participant phrase; any other ends it
_ALLOWED_LOWER = frozenset(
    """of the and de da do dos das du des del della di von van der den ter bin bint ibn al el ul ur y e la le
    a an to by from for delegation visiting newly-elected newly-appointed top including led headed
    president prime minister foreign affairs secretary general chancellor federal king queen emir amir sultan
    crown prince princess sheikh his her their majesty highness excellency holiness royal newly elected
    new appointed re-elected acting interim designate incoming outgoing deputy vice state councilor counsellor
    supreme leader chairman chairwoman chair head heads director managing national security adviser advisor
    counterpart counterparts external commission council high representative party leaders government
    governments republic kingdom mp mr mrs ms dr h.e. premier governor-general minister-president
    president-elect prime-minister lord lady sir shri smt honourable honorable hon. special envoy
    assistant defence defense finance trade member members politburo standing committee office central
    commander-in-chief first second executive senior spokesperson presidents diplomats ministers
    former future""".split()
)
#: "former" and "future" stay in the phrase (rule ``former_or_future``): "spoke with former US President X", "received
#: the future President of the European Council" name a counterpart out of office at the date (the phrase ended there).
#: "a team from the Commonwealth Secretariat", "the Mission of the IMF": a side's group named by its organisation or
#: country (rule ``org_team``: the word stays in the participant phrase only before "from"/"of", not in "the
#: security team including X").
_SIDE_GROUP_WORDS = frozenset(("team", "mission"))
_OF_OR_FROM = re.compile(r"\s+(?:of|from)\s")
_TITLE_WORDS = frozenset(
    """president vice prime minister ministers premier chancellor federal king queen emir amir sultan crown
    prince princess sheikh sheikha his her their majesty highness excellency holiness royal newly elected new
    appointed re-elected acting interim designate incoming outgoing deputy state councilor counsellor supreme
    leader leaders chairman chairwoman chair head heads director director-general managing national security
    adviser advisor counterpart counterparts foreign external affairs secretary secretary-general general
    commission council high representative party government governments republic kingdom federation
    commonwealth union mp mr mr. mrs mrs. ms ms. dr dr. h.e. he lord lady sir shri smt honourable honorable
    hon hon. senator sen. the of and a an to by from president-elect prime-minister governor-general special envoy assistant
    defence defense finance trade member politburo standing committee office central commander-in-chief first
    executive senior chief ayatollah pope grand duke emperor empress minister-president taoiseach
    excellencies members cabinet mayor governor speaker parliament senate assembly congress sovereign
    order side sides delegation leadership administration spokesperson principal coordinator ambassador
    administrator envoy counselor readout statement call calls meeting meetings conversation conversations
    talks participation engagement trip travel visit remarks presumptive president-elect white house
    presidents pm fm fms pms advisors advisers officials ambassadors greetings congratulations condolences message
    letter communist diplomatic ceo ceos heads-of-state leaders' colleagues summit talk conference
    videoconference teleconference""".split()
)
_HOST_TITLE = re.compile(
    r"\b(?:President|Minister|Premier|Chancellor|Secretary|Advis[oe]r|Director|Coordinator|Ambassador|Administrator"
    r"|Envoy|Counsel(?:l)?or|Spokesperson|Representative|Governor|King|Emir|Chair(?:man|woman)?|Chief)\b"
)
_NOT_A_NAME = re.compile(
    r"\b(?:Forum|Park|Citizens|Policy|Assistance|Council|Committee|Office|Department|Agency|Ministry|Group|Party"
    r"|Foundation|Association|Union|Summit|Games|Day|Week|House|Court|Bank|Fund|Service|Centre|Center|Institute)\b"
)
_EVENT_NOUN = frozenset("call calls meeting meetings conversation conversations talks participation engagement trip travel visit remarks statement".split())
_EVENT_VERB = frozenset(
    "meets met holds held has had speaks spoke talks talked receives received hosts hosted sends sent calls called "
    "visits visited attends attended delivers delivered congratulates congratulated".split()
)
#: Verbs a title-case headline capitalises ("Fiji's Leaders Unite: ...", "World Bank Group President Meets with
#: ..."): never a word of a person's name (rule ``headline_verb_not_name``), so "Unite" is no compatriot taking part.
_HEADLINE_VERBS = frozenset(
    "meet meets unite unites discuss discusses agree agrees hold holds sign signs pledge pledges vow vows urge urges "
    "hail hails welcome welcomes receive receives host hosts speak speaks review reviews explore explores "
    "reaffirm reaffirms strengthen strengthens boost boosts".split()
)
_NAME_PARTICLES = frozenset("bin bint ibn al el de da dos das du del della di von van der den ter y la le ul ur".split())
_ABBREV_END = re.compile(r"(?:^|\.)[A-Z]\.$|^(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Hon|Gen|Lt|Col|No|Messrs|H\.E)\.$")
_PARTICLE_NAME = re.compile(r"(?:(?:al|el|ul|ad|as|an|at|az|bin|ibn|de|di|da|van|von)-|[dl]')[A-Z]")
_WORD = re.compile(r"[^\s,;:()\[\]\"]+|[,;:()\[\]\"]")

# a sentence ends at . ! ? (not after an initial, even one opening the text: "S. Korea, ...", "U.S." or "Mr")
# before a capital, or at a line break
_SENT_SPLIT = re.compile(
    r"[.!?](?<![A-Z]\.[A-Z]\.)(?<!\s[A-Z]\.)(?<!^[A-Z]\.)(?<!\bMr\.)(?<!\bDr\.)(?<!\bJr\.)(?<!\bMs\.)(?<!\bSt\.)(?<!Mrs\.)"
    r"(?<!\bNo\.)(?<!Hon\.)(?<!\bGen\.)(?<!\bLt\.)(?<!\bCol\.)(?<!\bMaj\.)(?<!\.[A-Z]\.)\s+(?=[A-Z\"'(])|\n+"
)
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'-]{1,40},\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+\.?)(?:,?\s+\d{4})?\s*(?:\([^)]{1,30}\))?\s*(?:--|-)\s*"
)
#: A news dateline of a place in capitals ("SINGAPORE: ", "ATHENS - ", "NEW DELHI, INDIA: "): not the subject.
_CAPS_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}(?:,\s+[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2})?"
    r"\s*(?::|--|-|\u2013|\u2014)\s+(?=[A-Z\"'])"
)
#: A dateline of a place in title case before a leader's title ("London: Prime Minister X ...", "New Delhi: President
#: Y ..."; rule ``place_dateline``): not the subject. Only before a title word, so "Note: ..." stays.
_PLACE_DATELINE = re.compile(
    r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}:\s+(?=(?:The |H\.E\. )?(?:[A-Z][a-z]+ )?(?:Prime Minister|President|Premier|"
    r"Chancellor|King|Queen|Emir|Amir|Crown Prince|Sheikh|Foreign Minister|Secretary[- ]General|Taoiseach)\b)"
)
_SUBJECT_VP = re.compile(r"\bVice[- ]President\b")
_SUBJECT_PRESIDENT = re.compile(r"\b(?:President|[Pp]residents|Head of State|King|Emir|Amir|Sultan)\b")  # "Chinese, ROK presidents"
_SUBJECT_FM = re.compile(r"\b(?:FMs?|Foreign Ministers?|foreign ministers)\b")
_SUBJECT_PM = re.compile(r"\b(?:Prime Minister|PM|Premier|Chancellor|Head of Government|Taoiseach)\b")
# the author of a statement, an address, a speech: "Statement by the Prime Minister on ..."
_BY_OFFICE = re.compile(r"^[A-Z][\w' ]{0,40}? by (?:the )?(Prime Minister|PM|President|Vice President|Chancellor|Premier)\b")


def _fallback_date(record: Record):
    if record.date:
        try:
            return pd.Timestamp(record.date), False
        except (ValueError, TypeError):
            pass
    return pd.NaT, False


_dates_module = None  # diplo_analysis.dates, imported on first use (not on every call: faster)


def _resolve_date(record: Record, host: Optional[str] = None, host_country: Optional[str] = None,
                  language: Optional[str] = None):
    global _dates_module
    if _dates_module is None:
        try:
            from . import dates as _dates  # written by another module owner
        except ImportError:  # pragma: no cover - until dates.py lands
            return _fallback_date(record)
        _dates_module = _dates
    return _dates_module.resolve_date(record, host=host, host_country=host_country, language=language)


def _next_split(text: str, pos: int):
    """``_SENT_SPLIT.search(text, pos)``, tried only where a sentence can end (faster)."""
    find = text.find
    while True:
        i = -1
        for ch in ".\n!?":
            j = find(ch, pos) if i < 0 else find(ch, pos, i)
            if j >= 0:
                i = j
        if i < 0:
            return None
        m = _SENT_SPLIT.match(text, i)
        if m is not None:
            return m
        pos = i + 1


def _iter_sentences(text: str, title: str = ""):
    """Yield the sentences of ``text`` one by one (lazily: most readouts need two).

    Pieces shorter than 20 characters and breadcrumbs (``Home > ...``) are
    skipped, datelines are removed (an agency's "City, March 31 --" and a place in capitals,
    "SINGAPORE: ", "ATHENS - "), and a line repeating ``title`` is dropped, with a byline after it too
    ("<title> By Jane Roe - August 28, 2021": rule ``title_byline_line``).
    """
    skip = ()
    if title:
        skip = (title.rstrip("."), _DATELINE.sub("", title).rstrip("."))
    pos = 0
    n = len(text)
    while pos <= n:
        m = _next_split(text, pos)
        end = m.start() if m else n
        piece = text[pos:end].strip()
        pos = m.end() if m else n + 1
        if not piece or len(piece) < 20 or " > " in piece:
            continue
        if "-" in piece:  # a dateline ends with a hyphen: no hyphen, no dateline
            piece = _DATELINE.sub("", piece)
        if piece[:2].isupper():  # "SINGAPORE: Prime Minister X ...": a place in capitals opens the sentence
            piece = _CAPS_DATELINE.sub("", piece) if not written_in_capitals(piece) else caps_title(piece)
        elif piece.find(": ", 3, 32) > 0:  # "London: Prime Minister X ..." (rule place_dateline)
            piece = _PLACE_DATELINE.sub("", piece)
        if skip and (piece.rstrip(".") in skip or _title_with_byline(piece, skip)):
            continue
        yield piece


#: A byline after a repeated title: "<title> By Qatar Day - August 28, 2021" (rule ``title_byline_line``).
_BYLINE_TAIL = re.compile(r"\s+By\s+[A-Z][^.!?]{0,60}$")


def _title_with_byline(piece: str, skip: tuple) -> bool:
    """Rule ``title_byline_line``: a line that repeats the title and adds a byline ("<title> By Jane Roe -
    August 28, 2021") is the page's furniture, not its first sentence."""
    return any(t and piece.startswith(t) and _BYLINE_TAIL.match(piece, len(t)) for t in skip)


def _head(record: Record, text: str):
    """Return (folded title, lazy iterator over the folded head's sentences of ``text``).

    A news agency's dateline opening the title ("BEIJING, March 31 (Xinhua) --",
    where a page's first sentence stands as its title) is dropped, as it is
    from the sentences: it would otherwise stand as the subject.
    """
    title = gz.fold((record.title or "").strip())
    if not title and record.url:
        # the page's own first lines too: a headline that the furniture took for a news subheading
        # ("X to discuss Y during visit" over its paragraph) is still the page's headline (rule subheading_headline)
        title = _headline_line(text, record.url) or _headline_line(getattr(record, "page_text", None) or "", record.url)
    if not title and text:
        title = _first_line_headline(text)
    if ":" in title[:16]:
        title = _MEDIA_LABEL.sub("", title)
    if title[:2].isupper():
        title = caps_title(title)
    if "-" in title:
        title = _DATELINE.sub("", title)
    text = gz.fold((text or "")[:HEAD_CHARS])
    if "[" in title:
        title = _EDITORIAL.sub("", title)
    if "[" in text:
        text = _EDITORIAL.sub("", text)
    return title, _iter_sentences(text, title)


#: Lines of a page's text searched for a headline that its address spells (:func:`_headline_line`).
HEADLINE_LINES = 8
#: The longest line read as a headline, in characters.
HEADLINE_CHARS = 200
#: Share of the address's words (of three letters or more) that a line must hold to be the page's headline.
HEADLINE_SHARE = 0.8


def _headline_line(text: str, url: str) -> str:
    """The headline of a page without a title: the first of its first :data:`HEADLINE_LINES` lines that holds
    :data:`HEADLINE_SHARE` of the words of its address (:func:`slug_title`, at least four words of three letters
    or more) and does not end as a sentence ends (at most :data:`HEADLINE_CHARS` characters); ``""`` where none
    does. It then stands as the title, and its line is no sentence of the text
    (a scraped page whose title field is empty: ".../minister-x-meets-with-natos-secretary-general" over a
    line "Minister X meets with NATO's Secretary General")."""
    words = [w for w in slug_title(url).lower().split() if len(w) > 2]
    if len(words) < 4 or not text:
        return ""
    need = HEADLINE_SHARE * len(words)
    for line in text[:HEAD_CHARS].split("\n")[:HEADLINE_LINES]:
        line = line.strip()
        if not line or len(line) > HEADLINE_CHARS or line[-1] in ".!?":  # a sentence is no headline
            continue
        held = set(re.findall(r"[a-z0-9]+", gz.fold(line).replace("'", "").replace("’", "").lower()))
        if sum(w in held for w in words) >= need:
            return _after_breadcrumb(gz.fold(line))
    return ""


def _after_breadcrumb(line: str) -> str:
    """Rule ``breadcrumb_headline``: a headline line that a site's trail of sections opens ("Home > News > Korea >
    Top diplomats of ... hold phone talks") is the words after the trail's last mark (``>``, ``›``, ``»``)."""
    for mark in (" > ", " › ", " » "):
        if mark in line:
            line = line.rsplit(mark.strip(), 1)[1].strip()
    return line


def _first_line_headline(text: str) -> str:
    """Rule ``headline_first_line``: the headline of a page without a title whose address spells none: its text's
    first line, where that line is written in title case (most of its words of four letters or more capitalised),
    does not end as a sentence ends, holds at most :data:`HEADLINE_CHARS` characters and a blank line follows it
    ("FM Holds Talks with Egyptian Counterpart in Cairo" over "Cairo - Minister ... held talks ..."). It then
    stands as the title, and the readout's first sentence is the one after it; ``""`` where the line is not such."""
    head = text.lstrip()
    cut = head.find("\n\n", 0, HEADLINE_CHARS + 1)
    if cut < 0:
        return ""
    line = head[:cut].strip()
    if not line or "\n" in line or line[-1] in ".!?:;,":
        return ""
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return ""
    return gz.fold(line)


#: An editor's insertion in square brackets, in lower case ("[acting] Prime Minister"): read without it.
_EDITORIAL = re.compile(r" ?\[[a-z][a-z .'-]{0,24}\](?= )")
#: Rule ``media_label_title``: a label of the page's media or urgency before a headline's colon ("PHOTOS: President
#: X visits President Y", "JUST IN: ...", "WATCH: ...") is no part of the headline (it had stood as its subject).
_MEDIA_LABEL = re.compile(r"^(?:PHOTOS?|PICTURES|IN PICTURES|VIDEO|WATCH|LISTEN|JUST IN|BREAKING(?: NEWS)?|LIVE"
                          r"|UPDATED?|EXCLUSIVE)\s*:\s*(?=\S)", re.I)


def _facts_text(record: Record) -> str:
    """The text the facts are read from: the page without its furniture but for captions and datelines."""
    from .readers.furniture import facts_text

    return facts_text(record)


def _has(low: str, keys: tuple) -> bool:
    for k in keys:
        if k in low:
            return True
    return False


# ------------------------------------------------------------------- the cue table
#: Columns of the cue table (``data/cues.csv``; a user's cues: :class:`diplo_analysis.Knowledge`).
CUE_COLUMNS = ("medium", "pattern", "keys", "example", "expected")
#: Characters before a key word at which a cue's expression is tried, per medium (the cues of a medium
#: start at most this far before their key word: "via secure video", "the United States' courtesy call").
CUE_WINDOWS = {"video": 40, "phone": 40, "other": 5, "in_person": 12}


def read_cues(path) -> list[dict]:
    """Read and validate a cue table (``medium,pattern,keys,example,expected``).

    Each row is one cue: ``pattern`` a regular expression (matched ignoring
    case), ``keys`` the ``|``-separated lower-case words one of which every
    match contains, at a word's start (the prefilter looks for them first),
    ``example`` a sentence the cue must match, ``expected`` the medium
    :func:`_first_cue` must give that sentence (empty: the row's ``medium``).

    Raises
    ------
    ValueError
        Naming the file and the row, for a missing column, an unknown medium,
        a pattern that does not compile or does not match its example, a key
        that is not a lower-case word or is absent from the example's match.
    """
    return read_checked_table(path, CUE_COLUMNS, "cue", _valid_cue)


def _valid_cue(row: dict, where: str) -> dict:
    medium = (row.get("medium") or "").strip()
    if medium not in MEDIA:
        raise ValueError(f"{where}: medium {medium!r} is not one of {list(MEDIA)}")
    _, keys = checked_pattern(row["pattern"], row, where, I)
    expected = (row.get("expected") or "").strip() or medium
    if expected not in MEDIA:
        raise ValueError(f"{where}: expected {expected!r} is not one of {list(MEDIA)}")
    return {"medium": medium, "pattern": row["pattern"], "keys": keys, "example": row["example"],
            "expected": expected}


#: An inline flag group ("(?-i:...)", "(?s)"): a pattern with one has no lower-case twin.
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]*(?:-[imsx]+)?[:)]")


def _lower_twin(rx: re.Pattern) -> re.Pattern:
    """``rx`` (case-blind, no upper-case escape such as ``\\S``, no inline flags) as a case-exact expression
    for the lower-cased text of an ASCII string: the same matches at the same places, found faster."""
    if not rx.flags & I or re.search(r"\\[A-Z]", rx.pattern) or any(
            m.group(0) != "(?:" for m in _INLINE_FLAGS.finditer(rx.pattern)):
        raise ValueError(f"no lower-case twin for {rx.pattern!r}")
    return re.compile(rx.pattern.lower())


def _twin_or_none(rx: re.Pattern) -> Optional[re.Pattern]:
    """:func:`_lower_twin` of ``rx``, or None where it has none (or the lower-cased pattern does not compile,
    as a user's cue with groups named ``A`` and ``a`` would not)."""
    try:
        return _lower_twin(rx)
    except (ValueError, re.error):
        return None


def _build_cues(rows: list[dict]) -> None:
    """Build the cue expressions and their prefilter from the cue table's rows (in table order)."""
    global _VIDEO, _PHONE, _OTHER, _INPERSON, _KEYS_VIDEO, _KEYS_PHONE, _KEYS_CALL, _KEYS_OTHER, _KEYS_INPERSON
    global _KEY_GROUP, _KEY_RX_FAST, _CUE_RX, CUES
    CUES = tuple(rows)
    by = {m: [r for r in rows if r["medium"] == m] for m in ("video", "phone", "other", "in_person")}
    rx = {m: re.compile("|".join(r["pattern"] for r in rs) or r"(?!)", I) for m, rs in by.items()}
    keys = {m: tuple(dict.fromkeys(k for r in rs for k in r["keys"])) for m, rs in by.items()}
    _VIDEO, _PHONE, _OTHER, _INPERSON = rx["video"], rx["phone"], rx["other"], rx["in_person"]
    _KEYS_VIDEO, _KEYS_PHONE, _KEYS_OTHER, _KEYS_INPERSON = keys["video"], keys["phone"], keys["other"], keys["in_person"]
    _KEYS_CALL = _KEYS_VIDEO + _KEYS_PHONE
    # one pass of a trie-shaped expression finds every key word; the full cue expression then runs only
    # in a small window around each (much faster). A consumed non-letter instead of a look-behind lets the
    # regex engine skip ahead (the text is searched with one space in front; every key ends with a letter,
    # so the consumed character never belongs to the previous match)
    group: dict[str, str] = {}
    for m in ("video", "phone", "other", "in_person"):
        for k in keys[m]:
            group.setdefault(k, m)
    _KEY_GROUP = group
    _KEY_RX_FAST = re.compile(r"[^a-z](" + gz._trie_regex(sorted(group, key=len, reverse=True)) + ")")
    # each group's expression, its window before a key, and its lower-case twin for ASCII text (or None)
    _CUE_RX = {m: (rx[m], CUE_WINDOWS[m], _twin_or_none(rx[m])) for m in rx}
    _first_cue.cache_clear()




def _cue_matches(s: str) -> dict:
    """Return group -> first match of that group's cue expression in ``s``."""
    hits: dict[str, list[int]] = {}
    low = s.lower()
    for m in _KEY_RX_FAST.finditer(" " + low):
        hits.setdefault(_KEY_GROUP[m.group(1)], []).append(m.start())  # the consumed character: the key's position in s
    out = {}
    n = len(s)
    ascii_text = s.isascii()
    for group in ("video", "phone", "other", "in_person"):
        positions = hits.get(group)
        if not positions:
            continue
        rx, back, twin = _CUE_RX[group]
        for pos in positions:
            a, b = max(0, pos - back), min(n, pos + 80)
            if twin is not None and ascii_text:
                # found case-exact in the lower-cased text (faster), then matched in ``s`` where it starts
                m = twin.search(low, a, b)
                m = rx.match(s, m.start(), b) if m is not None else None
            else:
                m = rx.search(s, a, b)
            if m is not None:
                out[group] = m
                break
        if group in ("video", "phone") and group in out:
            break  # a call cue decides: the other groups are not needed
    return out


@lru_cache(maxsize=8192)
def _first_cue(s: str):
    """Return (medium, position) of the first cue in ``s`` by priority."""
    found = _cue_matches(s)
    m = found.get("video")
    if m:
        return "video", m.start()
    m = found.get("phone")
    if m:
        return "phone", m.start()
    o = found.get("other")
    p = found.get("in_person")
    if o and (not p or o.start() < p.start()):
        # a statement "on the meeting" is about the meeting
        if p and _WEAK_OTHER.fullmatch(o.group(0)):
            return "in_person", p.start()
        return "other", o.start()
    if p:
        return "in_person", p.start()
    return None, -1


#: The cue table in force (the package's ``data/cues.csv``, plus a user's rows where
#: :func:`diplo_analysis.knowledge.use` added some).
CUES: tuple = ()


@lru_cache(maxsize=1)
def _package_cues() -> tuple:
    return tuple(read_cues(gz._data_path("cues.csv")))


def rebuild_cues() -> None:
    """Build the cue expressions from the package's cue table and the user's rows in force."""
    from .knowledge import active

    _build_cues(list(_package_cues()) + list(active().cue_rows))


rebuild_cues()


# ------------------------------------------------------------ participant phrase
def _phrase_end(s: str, start: int) -> int:
    """End of the participant phrase that starts at ``start``."""
    end = start
    for m in _WORD.finditer(s, start):
        w = m.group(0)
        if (w[0].isupper() or w in _ALLOWED_LOWER) and w[-1] not in ".'":
            # the common case: a capitalised word or an allowed lower-case one
            end = m.end()
            if end - start > 300:
                return end
            continue
        if w in ";:()[]\"":
            return end
        if w == ",":
            end = m.end()
            continue
        core = w.strip("'")
        if core.endswith("'s"):
            core = core[:-2]
        stop_after = False
        if core.endswith(".") and not _ABBREV_END.search(core):
            core = core[:-1]
            stop_after = True
        if not core or core[:1].isdigit() or (
            core[:1].islower() and core.lower() not in _ALLOWED_LOWER and not _PARTICLE_NAME.match(core)
        ):
            if not (core in _SIDE_GROUP_WORDS and _OF_OR_FROM.match(s, m.end())):
                return end
        end = m.end() - (1 if stop_after else 0)
        if stop_after or end - start > 300:
            return end
    return end


def _phrase_of(s: str) -> str:
    """The participant phrase of ``s`` ("" when it has none)."""
    _, a, b = _participant_span(s) if s else (-1, -1, -1)
    return s[a:b] if a >= 0 else ""


def _skip_lower(s: str, pos: int, most: int = 4) -> int:
    """Position after the cue word at ``pos`` and up to ``most`` lower-case words."""
    m = re.compile(r"\S+\s*").match
    end = pos
    for _ in range(most):
        w = m(s, end)
        if w is None or (w.group(0)[:1].isupper() and end > pos):
            break
        end = w.end()
    return end




def _took_place_between(low: str, at: int) -> bool:
    """Whether "between" at ``at`` follows "a conversation ... took place" (rule ``took_place_between``):
    "A telephone conversation took place today between the heads of X and Y" names its sides after it."""
    return ("took place" in low or " held" in low) and bool(_TOOK_PLACE_BETWEEN.search(low, max(0, at - 90), at))


@lru_cache(maxsize=8192)
def _participant_span(s: str) -> tuple[int, int, int]:
    """Return (subject_end, phrase_start, phrase_end) in ``s``; -1s when none.

    The phrase starts after "with", "between" (after "conversation", "talks",
    ...) or "from" (not after "Readout", "Statement", ...; not before a time, rule
    ``from_time``: "From 9:30 a.m. today ..."), else after a verb such as "met",
    "received", "called" or "sent greetings to".
    """
    low = s.lower()
    for m in (_ANCHOR_LOW.finditer(low) if len(low) == len(s) else _ANCHOR.finditer(s)):
        word = low[m.start(): m.end()]
        before = low[max(0, m.start() - 15): m.start()]
        if word == "between" and not before.endswith(_BETWEEN_AFTER) and not _took_place_between(low, m.start()):
            continue
        if word == "from" and (before.endswith(_FROM_NOT_AFTER) or _FROM_TIME.match(low, m.end())):
            continue  # rule from_time: "From 9:30 a.m. today, X held talks with Y"
        if word == "with" and m.start() > 40 and _OTHER_CONTACT_WITH.search(low, m.start() - 60, m.start()) \
                and (_VERB_ANCHOR_LOW if len(low) == len(s) else _VERB_ANCHOR).search(low if len(low) == len(s) else s,
                                                                                   0, m.start()):
            continue  # rule other_contact_with: "X spoke to Y, following a separate call with Z"
        return m.start(), m.end(), _phrase_end(s, m.end())
    m = None
    if _has(low, _VERB_KEYS):
        m = _VERB_ANCHOR_LOW.search(low) if len(low) == len(s) else _VERB_ANCHOR.search(s)
    if m:
        urged = low.endswith(" on ", 0, m.end()) and _URGED.match(s, m.end())
        return m.start(), m.end(), m.end() if urged else _phrase_end(s, m.end())
    return -1, -1, -1


#: "..., following a separate phone call with Z": the "with" of another contact, not the sentence's own (rule
#: ``other_contact_with``), where a verb before it ("X spoke to Y", "met", "called") names the participant (not
#: "X said after the talks with Y", whose talks are the page's own).
_OTHER_CONTACT_WITH = re.compile(r"\b(?:following|after|ahead of|before) (?:a |an |the |his |her |their )?(?:[\w-]+ ){0,3}"
                                 r"(?:call|conversation|meeting|talks)\s*$")
#: "called on X to release ...": an appeal, not a courtesy call on X (rule ``called_on``: "X called on the Prime
#: Minister at his office" is a meeting, and the Prime Minister its participant).
_URGED = re.compile(r"[^.;]{0,80}?\bto (?!(?:the|his|her|its|their|a)\b)[a-z]")


def _person_name(chunk: str) -> Optional[str]:
    """The longest run of name words in ``chunk`` (titles and placeholders dropped).

    A run of initials alone is no name ("S" of "S Korea's Yoon" in a
    headline); the first longest run of real words wins.
    """
    runs: list[list[str]] = []
    run: list[str] = []
    for w in chunk.split():
        core = w.strip(",.'\"").removesuffix("'s")
        low = core.lower()
        if not core or core.startswith("\x00") or low in _TITLE_WORDS or low.rstrip(":!?") in _HEADLINE_VERBS:
            runs.append(run)
            run = []
        elif core[:1].isupper() or (run and low in _NAME_PARTICLES):
            run.append(core)
        else:
            runs.append(run)
            run = []
    runs.append(run)
    best: list[str] = []
    for run in runs:
        if len(run) > len(best) and any(len(w.rstrip(".")) > 1 for w in run):
            best = run
    while best and best[-1].lower() in _NAME_PARTICLES:
        best.pop()
    return " ".join(best) if best else None


_SPLIT_CHUNKS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*|\s*&\s*")
_MARK = re.compile(r"\x00(\d+)")
_SPACES = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")


def _personal(name: Optional[str]) -> bool:
    """A name that looks like a person's (two words or more), not "Turkey" or "Ambassadors"."""
    return bool(name) and len(name.split()) >= 2


@lru_cache(maxsize=16384)
def _phrase_chunks(phrase: str) -> tuple:
    """The date-free part of :func:`_parse_people` (cached: phrases repeat).

    Returns a tuple of chunks, one per person: ``("L", aliases, countries)``
    for known leaders (aliases of the leaders table, countries named in the
    chunk) or ``("P", name, country, desc)`` for others.
    """
    if not phrase.strip():
        return ()
    marks = [(a, b, "L", alias) for a, b, alias in gz.find_leader_aliases(phrase)]
    for a, b, code in gz.find_countries(phrase):
        if not any(a < mb and ma < b for ma, mb, *_ in marks):
            marks.append((a, b, "C", code))
    if not marks:
        name = _person_name(phrase)
        return (("P", name, None, None),) if name else ()
    marks.sort(key=lambda t: t[0])
    pieces, pos, table = [], 0, []
    for a, b, kind, value in marks:
        pieces.append(phrase[pos:a])
        pieces.append(f" \x00{len(table)} ")
        table.append((kind, value, phrase[a:b]))
        pos = b
    pieces.append(phrase[pos:])
    masked = "".join(pieces)
    out = []
    for chunk in _SPLIT_CHUNKS.split(masked):
        if not chunk.strip():
            continue
        ids = [int(t) for t in _MARK.findall(chunk)]
        aliases = tuple(table[i][1] for i in ids if table[i][0] == "L")
        countries = tuple(table[i][1] for i in ids if table[i][0] == "C")
        if aliases:
            out.append(("L", aliases, countries))
            continue
        name = _person_name(chunk)
        if countries:
            desc = _SPACES.sub(" ", _MARK.sub(lambda m: table[int(m.group(1))][2], chunk)).strip(" ,")
            desc = _LEADING_ARTICLE.sub("", desc)
            out.append(("P", name, countries[0], desc))
        elif name:
            out.append(("P", name, None, None))
    return tuple(out)


def _parse_people(phrase: str, date) -> list[dict]:
    """Split a phrase into people: name, country, named, known (in the leaders table)."""
    people: list[dict] = []
    for chunk in _phrase_chunks(phrase):
        if chunk[0] == "L":
            _, aliases, countries = chunk
            for alias in aliases:
                leader = gz.pick_leader(alias, date)
                country = leader.country
                if countries and len(aliases) == 1 and countries[0] != leader.country:
                    # an explicit country wins where the person has a term there
                    alt = gz.lookup_leader(leader.name, date, countries[0])
                    if alt is not None and alt.country == countries[0]:
                        country = alt.country
                people.append({"name": leader.name, "country": country, "named": True, "known": True})
            continue
        _, name, country, desc = chunk
        if country:
            people.append({"name": name, "country": country, "named": bool(name), "known": False, "desc": desc})
        else:
            people.append({"name": name, "country": None, "named": True, "known": False})
    if len(people) < 2:
        return people
    # apposition: "Name, Title of Country" and "Title of Country, Name" -> one person
    merged: list[dict] = []
    for p in people:
        if merged:
            q = merged[-1]
            if q["country"] is None and not q["known"] and p["country"] and not p["named"] and _personal(q["name"]):
                q["country"] = p["country"]
                continue
            if (not q["named"] and q["country"] and p["named"] and p["country"] in (None, q["country"])
                    and (p["known"] or _personal(p["name"]))):
                merged[-1] = dict(p, country=q["country"])
                continue
        merged.append(p)
    return merged


@lru_cache(maxsize=8192)
def _subject_split(s: str) -> tuple[str, str, int]:
    """For a string without a participant anchor: (text before the cue, subject, cue position)."""
    cue = _first_cue(s)[1]
    before = s[:cue] if cue >= 0 else s
    return before, before[: _phrase_end(before, 0)] or before, cue


#: An organisation's or country's abbreviation in brackets inside a name or an office: "the Chairperson of the
#: African Union (AU) Commission, X" reads as "the Chairperson of the African Union Commission, X" (rule
#: ``bracketed_abbreviation``, read only where the string has a bracket).
_BRACKETED_ABBREVIATION = re.compile(r" \([A-Z][A-Za-z]?[A-Z]{1,6}\)(?=[ ,.;:'])")


_WEEKDAY_WORD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH_WORD = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
               r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_DAY_MONTH = rf"(?:{_MONTH_WORD} \d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH_WORD})"
#: A date opening a sentence before its subject: "On Saturday, February 12, the Ministers of ... held" (rule
#: ``leading_date_phrase``: the subject is read after it).
_LEADING_DATE = re.compile(rf"On (?:{_WEEKDAY_WORD}(?:,? {_DAY_MONTH})?|{_DAY_MONTH})(?:,? \d{{4}})?,? (?=[A-Za-z])")


def _analyse(s: str, date, parts: bool = True):
    """Return (subject people, participants, subject text, had_anchor) of one string.

    With ``parts=False`` the participants are not parsed (None is returned in
    their place): the caller asks again only when it needs them. A bracketed abbreviation
    ("the African Union (AU) Commission") is dropped first (:data:`_BRACKETED_ABBREVIATION`), and so is a
    date opening the string before its subject ("On Saturday, February 12, ...": :data:`_LEADING_DATE`).
    """
    if not s:
        return [], [], "", False
    if " (" in s:
        s = _BRACKETED_ABBREVIATION.sub("", s)
    if s[:3] == "On ":
        s = _LEADING_DATE.sub("", s, count=1)
    subj_end, a, b = _participant_span(s)
    if a < 0:
        # "Putin and Xi held talks", "Xi, Trump talk": everyone is in the subject
        before, subject, cue = _subject_split(s)  # subject: up to the first verb
        if cue < 0:
            # no event in this string ("Dominican Day Diaspora Event"): only known leaders take part
            everyone = _parse_people(before, date)
            return everyone, [p for p in everyone if p["known"]], subject, False
        subj = _parse_people(subject, date)
        if not parts:
            return subj, None, subject, False
        everyone = _parse_people(before, date)
        if not any(p["country"] for p in everyone) and _first_cue(s)[0] in ("phone", "video"):
            # "During a telephone conversation Russian President X, French President Y and ... agreed"
            start = _skip_lower(s, cue)
            everyone = _parse_people(s[start:_phrase_end(s, start)], date)
        return subj, everyone, subject, False
    subject = s[:subj_end]
    return _parse_people(subject, date), (_parse_people(s[a:b], date) if parts else None), subject, True


def _participants(s: str, date) -> list:
    """``_analyse(s, date)[1]`` without parsing the subject's people (faster)."""
    if not s:
        return []
    _, a, b = _participant_span(s)
    if a >= 0:
        return _parse_people(s[a:b], date)
    before, _, cue = _subject_split(s)
    everyone = _parse_people(before, date)
    if cue < 0:
        return [p for p in everyone if p["known"]]
    if not any(p["country"] for p in everyone) and _first_cue(s)[0] in ("phone", "video"):
        start = _skip_lower(s, cue)
        everyone = _parse_people(s[start:_phrase_end(s, start)], date)
    return everyone


def _hyphen_pairs(s: str) -> list[tuple[str, str]]:
    """(name, code) of both sides of "Japan-Australia", "Russian-Chinese", "EU-China"."""
    found = gz.find_countries(s)
    out = []
    for (a1, b1, c1), (a2, b2, c2) in zip(found, found[1:]):
        if s[b1:a2] in ("-", " - "):
            out += [(s[a1:b1], c1), (s[a2:b2], c2)]
    return out


# capitalised words that are not parts of a person's name in this genre
_NAME_STOP = _TITLE_WORDS | frozenset(
    """labor labour europe asia africa america americas media group business secretariat justice people women
    letters letter credence credentials headquarters hq palace residence airport building buildings chancellery
    ministry embassy
    men youth free resolution military staff team policy relief civil war humanitarian economic information
    convention signing encouraging additional coordinating together allies chiefs neighborhood peninsula front
    bureau chamber journalist journalists magazine newspaper television radio politicians congressmen prominent
    parliamentary collective presidency great before after due in on at they we his its this that these those
    january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday news agency company corporation university school executives
    entrepreneurs countries regions observers society force times international revolutionary patriotic works
    global mobility department liaison channel tv background test relations""".split()
)
# office words that may stand before a name and are stripped ("Secretariat Jane Roe")
_NAME_STRIP = _TITLE_WORDS | frozenset(
    "secretariat bureau presidency department nsa rear admiral brigadier colonel commodore lieutenant marshal".split())
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)
_CODE_TOKEN = re.compile(r"[A-Z]{2,6}s?")
_ROMAN = re.compile(r"[IVX]+")


@lru_cache(maxsize=8192)
def _clean_name(name: Optional[str]) -> Optional[str]:
    """Return ``name`` if it has a person's name's shape, with office words stripped; else None.

    Leading and trailing office or common words are dropped ("Secretariat
    Jane Roe" -> "Jane Roe"); what is left must be capitalised tokens (name
    particles such as "bin", "al-", "von" allowed) with no office word,
    organisation word, all-capital code ("PM", "CHN", "BRICS"; Roman numerals
    allowed) or country name in it.  "Queen of", "president", "Labor",
    "Media Group" and "USA" give None.
    """
    if not name:
        return None
    toks = [t.strip(",.;:'\"") if not re.fullmatch(r"[A-Z]\.", t) else t for t in name.split()]
    toks = [t for t in toks if t]

    def strip(t: str, end: bool) -> bool:
        low = t.lower()
        return (low in _NAME_STRIP or (end and low in _DATE_WORDS) or (_CODE_TOKEN.fullmatch(t) and not _ROMAN.fullmatch(t))
                or not t[:1].isupper() and low not in _NAME_PARTICLES)

    while toks and strip(toks[0], False):
        toks.pop(0)
    while toks and (strip(toks[-1], True) or toks[-1].lower() in _NAME_PARTICLES):
        toks.pop()
    if not toks:
        return None
    for t in toks:
        low = t.lower()
        if low in _NAME_PARTICLES or _PARTICLE_NAME.match(t):
            continue
        if not t[:1].isupper() or low in _NAME_STOP or _NOT_A_NAME.search(t):
            return None
        if _CODE_TOKEN.fullmatch(t) and not _ROMAN.fullmatch(t):
            return None
    out = " ".join(toks)
    if gz.find_countries(out):
        return None
    return out


def _unknown_host(subject: str) -> Optional[str]:
    """A titled name in a subject ("Deputy National Security Advisor Jon Finer's").

    The capitalised words right after the last office title (at most two
    lower-case words in between, "Advisor for Cyber Anne Neuberger"), without
    event nouns ("Call", "Meeting"); two words kept (three with an initial).
    """
    if not subject:
        return None
    last = None
    for last in _HOST_TITLE.finditer(subject):
        pass
    if last is None:
        return None
    runs: list[list[str]] = [[]]
    direct = []  # per run: it follows the title with no other word between
    skipped = False
    for w in subject[last.end(): _phrase_end(subject, last.end())].split():
        core = w.strip(",.'\"").removesuffix("'s")
        if not core or core.lower() in _EVENT_NOUN or core.lower() in _EVENT_VERB:
            break  # "Ambassador Chen Xiaodong Meets with": title case puts the verb in capitals
        if core[:1].isupper() and core.lower() not in _TITLE_WORDS:
            if not runs[-1]:
                direct.append(not skipped)
            runs[-1].append(core)
        else:
            skipped = True
            if runs[-1]:
                runs.append([])
        if w.endswith("'s"):
            break
    words = [r for r in runs if r][-1] if any(runs) else []
    if len(words) < 2:
        return None
    # a long name ("President Nana Addo Dankwa Akufo-Addo") only right after the title; after
    # "Advisor for Cyber", "Ambassador to Mexico" the words before the last two are the office's
    if direct[-1] and len(words) <= 4:
        pass
    elif len(words) > 3 or (len(words) == 3 and not re.fullmatch(r"[A-Z]\.", words[1])):
        words = words[-2:]
    name = " ".join(words)
    if _NOT_A_NAME.search(name) or gz.find_countries(name):
        return None
    return _clean_name(name)


# ------------------------------------------------------------------- initiator
_CALL_WORD = re.compile(r"\b(?:(?:tele)?phone|calls?|conversation|conversations|videoconferenc\w*|video link|video call|"
                        r"(?:spoke|speaks|talked) (?:with|to))\b", I)
_SENT_END = re.compile(r"(?<![A-Z]\.[A-Z])(?<!\s[A-Z])(?<!\bMr)(?<!\bDr)(?<!\bMs)(?<!\bSt)(?<!\.[A-Z])[.!?](?:\s+|$)|\n")
_HOST_SIDE = re.compile(r"\b(?:our|this) side\b", I)
#: A sentence whose subject is the reported call in other words ("The discussion was held on Finland's initiative.",
#: "The talks took place at the request of ..."): about the call, though it has no word for a call.
_THE_DISCUSSION = re.compile(r"\s*The (?:discussion|talks?)\b", I)
#: A sentence whose subject is a pronoun for the call the sentence before reports ("Alexander Lukashenko had a
#: telephone conversation with ... . It was initiated by the Russian President."): about the call only after one.
_IT_WAS = re.compile(r"\s*It (?:was|had been) (?:initiated|requested|arranged|proposed|placed)\b", I)


#: Rule ``maker_before_other_party``: in "the call that was made by X today with his Iranian counterpart Y" the
#: words naming who made the call end where the other party's begin ("with", "to").
_OTHER_PARTY = re.compile(r"\s(?:with|to)\s")


def _side_of(who: str, host: Optional[str], host_country: Optional[str], date) -> str:
    other = _OTHER_PARTY.search(who) if " with " in who or " to " in who else None
    if other is not None and other.start() > 0:
        who = who[:other.start()]
    who = gz.fold(who)
    people = gz.find_leaders(who, date)
    if host and any(p.name == host for _, _, p in people):
        return "host"
    codes = [c for _, _, c in gz.find_countries(who)] or [p.country for _, _, p in people]
    if codes:
        return "host" if host_country and codes[0] == host_country else "counterpart"
    words = who.split()
    if host and words and host.split()[-1] in {w.strip(".,'") for w in words[-2:]}:
        # the host's surname ("Sharif's telephone call to Yunus", "thanked Sharif for the call", "made by
        # President Salih today")
        return "host"
    bare = _BARE_OFFICE.match(who.strip())
    if bare and host:
        # "at the Chancellor's initiative" on the Chancellor's site: the host's office named bare
        leader = gz.lookup_leader(host, date)
        if leader is not None and gz.office_of_title(bare.group(1)) == leader.office:
            return "host"
    return "host" if _HOST_SIDE.search(who) else "counterpart"


_MR_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][\w'-]+)\s*$")
#: Offices a country qualifies ("the Russian President", "Bahrain king", "the Omani Sultan"), in any case: a
#: headline writes them in lower case.
_OFFICE_WORDS = (r"(?i:President|Prime Minister|Premier|Chancellor|Foreign Minister|King|Emir|Amir|Sultan"
                 r"|Crown Prince|monarch|leader|side)")
_OFFICE_NEAR = re.compile(r"\s+" + _OFFICE_WORDS + r"\b")
_OFFICE_BEFORE = re.compile(_OFFICE_WORDS + r"\s+of\s+(?:the\s+)?$")
# "the Chancellor", "the President", "the Taoiseach" with nothing else
_BARE_OFFICE = re.compile(
    r"(?:the )?(?:Federal )?(President|Prime Minister|Chancellor|Premier|Taoiseach|Vice[- ]President|King|Queen"
    r"|Emir|Amir|Secretary[- ]General|Foreign Minister)\s*$", I)


def _init_matches(text: str):
    """Matches of the initiator cues (``data/initiator_cues.csv``, :mod:`diplo_analysis.initiators`) in
    ``text``, looked for only around their key words (fast on long texts), with their kind and the words
    naming the side (or None)."""
    cues = initiator_cues()
    low = text.lower()
    hits: dict = {}
    for k in cues.keys:
        for i in _find_all(low, k):
            hits.setdefault(i, []).append(k)
    done = -1
    for pos in sorted(hits):
        if pos <= done:
            continue
        # around a hit of one key, only the rows holding that key (cheaper than all rows' expression)
        rx = cues.by_key.get(hits[pos][0], cues.search) if len(hits[pos]) == 1 else cues.search
        m = rx.search(text, max(0, pos - 90), min(len(text), pos + 120))
        if m:
            done = m.end()
            yield (m, *cues.kind_at(text, m.start()))


def _find_all(low: str, key: str, start: int = 0):
    i = low.find(key, start)
    while i >= 0:
        yield i
        i = low.find(key, i + 1)


def _initiator(text: str, first: str, host: Optional[str], host_country: Optional[str], date,
               lead_at: int = 0, counterparts: tuple = ()) -> Optional[str]:
    """Who initiated or requested the call, where the text says so (else None); see :func:`_initiator_decision`."""
    found = _initiator_decision(text, first, host, host_country, date, lead_at, counterparts)
    return found[0] if found else None


def _initiator_decision(text: str, first: str, host: Optional[str], host_country: Optional[str], date,
                        lead_at: int = 0, counterparts: tuple = (), countries: tuple = ()) -> Optional[tuple[str, str, str]]:
    """``(initiator, rule, evidence)`` where the text says who initiated or requested the call, else None.

    ``first`` is the title and the first sentence; the sentence starts at ``lead_at``.
    ``counterparts``: their names, for a subject named by surname ("Mr Sharon called"); ``countries``: theirs, so
    that words naming a third country do not decide (:func:`_third_party`).
    Rules: ``at_request`` ("talks at the request", "received a call from"),
    ``on_their_initiative`` ("had a conversation with X on his initiative"),
    ``initiative_of`` ("at the initiative of the Russian side"), then the
    caller of "X telephoned Y" (:func:`_caller`).
    """
    for m, kind, who in _init_matches(text):
        w0 = max(0, m.start() - 400)
        a = w0
        for e in _SENT_END.finditer(text, w0, m.start()):
            a = e.end()
        e = _SENT_END.search(text, m.end(), m.end() + 400)
        b = e.start() if e else min(len(text), m.end() + 400)
        sentence = text[a:b]
        if not _CALL_WORD.search(sentence) and not _is_lead(sentence, first[lead_at:]) \
                and not _THE_DISCUSSION.match(sentence) and not _it_was_the_call(text, a, sentence):
            continue  # about something else than the call; the lead sentence reports the call (rule lead_sentence)
        if kind == "counterpart":
            return "counterpart", "at_request", m.group(0)
        if kind == "their_own":
            # "had a conversation with X on his initiative": X's initiative
            if re.search(r"\bwith\b", text[a: m.start()], I):
                return "counterpart", "on_their_initiative", m.group(0)
            continue
        words = _who_words(text, m.start(), who)
        if _third_party(words, host_country, countries, date):
            continue  # another country's call or request ("They discussed President Macron's call to Mr Putin")
        return _side_of(words, host, host_country, date), "initiative_of", m.group(0)
    return _caller_rule(first, lead_at, host, host_country, date, counterparts)


def _third_party(who: str, host_country: Optional[str], countries: tuple, date) -> bool:
    """Whether the words naming a side name only leaders of countries that are neither the host's nor a
    counterpart's, where both are known: a third party's call or request, which says nothing of this call.
    Leaders only: a country's adjective can be ambiguous ("the Congolese side" of the Republic of the Congo)."""
    if not countries or not host_country:
        return False
    codes = {p.country for _, _, p in gz.find_leaders(gz.fold(who), date)}
    return bool(codes) and not codes & {host_country, *countries}


def _who_words(text: str, start: int, who: str) -> str:
    """The words of a cue's placeholder that name a side, within one sentence: after the phrase ("initiated by the
    Finnish side. The ..."), the first sentence's; before it, at the match's start ("... of Bangladesh. Sharif's
    telephone call to"), the last sentence's."""
    ends = list(_SENT_END.finditer(who))
    if not ends:
        return who
    return who[ends[-1].end():] if text.startswith(who, start) else who[: ends[0].start()]


def _it_was_the_call(text: str, a: int, sentence: str) -> bool:
    """Whether ``sentence`` (at ``a`` in ``text``) says "It was initiated / requested by ..." right after a sentence
    that speaks of the call, so its pronoun stands for the call (:data:`_IT_WAS`)."""
    if not _IT_WAS.match(sentence):
        return False
    before = text[max(0, a - 300):a].rstrip()
    ends = [e.end() for e in _SENT_END.finditer(before) if e.end() < len(before)]
    previous = before[ends[-1] if ends else 0:]
    return bool(_CALL_WORD.search(previous)) and not _EARLIER_CALL.search(previous)


#: A sentence about an earlier call than the one reported ("They recalled their conversation in March").
_EARLIER_CALL = re.compile(r"\b(?:recall(?:ed|ing)?|previous|earlier|last (?:week|month|year)|ago)\b", I)


#: Sentences printed without a space between them ("... lasted 25 minutes from 6:50 p.m.Trump called Moon"): the
#: subject of "X telephoned Y" starts after the last such boundary.
_RUN_ON_SENTENCE = re.compile(r"(?<=[a-z])[.!?](?=[A-Z][a-z])")


def _caller_rule(first: str, lead_at: int, host: Optional[str], host_country: Optional[str], date,
                 counterparts: tuple) -> Optional[tuple[str, str, str]]:
    """Rule ``caller``: the side of the subject of "X telephoned Y" in ``first`` (a title and a sentence, the
    sentence from ``lead_at``), as ``(initiator, "caller", evidence)``, else None."""
    m = initiator_cues().find_caller(first)
    if m:
        # the subject of "X telephoned Y" in the text's sentence is that sentence's, not the title's before it
        subject = first[lead_at if m.start() >= lead_at else 0: m.start()]
        run_on = list(_RUN_ON_SENTENCE.finditer(subject))
        if run_on:
            subject = subject[run_on[-1].end():]
        side = _caller(subject, host, host_country, date, counterparts)
        if side:
            return side, "caller", f"{subject.strip()[-60:]} {m.group(0).strip()}"
    return None


def _is_lead(sentence: str, lead: str) -> bool:
    """Whether ``sentence`` is the readout's first sentence (``lead``), which reports the call even without a word
    for it ("The Prime Minister spoke with President X at Moldova's request")."""
    lead = lead.strip()
    return len(lead) > 20 and lead in sentence


def _caller(subject: str, host: Optional[str], host_country: Optional[str], date, counterparts: tuple) -> Optional[str]:
    """The side of the subject of "X telephoned Y" (``host``, ``counterpart`` or None)."""
    people = gz.find_leaders(subject, date)
    if host and any(p.name == host for _, _, p in people):
        return "host"
    bare = subject.split()
    if len(bare) == 1 and bare[0][:1].isupper():  # "Lee made telephone calls to ...": a name of one side
        if host and bare[0] in host.split():
            return "host"
        if any(c and bare[0] in c.split() for c in counterparts):
            return "counterpart"
    mr = _MR_SURNAME.search(subject)
    if mr and not people:  # "Mr Sharon called Mr Putin": the surname of one side
        if host and host.split()[-1] == mr.group(1):
            return "host"
        if any(c and c.split()[-1] == mr.group(1) for c in counterparts):
            return "counterpart"
    titled_name = (_titled_surname_side(subject, host, counterparts) or _lead_titled_surname_side(subject, host, counterparts)
                   if not people else None)
    if titled_name:
        return titled_name
    if people:  # the leader nearest the verb ("..., President of Kazakhstan Nursultan Nazarbayev telephoned")
        return "host" if host_country and people[-1][2].country == host_country else "counterpart"
    found = gz.find_countries(subject)
    # a country that qualifies an office ("The Russian President, now in Malaysia, telephoned ...")
    titled = [c for a, b, c in found if _OFFICE_NEAR.match(subject, b) or _OFFICE_BEFORE.search(subject, 0, a)]
    if titled:
        return "host" if host_country and titled[0] == host_country else "counterpart"
    if any(c != host_country for _, _, c in found):
        return "counterpart"
    if (host or host_country) and re.search(r"\b(?:President|Prime Minister|Premier|Chancellor|Vice President|Secretary|PM"
                                            r"|Taoiseach)\b", subject):
        return "host"  # an office of no foreign country: the host's, named or not ("Prime Minister N, a caretaker")
    return None


#: An office and a surname ending a subject ("President Kalan", "Prime Minister Roe"): the surname of one side.
_TITLED_SURNAME = re.compile(r"\b(?:President|Prime Minister|Premier|Chancellor|Taoiseach|King|Emir|Amir|Sultan"
                             r"|Secretary[- ]General|PM)\s+([A-Z][\w'-]+)\s*$")


def _titled_surname_side(subject: str, host: Optional[str], counterparts: tuple) -> Optional[str]:
    """The side of a subject written as an office and a surname ("President Kalan called to congratulate ..."),
    when the surname is the last word of the host's or of a counterpart's name, else None."""
    m = _TITLED_SURNAME.search(subject)
    if m is None:
        return None
    return _side_of_surname(m.group(1), host, counterparts)


def _side_of_surname(surname: str, host: Optional[str], counterparts: tuple) -> Optional[str]:
    """``"host"`` where ``surname`` is the last word of the host's name, ``"counterpart"`` where it is a
    counterpart's, else None."""
    if host and host.split()[-1] == surname:
        return "host"
    if any(c and c.split()[-1] == surname for c in counterparts):
        return "counterpart"
    return None


#: Rule ``caller`` (``_lead_titled_surname_side``): an office and a surname opening a subject ("Prime Minister Roe
#: thanked the President for accepting his request, saying he called ...": the clause's subject made the call).
_LEAD_TITLED_SURNAME = re.compile(r"^\s*(?:The )?(?:President|Prime Minister|Premier|Chancellor|Taoiseach|King|Emir"
                                  r"|Amir|Sultan|Secretary[- ]General|PM)\s+([A-Z][\w'-]+)\b")


def _lead_titled_surname_side(subject: str, host: Optional[str], counterparts: tuple) -> Optional[str]:
    """The side of a subject that opens with an office and a surname ("Prime Minister Roe thanked ..., saying he
    called"), when the surname is the last word of the host's or of a counterpart's name, else None."""
    m = _LEAD_TITLED_SURNAME.match(subject)
    if m is None:
        return None
    return _side_of_surname(m.group(1), host, counterparts)


@lru_cache(maxsize=512)
def _publisher_code(publisher, url, site):
    return gz.publisher_country(publisher, url, site)


@lru_cache(maxsize=512)
def _is_presidency(publisher, url) -> bool:
    """A head of state's site (``publisher_kinds.csv``: kremlin, elysee, "Office of the President of ...")."""
    return gz.publisher_is("presidency", publisher, url)


@lru_cache(maxsize=512)
def _is_pm_office(publisher, url) -> bool:
    """A head of government's site (``publisher_kinds.csv``: kantei, Downing Street, "Prime Minister")."""
    return gz.publisher_is("pm_office", publisher, url)


# a title that names a meeting: a call mentioned in the text does not override it
_MEETING_TITLE = re.compile(r"\b(?:meeting|meetings|met|meets|meet|(?:courtesy|farewell|introductory) calls?)\b", I)
#: A first sentence whose subject held the call it reports ("had a telephone conversation with", "held a video call
#: with"): the call, not a "meets with" title, is the medium (rule held_call_over_meeting_title).
_HELD_CALL = re.compile(r"\b(?:had|held|holds|has|conducted)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:(?:tele)?phone|video)[ -]?(?:conversation|call|talks?|conference)\s+with\b", I)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "the December 7 videoconference", "their April 2, 2024, telephone call", "the previous video call":
# a cue naming another, earlier contact
#: "X on October 3 held phone talks": a verb after the date says that the call is this one, not an earlier
#: one (rule ``date_then_held_call``: :data:`_BACKREF` does not take such a date for "their October 3 call").
_NOT_HELD = r"(?!(?:held|had|holds|has|made|makes|conducted|conducts|spoke|speaks)\s)"
_BACKREF = re.compile(
    r"(?:\b(?:previous|prior|earlier|last|recent|latest|[Ss]ince|[Ff]ollow(?:s|ed|ing)(?: up on)?|reached (?:at|during|in))"
    r"|\b(?:" + _MONTHS + r")\.? \d{1,2}(?:, \d{4},?)?)\s+(?:(?:the|their|a|an)\s+)?(?:" + _NOT_HELD + r"\w+\s+)?$"
)


#: Rule ``lede_recent_call``: a sentence that opens "In a recent phone conversation, X and Y ..." reports this
#: contact (a news lede), not an earlier one as "their recent call" does.
_LEDE_RECENT = re.compile(r"(?:\A|[.!?]\s+|\n)\s*(?:In|During) (?:a|their|the) (?:recent|latest) \Z")


def _about_this(text: str, group: str) -> bool:
    """Whether the first ``group`` cue in ``text`` reports this contact, not an earlier one (rule
    ``lede_recent_call``: a sentence's opening "In a recent phone conversation," is this one)."""
    rx = _VIDEO if group == "video" else _PHONE
    for m in rx.finditer(text):
        if not _BACKREF.search(text, max(0, m.start() - 40), m.start()) \
                or _LEDE_RECENT.search(text[:m.start()]):
            return True
    return False


#: Glyphs that open a news site's highlights ("• The two also discussed ..."): a summary of the story, not its lead.
HIGHLIGHT_BULLETS = frozenset("•●▪◦■►‣")


#: A news lede whose first word is printed in capitals, a possessive: "IRELAND'S newly appointed Foreign Minister".
_LEDE_CAPITALS = re.compile(r"(?P<w>[A-Z][A-Z\-]{2,})(?P<s>['’]S)\b(?= [A-Z]?[a-z])")


def _lede_in_capitals(sentence: str) -> str:
    """Rule ``lede_in_capitals``: the first word of a news lede printed in capitals as a possessive
    ("IRELAND'S newly appointed Foreign Minister ...") is read as it would be written ("Ireland's"), so that
    the country it names is the subject's. An acronym's possessive is not in capitals ("NATO's")."""
    m = _LEDE_CAPITALS.match(sentence)
    if m is None:
        return sentence
    return f"{m['w'].title()}{m['s'][0]}s{sentence[m.end():]}"


#: A photo's caption ("X speaks by phone with Y on Feb. 12, 2021, in this photo released by his office", "in this
#: file photo"): no readout's first sentence (rule ``caption_not_lead``).
_THIS_PHOTO = re.compile(r"\bin this (?:file )?photo\b|\(photo not for sale\)")
#: A relay's line that introduces the statement below it and ends with a colon ("The US Department of State released
#: the following statement:", "As stated by Spokesperson Jane Roe:"): no readout's first sentence (rule
#: ``preamble_not_lead``; its "statement" is the release's word, not a medium).
_PREAMBLE = re.compile(r"\b(?:following|below|as stated by|attributable to)\b")


def _preamble(s: str, low: str) -> bool:
    """Rule ``preamble_not_lead``: ``s`` ends with a colon and introduces what follows (a ``str`` test first)."""
    return s.endswith(":") and len(s) < 160 and _PREAMBLE.search(low) is not None


def _choose_first(it) -> tuple[list[str], int]:
    """Read sentences from ``it`` up to the first with a cue (of the first six), and one more.

    A sentence that opens with a bullet (:data:`HIGHLIGHT_BULLETS`) is a highlight above the story, and one that
    is a photo's caption ("... in this photo released by his office", rule ``caption_not_lead``) is none of the
    story's, nor is a relay's preamble ending with a colon (rule ``preamble_not_lead``): none is ever the chosen
    one. Returns (the sentences read, index of the chosen one); index 0 when none of the first
    six has a cue.
    """
    sents: list[str] = []
    chosen = None
    for s in it:
        sents.append(s)
        if chosen is not None:
            break
        low = s.lower()
        if s[:1] in HIGHLIGHT_BULLETS or ("photo" in low and _THIS_PHOTO.search(low)) or _preamble(s, low):
            # a highlight above the story, a photo's caption (rule caption_not_lead) or a relay's preamble
            # (rule preamble_not_lead)
            if len(sents) >= 6:
                break
            continue
        if len(low) == len(s):  # the prefilter's keys first: most sentences hold none
            conversing = _has(low, _CONVERSE_KEYS) and _CONVERSE_LOW.search(low)
        else:
            conversing = _CONVERSE.search(s)
        if conversing or _first_cue(s)[0] is not None:
            chosen = len(sents) - 1
        elif len(sents) >= 6:
            chosen = 0
            break
    return sents, chosen or 0


_GATHERING_LOW, _FOREIGN_GUESTS_LOW = _lower_twin(_GATHERING), _lower_twin(_FOREIGN_GUESTS)


def _is_gathering(title: str, head: str) -> bool:
    """Whether ``title`` (``head``: title and first sentence) reports a gathering of several states' leaders."""
    if title.isascii():
        low = title.lower()
        if "foreign" in low and _FOREIGN_GUESTS_LOW.search(low):  # every match holds "foreign"
            return True
    elif _FOREIGN_GUESTS.search(title):
        return True
    if head.isascii():
        found = _GATHERING_LOW.search(head.lower())
    else:
        found = _GATHERING.search(head)
    return bool(found and _MULTILATERAL.search(head))


def _gathered(sents: list, more, date, host: Optional[str], host_country: Optional[str],
              truncated: bool = False) -> list:
    """The foreign participants named in the first sentences of a gathering's text: (name, country) dicts.

    ``sents`` are the sentences read so far and ``more`` the iterator of the
    rest; at most :data:`GATHERING_SENTENCES` are read (a last sentence cut by
    the head's end, where ``truncated``, is not). Each sentence gives its known
    leaders ("When meeting with Filipe Nyusi") and its titled participants
    whose full name is given ("Prime Minister of Norway Erna Solberg"). One
    person per country, in order of mention.
    """
    pool = list(sents)
    exhausted = True
    for s in more:
        pool.append(s)
        if len(pool) >= GATHERING_SENTENCES:
            exhausted = False
            break
    if truncated and exhausted and pool:
        pool.pop()  # the head's last sentence may end inside a name
    out, seen = [], set()
    for s in pool[:GATHERING_SENTENCES]:
        found = [(a, L.name, L.country) for a, _, L in gz.find_leaders(s, date)]
        known = {name for _, name, _ in found}
        found.sort(key=lambda f: f[0])
        titled = [(p["name"], p["country"]) for p in _participants(s, date)
                  if p["named"] and p["country"] and not p["known"] and p["country"] not in gz.ORG_CODES
                  and _personal(_clean_name(p["name"])) and p["name"] not in known]
        for _, name, country in found:
            if country not in seen and country != host_country and name != host:
                seen.add(country)
                out.append({"name": name, "country": country})
        for name, country in titled:
            if country not in seen and country != host_country:
                seen.add(country)
                out.append({"name": _clean_name(name), "country": country})
    return out


# ---------------------------------------------------------------- the author of a statement
#: "Statement by President Jane Roe on ...", "Statement of the President on the Summit and Call with ...",
#: "Statement delivered by President Jane Roe on ...": the author of a statement about a conversation took part in it.
_AUTHORED = re.compile(
    r"^\s*(?:Joint )?(?:Statement|Remarks|Message)s? (?:(?:delivered|made|given|issued) )?(?:by|of|from) "
    r"(?P<author>[^,;:]{2,60}?) on\b")
#: The author speaking in the first person: "I just spoke with Prime Minister Doe", "Today, I met ...".
_FIRST_PERSON = re.compile(
    r"(?:^|[.!?]\s+|,\s*)(?:(?:Today|Tonight|Earlier today|This (?:morning|afternoon|evening)),?\s+)?"
    r"I (?:just |also |have |had |again )?(?:spoke|spoken|met|called|talked|received|hosted|welcomed)\b")

def _author_host(title: str, first: str, pub_country: Optional[str], date, publisher, url):
    """Rule ``author``: the named or titled author of a statement is its host.

    "Statement by President Jane Roe on Phone Call with Prime Minister John
    Doe" -> Jane Roe (a known leader of the publisher's country, or of any
    country where the publisher's is unknown); "Statement of the President on
    ..." or a text in the first person ("I just spoke with ...") on a
    government's site -> the holder of the author's office on that date.
    Called only where no host of the publisher's country was found otherwise
    (a statement by the Secretary of State on the President's call keeps the
    President).  Returns ``(host, host_country)`` or None when the rule does
    not apply.
    """
    m = _AUTHORED.search(title) if title else None
    author = m.group("author") if m else ""
    if author:
        for _, _, leader in gz.find_leaders(author, date):
            if pub_country is None or leader.country == pub_country:
                return leader.name, leader.country
        office = gz.office_of_title(re.sub(r"^the\s+", "", author.strip(), flags=I))
        if office and pub_country:
            holder = gz.office_holder(pub_country, office, date)
            if holder:
                return holder, pub_country
        if not _FIRST_PERSON.search(first or ""):
            return None
    elif not (first and _FIRST_PERSON.search(first)):
        return None
    if not pub_country:
        return None
    office = "head_of_government" if _is_pm_office(publisher, url) else "head_of_state"
    holder = gz.office_holder(pub_country, office, date)
    return (holder, pub_country) if holder else None


def _without_host(counterparts: list, countries: list, host: str, host_country: str) -> tuple[list, list]:
    """Drop the new host (and unnamed participants of the host's country) from the counterparts."""
    keep = [(p, c) for p, c in zip(counterparts, countries) if c != host_country and p != host]
    return [p for p, _ in keep], [c for _, c in keep]


def _status(title: str, first: str, medium: str, countries: list, date) -> tuple[Optional[str], object]:
    """``status`` and ``planned_date`` (see :mod:`diplo_analysis.announcements`)."""
    ann = announcement_rule(title, first) if countries else None
    if ann is not None:
        return "announced", planned_date(ann.sentence, date)
    return ("held" if medium != "other" else None), pd.NaT


def load_tables() -> None:
    """Build the tables and expressions :func:`extract_metadata` uses, if not built yet.

    They are built on first use anyway; :func:`diplo_analysis.load_readouts`
    calls this before it starts worker processes, which then inherit them
    instead of each building its own.
    """
    gz.country_lookup()
    gz._country_regex()
    gz._country_split()
    gz._leader_index()
    gz._leader_split()
    gz._given_names()
    gz._publisher_rows()
    gz._cctld()
    from . import dates

    dates._mfa_anchors()
    dates._tenures()
    initiator_cues()
    from .language import load_model

    load_model()


# ------------------------------------------------------------------ the pipeline
class Decision(NamedTuple):
    """One rule's decision on one fact: what :func:`explain_metadata` shows."""

    fact: str
    value: object
    rule: str
    evidence: str


def _words_at(s: str, pos: int, n: int = 4) -> str:
    """The ``n`` words of ``s`` from ``pos`` (the evidence of a cue)."""
    return " ".join(s[pos:pos + 12 * n].split()[:n]) if s and pos >= 0 else ""


class _Context:
    """What one readout's rules read and decide, built once per readout.

    The facts (``medium``, ``host``, ...) are attributes; :meth:`decide` sets
    one and records the :class:`Decision` in ``trace``, so that the last
    decision of each fact is the one that stands.
    """

    __slots__ = (
        "record", "publisher", "pub_country", "date", "inferred", "title", "sent_iter", "sents", "i", "first",
        "lead", "low_lead", "t_med", "medium", "spoke", "t_subj", "t_part", "t_subject", "t_anchor", "f_subj",
        "f_part", "f_subject", "host", "host_country", "people", "phrase_people", "phrase_text", "own_people",
        "counterparts", "countries", "announced", "gathering", "press", "head", "status", "planned_date",
        "initiator", "trace", "date_host", "text", "language", "slug", "credited", "people_rule",
    )

    def __init__(self, record: Record) -> None:
        self.record = record
        self.language = detect_language(record.title, record.text)
        meta = record.meta or {}
        publisher = record.publisher or meta.get("site") or None
        if not publisher and record.url:
            publisher = urlparse(record.url).hostname or None
        self.publisher = publisher
        url_host = record.url.split("/")[2] if record.url and record.url.count("/") >= 2 else record.url
        self.pub_country = _publisher_code(record.publisher, url_host, meta.get("site"))
        # a relayed readout: an unknown publisher whose head credits an office ("A Downing Street spokesperson
        # said:", "according to a Kremlin statement") is read as that office's (rule credited_source)
        self.credited = None if self.pub_country else credited_source(record.text)
        if record.title and ":" in record.title:  # rule title_credit: "...: White House" names whose readout it is
            credit = title_credit(record.title)
            if credit is not None and credit[1] != self.pub_country:
                self.credited = credit
        page = record.page_text or record.text  # a "Source:" line is furniture: read on the page as read
        if page and page.lstrip()[:7].lower() == "source:":  # rule source_line_credit
            credit = source_line_credit(page)
            if credit is not None and credit[1] != self.pub_country:
                self.credited = credit
        if self.credited:
            self.pub_country = self.credited[1]
        self.date, self.inferred = _resolve_date(record, None, self.pub_country, self.language)
        self.date_host = (None, self.pub_country)  # the host arguments the date was resolved with
        # the facts are read from the text with the page's captions and datelines, without its other furniture
        self.text = _facts_text(record) if record.furniture else record.text
        self.title, self.sent_iter = _head(record, self.text)
        # a page without a title, or not in English: the words of its address stand for the title's cues and
        # sides (an address is often written in English words when the page is not)
        self.slug = slug_title(record.url) if record.url and (not self.title or self.language != ENGLISH) else ""
        self.announced = bool(self.title) and "will" in self.title.lower() and bool(_FUTURE.search(self.title))
        self.sents, self.i = _choose_first(self.sent_iter)
        if self.sents and self.sents[self.i][1:2].isupper():
            self.sents[self.i] = _lede_in_capitals(self.sents[self.i])
        self.first = self.sents[self.i] if self.sents else ""
        self.lead = " ".join(self.sents[self.i: self.i + 2])
        self.low_lead = self.lead.lower()
        self.t_med, self.medium, self.spoke = None, "other", False
        self.f_part = None
        self.host = self.host_country = None
        self.counterparts, self.countries = [], []
        self.own_people = self.gathering = self.press = False
        self.people_rule = "participants"
        self.status, self.planned_date, self.initiator = None, pd.NaT, None
        self.trace: list[Decision] = []

    def decide(self, fact: str, value, rule: str, evidence: str = "") -> None:
        setattr(self, fact, value)
        self.trace.append(Decision(fact, value, rule, evidence))

    def first_parts(self) -> list:
        """The first sentence's participants, parsed only when asked (the title often settles them)."""
        if self.f_part is None:
            self.f_part = _participants(self.first, self.date)
        return self.f_part

    def foreign(self, ps: list) -> list:
        """The people of ``ps`` of another country than the host's (and not the host)."""
        return [p for p in ps if p["country"] and p["country"] != self.host_country
                and not (self.host and p["name"] == self.host)]

    def result(self) -> dict:
        return {
            "publisher": self.publisher, "date": self.date, "date_inferred": bool(self.inferred),
            "medium": self.medium, "host": self.host, "host_country": self.host_country,
            "counterparts": self.counterparts, "counterpart_countries": self.countries,
            "initiator": self.initiator, "status": self.status, "planned_date": self.planned_date,
            "language": self.language,
        }


# ---- medium: the cues of the title and the first sentences
def _medium_from_cues(c: _Context) -> None:
    """Rules ``title_cue``, ``title_call_made_video``, ``title_other_strong_text_cue``, ``title_other_later_call``
    (:func:`_title_other_later_call`),
    ``title_other_delivered_in_person`` (a message a visiting official handed over: a meeting),
    ``meeting_title_over_text_call``, ``held_call_over_meeting_title``, ``statement_title_lead_met`` (a "Statement from
    X and Y" whose first sentence says they met: :func:`_statement_title_met`), ``text_cue``, ``lede_recent_call`` (a lede
    "In a recent phone conversation, X and Y ..." reports this call), ``text_call_of_another_contact``, ``no_cue``.

    The title's cue decides ("Telephone conversation with ..." -> phone);
    a generic "Call" in the title is refined by "video call" in the text; a
    title of another kind ("Statement on ...") yields to a strong call cue of
    the text ("spoke by telephone"); a "Meeting with" title wins over a call
    the text only mentions ("follows their April telephone call"), not over one that the first sentence says its
    subject held ("had a telephone conversation with": a house style that titles its calls "meets with"). A page
    without a title takes the line its address spells as its headline (:func:`_headline_line`), else reads the
    words of its address (:func:`slug_title`; the rules are then named ``url_slug_title_cue`` and so on).
    """
    title, lead, low_lead = c.title or c.slug, c.lead, c.low_lead
    c.t_med, t_pos = _first_cue(title) if title else (None, -1)
    t_med = c.t_med
    if t_med == "video":
        c.decide("medium", "video", "title_cue", _words_at(title, t_pos))
    elif t_med == "phone":
        c.decide("medium", "phone", "title_cue", _words_at(title, t_pos))
        if "phon" not in title.lower() and _has(low_lead, _KEYS_VIDEO) and _first_cue(lead)[0] == "video" \
                and _about_this(lead, "video"):
            c.decide("medium", "video", "title_call_made_video", _words_at(lead, _first_cue(lead)[1]))
    elif t_med == "other":
        c.decide("medium", "other", "title_cue", _words_at(title, t_pos))
        strong = _STRONG.search(lead) if ("phon" in low_lead or "video" in low_lead) else None
        if strong:
            value = "video" if "video" in strong.group(0).lower() else "phone"
            c.decide("medium", value, "title_other_strong_text_cue", strong.group(0))
        elif _statement_title_met(title, t_pos, c.first):
            c.decide("medium", "in_person", "statement_title_lead_met", _words_at(c.first, _first_cue(c.first)[1]))
        elif "visiting" in low_lead:  # the lead's words: the message's bearer is in the lead or the sentence after
            _delivered_in_person(c)
        else:
            _title_other_later_call(c)
    else:
        _medium_from_text(c)
    if c.announced:  # "On May 12, the President will hold talks with ...": rule title_future
        c.spoke = False
        c.decide("medium", "other", "title_future", _FUTURE.search(c.title).group(0))
    if c.slug and not c.title:  # the title's rules read the address's words: say so (rules url_slug_*)
        c.trace = [d._replace(rule=f"url_slug_{d.rule}") if d.fact == "medium" and d.rule.startswith("title")
                   else d for d in c.trace]


#: "called up": a call verb no title of another kind uses otherwise (rule ``title_other_later_call``)
_CALLED_UP = re.compile(r"\bcalled up\b", I)
_MET = re.compile(r"\b(?:met|meets|meeting)\b", I)


def _title_other_later_call(c: _Context) -> None:
    """Rule ``title_other_later_call``: a title of another kind ("X congratulates Y", "Statement from X and
    Y") over a text whose first 900 characters say the call ("In a phone call today ...", "X called up Y"):
    a congratulation or a joint statement made on the telephone. Read only where those characters hold
    "phon", "video" or "called up", and where no "met" or "meeting" comes before the call's words (a meeting
    "at which X told Y about his telephone conversations with Z" stays as it was)."""
    text = c.text[:900]
    low = text.lower()
    if "phon" not in low and "video" not in low and "called up" not in low:
        return
    strong = _STRONG.search(text) or _CALLED_UP.search(text)
    if strong and not _MET.search(text, 0, strong.start()):  # not "they met ...; he told of his calls"
        value = "video" if "video" in strong.group(0).lower() else "phone"
        c.decide("medium", value, "title_other_later_call", strong.group(0))


def _statement_title_met(title: str, t_pos: int, first: str) -> bool:
    """Rule ``statement_title_lead_met``: a title "Statement from President X and President Y" (its cue a
    statement) whose first sentence's first cue is "met" ("X and Y today met to discuss ...") reports a meeting.
    Read only where the title's cue is the word "statement" and the first sentence says "met"."""
    if " met " not in first or not title[t_pos:t_pos + 9].lower().startswith("statement"):
        return False
    med, pos = _first_cue(first)
    return med == "in_person" and first[pos:pos + 4] == "met "


def _delivered_in_person(c: _Context) -> None:
    """Rule ``title_other_delivered_in_person``: a title of another kind ("Prime Minister acknowledges congratulatory
    message") over a lead that names a visiting official, and a lead or the sentence after it that says the visitor
    handed the message over (:data:`_DELIVERED_IN_PERSON`): the page reports a meeting."""
    if len(c.sents) < c.i + 3:  # read one sentence more, kept with those read (the later stages read on after it)
        more = next(c.sent_iter, None)
        if more is not None:
            c.sents.append(more)
    found = _DELIVERED_IN_PERSON.search(" ".join(c.sents[c.i: c.i + 3]))
    if found:
        c.decide("medium", "in_person", "title_other_delivered_in_person", found.group(0))


def _medium_from_text(c: _Context) -> None:
    """The title has no cue or an in-person one: the text's cue is read where it can change the answer."""
    title, lead, t_med = c.title or c.slug, c.lead, c.t_med
    s_med, s_pos = _first_cue(lead) if lead and (t_med is None or _has(c.low_lead, _KEYS_CALL)) else (None, -1)
    # an address's "meets" is no title: a call that the first sentence reports as its first cue wins over it;
    # so does a call that the first sentence says its subject held ("had a telephone conversation with"), where a
    # house style titles its calls "meets with" (rule held_call_over_meeting_title)
    meeting_title = s_med in ("video", "phone") and t_med == "in_person" and _MEETING_TITLE.search(title)
    reported = meeting_title and _about_this(lead, s_med) and _first_cue(c.first)[0] == s_med
    slug_only = reported and bool(c.slug) and not c.title
    held = reported and not slug_only and _HELD_CALL.search(c.first)
    if held:
        c.decide("medium", s_med, "held_call_over_meeting_title", held.group(0))
    elif meeting_title and not slug_only:
        # a meeting the text says was held by video link is a video meeting
        value = "video" if s_med == "video" and _about_this(lead, "video") else "in_person"
        c.decide("medium", value, "meeting_title_over_text_call", _MEETING_TITLE.search(title).group(0))
    elif s_med in ("video", "phone"):
        if _about_this(lead, s_med):
            rescued = _BACKREF.search(lead, max(0, s_pos - 40), s_pos) and _LEDE_RECENT.search(lead[:s_pos])
            c.decide("medium", s_med, "lede_recent_call" if rescued else "text_cue", _words_at(lead, s_pos))
        else:
            c.decide("medium", t_med or "other", "text_call_of_another_contact", _words_at(lead, s_pos))
    else:
        value = t_med or s_med or "other"
        if t_med:
            t_pos = _first_cue(title)[1]
            c.decide("medium", value, "title_cue", _words_at(title, t_pos))
            # "X, Y discuss trade" over "X spoke to Y this afternoon": the title's cue is a word of any
            # conversation, and the first sentence names no medium (rule spoke_with)
            c.spoke = (t_med == "in_person" and s_med is None and _conversation_title(title, t_pos)
                       and bool(_SPOKE_WITH.search(c.first)) and _no_meeting_cue(c.first))
        elif s_med:
            c.decide("medium", value, "text_cue", _words_at(lead, s_pos))
            # "Prime Minister X speaks with President Y" over a text that opens with condolences, or whose
            # first cue is a word of any conversation ("discussed"): the title's house style names a call
            # (rule spoke_with, if a foreign counterpart is found); so does a first sentence "X spoke to Y" before it
            c.spoke = (s_med == "other" or (s_med == "in_person" and lead[s_pos:s_pos + 14].lower().startswith(
                ANY_CONVERSATION_WORDS))) and bool(_SPOKE_WITH.search(title) or _SPOKE_WITH.search(lead, 0, s_pos)
                                                   or _spoke_after_shared_word(lead, s_pos) or _spoke_both(c, s_pos))
        else:
            c.decide("medium", value, "no_cue", "")
            # no cue at all, but "X spoke with Y": a call if a foreign counterpart is found (rule spoke_with)
            c.spoke = bool(_SPOKE_WITH.search(title) or _SPOKE_WITH.search(lead) or _spoke_both(c, len(lead)))


#: Words before a headline's "talks with" that make it the noun of a meeting ("Holds Talks With"), not the verb.
_TALKS_NOUN_BEFORE = frozenset("hold holds held holding for in of bilateral official formal further more direct "
                               "peace trade the and to after before".split())


def _conversation_title(title: str, t_pos: int) -> bool:
    """Whether the title's first cue, at ``t_pos``, is a word of any conversation ("X, Y discuss trade"), or the
    headline verb "talks with" after a name ("Secretary Roe Talks With Ruritanian FM", rule ``headline_talks_verb``;
    not "Holds Talks With", the noun of a meeting): with a first sentence "X spoke with Y" it names a call."""
    low = title[t_pos:t_pos + 14].lower()
    if low.startswith(ANY_CONVERSATION_WORDS):
        return True
    if not (low.startswith("talks with") or low.startswith("talks to")) or t_pos < 2:
        return False
    before = title[:t_pos].split()
    return bool(before) and before[-1][:1].isupper() and before[-1].lower() not in _TALKS_NOUN_BEFORE


def _no_meeting_cue(first: str) -> bool:
    """The first sentence names no meeting: no cue, one of another kind, or a word of any conversation first
    ("spoke with Y today ... to discuss his upcoming visit": rule ``spoke_with``)."""
    med, pos = _first_cue(first)
    return med in (None, "other") or (med == "in_person" and first[pos:pos + 14].lower().startswith(
        ANY_CONVERSATION_WORDS))


def _spoke_after_shared_word(lead: str, s_pos: int) -> bool:
    """Rule ``spoke_with``, read after the first cue: a lead whose first cue is a word that a meeting and a call
    share ("Cavusoglu, Hoekstra discuss developments ..." in a subtitle) and whose next words say "X spoke to Y",
    with no cue of a meeting between the two, is a call's house style as "X spoke to Y. They discussed ..." is.
    Read only where the first cue is such a word (a ``str.find`` of "spoke", "speaks" or "talked" first)."""
    low = lead.lower()
    if low.find("spoke", s_pos) < 0 and low.find("speaks", s_pos) < 0 and low.find("talked", s_pos) < 0:
        return False
    if not lead[s_pos:s_pos + 14].lower().startswith(ANY_CONVERSATION_WORDS):
        return False
    m = _SPOKE_WITH.search(lead, s_pos)
    if m is None:
        return False
    between = _cue_matches(lead[s_pos:m.start()].split(" ", 1)[-1])
    o, p = between.get("other"), between.get("in_person")
    return (o is None or bool(_WEAK_OTHER.fullmatch(o.group(0)))) and (
        p is None or p.group(0).lower().startswith(ANY_CONVERSATION_WORDS))


# ---- people in the title and the first sentences
def _read_people(c: _Context) -> None:
    """The subjects and participants of the title, and of the first sentence unless the title settles them.

    The title settles host and participants ("Telephone conversation with
    President of X Jane Roe" on a presidency's site, "Readout of President
    Roe's Call with Prime Minister Doe of X"): the first sentence's people are
    then not read (the text still decides the medium and the initiator).
    """
    title, date, pub_country = c.title, c.date, c.pub_country
    c.t_subj, c.t_part, c.t_subject, c.t_anchor = _analyse(title, date)
    if c.t_anchor and " on " in c.t_subject:
        # "Statement by the Spokesperson on the Vice President's Call with ..."
        c.t_subject = c.t_subject.rsplit(" on ", 1)[1]
        c.t_subj = _parse_people(c.t_subject, date)
    settled = bool(
        pub_country and c.t_anchor
        and any(p["country"] and p["country"] != pub_country for p in c.t_part)
        and all(p["named"] for p in c.t_part if p["country"] != pub_country)
        and (any(p["known"] and p["country"] == pub_country for p in c.t_subj)
             or (not c.t_subj and _is_presidency(c.record.publisher, c.record.url)
                 and gz.office_holder(pub_country, "head_of_state", date)))
    )
    if settled:
        c.f_subj, c.f_part, c.f_subject = [], None, ""
    else:
        c.f_subj, c.f_part, c.f_subject, _ = _analyse(c.first, date, parts=False)


# ---- host: a known person of the publisher's country, else the subject's
def _host_of_publisher_country(c: _Context) -> None:
    """Rules ``publisher_leader_in_subject``, ``presidency_head_of_state``, ``publisher_leader_named``,
    ``publisher_leader_next_sentence``: a known leader of the publisher's country. An unknown publisher whose
    head credits an office ("A Downing Street spokesperson said:") is read as that office's (rule
    ``credited_source``, :func:`credited_source`), and one whose head has a line that is only an issuing office
    of a named country ("Presidency of the Republic of Lebanon") as that country's (rule ``office_line``). A title
    that ends by crediting another country's office ("A, B speak over phone: White House", on any site) makes the
    page that office's (rule ``title_credit``, :func:`title_credit`), and so does a page that opens with a line
    "Source: <office>" (a mirror's credit, "Source: President of Russia – The Kremlin", on any site: rule
    ``source_line_credit``, :func:`source_line_credit`). A news site's compatriot named only after the
    verb, by an office "of" its country, beside a foreign subject is the other side of a relayed readout (rule
    ``home_official_as_foreign``, :func:`_home_official_as_foreign_rule`)."""
    pub = c.pub_country
    if not pub:
        return
    rules = (
        ("publisher_leader_in_subject",
         lambda: [p for p in c.t_subj + c.f_subj if p["known"] and p["country"] == pub]),
        ("presidency_head_of_state", lambda: _presidency_holder(c)),
        ("publisher_leader_named",
         lambda: [p for p in c.t_subj + c.f_subj + c.t_part + c.first_parts() if p["known"] and p["country"] == pub]),
        ("publisher_leader_next_sentence", lambda: _next_sentence_leaders(c)),
    )
    for rule, find in rules:
        mine = find()
        if mine:
            c.decide("host", mine[0]["name"], rule, mine[0]["name"])
            c.decide("host_country", pub, *_publisher_rule(c))
            if rule == "publisher_leader_named":
                _home_official_as_foreign_rule(c)
            return


#: A government's site by its address (".gov.", ".go.", ".gouv.", "mofa.", ...): its pages introduce its own officials
#: formally ("Mr. X, Minister for Foreign Affairs of Japan"), so rule ``home_official_as_foreign`` does not read them.
_GOV_HOST = re.compile(r"(?:^|\.)(?:gov|go|gouv|gob|govt|gv|mfa|mofa|mea|kantei|president|presidency|pmo)\.|\.gov$")
_NOT_RELAY_KINDS = frozenset(("official", "presidency", "pm_office", "embassy"))


def _home_official_as_foreign_rule(c: _Context) -> None:
    """Rule ``home_official_as_foreign``: a news site of country X relaying another government's readout ("Mr. Iwaya
    Takeshi, Minister for Foreign Affairs of Japan, on Tuesday held a telephone meeting with Hon. A. B., Secretary
    for Foreign Affairs of the Republic of the Philippines" on a Philippine site). Its first sentence's subject is a
    known leader of country Y introduced by an office of Y, and X's official, named only after the verb, is
    introduced by an office "of X" as the other side's readout introduces a foreigner: the host is the subject.
    Read only where the host was the publisher's compatriot named outside the subject (rule
    ``publisher_leader_named``), on a site that is no government's (:data:`_GOV_HOST`, the kinds of
    :data:`_NOT_RELAY_KINDS`)."""
    pub = c.pub_country
    last = next((d for d in reversed(c.trace) if d.fact == "host"), None)
    if last is None or last.rule != "publisher_leader_named" or c.credited:
        return
    subj = next((p for p in c.f_subj if p["known"] and p["country"] not in (None, pub)), None)
    if subj is None or subj["country"] in gz.ORG_CODES:
        return
    y = subj["country"]
    office = next((p["desc"] for p in c.f_subj if p.get("desc") and p["country"] == y), None)
    if office is None:
        return
    if not any(p.get("desc") and p["country"] == pub for p in c.first_parts()):
        return
    url = c.record.url if isinstance(c.record.url, str) else ""
    netloc = url.split("//", 1)[-1].split("/", 1)[0].lower()
    if _GOV_HOST.search(netloc) or gz.publisher_kinds(c.record.publisher, url) & _NOT_RELAY_KINDS:
        return
    evidence = f"{subj['name']}, {office}"
    c.decide("host", subj["name"], "home_official_as_foreign", evidence)
    c.decide("host_country", y, "home_official_as_foreign", evidence)


#: The word that introduces the other side as the subject's counterpart, in the languages of the fresh sets (folded,
#: lower case): "con su homólogo chileno, B", "com o seu homólogo", "with his Chilean counterpart B", "su par".
_COUNTERPART_WORD = re.compile(r"\b(?:homolog[oa]s?|homologue|counterpart|colega|colleague|par)\b")
_COUNTERPART_KEYS = ("homolog", "counterpart", "colega", "colleague", " par ")


#: The publisher's-leader rules whose host rule ``foreign_subject_relay`` reads again on a page not in English, whose
#: subject the English phrase rules do not delimit ("La presidenta peruana, A, conversó con su homólogo, B").
_RELAYED_HOST_RULES = ("publisher_leader_next_sentence", "publisher_leader_in_subject", "publisher_leader_named")


def _foreign_subject_relay_rule(c: _Context) -> None:
    """Rule ``foreign_subject_relay``: a news site of country X relaying another government's readout, whose first
    sentence opens with a known leader of country Y and names X's leader after him as his counterpart ("La
    presidenta peruana, A, dialogó hoy con su homólogo chileno, B" on a Chilean news site): the host is the
    first named, Y's leader, and X's the counterpart. Read only where the host is X's leader found by no subject
    or participant phrase (rule ``publisher_leader_next_sentence``; on a page not in English, any rule of
    :data:`_RELAYED_HOST_RULES`), on a site that is no government's (:data:`_GOV_HOST`, the kinds of
    :data:`_NOT_RELAY_KINDS` by its name and address, not its page's words: "presidenta" in a news site's path)."""
    if c.host is None or not c.pub_country or not c.sents:
        return
    first = c.sents[0]
    low = first.lower()
    if not any(k in low for k in _COUNTERPART_KEYS):  # the prefilter: most first sentences name no counterpart
        return
    last = next((d for d in reversed(c.trace) if d.fact == "host"), None)
    rules = _RELAYED_HOST_RULES if c.language != ENGLISH else ("publisher_leader_next_sentence",)
    if last is None or last.rule not in rules or c.credited:
        return
    found = sorted(gz.find_leaders(first, c.date), key=lambda f: f[0])
    if len(found) < 2 or found[0][2].country in (None, c.pub_country) or found[0][2].country in gz.ORG_CODES:
        return
    mine = next((f for f in found[1:] if f[2].name == c.host), None)
    if mine is None or not _COUNTERPART_WORD.search(low[found[0][1]:mine[0]]):
        return
    url = c.record.url if isinstance(c.record.url, str) else ""
    netloc = url.split("//", 1)[-1].split("/", 1)[0].lower()
    if _GOV_HOST.search(netloc) or gz.publisher_kinds(c.record.publisher, netloc) & _NOT_RELAY_KINDS:
        return
    subject, evidence = found[0][2], f"{found[0][2].name} ... {c.host}"
    c.decide("counterparts", [c.host], "foreign_subject_relay", evidence)
    c.decide("countries", [c.pub_country], "foreign_subject_relay", evidence)
    c.decide("host", subject.name, "foreign_subject_relay", evidence)
    c.decide("host_country", subject.country, "foreign_subject_relay", evidence)


def _publisher_rule(c: _Context) -> tuple[str, str]:
    """(rule, evidence) of the publisher's country: ``publisher_country``, or ``credited_source`` where the
    head of a relayed readout credits an office (:func:`credited_source`)."""
    if c.credited:
        if c.credited[0].startswith(":"):
            return "title_credit", c.credited[0]
        if c.credited[0][:7].lower() == "source:":
            return "source_line_credit", c.credited[0]
        return ("office_line" if _OFFICE_LINE.fullmatch(c.credited[0]) else "credited_source"), c.credited[0]
    return "publisher_country", c.publisher or ""


def _presidency_holder(c: _Context) -> list:
    """A presidency's site: the head of state unless the subject names another compatriot."""
    if not _is_presidency(c.record.publisher, c.record.url):
        return []
    hos = gz.office_holder(c.pub_country, "head_of_state", c.date)
    return [{"name": hos, "country": c.pub_country}] if hos else []


def _next_sentence_leaders(c: _Context) -> list:
    """The host may be named only in the next sentence ("Ms X briefed Dmitry Medvedev")."""
    mine = []
    sents, i = c.sents, c.i
    for extra_s in (sents[0] if sents else "", sents[i + 1] if len(sents) > i + 1 else ""):
        mine += [{"name": L.name, "country": L.country} for _, _, L in gz.find_leaders(extra_s, c.date)
                 if L.country == c.pub_country]
    return mine


def _host_of_subject(c: _Context) -> None:
    """Rules ``publisher_office_in_subject`` (an office of the publisher's country named in the subject:
    its holder at the date), ``subject_leader`` (an unknown publisher, or one whose country no known person shares: the
    subject's known leader; not on an organisation's site, whose head is its host) and
    ``titled_name_in_subject`` ("Deputy National Security Advisor Jon Finer's"; not a known leader of
    another country than the publisher's). A known leader whom the title meets "with" is a guest, not the
    host ("PM meeting with Taoiseach X", "The Prime Minister and Taoiseach X met"); so is one whose visit to
    the publisher's country the subject names (rule ``visitor_not_host``, :func:`_visitors`). A title whose subject
    names both sides ("Roe, Doe agree to meet", or one of them by its office alone: "Ruritanian president and Doe
    discuss") takes the one the first sentence's subject names (rule ``lead_subject_of_both``). A known leader the first sentence names as the caller of its subject ("X received
    a phone call from Y") is no host either: its subject's leader is (rule ``receiver_of_call``, :func:`_callers`,
    even where the title names the caller first). A foreign leader who called the publisher's own office named
    alone ("US President Telephones the Prime Minister" on a Pakistani site) is the counterpart of that office's
    holder (rule ``call_to_own_office``, :func:`_call_to_own_office`). A foreign leader who "was accorded a ceremonial
    reception" or "was received by" others is their guest; the receiver named next hosts (rule ``accorded_reception``,
    :func:`_received_guests`, :func:`_receiver_host`). And, on a page not
    in English of a publisher whose country is known, a foreign leader it names (rule ``not_english_foreign_name``).
    The publisher's own office unnamed beside a foreign leader ("The Taoiseach and the UK Prime Minister, X spoke"),
    where its holder is unknown (no date), still gives the host's country (rule ``publisher_office_in_subject``)."""
    if c.host is not None:
        return
    # an organisation's site takes no state's leader as its host ("The Secretary-General and President
    # Hollande spoke" on un.org): its head (rule office_holder) is looked for next
    office = _own_office_in_subject(c)
    if office is not None:
        holder = gz.office_holder(c.pub_country, office[0], c.date)
        if holder is not None:
            c.decide("host", holder, "publisher_office_in_subject", office[1])
            return
        if any(p["known"] and p["country"] != c.pub_country for p in c.f_subj):
            # "The Taoiseach and the UK Prime Minister, X spoke" on an undated page: the publisher's own office
            # hosts, though its holder is unknown; the foreign leader beside it is the counterpart
            c.decide("host_country", c.pub_country, "publisher_office_in_subject", office[1])
            return
    subj_known = [p for p in c.t_subj + c.f_subj if p["known"]] if c.pub_country not in gz.ORG_CODES else []
    visitors = _visitors(c)
    if visitors:
        c.decide("host", None, "visitor_not_host", ", ".join(sorted(visitors)))
    if c.language != ENGLISH and c.pub_country:
        # a page not in English: its "subject" is no sentence's subject, and a foreign leader whose name it
        # gives in Latin letters is a participant, not the host of a publisher whose country is known
        foreign = {p["name"] for p in subj_known if p["country"] != c.pub_country}
        if foreign:
            c.decide("host", None, "not_english_foreign_name", ", ".join(sorted(foreign)))
            visitors = visitors | foreign
    callers = _callers(c.first, c.date)
    if subj_known and _call_to_own_office(c, subj_known):
        return
    received = _received_guests(c, subj_known) if subj_known else set()
    if received:
        c.decide("host", None, "accorded_reception", ", ".join(sorted(received)))
    guests = _title_guests(c) | visitors | callers | received
    subj_known = [p for p in subj_known if p["name"] not in guests]
    both = [str(p["name"]) for p in c.t_subj if p["named"]]
    # a side the title names by its office alone ("Abu Dhabi crown prince and Egypt's Sisi discuss ...")
    offices = {p["country"] for p in c.t_subj if not p["named"] and p["country"]}
    # either side's country, as the title names it ("Top diplomats of S. Korea, Russia hold phone talks")
    sides = {p["country"] for p in c.t_subj if p["country"]}
    lead = [p for p in c.f_subj if p["known"] and p["name"] not in guests
            and (any(n == p["name"] or n in str(p["name"]).split() for n in both) or p["country"] in sides)
            ] if len(both) + len(offices) > 1 else []
    if lead:
        # "Roe, Doe agree to meet" names both sides: the first sentence's subject says whose readout it is
        c.decide("host", lead[0]["name"], "lead_subject_of_both", c.f_subject[:80])
        c.decide("host_country", lead[0]["country"], "lead_subject_of_both", lead[0]["name"])
        return
    if subj_known:
        # "X received a phone call from Y": X hosts, whoever the title names first (rule receiver_of_call)
        rule = "receiver_of_call" if callers and subj_known[0] in c.f_subj else "subject_leader"
        c.decide("host", subj_known[0]["name"], rule, subj_known[0]["name"])
        c.decide("host_country", subj_known[0]["country"], rule, subj_known[0]["name"])
        return
    if received and _receiver_host(c, received):
        return
    host = _unknown_host(c.t_subject if c.t_anchor else "") or _unknown_host(c.f_subject)
    known = gz.lookup_leader(host, c.date) if host is not None else None
    if known is not None and (known.name in guests or (c.pub_country and known.country != c.pub_country)):
        return  # "The Secretary-General and French President X spoke" on un.org: X is the counterpart
    if host is not None:
        c.decide("host", host, "titled_name_in_subject", host)


#: "US President Telephones the Prime Minister", "X telephoned PM today": a call verb whose object is an office
#: alone, no name after it (rule ``call_to_own_office``).
_CALLED_OFFICE = re.compile(r"\b(?i:tele)?(?i:phon(?:ed|es)|call(?:ed|s)(?: up)?|rang)\s+(?:the\s+)?"
                            r"(?P<office>PM|Prime Minister|Premier|Chancellor|Taoiseach|President)\b"
                            r"(?!\s+(?:of\b|[A-Z]))")


def _call_to_own_office(c: _Context, subj_known: list) -> bool:
    """Rule ``call_to_own_office``: a foreign leader, the subject, who called the publisher's own office named
    alone ("US President Telephones the Prime Minister" on a Pakistani site, "X telephoned PM today"): the holder
    of that office at the page's date hosts, the caller is the counterpart. Read only where the publisher's country
    is known and every known leader of the subject is of another country; False where no holder is known."""
    if not c.pub_country or c.pub_country in gz.ORG_CODES or any(p["country"] == c.pub_country for p in subj_known):
        return False
    for words in (c.title, c.first):
        m = _CALLED_OFFICE.search(words) if words and ("hon" in words or "all" in words or "rang" in words) else None
        if m is None:
            continue
        office = "head_of_state" if m["office"] == "President" else "head_of_government"
        holder = gz.office_holder(c.pub_country, office, c.date)
        if holder is None:
            return False
        c.decide("host", holder, "call_to_own_office", m.group(0))
        c.decide("host_country", c.pub_country, "call_to_own_office", m.group(0))
        return True
    return False


#: "X was accorded a ceremonial reception", "X was given a warm welcome", "X was received by": the subject is a
#: guest whom others received (rule ``accorded_reception``).
_ACCORDED = re.compile(r"\b(?:(?:was|were|is|being)\s+)?(?:accorded|given)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
                       r"(?:reception|welcome)\b|\b(?:was|were)\s+(?:received|welcomed|greeted)\s+by\b", I)


#: Words one of those phrases holds, looked for first with ``str.find`` (cheaper than the expression).
_ACCORDED_WORDS = ("eception", "elcome", "eceived by", "reeted by")


def _received_guests(c: _Context, subj_known: list) -> set:
    """Rule ``accorded_reception``: the known leaders of a subject that "was accorded a ceremonial reception" or
    "was received by" others (title or first sentence) are guests, not the host; only where the publisher's
    country is unknown or is not theirs (a leader's own office writing of his reception abroad keeps him)."""
    for words, subj in ((c.title, c.t_subj), (c.first, c.f_subj)):
        if words and any(w in words for w in _ACCORDED_WORDS) and _ACCORDED.search(words):
            return {p["name"] for p in subj if p["known"] and p["country"] != c.pub_country}
    return set()


def _receiver_host(c: _Context, received: set) -> bool:
    """The host of a page whose subject was received (rule ``accorded_reception``): the first known leader of
    another country than the guests' whom the first sentence or the next two name as receiving ("President A and Prime
    Minister B received the visiting President"); False where none is named."""
    guests = {p["country"] for p in c.t_subj + c.f_subj if p["name"] in received}
    for s in c.sents[c.i: c.i + 3]:
        if "receiv" not in s and "welcom" not in s:
            continue
        for _, _, L in gz.find_leaders(s, c.date):
            if L.country not in guests and L.country not in gz.ORG_CODES:
                c.decide("host", L.name, "accorded_reception", s[:80])
                c.decide("host_country", L.country, "accorded_reception", L.name)
                return True
    return False


#: "X received a (congratulatory) phone call on Monday from Y": Y called X (rule receiver_of_call).
_RECEIVED_CALL_FROM = re.compile(r"\breceived (?:a |an )?(?:[\w-]+ ){0,3}?(?:tele)?(?:phone )?call\b[^.;]{0,60}?\bfrom\s+", I)


def _callers(first: str, date) -> set:
    """Rule ``receiver_of_call``: the known leaders a first sentence names after "received a phone call from"
    (its subject received their call: they are its counterparts, not its host)."""
    m = _RECEIVED_CALL_FROM.search(first) if first and "received" in first else None
    if m is None:
        return set()
    return {p["name"] for p in _parse_people(first[m.end():_phrase_end(first, m.end())], date) if p["known"]}


#: "<leader>'s state visit to", "visit of <leader> to": a visit whose destination follows (rule visitor_not_host).
_VISIT_TO = re.compile(r"\bvisit(?:ing)? to (?:the )?", I)


def _visitors(c: _Context) -> set:
    """Rule ``visitor_not_host``: a known leader of another country whose visit to the publisher's country the
    subject names ("at the end of President X's state visit to Ruritania", on a Ruritanian site) is its guest,
    not the host of its readout."""
    if not c.pub_country or c.pub_country in gz.ORG_CODES:
        return set()
    out = set()
    for subject in (c.t_subject if c.t_anchor else "", c.f_subject):
        m = _VISIT_TO.search(subject) if subject and "visit" in subject else None
        if m is None or not any(code == c.pub_country for _, _, code in gz.find_countries(subject[m.end():m.end() + 40])):
            continue
        out |= {p["name"] for p in c.t_subj + c.f_subj
                if p["known"] and p["country"] != c.pub_country and p["name"] in subject[:m.start()]}
    return out


def _title_guests(c: _Context) -> set:
    """The known leaders the title meets "with" ("PM meeting with Taoiseach X"; not "between A and B"), and
    their countries: guests, never the host, even where the first sentence's subject names them ("The Prime
    Minister and Taoiseach X met")."""
    if not c.t_anchor or " between " in c.title:
        return set()
    return {v for p in c.t_part if p["known"] for v in (p["name"], p["country"])}


def _own_office_in_subject(c: _Context) -> Optional[tuple[str, str]]:
    """(office, words) of an unnamed person of the publisher's country in the subject: "The President of
    Chile and the President of Peru signed ..." on a Chilean site (rule publisher_office_in_subject)."""
    if not c.pub_country or c.pub_country in gz.ORG_CODES:
        return None
    for p in c.t_subj + c.f_subj:
        desc = p.get("desc") or ""
        if p["country"] == c.pub_country and not p["named"] and desc:
            office = ("vice_president" if _SUBJECT_VP.search(desc) else "head_of_government"
                      if _SUBJECT_PM.search(desc) else "head_of_state" if _SUBJECT_PRESIDENT.search(desc)
                      else "foreign_minister" if _SUBJECT_FM.search(desc) else None)
            if office:
                return office, desc
    return None


def _host_by_office(c: _Context) -> None:
    """Rules ``author_named_in_title`` and ``office_holder``: "Statement by Prime Minister Ulf Kristersson
    on ..." names its author; a bare office ("the Vice President's call", "Chinese, ROK presidents", a
    presidency's or a prime minister's site) gives the holder of that office at the date; not an office of another
    country ("The President of Ruritania received ...", :func:`_foreign_office_code`)."""
    if c.host is not None or not c.pub_country:
        return
    title = c.title
    subj = f"{c.t_subject} {c.f_subject}"
    by = _BY_OFFICE.search(title) if title else None
    if by and not c.t_subject.strip():
        subj = f"{by.group(1)} {subj}"  # "Statement by the Prime Minister on ...": the author's office
    if by:
        named = _unknown_host(title[by.start(1):])
        if named is not None:
            c.decide("host", named, "author_named_in_title", title[by.start(1):by.end(1) + 40])
            return
    office = _office_of_subject(c, subj)
    holder = gz.office_holder(c.pub_country, office, c.date) if office else None
    if holder is not None and _foreign_office_code(c) is None:  # "The President of Ruritania": not the site's
        c.decide("host", holder, "office_holder", f"{office} of {c.pub_country} on the date")


def _office_of_subject(c: _Context, subj: str) -> Optional[str]:
    """The leaders table's office that a subject or a publisher names, or None."""
    record = c.record
    if c.pub_country in gz.ORG_CODES:
        return "org_head"  # "Readout of the Secretary-General's call with ..." on un.org
    if _SUBJECT_VP.search(subj):
        return "vice_president"
    if _SUBJECT_PM.search(subj) and not _SUBJECT_PRESIDENT.search(subj):
        return "head_of_government"
    if _SUBJECT_PRESIDENT.search(subj) or _is_presidency(record.publisher, record.url):
        return "head_of_state"
    if _SUBJECT_FM.search(subj):
        return "foreign_minister"  # "Chinese, Saudi Arabian FMs talk over phone"
    if _is_pm_office(record.publisher, record.url):
        return "head_of_government"  # a prime minister's site, the subject "I" or "Today"
    return None


def _surname_host_rule(c: _Context) -> None:
    """Rule ``surname_of_named_leader``: a page of an unknown publisher whose headline's subject is a bare
    surname ("FM Khadka holds telephone conversation with ...") hosts the known leader of that surname whom the
    next sentences name in full ("Minister for Foreign Affairs, Dr Narayan Khadka and ..."). Read only where
    neither the host nor the publisher's country is known and the subject is one unknown capitalised word. Where
    the publisher's country is known, rule ``titled_surname_of_own_leader`` (:func:`_titled_surname_host_rule`)."""
    if c.host is None and c.pub_country:
        _titled_surname_host_rule(c)
        return
    if c.host is not None or c.host_country is not None or c.pub_country:
        return
    names = [p["name"] for p in c.t_subj + c.f_subj
             if not p["known"] and not p["country"] and p["name"] and p["name"].isalpha() and p["name"][:1].isupper()]
    if not names:
        return
    later = " ".join(c.sents[c.i + 1:c.i + 3])
    for _, _, leader in gz.find_leaders(later, c.date) if names[0] in later else ():
        if leader.name.split()[-1] == names[0]:
            c.decide("host", leader.name, "surname_of_named_leader", f"{names[0]}: {leader.name}")
            c.decide("host_country", leader.country, "surname_of_named_leader", leader.name)
            return


#: The leaders table's terms by (office, folded surname), built again whenever the table in force changes
#: (rules ``titled_surname_at_date`` and ``titled_surname_of_own_leader``).
_OFFICE_SURNAME: list = [None, {}]


def _office_surname_terms(office: str, surname: str) -> tuple:
    """The terms of ``office`` held by a leader whose name ends with ``surname`` (folded, lower case)."""
    alias_map = gz._leader_index()[0]
    if _OFFICE_SURNAME[0] is not alias_map:
        index: dict = {}
        for terms in alias_map.values():
            for t in terms:
                bucket = index.setdefault((t.office, gz.fold(t.name).lower().split()[-1]), [])
                if t not in bucket:
                    bucket.append(t)
        _OFFICE_SURNAME[:] = [alias_map, {k: tuple(v) for k, v in index.items()}]
    return _OFFICE_SURNAME[1].get((office, surname), ())


def _titled_surname_at_date_rule(c: _Context) -> None:
    """Rule ``titled_surname_at_date``: a page of no known publisher's country whose title's or first sentence's
    subject is an office with a surname ("Prime Minister Harris' visit to the Secretariat ...") is hosted by the one
    leader of any country who held that office under that surname at the date, where the host read so far is
    nobody or a namesake who never held that office (a US Vice President "Harris" is no Prime Minister).
    Nobody where two leaders of that office share the surname at the date. Read after the participants, so a
    namesake read as the host does not become a counterpart."""
    if c.pub_country or pd.isna(c.date) or c.host_country in gz.ORG_CODES:
        return
    subject = f"{c.t_subject or ''}\n{c.f_subject or ''}"  # the subject's words: not a counterpart's
    if "President" not in subject and "Minister" not in subject and "Premier" not in subject \
            and "Chancellor" not in subject:
        return
    for m in _OWN_TITLED_SURNAME.finditer(subject):
        office = gz.office_of_title(m.group(1))
        surname = gz.fold(m.group(2)).lower()
        if not office or (c.host is not None and gz.fold(c.host).lower().split()[-1] != surname):
            continue
        terms = _office_surname_terms(office, surname)
        if c.host is not None and any(t.name == c.host for t in terms):
            return  # the host read so far held that office
        found = {t.name: t for t in terms if t.serves(c.date)}
        if len(found) == 1:
            term = next(iter(found.values()))
            c.decide("host", term.name, "titled_surname_at_date", m.group(0))
            c.decide("host_country", term.country, "titled_surname_at_date", m.group(0))
            return


#: An office and a surname: "President Salih", "King Hamad", "Prime Minister Al-Kadhimi" (rules
#: ``titled_surname_at_date`` and ``titled_surname_of_own_leader``, both looking up :func:`_office_surname_terms`).
_OWN_TITLED_SURNAME = re.compile(r"(?<![Ff]ormer )(?<![Ll]ate )\b(President|Prime Minister|Premier|Chancellor|King|Emir|Amir"
                                 r"|Foreign Minister)\s+(?!(?:President|Prime|Premier|King|Emir|Amir)\b)((?:[Aa]l-)?[A-Z][\w'-]+)\b")


def _titled_surname_host_rule(c: _Context) -> None:
    """Rule ``titled_surname_of_own_leader``: a page of a publisher whose country is known, its host still unknown
    (an undated page: no office holder), whose title or first sentence names an office with a surname only
    ("President Salih got a phone call", "the call that was made by President Salih") hosts the one leader of the
    publisher's country in the leaders table who held that office under that surname. Not on an organisation's
    site; nobody where two leaders share the surname."""
    if c.host is not None or not c.pub_country or c.pub_country in gz.ORG_CODES:
        return
    head = f"{c.title or ''}\n{c.first}"
    if "President" not in head and "Minister" not in head and "King" not in head and "Emir" not in head \
            and "Amir" not in head and "Premier" not in head and "Chancellor" not in head:
        return
    for m in _OWN_TITLED_SURNAME.finditer(head):
        office = gz.office_of_title(m.group(1))
        surname = gz.fold(m.group(2)).lower()
        found = {t.name for t in _office_surname_terms(office or "", surname) if t.country == c.pub_country}
        if len(found) == 1:
            name = found.pop()
            c.decide("host", name, "titled_surname_of_own_leader", f"{m.group(0)}: {name}")
            return


#: A visit the subject pays to a country named next: "Lithuanian President visits Georgia", "paid an official visit
#: to Georgia", "came to Georgia to pay a visit" (rule ``visited_country_hosts``).
_VISITS_COUNTRY = re.compile(r"\b(?:visits|(?:paid|pays|paying|made|makes|began|begins) (?:an? |his |her )?(?:[\w-]+ ){0,3}?"
                             r"visit to|came to|arrived in|arrives in)\s+(?:the\s+)?")


def _qualified(text: str, a: int, code: str) -> bool:
    """Whether the person named at ``a`` of ``text`` is introduced with their country ("Afghan President X",
    "US President X"): a mention of ``code`` in the 40 characters before the name."""
    return any(k == code for _, _, k in gz.find_countries(text[max(0, a - 40):a]))


def _org_office_before(s: str, at: int) -> bool:
    """Whether the words just before position ``at`` of ``s`` (60 characters) name an organisation ("President of
    the European Council", "UN Secretary-General"): a person so introduced is not named "by office alone"
    (rule ``bare_home_leader``). Read only where that rule would otherwise decide."""
    before = s[max(0, at - 60):at]
    return any(k in gz.ORG_CODES for _, _, k in gz.find_countries(before))


def _bare_home_leader(c: _Context) -> Optional[tuple]:
    """Rule ``bare_home_leader``: a page of an unknown publisher whose first sentence introduces its subject, a
    known leader, with their country ("Afghan President X telephoned President Y", "US President X on Tuesday
    telephoned President Y") and the other side, a known leader of one other country, by an office alone, writes
    from the other side's country: the one it need not introduce is its own; not where the other side is introduced
    with an organisation's office ("President of the European Council Y": :func:`_org_office_before`). (leader,
    evidence), or None."""
    if c.host is None:
        return None
    for first in c.sents[c.i:c.i + 2]:  # a headline line may come first ("X phones Y")
        if "President" not in first and "Minister" not in first:
            continue
        named = gz.find_leaders(first, c.date)
        own = [a for a, _, L in named if L.name == c.host]
        others = {L.name: L for _, _, L in named if L.country != c.host_country}
        if len(others) != 1 or not any(_qualified(first, a, c.host_country) for a in own):
            continue
        other = next(iter(others.values()))
        if any(k == other.country for _, _, k in gz.find_countries(first)):
            return None  # the other side is introduced with its country too ("President Y of Ruritania")
        if _org_office_before(first, min(a for a, _, L in named if L.name == other.name)):
            return None  # introduced with an organisation's office ("President of the European Council Y")
        return other, f"{c.host} introduced with {c.host_country}; {other.name} by office alone"
    return None


def _visited_country(c: _Context) -> Optional[tuple]:
    """Rule ``visited_country_hosts``: a page of an unknown publisher whose subject, introduced with its own country
    ("Lithuanian President visits Georgia", "President of the Republic of Lithuania X paid an official visit to
    Georgia"), visits another country: the visited country's side writes it. (country code, evidence), or None."""
    for s in (c.title, *c.sents[c.i:c.i + 2]):  # the headline line may name a city ("came to Tbilisi")
        m = _VISITS_COUNTRY.search(s) if s and ("visit" in s or " came to " in s or " arrive" in s) else None
        if m is None or not any(k == c.host_country for _, _, k in gz.find_countries(s[:m.start()])):
            continue
        dest = gz.find_countries(s[m.end():m.end() + 40])
        if dest and dest[0][0] == 0 and dest[0][2] != c.host_country and dest[0][2] not in gz.ORG_CODES:
            return dest[0][2], m.group(0) + s[m.end():m.end() + dest[0][1]]
    return None


def _foreign_subject_rule(c: _Context) -> None:
    """Rules ``bare_home_leader`` (:func:`_bare_home_leader`) and ``visited_country_hosts``
    (:func:`_visited_country`): the host a page of an unknown publisher took from its subject is the other side
    where the subject is introduced as a foreigner. Read only where the publisher's country is unknown and the
    host's country came from the subject (rules ``subject_leader``, ``subject_country``)."""
    if c.pub_country or c.host_country is None:
        return
    last = next((d.rule for d in reversed(c.trace) if d.fact == "host_country"), None)
    if last not in ("subject_leader", "subject_country"):
        return
    home = _bare_home_leader(c)
    if home is not None:
        leader, evidence = home
        c.decide("host", leader.name, "bare_home_leader", evidence)
        c.decide("host_country", leader.country, "bare_home_leader", evidence)
        return
    visited = _visited_country(c)
    if visited is None:
        return
    code, evidence = visited
    guest, guest_country = c.host, c.host_country
    office = "head_of_government" if _SUBJECT_PM.search(c.f_subject or "") else "head_of_state"
    c.decide("host", gz.office_holder(code, office, c.date), "visited_country_hosts", evidence)
    c.decide("host_country", code, "visited_country_hosts", evidence)
    c.decide("counterparts", [guest], "visited_country_hosts", evidence)
    c.decide("countries", [guest_country], "visited_country_hosts", evidence)


def _host_country(c: _Context) -> None:
    """Rules ``publisher_country``, ``leader_country``, ``subject_country``, ``url_slug_subject_country`` (an unknown
    site's page without a title whose address's subject names a country's office: "/uk-pm-call-with-...") for a
    host country still open; a news site's page with no host whose subject is another country's office unnamed
    ("The leader of Ruritania spoke on the phone with ...") is that country's (rule ``foreign_office_subject``,
    :func:`_foreign_office_subject_rule`); then ``host_tenure`` dates a readout whose text gives no year by the
    host's term of office."""
    if c.host_country is None:
        leader = gz.lookup_leader(c.host, c.date) if c.host else None
        guests = _title_guests(c)
        subj_codes = [p["country"] for p in c.t_subj + c.f_subj
                      if p["country"] and p["country"] not in gz.ORG_CODES and p["country"] not in guests]
        if c.pub_country:
            c.decide("host_country", c.pub_country, *_publisher_rule(c))
            if c.host is None:
                _foreign_office_subject_rule(c)
        elif leader:
            c.decide("host_country", leader.country, "leader_country", leader.name)
        elif subj_codes:
            c.decide("host_country", subj_codes[0], "subject_country", c.t_subject or c.f_subject)
        elif c.slug and not c.title:
            _slug_subject_country(c)
    if pd.isna(c.date) and c.host:
        # the host's tenure can date a readout whose text gives no year
        c.date, c.inferred = _resolve_date(c.record, c.host, c.host_country, c.language)
        c.date_host = (c.host, c.host_country)


#: An office a subject names ("The President of Ruritania", "Ruritania's leader"): rule ``foreign_office_subject``.
_SUBJECT_OFFICE = re.compile(r"\b" + _OFFICE_WORDS + r"\b")


@lru_cache(maxsize=4096)
def _country_by_domain_only(url: Optional[str], code: Optional[str]) -> bool:
    """Whether ``code``, a page's publisher's country, comes from its address's country-code domain alone: not a
    government's address (:data:`_GOV_HOST`: "gov.ru", "go.jp", "mofa."), a ministry's, nor a publisher of
    ``gazetteer_publishers.csv`` or an official kind of ``publisher_kinds.csv`` (a news site, "en.example-news.ru").
    """
    host = (urlparse(url or "").hostname or "").lower()
    if not host or not code or gz.publisher_country(url=url) != code or _GOV_HOST.search(host):
        return False
    if "minist" in host or gz.publisher_kinds(url=url) & _NOT_RELAY_KINDS:
        return False
    return not any(frag in host for frag, _ in gz._publisher_rows())


def _foreign_office_code(c: _Context) -> Optional[str]:
    """The one country, not the site's, whose office the title's or first sentence's subject names ("The President
    of Ruritania received ...": an office of another country than the site's, not the site's own office), or
    None (also where the subject names the site's country or several)."""
    subj = [p for p in c.t_subj + c.f_subj if p["country"] and p["country"] not in gz.ORG_CODES]
    codes = {p["country"] for p in subj}
    if len(codes) != 1 or c.pub_country in codes or any(p["named"] for p in subj):
        return None
    if not all(_SUBJECT_OFFICE.search(p.get("desc") or "") for p in subj):
        return None  # a place ("At their meeting in Jakarta, Indonesia, ..."), not an office
    return next(iter(codes))


def _foreign_office_subject_rule(c: _Context) -> None:
    """Rule ``foreign_office_subject``: a news site's page (one whose country only its address's country-code
    domain gives: :func:`_country_by_domain_only`) with no host, whose subject is another country's office unnamed ("The leader of Azerbaijan spoke
    on the phone with ...", "The President of Ruritania received ...") and names nobody of the site's country,
    relays that country's readout: its country hosts, and so does the leader of that country whom the first
    sentences name. Read only where no host was found on a site whose country is known (its country is the
    default)."""
    if c.credited or not _country_by_domain_only(c.record.url, c.pub_country):
        return
    code = _foreign_office_code(c)
    if code is None or any(p["country"] == c.pub_country for p in c.t_part + c.first_parts()):
        return  # "The President of Ruritania called our President": the site's side is there
    leader = next((L.name for s in c.sents[c.i:c.i + 3] for _, _, L in gz.find_leaders(s, c.date)
                   if L.country == code), None)
    evidence = c.t_subject or c.f_subject
    c.decide("host_country", code, "foreign_office_subject", evidence)
    if leader:
        c.decide("host", leader, "foreign_office_subject", evidence)


def _slug_subject_country(c: _Context) -> None:
    """Rule ``url_slug_subject_country``: a page of an unknown publisher, without a title, whose address's subject
    names a country's office ("/uk-pm-call-with-president-macron-of-france/": the British Prime Minister) is
    that country's."""
    subj, parts, subject, anchored = _analyse(c.slug, c.date)
    codes = [p["country"] for p in subj if anchored and p["country"] and p["country"] not in gz.ORG_CODES
             and p["country"] not in {q["country"] for q in parts}]
    if codes:
        c.decide("host_country", codes[0], "url_slug_subject_country", subject.strip())


#: The UN's house title of its Secretary-General's readouts, "Readout of the Secretary-General's meeting with ...".
_UN_READOUT = re.compile(r"\s*Readouts? of (?:the )?(?:UN |United Nations )?Secretary-General['’]s\b")


def _un_readout_rule(c: _Context) -> None:
    """Rule ``un_readout_title``: a page whose host country is still open and whose title or first sentence is
    the UN's house title of its Secretary-General's readouts, relayed by another site (an APO copy on a news
    site, "The Secretary-General met with ..."): the host is the UN's Secretary-General of the page's date.
    Read only where the host country is open and "Secretary-General" is in the title or first sentence."""
    if c.host_country is not None:
        return
    for s in (c.title, c.first):
        if s and "Secretary-General" in s and _UN_READOUT.match(s):
            c.decide("host_country", "UN", "un_readout_title", s.strip()[:60])
            if c.host is None:
                c.decide("host", gz.office_holder("UN", "org_head", c.date), "un_readout_title", s.strip()[:60])
            return


#: Rule ``house_readout_title``: the house titles of two governments' readouts, copied by mirrors and other sites
#: of unknown country, with the office that hosts them: No 10's "PM call with President X: 7 September 2017" (a
#: title, or the first words of a page without one, after "Press release:") and the White House's "Readout of the
#: President's call with Prime Minister X of Y" (anywhere in the head: a copy keeps "FOR IMMEDIATE RELEASE" before it).
_HOUSE_TITLES = (
    (re.compile(r"\A\s*(?:(?:Press release|News story)\s*:?\s*)?PM (?:(?:phone |telephone |video )?call|meeting)"
                r" with\b"), "PM ", "GBR", "head_of_government"),
    (re.compile(r"\bReadouts? of the President['’]s (?:(?:phone|telephone|video) )?(?:call|meeting|conversation)s?"
                r" with\b", I), "of the President", "USA", "head_of_state"),
)
#: Characters of the text read for a house title where the page has none.
HOUSE_TITLE_CHARS = 300


def _house_title_rule(c: _Context) -> None:
    """Rule ``house_readout_title``: a page of unknown country whose title, or the head of a text without one, is
    the house title of a government's readouts (:data:`_HOUSE_TITLES`: No 10's "PM call with ...", the White
    House's "Readout of the President's call with ...") copied by another site, the office named alone ("The
    President spoke with ..."): that government's, hosted by the holder of the office at the page's date (none
    where the page has no date). Read only where the host country is still open and the head holds the title's
    words (``str.find`` first)."""
    if c.host_country is not None:
        return
    head = c.record.title if isinstance(c.record.title, str) and c.record.title.strip() else \
        (c.text or "")[:HOUSE_TITLE_CHARS]
    for rx, words, code, office in _HOUSE_TITLES:
        m = rx.search(head) if words in head else None
        if m is None:
            continue
        evidence = m.group(0).strip()
        c.decide("host_country", code, "house_readout_title", evidence)
        if c.host is None:
            c.decide("host", gz.office_holder(code, office, c.date), "house_readout_title", evidence)
        return


def _title_case(title: str) -> bool:
    """Whether a title is a news headline in title case with a kicker ("Fiji's Leaders Unite: Strategic Talks"):
    a colon, and most of its words of four letters or more capitalised."""
    if ":" not in title:
        return False
    words = [w for w in title.split() if len(w) >= 4]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


# ---- participants and counterparts
def _participants_stage(c: _Context) -> None:
    """The participants: the title's phrase, else the first sentence's, else the next sentence's."""
    foreign = c.foreign
    c.people, c.phrase_people, c.phrase_text = foreign(c.t_part), c.t_part, _phrase_of(c.title)
    if not c.people and c.t_part:
        c.people = _text_country_of_title_person(c)
        if c.people:
            c.phrase_people, c.people_rule = c.t_part + c.f_part, "text_country_of_title_person"
            c.phrase_text = "; ".join(p["name"] for p in c.people)
    if c.people and not any(p["named"] for p in c.people):
        # "President of France" in the title, "Emmanuel Macron, President of ..." in the text
        named = {p["country"]: p for p in foreign(c.first_parts()) if p["named"]}
        c.people = [named.get(p["country"], p) for p in c.people]
    if not c.people and any(p["named"] and p["country"] == c.host_country and p["name"] != c.host
                            and (p["known"] or _personal(p["name"]) or not _title_case(c.title)) for p in c.t_part):
        # the title names the participants, and they are compatriots: a domestic event; a lone capitalised word
        # of a title-case headline ("Fiji's Leaders Unite: Strategic Talks") is no compatriot (rule headline_verb_not_name)
        c.own_people = True
    elif not c.people:
        c.people = foreign(c.first_parts())
        c.phrase_people = c.t_part + c.f_part
        c.phrase_text = _phrase_of(c.title) + " " + _phrase_of(c.first)
        if not c.people and len(c.sents) > c.i + 1 and c.medium != "other":
            more = _participants(c.sents[c.i + 1], c.date)
            c.people, c.phrase_people = foreign(more), c.phrase_people + more


def _text_country_of_title_person(c: _Context) -> list:
    """Rule ``text_country_of_title_person``: a title's unknown person given the host's country only by a shared
    word ("OAS Secretary General and former President Jane Roe Hold Meeting") whom the first sentence names with
    another country ("... and the former President of Ruritania, Jane Roe, held a meeting"): the first sentence's
    person, of that country, is the counterpart (not a compatriot of a domestic event). A person's name of two
    words or more only (not the "All" of "Patriarch of Moscow and All Russia"). Read only where the title has
    such a person."""
    names = {p["name"] for p in c.t_part if p["named"] and not p["known"] and p["country"] == c.host_country
             and p["name"] != c.host and _personal(p["name"])}
    if not names:
        return []
    return [p for p in c.foreign(c.first_parts()) if p["name"] in names]


def _counterparts_stage(c: _Context) -> None:
    """Rules ``participants`` (the participants and known foreign leaders in the subject),
    ``title_sides`` ("Japan-Australia Summit": a side, not a person; the first sentence's on a page
    without a title) and ``url_slug_countries`` (:func:`_slug_countries`); ``spoke_with``: "X spoke with Y"
    with a foreign counterpart and no medium named is a call (not "X speaks to German Federal Government": one
    speaks to an assembly, rule ``speaks_to_body``); so is "X and Y spoke this evening" (rule ``spoke_both``)."""
    # the subject's known leaders, and on a relay that credits an office (rule credited_source) a named person of
    # another country ("Moldovan President Jan Roe held a call with President X, according to the Kremlin")
    extra = [p for p in c.t_subj + c.f_subj if p["known"] or (c.credited and p["named"] and p["country"])]
    counterparts, countries, seen, foreign_seen = [], [], set(), set()
    for p in c.people + c.foreign(extra):
        key = p["name"] or p.get("desc") or p["country"]
        if key in seen or (not p["named"] and p["country"] in foreign_seen):
            continue
        seen.add(key)
        foreign_seen.add(p["country"])
        # a counterpart's name is a person's name; an unnamed one is None (its country stays known)
        name = p["name"] if p["known"] else _clean_name(p["name"])
        same = _same_person_at(name, p["country"], counterparts, countries, p["known"])
        if same >= 0:
            # "Yoon" of a headline and "Yoon Suk Yeol" of the text: one person, the longer name kept
            counterparts[same] = max(counterparts[same], name, key=lambda n: len(n.split()) if n else 0)
            continue
        counterparts.append(name)
        countries.append(p["country"])
    if countries:
        c.decide("counterparts", counterparts, c.people_rule, c.phrase_text.strip())
        c.decide("countries", countries, c.people_rule, c.phrase_text.strip())
    elif c.medium != "other":
        # a page without a title: its first sentence names the sides ("Japan-Australia Summit Meeting")
        for text, code in [tc for tc in _hyphen_pairs(c.title or c.first) if tc[1] != c.host_country][:1]:
            c.decide("counterparts", [None], "title_sides", text)
            c.decide("countries", [code], "title_sides", text)
    if c.medium != "other" or c.language != ENGLISH:  # a page not in English has no English cue of its medium
        _slug_countries(c)
    if c.spoke and c.countries:
        said = _SPOKE_WITH.search(f"{c.title or c.slug} {c.lead}")
        said, rule = (said, "spoke_with") if said else (_SPOKE_BOTH.search(c.lead) or _SPOKE_BOTH.search(c.sents[0]),
                                                        "spoke_both")
        c.decide("medium", "phone", rule, said.group(0))


def _same_person_at(name: Optional[str], country: Optional[str], names: list, countries: list,
                    known: bool = False) -> int:
    """Index of the earlier counterpart that ``name`` of ``country`` names again, else -1: one of the same country
    whose name's words hold ``name``'s, or the reverse ("Yoon" of a headline and "Yoon Suk Yeol" of the text); for a
    ``known`` person, else the unnamed side of his country named before him ("the South Korean side ... Chung
    Eui-yong", as an unnamed side after a named one is skipped; rule participants)."""
    if not name or not country:
        return -1
    words = set(name.split())
    for i, (other, code) in enumerate(zip(names, countries)):
        if other and code == country and (words <= set(other.split()) or set(other.split()) <= words):
            return i
    if known:
        return next((i for i, (other, code) in enumerate(zip(names, countries)) if other is None and code == country),
                    -1)
    return -1


def _between_first_side_rule(c: _Context) -> None:
    """Rule ``between_first_side``: a page with no host whose first sentence names both sides of the
    conversation "between A and B" (a relay: "A telephone conversation took place between the President of X
    Jane Roe and the President of Y John Doe, the press service of X reported"). The first side named, a known
    leader of another country than the second's, is the host; the others are the counterparts. Read only where
    the host is unknown and the first sentence says "between"."""
    if c.host is not None or " between " not in c.first:
        return
    parts = [p for p in c.first_parts() if p["country"]]
    if len(parts) < 2 or not parts[0]["known"]:
        return
    first = parts[0]
    rest = [p for p in parts[1:] if p["country"] != first["country"]]
    if not rest:
        return
    evidence = c.phrase_text.strip() or first["name"]
    c.decide("host", first["name"], "between_first_side", evidence)
    c.decide("host_country", first["country"], "between_first_side", evidence)
    c.decide("counterparts", [p["name"] if p["known"] else _clean_name(p["name"]) for p in rest],
             "between_first_side", evidence)
    c.decide("countries", [p["country"] for p in rest], "between_first_side", evidence)


#: A relay's attribution of its readout to one side's press office: "..., the press service of the Azerbaijani
#: leader has announced", "..., the Egyptian presidency said".
_SOURCE_OFFICE = re.compile(
    r"\bpress (?:service|office) of the ([A-Z][a-z]+) (?:leader|president|head of state|prime minister|premier)\b"
    r"|\bthe ([A-Z][a-z]+) (?:presidential press service|presidency|president['’]s office)\b")


def _readout_source_rule(c: _Context) -> None:
    """Rule ``readout_source_office``: a relay with no host whose first sentence names both sides and attributes
    the readout to one side's press office ("A call between the Azerbaijani and Turkish Presidents, Ilham Aliyev
    and Recep Tayyip Erdogan, ..., the press service of the Azerbaijani leader has announced"): the known leader
    of that office's country is the host, the others the counterparts. Read only where the host is unknown and
    the first sentence says "press service", "press office" or "presidency"."""
    if c.host is not None or not any(k in c.first for k in ("press service", "press office", "residency")):
        return
    m = _SOURCE_OFFICE.search(c.first)
    code = gz.country_code(m.group(1) or m.group(2)) if m else None
    if code is None:
        return
    parts = [p for p in c.first_parts() if p["country"]]
    hosts = [p for p in parts if p["country"] == code and p["known"]]
    rest = [p for p in parts if p["country"] != code]
    if not hosts or not rest:
        return
    evidence = m.group(0)
    c.decide("host", hosts[0]["name"], "readout_source_office", evidence)
    c.decide("host_country", code, "readout_source_office", evidence)
    names = list(dict.fromkeys(p["name"] if p["known"] else _clean_name(p["name"]) for p in rest))
    c.decide("counterparts", [n for n in names if n], "readout_source_office", evidence)
    c.decide("countries", list(dict.fromkeys(p["country"] for p in rest)), "readout_source_office", evidence)



#: Rule ``both_first_side``: the words between the two sides of a first sentence's subject "A and B": "and" and
#: the second's title and given names ("Syrian President X and US President Donald Y").
_BOTH_AND = re.compile(r",?\s+and\s+(?:(?:the|[A-Z][\w.'’-]*)\s+){0,5}")


def _both_first_side(c: _Context) -> None:
    """Rule ``both_first_side``: a page with no host whose first sentence's subject names both sides joined by
    "and" ("Syrian President X and US President Y held a call", "In a recent phone conversation, X and Y
    discussed"): the first side named, a known leader of another country than the second's, is the host, as in
    "between A and B" (rule ``between_first_side``). Not two people a subject met "with". Read only where the
    host is unknown and the first sentence, else the title ("This is what Sir Keir and Trump chatted about in
    first call"), says " and "."""
    if c.host is not None:
        return
    for first in (c.first, c.title or ""):
        if " and " not in first:
            continue
        parts = [p for p in (c.first_parts() if first is c.first else _participants(first, c.date))
                 if p["country"] and p["known"]]
        found = _both_sides_at(first, parts)
        if found:
            _decide_both_first(c, parts, first[found[0]:found[1]])
            return


def _both_sides_at(first: str, parts: list) -> Optional[tuple[int, int]]:
    """(start, end) of "A and (title) B" in ``first`` where ``parts`` begin with two known leaders of different
    countries joined so (:data:`_BOTH_AND`), not after "with"; None where they are not."""
    if len(parts) < 2 or parts[0]["country"] == parts[1]["country"]:
        return None
    folded = gz.fold(first)  # the spans of the two leaders' mentions, as the page words them
    spans = {ld.name: (a, b) for a, b, ld in reversed(gz.find_leaders(folded))}
    (a, a_end), (b, b_end) = spans.get(parts[0]["name"], (-1, -1)), spans.get(parts[1]["name"], (-1, -1))
    if a < 0 or b < a_end or " with " in folded[:a] or not _BOTH_AND.fullmatch(folded, a_end, b):
        return None
    return a, b_end


def _decide_both_first(c: _Context, parts: list, evidence: str) -> None:
    """Rule ``both_first_side``: the first of ``parts`` hosts, the others of another country are counterparts."""
    rest = [p for p in parts[1:] if p["country"] != parts[0]["country"]]
    c.decide("host", parts[0]["name"], "both_first_side", evidence)
    c.decide("host_country", parts[0]["country"], "both_first_side", evidence)
    c.decide("counterparts", list(dict.fromkeys(p["name"] for p in rest)), "both_first_side", evidence)
    c.decide("countries", list(dict.fromkeys(p["country"] for p in rest)), "both_first_side", evidence)


#: Rule ``credited_side``: a relay's credit of its account to one side's office by that side's adjective
#: ("according to a readout from the Syrian Presidency", "the Russian Foreign Ministry said", "according to
#: Syrian state media", "with reference to the Russian presidency") or by the office "of" that side's country
#: (the agencies' "Trend reports with reference to the presidential executive office of Russia").
_CREDITED_SIDE = re.compile(
    r"\b(?:[Aa]ccording to|[Rr]eadout (?:from|of|by)|[Ss]tatement (?:from|by|of)|[Cc]iting|[Ww]ith reference to)\s+(?:a |an |the )?"
    r"(?:(?:readout|statement|release|post) (?:from|of|by) )?(?:the )?(?P<a>(?-i:[A-Z][a-z]+))(?:['’]s)? "
    r"(?P<o>presidency|presidential office|president['’]s office|prime minister['’]s office|foreign ministry"
    r"|ministry of foreign affairs|government|state media|state news agency|embassy)\b"
    r"|\bthe (?P<b>(?-i:[A-Z][a-z]+)) (?:presidency|foreign ministry|government|embassy[\w ]{0,20}?) "
    r"(?:said|says|announced|reported|stated|confirmed)\b"
    r"|\b(?:[Aa]ccording to|[Cc]iting|[Ww]ith reference to)\s+(?:the )?(?:presidential (?:executive )?office"
    r"|presidential administration|press (?:service|office) of the president|presidency|foreign ministry"
    r"|ministry of foreign affairs|government) of (?:the )?(?P<c>(?-i:[A-Z][a-z]+))\b", re.I)
#: The rules whose host a relay's subject gave (rule ``credited_side`` may overrule them).
_SIDE_FROM_SUBJECT = ("subject_leader", "subject_country", "both_first_side", "bare_home_leader",
                      "visited_country_hosts")
#: Words one of those credits holds, looked for first with ``str.find`` (cheaper than the expression).
_CREDITED_SIDE_WORDS = ("residen", "inistry", "overnment", "state media", "tate news", "mbassy")


def _credited_side(c: _Context) -> None:
    """Rule ``credited_side``: a relay of an unknown publisher whose host came from its subject ("President X
    has held a phone call with Syrian President Y") but whose next sentences credit the account to the other
    side's office ("According to a readout from the Syrian Presidency, ..."): that side, a known counterpart, is
    the host, the subject a counterpart. Read only where the host's country came from the subject (no known
    person shares the publisher's country; :data:`_SIDE_FROM_SUBJECT`) and the head names an office
    (``str.find`` first)."""
    if c.host is None or not c.counterparts:
        return
    last = next((d.rule for d in reversed(c.trace) if d.fact == "host_country"), None)
    head = (c.text or "")[:HEAD_CHARS]
    if last not in _SIDE_FROM_SUBJECT or not any(w in head for w in _CREDITED_SIDE_WORDS):
        return
    m = _CREDITED_SIDE.search(head)
    code = gz.country_code(m["a"] or m["b"] or m["c"]) if m else None
    if code is None or code == c.host_country or code not in c.countries:
        return
    sides = [(n, k) for n, k in zip(c.counterparts, c.countries) if k == code and n and gz.find_leaders(gz.fold(n))]
    if not sides:
        return
    _swap_to_side(c, sides[0][0], code, "credited_side", m.group(0))


def _swap_to_side(c: _Context, name: str, code: str, rule: str, evidence: str) -> None:
    """The counterpart ``name`` of ``code`` hosts; the former host is a counterpart (rules ``credited_side``,
    ``credited_person_office``)."""
    others = [(n, k) for n, k in zip(c.counterparts, c.countries) if k not in (code, c.host_country)]
    c.decide("counterparts", [c.host] + [n for n, _ in others], rule, evidence)
    c.decide("countries", [c.host_country] + [k for _, k in others], rule, evidence)
    c.decide("host", name, rule, evidence)
    c.decide("host_country", code, rule, evidence)


#: Rule ``credited_person_office``: a relay's credit of its account to one participant's own office by his name
#: ("reads a statement from Mudavadi's office", "according to a statement issued by Ruto's spokesman").
_CREDITED_PERSON_OFFICE = re.compile(
    r"\b(?:statement|readout|release|dispatch|communiqu[eé])\s+(?:from|by|of|issued\s+by)\s+(?:the\s+)?"
    r"(?P<p>[A-Z][\w-]+)['’]s\s+(?:office|spokes(?:man|woman|person)|press\s+(?:office|secretary|unit))\b")


def _credited_person_office(c: _Context) -> None:
    """Rule ``credited_person_office``: a relay whose host came from its subject ("US Secretary of State X
    congratulated Prime Cabinet Secretary Y ... In a telephone call on Friday, ...") but whose head credits the
    account to the other participant's own office by his name ("reads a statement from Y's office"): that
    participant, a known counterpart of another country, hosts; the subject is a counterpart. Read only where the
    host's country came from the subject (:data:`_SIDE_FROM_SUBJECT`) and the head says "office", "spokes" or
    "press" (``str.find`` first)."""
    if c.host is None or not c.counterparts:
        return
    head = (c.text or "")[:HEAD_CHARS]
    if "office" not in head and "spokes" not in head and "press " not in head:
        return
    last = next((d.rule for d in reversed(c.trace) if d.fact == "host_country"), None)
    m = _CREDITED_PERSON_OFFICE.search(head) if last in _SIDE_FROM_SUBJECT else None
    if m is None:
        return
    who = gz.fold(m["p"]).lower()
    sides = [(n, k) for n, k in zip(c.counterparts, c.countries)
             if n and k and k != c.host_country and who in gz.fold(n).lower().split()]
    if sides and gz.find_leaders(gz.fold(sides[0][0])):
        _swap_to_side(c, sides[0][0], sides[0][1], "credited_person_office", m.group(0))


#: Rule ``org_office_subject``: an organisation's head named by office in a subject that names no known person:
#: "The Chairperson of the African Union Commission, H.E. @handle, met with ...", "AU Commission Chairperson ...".
_ORG_HEAD_TITLE = r"(?:Chair(?:person|man|woman)?|Secretary[- ]General|Director[- ]General|President)"
_ORG_OFFICE_SUBJECT = re.compile(
    rf"^(?:The\s+)?(?:{_ORG_HEAD_TITLE}\s+of\s+the\s+(?P<a>[A-Z][^,;:\n]{{1,80}}?)(?=,|\s+(?:has|have|had|was|is"
    rf"|met|meets|held|holds|received|receives|hosted|spoke|on|in|at)\b)"
    rf"|(?P<b>(?:[A-Z][\w.()-]*\s+){{1,5}}?){_ORG_HEAD_TITLE}\b)")
_ORG_HEAD_WORDS = ("Chair", "Secretary", "Director", "President")


def _org_office_subject(c: _Context) -> None:
    """Rule ``org_office_subject``: a page with no host whose first sentence opens with an organisation's head
    named by office ("The Chairperson of the African Union Commission, H.E. @handle, met with X, the UAE
    Ambassador to Ethiopia", "AU Commission Chairperson ... received ..."): the organisation (a code of
    ``gazetteer.ORG_CODES``) hosts, by the holder of its ``org_head`` office on the day where the table knows
    him. Not a country's president ("The President of Ghana" is a subject country, decided before). Read only
    where no host is known and the sentence's first 60 characters hold a head's title (``str.find`` first)."""
    first = c.first or ""
    if c.host is not None or c.host_country is not None or not any(w in first[:60] for w in _ORG_HEAD_WORDS):
        return
    m = _ORG_OFFICE_SUBJECT.match(first)
    if m is None:
        return
    codes = [k for _, _, k in gz.find_countries(gz.fold(m["a"] or m["b"]))]
    if len(set(codes)) != 1 or codes[0] not in gz.ORG_CODES or codes[0] in c.countries:
        return
    holder = gz.office_holder(codes[0], "org_head", c.date) if c.date is not None and not pd.isna(c.date) else None
    c.decide("host", holder, "org_office_subject", m.group(0))
    c.decide("host_country", codes[0], "org_office_subject", m.group(0))


#: Rule ``series_of_meetings``: "President X had a series of summits with the leaders of A and B".
_SERIES_OF = re.compile(
    r"\b(?:had|held|holds|has had|have had)\s+(?:a\s+)?series\s+of\s+(?:bilateral\s+)?(?:summits|meetings|talks"
    r"|(?:(?:tele)?phone\s+|video\s+)?(?:calls|conversations))\s+with\s+(?:the\s+)?(?:leaders|heads\s+of\s+"
    r"(?:state|government)|(?:his|her|their)\s+counterparts)\s+of\s+(?P<who>[^.;\n]{3,160})")


#: Characters of a page searched for a series of meetings (a news script's blank lines push it down).
SERIES_CHARS = 6000


def _series_of_meetings(c: _Context) -> None:
    """Rule ``series_of_meetings``: a readout that reports its host's series of meetings or calls with the
    leaders of named countries ("President X had a series of summits with the leaders of the United Kingdom and
    Canada"): those countries are counterparts too, their persons unnamed. Read only where the first
    ``SERIES_CHARS`` characters say "series of" (``str.find`` first)."""
    head = (c.text or "")[:SERIES_CHARS]
    if "series of" not in head or c.host_country is None:
        return
    m = _SERIES_OF.search(head)
    if m is None:
        return
    have = set(c.countries) | {c.host_country}
    codes = [k for _, _, k in gz.find_countries(gz.fold(m["who"])) if k not in have and k not in gz.ORG_CODES]
    codes = list(dict.fromkeys(codes))
    if codes:
        c.decide("counterparts", c.counterparts + [None] * len(codes), "series_of_meetings", m.group(0))
        c.decide("countries", c.countries + codes, "series_of_meetings", m.group(0))


def _relay_sides_rules(c: _Context) -> None:
    """Rules ``both_first_side`` (:func:`_both_first_side`: "X and Y held a call" on a page with no host: the first
    named hosts), ``credited_side`` (:func:`_credited_side`: an unknown publisher's relay whose head credits the
    other side's office, "according to a readout from the Syrian Presidency", "with reference to the presidential
    executive office of Russia": that side hosts) and
    ``series_of_meetings`` (:func:`_series_of_meetings`: "had a series of summits with the leaders of A and B":
    A and B are counterparts too), ``org_office_subject`` (:func:`_org_office_subject`: "The Chairperson of the
    African Union Commission met ..." on a page with no host: the organisation hosts) and
    ``credited_person_office`` (:func:`_credited_person_office`: "reads a statement from Y's office": Y hosts),
    ``foreign_subject_relay`` (:func:`_foreign_subject_relay_rule`: a news site's compatriot named as a foreign
    subject's counterpart is the guest)."""
    _org_office_subject(c)
    _both_first_side(c)
    _credited_side(c)
    _credited_person_office(c)
    _series_of_meetings(c)
    _foreign_subject_relay_rule(c)

def _slug_countries(c: _Context) -> None:
    """Rule ``url_slug_countries``: a page without a title, or not in English, whose head names no foreign
    participant, but whose address does ("/taoiseach-speaks-to-british-prime-minister"): the countries the
    address names (not the host's, not an organisation's), their persons unnamed; only an address in English
    words (one of ``_SLUG_ENGLISH``: "with", "of", "meets", ...) counts."""
    if c.countries or not c.slug or not _SLUG_ENGLISH.intersection(c.slug.lower().split()):
        return  # an address in another language's words ("-reunion-de-cancilleres-") names no country here
    codes = list(dict.fromkeys(code for _, _, code in gz.find_countries(c.slug)
                               if code != c.host_country and code not in gz.ORG_CODES))
    if codes:
        c.decide("counterparts", [None] * len(codes), "url_slug_countries", c.slug)
        c.decide("countries", codes, "url_slug_countries", c.slug)


# ---- what the title says was done: together, a visit abroad, a gathering
def _together_rule(c: _Context) -> None:
    """Rule ``did_together``: the host and a foreign leader did something together ("Putin and Xi Jinping
    visited the zoo", "... laid wreaths", "... signed a treaty"): they met, unless they wrote to each other."""
    if c.medium == "other" and not c.t_anchor and not c.announced and c.host and " and " in c.t_subject \
            and any(p["name"] == c.host for p in c.t_subj) and c.foreign([p for p in c.t_subj if p["known"]]) \
            and not _CORRESPONDENCE.search(c.title):
        c.decide("medium", "in_person", "did_together", c.t_subject)


def _visit_rule(c: _Context) -> None:
    """Rule ``visit_abroad``: "Readout of X's Visit to France", "... official visit (abroad) to Cuba": a visit
    abroad is meeting its hosts (not "ahead of", "after", "invitation to", a press event, letters).
    A trip to several countries whose text names the hosts of some ("Travel to Gabon and Nigeria ...
    met with President Ali Bongo Ondimba") keeps the others as unnamed hosts (rule ``visit_abroad_others``). A page
    without a title of its own reads the visit its first sentence's subject paid ("X paid his first foreign visit to
    Estonia": rule ``visit_abroad_first_sentence``, :func:`_first_sentence_trip`); one whose first sentence's subject
    arrived in a place for a visit ("X arrived in Bujumbura, the capital of Burundi for a working visit") meets its
    hosts, or its foreign guest meets the host (rule ``visit_arrival``, :func:`_arrival_rule`)."""
    title = c.title
    if c.announced:
        return
    if title and c.medium == "in_person" and c.countries:
        _other_destinations(c, title)
        return
    found = _trip(c, title) if title and c.medium in ("other", "in_person") else None
    rule = "visit_abroad"
    if not found and c.medium in ("other", "in_person") and not c.countries:
        found, rule = _first_sentence_trip(c), "visit_abroad_first_sentence"
    if not found:
        _arrival_rule(c)
        return
    trip, dest = found
    c.decide("medium", "in_person", rule, trip.group(0))
    if not c.countries:
        dest = list(dict.fromkeys(dest))
        c.decide("counterparts", [None] * len(dest), rule, trip.group(0))  # hosts not named
        c.decide("countries", dest, rule, trip.group(0))
    if c.host is None:
        host = _unknown_host(c.t_subject)
        if host is not None:
            c.decide("host", host, "visit_abroad", c.t_subject)


#: "X arrived in Bujumbura, the capital of Burundi, for a two-day working visit", "Y arrived in Latvia on an official
#: visit", "X, who is in Djibouti for a state visit": an arrival or a stay for a visit (rule ``visit_arrival``); the
#: place arrived in is ``place``.
_ARRIVED_FOR_VISIT = re.compile(r"\b(?:arriv(?:ed|es)|(?:is|was|are|were)(?:\s+currently|\s+now)?)\s+in\s+"
                                r"(?P<place>[^;:.]{2,80}?),?\s+(?:for|on)\s+(?:a|an|his|her|their)\s+"
                                r"(?:[\w\-]+\s+){0,3}?(?:visit|trip|tour)\b", I)


def _arrival_rule(c: _Context) -> None:
    """Rule ``visit_arrival``: on a page without a title of its own, a first sentence whose subject arrived in a
    place for a visit ("President X today arrived in Bujumbura, the capital of Burundi for a two-day working visit")
    tells a visit, not only a journey (the cue "arrived" alone is ``other``): a visit abroad meets its hosts (the
    countries of the place, unnamed, where no counterpart is known), and a foreign guest's arrival in the host's
    country ("Federal President Y of A arrived in Latvia for a working visit", on the Latvian president's site,
    its guest a counterpart) meets the host. Read only where the medium is still ``other``, the first sentence
    says "arrive" and "visit", "trip" or "tour" (``str.find``), and it is not an announcement."""
    first = c.first
    if c.medium not in ("other", "in_person") or c.record.title or not first \
            or not ("arriv" in first or "s in " in first or "as in " in first or "re in " in first) \
            or not ("visit" in first or "trip" in first or "tour" in first):
        return
    m = _ARRIVED_FOR_VISIT.search(first)
    if m is None or _NOT_THE_TRIP.search(first, 0, m.start()):
        return
    dest = list(dict.fromkeys(code for _, _, code in gz.find_countries(m.group("place"))
                              if code != c.host_country and code not in gz.ORG_CODES))
    if dest and not c.countries:
        c.decide("medium", "in_person", "visit_arrival", m.group(0))
        c.decide("counterparts", [None] * len(dest), "visit_arrival", m.group(0))  # hosts not named
        c.decide("countries", dest, "visit_arrival", m.group(0))
    elif not dest and c.countries and c.medium == "other" and c.host_country and any(
            code == c.host_country for _, _, code in gz.find_countries(m.group("place"))):
        c.decide("medium", "in_person", "visit_arrival", m.group(0))  # the guest arrived in the host's country


#: A visit the first sentence says its subject paid or is paying ("X paid his first foreign visit to Y").
_PAID_VISIT = re.compile(r"\b(?:paid|pays|made|makes|is (?:on|paying|making)|was on|began|begins|concluded|"
                         r"concludes|completed|wrapped up)\b(?:\s+(?!to\b)\S+){0,5}?\s+(?:visit|trip|tour)(?:\s+abroad)?\s+to\b", I)


def _first_sentence_trip(c: _Context):
    """Rule ``visit_abroad_first_sentence``: on a page without a title of its own, a first sentence whose subject
    paid (is paying, made, concluded) a visit to a country: the visit of :func:`_trip`, read there."""
    first = c.first
    if c.record.title or not first or "visit" not in first and "trip" not in first and "tour" not in first:
        return None
    paid = _PAID_VISIT.search(first)
    return _trip(c, first[paid.start():]) if paid else None


def _trip(c: _Context, title: str):
    """The trip a title names and its destinations (codes, the host's country and organisations left out), or None."""
    trip = _TRAVEL.search(title)
    if not trip or _NOT_THE_TRIP.search(title, 0, trip.start()) or _CORRESPONDENCE.search(title) \
            or _PRESS_EVENT.search(title):
        return None
    dest = [code for _, _, code in gz.find_countries(trip.group("dest")) if code != c.host_country
            and code not in gz.ORG_CODES]
    return (trip, dest) if dest else None


def _other_destinations(c: _Context, title: str) -> None:
    """Rule ``visit_abroad_others``: the destinations of a trip of several countries that no counterpart is of."""
    found = _trip(c, title)
    if not found:
        return
    trip, dest = found
    missing = [code for code in dict.fromkeys(dest) if code not in c.countries]
    if len(dest) > 1 and missing:
        c.decide("counterparts", list(c.counterparts) + [None] * len(missing), "visit_abroad_others", trip.group(0))
        c.decide("countries", list(c.countries) + missing, "visit_abroad_others", trip.group(0))


def _gathering_rules(c: _Context) -> None:
    """Rules ``gathering`` and ``gathering_participants``: a gathering of leaders (a summit, a council of
    heads of state) that the title names is a meeting; its participants may be named further down."""
    title, head = c.title, f"{c.title} {c.first}"
    c.head = head
    named = title or c.slug  # a page without a title: its address's words ("/readout-of-g7-leaders-meeting")
    c.gathering = bool(named) and not c.announced and _is_gathering(named, named)  # the title says so
    # a news conference or journalists' questions, unless joint with the other leaders
    c.press = bool(title) and bool(_PRESS_EVENT.search(title)) and not _JOINT.search(title)
    if c.gathering and c.medium == "other" and c.t_med == "other" \
            and all(m.group(0).lower() in _JOINING for m in _OTHER.finditer(title)):
        value = "video" if _VIDEO.search(c.lead) and _about_this(c.lead, "video") else "in_person"
        c.decide("medium", value, "gathering", title)
    if not c.countries and c.medium != "other" and not c.own_people and not c.announced \
            and (c.gathering or (_is_gathering(title, head) and not _DOMESTIC_WORDS.search(head)
                                 and not (title and (_DOMESTIC_EVENT.search(title) or _OWN_BODY.search(title))))) \
            and not c.press:
        truncated = len(c.text or "") > HEAD_CHARS
        found = _gathered(c.sents, c.sent_iter, c.date, c.host, c.host_country, truncated)
        if found:
            names = [p["name"] for p in found]
            c.decide("counterparts", c.counterparts + names, "gathering_participants", ", ".join(map(str, names)))
            c.decide("countries", c.countries + [p["country"] for p in found], "gathering_participants",
                     ", ".join(map(str, names)))


#: A call or a meeting of several leaders that the title or the first sentence names without naming them all
#: ("a secure conference call with world leaders", "a video call with European counterparts"): rule group_call.
_GROUP_CALL = re.compile(
    r"\b(?:conference call|(?:call|meeting|conversation)s? with (?:(?:other|fellow|world|international|several|"
    r"allied|partner|European|Western|African|Asian|Arab|Nordic|G-?\d+) )?(?:leaders|counterparts|heads of "
    r"(?:state|government)))\b", I)


def _group_call_rule(c: _Context) -> None:
    """Rule ``group_call``: a call or video meeting of several leaders ("took part in a conference call with world
    leaders organised by President X. The call included ..."): the leaders the next sentences name are
    counterparts too, beside those the title or first sentence names; not a leader named in the possessive
    ("Putin's aggression"), who is talked about."""
    if c.medium not in ("phone", "video") or c.announced:
        return
    head = f"{c.title} {c.first}"
    low = head.lower()
    if not (("leaders" in low or "counterparts" in low or "heads of" in low or "conference call" in low)
            and _GROUP_CALL.search(head)):  # the words every match holds, looked for first (cheaper)
        return
    truncated = len(c.text or "") > HEAD_CHARS
    have = set(c.countries)
    page = gz.fold((c.text or "")[:HEAD_CHARS]).replace("\u2019", "'")
    # a leader the text names in the possessive ("standing up to Putin's aggression") is talked about, not called
    found = [p for p in _gathered(c.sents, c.sent_iter, c.date, c.host, c.host_country, truncated)
             if p["country"] not in have and f"{str(p['name']).split()[-1]}'s" not in page]
    if found:
        names = [p["name"] for p in found]
        evidence = _GROUP_CALL.search(head).group(0)
        c.decide("counterparts", c.counterparts + names, "group_call", evidence)
        c.decide("countries", c.countries + [p["country"] for p in found], "group_call", evidence)


_GROUP_LEADERS = r"(?:leaders|heads of (?:state|government)|counterparts|partners)"
_GROUP_EVENT = r"(?:call|meeting|video ?conference|videoconference|virtual meeting|conversation|talks|summit)"


@lru_cache(maxsize=None)
def _grouping_talks(pattern: str) -> re.Pattern:
    """The expression of a conversation of a grouping's leaders, around the grouping's own ``pattern``: "a virtual
    meeting of G7 leaders", "a call with the other E3 leaders", "Quad Leaders Call", "the leaders of the
    Visegrad Group", "hosted the Weimar Triangle leaders"; not "G7 leaders' commitment" or "G7 countries"."""
    g = f"(?:{pattern})"
    return re.compile(
        rf"\b{_GROUP_EVENT}s? (?:of|with) (?:the )?(?:other |fellow )?{g}(?: {_GROUP_LEADERS})?"
        rf"|{g} (?:{_GROUP_LEADERS}['’]? )?(?!summit){_GROUP_EVENT}\b"
        rf"|\b{_GROUP_LEADERS} of the {g}"
        rf"|\b(?:met|meets|joined|joins|convened|hosted|hosts|chaired|chairs) (?:the )?(?:other |fellow )?{g} "
        rf"{_GROUP_LEADERS}", re.I)


@lru_cache(maxsize=1)
def _any_grouping() -> re.Pattern:
    """One expression of every grouping's names (``data/groupings.csv``): the rule's cheap first look."""
    return re.compile("|".join(f"(?:{g.rx.pattern})" for g in gz.groupings()))


def _grouping_rule(c: _Context) -> None:
    """Rule ``grouping_members``: a call or meeting of a small grouping's leaders that names none of them ("The
    Prime Minister chaired a virtual meeting of G7 leaders", "Quad Leaders Call"): its members at the date
    (``data/groupings.csv``, :func:`diplo_analysis.gazetteer.groupings`) but the host's country are the
    counterpart countries."""
    if c.countries or c.medium not in ("phone", "video", "in_person") or c.announced:
        return
    head = f"{c.title or c.slug} {c.first}"
    if _any_grouping().search(head) is None:
        return
    for g in gz.groupings():
        if g.rx.search(head) is None or not g.holds(c.date):
            continue
        m = _grouping_talks(g.rx.pattern).search(head)
        if m is not None:
            codes = [code for code in g.members if code != c.host_country]
            c.decide("counterparts", [None] * len(codes), "grouping_members", m.group(0))
            c.decide("countries", codes, "grouping_members", f"{m.group(0)}: {', '.join(codes)}")
            return


#: "He also received a phone call from X", "also telephoned X", "also held a phone call with X": another call
#: the readout reports (rule also_called).
_ALSO_CALLED = re.compile(
    r"\balso (?:had|held) (?:a |an )?(?:separate )?(?:tele)?(?:phone |phonic )?(?:call|conversation|talk)s? with\s+"
    r"|\balso (?:spoke|talked) (?:by (?:tele)?phone |on the (?:tele)?phone |over the (?:tele)?phone )?(?:with|to)\s+"
    r"|\balso (?:tele)?phoned\s+|\balso called\s+(?=(?-i:[A-Z])|the (?-i:[A-Z]))"
    r"|\balso received (?:a |an )?(?:congratulatory )?(?:tele)?(?:phone )?call from\s+", I)


def _others_turn(c: _Context, subject: str) -> bool:
    """The subject of a call names a leader of another country than the host's ("Chancellor X of Germany also
    spoke with Y"): another leader's conversation, which the page reports, not one of its host."""
    if c.host and str(c.host).split()[-1] in subject:
        return False
    return any(p["country"] and p["country"] != c.host_country for p in _parse_people(subject, c.date))


def _also_called_rule(c: _Context) -> None:
    """Rule ``also_called``: a readout of a call that reports another call of its host ("He also received a phone
    call from German Chancellor X", "The Prime Minister also telephoned the Amir of Y"): the country of the one
    called or calling is a counterpart too (a person without a country adds none)."""
    if c.medium not in ("phone", "video") or c.announced or not c.text:
        return
    head = gz.fold(c.text[:HEAD_CHARS])
    if "also " not in head:  # the word every match holds, looked for first (cheaper)
        return
    have = set(c.countries) | {c.host_country}
    for m in _ALSO_CALLED.finditer(head):
        if _others_turn(c, head[max(head.rfind(". ", 0, m.start()), head.rfind("\n", 0, m.start()), 0):m.start()]):
            continue
        found = [p for p in _parse_people(head[m.end():_phrase_end(head, m.end())], c.date)
                 if p["country"] and p["country"] not in have]
        if found:
            have |= {p["country"] for p in found}
            c.decide("counterparts", c.counterparts + [p["name"] for p in found], "also_called", m.group(0).strip())
            c.decide("countries", c.countries + [p["country"] for p in found], "also_called", m.group(0).strip())


#: A time of the same day after "Later" or "Earlier" ("Later on in the day", "Earlier in the afternoon", "Earlier
#: at 3pm"), a subject named by an office in lower case ("the head of state", "the prime minister") and the verbs
#: "called X", "was talking to X" and "met and held (separate) talks with X": more openings of another
#: conversation of the host (rule ``next_call_opening``, part of rule ``several_calls``).
_SAME_DAY = r"(?:in the (?:morning|afternoon|evening)|at \d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.))"
_LOWER_OFFICE = r"|(?-i:the) (?:head of (?:state|government)|prime minister|president|foreign minister)"
_MORE_OPENING_VERBS = (r"met\s+and\s+held\s+(?:separate\s+)?talks\s+with|called(?=\s+(?:the\s+)?(?-i:[A-Z]))"
                       r"|(?:was|were)\s+(?:talking|speaking)\s+(?:to|with)")
#: A sentence that opens with another conversation of the host ("The Prime Minister also spoke to X", "He then
#: spoke with X", "In a separate call, the Taoiseach spoke with X", "Later, she held calls with X of A and Y of
#: B", "Also on Monday, the Prime Minister spoke with X"): a marker (also, then, later, earlier that day (not a
#: bare "earlier": an earlier day's meeting in passing), meanwhile, in addition, the same day, separately, a
#: separate call) or the opening of a paragraph, a subject (he,
#: she, "the" and an office, or a name) and a verb of a call or meeting with its object (rule several_calls).
_NEXT_CALL = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=[.!?][\"\u201d]\s))"
    r"(?P<mark>(?:In a separate (?:(?:tele)?phone |video )?(?:call|conversation|meeting)|Separately|Subsequently"
    r"|Afterwards|Then|Later(?: on)?(?: (?:that day|the same day|in the day|that evening|in the evening|" + _SAME_DAY + "))?"
    r"|Also(?: (?:today|that day|on the same day|on [A-Z]\w+(?:,? \d{1,2} [A-Z]\w+|,? [A-Z]\w+ \d{1,2})?))?"
    r"|Earlier (?:today|that day|in the day|on the same day|" + _SAME_DAY + r"|on [A-Z]\w+(?:,? \d{1,2} [A-Z]\w+|,? [A-Z]\w+ \d{1,2})?)"
    r"|Meanwhile|In addition|(?:On t|T)he same day),?\s+)?"
    r"(?P<subj>(?-i:[Hh]e|[Ss]he)|(?-i:The|the)(?:\s+(?-i:[A-Z][\w'\-]*)){1,3}|(?-i:[A-Z][\w'\-]*)(?:\s+(?-i:[A-Z][\w'\-]*)){0,3}"
    + _LOWER_OFFICE + ")"
    r"\s+(?P<adv>(?:also|then|later|subsequently|separately)\s+)?(?:(?:has|have)\s+)?"
    r"(?:(?:spoke|talked)\s+(?:(?:by|on the|over the)\s+(?:tele)?phone\s+)?(?:with|to)"
    r"|(?:held|had)\s+(?:(?:a|an|separate|further|another|bilateral)\s+)*(?:(?:tele)?phone\s+|video\s+)?"
    r"(?:calls?|conversations?|talks|meetings?)\s+with|(?:tele)?phoned|" + _MORE_OPENING_VERBS + r"|met(?:\s+with)?)\s+", re.M)
#: The words one of those openings holds, looked for before the expression, each with ``str.find`` (much
#: cheaper on a long page than one expression of alternatives).
_CALL_VERBS = ("spoke ", "talked ", "phoned ", " met ", "call with", "calls with", "conversation with",
               "conversations with", "talks with", "meeting with", "meetings with", " called ", "talking ", "speaking ")
#: How far down a page the openings are read (a page of nine calls fits; a transcript's tail does not).
_CALLS_CHARS = 6000
#: Every verb an opening of :data:`_NEXT_CALL` ends with, and how far before and after it the opening is
#: looked for: the expression runs only around these verbs, not from every position of the page.
_OPENING_VERBS = re.compile(r"(?:spoke|talked|phoned|met|called)\s|(?:calls?|conversations?|talks|meetings?)\s+with\s"
                            r"|(?:talking|speaking)\s+(?:to|with)\s")
_OPENING_BEFORE = 300
#: A superset of the places an opening may start (:data:`_NEXT_CALL`'s anchor: a line's start, or after the
#: end of a sentence and a space): each is tried with ``match``, which checks the anchor itself.
_SENTENCE_STARTS = re.compile(r"[.!?][\"\u201d]?(?:\s\s?)|\n")


#: The first word of every verb of :data:`_OPENING_VERBS`, looked for with ``str.find`` (an expression of
#: alternatives tried at every position of a long page costs ten times more).
_OPENING_VERB_WORDS = ("spoke", "talked", "phoned", "met", "call", "conversation", "talks", "meeting", "talking",
                       "speaking")


def _verb_places(text: str, start: int) -> list[int]:
    """Where, from ``start``, ``text`` holds a verb an opening ends with (:data:`_OPENING_VERBS`), in order."""
    return sorted(at for word in _OPENING_VERB_WORDS for at in _find_all(text, word, start)
                  if _OPENING_VERBS.match(text, at))


def _openings(text: str, start: int):
    """The matches of :data:`_NEXT_CALL` in ``text`` from ``start``, as ``finditer`` gives them (in order, not
    overlapping): tried only where a sentence or line starts, up to :data:`_OPENING_BEFORE` characters before
    each verb an opening ends with (an opening is shorter), not from every position of the page."""
    last_end = start
    tried: set = set()
    for verb in _verb_places(text, start):
        lo = max(last_end, verb - _OPENING_BEFORE)
        starts = [lo] if lo == 0 else []
        starts += [b.end() for b in _SENTENCE_STARTS.finditer(text, max(lo - 3, 0), verb)]
        for at in starts:
            if at < last_end or at in tried or at > verb:
                continue
            tried.add(at)
            m = _NEXT_CALL.match(text, at)
            if m is not None:
                last_end = m.end()
                yield m


def _next_calls(c: _Context) -> list[tuple[str, list[dict]]]:
    """The openings of other conversations past the first sentence, with the foreign people each names."""
    text = c.text[:_CALLS_CHARS]
    start = text.find(c.first) + len(c.first) if c.first and c.first in text else 0
    if not any(text.find(verb, start) >= 0 for verb in _CALL_VERBS):  # a second conversation cue, past the first sentence
        return []
    text, first = gz.fold(text), gz.fold(c.first or "")
    start = text.find(first) + len(first) if first and first in text else 0
    have, out = set(c.countries) | {c.host_country}, []
    for m in _openings(text, start):
        para = m.start() == 0 or text[m.start() - 1] == "\n"
        subj = m.group("subj")
        if not (m.group("mark") or m.group("adv") or para) or m.group("subj").lower() == "then":
            continue
        if subj.lower() not in ("he", "she") and not subj.lower().startswith("the ") and _others_turn(c, subj):
            continue  # another leader's conversation, not the host's
        people = _parse_people(text[m.end():_phrase_end(text, m.end())], c.date)
        # a person: named, or an office of a country ("the Amir of Qatar"), not a country's word before a
        # common noun ("met the Malaysian candidates for a space flight")
        if not people or not (people[0]["named"] or " " in (people[0].get("desc") or "")):
            continue
        found = [p for p in people if p["country"] and p["country"] not in have]
        if found:
            have |= {p["country"] for p in found}
            out.append((m.group(0).strip(), found))
    return out + _meetings_in_turn(c, text, start, have)


#: A sentence that opens with one of several meetings a page reports, its counterpart the object of the opening
#: ("In a bilateral meeting with President X of A, the President ...", "During a meeting with Prime Minister Y of
#: B, ..."): rule ``several_calls``, read only where the title or the first sentence speaks of meetings or calls
#: in the plural (:data:`_PLURAL_CONVERSATIONS`), not on a page that recalls one earlier meeting in passing.
_IN_A_MEETING_WITH = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:In|During) (?:a|his|her|the) (?:(?:separate|bilateral|subsequent|further|(?:tele)?phone|video)"
    r"\s+)*(?:meeting|call|conversation|talks?) with\s+", re.M)
_PLURAL_CONVERSATIONS = re.compile(r"\b(?:meetings|calls|conversations|talks) with\b", I)


def _meetings_in_turn(c: _Context, text: str, start: int, have: set) -> list[tuple[str, list[dict]]]:
    """The openings "In a (bilateral) meeting with X, ..." past the first sentence (:data:`_IN_A_MEETING_WITH`),
    with the foreign people each names, on a page whose title or first sentence reports several meetings."""
    if "meeting with" not in text and "call with" not in text and "talks with" not in text:
        return []
    if not _PLURAL_CONVERSATIONS.search(c.title or "") and not _PLURAL_CONVERSATIONS.search(c.first or ""):
        return []
    out = []
    for m in _IN_A_MEETING_WITH.finditer(text, start):
        people = _parse_people(text[m.end():_phrase_end(text, m.end())], c.date)
        found = [p for p in people if p["country"] and p["country"] not in have
                 and (p["named"] or " " in (p.get("desc") or ""))]
        if found:
            have |= {p["country"] for p in found}
            out.append((m.group(0).strip(), found))
    return out


#: A later sentence of a meeting's readout whose subject, the host, "also received" another guest ("President X also
#: received the Foreign Minister of A", "The Minister further received in audience the Ambassador of B"): rule
#: ``also_received``, read on meetings' pages only (a call's "also received a phone call" is ``also_called``).
_ALSO_RECEIVED = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"\u201d\u2019']\s))(?:[\u2018'\"\u201c])?"
    r"(?P<subj>(?-i:[Hh]e|[Ss]he)|(?-i:The|the)(?:[ \t]+(?:of[ \t]+)?(?-i:[A-Z][\w'\-]*)){1,5}"
    r"|(?-i:[A-Z][\w'\-]*)(?:[ \t]+(?-i:[A-Z][\w'\-]*)){0,3})"
    r"\s+(?:also|further|later|then|subsequently)\s+(?:received|welcomed|hosted)(?:\s+in\s+(?:an\s+)?audience)?,?\s+",
    re.M)
#: The verbs and adverbs of those sentences: each verb is looked for with ``str.find`` and an adverb just before
#: it, and only a page that has one is scanned with the expression (:func:`_has_also_received`).
_ALSO_RECEIVED_VERBS = (" received", " welcomed", " hosted")
_ALSO_RECEIVED_ADVERBS = (" also", " further", " later", " then", " subsequently")


def _has_also_received(text: str) -> bool:
    """Whether ``text`` holds one of :data:`_ALSO_RECEIVED_ADVERBS` just before one of :data:`_ALSO_RECEIVED_VERBS`."""
    for verb in _ALSO_RECEIVED_VERBS:
        at = text.find(verb)
        while at >= 0:
            if text[max(0, at - 14):at].endswith(_ALSO_RECEIVED_ADVERBS):
                return True
            at = text.find(verb, at + 1)
    return False


def _also_received(c: _Context) -> list[tuple[str, list[dict]]]:
    """The guests a meeting's readout says its host "also received", past the first sentence, with their
    countries (:data:`_ALSO_RECEIVED`); not another leader's guests."""
    if c.medium != "in_person":
        return []
    text = c.text[:_CALLS_CHARS]
    if not _has_also_received(text):
        return []
    start = text.find(c.first) + len(c.first) if c.first and c.first in text else 0
    have, out = set(c.countries) | {c.host_country}, []
    for m in _ALSO_RECEIVED.finditer(text, start):
        subj = m.group("subj")
        if subj.lower() not in ("he", "she") and not subj.lower().startswith("the ") and _others_turn(c, subj):
            continue
        found = [p for p in _parse_people(text[m.end():_phrase_end(text, m.end())], c.date)
                 if p["country"] and p["country"] not in have and p["country"] not in gz.ORG_CODES]
        if found:
            have |= {p["country"] for p in found}
            out.append((m.group(0).strip(), found))
    return out


#: "X spoke to Y this morning, following a separate phone call with Z": the first sentence's other conversation
#: (rule ``several_calls``; the "with" of :data:`_OTHER_CONTACT_WITH` is not the sentence's own).
_SEPARATE_CALL_WITH = re.compile(r"\bseparate (?:(?:tele)?phone |video )?(?:calls?|conversations?|meetings?|talks) with\s+", I)


def _separate_call_in_first(c: _Context) -> list[tuple[str, list[dict]]]:
    """The foreign people of a separate conversation the first sentence names after its own (rule ``several_calls``:
    "The Prime Minister spoke to X, following a separate phone call with Y earlier today")."""
    m = _SEPARATE_CALL_WITH.search(c.first) if c.first and "separate" in c.first else None
    if m is None:
        return []
    have = set(c.countries) | {c.host_country}
    found = [p for p in _parse_people(c.first[m.end():_phrase_end(c.first, m.end())], c.date)
             if p["country"] and p["country"] not in have and (p["named"] or " " in (p.get("desc") or ""))]
    return [(m.group(0).strip(), found)] if found else []


#: A later sentence of a page of several meetings that opens with another of its host's meetings, its objects a
#: list ("He met separately with X of A, Y of B and Z of C", "On the sidelines of the summit, PM X interacted with a
#: number of leaders, including ...", "The prime minister also had a cordial meeting with the Kyrgyz President",
#: "Meanwhile, in his meeting with the Somalian president ..."): rule ``listed_meetings``. A leading adverbial
#: ("On the sidelines of ...,", "During his visit to ...,") may stand before the subject; an adjective or two
#: between "had a" and "meeting"; "separately" or "briefly" after "met". The subject may be a couple ("Then, the
#: Governor-General and Mrs X met with ...", a vice-regal or presidential diary: ``couple``), and, after a mark of
#: sequence ("Later,", "Then,") or "also", a guest "received", "welcomed" or "hosted" by title ("Later, the
#: Governor-General received His Excellency X, Ambassador of A": ``received``).
_LISTED_MEETING = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"\u201d]\s))"
    r"(?:(?:(?:On|At|In) the (?:sidelines|margins|fringes?) of|During (?:his|her|the|a)) [^,.;]{3,80}, "
    r"|(?P<mark>Meanwhile|Also|(?:Later|Earlier)(?: (?:in the|that|on the same) (?:morning|afternoon|evening|day))?"
    r"|Soon after|Afterwards|Besides|Separately|In addition|Then),? )?"
    r"(?:(?:(?P<subj>(?-i:[Hh]e|[Ss]he)|(?-i:The|the)(?: (?:[A-Z][\w'\-]*|prime|minister|president|premier|foreign"
    r"|chancellor|king|emir|crown|prince|secretary|general)){1,3}"
    r"|(?-i:[A-Z][\w'\-]*)(?: (?-i:[A-Z][\w'\-]*)){0,3})"
    r"(?P<couple> and (?:(?:(?:Her|His) Excellency )?(?-i:Mrs|Mr|Ms|Dr|Lady|Sir|Madame)\.?(?: (?-i:[A-Z][\w'\-]*)){1,2}"
    r"|(?:his|her) (?:wife|husband|spouse)|the First (?:Lady|Gentleman)))? (?:(?P<adv>also|then|later|separately|further) )?"
    r"(?:(?:had )?met(?: (?:separately|briefly|jointly))?(?: with)?|interacted with"
    r"|(?P<received>received|welcomed|hosted)(?= (?:(?:His|Her|Their) (?:Excellenc(?:y|ies)|Majesty|(?:Royal )?Highness)"
    r"|H\.\s?E\.))"
    r"|(?:held|had) (?:(?:a|an|separate|further|another|(?P<many>several|a (?:number|series|host) of|many)|bilateral"
    r"|[\"\u201c]?(?:back-to-back|productive|cordial|warm|brief|short|friendly|fruitful|useful|good|constructive)"
    r"[\"\u201d]?) )*"
    r"(?P<kind>meetings?|talks|discussions|bilaterals|interactions)[\"\u201d]? with))"
    r"|(?i:in|during) (?:a|his|her|the) (?:(?:separate|bilateral|subsequent) )?meeting with) ", re.M)
#: The words a page of several meetings says in its title or first sentence (rule ``listed_meetings``).
_SEVERAL_MEETINGS = re.compile(r"\b(?:meetings|bilaterals|interactions|leaders|counterparts|heads of (?:state|government)|others"
                               r"|(?:series|number|array|host|flurry|round) of)\b", I)
#: A collective object before the list of those met ("a number of heads of state, including", "Heads of State
#: and Government as well as"): skipped, so the list that follows is read.
_COLLECTIVE_OBJECT = re.compile(
    r"(?:(?:a (?:number|host|series|range) of|several|various|many|other|some) )?(?:[a-z]+ ){0,2}"
    r"(?i:leaders|heads of state(?: and government)?|counterparts|dignitaries)(?: [a-z][^,.;]{0,40}?)?"
    r",? (?:including|among them|such as|as well as) ")


#: The words an opening of :data:`_LISTED_MEETING` ends with before its " with " (or " met "), looked for with
#: ``str.find``: the expression is tried only at the start of a sentence that holds one (:func:`_listed_openings`),
#: not at every sentence of the page.
_LISTED_BEFORE_WITH = ("meeting", "meetings", "talks", "bilaterals", "discussions", "interactions", "interacted",
                       " met", "meeting\"", "meeting\u201d", "separately", "briefly", "jointly")


def _listed_openings(text: str, start: int) -> list[int]:
    """The starts, from ``start`` and in order, of the sentences of ``text`` that hold " met " or one of
    :data:`_LISTED_BEFORE_WITH` before " with " (the last sentence start up to :data:`_OPENING_BEFORE` characters
    before it)."""
    places = set()
    for word in (" met ", " with ", " received ", " welcomed ", " hosted "):
        at = text.find(word, start)
        while at >= 0:
            if word != " with " or text.endswith(_LISTED_BEFORE_WITH, max(start, at - 13), at):
                lo = max(start, at - _OPENING_BEFORE)
                starts = [b.end() for b in _SENTENCE_STARTS.finditer(text, max(lo - 3, 0), at) if b.end() >= lo]
                places.add(starts[-1] if starts else lo)
            at = text.find(word, at + len(word))
    return sorted(places)


def _listed_meetings(c: _Context) -> list[tuple[str, list[dict]]]:
    """The foreign people a page of several meetings names as met in a later sentence of its host
    (:data:`_LISTED_MEETING`): read on meetings' pages whose title or first sentence speaks of several meetings
    (:data:`_SEVERAL_MEETINGS`), or where the sentence itself says "also", "separately" or "several meetings"
    (a guest "received" only after "also" or a mark of sequence, "Later,"); on a video meeting's page too (a
    diary whose first engagement was by video); not another leader's meetings, not on a press conference's page."""
    if c.medium not in ("in_person", "video") or c.press or not c.text:  # not a press conference's (meetings in passing)
        return []
    text = c.text[:_CALLS_CHARS]
    several = None  # read from the title and first sentence only once an opening is found (most pages have none)
    start = text.find(c.first) + len(c.first) if c.first and c.first in text else 0
    have, out = set(c.countries) | {c.host_country}, []
    for at in _listed_openings(text, start):
        m = _LISTED_MEETING.match(text, at)
        if m is None:
            continue
        if several is None:
            several = bool(_SEVERAL_MEETINGS.search(c.title or "") or _SEVERAL_MEETINGS.search(c.first or ""))
        if not (several or m.group("mark") or m.group("adv") or m.group("many")) \
                or m.group("received") and not (m.group("mark") or m.group("adv")):
            continue
        subj = m.group("subj") or "he"
        if subj.lower() not in ("he", "she") and not subj.lower().startswith("the ") and _others_turn(c, subj):
            continue
        begin = m.end()
        skip = _COLLECTIVE_OBJECT.match(text, begin)
        begin = skip.end() if skip else begin
        found = [p for p in _parse_people(text[begin:_phrase_end(text, begin)], c.date)
                 if p["country"] and p["country"] not in have and (p["named"] or " " in (p.get("desc") or ""))]
        if found:
            have |= {p["country"] for p in found}
            out.append((m.group(0).strip(), found))
    return out


def _several_calls_rule(c: _Context) -> None:
    """Rule ``several_calls``: a page that reports several calls or meetings of its host one after another
    (sentences or paragraphs that open "The Prime Minister also spoke to X", "He then spoke with X", "In a
    separate call, the Taoiseach spoke with X", "Later, she held calls with X of A and Y of B"): every foreign
    leader or country those openings name is a counterpart too (the openings past the first sentence, in the
    first 6,000 characters; not another leader's own conversation, not a leader the page only talks about; an
    opening may also give a time of the same day, "Later on in the day", "Earlier in the afternoon", "Earlier at 3pm",
    name its subject by an office in lower case, "the head of state", "the prime minister", and say "called X", "was
    talking to X" or "met and held talks with X": rule ``next_call_opening``). A page
    whose title or first sentence reports meetings or calls in the plural reads its openings "In a (bilateral)
    meeting with X, ..." too (:func:`_meetings_in_turn`). Rule ``also_received``: a meeting's readout whose host
    "also received" another guest later on ("President X also received the Foreign Minister of A", "The Minister
    further received in audience the Ambassador of B") has that guest's country too (:func:`_also_received`). A
    first sentence's own "following a separate phone call with Z" counts Z (:func:`_separate_call_in_first`). Rule
    ``listed_meetings``: a meeting's page whose title or first sentence speaks of several meetings ("holds a series
    of bilateral meetings", "talks with several leaders") counts every foreign leader a later sentence of its host
    lists as met ("He met separately with X of A, Y of B and Z of C"; "On the sidelines of the summit, PM X
    interacted with a number of heads of state, including ..."); so does any page where that sentence says "also",
    "meanwhile", "separately" or "held a number of meetings" ("The prime minister also had a cordial meeting with
    the Kyrgyz President"; "Meanwhile, in his meeting with the Somalian president ..."); not another leader's
    meetings, not a press conference's page (:func:`_listed_meetings`); a diary's later engagements of its host
    and spouse ("Then, the Governor-General and Mrs X met with the President of A, via video conference"; "Later,
    the Governor-General received His Excellency Y, Ambassador of B"), on a meeting's or a video meeting's page."""
    if c.medium == "other" or c.announced or not c.text or c.host_country is None:
        return
    for evidence, found in _separate_call_in_first(c) + _next_calls(c):
        c.decide("counterparts", c.counterparts + [p["name"] for p in found], "several_calls", evidence)
        c.decide("countries", c.countries + [p["country"] for p in found], "several_calls", evidence)
    for evidence, found in _also_received(c):
        c.decide("counterparts", c.counterparts + [p["name"] for p in found], "also_received", evidence)
        c.decide("countries", c.countries + [p["country"] for p in found], "also_received", evidence)
    for evidence, found in _listed_meetings(c):
        c.decide("counterparts", c.counterparts + [p["name"] for p in found], "listed_meetings", evidence)
        c.decide("countries", c.countries + [p["country"] for p in found], "listed_meetings", evidence)


#: "X pays a courtesy call on Y", "X paid a farewell call on Y": the visitor X calls on Y (rule courtesy_call).
_CALL_ON = re.compile(r"\b(?:pays?|paid|paying|makes?|made|making)\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+)?"
                      r"(?:courtesy|farewell|introductory|goodbye|protocol)\s+calls?\s+on\b", I)


def _courtesy_call_rule(c: _Context) -> None:
    """Rule ``courtesy_call``: "The Ambassador of X pays a farewell call on the Vice President": the
    visitor, the subject, is the counterpart, and the one called on is the host (not the visitor); an
    organisation's head who pays the call, relayed by another site than the organisation's, is the counterpart
    too, and the host's country is then the country of the leader called on (:func:`_visiting_host`). Rule
    ``called_on_host``: so is a visitor who "called on" a leader, where the visitor had been taken as the host of a
    relay not of his country (:func:`_called_on_host`)."""
    if not any(_called_on_host(c, s) for s in (c.title, c.first)):
        _courtesy_call(c)


def _courtesy_call(c: _Context) -> None:
    """Rule ``courtesy_call`` (:func:`_courtesy_call_rule`)."""
    for s in (c.title, c.first):
        m = _CALL_ON.search(s) if s and "call" in s else None
        if m is None:
            continue
        guests = [p for p in _parse_people(s[:m.start()], c.date) if p["country"] and (
            p["country"] != c.host_country and p["country"] not in gz.ORG_CODES or _visiting_host(c, p))]
        if not guests:
            continue
        guest = guests[0]
        visiting_host = _visiting_host(c, guest)
        name = guest["name"] if guest["known"] else _clean_name(guest["name"])
        c.decide("counterparts", [name], "courtesy_call", m.group(0))
        c.decide("countries", [guest["country"]], "courtesy_call", m.group(0))
        host_rule = next((d.rule for d in reversed(c.trace) if d.fact == "host"), None)
        if c.host is None or host_rule == "titled_name_in_subject" or any(
                g and (c.host == g or g.endswith(" " + c.host)) for g in [p["name"] for p in guests] + [name]):
            after = s[m.end():_phrase_end(s, m.end())]
            called = [p for p in _parse_people(after, c.date) if p["named"]]
            if called:
                host = called[0]["name"] if called[0]["known"] else _clean_name(called[0]["name"])
            else:  # "... on the Prime Minister": the holder of that office at the date
                office = _office_of_subject(c, after)
                host = gz.office_holder(c.host_country, office, c.date) if office and c.host_country else None
            c.decide("host", host, "courtesy_call", after.strip()[:60])
            if visiting_host and called and called[0]["country"] not in (None, guest["country"]):
                c.decide("host_country", called[0]["country"], "courtesy_call", after.strip()[:60])
        return


def _called_on_host(c: _Context, s: Optional[str]) -> bool:
    """Rule ``called_on_host``: a title or first sentence "X called on Y" ("Mr X, the Prime Minister of A, called on
    the President of B, Y, at the presidential palace today") whose subject X had been taken as the host of a page
    of a site not of X's country (a relay of Y's office, :func:`_visiting_host`): Y, named, of another country,
    hosts, and X is the counterpart, as after "paid a courtesy call on" (not "called on Y to ...", an appeal:
    :data:`_CALLED_ON`). Whether it decided."""
    m = _CALLED_ON.search(s) if s and ("alled on" in s or "alls on" in s) and c.host else None
    if m is None:
        return False
    guests = [p for p in _parse_people(s[:m.start()], c.date) if p["country"] and _visiting_host(c, p)]
    if not guests:
        return False
    after = s[m.end():_phrase_end(s, m.end())]
    called = [p for p in _parse_people(after, c.date) if p["named"] and p["country"]
              and p["country"] not in (guests[0]["country"], *gz.ORG_CODES)]
    if not called:
        return False
    host = called[0]["name"] if called[0]["known"] else _clean_name(called[0]["name"])
    c.decide("counterparts", [guests[0]["name"]], "called_on_host", m.group(0))
    c.decide("countries", [guests[0]["country"]], "called_on_host", m.group(0))
    c.decide("host", host, "called_on_host", after.strip()[:60])
    c.decide("host_country", called[0]["country"], "called_on_host", after.strip()[:60])
    return True


#: "The members of the visiting Mission of the IMF called on President X": the visitor, the subject, calls on the host
#: (rule ``called_on_guest``; not "called on X to release ...", an appeal).
_CALLED_ON = re.compile(r"\b(?:called|calls|has called|have called) on\b(?![^.;]{0,80}?\bto (?!(?:the|his|her|its|their|a)\b)[a-z])")


def _called_on_guest_rule(c: _Context) -> None:
    """Rule ``called_on_guest``: a first sentence "The IMF mission called on President X" (or a title "... calls on
    the President"), whose only participant is the host's side: the subject's people of another country or of an
    organisation are the counterparts ("a mission of the World Bank" is a side, unnamed). Read only where no
    counterpart was found and the first sentence or the title says "called on" or "calls on"."""
    if c.countries or not c.host_country:
        return
    for s in (c.first, c.title):
        m = _CALLED_ON.search(s) if s and ("alled on" in s or "alls on" in s) else None
        if m is None:
            continue
        guests = [p for p in _parse_people(s[:m.start()], c.date) if p["country"] and p["country"] != c.host_country]
        if not guests:
            continue
        names = [p["name"] if p["known"] else _clean_name(p["name"]) for p in guests]
        c.decide("counterparts", names, "called_on_guest", m.group(0))
        c.decide("countries", list(dict.fromkeys(p["country"] for p in guests)), "called_on_guest", m.group(0))
        return


#: "The High Commissioner-designate of the Republic of A to the Republic of B, H.E. Ms X, called on ...": an envoy of
#: A accredited to B (rule ``envoy_called_on``); A and B end at a comma, a title or the verb.
_ENVOY_OF_TO = re.compile(r"\b(?:Ambassador|High Commissioner|Envoy|Charg[ée] d.Affaires(?: a\.i\.)?)(?:[- ]designate)?"
                          r"\s+of\s+(?P<a>[^,;]{3,60}?)\s+to\s+(?P<b>[^,;]{3,60}?)"
                          r"(?=\s*[,;]|\s+(?:H\.E\.|Mr|Ms|Mrs|Dr|has|had|called|calls|paid|pays)\b)")


def _envoy_country(phrase: str) -> Optional[str]:
    """The one country (not an organisation) a phrase of :data:`_ENVOY_OF_TO` names, else None."""
    found = {code for _, _, code in gz.find_countries(gz.fold(phrase)) if code not in gz.ORG_CODES}
    return found.pop() if len(found) == 1 else None


def _envoy_called_on_rule(c: _Context) -> None:
    """Rule ``envoy_called_on``: a first sentence "The Ambassador (High Commissioner) of A to B ... called on
    (paid a courtesy call on) the Foreign Minister Y" on a site that is not A's: the host is B's (Y, or B's holder
    of the office called on), A is the counterpart, whatever the subject's country said. Read only where the
    first sentence says "to" and "called on" or "call on" (``str.find`` first)."""
    first = c.first
    if not first or " to " not in first or ("alled on" not in first and "all on" not in first):
        return
    m = _ENVOY_OF_TO.search(first)
    if m is None:
        return
    a, b = _envoy_country(m["a"]), _envoy_country(m["b"])
    if not a or not b or a == b or c.pub_country == a:
        return
    call = _CALLED_ON.search(first, m.end()) or _CALL_ON.search(first, m.end())
    if call is None:
        return
    after = first[call.end():_phrase_end(first, call.end())]
    called = [p for p in _parse_people(after, c.date) if p["named"] and p["country"] in (None, b)]
    called = [p for p in called if p["known"]] or [p for p in called if p["name"] and _personal(p["name"])]
    if called:
        host = called[0]["name"] if called[0]["known"] else _clean_name(called[0]["name"])
    else:  # "... called on the Prime Minister": the holder of that office at the date
        office = _office_of_subject(c, after)
        host = gz.office_holder(b, office, c.date) if office else None
    c.decide("host", host, "envoy_called_on", after.strip()[:60])
    c.decide("host_country", b, "envoy_called_on", m.group(0)[:80])
    c.decide("counterparts", [None], "envoy_called_on", m.group(0)[:80])
    c.decide("countries", [a], "envoy_called_on", m.group(0)[:80])


def _visiting_host(c: _Context, p: dict) -> bool:
    """Whether ``p``, taken as the host (the subject), is the visitor of a courtesy call on another site than
    his own: "Dr X, ASEAN Secretary-General, paid a courtesy call on Prime Minister Y" relayed by a Thai site
    (rule ``courtesy_call``: the one called on is the host)."""
    return p["known"] and p["name"] == c.host and p["country"] == c.host_country and c.pub_country != p["country"]


def _needs_foreign_counterpart(c: _Context) -> None:
    """Rules ``no_foreign_counterpart`` and ``domestic_event``: a conversation needs a foreign counterpart;
    a gathering the title names stands without named participants; "Meeting on ..." of one's own bodies
    is domestic (but "Meeting of Prime Minister X with the President of Cyprus Y" is a meeting)."""
    title, head = c.title, c.head
    if not c.countries and c.medium != "other":
        def domestic() -> bool:
            return bool(_DOMESTIC_WORDS.search(head) or (title and _DOMESTIC_EVENT.search(title))
                        or any(p["country"] == c.host_country and _personal(p["name"]) and p["name"] != c.host
                               for p in c.phrase_people))

        if c.gathering and not c.press and not domestic():
            return  # a summit: the medium stands, the participants may be unnamed
        if c.medium == "in_person":
            c.decide("medium", "other", "no_foreign_counterpart", c.phrase_text.strip())
            return
        titled_unknown = any(p["named"] and not p["known"] and p["country"] is None for p in c.phrase_people) and (
            _FOREIGN_TITLE.search(c.phrase_text or ""))
        if not titled_unknown or domestic():
            c.decide("medium", "other", "no_foreign_counterpart", c.phrase_text.strip())
    elif c.medium == "in_person" and title and _DOMESTIC_EVENT.search(title) and not c.gathering \
            and not (title[:10].lower() == "meeting of" and c.foreign(c.t_part)):
        c.decide("medium", "other", "domestic_event", _DOMESTIC_EVENT.search(title).group(0))


# ---- the author, held or announced, the initiator
def _author_rule(c: _Context) -> None:
    """Rule ``author`` (:func:`_author_host`), where no known host of the publisher's country was found."""
    known = gz.lookup_leader(c.host, c.date) if c.host else None
    if known is not None and known.name != c.host and known.country == c.host_country:
        c.decide("host", known.name, "leaders_table_name", c.host)  # "Joe Biden" -> the table's name
    if c.host is not None and c.host_country == c.pub_country and known is not None:
        return
    authored = _author_host(c.title, c.first, c.pub_country, c.date, c.record.publisher, c.record.url)
    if authored and authored != (c.host, c.host_country):
        c.decide("host", authored[0], "author", c.title)
        c.decide("host_country", authored[1], "author", c.title)
        counterparts, countries = _without_host(c.counterparts, c.countries, c.host, c.host_country)
        c.decide("counterparts", counterparts, "author", "the author is not a counterpart")
        c.decide("countries", countries, "author", "the author is not a counterpart")


def _status_rule(c: _Context) -> None:
    """Rules ``held`` and the announcement rules of :mod:`diplo_analysis.announcements`."""
    first = c.sents[0] if c.sents else ""
    ann = announcement_rule(c.title, first) if c.countries else None
    if ann is not None:
        c.decide("status", "announced", ann.rule, ann.evidence)
        c.decide("planned_date", planned_date(ann.sentence, c.date), ann.rule, ann.sentence[:120])
        c.decide("medium", "other", ann.rule, ann.evidence)  # an announcement reports no conversation held
    elif c.medium != "other":
        c.decide("status", "held", "held", f"medium {c.medium}")


#: The words that introduce a readout quoted from its office: "A Downing Street spokesperson said:".
_SPOKESPERSON_SAID = re.compile(r"\bspokes(?:person|man|woman) said:\s*", I)


def _initiator_rule(c: _Context) -> None:
    """The initiator of a call, where the text says who initiated or requested it (see :func:`_initiator`); the
    first sentence of a readout quoted after "A ... spokesperson said:" is read as a first sentence too. Where
    none of these decides, a later sentence naming the caller and the called by the words of their names
    (rule ``body_caller``, :func:`_body_caller`: "An aide said that Trump had called Ishiba")."""
    if c.medium not in ("phone", "video"):
        return
    raw = (c.text or "").replace("\u2019", "'")
    found = _initiator_decision(f"{c.title}.\n{raw}", f"{c.title}. {c.first}", c.host, c.host_country, c.date,
                                len(c.title) + 2, tuple(c.counterparts), tuple(c.countries))
    said = _SPOKESPERSON_SAID.search(raw, 0, HEAD_CHARS) if found is None and raw.find("said:", 0, HEAD_CHARS) >= 0 \
        else None
    if said is not None:
        # "A Downing Street spokesperson said: President X called the Prime Minister ...": the quoted readout's
        # first sentence is read as a first sentence (rule caller)
        quoted = next(_iter_sentences(raw[said.end():said.end() + 600]), "")
        found = _initiator_decision(quoted, quoted, c.host, c.host_country, c.date, 0, tuple(c.counterparts),
                                    tuple(c.countries))
    if found is None and len(c.sents) > c.i + 1:
        found = _second_sentence_caller(c, c.sents[c.i + 1])
    if found is None and c.host and c.counterparts:
        found = _body_caller(raw, c.host, tuple(c.counterparts))
    if found is not None:
        c.decide("initiator", *found)


# ---- rule body_caller: a later sentence says which of the two named sides placed the call
#: How far into a text a later caller sentence is read (the account of one call, not a background section).
BODY_CALLER_CHARS = 3000
#: The lower-cased words one of which a later caller sentence holds (the prefilter of :func:`_body_caller`).
_BODY_CALLER_KEYS = (" called ", " phoned ", " telephoned ", " rang ", " made a", "initiated", " she made ", " he made ")
#: "a phone call she made with X": the call of the side named by a pronoun, whose words name the other side after.
_CALL_PRONOUN_MADE = re.compile(r"\b(?:call|conversation)s? (?:that |which )?(?:he|she) (?:had )?(?:made|placed|initiated)"
                                r" (?:with|to)\b")
#: Words of a name that name no one side ("Jr.", particles and titles inside Gulf and Malay names).
_NAME_FILLERS = frozenset({"Jr.", "Jr", "Sr.", "Sr", "bin", "Bin", "Al", "al", "Sheikh", "Prince", "King", "III"})


def _side_names(host: str, counterparts: tuple) -> Optional[re.Pattern]:
    """One expression whose group ``h`` matches a word of the host's name and ``c`` a word of a counterpart's
    (words of three letters or more, neither a filler nor shared by both sides), else None."""
    def words(name):
        return {w for w in (name or "").split() if len(w) >= 3 and w[:1].isupper() and w not in _NAME_FILLERS}
    own = words(host)
    other = set().union(*(words(n) for n in counterparts))
    own, other = own - other, other - own
    if not own or not other:
        return None
    alt = "|".join
    return re.compile(rf"\b(?:(?P<h>{alt(map(re.escape, sorted(own)))})|(?P<c>{alt(map(re.escape, sorted(other)))}))\b")


def _body_caller(raw: str, host: str, counterparts: tuple) -> Optional[tuple[str, str, str]]:
    """Rule ``body_caller``: a later sentence of the text (within :data:`BODY_CALLER_CHARS`) names who placed the
    call, where the title and first sentence do not: "X called Y" (a caller row of ``initiator_cues.csv``) with
    X's name nearest the verb ("Vondra said that Trump had called Fiala") and Y of the other side named after it
    (no object is needed after "initiated" or "requested": "Ishiba confirmed that he initiated the conversation"),
    or "a call she made with Y" (the side Y is not). Sides are told by the words of the host's and counterparts'
    names. Sentences about an earlier call ("last week") are skipped, and sentences that disagree decide nothing
    (two calls: "On Sunday A phoned B ... On Tuesday B made a call to A"). Read only where no earlier rule
    found the initiator and the text holds one of :data:`_BODY_CALLER_KEYS`."""
    text = raw[:BODY_CALLER_CHARS]
    low = text.lower()
    if not any(k in low for k in _BODY_CALLER_KEYS):
        return None
    names = _side_names(host, counterparts)
    if names is None:
        return None
    found = [f for f in map(lambda sentence: _sentence_caller(sentence, names), _SENT_END.split(text)) if f]
    if not found or len({side for side, _ in found}) > 1:
        return None
    return found[0][0], "body_caller", found[0][1]


def _sentence_caller(sentence: str, names: re.Pattern) -> Optional[tuple[str, str]]:
    """``(side, evidence)`` of one sentence for :func:`_body_caller`, else None."""
    if len(sentence) < 15 or _EARLIER_CALL.search(sentence):
        return None
    m = _CALL_PRONOUN_MADE.search(sentence)
    if m is not None:
        after = names.search(sentence, m.end())
        if after is not None:
            return ("counterpart" if after.lastgroup == "h" else "host"), sentence[max(0, m.start() - 30): after.end()]
    m = initiator_cues().find_caller(sentence)
    if m is None:
        return None
    before = list(names.finditer(sentence, 0, m.start()))
    if not before:
        return None
    side = before[-1].lastgroup
    after = names.search(sentence, m.end())
    if after is not None and after.lastgroup == side:
        return None  # both ends of the verb name one side: not a call between them
    if after is None and not re.search(r"initiat|request|asked for|sought", m.group(0), I):
        return None
    end = after.end() if after is not None else m.end()
    return ("host" if side == "h" else "counterpart"), sentence[before[-1].start(): end]


def _second_sentence_caller(c: _Context, second: str) -> Optional[tuple[str, str, str]]:
    """Rule ``caller`` in the sentence after the first, its own subject read ("Prime Minister X extended his
    greetings to the leaders of A and B. His office said he made telephone calls to ...")."""
    return _caller_rule(second, 0, c.host, c.host_country, c.date, tuple(c.counterparts))


#: The facts read from cues: left empty on a page in a language without cue rows (:func:`_language_rule`).
ENGLISH_CUE_FACTS = (("medium", None), ("status", None), ("planned_date", pd.NaT), ("initiator", None))


def _language_rule(c: _Context) -> None:
    """A page in another language than English (:mod:`diplo_analysis.language`). Where its language has
    cue rows (``data/cues_languages.csv``, :mod:`diplo_analysis.language_cues`), its medium, status and
    initiator are read from them: rules ``language_title_cue``, ``language_text_cue``, ``language_no_cue``,
    ``language_no_foreign_counterpart``, ``held``, ``language_at_request``, ``language_initiative_of``,
    ``language_caller``, ``language_cues`` (:func:`_language_cue_rules`). Where it has none, rule
    ``not_english``: the facts read from cues (medium, status, planned date, initiator) are left empty, not
    guessed; the date, the host, its country and the counterparts the tables name stand. Then the leaders named
    in the page's own words (rule ``language_leader_name``, ``data/leader_names_languages.csv``: the host, else
    the counterparts), a known leader named further in the head (rule ``language_lead_leader``,
    :func:`_language_lead_leader`) and the countries named in the page's language (:func:`_language_countries`), and
    rule ``language_side`` (a page of no known publisher in its counterpart's own language is that side's:
    :func:`_language_side_rule`). English pages return at once: they never read the rows of other languages.
    """
    if c.language == ENGLISH:
        return
    cues = language_cues.cues_for(c.language)
    if cues is not None:
        _language_cue_rules(c, cues)
    else:
        why = explain_language(c.record.title, c.record.text)
        evidence = f"language {why.code} ({why.rule}, {why.evidence})"
        for fact, empty in ENGLISH_CUE_FACTS:
            c.decide(fact, empty, "not_english", evidence)
    _language_countries(c)
    _language_side_rule(c)
    if cues is not None:
        _language_initiator_rule(c, cues)


def _language_side_rule(c: _Context) -> None:
    """Rule ``language_side``: a page of no known publisher, written in a language official in its one
    counterpart's country and not in its host's ("Obama telepon Jokowi" in Indonesian on a news site), is that
    side's readout: the two sides change places. Only a language official in one or two countries
    (:func:`diplo_analysis.language_countries.languages_of_few_countries`: not Arabic, French, Russian, in which
    agencies of many states write); CLDR's official languages, through Babel
    (:func:`diplo_analysis.language_countries.official_languages`). The initiator stands: the language's
    initiator rows read it from the text's own subject ("menerima telepon dari": received a call from)."""
    if c.pub_country or c.host_country is None or len(c.countries) != 1 \
            or not language_countries.languages_of_few_countries(c.language):
        return
    mine, theirs = (language_countries.official_languages(code) for code in (c.host_country, c.countries[0]))
    if not mine or c.language in mine or c.language not in theirs:
        return
    host, country = c.host, c.host_country
    evidence = f"{c.language}: official in {c.countries[0]}, not in {country}"
    c.decide("host", c.counterparts[0] if c.counterparts else None, "language_side", evidence)
    c.decide("host_country", c.countries[0], "language_side", evidence)
    c.decide("counterparts", [host], "language_side", evidence)
    c.decide("countries", [country], "language_side", evidence)


def _language_countries(c: _Context) -> None:
    """Rules ``language_host_country`` (a host country still open: the first country that the words of the
    page's language name in its title and head) and ``language_counterpart_country`` (a conversation without
    a counterpart country: the first other country they name), read by
    :func:`diplo_analysis.language_countries.countries_in` (CLDR's names of the territories in that
    language, and the rows of ``data/country_names_languages.csv``). The evidence names the language,
    the words and their source: ``ru: 'Узбекистана' (CLDR)``."""
    title = c.record.title if isinstance(c.record.title, str) else ""  # as written: c.title is folded
    lead = language_cues.lead_of(title, c.text)
    if c.host is None:
        _language_leader_host(c, title, lead)
    if c.host_country is not None and (c.countries or c.medium == "other"):
        return
    head = f"{title}. {lead}"
    if c.host_country is not None:
        _language_lead_leader(c, head)
        if c.countries:
            return
    found = language_countries.countries_in(c.language, head)
    if not found:
        return

    def said(f) -> str:
        return f"{c.language}: {f.words!r} ({f.source})"
    if c.host_country is None:
        c.decide("host_country", found[0].code, "language_host_country", said(found[0]))
    other = next((f for f in found if f.code != c.host_country), None)
    if not c.countries and c.medium != "other" and other is not None:
        c.decide("counterparts", [None], "language_counterpart_country", said(other))
        c.decide("countries", [other.code], "language_counterpart_country", said(other))


def _language_lead_leader(c: _Context, head: str) -> None:
    """Rule ``language_lead_leader``: a conversation with a known host and no counterpart, on a page not in
    English, gets the first known leader of another country than the host's that the title and head name in
    Latin letters ("sonó el teléfono de Alberto Fernández. Del otro lado se presentó Donald Trump"), read
    further than the first sentences the English rules read; before the country words of the page's
    language. Without a host (a third country's relay of two others' call) the leaders named in Latin letters
    are not sorted; those named in the page's own words (``data/leader_names_languages.csv``, rule
    ``language_leader_name``, :func:`_language_leader_counterparts`) need only the host's country."""
    if c.countries or c.host_country is None or c.medium in (None, "other"):
        return
    for _, _, leader in gz.find_leaders(gz.fold(head), c.date) if c.host is not None else ():
        if leader.country != c.host_country and leader.name != c.host:
            c.decide("counterparts", [leader.name], "language_lead_leader", leader.name)
            c.decide("countries", [leader.country], "language_lead_leader", leader.name)
            return
    _language_leader_counterparts(c, head)


def _leader_said(c: _Context, m) -> str:
    """``"ru: 'Путиным' (leader_names_languages.csv:12) = Vladimir Putin"``: the evidence of a leader's name."""
    return f"{c.language}: {m.words!r} ({m.source}) = {m.leader}"


def _language_leader_host(c: _Context, title: str, lead: str) -> None:
    """Rule ``language_leader_name`` (host): a page not in English whose host no rule found gets the first
    leader that the words of its language name (``data/leader_names_languages.csv``,
    :mod:`diplo_analysis.language_leaders`) in its first sentences, else its title: of the publisher's
    country where that is known ("高市首相は…李在明大統領と会談" on a Japanese site: Takaichi), the first one
    named otherwise; its country is the host country where that is still open. Where the publisher's country
    is known, a leader of that country named in Latin letters further in the head is its host too ("Na conversa,
    Lula disse" on a Brazilian site); where it is not, the first known leader (not an organisation's head) that
    the head names in Latin letters is ("El nuevo presidente de la República, X, mantuvo reuniones con ...")."""
    for part in (lead, title):
        for m in language_leaders.leaders_in(c.language, part):
            leader = gz.lookup_leader(m.leader, c.date)
            if leader is None or (c.host_country is not None and leader.country != c.host_country):
                continue
            c.decide("host", leader.name, "language_leader_name", _leader_said(c, m))
            if c.host_country is None:
                c.decide("host_country", leader.country, "language_leader_name", _leader_said(c, m))
            return
        for _, _, leader in sorted(gz.find_leaders(gz.fold(part), c.date), key=lambda f: f[0]):
            if c.host_country is None and leader.country not in gz.ORG_CODES:
                # a site of unknown country: the first leader named in Latin letters, its subject ("El nuevo
                # presidente de la República, X, mantuvo reuniones con ..."), hosts as his own words would
                c.decide("host", leader.name, "language_leader_name", f"{c.language}: {leader.name} (leaders.csv)")
                c.decide("host_country", leader.country, "language_leader_name", f"{c.language}: {leader.name} (leaders.csv)")
                return
            if leader.country == c.host_country:
                c.decide("host", leader.name, "language_leader_name", f"{c.language}: {leader.name} (leaders.csv)")
                return


def _language_leader_counterparts(c: _Context, head: str) -> None:
    """Rule ``language_leader_name`` (counterparts): a conversation with a known host and no counterpart gets
    the first leader of another country that the words of the page's language name in the title and head
    (``data/leader_names_languages.csv``), and the other such leaders of the same sentence ("з Президентом
    Франції Франсуа Олландом та канцлером Ангелою Меркель": France and Germany)."""
    resolved = {}
    for m in language_leaders.leaders_in(c.language, head):
        leader = gz.lookup_leader(m.leader, c.date)
        if leader is not None and leader.country != c.host_country and leader.name != c.host:
            resolved[m] = leader
    people, countries, said = [], [], []
    for m in language_leaders.same_sentence(c.language, head, list(resolved)):
        leader = resolved[m]
        if leader.name in people:
            continue
        people.append(leader.name)
        said.append(_leader_said(c, m))
        if leader.country not in countries:
            countries.append(leader.country)
    if people:
        c.decide("counterparts", people, "language_leader_name", "; ".join(said))
        c.decide("countries", countries, "language_leader_name", "; ".join(said))


def _cue_evidence(cues, found: tuple) -> str:
    """``"de cues_languages.csv:12: 'telefonierte'"``: the language, the row that matched and its words."""
    medium, m = found
    row = next(r for r in cues.media[medium] if r.rx.pattern == m.re.pattern)
    return f"{cues.code} {Path(row.where).name}: {m.group(0)!r}"


def _language_medium(c: _Context, cues) -> None:
    """Rules ``language_title_cue``, ``language_text_cue``, ``language_no_cue`` (the medium of a page in a
    language with cue rows, :func:`diplo_analysis.language_cues.pick_medium`) and
    ``language_no_foreign_counterpart`` (a conversation whose only named participants are of the host's
    country is ``other``, as for English pages)."""
    title = unicodedata.normalize("NFC", (c.record.title or "").strip())
    in_title = language_cues.pick_medium(cues.media, title)
    in_text = None
    if in_title is None or in_title[0] in ("in_person", "other"):
        in_text = language_cues.pick_medium(cues.media, language_cues.lead_of(title, c.text))
        if in_title is not None and (in_text is None or in_text[0] not in ("phone", "video")):
            in_text = None  # a title's meeting or other contact stands unless the text reports a call
    if in_text is not None:
        c.decide("medium", in_text[0], "language_text_cue", _cue_evidence(cues, in_text))
    elif in_title is not None:
        c.decide("medium", in_title[0], "language_title_cue", _cue_evidence(cues, in_title))
    else:
        c.decide("medium", "other", "language_no_cue", f"{cues.code}: no cue of data/cues_languages.csv")
    if c.medium != "other" and not c.countries and c.host_country and any(
            p["country"] == c.host_country and p["name"] != c.host for p in c.phrase_people or ()):
        c.decide("medium", "other", "language_no_foreign_counterpart", (c.phrase_text or "").strip())


def _language_cue_rules(c: _Context, cues) -> None:
    """Medium (:func:`_language_medium`) and ``status`` (``held`` for a conversation; announcements are not
    read in other languages: ``planned_date`` NaT) of a page in a language with cue rows; its initiator is
    read after its countries (:func:`_language_initiator_rule`)."""
    _language_medium(c, cues)
    c.decide("planned_date", pd.NaT, "language_cues", f"{cues.code}: announcements are read in English only")
    if c.medium != "other":
        c.decide("status", "held", "held", f"medium {c.medium}")
    else:
        c.decide("status", None, "language_cues", f"{cues.code}: medium other")


def _language_initiator_rule(c: _Context, cues) -> None:
    """The initiator of a call on a page in a language with cue rows (:func:`_language_initiator`), read once
    its host country is known (a caller may be named by his country's words alone)."""
    c.decide("initiator", None, "language_cues", f"{cues.code}: no initiator cue")
    if c.medium in ("phone", "video") and cues.initiator is not None:
        found = _language_initiator(c, cues)
        if found is not None:
            c.decide("initiator", *found)


def _caller_by_country(code: str, subject: str, host_country: Optional[str], date=None) -> Optional[str]:
    """The side of a caller whom no known leader names: the country or leader (``leader_names_languages.csv``)
    that the words of the page's language name last in the subject, nearest the verb ("भारत के प्रधानमंत्री ...
    ने ... को फोन किया": the host's; "أجرى الملك محمد السادس اتصالا هاتفيا مع": the King's)."""
    if not host_country:
        return None
    found = [(f.start, f.code) for f in language_countries.countries_in(code, subject)]
    for m in language_leaders.leaders_in(code, subject):  # a leader named in the language's words names his side
        leader = gz.lookup_leader(m.leader, date)
        if leader is not None:
            found.append((m.start, leader.country))
    if not found:
        return None
    return "host" if max(found)[1] == host_country else "counterpart"


#: Where a sentence of any script starts after another: its end and the spaces after it.
_SENTENCE_START = re.compile(r"(?<=[.!?。！？])\s+|(?<=[。！？])")


def _language_initiator(c: _Context, cues) -> Optional[tuple[str, str, str]]:
    """``(initiator, rule, evidence)`` from the initiator rows of the page's language: rules
    ``language_at_request`` (kind ``counterpart``: "received a call from", "应约"),
    ``language_initiative_of`` (kind ``who``: the words after "at the request of" name the side,
    :func:`_side_of`), ``language_caller`` (kind ``caller``, in the title and first sentence: the
    subject made the call, :func:`_caller`, else the country its words name, :func:`_caller_by_country`); the first two are read in the title and the whole text."""
    title = unicodedata.normalize("NFC", (c.record.title or "").strip())
    text = f"{title}\n{unicodedata.normalize('NFC', c.text or '')}"
    init = cues.initiator
    low = text.lower()
    if any(k in low for k in init.keys):
        m = init.search.search(text)
        if m is not None:
            kind, who = init.kind_at(text, m.start())
            evidence = f"{cues.code}: {m.group(0)!r}"
            if kind in ("counterpart", "their_own"):
                return "counterpart", "language_at_request", evidence
            cut = re.search(r"[.;,。，、\n]", who)
            side = _side_of(who[: cut.start()] if cut else who, c.host, c.host_country, c.date)
            return side, "language_initiative_of", evidence
    first = f"{title}. {language_cues.lead_of(title, c.text)}"
    m = init.find_caller(first)
    if m:
        subject = _SENTENCE_START.split(first[: m.start()])[-1]  # the verb's own sentence, not the title before it
        side = (_caller(subject, c.host, c.host_country, c.date, tuple(c.counterparts))
                or _caller_by_country(cues.code, subject, c.host_country, c.date))
        if side:
            return side, "language_caller", f"{cues.code}: {subject.strip()[-60:]} {m.group(0).strip()}"
    return None


# ---- rules of the fresh set "europe": a fronted call phrase, a credited website, a visit with its counterpart
#: "In a (surprising) phone call with X, Federal Chancellor Y renewed ...": the call named before the subject.
_FRONTED_CALL = re.compile(
    r"(?:In|During|Over|After)\s+(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:call|conversation|talks|meeting)"
    r"\s+with\s+[^,;.]{3,90},\s+(?=[A-Z])")


def _fronted_call_rule(c: _Context) -> None:
    """Rule ``fronted_call_phrase``: a first sentence that opens with the call and its counterpart ("In a phone call
    with US President X, Federal Chancellor Y renewed ...") has its subject after the comma: the one known leader
    named there hosts, on a site of unknown country or of his own. Read only where no host was found and the first
    sentence opens with "In ", "During ", "Over " or "After "."""
    first = c.first
    if c.host is not None or not first or first[:3] not in ("In ", "Dur", "Ove", "Aft"):
        return
    m = _FRONTED_CALL.match(first)
    if m is None:
        return
    rest = first[m.end():]
    known = [p for p in _parse_people(rest[:_phrase_end(rest, 0)], c.date) if p["known"]]
    if len(known) == 1 and c.pub_country in (None, known[0]["country"]):
        c.decide("host", known[0]["name"], "fronted_call_phrase", m.group(0) + known[0]["name"])


#: "..., European Council website reports", "according to the website of the European Council".
_CREDITED_WEBSITE = re.compile(
    r"(?:,\s+(?:the\s+)?(?P<src>[A-Z][\w'’ -]{2,40}?)(?:['’]s)?\s+website\s+(?:reports|reported|says|said|informs)\b"
    r"|\baccording to the website of (?:the )?(?P<src2>[A-Z][\w'’ -]{2,40}))")


def _credited_website_rule(c: _Context) -> None:
    """Rule ``credited_website``: a relay whose first sentence credits another side's website ("On 7 June, President
    Michel spoke with President Putin on the phone, European Council website reports") on a site of a country whose
    own leader it does not name (its host came from the office alone, rule ``office_holder``): the leader of the
    credited side whom the subject names (in full, or by a surname of a leader of that side serving at the date)
    hosts. Read only where the first sentence says "website"."""
    first = c.first
    if not first or "website" not in first or c.host is None:
        return
    if next((d.rule for d in reversed(c.trace) if d.fact == "host"), None) != "office_holder":
        return
    m = _CREDITED_WEBSITE.search(first)
    code = gz.country_code(m.group("src") or m.group("src2")) if m else None
    if code is None or code == c.pub_country:
        return
    host = None
    for p in c.f_subj:
        if p["known"] and p["country"] == code:
            host = p["name"]
        elif p["named"] and not p["known"] and p["name"] and " " not in p["name"]:
            names = {t.name for office in ("org_head", "head_of_state", "head_of_government")
                     for t in gz._office_holders(code, office) if t.serves(c.date) and t.name.endswith(" " + p["name"])}
            host = names.pop() if len(names) == 1 else None
        if host:
            break
    if host:
        c.decide("host", host, "credited_website", m.group(0).strip(", "))
        c.decide("host_country", code, "credited_website", m.group(0).strip(", "))


def _visited_counterpart_rule(c: _Context) -> None:
    """Rule ``visited_with_counterpart``: a first sentence whose cue is "visited" and a place ("the Prime Minister
    visited Paris today at the invitation of President X"), naming a known foreign leader as the counterpart, tells
    a meeting abroad, not a visit to a factory (rule ``text_cue`` gives "other"). Read only where the medium is
    "other" by that cue."""
    if c.medium != "other" or c.announced or not c.counterparts:
        return
    last = next((d for d in reversed(c.trace) if d.fact == "medium"), None)
    if last is None or last.rule != "text_cue" or not last.evidence.lower().startswith("visited "):
        return
    place = last.evidence.split()[1:2]
    if not place or not place[0][:1].isupper():
        return
    foreign = [n for n, code in zip(c.counterparts, c.countries)
               if n and code != c.host_country and gz.lookup_leader(n, c.date) is not None]
    if foreign:
        c.decide("medium", "in_person", "visited_with_counterpart", f"{last.evidence}; {foreign[0]}")


#: Rule ``credentials_list``: a ceremony of letters of credence ("received letters of credence from five accredited
#: diplomats") whose next sentence lists the envoys ("They include the Ambassador of A, the High Commissioner of B").
_CREDENCE = re.compile(r"\b(?:letters?\s+of\s+credence|credentials)\b", re.I)
_ENVOYS_LISTED = re.compile(r"(?:They|These|The\s+(?:envoys|diplomats|ambassadors|new\s+heads\s+of\s+missions?))\s+"
                            r"(?:include|included|are|were)\b|Among\s+them\b")


def _credentials_list_rule(c: _Context) -> None:
    """Rule ``credentials_list``: a first sentence of a host who received letters of credence or credentials
    from envoys it does not name ("President X has received letters of credence from five accredited diplomats
    to the Republic") and a next sentence that lists them ("They include the Ambassador of A, the Apostolic
    Nuncio, the High Commissioner of B"): a meeting, whose counterparts are the countries listed (their persons
    unnamed; an organisation's envoy is no country). Read only where no counterpart country is known and the
    first sentence says "creden" (``str.find`` first)."""
    if c.countries or c.host_country is None or c.announced or "creden" not in c.first:
        return
    nxt = c.sents[c.i + 1] if len(c.sents) > c.i + 1 else ""
    if not _ENVOYS_LISTED.match(nxt) or not _CREDENCE.search(c.first):
        return
    codes = list(dict.fromkeys(k for _, _, k in gz.find_countries(nxt) if k != c.host_country
                               and k not in gz.ORG_CODES))
    if codes:
        c.decide("counterparts", [None] * len(codes), "credentials_list", nxt[:120])
        c.decide("countries", codes, "credentials_list", nxt[:120])
        c.decide("medium", "in_person", "credentials_list", c.first[:120])



def _credentials_title_rule(c: _Context) -> None:
    """Rule ``credentials_title_list``: a headline (the title, else the address's words) of a host who received
    letters of credence or credentials from the envoys of several countries ("The President received letters of
    credence from the ambassadors of the United States, Greece and San Marino") names every counterpart country,
    where the text, which meets each envoy in a sentence of its own, gave fewer (persons unnamed: the headline names
    none). Read only where the host's country is known and the headline says "(c)reden" (``str.find`` first)."""
    head = c.title or c.slug
    if c.host_country is None or c.announced or ("reden" not in head and "REDEN" not in head) \
            or not _CREDENCE.search(head):
        return
    codes = list(dict.fromkeys(k for _, _, k in gz.find_countries(head) if k != c.host_country
                               and k not in gz.ORG_CODES))
    new = [k for k in codes if k not in c.countries]
    if len(codes) < 2 or not new:
        return
    c.decide("counterparts", list(c.counterparts) + [None] * len(new), "credentials_title_list", head[:120])
    c.decide("countries", list(c.countries) + new, "credentials_title_list", head[:120])
    if c.medium == "other":
        c.decide("medium", "in_person", "credentials_title_list", head[:120])


#: Rule ``meeting_named_later``: "the meeting" the page's later text refers back to ("US Ambassador X also attended
#: the meeting", "At the meeting, the two ..."), not "the meeting of" a body.
_MEETING_NAMED_LATER = re.compile(r"\b(?:[Aa]t|[Dd]uring|[Ii]n|attended|[Aa]fter) the (?:meeting|talks)\b(?! of\b)")


def _meeting_named_later_rule(c: _Context) -> None:
    """Rule ``meeting_named_later``: a page whose title and lead name no medium (rule ``no_cue``: an excerpt that
    opens with what was said), with a foreign counterpart, whose later text refers to its event as "the meeting"
    ("... also attended the meeting"): a meeting. Read only where the medium is ``no_cue``'s and the text says
    "the meeting" or "the talks" (``str.find`` first)."""
    if c.medium != "other" or c.spoke or c.announced or not c.countries or c.host_country is None:
        return
    text = c.text
    if "the meeting" not in text and "the talks" not in text:
        return
    last = next((d for d in reversed(c.trace) if d.fact == "medium"), None)
    if last is None or last.rule != "no_cue" or all(k == c.host_country for k in c.countries):
        return
    found = _MEETING_NAMED_LATER.search(text)
    if found:
        c.decide("medium", "in_person", "meeting_named_later", _words_at(text, found.start(), 6))


#: The stages of :func:`extract_metadata`, in order; each reads the context and decides some facts.
STAGES = (
    _medium_from_cues,
    _read_people,
    _host_of_publisher_country,
    _host_of_subject,
    _fronted_call_rule,
    _host_by_office,
    _surname_host_rule,
    _host_country,
    _credited_website_rule,
    _foreign_subject_rule,
    _un_readout_rule,
    _house_title_rule,
    _participants_stage,
    _counterparts_stage,
    _between_first_side_rule,
    _readout_source_rule,
    _relay_sides_rules,
    _together_rule,
    _visit_rule,
    _visited_counterpart_rule,
    _credentials_list_rule,
    _credentials_title_rule,
    _gathering_rules,
    _group_call_rule,
    _grouping_rule,
    _also_called_rule,
    _several_calls_rule,
    _courtesy_call_rule,
    _called_on_guest_rule,
    _envoy_called_on_rule,
    _titled_surname_at_date_rule,
    _meeting_named_later_rule,
    _needs_foreign_counterpart,
    _author_rule,
    _status_rule,
    _initiator_rule,
    _language_rule,
)


def _run(record: Record) -> _Context:
    if not isinstance(record, Record):
        raise TypeError(f"extract_metadata needs a Record, got {type(record).__name__}")
    c = _Context(record)
    for stage in STAGES:
        stage(c)
    return c


def extract_metadata(record: Record) -> dict:
    """Return the facts of one readout.

    Parameters
    ----------
    record : Record
        One document (title, text, url, publisher, meta) from a reader.

    Returns
    -------
    dict
        ``publisher`` (str or None: ``record.publisher``, else ``meta['site']``,
        else the URL's domain), ``date`` (pandas.Timestamp or NaT, from
        :func:`diplo_analysis.dates.resolve_date`), ``date_inferred`` (bool),
        ``medium`` (``"phone"``, ``"video"``, ``"in_person"`` or ``"other"``),
        ``host`` (str or None: the publishing side's participant, canonical
        name where the leaders table knows it), ``host_country`` (ISO alpha-3
        or None), ``counterparts`` (list of str or None: None for a
        counterpart whose name is not given), ``counterpart_countries``
        (list of str, same order: ISO alpha-3, or an organisation code such as
        ``UN``, ``NATO``, ``EUU``), ``initiator`` (``"host"``,
        ``"counterpart"`` or None: only where the text says who initiated or
        requested the call), ``status`` (``"held"``, ``"announced"`` or None:
        see :mod:`diplo_analysis.announcements`), ``planned_date``
        (pandas.Timestamp or NaT: the day an announcement gives), ``language``
        (str: ISO 639-1 code, :func:`diplo_analysis.language.detect_language`;
        on a page in another language ``medium``, ``status`` and ``initiator``
        are read from the cue rows of its language, ``data/cues_languages.csv``;
        where it has none they are None and ``planned_date`` NaT).

    Raises
    ------
    TypeError
        If ``record`` is not a :class:`Record`.
    """
    return _run(record).result()


#: The facts :func:`explain_metadata` explains, in order, with the name each has in the trace.
EXPLAINED_FACTS = (
    ("date", "date"), ("medium", "medium"), ("host", "host"), ("host_country", "host_country"),
    ("counterparts", "counterparts"), ("counterpart_countries", "countries"), ("initiator", "initiator"),
    ("status", "status"), ("planned_date", "planned_date"), ("language", "language"),
)


def _record_of(readout, columns: Optional[dict]) -> Record:
    """The record behind a row of the readouts frame: read again from its file where it is there."""
    if isinstance(readout, Record):
        return readout
    if isinstance(readout, pd.DataFrame):
        if len(readout) != 1:
            raise ValueError(f"explain_metadata explains one readout; got a frame of {len(readout)} rows")
        readout = readout.iloc[0]
    if not isinstance(readout, (pd.Series, dict)):
        raise TypeError(f"explain_metadata needs a Record or a row of the readouts frame, got {type(readout).__name__}")
    get = readout.get
    path, line = get("path"), get("line")
    if isinstance(path, str) and path and Path(path).is_file():
        stat = Path(path).stat()
        key = tuple(sorted(columns.items())) if columns else None
        for item in _records_at(path, stat.st_mtime_ns, stat.st_size, key).get(line, []):
            if (item.title or None) == _clean_value(get("title")):
                return item
    date = get("date")
    stated = None if pd.isna(date) or bool(get("date_inferred")) else pd.Timestamp(date).strftime("%Y-%m-%d")
    return Record(path=str(path or "<row>"), line=int(line) if line is not None and not pd.isna(line) else 1,
                  text=_clean_value(get("text")) or "", title=_clean_value(get("title")), url=_clean_value(get("url")),
                  date=stated, publisher=_clean_value(get("publisher")))


@lru_cache(maxsize=2)
def _records_at(path: str, mtime_ns: int, size: int, columns: Optional[tuple]) -> dict:
    """The records of one file by line (the last files read are kept: explaining many rows of one file)."""
    from .readers import read_file

    out: dict = {}
    for item in read_file(Path(path), dict(columns) if columns else None):
        if isinstance(item, Record):
            out.setdefault(item.line, []).append(item)
    return out


def _clean_value(v):
    return None if v is None or (isinstance(v, float) and pd.isna(v)) else v


#: Why a fact that no rule decided is empty: (rule, evidence) per fact.
_UNDECIDED = {
    "host": ("no_host", "no known leader, titled name, author or office holder of the publisher's country"),
    "host_country": ("no_host_country", "no publisher country, host or subject country"),
    "counterparts": ("no_participants", "no foreign participant in the title or the first sentences"),
    "counterpart_countries": ("no_participants", "no foreign participant in the title or the first sentences"),
    "status": ("no_conversation", "medium other and no announcement"),
    "planned_date": ("not_announced", "only an announcement has a planned date"),
}


def _undecided(fact: str, values: dict) -> tuple[str, str]:
    if fact == "initiator":
        if values["medium"] in ("phone", "video"):
            return "no_initiator_cue", "the text does not say who initiated or requested the call"
        return "not_a_call", f"medium {values['medium']}"
    return _UNDECIDED.get(fact, ("default", "no rule decided this fact"))


def _date_decision(c: _Context) -> tuple[str, str]:
    """The rule and evidence of the date (:func:`diplo_analysis.dates.explain_date`, with the same host
    arguments as the call whose date was kept)."""
    from .dates import explain_date

    decision = explain_date(c.record, *c.date_host, language=c.language)
    return decision.rule, decision.evidence


def explain_metadata(readout, columns: Optional[dict] = None) -> pd.DataFrame:
    """Why each fact of one readout is what it is: the rule that decided it and its evidence.

    Parameters
    ----------
    readout : Record, Series or one-row DataFrame
        A record from a reader, or a row of the :func:`diplo_analysis.load_readouts`
        frame (its file is read again from ``path`` and ``line`` where it is
        there, so the rules see exactly what the loader saw; otherwise the row's
        title, text, url, publisher and stated date are used).
    columns : dict, optional
        The ``columns=`` mapping the readouts were loaded with, if any.

    Returns
    -------
    DataFrame
        One row per fact (``date``, ``medium``, ``host``, ``host_country``,
        ``counterparts``, ``counterpart_countries``, ``initiator``, ``status``,
        ``planned_date``, ``language``) with columns ``fact`` (str), ``value`` (the fact as
        :func:`extract_metadata` returns it), ``rule`` (str: the name of the
        rule whose decision stands; where no rule decided and the fact kept
        its empty value, why: ``no_host``, ``no_participants``,
        ``no_initiator_cue``, ``not_a_call``, ...), ``evidence`` (str: the
        words or field the rule read) and ``overridden`` (str: the rules that decided this fact
        earlier and were overridden, in order, joined by ``" > "``; empty when
        none).  The rules are listed in ``docs/metadata.md``.

    Examples
    --------
    >>> from diplo_analysis.records import Record
    >>> r = Record(path="x", line=1, title="Telephone conversation with Federal Chancellor of Germany Olaf Scholz",
    ...            text="Vladimir Putin had a telephone conversation with Olaf Scholz.",
    ...            url="http://en.kremlin.ru/events/president/news/1", date="2022-02-12",
    ...            publisher="Office of the President of Russia (en.kremlin.ru)")
    >>> explain_metadata(r).set_index("fact").loc["medium", ["value", "rule"]].tolist()
    ['phone', 'title_cue']
    """
    c = _run(_record_of(readout, columns))
    values = c.result()
    rows = []
    for fact, name in EXPLAINED_FACTS:
        decisions = [d for d in c.trace if d.fact == name]
        value = values[fact]
        if fact == "date":
            rule, evidence = _date_decision(c)
            earlier = ""
        elif fact == "language":
            _, rule, evidence = explain_language(c.record.title, c.record.text)
            earlier = ""
        elif decisions:
            rule, evidence = decisions[-1].rule, decisions[-1].evidence
            earlier = " > ".join(d.rule for d in decisions[:-1])
        else:
            rule, evidence = _undecided(fact, values)
            earlier = ""
        rows.append({"fact": fact, "value": value, "rule": rule, "evidence": evidence, "overridden": earlier})
    return pd.DataFrame(rows, columns=["fact", "value", "rule", "evidence", "overridden"])


#: Columns of :func:`explain_furniture`.
FURNITURE_TRACE_COLUMNS = ["line", "kind", "rule", "text"]


def explain_furniture(readout, columns: Optional[dict] = None) -> pd.DataFrame:
    """What the readers removed from one readout's page as furniture, and by which rule.

    Parameters
    ----------
    readout : str, Record, Series or one-row DataFrame
        A page's text (the rules run on it, without a title), a record from a
        reader, or a row of the :func:`diplo_analysis.load_readouts` frame
        (its file is read again from ``path`` and ``line``, as
        :func:`explain_metadata` does; a row whose file is gone shows nothing).
    columns : dict, optional
        The ``columns=`` mapping the readouts were loaded with, if any.

    Returns
    -------
    DataFrame
        One row per piece removed, in the order of the page: ``line`` (int:
        1-based line of the page text, ``Record.page_text``), ``kind`` (str:
        ``label``, ``navigation``, ``timestamp``, ``credit``, ``caption``,
        ``share``, ``end_mark``, ``dateline`` or ``headline``), ``rule`` (str:
        the rule's name in ``data/furniture.csv``, or ``title_repeat`` /
        ``subheading``; see :func:`diplo_analysis.readers.furniture.furniture_rules`)
        and ``text`` (str: the line removed, or the prefix for a dateline).
        Empty when nothing was removed.

    Examples
    --------
    >>> page = "LINE\\nLISBON, May 2 (XYZ Agency) -- The two ministers met on Monday.\\nShare: Facebook Twitter"
    >>> explain_furniture(page)[["kind", "rule"]].values.tolist()
    [['label', 'lone_marker'], ['dateline', 'agency_dateline'], ['share', 'share_buttons']]
    """
    from .readers.furniture import strip_furniture

    if isinstance(readout, str):
        removals = strip_furniture(readout)[1]
    else:
        rec = _record_of(readout, columns)
        removals = rec.furniture if rec.page_text is not None else strip_furniture(rec.text, rec.title)[1]
    frame = pd.DataFrame([tuple(r) for r in removals], columns=["line", "rule", "kind", "text"])
    return frame[FURNITURE_TRACE_COLUMNS].astype({"line": "int64"})
