"""Rules of the fresh round on wartime readouts (fresh_pages_wartime), each on invented text.

No page of ../shared nor of the round's set is copied here: the sentences are made up in the genre's shape.
"""

from __future__ import annotations

import json

import pandas as pd

from diplo_analysis import explain_furniture
from diplo_analysis.metadata import explain_metadata, extract_metadata
from diplo_analysis.readers import read_file
from _meta import explained as meta


def _load_one(tmp_path, text, url, title=""):
    p = tmp_path / "page.jsonl"
    p.write_text(json.dumps({"title": title, "text": text, "url": url}) + "\n", encoding="utf-8")
    (rec,) = list(read_file(p))
    return rec, extract_metadata(rec), explain_metadata(rec).set_index("fact")


def test_an_organisations_office_is_no_bare_home_office():
    # the other side is introduced with its organisation: the page is not the organisation's nor Belgium's
    m, why = meta("", "President of Ukraine Volodymyr Zelensky spoke by telephone with President of the European "
                      "Council Charles Michel about the grain exports and the coming summit.")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Volodymyr Zelenskyy", "UKR", ["EUU"])
    assert why.loc["host_country", "rule"] == "subject_leader"
    # a leader of a country named by office alone still tells the side that writes (rule bare_home_leader)
    m, why = meta("", "President of Ukraine Volodymyr Zelensky spoke by telephone with President Andrzej Duda "
                      "about the grain exports and the coming summit.", date="2022-05-01")
    assert (m["host_country"], why.loc["host_country", "rule"]) == ("POL", "bare_home_leader")


def test_a_stock_photos_bracketed_source_caption_is_neither_the_lede_nor_the_stamp(tmp_path):
    text = ("May 3, 2023 at 9:15 am\n"
            "Prime Minister Benjamin Netanyahu and President Abdel Fattah al-Sisi meet in Geneva, 4 March 2019 "
            "[examplewire]\n"
            "Egyptian President Abdel Fattah al-Sisi had a phone call with Israeli Prime Minister Benjamin Netanyahu "
            "on Tuesday about the crossings into the Strip, his spokesman said.")
    rec, m, why = _load_one(tmp_path, text, "https://www.example-monitor.com/item-22/",
                            "Egyptian president discusses the crossings with Israel's prime minister by phone")
    assert (m["host_country"], m["counterpart_countries"]) == ("EGY", ["ISR"])
    assert m["date"] == pd.Timestamp("2023-05-02") and why.loc["date", "rule"] == "text_weekday"
    assert "bracket_source_caption" in set(explain_furniture(rec)["rule"])


def test_a_bracketed_editors_word_or_label_ending_a_line_is_not_a_photos_source(tmp_path):
    text = ("The President spoke of the talks as very useful [sic]\n"
            "Watch the two leaders at the border crossing [VIDEO]\n"
            "President Jane Roe held a telephone conversation with the Prime Minister of Ruritania.")
    rec, _, _ = _load_one(tmp_path, text, "https://www.example-monitor.com/item-23/")
    assert "bracket_source_caption" not in set(explain_furniture(rec)["rule"])


def test_a_news_site_whose_subject_is_another_countrys_office_relays_that_countrys_readout():
    url = "https://en.example-caucasus.ru/material/17"  # a news site of a known country (.ru)
    m, why = meta("", "The leader of Azerbaijan spoke on the phone with the US Secretary of State on Monday "
                      "about the peace treaty talks.", url)
    assert (m["host_country"], m["counterpart_countries"]) == ("AZE", ["USA"])
    assert why.loc["host_country", "rule"] == "foreign_office_subject"
    # the leader of that country whom the next sentence names hosts
    m, why = meta("", "The President of Azerbaijan received a phone call from the US Secretary of State. "
                      "Ilham Aliyev and Antony Blinken discussed the peace treaty talks.", url, "2023-05-02")
    assert (m["host"], m["host_country"]) == ("Ilham Aliyev", "AZE")


def test_a_government_site_or_its_own_office_keeps_the_sites_country():
    text = "The President of Azerbaijan spoke on the phone with the US Secretary of State about the talks."
    m, _ = meta("", text, "https://www.mid.gov.ru/en/press/17")
    assert m["host_country"] == "RUS"
    m, _ = meta("", "The Prime Minister of Russia spoke on the phone with the US Secretary of State.",
                "https://en.example-caucasus.ru/material/18")
    assert m["host_country"] == "RUS"
