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
- "establishing the X Network" creates its object; "is establishing a centre" creates nothing;
- "X was replaced by the Y programme" in a dated sentence starts Y (and still renames X);
- a headline opening with "National" before two name words names the page's programme, whose
  "the initiative" the body then dates;
- a table column "Year of set-up" gives start dates, and a brand written "iMed" is a name;
- a count after an apposition belongs to the name before it, not to the fund named inside it
  ("X, a cluster … set up in 2019 under the Y Fund, now has 64 members");
- "marks this month fifteen years since its foundation" dates the organisation against the page's
  publication date;
- a name keeps a Romance joiner ("Vallée du Lot") or a glued hyphen ("Agro-Quercy") as its subject;
- "Two years later, in 2009, … founded X": the year written out wins over the count;
- "the group" stands for the organisation the page goes on to name;
- no start for: a company "in our cluster" established long ago, an organisation that "announced"
  something, or "five years after its initiation" (a point of reference, not dated by the sentence);
- "The agency launched it in 2015": a past trigger's object "it" is what was launched; "registered
  it as an association" is a legal form taken on, a start only when nothing else is said;
- "the union" is a cluster reference, and "Clusters that want to join need at least eight members"
  an entry threshold;
- "Gold label of the X Initiative (since 2017)": the label's holding, not the initiative's start;
- "the new cluster" after "C was formed through the merger of A and B" is C;
- "From 35 partner companies … it has grown to 210 partners today": today's count is the second;
- "the network today unites 15 clusters, including the X Cluster": the network's count, not X's;
  the clusters that signed the memorandum "establishing" it are its founders;
- "Since 2015 it has carried the name Y" / "has been named Y" / "changed the name to Y" rename the
  organisation to Y ("it carried the name X until …" still names the old one);
- "the policy supports 26 cluster associations" counts the policy's clusters;
- a one-word name the page writes after "in"/"at" ("the chemical park at Billingham") is a town:
  "ICI opened its Billingham site in 1926" founds nothing;
- the organisations after "a merger of" are the merged, never what "the new cluster" stands for; a
  call "that selected six clusters" counts no clusters today.
"""

from __future__ import annotations

import pytest

from pipeline.backend.html import parse_html
from pipeline.models.nlp.claims import extract_prose_claims
from tests.test_nlp_dev6_rules import page_facts


def paragraphs_facts(h1: str, paragraphs: list[str]) -> set:
    """The facts of a page of these paragraphs (markup such as a heading or a table kept as it is)."""
    return page_facts(h1, "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs))


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
        pytest.param(
            "Regional programmes since the 1990s",
            [
                "The Centre of Expertise Programme (OSKE) was launched by the Government in 1994.",
                "In 2014 OSKE was replaced by the Innovative Cities programme (INKA), which ran until 2017.",
            ],
            {
                ("Centre of Expertise Programme", "starting_year", 1994),
                ("Centre of Expertise Programme", "renamed_to", "Innovative Cities programme"),
                ("Innovative Cities programme", "starting_year", 2014),
            },
            id="replaced-by-starts-the-successor",
        ),
        pytest.param(
            "National Smart Mobility Clusters",
            [
                "National Smart Mobility Clusters are networks of firms and universities, each built around one transport technology.",
                "The Ministry started the initiative in 2016 with a public call.",
            ],
            {("National Smart Mobility Clusters", "starting_year", 2016)},
            id="national-headline-names-the-programme",
        ),
        pytest.param(
            "Clusters of the West Region",
            [
                "<table><tr><th>Cluster</th><th>Sector</th><th>Year of set-up</th><th>Members</th></tr>"
                "<tr><td>iMed Banat</td><td>Health</td><td>2014</td><td>41</td></tr>"
                "<tr><td>Banat Wood Cluster</td><td>Wood</td><td>2011</td><td>36</td></tr></table>"
            ],
            {
                ("iMed Banat", "created_year", 2014),
                ("iMed Banat", "member_count", 41),
                ("Banat Wood Cluster", "created_year", 2011),
                ("Banat Wood Cluster", "member_count", 36),
            },
            id="year-of-set-up-column-and-lower-case-brand",
        ),
        pytest.param(
            "Cork fintech network grows",
            [
                "The Cork Fintech Network, a cluster of payment firms and their advisers set up in 2019 under the "
                "Regional Technology Clustering Fund, now has 64 member companies."
            ],
            {("Cork Fintech Network", "created_year", 2019), ("Cork Fintech Network", "member_count", 64)},
            id="count-and-date-past-the-fund-in-the-apposition",
        ),
        pytest.param(
            "Two poles merge into Agrival",
            ["Vallée du Lot had been created in 2006, in the first wave of labelled poles; Agro-Quercy followed in 2008."],
            {("Vallée du Lot", "created_year", 2006), ("Agro-Quercy", "created_year", 2008)},
            id="romance-joiner-and-glued-hyphen-in-a-subject",
        ),
        pytest.param(
            "Alpine builders join forces",
            [
                "When the canton published its first timber strategy in 2007, joiners were sceptical. Two years later, "
                "in 2009, 27 of them founded the Timber Cluster Graubünden together with the college in Chur."
            ],
            {("Timber Cluster Graubünden", "created_year", 2009)},
            id="years-later-with-the-year-written-out",
        ),
        pytest.param(
            "From corridor chat to 80 members",
            [
                "It started with coffee in a hospital corridor. Nine suppliers of surgical tools wanted a place to share notes.",
                "The group was officially constituted in March 2013. It went by the name MedTech Initiative Tuttlingen until 2019.",
            ],
            {("MedTech Initiative Tuttlingen", "created_year", 2013)},
            id="the-group-as-a-reference",
        ),
        pytest.param(
            "Laser news",
            [
                "The Kaunas Photonics Cluster, set up in 2016, has 22 members. The oldest optics company in our "
                "cluster was established in 1979 in a university workshop."
            ],
            {("Kaunas Photonics Cluster", "created_year", 2016), ("Kaunas Photonics Cluster", "member_count", 22)},
            id="trap-a-company-in-our-cluster",
        ),
        pytest.param(
            "Sofia, 3 May 2023",
            [
                "Exports of the chemical industry rose by a tenth last year, Chemical Cluster Bulgaria announced on "
                "Tuesday. Chemical Cluster Bulgaria was founded in 2014."
            ],
            {("Chemical Cluster Bulgaria", "created_year", 2014)},
            id="trap-the-announcer",
        ),
        pytest.param(
            "Patras Games Cluster",
            [
                "The Patras Games Cluster brings together 30 studios.",
                "In 2017 the cluster received the Silver Label, five years after its initiation.",
            ],
            {("Patras Games Cluster", "member_count", 30)},
            id="trap-years-after-its-initiation",
        ),
        pytest.param(
            "CoopLink measure",
            ["CoopLink was the national measure that helped firms join clusters. The agency VIA launched it in 2015 together with the innovation centre."],
            {("CoopLink", "created_year", 2015)},
            id="launched-it",
        ),
        pytest.param(
            "Croatian clusters certified",
            [
                "The drive was coordinated with the Union of Clusters of Croatia. The union was founded in 2011 by the "
                "first industrial clusters and currently has 17 member clusters.",
                "Clusters that want to join the union need at least eight members.",
            ],
            {("Union of Clusters of Croatia", "created_year", 2011), ("Union of Clusters of Croatia", "member_count", 17)},
            id="the-union-and-an-entry-threshold",
        ),
        pytest.param(
            "BatteryNet Thuringia",
            ["The network kicked off in 2018 with 25 founding firms; a year later the members registered it as an association."],
            {("BatteryNet Thuringia", "created_year", 2018)},
            id="trap-registered-it-as-an-association",
        ),
        pytest.param(
            "Lusatia network",
            [
                "<dl><dt>Label</dt><dd>Gold label of the European Cluster Excellence Initiative (since 2017)</dd></dl>",
                "Most members joined the Norwegian Centres of Expertise programme (from 2006) early.",
            ],
            {("Norwegian Centres of Expertise programme", "starting_year", 2006)},
            id="trap-a-label-held-since",
        ),
        pytest.param(
            "Two food clusters become Nordic Food Alliance",
            [
                "Since 1 March 2022 the two clusters work as one. Nordic Food Alliance was formed on that date through "
                "the merger of Aarhus Food Cluster and Fyn Food Network.",
                "Aarhus Food Cluster, the older of the two, had been founded in 2006.",
                "The new cluster starts with around 250 members.",
            ],
            {
                ("Nordic Food Alliance", "created_year", 2022),
                ("Aarhus Food Cluster", "created_year", 2006),
                ("Nordic Food Alliance", "member_count", 250),
            },
            id="the-new-cluster-after-a-merger",
        ),
        pytest.param(
            "Print cluster turns fifteen",
            ["The Print Cluster Styria was set up in 2009. From 35 partner companies in the first year it has grown to 210 partners today."],
            {("Print Cluster Styria", "created_year", 2009), ("Print Cluster Styria", "member_count", 210)},
            id="grown-from-one-count-to-another",
        ),
        pytest.param(
            "Estonian clusters network",
            [
                "In 2020, eleven clusters signed a memorandum establishing the Estonian Clusters Network.",
                "Update, June 2024: the network today unites 15 clusters, including the Estonian ICT Cluster and the Estonian Wood Cluster.",
            ],
            {("Estonian Clusters Network", "created_year", 2020), ("Estonian Clusters Network", "member_count", 15)},
            id="member-clusters-including-named-ones",
        ),
        pytest.param(
            "About us",
            [
                "The cluster was founded in Iași in 2012 as the North-East Textile Cluster. Since 2015 it has carried "
                "the name Moldavia Textile Cluster, which the members chose for the region."
            ],
            {
                ("North-East Textile Cluster", "created_year", 2012),
                ("North-East Textile Cluster", "renamed_to", "Moldavia Textile Cluster"),
            },
            id="has-carried-the-name-since",
        ),
        pytest.param(
            "Wood cluster profile",
            ["The Carinthian Timber Cluster was set up in 2006 by sawmills. Since 2019 it has been named Alpine Timber Cluster, after firms from Tyrol joined."],
            {
                ("Carinthian Timber Cluster", "created_year", 2006),
                ("Carinthian Timber Cluster", "renamed_to", "Alpine Timber Cluster"),
            },
            id="has-been-named",
        ),
        pytest.param(
            "Chemistry cluster",
            ["The cluster began its work as the Płock Chemical Cluster; in 2018 the general meeting changed the name to Vistula Chemistry Cluster."],
            {("Płock Chemical Cluster", "renamed_to", "Vistula Chemistry Cluster")},
            id="changed-the-name-to",
        ),
        pytest.param(
            "Catalan Cluster Day 2023",
            ["Catalan cluster policy began in 1993, two years after a competitiveness study. Today the policy supports 26 cluster associations."],
            {("Catalan cluster policy", "starting_year", 1993), ("Catalan cluster policy", "cluster_count", 26)},
            id="cluster-associations-of-a-policy",
        ),
        pytest.param(
            "Teesside hydrogen network grows",
            [
                "The Teesside Hydrogen Network, founded in 2021 by 16 companies from the chemical park at Billingham, now has 40 members.",
                "ICI opened its Billingham site in 1926.",
            ],
            {("Teesside Hydrogen Network", "created_year", 2021), ("Teesside Hydrogen Network", "member_count", 40)},
            id="trap-a-town-the-page-names-after-at",
        ),
        pytest.param(
            "Jutland Food Cluster",
            [
                "Jutland Food Cluster is the new national cluster for food. It was created through a merger of Aalborg "
                "Food Network, founded in 2012, and the food network of the Foulum science park.",
                "The new cluster counts more than 300 members.",
            ],
            {("Aalborg Food Network", "created_year", 2012)},
            id="trap-the-merged-is-not-the-new-cluster",
        ),
        pytest.param(
            "National Smart Mobility Clusters",
            [
                "National Smart Mobility Clusters are networks of firms and universities.",
                "The Ministry started the initiative in 2016 with a public call that selected six clusters.",
            ],
            {("National Smart Mobility Clusters", "starting_year", 2016)},
            id="trap-clusters-a-call-selected",
        ),
    ],
)
def test_construction(h1: str, paragraphs: list[str], expected: set) -> None:
    assert paragraphs_facts(h1, paragraphs) == expected


def test_anniversary_told_this_month_against_the_publication_date() -> None:
    data = (
        '<html><head><title>Fifteen years of Adriatic shipbuilding cooperation</title>'
        '<meta property="article:published_time" content="2024-05-06T09:00:00+02:00"></head><body><main><article>'
        "<h1>Fifteen years of Adriatic shipbuilding cooperation</h1>"
        "<p>The Adriatic Shipyards Cluster marks this month fifteen years since its foundation in Rijeka.</p>"
        "<p>The cluster now has 33 members.</p></article></main></body></html>"
    ).encode()
    doc = parse_html(data, doc_id="d", uri="d.html", sha256="0")
    facts = {
        (c.subject_name, c.attribute, c.value, c.precision)
        for c in extract_prose_claims(doc, country=None)
        if c.attribute in ("created_year", "member_count")
    }
    assert facts == {
        ("Adriatic Shipyards Cluster", "created_year", 2009, "approximate"),
        ("Adriatic Shipyards Cluster", "member_count", 33, None),
    }
