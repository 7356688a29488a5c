"""Evaluate ``diplo_analysis.tone.sentiment`` against the hand-labelled sentences.

The labelled sets ``tests/labels/tone_dev.csv`` and ``tests/labels/tone_test.csv``
hold only references (``url``, ``sentence_sha1``, ``label``); this script re-reads
the shared corpus, re-splits every labelled readout into sentences, finds the
labelled sentences by the sha1 of their whitespace-normalised text, and prints
macro-F1, per-class F1 and the confusion matrix for the package and for VADER
(compound >= 0.05 coop, <= -0.05 conf, else neut) on the same sentences.

Usage::

    /work/venv/bin/python benchmarks/eval_tone.py            # dev and test
    /work/venv/bin/python benchmarks/eval_tone.py --split test
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "labels"
CLASSES = ["coop", "neut", "conf"]

CORPUS_FILES = {
    "kremlin_1999_2020": "kremlin_en_news_1999_2020/kremlin_en_news.jsonl",
    "kremlin_2021_2022": "kremlin_en_2021_2022/kremlin_en_2021_2022.jsonl",
    "whitehouse": "whitehouse_readouts_2021_2025/whitehouse_readouts.jsonl",
    "china": "china_pages/china_readouts_pages.jsonl",
}


def corpus_root() -> Path:
    """The shared corpus folder (``diplo_analysis.config.corpus_dir`` when available)."""
    try:
        from diplo_analysis.config import corpus_dir

        root = corpus_dir()
        if root is not None and Path(root).is_dir():
            return Path(root)
    except Exception:  # pragma: no cover - config may be half-written
        pass
    for cand in (REPO.parent / "shared" / "corpus", Path("/work/shared/corpus")):
        if cand.is_dir():
            return cand
    raise FileNotFoundError("shared corpus not found (set DIPLO_ANALYSIS_CORPUS)")


def read_corpus(names=None) -> pd.DataFrame:
    """Read the corpus JSONL files -> frame with ``source``, ``url``, ``title``, ``text``."""
    root = corpus_root()
    frames = []
    for name, rel in CORPUS_FILES.items():
        if names is not None and name not in names:
            continue
        rows = []
        with open(root / rel, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    rows.append((name, d.get("url"), d.get("title"), d.get("text") or ""))
        frames.append(pd.DataFrame(rows, columns=["source", "url", "title", "text"]))
    return pd.concat(frames, ignore_index=True)


# --- sentence splitting ------------------------------------------------------
# Temporary splitter, used only when ``diplo_analysis.statements.split_sentences``
# is not importable.  Matching by sha1 tries the sentences of both splitters, so
# labels made with this one still match if the package splitter differs a little.
_ABBREV = r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bNo)(?<!\bvs)(?<!\b[A-Z])"
_SPLIT_RE = re.compile(_ABBREV + r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def fallback_split(text: str) -> list[str]:
    """Split ``text`` into sentences: paragraphs on newlines, sentences on . ! ? + capital."""
    out = []
    for para in re.split(r"\n+", text or ""):
        para = " ".join(para.split())
        if not para:
            continue
        out.extend(s.strip() for s in _SPLIT_RE.split(para) if s.strip())
    return out


def package_splitter():
    """Return ``diplo_analysis.statements.split_sentences`` or None if not available."""
    try:
        from diplo_analysis.statements import split_sentences

        return split_sentences
    except Exception:
        return None


def norm(sentence: str) -> str:
    """Whitespace-normalised sentence (the text whose sha1 is stored)."""
    return " ".join(str(sentence).split())


def sha1(sentence: str) -> str:
    return hashlib.sha1(norm(sentence).encode("utf-8")).hexdigest()


def sentences_of(texts: pd.Series, splitters) -> pd.DataFrame:
    """Frame ``url``, ``sentence``, ``sentence_sha1`` of every sentence (all splitters, deduplicated)."""
    rows = []
    for url, text in texts.items():
        for split in splitters:
            for s in split(text):
                s = norm(s)
                if s:
                    rows.append((url, s, sha1(s)))
    df = pd.DataFrame(rows, columns=["url", "sentence", "sentence_sha1"])
    return df.drop_duplicates(["url", "sentence_sha1"]).reset_index(drop=True)


def load_labelled(split: str, corpus: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Labelled sentences of ``split`` joined with their text; also the unmatched rows."""
    labels = pd.read_csv(LABELS / f"tone_{split}.csv", dtype=str)
    if corpus is None:
        corpus = read_corpus()
    texts = corpus.drop_duplicates("url").set_index("url")["text"]
    texts = texts[texts.index.isin(set(labels["url"]))]
    splitters = [s for s in (package_splitter(), fallback_split) if s is not None]
    sents = sentences_of(texts, splitters)
    merged = labels.merge(sents, on=["url", "sentence_sha1"], how="left")
    merged = merged.drop_duplicates(["url", "sentence_sha1"])
    unmatched = merged[merged["sentence"].isna()]
    return merged.dropna(subset=["sentence"]).reset_index(drop=True), unmatched


def vader_labels(sentences: pd.Series) -> pd.Series:
    """VADER with its standard thresholds (compound >= 0.05 coop, <= -0.05 conf)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    comp = np.array([sia.polarity_scores(s)["compound"] for s in sentences])
    return pd.Series(np.where(comp >= 0.05, "coop", np.where(comp <= -0.05, "conf", "neut")), index=sentences.index)


def scores(y_true, y_pred) -> dict:
    """Macro-F1, per-class F1 and the confusion matrix (rows true, columns predicted)."""
    from sklearn.metrics import confusion_matrix, f1_score

    f1 = f1_score(y_true, y_pred, labels=CLASSES, average=None, zero_division=0)
    cm = pd.DataFrame(confusion_matrix(y_true, y_pred, labels=CLASSES),
                      index=[f"true_{c}" for c in CLASSES], columns=[f"pred_{c}" for c in CLASSES])
    return {"macro_f1": float(np.mean(f1)), **{f"f1_{c}": float(v) for c, v in zip(CLASSES, f1)}, "confusion": cm}


def evaluate(split: str, corpus: pd.DataFrame | None = None, vader: bool = True) -> dict:
    """Score the package (and VADER) on one labelled split; return the figures."""
    from diplo_analysis.tone import sentiment

    data, unmatched = load_labelled(split, corpus)
    out = {"n": len(data), "unmatched": len(unmatched), "support": data["label"].value_counts().to_dict()}
    pred = sentiment(data["sentence"])["sentiment_label"]
    out["package"] = scores(data["label"], pred)
    if vader:
        out["vader"] = scores(data["label"], vader_labels(data["sentence"]))
    out["data"] = data.assign(pred=pred.to_numpy())
    return out


def _print(split: str, res: dict) -> None:
    print(f"== {split}: {res['n']} sentences matched, {res['unmatched']} unmatched; support {res['support']}")
    for name in ("package", "vader"):
        if name not in res:
            continue
        r = res[name]
        print(f"  {name:8s} macro-F1 {r['macro_f1']:.3f}  F1 coop {r['f1_coop']:.3f}  "
              f"neut {r['f1_neut']:.3f}  conf {r['f1_conf']:.3f}")
        print("    " + r["confusion"].to_string().replace("\n", "\n    "))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test", "both"], default="both")
    ap.add_argument("--no-vader", action="store_true")
    args = ap.parse_args(argv)
    splitter = "diplo_analysis.statements.split_sentences" if package_splitter() else "fallback splitter"
    print(f"sentence splitting: {splitter} (+ fallback splitter for matching)")
    corpus = read_corpus()
    for split in (["dev", "test"] if args.split == "both" else [args.split]):
        _print(split, evaluate(split, corpus, vader=not args.no_vader))
    return 0


if __name__ == "__main__":
    sys.exit(main())
