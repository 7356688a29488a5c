"""A user's own leaders, publishers, cues and initiator cues (diplo_analysis.Knowledge), from a temporary folder.

The example of docs/metadata.md ("Adding knowledge"), run as written: three CSV rows
make an unknown prime minister's office, its prime minister and a cue in its house
style known, without editing the installed package.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

import diplo_analysis as da
from diplo_analysis.knowledge import Knowledge, active, use, using

LEADERS = "name,aliases,country,office,start,end\nAna Ruritan,Ruritan,ISL,head_of_government,2026-01-01,\n"
PUBLISHERS = "fragment,code\nexample-pm.org,ISL\n"
CUES = ("medium,pattern,keys,example,expected\n"
        "phone,\\bhad a telefonat\\b,telefonat,The Prime Minister had a telefonat with the President.,\n")
RECORD = {
    "title": "Prime Minister Ruritan had a telefonat with President Emmanuel Macron",
    "text": "The two leaders had a telefonat about fisheries and energy. They agreed to meet in the autumn.",
    "url": "https://example-pm.org/news/telefonat-macron", "publisher": "Office of the Prime Minister",
    "date": "2026-05-04",
}


@pytest.fixture
def tables(tmp_path):
    folder = tmp_path / "my_tables"
    folder.mkdir()
    (folder / "leaders.csv").write_text(LEADERS, encoding="utf-8")
    (folder / "publishers.csv").write_text(PUBLISHERS, encoding="utf-8")
    (folder / "cues.csv").write_text(CUES, encoding="utf-8")
    data = tmp_path / "readouts.jsonl"
    data.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    return folder, data


def test_three_rows_teach_the_loader_a_publisher_a_leader_and_a_cue(tables):
    folder, data = tables
    before = da.load_readouts(data, n_jobs=1).iloc[0]
    assert before["medium"] != "phone" and before["host"] != "Ana Ruritan"
    k = Knowledge.from_folder(folder)
    after = da.load_readouts(data, n_jobs=1, knowledge=k).iloc[0]
    assert after["medium"] == "phone"
    assert after["host"] == "Ana Ruritan" and after["host_country"] == "ISL"
    assert after["counterpart_countries"] == ["FRA"]
    # the knowledge was for that load only
    assert not active()
    assert da.load_readouts(data, n_jobs=1).iloc[0]["medium"] == before["medium"]
    with using(k):
        ex = da.explain_metadata(after).set_index("fact")
    assert ex.loc["medium", "rule"] == "title_cue" and "telefonat" in ex.loc["medium", "evidence"]


def test_worker_processes_receive_the_knowledge(tables):
    """What load_readouts sends to a worker carries the knowledge, even to a freshly spawned process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from diplo_analysis.corpus import _extractor
    from diplo_analysis.knowledge import extract_with
    from diplo_analysis.metadata import extract_metadata
    from diplo_analysis.records import Record

    folder, _ = tables
    k = Knowledge.from_folder(folder)
    rec = Record(path="x", line=1, **RECORD)
    assert _extractor(extract_metadata) is extract_metadata  # no user knowledge: the plain function
    with using(k):
        sent = _extractor(extract_metadata)
    assert sent.func is extract_with and sent.args == (k,)
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        meta = pool.submit(sent, rec).result(timeout=120)
    assert meta["medium"] == "phone" and meta["host"] == "Ana Ruritan"
    assert extract_metadata(rec)["medium"] != "phone"  # this process is back to the package's tables


@pytest.mark.parametrize("table, text, message", [
    ("leaders.csv", "name,aliases,country,office,start,end\nX Y,,ISL,emperor_of_all,2020-01-01,\n", "office"),
    ("leaders.csv", "name,aliases,country,office,start,end\nX Y,,Iceland,head_of_state,2020-01-01,\n", "country"),
    ("leaders.csv", "name,aliases,country,office,start,end\nX Y,,ISL,head_of_state,someday,\n", "date"),
    ("leaders.csv", "name,country\nX Y,ISL\n", "lacks column"),
    ("publishers.csv", "fragment,code\n,ISL\n", "fragment"),
    ("cues.csv", "medium,pattern,keys,example,expected\nphone,\\bring\\b,ring,no match here,\n", "example"),
    ("initiator_cues.csv", "kind,pattern,keys,example,note\nwho,\\bat the bidding\\b,bidding,at the bidding,\n",
     "placeholder|who"),
    ("initiator_cues.csv", "kind,pattern,keys,example,note\nasker,\\brang\\b,rang,He rang.,\n", "kind"),
])
def test_bad_rows_are_refused_naming_file_and_row(tmp_path, table, text, message):
    (tmp_path / table).write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as err:
        Knowledge.from_folder(tmp_path)
    assert str(tmp_path / table) in str(err.value)


#: An invented house style that says who asked for a call: "at the bidding of <side>".
INITIATORS = ("kind,pattern,keys,example,note\n"
              "who,\\bat the bidding of {who},bidding,The call was held at the bidding of the Ruritanian side.,"
              "the words after the phrase name who asked\n")
CALL = {
    "title": "Telephone conversation with President Emmanuel Macron",
    "text": "Prime Minister Ruritan had a telephone conversation with President Emmanuel Macron of France. "
            "The call was held at the bidding of the French side. They spoke about fisheries.",
    "url": "https://example-pm.org/news/call-macron", "publisher": "Office of the Prime Minister",
    "date": "2026-05-05",
}


def test_an_initiator_row_from_a_folder_says_who_asked(tables):
    folder, data = tables
    data.write_text(json.dumps(CALL) + "\n", encoding="utf-8")
    (folder / "initiator_cues.csv").write_text(INITIATORS, encoding="utf-8")
    before = da.load_readouts(data, n_jobs=1).iloc[0]
    assert before["medium"] == "phone" and pd.isna(before["initiator"])
    k = Knowledge.from_folder(folder)
    assert [r["kind"] for r in k.initiator_rows] == ["who"] and k.initiator_rows[0]["keys"] == ("bidding",)
    after = da.load_readouts(data, n_jobs=1, knowledge=k).iloc[0]
    assert after["host"] == "Ana Ruritan" and after["initiator"] == "counterpart"
    with using(k):
        ex = da.explain_metadata(after).set_index("fact")
    assert ex.loc["initiator", "rule"] == "initiative_of" and "bidding" in ex.loc["initiator", "evidence"]
    # the knowledge was for that load only: the package's table alone says nothing here
    assert pd.isna(da.load_readouts(data, n_jobs=1).iloc[0]["initiator"])
    only = Knowledge(initiators=[folder / "initiator_cues.csv"])
    assert only and not only.cue_rows and len(only.initiator_rows) == 1


def test_use_and_bad_arguments(tmp_path):
    with pytest.raises(FileNotFoundError, match="holds none"):
        Knowledge.from_folder(tmp_path)
    with pytest.raises(TypeError, match="Knowledge"):
        use("my_tables")
    assert not Knowledge() and active() == Knowledge()
