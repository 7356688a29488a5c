"""Issue 11's rules found on the royal courts' readouts (fresh_pages_royal), each on invented text.

Monarchs named on second mention without their regnal number, audiences and courtesy visits, a host who
thanks the other side for its call, a weekday with its date in brackets, and a span's bound that is no
page stamp. No page text is copied here; ``benchmarks/eval_world.py`` measures the real pages.
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis import gazetteer as gz
from diplo_analysis.dates import dates_in_text
from _meta import explained as meta


# ---- rule regnal_short_form
def test_regnal_short_forms_drop_the_number_unless_another_name_claims_the_rest():
    names = ["King Felipe VI", "Felipe VI", "King Abdullah II", "King Abdullah bin Abdulaziz", "Pope Leo XIV",
             "King Carl XVI Gustaf", "Queen Rania"]
    assert gz.regnal_short_forms(names) == {"King Felipe VI": "King Felipe", "Pope Leo XIV": "Pope Leo"}


def test_the_leaders_table_knows_its_monarchs_by_the_short_form():
    table = gz.leaders_table()
    short = gz.regnal_short_forms(list(table["name"]) + [a for v in table["aliases"] for a in v.split("|")])
    assert short["King Charles III"] == "King Charles" and short["King Mswati III"] == "King Mswati"
    assert "King Abdullah II" not in short  # "King Abdullah bin Abdulaziz" (Saudi Arabia) starts with it


@pytest.mark.parametrize("king, code", [("King Felipe", "ESP"), ("King Charles", "GBR"), ("King Harald", "NOR")])
def test_a_king_named_without_his_number_is_the_host(king, code):
    m, why = meta(f"{king} welcomes the President of Cyprus",
                  f"{king} met this afternoon at the palace with the President of the Republic of Cyprus, Jan Roe, "
                  "on the occasion of his working visit.", "https://royal-news.example.com/item-41", "2023-05-08")
    assert (m["host_country"], m["medium"], m["counterpart_countries"]) == (code, "in_person", ["CYP"])
    assert why.loc["host", "evidence"].startswith("King ")


# ---- rule audience_anchor
@pytest.mark.parametrize("sentence, code", [
    ("His Majesty Sultan Haji Hassanal Bolkiah received in audience His Excellency Jan Roe, Minister for Culture "
     "and Minister-in-Charge of Sports of the Republic of Singapore, at the palace this morning.", "SGP"),
    ("His Majesty Sultan Haji Hassanal Bolkiah granted an audience to the Prime Minister of Portugal at the palace.",
     "PRT"),
    ("His Majesty Sultan Haji Hassanal Bolkiah flew to the capital on Monday to pay a courtesy visit to Malaysia's "
     "new prime minister Anwar Ibrahim.", "MYS"),
])
def test_an_audience_or_a_courtesy_visit_names_its_guest(sentence, code):
    m, _ = meta("", sentence + " They discussed youth exchanges.", "https://palace-news.example.bn/item-7",
                "2023-03-20")
    assert m["medium"] == "in_person" and m["host_country"] == "BRN"
    assert m["counterpart_countries"] == [code]


# ---- rule thanked_for_call (a row of initiator_cues.csv)
@pytest.mark.parametrize("thanks, initiator", [
    ("The Prime Minister thanked the Crown Prince for his call.", "counterpart"),
    ("The Prime Minister expressed his gratitude to the Crown Prince for his kind phone call.", "counterpart"),
    ("The Prime Minister thanked the Crown Prince for the call.", None),  # whose call, the words do not say
    ("The Prime Minister thanked the Crown Prince for his support.", None),
])
def test_thanking_the_other_side_for_its_call_says_who_called(thanks, initiator):
    m, why = meta("", "Prime Minister Imran Khan had a telephone conversation with the Crown Prince of Bahrain on "
                      f"Wednesday. They discussed trade. {thanks}", "https://news.example.pk/latest/55", "2021-04-07")
    assert m["medium"] == "phone" and m["counterpart_countries"] == ["BHR"]
    assert m["initiator"] == initiator
    if initiator:
        assert "for " in why.loc["initiator", "evidence"]


# ---- rule weekday_parenthesis
def test_a_weekday_with_its_date_in_brackets_is_the_days_date():
    found = dates_in_text("The Sultan flew to the capital on Monday (Nov. 28) to meet the new prime minister, "
                          "who had been sworn in last Thursday.")
    day = next(d for d in found if d.kind == "day_month")
    assert (day.month, day.day, day.role, day.weekday) == (11, 28, "event", 0)
    m, _ = meta("", "His Majesty Sultan Haji Hassanal Bolkiah flew to the capital on Monday (Nov. 28) to pay a "
                    "courtesy visit to Malaysia's new prime minister Anwar Ibrahim, who was sworn in last Thursday.",
                "https://news.example.bn/2022/11/28/visit/")
    assert m["date"] == pd.Timestamp("2022-11-28")


# ---- rule span_bound
def test_a_date_that_bounds_a_span_is_no_page_stamp():
    text = ("KUALA LUMPUR, May 11 — The King today received a phone call from the President of Turkey. "
            "A state visit for five days beginning April 19, 2020 had been postponed, and another "
            "until 3 May 2021 as well.")
    found = [d for d in dates_in_text(text) if d.kind == "full"]
    assert found and all(d.role == "ignored" for d in found)
    m, _ = meta("", text, "https://news.example.my/2021/05/11/king-call/1")
    assert m["date"] == pd.Timestamp("2021-05-11")
