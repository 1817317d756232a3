"""Run history (runs/<run_id>.json) and the "since the last run" diff."""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pipeline.api import run_pipeline
from pipeline.publish.history import (
    ClaimPrint,
    ConflictPrint,
    DocumentChanges,
    RunRecord,
    baseline,
    claim_changes,
    conflict_changes,
    load_history,
    new_run_id,
)
from tests.conftest import RAW


def cp(
    subject: str, attribute: str, value: object, doc: str = "d1", qualifier: str | None = None
) -> ClaimPrint:
    return ClaimPrint(
        subject_id=f"policy-{subject}",
        subject_type="policy",
        subject_name=subject.title(),
        attribute=attribute,
        doc_id=doc,
        uri=f"{doc}.html",
        qualifier=qualifier,
        value=json.dumps(value),
    )


def conflict(cid: str, status: str, values: list[int]) -> ConflictPrint:
    return ConflictPrint(
        id=cid,
        subject_id="s",
        subject_name="S",
        attribute="starting_year",
        status=status,
        values=[str(v) for v in values],
    )


def record(run_id: str, state: str) -> RunRecord:
    return RunRecord(
        run_id=run_id,
        started_at="",
        finished_at="",
        tool_version="0",
        state=state,
        inputs=[],
        documents=DocumentChanges(),
        claims=[],
        conflicts=[],
    )


def test_run_ids_are_unique_and_time_ordered() -> None:
    t = datetime(2026, 11, 26, 23, 59, 59, 999000, tzinfo=UTC)
    ids = [new_run_id(t, "ffffff"), new_run_id(t + timedelta(milliseconds=1), "000000")]
    assert ids == sorted(ids)
    assert ids[1] == "20261127T000000000Z-000000"
    assert new_run_id(t, "aaaaaa") != new_run_id(t, "bbbbbb")


def test_one_value_replaced_is_a_change_and_the_rest_added_or_removed() -> None:
    before = [cp("lci", "starting_year", 2002), cp("lci", "name", "LCI"), cp("wood", "created_year", 2016)]
    after = [
        cp("lci", "starting_year", 2003),
        cp("lci", "name", "LCI"),
        cp("lci", "ending_year", 2020),
        cp("wood", "created_year", 2016, doc="d2"),
    ]
    (lci, wood) = claim_changes(before, after)
    assert [(c.before.value, c.after.value) for c in lci.changed] == [("2002", "2003")]
    assert [(c.attribute, c.value) for c in lci.added] == [("ending_year", "2020")]
    assert lci.removed == []
    # the same value from another document is another fact: one added, one removed, not a change
    assert [(c.doc_id, c.value) for c in wood.added] == [("d2", "2016")]
    assert [(c.doc_id, c.value) for c in wood.removed] == [("d1", "2016")]
    assert wood.changed == []


def test_two_values_in_one_slot_are_not_paired_as_a_change() -> None:
    before = [cp("x", "mentioned", "A"), cp("x", "mentioned", "B")]
    after = [cp("x", "mentioned", "C")]
    (x,) = claim_changes(before, after)
    assert (len(x.added), len(x.removed), len(x.changed)) == (1, 2, 0)


def test_conflicts_opened_resolved_reopened_changed_and_gone() -> None:
    before = [
        conflict("c-resolve", "open", [1, 2]),
        conflict("c-reopen", "resolved", [1, 2]),
        conflict("c-values", "open", [1, 2]),
        conflict("c-gone", "open", [1, 2]),
        conflict("c-same", "open", [1, 2]),
    ]
    after = [
        conflict("c-new", "open", [3, 4]),
        conflict("c-resolve", "resolved", [1, 2]),
        conflict("c-reopen", "open", [1, 2, 5]),
        conflict("c-values", "open", [1, 2, 6]),
        conflict("c-same", "open", [1, 2]),
    ]
    assert [(c.id, c.change) for c in conflict_changes(before, after)] == [
        ("c-new", "opened"),
        ("c-reopen", "reopened"),
        ("c-values", "values changed"),
        ("c-resolve", "resolved"),
        ("c-gone", "gone"),
    ]


def test_baseline_skips_reruns_of_the_same_state() -> None:
    history = [record("1", "A"), record("2", "B"), record("3", "B")]
    base = baseline(history, "B")
    assert base is not None and base.run_id == "1"
    assert baseline(history, "C").run_id == "3"  # type: ignore[union-attr]
    assert baseline([record("1", "A")], "A") is None


def test_unreadable_history_file_is_named_not_fatal(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    runs.mkdir()
    (runs / "20260101T000000000Z-aaaaaa.json").write_text("{broken")
    (runs / "20260102T000000000Z-bbbbbb.json").write_text(
        record("20260102T000000000Z-bbbbbb", "A").model_dump_json()
    )
    history = load_history(tmp_path)
    assert [r.run_id for r in history.runs] == ["20260102T000000000Z-bbbbbb"]
    (problem,) = history.problems
    assert problem.startswith("run history runs/20260101T000000000Z-aaaaaa.json is unreadable")


def _since(report: str) -> str:
    section = report[report.index('<section id="since"') :]
    return section[: section.index("</section>")]


@pytest.mark.slow
def test_two_runs_with_one_document_changed(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW / "press", raw / "press")
    out = tmp_path / "out"
    first = run_pipeline(raw, out)
    assert "No earlier output to compare with" in _since((out / "report.html").read_text("utf-8"))

    page = raw / "press" / "luxembourg-lu-creative-industries-cluster.html"
    html = page.read_text("utf-8")
    assert html.count("Luxembourg Cluster Initiative was launched in 2002") == 1
    page.write_text(
        html.replace("Initiative was launched in 2002", "Initiative was launched in 2003"), "utf-8"
    )
    second = run_pipeline(raw, out)

    runs = sorted(p.stem for p in (out / "runs").glob("*.json"))
    assert runs == sorted([first.id, second.id]) and first.id < second.id
    latest = RunRecord.model_validate_json((out / "runs" / f"{second.id}.json").read_bytes())
    assert latest.documents.changed == ["press/luxembourg-lu-creative-industries-cluster.html"]
    assert latest.documents.unchanged == ["press/luxinnovation-news-cluster-initiative.html"]
    assert {i.uri for i in latest.inputs} == set(latest.documents.changed + latest.documents.unchanged)

    since = _since((out / "report.html").read_text("utf-8"))
    assert f"run <code>{first.id}</code>" in since
    changes = re.findall(r'<li class="change">(.*?)</li>', since, re.S)
    assert len(changes) == 1
    (line,) = changes
    assert "<code>starting_year</code>" in line and "2002</span> → <strong>2003</strong>" in line
    assert "press/luxembourg-lu-creative-industries-cluster.html" in line
    assert re.search(r'badge warn">changed</span> <span class="uri">press/luxembourg-lu', since)
    assert "Luxembourg Cluster Initiative" in since


@pytest.mark.slow
def test_rerun_on_same_inputs_keeps_the_report_and_adds_a_run(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW / "press", raw / "press")
    out = tmp_path / "out"
    run_pipeline(raw, out)
    report = (out / "report.html").read_bytes()
    run_pipeline(raw, out)
    assert (out / "report.html").read_bytes() == report
    assert len(list((out / "runs").glob("*.json"))) == 2
    assert len(load_history(out).runs) == 2
