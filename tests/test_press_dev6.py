"""What only the sixth written development set (tests/eval/press/dev6) checks; the checks every written
split shares are in tests/test_press_written_splits.py."""

from __future__ import annotations

from pipeline.evaluation.press import load_set
from tests.press_split_checks import PRESS


def test_dev6_is_policy_heavy() -> None:
    # start-date heavy: 53 start dates; 16 pages are about policies only
    pages = load_set(PRESS, splits=("dev6",))
    policies = [e for e, _, gold in pages if {c.subject_type for c in gold} == {"policy"}]
    assert len(policies) == 16
