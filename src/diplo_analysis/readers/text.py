"""Plain-text reader: one scraped page per ``.txt`` file.

Layout: an optional breadcrumb line (``Home > China News``), the title line,
the paragraphs, an optional trailer line (``<Suggest to a friend>``).
Breadcrumb and trailer are removed; the first line is the title when it is
headline-like (at most 300 characters and followed by a blank line or not
ending like a sentence), else the record has no title and all lines are text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional, Union

from ..records import Record, Reject
from ._decode import clean_page_text, normalise_paragraphs, read_decoded, rejects_bad_input

__all__ = ["read_txt", "split_title"]


def split_title(text: str) -> tuple[Optional[str], str]:
    """Split page text into (title, body) by the headline rule above."""
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if not first or len(first) > 300:
        return None, text
    next_blank = not rest.split("\n", 1)[0].strip() if sep else True
    if next_blank or first[-1] not in ".!?:;,\"'”’":
        return first, rest
    return None, text


@rejects_bad_input
def read_txt(path: Union[str, Path], columns=None, sidecar: Optional[dict] = None) -> Iterator[Union[Record, Reject]]:
    """Yield the one Record of a ``.txt`` page, or a Reject.

    ``sidecar``: fields from ``X.meta.json`` (its title wins over the first line).
    """
    raw, encoding = read_decoded(path)
    text = clean_page_text(normalise_paragraphs(raw))
    side_title = (sidecar or {}).get("title")
    if side_title:
        title = str(side_title).strip()
        text = clean_page_text(text, title)
    else:
        title, text = split_title(text)
    rec = Record(path=str(path), line=1, text=normalise_paragraphs(text), title=title)
    if encoding:
        rec.meta["encoding"] = encoding
    yield rec
