"""Dates and countries written in the words of other languages than English (diplo_analysis.language_dates,
diplo_analysis.language_countries, data/country_names_languages.csv).

Every sentence here is invented for these tests; the leaders are unnamed or invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis import language_countries as lco
from diplo_analysis import language_dates as ld
from diplo_analysis.dates import _mentions_in, dates_in_text, explain_date, resolve_date
from diplo_analysis.metadata import explain_metadata, extract_metadata
from diplo_analysis.records import Record


def _page(title, text, url="https://www.example-news.org/item/1", date=None):
    return Record(path="x.jsonl", line=1, title=title, text=text, url=url, date=date)


# (language, text, day, pattern named in the evidence): a full date written with the month names of each
# language (CLDR's format forms: the genitive of Russian, Ukrainian, Polish), and the CJK forms
FULL_DATES = [
    ("de", "Die Kanzlerin telefonierte am 16. April 2020 mit dem Präsidenten.", "2020-04-16", "cldr_day_month_year"),
    ("es", "El presidente se reunió el 16 de abril de 2020 con el rey.", "2020-04-16", "cldr_day_month_year"),
    ("pt", "O Presidente recebeu no dia 3 de março de 2021 o primeiro-ministro.", "2021-03-03", "cldr_day_month_year"),
    ("fr", "Le président a reçu le 16 avril 2020 le chancelier à l'Élysée.", "2020-04-16", "cldr_day_month_year"),
    ("it", "Il presidente ha incontrato il 2 giugno 2019 il cancelliere.", "2019-06-02", "cldr_day_month_year"),
    ("ru", "Президент провёл 16 апреля 2020 года телефонный разговор.", "2020-04-16", "cldr_day_month_year"),
    ("uk", "Президент провів 5 березня 2022 року телефонну розмову.", "2022-03-05", "cldr_day_month_year"),
    ("pl", "Prezydent spotkał się 12 listopada 2018 z premierem.", "2018-11-12", "cldr_day_month_year"),
    ("id", "Presiden menerima kunjungan pada 20 Oktober 2019 di istana.", "2019-10-20", "cldr_day_month_year"),
    ("da", "Statsministeren mødes onsdag den 12. november 2014 med sin kollega.", "2014-11-12", "cldr_day_month_year"),
    ("hu", "A miniszterelnök 2020. április 16. telefonon beszélt az elnökkel.", "2020-04-16", "cldr_year_month_day"),
    ("zh", "2020年4月16日，国家主席同总统通电话。", "2020-04-16", "cjk_year_month_day"),
    ("ko", "대통령은 2020년 4월 16일 총리와 전화 통화를 했다.", "2020-04-16", "cjk_year_month_day"),
    ("ja", "平成29年10月23日、総理大臣は大統領と電話会談を行いました。", "2017-10-23", "cjk_year_month_day (平成 era)"),
    ("ja", "令和元年5月20日、外務大臣は外相と会談しました。", "2019-05-20", "cjk_year_month_day (令和 era)"),
]


@pytest.mark.parametrize("code,text,day,pattern", FULL_DATES)
def test_full_dates_in_the_words_of_each_language(code, text, day, pattern):
    rec = _page("", text)
    decision = explain_date(rec, language=code)
    assert decision.date == pd.Timestamp(day)
    assert decision.rule == "text_full_date" and not decision.inferred
    assert f"[{code}: {pattern}]" in decision.evidence


def test_an_english_or_undetected_page_reads_no_month_names_of_other_languages():
    rec = _page("", "Die Kanzlerin telefonierte am 16. April 2020 mit dem Präsidenten.")
    assert pd.isna(resolve_date(rec)[0])
    assert pd.isna(resolve_date(rec, language="en")[0])
    assert ld.finders_for("en") == () and ld.finders_for(None) == ()


def test_a_day_and_month_takes_its_year_from_the_page_and_a_weekday_before_it_is_read():
    rec = _page("", "Генсек встретился в четверг, 11 февраля, с министром обороны.",
                url="https://www.example-news.org/2021/02/12/item")
    decision = explain_date(rec, language="ru")
    assert decision.date == pd.Timestamp("2021-02-11")
    assert decision.rule == "text_day_month:year_page_date"
    (m,) = [m for m in _mentions_in(rec.text, "ru") if m.kind == "day_month"]
    assert m.weekday == 3 and m.source == "ru: cldr_day_month"
    assert not [m for m in dates_in_text(rec.text) if m.kind == "day_month"]  # English finders alone: none


def test_a_news_agency_dateline_gives_way_to_the_day_after_it():
    rec = _page("", "МОСКВА, 31 декабря. /АГЕНТСТВО/. 30 декабря Президент провёл телефонный разговор.",
                url="https://www.example-news.org/2019/12/31/item")
    decision = explain_date(rec, language="ru")
    assert decision.date == pd.Timestamp("2019-12-30")
    assert "'30 декабря' [ru: cldr_day_month]" in decision.evidence


def test_a_page_stamp_with_a_clock_time_is_the_page_date_not_the_event():
    rec = _page("", "Quarta-feira, 4 de novembro de 2015 às 20:42 O Presidente recebeu na segunda-feira o rei.")
    decision = explain_date(rec, language="pt")
    assert decision.date == pd.Timestamp("2015-11-02")  # the Monday before the stamp
    assert decision.rule == "text_weekday"
    assert "pt: cldr_weekday" in decision.evidence


def test_yesterday_in_the_words_of_cldr_counts_back_from_the_page_date():
    rec = _page("", "Il presidente ha incontrato ieri il cancelliere al Quirinale.",
                url="https://www.example-news.org/2020/02/16/item")
    decision = explain_date(rec, language="it")
    assert decision.date == pd.Timestamp("2020-02-15")
    assert decision.rule == "text_relative_day" and "it: cldr_yesterday" in decision.evidence


def test_a_weekday_is_read_as_cldr_writes_it_not_as_a_name():
    url = "https://www.example-news.org/2021/02/12/item"
    name = _page("", "El ministro viajó a Santo Domingo para la cumbre.", url=url)
    assert explain_date(name, language="es").rule == "page_date"
    day = _page("", "El ministro se reunió el domingo con su homólogo.", url=url)
    assert explain_date(day, language="es").date == pd.Timestamp("2021-02-07")


def test_month_names_come_from_cldr_in_their_format_and_stand_alone_forms():
    ru = ld.month_names("ru")
    assert ru["апреля"] == ru["апрель"] == 4
    assert ld.month_names("de")["märz"] == 3
    assert ld.month_names("xx") == {}


# (language, text, the codes found in order): CLDR's territory names and the table's adjectives, inflected
COUNTRY_TEXTS = [
    ("ru", "Президент Узбекистана провёл разговор с Президентом Российской Федерации.", ["UZB", "RUS"]),
    ("uk", "Міністр зустрівся з бельгійським колегою та послом Польщі.", ["BEL", "POL"]),
    ("fr", "Le président a reçu son homologue russe et le chancelier allemand.", ["RUS", "DEU"]),
    ("es", "El canciller se reunió en Lima con su par de Perú; la reunión duró una hora.", ["PER"]),
    ("de", "Die Kanzlerin sprach mit dem Präsidenten Chinas und der Europäischen Union.", ["CHN", "EUU"]),
    ("pt", "O Presidente reuniu-se com a Presidente do Parlamento Europeu.", ["EUU"]),
    ("ar", "بحث وزير الخارجية الإيراني مع نظيره القطري التطورات.", ["IRN", "QAT"]),
    ("hi", "प्रधानमंत्री ने आज कतर के अमीर के साथ टेलीफोन पर बातचीत की।", ["QAT"]),
    ("gu", "પ્રધાનમંત્રીએ આજે ઇજિપ્તના રાષ્ટ્રપતિ સાથે વાત કરી.", ["EGY"]),
    ("ja", "総理大臣は米国大統領と電話会談を行いました。", ["USA"]),
    ("ko", "대통령은 미국 대통령과 통화했다.", ["USA"]),
    ("ru", "Министр провёл переговоры с Соединёнными Штатами и Великобританией.", ["USA", "GBR"]),
    ("hi", "प्रधानमंत्री ने रूसी राष्ट्रपति और ब्रिटेन के प्रधानमंत्री से बात की।", ["RUS", "GBR"]),
    ("de", "Der Kanzler traf die britische Premierministerin und den russischen Botschafter.", ["GBR", "RUS"]),
]


@pytest.mark.parametrize("code,text,codes", COUNTRY_TEXTS)
def test_countries_named_in_the_words_of_each_language(code, text, codes):
    found = lco.countries_in(code, text)
    assert [f.code for f in found] == codes
    assert all(f.words in lco._norm(text) for f in found)


def test_a_common_word_spelt_like_a_country_is_not_one():
    assert lco.countries_in("es", "La reunión de los ministros.") == []  # CLDR's "Reunión" is capitalised
    assert lco.countries_in("ru", "После того Президент уехал.") == []  # "Того": marked not a country
    assert lco.countries_in("en", "Russia and China") == []
    assert [f.code for f in lco.countries_in("ru", "Премьер Ираклий встретился с послом Ирака.")] == ["IRQ"]


def test_a_conversation_in_another_language_gets_its_counterpart_and_the_rule_names_the_words():
    rec = _page("Телефонный разговор с Президентом Узбекистана",
                "Президент провёл телефонный разговор с Президентом Узбекистана. Обсуждались вопросы торговли.",
                url="https://www.example-gov.ru/news/1", date="2023-03-01")
    m = extract_metadata(rec)
    assert m["counterpart_countries"] == ["UZB"] and m["host_country"] == "RUS"
    why = explain_metadata(rec).set_index("fact")
    assert why.loc["counterpart_countries", "rule"] == "language_counterpart_country"
    assert why.loc["counterpart_countries", "evidence"] == "ru: 'Узбекистана' (CLDR)"


def test_a_page_of_an_unknown_publisher_gets_its_host_country_from_the_first_country_named():
    rec = _page("", "وزير الخارجية الإيراني بحث في اتصال هاتفي مع نظيره القطري التطورات في المنطقة.",
                url="https://www.example-news.com/item/1", date="2024-02-05")
    m = extract_metadata(rec)
    assert (m["host_country"], m["counterpart_countries"]) == ("IRN", ["QAT"])
    why = explain_metadata(rec).set_index("fact")
    assert why.loc["host_country", "rule"] == "language_host_country"
    assert why.loc["host_country", "evidence"].startswith("ar: ")


def test_english_pages_never_build_the_names_or_dates_of_other_languages():
    lco._compiled.cache_clear()
    ld._patterns.cache_clear()
    m = extract_metadata(_page("Telephone conversation with the Prime Minister of Ruritania",
                               "On 16 April 2020 the President had a telephone conversation with the Prime "
                               "Minister of Ruritania.", url="https://www.example-presidency.org/news/1"))
    assert m["language"] == "en" and m["date"] == pd.Timestamp("2020-04-16")
    assert lco._compiled.cache_info().currsize == 0 and ld._patterns.cache_info().currsize == 0


@pytest.mark.parametrize("row,message", [
    ("en,Russia,RUS,", "other than en"),
    ("ru,,RUS,", "empty name"),
    ("ru,Россия,Russia,", "not ISO alpha-3"),
])
def test_a_bad_country_name_row_is_an_error_naming_file_and_line(tmp_path, row, message):
    path = tmp_path / "names.csv"
    path.write_text(",".join(lco.COUNTRY_NAME_COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as err:
        lco.read_country_names(path)
    assert f"{path}:2" in str(err.value)


def test_the_package_table_reads():
    rows = lco._table_rows()
    assert rows and all(r["language"] != "en" for r in rows)


def test_a_page_of_no_known_publisher_in_one_sides_own_language_is_that_sides_readout():
    # "Obama telephones Jokowi" in Indonesian on a news site: Indonesian is official in Indonesia only
    rec = Record(path="x.jsonl", line=1, title="Obama Telepon Jokowi",
                 text="Presiden Amerika Serikat Barack Obama menelepon Presiden Joko Widodo pada Rabu malam. Kedua "
                      "pemimpin membahas kerja sama perdagangan dan keamanan kawasan.",
                 url="https://news.example.com/read/2014/07/23/obama-telepon-jokowi", date="2014-07-23")
    m = extract_metadata(rec)
    assert (m["language"], m["host_country"], m["counterpart_countries"]) == ("id", "IDN", ["USA"])
    why = explain_metadata(rec).set_index("fact")
    assert why.loc["host_country", "rule"] == "language_side"
    assert m["initiator"] == "counterpart"  # "menelepon": the subject, Obama, called


def test_a_language_many_states_write_in_moves_no_side():
    from diplo_analysis.language_countries import languages_of_few_countries, official_languages

    assert not languages_of_few_countries("ar") and not languages_of_few_countries("fr")
    assert languages_of_few_countries("id") and official_languages("IDN") == {"id"}
    assert official_languages("EUU") == frozenset()


@pytest.mark.parametrize("url, code", [
    ("https://honvedelem.hu/hirek/1", "hu"), ("https://www.example.gov.ua/news/1", "uk"),
    ("https://www.gov.uk/news/1", None), ("https://news.example.com/1", None), (None, None),
])
def test_the_language_of_a_sites_country(url, code):
    assert lco.domain_language(url) == code
