"""Names -> codes: countries, demonyms, organisations, leaders, publishers."""

from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis import gazetteer as gz


@pytest.mark.parametrize(
    "name, code",
    [
        ("Canada", "CAN"),  # coco short name
        ("Republic of Uzbekistan", "UZB"),  # coco official name
        ("Turkish", "TUR"),  # demonym from the data file
        ("Emirati", "ARE"),
        ("Saudi", "SAU"),
        ("South Korean", "KOR"),
        ("the Republic of Korea", "KOR"),
        ("DPRK", "PRK"),
        ("Kyrgyz", "KGZ"),
        ("Belarusian", "BLR"),
        ("Türkiye", "TUR"),  # folded to "Turkiye"
        ("UN", "UN"),
        ("European Commission", "EUU"),
        ("World Health Organization", "WHO"),
        ("African Union", "AU"),
    ],
)
def test_country_code_names_demonyms_and_organisations(name, code):
    assert gz.country_code(name) == code


@pytest.mark.parametrize("adjective, code", [
    ("Bahamian", "BHS"), ("Barbadian", "BRB"), ("Grenadian", "GRD"), ("Saint Lucian", "LCA"), ("Vincentian", "VCT"),
    ("Kittitian", "KNA"), ("Trinidadian", "TTO"), ("Belizean", "BLZ"), ("Antiguan", "ATG"), ("Tongan", "TON"),
    ("Samoan", "WSM"), ("Palauan", "PLW"), ("Nauruan", "NRU"), ("Tuvaluan", "TUV"), ("Marshallese", "MHL"),
    ("Micronesian", "FSM"), ("Vanuatuan", "VUT"), ("Swazi", "SWZ"), ("Basotho", "LSO"), ("Motswana", "BWA"),
    ("Santomean", "STP"), ("Cabo Verdean", "CPV"), ("Bissau-Guinean", "GNB"), ("Andorran", "AND"),
    ("Sammarinese", "SMR"), ("Liechtensteiner", "LIE"), ("Turkmenistani", "TKM"),
])
def test_small_states_adjectives_name_their_country_in_a_readout(adjective, code):
    """A counterpart named by his country's adjective alone: small states too ("the Tongan Prime Minister")."""
    text = gz.fold(f"The Prime Minister spoke with the {adjective} President Ivo Kalan.")
    assert [c for _, _, c in gz.find_countries(text)] == [code]


def test_longest_name_wins():
    text = gz.fold("the Democratic Republic of the Congo and the Republic of the Congo, People’s Republic of China")
    codes = [c for _, _, c in gz.find_countries(text)]
    assert codes == ["COD", "COG", "CHN"]


def test_names_with_and_are_one_country():
    codes = [c for _, _, c in gz.find_countries("President of Bosnia and Herzegovina and Trinidad and Tobago")]
    assert codes == ["BIH", "TTO"]


def test_hyphenated_demonyms_are_two_countries():
    codes = [c for _, _, c in gz.find_countries("Russian-Chinese talks")]
    assert codes == ["RUS", "CHN"]


def test_lower_case_words_are_not_countries():
    # "turkey", "chad" and "jordan" in lower case are not countries
    assert gz.find_countries("a roast turkey for chad near the river jordan") == []


def test_georgia_the_us_state_is_not_the_country():
    assert gz.find_countries("Governor Brian Kemp of Georgia") == []
    assert [c for _, _, c in gz.find_countries("President of Georgia")] == ["GEO"]


def test_fold_strips_accents_and_curly_quotes():
    assert gz.fold("Erdoğan’s visit to Türkiye – Kraków") == "Erdogan's visit to Turkiye - Krakow"
    assert gz.fold("plain ascii") == "plain ascii"


def test_leaders_table_is_well_formed():
    t = gz.leaders_table()
    assert list(t.columns[:6]) == ["name", "aliases", "country", "office", "start", "end"]
    assert len(t) > 250
    # every term ends after it starts
    done = t.dropna(subset=["end"])
    assert (done["end"] >= done["start"]).all()
    # country codes are alpha-3 or organisation codes
    bad = [c for c in t["country"] if not (len(c) == 3 and c.isupper()) and c not in gz.ORG_CODES]
    assert bad == []


def test_leader_aliases_give_one_canonical_name():
    for alias in ("Joe Biden", "President Joseph R. Biden, Jr.", "Joseph R. Biden"):
        assert gz.lookup_leader(alias).name == "Joseph R. Biden Jr."
    assert gz.lookup_leader("Zelensky").name == "Volodymyr Zelenskyy"
    assert gz.lookup_leader("KISHIDA Fumio").country == "JPN"
    assert gz.lookup_leader("Recep Tayyip Erdoğan").country == "TUR"


def test_leader_term_is_picked_by_date():
    tusk_2016 = gz.lookup_leader("Donald Tusk", pd.Timestamp("2016-06-01"))
    tusk_2024 = gz.lookup_leader("Donald Tusk", pd.Timestamp("2024-06-01"))
    assert tusk_2016.country == "EUU"
    assert tusk_2024.country == "POL"


def test_office_holder_by_date():
    assert gz.office_holder("RUS", "head_of_state", pd.Timestamp("2010-03-01")) == "Dmitry Medvedev"
    assert gz.office_holder("RUS", "head_of_state", pd.Timestamp("2019-03-01")) == "Vladimir Putin"
    assert gz.office_holder("USA", "vice_president", pd.Timestamp("2022-03-01")) == "Kamala Harris"
    assert gz.office_holder("RUS", "head_of_state", pd.NaT) is None


def test_possessive_is_matched_but_not_a_longer_word():
    names = [L.name for _, _, L in gz.find_leaders("President Xi's speech in Xi'an")]
    assert names == ["Xi Jinping"]


@pytest.mark.parametrize(
    "publisher, url, code",
    [
        ("Office of the President of Russia (en.kremlin.ru)", None, "RUS"),
        (None, "https://bidenwhitehouse.archives.gov/briefing-room/x/", "USA"),
        ("bb.chineseembassy.org", None, "CHN"),
        (None, "http://www.chinamission.be/eng/x.htm", "CHN"),  # table beats the .be domain
        (None, "https://www.president.gov.ua/en/news/x", "UKR"),
        (None, "https://www.mofa.go.jp/a_o/x.html", "JPN"),
        ("Ministry of Foreign Affairs of Norway", None, "NOR"),  # a country in the name
        (None, "https://www.presidencia.gob.ar/x", "ARG"),  # ccTLD fallback
        (None, None, None),
    ],
)
def test_publisher_country(publisher, url, code):
    assert gz.publisher_country(publisher, url) == code


def test_a_demonym_used_as_a_first_name_is_not_a_country():
    assert gz.find_countries("Meeting with Sberbank CEO German Gref") == []
    assert [c for _, _, c in gz.find_countries("German Chancellor Olaf Scholz and the German side")] == ["DEU", "DEU"]


def test_leader_aliases_are_found_once_and_resolved_by_date():
    from diplo_analysis import gazetteer as gz

    text = "Vladimir Putin met Donald Tusk."
    found = gz.find_leader_aliases(text)
    assert [text[a:b] for a, b, _ in found] == ["Vladimir Putin", "Donald Tusk"]
    tusk = found[1][2]
    assert gz.pick_leader(tusk, pd.Timestamp("2010-01-01")).country == "POL"
    assert gz.pick_leader(tusk, pd.Timestamp("2017-01-01")).country == "EUU"
    assert [L.country for _, _, L in gz.find_leaders(text, pd.Timestamp("2017-01-01"))] == ["RUS", "EUU"]


@pytest.mark.parametrize("text, found", [
    ("Working meeting with Acting Governor Dmitry Azarov of the Samara Region", []),  # not Mykola Azarov
    # not Michel Aoun: Joseph Aoun, his successor, is a leader of the table in his own name
    ("Readout of the call with President Joseph Aoun of Lebanon", ["Joseph Aoun"]),
    ("Readout of the call with President Jean Aoun of Lebanon", []),  # a name the table lacks
    ("talks with Polish President Alexander Kwasniewski", ["Aleksander Kwasniewski"]),  # a spelling of his name
    ("a message to Iranian President Mohammed Khatami", ["Mohammad Khatami"]),
    ("Mr Azarov and Prime Minister Azarov", ["Mykola Azarov", "Mykola Azarov"]),  # titles are not given names
])
def test_a_surname_after_another_given_name_is_another_person(text, found):
    assert [L.name for _, _, L in gz.find_leaders(text, pd.Timestamp("2003-06-01"))] == found


@pytest.mark.parametrize("url, code", [
    ("http://www.ambafrance-cn.org/Interview-1", "FRA"),        # a French embassy's site
    ("https://china.diplo.de/cn-de/aktuelles/1", "DEU"),        # a German mission: not China's, whose name it holds
    ("https://cn.usembassy.gov/remarks-1/", "USA"),
])
def test_an_embassys_site_is_its_countrys(url, code):
    assert gz.publisher_country(url=url) == code


def test_the_uae_presidents_short_name_in_the_uae_press():
    # "President Sheikh Mohamed" (one m) is how the UAE's press names its president from May 2022
    found = gz.find_leaders("President Sheikh Mohamed met the Director-General", pd.Timestamp("2024-01-02"))
    assert [(L.name, L.country) for _, _, L in found] == [("Mohamed bin Zayed Al Nahyan", "ARE")]


@pytest.mark.parametrize("title, office", [("Prime Minister", "head_of_government"), ("vice-president", "vice_president"),
                                           ("Secretary-General", "org_head"), ("Taoiseach", "head_of_government"),
                                           ("Governor", None)])
def test_office_of_title(title, office):
    assert gz.office_of_title(title) == office


def test_publisher_kinds_come_from_the_table():
    from diplo_analysis.gazetteer import publisher_kinds

    assert publisher_kinds("Office of the President of Russia (en.kremlin.ru)", "http://en.kremlin.ru/x") >= {
        "presidency", "official"}
    assert publisher_kinds("Prime Minister's Office", None) == {"pm_office"}
    assert publisher_kinds(None, "http://nz.china-embassy.gov.cn/eng/x") == {"embassy", "chinese_mfa_ids"}
    assert publisher_kinds("Some News Site", "https://news.example.org/x") == frozenset()



def test_no_two_terms_of_one_office_of_a_state_overlap():
    # one holder at a time (a handover day may be shared); the EU has several heads at once
    t = gz.package_leaders()
    far = pd.Timestamp("2262-01-01")
    clashes = []
    for (country, office), g in t.groupby(["country", "office"]):
        if country == "EUU":
            continue
        g = g.assign(end=g["end"].fillna(far)).sort_values("start")
        for (_, a), (_, b) in zip(g.iloc[:-1].iterrows(), g.iloc[1:].iterrows()):
            if b["start"] < a["end"]:
                clashes.append((country, office, a["name"], b["name"]))
    assert clashes == []


@pytest.mark.parametrize("country, office, date, holder", [
    ("LVA", "head_of_state", "2020-06-01", "Egils Levits"),
    ("TTO", "head_of_government", "2019-06-01", "Keith Rowley"),
    ("GHA", "foreign_minister", "2020-06-01", "Shirley Ayorkor Botchwey"),
    ("AUT", "head_of_government", "2019-09-01", "Brigitte Bierlein"),  # between Kurz's two terms
    ("OSCE", "org_head", "2022-06-01", "Helga Schmid"),
])
def test_office_holders_of_smaller_states_and_organisations(country, office, date, holder):
    assert gz.office_holder(country, office, pd.Timestamp(date)) == holder


def test_the_table_covers_the_worlds_states():
    t = gz.package_leaders()
    states = set(t["country"]) - gz.ORG_CODES
    assert len(states) >= 190
    assert {"head_of_state", "head_of_government", "foreign_minister"} <= set(t["office"])
