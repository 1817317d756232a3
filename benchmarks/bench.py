#!/usr/bin/env python3
"""Speed and memory figures, printed and written to benchmarks/results.json (never asserted).

    python3 tasks.py bench                       # everything (several minutes)
    python3 tasks.py bench --quick               # baselines + --no-prefect cold/warm on the sample PDFs
    python3 tasks.py bench --only bare,no-prefect --repeat 3
    python3 tasks.py bench --only scaling --scale 100,1000
    python3 tasks.py bench --only prefect-overhead --skip-bare --repeat 3 --scale 200

Every row runs as a separate process tree (the pipeline through its command line, the baselines
through this script) and reports, for the whole tree: wall time, CPU time (user + system of
every process, workers and Prefect's temporary server included: this script makes itself the
"child subreaper" so that orphaned workers are reaped here and counted) and peak resident memory
(the sum of RSS over the tree, polled every 50 ms: an upper bound, as forked workers share pages).
Ratios are against the bare pdfplumber baseline measured in the same run.

On a shared machine wall time depends on the other load; CPU time is the steadier measure.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Self

import psutil

ROOT = Path(__file__).resolve().parents[1]
ROBUSTNESS = ROOT.parent / "shared" / "corpus" / "robustness"
RESULTS = ROOT / "benchmarks" / "results.json"
ROWS = ("pdfium", "bare", "no-prefect", "prefect", "dask", "scaling")
OPTIONAL = (
    "prefect-scaling",  # Prefect against --no-prefect on generated documents (--scale)
    "prefect-overhead",  # the same, cold and warm, with the temporary server and with a running one
)
QUICK = ("pdfium", "bare", "no-prefect")


@dataclass
class Measurement:
    wall: float
    cpu: float
    peak_rss_mib: float
    processes: int
    load1: float = 0.0  # the machine's 1-minute load average when the run ended (wall depends on it)


@dataclass
class Row:
    name: str
    corpus: str
    documents: int
    runs: list[Measurement] = field(default_factory=list)
    note: str = ""

    @property
    def wall(self) -> float:
        return statistics.median(m.wall for m in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(m.cpu for m in self.runs)

    @property
    def peak_rss_mib(self) -> float:
        return max(m.peak_rss_mib for m in self.runs)


# ---------------------------------------------------------------------------------------------
# Measuring a process tree


def _become_subreaper() -> None:
    """Linux: orphaned descendants are re-parented to this process, so their CPU is counted."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# children of this script that outlive the rows (a running Prefect server): not waited for
_LONG_LIVED: set[int] = set()


def _reap_orphans(timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if {c.pid for c in psutil.Process().children()} <= _LONG_LIVED:
                return
            time.sleep(0.05)


def _tree_without_long_lived(me: psutil.Process) -> list[psutil.Process]:
    """This script's descendants, without the long-lived ones (a running server) and theirs."""
    found = []
    for child in me.children():
        if child.pid not in _LONG_LIVED:
            found.append(child)
            try:
                found.extend(child.children(recursive=True))
            except psutil.Error:
                pass
    return found


COMPLETED = (0, 3)  # 3: the run completed with some documents quarantined (the corpus has broken PDFs)


def measure(command: list[str], env: dict[str, str] | None = None) -> Measurement:
    """Run a command to completion; wall, CPU and peak RSS of its whole process tree."""
    me = psutil.Process()
    cpu_before = _children_cpu()
    started = time.perf_counter()
    # stderr goes to a file, not a pipe: nobody reads a pipe while the run goes on, and a run's
    # progress lines (one per document) fill its 64 KiB buffer at about a thousand documents,
    # after which the run blocks forever
    errors = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=errors,
    )
    peak, seen = 0, set()
    while proc.poll() is None:
        rss = 0
        for child in _tree_without_long_lived(me):
            try:
                rss += child.memory_info().rss
                seen.add(child.pid)
            except psutil.Error:
                pass
        peak = max(peak, rss)
        time.sleep(0.05)
    wall = time.perf_counter() - started
    errors.seek(0)
    stderr = errors.read().decode(errors="replace")
    errors.close()
    _reap_orphans()
    if proc.returncode not in COMPLETED:
        raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}:\n{stderr[-2000:]}")
    return Measurement(
        wall=round(wall, 3),
        cpu=round(_children_cpu() - cpu_before, 3),
        peak_rss_mib=round(peak / 2**20, 1),
        processes=len(seen),
        load1=round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else 0.0,
    )


# ---------------------------------------------------------------------------------------------
# Baselines (run by this script in a child process: `bench.py _baseline KIND FOLDER`)


def baseline(kind: str, folder: Path) -> int:
    files = sorted(folder.rglob("*.pdf"))
    pages = 0
    for path in files:
        try:
            if kind == "pdfium":
                import pypdfium2

                pdf = pypdfium2.PdfDocument(str(path))
                for page in pdf:
                    page.get_textpage().get_text_range()
                    pages += 1
                pdf.close()
            else:
                import pdfplumber

                with pdfplumber.open(path) as pdf:
                    for page in pdf.pages:
                        page.extract_text()
                        page.extract_tables()
                        pages += 1
                        page.close()
        except Exception as exc:  # a baseline skips what it cannot read, as the pipeline quarantines it
            print(f"{path.name}: {type(exc).__name__}", file=sys.stderr)
    print(pages)
    return 0


# ---------------------------------------------------------------------------------------------
# Corpora (copied into a temporary folder; nothing is written into the repository but results)


def pdf_corpus(tmp: Path) -> Path:
    """The robustness corpus (when present) plus the sample PDFs."""
    raw = tmp / "pdfs"
    raw.mkdir()
    if ROBUSTNESS.is_dir():
        for path in sorted(ROBUSTNESS.glob("*.pdf")):
            shutil.copy(path, raw / path.name)
    for path in sorted((ROOT / "raw").rglob("*.pdf")):
        shutil.copy(path, raw / path.name)
    return raw


def robustness_corpus(tmp: Path) -> Path | None:
    if not ROBUSTNESS.is_dir():
        return None
    raw = tmp / "robustness"
    shutil.copytree(ROBUSTNESS, raw)
    return raw


def generated_corpus(tmp: Path, n: int) -> Path:
    """n documents in a cycle of 20: 17 press pages (the two samples, each with a numbered
    title, so every file has its own bytes), 2 slide decks and 1 factsheet."""
    raw = tmp / f"generated-{n}"
    raw.mkdir()
    press = sorted((ROOT / "raw" / "press").glob("*.html"))
    slides = sorted((ROOT / "raw" / "presentations").glob("*.pdf"))
    factsheets = sorted((ROOT / "raw" / "factsheets").glob("*.pdf"))
    for i in range(n):
        slot = i % 20
        if slot < 17:
            source = press[i % len(press)]
            text = source.read_text(encoding="utf-8").replace("<title>", f"<title>{i:05d} ", 1)
            (raw / f"{i:05d}-{source.name}").write_text(text, encoding="utf-8")
        else:
            source = slides[0] if slot < 19 else factsheets[(i // 20) % len(factsheets)]
            shutil.copy(source, raw / f"{i:05d}-{source.name}")
    return raw


# ---------------------------------------------------------------------------------------------
# The rows


def pipeline(*args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", *args]


PREFECT_ENV = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}


def run_rows(args: argparse.Namespace, tmp: Path) -> list[Row]:
    rows: list[Row] = []
    only = set(args.only)
    pdfs = pdf_corpus(tmp)
    n_pdfs = len(list(pdfs.glob("*.pdf")))
    corpus = f"{n_pdfs} PDFs"

    def repeat(row: Row, make: object) -> Row:
        for _ in range(args.repeat):
            row.runs.append(make())  # type: ignore[operator]
        print(_line(row, rows), flush=True)
        rows.append(row)
        return row

    me = str(Path(__file__).resolve())
    if "pdfium" in only:
        command = [sys.executable, me, "_baseline", "pdfium", str(pdfs)]
        repeat(Row("pypdfium2 text only", corpus, n_pdfs), lambda: measure(command))
    if not args.skip_bare:  # every ratio is against it
        repeat(
            Row("bare pdfplumber, extract_text + extract_tables, 1 process", corpus, n_pdfs),
            lambda: measure([sys.executable, me, "_baseline", "pdfplumber", str(pdfs)]),
        )
    if "no-prefect" in only:
        for workers in args.workers:
            out = tmp / f"np{workers}"

            def cold(out: Path = out, workers: int = workers) -> Measurement:
                shutil.rmtree(out, ignore_errors=True)
                command = pipeline("--no-prefect", "--raw", str(pdfs), "--out", str(out))
                return measure([*command, "--workers", str(workers)])

            repeat(Row(f"run --no-prefect --workers {workers}, cold", corpus, n_pdfs), cold)
        warm_out = tmp / f"np{args.workers[-1]}"
        repeat(
            Row(f"run --no-prefect --workers {args.workers[-1]}, warm (cache)", corpus, n_pdfs),
            lambda: measure(pipeline("--no-prefect", "--raw", str(pdfs), "--out", str(warm_out))),
        )
    if "prefect" in only:
        out = tmp / "prefect"

        def prefect_cold() -> Measurement:
            shutil.rmtree(out, ignore_errors=True)
            return measure(pipeline("--raw", str(pdfs), "--out", str(out)), PREFECT_ENV)

        repeat(Row("run (Prefect, thread runner + pool), cold", corpus, n_pdfs), prefect_cold)
        repeat(
            Row("run (Prefect), warm", corpus, n_pdfs),
            lambda: measure(pipeline("--raw", str(pdfs), "--out", str(out)), PREFECT_ENV),
        )
    if "dask" in only:
        robustness = robustness_corpus(tmp)
        if robustness is None:
            print("dask rows skipped: ../shared/corpus/robustness is absent")
        else:
            n = len(list(robustness.glob("*.pdf")))
            for workers in (1, 2):
                out = tmp / f"dask{workers}"

                def dask_cold(out: Path = out, workers: int = workers) -> Measurement:
                    shutil.rmtree(out, ignore_errors=True)
                    command = pipeline("--raw", str(robustness), "--out", str(out), "--runner", "dask")
                    command += ["--workers", str(workers)]
                    return measure(command, PREFECT_ENV)

                repeat(Row(f"run --runner dask --workers {workers}, cold", "robustness corpus", n), dask_cold)
    if "prefect-scaling" in only:
        for n in args.scale:
            raw = generated_corpus(tmp, n)
            variants = (("run --no-prefect", ["--no-prefect"], {}), ("run (Prefect)", [], PREFECT_ENV))
            for label, extra, env in variants:
                out = tmp / f"pscale{n}"

                def cold(
                    raw: Path = raw, out: Path = out, extra: list[str] = extra, env: dict[str, str] = env
                ) -> Measurement:
                    shutil.rmtree(out, ignore_errors=True)
                    return measure(pipeline(*extra, "--raw", str(raw), "--out", str(out)), env)

                repeat(Row(f"{label}, {n} generated documents, cold", "generated", n), cold)
            shutil.rmtree(raw, ignore_errors=True)
    if "prefect-overhead" in only:
        rows_prefect_overhead(args, tmp, pdfs, repeat)
    if "scaling" in only:
        for n in args.scale:
            raw = generated_corpus(tmp, n)
            out = tmp / f"scale{n}"

            def scale(raw: Path = raw, out: Path = out) -> Measurement:
                shutil.rmtree(out, ignore_errors=True)
                return measure(pipeline("--no-prefect", "--raw", str(raw), "--out", str(out)))

            row = repeat(Row(f"scaling: run --no-prefect, {n} generated documents", "generated", n), scale)
            per_doc = f"{row.cpu / n * 1000:.0f} ms CPU per document, peak {row.peak_rss_mib:.0f} MiB"
            row.note = "; ".join(p for p in (_stages(out), per_doc, _comparisons_note(out)) if p)
            print(f"{'':58s} {row.note}", flush=True)
            shutil.rmtree(raw, ignore_errors=True)
    return rows


class RunningServer:
    """`prefect server start` on a free loopback port with its own PREFECT_HOME, for the rows
    that measure a run against an already running server (as a scheduled deployment has one);
    `cpu()` is the server's CPU so far, reported apart from the run's process tree."""

    def __init__(self, home: Path) -> None:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.api = f"http://127.0.0.1:{port}/api"
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        env.update(PREFECT_HOME=str(home), PREFECT_SERVER_LOGGING_LEVEL="WARNING", **PREFECT_ENV)
        prefect = Path(sys.executable).with_name("prefect")
        self.proc = subprocess.Popen(
            [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        _LONG_LIVED.add(self.proc.pid)

    def __enter__(self) -> Self:
        import httpx

        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"prefect server start exited {self.proc.returncode}")
            try:
                if httpx.get(f"{self.api}/health", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise RuntimeError("the Prefect server did not answer within 300 s")

    def __exit__(self, *exc: object) -> None:
        import signal

        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)
        _LONG_LIVED.discard(self.proc.pid)

    def cpu(self) -> float:
        total = 0.0
        try:
            root = psutil.Process(self.proc.pid)
            for proc in [root, *root.children(recursive=True)]:
                times = proc.cpu_times()
                total += times.user + times.system
        except psutil.Error:
            pass
        return total


def rows_prefect_overhead(args: argparse.Namespace, tmp: Path, pdfs: Path, repeat: Any) -> None:
    """What Prefect adds to `--no-prefect`, cold and warm: on `--scale` generated documents and on
    the PDFs, with Prefect's temporary server (started by the run) and with an already running
    server (PREFECT_API_URL; that server's CPU during the row is in the row's note)."""
    corpora = [(generate_corpus_once(tmp, n), "generated", n) for n in args.scale]
    corpora.append((pdfs, f"{len(list(pdfs.glob('*.pdf')))} PDFs", len(list(pdfs.glob("*.pdf")))))
    idle: dict[tuple[str, str, str], float] = {}
    measured: list[tuple[str, str, Row]] = []

    def rows_of(corpus: str, kind: str) -> list[Row]:
        return [row for c, k, row in measured if (c, k) == (corpus, kind)]

    def repeat_kept(row: Row, make: Any) -> Row:
        done = repeat(row, make)
        kind = "cold" if row.name.endswith("cold") else "warm"
        measured.append((row.corpus, kind, done))
        return done

    with RunningServer(tmp / "prefect-home") as server:
        running = {**PREFECT_ENV, "PREFECT_API_URL": server.api}
        variants = (
            ("run --no-prefect", ["--no-prefect"], {}),
            ("run (Prefect, temporary server)", [], PREFECT_ENV),
            ("run (Prefect, running server)", [], running),
        )
        for raw, corpus, n in corpora:
            for label, extra, env in variants:
                out = tmp / f"overhead-{corpus}-{len(extra)}-{len(env)}"
                command = pipeline(*extra, "-q", "--raw", str(raw), "--out", str(out))

                def cold(
                    out: Path = out, command: list[str] = command, env: dict[str, str] = env
                ) -> Measurement:
                    shutil.rmtree(out, ignore_errors=True)
                    return measure(command, env)

                made: dict[str, tuple[Row, float]] = {}
                for kind, make in (("cold", cold), ("warm", lambda c=command, e=env: measure(c, e))):
                    before = server.cpu()
                    row = repeat_kept(Row(f"{label}, {corpus} ({n}), {kind}", corpus, n), make)
                    # the running server's CPU during the row: what the run asked of it, or (for the
                    # other variants, which do not use it) what it spends idle in that time
                    served = (server.cpu() - before) / len(row.runs)
                    made[kind] = (row, served)
                    idle[(corpus, label, kind)] = served
                    row.note = f"server CPU {served * len(row.runs):.2f} s over {len(row.runs)} run(s)"
                    print(f"{'':58s} {row.note}", flush=True)
                    if "running" in label and (corpus, "run --no-prefect", kind) in idle:
                        base = next(r for r in rows_of(corpus, kind) if r.name.startswith("run --no-prefect"))
                        served_idle = idle[(corpus, "run --no-prefect", kind)]
                        added = (row.cpu + served - base.cpu - served_idle) / max(1e-9, base.cpu)
                        row.note += (
                            f"; Prefect adds {(row.cpu - base.cpu) / max(1e-9, base.cpu):+.1%} CPU (run), "
                            f"{added:+.1%} with the server's CPU over its idle CPU during --no-prefect"
                        )
                        print(f"{'':58s} {row.note}", flush=True)
                running_label = "running" in label
                (cold_row, cold_served), (warm_row, warm_served) = made["cold"], made["warm"]
                if not running_label:
                    cold_served = warm_served = 0.0  # the run did not use the running server
                ratio = (warm_row.cpu + warm_served) / max(1e-9, cold_row.cpu + cold_served)
                warm_row.note = f"{warm_row.note}; warm/cold CPU (server included) {ratio:.3f}".lstrip("; ")
                print(f"{'':58s} warm/cold CPU (server included) {ratio:.3f}", flush=True)
                shutil.rmtree(out, ignore_errors=True)


def generate_corpus_once(tmp: Path, n: int) -> Path:
    raw = tmp / f"generated-{n}"
    return raw if raw.is_dir() else generated_corpus(tmp, n)


def _stages(out: Path) -> str:
    try:
        run = json.loads((out / "run.json").read_text())
    except (OSError, ValueError):
        return ""
    return ", ".join(f"{t['stage']} {t['seconds']:.1f} s" for t in run.get("timings", []))


def _line(row: Row, rows: list[Row]) -> str:
    bare = next((r for r in rows if r.name.startswith("bare pdfplumber")), None)
    ratio = ""
    if bare is not None and row.corpus == bare.corpus:
        ratio = f"{row.wall / bare.wall:5.2f} {row.cpu / bare.cpu:5.2f}"
    per_doc = row.documents / row.wall if row.wall else 0.0
    load = statistics.median(m.load1 for m in row.runs)
    return (
        f"{row.name:58s} {row.wall:8.2f} {row.cpu:8.2f} {ratio:>11s} {row.peak_rss_mib:8.0f} "
        f"{row.runs[-1].processes:5d} {per_doc:7.1f} {load:5.1f}  {row.note}"
    )


def _row_json(row: Row, rows: list[Row]) -> dict[str, object]:
    bare = next((r for r in rows if r.name.startswith("bare pdfplumber")), None)
    same = bare is not None and row.corpus == bare.corpus
    return {
        "name": row.name,
        "corpus": row.corpus,
        "documents": row.documents,
        "wall": row.wall,
        "cpu": row.cpu,
        "peak_rss_mib": row.peak_rss_mib,
        "wall_vs_bare": round(row.wall / bare.wall, 3) if same and bare else None,
        "cpu_vs_bare": round(row.cpu / bare.cpu, 3) if same and bare else None,
        "note": row.note,
        "runs": [asdict(m) for m in row.runs],
    }


TYPED_VALUE_FIELDS = ("value_json", "value_number", "value_text", "value_year")  # added in claims.jsonl


def comparisons(out: Path) -> int:
    """What entity resolution compares for a run's claims (`pipeline.reconcile.entities.COMPARISONS`),
    as JSON on stdout: resolution run again here over `datasets/claims.jsonl`, with counting."""
    from collections import Counter

    sys.path.insert(0, str(ROOT))  # this checkout's pipeline, as `python -m pipeline` from ROOT runs
    from pipeline.datamodel.claims import Claim
    from pipeline.reconcile.entities import COMPARISONS, resolve

    claims = []
    with (out / "datasets" / "claims.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            data = json.loads(line)
            for name in TYPED_VALUE_FIELDS:
                data.pop(name, None)
            claims.append(Claim.model_validate(data))
    counts: Counter[str] = Counter()
    started = time.process_time()
    resolve(claims, counts)
    result = {name: counts[name] for name in COMPARISONS}
    print(json.dumps({**result, "claims": len(claims), "cpu": round(time.process_time() - started, 3)}))
    return 0


def _comparisons_note(out: Path) -> str:
    me = str(Path(__file__).resolve())
    done = subprocess.run(
        [sys.executable, me, "_comparisons", str(out)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        return ""
    c = json.loads(done.stdout)
    return (
        f"entity resolution: {c['names']} names, {c['near_exact_scored']} near-exact and "
        f"{c['suggest_scored']} suggestion cells scored, {c['suggest_rated']} pairs rated "
        f"(all same-country pairs: {c['all_pairs']}), {c['cpu']:.1f} s CPU"
    )


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_baseline":
        return baseline(sys.argv[2], Path(sys.argv[3]))
    if len(sys.argv) > 1 and sys.argv[1] == "_comparisons":
        return comparisons(Path(sys.argv[2]))
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--only", type=lambda s: s.split(","), default=list(ROWS), help=f"rows: {','.join(ROWS + OPTIONAL)}"
    )
    parser.add_argument("--quick", action="store_true", help=f"only {','.join(QUICK)}")
    parser.add_argument(
        "--skip-bare", action="store_true", help="no bare pdfplumber baseline (and no ratios against it)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per row (the median is reported)")
    parser.add_argument("--workers", type=lambda s: [int(x) for x in s.split(",")], default=[1, 2])
    parser.add_argument("--scale", type=lambda s: [int(x) for x in s.split(",")], default=[100, 1000])
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    if args.quick:
        args.only = list(QUICK)
    _become_subreaper()
    print(
        f"{'run':58s} {'wall s':>8s} {'CPU s':>8s} {'x bare w/c':>11s} {'peak MiB':>8s} "
        f"{'procs':>5s} {'docs/s':>7s} {'load':>5s}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        rows = run_rows(args, Path(tmp))
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    report = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "loadavg": load},
        "note": "wall depends on other load on the machine; CPU is user+system of the whole process tree",
        "rows": [_row_json(r, rows) for r in rows],
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwritten to {args.out} (load average {load})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
