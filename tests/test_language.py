"""The language of a readout (diplo_analysis.language) and what a page not in English gets.

All texts are invented for these tests.
"""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest

from diplo_analysis import language as lg
from diplo_analysis.metadata import explain_metadata, extract_metadata
from diplo_analysis.records import Record

GERMAN_TITLE = "Bundeskanzler telefoniert mit dem Ministerpräsidenten von Ruritanien"
GERMAN_TEXT = ("Der Bundeskanzler hat heute mit dem Ministerpräsidenten von Ruritanien telefoniert. "
               "Beide sprachen über die Zusammenarbeit ihrer Länder und über die Lage in Europa.")
SPANISH_TITLE = "El Presidente sostuvo una conversación telefónica con su homólogo"
SPANISH_TEXT = ("El Presidente de la República sostuvo este martes una conversación telefónica con su "
                "homólogo. Ambos mandatarios abordaron la cooperación regional y el comercio.")
# languages that have no cue rows (data/cues_languages.csv): their pages keep the cue facts empty
SWAHILI_TITLE = "Rais azungumza kwa simu na Waziri Mkuu wa Ruritania"
SWAHILI_TEXT = ("Rais wa Jamhuri amezungumza kwa simu leo na Waziri Mkuu wa Ruritania. Viongozi hao "
                "wamejadili biashara, nishati na usalama wa kanda.")
GEORGIAN_TITLE = "პრეზიდენტის სატელეფონო საუბარი რურიტანიის პრემიერ-მინისტრთან"
GEORGIAN_TEXT = ("საქართველოს პრეზიდენტმა სამშაბათს სატელეფონო საუბარი გამართა რურიტანიის "
                 "პრემიერ-მინისტრთან. მხარეებმა ვაჭრობა და ენერგეტიკა განიხილეს.")


def test_the_model_ships_inside_the_installed_package():
    assert lg.model_path().is_file()
    assert lg.model_path().name == "lid.176.ftz"


def test_an_english_head_is_english_by_its_words_without_the_model():
    why = lg.explain_language("Call with the Prime Minister of Ruritania",
                              "The President spoke with the Prime Minister about trade and energy.")
    assert why.code == "en" and why.rule == "english_words"
    assert "the" in why.evidence.split() and "with" in why.evidence.split()


def test_one_distinct_english_word_with_shared_words_is_english_too():
    # "with" alone is not enough, but beside "met" and "president" (words other languages share) it is
    why = lg.explain_language("President met with ministers", "")
    assert why.rule == "english_words" and why.code == "en"


def test_pages_in_other_languages_go_to_the_model():
    de = lg.explain_language(GERMAN_TITLE, GERMAN_TEXT)
    es = lg.explain_language(SPANISH_TITLE, SPANISH_TEXT)
    assert (de.code, de.rule) == ("de", "fasttext_lid176")
    assert (es.code, es.rule) == ("es", "fasttext_lid176")
    assert de.evidence.startswith("p=")
    assert lg.detect_language(GERMAN_TITLE, GERMAN_TEXT) == "de"


def test_a_page_in_another_script_quoting_english_is_not_english():
    title = "首脳の電話"
    text = ("きのうの夜、首相は米国の大統領(the President of the United States of America)と話しました。"
            "二人は経済と安全保障について長く話し合い、また会うことを約束しました。")
    assert lg.explain_language(title, text).rule == "fasttext_lid176"
    assert lg.detect_language(title, text) == "ja"


def test_an_ascii_head_is_never_given_a_language_of_another_script(monkeypatch):
    class Fake:
        def predict(self, text, k=1):
            labels = ("__label__th", "__label__en", "__label__de")[:k]
            probs = (0.9, 0.08, 0.02)[:k]
            return labels, probs

    monkeypatch.setattr(lg, "_model", lambda: Fake())
    assert lg._identify("National Broadcast by General Jan Roe-o-cha") == ("en", 0.08)
    assert lg._identify("วันที่ข้อมูล")[0] == "th"  # written in that script: taken as the model says


def test_the_english_words_are_not_words_of_the_other_latin_languages():
    # Dutch "met", "had", "was", "of" and German "will" would make Dutch or German pages English
    assert not {"met", "had", "was", "of", "will", "in"} & lg.ENGLISH_WORDS
    assert lg.detect_language("Premier had een gesprek met de president",
                              "De premier had in Den Haag een gesprek met de president van Ruritanië. "
                              "Het was een goed gesprek over handel.") == "nl"


def test_a_page_in_a_language_without_cue_rows_keeps_its_publisher_facts_and_leaves_the_cue_facts_empty():
    rec = Record(path="x.jsonl", line=1, title=SWAHILI_TITLE, text=SWAHILI_TEXT,
                 url="https://www.ikulu.go.tz/habari/simu-1", date="2023-03-01")
    m = extract_metadata(rec)
    assert m["language"] == "sw"
    assert m["medium"] is None and m["initiator"] is None and m["status"] is None
    assert pd.isna(m["planned_date"])
    assert m["host_country"] == "TZA" and m["date"] == pd.Timestamp("2023-03-01")
    why = explain_metadata(rec).set_index("fact")
    assert why.loc["medium", "rule"] == "not_english"
    assert why.loc["medium", "evidence"].startswith("language sw (fasttext_lid176")
    assert why.loc["language", "value"] == "sw" and why.loc["language", "rule"] == "fasttext_lid176"


def test_a_german_page_gets_its_medium_from_the_german_cue_rows():
    rec = Record(path="x.jsonl", line=1, title=GERMAN_TITLE, text=GERMAN_TEXT,
                 url="https://www.bundesregierung.de/breg-de/aktuelles/telefonat-1", date="2023-03-01")
    m = extract_metadata(rec)
    assert (m["language"], m["medium"], m["status"]) == ("de", "phone", "held")
    assert m["host_country"] == "DEU"
    why = explain_metadata(rec).set_index("fact")
    assert why.loc["medium", "rule"] == "language_title_cue"
    assert why.loc["medium", "evidence"].startswith("de cues_languages.csv:")
    assert "'telefoniert'" in why.loc["medium", "evidence"]


def test_an_english_page_is_read_as_before():
    rec = Record(path="x.jsonl", line=1, title="Telephone conversation with the Prime Minister of Ruritania",
                 text="The President had a telephone conversation with the Prime Minister of Ruritania.",
                 url="https://www.example-presidency.org/news/1", date="2023-03-01")
    m = extract_metadata(rec)
    assert m["language"] == "en" and m["medium"] == "phone"
    assert explain_metadata(rec).set_index("fact").loc["language", "rule"] == "english_words"


def test_the_loader_has_a_language_column_and_warns_about_pages_in_languages_without_cues(tmp_path):
    rows = [
        {"title": "Call with the Prime Minister", "text": "The President spoke with the Prime Minister today.",
         "url": "https://a.example/1"},
        {"title": SWAHILI_TITLE, "text": SWAHILI_TEXT, "url": "https://a.example/2"},
        {"title": GEORGIAN_TITLE, "text": GEORGIAN_TEXT, "url": "https://a.example/3"},
        {"title": SPANISH_TITLE, "text": SPANISH_TEXT, "url": "https://a.example/4"},
    ]
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    import diplo_analysis as da

    with pytest.warns(da.NotEnglishWarning, match=r"2 readouts are not in English \(ka 1, sw 1\)") as caught:
        df = da.load_readouts(path)
    assert list(df["language"]) == ["en", "sw", "ka", "es"]
    assert df["medium"].isna().tolist() == [False, True, True, False]
    assert df.loc[3, "medium"] == "phone"  # Spanish has cue rows: read, not warned about
    message = str(caught[0].message)
    assert df.loc[1, "readout_id"] in message and df.loc[2, "readout_id"] in message
    assert df.loc[3, "readout_id"] not in message
    listed = df.attrs["warnings"]
    assert listed["readout_id"].tolist() == df.loc[1:2, "readout_id"].tolist()
    assert listed["warning"].str.startswith("not in English (").all() and listed["line"].tolist() == [2, 3]


def test_a_load_of_english_pages_does_not_warn(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"title": "Call with the Prime Minister",
                                "text": "The President spoke with the Prime Minister today."}) + "\n")
    import diplo_analysis as da

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = da.load_readouts(path)
    assert list(df["language"]) == ["en"]
