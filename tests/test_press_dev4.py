"""The fourth written development set (tests/eval/press/dev4): it loads apart from the hashed
splits, its gold is consistent with its pages, the CLI prints it, and its score floor.
dev4 is scored on its own (never with test)."""

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
DEV4 = load_set(PRESS, splits=("dev4",))


def _article(html: Path) -> LexborHTMLParser:
    return LexborHTMLParser(html.read_text("utf-8"))


def _paragraphs(html: Path) -> int:
    article = _article(html).css_first("article")
    assert article is not None
    return len([n for n in article.css("p, li, dd, tr") if n.text(strip=True)])


def test_dev4_loads_apart_from_the_hashed_splits() -> None:
    assert len(DEV4) == 30
    assert {e.split for e, _, _ in DEV4} == {"dev4"}
    assert len({e.style for e, _, _ in DEV4}) == 30
    countries = {e.country for e, _, _ in DEV4}
    assert len(countries) == 26 and not countries & {"LU", "BE"}
    assert sum(_paragraphs(html) for _, html, _ in DEV4) == 118
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
    # dev4 pages are not drawn by the seeded hash, and the default set is still dev + test only
    assert {split_of(e.id) for e, _, _ in DEV4} == {"dev", "test"}
    assert {e.split for e, _, _ in load_set(PRESS)} == {"dev", "test"}
    assert present_splits(PRESS) == ("dev", "dev2", "dev3", "dev4", "test")


def _page_text(html: Path) -> str:
    """The article text plus <title> and og:title: a dev4 directory page names its own association only there."""
    tree = _article(html)
    article = tree.css_first("article")
    assert article is not None
    parts = [article.text(separator=" ")]
    title = tree.css_first("title")
    og = tree.css_first('meta[property="og:title"]')
    parts += [title.text() if title else "", (og.attributes.get("content") or "") if og else ""]
    return " ".join(" ".join(parts).split()).casefold()


@pytest.mark.parametrize(("entry", "html", "gold"), DEV4, ids=[e.id for e, _, _ in DEV4])
def test_every_dev4_gold_claim_is_written_in_its_page(
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
    page = PageEntry(id="x", split="dev4", style="FAQ", country="CH", classes=("bare-number-answer",))
    gold = GoldClaim(
        subject_name="CleanAlp",
        subject_type="cluster",
        attribute="member_count",
        value=85,
        classes=("bare-number-answer", "question-answer"),
    )
    split = SplitReport("dev4", [score_page(page, [gold], [])])
    assert (
        "x: CleanAlp member_count = 85  (bare-number-answer, question-answer)" in split_details(split).plain
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
    recall, precision = DEV4_FLOOR[group]
    score = dev4_report.splits["dev4"].score(group)
    assert score.recall >= recall
    assert score.precision >= precision


def test_dev4_emits_no_false_renames(dev4_report: PressReport) -> None:
    assert dev4_report.splits["dev4"].score("renamed_to").fp == 0


def test_evaluate_command_prints_dev4() -> None:
    result = CliRunner().invoke(app, ["evaluate", "--press", str(PRESS)])
    assert result.exit_code == 0, result.output
    assert "press evaluation: dev4 (30 pages, 30 styles, 67 gold claims)" in result.output
