"""Sidecar metadata files: ``X.meta.json`` / ``X.meta.yaml`` beside ``X.txt``.

A sidecar describes the one-document file with the same base name in the
same folder (``X.txt``, ``X.html``, ``X.md``, ...). Its ``title``, ``url``,
``date`` and ``publisher`` replace the Record's fields; every other key goes
to ``Record.meta``. A sidecar is not an input of its own. YAML sidecars are
read with safe tags only and without aliases (``*name``), within the limits
of :mod:`diplo_analysis.limits`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from ..limits import LIMITS
from ..records import Record
from ._decode import BadInput, decode_bytes, field_str, load_yaml, read_bytes, too_deep

__all__ = ["SIDECAR_SUFFIXES", "is_sidecar", "sidecar_for", "sidecar_base", "load_sidecar", "apply_sidecar"]

SIDECAR_SUFFIXES = (".meta.json", ".meta.yaml", ".meta.yml")

_RECORD_FIELDS = ("title", "url", "date", "publisher")


def is_sidecar(path: Path) -> bool:
    """True when the file name ends with ``.meta.json``, ``.meta.yaml`` or ``.meta.yml``."""
    name = path.name.lower()
    return any(name.endswith(s) for s in SIDECAR_SUFFIXES)


def sidecar_base(path: Path) -> str:
    """The document base name a sidecar belongs to (``X`` for ``X.meta.json``)."""
    name = path.name
    for s in SIDECAR_SUFFIXES:
        if name.lower().endswith(s):
            return name[: -len(s)]
    return name


def sidecar_for(path: Path) -> Optional[Path]:
    """Return the sidecar beside the document ``path``, or None."""
    base = path.name[: -len(path.suffix)] if path.suffix else path.name
    for s in SIDECAR_SUFFIXES:
        cand = path.with_name(base + s)
        if cand.is_file():
            return cand
    return None


def load_sidecar(path: Path) -> dict:
    """Read a sidecar into a dict.

    Raises
    ------
    BadInput
        When it is not a JSON/YAML mapping; the reason names the sidecar.
    """
    try:
        text, _ = decode_bytes(read_bytes(path))
        if len(text) > LIMITS.max_record_chars:
            raise BadInput(f"longer than {LIMITS.max_record_chars} characters (limits.max_record_chars)")
        if path.name.lower().endswith(".json"):
            data = json.loads(text)
        else:
            data = load_yaml(text)  # safe tags only, no aliases, bounded nesting
        if too_deep(data):
            raise BadInput(f"nested deeper than {LIMITS.max_depth} (limits.max_depth)")
    except BadInput as exc:
        raise BadInput(f"invalid sidecar {path.name}: {exc.reason}") from None
    except Exception as exc:  # json/yaml syntax errors, a RecursionError of deep JSON
        raise BadInput(f"invalid sidecar {path.name}: {exc}".splitlines()[0]) from None
    if not isinstance(data, dict):
        raise BadInput(f"invalid sidecar {path.name}: expected a mapping, got {type(data).__name__}")
    return data


def apply_sidecar(record: Record, data: dict) -> Record:
    """Merge sidecar ``data`` into ``record`` (in place) and return it."""
    for key, value in data.items():
        if key in _RECORD_FIELDS:
            setattr(record, key, field_str(value))
        else:
            record.meta[key] = value
    return record
