"""Date rules of the ninth session's cross-publisher round (issue 11): ``headline_call_day`` and two url forms of
``url_words`` (``/2023/apr/16/``, ``/2008/27_aug_3.html``). Every sentence here is invented."""
from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis.dates import explain_date, url_date
from diplo_analysis.records import Record


def rec(text="", title=None, url=None):
    return Record(path="fixture.txt", line=1, text=text, title=title, url=url, date=None, meta={})


# ----------------------------------------------------------------------------- headline_call_day

def test_a_headline_date_of_a_call_published_the_next_day_is_the_calls_day():
    text = ("Leader's office\nLeader call with the Chancellor of Ruritania: 4 March 2019\n"
            "The Leader talked with the Chancellor yesterday evening about fisheries and rail links.\n"
            "Relay desk published this content on 5 March 2019 without edits.")
    found = explain_date(rec(text))
    assert (found.date, found.inferred) == (pd.Timestamp("2019-03-04"), False)
    assert found.rule == "text_relative_day:headline_call_day"
    assert "4 March 2019" in found.evidence and "yesterday" in found.evidence


def test_a_headline_date_of_a_call_with_a_url_of_the_next_day_is_the_calls_day():
    found = explain_date(rec("The Leader talked with the Chancellor yesterday afternoon about rail links.",
                             title="Leader call with the Chancellor of Ruritania: 4 March 2019",
                             url="https://relay.example/items/leader-call-05032019101500?open"))
    assert (found.date, found.rule) == (pd.Timestamp("2019-03-04"), "text_relative_day:headline_call_day")


def test_a_headline_date_of_the_day_the_page_was_published_stays_a_stamp():
    text = ("Leader call with the Chancellor of Ruritania: 4 March 2019\n"
            "The Leader talked with the Chancellor yesterday evening about rail links.\n"
            "Published 4 March 2019")
    found = explain_date(rec(text))
    assert (found.date, found.rule) == (pd.Timestamp("2019-03-03"), "text_relative_day")


def test_a_headline_of_no_call_stays_a_stamp():
    text = ("Leader opens a bridge in the north: 4 March 2019\n"
            "The Leader talked with the Chancellor yesterday evening about rail links.\n"
            "Relay desk published this content on 5 March 2019.")
    assert explain_date(rec(text)).rule == "text_relative_day"


# ----------------------------------------------------------------------------- url_words: month names as folders

@pytest.mark.parametrize("url, expected", [
    ("https://news.example/nation/2023/apr/16/minister-dials-counterpart-2566000.html", "2023-04-16"),
    ("https://www.paper.example/world/2019/Sep/3/leaders-talk", "2019-09-03"),
    ("http://www.palace.example/news_server/2008/27_aug_3.html", "2008-08-27"),
    ("http://palace.example/news_server/2011/4_mar_12.htm", "2011-03-04"),
])
def test_url_forms_with_a_months_name_give_the_day(url, expected):
    found = url_date(url)
    assert (found.date, found.precision, found.source) == (pd.Timestamp(expected), "day", "url")


@pytest.mark.parametrize("url", [
    "https://news.example/2023/apr/notes.html",        # a month's folder names no day
    "https://news.example/2023/27_aug_notes.html",     # no serial: a page name, not the day's item
    "https://news.example/2023/apr/45/x.html",         # no such day
])
def test_url_forms_with_a_months_name_that_name_no_day(url):
    found = url_date(url)
    assert found is None or found.precision != "day"


def test_the_url_day_dates_a_weekday_of_its_text():
    found = explain_date(rec("The minister spoke by phone with his counterpart on Sunday.",
                             url="https://news.example/nation/2023/apr/16/minister-dials-counterpart.html"))
    assert found.date == pd.Timestamp("2023-04-16")
