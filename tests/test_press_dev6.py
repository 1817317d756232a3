"""The sixth written development set (tests/eval/press/dev6): it loads apart from the hashed splits, its
gold is consistent with its pages, the CLI prints it, and its score floor. About half of its pages are
about cluster policies and programmes (start year and count of clusters), half about cluster
organisations in untidy HTML. dev6 is scored on its own (never with test)."""

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
DEV6 = load_set(PRESS, splits=("dev6",))


def test_dev6_loads_apart_from_the_hashed_splits() -> None:
    assert len(DEV6) == 37
    assert len({e.style for e, _, _ in DEV6}) == 37
    countries = {e.country for e, _, _ in DEV6}
    assert len(countries) == 29 and not countries & {"LU", "BE"}
    assert sum(paragraph_count(html) for _, html, _ in DEV6) == 218
    attributes = Counter(c.attribute for _, _, gold in DEV6 for c in gold)
    assert attributes == {
        "starting_year": 28,
        "created_year": 25,
        "member_count": 25,
        "cluster_count": 18,
        "renamed_to": 4,
    }
    # start-date heavy: 53 start dates; 16 pages are about policies only
    policies = [e for e, _, gold in DEV6 if {c.subject_type for c in gold} == {"policy"}]
    assert len(policies) == 16
    assert_loaded_apart(PRESS, "dev6", DEV6)


@pytest.mark.parametrize(("entry", "html", "gold"), DEV6, ids=[e.id for e, _, _ in DEV6])
def test_every_dev6_gold_claim_is_written_in_its_page(
    entry: PageEntry, html: Path, gold: list[GoldClaim]
) -> None:
    assert_gold_written_in_page(entry, html, gold)


def test_a_missed_claim_is_listed_with_its_classes() -> None:
    assert "x: CleanAlp member_count = 85  (bare-number-answer, question-answer)" in missed_claim_listing(
        "dev6"
    )


@pytest.fixture(scope="module")
def dev6_report() -> PressReport:
    return evaluate_press(PRESS, splits=("dev6",))


# (recall, precision) on dev6 measured after its gold was committed (commit dc95f51), without the
# optional parser, rounded down; a drop below them fails. Raise them after better extraction.
DEV6_FLOOR = {  # measured when the set was written: overall 0.27/0.75; after tuning on dev6: 0.72/1.00
    "start_date": (0.75, 1.00),
    "renamed_to": (0.50, 1.00),
    "member_count": (0.88, 1.00),
    # after merging with the dev5 rules, "Lithuania counts some 60 cluster initiatives" also gives the
    # country's count (as "Lithuania counts some 60 clusters" always did); the page's gold has no country claim
    "cluster_count": (0.44, 0.88),
    None: (0.72, 0.98),
}


@pytest.mark.parametrize("group", list(DEV6_FLOOR), ids=[g or "overall" for g in DEV6_FLOOR])
def test_dev6_scores_do_not_drop_below_the_floor(dev6_report: PressReport, group: str | None) -> None:
    assert_at_least(dev6_report, "dev6", group, DEV6_FLOOR[group])
