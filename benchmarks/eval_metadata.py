"""Accuracy of ``extract_metadata`` on the hand-labelled readouts, and its speed.

Usage::

    /work/venv/bin/python benchmarks/eval_metadata.py [--labels tests/labels/metadata_dev.csv]
        [--misses N] [--speed]

The labels file holds only urls and labels (no corpus text); this script
re-reads the shared corpus (``DIPLO_ANALYSIS_CORPUS`` or ``../shared/corpus``)
to find each document.  It prints, per source and overall, the share of
labelled documents where each field is right:

- ``medium``;
- ``host`` (documents whose label names a host);
- ``host_country``;
- ``counterpart_country``: the first counterpart country (both empty counts
  as right);
- ``countries_set``: the set of counterpart countries;
- ``initiator`` (None = None counts as right);

plus the Kremlin calls (labelled ``phone`` in the two Kremlin files), then up
to ``--misses`` misses per field.  ``--speed`` times the whole corpus.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from diplo_analysis.config import corpus_dir, repo_root
from diplo_analysis.metadata import extract_metadata
from diplo_analysis.records import Record

JSONL = {
    "kremlin": "kremlin_en_news_1999_2020/kremlin_en_news.jsonl",
    "kremlin2": "kremlin_en_2021_2022/kremlin_en_2021_2022.jsonl",
    "whitehouse": "whitehouse_readouts_2021_2025/whitehouse_readouts.jsonl",
    "china": "china_pages/china_readouts_pages.jsonl",
}
CORE = {"text", "title", "url", "date", "publisher"}
FIELDS = ("medium", "host", "host_country", "counterpart_country", "countries_set", "initiator")


def read_jsonl(path: Path) -> list[Record]:
    """Return the records of one corpus JSONL file (a minimal reader)."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            d = json.loads(line)
            out.append(
                Record(
                    path=str(path), line=i, text=d.get("text") or "", title=d.get("title") or None,
                    url=d.get("url"), date=d.get("date"), publisher=d.get("publisher"),
                    meta={k: v for k, v in d.items() if k not in CORE},
                )
            )
    return out


def load_corpus(root: Path) -> dict[str, list[Record]]:
    return {name: read_jsonl(root / rel) for name, rel in JSONL.items()}


def read_labels(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def compare(label: dict, got: dict) -> dict[str, bool | None]:
    """Return field -> right (True/False), or None where the label says nothing."""
    want = [c for c in label["counterpart_countries"].split("|") if c]
    have = list(got["counterpart_countries"])
    return {
        "medium": got["medium"] == label["medium"],
        "host": (got["host"] == label["host"]) if label["host"] else None,
        "host_country": (got["host_country"] == label["host_country"]) if label["host_country"] else None,
        "counterpart_country": (have[:1] == want[:1]),
        "countries_set": set(have) == set(want),
        "initiator": (got["initiator"] or "") == label["initiator"],
    }


def evaluate(labels: list[dict], corpus: dict[str, list[Record]]) -> tuple[dict, list]:
    """Return (scores, misses): scores[group][field] = (right, total)."""
    by_url = {}
    for name, records in corpus.items():
        for r in records:
            by_url.setdefault((name, r.url), r)
    scores: dict = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    misses = []
    for lab in labels:
        rec = by_url.get((lab["source"], lab["url"]))
        if rec is None:
            raise KeyError(f"labelled url not in the corpus ({lab['source']}): {lab['url']}")
        got = extract_metadata(rec)
        res = compare(lab, got)
        groups = [lab["source"], "ALL"]
        if lab["source"].startswith("kremlin") and lab["medium"] == "phone":
            groups.append("kremlin_calls")
        for field, ok in res.items():
            if ok is None:
                continue
            for g in groups:
                scores[g][field][0] += ok
                scores[g][field][1] += 1
            if not ok:
                misses.append((field, lab, got))
    return scores, misses


def kremlin_tag_check(root: Path) -> tuple[int, int, int, list]:
    """Check the Kremlin calls among the saved HTML pages against the site's own country tags.

    Returns (calls, medium right, first counterpart country among the tags, misses).
    """
    from importlib import resources

    import country_converter
    import pandas as pd
    from selectolax.lexbor import LexborHTMLParser

    with resources.files(country_converter).joinpath("country_data.tsv").open(encoding="utf-8") as fh:
        coco = pd.read_csv(fh, sep="\t", keep_default_na=False, dtype=str)
    iso2 = dict(zip(coco["ISO2"], coco["ISO3"]))
    calls = med = country = 0
    misses = []
    for path in sorted((root / "originals" / "kremlin_html").glob("*.html")):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        h1 = tree.css_first("h1")
        title = h1.text().strip() if h1 else ""
        if "telephone conversation" not in title.lower():
            continue
        body = " ".join(n.text().strip() for n in tree.css(".read__lead, .entry-content") if n.text().strip())
        when = tree.css_first("time")
        date = (when.attributes.get("datetime") if when else None) or None
        tags = {iso2.get(a.attributes.get("href", "").split("/")[-2]) for a in tree.css(".read__tags a")
                if "/catalog/countries/" in a.attributes.get("href", "")}
        got = extract_metadata(Record(path=str(path), line=1, text=body, title=title, date=date,
                                      url=f"http://en.kremlin.ru/events/president/news/{path.stem}",
                                      publisher="Office of the President of Russia (en.kremlin.ru)"))
        calls += 1
        med += got["medium"] == "phone"
        ok = bool(got["counterpart_countries"]) and got["counterpart_countries"][0] in tags
        country += ok
        if got["medium"] != "phone" or not ok:
            misses.append((path.name, title, sorted(t for t in tags if t), got["medium"], got["counterpart_countries"]))
    return calls, med, country, misses


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", default=str(repo_root() / "tests" / "labels" / "metadata_dev.csv"))
    ap.add_argument("--misses", type=int, default=15, help="misses to print per field")
    ap.add_argument("--speed", action="store_true", help="time extract_metadata over the whole corpus")
    args = ap.parse_args(argv)
    root = corpus_dir()
    if root is None:
        print("shared corpus not found: set DIPLO_ANALYSIS_CORPUS", file=sys.stderr)
        return 2
    corpus = load_corpus(root)
    labels = read_labels(Path(args.labels))
    scores, misses = evaluate(labels, corpus)
    print(f"{'group':<14}" + "".join(f"{f:>21}" for f in FIELDS))
    for g in ["kremlin", "kremlin2", "whitehouse", "china", "kremlin_calls", "ALL"]:
        if g not in scores:
            continue
        cells = []
        for f in FIELDS:
            ok, n = scores[g][f]
            cells.append(f"{ok / n:6.3f} ({ok:>3}/{n:>3})" if n else f"{'-':>15}")
        print(f"{g:<14}" + "".join(f"{c:>21}" for c in cells))
    calls, med, country, tag_misses = kremlin_tag_check(root)
    if calls:
        print(f"kremlin html calls vs the site's country tags: medium {med}/{calls}, "
              f"first counterpart country among the tags {country}/{calls}")
        for miss in tag_misses:
            print("TAG MISS", miss)
    shown = defaultdict(int)
    for field, lab, got in misses:
        if shown[field] >= args.misses:
            continue
        shown[field] += 1
        want = {k: lab[k] for k in ("medium", "host", "host_country", "counterpart_countries", "initiator")}
        have = {k: got[k] for k in ("medium", "host", "host_country", "counterparts", "counterpart_countries", "initiator")}
        print(f"MISS {field:<19} {lab['source']:<10} {lab['url']}\n     want {want}\n     got  {have}")
    if args.speed:
        import diplo_analysis.metadata as md

        records = [r for rs in corpus.values() for r in rs]
        extract_metadata(records[0])  # build the caches

        import diplo_analysis.gazetteer as gz

        def timed() -> tuple[float, float]:
            # cold caches: every per-string cache is emptied, so each record is analysed afresh
            for mod in (md, gz):
                for fn in vars(mod).values():
                    if hasattr(fn, "cache_info") and (fn.cache_info().maxsize or 0) > 1:
                        fn.cache_clear()
            w0, c0 = time.perf_counter(), time.process_time()
            for r in records:
                extract_metadata(r)
            return time.perf_counter() - w0, time.process_time() - c0

        wall, cpu = timed()
        print(f"speed (with dates.resolve_date): {len(records)} records, wall {1000 * wall / len(records):.3f} "
              f"ms/record, cpu {1000 * cpu / len(records):.3f} ms/record")
        real = md._resolve_date
        md._resolve_date = lambda record, host=None, host_country=None: (md.pd.NaT, False)
        try:
            wall, cpu = timed()
        finally:
            md._resolve_date = real
        print(f"speed (metadata alone, dates stubbed): wall {1000 * wall / len(records):.3f} ms/record, "
              f"cpu {1000 * cpu / len(records):.3f} ms/record")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
