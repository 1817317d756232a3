"""Rule families added while tuning on the dev8 press split (issue 7): pages that speak of several
entities at once. A described reference ("the maritime cluster") stands for the name that holds its
describing word; an apposition that calls a name a company, maker or spin-off keeps its founding from
being a cluster's; a member company's own page ("We have been members of the cluster since ...") is
not about a cluster named like the company.

Every sentence and page here was written for these tests (our own wording of constructions seen on
agency, company and cluster pages), never copied; each case is checked on its own, with traps.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import extracted, page_facts


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["The agency works with the Baltic Amber Cluster and the Baltic Timber Cluster.", "The timber cluster was founded in 2009."],
            {("Baltic Timber Cluster", "created_year", 2009)},
            id="the-timber-cluster-next-paragraph",
        ),
        pytest.param(
            ["Both the Alpine Dairy Cluster and the Alpine Tourism Cluster met in Bolzano. The dairy cluster, set up in 2011, has 45 members."],
            {("Alpine Dairy Cluster", "created_year", 2011), ("Alpine Dairy Cluster", "member_count", 45)},
            id="the-dairy-cluster-apposition-and-count",
        ),
        pytest.param(
            ["Rita Lobo manages the Douro Cork Cluster and the Minho Footwear Cluster.", "The cork cluster has 74 members; the footwear cluster was created in 2017."],
            {("Douro Cork Cluster", "member_count", 74), ("Minho Footwear Cluster", "created_year", 2017)},
            id="two-described-references-in-one-sentence",
        ),
        pytest.param(
            ["We work with the North Sea Cluster and the Baltic Timber Cluster. The timber cluster was founded in 2009."],
            {("Baltic Timber Cluster", "created_year", 2009)},
            id="trap-the-last-named-cluster-is-not-the-timber-cluster",
        ),
    ],
)
def test_a_described_reference_stands_for_the_name_holding_its_word(
    paragraphs: list[str], expected: set[tuple[str, str, object]]
) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["SmartFab, a spin-off company set up in 2022 by researchers, has joined the Łódź Textile Cluster."],
            set(),
            id="a-spin-off-company-set-up",
        ),
        pytest.param(
            ["Nordic Bolt, the Tampere maker of fasteners founded in 1962, joined the Pirkanmaa Metal Cluster last year."],
            set(),
            id="the-maker-of-founded",
        ),
        pytest.param(
            ["Greenpack, a packaging start-up launched in 2021, is a member of the Plastics Cluster Styria."],
            set(),
            id="a-start-up-launched",
        ),
        pytest.param(
            ["Automation Valley Franconia, a network of automation suppliers and institutes, was set up in 2007."],
            {("Automation Valley Franconia", "created_year", 2007)},
            id="trap-a-network-of-suppliers-is-a-cluster",
        ),
    ],
)
def test_an_apposition_naming_a_company_keeps_its_founding_out(
    paragraphs: list[str], expected: set[tuple[str, str, object]]
) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    ("h1", "body", "expected"),
    [
        pytest.param(
            "Kvarner Propeleri wins the cluster innovation award",
            "<p>Our propeller received the innovation award of the Adriatic Blue Cluster at its assembly in Split.</p>"
            "<p>We have been members of the cluster since it was established in 2013. Founded in 1995, Kvarner"
            " Propeleri employs 85 people.</p>",
            {("Adriatic Blue Cluster", "created_year", 2013)},
            id="we-have-been-members-of-the-cluster",
        ),
        pytest.param(
            "Hidrovalv joins the Ebro Water Cluster",
            "<p>Since February we are members of the Ebro Water Cluster, which was set up in 2011.</p>"
            "<p>Established in 1962, Hidrovalv makes valves for waterworks.</p>",
            {("Ebro Water Cluster", "created_year", 2011)},
            id="we-are-members-of-which-was-set-up",
        ),
        pytest.param(
            "Nordtek becomes part of the Arctic Robotics Cluster",
            "<p>Nordtek has joined the Arctic Robotics Cluster, launched in 2015 by the university.</p>"
            "<p>Founded in 1999, Nordtek designs grippers and has 40 employees.</p>",
            {("Arctic Robotics Cluster", "created_year", 2015)},
            id="name-has-joined-the-cluster",
        ),
        pytest.param(
            "Textra turns ten",
            "<p>Textra is the textile network of the Rhine valley. We were founded in 2015 and today we have 60 members.</p>",
            {("Textra", "created_year", 2015), ("Textra", "member_count", 60)},
            id="trap-the-network-speaking-of-its-own-members",
        ),
    ],
)
def test_a_member_companys_page_is_not_about_a_cluster_named_like_it(
    h1: str, body: str, expected: set[tuple[str, str, object]]
) -> None:
    assert page_facts(h1, body) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Holzcluster Tirol, the wood cluster of Tyrol, links sawmills and carpenters.",
             "The association, created in 2004 by the chamber, has managed the cluster since its launch in 2008."],
            {("Holzcluster Tirol", "created_year", 2008)},
            id="the-association-created-has-managed-the-cluster",
        ),
        pytest.param(
            ["The Adriatic ICT Association, an industry body founded in 2009, hosts the Split ICT Cluster, which it initiated in 2015."],
            {("Split ICT Cluster", "created_year", 2015)},
            id="a-body-founded-hosts-the-cluster",
        ),
        pytest.param(
            ["Cluster Services Baltic, set up in 2001, runs the Riga Battery Cluster."],
            set(),
            id="a-company-set-up-runs-the-cluster",
        ),
        pytest.param(
            ["The Baltic Food Cluster, founded in 2010, has run an export academy since 2014."],
            {("Baltic Food Cluster", "created_year", 2010)},
            id="trap-the-cluster-runs-an-academy",
        ),
    ],
)
def test_the_manager_of_a_cluster_is_not_the_cluster(
    paragraphs: list[str], expected: set[tuple[str, str, object]]
) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["The cluster opened its office under the Carinthian Cluster Programme of 2006."],
            {("Carinthian Cluster Programme", "starting_year", 2006)},
            id="under-the-programme-of-year",
        ),
        pytest.param(
            ["Projects must follow the Styrian Cluster Strategy of 2013 and its later update."],
            {("Styrian Cluster Strategy", "starting_year", 2013)},
            id="the-strategy-of-year",
        ),
        pytest.param(
            ["Under the Regional Cluster Programme of 2014-2020 the region funded nine clusters."],
            {("Regional Cluster Programme", "cluster_count", 9)},
            id="trap-programme-of-a-period",
        ),
        pytest.param(
            ["In the call of 2019 the Lakeland Cluster Programme funded six clusters."],
            {("Lakeland Cluster Programme", "cluster_count", 6)},
            id="trap-a-call-of-year",
        ),
    ],
)
def test_a_programme_of_a_year_starts_in_that_year(
    paragraphs: list[str], expected: set[tuple[str, str, object]]
) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["The textile cluster Moldova Textil Nord, which is functioning since 2013 in form of association, reunites 52 members."],
            {("Moldova Textil Nord", "created_year", 2013), ("Moldova Textil Nord", "member_count", 52)},
            id="is-functioning-since",
        ),
        pytest.param(
            ["The Ebro Water Cluster brings together water firms.", "The cluster started life in 2011 as a small working table of eight firms."],
            {("Ebro Water Cluster", "created_year", 2011)},
            id="started-life-in",
        ),
        pytest.param(
            ["Smart Marine Tampere was spun off from the regional network as a separate association on 1 September 2024."],
            {("Smart Marine Tampere", "created_year", 2024)},
            id="was-spun-off",
        ),
        pytest.param(
            ["The Oulu Health Cluster brings together 80 firms. Its first spin-off project started in 2019 with four hospitals."],
            {("Oulu Health Cluster", "member_count", 80)},
            id="trap-a-project-started",
        ),
    ],
)
def test_more_start_verbs(paragraphs: list[str], expected: set[tuple[str, str, object]]) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Smart Marine Tampere left the Pirkanmaa Manufacturing Network this year.",
             "The parent network itself dates back to 2002.", "It has 140 member companies today."],
            {("Pirkanmaa Manufacturing Network", "created_year", 2002), ("Pirkanmaa Manufacturing Network", "member_count", 140)},
            id="the-network-itself-then-it",
        ),
        pytest.param(
            ["The Odense Robotics Cluster supports robot makers. Its office is in the Odense StartUp Hub.",
             "The cluster was set up in 2011 by the municipality."],
            {("Odense Robotics Cluster", "created_year", 2011)},
            id="the-cluster-is-the-cluster-not-the-hub",
        ),
        pytest.param(
            ["Members of the Łódź Textile Cluster met at the university. The cluster was established in 2007.",
             "The university, founded in 1945, celebrates its 80th anniversary next year."],
            {("Łódź Textile Cluster", "created_year", 2007)},
            id="trap-its-anniversary-is-the-universitys",
        ),
    ],
)
def test_a_described_reference_is_the_entity_spoken_of(
    paragraphs: list[str], expected: set[tuple[str, str, object]]
) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "<p>The scheme funds cluster organisations.</p><table><tr><th>Cluster</th><th>Cluster organisation established</th>"
            "<th>In the programme since</th></tr><tr><td>Latgale Food Cluster</td><td>2011</td><td>2016</td></tr></table>",
            {("Latgale Food Cluster", "created_year", 2011)},
            id="established-column-not-in-the-programme-since",
        ),
        pytest.param(
            "<p>Regional clusters:</p><table><tr><th>Cluster</th><th>Member since</th><th>Founded</th></tr>"
            "<tr><td>Kaunas Laser Cluster</td><td>2019</td><td>2013</td></tr></table>",
            {("Kaunas Laser Cluster", "created_year", 2013)},
            id="founded-column-not-member-since",
        ),
        pytest.param(
            "<p>Clusters in the register:</p><table><tr><th>Cluster</th><th>Status since</th><th>Members</th></tr>"
            "<tr><td>Pannon Wood Cluster</td><td>2012</td><td>41</td></tr></table>",
            {("Pannon Wood Cluster", "member_count", 41)},
            id="trap-status-since-only",
        ),
    ],
)
def test_a_joining_column_is_no_start(body: str, expected: set[tuple[str, str, object]]) -> None:
    assert page_facts("Clusters of the region", body) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["The agency has implemented the Latvian Cluster Programme since 2009."],
            {("Latvian Cluster Programme", "starting_year", 2009)},
            id="has-implemented-since",
        ),
        pytest.param(
            ["The innovation agency has administered the Vinnväxt programme since 2001."],
            {("Vinnväxt programme", "starting_year", 2001)},
            id="has-administered-since",
        ),
        pytest.param(
            ["The Nordic Food Cluster, the network of growers, Lund University and two dairies, was founded in 2010."],
            {("Nordic Food Cluster", "created_year", 2010)},
            id="apposition-with-a-list-and-a-name-inside",
        ),
        pytest.param(
            ["The regional bank has delivered loans to the Baltic Wood Cluster since 2012."],
            set(),
            id="trap-delivered-loans-to-since",
        ),
    ],
)
def test_more_programme_and_apposition_starts(paragraphs: list[str], expected: set[tuple[str, str, object]]) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["The ministry supports clusters. It launched in 2015 the programme Pannon Net, which funds cluster managers."],
            {("Pannon Net", "starting_year", 2015)},
            id="launched-in-year-the-programme-name",
        ),
        pytest.param(
            ["Cluster managers in the county can apply to the scheme Tatra Link, which the county introduced in 2018."],
            {("Tatra Link", "starting_year", 2018)},
            id="the-scheme-name-which-introduced",
        ),
        pytest.param(
            ["The Vejle Water Cluster was set up in 2012 under the municipal programme Vejle Vækst, which had been adopted in 2010."],
            {("Vejle Water Cluster", "created_year", 2012), ("Vejle Vækst", "starting_year", 2010)},
            id="the-programme-name-which-had-been-adopted",
        ),
        pytest.param(
            ["The cluster manager presented in 2019 the results of the Baltic Wood Cluster to the board."],
            set(),
            id="trap-presented-in-year-results-of-a-cluster",
        ),
    ],
)
def test_a_programme_named_after_its_head_noun(paragraphs: list[str], expected: set[tuple[str, str, object]]) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Vilnius Photonics Cluster – created in 2013, 21 member companies;"],
            {("Vilnius Photonics Cluster", "created_year", 2013), ("Vilnius Photonics Cluster", "member_count", 21)},
            id="directory-line-start-then-count",
        ),
        pytest.param(
            ["Nemunas Dairy Cluster – established 2019, 15 members."],
            {("Nemunas Dairy Cluster", "created_year", 2019), ("Nemunas Dairy Cluster", "member_count", 15)},
            id="directory-line-established-year-then-count",
        ),
        pytest.param(
            ["The Baltic Food Cluster was founded in 2008 by 12 firms, 3 of them bakeries."],
            {("Baltic Food Cluster", "created_year", 2008)},
            id="trap-founders-after-the-year",
        ),
    ],
)
def test_a_count_after_a_founding_segment_is_todays(
    paragraphs: list[str], expected: set[tuple[str, str, object]]
) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["The Aarhus Water Cluster was launched in 2011.",
             "In 2016 its office moved into the Aarhus Innovation Hub, and in 2020 the cluster was renamed Water Valley Denmark."],
            {("Aarhus Water Cluster", "created_year", 2011), ("Aarhus Water Cluster", "renamed_to", "Water Valley Denmark")},
            id="the-cluster-was-renamed-after-another-name",
        ),
        pytest.param(
            ["The Gdansk Maritime Cluster started in 2009. Its members use the Baltic Test Hub, and in 2021 the cluster was renamed Baltic Blue Cluster."],
            {("Gdansk Maritime Cluster", "created_year", 2009), ("Gdansk Maritime Cluster", "renamed_to", "Baltic Blue Cluster")},
            id="hub-then-the-cluster-renamed",
        ),
        pytest.param(
            ["The cluster for information technology, Euronest IT&C Hub, was launched in 2014 at Iasi."],
            {("Euronest IT&C Hub", "created_year", 2014)},
            id="a-description-then-the-name",
        ),
        pytest.param(
            ["Malta Enterprise signed agreements with the Malta Maritime Cluster. Malta Enterprise, set up in 2004, funds the clusters."],
            set(),
            id="trap-an-enterprise-agency-is-no-cluster",
        ),
    ],
)
def test_the_right_entity_in_a_sentence_of_several(
    paragraphs: list[str], expected: set[tuple[str, str, object]]
) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ['In the panel, the Niš Construction Cluster "Dunđer", established in 2007, presented export missions.'],
            {("Niš Construction Cluster", "created_year", 2007)},
            id="quoted-alias-then-participle",
        ),
        pytest.param(
            ["The Tisza Wine Cluster “Borvidék”, founded in 2012, has 30 members."],
            {("Tisza Wine Cluster", "created_year", 2012), ("Tisza Wine Cluster", "member_count", 30)},
            id="curly-quoted-alias-then-participle",
        ),
        pytest.param(
            ["Among the clusters: Aviation Valley (Rzeszów) – association since 2003; status since 2015."],
            {("Aviation Valley", "created_year", 2003)},
            id="list-item-association-since",
        ),
        pytest.param(
            ["Nordtek has been a member of the Baltic Wood Cluster association since 2015."],
            set(),
            id="trap-member-of-the-association-since",
        ),
    ],
)
def test_terse_list_items_and_quoted_aliases(paragraphs: list[str], expected: set[tuple[str, str, object]]) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Baltic Eco-Energy Cluster (Gdańsk) – founded 2009 as Pomeranian Eco-Energy Cluster, present name since 2014; status since 2022"],
            {("Baltic Eco-Energy Cluster", "created_year", 2009),
             ("Pomeranian Eco-Energy Cluster", "renamed_to", "Baltic Eco-Energy Cluster")},
            id="founded-as-comma-present-name-since",
        ),
        pytest.param(
            ["The Tyrol Food Cluster was founded in 2008 as Tyrol Food Forum, renamed in 2015."],
            {("Tyrol Food Cluster", "created_year", 2008), ("Tyrol Food Forum", "renamed_to", "Tyrol Food Cluster")},
            id="founded-as-comma-renamed",
        ),
        pytest.param(
            ["The Tyrol Food Cluster was founded in 2008 as a small sawmill, renamed in 2015."],
            set(),
            id="trap-founded-as-a-company",
        ),
    ],
)
def test_founded_as_then_a_terse_rename(paragraphs: list[str], expected: set[tuple[str, str, object]]) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    ("h1", "body", "expected"),
    [
        pytest.param(
            "Frequently asked questions",
            "<h2>Who are you?</h2><p>The Engadin Timber Network is the association of foresters and sawmills.</p>"
            "<h2>Since when do you exist?</h2><p>Since 1999. Seven sawmills started it after a storm.</p>"
            "<h2>How many members do you have?</h2><p>125, of which 20 are in Ticino.</p>",
            {("Engadin Timber Network", "created_year", 1999), ("Engadin Timber Network", "member_count", 125)},
            id="since-when-and-how-many",
        ),
        pytest.param(
            "Questions and answers",
            "<p>The Lapland Wellness Network brings together spas and guides.</p>"
            "<h2>When were you founded?</h2><p>In 2014, by eight spa hotels.</p>"
            "<h2>How big are you?</h2><p>Around 60 members today.</p>",
            {("Lapland Wellness Network", "created_year", 2014), ("Lapland Wellness Network", "member_count", 60)},
            id="when-were-you-founded-how-big",
        ),
        pytest.param(
            "FAQ",
            "<p>The Drava Wood Cluster connects carpenters in Carinthia and Slovenia.</p>"
            "<h2>How old are you?</h2><p>We started in 2011.</p>",
            {("Drava Wood Cluster", "created_year", 2011)},
            id="how-old-are-you",
        ),
        pytest.param(
            "FAQ",
            "<p>The Drava Wood Cluster connects carpenters in Carinthia and Slovenia.</p>"
            "<h2>How much does membership cost?</h2><p>350 euros a year.</p>"
            "<h2>When is the next meeting?</h2><p>On 14 March 2026 in Villach.</p>",
            set(),
            id="trap-fee-and-meeting-date",
        ),
    ],
)
def test_an_faq_answer_gives_the_organisations_start_and_count(
    h1: str, body: str, expected: set[tuple[str, str, object]]
) -> None:
    assert page_facts(h1, body) == expected
