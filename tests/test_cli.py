"""Every command has help; library errors become clean exits."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)  # type: ignore[union-attr]


def test_all_commands_listed() -> None:
    assert COMMANDS == ["build-corpus", "decide", "evaluate", "export-schemas", "run", "serve"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_run_on_missing_folder_is_a_clean_error(tmp_path) -> None:
    result = runner.invoke(
        app, ["run", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "out"), "--no-prefect"]
    )
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_evaluate_without_run_is_a_clean_error(tmp_path) -> None:
    result = runner.invoke(app, ["evaluate", "--extracted", str(tmp_path), "--gold", "tests/gold"])
    assert result.exit_code == 2
    assert "missing folder" in result.output


def test_run_without_prefect_writes_the_contract(tmp_path) -> None:
    import shutil

    from tests.conftest import RAW

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "press" / "luxembourg-lu-creative-industries-cluster.html", raw / "page.html")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", "--raw", str(raw), "--out", str(out), "--no-prefect"])
    assert result.exit_code == 0, result.output
    assert "documents seen" in result.output
    for name in ("documents", "clusters", "datasets", "report.html", "run.json"):
        assert (out / name).exists(), name
