"""The codebase stays navigable: every module says its one job, none is huge, no function is a maze."""

from __future__ import annotations

import ast
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from radon.complexity import cc_visit_ast

PACKAGE = Path(__file__).resolve().parents[1] / "litscan"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 500
MAX_COMPLEXITY = 20  # radon's cyclomatic complexity, rank D starts at 21


@pytest.fixture(scope="module")
def trees() -> Iterator[dict[Path, ast.Module]]:
    """Each module parsed once, for the docstring and the complexity tests (radon's ``cc_visit`` parsed
    them again). Some 140,000 nodes, no cycles among them: the garbage collector is kept from walking
    them again and again while they live, which cost more than the second parse did."""
    gc.disable()
    try:
        parsed = {path: ast.parse(path.read_text(encoding="utf-8")) for path in MODULES}
    finally:
        gc.enable()
    gc.freeze()
    yield parsed
    gc.unfreeze()


def test_every_module_has_a_docstring_saying_its_job(trees: dict[Path, ast.Module]) -> None:
    missing = [
        str(p.relative_to(PACKAGE)) for p in MODULES if p.name != "__main__.py" and not ast.get_docstring(trees[p])
    ]
    assert missing == []


def test_no_module_is_over_500_lines() -> None:
    sizes = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines()) for p in MODULES}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_no_function_is_more_complex_than_20(trees: dict[Path, ast.Module]) -> None:
    over = []
    for path in MODULES:
        for block in cc_visit_ast(trees[path]):
            if block.complexity > MAX_COMPLEXITY:
                over.append(f"{path.relative_to(PACKAGE)}:{block.lineno} {block.fullname} ({block.complexity})")
    assert over == []
