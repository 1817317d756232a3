"""Issue 7: the prose rules keep their words in rules/ (versioned data), not in the code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pipeline.models.nlp.patterns import pattern_syntax

NLP = Path(__file__).resolve().parent.parent / "pipeline" / "models" / "nlp"
# values of the code's own vocabularies (precisions, directions, subject types, parse labels), not English words
CODE_VALUES = frozenset(
    {"year", "month", "day", "forward", "backward", "cluster", "policy", "any", "dobj", "nsubj", "nsubjpass", "heading", "title"}
    # how the learned binder found a subject (binder.How)
    | {"name", "reference", "topic", "previous", "unrecognised"}
)


def word_lists(path: Path) -> list[tuple[int, list[str]]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, (ast.Tuple, ast.Set, ast.List)) and node.elts:
            values = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            words = [v for v in values if v.isalpha() and v.islower()]
            if len(words) >= 2 and len(words) == len(node.elts) and not set(words) <= CODE_VALUES:
                found.append((node.lineno, words))
    return found


@pytest.mark.parametrize("path", sorted(NLP.glob("*.py")), ids=lambda p: p.name)
def test_no_word_list_in_the_code(path: Path) -> None:
    assert word_lists(path) == []


def test_the_check_finds_a_word_list(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('STOP = ("the", "a", "an")\nOK = ("year", "month")\n', "utf-8")
    assert word_lists(sample) == [(1, ["the", "a", "an"])]


def test_syntax_rules_load_every_list() -> None:
    rules = pattern_syntax()
    assert "previously" in rules.apposition_openers and "had" in rules.perfect_aux and "it" in rules.pronoun_objects
