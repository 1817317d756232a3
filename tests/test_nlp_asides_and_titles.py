"""Constructions of pages written by others (wire copy, agency news):

- a participial aside between a subject and its passive verb ("The cluster, led by the Union of Y,
  was started in 2010") leaves the subject before the aside: the founders or managers it names
  are not what was started;
- a name after "the title of", "the status of", "the label of" is a title its holder obtains
  ("obtained the title of Accredited Innovation Cluster"), no entity a later "the cluster" stands
  for; "part of the X Programme" and "a member of the X Alliance" still name entities;
- a status introduced is a programme ("The status of Key National Cluster was introduced in
  2015"), whose name may hold "National" after another capitalised word ("the Key National
  Clusters programme");
- a described programme may join its words with a hyphen ("the national competitiveness-pole
  policy, launched by the state in 2005");
- an object relative clause after a lower-case apposition is about the name the apposition
  describes ("X, the network of boatyards that the county and 20 firms set up in 2014");
- a possessed description before a name in commas makes it a cluster ("Its sister network in
  Kalmar, Glass Route Nord, started in 2016");
- a name given as one of a group of clusters ("One of the new Arena clusters is Fjord Drones in
  Ålesund, which was set up in 2020") is a cluster, and its town before the relative clause
  names nothing else;
- "we" on an interview page without a topic stands for the one cluster organisation the page
  names, even when it also names programmes.

Every sentence here was written for these tests (our own wording), never copied from a page.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import page_facts


@pytest.mark.parametrize(
    ("h1", "paragraphs", "expected"),
    [
        pytest.param(
            "Grant for the harbour logistics cluster",
            [
                "The agency will pay 400,000 euros to the Harbour Logistics Cluster of Klaipeda.",
                "The cluster, led by the Union of Freight Forwarders, was started in 2012 and has grown to 31 partners.",
            ],
            {("Harbour Logistics Cluster of Klaipeda", "created_year", 2012), ("Harbour Logistics Cluster of Klaipeda", "member_count", 31)},
            id="led-by-aside-before-passive",
        ),
        pytest.param(
            "Wood in the valley",
            ["The Tarn Timber Cluster, based in Albi, was set up in 2007 by eleven sawmills."],
            {("Tarn Timber Cluster", "created_year", 2007)},
            id="based-in-aside-before-passive",
        ),
        pytest.param(
            "Agency news",
            ["The Ministry of Economy, headed by a new minister since May, was founded in 1991."],
            set(),
            id="trap-aside-of-a-ministry-dates-no-cluster",
        ),
        pytest.param(
            "Machine builders keep their label",
            [
                "The Drava Machinery Cluster has again obtained the title of Accredited Innovation Cluster, which it first held in 2014.",
                "The cluster was brought to life in 2010 by nine engineering firms.",
            ],
            {("Drava Machinery Cluster", "created_year", 2010)},
            id="a-title-is-no-antecedent-for-the-cluster",
        ),
        pytest.param(
            "Label renewed",
            [
                "The Tisza Food Cluster keeps the status of National Cluster for three more years.",
                "The cluster was founded in 2009 by four dairies.",
            ],
            {("Tisza Food Cluster", "created_year", 2009)},
            id="a-status-is-no-antecedent-for-the-cluster",
        ),
        pytest.param(
            "Status for the strongest",
            ["The status of Key National Cluster was introduced by the minister for the economy in 2015."],
            {("Key National Cluster", "starting_year", 2015)},
            id="a-status-introduced-is-a-programme",
        ),
        pytest.param(
            "Status for the strongest",
            ["The title of Certified Smart Cluster was created in 2011 to reward the best managed clusters."],
            {("Certified Smart Cluster", "starting_year", 2011)},
            id="a-title-created-is-a-programme",
        ),
        pytest.param(
            "Funding news",
            ["In Poland the Key National Clusters programme was launched in 2015."],
            {("Key National Clusters programme", "starting_year", 2015)},
            id="national-inside-a-programme-name",
        ),
        pytest.param(
            "Funding news",
            ["The National Cluster Fund was set up in 2012."],
            {("National Cluster Fund", "starting_year", 2012)},
            id="national-opening-a-programme-name",
        ),
        pytest.param(
            "Where the pole came from",
            ["The pole grew out of the national competitiveness-pole policy, launched by the state in 2005, and got its label in 2008."],
            {("national competitiveness-pole policy", "starting_year", 2005)},
            id="hyphenated-described-programme",
        ),
        pytest.param(
            "Where the pole came from",
            ["The firms met at a cross-border pole event in 2005."],
            set(),
            id="trap-hyphenated-words-without-a-programme-head",
        ),
        pytest.param(
            "Boats of the archipelago",
            ["Most orders pass through Skerry Marine, the network of boatyards that the county council and 20 firms set up in May 2014."],
            {("Skerry Marine", "created_year", 2014)},
            id="object-relative-after-an-apposition",
        ),
        pytest.param(
            "Boats of the archipelago",
            ["Most orders pass through Skerry Marine, the network of boatyards that the county council funds since 2014."],
            set(),
            id="trap-a-relative-without-a-founding",
        ),
        pytest.param(
            "Glass in the south",
            ["Its sister network in Kalmar, Glass Route Nord, started in 2016 and sells to hotels."],
            {("Glass Route Nord", "created_year", 2016)},
            id="possessed-description-before-a-name-in-commas",
        ),
        pytest.param(
            "Glass in the south",
            ["Its sister network in Kalmar, Växjö and Borås, started in 2016."],
            set(),
            id="trap-places-after-the-description-are-no-name",
        ),
        pytest.param(
            "New clusters in the programme",
            ["One of the new Arena clusters is Fjord Drones in Ålesund, which was set up in 2020 by 11 companies."],
            {("Fjord Drones", "created_year", 2020)},
            id="one-of-the-clusters-is-a-name",
        ),
        pytest.param(
            "New clusters in the programme",
            ["Among the supported networks is Baltic Hemp, founded in 2019 by farmers of Saaremaa."],
            {("Baltic Hemp", "created_year", 2019)},
            id="among-the-networks-is-a-name",
        ),
        pytest.param(
            "New clusters in the programme",
            ["One of the cluster managers is Ola Nordmann, who was born in 1975."],
            set(),
            id="trap-one-of-the-managers-is-a-person",
        ),
        pytest.param(
            "Accredited clusters",
            ["Slovakia's cluster certification system was introduced in 2015 as part of the Tatra Hubs Programme, the government's cluster development scheme launched in 2013."],
            {("Slovakia cluster certification system", "starting_year", 2015), ("Tatra Hubs Programme", "starting_year", 2013)},
            id="a-described-system-and-an-apposition-sharing-only-the-cluster-word",
        ),
    ],
)
def test_asides_and_held_titles(h1: str, paragraphs: list[str], expected: set) -> None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    assert page_facts(h1, body) == expected


def test_we_on_an_interview_page_is_its_one_cluster() -> None:
    paragraphs = [
        "How did it all begin?",
        "We started in 2013, when five bakeries and the agricultural school decided to share a laboratory.",
        "Are you one of the Key National Clusters?",
        "Not yet. The Key National Clusters programme was launched in 2015 and the Podlasie Bakery Cluster applied in 2021.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    assert page_facts("Bread is our business", body) == {
        ("Podlasie Bakery Cluster", "created_year", 2013),
        ("Key National Clusters programme", "starting_year", 2015),
    }


@pytest.mark.parametrize(
    ("h1", "paragraphs", "expected"),
    [
        pytest.param(
            "From a shared workshop to a network: FlexiGlas Nord keeps growing",
            [
                "On Tuesdays the kiln at the old harbour is shared. That is how FlexiGlas Nord began.",
                "The network started in 2011 as a loose group of five glassworks in Kalmar.",
                "Today 48 firms and two design schools belong to FlexiGlas Nord.",
            ],
            {("FlexiGlas Nord", "created_year", 2011), ("FlexiGlas Nord", "member_count", 50)},
            id="headline-part-opening-with-a-brand-is-the-topic",
        ),
        pytest.param(
            "Silesian Textile Alliance turns fifteen",
            ["The alliance was set up in 2010 by eight weaving mills.", "The Silesian Textile Alliance now has 64 members."],
            {("Silesian Textile Alliance", "created_year", 2010), ("Silesian Textile Alliance", "member_count", 64)},
            id="headline-opening-with-an-organisation-name",
        ),
        pytest.param(
            "Marta Kowalska takes over the cluster office",
            ["Marta Kowalska has led the Opole Food Cluster since May.", "The office was set up in 2012."],
            set(),
            id="trap-a-person-opening-the-headline-is-no-topic",
        ),
        pytest.param(
            "Olive cluster of Messinia opens to growers from Laconia",
            [
                "Kalamata – Messinia Oleum, the olive cluster of Messinia, will take members from Laconia, its board said.",
                "The cluster was set up in 2012 by nine mills and now numbers 33 members.",
            ],
            {("Messinia Oleum", "created_year", 2012), ("Messinia Oleum", "member_count", 33)},
            id="headline-description-names-the-cluster-the-body-describes",
        ),
        pytest.param(
            "HarbourLink elects a new chair",
            ["Nine shipping firms and a university founded HarbourLink in 2006 to pool their port services."],
            {("HarbourLink", "created_year", 2006)},
            id="trap-the-founders-are-no-member-count",
        ),
    ],
)
def test_headline_opening_with_a_name(h1: str, paragraphs: list[str], expected: set) -> None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    assert page_facts(h1, body) == expected


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        pytest.param("When was the Malta Marine Cluster set up?", "In May 2016, by four boatyards and the university.", 2016, id="month-and-year"),
        pytest.param("When was the Malta Marine Cluster set up?", "On 9 May 2016, by four boatyards.", 2016, id="full-date-after-on"),
    ],
)
def test_faq_answer_opening_with_a_dated_phrase(question: str, answer: str, expected: int | None) -> None:
    facts = page_facts("Frequently asked questions", f"<h3>{question}</h3><p>{answer}</p>")
    starts = {v for _, a, v in facts if a == "created_year"}
    assert starts == ({expected} if expected else set())


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("Podravka Wood Network took form in 2008 around the furniture schools.", {("Podravka Wood Network", "created_year", 2008)}, id="took-form"),
        pytest.param("Kvarner Blue Network came about in 2015 when three marinas pooled their staff.", {("Kvarner Blue Network", "created_year", 2015)}, id="came-about"),
        pytest.param("Savinja Solar Network took up its work in 2017 with eight installers.", {("Savinja Solar Network", "created_year", 2017)}, id="took-up-its-work"),
        pytest.param("Tartu Health Network welcomed its first members in 2020.", {("Tartu Health Network", "created_year", 2020)}, id="welcomed-its-first-members"),
        pytest.param("The Lower Danube Cluster held its first meeting in 2011.", {("Lower Danube Cluster", "created_year", 2011)}, id="held-its-first-meeting"),
        pytest.param("The Oder Logistics Network has been going since 2004.", {("Oder Logistics Network", "created_year", 2004)}, id="going-since"),
        pytest.param("The Oder Logistics Network has been in business since 2004.", {("Oder Logistics Network", "created_year", 2004)}, id="in-business-since"),
        pytest.param("The Oder Logistics Network held its annual meeting in 2011.", set(), id="trap-a-later-meeting"),
        pytest.param("Kiruna Mining Hub goes back to 2012, when the first test mine opened.", {("Kiruna Mining Hub", "created_year", 2012)}, id="goes-back-to"),
        pytest.param("Ore mining in the valley goes back to 1890.", set(), id="trap-a-tradition-goes-back"),
        pytest.param("The Jutland Blade Cluster has linked the tower and blade makers of the coast since 2004.", {("Jutland Blade Cluster", "created_year", 2004)}, id="perfect-verb-since"),
        pytest.param("Saxon Rail Network, a group of rail suppliers, has worked for the region since 2007.", {("Saxon Rail Network", "created_year", 2007)}, id="perfect-verb-since-after-apposition"),
        pytest.param("The Jutland Blade Cluster has grown since 2004.", set(), id="trap-growth-since"),
        pytest.param("The Jutland Blade Cluster has been a member of the alliance since 2004.", set(), id="trap-membership-since"),
        pytest.param("The agency has implemented the Jutland Cluster Programme since 2004.", {("Jutland Cluster Programme", "starting_year", 2004)}, id="trap-the-object-is-dated-not-the-agency"),
    ],
)
def test_more_founding_phrases(sentence: str, expected: set) -> None:
    assert page_facts("Cluster news", f"<p>{sentence}</p>") == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param("We began our work in 2010 with six bakeries.", {("Podlasie Bread Cluster", "created_year", 2010)}, id="we-began-our-work"),
        pytest.param("We started our activities in 2010.", {("Podlasie Bread Cluster", "created_year", 2010)}, id="we-started-our-activities"),
        pytest.param("We launched our mentoring programme in 2015.", set(), id="trap-we-launched-our-programme"),
    ],
)
def test_first_person_possessed_activity(paragraph: str, expected: set) -> None:
    body = "<p>The Podlasie Bread Cluster brings bakeries and mills together.</p>" + f"<p>{paragraph}</p>"
    assert page_facts("About us", body, og_title="About us | Podlasie Bread Cluster") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("The Brno Glass Cluster celebrates twelve years since its foundation this month.", 2012, id="celebrates-years-since-foundation"),
        pytest.param("The Brno Glass Cluster celebrates a quarter of a century this month.", 1999, id="celebrates-a-quarter-of-a-century"),
        pytest.param("The Brno Glass Cluster marks ten years of activity this week.", 2014, id="marks-years-of-activity"),
        pytest.param("The Brno Glass Cluster celebrates 30 years of the Erasmus programme.", None, id="trap-another-things-age"),
        pytest.param("The Brno Glass Cluster marks a milestone: its 500th member.", None, id="trap-a-milestone"),
    ],
)
def test_celebrated_age_on_a_dated_page(sentence: str, expected: int | None) -> None:
    from pipeline.backend.html import parse_html
    from pipeline.models.nlp.claims import extract_prose_claims

    data = (
        '<html><head><title>Glass news</title><meta property="article:published_time" content="2024-05-02T08:00:00+02:00">'
        f"</head><body><main><article><h1>Glass news</h1><p>{sentence}</p></article></main></body></html>"
    ).encode()
    doc = parse_html(data, doc_id="d", uri="d.html", sha256="0")
    starts = [c for c in extract_prose_claims(doc, country=None) if c.attribute == "created_year"]
    assert [(c.subject_name, c.value, c.precision) for c in starts] == (
        [("Brno Glass Cluster", expected, "approximate")] if expected else []
    )


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "The Wood Cluster of Carinthia was set up in 2001; the Metal Cluster had been set up the year before.",
            {("Wood Cluster of Carinthia", "created_year", 2001), ("Metal Cluster", "created_year", 2000)},
            id="the-year-before",
        ),
        pytest.param(
            "The Sofia Robotics Cluster was established in 2014. PMC, set up three years earlier in Plovdiv, has 30 members.",
            {("Sofia Robotics Cluster", "created_year", 2014), ("PMC", "created_year", 2011), ("PMC", "member_count", 30)},
            id="years-earlier",
        ),
        pytest.param(
            "The Vidin Wine Cluster was founded two years before the reform of 2012.",
            set(),
            id="trap-years-before-another-event",
        ),
    ],
)
def test_years_before_another_founding(paragraph: str, expected: set) -> None:
    assert page_facts("Clusters of the region", f"<p>{paragraph}</p>") == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "From Monday the Szeged Biotech Cluster continues its work under the name Tisza Life Sciences Cluster.",
            {("Szeged Biotech Cluster", "renamed_to", "Tisza Life Sciences Cluster")},
            id="continues-its-work-under-the-name",
        ),
        pytest.param(
            "The Rijeka Port Cluster will from now on operate as Kvarner Logistics Hub.",
            {("Rijeka Port Cluster", "renamed_to", "Kvarner Logistics Hub")},
            id="will-from-now-on-operate-as",
        ),
        pytest.param(
            "In 2015 the Kaunas Laser Cluster decided to use the name Baltic Photonics Cluster.",
            {("Kaunas Laser Cluster", "renamed_to", "Baltic Photonics Cluster")},
            id="decided-to-use-the-name",
        ),
        pytest.param(
            "Kaunas Photonics Cluster has 40 members. Until 2014 it was called the Kaunas Optics Network; it took its current name when lasers came in.",
            {("Kaunas Optics Network", "renamed_to", "Kaunas Photonics Cluster")},
            id="until-year-it-was-called",
        ),
        pytest.param(
            "Kaunas Photonics Cluster has 40 members. At first it carried the name Kaunas Optics Network.",
            {("Kaunas Optics Network", "renamed_to", "Kaunas Photonics Cluster")},
            id="at-first-it-carried-the-name",
        ),
        pytest.param(
            "Kaunas Photonics Cluster has 40 members. It started as Kaunas Optics Network, a breakfast club.",
            {("Kaunas Optics Network", "renamed_to", "Kaunas Photonics Cluster")},
            id="it-started-as",
        ),
        pytest.param(
            "The Kaunas Laser Cluster was founded under the name Kaunas Optics Network.",
            {("Kaunas Optics Network", "renamed_to", "Kaunas Laser Cluster")},
            id="trap-founded-under-the-name-is-the-old-name",
        ),
    ],
)
def test_rename_cues_of_translated_pages(paragraph: str, expected: set) -> None:
    assert {f for f in page_facts("Cluster news", f"<p>{paragraph}</p>") if f[1] == "renamed_to"} == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("<p>52 companies and 4 research institutes are members at the moment.</p>", 56, id="sentence-of-member-kinds"),
        pytest.param("<dl><dt>Members</dt><dd>31 companies, 2 schools</dd></dl>", 33, id="field-of-member-kinds"),
        pytest.param("<p>64 members and 7 working groups.</p>", 64, id="trap-working-groups-are-no-members"),
        pytest.param("<h3>How many members are there?</h3><p>58, including start-ups, labs and two universities.</p>", 58, id="trap-a-breakdown-is-no-sum"),
    ],
)
def test_member_kinds_add_up(body: str, expected: int) -> None:
    facts = page_facts("Ostrava Steel Cluster", "<p>The Ostrava Steel Cluster was founded in 2008.</p>" + body)
    assert {v for _, a, v in facts if a == "member_count"} == {expected}


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "Visitors came for the annual day of Kuopio Health Network, the regional health-technology ecosystem that the university co-founded in 2016.",
            {("Kuopio Health Network", "created_year", 2016)},
            id="an-ecosystem-apposition",
        ),
        pytest.param(
            "The Pólo da Cortiça Sustentável dated from 2010 and gathered cork producers.",
            {("Pólo da Cortiça Sustentável", "created_year", 2010)},
            id="head-first-name-with-a-joiner-dated-from",
        ),
        pytest.param(
            "In 1991 the regional government founded the research centre CRS7, which later spun off firms.",
            set(),
            id="trap-a-noun-naming-the-next-name-is-no-reference",
        ),
    ],
)
def test_ecosystems_and_head_first_names(paragraph: str, expected: set) -> None:
    body = "<p>Sardinia Digital, the ICT district of the island, has 60 members.</p>" if "CRS7" in paragraph else ""
    facts = page_facts("Sardinia Digital keeps growing" if body else "Cluster news", body + f"<p>{paragraph}</p>")
    assert {f for f in facts if f[1] == "created_year"} == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["<h3>What is the national cluster policy?</h3>", "<p>The government launched the policy in 2005; 40 poles hold the label today.</p>"],
            {("national cluster policy", "starting_year", 2005), ("national cluster policy", "cluster_count", 40)},
            id="the-policy-stands-for-the-described-programme",
        ),
        pytest.param(
            ["<p>The Rába Wood Cluster has held the accredited cluster title since 2012.</p>", "<p>It now gathers 41 companies.</p>"],
            {("Rába Wood Cluster", "member_count", 41)},
            id="it-stands-for-the-named-cluster-not-the-described-title",
        ),
    ],
)
def test_described_programmes_as_antecedents(paragraphs: list[str], expected: set) -> None:
    assert page_facts("Clusters", "".join(paragraphs)) == expected


def test_the_programme_is_the_pages_programme_not_a_part_with_another_head() -> None:
    body = (
        "<p>Three new clusters joined the Arena level of Baltic Innovation Clusters after the spring call.</p>"
        "<p>Baltic Innovation Clusters started in 2015, when two agencies merged their cluster schemes. Its oldest part, the NVP scheme, began in 2004.</p>"
        "<p>With the newcomers, the programme currently supports 29 clusters.</p>"
    )
    facts = page_facts("Three new clusters admitted", body, og_title="Three new clusters admitted – Baltic Innovation Clusters")
    assert {f for f in facts if f[1] == "cluster_count"} == {("Baltic Innovation Clusters", "cluster_count", 29)}


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "The Czech Cluster Union, which brings together more than 40 cluster coordinators, sits on the Council of the Key National Clusters programme.",
            {("Czech Cluster Union", "member_count", 40)},
            id="the-count-of-the-name-before-the-relative",
        ),
        pytest.param(
            "About 120 member companies of the Moravian Wood Cluster met in Brno.",
            {("Moravian Wood Cluster", "member_count", 120)},
            id="the-name-right-after-the-count",
        ),
    ],
)
def test_whose_count(paragraph: str, expected: set) -> None:
    assert {f for f in page_facts("Clusters", f"<p>{paragraph}</p>") if f[1] == "member_count"} == expected


def test_a_project_with_its_period_is_no_headline_topic() -> None:
    body = "<p>DataBaltica (2024–2027) brings eleven partners from four countries together.</p>"
    assert page_facts("DataBaltica helps cluster firms use their data", body) == set()


def test_a_described_programme_is_not_renamed() -> None:
    body = (
        "<p>Slovakia's cluster certification system rates cluster organisations.</p>"
        "<p>The scheme has been run since 2021 under the name Slovak Cluster Label.</p>"
    )
    assert {f for f in page_facts("Cluster ratings", body) if f[1] == "renamed_to"} == set()


def test_a_headline_that_is_a_described_programme_owns_the_fields() -> None:
    body = (
        "<dl><dt>Responsible body</dt><dd>Business Styria (founded 1995)</dd>"
        "<dt>Programme start</dt><dd>2002</dd><dt>Clusters currently supported</dt><dd>6</dd></dl>"
        "<p>The Styrian cluster programme supports cluster organisations in wood, food and mobility.</p>"
    )
    facts = page_facts("Styrian cluster programme", body)
    assert facts == {("Styrian cluster programme", "starting_year", 2002), ("Styrian cluster programme", "cluster_count", 6)}


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "Since 2016 the Galicia Clusters programme has accredited the cluster organisations that meet its criteria.",
            {("Galicia Clusters programme", "starting_year", 2016)},
            id="since-year-the-programme-has",
        ),
        pytest.param(
            "Since 2016 the Galicia Wood Cluster has shown its members' furniture at the Vigo fair.",
            set(),
            id="trap-a-clusters-activity-since-after-its-article",
        ),
    ],
)
def test_fronted_since_before_a_programme(paragraph: str, expected: set) -> None:
    assert {f for f in page_facts("News", f"<p>{paragraph}</p>") if f[1] in ("created_year", "starting_year")} == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "In 2019 the Baltic Seed programme (from 2009) and the Nordic Centres of Excellence programme (from 2011) were merged.",
            {("Baltic Seed programme", "starting_year", 2009), ("Nordic Centres of Excellence programme", "starting_year", 2011)},
            id="programmes-with-their-start-in-parentheses",
        ),
        pytest.param(
            "Members include the Tartu Wood Cluster (from 2012) and the Narva Metal Cluster (from 2015).",
            set(),
            id="trap-members-with-their-joining-years",
        ),
    ],
)
def test_a_programmes_start_in_parentheses(paragraph: str, expected: set) -> None:
    assert {f for f in page_facts("News", f"<p>{paragraph}</p>") if f[1] in ("created_year", "starting_year")} == expected
