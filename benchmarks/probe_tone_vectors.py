"""Probe: do WordLlama's pretrained static word vectors improve the tone model?

Grouped cross-validation (by readout url, the folds of ``scripts/train_tone.py
--cv``) on the training sets only; the held-out sets are never read (except,
through ``train_tone.training_sentences``, to keep their sentences out).
Every variant is printed beside the shipped model's design on the same folds:
macro-F1 / conflictual F1 over all training sentences and the mean of the
per-set figures (the decision rule of issue 12's fifth session: take a variant
in only if the mean macro-F1 rises by at least 0.01 and the conflictual F1
does not fall).

Word vectors: ``wordllama`` (MIT, PyPI; the ``probe`` extra) ships 256-dim
token embeddings of Llama 2's tokenizer inside its wheel
(``wordllama/weights/l2_supercat_256.safetensors``). They are read directly
from the package's files (``WordLlama.load`` looks for the tokenizer in a
folder that does not exist and then tries Hugging Face). A word of the
package's tokeniser gets the mean of its sub-word tokens' vectors; a sentence
the mean of its words' vectors, which keeps a linear model over it a sum of
per-word class scores (shippable as a table of words).

Variants:

- ``alone``: the standardised mean vectors alone (against the model's word
  counts alone): how much tone the vectors carry;
- ``mean``: the sentence's mean word vector appended to the model's features
  (scaled to ``--scales`` times a column's typical spread);
- ``stacked``: an L2 logistic regression on the standardised mean vectors
  (C=0.01) whose out-of-fold logits (nested grouped folds) are three more
  features of the model (still linear in the mean vector);
- ``native``: the same stacking with WordLlama's own sentence embedding (Llama
  tokens of the raw text, normalised): not decomposable into words, a ceiling;
- ``lexicon``: the lexicon's conflictual acts expanded by their nearest
  neighbours in the vector space, reviewed by reading (``REVIEWED``, act
  rows of weight -1); ``--neighbours N`` prints the N best candidates.

Usage::

    pip install "wordllama>=0.4,<0.5"     # or: pip install -e ".[probe]"
    python benchmarks/probe_tone_vectors.py [--seeds 1 2 3] [--neighbours 300]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from unittest import mock

import numpy as np
import scipy.sparse as sp

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "scripts"))
import eval_tone  # noqa: E402
import train_tone  # noqa: E402

from diplo_analysis import tone, tone_model  # noqa: E402

#: Neighbours of the lexicon's conflictual acts (``--neighbours``) kept after reading them against
#: TONE.md's definitions (most candidates are spelling neighbours: "barroso" of "barbar*").
REVIEWED = {
    "accusation": ["alleged", "allegedly", "wrongfully"],
    "criticism": ["critique", "incorrect", "incorrectly", "mistaken", "misleading", "misuse", "harsh", "harshly",
                  "horrible", "awful", "bad", "badly", "problematic", "inconsistent"],
    "concern": ["distrust", "discontent"],
    "conflict": ["violent", "destroy", "destroyed", "torture", "punitive"],
}


def word_vectors():
    """WordLlama's tokenizer and embedding matrix (float64), read from the installed package's files."""
    try:
        import wordllama
        from safetensors import safe_open
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise SystemExit(f"needs wordllama ({exc}): pip install 'wordllama>=0.4,<0.5'") from exc
    root = Path(wordllama.__file__).parent
    tk = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), framework="np") as fh:
        emb = fh.get_tensor("embedding.weight").astype(np.float64)
    return tk, emb


def vector_of(tk, emb, word: str) -> np.ndarray:
    """A word's vector: the mean of its sub-word tokens' embeddings."""
    return emb[tk.encode(word, add_special_tokens=False).ids].mean(axis=0)


def mean_vectors(texts: list, tk, emb) -> np.ndarray:
    """Per text, the mean vector of its words (the package's tokeniser)."""
    b = tone_model._features(texts, tone_model._construction_words())
    words = [b.tok.data[s:e].decode("ascii") for s, e in zip(b.tok.starts, b.tok.ends)]
    uniq = sorted(set(words))
    table = np.array([vector_of(tk, emb, w) for w in uniq])
    pos = {w: i for i, w in enumerate(uniq)}
    out = np.zeros((len(texts), emb.shape[1]))
    np.add.at(out, b.word_row, table[[pos[w] for w in words]])
    return out / np.maximum(b.n_words, 1)[:, None]


def native_vectors(texts: list, tk, emb) -> np.ndarray:
    """WordLlama's own sentence embedding: mean of the Llama tokens of the raw text, unit length."""
    out = np.array([emb[e.ids].mean(axis=0) for e in tk.encode_batch(texts, add_special_tokens=False)])
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def _lr(C: float = tone_model.C):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, class_weight=tone_model.CLASS_WEIGHT, max_iter=10_000, tol=1e-8)


def _scores(train, y, pred) -> tuple:
    """(macro-F1, conf-F1) over all sentences and the mean of the training sets' figures."""
    a = eval_tone.scores(y, pred)
    per = np.array([[eval_tone.scores(y[m], pred[m])[k] for k in ("macro_f1", "f1_conf")]
                    for m in ((train["set"] == s).to_numpy() for s in eval_tone.TRAIN_SETS)])
    return a["macro_f1"], a["f1_conf"], per[:, 0].mean(), per[:, 1].mean()


def _stack_logits(Z, y, groups, fit_idx, test_idx):
    """Out-of-fold logits of an embedding-only model on ``fit_idx`` (nested folds) and its logits on ``test_idx``."""
    from sklearn.model_selection import GroupKFold

    oof = np.zeros((len(fit_idx), 3))
    for a, b in GroupKFold(5).split(fit_idx, y[fit_idx], groups[fit_idx]):
        oof[b] = _lr(0.01).fit(Z[fit_idx[a]], y[fit_idx[a]]).decision_function(Z[fit_idx[b]])
    return oof, _lr(0.01).fit(Z[fit_idx], y[fit_idx]).decision_function(Z[test_idx])


def cross_validate(train, X, folds, extra=None, stack=None, C: float = tone_model.C) -> tuple:
    """Scores of a logistic regression (inverse L2 strength ``C``) on ``X`` (+ dense ``extra`` columns,
    + stacked logits of ``stack``), fitted and predicted fold by fold."""
    y, groups = train["label"].to_numpy(), train["url"].to_numpy()
    if extra is not None:
        X = sp.hstack([X, sp.csr_matrix(extra)]).tocsr()
    pred = np.empty(len(y), dtype=object)
    for fit_idx, test_idx in folds:
        Xf, Xt = X[fit_idx], X[test_idx]
        if stack is not None:
            oof, te = _stack_logits(stack, y, groups, fit_idx, test_idx)
            Xf, Xt = sp.hstack([Xf, sp.csr_matrix(3 * oof)]).tocsr(), sp.hstack([Xt, sp.csr_matrix(3 * te)]).tocsr()
        pred[test_idx] = _lr(C).fit(Xf, y[fit_idx]).predict(Xt)
    return _scores(train, y, pred)


def _print(name: str, r: tuple, base: tuple | None = None) -> None:
    delta = "" if base is None else f"   mean of sets {r[2] - base[2]:+.3f} / {r[3] - base[3]:+.3f}"
    print(f"  {name:40s} all {r[0]:.3f} / {r[1]:.3f}   mean of sets {r[2]:.3f} / {r[3]:.3f}{delta}", flush=True)


def _model_matrix(train):
    """The model's training design matrix (constructions scaled as in the fit) and its columns."""
    X, cols = tone_model.design_matrix(train["sentence"].tolist())
    return (X @ tone_model._diag(tone_model.feature_scale(cols))).tocsr(), cols


def lexicon_variant(train, folds) -> tuple:
    """CV of the model with ``REVIEWED`` added to the lexicon as conflictual acts (weight -1)."""
    read = tone._read_csv
    rows = [dict(term=w, weight="-1.0", kind="act", category=c, note="", source="probe")
            for c, ws in REVIEWED.items() for w in ws]
    caches = (tone._tables, tone_model._categories, tone_model._constructions, tone_model._construction_words)

    def patched(name):
        return read(name) + (rows if name == "tone_lexicon.csv" else [])

    try:
        with mock.patch.object(tone, "_read_csv", patched):
            for f in caches:
                f.cache_clear()
            return cross_validate(train, _model_matrix(train)[0], folds)
    finally:
        for f in caches:
            f.cache_clear()


def neighbours(tk, emb, n: int, k: int = 5) -> list[tuple[str, float, str]]:
    """The ``n`` words nearest the lexicon's conflictual acts (and far from its cooperative ones) not in it.

    Candidates: corpus words seen 10 times or more and WordLlama's whole-word tokens; a candidate's
    score is its mean cosine to its ``k`` nearest conflictual forms minus that to cooperative ones.
    """
    counts = Counter(w for t in eval_tone.read_corpus()["text"] for w in re.findall(r"[a-z]+", t.lower()))
    whole = {t[1:] for t in tk.get_vocab() if t.startswith("\u2581") and t[1:].isascii() and t[1:].isalpha()
             and t[1:].islower() and len(t) >= 4}
    covered = set(tone._tables().words)
    cand = sorted(w for w in {w for w, c in counts.items() if c >= 10 and len(w) >= 3} | whole if w not in covered)
    lex = tone.load_lexicon()
    one_word = (lex["kind"] == "act") & ~lex["term"].str.contains(" ")

    def unit(words):
        m = np.array([vector_of(tk, emb, w) for w in words])
        return m / np.linalg.norm(m, axis=1, keepdims=True)

    def forms(mask):
        return sorted({f for t in lex.loc[mask, "term"] for f in tone._expand(t) if counts[f] >= 3 or f in whole})

    conf, coop = forms(one_word & (lex["weight"] < 0)), forms(one_word & (lex["weight"] > 0))
    C = unit(cand)
    s_conf, s_coop = C @ unit(conf).T, C @ unit(coop).T
    score = np.sort(s_conf, axis=1)[:, -k:].mean(1) - np.sort(s_coop, axis=1)[:, -k:].mean(1)
    return [(cand[i], float(score[i]), conf[int(np.argmax(s_conf[i]))]) for i in np.argsort(-score)[:n]]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", type=float, nargs="*", default=[0.1, 0.5, 1.0],
                    help="scales of the appended mean vectors (times a column's mean spread)")
    ap.add_argument("--seeds", type=int, nargs="*", default=[],
                    help="also the stacked variant on grouped folds shuffled with these seeds (scikit-learn >= 1.6)")
    ap.add_argument("--neighbours", type=int, default=0, help="print this many lexicon expansion candidates")
    args = ap.parse_args(argv)
    from sklearn.model_selection import GroupKFold

    tk, emb = word_vectors()
    if args.neighbours:
        for w, s, near in neighbours(tk, emb, args.neighbours):
            print(f"{w:20s} {s:.3f}  (nearest conflictual form: {near})")
    train = train_tone.training_sentences()
    texts, y, groups = train["sentence"].tolist(), train["label"].to_numpy(), train["url"].to_numpy()
    X, cols = _model_matrix(train)
    folds = list(GroupKFold(5).split(X, y, groups))
    print(f"{len(train)} training sentences; grouped 5-fold CV, macro-F1 / conflictual F1")
    base = cross_validate(train, X, folds)
    _print("the model (shipped design)", base)
    M = mean_vectors(texts, tk, emb)
    for s in args.scales:
        _print(f"+ mean word vector, scale {s}", cross_validate(train, X, folds, extra=M * s / M.std(0).mean()), base)
    Z = (M - M.mean(0)) / M.std(0)
    words = np.flatnonzero(cols["kind"].to_numpy() == "word")
    _print("words alone (the model's word counts)", cross_validate(train, X[:, words], folds))
    _print("mean word vector alone (C=0.01)", cross_validate(train, sp.csr_matrix(Z), folds, C=0.01))
    _print("+ stacked mean word vector", cross_validate(train, X, folds, stack=Z), base)
    N = native_vectors(texts, tk, emb)
    _print("+ stacked native embedding (ceiling)", cross_validate(train, X, folds, stack=(N - N.mean(0)) / N.std(0)), base)
    _print(f"lexicon + {sum(map(len, REVIEWED.values()))} reviewed neighbours", lexicon_variant(train, folds), base)
    for seed in args.seeds:
        shuffled = list(GroupKFold(5, shuffle=True, random_state=seed).split(X, y, groups))
        b = cross_validate(train, X, shuffled)
        _print(f"the model, folds shuffled (seed {seed})", b)
        _print(f"+ stacked mean word vector (seed {seed})", cross_validate(train, X, shuffled, stack=Z), b)
    return 0


if __name__ == "__main__":
    sys.exit(main())
