"""Medium rules found across every dev half at once (issue 11, ninth session): invented pages only."""

from __future__ import annotations

import pytest

from _meta import explained as meta

URL = "https://news.example.com/item/7"


@pytest.mark.parametrize(("title", "text", "evidence"), [
    ("Chancellor congratulates the President of Chile on his party's win",
     "The Chancellor congratulated President Jan Roe of Chile on Thursday on his party's win. Other leaders had "
     "done so on Monday. The Chancellor waited three days for it. The phone call came late on Wednesday "
     "evening, aides said.", "phone call"),
    ("Premier congratulates President of Chile on his re-election",
     "The Premier congratulated President Jan Roe of Chile on his re-election today. He had called up his "
     "counterpart from the capital in the morning.", "called up"),
])
def test_a_title_of_another_kind_over_a_call_told_a_few_sentences_on_is_a_call(title, text, evidence):
    m, why = meta(title, text, URL, "2021-05-04")
    assert m["medium"] == "phone" and m["counterpart_countries"] == ["CHL"]
    assert why.loc["medium", "rule"] == "title_other_later_call"
    assert why.loc["medium", "evidence"].lower() == evidence


def test_calls_told_after_a_meeting_leave_a_title_of_another_kind_as_it_was():
    m, why = meta("The Prime Minister arrived in Chile on an official visit",
                  "President Jan Roe of Chile met the Prime Minister at the airport. The two drove to the capital "
                  "together. In the evening the Prime Minister told his host about his telephone conversations "
                  "with other leaders.", URL, "2021-05-04")
    assert m["medium"] == "other"
    assert why.loc["medium", "rule"] == "title_cue"


def test_a_title_of_another_kind_without_a_call_stays_other():
    m, why = meta("Premier congratulates President of Chile on his re-election",
                  "The Premier sent a letter to President Jan Roe of Chile and wished him well for his new term.",
                  URL, "2021-05-04")
    assert m["medium"] == "other" and why.loc["medium", "rule"] == "title_cue"
