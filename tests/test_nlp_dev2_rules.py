"""Rule families added while generalising to tests/eval/press/dev2 (issue 7): each with positive
and negative cases. Sentences are written for the test; none is a dev2 page sentence."""

from __future__ import annotations

import pytest

from pipeline.models.nlp.claims import extract_prose_claims
from tests.test_nlp_rules import Fact, facts, make_doc

DATED = {"created_year", "starting_year"}


def _dated(*paragraphs: str) -> set[Fact]:
    return {f for f in facts(extract_prose_claims(make_doc(*paragraphs), country=None)) if f[2] in DATED}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Baltic Wind Alliance has been active since 2013 and links yards and ports.",
            ("cluster", "Baltic Wind Alliance", "created_year", 2013, "active since", "year"),
            id="active-since",
        ),
        pytest.param(
            "Nordmetal, the metalworking network of the north, emerged in 2010 from a supplier day.",
            ("cluster", "Nordmetal", "created_year", 2010, "created", "year"),
            id="emerged",
        ),
        pytest.param(
            "The Danube Photonics Hub opened its doors in 2017.",
            ("cluster", "Danube Photonics Hub", "created_year", 2017, "launched", "year"),
            id="opened-its-doors",
        ),
        pytest.param(
            "The Moravia Plastics Network was registered as an association in 2008.",
            ("cluster", "Moravia Plastics Network", "created_year", 2008, "registered", "year"),
            id="registered-as-an-association",
        ),
    ],
)
def test_new_event_triggers(text: str, expected: Fact) -> None:
    assert _dated(text) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The idea of a joint laboratory emerged in 2008 during a conference.", id="emerged-no-name"),
        pytest.param("Its funder, Vestland Growth Fund Agency, was set up by the county in 1999.", id="funder"),
        pytest.param("Its funder, Skillnet Norden, was set up by the state in 2001.", id="funder-org-head"),
        pytest.param("One of the members, Kobbervand A/S, was established back in 1961.", id="legal-form-tail"),
        pytest.param("The software firm Nordsoft has been active since 1990.", id="active-since-company"),
        pytest.param("Our office opened its doors to visitors in 2019.", id="office-doors"),
        pytest.param("The trademark was registered in 2010.", id="registered-trademark"),
    ],
)
def test_new_event_triggers_refuse_other_subjects(text: str) -> None:
    assert _dated(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Tatra Wood Network is now operating under the name Woodcluster Tatra.",
            ("cluster", "Tatra Wood Network", "renamed_to", "Woodcluster Tatra", "rename", None),
            id="now-operating-under-the-name",
        ),
        pytest.param(
            "The Baltic Biotech Cluster, previously called Biogenta, runs three test beds.",
            ("cluster", "Biogenta", "renamed_to", "Baltic Biotech Cluster", "rename", None),
            id="previously-called",
        ),
        pytest.param(
            "In 2012 the Adriatic Boatbuilding Network renamed itself Adriatic Marine Alliance.",
            ("cluster", "Adriatic Boatbuilding Network", "renamed_to", "Adriatic Marine Alliance", "rename", None),
            id="renamed-itself",
        ),
        pytest.param(
            "2016 – The Drava Wood Network changes its name to Drava Timber Cluster.",
            ("cluster", "Drava Wood Network", "renamed_to", "Drava Timber Cluster", "rename", None),
            id="timeline-changes-its-name-to",
        ),
        pytest.param(
            "In 2012 the Polish Wood Network takes the name Wood Valley Cluster.",
            ("cluster", "Polish Wood Network", "renamed_to", "Wood Valley Cluster", "rename", None),
            id="takes-the-name",
        ),
        pytest.param(
            "The Nitra Food Cluster began in 2009; its name was later changed to Agrofood Cluster Nitra.",
            ("cluster", "Nitra Food Cluster", "renamed_to", "Agrofood Cluster Nitra", "rename", None),
            id="name-was-later-changed-to",
        ),
    ],
)
def test_new_rename_cues(text: str, expected: Fact) -> None:
    claims = extract_prose_claims(make_doc(text), country=None)
    assert {f for f in facts(claims) if f[2] == "renamed_to"} == {expected}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Tatra Wood Network is now operating under the roof of the chamber.", id="under-the-roof"),
        pytest.param("The Tatra Wood Network, previously a project, runs three test beds.", id="previously-a-noun"),
    ],
)
def test_new_rename_cues_refuse_non_renames(text: str) -> None:
    claims = extract_prose_claims(make_doc(text), country=None)
    assert [c for c in claims if c.attribute == "renamed_to"] == []


CONTEXT = "The Tisza Valley Cluster is the food cluster of the south."


def _counts(*paragraphs: str) -> set[Fact]:
    return {f for f in facts(extract_prose_claims(make_doc(*paragraphs), country=None)) if f[2] == "member_count"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Membership has grown to 290 organisations.", (290, None), id="membership-grown-to"),
        pytest.param("Membership rose from 58 at the end of 2019 to 81 this year.", (81, None), id="membership-from-to"),
        pytest.param("The cluster gathers 120 machinery firms.", (120, None), id="lower-case-modifier"),
        pytest.param("The cluster gathers over 120 high-tech suppliers.", (120, "more than"), id="hyphenated-modifier"),
        pytest.param("The Tisza Valley Cluster is a network of over 120 suppliers.", (120, "more than"), id="network-of"),
    ],
)
def test_member_count_forms(text: str, expected: tuple[int, str | None]) -> None:
    value, qualifier = expected
    assert _counts(CONTEXT, text) == {("cluster", "Tisza Valley Cluster", "member_count", value, qualifier, None)}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("This year the cluster welcomed 12 new member companies.", id="new-members"),
        pytest.param("The cluster trained 45 young people.", id="not-a-member-noun"),
        pytest.param("The scheme has since funded 17 cluster organisations.", id="cluster-organisations"),
        pytest.param("Membership fees rose by 5 euros.", id="membership-not-a-total"),
        pytest.param("Representatives of 45 firms attended the fair.", id="of-without-organisation-head"),
    ],
)
def test_member_count_forms_refused(text: str) -> None:
    assert _counts(CONTEXT, text) == set()


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["The county co-founded the Danube Timber Initiative in 2015 with nine sawmills."],
            {("cluster", "Danube Timber Initiative", "created_year", 2015, "founded", "year")},
            id="initiative-head-as-object",
        ),
        pytest.param(
            ["Baltic Water Partnership was founded in 2004."],
            {("cluster", "Baltic Water Partnership", "created_year", 2004, "founded", "year")},
            id="partnership-head",
        ),
        pytest.param(
            ["The Nordic Photonics Centre of Expertise in Tampere started operating in 2001."],
            {("cluster", "Nordic Photonics Centre of Expertise", "created_year", 2001, "started", "year")},
            id="name-before-its-place",
        ),
    ],
)
def test_new_name_heads_and_places(paragraphs: list[str], expected: set[Fact]) -> None:
    assert _dated(*paragraphs) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A shipyard in Turku was founded in 1737.", id="place-of-a-common-noun"),
        pytest.param("The Ministry of Economy in Bratislava was set up in 1993.", id="place-of-a-ministry"),
        pytest.param("The University Platform in Porto was launched in 2012.", id="university-platform"),
    ],
)
def test_new_name_heads_and_places_refused(text: str) -> None:
    assert _dated(text) == set()


def test_platform_reference_takes_a_member_count() -> None:
    paragraphs = [
        "Iberotech, the production technologies platform of Portugal, links machine builders.",
        "The platform today gathers 140 entities.",
    ]
    assert _counts(*paragraphs) == {("cluster", "Iberotech", "member_count", 140, None, None)}


def test_platform_reference_without_a_cluster_antecedent_gives_nothing() -> None:
    assert _counts("The platform today gathers 140 entities.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Firms joined the Centre of Expertise Programme, which the government had introduced in 1994.",
            {("policy", "Centre of Expertise Programme", "starting_year", 1994, "introduced", "year")},
            id="centre-of-expertise-programme-relative-clause",
        ),
        pytest.param(
            "The Competence Network Programme was launched in 1997.",
            {("policy", "Competence Network Programme", "starting_year", 1997, "launched", "year")},
            id="network-programme",
        ),
    ],
)
def test_network_programmes_are_policies(text: str, expected: set[Fact]) -> None:
    assert _dated(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Horizon Europe Programme was launched in 2021.", id="research-programme"),
        pytest.param("The Interreg Programme started in 1990.", id="territorial-programme"),
        pytest.param("The Erasmus Exchange Programme was introduced in 1987.", id="exchange-programme"),
    ],
)
def test_other_programmes_are_not_cluster_policies(text: str) -> None:
    assert _dated(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Tatra Industries (formerly Tatra Suppliers Network) builds machines.",
            ("cluster", "Tatra Suppliers Network", "renamed_to", "Tatra Industries", "rename", None),
            id="headless-new-name-in-parenthesis",
        ),
        pytest.param(
            "Baltic Biotech Nord, previously called Biogenta Cluster, runs test beds.",
            ("cluster", "Biogenta Cluster", "renamed_to", "Baltic Biotech Nord", "rename", None),
            id="headless-new-name-apposition",
        ),
    ],
)
def test_rename_of_a_recognised_cluster_takes_a_headless_name(text: str, expected: Fact) -> None:
    claims = extract_prose_claims(make_doc(text), country=None)
    assert {f for f in facts(claims) if f[2] == "renamed_to"} == {expected}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The University of Oslo (formerly Tatra Suppliers Network) hosts it.", id="university"),
        pytest.param("It moved (formerly Tatra Suppliers Network) to Oslo.", id="no-name-before"),
        pytest.param("Norway (formerly Tatra Suppliers Network) hosts it.", id="country"),
        pytest.param("Tatra Industries (formerly Tatra Suppliers) builds machines.", id="neither-recognised"),
    ],
)
def test_rename_of_a_recognised_cluster_refuses_other_names(text: str) -> None:
    claims = extract_prose_claims(make_doc(text), country=None)
    assert [c for c in claims if c.attribute == "renamed_to"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Thank you to our 300-strong community of members!", (300, None), id="n-strong-community"),
        pytest.param("Today it is a network of 45 machinery firms.", (45, None), id="it-is-a-network-of"),
    ],
)
def test_strong_counts_and_copula_references(text: str, expected: tuple[int, str | None]) -> None:
    value, qualifier = expected
    assert _counts(CONTEXT, text) == {("cluster", "Tisza Valley Cluster", "member_count", value, qualifier, None)}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The cluster has a 40-strong team.", id="strong-team"),
        pytest.param("A 300-strong crowd attended the cluster fair.", id="strong-crowd"),
        pytest.param("It is a pleasure to host 45 firms.", id="impersonal-it"),
        pytest.param("It is important that 45 firms joined.", id="impersonal-it-important"),
    ],
)
def test_strong_counts_and_copula_references_refused(text: str) -> None:
    assert _counts(CONTEXT, text) == set()


def test_a_definite_reference_resolves_to_a_name_with_its_head() -> None:
    paragraphs = [
        "The county co-founded the Danube Timber Initiative in 2015.",
        "The initiative now unites 52 partners.",
    ]
    assert _counts(*paragraphs) == {("cluster", "Danube Timber Initiative", "member_count", 52, None, None)}


def test_a_definite_reference_does_not_take_a_name_with_another_head() -> None:
    paragraphs = ["The Danube Timber Network meets monthly.", "The initiative now unites 52 partners."]
    assert _counts(*paragraphs) == set()


def test_cluster_organisations_funded_by_a_policy_are_its_cluster_count() -> None:
    paragraphs = ["The Cluster Support Scheme helps firms.", "The scheme has since funded 17 cluster organisations."]
    claims = extract_prose_claims(make_doc(*paragraphs), country=None)
    assert {f for f in facts(claims) if f[2] == "cluster_count"} == {
        ("policy", "Cluster Support Scheme", "cluster_count", 17, None, None)
    }


def test_cluster_organisations_of_a_country_stay_the_countrys() -> None:
    paragraphs = ["The Cluster Support Scheme helps firms.", "There are 46 cluster organisations in Slovakia."]
    claims = extract_prose_claims(make_doc(*paragraphs), country=None)
    assert [c for c in claims if c.attribute == "cluster_count"] == []
    assert {(c.subject_name, c.value) for c in claims if c.attribute.startswith("cluster_organisations")} == {
        ("Slovakia", 46)
    }
