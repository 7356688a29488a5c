"""Issue 11's rules from the fresh round on foreign ministries' readouts (fresh_pages_fm), on invented text.

No page of ../shared or of the fresh set is copied here; the real pages are measured by
``benchmarks/eval_world.py --pages ... --labels tests/labels/fresh_pages_fm.csv``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis import gazetteer as gz
from diplo_analysis.dates import explain_date, url_date
from diplo_analysis.records import Record
from _meta import explained as meta


def record(title, text, url, date=None, publisher=None):
    return Record(path="x.jsonl", line=1, title=title, text=text, url=url, date=date, publisher=publisher)


# ---- medium: "X spoke with Y" with the day between, or after a word a meeting and a call share
@pytest.mark.parametrize("said", ["spoke on Sunday evening with", "spoke late Tuesday with", "spoke today with"])
def test_spoke_with_reads_past_the_day_between_the_verb_and_with(said):
    m, why = meta("", f"Foreign Minister Hakan Fidan {said} Chile's Foreign Minister Alberto van Klaveren. "
                      "The two discussed the fisheries agreement and the coming summit.",
                  "https://example-news.org/world/551", "2023-09-10")
    assert m["medium"] == "phone" and m["counterpart_countries"] == ["CHL"]
    assert why.loc["medium", "rule"] == "spoke_with" and why.loc["medium", "evidence"] == said


def test_spoke_on_a_day_to_the_press_is_no_call():
    m, _ = meta("", "Foreign Minister Hakan Fidan spoke on Sunday to reporters in Ankara. He discussed the "
                    "fisheries agreement with Chile's Foreign Minister Alberto van Klaveren.",
                "https://example-news.org/world/552", "2023-09-10")
    assert m["medium"] != "phone"


def test_spoke_to_after_a_subtitles_shared_word_is_a_call():
    text = ("Fidan, van Klaveren discuss fisheries and trade, says Foreign Ministry statement\n\n"
            "ANKARA (AA) - Turkiye's Foreign Minister Hakan Fidan spoke to his Chilean counterpart Alberto van "
            "Klaveren, and thanked him for his support, the Foreign Ministry said on Friday.")
    m, why = meta("Turkish foreign minister greets his Chilean counterpart", text,
                  "https://example-relay.org/news/8841h.htm", "2023-09-15")
    assert m["medium"] == "phone" and m["host_country"] == "TUR" and m["counterpart_countries"] == ["CHL"]
    assert why.loc["medium", "rule"] == "spoke_with"
    # a meeting named between the shared word and "spoke to" keeps the meeting
    text = text.replace("fisheries and trade,", "fisheries at a meeting in Ankara,")
    m, _ = meta("Turkish foreign minister greets his Chilean counterpart", text,
                "https://example-relay.org/news/8842h.htm", "2023-09-15")
    assert m["medium"] == "in_person"


# ---- the head of a page without a title
def test_a_title_case_first_line_over_a_blank_line_is_the_headline():
    from diplo_analysis.metadata import _first_line_headline

    text = ("FM Holds Talks with Chilean Counterpart in Rabat\n\nRabat - Minister of Foreign Affairs, African "
            "Cooperation and Moroccan Expatriates, Nasser Bourita, held talks on Tuesday with the Foreign Minister "
            "of Chile, Alberto van Klaveren.")
    assert _first_line_headline(text) == "FM Holds Talks with Chilean Counterpart in Rabat"
    m, why = meta("", text, "https://example-relay.org/?p=1201", "2023-05-02")
    assert (m["medium"], m["host"], m["host_country"]) == ("in_person", "Nasser Bourita", "MAR")
    assert m["counterpart_countries"] == ["CHL"]
    # a lede in sentence case without its full stop, or a line with no blank line after it, is no headline
    assert _first_line_headline("The minister held talks with his counterpart today\n\nMore text.") == ""
    assert _first_line_headline("FM Holds Talks with Chilean Counterpart\nRabat - The minister met.") == ""


@pytest.mark.parametrize("line, headline", [
    ("Home > News > Asia > Top diplomats of Chile, Peru hold phone talks", "Top diplomats of Chile, Peru hold phone talks"),
    ("World › Top diplomats meet in Lima", "Top diplomats meet in Lima"),
    ("Top diplomats meet in Lima", "Top diplomats meet in Lima")])
def test_a_headline_line_loses_the_sites_trail_of_sections(line, headline):
    from diplo_analysis.metadata import _after_breadcrumb

    assert _after_breadcrumb(line) == headline


def test_a_title_naming_both_sides_countries_takes_the_first_sentences_first_subject():
    text = ("Foreign Minister Chung Eui-yong and his Russian counterpart, Sergey Lavrov, held phone talks Friday to "
            "discuss trade, the foreign ministry said.")
    m, why = meta("Top diplomats of S. Korea, Russia hold phone talks on trade", text,
                  "https://example-news.org/korea/77", "2021-02-12")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Chung Eui-yong", "KOR", ["RUS"])
    assert why.loc["host", "rule"] == "lead_subject_of_both"


# ---- a photo's caption is no lead, its day not the call's
def test_a_photo_caption_is_neither_the_first_sentence_nor_the_day():
    text = ("Foreign Minister Chung Eui-yong speaks by phone with US Secretary of State Antony Blinken on Feb. 12, "
            "2021, in this photo released by his office. (Ministry of Foreign Affairs)\n\n"
            "Foreign Minister Chung Eui-yong on Thursday held phone talks with UN Secretary-General Antonio Guterres "
            "on climate change.")
    url = "http://www.example-herald.com/view.php?ud=20210311000783"
    m, why = meta("", text, url)
    assert (m["medium"], m["host_country"], m["counterpart_countries"]) == ("phone", "KOR", ["UN"])
    assert m["date"] == pd.Timestamp("2021-03-11")
    assert explain_date(record("", text, url)).rule == "text_weekday"


@pytest.mark.parametrize("url, day", [("http://www.example-herald.com/view.php?ud=20210311000783", "2021-03-11"),
                                      ("https://example.org/news?id=20190520123456&lang=en", "2019-05-20"),
                                      ("https://example.org/news?id=2019123456", None)])
def test_a_querys_article_id_of_the_day_and_a_serial_dates_the_page(url, day):
    found = url_date(url)
    assert (found.date.strftime("%Y-%m-%d") if found else None) == day


# ---- "yesterday"
def test_yesterday_opening_a_sentence_counts_back_from_the_page():
    text = ("Yesterday, the Minister of Foreign Affairs of Portugal held a telephone conversation with the Minister "
            "of Foreign Affairs of Chile on trade.")
    rec = record("", text, "https://example-news.org/en/news/2024/06/12/ministers-discuss-trade")
    found = explain_date(rec)
    assert (found.date, found.rule) == (pd.Timestamp("2024-06-11"), "text_relative_day")


def test_yesterday_in_a_datelines_lead_counts_back_from_the_dateline():
    text = ("Rabat, August 21, 2023, The Minister of Foreign Affairs Nasser Bourita discussed trade with his "
            "Chilean counterpart during a phone call held yesterday.")
    found = explain_date(record("", text, "https://example-news.org/bourita-chile"))
    assert (found.date, found.rule) == (pd.Timestamp("2023-08-20"), "text_full_date+dateline_yesterday")
    # a full date inside the story is the day it names
    text = ("The ministers met on August 21, 2023, in Rabat. They had spoken by phone yesterday about the visit.")
    assert explain_date(record("", text, "https://example-news.org/bourita-chile-2")).date == pd.Timestamp("2023-08-21")


# ---- office holders
@pytest.mark.parametrize("name, country, day", [("Chung Eui-yong", "KOR", "2021-06-01"),
                                                ("N.Enkhtaivan", "MNG", "2020-09-01"),
                                                ("D.Tsogtbaatar", "MNG", "2019-03-16")])
def test_foreign_ministers_between_their_predecessors_and_successors_are_known(name, country, day):
    found = gz.find_leaders(f"Foreign Minister {name} received the ambassador.", pd.Timestamp(day))
    assert [(leader.country, leader.office) for _, _, leader in found] == [(country, "foreign_minister")]
    assert gz.office_holder(country, "foreign_minister", pd.Timestamp(day)) is not None


# ---- one side, not two: a known person fills the unnamed side of his country named before him
def test_a_known_person_fills_the_unnamed_side_of_his_country():
    m, _ = meta("Condolences to the President of France",
                "Vladimir Putin sent his condolences to President of France Francois Hollande in connection with the "
                "loss of life in the floods in the south of the country.",
                "http://en.kremlin.ru/events/president/news/99998", "2015-10-05", "en.kremlin.ru")
    assert (m["counterparts"], m["counterpart_countries"]) == (["Francois Hollande"], ["FRA"])
    # the unnamed side of another country stays unnamed
    m, _ = meta("Condolences to the President of France",
                "Vladimir Putin sent his condolences to the President of France and to Federal Chancellor of Germany "
                "Angela Merkel in connection with the loss of life in the floods.",
                "http://en.kremlin.ru/events/president/news/99996", "2015-10-05", "en.kremlin.ru")
    assert (m["counterparts"], m["counterpart_countries"]) == ([None, "Angela Merkel"], ["FRA", "DEU"])
