"""Hostile inputs, generated here: each is quarantined with a specific code (or processed), and
the good documents of the same run come out exactly as in a run without the hostile ones.

Sizes are small but representative (a bomb still inflates far past its cap; the 200 MB page is
real); `benchmarks/hostile.py` measures the full-size versions (time and peak memory).
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.api import run_pipeline
from pipeline.backend.guards import GuardSettings, check_pdf, split_for_nlp
from pipeline.datamodel.document import Block, Document
from pipeline.datamodel.results import DocumentResult, LoadedSource, Status
from pipeline.models.nlp.claims import extract_prose_claims
from pipeline.models.nlp.pipeline import build_nlp
from pipeline.stages.discover import doc_id_for, media_type_of
from pipeline.stages.process import process
from tests import hostile_inputs as h
from tests.conftest import RAW

MIB = h.MIB
FACTSHEET = RAW / "factsheets" / "eccp-factsheet-lu-2022-fpdf2.pdf"
PRESS = RAW / "press" / "luxembourg-lu-creative-industries-cluster.html"


def _truncated() -> bytes:
    data = FACTSHEET.read_bytes()
    return data[: len(data) // 2]


# name -> (file name, builder, status, error code or None)
CASES: dict[str, tuple[str, Callable[[], bytes], Status, str | None]] = {
    "flate_bomb_spaces": ("bomb-spaces.pdf", lambda: h.flate_bomb_pdf(b" ", 64 * MIB), Status.QUARANTINED,
                          "decompression_bomb"),
    "flate_bomb_zeros": ("bomb-zeros.pdf", lambda: h.flate_bomb_pdf(b"\0", 64 * MIB), Status.QUARANTINED,
                         "decompression_bomb"),
    "double_flate_bomb": ("bomb-double.pdf", lambda: h.double_flate_bomb_pdf(64 * MIB), Status.QUARANTINED,
                          "decompression_bomb"),
    "lzw_bomb_zeros": ("bomb-lzw.pdf", lambda: h.lzw_bomb_pdf(64 * MIB), Status.QUARANTINED,
                       "decompression_bomb"),
    "scattered_text_runs": ("scattered.pdf", lambda: h.scattered_runs_pdf(3000), Status.OK, None),
    "self_referencing_mediabox": ("selfref.pdf", h.self_referencing_mediabox_pdf, Status.QUARANTINED,
                                  "reference_loop"),
    "truncated": ("truncated.pdf", _truncated, Status.QUARANTINED, "malformed"),
    "html_named_pdf": ("press-release.pdf", PRESS.read_bytes, Status.OK, None),
    "zero_bytes": ("empty.pdf", lambda: b"", Status.QUARANTINED, "empty_file"),
    "ten_thousand_pages": ("pages.pdf", lambda: h.many_pages_pdf(10_000), Status.QUARANTINED,
                           "too_many_pages"),
    "html_200mb": ("huge.html", lambda: h.huge_html(200 * MIB), Status.QUARANTINED, "too_large"),
    "invalid_utf8": ("invalid.html", h.invalid_utf8_html, Status.QUARANTINED, "html_unreadable"),
    "markup_in_title": ("markup.html", h.markup_title_html, Status.OK, None),
}  # fmt: skip


def _process(name: str, data: bytes) -> DocumentResult:
    return process(
        LoadedSource(
            uri=name,
            doc_id=doc_id_for(name),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
            media_type=media_type_of(name, data),
        )
    )


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_hostile_input_is_quarantined_or_processed_with_a_specific_code(case: str) -> None:
    name, build, status, code = CASES[case]
    result = _process(name, build())
    assert result.status == status, result.errors
    assert [e.code for e in result.errors] == ([code] if code else [])
    if code:
        assert result.claims == [] and result.errors[0].message


def test_html_named_pdf_is_read_as_html_with_the_same_claims() -> None:
    as_pdf = _process("press-release.pdf", PRESS.read_bytes())
    as_html = _process("p.html", PRESS.read_bytes())
    assert as_pdf.media_type == "html" and as_pdf.kind == as_html.kind
    strip = {"doc_id", "uri"}
    assert [c.evidence.model_dump(exclude=strip) for c in as_pdf.claims] == [
        c.evidence.model_dump(exclude=strip) for c in as_html.claims
    ]
    assert as_pdf.claims


def test_markup_in_a_title_stays_text() -> None:
    result = _process("markup.html", h.markup_title_html())
    assert result.title == "<script>alert(1)</script> <b onmouseover=x()>Annual review</b>"


def test_scattered_runs_keep_every_word() -> None:
    result = _process("scattered.pdf", h.scattered_runs_pdf(3000))
    assert result.pages == 1 and result.kind.value == "other"


LIMIT_CASES = {
    "objects": (GuardSettings(pdf_max_objects=4), "too_many_objects"),
    "declared_length": (GuardSettings(pdf_max_stream_length=1000), "stream_too_long"),
    "inflated_total": (GuardSettings(pdf_max_inflated_total=1000), "decompression_bomb"),
    "pages": (GuardSettings(pdf_max_pages=1), None),
}


@pytest.mark.parametrize("limit", sorted(LIMIT_CASES))
def test_pdf_limits_are_settings(limit: str) -> None:
    settings, code = LIMIT_CASES[limit]
    # 5 objects, one page, a 5,000-byte Flate stream (11 bytes compressed)
    data = h._one_page(h.stream(zlib.compress(b" " * 5000), b"/Filter /FlateDecode "))
    if limit == "declared_length":
        data = h._one_page(h.stream(b" " * 2000))
    violation = check_pdf(data, settings)
    assert (violation.code if violation else None) == code


@pytest.mark.parametrize("variant", sorted(h.evasive_bombs()))
def test_bombs_behind_other_filters_are_caught(variant: str) -> None:
    data = h.evasive_bombs()[variant]
    result = _process(f"{variant}.pdf", data)
    assert [e.code for e in result.errors] == ["decompression_bomb"]


def test_pages_inside_object_streams_are_counted() -> None:
    assert check_pdf(h.objstm_pages_pdf(4), GuardSettings(pdf_max_pages=4)) is None
    violation = check_pdf(h.objstm_pages_pdf(5), GuardSettings(pdf_max_pages=4))
    assert violation is not None and violation.code == "too_many_pages"
    assert violation.message == "5 page objects exceed pdf_max_pages=4"


def test_reference_loops_through_object_streams_are_found() -> None:
    inner = b"7 0 8 8 " + b"8 0 R   " + b"7 0 R"
    objstm = h.stream(zlib.compress(inner), b"/Type /ObjStm /N 2 /First 8 /Filter /FlateDecode ")
    data = h.pdf_file([b"<< /Type /Catalog >>", objstm])
    violation = check_pdf(data)
    assert violation is not None and violation.code == "reference_loop"


def test_text_beyond_spacy_max_length_is_processed_in_chunks() -> None:
    nlp = build_nlp()
    filler = "Regional agencies publish long reports about many topics every year. " * 400
    tail = "The Luxembourg Automotive Cluster was created in 2002."
    text = filler + tail
    doc = Document(
        doc_id="doc-long",
        uri="long.html",
        sha256="0",
        media_type="html",
        blocks=[Block(kind="paragraph", text=text, start=0, end=len(text))],
        text=text,
    )
    original = nlp.max_length
    nlp.max_length = 20_000  # the text is 1.4 times as long
    try:
        claims = extract_prose_claims(doc, country="LU")
    finally:
        nlp.max_length = original
    created = [c for c in claims if c.attribute == "created_year"]
    assert [(c.subject_name, c.value) for c in created] == [("Luxembourg Automotive Cluster", 2002)]
    start = text.index(tail)
    assert created[0].evidence.locator == f"#c{start}-{start + len(tail)}"
    assert doc.text[start : start + len(tail)] == created[0].evidence.quote


def test_chunks_cover_the_block_exactly() -> None:
    text = ("word " * 50 + "\n") * 300
    parts = split_for_nlp([Block(kind="paragraph", text=text, start=7, end=7 + len(text))], 2000)
    assert "".join(p.text for p in parts) == text
    assert all(len(p.text) < 2000 for p in parts) and parts[0].start == 7 and parts[-1].end == 7 + len(text)
    assert all(a.end == b.start for a, b in zip(parts, parts[1:], strict=False))


# ------------------------------------------------------------------ one run, good and hostile together

RUN_CASES = {  # smaller variants where the size is not the point; a 12 MiB page is over the 10 MiB cap
    "bomb-spaces.pdf": (lambda: h.flate_bomb_pdf(b" ", 32 * MIB), "decompression_bomb"),
    "bomb-zeros.pdf": (lambda: h.flate_bomb_pdf(b"\0", 32 * MIB), "decompression_bomb"),
    "bomb-double.pdf": (lambda: h.double_flate_bomb_pdf(32 * MIB), "decompression_bomb"),
    "scattered.pdf": (lambda: h.scattered_runs_pdf(1500), None),
    "selfref.pdf": (h.self_referencing_mediabox_pdf, "reference_loop"),
    "truncated.pdf": (_truncated, "malformed"),
    "notice.pdf": (lambda: h.html_page("Office notice", "<p>The office is closed on Monday.</p>"), None),
    "empty.pdf": (lambda: b"", "empty_file"),
    "pages.pdf": (lambda: h.many_pages_pdf(10_000), "too_many_pages"),
    "huge.html": (lambda: h.huge_html(12 * MIB), "too_large"),
    "invalid.html": (h.invalid_utf8_html, "html_unreadable"),
    "markup.html": (h.markup_title_html, None),
    os.fsdecode(b"caf\xe9-\xff.html"): (h.markup_title_html, None),
}
GOOD = [
    "press/luxembourg-lu-creative-industries-cluster.html",
    "press/luxinnovation-news-cluster-initiative.html",
]


def _tree(folder: Path) -> dict[str, bytes]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("hostile-run")
    clean, mixed = base / "clean", base / "mixed"
    for raw in (clean / "raw", mixed / "raw"):
        for uri in GOOD:
            (raw / uri).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(RAW / uri, raw / uri)
    for name, (build, _) in RUN_CASES.items():
        (mixed / "raw" / "hostile").mkdir(exist_ok=True)
        (mixed / "raw" / "hostile" / name).write_bytes(build())
    run_pipeline(clean / "raw", clean / "out", use_cache=False)
    run_pipeline(mixed / "raw", mixed / "out", use_cache=False)
    return clean / "out", mixed / "out"


def test_good_documents_are_identical_to_a_run_without_the_hostile_ones(runs: tuple[Path, Path]) -> None:
    clean, mixed = (_tree(folder) for folder in runs)
    for uri in GOOD:
        name = f"documents/{doc_id_for(uri)}.json"
        assert mixed[name] == clean[name]
    for key in clean:
        records = key.split("/")[0] in ("clusters", "policies", "countries", "conflicts")
        if records or key.endswith("claims.jsonl"):
            assert mixed.get(key) == clean[key], key
    assert {k for k in mixed if k.startswith("clusters/")} == {k for k in clean if k.startswith("clusters/")}


@pytest.mark.parametrize("name", sorted(RUN_CASES))
def test_each_hostile_document_is_recorded_with_its_code(runs: tuple[Path, Path], name: str) -> None:
    uri = "hostile/" + os.fsencode(name).decode("utf-8", "backslashreplace")
    record = json.loads((runs[1] / "documents" / f"{doc_id_for(uri)}.json").read_text("utf-8"))
    code = RUN_CASES[name][1]
    assert record["uri"] == uri
    assert record["status"] == ("quarantined" if code else "ok")
    assert (record["error"] or {}).get("code") == code


def test_hostile_titles_do_not_reach_the_report_as_markup(runs: tuple[Path, Path]) -> None:
    report = (runs[1] / "report.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in report and "<b onmouseover" not in report


@pytest.mark.parametrize(
    ("bodies", "expected"),
    [
        ([b"2 0 R", b"3 0 R", b"2 0 R"], "object 2 resolves through 2 reference(s) back to itself"),
        ([b"2 0 R", b"3 0 R", b"<< /Type /Catalog >>"], None),  # a chain that ends is fine
    ],
    ids=["cycle-of-two", "chain"],
)
def test_reference_chains_and_cycles(bodies: list[bytes], expected: str | None) -> None:
    violation = check_pdf(h.pdf_file(bodies))
    assert (violation.message if violation else None) == expected


def test_a_long_reference_chain_is_scanned_once() -> None:
    chain = h.pdf_file([b"%d 0 R" % (i + 2) for i in range(100_000)] + [b"<< >>"])
    assert check_pdf(chain, GuardSettings(pdf_max_objects=200_000)) is None  # linear, not quadratic


@pytest.mark.parametrize(
    "body",
    [b"6 0 R", b"6 0 R % a comment\n", b"% before\n6 0 R", b"6\x000\x00R", b"6\n0\rR"],
    ids=["plain", "comment-after", "comment-before", "nul", "newlines"],
)
def test_a_self_reference_is_found_however_it_is_spaced(body: bytes) -> None:
    data = h._one_page(h.stream(b"BT ET"), media_box=b"6 0 R", extra=[body])
    violation = check_pdf(data)
    assert violation is not None and violation.code == "reference_loop"


def test_the_pdf_scan_can_be_switched_off() -> None:
    from pipeline.backend.guards import guard_pdf

    data = h.self_referencing_mediabox_pdf()
    with pytest.raises(ValueError, match="reference_loop"):
        guard_pdf(data, lambda code, message: ValueError(code))
    guard_pdf(data, lambda code, message: ValueError(code), GuardSettings(pdf_scan=False))


def test_the_slow_input_for_the_worker_deadline_passes_every_guard() -> None:
    assert check_pdf(h.slow_under_caps_pdf()) is None  # its limit is the pool's deadline, not a guard


def test_the_heavy_input_for_the_worker_memory_cap_passes_every_guard() -> None:
    assert check_pdf(h.heavy_under_caps_pdf()) is None  # its limit is the pool's memory cap
