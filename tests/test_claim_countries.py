"""A claim's country: the one its subject's name names, else the page's (round-up pages name
clusters of several countries)."""

from __future__ import annotations

import pytest

from pipeline.models.classify import most_named_country
from pipeline.models.nlp.claims import extract_prose_claims
from tests.test_nlp_rules import make_doc


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The Austrian Wood Cluster was founded in 2005.", {("Austrian Wood Cluster", "AT")}),
        ("Wood Cluster Slovenia was founded in 2009.", {("Wood Cluster Slovenia", "SI")}),
        ("The Wood Cluster was founded in 2009.", {("Wood Cluster", "SI")}),  # no country in the name
        ("The German-Czech Energy Cluster was founded in 2012.", {("German-Czech Energy Cluster", "SI")}),
    ],
    ids=["adjective", "country-after", "page-country", "two-countries"],
)
def test_a_claim_about_a_cluster_named_after_a_country_is_placed_in_that_country(
    paragraph: str, expected: set[tuple[str, str]]
) -> None:
    claims = extract_prose_claims(make_doc(paragraph), country="SI")
    assert {(c.subject_name, c.country) for c in claims if c.attribute == "created_year"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Austria's plastics cluster turns 20. The Austrian cluster was founded in 2005.", "AT"),
        ("Set up in Brno in 2009, the cluster now counts 40 firms from South Moravia.", "CZ"),
        ("The Slovenian wood cluster signed a memorandum with Austrian partners.", "SI"),  # tie: first named
        ("Hungarian and Slovak firms met in Bratislava to found the cluster.", "SK"),  # tie: the place settles
        ("The cluster was founded in 2009 and has 40 members.", None),
        ("Danish food firms; the Danish cluster's office in Aarhus; Swedish guests.", "DK"),
    ],
    ids=["most-named", "city-only", "tie-first-named", "tie-city", "nothing", "plain-majority"],
)
def test_the_page_country(text: str, expected: str | None) -> None:
    assert most_named_country(text) == expected
