"""Entries of a list or a directory that open with a name and a dash ("Glasslab – glass and
crystal. Founded 2013.", a heading "MOVEO – Mobility Cluster of the Carpathians" above its fields)
are about that name; spelled-out compound numbers date relative phrases ("twenty-five years ago");
"it" after a possessed thing that is the subject of its clause is that thing.

Every sentence here was written for these tests (our own wording), never copied from a page.
"""

from __future__ import annotations

import pytest

from pipeline.backend.html import parse_html
from pipeline.models.nlp.claims import extract_prose_claims
from pipeline.text.dates import find_dates
from tests.test_nlp_dev6_rules import page_facts

INTRO = "<p>The region supports several cluster organisations that link firms and colleges.</p>"


def _items(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


@pytest.mark.parametrize(
    ("h1", "body", "expected"),
    [
        pytest.param(
            "Business networks of the Tatra region",
            INTRO
            + _items(
                "Woodline – furniture makers. The association was created in 2004 and has about 90 members.",
                "Spiš Tech – engineering firms. Active since 2011; 35 member companies.",
                "Glasslab – glass and crystal. Founded 2013.",
            ),
            {
                ("Woodline", "created_year", 2004),
                ("Woodline", "member_count", 90),
                ("Spiš Tech", "created_year", 2011),
                ("Spiš Tech", "member_count", 35),
                ("Glasslab", "created_year", 2013),
            },
            id="list-of-cluster-organisations",
        ),
        pytest.param(
            "Where to invest",
            "<p>Three partners help investors find their way.</p>"
            + _items("Kemira – a chemical company. Founded in 1920.", "Northbank – a lender. Founded in 1874."),
            set(),
            id="trap-list-of-companies-without-cluster-words",
        ),
        pytest.param(
            "Clusters of the south",
            "<p>Here are the recognised clusters.</p><h2>MOVEO – Mobility Cluster of the Carpathians</h2>"
            "<p>Purpose: connect car parts makers.</p><p>Foundation: 2009<br>Members: 52</p>"
            "<h2>Verdana – Green Building Cluster</h2><p>Foundation: 2012<br>Members: 40</p>",
            {
                ("MOVEO", "created_year", 2009),
                ("MOVEO", "member_count", 52),
                ("Verdana", "created_year", 2012),
                ("Verdana", "member_count", 40),
            },
            id="directory-headings-with-a-dash",
        ),
        pytest.param(
            "Clusters of the south",
            "<h2>Pannon Food – Agri-food cluster of South Transdanubia</h2><ul><li>Founded: 2007</li><li>Members: 64</li></ul>"
            "<h2>Hydrogen Valley Baranya</h2><ul><li>Founded: 2019</li><li>Members: 18</li></ul>",
            {
                ("Pannon Food", "created_year", 2007),
                ("Pannon Food", "member_count", 64),
                ("Hydrogen Valley Baranya", "created_year", 2019),
                ("Hydrogen Valley Baranya", "member_count", 18),
            },
            id="directory-fields-stay-with-their-own-heading",
        ),
        pytest.param(
            "Clusters worth a visit",
            "<p>We picked three clusters that investors ask about.</p>"
            "<h2>1 – Rhine Photonics Valley</h2><ul><li>Founded: 2009</li><li>Members: 120+</li></ul>"
            "<h2>2. Weser Maritime Network</h2><ul><li>Founded: 2014</li><li>Members: 65</li></ul>",
            {
                ("Rhine Photonics Valley", "created_year", 2009),
                ("Rhine Photonics Valley", "member_count", 120),
                ("Weser Maritime Network", "created_year", 2014),
                ("Weser Maritime Network", "member_count", 65),
            },
            id="numbered-directory-headings",
        ),
        pytest.param(
            "Baltic Laser Cluster",
            "<h2>General Information</h2><dl><dt>The date when the cluster organisation was established:</dt>"
            "<dd>Monday, 3 March, 2014</dd></dl><h2>Composition of the cluster</h2>"
            "<dl><dt>Total number of members:</dt><dd>37</dd></dl>",
            {("Baltic Laser Cluster", "created_year", 2014), ("Baltic Laser Cluster", "member_count", 37)},
            id="title-case-generic-heading-names-nothing",
        ),
        pytest.param(
            "Adriatic Boat Cluster",
            "<h2>Key Facts</h2><dl><dt>Date of creation of the cluster organisation</dt><dd>Friday, 9 May, 2014</dd>"
            "<dt>Total number of members</dt><dd>52</dd></dl>",
            {("Adriatic Boat Cluster", "created_year", 2014), ("Adriatic Boat Cluster", "member_count", 52)},
            id="long-profile-label-naming-its-owner",
        ),
        pytest.param(
            "Cluster catalogue",
            "<h2>Baltic Amber Cluster</h2><p>Cluster coordinator: Amber Processors Association<br>"
            "Cluster establishment year: 2016<br>Number of cluster members: 19</p>",
            {("Baltic Amber Cluster", "created_year", 2016), ("Baltic Amber Cluster", "member_count", 19)},
            id="establishment-year-label",
        ),
        pytest.param(
            "Fjord fintech wants to grow",
            "<p>Fjord Pay Lab, the fintech cluster based in Stavanger, was started in 2015 by two banks.</p>",
            {("Fjord Pay Lab", "created_year", 2015)},
            id="apposition-with-a-participle-and-place",
        ),
        pytest.param(
            "Twenty years of Danube tooling",
            "<p>The Danube Tooling Cluster now has 61 members, and its training centre has taught 700 apprentices"
            " since it opened in 2009.</p>",
            {("Danube Tooling Cluster", "member_count", 61)},
            id="trap-it-is-the-possessed-centre",
        ),
    ],
)
def test_entries_and_references(h1: str, body: str, expected: set[tuple[str, str, object]]) -> None:
    assert page_facts(h1, body) == expected


def test_a_post_s_author_is_not_its_topic() -> None:
    """A social post titled "<author>: <what it is about>", with the author's byline and role."""
    title = "Maeve Walsh: Five years of Atlantic Robotics"
    body = (
        "<p>Maeve Walsh · Cluster Manager at Atlantic Robotics · 2d</p>"
        "<p>Five years ago we launched Atlantic Robotics in Galway! The cluster was set up in 2020"
        " with help from the regional agency.</p>"
    )
    data = (
        f"<html><head><title>{title}</title><meta property='og:title' content='{title}'></head>"
        f"<body><main><article>{body}</article></main></body></html>"
    ).encode()
    doc = parse_html(data, doc_id="d", uri="d.html", sha256="0")
    facts = {(c.subject_name, c.attribute, c.value) for c in extract_prose_claims(doc, country=None)}
    assert ("Atlantic Robotics", "created_year", 2020) in facts
    assert not {f for f in facts if f[0] == "Maeve Walsh"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Twenty-five years ago this spring, nine shops signed", [(2000, "approximate")], id="hyphenated"),
        pytest.param("some forty years ago", [(1985, "approximate")], id="tens"),
        pytest.param("thirty one years ago", [(1994, "approximate")], id="spaced"),
        pytest.param("a quarter of a century ago", [(2000, "approximate")], id="quarter-century"),
        pytest.param("five years ago", [(2020, "approximate")], id="units"),
    ],
)
def test_spelled_out_numbers_in_relative_dates(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(d.value, d.precision) for d in find_dates(text, published="2025-05-22")] == expected


def test_a_timeline_row_dates_the_event_in_its_next_cell() -> None:
    body = (
        "<table><tr><td>1990s</td><td>Boatyards and the college start joint courses</td></tr>"
        "<tr><td>2009</td><td>Foundation of the Kvarken Boat Cluster by 19 yards and the town</td></tr>"
        "<tr><td>2015</td><td>The cluster opens its test basin</td></tr></table>"
    )
    assert page_facts("Our history", body) == {("Kvarken Boat Cluster", "created_year", 2009)}


def test_a_directory_heading_with_a_two_word_acronym_names_its_section() -> None:
    body = (
        "<p>The directory lists cluster organisations of the country.</p>"
        "<h2>Drava Wood Cluster (GIZ DWC)</h2><dl><dt>Established</dt><dd>2004</dd><dt>Members</dt><dd>37</dd></dl>"
    )
    assert page_facts("Clusters in Slovenia", body) == {
        ("Drava Wood Cluster", "created_year", 2004),
        ("Drava Wood Cluster", "member_count", 37),
    }


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        pytest.param(("Indicator", "2024", "2023"), ("Number of members at 31 December", "52", "47"), 52, id="latest-year-first"),
        pytest.param(("Indicator", "2022", "2023"), ("Member companies", "31", "35"), 35, id="latest-year-last"),
        pytest.param(("Indicator", "31 Dec 2023", "31 Dec 2024"), ("Members", "118", "126"), 126, id="dated-columns"),
    ],
)
def test_an_annual_report_table_gives_the_latest_year_s_count(header: tuple[str, ...], row: tuple[str, ...], expected: int) -> None:
    table = (
        "<table><tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>"
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
        "<tr><td>Joint projects</td><td>12</td><td>9</td></tr></table>"
    )
    body = "<p>The Silesian Optics Cluster was founded in 2009 by lens makers.</p>" + table
    facts = page_facts("Silesian Optics Cluster – annual report", body)
    assert {v for _, a, v in facts if a == "member_count"} == {expected}


def test_a_foreword_heading_names_no_section() -> None:
    body = "<p>The Silesian Optics Cluster was founded in 2009.</p><h2>Foreword of the Chairman</h2><dl><dt>Members</dt><dd>61</dd></dl>"
    assert page_facts("Silesian Optics Cluster", body) == {
        ("Silesian Optics Cluster", "created_year", 2009),
        ("Silesian Optics Cluster", "member_count", 61),
    }
