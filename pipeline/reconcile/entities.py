"""Entity resolution: give every claim the id of the entity it is about.

Merges happen only on evidence: an explicit rename, the same core name, or a
near-exact spelling (policies: also a short form that occurs inside exactly
one policy name of the same country). Plausible but unproven identities become
`MatchSuggestion`s on the cluster records, for a reviewer.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from pipeline.datamodel.attributes import feeds_record
from pipeline.datamodel.base import stable_id
from pipeline.datamodel.claims import Claim
from pipeline.datamodel.records import MatchSuggestion
from pipeline.text.regions import country_name
from pipeline.reconcile.names import (
    MIN_FUZZY_LEN,
    NEAR_EXACT,
    SUGGEST,
    cluster_core,
    expand_coordination,
    is_sub_phrase,
    near_exact,
    plain,
    policy_tokens,
    similarity,
    variant_key,
)

Node = tuple[str | None, str]  # (country, core name)
Scorer = Callable[..., float]
_MARGIN = 1.0  # cdist scores are float32: prefilter a little below the threshold, confirm exactly
# what `resolve(claims, counts)` adds up: distinct (country, core) names; the same-country name
# pairs an all-pairs comparison would score; the (name, name) cells scored for near-exact spellings
# (blocked by country and length); the (name or description, core) cells scored for review
# suggestions (blocked by country; two scorers each); the entity pairs then rated one by one
COMPARISONS = ("names", "all_pairs", "near_exact_scored", "suggest_scored", "suggest_rated")
_GENERIC_CORES = {"", "new", "the", "this", "first", "very first", "our", "national", "previous"}


@dataclass
class ClusterEntity:
    id: str
    country: str | None
    name: str
    aliases: list[str]
    cores: set[str]
    suggestions: list[MatchSuggestion] = field(default_factory=list)


@dataclass(frozen=True)
class PolicyEntity:
    id: str
    country: str | None
    name: str


@dataclass(frozen=True)
class Resolved:
    claims: list[Claim]
    clusters: list[ClusterEntity]
    policies: list[PolicyEntity]


def policy_id(country: str | None, name: str) -> str:
    return stable_id("policy", {"country": country, "name": " ".join(policy_tokens(name))})


def country_id(country: str | None) -> str:
    return country or "unknown"


# ------------------------------------------------------------------ policies


def canonical_policies(claims: Sequence[Claim]) -> list[PolicyEntity]:
    """Policies named in a policy table's `Policy name:` row."""
    seen: dict[str, PolicyEntity] = {}
    for claim in claims:
        if (
            claim.subject_type == "policy"
            and claim.attribute == "name"
            and feeds_record("policy", claim.extractor)
        ):
            pid = policy_id(claim.country, claim.subject_name)
            seen.setdefault(pid, PolicyEntity(pid, claim.country, claim.subject_name))
    return sorted(seen.values(), key=lambda p: p.id)


def resolve_policy(name: str, country: str | None, policies: Sequence[PolicyEntity]) -> PolicyEntity | None:
    """Match a policy mention to a canonical policy of the same country, on evidence only.

    Same tokens (singular/plural aside); the country name prefixed ("Cluster
    Initiative" in a Luxembourg document); a near-exact spelling; or a short
    form of two words or more found inside exactly one policy name.
    """
    local = [p for p in policies if p.country == country]
    tokens = policy_tokens(name)
    qualified = policy_tokens(f"{country_name(country) or ''} {name}")
    for policy in local:
        theirs = policy_tokens(policy.name)
        if tokens == theirs or qualified == theirs or near_exact(" ".join(tokens), " ".join(theirs)):
            return policy
    hits: set[str] = set()
    found: PolicyEntity | None = None
    for form in expand_coordination(name):
        short = policy_tokens(form)
        for policy in local:
            if is_sub_phrase(short, policy_tokens(policy.name)):
                hits.add(policy.id)
                found = policy
    return found if len(hits) == 1 else None


def resolve_unplaced_policy(name: str, policies: Sequence[PolicyEntity]) -> PolicyEntity | None:
    """A policy named on a page whose country is unknown: the one canonical policy, of
    any country, that `resolve_policy` finds for it; None when none or several do."""
    found = {
        match.id: match
        for country in sorted({p.country for p in policies if p.country is not None})
        if (match := resolve_policy(name, country, policies)) is not None
    }
    return next(iter(found.values())) if len(found) == 1 else None


# ------------------------------------------------------------------ clusters


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[str | None, str], tuple[str | None, str]] = {}

    def find(self, node: tuple[str | None, str]) -> tuple[str | None, str]:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: tuple[str | None, str], b: tuple[str | None, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=str)] = min(ra, rb, key=str)


def _display(name: str) -> str:
    text = " ".join(name.split())
    for article in ("the ", "The "):
        if text.startswith(article):
            return text[len(article) :]
    return text


def cluster_entities(
    claims: Sequence[Claim], counts: Counter[str] | None = None
) -> tuple[list[ClusterEntity], dict[tuple[str | None, str], str]]:
    """Group cluster names into entities; return them and a map (country, core) -> entity id."""
    uf = _UnionFind()
    surface: dict[tuple[str | None, str], Counter[str]] = defaultdict(Counter)
    renames: list[tuple[tuple[str | None, str], tuple[str | None, str], str]] = []
    abbreviations: set[tuple[str | None, str]] = set()
    for claim in claims:
        if claim.subject_type != "cluster":
            continue
        node = (claim.country, cluster_core(claim.subject_name, claim.country))
        if node[1] in _GENERIC_CORES:
            continue
        uf.find(node)
        surface[node][_display(claim.subject_name)] += 1
        if claim.attribute in ("renamed_to", "abbreviation") and isinstance(claim.value, str):
            target = (claim.country, cluster_core(claim.value, claim.country))
            uf.find(target)
            surface[target][_display(claim.value)] += 1
            uf.union(node, target)
            if claim.attribute == "renamed_to":
                renames.append((node, target, _display(claim.value)))
            else:
                abbreviations.add(target)
    nodes = sorted(uf.parent, key=str)
    if counts is not None:
        counts["names"] += len(nodes)
        per_country = Counter(node[0] for node in nodes)
        counts["all_pairs"] += sum(n * (n - 1) // 2 for n in per_country.values())
    for a, b in near_exact_pairs(nodes, counts) if counts is not None else near_exact_pairs(nodes):
        uf.union(a, b)
    keys = variant_keys(nodes, surface)
    for a, b in variant_pairs(nodes, keys):
        uf.union(a, b)
    for a, b in unplaced_pairs(nodes, keys, uf.find):
        uf.union(a, b)
    groups: dict[tuple[str | None, str], list[tuple[str | None, str]]] = defaultdict(list)
    for node in nodes:
        groups[uf.find(node)].append(node)
    entities: list[ClusterEntity] = []
    index: dict[tuple[str | None, str], str] = {}
    for members in groups.values():
        name = _current_name([m for m in members if m not in abbreviations] or members, renames, surface)
        country = next((m[0] for m in members if m[0] is not None), None)
        eid = stable_id("cluster", {"country": country, "core": cluster_core(name, country)})
        forms = {f for m in members for f in surface[m]}
        aliases = sorted({f for f in forms if plain(f) != plain(name)}, key=lambda s: (s.casefold(), s))
        aliases = _dedupe_casefold(aliases)
        entity = ClusterEntity(eid, country, name, aliases, {m[1] for m in members})
        entities.append(entity)
        for m in members:
            index[m] = eid
    entities.sort(key=lambda e: e.id)
    return entities, index


def _dedupe_casefold(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for n in names:
        if n.casefold() not in seen:
            seen.add(n.casefold())
            out.append(n)
    return out


def _current_name(
    members: list[tuple[str | None, str]],
    renames: list[tuple[tuple[str | None, str], tuple[str | None, str], str]],
    surface: dict[tuple[str | None, str], Counter[str]],
) -> str:
    """The latest name in the rename chain; else the plainest, most frequent form."""
    member_set = set(members)
    olds = {old for old, _, _ in renames if old in member_set}
    targets = sorted(
        {(new, form) for _, new, form in renames if new in member_set and new not in olds}, key=str
    )
    if len({t[0] for t in targets}) == 1:
        forms = surface[targets[0][0]]
        return _best_form(forms, targets[0][0][1])
    counts: Counter[str] = Counter()
    for m in members:
        counts.update(surface[m])
    cores = {m[1] for m in members}
    return _best_form(counts, next(iter(sorted(cores))) if len(cores) == 1 else None)


def _best_form(forms: Counter[str], core: str | None) -> str:
    def key(form: str) -> tuple[int, int, int, str]:
        exact = 0 if core is not None and plain(form) == core else 1
        return (exact, -forms[form], len(form), form)

    return sorted(forms, key=key)[0]


def near_exact_pairs(nodes: Sequence[Node], counts: Counter[str] | None = None) -> list[tuple[Node, Node]]:
    """Pairs of (country, core) nodes whose cores are near-exact spellings of each other.

    Blocked instead of all pairs: by country, then by length (a ratio of NEAR_EXACT or more
    bounds the length difference), and scored block by block with rapidfuzz `cdist`; every
    candidate is confirmed with `near_exact`, so the pairs are those of the all-pairs loop.
    `counts` (when given) adds up what was compared (`COMPARISONS`).
    """
    pairs: list[tuple[Node, Node]] = []
    seen: set[frozenset[Node]] = set()
    for block in _by_country(nodes).values():
        by_length: dict[int, list[Node]] = defaultdict(list)
        for node in block:
            if len(node[1]) >= MIN_FUZZY_LEN:
                by_length[len(node[1])].append(node)
        lengths = sorted(by_length)
        for i, length in enumerate(lengths):
            queries = by_length[length]
            # ratio = 2·matches / (la + lb) >= NEAR_EXACT/100 needs lb <= la·(200 - N)/N (la <= lb)
            longest = length * (200 - NEAR_EXACT) / NEAR_EXACT
            choices = [n for other in lengths[i:] if other <= longest + 1e-9 for n in by_length[other]]
            for a, b in _scored_pairs(queries, choices, (fuzz.ratio,), NEAR_EXACT, counts, "near_exact_scored"):
                if a != b and frozenset((a, b)) not in seen and near_exact(a[1], b[1]):
                    seen.add(frozenset((a, b)))
                    pairs.append((a, b))
    return pairs


def variant_keys(nodes: Sequence[Node], surface: dict[Node, Counter[str]]) -> dict[Node, list[str]]:
    """Each node's `variant_key`s, one per written form that has one (sorted, without repeats)."""
    out: dict[Node, list[str]] = {}
    for node in nodes:
        keys = {variant_key(form, node[0]) for form in surface.get(node, ())}
        out[node] = sorted(k for k in keys if k is not None)
    return out


def variant_pairs(nodes: Sequence[Node], keys: dict[Node, list[str]]) -> list[tuple[Node, Node]]:
    """Pairs of same-country nodes one of whose written forms share a `variant_key`.

    "Slovenian Wood Cluster" and "Wood Cluster of Slovenia", "Plastics Cluster" and
    "Plastics Cluster Association": one organisation as two sources write it. Grouped
    by key (a hash, linear in the names), each group chained to its first node.
    """
    first: dict[tuple[str | None, str], Node] = {}
    pairs: list[tuple[Node, Node]] = []
    for node in nodes:
        for key in keys.get(node, ()):
            anchor = first.setdefault((node[0], key), node)
            if anchor != node:
                pairs.append((anchor, node))
    return pairs


def unplaced_pairs(
    nodes: Sequence[Node], keys: dict[Node, list[str]], root: Callable[[Node], Node]
) -> list[tuple[Node, Node]]:
    """Names from documents whose country is unknown, joined to the one cluster they name.

    A press page that never names its country still speaks of a cluster a factsheet
    placed: "Agrinova" on an undated, unplaced page and "Agrinova" in the Italian
    factsheet are one organisation when no other country has an "Agrinova". When
    the name (its core or its variant key) belongs to clusters of two or more
    entities, the page's name stays apart.
    """

    def names(node: Node) -> set[str]:
        return {f"core:{node[1]}", *(f"variant:{k}" for k in keys.get(node, ()))}

    owners: dict[str, set[Node]] = defaultdict(set)
    for node in nodes:
        if node[0] is not None:
            for name in names(node):
                owners[name].add(root(node))
    pairs: list[tuple[Node, Node]] = []
    for node in nodes:
        if node[0] is not None:
            continue
        found: set[Node] = set()
        for name in names(node):
            found |= owners.get(name, set())
        if len(found) == 1:
            pairs.append((found.pop(), node))
    return pairs


def _by_country(nodes: Sequence[Node]) -> dict[str | None, list[Node]]:
    out: dict[str | None, list[Node]] = defaultdict(list)
    for node in nodes:
        out[node[0]].append(node)
    return out


def _scored_pairs(
    queries: Sequence[Node],
    choices: Sequence[Node],
    scorers: Sequence[Scorer],
    threshold: float,
    counts: Counter[str] | None = None,
    counted_as: str = "",
) -> list[tuple[Node, Node]]:
    """(query, choice) pairs that some scorer rates at the threshold or close below it."""
    if not queries or not choices:
        return []
    if counts is not None:
        counts[counted_as] += len(queries) * len(choices)
    hits: set[tuple[int, int]] = set()
    for scorer in scorers:
        matrix = process.cdist(
            [q[1] for q in queries], [c[1] for c in choices], scorer=scorer, score_cutoff=threshold - _MARGIN
        )
        rows, cols = matrix.nonzero()
        hits.update(zip(rows.tolist(), cols.tolist(), strict=True))
    return [(queries[i], choices[j]) for i, j in sorted(hits)]


def _suggestion_candidates(
    entities: Sequence[ClusterEntity], descriptions: dict[str, set[str]], counts: Counter[str] | None = None
) -> set[tuple[int, int]]:
    """Index pairs (i < j) of same-country entities some core or description of which look
    alike (a superset of the pairs `_best_likeness` will rate at SUGGEST or more)."""
    owner: dict[Node, set[int]] = defaultdict(set)  # a core or description -> the entities it is of
    texts: dict[str | None, set[Node]] = defaultdict(set)  # per country: cores and descriptions
    cores: dict[str | None, set[Node]] = defaultdict(set)  # per country: cores
    members: dict[str | None, int] = defaultdict(int)
    for i, entity in enumerate(entities):
        members[entity.country] += 1
        for text in (*entity.cores, *descriptions.get(entity.id, ())):
            owner[(entity.country, text)].add(i)
            texts[entity.country].add((entity.country, text))
        cores[entity.country].update((entity.country, core) for core in entity.cores)
    candidates: set[tuple[int, int]] = set()
    for country, block in texts.items():
        if members[country] < 2:
            continue
        scored = _scored_pairs(sorted(block), sorted(cores[country]), _LIKENESS, SUGGEST, counts, "suggest_scored")
        for a, b in scored:
            candidates.update((min(i, j), max(i, j)) for i in owner[a] for j in owner[b] if i != j)
    return candidates


_LIKENESS: tuple[Scorer, ...] = (fuzz.ratio, fuzz.token_set_ratio)  # the scorers of `similarity`


def _best_likeness(
    a: ClusterEntity, b: ClusterEntity, descriptions: dict[str, set[str]]
) -> tuple[float, str]:
    """The best similarity between two entities' core names and descriptions, and why."""
    best, reason = 0.0, ""
    a_cores, b_cores = sorted(a.cores), sorted(b.cores)  # sorted: the same reason on every run
    for ca in a_cores:
        for cb in b_cores:
            score = similarity(ca, cb)
            if score > best:
                best, reason = score, f"names '{ca}' and '{cb}' are alike"
    for desc in sorted(descriptions[a.id]):
        for cb in b_cores:
            score = similarity(desc, cb)
            if score > best:
                best, reason = score, f"description '{desc}' of {a.name} is like '{cb}'"
    for desc in sorted(descriptions[b.id]):
        for ca in a_cores:
            score = similarity(desc, ca)
            if score > best:
                best, reason = score, f"description '{desc}' of {b.name} is like '{ca}'"
    return best, reason


def cluster_suggestions(
    entities: Sequence[ClusterEntity], claims: Sequence[Claim], counts: Counter[str] | None = None
) -> None:
    """Attach review suggestions between entities of one country that look alike.

    Compared: core names, and descriptions ("AutoTec (Automotive Technologies)")
    against the other's names. Never merges. Only the pairs a blocked rapidfuzz `cdist`
    finds close are rated (the others cannot reach SUGGEST).
    """
    descriptions: dict[str, set[str]] = defaultdict(set)
    by_id = {e.id: e for e in entities}
    for claim in claims:
        if (
            claim.subject_type == "cluster"
            and claim.attribute == "description"
            and isinstance(claim.value, str)
        ):
            if claim.subject_id in by_id:
                descriptions[claim.subject_id].add(claim.value.casefold())
    candidates = _suggestion_candidates(entities, descriptions, counts) if counts is not None else (
        _suggestion_candidates(entities, descriptions)
    )
    if counts is not None:
        counts["suggest_rated"] += len(candidates)
    for i, j in sorted(candidates):
        a, b = entities[i], entities[j]
        best, reason = _best_likeness(a, b, descriptions)
        if best >= SUGGEST:
            score = round(best / 100, 3)
            for one, other in ((a, b), (b, a)):
                one.suggestions.append(
                    MatchSuggestion(other_id=other.id, other_name=other.name, score=score, reason=reason)
                )
    for e in entities:
        e.suggestions.sort(key=lambda s: (-s.score, s.other_id))


# ------------------------------------------------------------------ all claims


def resolve(claims: Sequence[Claim], counts: Counter[str] | None = None) -> Resolved:
    """Rewrite every claim's `subject_id` to its resolved entity; `counts` (when given) adds up
    what was compared (`COMPARISONS`)."""
    policies = canonical_policies(claims)
    entities, index = cluster_entities(claims, counts)
    out: list[Claim] = []
    extra_policies: dict[str, PolicyEntity] = {}
    for claim in claims:
        if claim.subject_type == "policy":
            match = resolve_policy(claim.subject_name, claim.country, policies)
            if match is None and claim.country is None:
                match = resolve_unplaced_policy(claim.subject_name, policies)
            if match is None:
                pid = policy_id(claim.country, claim.subject_name)
                extra_policies.setdefault(pid, PolicyEntity(pid, claim.country, claim.subject_name))
                subject = pid
            else:
                subject = match.id
        elif claim.subject_type == "cluster":
            node = (claim.country, cluster_core(claim.subject_name, claim.country))
            if node not in index:
                continue
            subject = index[node]
        else:
            subject = country_id(claim.country)
        out.append(claim.model_copy(update={"subject_id": subject}) if subject != claim.subject_id else claim)
    out.sort(key=lambda c: c.evidence.uri)  # stable: keeps each document's reading order
    cluster_suggestions(entities, out, counts)
    all_policies = sorted([*policies, *extra_policies.values()], key=lambda p: p.id)
    return Resolved(claims=out, clusters=entities, policies=all_policies)
