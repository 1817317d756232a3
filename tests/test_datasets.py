"""Datasets for dataframes: every dataset loads in pandas, polars and duckdb with typed
columns; the manifest's rows and checksums match the files; the data dictionary is current."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest

from pipeline.api import run_pipeline
from pipeline.publish.datasets import FLAT_DATASETS, WRITERS, write_datasets  # noqa: F401
from pipeline.publish.dictionary import DATASET_MODELS, data_dictionary
from tests.conftest import RAW

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
FILES = [
    f"{name}{suffix}"
    for name in DATASET_MODELS
    for suffix in (".jsonl", ".parquet", *((".csv",) if name in FLAT_DATASETS else ()))
]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("out") / "extracted"
    run_pipeline(RAW, folder)
    return folder


def _expected_rows(out: Path, name: str) -> int:
    if name == "claims":
        return json.loads((out / "run.json").read_text())["records_written"]["claims"]
    return len(list((out / name).glob("*.json")))


def test_the_writers_are_registered() -> None:
    import pipeline.publish.formats  # noqa: F401

    assert list(WRITERS) == ["jsonl", "parquet", "csv"]


def test_every_dataset_file_is_written(out: Path) -> None:
    assert sorted(p.name for p in (out / "datasets").iterdir()) == sorted(FILES)


def _load(library: str, path: Path) -> int:
    """Rows as read by a library, with its default reader for the format."""
    kind = path.suffix
    if library == "pandas":
        frame = (
            pd.read_parquet(path) if kind == ".parquet"
            else pd.read_csv(path) if kind == ".csv"
            else pd.read_json(path, lines=True)
        )
        return len(frame)
    if library == "polars":
        frame = (
            pl.read_parquet(path) if kind == ".parquet"
            else pl.read_csv(path) if kind == ".csv"
            else pl.read_ndjson(path, infer_schema_length=None)
        )
        return frame.height
    return len(duckdb.sql(f"SELECT * FROM '{path}'").fetchall())


@pytest.mark.parametrize("library", ["pandas", "polars", "duckdb"])
@pytest.mark.parametrize("file", FILES)
def test_every_dataset_loads(out: Path, file: str, library: str) -> None:
    if (library, file) == ("polars", "policies.jsonl"):
        # DESIGN.md's contract keeps `history.ending_year` as a year or a marker object;
        # polars cannot type that column (documented in schemas/README.md: use Parquet).
        with pytest.raises(pl.exceptions.PolarsError):
            _load(library, out / "datasets" / file)
        return
    assert _load(library, out / "datasets" / file) == _expected_rows(out, file.split(".")[0])


def test_claims_parquet_has_typed_value_columns(out: Path) -> None:
    table = pq.read_table(out / "datasets" / "claims.parquet")
    types = {f.name: str(f.type) for f in table.schema}
    assert "value" not in types
    assert [types[c] for c in ("value_text", "value_number", "value_year", "value_json")] == [
        "string", "double", "int64", "string",
    ]
    frame = table.to_pandas()
    starts = frame[frame.attribute == "history.starting_year"]
    assert sorted(set(starts.value_year.dropna().astype(int))) == [2002, 2005, 2016]


def test_claims_jsonl_keeps_value_and_adds_typed_fields(out: Path) -> None:
    lines = [json.loads(line) for line in (out / "datasets" / "claims.jsonl").read_text().splitlines()]
    for row in lines:
        assert json.loads(row["value_json"]) == row["value"]
        assert row["value_text"] == (row["value"] if isinstance(row["value"], str) else row["value_text"])
    years = {row["value_year"] for row in lines if row["attribute"] == "history.starting_year"}
    assert years == {2002, 2005, 2016}


def test_policies_parquet_flattens_history_with_types(out: Path) -> None:
    frame = pl.read_parquet(out / "datasets" / "policies.parquet").sort("name")
    assert frame.schema["history_starting_year"] == pl.Int64
    assert frame.select(
        "name", "history_starting_year", "history_ending_year", "history_ending_year_not_available"
    ).rows() == [
        ("Flanders Innovation Clusters Policy", 2016, 2026, False),
        ("Luxembourg Cluster Initiative", 2002, None, True),
        ("Walloon Region Competitive Clusters Policy", 2005, None, False),
    ]


def test_manifest_rows_and_checksums_match_the_files(out: Path) -> None:
    manifest = json.loads((out / "manifest.json").read_text())
    listed = {f["path"]: f for f in manifest["files"]}
    on_disk = sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and p.relative_to(out).parts[0] not in ("manifest.json", "run.json", "runs", ".cache")
    )
    assert sorted(listed) == on_disk
    for rel, entry in listed.items():
        data = (out / rel).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), rel
        assert entry["bytes"] == len(data), rel
    for file in FILES:
        assert listed[f"datasets/{file}"]["rows"] == _expected_rows(out, file.split(".")[0]), file
    assert manifest["run"]["id"] == json.loads((out / "run.json").read_text())["id"]
    assert set(manifest["tool"]) == {"cluster-policy-pipeline", "pyarrow"}


def test_data_dictionary_is_current() -> None:
    assert (SCHEMAS / "README.md").read_text("utf-8") == data_dictionary(), (
        "schemas/README.md drifted: run `python -m pipeline export-schemas`"
    )


@pytest.mark.parametrize(
    ("name", "text", "rows"),
    [
        ("clusters.csv", 'id,claims\nc1,"' + "x" * 300_000 + '"\nc2,"[]"\n', 2),
        ("claims.jsonl", '{"a":1}\n\n{"a":"' + "y" * 300_000 + '"}\n', 2),
    ],
)
def test_manifest_counts_rows_whose_cells_exceed_the_csv_default_limit(
    tmp_path: Path, name: str, text: str, rows: int
) -> None:
    """A cluster cited by many documents has a cell far above csv's 128 KiB default field limit."""
    from pipeline.publish.manifest import file_entry

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    entry = file_entry(tmp_path, path)
    assert entry.rows == rows
    assert entry.bytes == len(text.encode())
    assert entry.sha256 == hashlib.sha256(text.encode()).hexdigest()
