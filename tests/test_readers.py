"""Readers: one file -> Records and Rejects (fixtures invented for the purpose)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplo_analysis.readers import READERS, read_file
from diplo_analysis.readers._decode import BadInput, clean_page_text, decode_bytes
from diplo_analysis.readers.markdown import markdown_to_text
from diplo_analysis.readers.text import split_title
from diplo_analysis.records import Record, Reject

HERE = Path(__file__).parent / "fixtures" / "readers"


def read_all(path, columns=None):
    return list(read_file(path, columns))


def only_record(path, columns=None) -> Record:
    items = read_all(path, columns)
    assert len(items) == 1 and isinstance(items[0], Record), items
    return items[0]


def only_reject(path, columns=None) -> Reject:
    items = read_all(path, columns)
    assert len(items) == 1 and isinstance(items[0], Reject), items
    return items[0]


# ---------------------------------------------------------------- text
def test_txt_strips_breadcrumb_and_trailer_and_takes_title():
    rec = only_record(HERE / "page.txt")
    assert rec.title == "President Aldo Verin Holds Phone Talks with Prime Minister Kesa Mott"
    assert rec.text.startswith("On the morning of 3 March")
    assert "Home >" not in rec.text and "Suggest" not in rec.text
    assert rec.text.endswith("clean energy.")
    assert rec.text.count("\n\n") == 2  # three paragraphs
    assert rec.line == 1


def test_txt_sidecar_fields_and_meta():
    rec = only_record(HERE / "page.txt")
    assert rec.publisher == "Ministry of Foreign Affairs of Norland"
    assert rec.url == "https://mfa.norland.example/news/0303.html"
    assert rec.meta == {"year": 2019}  # not title/url/date/publisher: into meta


def test_txt_yaml_sidecar_title_wins(tmp_path):
    (tmp_path / "a.txt").write_text("Ministers Talk\n\nThe ministers talked about roads and bridges.\n")
    (tmp_path / "a.meta.yaml").write_text("title: Foreign Ministers Hold Talks\ndate: 2015-02-03\nsource: embassy\n")
    rec = only_record(tmp_path / "a.txt")
    assert rec.title == "Foreign Ministers Hold Talks"
    assert rec.date == "2015-02-03"
    assert rec.meta == {"source": "embassy"}
    # the first line is not the sidecar's title, so it stays in the text
    assert rec.text.startswith("Ministers Talk")


def test_txt_without_headline_has_no_title(tmp_path):
    p = tmp_path / "b.txt"
    p.write_text("The two presidents spoke by phone on Monday.\nThey discussed trade.\n")
    rec = only_record(p)
    assert rec.title is None
    assert rec.text.startswith("The two presidents spoke")


def test_invalid_sidecar_rejects_the_document(tmp_path):
    (tmp_path / "c.txt").write_text("Title\n\nSome text of the readout.\n")
    (tmp_path / "c.meta.json").write_text("{not json")
    rej = only_reject(tmp_path / "c.txt")
    assert "invalid sidecar c.meta.json" in rej.reason


@pytest.mark.parametrize(
    "first, kept",
    [
        ("Home > China News", False),
        ("Home>News Center>World", False),
        ("Growth was 5 > 3 percent.", True),
        ("President A Meets President B", True),
    ],
)
def test_breadcrumb_rule(first, kept):
    out = clean_page_text(first + "\nBody line.")
    assert (first in out) is kept


@pytest.mark.parametrize("trailer", ["<Suggest to a friend>", "Suggest to a friend:", "Print", "[Print] [Close]"])
def test_trailer_rule(trailer):
    assert clean_page_text("Body line one.\n\n" + trailer) == "Body line one."


@pytest.mark.parametrize("kept", ["<…>", "[Applause.]", "The meeting will continue tomorrow."])
def test_non_trailer_last_lines_are_kept(kept):
    # "<…>" marks an elision in transcripts: no letter, not a trailer
    assert clean_page_text("Body line one.\n\n" + kept).endswith(kept)


def test_split_title_rule():
    assert split_title("A Headline\n\nBody.") == ("A Headline", "\nBody.")
    # a sentence directly followed by more text is not a headline
    assert split_title("He said so.\nThen left.")[0] is None


# ---------------------------------------------------------------- JSONL
def test_jsonl_fields_meta_and_blank_lines():
    items = read_all(HERE / "calls.jsonl")
    assert [type(i) for i in items] == [Record] * 3
    first, photo, greet = items
    assert [r.line for r in items] == [1, 3, 4]  # line 2 is blank: no record
    assert first.title.startswith("Readout of the President")
    assert first.date == "2022-05-04" and first.publisher == "Office of the President of Eastland"
    assert first.meta == {"section": "readouts", "published_time": "2022-05-04 18:02:11-04:00"}
    assert photo.text == "" and photo.meta == {"place": "Capital"}
    assert greet.meta == {"lead": "The President sent greetings.", "time": "11:00"}


def test_jsonl_malformed_line_is_rejected_and_others_load(tmp_path):
    p = tmp_path / "mixed.jsonl"
    good = {"title": "Call with the King", "text": "The President spoke with the King.", "url": "u1"}
    p.write_text(json.dumps(good) + "\n" + '{"title": "broken", "text": \n' + json.dumps({**good, "url": "u2"}) + "\n")
    items = read_all(p)
    assert [type(i).__name__ for i in items] == ["Record", "Reject", "Record"]
    assert items[1].line == 2 and items[1].reason.startswith("invalid JSON")
    assert items[2].line == 3


def test_jsonl_non_object_and_missing_text_field(tmp_path):
    p = tmp_path / "odd.jsonl"
    p.write_text('[1, 2]\n{"headline": "x", "body": "y"}\n')
    a, b = read_all(p)
    assert isinstance(a, Reject) and "expected an object" in a.reason and a.line == 1
    assert isinstance(b, Reject) and "no text field 'text'" in b.reason and "headline, body" in b.reason


def test_jsonl_column_mapping(tmp_path):
    p = tmp_path / "mapped.jsonl"
    p.write_text(json.dumps({"headline": "Talks with the Premier", "body": "They met.", "link": "https://x.example/1",
                             "day": "2019-01-02", "extra": 5}) + "\n")
    rec = only_record(p, {"title": "headline", "text": "body", "url": "link", "date": "day"})
    assert (rec.title, rec.text, rec.url, rec.date) == ("Talks with the Premier", "They met.", "https://x.example/1", "2019-01-02")
    assert rec.meta == {"extra": 5}


def test_bad_columns_mapping_is_a_clear_error(tmp_path):
    p = tmp_path / "m.jsonl"
    p.write_text('{"text": "x"}\n')
    with pytest.raises(ValueError, match="unknown field 'body'"):
        read_all(p, {"body": "text"})


def test_json_array_file(tmp_path):
    p = tmp_path / "arr.json"
    p.write_text(json.dumps([{"title": "A", "text": "One."}, 3, {"title": "B", "text": "Two."}], indent=1))
    items = read_all(p)
    assert [type(i).__name__ for i in items] == ["Record", "Reject", "Record"]
    assert [i.line for i in items] == [1, 2, 3]


# ---------------------------------------------------------------- CSV
def test_csv_mapping_and_physical_line_numbers():
    a, b = read_all(HERE / "calls.csv", {"title": "headline", "text": "body"})
    assert a.title == "Call with Prime Minister Jun Ito"
    assert a.text == "The President spoke by phone with Prime Minister Jun Ito.\n\nThey agreed to meet in the autumn."
    assert a.meta == {"site": "office.example"}
    # the header is line 1; row 1 starts on line 2 and spans 3 lines, so row 2 starts on line 5
    assert (a.line, b.line) == (2, 5)


def test_csv_without_text_column_is_one_reject():
    rej = only_reject(HERE / "calls.csv")
    assert rej.line == 1
    assert "no text column 'text'" in rej.reason
    assert "'body'" in rej.reason and "columns={'text'" in rej.reason


def test_tsv(tmp_path):
    p = tmp_path / "t.tsv"
    p.write_text("title\ttext\nTalks\tThe sides talked.\n\n")
    rec = only_record(p)
    assert (rec.title, rec.text, rec.line) == ("Talks", "The sides talked.", 2)


# ---------------------------------------------------------------- HTML
def test_html_kremlin_like_page_lead_body_metadata():
    rec = only_record(HERE / "kremlin_like.html")
    assert rec.title == "Telephone conversation with President of Ostria Kesa Mott"
    assert rec.url == "https://office.example/events/news/4242"  # og:url; relative canonical ignored
    assert rec.date == "2020-06-10"
    assert rec.publisher == "Office of the President of Eastland"
    paras = rec.text.split("\n\n")
    assert paras[0] == "The President had a telephone conversation with President of Ostria Kesa Mott."  # the lead
    assert "25th anniversary" in paras[1]  # <sup> joined without a space
    assert paras[2] == "Mr President and Ms Mott also exchanged views on grain supplies."  # tooltip dropped
    for noise in ("Home", "Foreign policy", "Publication date", "licensed", "Topics"):
        assert noise not in rec.text


def test_html_generic_page_densest_paragraphs():
    rec = only_record(HERE / "generic.html")
    assert rec.page_text.startswith("HARBOUR CITY, Nov. 4")  # the dateline stays in the page text
    assert rec.text.startswith("Premier Tam Wen met")  # and leaves the text
    assert [r.kind for r in rec.furniture] == ["dateline"]
    assert len(rec.text.split("\n\n")) == 3
    assert "Most read" not in rec.text and "Copyright" not in rec.text
    assert rec.url == "https://harbour.example/world/2018-11/05/premier-tam.html"  # absolute canonical
    assert rec.date == "2018-11-05T09:30:00+08:00"


def test_html_without_body_text_is_rejected(tmp_path):
    p = tmp_path / "photo.html"
    p.write_text('<html><head><meta property="og:title" content="Photo of the day"></head>'
                 '<body><img src="x.jpg"><script>var a = 1;</script></body></html>')
    assert only_reject(p).reason == "no main text found"


# ---------------------------------------------------------------- Markdown
def test_markdown_front_matter_and_flattening():
    rec = only_record(HERE / "readout.md")
    assert rec.title == "Readout of the President’s Call with President Mara Lind of Nordica"  # NBSP folded
    assert rec.date == "2023-04-11"
    assert rec.url == "https://office.example/briefing-room/2023/04/11/readout-call-with-president-lind/"
    assert rec.meta["tags"] == "statements-releases"
    assert rec.meta["published_time"] == "2023-04-11 19:20:05-04:00"
    paras = rec.text.split("\n\n")
    assert paras[0].startswith("The President spoke today with President Mara Lind of Nordica to discuss the security")
    assert "joint wind energy programme. The leaders" in paras[0]  # link text kept, hard wraps joined
    assert paras[1:] == ["Shipping safety in the strait.", "A new science exchange."]
    for mark in ("*", "[", "](", "#", "!", "\\"):
        assert mark not in rec.text


def test_markdown_to_text_drops_only_the_final_end_mark():
    assert markdown_to_text("Para one.\n\n\\###\n") == "Para one."
    assert markdown_to_text("## A heading\n\ntext") == "A heading\n\ntext"


def test_markdown_without_front_matter_is_rejected(tmp_path):
    p = tmp_path / "plain.md"
    p.write_text("# Notes\n\nNo front matter here.\n")
    assert only_reject(p).reason == "no YAML front matter"


# ---------------------------------------------------------------- decoding and bad files
def test_latin1_text_is_decoded_and_marked(tmp_path):
    p = tmp_path / "old.txt"
    p.write_bytes("Visite à Paris\n\nLe président a reçu le ministre. Café.\n".encode("cp1252"))
    rec = only_record(p)
    assert rec.title == "Visite à Paris"
    assert "reçu" in rec.text
    assert rec.meta["encoding"] == "cp1252"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    text, enc = decode_bytes(b"caf\xe9 \x81 ok")
    assert enc == "latin-1" and text.startswith("café")


def test_utf8_bom_is_removed_and_not_marked(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffTalks in Rome\n\nThe ministers met.\n".encode("utf-8"))
    rec = only_record(p)
    assert rec.title == "Talks in Rome" and "encoding" not in rec.meta


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv", ".html", ".md"])
def test_binary_file_is_rejected(tmp_path, suffix):
    p = tmp_path / ("blob" + suffix)
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert only_reject(p).reason == "binary file"


def test_control_characters_make_a_binary_file():
    with pytest.raises(BadInput, match="binary file"):
        decode_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 65]) * 10)


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv", ".html", ".md"])
def test_empty_file_is_rejected(tmp_path, suffix):
    p = tmp_path / ("empty" + suffix)
    p.write_text("  \n\t\n")
    assert only_reject(p).reason == "empty file"


def test_unsupported_suffix(tmp_path):
    p = tmp_path / "scan.pdf"
    p.write_bytes(b"%PDF-1.4")
    rej = only_reject(p)
    assert rej.reason == "unsupported file type '.pdf'" and rej.line == 1


def test_registry_covers_the_documented_suffixes():
    assert {".txt", ".jsonl", ".json", ".csv", ".tsv", ".html", ".htm", ".md", ".markdown"} <= set(READERS)


def test_html_lead_outside_the_article_is_not_used(tmp_path):
    p = tmp_path / "teaser.html"
    p.write_text('<html><body><div class="lead">Top story elsewhere: floods in the south.</div>'
                 '<article><div itemprop="articleBody"><p>The ministers met in the capital.</p></div></article>'
                 '</body></html>')
    assert only_record(p).text == "The ministers met in the capital."


# ---------------------------------------------------------------- fast paths keep the rules
def _reference_jsonl(path):
    """The JSONL rule spelled out line by line: (line, object or error) for non-blank lines."""
    out = []
    raw = Path(path).read_bytes().decode("utf-8-sig")
    for i, line in enumerate(raw.split("\n"), 1):
        if not line or line.isspace():
            continue
        try:
            out.append((i, json.loads(line)))
        except ValueError as exc:
            out.append((i, f"invalid JSON: {exc.msg} (column {exc.colno})"))
    return out


def test_jsonl_in_place_decoding_follows_the_line_rule(tmp_path):
    lines = [
        '{"title": "Talks", "text": "The sides talked."}',
        "",
        "   \t ",
        "\u3000",  # a line of Unicode space: blank
        '  {"title": "Lead spaces", "text": "Kept."}  \r',
        '{"title": "Split",',  # an object over two lines: two bad lines
        ' "text": "Never joined."}',
        '{"text": "One."} {"text": "Two."}',  # two values on a line
        '{"text": "Trailing junk."} x',
        '{"text": "Unicode space after."}\u3000',
        "\ufeff{\"text\": \"A byte-order mark mid-file.\"}",
        "null",
        '["text"]',
        '{"text": "A line separator \u2028 inside a string"}',
        '{"text": "Last line, no newline."}',
    ]
    p = tmp_path / "tricky.jsonl"
    p.write_text("\n".join(lines), encoding="utf-8")
    got = read_all(p)
    ref = _reference_jsonl(p)
    assert [item.line for item in got] == [i for i, _ in ref]
    for item, (i, obj) in zip(got, ref):
        if isinstance(obj, dict):
            assert isinstance(item, Record) and item.text == obj["text"], (i, item)
        elif isinstance(obj, str):
            assert isinstance(item, Reject) and item.reason == obj, (i, item)
        else:
            assert isinstance(item, Reject) and item.reason.startswith("invalid JSON: expected an object"), (i, item)
    kinds = ["R" if isinstance(x, Record) else "J" for x in got]
    assert kinds == ["R", "R", "J", "J", "J", "J", "J", "J", "J", "J", "R", "R"]


def test_trailer_first_characters_cover_every_start_of_the_trailer_pattern():
    import re

    from diplo_analysis.readers._decode import _TRAILER_FIRST

    first = re.compile(r"[<\[spectbg]", re.IGNORECASE)  # what the alternatives of _TRAILER start with
    assert all(chr(c) in _TRAILER_FIRST for c in range(0x110000) if first.fullmatch(chr(c)))
    # the long s matches "s" without case: a trailer still
    assert clean_page_text("Body text.\n\n\u017fhare this") == "Body text."


def test_breadcrumb_needs_a_marker_on_the_first_line():
    assert clean_page_text("Home > News\nThe two sides talked.") == "The two sides talked."
    # a ">" further down is not a breadcrumb
    kept = "Home News\nThe two sides talked > than before."
    assert clean_page_text(kept) == kept


# ---------------------------------------------------------------- pages of other sites
def _page(tmp_path, head="", body="", name="p.html"):
    path = tmp_path / name
    path.write_text(f"<!doctype html><html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    return path


def test_html_title_loses_a_trailing_site_name_or_becomes_the_h1(tmp_path):
    body = "<main><p>The Minister met the visiting delegation from the coastal provinces today.</p></main>"
    rec = only_record(_page(tmp_path, "<title>Talks on fisheries | Ministry of Foreign Affairs of Ruritania</title>", body))
    assert rec.title == "Talks on fisheries"
    rec = only_record(_page(tmp_path, "<title>Talks on fisheries - GOV.UK</title>", body))
    assert rec.title == "Talks on fisheries"
    rec = only_record(_page(tmp_path, "<title>News | Talks on fisheries and ports | Portal</title>",
                            "<h1>Talks on fisheries and ports</h1>" + body))
    assert rec.title == "Talks on fisheries and ports"  # the <title> holds the h1
    rec = only_record(_page(tmp_path, "<title>Talks - on fisheries</title>", body))
    assert rec.title == "Talks - on fisheries"  # a dash that names no site stays


def test_html_date_from_json_ld_then_from_a_visible_date_element(tmp_path):
    body = "<main><p>The Minister met the visiting delegation from the coastal provinces today.</p></main>"
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",'
          ' "headline": "Talks on ports", "datePublished": "2024-08-16T15:42:00+1000", "url": "https://x.example/a"}]}'
          "</script>")
    rec = only_record(_page(tmp_path, ld, body))
    assert (rec.date, rec.title, rec.url) == ("2024-08-16T15:42:00+1000", "Talks on ports", "https://x.example/a")
    visible = ('<div class="sidebar"><span class="widget__date">January 2, 2024</span></div>'
               '<p class="documentModified">Updated 31 January 2024</p>'
               '<span class="post-date">Tuesday, 30 January 2024</span>')
    rec = only_record(_page(tmp_path, "<title>Talks</title>", visible + body))
    assert rec.date == "30 January 2024"  # not the sidebar's, not the update's


def test_html_broken_json_ld_is_ignored(tmp_path):
    body = "<main><p>The Minister met the visiting delegation from the coastal provinces today.</p></main>"
    rec = only_record(_page(tmp_path, '<title>Talks</title><script type="application/ld+json">{oops</script>', body))
    assert rec.title == "Talks" and rec.date is None


def test_html_a_layout_class_that_looks_like_furniture_keeps_the_article(tmp_path):
    body = ('<main><div class="grid-row gem-print-columns-none"><div><p>The Prime Minister spoke to the President '
            'of Ruritania this afternoon about grain.</p><p>They agreed to stay in touch.</p></div></div>'
            '<div class="share-links"><p>Share this page</p></div></main>')
    rec = only_record(_page(tmp_path, "<title>PM call</title>", body))
    assert rec.text.startswith("The Prime Minister spoke") and "Share this page" not in rec.text


def test_html_line_breaks_separate_paragraphs_of_a_page_without_p(tmp_path):
    body = ('<div class="content">The President received the Prime Minister at the palace.<br><br>'
            "The two leaders discussed trade and the border.<br>They signed three agreements.</div>")
    rec = only_record(_page(tmp_path, "<title>Visit</title>", body))
    assert rec.text.split("\n\n") == ["The President received the Prime Minister at the palace.",
                                      "The two leaders discussed trade and the border.",
                                      "They signed three agreements."]


@pytest.mark.parametrize("front, want", [
    ("headline: Talks on ports\npublished: 2024-11-15T18:05:00+01:00\nsource_url: https://x.example/a\nsite: Gov",
     ("Talks on ports", "2024-11-15 18:05:00+01:00", "https://x.example/a", "Gov")),
    ("title: Talks on ports\npubDate: Tue, 05 Mar 2024 10:00:00 +0000\nlink: https://x.example/b\nsource: the desk",
     ("Talks on ports", "Tue, 05 Mar 2024 10:00:00 +0000", "https://x.example/b", None)),
    ("date: 2023-09-09", ("Statement on the storm", "2023-09-09", "https://x.example/c", None)),
])
def test_markdown_front_matter_key_aliases_heading_and_source_line(tmp_path, front, want):
    body = "# Statement on the **storm**\n\n*Source: https://x.example/c*\n\nThe Prime Minister sent sympathy.\n"
    path = tmp_path / "n.md"
    path.write_text(f"---\n{front}\n---\n\n{body}", encoding="utf-8")
    rec = only_record(path)
    assert (rec.title, rec.date, rec.url, rec.publisher) == want
    if "source: the desk" in front:
        assert rec.meta["source"] == "the desk"  # not an address: kept in meta


def test_html_page_of_furniture_only_is_still_rejected(tmp_path):
    body = ('<div class="cookie-banner">We use cookies to make this site work and to measure how it is used.</div>'
            '<nav><div>Home About News Contact Press releases Speeches Statements</div></nav>'
            '<footer><div>Copyright Government of Ruritania, all rights reserved, 2024.</div></footer>')
    assert only_reject(_page(tmp_path, "<title>Photo</title>", body)).reason == "no main text found"


# ---------------------------------------------------------------- text pages copied whole from other sites
def _txt(tmp_path, content, name="page.txt"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_txt_site_lines_breadcrumb_title_and_date_line(tmp_path):
    rec = only_record(_txt(tmp_path, "Presidency of Ruritania\nGovernment portal\nYou are here: Home » News » Calls\n"
                                     "President holds a phone call with the Prime Minister of Freedonia\n"
                                     "Published: 17 May 2024, 11:25\n\nThe President spoke by phone with the Prime "
                                     "Minister of Freedonia about river transport.\n"))
    assert rec.publisher == "Presidency of Ruritania \u2014 Government portal"
    assert rec.title == "President holds a phone call with the Prime Minister of Freedonia"
    assert rec.date == "17 May 2024"
    assert rec.text == "The President spoke by phone with the Prime Minister of Freedonia about river transport."


@pytest.mark.parametrize("date_line, want", [("02.12.2024", "02.12.2024"), ("Tue 12-12-2023 01:18 AM", "12-12-2023"),
                                             ("No. 255/2024", None), ("2023-07-12 21:40", "2023-07-12")])
def test_txt_date_and_label_lines_under_the_title(tmp_path, date_line, want):
    rec = only_record(_txt(tmp_path, f"Home / Press\nThe Minister meets the Ambassador of Freedonia\n{date_line}\n\n"
                                     "The Minister received the Ambassador of Freedonia at the ministry today.\n"))
    assert rec.title == "The Minister meets the Ambassador of Freedonia" and rec.date == want
    assert rec.text.startswith("The Minister received")


def test_txt_related_news_share_and_copyright_tail_is_dropped(tmp_path):
    rec = only_record(_txt(tmp_path, "Home > News\nThe President meets the King of Freedonia\n\n"
                                     "The President received the King of Freedonia at the palace.\n\nPrint\n"
                                     "Share on Facebook | Share on X\nRelated news\n"
                                     "President speaks with the Emir of Qatar\nPresident receives the Prime Minister "
                                     "of Hungary\nBack to top\n\u00a9 2024 Presidency of Ruritania. All rights reserved.\n"))
    assert rec.text == "The President received the King of Freedonia at the palace."


@pytest.mark.parametrize("s", ["plain ascii", "caf\u00e9 \u2019quoted\u2019", "x\ud800", "\u00e9\udfff\u00e9",
                               "\U0001f600 emoji", "\ud83d\ude00 a pair", ""])
def test_has_surrogate_fast_paths_agree_with_a_character_scan(s):
    from diplo_analysis.readers._decode import has_surrogate

    lone = any("\ud800" <= ch <= "\udfff" for ch in s)
    assert has_surrogate(s) is lone
    assert has_surrogate({"k": [s, "ok"]}) is lone
    assert has_surrogate(("ok", None, s)) is lone


@pytest.mark.parametrize("url,ok", [
    ("https://example.org/a?b=c#d", True),
    ("http://[::1]/x", True),
    ("http://[x/", False),
    ("http://x]/y", False),
    ("https://ex\u2100ample.org/", False),  # "a/c" under NFKC: urlsplit refuses it
    ("https://\u00e9xample.org/", True),
])
def test_check_record_url_fast_path_agrees_with_urlsplit(url, ok):
    from diplo_analysis.readers import check_record

    out = check_record(Record(path="f.jsonl", line=1, text="some text", url=url))
    assert isinstance(out, Record) is ok
    if not ok:
        assert "invalid url" in out.reason


@pytest.mark.parametrize("text", ["a\n\nb", "a\n\n\nb", "a\n \nb", "a\n\t\n\t\nb", "a \n\n b", " a\n \n \n b ",
                                  "a\r\n\r\n\r\nb", "a\n\n \n", "plain", "", "\n\n\n"])
def test_normalise_paragraphs_prefilter_agrees_with_the_expression(text):
    import re

    from diplo_analysis.readers._decode import normalise_paragraphs

    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    assert normalise_paragraphs(text) == re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", unified).strip()


@pytest.mark.parametrize("obj,limit,deep", [({"a": 1}, 1, False), ({"a": 1}, 0, True), ({"a": [1]}, 1, True),
                                            ({"a": [1]}, 2, False), ({}, 0, True), ({"a": {"b": {}}}, 2, True)])
def test_too_deep_flat_fast_path(obj, limit, deep):
    from diplo_analysis.readers._decode import too_deep

    assert too_deep(obj, limit) is deep


# --- JSON Lines decoded in blocks of whole lines --------------------------------------------------
_BLOCK_CASES = {
    "plain": b'{"text": "one"}\n{"text": "two"}\n',
    "bom, blank lines, no final line end": b'\xef\xbb\xbf{"text": "a"}\n\n  \n{"text": "b"}',
    "a line longer than the block": b'{"text": "' + b"x" * 300 + b'"}\n{"text": "short"}\n',
    "non-ascii": '{"text": "caf\u00e9 \u2014 \u4e2d\u6587"}\n{"text": "na\u00efve"}\n'.encode("utf-8"),
    "cp1252 fallback": b'{"text": "caf\xe9"}\n{"text": "ok"}\n',
    "crlf": b'{"text": "a"}\r\n{"text": "b"}\r\n',
}


@pytest.mark.parametrize("size", [1, 7, 16, 64, 1 << 20])
@pytest.mark.parametrize("case", sorted(_BLOCK_CASES))
def test_blocks_join_to_the_whole_file_decoding(case, size):
    from diplo_analysis.readers._decode import decode_bytes, decode_lines_in_blocks

    data = _BLOCK_CASES[case]
    blocks, encoding = decode_lines_in_blocks(data, size)
    whole, whole_encoding = decode_bytes(data, binary_check=False)
    assert "\n".join(blocks) == whole
    assert encoding == whole_encoding
    if encoding is None and size < len(data) // 2:
        assert len(blocks) > 1  # really cut


def test_blocks_of_a_blank_file_are_an_empty_file():
    from diplo_analysis.readers._decode import BadInput, decode_lines_in_blocks

    with pytest.raises(BadInput, match="empty file"):
        decode_lines_in_blocks(b" \n\n \t\n" * 10, 4)


def test_jsonl_read_in_small_blocks_gives_the_same_records_and_rejects(tmp_path, monkeypatch):
    from diplo_analysis.readers import _decode, read_file

    lines = []
    for i in range(60):
        if i % 13 == 5:
            lines.append("{not json")
        elif i % 17 == 3:
            lines.append("")
        else:
            lines.append(json.dumps({"title": f"Item {i}", "text": f"Body number {i} " + "w " * (i % 9)}))
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = list(read_file(path))
    monkeypatch.setattr(_decode, "BLOCK_BYTES", 50)
    small = list(read_file(path))
    assert small == whole
    assert {type(x).__name__ for x in whole} == {"Record", "Reject"}
    assert [x.line for x in whole if type(x).__name__ == "Reject"] == [6, 19, 32, 45, 58]


@pytest.mark.parametrize("obj, expected", [
    ({"a": "plain", "b": "caf\u00e9"}, False),
    ({"a": "x\ud800"}, True),
    ({"a": "high \ud83d", "b": "\ude00 low"}, True),  # halves of a pair in two values stay lone
    ({"a": 5, "b": ["ok", {"c": "\udfff"}]}, True),  # not all text: walked one by one
    ({"a": 5, "b": ["ok"]}, False),
    ({"k\ud800": "v"}, True),  # keys too
    (("text", None, "url", None, None), False),
    (("text", "t\udc80", None, None, None), True),
])
def test_has_surrogate_on_records_and_meta(obj, expected):
    from diplo_analysis.readers._decode import has_surrogate

    assert has_surrogate(obj) is expected
