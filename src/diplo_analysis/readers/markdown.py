"""Markdown reader (``.md``, ``.markdown``): one page with YAML front matter.

The front matter (read with python-frontmatter) gives ``title``, ``date``,
``url`` and ``publisher``, each from the first key present among the usual
names of static-site generators and note exports (see :data:`KEY_ALIASES`:
``title`` / ``headline``; ``date`` / ``published`` / ``pubDate`` /
``date_published`` / ``datePublished`` / ``created``; ``url`` / ``source_url``
/ ``canonical_url`` / ``link`` / ``permalink`` / ``source``; ``publisher`` /
``site`` / ``site_name`` / ``source_name``), or from the name given in
``columns``; its other keys go to ``Record.meta``. A page without a title
key takes its first heading; the heading that opens the body and is the
title (any ``# H1``, or a heading repeating the title) is not repeated in the
text. A page without a URL key takes a line of the body
that reads ``Source: https://...``. The body is parsed
with mistune and flattened to plain paragraphs: hard-wrapped lines are
joined, emphasis, links (their text is kept), images, inline HTML and
escapes (``\\###``) are removed, every heading, list item, quote or code
block becomes a paragraph, and a closing ``###`` line is dropped. A file
without front matter is a Reject ``no YAML front matter``. The front matter
is read with safe tags only and without aliases (``*name``: a Reject), within
the limits of :mod:`diplo_analysis.limits`.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Iterator, Optional, Union

import frontmatter
import mistune

from ..records import Record, Reject
from ..limits import LIMITS
from ._decode import BadInput, check_columns, field_str, load_yaml, read_decoded, rejects_bad_input, too_deep
from .html import check_html_depth

__all__ = ["read_markdown", "markdown_to_text"]

class _SafeYAMLHandler(frontmatter.YAMLHandler):
    """python-frontmatter's YAML handler, loading with :func:`load_yaml` (no aliases, bounded)."""

    def load(self, fm: str, **kwargs):
        return load_yaml(fm)


_YAML = _SafeYAMLHandler()
_PARSER = mistune.create_markdown(renderer=None, plugins=["strikethrough", "table"])
_END_MARK = re.compile(r"[#\s\\*-]*#{3}[#\s\\*-]*")
#: Front-matter names looked for, in order, for each Record field (after the one ``columns`` gives).
KEY_ALIASES = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubDate", "pubdate", "date_published", "datePublished", "published_at", "created"),
    "url": ("url", "source_url", "canonical_url", "link", "permalink", "source"),
    "publisher": ("publisher", "site", "site_name", "source_name"),
}
_SOURCE_LINE = re.compile(r"^\W{0,3}source:\s*<?(https?://[^\s>*_)]+)", re.I | re.M)
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)


def _inline(children, out: list) -> None:
    """Append the plain text of inline tokens to ``out`` (``"\\n"`` marks a hard break)."""
    for tok in children or ():
        kind = tok["type"]
        if kind in ("text", "codespan"):
            out.append(tok.get("raw", ""))
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "linebreak":
            out.append("\n")
        elif kind in ("image", "inline_html"):
            continue
        else:  # emphasis, strong, link, strikethrough, ...
            _inline(tok.get("children"), out)


def _blocks(tokens, paras: list) -> None:
    for tok in tokens or ():
        kind = tok["type"]
        if kind in ("paragraph", "heading", "block_text"):
            parts: list = []
            _inline(tok.get("children"), parts)
            for piece in "".join(parts).split("\n"):
                piece = " ".join(piece.split())
                if piece:
                    paras.append(piece)
        elif kind == "block_code":
            code = tok.get("raw", "").strip()
            if code:
                paras.append(code)
        elif kind == "block_html":
            from selectolax.lexbor import LexborHTMLParser

            text = " ".join(LexborHTMLParser(tok.get("raw", "")).text(separator=" ").split())
            if text:
                paras.append(text)
        elif kind == "table_row" or kind == "table_head":
            cells = []
            for cell in tok.get("children") or ():
                parts = []
                _inline(cell.get("children"), parts)
                cells.append(" ".join("".join(parts).split()))
            row = " | ".join(c for c in cells if c)
            if row:
                paras.append(row)
        else:  # list, list_item, block_quote, table, table_body ...
            _blocks(tok.get("children"), paras)


def _title_heading(tokens: list, title: Optional[str]) -> Optional[int]:
    """The index of the heading that opens the body and is the page's title, or None.

    A level-1 heading (``# ...``) opening the body is the page's title,
    whatever the front matter says; a heading of another level opening it is
    the title when its text is the title's (case and punctuation aside).
    """
    for i, tok in enumerate(tokens):
        if tok["type"] == "blank_line":
            continue
        if tok["type"] != "heading":
            return None
        if (tok.get("attrs") or {}).get("level") == 1:
            return i
        parts: list = []
        _inline(tok.get("children"), parts)
        words = re.findall(r"\w+", "".join(parts).lower())
        return i if title and words and words == re.findall(r"\w+", title.lower()) else None
    return None


def markdown_to_text(body: str, title: Optional[str] = None) -> str:
    """Flatten a Markdown body to plain paragraphs separated by blank lines.

    Parameters
    ----------
    body : str
        The Markdown text (without front matter).
    title : str, optional
        The page's title: a heading opening the body that repeats it (and any
        level-1 heading opening the body) is the title, not text.

    Returns
    -------
    str
        The text; the heading that is the page's title and a trailing
        ``###`` end mark are removed.
    """
    paras: list[str] = []
    tokens = _PARSER(body)
    drop = _title_heading(tokens, title)
    if drop is not None:
        tokens = tokens[:drop] + tokens[drop + 1:]
    _blocks(tokens, paras)
    while paras and _END_MARK.fullmatch(paras[-1]):
        paras.pop()
    return "\n\n".join(paras)


def _as_str(value) -> Optional[str]:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return str(value)  # "2023-04-11", "2023-04-11 19:20:05-04:00" as in the JSONL files
    s = field_str(value)
    return " ".join(s.split()) if s else None


@rejects_bad_input
def read_markdown(path: Union[str, Path], columns=None, sidecar: Optional[dict] = None) -> Iterator[Union[Record, Reject]]:
    """Yield the one Record of a Markdown file with YAML front matter, or a Reject."""
    spath = str(path)
    mapping = check_columns(columns)
    raw, encoding = read_decoded(path)
    if not raw.lstrip("\ufeff \t\r\n").startswith("---"):
        yield Reject(spath, 1, "no YAML front matter")
        return
    try:
        post = frontmatter.loads(raw, handler=_YAML)
        if too_deep(post.metadata):
            raise ValueError(f"nested deeper than {LIMITS.max_depth} (limits.max_depth)")
    except Exception as exc:  # yaml errors, aliases, nesting
        yield Reject(spath, 1, f"invalid YAML front matter: {str(exc).splitlines()[0]}")
        return
    # YAML reads unquoted timestamps as datetime objects: keep them as text,
    # as the other formats do
    meta = {k: (str(v) if isinstance(v, (_dt.date, _dt.datetime)) else v) for k, v in post.metadata.items()}
    if not meta:
        yield Reject(spath, 1, "no YAML front matter")
        return
    found = {}
    for field in ("title", "date", "url", "publisher"):
        found[field] = None
        for key in dict.fromkeys((mapping[field],) + KEY_ALIASES[field]):
            if key not in meta or (found[field] and field != "url"):
                continue
            value = _as_str(meta.pop(key))
            if found[field] is None and value and (field != "url" or re.match(r"https?://", value)):
                found[field] = value
            elif value:
                meta[key] = value  # a second URL (or a "source" that is no address) stays in meta
    try:
        check_html_depth(post.content)  # inline and block HTML are parsed too
    except BadInput as exc:
        yield Reject(spath, 1, exc.reason)
        return
    if found["title"] is None:
        h = _HEADING.search(post.content)
        found["title"] = _as_str(markdown_to_text(h.group(1))) if h else None
        if h and post.content[:h.start()].strip():
            h = None  # a heading after some text is a section's, and stays in the text
        head_title = found["title"] if h else None
    else:
        head_title = found["title"]
    if found["url"] is None:
        src = _SOURCE_LINE.search(post.content)
        found["url"] = src.group(1) if src else None
    rec = Record(path=spath, line=1, text=markdown_to_text(post.content, head_title), title=found["title"],
                 url=found["url"],
                 date=found["date"], publisher=found["publisher"], meta=meta)
    if encoding:
        rec.meta["encoding"] = encoding
    yield rec
