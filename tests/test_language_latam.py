"""Rows added after measuring a fresh round of real readouts of Latin American governments (fresh_pages_latam).

Every sentence here is invented for these tests; the leaders are invented or named only as the tables
know them (no page of ../shared or of the fresh set is copied here).
"""

from __future__ import annotations

import pytest

from diplo_analysis import language_countries as lco
from diplo_analysis import metadata as md

from _meta import explained as _meta


@pytest.mark.parametrize("text", [
    "El presidente Gabriel Boric felicitó por teléfono a su homólogo de Perú por su elección. Ambos conversaron "
    "sobre la agenda bilateral.",
    "El presidente Gabriel Boric felicitó este martes vía telefónica al mandatario de Perú. Ambos conversaron "
    "sobre la agenda bilateral.",
])
def test_a_spanish_congratulation_by_phone_is_the_subjects_call(text):
    m, why = _meta("", text, url="https://www.example-noticias.cl/politica/nota-1")
    assert (m["medium"], m["host_country"]) == ("phone", "CHL")
    assert m["initiator"] == "host" and why.loc["initiator", "rule"] == "language_caller"


def test_a_portuguese_congratulation_by_phone_is_the_subjects_call():
    m, why = _meta("", "O presidente Luiz Inácio Lula da Silva felicitou por telefone o presidente do Chile pela "
                       "vitória. Os dois conversaram sobre comércio.",
                   url="https://www.example-noticias.com.br/politica/nota-2")
    assert (m["medium"], m["host_country"]) == ("phone", "BRA")
    assert m["initiator"] == "host" and why.loc["initiator", "rule"] == "language_caller"


def test_a_spanish_congratulation_without_a_phone_names_no_caller():
    m, why = _meta("", "El presidente Gabriel Boric felicitó al mandatario de Perú en una carta. Ambos países "
                       "celebran el aniversario.", url="https://www.example-noticias.cl/politica/nota-3")
    assert m["initiator"] != "host"


@pytest.mark.parametrize("words", ["addressed themes of common interest", "addressed the issues of trade",
                                   "addressed topics such as energy"])
def test_addressing_themes_at_a_meeting_is_the_meeting(words):
    m, why = _meta("Chile and Colombia renew their ties",
                   f"President Gabriel Boric of Chile and President Gustavo Petro of Colombia {words} at a "
                   "meeting held before the regional summit.", url="https://www.example-news.org/item/5")
    assert m["medium"] == "in_person" and why.loc["medium", "rule"] == "text_cue"


@pytest.mark.parametrize("sentence, medium", [
    ("The President addressed the nation before a meeting of the cabinet.", "other"),
    ("The President addressed the parliament and later held a meeting with the speaker.", "other"),
    ("The two Presidents addressed issues of trade at a meeting in the capital.", "in_person"),
])
def test_an_address_is_other_but_addressing_issues_is_not(sentence, medium):
    assert md._first_cue(sentence)[0] == medium


def test_a_news_sites_own_leader_named_as_a_foreign_subjects_counterpart_is_the_guest():
    m, why = _meta("", "La presidenta peruana, Dina Boluarte, conversó ayer con su homólogo chileno, Gabriel Boric, "
                       "durante una reunión sobre comercio en Lima. Ambos repasaron la agenda.",
                   url="https://www.example-noticias.cl/mundo/nota-7")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Dina Boluarte", "PER", ["CHL"])
    assert why.loc["host", "rule"] == "foreign_subject_relay"


def test_on_a_government_site_its_leader_named_as_a_counterpart_stays_the_host():
    m, why = _meta("", "La presidenta peruana, Dina Boluarte, conversó ayer con su homólogo chileno, Gabriel Boric, "
                       "durante una reunión sobre comercio en Lima. Ambos repasaron la agenda.",
                   url="https://www.gob.cl/noticias/nota-8")
    assert m["host_country"] == "CHL" and why.loc["host", "rule"] != "foreign_subject_relay"


def test_a_news_sites_leader_named_without_a_counterpart_word_stays_the_host():
    m, why = _meta("", "La presidenta peruana, Dina Boluarte, y Gabriel Boric firmaron ayer un acuerdo durante una "
                       "reunión sobre comercio en Lima. Ambos repasaron la agenda.",
                   url="https://www.example-noticias.cl/mundo/nota-9")
    assert why.loc["host", "rule"] != "foreign_subject_relay"


def test_on_a_site_of_unknown_country_the_first_leader_named_in_latin_letters_hosts():
    # the English rules read the second sentence (its "agenda de trabajo" is their first cue): the head's subject hosts
    m, why = _meta("", "El jefe de Estado, Daniel Noboa, sostuvo este lunes reuniones con el mandatario colombiano, "
                       "Gustavo Petro, en el palacio. Petro confió en que la agenda de trabajo bilateral siga "
                       "avanzando con el nuevo Gobierno.", url="https://www.example-radio.com/noboa-y-petro")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Daniel Noboa", "ECU", ["COL"])
    assert why.loc["host", "rule"] == "language_leader_name"


@pytest.mark.parametrize("code, text, country", [
    ("es", "el mandatario colombiano", "COL"), ("es", "su homóloga peruana", "PER"),
    ("es", "el canciller venezolano", "VEN"), ("pt", "o presidente paraguaio", "PRY"),
    ("pt", "a chanceler argentina", "ARG"),
])
def test_latin_american_demonyms_name_their_countries(code, text, country):
    assert [f.code for f in lco.countries_in(code, text)] == [country]
