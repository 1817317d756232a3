"""The eighth written development set (tests/eval/press/dev8): it loads apart from the hashed splits, its
gold is consistent with its pages, the CLI prints it, and its score floor. Its pages speak of several
entities at once (regional round-ups, programme pages listing the clusters they fund, history paragraphs
dating a cluster, its managing association, its programme and a company, mergers and spin-offs, member
companies' press releases, tables, lists and definition lists), several in translated agency English; four
organisations are dated differently on two pages each, so that conflict detection has something real to find.
dev8 is scored on its own (never with test)."""

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
DEV8 = load_set(PRESS, splits=("dev8",))


def test_dev8_loads_apart_from_the_hashed_splits() -> None:
    assert len(DEV8) == 38
    assert len({e.style for e, _, _ in DEV8}) == 38
    countries = {e.country for e, _, _ in DEV8}
    assert len(countries) == 33 and not countries & {"LU", "BE"}
    assert sum(paragraph_count(html) for _, html, _ in DEV8) == 175
    attributes = Counter(c.attribute for _, _, gold in DEV8 for c in gold)
    assert attributes == {
        "created_year": 77,
        "starting_year": 12,
        "member_count": 44,
        "cluster_count": 5,
        "renamed_to": 2,
    }
    # several entities per page: 26 of 38 pages give claims about more than one subject
    assert sum(1 for _, _, gold in DEV8 if len({c.subject_name for c in gold}) > 1) == 26
    assert_loaded_apart(PRESS, "dev8", DEV8)


def test_dev8_holds_cross_source_disagreements() -> None:
    """Four organisations' start is given differently on two dev8 pages each (see the README)."""
    starts: dict[str, set[int]] = {}
    for _, _, gold in DEV8:
        for c in gold:
            if c.attribute == "created_year" and "cross-source-conflict" in c.classes:
                starts.setdefault(c.subject_name, set()).add(int(c.value))
    assert starts == {
        "Pannonia Wood Cluster": {2007, 2008},
        "Adriatic Blue Cluster": {2012, 2013},
        "Danube Logistics Cluster": {2010, 2011},
        "Alpine Timber Network": {1999, 2000},
    }


@pytest.mark.parametrize(("entry", "html", "gold"), DEV8, ids=[e.id for e, _, _ in DEV8])
def test_every_dev8_gold_claim_is_written_in_its_page(
    entry: PageEntry, html: Path, gold: list[GoldClaim]
) -> None:
    assert_gold_written_in_page(entry, html, gold)


def test_a_missed_claim_is_listed_with_its_classes() -> None:
    assert "x: CleanAlp member_count = 85  (bare-number-answer, question-answer)" in missed_claim_listing(
        "dev8"
    )


@pytest.fixture(scope="module")
def dev8_report() -> PressReport:
    return evaluate_press(PRESS, splits=("dev8",))


# (recall, precision) on dev8 measured after its gold was committed (commit 92d5510), without the optional
# parser, rounded down; a drop below them fails. Raise them after better extraction.
DEV8_FLOOR = {  # as written: start dates 0.58/0.80, overall 0.59/0.77; after tuning on dev8 (non-blind pages)
    "start_date": (0.73, 0.97),
    "renamed_to": (1.00, 1.00),
    "member_count": (0.77, 0.87),
    "cluster_count": (0.40, 0.50),
    None: (0.73, 0.91),
}


@pytest.mark.parametrize("group", list(DEV8_FLOOR), ids=[g or "overall" for g in DEV8_FLOOR])
def test_dev8_scores_do_not_drop_below_the_floor(dev8_report: PressReport, group: str | None) -> None:
    assert_at_least(dev8_report, "dev8", group, DEV8_FLOOR[group])
