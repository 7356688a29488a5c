"""The general rules of the fresh_pages_eastasia round (issue 11), each on invented text.

No page of the round is copied here: names, places and dates are made up (or public offices), and each test
pins one rule and the case it must leave alone.
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis.dates import explain_date, resolve_date
from diplo_analysis.records import Record
from _meta import explained as meta


def _rec(text, title="", url="https://news.example.org/item/7"):
    return Record(path="x.jsonl", line=1, title=title, text=text, url=url)


# ------------------------------------------------------------- date: rule dateline_call_day
def test_a_full_date_dateline_gives_way_to_the_calls_own_earlier_date():
    text = ("Ruritown, March 9, 2022, /RNA/. The President of Ruritania Jan Roe spoke with the President of "
            "Freedonia by telephone on March 6, 2022. The two presidents discussed trade.")
    assert resolve_date(_rec(text)) == (pd.Timestamp("2022-03-06"), False)
    assert explain_date(_rec(text)).rule == "text_full_date+dateline_call_day"


@pytest.mark.parametrize("text, day", [
    # the later date is no call's day: no verb of a call in its sentence
    ("Ruritown, March 9, 2022, /RNA/. The President spoke with the President of Freedonia by telephone. "
     "A treaty was signed on March 6, 2022.", "2022-03-09"),
    # the later date is after the dateline: a day to come, not the call's
    ("Ruritown, March 9, 2022, /RNA/. The President will hold talks by telephone on March 12, 2022.", "2022-03-09"),
    # the first full date opens no line after a place: it is no dateline
    ("On March 9, 2022 the President spoke with his Freedonian colleague, who had called on March 6, 2022.",
     "2022-03-09"),
])
def test_dateline_call_day_leaves_other_dates_alone(text, day):
    assert resolve_date(_rec(text))[0] == pd.Timestamp(day)


# ------------------------------------------------------------- medium: rule title_other_delivered_in_person
def test_a_message_handed_over_by_a_visiting_official_is_a_meeting():
    m, why = meta("Prime Minister Roe acknowledges congratulatory message from Tonga",
                  "Prime Minister Jan Roe with the visiting Deputy Prime Minister of Tonga, Hon. Kim Doe, this morning. "
                  "Prime Minister Roe has acknowledged the warm congratulatory message of Tonga as presented this "
                  "morning by the visiting Deputy Prime Minister.", "https://news.example.sb/item/8", publisher="news.example.sb")
    assert m["medium"] == "in_person"
    assert why.loc["medium", "rule"] == "title_other_delivered_in_person"
    assert m["counterpart_countries"] == ["TON"]


def test_a_message_sent_without_a_visitor_stays_other():
    m, why = meta("Prime Minister Roe acknowledges congratulatory message from Tonga",
                  "Prime Minister Jan Roe has acknowledged the congratulatory message of the visiting season's "
                  "guests. The message was sent by letter.", "https://news.example.sb/item/9",
                  publisher="news.example.sb")
    assert m["medium"] == "other"
    assert why.loc["medium", "rule"] == "title_cue"


# ------------------------------------------------------------- host: rule home_official_as_foreign
_RELAY = ("Mr. Fumio Kishida, Prime Minister of Japan, on Monday held a telephone talk with Hon. Enrique Manalo, "
          "Secretary for Foreign Affairs of the Republic of the Philippines. The overview of the talk is as follows.")


def test_a_news_site_relaying_another_governments_readout_takes_its_subject_as_the_host():
    m, why = meta("", _RELAY, "https://dailynews.example.ph/2023/03/06/talk", "2023-03-06", "dailynews.example.ph")
    assert (m["medium"], m["host"], m["host_country"]) == ("phone", "Fumio Kishida", "JPN")
    assert m["counterpart_countries"] == ["PHL"]
    assert why.loc["host", "rule"] == "home_official_as_foreign"


def test_a_government_site_introducing_a_visitor_first_keeps_its_own_official():
    m, why = meta("", _RELAY, "https://www.dfa.gov.ph/2023/03/06/talk", "2023-03-06", "dfa.gov.ph")
    assert m["host_country"] == "PHL"
    assert why.loc["host", "rule"] != "home_official_as_foreign"


def test_a_home_official_named_without_his_country_keeps_the_publishers_host():
    text = ("Mr. Fumio Kishida, Prime Minister of Japan, on Monday held a telephone talk with Secretary Enrique Manalo "
            "about the coast guard.")
    m, why = meta("", text, "https://dailynews.example.ph/2023/03/06/talk2", "2023-03-06", "dailynews.example.ph")
    assert why.loc["host", "rule"] != "home_official_as_foreign"
