"""Rules of the eighth session's round on 2025-26 readouts (``tests/labels/fresh_pages_recent.csv``), each on
invented text (no page of the fresh set is copied here)."""

from __future__ import annotations

import pytest

from _meta import explained as meta


def test_a_first_sentence_naming_both_sides_joined_by_and_hosts_the_first_named():
    m, why = meta("", "In a short phone conversation, Indian Prime Minister Narendra Modi and Japanese Prime Minister "
                      "Fumio Kishida reviewed their trade talks.", date="2022-03-01")
    assert (m["medium"], m["host"], m["host_country"]) == ("phone", "Narendra Modi", "IND")
    assert m["counterpart_countries"] == ["JPN"]
    assert why.loc["host", "rule"] == "both_first_side"


def test_a_title_naming_both_sides_joined_by_and_hosts_the_first_named():
    m, why = meta("Here is what Scott Morrison and Jacinda Ardern talked about in their call",
                  "The two prime ministers spoke by telephone about the Pacific islands.", date="2020-05-01")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Scott Morrison", "AUS", ["NZL"])
    assert why.loc["host", "rule"] == "both_first_side"


def test_two_leaders_a_subject_met_with_are_not_both_sides():
    _, why = meta("", "A delegation of business leaders held talks with Narendra Modi and Fumio Kishida in Tokyo.",
                  date="2022-03-01")
    assert why.loc["host", "rule"] != "both_first_side"


def test_a_lede_opening_in_a_recent_call_reports_this_call():
    m, why = meta("", "In a recent telephone conversation, President Emmanuel Macron and Chancellor Olaf Scholz "
                      "discussed energy prices.", date="2022-10-01")
    assert m["medium"] == "phone" and why.loc["medium", "rule"] == "lede_recent_call"
    assert (m["host_country"], m["counterpart_countries"]) == ("FRA", ["DEU"])


def test_their_recent_call_is_still_an_earlier_contact():
    m, why = meta("", "Following their recent telephone conversation, President Emmanuel Macron met Chancellor "
                      "Olaf Scholz in Paris.", date="2022-10-01")
    assert m["medium"] != "phone" and why.loc["medium", "rule"] != "lede_recent_call"


def test_a_relay_crediting_the_other_sides_office_is_that_sides_readout():
    m, why = meta("", "President Joe Biden has held a phone call with Egyptian President Abdel Fattah al-Sisi. "
                      "According to a statement from the Egyptian presidency, the two discussed Gaza.",
                  date="2023-10-20")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Abdel Fattah el-Sisi", "EGY", ["USA"])
    assert why.loc["host", "rule"] == "credited_side"
    assert "Egyptian presidency" in why.loc["host", "evidence"]


def test_a_credit_to_the_subjects_own_side_changes_nothing():
    m, why = meta("", "President Joe Biden has held a phone call with Egyptian President Abdel Fattah al-Sisi. "
                      "According to a statement from the American government, the two discussed Gaza.",
                  date="2023-10-20")
    assert (m["host_country"], m["counterpart_countries"]) == ("USA", ["EGY"])
    assert why.loc["host", "rule"] != "credited_side"


def test_a_credit_overrules_a_bare_home_leader_read_from_the_subject():
    m, why = meta("", "Egyptian President Abdel Fattah al-Sisi has held a phone call with President Joe Biden. "
                      "According to a statement from the Egyptian presidency, the two discussed Gaza.",
                  date="2023-10-20")
    assert (m["host"], m["host_country"]) == ("Abdel Fattah el-Sisi", "EGY")
    assert m["counterpart_countries"] == ["USA"] and why.loc["host", "rule"] == "credited_side"


def test_a_series_of_meetings_with_the_leaders_of_named_countries_adds_them():
    m, why = meta("", "President Moon Jae-in held a summit with Japanese Prime Minister Yoshihide Suga on the "
                      "sidelines of the gathering. President Moon had a series of meetings with the leaders of "
                      "Australia and France.", date="2021-06-13")
    assert m["host_country"] == "KOR"
    assert set(m["counterpart_countries"]) == {"JPN", "AUS", "FRA"}
    assert why.loc["counterpart_countries", "rule"] == "series_of_meetings"


@pytest.mark.parametrize("verb", ["made telephonic contact with", "established telephone contact with"])
def test_making_telephonic_contact_is_making_the_call(verb):
    m, why = meta("", f"Prime Minister Shehbaz Sharif {verb} Malaysian Prime Minister Anwar Ibrahim on Eid.",
                  date="2023-06-29")
    assert m["host_country"] == "PAK" and m["initiator"] == "host"
    assert why.loc["initiator", "rule"] == "caller"


def test_sir_keir_is_keir_starmer():
    m, _ = meta("Sir Keir speaks to President Emmanuel Macron", "The two leaders discussed Ukraine by phone.",
                date="2025-02-01")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Keir Starmer", "GBR", ["FRA"])
