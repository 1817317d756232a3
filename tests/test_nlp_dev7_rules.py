"""Rule families widened while tuning on the dev7 press split (issue 7): labels that ask or describe
their value ("When did the network start?", "Date the cluster organisation was established"), table
rows that are data although a cell ends in a member word, generic sub-headings between a field and the
name above it, event idioms in every tense, and references and dates written as other writers write them.

Every sentence and page here was written for these tests (paraphrases of constructions seen on
agency, ministry and cluster pages), never copied; each case is checked on its own.
"""

from __future__ import annotations

import pytest

from pipeline.backend.html import parse_html
from pipeline.models.nlp.claims import extract_prose_claims
from tests.test_nlp_dev6_rules import extracted, page_facts

Fact = tuple[str, str, object]


# ------------------------------------------------------------------ described and question labels


@pytest.mark.parametrize(
    ("h1", "body", "expected"),
    [
        pytest.param(
            "Questions and answers",
            "<p>Fjordline Robotics is the robotics cluster of Rogaland.</p>"
            "<dl><dt>When was Fjordline Robotics founded?</dt><dd>In 2014.</dd>"
            "<dt>How many members does it have?</dt><dd>57 firms.</dd></dl>",
            {("Fjordline Robotics", "created_year", 2014), ("Fjordline Robotics", "member_count", 57)},
            id="faq-when-was-founded",
        ),
        pytest.param(
            "Pannonia Packaging Network",
            "<table><tr><td>Year the network was established</td><td>2009</td></tr>"
            "<tr><td>Number of staff</td><td>4</td></tr></table>",
            {("Pannonia Packaging Network", "created_year", 2009)},
            id="table-year-the-network-was-established",
        ),
        pytest.param(
            "Baltic Biotech Hub",
            "<h2>Basic data</h2><table><tr><td>Date the cluster organisation was set up</td>"
            "<td>Tuesday, 7 June 2016</td></tr><tr><td>How many members</td><td>31</td></tr></table>",
            {("Baltic Biotech Hub", "created_year", 2016), ("Baltic Biotech Hub", "member_count", 31)},
            id="generic-subheading-weekday-date",
        ),
        pytest.param(
            "Frequently asked questions",
            "<p>Ebro Valley Agritech is the agri-tech cluster of Aragón.</p>"
            "<dl><dt>When is the deadline for the study trip?</dt><dd>15 May 2025.</dd>"
            "<dt>How many days does the trip last?</dt><dd>4 days.</dd></dl>",
            set(),
            id="trap-when-is-the-deadline",
        ),
    ],
)
def test_a_label_that_asks_or_describes_its_value(h1: str, body: str, expected: set[Fact]) -> None:
    assert page_facts(h1, body) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            [("Tatra Wood Partners", "2012", "44"), ("Orava Metal Forum", "2015", "21")],
            {
                ("Tatra Wood Partners", "created_year", 2012), ("Tatra Wood Partners", "member_count", 44),
                ("Orava Metal Forum", "created_year", 2015), ("Orava Metal Forum", "member_count", 21),
            },
            id="row-name-ends-in-partners",
        ),
        pytest.param(
            [("Aegean Members Alliance", "2018", "19")],
            {("Aegean Members Alliance", "created_year", 2018), ("Aegean Members Alliance", "member_count", 19)},
            id="row-name-holds-members",
        ),
    ],
)
def test_a_table_row_with_numbers_is_data_not_a_header(rows: list[tuple[str, str, str]], expected: set[Fact]) -> None:
    cells = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    body = f"<table><tr><th>Organisation</th><th>Founded</th><th>Members</th></tr>{cells}</table>"
    assert page_facts("Cluster organisations in the county", body) == expected


# ------------------------------------------------------------------ event idioms in every tense


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Nordkyn Seafood Alliance finally got off the ground in 2013 after two years of talks."],
            {("Nordkyn Seafood Alliance", "created_year", 2013)},
            id="got-off-the-ground",
        ),
        pytest.param(
            ["Tatra Timber Hub saw the light of day in March 2017 in a sawmill in Poprad."],
            {("Tatra Timber Hub", "created_year", 2017)},
            id="saw-the-light-of-day",
        ),
        pytest.param(
            ["Lusatia Energy Network took shape in 2011 around the old power station."],
            {("Lusatia Energy Network", "created_year", 2011)},
            id="took-shape",
        ),
        pytest.param(
            ["The Danube Cluster Programme got underway in 2016 with a first call for applications."],
            {("Danube Cluster Programme", "starting_year", 2016)},
            id="programme-got-underway",
        ),
        pytest.param(
            ["The Moravian Drone Hub gets under way in 2020, when four drone makers share a test field."],
            {("Moravian Drone Hub", "created_year", 2020)},
            id="historical-present-gets-under-way",
        ),
        pytest.param(
            ["Pomeranian Yacht Forum held its inaugural assembly in Gdynia on 9 May 2010."],
            {("Pomeranian Yacht Forum", "created_year", 2010)},
            id="inaugural-assembly",
        ),
        pytest.param(
            ["The Ministry unveiled the Adriatic Cluster Programme in 2018."],
            {("Adriatic Cluster Programme", "starting_year", 2018)},
            id="unveiled-programme",
        ),
        pytest.param(
            ["The new test hall of Lusatia Energy Network took shape in 2019."],
            set(),
            id="trap-a-hall-of-the-network-took-shape",
        ),
        pytest.param(
            ["The second office of Tatra Timber Hub opened in Košice in 2021."],
            set(),
            id="trap-an-office-of-the-hub-opened",
        ),
        pytest.param(
            ["The joint laboratory of Nordkyn Seafood Alliance got off the ground in 2018."],
            set(),
            id="trap-a-laboratory-of-the-alliance-got-off-the-ground",
        ),
    ],
)
def test_event_idioms_in_any_tense(paragraphs: list[str], expected: set[Fact]) -> None:
    assert extracted(*paragraphs) == expected


# ------------------------------------------------------------------ a job's start, an organisation's call


@pytest.mark.parametrize(
    ("h1", "body", "expected"),
    [
        pytest.param(
            "Project manager (m/f/d)",
            "<p>Saxony Battery Alliance was founded in 2019 by eleven cell and machine makers.</p>"
            "<ul><li>Start date: 01.04.2025</li><li>Salary: TV-L E13</li><li>Application deadline: 15.02.2025</li></ul>",
            {("Saxony Battery Alliance", "created_year", 2019)},
            id="job-list-start-date",
        ),
        pytest.param(
            "We are hiring: cluster assistant",
            "<p>Ljubljana Food Tech Network was set up in 2015.</p>"
            "<dl><dt>Start</dt><dd>1 September 2025</dd><dt>Contract</dt><dd>fixed term, 2 years</dd></dl>",
            {("Ljubljana Food Tech Network", "created_year", 2015)},
            id="job-definition-list-start",
        ),
        pytest.param(
            "Ljubljana Food Tech Network",
            "<p>Ljubljana Food Tech Network connects food makers with the university.</p>"
            "<ul><li>Start: 2015</li><li>Members: 48</li></ul>",
            {("Ljubljana Food Tech Network", "created_year", 2015), ("Ljubljana Food Tech Network", "member_count", 48)},
            id="profile-start-field-is-still-a-start",
        ),
    ],
)
def test_a_start_date_among_a_jobs_fields_is_the_jobs(h1: str, body: str, expected: set[Fact]) -> None:
    assert page_facts(h1, body) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Adriatic Boat Network was constituted in 2011.", "Its first call for joint projects, in 2013, funded 8 projects."],
            {("Adriatic Boat Network", "created_year", 2011)},
            id="trap-a-clusters-first-call-for-projects",
        ),
        pytest.param(
            ["The Baltic Cluster Programme has funded networks since its first call in 2016."],
            {("Baltic Cluster Programme", "starting_year", 2016)},
            id="a-programmes-first-call",
        ),
    ],
)
def test_a_first_call_for_projects_starts_a_programme_not_an_organisation(
    paragraphs: list[str], expected: set[Fact]
) -> None:
    assert extracted(*paragraphs) == expected


# ------------------------------------------------------------------ a reference by the noun the page described the name with


@pytest.mark.parametrize(
    ("h1", "body", "expected"),
    [
        pytest.param(
            "Fjord Biotech",
            "<p>Fjord Biotech, a regional initiative for marine biotechnology, links 30 firms.</p>"
            "<p>The initiative was launched in 2012 by the county.</p>",
            {("Fjord Biotech", "created_year", 2012), ("Fjord Biotech", "member_count", 30)},
            id="apposition-a-regional-initiative",
        ),
        pytest.param(
            "Silesian Energy Network",
            "<p>Silesian Energy Network is an initiative that links utilities, the university and local firms.</p>"
            "<p>The initiative was set up in 2017.</p>",
            {("Silesian Energy Network", "created_year", 2017)},
            id="copula-is-an-initiative",
        ),
        pytest.param(
            "About Porto Design Hub",
            "<p>Porto Design Hub (an initiative for furniture makers) runs a shared showroom.</p>"
            "<p>The initiative started in 2010 with nine workshops.</p>",
            {("Porto Design Hub", "created_year", 2010)},
            id="parenthesis-an-initiative",
        ),
        pytest.param(
            "Kraków Gaming Forum",
            "<p>Kraków Gaming Forum works with a national initiative for game studios.</p>"
            "<p>The initiative was launched in 2019.</p>",
            set(),
            id="trap-an-initiative-the-name-works-with",
        ),
    ],
)
def test_a_reference_stands_for_the_name_the_page_described_by_its_noun(
    h1: str, body: str, expected: set[Fact]
) -> None:
    assert page_facts(h1, body) == expected


# ------------------------------------------------------------------ a list item's leading name


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        pytest.param(
            ["<b>Arctic Drone Hub</b> (est. 2016) – unmanned systems, Rovaniemi"],
            {("Arctic Drone Hub", "created_year", 2016)},
            id="parenthesis-est-abbreviation",
        ),
        pytest.param(
            ["<b>Pirkanmaa Food Chain</b> – launched March 2020, just before the lockdown"],
            {("Pirkanmaa Food Chain", "created_year", 2020)},
            id="dash-launched-month-year",
        ),
        pytest.param(
            ["Oulu Health Alliance – roots going back to 2004, formally established in 2008"],
            {("Oulu Health Alliance", "created_year", 2008)},
            id="dash-lineage-then-established",
        ),
        pytest.param(
            ["Karelia Stone Partners: set up in 2011 by quarry owners in Joensuu"],
            {("Karelia Stone Partners", "created_year", 2011)},
            id="colon-set-up",
        ),
        pytest.param(
            ["Kemira Oyj – a chemical company founded in 1920", "Tampere Robotics Days – held in 2015 for the first time"],
            set(),
            id="trap-a-company-and-an-event",
        ),
    ],
)
def test_a_list_items_event_is_about_its_leading_name(items: list[str], expected: set[Fact]) -> None:
    body = "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    assert page_facts("Our member clusters", body) == expected


# ------------------------------------------------------------------ "until then it was called"


@pytest.mark.parametrize(
    ("h1", "body", "expected"),
    [
        pytest.param(
            "Light work in the east",
            "<p>Photonics East took shape in 2014 around a chip foundry in Enschede.</p>"
            "<p>In 2019 the network adopted its current name; until then it was called Twente Photonics Platform.</p>",
            {("Photonics East", "created_year", 2014), ("Twente Photonics Platform", "renamed_to", "Photonics East")},
            id="until-then-it-was-called",
        ),
        pytest.param(
            "Baltic Boat Network",
            "<p>Baltic Boat Network links 40 yards.</p>"
            "<p>The network took its present name in 2016. Until then it was known as Gdańsk Yacht Forum.</p>",
            {("Gdańsk Yacht Forum", "renamed_to", "Baltic Boat Network")},
            id="until-then-it-was-known-as",
        ),
        pytest.param(
            "Baltic Boat Network",
            "<p>Baltic Boat Network links 40 yards.</p><p>The 2016 meeting was called by Gdańsk Yacht Forum.</p>",
            set(),
            id="trap-a-meeting-was-called-by",
        ),
    ],
)
def test_a_former_name_told_after_until_then(h1: str, body: str, expected: set[Fact]) -> None:
    assert page_facts(h1, body) == expected


# ------------------------------------------------------------------ "today" on a dated page, "a year later"


def dated_page_facts(published: str | None, *paragraphs: str) -> set[Fact]:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    data = (
        f"<html><head><title>News</title>{meta}</head><body><main><article><h1>News</h1>{body}"
        "</article></main></body></html>"
    ).encode()
    doc = parse_html(data, doc_id="d", uri="d.html", sha256="0")
    claims = extract_prose_claims(doc, country=None)
    for claim in claims:
        assert claim.evidence.quote in doc.text
    return {(c.subject_name, c.attribute, c.value) for c in claims if c.attribute in ("created_year", "starting_year")}


@pytest.mark.parametrize(
    ("published", "paragraphs", "expected"),
    [
        pytest.param(
            "2022-05-04T10:00:00+03:00",
            ["At a forum in Vilnius, the Ministry of Economy today launched the Lithuanian Cluster Programme."],
            {("Lithuanian Cluster Programme", "starting_year", 2022)},
            id="today-launched",
        ),
        pytest.param(
            "2019-10-01T08:00:00+02:00",
            ["The Danube Cluster Programme was officially unveiled today in Ruse by the deputy minister."],
            {("Danube Cluster Programme", "starting_year", 2019)},
            id="was-unveiled-today",
        ),
        pytest.param(
            "2021-03-15T08:00:00+01:00",
            ["The regional government has today introduced the Thessaly Cluster Scheme for food producers."],
            {("Thessaly Cluster Scheme", "starting_year", 2021)},
            id="has-today-introduced",
        ),
        pytest.param(
            None,
            ["At a forum in Vilnius, the Ministry of Economy today launched the Lithuanian Cluster Programme."],
            set(),
            id="trap-undated-page",
        ),
        pytest.param(
            "2023-05-18T16:00:00+03:00",
            ["Today 38 clusters receive support under the Romanian Cluster Programme."],
            set(),
            id="trap-today-without-an-event",
        ),
        pytest.param(
            None,
            ["Havbruk Nord, the aquaculture cluster of Nordland, was born in 2007.",
             "Its sister network in Troms, Arctic Marine Alliance, came into being a year later."],
            {("Havbruk Nord", "created_year", 2007), ("Arctic Marine Alliance", "created_year", 2008)},
            id="a-year-later-previous-paragraph",
        ),
        pytest.param(
            None,
            ["Havbruk Nord, the aquaculture cluster of Nordland, was born in 2007. Two years later its sister, Arctic Marine Alliance, was founded."],
            {("Havbruk Nord", "created_year", 2007), ("Arctic Marine Alliance", "created_year", 2009)},
            id="fronted-two-years-later",
        ),
    ],
)
def test_dates_read_against_the_page_or_an_earlier_year(
    published: str | None, paragraphs: list[str], expected: set[Fact]
) -> None:
    assert dated_page_facts(published, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Last year we founded Drone Alliance Vaud, the new drone cluster of Western Switzerland."],
            {("Drone Alliance Vaud", "created_year", 2024)},
            id="last-year-we-founded",
        ),
        pytest.param(
            ["Tatra Timber Hub, the wood cluster of the Tatras, was founded last year by eleven sawmills."],
            {("Tatra Timber Hub", "created_year", 2024)},
            id="was-founded-last-year",
        ),
        pytest.param(
            ["Kvarken Maritime Forum celebrated its tenth birthday last year with a boat show."],
            {("Kvarken Maritime Forum", "created_year", 2014)},
            id="birthday-last-year-is-the-anniversarys-year",
        ),
        pytest.param(
            ["Last year Tatra Timber Hub opened a new office in Poprad."],
            set(),
            id="trap-last-year-an-office",
        ),
    ],
)
def test_last_year_on_a_dated_page(paragraphs: list[str], expected: set[Fact]) -> None:
    assert dated_page_facts("2025-02-11T07:45:00+01:00", *paragraphs) == expected


# ------------------------------------------------------------------ a description is not a second entity


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Fiberforum Väst is a cluster for fibre-based materials in western Sweden.", "The cluster kicked off in 2014 with a workshop in Borås."],
            {("Fiberforum Väst", "created_year", 2014)},
            id="copula-a-cluster-for",
        ),
        pytest.param(
            ["Fiberforum Väst, a cluster for fibre-based materials in western Sweden, kicked off in 2014."],
            {("Fiberforum Väst", "created_year", 2014)},
            id="apposition-a-cluster-for",
        ),
        pytest.param(
            ["Lakeland Agritech is the cluster for farm machinery in the region; it was set up in 2009."],
            {("Lakeland Agritech", "created_year", 2009)},
            id="is-the-cluster-for-then-it",
        ),
        pytest.param(
            ["In 2014 the region set up a cluster for the creative industries."],
            {("cluster for the creative industries", "created_year", 2014)},
            id="an-unnamed-cluster-for-is-still-a-mention",
        ),
    ],
)
def test_a_clusters_description_is_not_a_second_cluster(paragraphs: list[str], expected: set[Fact]) -> None:
    assert extracted(*paragraphs) == expected


# ------------------------------------------------------------------ role titles, "there are N of us"


def test_a_role_title_after_cluster_is_no_cluster() -> None:
    facts = page_facts(
        "Agrifood Marche elects new board",
        "<p>Agrifood Marche, the agri-food cluster of the Marche region, was founded in 2014.</p>"
        "<p>Outgoing Cluster President Marco Rossi served two terms, from 2018 to 2024.</p>"
        "<p>Former Cluster Manager Anna Verdi joined the board in 2019.</p>",
    )
    assert facts == {("Agrifood Marche", "created_year", 2014)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("Now there are 41 of us.", {("Aero Silesia", "member_count", 41)}, id="now-there-are"),
        pytest.param(
            "Today there are 41 of us, from glider makers to a test lab.",
            {("Aero Silesia", "member_count", 41)},
            id="today-there-are-comma",
        ),
        pytest.param("There are 41 of us today.", {("Aero Silesia", "member_count", 41)}, id="there-are-today"),
        pytest.param("In 2009 there were 12 of us.", set(), id="trap-a-past-count"),
    ],
)
def test_there_are_n_of_us(sentence: str, expected: set[Fact]) -> None:
    body = f"<p>Aero Silesia is the aviation cluster of Upper Silesia.</p><p>{sentence}</p>"
    assert page_facts("About Aero Silesia", body) == expected


# ------------------------------------------------------------------ "From 2006 onwards, the X Programme …"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "From 2010 on, the Baltic Cluster Programme has supported networks of firms.",
            {("Baltic Cluster Programme", "starting_year", 2010)},
            id="from-on-has-supported",
        ),
        pytest.param(
            "From 2006 onwards, the Alpine Cluster Initiative financed managers for regional networks.",
            {("Alpine Cluster Initiative", "starting_year", 2006)},
            id="from-onwards-financed",
        ),
        pytest.param(
            "From 2016 onward the Thessaly Cluster Programme paid for joint trade missions.",
            {("Thessaly Cluster Programme", "starting_year", 2016)},
            id="from-onward-no-comma",
        ),
        pytest.param(
            "From 2006 onwards, Baltic Wood Alliance organised a yearly fair.",
            set(),
            id="trap-an-organisations-activity-from-a-year",
        ),
    ],
)
def test_a_programme_active_from_a_year_onwards_starts_then(sentence: str, expected: set[Fact]) -> None:
    assert extracted(sentence) == expected


# ------------------------------------------------------------------ descriptors, possessive appositions, presentations


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "<p>Established in 2010, the Moravian wine cluster Vinoteq now has 60 members.</p>",
            {("Vinoteq", "created_year", 2010), ("Vinoteq", "member_count", 60)},
            id="fronted-participle-descriptor-cluster-name",
        ),
        pytest.param(
            "<p>Founded in 2010, the regional wine network Vinoteq groups 60 wineries.</p>",
            {("Vinoteq", "created_year", 2010), ("Vinoteq", "member_count", 60)},
            id="fronted-participle-descriptor-network-name",
        ),
        pytest.param(
            "<p>Vinoteq, Moravia’s wine cluster, was founded in 2009.</p>",
            {("Vinoteq", "created_year", 2009)},
            id="possessive-apposition",
        ),
        pytest.param(
            "<p>Vinoteq, Moravia's wine cluster, was presented to the press on 12 March 2014.</p>",
            {("Vinoteq", "created_year", 2014)},
            id="presented-to-the-press",
        ),
        pytest.param(
            "<p>Vinoteq is the wine cluster of Moravia.</p><p>It was presented to the public in Brno in May 2012.</p>",
            {("Vinoteq", "created_year", 2012)},
            id="it-presented-to-the-public",
        ),
        pytest.param(
            "<p>Vinoteq is the wine cluster of Moravia.</p><p>Its annual report was presented to the press in 2019.</p>",
            set(),
            id="trap-a-report-presented",
        ),
    ],
)
def test_names_after_descriptors_and_possessive_appositions(body: str, expected: set[Fact]) -> None:
    assert page_facts("Vinoteq", body) == expected


# ------------------------------------------------------------------ dashed fields, "set up <relative date>"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "<ul><li>Year of foundation – 2009</li><li>Members – 44</li></ul>",
            {("Nordic Salmon Hub", "created_year", 2009), ("Nordic Salmon Hub", "member_count", 44)},
            id="list-label-dash-value",
        ),
        pytest.param(
            "<p>Founded — 2009</p><p>Member firms — 44</p>",
            {("Nordic Salmon Hub", "created_year", 2009), ("Nordic Salmon Hub", "member_count", 44)},
            id="paragraph-label-em-dash-value",
        ),
        pytest.param(
            "<table><tr><th>Founded in</th><td>2009</td></tr><tr><th>Member firms</th><td>44</td></tr></table>",
            {("Nordic Salmon Hub", "created_year", 2009), ("Nordic Salmon Hub", "member_count", 44)},
            id="table-member-firms",
        ),
        pytest.param(
            "<ul><li>Office hours – 9 to 17</li><li>Annual fee – 450 euros</li></ul>",
            set(),
            id="trap-dashed-lines-that-are-no-fields",
        ),
    ],
)
def test_fields_with_a_dash(body: str, expected: set[Fact]) -> None:
    assert page_facts("Nordic Salmon Hub", "<p>Nordic Salmon Hub is the aquaculture cluster of Troms.</p>" + body) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("Nordic Salmon Hub, the aquaculture cluster of Troms, was set up nearly two decades ago.", 2004, id="set-up-decades-ago"),
        pytest.param("Nordic Salmon Hub, the aquaculture cluster of Troms, was set up last year.", 2023, id="set-up-last-year"),
        pytest.param("Fishers set up Nordic Salmon Hub, the aquaculture cluster of Troms, some twelve years ago.", 2012, id="set-up-object-years-ago"),
    ],
)
def test_a_relative_date_right_after_set_up(sentence: str, expected: int) -> None:
    assert dated_page_facts("2024-06-10T09:00:00+02:00", sentence) == {("Nordic Salmon Hub", "created_year", expected)}


# ------------------------------------------------------------------ noise: role titles in names, relative clauses


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("<p>The Regional Cluster Manager Network was set up in 2018.</p>", set(), id="trap-manager-network"),
        pytest.param("<p>The Baltic Cluster Coordinators Forum met for the first time in 2016.</p>", set(), id="trap-coordinators-forum"),
        pytest.param(
            "<p>Vinoteq is the wine cluster of Moravia. The Moravian Wine Fund, which finances it, was set up in 1995.</p>",
            set(),
            id="trap-it-inside-a-relative-clause",
        ),
        pytest.param(
            "<p>Vinoteq is the wine cluster of Moravia. The wine route, which it promotes, was opened in 2001.</p>",
            set(),
            id="trap-it-inside-a-relative-clause-opened",
        ),
        pytest.param(
            "<p>The Moravian Wine Network, which Vinoteq helped to found, was set up in 2005.</p>",
            {("Moravian Wine Network", "created_year", 2005)},
            id="the-name-before-the-relative-clause",
        ),
    ],
)
def test_role_titles_and_relative_clauses_give_no_cluster(body: str, expected: set[Fact]) -> None:
    assert page_facts("Vinoteq", body) == expected


# ------------------------------------------------------------------ programmes: approved, in effect, named after a descriptor


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "In 2004, the ministry issued a national cluster programme called the Cluster Excellence Programme.",
            {("Cluster Excellence Programme", "starting_year", 2004)},
            id="issued-descriptor-called",
        ),
        pytest.param(
            "In 2004 the ministry introduced a national cluster programme, the Cluster Excellence Programme.",
            {("Cluster Excellence Programme", "starting_year", 2004)},
            id="introduced-descriptor-apposition",
        ),
        pytest.param(
            "The Cluster Excellence Programme was approved by the government in March 2004.",
            {("Cluster Excellence Programme", "starting_year", 2004)},
            id="approved-passive",
        ),
        pytest.param(
            "The government approved the Cluster Excellence Programme in March 2004.",
            {("Cluster Excellence Programme", "starting_year", 2004)},
            id="approved-active-object",
        ),
        pytest.param(
            "The Cluster Excellence Programme came into effect on 1 July 2004.",
            {("Cluster Excellence Programme", "starting_year", 2004)},
            id="came-into-effect",
        ),
        pytest.param(
            "Tatra Wood Network was approved as a national cluster in 2016.",
            set(),
            id="trap-an-organisations-approval-is-a-label",
        ),
        pytest.param(
            "In 2012 the agency launched a call for projects, the Cluster Excellence Programme being its main tool.",
            set(),
            id="trap-a-call-is-no-descriptor-of-the-programme",
        ),
    ],
)
def test_programme_starts_told_by_approval_effect_or_descriptor(sentence: str, expected: set[Fact]) -> None:
    assert extracted(sentence) == expected


def test_a_network_called_by_its_name_after_a_descriptor() -> None:
    body = "<p>In 2011 the county set up a regional food network called Viken Food Partners.</p>"
    assert page_facts("Viken Food Partners", body) == {("Viken Food Partners", "created_year", 2011)}


# ------------------------------------------------------------------ an aside between dashes before the verb


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Distretto Nautico Tirrenico (DNT), a technology district — the name Italians give to a cluster — was constituted as a consortium on 21 December 2011.",
            {("Distretto Nautico Tirrenico", "created_year", 2011)},
            id="acronym-apposition-dashed-aside",
        ),
        pytest.param(
            "Distretto Nautico Tirrenico — the Italian word for a cluster — was founded in 2011.",
            {("Distretto Nautico Tirrenico", "created_year", 2011)},
            id="dashed-aside-only",
        ),
        pytest.param(
            "Distretto Nautico Tirrenico, a technology district – in effect a cluster – was set up in 2011.",
            {("Distretto Nautico Tirrenico", "created_year", 2011)},
            id="en-dashes",
        ),
        pytest.param(
            "Distretto Nautico Tirrenico works with the Port Authority — a body that itself was founded in 1994.",
            set(),
            id="trap-one-dash-another-body",
        ),
    ],
)
def test_a_dashed_aside_between_name_and_verb(sentence: str, expected: set[Fact]) -> None:
    assert page_facts("Case study: Distretto Nautico Tirrenico", f"<p>{sentence}</p>") == expected


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        pytest.param("“There are 41 of us now”", {("Aero Silesia", "member_count", 41)}, id="quoted-headline"),
        pytest.param("Interview", {("Aero Silesia", "member_count", 41)}, id="generic-headline"),
    ],
)
def test_a_first_person_count_on_a_page_whose_headline_names_no_one(h1: str, expected: set[Fact]) -> None:
    body = "<p>Aero Silesia is the aviation cluster of Upper Silesia. How did it start?</p><p>Now there are 41 of us.</p>"
    assert page_facts(h1, body) == expected


# ------------------------------------------------------------------ narrative openings of an about page


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("The story began in 2008, when six shipyards met in Vaasa.", {("Kvarken Maritime Forum", "created_year", 2008)}, id="the-story-began"),
        pytest.param("It all started in 2008 with six shipyards.", {("Kvarken Maritime Forum", "created_year", 2008)}, id="it-all-started"),
        pytest.param("Our story starts in 2008 in a harbour café.", {("Kvarken Maritime Forum", "created_year", 2008)}, id="our-story-starts"),
        pytest.param("The story of shipbuilding in Vaasa began in 1870.", set(), id="trap-the-story-of-something-else"),
        pytest.param("It all changed in 2015 when the yard closed.", set(), id="trap-it-all-changed"),
    ],
)
def test_the_story_of_the_page_topic(sentence: str, expected: set[Fact]) -> None:
    body = f"<p>Kvarken Maritime Forum is the maritime cluster of Vaasa.</p><p>{sentence}</p>"
    assert page_facts("Our story", body) == expected


# ------------------------------------------------------------------ a second verb phrase


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "The Danube Cluster Programme was designed in 2015 and opened for applications in 2016.",
            {("Danube Cluster Programme", "starting_year", 2016)},
            id="designed-and-opened-for",
        ),
        pytest.param(
            "Tatra Wood Network held talks with sawmills in 2010 and was formally registered in 2011.",
            {("Tatra Wood Network", "created_year", 2011)},
            id="held-talks-and-was-registered",
        ),
        pytest.param(
            "The Danube Cluster Programme was drafted in 2015 and officially launched in March 2016.",
            {("Danube Cluster Programme", "starting_year", 2016)},
            id="drafted-and-launched",
        ),
        pytest.param(
            "Tatra Wood Network grew quickly and launched a training academy in 2015.",
            set(),
            id="trap-and-launched-an-object",
        ),
    ],
)
def test_the_subject_of_a_second_verb_phrase(sentence: str, expected: set[Fact]) -> None:
    assert extracted(sentence) == expected


# ------------------------------------------------------------------ legal personality, constituent assemblies, "N years later" in the sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("The cluster obtained legal personality in 2010.", {("Vinoteq", "created_year", 2010)}, id="obtained-legal-personality"),
        pytest.param("Vinoteq acquired legal personality on 3 June 2010.", {("Vinoteq", "created_year", 2010)}, id="acquired-legal-personality"),
        pytest.param("Vinoteq was legally established in 2010.", {("Vinoteq", "created_year", 2010)}, id="legally-established"),
        pytest.param("The constituent assembly of Vinoteq took place on 4 May 2010.", {("Vinoteq", "created_year", 2010)}, id="constituent-assembly-of"),
        pytest.param("Vinoteq held its constituent assembly in May 2010.", {("Vinoteq", "created_year", 2010)}, id="its-constituent-assembly"),
        pytest.param(
            "The idea of Vinoteq was born in 2008, and the cluster was founded two years later.",
            {("Vinoteq", "created_year", 2010)},
            id="years-later-in-the-same-sentence",
        ),
        pytest.param(
            "Vinoteq was founded in 2007; three years later it opened an office in Brno.",
            {("Vinoteq", "created_year", 2007)},
            id="trap-years-later-dates-another-event",
        ),
        pytest.param("The regional wine chamber obtained legal personality in 1995.", set(), id="trap-another-bodys-legal-personality"),
    ],
)
def test_legal_personality_constituent_assembly_and_years_later(sentence: str, expected: set[Fact]) -> None:
    assert page_facts("Vinoteq", f"<p>Vinoteq is the wine cluster of Moravia.</p><p>{sentence}</p>") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Since 2016 the former Moravian Wine Forum has operated under the name Vinoteq.", id="has-operated-under-the-name"),
        pytest.param("The former Moravian Wine Forum operates under the name Vinoteq today.", id="operates-under-the-name"),
        pytest.param("Since 2016 the former Moravian Wine Forum has been operating under the name Vinoteq.", id="has-been-operating-under"),
        pytest.param("Until 2016 the cluster operated under the name Moravian Wine Forum.", id="past-operated-under-the-former-name"),
    ],
)
def test_operating_under_a_name_in_the_present_gives_the_new_name(sentence: str) -> None:
    body = f"<p>Vinoteq is the wine cluster of Moravia.</p><p>{sentence}</p>"
    assert page_facts("Vinoteq", body) == {("Moravian Wine Forum", "renamed_to", "Vinoteq")}


# ------------------------------------------------------------------ a generic headline over a first-person page: the site's own page


@pytest.mark.parametrize(
    ("h1", "og_title", "body", "expected"),
    [
        pytest.param(
            "About us", "About us | Lakeside Robotics Cluster",
            "<p>We were founded in 2012 by eight robot integrators.</p><p>Today we have 45 members.</p>",
            {("Lakeside Robotics Cluster", "created_year", 2012), ("Lakeside Robotics Cluster", "member_count", 45)},
            id="about-us-pipe-site",
        ),
        pytest.param(
            "Who we are", "Who we are – Adriatic Marine Network",
            "<p>We started in 2009 as a handful of boatyards. Now we are 38: yards, marinas and two institutes.</p>",
            {("Adriatic Marine Network", "created_year", 2009), ("Adriatic Marine Network", "member_count", 38)},
            id="who-we-are-dash-site",
        ),
        pytest.param(
            "Our history", "Our history · Pannon Food Alliance",
            "<p>We set up the alliance in 2013 with eleven food makers.</p>",
            {("Pannon Food Alliance", "created_year", 2013)},
            id="our-history-dot-site",
        ),
        pytest.param(
            "About us", "About us | Regional Development Agency",
            "<p>We were founded in 1995 to attract investors.</p><p>We support 12 clusters in the county.</p>",
            set(),
            id="trap-an-agencys-own-page",
        ),
    ],
)
def test_a_first_person_page_under_a_generic_headline_is_the_sites(
    h1: str, og_title: str, body: str, expected: set[Fact]
) -> None:
    assert page_facts(h1, body, og_title=og_title) == expected


# ------------------------------------------------------------------ a label line over its value, a dated label


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param("<p><b>Founded</b><br>2009</p>", {("Nordic Salmon Hub", "created_year", 2009)}, id="label-br-value"),
        pytest.param(
            "<p><b>Founded</b><br>2009<br><b>Members</b><br>44</p>",
            {("Nordic Salmon Hub", "created_year", 2009), ("Nordic Salmon Hub", "member_count", 44)},
            id="two-label-br-value-pairs",
        ),
        pytest.param("<p>Members (2024): 44</p>", {("Nordic Salmon Hub", "member_count", 44)}, id="label-with-a-dated-note"),
        pytest.param("<p>Year of establishment (registry): 12.03.2015</p>", {("Nordic Salmon Hub", "created_year", 2015)}, id="label-with-a-source-note"),
        pytest.param("<p><b>Start</b><br>09:30 registration and coffee</p>", set(), id="trap-a-programme-line-without-a-year"),
    ],
)
def test_a_label_line_and_a_dated_label(fields: str, expected: set[Fact]) -> None:
    assert page_facts("Nordic Salmon Hub", "<p>Nordic Salmon Hub is the aquaculture cluster of Troms.</p>" + fields) == expected


# ------------------------------------------------------------------ an apposition before an active verb with an object; "this year"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("In 2024 Nordic Salmon Hub, the aquaculture cluster of Troms, opened an office in Bodø.", set(), id="trap-opened-an-office"),
        pytest.param("In 2021, Nordic Salmon Hub, the aquaculture cluster of Troms, launched a training academy.", set(), id="trap-launched-an-academy"),
        pytest.param(
            "Nordic Salmon Hub, the aquaculture cluster of Troms, launched the Arctic Cluster Programme in 2016.",
            {("Arctic Cluster Programme", "starting_year", 2016)},
            id="launched-a-named-programme",
        ),
        pytest.param(
            "WestBIO, the bio-economy cluster for the west of Ireland, opened its doors to its first members in September 2016.",
            {("WestBIO", "created_year", 2016)},
            id="opened-its-doors-to-members",
        ),
        pytest.param(
            "Nordic Salmon Hub, the aquaculture cluster of Troms, was founded earlier this year.",
            {("Nordic Salmon Hub", "created_year", 2024)},
            id="earlier-this-year",
        ),
        pytest.param(
            "Nordic Salmon Hub, the aquaculture cluster of Troms, was founded in 2009. This year's members' day was launched in May.",
            {("Nordic Salmon Hub", "created_year", 2009)},
            id="trap-this-years-event",
        ),
    ],
)
def test_an_apposition_does_not_make_an_activity_a_founding(sentence: str, expected: set[Fact]) -> None:
    assert dated_page_facts("2024-06-10T09:00:00+02:00", sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Our annual Salmon Summit was born in 2015.", id="annual-summit-born"),
        pytest.param("The Arctic Aquaculture Expo was launched in 2017 in Tromsø.", id="expo-launched"),
        pytest.param("The yearly Fjord Hackathon kicked off in 2019.", id="yearly-hackathon-kicked-off"),
        pytest.param("Our new innovation centre in Tromsø opened its doors in 2022.", id="a-centre-opened-its-doors"),
    ],
)
def test_an_organisations_events_and_buildings_are_no_clusters(sentence: str) -> None:
    facts = dated_page_facts("2024-06-10T09:00:00+02:00", "Nordic Salmon Hub is the aquaculture cluster of Troms.", sentence)
    assert facts == set()
