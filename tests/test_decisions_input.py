"""A bad decisions file is a one-line error before any document is read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.api import run_pipeline
from pipeline.cli import app
from pipeline.reconcile.conflicts import DecisionsError
from pipeline.stages.decisions_input import check_decisions
from tests.conftest import RAW

runner = CliRunner()
GOOD = [
    {
        "conflict_id": "conflict-0123456789abcdef",
        "value": 2002,
        "decided_by": "analyst@example.org",
        "reason": "the later source corrects the earlier one",
        "values_seen": [2001, 2002],
    }
]


def _make(kind: str, folder: Path) -> Path:
    path = folder / "decisions.json"
    if kind == "directory":
        path.mkdir()
    elif kind == "not_json":
        path.write_text("[{'conflict_id': 'single quotes'")
    elif kind == "wrong_shape":
        path.write_text(json.dumps({"conflict_id": "not a list"}))
    elif kind == "missing_field":
        path.write_text(json.dumps([{k: v for k, v in GOOD[0].items() if k != "reason"}]))
    return path


BAD = {
    "missing": "decisions file not found",
    "directory": "is a directory",
    "not_json": "Invalid JSON",
    "wrong_shape": "not a valid decisions file",
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_decisions_are_a_one_line_error_naming_the_file(tmp_path: Path, kind: str) -> None:
    path = _make(kind, tmp_path)
    with pytest.raises(DecisionsError) as info:
        check_decisions(path, explicit=True)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and BAD[kind] in message
    assert "\n" not in message


def test_the_default_location_may_be_absent_and_good_files_load(tmp_path: Path) -> None:
    assert check_decisions(tmp_path / "decisions.json", explicit=False) == []
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps(GOOD))
    assert [d.value for d in check_decisions(path, explicit=True)] == [2002]


@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(RAW / "press" / "luxembourg-lu-creative-industries-cluster.html", folder / "page.html")
    return folder


@pytest.mark.parametrize("kind", sorted(BAD))
@pytest.mark.parametrize("prefect", [False, True], ids=["no-prefect", "prefect"])
def test_the_command_fails_before_extraction(tmp_path: Path, raw: Path, kind: str, prefect: bool) -> None:
    decisions = _make(kind, tmp_path)
    out = tmp_path / "out"
    args = ["run", "--raw", str(raw), "--out", str(out), "--decisions", str(decisions)]
    result = runner.invoke(app, args + (["--no-prefect"] if not prefect else []))
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and BAD[kind] in lines[0].replace("\n", "")
    assert not out.exists()  # nothing was extracted or published


def test_a_bad_default_decisions_file_stops_the_library_run_first(raw: Path, tmp_path: Path) -> None:
    _make("directory", raw)
    with pytest.raises(DecisionsError, match="is a directory"):
        run_pipeline(raw, tmp_path / "out", raw / "decisions.json")
    assert not (tmp_path / "out").exists()


def test_a_malformed_entry_is_not_an_error_before_the_run(tmp_path: Path) -> None:
    path = _make("missing_field", tmp_path)
    assert check_decisions(path, explicit=True) == []  # reported as a warning by the run
