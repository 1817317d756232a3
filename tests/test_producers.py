"""The producer matrix: every test factsheet, rendered by every PDF producer family, read alike.

Fixtures: tests/fixtures/factsheets/<producer>/<family>.pdf (WeasyPrint and LibreOffice
renditions, and reportlab/fpdf2 for the two written factsheets) plus the sample corpus
raw/factsheets/<family>-<producer>.pdf. Regenerate: python -m corpus.producers.
Gold: tests/gold/factsheets/<family>.json. The matrix: python -m pipeline evaluate --producers
tests/fixtures/factsheets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.datamodel.document import normalise_space
from pipeline.evaluate import (
    DEFAULT_MIN_SCORE,
    ProducerCell,
    evaluate_factsheet_pdf,
    load_factsheet_gold,
    producer_disagreements,
    producer_fixtures,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "factsheets"
GOLD = load_factsheet_gold(ROOT / "tests" / "gold" / "factsheets")
MATRIX = producer_fixtures(FIXTURES, list(GOLD), ROOT / "raw")
PRODUCERS = sorted({producer for _, producer, _, _ in MATRIX})
SAMPLE_FAMILIES = ("eccp-factsheet-lu-2022", "eccp-factsheet-be-2023")
_CELLS: dict[tuple[str, str], ProducerCell] = {}


def cell(family: str, producer: str) -> ProducerCell:
    if (family, producer) not in _CELLS:
        (_, _, path, uri), *_ = [m for m in MATRIX if m[0] == family and m[1] == producer]
        _CELLS[(family, producer)] = evaluate_factsheet_pdf(path, GOLD[family], producer, uri)
    return _CELLS[(family, producer)]


def test_matrix_is_complete() -> None:
    assert len(PRODUCERS) >= 6
    assert {(f, p) for f, p, _, _ in MATRIX} == {(f, p) for f in GOLD for p in PRODUCERS}


CASES = [pytest.param(f, p, id=f"{f}-{p}") for f, p, _, _ in MATRIX]


@pytest.mark.parametrize(("family", "producer"), CASES)
@pytest.mark.parametrize("group", ["policy fields", "country fields"])
def test_fields_per_producer(family: str, producer: str, group: str) -> None:
    got = cell(family, producer)
    assert got.status == "ok"
    score = got.report.total(group)
    assert score.tp + score.fn > 0
    assert min(score.precision, score.recall) >= DEFAULT_MIN_SCORE, got.report.misses


@pytest.mark.parametrize(("family", "producer"), CASES)
def test_claims_per_producer(family: str, producer: str) -> None:
    score = cell(family, producer).report.total("claims")
    assert min(score.precision, score.recall) >= DEFAULT_MIN_SCORE, cell(family, producer).report.misses


def spaced(value: object) -> object:
    """Records with whitespace normalised in texts: a paragraph break a page break made is layout."""
    if isinstance(value, str):
        return normalise_space(value)
    if isinstance(value, list):
        return [spaced(v) for v in value]
    if isinstance(value, dict):
        return {k: spaced(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize(("family", "producer"), CASES)
def test_every_producer_gives_the_records_of_the_reportlab_rendition(family: str, producer: str) -> None:
    assert spaced(cell(family, producer).records) == spaced(cell(family, "reportlab").records)


@pytest.mark.parametrize("family", SAMPLE_FAMILIES)
@pytest.mark.parametrize("producer", PRODUCERS)
def test_sample_factsheets_match_their_golden_records(family: str, producer: str) -> None:
    golden = json.loads((ROOT / "tests" / "golden" / f"{family}.records.json").read_text("utf-8"))
    assert spaced(cell(family, producer).records) == spaced(golden)


def test_disagreements_name_the_differing_fields() -> None:
    a, b = cell("eccp-factsheet-lu-2022", "reportlab"), cell("eccp-factsheet-lu-2022", "weasyprint-a")
    changed = ProducerCell(b.family, "changed", b.uri, b.report, dict(b.values))
    changed.values["Luxembourg Cluster Initiative: history.starting_year"] = 2001
    lines = producer_disagreements([a, changed])["eccp-factsheet-lu-2022"]
    assert lines == [
        "Luxembourg Cluster Initiative: history.starting_year: reportlab = 2002 | changed = 2001"
    ]
    assert producer_disagreements([a, b]) == {"eccp-factsheet-lu-2022": []}


def test_evaluate_command_prints_the_matrix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    fixtures = tmp_path / "fixtures"
    (fixtures / "weasyprint-a").mkdir(parents=True)
    family = "eccp-factsheet-at-2023"
    (fixtures / "weasyprint-a" / f"{family}.pdf").write_bytes(
        (FIXTURES / "weasyprint-a" / f"{family}.pdf").read_bytes()
    )
    (tmp_path / "gold" / "factsheets").mkdir(parents=True)
    gold = ROOT / "tests" / "gold" / "factsheets" / f"{family}.json"
    (tmp_path / "gold" / "factsheets" / gold.name).write_text(gold.read_text("utf-8"), "utf-8")
    monkeypatch.chdir(tmp_path)  # no raw/ here: only the fixture is evaluated
    result = CliRunner().invoke(
        app, ["evaluate", "--producers", str(fixtures), "--gold", str(tmp_path / "gold")]
    )
    assert result.exit_code == 0, result.output
    (row,) = [line for line in result.output.splitlines() if family in line and "weasyprint-a" in line]
    assert "20/20  P 1.000 R 1.000" in row and "7/7  P 1.000 R 1.000" in row and row.endswith("ok     │")


def test_evaluate_command_without_gold_is_a_clean_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    (tmp_path / "gold" / "factsheets").mkdir(parents=True)
    result = CliRunner().invoke(
        app, ["evaluate", "--producers", str(FIXTURES), "--gold", str(tmp_path / "gold")]
    )
    assert result.exit_code == 2
    assert "no factsheet gold files" in result.output
