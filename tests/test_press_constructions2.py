"""The `constructions2` split (issue 7): a second labelled training set for the learned start-date binder,
closer to real pages than the first: round-ups naming two to four organisations with their own years and
trap years, directory entries under headings, references ("the association", "it", "we") whose entity is
a heading or the h1, dates in the sentence before or after the name, profile fields, German / French /
Nordic / Slavic names with and without a cluster word, and the first set's negative classes in new
wordings. It is a training set: these tests check that it loads apart, that its gold is written in its
pages and that each class has enough items, not the pipeline's score on it."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Final

import pytest

from pipeline.evaluation.press import GoldClaim, PageEntry, load_set
from tests.press_split_checks import (
    PRESS,
    article_tree,
    assert_gold_written_in_page,
    assert_loaded_apart,
    paragraph_count,
)

SPLIT: Final = "constructions2"
START_DATES = {"created_year", "starting_year"}
NEGATIVE_CLASSES = (
    "neg-past-count",
    "neg-directory",
    "neg-activity",
    "neg-aside-other-body",
    "neg-data-date",
    "neg-other-founding",
    "neg-rename",
    "neg-anniversary",
    "neg-funding",
)
# the page shapes this set adds to the first one, each with enough pages to teach something
SHAPE_CLASSES = ("pos-multi-entity", "pos-directory-heading", "pos-reference-heading", "pos-date-adjacent", "pos-field", "pos-foreign-name")
MIN_PER_NEGATIVE_CLASS = 8
MIN_PER_SHAPE_CLASS = 10
MIN_NEGATIVE_PAGES = 80
MIN_POSITIVE_PAGES = 120
MIN_ITEMS = 200
YEAR = re.compile(r"(?<!\d)(?:1[6-9]\d\d|20\d\d)(?!\d)")

ENTRIES: list[tuple[PageEntry, Path, list[GoldClaim]]] = load_set(PRESS, splits=(SPLIT,))
BY_ID = {entry.id: (entry, html, gold) for entry, html, gold in ENTRIES}
POSITIVE_IDS = [i for i, (e, _, _) in BY_ID.items() if e.classes[0].startswith("pos-")]
NEGATIVE_IDS = [i for i, (e, _, _) in BY_ID.items() if e.classes[0].startswith("neg-")]
MULTI_IDS = [i for i, (e, _, _) in BY_ID.items() if "multi-entity" in e.classes or e.classes[0] == "pos-multi-entity"]


def start_dates(gold: list[GoldClaim]) -> list[GoldClaim]:
    return [claim for claim in gold if claim.attribute in START_DATES]


def article_years(html: Path) -> list[int]:
    article = article_tree(html).css_first("article")
    assert article is not None
    return [int(y) for y in YEAR.findall(article.text(separator=" "))]


def test_split_loads_apart_from_the_hashed_ones() -> None:
    assert_loaded_apart(PRESS, SPLIT, ENTRIES)


def test_no_page_repeats_a_page_of_the_first_set() -> None:
    first = {entry.id for entry, _, _ in load_set(PRESS, splits=("constructions",))}
    assert not first & set(BY_ID)


def test_every_page_is_labelled_positive_or_negative() -> None:
    assert sorted(POSITIVE_IDS + NEGATIVE_IDS) == sorted(BY_ID)


def test_class_counts() -> None:
    without = [i for i, (_, _, gold) in BY_ID.items() if not start_dates(gold)]
    with_start = [i for i, (_, _, gold) in BY_ID.items() if start_dates(gold)]
    assert len(BY_ID) >= MIN_ITEMS
    assert len(without) >= MIN_NEGATIVE_PAGES
    assert len(with_start) >= MIN_POSITIVE_PAGES
    per_class = Counter(BY_ID[i][0].classes[0] for i in NEGATIVE_IDS)
    assert set(per_class) == set(NEGATIVE_CLASSES)
    assert min(per_class.values()) >= MIN_PER_NEGATIVE_CLASS
    shapes = Counter(BY_ID[i][0].classes[0] for i in POSITIVE_IDS)
    assert min(shapes[c] for c in SHAPE_CLASSES) >= MIN_PER_SHAPE_CLASS


def test_pages_come_from_many_countries_but_not_lu_or_be() -> None:
    countries = {entry.country for entry, _, _ in ENTRIES}
    assert not countries & {"LU", "BE"}
    assert len(countries) >= 20


@pytest.mark.parametrize("page_id", NEGATIVE_IDS)
def test_negative_page_dates_something_else(page_id: str) -> None:
    """A negative page has a year in its text and no start date in its gold (only counts or renames)."""
    entry, html, gold = BY_ID[page_id]
    assert article_years(html), page_id
    assert not start_dates(gold)
    assert {claim.attribute for claim in gold} <= {"member_count", "cluster_count", "renamed_to"}
    if entry.classes[0] == "neg-rename":
        assert [claim.attribute for claim in gold].count("renamed_to") == 1
    if gold:
        assert_gold_written_in_page(entry, html, gold)


@pytest.mark.parametrize("page_id", POSITIVE_IDS)
def test_positive_page_states_its_starts(page_id: str) -> None:
    """A positive page has one start date per subject, each written in its page (or read through a
    written-down derivation) and labelled with the page's class."""
    entry, html, gold = BY_ID[page_id]
    starts = start_dates(gold)
    assert starts
    assert len({claim.subject_name for claim in starts}) == len(starts)
    for claim in starts:
        assert claim.derivation is not None or claim.value in article_years(html), claim.subject_name
        assert entry.classes[0] in claim.classes
    assert_gold_written_in_page(entry, html, gold)


@pytest.mark.parametrize("page_id", MULTI_IDS)
def test_round_up_names_several_organisations(page_id: str) -> None:
    """A round-up page gives two to four organisations their own start dates; a negative round-up
    lists several organisations under their own headings."""
    _, html, gold = BY_ID[page_id]
    if start_dates(gold):
        assert 2 <= len({claim.subject_name for claim in start_dates(gold)}) <= 4
    else:
        assert len(article_tree(html).css("article h2")) >= 2


@pytest.mark.parametrize("page_id", sorted(BY_ID))
def test_page_is_small(page_id: str) -> None:
    """A title, a headline and one to three short paragraphs, list items or fields."""
    _, html, _ = BY_ID[page_id]
    tree = article_tree(html)
    title, h1 = tree.css_first("title"), tree.css_first("article h1")
    assert title is not None and title.text(strip=True)
    assert h1 is not None and h1.text(strip=True)
    assert 1 <= paragraph_count(html) <= 3
