"""The records layer: what readers hand to the rest of the package.

A *record* is one document as read from a file, before any metadata is
extracted: its text and title and whatever fields the file carried.  A
*reject* is an input that could not become a record, with the file and the
1-based line that explain why.  Readers yield both, so that every input is
accounted for.

The warnings of the package about what the data can and cannot answer live
here too (:class:`DataWarning` and its subclasses), so that every layer can
raise them and users can filter them by class.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

__all__ = ["Record", "Reject", "ReadoutError", "DataWarning", "SampleDataWarning", "CoverageWarning",
           "EmptyTextWarning", "NotEnglishWarning"]


@dataclass
class Record:
    """One document read from a file.

    Attributes
    ----------
    path : str
        The file the document was read from, as given (a string path).
    line : int
        1-based line (JSONL) or row (CSV, counting the header as line 1) of
        the record in ``path``; 1 for formats with one document per file.
    text : str
        The body text, paragraphs separated by blank lines.
    title : str or None
        The headline, where the source has one.
    url : str or None
        The address of the original page, where known.
    date : str or None
        A date as the source states it in a metadata field (ISO
        ``YYYY-MM-DD`` or any form :func:`pandas.to_datetime` reads), *not*
        one parsed from the text: that is the metadata layer's job.
    publisher : str or None
        The publishing office or site as the source names it.
    meta : dict
        Every other field the source carried (``published``, ``site``,
        ``year``, front matter keys, ...), for the metadata layer.
    page_text : str or None
        The text as the reader read it, page furniture included, where the
        readers removed some (:mod:`diplo_analysis.readers.furniture`); None
        when nothing was removed. The dates are read there: a publication
        stamp or a dateline is furniture for the prose but evidence of the day.
    furniture : tuple of Removal
        What was removed from ``page_text`` to give ``text``, and by which
        rule (:class:`diplo_analysis.readers.furniture.Removal`); empty when
        nothing was.
    """

    path: str
    line: int
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    date: Optional[str] = None
    publisher: Optional[str] = None
    meta: dict[str, Any] = field(default_factory=dict)
    page_text: Optional[str] = None
    furniture: tuple = ()


@dataclass(frozen=True)
class Reject:
    """An input that could not become a readout.

    Attributes
    ----------
    path : str
        The file.
    line : int
        1-based line or row of the bad record; 1 for a whole file.
    reason : str
        Why it was rejected, in words a user can act on.
    """

    path: str
    line: int
    reason: str

    def message(self) -> str:
        """Return ``"path:line: reason"``, the form used in exceptions."""
        return f"{self.path}:{self.line}: {self.reason}"


class ReadoutError(ValueError):
    """Raised with ``errors="raise"`` for the first input that cannot be read.

    The message names the file and line (``path:line: reason``); the
    :class:`Reject` itself is kept in the ``reject`` attribute.
    """

    def __init__(self, reject: Reject):
        super().__init__(reject.message())
        self.reject = reject


class DataWarning(UserWarning):
    """Base class of the package's warnings about what the data can answer.

    Filter them all with ``warnings.filterwarnings("ignore", category=da.DataWarning)``,
    or one kind by its subclass.
    """


class SampleDataWarning(DataWarning):
    """Only the shipped sample was loaded: ``$DIPLO_ANALYSIS_DATA`` names no corpus.

    Raised once per process by :func:`diplo_analysis.load_readouts` called
    without paths; the message says how to point the package at a corpus.
    """


class CoverageWarning(DataWarning):
    """A table or ranking holds periods that the source covers only in part.

    Raised by :func:`diplo_analysis.call_frequency` and
    :func:`diplo_analysis.counterpart_ranking` when a period with counts lies
    partly outside the span between the counted sides' first and last
    document (the Kremlin files stop in June 2022, so 2022 is a part-year).
    """


class EmptyTextWarning(DataWarning):
    """Warned by :func:`diplo_analysis.load_readouts` for readouts whose text is empty after cleaning.

    Such a readout (a photo-only page, a page that is only a headline) keeps
    its row, for the facts its title states (a call, its date, the
    counterpart), and is listed in ``df.attrs["warnings"]`` with its path
    and line. A record with neither title nor text is a reject
    (``empty record``).
    """


class NotEnglishWarning(DataWarning):
    """Warned by :func:`diplo_analysis.load_readouts` for readouts in a language without cue rows.

    Their ``language`` (:mod:`diplo_analysis.language`) is neither ``en`` nor one of the languages
    of ``data/cues_languages.csv`` (:func:`diplo_analysis.language_cues.languages`): the facts read
    from cues (``medium``, ``status``, ``planned_date``, ``initiator``) are left empty rather than
    guessed, and each is listed in ``df.attrs["warnings"]`` (docs/metadata.md, "Pages not in English").
    """
