"""What only the third written development set (tests/eval/press/dev3) checks; the checks every written
split shares are in tests/test_press_written_splits.py."""

from __future__ import annotations

import pytest

from tests.press_split_checks import split_report


@pytest.mark.parametrize("group", ["renamed_to", "cluster_count"])
def test_dev3_emits_no_false_renames_or_cluster_counts(group: str) -> None:
    assert split_report("dev3").splits["dev3"].score(group).fp == 0
