"""Golden outputs of the extractors, per sample document (regenerate: pytest --update-golden).

- `<document>.claims.json`: every claim of the document (subject, attribute, value,
  qualifier, page, quote, method), in extraction order.
- `factsheet-<cc>-<year>.records.json`: the policy and country records built from ONE
  factsheet alone, without provenance. Both PDF producers must match the same file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.datamodel.claims import NotAvailable
from pipeline.reconcile.records import reconcile
from tests.conftest import SAMPLE_URIS, sample_result

GOLDEN = Path(__file__).resolve().parent / "golden"
FACTSHEETS = [u for u in SAMPLE_URIS if u.startswith("factsheets/")]


def _value(v: object) -> object:
    return v.model_dump() if isinstance(v, NotAvailable) else v


def _compare(path: Path, actual: object, update: bool) -> None:
    text = json.dumps(actual, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    assert path.exists(), f"no golden file {path.name}: run pytest --update-golden and review the diff"
    assert json.loads(path.read_text("utf-8")) == json.loads(text)


@pytest.mark.parametrize("uri", SAMPLE_URIS)
def test_claims_match_golden(uri: str, update_golden: bool) -> None:
    result = sample_result(uri)
    assert result.status.value == "ok"
    actual = [
        {
            "subject": c.subject_name,
            "type": c.subject_type,
            "attribute": c.attribute,
            "value": _value(c.value),
            "qualifier": c.qualifier,
            "page": c.evidence.page,
            "quote": c.evidence.quote,
            "method": c.evidence.method,
        }
        for c in result.claims
    ]
    _compare(GOLDEN / (Path(uri).stem + ".claims.json"), actual, update_golden)


def _records_without_provenance(uri: str) -> dict[str, object]:
    reconciled = reconcile(sample_result(uri).claims)
    policies = [p.model_dump(mode="json", exclude={"evidence", "sources"}) for p in reconciled.policies]
    countries = [c.model_dump(mode="json", exclude={"evidence", "sources"}) for c in reconciled.countries]
    return {"policies": policies, "countries": countries}


@pytest.mark.parametrize("uri", FACTSHEETS)
def test_factsheet_records_match_golden_for_every_producer(uri: str, update_golden: bool) -> None:
    family = Path(uri).stem.rsplit("-", 1)[0]  # eccp-factsheet-lu-2022-reportlab -> ...-lu-2022
    actual = _records_without_provenance(uri)
    golden = GOLDEN / f"{family}.records.json"
    if update_golden and not uri.endswith("reportlab.pdf"):
        # only one producer writes the shared file; the others must match it
        update_golden = False
    _compare(golden, actual, update_golden)
