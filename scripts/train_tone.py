"""Train the tone model and write it as package data (``src/diplo_analysis/data/tone_model.*``).

Reads the shared corpus, finds the labelled sentences of the training sets
(``benchmarks/eval_tone.TRAIN_SETS``: ``tests/labels/tone_dev.csv``,
``tone_test.csv``, ``tone_round3_train.csv``, ``tone_round4_train.csv``)
by the sha1 of their text,
fits :func:`diplo_analysis.tone_model.fit` and writes ``tone_model.csv``
(intercepts and coefficients) and ``tone_model.json`` (provenance).  The
held-out sets (``eval_tone.HELDOUT_SETS``) are never read, except to check
that no training sentence is one of theirs.  The same labels and corpus give
the same bytes (a test retrains into a temporary folder and compares).

Usage::

    python scripts/train_tone.py                 # rebuild the shipped model
    python scripts/train_tone.py --out /tmp/m    # write elsewhere
    python scripts/train_tone.py --cv            # also print 5-fold cross-validation by readout
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
import eval_tone  # noqa: E402

from diplo_analysis import tone_model  # noqa: E402

DEFAULT_OUT = REPO / "src" / "diplo_analysis" / "data"


def training_sentences(corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """The labelled training sentences: ``set``, ``url``, ``sentence_sha1``, ``label``, ``sentence``.

    A sentence whose text is also in a held-out set (the same sentence on two pages) is left out
    of training (one in test is in holdout2).  Raises ValueError if a labelled sentence is not found
    in the corpus.
    """
    corpus = eval_tone.read_corpus() if corpus is None else corpus
    frames = []
    for name in eval_tone.TRAIN_SETS:
        data, unmatched = eval_tone.load_labelled(name, corpus)
        if len(unmatched):
            r = unmatched.iloc[0]
            raise ValueError(f"tests/labels/tone_{name}.csv: {len(unmatched)} sentences not found in the corpus "
                             f"(first: {r['url']} {r['sentence_sha1']})")
        frames.append(data.assign(set=name))
    train = pd.concat(frames, ignore_index=True)
    held = set()
    for name in eval_tone.HELDOUT_SETS:
        held |= set(pd.read_csv(eval_tone.LABELS / f"tone_{name}.csv", dtype=str)["sentence_sha1"])
    train = train[~train["sentence_sha1"].isin(held)]
    return train[["set", "url", "sentence_sha1", "label", "sentence"]].reset_index(drop=True)


def provenance(train: pd.DataFrame, table: pd.DataFrame) -> dict:
    """The content of ``tone_model.json``."""
    sets = {}
    for name in eval_tone.TRAIN_SETS:
        path = eval_tone.LABELS / f"tone_{name}.csv"
        g = train[train["set"] == name]
        sets[f"tests/labels/{path.name}"] = {
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "sentences": int(len(g)),
            **{c: int((g["label"] == c).sum()) for c in tone_model.CLASSES},
        }
    return {
        "classes": list(tone_model.CLASSES),
        "model": "multinomial logistic regression (scikit-learn LogisticRegression, L-BFGS, L2)",
        "C": tone_model.C, "class_weight": tone_model.CLASS_WEIGHT,
        "construction_scale": tone_model.CONSTRUCTION_SCALE,
        "min_df": tone_model.MIN_DF, "max_df": tone_model.MAX_DF,
        "decimals": tone_model.DECIMALS,
        "features": {k: int(v) for k, v in table["kind"].value_counts().sort_index().items()},
        "training_sets": sets,
        "held_out_sets": [f"tests/labels/tone_{n}.csv" for n in eval_tone.HELDOUT_SETS],
        "command": "python scripts/train_tone.py",
    }


def cross_validate(train: pd.DataFrame, folds: int = 5) -> dict:
    """Grouped (by readout url) k-fold cross-validation of the model on the training sentences."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    X, cols = tone_model.design_matrix(train["sentence"].tolist())
    X = (X @ tone_model._diag(tone_model.feature_scale(cols))).tocsr()
    y = train["label"].to_numpy()
    pred = np.empty(len(y), dtype=object)
    for fit_idx, test_idx in GroupKFold(folds).split(X, y, train["url"]):
        lr = LogisticRegression(C=tone_model.C, class_weight=tone_model.CLASS_WEIGHT, max_iter=10_000,
                                tol=1e-8).fit(X[fit_idx], y[fit_idx])
        pred[test_idx] = lr.predict(X[test_idx])
    out = {"all": eval_tone.scores(y, pred)}
    for name in eval_tone.TRAIN_SETS:
        m = (train["set"] == name).to_numpy()
        out[name] = eval_tone.scores(y[m], pred[m])
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the two files (default: package data)")
    ap.add_argument("--cv", action="store_true", help="print grouped 5-fold cross-validation on the training sets")
    args = ap.parse_args(argv)
    train = training_sentences()
    print(f"{len(train)} training sentences: {train['label'].value_counts().to_dict()}")
    table = tone_model.fit(train["sentence"].tolist(), train["label"].tolist())
    for path in tone_model.write_model(table, provenance(train, table), args.out):
        print(f"wrote {path}")
    if args.cv:
        for name, r in cross_validate(train).items():
            print(f"  CV {name:13s} macro-F1 {r['macro_f1']:.3f}  F1 coop {r['f1_coop']:.3f}  "
                  f"neut {r['f1_neut']:.3f}  conf {r['f1_conf']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
