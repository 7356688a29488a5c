"""Issue 11's rules of the Americas round (``tests/labels/fresh_pages_americas.csv``), each on invented text.

No page of ../shared or of the fresh set is copied here: the names, places and sentences are made up.
"""

from __future__ import annotations

import pytest

from _meta import explained as meta


@pytest.mark.parametrize("preamble", [
    "Washington, DC (Example News) The Department of State released the following statement:",
    "The below is attributable to Spokesperson Jan Roe:",
    "As stated by Spokesperson Jan Roe:",
])
def test_a_relays_preamble_ending_with_a_colon_is_not_the_first_sentence(preamble):
    m, why = meta("", preamble + "\n\nSecretary of State Antony J. Blinken spoke with Chilean Foreign Minister Jan "
                  "Doe. They discussed copper and trade.", "https://www.example-relay.net/item/77", None)
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Antony Blinken", "USA", ["CHL"])
    assert m["medium"] == "phone" and why.loc["medium", "rule"] == "spoke_with"


def test_a_sentence_ending_with_a_colon_that_introduces_nothing_stays_the_lead():
    m, _ = meta("", "President Jan Roe of Chile met Prime Minister Justin Trudeau in Santiago on the list of topics:"
                "\n\nTrade and mining.", "https://www.example-relay.net/item/78", None)
    assert m["medium"] == "in_person" and m["counterpart_countries"] == ["CAN"]


def test_a_title_person_of_the_hosts_country_by_a_shared_word_takes_the_first_sentences_country():
    m, why = meta("OAS Secretary General and former President Jan Roe Hold Working Meeting",
                  "The Secretary General of the Organization of American States (OAS), Luis Almagro, and the former "
                  "President of Panama, Jan Roe, held a working meeting today on crime.",
                  "https://www.oas.org/en/media_center/press_release.asp?sCodigo=E-999/17", "2017-05-02")
    assert (m["host"], m["host_country"], m["medium"]) == ("Luis Almagro", "OAS", "in_person")
    assert m["counterpart_countries"] == ["PAN"]
    assert why.loc["counterpart_countries", "rule"] == "text_country_of_title_person"


def test_a_title_of_two_compatriots_is_still_a_domestic_event():
    # the first sentence gives the title's person no other country: no counterpart
    m, _ = meta("OAS Secretary General and Assistant Secretary General Jan Roe Hold Working Meeting",
                "The Secretary General of the Organization of American States (OAS), Luis Almagro, and the Assistant "
                "Secretary General, Jan Roe, held a working meeting today on the budget.",
                "https://www.oas.org/en/media_center/press_release.asp?sCodigo=E-998/17", "2017-05-02")
    assert m["counterpart_countries"] == []


def test_a_headlines_verb_talks_with_and_a_first_sentence_spoke_with_are_a_call():
    m, why = meta("Rubio Talks With Peruvian FM Doe",
                  "Secretary of State Marco Rubio spoke with Peruvian Foreign Minister Jan Doe today to discuss his "
                  "upcoming visit to Lima.", "https://www.example-relay.net/item/79", None)
    assert (m["medium"], m["host_country"], m["counterpart_countries"]) == ("phone", "USA", ["PER"])
    assert why.loc["medium", "rule"] == "spoke_with"


def test_holds_talks_with_in_a_headline_is_a_meeting():
    m, why = meta("Rubio Holds Talks With Peruvian FM Doe",
                  "Secretary of State Marco Rubio spoke with Peruvian Foreign Minister Jan Doe in Lima today.",
                  "https://www.example-relay.net/item/80", None)
    assert m["medium"] == "in_person" and why.loc["medium", "rule"] == "title_cue"
