"""Page furniture: the lines of a scraped page that are not the readout.

Pages copied from news sites and embassies carry, beside the readout, the
site's furniture: a lone ``LINE`` marker, publication stamps ("2001-02-03
04:05:06Agency", "Updated: ..."), source and editor lines, photo captions
with their credits, share and print buttons, breadcrumbs and menus, an
agency's dateline ("LISBON, March 4 (Agency) --"), the headline repeated in
the text. Left in, they reach sentences, keywords, tone and topics.

Every record of every reader passes :func:`strip_record` (in
:func:`diplo_analysis.readers.read_file`): the rules remove furniture from
``Record.text``, keep the page's text as read in ``Record.page_text`` (the
dates are read there: a stamp or a dateline is furniture for the prose but
evidence of the day) and list what they removed, and by which rule, in
``Record.furniture`` (:class:`Removal`). :func:`diplo_analysis.explain_furniture`
shows it for a row of the readouts frame.

The rules are data: ``data/furniture.csv``, one row per rule with its
``name``, ``kind``, ``position``, ``pattern`` (a Python regular expression
matched against a whole stripped line, or against the start of a line for
``prefix`` rules), an ``example`` (invented, checked to match when the table is
read) and a ``description``. Kinds: ``label``, ``navigation``, ``timestamp``,
``credit``, ``caption``, ``share``, ``end_mark``, ``dateline`` and
``headline``. Positions:

- ``line``: a whole line anywhere in the text, but never a sentence (a line
  of at least :data:`SENTENCE_CHARS` characters ending with ``.``, ``!``,
  ``?`` or a closing quote), and a line of more than :data:`LONG_LINE`
  characters only for a rule of kind ``caption``;
- ``head`` / ``tail``: a whole line among the page's opening (closing)
  furniture: the lines before the first (after the last) line that no rule
  removes; ``edge``: either;
- ``prefix``: the start of one of the first :data:`PREFIX_LINES` lines (the
  rest of the line stays).

The facts other than the date are read from :func:`facts_text`: the page
without its furniture but for captions and datelines (:data:`FACT_KINDS`).

Two rules of kind ``headline`` compare lines and are code (:data:`CODE_RULES`,
their docstrings say what they do): ``title_repeat`` (the title repeated as a
line of the text; on a page without a title, its first line printed twice) and ``subheading`` (a headline line restating the
paragraph under it). A page that is nothing but furniture keeps its
captions as its text (a caption says who met whom); with none, its text is
empty (``load_readouts`` warns: :class:`~diplo_analysis.records.EmptyTextWarning`).
"""

from __future__ import annotations

import re
import re._constants as _const
import re._parser as _parser
from functools import lru_cache
from importlib import resources
from typing import Callable, NamedTuple, Optional

from ..records import Record
from ..text import fold
from .._tables import read_checked_table
from ._decode import normalise_paragraphs

__all__ = [
    "FURNITURE_COLUMNS",
    "KINDS",
    "POSITIONS",
    "CODE_RULES",
    "Removal",
    "read_furniture",
    "furniture_rules",
    "strip_furniture",
    "strip_record",
    "title_repeat",
    "subheading",
    "FACT_KINDS",
    "facts_text",
    "char_guard",
]

#: Columns of the furniture table (``data/furniture.csv``).
FURNITURE_COLUMNS = ("name", "kind", "position", "pattern", "example", "description")
#: Kinds of furniture, in the order the docs list them.
KINDS = ("label", "navigation", "timestamp", "credit", "caption", "share", "end_mark", "dateline", "headline")
#: Where a rule applies (see the module docstring).
POSITIONS = ("line", "head", "tail", "edge", "prefix")

#: Lines longer than this are prose: the whole-line rules are not tried on them (the longest caption
#: rule allows 800 characters before the credit).
MAX_FURNITURE_LINE = 1000
#: A line longer than this that ends like a sentence (``.``, ``!``, ``?``) is prose too: no rule of the
#: table removes such a line (captions end with their credit), and skipping it keeps loading fast.
PROSE_LINE = 250
#: Anywhere in a text (position ``line``), a sentence (a line of at least :data:`SENTENCE_CHARS`
#: characters ending with ``.``, ``!``, ``?`` or a closing quote) is prose: no rule is tried on it
#: (captions end with their credit; stamps, credits, labels and buttons are not sentences); a line
#: longer than :data:`LONG_LINE` is furniture only as a caption: only the rules of kind ``caption`` are
#: tried on it. At the page's head and tail every line is tried.
SENTENCE_CHARS = 60
LONG_LINE = 200
#: Prefix rules (datelines) are tried on this many lines of the text: a dateline opens a story.
PREFIX_LINES = 10
_SENTENCE_END = frozenset(".!?\"”")
_NOT_HEADLINE_END = frozenset(".!?:;,\"'”’)]…")

_NAME = re.compile(r"[a-z][a-z0-9_]*")
_WORD = re.compile(r"[^\W\d_]+")


class Removal(NamedTuple):
    """One piece of furniture removed from a text.

    Attributes
    ----------
    line : int
        1-based line of the page text (``Record.page_text``) it stood on.
    rule : str
        The rule's ``name`` (``data/furniture.csv`` or :data:`CODE_RULES`).
    kind : str
        The rule's kind (:data:`KINDS`).
    text : str
        What was removed: the stripped line, or the prefix for a ``prefix`` rule.
    """

    line: int
    rule: str
    kind: str
    text: str


def read_furniture(path) -> list[dict]:
    """Read and validate a furniture table.

    Returns
    -------
    list of dict
        One dict per row with the keys of :data:`FURNITURE_COLUMNS` and
        ``regex`` (the compiled pattern).

    Raises
    ------
    ValueError
        Naming the file and the row: a missing column, a name that is not a
        lower-case identifier or is used twice, an unknown kind or position, a
        pattern that does not compile or does not match its example (whole, or
        at its start for a ``prefix`` rule), an empty example or description.
    """
    seen = {name for name, _kind, _doc in _CODE_RULE_ROWS}
    return read_checked_table(path, FURNITURE_COLUMNS, "furniture", lambda row, where: _valid_rule(row, where, seen))


def _valid_rule(row: dict, where: str, seen: set) -> dict:
    name, kind, position = ((row.get(k) or "").strip() for k in ("name", "kind", "position"))
    if not _NAME.fullmatch(name):
        raise ValueError(f"{where}: rule name {name!r} must be a lower-case identifier")
    if name in seen:
        raise ValueError(f"{where}: rule name {name!r} is used twice")
    seen.add(name)
    if kind not in KINDS:
        raise ValueError(f"{where}: unknown kind {kind!r}; kinds are {', '.join(KINDS)}")
    if position not in POSITIONS:
        raise ValueError(f"{where}: unknown position {position!r}; positions are {', '.join(POSITIONS)}")
    example, description = (row.get("example") or "").strip(), (row.get("description") or "").strip()
    if not example or not description:
        raise ValueError(f"{where}: rule {name!r} needs an example and a description")
    try:
        regex = re.compile(row.get("pattern") or "")
    except re.error as exc:
        raise ValueError(f"{where}: the pattern of rule {name!r} does not compile: {exc}") from None
    if not row.get("pattern"):
        raise ValueError(f"{where}: rule {name!r} has no pattern")
    hit = regex.match(example) if position == "prefix" else regex.fullmatch(example)
    if hit is None or (position == "prefix" and not hit.group(0)):
        raise ValueError(f"{where}: the pattern of rule {name!r} does not match its example {example!r}")
    guarded = re.compile(_guarded(row["pattern"]))  # the readers' form of it (a derived guard in front)
    if (guarded.match(example) if position == "prefix" else guarded.fullmatch(example)) is None:
        raise ValueError(f"{where}: rule {name!r}: the guard {char_guard(row['pattern'])!r} misses its example")
    return {"name": name, "kind": kind, "position": position, "pattern": row["pattern"], "example": example,
            "description": description, "regex": regex}


# ------------------------------------------------------------------ the two rules that compare lines
_KEY_WORD = re.compile(r"[a-z0-9]+")


def _key(s: str) -> str:
    """``s`` folded for comparison: lower-case words of letters and digits, single spaces."""
    return " ".join(_KEY_WORD.findall((s if s.isascii() else fold(s)).lower()))


def _headline_like(title: str) -> bool:
    """A title that reads as a headline: at most 30 words, not ending like a sentence."""
    t = title.strip()
    return bool(t) and len(t.split()) <= 30 and t[-1] not in ".!?"


def title_repeat(line: str, title: Optional[str]) -> bool:
    """The title repeated as a line of the text (a Markdown H1, a page's headline above its text).

    Only a headline (a title of at most 30 words and a line, neither ending
    with ``.``, ``!`` or ``?``) counts: a first sentence that is also the
    title stays in the text, where it is prose. Compared folded (case,
    accents, quotes and punctuation aside). Tried on the page's opening and
    closing furniture and on the first :data:`TITLE_LINES` lines of the rest.
    """
    return _Title(title).repeated_by(line.strip())


#: Beyond the opening and closing furniture, ``title_repeat`` looks at this many lines of the text.
TITLE_LINES = 10


class _Title:
    """A title, and its folded key once a line might repeat it."""

    __slots__ = ("title", "n", "key")

    def __init__(self, title: Optional[str]) -> None:
        self.title = title if title and _headline_like(title) else None
        self.n = len(self.title) if self.title else 0
        self.key: Optional[str] = None

    def repeated_by(self, s: str) -> bool:
        """Whether the stripped line ``s`` repeats the title."""
        if not self.title or not s or s[-1] in ".!?" or not 0.5 * self.n <= len(s) <= 2 * self.n + 20:
            return False
        if self.key is None:
            self.key = _key(self.title)
        return bool(self.key) and _key(s) == self.key


_SUBHEAD_STOP = frozenset("the and for with says said its his her their that this from will should would are was "
                          "has have not but who into over also".split())


def _content_stems(s: str) -> list[str]:
    return [w[:6] for w in (x.lower() for x in _WORD.findall(s)) if len(w) >= 3 and w not in _SUBHEAD_STOP]


#: The verbs of a news headline (present tense): a subheading has one.
_HEADLINE_VERB = re.compile(r"\b(?:says|tells|urges|calls|vows|hails|pledges|stresses|meets|holds|eyes|agree|"
                            r"agrees|discuss|discusses|reaffirm|reaffirms|welcomes|congratulates)\b")


def subheading(line: str, following: Optional[str]) -> bool:
    """A news subheading that restates the paragraph under it (news sites put one over each paragraph).

    The line has 4 to 20 words, a headline verb in the present tense
    ("says", "tells", "urges", "meets", ... :data:`_HEADLINE_VERB`), no
    colon, and does not end like a sentence (``.``, ``!``, ``?``, ``:``,
    ``;``, ``,``, ``…``, a quote or a bracket); the next line has at least 8
    words and ends like one; at least half of the line's content words (three
    letters or more, compared on their first six letters), and at least
    three, are in the next line. Such a line repeats its paragraph's words
    (and adds the headline's "says"): kept, it would count them twice.
    """
    s = line.strip()
    if (not following or not s or s[-1] in _NOT_HEADLINE_END or ":" in s or not 4 <= len(s.split()) <= 20
            or not _HEADLINE_VERB.search(s)):
        return False
    nxt = following.strip()
    if len(nxt.split()) < 8 or nxt[-1] not in ".!?\"'”’)":
        return False
    stems = _content_stems(s)
    if len(stems) < 3:
        return False
    there = set(_content_stems(nxt))
    hits = sum(1 for w in stems if w in there)
    return hits >= 3 and hits >= 0.5 * len(stems)


_CODE_RULE_ROWS = (
    ("title_repeat", "headline", title_repeat.__doc__),
    ("subheading", "headline", subheading.__doc__),
)
#: The rules written as code: name -> (kind, function).
CODE_RULES: dict[str, tuple[str, Callable]] = {"title_repeat": ("headline", title_repeat),
                                               "subheading": ("headline", subheading)}


# ------------------------------------------------------------------ the guards, derived from the patterns
_MAXREPEATS = (_const.MAX_REPEAT, _const.MIN_REPEAT, _const.POSSESSIVE_REPEAT)


def _char_set(op, av):
    """The characters node (op, av) matches, as (frozenset of chars, digits?), where it is a literal,
    a set of literals or ``\\d``; None otherwise."""
    if op is _const.LITERAL:
        return frozenset(chr(av)), False
    if op is _const.IN and av:
        chars, digit = set(), False
        for o, a in av:
            if o is _const.LITERAL:
                chars.add(chr(a))
            elif o is _const.CATEGORY and a is _const.CATEGORY_DIGIT:
                digit = True
            else:
                return None
        return frozenset(chars), digit
    return None


def _rare(cs: tuple) -> bool:
    """A set of characters rare in prose: no letter, no space, nothing with a case (``(?i:...)`` leaves it as it is)."""
    return not any(c.isalpha() or c.isspace() or c.lower() != c or c.upper() != c for c in cs[0])


def _needs(items) -> Optional[tuple]:
    """The guard of the node sequence ``items``: (chars, digits?), one character of which every match
    contains, none of them a letter or a space; the smallest its parts give; None when there is none."""
    best = None
    for op, av in items:
        g = None
        cs = _char_set(op, av)
        if cs is not None:
            g = cs if _rare(cs) else None
        elif op in _MAXREPEATS and av[0] >= 1:
            g = _needs(av[2])
        elif op is _const.SUBPATTERN:
            g = _needs(av[3])
        elif op is _const.ATOMIC_GROUP:
            g = _needs(av)
        elif op is _const.ASSERT:
            g = _needs(av[1])
        elif op is _const.BRANCH:
            alts = [_needs(b) for b in av[1]]
            if all(a is not None for a in alts):
                g = (frozenset().union(*(a[0] for a in alts)), any(a[1] for a in alts))
        if g is not None and (best is None or _score(g) < _score(best)):
            best = g
    return best


def _score(guard: tuple) -> int:
    """How common a guard's characters are (fewer characters, and no digit: a better guard)."""
    chars, digit = guard
    return len(chars) + (10 if digit else 0)


def char_guard(pattern: str) -> Optional[str]:
    """A character class one character of which every match of ``pattern`` contains, derived from the pattern.

    The pattern is parsed (``re._parser``) and walked: a literal character or
    a set of literals (or ``\\d``) that every match passes through is such a
    class; so is the union of the classes of an alternation's branches, the
    class of a group, of a repetition of at least once or of a positive
    lookaround. Letters and spaces are left out (prose is full of them); of
    the candidates, the one of fewest characters is kept (digits count as
    many). The readers put it in front of the rule (``(?=[^C]*+[C])``):
    a line without any of its characters is not tried further.

    Returns
    -------
    str or None
        The class (``"[...]"``), or None when the pattern has none (a rule of
        words only: it is tried on every line).
    """
    found = _needs(list(_parser.parse(pattern)))
    if found is None or not (found[0] or found[1]):
        return None
    chars, digit = found
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + (r"\d" if digit else "") + "]"


def _guarded(pattern: str) -> str:
    """``pattern`` behind the look-ahead of its :func:`char_guard` (the same matches, fewer tries)."""
    cls = char_guard(pattern)
    return pattern if cls is None else f"(?=[^{cls[1:-1]}]*+{cls})(?:{pattern})"


# ------------------------------------------------------------------ the table, compiled
class _Rules(NamedTuple):
    rows: tuple
    line: Optional[re.Pattern]  # position line
    long_line: Optional[re.Pattern]  # position line, kind caption: tried on lines longer than LONG_LINE
    head: Optional[re.Pattern]  # head and edge
    tail: Optional[re.Pattern]  # tail and edge
    prefix: Optional[re.Pattern]
    kind_of: dict


def _combined(rows, positions, kinds=KINDS, guard: bool = True) -> Optional[re.Pattern]:
    """One expression of the rules of ``positions`` and ``kinds`` (a named group each, in table order).

    With ``guard``, each rule stands behind its :func:`char_guard`: the same matches, and a whole
    line without the guard's characters is passed over at once. The ``prefix`` rules go without
    (``guard=False``): matched at a line's start, they fail at its first characters, where the
    guard would first read the line up to one of its characters (three times slower on the corpus).
    """
    parts = [f"(?P<{r['name']}>{_guarded(r['pattern']) if guard else r['pattern']})" for r in rows
             if r["position"] in positions and r["kind"] in kinds]
    return re.compile("|".join(parts)) if parts else None


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    rows = tuple(read_furniture(resources.files("diplo_analysis") / "data" / "furniture.csv"))
    kind_of = {r["name"]: r["kind"] for r in rows}
    kind_of.update({name: kind for name, (kind, _f) in CODE_RULES.items()})
    return _Rules(rows, _combined(rows, ("line",)), _combined(rows, ("line",), ("caption",)),
                  _combined(rows, ("head", "edge")),
                  _combined(rows, ("tail", "edge")), _combined(rows, ("prefix",), guard=False), kind_of)


def furniture_rules():
    """The furniture rules in force, as a table.

    Returns
    -------
    pandas.DataFrame
        One row per rule (those of ``data/furniture.csv``, then the code rules
        ``title_repeat`` and ``subheading``), columns ``name``, ``kind``,
        ``position`` (``line``, ``head``, ``tail``, ``edge``, ``prefix``;
        ``code`` for the code rules), ``pattern`` (empty for the code rules),
        ``example`` (an invented line the pattern matches; empty for the code
        rules) and ``description`` (the code rules: the first line of their
        docstring).
    """
    import pandas as pd

    rows = [{k: r[k] for k in FURNITURE_COLUMNS} for r in _rules().rows]
    for name, kind, doc in _CODE_RULE_ROWS:
        rows.append({"name": name, "kind": kind, "position": "code", "pattern": "", "example": "",
                     "description": (doc or "").strip().splitlines()[0]})
    return pd.DataFrame(rows, columns=list(FURNITURE_COLUMNS))


# ------------------------------------------------------------------ stripping
def _whole_line(rx: Optional[re.Pattern], s: str) -> Optional[str]:
    """The name of the rule of ``rx`` that matches the whole of ``s``, or None (never for a line of prose)."""
    n = len(s)
    if rx is None or not n or n > MAX_FURNITURE_LINE or (n > PROSE_LINE and s[-1] in ".!?"):
        return None
    m = rx.fullmatch(s)
    return m.lastgroup if m else None


@lru_cache(maxsize=1 << 14)
def _line_rule(s: str) -> Optional[str]:
    """The rule of position ``line`` that matches the whole of the stripped line ``s`` (no sentence), or None.

    Memoised: short lines recur from page to page ("Thank you.", "* * *", a speaker's "Yes.").
    """
    rules = _rules()
    rx = rules.long_line if len(s) > LONG_LINE else rules.line
    m = rx.fullmatch(s) if rx is not None else None
    return m.lastgroup if m else None


def _line_pass(lines: list, removed: dict) -> list:
    """Mark the lines that a rule of position ``line`` matches (sentences: none; long lines: captions only).

    Returns the indices of the lines that are neither empty nor a sentence as read: the only ones a
    subheading can be (a subheading does not end like a sentence).
    """
    open_lines = []
    for i, ln in enumerate(lines):
        if not ln:
            continue
        last = ln[-1]
        if last in _SENTENCE_END and len(ln) >= SENTENCE_CHARS and ln[0] not in " \t":
            continue  # a sentence (the line is its own stripped form): the test below, for less
        open_lines.append(i)
        s = ln.strip() if ln[0] in " \t" or last in " \t\r" else ln
        n = len(s)
        if not n or n > MAX_FURNITURE_LINE or (n >= SENTENCE_CHARS and s[-1] in _SENTENCE_END):
            continue
        name = _line_rule(s)
        if name is not None:
            removed[i] = name
    return open_lines


def _edge_scan(lines: list, order, rx, removed: dict, title: _Title) -> None:
    """Mark the furniture lines at one end of the page (``order``: indices from that end)."""
    for i in order:
        s = lines[i].strip()
        if not s or i in removed:
            continue
        name = _whole_line(rx, s)  # (the rules of position line were tried on every line before)
        if name is None and title.repeated_by(s):
            name = "title_repeat"
        if name is None:
            return
        removed[i] = name


def _kept(lines: list, removed: dict, start: int = 0):
    """The indices of the lines from ``start`` on that hold text and are not removed, lazily."""
    for i in range(start, len(lines)):
        ln = lines[i]
        if ln and i not in removed and not ln.isspace():
            yield i


def _first_kept(lines: list, removed: dict, n: int) -> list:
    """The indices of the first ``n`` lines that hold text and are not removed."""
    kept = []
    for i, ln in enumerate(lines):
        if ln and i not in removed and not ln.isspace():
            kept.append(i)
            if len(kept) == n:
                break
    return kept


def _prefix_pass(lines: list, kept: list, rx: Optional[re.Pattern]) -> dict:
    """Cut the prefixes a rule of position ``prefix`` matches from ``lines`` (in place); {index: rule}."""
    prefixes: dict[int, str] = {}
    if rx is None:
        return prefixes
    for i in kept[:PREFIX_LINES]:
        s = lines[i].lstrip()
        m = rx.match(s) if s[:1].isupper() else None
        if m and m.group(0) and s[m.end():].strip():
            prefixes[i] = m.lastgroup
            lines[i] = s[m.end():]
    return prefixes


def _subheadings(lines: list, open_lines: list, removed: dict) -> None:
    """Mark the subheadings: a kept line (one of ``open_lines``) restating the kept line after it."""
    found = []
    for a in open_lines:
        ln = lines[a]
        end = ln.rstrip()[-1:]
        if not end or end in _NOT_HEADLINE_END or a in removed:
            continue
        b = next(_kept(lines, removed, a + 1), None)
        if b is not None and subheading(ln, lines[b]):
            found.append(a)
    for a in found:  # after the loop: each line's next kept line is the one before any subheading went
        removed[a] = "subheading"


def strip_furniture(text: str, title: Optional[str] = None) -> tuple[str, tuple[Removal, ...]]:
    """Remove page furniture from ``text`` by the rules of ``data/furniture.csv`` and :data:`CODE_RULES`.

    Parameters
    ----------
    text : str
        A page's text, lines separated by ``"\\n"``.
    title : str, optional
        The page's title (for the ``title_repeat`` rule).

    Returns
    -------
    (text, removals) : tuple
        The text without its furniture (paragraphs as before, blank lines
        left by removed lines collapsed; ``text`` itself, unchanged, when
        nothing was removed) and the :class:`Removal` of each piece removed,
        in the order of the text.
    """
    if not text:
        return text, ()
    rules = _rules()
    head = _Title(title)
    lines = text.split("\n")
    removed: dict[int, str] = {}
    open_lines = _line_pass(lines, removed)
    _edge_scan(lines, range(len(lines)), rules.head, removed, head)
    _edge_scan(lines, range(len(lines) - 1, -1, -1), rules.tail, removed, head)
    # the first kept lines (title_repeat removes at most TITLE_LINES of them, the prefixes need PREFIX_LINES)
    kept = _first_kept(lines, removed, TITLE_LINES + PREFIX_LINES)
    if head.title and len(kept) > 1:
        for i in kept[:TITLE_LINES]:
            if head.repeated_by(lines[i].strip()):
                removed[i] = "title_repeat"
        kept = [i for i in kept if i not in removed]
    elif not head.title and len(kept) > 1 and _doubled_headline(lines, kept, removed):
        kept = kept[:1] + kept[2:]
    prefixes = _prefix_pass(lines, kept, rules.prefix)
    _subheadings(lines, open_lines, removed)
    if not removed and not prefixes:
        return text, ()
    return _assemble(text, lines, removed, prefixes, rules)


def _doubled_headline(lines: list, kept: list, removed: dict) -> bool:
    """Rule ``title_repeat`` on a page without a title: its first line is the headline, and the same line
    right under it (a site printing its heading twice) is removed, as a repeat of the title is."""
    first, second = lines[kept[0]].strip(), lines[kept[1]].strip()
    if first != second or not _Title(first).repeated_by(second):
        return False
    removed[kept[1]] = "title_repeat"
    return True


def _assemble(text: str, lines: list, removed: dict, prefixes: dict, rules: _Rules):
    """The text without the removed lines and prefixes, and the removals (a page of nothing but furniture keeps its captions)."""
    original = text.split("\n") if prefixes else lines  # (only the prefix pass changes lines)
    out = [ln for i, ln in enumerate(lines) if i not in removed]
    new = normalise_paragraphs("\n".join(out))
    if not _WORD.search(new):  # nothing but furniture: a caption is then the text
        captions = {i for i, name in removed.items() if rules.kind_of[name] == "caption"}
        if captions:
            removed = {i: name for i, name in removed.items() if i not in captions}
            new = normalise_paragraphs("\n".join(ln for i, ln in enumerate(lines) if i not in removed))
    log = []
    for i in sorted(set(removed) | set(prefixes)):
        if i in removed:
            log.append(Removal(i + 1, removed[i], rules.kind_of[removed[i]], original[i].strip()))
        else:
            cut = original[i].lstrip()
            log.append(Removal(i + 1, prefixes[i], rules.kind_of[prefixes[i]],
                               cut[: len(cut) - len(lines[i])].strip()))
    return new, tuple(log)


#: Kinds of furniture the metadata layer still reads (:func:`facts_text`): a caption states who met whom,
#: where and when, often more plainly than the first sentence; a dateline gives the place and the day.
FACT_KINDS = ("caption", "dateline")
#: A caption that is only a credit ("Photo: Jane Roe", "(File photo)", "[Photo/Example Agency]") says nothing of
#: who met whom: :func:`facts_text` drops it with the other furniture (rule ``bare_photo_credit``), so that it
#: does not stand between a headline and the readout's first sentence.
_BARE_CREDIT = re.compile(r"[(\[]?(?:File )?(?i:photos?)(?:\s*(?::|/|by)\s*[^\W\d_][\w .'’&/-]{0,40})?[)\]]?")


def facts_text(rec: Record, keep: tuple = FACT_KINDS) -> str:
    """The text the facts of ``rec`` are read from: its page text without the furniture, but for ``keep``.

    Parameters
    ----------
    rec : Record
        A record from a reader (``page_text`` and ``furniture`` set where
        furniture was removed).
    keep : tuple of str, default :data:`FACT_KINDS`
        Kinds of furniture left in.

    Returns
    -------
    str
        ``rec.page_text`` without the removals of the kinds not in ``keep``
        and the captions that are only a credit (:data:`_BARE_CREDIT`, rule
        ``bare_photo_credit``), blank lines collapsed as in ``rec.text``:
        ``rec.text`` when every removal is dropped, ``rec.page_text`` when none is.
    """
    drop = [r for r in rec.furniture if r.kind not in keep or (r.kind == "caption" and _BARE_CREDIT.fullmatch(r.text))]
    if rec.page_text is None or len(drop) == len(rec.furniture):
        return rec.text
    if not drop:
        return rec.page_text

    lines: list = rec.page_text.split("\n")
    prefix = _prefix_rules()
    for r in drop:
        i = r.line - 1
        if r.rule not in prefix:
            lines[i] = None
        elif lines[i] is not None and lines[i].lstrip().startswith(r.text):
            lines[i] = lines[i].lstrip()[len(r.text):].lstrip()
    return normalise_paragraphs("\n".join(ln for ln in lines if ln is not None))


@lru_cache(maxsize=1)
def _prefix_rules() -> frozenset:
    return frozenset(r["name"] for r in _rules().rows if r["position"] == "prefix")


def strip_record(rec: Record) -> Record:
    """Remove the furniture of ``rec.text`` (in place) and return ``rec``.

    Sets ``rec.page_text`` (the text as read) and ``rec.furniture`` (the
    removals) when something was removed; leaves the record as it was
    otherwise.
    """
    text, removals = strip_furniture(rec.text, rec.title)
    if removals:
        rec.page_text = rec.text
        rec.text = text
        rec.furniture = removals
    return rec
