"""Whom a page is about when its headline does not say (issue 7, discourse): the <head> title
(og:title, else <title>) behind a generic headline, and the one cluster a page names.

Every page here was written for these tests; the constructions are paraphrases of ones seen on
cluster organisations' "About us", "Our story" and FAQ pages, never copies.
"""

from __future__ import annotations

import html

import pytest

from pipeline.backend.html import parse_html
from pipeline.models.nlp.claims import extract_prose_claims

Fact = tuple[str, str, object]


def page(h1: str, *paragraphs: str, og_title: str | None = None, title: str | None = None) -> bytes:
    head = f"<title>{html.escape(title or og_title or h1)}</title>"
    if og_title:
        head += f'<meta property="og:title" content="{html.escape(og_title)}">'
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<html><head>{head}</head><body><nav><a href='/'>Home</a></nav><main><article>"
        f"<h1>{html.escape(h1)}</h1>{body}</article></main><footer><p>Imprint</p></footer></body></html>"
    ).encode()


def extracted(data: bytes) -> set[Fact]:
    doc = parse_html(data, doc_id="d", uri="d.html", sha256="0")
    claims = extract_prose_claims(doc, country=None)
    for claim in claims:  # evidence is sacred: every quote, the antecedent's included, is in the page
        for evidence in (claim.evidence, *claim.extra_evidence):
            assert evidence.quote in doc.text
    return {(c.subject_name, c.attribute, c.value) for c in claims if c.attribute != "mentioned"}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            page(
                "About us",
                "In 2011 the regional government set up Agrovalley to connect farmers and food processors.",
                "Today Agrovalley has 85 members.",
                og_title="Agrovalley – the agri-food cluster of Zealand",
            ),
            {("Agrovalley", "created_year", 2011), ("Agrovalley", "member_count", 85)},
            id="og-title-behind-about-us",
        ),
        pytest.param(
            page(
                "Our story",
                "We were founded in 2009 by a group of sawmills.",
                "Since then we have grown to 64 members.",
                og_title="Baltic Wood Network",
            ),
            {("Baltic Wood Network", "created_year", 2009), ("Baltic Wood Network", "member_count", 64)},
            id="first-person-name-only-in-og-title",
        ),
        pytest.param(
            page(
                "About us",
                "The hub was established in 2016 by eight energy companies.",
                "It has 81 members today.",
                title="Hydrogen Hub Vestland",
            ),
            {("Hydrogen Hub Vestland", "created_year", 2016), ("Hydrogen Hub Vestland", "member_count", 81)},
            id="reference-name-only-in-title",
        ),
        pytest.param(
            page(
                "Frequently asked questions",
                "When was the network created?",
                "The network was created in spring 2012 by eight component suppliers.",
                "How many members does it have?",
                "It has 64 members at the last count.",
                "Contact: Adriatic Automotive Network, Rijeka.",
            ),
            {("Adriatic Automotive Network", "created_year", 2012), ("Adriatic Automotive Network", "member_count", 64)},
            id="sole-cluster-named-after-the-references",
        ),
        pytest.param(
            page(
                "Our history",
                "Since our launch in 2014, we have advised the cluster members on more than 200 grid projects.",
                og_title="GridLab Flanders",
            ),
            {("GridLab Flanders", "created_year", 2014)},
            id="first-person-possessive-nominal",
        ),
        pytest.param(
            page(
                "About us",
                "The food cluster links farmers, processors and retailers of the region in joint projects.",
                "Established: 2007",
                "Members: 90",
                og_title="Agrinova",
            ),
            {("Agrinova", "created_year", 2007), ("Agrinova", "member_count", 90)},
            id="structured-fields-name-only-in-og-title",
        ),
        pytest.param(
            page(
                "About",
                "Klaster Podhale Wood has been active since 2009. The klaster links joiners, sawmills and designers.",
                og_title="Klaster Podhale Wood",
            ),
            {("Klaster Podhale Wood", "created_year", 2009)},
            id="leading-cluster-noun-in-another-language",
        ),
        pytest.param(
            page(
                "Milestones",
                "From an apprentice scheme to a regional network for wood processing: the main steps.",
                "2001 Founding of the association Holzforum Kärnten in Villach",
                "2012 Renamed Carinthian Timber Network",
                "2019 The 80th member joins",
                "Today 96 member companies",
                og_title="Carinthian Timber Network",
            ),
            {
                ("Holzforum Kärnten", "created_year", 2001),
                ("Holzforum Kärnten", "renamed_to", "Carinthian Timber Network"),
                ("Carinthian Timber Network", "member_count", 96),
            },
            id="timeline-entries",
        ),
        pytest.param(
            page(
                "Cluster Development Scheme",
                "The ministry runs the scheme and funds joint projects of firms and research bodies.",
                "Launched: 2012",
                "Clusters supported: 17",
            ),
            {("Cluster Development Scheme", "starting_year", 2012), ("Cluster Development Scheme", "cluster_count", 17)},
            id="programme-fields",
        ),
        pytest.param(
            page(
                "Member directory",
                "Our association groups 60 cluster organisations. Selected entries:",
                "Danube Textile Cluster (DTC) · Ruse · est. 2012 · 54 members",
                "Black Sea Energy Cluster · Varna · since 2008 · 40+ members",
                og_title="Member directory | Bulgarian Cluster Association",
            ),
            {
                ("Danube Textile Cluster", "abbreviation", "DTC"),
                ("Danube Textile Cluster", "created_year", 2012),
                ("Danube Textile Cluster", "member_count", 54),
                ("Black Sea Energy Cluster", "created_year", 2008),
                ("Black Sea Energy Cluster", "member_count", 40),
            },
            id="directory-lines",
        ),
        pytest.param(
            page(
                "Annual report 2024",
                "The Vistula IT Klaster connects software firms of the region.",
                "Membership at 31 December 2024: 64 (2023: 58).",
            ),
            {("Vistula IT Klaster", "member_count", 64)},
            id="membership-field-with-a-date-in-its-label",
        ),
        pytest.param(
            page(
                "Vacancy: project officer",
                "Founded in 2016 in Évora, AgroAlentejo brings together more than 70 companies, 6 research centres and 2 polytechnics.",
                title="Vacancy: project officer | AgroAlentejo",
            ),
            {("AgroAlentejo", "created_year", 2016), ("AgroAlentejo", "member_count", 78)},
            id="fronted-participle-before-an-untyped-name",
        ),
    ],
)
def test_page_subject(data: bytes, expected: set[Fact]) -> None:
    assert extracted(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            page("About us", "We were founded in 2009 by a group of sawmills.", title="About us | Home"),
            id="no-name-anywhere",
        ),
        pytest.param(
            page(
                "News",
                "The network was created in 2012.",
                "Adriatic Automotive Network and Pannon Mechatronics Network met in Zagreb.",
            ),
            id="two-clusters-no-sole-subject",
        ),
        pytest.param(
            page("Who we are", "We were founded in 2009 by a group of sawmills.", og_title="Ministry of Forestry"),
            id="head-title-not-a-cluster",
        ),
    ],
)
def test_no_page_subject(data: bytes) -> None:
    assert extracted(data) == set()


TABLE_PAGE = (
    b"<html><head><title>Fact sheet</title><meta property='og:title' content='Fjord Robotics Cluster - fact sheet'>"
    b"</head><body><main><article><h1>Fact sheet</h1><table><tr><th>Founded</th><td>14.06.2016 (as Trondheim "
    b"Robot Forum)</td></tr><tr><th>Members</th><td>85</td></tr></table><p>The cluster connects makers of "
    b"underwater drones and their customers.</p></article></main></body></html>"
)


def test_date_in_a_table_cell_is_a_field_value() -> None:
    doc = parse_html(TABLE_PAGE, doc_id="d", uri="d.html", sha256="0")
    assert doc.published is None
    assert [b.kind for b in doc.blocks if "2016" in b.text] == ["paragraph"]
    assert extracted(TABLE_PAGE) == {
        ("Fjord Robotics Cluster", "created_year", 2016),
        ("Fjord Robotics Cluster", "member_count", 85),
        ("Trondheim Robot Forum", "renamed_to", "Fjord Robotics Cluster"),
    }
