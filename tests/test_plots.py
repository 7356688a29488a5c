"""What each figure draws, on small hand-made frames."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from diplo_analysis import plots  # noqa: E402
from diplo_analysis.frequency import bursts, call_frequency, call_gaps  # noqa: E402
from diplo_analysis.records import CoverageWarning  # noqa: E402

from _frames import frame  # noqa: E402


P, X = "Vladimir Putin", "Xi Jinping"


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def readouts():
    return frame([
        ("2016-03-01", "phone", P, [X], ["CHN"]),
        ("2016-03-20", "video", P, [X], ["CHN"]),
        ("2016-05-01", "phone", P, ["Angela Merkel"], ["DEU"]),
        ("2016-07-01", "other", P, [], []),
        ("2018-02-01", "phone", P, [X], ["CHN"]),
        ("2018-04-01", "in_person", P, [X], ["CHN"]),
        ("2018-06-01", "phone", P, ["Emmanuel Macron"], ["FRA"]),
        ("2019-01-01", "other", P, [], []),
    ])


def test_calls_heatmap_rows_columns_and_gaps(readouts):
    with pytest.warns(CoverageWarning, match="2016 .Mar–Dec only"):
        freq = call_frequency(readouts)
    fig, given = plt.subplots()
    ax = plots.calls_heatmap(freq, ax=given, colorbar=False)
    assert ax is given
    assert [t.get_text() for t in ax.get_yticklabels()] == ["CHN", "DEU", "FRA"]  # most calls first
    xlabels = [t.get_text() for t in ax.get_xticklabels()]
    # the documents run from 1 March 2016 to 1 January 2019: both ends are part-years
    assert xlabels == ["2016\n4 docs\nMar–Dec only", "2017\n0 docs", "2018\n3 docs", "2019\n1 docs\nJan only"]
    hatched = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch() == plots.GAP_STYLE["hatch"]]
    assert len(hatched) == 3 and {p.get_x() for p in hatched} == {0.5}  # the 2017 column, 3 rows
    assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "1", "2"]  # CHN 2016 has 2
    assert ax.images[0].get_array().shape == (3, 4)
    sparse = plots.calls_heatmap(freq, colorbar=False, sparse_below=2)
    dotted = [p for p in sparse.patches if p.get_hatch() == ".."]
    assert len(dotted) == 1 and dotted[0].get_x() == 2.5  # 2019: 1 document
    top1 = plots.calls_heatmap(freq, top=1, annotate=False)
    assert top1 is not given and len(top1.get_yticklabels()) == 1 and not top1.texts


def test_pair_timeline_media_and_bursts(readouts):
    ax = plots.pair_timeline(readouts, X, P)  # order-insensitive
    labels = sorted(c.get_label() for c in ax.collections)
    assert labels == ["phone", "video"]
    phone = next(c for c in ax.collections if c.get_label() == "phone")
    assert len(phone.get_offsets()) == 2
    spans = [p for p in ax.patches]
    assert len(spans) == 1  # the two calls of March 2016 form one burst
    assert ax.get_title() == f"{P} – {X}: 3 calls"
    gaps = call_gaps(readouts)
    fig, given = plt.subplots()
    out = plots.pair_timeline(gaps, P, X, ax=given, bursts=bursts(readouts, window_days=5))
    assert out is given and len(out.patches) == 0
    with pytest.raises(ValueError, match="no call"):
        plots.pair_timeline(readouts, P, "Nobody")


def _prevalence():
    idx = pd.DatetimeIndex(pd.to_datetime(["2016-01-01", "2017-01-01", "2018-01-01", "2019-01-01"]), name="period")
    prev = pd.DataFrame({0: [0.5, np.nan, 0.2, 0.1], 1: [0.3, np.nan, 0.5, 0.6], 2: [0.2, np.nan, 0.3, 0.3]},
                        index=idx)
    prev.attrs["labels"] = {0: "gas / oil / pipeline", 1: "troops / army / navy", 2: "theatre / museum / film"}
    return prev


def test_topic_prevalence_area_and_lines():
    prev = _prevalence()
    fig, given = plt.subplots()
    ax = plots.topic_prevalence(prev, ax=given, top=2)
    assert ax is given
    # 2 shown topics + "other topics", drawn for each of the two covered runs (2016; 2018-2019)
    bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert len(bands) == 6
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["1: troops / army / navy", "0: gas / oil / pipeline", "other topics"]
    assert len(ax.patches) == 1  # the 2017 gap
    assert ax.get_ylim() == (0, 1)
    prev.attrs["n_documents"] = pd.Series([40, 0, 3, 25], index=prev.index)
    thin = plots.topic_prevalence(prev, top=2, min_documents=5)
    assert len([c for c in thin.collections if isinstance(c, PolyCollection)]) == 6  # 2016 and 2019 runs
    assert [p.get_hatch() for p in thin.patches] == ["///", ".."]
    thin_lines = plots.topic_prevalence(prev, kind="line", top=None, min_documents=5)
    assert np.isnan(thin_lines.get_lines()[0].get_ydata()[2])  # 2018 (3 documents) not drawn
    lines = plots.topic_prevalence(prev, kind="line", top=None)
    assert len(lines.get_lines()) == 3
    lines.figure.canvas.draw()
    lo, hi = lines.get_xlim()
    years = [t.get_text() for t in lines.get_xticklabels() if lo <= t.get_position()[0] <= hi]
    assert years == ["2016", "2017", "2018", "2019"]  # yearly data, yearly ticks
    assert np.isnan(lines.get_lines()[0].get_ydata()[1])  # the gap is not a zero


def test_sentiment_over_time_groups_and_means():
    df = pd.DataFrame({
        "date": pd.to_datetime(["2019-02-01", "2019-06-01", "2020-03-01", "2019-05-01", "2021-01-01", None]),
        "sentiment": [0.2, 0.4, -0.1, 0.5, 0.3, 0.9],
        "publisher": ["Kremlin", "Kremlin", "Kremlin", "White House", "White House", "Kremlin"],
    })
    fig, given = plt.subplots()
    ax = plots.sentiment_over_time(df, by="publisher", ax=given)
    assert ax is given
    lines = ax.get_lines()
    assert len(lines) == 3  # two groups + the zero line
    kremlin = lines[0]
    assert kremlin.get_label() == "Kremlin"
    np.testing.assert_allclose(kremlin.get_ydata()[:2], [0.3, -0.1])
    assert np.isnan(kremlin.get_ydata()[2])  # no Kremlin readout in 2021
    assert list(lines[2].get_ydata()) == [0, 0]
    one = plots.sentiment_over_time(df)
    np.testing.assert_allclose(one.get_lines()[0].get_ydata(), [np.mean([0.2, 0.4, 0.5]), -0.1, 0.3])
    with pytest.raises(KeyError, match="sentiment"):
        plots.sentiment_over_time(df.drop(columns="sentiment"))


def _tick_labels(ax):
    """The x tick labels as drawn (inside the view)."""
    ax.figure.canvas.draw()
    lo, hi = ax.get_xlim()
    return [t.get_text() for t in ax.get_xticklabels() if lo <= t.get_position()[0] <= hi]


def test_calls_heatmap_marks_a_part_year():
    # Kremlin documents from 1 January 2021 to 24 June 2022: 2022 is a part-year
    part = frame([("2021-01-01", "other", P, [], []), ("2021-05-01", "phone", P, [X], ["CHN"]),
                  ("2021-12-31", "phone", P, ["Angela Merkel"], ["DEU"]),
                  ("2022-02-01", "phone", P, [X], ["CHN"]), ("2022-06-24", "other", P, [], [])])
    with pytest.warns(CoverageWarning, match="2022"):
        freq = call_frequency(part, host=P)
    ax = plots.calls_heatmap(freq, colorbar=False)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2021\n3 docs", "2022\n2 docs\nJan–Jun only"]
    lined = [p for p in ax.patches if p.get_hatch() == plots.PART_HATCH]
    assert len(lined) == 1 and lined[0].get_x() == 0.5 and lined[0].get_height() == 2  # the 2022 column, both rows
    assert not lined[0].get_fill()  # the counts stay readable under it
    assert "part of the period only" in ax.get_title()
    whole = call_frequency(part.loc[part["date"] < "2022-01-01"], host=P)
    ax = plots.calls_heatmap(whole, colorbar=False)
    assert not [p for p in ax.patches if p.get_hatch() == plots.PART_HATCH]
    assert "part of the period" not in ax.get_title()


def test_sentiment_over_time_yearly_ticks_and_tone_by_readout_columns():
    # five years of readouts (as the White House's 2021-2025): one tick a year, never "2021-01 2021-07 ..."
    dates = pd.to_datetime(["2021-02-01", "2022-03-01", "2023-04-01", "2024-05-01", "2025-01-06"])
    by_readout = pd.DataFrame({"date": dates, "mean_sentiment": [0.1, 0.2, 0.3, 0.4, 0.5],
                               "counterpart_country": ["CHN", "CHN", "RUS", "RUS", "CHN"]})
    ax = plots.sentiment_over_time(by_readout, by="counterpart_country")  # tone_by_readout's column name
    assert _tick_labels(ax) == ["2021", "2022", "2023", "2024", "2025"]
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), [0.1, 0.2, np.nan, np.nan, 0.5])
    # the old name still works, and wins when both are there
    renamed = by_readout.rename(columns={"mean_sentiment": "sentiment"})
    np.testing.assert_allclose(plots.sentiment_over_time(renamed).get_lines()[0].get_ydata(), [0.1, 0.2, 0.3, 0.4, 0.5])
    both = renamed.assign(mean_sentiment=-1.0)
    assert plots.sentiment_over_time(both).get_lines()[0].get_ydata()[0] == pytest.approx(0.1)
    assert plots.sentiment_over_time(both, column="mean_sentiment").get_lines()[0].get_ydata()[0] == -1.0
    one_year = plots.sentiment_over_time(by_readout.iloc[:1])
    assert _tick_labels(one_year) == ["2021"]
    quarterly = plots.sentiment_over_time(by_readout.iloc[:2], freq="QS")
    labels = _tick_labels(quarterly)
    assert labels[0] == "2021 Q1" and labels[-1] == "2022 Q1" and len(labels) == 5
    many = pd.DataFrame({"date": pd.date_range("1960-01-01", periods=60, freq="YS"), "sentiment": 0.1})
    thinned = _tick_labels(plots.sentiment_over_time(many))
    assert len(thinned) <= plots.MAX_DATE_TICKS and thinned[:2] == ["1960", "1963"]


@pytest.mark.parametrize("n_years", [1, 2, 3, 6])
def test_topic_prevalence_yearly_ticks_whatever_the_span(n_years):
    idx = pd.date_range("2021-01-01", periods=n_years, freq="YS", name="period")
    prev = pd.DataFrame({0: np.linspace(0.2, 0.5, n_years), 1: 1 - np.linspace(0.2, 0.5, n_years)}, index=idx)
    years = [str(2021 + i) for i in range(n_years)]
    for kind in ("area", "line"):
        labels = _tick_labels(plots.topic_prevalence(prev, kind=kind))
        assert labels == years, (kind, labels)
        assert not any("-" in label for label in labels)  # no monthly ticks on yearly data
