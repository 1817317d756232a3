"""The PDF backend's fast paths give exactly what the slow ones give.

- `pdfobjects.page_objects` against pdfplumber's own `Page.parse_objects` (same dicts, same key
  order), page by page; the backend's slim characters (`word_char`) against those dicts, and the
  words, text and tables pdfplumber extracts from either;
- `wordindex.words_in_box` against a scan of every word, for every cell of every ruled table;
- `pdf.one_word_line` against the general line builder, for every word of every page.

On the robustness corpus (../shared/corpus/robustness, read in place, skipped when absent) and
the sample PDFs in raw/.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

from pipeline.backend.pdf import (
    DEFAULT_TABLE_SETTINGS,
    PdfParseSettings,
    _line_of_words,
    one_word_line,
    page_break_edges,
    page_to_words,
)
from pipeline.backend.pdfobjects import (
    WORD_CHAR_KEYS,
    colour_space_name,
    load_objects,
    page_objects,
    resolved,
    word_char,
)
from pipeline.backend.wordindex import centre_inside, index_words, words_in_box

ROOT = Path(__file__).resolve().parents[1]
ROBUSTNESS = ROOT.parent / "shared" / "corpus" / "robustness"
UNREADABLE = {"empty.pdf", "password-example.pdf"}  # pdfplumber cannot open them (test_robustness)
CORPUS = (
    sorted(p for p in ROBUSTNESS.glob("*.pdf") if p.name not in UNREADABLE) if ROBUSTNESS.is_dir() else []
)
SAMPLES = sorted((ROOT / "raw").rglob("*.pdf"))
needs_corpus = pytest.mark.skipif(not CORPUS, reason=f"robustness corpus not found at {ROBUSTNESS}")


def _id(path: Path) -> str:
    return path.name


UNRULED = {"vertical_strategy": "text", "horizontal_strategy": "text"}


def _extracted(page: pdfplumber.page.Page) -> tuple[object, ...]:
    """What the backend and pdfplumber read from a page's characters and rules."""
    return (
        page_to_words(page),
        page.extract_text(),
        [t.cells for t in page.find_tables(DEFAULT_TABLE_SETTINGS)],
        [t.cells for t in page.find_tables(UNRULED)],
    )


def _assert_same_objects(path: Path) -> int:
    """Page by page: the fast objects equal pdfplumber's, the slim characters are the fast ones
    cut to `WORD_CHAR_KEYS`, and what is extracted from them is the same. The number of characters."""
    chars = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            number = page.page_number
            fast = page_objects(page)
            slim = page_objects(page, word_char)
            slow = page.parse_objects()
            assert list(fast) == list(slow) == list(slim), f"page {number}: kinds"
            for kind in slow:
                assert len(fast[kind]) == len(slow[kind]), f"page {number}: {kind} count"
                for i, (a, b) in enumerate(zip(fast[kind], slow[kind], strict=True)):
                    assert list(a) == list(b), f"page {number}: {kind} {i} keys"
                    assert a == b, f"page {number}: {kind} {i}"
            for i, (a, b) in enumerate(zip(slim.get("char", []), fast.get("char", []), strict=True)):
                assert a == {k: b[k] for k in WORD_CHAR_KEYS}, f"page {number}: slim char {i}"
            page._objects = slow
            full = _extracted(page)
            page._objects = slim
            assert _extracted(page) == full, f"page {number}: words, text or tables differ"
            chars += len(slow.get("char", []))
            page.close()
    return chars


@needs_corpus
@pytest.mark.parametrize("path", CORPUS, ids=_id)
def test_page_objects_equal_pdfplumbers_on_the_robustness_corpus(path: Path) -> None:
    _assert_same_objects(path)


@pytest.mark.parametrize("path", SAMPLES, ids=_id)
def test_page_objects_equal_pdfplumbers_on_the_sample(path: Path) -> None:
    assert _assert_same_objects(path) > 1000


@dataclass(frozen=True)
class _CellCheck:
    cells: int
    mismatches: list[str]


def _check_cells(path: Path) -> _CellCheck:
    """Every cell box of every table pdfplumber finds (with the backend's settings): the
    index's words against a scan of all words."""
    settings = PdfParseSettings()
    cells, mismatches = 0, []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            load_objects(page)
            words = page_to_words(page)
            index = index_words(words)
            table_settings = dict(settings.table_settings)
            closing = page_break_edges(page)
            if closing:
                table_settings["explicit_horizontal_lines"] = closing  # type: ignore[assignment]
            for table in page.find_tables(table_settings=table_settings):
                for row in table.rows:
                    for box in row.cells:
                        if box is None:
                            continue
                        cells += 1
                        naive = [w for w in words if centre_inside(w, box)]
                        if words_in_box(index, box) != naive:
                            mismatches.append(f"page {page.page_number} cell {box}")
            page.close()
    return _CellCheck(cells, mismatches)


@needs_corpus
@pytest.mark.parametrize("path", CORPUS, ids=_id)
def test_word_index_gives_the_scans_cell_words_on_the_robustness_corpus(path: Path) -> None:
    assert _check_cells(path).mismatches == []


@pytest.mark.parametrize("path", [p for p in SAMPLES if "factsheet" in p.name], ids=_id)
def test_word_index_gives_the_scans_cell_words_on_the_sample_factsheets(path: Path) -> None:
    check = _check_cells(path)
    assert check.mismatches == []
    assert check.cells > 20  # the factsheets' ruled policy tables


# ------------------------------------------------------------------ the pure functions


@dataclass(frozen=True)
class _W:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


def test_words_in_box_keeps_the_page_order_not_the_vertical_order() -> None:
    words = [_W("low", 0, 20, 10, 30), _W("high", 20, 0, 30, 10), _W("out", 50, 0, 60, 10)]
    assert [w.text for w in words_in_box(index_words(words), (0, 0, 40, 40))] == ["low", "high"]


def test_words_in_box_includes_centres_on_the_edges() -> None:
    words = [_W("edge", 0, 0, 10, 10), _W("past", 0, 10.2, 10, 10.4)]  # centres (5, 5), (5, 10.3)
    index = index_words(words)
    assert [w.text for w in words_in_box(index, (5, 5, 5, 5))] == ["edge"]
    assert [w.text for w in words_in_box(index, (0, 0, 10, 10.29))] == ["edge"]
    assert [w.text for w in words_in_box(index, (0, 10.3, 10, 11))] == ["past"]


def test_words_in_box_of_equal_centres_returns_them_all_in_page_order() -> None:
    words = [_W(str(i), 40 - 10 * i, 0, 45 - 10 * i, 10) for i in range(4)]
    assert [w.text for w in words_in_box(index_words(words), (0, 5, 50, 5))] == ["0", "1", "2", "3"]


def test_a_word_without_a_real_centre_is_in_no_box() -> None:
    words = [_W("nan", 0, math.nan, 10, 10), _W("ok", 0, 0, 10, 10)]
    index = index_words(words)
    assert index.order == [1]
    assert [w.text for w in words_in_box(index, (-math.inf, -math.inf, math.inf, math.inf))] == ["ok"]


def test_resolved_keeps_plain_values_and_resolves_containers() -> None:
    matrix = (1.0, 0.0, 0.0, 1.0, 72.0, 700.5)
    assert resolved(matrix) is matrix
    assert resolved([1, (2.0, "a")]) == [1, (2.0, "a")]
    assert resolved({"k": (1, [2])}) == {"k": (1, [2])}


def test_colour_space_names_decode_as_pdfplumber_decodes_them() -> None:
    assert colour_space_name("DeviceGray") == "DeviceGray"
    assert colour_space_name(b"\xfe\xff\x00C\x00S") == "CS"  # UTF-16 with its byte-order mark
    assert colour_space_name(["DeviceN", "Cyan"]) == ["DeviceN", "Cyan"]


def _one_word_line_mismatches(path: Path) -> tuple[int, list[str]]:
    """Every word of every page as a line of its own: the fast line against the general one."""
    words, mismatches = 0, []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            load_objects(page)
            for word in page_to_words(page):
                words += 1
                if one_word_line(word) != _line_of_words([word]):
                    mismatches.append(f"page {page.page_number}: {word!r}")
            page.close()
    return words, mismatches


@needs_corpus
@pytest.mark.parametrize("path", CORPUS, ids=_id)
def test_one_word_lines_equal_the_general_ones_on_the_robustness_corpus(path: Path) -> None:
    assert _one_word_line_mismatches(path)[1] == []


@pytest.mark.parametrize("path", SAMPLES, ids=_id)
def test_one_word_lines_equal_the_general_ones_on_the_sample(path: Path) -> None:
    words, mismatches = _one_word_line_mismatches(path)
    assert mismatches == []
    assert words > 100


@pytest.mark.parametrize("text", ["\u2022", "-", "Total", "12"])
@pytest.mark.parametrize("fontname", ["Arial-BoldMT", "ArialMT"])
def test_one_word_line_of_a_marker_or_a_word_in_either_face(text: str, fontname: str) -> None:
    from pipeline.backend.pdf import _Word

    word = _Word(text, 10.0, 20.0, 40.0, 30.5, fontname, 9.0)
    assert one_word_line(word) == _line_of_words([word])
