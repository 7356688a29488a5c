"""Files and folders -> the readouts frame (:func:`load_readouts`).

Flow: every input file is read by the reader for its suffix
(:mod:`diplo_analysis.readers`) into records and rejects; each record gets
its metadata from :func:`diplo_analysis.metadata.extract_metadata`; records
that repeat an earlier one are rejected as duplicates; the rest become one
row each, in input order.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Iterator, Optional, Union

import pandas as pd

from .records import ReadoutError, Record, Reject

__all__ = [
    "load_readouts",
    "READOUT_COLUMNS",
    "REJECT_COLUMNS",
    "MEDIUM_CATEGORIES",
    "MIN_DUPLICATE_WORDS",
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
    "n_words",
]

#: Columns of ``df.attrs["rejects"]``.
REJECT_COLUMNS = ["path", "line", "reason"]

#: Categories of the ``medium`` column, in order.
MEDIUM_CATEGORIES = ["phone", "video", "in_person", "other"]

#: A text this long (in words) or longer counts as a duplicate when it
#: repeats an earlier text, whatever the urls.
MIN_DUPLICATE_WORDS = 30

_STR = "str" if int(pd.__version__.split(".")[0]) >= 3 else object
_META_KEYS = (
    "publisher", "date", "date_inferred", "medium", "host", "host_country",
    "counterparts", "counterpart_countries", "initiator",
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


def _url_key(url: str) -> str:
    """A url folded for duplicate detection: no scheme, ``www.``, fragment or final ``/``."""
    u = url.strip().split("#", 1)[0]
    u = re.sub(r"^[a-z][a-z0-9+.-]*://", "", u, flags=re.I)
    host, sep, rest = u.partition("/")
    host = host.lower()
    if host.startswith("www."):
        host = host[4:]
    return (host + sep + rest).rstrip("/")


def _walk(folder: Path) -> list[Path]:
    """Files under ``folder``, sorted, depth first, hidden files and folders skipped."""
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(dirpath)
        out.extend(base / f for f in sorted(filenames) if not f.startswith("."))
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
    """The input files of ``paths``, in load order, and rejects for orphan sidecars.

    Folders are walked recursively in sorted order, skipping hidden files and
    folders (names starting with ``.``); a file named explicitly is read even
    if hidden. A file reached twice is read once. Sidecars
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
        for f in (_walk(p) if p.is_dir() else [p]):
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
                  progress: bool = False) -> pd.DataFrame:
    """Load readouts from files and folders into one frame, one row per readout.

    Parameters
    ----------
    *paths : str or Path
        Files and folders (walked recursively in sorted order; hidden files
        and folders skipped). None given: the configured data,
        :func:`diplo_analysis.config.data_paths` (``data/raw`` and
        ``$DIPLO_ANALYSIS_DATA``). Formats: ``docs/formats.md``.
    errors : {"collect", "raise"}
        ``"collect"`` (default) keeps going and lists every input that could
        not become a row in ``df.attrs["rejects"]``; ``"raise"`` raises
        :class:`~diplo_analysis.records.ReadoutError` (``path:line: reason``)
        at the first one.
    columns : dict, optional
        Source names of the Record fields for JSONL, CSV and front matter,
        e.g. ``{"text": "body", "title": "headline"}``. Keys among
        ``title``, ``text``, ``date``, ``url``, ``publisher``.
    progress : bool
        Show a tqdm progress bar over the files (off by default).

    Returns
    -------
    pandas.DataFrame
        Columns, in this order (:data:`READOUT_COLUMNS`):

        - ``readout_id`` (str): 16 hex chars of the SHA-1 of the url, or
          when there is none of the whitespace-folded title + newline + text
          (:func:`readout_id`); stable across runs and machines.
        - ``publisher`` (str): the publishing office or site.
        - ``path`` (str): the file, as reached from the given path.
        - ``line`` (int): 1-based line of the record (JSONL line; CSV
          physical line where the row starts, header = 1; 1 for one-document
          files).
        - ``url``, ``title`` (str or NaN).
        - ``text`` (str): paragraphs separated by blank lines; ``""`` for a
          page with a title but no text (photo-only pages stay rows).
        - ``date`` (datetime64[ns], NaT when unknown), ``date_inferred`` (bool).
        - ``medium`` (categorical: phone, video, in_person, other).
        - ``host``, ``host_country`` (ISO alpha-3) (str or NaN).
        - ``counterparts``, ``counterpart_countries`` (list of str).
        - ``counterpart``, ``counterpart_country`` (str or NaN): the first ones.
        - ``initiator`` (``host``, ``counterpart`` or NaN).
        - ``n_words`` (int): whitespace-separated words of ``text``.

        ``df.attrs["rejects"]``: DataFrame ``path`` (str), ``line`` (int),
        ``reason`` (str), one row per input that is not a row, in input
        order. ``df.attrs["inputs"]``: the number of inputs seen (records and
        rejects: JSONL lines that are not blank, CSV data rows, other files,
        orphan sidecars), so ``len(df) + len(rejects) == inputs``.

    Notes
    -----
    Rejected, besides unreadable inputs: a record with neither title nor
    text (``empty record``); a duplicate, reason ``duplicate of <readout_id>``
    naming the kept row: a record whose url was seen before (compared
    without scheme, ``www.``, fragment or final ``/``), or whose
    whitespace-folded text of at least :data:`MIN_DUPLICATE_WORDS` words was
    seen before under another url (the same readout on several sites), or
    whose ``readout_id`` was seen before. The first occurrence is kept.

    Raises
    ------
    FileNotFoundError
        A path that does not exist (always, whatever ``errors``).
    ValueError
        ``errors`` not "collect"/"raise"; a bad ``columns`` mapping.
    ReadoutError
        With ``errors="raise"``, for the first reject.
    """
    if errors not in ("collect", "raise"):
        raise ValueError(f"errors must be 'collect' or 'raise', got {errors!r}")
    from .metadata import extract_metadata
    from .readers import check_columns, read_file

    check_columns(columns)
    if not paths:
        from .config import data_paths

        paths = tuple(data_paths())
    inputs = list(iter_input_files(*paths))

    rejects: list[Reject] = []
    n_inputs = 0

    def reject(item: Reject) -> None:
        if errors == "raise":
            raise ReadoutError(item)
        rejects.append(item)

    cols: dict[str, list] = {c: [] for c in READOUT_COLUMNS}
    seen_url: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    seen_id: set = set()

    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(inputs), unit="file", desc="load_readouts")
    try:
        for entry in inputs:
            if isinstance(entry, Reject):
                n_inputs += 1
                reject(entry)
                if bar is not None:
                    bar.update(1)
                continue
            for item in read_file(entry, columns):
                n_inputs += 1
                if isinstance(item, Reject):
                    reject(item)
                    continue
                rec: Record = item
                words = rec.text.split()
                if not words and not rec.title:
                    reject(Reject(rec.path, rec.line, "empty record"))
                    continue
                folded = " ".join(words)
                rid = _rid(rec.url, rec.title, folded)
                ukey = _url_key(rec.url) if rec.url else None
                tkey = folded if len(words) >= MIN_DUPLICATE_WORDS else None
                dup = (seen_url.get(ukey) if ukey else None) or (seen_text.get(tkey) if tkey else None)
                if dup is None and rid in seen_id:
                    dup = rid
                if dup is not None:
                    reject(Reject(rec.path, rec.line, f"duplicate of {dup}"))
                    continue
                seen_id.add(rid)
                if ukey:
                    seen_url[ukey] = rid
                if tkey:
                    seen_text[tkey] = rid
                meta = extract_metadata(rec)
                cols["readout_id"].append(rid)
                cols["path"].append(rec.path)
                cols["line"].append(rec.line)
                cols["url"].append(rec.url)
                cols["title"].append(rec.title)
                cols["text"].append(rec.text)
                cols["n_words"].append(len(words))
                for key in _META_KEYS:
                    cols[key].append(meta.get(key))
                parts = meta.get("counterparts") or []
                countries = meta.get("counterpart_countries") or []
                cols["counterpart"].append(parts[0] if parts else None)
                cols["counterpart_country"].append(countries[0] if countries else None)
            if bar is not None:
                bar.update(1)
                bar.set_postfix(rows=len(cols["readout_id"]), rejects=len(rejects), refresh=False)
    finally:
        if bar is not None:
            bar.close()

    df = _frame(cols)
    rej = _empty_rejects() if not rejects else pd.DataFrame({
        "path": pd.Series([r.path for r in rejects], dtype=_STR),
        "line": pd.Series([r.line for r in rejects], dtype="int64"),
        "reason": pd.Series([r.reason for r in rejects], dtype=_STR),
    })
    df.attrs["rejects"] = rej
    df.attrs["inputs"] = n_inputs
    return df


def _frame(cols: dict[str, list]) -> pd.DataFrame:
    """Build the readouts frame with the contract's dtypes from column lists."""
    dates = pd.to_datetime(pd.Series([_naive(d) for d in cols["date"]], dtype=object), errors="coerce")
    try:
        dates = dates.astype("datetime64[ns]")
    except (OverflowError, pd.errors.OutOfBoundsDatetime):  # a date outside 1677-2262: NaT
        lo, hi = pd.Timestamp("1678-01-01"), pd.Timestamp("2262-01-01")
        dates = dates.where((dates > lo) & (dates < hi)).astype("datetime64[ns]")
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
        "n_words": pd.Series(cols["n_words"], dtype="int64"),
    }
    return pd.DataFrame(data, columns=READOUT_COLUMNS)
