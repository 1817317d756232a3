"""What only the fifth written development set (tests/eval/press/dev5) checks; the checks every written
split shares are in tests/test_press_written_splits.py."""

from __future__ import annotations

from pipeline.evaluation.press import load_set
from tests.press_split_checks import PRESS


def test_dev5_is_about_cluster_organisations_with_one_policy_page() -> None:
    # a start-date set about cluster organisations: one policy page only
    pages = load_set(PRESS, splits=("dev5",))
    policies = [e for e, _, gold in pages if any(c.subject_type == "policy" for c in gold)]
    assert [e.id for e in policies] == ["government-mk-competitiveness-programme-clusters"]
