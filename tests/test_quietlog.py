"""pdfminer's debug calls are skipped while DEBUG is off, and logged as soon as it is on."""

from __future__ import annotations

import hashlib
import logging

import pytest

from pipeline.backend.pdf import parse_pdf
from pipeline.backend.quietlog import PDFMINER_LOGGERS, _skip
from tests.conftest import RAW

PDF = RAW / "factsheets" / "eccp-factsheet-lu-2022-fpdf2.pdf"


def _parse() -> int:
    data = PDF.read_bytes()
    doc = parse_pdf(data, doc_id="d", uri="x.pdf", sha256=hashlib.sha256(data).hexdigest())
    return len(doc.blocks)


def test_debug_calls_are_skipped_while_nobody_listens() -> None:
    blocks = _parse()
    assert blocks > 20
    assert all(logging.getLogger(name).debug is _skip for name in PDFMINER_LOGGERS)


def test_debug_records_come_back_when_debug_is_enabled(caplog: pytest.LogCaptureFixture) -> None:
    _parse()
    with caplog.at_level(logging.DEBUG, logger="pdfminer"):
        blocks = _parse()
    assert blocks > 20
    assert any(r.name == "pdfminer.psparser" and r.levelno == logging.DEBUG for r in caplog.records)
    assert logging.getLogger("pdfminer.psparser").debug is not _skip
    _parse()  # DEBUG off again: skipped again
    assert logging.getLogger("pdfminer.psparser").debug is _skip
