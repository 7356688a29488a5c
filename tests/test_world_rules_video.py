"""Video calls, virtual summits and media named in unusual ways (fresh_pages_video), on invented text.

Each test pins a row of ``cues.csv`` or a general rule added for a kind of miss seen on the tuned half of
``tests/labels/fresh_pages_video.csv`` or met on the way to it; no page text is copied here.
"""

from __future__ import annotations

import pytest

from diplo_analysis.dates import url_date
from diplo_analysis.metadata import slug_title
from _meta import explained


#: The invented pages' address (an unknown site) and day.
URL, DAY = "https://example.org/readout-1", "2021-03-03"


@pytest.mark.parametrize("phrase", [
    "held talks via an encrypted video channel with",
    "held a video conversation with",
    "held video consultations with",
    "held a video session with",
    "held video summits with",
    "held a screen-to-screen meeting with",
    "held a cloud meeting with",
    "held a remote meeting with",
    "held talks remotely with",
    "spoke online with",
    "held an online session with",
    "held a Zoom call with",
    "spoke via Skype with",
])
def test_a_video_call_named_in_an_unusual_way_is_video(phrase):
    m, why = explained("", f"Prime Minister Jan Roe {phrase} President Ana Ruiz of Peru on Monday.", URL, DAY)
    assert m["medium"] == "video"
    assert why.loc["medium", "rule"] == "text_cue"
    assert m["counterpart_countries"] == ["PER"]


@pytest.mark.parametrize("phrase", ["held a tele-conversation with", "had a teleconversation with"])
def test_a_tele_conversation_is_a_phone_call(phrase):
    m, why = explained("", f"Prime Minister Jan Roe {phrase} President Ana Ruiz of Peru on Monday.", URL, DAY)
    assert m["medium"] == "phone" and why.loc["medium", "rule"] == "text_cue"


@pytest.mark.parametrize("text, medium", [
    # a video clip, message or address is no video call; a summit about digital matters is a summit
    ("President Ana Ruiz of Peru sent a video message to the forum of Prime Minister Jan Roe.", "other"),
    ("Prime Minister Jan Roe met President Ana Ruiz of Peru at the digital summit in the capital.", "in_person"),
    ("Prime Minister Jan Roe discussed online disinformation with President Ana Ruiz of Peru in the capital.",
     "in_person"),
])
def test_video_and_online_alone_are_not_a_call(text, medium):
    m, _ = explained("", text, URL, DAY)
    assert m["medium"] == medium


@pytest.mark.parametrize("url, title", [
    ("https://www.example-herald.ca/news/world_news/article_692ad020-c941-576c-aaa0-0ed02f4b73c7.html", ""),
    ("https://example.org/story/a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6", ""),
    ("https://example.org/story/5f3e9a0c1b7d-leaders-hold-a-video-call", "Leaders Hold a Video Call"),
    ("https://example.org/news/g20-leaders-hold-a-video-call-2021", "G20 Leaders Hold a Video Call"),
])
def test_a_hexadecimal_id_is_no_word_of_a_stand_in_title(url, title):
    """Rule slug_hex_id: "article_<uuid>" gave "Article AD020 C941 C", read as the cue "article" (other)."""
    assert slug_title(url) == title


def test_a_page_whose_address_is_an_id_takes_its_medium_from_the_text():
    url = "https://www.example-herald.ca/news/world_news/article_692ad020-c941-576c-aaa0-0ed02f4b73c7.html"
    m, why = explained("", "Prime Minister Jan Roe speaks during the virtual summit of the leaders of Peru and Chile.",
                       url, DAY)
    assert m["medium"] == "video" and why.loc["medium", "rule"] == "text_cue"


@pytest.mark.parametrize("url, expected", [
    ("https://www.example-sur.net/news/Leaders-Meet-in-Minsk-20221219-0014.html", "2022-12-19"),
    ("https://example.org/en/press/prime_minister_meeting_20200526.html", "2020-05-26"),
    ("https://example.org/en/press/leaders-talk-20200526/", "2020-05-26"),
])
def test_a_slug_word_of_eight_digits_is_the_urls_day(url, expected):
    got = url_date(url)
    assert got is not None and str(got.date.date()) == expected and got.source == "url"


@pytest.mark.parametrize("url", [
    "https://example.org/en/press/leaders-meet-20221319-0014.html",  # month 13: no day
    "https://example.org/en/press/item-2022121912345.html",  # a longer number: an id
    "https://example.org/en/press/20221219abc-leaders.html",  # digits run into letters
])
def test_eight_digits_that_are_no_day_or_part_of_an_id_are_not_read(url):
    got = url_date(url)
    assert got is None or got.precision != "day"
