"""The fourth written development set (tests/eval/press/dev4): it loads apart from the hashed
splits, its gold is consistent with its pages, the CLI prints it, and its score floor.
dev4 is scored on its own (never with test)."""

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
DEV4 = load_set(PRESS, splits=("dev4",))


def test_dev4_loads_apart_from_the_hashed_splits() -> None:
    assert len(DEV4) == 30
    assert len({e.style for e, _, _ in DEV4}) == 30
    countries = {e.country for e, _, _ in DEV4}
    assert len(countries) == 26 and not countries & {"LU", "BE"}
    assert sum(paragraph_count(html) for _, html, _ in DEV4) == 118
    attributes = Counter(c.attribute for _, _, gold in DEV4 for c in gold)
    assert attributes == {
        "created_year": 22,
        "member_count": 22,
        "starting_year": 10,
        "renamed_to": 3,
        "cluster_count": 10,
    }
    # about one third are policy pages: each has a programme start and a cluster count
    policies = [e for e, _, gold in DEV4 if {c.subject_type for c in gold} == {"policy"}]
    assert len(policies) == 10
    assert_loaded_apart(PRESS, "dev4", DEV4)


@pytest.mark.parametrize(("entry", "html", "gold"), DEV4, ids=[e.id for e, _, _ in DEV4])
def test_every_dev4_gold_claim_is_written_in_its_page(
    entry: PageEntry, html: Path, gold: list[GoldClaim]
) -> None:
    assert_gold_written_in_page(entry, html, gold)


def test_a_missed_claim_is_listed_with_its_classes() -> None:
    assert "x: CleanAlp member_count = 85  (bare-number-answer, question-answer)" in missed_claim_listing(
        "dev4"
    )


@pytest.fixture(scope="module")
def dev4_report() -> PressReport:
    return evaluate_press(PRESS, splits=("dev4",))


# (recall, precision) on dev4 measured after its gold was committed (commit bae87db), without the
# optional parser, rounded down; a drop below them fails. Raise them after better extraction.
DEV4_FLOOR = {  # measured when the set was written: overall 0.43/0.82
    "start_date": (0.71, 1.00),
    "renamed_to": (1.00, 1.00),
    "member_count": (0.68, 1.00),
    "cluster_count": (0.40, 0.66),
    None: (0.67, 0.95),
}


@pytest.mark.parametrize("group", list(DEV4_FLOOR), ids=[g or "overall" for g in DEV4_FLOOR])
def test_dev4_scores_do_not_drop_below_the_floor(dev4_report: PressReport, group: str | None) -> None:
    assert_at_least(dev4_report, "dev4", group, DEV4_FLOOR[group])


def test_dev4_emits_no_false_renames(dev4_report: PressReport) -> None:
    assert dev4_report.splits["dev4"].score("renamed_to").fp == 0
