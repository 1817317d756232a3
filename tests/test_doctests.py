"""Every docstring example in the package runs and gives what it says (the rule families'
examples in pipeline/models/nlp/patterns.py included), one test per module."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import pipeline

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(pipeline.__path__, prefix="pipeline.")
    if m.name != "pipeline.__main__"  # importing it runs the command line
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
