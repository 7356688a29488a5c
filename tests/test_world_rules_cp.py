"""Counterparts named the way real readouts name them (fresh_pages_cp), on invented text.

Each test pins a table row or a general rule added for a kind of miss seen on the tuned half of
``tests/labels/fresh_pages_cp.csv``; no page text is copied here.
"""

from __future__ import annotations

import pytest

from diplo_analysis.gazetteer import article_case_forms, regnal_short_forms
from _meta import explained


def meta(text, date="2021-03-03", title="", url="https://example.org/readout-1"):
    return explained(title, text, url, date)


@pytest.mark.parametrize("name", [
    "the Cooperation Council for the Arab States of the Gulf",
    "the Cooperation Council for the Arab Gulf States",
    "the GCC",
])
def test_the_gulf_councils_long_names_and_acronym_give_its_code(name):
    m, why = meta(f"Minister Jan Roe met the Secretary General of {name}, Dr John Doe, in the capital today.")
    assert m["counterpart_countries"] == ["GCC"]
    assert m["medium"] == "in_person"  # a foreign counterpart: not rule no_foreign_counterpart
    assert why.loc["counterpart_countries", "rule"] == "participants"


@pytest.mark.parametrize("form, date, code", [
    ("Emir Tamim", "2022-05-01", "QAT"),
    ("Amir Tamim", "2022-05-01", "QAT"),
    ("Sultan Haitham", "2022-05-01", "OMN"),
    ("King Hamad", "2022-05-01", "BHR"),
    ("Emir Nawaf", "2021-05-01", "KWT"),
    ("Emir Mishal", "2024-05-01", "KWT"),
    ("Amir Sabah", "2015-05-01", "KWT"),
    ("Sultan Qaboos", "2015-05-01", "OMN"),
    ("King Carl Gustaf", "2022-05-01", "SWE"),
])
def test_a_monarch_named_by_title_and_given_name_is_found(form, date, code):
    m, _ = meta(f"President Jan Roe of Freedonia spoke by phone with {form} on Monday.", date)
    assert m["counterpart_countries"] == [code]


def test_a_regnal_prince_has_a_short_form_but_not_where_another_name_claims_it():
    assert regnal_short_forms(["Prince Albert II", "Prince Hans-Adam II"]) == {
        "Prince Albert II": "Prince Albert", "Prince Hans-Adam II": "Prince Hans-Adam"}
    assert regnal_short_forms(["Prince Albert II", "Prince Albert of Nowhere"]) == {}
    m, _ = meta("President Jan Roe of Freedonia spoke by phone with Prince Albert on Monday.", "2022-05-01")
    assert m["counterpart_countries"] == ["MCO"]


def test_the_arabic_article_is_matched_in_either_case():
    assert article_case_forms(["Jan al-Doe", "Al-Doe", "Jan Doe", "Jan El-Roe", "Jan al Roe"]) == [
        "Jan Al-Doe", "al-Doe", "Jan el-Roe", "Jan Al Roe"]
    assert article_case_forms(["Alan Doe", "Ali Roe"]) == []  # a word that merely starts "Al" is not the article
    assert article_case_forms(["Jan al-Doe", "Jan Al-Doe"]) == []  # both spellings already there
    m, why = meta("President Jan Roe of Freedonia spoke by phone with Prime Minister Al-Sudani on Monday.",
                  "2024-05-01")
    assert m["counterpart_countries"] == ["IRQ"]
    assert why.loc["counterparts", "value"] == ["Mohammed Shia al-Sudani"]


def test_an_ambiguous_title_and_given_name_stays_unread():
    # two King Abdullahs reigned at once (Jordan's and Saudi Arabia's): no guess
    m, _ = meta("President Jan Roe of Freedonia spoke by phone with King Abdullah on Monday.", "2010-05-01")
    assert m["counterpart_countries"] == []
