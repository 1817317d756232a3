"""The scheduled deployment, for real: a local `prefect server start` on 127.0.0.1, the
`serve` command registering the cron deployment, one triggered run that completes with
every task, writes the output, logs at INFO and leaves its artifacts in the API.

One Prefect server for the whole module (it costs seconds to start); stopped at teardown.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from tests.conftest import RAW, ROOT

pytestmark = pytest.mark.slow
FLOW, DEPLOYMENT = "cluster-policy-run", "scheduled-ingestion"
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


def _wait_for(check, what: str, timeout: float = 240.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    home = tmp_path_factory.mktemp("prefect-home")
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_API_URL=api,
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        PREFECT_SERVER_LOGGING_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    prefect = Path(sys.executable).with_name("prefect")
    log = (home / "server.log").open("wb")
    proc = subprocess.Popen(
        [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )

    def healthy() -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"prefect server exited: {(home / 'server.log').read_text()[-2000:]}")
        try:
            return httpx.get(f"{api}/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        _wait_for(healthy, "the Prefect server")
        yield api, env
    finally:
        _stop(proc)
        log.close()


@pytest.fixture(scope="module")
def deployed_run(
    server: tuple[str, dict[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, object]]:
    """`python -m pipeline serve` with RELATIVE paths from another working directory, then one
    run of its deployment triggered through the API and waited for."""
    api, env = server
    work = tmp_path_factory.mktemp("work")
    shutil.copytree(RAW / "press", work / "raw" / "press")
    shutil.copy(RAW / "factsheets" / "eccp-factsheet-be-2023-reportlab.pdf", work / "raw" / "be.pdf")
    log = (work / "serve.log").open("wb")
    serve = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "serve", "--raw", "raw", "--out", "out", "--cron", "0 6 * * 1"],
        cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    client = httpx.Client(base_url=api, timeout=30)

    def deployment() -> dict | None:
        if serve.poll() is not None:
            raise AssertionError(f"serve exited: {(work / 'serve.log').read_text()[-3000:]}")
        response = client.get(f"/deployments/name/{FLOW}/{DEPLOYMENT}")
        return response.json() if response.status_code == 200 else None

    try:
        found = _wait_for(deployment, "the served deployment")

        def created() -> dict | None:
            # a busy server (its SQLite database locked under load) answers 503: ask again
            response = client.post(f"/deployments/{found['id']}/create_flow_run", json={})
            if response.status_code >= 500:
                return None
            assert response.status_code == 201, response.text
            return response.json()

        run = _wait_for(created, "a flow run of the deployment", timeout=120)

        def finished() -> dict | None:
            response = client.get(f"/flow_runs/{run['id']}")
            if response.status_code >= 500:
                return None
            state = response.json()
            return state if state["state_type"] in TERMINAL else None

        final = _wait_for(finished, "the deployment run", timeout=400)
        yield {"client": client, "deployment": found, "run": final, "work": work}
    finally:
        _stop(serve)
        log.close()
        client.close()


def _filter(client: httpx.Client, kind: str, run_id: str) -> list[dict]:
    key = {"task_runs": "flow_runs", "logs": "logs", "artifacts": "artifacts"}[kind]
    body = (
        {"flow_runs": {"id": {"any_": [run_id]}}}
        if key == "flow_runs"
        else {key: {"flow_run_id": {"any_": [run_id]}}}
    )

    def answered() -> list[dict] | None:
        response = client.post(f"/{kind}/filter", json=body)
        return None if response.status_code >= 500 else response.json()  # 503: the server is busy

    return _wait_for(answered, f"the {kind} of the run", timeout=120)


def test_deployment_stores_absolute_paths_a_cron_schedule_and_a_limit_of_one(
    deployed_run: dict[str, object],
) -> None:
    deployment = deployed_run["deployment"]
    work = deployed_run["work"]
    assert isinstance(deployment, dict) and isinstance(work, Path)
    params = deployment["parameters"]
    assert (params["raw_dir"], params["out_dir"]) == (str(work / "raw"), str(work / "out"))
    assert [s["schedule"]["cron"] for s in deployment["schedules"]] == ["0 6 * * 1"]
    assert deployment["global_concurrency_limit"]["limit"] == 1
    assert deployment["entrypoint"] == "pipeline.flows.run_flow"


def test_deployment_run_completes_every_task_and_writes_the_output(deployed_run: dict[str, object]) -> None:
    run, client, work = deployed_run["run"], deployed_run["client"], deployed_run["work"]
    assert isinstance(run, dict) and isinstance(client, httpx.Client) and isinstance(work, Path)
    assert run["state_type"] == "COMPLETED", run["state"]
    tasks = _filter(client, "task_runs", run["id"])
    names = sorted(t["name"] for t in tasks)
    docs = ["be.pdf", *sorted(f"press/{p.name}" for p in (RAW / "press").glob("*.html"))]
    batch = f"process {docs[0]} … {docs[-1]} (3 documents)"  # one batch; files: no load task
    assert names == sorted(["artifacts", "gazetteer second pass", "publish", "reconcile", batch])
    assert {t["state_type"] for t in tasks} == {"COMPLETED"}
    out = work / "out"
    summary = json.loads((out / "run.json").read_text())
    assert (summary["documents_seen"], summary["documents_quarantined"]) == (3, 0)
    assert sorted(p.name for p in (out / "documents").glob("*.json")) and (out / "manifest.json").is_file()
    assert (out / "datasets" / "claims.parquet").is_file()


def test_deployment_run_logs_at_info_through_prefect(deployed_run: dict[str, object]) -> None:
    run, client = deployed_run["run"], deployed_run["client"]
    assert isinstance(run, dict) and isinstance(client, httpx.Client)

    def shipped() -> list[tuple[int, str]] | None:  # logs reach the API in batches, after the run
        found = [(log["level"], log["message"]) for log in _filter(client, "logs", run["id"])]
        return found if any(msg.startswith("published ") for _, msg in found) else None

    messages = _wait_for(shipped, "the run's logs", timeout=60)
    assert (20, "3 document(s) in " + str(deployed_run["work"] / "raw")) in messages
    assert any(level == 20 and msg.startswith("be.pdf: ok, ") for level, msg in messages)
    assert any(level == 20 and msg.startswith("published ") for level, msg in messages)


def test_deployment_run_artifacts_are_readable_through_the_api(deployed_run: dict[str, object]) -> None:
    run, client, work = deployed_run["run"], deployed_run["client"], deployed_run["work"]
    assert isinstance(run, dict) and isinstance(client, httpx.Client) and isinstance(work, Path)
    artifacts = {a["key"]: a for a in _filter(client, "artifacts", run["id"])}
    assert sorted(artifacts) == ["cluster-policy-report", "cluster-policy-run-summary"]
    summary = artifacts["cluster-policy-run-summary"]
    assert summary["type"] == "markdown"
    conflicts = json.loads((work / "out" / "run.json").read_text())["conflicts_open"]
    assert f"## Open conflicts ({conflicts})" in summary["data"]
    assert "| documents seen | 3 |" in summary["data"]
    link = artifacts["cluster-policy-report"]  # Prefect 3 stores a link artifact as markdown
    assert link["data"] == f"[review report]({(work / 'out' / 'report.html').as_uri()})"


def test_prefect_yaml_deployment_validates_against_the_flow() -> None:
    """The shipped prefect.yaml: its entrypoint is the run flow, its parameters validate
    (plain values, absolute paths once `{{ $PWD }}` is filled in at deploy time), one run at a time."""
    from prefect.client.schemas.schedules import CronSchedule
    from prefect.utilities.templating import apply_values

    from pipeline.flows import run_flow

    config = apply_values(yaml.safe_load((ROOT / "prefect.yaml").read_text()), {"PWD": str(ROOT)})
    (deployment,) = config["deployments"]
    assert deployment["entrypoint"] == "pipeline/flows.py:run_flow"
    assert deployment["concurrency_limit"] == 1
    params = deployment["parameters"]
    validated = run_flow.validate_parameters(params)
    assert {k: validated[k] for k in params} == params
    assert (Path(params["raw_dir"]), Path(params["out_dir"])) == (ROOT / "raw", ROOT / "extracted")
    assert [CronSchedule(cron=s["cron"]).cron for s in deployment["schedules"]] == ["0 6 * * 1"]
