"""The labels of real pages (issue 11) are well formed, and their held-out parts are where they should be.

``tests/labels/world_pages.csv`` labels the pages of ``../shared/world_pages``;
``tests/labels/fresh_pages_*.csv`` label real pages found with the search
tool's stored web pages, kept outside the repository. They hold urls and
labels, never text. ``benchmarks/eval_world.py`` scores the package against any
of them; its figures mean something only if every label row is well formed
and no url is counted in two sets or moves between ``dev`` and ``heldout``.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from diplo_analysis import gazetteer as gz

LABELS = Path(__file__).resolve().parent / "labels"
WORLD = LABELS / "world_pages.csv"
FRESH = sorted(LABELS.glob("fresh_pages_*.csv"))
ALL = [WORLD, *FRESH]

COLUMNS = ["url", "split", "medium", "host", "host_country", "counterpart_countries", "date",
           "date_source", "initiator", "language", "n_conversations", "note"]
MEDIA = {"phone", "video", "in_person", "other", ""}
ISO3 = re.compile(r"[A-Z]{3}")  # ISO 3166 alpha-3; else one of the package's organisation codes (gz.ORG_CODES)
#: Held-out parts: world_pages keeps a quarter aside (first hex digit of the url's SHA-1 in 0-3),
#: the fresh sets half (0-7), each fixed before the package's output on the pages was looked at.
HELDOUT_DIGITS = {WORLD.name: "0123", **{p.name: "01234567" for p in FRESH}}


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_there_are_fresh_sets():
    assert len(FRESH) >= 3, [p.name for p in FRESH]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_rows_are_well_formed(path):
    df = _read(path)
    assert list(df.columns) == COLUMNS
    assert len(df) >= 30 and df["url"].is_unique
    assert df["url"].str.match(r"https?://").all()
    assert set(df["medium"]) <= MEDIA
    for col in ("host_country", "counterpart_countries"):
        codes = [c for v in df[col] for c in v.split("|") if c]
        # a code the package can give: "EUU" for the European Union, not "EU" (a label it could never match)
        bad = [c for c in codes if not (ISO3.fullmatch(c) or c in gz.ORG_CODES)]
        assert not bad, (col, bad[:5])
    dated = df["date"] != ""
    assert pd.to_datetime(df.loc[dated, "date"], format="%Y-%m-%d").notna().all()
    assert ((df["date_source"] == "none") == ~dated).all()  # a date is labelled where the page or url states it
    assert set(df["date_source"]) <= {"none", "text", "url"}
    assert set(df["initiator"]) <= {"", "host", "counterpart"}
    assert df["language"].str.fullmatch(r"[a-z]{2}").all()
    assert df["n_conversations"].str.fullmatch(r"\d+").all()


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_the_split_is_a_fixed_function_of_the_url(path):
    df = _read(path)
    first = df["url"].map(lambda u: hashlib.sha1(u.encode("utf-8")).hexdigest()[0])
    expected = first.isin(set(HELDOUT_DIGITS[path.name])).map({True: "heldout", False: "dev"})
    assert (df["split"] == expected).all()
    assert {"dev", "heldout"} <= set(df["split"])


def test_no_url_is_in_two_sets():
    seen: dict[str, str] = {}
    for path in ALL:
        for url in _read(path)["url"]:
            assert url not in seen, f"{url} is in {seen[url]} and {path.name}"
            seen[url] = path.name


def test_eval_world_keeps_the_same_quarter_of_world_pages_aside():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        import eval_world
    finally:
        sys.path.pop(0)
    assert eval_world.HELDOUT_DIGITS == HELDOUT_DIGITS[WORLD.name]
    df = _read(WORLD)
    assert [eval_world.split_of(u) for u in df["url"]] == df["split"].tolist()


def _eval_world():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        import eval_world
    finally:
        sys.path.pop(0)
    return eval_world


def test_eval_world_scores_several_sets_as_one(tmp_path, capsys):
    """``--pages A --labels LA --pages B --labels LB``: each set loaded alone (a page of one is no duplicate of
    the other's), the labels of both counted together. Invented pages, the same readout published twice."""
    import json

    eval_world = _eval_world()
    page = {"title": "President Jan Roe held a phone call with Chancellor Olaf Scholz",
            "text": "On 3 May 2022, President Jan Roe of Ruritania held a telephone conversation with Chancellor "
                    "Olaf Scholz of Germany. They discussed trade."}
    argv = ["--split", "all"]
    for k in (1, 2):
        url = f"https://example.org/set{k}/call"
        (tmp_path / f"p{k}.jsonl").write_text(json.dumps({**page, "url": url}) + "\n", encoding="utf-8")
        pd.DataFrame([dict.fromkeys(COLUMNS, "") | {"url": url, "medium": "phone", "counterpart_countries": "DEU",
                                                    "date": "2022-05-03"}]).to_csv(tmp_path / f"l{k}.csv", index=False)
        argv += ["--pages", str(tmp_path / f"p{k}.jsonl"), "--labels", str(tmp_path / f"l{k}.csv")]
    assert eval_world.main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 labelled pages (all)")
    first = out.split("of them")[0]  # the figures of all the pages, before those by language
    assert re.search(r"^medium +2/2 ", first, re.M) and re.search(r"^date +2/2 ", first, re.M), first
    with pytest.raises(SystemExit):  # two sets of pages, one of labels
        eval_world.main(argv[:-2] + ["--pages", str(tmp_path / "p1.jsonl")])
