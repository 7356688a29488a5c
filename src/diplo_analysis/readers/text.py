"""Plain-text reader: one scraped page per ``.txt`` file.

Layout: an optional breadcrumb line (``Home > China News``), the title line,
the paragraphs, an optional trailer line (``<Suggest to a friend>``).
Breadcrumb and trailer are removed; the first line is the title when it is
headline-like (at most 300 characters and followed by a blank line or not
ending like a sentence) and some text follows it, else the record has no
title and all lines are text (a file of one paragraph is a text without a
title, not a title without a text).

A page copied whole from another site carries more furniture, and the reader
takes it apart (the "masthead": the lines before the first blank line):

- site-name lines above a breadcrumb (``Presidency of the Republic of
  Türkiye``, then ``Home > News``; breadcrumbs may use ``>``, ``/``, ``»``,
  ``›`` or start ``You are here:``) become the ``publisher``;
- a date line next to the title (``02.12.2024``, ``Published: 17 May 2024,
  11:25``, ``Tue 12-12-2023 01:18 AM``) becomes the ``date`` field, and
  labels such as ``Press Release`` or ``No. 255/2024`` are dropped;
- at the end, a "Related news" (``More news``, ``See also``, ...) line and
  the headline lines under it, share lines (``Share on Facebook | Share on
  X``), copyright lines and the usual trailers are removed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, Optional, Union

from ..records import Record, Reject
from ._decode import DATE_PATTERN, clean_page_text, normalise_paragraphs, read_decoded, rejects_bad_input

__all__ = ["read_txt", "split_title"]


def split_title(text: str) -> tuple[Optional[str], str]:
    """Split page text into (title, body) by the headline rule above.

    A page of one line, or whose first line is followed by nothing, has no
    title: that line is its text (a title would leave the record no text).
    """
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if not first or len(first) > 300 or not rest.strip():
        return None, text
    next_blank = not rest.split("\n", 1)[0].strip() if sep else True
    if next_blank or first[-1] not in ".!?:;,\"'”’":
        return first, rest
    return None, text


# a line that is only a date: an optional label and weekday, the date, an optional time
_DATE_LINE = re.compile(
    r"(?:(?:published|posted|date|updated|issued|released)(?: on)?\s*:?\s*)?(?:[A-Z][a-z]{2,8},?\s+)?"
    r"(?P<date>" + DATE_PATTERN + r")(?:,?\s*(?:at\s+)?\d{1,2}[:.h]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?",
    re.I)
_LABEL_LINE = re.compile(r"(?:press|news|media) release(?:\s+no\.?\s*\S+)?|no\.\s*\d[\w/.-]*", re.I)
_CRUMB_LINE = re.compile(
    r"(?:you are here\s*:?\s*)?(?:home|main page|start)\s*(?:>|/|\u00bb|\u203a|\|).*"
    r"|[^\n.!?]{1,60}(?:\s(?:>|\u00bb|\u203a)\s[^\n.!?]{1,80})+", re.I)
_RELATED = re.compile(
    r"(?:related|more|other|latest|recent|similar|top)(?:\s+(?:news|stories|articles|content|links|posts|items|press releases))"
    r"|see also|read also|read more|you may also like", re.I)
_SOCIAL = r"(?:facebook|x|twitter|telegram|whatsapp|linkedin|vk|vkontakte|weibo|wechat|e-?mail|instagram|youtube)"
_TAIL_LINE = re.compile(
    r"(?:share(?:\s+(?:on|this|via))?\s*:?\s*)?" + _SOCIAL + r"(?:\s*[|,\u00b7/]\s*(?:share\s+on\s+)?" + _SOCIAL + r")*"
    r"|share(?:\s+this)?(?:\s+(?:page|article))?\s*:?"
    r"|(?:copyright\s*)?(?:\u00a9|\(c\)|copyright\b).{0,120}"
    r"|back to top|to top|top of page",
    re.I)


def _masthead(text: str):
    """(publisher, title, date, body) of a page whose opening lines carry site name, breadcrumb, title and date; or None.

    Only where a breadcrumb line stands within the first four lines, below at
    most three short site-name lines.
    """
    lines = text.split("\n")
    block = []
    for ln in lines:
        if not ln.strip():
            break
        block.append(ln.strip())
    crumb = next((i for i, ln in enumerate(block[:4]) if _CRUMB_LINE.fullmatch(ln)), None)
    if crumb is None or any(len(ln) > 80 or ln.endswith(".") for ln in block[:crumb]):
        return None
    site = block[:crumb]
    title, date, i = None, None, crumb + 1
    while i < len(block):
        ln = block[i]
        d = _DATE_LINE.fullmatch(ln)
        if d:
            date = date or d.group("date")
        elif _LABEL_LINE.fullmatch(ln):
            pass
        elif title is None:
            title = ln
        else:
            break  # the first paragraph, not separated by a blank line
        i += 1
    if title is None:
        return None
    body = "\n".join(block[i:] + lines[len(block):])
    return (" \u2014 ".join(site) or None), title, date, body


def _strip_tail(text: str) -> str:
    """Remove a closing "Related news" list and share, copyright and back-to-top lines."""
    lines = text.rstrip().split("\n")
    tail = max(0, len(lines) - 15)
    for i in range(len(lines) - 1, tail - 1, -1):
        if _RELATED.fullmatch(lines[i].strip().rstrip(":")) and all(len(ln) <= 160 for ln in lines[i + 1:]):
            lines = lines[:i]
            break
    while lines and (not lines[-1].strip() or _TAIL_LINE.fullmatch(lines[-1].strip())
                     or clean_page_text(lines[-1]) == ""):
        lines.pop()
    return "\n".join(lines)


@rejects_bad_input
def read_txt(path: Union[str, Path], columns=None, sidecar: Optional[dict] = None) -> Iterator[Union[Record, Reject]]:
    """Yield the one Record of a ``.txt`` page, or a Reject.

    ``sidecar``: fields from ``X.meta.json`` (its title wins over the first line).
    """
    raw, encoding = read_decoded(path)
    text = normalise_paragraphs(raw).strip("\n")
    head = _masthead(text)
    publisher = date = None
    if head is not None:
        publisher, title, date, text = head
        text = clean_page_text(text)
    else:
        text = clean_page_text(text)
        title, text = split_title(text)
        first, _, rest = text.lstrip("\n").partition("\n")
        d = _DATE_LINE.fullmatch(first.strip()) if title else None
        if d:  # "Title / 12 March 2024 / ...": the date line under the title
            date, text = d.group("date"), rest
    side_title = (sidecar or {}).get("title")
    if side_title:
        if title and title != str(side_title).strip():
            text = f"{title}\n\n{text}"  # the sidecar's title wins; the page's first line is text again
        title = str(side_title).strip()
        text = clean_page_text(text, title)
    text = _strip_tail(text)
    rec = Record(path=str(path), line=1, text=normalise_paragraphs(text), title=title, date=date, publisher=publisher)
    if encoding:
        rec.meta["encoding"] = encoding
    yield rec
