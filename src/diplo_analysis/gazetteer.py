"""Names -> codes: countries, international organisations and leaders.

Everything here is built ONCE, on first use, and cached:

- a country lookup from ``country_converter``'s own table (short and official
  names of every country) plus ``data/gazetteer_names.csv`` (demonyms,
  adjectives, abbreviations and international organisations that the
  converter lacks), compiled into one trie-shaped regular expression;
- the leaders table ``data/leaders.csv`` (heads of state and government of 191
  of the 193 UN member states and foreign ministers of about 130 from 2015 on,
  and of the countries
  the corpus names most since 1991; national security advisers of a few; heads
  of international organisations; with their terms), compiled the same way
  from every alias. Its rows are facts (names, offices, dates) written from
  the public record, the changes of 2025-2026 checked against stored copies of
  news reports and official announcements; no text is copied
  (``docs/metadata.md``, "Tables", says which dates are approximate);
- the publisher table ``data/gazetteer_publishers.csv`` (domain or name
  fragments -> the publishing country), with the URL's country-code
  top-level domain as a fallback.

Matching is done on text passed through :func:`fold` (:func:`diplo_analysis.text.fold`,
re-exported here), which turns curly
quotes into straight ones and strips accents ("Erdoğan" -> "Erdogan"), so
that aliases need one spelling only.  Country names are matched case-
sensitively (they are capitalised in the genre; "turkey" or "chad" in lower
case are not countries), leader aliases likewise.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional
from urllib.parse import urlparse

import pandas as pd

from .text import fold

__all__ = [
    "fold",
    "country_lookup",
    "country_code",
    "find_countries",
    "Leader",
    "leaders_table",
    "Grouping",
    "groupings",
    "find_leaders",
    "find_leader_aliases",
    "pick_leader",
    "lookup_leader",
    "office_holder",
    "publisher_country",
]

#: Codes that are not ISO 3166 countries: international organisations.
ORG_CODES = frozenset(
    "UN NATO WHO IMF WB AU EUU OSCE COE IAEA WTO ASEAN LAS OIC GCC CIS CSTO SCO EAEU "
    "ICRC IOC OPEC OECD UNESCO UNICEF IDB ADB AIIB NDB SMOM CARICOM COMMONWEALTH OAS".split()
)

# coco names that collide with ordinary words or places in this genre
_COCO_SKIP = {"Jersey", "Guernsey", "Georgia"}
# ...but "Georgia" the country is too common in Kremlin readouts to lose:
# it is kept, and only skipped after words that make it a US state.
_GEORGIA_US = re.compile(r"(?:Governor|Senator|Atlanta|State of|Kemp|Ossoff|Warnock)[\w ,.]{0,20}$")

# demonyms that are also first names: skipped when a surname-like word follows
_GIVEN_NAMES = {
    "German": re.compile(
        r" (?!(?:President|Chancellor|Foreign|Federal|Minister|Government|Bundestag|Economy|Vice|Defen[cs]e|Finance"
        r"|Ambassador|Parliament|Business|Side|Delegation|Counterpart|Head|Prime|State|Council|Embassy|Compan"
        r"|Industr|Armed|Air|Navy|Army|Presidency|Foreign|Interior|Health|Social|Green|Christian|Free|Left|Unity"
        r"|Reunification|Question|Partners?|Leaders?|Officials?|Investors?|Citizens?|People|Media)\b)[A-Z][a-z]+"
    ),
}
def _data_path(name: str):
    return resources.files("diplo_analysis").joinpath("data", name)


def _trie_regex(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words`` shaped as a trie (fast to fail)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        if len(branches) == 1 and not end:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return build(trie)


def _boundary(pattern: str) -> re.Pattern:
    # letters/digits may not touch a match; a hyphen may ("Russian-Chinese").
    # Greedy trie alternation tries longer continuations first, and the
    # look-ahead makes it back off to a shorter alias at a word's end.
    return re.compile(r"(?<![A-Za-z0-9])(?:" + pattern + r")(?![A-Za-z0-9]|'[A-Za-rt-z])")


# ----------------------------------------------------------------- countries
@lru_cache(maxsize=1)
def country_lookup() -> dict[str, str]:
    """Return the name -> code table used for countries and organisations.

    Built once from ``country_converter``'s data file (``name_short`` and
    ``name_official`` of every current country) and
    ``data/gazetteer_names.csv`` (which wins where both name a string).

    Returns
    -------
    dict[str, str]
        Folded name (as written, capitalised) -> ISO 3166 alpha-3 code, or an
        organisation code (``UN``, ``NATO``, ``EUU``, ...; see ``ORG_CODES``).
    """
    import country_converter

    path = resources.files(country_converter).joinpath("country_data.tsv")
    with path.open(encoding="utf-8") as fh:
        coco = pd.read_csv(fh, sep="\t", keep_default_na=False, dtype=str)
    table: dict[str, str] = {}
    for row in coco.itertuples(index=False):
        if row.obsolete or not row.ISO3:
            continue
        for name in (row.name_short, row.name_official):
            name = fold(name.strip())
            if name and name not in _COCO_SKIP:
                table.setdefault(name, row.ISO3)
                if name.startswith("Republic of "):
                    table.setdefault("the " + name, row.ISO3)
    table["Georgia"] = "GEO"
    # coco's official name of Taiwan would shadow "People's Republic of China"
    # fragments; the long CHN name below wins by length, and "Republic of
    # China" alone stays TWN as in coco.
    with _data_path("gazetteer_names.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            table[fold(row["alias"].strip())] = row["code"].strip()
    return table


@lru_cache(maxsize=1)
def _country_regex() -> re.Pattern:
    return _boundary(_trie_regex(sorted(country_lookup(), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _country_split() -> re.Pattern:
    # every lower-case country name is "the " + a capitalised one with the same code
    # ("the Republic of Korea"): those are found as the capitalised name, extended below
    names = country_lookup()
    assert all(n[:1].isupper() or (n.startswith("the ") and names.get(n[4:]) == c) for n, c in names.items())
    return _split_regexes(names)[0]


def find_countries(text: str) -> list[tuple[int, int, str]]:
    """Return every country or organisation mention in folded ``text``.

    Parameters
    ----------
    text : str
        Text already passed through :func:`fold`.

    Returns
    -------
    list of (start, end, code)
        Character span of the mention and its code, in order of appearance.
        The longest name wins at each position ("Democratic Republic of the
        Congo" -> ``COD``, not ``COG``).
    """
    return list(_find_countries(text))


_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


@lru_cache(maxsize=16384)
def _find_countries(text: str) -> tuple[tuple[int, int, str], ...]:
    if len(text) < 2:
        return ()
    lookup = country_lookup()
    out = []
    for m in _scan(text, _country_split(), (), _country_regex()):
        name = m.group(0)
        a = m.start()
        if name == "Georgia" and _GEORGIA_US.search(text, max(0, a - 40), a):
            continue
        if name in _GIVEN_NAMES and _GIVEN_NAMES[name].match(text, m.end()):
            continue  # "German Gref": a first name, not a demonym
        if a >= 4 and text[a - 4: a] == "the " and ("the " + name) in lookup and (a == 4 or text[a - 5] not in _ALNUM):
            a -= 4  # "the Republic of Korea" as the table writes it
        out.append((a, m.end(), lookup[name]))
    return tuple(out)


def country_code(name: Optional[str]) -> Optional[str]:
    """Return the code of one country or organisation name, or None.

    Exact names first ("Canada", "Canadian", "the Republic of Korea",
    "European Union"), then the first mention inside a longer string
    ("Office of the President of Russia" -> ``RUS``).

    Parameters
    ----------
    name : str or None

    Returns
    -------
    str or None
        ISO alpha-3 or organisation code.
    """
    if not name:
        return None
    name = fold(str(name).strip())
    lookup = country_lookup()
    if name in lookup:
        return lookup[name]
    found = find_countries(name)
    return found[0][2] if found else None


# ------------------------------------------------------------------- leaders
_Timestamp = pd.Timestamp


def _missing(date) -> bool:
    """``date is None or pd.isna(date)``, without the call for a Timestamp (never NaT: fast path)."""
    return date is None or (type(date) is not _Timestamp and bool(pd.isna(date)))


def _in_term(start: Optional[pd.Timestamp], end: Optional[pd.Timestamp], date) -> bool:
    """Whether ``date`` falls between ``start`` and ``end`` (either None: open)."""
    return (start is None or start <= date) and (end is None or date <= end)


@dataclass(frozen=True)
class Leader:
    """One term of office of one person (one row of ``data/leaders.csv``)."""

    name: str
    country: str
    office: str
    start: Optional[pd.Timestamp]
    end: Optional[pd.Timestamp]

    def serves(self, date) -> bool:
        """Return whether the term covers ``date`` (a Timestamp; NaT -> False)."""
        if _missing(date):
            return False
        return _in_term(self.start, self.end, date)


#: Columns of ``data/groupings.csv``.
GROUPING_COLUMNS = ("name", "pattern", "members", "start", "end", "example")


@dataclass(frozen=True)
class Grouping:
    """A small grouping of states whose leaders meet or call as one (``data/groupings.csv``): its ``name``, the
    compiled ``rx`` of its names, its ``members`` (ISO alpha-3 codes, or the gazetteer's codes of organisations,
    such as ``EUU``), and the days it existed in that form (``start``, ``end``: None where open)."""

    name: str
    rx: re.Pattern
    members: tuple
    start: Optional[pd.Timestamp]
    end: Optional[pd.Timestamp]

    def holds(self, date) -> bool:
        """Whether the grouping had these members on ``date`` (any date where ``date`` is NaT)."""
        return _missing(date) or _in_term(self.start, self.end, date)


def _grouping_row(row: dict, where: str) -> Grouping:
    members = tuple(m.strip() for m in (row.get("members") or "").split("|") if m.strip())
    if len(members) < 2 or not all(re.fullmatch(r"[A-Z]{2,12}", m) for m in members):
        raise ValueError(f"{where}: members must be two or more codes in capitals joined by '|', "
                         f"got {row.get('members')!r}")
    dates = []
    for col in ("start", "end"):
        value = (row.get(col) or "").strip()
        try:
            dates.append(pd.Timestamp(value) if value else None)
        except ValueError:
            raise ValueError(f"{where}: {col} {value!r} is not a date (YYYY-MM-DD)") from None
    try:
        rx = re.compile(row.get("pattern") or "")
    except re.error as exc:
        raise ValueError(f"{where}: the pattern does not compile: {exc}") from None
    if not row.get("pattern") or not rx.search(row.get("example") or ""):
        raise ValueError(f"{where}: the pattern does not match its example {row.get('example')!r}")
    return Grouping(row["name"], rx, members, dates[0], dates[1])


@lru_cache(maxsize=1)
def groupings() -> tuple:
    """The groupings of ``data/groupings.csv`` (G7, Quad, E3, ...), each checked on load.

    Returns
    -------
    tuple of Grouping
        In the table's order. A bad row raises ``ValueError`` naming the file and line: members that are not
        codes, a date that is not one, a pattern that does not compile or does not match its ``example``.
    """
    from ._tables import read_checked_table

    return tuple(read_checked_table(_data_path("groupings.csv"), GROUPING_COLUMNS, "grouping", _grouping_row))


@lru_cache(maxsize=1)
def leaders_table() -> pd.DataFrame:
    """Return the leaders table in force: the package's, plus a user's rows (:mod:`diplo_analysis.knowledge`).

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`package_leaders`; a user's rows after the package's.
    """
    from .knowledge import active

    df = package_leaders()
    extra = active().leader_rows
    if not extra:
        return df
    more = pd.DataFrame(list(extra), columns=list(df.columns[:4]) + ["start", "end"])
    more["start"] = pd.to_datetime(more["start"].replace("", None))
    more["end"] = pd.to_datetime(more["end"].replace("", None))
    return pd.concat([df, more], ignore_index=True)


@lru_cache(maxsize=1)
def package_leaders() -> pd.DataFrame:
    """Return the leaders table shipped with the package.

    Returns
    -------
    pandas.DataFrame
        One row per term of office, columns: ``name`` (canonical name),
        ``aliases`` (other spellings, ``|``-separated, may be empty),
        ``country`` (ISO alpha-3 or organisation code), ``office``
        (``head_of_state``, ``head_of_government``, ``vice_president``,
        ``foreign_minister``, ``national_security_adviser``, ``org_head``, ...),
        ``start`` and ``end`` (datetime64, NaT when open).

    Notes
    -----
    The rows cover the heads of state and government of 191 of the 193 UN
    member states (not San Marino, Vanuatu; and Kosovo, Palestine, Taiwan,
    the Holy See) in office at any time from 2015 on, the foreign ministers
    of about 130 of them, and the heads of the main international
    organisations. They were written as facts from the public
    record (official lists of office holders, yearly lists of state leaders
    and foreign ministers); the changes of 2025-2026 were checked against
    stored copies of news reports and official announcements of the
    appointments. About 50 foreign ministers' terms whose day was not found
    start or end on the 15th of the month, and changes of 2026 may be missing
    (``docs/metadata.md``, "Tables").
    """
    with _data_path("leaders.csv").open(encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype=str, keep_default_na=False)
    missing = {"name", "aliases", "country", "office", "start", "end"} - set(df.columns)
    if missing:
        raise ValueError(f"leaders.csv lacks columns {sorted(missing)}")
    df["start"] = pd.to_datetime(df["start"].replace("", None), errors="raise")
    df["end"] = pd.to_datetime(df["end"].replace("", None), errors="raise")
    return df


#: A monarch's or pope's name with its regnal number ("King Felipe VI", "Pope John Paul II"): group 1 is the
#: name without the number, as royal houses and the press write it on second mention ("King Felipe").
_REGNAL_NAME = re.compile(r"((?:King|Queen|Sultan|Emperor|Pope|Grand Duke|Prince) [A-Z][\w'-]+(?: [A-Z][\w'-]+)*) [IVX]+")


def regnal_short_forms(names: Iterable[str]) -> dict[str, str]:
    """The short form of each regnal name among ``names`` that no other of the names claims (rule ``regnal_short_form``).

    Parameters
    ----------
    names : iterable of str
        The names and aliases of the leaders table.

    Returns
    -------
    dict
        ``{name: short form}`` for each name of the form "Title Name N" (a roman regnal
        number last: "King Felipe VI" -> "King Felipe"), left out where another name is
        that short form or starts with it ("King Abdullah II" keeps no short form while
        "King Abdullah bin Abdulaziz" is in the table).

    Examples
    --------
    >>> regnal_short_forms(["King Felipe VI", "King Abdullah II", "King Abdullah bin Abdulaziz", "Felipe VI"])
    {'King Felipe VI': 'King Felipe'}
    """
    names = {n.strip() for n in names if n and n.strip()}
    out = {}
    for name in sorted(names):
        m = _REGNAL_NAME.fullmatch(name)
        if m and not any(o != name and (o == m.group(1) or o.startswith(m.group(1) + " ")) for o in names):
            out[name] = m.group(1)
    return out


_ARTICLE = re.compile(r"(?:(?<=^)|(?<= ))([Aa]l|[Ee]l)(?=[- ][A-Z])")


def article_case_forms(names: Iterable[str]) -> list[str]:
    """The other capitalisation of the Arabic article in ``names`` (rule ``article_case``).

    Parameters
    ----------
    names : iterable of str
        Names and aliases of one leader.

    Returns
    -------
    list of str
        For each name with an article "al-"/"Al-"/"el-"/"El-" (or "Al "/"al ") before a capitalised word,
        the name with that article's first letter in the other case ("al-Sudani" -> "Al-Sudani"),
        where the names do not hold it already; aliases are matched case-sensitively.

    Examples
    --------
    >>> article_case_forms(["Mohammed Shia al-Sudani", "al-Sudani", "Tamim bin Hamad Al Thani"])
    ['Mohammed Shia Al-Sudani', 'Al-Sudani', 'Tamim bin Hamad al Thani']
    """
    names = [n for n in names if n]
    have = set(names)
    out = []
    for name in names:
        other = _ARTICLE.sub(lambda m: m.group(1).swapcase()[0] + m.group(1)[1:], name)
        if other != name and other not in have:
            have.add(other)
            out.append(other)
    return out


@lru_cache(maxsize=1)
def _leader_index() -> tuple[dict[str, tuple[Leader, ...]], re.Pattern]:
    alias_map: dict[str, list[Leader]] = {}
    table = leaders_table()
    short = regnal_short_forms(list(table["name"])
                               + [a for v in table["aliases"] for a in v.split("|")])
    for row in table.itertuples(index=False):
        start = None if pd.isna(row.start) else row.start
        end = None if pd.isna(row.end) else row.end
        term = Leader(row.name, row.country, row.office, start, end)
        names = [row.name] + [a for a in row.aliases.split("|") if a.strip()]
        names += [short[n] for n in names if n in short]
        names += article_case_forms(names)
        for alias in names:
            key = fold(alias.strip())
            bucket = alias_map.setdefault(key, [])
            if term not in bucket:
                bucket.append(term)
    frozen = {k: tuple(v) for k, v in alias_map.items()}
    return frozen, _boundary(_trie_regex(sorted(frozen, key=len, reverse=True)))


def _split_regexes(names) -> tuple[re.Pattern, tuple[str, ...]]:
    """An expression for the ``names`` that start with a capital, and the tails of the others.

    A trie alternation whose names all start with a capital lets the regex
    engine skip straight to capitals (the look-behind of :func:`_boundary`
    is checked on each hit instead).  The few names starting in lower case
    ("von der Leyen") are represented by their tails from the first capital
    ("Leyen"): where a tail occurs, the full expression is used.
    """
    names = sorted(names, key=len, reverse=True)
    upper = [n for n in names if n[:1].isupper()]
    tails = []
    for n in names:
        if not n[:1].isupper():
            cap = re.search(r"[A-Z]", n)
            tails.append(n[cap.start():] if cap else n)
    rx_upper = re.compile(r"(?:" + _trie_regex(upper) + r")(?![A-Za-z0-9]|'[A-Za-rt-z])")
    return rx_upper, tuple(sorted(set(tails)))


def _scan(text: str, rx_upper: re.Pattern, tails: tuple[str, ...], rx_full: re.Pattern):
    """Yield the matches ``rx_full.finditer(text)`` would, using the capitals' expression (faster)."""
    for tail in tails:
        if tail in text:
            yield from rx_full.finditer(text)  # rare: keep the exact semantics of one alternation
            return
    pos = 0
    while True:
        m = rx_upper.search(text, pos)
        if m is None:
            return
        a = m.start()
        if a and text[a - 1] in _ALNUM:
            # inside a word: retry from the next character, as the look-behind would
            m = rx_full.search(text, a + 1)
            if m is None:
                return
        pos = m.end()
        yield m


@lru_cache(maxsize=1)
def _leader_split() -> tuple[re.Pattern, tuple[str, ...]]:
    return _split_regexes(_leader_index()[0])


def _pick(terms: tuple[Leader, ...], date=None, country: Optional[str] = None) -> Leader:
    if len(terms) == 1:
        return terms[0]
    if country:
        same = tuple(t for t in terms if t.country == country)
        terms = same or terms
    if not _missing(date):
        for t in terms:
            # Leader.serves inlined (date is known not to be missing here)
            if (t.start is None or t.start <= date) and (t.end is None or date <= t.end):
                return t
        # nearest term in time
        def dist(t: Leader) -> float:
            s = t.start if t.start is not None else pd.Timestamp.min
            e = t.end if t.end is not None else pd.Timestamp.max
            return 0.0 if s <= date <= e else min(abs((date - s).days), abs((date - e).days))

        return min(terms, key=dist)
    return terms[0]


def find_leaders(text: str, date=None) -> list[tuple[int, int, Leader]]:
    """Return every known leader mentioned in folded ``text``.

    Parameters
    ----------
    text : str
        Text passed through :func:`fold`.
    date : pandas.Timestamp, optional
        Picks the term in force for people with several (Donald Tusk: Poland
        or the EU).

    Returns
    -------
    list of (start, end, Leader)
    """
    alias_map = _leader_index()[0]
    return [(a, b, _pick(alias_map[alias], date)) for a, b, alias in find_leader_aliases(text)]


@lru_cache(maxsize=16384)
def find_leader_aliases(text: str) -> tuple[tuple[int, int, str], ...]:
    """Return every leader alias found in folded ``text`` (no date needed; cached).

    Parameters
    ----------
    text : str
        Text passed through :func:`fold`.

    Returns
    -------
    tuple of (start, end, alias)
        ``alias`` is a key for :func:`pick_leader`.
    """
    if len(text) < 3:
        return ()
    up, tails = _leader_split()
    found = [(m.start(), m.end(), m.group(0)) for m in _scan(text, up, tails, _leader_index()[1])]
    given = _given_names()
    return tuple(f for f in found if " " in f[2] or not _other_persons_surname(text, f[0], f[2], given))


_NOT_GIVEN = frozenset("King Queen Emir Amir Sheikh Shaikh Pope Prince Princess Sultan Crown Lord Sir Grand".split())
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")


@lru_cache(maxsize=1)
def _given_names() -> frozenset:
    """First words of the leaders table's full names ("Dmitry", "Angela"), honorifics left out."""
    return frozenset(n.split()[0] for n in leaders_table()["name"] if " " in n) - _NOT_GIVEN


def _other_persons_surname(text: str, start: int, alias: str, given: frozenset) -> bool:
    """Whether a one-word alias follows a given name its leaders do not bear ("Dmitry Azarov" is not Mykola Azarov)."""
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if m is None or m.group(1) not in given:
        return False
    word = m.group(1)[:3]  # a spelling of the same name passes: "Alexander"/"Aleksander", "Mohammed"/"Mohammad"
    return all(not any(t[:3] == word for t in _name_words(term.name)) for term in _leader_index()[0][alias])


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple:
    """The words of a leader's name and of all its aliases."""
    rows = leaders_table()
    words = set(name.split())
    for aliases in rows.loc[rows["name"] == name, "aliases"]:
        for a in aliases.split("|"):
            words.update(a.split())
    return tuple(sorted(words))


def pick_leader(alias: str, date=None, country: Optional[str] = None) -> Leader:
    """Return the term an alias found by :func:`find_leader_aliases` stands for.

    Parameters
    ----------
    alias : str
        An alias exactly as found.
    date : pandas.Timestamp, optional
        Picks the term in force at that date (else the nearest in time).
    country : str, optional
        Prefer terms in that country or organisation.

    Returns
    -------
    Leader

    Raises
    ------
    KeyError
        If ``alias`` is not an alias of the leaders table.
    """
    return _pick(_leader_index()[0][alias], date, country)


def lookup_leader(name: Optional[str], date=None, country: Optional[str] = None) -> Optional[Leader]:
    """Return the leader a name stands for, or None.

    Parameters
    ----------
    name : str or None
        A canonical name or an alias ("Joe Biden", "President Biden" -> the
        alias inside it is found).
    date : pandas.Timestamp, optional
        Picks the term in force at that date.
    country : str, optional
        Prefer terms in that country or organisation.

    Returns
    -------
    Leader or None
    """
    if not name:
        return None
    alias_map, rx = _leader_index()
    key = fold(name.strip())
    if key in alias_map:
        return _pick(alias_map[key], date, country)
    m = rx.search(key)
    return _pick(alias_map[m.group(0)], date, country) if m else None


@lru_cache(maxsize=4096)
def _office_holders(country: str, office: str) -> tuple[Leader, ...]:
    t = leaders_table()
    sub = t[(t["country"] == country) & (t["office"] == office)]
    return tuple(
        Leader(r.name, r.country, r.office, None if pd.isna(r.start) else r.start, None if pd.isna(r.end) else r.end)
        for r in sub.itertuples(index=False)
    )


#: The leaders table's office for the title that names it (lower case, hyphens as spaces).
OFFICE_OF_TITLE = {
    "president": "head_of_state", "king": "head_of_state", "queen": "head_of_state", "emir": "head_of_state",
    "amir": "head_of_state", "prime minister": "head_of_government", "chancellor": "head_of_government",
    "premier": "head_of_government", "taoiseach": "head_of_government", "vice president": "vice_president",
    "secretary general": "org_head", "foreign minister": "foreign_minister", "secretary of state": "foreign_minister",
}


def office_of_title(title: str) -> Optional[str]:
    """Return the leaders table's office a title names ("Prime Minister" -> ``head_of_government``), or None."""
    return OFFICE_OF_TITLE.get(" ".join(title.lower().replace("-", " ").split()))


def office_holder(country: Optional[str], office: str, date) -> Optional[str]:
    """Return who held ``office`` in ``country`` on ``date``, or None.

    Used for readouts whose subject is only "The President" or "the Premier".

    Parameters
    ----------
    country : str or None
        ISO alpha-3 code.
    office : str
        ``head_of_state``, ``head_of_government``, ``foreign_minister``, ...
    date : pandas.Timestamp or NaT

    Returns
    -------
    str or None
        The canonical name, None when the table does not say or ``date`` is
        unknown.
    """
    if not country or _missing(date):
        return None
    for term in _office_holders(country, office):
        if term.serves(date):
            return term.name
    return None


# ---------------------------------------------------------------- publishers
@lru_cache(maxsize=1)
def _publisher_rows() -> tuple[tuple[str, str], ...]:
    """(fragment, code) pairs: a user's (:mod:`diplo_analysis.knowledge`) first, then the package's."""
    from .knowledge import active

    with _data_path("gazetteer_publishers.csv").open(encoding="utf-8") as fh:
        package = tuple((r["fragment"].strip().lower(), r["code"].strip()) for r in csv.DictReader(fh))
    return tuple((r["fragment"], r["code"]) for r in active().publisher_rows) + package


#: Columns of ``data/publisher_kinds.csv``: what kind of office a publisher is, by the words of its name or address.
PUBLISHER_KIND_COLUMNS = ("kind", "pattern", "example", "note")


@lru_cache(maxsize=1)
def _publisher_kind_rows() -> dict[str, re.Pattern]:
    """kind -> one expression of its rows' patterns; every row's pattern must match its example."""
    path = _data_path("publisher_kinds.csv")
    patterns: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in PUBLISHER_KIND_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: lacks column(s) {missing}")
        for n, row in enumerate(reader, start=2):
            try:
                ok = re.search(row["pattern"], row["example"], re.I)
            except re.error as exc:
                raise ValueError(f"{path}:{n}: the pattern does not compile: {exc}") from None
            if not row["kind"] or not ok:
                raise ValueError(f"{path}:{n}: a row needs a kind and a pattern that matches its example")
            patterns.setdefault(row["kind"], []).append(row["pattern"])
    return {kind: re.compile("|".join(p), re.I) for kind, p in patterns.items()}


def publisher_is(kind: str, publisher: Optional[str] = None, url: Optional[str] = None) -> bool:
    """Whether the publisher is of one kind (``kind in publisher_kinds(publisher, url)``).

    Only that kind's expression is tried: a page's url is new every time, so
    the memo of :func:`publisher_kinds` rarely helps, and each case-blind
    expression costs microseconds on a long url. A kind the table lacks is
    never true.
    """
    rx = _publisher_kind_rows().get(kind)
    return rx is not None and rx.search(f"{publisher or ''} {url or ''}") is not None


@lru_cache(maxsize=4096)
def publisher_kinds(publisher: Optional[str] = None, url: Optional[str] = None) -> frozenset:
    """What kind of office a publisher is, from its name and address (``data/publisher_kinds.csv``).

    Returns
    -------
    frozenset of str
        The kinds whose words the publisher's name or url holds: ``presidency``
        (a head of state's site), ``pm_office`` (a head of government's),
        ``official`` (a ministry's or a presidency's own site), ``embassy``
        (an embassy, consulate or mission); empty when none.
    """
    hay = f"{publisher or ''} {url or ''}"
    return frozenset(kind for kind, rx in _publisher_kind_rows().items() if rx.search(hay))


#: An embassy's address names the country it represents, not the one it is in: "vnembassy-jp.org",
#: "embaixadadeangola.pt", "indianembassy.example", a Commonwealth high commission's "ruritaniahighcom.example"
#: (rule of :func:`publisher_country`, before the country-code domain).
_EMBASSY_HOST = re.compile(
    r"(?:^|[.-])(?:(?P<cc>[a-z]{2})-?(?:embassy|mission|highcom)|(?P<pre>[a-z]{4,}?)(?:embassy|mission|highcom(?:mission)?)"
    r"|(?:embassy|embaixada|embajada|ambassade|botschaft)(?:-?(?:of|de|da|do|du|des|del))?-?(?P<post>[a-z]{4,}))")


def _embassy_country(host: str) -> Optional[str]:
    """The country an embassy's host name represents ("vnembassy-jp.org" -> VNM), or None."""
    if ("emba" not in host and "ambassade" not in host and "botschaft" not in host and "mission" not in host
            and "highcom" not in host):
        return None
    m = _EMBASSY_HOST.search(host)
    if m is None:
        return None
    if m["cc"]:
        return _cctld().get(m["cc"])
    word = (m["pre"] or m["post"]).title()
    found = [c for _, _, c in find_countries(word) if c not in ORG_CODES]
    return found[0] if found else None


#: Country-code domains sold as generic names ("eldoce.tv", "almaty.tv", "radio.fm", "app.io"): they
#: name no country in :func:`publisher_country`, except under a government's label ("gov.tv").
GENERIC_CCTLDS = frozenset({"tv", "fm", "io", "cc", "ws"})
_GOV_LABEL = re.compile(r"(?:^|\.)(?:gov|gob|go|govt|mil)\.[a-z]{2}$")


@lru_cache(maxsize=1)
def _cctld() -> dict[str, str]:
    import country_converter

    path = resources.files(country_converter).joinpath("country_data.tsv")
    with path.open(encoding="utf-8") as fh:
        coco = pd.read_csv(fh, sep="\t", keep_default_na=False, dtype=str)
    out = {r.ccTLD.lower(): r.ISO3 for r in coco.itertuples(index=False) if r.ccTLD and not r.obsolete}
    out["uk"] = "GBR"
    out["gov"] = "USA"
    out["mil"] = "USA"
    return out


def _gov_domain_country(hosts: list) -> Optional[str]:
    """Rule ``gov_domain``: a host under a government's label of a country-code domain ("gov.tm", "gob.mx") is
    that government's, whatever its sub-domains say: "china.tmembassy.gov.tm" is Turkmenistan's embassy in
    China, not a Chinese site (before the fragments of ``gazetteer_publishers.csv``, whose "china" it holds)."""
    for host in hosts:
        if "." in host and _GOV_LABEL.search(host):
            code = _cctld().get(host.rsplit(".", 1)[-1])
            if code:
                return code
    return None


@lru_cache(maxsize=4096)
def publisher_country(publisher: Optional[str] = None, url: Optional[str] = None, site: Optional[str] = None) -> Optional[str]:
    """Return the country of the publishing office, or None.

    The fragments of ``data/gazetteer_publishers.csv`` are looked for in the
    URL's host, the site and the publisher's name ("kremlin" -> ``RUS``,
    "whitehouse.gov" -> ``USA``, "chineseembassy" -> ``CHN``); then a
    country named in the publisher's string ("Ministry of External Affairs
    of India"); then the country an embassy's address names
    ("vnembassy-jp.org" -> ``VNM``, "embaixadadeangola.pt" -> ``AGO``); then the
    country-code top-level domain of the URL or site (``.ua`` -> ``UKR``;
    ``.gov`` -> ``USA``; not the domains sold as generic names, :data:`GENERIC_CCTLDS`:
    ``eldoce.tv`` has no country, ``gov.tv`` is Tuvalu's).

    Parameters
    ----------
    publisher, url, site : str or None

    Returns
    -------
    str or None
        ISO alpha-3 code.
    """
    hosts = []
    for u in (url, site):
        if u:
            host = urlparse(u if "//" in u else "//" + u).hostname or ""
            hosts.append(host.lower())
    code = _gov_domain_country(hosts)
    if code:
        return code
    hay = " ".join(hosts + [(publisher or "").lower()])
    if hay.strip():
        for frag, code in _publisher_rows():
            if frag in hay:
                return code
    if publisher:
        name = fold(publisher)
        if name.isupper():
            name = name.title()  # "VIETNAM GOVERNMENT PORTAL": names are looked up as written in text
        found = find_countries(name)
        found = [c for _, _, c in found if c not in ORG_CODES]
        if found:
            return found[0]
    for host in hosts:
        code = _embassy_country(host)
        if code:
            return code
    for host in hosts:
        tld = host.rsplit(".", 1)[-1] if "." in host else ""
        if tld and tld in _cctld() and (tld not in GENERIC_CCTLDS or _GOV_LABEL.search(host)):
            return _cctld()[tld]
    return None
