"""Name normalisation for entity resolution.

Two names denote the same cluster only on evidence: the same core name after
normalisation (case, a leading article, a country qualifier, the word
"cluster", a legal form), a near-exact spelling, or an explicit rename.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from pipeline.text.regions import country_name

NEAR_EXACT = 90.0  # rapidfuzz ratio on core names: "InfoCom" ~ "InfoComm" is 93.3
SUGGEST = 70.0  # below NEAR_EXACT and above this: a review suggestion, never a merge
MIN_FUZZY_LEN = 5

_LEGAL = re.compile(r"\b(a\.?s\.?b\.?l|asbl|e\.?\s?v|gmbh|vzw|srl|sa|ltd|ry|z\.?s\.?|o\.?p\.?s)\b\.?", re.I)
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_CLUSTER_WORD = re.compile(r"\bclusters?\b", re.I)
_CLUSTER_FOR = re.compile(r"^(?:cluster|pôle)\s+(?:for|of)\s+(?:the\s+)?", re.I)
_PUNCT = re.compile(r"[^\w&+]+")


def plain(text: str) -> str:
    """Case-folded, single-spaced, without a leading article."""
    return _ARTICLE.sub("", " ".join(text.split())).casefold()


def cluster_core(name: str, country: str | None) -> str:
    """The part of a cluster name that identifies it.

    >>> cluster_core("the Luxembourg Wood Cluster", "LU")
    'wood'
    >>> cluster_core("Cluster for Logistics", "LU")
    'logistics'
    >>> cluster_core("Luxembourg HealthTech Cluster", "LU")
    'healthtech'
    >>> cluster_core("Cluster Maritime Luxembourgeois asbl / CML", "LU")
    'maritime luxembourgeois cml'
    """
    text = plain(name)
    text = _CLUSTER_FOR.sub("", text)
    country_label = (country_name(country) or "").casefold()
    if country_label and text.startswith(country_label + " ") and len(text) > len(country_label) + 1:
        text = text[len(country_label) + 1 :]
    text = _LEGAL.sub(" ", text)
    text = _CLUSTER_WORD.sub(" ", text)
    text = _PUNCT.sub(" ", text)
    core = " ".join(text.split())
    return core or plain(name)


def near_exact(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_FUZZY_LEN:
        return False
    return fuzz.ratio(a, b) >= NEAR_EXACT


def similarity(a: str, b: str) -> float:
    """A score for review suggestions: the best of ratio and token-set ratio."""
    return max(fuzz.ratio(a, b), fuzz.token_set_ratio(a, b))


@lru_cache(maxsize=4096)
def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def policy_tokens(name: str) -> tuple[str, ...]:
    """Singularised word tokens of a policy name, without a leading article."""
    return tuple(_singular(w) for w in _PUNCT.sub(" ", plain(name)).split())


def expand_coordination(name: str) -> list[str]:
    """'Business and Competitive Cluster policies' -> both short forms it abbreviates.

    >>> expand_coordination("Business and Competitive Cluster policies")
    ['Business Cluster policies', 'Competitive Cluster policies']
    >>> expand_coordination("Luxembourg Cluster Initiative")
    ['Luxembourg Cluster Initiative']
    """
    match = re.match(r"^(?:the\s+)?(\w[\w-]*)\s+and\s+(\w[\w-]*)\s+(.+)$", name.strip(), re.I)
    if not match:
        return [name]
    first, second, head = match.groups()
    return [f"{first} {head}", f"{second} {head}"]


def is_sub_phrase(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when `short` (two tokens or more) occurs contiguously in `long`."""
    if len(short) < 2 or len(short) > len(long):
        return False
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))
