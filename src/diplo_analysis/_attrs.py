"""Tables kept in a frame's ``attrs`` that pandas can compare, so that ``pd.concat`` works on the frame.

The frames this package returns carry tables in ``attrs``: the rejects and
warnings of a load (``df.attrs["rejects"]``, ``df.attrs["warnings"]``), the
coverage of a frequency table, the announcements of the conversations, the
counts behind a topic share. ``pd.concat`` keeps ``attrs`` only where all its
inputs have the same, and finds out with ``==`` on the dictionaries; with a
plain DataFrame or Series among the values that comparison raises "The truth
value of a DataFrame is ambiguous" (pandas-dev/pandas#60455), so the user's
``pd.concat([load_readouts(a), load_readouts(b)])`` would fail.

:class:`AttrsFrame` and :class:`AttrsSeries` are a DataFrame and a Series in
every way but one: ``==`` and ``!=`` with another DataFrame (or Series) give
one truth value, whether the two hold the same labels, values and types
(:meth:`pandas.DataFrame.equals`), as a value in a dictionary should; with a
scalar or anything else they compare element by element as usual. What is
derived from them (a copy, a selection) keeps the type; a column is a plain
Series.

Written here because pandas has no setting for it; the alternative, plain data
in ``attrs``, would change what ``df.attrs["rejects"]`` is for every user.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["AttrsFrame", "AttrsSeries", "comparable"]

_NDFRAME = (pd.DataFrame, pd.Series)


class _OneValue:
    """``==`` and ``!=`` with a pandas object give one truth value: :meth:`equals` with one of ``_peer``'s type."""

    _peer: type = object

    def __eq__(self, other):
        if isinstance(other, _NDFRAME):
            return isinstance(other, self._peer) and self.equals(other)
        return super().__eq__(other)

    def __ne__(self, other):
        if isinstance(other, _NDFRAME):
            return not self.__eq__(other)
        return super().__ne__(other)

    __hash__ = None  # mutable, like a DataFrame


class AttrsFrame(_OneValue, pd.DataFrame):
    """A DataFrame kept in ``attrs``: ``==`` with another DataFrame is :meth:`~pandas.DataFrame.equals`."""

    _metadata: list = []
    _peer = pd.DataFrame

    @property
    def _constructor(self):
        return AttrsFrame


class AttrsSeries(_OneValue, pd.Series):
    """A Series kept in ``attrs``: ``==`` with another Series is :meth:`~pandas.Series.equals`."""

    _metadata: list = []
    _peer = pd.Series

    @property
    def _constructor(self):
        return AttrsSeries

    @property
    def _constructor_expanddim(self):
        return pd.DataFrame


def comparable(attrs: dict) -> dict:
    """Return ``attrs`` with each DataFrame value an :class:`AttrsFrame` and each Series an :class:`AttrsSeries`.

    Parameters
    ----------
    attrs : dict
        What a frame's ``attrs`` is set to; other values are kept as they are.

    Returns
    -------
    dict
        A new dictionary, the same keys in the same order.
    """
    out = {}
    for key, value in attrs.items():
        if isinstance(value, pd.DataFrame) and not isinstance(value, AttrsFrame):
            value = AttrsFrame(value)
        elif isinstance(value, pd.Series) and not isinstance(value, AttrsSeries):
            value = AttrsSeries(value)
        out[key] = value
    return out
