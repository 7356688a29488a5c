"""Sentences of a readout and who says them.

Two layers:

- :func:`split_sentences` / :func:`split_paragraphs` (from
  :mod:`diplo_analysis.text`, re-exported here): a regex sentence splitter
  tuned for the genre (titles and initials, ``U.S.``, months, decimals,
  quotation marks, ellipses, line-broken lists).  One compiled
  regular-expression pass per text; no per-character Python loop.
- :func:`statements`: one row per sentence of a readouts frame with the
  speaker of the sentence and that speaker's side (``host``, ``counterpart``,
  ``both`` or None for narration).

The attribution rules (see ``docs/statements.md``), applied sentence by
sentence in reading order:

1. headline-like lines (no final punctuation, mostly capitalised) and
   narration of the contact itself ("X had a telephone conversation with Y",
   "X spoke with Y on the phone", "The conversation took place at the
   initiative of ...") -> no speaker; carry-over stops.
2. "Name: ..." at the start of a paragraph (transcripts) -> that speaker for
   the whole paragraph.
3. a joint subject ("The two leaders", "The sides", "Both presidents",
   "They", "X and Y" with X and Y on different sides) or an impersonal passive
   of a joint verb ("It was agreed", "Topical issues were discussed") -> both.
4. a person as subject of the main clause ("President Xi said", "Xi noted",
   "The Russian President expressed", "the Turkish leader informed",
   "The President", "the Chinese side") -> that person; pronouns
   ("He stressed", "She noted") -> the last named person.
5. mid-sentence attribution (", Xi said," / ", he added" / "according to X")
   -> that person.
6. otherwise the sentence carries over the speaker of the previous sentence
   (also across a paragraph break, see ``docs/statements.md``), unless the
   previous sentence was narration.

Sides: a person is matched to ``host`` / ``counterparts`` by name (full name,
first or last name token, accents ignored: "Xi" ~ "Xi Jinping", "Biden" ~
"Joseph R. Biden Jr.", "Erdogan" ~ "Recep Tayyip Erdoğan"), by country
("the Russian President", "the President of France", "the Chinese side" via
``host_country`` / ``counterpart_countries``) or by a bare office ("The
President", "the Prime Minister") when the readout names exactly one side's
participant with that office (the host when both sides hold it).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

import pandas as pd

from . import gazetteer as gz
from .text import split_paragraphs, split_sentences

__all__ = ["split_sentences", "split_paragraphs", "statements", "STATEMENT_COLUMNS"]

STATEMENT_COLUMNS = ["readout_id", "paragraph", "sentence", "text", "speaker", "speaker_side"]

# --------------------------------------------------------------------------
# people, offices and countries
# --------------------------------------------------------------------------

# Demonyms and short forms that stand for a side in a sentence ("the Chinese side", "U.S. officials").
# Their codes come from the gazetteer, as the readouts' country columns do; the three it does not
# give (it has no bare "European", and knows Abkhazia and South Ossetia by name only) are set here.
_DEMONYM_WORDS = tuple(w.replace("_", " ") for w in (
    """Afghan Albanian Algerian American U.S. US Angolan Argentine Argentinian Armenian Australian Austrian
    Azerbaijani Bahraini Bangladeshi Belarusian Belgian Bolivian Bosnian Brazilian British UK Bulgarian
    Cambodian Canadian Chilean Chinese Colombian Croatian Cuban Cypriot Czech Danish Dutch Egyptian Emirati
    Estonian Ethiopian Finnish French Georgian German Greek Hungarian Indian Indonesian Iranian Iraqi Irish
    Israeli Italian Japanese Jordanian Kazakh Kazakhstani Kenyan Korean South_Korean North_Korean Kuwaiti
    Kyrgyz Lao Laotian Latvian Lebanese Libyan Lithuanian Malaysian Mexican Moldovan Mongolian Moroccan
    Mozambican Nigerian Norwegian Omani Pakistani Palestinian Peruvian Philippine Filipino Polish Portuguese
    Qatari Romanian Russian Saudi Serbian Singaporean Slovak Slovenian South_African Spanish Sri_Lankan
    Sudanese Swedish Swiss Syrian Tajik Thai Tunisian Turkish Turkmen Ukrainian Uzbek Venezuelan Vietnamese
    Yemeni Abkhazian Ossetian European Kosovar Montenegrin Macedonian Icelandic Luxembourgish Maltese
    New_Zealand Zimbabwean Zambian Tanzanian Ugandan Ghanaian Senegalese Congolese Rwandan Somali Eritrean
    Djiboutian Nepalese Burmese Myanmar Bhutanese Maldivian Ecuadorian Uruguayan Paraguayan Panamanian
    Nicaraguan Guatemalan Honduran Salvadoran Costa_Rican Dominican Haitian Jamaican"""
).split())
_DEMONYM_CODES = {"European": "EUU", "Abkhazian": "XAB", "Ossetian": "XSO"}

_OFFICES = (
    r"Vice President|President|Prime Minister|Premier|Chancellor|Federal Chancellor|Crown Prince|King|Queen|"
    r"Emir|Amir|Sultan|Sheikh|Pope|Secretary[- ]General|Secretary of State|Secretary|Chairman|Chairwoman|Chair|"
    r"National Security Advisor|National Security Adviser|Foreign Minister|Minister|Governor|Taoiseach|"
    r"Chief Executive|Director[- ]General|Head of State|Supreme Leader|Grand Duke|Prince|Princess|"
    r"First Lady|Second Gentleman|State Councilor|Vice Premier|Vice Chairman|Speaker|Senator|"
    r"Administrator|Ambassador|Commissioner|Mr|Mrs|Ms|Madam|Dr"
)
# role nouns that designate a side by country: "the Russian side", "the Turkish leader"
_SIDE_NOUNS = (
    r"side|leader|head of state|delegation|party|" + _OFFICES
)


_COMBINING_RE = re.compile(r"[\u0300-\u036f]")


def _strip_accents(s: str) -> str:
    """Strip accents ("Erdoğan" -> "Erdogan"); curly apostrophes -> "'". Same length for ASCII text.

    Lighter than :func:`diplo_analysis.text.fold`: dashes and curly double
    quotes are kept, and the attribution patterns read them (today an intro
    phrase between en dashes, "In the context of X – Y – the leader said",
    is not cut at the dashes; with ``text.fold`` it would be).
    Folding with ``text.fold`` changes the speaker of 13 of the corpus's
    216,138 sentences, so that switch is a change of results, not a refactor.
    """
    if s.isascii():
        return s
    s = s.replace("’", "'")
    if s.isascii():
        return s
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", s))


@lru_cache(maxsize=4096)
def _country_code(name: str) -> Optional[str]:
    """ISO alpha-3 of a country name or demonym (a few codes of its own, then ``gazetteer.country_code``)."""
    name = name.strip()
    if name in _DEMONYM_CODES:
        return _DEMONYM_CODES[name]
    if re.fullmatch(r"(?:the )?(?:United States(?: of America)?|USA|U\.S\.|US)", name):
        return "USA"
    if re.fullmatch(r"(?:the )?(?:Russian Federation|Russia)", name):
        return "RUS"
    if re.fullmatch(r"(?:the )?(?:People's Republic of )?China|PRC", name):
        return "CHN"
    if re.fullmatch(r"(?:the )?European Union|EU", name):
        return "EUU"
    return gz.country_code(name)  # country_converter's names and data/gazetteer_names.csv


_NAME_STOP = {"the", "of", "bin", "al", "el", "de", "da", "von", "van", "der", "jr", "jr.", "sr", "sr.", "ii", "iii",
              "mr", "mr.", "dr", "dr.", "sheikh", "king", "prince", "president", "prime", "minister"}


@lru_cache(maxsize=8192)
def _aliases(name: str) -> frozenset:
    """Ways a readout refers to a person: full name, first and last name tokens."""
    full = _strip_accents(re.sub(r",?\s+(?:Jr|Sr)\.?$", "", name.strip()))
    toks = [t for t in re.split(r"\s+", full) if t]
    out = {full, _strip_accents(name.strip())}
    cands = [t.strip(",") for t in toks if t.lower().strip(",") not in _NAME_STOP and not re.fullmatch(r"[A-Z]\.", t)]
    if cands:
        out.add(cands[-1])
        out.add(cands[0])
        if len(cands) >= 3:  # "Recep Tayyip Erdogan" -> "Tayyip Erdogan"; "Mohammed bin Salman"
            out.add(" ".join(cands[-2:]))
    if "bin" in toks:  # Mohammed bin Salman / Mohammed bin Zayed -> "MBS"-style short names stay full
        out.add(" ".join(toks[toks.index("bin") - 1:]))
    return frozenset(a for a in out if len(a) >= 2)


_NOT_NAMES = {"president", "prime minister", "pm", "premier", "chancellor", "leader", "king", "queen", "emir",
              "minister", "secretary", "labor", "labour", "government", "side", "the", "none", "nan"}


def _plausible_name(name) -> bool:
    """Whether a participant name from the metadata looks like a person's name."""
    if not isinstance(name, str):
        return False
    n = name.strip()
    if len(n) < 3 or n.lower() in _NOT_NAMES or re.fullmatch(r"[A-Z]{2,4}", n):
        return False
    if not re.search(r"[A-Z][a-z]", n):
        return False
    return _country_code(n) is None or len(n.split()) >= 2 and _country_code(n) is None


def _leaders_in(text: str) -> list[tuple[str, str, str]]:
    """Known leaders mentioned in folded ``text`` (``gazetteer.find_leaders``): (surface, name, country)."""
    return [(text[a:b], ldr.name, ldr.country) for a, b, ldr in gz.find_leaders(text)]


_OFFICE_SCAN_RE = re.compile(rf"\b({_OFFICES})\b")
_TITLE_GAP_RE = re.compile(r"[\s,]*(?:(?:of|the|[A-Z][\w.'-]*)[\s,]+){0,9}")


@lru_cache(maxsize=4096)
def _alias_regex(aliases: tuple) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(re.escape(a) for a in aliases) + r")\b")


class _Cast:
    """The people of one readout, their sides, and regexes to find them.

    People come from the metadata (``host``, ``counterparts``), then from
    known leaders named in the text (side by their country), then from
    "<demonym> <office> <Name>" mentions met while reading (side by country).
    """

    def __init__(self, host, host_country, counterparts, counterpart_countries, text: str):
        self.people: list[tuple[str, str, Optional[str]]] = []  # (name, side, country)
        self.country_side: dict[str, str] = {}
        cps = list(_as_list(counterparts))
        ccs = [c if isinstance(c, str) and c else None for c in _as_list(counterpart_countries)]
        hc = host_country if isinstance(host_country, str) and host_country else None
        if _plausible_name(host):
            self.people.append((host.strip(), "host", hc))
        for k, c in enumerate(cps):
            if _plausible_name(c):
                self.people.append((c.strip(), "counterpart", ccs[k] if k < len(ccs) else None))
        for cc in ccs:
            if cc:
                self.country_side.setdefault(cc, "counterpart")
        if hc:
            self.country_side[hc] = "host"  # host wins if both (a domestic meeting)
        self.alias_to: dict[str, tuple[str, Optional[str]]] = {}
        self._ambiguous: set[str] = set()
        for name, side, _ in self.people:
            self._register(name, side, [])
        ftext = _strip_accents(text)
        known = {n for n, _, _ in self.people}
        for surface, name, country in _leaders_in(ftext):
            side = self.country_side.get(country)
            if name in known or any(a in self.alias_to and self.alias_to[a][0] in known for a in _aliases(name)):
                # a participant already known under another spelling: add the spelling
                owner = next((self.alias_to[a] for a in _aliases(name) | {surface} if a in self.alias_to), None)
                if owner is not None:
                    self._add_alias(surface, owner)
                continue
            self.people.append((name, side, country))
            known.add(name)
            self._register(name, side, [surface])
        self._compile()
        # offices held by each side in this readout ("President Joseph R. Biden", "Prime Minister Kishida")
        self.office_side: dict[str, set[str]] = {}
        if self.name_re is not None:
            for m in _OFFICE_SCAN_RE.finditer(ftext):
                # the first participant named within a few title-like words after the office
                nm = self.name_re.search(ftext, m.end(), m.end() + 140)
                if nm and _TITLE_GAP_RE.fullmatch(ftext, m.end(), nm.start()):
                    side = self.alias_to[nm.group(1)][1]
                    if side is not None:
                        self.office_side.setdefault(_norm_office(m.group(1)), set()).add(side)

    def _add_alias(self, alias: str, owner: tuple[str, Optional[str]]) -> None:
        if alias in self._ambiguous or len(alias) < 2:
            return
        if alias in self.alias_to and self.alias_to[alias][0] != owner[0]:
            del self.alias_to[alias]  # an alias shared by two people (same first name) is dropped
            self._ambiguous.add(alias)
        else:
            self.alias_to[alias] = owner

    def _register(self, name: str, side: Optional[str], extra: list[str]) -> None:
        for a in sorted(_aliases(name) | set(extra)):
            self._add_alias(a, (name, side))

    def _compile(self) -> None:
        self.name_re = _alias_regex(tuple(sorted(self.alias_to, key=lambda a: (-len(a), a)))) if self.alias_to else None

    def learn(self, name: str, side: Optional[str]) -> None:
        """Add a person met in the text ("Swedish Prime Minister Anna Berg")."""
        if not name or name in {n for n, _, _ in self.people}:
            return
        self.people.append((name, side, None))
        self._register(name, side, [])
        self._compile()

    def by_name(self, alias: str) -> tuple[str, Optional[str]]:
        return self.alias_to[alias]

    def by_country(self, code: Optional[str]) -> Optional[str]:
        if code is None:
            return None
        return self.country_side.get(code)

    def name_of_side(self, side: Optional[str], country: Optional[str] = None) -> Optional[str]:
        if country is not None:
            for n, s, c in self.people:
                if s == side and c == country:
                    return n
        for n, s, _ in self.people:
            if s == side:
                return n
        return None

    def by_office(self, office: str) -> Optional[str]:
        sides = self.office_side.get(_norm_office(office), set())
        if len(sides) == 1:
            return next(iter(sides))
        if len(sides) == 2:
            return "host"
        # "The President" that no participant is named with: the publisher's
        # principal (White House and Kremlin usage)
        if _norm_office(office) == "president" and self.name_of_side("host") is not None:
            return "host"
        return None


def _norm_office(o: str) -> str:
    o = o.lower().replace("-", " ")
    o = {"amir": "emir", "federal chancellor": "chancellor", "national security adviser": "national security advisor",
         "chairwoman": "chairman", "chair": "chairman"}.get(o, o)
    return o


def _as_list(x) -> list:
    if x is None:
        return []
    if isinstance(x, (list, tuple)):
        return list(x)
    if isinstance(x, str):
        return [x]
    try:
        if pd.isna(x):
            return []
    except (TypeError, ValueError):
        pass
    return list(x)


# --------------------------------------------------------------------------
# sentence-level patterns
# --------------------------------------------------------------------------

_INTRO_WORDS = (
    r"During|In|On|At|Following|After|Before|Moreover|Furthermore|Additionally|Also|Meanwhile|Regarding|"
    r"With regard to|With respect to|As for|As to|For (?:his|her|their) part|Besides|Separately|Earlier|Today|"
    r"Later|Finally|Turning to|Speaking (?:of|about)|Referring to|Noting|Stressing|Pointing out|Recalling|Touching upon|"
    r"Commenting on|Welcoming|Given|Amid|Against|Throughout|Over|Within|Under|Through|Besides|Likewise|Similarly|"
    r"In addition|Additionally|Further|Furthermore|Then|Next|Overall|Importantly|Notably|Once again|Again|"
    r"Both in|When|While|As|Since|Ahead of|Prior to|Upon|To|Among|Thanks to|Having|Expressing|Reaffirming|"
    r"Congratulating|Thanking|Highlighting|Underscoring|Emphasizing|Emphasising|Describing|Calling|Hailing|"
    r"Addressing|Reviewing|Discussing|Recognizing|Recognising|Acknowledging|Citing|Saying|Asked|Answering|"
    r"Responding|Commending|Praising|Reiterating|Building on|Looking|Since|[A-Z][a-z]+ly|[A-Z]{3,}(?:\s+[A-Z]{3,})*"
)
_INTRO_RE = re.compile(rf"(?:{_INTRO_WORDS})\b")
_PRONOUN_RE = re.compile(r"(He|She|His|Her)\b(?!['’]s)")
_JOINT_SUBJ_RE = re.compile(
    r"(?:The|the|Both|both)\s+two\s+(?!(?:countries|nations|peoples|governments|economies|states|sides)\b)(?:[A-Z][\w-]*\s+){0,3}[\w-]+s\b"
    r"|(?:The|the|Both|both)\s+(?:two\s+)?(?i:leaders|presidents|heads of state|heads of (?:state and )?government|sides|"
    r"parties|prime ministers|premiers|chancellors|counterparts|interlocutors|ministers|delegations|officials|"
    r"two countries' leaders|leaders of (?:the\s+)?(?:two|both) countries|presidents of (?:the\s+)?(?:two|both) countries|"
    r"two(?!\s+(?:countries|nations|peoples|governments|economies|states)))\b"
    r"|(?:The|the|Both|both)\s+two\s+(?!(?:countries|nations|peoples|governments|economies|states|sides)\b)(?:[\w-]+\s+){0,3}?[A-Z]?[\w-]+s\b"
    r"|(?:The|the)\s+(?:two|three|four|five)\s+countries'\s+leaders\b"
    r"|They\b|Both\b(?!\s+(?:[a-z]+\s+)?(?:countries|nations|peoples|governments|economies|states)\b)"
    r"|(?:The|the)\s+(?:two|three|four|five)\s+(?:[A-Z]\w+\s+)?(?:leaders|presidents|sides|heads)\b"
)
_NARRATION_VERB_RE = re.compile(
    r"(?:(?:[a-z]+ly|has|have|had|today|yesterday|tonight|also|then|later|earlier|again|first|recently|on\s+\w+(?:\s+\w+)?|"
    r"this\s+\w+|last\s+\w+)\s+)*(?:"
    r"had\s+(?:a|an|another|their|his|her)\s+(?:\w+\s+){0,3}?(?:conversation|call|talks?|meeting|phone\s+call|video\s+call)\b"
    r"|held\s+(?:a\s+|an\s+|another\s+)?(?:\w+\s+){0,3}?(?:conversation|call|talks|meeting|discussion|phone\s+call|video\s+call|consultations)\b"
    r"|(?:spoke|speaks|talked|talks|met|meets|conferred|speak)\s+(?!(?:about|of|highly|positively|in\s+detail|at\s+length|"
    r"warmly|on\s+the\s+(?!phone))\b)(?:\w+\s+){0,6}?(?:with|to)\b(?!\s+(?:the\s+)?(?:press|media|reporters|journalists))"
    r"|(?:spoke|speaks|talked)\s+(?:by|on|over|via)\s+(?:the\s+)?(?:tele)?phone\b"
    r"|met\b(?!\s+(?:the\s+)?(?:need|demand|goal|target|expectation|requirement|criteria|standard)s?\b)"
    r"|(?:received|receives|made|took|returned|placed|hosted|hosts|convened|joined|participated|took\s+part)\s+"
    r"(?:a\s+|an\s+)?(?:\w+\s+){0,3}?(?:call|calls|conversation|meeting|visit|videoconference|summit|roundtable|round-table|reception|dinner|luncheon|conference|forum|session|event)\b"
    r"|(?:hosted|hosts|received|receives|welcomed|welcomes)\s+(?:[A-Z][\w.'-]*\s*|of\s+|the\s+){1,12}(?:at|to|in|for|on)\b"
    r")"
)
_CALL_NOUN_SUBJ_RE = re.compile(
    r"(?:The|This|That|Their|the)\s+(?:\w+\s+){0,3}?(?:conversation|call|talks|meeting|discussion|contact|exchange)\s+"
    r"(?:was|were|had|has|took|lasted|came|is|will)\b"
    r"|(?:The|This|That|the)\s+(?:\w+\s+){0,2}?(?:conversation|call|talk)\s+(?:was\s+)?(?:initiated|requested|held|arranged|organised|organized)"
    r"|(?:The|the)\s+agenda\s+of\s+the\b"
    r"|(?:A|An|The|This|That)\s+(?:[\w-]+\s+){0,3}?(?:meeting|talks|conversation|call|summit|visit|ceremony)\s+(?:[\w,-]+\s+){0,10}?"
    r"(?:will|would|was|is|were|are)\s+(?:to\s+)?(?:be\s+)?(?:held|take\s+place|took\s+place|scheduled)\b"
    r"|(?:It|This)\s+(?:was|is)\s+(?:the|their|a|an)\s+(?:\w+\s+){0,3}?(?:conversation|call|contact|meeting|talk)"
)
# impersonal joint acts: "It was agreed", "Topical issues ... were discussed"
_JOINT_PASSIVE_RE = re.compile(
    r"\b(?:was|were|had been|have been)\s+(?:also\s+|further\s+|thoroughly\s+|briefly\s+)?"
    r"(?:discussed|agreed|exchanged|reviewed|considered|addressed|touched upon|outlined|emphasi[sz]ed|noted|reaffirmed|"
    r"confirmed|stressed|underlined|underscored|expressed|raised|covered|examined|analysed|analyzed)\b"
)
_JOINT_FOCUS_RE = re.compile(
    r"(?:The|the|This|That|Their|Today's)\s+(?:\w+\s+){0,3}?(?:conversation|call|talks|meeting|discussion|exchange|leaders|sides)\s+"
    r"(?:also\s+|mainly\s+)?(?:focused|focussed|centred|centered|touched|covered|dealt|concentrated|included|addressed)\b"
)
_MID_ATTR_TAIL = (
    r"(?:also\s+)?(?:said|says|added|noted|stressed|emphasi[sz]ed|continued|concluded|underlined|underscored|"
    r"pointed out|stated|told|observed|remarked|affirmed|reiterated|explained)\b"
)
_SPEECH_VERB = (
    r"(?:said|says|noted|stressed|emphasi[sz]ed|underlined|underscored|pointed out|expressed|reaffirmed|added|told|"
    r"informed|briefed|welcomed|thanked|congratulated|urged|called|stated|reiterated|conveyed|highlighted|raised|"
    r"asked|proposed|invited|assured|affirmed|explained|described|recalled|voiced|condemned|praised|hoped|"
    r"extended|offered|shared|spoke|updated|discussed|agreed|confirmed)\b"
)
_COUNTRY_WORDS = set(_DEMONYM_WORDS) | {"China", "Russia", "United", "America", "Europe", "Ukraine", "Beijing", "Moscow",
                                   "Washington", "Kremlin", "White", "House", "Government", "Ministry"}
_DEMONYM_ALT = "|".join(sorted((re.escape(k) for k in _DEMONYM_WORDS), key=len, reverse=True))
_OFFICE_RE = re.compile(
    rf"(?:(?:the|The)\s+)?(?:(?P<dem>{_DEMONYM_ALT})\s+)?(?P<office>{_SIDE_NOUNS})\b"
    rf"(?:\s+of\s+(?P<country>(?:the\s+)?[A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*){{0,5}}))?"
)


class _Ref:
    __slots__ = ("kind", "name", "side", "end")

    def __init__(self, kind, name, side, end):
        self.kind, self.name, self.side, self.end = kind, name, side, end


_TWO_COUNTRY_RE = re.compile(
    rf"(?:[Tt]he\s+)?(?:{_DEMONYM_ALT}|U\.S\.)\s+and\s+(?:{_DEMONYM_ALT}|U\.S\.)\s+"
    r"(?:officials|delegations|sides|leaders|teams|negotiators|presidents|ministers|counterparts)\b"
)
_CAP_RUN_RE = re.compile(r"(?:(?:[A-Z][\w.'’-]*|of|the)\s+){0,8}[A-Z][\w.'’-]*")
_COUNTRY_SUBJ_RE = re.compile(
    r"(?:[Tt]he\s+)?(United\s+States(?:\s+of\s+America)?|U\.S\.|US|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:also\s+)?"
    r"(?:emphasi[sz]ed|underscored|reaffirmed|reiterated|expressed|stressed|noted|welcomed|conveyed|raised|urged|"
    r"affirmed|highlighted|underlined|pledged|offered|thanked|condemned|called)\b"
)


def _subject_at(s: str, pos: int, cast: _Cast, last_person) -> Optional[_Ref]:
    """Parse a subject (person, office, pronoun, joint phrase or list of people) at ``pos``."""
    m = _JOINT_SUBJ_RE.match(s, pos) or _TWO_COUNTRY_RE.match(s, pos)
    if m:
        return _Ref("joint", None, "both", m.end())
    m = _PRONOUN_RE.match(s, pos)
    if m:
        if m.group(1) in ("His", "Her"):
            return None
        if last_person is None:
            return _Ref("pronoun", None, None, m.end())
        return _Ref("pronoun", last_person[0], last_person[1], m.end())
    ref = _person_at(s, pos, cast)
    if ref is None:
        g = _GROUP_RE.match(s, pos)
        if g is None or not _LIST_SEP_RE.match(s, g.end()):
            return None
        ref = _Ref("group", None, None, g.end())
    # "X and Y", "X, Y and Z" subjects
    refs = [ref]
    end = ref.end
    while True:
        m = _LIST_SEP_RE.match(s, end)
        if not m:
            break
        other = _person_at(s, m.end(), cast)
        if other is None:
            g = _GROUP_RE.match(s, m.end())
            if g is None:
                c = _CAP_RUN_RE.match(s, m.end()) if "and" in m.group(0) else None
                if c is None:
                    break
                other = _Ref("person", c.group(0), None, c.end())  # an unknown associate: "X and Deputy Y"
            else:
                other = _Ref("group", None, None, g.end())
        refs.append(other)
        end = other.end
        if "and" in m.group(0):
            break
    if len(refs) == 1:
        return ref
    sides = {r.side for r in refs if r.side is not None}
    if {"host", "counterpart"} <= sides:
        return _Ref("joint", None, "both", end)
    if "host" in sides and any(r.kind == "group" for r in refs):
        return _Ref("joint", None, "both", end)  # "The President and the business leaders"
    if len(sides) == 1:  # the host with an associate: the host's side speaks
        side = next(iter(sides))
        name = next(r.name for r in refs if r.side == side)
        return _Ref("person", name, side, end)
    return _Ref("joint", None, None, end)


_GROUP_RE = re.compile(
    r"(?:(?:all|both)\s+(?:of\s+)?)?(?:the\s+|The\s+)?(?:[\w-]+\s+){0,3}?(?:leaders|ambassadors|Ambassadors|officials|participants|"
    r"members|representatives|ministers|Ministers|delegations?|counterparts|Leaders|executives|advocates|experts|governors|mayors)\b"
)
_TOKEN_RE = re.compile(r"\S+\s+")
_LIST_SEP_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_TITLE_TOKEN = (r"(?:[A-Z][\w.'’-]*|of|the|and|for|de|bin|al|his|her|counterpart|first|former|visiting|acting|outgoing|incoming|"
                r"newly[- ]elected|newly[- ]appointed|then)")
_TITLE_RUN_RE = re.compile(rf"(?:(?:the|The)\s+)?(?:{_TITLE_TOKEN},?\s+){{0,14}}")


_INSTITUTIONS = {"White House": "USA", "Kremlin": "RUS", "Administration": "USA", "Biden-Harris Administration": "USA",
                 "Biden Administration": "USA", "Zhongnanhai": "CHN", "Elysee": "FRA", "Downing Street": "GBR"}
_OFFICIALS_RE = re.compile(
    rf"(?:(?:the|The)\s+)?(?:[Ss]enior\s+|[Tt]op\s+)?({'|'.join(sorted(map(re.escape, _INSTITUTIONS), key=len, reverse=True))}|"
    rf"{_DEMONYM_ALT})\s+(?:[Ss]enior\s+)?(?:officials|delegation|team|negotiators|diplomats)\b"
)


def _person_at(s: str, pos: int, cast: _Cast) -> Optional[_Ref]:
    """A named participant ("President Xi", "Vladimir Putin") or an office ("the Russian President")."""
    # named: up to 9 title-ish tokens then an alias
    if cast.name_re is not None:
        m = _TITLE_RUN_RE.match(s, pos)
        j = m.end() if m else pos
        k = pos
        while k <= j:
            nm = cast.name_re.match(s, k)
            if nm and not re.match(r"['’]s\b", s[nm.end():]):
                name, side = cast.by_name(nm.group(1))
                end = nm.end()
                # swallow the rest of the name ("Xi Jinping", "Biden, Jr.", "Nazarbayev Nazarbayev Nursultan")
                rest = re.match(r"(?:\s+(?!(?:And|The)\b)[A-Z][\w.'’-]*)*(?:,?\s+Jr\.?)?"
                                r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*)?", s[end:])
                end += rest.end() if rest else 0
                return _Ref("person", name, side, end)
            sp = _TOKEN_RE.match(s, k)
            if not sp:
                break
            k = sp.end()
    m = _OFFICIALS_RE.match(s, pos)
    if m:
        side = cast.by_country(_country_code(m.group(1)) if m.group(1) not in _INSTITUTIONS else _INSTITUTIONS[m.group(1)])
        return _Ref("person", cast.name_of_side(side) if side else m.group(0).strip(), side, m.end())
    m = _OFFICE_RE.match(s, pos)
    if m and m.group("office"):
        dem, office, country = m.group("dem"), m.group("office"), m.group("country")
        if re.match(r"['’]s\b", s[m.end():]):
            return None
        if dem:
            side = cast.by_country(_country_code(dem))
        elif country:
            side = cast.by_country(_country_code(country))
        elif office.lower() in ("side", "party", "delegation", "leader", "head of state"):
            return None
        else:
            side = cast.by_office(office)
        if side is None and not dem and not country and office in ("Mr", "Mrs", "Ms", "Madam", "Dr"):
            return None
        if side in ("host", "counterpart"):
            nm = re.match(r"\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})", s[m.end():])
            if nm and (dem or country) and not set(nm.group(1).split()) & _COUNTRY_WORDS:
                # "Swedish Prime Minister Anna Berg": a participant the metadata missed
                cast.learn(nm.group(1).strip(), side)
                return _Ref("person", nm.group(1).strip(), side, m.end() + nm.end())
            code = _country_code(dem) if dem else (_country_code(country) if country else None)
            return _Ref("person", cast.name_of_side(side, code), side, m.end())
        name = (dem + " " if dem else "") + office + (" of " + country if country else "")
        # a third party with a name after the office: "Foreign Minister Sergei Lavrov"
        nm = re.match(r"\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})", s[m.end():])
        if nm and not set(nm.group(1).split()) & _COUNTRY_WORDS:
            return _Ref("person", nm.group(1).strip(), None, m.end() + nm.end())
        return _Ref("person", name, None, m.end())
    return None


def _main_clause_starts(s: str) -> list[int]:
    """Positions where the main clause may start: 0 and after an intro phrase."""
    starts = [0]
    if _INTRO_RE.match(s):
        for m in re.finditer(r",\s+|\s+--?\s+|\s+—\s+", s[:300]):
            starts.append(m.end())
            if len(starts) > 4:
                break
    return starts


def _is_headline(s: str) -> bool:
    """A title, caption or page-furniture line: four or more words, mostly capitalised."""
    words = re.findall(r"[A-Za-z][\w'’-]*", s)
    if not words:
        return True
    caps = sum(w[0].isupper() for w in words)
    return len(words) >= 4 and caps >= 0.6 * len(words)


_TERMINAL_RE = re.compile(r"[.!?…;\"”’)]\s*$")
_FURNITURE_RE = re.compile(
    r"^\s*(?:.*\s>>?\s*.*|.*>>.*|[\(\[][^()\[\]]*[\)\]]\s*\|?|<[^>]*>|[*\s]+|[\W\d_]+|See also\b.*[^.]|Enditem|Source:.*|Editor:.*)\s*$"
)
_PAREN_RE = re.compile(r"\s*\((?:[^()]{0,60})\)|,\s+(?:left|right|center|centre|second\s+(?:left|right|from\s+\w+))\s*(?=,)"
                       r"|\s+and\s+(?:his|her|their)\s+(?:wife|husband|spouses?)(?:\s+[A-Z][\w'-]*){0,3}")
_RELCLAUSE_RE = re.compile(r",\s+(?:which|who|whose)\b[^,]{0,150},")
_MODAL_RE = re.compile(r"\s+(?:should|could|need to|needs to|must|can|may|ought to|have to|has to)\b")
_THIRD_PARTY_MID_RE = re.compile(
    r"(?:,|--|—)\s+(?:[a-z]+\s+){0,2}(?:experts?|analysts?|observers?|sources?|officials?|media|reports?|"
    r"scholars?|diplomats?)\s+(?:said|say|noted|believe|added)\b"
)
_NARRATION_EXTRA_RE = re.compile(
    r"(?:(?:[a-z]+ly|has|have|also|later|earlier|then|first|on\s+\w+|here|today|yesterday)\s+)*(?:"
    r"(?:will|would|is to|are to|plans to|is scheduled to|is expected to)\s+(?:hold|have|meet|speak|talk|visit)\b"
    r"|(?:meets?|met)\s+(?:with\s+)?(?:the\s+)?(?:visiting\s+)?[A-Z]"
    r"|(?:holds?|held|hosted|hosts|gave|gives|attended|attends|hosted)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:ceremony|banquet|talks|reception|luncheon|dinner|summit|meeting|call|conversation|conference|briefing)\b"
    r"|had\s+the\s+opportunity\s+to\s+(?:engage|meet|speak|talk)"
    r"|(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:greeted|welcomed|received|met|accompanied|seen\s+off|escorted)\b"
    r"|(?:started|starts|began|begins|concluded|concludes|wrapped\s+up|kicked\s+off|ended|ends|embarked\s+on)\s+"
    r"(?:a\s+|an\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:visit|tour|trip|stay)\b"
    r"|(?:arrived|arrives|visited|visits|toured|tours|laid\s+(?:a\s+)?(?:wreath|flowers)|lays\s+(?:a\s+)?(?:wreath|flowers)|departed|left|landed|paid\s+(?:a|an|his|her)\s+(?:\w+\s+)?visit|pays\s+(?:a|an|his|her)\s+(?:\w+\s+)?visit|attended|attends|"
    r"was\s+in|is\s+in|is\s+on\s+(?:a|an|his|her)|was\s+on\s+(?:a|an|his|her)|made\s+the\s+remarks|"
    r"traveled|travelled|flew|accompanied|convened|convenes|attend|shakes\s+hands|shook\s+hands|"
    r"received\s+(?!(?:a\s+|the\s+)?(?:call|message|letter)))\b"
    r")"
)


def _transcript_label(par0: str):
    """'Vladimir Putin: ...' / 'President of Iceland Gudni Johannesson (retranslated): ...' -> label or None."""
    m = re.match(r"([A-Z][^:.!?]{1,110}?)(?:\s*\((?:[^()]{1,30})\))?:\s", par0)
    if not m:
        return None
    label = m.group(1).strip()
    words = label.split()
    if len(words) > 14 or not all(w[0].isupper() or w in ("of", "the", "and", "de", "bin", "al") for w in words):
        return None
    if re.search(r"\d", label) or words[0] in _NOT_SPEAKERS or label.isupper():
        return None
    return label


_NOT_SPEAKERS = {"Source", "Updated", "Editor", "Photo", "Key", "Note", "Related", "Tags", "Keywords", "Title",
                 "Date", "Published", "Posted", "Location", "Place", "Time", "Subject", "Read", "See", "Share", "From",
                 "To", "Topic", "Topics", "Agenda", "Participants", "Attendees", "Background", "Update", "Correction",
                 "Washington", "Beijing", "Moscow", "Kremlin", "Home", "Xinhua", "Reporter", "Author", "Category"}
_OFFICE_WORD_RE = re.compile(rf"\b(?:{_OFFICES})\b")


def _transcript_speaker(par0: str, cast: _Cast):
    """The speaker of a transcript paragraph ('Name: ...'), matched to the cast, or None."""
    if ":" not in par0[:140]:
        return None
    label = _transcript_label(_strip_accents(par0))
    if label is None:
        return None
    compact = label.replace(" ", "")
    best = None
    for alias, (name, side) in cast.alias_to.items():
        a = alias.replace(" ", "")
        if len(a) >= 3 and a in compact and re.search(re.escape(a) + r"(?![a-z])", compact):
            if best is None or len(a) > best[0]:
                best = (len(a), name, side)
    if best is not None:
        return (best[1], best[2])
    ref = _person_at(label, 0, cast)
    if ref is not None and ref.side is not None:
        return (ref.name, ref.side)
    words = label.split()
    if _OFFICE_WORD_RE.search(label) or (2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][a-z'’-]+", w) for w in words)):
        return (label, None)
    return None


_MID_SEP_RE = re.compile(
    r"(?:[,?!][\"”’']?|\"|”|--|—)\s+(?=[A-Z]|he\b|she\b|said\b|the\b|visiting\b)(?P<inv>said\s+)?|\b[Aa]ccording to\s+"
)
_MID_TAIL_RE = re.compile(rf"\s+(?:here\s+|on\s+\w+\s+|today\s+)*{_MID_ATTR_TAIL}")


def _mid_attribution(fs: str, cast: _Cast, last_person):
    """', Xi said' / ', said Xi' / ', he added' / 'according to X' -> _Ref or None."""
    if _THIRD_PARTY_MID_RE.search(fs):
        return _Ref("person", None, None, 0), True
    if "," not in fs and "ccording" not in fs and "--" not in fs and "—" not in fs and '"' not in fs and "”" not in fs:
        return None, False
    for m in _MID_SEP_RE.finditer(fs):
        pos = m.end()
        ref = _subject_at(fs, pos, cast, last_person)
        if ref is None or ref.kind == "joint":
            continue
        tail = fs[ref.end:]
        if (m.group(0).lower().startswith("according") or m.group("inv")
                or _MID_TAIL_RE.match(tail)):
            if ref.name is None and ref.side is None:
                continue
            return ref, False
    return None, False


_OBJECT_RE = re.compile(
    r"\b(?:with|meets?|met|received|receives|hosted|hosts)\s+(?:the\s+)?(?:visiting\s+|newly[- ]\w+\s+)?"
    r"((?:(?:[A-Z][\w.'’-]*|of|the|and)\s+){0,12}?[A-Z][\w.'’-]*)(?=\s*(?:[,.;(]|$|\s+(?:[a-z]|of\s+[A-Z])))"
)
_TRAILING_NAME_RE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)$")


_LEADING_TITLE_RE = re.compile(rf"(?:{_DEMONYM_ALT}|{_OFFICES}|Minister|General|Secretary|Federal|Acting|Interim)\s+")


def _learn_counterpart(after_subject: str, cast: _Cast) -> None:
    """Learn the counterpart named as the object of a narration sentence, when the metadata missed it."""
    m = _OBJECT_RE.search(after_subject[:300])
    if not m:
        return
    phrase = m.group(1)
    nm = cast.name_re.search(phrase) if cast.name_re is not None else None
    if nm is not None:  # already known
        return
    t = _TRAILING_NAME_RE.search(phrase)
    if not t:
        return
    name = t.group(1)
    # drop leading office and demonym words ("Swedish Prime Minister Anna Berg" -> "Anna Berg")
    while True:
        m2 = _LEADING_TITLE_RE.match(name)
        if not m2 or m2.end() >= len(name):
            break
        name = name[m2.end():]
    toks = name.split()
    if len(toks) < 1 or set(toks) & _COUNTRY_WORDS or _country_code(name) is not None or not _plausible_name(name):
        return
    cast.learn(name, "counterpart")


_STRONG_PASSIVE_RE = re.compile(
    r"\b(?:was|were|have\s+been|has\s+been)\s+(?:also\s+|\w+ly\s+)?(?:discussed|touched\s+upon|exchanged|agreed|reviewed|"
    r"considered|examined)\b"
)
_PASSIVE_SUBJ_RE = re.compile(
    r"(?:[Ii]t|[Tt]here|[Vv]iews|[Oo]pinions|[Tt]he\s+(?:issues?|situation|prospects|questions?|matters?|topics?|state|need|"
    r"importance|course|progress|implementation|current|further|development))\b"
    r"|(?:[Cc]ertain\s+|[Aa]\s+number\s+of\s+|[Ss]ome\s+|[Ss]everal\s+|[Vv]arious\s+|[Aa]\s+range\s+of\s+)?"
    r"(?:[A-Za-z][a-z-]+\s+){0,2}(?:issues|matters|questions|views|aspects|prospects|topics)\b"
)
_BARE_OFFICE_RE = re.compile(r"\b(?:the|The)\s+(Vice President|President|Prime Minister|Premier|Chancellor|Crown Prince|"
                             r"King|Emir|Secretary-General|National Security Advisor)\b(?!\s+of\b)")


_SPEECH_AFTER_RE = re.compile(rf"\s+(?:also\s+|further\s+|then\s+)?{_SPEECH_VERB}")


def _main_clause(fs: str, cast: _Cast, last_person, carry, mid):
    """Classify by the subject of the main clause; None when no subject is found."""
    for pos in _main_clause_starts(fs):
        ref = _subject_at(fs, pos, cast, last_person)
        if ref is None:
            if pos == 0 and _JOINT_FOCUS_RE.match(fs):
                return "joint", None, "both", None
            c = _COUNTRY_SUBJ_RE.match(fs, pos)
            if c is not None:  # "The United States emphasized ..."
                side = cast.by_country(_country_code(c.group(1)))
                if side in ("host", "counterpart"):
                    name = cast.name_of_side(side, _country_code(c.group(1)))
                    return "person", name, side, None
            continue
        after = fs[ref.end:]
        after = re.sub(r"^\s*,[^,]{0,80},", "", after)  # "Xi, who ..., said"
        a = after.lstrip()
        if _NARRATION_VERB_RE.match(a) or _NARRATION_EXTRA_RE.match(a):
            if ref.side == "host":
                _learn_counterpart(a, cast)
            return "narration", None, None, (ref.name, ref.side) if ref.name and ref.side else None
        if not re.match(r"\s+(?:[a-z]|\()", after) and not re.match(r"\s*,\s*(?:in|on|for|at|during|who|which)\b", after):
            continue
        if ref.kind == "joint":
            if mid is not None:
                return None
            if carry is not None and carry[1] in ("host", "counterpart") and _MODAL_RE.match(after):
                return "carry", None, None, None  # "The two sides should ..." inside a speaker's words
            return "joint", None, ref.side, None
        if ref.side is None and ref.name is None:
            continue
        if ref.side is None and not _SPEECH_AFTER_RE.match(after):
            continue
        return "person", ref.name, ref.side, (ref.name, ref.side)
    return None


def _classify(s: str, cast: _Cast, last_person, carry, index: int = 99):
    """Return (kind, name, side, person) for one sentence.

    kind: 'narration', 'joint', 'person', 'carry'.  person: a (name, side) to
    remember for pronouns, or None.
    """
    fs = _strip_accents(s)
    if _FURNITURE_RE.match(fs):
        return "narration", None, None, None
    punctuated = bool(_TERMINAL_RE.search(fs))
    if not punctuated and (index <= 3 or _is_headline(fs)):  # titles, captions, page furniture
        return "narration", None, None, None
    fs = _PAREN_RE.sub("", fs)
    mid, third = _mid_attribution(fs, cast, last_person)
    fs_norel = _RELCLAUSE_RE.sub("", fs)
    if _CALL_NOUN_SUBJ_RE.match(fs_norel):
        return "narration", None, None, None
    if third:
        return "person", None, None, None
    for variant in (fs_norel, fs) if fs_norel != fs else (fs,):
        res = _main_clause(variant, cast, last_person, carry, mid)
        if res is not None:
            return res
    fs = fs_norel
    if mid is not None:
        return "person", mid.name, mid.side, (mid.name, mid.side)
    if not punctuated and len(fs.split()) < 6:  # short unpunctuated lines: no carry-over
        return "narration", None, None, None
    if _JOINT_PASSIVE_RE.search(fs) and any(_PASSIVE_SUBJ_RE.match(fs, pos) for pos in _main_clause_starts(fs)):
        return "joint", None, "both", None
    if (carry is None or carry[1] == "both") and _STRONG_PASSIVE_RE.search(fs):
        return "joint", None, "both", None  # "Trade and energy were discussed" outside anyone's words
    if re.match(r"There\s+was\s+(?:a\s+)?(?:special\s+|particular\s+)?(?:focus|emphasis|attention|agreement|consensus)\b", fs):
        return "joint", None, "both", None
    # a carried sentence that names the carried speaker in the third person is narration
    if carry is not None and carry[0] and cast.name_re is not None:
        for m in cast.name_re.finditer(fs):
            if cast.by_name(m.group(1))[0] == carry[0]:
                return "narration", None, None, None
    if carry is not None and carry[1] in ("host", "counterpart"):
        for m in _BARE_OFFICE_RE.finditer(fs):
            if cast.by_office(m.group(1)) == carry[1]:
                return "narration", None, None, None
    return "carry", None, None, None


def _quote_balance(sent: str) -> int:
    """+1 when a sentence opens a quotation it does not close, -1 when it closes one opened earlier."""
    opened = sent.count("“") - sent.count("”")
    if opened:
        return 1 if opened > 0 else -1
    if sent.count('"') % 2:
        return 1 if re.match(r'\s*"', sent) else -1
    return 0


def _attribute(paragraphs: list[list[str]], cast: _Cast, carry_across_paragraphs: bool = True, title=None):
    """Yield (paragraph, sentence, text, speaker, side) for one readout."""
    title_key = " ".join(title.split()).rstrip(".").lower() if isinstance(title, str) and title.strip() else None
    n = 0
    last_person = None
    carry = None  # (name, side) or None
    transcript = None  # the current speaker of a transcript ("Name: ...")
    for p_i, par in enumerate(paragraphs, start=1):
        ts = _transcript_speaker(par[0], cast)
        if ts is not None:
            transcript = ts
            if ts[0] is not None and ts[1] is not None:
                last_person = ts
        if not carry_across_paragraphs:
            carry = None
        rows = []
        quote_start = None  # index in rows of the sentence that opened a quotation
        # the closing "See also ..." link list of Kremlin pages is furniture, whole
        see_also = p_i == len(paragraphs) and par[0].startswith("See also")
        for sent in par:
            n += 1
            if see_also:
                rows.append([p_i, n, sent, None, None])
                continue
            if transcript is not None:
                if (_FURNITURE_RE.match(sent) or (re.match(r"See also\b", sent) or _is_headline(sent))
                        and not _TERMINAL_RE.search(sent) and ":" not in sent[:140]):
                    rows.append([p_i, n, sent, None, None])
                else:
                    rows.append([p_i, n, sent, transcript[0], transcript[1]])
                continue
            if (title_key is not None and not _TERMINAL_RE.search(sent)
                    and " ".join(sent.split()).rstrip(".").lower() == title_key):
                rows.append([p_i, n, sent, None, None])  # the readout's title repeated in its text
                carry = None
                continue
            kind, name, side, person = _classify(sent, cast, last_person, carry, n)
            if person is not None and person[0] is not None:
                last_person = person
            if kind == "narration":
                carry = None
            elif kind == "joint":
                carry = (None, side)
            elif kind == "person":
                carry = (name, side)
            else:  # carry
                if carry is not None:
                    name, side = carry
            rows.append([p_i, n, sent, name, side])
            # a quotation over several sentences, attributed at its end ('... ," said Xi.'):
            # its earlier sentences are the same speaker's
            q = _quote_balance(sent)
            if q > 0 and quote_start is None:
                quote_start = len(rows) - 1
            elif q < 0 and quote_start is not None:
                if kind == "person":
                    for r in rows[quote_start:-1]:
                        r[3], r[4] = name, side
                quote_start = None
        yield from (tuple(r) for r in rows)


def statements(readouts: pd.DataFrame, carry_across_paragraphs: bool = True) -> pd.DataFrame:
    """One row per sentence of each readout, with its speaker and side.

    Parameters
    ----------
    readouts : DataFrame
        A readouts frame (see :func:`diplo_analysis.load_readouts`).  Uses the
        columns ``readout_id``, ``text``, ``host``, ``host_country``,
        ``counterparts``, ``counterpart_countries`` and, when present,
        ``title`` (a sentence repeating the title is narration); all but
        ``readout_id`` and ``text`` may be missing (then no sentence can be
        matched to a side by them).
    carry_across_paragraphs : bool, default True
        Whether a sentence without its own speaker at the start of a
        paragraph inherits the last speaker of the previous paragraph.

    Returns
    -------
    DataFrame
        Columns, in this order:

        - ``readout_id`` (str): the readout's id.
        - ``paragraph`` (int): 1-based paragraph number within the readout
          (paragraphs are separated by blank lines; empty ones are skipped).
        - ``sentence`` (int): 1-based sentence number within the readout
          (not within the paragraph).
        - ``text`` (str): the sentence.
        - ``speaker`` (str or None): the speaker's name; the participant's
          name as given in ``host`` / ``counterparts`` when the speaker is
          one of them, the name or office as written for a third party,
          None for narration and joint acts.
        - ``speaker_side`` (str or None): ``host``, ``counterpart``,
          ``both`` (joint acts of the two sides) or None (narration, third
          parties, unknown).

        Rows are ordered by the readouts' order in the input, then by
        sentence.

    Raises
    ------
    TypeError
        If ``readouts`` is not a DataFrame.
    KeyError
        If ``readout_id`` or ``text`` is missing.
    """
    if not isinstance(readouts, pd.DataFrame):
        raise TypeError(f"statements expects a readouts DataFrame, got {type(readouts).__name__}")
    missing = [c for c in ("readout_id", "text") if c not in readouts.columns]
    if missing:
        raise KeyError(f"statements: the readouts frame lacks column(s) {missing}")
    rows = []
    get = lambda r, c: r.get(c) if c in readouts.columns else None  # noqa: E731
    for r in readouts.to_dict("records"):
        text = r["text"]
        if not isinstance(text, str) or not text.strip():
            continue
        paragraphs = split_paragraphs(text)
        cast = _Cast(get(r, "host"), get(r, "host_country"), get(r, "counterparts"),
                     get(r, "counterpart_countries"), text)
        for p_i, s_i, sent, name, side in _attribute(paragraphs, cast, carry_across_paragraphs, get(r, "title")):
            rows.append((r["readout_id"], p_i, s_i, sent, name, side))
    out = pd.DataFrame(rows, columns=STATEMENT_COLUMNS)
    out["paragraph"] = out["paragraph"].astype("int64")
    out["sentence"] = out["sentence"].astype("int64")
    out["speaker"] = out["speaker"].astype(object)
    out["speaker_side"] = out["speaker_side"].astype(object)
    out = out.astype({"speaker": object, "speaker_side": object})
    out.loc[out["speaker"].isna(), "speaker"] = None
    out.loc[out["speaker_side"].isna(), "speaker_side"] = None
    return out
