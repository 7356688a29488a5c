"""Keyword in context: every place a word or phrase occurs, with who says it and in what tone.

:func:`kwic` searches the sentences of readouts (or a statements frame) for a
pattern and returns one row per hit: the readout's facts (id, url, date,
publisher, side), the sentence's speaker, the words before and after the match,
the whole sentence and its diplomatic tone.  The result is a DataFrame that
shows itself in a notebook as a readable concordance (:class:`Kwic`).

quanteda's ``kwic(x, pattern, window = 5, valuetype = c("glob", "regex",
"fixed"))`` is the model: the same three kinds of pattern, a window counted in
words, one row per hit.  Unlike quanteda, contexts are whitespace-separated
words with their punctuation, as they read, and a match never spans two
sentences (the context may: it runs on into the neighbouring sentences of the
same readout).

The module is ``concordance``, not ``kwic``, so that the package attribute
``diplo_analysis.kwic`` stays the function once the module is imported.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Optional, Union

import numpy as np
import pandas as pd

from . import _html

__all__ = ["KWIC_COLUMNS", "VALUETYPES", "Kwic", "kwic", "kwic_html"]

#: Columns of the :func:`kwic` frame, in order (``by`` columns that are not
#: among them come after ``url``).
KWIC_COLUMNS = [
    "readout_id",
    "date",
    "publisher",
    "side",
    "url",
    "paragraph",
    "sentence",
    "speaker",
    "speaker_side",
    "pattern",
    "left",
    "match",
    "right",
    "start",
    "end",
    "text",
    "sentiment",
    "sentiment_label",
]

#: The kinds of pattern, as in quanteda: ``glob`` (a word or phrase, ``*`` any
#: letters, ``?`` one letter), ``fixed`` (a word or phrase, literally) and
#: ``regex`` (a regular expression, no word boundaries added).
VALUETYPES = ("glob", "fixed", "regex")

_STATEMENT_NEEDS = ["readout_id", "paragraph", "sentence", "text", "speaker", "speaker_side"]
# the readout's facts: output column -> column of the readouts frame
_FACTS = {"date": "date", "publisher": "publisher", "side": "host_country", "url": "url"}
_SORT = ["date", "readout_id", "sentence", "start", "end", "pattern"]


class Kwic(pd.DataFrame):
    """The :func:`kwic` frame: a DataFrame that shows itself as a concordance in a notebook.

    Everything a DataFrame does works unchanged (filtering keeps the view:
    ``hits[hits["side"] == "USA"]``).  In a notebook it renders with
    :func:`kwic_html` (the match highlighted, left context aligned right, the
    whole sentence as each row's tooltip, at most ``display.max_rows`` rows);
    a frame without the view's columns renders as a plain DataFrame.
    ``attrs`` holds ``patterns``, ``window`` and ``by`` of the search.
    """

    @property
    def _constructor(self):
        return Kwic

    def _repr_html_(self):
        if not set(_VIEW_NEEDS) <= set(self.columns):
            return super()._repr_html_()
        return kwic_html(self, max_rows=pd.get_option("display.max_rows"))


# ---------------------------------------------------------------------------
# patterns
# ---------------------------------------------------------------------------

def _glob_regex(word: str, valuetype: str) -> str:
    parts = []
    for ch in word:
        if valuetype == "glob" and ch == "*":
            parts.append(r"\w*")
        elif valuetype == "glob" and ch == "?":
            parts.append(r"\w")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def _compile(pattern, valuetype: str, case_insensitive: bool) -> tuple[str, re.Pattern]:
    """One pattern -> (its label, a compiled expression)."""
    if isinstance(pattern, re.Pattern):
        return pattern.pattern, pattern
    if not isinstance(pattern, str):
        raise TypeError(f"kwic: a pattern must be a str or a compiled regex, got {type(pattern).__name__}")
    if not pattern.strip():
        raise ValueError("kwic: the pattern is empty")
    flags = re.IGNORECASE if case_insensitive else 0
    if valuetype == "regex":
        try:
            return pattern, re.compile(pattern, flags)
        except re.error as exc:
            raise ValueError(f"kwic: {pattern!r} is not a valid regular expression: {exc}") from None
    words = pattern.split()
    body = r"\s+".join(_glob_regex(w, valuetype) for w in words)
    # word boundaries that also hold at punctuation: "U.S." matches in "the U.S. side"
    return pattern, re.compile(rf"(?<!\w){body}(?!\w)", flags)


def _patterns(pattern, valuetype: str, case_insensitive: bool) -> list[tuple[str, re.Pattern]]:
    if valuetype not in VALUETYPES:
        raise ValueError(f"kwic: valuetype must be one of {VALUETYPES}, got {valuetype!r}")
    if isinstance(pattern, (str, re.Pattern)):
        items = [pattern]
    elif isinstance(pattern, (list, tuple)):
        items = list(pattern)
    else:
        raise TypeError(f"kwic: pattern must be a str, a compiled regex or a list of them, got {type(pattern).__name__}")
    if not items:
        raise ValueError("kwic: no pattern given")
    return [_compile(p, valuetype, case_insensitive) for p in items]


# ---------------------------------------------------------------------------
# input: readouts or statements
# ---------------------------------------------------------------------------

def _by_list(by) -> list[str]:
    if by is None:
        return []
    cols = [by] if isinstance(by, str) else list(by)
    if not all(isinstance(c, str) for c in cols):
        raise TypeError(f"kwic: by must be a column name or a list of them, got {by!r}")
    return cols


def _facts(source: Optional[pd.DataFrame], extra: list[str]) -> pd.DataFrame:
    """One row per readout id: the facts of the output (and ``extra`` columns) from ``source``."""
    cols = {"readout_id": source["readout_id"].astype(str)} if source is not None else {}
    out = pd.DataFrame(cols)
    for name, col in list(_FACTS.items()) + [(c, c) for c in extra]:
        if source is not None and col in source.columns:
            out[name] = source[col].to_numpy()
    if source is not None:
        out = out.drop_duplicates("readout_id")
    return out


def _from_readouts(readouts: pd.DataFrame, pats, extra: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The statements of the readouts that can hold a hit, and the readouts' facts."""
    from .speakers import statements

    texts = readouts["text"].tolist()
    # a cheap first pass on the whole text (whitespace runs as one space, as in the sentences)
    keep = [isinstance(t, str) and any(p.search(" ".join(t.split())) for _, p in pats) for t in texts]
    sub = readouts.loc[keep]
    return statements(sub), _facts(sub, extra)


def _source(data: pd.DataFrame, readouts: Optional[pd.DataFrame], pats, extra: list[str]):
    """(statements, facts) from a readouts frame or a statements frame (+ optional readouts)."""
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"kwic expects a readouts or statements DataFrame, got {type(data).__name__}")
    if "sentence" not in data.columns:  # a readouts frame
        missing = [c for c in ("readout_id", "text") if c not in data.columns]
        if missing:
            raise KeyError(f"kwic: the readouts frame lacks column(s) {missing}")
        return _from_readouts(data, pats, extra)
    missing = [c for c in _STATEMENT_NEEDS if c not in data.columns]
    if missing:
        raise KeyError(f"kwic: the statements frame lacks column(s) {missing} (see da.statements)")
    if readouts is not None and not isinstance(readouts, pd.DataFrame):
        raise TypeError(f"kwic: readouts must be a DataFrame, got {type(readouts).__name__}")
    facts = _facts(data, extra)
    if readouts is not None:  # the statements frame's own columns win over the readouts frame's
        other = _facts(readouts, extra)
        other = other.drop(columns=[c for c in facts.columns if c != "readout_id"], errors="ignore")
        facts = facts.merge(other, on="readout_id", how="left")
    return data, facts


# ---------------------------------------------------------------------------
# hits
# ---------------------------------------------------------------------------

def _left(sents: list, i: int, start: int, window: int) -> str:
    """Up to ``window`` words before the match; punctuation stuck to it ("(") comes on top, uncounted."""
    if window == 0:
        return ""
    before = sents[i][:start]
    words = before.split()
    attached = words[-1:] if before and not before[-1].isspace() else []
    words = words[: len(words) - len(attached)]
    j = i - 1
    while len(words) < window and j >= 0:
        words = sents[j].split() + words
        j -= 1
    return " ".join(words[-window:] + attached)


def _right(sents: list, i: int, end: int, window: int) -> str:
    """Up to ``window`` words after the match; punctuation stuck to it ("." or ",") comes on top, uncounted."""
    if window == 0:
        return ""
    after = sents[i][end:]
    words = after.split()
    attached = words[:1] if after and not after[0].isspace() else []
    words = words[len(attached):]
    j = i + 1
    while len(words) < window and j < len(sents):
        words = words + sents[j].split()
        j += 1
    return " ".join(attached + words[:window])


def _hits(st: pd.DataFrame, pats, window: int) -> list[dict]:
    """One dict per match: the sentence's row position in ``st`` and the match's place and context."""
    texts = ["" if not isinstance(t, str) else t for t in st["text"].tolist()]
    rids = st["readout_id"].astype(str).tolist()
    # each readout's sentences in order, for contexts that run across sentences
    numbers = st["sentence"].tolist()
    order: dict[str, list[int]] = {}
    for pos in range(len(rids)):
        order.setdefault(rids[pos], []).append(pos)
    rows = []
    for positions in order.values():
        positions.sort(key=numbers.__getitem__)
        sents = [texts[p] for p in positions]
        for i, pos in enumerate(positions):
            for label, pat in pats:
                for m in pat.finditer(sents[i]):
                    if m.end() == m.start():
                        continue  # an expression that matches nothing (e.g. "x*") finds no word
                    rows.append({
                        "_pos": pos, "pattern": label, "match": m.group(0), "start": m.start(), "end": m.end(),
                        "left": _left(sents, i, m.start(), window), "right": _right(sents, i, m.end(), window),
                    })
    return rows


def _tone(st: pd.DataFrame, positions: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The tone of the sentences at ``positions``: the frame's own scores, or :func:`sentiment`'s."""
    if {"sentiment", "sentiment_label"} <= set(st.columns):
        return (st["sentiment"].to_numpy(dtype=float)[positions],
                st["sentiment_label"].astype(object).to_numpy()[positions])
    from .tone import sentiment

    texts = pd.Series(st["text"].to_numpy(dtype=object)[positions], dtype=object)
    scored = sentiment(texts)
    return scored["sentiment"].to_numpy(dtype=float), scored["sentiment_label"].to_numpy(dtype=object)


def _empty(extra: list[str]) -> pd.DataFrame:
    dtypes = {"date": "datetime64[ns]", "paragraph": "int64", "sentence": "int64", "start": "int64",
              "end": "int64", "sentiment": "float64"}
    cols = _columns(extra)
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in cols})


def _columns(extra: list[str]) -> list[str]:
    i = KWIC_COLUMNS.index("url") + 1
    return KWIC_COLUMNS[:i] + [c for c in extra if c not in KWIC_COLUMNS] + KWIC_COLUMNS[i:]


def _assemble(st: pd.DataFrame, facts: pd.DataFrame, hits: list[dict], extra: list[str]) -> pd.DataFrame:
    if not hits:
        return _empty(extra)
    h = pd.DataFrame(hits)
    pos = h["_pos"].to_numpy()
    for c in ("readout_id", "paragraph", "sentence", "text", "speaker", "speaker_side"):
        h[c] = st[c].to_numpy(dtype=object)[pos]
    h["readout_id"] = h["readout_id"].astype(str)
    h["sentiment"], h["sentiment_label"] = _tone(st, list(pos))
    out = h.merge(facts, on="readout_id", how="left")
    for c in _columns(extra):
        if c not in out.columns:
            out[c] = None
    out = out[_columns(extra)]
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    for c in ("paragraph", "sentence", "start", "end"):
        out[c] = out[c].astype("int64")
    out["sentiment"] = out["sentiment"].astype(float)
    for c in out.columns:
        if out[c].dtype.kind not in "iufMb":
            out[c] = out[c].astype(object).where(out[c].notna(), None)
    return out


def _sorted(out: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    for c in by:
        if any(isinstance(v, (list, tuple, set, np.ndarray, dict)) for v in out[c]):
            raise ValueError(f"kwic: the by column {c!r} holds lists; choose a column of single values")
    keys = list(dict.fromkeys(by + _SORT))
    return out.sort_values(keys, kind="stable", na_position="last").reset_index(drop=True)


def kwic(
    data: pd.DataFrame,
    pattern: Union[str, re.Pattern, Iterable],
    window: int = 5,
    by: Union[str, list, None] = None,
    valuetype: str = "glob",
    case_insensitive: bool = True,
    readouts: Optional[pd.DataFrame] = None,
) -> Kwic:
    """Keyword in context: one row per occurrence of a pattern in the readouts' sentences.

    Parameters
    ----------
    data : DataFrame
        A readouts frame (:func:`diplo_analysis.load_readouts`; the sentences
        and speakers of the readouts whose text holds a match are found with
        :func:`diplo_analysis.statements`), or a statements frame (possibly
        scored with :func:`diplo_analysis.score_statements`: its tone is used).
    pattern : str, compiled regex, or a list of them
        A word or phrase, matched whole, whatever the case and the spacing
        (``"Taiwan"``, ``"Taiwan question"``); with ``valuetype="glob"`` ``*``
        stands for any letters (``"Taiwan*"`` finds "Taiwanese") and ``?`` for
        one.  A compiled regex is used as it is (its flags, no boundaries added).
    window : int, default 5
        Words of context on each side (whitespace-separated, punctuation kept;
        punctuation stuck to the match, as the full stop in "Taiwan.", is shown
        but not counted); it runs on into the readout's neighbouring sentences.
    by : str or list of str, optional
        Columns to group the hits by: they sort first, and the notebook view
        has one section per group with its number of hits.  A column of the
        result (``"side"``, ``"speaker_side"``, ``"sentiment_label"``...) or a
        column of single values of the readouts frame (``"medium"``...), then
        added to the result after ``url``.
    valuetype : {"glob", "fixed", "regex"}, default "glob"
        How a str pattern is read (quanteda's ``valuetype``): ``fixed``, every
        character literally; ``regex``, a regular expression (no boundaries).
    case_insensitive : bool, default True
        For str patterns.
    readouts : DataFrame, optional
        With a statements frame: gives each hit's ``date``, ``publisher``,
        ``side`` and ``url`` (the statements frame's own such columns win;
        without either they are missing).

    Returns
    -------
    Kwic
        A DataFrame (a concordance in notebooks, :class:`Kwic`), one row per
        match, sorted by the ``by`` columns, then ``date``, ``readout_id``,
        ``sentence``, ``start``, ``end``, ``pattern`` (missing values last),
        index 0..n-1; no hit gives an empty frame with the same columns:

        - ``readout_id`` (str); ``date`` (datetime64[ns], NaT when unknown);
          ``publisher`` (str); ``side`` (str: the publishing side's ISO
          alpha-3, ``host_country``); ``url`` (str or None).
        - the ``by`` columns taken from the readouts frame, if any.
        - ``paragraph``, ``sentence`` (int): 1-based numbers of the sentence's
          paragraph and of the sentence in the readout (as ``statements``).
        - ``speaker`` (str or None: None for narration and joint acts) and
          ``speaker_side`` (``host``, ``counterpart``, ``both`` or None).
        - ``pattern`` (str): the pattern that matched, as given (a compiled
          regex's ``.pattern``); two patterns on the same words give two rows.
        - ``left`` (str), ``match`` (str, as written), ``right`` (str): the
          ``window`` words before, the match, the ``window`` words after.
        - ``start``, ``end`` (int): character offsets of the match in ``text``.
        - ``text`` (str): the whole sentence.
        - ``sentiment`` (float in [-1, 1]), ``sentiment_label`` (``coop``,
          ``neut``, ``conf``): the sentence's tone (:func:`diplo_analysis.sentiment`).

        ``attrs``: ``patterns`` (list of str), ``window``, ``by`` (list).

    Raises
    ------
    TypeError, KeyError, ValueError
        A frame that is not one or lacks a needed column; an empty or invalid
        pattern; a bad ``window``, ``valuetype`` or ``by``.
    """
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"kwic: window must be an int >= 0, got {window!r}")
    pats = _patterns(pattern, valuetype, case_insensitive)
    by_cols = _by_list(by)
    extra = [c for c in by_cols if c not in KWIC_COLUMNS]
    st, facts = _source(data, readouts, pats, extra)
    lacking = [c for c in extra if c not in facts.columns]
    if lacking:
        raise KeyError(f"kwic: by column(s) {lacking} are neither kwic columns nor columns of the readouts frame")
    out = _assemble(st.reset_index(drop=True), facts, _hits(st.reset_index(drop=True), pats, int(window)), extra)
    out = Kwic(_sorted(out, by_cols))
    out.attrs = {"patterns": [label for label, _ in pats], "window": int(window), "by": by_cols}
    return out


# ---------------------------------------------------------------------------
# the notebook view
# ---------------------------------------------------------------------------

_VIEW_NEEDS = ["readout_id", "date", "side", "publisher", "url", "speaker", "speaker_side", "left", "match",
               "right", "text", "sentiment", "sentiment_label"]

_KWIC_CSS = (
    "<style>"
    ".da-kwic table{border-collapse:collapse;font-size:90%}"
    ".da-kwic th,.da-kwic td{padding:2px 6px;vertical-align:top;text-align:left;border-bottom:1px solid #eee}"
    ".da-kwic td.da-left{text-align:right;white-space:nowrap;max-width:28em;overflow:hidden}"
    ".da-kwic td.da-right{white-space:nowrap;max-width:28em;overflow:hidden}"
    ".da-kwic td.da-match,.da-kwic td.da-date{white-space:nowrap}"
    ".da-kwic mark{background:#fff3b0;font-weight:bold;padding:0 1px}"
    ".da-kwic tr.da-group th{background:#f4f4f4;text-align:left}"
    ".da-kwic .da-muted{color:#777}"
    + _html.TONE_CSS
    + "</style>"
)


def _kwic_row(r: dict) -> str:
    who = _html.esc(r["side"]) + ("" if _html.missing(r["publisher"]) else
                                   f' <span class="da-muted">{_html.esc(r["publisher"])}</span>')
    return (
        f'<tr title="{_html.esc(r["text"])}">'
        f'<td class="da-date">{_html.day(r["date"])}</td>'
        f'<td>{_html.link(r["readout_id"], r["url"])}</td>'
        f"<td>{who}</td>"
        f'<td>{_html.speaker(r["speaker"], r["speaker_side"])}</td>'
        f'<td>{_html.tone_badge(r["sentiment_label"], r["sentiment"])}</td>'
        f'<td class="da-left">{_html.esc(r["left"])}</td>'
        f'<td class="da-match"><mark>{_html.esc(r["match"])}</mark></td>'
        f'<td class="da-right">{_html.esc(r["right"])}</td>'
        "</tr>"
    )


def _group_label(by: list[str], key) -> str:
    key = key if isinstance(key, tuple) else (key,)
    return ", ".join(f"{_html.esc(c)} = {_html.esc(k) or '(missing)'}" for c, k in zip(by, key))


def kwic_html(hits: pd.DataFrame, max_rows: Optional[int] = 60) -> str:
    """The :func:`kwic` frame as an HTML concordance (what a notebook shows).

    Parameters
    ----------
    hits : DataFrame
        A :func:`kwic` result (or a filtered copy of one).
    max_rows : int or None, default 60
        Rows shown at most (None: all); the rest are counted.

    Returns
    -------
    str
        An HTML fragment: a caption (hits, readouts, pattern, window), one
        table row per hit (date, readout id linked to its url, side and
        publisher, speaker, tone, left context, the match highlighted, right
        context; the whole sentence as the row's tooltip), grouped under a
        heading per value of the ``by`` columns (``hits.attrs["by"]``) that
        gives the group's number of hits.  Every value is escaped; the same
        frame gives the same bytes.
    """
    missing = [c for c in _VIEW_NEEDS if c not in hits.columns]
    if missing:
        raise KeyError(f"kwic_html: the frame lacks column(s) {missing}; pass a kwic() result")
    by = [c for c in hits.attrs.get("by", []) if c in hits.columns]
    pats = hits.attrs.get("patterns", [])
    shown = hits if max_rows is None else hits.iloc[: int(max_rows)]
    caption = (f"{len(hits)} hit(s) of {', '.join(repr(p) for p in pats) or 'the pattern'} in "
               f"{hits['readout_id'].nunique()} readout(s), {hits.attrs.get('window', '?')} words of context")
    head = "".join(f"<th>{h}</th>" for h in ("date", "readout", "side", "speaker", "tone", "", "", ""))
    def key_of(r):
        return tuple(None if _html.missing(r[c]) else r[c] for c in by)

    counts = Counter(key_of(r) for r in hits[by].to_dict("records")) if by else Counter()
    body, group = [], None
    for r in shown.to_dict("records"):
        key = key_of(r)
        if by and key != group:
            group = key
            n = counts[key]
            body.append(f'<tr class="da-group"><th colspan="8">{_group_label(by, key)}: {n} hit(s)</th></tr>')
        body.append(_kwic_row(r))
    more = "" if len(shown) == len(hits) else (
        f'<p class="da-muted">{len(hits) - len(shown)} more hit(s) not shown: '
        f"show them with <code>kwic_html(hits, max_rows=None)</code> or a slice of the frame.</p>")
    return (
        f'<div class="da-kwic">{_KWIC_CSS}<p>{_html.esc(caption)}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}</div>"
    )
