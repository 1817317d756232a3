"""Report crops are kept between runs: an unchanged document's crops are read back, not drawn, and
the report is byte-identical to one whose crops were all drawn afresh."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pdfplumber
import pytest

from pipeline.api import run_pipeline
from pipeline.datamodel.claims import Evidence
from pipeline.datamodel.document import BBox
from pipeline.publish import crops
from pipeline.publish.cropcache import CropCache, CropFile, document_key, item_key
from pipeline.publish.crops import CropSettings, EvidenceMedia, SourceFile, build_evidence_media
from tests.conftest import RAW, published_bytes

PDF = "factsheets/eccp-factsheet-be-2023-reportlab.pdf"
SHA = hashlib.sha256((RAW / PDF).read_bytes()).hexdigest()


def _evidence() -> list[Evidence]:
    """Three pieces of evidence on page 15: two words' boxes and one box outside the page."""
    with pdfplumber.open(RAW / PDF) as pdf:
        words = pdf.pages[14].extract_words()[:2]
    boxed = [
        Evidence(
            doc_id="doc-be",
            uri=PDF,
            page=15,
            bbox=BBox.of(w["x0"], w["top"], w["x1"], w["bottom"]),
            quote=w["text"],
            method="test",
        )
        for w in words
    ]
    outside = boxed[0].model_copy(update={"bbox": BBox.of(700, 900, 760, 950)})
    return [*boxed, outside]


def _build(cache: CropCache | None, settings: CropSettings | None = None) -> EvidenceMedia:
    source = SourceFile(doc_id="doc-be", uri=PDF, sha256=SHA)
    return build_evidence_media(
        _evidence(), {"doc-be": source}, RAW, RAW.parent / "extracted", settings=settings, cache=cache
    )


def _views(media: EvidenceMedia) -> list[tuple[str | None, str | None, str | None]]:
    return [(v.link, v.note, v.image.data_uri if v.image else None) for _, v in sorted(media.views.items())]


def _no_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the PDF was opened although every crop is in the cache")

    monkeypatch.setattr(crops, "_PdfSource", refuse)


def test_cached_crops_are_read_back_without_opening_the_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = CropCache(tmp_path)
    drawn = _build(cache)
    stored = CropFile.model_validate_json((tmp_path / "doc-be.json").read_bytes())
    assert len(stored.crops) == 3
    assert [c.note for c in stored.crops.values()].count("the value's box lies outside the page") == 1
    _no_rendering(monkeypatch)
    again = _build(cache)
    assert _views(again) == _views(drawn)
    assert again.images == drawn.images


def test_cached_and_drawn_crops_are_identical(tmp_path: Path) -> None:
    cache = CropCache(tmp_path)
    _build(cache)
    assert _views(_build(cache)) == _views(_build(None))
    assert _build(cache).images == _build(None).images


def test_other_settings_or_other_bytes_are_a_miss(tmp_path: Path) -> None:
    cache = CropCache(tmp_path)
    _build(cache)
    settings = CropSettings(webp_quality=60)
    assert cache.read("doc-be", document_key(SHA, settings.model_dump_json())) == {}
    assert cache.read("doc-be", document_key("0" * 64, CropSettings().model_dump_json())) == {}
    assert len(cache.read("doc-be", document_key(SHA, CropSettings().model_dump_json()))) == 3
    redrawn = _build(cache, settings)  # drawn again, and stored under the new key
    assert _views(redrawn) != _views(_build(None))
    assert CropFile.model_validate_json((tmp_path / "doc-be.json").read_bytes()).key == document_key(
        SHA, settings.model_dump_json()
    )


def test_a_damaged_cache_file_is_a_miss_and_is_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = CropCache(tmp_path)
    (tmp_path / "doc-be.json").write_text("{not json")
    assert cache.read("doc-be", document_key(SHA, CropSettings().model_dump_json())) == {}
    assert _views(_build(cache)) == _views(_build(None))
    drawn = _views(_build(None))
    _no_rendering(monkeypatch)
    assert _views(_build(cache)) == drawn


def test_only_the_crops_a_run_shows_are_kept(tmp_path: Path) -> None:
    cache = CropCache(tmp_path)
    _build(cache)
    source = SourceFile(doc_id="doc-be", uri=PDF, sha256=SHA)
    first = _evidence()[0]
    build_evidence_media([first], {"doc-be": source}, RAW, RAW.parent / "extracted", cache=cache)
    stored = CropFile.model_validate_json((tmp_path / "doc-be.json").read_bytes())
    assert list(stored.crops) == [item_key(15, first.bbox, first.quote)]  # type: ignore[arg-type]


def test_a_warm_run_reads_crops_back_and_publishes_the_same_bytes(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "factsheets").mkdir(parents=True)
    shutil.copy(RAW / PDF, raw / PDF)
    out = tmp_path / "out"
    run_pipeline(raw, out, in_process=True)
    cold = published_bytes(out)
    stored = list((out / ".cache" / "crops").glob("*.json"))
    assert len(stored) == 1
    assert len(CropFile.model_validate_json(stored[0].read_bytes()).crops) > 10
    mtime = stored[0].stat().st_mtime_ns
    run_pipeline(raw, out, in_process=True)
    assert published_bytes(out) == cold
    assert stored[0].stat().st_mtime_ns == mtime  # nothing new to store: the file is not rewritten


HTML = "press/luxembourg-lu-creative-industries-cluster.html"


def _html_evidence() -> list[Evidence]:
    """A quote in its paragraph, and one that is not in the page (a note)."""
    found = Evidence(
        doc_id="doc-lu",
        uri=HTML,
        locator="html/body/main/article/div/p[3]#c1-2",
        quote="In this context, the Luxembourg Cluster Initiative was launched in 2002",
        method="m",
    )
    missing = found.model_copy(update={"locator": "html/body/p", "quote": "a sentence that is not there"})
    return [found, missing]


def _build_html(cache: CropCache | None) -> EvidenceMedia:
    sha = hashlib.sha256((RAW / HTML).read_bytes()).hexdigest()
    source = SourceFile(doc_id="doc-lu", uri=HTML, sha256=sha)
    return build_evidence_media(
        _html_evidence(), {"doc-lu": source}, RAW, RAW.parent / "extracted", cache=cache
    )


def test_html_contexts_are_read_back_without_parsing_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = CropCache(tmp_path)
    parsed = _build_html(cache)
    found, missing = (parsed.view(ev) for ev in _html_evidence())
    assert found is not None and found.context is not None and found.context.before.endswith("economy. ")
    assert missing is not None and missing.note == "quote not found in the source as it is now"

    def refuse(*_: object) -> None:
        raise AssertionError("the page was parsed although every context is in the cache")

    monkeypatch.setattr(crops, "LexborHTMLParser", refuse)
    again = _build_html(cache)
    assert again.views == parsed.views


def test_the_worker_draws_the_crops_and_publish_only_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.stages.cache import ResultCache
    from pipeline.stages.discover import discover, load
    from pipeline.stages.pool import job_for, run_job

    raw = tmp_path / "raw"
    (raw / "factsheets").mkdir(parents=True)
    shutil.copy(RAW / PDF, raw / PDF)
    cache = ResultCache(tmp_path / "out" / ".cache" / "documents", fingerprint="test")
    source = load(discover(raw)[0])
    outcome = run_job(job_for(source), cache, read_cache=False, limit_mib=1024)
    result = cache.read(outcome.doc_id, outcome.sha256)
    assert result is not None and result.claims
    stored = CropFile.model_validate_json(
        (tmp_path / "out" / ".cache" / "crops" / f"{result.doc_id}.json").read_bytes()
    )
    boxed = {
        item_key(c.evidence.page, c.evidence.bbox, c.evidence.quote) for c in result.claims if c.evidence.bbox
    }
    assert set(stored.crops) == boxed
    evidence = [c.evidence for c in result.claims]
    described = {result.doc_id: SourceFile(doc_id=result.doc_id, uri=result.uri, sha256=result.sha256)}
    drawn = build_evidence_media(evidence, described, raw, tmp_path / "out")
    _no_rendering(monkeypatch)
    read = build_evidence_media(
        evidence, described, raw, tmp_path / "out", cache=CropCache(tmp_path / "out" / ".cache" / "crops")
    )
    assert _views(read) == _views(drawn) and read.images == drawn.images


def test_the_webp_effort_is_a_validated_setting() -> None:
    from pydantic import ValidationError

    assert CropSettings().webp_method == crops.DEFAULT_WEBP_METHOD == 2
    with pytest.raises(ValidationError):
        CropSettings(webp_method=7)
    image = crops.Image.new("RGB", (64, 32), (250, 250, 250))
    assert crops._encode(image, 45, 2)[:4] == b"RIFF"
