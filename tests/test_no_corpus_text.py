"""No readout text from the shared corpus is committed.

The repository may hold what the package computes from the corpus (facts,
figures, keywords, urls) but never its text. This test looks for any run of
``N_WORDS`` consecutive words that occurs both in a tracked file of the
repository (notebooks with their stored outputs, processed tables, labels,
docs, code) and in a text or title of the corpus. ``data/raw`` is exempt: it
holds the shipped sample, which is not corpus text, and runs of the sample
quoted elsewhere (its title in the README) are allowed too.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from diplo_analysis.config import repo_root

N_WORDS = 12
_WORD = re.compile(r"[a-z0-9]+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:gov|ru|cn|org|com|htm|html)\S*", re.I)
SUFFIXES = {".ipynb", ".csv", ".md", ".py", ".txt", ".json", ".cfg", ".toml"}


def _shingles(text: str) -> set[int]:
    words = _WORD.findall(_URL.sub(" ", text).lower())  # urls are facts, and their slugs repeat titles
    return {hash(tuple(words[i : i + N_WORDS])) for i in range(len(words) - N_WORDS + 1)}


def _tracked_files(root: Path) -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: cannot list the tracked files")
    files = [root / f for f in out.splitlines()]
    return [f for f in files if f.suffix in SUFFIXES and not f.relative_to(root).parts[:2] == ("data", "raw")]


def _corpus_texts(corpus: Path):
    for path in sorted(corpus.rglob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    obj = json.loads(line)
                    yield obj.get("title") or ""
                    yield obj.get("text") or ""
    for path in sorted(corpus.rglob("*")):
        if path.suffix in {".html", ".md"} and path.is_file():
            yield path.read_text(encoding="utf-8", errors="replace")


def test_shingle_detector_finds_a_shared_run():
    a = "one two three four five six seven eight nine ten eleven twelve thirteen"
    assert _shingles(a) & _shingles("prefix " + a)
    assert not _shingles(a) & _shingles(" ".join(reversed(a.split())))


@pytest.mark.corpus
def test_detector_finds_a_corpus_sentence_printed_inside_a_table_cell(shared_corpus):
    # the probe is taken from the corpus at run time, never stored
    doc = next(t for t in _corpus_texts(shared_corpus) if len(t.split()) > 60)
    probe = "<td>  +0.98 [host] 2002-09-11 " + " ".join(doc.split()[20:40]) + "</td>"
    assert _shingles(probe) & _shingles(doc)


@pytest.mark.corpus
def test_no_tracked_file_holds_a_run_of_corpus_text(shared_corpus):
    root = repo_root()
    repo = {}
    for f in _tracked_files(root):
        if f.is_file():
            for h in _shingles(f.read_text(encoding="utf-8", errors="replace")):
                repo.setdefault(h, f)
    assert repo, "no tracked files were read"
    # the shipped sample (data/raw) is not corpus text: quoting it is allowed
    for f in sorted((root / "data" / "raw").glob("*.txt")):
        for h in _shingles(f.read_text(encoding="utf-8", errors="replace")):
            repo.pop(h, None)
    hits = {}
    for text in _corpus_texts(shared_corpus):
        for h in _shingles(text) & repo.keys():
            hits[repo[h]] = hits.get(repo[h], 0) + 1
    assert not hits, f"corpus text found in tracked files: {sorted((str(k.relative_to(root)), v) for k, v in hits.items())}"
