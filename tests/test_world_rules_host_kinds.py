"""Rules of the ninth session's round on the host country (kinds of miss) across every tuned half of the fresh sets (issue 11),
each on invented text (no page of the fresh sets is copied here): the house titles of No 10's and the White
House's readouts copied by sites of unknown country (rule ``house_readout_title``), more forms of a relay's credit
(rule ``credited_source``) and news sites whose country the publishers table did not know."""

from __future__ import annotations

import pandas as pd
import pytest

from _meta import explained as meta
from diplo_analysis import gazetteer as gz
from diplo_analysis.metadata import credited_source

MIRROR = "https://mirror.example.net/?p=123"


# ---- rule house_readout_title
def test_no10s_house_title_on_a_mirror_makes_the_prime_minister_of_the_date_the_host():
    m, why = meta("PM call with Prime Minister Roe of Ruritania: 10 June 2019",
                  "The Prime Minister spoke to Prime Minister Jan Roe of Ruritania this afternoon about fisheries.",
                  MIRROR, pd.Timestamp("2019-06-10"))
    assert (m["host"], m["host_country"]) == ("Theresa May", "GBR")
    assert why.loc["host_country", "rule"] == "house_readout_title"
    assert why.loc["host_country", "evidence"] == "PM call with"


def test_no10s_house_title_opening_a_text_without_a_title_is_read_after_press_release():
    m, why = meta("", "Press release: PM meeting with the President of Ruritania: 4 May 2023\n"
                      "The Prime Minister met the President of Ruritania in Downing Street today.",
                  MIRROR, pd.Timestamp("2023-05-04"))
    assert (m["host"], m["host_country"]) == ("Rishi Sunak", "GBR")
    assert why.loc["host", "rule"] == "house_readout_title"


def test_the_white_houses_house_title_after_a_release_line_makes_the_president_the_host():
    text = ("Office of the Press Secretary FOR IMMEDIATE RELEASE March 3, 2010 Readout of the President's call "
            "with Prime Minister Roe of Ruritania\nThe President spoke with Prime Minister Roe on Tuesday about "
            "the harbour project.")
    m, why = meta("", text, MIRROR, pd.Timestamp("2010-03-03"))
    assert (m["host"], m["host_country"]) == ("Barack Obama", "USA")
    assert why.loc["host", "rule"] == "house_readout_title"
    # an undated copy still gives the country; its holder is unknown
    m, why = meta("Readout of the President's Meeting with the Secretary General of the Alliance",
                  "The President met today with the Secretary General in the Oval Office.", MIRROR)
    assert (m["host"], m["host_country"]) == (None, "USA")
    assert why.loc["host_country", "rule"] == "house_readout_title"


def test_a_house_title_does_not_override_a_known_publishers_country_or_another_title():
    # a site whose country is known keeps it ("PM" is its own prime minister)
    m, why = meta("PM call with President Roe of Ruritania: 2 March 2021",
                  "The Prime Minister spoke with President Jan Roe of Ruritania today.",
                  "https://timesofmalta.com/articles/view/pm-call", pd.Timestamp("2021-03-02"))
    assert m["host_country"] == "MLT"
    assert "house_readout_title" not in set(why["rule"])
    # a title that names its president is no house title of an unnamed office
    _, why = meta("Readout of President Roe's call with the Chancellor",
                  "President Jan Roe spoke with the Chancellor today.", MIRROR, pd.Timestamp("2021-03-02"))
    assert "house_readout_title" not in set(why["rule"])


# ---- rule credited_source: more forms of a credit
@pytest.mark.parametrize("head, code", [
    ("MOSCOW: Kremlin spokesman Jan Roe said on Friday that the two presidents will talk.", "RUS"),
    ("A spokeswoman for Downing Street said the leaders had agreed to meet.", "GBR"),
    ("The leaders spoke, according to a statement issued by the White House on Monday.", "USA"),
    ("The two leaders spoke, said a readout from the Kremlin.", "RUS"),
])
def test_a_credit_in_more_forms_names_the_relayed_office(head, code):
    found = credited_source(head)
    assert found is not None and found[1] == code


def test_an_unnamed_spokesman_of_an_office_is_no_credit_without_an_article():
    # "Kremlin spokesman said" names nobody: it may be a reporter's paraphrase, not a credit
    assert credited_source("Kremlin spokesman said on Friday that nothing was planned.") is None


def test_a_named_spokesman_of_an_office_makes_an_unknown_sites_relay_that_offices():
    text = ("MOSCOW: Kremlin Spokesman Jan Roe told reporters on Monday that President Vladimir Putin would speak "
            "by phone with US President Joe Biden in the evening, at Russia's request.")
    m, why = meta("", text, "https://www.example-news.org/item/2", pd.Timestamp("2021-12-30"))
    assert (m["host"], m["host_country"]) == ("Vladimir Putin", "RUS")
    assert why.loc["host_country", "rule"] == "credited_source"


# ---- publishers table: news sites of a known country
@pytest.mark.parametrize("url, code", [
    ("http://www.jordantimes.com/news/local/x", "JOR"),
    ("https://news.abs-cbn.com/news/01/02/21/x", "PHL"),
    ("http://www.nigerianeye.com/2017/03/x.html", "NGA"),
    ("http://www.uzinform.com/ru/news/20250101/1.html", "UZB"),
    ("https://www.indiatvnews.com/news/world/x-2025-01-02-1", "IND"),
])
def test_news_sites_of_a_known_country(url, code):
    assert gz.publisher_country(url=url) == code


def test_a_visitor_met_by_the_sites_own_leader_is_the_counterpart():
    m, why = meta("Lender's chief calls on PM",
                  "Ajay Banga, who heads the World Bank, called on Prime Minister Narendra Modi in the capital on "
                  "Thursday to review lending for railways.",
                  "https://www.indiatvnews.com/business/news/x-2025-05-08-1", pd.Timestamp("2025-05-08"))
    assert (m["host"], m["host_country"]) == ("Narendra Modi", "IND")
    assert m["counterpart_countries"] == ["WB"]
    assert why.loc["host_country", "rule"] == "publisher_country"
