"""Blocked entity resolution gives exactly what comparing all pairs gives (issue 11)."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

from pipeline.datamodel.claims import Claim, Evidence
from pipeline.reconcile import entities
from pipeline.reconcile.names import near_exact

SECTORS = (
    "Wood Health Logistics Materials Automotive Maritime Space Food Energy Hydrogen Photonics Textile "
    "Aerospace Biotech Fintech Cleantech Creative Water Robotics Agrifood Digital Mobility Plastics"
).split()
PLACES = (
    "Alpine Baltic Northern Southern Rhine Danube Coastal Valley Metropolitan Eastern Western Central "
    "Lakeside Highland River Forest Harbour Capital Border"
).split()
EXTRA = "Innovation Network Alliance Platform Hub Industries Technologies Solutions".split()
COUNTRIES = ("LU", "BE", "DE")


def generated_names(n: int, seed: int = 7) -> list[str]:
    """Cluster names with shared words, typos, plurals and optional 'Cluster' suffixes."""
    rng = random.Random(seed)
    out: set[str] = set()
    while len(out) < n:
        words = [rng.choice(PLACES), rng.choice(SECTORS)]
        if rng.random() < 0.6:
            words.append(rng.choice(EXTRA))
        name = " ".join(words)
        roll = rng.random()
        if roll < 0.1:
            k = rng.randrange(1, len(name) - 1)
            name = name[:k] + name[k + 1 :]
        elif roll < 0.15:
            name += "s"
        out.add(name + (" Cluster" if rng.random() < 0.5 else ""))
    return sorted(out)


def generated_claims(n: int) -> list[Claim]:
    rng = random.Random(1)
    names = generated_names(n)
    claims = []
    for i, name in enumerate(names):
        country = COUNTRIES[i % len(COUNTRIES)]
        evidence = Evidence(doc_id="d", uri="d.html", quote=name, method="nlp.mention")
        attributes: list[tuple[str, str]] = [("mentioned", name)]
        if rng.random() < 0.1:
            attributes.append(("description", rng.choice(names)))
        claims.extend(
            Claim.create(
                subject_type="cluster",
                subject_name=name,
                attribute=attribute,
                value=value,
                evidence=evidence,
                country=country,
                extractor="prose",
            )
            for attribute, value in attributes
        )
    return claims


def all_pairs_near_exact(nodes: list[entities.Node]) -> list[tuple[entities.Node, entities.Node]]:
    return [(a, b) for a, b in combinations(nodes, 2) if a[0] == b[0] and near_exact(a[1], b[1])]


def all_pairs_candidates(ents: list[entities.ClusterEntity], _descriptions: object) -> set[tuple[int, int]]:
    return {(i, j) for i, j in combinations(range(len(ents)), 2) if ents[i].country == ents[j].country}


def _nodes(claims: list[Claim]) -> list[entities.Node]:
    return sorted({(c.country, entities.cluster_core(c.subject_name, c.country)) for c in claims}, key=str)


def test_near_exact_pairs_on_2000_names_equal_all_pairs() -> None:
    nodes = _nodes(generated_claims(2000))
    blocked = {frozenset(p) for p in entities.near_exact_pairs(nodes)}
    reference = {frozenset(p) for p in all_pairs_near_exact(nodes)}
    assert len(reference) > 50  # the generated names do hold near-exact spellings
    assert blocked == reference


def _outcome(claims: list[Claim]) -> list[tuple[object, ...]]:
    resolved = entities.resolve(claims)
    return [
        (e.id, e.name, tuple(e.aliases), tuple((s.other_id, s.score, s.reason) for s in e.suggestions))
        for e in resolved.clusters
    ]


@pytest.mark.parametrize("n", [60, 300])
def test_resolution_equals_all_pairs_on_a_sample(n: int, monkeypatch: pytest.MonkeyPatch) -> None:
    claims = generated_claims(n)
    blocked = _outcome(claims)
    monkeypatch.setattr(entities, "near_exact_pairs", all_pairs_near_exact)
    monkeypatch.setattr(entities, "_suggestion_candidates", all_pairs_candidates)
    reference = _outcome(claims)
    assert sum(len(row[3]) for row in reference) > 0
    assert blocked == reference


def test_2000_names_resolve_into_entities_with_merges_and_suggestions() -> None:
    claims = generated_claims(2000)
    resolved = entities.resolve(claims)
    merged = [e for e in resolved.clusters if len(e.cores) > 1]
    assert len(resolved.clusters) + sum(len(e.cores) - 1 for e in merged) == len(_nodes(claims))
    assert merged and any(e.suggestions for e in resolved.clusters)
