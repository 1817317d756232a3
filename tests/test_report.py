"""The review report: escaping, content, determinism, self-containment."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

import pytest

from pipeline.datamodel.claims import Claim, Evidence, NotAvailable
from pipeline.datamodel.document import DocumentKind
from pipeline.datamodel.records import (
    Budget,
    CategorisedText,
    ClaimedValue,
    ClusterOrganisationCount,
    ClusterRecord,
    ConflictRecord,
    ConflictValue,
    CountryRecord,
    DocumentError,
    DocumentRecord,
    History,
    MatchSuggestion,
    Maturity,
    PolicyRecord,
    Resolution,
)
from pipeline.publish.report import format_value, render_report

XSS = "<script>alert(1)</script>"

NEWS = "https://www.luxinnovation.lu/news/creative-industries"
LULU = "003_luxembourg_lu.html"
FACTSHEET = "000_lu_factsheet.pdf"
BROKEN = "004_be_factsheet.pdf"

EV_ANNOUNCED = Evidence(
    doc_id="doc-lulu",
    uri=LULU,
    locator="main > article > p[7]",
    quote="In 2016, the government announced the creation of a Creative Industries Cluster",
    method="press.dates",
)
EV_LAUNCHED = Evidence(
    doc_id="doc-news",
    uri=NEWS,
    locator="body > div.content > p[1]",
    quote=f"Launched in 2017, the Creative Industries Cluster {XSS} brings together",
    method="press.dates",
)
EV_FACTSHEET = Evidence(
    doc_id="doc-fs",
    uri=FACTSHEET,
    page=7,
    quote="Starting year: 2002",
    method="factsheet.policy_table",
)
EV_PRESENTATION = Evidence(
    doc_id="doc-fs",
    uri=FACTSHEET,
    page=12,
    quote="Goals of Cluster Initiative (2001)",
    method="presentation.headings",
)


def make_records() -> dict[str, list]:
    documents = [
        DocumentRecord(
            id="doc-news",
            uri=NEWS,
            sha256="b" * 64,
            media_type="html",
            kind=DocumentKind.PRESS_PAGE,
            status="ok",
            claims=1,
        ),
        DocumentRecord(
            id="doc-fs",
            uri=FACTSHEET,
            sha256="a" * 64,
            media_type="pdf",
            kind=DocumentKind.FACTSHEET,
            pages=18,
            status="ok",
            claims=2,
            claim_counts={"policy": 2},
        ),
        DocumentRecord(
            id="doc-broken",
            uri=BROKEN,
            sha256="c" * 64,
            media_type="pdf",
            kind=DocumentKind.OTHER,
            status="quarantined",
            error=DocumentError(code="pdf.encrypted", message="PDF is encrypted & unreadable"),
        ),
    ]
    policies = [
        PolicyRecord(
            id="policy-lci",
            country="LU",
            policy_type="National cluster policy",
            name="Luxembourg Cluster Initiative",
            objectives=CategorisedText(categories=["Innovation", "Collaboration"]),
            history=History(period="unlimited", starting_year=2002, ending_year=NotAvailable(text="n/a")),
            budget=Budget(source_of_funding=NotAvailable(text="Not available")),
        )
    ]
    countries = [
        CountryRecord(
            id="country-BE",
            country="BE",
            name="Belgium",
            maturity=Maturity(
                policy_scope=2.0,
                continuity=2.0,
                evidence_of_performance=1.0,
                support_instruments=2.0,
                total=7.0,
                max=8.0,
            ),
            cluster_organisations=ClusterOrganisationCount(
                total=46, by_region={"Flanders": 18, "Wallonia": 16, "Brussels": 2}
            ),
        )
    ]
    clusters = [
        ClusterRecord(
            id="cluster-ci",
            country="LU",
            name="Creative Industries Cluster",
            aliases=["Luxembourg Creative Industries Cluster"],
            claims=[
                ClaimedValue(
                    attribute="created_year",
                    value=2016,
                    qualifier="announced",
                    claim_id="claim-a",
                    evidence=EV_ANNOUNCED,
                ),
                ClaimedValue(attribute="created_year", value=2017, claim_id="claim-b", evidence=EV_LAUNCHED),
            ],
            suggestions=[
                MatchSuggestion(
                    other_id="cluster-other",
                    other_name="Creative Industries Cluster Luxembourg",
                    score=0.87,
                    reason="near-identical name",
                )
            ],
        )
    ]
    conflicts = [
        ConflictRecord(
            id="conflict-ci-created",
            subject_type="cluster",
            subject_id="cluster-ci",
            subject_name="Creative Industries Cluster",
            attribute="created_year",
            kind="cross_source",
            values=[
                ConflictValue(value=2017, evidence=[EV_LAUNCHED]),
                ConflictValue(value=2016, qualifiers=["announced"], evidence=[EV_ANNOUNCED]),
            ],
            explanation="2016 is an announcement; 2017 the launch.",
        ),
        ConflictRecord(
            id="conflict-lci-start",
            subject_type="policy",
            subject_id="policy-lci",
            subject_name="Luxembourg Cluster Initiative",
            attribute="starting_year",
            kind="cross_source",
            values=[
                ConflictValue(value=2002, evidence=[EV_FACTSHEET]),
                ConflictValue(value=2001, qualifiers=["goals dated"], evidence=[EV_PRESENTATION]),
            ],
            explanation="Goals dated 2001, launch 2002.",
            status="resolved",
            resolution=Resolution(value=2002, decided_by="reviewer-x", reason="launch year"),
        ),
    ]
    claims = [
        Claim.create(
            subject_type="policy",
            subject_name="Luxembourg Cluster Initiative",
            subject_id="policy-lci",
            attribute="starting_year",
            value=2002,
            evidence=EV_FACTSHEET,
        ),
        Claim.create(
            subject_type="policy",
            subject_name="Cluster Initiative",
            subject_id="policy-lci",
            attribute="starting_year",
            value=2001,
            qualifier="goals dated",
            evidence=EV_PRESENTATION,
        ),
        Claim.create(
            subject_type="cluster",
            subject_name="Creative Industries Cluster",
            attribute="created_year",
            value=2017,
            evidence=EV_LAUNCHED,
        ),
    ]
    return {
        "documents": documents,
        "policies": policies,
        "countries": countries,
        "clusters": clusters,
        "conflicts": conflicts,
        "claims": claims,
    }


@pytest.fixture(scope="module")
def report() -> str:
    return render_report(**make_records())


def test_quote_with_markup_is_escaped(report: str) -> None:
    assert XSS not in report
    assert "<script>alert" not in report
    assert html.escape(XSS, quote=False) in report


@pytest.mark.parametrize(
    "expected",
    [
        # values
        ">2016<",
        ">2017<",
        ">2001<",
        ">2002<",
        # qualifiers
        ">announced<",
        ">goals dated<",
        # quotes, in blockquotes
        f"<blockquote>{html.escape(EV_ANNOUNCED.quote)}</blockquote>",
        f"<blockquote>{html.escape(EV_FACTSHEET.quote)}</blockquote>",
        f"<blockquote>{html.escape(EV_PRESENTATION.quote)}</blockquote>",
        # where each value was read
        "main &gt; article &gt; p[7]",
        "p.&nbsp;12",
        "presentation.headings",
        # subject, attribute, kind, resolution
        "Creative Industries Cluster",
        "<code>created_year</code>",
        "cross-source",
        "launch year",
        "reviewer-x",
    ],
)
def test_conflict_values_qualifiers_and_quotes_appear(report: str, expected: str) -> None:
    conflicts = report[report.index('id="conflicts"') : report.index('id="documents"')]
    assert expected in conflicts


@pytest.mark.parametrize("anchor", ["conflict-ci-created", "conflict-lci-start", "cluster-ci"])
def test_records_have_stable_anchors(report: str, anchor: str) -> None:
    assert f'id="{anchor}"' in report
    assert f'href="#{anchor}"' in report


def test_conflicts_come_before_other_sections_open_first(report: str) -> None:
    order = [
        report.index(f'id="{section}"')
        for section in ("summary", "conflicts", "documents", "policies", "countries", "clusters")
    ]
    assert order == sorted(order)
    assert report.index('id="conflict-ci-created"') < report.index('id="conflict-lci-start"')


def test_quarantined_document_error_is_shown(report: str) -> None:
    row = re.search(r'<tr id="doc-broken" class="quarantined"[^>]*>(.*?)</tr>', report, re.S)
    assert row is not None
    assert "<code>pdf.encrypted</code>" in row.group(1)
    assert "PDF is encrypted &amp; unreadable" in row.group(1)


def test_not_available_is_muted_and_counts_are_shown(report: str) -> None:
    assert '<span class="na" title="Source: n/a">not available</span>' in report
    assert "7/8" in report  # maturity total
    assert "regions add up to 36, not 46" in report
    assert "score 0.87" in report


def test_claims_are_in_one_details_element_per_document(report: str) -> None:
    section = report[report.index('<section id="claims"') :]
    assert section.index('<details class="doc" id="claims-doc-fs"') < section.index(
        '<details class="doc" id="claims-doc-news"'
    )
    broken = section[section.index('id="claims-doc-broken"') :]
    broken = broken[: broken.index("</details>")]
    assert "<code>pdf.encrypted</code>" in broken and "No claims from this document." in broken


def test_rendering_is_deterministic() -> None:
    records = make_records()
    first = render_report(**records)
    second = render_report(**records)
    shuffled = render_report(**{name: list(reversed(seq)) for name, seq in records.items()})
    assert first == second == shuffled


@pytest.mark.parametrize(
    "pattern",
    [
        r"<link\b",
        r"<script[^>]*\bsrc=",
        r"<img\b",
        r"<iframe\b",
        r"@import",
        r"(?<![a-z])url\(",  # CSS url(); not the script's URL.createObjectURL(
        r"""\bsrc\s*=\s*["']?\s*(?:https?:)?//""",
        r"""<(?!a\b)[a-z]+\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//""",  # links to a source URL are fine
    ],
)
def test_no_external_resources(report: str, pattern: str) -> None:
    assert re.search(pattern, report, re.I) is None


def test_empty_inputs_render() -> None:
    empty = render_report(documents=[], policies=[], countries=[], clusters=[], conflicts=[], claims=[])
    assert "No conflicts" in empty


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2.0, "2"), (0.5, "0.5"), (2016, "2016"), (["a", "b"], "a; b"), ("x", "x")],
)
def test_format_value(value: object, expected: str) -> None:
    assert format_value(value) == expected


# ---------------------------------------------------------------- extras: warnings, forms, mentions, CSP


def _extras_report(**extras: object) -> str:
    from pipeline.publish.report import ReportExtras

    return render_report(**make_records(), extras=ReportExtras(**extras))  # type: ignore[arg-type]


def test_run_warnings_are_shown_escaped() -> None:
    report = _extras_report(warnings=[f"decision by {XSS} names unknown conflict conflict-x; not applied"])
    section = report[report.index('<section class="warnings"') :]
    assert "1 warning from this run" in section
    assert f"decision by {html.escape(XSS, quote=False)} names unknown conflict conflict-x" in section


def test_each_conflict_card_has_a_decision_form_with_its_values_as_json(report: str) -> None:
    card = report[report.index('id="conflict-ci-created"') :]
    card = card[: card.index("</article>")]
    form = re.search(
        r'<form class="decide" hidden data-conflict="conflict-ci-created" data-values="([^"]*)"', card
    )
    assert form is not None
    assert json.loads(html.unescape(form.group(1))) == [2017, 2016]
    assert re.findall(r'data-json="([^"]*)"', card) == ["2016", "2017"]
    assert "python -m pipeline decide conflict-ci-created 2016 --reason" in card


def test_only_the_reports_own_script_may_run(report: str) -> None:
    (script,) = re.findall(r"<script>(.*?)</script>", report, re.S)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', report)
    assert csp is not None
    assert f"script-src 'sha256-{digest}'" in csp.group(1) and "default-src 'none'" in csp.group(1)
    assert re.search(r"<[a-z]+\b[^>]*\son[a-z]+\s*=", report, re.I) is None  # no inline handlers


def test_mentions_taken_and_not_taken_per_document() -> None:
    from types import SimpleNamespace

    from pipeline.publish.report import document_extra

    from pipeline.datamodel.base import StrictModel

    class MentionNote(StrictModel):  # the shape the NLP extractor records per prose page
        text: str
        label: str
        taken: bool
        family: str | None = None
        reason: str | None = None
        locator: str | None = None

    result = SimpleNamespace(
        mentions=[
            MentionNote(text="SurfMat", label="cluster", taken=True, family="x_cluster", locator="p[2]"),
            MentionNote(text="Secretary of State", label="cluster", taken=False, reason="role title"),
            {"text": "Wood Cluster", "label": "cluster", "taken": True, "family": "gazetteer"},
        ]
    )
    extra = document_extra(result, "../raw/a.html")  # type: ignore[arg-type]
    report = _extras_report(documents={"doc-news": extra})
    section = report[report.index('id="claims-doc-news"') :]
    section = section[: section.index("</details>")]
    assert "2 mentions taken, 1 not taken" in section
    assert '<li title="rule x_cluster · p[2]">SurfMat <span class="muted">cluster</span></li>' in section
    assert (
        'Secretary of State <span class="muted">cluster</span> <span class="small">— role title</span>'
        in section
    )
    assert section.index("SurfMat") < section.index("Wood Cluster")
    assert '<a href="../raw/a.html">open' in section


def test_documents_without_a_mention_list_show_none() -> None:
    from types import SimpleNamespace

    from pipeline.publish.report import document_extra

    assert document_extra(SimpleNamespace(mentions=[]), None).has_mentions is False  # type: ignore[arg-type]
    assert document_extra(SimpleNamespace(), None).has_mentions is False  # type: ignore[arg-type]
