"""Leaders named in the words of other languages (``data/leader_names_languages.csv``, rule
``language_leader_name``) and the cue rows added with them (issue 11, fresh pages not in English).

Every sentence here is invented for these tests; leaders are named only as the tables know them
(no page of ../shared or of the fresh sets is copied here).
"""

from __future__ import annotations

import pytest

from diplo_analysis import gazetteer as gz
from diplo_analysis import language_cues as lcu
from diplo_analysis import language_leaders as lle
from diplo_analysis.metadata import explain_metadata, extract_metadata
from diplo_analysis.records import Record


def _meta(title, text, url="https://www.example-news.org/item/1", date=None):
    rec = Record(path="x.jsonl", line=1, title=title, text=text, url=url, date=date)
    return extract_metadata(rec), explain_metadata(rec).set_index("fact")


def _table(tmp_path, body):
    path = tmp_path / "names.csv"
    path.write_text("language,name,leader,note\n" + body, encoding="utf-8")
    return path


@pytest.mark.parametrize("body, message", [
    ("xx1,Путин,Vladimir Putin,\n", "names.csv:2: language"),
    ("en,Putin,Vladimir Putin,\n", "names.csv:2: language"),
    ("ru,,Vladimir Putin,\n", "names.csv:2: empty name"),
    ("ru,Путин,Vladimir Putin,\nru,Бендер,Ostap Bender,\n", "names.csv:3: leader 'Ostap Bender'"),
    ("ru,Путин,Vladimir Putin,\nru,Путин,Dmitry Medvedev,\n", "names.csv:3: ru name 'Путин' is already given at line 2"),
])
def test_a_bad_row_is_an_error_naming_file_and_line(tmp_path, body, message):
    with pytest.raises(ValueError, match=message):
        lle.read_leader_names(_table(tmp_path, body))


def test_a_table_without_the_leader_column_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("language,name\nru,Путин\n", encoding="utf-8")
    with pytest.raises(ValueError, match="names.csv.*leader"):
        lle.read_leader_names(path)


def test_every_row_of_the_package_table_names_a_leader_of_leaders_csv_and_finds_itself():
    rows = lle._table_rows()
    known = set(gz.package_leaders()["name"])
    assert len(rows) > 200 and all(r["leader"] in known for r in rows)
    for r in rows:
        found = lle.leaders_in(r["language"], f" {r['name']} ")
        assert found and found[0].leader == r["leader"], r["where"]


@pytest.mark.parametrize("code, text, want", [
    ("ru", "Разговор с Путиным продолжался час.", "Vladimir Putin"),
    ("uk", "Розмова із Зеленським відбулася ввечері.", "Volodymyr Zelenskyy"),
    ("ar", "وبحث الاتصال مع الرئيس ماكرون الوضع.", "Emmanuel Macron"),
    ("ja", "プーチン大統領と会談した。", "Vladimir Putin"),
    ("ko", "문재인대통령은 통화했다.", "Moon Jae-in"),
    ("zh", "王毅表示欢迎。", "Wang Yi"),
])
def test_names_are_found_as_each_language_writes_words(code, text, want):
    assert [m.leader for m in lle.leaders_in(code, text)][:1] == [want]


def test_english_and_an_unknown_language_find_no_leader():
    assert lle.leaders_in("en", "Путин") == [] and lle.leaders_in("xx", "Путин") == []


def test_the_leaders_of_the_first_sentence_are_the_first_and_those_before_its_end():
    text = "Звонили Макрону и Шольцу. Потом обсудили Меркель."
    got = lle.same_sentence("ru", text, lle.leaders_in("ru", text))
    assert [m.leader for m in got] == ["Emmanuel Macron", "Olaf Scholz"]


def test_a_japanese_ministry_page_names_its_host_and_counterpart_in_japanese():
    m, why = _meta("日露首脳電話会談", "本日、岸田総理大臣はプーチン大統領と電話会談を行いました。両首脳は意見交換を行いました。",
                   url="https://www.mofa.go.jp/mofaj/example/page1.html")
    assert (m["host"], m["host_country"], m["counterparts"], m["counterpart_countries"]) == (
        "Fumio Kishida", "JPN", ["Vladimir Putin"], ["RUS"])
    assert why.loc["host", "rule"] == "language_leader_name"
    assert "leader_names_languages.csv:" in why.loc["counterparts", "evidence"]


def test_an_unknown_publishers_page_takes_the_first_leader_of_its_first_sentence_as_host():
    m, _ = _meta("", "Владимир Путин провел телефонный разговор с Эммануэлем Макроном. Обсуждались отношения.")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Vladimir Putin", "RUS", ["FRA"])


def test_leaders_of_one_sentence_are_all_counterparts_of_a_publisher_country_host():
    m, why = _meta("", "Президент провів телефонну розмову з Еммануелем Макроном та Олафом Шольцом. Обговорили безпеку.",
                   url="https://www.example-news.com.ua/item/2")
    assert m["host_country"] == "UKR"
    assert m["counterpart_countries"] == ["FRA", "DEU"]
    assert why.loc["counterpart_countries", "rule"] == "language_leader_name"


def test_an_arabic_caller_named_after_the_verb_made_the_call_whatever_country_the_title_names():
    m, why = _meta("الملك يهاتف الرئيس الفرنسي",
                   "أجرى الملك محمد السادس اليوم اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون. وبحثا العلاقات.")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("King Mohammed VI", "MAR", ["FRA"])
    assert m["initiator"] == "host" and why.loc["initiator", "rule"] == "language_caller"


@pytest.mark.parametrize("code, text, want", [
    ("ko", "양국 정상 통화", "phone"),                       # a title ending with the word for a call
    ("ko", "한일 정상통화 결과를 발표했다.", "phone"),
    ("pl", "Premier zadzwonił wieczorem do kanclerza.", "phone"),
    ("pt", "Recordaram daquele encontro em Roma e conversaram por telefone.", "phone"),
])
def test_new_cue_rows_read_their_medium(code, text, want):
    assert lcu.pick_medium(lcu.cues_for(code).media, text)[0] == want


@pytest.mark.parametrize("code, title, text, url, want", [
    ("ja", "", "本日、先方の発意により、総理大臣は大統領と電話会談を行いました。", "https://www.mofa.go.jp/x/1.html", "counterpart"),
    ("fr", "", "Le Président de la République a reçu, lundi soir, une communication téléphonique de son homologue.",
     "https://www.example-presse.dz/a/1", "counterpart"),
    ("es", "", "El Presidente Gabriel Boric se comunicó por teléfono ayer con el mandatario de Argentina.",
     "https://www.example-diario.cl/a/1", "host"),
])
def test_new_initiator_rows_name_the_side_that_called(code, title, text, url, want):
    m, why = _meta(title, text, url=url)
    assert m["language"] == code and m["medium"] == "phone"
    assert m["initiator"] == want, why.loc["initiator"].to_dict()
