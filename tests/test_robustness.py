"""Real-world PDFs from pdfplumber's test suite: every one is recorded, none crashes a run.

Read from ../shared/corpus/robustness (never copied here); skipped when absent.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pipeline.datamodel.results import LoadedSource, Status
from pipeline.stages.process import process

ROBUSTNESS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "robustness"
FILES = sorted(p.name for p in ROBUSTNESS.glob("*.pdf")) if ROBUSTNESS.is_dir() else []
EXPECTED_ERRORS = {
    "empty.pdf": "empty_file",
    "password-example.pdf": "encrypted",
    "issue-297-example.pdf": "no_pages",
}

pytestmark = pytest.mark.skipif(not FILES, reason=f"robustness corpus not found at {ROBUSTNESS}")


def _source(name: str) -> LoadedSource:
    data = (ROBUSTNESS / name).read_bytes()
    return LoadedSource(
        uri=name, doc_id=f"doc-{name}", sha256=hashlib.sha256(data).hexdigest(), data=data, media_type="pdf"
    )


@pytest.mark.parametrize("name", FILES)
def test_every_pdf_is_recorded_never_raised(name: str) -> None:
    result = process(_source(name))
    if name in EXPECTED_ERRORS:
        assert result.status == Status.QUARANTINED
        assert [e.code for e in result.errors] == [EXPECTED_ERRORS[name]]
    else:
        assert result.status == Status.OK, result.errors
        assert result.kind.value == "other"  # none of them is a cluster-policy document
        assert result.claims == []
        assert result.warnings  # the reason no claims were extracted is recorded


def test_not_a_pdf_is_quarantined_with_a_specific_error() -> None:
    result = process(
        LoadedSource(uri="x.pdf", doc_id="doc-x", sha256="0", data=b"hello world", media_type="pdf")
    )
    assert result.status == Status.QUARANTINED
    assert result.errors[0].code == "not_pdf"
