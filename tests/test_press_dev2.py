"""The second written development set (tests/eval/press/dev2), the short/other-word press-page
classification it exposed, and its score floor. dev2 is scored on its own (never with test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.datamodel.document import DocumentKind
from pipeline.evaluation.press import PressReport, evaluate_press, load_set, split_of
from pipeline.models.classify import classify
from tests.test_nlp_rules import make_doc

ROOT = Path(__file__).resolve().parent.parent
PRESS = ROOT / "tests" / "eval" / "press"


def test_dev2_loads_apart_from_the_hashed_splits() -> None:
    pages = load_set(PRESS, splits=("dev2",))
    assert len(pages) == 22
    assert {e.split for e, _, _ in pages} == {"dev2"}
    assert len({e.country for e, _, _ in pages}) >= 20
    assert sum(len(g) for _, _, g in pages) == 48
    # dev2 pages are not drawn by the seeded hash, and the default set is still dev + test only
    assert any(split_of(e.id) == "test" for e, _, _ in pages)
    assert {e.split for e, _, _ in load_set(PRESS)} == {"dev", "test"}


def _html(*paragraphs: str) -> object:
    doc = make_doc(*paragraphs)
    return doc.model_copy(update={"media_type": "html"})


@pytest.mark.parametrize(
    "paragraphs",
    [
        pytest.param(
            [
                "Who we are.",
                "Aqua Nordica Partnership links water utilities, pump makers, consultants and universities working together on clean water.",
            ],
            id="partnership-head",
        ),
        pytest.param(
            [
                "The Maritime Centre of Expertise in Turku started operating in 1999 with shipyards, designers and marine equipment makers."
            ],
            id="centre-of-expertise",
        ),
        pytest.param(
            [
                "Latvian IT Cluster. Founded 2000. Member companies 40. City Riga. It supports export marketing of software firms."
            ],
            id="short-profile",
        ),
        pytest.param(
            [
                "Ten years ago today, Midlands Aerospace Hub opened its doors in a borrowed office in Derby with four firms."
            ],
            id="hub-head",
        ),
    ],
)
def test_short_or_cluster_word_free_pages_are_press_pages(paragraphs: list[str]) -> None:
    assert classify(_html(*paragraphs)).kind == DocumentKind.PRESS_PAGE  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "paragraphs",
    [
        pytest.param(["Page not found. Go back to the cluster home page."], id="too-short"),
        pytest.param(
            ["Our bakery has sold rye bread and cakes in the old town since 1950, and we deliver daily."],
            id="no-cluster-context",
        ),
    ],
)
def test_other_html_pages_stay_other(paragraphs: list[str]) -> None:
    assert classify(_html(*paragraphs)).kind == DocumentKind.OTHER  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def dev2_report() -> PressReport:
    return evaluate_press(PRESS, splits=("dev2",))


# (recall, precision) on dev2 after the generalisation work; a drop below them fails.
DEV2_FLOOR = {
    "start_date": (0.95, 1.00),
    "member_count": (0.94, 1.00),
    "renamed_to": (1.00, 1.00),
    "cluster_count": (1.00, 1.00),
    None: (0.95, 1.00),
}


@pytest.mark.parametrize("group", list(DEV2_FLOOR), ids=[g or "overall" for g in DEV2_FLOOR])
def test_dev2_scores_do_not_drop_below_the_floor(dev2_report: PressReport, group: str | None) -> None:
    recall, precision = DEV2_FLOOR[group]
    score = dev2_report.splits["dev2"].score(group)
    assert score.recall >= recall
    assert score.precision >= precision
