"""Runs over mixed folders: one bad document never stops a run; writes are atomic; corpus rebuilds."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from pipeline.api import run_pipeline
from pipeline.datamodel.results import LoadedSource
from pipeline.publish.guard import PublishOptions
from pipeline.stages.cache import ResultCache, process_cached
from pipeline.publish.writer import atomic_write
from tests.conftest import RAW, published_bytes


def test_bad_documents_are_quarantined_and_others_still_published(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "press").mkdir(parents=True)
    shutil.copy(RAW / "press" / "luxinnovation-news-cluster-initiative.html", raw / "press" / "good.html")
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer\n%%EOF")
    (raw / "empty.pdf").write_bytes(b"")
    (raw / "empty.html").write_bytes(b"<html><body><nav>Home</nav></body></html>")
    out = tmp_path / "out"
    summary = run_pipeline(raw, out)
    docs = {d["uri"]: d for d in (json.loads(p.read_text()) for p in (out / "documents").glob("*.json"))}
    assert summary.documents_seen == 4
    assert summary.documents_quarantined == 3
    assert docs["press/good.html"]["status"] == "ok" and docs["press/good.html"]["claims"] > 10
    assert (docs["empty.pdf"]["error"]["code"], docs["broken.pdf"]["status"]) == ("empty_file", "quarantined")
    assert docs["broken.pdf"]["error"]["code"] in ("malformed", "no_pages")
    assert docs["empty.html"]["status"] == "quarantined"
    assert any(p.name.startswith("cluster-") for p in (out / "clusters").iterdir())


def test_atomic_write_leaves_no_temporary_files_and_skips_equal_bytes(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    assert atomic_write(target, "{}\n") is True
    assert atomic_write(target, "{}\n") is False
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_records_of_removed_documents_disappear(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "press" / "luxembourg-lu-creative-industries-cluster.html", raw / "a.html")
    out = tmp_path / "out"
    run_pipeline(raw, out)
    assert len(list((out / "documents").glob("*.json"))) == 1
    (raw / "a.html").unlink()
    summary = run_pipeline(raw, out, publish_options=PublishOptions(allow_shrink=True))
    assert summary.documents_seen == 0
    assert list((out / "documents").glob("*.json")) == []


def test_sample_corpus_rebuilds_byte_identical(tmp_path: Path) -> None:
    from corpus.build import build_corpus

    built = build_corpus(tmp_path)
    assert built
    for path in built:
        rel = path.relative_to(tmp_path)
        assert (
            hashlib.sha256(path.read_bytes()).hexdigest()
            == hashlib.sha256((RAW / rel).read_bytes()).hexdigest()
        ), rel
    assert sorted(p.relative_to(tmp_path) for p in built) == sorted(
        p.relative_to(RAW) for p in RAW.rglob("*") if p.is_file()
    )


def test_unchanged_documents_come_from_the_cache_with_identical_output(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW / "press", raw / "press")
    out = tmp_path / "out"
    first = run_pipeline(raw, out)
    before = published_bytes(out)
    second = run_pipeline(raw, out)
    after = published_bytes(out)
    assert (first.documents_from_cache, second.documents_from_cache) == (0, 2)
    assert before == after
    assert run_pipeline(raw, out, use_cache=False).documents_from_cache == 0



def _source(data: bytes) -> LoadedSource:
    return LoadedSource(
        uri="a.html", doc_id="doc-a", sha256=hashlib.sha256(data).hexdigest(), data=data, media_type="html"
    )


def test_cache_misses_on_new_bytes_new_code_or_a_damaged_entry(tmp_path: Path) -> None:
    page = (RAW / "press" / "luxembourg-lu-creative-industries-cluster.html").read_bytes()
    cache = ResultCache(tmp_path, fingerprint="code-v1")
    result = process_cached(_source(page), cache)
    assert not result.cached
    assert process_cached(_source(page), cache).cached
    assert cache.get(_source(page + b"<!-- edited -->")) is None
    assert ResultCache(tmp_path, fingerprint="code-v2").get(_source(page)) is None
    (tmp_path / "doc-a.json").write_text("{not json")
    assert cache.get(_source(page)) is None
    assert not process_cached(_source(page), cache).cached  # re-extracted and rewritten
    assert cache.get(_source(page)) is not None
