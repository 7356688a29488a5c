"""Figures: every function takes a frame and ``ax=None`` and returns the Axes.

The convention (as in seaborn's axes-level functions):

- ``f(frame, ..., ax=None) -> matplotlib.axes.Axes``;
- the figure is drawn on ``ax`` when given, else on a **new** figure
  (``plt.subplots``), so that two calls in one notebook cell never draw over
  each other; the Axes drawn on is returned, so callers and tests can inspect
  what was drawn (``ax.get_lines()``, ``ax.collections``, ``ax.patches``, tick labels);
- a plot function computes nothing that a feature function does not already
  return: it takes the output of :mod:`diplo_analysis.frequency`,
  :mod:`diplo_analysis.topics` or :mod:`diplo_analysis.tone` and only
  selects, orders and draws it;
- coverage gaps (periods without any document) are drawn as hatched grey
  areas, never as zeros; periods the source covers only in part (the
  Kremlin's 2022 runs to June) are marked as such (:func:`calls_heatmap`);
- dates on a time axis are ticked at the data's own periods: one label a year
  (``"2022"``) for yearly data, never months between them.

matplotlib is imported when this module is imported, not by ``import diplo_analysis``.
"""

from __future__ import annotations

from typing import Optional

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch, Rectangle

from . import frequency as _frequency

__all__ = ["calls_heatmap", "pair_timeline", "topic_prevalence", "sentiment_over_time"]

GAP_STYLE = dict(facecolor="0.88", edgecolor="0.6", hatch="///", linewidth=0.0)
MEDIUM_MARKERS = {"phone": ("o", "tab:blue"), "video": ("s", "tab:orange"),
                  "in_person": ("^", "tab:green"), "other": ("x", "0.4")}


def _axes(ax, figsize):
    """The Axes to draw on: ``ax`` itself, or one on a new figure."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


_period_label = _frequency.period_label
#: Hatch of a part-period's column in :func:`calls_heatmap` (lines; the gaps are "///" on grey, sparse periods "..").
PART_HATCH = "\\"
MAX_DATE_TICKS = 25


def _infer_freq(index: pd.DatetimeIndex) -> Optional[str]:
    """``"YS"``, ``"QS"`` or ``"MS"`` when every date of ``index`` starts such a period, else None."""
    if len(index) == 0 or not ((index.day == 1).all() and (index.normalize() == index).all()):
        return None
    if (index.month == 1).all():
        return "YS"
    if index.month.isin([1, 4, 7, 10]).all():
        return "QS"
    return "MS"


def _date_ticks(ax, index: pd.DatetimeIndex, freq: Optional[str] = None) -> None:
    """Tick a date axis at the data's periods, labelled as periods (``"2022"`` for years).

    Periods of a year, quarter or month (given by ``freq``, else recognised
    from ``index``) get one tick each, thinned to every k-th period so that at
    most :data:`MAX_DATE_TICKS` remain; other dates keep matplotlib's locator.
    """
    import matplotlib.dates as mdates
    from matplotlib.ticker import FixedFormatter, FixedLocator

    index = pd.DatetimeIndex(index).dropna()
    code = str(freq).upper() if freq else _infer_freq(index)
    if not len(index) or not code or not code.startswith(("Y", "A", "Q", "M")):
        return
    periods = pd.date_range(index.min(), index.max(), freq=_frequency._offset(
        "YS" if code.startswith(("Y", "A")) else code[:2]))
    step = int(np.ceil(len(periods) / MAX_DATE_TICKS))
    shown = periods[::step]
    ax.xaxis.set_major_locator(FixedLocator(mdates.date2num(shown.to_pydatetime())))
    ax.xaxis.set_major_formatter(FixedFormatter([_period_label(p, code) for p in shown]))
    ax.xaxis.set_minor_locator(FixedLocator([]))


def _documents_per_period(coverage) -> Optional[pd.Series]:
    if coverage is None:
        return None
    if isinstance(coverage, pd.DataFrame):
        return coverage.sum(axis=1)
    if isinstance(coverage, pd.Series):
        return coverage
    raise TypeError(f"coverage must be a DataFrame or Series of document counts, got {type(coverage).__name__}")


# --------------------------------------------------------------------------- calls
def calls_heatmap(freq_frame: pd.DataFrame, coverage=None, ax=None, top: Optional[int] = 15,
                  annotate: bool = True, cmap: str = "Blues", colorbar: bool = True,
                  sparse_below: Optional[int] = None):
    """Calls by group (rows) and period (columns), with the source's coverage.

    Parameters
    ----------
    freq_frame : DataFrame
        The output of :func:`diplo_analysis.frequency.call_frequency`
        (periods x groups; NaN for periods without documents).
    coverage : DataFrame or Series, optional
        Documents per period (by publisher, or in total); defaults to
        ``freq_frame.attrs["coverage"]``.  Each column's tick label then
        reads ``"<period>\\n<n> docs"``.
    ax : Axes, optional
        Drawn on a new figure when None.
    top : int or None, default 15
        Show the ``top`` groups with most calls in total (ties by name); None: all.
    annotate : bool, default True
        Write the number of calls in each cell with at least one call.
    cmap : str, default "Blues"
    colorbar : bool, default True
    sparse_below : int, optional
        Periods with documents but fewer than this many are dotted over (a
        sparse crawl: a low count there says little); needs coverage.

    Returns
    -------
    Axes
        One image (``ax.images[0]``), one hatched grey :class:`~matplotlib.patches.Rectangle`
        in ``ax.patches`` per cell without coverage (NaN), one dotted
        Rectangle per sparse period (``sparse_below``), one text per annotated cell.
        A part-period (``freq_frame.attrs["covered"]``: less than
        :data:`~diplo_analysis.frequency.PART_PERIOD_BELOW` of it covered by
        the counted sides) gets an unfilled Rectangle hatched
        :data:`PART_HATCH` over its column and a last tick-label line saying
        which part is covered (``"Jan–Jun only"``).
    """
    if not isinstance(freq_frame, pd.DataFrame) or not isinstance(freq_frame.index, pd.DatetimeIndex):
        raise TypeError("calls_heatmap expects the DataFrame of call_frequency (a DatetimeIndex of periods)")
    if freq_frame.shape[1] == 0:
        raise ValueError("calls_heatmap: the frequency frame has no group column (no calls counted)")
    totals = freq_frame.sum(axis=0, skipna=True)
    order = sorted(totals.index, key=lambda g: (-totals[g], str(g)))
    if top is not None:
        order = order[:top]
    data = freq_frame[order].T  # groups x periods
    docs = _documents_per_period(coverage if coverage is not None else freq_frame.attrs.get("coverage"))
    ax = _axes(ax, figsize=(max(6, 0.55 * data.shape[1] + 2), max(3, 0.35 * data.shape[0] + 1.5)))
    values = np.ma.masked_invalid(data.to_numpy(dtype=float))
    image = ax.imshow(values, aspect="auto", cmap=cmap, interpolation="nearest",
                      vmin=0, vmax=max(1.0, float(np.nanmax(data.to_numpy(dtype=float), initial=0))))
    n_rows, n_cols = data.shape
    for i in range(n_rows):
        for j in range(n_cols):
            v = data.iat[i, j]
            if pd.isna(v):
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, **GAP_STYLE))
            elif annotate and v > 0:
                dark = v > 0.6 * image.norm.vmax
                ax.text(j, i, f"{int(v)}", ha="center", va="center", fontsize=8,
                        color="white" if dark else "black")
    if sparse_below is not None:
        if docs is None:
            raise ValueError("sparse_below needs coverage (pass coverage= or use call_frequency's output)")
        for j, p in enumerate(data.columns):
            n = docs.get(p, 0)
            if 0 < n < sparse_below:
                ax.add_patch(Rectangle((j - 0.5, -0.5), 1, n_rows, fill=False, hatch="..",
                                       edgecolor="0.55", linewidth=0.0))
    freq = freq_frame.attrs.get("freq")
    covered = freq_frame.attrs.get("covered")
    part = _frequency._part_periods(covered.reindex(data.columns)) if covered is not None else None
    labels = []
    for j, p in enumerate(data.columns):
        label = _period_label(p, freq)
        if docs is not None:
            n = docs.get(p, 0)
            label += f"\n{int(n) if pd.notna(n) else 0} docs"
        if part is not None and p in part.index:
            label += "\n" + _frequency.part_label(part.at[p, "start"], part.at[p, "end"], freq)
            ax.add_patch(Rectangle((j - 0.5, -0.5), 1, n_rows, fill=False, hatch=PART_HATCH,
                                   edgecolor="0.55", linewidth=0.0))
        labels.append(label)
    ax.set_xticks(range(n_cols), labels, rotation=90 if n_cols > 12 else 0, fontsize=8)
    ax.set_yticks(range(n_rows), [str(g) for g in data.index], fontsize=8)
    by = freq_frame.attrs.get("by", freq_frame.columns.name or "group")
    ax.set_ylabel(str(by))
    note = "hatched: no documents in the source" + (f"; dotted: < {sparse_below} documents" if sparse_below else "")
    if part is not None and len(part):
        note += "; lined: part of the period only"
    ax.set_title(f"Calls by {by} and period ({note})")
    if colorbar:
        ax.figure.colorbar(image, ax=ax, label="calls", fraction=0.04, pad=0.02)
    return ax


def pair_timeline(readouts_or_gaps: pd.DataFrame, host: str, counterpart: str, ax=None, bursts=None,
                  window_days: int = 30, min_calls: int = 2, by: str = "counterparts"):
    """One pair's calls on a time axis, by medium, with bursts highlighted.

    Parameters
    ----------
    readouts_or_gaps : DataFrame
        The readouts frame, or the output of :func:`~diplo_analysis.frequency.call_gaps`
        (which has a ``pair`` column).
    host, counterpart : str
        The two leaders (order does not matter).
    ax : Axes, optional
        Drawn on a new figure when None.
    bursts : DataFrame, optional
        The output of :func:`~diplo_analysis.frequency.bursts`; computed from
        the readouts (``window_days``, ``min_calls``, ``by``) when a readouts
        frame is given and ``bursts`` is None.
    window_days, min_calls, by
        Passed to :func:`~diplo_analysis.frequency.call_gaps` / ``bursts``.

    Returns
    -------
    Axes
        One scatter collection per medium present (labelled by medium), one
        shaded span (a patch) per burst of the pair, title ``"<a> – <b>: <n> calls"``.
    """
    frame = readouts_or_gaps
    if not isinstance(frame, pd.DataFrame):
        raise TypeError("pair_timeline expects the readouts frame or the output of call_gaps")
    if "pair" in frame.columns:
        gaps = frame
    else:
        gaps = _frequency.call_gaps(frame, by=by)
        if bursts is None:
            bursts = _frequency.bursts(frame, window_days=window_days, min_calls=min_calls, by=by)
    pair = _frequency._PAIR_SEP.join(sorted((str(host), str(counterpart))))
    calls = gaps.loc[gaps["pair"] == pair]
    if calls.empty:
        raise ValueError(f"no call between {host!r} and {counterpart!r} in the frame")
    ax = _axes(ax, figsize=(9, 2.2))
    if bursts is not None and len(bursts):
        for _, b in bursts.loc[bursts["pair"] == pair].iterrows():
            ax.axvspan(b["start"] - pd.Timedelta(days=1), b["end"] + pd.Timedelta(days=1),
                       color="tab:red", alpha=0.18, linewidth=0)
    for medium in _frequency.MEDIA:
        sub = calls.loc[calls["medium"] == medium]
        if len(sub):
            marker, color = MEDIUM_MARKERS[medium]
            ax.scatter(sub["date"], np.zeros(len(sub)), marker=marker, color=color, s=40, label=medium, zorder=3)
    ax.set_yticks([])
    ax.set_ylim(-1, 1)
    a, b = pair.split(_frequency._PAIR_SEP)
    ax.set_title(f"{a} – {b}: {len(calls)} calls")
    handles, labels = ax.get_legend_handles_labels()
    if bursts is not None and len(bursts.loc[bursts["pair"] == pair]):
        handles.append(Patch(color="tab:red", alpha=0.18))
        labels.append(f"burst (≥{bursts.attrs.get('min_calls', min_calls)} calls in "
                      f"{bursts.attrs.get('window_days', window_days)} days)")
    ax.legend(handles, labels, loc="upper left", fontsize=8, ncols=len(labels), frameon=False)
    return ax


# --------------------------------------------------------------------------- topics
def topic_prevalence(prevalence: pd.DataFrame, ax=None, top: Optional[int] = 8, kind: str = "area",
                     labels: Optional[dict] = None, min_documents: int = 1):
    """Topic prevalence over time, labelled by each topic's keywords.

    Parameters
    ----------
    prevalence : DataFrame
        The output of :meth:`diplo_analysis.topics.TopicModel.prevalence`
        (periods x topics, rows summing to 1, NaN rows for periods without documents).
    ax : Axes, optional
        Drawn on a new figure when None.
    top : int or None, default 8
        The ``top`` topics by mean prevalence are drawn (the rest form one
        grey band "other topics" in the area plot); None: all.
    kind : {"area", "line"}, default "area"
        Stacked areas or one line per topic.
    labels : dict, optional
        Topic -> label; defaults to ``prevalence.attrs["labels"]``.
    min_documents : int, default 1
        Periods with fewer readouts (``prevalence.attrs["n_documents"]``) are
        not drawn but dotted over: shares of a handful of readouts swing
        wildly (the Kremlin corpus has 1 document in 2015; try 20).

    Returns
    -------
    Axes
        ``"area"``: one stacked band (PolyCollection) per shown topic and per
        run of covered periods, plus the "other topics" band; ``"line"``: one
        line per shown topic.  Periods without documents are hatched grey
        spans (patches), periods below ``min_documents`` dotted spans.
        Legend entries read ``"<topic>: <keywords>"``.
    """
    if not isinstance(prevalence, pd.DataFrame) or not isinstance(prevalence.index, pd.DatetimeIndex):
        raise TypeError("topic_prevalence expects the DataFrame of TopicModel.prevalence (a DatetimeIndex)")
    if kind not in ("area", "line"):
        raise ValueError(f"kind must be 'area' or 'line', got {kind!r}")
    labels = labels if labels is not None else prevalence.attrs.get("labels", {})
    means = prevalence.mean(axis=0, skipna=True)
    order = sorted(prevalence.columns, key=lambda t: (-means[t], str(t)))
    shown = order[:top] if top is not None else order
    names = [f"{t}: {labels.get(t, '')}".rstrip(": ") for t in shown]
    ax = _axes(ax, figsize=(10, 4.5))
    x = prevalence.index
    empty = prevalence.isna().all(axis=1).to_numpy()
    counts = prevalence.attrs.get("n_documents")
    sparse = np.zeros(len(x), dtype=bool)
    if min_documents > 1:
        if counts is None:
            raise ValueError("min_documents needs prevalence.attrs['n_documents'] (TopicModel.prevalence sets it)")
        sparse = ~empty & (pd.Series(counts).reindex(x).fillna(0).to_numpy() < min_documents)
    missing = empty | sparse
    step = (x[1] - x[0]) if len(x) > 1 else pd.Timedelta(days=365)
    for i in np.flatnonzero(empty):
        ax.axvspan(x[i] - step / 2, x[i] + step / 2, **GAP_STYLE)
    for i in np.flatnonzero(sparse):
        ax.axvspan(x[i] - step / 2, x[i] + step / 2, facecolor="none", edgecolor="0.6", hatch="..", linewidth=0.0)
    if kind == "line" and sparse.any():
        prevalence = prevalence.mask(pd.Series(sparse, index=x), np.nan)
    colors = plt.get_cmap("tab20").colors
    if kind == "line":
        for t, name, color in zip(shown, names, colors):
            ax.plot(x, prevalence[t].to_numpy(dtype=float), marker="o", ms=3, label=name, color=color)
    else:
        other = prevalence.drop(columns=shown).sum(axis=1, min_count=1) if len(shown) < len(order) else None
        runs, start = [], None
        for i, gap in enumerate(list(missing) + [True]):
            if not gap and start is None:
                start = i
            elif gap and start is not None:
                runs.append((start, i))
                start = None
        for k, (s, e) in enumerate(runs):
            ys = [prevalence[t].iloc[s:e].to_numpy(dtype=float) for t in shown]
            cols = list(colors[:len(shown)])
            lab = names if k == 0 else [None] * len(shown)
            if other is not None:
                ys.append(other.iloc[s:e].to_numpy(dtype=float))
                cols.append("0.8")
                lab = lab + ["other topics" if k == 0 else None]
            xs = x[s:e]
            if e - s == 1:  # a lone covered period: a block one period wide, not an invisible sliver
                xs = pd.DatetimeIndex([xs[0] - step * 0.4, xs[0] + step * 0.4])
                ys = [np.repeat(y, 2) for y in ys]
            ax.stackplot(xs, *ys, colors=cols, labels=[x if x is not None else "_nolegend_" for x in lab])
        ax.set_ylim(0, 1)
    ax.set_ylabel("share of readouts" if prevalence.attrs.get("how", "share") == "share" else "mean topic weight")
    note = "hatched: no documents" + (f"; dotted: < {min_documents} documents" if sparse.any() else "")
    ax.set_title(f"Topic prevalence over time ({note})")
    _date_ticks(ax, x)  # yearly data: one tick a year, labelled by the year
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    return ax


# --------------------------------------------------------------------------- tone
def sentiment_over_time(frame: pd.DataFrame, by: Optional[str] = None, freq: str = "YS", ax=None,
                        min_count: int = 1, column: Optional[str] = None):
    """Mean sentiment per period (and group) over time.

    Parameters
    ----------
    frame : DataFrame
        One row per readout with ``date`` and a score: ``sentiment``, or
        ``mean_sentiment`` as :func:`diplo_analysis.tone.tone_by_readout`
        returns it (merge it with the readouts' dates; no renaming needed),
        and the ``by`` column when given.
    by : str, optional
        A group column (``publisher``, ``counterpart_country``...): one line per value.
    freq : str, default "YS"
        Period, labelled by its start (as in :func:`~diplo_analysis.frequency.call_frequency`).
    ax : Axes, optional
        Drawn on a new figure when None.
    min_count : int, default 1
        Periods with fewer scored readouts in a group are left blank.
    column : str, optional
        The score column; default ``sentiment`` when the frame has it, else
        ``mean_sentiment``.

    Returns
    -------
    Axes
        One line per group (one line when ``by`` is None) with a point per
        period (NaN breaks the line where a period has no readout), plus a
        dashed grey reference line at 0 (the last line).  Legend labels are
        the group values.  The x axis has one tick per period (thinned to at
        most 25), labelled ``"2022"`` for years, ``"2022 Q3"``, ``"2022-06"``.
    """
    if column is None:
        column = "sentiment" if "sentiment" in frame.columns or "mean_sentiment" not in frame.columns \
            else "mean_sentiment"
    needed = ["date", column] + ([by] if by else [])
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise KeyError(f"sentiment_over_time: the frame has no column(s) {missing} "
                       "(the score is 'sentiment' or 'mean_sentiment', as tone_by_readout returns it)")
    rows = frame.loc[frame["date"].notna() & frame[column].notna()].rename(columns={column: "_score"})
    periods = _frequency._period_start(rows["date"], freq)
    index = _frequency._period_range(periods, freq)
    groups = [None] if by is None else sorted(rows[by].dropna().astype("object").unique(), key=str)
    ax = _axes(ax, figsize=(9, 4))
    for g in groups:
        sel = rows if g is None else rows.loc[rows[by].astype("object") == g]
        p = periods.loc[sel.index]
        stats = sel["_score"].groupby(p).agg(["mean", "size"])
        means = stats["mean"].where(stats["size"] >= min_count).reindex(index)
        ax.plot(index, means.to_numpy(dtype=float), marker="o", ms=4,
                label="all readouts" if g is None else str(g))
    ax.axhline(0, color="0.5", linestyle="--", linewidth=0.8)
    ax.set_ylabel("mean sentiment")
    ax.set_title("Mean sentiment per period" + (f" by {by}" if by else ""))
    _date_ticks(ax, index, freq)
    if by is not None:
        ax.legend(fontsize=8, frameon=False, loc="best")
    return ax


def pair_asymmetry(comparison, ax=None, n: int = 10, z_min: float = 0.0):
    """Diverging bars: the words each side of a pair stresses that the other does not.

    Parameters
    ----------
    comparison : diplo_analysis.pairs.PairComparison
        From :func:`diplo_analysis.pairs.compare_pair`; drawn from its
        ``keywords`` (keyness z) via ``comparison.distinctive``.
    ax : matplotlib Axes, optional
        Drawn on ``ax``, else on a new figure.
    n : int, default 10
        Words per side.
    z_min : float, default 0.0
        Words need z > z_min (A) or z < -z_min (B).

    Returns
    -------
    matplotlib.axes.Axes
        One horizontal bar per word, width = keyness z: A's words point right
        (blue, most distinctive on top), B's left (red, most distinctive at the
        bottom); y tick labels are the words; the x label names both publishers.
    """
    if not hasattr(comparison, "keywords") or not hasattr(comparison, "distinctive"):
        raise TypeError("pair_asymmetry expects a PairComparison (from diplo_analysis.pairs.compare_pair)")
    ax = _axes(ax, (7, 0.35 * 2 * n + 1.5))
    z_of = comparison.keywords.set_index("word")["z"]
    words_a = comparison.distinctive("a", n, z_min=z_min)
    words_b = comparison.distinctive("b", n, z_min=z_min)
    words = list(words_b) + list(reversed(words_a))
    z = [float(z_of[w]) for w in words]
    y = np.arange(len(words))
    ax.barh(y, z, color=["tab:red" if v < 0 else "tab:blue" for v in z])
    ax.set_yticks(y)
    ax.set_yticklabels(words)
    ax.axvline(0, color="black", linewidth=0.8)
    name_a = comparison.publisher_a or comparison.id_a
    name_b = comparison.publisher_b or comparison.id_b
    ax.set_xlabel("keyness z (log-odds ratio, Dirichlet prior)")
    ax.legend(handles=[Patch(color="tab:blue", label=f"A: {name_a}"), Patch(color="tab:red", label=f"B: {name_b}")],
              fontsize=8, frameon=False, loc="lower center", bbox_to_anchor=(0.5, 1.06), ncol=1)
    ax.set_title("What each side stresses that the other does not")
    return ax


__all__.append("pair_asymmetry")
