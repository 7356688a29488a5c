"""Topic-keyword clusters: what the readouts are about, and how that moves over time.

:func:`topic_clusters` fits a non-negative matrix factorisation (scikit-learn's
:class:`~sklearn.decomposition.NMF`) on TF-IDF features of each readout's title
and text, assigns every readout its strongest topic and describes each topic by
its highest-weighted keywords.

What makes the keywords say what was discussed, not how (measured in docs/topics.md):

- no stop words (scikit-learn's English list plus ``data/topic_stopwords.txt``:
  honorifics, name particles and titles, the medium, the publishing offices'
  names, site boilerplate and furniture, genre words, dates and numbers in
  words); digits never form tokens;
- formulas learned from the data: sentences whose template (names masked)
  recurs on several dates are cut down to their names
  (:func:`repeated_templates`), and each side's year-round formula words are
  dropped from that side's readouts (:func:`side_formulas`);
- people's names are dropped, places kept (:func:`person_words`,
  :func:`place_words`): a place is often the issue, a person rarely;
- sublinear term frequency, single words in at least ``min_df`` documents (and
  at least ``min_df_share`` of them, so that the vocabulary does not grow with
  the corpus's size alone) and at most ``max_df`` of them;
- NMF with ``nndsvda`` initialisation, deterministic given ``random_state``;
- in a general news feed (the Kremlin's), readouts of contacts with a foreign
  side (the title names a foreign country, its people or an international
  organisation) get a few topics of their own (``foreign_topics``) and the
  other readouts the rest: the publisher files all such contacts under one
  theme ("Foreign policy"), and fitted together they would take half the
  topics, split by genre (calls, visits, messages), and crowd out the
  domestic themes.

A fitted :class:`TopicModel` names its topics (:meth:`TopicModel.label_topics`),
shows the readouts behind each (:meth:`TopicModel.representative_documents`)
and places new readouts (:meth:`TopicModel.transform`).  :func:`issue_share`
counts an analyst's own terms beside the topics.

:func:`compare_topic_counts` helps choose ``n_topics``: stability across seeds
and UMass coherence of the keywords for each candidate.
"""

from __future__ import annotations

import math
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

from ._attrs import comparable

__all__ = ["TopicModel", "topic_clusters", "compare_topic_counts", "stop_words", "capitalised_terms", "issue_share",
           "person_words", "place_words", "repeated_templates", "side_formulas",
           "foreign_contacts"]

DEFAULT_N_TOPICS = 20
# foreign_topics="auto" splits the readouts only when contacts with a foreign
# side are one part of a general feed, not the subject of the whole corpus
# (shares of readouts flagged by foreign_contacts: Kremlin news 1999-2020
# 0.436, Kremlin 2021-22 0.402, White House readouts 0.626, Chinese pages 0.854)
FOREIGN_SHARE_RANGE = (0.15, 0.5)
# multilateral formats the gazetteer does not name on their own (it knows
# "Commonwealth of Independent States", not a bare "CIS"); case-sensitive
_MULTILATERAL = re.compile(r"\b(?:CIS|SCO|BRICS|CSTO|EAEU|EurAsEC|APEC|ASEAN|G ?20|G ?8|G ?7|Union State|"
                           r"Eurasian Economic|Shanghai Five|Normandy format)\b")
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


# titles after which a run of capitalised words is a person's name ("President
# Xi Jinping", "National Security Advisor Jake Sullivan", "Crown Prince Mohammed
# bin Salman"); case-sensitive
_TITLE = re.compile(r"\b(?:President|Premier|Chancellor|King|Queen|Emir|Amir|Sheikh|Sheikha|Prince|Princess|Sultan|"
                    r"Mr|Mrs|Ms|Dr|Secretary|Minister|Governor|Chairman|Chairwoman|Chair|Speaker|Senator|"
                    r"Ambassador|Advisor|Adviser|Director|General|Admiral|Pope|Envoy|Counselor|Mayor|Leader|"
                    r"Representative|Commissioner|Deputy|Marshal|Colonel|Spokesperson|Spokesman|Spokeswoman)\.?((?:\s+(?:[A-Z][A-Za-z'’-]+|"
                    r"bin|bint|ibn|al|el|de|van|von|der|da))+)")
_NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "de", "van", "von", "der", "da"})
_PLACE_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def place_words() -> frozenset:
    """Lower-case words of the gazetteer's names of countries, their people and organisations.

    Returns
    -------
    frozenset of str
        Every word of every name in :func:`diplo_analysis.gazetteer.country_lookup`
        (``"korea"``, ``"ukrainian"``, ``"nations"``): never dropped as a
        person's name, since the place is often what a readout is about.
    """
    from .gazetteer import country_lookup

    return frozenset(w.lower() for name in country_lookup() for w in _PLACE_WORD.findall(name))


@lru_cache(maxsize=1)
def _leader_words() -> frozenset:
    from .gazetteer import leaders_table

    table = leaders_table()
    names = list(table["name"]) + [a for al in table["aliases"] for a in al.split("|") if a]
    return frozenset(w.lower() for n in names for w in _WORD.findall(n))


def person_words(texts: Iterable[str], min_count: int = 2) -> frozenset:
    """Words that are parts of people's names, found from the data and the leaders table.

    A word is part of a name when it is in a run of capitalised words right
    after a title (``President``, ``Prime Minister``, ``Secretary``, ``Sheikh``,
    ``Mr``... : "President **Xi Jinping**", "Advisor **Jake Sullivan**") at least
    ``min_count`` times, or a word of a name in ``data/leaders.csv``.  Words of
    the gazetteer's places (:func:`place_words`) never are: "President of
    **France**" keeps France, and so does "Prime Minister **India**"-style noise.

    Parameters
    ----------
    texts : iterable of str
    min_count : int, default 2

    Returns
    -------
    frozenset of str
        Lower-cased name words (name particles such as ``bin`` and ``al`` are
        left to the stop list).
    """
    seen = Counter()
    for text in texts:
        if isinstance(text, str) and text:
            for m in _TITLE.finditer(text):
                seen.update(w.lower() for w in m.group(1).split()[:5])
    found = {w for w, n in seen.items() if n >= min_count} | _leader_words()
    return frozenset(found - place_words() - _NAME_PARTICLES - _TITLE_WORDS)


_TITLE_WORDS = frozenset(w.lower() for w in re.findall(r"[A-Z][a-z]+", _TITLE.pattern)) | {
    "prime", "foreign", "vice", "crown", "state", "national", "security", "defense", "defence", "affairs",
    "general", "council", "united", "nations", "people", "republic", "federation", "house", "white"}


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
# a run of Capitalised words (with "of", "the", "and" inside): a name, masked in a template
_CAPITAL_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|and|de|bin|al)\s+)*[A-Z][\w'’.-]*)*")


def _template(sentence: str) -> str:
    return _CAPITAL_RUN.sub("X", " ".join(sentence.split()))


def _names_only(sentence: str) -> str:
    """The sentence's capitalised runs (its names), without a one-word run that opens it."""
    runs = [m for m in _CAPITAL_RUN.finditer(sentence)]
    if runs and runs[0].start() == 0 and " " not in runs[0].group():
        runs = runs[1:]
    return " ".join(m.group() for m in runs)


def repeated_templates(docs: Iterable[str], dates: Optional[Iterable] = None, min_dates: int = 3,
                       min_words: int = 3) -> frozenset:
    """Sentence templates that recur across readouts: the publishers' formulas.

    A sentence's template is the sentence with every run of Capitalised words
    (names of people, places, offices) replaced by ``X``: "Anna Berg had a
    telephone conversation with President of Norland Erik Halvorsen." and the
    same sentence about another country are both "X had a telephone
    conversation with X".
    A template that occurs in readouts of at least ``min_dates`` different
    dates (so that one readout reprinted by several sites counts once) is a
    formula.

    Parameters
    ----------
    docs : iterable of str
    dates : iterable, optional
        One per document; missing dates count as one date.  Without dates each
        document counts as its own date.
    min_dates : int, default 3
    min_words : int, default 3
        Templates of fewer words (after masking) are not judged.

    Returns
    -------
    frozenset of str
        The formula templates.
    """
    docs = list(docs)
    dates = [str(d) for d in dates] if dates is not None else [str(i) for i in range(len(docs))]
    seen: dict = {}
    for doc, date in zip(docs, dates):
        if not isinstance(doc, str):
            continue
        for t in {_template(s) for s in _SENTENCE_SPLIT.split(doc)}:
            if len(t.split()) >= min_words:
                seen.setdefault(t, set()).add(date)
    return frozenset(t for t, d in seen.items() if len(d) >= min_dates)


# a page's name tooltip glued to the next word ("Lukashenko AlexanderPresident of
# Belarus"): split where a word of 3+ lower-case letters runs into a capital
_GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")


def _unglue(docs: pd.Series) -> pd.Series:
    return docs.str.replace(_GLUED, " ", regex=True)


def _strip_formulas(doc: str, templates: frozenset) -> str:
    if not templates or not doc:
        return doc
    parts = []
    for s in _SENTENCE_SPLIT.split(doc):
        parts.append(_names_only(s) if _template(s) in templates else s)
    return "\n".join(p for p in parts if p)


def _truncate(text: str, max_words: Optional[int]) -> str:
    if max_words is None or not text:
        return text
    for i, m in enumerate(_SPACE.finditer(text)):
        if i + 1 == max_words:
            return text[:m.start()]
    return text


def _documents(readouts: pd.DataFrame, fields: Sequence[str], max_words: Optional[int] = None,
               caller: str = "topic_clusters") -> pd.Series:
    if not isinstance(readouts, pd.DataFrame):
        raise TypeError(f"{caller}: expected the readouts DataFrame, got {type(readouts).__name__}")
    missing = [f for f in fields if f not in readouts.columns]
    if missing:
        raise KeyError(f"{caller}: the readouts frame has no column(s) {missing}")
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
    foreign_ : ndarray of bool or None
        Two-stage fits only (see ``foreign_topics`` in :func:`topic_clusters`):
        True for the readouts whose title names a foreign side, which were
        fitted with their own topics (numbered first); None for a single fit.
    features_ : the fitted feature pipeline
        Formula templates (``templates``), each side's formula terms
        (``formulas``: DataFrame ``side``, ``term``, ``share``,
        ``min_year_share``), the names dropped and the vectoriser; used by
        :meth:`transform`.
    readouts_ : DataFrame
        The fitted readouts (for :meth:`representative_documents`).
    """

    assignments: pd.DataFrame
    keywords: pd.DataFrame
    labels: dict
    doc_topic: np.ndarray
    dates: Optional[pd.Series]
    vectorizer_: TfidfVectorizer
    model_: NMF
    names_: frozenset = field(default_factory=frozenset)
    foreign_: Optional[np.ndarray] = None
    features_: Optional["_Features"] = None
    readouts_: Optional[pd.DataFrame] = field(default=None, repr=False)

    @property
    def n_topics(self) -> int:
        return int(self.doc_topic.shape[1])

    def __repr__(self) -> str:
        assigned = int((self.assignments["topic"] >= 0).sum())
        return (f"TopicModel(n_topics={self.n_topics}, documents={len(self.assignments)}, "
                f"assigned={assigned}, vocabulary={len(self.vectorizer_.vocabulary_)})")

    def top_keywords(self, n: int = 10) -> dict:
        """Each topic's ``n`` strongest keywords.

        Parameters
        ----------
        n : int, default 10

        Returns
        -------
        dict
            Topic number -> list of up to ``n`` keywords (str), strongest first.
        """
        kw = self.keywords.loc[self.keywords["rank"] <= n]
        return {int(t): list(g["keyword"]) for t, g in kw.groupby("topic", sort=True)}

    def label_topics(self, labels: dict) -> "TopicModel":
        """Name topics: the new labels are used by every later table and figure.

        Parameters
        ----------
        labels : dict
            Topic number -> label (``{3: "Syria"}``); topics not named keep
            their keyword label.

        Returns
        -------
        TopicModel
            The model itself, with ``labels`` and ``assignments["topic_label"]``
            updated (and so :meth:`prevalence`'s ``attrs["labels"]``).
        """
        if not isinstance(labels, dict):
            raise TypeError(f"label_topics expects a dict topic -> label, got {type(labels).__name__}")
        unknown = sorted(t for t in labels if t not in self.labels)
        if unknown:
            raise KeyError(f"label_topics: no topic {unknown} (topics are 0..{self.n_topics - 1})")
        for t, label in labels.items():
            if not isinstance(label, str) or not label.strip():
                raise ValueError(f"label_topics: the label of topic {t} must be a non-empty str, got {label!r}")
            self.labels[int(t)] = label
        self.assignments["topic_label"] = [self.labels.get(int(t), "") for t in self.assignments["topic"]]
        return self

    def representative_documents(self, topic: int, n: int = 5) -> pd.DataFrame:
        """The readouts that stand most for a topic.

        Parameters
        ----------
        topic : int
        n : int, default 5

        Returns
        -------
        DataFrame
            Up to ``n`` readouts assigned to ``topic``, strongest first (ties
            by position), on the readouts' index: ``title``, ``date``,
            ``publisher``, ``url`` (missing where the fitted frame had no such
            column) and ``weight`` (the topic's share of the readout's topic
            weight, in [0, 1]).
        """
        if topic not in self.labels:
            raise KeyError(f"representative_documents: no topic {topic!r} (topics are 0..{self.n_topics - 1})")
        if self.readouts_ is None:
            raise ValueError("representative_documents needs the fitted readouts (fit with topic_clusters)")
        pos = np.flatnonzero(self.assignments["topic"].to_numpy() == topic)
        weight = self.doc_topic[pos, topic]
        pos = pos[np.argsort(-weight, kind="stable")][:n]
        frame = self.readouts_.iloc[pos]
        out = pd.DataFrame({c: frame[c] if c in frame.columns else pd.Series(pd.NA, index=frame.index, dtype="object")
                            for c in ("title", "date", "publisher", "url")}, index=frame.index)
        out["weight"] = self.doc_topic[pos, topic]
        return out

    def transform(self, readouts: pd.DataFrame) -> pd.DataFrame:
        """Topics of readouts that were not in the fit.

        The new readouts go through the same features as the fitted ones
        (formula sentences, names, vocabulary and IDF of the fit; a side's
        formula terms when the frame has the side column) and the fitted NMF.

        Parameters
        ----------
        readouts : DataFrame
            Needs the fitted ``fields`` columns (``title``, ``text``).

        Returns
        -------
        DataFrame
            On the new readouts' index: ``topic`` (int, strongest topic; -1
            for a readout with none of the model's keywords), ``topic_weight``
            (float, that topic's share of the readout's weights; NaN for -1),
            ``topic_label`` (str, the topic's label, ``""`` for -1).
        """
        if self.features_ is None:
            raise ValueError("transform needs a model fitted by topic_clusters")
        _, X = self.features_.matrix(readouts)
        W = self.model_.transform(X)
        return _assign(W, self.labels, readouts.index)[1]

    def prevalence(self, freq: str = "YS", how: str = "share", rows=None) -> pd.DataFrame:
        """Topic prevalence per period.

        Parameters
        ----------
        freq : str, default "YS"
            Period labelled by its start (``"YS"``, ``"QS"``, ``"MS"``...).
        how : {"share", "weight"}, default "share"
            ``"share"``: the share of the period's readouts assigned to each
            topic; ``"weight"``: the mean of the readouts' normalised topic
            weights.  Readouts without a date or a topic are left out.
        rows : boolean Series or array, optional
            Only these readouts (aligned with the fitted readouts: one side's,
            one counterpart's); the topics stay those of the whole fit.

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
        if rows is not None:
            keep = rows.reindex(self.assignments.index) if isinstance(rows, pd.Series) else rows
            keep = np.asarray(keep, dtype=object)
            if keep.shape != ok.shape:
                raise ValueError(f"rows must have one value per fitted readout ({len(ok)}), got {keep.shape[0]}")
            ok &= np.asarray(pd.Series(keep).fillna(False), dtype=bool)
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
        out.attrs = comparable({"labels": dict(self.labels), "n_documents": counts, "how": how})
        return out


# --------------------------------------------------------------------------- fitting
#: Default share of the documents a word must be in (beside ``min_df``): 0.25%, that is ``min_df`` (10)
#: up to 4,000 readouts. With an absolute floor alone, every word of ten readouts would enter the
#: vocabulary of a corpus ten times as large: the features, and the NMF's iterations on them, would
#: grow faster than the data (``benchmarks/bench_scale.py``).
MIN_DF_SHARE = 0.0025


def _min_documents(min_df: int, min_df_share: float, n_docs: int) -> int:
    """The documents a word must be in: ``min_df``, or ``min_df_share`` of ``n_docs`` if that is more."""
    if not 0 <= min_df_share < 1:
        raise ValueError(f"min_df_share must be in [0, 1), got {min_df_share!r}")
    return max(int(min_df), math.ceil(min_df_share * n_docs - 1e-9))


def _vectorize(docs: pd.Series, min_df, max_df, ngram_range, names, extra_stop_words=(), vocabulary=None,
               min_df_share: float = MIN_DF_SHARE):
    phrase_re = _phrase_pattern()

    def preprocess(text: str) -> str:
        return phrase_re.sub(" ", text.lower())

    n_docs = int((docs.str.len() > 0).sum())
    dropped = stop_words() | names | {w.lower() for w in extra_stop_words}
    vec = TfidfVectorizer(
        preprocessor=preprocess, token_pattern=TOKEN_PATTERN, stop_words=sorted(dropped),
        sublinear_tf=True, min_df=_min_documents(min_df, min_df_share, n_docs) if n_docs >= 50 else 1,
        max_df=max_df if n_docs >= 50 else 1.0,
        ngram_range=ngram_range, dtype=np.float64, vocabulary=vocabulary,
    )
    return vec, vec.fit_transform(docs)


def side_formulas(X, terms: Sequence[str], sides: Sequence, years: Sequence, min_share: float = 0.2,
                  evenness: float = 0.5, min_side: int = 50, min_year: int = 20) -> pd.DataFrame:
    """Terms that one side's readouts use all the time, every year: its formulas.

    A term is a formula of a side (a publisher's country) when it is in at
    least ``min_share`` of that side's readouts and, in every year with at
    least ``min_year`` of them, in at least ``evenness`` times that share: a
    house formula ("telephone conversation" for the Kremlin, "national
    security" for the White House, "win-win" for Beijing) is there year after
    year, an issue rises and falls.

    Parameters
    ----------
    X : sparse matrix
        Documents x terms (any weights; only presence counts).
    terms : sequence of str
        The column names of ``X``.
    sides, years : sequences
        One per document; missing values are not judged (None or NaN).
    min_share : float, default 0.2
    evenness : float, default 0.5
    min_side : int, default 50
        Sides with fewer readouts are not judged.
    min_year : int, default 20

    Returns
    -------
    DataFrame
        One row per (side, formula term), sorted by side then share descending:
        ``side``, ``term``, ``share`` (share of the side's readouts with the
        term), ``min_year_share`` (the lowest share over the judged years).
    """
    present = (X > 0).tocsr().astype(np.float64)
    sides = pd.Series(list(sides), dtype="object")
    years = pd.Series(list(years), dtype="object")
    rows = []
    for side in sorted(sides.dropna().unique(), key=str):
        mask = (sides == side).to_numpy()
        if mask.sum() < min_side:
            continue
        share = np.asarray(present[mask].mean(axis=0)).ravel()
        low = share.copy()
        side_years = years[mask]
        for year, n in side_years.value_counts().items():
            if n >= min_year:
                rows_y = np.flatnonzero(mask)[(side_years == year).to_numpy()]
                low = np.minimum(low, np.asarray(present[rows_y].mean(axis=0)).ravel())
        hit = np.flatnonzero((share >= min_share) & (low >= evenness * share))
        rows += [(side, terms[i], float(share[i]), float(low[i])) for i in hit]
    out = pd.DataFrame(rows, columns=["side", "term", "share", "min_year_share"])
    return out.sort_values(["side", "share", "term"], ascending=[True, False, True], kind="stable",
                           ignore_index=True)


def _nmf(X, n_topics: int, random_state, max_iter, beta_loss):
    if X.shape[1] < n_topics:
        raise ValueError(f"only {X.shape[1]} distinct keywords for n_topics={n_topics}: use fewer topics")
    solver = "mu" if beta_loss != "frobenius" else "cd"
    model = NMF(n_components=n_topics, init="nndsvda", random_state=random_state, max_iter=max_iter,
                beta_loss=beta_loss, solver=solver, tol=1e-4)
    return model, model.fit_transform(X)


@dataclass(frozen=True)
class _Features:
    """What turns readouts into the model's matrix, kept for :meth:`TopicModel.transform`."""

    vectorizer: TfidfVectorizer
    names: frozenset
    templates: frozenset
    formulas: pd.DataFrame  # side, term, share, min_year_share
    max_words: Optional[int]
    fields: tuple
    side: Optional[tuple]

    def matrix(self, readouts: pd.DataFrame, fit: bool = False):
        docs = self.documents(readouts)
        X = self.vectorizer.fit_transform(docs) if fit else self.vectorizer.transform(docs)
        return docs, self.drop_formulas(X, readouts)

    def documents(self, readouts: pd.DataFrame) -> pd.Series:
        docs = _unglue(_documents(readouts, self.fields, self.max_words))
        if self.templates:
            docs = docs.map(lambda d: _strip_formulas(d, self.templates))
        return docs

    def drop_formulas(self, X, readouts: pd.DataFrame):
        """Zero each side's formula terms in that side's readouts and re-normalise the rows."""
        if self.formulas.empty or self.side is None or not set(self.side) <= set(readouts.columns):
            return X
        from sklearn.preprocessing import normalize

        vocab = self.vectorizer.vocabulary_
        X = X.tocsr(copy=True).tolil()
        sides = _side_keys(readouts, self.side).to_numpy()
        for side, group in self.formulas.groupby("side", sort=True):
            rows = np.flatnonzero(sides == side)
            cols = [vocab[t] for t in group["term"] if t in vocab]
            if len(rows) and cols:
                X[np.ix_(rows, cols)] = 0
        return normalize(X.tocsr(), norm="l2")


def _side_columns(readouts: pd.DataFrame, side) -> Optional[tuple]:
    """The columns whose values make a side (``side=`` of :func:`topic_clusters`)."""
    if side == "auto":
        for cand in (("host_country", "medium"), ("host_country",), ("publisher",)):
            if set(cand) <= set(readouts.columns):
                return cand
        return None
    if side is None:
        return None
    cols = (side,) if isinstance(side, str) else tuple(side)
    missing = [c for c in cols if c not in readouts.columns]
    if missing:
        raise KeyError(f"topic_clusters: the readouts frame has no column(s) {missing} (side=)")
    return cols


def _side_keys(readouts: pd.DataFrame, cols: tuple) -> pd.Series:
    """One key per readout: the side columns' values joined by "/" (None where one is missing)."""
    parts = [readouts[c].astype("object").to_numpy() for c in cols]
    missing = np.logical_or.reduce([pd.isna(p) for p in parts])
    keys = ["/".join(map(str, vals)) for vals in zip(*parts)]
    return pd.Series([None if m else k for k, m in zip(keys, missing)], index=readouts.index, dtype="object")


def _features(readouts: pd.DataFrame, fields, max_words, min_df, max_df, ngram_range, names, name_threshold,
              extra_stop_words, formula_dates, formula_share, side,
              min_df_share: float = MIN_DF_SHARE) -> tuple[_Features, pd.Series, object]:
    """Build the features: find names, strip repeated formulas, vectorise, drop each side's formulas."""
    if names not in ("people", "capitalised", None):
        raise ValueError(f"names must be 'people', 'capitalised' or None, got {names!r}")
    docs = _unglue(_documents(readouts, fields, max_words))
    # names are judged in the running text, before formulas are cut down to their names
    dropped = frozenset()
    if names is not None and name_threshold is not None:
        dropped = capitalised_terms(docs, threshold=name_threshold)
        if names == "people":
            dropped = dropped & person_words(docs)
    dates = readouts["date"] if "date" in readouts.columns else None
    templates = repeated_templates(docs, dates, min_dates=formula_dates) if formula_dates else frozenset()
    if templates:
        docs = docs.map(lambda d: _strip_formulas(d, templates))
    vec, X = _vectorize(docs, min_df, max_df, ngram_range, dropped, extra_stop_words, min_df_share=min_df_share)
    side = _side_columns(readouts, side)
    formulas = pd.DataFrame(columns=["side", "term", "share", "min_year_share"])
    if formula_share is not None and side is not None:
        years = pd.to_datetime(dates).dt.year if dates is not None else pd.Series(0, index=readouts.index)
        formulas = side_formulas(X, vec.get_feature_names_out(), _side_keys(readouts, side),
                                 years.astype("object"), min_share=formula_share)
    feats = _Features(vec, dropped, templates, formulas, max_words, tuple(fields), side)
    return feats, docs, feats.drop_formulas(X, readouts)


def _fit(X, n_topics: int, random_state, max_iter, beta_loss, foreign=None, n_foreign=0):
    if foreign is None:
        model, W = _nmf(X, n_topics, random_state, max_iter, beta_loss)
        return model, W
    # two stages: the foreign-contact readouts and the others, each its own NMF
    # on the same vocabulary; the foreign group's topics are numbered first
    W = np.zeros((X.shape[0], n_topics))
    parts = []
    for rows, k, first in ((foreign, n_foreign, 0), (~foreign, n_topics - n_foreign, n_foreign)):
        idx = np.flatnonzero(rows)
        part, W_part = _nmf(X[idx], k, random_state, max_iter, beta_loss)
        W[np.ix_(idx, np.arange(first, first + k))] = W_part
        parts.append(part)
    model = NMF(n_components=n_topics, init="nndsvda", random_state=random_state, max_iter=max_iter,
                beta_loss=beta_loss, solver=parts[0].solver, tol=1e-4)
    model.components_ = np.vstack([m.components_ for m in parts])
    model.n_components_ = n_topics
    model.n_features_in_ = X.shape[1]
    model.n_iter_ = max(m.n_iter_ for m in parts)
    model.reconstruction_err_ = float(np.hypot(*[m.reconstruction_err_ for m in parts]))
    return model, W


def foreign_contacts(readouts: pd.DataFrame) -> pd.Series:
    """Whether each readout's title names a foreign side.

    A title names a foreign side when it mentions a country, its people or an
    international organisation (:func:`diplo_analysis.gazetteer.find_countries`:
    ``"Telephone conversation with President of France"``, ``"Russian-Chinese
    consultations"``) other than the publisher's own country, or a multilateral
    format (``CIS``, ``SCO``, ``BRICS``, ``G20``, ``Union State``...).  That
    country is the readout's ``host_country`` where the frame has one, else
    the country named most often in the titles and openings of all the
    readouts (Russia for the Kremlin).

    Parameters
    ----------
    readouts : DataFrame
        Needs ``title``; ``text`` and ``host_country`` are used when present.

    Returns
    -------
    Series of bool
        On the readouts' index; False for a missing or empty title.
    """
    from .gazetteer import find_countries, fold

    if not isinstance(readouts, pd.DataFrame):
        raise TypeError(f"foreign_contacts: expected the readouts DataFrame, got {type(readouts).__name__}")
    if "title" not in readouts.columns:
        raise KeyError("foreign_contacts: the readouts frame has no column 'title'")
    titles = readouts["title"].astype("object").where(readouts["title"].notna(), "").astype(str)
    codes = [{c for _, _, c in find_countries(fold(t))} for t in titles]
    if "host_country" in readouts.columns:
        hosts = list(readouts["host_country"].astype("object").where(readouts["host_country"].notna(), None))
    else:
        hosts = [None] * len(readouts)
    if any(h is None for h in hosts):
        texts = (readouts["text"].astype("object").where(readouts["text"].notna(), "").astype(str)
                 if "text" in readouts.columns else pd.Series("", index=readouts.index))
        seen = Counter()
        for t, x in zip(titles, texts):
            seen.update({c for _, _, c in find_countries(fold(t + "\n\n" + _truncate(x, 30)))})
        common = min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0] if seen else None
        hosts = [h if h is not None else common for h in hosts]
    multilateral = [bool(_MULTILATERAL.search(t)) for t in titles]
    return pd.Series([bool(c - {h}) or m for c, h, m in zip(codes, hosts, multilateral)],
                     index=readouts.index, dtype=bool)


def _foreign_split(readouts: pd.DataFrame, docs: pd.Series, n_topics: int, foreign_topics):
    """(foreign mask or None, topics for the foreign group) as ``foreign_topics`` asks."""
    if foreign_topics is None:
        return None, 0
    auto = isinstance(foreign_topics, str)
    if auto and foreign_topics != "auto":
        raise ValueError(f"foreign_topics must be 'auto', None or an int, got {foreign_topics!r}")
    if not auto and (not isinstance(foreign_topics, (int, np.integer)) or isinstance(foreign_topics, bool)
                     or not 1 <= foreign_topics < n_topics):
        raise ValueError(f"foreign_topics must be 'auto', None or an int from 1 to n_topics - 1 "
                         f"({n_topics - 1}), got {foreign_topics!r}")
    k = max(1, n_topics // 10) if auto else int(foreign_topics)
    if auto and "title" not in readouts.columns:
        return None, 0  # nothing to judge by: a single fit
    has_text = (docs.str.len() > 0).to_numpy()
    foreign = foreign_contacts(readouts).to_numpy() & has_text
    n_foreign, n_other = int(foreign.sum()), int((has_text & ~foreign).sum())
    if auto:
        share = n_foreign / max(1, int(has_text.sum()))
        lo, hi = FOREIGN_SHARE_RANGE
        if not lo <= share <= hi or n_foreign < k or n_other < n_topics - k:
            return None, 0
    elif n_foreign < k or n_other < n_topics - k:
        raise ValueError(f"foreign_topics={k}: {n_foreign} readouts with text name a foreign side in their title "
                         f"and {n_other} do not, too few for {k} and {n_topics - k} topics")
    return foreign, k


def topic_clusters(readouts: pd.DataFrame, n_topics: int = DEFAULT_N_TOPICS, random_state: int = 0, *,
                   fields: Sequence[str] = ("title", "text"), n_keywords: int = 10, min_df: int = 10,
                   max_df: float = 0.5, ngram_range: tuple = (1, 1), name_threshold: Optional[float] = 0.9,
                   max_iter: int = 1000, beta_loss: str = "frobenius", min_df_share: float = MIN_DF_SHARE,
                   max_words: Optional[int] = 500, extra_stop_words: Iterable[str] = (),
                   foreign_topics="auto", names: Optional[str] = "people", formula_dates: Optional[int] = 3,
                   formula_share: Optional[float] = 0.2, side: Optional[str] = "auto") -> TopicModel:
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
        Keywords kept per topic in ``keywords``, strongest first, skipping a
        phrase whose words are already stronger keywords.
    min_df, max_df : int, float, default 10, 0.5
        Keep words in at least ``min_df`` readouts and at most ``max_df`` of
        them (not applied below 50 readouts, where they would empty the vocabulary).
    min_df_share : float, default 0.0025
        And in at least this share of the readouts (it decides above 4,000 readouts: the
        vocabulary and the fit's time grow no faster than the readouts); 0: ``min_df`` alone.
    ngram_range : tuple, default (1, 1)
        Single words; ``(1, 2)`` adds two-word phrases (which then fill the
        keyword lists with variants of one name: "saudi", "saudi arabia").
    name_threshold : float or None, default 0.9
        A word Capitalised in more than this share of its mid-sentence uses
        is a name (:func:`capitalised_terms`); ``None`` keeps all names.
    max_iter : int, default 1000
    beta_loss : {"frobenius", "kullback-leibler"}, default "frobenius"
        ``"kullback-leibler"`` uses the multiplicative-update solver (several times slower).
    max_words : int or None, default 500
        Only the first ``max_words`` words of each document are used: a
        readout's theme is in its title and opening, and long transcripts
        would otherwise dominate the fit time (None: whole texts).
    extra_stop_words : iterable of str, optional
        More words to leave out, on top of :func:`stop_words` and the names.
    foreign_topics : "auto", int or None, default "auto"
        Two-stage fit: the readouts whose title names a foreign side
        (:func:`foreign_contacts`) get this many topics, numbered first, and
        the other readouts the remaining ones, each group with its own NMF on
        the same vocabulary.  ``"auto"``: ``max(1, n_topics // 10)`` topics
        when such readouts are between 15 % and 50 % of those with text (a
        general news feed such as the Kremlin's, where they are one theme
        among many), else a single fit (a corpus of readouts of calls and
        meetings is all foreign contacts); ``None``: always a single fit.
    names : {"people", "capitalised"} or None, default "people"
        Which names to drop: ``"people"``, the capitalised names that are
        people's (:func:`person_words`), keeping places, which are often the
        issue; ``"capitalised"``, every capitalised name, places too; None, none.
    formula_dates : int or None, default 3
        Sentences whose template recurs on at least this many dates
        (:func:`repeated_templates`: "X had a telephone conversation with X")
        are cut down to their names; None keeps them.
    formula_share, side : float or None, default 0.2; str, sequence of str, "auto" or None
        Each side's formula terms (:func:`side_formulas`: in at least
        ``formula_share`` of the side's readouts, every year) are dropped from
        that side's readouts.  ``side`` names the column(s) whose values make a
        side; ``"auto"``: ``host_country`` and ``medium`` when the frame has
        them (each government's calls and its meetings have their own
        formulas), else ``host_country``, else ``publisher``, else no side
        step.  None for either switches the step off.

    Returns
    -------
    TopicModel
        ``assignments``, ``keywords``, ``labels``, ``doc_topic``, ``prevalence(freq)``,
        ``vectorizer_``, ``model_`` (for a two-stage fit an NMF holding both
        groups' topics), ``names_``, ``foreign_``, ``features_``, ``readouts_``
        (see :class:`TopicModel`); :meth:`TopicModel.label_topics`,
        :meth:`TopicModel.representative_documents`, :meth:`TopicModel.transform`.
    """
    if not isinstance(n_topics, (int, np.integer)) or n_topics < 2:
        raise ValueError(f"n_topics must be an int >= 2, got {n_topics!r}")
    feats, docs, X = _features(readouts, fields, max_words, min_df, max_df, ngram_range, names, name_threshold,
                               tuple(extra_stop_words), formula_dates, formula_share, side, min_df_share)
    if (docs.str.len() > 0).sum() < n_topics:
        raise ValueError(f"{int((docs.str.len() > 0).sum())} readouts with text: too few for {n_topics} topics")
    foreign, n_foreign = _foreign_split(readouts, docs, int(n_topics), foreign_topics)
    model, W = _fit(X, int(n_topics), random_state, max_iter, beta_loss, foreign=foreign, n_foreign=n_foreign)
    vec = feats.vectorizer
    keywords, labels = _keywords_of(model, vec.get_feature_names_out(), n_keywords)
    doc_topic, assignments = _assign(W, labels, readouts.index)
    dates = readouts["date"] if "date" in readouts.columns else None
    if dates is not None:
        dates = pd.to_datetime(dates)
    return TopicModel(assignments=assignments, keywords=keywords, labels=labels, doc_topic=doc_topic,
                      dates=dates, vectorizer_=vec, model_=model, names_=feats.names, foreign_=foreign,
                      features_=feats, readouts_=readouts)


def _keywords_of(model, terms, n_keywords: int) -> tuple[pd.DataFrame, dict]:
    """Each topic's keywords (``topic``, ``rank``, ``keyword``, ``weight``) and label (its top three, joined)."""
    rows = []
    for t, comp in enumerate(model.components_):
        rows += [(t, r + 1, term, w) for r, (term, w) in enumerate(_distinct_keywords(comp, terms, n_keywords))]
    keywords = pd.DataFrame(rows, columns=["topic", "rank", "keyword", "weight"])
    labels = {t: " / ".join(g["keyword"].head(3)) for t, g in keywords.groupby("topic", sort=True)}
    return keywords, labels


def _assign(W: np.ndarray, labels: dict, index) -> tuple[np.ndarray, pd.DataFrame]:
    """(row-normalised weights, assignments frame) from NMF document weights."""
    totals = W.sum(axis=1)
    has = totals > 0
    doc_topic = np.zeros_like(W)
    doc_topic[has] = W[has] / totals[has, None]
    topic = np.where(has, doc_topic.argmax(axis=1), -1)
    weight = np.where(has, doc_topic.max(axis=1), np.nan)
    assignments = pd.DataFrame({
        "topic": topic.astype(int), "topic_weight": weight,
        "topic_label": [labels.get(int(t), "") for t in topic],
    }, index=index)
    return doc_topic, assignments


def _distinct_keywords(weights: np.ndarray, terms, n: int) -> list:
    """The ``n`` strongest terms, skipping a term whose words the stronger ones already show.

    "saudi arabia" after "saudi" and "arabia", or "israel" after "israel gaza",
    repeat a keyword and would crowd out the next subject.
    """
    out, covered = [], set()
    for i in np.argsort(-weights, kind="stable"):
        if weights[i] <= 0 or len(out) == n:
            break
        words = set(terms[i].split())
        if words <= covered:
            continue
        out.append((terms[i], float(weights[i])))
        covered |= words
    return out


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
        ``min_df``, ``min_df_share``, ``max_df``, ``ngram_range``, ``names``, ``name_threshold``,
        ``max_iter``, ``beta_loss``, ``max_words``, ``extra_stop_words``,
        ``formula_dates``, ``formula_share``, ``side``), with its defaults.

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
    options = {"fields": ("title", "text"), "max_words": 500, "min_df": 10, "max_df": 0.5, "ngram_range": (1, 1),
               "names": "people", "name_threshold": 0.9, "extra_stop_words": (), "formula_dates": 3,
               "formula_share": 0.2, "side": "auto", "max_iter": 1000, "beta_loss": "frobenius",
               "min_df_share": MIN_DF_SHARE}
    unknown = set(kwargs) - set(options)
    if unknown:
        raise TypeError(f"compare_topic_counts: unknown option(s) {sorted(unknown)}")
    o = {**options, **kwargs}
    _, _, X = _features(readouts, o["fields"], o["max_words"], o["min_df"], o["max_df"], o["ngram_range"],
                        o["names"], o["name_threshold"], tuple(o["extra_stop_words"]), o["formula_dates"],
                        o["formula_share"], o["side"], o["min_df_share"])
    X_bin = (X > 0).astype(np.float64).tocsc()
    samples = []
    for s in seeds:
        rng = np.random.default_rng(s)
        size = max(2, int(round(subsample * X.shape[0])))
        samples.append(np.sort(rng.choice(X.shape[0], size=size, replace=False)))
    rows = []
    for k in sorted(n_topics):
        fits = [_nmf(X[idx], int(k), s, o["max_iter"], o["beta_loss"])[0]
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


# --------------------------------------------------------------------------- an analyst's own terms
def _term_pattern(terms: Sequence[str], issue) -> re.Pattern:
    if isinstance(terms, str) or not terms:
        raise ValueError(f"issue_share: the terms of {issue!r} must be a non-empty list of str, got {terms!r}")
    parts = []
    for term in terms:
        words = term.split() if isinstance(term, str) else []
        if not words:
            raise ValueError(f"issue_share: empty or non-str term {term!r} in {issue!r}")
        parts.append(r"[\s\-]+".join(re.escape(w) for w in words))
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


def issue_share(readouts: pd.DataFrame, issues: dict, freq: str = "YS", unit: str = "readout",
                fields: Sequence[str] = ("title", "text")) -> pd.DataFrame:
    """Share of readouts (or sentences) per period that mention an analyst's own terms.

    Beside the unsupervised topics, an analyst can ask directly: how often do
    the readouts mention Taiwan, or Ukraine?  A unit mentions an issue when
    any of its terms occurs in it.

    Matching: case-insensitive; whole words only (a term must not touch a
    letter, digit or underscore on either side: ``"Iran"`` matches "Iran's"
    and "(Iran)" but not "Iranian"; list such forms as terms of their own);
    a multiword term matches with any run of spaces, line breaks or hyphens
    between its words (``"Nagorno Karabakh"`` matches "Nagorno-Karabakh");
    no stemming and no stop words.  The text searched is the ``fields``
    joined, whole (not cut at 500 words as for the topics).

    Parameters
    ----------
    readouts : DataFrame
        Needs ``date`` and the ``fields`` columns.
    issues : dict
        Issue name -> list of terms (``{"Taiwan": ["Taiwan", "Taiwan Strait"]}``).
    freq : str, default "YS"
        Period labelled by its start (``"YS"``, ``"QS"``, ``"MS"``...).
    unit : {"readout", "sentence"}, default "readout"
        Count readouts, or sentences (:func:`diplo_analysis.text.split_sentences`).
    fields : sequence of str, default ("title", "text")

    Returns
    -------
    DataFrame
        Index ``period`` (every period from the first to the last dated
        readout); one float column per issue, in the order given: the share of
        the period's units that mention it (NaN for a period without any
        readout).  Readouts without a date are left out.  ``attrs``:
        ``n_units`` (Series: readouts or sentences per period), ``unit``,
        ``terms`` (the issues as given).
    """
    from .frequency import _period_range, _period_start
    from .text import split_sentences

    if not isinstance(issues, dict) or not issues:
        raise ValueError("issue_share: issues must be a non-empty dict name -> list of terms")
    if unit not in ("readout", "sentence"):
        raise ValueError(f"unit must be 'readout' or 'sentence', got {unit!r}")
    docs = _documents(readouts, fields, caller="issue_share")
    if "date" not in readouts.columns:
        raise KeyError("issue_share: the readouts frame has no column 'date'")
    patterns = {name: _term_pattern(terms, name) for name, terms in issues.items()}
    dates = pd.to_datetime(readouts["date"])
    ok = dates.notna().to_numpy()
    periods = _period_start(dates[ok], freq)
    rows = []
    for period, doc in zip(periods.to_numpy(), docs[ok]):
        units = split_sentences(doc) if unit == "sentence" else [doc]
        for u in units or [""]:
            rows.append([period] + [bool(p.search(u)) for p in patterns.values()])
    frame = pd.DataFrame(rows, columns=["period", *patterns])
    grouped = frame.groupby("period")
    index = _period_range(periods, freq)
    out = grouped[list(patterns)].mean().astype(float).reindex(index)
    out.index.name = "period"
    out.columns.name = "issue"
    out.attrs = comparable({"n_units": grouped.size().reindex(index).fillna(0).astype(int), "unit": unit,
                            "terms": {k: list(v) for k, v in issues.items()}})
    return out
