"""Entity resolution and conflict rules on hand-made claims (no documents needed)."""

from __future__ import annotations

import json

import pytest

from pipeline.datamodel.claims import Claim, ClaimValue, Evidence
from pipeline.reconcile.conflicts import Decision, DecisionsError, apply_decisions, compatible, load_decisions
from pipeline.reconcile.names import cluster_core, near_exact
from pipeline.reconcile.records import reconcile


def claim(
    subject: str,
    attribute: str,
    value: ClaimValue,
    *,
    doc: str = "d1",
    kind: str = "cluster",
    qualifier: str | None = None,
    country: str | None = "LU",
    method: str = "nlp.event",
    extractor: str | None = None,
) -> Claim:
    return Claim.create(
        subject_type=kind,  # type: ignore[arg-type]
        subject_name=subject,
        attribute=attribute,
        value=value,
        qualifier=qualifier,
        country=country,
        evidence=Evidence(doc_id=doc, uri=f"{doc}.html", quote=f"{subject} {value}", method=method),
        extractor=extractor or EXTRACTOR_OF_METHOD.get(method.split(".")[0], "prose"),
    )


EXTRACTOR_OF_METHOD = {"factsheet": "factsheet.figures", "nlp": "prose", "slides": "slides"}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([2001, 2002], False),
        ([2002, 2002], True),
        (["2000/2003", 2001], True),  # "at the beginning of the 2000s" covers 2001
        (["2000/2003", 2002, 2001], False),
        (["2000/2003", 2005], False),
        (["1987/1989", "1988/1995"], True),
    ],
)
def test_vague_values_are_compatible_with_what_they_cover(values: list, expected: bool) -> None:
    assert compatible(values) is expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("InfoCom", "InfoComm", True),
        ("Luxembourg HealthTech Cluster", "HealthTech", True),
        ("the Luxembourg Wood Cluster", "Wood", True),
        ("AutoTec", "Automotive Components", False),
        ("CleanTech", "HealthTech", False),
    ],
)
def test_cluster_names_merge_only_on_evidence(a: str, b: str, same: bool) -> None:
    assert near_exact(cluster_core(a, "LU"), cluster_core(b, "LU")) is same


def test_rename_chain_gives_current_name_and_aliases() -> None:
    r = reconcile(
        [
            claim("SurfMat", "created_year", 2001, qualifier="created"),
            claim("SurfMat", "renamed_to", "Materials & Manufacturing", qualifier="rename", doc="d2"),
            claim("Luxembourg Materials & Manufacturing Cluster", "mentioned", "x", doc="d3"),
        ]
    )
    (cluster,) = r.clusters
    assert cluster.name == "Materials & Manufacturing"
    assert cluster.aliases == ["Luxembourg Materials & Manufacturing Cluster", "SurfMat"]
    assert cluster.created_year == 2001
    assert r.conflicts == []


def test_announcement_conflicts_but_creation_sets_the_year() -> None:
    r = reconcile(
        [
            claim("Creative Industries", "created_year", 2016, qualifier="announced", doc="a"),
            claim("Creative Industries", "created_year", 2017, qualifier="created", doc="b"),
        ]
    )
    (cluster,) = r.clusters
    assert cluster.created_year == 2017
    (conflict,) = r.conflicts
    assert (conflict.kind, [v.value for v in conflict.values]) == ("cross_source", [2016, 2017])
    assert conflict.values[0].qualifiers == ["announced"]


def test_two_creation_years_leave_created_year_null() -> None:
    r = reconcile(
        [claim("Wood", "created_year", 2016, doc="a"), claim("Wood", "created_year", 2015, doc="b")]
    )
    assert r.clusters[0].created_year is None
    assert len(r.conflicts) == 1


def test_lineage_is_not_a_start_year() -> None:
    r = reconcile(
        [
            claim(
                "Flanders Policy",
                "history.starting_year",
                2016,
                kind="policy",
                method="factsheet.policy_table",
            extractor="factsheet.policy_table",
            ),
            claim(
                "Flanders Policy",
                "name",
                "Flanders Policy",
                kind="policy",
                method="factsheet.policy_table",
            extractor="factsheet.policy_table",
            ),
            claim(
                "Flanders Policy", "starting_year", "1987/1989", kind="policy", qualifier="lineage", doc="b"
            ),
        ]
    )
    assert r.conflicts == []


def test_short_form_resolves_to_the_only_policy_containing_it() -> None:
    table = [
        claim(
            "Walloon Region Competitive Clusters Policy",
            "name",
            "x",
            kind="policy",
            country="BE",
            method="factsheet.policy_table",
            extractor="factsheet.policy_table",
        ),
        claim(
            "Walloon Region Competitive Clusters Policy",
            "history.starting_year",
            2005,
            kind="policy",
            country="BE",
            method="factsheet.policy_table",
            extractor="factsheet.policy_table",
        ),
    ]
    prose = claim(
        "Business and Competitive Cluster policies",
        "starting_year",
        2007,
        kind="policy",
        country="BE",
        qualifier="initiated",
        doc="d2",
    )
    r = reconcile([*table, prose])
    (conflict,) = r.conflicts
    assert conflict.subject_name == "Walloon Region Competitive Clusters Policy"
    assert conflict.kind == "cross_source"


def _conflict_claims() -> list[Claim]:
    return [claim("Wood", "created_year", 2016, doc="a"), claim("Wood", "created_year", 2015, doc="b")]


def test_reviewer_decision_resolves_and_new_value_reopens() -> None:
    (conflict,) = reconcile(_conflict_claims()).conflicts
    decision = Decision(
        conflict_id=conflict.id, value=2016, decided_by="ana", reason="agency site", values_seen=[2015, 2016]
    )
    (resolved,) = apply_decisions([conflict], [decision])
    assert resolved.status == "resolved"
    assert resolved.resolution is not None and resolved.resolution.value == 2016
    (reopened,) = reconcile(
        [*_conflict_claims(), claim("Wood", "created_year", 2014, doc="c")], [decision]
    ).conflicts
    assert reopened.id == conflict.id
    assert (reopened.status, reopened.resolution) == ("open", None)
    assert "Reopened" in reopened.explanation


def test_bad_decisions_file_names_the_file(tmp_path) -> None:
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps([{"conflict_id": "c", "value": 1}]))
    with pytest.raises(DecisionsError, match="decisions.json"):
        load_decisions(path)


def test_maturity_total_not_matching_its_criteria_is_an_internal_conflict() -> None:
    scores = {
        "policy_scope": 2.0,
        "continuity": 1.0,
        "evidence_of_performance": 0.5,
        "support_instruments": 2.0,
    }
    claims = [
        claim("Testland", f"maturity.{k}", v, kind="country", method="factsheet.maturity")
        for k, v in scores.items()
    ]
    claims.append(claim("Testland", "maturity.total", 6.0, kind="country", method="factsheet.maturity"))
    r = reconcile(claims)
    (conflict,) = r.conflicts
    assert (conflict.attribute, conflict.kind) == ("maturity.total", "internal")
    assert [v.value for v in conflict.values] == [6.0, 5.5]
    assert r.countries[0].maturity is not None and r.countries[0].maturity.total == 6.0


def test_maturity_total_matching_its_criteria_is_no_conflict() -> None:
    scores = {
        "policy_scope": 2.0,
        "continuity": 2.0,
        "evidence_of_performance": 0.0,
        "support_instruments": 2.0,
        "total": 6.0,
    }
    claims = [
        claim("Testland", f"maturity.{k}", v, kind="country", method="factsheet.maturity")
        for k, v in scores.items()
    ]
    assert reconcile(claims).conflicts == []


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("Slovenian Wood Cluster", "Wood Cluster of Slovenia", "SI"),
        ("Plastics Cluster", "Plastics Cluster Association", "AT"),
        ("Latvian IT Cluster", "IT Cluster of Latvia", "LV"),
        ("Moravian-Silesian Automotive Cluster, z.s.p.o.", "Moravian-Silesian Automotive Cluster", "CZ"),
        ("Energy Cluster Association of the Basque Country", "Basque Country Energy Cluster", "ES"),
        ("Lombardy Aerospace Cluster", "Aerospace Cluster Lombardy", "IT"),
        ("Nanotechnology Cluster", "Czech Republic Nanotechnology Cluster", "CZ"),
        ("Klaster Obróbki Metali", "Klaster Obróbki Metali Sp. z o.o.", "PL"),
    ],
)
def test_two_sources_spelling_one_organisation_give_one_cluster_and_their_disagreement(
    a: str, b: str, country: str
) -> None:
    r = reconcile(
        [
            claim(a, "created_year", 2009, qualifier="founded", doc="factsheet", country=country),
            claim(b, "created_year", 2011, qualifier="founded", doc="press", country=country),
        ]
    )
    assert len(r.clusters) == 1
    (conflict,) = r.conflicts
    assert (conflict.kind, [v.value for v in conflict.values]) == ("cross_source", [2009, 2011])


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("Slovenian Wood Cluster", "Slovenian Wood Processing Cluster", "SI"),
        ("Latvian Cluster Association", "Latvian IT Cluster", "LV"),  # nothing specific left of the first
        ("Luxembourg Cluster Initiative", "Cluster Initiative Network", "LU"),  # generic words only
        ("Food Cluster", "Food Cluster North", "DK"),
        ("Bavarian ICT Cluster", "ICT Cluster Berlin", "DE"),  # regions are not folded away
    ],
)
def test_names_that_differ_in_a_specific_word_stay_apart(a: str, b: str, country: str) -> None:
    r = reconcile(
        [
            claim(a, "created_year", 2009, qualifier="founded", doc="factsheet", country=country),
            claim(b, "created_year", 2011, qualifier="founded", doc="press", country=country),
        ]
    )
    assert len(r.clusters) == 2
    assert r.conflicts == []


def test_the_same_words_in_two_countries_stay_two_clusters() -> None:
    r = reconcile(
        [
            claim("Slovenian Wood Cluster", "created_year", 2009, doc="a", country="SI"),
            claim("Wood Cluster of Slovenia", "created_year", 2009, doc="b", country="SI"),
            claim("Wood Cluster", "created_year", 2011, doc="c", country="AT"),
        ]
    )
    assert sorted(c.country for c in r.clusters) == ["AT", "SI"]
    assert r.conflicts == []


def test_a_page_without_a_country_joins_the_one_cluster_it_names() -> None:
    r = reconcile(
        [
            claim("Agrinova Cluster", "created_year", 2007, qualifier="founded", doc="factsheet", country="IT"),
            claim("Agrinova", "created_year", 2008, qualifier="founded", doc="press", country=None),
        ]
    )
    (cluster,) = r.clusters
    assert cluster.country == "IT"
    (conflict,) = r.conflicts
    assert [v.value for v in conflict.values] == [2007, 2008]


def test_a_page_without_a_country_stays_apart_when_two_countries_have_the_name() -> None:
    r = reconcile(
        [
            claim("Wood Cluster", "created_year", 2007, doc="a", country="AT"),
            claim("Wood Cluster", "created_year", 2009, doc="b", country="SI"),
            claim("Wood Cluster", "created_year", 2008, doc="press", country=None),
        ]
    )
    assert sorted(str(c.country) for c in r.clusters) == ["AT", "None", "SI"]
    assert r.conflicts == []


def _policy_table(name: str, country: str, year: int) -> list[Claim]:
    return [
        claim(name, attribute, value, kind="policy", country=country, doc=f"factsheet-{country}",
              method="factsheet.policy_table", extractor="factsheet.policy_table")
        for attribute, value in (("name", "x"), ("history.starting_year", year))
    ]


@pytest.mark.parametrize(
    ("tables", "conflicts"),
    [
        ([("Czech Cluster Programme", "CZ", 2004)], 1),
        ([("Czech Cluster Programme", "CZ", 2004), ("Slovak Cluster Programme", "SK", 2004)], 0),
    ],
    ids=["one-owner", "two-countries-could-own-it"],
)
def test_a_page_without_a_country_names_a_policy_of_the_one_country_that_has_it(
    tables: list[tuple[str, str, int]], conflicts: int
) -> None:
    table_claims = [c for name, country, year in tables for c in _policy_table(name, country, year)]
    prose = claim("Cluster Programme", "starting_year", 2005, kind="policy", country=None,
                  qualifier="launched", doc="press")
    r = reconcile([*table_claims, prose])
    assert len(r.conflicts) == conflicts
    if conflicts:
        assert [v.value for v in r.conflicts[0].values] == [2004, 2005]

