"""Rules and rows added after measuring a fresh round of real readouts not in English (fresh_pages_lang3).

Every sentence here is invented for these tests; the leaders are unnamed, invented, or named only
as the tables know them (no page of ../shared or of the fresh set is copied here).
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis import gazetteer as gz
from diplo_analysis import language_countries as lco
from diplo_analysis import language_cues as lcu
from diplo_analysis import language_leaders as lle
from diplo_analysis.dates import url_date
from diplo_analysis.readers.furniture import strip_furniture
from _meta import explained as _meta


def test_a_titles_congratulation_yields_to_a_call_in_the_text():
    m, why = _meta("Премьер поздравил коллегу с назначением",
                   "Премьер-министр провел во вторник телефонный разговор со своим коллегой из Белоруссии. "
                   "Стороны обсудили график контактов.", url="https://www.example-news.ru/item/3")
    assert m["medium"] == "phone" and why.loc["medium", "rule"] == "language_text_cue"


def test_a_titles_congratulation_stands_without_a_call_in_the_text():
    m, why = _meta("Премьер поздравил коллегу с назначением",
                   "Премьер-министр направил поздравление коллеге из Белоруссии.",
                   url="https://www.example-news.ru/item/4")
    assert m["medium"] != "phone"


@pytest.mark.parametrize("text", ["с премьер-министром Белоруссии", "в Белоруссию", "белорусским коллегой"])
def test_the_older_russian_name_of_belarus_and_its_forms_name_it(text):
    assert [f.code for f in lco.countries_in("ru", text)] == ["BLR"]


def test_the_initiative_of_a_side_named_by_its_adjective_is_the_counterparts():
    m, why = _meta("", "Глава правительства провел телефонный разговор с премьер-министром Белоруссии. "
                       "Разговор состоялся по инициативе белорусской стороны.",
                   url="https://www.example-news.ru/item/5")
    assert (m["host_country"], m["counterpart_countries"]) == ("RUS", ["BLR"])
    assert m["initiator"] == "counterpart" and why.loc["initiator", "rule"] == "language_initiative_of"


@pytest.mark.parametrize("code, text, leader", [
    ("ru", "разговор с Мишустиным", "Mikhail Mishustin"),
    ("ru", "премьер Кобяков поздравил", "Andrei Kobyakov"),
    ("ja", "モリソン首相と電話会談", "Scott Morrison"),
    ("ar", "الأمير عبدالله بن عبدالعزيز ولي العهد", "King Abdullah bin Abdulaziz"),
])
def test_new_spellings_name_their_leader(code, text, leader):
    assert [m.leader for m in lle.leaders_in(code, text)][:1] == [leader]


def test_a_crown_prince_before_his_reign_is_of_his_country():
    leader = gz.lookup_leader("King Abdullah bin Abdulaziz", pd.Timestamp("2003-09-09"))
    assert (leader.country, leader.office) == ("SAU", "crown_prince")


def test_an_arabic_call_made_with_a_day_word_between_is_the_hosts():
    m, why = _meta("", "أجرى الأمير عبدالله بن عبدالعزيز ولي العهد اتصالاً هاتفياً أمس بالرئيس حسني مبارك. "
                       "وجرى خلال الاتصال بحث تطورات الأحداث.",
                   url="https://www.example-arabic-news.org/2003/20030911/item.htm")
    assert (m["medium"], m["host_country"], m["counterpart_countries"]) == ("phone", "SAU", ["EGY"])
    assert m["initiator"] == "host" and why.loc["initiator", "rule"] == "language_caller"


@pytest.mark.parametrize("text, made", [
    ("أجرى ولي العهد اتصالاً هاتفياً، الاثنين، بالرئيس", True),
    ("أجرى الملك اتصالا هاتفيا مساء اليوم مع الرئيس", True),
    ("أجرى الملك اتصالا هاتفيا الأسبوع الماضي تناول العلاقات", False),
])
def test_the_arabic_caller_cue_skips_day_words_only(text, made):
    assert (lcu.cues_for("ar").initiator.caller.search(text) is not None) is made


@pytest.mark.parametrize("text", ["国家主席周一主动致电美国总统。", "國家主席周一主動致電美國總統。"])
def test_a_chinese_leader_who_took_the_initiative_to_call_is_the_caller(text):
    assert lcu.cues_for("zh").initiator.caller.search(text) is not None


@pytest.mark.parametrize("text, made", [
    ("Presiden melakukan panggilan telepon dengan Perdana Menteri pada Kamis malam.", True),
    ("Presiden menghubungi Perdana Menteri untuk mengucapkan selamat.", True),
    ("Kedua negara berhubungan baik sejak lama.", False),
])
def test_indonesian_words_of_making_a_call(text, made):
    assert (lcu.cues_for("id").initiator.caller.search(text) is not None) is made


@pytest.mark.parametrize("line", ["Saiba Mais Mundo Presidentes conversam por vídeo sobre comércio",
                                  "Leia também: Ruritânia e Freedonia assinam acordo de pesca",
                                  "Baca juga: Presiden bertemu raja di istana"])
def test_a_related_links_headline_is_furniture(line):
    text = f"{line}\nO presidente conversou por telefone com o presidente da Argentina nesta segunda-feira."
    kept, found = strip_furniture(text, None)
    assert line not in kept and [r.rule for r in found] == ["related_link"]


def test_a_sentence_that_opens_with_the_same_words_stays():
    text = "Leia também o comunicado conjunto que os dois presidentes assinaram ontem no palácio."
    assert strip_furniture(text, None)[0].strip() == text


def test_a_date_in_an_article_id_of_the_query():
    assert url_date("https://www.example-tv.co.kr/News/Read?articleId=A202504080613").date == pd.Timestamp("2025-04-08")
    assert url_date("https://www.example-tv.co.kr/News/Read?articleId=A202513400613") is None  # no 34th of a 13th month


def test_this_weekday_later_in_the_pages_week_is_a_day_to_come():
    text = ("El mandatario llegó a las 11:40 al palacio. Este viernes se realizará la cumbre regional. "
            "El presidente de Ruritania se reúne durante la mañana de este jueves con el Presidente.")
    m, why = _meta("", text, url="https://www.example-noticias.cl/pais/2019-03-21/1.html")
    assert m["date"] == pd.Timestamp("2019-03-21") and why.loc["date", "rule"] == "text_weekday:this_week"


def test_a_weekday_without_this_still_counts_back():
    text = "El presidente de Ruritania se reunió el viernes con el Presidente en el palacio de gobierno."
    m, why = _meta("", text, url="https://www.example-noticias.cl/pais/2019-03-21/2.html")
    assert m["date"] == pd.Timestamp("2019-03-15") and why.loc["date", "rule"] == "text_weekday"


def test_a_korean_day_alone_opening_the_dates_is_that_day_of_the_pages_month():
    m, why = _meta("", "국무총리가 8일 정부청사에서 대통령과 20분간 통화했다. 지난 1월 20일 취임 이후 처음이다.",
                   url="https://www.example-tv.co.kr/News/Read?articleId=A202504090613")
    assert m["date"] == pd.Timestamp("2025-04-08") and why.loc["date", "rule"] == "text_day_of_page_month"


@pytest.mark.parametrize("text", [
    "국무총리가 20일 정부청사에서 대통령과 통화했다.",  # the 20th is more than a week before the page's 9 April
    "총리는 3일간의 일정을 마치고 대통령과 통화했다.",  # a count of days, not a day
])
def test_a_day_alone_far_from_the_page_or_a_count_of_days_is_not_the_call(text):
    m, why = _meta("", text, url="https://www.example-tv.co.kr/News/Read?articleId=A202504090613")
    assert why.loc["date", "rule"] != "text_day_of_page_month"
    assert m["date"] == pd.Timestamp("2025-04-09")  # the page's own date
