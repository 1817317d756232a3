"""Every command has help; library errors become clean exits."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)  # type: ignore[union-attr]


def test_all_commands_listed() -> None:
    assert COMMANDS == ["build-corpus", "decide", "evaluate", "export-schemas", "run", "serve", "train-binder"]


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


# ---------------------------------------------------------------- exit codes and clean errors

import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from pipeline.cli import ExitCode  # noqa: E402
from tests.conftest import RAW, ROOT  # noqa: E402

PAGE = RAW / "press" / "luxembourg-lu-creative-industries-cluster.html"


def test_version() -> None:
    import pipeline

    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.output) == (0, f"cluster-policy-pipeline {pipeline.__version__}\n")


def _user_error_case(tmp_path: Path, case: str) -> list[str]:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(PAGE, raw / "page.html")
    out = ["--out", str(tmp_path / "out")]
    if case == "missing raw":
        return ["--raw", str(tmp_path / "nope"), *out]
    if case == "empty raw":
        (raw / "page.html").unlink()
        return ["--raw", str(raw), *out]
    if case == "unwritable out":
        (tmp_path / "file").write_text("x")
        return ["--raw", str(raw), "--out", str(tmp_path / "file" / "out")]
    if case == "missing decisions":
        return ["--raw", str(raw), *out, "--decisions", str(tmp_path / "none.json")]
    if case == "decisions is a folder":
        (raw / "decisions.json").mkdir()
        return ["--raw", str(raw), *out]
    if case == "malformed decisions":
        (raw / "decisions.json").write_text('{"conflict_id": 3}')  # not a list (a bad entry in a list is a warning)
        return ["--raw", str(raw), *out]
    if case == "bad option value":
        return ["--raw", str(raw), *out, "--max-shrink", "2"]
    raise AssertionError(case)


@pytest.mark.parametrize(
    ("case", "code", "message"),
    [
        ("missing raw", ExitCode.USAGE, "does not exist"),
        ("empty raw", ExitCode.PUBLISH_REFUSED, "no documents found"),
        ("unwritable out", ExitCode.USAGE, "is not a folder"),
        ("missing decisions", ExitCode.USAGE, "decisions file not found"),
        ("decisions is a folder", ExitCode.USAGE, "is a directory, not a decisions file"),
        ("malformed decisions", ExitCode.USAGE, "not a valid decisions file"),
        ("bad option value", ExitCode.USAGE, "max-shrink"),
    ],
)
def test_user_errors_are_one_line_with_their_exit_code(
    tmp_path: Path, case: str, code: int, message: str
) -> None:
    result = runner.invoke(app, ["run", *_user_error_case(tmp_path, case), "--no-prefect"])
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    if case != "bad option value":  # click draws its usage box for bad options
        assert result.output.count("\n") == 1 and result.output.startswith("error: ")
    assert not (tmp_path / "out").exists()


def test_quarantined_documents_give_their_own_exit_code(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(PAGE, raw / "page.html")
    (raw / "broken.pdf").write_bytes(b"not a pdf at all")
    result = runner.invoke(app, ["run", "--raw", str(raw), "--out", str(tmp_path / "out"), "--no-prefect"])
    assert result.exit_code == ExitCode.QUARANTINED == 3
    assert "[2/2] page.html: ok" in result.output  # plain progress lines when not on a terminal
    assert "broken.pdf: quarantined (not_pdf)" in result.output
    assert "1 document(s) quarantined" in result.output


@pytest.mark.parametrize(
    ("raw", "uris"),
    [
        (str(PAGE), ["luxembourg-lu-creative-industries-cluster.html"]),
        (str(RAW / "press" / "*.html"), sorted(p.name for p in (RAW / "press").glob("*.html"))),
        (str(RAW / "**" / "luxembourg-lu-*.html"), ["press/luxembourg-lu-creative-industries-cluster.html"]),
    ],
    ids=["file", "glob", "recursive-glob"],
)
def test_run_accepts_a_file_or_a_glob(tmp_path: Path, raw: str, uris: list[str]) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", "--raw", raw, "--out", str(out), "--no-prefect", "-q"])
    assert result.exit_code == 0, result.output
    assert result.output == ""  # -q: nothing but errors
    docs = [json.loads(line)["uri"] for line in (out / "datasets" / "documents.jsonl").read_text().splitlines()]
    assert docs == uris


def test_a_glob_matching_no_document_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["run", "--raw", str(RAW / "*.nothing"), "--out", str(tmp_path / "out"), "--no-prefect"]
    )
    assert result.exit_code == ExitCode.PUBLISH_REFUSED
    assert "no documents found" in result.output


def test_a_refusal_inside_the_prefect_flow_is_one_line(tmp_path: Path) -> None:
    """Under Prefect the shrink check runs in the publish task: still one line, its own code."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(PAGE, raw / "a.html")
    shutil.copy(RAW / "press" / "luxinnovation-news-cluster-initiative.html", raw / "b.html")
    out = tmp_path / "out"
    from pipeline.api import run_pipeline

    run_pipeline(raw, out)
    (raw / "b.html").unlink()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--out", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == ExitCode.PUBLISH_REFUSED, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines[:2] == ["1 document(s) to process", "[1/1] a.html: ok, 10 claims, cached"], done.stderr
    assert len(lines) == 3 and lines[2].startswith("error: refusing to publish over "), done.stderr
    assert "claims 40 → 10 drops more than 50%" in lines[2]


def test_the_working_directory_is_never_an_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", "--raw", str(PAGE), "--out", ".", "--no-prefect"])
    assert result.exit_code == ExitCode.USAGE
    assert "holds the working directory" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


def test_a_parser_that_is_not_installed_stops_the_run_before_any_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLUSTERPIPE_NLP_PARSER", "no_such_spacy_pipeline")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", "--raw", "raw", "--out", str(out), "--no-prefect"])
    assert result.exit_code == 2
    assert "CLUSTERPIPE_NLP_PARSER='no_such_spacy_pipeline': no installed spaCy pipeline" in result.output
    assert not out.exists()
