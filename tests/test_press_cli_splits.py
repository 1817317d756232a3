"""`python -m pipeline evaluate --press` prints every written development split (one run of the
command for all of them; the held-out test split is printed as a summary only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

PRESS = Path(__file__).resolve().parent / "eval" / "press"


@pytest.fixture(scope="module")
def printed() -> str:
    result = CliRunner().invoke(app, ["evaluate", "--press", str(PRESS)])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())  # rich may fold a long title over two lines


@pytest.mark.parametrize(
    "title",
    [
        "press evaluation: dev3 (33 pages, 33 styles, 77 gold claims)",
        "press evaluation: dev4 (30 pages, 30 styles, 67 gold claims)",
        "press evaluation: dev5 (35 pages, 35 styles, 94 gold claims)",
        "press evaluation: dev6 (37 pages, 37 styles, 100 gold claims)",
        "press evaluation: dev7 (42 pages, 37 styles, 103 gold claims)",
        "press evaluation: dev8 (38 pages, 38 styles, 140 gold claims)",
        "press evaluation: dev9 (44 pages, 40 styles, 115 gold claims)",
        "press evaluation: dev10 (50 pages, 48 styles, 118 gold claims)",
        "press evaluation: dev11 (36 pages, 30 styles, 99 gold claims)",
        "press evaluation: dev12 (37 pages, 29 styles, 103 gold claims)",
        "press evaluation: dev13 (39 pages, 35 styles, 109 gold claims)",
        "press evaluation: dev14 (37 pages, 27 styles, 100 gold claims)",
        "press evaluation: dev15 (43 pages, 32 styles, 121 gold claims)",
        "press evaluation: dev16 (43 pages, 32 styles, 112 gold claims)",
        "press evaluation: dev17 (44 pages, 35 styles, 109 gold claims)",
        "press evaluation: dev18 (38 pages, 28 styles, 96 gold claims)",
        "press evaluation: dev19 (43 pages, 29 styles, 105 gold claims)",
        "press evaluation: dev20 (40 pages, 32 styles, 112 gold claims)",
        "press evaluation: dev21 (40 pages, 32 styles, 112 gold claims)",
        "press evaluation: dev22 (47 pages, 30 styles, 120 gold claims)",
        "press evaluation: dev23 (41 pages, 28 styles, 115 gold claims)",
        "press evaluation: dev24 (40 pages, 35 styles, 111 gold claims)",
        "press evaluation: dev25 (41 pages, 29 styles, 114 gold claims)",
        "press evaluation: dev26 (37 pages, 29 styles, 107 gold claims)",
        "press evaluation: dev27 (40 pages, 40 styles, 123 gold claims)",
        "press evaluation: dev28 (36 pages, 24 styles, 105 gold claims)",
        "press evaluation: dev29 (46 pages, 25 styles, 137 gold claims)",
        "press evaluation: dev30 (39 pages, 28 styles, 112 gold claims)",
        "press evaluation: dev31 (36 pages, 29 styles, 113 gold claims)",
        "press evaluation: dev32 (37 pages, 28 styles, 112 gold claims)",
        "press evaluation: dev33 (42 pages, 33 styles, 120 gold claims)",
        "press evaluation: dev34 (43 pages, 36 styles, 116 gold claims)",
        "press evaluation: dev35 (39 pages, 34 styles, 114 gold claims)",
        "press evaluation: dev36 (42 pages, 31 styles, 111 gold claims)",
        "press evaluation: dev37 (42 pages, 35 styles, 111 gold claims)",
        "press evaluation: dev38 (43 pages, 37 styles, 116 gold claims)",
        "press evaluation: dev39 (42 pages, 34 styles, 129 gold claims)",
        "press evaluation: dev40 (44 pages, 38 styles, 112 gold claims)",
        "press evaluation: dev41 (43 pages, 35 styles, 114 gold claims)",
        "press evaluation: dev42 (42 pages, 37 styles, 110 gold claims)",
        "press evaluation: dev43 (43 pages, 31 styles, 117 gold claims)",
        "press evaluation: dev44 (44 pages, 36 styles, 116 gold claims)",
    ],
    ids=["dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22", "dev23", "dev24", "dev25", "dev26", "dev27", "dev28", "dev29", "dev30", "dev31", "dev32", "dev33", "dev34", "dev35", "dev36", "dev37", "dev38", "dev39", "dev40", "dev41", "dev42", "dev43", "dev44"],
)
def test_evaluate_command_prints_the_split(printed: str, title: str) -> None:
    assert title in printed


def test_every_written_split_is_found_in_order() -> None:
    from pipeline.evaluation.press import present_splits

    assert present_splits(PRESS) == ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22", "dev23", "dev24", "dev25", "dev26", "dev27", "dev28", "dev29", "dev30", "dev31", "dev32", "dev33", "dev34", "dev35", "dev36", "dev37", "dev38", "dev39", "dev40", "dev41", "dev42", "dev43", "dev44", "constructions", "constructions2", "test")
