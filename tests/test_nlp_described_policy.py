"""A programme described rather than named ("the regional cluster programme", "its cluster grant
scheme", "the accredited innovation cluster title"): the phrase stands for a named programme that
holds its describing words, and otherwise names the programme itself. A headline that names a
programme ("Centre of Expertise Programme") is the page's topic although it holds "Centre".

Every sentence here was written for these tests (our own wording), never copied from a page.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import page_facts


@pytest.mark.parametrize(
    ("h1", "paragraphs", "expected"),
    [
        pytest.param(
            "Regional growth news",
            ["The regional cluster programme, which the county council started in 2016, pays for six cluster managers."],
            {("regional cluster programme", "starting_year", 2016)},
            id="relative-clause-started",
        ),
        pytest.param(
            "Industry policy in brief",
            ["The Ministry of Trade launched its cluster voucher scheme in 2012; the scheme has been renewed twice since."],
            {("cluster voucher scheme", "starting_year", 2012)},
            id="possessive-active-launched",
        ),
        pytest.param(
            "Innovation policy",
            ["The accredited innovation cluster title was introduced in 2009 to reward mature cluster organisations."],
            {("accredited innovation cluster title", "starting_year", 2009)},
            id="passive-introduced-title",
        ),
        pytest.param(
            "Tools of the agency",
            [
                "The Cluster Development Programme of the Tatra Agency supports joint projects of firms.",
                "The cluster development programme has been in place since 2011.",
            ],
            {("Cluster Development Programme", "starting_year", 2011)},
            id="stands-for-the-name-holding-its-words",
        ),
        pytest.param(
            "Tools of the agency",
            [
                "Ostrava Cluster Policy sets the goals of the region.",
                "The agency has run a cluster mentoring programme since 2014.",
            ],
            {("cluster mentoring programme", "starting_year", 2014)},
            id="a-name-sharing-only-cluster-is-another-programme",
        ),
        pytest.param(
            "Cluster funding",
            ["Kraftverk, the national cluster scheme, has run since 2018 and now covers 11 clusters."],
            {("Kraftverk", "starting_year", 2018), ("Kraftverk", "cluster_count", 11)},
            id="apposition-keeps-the-name",
        ),
        pytest.param(
            "Cluster funding",
            ["The oldest cluster in that programme, the Harbour Forum, was established in 1991."],
            {("Harbour Forum", "created_year", 1991)},
            id="trap-a-cluster-in-a-programme",
        ),
        pytest.param(
            "Our story",
            ["The State launched its competitiveness pole policy in 2004, and our pole was born in 2006 as Pôle Textile Nord."],
            {("competitiveness pole policy", "starting_year", 2004), ("Pôle Textile Nord", "created_year", 2006)},
            id="our-pole-is-not-the-policy",
        ),
        pytest.param(
            "Smart Industry Clusters",
            ["Smart Industry Clusters is the national programme for technology clusters.", "The Ministry launched the initiative with a public notice in 2013."],
            {("Smart Industry Clusters", "starting_year", 2013)},
            id="the-initiative-as-object",
        ),
        pytest.param(
            "Wine news",
            [
                "The Programme for Rural Competitiveness funds wine clusters.",
                "In 2010 the Government adopted the Strategy for Industrial Policy 2010-2020, which names clusters.",
            ],
            set(),
            id="trap-the-strategy-for-x-is-a-name",
        ),
        pytest.param(
            "Cluster policy in Spain",
            [
                "The Innovative Clusters Programme was launched in 2007.",
                "Two regional policies are shown too: Navarre, which started its cluster policy in 1995, and Aragon, which followed in 1998.",
            ],
            {("Innovative Clusters Programme", "starting_year", 2007)},
            id="trap-a-region-s-own-cluster-policy-is-not-the-named-programme",
        ),
        pytest.param(
            "Programmes of the ministry",
            ["The NETWORKS programme was launched in 2005.", "It was followed in 2009 by the ALLIANCE programme, which funded joint labs."],
            {("NETWORKS programme", "starting_year", 2005), ("ALLIANCE programme", "starting_year", 2009)},
            id="upper-case-names-and-a-passive-successor",
        ),
        pytest.param(
            "Cluster policy",
            ["Norway's national cluster programme, Klyngekraft, started on 1 March 2019.", "It funds 12 clusters."],
            {("Klyngekraft", "starting_year", 2019), ("Klyngekraft", "cluster_count", 12)},
            id="name-in-commas-after-its-description",
        ),
        pytest.param(
            "Cluster policy",
            ["The Vistula Hydrogen Cluster won the Cutting-Edge Cluster Competition.", "The competition, launched by the ministry in 2008, ran five rounds."],
            {("Cutting-Edge Cluster Competition", "starting_year", 2008)},
            id="the-competition",
        ),
    ],
)
def test_described_policy(h1: str, paragraphs: list[str], expected: set[tuple[str, str, object]]) -> None:
    assert page_facts(h1, "".join(f"<p>{p}</p>" for p in paragraphs)) == expected


def test_a_headline_programme_holding_centre_is_the_topic() -> None:
    body = (
        "<p>The Centre of Excellence Programme (CEP) was a national innovation programme of the country.</p>"
        "<p>It was launched by the government in 1997 and closed in 2012.</p>"
        "<p>The programme funded regional centres in six fields.</p>"
    )
    assert page_facts("Centre of Excellence Programme", body) == {
        ("Centre of Excellence Programme", "starting_year", 1997)
    }


@pytest.mark.parametrize(
    ("h1", "paragraphs", "expected"),
    [
        pytest.param(
            "Kalkverk – regional growth through shared labs",
            [
                "Kalkverk is the Agency's long-term programme for regional innovation systems.",
                "The programme was launched in 2002, and its first winners were chosen a year later.",
            ],
            {("Kalkverk", "starting_year", 2002)},
            id="headline-name-called-a-programme-by-a-possessive",
        ),
        pytest.param(
            "National cluster strategy | Ministry of Industry",
            ["The present strategy was adopted on 3 March 2019 at a meeting of the regional councils.", "The strategy funds joint projects."],
            {("National cluster strategy", "starting_year", 2019)},
            id="headline-describing-the-programme",
        ),
        pytest.param(
            "Glascluster Oberlausitz welcomes three new members",
            [
                "Three glassworks have joined the Glascluster Oberlausitz.",
                "The cluster was set up in 2009 as Netzwerk Glas and took its present name in 2016.",
            ],
            {("Glascluster Oberlausitz", "created_year", 2009), ("Netzwerk Glas", "renamed_to", "Glascluster Oberlausitz")},
            id="headline-opening-with-a-compound-cluster-name",
        ),
        pytest.param(
            "Harbour Cluster welcomes new partners",
            ["Tallinn, 4 May 2021", "Five shipyards have joined the Harbour Cluster, which now has 44 partners."],
            {("Harbour Cluster", "member_count", 44)},
            id="trap-a-dateline-under-a-headline-is-no-count",
        ),
        pytest.param(
            "National cluster programme | Agency",
            [
                "The programme funds the strategic plans of cluster associations.",
                "Since 2016 the agency has held an annual Cluster Day; the 2024 edition took place in Bilbao.",
            ],
            set(),
            id="trap-a-clause-before-a-semicolon-is-no-field",
        ),
        pytest.param(
            "Aero Valley",
            ["Aero Valley gathers 120 aviation firms.", "Since 2014 the association has held the status of a national key cluster."],
            {("Aero Valley", "member_count", 120)},
            id="trap-a-status-held-since-is-no-start",
        ),
    ],
)
def test_page_topic_and_fields(h1: str, paragraphs: list[str], expected: set[tuple[str, str, object]]) -> None:
    assert page_facts(h1, "".join(f"<p>{p}</p>" for p in paragraphs)) == expected


@pytest.mark.parametrize(
    "h1",
    [
        pytest.param("Review: Baltic Port Forum 2024 in Gdansk", id="review-is-no-name"),
        pytest.param("Annual meeting 2024 – Gdansk, 12 June", id="a-dateline-part-is-no-name"),
    ],
)
def test_headline_parts_that_name_no_topic(h1: str) -> None:
    body = "<p>The cluster was set up in 2011 and now has 70 members.</p>"
    assert page_facts(h1, body) == set()


def test_a_headline_alias_in_parentheses_is_left_out_of_the_topic() -> None:
    body = (
        "<p>The is-Cluster is an industry-led cluster for space technologies.</p>"
        "<dl><dt>Year of establishment</dt><dd>2011</dd><dt>Number of members</dt><dd>48</dd>"
        "<dt>Main sectors</dt><dd>Satellites; navigation software</dd></dl>"
        "<p>The space agency, which manages the cluster, also runs a test bed.</p>"
    )
    facts = page_facts("Iberian Space Technologies and Applications Cluster (is-Cluster)", body)
    assert facts == {
        ("Iberian Space Technologies and Applications Cluster", "created_year", 2011),
        ("Iberian Space Technologies and Applications Cluster", "member_count", 48),
    }


def test_a_described_programme_is_listed_only_with_a_fact() -> None:
    from pipeline.backend.html import parse_html
    from pipeline.models.nlp.claims import extract_prose_claims

    data = (
        "<html><head><title>Cluster policy</title></head><body><main><h1>Regional notes</h1>"
        "<p>The report gives an overview of the national cluster policy and of the regional cluster policy.</p>"
        "<p>The regional cluster programme was launched in 2015.</p></main></body></html>"
    ).encode()
    doc = parse_html(data, doc_id="d", uri="d.html", sha256="0")
    mentioned = {c.subject_name for c in extract_prose_claims(doc, country=None) if c.attribute == "mentioned"}
    assert mentioned == {"regional cluster programme"}
