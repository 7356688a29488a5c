"""Rules of the eighth session's round on African governments' readouts (``tests/labels/fresh_pages_africa.csv``),
each on invented text (no page of the fresh set is copied here)."""

from __future__ import annotations

import pandas as pd

from _meta import explained as meta
from diplo_analysis.dates import explain_date
from diplo_analysis.records import Record


def _date(text, url="https://www.example-news.org/item/7"):
    return explain_date(Record(path="x.jsonl", line=1, title="", text=text, url=url, date=None,
                               publisher="example-news.org"))


# ---- dates
def test_a_slash_between_day_and_year_is_a_full_date():
    found = _date("Lusaka October 4/2021 (ZNA) The President held a telephone conversation with the Prime Minister "
                  "of Japan on vaccines.")
    assert found.date == pd.Timestamp("2021-10-04")
    # two days joined by a slash are no year
    assert _date("The ministers met in Accra on May 5/6 to review the accord.").date != pd.Timestamp("2006-05-05")


def test_a_stamp_opening_the_text_moves_back_to_the_weekday_of_its_lead():
    text = ("Sunday, March 12, 2023 – The Foreign Minister congratulated his Portuguese counterpart.\n\n"
            "In a telephone conversation on Friday, the two ministers reviewed their trade accord.")
    found = _date(text)
    assert (found.date, found.rule) == (pd.Timestamp("2023-03-10"), "text_full_date+dateline_weekday")
    assert "Friday" in found.evidence


def test_a_stamp_whose_lead_says_its_own_weekday_or_none_stays_its_day():
    assert _date("Friday, March 10, 2023 – The ministers spoke by telephone on Friday about trade.").date \
        == pd.Timestamp("2023-03-10")
    found = _date("Sunday, March 12, 2023 – The ministers spoke by telephone about trade.")
    assert (found.date, found.rule) == (pd.Timestamp("2023-03-12"), "text_full_date")
    # a full date inside a sentence is the day it names, not a stamp
    found = _date("The ministers met on Sunday, March 12, 2023, after speaking by phone on Friday.")
    assert found.rule != "text_full_date+dateline_weekday"


# ---- the other side's own office credited by name
def test_a_relay_crediting_the_counterparts_own_office_by_name_is_that_sides_readout():
    m, why = meta("", "US Secretary of State Antony Blinken congratulated Prime Cabinet Secretary Musalia Mudavadi "
                      "on his appointment. In a telephone call, the two reviewed regional security, reads a statement "
                      "from Mudavadi's office.", date="2023-11-10")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Musalia Mudavadi", "KEN", ["USA"])
    assert why.loc["host", "rule"] == "credited_person_office"
    assert "Mudavadi's office" in why.loc["host", "evidence"]


def test_a_credit_to_the_subjects_own_office_changes_nothing():
    m, why = meta("", "US Secretary of State Antony Blinken congratulated Prime Cabinet Secretary Musalia Mudavadi "
                      "on his appointment. In a telephone call, the two reviewed regional security, reads a statement "
                      "from Blinken's office.", date="2023-11-10")
    assert (m["host_country"], m["counterpart_countries"]) == ("USA", ["KEN"])
    assert why.loc["host", "rule"] != "credited_person_office"


# ---- an organisation's head named by office only
def test_an_organisations_head_named_by_office_hosts_for_the_organisation():
    m, why = meta("", "The Chairperson of the African Union Commission, H.E. @auc_chair, met with H.E. Ali Hassan, "
                      "the Qatari Ambassador to Ethiopia, to discuss peace initiatives.", date="2023-06-01")
    assert (m["host_country"], m["counterpart_countries"]) == ("AU", ["QAT"])
    assert m["host"] == "Moussa Faki Mahamat"  # the holder of the office on the day
    assert why.loc["host_country", "rule"] == "org_office_subject"
    m, _ = meta("", "AU Commission Chairperson received the Ambassador of Japan to discuss trade.")
    assert (m["host_country"], m["counterpart_countries"]) == ("AU", ["JPN"])


def test_a_countrys_or_a_companys_head_by_office_is_no_organisation():
    m, why = meta("", "The President of the Republic of Ghana met the Ambassador of Japan to discuss trade.")
    assert m["host_country"] == "GHA" and why.loc["host_country", "rule"] != "org_office_subject"
    m, why = meta("", "The Chairman of the Board of Directors met the Ambassador of Japan to discuss trade.")
    assert m["host_country"] is None and why.loc["host_country", "rule"] != "org_office_subject"


# ---- a media label before a headline's colon
def test_a_media_label_before_the_headline_is_not_its_subject():
    text = "The President paid a brief visit to the President of the Federal Republic of Nigeria in Abuja."
    m, _ = meta("", "PHOTOS: President Akufo-Addo visits President Buhari\n\n" + text, date="2017-09-12")
    assert (m["medium"], m["host_country"], m["counterpart_countries"]) == ("in_person", "GHA", ["NGA"])
    m2, _ = meta("", "President Akufo-Addo visits President Buhari\n\n" + text, date="2017-09-12")
    assert (m["medium"], m["counterpart_countries"]) == (m2["medium"], m2["counterpart_countries"])
    # a colon after other words stays in the headline
    m3, _ = meta("", "Accra: President Akufo-Addo visits President Buhari\n\n" + text, date="2017-09-12")
    assert m3["host_country"] == "GHA"


# ---- table rows
def test_the_sahrawi_republic_and_its_president_are_known():
    m, _ = meta("", "President Cyril Ramaphosa hosted the president of the Sahrawi Arab Democratic Republic, "
                    "Brahim Ghali, at the Union Buildings in Pretoria.", date="2022-10-18")
    assert (m["medium"], m["host_country"], m["counterpart_countries"]) == ("in_person", "ZAF", ["ESH"])


# ---- a ceremony of credentials whose envoys the next sentence lists
def test_envoys_listed_after_a_credentials_ceremony_are_the_counterparts():
    text = ("President Julius Maada Bio has received letters of credence from four envoys to the Republic of Sierra "
            "Leone at a ceremony.\n\nThey include the Ambassador of Japan, the Apostolic Nuncio, the High "
            "Commissioner of Ghana and the Ambassador of Brazil.\n\nHe welcomed them.")
    m, why = meta("", text, url="https://www.example-gov.sl/news/1", date="2021-05-03")
    assert (m["medium"], m["host_country"]) == ("in_person", "SLE")
    assert m["counterpart_countries"] == ["JPN", "VAT", "GHA", "BRA"]
    assert why.loc["counterpart_countries", "rule"] == "credentials_list"


def test_a_credentials_ceremony_without_a_list_is_not_read_as_one():
    text = ("President Julius Maada Bio has received letters of credence from four envoys.\n\n"
            "He spoke of trade with Japan and Brazil.")
    m, why = meta("", text, url="https://www.example-gov.sl/news/2", date="2021-05-03")
    assert why.loc["counterpart_countries", "rule"] != "credentials_list"
    assert why.loc["medium", "rule"] != "credentials_list"
