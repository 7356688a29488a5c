"""Where data lives: data/raw always, plus $DIPLO_ANALYSIS_DATA."""

from __future__ import annotations

import os

from diplo_analysis import config
from diplo_analysis.records import ReadoutError, Reject


def test_data_paths_default_is_raw(monkeypatch):
    monkeypatch.delenv(config.DATA_ENV, raising=False)
    paths = config.data_paths()
    assert paths == [config.raw_dir()]
    assert (paths[0] / "000_adeb160aabaa433b.txt").is_file()


def test_data_paths_reads_env_list(monkeypatch, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    monkeypatch.setenv(config.DATA_ENV, os.pathsep.join([str(a), "", str(b), str(a)]))
    assert config.data_paths() == [config.raw_dir(), a, b]


def test_data_paths_keeps_missing_entries_for_the_loader_to_report(monkeypatch, tmp_path):
    missing = tmp_path / "nowhere"
    monkeypatch.setenv(config.DATA_ENV, str(missing))
    assert config.data_paths()[-1] == missing


def test_corpus_dir_from_env(monkeypatch, tmp_path):
    monkeypatch.setenv(config.CORPUS_ENV, str(tmp_path))
    assert config.corpus_dir() == tmp_path
    monkeypatch.setenv(config.CORPUS_ENV, str(tmp_path / "absent"))
    assert config.corpus_dir() is None


def test_reject_message_names_file_and_line():
    rej = Reject("some/file.jsonl", 7, "invalid JSON")
    err = ReadoutError(rej)
    assert str(err) == "some/file.jsonl:7: invalid JSON"
    assert err.reject is rej
    assert isinstance(err, ValueError)


def test_relative_entry_falls_back_to_the_repository_root(monkeypatch, tmp_path):
    # a notebook's kernel runs in notebooks/: "tests/fixtures" is not there, but is in the repo root
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(config.DATA_ENV, os.path.join("tests", "fixtures"))
    assert config.data_paths() == [config.raw_dir(), config.repo_root() / "tests" / "fixtures"]
    # an entry that exists relative to the working directory wins
    (tmp_path / "tests" / "fixtures").mkdir(parents=True)
    assert config.data_paths() == [config.raw_dir(), config.Path("tests") / "fixtures"]
