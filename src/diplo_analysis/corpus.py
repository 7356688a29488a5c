"""Files and folders -> the readouts frame (:func:`load_readouts`).

Flow: every input file is read by the reader for its suffix
(:mod:`diplo_analysis.readers`) into records and rejects; each record gets
its metadata from :func:`diplo_analysis.metadata.extract_metadata`; records
that repeat an earlier one (same url, same text, or a near-copy: see
:func:`load_readouts`) are rejected as duplicates; the rest become one row
each, in input order.
"""

from __future__ import annotations

import errno
import functools
import gc
import hashlib
import os
import re
import stat
import warnings
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional, Union

import pandas as pd

from ._attrs import comparable
from .records import EmptyTextWarning, NotEnglishWarning, ReadoutError, Record, Reject

__all__ = [
    "load_readouts",
    "READOUT_COLUMNS",
    "REJECT_COLUMNS",
    "WARNING_COLUMNS",
    "EMPTY_TEXT",
    "NOT_ENGLISH",
    "MEDIUM_CATEGORIES",
    "STATUS_CATEGORIES",
    "MIN_DUPLICATE_WORDS",
    "PARALLEL_MIN_RECORDS",
    "MIN_NEAR_DUPLICATE_WORDS",
    "NEAR_DUPLICATE_CONTAINMENT",
    "readout_id",
    "iter_input_files",
]

#: Columns of the readouts frame, in order (see the data contract).
READOUT_COLUMNS = [
    "readout_id",
    "publisher",
    "path",
    "line",
    "url",
    "title",
    "text",
    "date",
    "date_inferred",
    "medium",
    "host",
    "host_country",
    "counterparts",
    "counterpart_countries",
    "counterpart",
    "counterpart_country",
    "initiator",
    "status",
    "planned_date",
    "n_words",
    "language",
]

#: Columns of ``df.attrs["rejects"]``.
REJECT_COLUMNS = ["path", "line", "reason"]

#: Columns of ``df.attrs["warnings"]``: readouts kept with a warning.
WARNING_COLUMNS = ["path", "line", "readout_id", "warning"]

#: The warning of a readout whose text is empty after cleaning (kept for the facts of its title).
EMPTY_TEXT = "empty text: only a title after cleaning (kept for the facts of its title)"

#: The ``warning`` of a readout in a language without cue rows in ``df.attrs["warnings"]`` (``{lang}``: its language).
NOT_ENGLISH = "not in English ({lang}): medium, status, planned_date and initiator left empty (no cues of {lang})"

#: Categories of the ``status`` column: a conversation held, or announced to come.
STATUS_CATEGORIES = ["held", "announced"]

#: Categories of the ``medium`` column, in order.
MEDIUM_CATEGORIES = ["phone", "video", "in_person", "other"]

#: A text this long (in words) or longer counts as a duplicate when it
#: repeats an earlier text, whatever the urls.
MIN_DUPLICATE_WORDS = 30

#: Near-duplicates (:func:`load_readouts`, Notes): both texts must have at
#: least this many words after normalisation.
MIN_NEAR_DUPLICATE_WORDS = 40

#: Near-duplicates: the share of the shorter text's distinct word 5-grams
#: that must occur in the longer text. Titles must agree as well, so this can
#: sit below the 0.8 usual for mirrors alone: copies in the shared China pages
#: contain 0.74-1.0, copy-edited or framed by captions and footers at the low
#: end; same-titled texts that are not copies stay below 0.4.
NEAR_DUPLICATE_CONTAINMENT = 0.7

_STR = "str" if int(pd.__version__.split(".")[0]) >= 3 else object
_META_KEYS = (  # metadata.METADATA_KEYS (not imported here: corpus imports metadata lazily)
    "publisher", "date", "date_inferred", "medium", "host", "host_country",
    "counterparts", "counterpart_countries", "initiator", "status", "planned_date", "language",
)


def readout_id(url: Optional[str], title: Optional[str], text: str) -> str:
    """Return the stable id of a readout: 16 hex characters of a SHA-1.

    Of the url when there is one (as given, stripped), else of the
    whitespace-folded title, a newline and the whitespace-folded text.
    Never depends on the file's location.
    """
    return _rid(url, title, " ".join(text.split()))


def _rid(url: Optional[str], title: Optional[str], folded_text: str) -> str:
    if url and url.strip():
        key = url.strip()
    else:
        key = " ".join((title or "").split()) + "\n" + folded_text
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def _url_key(url: str) -> str:
    """A url folded for duplicate detection: no scheme, ``www.``, fragment or final ``/``."""
    u = url.strip().split("#", 1)[0]
    u = _SCHEME_RE.sub("", u, count=1)
    host, sep, rest = u.partition("/")
    host = host.lower()
    if host.startswith("www."):
        host = host[4:]
    return (host + sep + rest).rstrip("/")


def _entry_reject(path: Path) -> Optional[Reject]:
    """A Reject for a folder entry that is not a regular file to read (or None for one that is).

    Never opens the entry: special files (FIFOs, devices, sockets) and
    symlinks to them are rejects, as are dangling symlinks, symlink loops,
    and entries that cannot be inspected.
    """
    from .readers._decode import file_kind, os_reason

    try:
        st = os.stat(path)  # follows symlinks (all the way: a loop is ELOOP)
    except OSError as exc:
        reason = os_reason(exc)
        if exc.errno == errno.ENOENT and os.path.islink(path):
            reason = "dangling symlink: its target does not exist"
        return Reject(str(path), 1, reason)
    if stat.S_ISREG(st.st_mode):
        return None
    via = " (through a symlink)" if os.path.islink(path) else ""
    return Reject(str(path), 1, f"not a regular file{via}: {file_kind(st.st_mode)}; not opened")


def _walk(folder: Path) -> list:
    """Files under ``folder`` and Rejects for what cannot be read, sorted, depth first.

    Hidden files and folders (names starting with ``.``) are skipped. A
    symlink to a regular file is a file; a symlink to a folder is not
    followed and is a Reject (name its target to load it), so that no folder
    is walked twice and no loop is walked forever; FIFOs, devices, sockets,
    dangling symlinks, symlink loops and folders that cannot be listed are
    Rejects (line 1) that say why.
    """
    out: list = []
    stack = [folder]
    while stack:
        base = stack.pop()
        try:
            with os.scandir(base) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as exc:
            from .readers._decode import os_reason

            out.append(Reject(str(base), 1, f"cannot list folder: {os_reason(exc)}"))
            continue
        subdirs = []
        for e in entries:
            path = base / e.name
            try:
                is_link = e.is_symlink()
                is_dir = not is_link and e.is_dir(follow_symlinks=False)
            except OSError as exc:
                from .readers._decode import os_reason

                out.append(Reject(str(path), 1, os_reason(exc)))
                continue
            if is_dir:
                subdirs.append(path)
            elif is_link and os.path.isdir(path):
                out.append(Reject(str(path), 1, "symlink to a folder: not followed (give its target as a path "
                                                "to load it)"))
            else:
                out.append(_entry_reject(path) or path)
        # files of this folder first, then its sub-folders in sorted order (depth first)
        stack.extend(reversed(subdirs))
    return out


def _flatten(paths) -> list:
    out: list = []
    for p in paths:
        if isinstance(p, (list, tuple)):
            out.extend(_flatten(p))
        else:
            out.append(p)
    return out


def iter_input_files(*paths) -> Iterator[Union[Path, Reject]]:
    """The input files of ``paths``, in load order, and rejects for what cannot be read.

    Folders are walked recursively in sorted order, skipping hidden files and
    folders (names starting with ``.``); a file named explicitly is read even
    if hidden. Nothing that is not a regular file is ever opened: FIFOs,
    devices, sockets, dangling symlinks, symlink loops, symlinks to folders
    (not followed) and folders that cannot be listed are yielded as Rejects
    (line 1) with the reason (see :func:`_walk`). A file reached twice is read once. Sidecars
    (``X.meta.json``/``.meta.yaml``) are not inputs: they are skipped when
    their document is beside them and rejected (``orphan sidecar``) when not.

    Raises
    ------
    FileNotFoundError
        For the first path that does not exist (checked before any reading).
    """
    from .readers import is_sidecar, sidecar_document

    items = [Path(p) for p in _flatten(paths)]
    for p in items:
        if not p.exists():
            raise FileNotFoundError(f"No such file or folder: '{p}'")
    seen: set = set()
    for p in items:
        for f in (_walk(p) if p.is_dir() else [_entry_reject(p) or p]):
            if isinstance(f, Reject):
                yield f
                continue
            key = os.path.realpath(f)
            if key in seen:
                continue
            seen.add(key)
            if is_sidecar(f):
                if sidecar_document(f) is None:
                    yield Reject(
                        str(f), 1,
                        "orphan sidecar: no document (.txt, .html, .htm, .md, .markdown) "
                        "with the same name beside it",
                    )
                continue
            yield f


# ---------------------------------------------------------------- near-duplicates
_SHINGLE = 5
_TOKEN_RE = re.compile(r"[^\W_]+")
# A news-agency dateline opening a paragraph: "CITY, Month D (Agency) --",
# "TWO WORDS, Mon. D, YYYY (Agency) --", "CITY --", "City (Agency) - ";
# a capitalised (not upper-case) city only with a day or an agency.
_DATELINE_RE = re.compile(
    r"^[ \t]*(?:"
    r"[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}"  # upper-case city
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?"
    r"|[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"  # City: only with a day or an agency
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?"
    r"|[ \t]*\([^()\n]{1,40}\)[ \t]*)"
    r")(?:--|—|–|-)[ \t]+",
    re.M,
)
_ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LEAD_WORDS = 8  # words of the lead key (untitled records)
_LEAD_MIN_LINE = 8  # leading lines shorter than this (in words) are page furniture for the lead key
_TITLE_SEARCH = 60  # a repeat of the title is looked for in the body's first words


_ASCII_FOLD = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes([32]) * 128


def _fold_words(s: str) -> list[str]:
    """Lower-case letters-and-digits words of ``s`` (punctuation and whitespace folded)."""
    if s.isascii():  # fast path, same result as the regex
        return s.lower().encode().translate(_ASCII_FOLD).decode().split()
    return _TOKEN_RE.findall(s.lower())


def _ascii_words(s: str) -> list[str]:
    """Lower-case ASCII letters-and-digits words of ``s``; any other character separates."""
    return s.lower().encode("ascii", "replace").translate(_ASCII_FOLD).decode().split()


def _title_key(title: Optional[str]) -> str:
    """A title folded for comparison: dateline dropped, lower-case words joined by spaces."""
    if not title:
        return ""
    if "-" in title or "\u2014" in title or "\u2013" in title:
        title = _DATELINE_RE.sub("", title.strip(), count=1)
    return " ".join(_fold_words(title))


def _norm_words(text: str, title_key: str) -> list[str]:
    """The words of ``text`` for near-duplicate comparison.

    Lower-case letters-and-digits words (punctuation and whitespace folded),
    with datelines opening paragraphs removed and, when the title is repeated
    among the first words, everything up to the end of that repeat removed
    (breadcrumbs and menus often precede it).
    """
    words = _fold_words(_DATELINE_RE.sub("", text))
    if title_key:
        t = title_key.split()
        n = len(t)
        first = t[0]
        for i in range(min(_TITLE_SEARCH, len(words) - n + 1)):
            if words[i] == first and words[i:i + n] == t:
                return words[i + n:]
    return words


class _Item:
    """A kept record as the near-duplicate check sees it (lazy, cached)."""

    __slots__ = ("rid", "text", "title_key", "date", "_words", "_shingles", "_day", "lead", "_fps")

    def __init__(self, rid: str, text: str, title_key: str, date: Optional[str]):
        self.rid = rid
        self.text = text
        self.title_key = title_key
        self.date = date
        self._words = None
        self._shingles = None
        self._day = False
        self.lead = None
        self._fps = None

    def words(self) -> list[str]:
        if self._words is None:
            self._words = _norm_words(self.text, self.title_key)
        return self._words

    def shingles(self) -> set:
        if self._shingles is None:
            w = self.words()
            self._shingles = set(zip(*(w[i:] for i in range(_SHINGLE))))
        return self._shingles

    def fingerprints(self) -> list[int]:
        """Content fingerprints: CRC-32 of the distinct word 5-grams, the half whose CRC is even.

        Chosen by content, not position, so that the 5-grams two copies share
        give them the same fingerprints; deterministic across processes
        (unlike ``hash``). Empty for a text too short to be compared.
        """
        if self._fps is None:
            if len(self.words()) < MIN_NEAR_DUPLICATE_WORDS:
                self._fps = []
            else:
                crcs = (zlib.crc32(" ".join(sh).encode("utf-8")) for sh in self.shingles())
                self._fps = [c for c in crcs if not c & 1]
        return self._fps

    def day(self) -> Optional[str]:
        """The calendar day of the source's date field (``YYYY-MM-DD``), or None."""
        if self._day is False:
            self._day = None
            date = str(self.date).strip() if self.date is not None else ""
            m = _ISO_DAY_RE.match(date)
            if m:
                self._day = m.group(0)
            elif date:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    try:
                        ts = pd.to_datetime(date, errors="coerce")
                    except (ValueError, TypeError, OverflowError):
                        ts = pd.NaT
                if not pd.isna(ts):
                    self._day = ts.strftime("%Y-%m-%d")
        return self._day

    def lead_key(self) -> str:
        """A blocking key: the body's first ``_LEAD_WORDS`` words.

        Taken after leading lines of fewer than ``_LEAD_MIN_LINE`` words (page
        furniture), a dateline and a repeat of the title; non-ASCII letters
        count as separators (a fast approximation, the key only proposes
        candidates); "" when there are too few words.
        """
        if self.lead is None:
            lines = self.text[:1000].split("\n")
            i, n = 0, len(lines)
            while i < n - 1 and len(lines[i].split()) < _LEAD_MIN_LINE:
                i += 1
            head = " ".join(lines[i:i + 3])[:300]
            if "-" in head or "\u2014" in head or "\u2013" in head:
                head = _DATELINE_RE.sub("", head, count=1)
            for fold in (_ascii_words, _fold_words):  # the second for non-Latin scripts
                w = fold(head)
                if self.title_key:
                    t = fold(self.title_key)
                    if w[:len(t)] == t:
                        w = w[len(t):]
                self.lead = " ".join(w[:_LEAD_WORDS]) if len(w) >= _LEAD_WORDS else ""
                if self.lead:
                    break
        return self.lead


def _is_copy(a: _Item, b: _Item) -> bool:
    """Whether two records with compatible titles are copies of one readout."""
    da, db = a.day(), b.day()
    if da and db and da != db:
        return False
    wa, wb = a.words(), b.words()
    if len(wa) < MIN_NEAR_DUPLICATE_WORDS or len(wb) < MIN_NEAR_DUPLICATE_WORDS:
        return False
    sa, sb = a.shingles(), b.shingles()
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(small & large) >= NEAR_DUPLICATE_CONTAINMENT * len(small)


#: A block of candidates (same title, or same first words) larger than this is
#: searched through its content fingerprints instead of member by member.
_BIG_BLOCK = 48
#: A fingerprint shared by more members of a block than this says nothing
#: about copies (a template's boilerplate): it is not used for that block.
_COMMON_FP = 64


class _Block:
    """Kept records that share a blocking key (a folded title, or a lead key).

    Small blocks hand out all their members (in input order). A block that
    grows beyond :data:`_BIG_BLOCK` indexes its members by content
    fingerprints (:meth:`_Item.fingerprints`) and hands out only the members
    sharing one with the record looked up, so that a title shared by
    thousands of records costs time linear in them, not quadratic: two
    copies share at least 70% of the shorter text's 5-grams, so about a third
    of its shingles as fingerprints.
    """

    __slots__ = ("members", "index", "common")

    def __init__(self) -> None:
        self.members: list[int] = []
        self.index: Optional[dict[int, list[int]]] = None
        self.common: set = set()

    def add(self, k: int, items: list) -> None:
        self.members.append(k)
        if self.index is not None:
            self._index(k, items)
        elif len(self.members) > _BIG_BLOCK:
            self.index = {}
            for j in self.members:
                self._index(j, items)

    def _index(self, k: int, items: list) -> None:
        index, common = self.index, self.common
        for fp in items[k].fingerprints():
            if fp in common:
                continue
            posting = index.setdefault(fp, [])
            posting.append(k)
            if len(posting) > _COMMON_FP:
                common.add(fp)
                del index[fp]

    def candidates(self, item: "_Item") -> list[int]:
        """Members that may be copies of ``item``, in input order."""
        if self.index is None:
            return self.members
        found: set = set()
        index = self.index
        for fp in item.fingerprints():
            posting = index.get(fp)
            if posting:
                found.update(posting)
        return sorted(found)


class _NearDuplicates:
    """Finds, for a new record, a kept record it is a near-copy of.

    Candidates are blocked, never compared all against all: records with the
    same folded title, and, where one of the two has no title, records whose
    bodies start with the same words (:meth:`_Item.lead_key`); within a large
    block, only the records sharing a content fingerprint (:class:`_Block`).
    The lead keys are only computed once an untitled record has been seen.
    """

    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.by_title: dict[str, _Block] = {}
        self.untitled: dict[str, _Block] = {}  # lead key -> untitled kept records
        self.by_lead: Optional[dict[str, _Block]] = None  # lead key -> every kept record

    def _index_lead(self, k: int) -> None:
        lead = self.items[k].lead_key()
        if lead:
            _block(self.by_lead, lead).add(k, self.items)
            if not self.items[k].title_key:
                _block(self.untitled, lead).add(k, self.items)

    def find(self, item: _Item) -> Optional[str]:
        """The ``readout_id`` of the first kept record ``item`` is a copy of, or None."""
        if item.title_key:
            block = self.by_title.get(item.title_key)
            cands = block.candidates(item) if block is not None else None
            if self.untitled:
                extra = self.untitled.get(item.lead_key())
                if extra is not None:
                    cands = sorted(set(cands or ()) | set(extra.candidates(item)))
            if not cands:
                return None
        else:
            if self.by_lead is None:  # the first untitled record: index the kept ones
                self.by_lead = {}
                for k in range(len(self.items)):
                    self._index_lead(k)
            block = self.by_lead.get(item.lead_key())
            if block is None:
                return None
            cands = block.candidates(item)
        for k in cands:  # kept records, in input order
            if _is_copy(item, self.items[k]):
                return self.items[k].rid
        return None

    def add(self, item: _Item) -> None:
        k = len(self.items)
        self.items.append(item)
        if item.title_key:
            _block(self.by_title, item.title_key).add(k, self.items)
        if self.by_lead is not None:
            self._index_lead(k)


def _block(blocks: dict, key: str) -> _Block:
    block = blocks.get(key)
    if block is None:
        block = blocks[key] = _Block()
    return block


class _SeenTexts:
    """Kept texts of at least :data:`MIN_DUPLICATE_WORDS` words, by whitespace-folded text.

    Looked up by a cheap key (word count, first, middle and last word) that
    equal folded texts share; the folded texts themselves are built only
    when keys collide, and compared exactly.
    """

    def __init__(self) -> None:
        self.by_key: dict[tuple, list] = {}  # key -> [[text or folded text, folded?, rid], ...]

    def find(self, key: tuple, words: list[str]) -> Optional[str]:
        """The ``readout_id`` of the kept text whose words are ``words``, or None."""
        entries = self.by_key.get(key)
        if not entries:
            return None
        folded = " ".join(words)
        for entry in entries:
            if not entry[1]:
                entry[0], entry[1] = " ".join(entry[0].split()), True
            if entry[0] == folded:
                return entry[2]
        return None

    def add(self, key: tuple, text: str, rid: str) -> None:
        self.by_key.setdefault(key, []).append([text, False, rid])


def _empty_rejects() -> pd.DataFrame:
    return pd.DataFrame({
        "path": pd.Series([], dtype=_STR),
        "line": pd.Series([], dtype="int64"),
        "reason": pd.Series([], dtype=_STR),
    })


def _naive(ts):
    if ts is None or ts is pd.NaT:
        return pd.NaT
    if getattr(ts, "tzinfo", None) is not None:
        return ts.tz_localize(None)
    return ts


def load_readouts(*paths, errors: str = "collect", columns: Optional[dict] = None,
                  progress: bool = False, n_jobs: Optional[int] = None, knowledge=None) -> pd.DataFrame:
    """Load readouts from files and folders into one frame, one row per readout.

    Parameters
    ----------
    *paths : str or Path
        Files and folders (walked recursively in sorted order; hidden files
        and folders skipped). None given: the configured data, :func:`diplo_analysis.config.data_paths`
        (``data/raw`` and ``$DIPLO_ANALYSIS_DATA``; ``data/raw`` alone warns, once per process,
        :class:`~diplo_analysis.SampleDataWarning`). Formats: ``docs/formats.md``.
    errors : {"collect", "raise"}
        ``"collect"`` (default) keeps going and lists every input that could not
        become a row in ``df.attrs["rejects"]``; ``"raise"`` raises
        :class:`~diplo_analysis.records.ReadoutError` (``path:line: reason``) at the first one.
    columns : dict, optional
        Source names of the Record fields (``title``, ``text``, ``date``,
        ``url``, ``publisher``) for JSONL, CSV and front matter, e.g.
        ``{"text": "body"}``. Not given: the nearest ``.diplo_analysis.json``
        above each file, if any (:func:`diplo_analysis.datasets.folder_options`).
    progress : bool
        Show a tqdm progress bar over the files (off by default).
    n_jobs : int or None
        Processes extracting the metadata, this one included. ``None``: one
        per usable CPU (at most 8) where processes start by ``fork`` and
        :data:`PARALLEL_MIN_RECORDS` records are kept, else this one only;
        ``1``: this one; ``k > 1``: ``k - 1`` workers more; ``-1``: one per
        CPU. The frame is the same whatever the value; workers that fail fall
        back to this process with a ``RuntimeWarning`` (docs/metadata.md,
        "Loading speed").
    knowledge : Knowledge, optional
        A user's leaders, publishers and cues (:class:`diplo_analysis.Knowledge`)
        added to the package's tables for this load, in worker processes too
        (docs/metadata.md, "Adding knowledge").

    Returns
    -------
    pandas.DataFrame
        Columns, in this order (:data:`READOUT_COLUMNS`): ``readout_id``
        (str: 16 hex chars of the SHA-1 of the url, else of the folded title
        and the text as read, page furniture included, :func:`readout_id`;
        stable across runs, machines and furniture rules),
        ``publisher`` (str), ``path`` (str: the file as reached), ``line``
        (int: 1-based line of the record; CSV: where the row starts, header
        = 1; 1 for one-document files), ``url``, ``title`` (str or NaN),
        ``text`` (str: paragraphs separated by blank lines, page furniture
        removed; ``""`` for a title-only page), ``date`` (datetime64[ns], NaT when unknown),
        ``date_inferred`` (bool), ``medium`` (categorical: phone, video,
        in_person, other), ``host``, ``host_country`` (ISO alpha-3; str or
        NaN), ``counterparts``, ``counterpart_countries`` (lists of str),
        ``counterpart``, ``counterpart_country`` (the first ones, or NaN),
        ``initiator`` (``host``, ``counterpart`` or NaN), ``status``
        (categorical: ``held``; ``announced`` for an announcement of a
        conversation to come, whose ``medium`` is ``other``; NaN for a
        document that reports and announces none), ``planned_date``
        (datetime64[ns]: an announcement's planned day, else NaT),
        ``n_words`` (int), ``language`` (str: ISO 639-1; a language without cue rows, not ``en`` nor in
        ``data/cues_languages.csv``: ``medium``, ``initiator``, ``status`` NaN; docs/metadata.md).

        ``df.attrs["rejects"]``: ``path`` (str), ``line`` (int), ``reason``
        (str), one row per input that is not a row, in input order;
        ``df.attrs["inputs"]``: inputs seen (records and rejects), so
        ``len(df) + len(rejects) == inputs``; ``df.attrs["warnings"]``:
        ``path``, ``line``, ``readout_id``, ``warning`` (str), one row per
        readout kept with a warning (:data:`EMPTY_TEXT`; :data:`NOT_ENGLISH`: a ``NotEnglishWarning``).

    Notes
    -----
    Hostile input never stops a load nor exhausts the machine: special
    files, bad symlinks, unreadable files and bad lines are rejects, and
    every file is read within :data:`diplo_analysis.limits.LIMITS`.
    A record with neither title nor text is rejected (``empty record``); one
    with a title whose text is empty after cleaning (page furniture removed:
    ``docs/readers.md``) is kept with an :class:`~diplo_analysis.records.EmptyTextWarning`.
    A duplicate is rejected (``duplicate of <readout_id>``, the first occurrence
    kept): the same url, the same text (as read) of at least
    :data:`MIN_DUPLICATE_WORDS` words, the same id, or a near-copy (the same
    title, a containment of word 5-grams of at least
    :data:`NEAR_DUPLICATE_CONTAINMENT`), checked in linear time. The rules
    in full: ``docs/formats.md``, "Rows, ids and duplicates" and "Limits and
    hostile input".

    Raises
    ------
    FileNotFoundError
        A path that does not exist (always, whatever ``errors``).
    ValueError
        ``errors`` not "collect"/"raise"; a bad ``columns`` mapping;
        ``n_jobs`` not None, a positive integer or -1.
    ReadoutError
        With ``errors="raise"``, for the first reject.
    """
    if errors not in ("collect", "raise"):
        raise ValueError(f"errors must be 'collect' or 'raise', got {errors!r}")
    if knowledge is not None:  # a user's leaders, publishers and cues, for this load
        from .knowledge import using

        with using(knowledge):
            return load_readouts(*paths, errors=errors, columns=columns, progress=progress, n_jobs=n_jobs)
    return _load(paths, errors, columns, progress, n_jobs)


def _load(paths: tuple, errors: str, columns: Optional[dict], progress: bool, n_jobs) -> pd.DataFrame:
    """The frame of one load (:func:`load_readouts`, its arguments checked), warning of empty texts."""
    load, inputs = _start_load(paths, errors, columns, n_jobs)
    with _gc_paused():  # the frame too; the load's own objects go by reference counting, never traversed
        load.read_all(inputs, progress)
        df = load.frame()
        del load
    _warn_empty(df.attrs["warnings"].loc[lambda w: w["warning"] == EMPTY_TEXT])
    _warn_not_english(df.attrs["warnings"])
    return df


def _warn_empty(listed: pd.DataFrame) -> None:
    """One :class:`EmptyTextWarning` for the rows of a load whose text is empty (none: no warning)."""
    if listed.empty:
        return
    first = listed.iloc[0]
    n = len(listed)
    warnings.warn(
        f"{n} readout{'s have' if n > 1 else ' has'} an empty text after cleaning, only a title "
        f"(the first: {Path(first['path']).name}:{first['line']}); kept for the facts of the title, "
        "listed in df.attrs['warnings'] (path, line, readout_id)",
        EmptyTextWarning, stacklevel=4)


def _start_load(paths: tuple, errors: str, columns: Optional[dict], n_jobs) -> tuple["_Load", list]:
    """The inputs of a load (the configured data when no path is given) and its :class:`_Load`."""
    from ._workers import MetadataStream, resolve_jobs
    from .datasets import folder_options
    from .metadata import extract_metadata, load_tables
    from .readers import check_columns

    n_procs, context = resolve_jobs(n_jobs)
    check_columns(columns)
    if not paths:
        from .config import data_paths, warn_if_sample_only

        paths = tuple(data_paths())
        warn_if_sample_only(paths, stacklevel=4)  # the user's line: load_readouts -> _load -> _start_load
    inputs = list(iter_input_files(*paths))
    extract = _extractor(extract_metadata)
    stream = MetadataStream(extract, n_procs, context, PARALLEL_MIN_RECORDS, load_tables)
    return _Load(errors, columns, folder_options(), extract, stream), inputs


class _Duplicates:
    """The duplicate checks of one load: the same url, the same text, the same id, a near-copy (Notes)."""

    def __init__(self) -> None:
        self.urls: dict[str, str] = {}
        self.texts = _SeenTexts()
        self.ids: set = set()
        self.near = _NearDuplicates()

    def find(self, rid: str, rec: Record, words: list[str], text: str) -> tuple[Optional[str], tuple]:
        """(the readout_id this record duplicates or None, the keys to :meth:`add` when it is kept).

        ``words`` are the words of ``text``, the record's text as read (``page_text``).
        """
        n_words = len(words)
        ukey = _url_key(rec.url) if rec.url else None
        dup = self.urls.get(ukey) if ukey else None
        tkey = None
        if n_words >= MIN_DUPLICATE_WORDS:
            # same folded text <=> same words; the cheap key only proposes candidates
            tkey = (n_words, words[0], words[n_words // 2], words[-1])
            if dup is None:
                dup = self.texts.find(tkey, words)
        if dup is None and rid in self.ids:
            dup = rid
        item = None
        if dup is None and n_words >= MIN_NEAR_DUPLICATE_WORDS:
            item = _Item(rid, text, _title_key(rec.title), rec.date)
            dup = self.near.find(item)
        return dup, (ukey, tkey, item)

    def add(self, rid: str, text: str, keys: tuple) -> None:
        ukey, tkey, item = keys
        self.ids.add(rid)
        if item is not None:
            self.near.add(item)
        if ukey:
            self.urls[ukey] = rid
        if tkey:
            self.texts.add(tkey, text, rid)


def _page_words(page: str, text: str, words: list) -> list:
    """``page.split()``, from ``words`` (``text.split()``) where ``text`` stands whole in ``page``.

    ``text`` is ``page`` without its furniture: where it is a slice of ``page`` between whitespace
    (furniture at the page's head and tail only), the words of the page are those before it,
    ``words`` and those after it; else the page is split.
    """
    at = page.find(text) if text else -1
    end = at + len(text)
    if at < 0 or (at and not page[at - 1].isspace()) or (end < len(page) and not page[end].isspace()):
        return page.split()
    return page[:at].split() + words + page[end:].split()


class _Load:
    """One call of :func:`load_readouts`: inputs in, rows and rejects out, metadata extracted on the way."""

    def __init__(self, errors: str, columns: Optional[dict], options_for, extract, stream) -> None:
        self.errors, self.columns, self.options_for = errors, columns, options_for
        self.extract, self.stream = extract, stream
        self.pending = stream.add if stream.parallel else None  # else extracted here, record by record
        self.rejects: list[Reject] = []
        self.empty: list[tuple] = []  # (path, line, readout_id) of the rows whose text is empty
        self.n_inputs = 0
        self.cols: dict[str, list] = {c: [] for c in READOUT_COLUMNS}
        self.seen = _Duplicates()
        self.meta_appends = [(key, self.cols[key].append) for key in _META_KEYS]

    def reject(self, item: Reject) -> None:
        if self.errors == "raise":
            raise ReadoutError(item)
        self.rejects.append(item)

    def read_all(self, inputs: list, progress: bool) -> None:
        """Read every input (a file, or a reject of the folder walk), then take back the workers' metadata."""
        bar = None
        if progress:
            from tqdm.auto import tqdm

            bar = tqdm(total=len(inputs), unit="file", desc="load_readouts")
        with _gc_paused():
            try:
                for entry in inputs:
                    self.read_input(entry)
                    if bar is not None:
                        bar.update(1)
                        bar.set_postfix(rows=len(self.cols["readout_id"]), rejects=len(self.rejects), refresh=False)
            except BaseException:
                self.stream.close()  # an error (errors="raise"), an interrupt: stop the workers
                raise
            finally:
                if bar is not None:
                    bar.close()
        if self.pending is not None:
            with _gc_paused():
                for meta in self.stream.results():
                    self.add_meta(meta)

    def read_input(self, entry) -> None:
        """One input: a reject of the walk, or a file whose records are taken one by one."""
        from .readers import read_file

        if isinstance(entry, Reject):
            self.n_inputs += 1
            self.reject(entry)
            return
        try:
            options = self.options_for(entry)
        except RecursionError:  # a bad .diplo_analysis.json is a ValueError naming it: this one too
            raise ValueError(f"the reader options (.diplo_analysis.json) above {entry} are nested "
                             "too deep to read") from None
        for item in read_file(entry, self.columns or options.columns):
            self.n_inputs += 1
            if isinstance(item, Reject):
                self.reject(item)
                continue
            if options.publisher:
                item.publisher = options.publisher
            self.take(item)

    def take(self, rec: Record) -> None:
        """A record becomes a row, or a reject: empty, or a duplicate of a row before it.

        The id and the duplicate checks read the text as read (``page_text``, furniture
        included), so that the furniture rules never renumber nor merge readouts.
        """
        text = rec.text
        words = text.split()
        page = rec.page_text if rec.page_text is not None else text
        page_words = words if page is text else _page_words(page, text, words)
        if not page_words and not rec.title:
            self.reject(Reject(rec.path, rec.line, "empty record"))
            return
        url = rec.url
        if url and url.strip():
            rid = hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:16]
        else:
            rid = _rid(url, rec.title, " ".join(page_words))
        dup, keys = self.seen.find(rid, rec, page_words, page)
        if dup is not None:
            self.reject(Reject(rec.path, rec.line, f"duplicate of {dup}"))
            return
        self.seen.add(rid, page, keys)
        if not words:
            self.empty.append((rec.path, rec.line, rid))
        cols = self.cols
        for name, value in (("readout_id", rid), ("path", rec.path), ("line", rec.line), ("url", url),
                            ("title", rec.title), ("text", text), ("n_words", len(words))):
            cols[name].append(value)
        if self.pending is None:
            self.add_meta(self.extract(rec))
        else:
            self.pending(rec)

    def add_meta(self, meta: dict) -> None:
        for key, append in self.meta_appends:
            append(meta.get(key))
        parts = meta.get("counterparts")
        countries = meta.get("counterpart_countries")
        self.cols["counterpart"].append(parts[0] if parts else None)
        self.cols["counterpart_country"].append(countries[0] if countries else None)

    def frame(self) -> pd.DataFrame:
        """The readouts frame, with the rejects and the count of inputs in ``attrs``."""
        df = _frame(self.cols)
        rejects = self.rejects
        df.attrs = comparable({
            "rejects": _empty_rejects() if not rejects else pd.DataFrame({
                "path": pd.Series([r.path for r in rejects], dtype=_STR),
                "line": pd.Series([r.line for r in rejects], dtype="int64"),
                "reason": pd.Series([r.reason for r in rejects], dtype=_STR),
            }),
            "inputs": self.n_inputs,
            "warnings": _warnings_frame(self.empty, df),
        })  # tables pandas can compare: pd.concat of two loads works (``_attrs``)
        return df


#: How many ids of readouts not in English the load's warning names.
NOT_ENGLISH_IDS_SHOWN = 5


def _warnings_frame(empty: list, df: pd.DataFrame) -> pd.DataFrame:
    """``df.attrs["warnings"]``: the rows whose text is empty, then those in a language other than English
    that has no cue rows (``data/cues_languages.csv``), in input order each."""
    other = df["language"].notna() & (df["language"] != "en")
    if other.any():  # the cue tables of other languages are read only for a load that has such pages
        from .language_cues import languages

        other &= ~df["language"].isin(languages())
    other = other.to_numpy()
    rows = [(path, line, rid, EMPTY_TEXT) for path, line, rid in empty]
    rows += [(path, line, rid, NOT_ENGLISH.format(lang=lang)) for path, line, rid, lang in
             zip(df["path"][other], df["line"][other], df["readout_id"][other], df["language"][other])]
    return pd.DataFrame({
        "path": pd.Series([r[0] for r in rows], dtype=_STR),
        "line": pd.Series([r[1] for r in rows], dtype="int64"),
        "readout_id": pd.Series([r[2] for r in rows], dtype=_STR),
        "warning": pd.Series([r[3] for r in rows], dtype=_STR),
    })


def _warn_not_english(listed: pd.DataFrame) -> None:
    """One :class:`NotEnglishWarning` for the rows of a load not in English (none: no warning)."""
    other = listed.loc[listed["warning"].str.startswith(NOT_ENGLISH.split("(")[0])]
    if other.empty:
        return
    n = len(other)
    langs = other["warning"].str.extract(r"\((\w+)\)")[0].value_counts()
    said = ", ".join(f"{code} {k}" for code, k in sorted(langs.items()))
    ids = other["readout_id"].head(NOT_ENGLISH_IDS_SHOWN).tolist()
    more = ", ..." if n > len(ids) else ""
    warnings.warn(f"{n} readout{'s are' if n > 1 else ' is'} not in English ({said}): their medium, status, "
                  f"planned_date and initiator are left empty, their languages having no cue rows (readout_id "
                  f"{', '.join(ids)}{more}); listed in df.attrs['warnings'], all: df[df.language != 'en']",
                  NotEnglishWarning, stacklevel=4)


def _extractor(extract_metadata):
    """``extract_metadata``, or with a user's knowledge in force: the same in any process it is sent to."""
    from .knowledge import active, extract_with

    knowledge = active()
    return functools.partial(extract_with, knowledge) if knowledge else extract_metadata


@contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector for the block, as it was before after it.

    Loading creates a few objects per record (the record, its metadata, the
    people of its title) and keeps most of them: the collector's passes over
    them find nothing to free and cost a few per cent of a load.
    :func:`load_readouts` pauses it from the first record to the finished
    frame and drops its working state (records, duplicate indexes) before
    the collector runs again, so that state is never traversed at all.
    Reference counting still frees everything as usual; only reference
    cycles wait for the next collection after the block.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: A load that keeps fewer records than this extracts their metadata in this
#: process whatever ``n_jobs`` says (starting workers would cost more than
#: it saves); from this many on, workers start and take records in chunks.
PARALLEL_MIN_RECORDS = 500


_LO, _HI = pd.Timestamp("1678-01-01"), pd.Timestamp("2262-01-01")


def _dates_column(values: list) -> pd.Series:
    """The ``date`` column (datetime64[ns], naive) from metadata dates."""
    nat, ts_type = pd.NaT, pd.Timestamp
    # the usual case, tz-naive Timestamps and NaT within the ns range, at once
    if all(d is nat or (type(d) is ts_type and d.tzinfo is None and _LO < d < _HI) for d in values):
        return pd.Series(pd.DatetimeIndex(values, dtype="datetime64[ns]"))
    dates = pd.to_datetime(pd.Series([_naive(d) for d in values], dtype=object), errors="coerce")
    try:
        return dates.astype("datetime64[ns]")
    except (OverflowError, pd.errors.OutOfBoundsDatetime):  # a date outside 1677-2262: NaT
        return dates.where((dates > _LO) & (dates < _HI)).astype("datetime64[ns]")


def _frame(cols: dict[str, list]) -> pd.DataFrame:
    """Build the readouts frame with the contract's dtypes from column lists."""
    dates = _dates_column(cols["date"])
    data = {
        "readout_id": pd.Series(cols["readout_id"], dtype=_STR),
        "publisher": pd.Series(cols["publisher"], dtype=_STR),
        "path": pd.Series(cols["path"], dtype=_STR),
        "line": pd.Series(cols["line"], dtype="int64"),
        "url": pd.Series(cols["url"], dtype=_STR),
        "title": pd.Series(cols["title"], dtype=_STR),
        "text": pd.Series(cols["text"], dtype=_STR),
        "date": dates,
        "date_inferred": pd.Series([bool(x) for x in cols["date_inferred"]], dtype=bool),
        "medium": pd.Series(pd.Categorical(cols["medium"], categories=MEDIUM_CATEGORIES)),
        "host": pd.Series(cols["host"], dtype=_STR),
        "host_country": pd.Series(cols["host_country"], dtype=_STR),
        "counterparts": pd.Series([list(x or []) for x in cols["counterparts"]], dtype=object),
        "counterpart_countries": pd.Series([list(x or []) for x in cols["counterpart_countries"]], dtype=object),
        "counterpart": pd.Series(cols["counterpart"], dtype=_STR),
        "counterpart_country": pd.Series(cols["counterpart_country"], dtype=_STR),
        "initiator": pd.Series(cols["initiator"], dtype=_STR),
        "status": pd.Series(pd.Categorical(cols["status"], categories=STATUS_CATEGORIES)),
        "planned_date": _dates_column(cols["planned_date"]),
        "n_words": pd.Series(cols["n_words"], dtype="int64"),
        "language": pd.Series(cols["language"], dtype=_STR),
    }
    return pd.DataFrame(data, columns=READOUT_COLUMNS)
