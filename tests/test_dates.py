"""Tests for diplo_analysis.dates: each rule with invented texts, then the labelled corpus check.

Every fixture text below is invented for the test in the style of the genre;
none is taken from the corpus.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from diplo_analysis import dates as D
from diplo_analysis.dates import (
    candidate_years,
    dates_in_text,
    explain_date,
    mfa_id_date,
    resolve_date,
    tenure_windows,
    url_date,
)
from diplo_analysis.records import Record

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "labels" / "dates_china_pages.csv"


def rec(text="", title=None, url=None, date=None, **meta):
    return Record(path="fixture.txt", line=1, text=text, title=title, url=url, date=date, meta=meta)


def day(s):
    return pd.Timestamp(s)


# ----------------------------------------------------------------------------- text patterns

@pytest.mark.parametrize(
    "text, expected",
    [
        ("On the morning of April 12, 2017, President Xi Jinping held talks with a visiting king.", "2017-04-12"),
        ("Monday, March 3, 2014 - The two foreign ministers spoke by phone.", "2014-03-03"),
        ("On 2021-09-10, the two presidents held a phone call.", "2021-09-10"),
        ("The premier met the visiting chancellor on 10 September 2021 in the capital.", "2021-09-10"),
        ("On September17, 2020, the state councilor spoke on the phone with his colleague.", "2020-09-17"),
        ("The leaders held talks over phone on April 17,2015, discussing trade.", "2015-04-17"),
        ("The president meets the prime minister in the capital, Oct. 9, 2013. (Xinhua/Photographer)\n"
         "The two sides agreed to deepen ties.", "2013-10-09"),
    ],
)
def test_full_dates_in_text_are_read(text, expected):
    ts, inferred = resolve_date(rec(text))
    assert ts == day(expected)
    assert inferred is False


def test_title_is_searched_first():
    r = rec("The two leaders discussed trade and climate.", title="Leaders talk on May 5, 2019 about trade")
    assert resolve_date(r) == (day("2019-05-05"), False)


@pytest.mark.parametrize(
    "text, kwargs, expected, inferred",
    [
        # day-month + explicit sidecar year: not inferred
        ("President Xi spoke with the president of a friendly nation on the evening of 25 February.",
         {"year": 2022}, "2022-02-25", False),
        # dateline + URL year
        ("BEIJING, July 8 (Xinhua) -- The two presidents held a phone conversation on Wednesday.",
         {"url": "http://news.example.cn/2020-07/08/c_1.htm"}, "2020-07-08", True),
        # "local time" + published date of the page
        ("On November 29 local time, the president met his counterpart in a European capital.",
         {"published": "2015-11-30"}, "2015-11-29", True),
        # "on 16 April" + URL year
        ("The minister spoke with his counterpart on the phone on 16 April.",
         {"url": "https://www.example.gov.cn/eng/202004/t20200417_123.html"}, "2020-04-16", True),
        # ordinal day
        ("On August 30th, the president had a telephone conversation with a Caribbean leader.",
         {"url": "https://en.example.gov.cn/art/2021/8/31/art_1.html"}, "2021-08-30", True),
        # abbreviated month
        ("The premier held a phone call with the commission president on Dec 1.",
         {"published": "2019-12-01"}, "2019-12-01", True),
    ],
)
def test_day_month_takes_its_year_from_the_page(text, kwargs, expected, inferred):
    url = kwargs.pop("url", None)
    ts, inf = resolve_date(rec(text, url=url, **kwargs))
    assert ts == day(expected)
    assert inf is inferred


def test_day_month_year_reaches_back_across_new_year():
    r = rec("On December 30, the two leaders spoke by phone.", url="http://x.example.cn/2021-01/02/c_9.htm")
    assert resolve_date(r) == (day("2020-12-30"), True)


def test_dates_in_text_roles():
    text = ("Updated: 2013-09-06 15:47\n"
            "BEIJING, Sept. 5 (Xinhua) -- The president met the visiting prime minister on Thursday. "
            "A forum is scheduled from Dec 3 to Dec 7.")
    ms = dates_in_text(text)
    roles = [(m.kind, m.role) for m in ms]
    assert ("full", "header") in roles
    assert ("day_month", "dateline") in roles
    assert ("weekday", "event") in roles
    # "from Dec 3 to Dec 7" is not introduced by on/of or a dateline
    assert [m.role for m in ms if m.kind == "day_month" and m.month == 12] == ["ignored", "ignored"]
    assert [m.start for m in ms] == sorted(m.start for m in ms)


# ----------------------------------------------------------------------------- URLs

@pytest.mark.parametrize(
    "url, expected, precision",
    [
        ("http://a.example.cn/2021-09/10/content_1.htm", "2021-09-10", "day"),
        ("http://a.example.cn/news/20210910/1234.html", "2021-09-10", "day"),
        ("https://a.example.com/2021/09/10/readout/", "2021-09-10", "day"),
        ("https://a.example.gov.cn/eng/zxxx/202109/t20210910_1.html", "2021-09-10", "day"),
        ("http://a.example.cn/cndy/x/content_20210910.htm", "2021-09-10", "day"),
        ("http://a.example.cn/n3/2021/0910/c90000-1.html", "2021-09-10", "day"),
        ("http://a.example.cn/2014/11-14/1.shtml", "2014-11-14", "day"),
        ("http://a.example.cn/a/202109/10/WS1.html", "2021-09-10", "day"),
        ("https://www.shine.cn/news/nation/2109101234/", "2021-09-10", "day"),
        ("https://a.example.cn/page/202109/1.shtml", "2021-09-01", "month"),
        ("https://www.gov.example.br/noticias/2023/08/presidente-conversa-por-telefone", "2023-08-01", "month"),
        ("http://a.example.com/html/Policy/2016/191708.shtml", "2016-01-01", "year"),
        ("https://a.example.com/en/news/abc2024081300816/leaders-talk.html", "2024-08-13", "day"),
        ("https://www.gov.example.ie/en/press-release/20240506-call-with-the-president/", "2024-05-06", "day"),
    ],
)
def test_url_date_forms(url, expected, precision):
    got = url_date(url)
    assert got is not None and got.date == day(expected) and got.precision == precision


def test_a_stamp_with_the_month_between_slashes_is_the_page_date():
    # "Friday 12/September/2025 22:19 PM" over a readout: the stamp dates it (a call "this evening")
    r = rec("Region Friday 12/September/2025 22:19 PM\nThe monarch received a telephone call this evening from "
            "a visiting envoy.")
    ts, _ = resolve_date(r)
    assert ts == day("2025-09-12")
    assert "2025-09-12" in str(explain_date(r).date)


@pytest.mark.parametrize("stamp, expected", [
    ("18-06-2020", "2020-06-18"),  # hyphens, the day above 12: read
    ("06/18/2020", "2020-06-18"),
    ("06-05-2024", None),  # either order: not read (a site does not keep its country's order)
])
def test_a_numeric_stamp_with_hyphens_or_slashes_is_read_where_its_order_is_certain(stamp, expected):
    r = rec(f"News | {stamp}\nThe monarch received a telephone call this evening from a visiting envoy.")
    ts, _ = resolve_date(r)
    assert (None if pd.isna(ts) else str(ts.date())) == expected


@pytest.mark.parametrize("field", ["2024", "2024-05", "May 2024"])
def test_a_date_field_that_names_no_day_gives_the_year_of_the_texts_day(field):
    """A field "2024" was read as 1 January 2024, a day no one wrote: now its year serves the text's day and
    month (rule year_meta), and without one the date is empty, saying why."""
    r = rec("On May 6, the Prime Minister held a telephone conversation with the President.", date=field)
    d = explain_date(r)
    assert str(d.date.date()) == "2024-05-06" and d.rule == "text_day_month:year_meta" and not d.inferred
    assert field in d.evidence
    d = explain_date(rec("The Prime Minister held a telephone conversation with the President.", date=field))
    assert pd.isna(d.date) and d.rule == "no_date" and "names no day" in d.evidence
    assert resolve_date(rec("On May 6, they spoke.", date="2024-05-07"))[0] == day("2024-05-07")  # a day: read


def test_url_date_absent_or_invalid():
    assert url_date(None) is None
    assert url_date("https://a.example.cn/news/3d3d514d/index.html") is None
    # an article id of letters and digits that hold no valid day is no date
    assert url_date("https://a.example.com/en/news/abc2024139900816/leaders-talk.html") is None
    assert url_date("http://a.example.cn/2021-13/45/x.htm") is None  # month 13 is no date


def test_url_gives_the_day_when_the_text_has_none_and_says_inferred():
    r = rec("The two leaders exchanged views on bilateral ties.", url="https://x.example.com/2021/09/10/readout/")
    assert resolve_date(r) == (day("2021-09-10"), True)


def test_mfa_page_id_calibration():
    ids, _ = D._mfa_anchors()
    lo, hi = ids[0], ids[-1]
    mid = (lo + hi) // 2
    url = f"http://xx.china-embassy.org/eng/zgyw/t{mid}.htm"
    est = mfa_id_date(url)
    first = mfa_id_date(f"http://xx.china-embassy.org/eng/zgyw/t{lo}.htm")
    last = mfa_id_date(f"http://xx.china-embassy.org/eng/zgyw/t{hi}.htm")
    assert first < est < last
    assert mfa_id_date(f"http://xx.china-embassy.org/eng/t{lo - 1000}.htm") is None  # outside the calibration
    assert mfa_id_date(f"http://news.example.com/t{mid}.htm") is None  # not a ministry site


def test_mfa_page_id_gives_the_year_of_a_day_month():
    # an id between two anchors of early 2020 (see data/dates_mfa_ids.csv)
    ids, days = D._mfa_anchors()
    k = next(i for i, d in enumerate(days) if pd.Timestamp.fromordinal(int(d)).year == 2020)
    url = f"http://xx.chineseembassy.org/eng/zgyw/t{ids[k] - 5000}.htm"
    est = mfa_id_date(url)
    r = rec("President Xi spoke with the emir on the phone on the evening of 11 June.", url=url)
    ts, inferred = resolve_date(r)
    assert inferred is True
    assert ts.month == 6 and ts.day == 11 and abs((ts - est).days) <= 200
    # without the id nothing gives the year
    assert pd.isna(resolve_date(rec(r.text))[0])


# ----------------------------------------------------------------------------- order of evidence

def test_date_field_beats_text():
    r = rec("On March 3, 2014, the two ministers spoke.", date="2021-01-05")
    assert resolve_date(r) == (day("2021-01-05"), False)


def test_date_field_with_time_zone_keeps_the_local_day():
    assert resolve_date(rec("x", date="2021-01-21 17:12:47-05:00"))[0] == day("2021-01-21")
    assert resolve_date(rec("x", date="2021-10-24T23:30:00+03:00"))[0] == day("2021-10-24")


def test_numeric_date_field_order_follows_host_country():
    assert resolve_date(rec("x", date="03/04/2021"), host_country="USA")[0] == day("2021-03-04")
    assert resolve_date(rec("x", date="03/04/2021"), host_country="FRA")[0] == day("2021-04-03")


def test_invalid_date_field_falls_through_to_text():
    r = rec("On May 29, 2014, the premier held talks by phone.", date="not a date")
    assert resolve_date(r) == (day("2014-05-29"), False)


@pytest.mark.parametrize("field", ["2021-02-30", " 2021-02-30 ", "1800-01-05", "2021-13-01T10:00"])
def test_impossible_iso_date_field_falls_through_to_metadata_every_time(field):
    """The cached fast path for ISO fields gives way, on every call, when the day is impossible."""
    for _ in range(2):  # the second call is answered from the cache
        r = rec("On May 29, 2014, the premier held talks by phone.", date=field)
        assert resolve_date(r) == (day("2014-05-29"), False)
        r.meta["date"] = "2014-06-01"
        assert resolve_date(r) == (day("2014-06-01"), False)


def test_iso_date_field_fast_path_matches_the_general_rule():
    for field in ["2021-03-04", " 2021-3-4 ", "2021-03-04T23:30:00+03:00", "2021-03-04 10:00"]:
        first = resolve_date(rec("x", date=field))
        again = resolve_date(rec("x", date=field))
        assert first == again == (day("2021-03-04"), False)
        assert D._parse_field(field) == day("2021-03-04")


def test_meta_date_beats_text():
    r = rec("On March 3, 2014, the two ministers spoke.", date=None)
    r.meta["date"] = "2014-03-04"
    assert resolve_date(r) == (day("2014-03-04"), False)


def test_text_full_date_beats_url_and_published():
    r = rec("On the afternoon of October 9, 2013, the premier met the secretary.",
            url="http://x.example.cn/2014/08/23/content_1.htm", published="2014-08-23")
    assert resolve_date(r) == (day("2013-10-09"), False)


def test_sidecar_year_beats_url_year():
    r = rec("The president spoke on the phone on the evening of 16 April.",
            url="http://x.example.cn/2021-04/17/c_1.htm", year=2020)
    assert resolve_date(r) == (day("2020-04-16"), False)


def test_published_month_gives_the_year():
    r = rec("On 9 March, the president held a phone call with his counterpart.", published="2018-03")
    assert resolve_date(r) == (day("2018-03-09"), True)


def test_shipped_sample_uses_the_sidecar_year(sample_path):
    meta = json.loads(sample_path.with_suffix(".meta.json").read_text(encoding="utf-8"))
    text = sample_path.read_text(encoding="utf-8")
    r = Record(path=str(sample_path), line=1, text=text, title=None, url=None, date=None,
               publisher=meta.get("publisher"), meta={k: v for k, v in meta.items() if k != "publisher"})
    assert resolve_date(r) == (day("2020-04-16"), False)
    # without the sidecar year the page gives no year: NaT, not a guess
    r.meta.pop("year")
    assert pd.isna(resolve_date(r)[0])


# ----------------------------------------------------------------------------- weekdays and relative days

def test_dateline_then_earlier_weekday():
    text = "BEIJING, July 5 (Xinhua) -- The two foreign ministers held a phone conversation on Saturday."
    r = rec(text, url="http://x.example.cn/n3/2020/0705/c1.html")
    assert resolve_date(r) == (day("2020-07-04"), True)  # 5 July 2020 was a Sunday


def test_dateline_same_weekday_keeps_the_day():
    text = "BEIJING, July 4 (Xinhua) -- The two ministers held a phone conversation on Saturday."
    r = rec(text, url="http://x.example.cn/n3/2020/0705/c1.html")
    assert resolve_date(r)[0] == day("2020-07-04")


def test_weekday_alone_counts_back_from_the_page_date():
    r = rec("The president held a phone call with the prime minister on Friday.",
            url="http://x.example.cn/2021-09/11/c_1.htm")  # a Saturday
    assert resolve_date(r) == (day("2021-09-10"), True)


def test_weekday_of_the_meeting_beats_weekday_of_arrival():
    text = ("Updated: 2019-03-04 09:00\n"
            "The vice president arrived in the capital on Friday for an official visit. "
            "He met the prime minister on Saturday and discussed trade.")
    assert resolve_date(rec(text))[0] == day("2019-03-02")


def test_weekday_without_page_date_is_nat():
    ts, inferred = resolve_date(rec("The two leaders spoke by phone on Friday."))
    assert pd.isna(ts) and inferred is False


@pytest.mark.parametrize("stamp,weekday,want", [
    ("05-10-2021", "Tuesday", "2021-10-05"),   # 5 Oct 2021 a Tuesday; 10 May 2021 a Monday
    ("03/04/2022", "Saturday", "2022-04-02"),  # published the day after: Sunday 3 Apr; 4 Mar 2022 a Friday
    ("03/04/2022", "Sunday", "2022-04-03"),    # 3 Apr 2022 a Sunday; 4 Mar 2022 a Friday
    ("03/04/2022", "Thursday", "2022-03-03"),  # 4 Mar 2022 the day after a Thursday
])
def test_a_weekday_reads_a_stamp_whose_order_cannot_be_told(stamp, weekday, want):
    text = (f"Leaders hold first phone talks\n{stamp}\n"
            f"The prime minister held phone talks with the president on {weekday} and they agreed to meet.")
    r = rec(text)
    assert resolve_date(r) == (day(want), True)
    assert explain_date(r).rule == "text_weekday:ambiguous_stamp"


@pytest.mark.parametrize("stamp,weekday", [
    ("02-03-2021", "Tuesday"),  # 2 Mar 2021 a Tuesday, 3 Feb 2021 a Wednesday: both fit (the day, the day after)
    ("05-10-2021", "Friday"),   # neither reading is a Friday or a Saturday
    ("05.10.2021", "Friday"),   # dots: day first, a stamp that reads one way (and decides by the page date)
])
def test_an_ambiguous_stamp_decides_only_with_one_reading_fitting(stamp, weekday):
    text = (f"Leaders hold first phone talks\n{stamp}\n"
            f"The prime minister held phone talks with the president on {weekday} and they agreed to meet.")
    assert explain_date(rec(text)).rule != "text_weekday:ambiguous_stamp"


@pytest.mark.parametrize("text, url, want", [
    # "nesta segunda-feira (6)": the day of the month in brackets, read with the month of the address
    ("O Presidente conversou por telefone, nesta segunda-feira (6), com o Presidente da Ruritânia.",
     "https://www.gov.example.br/noticias/2025/10/presidente-conversa-por-telefone", "2025-10-06"),
    ("O Presidente conversou por telefone, nesta terça-feira (14), com o Primeiro-Ministro da Ruritânia.",
     "https://www.gov.example.br/noticias/2023/03/presidente-conversa", "2023-03-14"),
])
def test_a_weekday_with_its_day_in_brackets_takes_the_month_of_the_address(text, url, want):
    r = Record(path="x.jsonl", line=1, text=text, title=None, url=url, date=None)
    got = D.resolve_date(r, language="pt")
    assert got == (day(want), True)
    assert explain_date(r, language="pt").rule == "text_weekday:day_in_brackets"


def test_a_day_in_brackets_that_is_not_that_weekday_decides_nothing():
    r = Record(path="x.jsonl", line=1, text="O Presidente conversou por telefone, nesta segunda-feira (7), com o "
               "Presidente da Ruritânia.", title=None, url="https://www.gov.example.br/noticias/2025/10/conversa",
               date=None)  # 7 October 2025 was a Tuesday
    assert explain_date(r, language="pt").rule == "text_weekday:no_page_date"


def test_an_english_page_keeps_its_stamp_in_its_sites_language():
    text = ("Readout of phone call between the Secretary General and the President\n"
            "Text: ministry / nato | 2017. február 6. 19:00\n"
            "The Secretary General had a phone conversation with the President on Sunday evening.")
    r = Record(path="x.jsonl", line=1, text=text, title=None, url="https://www.example-ministry.hu/hirek/readout",
               date=None)
    assert resolve_date(r) == (day("2017-02-05"), True)  # the Sunday before Monday 6 February
    assert "a stamp in the text" in explain_date(r).evidence
    # on a generic domain the Hungarian month is not read: no page date, no day
    r = Record(path="x.jsonl", line=1, text=text, title=None, url="https://www.example.com/readout", date=None)
    assert pd.isna(resolve_date(r)[0])


def test_yesterday_and_today():
    r = rec("May 9, 2018\nThe president yesterday spoke by phone with his counterpart.")
    assert resolve_date(r) == (day("2018-05-08"), True)
    r = rec("The president spoke today with the prime minister.", url="https://x.example.com/2021/06/04/readout/")
    assert resolve_date(r) == (day("2021-06-04"), True)


# ----------------------------------------------------------------------------- tenure and weekday inference

def test_tenure_intersection_pins_the_year():
    text = "On 12 April, Premier Li Keqiang held a video call with Chancellor Scholz of Germany."
    # Li Keqiang (to 2023-03) and Scholz (from 2021-12): only 12 April 2022 fits
    assert resolve_date(rec(text)) == (day("2022-04-12"), True)
    windows = tenure_windows(text)
    assert windows and windows[0][0] == day("2021-12-08") and windows[-1][1] == day("2023-03-11")


def test_tenure_alone_with_several_years_is_nat():
    text = "On 3 May, Vice President Wang Qishan met a visiting delegation."  # 2018..2022 all fit
    assert pd.isna(resolve_date(rec(text))[0])


def test_weekday_pins_the_year_inside_a_tenure():
    text = "On Monday, April 12, President Biden spoke with the prime minister."
    assert resolve_date(rec(text)) == (day("2021-04-12"), True)
    # without the weekday, 2021..2024 all fit: NaT
    assert pd.isna(resolve_date(rec("On April 12, President Biden spoke with the prime minister."))[0])


def test_host_is_used_for_the_tenure():
    text = "On Wednesday, April 12, Premier Li held a phone call with Prime Minister Mark Rutte."
    # Rutte (2010-10 to 2024-07) and a Wednesday 12 April: 2017 and 2023; with host Li Qiang only 2023
    assert resolve_date(rec(text), host="Li Qiang") == (day("2023-04-12"), True)
    assert pd.isna(resolve_date(rec(text))[0])  # "Premier Li" alone names no one in the table


def test_other_year_in_text_gives_the_year():
    text = ("The president spoke with the prime minister on the evening of 16 April. "
            "They reviewed trade in the first quarter of 2020.")
    assert resolve_date(rec(text)) == (day("2020-04-16"), True)


@pytest.mark.parametrize("target", ["by late 2015", "by early 2015", "by mid-2015", "by the end of 2015"])
def test_a_year_the_text_sets_as_a_target_is_not_the_year_of_the_meeting(target):
    text = (f"The prime minister met the president on October 17. They aim to double trade {target}.")
    assert pd.isna(resolve_date(rec(text))[0])


@pytest.mark.parametrize("summit, when, want", [
    ("the 43rd ASEAN Summit and Related Summits in Jakarta", "September 6", "2023-09-06"),
    ("the 10th Asia-Europe Meeting (ASEM) Summit in Milan", "October 17", "2014-10-17"),
    ("the 15th BRICS Summit in Johannesburg", "August 23", "2023-08-23"),
    ("the 18th G20 Summit in New Delhi", "September 9", "2023-09-09"),
])
def test_a_numbered_summit_gives_the_year_of_a_day_and_month(summit, when, want):
    text = f"On the sidelines of {summit}, the prime minister met the president on {when}."
    r = rec(text)
    assert resolve_date(r) == (day(want), True)
    assert "Summit" in explain_date(r).evidence or "Meeting" in explain_date(r).evidence


def test_an_unknown_summit_number_gives_no_year():
    assert pd.isna(resolve_date(rec("At the 99th ASEAN Summit, the prime minister met the president on "
                                    "September 6."))[0])


def test_a_bad_summit_row_is_an_error_naming_the_line(tmp_path, monkeypatch):
    from importlib import resources

    bad = tmp_path / "diplo_analysis" / "data"
    bad.mkdir(parents=True)
    (bad / "dates_summits.csv").write_text("series,number,year,place\nAPEC,1,1993,Seattle\n", encoding="utf-8")
    monkeypatch.setattr(resources, "files", lambda pkg: tmp_path / "diplo_analysis")
    D._summits.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"dates_summits.csv:2: series 'APEC'"):
            D._summits()
    finally:
        monkeypatch.undo()
        D._summits.cache_clear()


def test_candidate_years_rules():
    assert candidate_years(2, 29, weekday=None)[:3] == [1992, 1996, 2000]
    wins = [(day("2021-01-20"), day("2025-01-20"))]
    assert candidate_years(4, 12, wins) == [2021, 2022, 2023, 2024]
    assert candidate_years(4, 12, wins, weekday=0) == [2021]
    assert candidate_years(4, 12, wins, text_years=[2023, 1999]) == [2023]


# ----------------------------------------------------------------------------- traps

def test_other_dates_mentioned_later_are_not_the_call():
    text = ("On the evening of 16 April, President Xi spoke with the president on the phone. "
            "He recalled the 2008 Olympics and the treaty of 2001, and said they would meet on 3 June.")
    # two other years, no page date: the year cannot be told -> NaT, not 2008 nor 2001
    assert pd.isna(resolve_date(rec(text))[0])
    assert resolve_date(rec(text, year=2020)) == (day("2020-04-16"), False)
    later_full = ("On May 29, 2014, the premier held talks by phone. He recalled the state visit "
                  "of September 3, 2013.")
    assert resolve_date(rec(later_full))[0] == day("2014-05-29")


def test_caption_of_something_else_is_skipped():
    text = ("Pupils attend a class at a school in a northern province, Aug. 22, 2021. (Photo by A. Writer/Xinhua)\n"
            "BEIJING, Aug. 25 (Xinhua) -- The president said Wednesday that the two countries should cooperate.")
    r = rec(text, url="http://x.example.cn/n3/2021/0826/c9.html")
    assert resolve_date(r)[0] == day("2021-08-25")


def test_file_photo_is_skipped():
    text = ("File photo: the president meets the visiting leader in the capital, Aug. 19, 2014. "
            "(Xinhua/A. Photographer)\nBEIJING, March 31 -- The two presidents spoke by phone on Tuesday.")
    r = rec(text, url="http://x.example.cn/n/2015/0401/c1.html")
    assert resolve_date(r)[0] == day("2015-03-31")
    # without a page date the caption is not ruled out by its age: only the file marker skips it
    assert pd.isna(resolve_date(rec(text))[0])


def test_header_stamp_is_not_the_call():
    text = "Updated: 2013-09-06 15:47\nThe president met the chancellor on Friday on the sidelines of the summit."
    ms = dates_in_text(text)
    assert ms[0].role == "header"
    assert resolve_date(rec(text)) == (day("2013-09-06"), True)  # the Friday on or before the stamp
    text2 = "Updated: 2013-09-09 15:47\nThe president met the chancellor on Friday on the sidelines of the summit."
    assert resolve_date(rec(text2))[0] == day("2013-09-06")


def test_future_day_month_is_not_the_call():
    text = ("The president spoke with the prime minister about the summit to be held on February 23. "
            "On February 12, the advisers also spoke.")
    r = rec(text, url="https://x.example.com/2021/02/17/statement/")
    assert resolve_date(r)[0] == day("2021-02-12")


# ----------------------------------------------------------------------------- nothing and garbage

def test_nat_when_nothing_allows_a_year():
    ts, inferred = resolve_date(rec("The president spoke on the phone on the evening of 16 April."))
    assert pd.isna(ts) and inferred is False
    ts, inferred = resolve_date(rec("The two leaders spoke."))
    assert pd.isna(ts) and inferred is False


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": ""},
        {"text": None},
        {"text": 12345},
        {"text": "On February 30, 2021, nothing happened. On 31 April they met. 2021-02-30 9999-99-99"},
        {"text": "\x00\ufffd On the evening of 99 Maytember", "url": "http://%%%/t99999999999.htm"},
        {"text": "x", "date": "32/13/2020"},
        {"text": "x", "date": 12345},
        {"text": "x", "date": "0001-01-01"},
        {"text": "On 5 May the talks took place.", "year": "abc"},
        {"text": "On 5 May the talks took place.", "published": "2020-13"},
        {"text": "On 5 May the talks took place.", "published": 20200505},
    ],
)
def test_no_crash_on_garbage(kwargs):
    text = kwargs.pop("text")
    url = kwargs.pop("url", None)
    date = kwargs.pop("date", None)
    r = Record(path="g", line=1, text=text, url=url, date=date, meta=kwargs)
    ts, inferred = resolve_date(r)
    assert (pd.isna(ts) or isinstance(ts, pd.Timestamp)) and isinstance(inferred, bool)


def test_invalid_calendar_dates_are_not_read():
    ts, _ = resolve_date(rec("On February 30, 2021, the ministers spoke."))
    assert pd.isna(ts)


def test_not_a_record_is_a_clear_error():
    with pytest.raises(TypeError, match="Record"):
        resolve_date("On May 5, 2019")


# ----------------------------------------------------------------------------- corpus

@pytest.mark.corpus
def test_labelled_china_pages(shared_corpus):
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import eval_dates
    finally:
        sys.path.pop(0)
    df = eval_dates.evaluate(shared_corpus)
    assert len(df) == 267
    stated = df[df.text_states.isin(["full", "no_year"])]
    assert stated.right.mean() >= 0.90, stated[~stated.right][["line", "date", "pred", "note"]]
    assert df[df.text_states == "full"].right.mean() >= 0.90
    # a full date stated in the text is read, not inferred
    full_ok = df[(df.text_states == "full") & df.right]
    assert not full_ok.inferred.any()
    # where the page does not allow the date, the result is NaT or marked inferred (never read silently)
    unsure = df[df.page_allows != "date"]
    assert (unsure.pred.isna() | unsure.inferred).all()
    # where the page does not even give a publication day, NaT
    no_page_day = unsure[unsure.note.str.contains("no date on page|only day of month")]
    assert len(no_page_day) >= 3 and no_page_day.pred.isna().all()


@pytest.mark.corpus
@pytest.mark.parametrize("rel", ["whitehouse_readouts_2021_2025/whitehouse_readouts.jsonl",
                                 "kremlin_en_2021_2022/kremlin_en_2021_2022.jsonl",
                                 "kremlin_en_news_1999_2020/kremlin_en_news.jsonl"])
def test_date_fields_are_used_as_is(shared_corpus, rel):
    path = shared_corpus / rel
    n = 0
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if i % 7:  # a spot check: every 7th record
                continue
            obj = json.loads(line)
            r = Record(path=str(path), line=i, text=obj.pop("text") or "", title=obj.pop("title", None),
                       url=obj.pop("url", None), date=obj.pop("date"), publisher=obj.pop("publisher", None), meta=obj)
            ts, inferred = resolve_date(r)
            assert ts == pd.Timestamp(r.date[:10]) and inferred is False, (i, r.date, ts)
            n += 1
    assert n > 50


def test_labels_hold_no_corpus_text():
    with open(LABELS, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 267
    assert set(rows[0]) == {"line", "url", "date", "text_states", "page_allows", "note"}
    assert all(len(r["note"]) <= 100 for r in rows)
    assert {r["text_states"] for r in rows} == {"full", "no_year", "none"}


@pytest.mark.parametrize("text, want", [
    # Ishiba held the office from 1 Oct 2024 to 21 Oct 2025: only 15 November 2024 fits
    ("On November 15, President Xi Jinping met with Japanese Prime Minister Shigeru Ishiba in Lima.", "2024-11-15"),
    ("On November 15, President Xi Jinping met with former Prime Minister Shigeru Ishiba in Lima.", None),
    ("On November 15, President Xi Jinping met with Shigeru Ishiba in Lima.", None),  # no title: no term
])
def test_leaders_named_with_their_title_narrow_the_year(text, want):
    got, inferred = resolve_date(rec(text))
    assert (None if pd.isna(got) else got.strftime("%Y-%m-%d")) == want
    assert inferred is (want is not None)


def test_leader_windows_reads_the_title_before_the_name():
    spans = D.leader_windows("Japanese Prime Minister Shigeru Ishiba met Vice President Xi Jinping.")
    assert spans == [[(day("2024-10-01"), day("2025-10-21"))]]  # not Xi: "Vice President" is not his office here


# ----------------------------------------------------------------------------- explain_date: each rule names itself

_CN_SAT = "http://x.example.cn/2021-09/11/c_1.htm"  # Saturday 11 September 2021


@pytest.mark.parametrize(
    "kwargs, want, rule, words",
    [
        (dict(text="x", date="2021-09-10T12:00:00"), ("2021-09-10", False), "date_field", "'2021-09-10T12:00:00'"),
        (dict(text="x", datetime="2020-05-04"), ("2020-05-04", False), "meta_date", "meta['datetime'] '2020-05-04'"),
        (dict(text="On the morning of April 12, 2017, the president held talks with a king."),
         ("2017-04-12", False), "text_full_date", "'April 12, 2017'"),
        (dict(text="On the evening of 16 April, the premier spoke by phone with a president.", year=2020),
         ("2020-04-16", False), "text_day_month:year_meta", "meta['year']"),
        (dict(text="BEIJING, July 8 (Xinhua) -- The two presidents held a phone call.",
              url="http://x.example.cn/2020-07/08/c_1.htm"),
         ("2020-07-08", True), "text_day_month:year_page_date", "'July 8' (dateline); year 2020 from page date "
                                                                "2020-07-08 from the url"),
        (dict(text="BEIJING, July 5 (Xinhua) -- The two foreign ministers held a phone conversation on Saturday.",
              url="http://x.example.cn/n3/2020/0705/c1.html"),
         ("2020-07-04", True), "text_day_month:year_page_date+dateline_weekday", "'Saturday' in the lead"),
        (dict(text="On 12 April, Premier Li Keqiang held a video call with Chancellor Scholz of Germany."),
         ("2022-04-12", True), "text_day_month:year_tenure", "tenure of 'Premier Li Keqiang', 'Scholz'"),
        (dict(text="On November 15, President Xi Jinping met with Japanese Prime Minister Shigeru Ishiba in Lima."),
         ("2024-11-15", True), "text_day_month:year_leader_terms", "'Shigeru Ishiba' (head_of_government)"),
        (dict(text="On 16 April, the two presidents spoke by phone."), (None, False), "text_day_month:no_year",
         "'16 April'"),
        (dict(text="The president held a phone call with the prime minister on Friday.", url=_CN_SAT),
         ("2021-09-10", True), "text_weekday", "'Friday'; page date 2021-09-11 from the url"),
        (dict(text="The two leaders spoke by phone on Friday."), (None, False), "text_weekday:no_page_date", "'Friday'"),
        (dict(text="The president yesterday spoke by phone with his counterpart.", url=_CN_SAT),
         ("2021-09-10", True), "text_relative_day", "'yesterday'"),
        (dict(text="The two sides agreed to deepen ties.", url=_CN_SAT), ("2021-09-11", True), "page_date",
         "page date 2021-09-11 from the url"),
        (dict(text="The two sides agreed to deepen ties."), (None, False), "no_date", "no date"),
    ],
)
def test_explain_date_names_the_rule_and_its_evidence(kwargs, want, rule, words):
    r = rec(**kwargs)
    got = D.explain_date(r)
    assert got.rule == rule
    assert words in got.evidence
    assert (got.date, got.inferred) == resolve_date(r) or (pd.isna(got.date) and pd.isna(resolve_date(r)[0]))
    if want[0] is None:
        assert pd.isna(got.date) and got.inferred is False
    else:
        assert (got.date, got.inferred) == (day(want[0]), want[1])


def test_explain_date_is_a_named_tuple_of_four():
    date, inferred, rule, evidence = D.explain_date(rec("x", date="2021-09-10"))
    assert (date, inferred, rule) == (day("2021-09-10"), False, "date_field")
    with pytest.raises(TypeError, match="expects a Record"):
        D.explain_date("not a record")


def test_docs_list_the_rules_in_their_order():
    doc = (REPO / "docs" / "dates.md").read_text(encoding="utf-8")
    rules = [f.__name__.removeprefix("_rule_") for f in D._RULES] + ["no_date"]
    steps = [f.__name__.removeprefix("_") for f in D._YEAR_STEPS]
    for names in (rules, steps):
        where = [doc.find(f"`{n}`") for n in names]
        assert all(i >= 0 for i in where), [n for n, i in zip(names, where) if i < 0]
        assert where == sorted(where), "docs/dates.md lists the rules out of order"


# ----------------------------------------------------------------------------- the tenure table, validated on load

_LEADERS = pd.DataFrame({
    "name": ["Ana Example", "Ana Example", "Bo Sample"],
    "office": ["head_of_state", "head_of_state", "head_of_government"],
    "start": pd.to_datetime(["2001-01-01", "2011-01-01", "2005-05-05"]),
    "end": pd.to_datetime(["2005-01-01", None, "2006-06-06"]),
})
_HEADER = "pattern,leader,office,start,end,note\n"


def _tenure_rows(text, header=_HEADER):
    import io
    return D._read_tenures(io.StringIO(header + text), "my_tenure.csv", _LEADERS)


def test_tenure_rows_take_the_terms_of_the_leaders_table():
    rows = _tenure_rows("President (?:Ana )?Example\\b,Ana Example,head_of_state,,,two terms\n"
                        "Vice Premier Cee\\b,,vice_premier,2003-03-03,2004-04-04,\n")
    assert [(p, str(a.date()), str(b.date())) for _, p, a, b in rows] == [
        ("President (?:Ana )?Example\\b", "2001-01-01", "2005-01-01"),
        ("President (?:Ana )?Example\\b", "2011-01-01", f"{D.YEAR_MAX}-12-31"),  # open term
        ("Vice Premier Cee\\b", "2003-03-03", "2004-04-04"),
    ]


@pytest.mark.parametrize(
    "text, message",
    [
        ("President (Example,Ana Example,head_of_state,,,\n", "line 2: pattern 'President (Example' does not compile"),
        ("President Example,Ana Example,emperor,,,\n", "line 2: needs a pattern and an office"),
        ("President Example,Ana Example,head_of_government,,,\n",
         "line 2: leaders.csv has no dated term of 'Ana Example' as 'head_of_government'"),
        ("President Example,Ana Example,head_of_state,2001-01-01,,\n", "line 2: 'Ana Example' takes the dates"),
        ("Vice Premier Cee,,vice_premier,,,\n", "line 2: start and end must be YYYY-MM-DD"),
        ("Premier Bo,,vice_premier,2003-03-03,,\nVice Premier Cee,,vice_premier,2004-04-04,2003-03-03,\n",
         "line 3: end 2003-03-03 is before start 2004-04-04"),
    ],
)
def test_tenure_table_errors_name_the_file_and_line(text, message):
    with pytest.raises(ValueError, match="my_tenure.csv, " + message.replace("(", r"\(").replace(")", r"\)")):
        _tenure_rows(text)


def test_tenure_table_missing_column_is_named():
    with pytest.raises(ValueError, match=r"my_tenure.csv: missing columns \['leader'\]"):
        _tenure_rows("x,head_of_state,2001-01-01,,\n", header="pattern,office,start,end,note\n")


def test_shipped_tenure_table_loads_and_keeps_its_dates_in_leaders_csv():
    rows = D._tenures()
    assert len({p for _, p, _, _ in rows}) == 57
    # a row with a leader carries no dates of its own: those of leaders.csv are used (Trump's two terms)
    trump = [(a, b) for _, p, a, b in rows if "Trump" in p]
    assert trump == [(day("2017-01-20"), day("2021-01-20")), (day("2025-01-20"), day(f"{D.YEAR_MAX}-12-31"))]


# ---------------------------------------------------------------- issue 11: dates of other sites (invented)
@pytest.mark.parametrize("url, expected", [
    ("https://www.example.gov/news/pm-call-with-president-roe-9-august-2016", "2016-08-09"),
    ("https://example.in/hi/28th-oct-2023-prime-minister-speaks-with-the-president-575517", "2023-10-28"),
    ("https://example.org/readout-of-leaders-virtual-meeting-19-february-2021", "2021-02-19"),
    ("https://example.org/speeches/Statement-at-the-island-meeting-24th-July-2012", "2012-07-24"),
    ("https://example.org/news/march-3-2020-call-with-the-chancellor", "2020-03-03"),
    ("https://example.go.jp/photo/2002/12/04philippines_e.html", "2002-12-04"),
])
def test_url_dates_written_with_words_and_a_day_opening_the_page_name(url, expected):
    found = url_date(url)
    assert found is not None and found.precision == "day" and str(found.date.date()) == expected


@pytest.mark.parametrize("url", [
    "https://example.org/marches-3-2020", "https://example.org/item/5-mayor-2020",
    "https://example.org/news/31-february-2021",
])
def test_url_words_that_are_no_date(url):
    found = url_date(url)
    assert found is None or found.precision != "day"


@pytest.mark.parametrize("url, expected", [
    ("https://mofa.example.qa/en/news/details/1443/08/13/minister-holds-phone-call", "2022-03-16"),
    ("https://mofa.example.qa/en/news/details/1445/3/24/minister-receives-call", "2023-10-09"),
])
def test_a_hijri_date_in_the_url_is_the_page_date(url, expected):
    found = url_date(url)
    assert found is not None and found.precision == "day" and found.source == "url_hijri"
    assert str(found.date.date()) == expected
    # a day of the text without a year takes its year, "today" its day; the evidence names the calendar
    rec = Record(path="x", line=1, url=url, title="Minister holds phone call",
                 text="Doha - Office - March 16\n\nThe Minister held today a phone call with the envoy of Ruritania.")
    why = D.explain_date(rec)
    assert "Hijri" in why.evidence and str(why.date.date()) == expected


@pytest.mark.parametrize("text, expected", [
    ("首脳会談\n\n2019年6月11日\n\n首相は大統領と会談しました。", "2019-06-11"),
    ("首脳電話会談\n\n平成29年10月23日\n\n首相は大統領と電話で話しました。", "2017-10-23"),  # Heisei 29
    ("首脳会談\n\n令和元年5月1日\n\n首相は大統領と会談しました。", "2019-05-01"),      # Reiwa 1
    ("정상 통화\n\n2022년 3월 10일\n\n대통령은 통화했다.", "2022-03-10"),
])
def test_dates_in_chinese_japanese_and_korean_characters_date_the_page(text, expected):
    rec = Record(path="x", line=1, text=text, title="")
    assert str(resolve_date(rec)[0].date()) == expected
    assert not dates_in_text("平成99年13月40日")  # no such day


def test_a_full_date_to_come_in_an_announcement_is_not_the_pages_date():
    """ "X will meet Y in the capital on Wednesday, 11 May 2022": the release's own stamp dates the page."""
    rec = Record(path="x", line=1, title="President Roe to meet President Doe",
                 text="Press release 27/2022\n9 May 2022\n\nPresident Jan Roe will meet the visiting President Jane "
                      "Doe in the capital on Wednesday, 11 May 2022. The presidents will discuss security.")
    assert str(resolve_date(rec)[0].date()) == "2022-05-09"
    # a day held, not to come, is the event's
    rec = Record(path="x", line=1, title="President Roe met President Doe",
                 text="Press release 27/2022\n12 May 2022\n\nPresident Jan Roe met the visiting President Jane "
                      "Doe in the capital on Wednesday, 11 May 2022. The presidents discussed security.")
    assert str(resolve_date(rec)[0].date()) == "2022-05-11"


@pytest.mark.parametrize("url", [
    "https://example.org/item/1443/13/40/x",  # no such month or day
    "https://example.org/item/1443/08/x",     # no day
])
def test_no_hijri_date_in_numbers_that_are_none(url):
    found = url_date(url)
    assert found is None or found.source != "url_hijri"


@pytest.mark.parametrize("text, expected", [
    ("Minister meets envoy\n\n11/30/2012\n\nThe Minister met the envoy of Ruritania.", "2012-11-30"),
    ("Release Date: 28/06/2019\n\nThe Prime Minister met the envoy.", "2019-06-28"),
    ("Press release 12/2016 | 30.12.2016\n\nThe presidents held a telephone call.", "2016-12-30"),
])
def test_numeric_stamps_whose_order_can_be_told_date_the_page(text, expected):
    rec = Record(path="x", line=1, text=text, title="Minister meets envoy")
    assert str(resolve_date(rec)[0].date()) == expected


def test_a_numeric_date_in_a_range_or_an_ambiguous_one_is_no_stamp():
    rec = Record(path="x", line=1, title="Interview",
                 text="In office: 14/08/2017 - 13/04/2021\nRelease Date: 28/06/2019\nThe interview.")
    assert str(resolve_date(rec)[0].date()) == "2019-06-28"
    ambiguous = Record(path="x", line=1, title="Interview", text="Date: 03/04/2019\nThe interview.")
    assert pd.isna(resolve_date(ambiguous)[0])


def test_yesterday_gives_way_to_the_full_date_that_names_it():
    rec = Record(path="x", line=1, title="", url="https://example.com/stories/1.html",
                 text="President Roe rang yesterday, Thursday 12 May 2022, the newly elected leader Doe.")
    assert str(resolve_date(rec)[0].date()) == "2022-05-12"
    assert D.explain_date(rec).rule == "text_full_date"


def test_an_agency_dateline_with_its_abbreviation_is_a_dateline():
    rec = Record(path="x", line=1, title="", url="https://example-agency.org/2023/03/president-receives-visitor/",
                 text="Capital, March 27, XNA- President Roe on Monday received the visiting Vice President Doe.")
    assert str(resolve_date(rec)[0].date()) == "2023-03-27"


def test_an_abbreviated_month_with_a_dot_before_the_day_and_year():
    assert [(m.year, m.month, m.day) for m in dates_in_text("24 Jan. 2008\n\nStatement on the crash")
            if m.kind == "full"] == [(2008, 1, 24)]


def test_a_date_alone_on_its_line_is_the_page_stamp_not_the_event():
    rec = Record(path="x", line=1, title="PM sends greetings to neighbouring leaders",
                 text="Monday, 25 May 2020\nWORLD\n\nCAPITAL, May 24 -- The Prime Minister today conveyed his "
                      "greetings to the leaders of the neighbouring countries.")
    assert str(resolve_date(rec)[0].date()) == "2020-05-24"


@pytest.mark.parametrize("text", [
    "Posted On: 04 APR 2023 8:15PM by PIB Delhi\n\nThe Prime Minister spoke on phone today with the President.",
    "NEW DELHI, APRIL 4, 2023\n\nThe Minister spoke with his counterpart.",
])
def test_month_names_in_capitals(text):
    assert resolve_date(Record(path="x", line=1, title="Call", text=text))[0] == pd.Timestamp("2023-04-04")


def test_a_day_said_of_something_to_come_is_not_the_call():
    rec = Record(path="x", line=1, title="Prime Minister briefs Secretary of State",
                 url="https://news.example.am/2022/04/05/pm-briefs-secretary/",
                 text="The Prime Minister talked to the Secretary of State by telephone. They also looked ahead "
                      "to the talks to be held in Geneva on April 6.")
    assert resolve_date(rec)[0] == pd.Timestamp("2022-04-05")


def test_a_date_with_a_category_after_a_bar_on_its_line_is_a_stamp():
    rec = Record(path="x", line=1, title="Statement at the island meeting - 24th July 2012",
                 text="Statement at the island meeting - 24th July 2012\n\nWed, 25 July 2012 | Speeches\n\n"
                      "I have the pleasure of welcoming you here.")
    assert resolve_date(rec)[0] == pd.Timestamp("2012-07-24")


# ----------------------------------------------------------------------------- fresh official pages (issue 11)

@pytest.mark.parametrize("title, text, want", [
    # rule short_year: a two-digit year closing the title's parenthesis dates the page
    ("Press release - Phone call between the President and the Queen of Ruritania (9 Mar. 21)",
     "The President spoke by phone with the Queen.", "2021-03-09"),
    ("Talks with the Chancellor of Ruritania (14 Nov 19)", "The minister held talks with the chancellor.",
     "2019-11-14"),
])
def test_a_two_digit_year_after_day_and_month_in_a_title_is_read(title, text, want):
    assert [(m.kind, m.year) for m in dates_in_text(text, title)] == [("full", int(want[:4]))]
    got = D.explain_date(rec(text, title=title))
    assert got.rule == "page_date" and got.date == day(want)


def test_a_two_digit_number_inside_a_sentence_is_no_year():
    assert [m.kind for m in dates_in_text("On 5 March 20 delegates met in the capital.")] == ["day_month"]


@pytest.mark.parametrize("text", [
    "The two leaders spoke by phone about the Belfast/Good Friday Agreement and its institutions.",
    "They talked on the phone about the Holy Thursday procession and about Black Friday sales.",
])
def test_a_weekday_in_a_name_is_no_day(text):
    got = D.explain_date(rec(text, url="https://www.example.gov/news/2019/08/27/call"))
    assert got.rule == "page_date" and got.date == day("2019-08-27")


def test_a_weekday_not_in_a_name_still_counts():
    got = D.explain_date(rec("The two leaders spoke by phone on Friday about a good deal.",
                             url="https://www.example.gov/news/2019/08/27/call"))
    assert got.rule == "text_weekday" and got.date == day("2019-08-23")


@pytest.mark.parametrize("part", ["this evening", "this morning", "this afternoon", "tonight"])
def test_part_of_today_beside_a_call_verb_is_the_page_day(part):
    r = rec(f"The President spoke {part} by phone with the Prime Minister of Ruritania. He welcomed the report "
            "presented to the ministers on December 1.",
            title="Phone call between the President and the Prime Minister (2 Dec. 20)")
    got = D.explain_date(r)
    assert got.date == day("2020-12-02") and part in got.evidence


def test_this_evening_without_a_call_verb_is_no_day():
    assert dates_in_text("The exhibition opens this evening in the old town.") == []


@pytest.mark.parametrize("stamp, want", [
    ("May -11– 2020", "2020-05-11"),
    ("December - 31– 2019", "2019-12-31"),
    ("December-22- 2018", "2018-12-22"),
    ("March - 6 – 2019", "2019-03-06"),
])
def test_a_month_name_then_dashed_day_and_year_is_a_full_date(stamp, want):
    # rule dashed_month_day_year (fresh_pages_mena): a press office's stamp above its release
    r = rec(f"Home> Press Releases\n\n{stamp}\n\nThe Prime Minister received a phone call from the President of "
            f"Ruritania, who congratulated him.\n\nMedia Office\n{stamp}")
    d = explain_date(r)
    assert d.date == day(want)
    assert d.rule in ("text_full_date", "page_date")  # the stamp alone on its line dates the page
    # within a sentence too
    d = explain_date(rec(f"On {stamp} the Prime Minister received a phone call from the President of Ruritania."))
    assert (d.date, d.rule) == (day(want), "text_full_date")
    # a range of months is no full date
    assert explain_date(rec("Between May - June 2020 the two ministers spoke by phone.")).rule != "text_full_date"


# Rule ``future_year`` (fresh_pages_asia): a year said only of the future is no year of the meeting.
@pytest.mark.parametrize("text", [
    "On 3 March the Prime Minister received the new envoy of Ruritania, who hoped the country will chair the "
    "regional bloc well in 2031.",
    "On 3 March the Prime Minister met the visiting minister. The two sides discussed the upcoming 2031 summit.",
    "On 3 March the Prime Minister met the visiting minister; a joint commission is to be held in 2031.",
])
def test_a_year_said_only_of_the_future_does_not_date_a_day_month(text):
    got = D.explain_date(rec(text))
    assert got.rule == "text_day_month:no_year" and pd.isna(got.date)
    assert "years said of the future set aside [2031]" in got.evidence


@pytest.mark.parametrize("text, year", [
    ("On 3 March the Prime Minister met the visiting minister. Trade grew strongly in 2031, they noted.", 2031),
    # the clause that says "will" ends at "and": the past year after it still counts
    ("On 3 March the Prime Minister met the visiting minister. The envoy will serve until 2033 and hosted a "
     "forum in 2031.", 2031),
    # one mention of the year outside a future clause keeps it
    ("On 3 March the Prime Minister met the visiting minister during the Friendship Year 2031. The president "
     "will attend the closing of the Friendship Year 2031.", 2031),
])
def test_a_year_said_of_the_past_or_present_still_dates_a_day_month(text, year):
    got = D.explain_date(rec(text))
    assert got.date == day(f"{year}-03-03") and got.rule == "text_day_month:year_tenure"
    assert "future" not in got.evidence
