"""A legal form written after a name ("PhotonikNetz Jena e.V. is the network of ...") stays outside
the name the copula makes a cluster, so "e.V." never becomes a cluster of its own; "founded in 1999
as an initiative of twenty companies" founds the initiative (a company noun after "of" describes its
members), while "founded in 1987 as a small sawmill" still founds a company.

Every sentence here was written for these tests (our own wording), never copied from a page.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import extracted


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Lindenholz Netzwerk e.V. is the wood network of Lower Franconia.", "It was founded in 2003 and has 58 members."],
            {("Lindenholz Netzwerk", "created_year", 2003), ("Lindenholz Netzwerk", "member_count", 58)},
            id="copula-after-a-legal-form",
        ),
        pytest.param(
            ["Danube Parts Alliance was founded in 2006 as an association of forty supplier companies."],
            {("Danube Parts Alliance", "created_year", 2006)},
            id="founded-as-an-association-of-companies",
        ),
        pytest.param(
            ["Moravian Foundry Network was established in 2009 as a platform for small foundries."],
            {("Moravian Foundry Network", "created_year", 2009)},
            id="established-as-a-platform-for",
        ),
        pytest.param(["Kessler Holz was founded in 1987 as a small sawmill."], set(), id="trap-founded-as-a-sawmill"),
        pytest.param(
            ["Alpine Parts Cluster was set up in 2001 as a family business for machine parts."],
            set(),
            id="trap-set-up-as-a-family-business",
        ),
    ],
)
def test_legal_forms_and_what_was_founded_as(paragraphs: list[str], expected: set[tuple[str, str, object]]) -> None:
    assert extracted(*paragraphs) == expected

