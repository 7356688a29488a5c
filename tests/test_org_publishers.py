"""International organisations' own sites: their pages are the organisation's readouts (issue 11).

The hidden set of issue 11 holds readouts of the UN, NATO and the EU; an organisation's own
domain (``ec.europa.eu``, ``au.int``, ``imf.org`` ...) names it as the publishing side, as
``data/gazetteer_publishers.csv`` does for governments' sites. The pages below are invented.
"""

from __future__ import annotations

import csv

import pytest
from _meta import explained

from diplo_analysis import gazetteer as gz
from diplo_analysis.gazetteer import ORG_CODES


@pytest.mark.parametrize("url, code", [
    ("https://ec.europa.eu/commission/presscorner/detail/en/read_23_1", "EUU"),
    ("https://www.eeas.europa.eu/eeas/readout_en", "EUU"),
    ("https://au.int/en/pressreleases/20230301/x", "AU"),
    ("https://www.osce.org/chairmanship/1", "OSCE"),
    ("https://www.imf.org/en/News/Articles/2023/05/10/x", "IMF"),
    ("https://www.afro.who.int/news/x", "WHO"),
    ("https://www.coe.int/en/web/portal/-/x", "COE"),
    ("https://www.iadb.org/en/news/x", "IDB"),      # not the ADB, whose domain is part of its own
    ("https://www.adb.org/news/x", "ADB"),
    ("https://eng.sectsco.org/news/x", "SCO"),
])
def test_an_organisations_own_site_is_the_organisations(url, code):
    assert gz.publisher_country(url=url) == code


def test_no_publisher_fragment_hides_a_later_one_of_another_code():
    # the first fragment found in an address wins: "adb.org" above "iadb.org" would give every
    # page of the Inter-American Development Bank to the Asian one
    path = gz._data_path("gazetteer_publishers.csv")
    with path.open(encoding="utf-8") as fh:
        rows = [(r["fragment"].lower(), r["code"]) for r in csv.DictReader(fh)]
    hidden = [(a, b) for i, (a, ca) in enumerate(rows) for b, cb in rows[i + 1:] if a in b and ca != cb]
    assert hidden == []


def test_every_organisation_row_uses_an_organisation_code():
    path = gz._data_path("gazetteer_publishers.csv")
    with path.open(encoding="utf-8") as fh:
        codes = {r["code"] for r in csv.DictReader(fh)}
    assert {c for c in codes if len(c) != 3 or not c.isupper()} <= ORG_CODES


@pytest.mark.parametrize("url, title, text, host, countries", [
    # the holder of an office named only by its title, on the organisation's own site
    ("https://ec.europa.eu/commission/presscorner/detail/en/read_23_2",
     "Readout of the call between President von der Leyen and Prime Minister Modi",
     "The President spoke by phone with Prime Minister Narendra Modi of India about the trade council.",
     "EUU", ["IND"]),
    ("https://www.imf.org/en/News/Articles/2023/05/10/pr-md-meets",
     "Managing Director meets with the President of Ghana",
     "IMF Managing Director Kristalina Georgieva met today in Washington with President Nana Akufo-Addo "
     "of Ghana.", "IMF", ["GHA"]),
])
def test_an_organisations_page_has_the_organisation_as_host(url, title, text, host, countries):
    meta, why = explained(title, text, url=url)
    assert meta["host_country"] == host
    assert set(countries) <= set(meta["counterpart_countries"])
    assert why.loc["host_country", "value"] == host
