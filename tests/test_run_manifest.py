"""The run manifest: a re-run on which nothing changed records itself instead of publishing, and
leaves exactly the output a full publish would have left; any change publishes in full."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.api import run_pipeline
from pipeline.datamodel.records import RunSummary
from pipeline.datamodel.results import SourceRef, Status
from pipeline.publish.guard import PublishOptions
from pipeline.stages.pool import DocumentOutcome, StoredResults
from pipeline.stages.runmanifest import RUN_MANIFEST, read_run_manifest, remember_publish, run_key
from tests.conftest import RAW

VARYING_RUN_FIELDS = ("id", "timings")  # run.json: what differs between two runs over the same inputs
VARYING_RECORD_FIELDS = ("run_id", "started_at", "finished_at")  # runs/<id>.json


def _raw(folder: Path) -> Path:
    shutil.copytree(RAW / "press", folder / "press")
    shutil.copy(RAW / "factsheets" / "eccp-factsheet-be-2023-reportlab.pdf", folder / "be.pdf")
    return folder


def _output(out: Path) -> dict[str, bytes]:
    """Every file of an output but the run history, the caches and what varies per run (the
    `run` block of manifest.json, run.json's id and timings)."""
    files = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if not path.is_file() or rel.split("/")[0] in ("runs", ".cache"):
            continue
        data = path.read_bytes()
        if rel in ("manifest.json", "run.json"):
            fields = json.loads(data)
            for name in ("run", *VARYING_RUN_FIELDS):
                fields.pop(name, None)
            data = json.dumps(fields, sort_keys=True).encode()
        files[rel] = data
    return files


def _latest_record(out: Path) -> dict[str, object]:
    record = json.loads(max((out / "runs").glob("*.json")).read_bytes())
    return {k: v for k, v in record.items() if k not in VARYING_RECORD_FIELDS}


def _run(raw: Path, out: Path, **options: object) -> RunSummary:
    """A run as the command line makes it: the decisions file is `<raw>/decisions.json`."""
    return run_pipeline(raw, out, raw / "decisions.json", **options)  # type: ignore[arg-type]


def _mtimes(out: Path) -> dict[str, int]:
    return {
        p.relative_to(out).as_posix(): p.stat().st_mtime_ns
        for p in out.rglob("*")
        if p.is_file() and p.relative_to(out).parts[0] not in ("runs", ".cache", "run.json", "manifest.json")
    }


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A raw folder and its output after one (cold) run."""
    tmp = tmp_path_factory.mktemp("manifest")
    raw = _raw(tmp / "raw")
    _run(raw, tmp / "out")
    return raw, tmp / "out"


def _settled(published: tuple[Path, Path], folder: Path) -> tuple[Path, Path]:
    """A copy of the published raw and output folders in `folder`, run once there (in full: the
    folders moved, and the report's links with them), so that the next run finds nothing changed."""
    raw, out = folder / "raw", folder / "out"
    shutil.copytree(published[0], raw)
    shutil.copytree(published[1], out)
    before = _mtimes(out)
    summary = _run(raw, out)
    assert all(_mtimes(out)[path] != mtime for path, mtime in before.items())
    assert read_run_manifest(out).run_id == summary.id  # type: ignore[union-attr]
    return raw, out


def test_a_rerun_on_which_nothing_changed_leaves_the_output_of_a_full_publish(
    published: tuple[Path, Path], tmp_path: Path
) -> None:
    raw_full, full = _settled(published, tmp_path / "a")
    raw_short, short = _settled(published, tmp_path / "b")  # same layout: the report's links are alike
    (full / RUN_MANIFEST).unlink()  # without a manifest, the re-run publishes everything again
    before = _mtimes(short)
    full_summary = _run(raw_full, full)
    short_summary = _run(raw_short, short)
    assert _mtimes(short) == before  # nothing was published again
    assert _mtimes(full) != before
    assert _output(short) == _output(full)
    assert short_summary.model_dump(exclude=set(VARYING_RUN_FIELDS)) == full_summary.model_dump(
        exclude=set(VARYING_RUN_FIELDS)
    )
    counts = (
        short_summary.documents_seen,
        short_summary.documents_unchanged,
        short_summary.documents_from_cache,
    )
    assert counts == (3, 3, 3)
    assert [t.stage for t in short_summary.timings] == ["unchanged check"]
    assert len(list((short / "runs").glob("*.json"))) == len(list((full / "runs").glob("*.json"))) == 3
    assert _latest_record(short) == _latest_record(full)
    assert json.loads((short / "manifest.json").read_bytes())["run"]["id"] == short_summary.id
    assert read_run_manifest(short).run_id == short_summary.id  # type: ignore[union-attr]


def test_a_moved_output_folder_publishes_in_full(published: tuple[Path, Path], tmp_path: Path) -> None:
    raw, out = _settled(published, tmp_path)
    moved = tmp_path / "moved"
    out.rename(moved)
    before = _mtimes(moved)
    _run(raw, moved)
    assert all(_mtimes(moved)[path] != mtime for path, mtime in before.items())


def _edit_input(raw: Path, out: Path) -> None:
    page = raw / "press" / "luxembourg-lu-creative-industries-cluster.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("<title>", "<title>Edited: ", 1), encoding="utf-8"
    )


def _add_decisions(raw: Path, out: Path) -> None:
    (raw / "decisions.json").write_text('[{"conflict_id": "conflict-0"}]\n', encoding="utf-8")  # a warning


def _edit_output(raw: Path, out: Path) -> None:
    path = next((out / "policies").glob("*.json"))
    path.write_bytes(path.read_bytes() + b" ")


def _remove_output(raw: Path, out: Path) -> None:
    (out / "datasets" / "claims.parquet").unlink()


def _another_run_recorded(raw: Path, out: Path) -> None:
    latest = max((out / "runs").glob("*.json"))
    shutil.copy(latest, out / "runs" / f"{latest.stem}-copy.json")  # sorts after it, before the next run


CHANGES: dict[str, Callable[[Path, Path], None]] = {
    "input edited": _edit_input,
    "decisions added": _add_decisions,
    "published file edited": _edit_output,
    "published file removed": _remove_output,
    "another run recorded since": _another_run_recorded,
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_any_change_publishes_in_full(published: tuple[Path, Path], tmp_path: Path, change: str) -> None:
    raw, out = _settled(published, tmp_path)
    before = _mtimes(out)
    CHANGES[change](raw, out)
    summary = _run(raw, out)
    after = _mtimes(out)
    assert set(after) == set(before)  # a removed file is published again
    assert all(after[path] != before[path] for path in before)  # every file written by this run
    assert summary.documents_changed == (1 if change == "input edited" else 0)
    assert read_run_manifest(out).run_id == summary.id  # type: ignore[union-attr]
    assert _run(raw, out).documents_unchanged == 3  # and the run after skips again
    assert _mtimes(out) == after


def test_no_cache_publishes_in_full(published: tuple[Path, Path], tmp_path: Path) -> None:
    raw, out = _settled(published, tmp_path)
    before = _mtimes(out)
    _run(raw, out, use_cache=False)
    assert all(_mtimes(out)[path] != mtime for path, mtime in before.items())


def _outcome(uri: str, stored: bool) -> DocumentOutcome:
    return DocumentOutcome(uri=uri, doc_id=f"doc-{uri}", sha256="0" * 64, status=Status.OK, stored=stored)


def test_a_result_outside_the_cache_removes_the_manifest(
    published: tuple[Path, Path], tmp_path: Path
) -> None:
    """A timeout, memory limit or crashed worker is not cached: the next run must try it again."""
    raw, out = _settled(published, tmp_path)
    refs = [SourceRef(uri="be.pdf", path=str(raw / "be.pdf"))]
    key = run_key(refs, None, PublishOptions())
    first_pass = StoredResults([_outcome("be.pdf", stored=True), _outcome("a.html", stored=False)], None)
    assert remember_publish(out, key, refs, None, PublishOptions(), first_pass) is None
    assert not (out / RUN_MANIFEST).exists()
    all_stored = StoredResults([_outcome("be.pdf", stored=True)], None)
    assert remember_publish(out, key, refs, None, PublishOptions(), all_stored) is not None


def test_a_url_source_has_no_run_key(tmp_path: Path) -> None:
    refs = [SourceRef(uri="be.pdf", path=str(RAW / "factsheets" / "eccp-factsheet-be-2023-reportlab.pdf"))]
    assert run_key(refs, None, PublishOptions()) is not None
    assert run_key([*refs, SourceRef(uri="https://example.org/a.html")], None, PublishOptions()) is None


def test_the_command_line_records_an_unchanged_run_without_starting_prefect(
    published: tuple[Path, Path], tmp_path: Path
) -> None:
    """`run` (with Prefect) checks before it imports Prefect: with an API address that nothing
    answers, a run on which nothing changed still succeeds, and publishes nothing."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    raw, out = _settled(published, tmp_path)
    before = _mtimes(out)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_API_URL="http://127.0.0.1:9/api")
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "-q", "--raw", str(raw), "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _mtimes(out) == before
    latest = max(p.stem for p in (out / "runs").glob("*.json"))
    assert json.loads((out / "run.json").read_bytes())["id"] == latest
    assert len(list((out / "runs").glob("*.json"))) == 3
