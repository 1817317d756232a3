"""Names the text itself calls clusters, and dates told in other ways (sixth session of #7):

- a name that opens a sentence, followed by one that opens with "The cluster", is a cluster
  ("Blue Fjord Foods, founded in 2012 in Bodø, keeps its label … The cluster has 90 members");
  "The cluster" opening a sentence on a page that named none stands for the organisation that
  opened the sentence before, never for a person;
- an apposition may end with its own dated participle ("X, the optics network set up in 1998 by
  firms around the university, links …");
- a headline "A joins B" is about B, not about the new member A;
- a participial aside "created under the Y project" stands between a subject and its passive verb;
- "was put into force" starts a programme;
- a one-word compound ending in a cluster noun ("Autoklastr", "Agrocluster") is a cluster name,
  not a label such as "Supercluster" or "Spitzencluster";
- in a list item that opens with a cluster's name alone as a sentence, a later sentence opening
  with its trigger is about that name ("Podillia IT Cluster. Launched in 2018, the youngest …").
- "it" reaches back past a country's name ("… in the Czech Republic. It was established …");
  "the cluster" after a semicolon is the organisation that opened the clause before;
- a legal form taken on ("set up as a foundation", "registered as an association") is a start
  only when the page gives the organisation no other, and then the earliest such year.
- "X followed a year later, in 2012" / "followed two years later" starts a cluster after another;
  a programme level's prefix makes a name a cluster ("NCE Subsea Robotics"), but not the level
  itself ("Arena Pro clusters"); a lower-case word glued by a hyphen stays in a name ("Bio-based
  Clusters Network");
- "X was founded in 1999 and is the managing authority of …" founds no cluster, nor does the
  association a cluster "is run by" (unless its name is a cluster's);
- "X, the association of electronics and software firms" makes X a cluster, but not the
  association of firms that founded one ("created by APMA, the association of …");
- "the federation", "the network", "the association" that counts clusters as its members stands
  for the association of clusters the page described with that noun, before a nearer member;
- "It" opening a sentence continues the subject of the sentence before ("The cluster was one of
  the first under the X programme, which … It now brings together 70 firms"); an indefinite
  description ("is a Greek cluster of …") is no name;
- a timeline entry "2011 – New name: X" or "2011 – Renamed X" renames the organisation named
  before the entry, never a status it took ("Recognised … as a Competitiveness Pole");
- a "Formerly" / "Former name" field renames its old name to the name the section is about;
- a name before a lower-case "measure", "scheme" or "status" names a programme ("The LinkUp
  measure was introduced in 2017");
- a label awarded ("was labelled a pôle de compétitivité") is a start only when nothing else is
  said; a design office, a park, a firm founded "by two brothers" or that "employs 540 people" is
  no cluster, nor is what "started in 2021 as a start-up project" (but "as a spin-off of the
  X network" is);
- a directory entry's text opening with a subjectless trigger right under its heading ("<h2>Tyrol
  Wood Network</h2><p>Founded 2009. …</p>") dates the heading's organisation.

Every sentence here was written for these tests (our own wording), never copied from a page.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import page_facts


def paragraphs_facts(h1: str, paragraphs: list[str]) -> set:
    """The facts of a page made of these paragraphs under this headline."""
    return page_facts(h1, "".join(f"<p>{p}</p>" for p in paragraphs))


@pytest.mark.parametrize(
    ("h1", "paragraphs", "expected"),
    [
        pytest.param(
            "Fish cluster keeps its top label",
            [
                ("Blue Fjord Foods, founded in 2012 in Bodø, keeps its place at the top level of the national programme. "
                "The cluster has 90 members, from trawler owners to packaging firms.")
            ],
            {("Blue Fjord Foods", "created_year", 2012), ("Blue Fjord Foods", "member_count", 90)},
            id="name-called-the-cluster-in-the-next-sentence",
        ),
        pytest.param(
            "Fish cluster keeps its top label",
            [
                ("Blue Fjord Foods, founded in 2012 in Bodø, keeps its place at the top level of the national programme. "
                "Its managers expect more exports.")
            ],
            set(),
            id="trap-name-nobody-calls-a-cluster",
        ),
        pytest.param(
            "Health technology meets in Aarhus",
            [
                ("Medtech Jutland Partners presented its new strategy in Aarhus on Monday. "
                "The cluster was formed in 2009 by the region and four hospitals.")
            ],
            {("Medtech Jutland Partners", "created_year", 2009)},
            id="the-cluster-after-a-sentence-opening-with-a-name",
        ),
        pytest.param(
            "Health technology meets in Aarhus",
            [
                ("Karen Holm presented the new strategy in Aarhus on Monday. "
                "The cluster was formed in 2009 by the region and four hospitals. Holm wants more members.")
            ],
            set(),
            id="trap-the-cluster-after-a-person",
        ),
        pytest.param(
            "Optics news",
            [
                ("PhotonNet Saxony, the optics network set up in 1998 by firms and institutes around the "
                "technical university, links the lens makers of the state.")
            ],
            {("PhotonNet Saxony", "created_year", 1998)},
            id="apposition-ending-with-its-dated-participle",
        ),
        pytest.param(
            "Vitrum Lenses joins PhotonNet Saxony",
            [
                "Vitrum Lenses, a maker of precision glass, has become a member.",
                ("PhotonNet Saxony, the optics network set up in 1998 by firms and institutes around the "
                "technical university, links the lens makers of the state. With Vitrum, the network counts 88 members."),
            ],
            {("PhotonNet Saxony", "created_year", 1998), ("PhotonNet Saxony", "member_count", 88)},
            id="headline-a-joins-b-is-about-b",
        ),
        pytest.param(
            "Cross-border cluster one year on",
            [
                ("The Adriatic Heritage Tourism Cluster, created under the HERITOUR project of the "
                "Interreg programme, was formally constituted in Bari on 4 May 2020.")
            ],
            {("Adriatic Heritage Tourism Cluster", "created_year", 2020)},
            id="created-under-aside-before-passive",
        ),
        pytest.param(
            "ExpoGrow: export groups of small firms",
            [
                "The Export Groups Support programme (EGS) was put into force on 2 March 2011 under the Decree 2011/4."
            ],
            {("Export Groups Support programme", "starting_year", 2011)},
            id="put-into-force",
        ),
        pytest.param(
            "Agrocluster as a voice of the growers",
            ["Agrocluster was established in 2009 to support the exports of its members."],
            {("Agrocluster", "created_year", 2009)},
            id="one-word-compound-cluster-name",
        ),
        pytest.param(
            "Big science",
            ["Supercluster was established in 2009 as a word for very large groups of galaxies."],
            set(),
            id="trap-supercluster-is-no-name",
        ),
    ],
)
def test_names_the_text_calls_clusters(h1: str, paragraphs: list[str], expected: set) -> None:
    assert paragraphs_facts(h1, paragraphs) == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        pytest.param(
            [
                "Lutsk IT Cluster. Launched in 2018, the youngest of the four counts 28 members.",
                "Rivne IT Cluster. Founded in 2016 by twelve firms, it now counts 60 members.",
            ],
            {
                ("Lutsk IT Cluster", "created_year", 2018),
                ("Lutsk IT Cluster", "member_count", 28),
                ("Rivne IT Cluster", "created_year", 2016),
                ("Rivne IT Cluster", "member_count", 60),
            },
            id="list-item-name-alone-then-fronted-trigger",
        ),
        pytest.param(
            ["Lutsk IT Cluster. Last year, the agency launched a training call for its members."],
            set(),
            id="trap-list-item-trigger-with-another-subject",
        ),
    ],
)
def test_list_item_opening_with_a_name_alone(items: list[str], expected: set) -> None:
    body = "<p>The clusters of the west.</p><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    assert {f for f in page_facts("IT clusters of the west", body)} == expected


@pytest.mark.parametrize(
    ("h1", "paragraphs", "expected"),
    [
        pytest.param(
            "Bohemian Cluster Union – Czech Republic",
            [
                ("The Bohemian Cluster Union (BCU) is a non-profit body that speaks for cluster organisations in the "
                "Czech Republic. It was established in 2009 by six clusters.")
            ],
            {("Bohemian Cluster Union", "created_year", 2009)},
            id="it-past-a-country-name",
        ),
        pytest.param(
            "Report: Maritime Day West 2024",
            [
                "The Bergen Ship Cluster showed its new test basin.",
                ("Ocean Data Norge presented its sensor projects; the cluster was formed in 2013 by "
                "three universities and has about 80 member organisations."),
            ],
            {("Ocean Data Norge", "created_year", 2013), ("Ocean Data Norge", "member_count", 80)},
            id="the-cluster-after-a-semicolon-is-the-clause-subject",
        ),
        pytest.param(
            "University hosts the dairy cluster",
            [
                ("Dairy Tartu, the milk processing cluster initiated by the faculty together with four dairies, "
                "was founded in 2015. It brings together 22 companies.")
            ],
            {("Dairy Tartu", "created_year", 2015), ("Dairy Tartu", "member_count", 22)},
            id="apposition-ending-with-a-participle-and-its-agent",
        ),
        pytest.param(
            "How Rotterdam Robot Delta grew up",
            [
                ("Rotterdam Robot Delta started out in 2016 as a network of four robot start-ups near the port. "
                "It was set up as a foundation in 2018 and now brings together 90 firms.")
            ],
            {("Rotterdam Robot Delta", "created_year", 2016), ("Rotterdam Robot Delta", "member_count", 90)},
            id="legal-form-taken-on-later-is-no-second-start",
        ),
        pytest.param(
            "Estonian ICT Cluster",
            [
                ("The Estonian ICT Cluster (EICTC) began as an informal group of software firms. "
                "It was officially established as an association in 2009, the first of its kind in the country."),
                "Since 2014 it has been co-financed through the national cluster programme.",
            ],
            {("Estonian ICT Cluster", "created_year", 2009)},
            id="legal-form-is-the-start-when-nothing-else-is-said",
        ),
        pytest.param(
            "Wine makers of the south",
            [
                "The Tokaj Wine Cluster was founded in 2010 by nine wineries. Two years later it registered as an association."
            ],
            {("Tokaj Wine Cluster", "created_year", 2010)},
            id="registered-as-an-association-later",
        ),
    ],
)
def test_references_and_legal_forms(h1: str, paragraphs: list[str], expected: set) -> None:
    assert paragraphs_facts(h1, paragraphs) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "<h2>Tyrol Wood Network</h2><p>Founded 2009. Sawmills and carpenters of the Inn valley.</p>"
            "<h2>Alpine Sensor Hub</h2><p>Created 2014 by four firms from Innsbruck.</p>",
            {("Tyrol Wood Network", "created_year", 2009), ("Alpine Sensor Hub", "created_year", 2014)},
            id="entry-text-opening-with-its-trigger",
        ),
        pytest.param(
            "<h2>Tyrol Wood Network</h2><p>Launched a training academy in 2015 for young carpenters.</p>",
            set(),
            id="trap-entry-text-with-an-object",
        ),
        pytest.param(
            "<h2>Tyrol Wood Network</h2><p>Sawmills of the Inn valley.</p><p>Founded 2009 as a company, the main sawmill joined later.</p>",
            set(),
            id="trap-not-right-under-the-heading",
        ),
    ],
)
def test_directory_entries_under_headings(body: str, expected: set) -> None:
    assert page_facts("Networks of the Alps", body) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "In the north, the Lika Tourism Cluster was founded in 2011. On the coast, Kvarner Yachting Cluster "
            "followed a year later, in 2012.",
            {("Lika Tourism Cluster", "created_year", 2011), ("Kvarner Yachting Cluster", "created_year", 2012)},
            id="followed-a-year-later-with-its-year",
        ),
        pytest.param(
            "In the north, the Lika Tourism Cluster was founded in 2011. On the coast, Kvarner Yachting Cluster "
            "followed two years later.",
            {("Lika Tourism Cluster", "created_year", 2011), ("Kvarner Yachting Cluster", "created_year", 2013)},
            id="followed-years-later-counted-from-the-first",
        ),
        pytest.param(
            "The Arena programme was started in 2002. NCE Subsea Robotics, founded in 2017 in Haugesund, tests "
            "underwater drones; Arena Pro clusters get five years of support.",
            {("Arena programme", "starting_year", 2002), ("NCE Subsea Robotics", "created_year", 2017)},
            id="programme-level-prefix-before-a-name",
        ),
    ],
)
def test_successors_and_level_prefixes(paragraph: str, expected: set) -> None:
    assert page_facts("Cluster news", f"<p>{paragraph}</p>") == expected


def test_a_hyphen_glued_lower_case_word_inside_a_name() -> None:
    paragraph = (
        "The cluster is a member of the Bio-based Clusters Network, established on 3 June 2011 in Bled; "
        "the network today links eight clusters from four countries."
    )
    assert page_facts("Factsheet: Paper Cluster", f"<p>{paragraph}</p>") == {
        ("Bio-based Clusters Network", "created_year", 2011),
        ("Bio-based Clusters Network", "member_count", 8),
    }


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "Banat Innovation Hub was founded in 1999 and is the managing authority of the Regional Programme.",
            set(),
            id="trap-founded-and-is-an-authority",
        ),
        pytest.param(
            "The Iasi Software Cluster was founded in 2012 and is the largest network of software firms in the region.",
            {("Iasi Software Cluster", "created_year", 2012)},
            id="founded-and-is-a-network",
        ),
        pytest.param(
            "The Kaunas Laser Cluster has 30 members. It is run by the Kaunas Photonics Association, established in 1998.",
            {("Kaunas Laser Cluster", "member_count", 30)},
            id="trap-the-managing-association-founded-earlier",
        ),
        pytest.param(
            "The open day is run by the Reykjavik Fish Cluster, which two investors founded in 2012.",
            {("Reykjavik Fish Cluster", "created_year", 2012)},
            id="a-cluster-that-runs-something",
        ),
    ],
)
def test_managers_and_authorities_are_no_clusters(paragraph: str, expected: set) -> None:
    assert page_facts("Cluster news", f"<p>{paragraph}</p>") == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "Speakers recalled that ELKA, the association of electronics and software firms, had been founded as "
            "early as 1985 and brings together 210 companies today.",
            {("ELKA", "created_year", 1985), ("ELKA", "member_count", 210)},
            id="association-of-firms-apposition",
        ),
        pytest.param(
            "The Porto Mobility Cluster was created in 2015 by APMA, the association of car component makers, "
            "together with two universities. The cluster gathers 48 associates today.",
            {("Porto Mobility Cluster", "created_year", 2015), ("Porto Mobility Cluster", "member_count", 48)},
            id="trap-the-founding-association-of-firms",
        ),
        pytest.param(
            "Vidal Group, the association of the Vidal family firms, was founded in 1983.",
            set(),
            id="trap-a-group-of-family-firms",
        ),
    ],
)
def test_associations_of_firms(paragraph: str, expected: set) -> None:
    assert page_facts("Cluster news", f"<p>{paragraph}</p>") == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["The Federation of Tourism Clusters was founded in 2016. Today the federation has nine member clusters."],
            {("Federation of Tourism Clusters", "created_year", 2016), ("Federation of Tourism Clusters", "member_count", 9)},
            id="the-federation-has-member-clusters",
        ),
        pytest.param(
            ["The Estonian Cluster Network was founded in 2018. Today 14 clusters are members of the network."],
            {("Estonian Cluster Network", "created_year", 2018), ("Estonian Cluster Network", "member_count", 14)},
            id="clusters-are-members-of-the-network",
        ),
        pytest.param(
            [
                "ClusterLink Serbia, the national association of clusters, was registered in 2009 by nine clusters.",
                "Among its founders is the Nis Wood Network, launched in 2006.",
                "Today the association unites 19 clusters.",
            ],
            {
                ("ClusterLink Serbia", "created_year", 2009),
                ("Nis Wood Network", "created_year", 2006),
                ("ClusterLink Serbia", "member_count", 19),
            },
            id="the-association-is-the-one-described-so-not-a-nearer-member",
        ),
    ],
)
def test_associations_counting_their_member_clusters(paragraphs: list[str], expected: set) -> None:
    assert paragraphs_facts("Cluster news", paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "The Salzburg Stone Cluster marks its tenth year.",
                ("The cluster was one of the first under the Alpine cluster programme, which the state launched in "
                "2009 with the university and the Chamber of Crafts. It now brings together 70 quarries and masons."),
            ],
            {("Alpine cluster programme", "starting_year", 2009), ("Salzburg Stone Cluster", "member_count", 70)},
            id="it-continues-the-subject-past-a-programme-in-a-relative-clause",
        ),
        pytest.param(
            [
                "The Aegean Sponge Cluster (ASC) is a Greek cluster of divers, processors and researchers.",
                ("The cluster grew out of a working group of the University of the Aegean. It was registered as a "
                "civil company in 2019."),
            ],
            {("Aegean Sponge Cluster", "created_year", 2019)},
            id="an-indefinite-description-is-no-name",
        ),
    ],
)
def test_it_continues_the_previous_subject(paragraphs: list[str], expected: set) -> None:
    assert paragraphs_facts("Cluster news", paragraphs) == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        pytest.param(
            ["2005 – Foundation of the Silesian Glass Makers Cluster by 9 glassworks", "2011 – New name: Silesia Glass Cluster"],
            {
                ("Silesian Glass Makers Cluster", "created_year", 2005),
                ("Silesian Glass Makers Cluster", "renamed_to", "Silesia Glass Cluster"),
            },
            id="timeline-new-name",
        ),
        pytest.param(
            ["2005 – Foundation of the Silesian Glass Makers Cluster by 9 glassworks", "2011 – Renamed Silesia Glass Cluster"],
            {
                ("Silesian Glass Makers Cluster", "created_year", 2005),
                ("Silesian Glass Makers Cluster", "renamed_to", "Silesia Glass Cluster"),
            },
            id="timeline-renamed-after-a-dash",
        ),
        pytest.param(
            [
                "2005 – Foundation of the Silesian Glass Makers Cluster by 9 glassworks",
                "2011 – New name: the Opole Glass Association becomes Opole Glass Cluster",
            ],
            {("Silesian Glass Makers Cluster", "created_year", 2005), ("Opole Glass Association", "renamed_to", "Opole Glass Cluster")},
            id="new-name-opening-a-clause-is-read-as-the-clause",
        ),
    ],
)
def test_timeline_new_names(items: list[str], expected: set) -> None:
    body = "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    assert page_facts("Our history", body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "<h2>Celje Metal Cluster</h2><dl><dt>Founded</dt><dd>2003</dd><dt>Formerly</dt><dd>GIZ Kovina (until 2010)</dd></dl>",
            {("Celje Metal Cluster", "created_year", 2003), ("GIZ Kovina", "renamed_to", "Celje Metal Cluster")},
            id="formerly-field-with-its-note",
        ),
        pytest.param(
            "<h2>Celje Metal Cluster</h2><dl><dt>Founded</dt><dd>2003</dd><dt>Former name</dt><dd>Celje Metal Cluster</dd></dl>",
            {("Celje Metal Cluster", "created_year", 2003)},
            id="trap-former-name-equal-to-the-name",
        ),
    ],
)
def test_former_name_fields(body: str, expected: set) -> None:
    assert page_facts("Cluster directory", body) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "The LinkUp measure was introduced in 2017. 19 clusters currently carry out LinkUp projects.",
            {("LinkUp measure", "starting_year", 2017)},
            id="name-with-a-lower-case-measure-head",
        ),
        pytest.param(
            "The CzechTrade scheme has been in place since 2009.",
            {("CzechTrade scheme", "starting_year", 2009)},
            id="name-with-a-lower-case-scheme-head",
        ),
    ],
)
def test_programmes_named_with_lower_case_heads(paragraph: str, expected: set) -> None:
    assert page_facts("Programme news", f"<p>{paragraph}</p>") == expected


def test_a_status_taken_is_no_antecedent_of_a_timeline_entry() -> None:
    items = [
        "2007 – Foundation of the association in Braga by 40 members, under the name Minho Textile Pole.",
        "2009 – Recognised by the Government as a Competitiveness Pole.",
        "2014 – New name: Textile Cluster Portugal.",
    ]
    body = "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    assert {f for f in page_facts("Our history", body) if f[1] == "renamed_to"} == {
        ("Minho Textile Pole", "renamed_to", "Textile Cluster Portugal")
    }


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Pôle Végétal Ouest was founded in 2003 by seed growers. In 2007 the cluster was labelled a pôle de compétitivité."],
            {("Pôle Végétal Ouest", "created_year", 2003)},
            id="labelled-later-is-no-second-start",
        ),
        pytest.param(
            ["Pôle Hydro Lorraine, labelled in 2006, works on water technologies."],
            {("Pôle Hydro Lorraine", "created_year", 2006)},
            id="labelled-is-the-start-when-nothing-else-is-said",
        ),
        pytest.param(
            ["Adria Hull Design, a ship design office founded in 1993, has become a member of the Kvarner Maritime Cluster."],
            set(),
            id="trap-a-design-office-founded",
        ),
        pytest.param(
            ["The Odense Drone Cluster has 60 members. Nordic Rotor Systems was founded in 2011 by two brothers in a garage."],
            {("Odense Drone Cluster", "member_count", 60)},
            id="trap-a-firm-founded-by-two-brothers",
        ),
        pytest.param(
            ["The Banat Cable Cluster has 60 members. Vest Wire Systems was founded in 1999 and employs 540 people."],
            {("Banat Cable Cluster", "member_count", 60)},
            id="trap-a-firm-that-employs-people",
        ),
    ],
)
def test_labels_and_companies(paragraphs: list[str], expected: set) -> None:
    assert paragraphs_facts("Cluster news", paragraphs) == expected


def test_it_as_the_object_of_a_managing_relative_clause_is_no_subject() -> None:
    body = (
        "<p>The Danube Mechatronics Cluster is a cluster initiative of the province for machine builders.</p>"
        "<p>The cluster was launched in 2005 under the provincial programme.</p>"
        "<p>Business Lower Danube, the agency that manages it, was formed in 2016 when two regional companies merged.</p>"
    )
    assert page_facts("Danube Mechatronics Cluster", body) == {("Danube Mechatronics Cluster", "created_year", 2005)}


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "The Olomouc Optics Cluster now has 27 members; one of them, LumiQure, started in 2021 as a start-up project.",
            {("Olomouc Optics Cluster", "member_count", 27)},
            id="trap-started-as-a-start-up",
        ),
        pytest.param(
            "Robocoast Satakunta began in 2021 as a spin-off of the Pori robotics network and now counts 33 members.",
            {("Robocoast Satakunta", "created_year", 2021), ("Robocoast Satakunta", "member_count", 33)},
            id="a-spin-off-of-a-network",
        ),
    ],
)
def test_hyphenated_company_nouns(paragraph: str, expected: set) -> None:
    assert page_facts("Cluster news", f"<p>{paragraph}</p>") == expected
