"""Registries, extractor isolation, one claim per fact, parse profiles and the attribute vocabulary."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.datamodel import attributes
from pipeline.datamodel.attributes import VOCABULARY, AttributeSpec, Compare, Extractor, spec_of
from pipeline.datamodel.claims import Claim, Evidence
from pipeline.datamodel.document import DocumentKind
from pipeline.datamodel.records import CountryRecord, PolicyRecord
from pipeline.datamodel.results import LoadedSource, Status
from pipeline.reconcile.conflicts import compatible
from pipeline.reconcile.records import _leaf_adapter, reconcile
from pipeline.stages.discover import discover, load
from pipeline.stages import process as process_module
from pipeline.stages.process import one_claim_per_fact, process
from pipeline.stages.registry import (
    RegistryError,
    extractors_for,
    register_extractor,
    unregister_backend,
    unregister_extractor,
)
from tests.conftest import RAW, SAMPLE_URIS, sample_result
from tests.plugins import toy_lines


def _source(uri: str, data: bytes, media_type: str | None) -> LoadedSource:
    return LoadedSource(
        uri=uri, doc_id="doc-toy", sha256=hashlib.sha256(data).hexdigest(), data=data, media_type=media_type
    )


@pytest.fixture
def toy_plugin() -> Iterator[None]:
    toy_lines.register()
    yield
    unregister_extractor(toy_lines.EXTRACTOR)
    unregister_backend(toy_lines.MEDIA_TYPE)


# ------------------------------------------------------------------ one-module additions


def test_a_toy_backend_and_extractor_are_one_module_each(toy_plugin: None) -> None:
    result = process(_source("notes/wood.toy", b"cluster: Wood Cluster\nfounded: 2012\n", "toy"))
    assert result.status == Status.OK
    assert result.kind == DocumentKind.OTHER
    assert [(c.subject_name, c.attribute, c.value, c.extractor, c.evidence.quote) for c in result.claims] == [
        ("Wood Cluster", "created_year", 2012, "toy.founded", "founded: 2012")
    ]
    reconciled = reconcile(result.claims)
    assert [(c.name, c.created_year) for c in reconciled.clusters] == [("Wood Cluster", 2012)]


def test_a_toy_backend_error_quarantines_with_its_code(toy_plugin: None) -> None:
    result = process(_source("notes/bad.toy", b"\xff\xfe\xfa", "toy"))
    assert result.status == Status.QUARANTINED
    assert [(e.stage, e.code) for e in result.errors] == [("parse", "toy_unreadable")]


def test_a_media_type_without_backend_is_quarantined() -> None:
    result = process(_source("notes/x.toy", b"cluster: X", "toy"))
    assert [(e.stage, e.code) for e in result.errors] == [("parse", "unsupported_media")]


def test_an_extractor_name_is_registered_once() -> None:
    with pytest.raises(RegistryError, match="'prose' is already registered"):
        register_extractor("prose", [DocumentKind.PRESS_PAGE], lambda doc, country: [])


def test_built_in_extractors_by_kind() -> None:
    assert [e.name for e in extractors_for(DocumentKind.FACTSHEET)] == [
        "factsheet.policy_table",
        "factsheet.figures",
        "prose",
    ]
    assert [e.name for e in extractors_for(DocumentKind.PRESS_PAGE)] == ["prose"]
    assert [e.name for e in extractors_for(DocumentKind.PRESENTATION)] == ["slides"]


# ------------------------------------------------------------------ isolation


def _boom(doc: object, country: str | None) -> list[Claim]:
    raise RuntimeError("rule table missing a column")


@pytest.fixture
def failing_extractor() -> Iterator[None]:
    register_extractor("test.boom", [DocumentKind.FACTSHEET], _boom)
    yield
    unregister_extractor("test.boom")


def test_a_failing_extractor_is_a_warning_and_the_others_claims_are_kept(failing_extractor: None) -> None:
    uri = "factsheets/eccp-factsheet-lu-2022-fpdf2.pdf"
    ref = next(r for r in discover(RAW) if r.uri == uri)
    result = process(load(ref))
    assert result.status == Status.OK
    assert "extractor test.boom failed: RuntimeError: rule table missing a column" in result.warnings
    assert [c.id for c in result.claims] == [c.id for c in sample_result(uri).claims]


# ------------------------------------------------------------------ one claim per fact


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        (
            "factsheets/eccp-factsheet-be-2023-reportlab.pdf",
            {
                ("cluster_organisations.total", 46),
                ("cluster_organisations.by_region.Flanders", 18),
                ("cluster_organisations.by_region.Wallonia", 16),
                ("cluster_organisations.by_region.Brussels-Capital", 2),
            },
        ),
        ("factsheets/eccp-factsheet-lu-2022-fpdf2.pdf", {("cluster_organisations.total", 1)}),
    ],
)
def test_cluster_organisation_counts_come_out_once(uri: str, expected: set[tuple[str, int]]) -> None:
    counts = [
        c
        for c in sample_result(uri).claims
        if c.attribute.startswith("cluster_organisations") and isinstance(c.value, int)
    ]
    assert sorted((c.attribute, c.value) for c in counts) == sorted(expected)
    assert {c.extractor for c in counts} == {Extractor.FACTSHEET_FIGURES}


def _claim(extractor: str, quote: str, value: int = 46) -> Claim:
    return Claim.create(
        subject_type="country",
        subject_name="Belgium",
        country="BE",
        attribute="cluster_organisations.total",
        value=value,
        evidence=Evidence(doc_id="d", uri="d.pdf", quote=quote, method=extractor),
        extractor=extractor,
    )


def test_one_claim_per_fact_keeps_the_first_extractor_and_distinct_facts() -> None:
    table = _claim("factsheet.figures", "46 cluster organisations")
    prose = _claim("prose", "There are 46 cluster organisations registered.")
    elsewhere = _claim("prose", "Another page says 46 cluster organisations.  Twice.", value=46)
    other_value = _claim("prose", "There are 46 cluster organisations registered.", value=45)
    same_extractor = _claim("factsheet.figures", "46 cluster organisations registered")
    kept = one_claim_per_fact([table, prose, other_value, same_extractor])
    assert kept == [table, other_value, same_extractor]
    assert one_claim_per_fact([prose, elsewhere]) == [prose, elsewhere]


# ------------------------------------------------------------------ parse profiles


def test_a_producer_profile_applies_to_that_producer_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profiles = tmp_path / "profiles.json"
    short = {"name": "short", "producer": "(?i)reportlab", "settings": {"max_pages": 1}}
    profiles.write_text(json.dumps({"profiles": [short]}))
    monkeypatch.setenv("CLUSTERPIPE_PDF_PROFILES_FILE", str(profiles))
    refs = {r.uri: r for r in discover(RAW)}
    reportlab = process(load(refs["factsheets/eccp-factsheet-lu-2022-reportlab.pdf"]))
    assert [e.code for e in reportlab.errors] == ["too_many_pages"]
    fpdf2 = process(load(refs["factsheets/eccp-factsheet-lu-2022-fpdf2.pdf"]))  # no Producer metadata
    assert fpdf2.status == Status.OK


def test_an_unknown_forced_profile_is_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLUSTERPIPE_PDF_PROFILE", "no-such-profile")
    ref = next(r for r in discover(RAW) if r.uri.endswith("lu-2022-fpdf2.pdf"))
    result = process(load(ref))
    assert [(e.code, "no-such-profile" in e.message) for e in result.errors] == [("bad_parse_profile", True)]


# ------------------------------------------------------------------ the vocabulary


@pytest.mark.parametrize("uri", SAMPLE_URIS)
def test_every_sample_claim_is_in_the_vocabulary(uri: str) -> None:
    claims = sample_result(uri).claims
    unknown = {(c.subject_type, c.attribute) for c in claims if spec_of(c.subject_type, c.attribute) is None}
    assert unknown == set()


@pytest.mark.parametrize(
    "spec",
    [s for s in VOCABULARY if s.record_path and not s.keyed],
    ids=lambda s: f"{s.subject_type}:{s.name}",
)
def test_every_record_path_is_a_field_of_its_record(spec: AttributeSpec) -> None:
    model = {"policy": PolicyRecord, "country": CountryRecord}[spec.subject_type]
    assert spec.record_path is not None
    assert _leaf_adapter(model, spec.record_path) is not None


@pytest.mark.parametrize("uri", SAMPLE_URIS)
def test_every_sample_claim_names_its_extractor(uri: str) -> None:
    assert {c.extractor for c in sample_result(uri).claims} <= {e.value for e in Extractor}
    assert all(c.extractor for c in sample_result(uri).claims)


def _cluster_claim(doc: str, attribute: str, value: int) -> Claim:
    return Claim.create(
        subject_type="cluster",
        subject_name="Wood Cluster",
        country="LU",
        attribute=attribute,
        value=value,
        evidence=Evidence(doc_id=doc, uri=f"{doc}.html", quote=f"{value} employees", method="toy.rule"),
        extractor="prose",
    )


@pytest.fixture
def employees_attribute(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    spec = AttributeSpec("employees", "cluster", "int", compare=Compare.NUMBER)
    monkeypatch.setattr(attributes, "VOCABULARY", (*attributes.VOCABULARY, spec))
    attributes._index.cache_clear()
    yield
    monkeypatch.undo()
    attributes._index.cache_clear()


def test_an_attribute_outside_the_vocabulary_is_never_compared() -> None:
    claims = [_cluster_claim("a", "employees", 50), _cluster_claim("b", "employees", 60)]
    assert reconcile(claims).conflicts == []


def test_a_new_compared_attribute_is_one_vocabulary_row(employees_attribute: None) -> None:
    claims = [_cluster_claim("a", "employees", 50), _cluster_claim("b", "employees", 60)]
    (conflict,) = reconcile(claims).conflicts
    assert (conflict.attribute, conflict.kind, [v.value for v in conflict.values]) == (
        "employees",
        "cross_source",
        [50, 60],
    )


@pytest.mark.parametrize(
    ("how", "expected"),
    [(Compare.YEAR, True), (Compare.NUMBER, True), (Compare.TEXT, False)],
)
def test_a_vague_range_covers_a_year_unless_compared_as_text(how: Compare, expected: bool) -> None:
    assert compatible(["2000/2003", 2002], how) is expected


def test_a_classifier_bug_is_a_warning_not_a_lost_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: object) -> object:
        raise KeyError("geo table")

    ref = next(r for r in discover(RAW) if r.uri.endswith("luxinnovation-news-cluster-initiative.html"))
    normal = process(load(ref))
    monkeypatch.setattr(process_module, "classify", broken)
    result = process(load(ref))
    assert (result.status, result.kind) == (Status.OK, DocumentKind.OTHER)
    assert result.warnings[0] == "classify failed: KeyError: 'geo table'"

    def facts(r: object) -> set[tuple[str, str, object]]:
        return {(c.subject_name, c.attribute, c.value) for c in r.claims}  # type: ignore[attr-defined]

    # an unclassified web page is still read by the prose rules: the same facts as when classified
    assert facts(result) == facts(normal) and facts(normal)


@pytest.fixture
def toy_writer() -> Iterator[None]:
    from tests.plugins import toy_counts

    toy_counts.install()
    yield
    toy_counts.uninstall()


def test_a_new_output_format_is_one_module_and_one_registration_line(toy_writer: None, tmp_path: Path) -> None:
    from pipeline.api import run_pipeline
    from tests.conftest import RAW

    raw = tmp_path / "raw"
    raw.mkdir()
    page = RAW / "press" / "luxinnovation-news-cluster-initiative.html"
    (raw / page.name).write_bytes(page.read_bytes())
    out = tmp_path / "out"
    run_pipeline(raw, out, in_process=True)
    claims = (out / "datasets" / "claims.jsonl").read_text("utf-8").count("\n")
    assert claims > 0
    assert (out / "datasets" / "claims.count").read_text("utf-8") == f"{claims}\n"
    assert (out / "datasets" / "documents.count").read_text("utf-8") == "1\n"
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert "datasets/claims.count" in {f["path"] for f in manifest["files"]}
