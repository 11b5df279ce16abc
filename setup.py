"""Build hook: the modules every import spends its time in are compiled to C with mypyc when possible.

Parsing and tagging a record runs a few thousand lines of typed Python; mypyc (part of mypy) turns
them into a C extension that runs the same code with ~15% fewer instructions a record, which is the
difference between import keeping ahead of a plain XML parser or not. Nothing else changes: the
compiled modules are built from these same files, and the rest of the package stays Python.

The build falls back to plain Python, with the same behaviour, wherever compiling cannot happen:
no C compiler, no mypyc, or ``LITSCAN_PURE_PYTHON=1`` in the environment. An editable install
(``pip install -e``) is never compiled, so that an edited module is the one that runs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup

# The hot path of ``litscan import``: the PubMed XML reader's field extraction and the tagger.
HOT_MODULES = [
    *(f"litscan/pubmed/{name}.py" for name in ("dates", "sections", "xml_fields", "xml_record", "xml_text")),
    *(
        path.as_posix()
        for path in sorted(Path("litscan/tagging").glob("*.py"))
        if path.stem not in {"__init__", "evaluate", "explain"}  # the commands around the tagger, not its pass
    ),
]


def compiled_modules() -> list[object]:
    if os.environ.get("LITSCAN_PURE_PYTHON") or "editable_wheel" in sys.argv:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    # The build reads no mypy configuration of the project's (``mypy --strict`` checks the code in CI)
    # and needs no stubs beyond lxml's: what the hot modules import from elsewhere is typed as Any.
    options = ["--config-file=", "--ignore-missing-imports", "--follow-imports=silent"]
    try:
        extensions = mypycify([*options, *HOT_MODULES], opt_level="2", debug_level="0", separate=True)
    except (Exception, SystemExit) as exc:  # mypyc refuses the code (exits on a type error): plain Python
        print(f"litscan: building without mypyc ({exc})", file=sys.stderr)
        return []
    for extension in extensions:
        extension.optional = True  # a failed C build leaves the plain Python modules in place
    return list(extensions)


# Each module is a C file of its own: the cores compile them side by side.
setup(ext_modules=compiled_modules(), options={"build_ext": {"parallel": os.cpu_count() or 1}})
