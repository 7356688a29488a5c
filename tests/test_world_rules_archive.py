"""Issue 11's rules found on older readouts (1995-2016) of heads of state and government, on invented text.

The real pages (archived presidencies, web archives of former leaders, relays of their press offices) are
measured by ``benchmarks/eval_world.py`` with ``tests/labels/fresh_pages_archive.csv``; no page text is
copied here.
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis import gazetteer as gz
from diplo_analysis.metadata import explain_furniture
from diplo_analysis.records import Record
from _meta import explained

RELAY = "https://news.example.net/story/20100806"


def meta(title, text, url=RELAY, date=None, publisher=None):
    return explained(title, text, url, date, publisher)


def test_the_leader_a_relay_need_not_introduce_is_its_own():
    m, why = meta("", "Turkish Prime Minister Recep Tayyip Erdogan phoned President Asif Ali Zardari on Friday "
                      "about relief for the flooded districts.", date="2010-08-06")
    assert (m["host"], m["host_country"]) == ("Asif Ali Zardari", "PAK")
    assert m["counterpart_countries"] == ["TUR"] and m["medium"] == "phone"
    assert m["initiator"] == "counterpart"
    assert why.loc["host_country", "rule"] == "bare_home_leader"


def test_a_headline_line_before_the_introduction_does_not_hide_it():
    m, why = meta("", "Erdogan phones Zardari\n\nTurkish Prime Minister Recep Tayyip Erdogan phoned President "
                      "Asif Ali Zardari on Friday about relief for the flooded districts.", date="2010-08-06")
    assert m["host_country"] == "PAK" and why.loc["host", "rule"] == "bare_home_leader"


@pytest.mark.parametrize("text", [
    # both sides introduced with their countries: nothing says whose readout it is
    "Turkish Prime Minister Recep Tayyip Erdogan phoned President Asif Ali Zardari of Pakistan on Friday.",
    # the subject is not introduced with its country
    "Prime Minister Recep Tayyip Erdogan phoned President Asif Ali Zardari on Friday about the floods.",
])
def test_the_subject_stays_the_host_unless_only_it_is_introduced_as_a_foreigner(text):
    m, why = meta("", text, date="2010-08-06")
    assert m["host_country"] == "TUR" and why.loc["host", "rule"] != "bare_home_leader"


def test_a_known_publishers_readout_keeps_its_own_host():
    m, _ = meta("", "Turkish Prime Minister Recep Tayyip Erdogan phoned President Asif Ali Zardari on Friday.",
                url="https://www.tccb.gov.tr/en/news/1", date="2010-08-06")
    assert m["host_country"] == "TUR"


def test_a_visit_paid_by_a_subject_introduced_as_a_foreigner_is_hosted_by_the_visited_country():
    m, why = meta("", "Estonian President visits Latvia\n\nThe President of Estonia Toomas Hendrik Ilves paid a "
                      "state visit to Latvia and held a face-to-face meeting with his host.", date="2012-05-03")
    assert (m["host_country"], m["counterpart_countries"], m["medium"]) == ("LVA", ["EST"], "in_person")
    assert m["host"] == "Andris Berzins"  # the visited country's head of state on the date
    assert why.loc["host_country", "rule"] == "visited_country_hosts"


def test_the_visited_country_may_be_named_in_the_sentence_after_a_headline_naming_its_capital():
    m, why = meta("", "The President of Estonia came to Riga for a state visit\n\nThe President of Estonia "
                      "Toomas Hendrik Ilves came to Latvia for a two-day state visit.", date="2012-05-03")
    assert m["host_country"] == "LVA" and why.loc["host_country", "rule"] == "visited_country_hosts"


def test_a_stamp_read_both_ways_takes_its_year_and_order_from_the_day_said():
    m, why = meta("", "Latvian President visits Estonia\n\n4/5/2012\n\nThe President of Latvia Andris Berzins paid "
                      "a visit to Estonia on April 5 and met his host in Tallinn.", url="https://news.example.net/a/77")
    assert m["date"] == pd.Timestamp("2012-04-05") and m["host_country"] == "EST"
    assert why.loc["date", "rule"] == "text_day_month:year_ambiguous_stamp"


def test_last_night_beside_a_call_is_the_day_before_an_agency_datelines_stamp():
    m, why = meta("", "Obama calls Karzai\n\nThursday, March 5, 2009 Kabul (ABC) US President Barack Obama called "
                      "President Hamid Karzai last night to discuss the coming elections.")
    assert m["date"] == pd.Timestamp("2009-03-04") and why.loc["date", "rule"] == "text_relative_day"
    assert m["host_country"] == "AFG" and m["initiator"] == "counterpart"


def test_last_night_without_a_call_beside_it_is_no_day():
    m, why = meta("", "Friday, March 6, 2009 Kabul (ABC) After a long night last night, the President signed the "
                      "budget of the coming year into law.")
    assert m["date"] == pd.Timestamp("2009-03-06") and why.loc["date", "rule"] == "page_date"


def test_a_calendar_widget_and_a_text_size_bar_are_furniture():
    text = ("The official website of the President\nmo tu we th fr sa su\n    01 02 03 04\n05 06 07 08 09 10 11\n"
            "| | |\nA | A | A\nTuesday, 6 November 2012\n\nPresidents Roe and Doe on the situation\n\n"
            "The two presidents discussed the situation in a Tuesday phone conversation.")
    rec = Record(path="x.jsonl", line=1, title="", text=text, url="https://www.example.org/news/1")
    removed = set(explain_furniture(rec)["rule"])
    assert {"calendar_grid", "text_size_bar"} <= removed


@pytest.mark.parametrize("name, date, code, office", [
    ("Lech Kaczynski", "2008-08-30", "POL", "head_of_state"),
    ("Mirek Topolanek", "2009-01-10", "CZE", "head_of_government"),
    ("Valdas Adamkus", "2005-11-09", "LTU", "head_of_state"),
    ("George Papandreou", "2010-05-01", "GRC", "head_of_government"),
    ("Victor Yushchenko", "2007-04-12", "UKR", "head_of_state"),
])
def test_heads_of_the_years_before_2015_are_in_the_leaders_table(name, date, code, office):
    leader = gz.lookup_leader(name, pd.Timestamp(date))
    assert leader is not None and (leader.country, leader.office) == (code, office)
