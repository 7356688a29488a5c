"""Who is called how often, and when: call counts, gaps, bursts, rankings.

Every function here takes the readouts frame of :func:`diplo_analysis.load_readouts`
(one row per readout) and returns a new DataFrame, so they chain with
``.pipe()``.  The counts never look at the text.

Conversations, not documents
----------------------------
By default (``unit="conversations"``) a call is counted once however many
documents tell it: both sides' readouts, mirror copies on embassy and state-media
sites, and the announcement made beforehand are one conversation
(:func:`diplo_analysis.conversations`).  A conversation counts once for each
value of the grouping column that its counted readouts give it, so a three-way
call counts once for each counterpart country (the default ``by`` is the list
column ``counterpart_countries``).  ``unit="readouts"`` counts documents, as
before.  An announcement (``status == "announced"``) is never counted as a call,
in either unit.

Coverage
--------
A crawl gap must not read as a diplomatic silence.  :func:`coverage` counts the
*documents* of every kind (statements, decrees, meetings, calls) that each
publisher has in each period.  :func:`call_frequency` reindexes its counts to
every period between the first and the last document, and a cell is ``NaN``
(not ``0``) when the side whose readouts are counted published no document at
all in that period: nothing can be said about it.  With ``host=`` that side is
the host's, whoever the counterpart; otherwise it is every side that reports
calls of that group.  A ``0`` means the side published in that period and
reported no such call.  The coverage table travels with the result in
``result.attrs["coverage"]``, and :func:`diplo_analysis.plots.calls_heatmap`
draws it.

Part-periods
------------
A period can also be covered only in part: the Kremlin files stop on 24 June
2022, so "2022" is January to June.  :func:`period_coverage` gives the share of
each period that lies between each source's first and last dated document.
:func:`call_frequency` keeps that share for the sides it counts in
``attrs["covered"]``, :func:`counterpart_ranking` in its ``coverage`` column,
and both warn (:class:`~diplo_analysis.records.CoverageWarning`) when a period
with counts is covered less than :data:`PART_PERIOD_BELOW`; the heatmap marks
such a period "Jan–Jun only".
"""

from __future__ import annotations

import warnings
from typing import Iterable, Optional, Sequence

import numpy as np
import pandas as pd
from pandas.tseries.frequencies import to_offset

from ._attrs import comparable
from .records import CoverageWarning

__all__ = ["coverage", "period_coverage", "call_frequency", "call_gaps", "bursts", "counterpart_ranking",
           "MEDIA", "PART_PERIOD_BELOW", "period_label", "part_label"]

#: The values of the ``medium`` column.
MEDIA = ("phone", "video", "in_person", "other")
#: The media that are calls.
CALL_MEDIA = ("phone", "video")
#: What the counting functions count: conversations (default) or readouts.
UNITS = ("conversations", "readouts")
#: A period of which a smaller share lies between the counted sources' first and last
#: document is a part-period: warned about (CoverageWarning) and marked in the figures.
PART_PERIOD_BELOW = 0.9
_LIST_COLUMNS = ("counterparts", "counterpart_countries")
_PAIR_SEP = " | "


# --------------------------------------------------------------------------- helpers
def _require(readouts: pd.DataFrame, columns: Iterable[str], func: str) -> None:
    if not isinstance(readouts, pd.DataFrame):
        raise TypeError(f"{func}: expected the readouts DataFrame, got {type(readouts).__name__}")
    missing = [c for c in columns if c not in readouts.columns]
    if missing:
        raise KeyError(f"{func}: the readouts frame has no column(s) {missing}; "
                       f"it has {list(readouts.columns)}")


def _offset(freq: str):
    """Check that ``freq`` names a period by its start (YS, QS, MS, W-MON, D)."""
    try:
        off = to_offset(freq)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"freq={freq!r} is not a pandas frequency (try 'YS', 'QS', 'MS', 'W-MON')") from exc
    code = off.rule_code
    if off.n != 1 or code.split("-")[0].endswith("E"):
        raise ValueError(f"freq={freq!r}: use a single period labelled by its start "
                         f"('YS', 'QS', 'MS', 'W-MON', 'D'), not an end or a multiple")
    return off


def _period_start(dates: pd.Series, freq: str) -> pd.Series:
    """Map each timestamp to the start of its period (NaT stays NaT)."""
    off = _offset(freq)
    days = pd.to_datetime(dates).dt.normalize()
    uniq = pd.Series(days.dropna().unique())
    mapping = {d: off.rollback(d) for d in uniq}
    return days.map(mapping).astype("datetime64[ns]")


def _period_range(starts: pd.Series, freq: str) -> pd.DatetimeIndex:
    starts = starts.dropna()
    if starts.empty:
        return pd.DatetimeIndex([], dtype="datetime64[ns]", name="period", freq=None)
    idx = pd.date_range(starts.min(), starts.max(), freq=_offset(freq), name="period")
    return idx.astype("datetime64[ns]")


def _period_ends(index: pd.DatetimeIndex, freq: str) -> pd.DatetimeIndex:
    """The start of the next period, for each period start of ``index``."""
    off = _offset(freq)
    return pd.DatetimeIndex([p + off for p in index], dtype="datetime64[ns]")


def _spans(index: pd.DatetimeIndex, freq: str, first, last) -> pd.DataFrame:
    """The part of each period between the days ``first`` and ``last`` (both included).

    Returns a frame on ``index``: ``share`` (float in [0, 1]: covered days / days
    of the period), ``start`` and ``end`` (the first and last covered day; NaT
    when none).
    """
    starts = index.to_numpy(dtype="datetime64[ns]")
    ends = _period_ends(index, freq).to_numpy(dtype="datetime64[ns]")
    if pd.isna(first) or pd.isna(last):
        lo, hi = starts, starts
    else:
        lo = np.maximum(starts, np.datetime64(pd.Timestamp(first).normalize(), "ns"))
        hi = np.minimum(ends, np.datetime64(pd.Timestamp(last).normalize() + pd.Timedelta(days=1), "ns"))
    covered = np.maximum(hi - lo, np.timedelta64(0, "ns"))
    share = covered / (ends - starts)
    some = covered > np.timedelta64(0, "ns")
    nat = np.datetime64("NaT", "ns")
    return pd.DataFrame({"share": share.astype(float),
                         "start": np.where(some, lo, nat).astype("datetime64[ns]"),
                         "end": np.where(some, hi - np.timedelta64(1, "D"), nat).astype("datetime64[ns]")},
                        index=index)


def _covered(frame: pd.DataFrame, index: pd.DatetimeIndex, freq: str) -> pd.DataFrame:
    """:func:`_spans` of ``frame``'s dated documents taken together; 0 (NaT) where a period has none of them."""
    days = pd.to_datetime(frame["date"]).dropna().dt.normalize()
    spans = _spans(index, freq, days.min() if len(days) else pd.NaT, days.max() if len(days) else pd.NaT)
    has_docs = _period_start(days, freq).value_counts().reindex(index, fill_value=0).to_numpy() > 0
    spans.loc[~has_docs, "share"] = 0.0
    spans.loc[~has_docs, ["start", "end"]] = pd.NaT
    spans.index.name = "period"
    return spans


def period_label(period: pd.Timestamp, freq: Optional[str]) -> str:
    """A period's label: ``"2022"`` (years), ``"2022 Q3"``, ``"2022-06"`` (months), else the start day."""
    code = str(freq or "").upper()
    if code.startswith(("Y", "A")):
        return f"{period.year}"
    if code.startswith("Q"):
        return f"{period.year} Q{period.quarter}"
    if code.startswith("M"):
        return period.strftime("%Y-%m")
    return period.strftime("%Y-%m-%d")


def part_label(start: pd.Timestamp, end: pd.Timestamp, freq: Optional[str]) -> str:
    """What part of a period is covered, in words: ``"Jan–Jun only"`` (years, quarters), ``"1–15 Mar only"``."""
    if pd.isna(start) or pd.isna(end):
        return "no documents"
    if str(freq or "").upper().startswith(("Y", "A", "Q")):
        months = f"{start:%b}" if (start.year, start.month) == (end.year, end.month) else f"{start:%b}–{end:%b}"
        return f"{months} only"
    if start == end:
        return f"{start.day} {start:%b} only"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b} only"
    return f"{start.day} {start:%b}–{end.day} {end:%b} only"


def _part_periods(covered: pd.DataFrame, periods=None) -> pd.DataFrame:
    """The rows of ``covered`` (of :func:`_covered`) that are part-periods, among ``periods`` if given."""
    part = covered.loc[(covered["share"] > 0) & (covered["share"] < PART_PERIOD_BELOW)]
    return part if periods is None else part.loc[part.index.isin(list(periods))]


def _warn_part_periods(covered: pd.DataFrame, periods, freq: str, func: str, stacklevel: int) -> None:
    """Warn (:class:`CoverageWarning`) when a period in ``periods`` is only partly covered."""
    part = _part_periods(covered, periods)
    if part.empty:
        return
    items = "; ".join(f"{period_label(p, freq)} ({part_label(r.start, r.end, freq)}: "
                      f"{'<1%' if r.share < 0.01 else format(r.share, '.0%')} of the period)"
                      for p, r in zip(part.index, part.itertuples()))
    warnings.warn(f"{func}: the sources counted cover only part of {items}. The counts there are for the "
                  "covered part, not the whole period (coverage: attrs['covered'] of call_frequency, the "
                  "'coverage' column of counterpart_ranking).", CoverageWarning, stacklevel=stacklevel + 1)


def _check_media(media) -> tuple:
    if media is None:
        return MEDIA
    if isinstance(media, str):
        media = (media,)
    media = tuple(media)
    bad = [m for m in media if m not in MEDIA]
    if bad:
        raise ValueError(f"unknown medium {bad}; the media are {list(MEDIA)}")
    return media


def _filter(readouts, media, host=None, publisher=None):
    """Rows of the given media (and host/publisher, when given)."""
    keep = readouts["medium"].astype("object").isin(media)
    if host is not None:
        _require(readouts, ["host"], "filter")
        keep &= readouts["host"].isin([host] if isinstance(host, str) else list(host))
    if publisher is not None:
        _require(readouts, ["publisher"], "filter")
        keep &= readouts["publisher"].isin([publisher] if isinstance(publisher, str) else list(publisher))
    return readouts.loc[keep]


def _explode(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """One row per value of ``column`` (list columns exploded; empty lists dropped)."""
    if column in _LIST_COLUMNS or frame[column].map(lambda v: isinstance(v, (list, tuple))).any():
        frame = frame.explode(column)
    return frame.loc[frame[column].notna()]


def _check_unit(unit: str) -> str:
    if unit not in UNITS:
        raise ValueError(f"unit={unit!r}: count one of {list(UNITS)}")
    return unit


def _held(frame: pd.DataFrame) -> pd.DataFrame:
    """Without announcements: an announced call is not a call."""
    if "status" not in frame:
        return frame
    return frame.loc[frame["status"].astype("object") != "announced"]


def _sides(frame: pd.DataFrame) -> pd.Series:
    """The side of each row: its host country, else its publisher."""
    side = frame["host_country"].astype("object") if "host_country" in frame else pd.Series(np.nan, index=frame.index)
    return side.fillna(frame["publisher"].astype("object")).fillna("(unknown)")


def _as_conversations(readouts: pd.DataFrame, calls: pd.DataFrame) -> pd.DataFrame:
    """``calls`` with ``conversation_id`` and the conversation's ``date`` (one date for all its readouts).

    The conversations are found on the whole frame (so that both sides'
    readouts and the mirrors are linked); a counted readout outside every
    conversation (no date or no side) stands for itself.
    """
    from .conversation import conversations

    convs = conversations(readouts)
    cid = calls["readout_id"].astype(str).map(convs.attrs["readout_conversation"])
    conv_date = cid.map(dict(zip(convs["conversation_id"], convs["date"])))
    return calls.assign(conversation_id=cid.fillna(calls["readout_id"].astype(str)),
                        date=pd.to_datetime(conv_date).fillna(calls["date"]))


# --------------------------------------------------------------------------- coverage
def coverage(readouts: pd.DataFrame, freq: str = "YS", by: Optional[str] = "publisher") -> pd.DataFrame:
    """Documents per period and publisher, all media: what the source lets us see.

    Parameters
    ----------
    readouts : DataFrame
        The readouts frame (needs ``date`` and, unless ``by=None``, the ``by`` column).
    freq : str, default "YS"
        A pandas frequency labelled by the period's start: ``"YS"`` (years),
        ``"QS"``, ``"MS"``, ``"W-MON"``, ``"D"``.
    by : str or None, default "publisher"
        Column to split the documents by; ``None`` gives one column ``"documents"``.

    Returns
    -------
    DataFrame
        Index ``period`` (DatetimeIndex of period starts, every period from the
        first to the last dated document, gaps included); one int column per
        value of ``by`` (sorted) holding the number of dated documents of any
        medium in that period, ``0`` where there are none.
        ``attrs["n_undated"]`` is the number of rows without a date (not counted).
    """
    _require(readouts, ["date"] + ([by] if by else []), "coverage")
    dated = readouts.loc[readouts["date"].notna()]
    starts = _period_start(dated["date"], freq)
    index = _period_range(starts, freq)
    if by is None:
        table = starts.value_counts().rename("documents").to_frame()
    else:
        table = (pd.DataFrame({"period": starts, by: dated[by].astype("object")})
                 .dropna().groupby(["period", by]).size().unstack(by))
    table = table.reindex(index=index, columns=sorted(table.columns)).fillna(0).astype(int)
    table.index.name = "period"
    table.columns.name = by
    table.attrs = {"n_undated": int(readouts["date"].isna().sum()), "freq": freq}
    return table


def period_coverage(readouts: pd.DataFrame, freq: str = "YS", by: Optional[str] = "publisher") -> pd.DataFrame:
    """The share of each period that each source covers: a part-year is a part-year.

    A source (a value of ``by``) covers the days from its first to its last
    dated document; a period's share is the part of it between those days,
    ``0`` where the source has no document in the period at all.  The
    Kremlin files run from 31 December 1999 to 24 June 2022, so the
    Kremlin's 2022 is 0.48 of a year and its 1999 one day of it.

    Parameters
    ----------
    readouts : DataFrame
        The readouts frame (needs ``date`` and, unless ``by=None``, the ``by`` column).
    freq : str, default "YS"
        A pandas frequency labelled by the period's start, as in :func:`coverage`.
    by : str or None, default "publisher"
        The column naming the source (``publisher``; ``host_country`` for a
        side); ``None`` takes all documents as one source, column ``"documents"``.

    Returns
    -------
    DataFrame
        The index of :func:`coverage` (``period``: period starts, every period
        from the first to the last dated document); one float column per value
        of ``by`` (sorted): the share in [0, 1] of the period between that
        source's first and last dated document, ``0.0`` where it has no
        document in the period.  ``attrs``: ``first`` and ``last`` (dicts:
        source -> its first and last document's day), ``freq``.
    """
    docs = coverage(readouts, freq=freq, by=by)
    dated = readouts.loc[readouts["date"].notna()]
    keys = dated[by].astype("object") if by else pd.Series("documents", index=dated.index)
    days = pd.to_datetime(dated["date"]).dt.normalize()
    first, last = days.groupby(keys).min(), days.groupby(keys).max()
    table = pd.DataFrame({c: _spans(docs.index, freq, first.get(c), last.get(c))["share"].where(docs[c] > 0, 0.0)
                          for c in docs.columns}, index=docs.index, columns=docs.columns, dtype=float)
    table.index.name, table.columns.name = "period", by
    table.attrs = {"first": {c: first.get(c) for c in docs.columns}, "last": {c: last.get(c) for c in docs.columns},
                   "freq": freq}
    return table


# --------------------------------------------------------------------------- counts
def call_frequency(readouts: pd.DataFrame, by: str = "counterpart_countries", freq: str = "YS",
                   media: Sequence[str] = CALL_MEDIA, host=None, publisher=None,
                   unit: str = "conversations") -> pd.DataFrame:
    """Calls per group and period, with the source's coverage attached.

    Parameters
    ----------
    readouts : DataFrame
        The readouts frame: ``readout_id``, ``date``, ``medium``, ``publisher``
        and the ``by`` column (``host_country``, ``status`` and the columns of
        :func:`diplo_analysis.conversations` are used when present).
    by : str, default "counterpart_countries"
        Any column: a list column (``counterparts``, ``counterpart_countries``:
        a call with several counterparts counts once for each) or a scalar one
        (``counterpart_country``: the first counterpart only; ``counterpart``,
        ``host``, ``publisher``, ...).  Rows whose value is missing (or an
        empty list) are not counted.
    freq : str, default "YS"
        Period, labelled by its start: ``"YS"``, ``"QS"``, ``"MS"``, ``"W-MON"``, ``"D"``.
    media : sequence of str, default ("phone", "video")
        The media counted (values of ``medium``).
    host, publisher : str or list of str, optional
        Count only readouts of these hosts / publishers (e.g.
        ``host="Vladimir Putin"``).
    unit : {"conversations", "readouts"}, default "conversations"
        Count each conversation once per group, whichever readouts tell it
        (dated by the conversation's date), or count readouts.

    Returns
    -------
    DataFrame
        Index ``period`` (DatetimeIndex of period starts, every period from the
        publishers' first to last dated *document*, so crawl gaps are rows);
        one float column per group value (sorted): the number of calls.
        A cell is ``NaN`` when the side whose readouts are counted has no
        document of any kind in the period (with ``host=``: the host's side,
        whoever the counterpart; otherwise the sides that report calls of that
        group): a coverage gap, not a silence; ``0.0`` when it published but
        reported no such call.  Announcements are never counted.
        ``attrs``: ``coverage`` (the :func:`coverage` table by publisher for the
        same rows), ``coverage_by_side`` (the same by side, which decides the
        NaN cells), ``period_coverage`` (:func:`period_coverage` by side: the
        share of each period between each side's first and last document),
        ``covered`` (a frame on the same index: ``share`` of the period that
        the counted sides together cover, float in [0, 1], 0 where they have
        no document; ``start`` and ``end``, the first and last covered day,
        NaT when none), ``counted_sides`` (list: with ``host=`` the host's
        sides, else every side that reports a counted call), ``n_undated``
        (calls without a date, not counted), ``n_without_group`` (dated calls
        with no ``by`` value, not counted), ``by``, ``freq``, ``media``, ``unit``.

    Warns
    -----
    CoverageWarning
        When a period with counts is covered less than :data:`PART_PERIOD_BELOW`
        (e.g. the Kremlin's 2022, January to June): its counts are for that part.
    """
    result = _count_calls(readouts, by, freq, media, host, publisher, unit)
    counted = result.index[result.notna().any(axis=1)] if result.shape[1] else result.index[:0]
    _warn_part_periods(result.attrs["covered"], counted, freq, "call_frequency", stacklevel=2)
    return result


def _count_calls(readouts, by, freq, media, host, publisher, unit) -> pd.DataFrame:
    """:func:`call_frequency` without its warning (also the counts of :func:`counterpart_ranking`)."""
    _require(readouts, ["readout_id", "date", "medium", "publisher", by], "call_frequency")
    media, unit = _check_media(media), _check_unit(unit)
    scope = readouts
    if publisher is not None:
        scope = scope.loc[scope["publisher"].isin([publisher] if isinstance(publisher, str) else list(publisher))]
    cov = coverage(scope, freq=freq, by="publisher")
    side_cov = coverage(scope.assign(side=_sides(scope)), freq=freq, by="side").reindex(cov.index, fill_value=0)
    calls = _held(_filter(scope, media, host=host))
    if unit == "conversations":
        calls = _as_conversations(readouts, calls)
    n_undated = int(calls["date"].isna().sum())
    calls = calls.loc[calls["date"].notna()]
    columns = list(dict.fromkeys(["date", "side", by] + (["conversation_id"] if unit == "conversations" else [])))
    rows = _explode(calls.assign(side=_sides(calls))[columns], by)
    n_without_group = int(len(calls) - calls.index.isin(rows.index).sum())
    rows = rows.assign(period=_period_start(rows["date"], freq), **{by: rows[by].astype("object")})
    if unit == "conversations":
        rows = rows.drop_duplicates(["conversation_id", by])
    counts = rows.groupby(["period", by]).size().unstack(by)
    groups = sorted(counts.columns) if len(counts.columns) else []
    result = counts.reindex(index=cov.index, columns=groups).fillna(0).astype(float)
    # NaN where the side whose readouts are counted has no document at all
    if host is not None:
        counted = sorted(set(_sides(scope.loc[scope["host"].isin([host] if isinstance(host, str) else list(host))])))
        reporters = pd.Series({group: counted for group in groups}, dtype=object)
    else:
        counted = sorted(set(rows["side"]))
        reporters = rows.groupby(by)["side"].agg(lambda v: sorted(set(v)))
    for group in groups:
        seen = side_cov.reindex(columns=reporters[group], fill_value=0).sum(axis=1)
        result.loc[seen.values == 0, group] = np.nan
    result.index.name = "period"
    result.columns.name = by
    scope_sides = _sides(scope)
    period_cov = period_coverage(scope.assign(side=scope_sides), freq=freq, by="side").reindex(cov.index, fill_value=0.0)
    result.attrs = comparable({"coverage": cov, "coverage_by_side": side_cov, "period_coverage": period_cov,
                               "covered": _covered(scope.loc[scope_sides.isin(counted)], cov.index, freq),
                               "counted_sides": counted, "n_undated": n_undated, "n_without_group": n_without_group,
                               "by": by, "freq": freq, "media": list(media), "unit": unit})
    return result


# --------------------------------------------------------------------------- pairs
def _pair_rows(readouts, by, media, host, publisher, unit, func):
    _require(readouts, ["readout_id", "date", "medium", "host", by], func)
    calls = _held(_filter(readouts, _check_media(media), host=host, publisher=publisher))
    if _check_unit(unit) == "conversations":
        calls = _as_conversations(readouts, calls)
    calls = calls.loc[calls["date"].notna() & calls["host"].notna()]
    cols = ["readout_id", "date", "medium", "host", by] + (["conversation_id"] if unit == "conversations" else [])
    rows = _explode(calls[cols], by).rename(columns={by: "counterpart"})
    rows = rows.assign(date=rows["date"].dt.normalize(), medium=rows["medium"].astype("object"),
                       counterpart=rows["counterpart"].astype("object"))
    rows["pair"] = [_PAIR_SEP.join(sorted((str(h), str(c)))) for h, c in zip(rows["host"], rows["counterpart"])]
    rows = rows.sort_values(["pair", "date", "readout_id"], kind="stable")
    if unit == "conversations":  # one row per conversation of the pair: its first readout in id order
        rows = rows.drop_duplicates(["conversation_id", "pair"]).drop(columns="conversation_id")
    return rows.reset_index(drop=True)


def call_gaps(readouts: pd.DataFrame, by: str = "counterparts", media: Sequence[str] = CALL_MEDIA,
              host=None, publisher=None, unit: str = "conversations") -> pd.DataFrame:
    """Each call of a pair of leaders, with the days since the pair's previous call.

    A pair is order-insensitive: Putin calling Xi and Xi calling Putin (or Xi's
    office telling the same call) belong to one pair.  By default each
    conversation of the pair is one row (its first readout in id order),
    whichever sides told it; with ``unit="readouts"`` both sides' readouts of
    one call are rows, with a gap of 0 (or 1) days between them.

    Parameters
    ----------
    readouts : DataFrame
        The readouts frame: ``readout_id``, ``date``, ``medium``, ``host``, ``by``.
    by : str, default "counterparts"
        The counterpart column (list or scalar), e.g. ``"counterpart_countries"``
        for the gaps between a leader's calls with a country.
    media : sequence of str, default ("phone", "video")
    host, publisher : str or list of str, optional
        Keep only these hosts / publishers.
    unit : {"conversations", "readouts"}, default "conversations"
        One row per conversation (dated by the conversation's date), or per readout.

    Returns
    -------
    DataFrame
        One row per (call, counterpart), sorted by pair and date, with columns
        ``pair`` (the two names, sorted, joined by ``" | "``), ``host``,
        ``counterpart`` (the value of ``by``), ``date`` (day of the call),
        ``previous_date`` (the pair's previous call, NaT for the first),
        ``gap_days`` (float, NaN for the first), ``medium``, ``readout_id``.
        Rows without a date or host are left out.
    """
    rows = _pair_rows(readouts, by, media, host, publisher, unit, "call_gaps")
    rows["previous_date"] = rows.groupby("pair")["date"].shift(1)
    rows["gap_days"] = (rows["date"] - rows["previous_date"]).dt.days.astype(float)
    out = rows[["pair", "host", "counterpart", "date", "previous_date", "gap_days", "medium", "readout_id"]]
    out.attrs = {"by": by, "media": list(_check_media(media)), "unit": unit}
    return out


def bursts(readouts: pd.DataFrame, window_days: int = 30, min_calls: int = 2, by: str = "counterparts",
           media: Sequence[str] = CALL_MEDIA, host=None, publisher=None, unit: str = "conversations") -> pd.DataFrame:
    """Runs of at least ``min_calls`` calls of one pair within ``window_days``.

    For each pair (as in :func:`call_gaps`), calls are scanned in date order:
    a run starts at a call and takes every later call at most ``window_days``
    after it (the boundary is included: a call exactly ``window_days`` later
    belongs to the run).  A run with at least ``min_calls`` calls is a burst and
    the scan resumes after its last call; otherwise it resumes at the next call.
    Bursts therefore never overlap and each spans at most ``window_days``.

    Parameters
    ----------
    readouts : DataFrame
        The readouts frame.
    window_days : int, default 30
    min_calls : int, default 2
    by, media, host, publisher, unit
        As in :func:`call_gaps` (by default a call told by both sides is one call).

    Returns
    -------
    DataFrame
        One row per burst, sorted by ``start``, ``pair``: ``pair``, ``host`` and
        ``counterpart`` (of the burst's first call), ``start`` and ``end``
        (first and last call days), ``span_days`` (int), ``n_calls`` (int),
        ``readout_ids`` (list of str, in date order), ``media`` (list of str).
    """
    if window_days < 0 or min_calls < 1:
        raise ValueError(f"window_days must be >= 0 and min_calls >= 1 (got {window_days}, {min_calls})")
    rows = _pair_rows(readouts, by, media, host, publisher, unit, "bursts")
    found = []
    for pair, grp in rows.groupby("pair", sort=True):
        dates = grp["date"].to_numpy()
        i, n = 0, len(grp)
        while i < n:
            j = i
            while j + 1 < n and (dates[j + 1] - dates[i]) <= np.timedelta64(window_days, "D"):
                j += 1
            if j - i + 1 >= min_calls:
                run = grp.iloc[i:j + 1]
                found.append({
                    "pair": pair, "host": run["host"].iloc[0], "counterpart": run["counterpart"].iloc[0],
                    "start": run["date"].iloc[0], "end": run["date"].iloc[-1],
                    "span_days": int((run["date"].iloc[-1] - run["date"].iloc[0]).days),
                    "n_calls": int(len(run)), "readout_ids": list(run["readout_id"]),
                    "media": list(run["medium"]),
                })
                i = j + 1
            else:
                i += 1
    columns = ["pair", "host", "counterpart", "start", "end", "span_days", "n_calls", "readout_ids", "media"]
    out = pd.DataFrame(found, columns=columns)
    out["start"] = pd.to_datetime(out["start"]).astype("datetime64[ns]")
    out["end"] = pd.to_datetime(out["end"]).astype("datetime64[ns]")
    out = out.sort_values(["start", "pair"], kind="stable").reset_index(drop=True)
    out.attrs = {"window_days": window_days, "min_calls": min_calls, "by": by, "unit": unit}
    return out


# --------------------------------------------------------------------------- ranking
def counterpart_ranking(readouts: pd.DataFrame, freq: str = "YS", by: str = "counterpart_countries",
                        top: Optional[int] = 10, media: Sequence[str] = CALL_MEDIA,
                        host=None, publisher=None, unit: str = "conversations") -> pd.DataFrame:
    """Who is called most in each period, and how that changed from the previous period.

    Counts come from :func:`call_frequency` (same parameters: by default
    conversations, each counted once for each counterpart country).  Groups are
    ranked within each period by calls, most first (ties share the best rank,
    ``method="min"``); groups with no call in a period are unranked.  Periods
    without any document (coverage gaps) have no rows, and the period after a
    gap has no previous rank: the change is unknown, not a rise.

    Returns
    -------
    DataFrame
        Long frame sorted by ``period`` and ``rank``, one row per ranked group
        (at most ``top`` ranks per period; ties may add rows): ``period``
        (datetime64[ns]: the period's start, so ``.dt.year`` works), the
        ``by`` column, ``calls`` (int), ``rank`` (int, 1 = most called),
        ``previous_rank`` (float: rank in the previous period, NaN if unranked
        or the previous period has no coverage), ``rank_change``
        (``previous_rank - rank``: positive means it rose; NaN when unknown),
        ``coverage`` (float in [0, 1]: the share of the period that the counted
        sides cover, ``attrs["covered"]["share"]`` of :func:`call_frequency`;
        below 1 the period is only partly seen, e.g. 0.48 for the Kremlin's 2022).
        ``attrs``: ``by``, ``freq``, ``unit``, ``covered`` (as in :func:`call_frequency`).

    Warns
    -----
    CoverageWarning
        When a ranked period is covered less than :data:`PART_PERIOD_BELOW`:
        its ranking is of that part of the period only.
    """
    if top is not None and top < 1:
        raise ValueError(f"top must be a positive int or None, got {top}")
    freq_frame = _count_calls(readouts, by, freq, media, host, publisher, unit)
    long = freq_frame.stack(future_stack=True).rename("calls").reset_index() if freq_frame.shape[1] else \
        pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"), by: pd.Series(dtype=object),
                      "calls": pd.Series(dtype=float)})
    long.columns = ["period", by, "calls"]
    long["period"] = long["period"].astype("datetime64[ns]")
    ranked = long.loc[long["calls"] > 0].copy()
    ranked["rank"] = ranked.groupby("period")["calls"].rank(method="min", ascending=False).astype(int)
    periods = list(freq_frame.index)
    prev_of = dict(zip(periods[1:], periods[:-1]))
    lookup = ranked.set_index(["period", by])["rank"]
    ranked["previous_rank"] = [
        float(lookup.get((prev_of.get(p), g), np.nan)) if p in prev_of else np.nan
        for p, g in zip(ranked["period"], ranked[by])
    ]
    ranked["rank_change"] = ranked["previous_rank"] - ranked["rank"]
    ranked["calls"] = ranked["calls"].astype(int)
    if top is not None:
        ranked = ranked.loc[ranked["rank"] <= top]
    ranked = ranked.sort_values(["period", "rank", by], kind="stable").reset_index(drop=True)
    covered = freq_frame.attrs["covered"]
    ranked["coverage"] = ranked["period"].map(covered["share"]).astype(float)
    ranked = ranked[["period", by, "calls", "rank", "previous_rank", "rank_change", "coverage"]]
    ranked.attrs = comparable({"by": by, "freq": freq, "unit": unit, "covered": covered})
    _warn_part_periods(covered, ranked["period"].unique(), freq, "counterpart_ranking", stacklevel=2)
    return ranked
