"""load_readouts: inputs -> readouts frame, rejects, ids, duplicates, dtypes."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from diplo_analysis.corpus import MEDIUM_CATEGORIES, READOUT_COLUMNS, load_readouts, readout_id
from diplo_analysis.records import ReadoutError

HERE = Path(__file__).parent / "fixtures" / "readers"

WORDS40 = " ".join(
    "The two foreign ministers held talks on trade roads ports grain energy water schools health "
    "science culture youth sport tourism visas flights rail banks farms fishing forests climate "
    "borders security customs courts police mail radio film music art".split()[:40]
)


@pytest.fixture()
def fake_metadata(monkeypatch):
    """Metadata passed through from the record's fields, so that tests of the
    loader's wiring do not depend on the extraction rules."""
    from diplo_analysis import metadata

    def extract(record):
        names = record.meta.get("names", [])
        return {"publisher": record.publisher, "date": pd.Timestamp(record.date) if record.date else pd.NaT,
                "date_inferred": bool(record.meta.get("inferred")), "medium": record.meta.get("medium", "other"),
                "host": record.meta.get("host"), "host_country": None, "counterparts": names,
                "counterpart_countries": [n[:3].upper() for n in names], "initiator": None}

    monkeypatch.setattr(metadata, "extract_metadata", extract)


def write_jsonl(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def sha16(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- shape and dtypes
def test_columns_and_dtypes_on_fixture_folder(tmp_path):
    d = tmp_path / "in"
    shutil.copytree(HERE, d)
    df = load_readouts(d, columns={"title": "headline", "text": "body"})
    assert list(df.columns) == READOUT_COLUMNS
    assert df["date"].dtype == "datetime64[ns]"
    assert isinstance(df["medium"].dtype, pd.CategoricalDtype)
    assert list(df["medium"].cat.categories) == MEDIUM_CATEGORIES
    assert df["line"].dtype == "int64" and df["n_words"].dtype == "int64"
    assert df["date_inferred"].dtype == bool
    assert df["readout_id"].str.fullmatch(r"[0-9a-f]{16}").all()
    assert df["readout_id"].is_unique
    assert all(isinstance(x, list) for x in df["counterparts"])
    # input order: files sorted, records in file order
    names = [Path(p).name for p in df["path"]]
    assert names == sorted(names)
    rejects = df.attrs["rejects"]
    assert list(rejects.columns) == ["path", "line", "reason"]
    assert len(df) + len(rejects) == df.attrs["inputs"]


def test_empty_result_keeps_columns_and_dtypes(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("")
    df = load_readouts(p)
    assert len(df) == 0
    assert list(df.columns) == READOUT_COLUMNS
    assert df["date"].dtype == "datetime64[ns]"
    assert isinstance(df["medium"].dtype, pd.CategoricalDtype)
    assert df["n_words"].dtype == "int64"
    assert df.attrs["rejects"].to_dict("records") == [{"path": str(p), "line": 1, "reason": "empty file"}]
    assert df.attrs["inputs"] == 1


def test_sample_readout_loads_as_one_clean_row(sample_path, fake_metadata):
    df = load_readouts(sample_path)
    assert len(df) == 1
    row = df.iloc[0]
    assert row["title"] == "President Xi Jinping Speaks with Russian President Vladimir Putin on the Phone"
    assert not row["text"].startswith("Home") and "Home > China News" not in row["text"]
    assert "Suggest to a friend" not in row["text"]
    assert row["publisher"] == "Ministry of Foreign Affairs of the People's Republic of China"  # from the sidecar
    assert row["n_words"] == len(row["text"].split()) > 100
    assert df.attrs["rejects"].empty and df.attrs["inputs"] == 1


def test_photo_only_page_with_title_stays_a_row():
    df = load_readouts(HERE / "calls.jsonl")
    photo = df[df["url"] == "https://office.example/news/100"].iloc[0]
    assert photo["text"] == "" and photo["n_words"] == 0


def test_record_without_title_or_text_is_rejected(tmp_path):
    p = write_jsonl(tmp_path / "e.jsonl", [{"title": "", "text": "  ", "url": "u"}, {"title": "T", "text": "x"}])
    df = load_readouts(p)
    assert len(df) == 1
    assert df.attrs["rejects"].to_dict("records") == [{"path": str(p), "line": 1, "reason": "empty record"}]


def test_metadata_reaches_the_columns(tmp_path, fake_metadata):
    p = write_jsonl(tmp_path / "m.jsonl", [
        {"title": "A", "text": "x", "url": "u1", "date": "2022-05-04T10:00:00+03:00", "publisher": "P",
         "medium": "video", "names": ["Ana Bel", "Cid Dor"], "inferred": True, "host": "H"},
        {"title": "B", "text": "y", "url": "u2"},
    ])
    df = load_readouts(p)
    # a time-zone aware date keeps its local wall time, as datetime64[ns]
    assert df["date"].iloc[0] == pd.Timestamp("2022-05-04 10:00:00") and pd.isna(df["date"].iloc[1])
    assert df["date"].dtype == "datetime64[ns]"
    assert df["medium"].tolist() == ["video", "other"]
    assert df["date_inferred"].tolist() == [True, False]
    assert df["counterparts"].tolist() == [["Ana Bel", "Cid Dor"], []]
    assert df["counterpart"].iloc[0] == "Ana Bel" and pd.isna(df["counterpart"].iloc[1])
    assert df["counterpart_country"].iloc[0] == "ANA" and pd.isna(df["counterpart_country"].iloc[1])
    assert df["publisher"].iloc[0] == "P" and df["host"].iloc[0] == "H"


# ---------------------------------------------------------------- readout_id
def test_readout_id_rule(tmp_path):
    p = write_jsonl(tmp_path / "ids.jsonl", [
        {"title": "Talks", "text": "The sides talked.", "url": " https://x.example/1 "},
        {"title": "  More   talks ", "text": "The sides\n\ntalked   again."},
    ])
    df = load_readouts(p)
    assert df["readout_id"].tolist() == [sha16("https://x.example/1"), sha16("More talks\nThe sides talked again.")]
    assert readout_id(None, "More talks", "The sides talked again.") == df["readout_id"].iloc[1]


def test_readout_id_does_not_depend_on_location(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "deep").mkdir(parents=True)
    row = {"title": "Talks", "text": "The sides talked."}
    id_a = load_readouts(write_jsonl(tmp_path / "a" / "x.jsonl", [row]))["readout_id"].iloc[0]
    id_b = load_readouts(write_jsonl(tmp_path / "b" / "deep" / "y.jsonl", [row]))["readout_id"].iloc[0]
    assert id_a == id_b


# ---------------------------------------------------------------- duplicates
def test_same_text_on_two_sites_is_a_duplicate(tmp_path):
    p = write_jsonl(tmp_path / "mirrors.jsonl", [
        {"title": "Premier Meets Envoy", "text": WORDS40, "url": "http://embassy-a.example/1.htm"},
        {"title": "Premier Meets Envoy", "text": WORDS40.replace(" ", "\n  ", 3), "url": "http://embassy-b.example/9.htm"},
    ])
    df = load_readouts(p)
    assert len(df) == 1 and df["url"].iloc[0] == "http://embassy-a.example/1.htm"
    rej = df.attrs["rejects"]
    assert rej.to_dict("records") == [{"path": str(p), "line": 2, "reason": f"duplicate of {df['readout_id'].iloc[0]}"}]


def test_short_identical_texts_under_different_urls_are_kept(tmp_path):
    p = write_jsonl(tmp_path / "short.jsonl", [
        {"title": "Decree signed", "text": "The President signed a decree.", "url": "https://o.example/1"},
        {"title": "Decree signed", "text": "The President signed a decree.", "url": "https://o.example/2"},
    ])
    assert len(load_readouts(p)) == 2


def test_same_url_twice_is_a_duplicate_across_files(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", [{"title": "Call", "text": "One text.", "url": "https://wh.example/r/1/"}])
    b = write_jsonl(tmp_path / "b.jsonl", [{"title": "Call (2)", "text": "Another text.", "url": "http://www.wh.example/r/1"}])
    df = load_readouts(a, b)
    assert len(df) == 1
    assert df.attrs["rejects"]["reason"].tolist() == [f"duplicate of {sha16('https://wh.example/r/1/')}"]
    assert df.attrs["rejects"]["path"].tolist() == [str(b)]


def test_same_file_given_twice_is_read_once(tmp_path):
    p = write_jsonl(tmp_path / "a.jsonl", [{"title": "Call", "text": "One text.", "url": "https://wh.example/1"}])
    df = load_readouts(p, tmp_path)
    assert len(df) == 1 and df.attrs["rejects"].empty and df.attrs["inputs"] == 1


# ---------------------------------------------------------------- bad inputs, errors
def test_every_bad_input_is_accounted_for(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "lonely.meta.json").write_text('{"publisher": "Nobody"}')
    write_jsonl(tmp_path / "good.jsonl", [{"title": "T", "text": "Body text.", "url": "https://g.example/1"}])
    with open(tmp_path / "good.jsonl", "a") as fh:
        fh.write("{oops\n\n")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nShould be skipped.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Skipped\n\ntoo.")
    df = load_readouts(tmp_path)
    rej = df.attrs["rejects"]
    got = {(Path(p).name, line, reason.split(":")[0]) for p, line, reason in rej.itertuples(index=False)}
    assert got == {
        ("good.jsonl", 2, "invalid JSON"),
        ("lonely.meta.json", 1, "orphan sidecar"),
        ("scan.pdf", 1, "unsupported file type '.pdf'"),
    }
    assert len(df) == 1 and df.attrs["inputs"] == 4


def test_missing_path_raises_file_not_found(tmp_path):
    missing = tmp_path / "nope"
    for errors in ("collect", "raise"):
        with pytest.raises(FileNotFoundError, match="nope"):
            load_readouts(HERE / "calls.jsonl", missing, errors=errors)


def test_errors_raise_names_file_and_line(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"text": "fine", "title": "ok"}\n\n{"text": broken}\n')
    with pytest.raises(ReadoutError) as info:
        load_readouts(p, errors="raise")
    assert str(info.value).startswith(f"{p}:3: invalid JSON")
    assert info.value.reject.line == 3


def test_errors_raise_on_duplicates_too(tmp_path):
    p = write_jsonl(tmp_path / "d.jsonl", [{"text": "a", "url": "u"}, {"text": "b", "url": "u"}])
    with pytest.raises(ReadoutError, match=r"d\.jsonl:2: duplicate of"):
        load_readouts(p, errors="raise")


def test_errors_argument_is_checked():
    with pytest.raises(ValueError, match="errors must be 'collect' or 'raise'"):
        load_readouts(HERE / "calls.jsonl", errors="ignore")


def test_no_paths_reads_the_configured_data(monkeypatch, tmp_path, sample_path):
    extra = write_jsonl(tmp_path / "extra.jsonl", [{"title": "Extra", "text": "An extra readout.", "url": "https://e.example/1"}])
    monkeypatch.setenv("DIPLO_ANALYSIS_DATA", str(extra))
    df = load_readouts()
    assert [Path(p).name for p in df["path"]] == [sample_path.name, "extra.jsonl"]


def test_progress_bar_goes_to_stderr_only_when_asked(capsys):
    load_readouts(HERE / "calls.jsonl")
    assert capsys.readouterr().err == ""
    load_readouts(HERE / "calls.jsonl", progress=True)
    assert "load_readouts" in capsys.readouterr().err


# ---------------------------------------------------------------- the shared corpus
@pytest.mark.corpus
def test_whole_corpus_every_input_accounted_for(shared_corpus):
    expected = 0
    for f in sorted(shared_corpus.rglob("*")):
        if not f.is_file() or any(part.startswith(".") for part in f.relative_to(shared_corpus).parts):
            continue
        if f.suffix == ".jsonl":
            with open(f, encoding="utf-8") as fh:
                expected += sum(1 for line in fh if line.strip())
        else:
            expected += 1
    df = load_readouts(shared_corpus)
    rejects = df.attrs["rejects"]
    assert df.attrs["inputs"] == expected
    assert len(df) + len(rejects) == expected
    assert df["readout_id"].is_unique
    # photo-only Kremlin pages (title, no text) stay rows
    assert (df["n_words"] == 0).sum() >= 50


@pytest.mark.corpus
def test_white_house_readouts_posted_twice_are_rejected_once_each(shared_corpus):
    df = load_readouts(shared_corpus / "whitehouse_readouts_2021_2025")
    rejects = df.attrs["rejects"]
    assert len(rejects) == 2
    assert rejects["reason"].str.startswith("duplicate of ").all()
    kept = set(df["readout_id"])
    assert {r.split()[-1] for r in rejects["reason"]} <= kept
