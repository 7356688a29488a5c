"""Rules of the ninth session's round on both sides' readouts of the same calls
(``tests/labels/fresh_pages_bothsides.csv``), each on invented text (no page of the fresh set is copied here)."""

from __future__ import annotations

from _meta import explained as meta

from diplo_analysis.language import BANNER_CHARS, detect_language, explain_language
from diplo_analysis.metadata import source_line_credit

#: An invented notice in Korean, two lines, as an archive prints above every page.
BANNER = ("이 누리집은 지난 정부의 기록을 보관하는 곳이며 글은 읽기만 할 수 있습니다.\n"
          "고칠 곳이 있으면 담당 부서에 전화하여 알려 주시면 살펴보겠습니다. 고맙습니다.\n")
BODY = ("President Moon Jae-in held a telephone conversation with Prime Minister Yoshihide Suga for twenty "
        "minutes this afternoon. The two leaders discussed the pandemic and agreed that their officials would "
        "meet soon to prepare a visit.")


def test_an_english_page_under_a_notice_in_another_script_is_english():
    lang = explain_language("", BANNER + BODY)
    assert (lang.code, lang.rule) == ("en", "english_words_after_banner")
    assert detect_language("", BANNER + BODY) == "en"


def test_a_page_in_another_script_after_its_notice_stays_in_that_language():
    body = "문재인 대통령은 오늘 오후 일본 총리와 전화로 이야기를 나누었습니다. 두 사람은 방역 협력을 논의했습니다.\n" * 3
    assert detect_language("", BANNER + body) != "en"


def test_a_notice_longer_than_the_banner_limit_is_not_skipped():
    long_banner = "가나다라마바사 아자차카타파하 " * (BANNER_CHARS // 15 + 2) + "\n"
    assert explain_language("", long_banner + BODY).rule != "english_words_after_banner"


def test_the_english_page_under_a_notice_reads_its_english_cues():
    m, why = meta("", BANNER + BODY, date="2021-05-01")
    assert m["medium"] == "phone" and why.loc["language", "value"] == "en"


def test_upon_request_from_a_side_names_who_asked():
    m, why = meta("", "Upon request from the Indonesian side, Prime Minister Fumio Kishida held a telephone talk "
                      "with President Joko Widodo.", url="https://www.mofa.go.jp/a_o/page1e_000001.html",
                  date="2022-03-01")
    assert (m["host_country"], m["initiator"]) == ("JPN", "counterpart")
    assert "request from the Indonesian side" in why.loc["initiator", "evidence"]


def test_a_titled_surname_opening_the_second_sentence_is_its_caller():
    m, why = meta("", "President Moon Jae-in spoke by telephone with Prime Minister Yoshihide Suga this evening. "
                      "Prime Minister Suga thanked the President for taking the call, saying he called to discuss "
                      "vaccines.")
    assert (m["host_country"], m["initiator"]) == ("KOR", "counterpart")
    assert why.loc["initiator", "rule"] == "caller"


def test_the_hosts_titled_surname_opening_the_second_sentence_made_the_call():
    m, why = meta("", "President Moon Jae-in spoke by telephone with Prime Minister Yoshihide Suga this evening. "
                      "President Moon thanked the Prime Minister for his time, saying he called to discuss "
                      "vaccines.")
    assert (m["host_country"], m["initiator"]) == ("KOR", "host")


def test_an_agency_relay_with_reference_to_an_office_of_a_country_is_that_sides_readout():
    m, why = meta("", "President of Kazakhstan Kassym-Jomart Tokayev and President of Russia Vladimir Putin "
                      "discussed grain exports during a phone call, the agency reports with reference to the "
                      "presidential executive office of Russia.", date="2021-03-01")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Vladimir Putin", "RUS", ["KAZ"])
    assert why.loc["host_country", "rule"] == "credited_side"
    assert "office of Russia" in why.loc["host_country", "evidence"]


def test_a_source_line_naming_an_office_makes_a_mirror_that_offices_readout():
    m, why = meta("", "Source: The Kremlin\n\nDuring a telephone conversation with the President of Uzbekistan, "
                      "Vladimir Putin discussed trade and the harvest.",
                  url="https://www.example-mirror.co.nz/2021/07/24/telephone-conversation/", date="2021-07-24")
    assert (m["host"], m["host_country"], m["counterpart_countries"]) == ("Vladimir Putin", "RUS", ["UZB"])
    assert why.loc["host_country", "rule"] == "source_line_credit"


def test_a_source_line_credit_needs_a_known_office_at_the_top():
    assert source_line_credit("Source: The Kremlin\nText.") == ("Source: The Kremlin", "RUS")
    assert source_line_credit("Source: a local newspaper\nText.") is None
    assert source_line_credit("Text first.\nSource: The Kremlin") is None
