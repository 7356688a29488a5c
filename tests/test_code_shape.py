"""The package's functions stay readable: at most 100 lines each (docstring included).

McCabe complexity (at most 25) is checked by ruff in ``make lint`` (pyproject.toml); ruff has no
rule for a function's length in lines, so this test checks it.
"""

from __future__ import annotations

import ast
from pathlib import Path

MAX_LINES = 100
SRC = Path(__file__).resolve().parents[1] / "src" / "diplo_analysis"
# functions allowed to be longer (none: every function is split into named steps)
BEING_SPLIT: set = set()


def _long_functions(root: Path, limit: int) -> list[tuple[str, str, int]]:
    out = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                start = min([node.lineno] + [d.lineno for d in node.decorator_list])
                n = node.end_lineno - start + 1
                if n > limit:
                    out.append((path.relative_to(root).as_posix(), node.name, n))
    return out


def test_no_function_is_longer_than_100_lines():
    long = [(f, name, n) for f, name, n in _long_functions(SRC, MAX_LINES) if (f, name) not in BEING_SPLIT]
    assert not long, f"functions longer than {MAX_LINES} lines (split them into named steps): {long}"


def test_the_length_check_sees_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES))
    (tmp_path / "m.py").write_text(f"def short():\n    return 1\n\n\ndef long():\n{body}\n", encoding="utf-8")
    assert _long_functions(tmp_path, MAX_LINES) == [("m.py", "long", MAX_LINES + 1)]
