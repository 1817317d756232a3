"""Constructions found missing on the dev5 press split (cluster organisations), one parametrized
case each, on `spacy.blank("en")`, with traps. Every sentence was written for these tests (our own
wording, not the dev5 pages' and not copied from elsewhere)."""

from __future__ import annotations

import pytest

from tests.test_nlp_constructions import Fact, extracted


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Tagus Robotics Network (Lisbon, PT) – set up in 2014 by six automation firms."],
            {("Tagus Robotics Network", "created_year", 2014, "set up")},
            id="dash-participle-after-parenthesis",
        ),
        pytest.param(
            ["The Baltic Optics Cluster (BOC), founded in 2009 by nine lens makers, opened a lab in 2021."],
            {
                ("Baltic Optics Cluster", "created_year", 2009, "founded"),
                ("Baltic Optics Cluster", "abbreviation", "BOC", None),
            },
            id="comma-participle-after-acronym",
        ),
        pytest.param(
            [
                "Moselle Wood Cluster (Metz) – the timber cluster of Lorraine, established in 2011; 40 members."
            ],
            {
                ("Moselle Wood Cluster", "created_year", 2011, "established"),
                ("Moselle Wood Cluster", "member_count", 40, None),
            },
            id="dash-apposition-participle-after-parenthesis",
        ),
        pytest.param(
            ["The Danube Ports Cluster (Vienna, AT) – its partner, the Port of Vienna, was opened in 1939."],
            set(),
            id="trap-dash-then-another-subject",
        ),
    ],
)
def test_participle_after_a_parenthesis(paragraphs: list[str], expected: set[Fact]) -> None:
    assert extracted(*paragraphs) - {f for f in extracted(*paragraphs) if f[1] == "description"} == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "The Adriatic Boat Cluster announced that it will operate under the name Blue Adriatic Yards from May."
            ],
            {("Adriatic Boat Cluster", "renamed_to", "Blue Adriatic Yards", "rename")},
            id="will-operate-under-the-name",
        ),
        pytest.param(
            ["From next year the Carpathian Wood Cluster will be known as Carpathia Timber."],
            {("Carpathian Wood Cluster", "renamed_to", "Carpathia Timber", "rename")},
            id="will-be-known-as",
        ),
        pytest.param(
            ["The Adriatic Boat Cluster said that its spring fair will be called Boat Days Split."],
            set(),
            id="trap-an-event-will-be-called",
        ),
    ],
)
def test_announced_renames(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] == "renamed_to"} == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "Tagus Robotics Cluster · Lisbon · set up in 2014 by nine automation firms and a university · 33 members"
            ],
            {
                ("Tagus Robotics Cluster", "created_year", 2014, None),
                ("Tagus Robotics Cluster", "member_count", 33, None),
            },
            id="directory-field-with-agent",
        ),
        pytest.param(
            ["Tagus Robotics Cluster · Lisbon · Registered as an association in 2014 · 33 members"],
            {
                ("Tagus Robotics Cluster", "created_year", 2014, None),
                ("Tagus Robotics Cluster", "member_count", 33, None),
            },
            id="directory-field-registered",
        ),
        pytest.param(
            ["Tagus Robotics Cluster · Lisbon · set up a training centre for welders in 2014 · 33 members"],
            {("Tagus Robotics Cluster", "member_count", 33, None)},
            id="trap-directory-field-set-up-something",
        ),
        pytest.param(
            ["Tagus Robotics Cluster · Registered office in Lisbon since 2014 · 33 members"],
            {("Tagus Robotics Cluster", "member_count", 33, None)},
            id="trap-directory-registered-office",
        ),
    ],
)
def test_directory_fields_with_a_longer_tail(paragraphs: list[str], expected: set[Fact]) -> None:
    assert extracted(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Since Marmara Rail Forum's establishment in 2013, exports by its firms have doubled."],
            {("Marmara Rail Forum", "created_year", 2013, "established")},
            id="possessor-of-nominal-trigger",
        ),
        pytest.param(
            ["The Baltic Optics Cluster's official launch took place in Riga in 2010."],
            {("Baltic Optics Cluster", "created_year", 2010, "launched")},
            id="possessor-with-modifier",
        ),
        pytest.param(
            ["In 2011 nine wineries signed the founding charter of the Tikves Wine Cluster."],
            {("Tikves Wine Cluster", "created_year", 2011, "founded")},
            id="founding-charter-of",
        ),
        pytest.param(
            ["The founding assembly of Danube Hydro Network was held in Ruse on 4 May 2016."],
            {("Danube Hydro Network", "created_year", 2016, "founded")},
            id="founding-assembly-of",
        ),
        pytest.param(
            ["Sweden's launch of its first cluster call came in 2003."],
            set(),
            id="trap-country-possessor",
        ),
        pytest.param(
            ["The founding members of the Danube Hydro Network met again in 2019."],
            set(),
            id="trap-founding-members-meet",
        ),
    ],
)
def test_possessed_and_documented_foundings(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] in ("created_year", "starting_year")} == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["The association behind the Loire Boat Cluster was registered at the prefecture in March 2007."],
            {("Loire Boat Cluster", "created_year", 2007, "registered")},
            id="registered-at",
        ),
        pytest.param(
            ["Hafen Logistik Netzwerk was formally registered a year later, in 2012."],
            {("Hafen Logistik Netzwerk", "created_year", 2012, "registered")},
            id="registered-with-a-date-later",
        ),
        pytest.param(
            ["Klaster Kamen Split started work in 2009 with six quarries."],
            {("Klaster Kamen Split", "created_year", 2009, "started")},
            id="started-work-in",
        ),
        pytest.param(
            ["Klaster Kamen Split started work on a new test hall in 2019."],
            set(),
            id="trap-started-work-on-a-building",
        ),
        pytest.param(
            ["In 2015 the Loire Boat Cluster registered a trademark for its members' boats."],
            set(),
            id="trap-registered-something",
        ),
    ],
)
def test_registered_and_started_work(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] in ("created_year", "starting_year")} == expected


def extracted_on(published: str, *paragraphs: str) -> set[Fact]:
    from pipeline.models.nlp.claims import extract_prose_claims
    from tests.test_nlp_rules import make_doc

    doc = make_doc(*paragraphs, published=published)
    return {
        (c.subject_name, c.attribute, c.value, c.qualifier)
        for c in extract_prose_claims(doc, country=None)
        if c.attribute in ("created_year", "starting_year")
    }


@pytest.mark.parametrize(
    ("published", "paragraphs", "expected"),
    [
        pytest.param(
            "2025-03-14",
            ["The Alpine Timber Cluster celebrated its tenth birthday last year with a pavilion."],
            {("Alpine Timber Cluster", "created_year", 2014, "anniversary")},
            id="anniversary-last-year",
        ),
        pytest.param(
            "2025-03-14",
            ["The Alpine Timber Cluster marked its 15th anniversary in 2023 with an open day."],
            {("Alpine Timber Cluster", "created_year", 2008, "anniversary")},
            id="anniversary-in-an-earlier-year",
        ),
        pytest.param(
            "2025-03-14",
            ["The Alpine Timber Cluster celebrates its 20th anniversary with an open day in June."],
            {("Alpine Timber Cluster", "created_year", 2005, "anniversary")},
            id="anniversary-this-year",
        ),
    ],
)
def test_anniversary_year(published: str, paragraphs: list[str], expected: set[Fact]) -> None:
    assert extracted_on(published, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["The Rhine Hydrogen Cluster was not formally registered as an association until 2014."],
            {("Rhine Hydrogen Cluster", "created_year", 2014, "registered")},
            id="not-until",
        ),
        pytest.param(
            ["The Rhine Hydrogen Cluster ran its electrolyser pilot until 2014."],
            set(),
            id="trap-until-without-negation",
        ),
        pytest.param(
            [
                "The Rhine Hydrogen Cluster was set up by the port authority, itself established in 1921, and three utilities in 2012."
            ],
            {("Rhine Hydrogen Cluster", "created_year", 2012, "set up")},
            id="date-after-a-dated-aside",
        ),
        pytest.param(
            [
                "The Rhine Hydrogen Cluster works with the port authority, itself established in 1921, on bunkering."
            ],
            set(),
            id="trap-only-the-aside-is-dated",
        ),
    ],
)
def test_dates_around_negations_and_asides(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] in ("created_year", "starting_year")} == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "The Tatra Food Network, created in 2016 on the initiative of a university and nine dairies, now has 31 members."
            ],
            {("Tatra Food Network", "member_count", 31, None)},
            id="founders-in-a-participle-clause-today-count-after",
        ),
        pytest.param(
            ["The Tatra Food Cluster, which nine dairies founded in 2016, wants to export cheese."],
            set(),
            id="founders-before-an-active-founding-verb",
        ),
        pytest.param(
            ["How six firms built the Tatra Food Cluster"],
            set(),
            id="founders-built",
        ),
        pytest.param(
            ["The Tatra Food Cluster has 31 members, and its members founded a school in 2019."],
            {("Tatra Food Cluster", "member_count", 31, None)},
            id="trap-members-found-something-else",
        ),
    ],
)
def test_founders_are_not_members(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] == "member_count"} == expected


def fact_sheet(title: str, *pairs: tuple[str, str]) -> set[tuple[str, str, object]]:
    from pipeline.backend.html import parse_html
    from pipeline.models.nlp.claims import extract_prose_claims

    fields = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in pairs)
    data = (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav><main><article>"
        f"<h1>Facts and figures</h1><dl>{fields}</dl></article></main></body></html>"
    ).encode()
    doc = parse_html(data, doc_id="d", uri="d.html", sha256="0")
    return {
        (c.subject_name, c.attribute, c.value)
        for c in extract_prose_claims(doc, country=None)
        if c.attribute != "mentioned"
    }


def test_a_fact_sheet_speaks_of_the_organisation_its_title_names() -> None:
    assert fact_sheet(
        "Facts and figures | Clúster del Mármol de Macael",
        ("Founded", "2007"),
        ("Members", "58"),
        ("Jobs in member companies", "3,900"),
    ) == {
        ("Clúster del Mármol de Macael", "created_year", 2007),
        ("Clúster del Mármol de Macael", "member_count", 58),
    }


def test_a_list_of_several_start_fields_is_not_one_organisations_sheet() -> None:
    assert (
        fact_sheet(
            "Facts and figures | Clúster del Mármol de Macael",
            ("Founded", "2007"),
            ("Founded", "2011"),
            ("Members", "58"),
        )
        == set()
    )


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "Kareli Timber is a member of the Tatra Wood Cluster. Kareli Timber was founded in 1991 as a small family sawmill."
            ],
            set(),
            id="trap-founded-as-a-company",
        ),
        pytest.param(
            ["Tatra Cheese Network was set up in 2010 as a network of dairies."],
            {("Tatra Cheese Network", "created_year", 2010, "set up")},
            id="set-up-as-a-network",
        ),
        pytest.param(
            [
                "Kareli Timber joined the Tatra Wood Cluster in 2016.",
                "That was three years after the network of sawmills and joiners in Upper Orava had been set up by the county in 2013.",
            ],
            {("Tatra Wood Cluster", "created_year", 2013, "set up")},
            id="reference-with-a-description-as-passive-subject",
        ),
        pytest.param(
            ["Three years after the sawmills in Upper Orava had been modernised in 2013, exports doubled."],
            set(),
            id="trap-a-place-after-a-noun-is-not-the-subject",
        ),
    ],
)
def test_companies_places_and_described_references(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] in ("created_year", "starting_year")} == expected


def test_a_member_spotlight_is_not_about_the_member_as_a_cluster() -> None:
    from pipeline.models.nlp.context import topic_name

    assert (
        topic_name("Member spotlight: Kareli Timber | Tatra Wood Cluster", "Kareli Timber makes boards.")
        is None
    )
    assert topic_name("Tatra Wood Cluster | News", "The Tatra Wood Cluster met.") == "Tatra Wood Cluster"


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "Alpsmed – the medical-technology cluster of Lucerne; active since 2009, with 70 member companies."
            ],
            {("Alpsmed", "created_year", 2009, "active since"), ("Alpsmed", "member_count", 70, None)},
            id="dash-list-item-with-semicolon",
        ),
        pytest.param(
            ["Lucerne Energy Forum – links utilities and installers; it became an association in 2015."],
            {("Lucerne Energy Forum", "created_year", 2015, "established")},
            id="became-an-association",
        ),
        pytest.param(
            ["Alpsmed – the medical-technology cluster of Lucerne; founded a design school in 2019."],
            set(),
            id="trap-list-item-founded-something",
        ),
        pytest.param(
            [
                "Alpsmed – the medical-technology cluster of Lucerne; in 2012, with 30 member companies, it opened an office."
            ],
            set(),
            id="trap-a-plain-year-keeps-the-count-in-the-past",
        ),
    ],
)
def test_list_items_with_a_dash(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] in ("created_year", "member_count")} == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "The Government adopted the Programme for Innovation, Export and Clusters for 2024.",
                "The programme, first adopted in 2009, this year supports 11 clusters.",
            ],
            {
                ("Programme for Innovation, Export and Clusters", "starting_year", 2009, "introduced"),
                ("Programme for Innovation, Export and Clusters", "cluster_count", 11, None),
            },
            id="programme-for-name-and-reference",
        ),
        pytest.param(
            ["The Programme for Cluster Development was launched in 2012."],
            {("Programme for Cluster Development", "starting_year", 2012, "launched")},
            id="programme-for-one-word-list",
        ),
        pytest.param(
            ["The ministry extended the Programme for Cluster Development for 2026."],
            set(),
            id="trap-for-a-year-is-a-period",
        ),
    ],
)
def test_programme_for_names(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {
        f for f in extracted(*paragraphs) if f[1] in ("starting_year", "cluster_count", "created_year")
    } == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "The Baltic Photonics Cluster was launched in 2011 as an initiative of the Latvian Optics Association. It has 40 members."
            ],
            {("Baltic Photonics Cluster", "member_count", 40, None)},
            id="it-skips-the-complement-of-a-noun",
        ),
        pytest.param(
            ["The Latvian Optics Association runs the Baltic Photonics Cluster. It has 40 members."],
            {("Baltic Photonics Cluster", "member_count", 40, None)},
            id="it-after-an-object-is-unchanged",
        ),
    ],
)
def test_it_and_oblique_names(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] == "member_count"} == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "The Shkoder Herb Cluster was set up in 2015. Today it unites 27 collectors, processors and exporters."
            ],
            {("Shkoder Herb Cluster", "member_count", 27, None)},
            id="unites-any-plural-noun",
        ),
        pytest.param(
            ["The Una Wood Cluster brings together 32 sawmills, furniture makers and suppliers."],
            {("Una Wood Cluster", "member_count", 32, None)},
            id="brings-together-any-plural-noun",
        ),
        pytest.param(
            ["The Una Wood Cluster brings together 20 years of experience in furniture design."],
            set(),
            id="trap-years-of-experience",
        ),
        pytest.param(
            ["The Una Wood Cluster counts 12 nationalities among its engineers."],
            set(),
            id="trap-counts-nationalities",
        ),
    ],
)
def test_membership_verbs_count_any_plural(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] == "member_count"} == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "Loire Boat Pole is the boat cluster of the region.",
                "Today the pole federates 210 members: 150 companies, 35 laboratories and 25 local authorities.",
            ],
            {("Loire Boat Pole", "member_count", 210, None)},
            id="total-then-colon-breakdown",
        ),
        pytest.param(
            ["The Loire Boat Cluster has 210 members (150 companies and 60 laboratories)."],
            {("Loire Boat Cluster", "member_count", 210, None)},
            id="total-then-parenthesised-breakdown",
        ),
        pytest.param(
            ["Loire Boat Pole is the boat cluster of the region.", "Members: 210"],
            {("Loire Boat Pole", "member_count", 210, None)},
            id="a-real-field-label-still-counts",
        ),
    ],
)
def test_a_total_and_its_breakdown(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] == "member_count"} == expected


def test_years_of_headline_names_the_topic() -> None:
    from pipeline.models.nlp.context import topic_name

    assert topic_name("Twenty years of Fjordnet", "Today Fjordnet counts 51 member firms.") == "Fjordnet"
    assert topic_name("25 years of Fjordnet", "Fjordnet was set up in 2000.") == "Fjordnet"
    assert topic_name("Ten reasons to join a cluster", "Join us.", repeated=False) is None


@pytest.mark.parametrize(
    ("published", "paragraphs", "expected"),
    [
        pytest.param(
            "2024-04-02",
            [
                "Fjordnet Cluster was in the news. Twelve years ago today, nine shipyards signed the statutes of Fjordnet Cluster in Bergen."
            ],
            {("Fjordnet Cluster", "created_year", 2012, "founded")},
            id="signed-the-statutes-relative-date",
        ),
        pytest.param(
            "2024-04-02",
            ["In 2019 the members of Fjordnet Cluster amended the statutes of the association."],
            set(),
            id="trap-amended-statutes",
        ),
    ],
)
def test_signing_the_statutes(published: str, paragraphs: list[str], expected: set[Fact]) -> None:
    assert extracted_on(published, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "The Riga Heat Cluster opened a lab.",
                "The cluster was founded in 2012 as the Baltic Heat Forum and renamed in 2017.",
            ],
            {("Baltic Heat Forum", "renamed_to", "Riga Heat Cluster", "rename")},
            id="founded-as-and-renamed",
        ),
        pytest.param(
            [
                "The Riga Heat Cluster was set up in 2012 as part of the Baltic Heat Programme and renamed in 2017."
            ],
            set(),
            id="trap-as-part-of-a-programme",
        ),
    ],
)
def test_founded_as_then_renamed(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] == "renamed_to"} == expected


def test_a_bare_answer_with_a_remark_counts_the_interviewed_cluster() -> None:
    from tests.test_nlp_page_subject import extracted as page_extracted
    from tests.test_nlp_page_subject import page

    data = page(
        "An interview with our chair",
        "The Aegean Rail Suppliers Cluster (EGERAY) brings rail suppliers together.",
        "How big is EGERAY now?",
        "112 members, most of them small workshops.",
        "We want to grow.",
    )
    assert ("Aegean Rail Suppliers Cluster", "member_count", 112) in page_extracted(data)


def test_a_bare_count_with_a_remark_on_a_page_of_two_clusters_is_nobodys() -> None:
    from tests.test_nlp_page_subject import extracted as page_extracted
    from tests.test_nlp_page_subject import page

    data = page(
        "An interview with our chair",
        "The Aegean Rail Suppliers Cluster works with the Thracian Wood Cluster.",
        "112 members, most of them small workshops.",
        "We want to grow.",
    )
    assert not {f for f in page_extracted(data) if f[1] == "member_count"}


def test_a_foreword_counts_the_year_end_membership_of_the_site() -> None:
    from tests.test_nlp_page_subject import extracted as page_extracted
    from tests.test_nlp_page_subject import page

    data = page(
        "Foreword",
        "When nine firms set up Delta Coatings Network in 2016, nobody expected this.",
        "We closed 2024 with 81 members (2023: 77).",
        og_title="Annual report 2024 – Delta Coatings Network",
    )
    facts = page_extracted(data)
    assert ("Delta Coatings Network", "member_count", 81) in facts
    assert not any(f[0] == "Foreword" for f in facts)


def test_a_plain_past_year_count_stays_history() -> None:
    assert not {
        f for f in extracted("In 2019 the Delta Coatings Network had 40 members.") if f[1] == "member_count"
    }


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "Mur Valley Energy Cluster was set up in 2007 by the province. More than 90 companies and institutes are members."
            ],
            {("Mur Valley Energy Cluster", "member_count", 90, "more than")},
            id="subjectless-count-of-the-paragraphs-cluster",
        ),
        pytest.param(
            [
                "Mur Valley Energy Cluster works with the Drava Wood Cluster. More than 90 companies and institutes are members."
            ],
            set(),
            id="trap-two-clusters-in-the-paragraph",
        ),
    ],
)
def test_subjectless_member_counts(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] == "member_count"} == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["The Gozo Boat Cluster came together in the spring of 2017, when boatyards lost a contract."],
            {("Gozo Boat Cluster", "created_year", 2017, "created")},
            id="came-together-in",
        ),
        pytest.param(
            ["The Gozo Boat Cluster came together for its annual meeting in 2019."],
            set(),
            id="trap-came-together-for-a-meeting",
        ),
    ],
)
def test_came_together(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] == "created_year"} == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Žilinský drevársky klaster was founded in 2012 by sawmills."],
            {("Žilinský drevársky klaster", "created_year", 2012, "founded")},
            id="lower-case-central-european-name",
        ),
        pytest.param(
            ["The Ministry said each regional klaster was founded in 2012."],
            set(),
            id="trap-a-generic-klaster",
        ),
    ],
)
def test_lower_case_klaster_names(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] == "created_year"} == expected


def test_head_first_german_competence_networks() -> None:
    facts = extracted(
        "The Kompetenznetz Medizintechnik Sachsen goes back to a workshop in 1999, but it was not constituted"
        " as an association until 2003. Today it has 64 members."
    )
    assert {f for f in facts if f[1] in ("created_year", "member_count")} == {
        ("Kompetenznetz Medizintechnik Sachsen", "created_year", 2003, "established"),
        ("Kompetenznetz Medizintechnik Sachsen", "member_count", 64, None),
    }


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "Ouest Boats is the boat cluster of the west.",
                "Known until 2014 as Pole Boats Atlantique, it took its present name, Ouest Boats, when firms from Brittany joined.",
            ],
            {("Pole Boats Atlantique", "renamed_to", "Ouest Boats", "rename")},
            id="took-its-present-name",
        ),
        pytest.param(
            ["In 2016 the Pole Bois Cluster took its present name after a vote."],
            set(),
            id="trap-present-name-not-given",
        ),
    ],
)
def test_took_its_present_name(paragraphs: list[str], expected: set[Fact]) -> None:
    assert {f for f in extracted(*paragraphs) if f[1] == "renamed_to"} == expected
