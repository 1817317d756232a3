"""What only the fourth written development set (tests/eval/press/dev4) checks; the checks every written
split shares are in tests/test_press_written_splits.py."""

from __future__ import annotations

from pipeline.evaluation.press import load_set
from tests.press_split_checks import PRESS, split_report


def test_about_one_third_of_dev4_are_policy_pages() -> None:
    # each has a programme start and a cluster count
    policies = [e for e, _, gold in load_set(PRESS, splits=("dev4",)) if {c.subject_type for c in gold} == {"policy"}]
    assert len(policies) == 10


def test_dev4_emits_no_false_renames() -> None:
    assert split_report("dev4").splits["dev4"].score("renamed_to").fp == 0
