"""Who asked for the call: a battery of invented sentences, one kind of phrasing per group (issue 11).

Each kind was seen in real readouts of governments and the agencies that relay them (collected with the
search tool's stored web pages, none of them a measured page of ``tests/labels`` or ``../shared``); the
sentences here are invented, with real country names and invented or real leaders' names, in several
house styles: the title and first sentence, an office instead of a name, the initiator in the second
sentence, the receiving side's readout and the calling side's. The last group names phrasings that do NOT
say who initiated the call: their expected initiator is None (a wrong initiator is worse than none).
"""

from __future__ import annotations

import pytest

from diplo_analysis.metadata import explain_metadata, extract_metadata
from diplo_analysis.records import Record

UK = ("https://www.gov.uk/government/news/pm-call-with-president-kalan-of-moldova-3-may-2024", "2024-05-03")
INDIA = ("https://www.pmindia.gov.in/en/news_updates/pm-speaks-with-leader/", "2021-06-10")
KREMLIN = ("http://en.kremlin.ru/events/president/news/99901", "2019-03-05")
IRELAND = ("https://www.gov.ie/en/news/taoiseach-call/", "2024-05-06")
MEA_TITLE = "Telephone conversation between PM and the President of Moldova"
IE_TITLE = "Taoiseach speaks with the President of Moldova"
RELAY = ("https://relay.example.com/2022/05/03/story", "2022-05-03")


def meta(title, text, where):
    url, date = where
    rec = Record(path="x.jsonl", line=1, title=title, text=text, url=url, date=date, publisher=None)
    return extract_metadata(rec), explain_metadata(rec).set_index("fact")


# (kind, title, text, where, expected initiator)
SAID = [
    # receiving a call, one or several
    ("received_call", "", "Prime Minister Narendra Modi received a telephone call today from President Ivo Kalan of "
     "Moldova. The leaders discussed trade.", INDIA, "counterpart"),
    ("received_call", "PM call with President Kalan of Moldova: 3 May 2024", "The Prime Minister received a call "
     "from the President of Moldova this afternoon.", UK, "counterpart"),
    ("received_call_dated", "", "President Abdel Fattah El-Sisi of Egypt received a phone call on Friday 16/8/2024 "
     "from President Jan Roe of Ireland to discuss the region.", ("https://relay.example.com/2024/08/16/story",
                                                                   "2024-08-16"), "counterpart"),
    ("received_calls", "", "Prime Minister Narendra Modi today received telephone calls from President Ivo Kalan of "
     "Moldova and Prime Minister Jan Roe of Ireland, who congratulated him on the election.", INDIA, "counterpart"),
    ("received_calls", "Congratulatory telephone calls to the Prime Minister", "The Prime Minister received congratulatory calls from the leaders of Japan and Italy on "
     "Sunday.", INDIA, "counterpart"),
    ("call_received_from", "", "Emir Sheikh Tamim bin Hamad Al Thani of Qatar held talks today with the King of "
     "Morocco. The talks took place during a phone call received by the Emir from the King.", RELAY, "counterpart"),
    # the caller named after 'by', or a call 'made by'
    ("call_made_by", "", "Prime Minister Narendra Modi and President Ivo Kalan of Moldova discussed trade on the "
     "phone. The conversation took place in a telephone call made by President Kalan of Moldova.", INDIA,
     "counterpart"),
    ("call_made_by", "", "The telephone conversation between Vladimir Putin and the President of Finland was "
     "initiated by the Finnish side.", KREMLIN, "counterpart"),
    # X called / called up / phoned / telephoned Y, and 'his counterpart'
    ("called_up", MEA_TITLE, "President Jan Roe of Ireland called up Prime Minister Narendra Modi on Friday to congratulate "
     "him.", INDIA, "counterpart"),
    ("called_up", MEA_TITLE, "Prime Minister Narendra Modi called up President Ivo Kalan of Moldova and thanked him for the "
     "support.", INDIA, "host"),
    ("called_counterpart", "", "President Vladimir Putin telephoned his French counterpart Emmanuel Macron on "
     "Tuesday.", KREMLIN, "host"),
    ("called_counterpart", "", "Taoiseach Jan Roe phoned his Moldovan counterpart on Monday to discuss energy.",
     IRELAND, "host"),
    ("called_to", "PM call with President Kalan of Moldova: 3 May 2024", "The Prime Minister spoke to President "
     "Ivo Kalan of Moldova this afternoon. President Kalan called to congratulate the Prime Minister on the "
     "agreement.", UK, "counterpart"),
    ("telephoned", "", "Prime Minister Narendra Modi on Wednesday telephoned President Ivo Kalan of Moldova and "
     "congratulated him.", INDIA, "host"),
    ("telephoned_title", "Prime Minister Modi telephones President Sandu of Moldova", "Prime Minister Narendra Modi "
     "spoke with President Maia Sandu of Moldova about trade and energy.", INDIA, "host"),
    ("made_call", MEA_TITLE, "President Ivo Kalan of Moldova made a congratulatory phone call to Prime Minister Narendra "
     "Modi.", INDIA, "counterpart"),
    ("places_call_title", "President Maia Sandu of Moldova places call to Prime Minister Modi", "The two leaders spoke "
     "about trade.", INDIA, "counterpart"),
    # took the other side's call; returned a call
    ("took_call", MEA_TITLE, "Prime Minister Narendra Modi took President Ivo Kalan's call at his residence on Sunday.",
     INDIA, "counterpart"),
    ("took_call", "", "Prime Minister Narendra Modi took a call from President Ivo Kalan of Moldova on Sunday.",
     INDIA, "counterpart"),
    ("returned_call", MEA_TITLE, "Prime Minister Narendra Modi returned the call of President Ivo Kalan of Moldova on "
     "Monday.", INDIA, "host"),
    ("returned_call", MEA_TITLE, "President Ivo Kalan of Moldova returned the Prime Minister's call on Monday; Prime "
     "Minister Narendra Modi thanked him.", INDIA, "counterpart"),
    # at / on the initiative or request of a side, said in several ways
    ("initiative_of", "", "Vladimir Putin had a telephone conversation with the American President, Jan "
     "Roe. The conversation was held at the initiative of the US side.", KREMLIN, "counterpart"),
    ("side_initiative", "", "Vladimir Putin had a telephone conversation with French President Jan Roe "
     "on the French side's initiative.", KREMLIN, "counterpart"),
    ("adjective_initiative", "", "Vladimir Putin and President of Finland Jan Roe talked over the phone at Finnish "
     "initiative.", KREMLIN, "counterpart"),
    ("adjective_initiative", "", "President Vladimir Putin and President Jan Roe of the United States will be "
     "joined on the phone tonight; the call was at US request, the Kremlin said. They discussed arms control.",
     KREMLIN, "counterpart"),
    ("request_of", MEA_TITLE, "Prime Minister Narendra Modi held a telephonic conversation on the request of President "
     "Ivo Kalan of Moldova.", INDIA, "counterpart"),
    ("request_possessive", "", "Prime Minister Narendra Modi spoke on the phone with President Ivo Kalan of Moldova. "
     "The call happened at Kalan's request.", INDIA, "counterpart"),
    ("following_request", "", "Following a request from the Moldovan side, Prime Minister Narendra Modi held a "
     "telephone conversation with President Ivo Kalan.", INDIA, "counterpart"),
    ("upon_request", "", "The phone call between Prime Minister Narendra Modi and President Ivo Kalan of Moldova "
     "was held upon the request of the Moldovan side.", INDIA, "counterpart"),
    # a side that initiated or requested the call, as the subject
    ("side_initiated", "", "Vladimir Putin had a telephone conversation with President of Finland Jan Roe. The "
     "Finnish side initiated the call.", KREMLIN, "counterpart"),
    ("initiator_of", "", "Vladimir Putin had a telephone conversation with President of Finland Jan Roe. The "
     "initiator of the conversation was the Finnish side.", KREMLIN, "counterpart"),
    ("was_initiator", "", "Vladimir Putin had a telephone conversation with President of Finland Jan Roe. The "
     "Russian side was the initiator of the conversation.", KREMLIN, "host"),
    ("requested_call", "", "Vladimir Putin had a telephone conversation with French President Jan Roe. "
     "The French side had requested the call.", KREMLIN, "counterpart"),
    ("who_requested", "PM call with President Kalan of Moldova: 3 May 2024", "The Prime Minister spoke to "
     "President Ivo Kalan of Moldova, who had requested the call.", UK, "counterpart"),
    ("reached_out", IE_TITLE, "Taoiseach Jan Roe reached out by phone to President Ivo Kalan of Moldova on Monday.",
     IRELAND, "host"),
    # congratulating in a call
    ("congratulated_in_call", MEA_TITLE, "President Ivo Kalan of Moldova congratulated Prime Minister Narendra Modi in a "
     "telephone call on Sunday.", INDIA, "counterpart"),
    # other languages with cue rows
    ("uk_initiative", "", "Президент України Володимир Зеленський провів телефонну розмову з Президентом Франції "
     "Еммануелем Макроном. Розмова відбулася за ініціативи французької сторони.",
     ("https://www.president.gov.ua/news/rozmova-2021", "2021-03-03"), "counterpart"),
    ("ru_initiative", "", "Владимир Путин провёл телефонный разговор с Президентом Франции Эммануэлем Макроном. "
     "Разговор состоялся по инициативе французской стороны.", KREMLIN, "counterpart"),
    # fresh_pages_init: a side's call 'to' the other, named by a surname in the sentence after a call
    ("surname_call_to", "", "Prime Minister Narendra Modi spoke by phone with President Ivo Kalan of Moldova. Modi's "
     "telephone call to Kalan was the first contact between the two leaders this year.", INDIA, "host"),
    ("name_call_to", "", "Taoiseach Jan Roe spoke by phone with President Ivo Kalan of Moldova. President Kalan's call "
     "to the Taoiseach followed the floods in his country.", IRELAND, "counterpart"),
    ("in_response_to_call", "", "Prime Minister Narendra Modi spoke with President Ivo Kalan of Moldova in response to "
     "a phone call from the President of Moldova.", INDIA, "counterpart"),
    # 'It was initiated by ...' right after the sentence that reports the call
    ("it_was_initiated", "", "Vladimir Putin had a telephone conversation with the President of Finland. It was "
     "initiated by the Finnish side.", KREMLIN, "counterpart"),
    ("it_was_requested", "", "Prime Minister Narendra Modi held a telephone conversation today with President Ivo "
     "Kalan. It was requested by the Prime Minister of India.", INDIA, "host"),
    # sentences printed without a space: the caller's sentence is the last one before the verb
    ("run_on_sentences", "", "Prime Minister Narendra Modi spoke on the phone with President Ivo Kalan of Moldova on "
     "Thursday.The call lasted 20 minutes from 6:50 p.m.President Kalan called Modi from his plane.", INDIA,
     "counterpart"),
    # a headline's 'X calls Y'; an office holder the tables do not know, on his country's outlet
    ("headline_calls", "PM calls Moldovan counterpart", "ISLAMABAD: The Prime Minister spoke to the Prime Minister "
     "of Moldova by telephone on Wednesday.", ("https://www.thenews.com.pk/print/1-pm-calls", "2019-10-02"), "host"),
    ("unknown_office_holder_called", "", "ISLAMABAD: Prime Minister Ahmed Roe on Wednesday called President of "
     "Moldova Ivo Kalan to congratulate him on his victory.", ("https://www.thenews.com.pk/latest/1-pm-phones",
                                                             "2018-06-27"), "host"),
]

NOT_SAID = [
    ("held_conversation", "", "Prime Minister Narendra Modi had a telephone conversation today with President Ivo "
     "Kalan of Moldova. The two leaders exchanged views on trade.", INDIA),
    ("exchanged_views", "PM call with President Kalan of Moldova: 3 May 2024", "The Prime Minister spoke to "
     "President Ivo Kalan of Moldova this afternoon. They agreed to speak again soon.", UK),
    ("initiative_policy", "", "Prime Minister Narendra Modi spoke on the phone with President Ivo Kalan of Moldova. "
     "During the call, the Prime Minister welcomed the initiative of Moldova to host a conference on grain.", INDIA),
    ("initiative_policy", "", "Vladimir Putin had a telephone conversation with French President Jan Roe. "
     "In the conversation they discussed the French initiative on food security.", KREMLIN),
    ("invited_to_visit", "", "Prime Minister Narendra Modi spoke on the phone with President Ivo Kalan of Moldova "
     "and invited him to visit India at his convenience.", INDIA),
    ("called_for", "", "Taoiseach Jan Roe spoke by phone with President Ivo Kalan of Moldova and called for a "
     "ceasefire in the region.", IRELAND),
    ("called_on", "", "In a call with President Ivo Kalan of Moldova, Taoiseach Jan Roe called on the international "
     "community to help.", IRELAND),
    ("thanked_for_call", "", "Prime Minister Narendra Modi spoke on the phone with President Ivo Kalan of Moldova "
     "and thanked him for the call.", INDIA),
    ("request_elsewhere", "", "Prime Minister Narendra Modi spoke on the phone with President Ivo Kalan of Moldova. "
     "They discussed trade. Aid was sent at the request of the Moldovan side.", INDIA),
    ("requested_other", "", "Taoiseach Jan Roe spoke by phone with President Ivo Kalan of Moldova. The President "
     "requested a call for restraint from all parties in the conversation.", IRELAND),
    ("spoke_then_congratulated", "", "Prime Minister Narendra Modi spoke on the phone with President Ivo Kalan of "
     "Moldova, who took the opportunity to congratulate India on its elections.", INDIA),
    ("capitalised_request", "", "Taoiseach Jan Roe spoke by phone with President Ivo Kalan of Moldova. On Friday the "
     "leaders discussed on the phone the Moldovan request for aid.", IRELAND),
    ("returned_from_talks", IE_TITLE, "Taoiseach Jan Roe, who returned from peace talks in Geneva, spoke by phone with "
     "President Ivo Kalan of Moldova.", IRELAND),
    ("earlier_call_made_by", "", "Prime Minister Narendra Modi spoke on the phone with President Ivo Kalan of "
     "Moldova. They recalled the previous call made by the President of Moldova in March.", INDIA),
    # 'spoke with X to congratulate him' is read as not saying who called (the corpus labels read it so)
    ("spoke_to_congratulate", MEA_TITLE, "President Ivo Kalan of Moldova spoke to Prime Minister Narendra Modi today to "
     "congratulate him on his election victory.", INDIA),
    ("spoke_to_congratulate", IE_TITLE, "Taoiseach Jan Roe spoke with President Ivo Kalan of Moldova by phone to offer "
     "his condolences after the floods.", IRELAND),
    ("agreed_to_call", "", "Prime Minister Narendra Modi spoke on the phone with President Ivo Kalan of Moldova. "
     "The leaders agreed that their ministers would contact each other by phone next week.", INDIA),
    # fresh_pages_init: 'It was initiated by' after a sentence about something else; a call that is an appeal
    ("it_was_initiated_other", "", "Prime Minister Narendra Modi spoke on the phone with President Ivo Kalan of "
     "Moldova. The leaders discussed a new grain corridor. It was initiated by the Moldovan side.", INDIA),
    ("response_to_appeal", "", "Prime Minister Narendra Modi spoke on the phone with President Ivo Kalan of Moldova. "
     "In response to a call from the UN for a ceasefire, both leaders urged restraint.", INDIA),
    ("thanked_for_call", "", "Taoiseach Jan Roe spoke by phone with President Ivo Kalan of Moldova. Kalan thanked "
     "Taoiseach Roe for the call.", IRELAND),
    ("call_to_serve", "", "Taoiseach Jan Roe spoke by phone with President Ivo Kalan of Moldova to thank him for "
     "answering Ireland's call to lead the relief mission.", IRELAND),
    # a third country's call, and an earlier call, decide nothing about this one
    ("third_party_call_to", "", "Prime Minister Narendra Modi spoke on the phone with President Ivo Kalan of "
     "Moldova. They discussed President Macron's call to President Putin last week.", INDIA),
    ("third_party_request", "", "Taoiseach Jan Roe spoke by phone with President Ivo Kalan of Moldova. The "
     "leaders welcomed the telephone talks held at the request of President Macron on the grain corridor.", IRELAND),
    ("it_was_initiated_earlier", "", "Prime Minister Narendra Modi spoke on the phone with President Ivo Kalan of "
     "Moldova. They recalled their telephone conversation in March. It was initiated by the Moldovan side.", INDIA),
]


@pytest.mark.parametrize("kind, title, text, where, side", SAID, ids=[f"{c[0]}-{i}" for i, c in enumerate(SAID)])
def test_a_phrasing_that_says_who_initiated_the_call(kind, title, text, where, side):
    m, why = meta(title, text, where)
    assert m["medium"] in ("phone", "video"), (kind, m["medium"])
    assert m["initiator"] == side, (kind, m["initiator"], why.loc["initiator", "rule"])
    assert why.loc["initiator", "rule"] not in ("no_initiator_cue", "language_cues") or m["language"] != "en"


@pytest.mark.parametrize("kind, title, text, where", NOT_SAID, ids=[f"{c[0]}-{i}" for i, c in enumerate(NOT_SAID)])
def test_a_phrasing_that_does_not_say_who_initiated_the_call(kind, title, text, where):
    m, why = meta(title, text, where)
    assert m["medium"] in ("phone", "video"), (kind, m["medium"])
    assert m["initiator"] is None, (kind, m["initiator"], why.loc["initiator", "rule"],
                                    why.loc["initiator", "evidence"])
