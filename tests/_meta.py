"""One invented page through the metadata layer, for the rule tests (shared by the test_world_rules*,
test_royal_rules and test_language_* files).

Imported as a plain module (pytest puts ``tests/`` on ``sys.path``).
"""

from __future__ import annotations

from diplo_analysis.metadata import explain_metadata, extract_metadata
from diplo_analysis.records import Record

#: The address of an invented page of a site the package does not know.
UNKNOWN_SITE = "https://www.example-news.org/item/1"


def explained(title, text, url=UNKNOWN_SITE, date=None, publisher=None):
    """``(extract_metadata(record), explain_metadata(record) indexed by fact)`` of an invented page."""
    rec = Record(path="x.jsonl", line=1, title=title, text=text, url=url, date=date, publisher=publisher)
    return extract_metadata(rec), explain_metadata(rec).set_index("fact")
