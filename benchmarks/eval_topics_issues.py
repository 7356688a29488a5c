"""Do the topics of the conversations name the issues, or the act of talking?

Fits ``topic_clusters(conversations, n_topics=15, random_state=0)`` on every
readout of a conversation in the corpus (medium phone, video or in person; the
three JSONL files and the Chinese pages, read with ``load_readouts`` from
``$DIPLO_ANALYSIS_DATA``) and prints:

- the fit time (target < 60 s wall on the shared 2-core machine) and whether a
  second fit gives identical topics;
- each topic's top-10 keywords, marked ``P`` when it is a *protocol topic*: at
  least 3 of its top-5 keywords are about the act of talking (every word of the
  keyword is in ``benchmarks/data/protocol_words.txt``, or the whole keyword is
  one of its two-word entries);
- which issues of ``benchmarks/data/issues_1999_2025.csv`` appear among the
  topics' top-10 keywords (14 ``core`` issues, the target, and 5 more).  An
  issue appears when one of its terms is a whole keyword, or a single-word
  term is one of the words of a keyword ("gas supplies" counts for "gas").

With ``--steps`` it also prints the same two figures for the model with each
of its choices switched off in turn (the table in docs/topics.md).

Run:  DIPLO_ANALYSIS_DATA=/work/shared/corpus .venv/bin/python benchmarks/eval_topics_issues.py [--steps]
      [--seed 0] [--n-topics 15]
"""

from __future__ import annotations

import argparse
import time
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import pandas as pd

import diplo_analysis as da
from diplo_analysis import topics
from diplo_analysis.topics import topic_clusters

HERE = Path(__file__).resolve().parent / "data"
CONVERSATION = ("phone", "video", "in_person")


def protocol_entries() -> tuple[frozenset, frozenset]:
    """(single protocol words, whole two-word protocol keywords)."""
    words, phrases = set(), set()
    for line in (HERE / "protocol_words.txt").read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            (phrases if " " in entry else words).add(entry)
    return frozenset(words), frozenset(phrases)


def issues() -> pd.DataFrame:
    table = pd.read_csv(HERE / "issues_1999_2025.csv")
    table["terms"] = table["terms"].str.split("|")
    return table


def is_protocol(keyword: str, words: frozenset, phrases: frozenset) -> bool:
    return keyword in phrases or all(w in words for w in keyword.split())


def protocol_topics(top: dict) -> list[int]:
    """Topics with at least 3 protocol keywords among their top 5."""
    words, phrases = protocol_entries()
    return [t for t, kw in top.items() if sum(is_protocol(k, words, phrases) for k in kw[:5]) >= 3]


def issues_found(top: dict) -> dict:
    """Issue -> sorted topics whose top-10 keywords name it (issues not found are left out)."""
    found = {}
    for row in issues().itertuples():
        single = {t for t in row.terms if " " not in t}
        hits = sorted(t for t, kw in top.items()
                      if any(k in row.terms or set(k.split()) & single for k in kw[:10]))
        if hits:
            found[row.issue] = hits
    return found


def score(top: dict) -> tuple[int, int, int]:
    """(protocol topics, core issues found, all issues found)."""
    found = issues_found(top)
    core = set(issues().loc[issues()["core"] == 1, "issue"])
    return len(protocol_topics(top)), len(core & set(found)), len(found)


def conversations() -> pd.DataFrame:
    readouts = da.load_readouts()
    return readouts.loc[readouts["medium"].isin(CONVERSATION)]


# each row switches off one choice of the model (or all of them: the model before issue 14)
STEPS = {
    "this model": {},
    "names: every capitalised word, places too (before)": {"names": "capitalised"},
    "no repeated-sentence formulas": {"formula_dates": None},
    "no side formulas": {"formula_share": None},
    "words and two-word phrases (before)": {"ngram_range": (1, 2)},
    "the four off (the model before, but for the stop list)": {"names": "capitalised", "formula_dates": None,
                                                                "formula_share": None, "ngram_range": (1, 2)},
}
BEFORE = "the four off (the model before, but for the stop list)"
# the sections of data/topic_stopwords.txt added for issue 14 start at this line
STOP_LIST_ADDITIONS = "# --- particles and titles of personal names"


@contextmanager
def shorter_stop_list():
    """The shipped stop list without the sections added for issue 14 (names, medium, furniture)."""
    text = resources.files("diplo_analysis").joinpath("data/topic_stopwords.txt").read_text(encoding="utf-8")
    if STOP_LIST_ADDITIONS not in text:
        raise SystemExit(f"topic_stopwords.txt has no line {STOP_LIST_ADDITIONS!r}")
    words, phrases = set(), []
    for line in text.split(STOP_LIST_ADDITIONS)[0].splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            (phrases.append(entry) if " " in entry or not entry.isalpha() else words.add(entry))
    saved = topics._stop_entries
    topics._stop_entries = lambda: (frozenset(words), tuple(sorted(phrases, key=len, reverse=True)))
    try:
        yield
    finally:
        topics._stop_entries = saved


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", action="store_true", help="also score the model with each choice switched off")
    parser.add_argument("--seed", type=int, default=0, help="random_state (default 0, the target's)")
    parser.add_argument("--n-topics", type=int, default=15, help="n_topics (default 15, the target's)")
    args = parser.parse_args()
    fit = {"n_topics": args.n_topics, "random_state": args.seed}
    conv = conversations()
    print(f"conversations: {len(conv):,} readouts ("
          + ", ".join(f"{k} {v}" for k, v in conv["publisher"].value_counts().sort_index().items()) + ")")
    t0, c0 = time.perf_counter(), time.process_time()
    model = topic_clusters(conv, **fit)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    again = topic_clusters(conv, **fit)
    same = again.assignments.equals(model.assignments) and again.keywords.equals(model.keywords)
    print(f"fit time: {wall:.1f} s wall, {cpu:.1f} s CPU (target < 60 s wall); two fits identical: {same}")
    top = model.top_keywords(10)
    proto = protocol_topics(top)
    sizes = model.assignments["topic"].value_counts()
    for t, kw in top.items():
        print(f"  {'P' if t in proto else ' '} {t:2d} ({sizes.get(t, 0):4d}) {', '.join(kw)}")
    found = issues_found(top)
    table = issues()
    print(f"protocol topics: {len(proto)} (target <= 1)")
    for core, name in ((1, "core issues"), (0, "other issues")):
        rows = table.loc[table["core"] == core, "issue"]
        print(f"{name}: {sum(i in found for i in rows)} of {len(rows)}" + (" (target >= 10)" if core else ""))
        for i in rows:
            print(f"    {'+' if i in found else '-'} {i}" + (f": topics {found[i]}" if i in found else ""))
    if args.steps:
        print("\nstep switched off -> protocol topics, core issues (of 14), all issues (of 19)")
        for name, kwargs in STEPS.items():
            m = model if not kwargs else topic_clusters(conv, **fit, **kwargs)
            print(f"  {name:58s} {'%3d %4d %4d' % score(m.top_keywords(10))}")
        with shorter_stop_list():
            for name, kwargs in (("stop list without the name, medium and furniture sections", {}),
                                 ("... and all the other steps off too (the model before)", STEPS[BEFORE])):
                m = topic_clusters(conv, **fit, **kwargs)
                print(f"  {name:58s} {'%3d %4d %4d' % score(m.top_keywords(10))}")


if __name__ == "__main__":
    main()
