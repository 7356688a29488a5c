"""Call frequency, coverage, gaps, bursts and rankings on small hand-made frames."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from diplo_analysis.frequency import bursts, call_frequency, call_gaps, counterpart_ranking, coverage


from _frames import frame


P = "Vladimir Putin"
ROWS = [
    ("2016-03-01", "phone", P, ["Xi Jinping"], ["CHN"]),
    ("2016-05-01", "phone", P, ["Angela Merkel", "Emmanuel Macron"], ["DEU", "FRA"]),
    ("2016-06-01", "in_person", P, ["Xi Jinping"], ["CHN"]),
    ("2016-07-01", "other", P, [], []),
    # 2017: no document at all (a crawl gap)
    ("2018-02-01", "video", P, ["Xi Jinping"], ["CHN"]),
    ("2018-02-10", "phone", P, ["Xi Jinping"], ["CHN"]),
    ("2018-04-01", "phone", P, ["Angela Merkel"], ["DEU"]),
    ("2018-05-01", "other", P, [], []),
    (None, "phone", P, ["Xi Jinping"], ["CHN"]),            # undated: not counted
    ("2019-01-05", "other", P, [], []),                      # 2019 covered, no call
    ("2019-03-01", "phone", P, [], []),                      # a call with no known counterpart
]


@pytest.fixture
def readouts():
    return frame(ROWS)


def test_multi_counterpart_call_counts_once_for_each(readouts):
    freq = call_frequency(readouts, by="counterpart_countries")
    y2016 = freq.loc[pd.Timestamp("2016-01-01")]
    assert y2016["DEU"] == 1 and y2016["FRA"] == 1
    assert y2016["CHN"] == 1  # the in-person meeting is not a call
    # by the first counterpart only, France is not counted
    first = call_frequency(readouts, by="counterpart_country")
    assert "FRA" not in first.columns
    assert list(freq.columns) == sorted(freq.columns)


def test_gap_years_are_nan_and_covered_years_zero(readouts):
    freq = call_frequency(readouts, by="counterpart_country")
    assert list(freq.index) == [pd.Timestamp(f"{y}-01-01") for y in range(2016, 2020)]
    assert freq.loc["2017-01-01"].isna().all()           # no document: unknown
    assert freq.loc[pd.Timestamp("2019-01-01"), "CHN"] == 0  # documents, no call: zero
    assert freq.loc[pd.Timestamp("2018-01-01"), "CHN"] == 2
    cov = freq.attrs["coverage"]
    assert cov.loc[pd.Timestamp("2017-01-01"), "Kremlin"] == 0
    assert cov.loc[pd.Timestamp("2016-01-01"), "Kremlin"] == 4   # all media counted


def test_undated_and_ungrouped_rows_reported(readouts):
    freq = call_frequency(readouts, by="counterpart_country")
    assert freq.attrs["n_undated"] == 1
    assert freq.attrs["n_without_group"] == 1
    assert np.nansum(freq.to_numpy()) == 5  # 2016: CHN, DEU; 2018: CHN x2, DEU


def test_by_scalar_columns_and_media(readouts):
    by_host = call_frequency(readouts, by="host")
    assert list(by_host.columns) == [P]
    assert by_host[P].tolist()[:1] == [2.0] and by_host.loc["2019-01-01", P] == 1
    by_name = call_frequency(readouts, by="counterparts", media=("phone",))
    assert by_name.loc[pd.Timestamp("2018-01-01"), "Xi Jinping"] == 1  # the video call is left out
    with_meetings = call_frequency(readouts, by="counterpart", media=("phone", "video", "in_person"))
    assert with_meetings.loc[pd.Timestamp("2016-01-01"), "Xi Jinping"] == 2


def test_coverage_is_per_publisher():
    rows = [
        ("2020-02-01", "phone", P, ["Xi Jinping"], ["CHN"], "Kremlin"),
        ("2021-03-01", "phone", "Joseph R. Biden Jr.", ["Boris Johnson"], ["GBR"], "White House"),
        ("2022-03-01", "phone", P, ["Xi Jinping"], ["CHN"], "Kremlin"),
    ]
    freq = call_frequency(frame(rows), by="counterpart_country")
    # 2021: the Kremlin has no document, so China is unknown there, not zero
    assert np.isnan(freq.loc[pd.Timestamp("2021-01-01"), "CHN"])
    # 2020: the White House has no document, so Britain is unknown; 2022 likewise
    assert np.isnan(freq.loc[pd.Timestamp("2020-01-01"), "GBR"])
    assert freq.loc[pd.Timestamp("2021-01-01"), "GBR"] == 1
    cov = coverage(frame(rows), by="publisher")
    assert cov.columns.tolist() == ["Kremlin", "White House"]
    assert cov.to_numpy().tolist() == [[1, 0], [0, 1], [1, 0]]
    assert coverage(frame(rows), by=None)["documents"].tolist() == [1, 1, 1]
    # restricted to one publisher, the other's years are outside the range or NaN
    kremlin = call_frequency(frame(rows), publisher="Kremlin")
    assert kremlin["CHN"].tolist()[0] == 1 and np.isnan(kremlin["CHN"].tolist()[1])


def test_monthly_periods_and_bad_input(readouts):
    freq = call_frequency(readouts, by="counterpart_country", freq="MS")
    assert freq.index[0] == pd.Timestamp("2016-03-01")
    assert freq.loc[pd.Timestamp("2018-02-01"), "CHN"] == 2
    assert freq.index.freq is None or freq.index.freqstr == "MS"
    with pytest.raises(ValueError, match="start"):
        call_frequency(readouts, freq="YE")
    with pytest.raises(KeyError, match="no_such"):
        call_frequency(readouts, by="no_such")
    with pytest.raises(ValueError, match="medium"):
        call_frequency(readouts, media=("telegram",))


def test_call_gaps_pairs_are_order_insensitive():
    rows = [
        ("2020-01-01", "phone", P, ["Xi Jinping"], ["CHN"], "Kremlin"),
        ("2020-01-11", "phone", "Xi Jinping", [P], ["RUS"], "MFA China"),
        ("2020-03-01", "video", P, ["Xi Jinping", "Narendra Modi"], ["CHN", "IND"], "Kremlin"),
        ("2020-03-05", "in_person", P, ["Xi Jinping"], ["CHN"], "Kremlin"),
    ]
    gaps = call_gaps(frame(rows))
    xi = gaps.loc[gaps["pair"] == "Vladimir Putin | Xi Jinping"]
    assert xi["gap_days"].tolist()[1:] == [10.0, 50.0]
    assert np.isnan(xi["gap_days"].iloc[0]) and pd.isna(xi["previous_date"].iloc[0])
    assert xi["previous_date"].iloc[2] == pd.Timestamp("2020-01-11")
    assert set(gaps["pair"]) == {"Vladimir Putin | Xi Jinping", "Narendra Modi | Vladimir Putin"}
    assert {"host", "counterpart", "date", "previous_date", "gap_days", "readout_id"} <= set(gaps.columns)
    # host filter keeps one side only
    assert len(call_gaps(frame(rows), host=P)) == 3


def test_bursts_window_boundary_is_inclusive():
    rows = [
        ("2020-01-01", "phone", P, ["Xi Jinping"], ["CHN"]),
        ("2020-01-31", "phone", P, ["Xi Jinping"], ["CHN"]),   # exactly 30 days later
        ("2020-03-01", "phone", P, ["Xi Jinping"], ["CHN"]),   # 30 days after 2020-01-31 but a new run
        ("2020-06-01", "phone", P, ["Xi Jinping"], ["CHN"]),
        ("2020-06-02", "phone", P, ["Angela Merkel"], ["DEU"]),
    ]
    b = bursts(frame(rows), window_days=30, min_calls=2)
    assert len(b) == 1
    assert b.loc[0, "start"] == pd.Timestamp("2020-01-01") and b.loc[0, "end"] == pd.Timestamp("2020-01-31")
    assert b.loc[0, "n_calls"] == 2 and b.loc[0, "readout_ids"] == [f"{0:016x}", f"{1:016x}"]
    assert bursts(frame(rows), window_days=29, min_calls=2).empty
    three = bursts(frame(rows), window_days=60, min_calls=3)
    assert three["n_calls"].tolist() == [3]
    assert {"host", "counterpart", "start", "end", "n_calls", "readout_ids"} <= set(b.columns)


def test_ranking_and_change():
    rows = [("2018-02-01", "phone", P, ["A"], ["CHN"]), ("2018-03-01", "phone", P, ["A"], ["CHN"]),
            ("2018-04-01", "phone", P, ["B"], ["DEU"]),
            ("2019-02-01", "phone", P, ["B"], ["DEU"]), ("2019-03-01", "phone", P, ["B"], ["DEU"]),
            ("2019-04-01", "phone", P, ["A"], ["CHN"]), ("2019-05-01", "phone", P, ["C"], ["FRA"]),
            ("2021-02-01", "phone", P, ["C"], ["FRA"])]
    r = counterpart_ranking(frame(rows), top=10)
    y19 = r.loc[r["period"] == pd.Timestamp("2019-01-01")].set_index("counterpart_countries")
    assert y19.loc["DEU", "rank"] == 1 and y19.loc["DEU", "previous_rank"] == 2
    assert y19.loc["DEU", "rank_change"] == 1
    assert y19.loc["CHN", "rank"] == 2 and y19.loc["CHN", "rank_change"] == -1
    assert y19.loc["FRA", "rank"] == 2 and np.isnan(y19.loc["FRA", "previous_rank"])  # tie, new entry
    # 2020 has no document at all: no rows, and 2021's change is unknown
    assert pd.Timestamp("2020-01-01") not in set(r["period"])
    y21 = r.loc[r["period"] == pd.Timestamp("2021-01-01")]
    assert y21["previous_rank"].isna().all()
    top1 = counterpart_ranking(frame(rows), top=1)
    assert top1.groupby("period")["rank"].max().tolist() == [1, 1, 1]
