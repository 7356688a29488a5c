"""The same call told by both sides: match readouts, then compare them.

Two steps:

1. :func:`pair_readouts` finds pairs of readouts, published by different
   sides, that report the same conversation (the Kremlin's and Beijing's
   readouts of one Xi-Putin call).  Mirror copies of one readout on several
   sites of the same side (the foreign ministry, its embassies, state media)
   are first collapsed into one *event*, so that they never pair with each
   other and the other side's readout pairs with the event once.
2. :func:`compare_pair` sets two readouts side by side: length, words per
   speaker side, tone, the words each side stresses that the other does not
   (:func:`keyness`, log-odds ratio with an informative Dirichlet prior), who
   initiated the call according to each side, and what each side has the
   other leader say.

The rules are in ``docs/pairs.md``.  The heavier dependencies
(``speakers``, ``tone``) are imported inside the functions that use them.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Optional

import numpy as np
import pandas as pd

from .text import NAME_PARTICLES, fold_lower_ascii

__all__ = [
    "PAIR_COLUMNS",
    "COMPATIBLE_MEDIA",
    "person_key",
    "names_match",
    "media_compatible",
    "collapse_mirrors",
    "pair_readouts",
    "tokenize",
    "background_counts",
    "keyness",
    "PairComparison",
    "WEAK_Z",
    "PAIR_SENTENCE_COLUMNS",
    "compare_pair",
    "compare_pairs",
    "lookup_ids",
    "explain_pair",
]

PAIR_COLUMNS = [
    "readout_id_a",
    "readout_id_b",
    "publisher_a",
    "publisher_b",
    "side_a",
    "side_b",
    "date_a",
    "date_b",
    "principal_a",
    "principal_b",
    "medium_a",
    "medium_b",
    "day_diff",
    "score",
    "evidence",
    "mirrors_a",
    "mirrors_b",
]

#: Unordered pairs of media that may describe the same conversation.  Equal
#: media pair; ``phone``~``video`` (both remote: one side's "telephone
#: conversation" is sometimes the other's "video call"); ``video``~``in_person``
#: (the Kremlin titles video meetings "Meeting with ..." and never says
#: "video" in some of them, e.g. the Biden-Putin video call of 7 December
#: 2021).  ``phone``~``in_person`` does not pair, and ``other`` never pairs.
COMPATIBLE_MEDIA = frozenset(
    frozenset(p)
    for p in [
        ("phone",),
        ("video",),
        ("in_person",),
        ("phone", "video"),
        ("video", "in_person"),
    ]
)

_REQUIRED = [
    "readout_id",
    "publisher",
    "date",
    "medium",
    "host",
    "host_country",
    "counterparts",
    "counterpart_countries",
]

# ---------------------------------------------------------------------------
# Person keys
# ---------------------------------------------------------------------------

_TITLES = frozenset(
    """
    president vice prime minister ministers chancellor federal king queen prince princess crown
    emir amir sheikh shaikh sultan mr mrs ms miss dr h e he his her excellency majesty highness royal
    secretary general state foreign affairs premier chairman chairwoman comrade sir lord lady pope
    holiness elect acting interim deputy first lady senior adviser advisor national security
    counselor counsellor leader supreme chief executive governor commissioner director
    ambassador envoy special representative honourable honorable hon the of
    """.split()
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _spelling(token: str) -> str:
    # y/i and doubled letters vary between transliterations:
    # Zelensky / Zelenskyy / Zelenskiy, Aliyev / Aliev.
    token = token.replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", token)


def person_key(name) -> tuple:
    """Normalise a person's name to a tuple of comparable tokens.

    Titles ("President", "Prime Minister", "H.E."), suffixes ("Jr."),
    initials, accents and transliteration variants (y/i, doubled letters)
    are removed, so "Joseph R. Biden Jr." -> ``("joseph", "biden")`` and
    "Volodymyr Zelenskyy" and "Zelensky" share ``"zelenski"``.

    Parameters
    ----------
    name : str or None

    Returns
    -------
    tuple of str
        The name's tokens, in order; empty for None, NaN or a name made of
        titles only.
    """
    if isinstance(name, str):
        return _person_key_str(name)
    return _person_key(name)


@lru_cache(maxsize=65536)
def _person_key_str(name: str) -> tuple:
    return _person_key(name)


def _person_key(name) -> tuple:
    """person_key without the cache (internal)."""
    if name is None or (isinstance(name, float) and np.isnan(name)):
        return ()
    if not isinstance(name, str):
        raise TypeError(f"person_key expects a str or None, got {type(name).__name__}")
    if re.fullmatch(r"\s*[A-Z]{2,3}\s*", name):
        return ()  # a country or organisation code where a name should be: no name
    tokens = re.split(r"[^a-z]+", fold_lower_ascii(name))
    out = []
    for tok in tokens:
        if len(tok) < 2 or tok in _TITLES or tok in _SUFFIXES:
            continue
        out.append(_spelling(tok))
    return tuple(out)


def _surname(key: tuple) -> Optional[str]:
    for tok in reversed(key):
        if tok not in NAME_PARTICLES:
            return tok
    return None


def names_match(a, b) -> bool:
    """Whether two names (or :func:`person_key` tuples) denote the same person.

    Strict: the last significant token (the surname for Western name order)
    of one name must be a token of the other, or, for tokens of six letters
    or more, differ from one by a single letter (Lukashenko / Lukashenka).  "Xi" ~ "Xi Jinping",
    "Biden" ~ "Joseph R. Biden Jr.", "Erdogan" ~ "Recep Tayyip Erdoğan";
    "Li Qiang" !~ "Li Keqiang", "Mohammed bin Salman" !~ "Mohammed bin Zayed".

    Returns
    -------
    bool
        False when either name is empty.
    """
    ka = a if isinstance(a, tuple) else person_key(a)
    kb = b if isinstance(b, tuple) else person_key(b)
    if not ka or not kb:
        return False
    sa, sb = _surname(ka), _surname(kb)
    if (sa is not None and sa in kb) or (sb is not None and sb in ka):
        return True
    # long surnames may differ by one letter between transliterations
    # (Lukashenko / Lukashenka, Tokayev / Tokaev)
    return any(
        s is not None and len(s) >= 6 and any(len(t) >= 6 and _one_edit(s, t) for t in other)
        for s, other in ((sa, kb), (sb, ka))
    )


def _one_edit(x: str, y: str) -> bool:
    """Whether two strings differ by at most one substitution, insertion or deletion."""
    if x == y:
        return True
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) > len(y):
        x, y = y, x
    i = 0
    while i < len(x) and x[i] == y[i]:
        i += 1
    if len(x) == len(y):
        return x[i + 1:] == y[i + 1:]
    return x[i:] == y[i + 1:]


def media_compatible(a, b) -> bool:
    """Whether two media can describe one conversation (see :data:`COMPATIBLE_MEDIA`).

    Returns
    -------
    bool
        False when either medium is missing or ``other``.
    """
    if not isinstance(a, str) or not isinstance(b, str) or "other" in (a, b):
        return False
    return frozenset((a, b)) in COMPATIBLE_MEDIA


# ---------------------------------------------------------------------------
# Mirrors -> events
# ---------------------------------------------------------------------------

def _publisher_ranks(publishers, urls) -> list[int]:
    """Per readout: 0 official ministry/presidency, 1 embassy/consulate, 2 anything else.

    The kinds of :func:`diplo_analysis.gazetteer.publisher_kinds`
    (``data/publisher_kinds.csv``), embassy first; only the two kinds that
    rank are searched for.
    """
    from .gazetteer import publisher_is

    return [1 if publisher_is("embassy", p, u) else 0 if publisher_is("official", p, u) else 2
            for p, u in zip(publishers, urls)]


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, float) and np.isnan(value):
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def _clean(value):
    if value is None:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if value is pd.NA:
        return None
    return value


def _validate(readouts: pd.DataFrame) -> None:
    if not isinstance(readouts, pd.DataFrame):
        raise TypeError(f"readouts must be a pandas DataFrame, got {type(readouts).__name__}")
    missing = [c for c in _REQUIRED if c not in readouts.columns]
    if missing:
        raise ValueError(f"readouts frame lacks column(s) {missing}; expected the load_readouts() frame")
    if readouts["readout_id"].duplicated().any():
        dup = readouts.loc[readouts["readout_id"].duplicated(), "readout_id"].iloc[0]
        raise ValueError(f"readout_id is not unique (e.g. {dup!r})")


def _naive_days(dates: pd.Series) -> np.ndarray:
    try:
        if pd.api.types.is_datetime64_any_dtype(dates):
            d = pd.Series(dates)
        else:
            d = pd.to_datetime(pd.Series(dates), format="ISO8601")
    except (TypeError, ValueError) as exc:
        raise ValueError(f"the 'date' column cannot be read as dates: {exc}") from None
    if getattr(d.dt, "tz", None) is not None:
        d = d.dt.tz_localize(None)
    return d.dt.normalize().astype("datetime64[ns]").to_numpy()


def _prepare(readouts: pd.DataFrame) -> pd.DataFrame:
    """One row per usable readout with normalised keys (internal)."""
    _validate(readouts)
    dates = _naive_days(readouts["date"])
    medium = readouts["medium"].astype(object).to_numpy()
    side = readouts["host_country"].astype(object).to_numpy()
    keep = (
        ~pd.isna(dates)
        & ~pd.isna(side)
        & pd.Series(medium).isin(["phone", "video", "in_person"]).to_numpy()
    )
    if "status" in readouts:  # an announcement tells no conversation held
        keep &= (readouts["status"].astype(object) != "announced").to_numpy()
    readouts = readouts.loc[keep]
    # plain lists: iterating the frame's str and category columns costs more than the work
    publishers = [_clean(p) for p in readouts["publisher"].tolist()]
    urls = [_clean(u) for u in readouts["url"].tolist()] if "url" in readouts else [None] * len(readouts)
    hosts = [_clean(h) for h in readouts["host"].tolist()]
    df = pd.DataFrame(
        {
            "readout_id": readouts["readout_id"].astype(str).to_numpy(),
            "publisher": publishers,
            "url": urls,
            "date": dates[keep],
            "medium": [None if _clean(m) is None else str(m) for m in medium[keep]],
            "text": (
                [t[:1500] if isinstance(t, str) else None for t in readouts["text"].tolist()]
                if "text" in readouts
                else [None] * len(readouts)
            ),
            "host": hosts,
            "side": [_clean(h) for h in side[keep]],
            "counterparts": [[_clean(c) for c in _as_list(v)] for v in readouts["counterparts"]],
            "counterpart_countries": [[_clean(c) for c in _as_list(v)] for v in readouts["counterpart_countries"]],
            "n_words": (
                pd.to_numeric(readouts["n_words"], errors="coerce").fillna(0).astype(int).to_numpy()
                if "n_words" in readouts
                else np.zeros(len(readouts), dtype=int)
            ),
            "date_inferred": (
                readouts["date_inferred"].fillna(False).astype(bool).to_numpy()
                if "date_inferred" in readouts
                else np.zeros(len(readouts), dtype=bool)
            ),
        }
    )
    df["host_key"] = [person_key(h) for h in hosts]
    df["cp_keys"] = [[person_key(c) for c in cps] for cps in df["counterparts"]]
    df["rank"] = _publisher_ranks(publishers, urls)
    df["day"] = (df["date"].to_numpy().astype("datetime64[D]").astype(np.int64))
    return df


def _same_person(key_a: tuple, key_b: tuple) -> Optional[bool]:
    if not key_a or not key_b:
        return None
    return names_match(key_a, key_b)


def _same_conversation_one_side(r1, r2) -> bool:
    """Mirrors: same host and the same counterparts (names, else countries)."""
    hm = _same_person(r1.host_key, r2.host_key)
    if hm is False or (hm is None and (r1.host_key or r2.host_key)):
        return False
    c1 = list(itertools.zip_longest(r1.cp_keys, r1.counterpart_countries))
    c2 = list(itertools.zip_longest(r2.cp_keys, r2.counterpart_countries))
    if len(c1) != len(c2) or not c1:
        return False
    used = set()
    for k1, cc1 in c1:
        found = False
        for j, (k2, cc2) in enumerate(c2):
            if j in used:
                continue
            k1, k2 = k1 or (), k2 or ()
            if bool(k1) != bool(k2):
                continue  # a named and an unnamed counterpart: not known to be the same
            nm = _same_person(k1, k2)
            if nm is False:
                continue
            if cc1 and cc2 and cc1 != cc2:
                continue
            if nm is None and not (cc1 and cc2 and cc1 == cc2):
                continue
            used.add(j)
            found = True
            break
        if not found:
            return False
    return True


#: Jaccard similarity of the word sets of two texts' beginnings above which two
#: same-side readouts of the same participants dated one day apart are copies.
#: Distinct consecutive-day conversations in the corpus stay below 0.5.
MIRROR_SIMILARITY = 0.7


def _fingerprint(text) -> frozenset:
    if not isinstance(text, str):
        return frozenset()
    return frozenset(_WORD.findall(fold_lower_ascii(text[:1500])))


_EVENT_COLUMNS = [
    "readout_id", "publisher", "url", "date", "medium", "host", "side", "counterparts",
    "counterpart_countries", "mirrors",
]


def collapse_mirrors(readouts: pd.DataFrame) -> pd.DataFrame:
    """Collapse same-side copies of one readout into events.

    Readouts of the same side (``host_country``) with the same date and
    medium, whose hosts match (:func:`names_match`) and whose counterparts
    match one to one (names, else countries; a named counterpart never
    matches an unnamed one), report the same conversation: they become one
    event.  Such readouts dated one day apart are copies only when their
    texts' beginnings are near-identical (word-set Jaccard >=
    :data:`MIRROR_SIMILARITY`).  The canonical readout of an event is the one of
    an official ministry or presidency site, else an embassy or consulate,
    else another publisher; ties go to the longer text, then the smaller
    ``readout_id``.  Readouts without a date, a side or a conversation
    (medium ``other`` or missing) are left out.

    Parameters
    ----------
    readouts : DataFrame
        The :func:`diplo_analysis.load_readouts` frame (at least
        ``readout_id, publisher, date, medium, host, host_country,
        counterparts, counterpart_countries``).

    Returns
    -------
    DataFrame
        One row per event, sorted by ``date, side, readout_id``:
        ``readout_id`` (canonical), ``publisher``, ``url``, ``date``,
        ``medium``, ``host``, ``side`` (host_country), ``counterparts``,
        ``counterpart_countries`` (of the canonical readout), ``mirrors``
        (sorted list of the other readout_ids of the event).
    """
    return _events(readouts)[_EVENT_COLUMNS].copy()


class _UnionFind:
    """Disjoint sets of positions 0..n-1 (path halving)."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(j)] = self.find(i)


def _signature(row) -> tuple:
    """What :func:`_same_conversation_one_side` reads of a row: equal signatures, equal answers."""
    return row.host_key, tuple(row.cp_keys), tuple(row.counterpart_countries)


def _mirror_block(row) -> tuple:
    """A key two mirrors must share: whether the host is named, how many counterparts, how many named.

    :func:`_same_conversation_one_side` needs both hosts named or both
    unnamed, as many counterparts on each side, and pairs a named
    counterpart only with a named one.
    """
    c = list(itertools.zip_longest(row.cp_keys, row.counterpart_countries))
    return bool(row.host_key), len(c), sum(1 for k, _ in c if k)


def _country_key(row) -> Optional[tuple]:
    """The sorted counterpart countries when all are known, else None (matches any).

    Two matched counterparts with known countries must have the same one, so
    two mirrors whose countries are all known have the same sorted countries.
    """
    countries = [cc for _, cc in itertools.zip_longest(row.cp_keys, row.counterpart_countries)]
    return tuple(sorted(countries)) if all(countries) else None


def _by_signature(positions, rows) -> dict:
    """Block -> country key -> member lists, one per distinct signature (members in the order given)."""
    sigs: dict = {}
    for i in positions:
        sigs.setdefault(_signature(rows[i]), []).append(i)
    blocks: dict = {}
    for members in sigs.values():
        row = rows[members[0]]
        block = _mirror_block(row)
        if block[1]:  # without counterparts a readout is nobody's mirror
            blocks.setdefault(block, {}).setdefault(_country_key(row), []).append(members)
    return blocks


def _pairs_within(groups: dict):
    """Unordered pairs of signatures of one block whose countries can match (see :func:`_country_key`)."""
    opened = groups.get(None, [])
    yield from itertools.combinations(opened, 2)
    for key, members in groups.items():
        if key is not None:
            yield from itertools.combinations(members, 2)
            yield from ((mo, m) for mo in opened for m in members)


def _pairs_across(earlier: dict, later: dict):
    """Pairs (signature of ``earlier``, signature of ``later``) of one block whose countries can match."""
    for key, members in earlier.items():
        if key is None:
            others = [m for ms in later.values() for m in ms]
        else:
            others = later.get(key, []) + later.get(None, [])
        yield from ((ma, mb) for ma in members for mb in others)


def _join_same_day(ma: list, mb: list, rows, uf: _UnionFind) -> None:
    """Union the readouts of two signatures (same side, day, medium) that are mirrors.

    Every readout i of one signature and j of the other is compared as
    ``_same_conversation_one_side(rows[i], rows[j])`` with i < j; the answer
    depends on the signatures and their order only, so two calls decide all
    the pairs.
    """
    ab = _same_conversation_one_side(rows[ma[0]], rows[mb[0]])
    ba = _same_conversation_one_side(rows[mb[0]], rows[ma[0]])
    if ab and ba:
        uf.union(ma[0], mb[0])
    elif ab or ba:  # the one-to-one counterpart match depends on the order: pair by pair
        for i in ma:
            for j in mb:
                if (ab if i < j else ba):
                    uf.union(i, j)


def _same_day_mirrors(df: pd.DataFrame, rows, uf: _UnionFind) -> None:
    """Readouts of one side, day and medium with matching host and counterparts are mirrors.

    Compared signature against signature inside a (side, day, medium, block)
    group: the work grows with the distinct (host, counterparts) of one
    day, not with the copies of each.
    """
    for _, idx in df.groupby(["side", "day", "medium"], sort=True).indices.items():
        for groups in _by_signature(sorted(idx), rows).values():
            for ma in (m for ms in groups.values() for m in ms):
                if len(ma) > 1 and _same_conversation_one_side(rows[ma[0]], rows[ma[1]]):
                    for j in ma[1:]:
                        uf.union(ma[0], j)
            for ma, mb in _pairs_within(groups):
                _join_same_day(ma, mb, rows, uf)


def _next_day_mirrors(df: pd.DataFrame, rows, uf: _UnionFind) -> None:
    """Copies dated one day apart are mirrors only when their texts are near-identical.

    A page dated by its publication, not the call, carries the next day's
    date; separate calls or meetings of the same leaders on consecutive days
    are not mirrors.  Signatures of consecutive days are compared once;
    texts only for the readouts of matching signatures not already joined.
    """
    fingerprints: dict = {}

    def fingerprint(i):
        if i not in fingerprints:
            fingerprints[i] = _fingerprint(rows[i].text)
        return fingerprints[i]

    for _, idx in df.groupby(["side", "medium"], sort=True).indices.items():
        by_day: dict = {}
        for i in sorted(idx, key=lambda k: (rows[k].day, rows[k].readout_id)):
            by_day.setdefault(int(rows[i].day), []).append(i)
        days = {d: _by_signature(members, rows) for d, members in by_day.items()}
        for day, blocks in days.items():
            for block, groups in blocks.items():
                for ma, mb in _pairs_across(groups, days.get(day + 1, {}).get(block, {})):
                    if not _same_conversation_one_side(rows[ma[0]], rows[mb[0]]):
                        continue
                    for i in ma:
                        for j in mb:
                            if uf.find(i) == uf.find(j):
                                continue
                            fi, fj = fingerprint(i), fingerprint(j)
                            if fi and fj and len(fi & fj) / len(fi | fj) >= MIRROR_SIMILARITY:
                                uf.union(i, j)


def _events(readouts: pd.DataFrame) -> pd.DataFrame:
    """collapse_mirrors with the internal keys (host_key, cp_keys, day)."""
    df = _prepare(readouts)
    rows = list(df.itertuples(index=False))
    uf = _UnionFind(len(df))
    _same_day_mirrors(df, rows, uf)
    _next_day_mirrors(df, rows, uf)
    df["group"] = [uf.find(i) for i in range(len(df))]
    df = df.sort_values(["group", "rank", "n_words", "readout_id"], ascending=[True, True, False, True])
    members: dict = {}
    for g, rid in zip(df["group"], df["readout_id"]):
        members.setdefault(g, []).append(rid)
    events = df.drop_duplicates("group", keep="first").copy()
    events["mirrors"] = [sorted(members[g][1:]) for g in events["group"]]
    events = events.sort_values(["date", "side", "readout_id"]).reset_index(drop=True)
    return events[_EVENT_COLUMNS + ["host_key", "cp_keys", "day", "date_inferred"]]


# ---------------------------------------------------------------------------
# Pairing
# ---------------------------------------------------------------------------


def _direction(host_key, side, cp_keys, cp_countries) -> tuple[int, str]:
    """How well a host is one of the other readout's counterparts.

    Returns (strength, evidence): 2 the name matches (and the country does
    not contradict), 1 no names to compare but the country matches, 0 no.
    """
    best, ev = 0, ""
    for k, cc in itertools.zip_longest(cp_keys, cp_countries):
        k = k or ()
        nm = _same_person(host_key, k)
        if cc and side and cc != side:
            continue
        if nm is True:
            return 2, f"{' '.join(host_key)}~{' '.join(k)}"
        if nm is None and cc and cc == side and best < 1:
            best, ev = 1, f"{side}={cc}"
    return best, ev


def _check_days(name: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
        raise ValueError(f"{name} must be a non-negative int, got {value!r}")


def _country_targets(events: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The countries each event's host can meet, for blocking.

    Returns
    -------
    targets : DataFrame
        ``e`` (event position), ``day``, ``side``, ``target`` (a country of
        one of its counterparts), one row per distinct (event, country).
    open_ : ndarray of bool
        Per event: one of its counterparts has no country (any side may match by name).
    """
    rows, open_ = [], np.zeros(len(events), dtype=bool)
    for e, (keys, countries) in enumerate(zip(events["cp_keys"], events["counterpart_countries"])):
        for _, cc in itertools.zip_longest(keys, countries):
            if cc:
                rows.append((e, cc))
            else:
                open_[e] = True
    targets = pd.DataFrame(rows, columns=["e", "target"]).drop_duplicates().astype({"e": np.int64})
    targets = targets.assign(day=events["day"].to_numpy()[targets["e"].to_numpy()],
                             side=events["side"].to_numpy()[targets["e"].to_numpy()])
    return targets, open_


def _day_pairs(left: pd.DataFrame, right: pd.DataFrame, off: int, on: list) -> pd.DataFrame:
    """``e_l, e_r`` of rows of ``left`` and ``right`` equal on ``on``, ``right`` dated ``off`` days later."""
    m = left.merge(right.assign(day=right["day"] - off), on=["day", *on], suffixes=("_l", "_r"))
    return m[["e_l", "e_r"]]


def _candidates(events: pd.DataFrame, max_days: int, inferred_days: int) -> pd.DataFrame:
    """Event pairs of different sides and publishers, compatible media, close dates (blocked).

    Dates up to ``max_days`` apart always qualify; up to ``inferred_days``
    apart only when the later of the two dates is inferred (a page dated by
    its publication, days after the call).  Blocked on the day and on the
    countries: a pair can score only if each side's host country is among
    the other's counterpart countries, or the other has a counterpart
    without a country (see :func:`_direction`), so only such pairs are
    formed; the others of the same day are never looked at.
    """
    targets, open_ = _country_targets(events)
    # x's side is a country of y's counterparts and y's side one of x's
    mutual_l = targets.rename(columns={"e": "e", "side": "a", "target": "b"})
    mutual_r = targets.rename(columns={"side": "b", "target": "a"})
    ev = events[["day"]].reset_index().rename(columns={"index": "e"})
    opened = ev.loc[open_]
    late = events["date_inferred"].to_numpy()
    cands = []
    for off in range(max(int(max_days), int(inferred_days)) + 1):
        m = pd.concat([
            _day_pairs(mutual_l, mutual_r, off, ["a", "b"]),
            _day_pairs(opened, ev, off, []),  # a counterpart without a country: by name only
            _day_pairs(ev, opened, off, []),
        ], ignore_index=True)
        if off == 0:
            m = m[m["e_l"] != m["e_r"]]
            m = pd.DataFrame({"e_l": m.min(axis=1), "e_r": m.max(axis=1)})
        elif off > max_days:
            m = m[late[m["e_r"].to_numpy()]]  # e_r is the later one: its date must be inferred
        cands.append(m.assign(day_diff=off))
    c = pd.concat(cands, ignore_index=True).drop_duplicates().astype(np.int64)
    c = c.sort_values(["day_diff", "e_l", "e_r"])
    side, med, pub = events["side"].to_numpy(), events["medium"].to_numpy(), events["publisher"].to_numpy()
    el, er = c["e_l"].to_numpy(), c["e_r"].to_numpy()
    ok = (side[el] != side[er]) & np.array(
        [media_compatible(a, b) for a, b in zip(med[el], med[er])], dtype=bool
    ) & np.array([(p or "") != (q or "") for p, q in zip(pub[el], pub[er])], dtype=bool)
    return c.loc[ok].reset_index(drop=True)


def _pair_events(events: pd.DataFrame, max_days: int, inferred_days: Optional[int] = None) -> list[tuple]:
    """Pairs of events ``(a, b, day_diff, score, evidence)`` (positions in ``events``), best first.

    The scoring and the one-to-one assignment of :func:`pair_readouts`;
    ``inferred_days`` (default ``max_days``) widens the window for a later
    date that was inferred (see :func:`_candidates`).
    """
    window = max_days + 1
    c = _candidates(events, max_days, max_days if inferred_days is None else inferred_days)
    rows = list(events.itertuples(index=False))
    scored = []
    for i, j, dd in zip(c["e_l"], c["e_r"], c["day_diff"]):
        x, y = rows[i], rows[j]
        s1, ev1 = _direction(x.host_key, x.side, y.cp_keys, y.counterpart_countries)
        if s1 == 0:
            continue
        s2, ev2 = _direction(y.host_key, y.side, x.cp_keys, x.counterpart_countries)
        if s2 == 0 or max(s1, s2) < 2:
            continue  # at least one direction must match by name
        same_medium = x.medium == y.medium
        score = s1 + s2 + (1.0 if same_medium else 0.0) - min(dd, window) / window - max(0, dd - max_days)
        a, b = (i, j) if (x.side, x.readout_id) <= (y.side, y.readout_id) else (j, i)
        ea, eb = (ev1, ev2) if a == i else (ev2, ev1)
        evidence = (
            f"{ea}; {eb}; medium {rows[a].medium}{'=' if same_medium else '~'}{rows[b].medium}; "
            f"{int(dd)} day(s) apart{' (a date inferred)' if dd > max_days else ''}"
        )
        scored.append((-score, int(dd), rows[a].readout_id, rows[b].readout_id, a, b, score, evidence))
    scored.sort()
    taken: set = set()
    out = []
    for _, dd, _, _, a, b, score, evidence in scored:
        ka, kb = (a, rows[b].side), (b, rows[a].side)
        if ka in taken or kb in taken:
            continue
        taken.update([ka, kb])
        out.append((a, b, dd, score, evidence))
    return out


def pair_readouts(readouts: pd.DataFrame, max_days: int = 1, inferred_days: Optional[int] = None) -> pd.DataFrame:
    """Pair readouts of different sides that report the same conversation.

    Rules (see ``docs/pairs.md``): the two readouts have different sides
    (``host_country``) and publishers; each side's host is one of the other's
    counterparts, by name (:func:`names_match`) where both names are known
    and by country where a name is missing (a known country must never
    contradict; at least one direction must match by name); the media are compatible (:func:`media_compatible`); the
    dates are at most ``max_days`` apart (NaT never pairs).  Same-side
    mirrors are collapsed first (:func:`collapse_mirrors`).  Candidates are
    found by blocking on the date (never all against all) and assigned
    greedily, best score first, so that an event pairs at most once with
    each other side.

    Parameters
    ----------
    readouts : DataFrame
        The :func:`diplo_analysis.load_readouts` frame.
    max_days : int, default 1
        Largest difference in days between the two dates (time zones and
        late-night calls move the date by one).
    inferred_days : int, optional
        Largest difference when the later date was inferred (``date_inferred``:
        a state-media page dated by its publication, days after the call);
        default ``max_days``.  :func:`diplo_analysis.conversations` uses 3.
        Such a pair scores 1 less per day beyond ``max_days``.

    Returns
    -------
    DataFrame
        One row per pair, sorted by ``date_a, readout_id_a, readout_id_b``;
        side ``a`` is the side whose ISO code sorts first.  Columns:
        ``readout_id_a``, ``readout_id_b`` (canonical readouts), ``publisher_a``,
        ``publisher_b``, ``side_a``, ``side_b`` (host countries), ``date_a``,
        ``date_b``, ``principal_a``, ``principal_b`` (hosts), ``medium_a``,
        ``medium_b``, ``day_diff`` (int, absolute), ``score`` (float: 2 per
        direction matched by name, 1 per direction matched by country only,
        +1 for equal media, minus ``day_diff / (max_days + 1)``), ``evidence``
        (str: what matched), ``mirrors_a``, ``mirrors_b`` (lists of the
        readout_ids of the same side's copies).
    """
    _check_days("max_days", max_days)
    if inferred_days is not None:
        _check_days("inferred_days", inferred_days)
    events = _events(readouts)
    if events.empty:
        return _empty_pairs()
    rows = list(events.itertuples(index=False))
    out = []
    for a, b, dd, score, evidence in _pair_events(events, max_days, inferred_days):
        ra, rb = rows[a], rows[b]
        out.append(
            {
                "readout_id_a": ra.readout_id,
                "readout_id_b": rb.readout_id,
                "publisher_a": ra.publisher,
                "publisher_b": rb.publisher,
                "side_a": ra.side,
                "side_b": rb.side,
                "date_a": ra.date,
                "date_b": rb.date,
                "principal_a": ra.host,
                "principal_b": rb.host,
                "medium_a": ra.medium,
                "medium_b": rb.medium,
                "day_diff": dd,
                "score": round(float(score), 6),
                "evidence": evidence,
                "mirrors_a": list(ra.mirrors),
                "mirrors_b": list(rb.mirrors),
            }
        )
    if not out:
        return _empty_pairs()
    res = pd.DataFrame(out, columns=PAIR_COLUMNS)
    res["day_diff"] = res["day_diff"].astype(int)
    res["date_a"] = pd.to_datetime(res["date_a"])
    res["date_b"] = pd.to_datetime(res["date_b"])
    return res.sort_values(["date_a", "readout_id_a", "readout_id_b"]).reset_index(drop=True)


def _empty_pairs() -> pd.DataFrame:
    res = pd.DataFrame({c: pd.Series(dtype=object) for c in PAIR_COLUMNS})
    res["date_a"] = pd.Series(dtype="datetime64[ns]")
    res["date_b"] = pd.Series(dtype="datetime64[ns]")
    res["day_diff"] = pd.Series(dtype=int)
    res["score"] = pd.Series(dtype=float)
    return res


# ---------------------------------------------------------------------------
# Keyness
# ---------------------------------------------------------------------------

_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | {"said", "noted", "also", "would", "will", "two", "s"}


def tokenize(text: str, stop_words: bool = True) -> list[str]:
    """Lower-cased word tokens of a text, accents folded, stop words dropped.

    Returns
    -------
    list of str
    """
    if text is None:
        return []
    if not isinstance(text, str):
        raise TypeError(f"tokenize expects a str, got {type(text).__name__}")
    toks = _WORD.findall(fold_lower_ascii(text))
    toks = [t[:-2] if t.endswith("'s") else t for t in toks]
    if stop_words:
        sw = _stop_words()
        toks = [t for t in toks if t not in sw and len(t) > 1]
    return toks


def _counts(obj) -> Counter:
    if obj is None:
        return Counter()
    if isinstance(obj, str):
        return Counter(tokenize(obj))
    if isinstance(obj, Counter):
        return Counter({str(k): float(v) for k, v in obj.items()})
    if isinstance(obj, pd.Series) and obj.dtype.kind in "if":
        return Counter({str(k): float(v) for k, v in obj.items()})
    if isinstance(obj, Mapping):
        return Counter({str(k): float(v) for k, v in obj.items()})
    return Counter(str(t) for t in obj)


def background_counts(readouts: pd.DataFrame) -> pd.Series:
    """Word counts over all readouts' texts, for :func:`keyness`'s prior.

    Returns
    -------
    Series
        Count (int) per word (index), sorted by word.
    """
    if "text" not in readouts:
        raise ValueError("readouts frame lacks the 'text' column")
    c = Counter()
    for t in readouts["text"]:
        if isinstance(t, str):
            c.update(tokenize(t))
    return pd.Series(dict(sorted(c.items())), dtype=int, name="count")


def keyness(tokens_a, tokens_b, prior=None, alpha: float = 1.0, prior_scale: Optional[float] = None) -> pd.DataFrame:
    """Distinctive words of A against B: log-odds ratio with a Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), "Fightin' words", section 3.5: for word
    w with counts y_a, y_b in texts of n_a, n_b tokens and prior counts
    alpha_w summing to alpha_0,

    delta_w = log((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w))
              - log((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w)),
    var_w ~= 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w),  z_w = delta_w / sqrt(var_w).

    Without ``prior`` every word of A and B gets ``alpha`` (a uniform
    prior).  With a background (e.g. :func:`background_counts` of all
    readouts), alpha_w = prior_scale * pi_w where pi_w is the word's
    add-one-smoothed share of the background and ``prior_scale`` defaults to
    the size of the joint vocabulary (so the mean alpha_w is 1, as in the
    uniform case): words common in the background are shrunk more, words
    rare in it less but with a larger variance.

    Parameters
    ----------
    tokens_a, tokens_b : str, iterable of str, or mapping word -> count
        The two texts (a str is tokenised with :func:`tokenize`).
    prior : None, str, iterable of str, mapping or Series word -> count
        Background corpus for the informative prior.
    alpha : float, default 1.0
        Pseudo-count of each word under the uniform prior.
    prior_scale : float, optional
        Total pseudo-count (alpha_0) of the informative prior.

    Returns
    -------
    DataFrame
        One row per word of A or B, sorted by ``z`` descending then ``word``:
        ``word``, ``count_a``, ``count_b`` (int), ``alpha`` (prior count),
        ``log_odds`` (delta), ``variance``, ``z`` (positive: typical of A,
        negative: typical of B).
    """
    if not alpha > 0:
        raise ValueError(f"alpha must be > 0, got {alpha!r}")
    if prior_scale is not None and not prior_scale > 0:
        raise ValueError(f"prior_scale must be > 0, got {prior_scale!r}")
    ca, cb = _counts(tokens_a), _counts(tokens_b)
    vocab = sorted(set(ca) | set(cb))
    cols = ["word", "count_a", "count_b", "alpha", "log_odds", "variance", "z"]
    if not vocab:
        return pd.DataFrame({c: pd.Series(dtype=float if c != "word" else object) for c in cols})
    ya = np.array([ca.get(w, 0) for w in vocab], dtype=float)
    yb = np.array([cb.get(w, 0) for w in vocab], dtype=float)
    na, nb = ya.sum(), yb.sum()
    if prior is None:
        a_w = np.full(len(vocab), float(alpha))
        a0 = a_w.sum()
    else:
        bg = _counts(prior)
        if not bg:
            raise ValueError("prior is empty: give background tokens or counts, or prior=None")
        full = set(bg) | set(vocab)
        total = sum(bg.values()) + len(full)
        scale = float(prior_scale) if prior_scale is not None else float(len(full))
        a_w = np.array([scale * (bg.get(w, 0) + 1.0) / total for w in vocab])
        a0 = scale
    delta = np.log((ya + a_w) / (na + a0 - ya - a_w)) - np.log((yb + a_w) / (nb + a0 - yb - a_w))
    var = 1.0 / (ya + a_w) + 1.0 / (yb + a_w)
    z = delta / np.sqrt(var)
    out = pd.DataFrame(
        {
            "word": vocab,
            "count_a": ya.astype(int),
            "count_b": yb.astype(int),
            "alpha": a_w,
            "log_odds": delta,
            "variance": var,
            "z": z,
        }
    )
    out["_neg"] = -out["z"].round(12)
    return out.sort_values(["_neg", "word"]).drop(columns="_neg").reset_index(drop=True)


# ---------------------------------------------------------------------------
# Comparing two readouts
# ---------------------------------------------------------------------------

SPEAKER_SIDES = ["host", "counterpart", "both", "narration"]

#: Keyness words with ``|z|`` below this are *weak*: not significant at the 5%
#: level (two-sided normal quantile).  ``summary()`` and the side-by-side view
#: mark them; in a short readout most words are weak (a word used once by one
#: side and never by the other has z of about 0.6 under the uniform prior).
WEAK_Z = 1.96

#: Columns of :attr:`PairComparison.sentences_a` / ``sentences_b``.
PAIR_SENTENCE_COLUMNS = ["paragraph", "sentence", "speaker", "speaker_side", "text", "sentiment", "sentiment_label"]


@dataclass
class PairComparison:
    """Two readouts of one conversation, side by side (see :func:`compare_pair`).

    Attributes
    ----------
    id_a, id_b : str
        The readout ids.
    publisher_a, publisher_b : str or None
    principal_a, principal_b : str or None
        The host of each readout.
    initiator_a, initiator_b : str or None
        Who initiated the call according to each readout (``host``,
        ``counterpart`` or None), as given by the readouts frame.
    initiator_leader_a, initiator_leader_b : str or None
        The same, as the leader's name (host or first counterpart).
    lengths : DataFrame
        Index ``a``, ``b``; columns ``readout_id``, ``publisher``,
        ``n_words`` (tokens of the text, stop words included),
        ``n_sentences``.
    speaker_words : DataFrame
        Columns ``side`` (a/b), ``speaker_side`` (host, counterpart, both,
        narration), ``n_words``, ``share`` (of the readout's words); 8 rows.
    tone : DataFrame
        Columns ``side``, ``speaker_side`` (``all`` and the four speaker
        sides), ``n_sentences``, ``sentiment_mean`` (NaN without
        sentences), ``share_coop``, ``share_conf``.
    keywords : DataFrame
        :func:`keyness` of A against B (z > 0: A's words).
    only_a, only_b : list of str
        Words with ``count >= min_count`` in one readout and absent from the
        other, most distinctive first.
    counterpart_sentences_a, counterpart_sentences_b : DataFrame
        The statements each readout attributes to the other leader
        (``speaker_side == "counterpart"``): ``paragraph``, ``sentence``,
        ``speaker``, ``text``.
    date_a, date_b : Timestamp or None
    url_a, url_b : str or None
        Each readout's date and address, as in the readouts frame.
    sentences_a, sentences_b : DataFrame
        Every sentence of each readout in order (:data:`PAIR_SENTENCE_COLUMNS`):
        ``paragraph``, ``sentence`` (int), ``speaker``, ``speaker_side``
        (as :func:`diplo_analysis.statements`), ``text``, ``sentiment``,
        ``sentiment_label`` (:func:`diplo_analysis.sentiment`).

    In a notebook a comparison shows itself as both readouts side by side
    (:meth:`to_html`; :mod:`diplo_analysis.pairview`).
    """

    id_a: str
    id_b: str
    publisher_a: Optional[str]
    publisher_b: Optional[str]
    principal_a: Optional[str]
    principal_b: Optional[str]
    initiator_a: Optional[str]
    initiator_b: Optional[str]
    initiator_leader_a: Optional[str]
    initiator_leader_b: Optional[str]
    lengths: pd.DataFrame
    speaker_words: pd.DataFrame
    tone: pd.DataFrame
    keywords: pd.DataFrame
    only_a: list = field(default_factory=list)
    only_b: list = field(default_factory=list)
    counterpart_sentences_a: pd.DataFrame = field(default_factory=pd.DataFrame)
    counterpart_sentences_b: pd.DataFrame = field(default_factory=pd.DataFrame)
    date_a: Optional[pd.Timestamp] = None
    date_b: Optional[pd.Timestamp] = None
    url_a: Optional[str] = None
    url_b: Optional[str] = None
    sentences_a: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PAIR_SENTENCE_COLUMNS))
    sentences_b: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PAIR_SENTENCE_COLUMNS))

    def aligned(self, threshold: Optional[float] = None) -> pd.DataFrame:
        """The two readouts' sentences side by side, aligned where both say the same thing.

        See :func:`diplo_analysis.pairview.align_sentences` (its ``threshold``
        defaults to :data:`diplo_analysis.pairview.ALIGN_THRESHOLD`).

        Returns
        -------
        DataFrame
            One row per line of the side-by-side view, both readouts in
            reading order: ``aligned``, ``similarity``, then for each side
            ``sentence``, ``speaker``, ``speaker_side``, ``sentiment``,
            ``sentiment_label``, ``text``, ``alone``, ``closest``,
            ``closest_similarity`` (suffixed ``_a`` / ``_b``;
            :data:`diplo_analysis.pairview.ALIGNED_COLUMNS`).
        """
        from .pairview import align_sentences

        return align_sentences(self, threshold=threshold)

    def to_html(self, path=None, threshold: Optional[float] = None, n: int = 10) -> str:
        """Both readouts side by side, as a standalone HTML page (written to ``path`` when given).

        See :func:`diplo_analysis.pairview.pair_html`.

        Parameters
        ----------
        path : str or path-like, optional
            File to write (UTF-8, ``\\n`` line ends); its folder must exist.
        threshold : float, optional
            Alignment threshold (:data:`diplo_analysis.pairview.ALIGN_THRESHOLD`).
        n : int, default 10
            Keyness words shown for each side.

        Returns
        -------
        str
            The page; the same comparison gives the same bytes (no time
            stamps, no random ids).
        """
        from .pairview import pair_html

        page = pair_html(self, threshold=threshold, n=n, standalone=True)
        if path is not None:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(page)
        return page

    def _repr_html_(self) -> str:
        from .pairview import pair_html

        return pair_html(self)

    def distinctive(self, side: str = "a", n: int = 10, z_min: float = 0.0) -> list[str]:
        """The ``n`` most distinctive words of one side (z > ``z_min`` for A, z < -``z_min`` for B).

        Returns
        -------
        list of str
        """
        if side not in ("a", "b"):
            raise ValueError(f"side must be 'a' or 'b', got {side!r}")
        kw = self.keywords
        if side == "a":
            sel = kw[kw["z"] > z_min]
        else:
            sel = kw[kw["z"] < -z_min].sort_values(["z", "word"])
        return sel["word"].head(n).tolist()

    def summary(self, n: int = 8) -> str:
        """A short plain-words account of what each side says that the other does not.

        Returns
        -------
        str
            Deterministic text: lengths, words per speaker side, the words of
            positive z on each side with their strength (``z``, sign dropped;
            those with ``|z| <`` :data:`WEAK_Z` marked ``weak``, and a line
            saying what that means), sentences given to the other leader, the
            initiator each side names, and the tone difference.
        """
        la, lb = self.lengths.loc["a"], self.lengths.loc["b"]
        name_a = self.publisher_a or self.id_a
        name_b = self.publisher_b or self.id_b
        lines = [
            f"A = {name_a} ({self.id_a}); B = {name_b} ({self.id_b}).",
            f"Length: A {int(la['n_words'])} words in {int(la['n_sentences'])} sentences; "
            f"B {int(lb['n_words'])} words in {int(lb['n_sentences'])} sentences.",
        ]
        sw = self.speaker_words.set_index(["side", "speaker_side"])["share"]
        for s, nm in (("a", "A"), ("b", "B")):
            parts = ", ".join(f"{sp} {sw.get((s, sp), 0.0):.0%}" for sp in SPEAKER_SIDES)
            lines.append(f"Words by speaker in {nm}: {parts}.")
        z_of = dict(zip(self.keywords["word"], self.keywords["z"]))
        weak = False
        for side, nm, other in (("a", "A", "B"), ("b", "B", "A")):
            words = self.distinctive(side, n)
            weak |= any(abs(z_of[w]) < WEAK_Z for w in words)
            listed = ", ".join(
                f"{w} (z {abs(z_of[w]):.2f}{', weak' if abs(z_of[w]) < WEAK_Z else ''})" for w in words)
            lines.append(f"{nm} stresses what {other} does not: {listed or '(nothing distinctive)'}.")
        if weak:
            lines.append(f"(weak: |z| < {WEAK_Z}, not significant at the 5% level; read such words as hints only.)")
        lines.append(
            f"A gives the other leader {len(self.counterpart_sentences_a)} sentence(s); "
            f"B gives the other leader {len(self.counterpart_sentences_b)}."
        )
        lines.append(
            f"Initiator: A says {self.initiator_leader_a or 'nothing'}; B says {self.initiator_leader_b or 'nothing'}."
        )
        t = self.tone.set_index(["side", "speaker_side"])
        ta, tb = t.loc[("a", "all"), "sentiment_mean"], t.loc[("b", "all"), "sentiment_mean"]
        if pd.notna(ta) and pd.notna(tb):
            diff = ta - tb
            word = "warmer than" if diff > 0.05 else "cooler than" if diff < -0.05 else "about as warm as"
            lines.append(f"Tone: A {ta:+.2f}, B {tb:+.2f}; A is {word} B (difference {diff:+.2f}).")
        else:
            lines.append("Tone: not available for both readouts.")
        return "\n".join(lines)


def _row(readouts: pd.DataFrame, rid: str) -> pd.Series:
    sel = readouts.loc[readouts["readout_id"].astype(str) == str(rid)]
    if sel.empty:
        raise KeyError(f"readout_id {rid!r} is not in the readouts frame")
    return sel.iloc[0]


def _n_words(text) -> int:
    return len(_WORD.findall(fold_lower_ascii(text))) if isinstance(text, str) else 0


def _initiator_leader(row) -> Optional[str]:
    ini = _clean(row.get("initiator"))
    if ini == "host":
        return _clean(row.get("host"))
    if ini == "counterpart":
        cps = _as_list(row.get("counterparts"))
        return _clean(cps[0]) if cps else "the counterpart"
    return None


def _check_pair_args(readouts, id_a, id_b) -> None:
    """Clear errors for a frame that is not one, lacks a needed column, or one readout twice."""
    if not isinstance(readouts, pd.DataFrame):
        raise TypeError(f"readouts must be a pandas DataFrame, got {type(readouts).__name__}")
    for col in ("readout_id", "text"):
        if col not in readouts:
            raise ValueError(f"readouts frame lacks the {col!r} column")
    if str(id_a) == str(id_b):
        raise ValueError("id_a and id_b are the same readout")


def _scored_sentences(sub: pd.DataFrame) -> pd.DataFrame:
    """The sentences of some readouts with their speaker side, word count and tone.

    Returns
    -------
    DataFrame
        The :func:`statements` frame (``readout_id`` as str) plus
        ``speaker_side_`` (``host``, ``counterpart``, ``both`` or
        ``narration``), ``n_words_``, ``sentiment`` and ``sentiment_label``.
    """
    from .speakers import statements as _statements
    from .tone import sentiment as _sentiment

    st = _statements(sub).copy()
    st["readout_id"] = st["readout_id"].astype(str)
    st["speaker_side_"] = [s if s in ("host", "counterpart", "both") else "narration" for s in st["speaker_side"]]
    st["n_words_"] = [_n_words(t) for t in st["text"]]
    if len(st):
        tone = _sentiment(st["text"])
        st["sentiment"] = tone["sentiment"].to_numpy()
        st["sentiment_label"] = tone["sentiment_label"].to_numpy()
    else:
        st["sentiment"] = pd.Series(dtype=float)
        st["sentiment_label"] = pd.Series(dtype=object)
    return st


def _tone_row(side: str, speaker_side: str, t: pd.DataFrame) -> dict:
    """One row of :attr:`PairComparison.tone`: the tone of some sentences of one side."""
    return {
        "side": side,
        "speaker_side": speaker_side,
        "n_sentences": len(t),
        "sentiment_mean": float(t["sentiment"].mean()) if len(t) else np.nan,
        "share_coop": float((t["sentiment_label"] == "coop").mean()) if len(t) else np.nan,
        "share_conf": float((t["sentiment_label"] == "conf").mean()) if len(t) else np.nan,
    }


def _side_figures(side: str, r: pd.Series, s: pd.DataFrame) -> tuple[dict, list, list, pd.DataFrame]:
    """What one readout of a pair says, as figures.

    Parameters
    ----------
    side : {"a", "b"}
    r : Series
        The readout's row.
    s : DataFrame
        Its sentences (:func:`_scored_sentences`).

    Returns
    -------
    length : dict
        A row of :attr:`PairComparison.lengths`.
    speaker_words, tone : list of dict
        Rows of :attr:`PairComparison.speaker_words` and :attr:`PairComparison.tone`.
    counterpart_sentences : DataFrame
        The sentences given to the other leader.
    """
    length = {
        "readout_id": str(r["readout_id"]),
        "publisher": _clean(r.get("publisher")),
        "n_words": _n_words(r["text"]),
        "n_sentences": len(s),
    }
    total = s["n_words_"].sum()
    speaker_words = []
    for sp in SPEAKER_SIDES:
        n = int(s.loc[s["speaker_side_"] == sp, "n_words_"].sum())
        speaker_words.append({"side": side, "speaker_side": sp, "n_words": n, "share": n / total if total else 0.0})
    tone = [_tone_row(side, sp, s if sp == "all" else s[s["speaker_side_"] == sp]) for sp in ["all"] + SPEAKER_SIDES]
    cs = s[s["speaker_side_"] == "counterpart"]
    counterpart = cs[[c for c in ("paragraph", "sentence", "speaker", "text") if c in cs]].reset_index(drop=True)
    return length, speaker_words, tone, counterpart


def _participant_words(rows) -> set:
    """The folded words of the hosts' and counterparts' names of some readouts, titles left out."""
    names = set()
    for r in rows:
        for nm in [_clean(r.get("host")), *_as_list(r.get("counterparts"))]:
            if isinstance(nm, str):
                names.update(t for t in re.split(r"[^a-z]+", fold_lower_ascii(nm)) if len(t) > 1 and t not in _TITLES)
    return names


def _pair_keywords(ra: pd.Series, rb: pd.Series, names: set, prior, min_count: int):
    """:func:`keyness` of A against B without the words in ``names``, and the words only one side uses.

    Returns
    -------
    keywords : DataFrame
        The :func:`keyness` frame.
    only_a, only_b : list of str
        Words counted at least ``min_count`` times on one side and never on
        the other (``only_b`` from the most distinctive of B).
    """
    ta = [t for t in tokenize(ra["text"] if isinstance(ra["text"], str) else "") if t not in names]
    tb = [t for t in tokenize(rb["text"] if isinstance(rb["text"], str) else "") if t not in names]
    kw = keyness(ta, tb, prior=prior)
    only_a = kw[(kw["count_a"] >= min_count) & (kw["count_b"] == 0)]["word"].tolist()
    only_b = kw[(kw["count_b"] >= min_count) & (kw["count_a"] == 0)].sort_values(["z", "word"])["word"].tolist()
    return kw, only_a, only_b


def _timestamp(value) -> Optional[pd.Timestamp]:
    value = _clean(value)
    return None if value is None or pd.isna(value) else pd.Timestamp(value)


def _sentences_of(st: pd.DataFrame, r: pd.Series) -> pd.DataFrame:
    """The scored sentences of one readout, in order (:data:`PAIR_SENTENCE_COLUMNS`)."""
    s = st.loc[st["readout_id"] == str(r["readout_id"]), PAIR_SENTENCE_COLUMNS]
    return s.sort_values("sentence", kind="stable").reset_index(drop=True)


def compare_pair(
    readouts: pd.DataFrame, id_a: str, id_b: str, prior=None, min_count: int = 1, drop_names: bool = True
) -> PairComparison:
    """Compare two readouts of the same conversation.

    Parameters
    ----------
    readouts : DataFrame
        The :func:`diplo_analysis.load_readouts` frame holding both readouts
        (columns ``readout_id``, ``publisher``, ``text``, ``host``,
        ``counterparts``, ``initiator`` are used).
    id_a, id_b : str
        The two readout ids (e.g. a row of :func:`pair_readouts`).
    prior : optional
        Background for :func:`keyness` (e.g. ``background_counts(readouts)``);
        None for the uniform prior.
    min_count : int, default 1
        Smallest count for a word to appear in ``only_a`` / ``only_b``.
    drop_names : bool, default True
        Leave the words of the participants' names (hosts and counterparts
        of both readouts) out of the keywords: each side names the leaders
        its own way ("Xi", "Xi Jinping"), which says nothing of the content.

    Returns
    -------
    PairComparison
        See its docstring for every attribute.
    """
    _check_pair_args(readouts, id_a, id_b)
    ra, rb = _row(readouts, id_a), _row(readouts, id_b)
    st = _scored_sentences(readouts.loc[readouts["readout_id"].astype(str).isin([str(id_a), str(id_b)])])
    lengths, sw_rows, tone_rows, cps = {}, [], [], {}
    for side, r in (("a", ra), ("b", rb)):
        lengths[side], words, tone, cps[side] = _side_figures(side, r, st[st["readout_id"] == str(r["readout_id"])])
        sw_rows += words
        tone_rows += tone
    names = _participant_words((ra, rb)) if drop_names else set()
    kw, only_a, only_b = _pair_keywords(ra, rb, names, prior, min_count)
    return PairComparison(
        id_a=str(id_a),
        id_b=str(id_b),
        publisher_a=_clean(ra.get("publisher")),
        publisher_b=_clean(rb.get("publisher")),
        principal_a=_clean(ra.get("host")),
        principal_b=_clean(rb.get("host")),
        initiator_a=_clean(ra.get("initiator")),
        initiator_b=_clean(rb.get("initiator")),
        initiator_leader_a=_initiator_leader(ra),
        initiator_leader_b=_initiator_leader(rb),
        lengths=pd.DataFrame.from_dict(lengths, orient="index")[["readout_id", "publisher", "n_words", "n_sentences"]],
        speaker_words=pd.DataFrame(sw_rows),
        tone=pd.DataFrame(tone_rows),
        keywords=kw,
        only_a=only_a,
        only_b=only_b,
        counterpart_sentences_a=cps["a"],
        counterpart_sentences_b=cps["b"],
        date_a=_timestamp(ra.get("date")),
        date_b=_timestamp(rb.get("date")),
        url_a=_clean(ra.get("url")),
        url_b=_clean(rb.get("url")),
        sentences_a=_sentences_of(st, ra),
        sentences_b=_sentences_of(st, rb),
    )


def compare_pairs(
    readouts: pd.DataFrame, pairs: Optional[pd.DataFrame] = None, n_keywords: int = 5, prior=None
) -> pd.DataFrame:
    """One summary row per pair (runs :func:`compare_pair` on each).

    Parameters
    ----------
    readouts : DataFrame
    pairs : DataFrame, optional
        :func:`pair_readouts` output; computed when omitted.
    n_keywords : int, default 5
    prior : optional
        Background for :func:`keyness` (e.g. ``background_counts(readouts)``).

    Returns
    -------
    DataFrame
        Columns ``readout_id_a``, ``readout_id_b``, ``n_words_a``,
        ``n_words_b``, ``share_counterpart_a``, ``share_counterpart_b`` (word
        shares given to the other leader), ``sentiment_a``, ``sentiment_b``,
        ``sentiment_diff`` (a - b), ``initiator_a``, ``initiator_b``,
        ``keywords_a``, ``keywords_b`` (comma-separated distinctive words).
    """
    if pairs is None:
        pairs = pair_readouts(readouts)
    rows = []
    for ia, ib in zip(pairs["readout_id_a"], pairs["readout_id_b"]):
        c = compare_pair(readouts, ia, ib, prior=prior)
        sw = c.speaker_words.set_index(["side", "speaker_side"])["share"]
        t = c.tone.set_index(["side", "speaker_side"])["sentiment_mean"]
        rows.append(
            {
                "readout_id_a": ia,
                "readout_id_b": ib,
                "n_words_a": int(c.lengths.loc["a", "n_words"]),
                "n_words_b": int(c.lengths.loc["b", "n_words"]),
                "share_counterpart_a": float(sw[("a", "counterpart")]),
                "share_counterpart_b": float(sw[("b", "counterpart")]),
                "sentiment_a": float(t[("a", "all")]),
                "sentiment_b": float(t[("b", "all")]),
                "sentiment_diff": float(t[("a", "all")] - t[("b", "all")]),
                "initiator_a": c.initiator_leader_a,
                "initiator_b": c.initiator_leader_b,
                "keywords_a": ", ".join(c.distinctive("a", n_keywords)),
                "keywords_b": ", ".join(c.distinctive("b", n_keywords)),
            }
        )
    cols = [
        "readout_id_a", "readout_id_b", "n_words_a", "n_words_b", "share_counterpart_a", "share_counterpart_b",
        "sentiment_a", "sentiment_b", "sentiment_diff", "initiator_a", "initiator_b", "keywords_a", "keywords_b",
    ]
    return pd.DataFrame(rows, columns=cols)


def lookup_ids(readouts: pd.DataFrame, ref: str) -> list[str]:
    """Readout ids for a reference: a url, or the end of a file path.

    Used with labelled sets that store references, never text (e.g.
    ``tests/labels/pairs_known.csv``).  Trailing slashes and the scheme
    (http/https) are ignored when comparing urls.

    Returns
    -------
    list of str
        Sorted ids of the rows whose ``url`` equals ``ref`` or whose ``path``
        ends with it; empty when none.
    """
    if not isinstance(ref, str) or not ref:
        raise ValueError(f"ref must be a non-empty str, got {ref!r}")

    def norm(u):
        return re.sub(r"^https?://", "", u.strip()).rstrip("/") if isinstance(u, str) else None

    r = norm(ref)
    urls = readouts["url"] if "url" in readouts else pd.Series([None] * len(readouts), index=readouts.index)
    paths = readouts["path"] if "path" in readouts else pd.Series([None] * len(readouts), index=readouts.index)
    hit = [
        (norm(u) == r) or (isinstance(p, str) and p.replace("\\", "/").endswith(ref))
        for u, p in zip(urls, paths)
    ]
    return sorted(readouts.loc[hit, "readout_id"].astype(str).tolist())


def explain_pair(readouts: pd.DataFrame, id_a: str, id_b: str, max_days: int = 1) -> list[str]:
    """Why two readouts do (not) satisfy the pairing rules, rule by rule.

    A diagnostic for labelled pairs that :func:`pair_readouts` misses: it
    checks each rule on the two rows as given (it does not consider mirrors
    or the one-to-one assignment).

    Returns
    -------
    list of str
        One message per failed rule (empty when every rule holds).
    """
    _validate(readouts)
    ra, rb = _row(readouts, id_a), _row(readouts, id_b)
    out = []
    da, db = ra["date"], rb["date"]
    if pd.isna(da) or pd.isna(db):
        out.append(f"date missing (a={da}, b={db})")
    elif abs((pd.Timestamp(da).normalize() - pd.Timestamp(db).normalize()).days) > max_days:
        out.append(f"dates {pd.Timestamp(da).date()} and {pd.Timestamp(db).date()} more than {max_days} day(s) apart")
    ma, mb = _clean(ra["medium"]), _clean(rb["medium"])
    if not media_compatible(None if ma is None else str(ma), None if mb is None else str(mb)):
        out.append(f"media not compatible ({ma} vs {mb})")
    sa, sb = _clean(ra["host_country"]), _clean(rb["host_country"])
    if sa is None or sb is None:
        out.append(f"host_country missing (a={sa}, b={sb})")
    elif sa == sb:
        out.append(f"same side ({sa})")
    if (_clean(ra["publisher"]) or "") == (_clean(rb["publisher"]) or ""):
        out.append(f"same publisher ({ra['publisher']})")
    strengths = []
    for x, y, nm in ((ra, rb, "a->b"), (rb, ra, "b->a")):
        cps = [_clean(c) for c in _as_list(y["counterparts"])]
        ccs = [_clean(c) for c in _as_list(y["counterpart_countries"])]
        s, _ = _direction(person_key(_clean(x["host"])), _clean(x["host_country"]), [person_key(c) for c in cps], ccs)
        strengths.append(s)
        if s == 0:
            out.append(
                f"{nm}: host {x['host']!r} ({x['host_country']}) not among counterparts {cps} {ccs}"
            )
    if min(strengths) > 0 and max(strengths) < 2:
        out.append("no direction matches by name (countries only)")
    return out
