"""Rules and rows added after measuring fresh real pages in other languages (issue 11, third pass).

Every sentence here is invented for these tests; the leaders are unnamed, invented, or named only
as the tables know them (no page of ../shared or of the fresh set is copied here).
"""

from __future__ import annotations

import pytest

from diplo_analysis import gazetteer as gz
from diplo_analysis import language_countries as lco
from diplo_analysis import language_cues as lcu
from _meta import explained as _meta


@pytest.mark.parametrize("text", [
    "Der Präsident kam am Freitag zu seinem Antrittsbesuch nach Wien und wurde empfangen.",
    "Nach dem Vieraugengespräch im Schloss folgte ein Delegationsgespräch.",
    "Die Präsidentin ist in der Hauptstadt mit dem Ministerpräsidenten zusammengetroffen.",
])
def test_german_compounds_of_visit_talk_and_meeting_are_in_person_cues(text):
    found = lcu.pick_medium(lcu.cues_for("de").media, text)
    assert found is not None and found[0] == "in_person"


def test_a_german_phone_talk_compound_stays_a_call():
    found = lcu.pick_medium(lcu.cues_for("de").media, "Das Telefongespräch dauerte eine Stunde.")
    assert found[0] == "phone"


@pytest.mark.parametrize("code, text, want", [
    ("de", "Er sprach mit dem rumänischen Präsidenten.", "ROU"),
    ("de", "Die österreichische Regierung war vertreten.", "AUT"),
    ("fr", "Le président de la République française a appelé.", "FRA"),
    ("fr", "son homologue algérien a reçu l'appel", "DZA"),
    ("hi", "प्रधानमंत्री मोदी ने आज बात की", "IND"),
    ("ar", "أجرى الرئيس السيسي اتصالا هاتفيا", "EGY"),
])
def test_new_rows_name_their_country(code, text, want):
    assert [m.code for m in lco.countries_in(code, text)][:1] == [want]


def test_a_leaders_name_in_another_script_gives_an_open_host_country_before_the_country_it_calls():
    m, why = _meta("", "प्रधानमंत्री नरेंद्र मोदी ने अमेरिका के राष्ट्रपति से फोन पर बात की। दोनों नेताओं ने व्यापार पर चर्चा की।",
                   url="https://www.example-hindi-news.org/item/7")
    assert (m["host_country"], m["counterpart_countries"]) == ("IND", ["USA"])
    assert "names_languages.csv" in why.loc["host_country", "evidence"]  # the leader names or the country names table


def test_a_generic_country_code_domain_names_no_publisher_country():
    assert gz.publisher_country(url="https://noticias-ejemplo.tv/politica/1") is None
    assert gz.publisher_country(url="https://www.gov.tv/news/1") == "TUV"
    assert gz.publisher_country(url="https://noticias-ejemplo.com.ar/1") == "ARG"


def test_a_leader_named_after_the_first_sentence_is_the_counterpart_of_a_known_host():
    m, why = _meta("", "Alrededor de las ocho de la noche, sonó el teléfono del presidente Alberto Fernández. "
                       "Del otro lado de la línea se presentó Donald Trump, quien quería felicitarlo.",
                   url="https://noticias-ejemplo.tv/politica/2", date="2019-11-01")
    assert (m["medium"], m["host_country"], m["counterpart_countries"]) == ("phone", "ARG", ["USA"])
    assert why.loc["counterpart_countries", "rule"] == "language_lead_leader"


@pytest.mark.parametrize("code, text", [
    ("fr", "Le Président de la République a reçu, jeudi soir, un long appel téléphonique du chancelier."),
    ("pt", "O Presidente recebeu na manhã desta terça-feira, 3 de março, telefonema do chanceler."),
])
def test_words_between_received_and_the_call_keep_the_caller_the_other_side(code, text):
    init = lcu.cues_for(code).initiator
    m = init.search.search(text)
    assert m is not None and init.kind_at(text, m.start())[0] == "counterpart"


def test_on_a_page_not_in_english_a_leader_in_latin_letters_in_brackets_is_not_the_host():
    # the mofa.go.jp kind: a Japanese page of a publisher whose country is known names the guest in Latin letters
    m, why = _meta("日米首脳電話会談",
                   "9月20日、内閣総理大臣は、ドナルド・トランプ米国大統領(The Honorable Donald J. Trump, President of the "
                   "United States of America)と電話会談を行ったところ、概要は以下のとおりです。",
                   url="https://www.mofa.go.jp/mofaj/na/example.html", date="2020-09-20")
    assert m["host_country"] == "JPN" and m["counterpart_countries"] == ["USA"]
    assert m["host"] != "Donald Trump"


def test_a_hindi_caller_named_by_his_country_made_the_call():
    m, why = _meta("", "नई दिल्ली: भारत के प्रधानमंत्री ने आज अमेरिका के राष्ट्रपति को फोन किया और बधाई दी। दोनों ने व्यापार पर बात की।",
                   url="https://www.example-hindi-news.org/item/8")
    assert (m["medium"], m["host_country"], m["counterpart_countries"]) == ("phone", "IND", ["USA"])
    assert m["initiator"] == "host" and why.loc["initiator", "rule"] == "language_caller"


def test_a_hindi_call_received_is_not_read_as_made():
    init = lcu.cues_for("hi").initiator
    assert init.caller.search("प्रधानमंत्री को आज राष्ट्रपति का फोन आया।") is None
