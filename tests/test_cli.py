"""The diplo-analysis command line, driven through main([...])."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

import diplo_analysis
from diplo_analysis.cli import main


@pytest.fixture()
def fake_metadata(monkeypatch):
    """Metadata by a fixed rule, so these tests check the command, not the extraction."""
    import pandas as pd

    from diplo_analysis import metadata

    def extract(record):
        return {"publisher": record.publisher, "date": pd.Timestamp(record.date) if record.date else pd.NaT,
                "date_inferred": False, "medium": "phone" if "Call" in (record.title or "") else "other",
                "host": None, "host_country": None, "counterparts": [], "counterpart_countries": [],
                "initiator": None}

    monkeypatch.setattr(metadata, "extract_metadata", extract)


@pytest.fixture()
def inputs(tmp_path, fake_metadata) -> Path:
    rows = [
        {"title": "Call with the Premier", "text": "They spoke.", "url": "https://a.example/1", "date": "2019-03-01",
         "publisher": "Office A"},
        {"title": "Meeting with the King", "text": "They met.", "url": "https://a.example/2", "date": "2020-07-09",
         "publisher": "Office A"},
        {"title": "Greetings", "text": "He sent greetings.", "url": "https://b.example/3", "publisher": "Office B"},
        {"title": "Again", "text": "Same url.", "url": "https://a.example/1", "publisher": "Office A"},
    ]
    p = tmp_path / "r.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{bad json\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    return tmp_path


def test_summary_counts_rejects_and_inputs(inputs, capsys):
    assert main(["summary", str(inputs)]) == 0
    out = capsys.readouterr().out
    assert "Readouts: 3  Rejects: 3  Inputs: 6" in out
    by_pub = out.split("By publisher:")[1].split("By medium:")[0]
    assert by_pub.split() == ["Office", "A", "2", "Office", "B", "1"]
    by_medium = out.split("By medium:")[1].split("By year:")[0]
    assert by_medium.split() == ["phone", "1", "video", "0", "in_person", "0", "other", "2"]
    by_year = out.split("By year:")[1].split("Rejects:")[0]
    assert by_year.split() == ["2019", "1", "2020", "1", "unknown", "1"]
    assert f"{inputs / 'r.jsonl'}:4: duplicate of " in out
    assert f"{inputs / 'r.jsonl'}:5: invalid JSON" in out
    assert f"{inputs / 'notes.pdf'}:1: unsupported file type '.pdf'" in out
    assert "Total inputs: 6 (3 readouts + 3 rejects)" in out


def test_summary_lists_the_readouts_kept_with_an_empty_text(tmp_path, fake_metadata, capsys):
    p = tmp_path / "e.jsonl"
    p.write_text(json.dumps({"title": "Call with the Premier", "text": "LINE", "url": "https://a.example/1"}) + "\n"
                 + json.dumps({"title": "Greetings", "text": "He sent greetings.", "url": "https://a.example/2"}) + "\n")
    with pytest.warns(UserWarning, match="1 readout has an empty text"):
        assert main(["summary", str(p)]) == 0
    out = capsys.readouterr().out
    assert "Kept with a warning: 1" in out
    assert f"{p}:1: empty text: only a title after cleaning" in out


def test_summary_limits_the_listed_rejects(inputs, capsys):
    assert main(["summary", str(inputs), "--rejects", "1"]) == 0
    out = capsys.readouterr().out
    assert "... and 2 more" in out
    assert "invalid JSON" not in out


def test_summary_column_mapping(tmp_path, capsys):
    p = tmp_path / "m.csv"
    p.write_text("headline,body\nTalks,The sides talked.\n")
    assert main(["summary", str(p)]) == 0
    assert "no text column 'text'" in capsys.readouterr().out
    assert main(["summary", str(p), "--column", "text=body", "--column", "title=headline"]) == 0
    assert "Readouts: 1  Rejects: 0  Inputs: 1" in capsys.readouterr().out


def test_summary_without_paths_names_the_configured_data(monkeypatch, capsys, sample_path):
    monkeypatch.delenv("DIPLO_ANALYSIS_DATA", raising=False)
    assert main(["summary"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Configured data paths:\n")
    assert str(sample_path.parent) in out
    assert "Readouts: 1  Rejects: 0  Inputs: 1" in out


def test_missing_path_is_a_clear_error(tmp_path, capsys):
    assert main(["summary", str(tmp_path / "absent")]) == 2
    err = capsys.readouterr().err
    assert "absent" in err and "No such file or folder" in err


def test_bad_column_option_is_a_usage_error(tmp_path, capsys):
    assert main(["summary", str(tmp_path), "--column", "text"]) == 2
    assert "FIELD=NAME" in capsys.readouterr().err


def test_no_subcommand_is_a_usage_error(capsys):
    assert main([]) == 2
    assert "usage: diplo-analysis" in capsys.readouterr().err


def test_build_calls_build_with_the_out_dir(monkeypatch, tmp_path):
    calls = []
    fake = types.ModuleType("diplo_analysis.build")
    fake.build = lambda out_dir: calls.append(out_dir)
    monkeypatch.setitem(sys.modules, "diplo_analysis.build", fake)
    monkeypatch.setattr(diplo_analysis, "build", fake, raising=False)
    assert main(["build", "--out", str(tmp_path / "out")]) == 0
    assert calls == [tmp_path / "out"]


def test_build_without_the_build_module_says_so(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "diplo_analysis.build", None)  # makes the import fail
    monkeypatch.delattr(diplo_analysis, "build", raising=False)
    assert main(["build"]) == 2
    assert "module diplo_analysis.build not found" in capsys.readouterr().err
