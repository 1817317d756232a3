"""Degrade, never drop: a failure injected into one factsheet extractor loses only what it reads.

Each case makes one extractor (or one field of one) raise and asserts exactly which claims
disappear, that the failure is a warning carrying its error, and that the document is not
quarantined.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest

from pipeline.datamodel.claims import Claim
from pipeline.datamodel.document import Document
from pipeline.datamodel.results import Status
from pipeline.models.classify import classify
from pipeline.models.factsheet import extract_factsheet, figures, policy_table
from pipeline.stages.discover import discover, load
from pipeline.stages.process import parse_source, process
from tests.conftest import RAW

LU = "factsheets/eccp-factsheet-lu-2022-reportlab.pdf"
BE = "factsheets/eccp-factsheet-be-2023-fpdf2.pdf"


def _document(uri: str) -> tuple[Document, str | None]:
    ref = next(r for r in discover(RAW) if r.uri == uri)
    doc = parse_source(load(ref))
    found = classify(doc)
    return doc.model_copy(update={"kind": found.kind}), found.country


_DOCS: dict[str, tuple[Document, str | None]] = {}


def document(uri: str) -> tuple[Document, str | None]:
    if uri not in _DOCS:
        _DOCS[uri] = _document(uri)
    return _DOCS[uri]


def attributes(claims: list[Claim]) -> Counter[tuple[str, str]]:
    return Counter((c.subject_name, c.attribute) for c in claims)


def _boom(*_: object, **__: object) -> list[Claim]:
    raise ValueError("invalid literal for int() with base 10: '³'")


def _fail_field(section: str, sub: str | None) -> Callable[..., list[Claim]]:
    original = policy_table.field_to_claims

    def patched(ctx, sec, sb, pieces):  # type: ignore[no-untyped-def]
        if (sec.key, sb) == (section, sub):
            raise ValueError("invalid literal for int() with base 10: '³'")
        return original(ctx, sec, sb, pieces)

    return patched


def _fail_number(text: str) -> Callable[[str], int | None]:
    original = figures.parse_number

    def patched(value: str) -> int | None:
        if value.strip() == text:
            raise ValueError("invalid literal for int() with base 10: '³'")
        return original(value)

    return patched


def _fail_agglomeration(kind: str) -> Callable[..., list[Claim]]:
    original = figures._agglomeration_row

    def patched(make, knd, present, page, overleaf=None):  # type: ignore[no-untyped-def]
        if knd == kind:
            raise ValueError("invalid literal for int() with base 10: '³'")
        return original(make, knd, present, page, overleaf)

    return patched


def _fail_criterion(criterion: str) -> Callable[..., list[Claim]]:
    original = figures._score_claims

    def patched(make, crit, present, score_cell, page):  # type: ignore[no-untyped-def]
        if crit == criterion:
            raise KeyError(crit)
        return original(make, crit, present, score_cell, page)

    return patched


LUX = "Luxembourg Cluster Initiative"
FL = "Flanders Innovation Clusters Policy"
WA = "Walloon Region Competitive Clusters Policy"

# (case id, document, module, function name, replacement, lost (subject, attribute) pairs, warning start)
CASES = [
    (
        "one policy field",
        LU,
        policy_table,
        "field_to_claims",
        _fail_field("history", "starting_year"),
        {(LUX, "history.starting_year")},
        f"policy table {LUX!r} history.starting_year, page",
    ),
    (
        "one section of one of two policies",
        BE,
        policy_table,
        "field_to_claims",
        _fail_field("objectives", None),
        {
            (FL, "objectives.categories"),
            (FL, "objectives.description"),
            (WA, "objectives.categories"),
            (WA, "objectives.description"),
        },
        (f"policy table {FL!r} objectives, page", f"policy table {WA!r} objectives, page"),
    ),
    (
        "the whole policy table",
        LU,
        policy_table,
        "fragments_to_tables",
        _boom,
        "policy",
        "policy table: extractor_failed: ValueError",
    ),
    (
        "one maturity criterion",
        LU,
        figures,
        "_score_claims",
        _fail_criterion("continuity"),
        {("Luxembourg", "maturity.continuity")},
        "maturity continuity, page",
    ),
    (
        "the maturity table",
        LU,
        figures,
        "maturity_claims",
        _boom,
        "maturity.",
        "maturity: extractor_failed: ValueError",
    ),
    (
        "a figure's number",
        BE,
        figures,
        "parse_number",
        _fail_number("46"),
        "cluster_organisations.",
        "cluster organisations: extractor_failed: ValueError",
    ),
    (
        "one agglomeration row",
        LU,
        figures,
        "_agglomeration_row",
        _fail_agglomeration("sectoral"),
        "agglomerations.sectoral.",
        "agglomerations sectoral row 'LU: Luxembourg', page",
    ),
]


def _lost(baseline: Counter[tuple[str, str]], spec: object) -> Counter[tuple[str, str]]:
    if isinstance(spec, set):
        return Counter({k: v for k, v in baseline.items() if k in spec})
    if spec == "policy":
        return Counter({k: v for k, v in baseline.items() if k[0] not in ("Luxembourg", "Belgium")})
    return Counter({k: v for k, v in baseline.items() if k[1].startswith(str(spec))})


@pytest.mark.parametrize(
    ("uri", "module", "name", "replacement", "lost", "warning"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_injected_failure_loses_only_its_own_fields(
    monkeypatch: pytest.MonkeyPatch,
    uri: str,
    module: object,
    name: str,
    replacement: Callable[..., list[Claim]],
    lost: object,
    warning: str | tuple[str, ...],
) -> None:
    doc, country = document(uri)
    baseline = attributes(extract_factsheet(doc, country).claims)
    expected_lost = _lost(baseline, lost)
    assert expected_lost, "the injected failure must remove something the baseline has"
    monkeypatch.setattr(module, name, replacement)
    result = extract_factsheet(doc, country)
    assert attributes(result.claims) == baseline - expected_lost
    failures = [w for w in result.warnings if "extractor_failed" in w]
    prefixes = (warning,) if isinstance(warning, str) else warning
    assert len(failures) == len(prefixes), failures
    for failure, prefix in zip(failures, prefixes):
        assert failure.startswith(prefix), failure
        assert failure.endswith(
            ("ValueError: invalid literal for int() with base 10: '³'", "KeyError: 'continuity'")
        )


def test_failing_field_leaves_the_document_ok_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(policy_table, "field_to_claims", _fail_field("history", "starting_year"))
    ref = next(r for r in discover(RAW) if r.uri == LU)
    result = process(load(ref))
    assert result.status == Status.OK
    assert result.errors == []
    starting = [c for c in result.claims if c.attribute == "history.starting_year"]
    assert starting == []
    assert {c.attribute for c in result.claims} >= {"history.period", "maturity.total", "name"}
    (warning,) = [w for w in result.warnings if "extractor_failed" in w]
    assert warning == (
        f"policy table {LUX!r} history.starting_year, page 10: extractor_failed: "
        "ValueError: invalid literal for int() with base 10: '³'"
    )


def test_maturity_table_cut_by_a_page_break_without_repeated_header_is_read_whole() -> None:
    from tests.factories import make_document, make_table

    head = [["Spain", "MATURITY ASSESSMENT", "Max score", "Actual score"]]
    page1 = make_table(
        1,
        head
        + [
            ["POLICY SCOPE", "Broad policy", "0,5", ""],
            ["", "National and/or regional cluster policy", "2", "2"],
            ["CONTINUITY", "Cluster policy established over 10 years ago", "2", "2"],
        ],
    )
    page2 = make_table(
        2,
        [
            ["EVIDENCE OF PERFORMANCE", "Existence of evaluations of past policies", "0,5", "0,5"],
            ["CLUSTER SUPPORT INSTRUMENTS", "Financial and technical support", "2", "2"],
            ["TOTAL (8)", None, None, "6,5"],
        ],
    )
    claims = figures.maturity_claims(make_document([[page1], [page2]]), "ES", "Spain")
    assert {c.attribute: c.value for c in claims} == {
        "maturity.policy_scope": 2.0,
        "maturity.continuity": 2.0,
        "maturity.evidence_of_performance": 0.5,
        "maturity.support_instruments": 2.0,
        "maturity.max": 8.0,
        "maturity.total": 6.5,
    }
