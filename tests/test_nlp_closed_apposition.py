"""Two constructions of pages written by others:

- a relative clause after a closed apposition is about the name the apposition describes ("X, the
  marine cluster of the Ionian islands, which was formed in 2018, …"), unless the "apposition" is a
  list of names ("X, the Y Cluster of Z, the A clusters and B, which was set up …": B was);
- "it" after a place named with "from" ("nine growers from Gevgelija set it up in 2010") still
  stands for the organisation named before;
- nor do the founders named after a passive "by" ("X was set up in 2011 by Textura and the
  University of Oulu. It now has 44 members": "it" is X);
- present-tense "since" in translated English ("X operates since 2009 as a cluster", "functions
  since", "runs since") dates the organisation like "has operated since".

Every sentence here was written for these tests (our own wording), never copied from a page.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import page_facts


@pytest.mark.parametrize(
    ("h1", "paragraphs", "expected"),
    [
        pytest.param(
            "Inside the islands' marine economy",
            ["Much of the growth comes from Ionia Blue, the marine cluster of the Ionian islands, which was formed in 2018 by boat builders."],
            {("Ionia Blue", "created_year", 2018)},
            id="relative-after-closed-apposition-plural-place",
        ),
        pytest.param(
            "Founders of the federation",
            [
                (
                    "The founders include the Danube Food Cluster, the Ruse Cluster of Logistics, the Vidin and Lom "
                    "wood clusters and Pleven Agri Cluster – Pleven, which was set up in 2016 and counts 30 member companies."
                )
            ],
            {("Pleven Agri Cluster", "member_count", 30)},  # its start: the learned binder (a dash-suffixed name)
            id="trap-a-list-of-names-is-no-apposition",
        ),
        pytest.param(
            "Interview",
            ["How did the Vardar Olive Cluster begin?", "Nine growers from Gevgelija set it up in 2010, with help from a donor project."],
            {("Vardar Olive Cluster", "created_year", 2010)},
            id="a-place-after-from-is-no-referent-for-it",
        ),
        pytest.param(
            "Nanofibres from the north",
            ["The Fibrenet cluster was set up in 2011 by Textura, the Technical University of Oulu and six mills. It now has 44 members."],
            {("Fibrenet cluster", "created_year", 2011), ("Fibrenet cluster", "member_count", 44)},
            id="founders-after-a-passive-by-are-no-referent-for-it",
        ),
        pytest.param(
            "Partners",
            ["The Delta Food Cluster works with Agrolab. It was founded in 1984."],
            set(),
            id="trap-a-partner-named-between-is-what-it-stands-for",
        ),
        pytest.param(
            "About the network",
            ["The Savinja Technology Network operates since 2010 as a cluster of metal and plastics firms."],
            {("Savinja Technology Network", "created_year", 2010)},
            id="operates-since",
        ),
        pytest.param(
            "Clusters of the region",
            ["The Oradea Furniture Cluster functions since 2013 as an association of 28 producers."],
            {("Oradea Furniture Cluster", "created_year", 2013), ("Oradea Furniture Cluster", "member_count", 28)},
            id="functions-since",
        ),
    ],
)
def test_closed_apposition_and_present_since(h1: str, paragraphs: list[str], expected: set) -> None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    assert page_facts(h1, body) == expected


def test_a_town_is_never_the_subject_of_a_founding() -> None:
    # a page about the cluster of a town: a plant opening in the town is no founding of anything
    from pipeline.backend.html import parse_html
    from pipeline.models.nlp.claims import extract_prose

    data = (
        b"<html><head><title>Chips in Saxony</title></head><body><main><h1>Chips in Saxony</h1>"
        b"<p>The Saxon Chip Network, the semiconductor cluster of Dresden, was born in 2000.</p>"
        b"<p>The first wafer plant of the new era opened in Dresden in 1994, six years before the network was born.</p>"
        b"</main></body></html>"
    )
    doc = parse_html(data, doc_id="d", uri="d.html", sha256="0")
    starts = {(c.subject_name, c.value) for c in extract_prose(doc, country=None, binder=None).claims if c.attribute == "created_year"}
    assert starts == {("Saxon Chip Network", 2000)}
