"""Markdown reader (``.md``, ``.markdown``): one page with YAML front matter.

The front matter (read with python-frontmatter) gives ``title``, ``date``,
``url`` (the first of ``url``, ``source_url``, ``canonical_url``) and
``publisher``; its other keys go to ``Record.meta``. The body is parsed
with mistune and flattened to plain paragraphs: hard-wrapped lines are
joined, emphasis, links (their text is kept), images, inline HTML and
escapes (``\\###``) are removed, every heading, list item, quote or code
block becomes a paragraph, and a closing ``###`` line is dropped. A file
without front matter is a Reject ``no YAML front matter``.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Iterator, Optional, Union

import frontmatter
import mistune

from ..records import Record, Reject
from ._decode import check_columns, field_str, read_decoded, rejects_bad_input

__all__ = ["read_markdown", "markdown_to_text"]

_PARSER = mistune.create_markdown(renderer=None, plugins=["strikethrough", "table"])
_END_MARK = re.compile(r"[#\s\\*-]*#{3}[#\s\\*-]*")
_URL_KEYS = ("url", "source_url", "canonical_url")


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


def markdown_to_text(body: str) -> str:
    """Flatten a Markdown body to plain paragraphs separated by blank lines.

    Returns
    -------
    str
        The text; a trailing ``###`` end mark is removed.
    """
    paras: list[str] = []
    _blocks(_PARSER(body), paras)
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
        post = frontmatter.loads(raw)
    except Exception as exc:  # yaml errors
        yield Reject(spath, 1, f"invalid YAML front matter: {str(exc).splitlines()[0]}")
        return
    # YAML reads unquoted timestamps as datetime objects: keep them as text,
    # as the other formats do
    meta = {k: (str(v) if isinstance(v, (_dt.date, _dt.datetime)) else v) for k, v in post.metadata.items()}
    if not meta:
        yield Reject(spath, 1, "no YAML front matter")
        return
    title = _as_str(meta.pop(mapping["title"], None))
    date = _as_str(meta.pop(mapping["date"], None))
    publisher = _as_str(meta.pop(mapping["publisher"], None))
    url = None
    for key in dict.fromkeys((mapping["url"],) + _URL_KEYS):
        value = _as_str(meta.pop(key, None))
        if url is None and value:
            url = value
        elif value:
            meta[key] = value
    rec = Record(path=spath, line=1, text=markdown_to_text(post.content), title=title, url=url,
                 date=date, publisher=publisher, meta=meta)
    if encoding:
        rec.meta["encoding"] = encoding
    yield rec
