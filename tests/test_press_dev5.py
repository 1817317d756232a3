"""The fifth written development set (tests/eval/press/dev5): pages about cluster organisations,
start-date heavy. It loads apart from the hashed splits, its gold is consistent with its pages,
the CLI prints it, and its score floor. dev5 is scored on its own (never with test)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pipeline.evaluation.press import (
    GoldClaim,
    PageEntry,
    PressReport,
    evaluate_press,
    load_set,
)
from tests.press_split_checks import (
    assert_at_least,
    assert_gold_written_in_page,
    assert_loaded_apart,
    missed_claim_listing,
    paragraph_count,
)

ROOT = Path(__file__).resolve().parent.parent
PRESS = ROOT / "tests" / "eval" / "press"
DEV5 = load_set(PRESS, splits=("dev5",))


def test_dev5_loads_apart_from_the_hashed_splits() -> None:
    assert len(DEV5) == 35
    assert len({e.style for e, _, _ in DEV5}) == 35
    countries = {e.country for e, _, _ in DEV5}
    assert len(countries) == 35 and not countries & {"LU", "BE"}
    assert sum(paragraph_count(html) for _, html, _ in DEV5) == 159
    attributes = Counter(c.attribute for _, _, gold in DEV5 for c in gold)
    assert attributes == {
        "created_year": 50,
        "starting_year": 1,
        "member_count": 38,
        "renamed_to": 4,
        "cluster_count": 1,
    }
    # a start-date set about cluster organisations: one policy page only
    policies = [e for e, _, gold in DEV5 if any(c.subject_type == "policy" for c in gold)]
    assert [e.id for e in policies] == ["government-mk-competitiveness-programme-clusters"]
    assert_loaded_apart(PRESS, "dev5", DEV5)


@pytest.mark.parametrize(("entry", "html", "gold"), DEV5, ids=[e.id for e, _, _ in DEV5])
def test_every_dev5_gold_claim_is_written_in_its_page(
    entry: PageEntry, html: Path, gold: list[GoldClaim]
) -> None:
    assert_gold_written_in_page(entry, html, gold)


def test_a_missed_claim_is_listed_with_its_classes() -> None:
    assert "x: CleanAlp member_count = 85  (bare-number-answer, question-answer)" in missed_claim_listing(
        "dev5"
    )


@pytest.fixture(scope="module")
def dev5_report() -> PressReport:
    return evaluate_press(PRESS, splits=("dev5",))


# (recall, precision) on dev5, without the optional parser, rounded down; a drop below them fails.
# When the gold was committed (02188b1) the pipeline scored overall 0.52/0.84 (start dates
# 0.49/0.89); these are the numbers after the dev5 tuning. Raise them after better extraction.
DEV5_FLOOR = {
    "start_date": (0.90, 1.00),
    "renamed_to": (1.00, 1.00),
    "member_count": (0.92, 1.00),
    "cluster_count": (1.00, 1.00),
    None: (0.91, 1.00),
}


@pytest.mark.parametrize("group", list(DEV5_FLOOR), ids=[g or "overall" for g in DEV5_FLOOR])
def test_dev5_scores_do_not_drop_below_the_floor(dev5_report: PressReport, group: str | None) -> None:
    assert_at_least(dev5_report, "dev5", group, DEV5_FLOOR[group])
