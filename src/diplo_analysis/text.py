"""Shared vocabulary of text handling: folding, sentences, months, weekdays, name particles.

One home for what several modules need to agree on (the model is textacy's
``constants`` module), instead of a copy per module:

- :func:`fold`: the one folding of the package (straight quotes and
  apostrophes, plain hyphens and spaces, no accents, a few letters without a
  decomposition: "Erdoğan’s" -> "Erdogan's"); case and word order kept.
  Gazetteer lookups, metadata, dates and speaker attribution match on it.
- :func:`fold_lower_ascii`: :func:`fold`, lower-cased, with whatever is still
  not ASCII dropped: the form for comparing word tokens and names
  ("Łukasz Wałęsa" -> "lukasz walesa").
- :func:`split_sentences`, :func:`split_paragraphs` and their boundary
  pattern :data:`SENTENCE_BOUNDARY_RE`: the package's sentence splitter.
- :data:`MONTHS`, :data:`MONTH_ABBREVIATIONS`, :data:`WEEKDAYS` and the
  regular-expression alternations :data:`MONTH_PATTERN`,
  :data:`WEEKDAY_PATTERN`.
- :data:`NAME_PARTICLES`: lower-case words inside a person's name that are
  not a given name or surname ("bin", "al", "de", "von", ...).

Not here on purpose: collapsing whitespace (``readers.html``) and cutting a
text into lower-case words for duplicate detection (``corpus``) are other
operations, not folding.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

__all__ = [
    "fold",
    "fold_lower_ascii",
    "split_sentences",
    "split_paragraphs",
    "SENTENCE_BOUNDARY_RE",
    "PARAGRAPH_BREAK_RE",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_PATTERN",
    "WEEKDAYS",
    "WEEKDAY_PATTERN",
    "NAME_PARTICLES",
]

# --------------------------------------------------------------------------
# folding
# --------------------------------------------------------------------------

_FOLD_PUNCT = (
    ("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\u201c", '"'), ("\u201d", '"'),
    ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "), ("\u2013", "-"), ("\u2014", "-"), ("\u2011", "-"),
)
# letters that Unicode does not decompose into a base letter and an accent
_FOLD_LETTERS = (
    ("\u0131", "i"), ("\u0142", "l"), ("\u0141", "L"), ("\u00f8", "o"), ("\u00d8", "O"), ("\u0111", "d"),
    ("\u0110", "D"), ("\u00df", "ss"), ("\u00e6", "ae"), ("\u00c6", "AE"),
)
_COMBINING = re.compile(r"[\u0300-\u036f]+")


def fold(text: str) -> str:
    """Return ``text`` with straight quotes, plain hyphens and no accents.

    The result has the same words in the same order; only characters change
    (``"Erdoğan’s"`` -> ``"Erdogan's"``).  ASCII text is returned unchanged and
    fast.  Case is kept.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        The folded text.
    """
    if text.isascii():
        return text
    for a, b in _FOLD_PUNCT:
        if a in text:
            text = text.replace(a, b)
    if text.isascii():
        return text
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    if not text.isascii():
        for a, b in _FOLD_LETTERS:
            if a in text:
                text = text.replace(a, b)
    return text


# for fold_lower_ascii: curly apostrophes and the letters without a decomposition; dashes and
# curly double quotes are dropped with the rest of the non-ASCII characters
_LOWER_ASCII = str.maketrans({
    "’": "'", "‘": "'", "ı": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss", "đ": "d", "Đ": "d",
    "æ": "ae", "œ": "oe",
})


def fold_lower_ascii(text: str) -> str:
    """Return ``text`` lower-cased and in ASCII: accents stripped, other non-ASCII characters dropped.

    The form for comparing word tokens and names: ``"Erdoğan’s"`` ->
    ``"erdogan's"``, ``"Łukasz"`` -> ``"lukasz"``.  Unlike :func:`fold`, a
    character with no ASCII form (a dash, a curly double quote, a letter of
    another script) is dropped, not replaced.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        The lower-case ASCII text.
    """
    if text.isascii():
        return text.lower()
    text = text.translate(_LOWER_ASCII)
    # NFKD splits letters from their accents; the ascii codec drops the accents
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


# --------------------------------------------------------------------------
# calendar words and name particles
# --------------------------------------------------------------------------

#: English month names, January first.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
#: Their usual abbreviations (without the full stop), "Sept" included.
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
#: ``January|February|...``, for regular expressions.
MONTH_PATTERN = "|".join(MONTHS)
#: English weekday names, Monday first (``datetime.weekday()`` order).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: ``Monday|Tuesday|...``, for regular expressions.
WEEKDAY_PATTERN = "|".join(WEEKDAYS)

#: Lower-case words inside a person's name that are neither a given name nor a surname
#: ("Mohammed bin Salman", "Ursula von der Leyen", "Luiz Inacio Lula da Silva").
NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "de", "del", "da", "di", "van", "von", "der", "le", "la"})

# --------------------------------------------------------------------------
# sentences
# --------------------------------------------------------------------------

# abbreviations after which a full stop never ends a sentence, grouped by
# length (Python's look-behinds must have a fixed width)
_STRONG_ABBR = [
    "Mr", "Ms", "Dr", "St", "Lt", "Mt", "Sr", "Jr", "Co", "vs", "cf", "Nr",
    "Mrs", "Mme", "Gen", "Sen", "Rep", "Amb", "Gov", "Col", "Rev", "Hon", "Adm", "Maj",
    "Sgt", "Cpt", "Inc", "Ltd", "Fig", "Art", "Nos", "approx",
    "Prof", "Capt", "Corp", "Messrs", "Mlle", "Dept", "Govt", "Cmdr",
    *MONTH_ABBREVIATIONS,
]
# after these a full stop ends the sentence only when a typical sentence
# opener follows ("... Inc. The President ...", "... in the U.S. He ...")
_WEAK_ABBR = {"Sr", "Jr", "Co", "Inc", "Ltd", "Corp"}
_STARTERS = (
    "The|He|She|It|They|This|These|Those|That|There|We|I|In|On|At|As|During|Both|"
    "However|Moreover|Furthermore|Additionally|Meanwhile|Finally|Also|Today|His|Her|"
    "Their|Our|A|An|And|But|For|To|With|After|Before|Following|While|When|If|Separately"
)


def _abbr_lookbehinds(words: Iterable[str]) -> str:
    by_len: dict[int, list[str]] = {}
    for w in sorted(set(words)):
        by_len.setdefault(len(w), []).append(re.escape(w))
    return "".join(rf"(?<!\b(?:{'|'.join(ws)})\.)" for _, ws in sorted(by_len.items()))


_STRONG_LB = _abbr_lookbehinds(w for w in _STRONG_ABBR if w not in _WEAK_ABBR)
_WEAK_LB = _abbr_lookbehinds(_WEAK_ABBR)
_CLOSE = "\"'”’)\\]»"
_OPEN = "\"'“‘(\\[«"
_SAID = r"(?:said|says|added|noted|stressed|emphasi[sz]ed|continued|concluded|underlined|underscored|pointed)"

#: A sentence boundary (group ``end`` holds the final punctuation) or a line break inside a paragraph.
SENTENCE_BOUNDARY_RE = re.compile(
    rf"""
    (?P<end>[.!?…]+)
    {_STRONG_LB}                              # Mr. Dr. St. Gen. Jan. ...
    (?<![\s(“"][A-Z]\.)(?<!^[A-Z]\.)          # single initials: Joseph R. Biden, J. Blinken
    (?<!\b[a-z]\.[a-z]\.)                      # e.g. i.e.
    (?:{_WEAK_LB}(?<!\.[A-Z]\.)                # Jr. Inc. U.S. U.N. D.C. ...
       |(?=[{_CLOSE}]*\s+(?:{_STARTERS})\b))   # ... unless a sentence opener follows
    (?:(?<!\bNo\.)|(?!\s+\d))                 # No. 5
    (?:[{_CLOSE}]+(?!\s+(?:[A-Z][\w.’'-]*\s+){{1,4}}{_SAID}\b)|)   # ."  but not ." Xi said
    \s+
    (?=[{_OPEN}]?[A-Z0-9•▪●–—-])
    |
    \n\s*                                     # line breaks inside a paragraph
    """,
    re.VERBOSE,
)
#: A paragraph break: a blank line.
PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n\s*")
_HEADING_MAX = 160  # a line longer than this that does not end a sentence is a hard wrap
_LINE_END_RE = re.compile(r"[.!?…:;|\"'”’)\]]\s*$")
_BULLET_RE = re.compile(r"[•▪●*\-–—]\s|\d{1,2}[.)]\s")


def split_sentences(text: str) -> list[str]:
    """Split a text into sentences.

    Parameters
    ----------
    text : str
        Any text; paragraphs (blank lines) and line breaks are treated as
        sentence boundaries too.

    Returns
    -------
    list of str
        The sentences in order, stripped of surrounding whitespace; empty
        pieces are dropped.  Joining them with spaces gives back the text up
        to whitespace.

    Notes
    -----
    A boundary is a run of ``.``, ``!``, ``?`` or ``…`` (with any closing
    quotes or brackets) followed by whitespace and a capital letter, digit,
    opening quote or bullet; or a line break.  No boundary after titles and
    other abbreviations (Mr., Dr., St., Gen., Sen., Amb., Jan., ...), single
    initials ("Joseph R. Biden"), e.g./i.e., "No. 5"; after "U.S.", "Jr.",
    "Inc." and the like only when a typical sentence opener follows ("The",
    "He", "In", ...); not between a closing quote and "Xi said".
    """
    if not isinstance(text, str):
        raise TypeError(f"split_sentences expects a str, got {type(text).__name__}")
    out: list[str] = []
    start = 0
    for m in SENTENCE_BOUNDARY_RE.finditer(text):
        if m.group("end") is None:  # a line break
            end = m.start()
            # a hard-wrapped line inside a sentence: join it to the next line
            if (m.group(0).count("\n") == 1 and end - start > _HEADING_MAX
                    and not _LINE_END_RE.search(text, max(start, end - 3), end)
                    and not _BULLET_RE.match(text, m.end())):
                continue
        else:
            end = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = m.end()
    piece = text[start:].strip()
    if piece:
        out.append(piece)
    return out


def split_paragraphs(text: str) -> list[list[str]]:
    """Split a text into paragraphs (blank lines) and each into sentences.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of list of str
        One list of sentences per non-empty paragraph, in order.
    """
    if not isinstance(text, str):
        raise TypeError(f"split_paragraphs expects a str, got {type(text).__name__}")
    paras = []
    for p in PARAGRAPH_BREAK_RE.split(text):
        s = split_sentences(p)
        if s:
            paras.append(s)
    return paras
