"""Rule ``body_caller`` of the ninth session's round on the initiator across all tuned halves: a later sentence
names which of the two sides placed the call. Every page here is invented (no page of a fresh set is copied)."""

from __future__ import annotations

from _meta import explained as meta

#: An invented page of a Japanese site: the first sentence says nothing of who called.
_JP = "https://www.example-times.jp/politics/item/3"


def _call(later, date="2025-05-20"):
    text = ("Prime Minister Shigeru Ishiba exchanged views with U.S. President Donald Trump on trade and security "
            "during a phone call on Monday evening.\n\nThe two leaders agreed to keep in close touch. " + later)
    return meta("Ishiba and Trump talk trade", text, url=_JP, date=date)


def test_a_later_sentence_naming_the_caller_nearest_the_verb_decides():
    m, why = _call("An aide said that Trump had called Ishiba to discuss the tariff talks.")
    assert (m["host_country"], m["counterpart_countries"]) == ("JPN", ["USA"])
    assert (m["initiator"], why.loc["initiator", "rule"]) == ("counterpart", "body_caller")
    assert why.loc["initiator", "evidence"].startswith("Trump had called Ishiba")
    m, why = _call("Ishiba told reporters he called Trump to press for lower tariffs on cars.")
    assert (m["initiator"], why.loc["initiator", "rule"]) == ("host", "body_caller")


def test_a_pronoun_subject_of_initiated_takes_the_name_before_it():
    m, why = _call("Ishiba said that he initiated the conversation this time.")
    assert (m["initiator"], why.loc["initiator", "rule"]) == ("host", "body_caller")
    assert "Ishiba said that he initiated the conversation" in why.loc["initiator", "evidence"]


def test_a_call_made_by_a_pronoun_is_the_side_not_named_after_it():
    m, why = _call("The premier spoke of it after a call he made to Trump, his aides said.")
    assert (m["initiator"], why.loc["initiator", "rule"]) == ("host", "body_caller")
    m, why = _call("Trump praised the talks in a call she made with Ishiba, the envoy said.")
    assert (m["initiator"], why.loc["initiator", "rule"]) == ("counterpart", "body_caller")


def test_sentences_that_disagree_or_name_one_side_only_decide_nothing():
    # two calls, each side calling once
    m, why = _call("On Saturday Ishiba phoned Trump about the summit. On Monday Trump called Ishiba back.")
    assert m["initiator"] is None
    assert why.loc["initiator", "rule"] != "body_caller"
    # an earlier call, or a verb with no name of the other side after it, says nothing of this one
    assert _call("Last week Trump called Ishiba about steel.")[0]["initiator"] is None
    assert _call("Trump called Tokyo a great partner.")[0]["initiator"] is None
    # the same side at both ends of the verb: not a call between them
    assert _call("Trump called Vance Trump's best choice.")[0]["initiator"] is None


def test_the_first_sentence_still_decides_before_a_later_one():
    text = ("U.S. President Donald Trump telephoned Prime Minister Shigeru Ishiba on Monday evening to discuss trade."
            "\n\nLater, aides said Ishiba called Trump back.")
    m, why = meta("Trump telephones Ishiba", text, url=_JP, date="2025-05-20")
    assert (m["initiator"], why.loc["initiator", "rule"]) == ("counterpart", "caller")


def test_a_page_with_no_caller_words_reads_no_later_sentence():
    m, why = _call("They will meet at the summit in June.")
    assert m["initiator"] is None
    assert why.loc["initiator", "rule"] == "no_initiator_cue"
