"""The run manifest: a re-run on which nothing changed writes a run record instead of publishing.

After a full publish the run writes `<out>/.cache/run-manifest.json`: the run's key (every
input's uri and sha256, the extractor fingerprint, the reviewer decisions' sha256, the publish
options and the dataset writer's version) and the size and modification time of every file
the published `manifest.json` lists. A later run whose key is the same, on an output whose
files are as they were published, has nothing to publish: reconcile, the report and the
datasets would be rewritten byte for byte. That run only records itself, as a full publish
would have: `runs/<run id>.json` (the latest run record with the new id, its times, and
every document unchanged), the `run` block of `manifest.json` and `run.json`.

A run writes no manifest (and a later run then publishes in full) when any of its results is
not in the cache (a timeout, memory limit or crashed worker is retried next run), when it
reads a URL (fetching is what tells whether it changed), or when an input changed while it ran.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path

from pydantic import ValidationError

from pipeline.datamodel.base import StrictModel
from pipeline.datamodel.records import RunSummary, StageTiming
from pipeline.datamodel.results import SourceRef
from pipeline.stages.cache import extractor_fingerprint
from pipeline.storage import atomic_write, to_json

RUN_MANIFEST = Path(".cache") / "run-manifest.json"
PUBLISHED_MANIFEST = "manifest.json"
RUN_SUMMARY = "run.json"
RUNS_DIR = "runs"  # as pipeline.publish.history.RUNS_DIR


class InputPrint(StrictModel):
    uri: str
    sha256: str


class RunKey(StrictModel):
    """What the published output is a function of (besides the code, in `extractor`)."""

    extractor: str
    settings: str
    inputs: list[InputPrint]


class OutputPrint(StrictModel):
    path: str
    bytes: int
    mtime_ns: int


class RunManifest(StrictModel):
    key: RunKey
    run_id: str  # the latest run record (runs/<run_id>.json) when this manifest was written
    files: str  # sha256 of the published manifest's file list
    outputs: list[OutputPrint]


def run_settings(options: object, raw_dir: Path, out_dir: Path) -> tuple[object, str, str]:
    """The settings besides the decisions that the published bytes depend on: the publish options
    and where the raw and output folders are (the report links to the sources relatively)."""
    return (options, str(raw_dir.resolve()), str(out_dir.resolve()))


def settings_digest(decisions: Path | None, options: object) -> str:
    """sha256 of the reviewer decisions (their bytes, or their absence), the other settings (their
    repr: `run_settings`) and the version of the dataset writer.

    >>> settings_digest(None, (0.5, False)) == settings_digest(None, (0.5, False))
    True
    >>> settings_digest(None, (0.5, False)) == settings_digest(None, (0.5, True))
    False
    """
    digest = hashlib.sha256()
    if decisions is not None and decisions.is_file():
        digest.update(b"decisions\n" + hashlib.sha256(decisions.read_bytes()).digest())
    else:
        digest.update(b"no decisions\n")
    digest.update(repr(options).encode())
    try:
        digest.update(f"\npyarrow {metadata.version('pyarrow')}".encode())
    except metadata.PackageNotFoundError:
        pass
    return digest.hexdigest()[:16]


def run_key(refs: Sequence[SourceRef], decisions: Path | None, options: object) -> RunKey | None:
    """The key of a run over these sources; None when one is a URL or cannot be read (those
    are always processed)."""
    from pipeline.stages.discover import load

    inputs = []
    for ref in refs:
        if ref.path is None:
            return None
        try:
            inputs.append(InputPrint(uri=ref.uri, sha256=load(ref).sha256))
        except OSError:
            return None
    return RunKey(
        extractor=extractor_fingerprint(), settings=settings_digest(decisions, options), inputs=inputs
    )


def _published_files(out_dir: Path) -> tuple[str, list[str]] | None:
    """The published manifest's file list (digest, paths), or None when it cannot be read."""
    try:
        data = json.loads((out_dir / PUBLISHED_MANIFEST).read_bytes())
        files = data["files"]
        paths = [str(f["path"]) for f in files]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    text = json.dumps(files, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16], paths


def _output_prints(out_dir: Path, paths: Sequence[str]) -> list[OutputPrint] | None:
    prints = []
    for path in paths:
        try:
            stat = (out_dir / path).stat()
        except OSError:
            return None
        prints.append(OutputPrint(path=path, bytes=stat.st_size, mtime_ns=stat.st_mtime_ns))
    return prints


def _latest_run_id(out_dir: Path) -> str | None:
    names = sorted(p.stem for p in (out_dir / RUNS_DIR).glob("*.json"))
    return names[-1] if names else None


def read_run_manifest(out_dir: Path) -> RunManifest | None:
    try:
        return RunManifest.model_validate_json((out_dir / RUN_MANIFEST).read_bytes())
    except (OSError, ValidationError, ValueError):
        return None


def write_run_manifest(out_dir: Path, key: RunKey) -> RunManifest | None:
    """Record what the output just published (or recorded) is a function of; None (and no
    manifest: the next run publishes in full) when the output cannot be described."""
    published = _published_files(out_dir)
    run_id = _latest_run_id(out_dir)
    outputs = _output_prints(out_dir, published[1]) if published is not None else None
    if published is None or run_id is None or outputs is None:
        forget_run_manifest(out_dir)
        return None
    manifest = RunManifest(key=key, run_id=run_id, files=published[0], outputs=outputs)
    atomic_write(out_dir / RUN_MANIFEST, manifest.model_dump_json() + "\n")
    return manifest


def forget_run_manifest(out_dir: Path) -> None:
    (out_dir / RUN_MANIFEST).unlink(missing_ok=True)


def unchanged_since(out_dir: Path, key: RunKey) -> RunManifest | None:
    """The manifest of the last publish, when this key is its key and the output, its file list
    and the run history are as that run left them; else None (publish in full)."""
    manifest = read_run_manifest(out_dir)
    if manifest is None or manifest.key != key or _latest_run_id(out_dir) != manifest.run_id:
        return None
    published = _published_files(out_dir)
    if published is None or published[0] != manifest.files:
        return None
    if _output_prints(out_dir, published[1]) != manifest.outputs:
        return None
    return manifest


@dataclass(frozen=True)
class Unchanged:
    """A run that found nothing to publish: its summary (as run.json says) and its record id."""

    summary: RunSummary
    previous_run_id: str


def record_unchanged_run(out_dir: Path, manifest: RunManifest, timings: Sequence[StageTiming]) -> Unchanged:
    """Write what a full publish of the same output would have changed: a new run record (the
    previous one with this run's id and times, every document unchanged), the `run` block of
    `manifest.json` and `run.json`; then point the run manifest at the new record."""
    from pipeline.publish.history import RunRecord, document_changes, iso, new_run_id, tool_version

    previous = RunRecord.model_validate_json((out_dir / RUNS_DIR / f"{manifest.run_id}.json").read_bytes())
    now = datetime.now(UTC)
    started = now - timedelta(seconds=max(0.0, sum(t.seconds for t in timings)))
    record = previous.model_copy(
        update={
            "run_id": new_run_id(started, secrets.token_hex(3)),
            "started_at": iso(started),
            "finished_at": iso(datetime.now(UTC)),
            "tool_version": tool_version(),
            "documents": document_changes(previous.inputs, previous.inputs),
        }
    )
    summary = RunSummary.model_validate_json((out_dir / RUN_SUMMARY).read_bytes()).model_copy(
        update={"id": record.run_id, "timings": list(timings)}
    )
    seen = summary.documents_seen
    summary = summary.model_copy(
        update={
            "documents_new": 0,
            "documents_changed": 0,
            "documents_unchanged": seen,
            "documents_from_cache": seen,
        }
    )
    atomic_write(out_dir / RUNS_DIR / f"{record.run_id}.json", record.model_dump_json() + "\n")
    # as pipeline.publish.manifest.write_manifest writes it (without importing the dataset writers)
    published = json.loads((out_dir / PUBLISHED_MANIFEST).read_bytes())
    published["run"] = {"created_at": now.isoformat(timespec="seconds"), "id": record.run_id}
    atomic_write(
        out_dir / PUBLISHED_MANIFEST,
        json.dumps(published, sort_keys=True, ensure_ascii=False, indent=2) + "\n",
    )
    atomic_write(out_dir / RUN_SUMMARY, to_json(summary))
    moved = manifest.model_copy(update={"run_id": record.run_id})
    atomic_write(out_dir / RUN_MANIFEST, moved.model_dump_json() + "\n")
    return Unchanged(summary, manifest.run_id)


def unchanged_run(out_dir: Path, key: RunKey | None, timings: Sequence[StageTiming]) -> Unchanged | None:
    """When nothing changed since the last publish (`unchanged_since`), record this run
    (`record_unchanged_run`) and return it; else None: the caller publishes in full."""
    manifest = unchanged_since(out_dir, key) if key is not None else None
    return record_unchanged_run(out_dir, manifest, timings) if manifest is not None else None


def all_in_cache(first_pass: Sequence[object]) -> bool:
    """Whether every first-pass result of a run is in the result cache, so that a re-run would
    read them all back (a resource failure or an unreadable file is tried again instead)."""
    from pipeline.stages.pool import StoredResults

    return isinstance(first_pass, StoredResults) and all(o.stored for o in first_pass.outcomes)


def remember_publish(
    out_dir: Path,
    key: RunKey | None,
    refs: Sequence[SourceRef],
    decisions: Path | None,
    options: object,
    first_pass: Sequence[object],
) -> RunManifest | None:
    """After a full publish: the run manifest, when a re-run with the same key could skip
    publishing (every result is in the cache, no input changed while the run went on); else
    the old manifest is removed."""
    if key is None or not all_in_cache(first_pass) or run_key(refs, decisions, options) != key:
        forget_run_manifest(out_dir)
        return None
    return write_run_manifest(out_dir, key)


def record_if_unchanged(
    raw_dir: Path,
    out_dir: Path,
    decisions: Path | None,
    options: object,
    *,
    lock_timeout: float,
    only: Sequence[str] | None = None,
) -> RunSummary | None:
    """The check a run makes first (`run_key`, `unchanged_run`), alone, holding the output
    folder's lock: when nothing changed since the last publish the run is recorded and its
    summary returned; else None, and nothing is written. The command line makes it before it
    imports Prefect or the stages, so such a run costs no flow run. `options`: the publish options."""
    from pipeline.publish.output import output_lock
    from pipeline.stages.discover import discover
    from pipeline.stages.inputs import select_refs

    with output_lock(out_dir, lock_timeout):
        started = time.perf_counter()
        refs = select_refs(discover(raw_dir), only)
        key = run_key(refs, decisions, run_settings(options, raw_dir, out_dir))
        check = [StageTiming(stage="unchanged check", seconds=round(time.perf_counter() - started, 3))]
        unchanged = unchanged_run(out_dir, key, check)
    return unchanged.summary if unchanged is not None else None
