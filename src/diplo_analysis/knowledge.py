"""What the package knows, and how a user adds to it without editing the installed package.

The package's knowledge of diplomacy is in tables (``src/diplo_analysis/data``):

========== =============================== ==========================================================
table      package file                    one row is
========== =============================== ==========================================================
leaders    ``leaders.csv``                 a term of office: ``name, aliases, country, office,
                                           start, end`` (aliases ``|``-separated; dates ISO, empty
                                           when open)
publishers ``gazetteer_publishers.csv``    a fragment of a publisher's name or address and its
                                           country: ``fragment, code``
cues       ``cues.csv``                    a cue of a medium: ``medium, pattern, keys, example,
                                           expected`` (see :func:`diplo_analysis.metadata.read_cues`)
initiators ``initiator_cues.csv``          a phrase that says who asked for a call: ``kind, pattern,
                                           keys, example, note`` (see
                                           :func:`diplo_analysis.initiators.read_initiator_cues`)
========== =============================== ==========================================================

A :class:`Knowledge` adds a user's own rows, in CSV files with the same
columns, to the package's: a leader the table lacks, a publisher's site, a
cue in a house style, a house style's way of saying who asked for a call.  Pass it to :func:`diplo_analysis.load_readouts`
(``knowledge=``), which uses it for that load (worker processes included), or
make it the default of the session with :func:`use`::

    k = Knowledge.from_folder("my_tables")  # leaders.csv, publishers.csv, cues.csv, initiator_cues.csv (any)
    readouts = da.load_readouts("my_readouts/", knowledge=k)
    with using(k):
        da.explain_metadata(readouts.iloc[0])

Every file is read and validated when the :class:`Knowledge` is made: a
missing column, an unknown office or medium, a bad date or country code, a
pattern that does not match its example raise ``ValueError`` naming the file
and the row.  A user's publishers are looked up before the package's (a
user's row wins); a user's leaders and cues are added to the package's; a
user's initiator rows are tried before the package's (where both match at the
same place, the user's row says which side asked).
"""

from __future__ import annotations

import csv
import importlib
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Union

import pandas as pd

__all__ = ["Knowledge", "TABLE_FILES", "LEADER_COLUMNS", "PUBLISHER_COLUMNS", "active", "use", "using"]

#: The file name of each table, in the package's data folder and in a user's folder.
TABLE_FILES = {"leaders": "leaders.csv", "publishers": "publishers.csv", "cues": "cues.csv",
               "initiators": "initiator_cues.csv"}
LEADER_COLUMNS = ("name", "aliases", "country", "office", "start", "end")
PUBLISHER_COLUMNS = ("fragment", "code")
_CODE = re.compile(r"[A-Z]{2,4}")
#: Modules whose memo caches depend on the knowledge in force.
_CACHED_MODULES = ("gazetteer", "metadata", "dates", "initiators")

PathLike = Union[str, Path]


def _rows(path: Path, columns: tuple) -> list[tuple[int, dict]]:
    """(row number, row) of a CSV file that must have ``columns``; an error names the file."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: lacks column(s) {missing}; a row needs {list(columns)}")
        return [(n, {k: (v or "").strip() for k, v in row.items() if k}) for n, row in enumerate(reader, start=2)]


def _offices() -> frozenset:
    from . import gazetteer

    return frozenset(gazetteer.package_leaders()["office"])


def _check_leader(row: dict, where: str, offices: frozenset) -> dict:
    if not row["name"]:
        raise ValueError(f"{where}: a leader needs a name")
    if not _CODE.fullmatch(row["country"]):
        raise ValueError(f"{where}: country {row['country']!r} is not an ISO alpha-3 or organisation code")
    if row["office"] not in offices:
        raise ValueError(f"{where}: office {row['office']!r} is not one of {sorted(offices)}")
    for col in ("start", "end"):
        if row[col]:
            try:
                pd.Timestamp(row[col])
            except (ValueError, TypeError):
                raise ValueError(f"{where}: {col} {row[col]!r} is not a date (YYYY-MM-DD)") from None
    return {c: row[c] for c in LEADER_COLUMNS}


def _check_publisher(row: dict, where: str) -> dict:
    if not row["fragment"]:
        raise ValueError(f"{where}: a publisher row needs a fragment (part of a name or address)")
    if not _CODE.fullmatch(row["code"]):
        raise ValueError(f"{where}: code {row['code']!r} is not an ISO alpha-3 or organisation code")
    return {"fragment": row["fragment"].lower(), "code": row["code"]}


@dataclass(frozen=True)
class Knowledge:
    """The package's tables plus a user's rows (leaders, publishers, cues, initiator cues), validated when made.

    Parameters
    ----------
    leaders, publishers, cues, initiators : sequence of str or Path
        CSV files with the columns of the package's table (see the module's
        docstring); each may be empty.

    Attributes
    ----------
    leader_rows, publisher_rows, cue_rows, initiator_rows : tuple of dict
        The user's rows, validated, in file order.

    Raises
    ------
    ValueError, FileNotFoundError
        Naming the file and the row of the first bad row.
    """

    leaders: tuple = ()
    publishers: tuple = ()
    cues: tuple = ()
    initiators: tuple = ()

    def __post_init__(self) -> None:
        for table in TABLE_FILES:
            value = getattr(self, table)
            paths = (value,) if isinstance(value, (str, Path)) else tuple(value or ())
            object.__setattr__(self, table, tuple(str(Path(p)) for p in paths))
        object.__setattr__(self, "_rows", self._read())

    def _read(self) -> dict:
        if not self:
            return {table: () for table in TABLE_FILES}
        from .initiators import read_initiator_cues
        from .metadata import read_cues

        offices = _offices() if self.leaders else frozenset()
        leaders = [_check_leader(row, f"{p}:{n}", offices)
                   for p in self.leaders for n, row in _rows(Path(p), LEADER_COLUMNS)]
        publishers = [_check_publisher(row, f"{p}:{n}")
                      for p in self.publishers for n, row in _rows(Path(p), PUBLISHER_COLUMNS)]
        cues = [row for p in self.cues for row in read_cues(p)]
        initiators = [row for p in self.initiators for row in read_initiator_cues(p)]
        return {"leaders": tuple(leaders), "publishers": tuple(publishers), "cues": tuple(cues),
                "initiators": tuple(initiators)}

    @property
    def leader_rows(self) -> tuple:
        return self._rows["leaders"]

    @property
    def publisher_rows(self) -> tuple:
        return self._rows["publishers"]

    @property
    def cue_rows(self) -> tuple:
        return self._rows["cues"]

    @property
    def initiator_rows(self) -> tuple:
        return self._rows["initiators"]

    @classmethod
    def from_folder(cls, folder: PathLike) -> "Knowledge":
        """The tables of a folder: ``leaders.csv``, ``publishers.csv``, ``cues.csv``, ``initiator_cues.csv``
        (each optional).

        Returns
        -------
        Knowledge
            The folder's files, validated (see :class:`Knowledge`).

        Raises
        ------
        FileNotFoundError
            If the folder does not exist or holds none of the four files.
        """
        folder = Path(folder)
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder}: no such folder")
        found = {t: [folder / f] for t, f in TABLE_FILES.items() if (folder / f).is_file()}
        if not found:
            raise FileNotFoundError(f"{folder}: holds none of {sorted(TABLE_FILES.values())}")
        return cls(**found)

    def __bool__(self) -> bool:
        return any(getattr(self, table) for table in TABLE_FILES)


_ACTIVE = Knowledge()


def active() -> Knowledge:
    """The knowledge in force (an empty :class:`Knowledge`: the package's tables alone)."""
    return _ACTIVE


def use(knowledge: Optional[Knowledge] = None) -> Knowledge:
    """Put ``knowledge`` in force for this process (None: the package's tables alone); return the previous.

    The memo caches built on the tables are emptied, so everything read after
    this call sees the new rows.
    """
    global _ACTIVE
    if knowledge is not None and not isinstance(knowledge, Knowledge):
        raise TypeError(f"knowledge must be a Knowledge or None, got {type(knowledge).__name__}")
    previous, _ACTIVE = _ACTIVE, knowledge or Knowledge()
    if previous != _ACTIVE:
        _refresh()
    return previous


@contextmanager
def using(knowledge: Optional[Knowledge]) -> Iterator[Knowledge]:
    """Put ``knowledge`` in force inside a ``with`` block, and the previous one back after it."""
    previous = use(knowledge)
    try:
        yield active()
    finally:
        use(previous)


def _refresh() -> None:
    """Empty every memo cache of the modules that read the tables, and rebuild the cue expressions."""
    for name in _CACHED_MODULES:
        module = importlib.import_module(f"{__package__}.{name}")
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()
    from . import metadata

    metadata.rebuild_cues()


def extract_with(knowledge: Knowledge, record):
    """:func:`diplo_analysis.metadata.extract_metadata` with ``knowledge`` in force (for worker processes)."""
    from .metadata import extract_metadata

    if _ACTIVE != knowledge:
        use(knowledge)
    return extract_metadata(record)
