"""The shipped sample, end to end through the real loader and metadata (issue 2's first bar)."""

from __future__ import annotations

import pandas as pd

import diplo_analysis as da


def test_sample_readout_loads_with_its_facts(sample_path):
    df = da.load_readouts(sample_path.parent)
    assert len(df) == 1 and df.attrs["rejects"].empty
    row = df.iloc[0]
    assert row["date"] == pd.Timestamp("2020-04-16")
    assert not row["date_inferred"]  # the year is read from the sidecar, not guessed
    assert row["medium"] == "phone"
    assert (row["host"], row["host_country"]) == ("Xi Jinping", "CHN")
    assert (row["counterparts"], row["counterpart_countries"]) == (["Vladimir Putin"], ["RUS"])
    assert (row["counterpart"], row["counterpart_country"]) == ("Vladimir Putin", "RUS")
    assert row["publisher"].startswith("Ministry of Foreign Affairs")
    assert "<Suggest to a friend>" not in row["text"] and not row["text"].startswith("Home >")


def test_sample_without_its_sidecar_has_no_year_and_says_so(sample_path, tmp_path):
    copy = tmp_path / sample_path.name
    copy.write_bytes(sample_path.read_bytes())
    row = da.load_readouts(copy).iloc[0]
    # "on the evening of 16 April" alone allows several years (Xi and Putin have both
    # been in office for many): the date is either unknown or explicitly inferred.
    assert pd.isna(row["date"]) or bool(row["date_inferred"])
    assert row["medium"] == "phone" and row["counterpart_country"] == "RUS"


def test_sample_statements_and_tone(sample_path):
    df = da.load_readouts(sample_path.parent)
    st = da.statements(df)
    sides = st.groupby("paragraph")["speaker_side"].agg(lambda s: set(s.dropna()))
    # paragraph 1 narrates the call; Xi speaks in 2-4, Putin in 5; both agree in 6
    assert sides.loc[1] == set()
    assert all(sides.loc[p] == {"host"} for p in (2, 3, 4))
    assert sides.loc[5] == {"counterpart"}
    assert sides.loc[6] == {"both"}
    tone = da.sentiment(st)
    assert tone.index.equals(st.index)
    assert tone["sentiment"].between(-1, 1).all()
    # the readout is warm overall, and Putin's "is unacceptable" sentence is conflictual
    assert tone["sentiment"].mean() > 0
    unacceptable = st["text"].str.contains("unacceptable")
    assert (tone.loc[unacceptable, "sentiment_label"] == "conf").all()
