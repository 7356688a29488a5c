"""Two readouts of one conversation side by side: aligned sentences, and an HTML view of them.

:func:`align_sentences` puts the sentences of the two readouts of a
:class:`~diplo_analysis.pairs.PairComparison` in rows: a sentence of A beside
the sentence of B that says the same thing, and the sentences only one side
has on rows of their own.  :func:`pair_html` renders the comparison (facts,
keyness words with their strength, aligned sentences with speaker and tone) as
HTML: what a notebook shows for a comparison, and what
``PairComparison.to_html(path)`` writes.

Similarity: TF-IDF cosine (scikit-learn) of the sentences' content words.
The words are those of :func:`diplo_analysis.pairs.tokenize` (lower case,
accents folded, stop words out) that the comparison's keyness counts, so the
leaders' names are left out as they are from the keywords (``compare_pair(...,
drop_names=True)``): "Xi said" and "Xi noted" do not make two sentences alike.
The IDF is fitted on the two readouts' sentences.  Alignment keeps both
readouts in reading order, as a side-by-side diff does: of the pairs of
sentences whose cosine is at least :data:`ALIGN_THRESHOLD`, the chain in
order on both sides with the largest total cosine is aligned (dynamic
programming, as for a longest common subsequence); the sentences between two
aligned pairs fill the rows between them, A's on the left, B's on the right.
A sentence that is not aligned but has a sentence at or above the threshold
elsewhere in the other readout (the same thing said in another order) is not
marked as said by one side alone.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from . import _html
from .pairs import SPEAKER_SIDES, WEAK_Z, tokenize

__all__ = ["ALIGN_THRESHOLD", "ALIGNED_COLUMNS", "align_sentences", "pair_html"]

#: Smallest TF-IDF cosine at which two sentences of the two readouts are
#: aligned as saying the same thing.  Chosen by reading the best one-to-one
#: pairings of the sentences of the corpus's 15 pairs
#: (``benchmarks/eval_alignment.py``; docs/workbench.md): at 0.25 or more 18 of
#: 18 say the same thing, from 0.20 to 0.25 5 of 7, from 0.15 to 0.20 8 of 16,
#: from 0.08 to 0.15 3 of 29.
ALIGN_THRESHOLD = 0.2

_SIDE_COLUMNS = ["sentence", "speaker", "speaker_side", "sentiment", "sentiment_label", "text", "alone",
                 "closest", "closest_similarity"]

#: Columns of :func:`align_sentences`, in order.
ALIGNED_COLUMNS = ["aligned", "similarity"] + [f"{c}_{s}" for s in ("a", "b") for c in _SIDE_COLUMNS]


def _tokens(comparison, sentences: pd.DataFrame) -> list[list[str]]:
    vocab = set(comparison.keywords["word"])
    return [[t for t in tokenize(x) if t in vocab] if isinstance(x, str) else [] for x in sentences["text"]]


def _similarity(comparison) -> np.ndarray:
    """TF-IDF cosine of every sentence of A (rows) with every sentence of B (columns)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    ta, tb = _tokens(comparison, comparison.sentences_a), _tokens(comparison, comparison.sentences_b)
    sim = np.zeros((len(ta), len(tb)))
    if not any(ta) or not any(tb):
        return sim
    vec = TfidfVectorizer(analyzer=lambda toks: toks)  # the tokens are made above
    x = vec.fit_transform(ta + tb)
    return (x[: len(ta)] @ x[len(ta):].T).toarray()


def _chain(sim: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Pairs (i of A, j of B), increasing on both sides, with cosine >= threshold and the largest total cosine."""
    n, m = sim.shape
    w = np.where(sim >= threshold, sim, -np.inf)
    score = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            score[i, j] = max(score[i - 1, j], score[i, j - 1], score[i - 1, j - 1] + w[i - 1, j - 1])
    pairs, i, j = [], n, m
    while i > 0 and j > 0:  # back from the end; a match first, then a skip of A, then of B
        if np.isfinite(w[i - 1, j - 1]) and score[i, j] == score[i - 1, j - 1] + w[i - 1, j - 1]:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif score[i, j] == score[i - 1, j]:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def _layout(n_a: int, n_b: int, pairs: list[tuple[int, int]]) -> list[tuple[Optional[int], Optional[int], bool]]:
    """Rows (i of A or None, j of B or None, aligned): the aligned pairs, and between them the others side by side."""
    rows: list[tuple[Optional[int], Optional[int], bool]] = []
    i = j = 0
    for pi, pj in pairs + [(n_a, n_b)]:
        gap_a, gap_b = list(range(i, pi)), list(range(j, pj))
        for k in range(max(len(gap_a), len(gap_b))):
            rows.append((gap_a[k] if k < len(gap_a) else None, gap_b[k] if k < len(gap_b) else None, False))
        if pi < n_a:
            rows.append((pi, pj, True))
        i, j = pi + 1, pj + 1
    return rows


def _side_values(sentences: pd.DataFrame, i: Optional[int], side: str, line: np.ndarray, other: pd.DataFrame,
                 aligned: bool, threshold: float) -> dict:
    """One side's columns of a row: its sentence (or missing values), whether it is alone, its closest other."""
    out = {f"{c}_{side}": None for c in _SIDE_COLUMNS}
    out[f"alone_{side}"] = False
    if i is None:
        return out
    r = sentences.iloc[i]
    for c in _SIDE_COLUMNS[:6]:
        out[f"{c}_{side}"] = None if _html.missing(r.get(c)) else r.get(c)
    best = float(line.max()) if line.size else 0.0
    out[f"alone_{side}"] = best < threshold
    if not aligned and best > 0:
        out[f"closest_{side}"] = int(other["sentence"].iloc[int(np.argmax(line))])
        out[f"closest_similarity_{side}"] = float(round(best, 12))
    return out


def align_sentences(comparison, threshold: Optional[float] = None) -> pd.DataFrame:
    """The sentences of a pair's two readouts side by side, aligned where both say the same thing.

    Parameters
    ----------
    comparison : PairComparison
        From :func:`diplo_analysis.compare_pair`.
    threshold : float, optional
        Smallest TF-IDF cosine for two sentences to be aligned, in (0, 1];
        default :data:`ALIGN_THRESHOLD`.

    Returns
    -------
    DataFrame
        One row per line of the side-by-side view, both readouts in reading
        order: an aligned pair of sentences, or, between two aligned pairs,
        the next sentence of each side that is not aligned (either may be
        missing).  Columns, in order:

        - ``aligned`` (bool): the row's two sentences say the same thing.
        - ``similarity`` (float in [0, 1]): their cosine; NaN on other rows.
        - for A (``_a``) then B (``_b``), missing where the row has no
          sentence of that side:

          - ``sentence_a`` (Int64): its number in the readout;
            ``speaker_a``, ``speaker_side_a``: as :func:`diplo_analysis.statements`;
            ``sentiment_a`` (float), ``sentiment_label_a``: its tone
            (:func:`diplo_analysis.sentiment`); ``text_a``: the sentence.
          - ``alone_a`` (bool): only A says it: no sentence of B reaches the
            threshold (False where the row has no sentence of A).
          - ``closest_a`` (Int64), ``closest_similarity_a`` (float): for a
            sentence that is not aligned, B's most similar sentence and its
            cosine (missing when none shares a content word); a sentence
            that is not aligned and not alone says what that sentence of B
            says, in another place of the readout.

    Raises
    ------
    ValueError
        ``threshold`` outside (0, 1].
    """
    threshold = ALIGN_THRESHOLD if threshold is None else float(threshold)
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
    sa, sb = comparison.sentences_a, comparison.sentences_b
    sim = _similarity(comparison)
    rows = []
    for i, j, aligned in _layout(len(sa), len(sb), _chain(sim, threshold)):
        row = {"aligned": aligned, "similarity": float(round(sim[i, j], 12)) if aligned else np.nan}
        row.update(_side_values(sa, i, "a", sim[i] if i is not None else sim[:0, 0], sb, aligned, threshold))
        row.update(_side_values(sb, j, "b", sim[:, j] if j is not None else sim[0, :0], sa, aligned, threshold))
        rows.append(row)
    out = pd.DataFrame(rows, columns=ALIGNED_COLUMNS)
    for s in ("a", "b"):
        for c in ("sentence", "closest"):
            out[f"{c}_{s}"] = out[f"{c}_{s}"].astype("Int64")
        for c in ("sentiment", "closest_similarity"):
            out[f"{c}_{s}"] = out[f"{c}_{s}"].astype(float)
        out[f"alone_{s}"] = out[f"alone_{s}"].astype(bool)
    out["aligned"] = out["aligned"].astype(bool)
    out["similarity"] = out["similarity"].astype(float)
    return out


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

_PAIR_CSS = (
    "<style>"
    ".da-pair{font-size:90%}"
    ".da-pair table{border-collapse:collapse;margin:4px 0 10px 0}"
    ".da-pair th,.da-pair td{padding:3px 6px;vertical-align:top;text-align:left;border-bottom:1px solid #eee}"
    ".da-pair table.da-sents td.da-side{width:46%}"
    ".da-pair table.da-sents td.da-sim{text-align:center;color:#555;white-space:nowrap}"
    ".da-pair tr.da-both td.da-side{background:#f3f7fc}"
    ".da-pair td.da-alone{background:#fff8e1}"
    ".da-pair .da-tag{font-size:80%;padding:0 .3em;border-radius:3px;background:#ffe08a;white-space:nowrap}"
    ".da-pair .da-meta{color:#555;font-size:85%;margin-bottom:2px}"
    ".da-pair .da-muted{color:#777}"
    ".da-pair .da-weak{color:#999;font-style:italic}"
    + _html.TONE_CSS
    + "</style>"
)


def _name(c, side: str) -> str:
    pub = getattr(c, f"publisher_{side}")
    return pub or getattr(c, f"id_{side}")


def _facts_table(c) -> str:
    sw = c.speaker_words.set_index(["side", "speaker_side"])["share"]
    tone = c.tone.set_index(["side", "speaker_side"])
    rows = {"publisher": [], "readout": [], "date": [], "leader": [], "initiator, as told": [], "length": [],
            "mean tone": [], "words per speaker": []}
    for s in ("a", "b"):
        ln = c.lengths.loc[s]
        t = tone.loc[(s, "all")]
        rows["publisher"].append(_html.esc(getattr(c, f"publisher_{s}")))
        rows["readout"].append(_html.link(getattr(c, f"id_{s}"), getattr(c, f"url_{s}")))
        rows["date"].append(_html.day(getattr(c, f"date_{s}")))
        rows["leader"].append(_html.esc(getattr(c, f"principal_{s}")))
        rows["initiator, as told"].append(_html.esc(getattr(c, f"initiator_leader_{s}") or "not said"))
        rows["length"].append(f"{int(ln['n_words'])} words, {int(ln['n_sentences'])} sentences")
        rows["mean tone"].append(
            "" if _html.missing(t["sentiment_mean"]) else
            f"{t['sentiment_mean']:+.2f} <span class=\"da-muted\">(coop {t['share_coop']:.0%}, "
            f"conf {t['share_conf']:.0%} of sentences)</span>")
        rows["words per speaker"].append(", ".join(f"{sp} {sw.get((s, sp), 0.0):.0%}" for sp in SPEAKER_SIDES))
    body = "".join(f"<tr><th>{_html.esc(k)}</th><td>{a}</td><td>{b}</td></tr>" for k, (a, b) in rows.items())
    head = f"<tr><th></th><th>A: {_html.esc(_name(c, 'a'))}</th><th>B: {_html.esc(_name(c, 'b'))}</th></tr>"
    return f'<table class="da-facts"><thead>{head}</thead><tbody>{body}</tbody></table>'


def _keyword_cell(r) -> str:
    if r is None:
        return "<td></td><td></td><td></td>"
    weak = abs(r["z"]) < WEAK_Z
    cls = ' class="da-weak"' if weak else ""
    tag = ' <span class="da-muted">weak</span>' if weak else ""
    return (f"<td{cls}>{_html.esc(r['word'])}{tag}</td><td{cls}>{abs(r['z']):.2f}</td>"
            f"<td{cls}>{int(r['count_a'])} / {int(r['count_b'])}</td>")


def _keywords_table(c, n: int) -> str:
    kw = c.keywords.set_index("word", drop=False)
    words = {s: [kw.loc[w] for w in c.distinctive(s, n)] for s in ("a", "b")}
    depth = max(len(words["a"]), len(words["b"]))
    if depth == 0:
        return '<p class="da-muted">Neither readout has a word the other lacks.</p>'
    head = ("<tr><th>A stresses</th><th>|z|</th><th>count A / B</th>"
            "<th>B stresses</th><th>|z|</th><th>count A / B</th></tr>")
    body = "".join(
        "<tr>" + "".join(_keyword_cell(words[s][k] if k < len(words[s]) else None) for s in ("a", "b")) + "</tr>"
        for k in range(depth))
    note = (f'<p class="da-muted">Keyness: log-odds ratio with a Dirichlet prior, as a z-score (docs/pairs.md). '
            f"<span class=\"da-weak\">weak</span>: |z| &lt; {WEAK_Z}, not significant at the 5% level; "
            "such a word is a hint, not evidence.</p>")
    return f'<table class="da-keywords"><thead>{head}</thead><tbody>{body}</tbody></table>{note}'


def _sentence_cell(r: dict, s: str, other: str) -> str:
    if _html.missing(r[f"sentence_{s}"]):
        return '<td class="da-side"></td>'
    meta = (f"{int(r[f'sentence_{s}'])} · {_html.speaker(r[f'speaker_{s}'], r[f'speaker_side_{s}'])} · "
            f"{_html.tone_badge(r[f'sentiment_label_{s}'], r[f'sentiment_{s}'])}")
    cls, note = "da-side", ""
    if r[f"alone_{s}"]:
        cls += " da-alone"
        note = f' <span class="da-tag">only {s.upper()}</span>'
    elif not r["aligned"] and not _html.missing(r[f"closest_{s}"]):
        note = (f' <span class="da-muted">(as {other.upper()} {int(r[f"closest_{s}"])}, '
                f'cosine {r[f"closest_similarity_{s}"]:.2f})</span>')
    return f'<td class="{cls}"><div class="da-meta">{meta}{note}</div>{_html.esc(r[f"text_{s}"])}</td>'


def _sentences_table(c, aligned: pd.DataFrame, threshold: float) -> str:
    rows = []
    for r in aligned.to_dict("records"):
        sim = f"{r['similarity']:.2f}" if r["aligned"] else ""
        rows.append(f'<tr class="{"da-both" if r["aligned"] else "da-apart"}">{_sentence_cell(r, "a", "b")}'
                    f'<td class="da-sim">{sim}</td>{_sentence_cell(r, "b", "a")}</tr>')
    n_both = int(aligned["aligned"].sum())
    only = {s: int(aligned[f"alone_{s}"].sum()) for s in ("a", "b")}
    intro = (f"<p>Sentences, each readout in its own order: {n_both} pair(s) aligned as saying the same thing "
             f"(TF-IDF cosine &ge; {threshold:.2f}, shown between them); {only['a']} sentence(s) only A says, "
             f"{only['b']} only B says "
             '(<span class="da-tag">only A</span> / <span class="da-tag">only B</span>); an unaligned sentence '
             "that the other side says elsewhere names that sentence. Each sentence: its number, speaker "
             "(side) and tone.</p>")
    head = (f'<tr><th>A: {_html.esc(_name(c, "a"))}</th><th>cosine</th>'
            f'<th>B: {_html.esc(_name(c, "b"))}</th></tr>')
    return f'{intro}<table class="da-sents"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def pair_html(comparison, threshold: Optional[float] = None, n: int = 10, standalone: bool = False) -> str:
    """A pair comparison as HTML: both readouts side by side.

    Parameters
    ----------
    comparison : PairComparison
        From :func:`diplo_analysis.compare_pair`.
    threshold : float, optional
        Alignment threshold (:func:`align_sentences`).
    n : int, default 10
        Keyness words shown for each side.
    standalone : bool, default False
        A whole page (``<!DOCTYPE html>``...) rather than a fragment for a
        notebook.

    Returns
    -------
    str
        Three parts: the facts of each readout (publisher, readout id linked
        to its url, date, leader, initiator as told, length, mean tone,
        words per speaker side); the ``n`` words each side stresses with
        their keyness ``|z|`` and counts, those with ``|z| <``
        :data:`~diplo_analysis.pairs.WEAK_Z` marked *weak*; the aligned
        sentences (:func:`align_sentences`), each with its number, speaker
        and tone, the cosine between aligned ones, the sentences only one
        side says marked *only A* / *only B*, and for an unaligned sentence
        that the other side says elsewhere, that sentence's number.  Every value is escaped
        (``html.escape``); no time stamp or random id, so the same comparison
        gives the same bytes.
    """
    if not hasattr(comparison, "sentences_a") or not hasattr(comparison, "keywords"):
        raise TypeError(f"pair_html expects a PairComparison, got {type(comparison).__name__}")
    threshold = ALIGN_THRESHOLD if threshold is None else float(threshold)
    aligned = align_sentences(comparison, threshold)
    title = f"A: {_name(comparison, 'a')} and B: {_name(comparison, 'b')}"
    body = (f'<div class="da-pair">{_PAIR_CSS}<p><b>Two readouts of one conversation</b>: {_html.esc(title)}</p>'
            f"{_facts_table(comparison)}{_keywords_table(comparison, n)}"
            f"{_sentences_table(comparison, aligned, threshold)}</div>")
    return _html.document(f"{title} ({comparison.id_a}, {comparison.id_b})", body) if standalone else body
