"""Frames whose ``attrs`` hold tables concatenate with ``pd.concat`` (pandas compares ``attrs`` with ``==``)."""

from __future__ import annotations

import copy
import json

import pandas as pd
import pytest
from _frames import frame

from diplo_analysis import load_readouts
from diplo_analysis._attrs import AttrsFrame, AttrsSeries, comparable
from diplo_analysis.frequency import call_frequency, counterpart_ranking

PAGE = {"title": "President Jan Roe held a phone call with Chancellor Olaf Scholz",
        "text": "On 3 May 2022, President Jan Roe of Ruritania held a telephone conversation with Chancellor "
                "Olaf Scholz of Germany. They discussed trade."}


def _jsonl(path, rows):
    path.write_text("".join(r if isinstance(r, str) else json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_two_loads_concatenate_keeping_the_listings_they_share(tmp_path):
    a = load_readouts(_jsonl(tmp_path / "a.jsonl", [{**PAGE, "url": "https://example.org/a"}]))
    b = load_readouts(_jsonl(tmp_path / "b.jsonl", [{**PAGE, "url": "https://example.org/b"}]))
    assert isinstance(a.attrs["rejects"], pd.DataFrame) and a.attrs["rejects"].empty
    both = pd.concat([a, b], ignore_index=True)  # raised "The truth value of a DataFrame is ambiguous"
    assert len(both) == 2
    assert both.attrs["rejects"].equals(a.attrs["rejects"]) and both.attrs["inputs"] == 1


def test_loads_with_different_rejects_concatenate_without_attrs(tmp_path):
    a = load_readouts(_jsonl(tmp_path / "a.jsonl", [{**PAGE, "url": "https://example.org/a"}, "{not json\n"]))
    b = load_readouts(_jsonl(tmp_path / "b.jsonl", [{**PAGE, "url": "https://example.org/b"}]))
    assert a.attrs["rejects"]["line"].tolist() == [2]
    both = pd.concat([a, b], ignore_index=True)
    assert len(both) == 2 and both.attrs == {}  # pandas keeps attrs only where all inputs have the same


@pytest.mark.filterwarnings("ignore::diplo_analysis.records.CoverageWarning")  # a partly covered year: not the point
def test_feature_frames_with_tables_in_attrs_concatenate():
    readouts = frame([("2016-03-01", "phone", "Vladimir Putin", ["Xi Jinping"], ["CHN"]),
                      ("2017-05-01", "phone", "Vladimir Putin", ["Angela Merkel"], ["DEU"])])
    freq = call_frequency(readouts)
    assert isinstance(freq.attrs["coverage"], AttrsFrame)
    assert set(pd.concat([freq, freq]).attrs) == set(freq.attrs)
    ranked = counterpart_ranking(readouts)
    assert len(pd.concat([ranked, ranked])) == 2 * len(ranked)


def test_a_table_in_attrs_is_a_dataframe_that_compares_as_one_value():
    t = AttrsFrame({"path": ["a", "b"], "line": [1, 2]})
    assert t == pd.DataFrame({"path": ["a", "b"], "line": [1, 2]})
    assert t != pd.DataFrame({"path": ["a", "b"], "line": [1, 3]})
    assert not (t == pd.Series([1, 2]))
    assert (t["line"] == 2).tolist() == [False, True]  # a column: a plain Series, element by element
    assert type(t["line"]) is pd.Series
    assert (t == 2)["line"].tolist() == [False, True]  # a scalar: element by element
    assert isinstance(t[t["line"] > 1], AttrsFrame) and isinstance(copy.deepcopy(t), AttrsFrame)
    s = AttrsSeries([1, 2])
    assert s == pd.Series([1, 2]) and s != pd.Series([2, 1]) and (s == 1).tolist() == [True, False]
    with pytest.raises(TypeError):
        hash(t)


def test_comparable_converts_tables_and_keeps_the_rest():
    attrs = comparable({"t": pd.DataFrame({"x": [1]}), "s": pd.Series([1]), "n": 3, "l": [1]})
    assert list(attrs) == ["t", "s", "n", "l"]
    assert isinstance(attrs["t"], AttrsFrame) and isinstance(attrs["s"], AttrsSeries)
    assert attrs["n"] == 3 and attrs["l"] == [1]
