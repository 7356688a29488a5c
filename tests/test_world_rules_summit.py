"""Rule ``listed_meetings`` (issue 11, fresh set ``fresh_pages_summit``): pages of several meetings on a summit's
margins, each pinned on invented text (no page of ../shared is copied here)."""

from __future__ import annotations

import pytest

from _meta import explained as meta

URL = "https://www.example.gov.gh/news/summit-1"
DAY = "2019-09-24"


def test_a_list_after_a_leading_adverbial_and_a_collective_object_is_read():
    text = ("President Jan Roe held bilateral meetings with leaders on the margins of the summit in Lisbon today."
            "\n\nOn the sidelines of the summit, President Roe interacted with a number of heads of state, including "
            "Prime Minister Ana Lind of Sweden, President Ivo Kalan of Chile and the Prime Minister of Japan, Ken "
            "Mori.\n\nThey discussed trade.")
    m, why = meta("President holds a series of bilateral meetings at the summit", text, URL, DAY)
    assert (m["medium"], m["host_country"]) == ("in_person", "GHA")
    assert {"SWE", "CHL", "JPN"} <= set(m["counterpart_countries"])
    assert why.loc["counterpart_countries", "rule"] == "listed_meetings"
    assert why.loc["counterpart_countries", "evidence"].startswith("On the sidelines of the summit")


@pytest.mark.parametrize("later, code", [
    ("The president also had a cordial meeting with the Kyrgyz President, Ivo Kalan.", "KGZ"),
    ("Meanwhile, in his meeting with the Somalian president Ivo Kalan, he pledged support.", "SOM"),
    ("Earlier in the afternoon, the president had met President Ivo Kalan of Chile.", "CHL"),
    ("During his stay in the capital, President Roe held a number of bilateral meetings with the Prime Minister of "
     "Norway, Ana Lind.", "NOR"),
])
def test_a_later_meeting_with_a_marker_counts_on_a_page_of_one_meeting(later, code):
    text = ("President Jan Roe met the Prime Minister of Portugal on the sidelines of the summit today. They discussed "
            "fisheries.\n\n" + later)
    m, why = meta("President Roe meets the Portuguese Prime Minister at the summit", text, URL, DAY)
    assert m["counterpart_countries"][0] == "PRT" and code in m["counterpart_countries"]
    assert why.loc["counterpart_countries", "rule"] == "listed_meetings"


def test_a_list_met_separately_counts_every_country():
    text = ("King Jan Roe held talks with President Ida Berg of Germany and other leaders on the sidelines of the "
            "summit.\n\nHe met separately with "
            "President Ivo Kalan of Chile, King Ken Mori of Norway, Emir Ali Sami of Kuwait and Iraq's Prime Minister "
            "Ana Lind.")
    m, why = meta("King holds talks with several leaders at the summit", text, URL, DAY)
    assert m["counterpart_countries"] == ["DEU", "CHL", "NOR", "KWT", "IRQ"]
    assert why.loc["counterpart_countries", "evidence"] == "He met separately with"


@pytest.mark.parametrize("later", [
    # a single meeting's page: an earlier meeting recalled without a marker is no meeting of this page
    "President Roe met President Ivo Kalan of Chile in Santiago in 2015.",
    # another leader's meeting, not the host's
    "Chancellor Ida Berg of Germany also met President Ivo Kalan of Chile.",
])
def test_a_meeting_in_passing_or_another_leaders_meeting_is_not_counted(later):
    text = ("President Jan Roe met the Prime Minister of Portugal on the sidelines of the summit today. They discussed "
            "fisheries. " + later)
    m, _ = meta("President Roe meets the Portuguese Prime Minister at the summit", text, URL, DAY)
    assert m["counterpart_countries"][0] == "PRT" and "CHL" not in m["counterpart_countries"]
