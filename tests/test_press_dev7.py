"""The seventh written development set (tests/eval/press/dev7): it loads apart from the hashed splits, its
gold is consistent with its pages, the CLI prints it, and its score floor. Its pages concentrate on the
miss classes of issue 7 in other writers' wordings: organisations named like companies, subjects that are
references, fronted dates and many event verbs, structured fields inside prose, full and relative dates,
and people, role titles and generic heads that must not become clusters. dev7 is scored on its own
(never with test)."""

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
DEV7 = load_set(PRESS, splits=("dev7",))


def test_dev7_loads_apart_from_the_hashed_splits() -> None:
    assert len(DEV7) == 42
    assert len({e.style for e, _, _ in DEV7}) == 37
    countries = {e.country for e, _, _ in DEV7}
    assert len(countries) == 32 and not countries & {"LU", "BE"}
    attributes = Counter(c.attribute for _, _, gold in DEV7 for c in gold)
    assert attributes == {
        "created_year": 45,
        "member_count": 36,
        "starting_year": 12,
        "cluster_count": 8,
        "renamed_to": 2,
    }
    # the first class: most start dates are about organisations whose name lacks "cluster"
    nameless = [c for _, _, gold in DEV7 for c in gold if "name-without-cluster" in c.classes]
    assert len([c for c in nameless if c.attribute == "created_year"]) == 42
    assert_loaded_apart(PRESS, "dev7", DEV7)


def test_dev7_paragraph_count() -> None:
    assert sum(paragraph_count(html) for _, html, _ in DEV7) == 188


@pytest.mark.parametrize(("entry", "html", "gold"), DEV7, ids=[e.id for e, _, _ in DEV7])
def test_every_dev7_gold_claim_is_written_in_its_page(
    entry: PageEntry, html: Path, gold: list[GoldClaim]
) -> None:
    assert_gold_written_in_page(entry, html, gold)


@pytest.mark.parametrize(("entry", "html", "gold"), DEV7, ids=[e.id for e, _, _ in DEV7])
def test_every_dev7_relative_date_is_on_a_dated_page(
    entry: PageEntry, html: Path, gold: list[GoldClaim]
) -> None:
    """"a decade ago", "last year", "five years ago this week" are read against article:published_time."""
    relative = [c for c in gold if any(k.startswith("relative-") for k in c.classes)]
    if relative:
        assert 'property="article:published_time"' in html.read_text("utf-8")
        assert all(c.derivation and "publication date" in c.derivation for c in relative)


def test_a_missed_claim_is_listed_with_its_classes() -> None:
    assert "x: CleanAlp member_count = 85  (bare-number-answer, question-answer)" in missed_claim_listing(
        "dev7"
    )


@pytest.fixture(scope="module")
def dev7_report() -> PressReport:
    return evaluate_press(PRESS, splits=("dev7",))


# (recall, precision) on dev7, without the optional parser, rounded down; a drop below them fails.
# Raise them after better extraction.
DEV7_FLOOR = {  # measured when the set was written (gold commit 5525f06): overall 0.59/0.92; after tuning on dev7: 0.83/0.97
    "start_date": (0.84, 1.00),
    "renamed_to": (1.00, 1.00),
    "member_count": (0.88, 1.00),
    # both false positives left are on blind pages (never looked at while tuning)
    "cluster_count": (0.50, 0.66),
    None: (0.83, 0.97),
}


@pytest.mark.parametrize("group", list(DEV7_FLOOR), ids=[g or "overall" for g in DEV7_FLOOR])
def test_dev7_scores_do_not_drop_below_the_floor(dev7_report: PressReport, group: str | None) -> None:
    assert_at_least(dev7_report, "dev7", group, DEV7_FLOOR[group])
