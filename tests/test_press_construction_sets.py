"""The construction sets (issue 7): short labelled pages that teach the learned start-date binder the
constructions the development pages rarely contain. Negatives state years that date something else (a
past count, a registry line, an activity, another body, a data date, a member's founding, a rename, an
anniversary, a funding period); positives state starts in varied wordings. `constructions2` adds page
shapes closer to real pages (round-ups naming two to four organisations, directory entries under
headings, references to a heading or the h1, dates in the sentence before or after the name, profile
fields, foreign names). They are training sets: these tests check that each loads apart, that its gold
is written in its pages and that each class has enough items, not the pipeline's score on it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.evaluation.press import GoldClaim, PageEntry, load_set
from tests.press_split_checks import (
    PRESS,
    article_tree,
    assert_gold_written_in_page,
    assert_loaded_apart,
    paragraph_count,
)

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
YEAR = re.compile(r"(?<!\d)(?:1[6-9]\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class ConstructionSet:
    min_items: int
    min_negative: int
    min_positive: int
    min_per_negative_class: int = 8
    one_start_per_page: bool = False  # the first set: exactly one start date on a positive page
    shape_classes: tuple[str, ...] = ()  # page shapes the set adds, each with `min_per_shape` pages
    min_per_shape: int = 0


SETS: dict[str, ConstructionSet] = {
    "constructions": ConstructionSet(150, 90, 60, one_start_per_page=True),
    "constructions2": ConstructionSet(
        200, 80, 120,
        shape_classes=("pos-multi-entity", "pos-directory-heading", "pos-reference-heading", "pos-date-adjacent", "pos-field", "pos-foreign-name"),
        min_per_shape=10,
    ),
}
ENTRIES: dict[str, list[tuple[PageEntry, Path, list[GoldClaim]]]] = {
    name: load_set(PRESS, splits=(name,)) for name in SETS  # type: ignore[arg-type]
}
BY_ID = {(name, entry.id): (entry, html, gold) for name, rows in ENTRIES.items() for entry, html, gold in rows}
POSITIVE = sorted(k for k, (e, _, _) in BY_ID.items() if e.classes[0].startswith("pos-"))
NEGATIVE = sorted(k for k, (e, _, _) in BY_ID.items() if e.classes[0].startswith("neg-"))
ROUND_UPS = sorted(k for k, (e, _, _) in BY_ID.items() if "multi-entity" in e.classes or e.classes[0] == "pos-multi-entity")


def _id(key: tuple[str, str]) -> str:
    return "/".join(key)


def start_dates(gold: list[GoldClaim]) -> list[GoldClaim]:
    return [claim for claim in gold if claim.attribute in START_DATES]


def article_years(html: Path) -> list[int]:
    article = article_tree(html).css_first("article")
    assert article is not None
    return [int(y) for y in YEAR.findall(article.text(separator=" "))]


@pytest.mark.parametrize("name", list(SETS))
def test_set_loads_apart_from_the_hashed_splits(name: str) -> None:
    assert_loaded_apart(PRESS, name, ENTRIES[name])


def test_no_page_id_is_in_both_sets() -> None:
    assert not {i for n, i in BY_ID if n == "constructions"} & {i for n, i in BY_ID if n == "constructions2"}


@pytest.mark.parametrize("name", list(SETS))
def test_every_page_is_labelled_positive_or_negative(name: str) -> None:
    assert sorted(k for k in POSITIVE + NEGATIVE if k[0] == name) == sorted(k for k in BY_ID if k[0] == name)


@pytest.mark.parametrize("name", list(SETS))
def test_class_counts(name: str) -> None:
    spec = SETS[name]
    pages = {k: v for k, v in BY_ID.items() if k[0] == name}
    assert len(pages) >= spec.min_items
    assert sum(1 for _, _, gold in pages.values() if not start_dates(gold)) >= spec.min_negative
    assert sum(1 for _, _, gold in pages.values() if start_dates(gold)) >= spec.min_positive
    per_class = Counter(BY_ID[k][0].classes[0] for k in NEGATIVE if k[0] == name)
    assert set(per_class) == set(NEGATIVE_CLASSES)
    assert min(per_class.values()) >= spec.min_per_negative_class
    shapes = Counter(BY_ID[k][0].classes[0] for k in POSITIVE if k[0] == name)
    assert all(shapes[c] >= spec.min_per_shape for c in spec.shape_classes)


@pytest.mark.parametrize("name", list(SETS))
def test_pages_come_from_many_countries_but_not_lu_or_be(name: str) -> None:
    countries = {entry.country for entry, _, _ in ENTRIES[name]}
    assert not countries & {"LU", "BE"}
    assert len(countries) >= 20


@pytest.mark.parametrize("key", NEGATIVE, ids=_id)
def test_negative_page_dates_something_else(key: tuple[str, str]) -> None:
    """A negative page has a year in its text and no start date in its gold (only counts or renames)."""
    entry, html, gold = BY_ID[key]
    assert article_years(html)
    assert not start_dates(gold)
    assert {claim.attribute for claim in gold} <= {"member_count", "cluster_count", "renamed_to"}
    if entry.classes[0] == "neg-rename":
        assert [claim.attribute for claim in gold].count("renamed_to") == 1
    if gold:
        assert_gold_written_in_page(entry, html, gold)


@pytest.mark.parametrize("key", POSITIVE, ids=_id)
def test_positive_page_states_its_starts(key: tuple[str, str]) -> None:
    """A positive page has one start date per subject (exactly one in the first set), each written in
    its page (or read through a written-down derivation) and labelled with the page's class."""
    entry, html, gold = BY_ID[key]
    starts = start_dates(gold)
    assert starts
    if SETS[key[0]].one_start_per_page:
        assert len(starts) == 1
    assert len({claim.subject_name for claim in starts}) == len(starts)
    for claim in starts:
        assert claim.derivation is not None or claim.value in article_years(html), claim.subject_name
        assert entry.classes[0] in claim.classes
    assert_gold_written_in_page(entry, html, gold)


@pytest.mark.parametrize("key", ROUND_UPS, ids=_id)
def test_round_up_names_several_organisations(key: tuple[str, str]) -> None:
    """A round-up page gives two to four organisations their own start dates; a negative round-up
    lists several organisations under their own headings."""
    _, html, gold = BY_ID[key]
    if start_dates(gold):
        assert 2 <= len({claim.subject_name for claim in start_dates(gold)}) <= 4
    else:
        assert len(article_tree(html).css("article h2")) >= 2


@pytest.mark.parametrize("key", sorted(BY_ID), ids=_id)
def test_page_is_small(key: tuple[str, str]) -> None:
    """A title, a headline and one to three short paragraphs, list items or fields."""
    _, html, _ = BY_ID[key]
    tree = article_tree(html)
    title, h1 = tree.css_first("title"), tree.css_first("article h1")
    assert title is not None and title.text(strip=True)
    assert h1 is not None and h1.text(strip=True)
    assert 1 <= paragraph_count(html) <= 3
