"""Write the generated parts of docs/metadata.md from the code and the tables.

Usage::

    python scripts/metadata_reference.py          # rewrite the generated sections in place
    python scripts/metadata_reference.py --check  # exit 1 if docs/metadata.md is not up to date

The sections between ``<!-- generated:NAME -->`` and ``<!-- /generated:NAME -->``
are rewritten: ``stages`` (each stage of ``extract_metadata`` in order, with the
rules it names, from the stages' docstrings), ``cues`` (the cue table,
``src/diplo_analysis/data/cues.csv``, one line per row) and ``language_cues`` (the rows of
``cues_languages.csv`` and ``initiator_cues_languages.csv``). The rest of the file is
written by hand. ``tests/test_explain_metadata.py`` checks that the file is up to date.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from diplo_analysis import metadata

DOC = Path(__file__).resolve().parents[1] / "docs" / "metadata.md"


def stages() -> str:
    lines = ["| # | stage | what it decides, and its rules |", "|---|---|---|"]
    for n, stage in enumerate(metadata.STAGES, start=1):
        doc = " ".join((stage.__doc__ or "").split())
        lines.append(f"| {n} | `{stage.__name__}` | {doc.replace('|', '/')} |")
    return "\n".join(lines)


def cues() -> str:
    lines = ["| medium | pattern | keys | example |", "|---|---|---|---|"]
    for cue in metadata._package_cues():
        pattern = cue["pattern"].replace("|", "\\|")
        lines.append(f"| {cue['medium']} | `{pattern}` | {', '.join(cue['keys'])} | {cue['example']} |")
    return "\n".join(lines)


def language_cues() -> str:
    from diplo_analysis import language_cues as lc

    lines = ["| language | medium | pattern | keys | example |", "|---|---|---|---|---|"]
    for cue in lc._tables()[0]:
        pattern = cue.rx.pattern.replace("|", "\\|")
        lines.append(f"| {', '.join(cue.languages)} | {cue.medium} | `{pattern}` | {', '.join(cue.keys)} | "
                     f"{cue.example} |")
    lines += ["", "| language | initiator kind | pattern | keys | example |", "|---|---|---|---|---|"]
    for row in lc._tables()[1]:
        pattern = row["pattern"].replace("|", "\\|")
        lines.append(f"| {', '.join(row['languages'])} | {row['kind']} | `{pattern}` | {', '.join(row['keys'])} | "
                     f"{row['example']} |")
    return "\n".join(lines)


SECTIONS = {"stages": stages, "cues": cues, "language_cues": language_cues}


def render(text: str) -> str:
    for name, make in SECTIONS.items():
        rx = re.compile(rf"(<!-- generated:{name} -->\n).*?(\n<!-- /generated:{name} -->)", re.S)
        if not rx.search(text):
            raise SystemExit(f"{DOC}: the markers of the generated section {name!r} are missing")
        body = make()
        text = rx.sub(lambda m, body=body: m.group(1) + body + m.group(2), text)
    return text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the file is up to date")
    args = parser.parse_args(argv)
    old = DOC.read_text(encoding="utf-8")
    new = render(old)
    if args.check:
        if new != old:
            print(f"{DOC} is not up to date: run python scripts/metadata_reference.py")
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
