"""Topic-keyword clusters: what the readouts are about, and how that moves over time.

:func:`topic_clusters` fits a non-negative matrix factorisation (scikit-learn's
:class:`~sklearn.decomposition.NMF`) on TF-IDF features of each readout's title
and text, assigns every readout its strongest topic and describes each topic by
its highest-weighted keywords.

What makes the keywords readable and the topics thematic:

- no stop words (scikit-learn's English list plus ``data/topic_stopwords.txt``:
  honorifics, the publishing offices' names, site boilerplate, genre words,
  dates and numbers in words); digits never form tokens;
- no names of people or places, found from the data: a word written with a
  capital initial in more than ``name_threshold`` of its mid-sentence uses
  (``Merkel``, ``Kazakhstan``, ``Russian``) is a name.  Left in, names split the
  topics by country instead of by theme.  All-capital acronyms (``BRICS``,
  ``CIS``) are kept;
- sublinear term frequency, words in at least ``min_df`` documents and at most
  ``max_df`` of them, single words and two-word phrases;
- NMF with ``nndsvda`` initialisation, deterministic given ``random_state``.

:func:`compare_topic_counts` helps choose ``n_topics``: stability across seeds
and UMass coherence of the keywords for each candidate.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import combinations
from typing import Iterable, Optional, Sequence

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

__all__ = ["TopicModel", "topic_clusters", "compare_topic_counts", "stop_words", "capitalised_terms"]

DEFAULT_N_TOPICS = 20
TOKEN_PATTERN = r"(?u)\b[a-zA-Z][a-zA-Z]+\b"  # letters only: numbers never become keywords
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z][A-Za-z]+")
# a word with a sentence-opening prefix (punctuation, a line break) is not judged
_WORD_IN_CONTEXT = re.compile(r"([.!?:;\"“”()\[\]–—]\s*|\n\s*)?\b([A-Za-z][A-Za-z]+)")


# --------------------------------------------------------------------------- vocabulary
@lru_cache(maxsize=1)
def _stop_entries() -> tuple[frozenset, tuple]:
    text = resources.files("diplo_analysis").joinpath("data/topic_stopwords.txt").read_text(encoding="utf-8")
    words, phrases = set(), []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip().lower() if not line.strip().startswith("###") else "###"
        if not entry:
            continue
        if " " in entry or not _WORD.fullmatch(entry):
            phrases.append(entry)
        else:
            words.add(entry)
    return frozenset(words), tuple(sorted(phrases, key=len, reverse=True))


def stop_words() -> frozenset:
    """Return the single-word stop list: scikit-learn's English list plus the shipped one.

    Returns
    -------
    frozenset of str
        Lower-case words never used as topic features (phrases of the shipped
        list are removed from the text before tokenising and are not included).
    """
    words, _ = _stop_entries()
    return frozenset(ENGLISH_STOP_WORDS) | words


def _phrase_pattern() -> re.Pattern:
    _, phrases = _stop_entries()
    # word boundaries only (a look-behind here costs 20x the time); "###" and the
    # like never survive tokenising anyway
    usable = [p for p in phrases if re.match(r"\w", p) and re.search(r"\w$", p)]
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in usable) + r")\b")


def capitalised_terms(texts: Iterable[str], threshold: float = 0.9, min_count: int = 3) -> frozenset:
    """Words that are names by their capitalisation in running text.

    A word (lower-cased) counts as a name when, among its occurrences that do
    not open a sentence, more than ``threshold`` are written Capitalised
    (``Merkel``, ``Kazakhstan``, ``Russian``).  Words in capitals throughout
    (``BRICS``) are not Capitalised and are kept.

    Parameters
    ----------
    texts : iterable of str
    threshold : float, default 0.9
    min_count : int, default 3
        Words seen fewer times mid-sentence are not judged.

    Returns
    -------
    frozenset of str
        The lower-cased name words.
    """
    cap, seen = Counter(), Counter()
    for text in texts:
        if not isinstance(text, str) or not text:
            continue
        words = [w for p, w in _WORD_IN_CONTEXT.findall(text) if not p]
        if words and not text[:1].isspace() and text.lstrip().startswith(words[0]):
            words = words[1:]  # the document's first word opens a sentence
        seen.update(w.lower() for w in words)
        cap.update(w.lower() for w in words if w[0].isupper() and not w.isupper())
    return frozenset(w for w, n in seen.items() if n >= min_count and cap[w] / n > threshold)


def _truncate(text: str, max_words: Optional[int]) -> str:
    if max_words is None or not text:
        return text
    for i, m in enumerate(_SPACE.finditer(text)):
        if i + 1 == max_words:
            return text[:m.start()]
    return text


def _documents(readouts: pd.DataFrame, fields: Sequence[str], max_words: Optional[int] = None) -> pd.Series:
    if not isinstance(readouts, pd.DataFrame):
        raise TypeError(f"topic_clusters: expected the readouts DataFrame, got {type(readouts).__name__}")
    missing = [f for f in fields if f not in readouts.columns]
    if missing:
        raise KeyError(f"topic_clusters: the readouts frame has no column(s) {missing}")
    parts = [readouts[f].astype("object").where(readouts[f].notna(), "").astype(str) for f in fields]
    docs = parts[0]
    for p in parts[1:]:
        docs = docs + "\n\n" + p
    return docs.str.strip().map(lambda t: _truncate(t, max_words))


# --------------------------------------------------------------------------- result
@dataclass
class TopicModel:
    """A fitted topic model and what it says about each readout.

    Attributes
    ----------
    assignments : DataFrame
        Aligned with the readouts' index: ``topic`` (int, the strongest topic;
        -1 for a readout without usable words), ``topic_weight`` (float, that
        topic's share of the readout's topic weights, in [0, 1]; NaN for -1),
        ``topic_label`` (str, the topic's top three keywords joined by ``" / "``;
        ``""`` for -1).
    keywords : DataFrame
        ``topic`` (int), ``rank`` (int, 1 = strongest), ``keyword`` (str),
        ``weight`` (float, the keyword's weight in the topic), sorted by topic and rank.
    labels : dict
        Topic number -> label (top three keywords).
    doc_topic : ndarray
        Readouts x topics, each row normalised to sum to 1 (zeros for -1 rows).
    dates : Series or None
        The readouts' ``date`` column when present (for :meth:`prevalence`).
    vectorizer_, model_ : fitted TfidfVectorizer and NMF.
    names_ : frozenset
        Words dropped as names (see :func:`capitalised_terms`).
    """

    assignments: pd.DataFrame
    keywords: pd.DataFrame
    labels: dict
    doc_topic: np.ndarray
    dates: Optional[pd.Series]
    vectorizer_: TfidfVectorizer
    model_: NMF
    names_: frozenset = field(default_factory=frozenset)

    @property
    def n_topics(self) -> int:
        return int(self.model_.n_components_)

    def __repr__(self) -> str:
        assigned = int((self.assignments["topic"] >= 0).sum())
        return (f"TopicModel(n_topics={self.n_topics}, documents={len(self.assignments)}, "
                f"assigned={assigned}, vocabulary={len(self.vectorizer_.vocabulary_)})")

    def top_keywords(self, n: int = 10) -> dict:
        """Topic -> list of its ``n`` strongest keywords."""
        kw = self.keywords.loc[self.keywords["rank"] <= n]
        return {int(t): list(g["keyword"]) for t, g in kw.groupby("topic", sort=True)}

    def prevalence(self, freq: str = "YS", how: str = "share") -> pd.DataFrame:
        """Topic prevalence per period.

        Parameters
        ----------
        freq : str, default "YS"
            Period labelled by its start (``"YS"``, ``"QS"``, ``"MS"``...).
        how : {"share", "weight"}, default "share"
            ``"share"``: the share of the period's readouts assigned to each
            topic; ``"weight"``: the mean of the readouts' normalised topic
            weights.  Readouts without a date or a topic are left out.

        Returns
        -------
        DataFrame
            Index ``period`` (every period from the first to the last dated
            readout); one float column per topic (named by its number; the
            labels are in ``attrs["labels"]``).  Each row sums to 1, or is all
            NaN for a period without any readout (a coverage gap, not a silence).
            ``attrs``: ``labels``, ``n_documents`` (Series: readouts per period), ``how``.
        """
        from .frequency import _period_range, _period_start

        if self.dates is None:
            raise ValueError("prevalence needs dates: the readouts frame had no 'date' column")
        if how not in ("share", "weight"):
            raise ValueError(f"how must be 'share' or 'weight', got {how!r}")
        topic = self.assignments["topic"].to_numpy()
        ok = (topic >= 0) & self.dates.notna().to_numpy()
        periods = _period_start(self.dates[ok], freq)
        k = self.n_topics
        if how == "share":
            values = np.eye(k)[topic[ok]]
        else:
            values = self.doc_topic[ok]
        frame = pd.DataFrame(values, columns=range(k), index=periods.index)
        frame["period"] = periods.to_numpy()
        grouped = frame.groupby("period")
        out = grouped.mean().reindex(_period_range(periods, freq))
        out.index.name = "period"
        out.columns.name = "topic"
        counts = grouped.size().reindex(out.index).fillna(0).astype(int)
        out.attrs = {"labels": dict(self.labels), "n_documents": counts, "how": how}
        return out


# --------------------------------------------------------------------------- fitting
def _vectorize(docs: pd.Series, min_df, max_df, ngram_range, names, extra_stop_words=()):
    phrase_re = _phrase_pattern()

    def preprocess(text: str) -> str:
        return phrase_re.sub(" ", text.lower())

    n_docs = int((docs.str.len() > 0).sum())
    dropped = stop_words() | names | {w.lower() for w in extra_stop_words}
    vec = TfidfVectorizer(
        preprocessor=preprocess, token_pattern=TOKEN_PATTERN, stop_words=sorted(dropped),
        sublinear_tf=True, min_df=min_df if n_docs >= 50 else 1, max_df=max_df if n_docs >= 50 else 1.0,
        ngram_range=ngram_range, dtype=np.float64,
    )
    return vec, vec.fit_transform(docs)


def _nmf(X, n_topics: int, random_state, max_iter, beta_loss):
    if X.shape[1] < n_topics:
        raise ValueError(f"only {X.shape[1]} distinct keywords for n_topics={n_topics}: use fewer topics")
    solver = "mu" if beta_loss != "frobenius" else "cd"
    model = NMF(n_components=n_topics, init="nndsvda", random_state=random_state, max_iter=max_iter,
                beta_loss=beta_loss, solver=solver, tol=1e-4)
    return model, model.fit_transform(X)


def _fit(docs: pd.Series, n_topics: int, random_state, min_df, max_df, ngram_range, name_threshold,
         max_iter, beta_loss, names=None, extra_stop_words=()):
    if names is None:
        names = capitalised_terms(docs, threshold=name_threshold) if name_threshold is not None else frozenset()
    vec, X = _vectorize(docs, min_df, max_df, ngram_range, names, extra_stop_words)
    model, W = _nmf(X, n_topics, random_state, max_iter, beta_loss)
    return vec, model, X, W, names


def topic_clusters(readouts: pd.DataFrame, n_topics: int = DEFAULT_N_TOPICS, random_state: int = 0, *,
                   fields: Sequence[str] = ("title", "text"), n_keywords: int = 10, min_df: int = 10,
                   max_df: float = 0.5, ngram_range: tuple = (1, 2), name_threshold: Optional[float] = 0.9,
                   max_iter: int = 400, beta_loss: str = "frobenius",
                   max_words: Optional[int] = 500, extra_stop_words: Iterable[str] = ()) -> TopicModel:
    """Fit topic-keyword clusters on the readouts' text.

    Parameters
    ----------
    readouts : DataFrame
        The readouts frame; needs the ``fields`` columns (``title`` may be
        missing values) and, for :meth:`TopicModel.prevalence`, ``date``.
    n_topics : int, default 20
        Number of topics; compare choices with :func:`compare_topic_counts`.
    random_state : int, default 0
        Seed of the NMF initialisation: the same seed gives the same topics.
    fields : sequence of str, default ("title", "text")
        Columns joined into each readout's document.
    n_keywords : int, default 10
        Keywords kept per topic in ``keywords``.
    min_df, max_df : int, float, default 10, 0.5
        Keep words in at least ``min_df`` readouts and at most ``max_df`` of
        them (not applied below 50 readouts, where they would empty the vocabulary).
    ngram_range : tuple, default (1, 2)
        Words and two-word phrases.
    name_threshold : float or None, default 0.9
        Drop words Capitalised in more than this share of their mid-sentence
        uses (names of people and places); ``None`` keeps them.
    max_iter : int, default 400
    beta_loss : {"frobenius", "kullback-leibler"}, default "frobenius"
        ``"kullback-leibler"`` uses the multiplicative-update solver (several times slower).
    max_words : int or None, default 500
        Only the first ``max_words`` words of each document are used: a
        readout's theme is in its title and opening, and long transcripts
        would otherwise dominate the fit time (None: whole texts).
    extra_stop_words : iterable of str, optional
        More words to leave out, on top of :func:`stop_words` and the names.

    Returns
    -------
    TopicModel
        ``assignments``, ``keywords``, ``labels``, ``doc_topic``, ``prevalence(freq)``,
        ``vectorizer_``, ``model_``, ``names_`` (see :class:`TopicModel`).
    """
    if not isinstance(n_topics, (int, np.integer)) or n_topics < 2:
        raise ValueError(f"n_topics must be an int >= 2, got {n_topics!r}")
    docs = _documents(readouts, fields, max_words)
    if (docs.str.len() > 0).sum() < n_topics:
        raise ValueError(f"{int((docs.str.len() > 0).sum())} readouts with text: too few for {n_topics} topics")
    vec, model, X, W, names = _fit(docs, int(n_topics), random_state, min_df, max_df, ngram_range,
                                   name_threshold, max_iter, beta_loss,
                                   extra_stop_words=tuple(extra_stop_words))
    terms = vec.get_feature_names_out()
    rows = []
    for t, comp in enumerate(model.components_):
        order = np.argsort(-comp, kind="stable")[:n_keywords]
        rows += [(t, r + 1, terms[i], float(comp[i])) for r, i in enumerate(order) if comp[i] > 0]
    keywords = pd.DataFrame(rows, columns=["topic", "rank", "keyword", "weight"])
    labels = {t: " / ".join(g["keyword"].head(3)) for t, g in keywords.groupby("topic", sort=True)}
    totals = W.sum(axis=1)
    has = totals > 0
    doc_topic = np.zeros_like(W)
    doc_topic[has] = W[has] / totals[has, None]
    topic = np.where(has, doc_topic.argmax(axis=1), -1)
    weight = np.where(has, doc_topic.max(axis=1), np.nan)
    assignments = pd.DataFrame({
        "topic": topic.astype(int), "topic_weight": weight,
        "topic_label": [labels.get(int(t), "") for t in topic],
    }, index=readouts.index)
    dates = readouts["date"] if "date" in readouts.columns else None
    if dates is not None:
        dates = pd.to_datetime(dates)
    return TopicModel(assignments=assignments, keywords=keywords, labels=labels, doc_topic=doc_topic,
                      dates=dates, vectorizer_=vec, model_=model, names_=names)


# --------------------------------------------------------------------------- choosing n_topics
def _umass(X_bin, top_idx: Sequence[Sequence[int]]) -> float:
    """Mean UMass coherence of topics given their top-term column indices."""
    df = np.asarray(X_bin.sum(axis=0)).ravel()
    scores = []
    for idx in top_idx:
        sub = X_bin[:, list(idx)]
        co = (sub.T @ sub).toarray()
        s = [np.log((co[i, j] + 1.0) / df[idx[j]]) for i in range(1, len(idx)) for j in range(i)]
        scores.append(np.mean(s))
    return float(np.mean(scores))


def compare_topic_counts(readouts: pd.DataFrame, n_topics: Sequence[int] = (10, 15, 20, 25, 30),
                         seeds: Sequence[int] = (0, 1, 2), n_keywords: int = 10, subsample: float = 0.8,
                         **kwargs) -> pd.DataFrame:
    """Compare numbers of topics by stability and keyword coherence.

    The features are built once (as in :func:`topic_clusters`).  For each
    ``n_topics`` and seed, NMF is fitted on a random ``subsample`` of the
    readouts drawn with that seed (and ``random_state=seed``), so stability
    measures how much the topics depend on the particular documents, not only
    on the initialisation (NNDSVD initialisation barely depends on the seed).
    Topics of every pair of seeds are matched one to one (Hungarian
    assignment on the cosine of their keyword-weight vectors).

    Parameters
    ----------
    readouts : DataFrame
    n_topics : sequence of int
    seeds : sequence of int
        At least two seeds.
    n_keywords : int, default 10
        Keywords per topic for the Jaccard and coherence columns.
    subsample : float, default 0.8
        Share of the readouts each fit sees (1.0: all, only the seed varies).
    **kwargs
        The feature and model options of :func:`topic_clusters` (``fields``,
        ``min_df``, ``max_df``, ``ngram_range``, ``name_threshold``,
        ``max_iter``, ``beta_loss``, ``max_words``, ``extra_stop_words``).

    Returns
    -------
    DataFrame
        One row per ``n_topics`` (sorted): ``n_topics``, ``stability_cosine``
        (mean cosine of matched topics over seed pairs, 1 = identical),
        ``stability_jaccard`` (mean Jaccard overlap of matched topics' top
        keywords), ``coherence_umass`` (mean UMass coherence of the top
        keywords from document co-occurrence in all readouts, seed-averaged;
        nearer 0 is better), ``reconstruction_error`` (seed-averaged NMF error,
        on the subsample).
    """
    if len(seeds) < 2:
        raise ValueError("compare_topic_counts needs at least two seeds to measure stability")
    if not 0 < subsample <= 1:
        raise ValueError(f"subsample must be in (0, 1], got {subsample}")
    unknown = set(kwargs) - {"fields", "min_df", "max_df", "ngram_range", "name_threshold", "max_iter",
                             "beta_loss", "max_words", "extra_stop_words"}
    if unknown:
        raise TypeError(f"compare_topic_counts: unknown option(s) {sorted(unknown)}")
    docs = _documents(readouts, kwargs.get("fields", ("title", "text")), kwargs.get("max_words", 500))
    threshold = kwargs.get("name_threshold", 0.9)
    names = capitalised_terms(docs, threshold=threshold) if threshold is not None else frozenset()
    _, X = _vectorize(docs, kwargs.get("min_df", 10), kwargs.get("max_df", 0.5),
                      kwargs.get("ngram_range", (1, 2)), names, tuple(kwargs.get("extra_stop_words", ())))
    X_bin = (X > 0).astype(np.float64).tocsc()
    samples = []
    for s in seeds:
        rng = np.random.default_rng(s)
        size = max(2, int(round(subsample * X.shape[0])))
        samples.append(np.sort(rng.choice(X.shape[0], size=size, replace=False)))
    rows = []
    for k in sorted(n_topics):
        fits = [_nmf(X[idx], int(k), s, kwargs.get("max_iter", 400), kwargs.get("beta_loss", "frobenius"))[0]
                for s, idx in zip(seeds, samples)]
        comps = [f.components_ for f in fits]
        tops = [[list(np.argsort(-c, kind="stable")[:n_keywords]) for c in comp] for comp in comps]
        cos, jac = [], []
        for a, b in combinations(range(len(seeds)), 2):
            A = comps[a] / np.linalg.norm(comps[a], axis=1, keepdims=True).clip(1e-12)
            B = comps[b] / np.linalg.norm(comps[b], axis=1, keepdims=True).clip(1e-12)
            sim = A @ B.T
            r, c = linear_sum_assignment(-sim)
            cos.append(float(sim[r, c].mean()))
            jac.append(float(np.mean([len(set(tops[a][i]) & set(tops[b][j])) / len(set(tops[a][i]) | set(tops[b][j]))
                                      for i, j in zip(r, c)])))
        rows.append({"n_topics": int(k), "stability_cosine": float(np.mean(cos)),
                     "stability_jaccard": float(np.mean(jac)),
                     "coherence_umass": float(np.mean([_umass(X_bin, t) for t in tops])),
                     "reconstruction_error": float(np.mean([f.reconstruction_err_ for f in fits]))})
    return pd.DataFrame(rows)
