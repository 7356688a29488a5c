"""Speaker-side accuracy of ``diplo_analysis.statements`` (module ``speakers``) on hand-labelled readouts.

The labels (``tests/labels/statements_dev.csv``) hold only references: the
readout's url, the sentence's index and the sha1 of the whitespace-normalised
sentence, its ``speaker_side`` label (host / counterpart / both / none) and
the ``split`` (``dev``: used while writing the rules; ``test``: never tuned
on).  ``tests/labels/statements_readouts.csv`` gives, per readout, the
publisher file and the participants (host, host_country, counterparts,
counterpart_countries, ``;``-separated), so that the attribution is measured
on its own, apart from metadata extraction.  ``--metadata loader`` takes the
participants from ``diplo_analysis.load_readouts`` instead (end-to-end).

The script re-reads the corpus text (never stored in the repository), splits
it, matches labels to sentences by (url, sha1) and prints the accuracy per
split and publisher, the confusion matrix, and the labels it could not match.

Usage::

    /work/venv/bin/python benchmarks/eval_statements.py [--split dev|test|all] [--metadata labels|loader] [--errors]
    /work/venv/bin/python benchmarks/eval_statements.py --speed   # splitter and statements() over the whole corpus
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "labels" / "statements_dev.csv"
READOUTS = ROOT / "tests" / "labels" / "statements_readouts.csv"
FILES = {
    "kremlin_old": "kremlin_en_news_1999_2020/kremlin_en_news.jsonl",
    "kremlin_new": "kremlin_en_2021_2022/kremlin_en_2021_2022.jsonl",
    "whitehouse": "whitehouse_readouts_2021_2025/whitehouse_readouts.jsonl",
    "china": "china_pages/china_readouts_pages.jsonl",
}


def sentence_sha1(sentence: str) -> str:
    """sha1 of the whitespace-normalised sentence (how labels refer to text)."""
    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")).hexdigest()


def _split_list(x) -> list[str]:
    return [p for p in str(x).split(";") if p] if isinstance(x, str) else []


def load_frame(corpus: Path, metadata: str = "labels") -> pd.DataFrame:
    """The labelled readouts as a readouts-like frame (text re-read from the corpus)."""
    meta = pd.read_csv(READOUTS)
    wanted = set(meta["url"])
    texts: dict[str, str] = {}
    titles: dict[str, str] = {}
    for pub in sorted(set(meta["publisher"])):
        with open(corpus / FILES[pub], encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("url") in wanted and rec["url"] not in texts:
                    texts[rec["url"]] = rec.get("text") or ""
                    titles[rec["url"]] = rec.get("title") or None
    rows = []
    for r in meta.itertuples(index=False):
        rows.append({
            "readout_id": r.url, "url": r.url, "publisher": r.publisher, "split": r.split,
            "title": titles.get(r.url), "text": texts.get(r.url, ""), "host": r.host, "host_country": r.host_country,
            "counterparts": _split_list(r.counterparts),
            "counterpart_countries": _split_list(r.counterpart_countries),
        })
    frame = pd.DataFrame(rows)
    if metadata == "loader":
        from diplo_analysis import load_readouts

        paths = [corpus / FILES[p] for p in sorted(set(meta["publisher"]))]
        loaded = load_readouts(*paths)
        loaded = loaded.drop_duplicates("url").set_index("url")
        for col in ("host", "host_country", "counterparts", "counterpart_countries"):
            frame[col] = [loaded[col].get(u) if u in loaded.index else None for u in frame["url"]]
    return frame


def evaluate(corpus: Path, split: str = "all", metadata: str = "labels") -> dict:
    """Return accuracy figures and the joined table of labels and predictions.

    Returns
    -------
    dict
        ``accuracy`` (float over matched labels), ``n`` (matched labels),
        ``unmatched`` (labels whose sentence was not found), ``by_publisher``
        (DataFrame: publisher, n, accuracy), ``confusion`` (DataFrame, label x
        predicted), ``joined`` (DataFrame: url, sentence, label, predicted,
        publisher, split).
    """
    from diplo_analysis.speakers import statements

    labels = pd.read_csv(LABELS)
    if split != "all":
        labels = labels[labels["split"] == split]
    frame = load_frame(corpus, metadata)
    frame = frame[frame["url"].isin(set(labels["url"]))]
    st = statements(frame)
    st["sentence_sha1"] = [sentence_sha1(s) for s in st["text"]]
    st["predicted"] = st["speaker_side"].fillna("none")
    st = st.rename(columns={"readout_id": "url", "sentence": "pred_sentence"})
    st = st.drop_duplicates(["url", "sentence_sha1"])
    joined = labels.merge(st[["url", "sentence_sha1", "predicted", "pred_sentence", "text"]],
                          on=["url", "sentence_sha1"], how="left")
    joined = joined.merge(frame[["url", "publisher"]], on="url", how="left")
    unmatched = joined[joined["predicted"].isna()]
    matched = joined[joined["predicted"].notna()].copy()
    matched["ok"] = matched["predicted"] == matched["speaker_side"]
    by_pub = (matched.groupby("publisher")["ok"].agg(n="size", accuracy="mean").reset_index())
    conf = pd.crosstab(matched["speaker_side"], matched["predicted"])
    return {
        "accuracy": float(matched["ok"].mean()) if len(matched) else float("nan"),
        "n": int(len(matched)),
        "unmatched": unmatched[["url", "sentence", "sentence_sha1"]].reset_index(drop=True),
        "by_publisher": by_pub,
        "confusion": conf,
        "joined": matched,
    }


def speed(corpus: Path) -> None:
    """Print the time to split every corpus text, and to run statements() on all of them."""
    import time

    from diplo_analysis.speakers import split_sentences, statements

    texts = []
    for rel in FILES.values():
        with open(corpus / rel, encoding="utf-8") as fh:
            texts += [json.loads(line).get("text") or "" for line in fh]
    t0 = time.perf_counter()
    n = sum(len(split_sentences(t)) for t in texts)
    t1 = time.perf_counter()
    print(f"split_sentences: {len(texts)} texts, {n} sentences in {t1 - t0:.2f} s")
    frame = pd.DataFrame({"readout_id": [str(i) for i in range(len(texts))], "text": texts})
    t0 = time.perf_counter()
    st = statements(frame)
    print(f"statements (no participants): {len(st)} rows in {time.perf_counter() - t0:.1f} s")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="all", choices=["dev", "test", "all"])
    ap.add_argument("--metadata", default="labels", choices=["labels", "loader"])
    ap.add_argument("--errors", action="store_true", help="print the mis-attributed sentences (local use only)")
    ap.add_argument("--speed", action="store_true", help="time the splitter and statements() on the whole corpus")
    args = ap.parse_args(argv)
    from diplo_analysis.config import corpus_dir

    corpus = corpus_dir()
    if corpus is None:
        print("shared corpus not found (set DIPLO_ANALYSIS_CORPUS)", file=sys.stderr)
        return 2
    if args.speed:
        speed(corpus)
        return 0
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    for sp in splits:
        res = evaluate(corpus, sp, args.metadata)
        print(f"== split {sp}: accuracy {res['accuracy']:.3f} on {res['n']} sentences "
              f"({len(res['unmatched'])} labels unmatched)")
        print(res["by_publisher"].to_string(index=False, float_format=lambda v: f"{v:.3f}"))
        print("confusion (rows: label, columns: predicted)")
        print(res["confusion"].to_string())
        if len(res["unmatched"]):
            print("unmatched:")
            print(res["unmatched"].to_string(index=False))
        if args.errors:
            bad = res["joined"][~res["joined"]["ok"]]
            for r in bad.itertuples():
                print(f"  [{r.publisher}] {r.url} #{r.sentence} label={r.speaker_side} got={r.predicted} | {r.text[:150]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
