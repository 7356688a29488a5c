"""Countries named by adjectives and inflected nouns, and leaders in their own spellings, in the languages
whose cue rows came in the sixth session (issue 11): Danish, Norwegian, Finnish, Greek, Czech, Slovak,
Hungarian, Romanian, Bulgarian, Croatian/Serbian/Bosnian, Slovenian, Lithuanian, Latvian, Estonian, Hebrew
(``data/country_names_languages.csv``, ``data/leader_names_languages.csv``, :mod:`diplo_analysis.language_countries`).

Every sentence here is invented for these tests; countries are real, leaders are named only as the
tables know them (no page of ../shared or of the fresh sets is copied here).
"""

from __future__ import annotations

import pytest

from diplo_analysis import language_countries as lco
from diplo_analysis import language_leaders as lle
from diplo_analysis.metadata import explain_metadata, extract_metadata
from diplo_analysis.records import Record

# (language, invented text, the codes found in order): adjectives (any case, gender and number) and
# the declined nouns of CLDR's names
ADJECTIVES = [
    ("da", "Statsministeren talte med den tyske kansler og Ukraines præsident.", ["DEU", "UKR"]),
    ("da", "Udenrigsministeren mødtes med sin britiske kollega om Kinas rolle.", ["GBR", "CHN"]),
    ("no", "Statsministeren møtte den svenske statsministeren og Tysklands kansler.", ["SWE", "DEU"]),
    ("fi", "Presidentti keskusteli Yhdysvaltain presidentin ja Itävallan liittokanslerin kanssa.", ["USA", "AUT"]),
    ("el", "Ο Πρωθυπουργός συναντήθηκε με τον Γάλλο Πρόεδρο και τον γερμανικό κυβερνητικό εκπρόσωπο.", ["FRA", "DEU"]),
    ("el", "Συνάντηση με τον Πρόεδρο της Τουρκίας και τον Πρωθυπουργό του Ηνωμένου Βασιλείου.", ["TUR", "GBR"]),
    ("cs", "Premiér hovořil s ukrajinským prezidentem a s rakouského kancléře poradcem.", ["UKR", "AUT"]),
    ("cs", "Prezident přijal velvyslance Spojených států a ruského ministra.", ["USA", "RUS"]),
    ("sk", "Prezidentka telefonovala s francúzskym prezidentom o Veľkej Británii.", ["FRA", "GBR"]),
    ("hu", "A miniszterelnök a török elnökkel és az osztrák kancellárral tárgyalt.", ["TUR", "AUT"]),
    ("hu", "A külügyminiszter az Egyesült Államokkal és a kínai féllel egyeztetett.", ["USA", "CHN"]),
    ("ro", "Președintele a discutat cu cancelarul german și cu președintele Ucrainei.", ["DEU", "UKR"]),
    ("ro", "Premierul s-a întâlnit cu omologul său francez și cu reprezentantul Statelor Unite.", ["FRA", "USA"]),
    ("ro", "Ministrul a vorbit despre relațiile cu Rusiei vecinii și cu Turciei partenerii.", ["RUS", "TUR"]),
    ("bg", "Премиерът се срещна с гръцкия министър-председател и с американския посланик.", ["GRC", "USA"]),
    ("bg", "Президентът разговаря с германския канцлер за САЩ.", ["DEU", "USA"]),
    ("hr", "Predsjednik Vlade razgovarao je s austrijskim kancelarom i njemačkim ministrom.", ["AUT", "DEU"]),
    ("hr", "Premijer se sastao s izaslanikom SAD-a i mađarskim premijerom.", ["USA", "HUN"]),
    ("sr", "Председник је разговарао са мађарским премијером и француским председником.", ["HUN", "FRA"]),
    ("sr", "Predsednik se sastao sa kineskim ambasadorom u Nemačkoj.", ["CHN", "DEU"]),
    ("sl", "Predsednik vlade se je pogovarjal z nemškim kanclerjem in z ameriškim veleposlanikom.", ["DEU", "USA"]),
    ("lt", "Prezidentas kalbėjosi su Lenkijos prezidentu ir JAV atstovu.", ["POL", "USA"]),
    ("lv", "Prezidents tikās ar Igaunijas premjerministru un ASV vēstnieku.", ["EST", "USA"]),
    ("et", "President kohtus Soome presidendiga ja USA suursaadikuga.", ["FIN", "USA"]),
    ("hu", "A miniszterelnök Kínával, Ausztriában és Iránnal kapcsolatban nyilatkozott.", ["CHN", "AUT", "IRN"]),
    ("ro", "Ministrul a discutat cu ambasadorul Iranului și al Irakului.", ["IRN", "IRQ"]),
    ("lt", "Ministras susitiko su Izraelio ir Irano ambasadoriais.", ["ISR", "IRN"]),
    ("da", "Statsministeren talte med USA's præsident.", ["USA"]),
    ("sr", "Министар је разговарао са Египтом.", ["EGY"]),
    ("sl", "Minister se je pogovarjal z Združenimi državami.", ["USA"]),
    ("fi", "Ministeri tapasi Turkin ulkoministerin.", ["TUR"]),
    ("et", "Peaminister kohtus Euroopa Liidu juhtidega.", ["EUU"]),
    ("he", "ראש הממשלה שוחח עם נשיא צרפת ועם הקנצלר הגרמני.", ["FRA", "DEU"]),
    ("he", 'ראש הממשלה נפגש בארה"ב עם השגריר היפני ועם שר החוץ הטורקי.', ["USA", "JPN", "TUR"]),
]


@pytest.mark.parametrize("code,text,codes", ADJECTIVES)
def test_adjectives_and_inflected_names_name_their_countries(code, text, codes):
    found = lco.countries_in(code, text)
    assert [f.code for f in found] == codes
    assert all(f.words in lco._norm(text) for f in found)


# (language, invented text): common words that begin like a country's name or adjective, and abbreviations
# written in small letters, are not countries
NOT_COUNTRIES = [
    ("hu", "A kormány új programot kínál; a helyzet kínos, a kínok véget érnek."),
    ("hu", "A tárgyalás iránt nagy az érdeklődés, ebbe az irányba haladunk."),
    ("hr", "Sad je vrijeme za razgovor o proračunu."),
    ("lv", "Es esmu pateicīgs par sadarbību."),
    ("et", "Kohtumine toimus eelmisel nädalal."),
    ("he", "ראש הממשלה הודיע הערב על הסכם, הודות למאמצים רבים."),
    ("ro", "Ministrul a prezentat raportul anual despre natura reformelor, fără rușine."),
    ("da", "Statsministeren holdt en fin tale om finansloven."),
]


@pytest.mark.parametrize("code,text", NOT_COUNTRIES)
def test_common_words_are_not_read_as_countries(code, text):
    assert lco.countries_in(code, text) == []


def test_the_declined_stem_keeps_a_short_name_from_longer_words():
    # "Ирак" keeps two letters after it (not the given name "Ираклий"); a capitalised name that lost its
    # final vowels gets three ("Rusia" finds "Rusiei", "Россия" finds "Россией")
    assert [f.code for f in lco.countries_in("ru", "Премьер Ираклий встретился с Россией.")] == ["RUS"]
    assert [f.words for f in lco.countries_in("ro", "Președintele Rusiei și al Italiei.")] == ["Rusiei", "Italiei"]
    assert lco.country_pattern("ro", "Ucraina").startswith(r"(?<![^\W_])Ucrain")


def test_scandinavian_genitives_and_adjective_endings():
    found = lco.countries_in("da", "Tysklands kansler, Norges statsminister og den franske præsident.")
    assert [(f.code, f.words) for f in found] == [("DEU", "Tysklands"), ("NOR", "Norges"), ("FRA", "franske")]
    assert [f.code for f in lco.countries_in("sv", "Tysklands förbundskansler")] == ["DEU"]


def test_hebrew_clinging_letters_and_final_letters():
    text = "השר נסע לצרפת, משם לגרמניה ומשם לפולין; הנשיא היווני בירך."
    assert [f.code for f in lco.countries_in("he", text)] == ["FRA", "DEU", "POL", "GRC"]
    assert lco._norm("יפן") == "יפנ"  # final letters are their ordinary forms: "יפן" finds "יפני"


def test_abbreviations_of_the_table_match_as_written_only():
    assert [f.code for f in lco.countries_in("hr", "Izaslanik SAD-a stigao je.")] == ["USA"]
    assert lco.countries_in("hr", "Izaslanik sad stiže.") == []


def test_every_row_of_the_new_languages_finds_itself_or_nothing():
    langs = {"da", "no", "fi", "el", "cs", "sk", "hu", "ro", "bg", "hr", "sr", "bs", "sl", "lt", "lv", "et", "he"}
    rows = [r for r in lco._table_rows() if r["language"] in langs]
    assert len(rows) > 500
    for r in rows:
        found = [f.code for f in lco.countries_in(r["language"], f" {r['name']} ")]
        assert found == ([r["code"]] if r["code"] else []), r["where"]


# (language, invented text, leaders.csv names found): spellings and declined forms of leaders' names
LEADER_TEXTS = [
    ("cs", "Premiér hovořil s Volodymyrem Zelenským a s Emmanuelem Macronem.", ["Volodymyr Zelenskyy", "Emmanuel Macron"]),
    ("hu", "A miniszterelnök Putyinnal és Zelenszkijjel is beszélt.", ["Vladimir Putin", "Volodymyr Zelenskyy"]),
    ("ro", "Președintele a vorbit cu Volodimir Zelenski.", ["Volodymyr Zelenskyy"]),
    ("el", "Ο Κυριάκος Μητσοτάκης συναντήθηκε με τον Σολτς.", ["Kyriakos Mitsotakis", "Olaf Scholz"]),
    ("bg", "Радев разговаря с Макрон и с Ердоган.", ["Rumen Radev", "Emmanuel Macron", "Recep Tayyip Erdogan"]),
    ("sr", "Вучић је разговарао са Шолцом.", ["Aleksandar Vucic", "Olaf Scholz"]),
    ("he", "נתניהו שוחח עם ביידן ולאחר מכן עם מקרון.", ["Benjamin Netanyahu", "Joseph R. Biden Jr.", "Emmanuel Macron"]),
    ("lt", "Prezidentas kalbėjosi su Zelenskiu.", ["Volodymyr Zelenskyy"]),
    ("lv", "Prezidents runāja ar Emanuelu Makronu un Donaldu Trampu.", ["Emmanuel Macron", "Donald J. Trump"]),
    ("et", "President rääkis Zelenskõiga.", ["Volodymyr Zelenskyy"]),
    ("sr", "Predsednik je razgovarao sa Makronom i Netanijahuom.", ["Emmanuel Macron", "Benjamin Netanyahu"]),
    ("sl", "Premier se je sestal z Orbanom.", ["Viktor Orban"]),
]


@pytest.mark.parametrize("code,text,want", LEADER_TEXTS)
def test_leaders_are_found_in_each_languages_spelling(code, text, want):
    assert [m.leader for m in lle.leaders_in(code, text)] == want


def _meta(title, text):
    rec = Record(path="x.jsonl", line=1, title=title, text=text, url="https://www.example-gov.org/news/1",
                 date="2024-05-06")
    return extract_metadata(rec), explain_metadata(rec).set_index("fact")


def test_a_czech_call_gets_its_counterpart_from_an_adjective():
    m, why = _meta("Premiér telefonoval s ukrajinským prezidentem",
                   "Předseda vlády Petr Fiala dnes telefonicky hovořil s ukrajinským prezidentem. Hovořili o pomoci.")
    assert (m["medium"], m["host_country"], m["counterpart_countries"]) == ("phone", "CZE", ["UKR"])
    assert why.loc["counterpart_countries", "evidence"].startswith("cs: 'ukrajinským' (country_names_languages.csv:")


def test_a_hebrew_meeting_gets_its_host_from_a_leaders_name_and_the_counterpart_from_the_country():
    m, why = _meta("ראש הממשלה נפגש עם נשיא צרפת",
                   "ראש הממשלה נתניהו נפגש היום בירושלים עם נשיא צרפת. השניים דנו במצב באזור.")
    assert (m["host_country"], m["counterpart_countries"]) == ("ISR", ["FRA"])
    assert why.loc["host", "rule"] == "language_leader_name"


def test_a_bulgarian_meeting_reads_a_declined_adjective():
    m, _ = _meta("Премиерът се срещна с гръцкия министър-председател",
                 "Министър-председателят Николай Денков се срещна днес с гръцкия министър-председател.")
    assert (m["medium"], m["host_country"], m["counterpart_countries"]) == ("in_person", "BGR", ["GRC"])
