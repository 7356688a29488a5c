"""Rules of the fresh set "europe" (issue 11), each on invented pages: a call named before the subject
(``fronted_call_phrase``), a relay crediting another side's website (``credited_website``), a visit abroad with its
counterpart named (``visited_with_counterpart``; "visit abroad to" for ``visit_abroad``) and a full date that names a
thing, not the page's stamp (``attributive_date``, :mod:`diplo_analysis.dates`)."""

from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis.dates import explain_date
from diplo_analysis.records import Record
from _meta import explained as meta


def test_a_call_named_before_the_subject_leaves_the_subject_as_host():
    m, why = meta("", "In a friendly phone call with US President Joe Biden, Federal Chancellor Karl Nehammer "
                      "discussed energy and trade. They agreed to stay in touch.", date="2022-05-03")
    assert (m["host"], m["host_country"]) == ("Karl Nehammer", "AUT")
    assert m["counterpart_countries"] == ["USA"] and m["medium"] == "phone"
    assert why.loc["host", "rule"] == "fronted_call_phrase"


def test_a_fronted_call_without_a_known_leader_after_it_is_not_read():
    m, why = meta("", "During a long conversation with US President Joe Biden, the two sides discussed energy.",
                  date="2022-05-03")
    assert "fronted_call_phrase" not in set(why["rule"])


_CREDITED = "On 7 June 2021, President Michel spoke with President Putin on the phone{credit}. They discussed Libya."


def test_a_relay_crediting_another_sides_website_takes_that_sides_leader_as_host():
    # a site of a country (here Armenia, by its domain) whose own leader the page does not name
    m, why = meta("", _CREDITED.format(credit=", European Council website reports"),
                  "https://news.example.am/en/2021/06/07/item", "2021-06-07")
    assert (m["host"], m["host_country"]) == ("Charles Michel", "EUU")
    assert m["counterpart_countries"] == ["RUS"]
    assert why.loc["host", "rule"] == "credited_website"


def test_without_the_credit_the_sites_office_holder_stays():
    m, why = meta("", _CREDITED.format(credit=""), "https://news.example.am/en/2021/06/07/item", "2021-06-07")
    assert m["host_country"] != "EUU" and "credited_website" not in set(why["rule"])


def test_a_visit_to_a_foreign_city_with_its_leader_named_is_a_meeting():
    m, why = meta("", "At the invitation of French President Emmanuel Macron, the Prime Minister, Robert Golob, "
                      "visited Paris today. The two leaders discussed energy prices.",
                  "https://www.gov.si/en/news/2022-09-01-item/", "2022-09-01")
    assert m["medium"] == "in_person" and m["counterpart_countries"] == ["FRA"]
    assert why.loc["medium", "rule"] == "visited_with_counterpart"


def test_a_visit_to_a_factory_stays_other():
    m, why = meta("", "Prime Minister Robert Golob visited a factory in Maribor today. He met its workers.",
                  "https://www.gov.si/en/news/2022-09-02-item/", "2022-09-02")
    assert m["medium"] == "other" and "visited_with_counterpart" not in set(why["rule"])


def test_a_first_visit_abroad_to_a_country_is_a_meeting_there():
    m, why = meta("", "Latvia's new president, Edgars Rinkevics, made his first official visit abroad to Estonia on "
                      "10 July 2023. He discussed regional security.")
    assert m["medium"] == "in_person" and m["counterpart_countries"] == ["EST"]
    assert why.loc["medium", "rule"].startswith("visit_abroad")


def _date(text, url="https://www.example-news.org/item/1"):
    return explain_date(Record(path="x.jsonl", line=1, title=None, text=text, url=url, date=None, publisher=None))


@pytest.mark.parametrize("later", [
    "They recalled the November 9, 2020 and January 11, 2021 statements.",
    "They recalled the 9 November 2020 agreement.",
])
def test_a_full_date_after_the_names_a_thing_and_is_no_page_stamp(later):
    d = _date(f"On 7 June 2021, the two presidents spoke by phone. {later}")
    assert d.date == pd.Timestamp("2021-06-07") and d.rule == "text_full_date"


def test_a_stamp_alone_on_its_line_is_still_the_pages_day():
    d = _date("9 November 2020\nThe two presidents spoke by phone yesterday. They recalled the agreement.")
    assert d.date == pd.Timestamp("2020-11-08")


def test_a_date_after_a_weekday_and_the_is_the_days_event():
    d = _date("The President received on Sunday the 9th of April 2017 a phone call from the Prime Minister of Ruritania.")
    assert d.date == pd.Timestamp("2017-04-09")
