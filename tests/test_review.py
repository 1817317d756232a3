"""Reviewer decisions: entries read one by one, checked against the run's conflicts, the decide command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.datamodel.claims import Evidence
from pipeline.datamodel.records import ConflictRecord, ConflictValue
from pipeline.publish.writer import to_json
from pipeline.reconcile.conflicts import Decision, DecisionsError
from pipeline.reconcile.records import reconcile
from pipeline.reconcile.review import (
    ReviewError,
    append_decision,
    check_against_conflicts,
    make_decision,
    read_decisions,
)
from tests.test_reconcile import claim

EV = Evidence(doc_id="d", uri="a.pdf", page=1, quote="q", method="m")
CONFLICT = ConflictRecord(
    id="conflict-lci",
    subject_type="policy",
    subject_id="policy-lci",
    subject_name="Luxembourg Cluster Initiative",
    attribute="starting_year",
    kind="cross_source",
    values=[
        ConflictValue(value="2000/2003", evidence=[EV]),
        ConflictValue(value=2001, evidence=[EV]),
        ConflictValue(value=2002, evidence=[EV]),
    ],
    explanation="x",
)


def decision(**update: object) -> Decision:
    base = Decision(
        conflict_id="conflict-lci",
        value=2002,
        decided_by="ana",
        reason="factsheet table",
        decided_at="2026-11-26",
        values_seen=["2000/2003", 2001, 2002],
    )
    return base.model_copy(update=update)


def test_malformed_entries_are_warnings_and_the_valid_ones_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "decisions.json"
    good = decision().model_dump(mode="json")
    path.write_text(json.dumps([good, {"conflict_id": "conflict-x", "value": 1}, "not an object"]))
    read = read_decisions(path)
    assert read.decisions == [decision()]
    assert read.warnings == [
        "decisions.json: entry 2 (conflict-x) is malformed (field required at decided_by); not applied",
        "decisions.json: entry 3 is malformed (input should be an object); not applied",
    ]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("{not json", "decisions.json: not a valid decisions file: Invalid JSON ("),
        ('{"conflict_id": "c"}', "decisions.json: not a valid decisions file: it must be a JSON list"),
    ],
)
def test_a_file_that_is_not_a_json_list_is_an_error_naming_it(tmp_path: Path, text: str, error: str) -> None:
    path = tmp_path / "decisions.json"
    path.write_text(text)
    with pytest.raises(DecisionsError) as raised:
        read_decisions(path)
    assert str(raised.value).startswith(f"{tmp_path}/{error}")


def test_no_decisions_file_is_no_warning(tmp_path: Path) -> None:
    assert read_decisions(tmp_path / "absent.json").warnings == []


def test_unknown_conflict_and_foreign_value_are_warnings_and_not_applied() -> None:
    checked = check_against_conflicts(
        [CONFLICT], [decision(conflict_id="conflict-nope"), decision(value=2003), decision(value=2001.0)]
    )
    assert checked.valid == [decision(value=2001.0)]
    assert checked.warnings == [
        "decision by ana names unknown conflict conflict-nope; not applied",
        "decision by ana for conflict conflict-lci (Luxembourg Cluster Initiative, starting_year) chooses "
        "'2003', not one of its values (2000/2003, 2001, 2002); not applied",
    ]


def test_a_conflict_decided_twice_is_a_warning() -> None:
    checked = check_against_conflicts([CONFLICT], [decision(), decision(value=2001)])
    assert len(checked.valid) == 2
    assert checked.warnings == ["conflict conflict-lci is decided 2 times; the last decision counts"]


def test_reconcile_reports_a_decision_with_a_wrong_id() -> None:
    claims = [claim("Wood", "created_year", 2016, doc="a"), claim("Wood", "created_year", 2015, doc="b")]
    (found,) = reconcile(claims).conflicts
    wrong = Decision(
        conflict_id="conflict-0000", value=2016, decided_by="ana", reason="r", values_seen=[2015, 2016]
    )
    right = wrong.model_copy(update={"conflict_id": found.id})
    result = reconcile(claims, [wrong, right])
    assert [c.status for c in result.conflicts] == ["resolved"]
    assert result.warnings == ["decision by ana names unknown conflict conflict-0000; not applied"]


@pytest.mark.parametrize(("typed", "value"), [("2002", 2002), ("2000/2003", "2000/2003"), (" 2001 ", 2001)])
def test_make_decision_takes_the_value_as_shown(typed: str, value: object) -> None:
    made = make_decision(CONFLICT, typed, "why", "ana", "2026-11-26")
    assert (made.value, made.values_seen) == (value, ["2000/2003", 2001, 2002])


def test_make_decision_refuses_a_value_not_among_the_candidates() -> None:
    with pytest.raises(ReviewError, match="'2003' is not one of the values of conflict conflict-lci"):
        make_decision(CONFLICT, "2003", "why", "ana", "2026-11-26")


def test_append_decision_replaces_an_earlier_one_on_the_same_conflict(tmp_path: Path) -> None:
    path = tmp_path / "decisions.json"
    other = decision(conflict_id="conflict-other").model_dump(mode="json")
    path.write_text(json.dumps([other, decision(value=2001).model_dump(mode="json")]))
    assert append_decision(path, decision()) == 1
    entries = json.loads(path.read_text())
    assert [(e["conflict_id"], e["value"]) for e in entries] == [
        ("conflict-other", 2002),
        ("conflict-lci", 2002),
    ]


def _out_with_conflict(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    (out / "conflicts").mkdir(parents=True)
    (out / "conflicts" / "conflict-lci.json").write_text(to_json(CONFLICT))
    return out


def test_decide_command_appends_a_decision_the_next_run_accepts(tmp_path: Path) -> None:
    out = _out_with_conflict(tmp_path)
    path = tmp_path / "raw" / "decisions.json"
    result = CliRunner().invoke(
        app,
        [
            "decide",
            "conflict-lci",
            "2002",
            "--reason",
            "three sources",
            "--by",
            "ana",
            "--out",
            str(out),
            "--raw",
            str(tmp_path / "raw"),
        ],
    )
    assert result.exit_code == 0, result.output
    read = read_decisions(path)
    assert read.warnings == []
    (made,) = read.decisions
    assert (made.conflict_id, made.value, made.decided_by, made.reason) == (
        "conflict-lci",
        2002,
        "ana",
        "three sources",
    )
    assert check_against_conflicts([CONFLICT], read.decisions).warnings == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["conflict-nope", "2002"], "unknown conflict 'conflict-nope'"),
        (["conflict-lci", "1999"], "'1999' is not one of the values of conflict conflict-lci"),
    ],
)
def test_decide_command_refuses_unknown_conflicts_and_values(
    tmp_path: Path, args: list[str], message: str
) -> None:
    out = _out_with_conflict(tmp_path)
    path = tmp_path / "decisions.json"
    result = CliRunner().invoke(
        app, ["decide", *args, "--reason", "r", "--by", "b", "--out", str(out), "--decisions", str(path)]
    )
    assert result.exit_code == 2
    assert message in result.output
    assert not path.exists()
