"""Conversations, not documents: every readout, mirror and announcement of one call as one row.

The module is ``conversation`` (singular) so that the package attribute
``diplo_analysis.conversations`` stays the function once the module is imported.

A call between two leaders is often told several times: by each side, by
mirror copies on embassy and state-media sites, and beforehand by an
announcement.  Counting documents counts such a call several times.
:func:`conversations` groups the readouts of the frame into conversations, in
four steps, each built on the rules of :mod:`diplo_analysis.pairs`:

1. **Held readouts only.**  Readouts whose ``medium`` is a conversation
   (phone, video, in person), with a date and a side (``host_country``), and
   whose ``status`` is not ``announced``.
2. **One side's copies are one event** (:func:`diplo_analysis.collapse_mirrors`):
   the same side, date and medium, the same host and counterparts (a
   ministry's readout, its embassies' copies, and a statement by the leader
   about the same call); copies dated a day apart only when their texts are
   near-identical.
3. **Both sides' events are one conversation** (the rules of
   :func:`diplo_analysis.pair_readouts`): each host is among the other's
   counterparts (by name where both are known), the media are compatible, the
   dates at most ``max_days`` apart, or up to ``inferred_days`` when the later
   date is inferred (a state-media page dated by its publication); each event
   joins at most one event of each other side.  Pairs are joined
   transitively, so a three-way call told by three sides is one conversation.
4. **Announcements join the conversation they announce**: the announcing
   side's host (by name, else its country) and one of its counterparts (by
   name, else country) take part in it, on the planned day (``planned_date``,
   within ``max_days``) or, where the announcement gives no day, within
   ``announce_days`` after it.  The nearest such conversation wins.  An
   announcement of a conversation the frame does not hold joins none: it is
   listed in ``attrs["announcements"]`` with no ``conversation_id``, and
   becomes a row of its own (``status="announced"``) only when asked
   (``announced=True``).  It is never counted as a call.

:func:`explain_conversation` says, for two readouts, whether they are one
conversation and which rule joined or kept them apart.
"""

from __future__ import annotations

import hashlib
from typing import Optional

import numpy as np
import pandas as pd

from . import pairs as _pairs
from ._attrs import comparable

__all__ = ["CONVERSATION_COLUMNS", "conversations", "conversation_of", "explain_conversation",
           "INFERRED_DAYS", "ANNOUNCE_DAYS"]

#: Columns of the :func:`conversations` frame, in order.
CONVERSATION_COLUMNS = [
    "conversation_id",
    "date",
    "medium",
    "status",
    "participants",
    "countries",
    "sides",
    "readout_ids",
    "n_readouts",
    "announcement_ids",
    "initiator",
    "initiator_claims",
]

#: Days a page's inferred date may lag the other side's (a state-media page
#: dated by its publication two days after a call).
INFERRED_DAYS = 3
#: Days after an announcement without a planned day within which the
#: conversation it announces is looked for.
ANNOUNCE_DAYS = 14
#: Which medium a conversation gets when its readouts disagree: the most
#: specific (the Kremlin titles some video meetings "Meeting with ...", and one
#: side's "telephone conversation" is the other's "video call").
MEDIUM_PRECEDENCE = ("video", "phone", "in_person")


class _Groups:
    """Union-find over event positions."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _announcements(readouts: pd.DataFrame) -> pd.DataFrame:
    """The announcements of the frame with their keys (rows with status ``announced``)."""
    if "status" not in readouts:
        return readouts.iloc[0:0]
    ann = readouts.loc[readouts["status"].astype(object) == "announced"]
    planned = ann["planned_date"] if "planned_date" in ann else pd.Series(pd.NaT, index=ann.index)
    return pd.DataFrame({
        "readout_id": ann["readout_id"].astype(str).to_numpy(),
        "date": pd.to_datetime(ann["date"]).dt.normalize().to_numpy(),
        "planned_date": pd.to_datetime(planned).dt.normalize().to_numpy(),
        "side": [_pairs._clean(c) for c in ann["host_country"]],
        "host_key": [_pairs.person_key(_pairs._clean(h)) for h in ann["host"]],
        "cp_keys": [[_pairs.person_key(_pairs._clean(c)) for c in _pairs._as_list(v)] for v in ann["counterparts"]],
        "cp_countries": [[_pairs._clean(c) for c in _pairs._as_list(v)] for v in ann["counterpart_countries"]],
        "host": [_pairs._clean(h) for h in ann["host"]],
        "counterparts": [[_pairs._clean(c) for c in _pairs._as_list(v)] for v in ann["counterparts"]],
    })


def _takes_part(key: tuple, country, people: list, countries: set) -> bool:
    """A person takes part: by name where both are known, else by country."""
    if key and any(k and _pairs.names_match(key, k) for k in people):
        return True
    return country is not None and country in countries


def _announce_target(ann, convs: list, days: np.ndarray, max_days: int, announce_days: int) -> Optional[int]:
    """The held conversation an announcement announces (position in ``convs``), or None.

    ``convs`` are sorted by date and ``days`` holds their dates as
    ``datetime64[D]``, so only the conversations of the window are looked at.
    """
    if not pd.isna(ann.planned_date):
        centre = np.datetime64(pd.Timestamp(ann.planned_date).date(), "D")
        lo, hi = centre - max_days, centre + max_days
    elif not pd.isna(ann.date):
        centre = lo = np.datetime64(pd.Timestamp(ann.date).date(), "D")
        hi = lo + announce_days
    else:
        return None
    best, best_gap = None, None
    for pos in range(np.searchsorted(days, lo, "left"), np.searchsorted(days, hi, "right")):
        conv = convs[pos]
        if not _takes_part(ann.host_key, ann.side, conv["keys"], conv["country_set"]):
            continue
        if not any(_takes_part(k, c, conv["keys"], conv["country_set"])
                   for k, c in zip(ann.cp_keys or [()] * len(ann.cp_countries), ann.cp_countries)):
            continue
        gap = abs(int((days[pos] - centre).astype(int)))
        if best_gap is None or gap < best_gap:
            best, best_gap = pos, gap
    return best


def _claims(evs: list, initiators: dict) -> dict:
    """Each side's claim of who initiated: side -> the initiating leader's name (or None)."""
    claims: dict = {}
    for ev in evs:
        said = next((initiators[r] for r in [ev.readout_id, *ev.mirrors] if initiators.get(r)), None)
        if said == "host":
            claims[ev.side] = ev.host
        elif said == "counterpart":
            named = [c for c in ev.counterparts if c]
            claims[ev.side] = named[0] if len(named) == 1 else None
        else:
            claims.setdefault(ev.side, None)
    return dict(sorted(claims.items()))


def _participants(evs: list) -> tuple[list, list]:
    """Names (deduplicated with :func:`names_match`) and their person keys."""
    names, keys = [], []
    for ev in evs:
        for name, key in zip([ev.host, *ev.counterparts], [ev.host_key, *ev.cp_keys]):
            if not name:
                continue
            if key and any(_pairs.names_match(key, k) for k in keys if k):
                continue
            names.append(name)
            keys.append(key)
    return names, keys


def _conversation_id(readout_ids) -> str:
    return hashlib.sha1("\n".join(sorted(readout_ids)).encode()).hexdigest()[:16]


def _held(readouts: pd.DataFrame, max_days: int, inferred_days: int) -> tuple[pd.DataFrame, list]:
    """Events of held readouts and their groups (lists of event positions), in date order."""
    events = _pairs._events(readouts).reset_index(drop=True)
    groups = _Groups(len(events))
    if len(events):
        for a, b, *_ in _pairs._pair_events(events, max_days, inferred_days):
            groups.union(a, b)
    members: dict = {}
    for e in range(len(events)):
        members.setdefault(groups.find(e), []).append(e)
    return events, list(members.values())


def _conversation_rows(readouts, events, groups) -> list[dict]:
    initiators = {r: i for r, i in zip(readouts["readout_id"].astype(str), readouts["initiator"].astype(object))
                  if isinstance(i, str)} if "initiator" in readouts else {}
    table = list(events.itertuples(index=False))
    rows = []
    for members in groups:
        evs = [table[e] for e in members]
        stated = [ev.date for ev in evs if not ev.date_inferred]
        media = {ev.medium for ev in evs}
        names, keys = _participants(evs)
        sides = {ev.side for ev in evs}
        countries = sides | {c for ev in evs for c in ev.counterpart_countries if c}
        claims = _claims(evs, initiators)
        said = {v for v in claims.values() if v}
        rows.append({
            "date": pd.Timestamp(min(stated or [ev.date for ev in evs])),
            "medium": next(m for m in MEDIUM_PRECEDENCE if m in media), "status": "held",
            "participants": names, "countries": sorted(countries), "sides": sorted(sides),
            "readout_ids": sorted({r for ev in evs for r in [ev.readout_id, *ev.mirrors]}),
            "announcement_ids": [], "initiator": said.pop() if len(said) == 1 else None,
            "initiator_claims": claims, "keys": keys, "country_set": countries,
        })
    return rows


def _announced_only(ann) -> dict:
    names = [n for n in [ann.host] + list(ann.counterparts) if n]
    countries = {c for c in [ann.side] + list(ann.cp_countries) if c}
    date = ann.planned_date if not pd.isna(ann.planned_date) else ann.date
    return {
        "date": pd.Timestamp(date), "medium": None, "status": "announced", "participants": names,
        "countries": sorted(countries), "sides": [], "readout_ids": [ann.readout_id],
        "announcement_ids": [ann.readout_id], "initiator": None, "initiator_claims": {},
    }


def conversations(readouts: pd.DataFrame, max_days: int = 1, inferred_days: int = INFERRED_DAYS,
                  announce_days: int = ANNOUNCE_DAYS, announced: bool = False) -> pd.DataFrame:
    """One row per conversation: every readout, mirror and announcement that tells it.

    The rules are in the module's docstring and in ``docs/conversations.md``;
    :func:`explain_conversation` shows them at work on two readouts.

    Parameters
    ----------
    readouts : DataFrame
        The :func:`diplo_analysis.load_readouts` frame (at least
        ``readout_id, publisher, date, medium, host, host_country,
        counterparts, counterpart_countries``; ``status``, ``planned_date``,
        ``date_inferred``, ``initiator`` and ``text`` are used when present).
    max_days : int, default 1
        Largest difference in days between two sides' dates of one call.
    inferred_days : int, default 3
        The same where the later date was inferred (``date_inferred``).
    announce_days : int, default 14
        For an announcement that gives no planned day: how many days after it
        the conversation it announces is looked for.
    announced : bool, default False
        Also return a row (``status="announced"``) for each announcement of a
        conversation the frame does not hold.

    Returns
    -------
    DataFrame
        One row per conversation, sorted by ``date`` and ``conversation_id``:

        - ``conversation_id`` (str): 16 hex chars of the SHA-1 of its sorted
          ``readout_ids``.
        - ``date`` (datetime64[ns]): the earliest date a readout states (an
          inferred date only where no readout states one); for an announced
          conversation the planned day, else the announcement's date.
        - ``medium`` (str): ``video``, ``phone`` or ``in_person`` (the most
          specific any readout gives, :data:`MEDIUM_PRECEDENCE`); missing for
          an announced conversation.
        - ``status`` (str): ``held``, or (only with ``announced=True``)
          ``announced`` for an announcement whose conversation the frame does
          not hold.
        - ``participants`` (list of str): every named participant, hosts
          first, one name per person (:func:`diplo_analysis.pairs.names_match`).
        - ``countries`` (list of str): sorted codes of every side and
          counterpart country.
        - ``sides`` (list of str): sorted codes of the sides that published
          a readout of it held (empty for an announced one).
        - ``readout_ids`` (list of str): sorted ids of every readout that
          tells it: each side's readouts, their mirrors, the announcements.
        - ``n_readouts`` (int): ``len(readout_ids)``.
        - ``announcement_ids`` (list of str): the announcements among them.
        - ``initiator`` (str or None): the leader who initiated it, where the
          sides that say so agree.
        - ``initiator_claims`` (dict): side code -> the leader that side's
          readout says initiated it, None where it does not say.

        ``attrs["readout_conversation"]`` maps every readout id of a row
        (held readouts and announcements) to its ``conversation_id``;
        ``attrs["announcements"]`` is a DataFrame of every announcement of the
        frame: ``readout_id``, ``date``, ``planned_date``, ``conversation_id``
        (the conversation it announces; missing where the frame holds none).
    """
    _pairs._validate(readouts)
    for name, value in (("max_days", max_days), ("inferred_days", inferred_days), ("announce_days", announce_days)):
        _pairs._check_days(name, value)
    events, groups = _held(readouts, max_days, inferred_days)
    rows = _conversation_rows(readouts, events, groups)
    rows.sort(key=lambda r: r["date"])
    days = np.array([r["date"] for r in rows], dtype="datetime64[D]")
    announced_only = []
    for ann in _announcements(readouts).itertuples(index=False):
        target = _announce_target(ann, rows, days, max_days, announce_days)
        if target is None:
            announced_only.append(_announced_only(ann))
        else:
            rows[target]["readout_ids"] = sorted(rows[target]["readout_ids"] + [ann.readout_id])
            rows[target]["announcement_ids"] = sorted(rows[target]["announcement_ids"] + [ann.readout_id])
    out = pd.DataFrame(rows + (announced_only if announced else []), columns=CONVERSATION_COLUMNS[1:])
    out.insert(0, "conversation_id", [_conversation_id(ids) for ids in out["readout_ids"]])
    out["n_readouts"] = out["readout_ids"].map(len).astype(int)
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    out = out[CONVERSATION_COLUMNS].sort_values(["date", "conversation_id"], kind="stable").reset_index(drop=True)
    mapping = {rid: cid for cid, ids in zip(out["conversation_id"], out["readout_ids"]) for rid in ids}
    anns = _announcements(readouts)[["readout_id", "date", "planned_date"]].copy()
    anns["conversation_id"] = anns["readout_id"].map(mapping)
    out.attrs = comparable({"readout_conversation": mapping,
                            "announcements": anns.sort_values(["date", "readout_id"]).reset_index(drop=True)})
    return out


def conversation_of(readouts: pd.DataFrame, convs: Optional[pd.DataFrame] = None, **kwargs) -> pd.Series:
    """The conversation of each readout, aligned with the frame.

    Parameters
    ----------
    readouts : DataFrame
        The readouts frame.
    convs : DataFrame, optional
        Its :func:`conversations` (computed with ``kwargs`` when not given).

    Returns
    -------
    Series
        ``conversation_id`` (str) per row of ``readouts`` (same index); NaN
        for a readout that tells no conversation (medium ``other`` and not an
        announcement, or without a date or a side).
    """
    if convs is None:
        convs = conversations(readouts, **kwargs)
    mapping = convs.attrs.get("readout_conversation") or {
        rid: cid for cid, ids in zip(convs["conversation_id"], convs["readout_ids"]) for rid in ids}
    return readouts["readout_id"].astype(str).map(mapping).rename("conversation_id")


def explain_conversation(readouts: pd.DataFrame, id_a: str, id_b: str, **kwargs) -> pd.DataFrame:
    """Whether two readouts tell one conversation, and why.

    Parameters
    ----------
    readouts : DataFrame
        The readouts frame.
    id_a, id_b : str
        Two ``readout_id`` values.
    **kwargs
        Passed to :func:`conversations`.

    Returns
    -------
    DataFrame
        One row per check, columns ``check`` (str), ``holds`` (bool) and
        ``detail`` (str).  Checks: ``status`` (both are held readouts, or one
        is an announcement), ``conversation`` (the conversation of each, and
        whether they are the same), then, for readouts of the same side,
        ``same_side_copy`` (the mirror rule), and for readouts of different
        sides, one row per pairing rule of :func:`diplo_analysis.pairs.explain_pair`
        (``pair_rules``, holds when none fails).
    """
    _pairs._validate(readouts)
    ra, rb = _pairs._row(readouts, id_a), _pairs._row(readouts, id_b)
    mapping = conversations(readouts, **kwargs).attrs["readout_conversation"]
    ca, cb = mapping.get(str(id_a)), mapping.get(str(id_b))
    checks = []
    status = [str(_pairs._clean(r.get("status")) or "none") for r in (ra, rb)]
    checks.append(("status", all(s == "held" for s in status),
                   f"a is {status[0]}, b is {status[1]} (an announcement joins the conversation it announces)"))
    same = isinstance(ca, str) and ca == cb
    checks.append(("conversation", same, f"a in {ca}, b in {cb}"))
    sa, sb = _pairs._clean(ra["host_country"]), _pairs._clean(rb["host_country"])
    if sa is not None and sa == sb:
        sub = readouts.loc[readouts["readout_id"].isin([id_a, id_b])]
        events = _pairs._events(sub)
        one = len(events) == 1
        checks.append(("same_side_copy", one,
                       "one event: the same side, date, medium, host and counterparts" if one else
                       "two events: the same side but a different date, medium, host or counterparts "
                       "(or texts not near-identical a day apart)"))
    else:
        failed = _pairs.explain_pair(readouts, id_a, id_b, max_days=kwargs.get("max_days", 1))
        inferred = [f for f in failed if "apart" in f]
        checks.append(("pair_rules", not failed, "; ".join(failed) if failed else "every pairing rule holds"))
        if inferred:
            checks.append(("inferred_date_window", same,
                           f"dates may lag by up to {kwargs.get('inferred_days', INFERRED_DAYS)} days when the "
                           "later one is inferred"))
    return pd.DataFrame(checks, columns=["check", "holds", "detail"])
