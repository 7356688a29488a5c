"""Rules of the fresh round on pages whose date is hard to find (``tests/labels/fresh_pages_dates.csv``):
``weekday_numeric_date``, ``agency_dateline`` and ``title_credit``, each on invented sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis import dates as D
from diplo_analysis.metadata import title_credit
from diplo_analysis.records import Record
from _meta import explained as meta


def rec(text, title="", url="https://www.example-news.org/item/1"):
    return Record(path="x.jsonl", line=1, title=title, text=text, url=url)


# ----------------------------------------------------------------------------- weekday_numeric_date

@pytest.mark.parametrize("text, want", [
    # day first: 1 August 2017 was a Tuesday, 8 January 2017 a Sunday
    ("Acting President Roe (R) greeting the visiting President Doe at the villa on Tuesday (1/8/17). "
     "The two leaders spoke for ten minutes.", "2017-08-01"),
    # month first: 10 March 2023 was a Friday, 3 October 2023 a Tuesday
    ("Premier Roe met Chancellor Doe in the capital on Friday, 3/10/2023, to discuss the new rail link.",
     "2023-03-10"),
])
def test_a_numeric_date_after_its_weekday_is_read_in_the_order_the_weekday_allows(text, want):
    r = rec(text)
    assert str(D.resolve_date(r)[0].date()) == want
    decision = D.explain_date(r)
    assert decision.rule == "text_full_date" and "weekday_numeric_date" in decision.evidence


def test_a_numeric_date_its_weekday_fits_in_neither_order_is_not_read():
    # 1 August 2017 was a Tuesday and 8 January 2017 a Sunday: "Monday" fits neither
    found = D.dates_in_text("President Roe received the envoy of Doe on Monday (1/8/17) at noon.")
    assert not [m for m in found if m.kind == "full"]
    # both orders on the same day (5/5/21) are one day
    found = D.dates_in_text("The ministers met on Wednesday (5/5/21) in the port city.")
    assert [(m.year, m.month, m.day) for m in found if m.kind == "full"] == [(2021, 5, 5)]


def test_a_weekday_and_numeric_date_alone_on_their_line_are_the_pages_stamp():
    found = D.dates_in_text("Friday, 3/10/2023\n\nThe Premier held talks with the visiting Chancellor yesterday.")
    full = [m for m in found if m.kind == "full"]
    assert [(m.role, m.month, m.day) for m in full] == [("header", 3, 10)]
    r = rec("Friday, 3/10/2023\n\nThe Premier held talks with the visiting Chancellor yesterday.")
    assert str(D.resolve_date(r)[0].date()) == "2023-03-09"


# ----------------------------------------------------------------------------- agency_dateline

@pytest.mark.parametrize("agency", ["(ABC – XYZ)", "(Rnews)", "(KNA)", "(Fooagency)"])
def test_a_day_first_dateline_of_any_agency_is_the_event_not_a_later_day(agency):
    text = (f"12 March 2019, 10:15\n\nPORTVILLE, 12 March {agency} - The foreign ministers of Ruritania and "
            "Elbonia are holding talks after the summit. The summit itself was agreed at a meeting in the capital "
            "on 3 February.")
    r = rec(text)
    assert str(D.resolve_date(r)[0].date()) == "2019-03-12"
    assert "(dateline)" in D.explain_date(r).evidence


def test_words_in_brackets_after_a_day_are_no_agency():
    found = D.dates_in_text("Leaders met in the capital, on 12 March (local time) to sign the accord.")
    assert [m.role for m in found if m.kind == "day_month"] == ["event"]
    found = D.dates_in_text("PORTVILLE, 12 March (local time) the leaders met.")
    assert [m.role for m in found if m.kind == "day_month"] == ["ignored"]


# ----------------------------------------------------------------------------- title_credit

@pytest.mark.parametrize("title, want", [
    ("Vladimir Putin, Ruritanian leader talk by phone: Kremlin", (": Kremlin", "RUS")),
    ("Two leaders discuss the canal: the White House", (": the White House", "USA")),
    ("PM call with President Roe: 18 September 2019", None),
    ("Readout: the Kremlin and the canal", None),
    ("Leaders speak by phone", None),
])
def test_a_title_that_ends_by_crediting_an_office_names_its_country(title, want):
    assert title_credit(title) == want


def test_a_relayed_readout_credited_in_its_title_is_that_offices_countrys():
    title = "Vladimir Putin, Elbonian President talk by phone: Kremlin"
    text = ("The Elbonian President and Vladimir Putin held a telephone conversation on Tuesday, 3 May 2016, "
            "and discussed grain exports and the river treaty, the Kremlin's press office told reporters.")
    m, why = meta(title, text)
    assert m["host_country"] == "RUS" and m["host"] == "Vladimir Putin"
    assert why.loc["host_country", "rule"] == "title_credit"
    assert why.loc["host_country", "evidence"] == ": Kremlin"
    # the same page without the credit: the first sentence's subject
    m, why = meta(title.split(":")[0], text)
    assert why.loc["host_country", "rule"] != "title_credit"
    assert pd.notna(m["date"])
