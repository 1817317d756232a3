"""Checks shared by the written press development splits (tests/test_press_written_splits.py and the
per-split tests/test_press_dev3.py … test_press_dev8.py):
that a split loads apart from the hashed ones, the consistency of a page's gold with its text, how a
miss is listed, and the score floor."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

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

PRESS = Path(__file__).resolve().parent / "eval" / "press"


@cache
def split_report(split: str) -> PressReport:
    """The pipeline scored on one written split, once per test session."""
    return evaluate_press(PRESS, splits=(split,))  # type: ignore[arg-type]


def article_tree(html: Path) -> LexborHTMLParser:
    return LexborHTMLParser(html.read_text("utf-8"))


def paragraph_count(html: Path) -> int:
    article = article_tree(html).css_first("article")
    assert article is not None
    return len([n for n in article.css("p, li, dd, tr") if n.text(strip=True)])


def page_text(html: Path) -> str:
    """The article text plus <title> and og:title: some pages name their subject only there."""
    tree = article_tree(html)
    article = tree.css_first("article")
    assert article is not None
    parts = [article.text(separator=" ")]
    title = tree.css_first("title")
    og = tree.css_first('meta[property="og:title"]')
    parts += [title.text() if title else "", (og.attributes.get("content") or "") if og else ""]
    return " ".join(" ".join(parts).split()).casefold()


def assert_gold_written_in_page(entry: PageEntry, html: Path, gold: list[GoldClaim]) -> None:
    """Every gold claim's name and value are in its page (or its reading is written down)."""
    text = page_text(html)
    article = " ".join(article_tree(html).css_first("article").text(separator=" ").split()).casefold()  # type: ignore[union-attr]
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


def missed_claim_listing(split_name: str) -> str:
    """How a split's details list one missed claim (with its classes)."""
    page = PageEntry(id="x", split=split_name, style="FAQ", country="CH", classes=("bare-number-answer",))  # type: ignore[arg-type]
    gold = GoldClaim(
        subject_name="CleanAlp",
        subject_type="cluster",
        attribute="member_count",
        value=85,
        classes=("bare-number-answer", "question-answer"),
    )
    return split_details(SplitReport(split_name, [score_page(page, [gold], [])])).plain  # type: ignore[arg-type]


def assert_loaded_apart(
    press: Path, split: str, entries: list[tuple[PageEntry, Path, list[GoldClaim]]]
) -> None:
    """The split's pages all say so, none is drawn by the seeded hash (their ids would fall in dev
    or test), the default set is still dev + test only, and the CLI lists the split."""
    assert {e.split for e, _, _ in entries} == {split}
    assert {split_of(e.id) for e, _, _ in entries} == {"dev", "test"}
    assert {e.split for e, _, _ in load_set(press)} == {"dev", "test"}
    assert split in present_splits(press)


def assert_at_least(report: PressReport, split: str, group: str | None, floor: tuple[float, float]) -> None:
    """The split's (recall, precision) for `group` (None: overall) is not below `floor`."""
    recall, precision = floor
    score = report.splits[split].score(group)
    assert score.recall >= recall
    assert score.precision >= precision
