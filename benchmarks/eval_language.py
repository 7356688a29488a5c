"""The language detector (``diplo_analysis.language``) against the languages stated by the pages.

Usage::

    python benchmarks/eval_language.py            # world_pages and the corpus
    python benchmarks/eval_language.py --misses   # and every disagreement

Printed:

* ``world_pages.jsonl`` (``$DIPLO_ANALYSIS_WORLD`` or ``../shared/world_pages``):
  the detected language against each page's own ``language`` field, overall
  and for the pages the cheap first step (distinctly English words) decides;
* the corpus (``$DIPLO_ANALYSIS_CORPUS``, every ``*.jsonl``): how many heads
  the first step decides, the model's verdict on the rest, and the model's
  verdict on the heads the first step calls English (how many it would call
  another language, or English with a probability under 0.5): the check that
  the first step only says what the model says;
* the time per record of the detector (first step and model), in this process.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _corpus() -> list[dict]:
    root = Path(os.environ.get("DIPLO_ANALYSIS_CORPUS") or REPO.parent / "shared" / "corpus")
    out: list[dict] = []
    for path in sorted(root.glob("*/*.jsonl")):
        out.extend(_records(path))
    return out


def _world() -> list[dict]:
    root = Path(os.environ.get("DIPLO_ANALYSIS_WORLD") or REPO.parent / "shared" / "world_pages")
    return _records(root / "world_pages.jsonl")


def check(records: list[dict], name: str, show: bool) -> None:
    from diplo_analysis import language as lg

    lg.load_model()
    t0 = time.perf_counter()
    found = [lg.detect_language(r.get("title"), r.get("text")) for r in records]
    per = (time.perf_counter() - t0) / max(len(records), 1) * 1e6
    why = [lg.explain_language(r.get("title"), r.get("text")) for r in records]
    shortcut = [w.rule == "english_words" for w in why]
    print(f"{name}: {len(records)} records, {per:.1f} us per record; first step decides {sum(shortcut)}")
    stated = [r.get("language") for r in records]
    if any(stated):
        right = sum(f == s for f, s in zip(found, stated))
        print(f"  detected = stated language: {right}/{len(records)} = {right / len(records):.1%}")
        short_wrong = [r["url"] for r, s, w in zip(records, stated, shortcut) if w and s != lg.ENGLISH]
        print(f"  first step says English, the page says otherwise: {len(short_wrong)}")
        if show:
            for r, f, s in zip(records, found, stated):
                if f != s:
                    print(f"  MISS stated {s} detected {f} {r['url']}")
    model = Counter()
    doubt = 0
    for r, w in zip(records, shortcut):
        code, prob = lg._identify(lg._head(r.get("title"), r.get("text")))
        if w:
            doubt += code != lg.ENGLISH or prob < 0.5
        else:
            model[code] += 1
    print(f"  the model on the heads the first step leaves: {dict(model.most_common(8))}")
    print(f"  heads the first step calls English that the model calls another language or English "
          f"with p < 0.5: {doubt}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    check(_world(), "world_pages", args.misses)
    check(_corpus(), "corpus", args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
