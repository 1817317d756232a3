"""Prose rules on `spacy.blank("en")`: mentions, dated events, renames, counts, traps."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.backend.html import parse_html
from pipeline.datamodel.claims import Claim
from pipeline.datamodel.document import Block, Document
from pipeline.models.nlp.claims import extract_prose_claims
from pipeline.models.nlp.patterns import find_dates
from pipeline.models.nlp.pipeline import build_nlp
from pipeline.text.regions import country_in_name

FIXTURES = Path(__file__).parent / "fixtures" / "press"

Fact = tuple[
    str, str, str, object, str | None, str | None
]  # type, name, attribute, value, qualifier, precision


def make_doc(*paragraphs: str, published: str | None = None, kind: str = "paragraph") -> Document:
    blocks, parts, offset = [], [], 0
    for i, text in enumerate(paragraphs):
        if parts:
            offset += 2
        blocks.append(
            Block(kind=kind, text=text, start=offset, end=offset + len(text), locator=f"html/body/p[{i + 1}]")
        )  # type: ignore[arg-type]
        parts.append(text)
        offset += len(text)
    return Document(
        doc_id="d",
        uri="d.html",
        sha256="0",
        media_type="html",
        blocks=blocks,
        text="\n\n".join(parts),
        published=published,
    )


def facts(claims: list[Claim]) -> set[Fact]:
    return {
        (c.subject_type, c.subject_name, c.attribute, c.value, c.qualifier, c.precision)
        for c in claims
        if c.attribute != "mentioned"
    }


def mentions(claims: list[Claim]) -> set[str]:
    return {c.subject_name for c in claims if c.attribute == "mentioned"}


def test_pipeline_is_blank_english_with_rules() -> None:
    nlp = build_nlp()
    assert nlp is build_nlp()
    assert nlp.lang == "en" and nlp.pipe_names == [
        "sentencizer",
        "legal_form_joins",
        "entity_ruler",
        "cluster_mentions",
        "cluster_cues",
    ]
    assert type(spacy.blank("en")) is type(nlp)


# ---------------------------------------------------------------- events and renames

SEED_001_CLUSTERS = (
    "The very first cluster, SurfMat, dedicated to “New Materials – Surface Treatments and Coatings“ "
    "(since then renamed Materials & Manufacturing), was created in 2001. It was followed by InfoComm "
    "(2002, then renamed ICT), BioHealth (2008, now HealthTech), EcoInnovation (2009, now CleanTech), "
    "Automotive Components (2013, now AutoMobility), Wood (2016) and Creative Industries (2017). More than "
    "1,450 companies and institutions are currently involved in the Cluster Initiative. The number increased "
    "by more than 20% in 2019."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "At the beginning of the 2000s, the Luxembourg Cluster Initiative was launched by the government as a "
            "“key element of the R&D and innovation policy“.",
            {("policy", "Luxembourg Cluster Initiative", "starting_year", "2000/2003", "launched", "vague")},
            id="001-vague-start",
        ),
        pytest.param(
            SEED_001_CLUSTERS,
            {
                ("cluster", "SurfMat", "created_year", 2001, "created", "year"),
                ("cluster", "SurfMat", "renamed_to", "Materials & Manufacturing", "rename", None),
                ("cluster", "InfoComm", "created_year", 2002, "created", "year"),
                ("cluster", "InfoComm", "renamed_to", "ICT", "rename", None),
                ("cluster", "BioHealth", "created_year", 2008, "created", "year"),
                ("cluster", "BioHealth", "renamed_to", "HealthTech", "rename", None),
                ("cluster", "EcoInnovation", "created_year", 2009, "created", "year"),
                ("cluster", "EcoInnovation", "renamed_to", "CleanTech", "rename", None),
                ("cluster", "Automotive Components", "created_year", 2013, "created", "year"),
                ("cluster", "Automotive Components", "renamed_to", "AutoMobility", "rename", None),
                ("cluster", "Wood", "created_year", 2016, "created", "year"),
                ("cluster", "Creative Industries", "created_year", 2017, "created", "year"),
                ("policy", "Cluster Initiative", "member_count", 1450, "more than", None),
            },
            id="001-dense-list",
        ),
        pytest.param(
            "In this context, the Luxembourg Cluster Initiative was launched in 2002 as a key element of national "
            "policy on research and development.",
            {("policy", "Luxembourg Cluster Initiative", "starting_year", 2002, "launched", "year")},
            id="003-launched",
        ),
        pytest.param(
            "The second column represents the Luxembourg Cluster Initiative, an initiative that was introduced in 2002.",
            {("policy", "Luxembourg Cluster Initiative", "starting_year", 2002, "introduced", "year")},
            id="000-introduced-apposition",
        ),
        pytest.param(
            "Cluster policy was first implemented in 2002 with the creation of the Luxembourg Cluster Initiative, "
            "which has continued uninterrupted until now. In 2013, the cluster policy was structured in five pillars "
            "for enhanced cluster activities.",
            {("policy", "Luxembourg Cluster Initiative", "starting_year", 2002, "created", "year")},
            id="000-creation-of-and-restructuring-trap",
        ),
        pytest.param(
            "From 2007 onwards, the Business and Competitive Cluster policies was initiated.",
            {
                (
                    "policy",
                    "Business and Competitive Cluster policies",
                    "starting_year",
                    2007,
                    "initiated",
                    "year",
                )
            },
            id="004-initiated",
        ),
        pytest.param(
            "The Flanders Innovation Clusters policy dates back to the late 1980s.",
            {
                (
                    "policy",
                    "Flanders Innovation Clusters policy",
                    "starting_year",
                    "1987/1989",
                    "lineage",
                    "vague",
                )
            },
            id="lineage-not-start",
        ),
        pytest.param(
            "The Hydrogen Cluster Bavaria was set up in 2019 by the Ministry as part of the Bavarian Cluster "
            "Offensive, which was launched in 2006.",
            {
                ("cluster", "Hydrogen Cluster Bavaria", "created_year", 2019, "set up", "year"),
                ("policy", "Bavarian Cluster Offensive", "starting_year", 2006, "launched", "year"),
            },
            id="two-events-two-subjects",
        ),
        pytest.param(
            "The Burgundy Nuclear Cluster was replaced by the Nuclear Valley Cluster, established in March 2015.",
            {
                (
                    "cluster",
                    "Burgundy Nuclear Cluster",
                    "renamed_to",
                    "Nuclear Valley Cluster",
                    "rename",
                    None,
                ),
                ("cluster", "Nuclear Valley Cluster", "created_year", 2015, "established", "month"),
            },
            id="replaced-by-and-month",
        ),
        pytest.param(
            "The cluster Danish Sound Cluster was founded in 2013 and formerly known as Danish Sound Innovation Network.",
            {
                ("cluster", "Danish Sound Cluster", "created_year", 2013, "founded", "year"),
                (
                    "cluster",
                    "Danish Sound Innovation Network",
                    "renamed_to",
                    "Danish Sound Cluster",
                    "rename",
                    None,
                ),
            },
            id="formerly-known-as",
        ),
        pytest.param(
            "Luxinnovation launched the Cluster for Logistics on 4 March 2009.",
            {("cluster", "Cluster for Logistics", "created_year", 2009, "launched", "day")},
            id="active-voice-day",
        ),
        pytest.param(
            "The Wood Cluster (formerly Timber Network) brings together around 80 members.",
            {
                ("cluster", "Timber Network", "renamed_to", "Wood Cluster", "rename", None),
                ("cluster", "Wood Cluster", "member_count", 80, "around", None),
            },
            id="formerly-in-parentheses",
        ),
    ],
)
def test_prose_facts(text: str, expected: set[Fact]) -> None:
    doc = make_doc(text)
    claims = extract_prose_claims(doc, country="LU")
    assert facts(claims) == expected
    for claim in claims:
        assert claim.evidence.quote in doc.text
        assert claim.evidence.method.startswith("nlp.")
        # the page's country, unless the subject's own name names another ("Danish Sound Cluster")
        assert claim.country == (country_in_name(claim.subject_name) or "LU")


def test_announcement_takes_page_year() -> None:
    text = (
        "The announcement by Secretary of State of the Economy Francine Closener of the creation of a cluster for "
        "the creative industries adds a new cluster to the already impressive list."
    )
    doc = make_doc(text, published="2016-10-01")
    claims = [c for c in extract_prose_claims(doc, country="LU") if c.attribute == "created_year"]
    assert [(c.subject_name, c.value, c.qualifier, c.precision, c.evidence.quote) for c in claims] == [
        ("cluster for the creative industries", 2016, "announced", "year", text)
    ]
    assert extract_prose_claims(make_doc(text), country="LU")[0].attribute == "mentioned"
    assert not [
        c for c in extract_prose_claims(make_doc(text), country="LU") if c.attribute == "created_year"
    ]


def test_quotes_and_locators_point_into_document_text() -> None:
    doc = make_doc("Intro paragraph.", SEED_001_CLUSTERS)
    for claim in extract_prose_claims(doc, country=None):
        locator = claim.evidence.locator
        assert locator is not None and locator.startswith("html/body/p[2]#c")
        start, end = (int(x) for x in locator.split("#c")[1].split("-"))
        assert doc.text[start:end] == claim.evidence.quote
    infocomm = next(
        c
        for c in extract_prose_claims(doc, country=None)
        if c.subject_name == "InfoComm" and c.attribute == "renamed_to"
    )
    assert infocomm.evidence.quote == "InfoComm (2002, then renamed ICT)"


# ---------------------------------------------------------------- traps


@pytest.mark.parametrize(
    "text",
    [
        "In 2013, the cluster policy was structured in five pillars for enhanced cluster activities.",
        "Within the 2014-2020 funding period, the European Cluster Partnerships have been launched by the European "
        "Commission to encourage clusters.",
        "In 2014, the Initiative set the following objectives: to contribute to the creation of 3,000 new jobs and "
        "300 new companies by 2020.",
        "As ICT has become a common facilitator, the previous ICT Cluster has been connected to the Luxembourg "
        "Digital Innovation Hub, a support platform for the digitalisation of industrial companies launched in "
        "September.",
        "Over time, the context has changed, especially in 2016 when the promotion agency Luxembourg for Business "
        "was integrated into Luxinnovation.",
        "The Space Cluster data was extracted on 21/12/2023.",
        "For example, the Flemish Region has cluster policies dating back to the late 1980s/early 90s.",
        "The ICT Cluster works with Luxinnovation, which was founded in 1984.",
        "Clusters have been set up in the Grand Duchy for years: Cluster for Logistics, Automotive Cluster.",
        "Luxembourg ICT Cluster (2015), Making Innovation Happen.",
        "In the 2021-2027 funding period, no Euroclusters with participation of Luxembourg cluster organisations "
        "have been funded.",
    ],
)
def test_traps_yield_no_dates(text: str) -> None:
    claims = extract_prose_claims(make_doc(text), country="LU")
    assert not [c for c in claims if c.attribute in ("created_year", "starting_year")]


# ---------------------------------------------------------------- mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Clusters have been set up in the Grand Duchy for years: Cluster for Logistics, Automotive Cluster, Space "
            "Cluster, ICT Cluster – a growing number of initiatives.",
            {"Cluster for Logistics", "Automotive Cluster", "Space Cluster", "ICT Cluster"},
        ),
        (
            "These Euroclusters are B-Resilient, BioMan4R2, CREATHRIV-EU, DREAM, ELBE Eurocluster, GEMSTONE, LEVIATAD "
            "and SocialTech4EU.",
            {
                "B-Resilient",
                "BioMan4R2",
                "CREATHRIV-EU",
                "DREAM",
                "ELBE Eurocluster",
                "GEMSTONE",
                "LEVIATAD",
                "SocialTech4EU",
            },
        ),
        (
            "As of October 2022, there is one cluster organisation (Cluster Maritime Luxembourgeois asbl / CML) in "
            "Luxembourg that is registered on the ECCP.",
            {"Cluster Maritime Luxembourgeois asbl", "CML"},
        ),
        ("Wood industry by the Luxembourg Wood Cluster", {"Luxembourg Wood Cluster"}),
        (
            "The announcement of the creation of a cluster for the creative industries adds a new cluster.",
            {"cluster for the creative industries"},
        ),
        (
            "The Luxembourg Cluster Initiative is managed by Luxinnovation. The Cluster Initiative is still ongoing.",
            {"Luxembourg Cluster Initiative", "Cluster Initiative"},
        ),
        (
            "From Belgium, six clusters are part of eight Euroclusters with partners from 18 countries (FR, ES, EL).",
            set(),
        ),
        (
            "The European Cluster Partnerships and Luxembourg Cluster activities are cluster policy tools.",
            set(),
        ),
        ("Creative ClusterClusters have been set up in the Grand Duchy for years.", set()),
    ],
)
def test_mentions(text: str, expected: set[str]) -> None:
    assert mentions(extract_prose_claims(make_doc(text), country=None)) == expected


def test_one_mention_per_name_per_block() -> None:
    doc = make_doc("The Space Cluster grows. The Space Cluster hires.", "The Space Cluster moves.")
    claims = [c for c in extract_prose_claims(doc, country=None) if c.attribute == "mentioned"]
    assert [(c.subject_name, c.evidence.quote) for c in claims] == [
        ("Space Cluster", "The Space Cluster grows."),
        ("Space Cluster", "The Space Cluster moves."),
    ]


def test_skips_furniture_and_meta_blocks() -> None:
    assert (
        extract_prose_claims(
            make_doc("The Space Cluster was founded in 2001.", kind="furniture"), country=None
        )
        == []
    )
    assert (
        extract_prose_claims(make_doc("The Space Cluster was founded in 2001.", kind="meta"), country=None)
        == []
    )


def test_description_from_parentheses() -> None:
    claims = extract_prose_claims(
        make_doc(
            "The clusters are SurfMat (Surface Engineering and New Materials) and "
            "AeroSpace (Aeronautic and Aerospace Technologies)."
        ),
        country=None,
    )
    assert {(c.subject_name, c.value) for c in claims if c.attribute == "description"} == {
        ("SurfMat", "Surface Engineering and New Materials"),
        ("AeroSpace", "Aeronautic and Aerospace Technologies"),
    }


# ---------------------------------------------------------------- counts

BY_REGION = "cluster_organisations.by_region."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The thematic focus of the six clusters supported by the Luxembourg Cluster Initiative is set in key areas.",
            {("policy", "Luxembourg Cluster Initiative", "cluster_count", 6, None, None)},
        ),
        (
            "There are 46 cluster organisations registered on the ECCP from Belgium.",
            {("country", "Belgium", "cluster_organisations.total", 46, None, None)},
        ),
        (
            "With 18 cluster organisations the majority are located in the Flemish region followed by 16 cluster "
            "organisations in the Walloon region and 2 cluster organisations in Brussels.",
            {
                ("country", "Flemish region", BY_REGION + "Flemish region", 18, "region", None),
                ("country", "Walloon region", BY_REGION + "Walloon region", 16, "region", None),
                ("country", "Brussels", BY_REGION + "Brussels", 2, "region", None),
            },
        ),
        (
            "Today more than 200 companies and knowledge institutions are members of Danish Sound Cluster.",
            {("cluster", "Danish Sound Cluster", "member_count", 200, "more than", None)},
        ),
        ("These Belgian ECCP registered cluster organisations represent around 6,500 companies.", set()),
        ("Health (6 cluster organisations)", set()),
    ],
)
def test_counts(text: str, expected: set[Fact]) -> None:
    assert facts(extract_prose_claims(make_doc(text), country=None)) == expected


def test_find_dates() -> None:
    assert [
        (d.value, d.precision) for d in find_dates("early 90s and the mid-2000s, 2014-2020, March 2015")
    ] == [("1990/1993", "vague"), ("2004/2006", "vague"), ("2014/2020", "range"), (2015, "month")]


# ---------------------------------------------------------------- whole pages

PAGES: dict[str, set[Fact]] = {
    "dk_sound_cluster.html": {
        ("cluster", "Danish Sound Cluster", "created_year", 2013, "founded", "year"),
        ("cluster", "Danish Sound Innovation Network", "renamed_to", "Danish Sound Cluster", "rename", None),
        ("cluster", "Danish Sound Cluster", "member_count", 200, "more than", None),
        ("policy", "Danish Cluster Programme", "cluster_count", 14, None, None),
        ("cluster", "Danish Life Science Cluster", "created_year", 2015, "established", "month"),
        ("cluster", "Danish Life Science Cluster", "member_count", 350, "around", None),
    },
    "de_hydrogen_cluster.html": {
        ("cluster", "Bavarian Energy Cluster", "renamed_to", "Hydrogen Cluster Bavaria", "rename", None),
        # "was replaced by the Hydrogen Cluster Bavaria in 2019": the successor's start, told twice
        ("cluster", "Hydrogen Cluster Bavaria", "created_year", 2019, "created", "year"),
        ("cluster", "Hydrogen Cluster Bavaria", "created_year", 2019, "set up", "year"),
        ("policy", "Bavarian Cluster Offensive", "starting_year", 2006, "launched", "year"),
        ("cluster", "Hydrogen Cluster Bavaria", "member_count", 120, "around", None),
    },
    "fr_maritime_cluster.html": {
        ("cluster", "Cluster Maritime Français", "created_year", 2006, "set up", "year"),
        ("policy", "French Competitiveness Clusters Policy", "starting_year", 2004, "launched", "year"),
        ("cluster", "Burgundy Nuclear Cluster", "renamed_to", "Nuclear Valley Cluster", "rename", None),
        ("cluster", "Nuclear Valley Cluster", "created_year", 2015, "established", "month"),
        ("country", "France", "cluster_organisations.total", 46, None, None),
        ("cluster", "Cluster Maritime Français", "member_count", 400, "more than", None),
    },
}
PAGE_MENTIONS = {
    "dk_sound_cluster.html": {
        "Danish Sound Cluster",
        "Danish Sound Innovation Network",
        "Danish Cluster Programme",
        "Danish Life Science Cluster",
    },
    "de_hydrogen_cluster.html": {
        "Bavarian Energy Cluster",
        "Hydrogen Cluster Bavaria",
        "Bavarian Cluster Offensive",
    },
    "fr_maritime_cluster.html": {
        "Cluster Maritime Français",
        "French Competitiveness Clusters Policy",
        "Competitiveness Clusters Policy",
        "Burgundy Nuclear Cluster",
        "Nuclear Valley Cluster",
    },
}
LEAKS = (
    "Danish Food Cluster",
    "Robotics Cluster",
    "Water Cluster",
    "Energy Cluster Denmark",
    "Cluster Excellence",
    "Automotive Cluster Bavaria",
    "New Space Cluster",
    "Cluster Offensive Bavaria",
    "Aerospace Valley",
)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_fixture_pages_exact_claims(name: str) -> None:
    path = FIXTURES / name
    doc = parse_html(path.read_bytes(), doc_id=path.stem, uri=f"press/{name}", sha256="0")
    claims = extract_prose_claims(doc, country=None)
    assert facts(claims) == PAGES[name]
    assert mentions(claims) == PAGE_MENTIONS[name]
    for claim in claims:
        assert claim.evidence.quote in doc.text
        assert claim.evidence.doc_id == path.stem
        assert not any(leak in claim.subject_name or leak in claim.evidence.quote for leak in LEAKS)
        block = next(
            b
            for b in doc.blocks
            if claim.evidence.locator and claim.evidence.locator.startswith(f"{b.locator}#")
        )
        assert block.kind not in ("meta", "furniture")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Polish Cluster of Smart Mobility was created on 4 March 2013.",
            {("cluster", "Polish Cluster of Smart Mobility", "created_year", 2013, "created", "day")},
        ),
        (
            "The Smart Specialisation Clusters (SSC) programme was introduced in 2015.",
            {
                (
                    "policy",
                    "Smart Specialisation Clusters (SSC) programme",
                    "starting_year",
                    2015,
                    "introduced",
                    "year",
                )
            },
        ),
        (
            "The Danish Cluster of Robotics, founded in 2011, has 90 members.",
            {
                ("cluster", "Danish Cluster of Robotics", "created_year", 2011, "founded", "year"),
                ("cluster", "Danish Cluster of Robotics", "member_count", 90, None, None),
            },
        ),
    ],
)
def test_held_out_phrasings(text: str, expected: set[Fact]) -> None:
    """Phrasings written after the rules (added with rules cluster_names x_cluster_of_y and
    policy_names cluster_policy_acronym)."""
    assert facts(extract_prose_claims(make_doc(text), country=None)) == expected
