"""A compiled tokeniser for :mod:`diplo_analysis.tone` (optional: needs numba).

:func:`tokenise` does in one pass over the bytes of a batch what
``tone._tokens`` does with numpy in about ten: it finds the words and the
punctuation, hashes each word (the hash of ``tone._hash_words``) and looks
it up in an open hash table (as ``tone._lookup``).  The results are the
same arrays, value for value (a test compares both paths); the numpy path
is used when numba is not installed (``pip install diplo_analysis[fast]``)
or when ``DIPLO_ANALYSIS_NO_NUMBA`` is set.
"""

from __future__ import annotations

import os

import numpy as np

try:  # pragma: no cover - depends on the environment
    if os.environ.get("DIPLO_ANALYSIS_NO_NUMBA"):
        raise ImportError("disabled by DIPLO_ANALYSIS_NO_NUMBA")
    from numba import njit
except ImportError:  # pragma: no cover
    njit = None

AVAILABLE = njit is not None


def _tokenise(buf, at, masks, cls, k1, k2, k3, mult, slot_hash, slot_id, max_probe, bits,
              lexicon_id):  # pragma: no cover
    n = buf.shape[0]
    cap = n // 2 + 1
    starts = np.empty(cap, dtype=np.int64)
    ends = np.empty(cap, dtype=np.int64)
    wtok = np.empty(cap, dtype=np.int64)
    tokpos = np.empty(n, dtype=np.int64)
    tid = np.empty(n, dtype=np.int32)
    sep = np.empty(n, dtype=np.int64)
    bounds = np.empty(n, dtype=np.int64)
    strong = np.empty(n, dtype=np.int64)
    n_tok = 0
    n_start = 0
    n_sep = 0
    n_bound = 0
    n_strong = 0
    n_end = 0
    prev_word = False
    # pass 1, branch-free (measured faster than skipping a word's bytes in an inner loop): every
    # token and word boundary is written at the next free place and kept only if it is one
    for i in range(n):
        byte = buf[i]
        c = cls[byte]
        word = c == 1
        start = word and not prev_word
        starts[n_start] = i
        wtok[n_start] = n_tok
        n_start += start
        ends[n_end] = i
        n_end += prev_word and not word
        tokpos[n_tok] = i
        tid[n_tok] = -2 if c == 2 else -3
        sep[n_sep] = n_tok
        n_sep += byte == 0
        bounds[n_bound] = n_tok
        n_bound += c >= 2
        strong[n_strong] = n_tok
        n_strong += c == 3
        n_tok += start or c >= 2
        prev_word = word
    # pass 2: hash each word (as tone._hash_words) and look it up (as tone._lookup)
    whash = np.empty(n_start, dtype=np.uint64)
    wid = np.empty(n_start, dtype=np.int32)
    kpos = np.empty(n_start, dtype=np.int64)
    ktid = np.empty(n_start, dtype=np.int32)
    n_k = 0
    size_mask = (np.int64(1) << bits) - 1
    shift = np.uint64(64 - bits)
    for w in range(n_start):
        i = starts[w]
        length = ends[w] - i
        h = (at[i] & masks[min(length, 8)]) ^ (np.uint64(length) * k3)
        if length > 8:
            h ^= (at[i + 8] & masks[min(length - 8, 8)]) * k1
            if length > 16:
                h ^= (at[i + 16] & masks[min(length - 16, 8)]) * k2
        home = np.int64((h * mult) >> shift)
        found = -1
        for p in range(max_probe + 1):
            s = (home + p) & size_mask
            sid = slot_id[s]
            if sid < 0:
                break
            if slot_hash[s] == h:
                found = sid
                break
        whash[w] = h
        wid[w] = found
        lex = lexicon_id[found] if found >= 0 else -1
        tid[wtok[w]] = lex
        kpos[n_k] = wtok[w]
        ktid[n_k] = lex
        n_k += lex >= 0
    return (starts[:n_start], ends[:n_start], tokpos[:n_tok], tid[:n_tok], wtok[:n_start], whash, wid,
            sep[:n_sep], bounds[:n_bound], strong[:n_strong], kpos[:n_k], ktid[:n_k])


def _model_pass(tid, wtok, wid, sep, n, word_w0, word_w1, n_cons, first_bits, second_bits, windows):  # pragma: no cover
    n_k = windows.shape[0]
    wsum0 = np.zeros(n)
    wsum1 = np.zeros(n)
    n_words = np.zeros(n, dtype=np.int64)
    counts = np.zeros((n, n_k), dtype=np.int64)
    last_first = np.full(n_k, -1, dtype=np.int64)
    last_strong = -1
    row = 0
    sp = 0
    w = 0
    n_sep = sep.shape[0]
    n_word = wtok.shape[0]
    for p in range(tid.shape[0]):
        if sp < n_sep and sep[sp] == p:
            row += 1
            sp += 1
        if tid[p] == -3:
            last_strong = p
        if w < n_word and wtok[w] == p:
            key = wid[w]
            w += 1
            n_words[row] += 1
            if key >= 0:
                wsum0[row] += word_w0[key]
                wsum1[row] += word_w1[key]
            else:
                wsum0[row] += word_w0[word_w0.shape[0] - 1]
                wsum1[row] += word_w1[word_w1.shape[0] - 1]
            if key >= 0 and key < n_cons:
                sb = second_bits[key]
                if sb != 0:
                    for k in range(n_k):
                        if (sb >> np.uint64(k)) & np.uint64(1):
                            j = last_first[k]
                            if j >= 0 and j > last_strong and p - j <= windows[k]:
                                counts[row, k] += 1
                fb = first_bits[key]
                if fb != 0:
                    for k in range(n_k):
                        if (fb >> np.uint64(k)) & np.uint64(1):
                            last_first[k] = p
    return wsum0, wsum1, n_words, counts


def _longest(tid, kpos, ktid, first_node, edge_key, edge_child, node_entry, n_words, max_len):  # pragma: no cover
    n_k = kpos.shape[0]
    n_tok = tid.shape[0]
    n_edges = edge_key.shape[0]
    best_entry = np.full(n_k, -1, dtype=np.int64)
    best_len = np.zeros(n_k, dtype=np.int64)
    for c in range(n_k):
        node = first_node[ktid[c]]
        if node < 0:
            continue
        pos = kpos[c]
        for depth in range(1, max_len + 1):
            entry = node_entry[node]
            if entry >= 0:
                best_entry[c] = entry
                best_len[c] = depth
            nxt = pos + depth
            if n_edges == 0 or nxt >= n_tok or tid[nxt] < 0:
                break
            key = node * n_words + tid[nxt]
            j = np.searchsorted(edge_key, key)
            if j >= n_edges or edge_key[j] != key:
                break
            node = edge_child[j]
    return best_entry, best_len


_compiled = njit(cache=True, nogil=True)(_tokenise) if AVAILABLE else None
_compiled_longest = njit(cache=True, nogil=True)(_longest) if AVAILABLE else None
_compiled_model = njit(cache=True, nogil=True)(_model_pass) if AVAILABLE else None


def model_pass(tok, n: int, word_w: np.ndarray, windex, windows: np.ndarray):
    """Per text: the sum of the words' weights, the number of words and the constructions' counts.

    One compiled pass over the tokens of a batch (``tok``: ``tone._Tokens``);
    the same values as the numpy path of ``tone_model.predict_logits``, summed
    in the same order.

    Returns
    -------
    wsum0, wsum1 : ndarray of float
        The two relative logits' word sums per text.
    n_words : ndarray of int
    counts : ndarray of int, shape (n, n_constructions)
    """
    return _compiled_model(tok.tid, tok.wtok, tok.wid, tok.sep, n, word_w[0], word_w[1], windex.n_construction,
                           windex.first_bits, windex.second_bits, windows)


def tokenise(buf: np.ndarray, cls: np.ndarray, masks: np.ndarray, k1, k2, k3, mult, table, lexicon_id: np.ndarray):
    """Words and tokens of a byte buffer in one compiled pass.

    Parameters
    ----------
    buf : ndarray of uint8
        The batch's bytes (lower case, a space at both ends).
    cls : ndarray of uint8
        The class of each byte value: 1 word, 2 weak boundary, 3 strong, 0 other.
    masks : ndarray of uint64
        ``masks[k]`` keeps the low ``k`` bytes (``tone._MASKS``).
    k1, k2, k3, mult : numpy.uint64
        The constants of ``tone._hash_words`` and ``tone._lookup``.
    table : tone._HashTable
        The word table looked up.
    lexicon_id : ndarray of int32
        The lexicon word id of each key of ``table`` (-1 none).

    Returns
    -------
    tuple of ndarray
        ``starts``, ``ends`` (byte offsets of each word), ``tokpos`` (byte
        offset of each token), ``tid`` (per token: the lexicon word id, -1
        another word, -2 weak, -3 strong boundary), ``wtok`` (token index of
        each word), ``whash`` (each word's hash), ``wid`` (each word's id in
        ``table``, -1 none).
    """
    bits = len(table.slot_hash).bit_length() - 1
    padded = np.concatenate([buf, np.zeros(32, dtype=np.uint8)])
    at = np.ndarray(shape=(len(padded) - 7,), dtype="<u8", buffer=padded, strides=(1,))  # 8 bytes at every offset
    return _compiled(buf, at, masks, cls, k1, k2, k3, mult, table.slot_hash, table.slot_id, int(table.max_probe),
                     bits, lexicon_id)


def longest_terms(t, tok):
    """The longest lexicon term starting at each lexicon word: ``tone._longest_terms`` compiled.

    Returns
    -------
    best_entry, best_len : ndarray of int64
        Indexed like ``tok.kpos`` (see ``tone._longest_terms``).
    """
    return _compiled_longest(tok.tid, tok.kpos, tok.ktid, t.first_node, t.edge_key, t.edge_child, t.node_entry,
                             len(t.words), t.max_len)
