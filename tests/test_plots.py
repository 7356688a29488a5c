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
    freq = call_frequency(readouts)
    fig, given = plt.subplots()
    ax = plots.calls_heatmap(freq, ax=given, colorbar=False)
    assert ax is given
    assert [t.get_text() for t in ax.get_yticklabels()] == ["CHN", "DEU", "FRA"]  # most calls first
    xlabels = [t.get_text() for t in ax.get_xticklabels()]
    assert xlabels == ["2016\n4 docs", "2017\n0 docs", "2018\n3 docs", "2019\n1 docs"]
    hatched = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch()]
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
