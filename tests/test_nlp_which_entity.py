"""The right one of several entities: the object of a relative clause ("X, which the agency set
up in 2009"), each parenthesis its own date, a pronoun never a name, newcomers never a member
count, a person's tenure never an organisation's age, another body named in a field's value.

Every sentence here was written for these tests (our own wording), never copied from a page.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import page_facts


@pytest.mark.parametrize(
    ("h1", "paragraphs", "expected"),
    [
        pytest.param(
            "Space cluster grows",
            [
                "Patras, 3 March 2024 – The Ionian Space Applications Cluster (io-Space), which the Patras Business Network set up in 2011,"
                " has added nine companies to its membership.",
                "With the newcomers the cluster counts 64 members.",
            ],
            {
                ("Ionian Space Applications Cluster", "created_year", 2011),
                ("Ionian Space Applications Cluster", "member_count", 64),
            },
            id="object-relative-and-newcomers",
        ),
        pytest.param(
            "Water news",
            ["Nordfilter is a member of the Delta Water Alliance, the network of pump makers, labs and towns near Zwolle that was set up in 2007."],
            {("Delta Water Alliance", "created_year", 2007)},
            id="singular-relative-closing-an-apposition",
        ),
        pytest.param(
            "Water news",
            ["Nordfilter joined the Delta Water Alliance, the network of pump makers that were set up in the 1990s."],
            set(),
            id="trap-plural-relative-is-about-the-plural",
        ),
        pytest.param(
            "Suppliers of the south",
            ["Kempen Makers, the cooperative of precision-parts suppliers, started in 2011 and now has 64 members."],
            {("Kempen Makers", "created_year", 2011), ("Kempen Makers", "member_count", 64)},
            id="apposition-a-cooperative",
        ),
        pytest.param(
            "Health in the north",
            ["Tromso Health, the health innovation ecosystem of the city, was set up in 2017."],
            {("Tromso Health", "created_year", 2017)},
            id="apposition-an-innovation-ecosystem",
        ),
        pytest.param(
            "Clusters of the coast",
            [
                "The regional list also holds Costa Maritima, which has been operating since 2004.",
                "Costa Maritima is the oldest of the group.",
            ],
            {("Costa Maritima", "created_year", 2004)},
            id="untyped-name-before-a-relative-clause",
        ),
        pytest.param(
            "Textiles of the north",
            ["The Balti Textile Cluster has been functioning since 2018 and unites 14 sewing firms."],
            {("Balti Textile Cluster", "created_year", 2018), ("Balti Textile Cluster", "member_count", 14)},
            id="functioning-since",
        ),
        pytest.param(
            "Aerospace of the south",
            ["The Salento Aerospace District was instituted in 2008 by the region and 40 firms."],
            {("Salento Aerospace District", "created_year", 2008)},
            id="instituted",
        ),
        pytest.param(
            "Cluster policy",
            ["The Vardar Cluster Programme has been implemented since 2011."],
            {("Vardar Cluster Programme", "starting_year", 2011)},
            id="implemented-since",
        ),
        pytest.param(
            "Malta Games Cluster",
            ["The Malta Games Cluster has 40 members.", "The Kordin Business Park, which hosts the cluster, opened in 2012."],
            {("Malta Games Cluster", "member_count", 40)},
            id="trap-the-cluster-inside-a-host-s-relative-clause",
        ),
        pytest.param(
            "Ionian Games Cluster",
            ["The Ionian Games Cluster has 33 members.", "Techlink, the organisation that manages the cluster, was set up in 2004."],
            {("Ionian Games Cluster", "member_count", 33)},
            id="trap-the-manager-in-an-apposition",
        ),
        pytest.param(
            "Clusters of the province",
            ["The province set up the Glass Cluster (founded 1997) and the Timber Cluster (founded 2001)."],
            {("Glass Cluster", "created_year", 1997), ("Timber Cluster", "created_year", 2001)},
            id="each-parenthesis-its-own-date",
        ),
        pytest.param(
            "Marine-Cluster",
            [
                "The cluster was launched in 2006.",
                "It was the third cluster set up by the province, after the Food-Cluster (founded 1998)"
                " and the Wood-Cluster (founded 2000).",
            ],
            {
                ("Marine-Cluster", "created_year", 2006),
                ("Food-Cluster", "created_year", 1998),
                ("Wood-Cluster", "created_year", 2000),
            },
            id="it-is-no-name",
        ),
        pytest.param(
            "Machines of the east",
            [
                "The Tatra Machinery Cluster brings together 40 firms.",
                "Its chair Eva Novak, who has led the association since 2019, wants to double its size.",
            ],
            {("Tatra Machinery Cluster", "member_count", 40)},
            id="trap-a-person-s-tenure",
        ),
        pytest.param(
            "Machines of the east",
            ["The Ore Mountains Cluster has welcomed 14 firms this year and now counts 80 members."],
            {("Ore Mountains Cluster", "member_count", 80)},
            id="trap-welcomed-newcomers",
        ),
        pytest.param(
            "Valley welcomes its 50th member",
            [
                "The association Morava Data Valley, which ICT firms, the city and two colleges founded in 2011,"
                " welcomed its 50th member this week."
            ],
            {("Morava Data Valley", "created_year", 2011)},
            id="relative-clause-with-a-written-out-subject",
        ),
        pytest.param(
            "Wood",
            ["The Tyrol Wood Cluster, which works with the Alpine Saw Network founded in 2001, has grown fast."],
            {("Alpine Saw Network", "created_year", 2001)},
            id="trap-participle-after-a-name-in-a-relative-clause",
        ),
        pytest.param(
            "Textiles of the north",
            ["TEXNOR – the cluster of technical textiles – was founded in 2006 by firms and the regional university."],
            {("TEXNOR", "created_year", 2006)},
            id="apposition-between-dashes",
        ),
        pytest.param(
            "Anatolian Rail Cluster",
            ["Cluster was established in 4 May 2011 and involves suppliers of the rail industry."],
            {("Anatolian Rail Cluster", "created_year", 2011)},
            id="bare-cluster-noun-of-translated-english",
        ),
        pytest.param(
            "Anatolian Rail Cluster",
            ["Cluster policy was established in 2011 by the ministry."],
            set(),
            id="trap-bare-noun-is-a-modifier",
        ),
        pytest.param(
            "Micro and nano cluster grows",
            ["Nano4Med was founded in 2016 by device makers and two university labs, and it is hosted by the science park."],
            {("Nano4Med", "created_year", 2016)},
            id="camel-case-name-opening-the-sentence",
        ),
        pytest.param(
            "Space clusters of Attica",
            ["The ri-Cluster was set up in 2012.", "The ai-Cluster was established in May 2016 and has 33 members."],
            {("ri-Cluster", "created_year", 2012), ("ai-Cluster", "created_year", 2016), ("ai-Cluster", "member_count", 33)},
            id="lower-case-prefix-names",
        ),
        pytest.param(
            "Our history",
            ["2016 – The Plains Dairy Cluster is founded as a non-profit company."],
            {("Plains Dairy Cluster", "created_year", 2016)},
            id="founded-as-a-legal-form",
        ),
        pytest.param(
            "Two cable networks join forces",
            ["From 1 March 2022 the Drava Cable Network and the Mura Wire Forum continue as one organisation: WireHub Pannonia."],
            {("WireHub Pannonia", "created_year", 2022)},
            id="merger-told-as-one-organisation",
        ),
        pytest.param(
            "Loire plant poles merge",
            ["Since 1 January 2020, Hortipole, the Tours pole for seeds, and Grain Vallée form a single pole: Loire Plant Valley."],
            {("Loire Plant Valley", "created_year", 2020)},
            id="merger-told-as-a-single-pole",
        ),
        pytest.param(
            "Fjord tourism cluster",
            ["The Fjord Tourism Cluster was founded in 2013. Its Fjord Cluster House opened in 2018."],
            {("Fjord Tourism Cluster", "created_year", 2013)},
            id="trap-a-building-is-no-cluster",
        ),
        pytest.param(
            "Clusters of the Danube",
            [
                "The Union of Danube Clusters was founded in 2013 by nine cluster organisations.",
                "Last year we became members of the Serbian Association of Clusters; it was founded in 2009.",
            ],
            {("Union of Danube Clusters", "created_year", 2013), ("Serbian Association of Clusters", "created_year", 2009)},
            id="associations-of-clusters",
        ),
        pytest.param(
            "Defence suppliers",
            ["Starting with 41 companies, the Anatolian Defence Cluster currently has 290 members."],
            {("Anatolian Defence Cluster", "member_count", 290)},
            id="trap-the-count-it-started-with",
        ),
    ],
)
def test_which_entity(h1: str, paragraphs: list[str], expected: set[tuple[str, str, object]]) -> None:
    assert page_facts(h1, "".join(f"<p>{p}</p>" for p in paragraphs)) == expected


def test_a_case_study_headline_names_no_topic() -> None:
    assert page_facts("Case study: a wind merger", "<p>Today it has 325 members.</p>") == set()



@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("The Tatra Machinery Cluster associates 57 firms of the region.", 57, id="associates-as-a-verb"),
        pytest.param("The Tatra Machinery Cluster involves 31 partners from four districts.", 31, id="involves"),
        pytest.param("The Tatra Machinery Cluster reunites 44 companies of the valley.", 44, id="reunites-in-translated-english"),
        pytest.param("The Tatra Machinery Cluster groups on one site firms of every size.", None, id="trap-one-is-no-count"),
    ],
)
def test_membership_verbs(sentence: str, expected: int | None) -> None:
    facts = page_facts("Machines of the east", f"<p>{sentence}</p>")
    assert {v for _, a, v in facts if a == "member_count"} == ({expected} if expected else set())


def test_the_cooperative_stands_for_the_page_s_organisation() -> None:
    body = "<p>Kempen Makers was founded in 2011 by precision-parts suppliers.</p><p>The cooperative now has over 90 members.</p>"
    assert page_facts("Kempen Makers", body) == {
        ("Kempen Makers", "created_year", 2011),
        ("Kempen Makers", "member_count", 90),
    }


@pytest.mark.parametrize(
    ("h1", "body", "expected"),
    [
        pytest.param(
            "Pannon Wood Cluster",
            "<p>The Pannon Wood Cluster connects furniture makers of the west.</p><p>The founding assembly met in Sopron on 3 May 2007.</p>",
            {("Pannon Wood Cluster", "created_year", 2007)},
            id="the-founding-assembly",
        ),
        pytest.param(
            "Budweis Hydrogen Cluster",
            "<p>The Budweis Hydrogen Cluster links bus makers and labs.</p><p>Eleven firms signed the founding memorandum in March 2023.</p>",
            {("Budweis Hydrogen Cluster", "created_year", 2023)},
            id="signed-the-founding-memorandum",
        ),
        pytest.param(
            "News",
            "<p>The minister spoke at the founding assembly of the chamber in 2008.</p>",
            set(),
            id="trap-another-body-s-founding-assembly",
        ),
    ],
)
def test_a_founding_document_founds_the_page_s_organisation(h1: str, body: str, expected: set[tuple[str, str, object]]) -> None:
    assert page_facts(h1, body) == expected


def _dated_page_facts(h1: str, paragraphs: list[str], published: str) -> set[tuple[str, str, object]]:
    from pipeline.backend.html import parse_html
    from pipeline.models.nlp.claims import extract_prose_claims

    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    data = (
        f'<html><head><title>{h1}</title><meta property="article:published_time" content="{published}"></head>'
        f"<body><main><article><h1>{h1}</h1>{body}</article></main></body></html>"
    ).encode()
    doc = parse_html(data, doc_id="d", uri="d.html", sha256="0")
    claims = extract_prose_claims(doc, country=None)
    assert all(c.evidence.quote in doc.text for c in claims)
    return {(c.subject_name, c.attribute, c.value) for c in claims if c.attribute not in ("mentioned", "description", "abbreviation")}


@pytest.mark.parametrize(
    ("h1", "paragraphs", "expected"),
    [
        pytest.param(
            "Aviation news",
            ["The Silesian Aviation Alliance turns 15 this year! Its members build engines and seats."],
            {("Silesian Aviation Alliance", "created_year", 2008)},
            id="turns-n-this-year",
        ),
        pytest.param(
            "Aviation news",
            ["The Silesian Aviation Alliance turned twenty-five last year."],
            {("Silesian Aviation Alliance", "created_year", 1997)},
            id="turned-n-last-year",
        ),
        pytest.param(
            "Aviation news",
            ["The Silesian Aviation Alliance turned 140 suppliers into exporters."],
            set(),
            id="trap-turned-a-count-into",
        ),
        pytest.param(
            "Silesian Aviation Alliance",
            ["The Silesian Aviation Alliance builds engines.", "Thanks to our founding chair, who retired in 2016, and to all members."],
            set(),
            id="trap-a-founding-chair-is-a-role",
        ),
        pytest.param(
            "Cluster news",
            ["The Lublin Eco-Energy Cluster welcomed two firms.", "The Poznan Science and Technology Park was founded in 2001."],
            set(),
            id="trap-a-science-park-is-a-site",
        ),
        pytest.param(
            "Aquaculture network turns fourteen with record membership",
            ["Farmers and net makers meet in Bodo every spring."],
            set(),
            id="trap-a-headline-description-is-no-name",
        ),
    ],
)
def test_ages_and_roles(h1: str, paragraphs: list[str], expected: set[tuple[str, str, object]]) -> None:
    assert _dated_page_facts(h1, paragraphs, "2023-06-01") == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["The region's two marine clusters, SeaLink and Tay and Forth Marine, will merge.", "Both clusters were set up in 2017."],
            {("SeaLink", "created_year", 2017), ("Tay and Forth Marine", "created_year", 2017)},
            id="listed-after-two-clusters-then-both",
        ),
        pytest.param(
            ["The Kelp Cluster and the Oyster Cluster will merge next year.", "The two clusters were established in 2015."],
            {("Kelp Cluster", "created_year", 2015), ("Oyster Cluster", "created_year", 2015)},
            id="the-two-clusters",
        ),
        pytest.param(
            ["Plans were revealed to merge the region's two marine clusters, SeaLink and Tay and Forth Marine, into one body. Both were set up in 2017."],
            {("SeaLink", "created_year", 2017), ("Tay and Forth Marine", "created_year", 2017)},
            id="bare-both",
        ),
    ],
)
def test_pairs_and_listed_names(paragraphs: list[str], expected: set[tuple[str, str, object]]) -> None:
    assert page_facts("Marine clusters merge", "".join(f"<p>{p}</p>" for p in paragraphs)) == expected
