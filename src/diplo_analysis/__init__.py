"""diplo_analysis: official readouts of leaders' calls and meetings, as data.

The public API, re-exported from the modules that do the work (data flows one
way: files -> records -> readouts frame -> feature frames -> figures):

- :func:`load_readouts` (``corpus``): files and folders -> one readouts DataFrame;
  :func:`explain_metadata` (``metadata``): the rule and evidence behind each fact.
- :func:`statements` (``speakers``): sentences with their speaker; :func:`split_sentences` (``text``).
- :func:`sentiment`, :func:`tone_by_readout`, :func:`tone_by_side` (``tone``).
- :func:`call_frequency`, :func:`coverage`, :func:`call_gaps`, :func:`bursts`,
  :func:`counterpart_ranking`, :func:`period_coverage` (``frequency``).
- :func:`topic_clusters`, :func:`issue_share` (``topics``).
- :func:`pair_readouts`, :func:`compare_pair` (``pairs``); a comparison renders
  both readouts side by side in a notebook, or to a file with ``.to_html(path)``.
- :func:`kwic` (``concordance``): every occurrence of a word or phrase in context, with
  its readout, speaker and tone; shown as a concordance in a notebook.
- :func:`conversations`, :func:`explain_conversation` (``conversation``):
  one row per conversation, whoever told it and however often.
- :class:`DataWarning` (``records``) and its subclasses :class:`SampleDataWarning`
  (only the shipped sample was loaded) and :class:`CoverageWarning` (a period is
  only partly covered by the source): filter them by class.
- ``plots``: every figure, ``f(frame, ..., ax=None) -> Axes``.
- ``datasets``: the public corpora, fetched on request and verified
  (``datasets.available()``, ``datasets.fetch(name)``; :func:`load_dataset`).

Names are imported lazily, so ``import diplo_analysis`` stays fast and a
notebook pays for scikit-learn or matplotlib only when it uses them.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "load_readouts": "corpus",
    "explain_metadata": "metadata",
    "explain_furniture": "metadata",
    "explain_date": "dates",
    "Knowledge": "knowledge",
    "READOUT_COLUMNS": "corpus",
    "Record": "records",
    "Reject": "records",
    "ReadoutError": "records",
    "DataWarning": "records",
    "SampleDataWarning": "records",
    "CoverageWarning": "records",
    "EmptyTextWarning": "records",
    "NotEnglishWarning": "records",
    "data_paths": "config",
    "statements": "speakers",
    "split_sentences": "text",
    "sentiment": "tone",
    "tone_by_readout": "tone",
    "tone_by_side": "tone",
    "tone_by_speaker": "tone",
    "score_statements": "tone",
    "explain_tone": "tone",
    "call_frequency": "frequency",
    "coverage": "frequency",
    "call_gaps": "frequency",
    "bursts": "frequency",
    "counterpart_ranking": "frequency",
    "period_coverage": "frequency",
    "topic_clusters": "topics",
    "compare_topic_counts": "topics",
    "conversations": "conversation",
    "conversation_of": "conversation",
    "explain_conversation": "conversation",
    "issue_share": "topics",
    "TopicModel": "topics",
    "pair_readouts": "pairs",
    "compare_pair": "pairs",
    "keyness": "pairs",
    "compare_pairs": "pairs",
    "collapse_mirrors": "pairs",
    "background_counts": "pairs",
    "load_dataset": "datasets",
    "kwic": "concordance",
    "Kwic": "concordance",
    "kwic_html": "concordance",
}

__all__ = sorted(_EXPORTS) + ["plots", "datasets", "__version__"]


def __getattr__(name: str):
    if name in ("plots", "datasets"):
        return importlib.import_module(f".{name}", __name__)
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'diplo_analysis' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
