"""Counterparts missed by kinds seen across every tuned half of the fresh page sets at once, on invented text.

Each test pins a general rule added for a kind of counterpart miss met on the pages of several publishers
(ninth session, issue 11); no page text is copied here.
"""

from __future__ import annotations

import pytest

from _meta import explained

#: The invented pages' address (a presidency of a country the tables know) and day.
URL, DAY = "https://www.presidency.ro/en/media/example-1", "2021-03-03"


# ------------------------------------------------ a leader out of office at the date ("former", "future")
@pytest.mark.parametrize("text, code, medium", [
    ("President Jan Roe held a telephone conversation with former Japanese Prime Minister Shinzo Abe on Monday.",
     "JPN", "phone"),
    ("President Jan Roe spoke by phone with the former Prime Minister of Italy about the coming elections.",
     "ITA", "phone"),
    ("President Jan Roe received the future President of the European Council at the palace on Monday.",
     "EUU", "in_person"),
])
def test_a_former_or_future_office_holder_is_a_counterpart(text, code, medium):
    m, why = explained("", text, URL, DAY)
    assert m["counterpart_countries"] == [code]
    assert m["medium"] == medium  # a foreign counterpart: not rule no_foreign_counterpart
    assert why.loc["counterpart_countries", "rule"] == "participants"
    assert "former" in why.loc["counterpart_countries", "evidence"] or "future" in why.loc["counterpart_countries",
                                                                                            "evidence"]


def test_a_former_leader_of_the_hosts_own_country_is_no_counterpart():
    m, _ = explained("", "President Jan Roe met the Prime Minister of Japan and former Romanian President Ion Iliescu "
                         "in Bucharest on Monday.", URL, DAY)
    assert m["counterpart_countries"] == ["JPN"]


# ------------------------------------------------ another conversation of the host in a later sentence
_FIRST = "President Jan Roe met President Emmanuel Macron of France in Paris on Monday. They discussed energy.\n"


@pytest.mark.parametrize("later, code", [
    ("Also on Monday, the head of state met with the President of Estonia.", "EST"),
    ("Later on in the day, the President met with the Ambassador of Qatar.", "QAT"),
    ("Earlier in the afternoon, the prime minister met with the Foreign Minister of Chile.", "CHL"),
    ("Earlier at 3pm, President Roe called the Prime Minister of Japan to wish him well.", "JPN"),
    ("Later, President Roe met and held separate talks with the Vice-President of Malawi.", "MWI"),
    ("She was talking to her German counterpart over the telephone on Monday.", "DEU"),
])
def test_a_later_opening_of_another_conversation_adds_its_counterpart(later, code):
    m, why = explained("", _FIRST + later, URL, DAY)
    assert m["counterpart_countries"] == ["FRA", code]
    assert why.loc["counterpart_countries", "rule"] == "several_calls"


@pytest.mark.parametrize("later", [
    "Earlier this year, President Roe called the Prime Minister of Japan about the floods.",
    "She called on the Japanese people to stay calm.",
    "Earlier, the head of state met with the President of Estonia.",
    "The head of the delegation was talking to the press in the lobby of the Japanese embassy.",
])
def test_an_earlier_day_an_appeal_or_a_press_talk_adds_no_counterpart(later):
    m, _ = explained("", _FIRST + later, URL, DAY)
    assert m["counterpart_countries"] == ["FRA"]


@pytest.mark.parametrize("text", [
    "Also on Monday, the head of state met with X. Later on in the day, the prime minister met Y.",
    "Earlier at 3pm, she called the King. He was talking to the Emir.\nLater, he met and held talks with Z.",
])
def test_the_new_openings_are_found_where_a_whole_page_search_finds_them(text):
    from diplo_analysis import metadata as md

    expected = [m.span() for m in md._NEXT_CALL.finditer(text)]
    assert len(expected) == 2 if text.startswith("Also") else len(expected) == 3
    for start in range(len(text)):
        assert [m.span() for m in md._openings(text, start)] == [
            m.span() for m in md._NEXT_CALL.finditer(text, start)], start
