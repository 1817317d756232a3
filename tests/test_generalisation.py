"""The factsheet extractor generalises beyond the two sample countries.

A factsheet for a third country (Austria 2024, one regional policy) is written here with the
corpus model, rendered into tmp_path by BOTH PDF producers, processed, and its records are
compared field by field. Nothing in it comes from the Luxembourg or Belgium samples: other
country, region, policy type, objective categories (one wrapping onto two lines in its cell),
a limited period with an ending year, a budget figure, an ex-post evaluation, a maturity total
with a half point, and a cluster-organisation paragraph phrased differently.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

from corpus import render_fpdf2, render_reportlab
from corpus.model import (
    TAGLINE,
    B,
    Bullets,
    Cover,
    Divider,
    Factsheet,
    Figure,
    Heading,
    LegalNotice,
    PageBreak,
    Para,
    PolicyRow,
    PolicyTable,
    R,
    Table,
    Toc,
    TocEntry,
)
from pipeline.datamodel.claims import NotAvailable
from pipeline.datamodel.document import DocumentKind
from pipeline.datamodel.results import DocumentResult, LoadedSource, Status
from pipeline.models.factsheet.categories import pattern_categories
from pipeline.reconcile.records import reconcile
from pipeline.stages.discover import doc_id_for
from pipeline.stages.process import parse_source, process

# --------------------------------------------------------------------------- content


POLICY = "Upper Austria Cluster Programme"

OBJECTIVES = [
    "Stimulating cooperation projects between companies and research institutions",
    "Improving the innovation capacity of SMEs",
    (
        "Supporting the digital and green transformation of manufacturing companies in traditional "
        "industrial value chains of the province"
    ),
    "Attracting qualified personnel to the region",
    "Building interregional and transnational partnerships",
    "Raising the international profile of the regional economy",
]
OBJECTIVES_TEXT = (
    "The programme aims to strengthen the competitiveness of companies in Upper Austria by "
    "bringing together firms, universities and research centres in thematic clusters and "
    "networks, and by turning their cooperation into joint innovation projects."
)
FOCUS_TEXT = (
    "The programme concentrates on the strategic fields of the regional innovation strategy: "
    "automotive and mobility, plastics, mechatronics, food, furniture and timber construction, "
    "medical technology, environmental technology and energy."
)
AUTHORITIES = ["Drafts the policy", "Implements the policy", "Finances the policy"]
AUTHORITIES_TEXT = (
    "The provincial government of Upper Austria drafts and finances the programme; the regional "
    "business agency Business Upper Austria manages the cluster organisations and implements "
    "the programme on its behalf."
)
BENEFICIARIES = ["Small and medium-sized enterprises", "Universities", "Research centres", "Large companies"]
BENEFICIARIES_TEXT = (
    "Any company with a site in Upper Austria may join a cluster as a partner; universities and "
    "research centres take part in cooperation projects free of charge."
)
FINANCIAL = ["Grants for cooperation projects", "Co-financing of cluster management"]
TECHNICAL = [
    "Matchmaking between companies and researchers",
    "Training courses and study trips",
    "Trade fair participation and joint marketing",
]
INSTRUMENTS_TEXT = (
    "Cluster partners receive grants of up to 40 percent of eligible costs for cooperation "
    "projects with at least three partners, and free access to events, training and "
    "matchmaking services of the cluster management."
)
HISTORY_TEXT = (
    "The programme started with the automotive cluster in 1998 and has been renewed with every "
    "regional economic strategy since; the current programme period ends in 2027."
)
HISTORY_TEXT_2 = (
    "A successor programme is under preparation as part of the next regional economic and "
    "research strategy of the province."
)
OVERALL = "EUR 12 million for 2021-2027"
FUNDING = "Province of Upper Austria"
RESULTS = (
    "An external evaluation of the programme period 2014-2020 found that cluster partners "
    "introduced new products more often than comparable companies and recommended a stronger "
    "focus on digitalisation and energy efficiency."
)
RESULTS_2 = (
    "Since the start of the programme, more than 1,000 cooperation projects with over 3,500 "
    "participating companies have been carried out by the clusters of Upper Austria."
)
PRIORITIES = ["Green transition", "Digital transition", "Skills"]


def _cats(items: list[str]) -> tuple:
    return tuple(B(i) for i in items)


POLICY_TABLE = PolicyTable(
    policy_types=("Regional cluster policy",),
    policy_names=(POLICY,),
    caption="Table 3: Overview of the regional cluster policy in Upper Austria",
    source="Source: ECCP (2024).",
    rows=(
        PolicyRow("POLICY OBJECTIVES", "", (_cats(OBJECTIVES),)),
        PolicyRow("", "", ((R(OBJECTIVES_TEXT),),)),
        PolicyRow("POLICY FOCUS", "", ((B("Sectoral"), R(FOCUS_TEXT)),)),
        PolicyRow("RESPONSIBLE AUTHORITIES", "", (_cats(AUTHORITIES),)),
        PolicyRow("", "", ((R(AUTHORITIES_TEXT),),)),
        PolicyRow("BENEFICIARIES", "", (_cats(BENEFICIARIES),)),
        PolicyRow("", "", ((R(BENEFICIARIES_TEXT),),)),
        PolicyRow("INSTRUMENTS", "Financial", (_cats(FINANCIAL),)),
        PolicyRow("", "Technical assistance", (_cats(TECHNICAL),)),
        PolicyRow("", "Explanation", ((R(INSTRUMENTS_TEXT),),)),
        PolicyRow("HISTORY", "Period", ((B("Limited period"),),)),
        PolicyRow("", "Ending year *(for policies with limited period)*", ((B("2027"),),)),
        PolicyRow("", "Starting year", ((B("1998"),),)),
        PolicyRow("", "Explanation", ((R(HISTORY_TEXT), R(HISTORY_TEXT_2)),)),
        PolicyRow("BUDGET", "Overall", ((R(OVERALL),),)),
        PolicyRow("", "Annual", ((R("No data available"),),)),
        PolicyRow("", "Source of funding", ((R(FUNDING),),)),
        PolicyRow("POLICY EVALUATION", "Availability", ((B("Ex-post evaluation"),),)),
        PolicyRow("", "Results", ((R(RESULTS),),)),
        PolicyRow("", "", ((R(RESULTS_2),),)),
        PolicyRow("POLICY ALIGNMENT WITH THE EU PRIORITIES", "", (_cats(PRIORITIES),)),
    ),
)

MATURITY_TABLE = Table(
    header=("Austria", "MATURITY ASSESSMENT", "Max score", "Actual score"),
    rows=(
        ("POLICY SCOPE", "Absence of cluster policy", "0", ""),
        ("", "Broad policy", "0,5", ""),
        ("", "Sectoral policy", "1", ""),
        ("", "National and/or regional cluster policy", "2", "2"),
        ("CONTINUITY", "No cluster-specific policy available", "0", ""),
        ("", "Cluster policy established recently", "0,5", ""),
        ("", "Cluster policy established between over 2 and 10 years", "1", "1"),
        ("", "Cluster policy established over 10 years ago", "2", ""),
        ("EVIDENCE OF PERFORMANCE", "No evaluation and / or monitoring available", "0", ""),
        ("", "Existence of evaluations of past policies", "0,5", "0,5"),
        ("", "Existence of monitoring or an ongoing / interim evaluation", "1", ""),
        ("", "Existence of monitoring and ex-ante or ongoing / interim evaluation", "2", ""),
        ("CLUSTER SUPPORT INSTRUMENTS", "No instruments for cluster development", "0", ""),
        ("", "Financial support for cluster development in the broader and / or sectoral policy", "0,5", ""),
        ("", "Financial or technical support for cluster development in dedicated cluster policy", "1", ""),
        ("", "Financial and technical support for cluster development in dedicated cluster policy", "2", "2"),
        ("TOTAL (8)", "", "", "5,5"),
    ),
    widths=(40, 90, 20, 20),
    caption="Table 4: Maturity assessment",
    source="Source: ECCP (2024)",
    group_first_col=True,
    total_span=3,
    align_right_cols=(2, 3),
)

CLUSTER_PARAGRAPH = (
    "There are 12 cluster organisations registered on the ECCP from Austria. With 7 cluster "
    "organisations most are located in Upper Austria, followed by 3 cluster organisations in "
    "Styria and 2 cluster organisations in Vienna."
)

BLOCKS = (
    Cover(
        kicker=("EUROPEAN CLUSTER", "COLLABORATION PLATFORM"),
        title="Country factsheet",
        country="Austria",
        footer="An initiative of the European Union",
    ),
    LegalNotice(
        "LEGAL NOTICE",
        "The information and views set out in this document are those of the author(s) and do "
        "not necessarily reflect the official opinion of EISMEA or the European Commission.",
    ),
    Toc(
        "Content",
        (
            TocEntry("Introduction", "intro"),
            TocEntry("1. Cluster landscape", "s1"),
            TocEntry("Cluster organisations in the country", "s1c", 1),
            TocEntry("2. Regional cluster policy, programmes and initiatives", "s2"),
            TocEntry("3. State of play of cluster policy", "s3"),
        ),
    ),
    Heading("Introduction", 1, "intro"),
    Para(
        "This document gives an overview of cluster policy in Austria. Austria is a federal state "
        "in which the provinces design their own economic and innovation strategies, so cluster "
        "programmes are run mainly at the level of the provinces, complemented by federal "
        "programmes for research and technology."
    ),
    Bullets(
        (
            "1) the cluster landscape in Austria,",
            "2) an example of regional cluster policy,",
            "3) an assessment of the state of play of cluster policy.",
        )
    ),
    Divider("01", "Cluster landscape", TAGLINE),
    Heading("1. Cluster landscape", 1, "s1"),
    Heading("Cluster organisations in the country", 2, "s1c"),
    Para(CLUSTER_PARAGRAPH),
    Figure("Figure 1: Cluster organisations by province", "Source: ECCP (2024)", bars=9, height_mm=50),
    Divider("02", "Regional cluster policy, programmes and initiatives", TAGLINE),
    Heading("2. Regional cluster policy, programmes and initiatives", 1, "s2"),
    Para(
        "The table below describes a regional programme. The text in bold marks the standardised "
        "categories used across the country factsheets; the text in regular type adds a "
        "description specific to the programme."
    ),
    POLICY_TABLE,
    Divider("03", "State of play of cluster policy", TAGLINE),
    Heading("3. State of play of cluster policy", 1, "s3"),
    Para(
        "The table below presents the maturity assessment for Austria. The assessment scores four "
        "criteria on a scale from 0 to 2 each."
    ),
    MATURITY_TABLE,
    Heading("Evidence of performance", 2),
    Para(
        "Evaluations of past programme periods are published by the province, but no monitoring "
        "system covers all regional programmes."
    ),
    PageBreak(),
    Heading("Annex", 1, "annex"),
    Para("The scoring system is described in the methodology note of the ECCP."),
)

FACTSHEET = Factsheet(
    slug="eccp-factsheet-at-2024",
    country="Austria",
    title="Country factsheet Austria",
    header_left="EUROPEAN CLUSTER COLLABORATION PLATFORM",
    header_right="Country factsheet Austria",
    blocks=BLOCKS,
)

PRODUCERS = {"reportlab": render_reportlab.render, "fpdf2": render_fpdf2.render}

# --------------------------------------------------------------------------- helpers

_RESULTS: dict[str, tuple[LoadedSource, DocumentResult]] = {}


def _render_and_process(fs: Factsheet, producer: str, folder: Path) -> tuple[LoadedSource, DocumentResult]:
    path = Path(PRODUCERS[producer](fs, folder / f"{fs.slug}-{producer}.pdf"))
    data = path.read_bytes()
    uri = f"factsheets/{path.name}"
    source = LoadedSource(
        uri=uri,
        doc_id=doc_id_for(uri),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        media_type="pdf",
    )
    return source, process(source)


def _processed(
    producer: str, tmp_path_factory: pytest.TempPathFactory
) -> tuple[LoadedSource, DocumentResult]:
    if producer not in _RESULTS:
        _RESULTS[producer] = _render_and_process(
            FACTSHEET, producer, tmp_path_factory.mktemp(f"at-{producer}")
        )
    return _RESULTS[producer]


def _shifted(sentences: int) -> Factsheet:
    """The same factsheet with a filler paragraph before the policy table: other page breaks."""
    filler = Para("The programme is one of several regional initiatives in the country. " * sentences)
    blocks: list[object] = []
    for block in BLOCKS:
        if block is POLICY_TABLE:
            blocks.append(filler)
        blocks.append(block)
    return dataclasses.replace(FACTSHEET, slug=f"{FACTSHEET.slug}-shift{sentences}", blocks=tuple(blocks))


def _records(result: DocumentResult) -> dict[str, object]:
    reconciled = reconcile(result.claims)
    return {
        "policies": [p.model_dump(mode="json", exclude={"evidence", "sources"}) for p in reconciled.policies],
        "countries": [
            c.model_dump(mode="json", exclude={"evidence", "sources"}) for c in reconciled.countries
        ],
        "conflicts": [(c.attribute, c.kind) for c in reconciled.conflicts],
    }


def _na(text: str) -> dict[str, object]:
    return {"not_available": True, "text": text}


@pytest.fixture(params=sorted(PRODUCERS))
def processed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    return _processed(request.param, tmp_path_factory)


# --------------------------------------------------------------------------- tests


def _unknown_categories() -> list[str]:
    """The categories of this factsheet that are not in the ECCP vocabulary (written here, not
    copied from one): each is kept as its own value and reported, never merged."""
    vocabulary = pattern_categories()
    fields = [
        ("objectives", OBJECTIVES),
        ("responsible_authorities", AUTHORITIES),
        ("beneficiaries", BENEFICIARIES),
        ("instruments.financial", FINANCIAL),
        ("instruments.technical_assistance", TECHNICAL),
        ("eu_priorities", PRIORITIES),
    ]
    return [
        f"unknown_category: {POLICY}: {field}: {name!r} is not in the category vocabulary "
        f"({vocabulary.version}); kept as its own category"
        for field, names in fields
        for name in names
        if not vocabulary.knows(field, name)
    ]


def test_document_is_an_austrian_factsheet_without_issues(processed) -> None:
    _, result = processed
    assert result.status == Status.OK
    assert result.kind == DocumentKind.FACTSHEET
    assert result.country == "AT"
    assert [w.split(": ", 1)[1] for w in result.warnings] == _unknown_categories()
    assert all(w.startswith("policy table, page ") for w in result.warnings)


def test_policy_table_breaks_across_pages(processed) -> None:
    _, result = processed
    pages = {c.evidence.page for c in result.claims if c.evidence.method == "factsheet.policy_table"}
    assert len(pages) >= 2


def test_policy_record(processed) -> None:
    _, result = processed
    (policy,) = _records(result)["policies"]
    assert (policy["country"], policy["region"], policy["policy_type"], policy["name"]) == (
        "AT",
        "Upper Austria",
        "Regional cluster policy",
        POLICY,
    )
    assert policy["objectives"] == {"categories": OBJECTIVES, "description": OBJECTIVES_TEXT}
    assert policy["focus"] == {"categories": ["Sectoral"], "description": FOCUS_TEXT}
    assert policy["responsible_authorities"] == {"categories": AUTHORITIES, "description": AUTHORITIES_TEXT}
    assert policy["beneficiaries"] == {"categories": BENEFICIARIES, "description": BENEFICIARIES_TEXT}
    assert policy["instruments"] == {
        "financial": {"categories": FINANCIAL, "description": None},
        "technical_assistance": {"categories": TECHNICAL, "description": None},
        "explanation": INSTRUMENTS_TEXT,
    }
    assert policy["history"] == {
        "period": "limited",
        "starting_year": 1998,
        "ending_year": 2027,
        "ending_year_text": "2027",
        "explanation": f"{HISTORY_TEXT}\n\n{HISTORY_TEXT_2}",
    }
    assert policy["budget"] == {
        "overall": OVERALL,
        "annual": _na("No data available"),
        "source_of_funding": FUNDING,
    }
    assert policy["evaluation"] == {
        "availability": "Ex-post evaluation",
        "results": f"{RESULTS}\n\n{RESULTS_2}",
    }
    assert policy["eu_priorities"] == PRIORITIES


def test_country_record(processed) -> None:
    _, result = processed
    records = _records(result)
    (country,) = records["countries"]
    assert (country["country"], country["name"]) == ("AT", "Austria")
    assert country["maturity"] == {
        "policy_scope": 2,
        "continuity": 1,
        "evidence_of_performance": 0.5,
        "support_instruments": 2,
        "total": 5.5,
        "max": 8,
    }
    orgs = country["cluster_organisations"]
    assert orgs["total"] == 12
    assert orgs["by_region"] == {"Upper Austria": 7, "Styria": 3, "Vienna": 2}
    assert sum(orgs["by_region"].values()) == orgs["total"]
    # 12 = 7 + 3 + 2, and one source cannot disagree with itself here: no conflict at all
    assert records["conflicts"] == []


def test_every_quote_is_verbatim_in_the_parsed_document(processed) -> None:
    source, result = processed
    document = parse_source(source)
    assert result.claims
    missing = [c.evidence.quote for c in result.claims if not document.contains_quote(c.evidence.quote)]
    assert missing == []
    assert not any("quote not in source" in w for w in result.warnings)


def test_both_producers_give_identical_records(tmp_path_factory: pytest.TempPathFactory) -> None:
    by_producer = {p: _records(_processed(p, tmp_path_factory)[1]) for p in sorted(PRODUCERS)}
    assert by_producer["reportlab"] == by_producer["fpdf2"]


def test_not_available_markers_are_typed(processed) -> None:
    _, result = processed
    annual = [c for c in result.claims if c.attribute == "budget.annual"]
    assert [type(c.value) for c in annual] == [NotAvailable]


@pytest.mark.parametrize("producer", sorted(PRODUCERS))
@pytest.mark.parametrize("sentences", [18, 36])
def test_records_do_not_depend_on_where_the_table_breaks(
    producer: str, sentences: int, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # 18 and 36 filler sentences move the breaks into other rows (and, for some producers,
    # spread the table over three pages or push its start onto the next page)
    _, shifted = _render_and_process(_shifted(sentences), producer, tmp_path)
    assert [w.split(": ", 1)[1] for w in shifted.warnings] == _unknown_categories()
    assert _records(shifted) == _records(_processed(producer, tmp_path_factory)[1])
