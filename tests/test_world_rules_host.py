"""Issue 11's rules for the host of a readout (fresh_pages_host round), each on invented text.

No page of ../shared or of the fresh sets is copied here; the real pages are scored by
``benchmarks/eval_world.py`` against ``tests/labels/fresh_pages_host.csv``.
"""

from __future__ import annotations

import pytest

from diplo_analysis.metadata import credited_source
from _meta import explained as meta


@pytest.mark.parametrize("title, text", [
    ("French President Telephones the Prime Minister",
     "The President of France, Emmanuel Macron, telephoned PM today to offer condolences on the floods."),
    ("", "French President Emmanuel Macron telephoned PM today and offered help after the floods in the north."),
    ("French President Emmanuel Macron Calls the Prime Minister", "The two leaders talked about the floods."),
])
def test_a_foreign_leader_calling_the_publishers_own_office_makes_its_holder_the_host(title, text):
    m, why = meta(title, text, "https://pmo.gov.pk/news/411", "2017-06-01")
    assert (m["host"], m["host_country"]) == ("Nawaz Sharif", "PAK")
    assert why.loc["host", "rule"] == "call_to_own_office"


def test_the_caller_is_the_counterpart_and_the_initiator():
    m, _ = meta("US President Telephones the Prime Minister",
                "US President Barack Obama telephoned PM today and offered help after the floods.",
                "https://pmo.gov.pk/news/412", "2016-03-30")
    assert m["counterpart_countries"] == ["USA"]
    assert (m["medium"], m["initiator"]) == ("phone", "counterpart")


@pytest.mark.parametrize("title, text, url", [
    # a named office holder after the verb: the callee is named, the office is not alone
    ("", "US President Barack Obama telephoned Prime Minister Nawaz Sharif today about the floods.",
     "https://pmo.gov.pk/news/413"),
    # the publisher's own leader is the subject: no foreign caller
    ("", "Prime Minister Nawaz Sharif called President Barack Obama today about the floods.",
     "https://pmo.gov.pk/news/414"),
])
def test_a_named_callee_or_an_own_caller_is_left_to_the_other_rules(title, text, url):
    m, why = meta(title, text, url, "2016-03-30")
    assert why.loc["host", "rule"] != "call_to_own_office"
    assert m["host_country"] == "PAK"


def test_an_unknown_publisher_does_not_read_an_office_called():
    m, why = meta("", "US President Barack Obama telephoned PM today and offered help.",
                  "https://www.example-news.org/item/9", "2016-03-30")
    assert why.loc["host", "rule"] != "call_to_own_office"
    assert m["host"] == "Barack Obama"


def test_a_syndicated_copys_credit_line_gives_the_office_and_the_host():
    text = ("The Prime Minister and the Taoiseach spoke yesterday evening about the harvest and the border.\n\n"
            "They agreed to keep in touch over the coming weeks.\n\n"
            "British Prime Minister's Office published this content on 11 January 2017 and is solely "
            "responsible for the information contained herein.")
    m, why = meta("PM call with Taoiseach Enda Kenny", text, "https://markets.example.com/news/77", "2017-01-11")
    assert m["host_country"] == "GBR" and why.loc["host_country", "rule"] == "credited_source"
    assert m["host"] == "Theresa May"
    assert m["counterpart_countries"] == ["IRL"]


@pytest.mark.parametrize("text, want", [
    ("Ruritanian Prime Minister's Office published this content on 2 May 2020.", None),  # no known country
    ("The Economist published this content on 2 May 2020.", None),  # no issuing office
    ("Talks were held.\nFrench Presidency published this content on 2 May 2020 and is responsible.", "FRA"),
    ("Talks were held; nothing was published.", None),
])
def test_the_credit_line_needs_a_known_country_and_an_issuing_office(text, want):
    got = credited_source(text)
    assert (got[1] if got else None) == want


@pytest.mark.parametrize("title, text", [
    ("Muizzu accorded a ceremonial welcome in Delhi",
     "Prime Minister Narendra Modi and President Droupadi Murmu welcomed the Maldivian leader at the gate."),
    ("", "Maldives President Mohamed Muizzu was accorded a ceremonial reception at the palace on Monday. "
         "President Droupadi Murmu and Prime Minister Narendra Modi received him on his arrival."),
    ("", "Maldives President Mohamed Muizzu was received by President Droupadi Murmu at the palace on Monday."),
])
def test_a_leader_accorded_a_reception_is_the_guest_of_those_who_received_him(title, text):
    m, why = meta(title, text, "https://news.example-wire.com/story/5", "2024-10-07")
    assert m["host_country"] == "IND" and m["host"] in ("Droupadi Murmu", "Narendra Modi")
    if title or "received by" in text:
        assert "accorded_reception" in why.loc["host", "rule"] + why.loc["host", "overridden"]


def test_a_leaders_own_site_keeps_him_as_host_when_he_is_received_abroad():
    m, why = meta("", "President Mohamed Muizzu was accorded a ceremonial reception at the palace in New Delhi on "
                      "Monday, where President Droupadi Murmu received him.",
                  "https://presidency.gov.mv/news/9", "2024-10-07")
    assert (m["host"], m["host_country"]) == ("Mohamed Muizzu", "MDV")
    assert "accorded_reception" not in why.loc["host", "rule"] + why.loc["host", "overridden"]


def test_the_guest_accorded_a_reception_is_the_counterpart():
    m, _ = meta("Muizzu accorded a ceremonial welcome at the palace",
                "Prime Minister Narendra Modi and President Droupadi Murmu welcomed the Maldivian President there.",
                "https://news.example-wire.com/story/6", "2024-10-07")
    assert m["host_country"] == "IND" and m["counterpart_countries"] == ["MDV"]
