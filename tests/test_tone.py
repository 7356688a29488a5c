"""Tests of diplo_analysis.tone: the lexicon (one of the model's signals) and the contract of sentiment().

The sentences are invented for the purpose, in the style of the genre; none
comes from the corpus.  Each rule test of the lexicon compares a sentence with
and without the rule's trigger, so that removing the rule (or its lexicon
entries) fails.  The learned model is tested in tests/test_tone_model.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from diplo_analysis import tone
from diplo_analysis.tone import (
    explain_lexicon,
    lexicon_sentiment,
    load_lexicon,
    load_modifiers,
    score_statements,
    sentiment,
    tone_by_readout,
    tone_by_side,
    tone_by_speaker,
)


def label(text: str) -> str:
    """The lexicon's label (the rules under test)."""
    return lexicon_sentiment(pd.Series([text]))["sentiment_label"].iloc[0]


def score(text: str) -> float:
    return float(lexicon_sentiment(pd.Series([text]))["sentiment"].iloc[0])


def explain(text: str) -> pd.DataFrame:
    return explain_lexicon(text)


# --- the lexicon and its rules ----------------------------------------------

def test_lexicon_and_modifiers_are_package_data_with_required_columns():
    lex = load_lexicon()
    assert {"term", "weight", "note", "source"} <= set(lex.columns)
    assert lex["term"].is_unique
    assert lex["weight"].between(-5, 5).all()
    assert set(lex["kind"]) <= {"act", "topic", "name"}
    # formulas from the brief are present as data
    for term in ["frank and candid", "counterproductive", "interference in internal affairs",
                 "strategic partnership", "constructive*", "grave concern", "unacceptab*",
                 "condemn*", "support*", "agree*", "congratulat*", "condolence*", "sanction*"]:
        assert term in set(lex["term"]), term
    mods = load_modifiers()
    assert {"not", "never", "no", "neither", "without", "lack"} <= set(mods.loc[mods.role == "negator", "term"])
    assert {"strongly", "firmly", "deeply", "resolutely"} <= set(mods.loc[mods.role == "intensifier", "term"])


def test_negation_flips_support():
    assert label("The Russian side supports the proposal of the French President.") == "coop"
    negated = "The Russian side does not support the proposal of the French President."
    assert score(negated) < 0
    assert label(negated) != "coop"
    assert label("The Premier never supported the plan to expand the bloc.") != "coop"
    ex = explain(negated)
    assert ex["negated"].any()


def test_negation_exception_not_only():
    # "not only ... but also" is not a negation
    s = "The two countries not only support each other but also cooperate closely in trade."
    assert not explain(s)["negated"].any()
    assert label(s) == "coop"


def test_negation_stops_at_clause_boundary():
    s = "Nothing was decided, but the sides agreed to meet again in June."
    assert not explain(s)["negated"].any()
    assert label(s) == "coop"


def test_firmly_opposes_is_conf_and_intensified():
    assert label("China firmly opposes the deployment of the missile system in the region.") == "conf"
    assert score("China firmly opposes the deployment.") < score("China opposes the deployment.") < 0


def test_intensifier_raises_magnitude():
    plain, strong = "The minister condemned the shelling.", "The minister strongly condemned the shelling."
    assert label(plain) == label(strong) == "conf"
    assert abs(score(strong)) > abs(score(plain))
    assert explain(strong)["intensity"].max() > 1
    assert score("The President deeply appreciated the gesture.") > score("The President appreciated the gesture.") > 0


def test_frank_and_candid_is_conf():
    assert label("The talks were frank and candid.") == "conf"
    assert label("The leaders held a frank exchange on the situation in the region.") == "conf"
    # with a cooperative assessment the cooperative side can dominate
    assert label("The talks were constructive and productive.") == "coop"


def test_condolences_coop_despite_deaths():
    s = ("The President expressed deep condolences over the deaths of dozens of people "
         "in the earthquake and the flood that followed it.")
    assert label(s) == "coop"
    assert label("The Prime Minister sent a message of sympathy to the relatives of those lost in the ferry accident.") == "coop"


def test_condemnation_dominates_when_it_is_the_main_act():
    s = "The two leaders condemned the terrorist attack and pledged to work together."
    assert label(s) == "conf"
    assert explain(s).query("first_act")["term"].iloc[0] == "condemn*"


def test_discussed_the_situation_is_neutral_but_concern_is_conf():
    assert label("The two leaders discussed the situation in the Sahel and around Lake Chad.") == "neut"
    assert label("The President expressed concern over the situation in the Sahel and around Lake Chad.") == "conf"
    assert label("The ministers voiced serious concerns about the arrests of journalists.") == "conf"


def test_frame_damps_topics_discussed():
    discussed = "The sides discussed cooperation in trade, energy and transport."
    agreed = "The sides agreed to expand cooperation in trade, energy and transport."
    assert label(discussed) == "neut"
    assert label(agreed) == "coop"
    assert explain(discussed)["framed"].any()


def test_object_of_an_act_is_counted_once():
    s = ("The Chinese side firmly supports the efforts of the Republic to safeguard its sovereignty "
         "and opposes external interference in its internal affairs.")
    assert label(s) == "coop"
    ex = explain(s)
    assert ex.loc[ex["matched"] == "interference", "value"].abs().max() < 1


def test_names_neutralise_their_words():
    assert label("The Prime Minister arrived for the Shanghai Cooperation Organization summit.") == "neut"
    assert label("The President arrived for the summit to expand cooperation.") == "coop"


def test_brief_terms_have_the_expected_sign():
    assert label("The Minister called the measures counterproductive.") == "conf"
    assert label("Such statements are unacceptable.") == "conf"
    assert label("The United States will impose new sanctions on the regime.") == "conf"
    assert label("The sides reaffirmed the principled position on the issue and their strategic partnership.") == "coop"
    assert label("Xi congratulated the President on his re-election.") == "coop"
    assert label("The President thanked the Chancellor for the invitation.") == "coop"


def test_urge_is_a_demand_whose_object_counts_once():
    # "urge X to do Y": the demand is the act; what is urged (cooperative topics
    # here) is its object and is not counted against it
    s = "The Premier urged Japan to enhance communication and deepen cooperation."
    assert label(s) == "conf"
    ex = explain(s)
    assert ex.loc[ex["matched"] == "cooperation", "value"].abs().max() == 0
    # a call on both sides to work together is not a demand on one of them
    assert label("The Premier urged the two sides to deepen cooperation.") == "coop"


def test_support_as_purpose_or_policy_is_a_topic_not_the_main_act():
    policy = "The budget allocates 300 billion roubles to support exports and small businesses."
    asserted = "The Prime Minister expressed support for the initiative."
    assert label(asserted) == "coop"
    assert explain(asserted)["first_act"].any()
    ex = explain(policy)
    assert list(ex["term"]) == ["to support"] and not ex["first_act"].any()
    assert score(policy) < score(asserted)
    assert label("The Premier discussed state support for large families.") == "neut"


def test_general_diplomatic_formulas_cooperative():
    assert label("The President reaffirmed the iron-clad commitment to the alliance.") == "coop"
    assert "iron clad" in set(explain("The iron-clad commitment stands.")["term"])
    assert label("The two ministers will remain in close contact.") == "coop"
    assert label("The two ministers will stay in contact.") == "coop"
    assert label("The two presidents adopted a joint statement.") == "coop"
    assert label("The sides made concerted efforts against piracy.") == "coop"
    assert label("Both ministers spoke of a shared desire for a diplomatic resolution of the border dispute.") == "coop"
    assert label("Both parties expressed interest in closer ties in tourism.") == "coop"


def test_general_diplomatic_formulas_conflictual():
    assert label("The President described the level of cooperation as unsatisfactory.") == "conf"
    assert label("The talks have stalled through the other side's fault.") == "conf"
    assert label("The President called the actions destructive.") == "conf"
    assert label("The new law contradicts the agreements reached earlier.") == "conf"
    assert label("The leaders committed to hold the regime to account for its actions.") == "conf"
    assert label("The allies will hold the junta accountable for its decisions.") == "conf"
    # "stated his well-known position/views": diplomatic code for disagreement
    assert label("The Chancellor set out her well-known position on the matter.") == "conf"


def test_early_warning_is_not_a_warning():
    s = "The ministers discussed the early warning system for floods."
    assert label(s) == "neut"
    assert (explain(s)["value"] == 0).all()
    assert label("The minister issued a warning to the neighbouring state.") == "conf"


# --- input and output contract ---------------------------------------------

def test_series_output_aligned_with_non_default_index():
    s = pd.Series(["We strongly condemn the attack.", None, "The leaders agreed to deepen ties.", "They met."],
                  index=["d", "b", "x", "a"])
    out = sentiment(s)
    assert list(out.index) == ["d", "b", "x", "a"]
    assert list(out.columns) == ["sentiment", "sentiment_label", "p_coop", "p_neut", "p_conf"]
    assert list(out["sentiment_label"]) == ["conf", "neut", "coop", "neut"]
    # missing text is scored as the empty text
    empty = sentiment(pd.Series([""])).iloc[0]
    assert out.loc["b", "sentiment"] == empty["sentiment"]
    np.testing.assert_allclose(out[["p_coop", "p_neut", "p_conf"]].sum(axis=1), 1.0)
    np.testing.assert_allclose(out["sentiment"], out["p_coop"] - out["p_conf"])
    lex = lexicon_sentiment(s)
    assert list(lex.columns) == ["sentiment", "sentiment_label"]
    assert lex.loc["b", "sentiment"] == 0.0


def test_dataframe_input_uses_text_column_and_keeps_index():
    df = pd.DataFrame({"readout_id": ["r1", "r1"], "text": ["He thanked her.", "He warned against escalation."]},
                      index=[10, 7])
    out = sentiment(df)
    assert list(out.index) == [10, 7]
    assert list(out["sentiment_label"]) == ["coop", "conf"]


def test_missing_text_is_neutral():
    out = sentiment(pd.Series([np.nan, None, pd.NA, ""], dtype=object))
    assert out["sentiment"].nunique() == 1 and abs(out["sentiment"].iloc[0]) < 0.2
    assert (out["sentiment_label"] == "neut").all()
    lex = lexicon_sentiment(pd.Series([np.nan, None, pd.NA, ""], dtype=object))
    assert (lex["sentiment"] == 0.0).all() and (lex["sentiment_label"] == "neut").all()


def test_bad_input_errors():
    with pytest.raises(TypeError, match="Series"):
        sentiment(["a list"])
    with pytest.raises(KeyError, match="text"):
        sentiment(pd.DataFrame({"sentence": ["x"]}))
    with pytest.raises(TypeError, match="str"):
        sentiment(pd.Series(["ok", 3]))


def test_range_and_determinism():
    rng = np.random.default_rng(0)
    words = ["support", "condemn", "not", "strongly", "cooperation", "the", "sides", "sanctions",
             "frank", "and", "candid", "agreed", ",", "concern", "over", "discussed", "firmly"]
    texts = pd.Series([" ".join(rng.choice(words, size=rng.integers(1, 25))) for _ in range(400)])
    for func in (sentiment, lexicon_sentiment):
        a, b = func(texts), func(texts.copy())
        pd.testing.assert_frame_equal(a, b)
        assert a["sentiment"].between(-1, 1).all()
        assert set(a["sentiment_label"]) <= set(tone.TONE_LABELS)
        # a batch scores each text as on its own (no leakage across texts)
        single = [float(func(pd.Series([t]))["sentiment"].iloc[0]) for t in texts.iloc[:30]]
        np.testing.assert_allclose(a["sentiment"].iloc[:30].to_numpy(), single, rtol=0, atol=1e-12)


def test_text_containing_the_separator_byte_is_not_split():
    out = sentiment(pd.Series(["They agreed\x00 to cooperate.", "He condemned it."]))
    assert list(out["sentiment_label"]) == ["coop", "conf"]


# --- aggregates -------------------------------------------------------------

@pytest.fixture()
def statements_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "readout_id": ["aaaa", "aaaa", "aaaa", "aaaa", "bbbb", "bbbb"],
        "paragraph": [0, 0, 1, 1, 0, 0],
        "sentence": [0, 1, 0, 1, 0, 1],
        "text": [
            "The President held a telephone conversation with the Chancellor.",   # neut, narration
            "The President strongly condemned the shelling of the city.",          # conf, host
            "The Chancellor thanked the President for the humanitarian aid.",     # coop, counterpart
            "The two leaders agreed to stay in contact.",                          # coop, both
            "The Premier expressed concern over the new sanctions.",              # conf, host
            "The Premier warned against any provocation.",                         # conf, host
        ],
        "speaker": [None, "The President", "The Chancellor", None, "The Premier", "The Premier"],
        "speaker_side": [None, "host", "counterpart", "both", "host", "host"],
    }, index=[5, 4, 3, 2, 1, 0])


def test_score_statements_joins_sentiment(statements_frame):
    scored = score_statements(statements_frame)
    assert list(scored.columns) == list(statements_frame.columns) + ["sentiment", "sentiment_label", "p_coop",
                                                                     "p_neut", "p_conf"]
    assert list(scored.index) == list(statements_frame.index)
    assert list(scored["sentiment_label"]) == ["neut", "conf", "coop", "coop", "conf", "conf"]


def test_tone_by_readout_values(statements_frame):
    scored = score_statements(statements_frame)
    out = tone_by_readout(scored)
    assert list(out.columns) == ["readout_id", "n_sentences", "mean_sentiment", "share_coop",
                                 "share_neut", "share_conf", "net_tone"]
    assert list(out["readout_id"]) == ["aaaa", "bbbb"]
    a = out.set_index("readout_id").loc["aaaa"]
    assert a["n_sentences"] == 4
    assert a["share_coop"] == pytest.approx(0.5)
    assert a["share_conf"] == pytest.approx(0.25)
    assert a["share_neut"] == pytest.approx(0.25)
    assert a["net_tone"] == pytest.approx(0.25)
    assert a["mean_sentiment"] == pytest.approx(scored.loc[scored.readout_id == "aaaa", "sentiment"].mean())
    b = out.set_index("readout_id").loc["bbbb"]
    assert b["share_conf"] == 1.0 and b["mean_sentiment"] < 0
    # an unscored statements frame is scored on the fly
    pd.testing.assert_frame_equal(tone_by_readout(statements_frame), out)


def test_tone_by_side_values(statements_frame):
    out = tone_by_side(score_statements(statements_frame))
    assert list(out.columns[:2]) == ["readout_id", "speaker_side"]
    a = out[out.readout_id == "aaaa"]
    assert list(a["speaker_side"].iloc[:3]) == ["both", "counterpart", "host"]
    assert a["speaker_side"].iloc[3] is None or pd.isna(a["speaker_side"].iloc[3])
    side = a.set_index("speaker_side", drop=False)
    assert side.loc["host", "share_conf"] == 1.0
    assert side.loc["counterpart", "share_coop"] == 1.0
    assert side.loc["host", "mean_sentiment"] < 0 < side.loc["counterpart", "mean_sentiment"]
    assert out["n_sentences"].sum() == len(statements_frame)
    b = out[out.readout_id == "bbbb"]
    assert list(b["speaker_side"]) == ["host"] and b["n_sentences"].iloc[0] == 2


def test_tone_by_speaker(statements_frame):
    out = tone_by_speaker(score_statements(statements_frame))
    assert list(out.columns[:3]) == ["readout_id", "speaker", "speaker_side"]
    row = out[(out.readout_id == "bbbb") & (out.speaker == "The Premier")]
    assert row["n_sentences"].iloc[0] == 2 and row["share_conf"].iloc[0] == 1.0


def test_aggregates_need_their_columns(statements_frame):
    with pytest.raises(KeyError, match="speaker_side"):
        tone_by_side(statements_frame.drop(columns="speaker_side"))
    with pytest.raises(KeyError, match="readout_id"):
        tone_by_readout(statements_frame.drop(columns="readout_id"))
    with pytest.raises(TypeError):
        tone_by_readout(statements_frame["text"])


# --- against the hand-labelled corpus sentences -----------------------------

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"

# Floors a little under the figures of the model measured with benchmarks/eval_tone.py on the
# held-out sets, which the model never trained on (see docs/tone.md):
#   holdout        (300, natural calls/meetings; 21 conf):          0.826 / 0.762
#   holdout2       (200, natural, after the lexicon froze; 11 conf): 0.859 / 0.870
#   round3_heldout (135, natural + conflict-rich, two labellers; 22 conf): 0.762 / 0.696
FLOORS = {
    "holdout": (0.78, 0.65),
    "holdout2": (0.82, 0.78),
    "round3_heldout": (0.75, 0.68),
}
# the target of issue 12 (the stewards' natural + conflict-rich held-out sentences)
TARGET_MACRO_F1 = 0.85
TARGET_CONF_F1 = 0.75


@pytest.fixture(scope="module")
def eval_tone_module(shared_corpus):
    pytest.importorskip("vaderSentiment", reason="vaderSentiment (dev extra) is needed for the comparison")
    sys.path.insert(0, str(BENCH))
    try:
        import eval_tone
    finally:
        sys.path.remove(str(BENCH))
    return eval_tone


@pytest.fixture(scope="module")
def split_results(eval_tone_module):
    corpus = eval_tone_module.read_corpus()
    return {split: eval_tone_module.evaluate(split, corpus) for split in FLOORS}


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("split", sorted(FLOORS))
def test_labelled_sentences_all_found(split_results, split):
    res = split_results[split]
    assert res["unmatched"] == 0
    assert res["n"] >= {"holdout": 290, "holdout2": 190, "round3_heldout": 130}[split]


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("split", sorted(FLOORS))
def test_beats_vader_and_floors(split_results, split):
    pkg, vader = split_results[split]["package"], split_results[split]["vader"]
    assert pkg["macro_f1"] > vader["macro_f1"] + 0.1
    assert pkg["f1_conf"] > vader["f1_conf"] + 0.1
    macro_floor, conf_floor = FLOORS[split]
    assert pkg["macro_f1"] >= macro_floor
    assert pkg["f1_conf"] >= conf_floor


@pytest.mark.corpus
@pytest.mark.slow
def test_model_beats_the_lexicon_on_conflict_rich_sentences(split_results):
    # the round-3 held-out sentences (half of them drawn from conflict-rich readouts): the
    # lexicon alone misses more than half of their conflict (recall 0.45), the model two thirds less
    res = split_results["round3_heldout"]
    assert res["package"]["macro_f1"] > res["lexicon"]["macro_f1"] + 0.05
    assert res["package"]["recall_conf"] > res["lexicon"]["recall_conf"] + 0.15


@pytest.mark.corpus
@pytest.mark.slow
def test_meets_target_on_natural_holdout(split_results):
    # the natural sentences drawn and labelled after the lexicon was frozen
    pkg = split_results["holdout2"]["package"]
    assert pkg["macro_f1"] >= TARGET_MACRO_F1 and pkg["f1_conf"] >= TARGET_CONF_F1


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="target (macro-F1 >= 0.85, conf-F1 >= 0.75) not reached on the round-3 "
                                       "held-out sentences (0.762 / 0.696); see docs/tone.md")
def test_meets_target_on_round3_heldout(split_results):
    pkg = split_results["round3_heldout"]["package"]
    assert pkg["macro_f1"] >= TARGET_MACRO_F1 and pkg["f1_conf"] >= TARGET_CONF_F1


@pytest.mark.corpus
@pytest.mark.slow
def test_holdout_sampling_is_deterministic_and_excludes_labelled_readouts(eval_tone_module):
    corpus = eval_tone_module.read_corpus()
    a = eval_tone_module.holdout_sample(corpus, per_source=5, seed=1)
    b = eval_tone_module.holdout_sample(corpus, per_source=5, seed=1)
    pd.testing.assert_frame_equal(a, b)
    assert a.groupby("source").size().eq(5).all()
    used = set(pd.read_csv(eval_tone_module.LABELS / "tone_dev.csv")["url"])
    assert not a["url"].isin(used).any()
    # only readouts of calls/meetings with foreign counterparts (chosen by title)
    assert not a["title"].str.contains("Governor|Security Council members", regex=True).any()


def test_sentiment_in_batches_gives_the_same_scores(monkeypatch):
    # invented sentences with negation, intensifiers, frames and acts, scored in one batch and in
    # batches of a few texts (the bounded-memory path): every score is the same, bit for bit
    sentences = pd.Series([
        "The President strongly condemned the attack.",
        "The sides did not support the proposal, but welcomed the talks.",
        "They discussed trade, energy and security; the leaders agreed to deepen cooperation.",
        "",
        None,
        "Minister Alpha firmly opposed interference and supported sovereignty.",
        "The two leaders exchanged views on the crisis: they expressed deep concern.",
    ] * 7)
    for func in (tone.sentiment, tone.lexicon_sentiment):
        monkeypatch.setattr(tone, "SENTIMENT_BATCH_CHARS", 4_000_000)
        whole = func(sentences)
        monkeypatch.setattr(tone, "SENTIMENT_BATCH_CHARS", 60)
        batched = func(sentences)
        pd.testing.assert_frame_equal(whole, batched)
        assert (whole["sentiment_label"] != "neut").any()
