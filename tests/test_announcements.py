"""Held or announced (diplo_analysis.announcements), and the author of a statement as its host.

Invented texts in the style of the genre; the leaders named are in the
package's leaders table so that hosts resolve, the rest is made up.
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis.announcements import announcement_rule, planned_date
from diplo_analysis.metadata import extract_metadata
from diplo_analysis.records import Record

WH, WH_URL = "The White House", "https://www.whitehouse.gov/briefing-room/statements-releases/x/"
KREMLIN, KREMLIN_URL = "Office of the President of Russia (en.kremlin.ru)", "http://en.kremlin.ru/events/president/news/1"


def meta(title, text, publisher=WH, url=WH_URL, date="2022-03-17"):
    return extract_metadata(Record(path="t", line=1, text=text, title=title, url=url, date=date, publisher=publisher))


@pytest.mark.parametrize("title, first, rule", [
    ("On May 12, Vladimir Putin will hold talks in Sochi with the Finnish President", "", "title_future"),
    ("Statement by the Spokesperson on the President's Upcoming Phone Call with the Prime Minister of Japan",
     "The President will hold a phone call with the Prime Minister on Thursday.", "title_upcoming"),
    ("Statement by the Press Secretary on the President's Virtual Meeting with the Prime Minister of India",
     "On Monday, April 11, the President will meet virtually with the Prime Minister.", "lead_future"),
    ("Statement on the Bilateral Meeting", "On May 7, the Vice President will meet virtually with the President "
     "of Mexico, who will be joined by the Secretary of Economy.", "lead_future"),
    # the future said without "will"
    ("", "Prime Minister Jan Roe of Ireland is expected to meet President Ivo Kalan of Moldova on Friday.",
     "lead_future"),
    ("", "The Prime Minister is due to hold talks with the President of Moldova in Dublin next month.", "lead_future"),
    ("", "The Prime Minister is scheduled to hold a phone call with the President of Moldova later today.",
     "lead_future"),
    ("", "The Prime Minister plans to meet the President of Moldova during the summit.", "lead_future"),
    ("", "The Prime Minister will travel to Chisinau on Monday to hold talks with the President of Moldova.",
     "lead_future"),
    # a visit announced by the guest's arrival, and a headline's "to attend"
    ("Visit of the President of Moldova", "The President of Moldova is expected to arrive in Dublin on Monday for "
     "talks with the Taoiseach.", "lead_future"),
    ("Taoiseach to attend summit in Chisinau", "", "title_to"),
    ("On April 3, the President of Ruritania will pay an official visit to Elbonia", "", "title_future"),
])
def test_announcements_are_recognised(title, first, rule):
    found = announcement_rule(title, first)
    assert found is not None and found.rule == rule and found.evidence


@pytest.mark.parametrize("title, first", [
    ("Readout of the President's Call with the Prime Minister of Spain",
     "The leaders spoke today about preparations for the summit, which will be held in Madrid."),
    ("", "The Prime Minister met the President of Moldova, who is expected to visit Dublin in June."),
    ("Telephone conversation with President of France", "The leaders will continue their contacts."),
    ("President Putin is paying a working visit to Elbonia", "During the visit he will hold talks with the President."),
    ("Statement on Ukraine", "The President met the Prime Minister today; they will meet again in June."),
])
def test_reports_of_held_conversations_are_not_announcements(title, first):
    assert announcement_rule(title, first) is None


@pytest.mark.parametrize("sentence, on, expected", [
    ("The President will hold a call on Tuesday, December 7, 2021.", "2021-12-04", "2021-12-07"),
    ("In the evening of Monday November 15, the President will meet virtually.", "2021-11-12", "2021-11-15"),
    ("On January 3 the President will hold talks.", "2021-12-30", "2022-01-03"),  # next year
    ("The President will speak with the Premier this Friday.", "2022-03-17", "2022-03-18"),
    ("The President will speak with the Premier soon.", "2022-03-17", None),
    ("On January 3 the President will hold talks.", None, None),  # no year to put it in
])
def test_planned_date(sentence, on, expected):
    got = planned_date(sentence, pd.Timestamp(on) if on else pd.NaT)
    assert (pd.isna(got) and expected is None) or got == pd.Timestamp(expected)


def test_an_announcement_is_other_with_its_status_and_planned_day():
    m = meta("Statement by the Press Office on President Biden's Call with President Xi Jinping",
             "This Friday Joe Biden will speak with the Chinese leader Xi Jinping. "
             "Both are expected to discuss trade.")
    assert m["status"] == "announced" and m["medium"] == "other" and m["initiator"] is None
    assert m["planned_date"] == pd.Timestamp("2022-03-18")
    assert m["host"] == "Joseph R. Biden Jr." and m["counterpart_countries"] == ["CHN"]


def test_a_kremlin_style_announcement_and_a_held_call():
    m = meta("On November 19, Putin will have talks in Moscow with the Uzbek leader Shavkat Mirziyoyev",
             "The talks will focus on trade.", KREMLIN, KREMLIN_URL, "2021-11-18")
    assert m["status"] == "announced" and m["medium"] == "other"
    assert m["planned_date"] == pd.Timestamp("2021-11-19") and m["counterpart_countries"] == ["UZB"]
    held = meta("Telephone conversation with the Uzbek leader Shavkat Mirziyoyev",
                "Putin and Mirziyoyev talked by telephone about trade and transport.",
                KREMLIN, KREMLIN_URL, "2021-11-18")
    assert held["status"] == "held" and held["medium"] == "phone" and pd.isna(held["planned_date"])
    other = meta("Greetings to the participants of a forum", "Vladimir Putin sent greetings.", KREMLIN,
                 KREMLIN_URL, "2021-11-18")
    assert other["status"] is None


def test_the_author_of_a_statement_on_a_call_is_its_host():
    m = meta("Statement by President Joe Biden on a Call with Volodymyr Zelenskyy",
             "Tonight, I spoke with the Ukrainian leader about the sanctions. "
             "Vladimir Putin bears the blame.", date="2022-02-24")
    assert m["host"] == "Joseph R. Biden Jr." and m["host_country"] == "USA"
    assert m["counterpart_countries"] == ["UKR"]


def test_a_statement_of_the_president_and_the_first_person():
    m = meta("Statement of the President on the Summit and a Call with Volodymyr Zelenskyy",
             "Today I spoke with the Ukrainian leader about the summit.", date="2022-02-25")
    assert m["host"] == "Joseph R. Biden Jr."
    first = meta("Statement on Help for Ukraine", "I just spoke with Volodymyr Zelenskyy, Ukraine's leader.",
                 date="2022-06-15")
    assert first["host"] == "Joseph R. Biden Jr."
    # a spokesperson's statement keeps the President named in it as the host
    spokes = meta("Statement by the Spokesperson on Joe Biden's Phone Call with Volodymyr Zelenskyy",
                  "Joe Biden and Volodymyr Zelenskyy talked by phone about the border.", date="2022-01-02")
    assert spokes["host"] == "Joseph R. Biden Jr."


def test_a_statement_by_another_official_keeps_the_president_who_spoke():
    m = meta("Statement from the Secretary of State on the Call with Volodymyr Zelenskyy",
             "Today, President Trump had a long call with the Ukrainian leader.", date="2025-03-19")
    assert m["host"] == "Donald J. Trump" and m["host_country"] == "USA"


# ---- rules taught by real pages of other governments (tests/labels/world_pages.csv, dev part)
def test_a_headline_infinitive_announces_a_meeting():
    m = meta("Taoiseach to meet with Chancellor Olaf Scholz in Berlin", "The Taoiseach will travel to Berlin today.",
             "gov.ie", "https://www.gov.ie/en/press-release/x/", "2023-05-02")
    assert m["status"] == "announced" and m["medium"] == "other" and m["counterpart_countries"] == ["DEU"]
    held = meta("Taoiseach meets Chancellor Olaf Scholz in Berlin", "The Taoiseach met the Chancellor today.",
                "gov.ie", "https://www.gov.ie/en/press-release/y/", "2023-05-02")
    assert held["status"] == "held" and held["medium"] == "in_person"


def test_speaks_with_in_the_title_is_a_call_even_when_the_text_opens_with_condolences():
    m = meta("Prime Minister Justin Trudeau speaks with President Emmanuel Macron of France",
             "The Prime Minister offered his condolences for the victims of the storm in Brittany.",
             "Prime Minister of Canada", "https://www.pm.gc.ca/en/news/readouts/x", "2021-03-04")
    assert m["medium"] == "phone" and m["counterpart_countries"] == ["FRA"]


def test_an_organisations_site_takes_its_head_as_host_not_the_leader_it_spoke_with():
    m = meta("Readout of the Secretary-General's telephone call with President Emmanuel Macron of France",
             "The Secretary-General and President Emmanuel Macron of France spoke about the climate summit.",
             "un.org", "https://www.un.org/sg/en/content/sg/readout/x", "2019-05-01")
    assert m["host_country"] == "UN" and m["host"] == "Antonio Guterres"  # the leaders table's name
    assert m["medium"] == "phone" and m["counterpart_countries"] == ["FRA"]
