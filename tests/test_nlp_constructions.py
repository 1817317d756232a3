"""Constructions added in the generalisation pass of issue 7, one parametrized case each, on
`spacy.blank("en")`. Every sentence was written for these tests (paraphrases of constructions
seen on agency and cluster pages, never copies)."""

from __future__ import annotations

import pytest

from pipeline.models.nlp.claims import extract_prose_claims
from tests.test_nlp_rules import make_doc

Fact = tuple[str, str, object, str | None]


def extracted(*paragraphs: str) -> set[Fact]:
    doc = make_doc(*paragraphs)
    claims = extract_prose_claims(doc, country=None)
    for claim in claims:
        assert claim.evidence.quote in doc.text
    return {(c.subject_name, c.attribute, c.value, c.qualifier) for c in claims if c.attribute != "mentioned"}


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Thirty-four clusters have joined the Green Cluster Programme since its launch in 2019."],
            {
                ("Green Cluster Programme", "cluster_count", 34, None),
                ("Green Cluster Programme", "starting_year", 2019, "launched"),
            },
            id="hyphenated-number-words",
        ),
        pytest.param(
            ["The Green Cluster Programme now funds twenty six clusters."],
            {("Green Cluster Programme", "cluster_count", 26, None)},
            id="spaced-number-words",
        ),
        pytest.param(
            [
                "Fjordlink, the regional aquaculture cluster, was set up in 2008.",
                "The cluster brings together 70 companies, 6 research institutes and 2 universities.",
            ],
            {("Fjordlink", "created_year", 2008, "set up"), ("Fjordlink", "member_count", 78, None)},
            id="enumerated-counts-summed",
        ),
        pytest.param(
            ["Fjordlink, the regional aquaculture cluster, has 70 members and 4 staff."],
            {("Fjordlink", "member_count", 70, None)},
            id="enumeration-stops-at-non-members",
        ),
        pytest.param(
            ["MARLINK, the Croatian cluster association, was set up in 2013 and represents around 30 clusters."],
            {("MARLINK", "created_year", 2013, "set up"), ("MARLINK", "member_count", 30, "around")},
            id="capitalised-word-inside-apposition",
        ),
        pytest.param(
            ["The Tyrol Timber Network, previously known as Holzforum Tirol, was established in 2003."],
            {
                ("Tyrol Timber Network", "created_year", 2003, "established"),
                ("Holzforum Tirol", "renamed_to", "Tyrol Timber Network", "rename"),
            },
            id="previously-known-as-apposition",
        ),
        pytest.param(
            ["Danube Wood Cluster is a non-profit association created in 2010 by sawmills and carpenters."],
            {("Danube Wood Cluster", "created_year", 2010, "created")},
            id="copula-description-participle",
        ),
        pytest.param(
            ["In 2016 the Baltic Timber Forum became Woodlink Baltics."],
            {("Baltic Timber Forum", "renamed_to", "Woodlink Baltics", "rename")},
            id="became-a-name",
        ),
        pytest.param(
            ["Baltic Timber Network was registered in 2011 in Riga."],
            {("Baltic Timber Network", "created_year", 2011, "registered")},
            id="registered-in",
        ),
        pytest.param(
            ["Baltic Timber Network has been around since 2011 and links 75 companies across the Baltics."],
            {("Baltic Timber Network", "created_year", 2011, "active since"), ("Baltic Timber Network", "member_count", 75, None)},
            id="around-since-and-links-count",
        ),
        pytest.param(
            ["Baltic Timber Network is made up of 75 companies and 4 research centres."],
            {("Baltic Timber Network", "member_count", 79, None)},
            id="made-up-of",
        ),
        pytest.param(
            ["The Baltic Timber Network came into legal existence on 4 May 2016."],
            {("Baltic Timber Network", "created_year", 2016, "created")},
            id="trigger-with-a-word-inside",
        ),
        pytest.param(
            ["It was the county, together with two universities, that brought Nordic Wood Network into being in 2015."],
            {("Nordic Wood Network", "created_year", 2015, "created")},
            id="trigger-with-the-name-inside",
        ),
        pytest.param(
            ["Fjordlink, the regional aquaculture cluster, was set up in 2008.", "Since 2011 Fjordlink has run a shared hatchery."],
            {("Fjordlink", "created_year", 2008, "set up")},
            id="since-opening-yields-to-a-founding",
        ),
        pytest.param(
            ["Fjordlink, the regional aquaculture cluster, runs a shared hatchery.", "Since 2011 Fjordlink has trained 300 divers."],
            {("Fjordlink", "created_year", 2011, "since")},
            id="since-opening-as-last-resort",
        ),
        pytest.param(
            ["Polo Nautico Ligure, the yacht cluster of Liguria, grew out of a harbour forum.", "Our association dates back to 2004."],
            {("Polo Nautico Ligure", "created_year", 2004, "dates back to")},
            id="organisation-dates-back-to",
        ),
        pytest.param(
            ["The region has cluster policies dating back to the late 1980s."],
            set(),
            id="policy-lineage-is-no-start",
        ),
        pytest.param(
            ["In 2009 twelve shipyards set up Klaster Jadran Marine.", "The klaster now has 52 members."],
            {("Klaster Jadran Marine", "created_year", 2009, "set up"), ("Klaster Jadran Marine", "member_count", 52, None)},
            id="leading-foreign-head-and-reference",
        ),
        pytest.param(
            ["The Cooperation – Clusters programme was introduced in 2004.", "The programme supports 31 clusters at present."],
            {
                ("Cooperation – Clusters programme", "starting_year", 2004, "introduced"),
                ("Cooperation – Clusters programme", "cluster_count", 31, None),
            },
            id="programme-name-with-a-dash",
        ),
        pytest.param(
            ["The Galician Innovation Agency (GAIN) runs the cluster line.", "GAIN, created in 2012, manages the programme."],
            set(),
            id="agency-acronym-is-no-cluster",
        ),
        pytest.param(
            ["The Fjord Aquaculture Cluster was the first cluster in Norway, founded in 1997 by twelve fish farms."],
            {("Fjord Aquaculture Cluster", "created_year", 1997, "founded")},
            id="copula-description-then-participle",
        ),
        pytest.param(
            ["The Fjord Aquaculture Cluster – founded in 2007 – links the fish farms of the west coast."],
            {("Fjord Aquaculture Cluster", "created_year", 2007, "founded")},
            id="dash-inserted-participle",
        ),
        pytest.param(
            [
                "Fjordlink, the aquaculture cluster of the region, grew out of a fish farmers' forum.",
                "The origins of Fjordlink go back to 2003, but the association was only registered in 2006.",
            ],
            {("Fjordlink", "created_year", 2006, "registered")},
            id="lineage-does-not-take-a-later-clause-date",
        ),
        pytest.param(
            ["The Fjord Aquaculture Cluster had 40 members in 2015; today it has 120."],
            {("Fjord Aquaculture Cluster", "member_count", 120, None)},
            id="past-count-then-elliptic-present-count",
        ),
        pytest.param(
            ["The Fjord Aquaculture Cluster started with 12 members and now has 120."],
            {("Fjord Aquaculture Cluster", "member_count", 120, None)},
            id="founding-count-then-present-count",
        ),
        pytest.param(
            ["Some 30 companies took part in the Fjord Aquaculture Cluster study trip."],
            set(),
            id="participants-of-an-event-are-no-members",
        ),
        pytest.param(
            ["The Fjord Aquaculture Cluster's team of 8 people supports the members."],
            set(),
            id="staff-are-no-members",
        ),
        pytest.param(
            ["Fjordlink, the aquaculture cluster of the west coast, was known as the Fjord Fish Forum until 2015."],
            {("Fjord Fish Forum", "renamed_to", "Fjordlink", "rename")},
            id="known-as-until",
        ),
        pytest.param(
            ["The Green Cluster Programme was launched in 2019.", "The programme's 31 clusters employ 90,000 people."],
            {
                ("Green Cluster Programme", "starting_year", 2019, "launched"),
                ("Green Cluster Programme", "cluster_count", 31, None),
            },
            id="the-programme's-clusters",
        ),
        pytest.param(
            ["The Green Cluster Programme was launched in 2019.", "It currently funds 14 cluster organisations."],
            {
                ("Green Cluster Programme", "starting_year", 2019, "launched"),
                ("Green Cluster Programme", "cluster_count", 14, None),
            },
            id="it-funds-cluster-organisations",
        ),
        pytest.param(
            ["The Green Cluster Programme was set up in 2019 to support 20 clusters."],
            {("Green Cluster Programme", "starting_year", 2019, "set up")},
            id="a-target-is-no-count",
        ),
        pytest.param(
            ["The Fjord Aquaculture Cluster links 40 fish farms.", "Its 36 members include two hatcheries."],
            {("Fjord Aquaculture Cluster", "member_count", 36, None)},
            id="its-members",
        ),
        pytest.param(
            ["In 2010 the Fjord Aquaculture Cluster had 45 members. As of 2024 it had 120 members."],
            {("Fjord Aquaculture Cluster", "member_count", 120, None)},
            id="as-of-the-latest-count",
        ),
        pytest.param(
            [
                "The Adriatic Competitiveness Clusters initiative was set up by the Government in 2012.",
                "Since then its 13 clusters have prepared joint proposals.",
            ],
            {
                ("Adriatic Competitiveness Clusters initiative", "starting_year", 2012, "set up"),
                ("Adriatic Competitiveness Clusters initiative", "cluster_count", 13, None),
            },
            id="its-clusters",
        ),
        pytest.param(
            ["The Fjord Aquaculture Cluster (Norwegian: Fjordklyngen) is a non-profit association founded in 2004."],
            {
                ("Fjord Aquaculture Cluster", "created_year", 2004, "founded"),
                ("Fjord Aquaculture Cluster", "description", "Norwegian: Fjordklyngen", None),
            },
            id="copula-after-a-parenthesis",
        ),
        pytest.param(
            ["The Fjord Aquaculture Cluster has worked since 2007 to bring fish farms and researchers together."],
            {("Fjord Aquaculture Cluster", "created_year", 2007, "active since")},
            id="has-worked-since",
        ),
        pytest.param(
            [
                "In 2019 the ministry launched the Green Cluster Programme.",
                "Nine clusters were selected in the first call and six more in the second, so that the number "
                "of funded clusters rose to 15.",
            ],
            {
                ("Green Cluster Programme", "starting_year", 2019, "launched"),
                ("Green Cluster Programme", "cluster_count", 15, None),
            },
            id="number-of-clusters-rose-to",
        ),
    ],
)
def test_construction(paragraphs: list[str], expected: set[Fact]) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    "paragraphs",
    [
        pytest.param(
            ["Danube Wood Cluster is a member of Forum Holz founded in 1998."],
            id="participle-qualifies-another-name",
        ),
        pytest.param(
            ["Danube Wood Cluster is a non-profit association that has 40 members."],
            id="copula-without-event",
        ),
    ],
)
def test_no_start_date_for_the_copula_subject(paragraphs: list[str]) -> None:
    dated = {f for f in extracted(*paragraphs) if f[1] in ("created_year", "starting_year")}
    assert not {f for f in dated if f[0] == "Danube Wood Cluster"}


@pytest.mark.parametrize(
    "paragraphs",
    [
        pytest.param(["In 2016 the Baltic Timber Forum became part of Woodlink Baltics."], id="became-part-of"),
        pytest.param(["In 2016 Woodlink Baltics became a registered association."], id="became-a-description"),
        pytest.param(["In 2016 the Baltic Timber Forum became a member of Woodlink Baltics."], id="became-a-member"),
    ],
)
def test_became_without_a_new_name_is_no_rename(paragraphs: list[str]) -> None:
    assert not {f for f in extracted(*paragraphs) if f[1] == "renamed_to"}


@pytest.mark.parametrize(
    "paragraphs",
    [
        pytest.param(["The yearly budget of the Fjordlink Cluster was set up in 2019."], id="budget-of-the-cluster"),
        pytest.param(["The strategy of the Fjordlink Cluster was launched in 2018."], id="strategy-of-the-cluster"),
        pytest.param(["The Fjordlink Cluster's new strategy was launched in 2018."], id="possessive-strategy"),
    ],
)
def test_the_complement_of_another_noun_is_not_the_event_subject(paragraphs: list[str]) -> None:
    assert not {f for f in extracted(*paragraphs) if f[1] in ("created_year", "starting_year")}
