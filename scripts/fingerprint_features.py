"""Fingerprint every feature output over a corpus, to show that a refactor changes nothing.

Loads the readouts, then hashes (sha256 of a CSV rendering; no text is written) the readouts
frame, ``statements`` (with and without carry-over across paragraphs), ``sentiment`` of every
sentence, ``tone.explain`` of every 500th sentence, ``tone_by_side``, ``tone_by_speaker``,
``pair_readouts`` and ``compare_pair`` of every pair (default arguments, and with a background
prior, ``min_count=2``, ``drop_names=False``). One line per output; run it on two versions of
the package and diff the two files::

    git stash; .venv/bin/python scripts/fingerprint_features.py /tmp/before.txt; git stash pop
    .venv/bin/python scripts/fingerprint_features.py /tmp/after.txt
    diff /tmp/before.txt /tmp/after.txt && echo identical

The corpus is the configured one (``DIPLO_ANALYSIS_DATA`` or ``../shared/corpus``) unless paths
are given with ``--corpus``. About 45 seconds on the shared corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import pandas as pd

import diplo_analysis as da

EXPLAIN_EVERY = 500  # tone.explain on every n-th sentence
COMPARISON_FRAMES = ("lengths", "speaker_words", "tone", "keywords", "counterpart_sentences_a",
                     "counterpart_sentences_b")


def digest(obj) -> str:
    """sha256 of a frame's CSV rendering (index included) or of an object's ``repr``."""
    data = obj.to_csv(index=True) if isinstance(obj, pd.DataFrame) else repr(obj)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _comparison_line(readouts: pd.DataFrame, id_a: str, id_b: str, kwargs: dict) -> str:
    c = da.compare_pair(readouts, id_a, id_b, **kwargs)
    parts = [digest(getattr(c, name))[:16] for name in COMPARISON_FRAMES]
    parts.append(digest((c.only_a, c.only_b, c.initiator_leader_a, c.initiator_leader_b,
                         c.principal_a, c.principal_b))[:16])
    parts.append(digest(c.summary())[:16])
    return f"compare {id_a} {id_b} {'prior' if kwargs else 'default'} {' '.join(parts)}"


def fingerprint(readouts: pd.DataFrame) -> list[str]:
    """One line per feature output of ``readouts``: its name, its size where it has one, its digest.

    Returns
    -------
    list of str
        Lines ``name [n] sha256``; the ``compare`` lines give the two readout ids, the
        argument set and 16-character digests of each part of the comparison.
    """
    from diplo_analysis.tone import explain

    shown = readouts.copy()
    for col in shown.columns:
        if shown[col].map(lambda v: isinstance(v, list)).any():
            shown[col] = shown[col].map(repr)
    lines = [f"readouts {len(readouts)} {digest(shown)}"]
    st = da.statements(readouts)
    lines.append(f"statements {len(st)} {digest(st)}")
    st_nocarry = da.statements(readouts, carry_across_paragraphs=False)
    lines.append(f"statements_nocarry {len(st_nocarry)} {digest(st_nocarry)}")
    lines.append(f"sentiment {len(st)} {digest(da.sentiment(st['text']))}")
    for i, text in enumerate(st["text"].iloc[::EXPLAIN_EVERY]):
        lines.append(f"explain {i} {digest(explain(text))}")
    scored = da.score_statements(st)
    lines.append(f"tone_by_side {digest(da.tone_by_side(scored))}")
    lines.append(f"tone_by_speaker {digest(da.tone_by_speaker(scored))}")
    pairs = da.pair_readouts(readouts)
    lines.append(f"pairs {len(pairs)} {digest(pairs)}")
    prior = da.background_counts(readouts)
    for id_a, id_b in pairs[["readout_id_a", "readout_id_b"]].itertuples(index=False):
        for kwargs in ({}, {"prior": prior, "min_count": 2, "drop_names": False}):
            lines.append(_comparison_line(readouts, id_a, id_b, kwargs))
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="file to write the fingerprint lines to")
    ap.add_argument("--corpus", nargs="*", default=None, help="files or folders (default: the configured corpus)")
    args = ap.parse_args(argv)
    readouts = da.load_readouts(*args.corpus) if args.corpus else da.load_readouts()
    lines = fingerprint(readouts)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
