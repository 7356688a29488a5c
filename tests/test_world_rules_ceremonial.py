"""Rules of the ninth session's round on readouts of heads of state who do not head the government, governors-general,
vice presidents and crown princes (``tests/labels/fresh_pages_ceremonial.csv``), each on invented text (no page of the
fresh set is copied here)."""

from __future__ import annotations

import pandas as pd

from _meta import explained as meta
from diplo_analysis import gazetteer as gz

ENA = "https://www.ena.et/en/?p=99001"
GG = "https://www.gg.gov.au/about-governor-general/governor-generals-program/sydney-new-south-wales-9001"


# ---- an arrival for a visit is a visit (rule visit_arrival)
def test_an_arrival_abroad_for_a_visit_meets_the_hosts():
    m, why = meta("", "Addis Ababa May 3/2021 (ENA) President Sahlework Zewde today arrived in Kampala, the capital "
                      "of Uganda, for a three-day state visit.\n\nUgandan officials welcomed the President at Entebbe "
                      "airport.", url=ENA)
    assert (m["medium"], m["host_country"], m["counterpart_countries"]) == ("in_person", "ETH", ["UGA"])
    assert why.loc["medium", "rule"] == "visit_arrival"
    assert "arrived in Kampala" in why.loc["medium", "evidence"]


def test_a_stay_abroad_for_a_visit_meets_the_hosts():
    m, why = meta("", "Addis Ababa, June 8/2021 (ENA) President Sahlework Zewde, who is in Djibouti for a three-day "
                      "state visit, toured the port with officials today.", url=ENA)
    assert (m["medium"], m["counterpart_countries"]) == ("in_person", ["DJI"])
    assert why.loc["counterpart_countries", "rule"] == "visit_arrival"


def test_a_foreign_guest_arriving_in_the_hosts_country_meets_the_host():
    m, why = meta("", "Federal President Frank-Walter Steinmeier of Germany arrived in Latvia for a working visit on "
                      "3 May. President Egils Levits thanked his guest for the visit.",
                  url="https://www.president.lv/en/article/visit-9001", date="2021-05-03")
    assert (m["medium"], m["host_country"], m["counterpart_countries"]) == ("in_person", "LVA", ["DEU"])
    assert why.loc["medium", "rule"] == "visit_arrival"


def test_an_arrival_without_a_visit_or_before_one_is_no_meeting():
    m, why = meta("", "Addis Ababa May 3/2021 (ENA) President Sahlework Zewde today arrived in Kampala, the capital "
                      "of Uganda.", url=ENA)
    assert m["medium"] == "other" and why.loc["medium", "rule"] != "visit_arrival"
    m, why = meta("", "Addis Ababa May 3/2021 (ENA) Ahead of the summit, President Sahlework Zewde arrived in "
                      "Kampala, the capital of Uganda, for a three-day state visit.", url=ENA)
    assert why.loc["medium", "rule"] != "visit_arrival"
    # a page with a title of its own is read from its title
    m, why = meta("President returns home", "President Sahlework Zewde arrived in Kampala, the capital of Uganda, "
                                            "for a three-day state visit last week.", url=ENA)
    assert why.loc["medium", "rule"] != "visit_arrival"


# ---- the visitor who "called on" a leader, taken as host by a relay (rule called_on_host)
def test_a_relay_of_the_called_on_leaders_office_is_that_leaders_readout():
    text = ("New Delhi: H.E. Mr. Sher Bahadur Deuba, the Prime Minister of Nepal called on the President of India, "
            "Shri Ram Nath Kovind at Rashtrapati Bhavan today. The President welcomed the Prime Minister.")
    m, why = meta("", text, date="2022-04-02")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Ram Nath Kovind", "IND", ["NPL"])
    assert why.loc["host", "rule"] == "called_on_host"
    assert why.loc["counterpart_countries", "evidence"] == "called on"


def test_a_visitor_who_called_on_a_leader_stays_host_on_his_own_side():
    text = ("H.E. Mr. Sher Bahadur Deuba, the Prime Minister of Nepal called on the President of India, Shri Ram Nath "
            "Kovind at Rashtrapati Bhavan today.")
    m, why = meta("", text, url="https://mofa.gov.np/news-9001", date="2022-04-02")
    assert (m["host_country"], m["counterpart_countries"]) == ("NPL", ["IND"])
    assert why.loc["host", "rule"] != "called_on_host"
    # an appeal is no visit
    m, why = meta("", "Prime Minister Sher Bahadur Deuba of Nepal called on the President of India, Shri Ram Nath "
                      "Kovind, to reopen the border crossings.", date="2022-04-02")
    assert why.loc["host", "rule"] != "called_on_host"


# ---- a vice-regal diary: later meetings of a couple, guests "received" (rule listed_meetings)
def test_a_diary_lists_its_later_foreign_meetings_after_a_domestic_first():
    text = ("On Monday 3 May 2021, at Government House, Canberra, His Excellency General the Honourable David Hurley "
            "met with the board of a veterans' charity, via video conference.\n"
            "Later, the Governor-General received His Excellency Jan Novak, Ambassador of the Czech Republic.\n"
            "Then, the Governor-General and Mrs Linda Hurley met with His Excellency Surangel Whipps Jr., President "
            "of the Republic of Palau, via video conference.")
    m, why = meta("", text, url=GG)
    assert (m["host"], m["host_country"]) == ("David Hurley", "AUS")
    assert set(m["counterpart_countries"]) == {"CZE", "PLW"}
    assert why.loc["counterpart_countries", "rule"] == "listed_meetings"
    assert m["medium"] == "video"


def test_a_guest_received_without_a_mark_of_sequence_is_not_listed():
    text = ("On Monday 3 May 2021, at Government House, Canberra, His Excellency General the Honourable David Hurley "
            "met with the Prime Minister of Fiji, via video conference. Afterwards, the Governor-General met with "
            "students of a school. The Governor-General received His Excellency Jan Novak, Ambassador of the Czech "
            "Republic.")
    m, why = meta("", text, url=GG)
    assert m["counterpart_countries"] == ["FJI"]


# ---- rows: vice presidents, governors-general, crown princes, a publisher
def test_the_tables_know_vice_presidents_governors_general_and_crown_princes():
    day = pd.Timestamp
    assert gz.office_holder("AUS", "governor_general", day("2020-07-14")) == "David Hurley"
    assert gz.office_holder("NZL", "governor_general", day("2022-03-01")) == "Cindy Kiro"
    assert gz.office_holder("CAN", "governor_general", day("2018-06-01")) == "Julie Payette"
    assert gz.office_holder("IND", "vice_president", day("2018-09-15")) == "M. Venkaiah Naidu"
    assert gz.office_holder("BRN", "crown_prince", day("2008-04-14")) == "Al-Muhtadee Billah"
    m, _ = meta("", "BELGRADE: Vice President Venkaiah Naidu on Saturday met the President of Serbia to discuss "
                    "trade.", date="2018-09-15")
    assert (m["host_country"], m["counterpart_countries"]) == ("IND", ["SRB"])
    m, _ = meta("Crown Prince calls on Oman's Sultan", "The Crown Prince, Prince Haji Al-Muhtadee Billah, paid a "
                "courtesy call on the Sultan of Oman during his official visit.",
                url="http://sultanate.com/news_server/2009/01_may_1.html", date="2009-05-01")
    assert m["host_country"] == "BRN" and m["host"] == "Al-Muhtadee Billah"
