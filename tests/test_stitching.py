"""Stitching the policy table across pages, guided by the known order of row labels."""

from __future__ import annotations

import pytest

from pipeline.models.factsheet.policy_table import extract_policy_tables
from tests.factories import make_document, make_table

HEADER = [["Policy type:", "", "National cluster policy"], ["Policy name:", "", "Test Policy"]]


def values(claims, attribute):
    return [c.value for c in claims if c.attribute == attribute]


def test_repeated_headers_dropped_and_continuation_joined_across_pages():
    page1 = make_table(
        1, HEADER + [["POLICY OBJECTIVES", "", "**Supporting internationalisation activities"]]
    )
    page2 = make_table(
        2,
        HEADER
        + [
            ["", "", "**Enhancing the visibility of clusters\n\nThe policy aims high."],
            ["HISTORY", "Period", "**Unlimited period"],
        ],
    )
    result = extract_policy_tables(make_document([[page1], [page2]]), "LU")
    assert result.issues == []
    assert values(result.claims, "name") == ["Test Policy"]
    assert values(result.claims, "objectives.categories") == [
        "Supporting internationalisation activities",
        "Enhancing the visibility of clusters",
    ]
    assert values(result.claims, "objectives.description") == ["The policy aims high."]
    assert values(result.claims, "history.period") == ["unlimited"]


def test_continuation_row_without_sublabel_continues_the_sub_row():
    page1 = make_table(1, HEADER + [["INSTRUMENTS", "Financial", "**Financing start-ups"]])
    page2 = make_table(
        2, HEADER + [["", "", "**Subsidies to hire personnel"], ["", "Explanation", "Plain words."]]
    )
    result = extract_policy_tables(make_document([[page1], [page2]]), None)
    assert values(result.claims, "instruments.financial.categories") == [
        "Financing start-ups",
        "Subsidies to hire personnel",
    ]
    assert values(result.claims, "instruments.explanation") == ["Plain words."]


def test_misleading_fragment_going_back_in_label_order_is_rejected():
    page1 = make_table(1, HEADER + [["BUDGET", "Overall", "EUR 5 million"]])
    # a later table on page 2 without a header whose rows start at POLICY FOCUS:
    # joining it would put focus after budget, so it is not a continuation
    page2 = make_table(2, HEADER + [["POLICY FOCUS", "", "**Sectoral"]])
    result = extract_policy_tables(make_document([[page1], [page2]]), None)
    assert values(result.claims, "focus.categories") == []
    assert [i.code for i in result.issues] == ["label_order", "fragment_rejected"]
    assert values(result.claims, "budget.overall") == ["EUR 5 million"]


def test_sublabel_of_another_section_is_rejected_not_joined():
    page1 = make_table(1, HEADER + [["BUDGET", "Overall", "EUR 5 million"], ["", "Starting year", "1999"]])
    result = extract_policy_tables(make_document([[page1]]), None)
    assert values(result.claims, "history.starting_year") == []
    assert [(i.code, i.message) for i in result.issues] == [
        ("sublabel_mismatch", "sub-row 'Starting year' is not part of BUDGET; it belongs to HISTORY")
    ]


def test_new_header_with_other_names_starts_a_new_table():
    page1 = make_table(1, HEADER + [["HISTORY", "Starting year", "2002"]])
    other = [["Policy type:", "", "Regional cluster policy"], ["Policy name:", "", "Second Policy"]]
    page2 = make_table(
        2,
        other
        + [
            ["POLICY OBJECTIVES", "", "**Enhancing the visibility of clusters"],
            ["HISTORY", "Starting year", "2010"],
        ],
    )
    result = extract_policy_tables(make_document([[page1], [page2]]), None)
    assert result.tables == 2
    by_policy = {(c.subject_name, c.attribute): c.value for c in result.claims}
    assert by_policy[("Test Policy", "history.starting_year")] == 2002
    assert by_policy[("Second Policy", "history.starting_year")] == 2010
    assert result.issues == []


def test_two_policy_columns_side_by_side():
    rows = [
        ["Policy type:", "", "Regional cluster policy", "Regional cluster policy"],
        ["Policy name:", "", "Flanders Thing Policy", "Walloon Region Other Policy"],
        ["HISTORY", "Period", "**Limited period", "**Unlimited period"],
        ["", "Starting year", "2016", "2005"],
        ["BUDGET", "Annual", "No data available", "Data not available"],
    ]
    result = extract_policy_tables(make_document([[make_table(1, rows)]]), "BE")
    got = {(c.subject_name, c.attribute): c.value for c in result.claims}
    assert got[("Flanders Thing Policy", "history.period")] == "limited"
    assert got[("Walloon Region Other Policy", "history.period")] == "unlimited"
    assert got[("Flanders Thing Policy", "history.starting_year")] == 2016
    assert got[("Walloon Region Other Policy", "history.starting_year")] == 2005
    assert got[("Flanders Thing Policy", "region")] == "Flanders"
    assert got[("Walloon Region Other Policy", "region")] == "Wallonia"
    assert got[("Walloon Region Other Policy", "budget.annual")].text == "Data not available"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("POLICY ALIGNMENT WITH THE EU PRIORITIES", "eu_priorities"),
        ("POLICY ALIGNMENT WITH\nTHE EU PRIORITIES", "eu_priorities"),
        ("RESPONSIBLE AUTHORITIES", "responsible_authorities.categories"),
    ],
)
def test_section_labels_match_when_wrapped(label, expected):
    rows = HEADER + [[label, "", "**Green economy"]]
    result = extract_policy_tables(make_document([[make_table(1, rows)]]), None)
    assert values(result.claims, expected) == ["Green economy"]


def test_label_split_over_two_rows_is_joined():
    rows = HEADER + [
        ["POLICY ALIGNMENT WITH", "", "**Green economy"],
        ["THE EU PRIORITIES", "", "**Resilience"],
    ]
    result = extract_policy_tables(make_document([[make_table(1, rows)]]), None)
    assert values(result.claims, "eu_priorities") == ["Green economy", "Resilience"]


def test_title_case_section_label_wrapped_over_two_rows_is_joined():
    page = make_table(
        1,
        HEADER
        + [
            ["POLICY OBJECTIVES", "", "**Supporting internationalisation activities"],
            ["Policy Alignment with", "", "**Green economy"],
            ["the EU Priorities", "", "**Resilience"],
        ],
    )
    result = extract_policy_tables(make_document([[page]]), None)
    assert result.issues == []
    assert values(result.claims, "eu_priorities") == ["Green economy", "Resilience"]


def test_unlabelled_overflow_page_with_the_same_columns_continues_the_table():
    page1 = make_table(
        1, HEADER + [["POLICY OBJECTIVES", "", "**Supporting internationalisation activities"]]
    )
    # the next page holds only the rest of the field: no header rows, no label, same columns
    page2 = make_table(2, [["", "", "**Enhancing the visibility of clusters"]])
    page3 = make_table(3, [["", "", "**Some other table"]], top=300.0)
    other = make_table(3, [["Region", "Number of nodes"]], top=50.0)
    result = extract_policy_tables(make_document([[page1], [page2], [other, page3]]), None)
    assert values(result.claims, "objectives.categories") == [
        "Supporting internationalisation activities",
        "Enhancing the visibility of clusters",
    ]


def test_one_value_sub_row_whose_label_went_overleaf_is_not_glued_to_the_sub_row_above():
    page1 = make_table(
        1, HEADER + [["HISTORY", "Period", "**Limited period"], ["", "", "**Spearhead Clusters = 2026"]]
    )
    page2 = make_table(
        2, [["", "Ending year", "**Business networks = 3 years"], ["", "Starting year", "**2016"]]
    )
    result = extract_policy_tables(make_document([[page1], [page2]]), None)
    assert result.issues == []
    assert values(result.claims, "history.period") == ["limited"]
    assert values(result.claims, "history.ending_year") == [2026]
    assert values(result.claims, "history.starting_year") == [2016]


def test_unlabelled_last_row_opening_the_next_fields_categories_goes_with_that_field():
    page1 = make_table(
        1,
        HEADER
        + [
            ["POLICY FOCUS", "", "**Sectoral"],
            ["", "", "**In charge of drafting"],  # its label, RESPONSIBLE AUTHORITIES, went overleaf
        ],
    )
    page2 = make_table(2, HEADER + [["RESPONSIBLE AUTHORITIES", "", "**Provides funding"]])
    result = extract_policy_tables(make_document([[page1], [page2]]), None)
    assert result.issues == []
    assert values(result.claims, "focus.categories") == ["Sectoral"]
    assert values(result.claims, "responsible_authorities.categories") == [
        "In charge of drafting",
        "Provides funding",
    ]
