"""Runs over mixed folders: one bad document never stops a run; writes are atomic; corpus rebuilds."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from pipeline.api import run_pipeline
from pipeline.publish.writer import atomic_write
from tests.conftest import RAW


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
    summary = run_pipeline(raw, out)
    assert summary.documents_seen == 0
    assert list((out / "documents").glob("*.json")) == []


def test_sample_corpus_rebuilds_byte_identical(tmp_path: Path) -> None:
    from pipeline.corpus.build import build_corpus

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
