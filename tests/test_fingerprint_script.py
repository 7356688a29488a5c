"""scripts/fingerprint_features.py: same readouts, same lines; a changed text, a changed line."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import diplo_analysis as da

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "unseen_publishers.jsonl"


def _script():
    spec = importlib.util.spec_from_file_location("fingerprint_features", ROOT / "scripts" / "fingerprint_features.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_fingerprint_is_stable_and_sees_a_change(tmp_path):
    mod = _script()
    out = tmp_path / "a.txt"
    assert mod.main([str(out), "--corpus", str(FIXTURE)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    names = [line.split()[0] for line in lines]
    assert names[:4] == ["readouts", "statements", "statements_nocarry", "sentiment"]
    assert {"tone_by_side", "tone_by_speaker", "pairs"} <= set(names)

    readouts = da.load_readouts(FIXTURE)
    assert mod.fingerprint(readouts) == lines  # deterministic
    changed = readouts.copy()
    changed.loc[changed.index[0], "text"] = changed["text"].iloc[0] + " The two leaders agreed to meet."
    new = dict(line.split(" ", 1) for line in mod.fingerprint(changed)[:4])
    old = dict(line.split(" ", 1) for line in lines[:4])
    assert new["statements"] != old["statements"] and new["readouts"] != old["readouts"]
