"""Page furniture removed by the readers (data/furniture.csv; pages invented for the tests)."""

from __future__ import annotations

import json
import re
import warnings

import pandas as pd
import pytest

from diplo_analysis import explain_furniture, load_readouts
from diplo_analysis.corpus import EMPTY_TEXT, readout_id
from diplo_analysis.readers import read_file
from diplo_analysis.readers.furniture import (
    FURNITURE_COLUMNS, KINDS, char_guard, facts_text, furniture_rules, read_furniture, strip_furniture,
)
from diplo_analysis.records import EmptyTextWarning, Record

LEAD = "The Prime Minister of Westmark met the Foreign Minister of Ostria in Lisbon on Monday."
MORE = "The two sides agreed to open a direct ferry line and to meet again in the spring."


def rules_of(text, title=None):
    """(kind, rule) of each piece removed from ``text``."""
    return [(r.kind, r.rule) for r in strip_furniture(text, title)[1]]


def stripped(text, title=None):
    return strip_furniture(text, title)[0]


# ---------------------------------------------------------------- the table
def test_the_table_is_valid_and_covers_the_kinds():
    table = furniture_rules()
    assert list(table.columns) == list(FURNITURE_COLUMNS)
    assert table["name"].is_unique
    assert set(table["kind"]) == set(KINDS)  # every kind has at least one rule
    for row in table.itertuples():  # every row of the csv matches its (invented) example
        if row.position == "code":
            continue
        rx = re.compile(row.pattern)
        assert (rx.match(row.example) if row.position == "prefix" else rx.fullmatch(row.example)), row.name


@pytest.mark.parametrize("row, message", [
    ({"pattern": "LINE("}, "does not compile"),
    ({"kind": "banner"}, "unknown kind 'banner'"),
    ({"position": "middle"}, "unknown position 'middle'"),
    ({"example": "Something else"}, "does not match its example"),
    ({"name": "Bad Name"}, "lower-case identifier"),
    ({"name": "title_repeat"}, "used twice"),
    ({"description": ""}, "needs an example and a description"),
])
def test_a_bad_table_row_is_named_with_file_and_line(tmp_path, row, message):
    good = {"name": "marker", "kind": "label", "position": "line", "pattern": "LINE", "example": "LINE",
            "description": "a marker"}
    p = tmp_path / "furniture.csv"
    pd.DataFrame([good, {**good, "name": "marker2", **row}]).to_csv(p, index=False)
    with pytest.raises(ValueError, match=rf"{re.escape(str(p))}:3: .*{re.escape(message)}"):
        read_furniture(p)


def test_a_table_without_a_column_is_refused(tmp_path):
    p = tmp_path / "furniture.csv"
    p.write_text("name,kind,pattern\nx,label,LINE\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lacks column"):
        read_furniture(p)


# ---------------------------------------------------------------- one test per kind
def test_label_lone_marker_and_site_sections():
    page = f"LINE\n\nTop Stories\n\n{LEAD}\n\nPhoto\n\n{MORE}"
    assert rules_of(page) == [("label", "lone_marker"), ("label", "site_label"), ("label", "lone_marker")]
    assert stripped(page) == f"{LEAD}\n\n{MORE}"
    # a section name is furniture among the page's opening lines, not inside the text
    inside = f"{LEAD}\n\nTop Stories\n\n{MORE}"
    assert stripped(inside) == inside


def test_navigation_breadcrumbs_menus_language_bars_and_closing_links():
    page = (f"English | Français | Español | 中文\nHome > World > Europe\n\n{LEAD}\n\nRelated stories:\n\n"
            f"{MORE}\n\nSee also Visit to Ostria May 2 − 4, 2001\nCopyright © 2001 Example Media. All rights reserved.")
    assert [k for k, _ in rules_of(page)] == ["navigation"] * 5
    assert stripped(page) == f"{LEAD}\n\n{MORE}"
    # "See also" opening a sentence inside the text is prose
    inside = f"See also the joint statement of the two ministers, signed in Lisbon on Monday.\n\n{MORE}"
    assert stripped(inside) == inside


@pytest.mark.parametrize("stamp", [
    "2001-02-03 04:05:06Example Agency",
    "2001-02-03 04:05 Example Agency Editor: Jane Roe",
    "XYZ Agency) 09:15, March 04, 2001",
    "(Example Daily Online) 09:15, March 04, 2001",
    "Example DailyUpdated: March 4, 2001",
    "Updated: 2001-03-04 10:15",
    "Published: 21:41, March 4, 2001 | Updated: 23:02, March 4, 2001",
    "Release Date:2001-03-04 10:15:00     Source:XYZ Agency",
    "Example Agency | March 4, 2001",
    "March 4, 2001",
])
def test_timestamp_publication_stamps(stamp):
    page = f"{stamp}\n\n{LEAD}"
    assert stripped(page) == LEAD
    assert [k for k, _ in rules_of(page)] in (["timestamp"], ["credit"])  # (a stamp led by "Source:" is a credit)


def test_credit_source_editor_byline_and_agency_lines():
    page = (f"By Jane Roe in Lisbon | Example Daily | Updated: 2001-03-04\n\n{LEAD}\n\n(XYZ Agency)\n\n{MORE}\n\n"
            "Source: XYZ Agency\n(Web editor: Jane Roe, John Doe)\nhttp://www.example.org/news/123.html")
    assert [k for k, _ in rules_of(page)] == ["credit"] * 5
    assert stripped(page) == f"{LEAD}\n\n{MORE}"
    # a stage direction of a transcript is not an agency
    transcript = f"{LEAD}\n\n(Applause.)\n\n{MORE}"
    assert stripped(transcript) == transcript


def test_caption_photo_credits_and_image_files():
    page = (f"The two ministers shake hands in Lisbon, March 4, 2001. (XYZ Agency/Jane Roe)\n\n{LEAD}\n\n"
            "Aerial photo taken on March 3, 2001 shows the new ferry port. (Photo by Jane Roe/XYZ Agency)\n\n"
            f"{MORE}\n\nministers_2001.jpg\n\n![]() |")
    assert [k for k, _ in rules_of(page)] == ["caption"] * 4
    assert stripped(page) == f"{LEAD}\n\n{MORE}"
    # a sentence that ends in brackets is prose, and so is a long sentence mentioning a photo
    prose = (f"{LEAD} The ministers also discussed the fisheries agreement (EU/UN)\n\n"
             "The photo exhibition of the two capitals, opened by the ministers, will travel to Ostria in May.")
    assert stripped(prose) == prose


def test_caption_only_page_keeps_its_caption():
    page = "The two ministers shake hands in Lisbon, March 4, 2001. (XYZ Agency/Jane Roe)"
    assert strip_furniture(page) == (page, ())


def test_share_print_and_comment_buttons():
    page = (f"Text:AAAPrint\nfontLarger fontSmaller\n\n{LEAD}\n\n{MORE}\n\nShare: Facebook Twitter WeChat\n"
            "Share - WeChat\nPrint Mail Large Medium Small\nEmail this to your friend\nGo to Forum >>0 Comment(s)")
    assert [k for k, _ in rules_of(page)] == ["share"] * 7
    assert stripped(page) == f"{LEAD}\n\n{MORE}"


def test_end_mark_only_at_the_end():
    page = f"{LEAD}\n\n# # #"
    assert rules_of(page) == [("end_mark", "end_mark")] and stripped(page) == LEAD


@pytest.mark.parametrize("dateline", [
    "LISBON, March 4 (XYZ Agency) -- ",
    "LISBON, Ostria, March 4 (XYZ Agency) — ",
    "THE HAGUE, Aug. 26, 2001 (XYZ Agency) -- ",
    "LISBON -- ",
])
def test_dateline_prefix_leaves_the_text_and_the_rest_stays(dateline):
    page = f"{dateline}{LEAD}\n\n{MORE}"
    text, removals = strip_furniture(page)
    assert text == f"{LEAD}\n\n{MORE}"
    assert [(r.kind, r.line, r.text) for r in removals] == [("dateline", 1, dateline.strip())]


@pytest.mark.parametrize("prose", [
    "NATO — the alliance of thirty states — was discussed at length by the two ministers.",
    "The EU -- and its member states -- welcomed the agreement on the ferry line.",
])
def test_a_dash_after_capitals_is_not_a_dateline(prose):
    assert stripped(prose) == prose


def test_headline_title_repeat_and_subheadings():
    title = "Westmark, Ostria agree on ferry line"
    page = (f"LINE\n\n{title}\n\n{LEAD}\n\nMinister says ferry line to open in spring\n\n"
            "The minister said that the ferry line between the two countries would open in the spring.")
    assert rules_of(page, title) == [("label", "lone_marker"), ("headline", "title_repeat"),
                                     ("headline", "subheading")]
    assert stripped(page, title).startswith(LEAD)
    # a title that is the first sentence stays in the text, where it is prose
    assert stripped(LEAD + "\n\n" + MORE, LEAD) == LEAD + "\n\n" + MORE
    # a line that only shares a few words with the next paragraph is not a subheading
    lone = f"{LEAD}\n\nMinister says more talks needed\n\n{MORE}"
    assert stripped(lone) == lone


def test_stripping_twice_changes_nothing_more():
    page = f"LINE\n2001-02-03 04:05:06XYZ Agency\nLISBON, March 4 (XYZ Agency) -- {LEAD}\n\nShare\n\n{MORE}"
    once = stripped(page)
    assert strip_furniture(once) == (once, ())


# ---------------------------------------------------------------- records, loads, explanations
def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


PAGE = (f"LINE\n\n2001-03-05 10:15:00XYZ Agency\n\nThe two ministers shake hands in Lisbon, March 4, 2001. "
        f"(XYZ Agency/Jane Roe)\n\nLISBON, March 4 (XYZ Agency) -- {LEAD}\n\n{MORE}\n\nShare: Facebook Twitter")


def test_record_keeps_the_page_text_and_the_trace(tmp_path):
    p = write_jsonl(tmp_path / "p.jsonl", [{"title": "Ministers meet", "text": PAGE, "url": "https://x.example/1"}])
    (rec,) = list(read_file(p))
    assert rec.page_text == PAGE
    assert rec.text == f"{LEAD}\n\n{MORE}"
    assert [(r.line, r.kind) for r in rec.furniture] == [(1, "label"), (3, "timestamp"), (5, "caption"),
                                                          (7, "dateline"), (11, "share")]
    # the facts are read with the caption and the dateline, without the rest
    assert facts_text(rec) == ("The two ministers shake hands in Lisbon, March 4, 2001. (XYZ Agency/Jane Roe)\n\n"
                               f"LISBON, March 4 (XYZ Agency) -- {LEAD}\n\n{MORE}")
    assert facts_text(rec, keep=()) == rec.text


def test_the_day_is_still_read_from_the_dateline_and_the_stamp(tmp_path):
    p = write_jsonl(tmp_path / "p.jsonl", [{"title": "Ministers meet", "text": PAGE, "url": "https://x.example/1"}])
    row = load_readouts(p).iloc[0]
    assert row["text"] == f"{LEAD}\n\n{MORE}"
    assert row["date"] == pd.Timestamp("2001-03-04") and not row["date_inferred"]


def test_explain_furniture_for_a_row_a_record_and_a_text(tmp_path):
    p = write_jsonl(tmp_path / "p.jsonl", [{"title": "Ministers meet", "text": PAGE, "url": "https://x.example/1"}])
    df = load_readouts(p)
    trace = explain_furniture(df.iloc[0])
    assert list(trace.columns) == ["line", "kind", "rule", "text"]
    assert trace["rule"].tolist() == ["lone_marker", "stamp_iso", "photo_credit", "agency_dateline", "share_buttons"]
    assert trace.loc[3, "text"] == "LISBON, March 4 (XYZ Agency) --"
    assert explain_furniture(df).equals(trace)  # a one-row frame
    assert explain_furniture(list(read_file(p))[0]).equals(trace)
    assert explain_furniture(PAGE)["rule"].tolist() == trace["rule"].tolist()
    assert explain_furniture(LEAD).empty


def test_ids_and_duplicates_read_the_page_as_read(tmp_path):
    # two pages without a url, differing only in their publication stamps: two readouts, not one
    a = {"title": "Ministers meet", "text": f"2001-03-05 10:15 XYZ Agency\n\n{LEAD} {MORE}"}
    b = {"title": "Ministers meet", "text": f"2001-03-06 08:00 XYZ Agency\n\n{LEAD} {MORE}"}
    df = load_readouts(write_jsonl(tmp_path / "p.jsonl", [a, b]))
    assert len(df) == 2 and df.attrs["rejects"].empty
    assert df["text"].tolist() == [f"{LEAD} {MORE}"] * 2
    assert df["readout_id"].tolist() == [readout_id(None, a["title"], a["text"]), readout_id(None, b["title"], b["text"])]


# ---------------------------------------------------------------- empty texts
def test_one_paragraph_txt_file_is_a_text_not_a_title(tmp_path):
    p = tmp_path / "one.txt"
    p.write_text(LEAD + "\n", encoding="utf-8")
    (rec,) = list(read_file(p))
    assert rec.title is None and rec.text == LEAD
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no empty-text warning: the paragraph is the text
        df = load_readouts(p)
    assert df.loc[0, "text"] == LEAD and pd.isna(df.loc[0, "title"])
    assert df.attrs["warnings"].empty


def test_a_readout_with_an_empty_text_is_kept_with_a_warning(tmp_path):
    p = write_jsonl(tmp_path / "p.jsonl", [
        {"title": "Telephone conversation with President of Ostria", "text": "", "url": "https://x.example/1"},
        {"title": "Ministers meet", "text": LEAD, "url": "https://x.example/2"},
        {"title": "Photo gallery of the visit", "text": "LINE\n\nPhoto", "url": "https://x.example/3"},
    ])
    with pytest.warns(EmptyTextWarning, match=r"2 readouts have an empty text .* p\.jsonl:1"):
        df = load_readouts(p)
    assert len(df) == 3 and df.attrs["rejects"].empty
    listed = df.attrs["warnings"]
    assert listed[["path", "line"]].values.tolist() == [[str(p), 1], [str(p), 3]]
    assert listed["readout_id"].tolist() == df["readout_id"].iloc[[0, 2]].tolist()
    assert set(listed["warning"]) == {EMPTY_TEXT}
    assert df.loc[0, "medium"] == "phone"  # the title's facts are kept
    assert df.loc[2, "text"] == ""  # "LINE" and "Photo" were all the page had


def test_errors_raise_does_not_raise_on_an_empty_text(tmp_path):
    p = write_jsonl(tmp_path / "p.jsonl", [{"title": "Call with the King", "text": "", "url": "u"}])
    with pytest.warns(EmptyTextWarning):
        df = load_readouts(p, errors="raise")
    assert len(df) == 1


def test_markdown_h1_is_the_title_not_the_first_sentence(tmp_path):
    body = f"# Ministers meet in Lisbon\n\n{LEAD}\n\n## The ferry line\n\n{MORE}\n"
    with_title = tmp_path / "a.md"
    with_title.write_text("---\ntitle: Ministers meet in Lisbon\ndate: 2001-03-04\n---\n" + body, encoding="utf-8")
    without = tmp_path / "b.md"
    without.write_text("---\ndate: 2001-03-04\n---\n" + body, encoding="utf-8")
    for path in (with_title, without):
        (rec,) = list(read_file(path))
        assert rec.title == "Ministers meet in Lisbon"
        assert rec.text == f"{LEAD}\n\nThe ferry line\n\n{MORE}"  # a section's heading stays


def test_markdown_heading_after_text_is_not_dropped(tmp_path):
    p = tmp_path / "c.md"
    p.write_text(f"---\ntitle: Ministers meet\n---\n{LEAD}\n\n# Background\n\n{MORE}\n", encoding="utf-8")
    (rec,) = list(read_file(p))
    assert rec.title == "Ministers meet"
    assert rec.text == f"{LEAD}\n\nBackground\n\n{MORE}"
    # an untitled page takes its first heading as title, and that line is then not repeated in the text
    p.write_text(f"---\ndate: 2001-03-04\n---\n{LEAD}\n\n# Background\n\n{MORE}\n", encoding="utf-8")
    (rec,) = list(read_file(p))
    assert rec.title == "Background" and rec.text == f"{LEAD}\n\n{MORE}"


def test_record_defaults_have_no_furniture():
    rec = Record(path="x", line=1, text=LEAD)
    assert rec.page_text is None and rec.furniture == () and facts_text(rec) == LEAD


# ---------------------------------------------------------------- the guards (derived prefilters)
@pytest.mark.parametrize("pattern, guard", [
    (r"a(?:b|c)\d{2}", r"[\d]"),            # letters never guard; a digit does
    (r"(?i:x)\(", r"[\(]"),
    (r"x?:?\(", r"[\(]"),                    # optional parts do not
    (r"(?:a|\()z", None),                     # a branch of a letter: no guard
    (r"(?:\[|\()z|(?:\]|\))", r"[\(\)\[\]]"),  # a branch: the union of its branches' guards
    (r"[:;]+z", r"[:;]"),
    (r"(?=.*[)\]]).*", r"[\)\]]"),          # a look-ahead's characters are in the line too
    (r"(?!:)x.*", None),                       # a negative look-ahead guards nothing
    (r".*", None),
    (r"\w+:\s*-", r"[:]"),                    # the fewest characters
])
def test_char_guard_is_derived_from_the_pattern(pattern, guard):
    assert char_guard(pattern) == guard


def test_a_guard_never_changes_what_a_rule_matches():
    # every rule, guarded as the readers compile it, matches exactly what its pattern matches, on its
    # example and on strings made by cutting, doubling and re-joining pieces of the examples
    from diplo_analysis.readers.furniture import _guarded

    import random

    from importlib import resources

    rows = read_furniture(resources.files("diplo_analysis") / "data" / "furniture.csv")
    rng = random.Random(15)
    pieces = [r["example"] for r in rows] + [":", "(", ")", "]", "[", "-", "2001", " ", "|", "•", ">", "."]
    probes = [r["example"] for r in rows]
    for _ in range(3000):
        parts = [rng.choice(pieces) for _k in range(rng.randint(1, 3))]
        probes.append("".join(p[rng.randint(0, len(p)):] if rng.random() < 0.3 else p for p in parts))
    for r in rows:
        guarded = re.compile(_guarded(r["pattern"]))
        for s in probes:
            assert bool(r["regex"].fullmatch(s)) == bool(guarded.fullmatch(s)), (r["name"], s)
            assert bool(r["regex"].match(s)) == bool(guarded.match(s)), (r["name"], s)


def test_a_guard_that_misses_the_example_fails_the_table(tmp_path, monkeypatch):
    from diplo_analysis.readers import furniture

    monkeypatch.setattr(furniture, "char_guard", lambda pattern: "[@]")
    p = tmp_path / "furniture.csv"
    p.write_text("name,kind,position,pattern,example,description\n"
                 "colon_line,label,line,:x,:x,A colon and an x.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="guard"):
        read_furniture(p)


# ---------------------------------------------------------------- on the corpus
#: Probes written for this test (not the package's rules): lines of page furniture.
PROBES = {
    "marker": re.compile(r"LINE|Photo"),
    "stamp": re.compile(r"(?:\(?[A-Z][\w' ]{1,40}\)\s*)?\d{1,2}:\d{2},? [A-Z][a-z]+ \d{1,2}, \d{4}"
                        r"|\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?\s*\w*"),
    "credit": re.compile(r"\(?(?:Web )?[Ee]ditor:.*|Source:.*"),
    "caption": re.compile(r".*\((?:Photo[:/ ].*|Xinhua/[A-Z].*)\)\s*\|?|.*\[Photo/Xinhua\]"),
    "share": re.compile(r"(?i)share\b.*|text:a+print|print mail.*"),
    "dateline": re.compile(r"[A-Z]{3,}[A-Z ]*, [A-Z][a-z]+\.? \d{1,2} \(Xinhua\) --.*"),
}


@pytest.mark.corpus
def test_no_furniture_left_in_the_chinese_pages(shared_corpus):
    path = shared_corpus / "china_pages" / "china_readouts_pages.jsonl"
    found = {}
    kinds = set()
    for rec in read_file(path):
        if not isinstance(rec, Record):
            continue
        kinds |= {r.kind for r in rec.furniture}
        for ln in rec.text.split("\n"):
            for name, probe in PROBES.items():
                if probe.fullmatch(ln.strip()):
                    found.setdefault(name, []).append(f"{rec.line}: {ln.strip()[:60]}")
    assert not found, found
    # and the rules fired: every kind but the press release's end mark is in these pages
    assert kinds >= set(KINDS) - {"end_mark"}


def test_prefix_rules_are_tried_without_their_guard_and_match_the_same():
    # a prefix rule fails at a line's first characters: the readers compile it without the guard, which
    # would read the line first; the matches (span and rule) are those of the guarded form
    from diplo_analysis.readers.furniture import _combined, _rules

    rules = _rules()
    guarded = _combined(rules.rows, ("prefix",))
    assert rules.prefix is not None and "(?=[^" not in rules.prefix.pattern
    assert "(?=[^" in guarded.pattern  # the dateline rule has a guard: the comparison below means something
    probes = [r["example"] for r in rules.rows]
    probes += [f"{p} {q}" for p in probes[:12] for q in ("Talks were held.", "-- more", "(Agency) --", "")]
    for s in probes:
        a, b = rules.prefix.match(s), guarded.match(s)
        assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), s


@pytest.mark.parametrize("line, rule", [
    ("Skip to content", "skip_link"),
    ("Example Government frontpage", "skip_link"),
    ("Government Communications Department", "issuing_office"),
    ("(Press Office of the Prime Minister)", "issuing_office"),
    ("Type:Press release 146/2001", "release_number"),
    ("[Provisional Translation]", "translation_note"),
    ("If you can not view the video, click here", "player_notice"),
])
def test_a_government_sites_furniture_lines(line, rule):
    page = f"Ministers meet in Lisbon\n\n{line}\n\n{LEAD}\n\n{MORE}"
    assert rules_of(page) == [(furniture_rules().set_index("name").loc[rule, "kind"], rule)]
    assert stripped(page) == f"Ministers meet in Lisbon\n\n{LEAD}\n\n{MORE}"


def test_a_sentence_naming_a_press_office_is_prose():
    prose = "The Press Office of the Prime Minister said the two leaders met in Lisbon on Monday."
    assert stripped(f"{prose}\n\n{MORE}") == f"{prose}\n\n{MORE}"
