"""Records are strict: NaN and infinity are rejected, and every field is described in the schema."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from pipeline.datamodel.claims import Claim, Evidence
from pipeline.datamodel.records import (
    RECORD_MODELS,
    AgglomerationRow,
    ConflictValue,
    Maturity,
    MatchSuggestion,
    StageTiming,
)

EVIDENCE = Evidence(doc_id="d", uri="d.pdf", quote="score 0.5", method="factsheet.maturity")


def _claim(value: float) -> Claim:
    return Claim.create(
        subject_type="country",
        subject_name="Testland",
        attribute="maturity.total",
        value=value,
        evidence=EVIDENCE,
    )


BAD: dict[str, Callable[[], BaseModel]] = {
    "maturity total NaN": lambda: Maturity(total=math.nan),
    "maturity score +inf": lambda: Maturity(policy_scope=math.inf),
    "maturity max -inf": lambda: Maturity(max=-math.inf),
    "suggestion score NaN": lambda: MatchSuggestion(other_id="c", other_name="C", score=math.nan, reason="r"),
    "timing inf": lambda: StageTiming(stage="parse", seconds=math.inf),
    "conflict value NaN": lambda: ConflictValue(value=math.nan, evidence=[EVIDENCE]),
    "claim value inf": lambda: _claim(math.inf),
    "claim value NaN": lambda: _claim(math.nan),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_nan_and_infinity_are_rejected(name: str) -> None:
    with pytest.raises(ValidationError) as info:
        BAD[name]()
    # a union (a claim's value) reports each member; the float member says why
    assert "finite_number" in [e["type"] for e in info.value.errors()]


def test_finite_values_are_kept() -> None:
    assert Maturity(total=6.5, max=8.0).total == 6.5
    assert _claim(0.5).value == 0.5


def test_a_wrong_type_names_the_field() -> None:
    with pytest.raises(ValidationError) as info:
        AgglomerationRow(region="Brussels Region", count="10")  # type: ignore[arg-type]
    assert [e["loc"] for e in info.value.errors()] == [("count",)]


def _undescribed(schema: dict[str, Any]) -> list[str]:
    missing = []
    parts = [("", schema), *((f"{k}.", v) for k, v in schema.get("$defs", {}).items())]
    for prefix, part in parts:
        for field, spec in part.get("properties", {}).items():
            if not spec.get("description"):
                missing.append(prefix + field)
    return missing


@pytest.mark.parametrize("record_type", sorted(RECORD_MODELS))
def test_every_field_has_a_description_in_the_schema(record_type: str) -> None:
    assert _undescribed(RECORD_MODELS[record_type].model_json_schema()) == []
