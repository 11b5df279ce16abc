"""The exception tree: drawn in the module's docstring as it is, each class with one line to say what it means."""

from __future__ import annotations

import inspect
import re

from litscan import errors

CLASSES = [c for c in vars(errors).values() if inspect.isclass(c) and issubclass(c, errors.LitscanError)]


def test_every_class_is_drawn_with_its_parent_and_exit_code():
    drawn = {}
    for line in (errors.__doc__ or "").splitlines():
        match = re.match(r"^\s{4}([│ ]*)(?:[├└]── )?(\w+Error)\s+(\d+)\s+\S", line)
        if match:
            drawn[match.group(2)] = (len(match.group(1)) // 4, int(match.group(3)))
    assert set(drawn) == {c.__name__ for c in CLASSES}
    for cls in CLASSES:
        depth = len(
            [base for base in cls.__mro__ if base is not errors.LitscanError and issubclass(base, errors.LitscanError)]
        )
        assert drawn[cls.__name__] == (max(depth - 1, 0), cls.exit_code), cls.__name__


def test_every_class_says_what_it_means_in_one_line():
    for cls in CLASSES:
        doc = cls.__doc__ or ""
        assert doc.strip() and "\n" not in doc.strip(), cls.__name__
