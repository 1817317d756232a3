"""A programme possessed by a place ("Croatia's cluster programme", "Catalonia started its cluster
policy in 1993", "The Basque Government started its cluster policy"): the place names it, as
analysts do ("the Catalan cluster policy"); a place's adjective may open a description ("the
French competitiveness poles policy"). A possessor that is no place ("the agency started its
cluster programme", "the government's cluster programme") names nothing.

Every sentence here was written for these tests (our own wording), never copied from a page.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import page_facts


@pytest.mark.parametrize(
    ("h1", "paragraphs", "expected"),
    [
        pytest.param(
            "Thirty years of clusters",
            ["Navarre started its cluster policy in 1994 with four pilot sectors."],
            {("Navarre cluster policy", "starting_year", 1994)},
            id="region-subject-its-policy",
        ),
        pytest.param(
            "Clusters on the coast",
            ["In 2003, the Algarve launched its cluster programme to widen tourism beyond the beaches."],
            {("Algarve cluster programme", "starting_year", 2003)},
            id="fronted-date-region-subject",
        ),
        pytest.param(
            "Policy notes",
            ["Slovenia's cluster programme was launched in 2001 and funded ten pilot clusters."],
            {("Slovenia cluster programme", "starting_year", 2001)},
            id="genitive-country",
        ),
        pytest.param(
            "Policy notes",
            ["The Government of Latvia opened its cluster programme in 2009."],
            {("Latvia cluster programme", "starting_year", 2009)},
            id="government-of-a-country",
        ),
        pytest.param(
            "Policy notes",
            ["The Flemish Government started its cluster policy in 2016, when spearhead clusters were chosen."],
            {("Flemish cluster policy", "starting_year", 2016)},
            id="adjective-government-drops-government",
        ),
        pytest.param(
            "Policy notes",
            ["The Slovak cluster voucher scheme was opened by the ministry in 2015 to pay for joint export projects."],
            {("Slovak cluster voucher scheme", "starting_year", 2015)},
            id="place-adjective-opens-a-description",
        ),
        pytest.param(
            "Policy notes",
            ["The agency started its cluster programme in 2005 with a call for proposals."],
            set(),
            id="trap-agency-possessor-names-nothing",
        ),
        pytest.param(
            "Policy notes",
            ["The government's cluster programme was launched in 2010."],
            set(),
            id="trap-government-genitive-names-nothing",
        ),
    ],
)
def test_a_place_names_its_possessed_programme(h1: str, paragraphs: list[str], expected: set) -> None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    assert page_facts(h1, body) == expected
