"""What only the seventh written development set (tests/eval/press/dev7) checks; the checks every written
split shares are in tests/test_press_written_splits.py. Its pages concentrate on the miss classes of issue 7
in other writers' wordings: organisations named like companies, subjects that are references, fronted dates
and many event verbs, structured fields inside prose, full and relative dates, and people, role titles and
generic heads that must not become clusters."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluation.press import GoldClaim, PageEntry, load_set
from tests.press_split_checks import PRESS

DEV7 = load_set(PRESS, splits=("dev7",))


def test_most_dev7_start_dates_are_about_names_without_cluster() -> None:
    # the first class: most start dates are about organisations whose name lacks "cluster"
    nameless = [c for _, _, gold in DEV7 for c in gold if "name-without-cluster" in c.classes]
    assert len([c for c in nameless if c.attribute == "created_year"]) == 42


@pytest.mark.parametrize(("entry", "html", "gold"), DEV7, ids=[e.id for e, _, _ in DEV7])
def test_every_dev7_relative_date_is_on_a_dated_page(
    entry: PageEntry, html: Path, gold: list[GoldClaim]
) -> None:
    """"a decade ago", "last year", "five years ago this week" are read against article:published_time."""
    relative = [c for c in gold if any(k.startswith("relative-") for k in c.classes)]
    if relative:
        assert 'property="article:published_time"' in html.read_text("utf-8")
        assert all(c.derivation and "publication date" in c.derivation for c in relative)
