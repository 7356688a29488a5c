"""Rules of the fresh set "balkans" (issue 11), each on invented pages: a credentials ceremony whose headline lists
the envoys' countries (``credentials_title_list``), a page with no medium cue in its title or lead that later refers
to "the meeting" (``meeting_named_later``), and a full date the prose names as a day of history, neither the page's
stamp nor the meeting's day (``day_of_history``, :mod:`diplo_analysis.dates`)."""

from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis.dates import explain_date
from diplo_analysis.records import Record
from _meta import explained as meta

_ENVOYS = ("During his meeting with the Ambassador of Chile, President Gitanas Nauseda spoke of trade and science. "
           "The President's meeting with the Ambassador of Portugal turned to tourism. During his meeting with the "
           "Ambassador of Japan, the President praised the new direct flights.")


def test_a_credentials_headline_lists_every_envoys_country():
    m, why = meta("President receives letters of credence from the ambassadors of Chile, Portugal and Japan",
                  _ENVOYS, date="2021-03-02")
    assert m["host_country"] == "LTU" and m["medium"] == "in_person"
    assert m["counterpart_countries"] == ["CHL", "PRT", "JPN"]
    assert why.loc["counterpart_countries", "rule"] == "credentials_title_list"


def test_the_addresss_words_stand_for_a_missing_headline():
    m, why = meta("", _ENVOYS, "https://news.example.lt/en/item/9-president-received-credentials-from-the-"
                               "ambassadors-of-chile-portugal-and-japan", "2021-03-02")
    assert set(m["counterpart_countries"]) == {"CHL", "PRT", "JPN"}
    assert why.loc["counterpart_countries", "rule"] == "credentials_title_list"


def test_a_headline_without_credentials_adds_no_country():
    m, why = meta("President meets the ambassadors of Chile, Portugal and Japan", _ENVOYS, date="2021-03-02")
    assert "credentials_title_list" not in set(why["rule"])


_LATER = ("Brnabic pointed out that continuing to strengthen cooperation in every area with the United States of "
          "America is one of the priorities of Serbian foreign policy. On the dialogue, she stressed that the agreements "
          "reached so far must be kept. The envoy said that he expects the dialogue to go on. He promised steady support "
          "for the normalisation of relations. Both sides want closer ties in trade. Energy is a further field of joint work. "
          "{last}")


def test_a_page_that_later_names_the_meeting_reports_a_meeting():
    m, why = meta("", _LATER.format(last="US Ambassador to Serbia Christopher Hill also attended the meeting."),
                  "https://www.srbija.gov.rs/vest/en/1/item.php", "2023-01-20")
    assert m["medium"] == "in_person" and m["counterpart_countries"] == ["USA"]
    assert why.loc["medium", "rule"] == "meeting_named_later"


def test_the_meeting_of_a_body_is_no_reference_to_the_pages_meeting():
    m, why = meta("", _LATER.format(last="The Minister will report at the meeting of the government."),
                  "https://www.srbija.gov.rs/vest/en/1/item.php", "2023-01-20")
    assert m["medium"] == "other" and "meeting_named_later" not in set(why["rule"])


def _date(text, url="https://www.example-news.org/item/1"):
    return explain_date(Record(path="x.jsonl", line=1, title=None, text=text, url=url, date=None, publisher=None))


@pytest.mark.parametrize("remembered", [
    "The President commemorated March 24, 1999, as the day the war began.",
    "The President recalled 25 June 1991, the day of independence.",
    "He named 1 July 1991 as the date of the country's rebirth.",
])
def test_a_day_of_history_in_the_prose_is_no_page_stamp(remembered):
    d = _date(f"The President received the Prime Minister of Ruritania today. {remembered} They discussed trade.")
    assert d.date is pd.NaT or pd.isna(d.date)


def test_a_stamp_alone_on_its_line_still_dates_the_page():
    d = _date("12 June 2024\nThe President received the Prime Minister of Ruritania today. They discussed trade.")
    assert d.date == pd.Timestamp("2024-06-12")
