"""The third written development set (tests/eval/press/dev3): it loads apart from the hashed
splits, its gold is consistent with its pages, the CLI prints it, and its score floor.
dev3 is scored on its own (never with test)."""

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
DEV3 = load_set(PRESS, splits=("dev3",))


def test_dev3_loads_apart_from_the_hashed_splits() -> None:
    assert len(DEV3) == 33
    assert len({e.style for e, _, _ in DEV3}) == 33
    countries = {e.country for e, _, _ in DEV3}
    assert len(countries) == 25 and not countries & {"LU", "BE"}
    assert sum(paragraph_count(html) for _, html, _ in DEV3) == 178
    attributes = Counter(c.attribute for _, _, gold in DEV3 for c in gold)
    assert attributes == {
        "created_year": 28,
        "member_count": 28,
        "starting_year": 7,
        "renamed_to": 7,
        "cluster_count": 7,
    }
    assert_loaded_apart(PRESS, "dev3", DEV3)


@pytest.mark.parametrize(("entry", "html", "gold"), DEV3, ids=[e.id for e, _, _ in DEV3])
def test_every_dev3_gold_claim_is_written_in_its_page(
    entry: PageEntry, html: Path, gold: list[GoldClaim]
) -> None:
    assert_gold_written_in_page(entry, html, gold)


def test_a_missed_claim_is_listed_with_its_classes() -> None:
    assert "x: CleanAlp member_count = 85  (bare-number-answer, question-answer)" in missed_claim_listing(
        "dev3"
    )


@pytest.fixture(scope="module")
def dev3_report() -> PressReport:
    return evaluate_press(PRESS, splits=("dev3",))


# (recall, precision) on dev3 measured once its gold was committed (commit 8b17d75), without the
# optional parser, rounded down; a drop below them fails. Raise them after better extraction.
DEV3_FLOOR = {  # measured when the set was written: start 0.11/0.66, members 0.07/0.33, overall 0.07/0.50
    "start_date": (0.91, 0.96),
    "renamed_to": (1.00, 1.00),
    "member_count": (0.82, 1.00),
    "cluster_count": (0.85, 1.00),
    None: (0.88, 0.98),
}


@pytest.mark.parametrize("group", list(DEV3_FLOOR), ids=[g or "overall" for g in DEV3_FLOOR])
def test_dev3_scores_do_not_drop_below_the_floor(dev3_report: PressReport, group: str | None) -> None:
    assert_at_least(dev3_report, "dev3", group, DEV3_FLOOR[group])


@pytest.mark.parametrize("group", ["renamed_to", "cluster_count"])
def test_dev3_emits_no_false_renames_or_cluster_counts(dev3_report: PressReport, group: str) -> None:
    assert dev3_report.splits["dev3"].score(group).fp == 0
