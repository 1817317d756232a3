"""ECCP country-factsheet extraction: the policy table and the country figures.

Degrade, never drop: every extractor (the policy table, each of its fields, each maturity
row, the cluster-organisation counts, each agglomeration row) runs guarded, so one that
raises becomes a warning carrying its error and the rest of the document is still extracted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.datamodel.claims import Claim
from pipeline.datamodel.document import Document
from pipeline.models.factsheet import figures, policy_table
from pipeline.models.factsheet.common import ExtractorFailure, Failures
from pipeline.models.factsheet.policy_table import PolicyTableResult, StitchIssue
from pipeline.text.regions import country_name


@dataclass(frozen=True)
class FactsheetResult:
    claims: list[Claim]
    issues: list[StitchIssue]
    policy_tables: int
    failures: list[ExtractorFailure] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        """Stitching issues, then extractor failures, as the document's warnings."""
        return [
            *(f"policy table, page {i.page}: {i.code}: {i.message}" for i in self.issues),
            *(f.warning() for f in self.failures),
        ]


def extract_policy_table_part(doc: Document, country: str | None) -> FactsheetResult:
    """The policy table(s), each field guarded: a failing field is a recorded failure."""
    failures = Failures()
    policies = PolicyTableResult(claims=[], issues=[], tables=0)
    try:
        policies = policy_table.extract_policy_tables(doc, country, failures)
    except Exception as exc:  # noqa: BLE001 - recorded; the country figures are still read
        failures.items.append(ExtractorFailure("policy table", None, f"{type(exc).__name__}: {exc}"))
    return FactsheetResult(
        claims=policies.claims, issues=policies.issues, policy_tables=policies.tables, failures=failures.items
    )


def extract_figures_part(doc: Document, country: str | None) -> FactsheetResult:
    """Maturity scores, cluster-organisation counts and agglomeration rows, each part guarded."""
    name = country_name(country) or (country or "unknown")
    failures = Failures()
    claims = [
        *failures.run("maturity", None, figures.maturity_claims, doc, country, name, failures),
        *failures.run(
            "cluster organisations", None, figures.cluster_organisation_claims, doc, country, name
        ),
        *failures.run(
            "agglomerations", None, figures.agglomeration_claims, doc, country, name, failures
        ),
    ]
    return FactsheetResult(claims=claims, issues=[], policy_tables=0, failures=failures.items)


def extract_factsheet(doc: Document, country: str | None) -> FactsheetResult:
    """Every table-borne fact of a factsheet; prose is left to the NLP extractor."""
    tables = extract_policy_table_part(doc, country)
    figures_part = extract_figures_part(doc, country)
    return FactsheetResult(
        claims=[*tables.claims, *figures_part.claims],
        issues=tables.issues,
        policy_tables=tables.policy_tables,
        failures=[*tables.failures, *figures_part.failures],
    )
