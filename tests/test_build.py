"""``diplo_analysis.build``: the derived tables are reproducible, relative and text-free.

The unit tests build from a small folder of readouts invented for the purpose.
The corpus test rebuilds ``data/processed`` from ``data/raw`` + the shared corpus
and compares it byte for byte with the committed tables: regenerate them with
``DIPLO_ANALYSIS_DATA=../shared/corpus diplo-analysis build`` after a change
that alters them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from diplo_analysis import build as build_module
from diplo_analysis.build import READOUT_FACTS, TABLES, build, relative_path
from diplo_analysis.config import processed_dir, raw_dir

# Invented readouts in the genre (no corpus text).  One sentence per readout is
# checked for never reaching the tables.
SECRET = "The two leaders admired the lighthouse of Quellport at dawn"
RECORDS = [
    {"url": "https://example.org/readouts/1", "date": "2021-03-04", "publisher": "Office of the President of Russia",
     "title": "Telephone conversation with President of France Emmanuel Macron",
     "text": "Vladimir Putin and President of France Emmanuel Macron had a telephone conversation. "
             f"{SECRET}. The presidents discussed grain exports and agreed to stay in touch."},
    {"url": "https://example.org/readouts/2", "date": "2021-03-20", "publisher": "Office of the President of Russia",
     "title": "Telephone conversation with Chancellor of Germany Olaf Scholz",
     "text": "Vladimir Putin had a telephone conversation with Federal Chancellor of Germany Olaf Scholz. "
             "They exchanged views on gas transit, the orchard festival and winter fisheries."},
    {"url": "https://example.org/readouts/3", "date": "2022-05-11", "publisher": "The White House",
     "title": "Readout of President Joseph R. Biden Jr.'s Call with French President Emmanuel Macron",
     "text": "President Joseph R. Biden Jr. spoke by phone today with French President Emmanuel Macron. "
             "The leaders reviewed support for river shipping and the bicycle treaty."},
    {"url": "https://example.org/readouts/4", "date": "2022-05-12", "publisher": "The White House",
     "title": "Statement on the kite festival",
     "text": "The President welcomed the annual kite festival and thanked the volunteers who built the kites."},
    {"url": "https://example.org/readouts/5", "date": "2022-06-01", "publisher": "Office of the President of Russia",
     "title": "Meeting with Security Council members",
     "text": "Vladimir Putin held a meeting on the harvest with permanent members of the Security Council."},
]


@pytest.fixture()
def inbox(tmp_path) -> Path:
    """A folder of invented readouts: 5 good JSONL lines, 1 bad line, 1 readout repeated."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    lines = [json.dumps(r) for r in RECORDS[:2]] + ["{not json"] + [json.dumps(r) for r in RECORDS[2:]]
    lines.append(json.dumps(RECORDS[0]))  # a duplicate (same url): a reject
    (folder / "readouts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() if p.is_file() else b"<folder>" for p in sorted(folder.iterdir())}


def test_build_writes_every_table_and_is_byte_identical(inbox, tmp_path, capsys):
    first = build(tmp_path / "one", paths=[inbox])
    err = capsys.readouterr().err
    build(tmp_path / "two", paths=[inbox], progress=False)
    assert capsys.readouterr().err == ""  # progress=False is silent
    assert list(first) == list(TABLES)
    assert sorted(p.name for p in first.values()) == sorted(f"{name}.csv" for name in TABLES)
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert one == two
    # one progress line per step, on stderr
    steps = [line for line in err.splitlines() if line.startswith("[build")]
    assert len(steps) >= 6
    assert any("5 readouts, 2 rejects" in line for line in steps)


def test_build_never_writes_text_titles_or_absolute_paths(inbox, tmp_path):
    written = build(tmp_path / "out", paths=[inbox], progress=False)
    for name, path in written.items():
        content = path.read_text(encoding="utf-8")
        assert SECRET not in content, name
        for rec in RECORDS:
            assert rec["title"] not in content, name
        assert str(tmp_path) not in content, name
        assert "\r" not in content, name


def test_build_readouts_and_rejects_tables(inbox, tmp_path):
    written = build(tmp_path / "out", paths=[inbox], progress=False)
    readouts = pd.read_csv(written["readouts"], keep_default_na=False, dtype=str)
    assert list(readouts.columns) == READOUT_FACTS
    assert sorted(readouts["url"]) == sorted(r["url"] for r in RECORDS)
    assert list(readouts["date"]) == sorted(r["date"] for r in RECORDS)  # sorted by date
    rejects = pd.read_csv(written["rejects"], keep_default_na=False, dtype={"line": int})
    assert list(rejects.columns) == ["path", "line", "reason"]
    # paths are written relative to the input root, labelled by its folder name
    assert list(rejects["path"]) == ["inbox/readouts.jsonl", "inbox/readouts.jsonl"]
    assert list(rejects["line"]) == [3, 7]
    assert rejects["reason"].iloc[1].startswith("duplicate of ")


SUBJECTS = ["grain exports and river shipping", "gas transit and winter fuel", "orchard festivals and tourism",
            "bicycle treaties and road safety", "fisheries quotas and harbour fees", "space research and satellites"]
LEADERS = [("France", "Emmanuel Macron"), ("Germany", "Olaf Scholz"), ("Turkey", "Recep Tayyip Erdogan"),
           ("Kazakhstan", "Kassym-Jomart Tokayev")]


@pytest.fixture()
def many(tmp_path) -> Path:
    """24 invented readouts of telephone conversations: enough for 20 topic clusters."""
    folder = tmp_path / "many"
    folder.mkdir()
    rows = []
    for i in range(24):
        country, name = LEADERS[i % len(LEADERS)]
        subject = SUBJECTS[i % len(SUBJECTS)]
        rows.append({
            "url": f"https://example.org/calls/{i}", "date": f"2020-{1 + i % 12:02d}-{1 + i:02d}",
            "publisher": "Office of the President of Russia", "title": f"Telephone conversation with {name}",
            "text": f"Vladimir Putin had a telephone conversation with President of {country} {name}. "
                    f"The presidents discussed {subject}, item {i} of the agenda. "
                    f"They noted progress on {SUBJECTS[(i + 2) % len(SUBJECTS)]} and agreed to meet.",
        })
    (folder / "calls.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return folder


def test_build_topics_are_deterministic(many, tmp_path):
    written = build(tmp_path / "one", paths=[many], progress=False)
    build(tmp_path / "two", paths=[many], progress=False)
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    keywords = pd.read_csv(written["topic_keywords"])
    assignments = pd.read_csv(written["topic_assignments"], dtype={"readout_id": str})
    readouts = pd.read_csv(written["readouts"], keep_default_na=False, dtype=str)
    assert sorted(keywords["topic"].unique()) == list(range(build_module.N_TOPICS))
    # every readout of a call has a topic, sorted by id
    calls = readouts.loc[readouts["medium"] != "other", "readout_id"]
    assert len(calls) == 24
    assert list(assignments["readout_id"]) == sorted(calls)


def test_build_with_too_few_readouts_for_topics_writes_headers(inbox, tmp_path, capsys):
    written = build(tmp_path / "out", paths=[inbox])
    assert "too few" in capsys.readouterr().err
    keywords = pd.read_csv(written["topic_keywords"])
    assignments = pd.read_csv(written["topic_assignments"])
    assert len(keywords) == 0 and list(keywords.columns) == ["topic", "rank", "keyword", "weight"]
    assert len(assignments) == 0 and "readout_id" in assignments.columns


def test_build_only_data_raw_runs(tmp_path):
    written = build(tmp_path / "out", paths=[raw_dir()], progress=False)
    readouts = pd.read_csv(written["readouts"], keep_default_na=False, dtype=str)
    assert len(readouts) == 1
    assert readouts["publisher"].iloc[0].startswith("Ministry of Foreign Affairs")


def test_build_rejects_a_missing_input(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere"):
        build(tmp_path / "out", paths=[tmp_path / "nowhere"], progress=False)


def test_relative_path_labels_roots_and_drops_machine_paths(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.jsonl").write_text("")
    roots = build_module._roots([root])
    assert relative_path(str(root / "sub" / "a.jsonl"), roots) == "corpus/sub/a.jsonl"
    assert relative_path("/elsewhere/b.txt", roots) == "b.txt"
    assert relative_path(str(raw_dir() / "x.txt"), build_module._roots([raw_dir()])) == "data/raw/x.txt"


def test_write_refuses_text_columns(tmp_path):
    frame = pd.DataFrame({"readout_id": ["a"], "text": ["some words"]})
    with pytest.raises(ValueError, match="readout text"):
        build_module._write(frame, tmp_path / "t.csv")


@pytest.mark.corpus
@pytest.mark.slow
def test_committed_processed_tables_rebuild_byte_for_byte(shared_corpus, tmp_path):
    committed = processed_dir()
    expected = sorted(f"{name}.csv" for name in TABLES)
    if not all((committed / name).is_file() for name in expected):
        pytest.fail("data/processed is incomplete: run DIPLO_ANALYSIS_DATA=../shared/corpus diplo-analysis build")
    build(tmp_path / "out", paths=[raw_dir(), shared_corpus], progress=False)
    fresh = _files(tmp_path / "out")
    assert sorted(fresh) == expected
    for name in expected:
        assert fresh[name] == (committed / name).read_bytes(), (
            f"data/processed/{name} differs from a rebuild: run "
            "DIPLO_ANALYSIS_DATA=../shared/corpus diplo-analysis build and commit the result")


def test_failed_build_leaves_previous_tables(inbox, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(out, paths=[inbox], progress=False)
    before = _files(out)

    def broken(readouts):
        raise RuntimeError("tone failed")

    monkeypatch.setattr(build_module, "_tone", broken)
    with pytest.raises(RuntimeError, match="tone failed"):
        build(out, paths=[inbox], progress=False)
    assert _files(out) == before  # nothing half-written, no staging folder left behind


# ---------------------------------------------------------------- all or nothing, and where it may write
@pytest.mark.parametrize("bad", ["", "   "])
def test_build_refuses_an_empty_out(inbox, bad):
    with pytest.raises(build_module.BuildError, match="empty"):
        build(bad, paths=[inbox], progress=False)


def test_build_refuses_dangerous_out_folders(inbox, tmp_path):
    from diplo_analysis.config import repo_root

    for out, why in [("/", "root of the file system"), (repo_root(), "repository's root"),
                     (repo_root().parent, "repository's root or a folder above"), (Path.home(), "home folder"),
                     (inbox, "inside the input"), (inbox / "sub", "inside the input")]:
        with pytest.raises(build_module.BuildError, match=why):
            build(out, paths=[inbox], progress=False)
    assert not (inbox / "sub").exists() and sorted(p.name for p in inbox.iterdir()) == ["readouts.jsonl"]
    a_file = tmp_path / "a_file"
    a_file.write_text("keep me")
    with pytest.raises(build_module.BuildError, match="not a folder"):
        build(a_file, paths=[inbox], progress=False)
    assert a_file.read_text() == "keep me"


def test_cli_build_refuses_empty_out_and_an_existing_file_without_a_traceback(tmp_path, capsys):
    from diplo_analysis.cli import main

    assert main(["build", "--out", ""]) == 2
    assert "--out is empty" in capsys.readouterr().err
    a_file = tmp_path / "a_file"
    a_file.write_text("keep me")
    assert main(["build", "--out", str(a_file)]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_folder_in_the_way_of_one_table_changes_nothing(inbox, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(out, paths=[inbox], progress=False)
    (out / "pairs.csv").unlink()
    (out / "pairs.csv").mkdir()
    before = _files(out)
    with pytest.raises(build_module.BuildError, match="pairs.csv is in the way"):
        build(out, paths=[inbox], progress=False)
    assert _files(out) == before
    # the same, when the folder appears while the tables are computed
    (out / "pairs.csv").rmdir()
    (out / "pairs.csv").write_text("old pairs\n")
    before = _files(out)
    real_tone = build_module._tone

    def tone_then_block(readouts):
        (out / "pairs.csv").unlink()
        (out / "pairs.csv").mkdir()
        return real_tone(readouts)

    monkeypatch.setattr(build_module, "_tone", tone_then_block)
    with pytest.raises(build_module.BuildError, match="nothing was changed"):
        build(out, paths=[inbox], progress=False)
    after = _files(out)
    assert after.pop("pairs.csv") == b"<folder>" and before.pop("pairs.csv") == b"old pairs\n"
    assert after == before


def test_a_failing_move_puts_every_table_back(inbox, tmp_path, monkeypatch):
    out = tmp_path / "out"
    for name in TABLES:
        out.mkdir(exist_ok=True)
        (out / f"{name}.csv").write_text(f"old {name}\n")
    (out / "notes.txt").write_text("not ours")
    before = _files(out)
    real_replace = os.replace
    moved_in, failed = [], []

    def failing_replace(src, dst):
        if Path(dst).parent == out and len(moved_in) == 5 and not failed:
            failed.append(dst)
            raise OSError(28, "No space left on device")
        real_replace(src, dst)
        if Path(dst).parent == out:
            moved_in.append(dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(build_module.BuildError, match="No space left on device"):
        build(out, paths=[inbox], progress=False)
    # five tables were in place when the sixth failed; the six moved aside were put back ...
    assert len(failed) == 1 and len(moved_in) == 5 + 6
    assert _files(out) == before  # ... and every one is back as it was


def test_stale_staging_folders_of_killed_builds_are_removed(inbox, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".build-killed"
    stale.mkdir()
    (stale / build_module.STAGING_MARKER).write_text(f"{2 ** 31 - 1}\n")  # no process has this id
    (stale / "readouts.csv").write_text("half\n")
    foreign = out / ".build-not-ours"
    foreign.mkdir()
    build(out, paths=[inbox], progress=False)
    assert not stale.exists()
    assert foreign.is_dir()
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".build-not-ours"]


def test_build_with_a_non_utf8_file_name_among_the_rejects(inbox, tmp_path):
    name = os.fsdecode(b"caf\xe9.xyz")
    try:
        (inbox / name).write_text("x")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    out = tmp_path / "out"
    build(out, paths=[inbox], progress=False)
    rejects = (out / "rejects.csv").read_text(encoding="utf-8")
    assert "caf\\xe9.xyz" in rejects
