"""Warnings where the data cannot answer: only the sample loaded, part-periods.

The frames are hand-made (``_frames.frame``); the sample warning is also
checked in a fresh interpreter, where "once per process" really means once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

import diplo_analysis as da
from diplo_analysis import config
from diplo_analysis.frequency import PART_PERIOD_BELOW, part_label, period_label

from _frames import frame

P = "Vladimir Putin"


# --------------------------------------------------------------------------- the sample only
@pytest.fixture
def fresh_sample_warning(monkeypatch):
    """No $DIPLO_ANALYSIS_DATA and the once-per-process flag cleared (restored afterwards)."""
    monkeypatch.delenv(config.DATA_ENV, raising=False)
    monkeypatch.setattr(config, "_sample_warned", False)


def test_sample_only_load_warns_once_naming_the_caller(fresh_sample_warning):
    with pytest.warns(da.SampleDataWarning, match=config.DATA_ENV) as caught:
        readouts = da.load_readouts()
    assert len(readouts) == 1  # the shipped sample
    [w] = [w for w in caught if issubclass(w.category, da.DataWarning)]
    assert w.filename == __file__  # stacklevel: the user's line, not the package's
    assert "load_readouts('/path/to/corpus')" in str(w.message) and "make lab" in str(w.message)
    with warnings.catch_warnings(record=True) as again:
        warnings.simplefilter("always")
        da.load_readouts()
    assert not [w for w in again if issubclass(w.category, da.DataWarning)]


def test_no_sample_warning_with_a_corpus_or_explicit_paths(fresh_sample_warning, monkeypatch, tmp_path, sample_path):
    (tmp_path / "a.txt").write_text("Putin had a telephone conversation with Xi Jinping.\n\nThey spoke.\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        da.load_readouts(sample_path)  # a path given: the user chose it
        monkeypatch.setenv(config.DATA_ENV, str(tmp_path))
        assert len(da.load_readouts()) == 2
    assert not [w for w in caught if issubclass(w.category, da.DataWarning)]
    assert config._sample_warned is False


def test_data_warnings_are_filterable_by_class(fresh_sample_warning):
    assert issubclass(da.SampleDataWarning, da.DataWarning) and issubclass(da.CoverageWarning, da.DataWarning)
    assert issubclass(da.DataWarning, UserWarning)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", category=da.DataWarning)
        da.load_readouts()
    assert caught == []


def test_sample_warning_once_per_process_in_a_script(tmp_path):
    script = tmp_path / "script.py"
    script.write_text("import diplo_analysis as da\nda.load_readouts()\nda.load_readouts()\nprint('ok')\n")
    env = {k: v for k, v in os.environ.items() if k != config.DATA_ENV}
    env["PYTHONPATH"] = os.pathsep.join([str(config.repo_root() / "src"), env.get("PYTHONPATH", "")])
    done = subprocess.run([sys.executable, "-W", "default", str(script)], capture_output=True, text=True,
                          env=env, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
    assert done.stderr.count("SampleDataWarning") == 1
    assert f"{script}:2: SampleDataWarning" in done.stderr


# --------------------------------------------------------------------------- part-periods
def test_period_coverage_is_the_share_between_first_and_last_document():
    readouts = frame([("2021-03-01", "phone", P, ["A"], ["DEU"]), ("2021-07-01", "other", P, [], []),
                      ("2023-06-30", "other", P, [], []),
                      ("2022-01-01", "phone", "Joe Biden", ["B"], ["CHN"], "White House"),
                      ("2022-12-31", "other", "Joe Biden", [], [], "White House")])
    share = da.period_coverage(readouts, by="publisher")
    assert list(share.columns) == ["Kremlin", "White House"]
    assert list(share.index.year) == [2021, 2022, 2023]
    k = share["Kremlin"]
    assert k.iloc[0] == pytest.approx(306 / 365)  # 1 March to 31 December
    assert k.iloc[1] == 0.0  # within the Kremlin's span, but not one Kremlin document in 2022
    assert k.iloc[2] == pytest.approx(181 / 365)  # 1 January to 30 June
    assert share["White House"].tolist() == [0.0, 1.0, 0.0]
    assert share.attrs["last"]["Kremlin"] == pd.Timestamp("2023-06-30")
    monthly = da.period_coverage(readouts, freq="MS", by=None)
    assert monthly.columns.tolist() == ["documents"]
    assert monthly.loc["2021-03-01", "documents"] == 1.0 and monthly.loc["2023-06-01", "documents"] == 1.0
    assert monthly.loc["2021-04-01", "documents"] == 0.0  # no document that month


def test_part_and_period_labels():
    ts = pd.Timestamp
    assert part_label(ts("2022-01-01"), ts("2022-06-24"), "YS") == "Jan–Jun only"
    assert part_label(ts("1999-12-31"), ts("1999-12-31"), "YS") == "Dec only"
    assert part_label(ts("2022-03-01"), ts("2022-03-15"), "MS") == "1–15 Mar only"
    assert part_label(ts("2022-02-27"), ts("2022-03-02"), "W-MON") == "27 Feb–2 Mar only"
    assert part_label(pd.NaT, pd.NaT, "YS") == "no documents"
    assert [period_label(ts("2022-07-01"), f) for f in ("YS", "QS", "MS", "D")] == \
        ["2022", "2022 Q3", "2022-07", "2022-07-01"]


@pytest.fixture
def part_year():
    """Kremlin documents from 1 January 2021 to 24 June 2022; White House documents through 2022."""
    return frame([("2021-01-01", "other", P, [], []), ("2021-05-01", "phone", P, ["A"], ["DEU"]),
                  ("2021-12-31", "phone", P, ["B"], ["FRA"]),
                  ("2022-02-01", "phone", P, ["A"], ["DEU"]), ("2022-03-01", "phone", P, ["B"], ["FRA"]),
                  ("2022-03-02", "phone", P, ["B"], ["FRA"]), ("2022-06-24", "other", P, [], []),
                  ("2022-01-01", "other", "Joe Biden", [], [], "White House"),
                  ("2022-12-31", "phone", "Joe Biden", ["C"], ["DEU"], "White House")])


def test_call_frequency_carries_and_warns_about_a_part_year(part_year):
    with pytest.warns(da.CoverageWarning, match=r"only part of 2022 \(Jan–Jun only: 48% of the period\)") as rec:
        freq = da.call_frequency(part_year, host=P)
    assert rec[0].filename == __file__
    covered = freq.attrs["covered"]
    assert freq.attrs["counted_sides"] == ["RUS"]
    assert covered["share"].round(3).tolist() == [1.0, round(175 / 365, 3)]
    assert covered.loc["2022-01-01", "end"] == pd.Timestamp("2022-06-24")
    assert freq.attrs["period_coverage"]["USA"].tolist() == [0.0, 1.0]
    assert covered["share"].iloc[-1] < PART_PERIOD_BELOW
    # all sides together cover 2022 whole (the White House runs to 31 December): nothing to warn about
    with warnings.catch_warnings():
        warnings.simplefilter("error", da.CoverageWarning)
        both = da.call_frequency(part_year)
    assert both.attrs["covered"]["share"].tolist() == [1.0, 1.0]
    assert both.attrs["counted_sides"] == ["RUS", "USA"]


def test_counterpart_ranking_coverage_column_and_period_dtype(part_year):
    with pytest.warns(da.CoverageWarning, match="counterpart_ranking: .*2022") as rec:
        ranking = da.counterpart_ranking(part_year, host=P)
    assert len(rec) == 1  # one warning, from the ranking (not again from its counts)
    assert ranking["period"].dtype == "datetime64[ns]"
    assert ranking["period"].dt.year.tolist() == [2021, 2021, 2022, 2022]
    assert ranking.columns.tolist() == ["period", "counterpart_countries", "calls", "rank", "previous_rank",
                                        "rank_change", "coverage"]
    assert ranking.loc[ranking["period"].dt.year == 2022, "coverage"].round(3).unique().tolist() == \
        [round(175 / 365, 3)]
    assert ranking.loc[ranking["period"].dt.year == 2021, "coverage"].unique().tolist() == [1.0]
    empty = da.counterpart_ranking(part_year, host="Nobody")
    assert empty.empty and empty["period"].dtype == "datetime64[ns]"
    assert "coverage" in empty.columns


def test_no_warning_for_a_part_period_without_ranked_calls():
    # the Kremlin's 1999 is one day (31 December) and holds no call: the ranking has no 1999 rows
    readouts = frame([("1999-12-31", "other", P, [], []), ("2000-03-01", "phone", P, ["A"], ["DEU"]),
                      ("2000-12-31", "other", P, [], [])])
    with warnings.catch_warnings():
        warnings.simplefilter("error", da.CoverageWarning)
        ranking = da.counterpart_ranking(readouts, host=P)
    assert ranking["period"].dt.year.tolist() == [2000]
    assert ranking["coverage"].tolist() == [1.0]
    with pytest.warns(da.CoverageWarning, match=r"1999 \(Dec only: <1% of the period\)"):
        da.call_frequency(readouts, host=P)  # the table has a 1999 row (0 calls), so it says so
    assert np.isclose(da.period_coverage(readouts)["Kremlin"].iloc[0], 1 / 365)
