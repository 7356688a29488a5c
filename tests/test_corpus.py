"""load_readouts: inputs -> readouts frame, rejects, ids, duplicates, dtypes."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from diplo_analysis.corpus import MEDIUM_CATEGORIES, READOUT_COLUMNS, STATUS_CATEGORIES, load_readouts, readout_id
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
                "counterpart_countries": [n[:3].upper() for n in names], "initiator": None,
                "language": record.meta.get("language", "en")}

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


# ---------------------------------------------------------------- near-duplicates (mirrors)
# Invented readouts (names, places and agencies do not exist).
MFA_TITLE = "Premier Lan Holds Talks with Prime Minister Oskar Vell of Norland"
MFA_PARAS = [
    "On the afternoon of May 6, 2024, Premier Lan Zhou held talks with Prime Minister Oskar Vell of Norland "
    "at the Lotus Hall in Tianhe.",
    "Lan Zhou said that the two countries have enjoyed a steady friendship for fifty years, and that both sides "
    "should deepen cooperation in grain, ports, clean energy and vocational schools, expand flights and "
    "student exchanges, and keep close contact on regional affairs.",
    "Oskar Vell said that Norland values its partnership with the Tianhe side, welcomes more investment in its "
    "northern ports and farms, and stands ready to sign the new river shipping agreement within the year.",
    "After the talks, the two heads of government witnessed the signing of documents on customs, forestry, "
    "tourism and the joint weather satellite programme.",
]
MFA_TEXT = "\n\n".join(MFA_PARAS)


def mirror_text() -> str:
    """The same readout as an embassy page keeps it: menu, breadcrumb, time stamp, a
    repeat of the title, a news-agency dateline, and an excerpt cut mid-sentence."""
    body = "\n\n".join(MFA_PARAS[:3])
    body = "TIANHE, May 6 (Tianhe News) -- " + body
    return ("Home > Embassy News\nEnglish | Norsk | Contact us\n\n2024/05/06 21:14\n\n" + MFA_TITLE + "\n\n"
            + body[: len(body) - 60])


def test_mirror_with_furniture_dateline_and_shorter_excerpt_is_a_duplicate(tmp_path):
    p = write_jsonl(tmp_path / "pages.jsonl", [
        {"title": MFA_TITLE, "text": MFA_TEXT, "url": "https://mfa.example/eng/t1.html"},
        {"title": MFA_TITLE, "text": mirror_text(), "url": "https://embassy.example/eng/zgyw/t9.htm", "truncated": True},
    ])
    df = load_readouts(p)
    assert df["url"].tolist() == ["https://mfa.example/eng/t1.html"]
    assert df.attrs["rejects"].to_dict("records") == [
        {"path": str(p), "line": 2, "reason": f"duplicate of {sha16('https://mfa.example/eng/t1.html')}"}]


def test_untitled_mirror_is_a_duplicate_of_the_titled_page(tmp_path):
    p = write_jsonl(tmp_path / "pages.jsonl", [
        {"title": MFA_TITLE, "text": MFA_TEXT, "url": "https://mfa.example/eng/t1.html"},
        {"title": "", "text": "\n\n".join(MFA_PARAS[:3]) + " Photo", "url": "https://wire.example/a/77"},
    ])
    df = load_readouts(p)
    assert len(df) == 1
    assert df.attrs["rejects"]["reason"].tolist() == [f"duplicate of {sha16('https://mfa.example/eng/t1.html')}"]


def test_the_first_in_input_order_is_kept_even_when_shorter(tmp_path):
    short = {"title": MFA_TITLE, "text": mirror_text(), "url": "https://embassy.example/eng/zgyw/t9.htm"}
    full = {"title": MFA_TITLE, "text": MFA_TEXT, "url": "https://mfa.example/eng/t1.html"}
    df = load_readouts(write_jsonl(tmp_path / "a.jsonl", [short, full]))
    assert df["url"].tolist() == [short["url"]]
    assert df.attrs["rejects"]["reason"].tolist() == [f"duplicate of {sha16(short['url'])}"]


def test_news_story_of_the_same_call_is_not_a_copy(tmp_path):
    """A news-agency story retelling the ministry readout, with its own headline, stays a row."""
    story = ("Premier Lan Zhou on Monday called for deeper cooperation with Norland in grain, ports and clean "
             "energy during talks with visiting Prime Minister Oskar Vell.\n\n" + MFA_PARAS[1] + "\n\n"
             "Vell said Norland welcomes more investment in its northern ports and farms, the agency reported.")
    p = write_jsonl(tmp_path / "a.jsonl", [
        {"title": MFA_TITLE, "text": MFA_TEXT, "url": "https://mfa.example/eng/t1.html"},
        {"title": "Premier Lan meets Norland PM, urges closer ties", "text": story, "url": "https://news.example/1"},
    ])
    assert len(load_readouts(p)) == 2


TEMPLATE = ("Vladimir Novak sent greetings to the servicemen of the {unit}, now awarded the rank of a Guards "
            "unit. His greeting says that this distinction honours the courage, skill and loyalty the {unit} "
            "showed in the service of the country, that he is sure its soldiers will keep and multiply the "
            "traditions of those who served before them and teach them to the young, and that he wishes "
            "every one of them success and good health to them and to their families.")


def test_template_messages_to_different_recipients_are_both_kept(tmp_path):
    p = write_jsonl(tmp_path / "k.jsonl", [
        {"title": "Greetings to servicemen of 12th Coastal Brigade", "date": "2021-05-07",
         "text": TEMPLATE.format(unit="12th Coastal Brigade"), "url": "https://office.example/n/1"},
        {"title": "Greetings to servicemen of 45th Marine Brigade", "date": "2021-05-07",
         "text": TEMPLATE.format(unit="45th Marine Brigade"), "url": "https://office.example/n/2"},
    ])
    df = load_readouts(p)
    assert len(df) == 2 and df.attrs["rejects"].empty


def test_same_title_and_template_on_different_days_are_both_kept(tmp_path):
    """A yearly notice repeating last year's text word for word but the year: not a copy."""
    notice = ("The yearly declarations of income and property of the head of state and of senior officials "
              "of the Executive Office are now public, as Executive Order No. 88 on open government requires. "
              "They cover the {y} calendar year and list for each official and for spouses and minor "
              "children the salaries, flats and houses, cars and bank savings declared to the office.")
    p = write_jsonl(tmp_path / "k.jsonl", [
        {"title": "Income declarations published", "date": "2019-04-12",
         "text": notice.format(y=2018), "url": "https://office.example/n/10"},
        {"title": "Income declarations published", "date": "2020-04-10",
         "text": notice.format(y=2019), "url": "https://office.example/n/20"},
    ])
    assert len(load_readouts(p)) == 2
    # the same notice posted twice on one day is a copy
    p2 = write_jsonl(tmp_path / "k2.jsonl", [
        {"title": "Income declarations published", "date": "2019-04-12",
         "text": notice.format(y=2018), "url": "https://office.example/n/10"},
        {"title": "Income Declarations Published.", "date": "2019-04-12T18:00:00",
         "text": notice.format(y=2018).upper(), "url": "https://office.example/section2/n/10"},
    ])
    assert len(load_readouts(p2)) == 1


def test_same_title_with_a_shared_opening_but_different_bodies_are_both_kept(tmp_path):
    """Two calls with one counterpart: the same title and a long template opening (about half of
    each text), different substance: not copies."""
    opening = ("Vladimir Novak had a telephone conversation with President of Ostrava Ilse Marten. "
               "The leaders exchanged views on the situation in the region and on the state of bilateral "
               "relations, and stressed the importance of the agreements reached during the visit to the capital.")
    first = opening + (" They discussed the grain corridor, the exchange of prisoners and the joint commission "
                       "on river shipping, and agreed that their foreign ministers would meet in the autumn.")
    second = opening + (" Ilse Marten congratulated her counterpart on his birthday. The President spoke of the "
                        "need to restore flights, to reopen the consulate in the port city and to finish the bridge.")
    p = write_jsonl(tmp_path / "k.jsonl", [
        {"title": "Telephone conversation with President of Ostrava Ilse Marten", "text": first,
         "url": "https://office.example/n/31"},
        {"title": "Telephone conversation with President of Ostrava Ilse Marten", "text": second,
         "url": "https://office.example/n/57"},
    ])
    assert len(load_readouts(p)) == 2


def test_normalised_words_drop_datelines_and_the_title_repeat():
    from diplo_analysis.corpus import _norm_words, _title_key

    key = _title_key("TIANHE, May 6 (Tianhe News) -- Premier Lan Holds Talks!")
    assert key == "premier lan holds talks"
    text = ("English | Norsk\n\nPremier Lan holds talks\n\nTIANHE, May 6 (Tianhe News) -- The Premier met "
            "Mr. Vell.\n\nNORTH PORT -- Both sides agreed.")
    assert _norm_words(text, key) == "the premier met mr vell both sides agreed".split()


def test_near_copies_need_the_minimum_length(tmp_path):
    from diplo_analysis.corpus import MIN_NEAR_DUPLICATE_WORDS

    words = MFA_TEXT.split()
    rows = []
    for n, tag in ((MIN_NEAR_DUPLICATE_WORDS - 5, "short"), (MIN_NEAR_DUPLICATE_WORDS + 5, "long")):
        text = " ".join(words[:n])
        title = f"Talks in Tianhe ({tag})"
        rows.append({"title": title, "text": text, "url": f"https://mfa.example/{tag}"})
        rows.append({"title": title, "text": "TIANHE, May 6 (Tianhe News) -- " + text, "url": f"https://mirror.example/{tag}"})
    df = load_readouts(write_jsonl(tmp_path / "m.jsonl", rows))
    assert sorted(df["url"]) == ["https://mfa.example/long", "https://mfa.example/short", "https://mirror.example/short"]
    assert df.attrs["rejects"]["line"].tolist() == [4]


def test_near_duplicate_rejects_are_deterministic(tmp_path):
    """Same inputs, same rows and rejects, whatever the interpreter's hash seed."""
    import subprocess
    import sys

    rows = [{"title": MFA_TITLE, "text": MFA_TEXT, "url": "https://mfa.example/eng/t1.html"},
            {"title": MFA_TITLE, "text": mirror_text(), "url": "https://embassy.example/t9"},
            {"title": "", "text": "\n\n".join(MFA_PARAS[:3]), "url": "https://wire.example/a/77"},
            {"title": "Telephone conversation with President of Ostrava Ilse Marten", "text": TEMPLATE.format(unit="x"),
             "url": "https://office.example/n/31"}]
    p = write_jsonl(tmp_path / "d.jsonl", rows)
    code = ("import sys; from diplo_analysis import load_readouts; df = load_readouts(sys.argv[1]); "
            "print(df['readout_id'].tolist(), df.attrs['rejects'].values.tolist())")
    outs = {subprocess.run([sys.executable, "-c", code, str(p)], capture_output=True, text=True, check=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")}
    df = load_readouts(p)
    assert outs == {f"{df['readout_id'].tolist()} {df.attrs['rejects'].values.tolist()}\n"}
    assert len(df) == 2 and df.attrs["rejects"]["line"].tolist() == [2, 3]


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


def _fold_text(text: str) -> str:
    return " ".join(str(text).casefold().split())


def _fold_url(url: str) -> str:
    u = re.sub(r"^[a-z]+://(www\.)?", "", str(url).strip().split("#")[0])
    return u.rstrip("/")


def _records_at(paths) -> dict:
    """(path, line) -> Record, read again with the readers."""
    from diplo_analysis.readers import read_file
    from diplo_analysis.records import Record

    out = {}
    for path in sorted(set(paths)):
        for item in read_file(Path(path), None):
            if isinstance(item, Record):
                out[(item.path, item.line)] = item
    return out


@pytest.mark.corpus
def test_no_kremlin_or_white_house_record_is_merged_with_a_different_text(shared_corpus):
    """Outside the China pages every duplicate repeats the url or the text (up to case and
    whitespace) of the row it names: no template message or same-titled meeting is merged."""
    paths = [shared_corpus / "kremlin_en_2021_2022", shared_corpus / "kremlin_en_news_1999_2020",
             shared_corpus / "originals", shared_corpus / "whitehouse_readouts_2021_2025"]
    df = load_readouts(*paths)
    rejects = df.attrs["rejects"]
    dups = rejects[rejects["reason"].str.startswith("duplicate of ")]
    assert len(dups) >= 30  # the originals repeat JSONL pages
    rejected = _records_at(dups["path"])
    kept = df.set_index("readout_id")
    for path, line, reason in dups.itertuples(index=False):
        rec, row = rejected[(path, line)], kept.loc[reason.split()[-1]]
        same_url = rec.url is not None and _fold_url(rec.url) == _fold_url(row["url"])
        assert same_url or _fold_text(rec.text) == _fold_text(row["text"]), (path, line, row["url"])


@pytest.mark.corpus
def test_china_mirrors_are_rejected_as_copies_of_a_same_titled_page(shared_corpus):
    path = shared_corpus / "china_pages" / "china_readouts_pages.jsonl"
    with open(path, encoding="utf-8") as fh:
        expected = sum(1 for line in fh if line.strip())
    df = load_readouts(path)
    rejects = df.attrs["rejects"]
    assert len(df) + len(rejects) == df.attrs["inputs"] == expected
    assert len(rejects) >= 3 and rejects["reason"].str.startswith("duplicate of ").all()
    rejected = _records_at(rejects["path"])
    kept = df.set_index("readout_id")

    def fold_title(t):
        return " ".join(re.findall(r"[^\W_]+", str(t or "").casefold()))

    def grams(text):
        w = re.findall(r"[^\W_]+", text.casefold())
        return set(zip(w, w[1:], w[2:], w[3:], w[4:]))

    for path_, line, reason in rejects.itertuples(index=False):
        rec, row = rejected[(path_, line)], kept.loc[reason.split()[-1]]
        assert _fold_text(rec.text) != _fold_text(row["text"])  # none of them is an exact copy
        title = row["title"] if isinstance(row["title"], str) else ""
        assert not rec.title or not title or fold_title(rec.title) == fold_title(title)
        a, b = grams(rec.text), grams(row["text"])
        assert len(a & b) >= 0.5 * min(len(a), len(b))


@pytest.mark.corpus
def test_white_house_readouts_posted_twice_are_rejected_once_each(shared_corpus):
    path = shared_corpus / "whitehouse_readouts_2021_2025" / "whitehouse_readouts.jsonl"
    seen, expected = set(), 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                key = _fold_text(json.loads(line)["text"])
                expected += key in seen
                seen.add(key)
    df = load_readouts(path.parent)
    rejects = df.attrs["rejects"]
    assert expected >= 2 and len(rejects) == expected
    assert rejects["reason"].str.startswith("duplicate of ").all()
    kept = set(df["readout_id"])
    assert {r.split()[-1] for r in rejects["reason"]} <= kept


# ---------------------------------------------------------------- the frame, spelled out
def test_frame_on_an_invented_folder_is_exactly_the_expected_one(tmp_path, fake_metadata):
    """Every column, dtype and reject of a small folder, written out by hand from the rules,
    so that a faster loader cannot change the frame unnoticed."""
    words = WORDS40.split()
    swapped = words[:]
    swapped[1], swapped[2] = words[2], words[1]  # same count, first, middle and last word
    odd_spaces = words[0] + "\t" + " \u00a0".join(words[1:10]) + "\n\n" + "\u3000".join(words[10:20]) \
        + "\x1c " + "  ".join(words[20:])  # WORDS40 again, with other whitespace
    d = tmp_path / "in"
    d.mkdir()
    a = d / "a.jsonl"
    a.write_text("\n".join([
        json.dumps({"title": "Call One", "text": WORDS40, "url": "https://o.example/1", "date": "2023-02-01",
                    "names": ["Ana Bel"]}),
        json.dumps({"title": "Call Two", "text": " ".join(swapped), "url": "https://o.example/2"}),
        json.dumps({"title": "Call One (mirror)", "text": odd_spaces, "url": "https://m.example/9"}),
        "",
        json.dumps({"title": "", "text": "   "}),
        "{not json",
        json.dumps({"title": "Short", "text": "Short text\twith\u00a0odd\u3000spaces."}),
    ]) + "\n")
    b = d / "b.txt"
    b.write_text("Home > News\nA Title Line\n\nBody paragraph one here.\n\nPrint\n")
    df = load_readouts(d)

    id1, id2 = sha16("https://o.example/1"), sha16("https://o.example/2")
    id3, id4 = sha16("Short\nShort text with odd spaces."), sha16("A Title Line\nBody paragraph one here.")
    expected = pd.DataFrame({
        "readout_id": pd.Series([id1, id2, id3, id4], dtype="str"),
        "publisher": pd.Series([None] * 4, dtype="str"),
        "path": pd.Series([str(a)] * 3 + [str(b)], dtype="str"),
        "line": pd.Series([1, 2, 7, 1], dtype="int64"),
        "url": pd.Series(["https://o.example/1", "https://o.example/2", None, None], dtype="str"),
        "title": pd.Series(["Call One", "Call Two", "Short", "A Title Line"], dtype="str"),
        "text": pd.Series([WORDS40, " ".join(swapped), "Short text\twith\u00a0odd\u3000spaces.",
                           "Body paragraph one here."], dtype="str"),
        "date": pd.Series([pd.Timestamp("2023-02-01"), pd.NaT, pd.NaT, pd.NaT], dtype="datetime64[ns]"),
        "date_inferred": pd.Series([False] * 4, dtype=bool),
        "medium": pd.Series(pd.Categorical(["other"] * 4, categories=MEDIUM_CATEGORIES)),
        "host": pd.Series([None] * 4, dtype="str"),
        "host_country": pd.Series([None] * 4, dtype="str"),
        "counterparts": pd.Series([["Ana Bel"], [], [], []], dtype=object),
        "counterpart_countries": pd.Series([["ANA"], [], [], []], dtype=object),
        "counterpart": pd.Series(["Ana Bel", None, None, None], dtype="str"),
        "counterpart_country": pd.Series(["ANA", None, None, None], dtype="str"),
        "initiator": pd.Series([None] * 4, dtype="str"),
        "status": pd.Series(pd.Categorical([None] * 4, categories=STATUS_CATEGORIES)),
            "planned_date": pd.Series([pd.NaT] * 4, dtype="datetime64[ns]"),
            "n_words": pd.Series([len(words), len(words), 5, 4], dtype="int64"),
            "language": pd.Series(["en"] * 4, dtype="str"),
    })
    pd.testing.assert_frame_equal(df, expected, check_exact=True)
    assert df.attrs["rejects"].to_dict("records") == [
        {"path": str(a), "line": 3, "reason": f"duplicate of {id1}"},
        {"path": str(a), "line": 5, "reason": "empty record"},
        {"path": str(a), "line": 6, "reason": "invalid JSON: Expecting property name enclosed in double quotes (column 2)"},
    ]
    assert df.attrs["rejects"]["line"].dtype == "int64"
    assert df.attrs["inputs"] == 7


def test_text_duplicates_compare_whole_texts_not_only_the_lookup_key(tmp_path):
    """Texts sharing word count, first, middle and last word are distinct unless every word agrees."""
    words = WORDS40.split()
    variants = []
    for k in (3, 7, 30):  # a different word inside, each time
        w = words[:]
        w[k] = "other"
        variants.append(" ".join(w))
    rows = [{"text": WORDS40, "url": "https://a.example/0"}]
    rows += [{"text": v, "url": f"https://a.example/{i}"} for i, v in enumerate(variants, 1)]
    rows.append({"text": variants[1].replace(" ", "\n\n", 5), "url": "https://b.example/x"})  # a re-wrapped copy
    df = load_readouts(write_jsonl(tmp_path / "t.jsonl", rows))
    assert df["url"].tolist() == [f"https://a.example/{i}" for i in range(4)]
    assert df.attrs["rejects"]["reason"].tolist() == [f"duplicate of {sha16('https://a.example/2')}"]


def test_dates_column_fast_and_general_paths_agree():
    from diplo_analysis.corpus import _dates_column

    plain = [pd.Timestamp("2021-03-04"), pd.NaT, pd.Timestamp("2020-01-02 10:30").as_unit("s")]
    fast = _dates_column(plain)
    # a tz-aware value sends the column through the general path: local wall time kept
    general = _dates_column(plain + [pd.Timestamp("2022-05-04 10:00", tz="Europe/Moscow")])
    assert fast.dtype == general.dtype == "datetime64[ns]"
    pd.testing.assert_series_equal(general.iloc[:3], fast)
    assert general.iloc[3] == pd.Timestamp("2022-05-04 10:00")
    # outside the datetime64[ns] range: NaT, not an error
    far = _dates_column([pd.Timestamp("1500-01-01").as_unit("s"), pd.Timestamp("2000-01-01")])
    assert pd.isna(far.iloc[0]) and far.iloc[1] == pd.Timestamp("2000-01-01")


# ---------------------------------------------------------------- n_jobs (more in test_workers.py)
def test_metadata_in_worker_processes_gives_the_same_frame(tmp_path, monkeypatch):
    from concurrent.futures import ProcessPoolExecutor

    from diplo_analysis import _workers, corpus

    d = tmp_path / "in"
    shutil.copytree(HERE, d)
    one = load_readouts(d, columns={"title": "headline", "text": "body"}, n_jobs=1)
    monkeypatch.setattr(corpus, "PARALLEL_MIN_RECORDS", 1)  # use the pool even for a few records
    monkeypatch.setattr(_workers, "CHUNK", 2)
    calls = []
    original = ProcessPoolExecutor.submit

    def spy(self, fn, *args, **kw):
        calls.append(fn.__name__)
        return original(self, fn, *args, **kw)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", spy)
    two = load_readouts(d, columns={"title": "headline", "text": "body"}, n_jobs=2)
    assert calls and set(calls) == {"_extract_chunk"}  # the pool was used
    pd.testing.assert_frame_equal(one, two, check_exact=True)
    pd.testing.assert_frame_equal(one.attrs["rejects"], two.attrs["rejects"])
    assert one.attrs["inputs"] == two.attrs["inputs"]
    assert len(one) >= 5


def test_replaced_metadata_function_stays_in_this_process(tmp_path, fake_metadata, monkeypatch):
    from diplo_analysis import corpus

    monkeypatch.setattr(corpus, "PARALLEL_MIN_RECORDS", 1)
    p = write_jsonl(tmp_path / "m.jsonl", [{"title": "A", "text": "x", "url": "u1", "names": ["Ana Bel"]}])
    df = load_readouts(p, n_jobs=2)  # the fixture's local function cannot be sent to a worker
    assert df["counterparts"].tolist() == [["Ana Bel"]]


@pytest.mark.parametrize("bad", [0, -2, 1.5, "2", True])
def test_n_jobs_is_checked(bad):
    with pytest.raises(ValueError, match="n_jobs must be None, a positive integer or -1"):
        load_readouts(HERE / "calls.jsonl", n_jobs=bad)


# ---------------------------------------------------------------- near-duplicates in large blocks
def _template_readout(k: int) -> str:
    """An invented message of a template sent to many recipients: shared boilerplate, own content."""
    own = " ".join(f"item{k}n{i}" for i in range(45))
    return ("Governor Quill of Farlandia wrote to the beekeepers' congress in Lowmere and hoped their hives "
            f"would hum through the long winter. Letter number {k} praised {own}.")


@pytest.mark.parametrize("titled", [True, False])
def test_copies_are_found_in_a_large_block_of_same_titled_records(tmp_path, fake_metadata, titled):
    # more records under one title (or one opening) than the near-duplicate check compares one by
    # one: it switches to content fingerprints and must still find each copy, and only copies
    from diplo_analysis.corpus import _BIG_BLOCK

    n = 3 * _BIG_BLOCK
    rows = [{"title": "Message of greetings" if titled else "", "text": _template_readout(k),
             "url": f"https://example.org/m/{k}"} for k in range(n)]
    copies = []
    for k in (5, _BIG_BLOCK + 7, n - 2):  # an excerpt of a small block's and of a large block's member
        words = _template_readout(k).split()
        copies.append((k, {"title": rows[k]["title"], "text": " ".join(words[:-5]) + " (excerpt)",
                           "url": f"https://mirror.example/m/{k}"}))
    p = write_jsonl(tmp_path / "many.jsonl", rows + [c for _, c in copies])
    df = load_readouts(p)
    assert len(df) == n
    assert df.attrs["rejects"]["reason"].tolist() == [
        f"duplicate of {sha16(rows[k]['url'])}" for k, _ in copies]


def test_world_page_labels_are_well_formed_and_split_by_url():
    """tests/labels/world_pages.csv (real pages labelled by reading): urls and labels only, a fixed split."""
    import csv
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("eval_world", root / "benchmarks" / "eval_world.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with (root / "tests" / "labels" / "world_pages.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 190 and len({r["url"] for r in rows}) == len(rows)
    for r in rows:
        assert r["medium"] in ("phone", "video", "in_person", "other"), r["url"]
        assert r["split"] == module.split_of(r["url"])
        assert (r["medium"] == "other") or r["counterpart_countries"] or r["note"], r["url"]
        assert r["initiator"] in ("", "host", "counterpart")
    assert 0.15 < sum(r["split"] == "heldout" for r in rows) / len(rows) < 0.35
