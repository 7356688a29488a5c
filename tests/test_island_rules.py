"""Issue 11's rules and table rows from the fresh set of small and island states' readouts
(``tests/labels/fresh_pages_islands.csv``), each on invented text (no page is copied here)."""

from __future__ import annotations

import pytest

from diplo_analysis import gazetteer as gz
from _meta import UNKNOWN_SITE, explained as meta


# ------------------------------------------------------- rule envoy_called_on
@pytest.mark.parametrize("first, host, host_country, cp", [
    ("The Ambassador-designate of the Republic of Kenya to the Republic of Seychelles, H.E. Mr Jan Roe, called on "
     "the Minister for Foreign Affairs and Tourism, Mr Sylvestre Radegonde, at his office on Tuesday.",
     "Sylvestre Radegonde", "SYC", ["KEN"]),
    ("The High Commissioner of India to Malta, Ms Jane Doe, called on the Prime Minister at Castille on "
     "Wednesday.", "Robert Abela", "MLT", ["IND"]),
])
def test_an_envoy_of_one_country_to_another_who_calls_on_someone_is_the_counterpart_of_the_country_hosting_him(
        first, host, host_country, cp):
    m, why = meta("", first, UNKNOWN_SITE, "2023-05-02")
    assert (m["medium"], m["host"], m["host_country"], m["counterpart_countries"]) == (
        "in_person", host, host_country, cp)
    assert why.loc["host_country", "rule"] == "envoy_called_on"


def test_on_the_envoys_own_countrys_site_the_envoy_stays_the_host():
    m, why = meta("", "The Ambassador of Japan to Fiji, Mr Taro Roe, called on the Prime Minister of Fiji in Suva "
                      "on Monday to hand over a grant.", "https://www.fj.emb-japan.go.jp/itpr_en/x.html", "2023-05-02")
    assert m["host_country"] == "JPN" and why.loc["host_country", "rule"] != "envoy_called_on"


def test_an_envoy_who_calls_on_a_government_to_act_is_no_visit():
    m, why = meta("", "The Ambassador of Ruritania to Fiji called on the government to release the detained crew "
                      "without delay.", UNKNOWN_SITE, "2023-05-02")
    assert why.loc["host_country", "rule"] != "envoy_called_on"


# ------------------------------------------------------- a high commission's address names its country
@pytest.mark.parametrize("url, code", [
    ("https://www.maltahighcom.example.lk/news/item-7", "MLT"),  # not the Sri Lankan domain's country
    ("https://nzhighcom.example.org/news", "NZL"),
    ("https://www.indianhighcommission.example.org/news", "IND"),
    ("http://vnembassy-jp.org/x", "VNM"),  # embassies as before
    ("https://www.example-news.lk/x", "LKA"),
])
def test_a_high_commissions_address_names_the_country_it_represents(url, code):
    assert gz.publisher_country(url=url) == code


def test_a_high_commissions_readout_is_its_own_countrys():
    m, _ = meta("", "President Ibrahim Mohamed Solih spoke by telephone with the Prime Minister of Sri Lanka "
                    "about the floods.", "https://www.maldiveshighcom.example.lk/news/3", "2019-06-10")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Ibrahim Mohamed Solih", "MDV", ["LKA"])


# ------------------------------------------------------- rows of the leaders and publishers tables
@pytest.mark.parametrize("first, date, host, code", [
    ("Foreign Minister Sylvestre Radegonde received the Ambassador of Japan in Victoria today.", "2023-03-01",
     "Sylvestre Radegonde", "SYC"),
    ("Prime Minister Hu'akavameiliku held talks with the Prime Minister of Samoa in Apia today.", "2023-03-01",
     "Siaosi Sovaleni", "TON"),
    ("Prime Minister Charlot Salwai held talks with the Prime Minister of Fiji in Port Vila today.", "2024-03-01",
     "Charlot Salwai", "VUT"),
    ("President Prithvirajsing Roopun received the Ambassador of France at State House today.", "2022-03-01",
     "Prithvirajsing Roopun", "MUS"),
    ("Prime Minister Mark Brown met the Prime Minister of Tonga in Rarotonga today.", "2023-03-01",
     "Mark Brown", "COK"),
])
def test_leaders_of_small_island_states_are_known(first, date, host, code):
    m, _ = meta("", first, UNKNOWN_SITE, date)
    assert (m["host"], m["host_country"]) == (host, code)


def test_a_maltese_daily_on_a_generic_domain_is_maltas():
    m, _ = meta("", "The Prime Minister this morning had a telephone conversation with the German Chancellor.",
                "https://timesofmalta.com/articles/view/pm-call-german-chancellor.100", "2021-03-04")
    assert (m["medium"], m["host"], m["host_country"], m["counterpart_countries"]) == (
        "phone", "Robert Abela", "MLT", ["DEU"])


# ------------------------------------------------------- rule titled_surname_at_date
def test_an_office_and_a_surname_name_the_leader_who_held_that_office_then_not_a_namesake_of_another_office():
    m, why = meta("", "Prime Minister Harris held talks with the President of Guyana in Georgetown on Thursday.",
                  UNKNOWN_SITE, "2019-01-24")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Timothy Harris", "KNA", ["GUY"])
    assert why.loc["host", "rule"] == "titled_surname_at_date"


def test_a_namesake_who_held_the_office_named_stays_the_host():
    m, why = meta("", "Vice President Harris spoke by phone with the President of Guatemala on Monday.",
                  UNKNOWN_SITE, "2021-05-03")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Kamala Harris", "USA", ["GTM"])
    assert why.loc["host", "rule"] != "titled_surname_at_date"


def test_an_office_and_a_surname_outside_the_subject_is_the_counterpart_not_the_host():
    m, why = meta("", "The President held a phone call with Prime Minister Rudd about trade on Monday evening.",
                  UNKNOWN_SITE, "2009-06-22")
    assert m["host"] != "Kevin Rudd" and m["counterpart_countries"] == ["AUS"]
    assert why.loc["host", "rule"] != "titled_surname_at_date"
