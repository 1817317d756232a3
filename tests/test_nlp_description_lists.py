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


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "<dl><dt>What is Saimaa Boat Network?</dt><dd>A group of boat yards and suppliers around the lake.</dd>"
            "<dt>When was the network founded?</dt><dd>In 2012. Four yards in Savonlinna began it.</dd></dl>",
            {("Saimaa Boat Network", "created_year", 2012)},
            id="faq-terms-generic-question",
        ),
        pytest.param(
            "<dl><dt>When was the Lusatian Glass Cluster founded?</dt><dd>In 2008, by nine glassworks and a college.</dd>"
            "<dt>How many members does the cluster have?</dt><dd>46 at present.</dd></dl>",
            {("Lusatian Glass Cluster", "created_year", 2008), ("Lusatian Glass Cluster", "member_count", 46)},
            id="faq-terms-question-naming-the-cluster",
        ),
        pytest.param(
            "<dl><dt>Since when?</dt><dd>2015</dd><dt>How many members?</dt><dd>28 cluster organisations</dd></dl>"
            "<p>It joined the Danube Cluster Alliance in 2019 and sits on its board.</p>",
            {("Baltic Cluster Managers' Union", "created_year", 2015), ("Baltic Cluster Managers' Union", "member_count", 28)},
            id="question-label-terms-answer-once",
        ),
    ],
)
def test_faq_description_lists(body: str, expected: set) -> None:
    h1 = "Baltic Cluster Managers' Union" if "Since when" in body else "Frequently asked questions"
    assert page_facts(h1, body) == expected
