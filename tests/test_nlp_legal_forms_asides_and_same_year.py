"""Constructions of the seventh session of #7 (our own wording, never copied from a page):

- a legal form written with a full stop ends no sentence before a lower-case word ("X, z.s. was
  founded in 2012", "X Kft. was set up in 2006"), and the name drops it; a capitalised word after
  it still opens a new sentence;
- a directory heading "ACRONYM – Cluster of the … Region" names a cluster, though "region" alone
  describes places; an "Agency of …" heading still names no cluster;
- "its cluster programme" takes its place from a government named six words before ("The
  Government of Aragon has approved a further call of its cluster programme, which …");
- a relative clause after a closed apposition headed by a cluster noun is about the name before
  it ("X, the stone-processing cluster of the Karst region, which came into being in 2011");
- an apposition without a head noun stands between a name and its passive ("X, the youngest of
  the four, was itself set up in 2014"), but "The SKZ itself was founded" contrasts another body
  and a relative aside ("SPRI, which organises the event, was created") is no apposition;
- "the same year", "on that date" take the year named last;
- a participle right after an apposition's cluster noun dates the name before it ("X, the water
  technology cluster founded in 2012, is …"), never an agency's;
- "establishing the X Network" creates its object; "is establishing a centre" creates nothing.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_names_told_by_the_text import paragraphs_facts


@pytest.mark.parametrize(
    ("h1", "paragraphs", "expected"),
    [
        pytest.param(
            "About the cluster",
            ["Baltic Glass Cluster, z.s. was founded in the year 2012 in Brno by nine glassworks."],
            {("Baltic Glass Cluster", "created_year", 2012)},
            id="legal-form-with-full-stop-before-the-verb",
        ),
        pytest.param(
            "Our story",
            ["Tisza Agro Klaszter Kft. was set up in 2006 and now has 35 members."],
            {("Tisza Agro Klaszter", "created_year", 2006), ("Tisza Agro Klaszter", "member_count", 35)},
            id="legal-form-dropped-from-the-name",
        ),
        pytest.param(
            "Our story",
            ["It was founded in 2004 by Alföld Metal Kft. The cluster has 12 members."],
            set(),
            id="trap-legal-form-closing-a-sentence",
        ),
        pytest.param(
            "A guide to wine clusters",
            [
                "<h2>VINOR – Cluster of the Minho Wine Region</h2>",
                "Foundation: 1990",
                "Number of members: 120",
                "<h2>Tagus Port – Agency of the Lisbon Region</h2>",
                "Foundation: 1995",
            ],
            {("VINOR", "created_year", 1990), ("VINOR", "member_count", 120)},
            id="directory-heading-cluster-of-a-region",
        ),
        pytest.param(
            "Aragon renews its cluster support",
            ["The Government of Aragon has approved a further call of its cluster programme, which the Department of Industry started in 2015."],
            {("Aragon cluster programme", "starting_year", 2015)},
            id="possessed-programme-far-from-its-government",
        ),
        pytest.param(
            "Stone day in Sežana",
            [
                "The host was Kras Stone Network, the stone-processing cluster of the Karst region, which came into being in 2011.",
                "Acme Cluster works with Foodlab, the testing centre of the Celje region, which opened in 2009.",
            ],
            {("Kras Stone Network", "created_year", 2011)},
            id="relative-after-a-closed-cluster-apposition",
        ),
        pytest.param(
            "Four care clusters join forces",
            [
                "Care Tech Odense, the youngest of the four, was itself set up in 2014. Care Tech Odense now has 60 members.",
                "The SKZ itself was founded in 1961.",
                "SPRI, which organises the event, was created in 1981.",
            ],
            {("Care Tech Odense", "created_year", 2014), ("Care Tech Odense", "member_count", 60)},
            id="apposition-without-head-and-itself-after-the-auxiliary",
        ),
        pytest.param(
            "Nordic food",
            ["The ministry opened the first call in 2016. The Nordic Foodtech Cluster was founded the same year."],
            {("Nordic Foodtech Cluster", "created_year", 2016)},
            id="the-same-year",
        ),
        pytest.param(
            "Danube merger",
            ["On 1 March 2020 the two networks signed the merger deal. Danube Mobility Cluster was formed on that date."],
            {("Danube Mobility Cluster", "created_year", 2020)},
            id="on-that-date",
        ),
        pytest.param(
            "Signatories",
            [
                "Lakeside Tech, the water and energy technology cluster founded in 2012, is one of the signatories.",
                "Bayern Innovativ, the state agency founded in 1995, runs the cluster.",
            ],
            {("Lakeside Tech", "created_year", 2012)},
            id="participle-after-the-apposition-head",
        ),
        pytest.param(
            "Food tech network",
            [
                "In 2018, eleven firms signed a charter in Tartu establishing the Estonian Food Tech Network.",
                "The network is establishing a training centre in 2025.",
            ],
            {("Estonian Food Tech Network", "created_year", 2018)},
            id="establishing-its-object",
        ),
    ],
)
def test_construction(h1: str, paragraphs: list[str], expected: set) -> None:
    assert paragraphs_facts(h1, paragraphs) == expected
