"""The attribute vocabulary: every claim attribute, what it is about and where it goes.

One table, read by the record builders (`pipeline.reconcile.records`) and the conflict
detector (`pipeline.reconcile.conflicts`), so that a new attribute is one new row here:

- `name`: the claim attribute. A family of keyed attributes ends in `*`
  (`cluster_organisations.by_region.*` covers `cluster_organisations.by_region.Flanders`).
- `subject_type`: what the claim is about (policy, cluster, country).
- `value_type`: the claim's value type, checked by `check_value`.
- `record_path`: where the value lands in the subject's record (dotted path), or None when
  the attribute lives in claims only (then it still appears in a cluster's `claims`).
- `fold`: how one document's claims of the attribute make one record value: the `first`
  one, a `list` of them, or the paragraphs `joined` (see `pipeline.text.paragraphs`).
- `compare`: how values are compared for conflicts: `year` (a vague "2000/2003" covers
  every year in it), `number` or `text`; None: never compared.
- `conflict_name`: the attribute a conflict is reported under (two claim attributes may
  be compared as one: the table's `history.starting_year` and the prose `starting_year`).
- `part_of`: the total this attribute is a part of (an internal check: parts must add up).

The extractors that feed records (as opposed to claims only) are listed in
`RECORD_SOURCES`; their names are the registered extractor names (`Extractor`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Literal

from pydantic import TypeAdapter, ValidationError

from pipeline.datamodel.claims import ClaimValue, NotAvailable, SubjectType


class Extractor(StrEnum):
    """The built-in extractors (names as registered in `pipeline.stages.process`)."""

    POLICY_TABLE = "factsheet.policy_table"
    FACTSHEET_FIGURES = "factsheet.figures"
    PROSE = "prose"
    SLIDES = "slides"


class Compare(StrEnum):
    YEAR = "year"
    NUMBER = "number"
    TEXT = "text"


Fold = Literal["first", "list", "unique", "joined"]
ValueType = Literal["int", "float", "str", "year", "year_or_na", "text_or_na", "period"]
RecordType = Literal["policy", "country", "cluster"]

# which extractors' claims build each record type (prose claims stay claims)
RECORD_SOURCES: dict[RecordType, frozenset[str]] = {
    "policy": frozenset({Extractor.POLICY_TABLE}),
    "country": frozenset({Extractor.FACTSHEET_FIGURES}),
}


def feeds_record(record_type: RecordType, extractor: str | None) -> bool:
    """True when claims of `extractor` build `record_type` records (not only claims)."""
    return extractor in RECORD_SOURCES.get(record_type, frozenset())


@dataclass(frozen=True)
class AttributeSpec:
    name: str
    subject_type: SubjectType
    value_type: ValueType
    record_path: str | None = None
    fold: Fold = "first"
    compare: Compare | None = None
    conflict_name: str | None = None
    part_of: str | None = None
    description: str = ""

    @property
    def keyed(self) -> bool:
        return self.name.endswith(".*")

    def matches(self, attribute: str) -> bool:
        if self.keyed:
            prefix = self.name[:-1]
            return attribute.startswith(prefix) and len(attribute) > len(prefix)
        return attribute == self.name

    def key(self, attribute: str) -> str | None:
        """The key of a keyed attribute ('Flanders' in `cluster_organisations.by_region.Flanders`)."""
        return attribute[len(self.name) - 1 :] if self.keyed and self.matches(attribute) else None

    def compared_as(self, attribute: str) -> str:
        """The attribute a conflict about this claim attribute is reported under."""
        return self.conflict_name or attribute


def _policy(
    name: str,
    value_type: ValueType,
    fold: Fold = "first",
    *,
    compare: Compare | None = None,
    conflict_name: str | None = None,
    description: str = "",
) -> AttributeSpec:
    """A field of the policy record, filled from the policy table."""
    return AttributeSpec(
        name,
        "policy",
        value_type,
        record_path=name,
        fold=fold,
        compare=compare,
        conflict_name=conflict_name,
        description=description,
    )


def _categorised(path: str) -> tuple[AttributeSpec, AttributeSpec]:
    return (
        _policy(f"{path}.categories", "str", "list", description=f"a standardised (bold) category of {path}"),
        _policy(f"{path}.description", "str", "joined", description=f"the free description of {path}"),
    )


VOCABULARY: tuple[AttributeSpec, ...] = (
    # ---- policy: the ECCP policy table (record fields) ...
    AttributeSpec("name", "policy", "str", description="the policy's name as its table gives it"),
    _policy("policy_type", "str", compare=Compare.TEXT, description="national or regional policy"),
    _policy("region", "str", compare=Compare.TEXT, description="the region of a regional policy"),
    *_categorised("objectives"),
    *_categorised("focus"),
    *_categorised("responsible_authorities"),
    *_categorised("beneficiaries"),
    *_categorised("instruments.financial"),
    *_categorised("instruments.technical_assistance"),
    _policy("instruments.explanation", "str"),
    _policy("history.period", "period", compare=Compare.TEXT, conflict_name="period"),
    _policy("history.starting_year", "year_or_na", compare=Compare.YEAR, conflict_name="starting_year"),
    _policy("history.ending_year", "year_or_na", compare=Compare.YEAR, conflict_name="ending_year"),
    _policy("history.ending_year_text", "str"),
    _policy("history.explanation", "str"),
    _policy("budget.overall", "text_or_na"),
    _policy("budget.annual", "text_or_na"),
    _policy("budget.source_of_funding", "text_or_na"),
    _policy("evaluation.availability", "text_or_na"),
    _policy("evaluation.results", "text_or_na"),
    _policy("eu_priorities", "str", "list", description="an EU priority the policy aligns with"),
    # ... and policy facts from prose (claims only)
    AttributeSpec("starting_year", "policy", "year", compare=Compare.YEAR, description="a dated start"),
    AttributeSpec("cluster_count", "policy", "int", description="how many clusters the policy supports"),
    AttributeSpec("member_count", "policy", "int"),
    AttributeSpec("mentioned", "policy", "str", description="the policy is named in the source"),
    # ---- cluster (claims; the cluster record is built from entities and these claims)
    AttributeSpec("created_year", "cluster", "year", compare=Compare.YEAR),
    AttributeSpec("renamed_to", "cluster", "str", description="the cluster's new name"),
    AttributeSpec("abbreviation", "cluster", "str"),
    AttributeSpec("description", "cluster", "str"),
    AttributeSpec("status", "cluster", "str", description="active, in development ..."),
    AttributeSpec("member_count", "cluster", "int"),
    AttributeSpec("mentioned", "cluster", "str"),
    # ---- country: factsheet figures (record fields) and prose counts
    *(
        AttributeSpec(
            f"maturity.{part}",
            "country",
            "float",
            record_path=f"maturity.{part}",
            compare=Compare.NUMBER,
            part_of="maturity.total",
        )
        for part in ("policy_scope", "continuity", "evidence_of_performance", "support_instruments")
    ),
    AttributeSpec("maturity.total", "country", "float", record_path="maturity.total", compare=Compare.NUMBER),
    AttributeSpec("maturity.max", "country", "float", record_path="maturity.max", compare=Compare.NUMBER),
    AttributeSpec(
        "cluster_organisations.total",
        "country",
        "int",
        record_path="cluster_organisations.total",
        compare=Compare.NUMBER,
        description="cluster organisations of the country (registered on the ECCP)",
    ),
    AttributeSpec(
        "cluster_organisations.by_region.*",
        "country",
        "int",
        record_path="cluster_organisations.by_region.*",
        compare=Compare.NUMBER,
        part_of="cluster_organisations.total",
    ),
    AttributeSpec(
        "cluster_organisations.names",
        "country",
        "str",
        record_path="cluster_organisations.names",
        fold="unique",
    ),
    AttributeSpec("cluster_organisations.as_of", "country", "str", record_path="cluster_organisations.as_of"),
    AttributeSpec("agglomerations.sectoral.*", "country", "str", record_path="agglomerations.sectoral"),
    AttributeSpec("agglomerations.ecosystem.*", "country", "str", record_path="agglomerations.ecosystem"),
    AttributeSpec("cluster_count", "country", "int"),
)


@cache
def _index() -> dict[tuple[str, str], AttributeSpec]:
    return {(s.subject_type, s.name): s for s in VOCABULARY if not s.keyed}


def spec_of(subject_type: str, attribute: str) -> AttributeSpec | None:
    """The vocabulary entry of a claim attribute, or None when it is not in the vocabulary.

    >>> spec_of("country", "cluster_organisations.by_region.Flanders").name
    'cluster_organisations.by_region.*'
    >>> spec_of("policy", "history.starting_year").compared_as("history.starting_year")
    'starting_year'
    """
    exact = _index().get((subject_type, attribute))
    if exact is not None:
        return exact
    for spec in VOCABULARY:
        if spec.keyed and spec.subject_type == subject_type and spec.matches(attribute):
            return spec
    return None


def parts_of(total: str) -> tuple[AttributeSpec, ...]:
    """The attributes whose values must add up to `total`."""
    return tuple(s for s in VOCABULARY if s.part_of == total)


_CHECKS: dict[ValueType, TypeAdapter[object]] = {
    "int": TypeAdapter(int),
    "float": TypeAdapter(float),
    "str": TypeAdapter(str),
    "year": TypeAdapter(int | str),
    "year_or_na": TypeAdapter(int | NotAvailable | None),
    "text_or_na": TypeAdapter(str | NotAvailable | None),
    "period": TypeAdapter(Literal["limited", "unlimited"] | NotAvailable | None),
}


def check_value(spec: AttributeSpec, value: ClaimValue) -> bool:
    """True when `value` has the vocabulary's value type (strict: no coercion, no bool for int)."""
    if isinstance(value, bool):
        return False
    try:
        _CHECKS[spec.value_type].validate_python(value, strict=True)
    except ValidationError:
        return False
    return True


def cluster_organisations_attribute(region: str | None) -> str:
    """The attribute of a count of cluster organisations: of a region, or of the whole country.

    >>> cluster_organisations_attribute("Flanders")
    'cluster_organisations.by_region.Flanders'
    >>> cluster_organisations_attribute(None)
    'cluster_organisations.total'
    """
    return "cluster_organisations.total" if region is None else f"cluster_organisations.by_region.{region}"
