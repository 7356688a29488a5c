"""Diplomatic tone of sentences: cooperative, neutral or conflictual.

The classes are those of ``TONE.md`` (the cooperation-conflict scales of event
data, not emotional valence): ``coop`` (agreement, support, praise, thanks,
congratulations, condolences, commitments, aid), ``conf`` (criticism,
concern about someone's actions, warnings, condemnation, rejection,
accusations, demands, sanctions) and ``neut`` (procedural or informational).

Method
------
:func:`sentiment` is a learned model (:mod:`diplo_analysis.tone_model`: a
logistic regression over the sentence's words, the signals of the lexicon
below and a few constructions, shipped as data): it gives each class's
probability, the most probable class as the label and ``sentiment`` =
P(coop) - P(conf).  :func:`explain` (``explain_tone``) lists the features
that pushed a sentence to its label.

The lexicon, one of the model's signals (:func:`lexicon_sentiment`,
:func:`explain_lexicon`): a weighted lexicon with rules, shipped as data
with the package and readable by a political scientist:

- ``data/tone_lexicon.csv``: ``term`` (one word or a multi-word formula;
  ``word*`` stands for the word with any common English ending, e.g.
  ``condemn*`` = condemn, condemns, condemned, condemnation, ...),
  ``weight`` (positive = cooperative, negative = conflictual), ``kind``
  (``act``: a stance the sentence takes; ``topic``: a subject that carries a
  stance only when asserted, e.g. ``cooperation``, ``sanctions``; ``name``:
  a proper name whose words carry no stance, weight 0), ``category``,
  ``note``, ``source``.
- ``data/tone_modifiers.csv``: negators, the words after a negator that
  cancel it ("not only"), intensifiers with their factor and window, and
  *frames* ("discussed", "exchanged views", "informed", "situation") that
  damp the topics following them.

Scoring a sentence:

1. the text is lower-cased and cut into word tokens and punctuation
   (``,`` is a weak, ``. ; : ! ?`` a strong clause boundary; hyphens and
   apostrophes separate words, so "non-interference" is "non interference"
   and "don't" is "don t", with ``t`` listed as a negator);
2. at each token the longest lexicon term starting there matches; a match
   overlapping an earlier one is dropped ("firmly opposes interference in
   internal affairs" = intensifier + ``oppos*`` + one formula);
3. a term preceded by a negator within the negator's window (same clause,
   no comma in between) is multiplied by ``NEGATION_FACTOR`` (flipped and
   damped: "did not support" is conflictual), a negated conflictual term by
   ``NEGATED_CONF_FACTOR`` ("pose no threat" is mildly cooperative); an
   intensifier within its window multiplies the term by
   its factor ("strongly condemned");
4. a ``topic`` term after a frame word within the frame's window (tokens of
   the same clause) is multiplied by the frame factor ("discussed cooperation in
   energy" stays neutral; "agreed to expand cooperation" is cooperative);
5. a topic that follows a strong act (``|weight| >= OBJECT_ACT_MIN``)
   within ``OBJECT_WINDOW`` tokens of the same clause is that act's object
   and counts only ``OBJECT_FACTOR`` ("opposes external interference" is
   one act, not two; "supports Ukraine against aggression" is support);
6. the first stance act of the sentence counts ``FIRST_ACT_FACTOR`` times
   (the main verb decides a mixed sentence: "condemned the attack and
   pledged support" is conflictual, "supports X and opposes interference"
   cooperative);
7. the weighted sum ``x`` is squashed to ``x / sqrt(x**2 + ALPHA)`` in
   (-1, 1), and labelled ``coop`` if >= ``COOP_THRESHOLD``, ``conf`` if <=
   ``-CONF_THRESHOLD``, else ``neut``.

Everything runs on whole arrays: the corpus is joined into one byte
buffer, tokens are found with numpy masks, every word is hashed from its
bytes in one vectorised step and looked up in a hash table of the
lexicon's words, multi-word formulas are matched level by level over a
trie of word ids, and modifiers are resolved by ``searchsorted`` over the
sorted positions of negators, intensifiers, frames and clause boundaries
("the last negator before this term").  There is no Python loop over
sentences or tokens; with numba installed, the tokeniser and the trie walk
are compiled (``_tone_kernel``, the same results).  See ``docs/tone.md``
for sources, licences and figures.
"""

from __future__ import annotations

import csv
import itertools
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import _tone_kernel

__all__ = [
    "sentiment",
    "score_statements",
    "tone_by_readout",
    "tone_by_side",
    "tone_by_speaker",
    "lexicon_sentiment",
    "explain",
    "explain_lexicon",
    "load_lexicon",
    "load_modifiers",
    "TONE_LABELS",
]

TONE_LABELS = ("coop", "neut", "conf")

# --- parameters (tuned on tests/labels/tone_dev.csv only) -------------------
NEGATION_FACTOR = -0.5   # a negated cooperative term: weight * NEGATION_FACTOR
NEGATED_CONF_FACTOR = -0.2  # a negated conflictual term ("pose no threat")
OBJECT_FACTOR = 0.0      # a topic that is the object of a strong act before it
OBJECT_WINDOW = 10       # ... within this many tokens in the same clause
OBJECT_ACT_MIN = 1.5     # ... if the act's |weight| is at least this
FIRST_ACT_FACTOR = 2.0   # the first stance act of a sentence (its main verb)
ALPHA = 4.0              # squashing: x / sqrt(x^2 + ALPHA)
COOP_THRESHOLD = 1.0 / np.sqrt(1.0 + ALPHA)  # squashed score >= this -> coop (raw sum >= 1)
CONF_THRESHOLD = 1.0 / np.sqrt(1.0 + ALPHA)  # squashed score <= -this -> conf (raw sum <= -1)
MAX_WORD_BYTES = 24      # words are hashed on their first 24 bytes + length

# endings a ``word*`` entry may take (over-generation is harmless: forms
# that do not exist never match)
_SUFFIXES = (
    "", "s", "es", "e", "ed", "d", "ted", "ing", "ting", "ion", "ions", "ation",
    "ations", "iation", "ment", "ments", "ement", "ements", "ly", "ally", "ily", "al",
    "ive", "ively", "ives", "er", "ers", "est", "ence", "ance", "ity", "ities", "y",
    "ies", "ied", "ying", "ism", "isms", "ist", "ists", "m", "ms", "ize", "ized",
    "izes", "izing", "ization", "ise", "ised", "ises", "ising", "isation", "ful",
    "fully", "ness", "ship", "ships", "able", "ably", "table", "tably", "ous", "ure",
    "ures", "ant", "ory", "atory", "th", "sy", "tical", "tically", "action", "actory",
    "ition", "itions", "t", "ts", "ative", "atives", "le", "les", "ility", "ilities",
    "ia", "ic", "ics", "ings", "en", "ous", "ously", "ious", "iously", "eous", "ified",
    "ification", "liness", "iness", "led", "ling", "etic", "red", "ce", "ces",
)

# byte classes: 1 word character, 2 weak boundary, 3 strong boundary, 0 other
_CLASS = np.zeros(256, dtype=np.uint8)
for _c in b"abcdefghijklmnopqrstuvwxyz0123456789":
    _CLASS[_c] = 1
_CLASS[ord(",")] = 2
for _c in b".;:!?\x00":
    _CLASS[_c] = 3
_SEP = "\x00"  # joins the texts of a batch; a strong boundary
_CLASS_TABLE = bytes(_CLASS.tolist())  # for bytes.translate

_K1 = np.uint64(0x9E3779B97F4A7C15)
_K2 = np.uint64(0xC2B2AE3D27D4EB4F)
_K3 = np.uint64(0x165667B19E3779F9)
_MASKS = np.array([(1 << (8 * k)) - 1 for k in range(8)] + [(1 << 64) - 1], dtype=np.uint64)
#: Cut texts into tokens with the compiled kernel of ``_tone_kernel`` when numba is installed
#: (the same tokens as the numpy path, several times faster).
USE_KERNEL = True
_MIN_TABLE_BITS = 8      # hash tables have at least 2**8 slots, and 16 to 32 slots per key
_TABLE_EXTRA_BITS = 4    # slots = 2 ** (bits of the number of keys + this)
_MULT = np.uint64(0x9E3779B97F4A7C15)


# ---------------------------------------------------------------------------
# data
# ---------------------------------------------------------------------------

def _read_csv(name: str) -> list[dict]:
    with resources.files("diplo_analysis").joinpath("data", name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def load_lexicon() -> pd.DataFrame:
    """Return the tone lexicon shipped with the package.

    Returns
    -------
    pandas.DataFrame
        One row per entry of ``data/tone_lexicon.csv``:

        - ``term`` (str): a word or multi-word formula, lower case; ``word*``
          matches the word with any common ending.
        - ``weight`` (float): positive cooperative, negative conflictual.
        - ``kind`` (str): ``act``, ``topic`` (damped after a frame word such
          as "discussed") or ``name`` (a name that neutralises its words).
        - ``category`` (str): e.g. ``condolence``, ``condemnation``.
        - ``note`` (str), ``source`` (str): where the entry comes from.
    """
    df = pd.DataFrame(_read_csv("tone_lexicon.csv"))
    df["weight"] = df["weight"].astype(float)
    return df


def load_modifiers() -> pd.DataFrame:
    """Return the negators, intensifiers and frames shipped with the package.

    Returns
    -------
    pandas.DataFrame
        One row per entry of ``data/tone_modifiers.csv``:

        - ``term`` (str): one word (``word*`` allowed).
        - ``role`` (str): ``negator``, ``negation_exception`` (a word that,
          right after a negator, cancels it: "not only"), ``intensifier`` or
          ``frame``.
        - ``factor`` (float or NaN): multiplier of an intensifier or frame.
        - ``window`` (float or NaN): how many tokens after the word it acts.
        - ``note`` (str), ``source`` (str).
    """
    df = pd.DataFrame(_read_csv("tone_modifiers.csv"))
    for col in ("factor", "window"):
        df[col] = pd.to_numeric(df[col].replace("", np.nan))
    return df


def _expand(word: str) -> list[str]:
    if word.endswith("*"):
        stem = word[:-1]
        return list(dict.fromkeys(stem + s for s in _SUFFIXES))
    return [word]


def _words_of(term: str) -> list[str]:
    # the same cutting as the scorer: hyphens and apostrophes split words
    out = []
    for w in term.lower().replace("-", " ").replace("'", " ").split():
        out.append(w)
    return out


# ---------------------------------------------------------------------------
# hashing words straight from bytes
# ---------------------------------------------------------------------------

def _hash_words(buf: np.ndarray, starts: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """64-bit hash of each word ``buf[start:start+len]`` (first 24 bytes + length).

    The bytes are read as little-endian uint64 at every byte offset (an
    unaligned strided view of the buffer, so one gather reads 8 bytes).
    """
    data = np.concatenate([buf, np.zeros(MAX_WORD_BYTES + 8, dtype=np.uint8)])
    at = np.ndarray(shape=(len(data) - 7,), dtype="<u8", buffer=data, strides=(1,))
    lens64 = lens.astype(np.int64, copy=False)
    h = at[starts]
    h &= _MASKS[np.minimum(lens64, 8)]
    h ^= lens64.view(np.uint64) * _K3
    for k, mult in ((8, _K1), (16, _K2)):
        long_ = np.flatnonzero(lens64 > k)
        if len(long_):
            part = at[starts[long_] + k] & _MASKS[np.minimum(lens64[long_] - k, 8)]
            h[long_] ^= part * mult
    return h


def _hash_strings(words: list[str]) -> np.ndarray:
    data = " ".join(words).encode("utf-8")
    lens = np.array([len(w.encode("utf-8")) for w in words], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lens + 1)[:-1]]).astype(np.int64)
    return _hash_words(np.frombuffer(data, dtype=np.uint8), starts, lens)


class _Tables(NamedTuple):
    words: list            # word strings, index = word id
    hashes: np.ndarray     # their hashes
    table: _HashTable      # hash -> word id
    first_node: np.ndarray   # word id -> trie node of the one-word prefix (-1 none)
    edge_key: np.ndarray     # sorted parent_node * n_words + word_id
    edge_child: np.ndarray
    node_entry: np.ndarray   # trie node -> lexicon row (-1 not terminal)
    max_len: int
    entry_weight: np.ndarray
    entry_topic: np.ndarray  # bool
    entry_act: np.ndarray    # bool: a stance act (kind act and weight != 0)
    terms: list
    negator: np.ndarray      # per word id
    neg_window: np.ndarray
    neg_exception: np.ndarray
    int_factor: np.ndarray
    int_window: np.ndarray
    frame_factor: np.ndarray
    frame_window: np.ndarray


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    lex = load_lexicon()
    mods = load_modifiers()
    word_ids: dict[str, int] = {}

    def wid(w: str) -> int:
        return word_ids.setdefault(w, len(word_ids))

    # expand lexicon entries into concrete word-id sequences; on a clash the
    # entry with fewer wildcards wins, then the earlier row
    seqs: dict[tuple, tuple] = {}
    for row, term in enumerate(lex["term"]):
        parts = _words_of(term)
        n_wild = sum(p.endswith("*") for p in parts)
        for combo in itertools.product(*(_expand(p) for p in parts)):
            key = tuple(wid(w) for w in combo)
            rank = (n_wild, row)
            if key not in seqs or rank < seqs[key]:
                seqs[key] = rank
    mod_words = []
    for term, role, factor, window in mods[["term", "role", "factor", "window"]].itertuples(index=False):
        for w in _expand(term.lower()):
            mod_words.append((wid(w), role, factor, window))

    words = list(word_ids)
    n_words = len(words)
    hashes = _hash_strings(words)
    if len(np.unique(hashes)) != n_words:  # pragma: no cover - 64-bit collision
        raise RuntimeError("hash collision between lexicon words")

    table = _hash_table(hashes)

    # trie over word ids
    first_node = np.full(n_words, -1, dtype=np.int64)
    children: dict[tuple, int] = {}
    node_entry = [-1]
    for key, (_, row) in sorted(seqs.items()):
        node = 0
        for w in key:
            edge = (node, w)
            if edge not in children:
                children[edge] = len(node_entry)
                node_entry.append(-1)
            node = children[edge]
        node_entry[node] = row
    for (parent, w), child in children.items():
        if parent == 0:
            first_node[w] = child
    deep = [(p * n_words + w, c) for (p, w), c in children.items() if p != 0]
    deep.sort()
    edge_key = np.array([k for k, _ in deep], dtype=np.int64)
    edge_child = np.array([c for _, c in deep], dtype=np.int64)

    negator = np.zeros(n_words, dtype=bool)
    neg_window = np.zeros(n_words, dtype=np.int64)
    neg_exception = np.zeros(n_words, dtype=bool)
    int_factor = np.ones(n_words)
    int_window = np.zeros(n_words, dtype=np.int64)
    frame_factor = np.ones(n_words)
    frame_window = np.zeros(n_words, dtype=np.int64)
    for w, role, factor, window in mod_words:
        if role == "negator":
            negator[w] = True
            neg_window[w] = int(window)
        elif role == "negation_exception":
            neg_exception[w] = True
        elif role == "intensifier":
            int_factor[w] = float(factor)
            int_window[w] = int(window)
        elif role == "frame":
            frame_factor[w] = float(factor)
            frame_window[w] = int(window)
        else:  # pragma: no cover - data error
            raise ValueError(f"tone_modifiers.csv: unknown role {role!r}")

    weight = lex["weight"].to_numpy(dtype=float).copy()
    kind = lex["kind"].to_numpy()
    return _Tables(
        words=words, hashes=hashes, table=table,
        first_node=first_node, edge_key=edge_key, edge_child=edge_child,
        node_entry=np.array(node_entry, dtype=np.int64),
        max_len=max(len(k) for k in seqs),
        entry_weight=weight, entry_topic=(kind == "topic"),
        entry_act=(kind == "act") & (weight != 0), terms=list(lex["term"]),
        negator=negator, neg_window=neg_window, neg_exception=neg_exception,
        int_factor=int_factor, int_window=int_window,
        frame_factor=frame_factor, frame_window=frame_window,
    )


# ---------------------------------------------------------------------------
# the vectorised scorer
# ---------------------------------------------------------------------------

class _Matches(NamedTuple):
    row: np.ndarray        # text index of each kept match
    entry: np.ndarray      # lexicon row
    value: np.ndarray      # contribution after all rules
    negated: np.ndarray
    intensity: np.ndarray
    framed: np.ndarray
    first_act: np.ndarray
    start_byte: np.ndarray
    last_token: np.ndarray  # token index of the match's last word (see _end_bytes)
    buffer: bytes


def _last_before(events: np.ndarray, query: np.ndarray) -> np.ndarray:
    """For each query position, the largest event position < it (or -1); both sorted."""
    if not len(events):
        return np.full(len(query), -1, dtype=np.int64)
    k = np.searchsorted(events, query) - 1
    return np.where(k >= 0, events[np.maximum(k, 0)], -1)


class _HashTable(NamedTuple):
    """An open hash table of distinct 64-bit keys with linear probing (see :func:`_hash_table`)."""

    slot_hash: np.ndarray  # the key in each slot
    slot_id: np.ndarray    # the key's id (its index in the list given), -1 empty
    max_probe: int         # the longest probe sequence of a key


def _hash_table(hashes: np.ndarray) -> _HashTable:
    """An open hash table of distinct 64-bit keys, id = position in ``hashes``.

    Key ``i`` sits in slot ``(h * _MULT) >> (64 - bits)`` or, if taken, the
    next free slot (linear probing).  The table has 16 to 32 slots per key:
    a lookup of every word of a batch is one gather, plus a second one for
    the few words that land on a slot taken by another key (a sparser
    table measured faster than a denser one that fits a smaller cache).
    """
    hashes = np.asarray(hashes, dtype=np.uint64)
    if len(np.unique(hashes)) != len(hashes):  # pragma: no cover - 64-bit collision
        raise RuntimeError("hash collision between words")
    bits = max(_MIN_TABLE_BITS, int(len(hashes)).bit_length() + _TABLE_EXTRA_BITS)
    mask = (1 << bits) - 1
    home = ((hashes * _MULT) >> np.uint64(64 - bits)).astype(np.int64).tolist()
    slot_id = [-1] * (1 << bits)
    max_probe = 0
    for i, slot in enumerate(home):
        probe = 0
        while slot_id[(slot + probe) & mask] != -1:
            probe += 1
        slot_id[(slot + probe) & mask] = i
        max_probe = max(max_probe, probe)
    slot_id = np.array(slot_id, dtype=np.int32)
    slot_hash = np.where(slot_id >= 0, hashes[np.maximum(slot_id, 0)] if len(hashes) else 0, 0).astype(np.uint64)
    return _HashTable(slot_hash, slot_id, max_probe)


def _lookup(t, h: np.ndarray) -> np.ndarray:
    """Id of each hash ``h`` in the table ``t`` (a :class:`_HashTable`), -1 if absent."""
    size = len(t.slot_hash)
    slots = ((h * _MULT) >> np.uint64(64 - (size.bit_length() - 1))).view(np.int64)
    sid = t.slot_id[slots]
    same = t.slot_hash[slots] == h
    ids = np.where(same, sid, np.int32(-1))
    pending = np.flatnonzero((sid >= 0) & ~same)  # the slot holds another key: probe on
    for probe in range(1, t.max_probe + 1):
        if not len(pending):
            break
        s2 = (slots[pending] + probe) & (size - 1)
        sid = t.slot_id[s2]
        same = t.slot_hash[s2] == h[pending]
        ids[pending[same]] = sid[same]
        pending = pending[(sid >= 0) & ~same]
    return ids


class _Tokens(NamedTuple):
    """A batch of texts cut into tokens (step 1 of the module docstring)."""

    data: bytes            # the joined texts, UTF-8, ASCII-lower-cased, a space at both ends
    starts: np.ndarray     # byte offset of each word's first byte
    ends: np.ndarray       # byte offset just past each word
    pos: np.ndarray        # byte offset of each token (a word's start or a punctuation byte)
    tid: np.ndarray        # per token: lexicon word id, -1 other word, -2 weak, -3 strong boundary
    sep: np.ndarray        # token indexes of the separators between texts, in order
    kpos: np.ndarray       # token indexes of the lexicon's words
    ktid: np.ndarray       # their word ids
    wtok: np.ndarray       # token index of each word (indexed like ``starts``)
    whash: np.ndarray      # 64-bit hash of each word (indexed like ``starts``)
    wid: np.ndarray        # id of each word in the index looked up (see _tokens), -1 none
    bounds: np.ndarray     # token indexes of the clause boundaries (weak and strong)
    strong: np.ndarray     # token indexes of the strong boundaries


def _tokens_numpy(data: bytes, buf: np.ndarray, table: _HashTable, lexicon_id):
    """The words and tokens of a batch with numpy (what ``_tone_kernel.tokenise`` does in one pass)."""
    cls = np.frombuffer(data.translate(_CLASS_TABLE), dtype=np.uint8)
    isw = cls == 1
    edges = np.flatnonzero(isw[1:] != isw[:-1]) + 1
    starts, ends = edges[0::2], edges[1::2]
    tokmask = cls >= 2
    tokmask[starts] = True
    tokpos = np.flatnonzero(tokmask)
    tokcls = cls[tokpos]
    tid = np.where(tokcls == 2, np.int32(-2), np.int32(-3))
    wtok = np.flatnonzero(tokcls == 1)
    whash = _hash_words(buf, starts, ends - starts)
    wid = _lookup(table, whash)
    tid[wtok] = wid if lexicon_id is None else np.where(wid >= 0, lexicon_id[wid], -1)
    return starts, ends, tokpos, tid, wtok, whash, wid


def _tokens(t: _Tables, texts: list, words=None) -> _Tokens:
    """Join ``texts`` into one byte buffer and find its words and boundaries.

    Non-ASCII bytes are separators; words are looked up in the lexicon by
    hash, so ``tid`` says at once which tokens can start or continue a term.
    ``words``: a larger word index (``table``: a :class:`_HashTable` of
    words that include every lexicon word, ``lexicon_id``: each key's
    lexicon word id or -1) looked up instead of the lexicon's, once for
    the lexicon and its user; ``wid`` is then the id of each word in it.
    """
    joined = _SEP.join(texts)
    if joined.count(_SEP) != max(len(texts) - 1, 0):  # a text holds the separator itself
        joined = _SEP.join(s.replace(_SEP, " ") for s in texts)
    # a space on both ends so that word starts and ends alternate
    data = b" " + joined.encode("utf-8").lower() + b" "
    buf = np.frombuffer(data, dtype=np.uint8)
    table, lexicon_id = (t.table, None) if words is None else (words.table, words.lexicon_id)
    if USE_KERNEL and _tone_kernel.AVAILABLE:
        if lexicon_id is None:
            lexicon_id = np.arange(len(t.words), dtype=np.int32)
        starts, ends, tokpos, tid, wtok, whash, wid, sep, bounds, strong, kpos, ktid = _tone_kernel.tokenise(
            buf, _CLASS, _MASKS, _K1, _K2, _K3, _MULT, table, lexicon_id)
    else:
        starts, ends, tokpos, tid, wtok, whash, wid = _tokens_numpy(data, buf, table, lexicon_id)
        sep = np.flatnonzero(buf[tokpos] == 0)
        bounds, strong = np.flatnonzero(tid <= -2), np.flatnonzero(tid == -3)
        kpos = np.flatnonzero(tid >= 0)
        ktid = tid[kpos]
    return _Tokens(data, starts, ends, tokpos, tid, sep, kpos, ktid, wtok, whash, wid, bounds, strong)


def _longest_terms(t: _Tables, tok: _Tokens) -> tuple[np.ndarray, np.ndarray]:
    """The longest lexicon term starting at each lexicon word (step 2).

    Walks the trie of word ids level by level for all candidates at once.

    Returns
    -------
    best_entry, best_len : ndarray
        Indexed like ``tok.kpos``: the lexicon row of the longest term
        starting there (-1 none) and its length in tokens (0 none).
    """
    if USE_KERNEL and _tone_kernel.AVAILABLE:
        return _tone_kernel.longest_terms(t, tok)
    tid, kpos, n_tok, n_words = tok.tid, tok.kpos, len(tok.tid), len(t.words)
    best_entry = np.full(len(kpos), -1, dtype=np.int64)
    best_len = np.zeros(len(kpos), dtype=np.int64)
    node = t.first_node[tok.ktid]
    cand = np.flatnonzero(node >= 0)  # indexes kpos
    node = node[cand]
    for depth in range(1, t.max_len + 1):
        ent = t.node_entry[node]
        term_ = ent >= 0
        best_entry[cand[term_]] = ent[term_]
        best_len[cand[term_]] = depth
        if not len(t.edge_key):
            break
        nxt_pos = kpos[cand] + depth
        ok = nxt_pos < n_tok
        cand, node, nxt_pos = cand[ok], node[ok], nxt_pos[ok]
        nxt_id = tid[nxt_pos]
        ok = nxt_id >= 0
        cand, node, nxt_id = cand[ok], node[ok], nxt_id[ok]
        if not len(cand):
            break
        key = node * n_words + nxt_id
        pos = np.minimum(np.searchsorted(t.edge_key, key), len(t.edge_key) - 1)
        ok = t.edge_key[pos] == key
        cand, node = cand[ok], t.edge_child[pos[ok]]
    return best_entry, best_len


def _leftmost_longest(kpos: np.ndarray, best_entry: np.ndarray, best_len: np.ndarray):
    """Keep the matches that do not start inside an earlier match (step 2).

    Returns
    -------
    m, mlen, entry : ndarray
        Token index, length in tokens and lexicon row of each kept match,
        in reading order.
    """
    hit = np.flatnonzero(best_len > 0)
    allm, alllen = kpos[hit], best_len[hit]
    reach = allm + alllen
    prev_reach = np.concatenate([[-1], np.maximum.accumulate(reach)[:-1]]) if len(allm) else reach
    keep = prev_reach <= allm
    return allm[keep], alllen[keep], best_entry[hit[keep]]


def _negated(t: _Tables, tok: _Tokens, m: np.ndarray, last_bound: np.ndarray) -> np.ndarray:
    """Whether a negator is within its window before each match, no boundary between (step 3).

    A negator followed by one of its exceptions ("not only") does not count.
    """
    tid, n_tok = tok.tid, len(tok.tid)
    neg = tok.kpos[t.negator[tok.ktid]]
    nxt_id = tid[np.minimum(neg + 1, n_tok - 1)]
    neg = neg[~((nxt_id >= 0) & t.neg_exception[np.maximum(nxt_id, 0)] & (neg + 1 < n_tok))]
    j = _last_before(neg, m)
    return (j >= 0) & (j > last_bound) & (m - j <= t.neg_window[tid[np.maximum(j, 0)]])


def _intensity(t: _Tables, tok: _Tokens, m: np.ndarray, last_bound: np.ndarray) -> np.ndarray:
    """The factor of the nearest intensifier within its window before each match, else 1 (step 3)."""
    j = _last_before(tok.kpos[t.int_window[tok.ktid] > 0], m)
    jj = np.maximum(tok.tid[np.maximum(j, 0)], 0)
    intens = (j >= 0) & (j > last_bound) & (m - j <= t.int_window[jj])
    return np.where(intens, t.int_factor[jj], 1.0)


def _framing(t: _Tables, tok: _Tokens, m: np.ndarray, entry: np.ndarray, last_strong: np.ndarray):
    """Topics after a frame word ("discussed", ...) of the same clause, and the frame's factor (step 4).

    Returns
    -------
    framed : ndarray of bool
    factor : ndarray of float
        The frame's factor where framed, else 1.
    """
    j = _last_before(tok.kpos[t.frame_window[tok.ktid] > 0], m)
    jj = np.maximum(tok.tid[np.maximum(j, 0)], 0)
    framed = (j >= 0) & (j > last_strong) & (m - j <= t.frame_window[jj]) & t.entry_topic[entry]
    return framed, np.where(framed, t.frame_factor[jj], 1.0)


def _objects_of_acts(t: _Tables, m: np.ndarray, entry: np.ndarray, last_strong: np.ndarray) -> np.ndarray:
    """Topics that are the object of a strong act just before them in the clause (step 5).

    "opposes interference", "supports sovereignty": counted once, by the act.
    """
    if not len(m):
        return np.zeros(0, dtype=bool)
    strong_act = t.entry_act[entry] & (np.abs(t.entry_weight[entry]) >= OBJECT_ACT_MIN)
    prev_pos = _last_before(m[strong_act], m)
    return (t.entry_topic[entry] & (prev_pos >= 0)
            & (m - prev_pos <= OBJECT_WINDOW) & (last_strong < prev_pos))


def _first_acts(t: _Tables, entry: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The first stance act of each text (step 6: its main verb decides); matches in reading order."""
    acts = np.flatnonzero(t.entry_act[entry])
    first_act = np.zeros(len(entry), dtype=bool)
    if len(acts):
        ra = rows[acts]
        first = np.concatenate([[True], ra[1:] != ra[:-1]])
        first_act[acts[first]] = True
    return first_act


def _match(texts: list, tok: _Tokens | None = None) -> _Matches:
    """Every kept lexicon match of a batch of texts with its value after all rules (steps 1-6).

    ``tok``: the texts already cut by :func:`_tokens` (else they are cut here).
    """
    t = _tables()
    if tok is None:
        tok = _tokens(t, texts)
    m, mlen, entry = _leftmost_longest(tok.kpos, *_longest_terms(t, tok))
    weight = t.entry_weight[entry]
    last_bound = _last_before(tok.bounds, m)   # any clause boundary
    last_strong = _last_before(tok.strong, m)
    negated = _negated(t, tok, m, last_bound)
    intensity = _intensity(t, tok, m, last_bound)
    framed, frame = _framing(t, tok, m, entry, last_strong)
    negf = np.where(weight > 0, NEGATION_FACTOR, NEGATED_CONF_FACTOR)
    value = weight * intensity * frame * np.where(negated, negf, 1.0)
    value = np.where(_objects_of_acts(t, m, entry, last_strong), value * OBJECT_FACTOR, value)
    rows = np.searchsorted(tok.sep, m)
    first_act = _first_acts(t, entry, rows)
    value = np.where(first_act, value * FIRST_ACT_FACTOR, value)
    return _Matches(rows, entry, value, negated, intensity, framed, first_act,
                    tok.pos[m], m + mlen - 1, tok.data)


def _end_bytes(tok: _Tokens, mt: _Matches) -> np.ndarray:
    """Byte offset just past each match (for showing the matched words)."""
    return tok.ends[np.searchsorted(tok.starts, tok.pos[mt.last_token])]


def _texts_of(obj) -> tuple[list, pd.Index]:
    if isinstance(obj, pd.DataFrame):
        if "text" not in obj.columns:
            raise KeyError("sentiment() needs a DataFrame with a 'text' column "
                           f"(got columns {list(obj.columns)})")
        series = obj["text"]
    elif isinstance(obj, pd.Series):
        series = obj
    else:
        raise TypeError("sentiment() expects a pandas Series of sentences or a DataFrame with a "
                        f"'text' column, got {type(obj).__name__}")
    values = series.to_numpy(dtype=object)
    missing = pd.isna(values)
    present = values[~missing]
    if len(present) and pd.api.types.infer_dtype(present, skipna=False) != "string":
        bad = next(v for v in present if not isinstance(v, str))
        raise TypeError(f"sentiment(): text values must be str or missing, got {type(bad).__name__}")
    return np.where(missing, "", values).tolist(), series.index


#: Texts are scored in batches of about this many characters: the matcher's
#: arrays take some 30 bytes per character, so a batch needs about 120 MB
#: whatever the number of texts (all 2.1 million sentences of ten times the
#: corpus at once needed 6.6 GB). Every text is scored on its own (batches are
#: joined by a strong boundary), so the batch size never changes a score.
SENTIMENT_BATCH_CHARS = 4_000_000


def _batches(texts: list):
    """``(start, end)`` of consecutive batches of about ``SENTIMENT_BATCH_CHARS`` characters (>= 1 text each)."""
    if not texts:
        return
    # batch k ends where the running length passes the batch size
    cum = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1)
    start = 0
    while start < len(texts):
        base = cum[start - 1] if start else 0
        end = max(int(np.searchsorted(cum, base + SENTIMENT_BATCH_CHARS, side="right")), start + 1)
        yield start, end
        start = end


def _raw_scores(texts: list) -> np.ndarray:
    """The lexicon's weighted sum of each text (step 7's ``x``)."""
    out = np.zeros(len(texts))
    for start, end in _batches(texts):
        mt = _match(texts[start:end])
        out[start:end] = np.bincount(mt.row, weights=mt.value, minlength=end - start)[: end - start]
    return out


def _squash(raw: np.ndarray) -> np.ndarray:
    return raw / np.sqrt(raw * raw + ALPHA)


def _label(score: np.ndarray) -> np.ndarray:
    return np.where(score >= COOP_THRESHOLD, "coop", np.where(score <= -CONF_THRESHOLD, "conf", "neut"))


def _probabilities(texts: list) -> np.ndarray:
    """The model's ``(n, 3)`` class probabilities (coop, neut, conf) of each text."""
    from . import tone_model

    out = np.zeros((len(texts), 3))
    for start, end in _batches(texts):
        out[start:end] = tone_model.softmax(tone_model.predict_logits(texts[start:end]))
    return out


def sentiment(obj) -> pd.DataFrame:
    """Diplomatic tone of each sentence (or text) of a Series or DataFrame.

    The learned model of :mod:`diplo_analysis.tone_model` (a logistic
    regression over words, phrases, the lexicon's signals and constructions,
    shipped as data) gives the probability of each class; see
    ``docs/tone.md`` for its figures.

    Parameters
    ----------
    obj : pandas.Series or pandas.DataFrame
        A Series of sentences, or a DataFrame with a ``text`` column (the
        statements frame, or a readouts frame: a whole readout is then scored
        as one text; the model was trained on sentences, prefer statements).
        Missing text (NaN/None) is scored as the empty text.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``obj``, columns:

        - ``sentiment`` (float in [-1, 1]): ``p_coop - p_conf``; > 0
          cooperative, < 0 conflictual.
        - ``sentiment_label`` (str): ``coop``, ``neut`` or ``conf``, the
          most probable class.
        - ``p_coop``, ``p_neut``, ``p_conf`` (float in [0, 1]): the class
          probabilities; they sum to 1.

    Raises
    ------
    TypeError
        ``obj`` is not a Series/DataFrame, or a text is neither str nor missing.
    KeyError
        A DataFrame without a ``text`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> sentiment(pd.Series(["The President strongly condemned the attack."]))["sentiment_label"].iloc[0]
    'conf'
    """
    texts, index = _texts_of(obj)
    p = _probabilities(texts)
    return pd.DataFrame({
        "sentiment": p[:, 0] - p[:, 2],
        "sentiment_label": np.array(TONE_LABELS, dtype=object)[p.argmax(axis=1)],
        "p_coop": p[:, 0], "p_neut": p[:, 1], "p_conf": p[:, 2],
    }, index=index)


def lexicon_sentiment(obj) -> pd.DataFrame:
    """The tone of the lexicon alone (steps 1-7 of the module docstring): one of the model's signals.

    Parameters
    ----------
    obj : pandas.Series or pandas.DataFrame
        As for :func:`sentiment`.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``obj``, columns:

        - ``sentiment`` (float in [-1, 1]): the squashed weighted sum of the
          lexicon matches; > 0 cooperative, < 0 conflictual.
        - ``sentiment_label`` (str): ``coop``, ``neut`` or ``conf``.
    """
    texts, index = _texts_of(obj)
    score = _squash(_raw_scores(texts))
    return pd.DataFrame({"sentiment": score, "sentiment_label": _label(score)}, index=index)


def explain(text: str) -> pd.DataFrame:
    """Say why the model gave one text its label: the features that pushed it there.

    Parameters
    ----------
    text : str

    Returns
    -------
    pandas.DataFrame
        One row per feature of the model present in the text, the strongest
        push towards the label first:

        - ``kind`` (str): ``word``, ``lexicon`` (a signal of the lexicon,
          e.g. ``sum_conf``, ``first_act_conf``, ``category:criticism``),
          ``construction`` (e.g. ``call_on``, ``conditional_threat``) or
          ``length``: the kinds of ``data/tone_model.csv``.
        - ``feature`` (str): the feature's name in ``data/tone_model.csv``.
        - ``matched`` (str): the words of the text behind it (for a lexicon
          signal, every lexicon match with its value after the rules).
        - ``value`` (float): the feature's value (a count, a sum).
        - ``coop``, ``neut``, ``conf`` (float): ``value`` times the
          feature's coefficient in each class's logit.
        - ``effect`` (float): what the feature adds to the label's logit
          minus the mean of what it adds to the other two (> 0: it pushed
          the text towards its label).

        ``df.attrs`` holds ``label``, ``sentiment``, ``p_coop``, ``p_neut``,
        ``p_conf``, ``logits`` and ``intercept`` (dicts by class).
    """
    if not isinstance(text, str):
        raise TypeError(f"explain() expects a str, got {type(text).__name__}")
    from . import tone_model

    return tone_model.explain_frame(text)


def explain_lexicon(text: str) -> pd.DataFrame:
    """Show which lexicon terms and rules produce the lexicon's score of one text.

    Parameters
    ----------
    text : str

    Returns
    -------
    pandas.DataFrame
        One row per lexicon match, in reading order:

        - ``matched`` (str): the words of the text that matched.
        - ``term`` (str): the lexicon entry.
        - ``weight`` (float): the entry's weight.
        - ``negated`` (bool), ``intensity`` (float), ``framed`` (bool),
          ``first_act`` (bool): the rules that applied.
        - ``value`` (float): the contribution to the sum.

        ``df.attrs`` holds ``raw`` (the sum), ``sentiment`` and
        ``sentiment_label`` (of :func:`lexicon_sentiment`).
    """
    if not isinstance(text, str):
        raise TypeError(f"explain_lexicon() expects a str, got {type(text).__name__}")
    t = _tables()
    tok = _tokens(t, [text])
    mt = _match([text], tok)
    matched = [mt.buffer[s:e].decode("utf-8", "replace") for s, e in zip(mt.start_byte, _end_bytes(tok, mt))]
    out = pd.DataFrame({
        "matched": matched,
        "term": [t.terms[e] for e in mt.entry],
        "weight": t.entry_weight[mt.entry],
        "negated": mt.negated, "intensity": mt.intensity, "framed": mt.framed,
        "first_act": mt.first_act, "value": mt.value,
    })
    raw = float(mt.value.sum())
    out.attrs.update(raw=raw, sentiment=float(_squash(np.array([raw]))[0]),
                     sentiment_label=str(_label(_squash(np.array([raw])))[0]))
    return out


# ---------------------------------------------------------------------------
# aggregates
# ---------------------------------------------------------------------------

def score_statements(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements frame + its tone: the ``scored`` input of the aggregates.

    Parameters
    ----------
    statements : pandas.DataFrame
        The frame of :func:`diplo_analysis.statements` (at least
        ``readout_id`` and ``text``; ``speaker_side`` and ``speaker`` are
        used by :func:`tone_by_side` and :func:`tone_by_speaker`).

    Returns
    -------
    pandas.DataFrame
        A copy of ``statements`` with two more columns, ``sentiment`` and
        ``sentiment_label`` (see :func:`sentiment`).
    """
    if not isinstance(statements, pd.DataFrame):
        raise TypeError(f"score_statements() expects a DataFrame, got {type(statements).__name__}")
    scored = sentiment(statements)
    return statements.drop(columns=["sentiment", "sentiment_label"], errors="ignore").join(scored)


_AGG_COLUMNS = ["n_sentences", "mean_sentiment", "share_coop", "share_neut", "share_conf", "net_tone"]


def _ensure_scored(scored: pd.DataFrame, needed: list[str], func: str) -> pd.DataFrame:
    if not isinstance(scored, pd.DataFrame):
        raise TypeError(f"{func}() expects a DataFrame, got {type(scored).__name__}")
    missing = [c for c in needed if c not in scored.columns]
    if missing:
        raise KeyError(f"{func}() needs the column(s) {missing}")
    if "sentiment_label" not in scored.columns or "sentiment" not in scored.columns:
        if "text" not in scored.columns:
            raise KeyError(f"{func}() needs 'sentiment' and 'sentiment_label' columns "
                           "(from score_statements) or a 'text' column to score")
        scored = score_statements(scored)
    return scored


def _aggregate(scored: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    lab = scored["sentiment_label"].astype(str)
    frame = pd.DataFrame({k: scored[k] for k in keys})
    frame = frame.assign(
        _s=scored["sentiment"].astype(float).to_numpy(),
        _coop=(lab == "coop").to_numpy(dtype=float),
        _neut=(lab == "neut").to_numpy(dtype=float),
        _conf=(lab == "conf").to_numpy(dtype=float),
    )
    g = frame.groupby(keys, sort=True, dropna=False, observed=True)
    out = pd.DataFrame({
        "n_sentences": g.size(),
        "mean_sentiment": g["_s"].mean(),
        "share_coop": g["_coop"].mean(),
        "share_neut": g["_neut"].mean(),
        "share_conf": g["_conf"].mean(),
    })
    out["n_sentences"] = out["n_sentences"].astype("int64")
    out["net_tone"] = out["share_coop"] - out["share_conf"]
    return out.reset_index()[keys + _AGG_COLUMNS]


def tone_by_readout(scored: pd.DataFrame) -> pd.DataFrame:
    """Tone of each readout, from its scored sentences.

    Parameters
    ----------
    scored : pandas.DataFrame
        The output of :func:`score_statements` (a statements frame with
        ``sentiment`` and ``sentiment_label``).  A statements frame without
        them is scored first.

    Returns
    -------
    pandas.DataFrame
        One row per ``readout_id`` (sorted), columns ``readout_id`` and:

        - ``n_sentences`` (int): sentences in the group.
        - ``mean_sentiment`` (float in [-1, 1]): mean of ``sentiment``.
        - ``share_coop``, ``share_neut``, ``share_conf`` (float in [0, 1]):
          shares of the labels; they sum to 1.
        - ``net_tone`` (float in [-1, 1]): ``share_coop - share_conf``.
    """
    scored = _ensure_scored(scored, ["readout_id"], "tone_by_readout")
    return _aggregate(scored, ["readout_id"])


def tone_by_side(scored: pd.DataFrame) -> pd.DataFrame:
    """Tone of each side of each readout (host, counterpart, both, narration).

    Parameters
    ----------
    scored : pandas.DataFrame
        The output of :func:`score_statements`, with ``readout_id`` and
        ``speaker_side`` (``host``, ``counterpart``, ``both`` or None).

    Returns
    -------
    pandas.DataFrame
        One row per (``readout_id``, ``speaker_side``) present in the data,
        sorted; sentences with no speaker form the group whose
        ``speaker_side`` is missing (None/NaN), listed last.  Columns
        ``readout_id``, ``speaker_side`` and:

        - ``n_sentences`` (int): sentences in the group.
        - ``mean_sentiment`` (float in [-1, 1]): mean of ``sentiment``.
        - ``share_coop``, ``share_neut``, ``share_conf`` (float in [0, 1]):
          shares of the labels; they sum to 1.
        - ``net_tone`` (float in [-1, 1]): ``share_coop - share_conf``.
    """
    scored = _ensure_scored(scored, ["readout_id", "speaker_side"], "tone_by_side")
    return _aggregate(scored, ["readout_id", "speaker_side"])


def tone_by_speaker(scored: pd.DataFrame) -> pd.DataFrame:
    """Tone of each named speaker of each readout.

    Parameters
    ----------
    scored : pandas.DataFrame
        The output of :func:`score_statements`, with ``readout_id``,
        ``speaker`` and ``speaker_side``.

    Returns
    -------
    pandas.DataFrame
        One row per (``readout_id``, ``speaker``, ``speaker_side``), sorted;
        narration (no speaker) is the group with missing ``speaker``.
        Columns ``readout_id``, ``speaker``, ``speaker_side`` and:

        - ``n_sentences`` (int): sentences in the group.
        - ``mean_sentiment`` (float in [-1, 1]): mean of ``sentiment``.
        - ``share_coop``, ``share_neut``, ``share_conf`` (float in [0, 1]):
          shares of the labels; they sum to 1.
        - ``net_tone`` (float in [-1, 1]): ``share_coop - share_conf``.
    """
    scored = _ensure_scored(scored, ["readout_id", "speaker", "speaker_side"], "tone_by_speaker")
    return _aggregate(scored, ["readout_id", "speaker", "speaker_side"])


#: The name under which :func:`explain` is exported at the package's top level.
explain_tone = explain
