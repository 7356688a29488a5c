"""The learned tone model: sentence features and a logistic regression shipped as data.

:mod:`diplo_analysis.tone` scores sentences with this model; this module
holds what the model reads in a sentence and how it is trained.

Features of a sentence (all found in one vectorised pass over a batch of
texts, with the tokens and lexicon matches of :mod:`diplo_analysis.tone`):

- ``word``: each word (lower case, ASCII letters and digits), counted;
- ``lexicon``: the lexicon's signals: its score and label, the sums of
  its cooperative and conflictual values after its rules (negation,
  intensifiers, frames, first act), whether the first stance act is
  cooperative or conflictual, negated terms, framed topics, stance acts,
  and the sum per lexicon category (``category:criticism``, ...);
- ``construction``: the constructions of ``data/tone_constructions.csv``,
  a word of one list followed within a window by a word of another in the
  same clause ("if ... further", "called on/for", "urged ... to",
  "hoped ... would", "assessed ... as a threat", "discussed cooperation");
- ``length``: the log of one plus the number of words.

(Pairs of adjacent words and one feature per lexicon entry were tried:
they did not add to the cross-validated figures once the constructions
and the lexicon's signals were there, and cost a fifth of the scoring
time; see ``docs/tone.md``.)

The model is a multinomial logistic regression (scikit-learn, L2, balanced
class weights) over these features; its intercepts and coefficients are
the data file ``data/tone_model.csv`` (``kind``, ``feature``, ``coop``,
``neut``, ``conf``), its provenance ``data/tone_model.json``.  Scoring
does not use scikit-learn: every word of a batch is hashed from the bytes
and looked up once in an open hash table holding the lexicon's, the
constructions' and the model's words, and each class's logit is a
``bincount`` of per-word and per-match weights over the texts.  A
vectorizer rebuilt from the stored vocabulary would tokenise every text
again in Python and build a sparse matrix of all sentences: several times
slower than reusing the byte-level tokens the lexicon already needs.

Training (:func:`fit`, :func:`write_model`) is deterministic: the
vocabulary is sorted, the solver (L-BFGS) runs on one BLAS thread, and the
coefficients are rounded to 6 decimals.  ``scripts/train_tone.py`` rebuilds
the two files from the labelled sentences of ``tests/labels``.
"""

from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import _tone_kernel
from . import tone as _tone

__all__ = [
    "CLASSES",
    "MODEL_FILE",
    "META_FILE",
    "load_model",
    "load_constructions",
    "predict_logits",
    "softmax",
    "explain_frame",
    "design_matrix",
    "feature_scale",
    "fit",
    "write_model",
]

#: Class order of the model's columns and probabilities.
CLASSES = ("coop", "neut", "conf")
MODEL_FILE = "tone_model.csv"
META_FILE = "tone_model.json"
#: Coefficients are written with this many decimals (rounding makes the rebuild byte-identical).
DECIMALS = 6

_P1 = np.uint64(0xA24BAED4963EE407)
_P2 = np.uint64(0x9FB21C651E98DF25)
_P3 = np.uint64(0x2545F4914F6CDD1D)

_LEXICON_SIGNALS = (
    "score", "label_coop", "label_conf", "sum", "sum_coop", "sum_conf",
    "first_act_coop", "first_act_conf", "negated_coop", "negated_conf", "framed_topics", "acts",
)
_SPARSE_KINDS = ("word",)
_DENSE_KINDS = ("lexicon", "construction", "length")


# ---------------------------------------------------------------------------
# data
# ---------------------------------------------------------------------------

def load_constructions() -> pd.DataFrame:
    """Return the constructions the model reads, shipped as ``data/tone_constructions.csv``.

    Returns
    -------
    pandas.DataFrame
        One row per construction:

        - ``name`` (str): the feature's name.
        - ``first``, ``second`` (str): ``|``-separated words (``word*`` =
          the word with any common ending, as in the lexicon); the
          construction is present when a word of ``second`` follows a word
          of ``first`` within ``window`` tokens, in the same clause (no
          ``. ; : ! ?`` between).
        - ``window`` (int): at most this many tokens from the first word to
          the second.
        - ``note`` (str), ``source`` (str).
    """
    df = pd.DataFrame(_tone._read_csv("tone_constructions.csv"))
    df["window"] = df["window"].astype(int)
    return df


class _Constructions(NamedTuple):
    names: list
    windows: np.ndarray
    words: list               # the words of every construction
    first_bits: np.ndarray    # per word: bit k set if in construction k's first list
    second_bits: np.ndarray


@lru_cache(maxsize=1)
def _constructions() -> _Constructions:
    df = load_constructions()
    if len(df) > 63:  # pragma: no cover - data error
        raise ValueError("tone_constructions.csv: at most 63 constructions")
    words: dict[str, int] = {}
    first, second = [], []
    for k, row in enumerate(df.itertuples(index=False)):
        for col, acc in ((row.first, first), (row.second, second)):
            for w in col.split("|"):
                for form in _tone._expand(w.strip().lower()):
                    acc.append((words.setdefault(form, len(words)), k))
    first_bits = np.zeros(len(words), dtype=np.uint64)
    second_bits = np.zeros(len(words), dtype=np.uint64)
    for bits, pairs in ((first_bits, first), (second_bits, second)):
        for wid, k in pairs:
            bits[wid] |= np.uint64(1) << np.uint64(k)
    return _Constructions(list(df["name"]), df["window"].to_numpy(dtype=np.int64), list(words),
                          first_bits, second_bits)


class _WordIndex(NamedTuple):
    """One hash table of the constructions' words, the lexicon's words and the model's words.

    Every word of a batch is looked up once (:func:`tone._tokens`); keys
    ``0 .. n_construction - 1`` are the constructions' words.
    """

    table: object             # tone._HashTable
    lexicon_id: np.ndarray    # per key: the lexicon's word id, -1 none
    col: np.ndarray           # per key: row of the model's sparse weights, -1 none
    n_construction: int
    first_bits: np.ndarray    # per construction word: construction bits (see _Constructions)
    second_bits: np.ndarray


def _word_index(model_words: list, model_cols: np.ndarray) -> _WordIndex:
    c = _constructions()
    t = _tone._tables()
    keys = list(dict.fromkeys(c.words + list(t.words) + list(model_words)))
    pos = {w: i for i, w in enumerate(keys)}
    col = np.full(len(keys), -1, dtype=np.int64)
    col[[pos[w] for w in model_words]] = model_cols
    lexicon_id = np.full(len(keys), -1, dtype=np.int32)
    lexicon_id[[pos[w] for w in t.words]] = np.arange(len(t.words), dtype=np.int32)
    return _WordIndex(_tone._hash_table(_tone._hash_strings(keys)), lexicon_id, col, len(c.words),
                      c.first_bits, c.second_bits)


@lru_cache(maxsize=1)
def _construction_words() -> _WordIndex:
    """The word index of the constructions alone (training, before there is a model)."""
    return _word_index([], np.zeros(0, dtype=np.int64))


def _dense_names() -> list[tuple[str, str]]:
    """``(kind, feature)`` of every dense feature, in the order of :func:`_features`' matrix."""
    cats = sorted(set(_tone.load_lexicon()["category"]))
    return ([("lexicon", s) for s in _LEXICON_SIGNALS] + [("lexicon", f"category:{c}") for c in cats]
            + [("construction", c) for c in _constructions().names] + [("length", "log_words")])


# ---------------------------------------------------------------------------
# features of a batch of texts
# ---------------------------------------------------------------------------

class _Batch(NamedTuple):
    """The features of a batch of texts (rows index the texts)."""

    n: int
    tok: object             # tone._Tokens
    mt: object              # tone._Matches
    row_tok: np.ndarray     # per token: the index of its text
    word_row: np.ndarray    # per word: the index of its text
    word_id: np.ndarray     # per word (indexed like tok.starts): its id in the word index, -1 none
    n_words: np.ndarray     # per text: its number of words
    dense: np.ndarray       # (n, len(_dense_names())) float, column-major
    cons_hits: list         # per construction: (row, first token, second token) arrays


def _row_of_tokens(tok) -> np.ndarray:
    """The text index of every token (the texts are separated by the tokens ``tok.sep``)."""
    is_sep = np.zeros(len(tok.tid), dtype=np.int32)
    is_sep[tok.sep] = 1
    return np.cumsum(is_sep, dtype=np.int32)


def _construction_hits(tok, row_tok: np.ndarray, wid: np.ndarray, windex: _WordIndex) -> list:
    """Per construction, the (row, first token, second token) of each occurrence."""
    c = _constructions()
    hit = np.flatnonzero(wid.view(np.uint32) < windex.n_construction)  # -1 is a large uint32
    wid = wid[hit]
    pos, first, second = tok.wtok[hit], windex.first_bits[wid], windex.second_bits[wid]
    # the last strong boundary before each candidate word, once for all constructions
    last_strong = _tone._last_before(tok.strong, pos)
    is_second = second != 0
    pos2, last2, second = pos[is_second], last_strong[is_second], second[is_second]
    out = []
    for k in range(len(c.names)):
        bit = np.uint64(1) << np.uint64(k)
        a = pos[(first & bit) != 0]
        sel = (second & bit) != 0
        b = pos2[sel]
        j = _tone._last_before(a, b)
        ok = (j >= 0) & (j > last2[sel]) & (b - j <= c.windows[k])
        out.append((row_tok[b[ok]], j[ok], b[ok]))
    return out


def _lexicon_signals(mt, n: int) -> list[np.ndarray]:
    """The lexicon's per-text signals, in the order of ``_LEXICON_SIGNALS`` then categories."""
    t = _tone._tables()
    v, row = mt.value, mt.row

    def total(weights) -> np.ndarray:
        return np.bincount(row, weights=weights, minlength=n)[:n]

    raw = total(v)
    score = _tone._squash(raw)
    fa = mt.first_act
    w = t.entry_weight[mt.entry]
    cols = [
        score, (score >= _tone.COOP_THRESHOLD).astype(float), (score <= -_tone.CONF_THRESHOLD).astype(float),
        raw, total(np.maximum(v, 0.0)), total(np.minimum(v, 0.0)),
        total(fa & (v > 0)), total(fa & (v < 0)),
        total(mt.negated & (w > 0)), total(mt.negated & (w < 0)),
        total(mt.framed), total(t.entry_act[mt.entry]),
    ]
    cat_of, cats = _categories()
    cat = cat_of[mt.entry]
    for k in range(len(cats)):
        m = cat == k
        cols.append(np.bincount(row[m], weights=v[m], minlength=n)[:n])
    return cols


@lru_cache(maxsize=1)
def _categories() -> tuple[np.ndarray, list]:
    lex = _tone.load_lexicon()
    cats = sorted(set(lex["category"]))
    return np.array([cats.index(c) for c in lex["category"]], dtype=np.int64), cats


def _features(texts: list, windex: _WordIndex) -> _Batch:
    """Every feature of a batch of texts, vectorised (``windex``: the words to look up).

    For training and :func:`explain_frame`; scoring (:func:`predict_logits`)
    sums the same features' weights without building them.
    """
    n = len(texts)
    tok = _tone._tokens(_tone._tables(), texts, windex)
    mt = _tone._match(texts, tok)
    row_tok = _row_of_tokens(tok)
    wid = tok.wid
    hits = _construction_hits(tok, row_tok, wid, windex)
    word_row = row_tok[tok.wtok]
    n_words = np.bincount(word_row, minlength=n)[:n]
    cols = _lexicon_signals(mt, n)
    cols += [np.bincount(r, minlength=n)[:n].astype(float) for r, _, _ in hits]
    cols.append(np.log1p(n_words.astype(float)))
    mat = np.empty((n, len(cols)), order="F")
    for j, col in enumerate(cols):
        mat[:, j] = col
    return _Batch(n, tok, mt, row_tok, word_row, wid, n_words, mat, hits)


# ---------------------------------------------------------------------------
# the shipped model
# ---------------------------------------------------------------------------

class _Model(NamedTuple):
    table: pd.DataFrame     # the model file (kind, feature, coop, neut, conf)
    intercept: np.ndarray   # (3,)
    dense_w: np.ndarray     # (n_dense, 3), rows in the order of _dense_names()
    words: _WordIndex       # the model's words (and the lexicon's and constructions' words)
    sparse_w: np.ndarray    # (n_words, 3): the words, in the table's order
    diff: dict              # the same weights as logits relative to neut (see _relative)
    fast: dict              # ... arranged for scoring (see _fast_weights)


def _relative(intercept: np.ndarray, dense_w: np.ndarray, sparse_w: np.ndarray) -> dict:
    """The weights as (coop - neut, conf - neut): scoring needs two logits, not three.

    Keys: ``intercept`` (2,), ``sparse`` (n_sparse, 2), one (2,) vector per lexicon signal,
    ``category`` (n_categories, 2), ``construction`` (n_constructions, 2), ``length`` (2,).
    """
    def rel(w: np.ndarray) -> np.ndarray:
        return np.ascontiguousarray(w[..., [0, 2]] - w[..., [1]])

    names = _dense_names()
    d = rel(dense_w)
    out = {"intercept": rel(intercept), "sparse": rel(sparse_w)}
    for j, (kind, feat) in enumerate(names):
        if kind == "lexicon" and not feat.startswith("category:"):
            out[feat] = d[j]
    out["category"] = d[[j for j, (k, f) in enumerate(names) if f.startswith("category:")]]
    out["construction"] = d[[j for j, (k, f) in enumerate(names) if k == "construction"]]
    out["length"] = d[names.index(("length", "log_words"))]
    return out


def _fast_weights(m: _Model) -> dict:
    """Per-class (coop - neut, conf - neut) weights of every key of the word index, (2, n_keys + 1).

    The last column is zeros, so that id -1 (not a key) reads 0 without a test.
    """
    keys = np.flatnonzero(m.words.col >= 0)
    out = np.zeros((2, len(m.words.col) + 1))
    out[:, keys] = m.diff["sparse"][m.words.col[keys]].T
    return {"word": out}


def _read_model_table(text: str, where: str) -> pd.DataFrame:
    df = pd.read_csv(io.StringIO(text), dtype={"kind": str, "feature": str}, keep_default_na=False)
    need = ["kind", "feature", *CLASSES]
    if list(df.columns) != need:
        raise ValueError(f"{where}: expected columns {need}, got {list(df.columns)}")
    bad = ~df["kind"].isin(["intercept", *_DENSE_KINDS, *_SPARSE_KINDS])
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(f"{where}, line {i + 2}: unknown kind {df['kind'].iloc[i]!r}")
    return df


def load_model() -> pd.DataFrame:
    """Return the tone model shipped with the package (``data/tone_model.csv``).

    Returns
    -------
    pandas.DataFrame
        One row per feature, sorted by kind then feature:

        - ``kind`` (str): ``intercept``, ``lexicon``, ``construction``,
          ``length`` or ``word``.
        - ``feature`` (str): the word, the lexicon signal (e.g. ``sum_conf``,
          ``category:criticism``), the construction's name.
        - ``coop``, ``neut``, ``conf`` (float): the coefficient of the
          feature in each class's logit (the intercept row: the intercepts).

        ``df.attrs`` holds the provenance of ``data/tone_model.json``
        (training sets, sentences per class, parameters).
    """
    return _load_model().table.copy()


def _model_text(name: str) -> str:
    return resources.files("diplo_analysis").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _load_model() -> _Model:
    table = _read_model_table(_model_text(MODEL_FILE), f"data/{MODEL_FILE}")
    table.attrs.update(json.loads(_model_text(META_FILE)))
    return _compile(table)


def _compile(table: pd.DataFrame) -> _Model:
    """The lookup tables of a model file."""
    w = table[list(CLASSES)].to_numpy(dtype=float)
    kind, feat = table["kind"].to_numpy(), table["feature"].to_numpy()
    icpt = np.flatnonzero(kind == "intercept")
    if len(icpt) != 1:
        raise ValueError(f"data/{MODEL_FILE}: expected one intercept row, got {len(icpt)}")
    dense_pos = {(k, f): i for i, (k, f) in enumerate(zip(kind, feat)) if k in _DENSE_KINDS}
    names = _dense_names()
    unknown = set(dense_pos) - set(names)
    if unknown:
        raise ValueError(f"data/{MODEL_FILE}: features the package does not compute: {sorted(unknown)[:5]}")
    dense_w = np.array([w[dense_pos[nm]] if nm in dense_pos else np.zeros(3) for nm in names]).reshape(-1, 3)
    sparse = np.flatnonzero(kind == "word")
    words = list(feat[sparse])
    model = _Model(table, w[icpt[0]], dense_w, _word_index(words, np.arange(len(words), dtype=np.int64)),
                   w[sparse], _relative(w[icpt[0]], dense_w, w[sparse]), {})
    model.fast.update(_fast_weights(model))
    return model


def _sparse_hits(m: _Model, b: _Batch) -> tuple[np.ndarray, np.ndarray]:
    """(text row, row of ``m.sparse_w``) of every word of the model in the batch."""
    col = np.where(b.word_id >= 0, m.words.col[b.word_id], -1)
    keep = np.flatnonzero(col >= 0)
    return b.word_row[keep], col[keep]


def _match_weights(m: _Model, mt) -> np.ndarray:
    """What each lexicon match adds to the two relative logits through the linear lexicon signals."""
    d = m.diff
    t = _tone._tables()
    v = mt.value[:, None]
    w = t.entry_weight[mt.entry][:, None]
    fa = mt.first_act[:, None]
    cat_of, _ = _categories()
    return (v * (d["sum"] + d["category"][cat_of[mt.entry]])
            + np.maximum(v, 0.0) * d["sum_coop"] + np.minimum(v, 0.0) * d["sum_conf"]
            + (fa & (v > 0)) * d["first_act_coop"] + (fa & (v < 0)) * d["first_act_conf"]
            + (mt.negated[:, None] & (w > 0)) * d["negated_coop"] + (mt.negated[:, None] & (w < 0)) * d["negated_conf"]
            + mt.framed[:, None] * d["framed_topics"] + t.entry_act[mt.entry][:, None] * d["acts"])


def predict_logits(texts: list, model: _Model | None = None) -> np.ndarray:
    """The model's logits for each text of one batch, relative to ``neut``.

    The dense features are not built: their linear part is summed per
    lexicon match and per construction, so the logits come from two
    ``bincount`` over every item (word, lexicon match, construction)
    of the batch; the result equals the design matrix times the
    coefficients (a test checks it).

    Parameters
    ----------
    texts : list of str
    model : optional
        A compiled model (default: the shipped one).

    Returns
    -------
    numpy.ndarray
        Shape ``(len(texts), 3)``, columns in the order of :data:`CLASSES`
        (``coop``, ``neut``, ``conf``), the ``neut`` column 0; the
        probabilities are their softmax.
    """
    m = model if model is not None else _load_model()
    d = m.diff
    n = len(texts)
    tok = _tone._tokens(_tone._tables(), texts, m.words)
    mt = _tone._match(texts, tok)
    wsum, n_words, counts = _word_pass(m, tok, n)
    raw = np.bincount(mt.row, weights=mt.value, minlength=n)[:n]
    score = _tone._squash(raw)
    base = (d["intercept"] + score[:, None] * d["score"] + np.log1p(n_words)[:, None] * d["length"]
            + (score >= _tone.COOP_THRESHOLD)[:, None] * d["label_coop"]
            + (score <= -_tone.CONF_THRESHOLD)[:, None] * d["label_conf"])
    mt_w = _match_weights(m, mt)
    out = np.zeros((n, 3))
    for k, col in ((0, 0), (2, 1)):
        cons = np.zeros(n)
        for j in range(counts.shape[1]):
            cons += counts[:, j] * d["construction"][j, col]
        out[:, k] = base[:, col] + wsum[col] + np.bincount(mt.row, weights=mt_w[:, col], minlength=n)[:n] + cons
    return out


def _word_pass(m: _Model, tok, n: int) -> tuple[tuple, np.ndarray, np.ndarray]:
    """Per text: the word weights' sums (coop - neut, conf - neut), the words and the constructions' counts.

    With numba, one compiled pass over the tokens (``_tone_kernel.model_pass``);
    else numpy.  Both add the same numbers in the same order: the same bits.
    """
    if _tone.USE_KERNEL and _tone_kernel.AVAILABLE:
        w0, w1, n_words, counts = _tone_kernel.model_pass(tok, n, m.fast["word"], m.words, _constructions().windows)
        return (w0, w1), n_words, counts
    row_tok = _row_of_tokens(tok)
    word_row = row_tok[tok.wtok]
    n_words = np.bincount(word_row, minlength=n)[:n]
    wsum = tuple(np.bincount(word_row, weights=m.fast["word"][col][tok.wid], minlength=n)[:n] for col in (0, 1))
    hits = _construction_hits(tok, row_tok, tok.wid, m.words)
    counts = np.zeros((n, len(hits)), dtype=np.int64)
    for j, (r, _, _) in enumerate(hits):
        counts[:, j] = np.bincount(r, minlength=n)[:n]
    return wsum, n_words, counts


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax of a ``(n, 3)`` array of logits.

    Returns
    -------
    numpy.ndarray
        The class probabilities, same shape, each row summing to 1.
    """
    z = np.exp(logits - logits.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


# ---------------------------------------------------------------------------
# explanation of one text
# ---------------------------------------------------------------------------

def _span(b: _Batch, first_tok: int, last_tok: int) -> str:
    tok = b.tok
    start = tok.pos[first_tok]
    last_word = np.searchsorted(tok.starts, tok.pos[last_tok])
    return tok.data[start: tok.ends[last_word]].decode("utf-8", "replace")


def _lexicon_matches_text(b: _Batch) -> str:
    t = _tone._tables()
    mt = b.mt
    parts = []
    for s, e, entry, v in zip(mt.start_byte, _tone._end_bytes(b.tok, mt), mt.entry, mt.value):
        if v != 0:
            parts.append(f"{b.tok.data[s:e].decode('utf-8', 'replace')} ({t.terms[entry]}) {v:+.2f}")
    return "; ".join(parts)


def _explain_rows(text: str, m: _Model) -> list[dict]:
    """Every feature present in ``text``: kind, feature, matched words, value, weights."""
    b = _features([text], m.words)
    rows = []
    names = _dense_names()
    lex_text = _lexicon_matches_text(b)
    for j, (kind, feat) in enumerate(names):
        x = float(b.dense[0, j])
        if x == 0 or not m.dense_w[j].any():
            continue
        if kind == "construction":
            k = [c for _, c in names if _ == "construction"].index(feat)
            _, a, z = b.cons_hits[k]
            matched = "; ".join(_span(b, int(i), int(e)) for i, e in zip(a, z))
        elif kind == "lexicon":
            matched = lex_text
        else:
            matched = f"{int(round(np.expm1(x)))} words"
        rows.append(dict(kind=kind, feature=feat, matched=matched, value=x, w=m.dense_w[j]))
    _, cols = _sparse_hits(m, b)
    words = m.table.loc[m.table["kind"] == "word", "feature"].to_numpy()
    counts = np.bincount(cols, minlength=len(words))
    for c in np.flatnonzero(counts):
        rows.append(dict(kind="word", feature=words[c], matched=words[c], value=float(counts[c]), w=m.sparse_w[c]))
    return rows


def explain_frame(text: str, model: _Model | None = None) -> pd.DataFrame:
    """The features of one text with what each adds to each class's logit.

    Returns
    -------
    pandas.DataFrame
        The frame of :func:`diplo_analysis.tone.explain` (columns ``kind``,
        ``feature``, ``matched``, ``value``, ``coop``, ``neut``, ``conf``,
        ``effect``; ``attrs`` ``label``, ``sentiment``, ``p_*``, ``logits``,
        ``intercept``).
    """
    m = model if model is not None else _load_model()
    rows = _explain_rows(text, m)
    logits = m.intercept + sum((r["value"] * r["w"] for r in rows), np.zeros(3))
    probs = softmax(logits[None, :])[0]
    label = CLASSES[int(np.argmax(probs))]
    out = pd.DataFrame({
        "kind": [r["kind"] for r in rows],
        "feature": [r["feature"] for r in rows],
        "matched": [r["matched"] for r in rows],
        "value": [r["value"] for r in rows],
        **{c: [r["value"] * r["w"][i] for r in rows] for i, c in enumerate(CLASSES)},
    })
    if not len(out):
        out = out.astype({"value": float, **{c: float for c in CLASSES}})
    others = [c for c in CLASSES if c != label]
    out["effect"] = out[label] - out[others].mean(axis=1)
    out = out.sort_values(["effect", "kind", "feature"], ascending=[False, True, True], kind="stable")
    out = out.reset_index(drop=True)
    out.attrs.update(
        label=label, sentiment=float(probs[0] - probs[2]),
        **{f"p_{c}": float(p) for c, p in zip(CLASSES, probs)},
        intercept={c: float(v) for c, v in zip(CLASSES, m.intercept)},
        logits={c: float(v) for c, v in zip(CLASSES, logits)},
    )
    return out


# ---------------------------------------------------------------------------
# training
# ---------------------------------------------------------------------------

#: Training parameters (chosen by grouped cross-validation on the training sets only).
C = 0.5          # inverse L2 strength of the logistic regression
MIN_DF = 2       # a word must occur in at least this many training sentences
MAX_DF = 0.2     # ... and in at most this share of them (very common words carry little and cost time)


#: The constructions' columns are multiplied by this during the fit and their coefficients
#: divided by it after: their L2 penalty is 1/25 of the other features'.  They are few and
#: rare in the labels (3 to 48 sentences each) but written from the genre's knowledge;
#: cross-validated macro-F1 0.776 without, 0.779-0.780 with a factor of 3-10.
CONSTRUCTION_SCALE = 5.0

#: Class weights of the fit: ``balanced`` weighs each class by the inverse of its frequency
#: (conflictual sentences are 15% of the training labels).
CLASS_WEIGHT = "balanced"


def _vocabulary(texts: list) -> tuple[pd.DataFrame, np.ndarray, np.ndarray, np.ndarray]:
    """Features of training texts: (vocabulary ``kind``/``feature``/``df``, text rows and vocabulary ids
    of the word occurrences kept, dense matrix)."""
    b = _features(texts, _construction_words())
    tok = b.tok
    u, first, inv = np.unique(tok.whash, return_index=True, return_inverse=True)
    pairs = np.unique(np.stack([b.word_row.astype(np.int64), inv.astype(np.int64)]), axis=1)
    df = np.bincount(pairs[1], minlength=len(u))
    keep = np.flatnonzero((df >= MIN_DF) & (df <= MAX_DF * len(texts)))
    names = [tok.data[tok.starts[i]: tok.ends[i]].decode("ascii") for i in first[keep]]
    order = np.argsort(names, kind="stable")
    local = np.full(len(u), -1, dtype=np.int64)
    local[keep[order]] = np.arange(len(keep))
    voc = pd.DataFrame({"kind": "word", "feature": np.array(names, dtype=object)[order], "df": df[keep[order]]})
    ids = local[inv]
    ok = ids >= 0
    return voc, b.word_row[ok], ids[ok], b.dense


def design_matrix(texts: list):
    """Training design matrix of ``texts`` and its columns.

    Returns
    -------
    X : scipy.sparse.csr_matrix
        Dense features first (in the order of :func:`_dense_names`), then
        the words (counts), sorted.
    columns : pandas.DataFrame
        ``kind``, ``feature`` of each column.
    """
    import scipy.sparse as sp

    voc, rows, ids, dense = _vocabulary(texts)
    n = len(texts)
    Xs = sp.csr_matrix((np.ones(len(rows)), (rows, ids)), shape=(n, len(voc)))
    X = sp.hstack([sp.csr_matrix(dense), Xs], format="csr")
    cols = pd.DataFrame(_dense_names(), columns=["kind", "feature"])
    cols = pd.concat([cols, voc[["kind", "feature"]]], ignore_index=True)
    return X, cols


def feature_scale(columns: pd.DataFrame) -> np.ndarray:
    """The factor of each column of :func:`design_matrix` during the fit.

    Returns
    -------
    numpy.ndarray
        ``CONSTRUCTION_SCALE`` for the constructions' columns, 1 for the others.
    """
    return np.where(columns["kind"].to_numpy() == "construction", CONSTRUCTION_SCALE, 1.0)


def _diag(scale: np.ndarray):
    import scipy.sparse as sp

    return sp.diags(scale, format="csr")


def fit(texts: list, labels: list, C: float = C) -> pd.DataFrame:
    """Train the model on labelled sentences.

    Parameters
    ----------
    texts : list of str
    labels : list of str
        ``coop``, ``neut`` or ``conf`` for each text.
    C : float
        Inverse L2 regularisation strength.

    Returns
    -------
    pandas.DataFrame
        The model table (the format of :func:`load_model`): the intercept
        row, then the dense features, then the words sorted; coefficients
        rounded to ``DECIMALS``.
    """
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    y = np.asarray(labels, dtype=object)
    bad = ~np.isin(y, CLASSES)
    if bad.any():
        raise ValueError(f"fit(): label {y[bad][0]!r} is not one of {CLASSES}")
    X, cols = design_matrix(list(texts))
    scale = feature_scale(cols)
    with threadpool_limits(1):
        lr = LogisticRegression(C=C, class_weight=CLASS_WEIGHT, max_iter=10_000, tol=1e-8).fit(X @ _diag(scale), y)
    order = [list(lr.classes_).index(c) for c in CLASSES]
    coef = lr.coef_[order].T * scale[:, None]
    table = pd.concat([
        pd.DataFrame({"kind": ["intercept"], "feature": ["(intercept)"],
                      **{c: [lr.intercept_[k]] for c, k in zip(CLASSES, order)}}),
        cols.assign(**{c: coef[:, i] for i, c in enumerate(CLASSES)}),
    ], ignore_index=True)
    kind_rank = {k: i for i, k in enumerate(["intercept", *_DENSE_KINDS, *_SPARSE_KINDS])}
    dense_rank = {nm: i for i, nm in enumerate(_dense_names())}
    table["_k"] = table["kind"].map(kind_rank)
    table["_d"] = [dense_rank.get((k, f), -1) for k, f in zip(table["kind"], table["feature"])]
    table = table.sort_values(["_k", "_d", "feature"], kind="stable").drop(columns=["_k", "_d"])
    for c in CLASSES:
        table[c] = table[c].round(DECIMALS) + 0.0  # + 0.0: no "-0.0"
    return table.reset_index(drop=True)


def write_model(table: pd.DataFrame, meta: dict, folder) -> list[Path]:
    """Write the model table and its provenance as ``tone_model.csv`` and ``tone_model.json`` in ``folder``.

    Returns
    -------
    list of pathlib.Path
        The two files written.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, json_path = folder / MODEL_FILE, folder / META_FILE
    with open(csv_path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["kind", "feature", *CLASSES])
        for row in table.itertuples(index=False):
            w.writerow([row.kind, row.feature, *(f"{getattr(row, c):.{DECIMALS}f}" for c in CLASSES)])
    json_path.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return [csv_path, json_path]
