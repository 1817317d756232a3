"""A directory written as a description list: each `<dd>` describes the organisation its `<dt>`
names ("<dt>Fjordlab</dt><dd>Bergen · founded 2016 · 85 members</dd>"); a `<dt>` that is a field's
label ("Founded", "Cluster members") names nothing, and the heading above stays the subject.

Every sentence here was written for these tests (our own wording), never copied from a page.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import page_facts


@pytest.mark.parametrize(
    ("h1", "body", "expected"),
    [
        pytest.param(
            "Clusters of the north",
            "<p>The regional council lists the clusters it funds.</p><dl>"
            "<dt>Fjordlab</dt><dd>Bergen · founded 2016 · 85 members</dd>"
            "<dt>Arctic Food Network</dt><dd>Tromsø · est. 2011 · approx. 60 members</dd>"
            "<dt>HVAC</dt><dd>Heating, Ventilation and Air Conditioning · since 2019 · 40+ members</dd></dl>",
            {
                ("Fjordlab", "created_year", 2016),
                ("Fjordlab", "member_count", 85),
                ("Arctic Food Network", "created_year", 2011),
                ("Arctic Food Network", "member_count", 60),
                ("HVAC", "created_year", 2019),
                ("HVAC", "member_count", 40),
            },
            id="terms-name-their-descriptions",
        ),
        pytest.param(
            "Lakeside Wood Cluster",
            "<p>The Lakeside Wood Cluster joins sawmills and furniture makers.</p>"
            "<dl><dt>Founded</dt><dd>2009</dd><dt>Cluster members</dt><dd>74</dd></dl>",
            {("Lakeside Wood Cluster", "created_year", 2009), ("Lakeside Wood Cluster", "member_count", 74)},
            id="label-terms-leave-the-heading-as-subject",
        ),
    ],
)
def test_description_list_terms(h1: str, body: str, expected: set) -> None:
    assert page_facts(h1, body) == expected
