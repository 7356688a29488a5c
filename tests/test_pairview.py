"""Tests for the side-by-side view of a pair (diplo_analysis.pairview, PairComparison's HTML).

Two invented readouts of one invented call (texts written for these tests):
some sentences say the same thing on both sides, some only one side says, one
says on B's side what A says in another place, and one word is frequent on A's
side only, so that its keyness is strong while the others are weak.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from diplo_analysis.pairs import WEAK_Z, compare_pair
from diplo_analysis.pairview import ALIGN_THRESHOLD, ALIGNED_COLUMNS, _chain, align_sentences, pair_html

TEXT_A = (
    "Prime Minister Anna Berg held a telephone conversation with President Tomas Lind.\n\n"
    "The two leaders agreed to expand trade in grain and fertiliser along the northern rail corridor.\n\n"
    "Berg said the harbour dredging project on the river delta must be finished before winter.\n\n"
    "Berg said grain exports, grain storage, grain prices, grain quality and grain shipping all depend on the "
    "grain harvest, and that grain insurance, grain credit, grain silos, grain barges, grain mills and grain "
    "research matter too.\n\n"
    "The leaders welcomed the new ferry timetable between the island ports & <b>capitals</b>."
)
TEXT_B = (
    "President Tomas Lind spoke by telephone with Prime Minister Anna Berg.\n\n"
    "The sides welcomed the new ferry timetable between the island ports and the capitals.\n\n"
    "Lind informed Berg about the maintenance schedule of the gas pipeline.\n\n"
    "The leaders agreed to expand trade in grain and fertiliser along the northern rail corridor."
)
ID_A, ID_B = "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"


def _frame(text_a=TEXT_A, text_b=TEXT_B) -> pd.DataFrame:
    rows = [
        (ID_A, "Office <of> the PM", "https://pm.example/r/1?a=1&b=2", text_a, "Anna Berg", "NOR", "Tomas Lind", "SWE"),
        (ID_B, "Office of the President", None, text_b, "Tomas Lind", "SWE", "Anna Berg", "NOR"),
    ]
    df = pd.DataFrame([
        {"readout_id": rid, "publisher": pub, "url": url, "title": None, "text": text,
         "date": pd.Timestamp("2023-05-03"), "medium": "phone", "host": host, "host_country": hc,
         "counterparts": [cp], "counterpart_countries": [cc], "initiator": None}
        for rid, pub, url, text, host, hc, cp, cc in rows])
    df["date"] = df["date"].astype("datetime64[ns]")
    return df


def _comparison(**kw):
    return compare_pair(_frame(**kw), ID_A, ID_B)


def test_comparison_keeps_each_readouts_sentences_date_and_url():
    c = _comparison()
    assert list(c.sentences_a.columns) == ["paragraph", "sentence", "speaker", "speaker_side", "text", "sentiment",
                                           "sentiment_label"]
    assert c.sentences_a["sentence"].tolist() == [1, 2, 3, 4, 5] and len(c.sentences_b) == 4
    assert c.date_a == pd.Timestamp("2023-05-03") and c.url_a.startswith("https://") and c.url_b is None


def test_sentences_are_aligned_in_both_reading_orders():
    al = align_sentences(_comparison())
    assert list(al.columns) == ALIGNED_COLUMNS
    # every sentence of each side once, in its own order
    assert al["sentence_a"].dropna().tolist() == [1, 2, 3, 4, 5]
    assert al["sentence_b"].dropna().tolist() == [1, 2, 3, 4]
    pairs = al.loc[al["aligned"], ["sentence_a", "sentence_b"]].astype(int).values.tolist()
    # the opening sentences and the grain-trade sentence say the same thing; the ferry sentence is said
    # by both but in another order, so the order-keeping chain cannot align it as well
    assert [2, 4] in pairs and [1, 1] in pairs
    assert (al.loc[al["aligned"], "similarity"] >= ALIGN_THRESHOLD).all()
    assert al.loc[~al["aligned"], "similarity"].isna().all()


def test_what_one_side_alone_says_is_marked():
    al = align_sentences(_comparison()).set_index("sentence_a", drop=False)
    harbour = al.loc[3]
    assert harbour["alone_a"] and not harbour["aligned"]
    pipeline = align_sentences(_comparison()).set_index("sentence_b").loc[3]
    assert pipeline["alone_b"]
    # the ferry sentence is not aligned (order) but not alone: B says it, and it is named
    ferry = al.loc[5]
    assert not ferry["aligned"] and not ferry["alone_a"]
    assert ferry["closest_a"] == 2 and ferry["closest_similarity_a"] >= ALIGN_THRESHOLD
    # an aligned sentence is never alone; an empty cell is never alone
    assert not al.loc[al["aligned"], ["alone_a", "alone_b"]].to_numpy().any()
    assert not al.loc[al["sentence_a"].isna(), "alone_a"].any()


def test_speakers_and_tone_of_each_sentence_are_shown():
    al = align_sentences(_comparison())
    harbour = al.loc[al["sentence_a"] == 3].iloc[0]
    assert harbour["speaker_a"] == "Anna Berg" and harbour["speaker_side_a"] == "host"
    assert harbour["sentiment_label_a"] in {"coop", "neut", "conf"}
    assert np.isfinite(harbour["sentiment_a"])
    page = pair_html(_comparison())
    assert "Anna Berg <span class=\"da-muted\">(host)</span>" in page
    assert page.count('class="da-tone da-tone-') == 9  # one tone per sentence


def test_threshold_is_checked_and_changes_the_alignment():
    c = _comparison()
    # the grain-trade sentence is word for word the same on both sides: only it reaches 0.99
    strict = align_sentences(c, threshold=0.99)
    assert strict.loc[strict["aligned"], ["sentence_a", "sentence_b"]].astype(int).values.tolist() == [[2, 4]]
    assert align_sentences(c, threshold=0.05)["aligned"].sum() >= align_sentences(c)["aligned"].sum()
    for bad in (0, -0.1, 1.5):
        with pytest.raises(ValueError, match="threshold"):
            align_sentences(c, threshold=bad)


def test_chain_keeps_order_and_the_largest_total():
    sim = np.array([[0.9, 0.0, 0.0],
                    [0.0, 0.0, 0.8],
                    [0.0, 0.7, 0.0]])
    # (1,2) and (2,1) cross: only one of them can join (0,0); the larger wins
    assert _chain(sim, 0.5) == [(0, 0), (1, 2)]
    assert _chain(sim, 0.85) == [(0, 0)]
    assert _chain(np.zeros((0, 3)), 0.2) == []


def test_weak_keyness_is_marked_in_the_summary_and_the_view():
    c = _comparison()
    z = c.keywords.set_index("word")["z"]
    assert z["grain"] >= WEAK_Z  # thirteen times in A, once in B
    weak_b = [w for w in c.distinctive("b", 10) if abs(z[w]) < WEAK_Z]
    assert weak_b
    text = c.summary()
    line_a = next(x for x in text.splitlines() if x.startswith("A stresses"))
    assert f"grain (z {abs(z['grain']):.2f})" in line_a
    line_b = next(x for x in text.splitlines() if x.startswith("B stresses"))
    assert f"{weak_b[0]} (z {abs(z[weak_b[0]]):.2f}, weak)" in line_b
    assert "not significant at the 5% level" in text
    page = pair_html(c)
    assert '<td>grain</td>' in page  # strong: not greyed
    assert f'<td class="da-weak">{weak_b[0]} <span class="da-muted">weak</span></td>' in page


def test_summary_says_nothing_of_weakness_when_every_word_is_strong():
    c = _comparison()
    strong = c.keywords[c.keywords["z"].abs() >= WEAK_Z]
    c.keywords = strong.reset_index(drop=True)
    assert "weak" not in c.summary()


def test_html_is_escaped_marks_one_side_rows_and_is_deterministic(tmp_path):
    page = pair_html(_comparison())
    assert "<b>capitals</b>" not in page and "&lt;b&gt;capitals&lt;/b&gt;" in page
    assert "Office &lt;of&gt; the PM" in page
    assert 'href="https://pm.example/r/1?a=1&amp;b=2"' in page
    assert page.count('<span class="da-tag">only A</span>') >= 2  # the harbour and grain-list rows (+ legend)
    assert '<span class="da-tag">only B</span>' in page
    assert "(as B 2, cosine" in page  # the ferry sentence names B's sentence that says it
    assert not page.startswith("<!DOCTYPE") and _comparison()._repr_html_() == page
    one, two = tmp_path / "one.html", tmp_path / "two.html"
    text = _comparison().to_html(one)
    _comparison().to_html(two)
    assert one.read_bytes() == two.read_bytes() == text.encode("utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.endswith("</html>\n") and "\r" not in text
    assert '<meta charset="utf-8">' in text
    with pytest.raises(TypeError, match="PairComparison"):
        pair_html(pd.DataFrame())


def test_a_readout_without_sentences_leaves_the_other_alone():
    c = _comparison(text_b="")
    al = align_sentences(c)
    assert len(al) == 5 and al["sentence_b"].isna().all() and al["alone_a"].all()
    assert "only A" in pair_html(c)
