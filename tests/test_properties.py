"""Property-based tests (hypothesis) of the readers and of load_readouts on random folder trees.

Whatever the bytes, every reader yields only Records and Rejects naming its
file and a line >= 1, and no exception escapes; good records among junk all
come through; on a random tree of files, folders and symlinks,
``rows + rejects == inputs`` and ``errors="raise"`` names the first bad file.

Deterministic for CI: every test runs with ``derandomize=True`` (examples
derived from the test itself, the same on every run) and a small number of
examples, so that the whole module takes a few seconds.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplo_analysis.corpus import load_readouts
from diplo_analysis.readers import READERS, read_file
from diplo_analysis.records import ReadoutError, Record, Reject

FAST = settings(derandomize=True, max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SLOW = settings(FAST, max_examples=60)

SUFFIXES = sorted(READERS) + [".xyz", ""]
# text without lone surrogates (they are rejects of their own, tested in test_hostile.py)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
JUNK_BYTES = st.one_of(
    st.binary(max_size=400),
    TEXT.map(lambda s: s.encode("utf-8")),
    st.lists(st.sampled_from([b"{", b"}", b"[", b"]", b'"', b",", b"\n", b"\x00", b"<div>", b"</div>", b"---\n",
                              b"title: x\n", b"&a", b"*a", b'"text":', b"\r", b"\xff", b"a"]),
             max_size=80).map(b"".join),
)


def _new_dir(factory) -> Path:
    return factory.mktemp("prop", numbered=True)


def _check_items(items, path: Path) -> None:
    for item in items:
        assert isinstance(item, (Record, Reject))
        assert item.path == str(path)
        assert isinstance(item.line, int) and item.line >= 1
        if isinstance(item, Reject):
            assert item.reason


@FAST
@given(suffix=st.sampled_from(SUFFIXES), data=JUNK_BYTES)
def test_every_reader_accounts_for_any_bytes(tmp_path_factory, suffix, data):
    path = _new_dir(tmp_path_factory) / f"f{suffix}"
    path.write_bytes(data)
    items = list(read_file(path))  # no exception escapes
    _check_items(items, path)
    if suffix not in (".jsonl", ".ndjson", ".json", ".csv", ".tsv"):
        assert len(items) == 1  # one-document files and unknown suffixes: exactly one row or reject


def _good(k: int, text: str) -> dict:
    return {"title": f"T{k}", "text": f"readout {k} " + text, "url": f"https://example.org/{k}"}


@FAST
@given(texts=st.lists(TEXT, min_size=1, max_size=8),
       junk=st.lists(TEXT.filter(lambda s: "\n" not in s and s.strip() and not s.strip().startswith("{")), max_size=5),
       order=st.randoms(use_true_random=False))
def test_jsonl_good_lines_all_come_through_junk_lines_are_rejects(tmp_path_factory, texts, junk, order):
    lines = [json.dumps(_good(k, t)) for k, t in enumerate(texts)] + list(junk)
    order.shuffle(lines)
    path = _new_dir(tmp_path_factory) / "f.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(path))
    _check_items(items, path)
    records = [x for x in items if isinstance(x, Record)]
    assert sorted(r.url for r in records) == sorted(f"https://example.org/{k}" for k in range(len(texts)))
    assert len(items) == len(lines)
    for r in records:
        assert lines[r.line - 1].startswith("{")


@FAST
@given(texts=st.lists(TEXT, min_size=1, max_size=8), delimiter=st.sampled_from([",", "\t"]))
def test_csv_rows_come_back_whatever_the_cells(tmp_path_factory, texts, delimiter):
    buf = io.StringIO()
    # QUOTE_ALL: Python 3.11's writer leaves a lone "\r" unquoted with lineterminator="\n"
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)
    w.writerow(["title", "text", "url"])
    for k, t in enumerate(texts):
        w.writerow([f"T{k}", f"readout {k} " + t, f"https://example.org/{k}"])
    path = _new_dir(tmp_path_factory) / ("f.csv" if delimiter == "," else "f.tsv")
    path.write_text(buf.getvalue(), encoding="utf-8")
    items = list(read_file(path))
    _check_items(items, path)
    assert [x.url for x in items if isinstance(x, Record)] == [f"https://example.org/{k}" for k in range(len(texts))]
    assert all(isinstance(x, Record) for x in items)


# ---------------------------------------------------------------- random folder trees
NAMES = st.sampled_from(["a", "b", "c", "dd", ".hidden", "e f", "x.meta"])
KINDS = st.sampled_from(["good", "junk", "empty", "folder", "symlink", "dangling", "fifo"])
ENTRY = st.tuples(st.lists(NAMES, min_size=1, max_size=3), st.sampled_from(SUFFIXES), KINDS, JUNK_BYTES)


def _make_tree(root: Path, entries) -> int:
    """Write ``entries`` under ``root``; return the number of good records written."""
    n_good = 0
    for parts, suffix, kind, junk in entries:
        path = root.joinpath(*parts[:-1], parts[-1] + suffix)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            continue  # a file already holds that name
        if os.path.lexists(path):
            continue
        if kind == "good":
            path = path.with_suffix(".jsonl") if not path.name.startswith(".") else path
            if os.path.lexists(path):
                continue
            path.write_text(json.dumps(_good(1000 + n_good, f"{path.name} {n_good}")) + "\n", encoding="utf-8")
            n_good += 0 if any(p.startswith(".") for p in path.relative_to(root).parts) else 1
        elif kind == "junk":
            path.write_bytes(junk)
        elif kind == "empty":
            path.write_bytes(b"")
        elif kind == "folder":
            path.mkdir()
        elif kind == "symlink":
            path.symlink_to(root)  # a symlink to a folder: a reject, never walked
        elif kind == "dangling":
            path.symlink_to(root / "nowhere")
        elif kind == "fifo" and hasattr(os, "mkfifo"):
            os.mkfifo(path)
    return n_good


@SLOW
@given(entries=st.lists(ENTRY, max_size=8))
def test_load_readouts_accounts_for_every_input_of_a_random_tree(tmp_path_factory, entries):
    root = _new_dir(tmp_path_factory)
    n_good = _make_tree(root, entries)
    df = load_readouts(root, n_jobs=1)  # no exception escapes
    rej = df.attrs["rejects"]
    assert len(df) + len(rej) == df.attrs["inputs"]
    assert (rej["line"] >= 1).all()
    assert all(p.startswith(str(root)) for p in rej["path"])
    good_urls = {u for u in df["url"].dropna() if u.startswith("https://example.org/")}
    assert len(good_urls) == n_good  # every good record is a row
    if len(rej):
        with pytest.raises(ReadoutError) as info:
            load_readouts(root, errors="raise", n_jobs=1)
        assert str(info.value).startswith(rej["path"].iloc[0] + ":")
    else:
        assert len(load_readouts(root, errors="raise", n_jobs=1)) == len(df)
