"""Standardised categories: the ECCP vocabulary first, layout second (policy_table categories)."""

from __future__ import annotations

import pytest

from pipeline.datamodel.document import BBox, TextLine
from pipeline.models.factsheet.categories import (
    category_key,
    join_as_spelled,
    pattern_categories,
    segment_lines,
)
from pipeline.models.factsheet.policy_table import extract_policy_tables
from tests.factories import make_document, make_table

CHAR = 4.0  # width of one character in these synthetic lines
LEFT, RIGHT = 100.0, 340.0  # a 60-character column


def lines(*texts: str, top: float = 100.0, gap: float = 1.0) -> list[TextLine]:
    """One line per text; '**' marks bold; a line's width follows its length (ragged right)."""
    out = []
    y = top
    for raw in texts:
        bold = raw.startswith("**")
        text = raw[2:] if bold else raw
        x1 = min(RIGHT, LEFT + CHAR * len(text))
        out.append(TextLine(text=text, bbox=BBox.of(LEFT, y, x1, y + 8), fontname="F", size=8.0, bold=bold))
        y += 8 + gap
    return out


def kinds(segments) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(s.kind, s.text) for s in segments]


def test_consecutive_bold_lines_without_spacing_are_split_by_the_vocabulary() -> None:
    got = segment_lines(
        lines("**Green economy", "**Digital economy", "**Resilience"), "eu_priorities", right=RIGHT
    )
    assert kinds(got) == [
        ("category", "Green economy"),
        ("category", "Digital economy"),
        ("category", "Resilience"),
    ]


def test_plain_categories_are_told_from_the_description_by_the_vocabulary_alone() -> None:
    got = segment_lines(
        lines(
            "SMEs",
            "Cluster organisations",
            "Large firms",
            "The beneficiaries are mostly small firms of the",
            "region.",
        ),
        "beneficiaries",
        right=RIGHT,
    )
    assert kinds(got) == [
        ("category", "SMEs"),
        ("category", "Cluster organisations"),
        ("category", "Large firms"),
        ("description", "The beneficiaries are mostly small firms of the region."),
    ]


def test_wrapped_and_hyphenated_categories_keep_the_documents_spelling() -> None:
    got = segment_lines(
        lines(
            "**Increasing competitiveness and boosting scale-",
            "**up of SMEs",
            "**Fostering R&D activities, technology development and imple\u2010",
            "**mentation",
            "**• STRENGTHENING THE NETWORK OF CLUSTER ORGANISATIONS/",
            "**CROSS-CLUSTERING",
        ),
        "objectives",
        right=RIGHT,
    )
    assert kinds(got) == [
        ("category", "Increasing competitiveness and boosting scale-up of SMEs"),
        ("category", "Fostering R&D activities, technology development and implementation"),
        ("category", "STRENGTHENING THE NETWORK OF CLUSTER ORGANISATIONS/CROSS-CLUSTERING"),
    ]
    assert got[0].quote == "Increasing competitiveness and boosting scale- up of SMEs"


def test_unknown_bold_category_is_kept_apart_never_merged_into_a_neighbour() -> None:
    got = segment_lines(
        lines(
            "**Supporting internationalisation activities",
            "**Blue growth",
            "**Smart villages",
            "**Resilience",
        ),
        "objectives",
        right=RIGHT,
    )
    assert kinds(got) == [
        ("category", "Supporting internationalisation activities"),
        ("unknown_category", "Blue growth"),
        ("unknown_category", "Smart villages"),
        ("unknown_category", "Resilience"),  # an EU priority, not a policy objective
    ]


def test_a_description_line_that_spells_a_category_stays_in_the_description() -> None:
    got = segment_lines(
        lines(
            "**SMEs",
            "The policy supports clusters whose members are mainly small firms and",
            "large firms.",
        ),
        "beneficiaries",
        right=RIGHT,
    )
    assert kinds(got) == [
        ("category", "SMEs"),
        ("description", "The policy supports clusters whose members are mainly small firms and large firms."),
    ]


@pytest.mark.parametrize(
    ("field", "text", "known"),
    [
        ("objectives", "Increasing competitiveness and boosting scale up of SMEs", True),
        ("objectives", "increasing competitiveness and boosting SCALE-UP of SMEs", True),
        ("beneficiaries", "Start-\nups", True),
        ("eu_priorities", "Digitalisation", True),
        ("eu_priorities", "Digital\u00adisation", True),
        ("beneficiaries", "Digital economy", False),
        ("history.period", "Unlimited period", True),
    ],
)
def test_vocabulary_matching_ignores_case_breaks_and_hyphenation(field: str, text: str, known: bool) -> None:
    assert pattern_categories().knows(field, text) is known


def test_vocabulary_is_versioned_data() -> None:
    vocabulary = pattern_categories()
    assert vocabulary.version == "eccp-categories/1"
    assert category_key("Start-ups") == category_key("START UPS") == "startups"
    assert join_as_spelled(["Start-", "ups"], ["Start-ups"]) == "Start-ups"


def test_unknown_category_in_a_policy_table_is_a_warning_and_its_own_value() -> None:
    header = [["Policy type:", "", "National cluster policy"], ["Policy name:", "", "Test Policy"]]
    table = make_table(
        1, header + [["POLICY OBJECTIVES", "", "**Supporting internationalisation activities\n**Blue growth"]]
    )
    result = extract_policy_tables(make_document([[table]]), None)
    values = [c.value for c in result.claims if c.attribute == "objectives.categories"]
    assert values == ["Supporting internationalisation activities", "Blue growth"]
    assert [(i.code, i.message) for i in result.issues] == [
        (
            "unknown_category",
            "Test Policy: objectives: 'Blue growth' is not in the category vocabulary "
            "(eccp-categories/1); kept as its own category",
        )
    ]
