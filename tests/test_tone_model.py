"""Tests of diplo_analysis.tone_model: the learned tone model, its data files, its training and explanation.

The sentences are invented for the purpose, in the style of the genre; none comes from the corpus.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from diplo_analysis import _tone_kernel, tone, tone_model
from diplo_analysis.tone import explain, sentiment

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "diplo_analysis" / "data"

INVENTED = [
    "The President strongly condemned the shelling of the city.",
    "The two leaders agreed to deepen cooperation in trade and energy.",
    "The ministers discussed cooperation in trade, energy and transport.",
    "The Premier urged the neighbour to stop its provocations and return to talks.",
    "It is hoped that the other side would correct its mistakes.",
    "The leader said they would respond decisively if the army further invades the region.",
    "Under no circumstances will the government permit such a transfer.",
    "The Chancellor thanked the President for the invitation.",
    "The President held a telephone conversation with the Prime Minister.",
    "",
    "x",
    "Ünïcode—dash… and a \x00 separator inside",
    "not " * 30,
]


def _eval_tone():
    """``benchmarks/eval_tone.py`` (the label sets and draws), imported from the repository."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import eval_tone
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return eval_tone


def label(text: str) -> str:
    return sentiment(pd.Series([text]))["sentiment_label"].iloc[0]


# --- the model files ----------------------------------------------------------

def test_model_files_are_plain_data_with_provenance():
    table = tone_model.load_model()
    assert list(table.columns) == ["kind", "feature", "coop", "neut", "conf"]
    assert set(table["kind"]) == {"intercept", "lexicon", "construction", "length", "word"}
    assert (table["kind"] == "intercept").sum() == 1
    assert not table.duplicated(["kind", "feature"]).any()
    words = table.loc[table["kind"] == "word", "feature"]
    assert words.str.fullmatch(r"[a-z0-9]+").all() and words.is_monotonic_increasing
    assert set(table.loc[table["kind"] == "construction", "feature"]) == set(tone_model.load_constructions()["name"])
    meta = table.attrs
    assert meta["classes"] == ["coop", "neut", "conf"]
    # the model never trains on a held-out set
    assert not set(meta["training_sets"]) & set(meta["held_out_sets"])
    assert "tests/labels/tone_round3_heldout.csv" in meta["held_out_sets"]
    for path, info in meta["training_sets"].items():
        assert (REPO / path).exists()
        assert info["sentences"] == info["coop"] + info["neut"] + info["conf"] > 200
    # no pickles anywhere in the package data
    assert not list(DATA.glob("*.pkl")) and not list(DATA.glob("*.joblib"))


def test_constructions_are_package_data():
    cons = tone_model.load_constructions()
    assert {"name", "first", "second", "window", "note", "source"} <= set(cons.columns)
    assert cons["name"].is_unique and (cons["window"] > 0).all()
    for name in ["conditional_threat", "call_on", "urge_to", "hoped_would", "refusal", "assessed_as_threat",
                 "discussed_cooperation"]:
        assert name in set(cons["name"]), name


def test_bad_model_file_names_the_line():
    text = "kind,feature,coop,neut,conf\nintercept,(intercept),0,0,0\nbigram,a b,1,0,0\n"
    with pytest.raises(ValueError, match="line 3: unknown kind 'bigram'"):
        tone_model._read_model_table(text, "x.csv")
    with pytest.raises(ValueError, match="expected columns"):
        tone_model._read_model_table("kind,feature,coop\n", "x.csv")
    table = tone_model._read_model_table("kind,feature,coop,neut,conf\nlexicon,no_such_signal,1,0,0\n"
                                         "intercept,(intercept),0,0,0\n", "x.csv")
    with pytest.raises(ValueError, match="does not compute"):
        tone_model._compile(table)


# --- scoring ---------------------------------------------------------------------

def test_scoring_equals_the_design_matrix_times_the_coefficients():
    # the fast path (no design matrix) adds the same features' weights as training sees them
    # (the features as training and explain_tone build them, times the shipped coefficients)
    m = tone_model._load_model()
    fast = tone_model.predict_logits(INVENTED)
    b = tone_model._features(INVENTED, m.words)
    logits = b.dense @ m.dense_w + m.intercept
    rows, cols = tone_model._sparse_hits(m, b)
    for k in range(3):
        logits[:, k] += np.bincount(rows, weights=m.sparse_w[cols, k], minlength=len(INVENTED))
    np.testing.assert_allclose(fast, logits - logits[:, [1]], atol=1e-9)
    assert b.dense.shape == (len(INVENTED), len(tone_model._dense_names()))
    assert (b.dense[:, -1] == np.log1p(b.n_words)).all()


@pytest.mark.skipif(not _tone_kernel.AVAILABLE, reason="numba not installed (or DIPLO_ANALYSIS_NO_NUMBA set): only the numpy path runs")
def test_compiled_kernel_and_numpy_give_the_same_bits(monkeypatch):
    texts = INVENTED * 3 + ["Very long words: internationalization counterrevolutionaries " * 3]
    fast = tone.sentiment(pd.Series(texts))
    t = tone._tables()
    tok_fast = tone._tokens(t, texts, tone_model._load_model().words)
    monkeypatch.setattr(tone, "USE_KERNEL", False)
    slow = tone.sentiment(pd.Series(texts))
    tok_slow = tone._tokens(t, texts, tone_model._load_model().words)
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    for field in tok_fast._fields:
        a, b = getattr(tok_fast, field), getattr(tok_slow, field)
        if isinstance(a, np.ndarray):
            assert a.dtype == b.dtype and np.array_equal(a, b), field


def test_probabilities_and_sentiment():
    out = sentiment(pd.Series(INVENTED))
    p = out[["p_coop", "p_neut", "p_conf"]].to_numpy()
    assert (p >= 0).all() and (p <= 1).all()
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(out["sentiment"], p[:, 0] - p[:, 2])
    assert (out["sentiment_label"] == np.array(tone.TONE_LABELS)[p.argmax(axis=1)]).all()


def test_the_model_reads_the_genre():
    assert label("The President strongly condemned the shelling of the city.") == "conf"
    assert label("The Chancellor thanked the President for the invitation.") == "coop"
    assert label("The President held a telephone conversation with the Prime Minister.") == "neut"
    # cooperation named only as a topic is neutral; asserted, it is cooperative
    assert label("The ministers discussed cooperation in trade, energy and transport.") == "neut"
    assert label("The ministers agreed to deepen cooperation in trade, energy and transport.") == "coop"
    # demands, threats and refusals
    assert label("The Premier urged the neighbour to stop its provocations.") == "conf"
    assert label("It is hoped that the other side would correct its mistakes.") == "conf"
    assert label("The leader said they would respond decisively if the army further invades the region.") == "conf"
    assert label("Under no circumstances will the government permit such a transfer.") == "conf"


def test_a_conditional_threat_weighs_towards_conflict():
    # the same sentence with and without "if ... further": the construction moves it towards conf
    with_threat = "The leader spoke of a firm answer if the army further moves into the region."
    without = "The leader spoke of a firm answer as the army moves into the region."
    p = sentiment(pd.Series([with_threat, without]))["p_conf"]
    assert p.iloc[0] > p.iloc[1]
    ex = explain(with_threat)
    row = ex[ex["feature"] == "conditional_threat"]
    # each word of the second list after "if" counts: "further" and "moves"
    assert len(row) == 1 and row["value"].iloc[0] == 2 and row["conf"].iloc[0] > 0
    assert row["matched"].iloc[0] == "if the army further; if the army further moves"


# --- explanation -------------------------------------------------------------------

def test_explain_tone_says_why():
    text = "The Premier urged the neighbour to stop its provocations."
    ex = explain(text)
    assert list(ex.columns) == ["kind", "feature", "matched", "value", "coop", "neut", "conf", "effect"]
    out = sentiment(pd.Series([text])).iloc[0]
    assert ex.attrs["label"] == out["sentiment_label"] == "conf"
    for c in ("p_coop", "p_neut", "p_conf"):
        assert ex.attrs[c] == pytest.approx(out[c], abs=1e-12)
    # the rows add up to the logits
    for c in tone_model.CLASSES:
        assert ex[c].sum() + ex.attrs["intercept"][c] == pytest.approx(ex.attrs["logits"][c], abs=1e-9)
    # the strongest push first, and it pushes towards the label
    assert ex["effect"].is_monotonic_decreasing and ex["effect"].iloc[0] > 0
    assert {"word", "lexicon", "construction"} <= set(ex["kind"])
    assert set(ex["kind"]) <= set(tone_model.load_model()["kind"]) - {"intercept"}  # the kinds the docstring lists
    urge = ex[ex["feature"] == "urge_to"]
    assert urge["matched"].iloc[0] == "urged the neighbour to"
    lex = ex[ex["kind"] == "lexicon"]
    assert lex["matched"].str.contains(r"urged \(urg\*\)").all()
    assert set(ex.loc[ex["kind"] == "word", "matched"]) >= {"provocations"}


def test_explain_empty_text_and_bad_input():
    ex = explain("")
    assert ex.attrs["label"] == "neut"
    assert set(ex["kind"]) <= {"length"}
    with pytest.raises(TypeError, match="str"):
        explain(3)


def test_explain_lexicon_is_still_there():
    ex = tone.explain_lexicon("China firmly opposes the deployment.")
    assert list(ex["term"]) == ["oppos*"] and ex["intensity"].iloc[0] > 1


# --- training --------------------------------------------------------------------

TOY = [
    ("The two sides agreed to expand trade and deepen ties.", "coop"),
    ("The leaders praised the partnership and thanked each other.", "coop"),
    ("The minister welcomed the agreement on energy.", "coop"),
    ("They agreed to deepen cooperation and praised the ties.", "coop"),
    ("The ministry condemned the attack and warned against escalation.", "conf"),
    ("The Premier urged the neighbour to stop its provocations.", "conf"),
    ("The spokesman rejected the accusations as unacceptable.", "conf"),
    ("The minister warned that the attack was unacceptable.", "conf"),
    ("The President held a telephone conversation with the Prime Minister.", "neut"),
    ("The two ministers discussed trade and energy.", "neut"),
    ("The Prime Minister arrived in the capital on Monday.", "neut"),
    ("The President met the Prime Minister on Monday.", "neut"),
]


def test_fit_is_deterministic_and_writes_the_same_bytes(tmp_path):
    texts, labels = zip(*TOY)
    a = tone_model.fit(list(texts), list(labels))
    b = tone_model.fit(list(texts), list(labels))
    pd.testing.assert_frame_equal(a, b)
    tone_model.write_model(a, {"x": 1}, tmp_path / "a")
    tone_model.write_model(b, {"x": 1}, tmp_path / "b")
    for name in (tone_model.MODEL_FILE, tone_model.META_FILE):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    # words seen in at least two sentences and at most a fifth of them
    words = set(a.loc[a["kind"] == "word", "feature"])
    assert "agreed" in words and "the" not in words
    # the toy model learned the direction of its words
    row = a.set_index(["kind", "feature"])
    assert row.loc[("word", "agreed"), "coop"] > row.loc[("word", "agreed"), "conf"]
    assert row.loc[("word", "unacceptable"), "conf"] > row.loc[("word", "unacceptable"), "coop"]
    # and it scores like the shipped model's code path
    compiled = tone_model._compile(a)
    logits = tone_model.predict_logits(["They agreed to deepen ties."], compiled)
    assert logits[0, 0] > logits[0, 2]


def test_fit_rejects_unknown_labels():
    with pytest.raises(ValueError, match="positive"):
        tone_model.fit(["a b c", "d e f"], ["coop", "positive"])


@pytest.mark.corpus
@pytest.mark.slow
def test_shipped_model_is_rebuilt_byte_for_byte(shared_corpus, tmp_path):
    # the documented command, into a temporary folder: the same bytes as the shipped files
    out = subprocess.run([sys.executable, str(REPO / "scripts" / "train_tone.py"), "--out", str(tmp_path)],
                         capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0, out.stderr
    for name in (tone_model.MODEL_FILE, tone_model.META_FILE):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
    meta = json.loads((tmp_path / tone_model.META_FILE).read_text())
    assert meta["training_sets"]["tests/labels/tone_round3_train.csv"]["sentences"] > 400


# --- the labelled sets -----------------------------------------------------------

def test_training_and_held_out_label_sets_are_apart():
    labels = REPO / "tests" / "labels"
    eval_tone = _eval_tone()
    train = pd.concat([pd.read_csv(labels / f"tone_{s}.csv", dtype=str) for s in eval_tone.TRAIN_SETS])
    held = pd.concat([pd.read_csv(labels / f"tone_{s}.csv", dtype=str) for s in eval_tone.HELDOUT_SETS])
    for df in (train, held):
        assert list(df.columns) == ["url", "sentence_sha1", "label"]
        assert set(df["label"]) == {"coop", "neut", "conf"}
    # the round-3 split: held out when the sha1 starts with 0-3
    r3 = {s: pd.read_csv(labels / f"tone_round3_{s}.csv", dtype=str) for s in ("train", "heldout")}
    assert r3["heldout"]["sentence_sha1"].str[0].isin(list("0123")).all()
    assert not r3["train"]["sentence_sha1"].str[0].isin(list("0123")).any()
    # one sentence of test.csv is also in holdout2 (the same text on two pages): training leaves it out
    shared = set(train["sentence_sha1"]) & set(held["sentence_sha1"])
    assert len(shared) == 1


def test_label_audit_rows_name_training_sentences_with_their_current_label():
    """tests/labels/tone_label_audit.csv (issue 12, sixth session): proposed label changes, each with its reason.

    A row names a training sentence by set, url and sha1, with the label its set holds now and the one
    proposed; ``applied`` says whether the set was changed (then ``label`` is the old one and the set holds
    the proposed one).  Never a held-out set.
    """
    labels = REPO / "tests" / "labels"
    eval_tone = _eval_tone()
    audit = pd.read_csv(labels / "tone_label_audit.csv", dtype=str)
    assert list(audit.columns) == ["set", "url", "sentence_sha1", "label", "proposed_label", "applied", "reason"]
    assert audit["set"].isin(eval_tone.TRAIN_SETS).all()
    assert (audit["label"] != audit["proposed_label"]).all()
    assert audit["proposed_label"].isin(["coop", "neut", "conf"]).all()
    assert audit["applied"].isin(["yes", "no"]).all()
    assert audit["reason"].str.len().gt(20).all()
    assert not audit["sentence_sha1"].duplicated().any()
    for row in audit.itertuples():
        held = pd.read_csv(labels / f"tone_{row.set}.csv", dtype=str)
        now = held.loc[(held["url"] == row.url) & (held["sentence_sha1"] == row.sentence_sha1), "label"]
        assert len(now) == 1, row.sentence_sha1
        assert now.iloc[0] == (row.proposed_label if row.applied == "yes" else row.label), row.sentence_sha1


@pytest.mark.corpus
@pytest.mark.slow
def test_round3_draw_is_reproducible_from_the_repo(shared_corpus):
    eval_tone = _eval_tone()
    draw = eval_tone.round3_sample(eval_tone.read_corpus())
    assert len(draw) == 634 and draw["sentence_sha1"].is_unique
    assert draw.groupby("sample").size().to_dict() == {"conflict": 391, "natural3": 243}
    labels = REPO / "tests" / "labels"
    for split in ("train", "heldout"):
        got = pd.read_csv(labels / f"tone_round3_{split}.csv", dtype=str)
        mine = draw[draw["split"] == split].set_index("sentence_sha1")
        assert got["sentence_sha1"].isin(mine.index).all()
        assert (mine.loc[got["sentence_sha1"], "url"].to_numpy() == got["url"].to_numpy()).all()


@pytest.mark.corpus
@pytest.mark.slow
def test_round4_draw_is_reproducible_and_apart_from_held_out_readouts(shared_corpus):
    eval_tone = _eval_tone()
    draw = eval_tone.round4_sample(eval_tone.read_corpus())
    _check_two_pass_draw(eval_tone, draw, "round4_train", n_drawn=258)


def _check_two_pass_draw(eval_tone, draw, name, n_drawn):
    """The label file holds the draw's sentences on which two passes agreed, in drawing order, none of
    a held-out readout; most of the draw has a conflict cue."""
    got = pd.read_csv(REPO / "tests" / "labels" / f"tone_{name}.csv", dtype=str)
    assert len(draw) == n_drawn and draw["sentence_sha1"].is_unique
    assert 0.9 * n_drawn <= len(got) < n_drawn  # the disagreements are left out
    mine = draw.set_index("sentence_sha1")
    assert got["sentence_sha1"].isin(mine.index).all()
    assert (mine.loc[got["sentence_sha1"], "url"].to_numpy() == got["url"].to_numpy()).all()
    pos = mine.index.get_indexer(got["sentence_sha1"])
    assert (np.diff(pos) > 0).all()
    held = pd.concat([pd.read_csv(REPO / "tests" / "labels" / f"tone_{s}.csv", dtype=str)
                      for s in eval_tone.HELDOUT_SETS])
    assert not got["url"].isin(set(held["url"])).any()
    assert (draw["sample"] == "cue").sum() > (draw["sample"] == "any").sum()


@pytest.mark.corpus
@pytest.mark.slow
def test_round5_draw_is_reproducible_and_new(shared_corpus):
    eval_tone = _eval_tone()
    draw = eval_tone.round4_sample(eval_tone.read_corpus(), **eval_tone.ROUND5)
    _check_two_pass_draw(eval_tone, draw, "round5_train", n_drawn=600)
    earlier = pd.concat([pd.read_csv(REPO / "tests" / "labels" / f"tone_{s}.csv", dtype=str)
                         for s in (*eval_tone.ROUND5["earlier"], "round4_train")])
    assert not draw["sentence_sha1"].isin(set(earlier["sentence_sha1"])).any()
    assert set(draw["source"]) == {"china", "kremlin_1999_2020", "kremlin_2021_2022", "whitehouse"}
