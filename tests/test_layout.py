"""The codebase stays navigable: every module says its one job, none is huge, no function is a maze."""

from __future__ import annotations

import ast
from pathlib import Path

from radon.complexity import cc_visit

PACKAGE = Path(__file__).resolve().parents[1] / "litscan"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 500
MAX_COMPLEXITY = 20  # radon's cyclomatic complexity, rank D starts at 21


def test_every_module_has_a_docstring_saying_its_job() -> None:
    missing = [
        str(p.relative_to(PACKAGE))
        for p in MODULES
        if p.name != "__main__.py" and not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))
    ]
    assert missing == []


def test_no_module_is_over_500_lines() -> None:
    sizes = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines()) for p in MODULES}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_no_function_is_more_complex_than_20() -> None:
    over = []
    for path in MODULES:
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > MAX_COMPLEXITY:
                over.append(f"{path.relative_to(PACKAGE)}:{block.lineno} {block.fullname} ({block.complexity})")
    assert over == []
