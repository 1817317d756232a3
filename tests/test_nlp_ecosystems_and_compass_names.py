"""Constructions of the eighth session of #7 (our own wording, never copied from a page):

- "the ecosystem" (or "this ecosystem", "our ecosystem") stands for the organisation the page calls
  an ecosystem ("X is the marine technology ecosystem of the bay. The ecosystem came together in
  2014 ..."), as "the network" does, but only when it opens its sentence: "a positive contribution
  to the ecosystem" means the economy at large;
- a compass word and "of" open a cluster's name ("the North of Wales Space Cluster"), not a place
  before it;
- "which the university helped form in 2021" dates the name before the relative clause, as
  "which the university founded in 2021" does;
- "established in 2020 as a foundation by nine shipyards" takes on a legal form: the organisation
  was founded then, no company was; "as a foundation for marine research" still describes a
  research foundation, never dated as a cluster;
- a dashed aside between a name and its copula ("SEALOG – Sea & Logistics Innovation Norway – is
  the national cluster for …") keeps the copula's word: the name is a cluster, and "we" on its
  interview page is that cluster;
- "e.V." is one token and closes an association's name ("When GlasNet e.V. was founded …"); a
  company's "Ltd" still makes a name no cluster;
- a reference may carry one hyphenated modifier ("The non-profit association was founded …");
- an apposition with a complement ("X, the regional cluster for the south of Jutland, opened …")
  leaves the name before it the subject of an active trigger: the apposition's own head is no
  subject;
- a quoted capitalised name right after a programme noun is a cluster programme when a cluster
  word stands in or before it ('the action "Regional Clusters"'), and "the action" is then a
  reference to it; 'the start-up programme "X Accelerator"' names no cluster programme;
- "the competitiveness cluster initiative" describes a programme, as "the regional cluster
  programme" does; "…, and eleven clusters were constituted in 2015" dates the counted clusters,
  not the initiative named before them;
- a programme told by its purpose ("the ministry's scheme for the support of wood clusters") is
  named by it, and "The scheme" then refers to it; not in a predicate ("X is the government's
  programme for business clusters") nor for a count ("an initiative of nine clusters");
- "created in 1998 as the development agency of the four counties" founds an agency, as "as a
  development agency" does; "established in 2009 as a business cluster for …" still founds a
  cluster, though "business" alone describes companies.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import page_facts


def paragraphs_facts(h1: str, paragraphs: list[str]) -> set:
    """The facts of a page of these paragraphs."""
    return page_facts(h1, "".join(f"<p>{p}</p>" for p in paragraphs))


@pytest.mark.parametrize(
    ("h1", "paragraphs", "expected"),
    [
        pytest.param(
            "What is BaltiMarine?",
            [
                "BaltiMarine is the marine technology ecosystem of the Gulf of Riga.",
                "The ecosystem came together in 2014, when the port authority and two universities pooled their labs.",
            ],
            {("BaltiMarine", "created_year", 2014)},
            id="the-ecosystem-came-together",
        ),
        pytest.param(
            "Flagship projects",
            [
                "The Nordvik Timber Cluster is the wood cluster of the fjord region.",
                "The pilot projects involve at least three firms or institutes, favour joint ventures and make a "
                "positive contribution to the ecosystem or the economy.",
            ],
            set(),
            id="the-ecosystem-inside-a-sentence-is-the-economy",
        ),
        pytest.param(
            "Meet Kvarken Food Valley",
            [
                "Kvarken Food Valley is an agri-food ecosystem on both sides of the Kvarken strait.",
                "This ecosystem was founded in 2018 by eleven dairies and the regional council.",
            ],
            {("Kvarken Food Valley", "created_year", 2018)},
            id="this-ecosystem-was-founded",
        ),
        pytest.param(
            "Regional news",
            ["The North of Wales Space Cluster was formed in 2020 by three satellite firms."],
            {("North of Wales Space Cluster", "created_year", 2020)},
            id="compass-of-place-opens-the-name",
        ),
        pytest.param(
            "Campus news",
            [
                "The South of Bohemia Wood Cluster, which the university helped form in 2021 with local sawmills, "
                "met on campus this week."
            ],
            {("South of Bohemia Wood Cluster", "created_year", 2021)},
            id="which-the-university-helped-form",
        ),
        pytest.param(
            "Campus news",
            ["The university helped to form a reading group in 2019, which now meets monthly."],
            set(),
            id="helped-form-a-group-is-no-cluster",
        ),
        pytest.param(
            "Harbour news",
            [
                "WaveLink was established in 2020 as a foundation by nine shipyards and the maritime university.",
                "The network now has 58 partners.",
            ],
            {("WaveLink", "created_year", 2020), ("WaveLink", "member_count", 58)},
            id="established-as-a-foundation-by-firms",
        ),
        pytest.param(
            "Harbour news",
            ["Tidewater Trust was established in 1994 as a foundation for marine research."],
            set(),
            id="a-foundation-for-research-is-no-cluster",
        ),
        pytest.param(
            "'One office for two coasts'",
            [
                "SEALOG – Sea & Logistics Innovation Norway – is the national cluster for shipping and ports. "
                "We talked to its managing director in Bergen.",
                "How did it all begin?",
                "We were formed in 2020, when two regional networks merged into one national cluster.",
            ],
            {("SEALOG", "created_year", 2020)},
            id="dashed-aside-before-the-copula",
        ),
        pytest.param(
            "Light from Ilmenau",
            [
                "When GlasNet e.V. was founded in Ilmenau in 2001, nine glassworks sat around one table.",
                "Today the association has 64 members.",
            ],
            {("GlasNet e.V.", "created_year", 2001), ("GlasNet e.V.", "member_count", 64)},
            id="e-v-closes-an-association-name",
        ),
        pytest.param(
            "Company news",
            ["Nordsoft Ltd was founded in 1999 by two engineers from Oulu."],
            set(),
            id="a-company-form-makes-no-cluster",
        ),
        pytest.param(
            "Annual report",
            [
                "Kodra is the software cluster of Tirana county. "
                "The non-profit association was founded in Durrës in 2011 by a dozen IT firms."
            ],
            {("Kodra", "created_year", 2011)},
            id="hyphenated-modifier-in-a-reference",
        ),
        pytest.param(
            "About us",
            ["JutBIO, the regional cluster for the south of Jutland, opened in March 2017 in Sønderborg."],
            {("JutBIO", "created_year", 2017)},
            id="apposition-with-a-complement-before-an-active-trigger",
        ),
        pytest.param(
            'Action "Regional Clusters"',
            [
                'The action "Regional Clusters" supports groups of firms and laboratories in the priority sectors.',
                "The action was launched in May 2021 by the Secretariat for Industry. It currently funds 9 clusters.",
            ],
            {("Regional Clusters", "starting_year", 2021), ("Regional Clusters", "cluster_count", 9)},
            id="quoted-name-after-a-programme-noun",
        ),
        pytest.param(
            "History",
            ['In 2018 the network launched the start-up programme "Harbour Labs Accelerator" for young firms.'],
            set(),
            id="a-quoted-start-up-programme-is-no-cluster-programme",
        ),
        pytest.param(
            "Competitiveness clusters",
            [
                "The Ministry of Economy launched the competitiveness cluster initiative in 2014, "
                "and eleven clusters were constituted during 2015.",
                "There are 11 competitiveness clusters in the country today.",
            ],
            {
                ("competitiveness cluster initiative", "starting_year", 2014),
                ("competitiveness cluster initiative", "cluster_count", 11),
            },
            id="described-initiative-and-a-counted-passive-subject",
        ),
        pytest.param(
            "Cluster day at the agency",
            [
                "The afternoon dealt with the Ministry of Economy's scheme for the support of wood clusters. "
                "The scheme was introduced in 2016 and is run by the national innovation agency."
            ],
            {("scheme for the support of wood clusters", "starting_year", 2016)},
            id="programme-told-by-its-purpose",
        ),
        pytest.param(
            "Programme page",
            ["Baltic Innovation Clusters is the government's programme for business clusters and started in 2015."],
            {("Baltic Innovation Clusters", "starting_year", 2015)},
            id="purpose-phrase-in-a-predicate-names-nothing",
        ),
        pytest.param(
            "Network news",
            ["In 2012 an initiative of nine clusters was set up in Niš to share one office."],
            set(),
            id="an-initiative-of-counted-clusters-is-no-programme",
        ),
        pytest.param(
            "The first gold cluster of the region | ADR Centru-Vest",
            [
                "ADR Centru-Vest, which was created in 1998 as the development agency of the four counties, "
                "supported the furniture cluster with training."
            ],
            set(),
            id="created-as-the-development-agency",
        ),
        pytest.param(
            "Platform profile",
            ["Aqua Alliance was established in 2009 as a business cluster for water technology in the east."],
            {("Aqua Alliance", "created_year", 2009)},
            id="established-as-a-business-cluster",
        ),
        pytest.param(
            "Travel",
            ["The west of Ireland was the first region to open a visitor centre in 2003."],
            set(),
            id="a-region-west-of-a-place-is-no-cluster",
        ),
    ],
)
def test_ecosystems_and_compass_names(h1: str, paragraphs: list[str], expected: set) -> None:
    assert paragraphs_facts(h1, paragraphs) == expected
