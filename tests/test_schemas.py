"""`schemas/` must be exactly what the models generate (regenerate: python -m pipeline export-schemas)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.publish.schemas import schema_texts

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@pytest.mark.parametrize("name", sorted(schema_texts()))
def test_schema_file_matches_model(name: str) -> None:
    path = SCHEMAS / name
    assert path.exists(), f"{name} missing: run `python -m pipeline export-schemas`"
    assert path.read_text("utf-8") == schema_texts()[name], f"{name} drifted from its model"


def test_no_stale_schema_files() -> None:
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(schema_texts())
