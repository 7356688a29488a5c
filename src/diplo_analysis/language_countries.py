"""Country names in the words of another language than English: CLDR's territory names, and table rows.

The English gazetteer (:mod:`diplo_analysis.gazetteer`) reads "Russia", "Russian", "the Kremlin".
A page detected in another language (:func:`diplo_analysis.language.detect_language`) also has
the countries read that its language names:

* the names of the territories in that language, from the Unicode CLDR through Babel
  (``babel.Locale(code).territories``: "Russie", "Узбекистан", "ઇજિપ્ત", "إيران", "アメリカ合衆国"),
  their two-letter codes mapped to the alpha-3 codes of ``country_converter`` (the European Union
  ``EU`` to ``EUU``, the United Nations ``UN`` to ``UN``);
* the rows of ``data/country_names_languages.csv`` (``language, name, code, note``): adjectives,
  demonyms and short forms that CLDR does not hold ("russe", "американский", "米国",
  "الأمريكية"), and, with an empty ``code``, CLDR names that are common words of the language
  and are not read as countries (Arabic "مالي", Mali, is also "financial").

How a name is matched depends on how the language writes words (:func:`country_pattern`):

* Chinese, Japanese, Korean: as written, anywhere (no spaces between words);
* Arabic, Persian, Urdu: with or without the article and a clinging preposition before it
  ("الـ", "و", "ب", "ل") and up to three letters after a name without its final alef or ta
  marbuta ("قطر" finds "القطري"; "روسيا" finds "الروسية"); the hamza forms of alef are one letter
  (and Russian "ё" is "е");
* the scripts of India and Sri Lanka: the name without its final vowel sign, followed by any
  suffix ("ઇજિપ્ત" finds "ઇજિપ્તના", "அமெரிக்கா" finds "அமெரிக்க"); joiners and nukta ignored;
* languages that decline nouns (Russian, Ukrainian, Polish, Czech, Turkish, Hungarian, Greek,
  Romanian, ...): each word without its final vowels (accented ones too; Greek with a final "ς"),
  followed by up to four letters; after a one-word stem of four letters or fewer, two letters, three
  where the word lost its final vowels ("Узбекистан" finds "Узбекистана", "Россия" finds
  "России" and "Россией", "Ирак" finds "Ирака" but not the given name "Ираклий", Romanian "Rusia" finds
  "Rusiei", Czech "ukrajinský" finds "ukrajinského", Greek "γερμανικός" finds "γερμανικού");
  Hungarian keeps a final "a" or "e" as it is or lengthened ("Kína" finds "Kínával", "Ausztria"
  "Ausztriában") and Romanian and Hungarian take four and three letters after a short stem that kept its
  last letter ("Iran" finds "Iranului", "Irán" "Iránnal"); Lithuanian drops a final "s" with the vowels
  ("Izraelis" finds "Izraelio", "Iranas" "Irano");
* German: each word with an optional ending, "e", "s", "es", "n", "en", "em" or "er" ("Chinas",
  "Europäischen Union", "russische");
* Danish, Norwegian, Swedish: each word with an optional genitive "s" or ending "e", "es", "a"
  ("Tysklands", "Kinas", "tyske");
* Hebrew: with the letters that cling before a word ("ו", "ש", then "ה", "ב", "ל", "מ", "כ": "לצרפת"),
  a name without its final "ה" and up to three letters after it ("גרמניה" finds "גרמני"); final
  letters are read as their ordinary forms ("יפן" is "יפנ", found in "יפני"), and gershayim as '"';
* the other languages: as written, as a whole word (French "Chine", Spanish "Perú").

Names of three letters or fewer in alphabetic scripts (two in Arabic and Indian scripts, one in CJK) are matched
only from the table, not from CLDR. CLDR's names are proper nouns, matched as CLDR capitalises them
or in capitals (Spanish "Reunión" is Réunion, "reunión" a meeting); the table's rows ignore case, except
abbreviations written in capitals, matched as written (Croatian "SAD" is the USA, "sad" is "now"). Of a
table row without a code and a name as long that match the same words, the row wins (Hungarian "kínál",
"offers", is not "kínai", Chinese).
Nothing here is read for an English page: a language's expression is built on its first page.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple, Optional

__all__ = ["COUNTRY_NAME_COLUMNS", "CountryMention", "country_names", "country_pattern", "countries_in",
           "domain_language", "languages_of_few_countries", "official_languages", "read_country_names"]

#: Columns of ``data/country_names_languages.csv``.
COUNTRY_NAME_COLUMNS = ("language", "name", "code", "note")

_CJK = frozenset({"zh", "ja", "ko"})
_ARABIC = frozenset({"ar", "fa", "ur", "ps", "ckb"})
_INDIC = frozenset({"hi", "mr", "ne", "gu", "bn", "pa", "ml", "ta", "te", "kn", "si", "or", "as"})
_DECLINING = frozenset({"ru", "uk", "be", "bg", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "sh", "mk", "lt", "lv", "et",
                        "fi", "hu", "tr", "az", "kk", "uz", "ky", "tk", "el", "ro"})
#: The final vowels a declined word loses (Latin letters with their accents, Cyrillic, Greek: with a final "ς").
_FINAL_VOWELS = "aeiouyáéíóúýůěąęėįųūāēīōőöüűăâîаяоеёиыуюьйіїєъαεηιουωάέήίόύώ"
#: A final vowel that lengthens before a suffix (Hungarian "Kína", "Kínával"): matched in both forms.
_LENGTHENING = {"hu": {"a": "[aá]", "e": "[eé]"}}
#: Letters after a short stem that kept its last letter, where the suffixes are long ("Iranului", "Iránnal").
_SHORT_AFTER = {"ro": 4, "hu": 3}
#: Languages whose nouns end in vowels and "s" ("Iranas", "Izraelis"): the "s" goes with the vowels.
_FINAL_S = frozenset({"lt"})
#: Languages whose nouns take a genitive "s" ("Tysklands", "Kinas") and adjectives an "e" or "a" ("tyske").
_GENITIVE_S = frozenset({"da", "no", "nb", "nn", "sv"})
#: Hebrew: the letters that cling before a word ("and", "that", then "the", "in", "to", "from", "as").
_HEBREW = frozenset({"he", "iw"})
_HEBREW_CLINGING = ("", "ה", "ב", "ל", "מ", "כ", "ו", "ש", "וה", "וב", "ול", "ומ", "שה", "שב", "של", "שמ")
#: CLDR territories that are not single countries: skipped (regions, the euro area, "unknown").
_NOT_COUNTRIES = frozenset({"EZ", "QO", "ZZ", "XA", "XB", "UN"})
_ORGS = {"EU": "EUU"}
#: Removed before matching (joiners, nukta, tatweel, Arabic short vowels): written or not.
_DROP = dict.fromkeys(map(ord, "\u200c\u200d\u093c\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"))
_SAME = str.maketrans("أإآٱىۀёЁךםןףץ״׳", "اااا" + "ي" + "ة" + "еЕ" + "כמנפצ" + "\"'")


class CountryMention(NamedTuple):
    """A country named in a page's language: its ``code``, the ``words`` matched, their ``start`` in the
    searched string, and ``source`` (``"CLDR"`` or ``"country_names_languages.csv:LINE"``)."""

    code: str
    words: str
    start: int
    source: str


def _norm(s: str) -> str:
    return unicodedata.normalize("NFC", s).translate(_DROP).translate(_SAME)


def read_country_names(path) -> list:
    """Read and check ``data/country_names_languages.csv`` (``language,name,code,note``).

    Returns
    -------
    list of dict
        One per row: ``language`` (str, ISO 639-1), ``name`` (str), ``code`` (str: ISO alpha-3 or an
        organisation code; empty: the name is not read as a country), ``where`` (``"path:line"``).

    Raises
    ------
    ValueError
        Naming the file and line: a missing column, a bad language code, an empty name, or a code
        that is not three upper-case letters or an organisation code of the gazetteer.
    """
    from .gazetteer import ORG_CODES

    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in COUNTRY_NAME_COLUMNS[:3] if c not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path}:1: missing column(s) {missing}")
        for line, row in enumerate(reader, start=2):
            where = f"{path}:{line}"
            lang, name, code = ((row.get(k) or "").strip() for k in COUNTRY_NAME_COLUMNS[:3])
            if not re.fullmatch(r"[a-z]{2,3}", lang) or lang == "en":
                raise ValueError(f"{where}: language must be an ISO 639-1 code other than en, got {lang!r}")
            if not name:
                raise ValueError(f"{where}: empty name")
            if code and not (re.fullmatch(r"[A-Z]{3}", code) or code in ORG_CODES):
                raise ValueError(f"{where}: code {code!r} is not ISO alpha-3 or an organisation code")
            out.append({"language": lang, "name": name, "code": code, "where": where})
    return out


@lru_cache(maxsize=1)
def _table_rows() -> tuple:
    from .gazetteer import _data_path

    return tuple(read_country_names(_data_path("country_names_languages.csv")))


@lru_cache(maxsize=1)
def _alpha3() -> dict:
    """ISO 3166 alpha-2 -> alpha-3, from ``country_converter``'s data (current countries)."""
    from importlib import resources

    import country_converter

    path = resources.files(country_converter).joinpath("country_data.tsv")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    # a few ISO2 cells are expressions of several codes ("^GB$|^UK$")
    return {iso2: r["ISO3"] for r in rows if r["ISO3"] and not r.get("obsolete")
            for iso2 in re.findall(r"[A-Z]{2}", r["ISO2"])}


@lru_cache(maxsize=512)
def _territory_languages(a2: str) -> tuple:
    """The official languages (de jure and de facto, ISO 639-1, in CLDR's order) of the territory ``a2``
    (ISO 3166 alpha-2), from CLDR's territory data through Babel; the one place this module asks Babel."""
    from babel.languages import get_official_languages

    return tuple(dict.fromkeys(lang.split("_")[0] for lang in get_official_languages(a2, de_facto=True)))


@lru_cache(maxsize=512)
def official_languages(iso3: Optional[str]) -> frozenset:
    """The official languages of a country, from CLDR's territory data through Babel.

    Parameters
    ----------
    iso3 : str or None
        The country's ISO 3166 alpha-3 code.

    Returns
    -------
    frozenset of str
        ISO 639-1 codes of its official languages, de jure and de facto: ``"IDN"`` -> ``{"id"}``, ``"BEL"``
        -> ``{"nl", "fr", "de"}``; empty for a code that is no country (``"EUU"``, ``"UN"``) or that CLDR
        does not hold.
    """
    two = [a2 for a2, a3 in _alpha3().items() if a3 == iso3 and a2 != "UK"] if iso3 else []
    return frozenset(_territory_languages(two[0])) if two else frozenset()


def domain_language(url: Optional[str]) -> Optional[str]:
    """The first official language of the country whose domain serves ``url``, where it is not English.

    Parameters
    ----------
    url : str or None
        A page's address.

    Returns
    -------
    str or None
        ISO 639-1 code: ``https://honvedelem.hu/...`` -> ``"hu"``; None for a generic domain (``.com``), a
        country whose first official language is English, or no address.
    """
    if not url or not isinstance(url, str) or "//" not in url:
        return None
    tld = url.split("/")[2].split(":")[0].lower().rsplit(".", 1)[-1]
    a2 = {"uk": "GB"}.get(tld, tld.upper())
    langs = _territory_languages(a2) if len(tld) == 2 and a2 in _alpha3() else ()
    return langs[0] if langs and langs[0] != "en" else None


@lru_cache(maxsize=1)
def _official_counts() -> dict:
    """Language -> how many countries CLDR gives it as an official language (de jure or de facto)."""
    counts: dict = {}
    for a2 in sorted(set(_alpha3()) - {"UK"}):
        for lang in _territory_languages(a2):
            counts[lang] = counts.get(lang, 0) + 1
    return counts


def languages_of_few_countries(code: Optional[str], most: int = 2) -> bool:
    """Whether a language is official in at least one and at most ``most`` countries (CLDR, through Babel).

    Parameters
    ----------
    code : str or None
        ISO 639-1 code of the language.
    most : int, default 2
        The most countries it may be official in.

    Returns
    -------
    bool
        True for Indonesian, Japanese, Greek (a page in it speaks for one of them); False for Arabic, French,
        Russian or Spanish, in which many states and agencies write, and for a code CLDR does not hold.
    """
    return 1 <= _official_counts().get(code or "", 0) <= most


def _cldr_names(code: str) -> dict:
    from .language_dates import cldr_locale

    loc = cldr_locale(code)
    if loc is None:
        return {}
    territories = loc.territories
    alpha3 = _alpha3()
    out = {}
    for key, name in territories.items():
        iso3 = _ORGS.get(key) or (alpha3.get(key) if key not in _NOT_COUNTRIES else None)
        if iso3:
            out[name] = iso3
    return out


@lru_cache(maxsize=None)
def country_names(code: str) -> dict:
    """The country names of a language: name -> (code, source).

    Returns
    -------
    dict
        name (str, as written; NFC) -> ``(code, source)``: ``code`` the alpha-3 or organisation code
        (empty for a name the table says is not a country), ``source`` ``"CLDR"`` or the table row's
        ``"country_names_languages.csv:LINE"``. The table's rows win over CLDR's names.
    """
    out = {unicodedata.normalize("NFC", n): (c, "CLDR") for n, c in _cldr_names(code).items()
           if len(_norm(n).replace(" ", "")) > _shortest(code)}
    for row in _table_rows():
        if row["language"] == code:
            out[unicodedata.normalize("NFC", row["name"])] = (row["code"], row["where"].rsplit("/", 1)[-1])
    return out


def _shortest(code: str) -> int:
    return 1 if code in _CJK else 2 if code in _ARABIC or code in _INDIC else 3


def _indic_stem(word: str) -> str:
    while len(word) > 2 and unicodedata.category(word[-1]) in ("Mn", "Mc"):
        word = word[:-1]
    return word


def _declined_pattern(code: str, word: str, alone: bool) -> str:
    """A word of a declining language: its stem without its final vowels and the letters after it."""
    long_vowel = _LENGTHENING.get(code, {}).get(word[-1:].lower()) if len(word) > 3 else None
    if long_vowel:  # Hungarian "Kína" finds "Kínával"
        return re.escape(word[:-1]) + long_vowel + r"[^\W\d_]{0,4}"
    tail = "s?" if code in _FINAL_S else "ς?"
    stem = re.sub(rf"(?<=\w\w\w)[{_FINAL_VOWELS}]{{1,2}}{tail}$", "", word, flags=re.I)
    if len(stem) > 4 or not alone:
        return re.escape(stem) + r"[^\W\d_]{0,4}"
    # "Ирак" finds "Ирака", not "Ираклий"; "Rusia" finds "Rusiei"; Romanian "Iran" finds "Iranului"
    short = 3 if stem != word else _SHORT_AFTER.get(code, 2)
    return re.escape(stem) + rf"[^\W\d_]{{0,{short}}}"


def _word_pattern(code: str, word: str, alone: bool = True) -> str:
    w = re.escape(word)
    if code in _ARABIC:
        core = word[2:] if word.startswith("ال") and len(word) > 4 else word
        core = re.sub(r"[اة]$", "", core) if len(core) > 3 else core
        return rf"(?:[وبلف]?ال|[وبلف])?{re.escape(core)}[\u0621-\u064a]{{0,3}}"
    if code in _INDIC:
        return re.escape(_indic_stem(word)) + r"[^\s\d.,;:!?()\"'«»]*"
    if code in _HEBREW:
        core = word[:-1] if word.endswith("ה") and len(word) > 3 else word
        return rf"(?:[וש]?[הבלמכ])?{re.escape(core)}[\u05d0-\u05ea]{{0,3}}"
    if code in _DECLINING:
        return _declined_pattern(code, word, alone)
    if code == "de":
        return w + "(?:e|s|es|n|en|em|er)?"
    if code in _GENITIVE_S:
        return w + "(?:s|e|es|a)?"
    return w


#: Letters of the scripts of India and Sri Lanka (and their vowel signs): a name does not start after one.
_INDIC_LETTERS = "\u0900-\u0dff"
#: Arabic letters that cling to the next word (and, with, for, so; the article), skipped to find its key.
_ARABIC_CLINGING = ("", "و", "ب", "ل", "ف", "ال", "وال", "بال", "فال", "لل")
_WORD_START = re.compile(rf"(?<![\w{_INDIC_LETTERS}])[^\W\d_]")


def country_pattern(code: str, name: str) -> str:
    """The expression that finds ``name`` in a text of language ``code`` (see the module's docstring)."""
    words = _norm(name).split()
    body = r"\s+".join(_word_pattern(code, w, len(words) == 1) for w in words)
    if code in _CJK:
        return body
    return rf"(?<![^\W_]){body}(?![^\W\d_])" if code not in _INDIC else rf"(?<![\w{_INDIC_LETTERS}]){body}"


def _key(code: str, name: str) -> str:
    """The first letters of a name as the text writes them at a word's start (after the Arabic article)."""
    name = _norm(name)
    if code in _ARABIC and name.startswith("ال") and len(name) > 4:
        name = name[2:]
    return name[: 1 if code in _CJK else 2].casefold()


@lru_cache(maxsize=None)
def _compiled(code: str) -> dict:
    """First letters (:func:`_key`) -> (expression of the names that start with them, the names in its
    order): a text is matched only where a word starts with the first letters of some name."""
    names = country_names(code)
    by_key: dict = {}
    for n in names:
        by_key.setdefault(_key(code, n), []).append(n)
    out = {}
    for key, group in by_key.items():
        # longest first; of names as long, a common word of the table (no code) before the name it shadows
        ordered = sorted(group, key=lambda n: (-len(n), names[n][0] != "", n))
        parts = []
        for i, n in enumerate(ordered):
            if names[n][1] == "CLDR":  # a proper noun: as CLDR capitalises it, or in capitals
                pat = "|".join(dict.fromkeys(country_pattern(code, v) for v in (n, n.upper())))
            elif n.isupper():  # an abbreviation of the table: as written ("SAD", not "sad")
                pat = country_pattern(code, n)
            else:
                pat = f"(?i:{country_pattern(code, n)})"
            parts.append(f"(?P<n{i}>{pat})")
        out[key] = (re.compile("|".join(parts)), ordered)
    return out


def _starts(code: str, s: str):
    """(position, key) of each place a name may start in ``s``."""
    if code in _CJK:
        return ((i, ch.casefold()) for i, ch in enumerate(s))
    skips = _ARABIC_CLINGING if code in _ARABIC else _HEBREW_CLINGING if code in _HEBREW else ("",)
    return ((m.start(), s[m.start() + len(p): m.start() + len(p) + 2].casefold())
            for m in _WORD_START.finditer(s) for p in skips if s.startswith(p, m.start()))


def countries_in(code: Optional[str], text: str) -> list:
    """The countries that the words of language ``code`` name in ``text``, in order.

    Parameters
    ----------
    code : str or None
        ISO 639-1 code of the page's language; English and None find nothing (the English
        gazetteer reads those pages).
    text : str
        The title and the head of a page.

    Returns
    -------
    list of CountryMention
        ``code``, ``words``, ``start`` (in the text after the normalisation of the module:
        joiners, nukta and Arabic short vowels dropped), ``source``; names the table marks as not
        countries are left out.
    """
    if not code or code == "en" or not text:
        return []
    by_key = _compiled(code)
    if not by_key:
        return []
    names, s, out, end = country_names(code), _norm(text), [], 0
    for pos, key in _starts(code, s):
        if pos < end or key not in by_key:
            continue
        rx, ordered = by_key[key]
        m = rx.match(s, pos)
        if m is None:
            continue
        end = m.end()
        iso, source = names[ordered[int(m.lastgroup[1:])]]
        if iso:
            out.append(CountryMention(iso, m.group(0), m.start(), source))
    return out
