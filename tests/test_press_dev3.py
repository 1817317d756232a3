"""The third written development set (tests/eval/press/dev3): it loads apart from the hashed
splits, its gold is consistent with its pages, the CLI prints it, and its score floor.
dev3 is scored on its own (never with test)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluation.press import (
    GoldClaim,
    PageEntry,
    PressReport,
    SplitReport,
    evaluate_press,
    load_set,
    present_splits,
    score_page,
    split_details,
    split_of,
)

ROOT = Path(__file__).resolve().parent.parent
PRESS = ROOT / "tests" / "eval" / "press"
DEV3 = load_set(PRESS, splits=("dev3",))


def _article(html: Path) -> LexborHTMLParser:
    return LexborHTMLParser(html.read_text("utf-8"))


def _paragraphs(html: Path) -> int:
    article = _article(html).css_first("article")
    assert article is not None
    return len([n for n in article.css("p, li, dd, tr") if n.text(strip=True)])


def test_dev3_loads_apart_from_the_hashed_splits() -> None:
    assert len(DEV3) == 33
    assert {e.split for e, _, _ in DEV3} == {"dev3"}
    assert len({e.style for e, _, _ in DEV3}) == 33
    countries = {e.country for e, _, _ in DEV3}
    assert len(countries) == 25 and not countries & {"LU", "BE"}
    assert sum(_paragraphs(html) for _, html, _ in DEV3) == 178
    attributes = Counter(c.attribute for _, _, gold in DEV3 for c in gold)
    assert attributes == {
        "created_year": 28,
        "member_count": 28,
        "starting_year": 7,
        "renamed_to": 7,
        "cluster_count": 7,
    }
    # dev3 pages are not drawn by the seeded hash, and the default set is still dev + test only
    assert {split_of(e.id) for e, _, _ in DEV3} == {"dev", "test"}
    assert {e.split for e, _, _ in load_set(PRESS)} == {"dev", "test"}
    assert present_splits(PRESS) == ("dev", "dev2", "dev3", "dev4", "test")


def _page_text(html: Path) -> str:
    """The article text plus <title> and og:title: several dev3 pages name their subject only there."""
    tree = _article(html)
    article = tree.css_first("article")
    assert article is not None
    parts = [article.text(separator=" ")]
    title = tree.css_first("title")
    og = tree.css_first('meta[property="og:title"]')
    parts += [title.text() if title else "", (og.attributes.get("content") or "") if og else ""]
    return " ".join(" ".join(parts).split()).casefold()


@pytest.mark.parametrize(("entry", "html", "gold"), DEV3, ids=[e.id for e, _, _ in DEV3])
def test_every_dev3_gold_claim_is_written_in_its_page(
    entry: PageEntry, html: Path, gold: list[GoldClaim]
) -> None:
    text = _page_text(html)
    article = " ".join(_article(html).css_first("article").text(separator=" ").split()).casefold()  # type: ignore[union-attr]
    assert gold
    for claim in gold:
        assert claim.classes and set(claim.classes) <= set(entry.classes), claim.subject_name
        assert any(" ".join(n.split()).casefold() in text for n in claim.names()), claim.subject_name
        # "60 companies, 8 institutes and 3 universities" is golded as the sum, with the reading written down
        if "split-count" in claim.classes:
            assert claim.derivation is not None and claim.derivation.startswith("sum of "), claim.subject_name
        if claim.derivation is not None:
            continue  # a relative date, a number word or a sum: the reading is written down in the gold
        if claim.attribute == "renamed_to":
            assert str(claim.value).casefold() in text, claim.value
        else:
            assert re.search(rf"(?<!\d){claim.value}(?!\d)", article), (claim.subject_name, claim.value)


def test_a_missed_claim_is_listed_with_its_classes() -> None:
    page = PageEntry(id="x", split="dev3", style="FAQ", country="CH", classes=("bare-number-answer",))
    gold = GoldClaim(
        subject_name="CleanAlp",
        subject_type="cluster",
        attribute="member_count",
        value=85,
        classes=("bare-number-answer", "question-answer"),
    )
    split = SplitReport("dev3", [score_page(page, [gold], [])])
    assert (
        "x: CleanAlp member_count = 85  (bare-number-answer, question-answer)" in split_details(split).plain
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
    recall, precision = DEV3_FLOOR[group]
    score = dev3_report.splits["dev3"].score(group)
    assert score.recall >= recall
    assert score.precision >= precision


@pytest.mark.parametrize("group", ["renamed_to", "cluster_count"])
def test_dev3_emits_no_false_renames_or_cluster_counts(dev3_report: PressReport, group: str) -> None:
    assert dev3_report.splits["dev3"].score(group).fp == 0


def test_evaluate_command_prints_dev3() -> None:
    result = CliRunner().invoke(app, ["evaluate", "--press", str(PRESS)])
    assert result.exit_code == 0, result.output
    assert "press evaluation: dev3 (33 pages, 33 styles, 77 gold claims)" in result.output
