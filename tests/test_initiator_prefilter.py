"""The caller cues' prefilter (issue 10, loading speed): ``InitiatorCues.find_caller`` gives what
``caller.search`` gives, and skips the expression only where an ASCII text holds none of the caller rows' keys.

The sentences are invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplo_analysis import language_cues as lcu
from diplo_analysis.initiators import compile_initiator_cues, initiator_cues

FIXTURES = Path(__file__).parent / "fixtures"


def _span(m):
    return None if m is None else (m.start(), m.end())


def _all_cues():
    """The English cues and those of every language with caller rows."""
    out = [("en", initiator_cues())]
    for code in sorted(lcu.languages()):
        cues = lcu.cues_for(code)
        if cues is not None and cues.initiator is not None:
            out.append((code, cues.initiator))
    return out


def test_the_caller_keys_are_those_of_the_caller_rows():
    cues = initiator_cues()
    assert cues.caller_keys, "the package's table has caller rows"
    assert "telephoned" in cues.caller_keys and "reached out" in cues.caller_keys
    assert "request" not in cues.caller_keys  # a key of the other kinds' rows only


@pytest.mark.parametrize("code,cues", _all_cues(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_caller_example_is_found_as_by_the_expression(code, cues):
    from diplo_analysis.initiators import _package_rows

    rows = [r for r in _package_rows() if r["kind"] == "caller"] if code == "en" else []
    examples = [r["example"] for r in rows] + [
        "President Kalan telephoned Prime Minister Doe of Ruritania.",
        "PRESIDENT KALAN TELEPHONED PRIME MINISTER DOE.",
        "The Prime Minister spoke by telephone with the President of Moldova.",
        "Prime Minister Doe made telephone calls to the leaders of Ruritania and Moldova.",
        "The President reached out to Prime Minister Doe to congratulate him.",
        "Le président a téléphoné au Premier ministre Doe.",
        "",
    ]
    for text in examples:
        assert _span(cues.find_caller(text)) == _span(cues.caller.search(text)), (code, text)


def test_the_fixtures_first_sentences_give_what_the_expression_gives():
    cues = initiator_cues()
    n = found = 0
    for name in ("unseen_publishers.jsonl", "unseen_publishers_blind.jsonl", "readers/calls.jsonl"):
        for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            head = f"{obj.get('title') or ''}. {(obj.get('text') or '')[:400]}"
            want = _span(cues.caller.search(head))
            assert _span(cues.find_caller(head)) == want, head[:80]
            n += 1
            found += want is not None
    assert n > 100 and 0 < found < n  # both paths taken: heads with a caller cue and without


def test_the_prefilter_is_applied_to_ascii_text_only():
    # rows whose keys (wrongly) miss their matches show where the prefilter applies
    cues = compile_initiator_cues([{"kind": "caller", "pattern": r"\brang (?=[A-Z])", "keys": ("rang",),
                                    "example": "X rang Y"}])
    assert cues.caller_keys == ("rang",)
    bad = cues._replace(caller_keys=("telephoned",))
    assert bad.find_caller("Kalan rang Doe.") is None  # ASCII without a key: not searched
    assert bad.find_caller("Kalan rang Doe in Bra\u0219ov.") is not None  # not ASCII: searched
    assert cues.find_caller("KALAN RANG Doe.") is not None  # a key in capitals is found lower-cased


def test_no_caller_rows_no_prefilter():
    cues = compile_initiator_cues([{"kind": "counterpart", "pattern": r"\bcall from\b", "keys": ("call from",),
                                    "example": "a call from Y"}])
    assert cues.caller_keys == ()
    assert cues.find_caller("Kalan telephoned Doe.") is None  # the empty expression matches nothing
