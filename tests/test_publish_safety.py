"""Crash safety and consistent publishing (issue 12 item 5, issue 9 item 2).

A run killed with SIGKILL at any point leaves the previous output or the new one, never
a mix; a re-run gives an output byte-identical to a clean run's, with no temporary
files left; two runs on one output folder never interleave; an empty or shrunken
output is refused and leaves the previous one byte-identical; files get the umask's
permissions.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock
from typer.testing import CliRunner

from pipeline.api import run_pipeline
from pipeline.cli import ExitCode, app
from pipeline.publish import output
from pipeline.publish.guard import PublishOptions, PublishRefusedError, check_publishable
from pipeline.publish.output import lock_path, recover
from tests.conftest import RAW, ROOT, published_bytes

PRESS = sorted((RAW / "press").glob("*.html"))
FACTSHEET = RAW / "factsheets" / "eccp-factsheet-be-2023-reportlab.pdf"


def _raw(folder: Path, *, factsheet: bool) -> Path:
    (folder / "press").mkdir(parents=True)
    for page in PRESS:
        shutil.copy(page, folder / "press" / page.name)
    if factsheet:  # sorted last, so a kill "while parsing" lands in the long parse
        shutil.copy(FACTSHEET, folder / "z-factsheet.pdf")
    return folder


@pytest.fixture(scope="module")
def refs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Raw folders and clean reference outputs: `prev` (press pages) and `new` (+ a factsheet)."""
    base = tmp_path_factory.mktemp("refs")
    raw_prev = _raw(base / "raw-prev", factsheet=False)
    raw_new = _raw(base / "raw-new", factsheet=True)
    run_pipeline(raw_prev, base / "prev")
    run_pipeline(raw_new, base / "new")
    return {"raw_prev": raw_prev, "raw_new": raw_new, "prev": base / "prev", "new": base / "new"}


def _cli(
    raw: Path, out: Path, *extra: str, crash_at: str | None = None, quiet: bool = True
) -> subprocess.Popen[str]:
    env = {**os.environ, "CLUSTERPIPE_CRASH_AT": crash_at or ""}
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--out", str(out), "--no-prefect",
         *(["-q"] if quiet else []), *extra],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _leftovers(out: Path) -> list[str]:
    beside = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.") and p != lock_path(out)]
    inside = [str(p.relative_to(out)) for p in out.rglob("*.tmp")] if out.exists() else []
    return sorted(beside + inside)


def _assert_parses(out: Path) -> None:
    for path in out.rglob("*.json"):
        json.loads(path.read_text("utf-8"))
    for path in out.rglob("*.jsonl"):
        for line in path.read_text("utf-8").splitlines():
            json.loads(line)


def _previous_output(refs: dict[str, Path], out: Path) -> None:
    """`out` holds the previous output, and a cache that already knows the new document."""
    shutil.copytree(refs["prev"], out)
    shutil.copytree(refs["new"] / ".cache", out / ".cache", dirs_exist_ok=True)


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        ("publish.records", "prev"),  # record files written, datasets not yet
        ("publish.staged", "prev"),  # everything written beside, not swapped
        ("publish.carried", "prev"),  # cache and history moved into the new output, not swapped
        ("publish.swapped", "new"),  # swapped, the previous output not yet removed
    ],
)
def test_sigkill_while_publishing_leaves_previous_or_new_output(
    refs: dict[str, Path], tmp_path: Path, point: str, expected: str
) -> None:
    out = tmp_path / "out"
    _previous_output(refs, out)
    proc = _cli(refs["raw_new"], out, crash_at=point)
    proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL
    assert published_bytes(out) == published_bytes(refs[expected])
    _assert_parses(out)
    rerun = run_pipeline(refs["raw_new"], out)
    assert rerun.documents_from_cache == len(PRESS) + 1  # the cache survives every kill
    assert published_bytes(out) == published_bytes(refs["new"])
    assert _leftovers(out) == []


def test_sigkill_while_parsing_then_rerun_is_a_clean_run(refs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(refs["prev"], out)
    shutil.rmtree(out / ".cache")
    proc = _cli(refs["raw_new"], out)
    cache = out / ".cache" / "documents"
    deadline = time.monotonic() + 240
    while len(list(cache.glob("*.json"))) < len(PRESS) and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)  # the press pages are done; the factsheet may still be parsed
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    done = len(list(cache.glob("*.json")))  # the pool's workers finish documents in parallel
    assert done >= len(PRESS)
    assert published_bytes(out) == published_bytes(refs["prev"])
    assert run_pipeline(refs["raw_new"], out).documents_from_cache == done
    assert published_bytes(out) == published_bytes(refs["new"])
    assert _leftovers(out) == []


def test_killed_between_the_two_renames_of_the_fallback_swap_is_undone(refs: dict[str, Path], tmp_path) -> None:
    out = tmp_path / "out"
    shutil.copytree(refs["prev"], tmp_path / ".out.old-1-ab")  # the live folder was renamed away
    shutil.copytree(refs["new"], tmp_path / ".out.staging-1-cd")  # the new one not yet in place
    recover(out)
    assert published_bytes(out) == published_bytes(refs["prev"])
    assert _leftovers(out) == []


def test_fallback_swap_without_renameat2_publishes_the_same_bytes(
    refs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    out = tmp_path / "out"
    _previous_output(refs, out)
    (out / "notes").mkdir()
    (out / "notes" / "mine.txt").write_text("{}\n")  # a folder the pipeline does not write
    run_pipeline(refs["raw_new"], out)
    assert published_bytes(out) == {**published_bytes(refs["new"]), "notes/mine.txt": b"{}\n"}
    assert (out / "notes" / "mine.txt").read_text() == "{}\n"
    assert _leftovers(out) == []


def test_two_runs_on_one_output_never_interleave(refs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    output.ensure_parent(out)
    holder = FileLock(lock_path(out), thread_local=False)  # another run holds the output folder
    holder.acquire()
    try:
        refused = _cli(refs["raw_new"], out, "--lock-timeout", "0.2")
        _, refused_err = refused.communicate(timeout=120)
        assert refused.returncode == ExitCode.LOCKED == 5
        assert "is locked by another run" in refused_err and "Traceback" not in refused_err
        assert not out.exists()
        runs = [_cli(refs["raw_new"], out, "--lock-timeout", "240", quiet=False) for _ in range(2)]
    finally:
        holder.release()
    printed = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    # one run after the other: the second found every document in the first one's cache
    found = [re.search(r"taken from cache\D+(\d+)", text) for text in printed]
    cached = sorted(int(match.group(1)) for match in found if match)
    assert cached == [0, len(PRESS) + 1]
    assert published_bytes(out) == published_bytes(refs["new"])
    assert _leftovers(out) == []


def _tree(folder: Path) -> dict[str, bytes]:
    """Every byte of the output, run.json and manifest included (the result cache is not output)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] != ".cache"
    }


def test_empty_input_is_refused_and_the_previous_output_stays_byte_identical(
    refs: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(refs["prev"], out)
    before = _tree(out)
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(app, ["run", "--raw", str(tmp_path / "empty"), "--out", str(out), "--no-prefect"])
    assert result.exit_code == ExitCode.PUBLISH_REFUSED == 4
    assert "no documents found" in result.output and "Traceback" not in result.output
    assert _tree(out) == before


def test_shrinking_input_is_refused_unless_allowed(refs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(refs["new"], out)
    before = _tree(out)
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(PRESS[0], one / PRESS[0].name)
    args = ["run", "--raw", str(one), "--out", str(out), "--no-prefect"]
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == ExitCode.PUBLISH_REFUSED
    assert "documents 3 → 1" in refused.output
    assert _tree(out) == before
    accepted = CliRunner().invoke(app, [*args, "--allow-shrink"])
    assert accepted.exit_code == ExitCode.OK, accepted.output
    assert len(list((out / "documents").glob("*.json"))) == 1


@pytest.mark.parametrize(
    ("before", "after", "max_shrink", "refused"),
    [(10, 5, 0.5, False), (10, 4, 0.5, True), (10, 9, 0.0, True), (10, 1, 0.95, False)],
)
def test_shrink_threshold(tmp_path: Path, before: int, after: int, max_shrink: float, refused: bool) -> None:
    (tmp_path / "datasets").mkdir()
    (tmp_path / "datasets" / "claims.jsonl").write_text("{}\n" * before)
    counts = {"documents": 1, "claims": after}
    options = PublishOptions(max_shrink=max_shrink)
    if refused:
        with pytest.raises(PublishRefusedError, match=f"claims {before} → {after}"):
            check_publishable(tmp_path, counts, options)
    else:
        check_publishable(tmp_path, counts, options)


@pytest.mark.parametrize(("umask", "file_mode", "dir_mode"), [(0o022, 0o644, 0o755), (0o027, 0o640, 0o750)])
def test_files_get_the_umask_permissions(tmp_path: Path, umask: int, file_mode: int, dir_mode: int) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(PRESS[0], raw / "page.html")
    old = os.umask(umask)
    try:
        run_pipeline(raw, tmp_path / "out")
    finally:
        os.umask(old)
    for path in [tmp_path / "out", *(tmp_path / "out").rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (dir_mode if path.is_dir() else file_mode), path


def test_temporary_files_of_a_killed_run_are_removed_by_the_next(refs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(refs["prev"], out)
    stale = [out / ".cache" / "documents" / ".doc-x.json.k2j3.tmp", out / "clusters" / ".c.json.abcd.tmp"]
    for path in stale:
        path.write_text("{half")
    (tmp_path / ".out.staging-99-beef").mkdir()
    run_pipeline(refs["raw_prev"], out)
    assert [p.exists() for p in stale] == [False, False]
    assert _leftovers(out) == []
    assert published_bytes(out) == published_bytes(refs["prev"])


# ---------------------------------------------------------------- no orphan processes


def _watchdogs_of(pid: int) -> list[list[str]]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            argv = (proc / "cmdline").read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        if "pipeline.watchdog" in argv and argv[argv.index("pipeline.watchdog") + 1] == str(pid):
            found.append(argv)
    return found


def _no_watchdog_of(pid: int, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while _watchdogs_of(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not _watchdogs_of(pid)


def _gone(pid: int, marker: str, timeout: float = 20.0) -> bool:
    from pipeline.watchdog import alive

    deadline = time.monotonic() + timeout
    while alive(pid, marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not alive(pid, marker)


def test_watchdog_stops_the_helper_when_its_parent_is_killed(tmp_path: Path) -> None:
    marker = f"helper-{tmp_path.name}"
    parent = subprocess.Popen(
        [sys.executable, "-c",
         "import subprocess, sys, time\n"
         f"h = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)', {marker!r}])\n"
         "subprocess.Popen([sys.executable, '-m', 'pipeline.watchdog', str(__import__('os').getpid()),"
         f" str(h.pid), {marker!r}], start_new_session=True)\n"
         "print(h.pid, flush=True)\n"
         "time.sleep(120)\n"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    helper = int(parent.stdout.readline())  # type: ignore[union-attr]
    _wait = time.monotonic() + 20
    while not _watchdogs_of(parent.pid) and time.monotonic() < _wait:
        time.sleep(0.05)
    parent.kill()
    parent.wait(timeout=10)
    assert _gone(helper, marker)
    assert _no_watchdog_of(parent.pid)


@pytest.mark.slow
def test_sigkill_of_a_prefect_run_leaves_no_temporary_server(refs: dict[str, Path], tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    run = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", "--raw", str(refs["raw_new"]), "--out", str(tmp_path / "out"),
         "-q", "--no-cache"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 240
    while not _watchdogs_of(run.pid) and time.monotonic() < deadline:  # the server is up
        time.sleep(0.1)
    (argv,) = _watchdogs_of(run.pid)
    server = int(argv[argv.index("pipeline.watchdog") + 2])
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    assert _gone(server, "prefect.server.api.server")
    assert _no_watchdog_of(run.pid)
