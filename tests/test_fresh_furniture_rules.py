"""Rules of the fresh round on pages heavy with furniture (``tests/labels/fresh_pages_furniture.csv``):
``list_item_stamp``, ``bracketed_stamp``, the "Last Update" stamp, ``url_day_clock_id`` and
``digest_item_stamp``, each on invented sentences."""

from __future__ import annotations

import pandas as pd

from diplo_analysis import dates as D
from diplo_analysis.records import Record


def rec(text, title="", url="https://www.example-news.org/item/1"):
    return Record(path="x.jsonl", line=1, title=title, text=text, url=url)


def day(r):
    return str(D.resolve_date(r)[0].date())


# ----------------------------------------------------------------------------- list_item_stamp

RELAY = ("Premier's Office\n|Printable version\nPremier call with President Doe\n"
         "Premier Roe spoke to President Doe of Ruritania yesterday evening.\n"
         "The leaders discussed the harbour project and agreed to talk again soon.\n"
         "Latest News from\nPremier's Office\n"
         "Premier names new harbour envoy13/02/2019 10:15:00\n"
         "The Premier has named an envoy for the harbour project.\n"
         "Premier call with Chancellor Moe21/09/2021 09:30:12\n"
         "Premier Roe spoke to Chancellor Moe this evening.\n")


def test_a_stamp_glued_to_a_headline_in_a_news_list_is_neither_the_page_stamp_nor_the_call():
    found = [m for m in D.dates_in_text(RELAY) if m.kind == "full"]
    assert found and all(m.role == "ignored" for m in found)
    # without a page date the 'yesterday' is not counted back from a listed story's stamp (2019-02-13)
    r = rec(RELAY)
    assert pd.isna(D.resolve_date(r)[0])
    assert D.explain_date(r).rule == "text_relative_day:no_page_date"


def test_a_stamp_after_a_space_or_alone_is_still_the_page_stamp():
    text = "Premier Roe spoke to President Doe of Ruritania yesterday.\nPosted 21/09/2021 09:30:12\n"
    found = [m for m in D.dates_in_text(text) if m.kind == "full"]
    assert [m.role for m in found] == ["header"]
    assert day(rec(text)) == "2021-09-20"


# ----------------------------------------------------------------------------- url_day_clock_id

def test_a_fourteen_digit_id_of_day_month_year_and_clock_dates_the_page():
    ref = D.url_date("https://relay.example.org/news.nsf/articles/premier+call+with+president+doe+11092021093012?open")
    assert ref is not None and str(ref.date.date()) == "2021-09-11" and ref.source == "url"
    r = rec(RELAY, url="https://relay.example.org/news.nsf/articles/premier+call+11092021093012?open")
    assert day(r) == "2021-09-10"
    # not a clock (25:61:00), not a day (a 13th month): no date
    assert D.url_date("https://relay.example.org/a/11092021256100?open") is None
    assert D.url_date("https://relay.example.org/a/11132021093012?open") is None


# ----------------------------------------------------------------------------- Last Update / bracketed_stamp

BULLETIN = ("To the text of this page.\n\nLast Update : Monday, Mar 8, 2021\n\nState Weekly\n\n"
            "[Ministry of Foreign Affairs] [Wednesday, Mar 3, 2021]\n\nRoe-Doe Summit Meeting\n\n"
            "On March 1, commencing at 2 p.m. for about 30 minutes, Premier Roe held a summit meeting with "
            "President Doe of Ruritania.")


def test_an_update_stamp_and_a_bracketed_date_are_page_stamps_not_the_meeting():
    found = {str(pd.Timestamp(m.year, m.month, m.day).date()): m.role
             for m in D.dates_in_text(BULLETIN) if m.kind == "full"}
    assert found == {"2021-03-08": "header", "2021-03-03": "header"}
    decision = D.explain_date(rec(BULLETIN))
    assert str(decision.date.date()) == "2021-03-01"
    assert decision.rule == "text_day_month:year_page_date"


def test_only_a_date_that_fills_its_brackets_is_a_stamp():
    text = "Premier Roe met President Doe on [Tuesday, March 2, 2021] in the capital, the office said."
    found = [m for m in D.dates_in_text(text) if m.kind == "full"]
    assert found and found[0].role == "header"  # the date fills the brackets: a stamp, whatever the sentence
    text2 = "Premier Roe met President Doe on Tuesday, March 2, 2021 [in the capital], the office said."
    found2 = [m for m in D.dates_in_text(text2) if m.kind == "full"]
    assert found2 and found2[0].role == "event"


# ----------------------------------------------------------------------------- digest_item_stamp

DIGEST = ("State Weekly\n\nMonday, March 15, 2021\n\n"
          "Press Remarks on the Telephone Talk with President Doe\n\n"
          "Cabinet Office, Thursday, March 11, 2021\n\n"
          "Premier Roe said: \"I have just held a summit meeting over the telephone with President Doe.\"\n\n"
          "Press Remarks on the Flood Relief\n\nCabinet Office, Monday, March 8, 2021\n\n"
          "Premier Roe said: \"Relief will reach every town.\"\n")


def test_a_digest_dates_the_call_by_its_own_item_not_by_the_earliest_item():
    decision = D.explain_date(rec(DIGEST))
    assert str(decision.date.date()) == "2021-03-11"
    assert decision.rule == "page_date:digest_item_stamp"
    assert "March 11, 2021" in decision.evidence


def test_a_page_of_two_stamps_keeps_its_earliest_stamp():
    text = DIGEST.replace("State Weekly\n\nMonday, March 15, 2021\n\n", "State Weekly\n\n")
    decision = D.explain_date(rec(text))
    assert decision.rule == "page_date" and str(decision.date.date()) == "2021-03-08"
