"""HTML reader (``.html``, ``.htm``): one saved web page per file.

Metadata, first found wins:

- title: ``og:title``, ``twitter:title``, the JSON-LD ``headline``, the
  first ``<h1>`` where ``<title>`` contains it, ``<title>`` without a
  trailing site name (" | Ministry of Foreign Affairs of Japan", " - GOV.UK":
  the ``og:site_name``, or a segment naming a ministry, government, office,
  presidency, embassy or website), the first ``<h1>``;
- url: ``og:url``, ``<link rel=canonical>``, the JSON-LD ``url`` (absolute
  http(s) addresses only);
- date: ``article:published_time``, ``ya:ovs:upload_date``, ``datePublished``
  (meta content or element), the JSON-LD ``datePublished``, the first
  ``<time datetime>``, then the first element whose class names a date
  ("date", "published", "pubdate", "posted"; not "modified"/"updated") and
  whose text holds one ("Monday, 9 January 2023", "Mar 02, 2023 06h21 PM");
- publisher: ``og:site_name``, ``application-name``, the JSON-LD
  ``publisher``'s name.

Main text, by generic heuristics: the element marked
``itemprop=articleBody``, else the largest ``<article>``, ``<main>`` or
``role=main`` element that holds text, else the parent holding the most
``<p>`` text (the densest block of paragraphs), else, on a page without
paragraphs, the ``div``/``section``/``td`` with the most text of its own
(lines split at ``<br>``). Menus, scripts, forms,
figures, asides and share bars inside it are dropped. A lead paragraph
outside the body (the element the article's ``aria-describedby`` names,
``itemprop=description`` or a ``lead``/``standfirst`` class inside the
enclosing ``<article>``/``<main>``) is put first.
An element with a furniture class is not dropped when it holds most of the
body's text in paragraphs (gov.uk's "gem-print-columns-none" rows wrap the article).
Each block element (p, li, headings, blockquote, ...) becomes a paragraph.
A page without any text there is a Reject ``no main text found``; a page
whose elements nest deeper than ``limits.max_depth`` (:func:`html_depth`,
checked before parsing) is a Reject.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator, Optional, Union

from selectolax.lexbor import LexborHTMLParser

from ..limits import LIMITS
from ..records import Record, Reject
from ._decode import DATE_PATTERN, BadInput, field_str, read_decoded, rejects_bad_input

__all__ = ["read_html", "extract_html", "html_depth"]

_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th, figcaption"
_DROP = (
    "script, style, noscript, template, nav, aside, footer, form, button, select, iframe, svg, "
    "figure, header, [role=navigation], [role=complementary], [aria-hidden=true], [hidden]"
)
_TOKEN_SPLIT = re.compile(r"[\s_-]+")
# class-name tokens (split on space, "_" and "-") of page furniture
_NOISE_TOKENS = {
    "share", "sharing", "social", "print", "breadcrumb", "breadcrumbs", "menu", "nav", "tag", "tags",
    "taglist", "related", "comment", "comments", "advert", "advertisement", "ad", "ads", "promo",
    "status", "byline", "toolbar", "tools", "copyright", "subscribe", "newsletter", "meta",
}
# hidden pop-ups (tooltips on names) are noise even on inline elements
_HIDDEN_TOKENS = {"hidden", "tooltip", "popup", "popover", "sr", "visually", "screen"}
_INLINE = {"a", "span", "em", "strong", "b", "i", "u", "abbr", "cite", "q", "small", "sub", "sup", "time", "mark"}
_LEAD_TOKENS = {"lead", "standfirst", "deck", "intro", "dek"}


# a date written in a page's furniture ("Monday, 9 January 2023", "Mar 02, 2023 06h21 PM", "2023-05-04")
_VISIBLE_DATE = re.compile(r"\b" + DATE_PATTERN + r"\b")
_DATE_CLASS = re.compile(r"date|published|pubdate|posted", re.I)
_NOT_DATE_CLASS = re.compile(r"modif|updat|widget|sidebar|related", re.I)
# a trailing " | Site" or " - GOV.UK" segment of <title> that names the site, not the readout
_SITE_WORDS = re.compile(
    r"\b(?:ministry|government|gov\.\w+|office|presidency|president of|embassy|consulate|cabinet|state house"
    r"|website|portal|official|department|secretariat|chancellery|palace)\b|\.(?:gov|org|com|int)\b|^[A-Z]+\.[A-Z.]+$", re.I)
_TITLE_SEP = re.compile(r"\s+[|\u2013\u2014-]\s+")


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen command basefont bgsound "
                  "frame image".split())
# elements a parser closes by itself when a sibling opens: never nested by accident
_OPTIONAL = frozenset("p li dt dd option optgroup tr td th thead tbody tfoot rt rp rb rtc colgroup caption head body "
                      "html".split())
_RAW_TEXT = re.compile(r"<!--.*?(?:-->|$)|<(script|style|textarea|title|xmp|plaintext|noscript|iframe)\b[^>]*>.*?"
                       r"(?:</\1\s*>|$)", re.S | re.I)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")


def html_depth(html: str, stop: Optional[int] = None) -> int:
    """How deep the elements of ``html`` nest, estimated from its tags without building a tree.

    An end tag closes the open elements up to its own (as a parser does);
    void elements, elements whose end tag is optional (``p``, ``li``, ``td``,
    ...) and the content of comments, scripts and styles are not counted.
    Linear in the length of ``html``; stops counting once ``stop`` is
    exceeded. The parser's own cost grows with the square of the depth, so
    :func:`read_html` checks this first (``limits.max_depth``).
    """
    if "<" not in html:
        return 0
    html = _RAW_TEXT.sub("", html)
    stack: list = []
    counts: dict = {}
    best = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _VOID or name in _OPTIONAL:
            continue
        if m.group(1):
            if counts.get(name):
                while stack:
                    top = stack.pop()
                    counts[top] -= 1
                    if top == name:
                        break
        elif not m.group(3):
            stack.append(name)
            counts[name] = counts.get(name, 0) + 1
            if len(stack) > best:
                best = len(stack)
                if stop is not None and best > stop:
                    break
    return best


def check_html_depth(html: str) -> None:
    """Raise :class:`BadInput` when ``html`` nests deeper than ``limits.max_depth`` (see :func:`html_depth`)."""
    limit = LIMITS.max_depth
    if html_depth(html, stop=limit) > limit:
        raise BadInput(f"HTML nested deeper than {limit} elements (limits.max_depth)")


def _json_ld(tree) -> dict:
    """``headline``, ``datePublished``, ``url`` and publisher name from the page's JSON-LD blocks (first found)."""
    out: dict = {}

    def visit(obj) -> None:
        if isinstance(obj, list):
            for x in obj:
                visit(x)
            return
        if not isinstance(obj, dict):
            return
        for key in ("headline", "datePublished", "url"):
            if key not in out and isinstance(obj.get(key), str) and obj[key].strip():
                out[key] = obj[key]
        pub = obj.get("publisher")
        if "publisher" not in out and isinstance(pub, dict) and isinstance(pub.get("name"), str):
            out["publisher"] = pub["name"]
        visit(obj.get("@graph"))

    for node in tree.css('script[type="application/ld+json"]'):
        try:
            visit(json.loads(node.text(deep=True) or ""))
        except (ValueError, TypeError):
            continue  # a broken block says nothing
    return out


def _visible_date(tree) -> Optional[str]:
    """The first date written in an element whose class names a publication date."""
    for node in tree.css("[class]"):
        cls = node.attributes.get("class") or ""
        if not _DATE_CLASS.search(cls) or _NOT_DATE_CLASS.search(cls):
            continue
        m = _VISIBLE_DATE.search(_fold(node.text(deep=True, separator=" ")))
        if m:
            return m.group(0)
    return None


def _strip_site(title: Optional[str], site: Optional[str]) -> Optional[str]:
    """``title`` without trailing segments naming the site ("... | Ministry of Foreign Affairs of Japan")."""
    if not title:
        return title
    end = len(title)
    for sep in reversed(list(_TITLE_SEP.finditer(title))):
        last = title[sep.end(): end].strip()
        if (site and _fold(last).lower() == _fold(site).lower()) or _SITE_WORDS.search(last):
            end = sep.start()
        else:
            break
    return title[:end].strip()


def _tokens(node) -> set:
    return {t.lower() for t in _TOKEN_SPLIT.split(node.attributes.get("class") or "") if t}


def _is_noise(node) -> bool:
    toks = _tokens(node)
    if toks & _HIDDEN_TOKENS:
        return True
    if node.tag in _INLINE:
        return False
    return bool(toks & _NOISE_TOKENS) or any(t.endswith("meta") for t in toks)


def _descendants(node, selector: str) -> list:
    """``node.css(selector)`` without ``node`` itself (lexbor includes it)."""
    me = node.mem_id
    return [n for n in node.css(selector) if n.mem_id != me]


def _fold(s: str) -> str:
    return " ".join(s.split())


def _meta(tree) -> dict:
    out: dict = {}
    for node in tree.css("meta"):
        a = node.attributes
        key = a.get("property") or a.get("name") or a.get("itemprop")
        content = a.get("content")
        if key and content and key.lower() not in out:
            out[key.lower()] = content
    return out


def _first(*values) -> Optional[str]:
    for v in values:
        v = field_str(v)
        if v:
            return _fold(v)
    return None


def _paragraphs(node) -> list[str]:
    """The text of ``node`` as paragraphs, one per innermost block element."""
    blocks = node.css(_BLOCKS)
    paras: list[str] = []
    if blocks:
        for b in blocks:
            if _descendants(b, _BLOCKS):  # has inner blocks: they speak for it
                continue
            t = _fold(b.text(deep=True, separator=""))
            if t:
                paras.append(t)
    else:
        for chunk in node.text(deep=True, separator="\n").split("\n"):
            t = _fold(chunk)
            if t:
                paras.append(t)
    return paras


def _clean(node) -> None:
    """Drop menus, scripts, share bars ... *inside* the chosen container.

    A "noise" class on an element holding most of the container's text in
    paragraphs of 80 characters or more is a false alarm (a layout class
    such as "gem-print-columns-none"): kept.
    """
    for bad in _descendants(node, _DROP):
        bad.decompose()
    for br in _descendants(node, "br"):
        br.replace_with("\n")
    total = _text_len(node)
    for el in _descendants(node, "[class]"):
        if _is_noise(el) and not _holds_the_body(el, total):
            el.decompose()


def _holds_the_body(el, total: int) -> bool:
    """Whether a "noise" element holds most of the container's text in real paragraphs (a layout class)."""
    return _text_len(el) > total / 2 and any(_text_len(p) >= 80 for p in el.css("p"))


def _text_len(node) -> int:
    return len(_fold(node.text(deep=True, separator=" ")))


_FURNITURE_TAGS = frozenset("nav header footer aside form script style noscript template button".split())


def _in_furniture(node, memo: Optional[dict] = None) -> bool:
    """Whether ``node`` is or sits in page furniture (menus, headers, footers, cookie banners, share bars).

    ``memo`` (mem_id -> answer) is shared by calls on one tree, so that
    asking for every element costs time linear in the elements, not in
    elements times depth.
    """
    memo = {} if memo is None else memo
    chain = []
    answer = False
    while node is not None and node.tag not in ("body", "html"):
        known = memo.get(node.mem_id)
        if known is not None:
            answer = known
            break
        chain.append(node.mem_id)
        if node.tag in _FURNITURE_TAGS or _is_noise(node) or "cookie" in (node.attributes.get("class") or "").lower():
            answer = True
            break
        node = node.parent
    for ident in chain:  # the nodes below a furniture node are in furniture; below a clean one, as found
        memo[ident] = answer
    return answer


def _container(tree):
    for sel in ("[itemprop=articleBody]", "article", "main", "[role=main]"):
        cands = [n for n in tree.css(sel) if _text_len(n) > 0]
        if cands:
            return max(cands, key=_text_len), sel
    # the densest block of <p>: the parent with the most paragraph text
    score: dict = {}
    parents: dict = {}
    for p in tree.css("p"):
        parent = p.parent
        if parent is None:
            continue
        key = parent.mem_id
        score[key] = score.get(key, 0) + _text_len(p)
        parents[key] = parent
    if score:
        best = max(score, key=score.get)
        if score[best] > 0:
            return parents[best], "p"
    # no paragraphs at all: the block whose own text (not its children's blocks) is longest
    best_node, best_len = None, 0
    memo: dict = {}
    for node in tree.css("div, section, td"):
        if _in_furniture(node, memo):
            continue
        own = sum(len(_fold(c.text(deep=False) or "")) for c in node.iter(include_text=True) if c.tag == "-text")
        if own > best_len:
            best_node, best_len = node, own
    if best_node is not None and best_len >= 40:
        return best_node, "text"
    return None, None


def _lead(tree, container) -> Optional[str]:
    """A lead paragraph outside ``container`` but inside its article, if any."""
    scope = container.parent
    while scope is not None and not (scope.tag in ("article", "main") or scope.attributes.get("role") == "main"):
        scope = scope.parent
    if scope is None:
        return None
    cands = []
    for ident in (scope.attributes.get("aria-describedby") or "").split():
        node = tree.css_first(f'[id="{ident}"]')
        if node is not None:
            cands.append(node)
    cands += [n for n in scope.css("[itemprop=description]") if n.tag != "meta"]
    cands += [n for n in scope.css("[class]") if _tokens(n) & _LEAD_TOKENS]
    body_text = _fold(container.text(deep=True, separator=""))
    for node in cands:
        t = _fold(node.text(deep=True, separator=""))
        if t and t not in body_text:
            return t
    return None


def extract_html(html: str) -> dict:
    """Extract ``title``, ``url``, ``date``, ``publisher`` and ``text`` from a page.

    Returns
    -------
    dict
        The five fields (None where not found; ``text`` is ``""`` when no main
        text was found) and ``container``, the rule that chose the body
        (``"[itemprop=articleBody]"``, ``"article"``, ``"main"``,
        ``"[role=main]"``, ``"p"``, ``"text"`` or None).
    """
    tree = LexborHTMLParser(html)
    meta = _meta(tree)
    title_node = tree.css_first("title")
    h1 = tree.css_first("h1")
    dp = tree.css_first("[itemprop=datePublished]")
    time_node = tree.css_first("time[datetime]")
    canon = tree.css_first("link[rel=canonical]")
    canon_href = canon.attributes.get("href") if canon is not None else None
    if canon_href and not re.match(r"https?://", canon_href):
        canon_href = None
    og_url = meta.get("og:url")
    if og_url and not re.match(r"https?://", og_url):
        og_url = None
    ld = _json_ld(tree)
    ld_url = ld.get("url") if ld.get("url") and re.match(r"https?://", ld["url"]) else None
    site = _first(meta.get("og:site_name"), meta.get("application-name"), ld.get("publisher"))
    page_title = _first(title_node.text()) if title_node is not None else None
    h1_text = _first(h1.text()) if h1 is not None else None
    if page_title and h1_text and h1_text.lower() in page_title.lower():
        page_title = h1_text  # "<h1> | Site" as the page's <title>
    out = {
        "title": _first(meta.get("og:title"), meta.get("twitter:title"), ld.get("headline"),
                        _strip_site(page_title, site), h1_text),
        "url": _first(og_url, canon_href, ld_url),
        "date": _first(meta.get("article:published_time"), meta.get("ya:ovs:upload_date"),
                       meta.get("datepublished"),
                       (dp.attributes.get("datetime") or dp.attributes.get("content") or dp.text())
                       if dp is not None else None,
                       ld.get("datePublished"),
                       time_node.attributes.get("datetime") if time_node is not None else None,
                       _visible_date(tree)),
        "publisher": site,
    }
    container, rule = _container(tree)
    paras: list[str] = []
    if container is not None:
        lead = _lead(tree, container) if rule != "p" else None
        _clean(container)
        paras = _paragraphs(container)
        if lead and (not paras or paras[0] != lead):
            paras.insert(0, lead)
    out["text"] = "\n\n".join(paras)
    out["container"] = rule
    return out


@rejects_bad_input
def read_html(path: Union[str, Path], columns=None, sidecar: Optional[dict] = None) -> Iterator[Union[Record, Reject]]:
    """Yield the one Record of a saved HTML page, or a Reject."""
    raw, encoding = read_decoded(path)
    check_html_depth(raw)
    info = extract_html(raw)
    if not info["text"]:
        yield Reject(str(path), 1, "no main text found")
        return
    rec = Record(path=str(path), line=1, text=info["text"], title=info["title"], url=info["url"],
                 date=info["date"], publisher=info["publisher"])
    if encoding:
        rec.meta["encoding"] = encoding
    yield rec
