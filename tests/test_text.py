"""Tests for diplo_analysis.text: the shared folding, calendar words, name particles and sentence splitter."""

from __future__ import annotations

import calendar

import pytest

import diplo_analysis as da
from diplo_analysis import gazetteer, pairs, speakers
from diplo_analysis import text as tx


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("Erdoğan’s visit", "Erdogan's visit"),
        ("“Sino–Russian” ties", '"Sino-Russian" ties'),
        ("Łukasz Wałęsa, Øresund, Straße", "Lukasz Walesa, Oresund, Strasse"),
        ("plain ASCII, unchanged", "plain ASCII, unchanged"),
    ],
)
def test_fold_keeps_case_and_words_and_drops_accents(raw, folded):
    assert tx.fold(raw) == folded


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("Erdoğan’s Visit", "erdogan's visit"),
        ("Łukasz Wałęsa", "lukasz walesa"),
        ("“Sino–Russian”", "sinorussian"),  # no ASCII form: dropped, not replaced
        ("Œuvre, œuvre", "uvre, oeuvre"),
        ("Xi Jinping", "xi jinping"),
    ],
)
def test_fold_lower_ascii_gives_lower_case_ascii(raw, folded):
    assert tx.fold_lower_ascii(raw) == folded
    assert tx.fold_lower_ascii(raw).isascii()


def test_one_fold_and_one_splitter_for_the_package():
    assert gazetteer.fold is tx.fold
    assert speakers.split_sentences is tx.split_sentences is da.split_sentences
    assert speakers.split_paragraphs is tx.split_paragraphs
    assert pairs.NAME_PARTICLES is tx.NAME_PARTICLES
    assert not hasattr(pairs, "_fold")


def test_calendar_words_are_in_calendar_order():
    assert tx.MONTHS == tuple(calendar.month_name[1:])
    assert tx.WEEKDAYS == tuple(calendar.day_name)
    assert set(tx.MONTH_ABBREVIATIONS) == {m[:3] for m in tx.MONTHS if m != "May"} | {"Sept"}
    assert tx.MONTH_PATTERN.split("|")[0] == "January" and tx.WEEKDAY_PATTERN.split("|")[-1] == "Sunday"


def test_month_abbreviations_do_not_end_a_sentence():
    assert tx.split_sentences("They met on Sept. 5 in Rome. Then they left.") == [
        "They met on Sept. 5 in Rome.", "Then they left."]


def test_name_particles_are_lower_case_words():
    assert {"bin", "al", "von", "der", "da"} <= tx.NAME_PARTICLES
    assert all(p == p.lower() and " " not in p for p in tx.NAME_PARTICLES)
