"""Tests for diplo_analysis.concordance (kwic): keyword in context over readouts and statements.

The readouts are invented for these tests (a few sentences each, in the
genre's style); no corpus text.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

import diplo_analysis as da
from diplo_analysis.concordance import KWIC_COLUMNS, Kwic, kwic, kwic_html

TEXT_1 = (
    "Prime Minister Anna Berg held a telephone conversation with President Tomas Lind.\n\n"
    "Berg said the harbour agreement should be signed before the summer. "
    "Lind replied that the Harbour  Board had approved the new ports plan. "
    "He added that support for the fishing rights talks remained firm.\n\n"
    "The leaders agreed to meet again in the autumn."
)
TEXT_2 = (
    "President Tomas Lind spoke with Prime Minister Anna Berg.\n\n"
    "Lind strongly condemned the attack on the harbour and warned of grave consequences."
)
TEXT_3 = "Anna Berg met President Ola Sand. The two leaders discussed the weather, the railway and the U.S. tariffs."


def _frame() -> pd.DataFrame:
    rows = [
        ("a1", "Office of the Prime Minister", "https://pm.example/readouts/1?x=1&y=2", TEXT_1, "2021-03-04",
         "Anna Berg", "NOR", ["Tomas Lind"], ["SWE"], "phone"),
        ("b2", "Office of the President", None, TEXT_2, "2020-11-30", "Tomas Lind", "SWE", ["Anna Berg"], ["NOR"],
         "phone"),
        ("c3", "Office of the Prime Minister", "https://pm.example/readouts/3", TEXT_3, "2022-06-01", "Anna Berg",
         "NOR", ["Ola Sand"], ["FIN"], "in_person"),
    ]
    df = pd.DataFrame(
        [dict(zip(["readout_id", "publisher", "url", "text", "date", "host", "host_country", "counterparts",
                   "counterpart_countries", "medium"], r)) for r in rows])
    df["title"] = None
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    return df


def test_hits_carry_the_readout_facts_speaker_and_tone():
    hits = kwic(_frame(), "harbour")
    assert isinstance(hits, Kwic) and isinstance(hits, pd.DataFrame)
    assert list(hits.columns) == KWIC_COLUMNS
    # two in a1 (one "Harbour" with a capital), one in b2; none in c3; sorted by date
    assert hits["readout_id"].tolist() == ["b2", "a1", "a1"]
    assert hits["match"].tolist() == ["harbour", "harbour", "Harbour"]
    first = hits.iloc[1]
    assert first["publisher"] == "Office of the Prime Minister" and first["side"] == "NOR"
    assert first["url"] == "https://pm.example/readouts/1?x=1&y=2"
    assert first["date"] == pd.Timestamp("2021-03-04")
    assert first["speaker"] == "Anna Berg" and first["speaker_side"] == "host"
    assert first["text"][first["start"]:first["end"]] == "harbour"
    assert first["sentence"] == 2 and first["paragraph"] == 2
    # the tone is the sentence's, as da.sentiment scores it
    condemn = hits.iloc[0]
    assert condemn["sentiment_label"] == "conf" and condemn["sentiment"] < 0
    assert condemn["speaker"] == "Tomas Lind"
    expected = da.sentiment(pd.Series(hits["text"].tolist()))
    assert hits["sentiment_label"].tolist() == expected["sentiment_label"].tolist()
    assert hits.attrs == {"patterns": ["harbour"], "window": 5, "by": []}


def test_window_counts_words_and_runs_into_neighbouring_sentences():
    hits = kwic(_frame(), "harbour agreement", window=3)
    (row,) = hits.to_dict("records")
    assert row["left"] == "Berg said the" and row["right"] == "should be signed"
    wide = kwic(_frame(), "summer", window=4).iloc[0]
    # the sentence ends after the match: the right context goes on into the next sentence
    assert wide["left"] == "be signed before the"
    # the full stop stuck to the match is shown, not counted
    assert wide["right"] == ". Lind replied that the"
    start = kwic(_frame(), "Prime Minister Anna Berg held", window=3).iloc[0]
    assert start["left"] == ""  # nothing before the readout's first words
    none = kwic(_frame(), "harbour", window=0)
    assert set(none["left"]) == {""} and set(none["right"]) == {""}
    with pytest.raises(ValueError, match="window"):
        kwic(_frame(), "harbour", window=-1)
    with pytest.raises(ValueError, match="window"):
        kwic(_frame(), "harbour", window=2.5)


def test_words_match_whole_case_insensitive_and_across_spacing():
    df = _frame()
    # "port" is not found inside "support" or "ports"; a glob widens it
    assert kwic(df, "port").empty
    assert kwic(df, "port*")["match"].tolist() == ["ports"]
    assert kwic(df, "PORTS")["match"].tolist() == ["ports"]
    assert kwic(df, "port?")["match"].tolist() == ["ports"]
    # a phrase matches whatever the whitespace between its words
    assert kwic(df, "harbour board")["match"].tolist() == ["Harbour  Board"]
    assert kwic(df, "harbour", case_insensitive=False)["match"].tolist() == ["harbour", "harbour"]
    # fixed: every character literal, the boundaries hold at punctuation
    assert kwic(df, "U.S.", valuetype="fixed")["match"].tolist() == ["U.S."]
    assert kwic(df, "U*", valuetype="fixed").empty


def test_regex_patterns_and_several_patterns():
    df = _frame()
    compiled = kwic(df, re.compile(r"sup\w+"))
    assert compiled["match"].tolist() == ["support"] and compiled["pattern"].tolist() == [r"sup\w+"]
    # a str regex is case-insensitive and gets no word boundaries
    inside = kwic(df, "arbou", valuetype="regex")
    assert len(inside) == 3 and set(inside["match"]) == {"arbou"}
    # a compiled regex keeps its own flags: no IGNORECASE here
    assert kwic(df, re.compile("Harbour"))["match"].tolist() == ["Harbour"]
    both = kwic(df, ["railway", "weather"])
    assert both["pattern"].tolist() == ["weather", "railway"]  # by position in the sentence
    assert both.attrs["patterns"] == ["railway", "weather"]
    with pytest.raises(ValueError, match="not a valid regular expression"):
        kwic(df, "harbour(", valuetype="regex")
    with pytest.raises(ValueError, match="empty"):
        kwic(df, "  ")
    with pytest.raises(ValueError, match="valuetype"):
        kwic(df, "harbour", valuetype="phrase")
    with pytest.raises(TypeError, match="pattern"):
        kwic(df, 42)
    # an expression that can match nothing at all finds no word
    assert kwic(df, "z*", valuetype="regex").empty


def test_by_groups_first_and_can_add_a_readouts_column():
    df = _frame()
    hits = kwic(df, "harbour", by="side")
    assert hits["side"].tolist() == ["NOR", "NOR", "SWE"]
    assert hits["date"].is_monotonic_increasing is False  # by side first, dates within
    medium = kwic(df, ["harbour", "railway"], by="medium")
    assert "medium" in medium.columns and medium.columns.get_loc("medium") == KWIC_COLUMNS.index("url") + 1
    assert medium["medium"].tolist() == ["in_person", "phone", "phone", "phone"]
    assert medium.attrs["by"] == ["medium"]
    tone = kwic(df, "harbour", by=["sentiment_label"])
    assert tone["sentiment_label"].tolist() == sorted(tone["sentiment_label"])
    with pytest.raises(KeyError, match="nowhere"):
        kwic(df, "harbour", by="nowhere")
    with pytest.raises(ValueError, match="lists"):
        kwic(df, "harbour", by="counterparts")


def test_no_hit_gives_an_empty_frame_with_the_columns():
    hits = kwic(_frame(), "volcano", by="medium")
    assert hits.empty and isinstance(hits, Kwic)
    assert list(hits.columns) == KWIC_COLUMNS[:5] + ["medium"] + KWIC_COLUMNS[5:]
    assert str(hits["date"].dtype) == "datetime64[ns]" and str(hits["sentence"].dtype) == "int64"
    assert hits["sentiment"].dtype == float
    assert "0 hit(s)" in hits._repr_html_()
    assert list(kwic(_frame().iloc[:0], "harbour").columns) == KWIC_COLUMNS


def test_statements_input_gives_the_same_hits_and_keeps_its_own_tone():
    df = _frame()
    st = da.statements(df)
    from_readouts = kwic(df, "harbour")
    from_statements = kwic(st, "harbour", readouts=df)
    pd.testing.assert_frame_equal(pd.DataFrame(from_readouts), pd.DataFrame(from_statements))
    # without the readouts frame the facts are missing, the rest is there
    bare = kwic(st, "harbour")
    assert bare["date"].isna().all() and bare["side"].isna().all()
    assert sorted(bare["match"]) == sorted(from_readouts["match"])
    # a scored statements frame's tone is used as it is
    scored = da.score_statements(st)
    scored["sentiment"], scored["sentiment_label"] = 0.5, "coop"
    assert set(kwic(scored, "harbour", readouts=df)["sentiment_label"]) == {"coop"}
    with pytest.raises(KeyError, match="speaker_side"):
        kwic(st.drop(columns="speaker_side"), "harbour")
    with pytest.raises(TypeError, match="DataFrame"):
        kwic(["harbour"], "harbour")


def test_order_and_view_are_deterministic_whatever_the_input_order():
    df = _frame()
    one = kwic(df, ["harbour", "the"], by="side")
    two = kwic(df.iloc[::-1].reset_index(drop=True), ["harbour", "the"], by="side")
    pd.testing.assert_frame_equal(pd.DataFrame(one), pd.DataFrame(two))
    assert one._repr_html_() == two._repr_html_()
    assert list(one.index) == list(range(len(one)))


def test_html_view_escapes_everything_and_highlights_the_match():
    df = _frame()
    df.loc[2, "text"] = 'Berg said <script>alert("x")</script> & the railway "plan" was ready.'
    df.loc[2, "publisher"] = "Office <of> the PM"
    df.loc[2, "url"] = 'https://pm.example/r?a=1&b="2"'
    df.loc[0, "url"] = "javascript:alert(1)"
    hits = kwic(df, ["railway", "harbour"], by="side")
    page = hits._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "Office &lt;of&gt; the PM" in page
    assert 'href="https://pm.example/r?a=1&amp;b=&quot;2&quot;"' in page
    assert "javascript:" not in page  # only http(s) urls become links
    assert '<mark>railway</mark>' in page and page.count("<mark>") == len(hits)
    assert "side = NOR: 3 hit(s)" in page and "side = SWE: 1 hit(s)" in page
    # the whole sentence is each row's tooltip, escaped as an attribute
    assert 'title="Berg said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; the railway' in page
    # a filtered frame keeps the view; a frame without its columns is a plain table
    assert "da-kwic" in hits[hits["side"] == "NOR"]._repr_html_()
    assert "da-kwic" not in hits[["left", "match"]]._repr_html_()
    short = kwic_html(hits, max_rows=2)
    assert short.count("<mark>") == 2 and "2 more hit(s) not shown" in short
    with pytest.raises(KeyError, match="kwic"):
        kwic_html(pd.DataFrame({"x": [1]}))


def test_exported_at_the_top_level():
    assert da.kwic is kwic and "kwic" in da.__all__ and "Kwic" in da.__all__
