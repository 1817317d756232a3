"""Memory at scale (issue 11): results read back from the cache one at a time give exactly the
output of results held in memory, reconcile reads each stored result once and keeps none of
them, the dataset writers and the report stream, and claims share their field sets."""

from __future__ import annotations

import gc
import io
import random
import weakref
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.api import reconcile_results
from pipeline.datamodel.claims import Claim
from pipeline.datamodel.compact import FieldSets
from pipeline.datamodel.records import PolicyRecord
from pipeline.datamodel.results import DocumentResult
from pipeline.publish.datasets import Dataset
from pipeline.publish.formats import parquet
from pipeline.publish.publish import publish
from pipeline.publish.report import render_report, report_chunks
from pipeline.stages.cache import ResultCache
from pipeline.stages.pool import DocumentOutcome, StoredResults, outcome_of
from pipeline.storage import atomic_write_chunks, to_json
from tests.conftest import RAW, SAMPLE_URIS, published_bytes, sample_result


class CountingCache(ResultCache):
    """A result cache that records which documents are read, and keeps a weak reference to
    every result it hands out (to see which of them are still alive)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, fingerprint="test")
        self.reads: list[str] = []
        self.handed_out: list[weakref.ref[DocumentResult]] = []
        self.alive_at_read: list[int] = []

    def read(self, doc_id: str, sha256: str) -> DocumentResult | None:
        gc.collect()
        self.alive_at_read.append(sum(1 for ref in self.handed_out if ref() is not None))
        result = super().read(doc_id, sha256)
        if result is not None:
            self.reads.append(result.uri)
        return result

    def hand_out(self, result: DocumentResult) -> DocumentResult:
        self.handed_out.append(weakref.ref(result))
        return result


class TrackedResults(StoredResults):
    def read(self, outcome: DocumentOutcome) -> DocumentResult:
        cache = self.cache
        assert isinstance(cache, CountingCache)
        return cache.hand_out(super().read(outcome))


@pytest.fixture(scope="module")
def results() -> list[DocumentResult]:
    return [sample_result(uri) for uri in SAMPLE_URIS]


def stored(results: list[DocumentResult], folder: Path) -> TrackedResults:
    """The results in the cache, in a shuffled order (a pool returns them as they complete)."""
    cache = CountingCache(folder)
    for result in results:
        cache.put(result)
    outcomes = [outcome_of(r, stored=True) for r in results]
    random.Random(11).shuffle(outcomes)
    return TrackedResults(outcomes, cache)


def reconciled_bytes(results: object) -> list[str]:
    reconciled = reconcile_results(results, None)  # type: ignore[arg-type]
    records = [
        *reconciled.claims,
        *reconciled.policies,
        *reconciled.clusters,
        *reconciled.countries,
        *reconciled.conflicts,
    ]
    return [to_json(r) for r in records] + reconciled.warnings


def test_reconcile_of_stored_results_equals_reconcile_of_results_in_memory(
    results: list[DocumentResult], tmp_path: Path
) -> None:
    in_memory = reconciled_bytes(list(reversed(results)))
    assert len(in_memory) > 300
    assert reconciled_bytes(stored(results, tmp_path)) == in_memory


def test_reconcile_reads_each_stored_result_once_in_uri_order_and_keeps_none(
    results: list[DocumentResult], tmp_path: Path
) -> None:
    tracked = stored(results, tmp_path)
    reconcile_results(tracked, None)
    cache = tracked.cache
    assert isinstance(cache, CountingCache)
    assert cache.reads == sorted(SAMPLE_URIS)
    # when a result is read, at most the one just before it is still alive (its claims are
    # kept, not the result); all of them at once would be 0, 1, 2, …
    assert max(cache.alive_at_read) == 1
    gc.collect()
    assert [ref() for ref in cache.handed_out] == [None] * len(SAMPLE_URIS)


def test_publish_of_stored_results_equals_publish_of_results_in_memory(
    results: list[DocumentResult], tmp_path: Path
) -> None:
    outputs = {}
    for name, given in (("memory", results), ("stored", stored(results, tmp_path / "cache"))):
        out = tmp_path / name
        publish(out, given, reconcile_results(given, None), [], raw_dir=RAW)
        outputs[name] = published_bytes(out)
    assert "datasets/claims.parquet" in outputs["memory"]
    assert outputs["stored"] == outputs["memory"]


def policies(n: int) -> Dataset:
    records = [
        PolicyRecord.model_validate({"id": f"policy-{i:04d}", "country": "LU", "name": f"Policy {i}"})
        for i in range(n)
    ]
    return Dataset("policies", PolicyRecord, records)


@pytest.mark.parametrize("rows", [0, 1, 5, 9])
def test_parquet_built_in_batches_is_byte_identical_to_one_table(rows: int, tmp_path: Path) -> None:
    dataset = policies(rows)
    whole = pa.Table.from_pylist(dataset.rows(), schema=parquet.arrow_schema(dataset))
    expected, batched = io.BytesIO(), io.BytesIO()
    pq.write_table(whole, expected, compression="zstd")
    pq.write_table(parquet.arrow_table(dataset, batch_rows=2), batched, compression="zstd")
    assert batched.getvalue() == expected.getvalue()
    assert pq.read_table(io.BytesIO(batched.getvalue())).column("id").to_pylist() == [
        f"policy-{i:04d}" for i in range(rows)
    ]


def test_the_report_written_in_pieces_is_the_rendered_report(
    results: list[DocumentResult], tmp_path: Path
) -> None:
    reconciled = reconcile_results(results, None)
    records = {
        "documents": [],
        "policies": reconciled.policies,
        "countries": reconciled.countries,
        "clusters": reconciled.clusters,
        "conflicts": reconciled.conflicts,
        "claims": reconciled.claims,
    }
    chunks = report_chunks(**records)
    path = tmp_path / "report.html"
    atomic_write_chunks(path, chunks)
    assert path.read_bytes() == render_report(**records).encode("utf-8")
    assert not list(tmp_path.glob(".report.html.*"))  # no temporary file left


def test_atomic_write_chunks_leaves_nothing_when_the_pieces_fail(tmp_path: Path) -> None:
    def pieces() -> object:
        yield "<html>"
        raise RuntimeError("template failed")

    with pytest.raises(RuntimeError, match="template failed"):
        atomic_write_chunks(tmp_path / "report.html", pieces())  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_claims_share_their_field_sets_and_stay_equal(results: list[DocumentResult]) -> None:
    claims = [c.model_copy() for r in results for c in r.claims]
    before = [c.model_dump_json() for c in claims]
    sets = FieldSets()
    shared = list(sets.share_all(claims))
    assert [c.model_dump_json() for c in shared] == before
    distinct = {id(c.__pydantic_fields_set__) for c in shared}
    assert len(distinct) < 10 < len(shared)
    assert len({id(c.evidence.__pydantic_fields_set__) for c in shared}) < 10
    # a copy with an update gets its own set: the shared one is left as it was
    first = shared[0]
    fields = set(first.__pydantic_fields_set__)
    copy = first.model_copy(update={"subject_id": "cluster-x"})
    assert copy.subject_id == "cluster-x" and first.subject_id != "cluster-x"
    assert copy.__pydantic_fields_set__ is not first.__pydantic_fields_set__
    assert first.__pydantic_fields_set__ == fields
    assert Claim.model_validate_json(first.model_dump_json()) == first


def test_field_sets_refuse_a_model_that_is_not_frozen() -> None:
    from pydantic import BaseModel

    class Loose(BaseModel):
        a: int

    with pytest.raises(TypeError, match="not frozen"):
        FieldSets().share(Loose(a=1))


def test_field_sets_leave_a_held_model_that_is_not_frozen_alone() -> None:
    from pydantic import BaseModel, ConfigDict

    class Loose(BaseModel):
        a: int

    class Frozen(BaseModel):
        model_config = ConfigDict(frozen=True)
        loose: list[Loose]
        n: int = 0

    one, two = Frozen(loose=[Loose(a=1)]), Frozen(loose=[Loose(a=2)])
    sets = FieldSets()
    sets.share(one), sets.share(two)
    assert one.__pydantic_fields_set__ is two.__pydantic_fields_set__
    assert one.loose[0].__pydantic_fields_set__ is not two.loose[0].__pydantic_fields_set__
    one.loose[0].a = 3  # its own set grows, the other's does not
    assert two.loose[0].__pydantic_fields_set__ == {"a"}
