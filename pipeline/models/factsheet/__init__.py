"""ECCP country-factsheet extraction: the policy table and the country figures."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.datamodel.claims import Claim
from pipeline.datamodel.document import Document
from pipeline.models.factsheet.figures import (
    agglomeration_claims,
    cluster_organisation_claims,
    maturity_claims,
)
from pipeline.models.factsheet.policy_table import StitchIssue, extract_policy_tables
from pipeline.models.regions import country_name


@dataclass(frozen=True)
class FactsheetResult:
    claims: list[Claim]
    issues: list[StitchIssue]
    policy_tables: int


def extract_factsheet(doc: Document, country: str | None) -> FactsheetResult:
    """Every table-borne fact of a factsheet; prose is left to the NLP extractor."""
    name = country_name(country) or (country or "unknown")
    policies = extract_policy_tables(doc, country)
    claims = [
        *policies.claims,
        *maturity_claims(doc, country, name),
        *cluster_organisation_claims(doc, country, name),
        *agglomeration_claims(doc, country, name),
    ]
    return FactsheetResult(claims=claims, issues=policies.issues, policy_tables=policies.tables)
