"""Small HTML helpers shared by the notebook views (:mod:`concordance`, :mod:`pairview`).

Every value that comes from data goes through :func:`esc` (``html.escape``
with quotes), links are made only of ``http(s)`` urls, and nothing random or
time-dependent is written, so that a view renders to the same bytes on every
run (nbval compares the stored HTML of the notebooks).
"""

from __future__ import annotations

import html
import math
import re

import pandas as pd

#: Colours of the three tone classes (docs/tone.md), shared by the views.
TONE_CSS = (
    ".da-tone{display:inline-block;padding:0 .3em;border-radius:3px;font-size:85%;white-space:nowrap}"
    ".da-tone-coop{background:#d9f0d3;color:#1b5e20}"
    ".da-tone-neut{background:#eeeeee;color:#424242}"
    ".da-tone-conf{background:#fbd5d5;color:#8e1b1b}"
)

_HTTP = re.compile(r"https?://", re.I)


def missing(value) -> bool:
    """Whether a cell is missing (None, NaN, NaT, pd.NA)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and arrays are values
        return False


def esc(value) -> str:
    """``value`` as escaped HTML text; ``""`` for a missing value."""
    return "" if missing(value) else html.escape(str(value), quote=True)


def link(text, url) -> str:
    """``text`` (escaped) as a link to ``url`` when it is an http(s) url, else as plain text."""
    if isinstance(url, str) and _HTTP.match(url.strip()):
        return f'<a href="{esc(url.strip())}" target="_blank" rel="noopener">{esc(text)}</a>'
    return esc(text)


def day(value) -> str:
    """A date as ``YYYY-MM-DD``; ``""`` when missing."""
    return "" if missing(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def tone_badge(label, score) -> str:
    """The tone of a sentence as a coloured label with its score (``coop +0.45``)."""
    if missing(label):
        return ""
    label = str(label)
    number = "" if missing(score) or not math.isfinite(float(score)) else f" {float(score):+.2f}"
    return f'<span class="da-tone da-tone-{esc(label)}">{esc(label)}{number}</span>'


def speaker(name, side) -> str:
    """A sentence's speaker and side (``Xi Jinping (host)``), or ``narration``."""
    if missing(name) and missing(side):
        return '<span class="da-muted">narration</span>'
    if missing(name):
        return esc(side)
    return esc(name) + ("" if missing(side) else f' <span class="da-muted">({esc(side)})</span>')


def document(title: str, body: str) -> str:
    """A standalone UTF-8 HTML page around a view."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{esc(title)}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
